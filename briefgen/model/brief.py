"""The Brief: the contract between extraction and rendering, its items, and its JSON form."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from briefgen.errors import BriefFormatError
from briefgen.model.stages import Removed, Sentence, SourceParagraph

SCHEMA_VERSION = 2
#: Versions ``Brief.from_dict`` reads; version 1 lacks the multi-source fields (all optional).
READABLE_VERSIONS = (1, 2)
MEETING_FORMATS = ("virtual", "in_person", "phone", "unknown")
#: The kinds of document briefgen reads (the Brief's ``genre``; see briefgen.extract.genres).
GENRE_NAMES = ("readout", "press_release", "joint_statement", "transcript", "meeting_record",
               "minutes")
JOINT = "joint"
#: What an outcome reports: an agreement, a decision, a commitment to a step, a follow-up.
OUTCOME_KINDS = ("agreement", "decision", "commitment", "follow_up")


# --------------------------------------------------------------------------- the Brief contract


@dataclass(frozen=True, slots=True)
class Ref:
    """Where an item came from: document, 1-based paragraph, 0-based sentence, character span."""

    document: int
    paragraph: int
    sentence: int
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"document": self.document, "paragraph": self.paragraph,
                "sentence": self.sentence, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, d: Any, where: str) -> Ref:
        d = _expect(d, dict, where)
        return cls(**{k: _expect(d.get(k), int, f"{where}.{k}")
                      for k in ("document", "paragraph", "sentence", "start", "end")})

    @classmethod
    def of(cls, sentence: Sentence, document: int = 1) -> Ref:
        return cls(document, sentence.paragraph, sentence.index, sentence.start, sentence.end)


@dataclass(frozen=True, slots=True)
class Meeting:
    date: str | None = None
    date_iso: str | None = None
    format: str = "unknown"
    location: str | None = None
    #: The date the source is dated by (metadata or dateline), YYYY-MM-DD, when it gives one.
    document_date: str | None = None


@dataclass(frozen=True, slots=True)
class Party:
    name: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Attendee:
    name: str
    rank: str | None
    title: str | None
    party: str | None
    source: Ref
    #: The sources (1-based) whose meeting the person attended; (source.document,) for one.
    meetings: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Position:
    party: str
    verb: str
    statement: str
    sentence: str
    source: Ref
    topic: str | None = None


@dataclass(frozen=True, slots=True)
class KeyPoint:
    text: str
    sentence: str
    source: Ref


@dataclass(frozen=True, slots=True)
class GlossaryEntry:
    term: str
    expansion: str
    origin: str  # document | builtin


@dataclass(frozen=True, slots=True)
class SourceInfo:
    path: str
    title: str
    sha256: str
    date: str | None = None  # the meeting date as the source writes it
    date_iso: str | None = None
    format: str = "unknown"  # the source's meeting format (virtual, in_person, phone, unknown)
    location: str | None = None
    #: Words of the source as read (its length sets the memo's word budget); None if unknown.
    words: int | None = None
    #: Where the source is published (canonical URL, a "Source:" line, --source-url), or None.
    url: str | None = None
    #: The source's paragraphs as its reader counts them, numbered as [¶N] prints them.
    paragraphs: tuple[SourceParagraph, ...] = ()


@dataclass(frozen=True, slots=True)
class Topic:
    """A subject several positions address, named by its key terms."""

    name: str
    terms: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Change:
    """A position that appears only in a later source than the party's earlier ones."""

    party: str
    topic: str | None
    sentence: str
    source: Ref
    note: str


