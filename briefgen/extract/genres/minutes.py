"""Minutes: an attendance list, agenda items, motions and the body's decisions.

The attendance list is read from its headings ("Present:", "Members of the Committee
present:", "In attendance:", "Apologies received from ...", "... were present"): each entry
gives a member's name, the office written with it ("Cllr", "Chair", "City Manager") and
whether they were there. A title written before a list ("Cllrs J Smith, K Jones") or in its
heading ("Members of the Committee present:") holds for every entry without its own.
"""

from __future__ import annotations

import re

from briefgen.extract.genres.structure import Member, Structure
from briefgen.model import Analysis, Paragraph, Sentence
from briefgen.vocabulary.genres import (
    ATTENDANCE_HEADINGS,
    BODY_WORDS,
    DECISION_WORDS,
    MINUTES_TITLE_WORDS,
    MOTION_WORDS,
    NOT_BODY_START,
)
from briefgen.vocabulary.people import MEMBER_OFFICES, STYLES, TITLE_WORDS

NAME = "minutes"
_HEADINGS = sorted(ATTENDANCE_HEADINGS, key=len, reverse=True)
#: A heading opening a paragraph or sentence, followed by a colon or standing alone; "present:"
#: may follow a group's name ("Members of the Committee present:").
HEADING = re.compile(r"^(?P<group>(?:[A-Z][\w-]*\s+)*?(?:of the \w+\s+)?)?"
                     rf"(?P<heading>{'|'.join(re.escape(h) for h in _HEADINGS)})"
                     r"\s*(?::|$)", re.I)
#: Headings written into a sentence before their list ("Apologies received from Cllrs A, B").
INLINE = re.compile(r"^(?P<group>)(?P<heading>apologies received from|present were|also present "
                    r"were|also in attendance were)\s+(?=[A-Z])", re.I)
#: A motion: "it was MOVED by A, seconded by B, to ...", "MOVED: Cr A SECONDED: Cr B",
#: "Councilmember A moved and Councilmember B seconded to ...".
MOTION = re.compile(r"\bmoved\b[^.;]{0,80}?\bseconded\b", re.I)
#: "Council members present were A, B and C" written inside a sentence.
PRESENT_WERE = re.compile(r"\b(?:members|councillors|councilmembers|council members)\s+present\s+"
                          r"were\s+(?=[A-Z])", re.I)
#: "<list> were present", "... was also present": the heading after the list.
TRAILING = re.compile(r"\s+(?:were|was)\s+(?:also\s+)?(?:present|in attendance)\s*\.?$", re.I)
OFFICE = TITLE_WORDS | MEMBER_OFFICES
#: One word of a person's name: an initial ("J", "J.", "E.J.") or a capitalised word.
NAME_WORD = re.compile(r"^(?:[A-Z]\.?(?:[A-Z]\.?)*|[A-ZÀ-Þ][a-zà-ÿ’']+(?:-[A-ZÀ-Þ][a-zà-ÿ’']+)?|"
                       r"Mc[A-Z][a-z]+|Mac[A-Z][a-z]+|O’[A-Z][a-z]+|O'[A-Z][a-z]+|"
                       r"St-[A-Z][a-z]+(?:-[A-Z][a-z]+)?|de|van|von|da|di|du|le|la)$")


def score(analysis: Analysis) -> float:
    """Evidence of minutes: an attendance heading, motions, and a title that names minutes."""
    head = f"{analysis.clean.title or ''} " + " ".join(p.text for p in analysis.paragraphs[:4])
    named = any(w in head.lower() for w in MINUTES_TITLE_WORDS)
    lists = sum(1 for p in analysis.paragraphs if HEADING.match(p.text))
    motions = sum(1 for s in analysis.sentences if _is_decision(s) or _is_motion(s))
    moved = sum(1 for s in analysis.sentences if MOTION.search(s.text))
    if not lists and not (named and motions) and moved < 2:
        return 0.0  # two motions moved and seconded make minutes even without a heading
    return (1.5 if lists else 0.0) + (1.0 if named else 0.0) + (0.5 if moved >= 2 else 0.0) + \
        min(motions, 5) / 5


