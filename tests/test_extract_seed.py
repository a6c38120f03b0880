"""The seed readout's acceptance: parties, the six attendees, positions, meeting, glossary."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from briefgen.pipeline import build_brief

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_0ff103b2e130dde9.txt"
GOLDEN = Path(__file__).resolve().parent / "golden" / "000_seed.brief.json"

EXPECTED_ATTENDEES = [
    ("United States", "Major General", "Miguel Correa",
     "National Security Council Senior Director"),
    ("United States", None, "Henry Wooster", "Deputy Assistant Secretary of State"),
    ("United States", None, "Richard Norland", "U.S. Ambassador to Libya"),
    ("LNA", "General", "Aoun Al Farjani", "Head of the LNA Command Apparatus"),
    ("LNA", "General", "Abd Al Karim Hadiya", "LNA Secretary General"),
    ("LNA", "General", "Kheiri Al Tamimi", "Office Director for the LNA General Commander"),
]


@pytest.fixture(scope="module")
def brief():
    return build_brief(str(SEED)).to_dict()


def test_parties_and_aliases(brief):
    names = [p["name"] for p in brief["parties"]]
    assert names == ["United States", "LNA"]
    aliases = brief["parties"][0]["aliases"]
    for alias in ("U.S.", "U.S. Government", "U.S. side", "U.S. delegation"):
        assert alias in aliases


def test_exactly_the_six_attendees(brief):
    got = [(a["party"], a["rank"], a["name"], a["title"]) for a in brief["attendees"]]
    assert got == EXPECTED_ATTENDEES


def test_positions_by_party(brief):
    by_party: dict[str, list[str]] = {}
    for p in brief["positions"]:
        by_party.setdefault(p["party"], []).append(p["sentence"])
    assert [s[:25] for s in by_party["joint"]] == ["The two sides affirmed th",
                                                   "Both delegations reaffirm"]
    assert [s[:25] for s in by_party["LNA"]] == ["The LNA delegation briefe"]
    assert [s[:25] for s in by_party["United States"]] == [
        "The U.S. side reaffirmed ", "The U.S. delegation stres", "The U.S. delegation empha"]
    for p in brief["positions"]:
        assert p["verb"] in p["sentence"] and p["statement"].startswith(p["verb"])


def test_every_item_points_at_its_exact_source_sentence(brief):
    body_text = SEED.read_text(encoding="utf-8")
    for item in brief["positions"] + brief["key_points"] + brief["attendees"]:
        ref = item["source"]
        assert ref["paragraph"] >= 1 and ref["end"] > ref["start"]
    for item in brief["positions"] + brief["key_points"]:
        assert item["sentence"] in body_text


def test_meeting_and_glossary(brief):
    assert brief["meeting"]["date"] == "July 1"
    assert brief["meeting"]["date_iso"] is None  # no year in the text: never guessed
    assert brief["meeting"]["format"] == "virtual"
    glossary = {g["term"]: (g["expansion"], g["origin"]) for g in brief["glossary"]}
    assert glossary["SSR"] == ("security sector reform", "document")
    assert glossary["DDR"] == ("disarmament, demobilization, and reintegration", "document")


def test_no_boilerplate_anywhere_but_removed(brief):
    removed = brief.pop("removed")
    assert any("Public Release" in r["text"] for r in removed)
    # The source's own paragraphs (the annex's text) hold it, marked as removed.
    paragraphs = [p for s in brief["sources"] for p in s["paragraphs"]]
    assert [p["removed"] for p in paragraphs if "Public Release" in p["text"]] == [
        "syndication disclaimer"]
    text = json.dumps({**brief, "sources": [{k: v for k, v in s.items() if k != "paragraphs"}
                                            for s in brief["sources"]]})
    for fragment in ("Public Release", "Mirage.News", "View in full here", "originating"):
        assert fragment not in text


def test_summary_and_key_points_are_source_sentences(brief):
    summary = brief["summary"]
    assert summary.startswith("On July 1, the U.S. Government")
    pieces = [k["text"] for k in brief["key_points"] if k["text"] in summary]
    assert 2 <= len(pieces) <= 3
    assert len(summary) == sum(len(p) for p in pieces) + len(pieces) - 1  # nothing else added
    assert 3 <= len(brief["key_points"]) <= 5


def test_golden_brief(brief, request):
    """The whole Brief JSON; refresh with `pytest --update-golden` after a deliberate change."""
    brief = dict(brief)
    brief["sources"] = [{**s, "path": Path(s["path"]).name} for s in brief["sources"]]
    if request.config.getoption("--update-golden", default=False) or \
            os.environ.get("BRIEFGEN_UPDATE_GOLDEN"):
        GOLDEN.write_text(json.dumps(brief, indent=2, ensure_ascii=False) + "\n",
                          encoding="utf-8")
    expected = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert brief == expected
