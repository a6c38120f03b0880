"""Print a Brief to the terminal as the memo reads (``briefgen extract`` without --json).

The sections, their order and their labels are the default template's
(``templates/memo.md.j2``): Bottom Line, Key Points, Outcomes and Next Steps, Participants (a
line per side), Stated Positions, Positions by Topic and Changes Over Time (several sources),
Context, the Glossary line and the Source note. A section the memo always prints is printed
here too, saying when it is empty. Unlike the memo, nothing is left out for length or because
another section already quotes it: extract shows everything extracted.
"""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.padding import Padding
from rich.table import Table

from briefgen.model import JOINT, Attendee, Brief, Ref
from briefgen.vocabulary.genres import section_labels

#: How the memo words a meeting's format (the template's ``formats``).
FORMAT_WORDS = {"virtual": "held virtually", "in_person": "held in person",
                "phone": "held by telephone"}
NO_OUTCOMES = "The source reports no agreement, decision or next step."
OTHER_PARTICIPANTS = "Other participants"


def print_brief(brief: Brief, console: Console | None = None) -> None:
    """Show the Brief section by section, in the memo's order and with its labels."""
    console = console or Console(soft_wrap=False)
    multi = len(brief.sources) > 1

    def heading(label: str) -> None:
        console.print(f"\n[bold]{label}[/bold]")

    def line(markup: str) -> None:
        console.print(Padding(markup, (0, 0, 0, 2), expand=False))

    def bullet(text: str, ref: Ref) -> None:
        item = Table.grid(padding=(0, 1))  # wrapped lines hang under the text
        item.add_column(no_wrap=True)
        item.add_column()
        item.add_row("•", f"{escape(text)} [dim]{escape(where(ref, multi))}[/dim]")
        console.print(Padding(item, (0, 0, 0, 2), expand=False))

    console.print(f"[bold]{escape(brief.title)}[/bold]")
    console.print(f"[dim]{escape(brief.genre.replace('_', ' '))}, "
                  f"{len(brief.sources)} source{'s' if multi else ''}[/dim]")
    heading("Bottom Line")
    if brief.bottom_line:
        line(" ".join(f"{escape(p.text)} [dim]{escape(where(p.source, multi))}[/dim]"
                      for p in brief.bottom_line))
    else:  # a Brief file from before the bottom line
        line(escape(brief.summary) if brief.summary else "(none)")

    if brief.key_points:
        heading("Key Points")
        for point in brief.key_points:
            bullet(point.text, point.source)

    labels = section_labels(brief.genre)
    heading(labels["outcomes"])
    for outcome in brief.outcomes:
        who = "Joint" if outcome.who == JOINT else outcome.who
        text = (f"{who}: " if who else "") + upfirst(outcome.what)
        if outcome.when and outcome.when not in outcome.what:
            text += f" When: {outcome.when}."
        bullet(text, outcome.source)
    if not brief.outcomes:
        line(NO_OUTCOMES)

    heading("Participants")
    print_meetings(brief, console, multi)
    for name, people in party_groups(brief):
        line(f"[bold]{escape(name)}:[/bold] {escape(people_line(people, multi))}")
    if not brief.attendees:
        line("No participants are named in the source.")
    if brief.absent:
        line(f"[bold]Absent:[/bold] {escape(people_line(brief.absent, multi))}")

    heading(labels["positions"])
    joint = [p for p in brief.positions if p.party == JOINT]
    if joint:
        console.print("  [italic]Joint[/italic]")
        for position in joint:
            bullet(position.sentence, position.source)
    for name in party_names(brief):
        mine = [p for p in brief.positions if p.party == name]
        if mine:
            console.print(f"  [italic]{escape(name)}[/italic]")
            for position in mine:
                bullet(position.sentence, position.source)
    if not brief.positions:
        line("The source states no positions.")

    if multi and brief.topics:
        heading("Positions by Topic")
        console.print(topics_table(brief))
    if brief.changes:
        heading("Changes Over Time")
        for change in brief.changes:
            bullet(f"{change.party} ({change.note}): {change.sentence}", change.source)
    if brief.context:
        heading("Context")
        for point in brief.context:
            bullet(point.text, point.source)
    if brief.glossary:
        console.print()
        line("[bold]Glossary.[/bold] " + escape("; ".join(
            f"{g.term}: {g.expansion}" + ("" if g.origin == "document" else " (built-in list)")
            for g in brief.glossary)) + ".")

    console.print()
    for number, source in enumerate(brief.sources, 1):
        label = f"Source {number}:" if multi else "Source:"
        date = f" ({source.date})" if source.date else ""
        published = source.url or f"file {source.path}"
        line(f"[bold]{label}[/bold] {escape(source.title)}{escape(date)} — "
             f"{escape(published)}; SHA-256 {source.sha256}.")
    if brief.removed:
        reasons = ", ".join(dict.fromkeys(r.reason for r in brief.removed))
        line(f"Boilerplate left out of the source: {escape(reasons)}.")


