"""Split text into paragraphs and abbreviation-safe sentences, keeping character offsets."""

from __future__ import annotations

import collections
import re
from collections.abc import Iterator

# Abbreviations after which a full stop never ends a sentence (titles, ranks, honorifics).
TITLE_ABBREVIATIONS = frozenset(
    "mr mrs ms mx dr prof gen maj lt col capt cpt cmdr cdr adm brig sgt cpl pvt amb dep sec "
    "asst assoc gov sen rep pres vp hon rev fr sr jr st no nos vol vols fig figs "
    "dept univ approx ca cf vs v jan feb mar apr jun jul aug sep sept oct nov dec "
    "mt ft rt messrs mme mlle".split())
LOWERCASE_ABBREVIATIONS = frozenset({"vs", "v", "cf", "approx", "ca"})
# Dotted abbreviations that usually modify the next word ("U.S. Ambassador"): a sentence ends
# after them only when the next word is one that starts sentences.
MODIFIER_ACRONYMS = frozenset({"u.s.", "u.n.", "u.k.", "e.u.", "u.s.a.", "u.a.e.", "r.o.k.",
                               "p.r.c.", "s.", "n."})
# Dotted honorifics and styles written before a name ("H.E. Mr. X", "President H.E. X",
# "S.G. Guterres"): a full stop inside or after them never ends a sentence.
HONORIFIC_ACRONYMS = frozenset({"h.e.", "h.h.", "h.m.", "h.r.h.", "h.i.m.", "s.e.", "s.g.",
                                "h.b.", "t.e."})
# Function words that start sentences but rarely follow a modifier such as "U.S.".
SENTENCE_STARTERS = frozenset(
    "the a an this that these those they he she it we i you our their his her its in on at "
    "during after before while when as both all each following since with without but and "
    "however meanwhile also additionally further furthermore finally today yesterday "
    "tomorrow there here participants officials".split())

BOUNDARY = re.compile(r"([.!?…]+)([\"'”’)\]]*)(\s+)"
                      r"(?=[\"'“‘(\[]?[A-Z0-9À-ÖØ-Þ\u0370-\u03ff\u0400-\u04ff])")
LIST_ITEM = re.compile(r"^\s*(?:[-*•●▪◦]|\d{1,2}[.)]|\(\d{1,2}\))\s+")
PARAGRAPH_SPLIT = re.compile(r"\n[ \t]*\n")
NEXT_WORD = re.compile(r"[\"'“‘(\[]?([\w’'-]+)")
#: A "sentence" longer than this (a run-on text without full stops, a table pasted as one
#: line, a megabyte of one word) is cut into pieces of at most this many characters, so that
#: no stage after the splitter (spaCy, the extractors, a memo's bullet, the PDF layout) ever
#: meets one of unbounded length. The longest of the 170 documents in tests/ has 898.
MAX_SENTENCE_CHARS = 2000
#: Where a piece of an over-long sentence ends, best first: after a semicolon or colon, after
#: a comma, at a space; searched in the second half of the piece (else it is cut hard).
CLAUSE_BREAKS = (re.compile(r"[;:](?=\s)"), re.compile(r",(?=\s)"), re.compile(r"\S(?=\s)"))


def split_paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """Yield (start, end) of each blank-line separated paragraph, whitespace trimmed."""
    pos = 0
    for m in [*PARAGRAPH_SPLIT.finditer(text), None]:
        end = m.start() if m else len(text)
        chunk = text[pos:end]
        lead = len(chunk) - len(chunk.lstrip())
        trail = len(chunk.rstrip())
        if trail > lead:
            yield pos + lead, pos + trail
        if m:
            pos = m.end()


