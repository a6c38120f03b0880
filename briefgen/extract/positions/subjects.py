"""Resolve the subject of a stance verb to the party, parties or "joint" that hold the stance."""

from __future__ import annotations

import re

from briefgen.extract.draft import Draft
from briefgen.extract.people import surname_of
from briefgen.extract.syntax import span_text, subject_of, subtree
from briefgen.model import JOINT, Sentence
from briefgen.vocabulary.genres import DELEGATE_NOUNS
from briefgen.vocabulary.people import OFFICE_WORDS
from briefgen.vocabulary.stances import FIRST_PERSON, JOINT_SUBJECT, THIRD_SINGULAR
from briefgen.vocabulary.verbs import EVENT_NOUNS, forms

#: Verbs whose "we" in a speaker's turn is both sides ("we agreed", "we confirmed that ...").
JOINT_VERBS = forms("agree", "confirm", "decide", "sign", "conclude", "reaffirm")


def resolve_subject(draft: Draft, sentence: Sentence, subj: int | None,
                    last_person_party: str | None, voice: list[str] | None = None) -> list[str]:
    """Return the parties whose stance a verb's subject reports: one party, ["joint"], or
    several parties when a subset of the sides speaks together or "each" ("The Foreign
    Ministers welcomed ..." in a three-party meeting). Empty when the subject is no party.

    ``voice`` is who the layout says speaks the sentence (a transcript's speaker, a record's
    delegates): "I" and "we" are theirs, and so is a "he"/"she" or delegate subject.
    """
    if subj is None:
        return list(voice or [])
    head_word = sentence.tokens[subj].text.lower()
    if voice and head_word in FIRST_PERSON | {"i"}:
        verb = sentence.tokens[sentence.tokens[subj].head].text.lower()
        if head_word == "we" and verb in JOINT_VERBS:
            return [JOINT]  # "we agreed", "we confirmed": both sides together
        return list(voice)
    if head_word in FIRST_PERSON:
        return [JOINT if draft.is_joint_statement else draft.home_party or JOINT]
    if head_word in THIRD_SINGULAR:
        if voice:
            return list(voice)
        return [last_person_party] if last_person_party else []
    if voice and head_word in DELEGATE_NOUNS:
        return list(voice)
    if head_word == "it" and draft.is_joint_statement:
        return [JOINT]  # "It emphasized ...": the council or meeting the statement speaks for
    if head_word in ("it", "this", "that", "which", "who"):
        return []
    phrase = _core_phrase(sentence, subj)
    if JOINT_SUBJECT.search(phrase.strip()):
        return [JOINT]
    named: list[str] = []
    parts = [p.strip() for p in re.split(r",\s*(?:and\s+)?|\s+and\s+", phrase) if p.strip()]
    for part in parts:
        if JOINT_SUBJECT.search(re.sub(r"^(?:his|her|their)\s+", "the ", part, flags=re.I)):
            return [JOINT]  # "The Secretary and his counterparts"
        for party in part_parties(draft, part):
            if party not in named:
                named.append(party)
    if len(named) == 1:
        return named
    if len(named) >= 2:
        # "The Foreign Ministers welcomed" (some of the sides) and "X and Y each underlined"
        # give each party its stance; "X and Y agreed" is a joint stance.
        if re.search(r"\b(?:each|respectively|separately)\b", phrase + " " +
                     " ".join(t.text for t in sentence.tokens[subj:subj + 12])) or \
                not set(_sides(draft)) <= set(named):
            return named
        return [JOINT]
    if head_word in EVENT_NOUNS:
        return [JOINT]
    return []


def _core_phrase(sentence: Sentence, subj: int) -> str:
    """The subject phrase without its relative clauses: from the subject's first word to its
    verb (the parser often hangs the last of a list, "..., and Akiba expressed", elsewhere)."""
    drop: set[int] = set()
    for i in subtree(sentence, subj):
        if i != subj and sentence.tokens[i].dep in ("relcl", "acl"):
            drop.update(subtree(sentence, i))
    ids = [i for i in subtree(sentence, subj) if i not in drop]
    verb = sentence.tokens[subj].head
    if ids and verb > max(ids):
        ids = [i for i in range(min(ids), verb) if i not in drop]
        while ids and (sentence.tokens[ids[-1]].tag in ("RB", "MD", ",")
                       or sentence.tokens[ids[-1]].dep in ("aux", "auxpass", "neg")):
            ids.pop()
    return span_text(sentence, ids) if ids else sentence.tokens[subj].text


