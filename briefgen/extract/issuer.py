"""Infer the issuing side of a document: the government or organisation whose release it is.

Nothing is assumed: the side is read from the document's own evidence, for any government
or organisation, and None is returned when the evidence does not settle it. The evidence,
each item scored for the party it names:

- an issuing institution in the header lines ("Ministry of Foreign Affairs of Japan", "the
  Embassy of India"): the strongest sign;
- the first party of the title's compound ("Japan-Germany Foreign Ministers' Talk");
- an office that names its government or organisation when written without one (the High
  Representative, the Secretary-General, the Taoiseach, see ``ISSUING_OFFICES``), unless it is
  the office of a person the text gives another side;
- every mention of the party (its name, demonym, capital, seat of government);
- against: the party is written with a participant's title ("Foreign Minister Kishida of
  Japan", "the Russian Foreign Minister") while another participant is written with none,
  the way a release names its guests and not its own principal.
"""

from __future__ import annotations

import re
from collections import Counter

from briefgen.extract import gazetteer
from briefgen.extract.draft import Draft
from briefgen.extract.gazetteer_data import ISSUING_OFFICES
from briefgen.extract.genres.structure import PRINCIPAL
from briefgen.vocabulary.people import OFFICE_WORDS, TITLE_WORDS
from briefgen.vocabulary.verbs import HOST_VERBS

#: Weights of the evidence (see the module's docstring).
INSTITUTION, COMPOUND, OFFICE, HOST = 4.0, 4.0, 3.0, 3.0
MENTION, MENTION_CAP, GUEST = 1.0, 2.0, -3.0
#: The best party must score at least this, and more than the runner-up.
THRESHOLD = 2.0
#: Characters of the body read as its header (datelines, the issuing office's name).
HEAD_CHARS = 400
INSTITUTION_NOUNS = (r"Ministry|Department|Embassy|Permanent Mission|Mission|Government|"
                     r"Office|Presidency|Chancellery|Cabinet Office|Secretariat")
INSTITUTION_OF = re.compile(rf"\b(?:{INSTITUTION_NOUNS})\b(?:\s+(?:of|for)\s+"
                            r"(?:Foreign|External|International)\s+[A-Z][\w ,&]*?)?\s+of\s+"
                            r"(?:the\s+)?(?P<name>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,5})")
INSTITUTION_AFTER = re.compile(r"(?P<name>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3})"
                               r"(?:’s|'s)?\s+(?:Ministry|Embassy|Mission|Government)\b")
#: An office word in a title or sentence ("Minister", "Secretary-General", "counterpart",
#: "PM"), checked against the office nouns.
OFFICE_WORD = re.compile(r"\b(?:[A-Z][a-zá]+(?:-[A-Z][a-z]+)?|counterparts?|PM|FM|EAM)\b")
EXTRA_OFFICES = frozenset({"taoiseach", "tánaiste", "pm", "fm", "eam", "counterpart",
                           "counterparts"})
#: The release speaking for its side ("our countries", "we"), outside quotations.
FIRST_PERSON = re.compile(r"(?<![“\"])\b(?:our|we|us)\b(?![^“”\"]*[”\"])")
#: A country written as the owner of what follows ("U.S. interest", "Japan's position").
OWNED = re.compile(r"(?:’s|'s)?\s+(?!and\b|or\b|in\b|on\b|to\b|of\b|for\b|at\b)[a-z]+")
#: One word of the stretch after an office (see ``_after``).
STRETCH_WORD = re.compile(r"\s+([\w’'.-]+)")
#: Who hosts whom: "<host> received <guest>", "a courtesy call on <host> by <guest>".
HOST_FIRST = re.compile(rf"\b(?:{'|'.join(sorted(HOST_VERBS, key=len, reverse=True))})\b")
GUEST_FIRST = re.compile(r"\b(?:(?:paid|pays|paying)\s+(?:a\s+)?(?:courtesy\s+|farewell\s+|"
                         r"introductory\s+)?(?:call|visit)\s+on|called\s+on|calls\s+on|"
                         r"[Cc]all\s+on)\b")