def print_meetings(brief: Brief, console: Console, multi: bool) -> None:
    """The Participants section's first line(s): each meeting's date, format and place."""
    if multi:
        for number, source in enumerate(brief.sources, 1):
            parts = [source.date or "date not stated",
                     FORMAT_WORDS.get(source.format, "format not stated"), source.location]
            console.print(f"  Meeting {number}: " + escape("; ".join(p for p in parts if p)) + ".")
        return
    meeting = brief.meeting
    date = meeting.date or (f"date not stated (the source is dated {meeting.document_date})"
                            if meeting.document_date else "date not stated")
    parts = [date, FORMAT_WORDS.get(meeting.format, "format not stated"), meeting.location]
    console.print("  Meeting: " + escape("; ".join(p for p in parts if p)) + ".")


def party_names(brief: Brief) -> list[str]:
    """The parties in the memo's order: those the Brief lists, then any other it names."""
    used = [item.party for item in (*brief.attendees, *brief.positions)]
    return list(dict.fromkeys([*(p.name for p in brief.parties),
                               *(n for n in used if n is not None and n != JOINT)]))


def party_groups(brief: Brief) -> list[tuple[str, list[Attendee]]]:
    """Each party with its attendees, then the participants of no party."""
    groups = [(name, [a for a in brief.attendees if a.party == name])
              for name in party_names(brief)]
    others = [a for a in brief.attendees if a.party is None or a.party == JOINT]
    if others:
        groups.append((OTHER_PARTICIPANTS, others))
    return [(name, people) for name, people in groups if people]


def people_line(people: tuple[Attendee, ...] | list[Attendee], multi: bool) -> str:
    """A side's participants as the memo's line: rank, name (title); the meetings of each
    person when there are several sources."""
    named = []
    for person in people:
        text = " ".join(part for part in (person.rank, person.name) if part)
        if person.title:
            text += f" ({person.title})"
        if multi and person.meetings:
            many = len(person.meetings) > 1
            text += f" [meeting{'s' if many else ''} {', '.join(map(str, person.meetings))}]"
        named.append(text)
    return "; ".join(named) + "."


def topics_table(brief: Brief) -> Table:
    """Topics by parties (and Joint): the references of each party's positions on it."""
    columns = [*party_names(brief), *((JOINT,) if any(p.party == JOINT for p in brief.positions)
                                      else ())]
    table = Table()
    table.add_column("Topic")
    for column in columns:
        table.add_column("Joint" if column == JOINT else escape(column))
    for topic in brief.topics:
        cells = []
        for column in columns:
            refs = [where(p.source, True) for p in brief.positions
                    if p.topic == topic.name and p.party == column]
            cells.append(" ".join(dict.fromkeys(refs)) if refs else "not addressed")
        table.add_row(escape(topic.name), *cells)
    return table


def upfirst(text: str) -> str:
    """The text with its first letter capitalised, as the memo prints an outcome."""
    return text[:1].upper() + text[1:]


def where(ref: Ref, multi: bool) -> str:
    """A reference as the memo prints it: "[¶4]", or "[2 ¶4]" when there are several sources."""
    return f"[{ref.document} ¶{ref.paragraph}]" if multi else f"[¶{ref.paragraph}]"
