"""``briefgen extract``'s readable output: the memo's sections, in the memo's order and labels."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from rich.console import Console

from briefgen.model import JOINT, Attendee, Change, KeyPoint, Outcome, Ref, SourceInfo, Topic
from briefgen.report import print_brief
from briefgen.vocabulary.genres import section_labels
from tests.builders import LNA, SHA256, US, make_brief, ref

MEMO_TEMPLATE = Path(__file__).resolve().parent.parent / "templates" / "memo.md.j2"


def memo_sections(genre: str = "minutes") -> list[str]:
    """The labels of the default memo template's sections for a memo of ``genre``, in its
    order: its headings (a genre's own labels in place of ``labels.*``; the meeting record's
    lead table only for one), then the run-in labels of the Glossary line and the Source
    note."""
    found = re.findall(r"^## (.+)$|^\*\*(Glossary)\.\*\*|^\*\*(Source)\{%",
                       MEMO_TEMPLATE.read_text(encoding="utf-8"), re.MULTILINE)
    named = section_labels(genre)
    labels = [re.sub(r"\{\{ labels\.(\w+) \}\}", lambda m: named[m.group(1)], "".join(groups))
              for groups in found]
    if genre != "meeting_record":
        labels.remove("Positions by Party")
    assert {"Glossary", "Source"} <= set(labels) and len(labels) > 5, labels
    return labels


def label_lines(lines: list[str], labels: list[str]) -> dict[str, int]:
    """Where each label starts a line of the output: a heading, or a run-in "Glossary." or
    "Source:" / "Source 2:"."""
    found: dict[str, int] = {}
    for label in labels:
        for i, line in enumerate(lines):
            if line == label or re.match(rf"{re.escape(label)}( \d+)?[.:] ", line):
                found[label] = i
                break
    return found


def shown(brief) -> list[str]:
    console = Console(record=True, width=200)
    print_brief(brief, console)
    return [line.strip() for line in console.export_text().splitlines()]


def in_second(paragraph: int) -> Ref:
    return Ref(document=2, paragraph=paragraph, sentence=0, start=0, end=10)


def full_brief():
    """Two sources, with every section the memo can have."""
    brief = make_brief()
    positions = (*brief.positions[:2],
                 dataclasses.replace(brief.positions[3], topic="dialogue"),
                 dataclasses.replace(brief.positions[3], sentence="The LNA repeated its "
                                     "commitment to dialogue.", source=in_second(2),
                                     topic="dialogue"))
    return dataclasses.replace(
        brief,
        sources=(*brief.sources, SourceInfo("second.txt", "A Second Meeting", SHA256,
                                            date="July 8", format="phone")),
        positions=positions,
        topics=(Topic("dialogue", ("dialogue",)),),
        changes=(Change(LNA, "dialogue", "The LNA repeated its commitment to dialogue.",
                        in_second(2), "new in source 2"),),
        context=(KeyPoint("The meeting follows talks with the GNA.",
                          "The meeting follows talks with the GNA.", ref(1, 2)),),
        outcomes=(Outcome("follow_up", JOINT, "the delegations will meet again", "next month",
                          None, "The delegations will meet again next month.", in_second(3)),),
        absent=(Attendee("Khalifa Haftar", None, "LNA Commander", LNA, ref(4, 11)),),
        genre="minutes",
    )


def test_every_section_of_the_memo_in_its_order_with_its_label() -> None:
    lines = shown(full_brief())
    sections = memo_sections()
    where = label_lines(lines, sections)
    assert list(where) == sections  # every one is there
    assert sorted(where, key=where.get) == sections  # in the memo's order
    assert sum(line in sections for line in lines) == len(sections) - 2  # each heading once


def test_the_sections_hold_what_the_memo_puts_under_them() -> None:
    lines = shown(full_brief())

    def section(label: str) -> list[str]:
        start = lines.index(label) + 1
        following = [i for i, line in enumerate(lines[start:], start) if line in memo_sections()]
        return lines[start:following[0] if following else len(lines)]

    assert lines[1] == "minutes, 2 sources"
    assert section("Decisions and Actions") == [  # a minutes brief
        "• Joint: The delegations will meet again When: next month. [2 ¶3]", ""]
    participants = section("Participants")
    assert participants[:2] == ["Meeting 1: date not stated; format not stated.",
                                "Meeting 2: July 8; held by telephone."]
    assert participants[2].startswith(f"{US}: Major General Miguel Correa (National Security "
                                      "Council Senior Director); Henry Wooster")
    assert participants[3].startswith(f"{LNA}: General Aoun Al Farjani")
    assert participants[4] == "Absent: Khalifa Haftar (LNA Commander)."  # not an attendee
    positions = section("Stated Positions")
    assert positions.index("Joint") < positions.index(US) < positions.index(LNA)
    assert "• The LNA repeated its commitment to dialogue. [2 ¶2]" in positions
    topics = "\n".join(section("Positions by Topic"))
    assert re.search(r"dialogue .*not addressed.*\[1 ¶2\] \[2 ¶2\]", topics), topics
    assert section("Changes Over Time")[0] == ("• Libyan National Army (new in source 2): The "
                                               "LNA repeated its commitment to dialogue. [2 ¶2]")
    assert ("Glossary. DDR: disarmament, demobilization, and reintegration; GNA: Government of "
            "National Accord (built-in list).") in lines
    start = next(i for i, line in enumerate(lines) if line.startswith("Source 1:"))
    assert lines[start].startswith("Source 1: U.S.-LNA Discussion on Militia Demobilization — "
                                   "file readout-2020-07-01.txt; SHA-256 3f5a")
    assert lines[start + 1].startswith("Source 2: A Second Meeting (July 8) — file second.txt")
    assert lines[start + 2] == "Boilerplate left out of the source: syndication disclaimer."


def test_the_bottom_line_is_printed_with_its_references() -> None:
    point = KeyPoint("The sides met.", "The sides met.", ref(1, 0))
    lines = shown(make_brief(bottom_line=(point, dataclasses.replace(point, text="They agreed.",
                                                                      source=ref(3, 4)))))
    assert lines[lines.index("Bottom Line") + 1] == "The sides met. [¶1] They agreed. [¶3]"
    old_file = shown(make_brief(bottom_line=()))  # a Brief from before the bottom line
    assert old_file[old_file.index("Bottom Line") + 1].startswith("The U.S. Government and")


def test_empty_sections_say_so_as_the_memo_does() -> None:
    lines = shown(make_brief(attendees=(), positions=(), outcomes=(), glossary=(), context=()))
    for sentence in ("The source reports no agreement, decision or next step.",
                     "No participants are named in the source.",
                     "The source states no positions."):
        assert sentence in lines
    assert not any(line.startswith(("Glossary", "Context")) for line in lines)  # as the memo
    assert "Key Points" in lines
    assert "Key Points" not in shown(make_brief(key_points=()))  # the memo leaves it out too


def test_source_text_is_printed_literally() -> None:
    lines = shown(make_brief(title="[bold]Not markup[/bold] & <b>", summary="[red]x[/red]"))
    assert lines[0] == "[bold]Not markup[/bold] & <b>"
    assert "[red]x[/red]" in lines
