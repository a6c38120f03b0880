"""Transcripts: remarks, press conferences and briefings, with speaker labels.

A paragraph that opens with a label ("PRIME MINISTER ALBANESE:", "Mao Ning:", "Q:",
"DONALD J. TRUMP (President of the United States):") starts a turn, which runs until the next
label. Labels of the press and of moderators make their turns furniture; the others are the
principals, named by the label or, when the label is a bare title ("THE PRIME MINISTER:"), by
the person of that title in the header.
"""

from __future__ import annotations

import re

from briefgen.extract.genres.structure import (
    MODERATOR,
    PRINCIPAL,
    QUESTIONER,
    Speaker,
    Structure,
    Turn,
)
from briefgen.extract.people import find_people, names_match
from briefgen.model import Analysis, Paragraph
from briefgen.vocabulary.genres import (
    MODERATOR_LABELS,
    QUESTIONER_LABELS,
    TRANSCRIPT_TITLE_WORDS,
)
from briefgen.vocabulary.people import PLAIN_HONORIFICS, RANKS, TITLE_WORDS

NAME = "transcript"
LABEL_WORD = r"[A-ZÀ-Þ][\w.’'-]*"
#: A speaker label at a paragraph's start: capitalised words (any case) and an optional
#: role in brackets, then a colon. "Q" and "Question" count.
LABEL = re.compile(rf"^(?P<label>(?:{LABEL_WORD})(?:[ ](?:{LABEL_WORD}|of|the|for|and|de|al))"
                   r"{0,7})\s*(?:\((?P<role>[^()\n]{2,90})\)|,\s+(?P<role2>[A-Z][^:,\n]{1,60}))?"
                   r"\s*:\s+(?=\S)")
#: The record style of U.S. transcripts: "President Biden. All the flowers bloomed." A label
#: of an office and a name, or "Q.", then a full stop.
DOTTED_LABEL = re.compile(rf"^(?P<label>(?:The\s+)?(?:{LABEL_WORD})(?:[ ](?:{LABEL_WORD})){{0,3}}"
                          r"|Q)\.\s+(?=[A-Z“\"])")
#: A label has no more words than this; longer runs before a colon are sentences.
MAX_LABEL_WORDS = 8
#: The fewest labelled paragraphs that make a document a transcript.
MIN_TURNS = 2
#: Headings that end with a colon but are no speaker (minutes, agendas, notes).
NOT_LABELS = frozenset({"present", "attendees", "note", "notes", "source", "subject", "date",
                        "time", "venue", "location", "place", "agenda", "apologies", "absent",
                        "update", "background", "summary", "editor's note", "contact", "media",
                        "tags", "related", "photo", "read more", "action", "resolved",
                        "in attendance", "also present", "members present", "witnesses",
                        "ordered", "it was agreed", "motion", "item", "proposed by",
                        "seconded by", "moved", "seconded", "chair", "minutes", "main topics",
                        "topics", "participants", "speakers", "statement", "question"})
_TITLE_WORDS = TITLE_WORDS | {r.lower().rstrip(".") for r in RANKS} | \
    {h.lower().rstrip(".") for h in PLAIN_HONORIFICS} | {"the", "h.e", "hon", "mr", "ms", "mrs",
                                                          "prime"}


def _is_title_word(word: str) -> bool:
    """"Minister", "PRIME", "Secretary-General" (each part a title word)."""
    key = word.lower().rstrip(".,’'")
    return key in _TITLE_WORDS or ("-" in key and all(p in _TITLE_WORDS for p in key.split("-")))


def labelled(paragraph: Paragraph) -> re.Match[str] | None:
    """The speaker label opening ``paragraph``, if it has one."""
    m = LABEL.match(paragraph.text)
    if m is None:
        m = DOTTED_LABEL.match(paragraph.text)
        if m is None:
            return None
        words = m.group("label").split()
        if m.group("label") != "Q" and words[-2 if len(words) > 1 else 0].lower() not in \
                _TITLE_WORDS:
            return None  # "President Biden." is a label, "Thank you." is not
    label = m.group("label")
    words = label.split()
    if len(words) > MAX_LABEL_WORDS or label.lower().rstrip(".") in NOT_LABELS:
        return None
    if not label.isupper() and len(words) > 4 and label.lower() not in QUESTIONER_LABELS:
        return None  # "The Minister of Foreign Affairs of X said:": a sentence, not a label
    return m


def score(analysis: Analysis) -> float:
    """Evidence of a transcript: labelled paragraphs, and a title that names one."""
    labels = [m.group("label") for p in analysis.paragraphs if (m := labelled(p))]
    title = (analysis.clean.title or "").lower()
    named = any(word in title for word in TRANSCRIPT_TITLE_WORDS)
    if len(labels) < (1 if named else MIN_TURNS):
        return 0.0
    distinct = len(set(labels))
    return 1.0 + min(len(labels), 10) / 10 + (1.0 if named else 0.0) + \
        (0.5 if distinct < len(labels) else 0.0)


