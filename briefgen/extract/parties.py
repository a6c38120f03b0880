"""Decide which governments and organisations take part, their aliases, and whose side is whose."""

from __future__ import annotations

import re

from briefgen.extract import gazetteer
from briefgen.extract.draft import Draft
from briefgen.extract.people import surname_of
from briefgen.model import Attendee, Party
from briefgen.vocabulary.people import OFFICE_WORDS

# "<X> side / delegation / government ..." and "... of <X>" name a side of the meeting.
SIDE_NOUNS = r"(?:side|delegation|delegations|government|Government|officials|representatives|" \
             r"team|leaders|Leaders|interagency delegation|authorities|counterparts|ministers)"
SIDE_AFTER = re.compile(rf"\b((?:the\s+)?(?:[A-Z][\w’'.-]*\s+)*?)({SIDE_NOUNS})\b")
SIDE_OF = re.compile(r"\b(?:Government|government|representatives|delegation|Delegation|"
                     r"officials|leaders|Leaders|ministers|Ministers)\s+of\s+((?:the\s+)?"
                     r"[A-Z][^;:.]*)")
FOREIGN_OFFICES = re.compile(r"\b(?:Minister|King|Queen|Crown Prince|Emir|Sultan|Chancellor|"
                             r"Premier|Prime|Ministry)\b")
# What puts a person on the other side of the table: "met with X", "welcomed X", "hosted X".
COMPANION_CUE = re.compile(r"\b(?:with|welcomed|hosted|received|greeted|visited)\b")
REPRESENTED_BY = re.compile(r"\b(?:represented|led|headed|accompanied|joined)\s+by\b|"
                            r"\bdelegation\s+(?:included|includes|comprised|consisted of)\b")
US_CUES = re.compile(r"\b(?:U\.S\.|US|USA|United States|American|White House|State Department|"
                     r"National Security Advisor|Homeland Security Advisor|Under Secretary|"
                     r"Assistant Secretary|Deputy Secretary|Department of State|Vice President|"
                     r"Chairman of the Joint Chiefs|NSC|National Security Council)\b|"
                     r"Secretary of State|\b[Tt]he President\b")


class PartyIndex:
    """Resolves a phrase ("the U.S. side", "Cuban", "LNA") to the name of a party."""

    def __init__(self) -> None:
        self._aliases: dict[str, dict[str, None]] = {}  # party name -> its aliases, in order
        self.keys: dict[str, str] = {}  # normalised alias -> party name
        self._pattern: re.Pattern[str] | None = None  # every key, longest first

    @property
    def parties(self) -> list[Party]:
        return [Party(name, tuple(aliases)) for name, aliases in self._aliases.items()]

    def add(self, name: str, alias: str | None = None) -> str:
        """Register ``alias`` (or the name itself) for party ``name``; return the party name."""
        name = self.keys.get(gazetteer.normalize_key(name), name)
        aliases = self._aliases.setdefault(name, {})
        for text in (name, alias):
            if not text:
                continue
            key = gazetteer.normalize_key(text)
            if key not in self.keys:
                self.keys[key] = name
                self._pattern = None
            aliases.setdefault(text, None)
        return name

    def rename(self, names: dict[str, str]) -> None:
        """Rename parties (old name -> new name) everywhere in the index."""
        self.keys = {k: names.get(v, v) for k, v in self.keys.items()}
        self._aliases = {names.get(n, n): a for n, a in self._aliases.items()}

    def resolve(self, phrase: str) -> str | None:
        """Return the party a phrase names, by the longest alias or gazetteer mention in it."""
        key = gazetteer.normalize_key(phrase)
        if key in self.keys:
            return self.keys[key]
        for _, _, entry in gazetteer.find_mentions(phrase):
            name = self.keys.get(gazetteer.normalize_key(entry.canonical))
            if name:
                return name
        if self._pattern is None:
            keys = sorted((k for k in self.keys if len(k) > 1), key=len, reverse=True)
            self._pattern = re.compile(
                r"(?<!\w)(" + "|".join(map(re.escape, keys)) + r")(?!\w)") if keys else None
        if self._pattern is not None:
            m = self._pattern.search(key)
            if m:
                return self.keys[m.group(1)]
        return None


