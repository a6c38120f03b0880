"""Find stated positions: sentences where a party affirms, urges, agrees... and which party."""

from __future__ import annotations

import re

from briefgen.extract.draft import Draft
from briefgen.extract.people import names_match
from briefgen.extract.positions.subjects import part_parties, person_subject_party, resolve_subject
from briefgen.extract.positions.verbs import is_heading, object_tokens, stance_verbs
from briefgen.extract.syntax import children, span_text, subject_of, subtree
from briefgen.model import JOINT, Position, Ref, Sentence
from briefgen.vocabulary.genres import CEREMONIAL_OPENINGS
from briefgen.vocabulary.stances import (
    FIRST_PERSON,
    HELD_STANCES,
    NORMATIVE,
    PRAISED,
    SHARED_WORDS,
)
from briefgen.vocabulary.verbs import MEETING_VERBS, PURPOSE_TOPICS, TOPIC_VERBS

#: Courtesies inside a sentence: "..., I thank you for being with us today", "welcome to".
COURTESY = re.compile(r"\bthank (?:you|everyone|all of you) (?:all )?for (?:being|coming|joining|"
                      r"having|hosting|welcoming|the (?:warm|kind|generous))|\b(?:honou?r|"
                      r"pleasure|privilege|delighted|pleased) to (?:host|welcome|be here|have)|"
                      r"\bwelcome (?:you )?to\b", re.I)
#: A speaker label left at a sentence's start ("MINISTER X: Thank you").
_LABEL_PREFIX = re.compile(r"^[^:]{1,80}:\s+")
#: Words of a speaker talking for their side.
SPEAKER_WORDS = FIRST_PERSON | {"i", "my", "me"}
#: Subjects of a speaker's sentence about the agenda, not a view ("my first announcement").
AGENDA_NOUNS = frozenset({"announcement", "announcements", "question", "questions", "topic",
                          "topics", "point", "points", "subject", "remarks", "item", "items"})


def extract_positions(draft: Draft) -> None:
    """Find stance sentences and attribute each to a party or to "joint"."""
    last_person_party: str | None = None
    structure = draft.structure
    for sentence in draft.sentences:
        found: list[tuple[str, str, int]] = []  # (party, verb, verb index)
        if is_heading(sentence) or sentence.index in structure.furniture:
            continue
        voice = voice_parties(draft, sentence)
        verbs = stance_verbs(sentence)
        for v in verbs:
            if sentence.tokens[v].tag == "MD" and _reported_by(sentence, v, verbs):
                continue  # "agreed that X will visit": the agreement is the stance
            if _is_meeting_purpose(sentence, v):
                if sentence.tokens[v].text.lower() in PURPOSE_TOPICS:
                    continue  # "met with Y to discuss ..." names a topic, not a stance
                parties = [JOINT]  # "X met with Y to reaffirm ...": both sides' purpose
            else:
                parties = resolve_subject(draft, sentence, subject_of(sentence, v),
                                          last_person_party, voice)
            holder = _stance_holder(draft, sentence, v)
            if holder and parties:
                word = sentence.tokens[v].text.lower()
                if word in TOPIC_VERBS and parties == [JOINT]:
                    parties = [holder]  # "They discussed U.S. support for ...": a U.S. stance
                elif word not in TOPIC_VERBS and holder not in parties:
                    parties = [*parties, holder]  # "welcomed Japan's decision to ..."
            for party in parties:
                if all(p != party for p, _, _ in found):
                    found.append((party, sentence.tokens[v].text, v))
        if not found and draft.is_joint_statement and _is_policy_statement(sentence):
            found.append((JOINT, "", -1))
        speaker = structure.speaker_of(sentence.index)
        if speaker is not None:  # a principal's own words in a transcript
            if is_ceremonial(sentence):
                continue
            if not found and voice and is_spoken_stance(sentence):
                found.append((voice[0], "", -1))
            if voice:  # what a principal says is their side's, unless "we agreed" (joint)
                found = list({(p if p == JOINT else voice[0], verb, v): None
                              for p, verb, v in found})
        if sentence.index in structure.decisions and all(p != JOINT for p, _, _ in found):
            found = [(JOINT, "", -1)]  # minutes: the body decided ("It was RESOLVED that")
        text, ref = _without_label(draft, sentence)
        for party, verb, v in found:
            statement = _statement(sentence, v) if v >= 0 else text
            draft.positions.append(Position(party=party, verb=verb, statement=statement,
                                            sentence=text, source=ref))
        subj_party = person_subject_party(draft, sentence)
        if subj_party is not None:
            last_person_party = subj_party


def is_ceremonial(sentence: Sentence) -> bool:
    """Courtesy, not a stance: "Thank you.", "Welcome to Berlin", "It is my honour to ..."."""
    text = _LABEL_PREFIX.sub("", sentence.text).strip().lower().lstrip("“\"")
    return text.startswith(CEREMONIAL_OPENINGS) or len(text.split()) < 5 or \
        bool(COURTESY.search(text))


