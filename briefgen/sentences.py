"""Split text into paragraphs and abbreviation-safe sentences, keeping character offsets."""

from __future__ import annotations

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
    terminal punctuation; otherwise wrapped lines are joined into one sentence.
    """
    end = len(text) if end is None else end
    for line_start, line_end in _logical_lines(text, start, end):
        yield from _split_line(text, line_start, line_end)


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
    for ls, le in lines:
        if cur is None:
            cur = (ls, le)
            continue
        prev = text[cur[0]:cur[1]].rstrip()
        line = text[ls:le]
        wrapped = (not prev.endswith((".", "!", "?", ":", ";", "”", '"'))
                   and not LIST_ITEM.match(line)
                   and line.lstrip()[:1].islower())
        if wrapped:
            cur = (cur[0], le)
        else:
            yield cur
            cur = (ls, le)
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
    word_match = re.search(r"(\S+)$", segment[:stop_at])
    word = word_match.group(1) if word_match else ""
    word = word.lstrip("\"'“‘([")
    bare = word.lower().rstrip(".")
    next_word_match = re.match(r"[\"'“‘(\[]?([\w’'-]+)", segment[next_at:])
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


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    chunk = text[start:end]
    lead = len(chunk) - len(chunk.lstrip())
    return start + lead, start + len(chunk.rstrip())