#: What ends the stretch of text an office's "of <country>" may sit in.
QUALIFIER_END = re.compile(r"[,;:()]|\.\s|\b(?:met|meets|meet|and|with|held|holds|spoke|"
                           r"speaks|had|has|received|receives|hosted|hosts|at|in|on|during|"
                           r"paid|called|visited|discussed|said)\b")
#: Words that may stand between a country and the office it qualifies ("Russian Foreign
#: Minister", "his new Danish counterpart", "Japan's Vice Minister").
FILLER_WORDS = TITLE_WORDS | frozenset({"new", "his", "her", "their", "its", "the", "’s", "'s",
                                       "prime"})
#: An office written "of <somewhere>" or "for <someone>" is another body's ("Secretary-General
#: of ASEAN", "Office of the Spokesperson for the Secretary-General").
_OFFICES = [(re.compile(rf"(?<![\w-]){re.escape(office)}(?![\w-])(?!\s+(?:of|for)\b)"), party)
            for party, offices in ISSUING_OFFICES.items() for office in offices]


def find_issuer(draft: Draft) -> str | None:
    """Return the canonical name of the party that issued the document, or None.

    Reads the attendees found so far and their written affiliations (run after
    ``extract_attendees``) and the title (``extract_metadata``).
    """
    scores: Counter[str] = Counter()
    body = draft.analysis.body
    removed = [r.text for r in draft.analysis.clean.removed]
    # The header: the body's first lines and what cleaning took out (datelines, the office's
    # name); the title too, when the title is itself an institution's name.
    header = "\n".join([draft.title, body[:HEAD_CHARS], *removed])
    for name in _institutions(header):
        scores[name] += INSTITUTION
    first = _compound_first(draft.title)
    if first:
        scores[first] += COMPOUND
    host, hosted = _host_and_guests(draft)
    if host:
        scores[host] += HOST
    guests = hosted | _qualified_guests(draft)
    guests.discard(host)
    # Titles of the participants written with a side other than the one examined.
    guest_titles = [a.title or "" for a, aff in zip(draft.attendees, draft.affiliations) if aff]
    for text in (draft.title, body[:HEAD_CHARS * 3], *removed):
        for pattern, party in _OFFICES:
            if party in guests or any(pattern.search(title) for title in guest_titles):
                continue  # the office of a guest ("Secretary of State John Kerry of US")
            if pattern.search(text):
                scores[party] += OFFICE
                break
    for name, score in _mention_scores(draft, guests).items():
        scores[name] += score
    for name in guests:
        scores[name] += GUEST
    ranked = scores.most_common()
    # With the guests known, the other side named beside them is the host: less is needed.
    needed = THRESHOLD / 2 if guests else THRESHOLD
    if not ranked or ranked[0][1] < needed:
        return None
    if len(ranked) > 1 and ranked[1][1] >= ranked[0][1]:
        # Two sides equally likely: a country beats a forum or group mentioned as often (the
        # G20 summit a call talks about is not who issued it); else say nothing.
        tied = [name for name, score in ranked if score == ranked[0][1]]
        countries = [name for name in tied if _is_country(name)]
        return countries[0] if len(countries) == 1 and len(tied) == 2 else None
    return ranked[0][0]


def _is_country(name: str) -> bool:
    entry = gazetteer.lookup(name)
    return entry is not None and entry.kind == "country"


