"""Find the title, the meeting date as written, the meeting format and the place."""

from __future__ import annotations

import datetime as dt
import re

from briefgen.extract.draft import Draft
from briefgen.model import Analysis, Meeting, Sentence
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
DAY = r"(?:[12]?\d|3[01])(?:st|nd|rd|th)?(?!\d)"
RANGE_JOIN = r"\s*(?:[-–]|and|to|through|until)\s*"
DATE_PATTERN = re.compile(
    rf"(?:{WEEKDAY},?\s+)?(?:{MONTH}\s+{DAY}(?:{RANGE_JOIN}(?:{MONTH}\s+)?{DAY}\b)?"
    rf"(?:,?\s+(?:19|20)\d\d)?"
    rf"|(?<!\d){DAY}(?:\s+{MONTH})?(?:{RANGE_JOIN}{DAY})?\s+{MONTH}(?:,?\s+(?:19|20)\d\d)?)"
    rf"|\b(?i:today|yesterday|tomorrow|tonight|this (?:morning|afternoon|evening)|this week|"
    rf"last week|"
    rf"(?:on|last|this)\s+{WEEKDAY}(?!,?\s+(?:{MONTH}|\d)))\b")
RELATIVE_DAYS = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0, "this morning": 0,
                 "this afternoon": 0, "this evening": 0}
# What a time expression holds: a number, a calendar word or a relative day; the parser's
# DATE entities include a few that hold none ("The minutes").
TIME_WORDS = re.compile(rf"\d|\b(?:{MONTH}|{WEEKDAY}|(?i:today|tomorrow|yesterday|tonight|"
                        rf"day|days|week|weeks|weekend|month|months|year|years|quarter|"
                        rf"spring|summer|autumn|fall|winter|morning|afternoon|evening|night))\b")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# A date the release is dated by: a short line of its own ("Thursday, November 8, 2018",
# "New Delhi November 28, 2008", "Date 2017-07-28", "No: 195, 23 August 2016").
ISO_DATE = re.compile(r"\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b")
US_NUMERIC_DATE = re.compile(r"\b(\d\d)/(\d\d)/((?:19|20)\d\d)\b")
DATELINE_WORDS = 14
# A date that starts a process the meeting belongs to, not the meeting's ("launched in
# March 2021", "since January 15"): skipped when looking for the meeting's date.
# A date of something still to come ("an event to be held on 17 December"): not the meeting's.
FUTURE_DATE = re.compile(r"\b(?:to be held|will|would|next|upcoming|planned|scheduled|"
                         r"expected)\b(?:\s+\S+){0,4}\s+$", re.I)
#: A date without its year is taken to fall this many days after the document's date at most
#: (a readout released a little before the day it reports is rare, a year later never).
AHEAD_DAYS = 31
PROCESS_START = re.compile(r"\b(?:since|launched|established|began|begun|started|inaugurated|"
                           r"created|founded|signed|adopted|first\s+\w+)\s+(?:\w+\s+){0,2}$",
                           re.I)

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
                                  document_date(analysis))
    fmt = find_format(draft.title, meeting_sentences[:4] or list(analysis.sentences[:2]))
    location = find_location(meeting_sentences[:3]) if fmt == "in_person" else None
    header_place = next((m.group(1).strip() for p in analysis.paragraphs[:8]
                         if (m := PLACE_HEADER.match(p.text))), None)
    if header_place and fmt == "unknown" and not VIRTUAL.search(header_place):
        fmt, location = "in_person", header_place  # "Place: MOFA Press Conference Room"
    dated = document_date(analysis)
    draft.meeting = Meeting(date=date, date_iso=iso, format=fmt, location=location,
                            document_date=dated.isoformat() if dated else None)


def _first_words(text: str, limit: int = 12) -> str:
    words = text.split()
    return " ".join(words[:limit]) + ("…" if len(words) > limit else "")


def find_meeting_date(sentences: list[Sentence], document_date: str | dt.date | None
                      ) -> tuple[str | None, str | None]:
    """Return the meeting's date as printed and its ISO form when certain.

    "today", "yesterday", "on Tuesday" are resolved against the document's own date and
    printed as that date ("March 3, 2023"); without a document date they give no date, so
    that none is guessed (a later date in the text belongs to something else). A range stays
    whole ("April 21 and 22"); a date that starts a process ("launched in ...", "since ...")
    is not the meeting's.
    """
    base = _as_date(document_date)
    for sentence in sentences:
        for m in DATE_PATTERN.finditer(sentence.text):
            if PROCESS_START.search(sentence.text, 0, m.start()) or \
                    FUTURE_DATE.search(sentence.text, max(0, m.start() - 40), m.start()):
                continue
            written = m.group(0)
            if written.lower() == "this week" or (
                    written.lower() == "last week" and base is None):
                continue
            if is_relative(written):
                if base is None:
                    return None, None
                return resolve_date(written, base, future=False)
            return written, to_iso(written) or in_year_of(written, base)
    return None, None


