"""render_document: the memo template turns a Brief into the expected Document."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from builders import LNA, SHA256, US, make_brief, ref
from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen.document import (
    Block,
    BulletList,
    Document,
    FieldList,
    Heading,
    Paragraph,
    Rule,
    Table,
    plain_text,
)
from briefgen.model import JOINT, Attendee, KeyPoint, Meeting, Position, SourceInfo
from briefgen.render import MemoOptions, render_document, render_markdown

OPTIONS = MemoOptions(to="The Secretary", sender="Policy Planning", date=dt.date(2020, 7, 1))
NO_VALUE = "\u2013"  # the en dash the template prints for a missing rank or title
REF = re.compile(r" \[¶(\d+)\]$")


def headings(document: Document, level: int | None = None) -> list[str]:
    return [plain_text(b.content) for b in document.blocks
            if isinstance(b, Heading) and (level is None or b.level == level)]


def section(document: Document, title: str) -> list[Block]:
    """Return the blocks under the level-2 heading ``title`` up to the next level-2 heading."""
    blocks = list(document.blocks)
    start = next(i for i, b in enumerate(blocks)
                 if isinstance(b, Heading) and b.level == 2 and plain_text(b.content) == title)
    out = []
    for block in blocks[start + 1:]:
        if isinstance(block, Heading) and block.level <= 2:
            break
        out.append(block)
    return out


def subsections(blocks: list[Block]) -> dict[str, list[Block]]:
    """Group blocks under their level-3 headings, in order."""
    groups: dict[str, list[Block]] = {}
    current: list[Block] | None = None
    for block in blocks:
        if isinstance(block, Heading) and block.level == 3:
            current = groups.setdefault(plain_text(block.content), [])
        elif current is not None:
            current.append(block)
    return groups


def bullets(blocks: list[Block]) -> list[str]:
    return [plain_text(item) for b in blocks if isinstance(b, BulletList) for item in b.items]


def section_text(document: Document, title: str) -> str:
    return " ".join(Document(document.metadata, tuple(section(document, title))).texts())


@pytest.fixture(scope="module")
def memo() -> Document:
    return render_document(make_brief(), OPTIONS)


def test_memo_starts_with_title_fields_and_rule(memo: Document) -> None:
    title, fields, rule = memo.blocks[:3]
    assert title == Heading(1, title.content) and plain_text(title.content) == "Memorandum"
    assert isinstance(fields, FieldList)
    assert [(f.label.rstrip(":"), plain_text(f.value)) for f in fields.fields] == [
        ("TO", "The Secretary"),
        ("FROM", "Policy Planning"),
        ("DATE", "July 1, 2020"),
        ("SUBJECT", "U.S.-LNA Discussion on Militia Demobilization"),
    ]
    assert isinstance(rule, Rule)
    assert headings(memo, 1) == ["Memorandum"]


def test_subject_option_overrides_the_title() -> None:
    document = render_document(make_brief(), MemoOptions(subject="Libya: militias",
                                                         date=dt.date(2020, 7, 1)))
    fields = next(b for b in document.blocks if isinstance(b, FieldList))
    assert plain_text(fields.fields[-1].value) == "Libya: militias"
    assert document.metadata.title == "Libya: militias"


def notes(document: Document) -> str:
    """The small print at the end (the Source note)."""
    return " ".join(plain_text(b.content) for b in document.blocks
                    if isinstance(b, Paragraph) and b.role == "note")


SECTIONS = ["Bottom Line", "Key Points", "Outcomes and Next Steps", "Participants",
            "Stated Positions"]


def test_sections_come_in_order(memo: Document) -> None:
    assert headings(memo, 2) == SECTIONS
    # The glossary and the Source note are run-in blocks at the end, not sections of their own.
    glossaries = [b for b in memo.blocks if isinstance(b, Paragraph)
                  and plain_text(b.content).startswith("Glossary.")]
    assert len(glossaries) == 1
    assert memo.blocks[-1].role == "note"


def test_summary_of_a_brief_without_a_bottom_line(memo: Document) -> None:
    # A Brief file written before bottom_line existed: its summary is printed as it is.
    assert section_text(memo, "Bottom Line") == make_brief().summary


def test_bottom_line_sentences_carry_their_references_and_are_not_repeated() -> None:
    brief = make_brief()
    meeting, outcome = brief.key_points[0], brief.positions[0]
    lines = (meeting, KeyPoint(outcome.sentence, outcome.sentence, outcome.source))
    document = render_document(make_brief(bottom_line=lines), OPTIONS)
    assert section_text(document, "Bottom Line") == (
        f"{meeting.text} [¶1] {outcome.sentence} [¶2]")
    texts = " ".join(document.texts())
    assert texts.count(outcome.sentence) == 1  # not again under Joint
    assert texts.count(meeting.text) == 1  # not again as a key point
    assert "Joint" not in subsections(section(document, "Stated Positions"))


def test_every_key_point_ends_with_its_paragraph_reference(memo: Document) -> None:
    items = bullets(section(memo, "Key Points"))
    brief = make_brief()
    assert len(items) == len(brief.key_points)
    for item, point in zip(items, brief.key_points, strict=True):
        assert item == f"{point.text} [¶{point.source.paragraph}]"


def participant_lines(document: Document) -> list[str]:
    return [plain_text(b.content) for b in section(document, "Participants")
            if isinstance(b, Paragraph)][1:]


def test_participants_one_line_per_side(memo: Document) -> None:
    assert participant_lines(memo) == [
        f"{US}: Major General Miguel Correa (National Security Council Senior Director); "
        "Henry Wooster (Deputy Assistant Secretary of State); Richard Norland (U.S. "
        "Ambassador to Libya).",
        f"{LNA}: General Aoun Al Farjani (Head of the LNA Command Apparatus); General Abd Al "
        "Karim Hadiya (LNA Secretary General).",
    ]
    assert not any(isinstance(b, Table) for b in memo.blocks)  # no rows of dashes
    meeting = next(b for b in section(memo, "Participants") if isinstance(b, Paragraph))
    assert plain_text(meeting.content) == "Meeting: July 1, 2020; held virtually."


def test_a_party_without_attendees_has_no_line() -> None:
    brief = make_brief()
    brief = make_brief(attendees=tuple(a for a in brief.attendees if a.party == US))
    lines = participant_lines(render_document(brief, OPTIONS))
    assert len(lines) == 1 and lines[0].startswith(f"{US}: ")


def test_no_attendees_at_all_says_so() -> None:
    document = render_document(make_brief(attendees=()), OPTIONS)
    blocks = section(document, "Participants")
    assert not any(isinstance(b, Table) for b in blocks)
    assert "No participants are named in the source." in section_text(document, "Participants")


def test_unaffiliated_attendees_are_other_participants() -> None:
    stray = Attendee("Jane Doe", None, "Observer", None, ref(4))
    document = render_document(make_brief(attendees=(*make_brief().attendees, stray)), OPTIONS)
    assert participant_lines(document)[-1] == "Other participants: Jane Doe (Observer)."


def test_positions_joint_first_then_one_subsection_per_party(memo: Document) -> None:
    groups = subsections(section(memo, "Stated Positions"))
    assert list(groups) == ["Joint", US, LNA]
    brief = make_brief()
    for name, party in (("Joint", JOINT), (US, US), (LNA, LNA)):
        expected = [f"{p.sentence} [¶{p.source.paragraph}]"
                    for p in brief.positions if p.party == party]
        assert bullets(groups[name]) == expected


def test_every_position_bullet_ends_with_a_paragraph_reference(memo: Document) -> None:
    items = bullets(section(memo, "Stated Positions"))
    assert len(items) == len(make_brief().positions)
    assert all(REF.search(item) for item in items)


def test_no_joint_subsection_without_joint_positions() -> None:
    brief = make_brief()
    brief = make_brief(positions=tuple(p for p in brief.positions if p.party != JOINT))
    groups = subsections(section(render_document(brief, OPTIONS), "Stated Positions"))
    assert list(groups) == [US, LNA]


def test_no_positions_says_so() -> None:
    document = render_document(make_brief(positions=()), OPTIONS)
    assert section_text(document, "Stated Positions").startswith(
        "The source states no positions. Glossary.")


def test_a_position_of_an_unlisted_party_is_not_dropped() -> None:
    # Regression: a hand-written Brief naming a party missing from "parties" lost the position.
    extra = Position("Russian Federation", "denied", "any role", "Moscow denied any role.",
                     ref(5, 11))
    document = render_document(make_brief(positions=(*make_brief().positions, extra)), OPTIONS)
    groups = subsections(section(document, "Stated Positions"))
    assert list(groups) == ["Joint", US, LNA, "Russian Federation"]
    assert bullets(groups["Russian Federation"]) == ["Moscow denied any role. [¶5]"]


def test_glossary_line(memo: Document) -> None:
    assert "Glossary. DDR: disarmament, demobilization, and reintegration; GNA: Government of "\
        "National Accord (built-in list)." in memo.texts()


def test_no_glossary_without_entries() -> None:
    texts = render_document(make_brief(glossary=()), OPTIONS).texts()
    assert not any(t.startswith("Glossary") for t in texts)


def test_context_section_only_when_there_is_context(memo: Document) -> None:
    assert "Context" not in headings(memo)
    point = KeyPoint("Militias have operated across Libya since 2011.", "s", ref(6, 12))
    document = render_document(make_brief(context=(point,)), OPTIONS)
    assert headings(document, 2) == [*SECTIONS, "Context"]
    assert bullets(section(document, "Context")) == [
        "Militias have operated across Libya since 2011. [¶6]"]


def test_source_note(memo: Document) -> None:
    text = notes(memo)
    assert text.startswith("Source: U.S.-LNA Discussion on Militia Demobilization")
    assert "readout-2020-07-01.txt" in text
    assert f"SHA-256 {SHA256}" in text
    assert "Each point quotes the source once" in text
    assert "Boilerplate left out of the source: syndication disclaimer." in text
    assert "Left out for length" not in text  # nothing was


def test_several_sources_are_numbered_and_refs_name_the_document() -> None:
    sources = (*make_brief().sources, SourceInfo("second.txt", "Second readout", "ab" * 32))
    document = render_document(make_brief(sources=sources), OPTIONS)
    assert all(re.search(r" \[1\u00a0¶\d+\]$", item) for item in bullets(section(document,
                                                                              "Key Points")))
    text = notes(document)
    assert "Source 1: U.S.-LNA Discussion" in text and "Source 2: Second readout" in text


def test_metadata(memo: Document) -> None:
    assert memo.metadata.title == "U.S.-LNA Discussion on Militia Demobilization"
    assert memo.metadata.subject == "Briefing memo: U.S.-LNA Discussion on Militia Demobilization"
    assert memo.metadata.author == "Policy Planning"
    assert memo.metadata.keywords == ("briefing memo", US, LNA)
    assert memo.metadata.created == dt.datetime(2020, 7, 1, tzinfo=dt.timezone.utc)


SPECIALS = [
    "*stars* and _underscores_", "# not a heading", "<b>tag</b> & &amp;", "a | pipe",
    "]]> <![CDATA[", "{{ brief.title }} {% raw %}", "1. numbered", "- dash", "AT&T's \"deal\"",
    "[¶9] (x)", "back\\slash", "مرحبا Ж 東京 🙂",
]


@pytest.mark.parametrize("special", SPECIALS)
def test_special_characters_in_brief_fields_survive(special: str) -> None:
    brief = make_brief(
        title=f"Title {special}",
        summary=f"Summary {special}",
        key_points=(KeyPoint(f"Point {special}", "s", ref(1)),),
        attendees=(Attendee(f"Name {special}", f"Rank {special}", f"Title {special}", US,
                            ref(4)),),
        positions=(Position(US, "said", "x", f"Position {special}", ref(3)),),
        sources=(SourceInfo(f"file {special}.txt", f"Source {special}", SHA256),),
    )
    document = render_document(brief, OPTIONS)
    texts = document.texts()
    for expected in (f"Summary {special}", f"Point {special} [¶1]",
                     f"Position {special} [¶3]"):
        assert expected in texts
    assert f"{US}: Rank {special} Name {special} (Title {special})." in texts
    fields = next(b for b in document.blocks if isinstance(b, FieldList))
    assert plain_text(fields.fields[-1].value) == f"Title {special}"
    assert f"Source: Source {special} — file file {special}.txt; SHA-256 {SHA256}." in \
        notes(document)
    # Nothing in a value turned into emphasis, headings or extra blocks.
    assert headings(document, 2) == SECTIONS


@settings(max_examples=50, deadline=None)
@given(st.text().filter(lambda s: s.strip() and "\x00" not in s))
def test_any_summary_comes_back_literally(value: str) -> None:
    document = render_document(make_brief(summary=value), OPTIONS)
    assert " ".join(section_text(document, "Bottom Line").split()) == " ".join(value.split())


def test_render_markdown_is_what_the_document_is_parsed_from() -> None:
    markdown = render_markdown(make_brief(), OPTIONS)
    assert markdown.startswith("# Memorandum\n")
    assert r"U\.S\.\-LNA Discussion" in markdown


def test_meeting_date_as_written_when_the_year_is_not_given() -> None:
    brief = make_brief(meeting=Meeting(date="July 1", date_iso=None, format="phone",
                                       location="Rome"))
    meeting = next(b for b in section(render_document(brief, OPTIONS), "Participants")
                   if isinstance(b, Paragraph))
    assert plain_text(meeting.content) == "Meeting: July 1; held by telephone; Rome."


def test_memo_letterhead_and_prepared_by_lines_only_when_given(memo: Document) -> None:
    assert not any(isinstance(b, Paragraph) and b.role in ("letterhead", "admin")
                   for b in memo.blocks)
    options = MemoOptions(date=dt.date(2020, 7, 1), organization="Office of the Secretary",
                          prepared_by="Jane Doe, S/P, (202) 555-0100",
                          distribution=("S", "D"))
    document = render_document(make_brief(), options)
    first = document.blocks[0]
    assert isinstance(first, Paragraph) and first.role == "letterhead"
    assert plain_text(first.content) == "Office of the Secretary"
    admin = [plain_text(b.content) for b in document.blocks
             if isinstance(b, Paragraph) and b.role == "admin"]
    assert admin == ["Prepared By: Jane Doe, S/P, (202) 555-0100", "Distribution: S, D"]
    # The DoD convention: they close the memo, after the Source section.
    assert isinstance(document.blocks[-1], Paragraph) and document.blocks[-1].role == "admin"
    assert headings(document, 2) == headings(memo, 2)