def _mention_scores(draft: Draft, guests: set[str]) -> Counter[str]:
    """Mentions of each party, weighted by where they stand.

    The title and the opening sentences say who met; a sentence that names a guest's side
    beside another ("the UK and Germany have condemned ...") names the host too; a country
    mentioned only as a topic further down ("the situation in Niger") counts little.
    """
    scores: Counter[str] = Counter()
    for _, _, entry in gazetteer.find_mentions(draft.title):
        scores[entry.canonical] = MENTION
    beside_guest: Counter[str] = Counter()
    elsewhere: Counter[str] = Counter()
    # A transcript's principal speaking in the first person of a country ("India is holding
    # the Presidency ... our presidency") speaks for it.
    spoken: Counter[str] = Counter()
    for index, sentence in enumerate(draft.sentences):
        found = gazetteer.find_mentions(sentence.text)
        named = {entry.canonical for _, _, entry in found}
        speaker = draft.structure.speaker_of(sentence.index)
        if speaker is not None and speaker.role == PRINCIPAL and \
                FIRST_PERSON.search(sentence.text):
            for _, _, entry in found:
                if entry.kind == "country" and entry.canonical not in guests:
                    spoken[entry.canonical] += MENTION / 2
        if index < 3:
            # A seat of government or agency standing for its party ("welcomed ... at the
            # White House") says more than its name.
            for s, e, entry in found:
                if sentence.text[s:e] in entry.metonyms:
                    scores[entry.canonical] += MENTION / 2
        if FIRST_PERSON.search(sentence.text) and not named & guests:
            # "the U.S. interest in deepening the partnership between our countries": a
            # country written as the owner of an interest or a side, where the release
            # speaks in the first person, is the release's own.
            for _, e, entry in found:
                if entry.kind == "country" and OWNED.match(sentence.text, e):
                    scores[entry.canonical] += MENTION
        for name in named:
            if named & guests and name not in guests:
                beside_guest[name] += MENTION
            elif index < 3:
                scores[name] += MENTION / 2
            else:
                elsewhere[name] += MENTION / 4
    for name, score in spoken.items():
        scores[name] += min(score, MENTION_CAP)
    for name, score in beside_guest.items():
        scores[name] += min(score, MENTION_CAP)
    for name, score in elsewhere.items():
        scores[name] += min(score, MENTION)
    return scores


def _institutions(header: str) -> list[str]:
    """Parties named by an issuing institution in the header ("Ministry of ... of Japan"),
    or standing alone on a header line ("North Atlantic Treaty Organization")."""
    found = []
    for line in header.splitlines():
        alone = gazetteer.lookup(line.strip(" .:"))
        if alone is not None and len(line.split()) <= 6:
            found.append(alone.canonical)
        for pattern in (INSTITUTION_OF, INSTITUTION_AFTER):
            for m in pattern.finditer(line):
                entry = _party_in(m.group("name"))
                if entry and _is_institution_line(line, m):
                    found.append(entry)
    return list(dict.fromkeys(found))


def _is_institution_line(line: str, m: re.Match[str]) -> bool:
    """An institution standing alone on a header line, as the issuer of the release.

    "Ministry of Foreign Affairs of the United Arab Emirates" above the text names the issuer;
    "the Government of Cuba" inside a sentence or a headline names a side of the meeting.
    """
    return len(line.split()) <= 12 and re.match(r"\s*(?:The\s+|the\s+)?$", line[:m.start()]) \
        is not None and not line.rstrip().endswith(".")


def _party_in(text: str) -> str | None:
    found = gazetteer.find_mentions(text)
    return found[0][2].canonical if found else None


def _compound_first(title: str) -> str | None:
    """The first party of a compound in the title: "ROK-Japan Foreign Ministers' Meeting"."""
    for m in re.finditer(r"([A-Z][\w.’']*(?:\s+[A-Z][\w.’']*){0,2})\s*[-–]\s*"
                         r"([A-Z][\w.’']*(?:\s+[A-Z][\w.’']*){0,3})", title):
        first, second = _party_in(m.group(1)), _party_in(m.group(2))
        if first and second and first != second:
            return first
    return None