def canonical(text: str) -> tuple[str, str]:
    """Return (party name, alias) for a mention: the gazetteer name, else the text itself."""
    text = re.sub(r"^(?:the)\s+", "", text.strip(" ,;:"), flags=re.I)
    text = re.sub(r"(?<=[a-z])\.$", "", text)  # a sentence's full stop, not that of "U.S."
    text = re.sub(r"[’']s?$", "", text)
    entry = gazetteer.lookup(text)
    return (entry.canonical if entry else text), text


def extract_parties(draft: Draft) -> None:
    """Build the party list from sides, delegations and attendees' affiliations."""
    index = PartyIndex()
    body = draft.analysis.body
    draft.home_party = draft.structure.body or find_home_party(draft)
    candidates: list[str] = []
    for aff in draft.affiliations:
        if aff:
            candidates.append(aff)
    for mention in side_mentions(draft):
        candidates.append(mention)
    for voice in draft.structure.voices:  # the delegations of a meeting record
        candidates.extend(voice.phrases)
    for part in title_compound_parts(draft.title):
        candidates.append(part)
    # Countries the headline names ("Call with President-Elect Arévalo of Guatemala", "Visit
    # to Panama and Colombia"); those that turn out to have no one and say nothing are pruned.
    title = draft.title
    candidates.extend(title[s:e] for s, e, _ in gazetteer.find_mentions(title))
    if draft.home_party:
        # The issuer takes part even when everyone is written with a side ("The
        # Secretary-General met H.E. Mr. X, Deputy President of South Africa"); a party that
        # sent no one and said nothing is pruned later.
        candidates.insert(0, draft.home_party)
    # Known countries and organisations first, then other names shortest first, so that
    # "LNA Command Apparatus" resolves to the "LNA" already known.
    candidates.sort(key=lambda t: (gazetteer.lookup(canonical(t)[1]) is None, len(t)))
    for text in candidates:
        name, alias = canonical(text)
        if not is_party_like(alias):
            continue
        if gazetteer.lookup(alias) is None or _contains_known(index, alias):
            # "LNA Command Apparatus" -> LNA; "Council of the European Union" -> EU.
            name = index.resolve(alias) or name
        index.add(name, alias)
    # Every surface form the text uses for a party becomes an alias ("U.S. side", "Cuban").
    for s, e, entry in gazetteer.find_mentions(body):
        key = gazetteer.normalize_key(entry.canonical)
        if key in index.keys:
            index.add(index.keys[key], body[s:e])
    # One pass over the text for all parties (one per party grew with the number of parties
    # on long texts); the longest alias wins, so "North Korean side" is not also "Korean side".
    party_of = {alias: party.name for party in index.parties for alias in party.aliases}
    if party_of:
        names = "|".join(map(re.escape, sorted(party_of, key=len, reverse=True)))
        for m in re.finditer(rf"(?:the\s+)?({names})\s+{SIDE_NOUNS}\b", body):
            index.add(party_of[m.group(1)], re.sub(r"^the\s+", "", m.group(0)))
        for m in re.finditer(rf"\bGovernment of (?:the\s+)?({names})\b", body):
            index.add(party_of[m.group(1)], m.group(0))
    draft.party_index = index
    assign_attendee_parties(draft, index)
    draft.parties = [Party(display_name(p, body), p.aliases) for p in index.parties]
    renamed = {p.name: d.name for p, d in zip(index.parties, draft.parties)}
    index.rename(renamed)
    draft.home_party = renamed.get(draft.home_party or "", draft.home_party)
    draft.attendees = [Attendee(a.name, a.rank, a.title, renamed.get(a.party or "", a.party),
                                a.source) for a in draft.attendees]
    home = draft.home_party
    draft.absent = [Attendee(a.name, a.rank, a.title, home, a.source) for a in draft.absent]


def _contains_known(index: PartyIndex, alias: str) -> bool:
    """Tell whether an organisation's name holds a party already known ("... of the EU")."""
    key = gazetteer.normalize_key(alias)
    return any(k != key and len(k) > 3 and re.search(rf"(?<!\w){re.escape(k)}$", key)
               for k in index.keys)


