"""Quality can only go up: the dev-corpus figures must stay at or above the pinned floors."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FLOORS = json.loads((Path(__file__).parent / "quality_floors.json").read_text(encoding="utf-8"))


def load_evaluator():
    spec = importlib.util.spec_from_file_location("bench_evaluate", ROOT / "bench" / "evaluate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def results():
    out = load_evaluator().evaluate(ROOT / "tests" / "corpus", with_peers=True)
    return {r["system"]: r for r in out["results"]}


@pytest.mark.parametrize("field", [k for k in FLOORS if not k.startswith("_")])
def test_figure_at_or_above_floor(results, field):
    assert results["briefgen"][field] >= FLOORS[field], (
        f"{field} fell to {results['briefgen'][field]} (floor {FLOORS[field]})")


def test_key_points_beat_both_peers(results):
    ours = results["briefgen"]["keypoints_recall_at5"]
    assert ours > results["lead5"]["keypoints_recall_at5"]
    assert ours > results["lexrank5"]["keypoints_recall_at5"]


def test_corpus_is_complete(results):
    assert results["briefgen"]["docs"] == 20