def _qualified_guests(draft: Draft) -> set[str]:
    """Parties that qualify an office in the title or the opening sentences, when another
    office there stands without one ("Foreign Minister Wang Yi held talks with Foreign
    Minister Fumio Kishida of Japan": Japan is the guest's side).
    """
    for text in [draft.title, *(s.text for s in draft.sentences[:3])]:
        parties = office_qualifiers(text)
        qualified = {p for p in parties if p is not None}
        if qualified and None in parties:
            return qualified  # the first text naming both a plain and a qualified office
    return set()


def office_qualifiers(text: str) -> list[str | None]:
    """For each office named in ``text``, the party that qualifies it, or None for none.

    A party qualifies an office written right before it ("German Chancellor", "Japan's
    Foreign Minister", "UN Deputy Secretary-General") or with "of" after it or after the
    holder's name, before the clause goes on ("Minister of Foreign Affairs of Malaysia",
    "Foreign Minister Fumio Kishida of Japan").
    """
    mentions = gazetteer.find_mentions(text)
    out: list[str | None] = []
    for m in OFFICE_WORD.finditer(text):
        word = m.group(0).lower()
        if word.split("-")[0] not in OFFICE_WORDS and word not in EXTRA_OFFICES:
            continue
        if any(s <= m.start() < e for s, e, _ in mentions):
            continue  # inside a party's own name ("Secretary of State" is no office here)
        out.append(_before(text, m.start(), mentions) or _after(text, m.end(), mentions))
    return out


def _before(text: str, start: int, mentions: list[tuple[int, int, gazetteer.Entry]]
            ) -> str | None:
    for _, e, entry in reversed(mentions):
        if e > start:
            continue
        between = text[e:start].replace("’s", " ’s").replace("'s", " 's").split()
        if all(w.lower() in FILLER_WORDS for w in between) and len(between) <= 4:
            return entry.canonical
        return None
    return None


def _after(text: str, end: int, mentions: list[tuple[int, int, gazetteer.Entry]]
           ) -> str | None:
    """The party of "of <party>" in the office's own words or after its holder's name.

    The stretch read goes on while its words are title words or capitalised (a name), so
    that "Minister of Foreign Affairs Marko Djuric led the U.S.-Serbia Dialogue" is not read
    as a U.S. minister; "and" ends it ("Minister Kang and Minister Motegi of Japan").
    """
    stop = end
    for m in STRETCH_WORD.finditer(text, end):
        if m.start() != stop:
            break
        word = m.group(1)
        if word.lower() == "and" or not (word[:1].isupper() or word.lower() in TITLE_WORDS):
            break
        stop = m.end()
    for m in re.finditer(r"\bof\s+(?:the\s+)?", text[:stop]):
        if m.start() < end:
            continue
        for s, _, entry in mentions:
            if s == m.end():
                return entry.canonical
    return None


def _host_and_guests(draft: Draft) -> tuple[str | None, set[str]]:
    """The host's side and the guests' in "X received Y" or "a courtesy call on X by Y".

    Read in the title, then the first sentences; the side is the party that qualifies an
    office on each side of the verb ("AUC Chairperson received UN Deputy Secretary-General").
    """
    for text in [draft.title, *(s.text for s in draft.sentences[:2])]:
        m = HOST_FIRST.search(text)
        if m:
            host_text, guest_text = text[:m.start()], text[m.end():]
        else:
            m = GUEST_FIRST.search(text)
            if m is None:
                continue
            rest = text[m.end():]
            by = re.search(r"\bby\b", rest)
            host_text = rest[:by.start()] if by else rest
            guest_text = rest[by.end():] if by else text[:m.start()]
        host_offices = office_qualifiers(host_text)
        host = next((p for p in host_offices if p), None) or \
            (None if host_offices else _party_in(host_text))
        guests = {p for p in office_qualifiers(guest_text) if p}
        if host or guests:
            return host, guests - {host}
    return None, set()
