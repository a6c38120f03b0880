"""Several sources, one brief: merged parties and people, references that name their source,
a positions matrix, and what a later source adds."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from docx import Document as WordDocument
from pypdf import PdfReader

from briefgen.model import Brief
from briefgen.pipeline import build_brief, build_document, write_document
from briefgen.render import MemoOptions

ROOT = Path(__file__).resolve().parent.parent
CORPUS, HELDOUT = ROOT / "tests" / "corpus", ROOT / "tests" / "heldout"


@pytest.fixture(scope="module")
def trilateral() -> Brief:
    """Two real readouts between the same three countries (U.S., Japan, Republic of Korea)."""
    return build_brief([str(CORPUS / "029.txt"), str(HELDOUT / "H01.txt")])


def test_parties_are_merged_by_name_and_alias(trilateral):
    names = sorted(p.name for p in trilateral.parties)
    assert names == ["Japan", "Republic of Korea", "United States"]


def test_the_same_person_is_one_attendee_with_every_meeting(trilateral):
    by_name = {a.name: a for a in trilateral.attendees}
    assert by_name["Jake Sullivan"].meetings == (1, 2)
    assert by_name["Akiba Takeo"].meetings == (1, 2)
    assert by_name["Shin Wonsik"].meetings == (1,)
    assert by_name["Cho Tae-yong"].meetings == (2,)
    assert len(trilateral.attendees) == len({a.name for a in trilateral.attendees}) == 4


def test_people_sharing_a_surname_are_never_merged(tmp_path):
    one = tmp_path / "one.txt"
    two = tmp_path / "two.txt"
    one.write_text("Readout of a Meeting\n\nSecretary of State Antony J. Blinken met with "
                   "Foreign Minister Kim Sung-han of the Republic of Korea in Washington. The "
                   "two sides reaffirmed their alliance.\n", encoding="utf-8")
    two.write_text("Readout of Another Meeting\n\nSecretary of State Antony J. Blinken met with "
                   "Unification Minister Kim Young-ho of the Republic of Korea in Seoul. The "
                   "Secretary stressed support for dialogue.\n", encoding="utf-8")
    brief = build_brief([str(one), str(two)])
    kims = sorted(a.name for a in brief.attendees if "Kim" in a.name)
    assert kims == ["Kim Sung-han", "Kim Young-ho"]
    blinken = [a for a in brief.attendees if a.name.endswith("Blinken")]
    assert len(blinken) == 1 and blinken[0].meetings == (1, 2)


def test_every_reference_names_its_source(trilateral):
    documents = {p.source.document for p in trilateral.positions}
    assert documents == {1, 2}
    assert [s.path.split("/")[-1] for s in trilateral.sources] == ["029.txt", "H01.txt"]


def test_later_source_positions_are_noted(tmp_path):
    early = tmp_path / "march.txt"
    late = tmp_path / "april.txt"
    early.write_text("Secretary Blinken’s Call with Estonian Foreign Minister Reinsalu\n\n"
                     "On March 1, 2022, Secretary of State Antony J. Blinken spoke with Estonian "
                     "Foreign Minister Urmas Reinsalu. Secretary Blinken reaffirmed strong "
                     "support for Ukraine’s sovereignty and territorial integrity.\n",
                     encoding="utf-8")
    late.write_text("Secretary Blinken’s Meeting with Estonian Foreign Minister Reinsalu\n\n"
                    "On April 12, 2022, Secretary of State Antony J. Blinken met with Estonian "
                    "Foreign Minister Urmas Reinsalu in Washington. Secretary Blinken reaffirmed "
                    "strong support for Ukraine’s sovereignty and territorial integrity. The "
                    "Secretary called for new sanctions on Russian energy exports and "
                    "liquefied natural gas shipments.\n", encoding="utf-8")
    brief = build_brief([str(early), str(late)])
    assert [s.date_iso for s in brief.sources] == ["2022-03-01", "2022-04-12"]
    changes = [c for c in brief.changes if c.party == "United States"]
    assert len(changes) == 1
    assert "sanctions" in changes[0].sentence and changes[0].source.document == 2
    assert "source 2" in changes[0].note


def test_the_memo_shows_sources_meetings_and_the_matrix(tmp_path):
    brief = build_brief([str(CORPUS / "033.txt"), str(HELDOUT / "H12.txt")])
    assert brief.topics and any(p.party == "Japan" for p in brief.positions)
    document = build_document(brief, MemoOptions())
    targets = [("pdf", tmp_path / "memo.pdf"), ("docx", tmp_path / "memo.docx")]
    write_document(document, targets)
    text = " ".join(page.extract_text() or "" for page in PdfReader(targets[0][1]).pages)
    flat = " ".join(text.split())
    for expected in ("Positions by Topic", "not addressed", "[1 ¶", "[2 ¶", "Meeting 1:",
                     "Meeting 2:", brief.sources[1].sha256[:16]):
        assert expected in flat
    word = WordDocument(str(targets[1][1]))
    matrix = [t for t in word.tables if t.rows[0].cells[0].text.strip() == "Topic"]
    assert matrix, "the positions matrix is a table in the DOCX"
    header = [c.text.strip() for c in matrix[0].rows[0].cells]
    assert {"Japan", "United States"} <= set(header)
    topics = [row.cells[0].text.strip() for row in matrix[0].rows[1:]]
    names = [t.name for t in brief.topics if any(p.topic == t.name for p in brief.positions)]
    assert len(topics) >= 2 and topics == [t for t in names if t in topics]
    # Cells point at the positions printed above by reference; no stance is printed twice.
    for row in matrix[0].rows[1:]:
        for cell in row.cells[1:]:
            refs = cell.text.strip()
            assert refs == "not addressed" or re.fullmatch(r"\[\d\u00a0¶\d+\](, \[\d\u00a0¶\d+\])*",
                                                                 refs)
            for ref in re.findall(r"\[\d ¶\d+\]", refs):
                assert flat.count(ref) >= 2, ref  # the cell and the position it points at


def test_version_1_briefs_are_still_read():
    golden = json.loads((ROOT / "tests" / "golden" / "000_seed.brief.json").read_text("utf-8"))
    v1 = {k: v for k, v in golden.items() if k not in ("topics", "changes")}
    v1["schema_version"] = 1
    for attendee in v1["attendees"]:
        attendee.pop("meetings")
    for position in v1["positions"]:
        position.pop("topic")
    for source in v1["sources"]:
        for key in ("date", "date_iso", "format", "location"):
            source.pop(key)
    brief = Brief.from_dict(v1)
    assert len(brief.attendees) == 6 and brief.to_dict()["schema_version"] == 2
    assert brief.to_dict()["attendees"][0]["meetings"] == [1]
