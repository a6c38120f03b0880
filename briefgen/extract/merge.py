"""Merge the Briefs of several sources into one: parties by name and alias, people by name,
positions kept with their source, and what a later source says that an earlier one did not."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from briefgen.extract import gazetteer
from briefgen.extract.people import names_match
from briefgen.extract.topics import assign_topics
from briefgen.model import (
    JOINT,
    Attendee,
    Brief,
    Change,
    GlossaryEntry,
    KeyPoint,
    Meeting,
    Party,
    Position,
    SourceInfo,
)
from briefgen.vocabulary.calendar import MONTHS

KEY_POINTS = 5
SUMMARY_SENTENCES = 3


def merge_briefs(briefs: list[Brief]) -> Brief:
    """Merge per-source Briefs (each extracted with its own document number) into one."""
    if len(briefs) == 1:
        return briefs[0]
    parties, rename = merge_parties(briefs)
    attendees = merge_attendees([replace(a, party=rename.get(a.party, a.party))
                                 for b in briefs for a in b.attendees])
    positions = [replace(p, party=rename.get(p.party, p.party)) for b in briefs
                 for p in b.positions]
    positions, topics = assign_topics(positions, parties, [a.name for a in attendees])
    sources = tuple(s for b in briefs for s in b.sources)
    return Brief(
        title=merged_title([b.title for b in briefs]),
        summary=" ".join(first_sentences([b.summary for b in briefs])),
        bottom_line=tuple(b.bottom_line[0] for b in briefs if b.bottom_line)[:SUMMARY_SENTENCES],
        meeting=briefs[-1].meeting if _dated(briefs) else Meeting(),
        parties=tuple(parties),
        attendees=tuple(attendees),
        positions=tuple(positions),
        key_points=tuple(interleave([b.key_points for b in briefs], KEY_POINTS)),
        glossary=tuple(merge_glossary([g for b in briefs for g in b.glossary])),
        sources=sources,
        removed=tuple(r for b in briefs for r in b.removed),
        context=tuple(interleave([b.context for b in briefs], 4)),
        topics=tuple(topics),
        changes=tuple(find_changes(positions, sources)),
        outcomes=tuple(replace(o, who=rename.get(o.who, o.who)) for b in briefs
                       for o in b.outcomes),
    )


def _dated(briefs: list[Brief]) -> bool:
    return all(b.meeting.date for b in briefs)


def party_keys(party: Party) -> set[str]:
    """Keys a party is known by: its names and aliases, and the gazetteer's canonical name."""
    keys = set()
    for text in (party.name, *party.aliases):
        keys.add(gazetteer.normalize_key(text))
        entry = gazetteer.lookup(text)
        if entry is not None:
            keys.add(gazetteer.normalize_key(entry.canonical))
    return keys


def merge_parties(briefs: list[Brief]) -> tuple[list[Party], dict[str | None, str | None]]:
    """Merge parties that share a name or alias; map every source's party name to the merged."""
    merged: list[Party] = []
    keys: list[set[str]] = []
    rename: dict[str | None, str | None] = {JOINT: JOINT, None: None}
    for brief in briefs:
        for party in brief.parties:
            mine = party_keys(party)
            at = next((i for i, k in enumerate(keys) if k & mine), None)
            if at is None:
                merged.append(party)
                keys.append(mine)
                rename[party.name] = party.name
            else:
                old = merged[at]
                merged[at] = Party(old.name, tuple(dict.fromkeys((*old.aliases, party.name,
                                                                  *party.aliases))))
                keys[at] |= mine
                rename[party.name] = old.name
    return merged, rename


def merge_attendees(attendees: list[Attendee]) -> list[Attendee]:
    """One entry per person, listed with every meeting attended.

    Names match when one holds the other with the same family name ("Antony J. Blinken" and
    "Antony Blinken"); a bare surname joins a fuller name only when no two different people
    with that surname are named, so two Kims are never merged on "Kim" alone.
    """
    people: list[Attendee] = []
    for person in attendees:
        matches = [i for i, p in enumerate(people) if names_match(p.name, person.name)
                   and _same_side(p, person)]
        if len(matches) != 1:
            people.append(replace(person, meetings=person.meetings or (person.source.document,)))
            continue
        i = matches[0]
        known = people[i]
        name = max((known.name, person.name), key=lambda n: (len(n.split()), len(n)))
        title = max((t for t in (known.title, person.title) if t), key=len, default=None)
        meetings = tuple(dict.fromkeys((*known.meetings, *(person.meetings or
                                                            (person.source.document,)))))
        people[i] = Attendee(name, known.rank or person.rank, title, known.party or person.party,
                             known.source, meetings)
    return people


