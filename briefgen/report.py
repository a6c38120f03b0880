"""Print a Brief to the terminal as readable tables (``briefgen extract`` without --json)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from briefgen.model import Brief, Ref


def print_brief(brief: Brief, console: Console | None = None) -> None:
    """Show title, meeting, attendees, positions, key points, outcomes and glossary."""
    console = console or Console(soft_wrap=False)
    multi = len(brief.sources) > 1
    meeting = brief.meeting
    console.print(f"[bold]{_plain(brief.title)}[/bold]")
    console.print(f"Meeting: {meeting.date or 'date not stated'}, {meeting.format}"
                  + (f", {_plain(meeting.location)}" if meeting.location else ""))
    console.print(f"Summary: {_plain(brief.summary)}\n")
    people = Table(title="Attendees", show_lines=False)
    for column in ("Party", "Rank", "Name", "Title"):
        people.add_column(column)
    for a in brief.attendees:
        people.add_row(_plain(a.party or "-"), _plain(a.rank or "-"), _plain(a.name),
                       _plain(a.title or "-"))
    console.print(people)
    positions = Table(title="Positions")
    for column in ("Party", "Verb", "Sentence", "¶"):
        positions.add_column(column)
    for p in brief.positions:
        positions.add_row(_plain(p.party), _plain(p.verb), _plain(p.sentence),
                          _where(p.source, multi))
    console.print(positions)
    console.print("[bold]Key points[/bold]")
    for k in brief.key_points:
        console.print(f"  • {_plain(k.text)} [dim]\\[{_where(k.source, multi)}][/dim]")
    if brief.outcomes:
        console.print("[bold]Outcomes and next steps[/bold]")
        for o in brief.outcomes:
            who = f"{_plain(o.who)}: " if o.who else ""
            when = f" (when: {_plain(o.when)})" if o.when else ""
            console.print(f"  • {who}{_plain(o.what)}{when} "
                          f"[dim]\\[{_where(o.source, multi)}][/dim]")
    if brief.glossary:
        console.print("[bold]Glossary[/bold]")
        for g in brief.glossary:
            console.print(f"  {_plain(g.term)}: {_plain(g.expansion)} ({g.origin})")


def _plain(text: str) -> str:
    """Escape rich markup in source text."""
    from rich.markup import escape

    return escape(text)


def _where(ref: Ref, multi: bool) -> str:
    """A reference as the memo prints it: "¶4", or "2 ¶4" when there are several sources."""
    return f"{ref.document} ¶{ref.paragraph}" if multi else f"¶{ref.paragraph}"