def part_parties(draft: Draft, part: str) -> list[str]:
    """Parties one coordinated part of a subject names: a person, a title or a party."""
    if not part:
        return []
    people = people_parties(draft, part)
    if people:
        return people
    index = draft.party_index
    party = index.resolve(part) if index is not None else None
    if party:
        return [party]
    if is_title_phrase(part):
        words = re.sub(r"^the\s+", "", part, flags=re.I)
        if words.lower().endswith("s") and not words.lower().endswith(("affairs", "relations")):
            office = words.split()[-1][:-1].lower()  # "Foreign Ministers" -> "minister"
            return list(dict.fromkeys(a.party for a in draft.attendees
                                      if a.party and a.title and office in a.title.lower()))
        found = party_by_title(draft, part) or draft.home_party
        return [found] if found else []
    return []


def _sides(draft: Draft) -> list[str]:
    """The parties that sent someone (or all parties when fewer than two did)."""
    sending = list(dict.fromkeys(a.party for a in draft.attendees if a.party))
    return sending if len(sending) >= 2 else [p.name for p in draft.parties]


def _is_coordinated_titles(phrase: str) -> bool:
    phrase = re.sub(r"^the\s+", "", phrase.strip(), flags=re.I)
    parts = re.split(r",\s*(?:and\s+)?|\s+and\s+", phrase)
    return len(parts) >= 2 and all(is_title_phrase(p) for p in parts if p)


def is_title_phrase(phrase: str) -> bool:
    """A phrase naming an office ("the Secretary-General", "Both Ministers")."""
    words = [part for w in phrase.lower().split() for part in (w, *w.split("-"))]
    return any(w in OFFICE_WORDS or w[:-1] in OFFICE_WORDS for w in words)


def party_by_title(draft: Draft, phrase: str) -> str | None:
    """The party of the attendee a title names ("The Deputy Secretary", "the Crown Prince")."""
    words = re.sub(r"^the\s+", "", phrase.strip(), flags=re.I).lower()
    for a in draft.attendees:
        if a.title and a.title.lower() == words:
            return a.party
    for a in draft.attendees:
        if a.title and a.title.lower().startswith(words):
            return a.party
    wanted = set(re.findall(r"[a-z]+", words)) - {"and", "the", "of", "mr", "ms"}
    holders = {a.party for a in draft.attendees
               if a.title and wanted and wanted <= set(re.findall(r"[a-z]+", a.title.lower()))}
    return holders.pop() if len(holders) == 1 else None


def people_parties(draft: Draft, phrase: str) -> list[str]:
    """Parties of attendees named in ``phrase`` (by a family name), in attendee order."""
    if draft.name_pattern is None:
        draft.name_pattern = _name_pattern(draft)
    pattern, party_of = draft.name_pattern
    if pattern is None:
        return []
    found = {party_of[m.group(0)] for m in pattern.finditer(phrase)}
    return [p for p in dict.fromkeys(a.party for a in draft.attendees if a.party)
            if any(p in parties for parties in found)]


def _name_pattern(draft: Draft) -> tuple[re.Pattern[str] | None, dict[str, frozenset[str]]]:
    """One pattern for every family name of the attendees, and the parties each name holds."""
    party_of: dict[str, set[str]] = {}
    for a in draft.attendees:
        if not a.party:
            continue
        words = [w.strip(",") for w in a.name.split()]
        # Any family name: later words ("Arévalo" of "Bernardo Arévalo de León"), or the first
        # of two in East Asian order ("Shin Wonsik" is "Advisor Shin").
        keys = {surname_of(a.name)} | {w for w in words[1:] if len(w) > 2 and w[0].isupper()
                                       and not w.endswith(".") and w not in ("II", "III")}
        if len(words) == 2:
            keys.add(words[0])
        for key in keys:
            party_of.setdefault(key, set()).add(a.party)
    if not party_of:
        return None, {}
    names = sorted(party_of, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, names)) + r")(?![\w-])")
    return pattern, {k: frozenset(v) for k, v in party_of.items()}


def person_subject_party(draft: Draft, sentence: Sentence) -> str | None:
    """The party of the person who is the main subject of ``sentence`` (for "he"/"she")."""
    root = next((i for i, t in enumerate(sentence.tokens) if t.dep == "ROOT"), None)
    if root is None:
        return None
    subj = subject_of(sentence, root)
    if subj is None:
        return None
    phrase = span_text(sentence, subtree(sentence, subj))
    people = people_parties(draft, phrase)
    if len(people) == 1:
        return people[0]
    if is_title_phrase(phrase) and not re.search(r"s\b", phrase.split()[-1]):
        # An office no attendee holds is the issuer's, as for a stance ("The Secretary-General
        # commended ...; he stressed ...").
        return party_by_title(draft, phrase) or draft.home_party
    return None
