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


def corpus_part(name: str) -> tuple[Path, set[str] | None]:
    """``world/dev`` -> tests/world and the stems tests/world/dev.txt lists; ``corpus`` -> all."""
    folder, _, part = name.partition("/")
    if not part:
        return ROOT / "tests" / folder, None
    listed = (ROOT / "tests" / folder / f"{part}.txt").read_text(encoding="utf-8")
    return ROOT / "tests" / folder, {line.strip() for line in listed.splitlines()
                                     if line.strip() and not line.startswith("#")}


@pytest.fixture(scope="module")
def results():
    evaluator = load_evaluator()
    out = {}
    for name in CORPORA:
        folder, only = corpus_part(name)
        figures = evaluator.evaluate(folder, with_peers=True, only=only)
        out[name] = {r["system"]: r for r in figures["results"]}
    return out


@pytest.mark.parametrize(("corpus", "field"),
                         [(c, f) for c in CORPORA for f in FLOORS[c] if not f.startswith("_")])
def test_figure_at_or_above_floor(results, corpus, field):
    got, floor = results[corpus]["briefgen"][field], FLOORS[corpus][field]
    assert got >= floor, f"{corpus} {field} fell to {got} (floor {floor})"


@pytest.mark.parametrize("corpus", [c for c in CORPORA if FLOORS[c].get("_beats_peers", True)])
def test_key_points_beat_both_peers(results, corpus):
    ours = results[corpus]["briefgen"]["keypoints_recall_at5"]
    assert ours > results[corpus]["lead5"]["keypoints_recall_at5"]
    assert ours > results[corpus]["lexrank5"]["keypoints_recall_at5"]


def test_corpora_are_complete(results):
    assert results["corpus"]["briefgen"]["docs"] == 20
    assert results["heldout"]["briefgen"]["docs"] == 16
    assert results["heldout2"]["briefgen"]["docs"] == 16
    assert results["world/dev"]["briefgen"]["docs"] == 45
    assert results["genres/dev"]["briefgen"]["docs"] == 21