def _same_side(a: Attendee, b: Attendee) -> bool:
    return a.party is None or b.party is None or a.party == b.party


def merged_title(titles: list[str]) -> str:
    """A title for several sources: the first, and how many more there are."""
    if len(titles) == 2:
        return f"{titles[0]}; {titles[1]}"
    return f"{titles[0]} (and {len(titles) - 1} more sources)"


def first_sentences(summaries: list[str]) -> list[str]:
    """The opening sentence of each source's summary (who met whom), up to three."""
    out = []
    for summary in summaries:
        m = re.match(r"(.+?[.!?])(?:\s+(?=[A-Z\[“\"])|$)", summary.strip())
        if m:
            out.append(m.group(1))
    return out[:SUMMARY_SENTENCES]


def interleave(groups: list[tuple[KeyPoint, ...]], limit: int) -> list[KeyPoint]:
    """Take items from each source in turn (each source's best first), up to ``limit``."""
    out: list[KeyPoint] = []
    for rank in range(max((len(g) for g in groups), default=0)):
        for group in groups:
            if rank < len(group) and len(out) < limit:
                out.append(group[rank])
    return out


def merge_glossary(entries: list[GlossaryEntry]) -> list[GlossaryEntry]:
    """One entry per term; a definition from a document wins over the built-in list."""
    by_term: dict[str, GlossaryEntry] = {}
    for entry in entries:
        if entry.term not in by_term or (by_term[entry.term].origin == "builtin"
                                         and entry.origin == "document"):
            by_term[entry.term] = entry
    return sorted(by_term.values(), key=lambda g: g.term.lower())


def find_changes(positions: list[Position], sources: tuple[SourceInfo, ...]) -> list[Change]:
    """Positions a party takes only in a later-dated source, on a topic it had not addressed.

    Sources are compared only when both carry a meeting date that can be ordered (an ISO date,
    or month and day with the same or no year); undated sources are never called "later".
    """
    order = {i + 1: sort_key(s) for i, s in enumerate(sources)}
    changes = []
    for p in positions:
        when = order.get(p.source.document)
        if when is None or p.party == JOINT:
            continue
        earlier = [q for q in positions if q.party == p.party and q.source.document !=
                   p.source.document and is_before(order.get(q.source.document), when)]
        if earlier and all(q.topic != p.topic for q in earlier):
            first = earlier[0]
            changes.append(Change(
                party=p.party, topic=p.topic, sentence=p.sentence, source=p.source,
                note=f"new in source {p.source.document} ({sources[p.source.document - 1].date}); "
                     f"not raised in source {first.source.document} "
                     f"({sources[first.source.document - 1].date})"))
    return changes


def sort_key(source: SourceInfo) -> tuple[int | None, int, int] | None:
    """(year or None, month, day) of a source's meeting date, or None when it has none."""
    if source.date_iso:
        d = dt.date.fromisoformat(source.date_iso)
        return (d.year, d.month, d.day)
    if not source.date:
        return None
    m = re.search(r"(" + "|".join(MONTHS).lower() + r")\s+(\d{1,2})", source.date.lower())
    if not m:
        return None
    year = re.search(r"\b(19|20)\d\d\b", source.date)
    month = [name.lower() for name in MONTHS].index(m.group(1)) + 1
    return (int(year.group(0)) if year else None, month, int(m.group(2)))


def is_before(a: tuple[int | None, int, int] | None, b: tuple[int | None, int, int]) -> bool:
    """Tell whether date ``a`` is earlier than ``b``; without both years, by month and day."""
    if a is None:
        return False
    if a[0] is not None and b[0] is not None:
        return a < b  # type: ignore[operator]
    return a[1:] < b[1:]
