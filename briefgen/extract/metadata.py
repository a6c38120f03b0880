"""Find the title, the meeting date as written, the meeting format and the place."""

from __future__ import annotations

import datetime as dt
import re

from briefgen.extract.draft import Draft
from briefgen.model import Meeting, Sentence
from briefgen.vocabulary.calendar import MONTH_ABBREVIATIONS, MONTHS, WEEKDAYS
from briefgen.vocabulary.verbs import (
    EVENT_NOUNS,
    MEETING_CORE_VERBS,
    MEETING_NOUNS,
    TOPIC_VERBS,
    TRAVEL_WORDS,
)

WEEKDAY = r"(?:" + "|".join(WEEKDAYS) + r")"
MONTH = r"(?:" + "|".join(MONTHS) + r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.)"
DAY = r"(?:[12]?\d|3[01])(?:st|nd|rd|th)?"
DATE_PATTERN = re.compile(
    rf"(?:{WEEKDAY},?\s+)?(?:{MONTH}\s+{DAY}(?:\s*(?:[-–]|to|through|until)\s*(?:{MONTH}\s+)?{DAY})?"
    rf"(?:,?\s+(?:19|20)\d\d)?"
    rf"|{DAY}\s+{MONTH}(?:\s+(?:19|20)\d\d)?)"
    rf"|\b(?i:today|yesterday|this week|last week)\b")
RELATIVE_DAYS = {"today": 0, "yesterday": -1}

#: Words of a meeting taking place, whose sentence dates and places it.
CUE_WORDS = "|".join(sorted(MEETING_CORE_VERBS | MEETING_NOUNS | EVENT_NOUNS | TRAVEL_WORDS,
                            key=len, reverse=True))
MEETING_CUES = re.compile(rf"\b(?:{CUE_WORDS})\b", re.I)
IN_PERSON = re.compile(r"\bin[- ]person\b", re.I)
# Calls that are visits, not telephone calls: "a courtesy call on", "a joint call on the
# Minister by the ambassadors", "called on the Prime Minister", and audiences.
VISIT_CALL = re.compile(r"\b(?:courtesy|farewell|introductory)\s+call\b|"
                        r"\b(?:joint\s+)?call(?:ed|s)?\s+on\s+(?:the\s+)?(?-i:[A-Z])|"
                        r"\baudience\b", re.I)
VIRTUAL = re.compile(r"\b(?:virtual(?:ly)?|video ?conference|videoconference|video call|"
                     r"via video|by video|online meeting|teleconference)\b", re.I)
PHONE = re.compile(r"\b(?:phone|telephone|telephoned|phoned|telephonic)\b|"
                   r"\b(?:a|the|their|his|her|trilateral|bilateral)\s+call\b(?!\s+(?:on|for|upon))|"
                   r"\b(?:spoke|speaks|speak)\s+(?:today\s+|yesterday\s+|this\s+\w+\s+)?"
                   r"(?:with|to)\s+(?:the\s+)?(?-i:[A-Z])|\bheld\s+a\s+call\b|"
                   r"^(?:.*\s)?call\b(?!\s+(?:on|for|upon))|\bcall with\b|’s call\b", re.I)
# Where the meeting was: "met ... in Washington", "traveled to Dhaka", "Yesterday in
# Washington, DC, ...". A place after "to discuss ..." is a topic ("... in Libya"), not a venue.
#: A place after a verb of discussing is a topic ("discussed the situation in X"), not a venue.
VENUE_WORDS = (MEETING_CORE_VERBS | MEETING_NOUNS | EVENT_NOUNS | TRAVEL_WORDS) - TOPIC_VERBS
VENUE_CUES = re.compile(rf"\b(?:{'|'.join(sorted(VENUE_WORDS, key=len, reverse=True))})\b",
                        re.I)
FUTURE = re.compile(r"\b(?:next (?:week|month|year)|upcoming|later this (?:week|month|year)|"
                    r"will (?:host|travel|visit|meet))\b", re.I)
TRAVEL_CUES = re.compile(rf"(?:{'|'.join(sorted(TRAVEL_WORDS))})", re.I)
VENUE = re.compile(r"\b(in|at|to)\s+(?:the\s+)?(?=[A-Z])")
# Within one sentence a ". " is an abbreviation's ("Jr. and"), so it stops nothing.
VENUE_STOP = re.compile(r";|\bto\s+(?!the\b)[a-z]+")
HOSTING = re.compile(r"\b(?:hosted|hosts|host|welcomed \w+ to|at the White House|on the margins|"
                     r"on the sidelines|received|receives|working lunch|working visit|"
                     r"White House (?:meeting|roundtable)|"
                     r"traveled to|travelled to|visit(?:ed)? to|trip to)\b", re.I)
JOINT_DOCUMENT = r"\bjoint (?:statement|declaration|communiqu|readout)"
NOT_PLACES = frozenset({"The", "This", "In", "On"})
#: A header line giving the place: "Place: MOFA Press Conference Room", "Venue: City Hall".
PLACE_HEADER = re.compile(r"^(?:Place|Venue|Location)\s*:\s*([^\n]{2,80})$")


