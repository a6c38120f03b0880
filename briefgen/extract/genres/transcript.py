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
from briefgen.sentences import TITLE_ABBREVIATIONS
from briefgen.vocabulary.genres import (
    MODERATOR_LABELS,
    NOT_LABELS,
    QUESTIONER_LABELS,
    TRANSCRIPT_TITLE_WORDS,
)
from briefgen.vocabulary.people import PLAIN_HONORIFICS, RANKS, TITLE_WORDS
from briefgen.vocabulary.words import STOPWORDS

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
        if m.group("label") != "Q" and (
                len(words) < 2 or not _is_title_word(words[-2]) or _is_title_word(words[-1])
                or words[-1].lower() in TITLE_ABBREVIATIONS):
            return None  # "President Biden." is a label; "Thank you.", "Mr. Sullivan" are not
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
    # President Y hold a joint press conference") even when the excerpt has no turn of theirs;
    # a speaker the title names gets its fuller name and place ("Rishi Sunak of the UK").
    for name, title, place in title_people(analysis.clean.title or ""):
        same = [i for i, s in enumerate(speakers)
                if s.name and names_match(s.name.lower(), name.lower())]
        if not same:
            speakers.append(Speaker(label=name, role=PRINCIPAL, name=name, title=title,
                                    first_sentence=0, affiliation=place))
            continue
        s = speakers[same[0]]
        fuller = name if len(name.split()) > len(s.name.split()) and s.name.isupper() is False \
            else s.name
        longer = title if s.title is None or (len(title) > len(s.title) and set(
            s.title.lower().split()) <= set(title.lower().split())) else s.title
        speakers[same[0]] = Speaker(label=s.label, role=s.role, name=fuller,
                                    title=longer, first_sentence=s.first_sentence,
                                    affiliation=s.affiliation or place)
    for turn in turns:
        if speakers[turn.speaker].role != PRINCIPAL:
            furniture.update(turn.sentences)
    principals = {i for i, s in enumerate(speakers) if s.role == PRINCIPAL}
    speakers = [_with_header_title(s, header_people) if i in principals else s
                for i, s in enumerate(speakers)]
    return Structure(speakers=tuple(speakers), turns=tuple(turns),
                     furniture=frozenset(furniture))


#: In a title: an office, a name of capitalised words, and maybe "of <place>" ("Prime Minister
#: Rishi Sunak of the United Kingdom", "President Trump").
TITLE_PERSON = re.compile(
    r"(?P<office>(?:[A-Z][\w-]+\s+){0,3}?(?:Minister|President|Secretary|Chancellor|Premier|"
    r"King|Queen|Prince|Emir|Sultan|Ambassador|Secretary-General|Spokesperson|Governor|Mayor)"
    r")(?:\s+(?:for|of)\s+[A-Z][\w-]+)?\s+(?P<name>(?:[A-Z][\w’'.-]+\s?){1,5}?)(?=\s+(?:of|and|hold|holds|at|in|on|to|with|"
    r"meet|meets|before|after|’s|'s)\b|[,:;]|’s|'s|$)(?:\s+of\s+(?:the\s+)?(?P<place>"
    r"[A-Z][\w.-]+(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w.-]+){0,4}))?")


def title_people(title: str) -> list[tuple[str, str, str | None]]:
    """(name, office, place) of the people a transcript's title names."""
    out = []
    for m in TITLE_PERSON.finditer(title):
        office = m.group("office").split()
        while office and not _is_title_word(office[0]):
            office.pop(0)  # "Meeting With Prime Minister" -> "Prime Minister"
        name = m.group("name").split()
        for i, word in enumerate(name):
            if word.endswith(("’s", "'s")):  # "Mao Ning’s Regular Press Conference"
                name = [*name[:i], word[:-2]]
                break
            if i and word.lower() in STOPWORDS:  # "Mélanie Joly Before Their Meeting"
                name = name[:i]
                break
        extra = title[m.end("office"):m.start("name")].split()
        while name and _is_title_word(name[0]):
            extra.append(name.pop(0))  # "... for Foreign Affairs Katsuya Okada"
        if not name:
            continue
        place = (m.group("place") or "").strip() or None
        out.append((" ".join(name), " ".join(office + extra), place))
    return out


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