def in_year_of(written: str, base: dt.date | None, future: bool = False) -> str | None:
    """The ISO day of a date written without its year ("January 16", "Friday, 9 May"), in the
    year of the document's date ``base``: for what happened, the year before when that would
    put it more than a month after the document; for a step to come (``future``), the year
    after when it would fall more than a month before. None without a document date, for a
    range, or when a weekday written beside it disagrees."""
    if base is None or re.search(r"[-–]|\b(?:and|to|through|until)\b", written):
        return None
    day = to_iso(f"{written} {base.year}")
    if day is None:
        return None
    date = dt.date.fromisoformat(day)
    late = date > base + dt.timedelta(days=AHEAD_DAYS)
    early = date < base - dt.timedelta(days=AHEAD_DAYS)
    if (late and not future) or (early and future):
        shifted = to_iso(f"{written} {base.year + (1 if future else -1)}")
        if shifted is None:
            return None
        date = dt.date.fromisoformat(shifted)
    weekday = re.match(rf"({WEEKDAY}),?\s", written)
    if weekday and WEEKDAYS.index(weekday.group(1)) != date.weekday():
        return None
    return date.isoformat()


def is_relative(written: str) -> bool:
    """Tell whether a written date counts from the document's date ("today", "on Tuesday")."""
    words = written.lower().split()
    return bool(words) and (written.lower() in RELATIVE_DAYS or written.lower() in (
        "last week", "this week") or (words[-1].capitalize() in WEEKDAYS and len(words) <= 2))


def resolve_date(written: str, base: dt.date | None, future: bool = True
                 ) -> tuple[str, str | None]:
    """Return a written date as it should print and its ISO form when it names one day.

    A relative day ("today", "yesterday", "on Tuesday", "this Monday") resolved against the
    document's date ``base`` prints as the date ("March 3, 2023"); a bare weekday is the next
    one after ``base`` for a step to come (``future``), the last one up to ``base`` for what
    happened. "last week" prints as the week it means ("the week of February 20, 2023"), with
    no single day. Anything else prints as written, with its ISO form when it gives the year or
    the document's date does (``in_year_of``).
    """
    text = written.strip()
    low = re.sub(r"^(?:on|the)\s+", "", text.lower())
    if base is not None:
        if low in RELATIVE_DAYS:
            day = base + dt.timedelta(days=RELATIVE_DAYS[low])
            return long_date(day), day.isoformat()
        if low == "last week":
            monday = base - dt.timedelta(days=base.weekday() + 7)
            return f"the week of {long_date(monday)}", None
        words = low.split()
        if words and len(words) <= 2 and words[-1].capitalize() in WEEKDAYS and (
                len(words) == 1 or words[0] in ("last", "this", "next")):
            target = WEEKDAYS.index(words[-1].capitalize())
            back = (base.weekday() - target) % 7
            if words[0] == "last" or (words[0] != "next" and not future):
                day = base - dt.timedelta(days=back or (7 if words[0] == "last" else 0))
            else:
                day = base + dt.timedelta(days=(target - base.weekday()) % 7 or 7)
            return long_date(day), day.isoformat()
    return text, to_iso(text) or in_year_of(text, base, future)


def long_date(day: dt.date) -> str:
    """Write a date as "July 1, 2020"."""
    return f"{MONTHS[day.month - 1]} {day.day}, {day.year}"


def _as_date(value: str | dt.date | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def document_date(analysis: Analysis) -> dt.date | None:
    """The date the document is dated by: its metadata, else a dateline in its first or last
    short paragraphs or in a line cleaning took out ("Thursday, November 8, 2018", "Date
    2017-07-28"), else None."""
    given = _as_date(analysis.clean.source.date)
    if given is not None:
        return given
    paragraphs = analysis.paragraphs
    lines = [p.text for p in (*paragraphs[:4], *paragraphs[-2:])]
    for line in (*lines, *(r.text for r in analysis.clean.removed)):
        text = line.strip()
        if len(text.split()) > DATELINE_WORDS:
            # "CANADA, June 16, 2025 - Today, ...": a dateline opening the first paragraph
            head = re.match(r"^[A-Z][\w .,'’-]{0,40}?,\s*(.{6,30}?)\s+[-–—]\s", text)
            text = head.group(1) if head else ""
        day = _date_in(text)
        if day is not None:
            return day
    return None


def _date_in(text: str) -> dt.date | None:
    """The one full date (with its year) a short text gives, in any common way of writing."""
    for pattern, order in ((ISO_DATE, (1, 2, 3)), (US_NUMERIC_DATE, (3, 1, 2))):
        m = pattern.search(text)
        if m:
            year, month, day = (int(m.group(k)) for k in order)
            try:
                return dt.date(year, month, day)
            except ValueError:
                return None
    for m in DATE_PATTERN.finditer(text):
        iso = to_iso(m.group(0))
        if iso:
            return dt.date.fromisoformat(iso)
    return None


def to_iso(written: str) -> str | None:
    """Return YYYY-MM-DD for a single written date that states its year, else None."""
    m = re.search(rf"({MONTH})\s+({DAY})\b,?\s+((?:19|20)\d\d)$", written) or \
        re.search(rf"({DAY})\s+({MONTH}),?\s+((?:19|20)\d\d)$", written)
    if not m or re.search(r"[-–]|\b(?:and|to|through|until)\b", written):
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
