"""Meeting records: coverage of a multilateral body's meeting, delegate by delegate.

"The representative of X said ...", "X's delegate, also speaking for Y and Z, stressed ...",
"Speaking on behalf of the African Group, the delegate of W ...": the sentence is X's (and Y's
and Z's); the sentences after it that go on with "he said", "she added", or state a view
without a new speaker, are too, until another delegate takes the floor or the paragraph ends.
"""

from __future__ import annotations

import re

from briefgen.extract.genres.structure import Member, Structure, Voice
from briefgen.model import Analysis, Sentence
from briefgen.vocabulary.genres import DELEGATE_NOUNS, RECORD_HINT_WORDS, RECORD_TITLE_WORDS
from briefgen.vocabulary.people import RANKS, STYLES
from briefgen.vocabulary.words import STOPWORDS

NAME = "meeting_record"
RANK_WORDS = frozenset(r.lower().rstrip(".") for r in RANKS)
_NOUNS = "|".join(sorted(DELEGATE_NOUNS, key=len, reverse=True))
PLACE = r"(?:the\s+)?[A-Z][\w’'.-]*(?:\s+(?:of|and|the|[A-Z][\w’'.-]*))*?"
#: "the representative of X", "the delegate of X", "the Minister for Foreign Affairs of X".
OF_DELEGATE = re.compile(rf"\b(?:the\s+)?(?i:{_NOUNS})(?:\s+for\s+[A-Z][\w ]*?)?\s+of\s+"
                         rf"(?P<place>{PLACE})(?=[,;.]|\s+(?:said|stated|noted|also|who|"
                         r"speaking|on behalf|[a-z]+ed)\b)")
#: "X's representative", "the X delegate".
OWN_DELEGATE = re.compile(rf"\b(?P<place>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){{0,3}})(?:’s|'s)?\s+"
                          rf"(?i:{_NOUNS})\b")
#: "also speaking for X and Y", "speaking on behalf of the African Group", "for the G77".
ALSO_FOR = re.compile(r"\b(?i:(?:also\s+)?speaking\s+(?:also\s+)?(?:on behalf of|for))\s+"
                      r"(?P<groups>(?:the\s+)?[A-Z][^;:]*?)(?=,\s|\s+(?:said|stated|noted|"
                      r"stressed|emphasized|called|urged|expressed|welcomed|underlined|"
                      r"underscored|highlighted)\b|[.;]|$)")
#: A sentence that goes on with the same speaker ("he said", "she added").
CONTINUES = re.compile(r"\b(?:he|she|they|the speaker|the delegate|the representative)\s+"
                       r"(?:said|stated|added|noted|continued|stressed|emphasized|underlined|"
                       r"underscored|observed|warned|recalled|went on|pointed out|argued|"
                       r"asserted|explained|concluded|cautioned|insisted)\b", re.I)


def delegations(sentence: Sentence) -> list[str]:
    """The delegations a sentence names as speaking: the delegate's own and those spoken for."""
    text = sentence.text
    out: list[str] = []
    for m in OF_DELEGATE.finditer(text):
        out.append(m.group("place"))
    if not out:
        for m in OWN_DELEGATE.finditer(text):
            place = m.group("place")
            if place.split()[0].lower() not in STOPWORDS:
                out.append(place)
                break
    for m in ALSO_FOR.finditer(text):
        parts = re.split(r",\s*(?:and\s+)?|\s+and\s+", m.group("groups"))
        out += [p.strip() for p in parts if (p.strip() and p.strip()[0].isupper())
                or p.strip().startswith("the ")]
    return [re.sub(r"^the\s+", "", p).strip() for p in out if p.strip()]


def score(analysis: Analysis) -> float:
    """Evidence of a meeting record: several delegations taking the floor, a header that
    names a record or a body in session. Two sides of a bilateral readout are not enough."""
    named = {p.lower() for s in analysis.sentences for p in delegations(s)}
    head = f"{analysis.clean.title or ''} " + " ".join(p.text for p in analysis.paragraphs[:3])
    cue = any(word in head.lower() for word in RECORD_TITLE_WORDS)
    hint = any(word in head.lower() for word in RECORD_HINT_WORDS)
    if not cue and not (hint and len(named) >= 3) and len(named) < 6:
        return 0.0
    return 0.2 * min(len(named), 8) + (0.9 if cue or hint else 0.0)


def read(analysis: Analysis) -> Structure:
    """Give each sentence of a delegate's intervention that delegation's voice."""
    voices: list[Voice] = []
    for paragraph in analysis.paragraphs:
        current: tuple[str, ...] = ()
        for sentence in paragraph.sentences:
            named = tuple(dict.fromkeys(delegations(sentence)))
            if named:
                current = named
                voices.append(Voice(sentence=sentence.index, phrases=named))
            elif current and (CONTINUES.search(sentence.text) or not _names_someone(sentence)):
                voices.append(Voice(sentence=sentence.index, phrases=current))
    return Structure(voices=tuple(voices), members=tuple(presiding(analysis)))


#: A record's header naming who presided: "Chairperson: Her Excellency Ms Susana Malcorra
#: (Argentina)", "President: Mr. X (Country)".
PRESIDING = re.compile(r"^(?P<office>(?:Co-)?Chair(?:person|man|woman)?s?|President|"
                       r"Presiding(?: officer)?|Moderator)\s*:\s*(?P<who>[^\n]{3,120})$")


def presiding(analysis: Analysis) -> list[Member]:
    """Who presided, from the header lines of the record."""
    out = []
    for paragraph in analysis.paragraphs[:12]:
        m = PRESIDING.match(paragraph.text)
        if m is None or not paragraph.sentences:
            continue
        who = m.group("who")
        place = re.search(r"\(([^()]+)\)\s*$", who)
        name = strip_styles(who[:place.start()] if place else who)
        if not name or len(name.split()) > 5:
            continue
        start = paragraph.start + m.start("who") + m.group("who").find(name)
        out.append(Member(name=name, title=m.group("office"), present=True,
                          sentence=paragraph.sentences[0].index, start=start,
                          end=start + len(name),
                          affiliation=place.group(1).strip() if place else None))
    return out


def strip_styles(text: str) -> str:
    """A name without the styles before it ("Her Excellency Ms Susana Malcorra")."""
    words = text.split()
    while words and (words[0].lower().rstrip(".") in STYLES | RANK_WORDS):
        words.pop(0)
    return " ".join(words).strip(" ,")


def _names_someone(sentence: Sentence) -> bool:
    """Whether a sentence has a subject of its own that is a person or a body."""
    return any(t.dep in ("nsubj", "nsubjpass") and t.ent_type in ("PERSON", "ORG", "GPE", "NORP")
               for t in sentence.tokens)
