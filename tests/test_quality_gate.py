"""Quality can only go up: corpus figures must stay at or above the floors pinned in the repo."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FLOORS = json.loads((Path(__file__).parent / "quality_floors.json").read_text(encoding="utf-8"))
CORPORA = [name for name in FLOORS if not name.startswith("_")]


def load_evaluator():
    spec = importlib.util.spec_from_file_location("bench_evaluate", ROOT / "bench" / "evaluate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def results():
    evaluator = load_evaluator()
    out = {}
    for name in CORPORA:
        figures = evaluator.evaluate(ROOT / "tests" / name, with_peers=True)
        out[name] = {r["system"]: r for r in figures["results"]}
    return out


@pytest.mark.parametrize(("corpus", "field"),
                         [(c, f) for c in CORPORA for f in FLOORS[c]])
def test_figure_at_or_above_floor(results, corpus, field):
    got, floor = results[corpus]["briefgen"][field], FLOORS[corpus][field]
    assert got >= floor, f"{corpus} {field} fell to {got} (floor {floor})"


@pytest.mark.parametrize("corpus", CORPORA)
def test_key_points_beat_both_peers(results, corpus):
    ours = results[corpus]["briefgen"]["keypoints_recall_at5"]
    assert ours > results[corpus]["lead5"]["keypoints_recall_at5"]
    assert ours > results[corpus]["lexrank5"]["keypoints_recall_at5"]


def test_corpora_are_complete(results):
    assert results["corpus"]["briefgen"]["docs"] == 20
    assert results["heldout"]["briefgen"]["docs"] == 16
    assert results["heldout2"]["briefgen"]["docs"] == 16