def is_spoken_stance(sentence: Sentence) -> bool:
    """What a speaker says as a view: in the first person, with a modal, or normative ("we
    share the same values", "the US must ...", "it is more important than ever that ..."),
    and not a question."""
    if sentence.text.rstrip(" ”\"").endswith("?"):
        return False
    if any(t.tag == "MD" for t in sentence.tokens) or NORMATIVE.search(sentence.text):
        return True
    words = {t.text.lower() for t in sentence.tokens}
    roots = [t for t in sentence.tokens if t.dep == "ROOT"]
    if not words & SPEAKER_WORDS or not roots:
        return False
    # "We share the same values" states a view; "I discussed three issues in India" and "My
    # first announcement is about my visits" tell what the speaker did or will talk about.
    root = roots[0]
    subjects = [sentence.tokens[i].text.lower()
                for i in children(sentence, sentence.tokens.index(root))
                if sentence.tokens[i].dep in ("nsubj", "nsubjpass")]
    return root.tag != "VBD" and not set(subjects) & AGENDA_NOUNS


def _without_label(draft: Draft, sentence: Sentence) -> tuple[str, Ref]:
    """A sentence's text and reference without the speaker label that opens its turn."""
    ref = Ref.of(sentence, draft.document)
    end = draft.structure.label_end(sentence)
    if end is None:
        return sentence.text, ref
    return draft.structure.spoken(sentence), Ref(ref.document, ref.paragraph, ref.sentence,
                                                 end, ref.end)


def voice_parties(draft: Draft, sentence: Sentence) -> list[str]:
    """The parties a genre's layout says speak a sentence: a transcript principal's turn, a
    meeting record's delegate and those the delegate speaks for."""
    structure = draft.structure
    speaker = structure.speaker_of(sentence.index)
    if speaker is not None and speaker.name:
        return [a.party for a in draft.attendees
                if a.party and names_match(a.name, speaker.name)][:1]
    voice = structure.voice_of(sentence.index)
    if voice is None:
        return []
    out: list[str] = []
    for phrase in voice.phrases:
        for party in part_parties(draft, phrase):
            if party not in out:
                out.append(party)
    return out


def _reported_by(sentence: Sentence, v: int, verbs: list[int]) -> bool:
    """Tell whether ``v`` sits in the complement of another stance verb of the sentence."""
    node = sentence.tokens[v].head
    for _ in range(6):
        if node in verbs and node != v:
            return True
        tok = sentence.tokens[node]
        if tok.head == node:
            return False
        node = tok.head
    return False


def _is_meeting_purpose(sentence: Sentence, v: int) -> bool:
    """Tell whether verb ``v`` is the purpose of a meeting with someone ("met with Y to ...")."""
    tok = sentence.tokens[v]
    while tok.dep == "conj" and tok.head != v:  # "to highlight ... and to advance ..."
        v = tok.head
        tok = sentence.tokens[v]
    if tok.dep not in ("advcl", "xcomp") or tok.head == v:
        return False
    head = sentence.tokens[tok.head]
    return head.text.lower() in MEETING_VERBS and any(
        sentence.tokens[c].text.lower() == "with" for c in children(sentence, tok.head))


def _stance_holder(draft: Draft, sentence: Sentence, v: int) -> str | None:
    """The party whose commitment, decision or support the verb's object names, if one.

    "welcomed the Prime Minister's decision to ...", "discussed U.S. support for ...": the
    decision or support is a stance of its holder.
    """
    tokens = sentence.tokens
    # Praise of someone's efforts or support is the praiser's stance only ("recognized X's
    # efforts"); discussing them reports the holder's ("discussed U.S. support for ...").
    held = HELD_STANCES if tokens[v].text.lower() in TOPIC_VERBS else HELD_STANCES - PRAISED
    for j in object_tokens(sentence, v):
        word = tokens[j].text.lower()
        if word not in held or tokens[j].tag[:2] != "NN":
            if NORMATIVE.fullmatch(word):
                return None  # "the importance of ... and X's commitment": not X's stance
            continue
        mods = [c for c in children(sentence, j)
                if tokens[c].dep in ("poss", "compound", "amod", "nmod") and c < j]
        mod_words = {tokens[i].text.lower() for c in mods for i in subtree(sentence, c)}
        if not mods or mod_words & SHARED_WORDS:
            return None  # "our shared interests", "their commitment": the speakers' own
        holder = span_text(sentence, sorted({i for c in mods for i in subtree(sentence, c)}))
        parties = part_parties(draft, re.sub(r"[’']s?$", "", holder).strip())
        return parties[0] if len(parties) == 1 else None
    return None


def _is_policy_statement(sentence: Sentence) -> bool:
    return bool(re.search(r"\b(?:must|should|cannot|can be no|will|remain|is essential|"
                          r"are essential|is critical|is required|are required|is needed|"
                          r"works to|work to|is vital|are vital)\b", sentence.text))


def _statement(sentence: Sentence, v: int) -> str:
    """The stance in the source's words: from the reporting verb to the end of the sentence."""
    if v < 0:
        return sentence.text
    start = sentence.tokens[v].start - sentence.start
    return sentence.text[start:].rstrip()