def read(analysis: Analysis) -> Structure:
    """The members listed as present or absent, and the sentences that decide."""
    members: list[Member] = []
    furniture: set[int] = set()
    paragraphs = analysis.paragraphs
    i = 0
    while i < len(paragraphs):
        paragraph = paragraphs[i]
        first = paragraph.sentences[0] if paragraph.sentences else None
        m = (HEADING.match(paragraph.text) or INLINE.match(paragraph.text)) \
            if first is not None else None
        trailing = TRAILING.search(paragraph.text) if first is not None else None
        if m is not None:
            present = ATTENDANCE_HEADINGS[m.group("heading").lower()]
            group = (m.group("group") or "").strip()
            title = _group_title(group, m.group("heading"))
            rest = paragraph.text[m.end():]
            if rest.strip():
                end = paragraph.end
                if m.re is INLINE:  # the list ends with its sentence
                    end = paragraph.sentences[0].end
                members += _entries(paragraph, paragraph.start + m.end(), end, present, title)
                furniture.update(s.index for s in paragraph.sentences if s.start < end)
            else:  # the list follows, one entry a paragraph
                furniture.update(s.index for s in paragraph.sentences)
                j = i + 1
                if j < len(paragraphs) and _is_list(paragraphs[j]):  # "ROLL CALL" + a list
                    members += _entries(paragraphs[j], paragraphs[j].start,
                                        paragraphs[j].sentences[0].end, present, title)
                    furniture.add(paragraphs[j].sentences[0].index)
                    j += 1
                while j < len(paragraphs) and _is_entry(paragraphs[j]):
                    members += _entries(paragraphs[j], paragraphs[j].start, paragraphs[j].end,
                                        present, title)
                    furniture.update(s.index for s in paragraphs[j].sentences)
                    j += 1
                i = j
                continue
        elif trailing is not None and len(paragraph.text) < 400:
            members += _entries(paragraph, paragraph.start, paragraph.start + trailing.start(),
                                True, None)
            furniture.update(s.index for s in paragraph.sentences)
        else:
            for sentence in paragraph.sentences:
                inner = INLINE.match(sentence.text) if sentence is not first else None
                inner = inner or PRESENT_WERE.search(sentence.text)
                if inner is not None:
                    members += _entries(paragraph, sentence.start + inner.end(), sentence.end,
                                        True, None)
        i += 1
    decisions = frozenset(s.index for s in analysis.sentences
                          if s.index not in furniture and _is_decision(s))
    return Structure(members=tuple(_unique(members)), furniture=frozenset(furniture),
                     decisions=decisions, body=find_body(analysis))


#: A body whose minutes these are: "Melton Parish Council", "The Brooklyn Center City
#: Council", "the Standing Committee on Foreign Affairs and International Trade".
BODY = re.compile(r"\b((?:[A-Z][a-z][\w’'-]*\s+){0,5}(?:Council|Committee|Board|Commission|"
                  r"Assembly|Authority|Trust|Cabinet|Senate)(?:\s+(?:on|of|for)\s+(?:the\s+)?"
                  r"[A-Z][\w’'-]+(?:\s+(?:and\s+)?[A-Z][\w’'-]+)*)?)")


def find_body(analysis: Analysis) -> str | None:
    """The body named in the head of the minutes, most often written first."""
    head = " ".join(p.text for p in analysis.paragraphs[:6])
    for m in [*BODY.finditer(head), *BODY.finditer(analysis.body)]:
        words = m.group(1).split()
        while words and words[0].lower() in NOT_BODY_START:
            words.pop(0)
        if len(words) >= 2 or (words and words[0] not in ("Council", "Committee")):
            return " ".join(words)
    return None


def _group_title(group: str, heading: str) -> str | None:
    """The office a heading gives its list: "Members of the Committee present" -> the words
    before "present"; a bare "Present:" gives none."""
    words = f"{group} {heading}".split()
    kept = [w for w in words if w.lower() not in {"present", "present:", "also", "in",
                                                   "attendance", "were", "was"}]
    text = " ".join(kept).strip()
    return text if text and any(w.lower() in OFFICE for w in kept) else None


def _is_list(paragraph: Paragraph) -> bool:
    """A paragraph whose first sentence is a list of names ("Mayor A and Councilmembers B, C,
    D and E.") rather than a sentence about something."""
    if not paragraph.sentences:
        return False
    first = paragraph.sentences[0]
    verbs = [t for t in first.tokens if t.tag.startswith("VB") and t.dep == "ROOT"]
    return first.text.count(",") >= 2 and not verbs


def _is_entry(paragraph: Paragraph) -> bool:
    """A paragraph of a one-a-paragraph list: short, and starting with a name or office."""
    text = paragraph.text.strip()
    return 0 < len(text.split()) <= 14 and not text.endswith((".", ":")) and \
        bool(re.match(r"[A-Z]", text)) and not HEADING.match(text) and not text.isupper()


def _entries(paragraph: Paragraph, start: int, end: int, present: bool,
             title: str | None) -> list[Member]:
    """The members a list's text names, between body offsets ``start`` and ``end``."""
    body_text = paragraph.text
    base = paragraph.start
    text = body_text[start - base:end - base]
    out: list[Member] = []
    carried = title
    sentence = _sentence_at(paragraph, start)
    for m in re.finditer(r"[^,;]+", text):
        item = m.group(0)
        # "A, B and C": split the last item on "and"; "X for Y": Y stood in for, not there.
        for part in re.split(r"\s+(?:and|&)\s+", item):
            part_start = start + m.start() + item.find(part)
            entry = _entry(part.strip(" .:-–"), carried)
            if entry is None:
                if out and _is_office(part):
                    last = out[-1]  # "James Lee, Analyst": the office of the entry before
                    out[-1] = Member(name=last.name, title=part.strip(" .:"),
                                     present=last.present, sentence=last.sentence,
                                     start=last.start, end=last.end)
                continue
            name, own_title, plural = entry
            if plural:
                carried = own_title
            offset = body_text.find(name, part_start - base)
            begin = base + offset if offset >= 0 else part_start
            out.append(Member(name=name, title=own_title or carried, present=present,
                              sentence=sentence, start=begin, end=begin + len(name)))
    return out