@dataclass(frozen=True, slots=True)
class Outcome:
    """An agreement, decision, commitment to a concrete step or planned follow-up.

    ``who`` is a party name, ``"joint"`` or None when the source names no one; ``what`` is the
    step in the source's words; ``when`` the time as written (None when not stated) and
    ``when_iso`` its YYYY-MM-DD form when the text fixes the day.
    """

    kind: str
    who: str | None
    what: str
    when: str | None
    when_iso: str | None
    sentence: str
    source: Ref

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "who": self.who, "what": self.what, "when": self.when,
                "when_iso": self.when_iso, "sentence": self.sentence,
                "source": self.source.to_dict()}

    @classmethod
    def from_dict(cls, d: dict[str, Any], where: str) -> Outcome:
        kind = _expect(d.get("kind"), str, f"{where}.kind")
        if kind not in OUTCOME_KINDS:
            raise BriefFormatError(f"field '{where}.kind' must be one of "
                                   f"{', '.join(OUTCOME_KINDS)}")
        return cls(kind, _opt(d.get("who"), str, f"{where}.who"),
                   _expect(d.get("what"), str, f"{where}.what"),
                   _opt(d.get("when"), str, f"{where}.when"),
                   _opt(d.get("when_iso"), str, f"{where}.when_iso"),
                   _expect(d.get("sentence"), str, f"{where}.sentence"),
                   Ref.from_dict(d.get("source"), f"{where}.source"))