def role_of(label: str, text: str) -> str:
    """A label's role: the press asks, a moderator runs the floor, the others are principals."""
    key = re.sub(r"[.:]+$", "", label).strip().lower()
    if key in QUESTIONER_LABELS or key.startswith(("q ", "question")):
        return QUESTIONER
    if key in MODERATOR_LABELS:
        return MODERATOR
    return PRINCIPAL


def split_label(label: str) -> tuple[str | None, str | None]:
    """("PRIME MINISTER ALBANESE") -> ("Prime Minister", "Albanese"): the title words before
    the name, and the name; either may be missing ("THE PRESIDENT" has no name)."""
    words = label.split()
    i = 0
    while i < len(words) and _is_title_word(words[i]):
        i += 1
    title = " ".join(words[:i]) or None
    name = " ".join(words[i:]) or None
    if title and title.lower().startswith("the "):
        title = title[4:]
    return (_display(title) if title else None), (_display(name) if name else None)


def _display(text: str) -> str:
    """An all-capitals label in the case a memo prints ("DONALD J. TRUMP" -> "Donald J. Trump")."""
    if not text.isupper():
        return text
    return " ".join(w if len(w) <= 2 and w.endswith(".") else w.capitalize() for w in text.split())


def read(analysis: Analysis) -> Structure:
    """Cut the document into turns and name each turn's speaker."""
    header = [s for p in analysis.paragraphs[:3] for s in p.sentences]
    header_people = [m for s in header for m in find_people(s)]
    speakers: list[Speaker] = []
    by_label: dict[str, int] = {}
    turns: list[Turn] = []
    furniture: set[int] = set()
    current: tuple[int, list[int], int] | None = None

    def close() -> None:
        if current is not None:
            turns.append(Turn(speaker=current[0], sentences=tuple(current[1]),
                              label_end=current[2]))

    for paragraph in analysis.paragraphs:
        m = labelled(paragraph)
        ids = [s.index for s in paragraph.sentences]
        if m is None:
            if current is not None:
                current[1].extend(ids)
            continue
        close()
        label = m.group("label")
        role = role_of(label, paragraph.text)
        if role == PRINCIPAL and paragraph.text.rstrip().endswith("?") and \
                label not in by_label and len(paragraph.sentences) <= 3:
            role = QUESTIONER  # "Xinhua News Agency: ... What is your comment?"
        key = label.lower()
        if key not in by_label:
            title, name = split_label(label)
            role_text = m.groupdict().get("role") or m.groupdict().get("role2")
            if role_text:
                title = role_text.strip()
            if role == PRINCIPAL and name is None and title:
                name, title = _from_header(title, header_people)
            speakers.append(Speaker(label=label, role=role, name=name, title=title,
                                    first_sentence=ids[0] if ids else 0))
            by_label[key] = len(speakers) - 1
        current = (by_label[key], ids, paragraph.start + m.end())
    close()
    for index, speaker in enumerate(speakers):
        own = [t for t in turns if t.speaker == index]
        if speaker.role == PRINCIPAL and own and all(
                analysis.sentences[t.sentences[-1]].text.rstrip(" ”\"").endswith("?")
                for t in own if t.sentences):
            speakers[index] = Speaker(label=speaker.label, role=QUESTIONER, name=speaker.name,
                                      title=speaker.title, first_sentence=speaker.first_sentence)
    # People the title names are principals of a joint appearance ("Prime Minister X and
    # President Y hold a joint press conference") even when the excerpt has no turn of theirs.
    title = (analysis.clean.title or "").strip()
    title_people = [m for s in analysis.sentences[:1] for m in find_people(s)] \
        if title and analysis.sentences and analysis.sentences[0].text.startswith(title[:40]) \
        else []
    for mention in title_people:
        if not any(s.name and names_match(s.name.lower(), mention.name.lower())
                   for s in speakers):
            speakers.append(Speaker(label=mention.name, role=PRINCIPAL, name=mention.name,
                                    title=mention.title, first_sentence=0))
    for turn in turns:
        if speakers[turn.speaker].role != PRINCIPAL:
            furniture.update(turn.sentences)
    principals = {i for i, s in enumerate(speakers) if s.role == PRINCIPAL}
    speakers = [_with_header_title(s, header_people) if i in principals else s
                for i, s in enumerate(speakers)]
    return Structure(speakers=tuple(speakers), turns=tuple(turns),
                     furniture=frozenset(furniture))


def _from_header(title: str, header_people: list) -> tuple[str | None, str | None]:
    """A bare-title label's person: the header's person whose title holds the label's words."""
    words = {w.lower() for w in title.split()} - {"the"}
    for mention in header_people:
        if mention.title and words <= {w.lower() for w in mention.title.split()}:
            return mention.name, mention.title
    return None, title


def _with_header_title(speaker: Speaker, header_people: list) -> Speaker:
    """A principal's fuller title from the header ("Prime Minister Trudeau and ...")."""
    if speaker.name is None:
        return speaker
    for mention in header_people:
        if names_match(mention.name, speaker.name) and mention.title and \
                len(mention.title) > len(speaker.title or ""):
            return Speaker(label=speaker.label, role=speaker.role, name=speaker.name,
                           title=mention.title, first_sentence=speaker.first_sentence)
    return speaker