def _entry(text: str, carried: str | None) -> tuple[str, str | None, bool] | None:
    """(name, title, whether the title is plural and carries on) of one list entry."""
    text = re.sub(r"\s+for\s+(?:Hon\.\s+)?[A-Z].*$", "", text)  # "A for B": A stood in
    text = text.rsplit(": ", 1)[-1]  # "Library of Parliament: James Lee": the body first
    role = None
    bracket = re.search(r"\(([^)]+)\)\s*$", text)
    if bracket:
        role, text = bracket.group(1).strip(), text[:bracket.start()].strip()
    dash = re.split(r"\s+[–—-]\s+", text, maxsplit=1)
    if len(dash) == 2:
        left, right = dash[0].strip(), dash[1].strip()
        if _is_office(left) and not _is_office(right):  # "the Clerk – Ann Lowe"
            left, right = right, re.sub(r"^the\s+", "", left, flags=re.I)
        text, role = left, role or right
    words = text.split()
    lead: list[str] = []
    while words and (words[0].lower().rstrip(".,") in OFFICE or
                     words[0].lower().rstrip(".") in STYLES or words[0].lower() == "the"):
        lead.append(words.pop(0))
    name_words: list[str] = []
    while words and NAME_WORD.match(words[0].rstrip(",")) and not (
            name_words and words[0].lower() in OFFICE):
        name_words.append(words.pop(0).rstrip(","))
    tail = " ".join(words)
    if not name_words or any(w.lower().strip(".") in BODY_WORDS for w in name_words):
        return None
    if all(len(w.rstrip(".")) == 1 for w in name_words):
        return None  # initials alone
    office = [w for w in lead if w.lower().rstrip(".") not in STYLES and w.lower() != "the"]
    title = role or (" ".join(office) if office else None) or (tail if _is_office(tail) else None)
    plural = bool(office) and office[-1].lower().endswith("s") and not role
    return " ".join(name_words), title, plural


def _is_office(text: str) -> bool:
    words = [w.lower().strip(".,") for w in text.split()]
    return bool(words) and words[0] in OFFICE and len(words) <= 10


def _sentence_at(paragraph: Paragraph, offset: int) -> int:
    for sentence in paragraph.sentences:
        if sentence.start <= offset < sentence.end:
            return sentence.index
    return paragraph.sentences[0].index if paragraph.sentences else 0


def _unique(members: list[Member]) -> list[Member]:
    """One entry a person: a later listing as present wins over none."""
    seen: dict[str, int] = {}
    out: list[Member] = []
    for member in members:
        key = member.name.lower()
        if key in seen:
            continue
        seen[key] = len(out)
        out.append(member)
    return out


def _is_decision(sentence: Sentence) -> bool:
    """A body's decision: "RESOLVED that", "It was agreed", "Motion passed", "Ordered, That",
    "were accepted as a true record", "Paragraph 13 read and agreed to"."""
    text = sentence.text
    if re.match(r"^\s*(?:it was\s+)?(?:resolved|ordered|agreed|decided)\b", text, re.I):
        return True
    if re.search(r"\b(?:motion|resolution|amendment)\s+(?:was\s+)?(?:passed|carried|adopted|"
                 r"approved|defeated|failed|lost)\b", text, re.I):
        return True
    if is_motion_record(text):
        return True
    words = {t.text.lower() for t in sentence.tokens}
    return bool(words & DECISION_WORDS) and bool(
        re.search(r"\b(?:was|were|be|been)\s+(?:\w+\s+)?(?:" + "|".join(DECISION_WORDS) +
                  r")\b|\b(?:read|amended),?\s+(?:\w+\s+)?and\s+agreed\b|\bagreed to\b|"
                  r"\b(?:all|members|committee|council|board)\s+(?:members\s+)?(?:agreed|"
                  r"resolved|decided|approved)\b", text, re.I))


def is_motion_record(text: str) -> bool:
    """A motion as minutes record it: "it was MOVED by A, seconded by B, to ...", "MOVED: Cr A
    SECONDED: Cr B CARRIED", "Unanimously carried by voice vote.", "RESOLUTION: That ..."."""
    return bool(MOTION.search(text) or re.search(r"\b(?:unanimously\s+)?carried\b(?!\s+out)", text)
                or re.match(r"^\s*RESOLUTION\s*:", text))


def _is_motion(sentence: Sentence) -> bool:
    words = {t.text.lower() for t in sentence.tokens}
    return len(words & MOTION_WORDS) >= 2