@dataclass(frozen=True, slots=True)
class Brief:
    """Everything extracted from the sources; the contract between extraction and rendering."""

    title: str
    summary: str
    meeting: Meeting = field(default_factory=Meeting)
    parties: tuple[Party, ...] = ()
    attendees: tuple[Attendee, ...] = ()
    positions: tuple[Position, ...] = ()
    key_points: tuple[KeyPoint, ...] = ()
    glossary: tuple[GlossaryEntry, ...] = ()
    sources: tuple[SourceInfo, ...] = ()
    removed: tuple[Removed, ...] = ()
    context: tuple[KeyPoint, ...] = ()
    topics: tuple[Topic, ...] = ()
    changes: tuple[Change, ...] = ()
    outcomes: tuple[Outcome, ...] = ()
    #: The kind of document (one of GENRES): readout, transcript, minutes ...
    genre: str = "readout"
    #: Members an attendance list gives as absent (minutes' "Apologies:"); not attendees.
    absent: tuple[Attendee, ...] = ()
    #: The bottom line as quoted sentences, each with its reference; ``summary`` is their
    #: text. Empty in a Brief file written before it existed (the memo then prints summary).
    bottom_line: tuple[KeyPoint, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready form of schema_version 2 (documented in README)."""
        return {
            "schema_version": SCHEMA_VERSION,
            "genre": self.genre,
            "title": self.title,
            "summary": self.summary,
            "bottom_line": [{"text": k.text, "sentence": k.sentence, "source": k.source.to_dict()}
                            for k in self.bottom_line],
            "meeting": {"date": self.meeting.date, "date_iso": self.meeting.date_iso,
                        "format": self.meeting.format, "location": self.meeting.location,
                        "document_date": self.meeting.document_date},
            "parties": [{"name": p.name, "aliases": list(p.aliases)} for p in self.parties],
            "attendees": [_attendee_dict(a) for a in self.attendees],
            "absent": [_attendee_dict(a) for a in self.absent],
            "positions": [{"party": p.party, "verb": p.verb, "statement": p.statement,
                           "sentence": p.sentence, "topic": p.topic,
                           "source": p.source.to_dict()} for p in self.positions],
            "key_points": [{"text": k.text, "sentence": k.sentence, "source": k.source.to_dict()}
                           for k in self.key_points],
            "context": [{"text": k.text, "sentence": k.sentence, "source": k.source.to_dict()}
                        for k in self.context],
            "glossary": [{"term": g.term, "expansion": g.expansion, "origin": g.origin}
                         for g in self.glossary],
            "sources": [{"path": s.path, "title": s.title, "sha256": s.sha256, "date": s.date,
                         "date_iso": s.date_iso, "format": s.format, "location": s.location,
                         "words": s.words, "url": s.url,
                         "paragraphs": [p.to_dict() for p in s.paragraphs]}
                        for s in self.sources],
            "removed": [r.to_dict() for r in self.removed],
            "topics": [{"name": t.name, "terms": list(t.terms)} for t in self.topics],
            "changes": [{"party": c.party, "topic": c.topic, "sentence": c.sentence,
                         "source": c.source.to_dict(), "note": c.note} for c in self.changes],
            "outcomes": [o.to_dict() for o in self.outcomes],
        }

    @classmethod
    def from_dict(cls, data: Any, name: str | None = None) -> Brief:
        """Build a Brief from its JSON form, naming the first field that breaks the schema
        (and the file, ``name``, it came from).

        Raises:
            BriefFormatError: a field is missing or has the wrong type.
        """
        try:
            return cls._from_dict(data)
        except BriefFormatError as e:
            if name is None:
                raise
            raise BriefFormatError(f"'{name}': {e}") from e

    @classmethod
    def _from_dict(cls, data: Any) -> Brief:
        d = _expect(data, dict, "brief")
        version = d.get("schema_version")
        if version not in READABLE_VERSIONS or isinstance(version, bool):
            raise BriefFormatError(
                f"schema_version is {version!r}; this briefgen reads schema_version "
                f"{' or '.join(map(str, READABLE_VERSIONS))}")
        m = _expect(d.get("meeting", {}), dict, "meeting")
        fmt = _opt(m.get("format", "unknown"), str, "meeting.format") or "unknown"
        if fmt not in MEETING_FORMATS:
            raise BriefFormatError(f"meeting.format must be one of {', '.join(MEETING_FORMATS)}")

        def items(key: str) -> list[tuple[str, dict[str, Any]]]:
            seq = _expect(d.get(key, []), list, key)
            return [(f"{key}[{i}]", _expect(x, dict, f"{key}[{i}]")) for i, x in enumerate(seq)]

        def attendee(w: str, a: dict[str, Any]) -> Attendee:
            return Attendee(_expect(a.get("name"), str, f"{w}.name"),
                            _opt(a.get("rank"), str, f"{w}.rank"),
                            _opt(a.get("title"), str, f"{w}.title"),
                            _opt(a.get("party"), str, f"{w}.party"),
                            Ref.from_dict(a.get("source"), f"{w}.source"),
                            tuple(_expect(m, int, f"{w}.meetings") for m in
                                  _expect(a.get("meetings", []), list, f"{w}.meetings")))

        genre = _expect(d.get("genre", "readout"), str, "genre")
        if genre not in GENRE_NAMES:
            raise BriefFormatError(f"genre must be one of {', '.join(GENRE_NAMES)}")

        def point(w: str, k: dict[str, Any]) -> KeyPoint:
            return KeyPoint(_expect(k.get("text"), str, f"{w}.text"),
                            _expect(k.get("sentence"), str, f"{w}.sentence"),
                            Ref.from_dict(k.get("source"), f"{w}.source"))

        return cls(
            title=_expect(d.get("title"), str, "title"),
            summary=_expect(d.get("summary", ""), str, "summary"),
            bottom_line=tuple(point(w, k) for w, k in items("bottom_line")),
            meeting=Meeting(_opt(m.get("date"), str, "meeting.date"),
                            _opt(m.get("date_iso"), str, "meeting.date_iso"), fmt,
                            _opt(m.get("location"), str, "meeting.location"),
                            _opt(m.get("document_date"), str, "meeting.document_date")),
            parties=tuple(Party(_expect(p.get("name"), str, f"{w}.name"),
                                tuple(_expect(a, str, f"{w}.aliases")
                                      for a in _expect(p.get("aliases", []), list, f"{w}.aliases")))
                          for w, p in items("parties")),
            attendees=tuple(attendee(w, a) for w, a in items("attendees")),
            absent=tuple(attendee(w, a) for w, a in items("absent")),
            genre=genre,
            positions=tuple(Position(_expect(p.get("party"), str, f"{w}.party"),
                                     _expect(p.get("verb"), str, f"{w}.verb"),
                                     _expect(p.get("statement"), str, f"{w}.statement"),
                                     _expect(p.get("sentence"), str, f"{w}.sentence"),
                                     Ref.from_dict(p.get("source"), f"{w}.source"),
                                     _opt(p.get("topic"), str, f"{w}.topic"))
                            for w, p in items("positions")),
            key_points=tuple(point(w, k) for w, k in items("key_points")),
            context=tuple(point(w, k) for w, k in items("context")),
            glossary=tuple(GlossaryEntry(_expect(g.get("term"), str, f"{w}.term"),
                                         _expect(g.get("expansion"), str, f"{w}.expansion"),
                                         _expect(g.get("origin", "document"), str, f"{w}.origin"))
                           for w, g in items("glossary")),
            sources=tuple(SourceInfo(_expect(s.get("path"), str, f"{w}.path"),
                                     _expect(s.get("title", ""), str, f"{w}.title"),
                                     _expect(s.get("sha256", ""), str, f"{w}.sha256"),
                                     _opt(s.get("date"), str, f"{w}.date"),
                                     _opt(s.get("date_iso"), str, f"{w}.date_iso"),
                                     _expect(s.get("format", "unknown"), str, f"{w}.format"),
                                     _opt(s.get("location"), str, f"{w}.location"),
                                     _opt(s.get("words"), int, f"{w}.words"),
                                     _opt(s.get("url"), str, f"{w}.url"),
                                     _source_paragraphs(s.get("paragraphs", []),
                                                        f"{w}.paragraphs"))
                          for w, s in items("sources")),
            topics=tuple(Topic(_expect(t.get("name"), str, f"{w}.name"),
                               tuple(_expect(x, str, f"{w}.terms")
                                     for x in _expect(t.get("terms", []), list, f"{w}.terms")))
                         for w, t in items("topics")),
            changes=tuple(Change(_expect(c.get("party"), str, f"{w}.party"),
                                 _opt(c.get("topic"), str, f"{w}.topic"),
                                 _expect(c.get("sentence"), str, f"{w}.sentence"),
                                 Ref.from_dict(c.get("source"), f"{w}.source"),
                                 _expect(c.get("note", ""), str, f"{w}.note"))
                          for w, c in items("changes")),
            outcomes=tuple(Outcome.from_dict(o, w) for w, o in items("outcomes")),
            removed=tuple(Removed(_expect(r.get("text"), str, f"{w}.text"),
                                  _expect(r.get("reason"), str, f"{w}.reason"))
                          for w, r in items("removed")),
        )


_TYPE_NAMES = {str: "a string", int: "an integer", list: "a list", dict: "an object"}


def _expect(value: Any, kind: type, where: str) -> Any:
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise BriefFormatError(
            f"field '{where}' must be {_TYPE_NAMES[kind]}, got {_json_type(value)}")
    return value


def _opt(value: Any, kind: type, where: str) -> Any:
    return None if value is None else _expect(value, kind, where)


def _json_type(value: Any) -> str:
    if value is None:
        return "null (or it is missing)"
    return {bool: "a boolean", int: "a number", float: "a number", str: "a string",
            list: "a list", dict: "an object"}.get(type(value), type(value).__name__)


def _source_paragraphs(value: Any, where: str) -> tuple[SourceParagraph, ...]:
    out = []
    for i, p in enumerate(_expect(value, list, where)):
        w = f"{where}[{i}]"
        p = _expect(p, dict, w)
        out.append(SourceParagraph(_expect(p.get("number"), int, f"{w}.number"),
                                   _expect(p.get("text"), str, f"{w}.text"),
                                   _opt(p.get("removed"), str, f"{w}.removed")))
    return tuple(out)


def _attendee_dict(a: Attendee) -> dict[str, Any]:
    return {"name": a.name, "rank": a.rank, "title": a.title, "party": a.party,
            "meetings": list(a.meetings or (a.source.document,)), "source": a.source.to_dict()}