def split_sentences(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """Yield (start, end) of each sentence of ``text[start:end]``.

    A line break ends a sentence when the line is a list item, a heading-like line or ends in
    terminal punctuation; otherwise wrapped lines are joined into one sentence. A sentence
    longer than ``MAX_SENTENCE_CHARS`` is cut into pieces (see :func:`cap_sentence`). Time is
    linear in the length of the text.
    """
    end = len(text) if end is None else end
    for line_start, line_end in _logical_lines(text, start, end):
        for sent_start, sent_end in _split_line(text, line_start, line_end):
            yield from cap_sentence(text, sent_start, sent_end)


def cap_sentence(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Yield the sentence ``text[start:end]`` whole, or cut into pieces of at most
    ``MAX_SENTENCE_CHARS`` characters at clause boundaries (else at a space, else anywhere).
    """
    while end - start > MAX_SENTENCE_CHARS:
        low, high = start + MAX_SENTENCE_CHARS // 2, start + MAX_SENTENCE_CHARS
        cut = high
        for pattern in CLAUSE_BREAKS:
            last = collections.deque(pattern.finditer(text, low, high), maxlen=1)
            if last:
                cut = last[0].start() + 1
                break
        piece_start, piece_end = _trim(text, start, cut)
        if piece_end > piece_start:
            yield piece_start, piece_end
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        yield start, end


def _logical_lines(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    lines: list[tuple[int, int]] = []
    pos = start
    while pos <= end:
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl
        if text[pos:stop].strip():
            lines.append((pos, stop))
        if nl < 0:
            break
        pos = nl + 1
    cur: tuple[int, int] | None = None
    last_line = 0  # where the last line joined into ``cur`` starts
    for ls, le in lines:
        if cur is None:
            cur, last_line = (ls, le), ls
            continue
        # Only the end of the logical line matters, and every line holds a non-blank: look at
        # the last line alone (a whole paragraph of wrapped lines, copied per line, was
        # quadratic).
        prev = text[last_line:cur[1]].rstrip()
        line = text[ls:le]
        wrapped = (not prev.endswith((".", "!", "?", ":", ";", "”", '"'))
                   and not LIST_ITEM.match(line)
                   and line.lstrip()[:1].islower())
        if wrapped:
            cur = (cur[0], le)
        else:
            yield cur
            cur = (ls, le)
        last_line = ls
    if cur is not None:
        yield cur


def _split_line(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    segment = text[start:end]
    sent_start = 0
    # The full stop of a numbered item's marker ("1. The sides...") ends no sentence.
    marker = LIST_ITEM.match(segment)
    marker_end = marker.end() if marker else 0
    for m in BOUNDARY.finditer(segment):
        cut = m.start(3)
        if m.end() <= marker_end:
            continue
        if not is_sentence_end(segment, m.start(1), m.group(1), m.end()):
            continue
        piece = segment[sent_start:cut]
        if piece.strip():
            yield _trim(text, start + sent_start, start + cut)
        sent_start = m.end()
    if segment[sent_start:].strip():
        yield _trim(text, start + sent_start, end)


def is_sentence_end(segment: str, stop_at: int, punct: str, next_at: int) -> bool:
    """Decide whether the punctuation at ``stop_at`` ends a sentence (abbreviation-aware)."""
    if punct != ".":
        return True
    word = last_word(segment, stop_at).lstrip("\"'“‘([")
    bare = word.lower().rstrip(".")
    next_word_match = NEXT_WORD.match(segment, next_at)
    next_word = next_word_match.group(1).lower() if next_word_match else ""
    if not word:
        return True
    if bare in TITLE_ABBREVIATIONS and (word[:1].isupper() or bare in LOWERCASE_ABBREVIATIONS):
        return False
    if len(bare) == 1 and bare.isalpha() and word[:1].isupper():
        # An initial ("Antony J. Blinken"); a sentence ending in a capital letter is rare.
        return next_word in SENTENCE_STARTERS
    dotted = word.lower() + "."
    if dotted in HONORIFIC_ACRONYMS:
        return False
    if "." in bare:  # dotted acronym: U.S., D.C., p.m.
        if dotted in MODIFIER_ACRONYMS:
            return next_word in SENTENCE_STARTERS
        return True
    return True


def last_word(segment: str, stop_at: int) -> str:
    """Return the run of non-blanks that ends ``segment[:stop_at]`` (before a final line
    break), as ``re.search(r"(\\S+)$", segment[:stop_at])`` finds it, without copying the
    text before it (that was quadratic in the length of a line)."""
    end = stop_at - 1 if stop_at and segment[stop_at - 1] == "\n" else stop_at
    begin = end
    while begin > 0 and not segment[begin - 1].isspace():
        begin -= 1
    return segment[begin:end]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    chunk = text[start:end]
    lead = len(chunk) - len(chunk.lstrip())
    return start + lead, start + len(chunk.rstrip())