def display_name(party: Party, body: str) -> str:
    """Name a party as the text does ("Republic of Korea", not the gazetteer's "South Korea")."""
    if party.name in body or gazetteer.lookup(party.name) is None:
        return party.name
    entry = gazetteer.lookup(party.name)
    key = gazetteer.normalize_key(party.name)
    same = [a for a in party.aliases if a in body and gazetteer.normalize_key(a) == key]
    if same:
        return same[0]  # the text's own spelling ("Turkiye" for "Türkiye")
    names = [a for a in party.aliases if entry is not None and a not in entry.demonyms
             and a in entry.aliases and a in body and not a.isupper() and "." not in a]
    return max(names, key=len) if names else party.name


def prune_parties(draft: Draft) -> None:
    """Drop parties that neither sent anyone, stated anything nor appear in the meeting sentence."""
    used = {a.party for a in draft.attendees} | {p.party for p in draft.positions}
    meeting = draft.sentences[draft.meeting_sentence].text if draft.meeting_sentence is not None \
        else draft.title
    index = draft.party_index
    kept = []
    for party in draft.parties:
        in_meeting = index is not None and any(
            index.resolve(alias) == party.name and alias in meeting for alias in party.aliases)
        in_title = any(index is not None and index.resolve(part) == party.name
                       for part in title_compound_parts(draft.title))
        if party.name in used or in_meeting or in_title:
            kept.append(party)
    draft.parties = kept


def find_home_party(draft: Draft) -> str | None:
    """Return the issuing side, read from the document's own evidence (``extract.issuer``)."""
    from briefgen.extract.issuer import find_issuer

    return find_issuer(draft)


def side_mentions(draft: Draft) -> list[str]:
    """Mentions written as a side: "the LNA delegation", "Government of Suriname", "Leaders of"."""
    out = []
    for idx in sorted(draft.participation) or [0]:
        text = draft.sentences[idx].text
        for m in SIDE_OF.finditer(text):
            out.extend(_list_parties(m.group(1)))
    for sentence in draft.sentences:
        text = sentence.text
        for m in SIDE_AFTER.finditer(text):
            phrase = m.group(1).strip()
            found = gazetteer.find_mentions(phrase)
            if found:
                s, e, _ = found[-1]
                if phrase[e:].strip() == "" or phrase[e:].strip().lower() in ("interagency",):
                    out.append(phrase[s:e])
            elif phrase and _is_org_acronym(phrase.split()[-1]):
                out.append(phrase.split()[-1])
        for m in re.finditer(r"\b(?:The|the)\s+([A-Z][\w.’']+(?:\s+[A-Z][\w.’']+){0,3})\s+"
                             r"(?:was|were)\s+represented\s+by\b", text):
            out.append(m.group(1))
    return out


def _list_parties(text: str) -> list[str]:
    """Split "Canada, the European Commission, France, and the United States met" into parties."""
    text = re.split(r"\s+(?:met|meet|were|was|have|has|to|in|on|at|during|and\s+[a-z])\b", text)[0]
    parts = re.split(r",\s*(?:and\s+)?|\s+and\s+", text)
    out = []
    for part in parts:
        part = re.sub(r"^(?:the)\s+", "", part.strip())
        if part and (gazetteer.lookup(part) or _is_org_acronym(part)):
            out.append(part)
    return out


def _is_org_acronym(word: str) -> bool:
    return bool(re.fullmatch(r"[A-Z]{2,6}", word))


def title_compound_parts(title: str) -> list[str]:
    """Parties named in a title compound: "U.S.-LNA Discussion" -> U.S., LNA."""
    out = []
    for m in re.finditer(r"(?:[A-Z][\w.’']*(?:\s+of\s+[A-Z][\w’']*)*)(?:\s*[-–]\s*"
                         r"(?:[A-Z][\w.’']*(?:\s+of\s+[A-Z][\w’']*)*))+", title):
        parts = re.split(r"\s*[-–]\s*", m.group(0))
        known = [p for p in parts if gazetteer.lookup(p) or _is_org_acronym(p)]
        if len(known) == len(parts) and len(parts) >= 2:
            out.extend(parts)
    return out


def is_party_like(text: str) -> bool:
    """Reject fragments that cannot be a party (lowercase words, long phrases)."""
    return bool(text) and text[0].isupper() and len(text.split()) <= 8