def extract_metadata(draft: Draft) -> None:
    """Fill in title, meeting date (as written, plus ISO when certain), format and place."""
    analysis = draft.analysis
    draft.title = analysis.clean.title or _first_words(analysis.sentences[0].text)
    draft.is_joint_statement = bool(re.search(JOINT_DOCUMENT,
                                              f"{draft.title} {analysis.paragraphs[0].text}", re.I))
    meeting_sentences = [s for s in analysis.sentences[:12] if MEETING_CUES.search(s.text)]
    if draft.meeting_sentence is not None:
        first = analysis.sentences[draft.meeting_sentence]
        meeting_sentences = [first] + [s for s in meeting_sentences if s is not first]
    date, iso = find_meeting_date(meeting_sentences or list(analysis.sentences[:3]),
                                  analysis.clean.source.date)
    fmt = find_format(draft.title, meeting_sentences[:4] or list(analysis.sentences[:2]))
    location = find_location(meeting_sentences[:3]) if fmt == "in_person" else None
    header_place = next((m.group(1).strip() for p in analysis.paragraphs[:8]
                         if (m := PLACE_HEADER.match(p.text))), None)
    if header_place and fmt == "unknown" and not VIRTUAL.search(header_place):
        fmt, location = "in_person", header_place  # "Place: MOFA Press Conference Room"
    draft.meeting = Meeting(date=date, date_iso=iso, format=fmt, location=location)


def _first_words(text: str, limit: int = 12) -> str:
    words = text.split()
    return " ".join(words[:limit]) + ("…" if len(words) > limit else "")


def find_meeting_date(sentences: list[Sentence], document_date: str | None
                      ) -> tuple[str | None, str | None]:
    """Return the first date written in the meeting sentences and its ISO form when certain.

    "today" and "yesterday" count only when the document's own date is known, so that the
    ISO date is never a guess.
    """
    for sentence in sentences:
        for m in DATE_PATTERN.finditer(sentence.text):
            written = m.group(0)
            if written.lower() in ("this week", "last week"):
                continue
            if written.lower() in RELATIVE_DAYS:
                if document_date is None:
                    # "met today": the date is the release's, which the text does not give;
                    # a later date in the text belongs to something else.
                    return None, None
                base = dt.date.fromisoformat(document_date)
                day = base + dt.timedelta(days=RELATIVE_DAYS[written.lower()])
                return written, day.isoformat()
            return written, to_iso(written)
    return None, None


def to_iso(written: str) -> str | None:
    """Return YYYY-MM-DD for a single written date that states its year, else None."""
    m = re.search(rf"({MONTH})\s+({DAY}),?\s+((?:19|20)\d\d)$", written) or \
        re.search(rf"({DAY})\s+({MONTH})\s+((?:19|20)\d\d)$", written)
    if not m or re.search(r"[-–]", written):
        return None
    a, b, year = m.groups()
    month_word, day = (a, b) if not a[0].isdigit() else (b, a)
    month_word = month_word.rstrip(".")
    month = MONTHS.index(month_word) + 1 if month_word in MONTHS else \
        MONTH_ABBREVIATIONS.get(month_word[:4] if month_word == "Sept" else month_word[:3])
    try:
        return dt.date(int(year), int(month or 0), int(re.sub(r"\D", "", day))).isoformat()
    except ValueError:
        return None


def find_format(title: str, sentences: list[Sentence]) -> str:
    """Classify the meeting as in_person, virtual, phone or unknown from cue phrases.

    The headline and the sentence that reports the meeting decide first; later sentences
    only when those say nothing ("a virtual roundtable in April" is another event's format).
    """
    first, rest = sentences[:1], sentences[1:]
    for texts, group in (([title] + [s.text for s in first], first),
                         ([s.text for s in rest], rest)):
        joined = " ".join(texts)
        if IN_PERSON.search(joined) or VISIT_CALL.search(joined):
            return "in_person"  # "in-person and virtually" is a hosted, hybrid meeting
        if VIRTUAL.search(joined):
            return "virtual"
        if any(PHONE.search(t) for t in texts):
            return "phone"
        if find_location(group) or HOSTING.search(joined):
            return "in_person"
    return "unknown"


def find_location(sentences: list[Sentence]) -> str | None:
    """Return the place named where the meeting is reported ("Washington, D.C.")."""
    for sentence in sentences:
        text = sentence.text
        if FUTURE.search(text):
            continue  # "... the summit in Washington next month": another, later meeting
        cue = VENUE_CUES.search(text)
        opening = re.match(r"^(?:\w+\s+){0,3}?(?=(?:in|at)\s)", text)  # "Yesterday in X, ..."
        for m in VENUE.finditer(text):
            heads_sentence = opening is not None and m.start() == opening.end()
            after_cue = cue is not None and m.start() >= cue.end() and not VENUE_STOP.search(
                text, cue.end(), m.start())
            travel = m.group(1) != "to" or bool(TRAVEL_CUES.search(text, 0, m.start()))
            if not heads_sentence and not (after_cue and travel):
                continue
            place = place_at(sentence, m.end(), m.group(1) == "at")
            if place:
                return place
    return None


def place_at(sentence: Sentence, offset: int, at: bool = False) -> str | None:
    """The place entity starting at ``offset`` with any ", State/Country" parts after it.

    After "at", an institution is a venue too ("at the United Nations").
    """
    labels = ("GPE", "LOC", "FAC", "ORG") if at else ("GPE", "LOC", "FAC")
    entities = sorted((e for e in sentence.entities if e.label in labels),
                      key=lambda e: e.start)
    base = sentence.start
    first = next((e for e in entities if e.start - base == offset or
                  (e.start - base < offset < e.end - base)), None)
    if first is None:
        return None
    start, end = first.start - base, first.end - base
    for e in entities:
        gap = sentence.text[end:e.start - base]
        if e.start - base >= end and re.fullmatch(r",\s*", gap):
            end = e.end - base
    tail = re.match(r",\s*(?:D\.C\.|DC)\b", sentence.text[end:])
    if tail:
        end += tail.end()
    place = re.sub(r"^the\s+", "", sentence.text[start:end])
    return place if place.split()[0] not in NOT_PLACES else None