def assign_attendee_parties(draft: Draft, index: PartyIndex) -> None:
    """Give each attendee a party: their affiliation, their side in the sentence, or home."""
    resolved: list[str | None] = []
    for attendee, aff in zip(draft.attendees, draft.affiliations):
        party = index.resolve(aff) if aff else None
        if party is None and attendee.title:
            party = _party_in_title(attendee.title, index)
        resolved.append(party)
    # "X was represented by A; B; and C": everyone listed after the cue shares X.
    for i, attendee in enumerate(draft.attendees):
        if resolved[i] is not None:
            continue
        sentence = draft.sentences[attendee.source.sentence].text
        cue = REPRESENTED_BY.search(sentence)
        if not cue or sentence.find(attendee.name) < cue.end():
            continue
        mates = {resolved[j] for j, other in enumerate(draft.attendees)
                 if other.source.sentence == attendee.source.sentence and resolved[j]
                 and sentence.find(other.name) > cue.end()}
        if len(mates) == 1:
            resolved[i] = mates.pop()
    # Companions in one "with ..." group share the one affiliation written for the group.
    for i, (attendee, party) in enumerate(zip(draft.attendees, resolved)):
        if party is not None:
            continue
        mates = [resolved[j] for j, other in enumerate(draft.attendees)
                 if j != i and other.source.sentence == attendee.source.sentence
                 and resolved[j] is not None and resolved[j] != draft.home_party]
        others = [p.name for p in index.parties if p.name != draft.home_party]
        sentence = draft.sentences[attendee.source.sentence].text
        here = [p for p in others if any(alias in sentence for alias in _aliases(index, p))]
        foreign = _foreign_office(draft, attendee)
        if draft.home_party and len(set(mates)) == 1 and _after_with(draft, attendee):
            resolved[i] = mates[0]
        elif draft.home_party and (_after_with(draft, attendee) or foreign) \
                and not _home_title(draft, attendee):
            # "While in Panama, X met with President Y": Y is on the other side, the one named
            # in the sentence, or the only other side there is.
            if len(here) == 1:
                resolved[i] = here[0]
            elif len(others) == 1:
                resolved[i] = others[0]
    draft.attendees = [
        Attendee(a.name, a.rank, a.title, party or draft.home_party, a.source)
        for a, party in zip(draft.attendees, resolved)]


def _party_in_title(title: str, index: PartyIndex) -> str | None:
    # "Special Representative for the DPRK" names a portfolio, not the holder's side; but in
    # "Director for the LNA General Commander" the LNA is the office's own organisation.
    def portfolio(m: re.Match[str]) -> str:
        return m.group(0) if _has_office_word(m.group(0)) else ""

    cleaned = re.sub(r"\b(?:for|to|on)\s+(?:the\s+)?[A-Z][\w.’']*(?:\s+[A-Z][\w.’']*)*",
                     portfolio, title)
    return index.resolve(cleaned) if cleaned.strip() else None


def _has_office_word(text: str) -> bool:
    return any(w.lower() in OFFICE_WORDS for w in text.split()[1:])


def _aliases(index: PartyIndex, name: str) -> tuple[str, ...]:
    return next((p.aliases for p in index.parties if p.name == name), ())


def _foreign_office(draft: Draft, attendee: Attendee) -> bool:
    """An office the United States government does not have (minister, king, chancellor)."""
    return draft.home_party == "United States" and bool(
        attendee.title and FOREIGN_OFFICES.search(attendee.title))


def _home_title(draft: Draft, attendee: Attendee) -> bool:
    """An office of the issuer's own government written in the attendee's title.

    Only U.S. offices are known by their style ("Under Secretary", "National Security
    Advisor"); for another issuer the title must name it ("Japanese Vice Minister").
    """
    title = attendee.title or ""
    if draft.home_party == "United States" and US_CUES.search(title):
        return True
    return any(entry.canonical == draft.home_party for _, _, entry in
               gazetteer.find_mentions(title))


def _after_with(draft: Draft, attendee: Attendee) -> bool:
    sentence = draft.sentences[attendee.source.sentence]
    text = sentence.text
    pos = text.find(surname_of(attendee.name))
    return pos > 0 and bool(COMPANION_CUE.search(text[:pos]))
