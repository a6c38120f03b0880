"""Find stated positions: sentences where a party says, affirms, urges... with the party resolved."""

from __future__ import annotations

import re

from briefgen.extract.draft import Draft
from briefgen.extract.people import OFFICE_WORDS
from briefgen.extract.syntax import children, span_text, subject_of, subtree
from briefgen.model import JOINT, Position, Ref, Sentence


def _forms(*bases: str) -> frozenset[str]:
    """Inflect regular verbs: affirm -> affirm, affirms, affirmed, affirming."""
    out = set()
    for base in bases:
        if "|" in base:  # irregular: explicit forms
            out.update(base.split("|"))
            continue
        stem = base[:-1] if base.endswith("e") else base
        double = base in DOUBLING
        past = base + ("d" if base.endswith("e") else (base[-1] + "ed" if double else "ed"))
        if base.endswith("y") and base[-2] not in "aeiou":
            past = base[:-1] + "ied"
        third = base + ("es" if base.endswith(("s", "sh", "ch", "x", "z")) else "s")
        if base.endswith("y") and base[-2] not in "aeiou":
            third = base[:-1] + "ies"
        out.update({base, third, past, (base + base[-1] if double else stem) + "ing"})
    return frozenset(out)


DOUBLING = frozenset({"commit", "regret", "plan", "admit", "submit", "underpin", "omit"})

#: Verbs that report a stance by themselves.
STANCE_VERBS = _forms(
    "affirm", "reaffirm", "stress", "underscore", "underline", "emphasize", "emphasise",
    "highlight", "reiterate", "welcome", "condemn", "urge", "encourage", "congratulate", "thank",
    "propose", "commit", "pledge", "intend", "plan", "decide", "agree", "announce", "brief",
    "note", "recognize", "recognise", "commend", "applaud", "praise", "acknowledge", "confirm",
    "resolve", "support", "endorse", "reject", "oppose", "deplore", "denounce", "demand",
    "insist", "warn", "caution", "assure", "state", "declare", "vow", "seek|sought|seeks|seeking",
    "hope", "appreciate", "regret", "celebrate", "outline", "detail", "recall", "offer",
    "share", "raise", "express", "call", "look", "pay", "convey", "extend", "voice", "signal",
    "say|said|says|saying", "stand|stood|stands|standing", "remain|remained|remains",
    "will|shall", "continue", "recommit", "request", "invite", "underpin", "advocate",
    "echo", "celebrate", "mourn", "honor", "honour", "salute", "deliver", "present",
)
#: Verbs that report a stance only with a normative object ("discussed the need to ...").
TOPIC_VERBS = _forms("discuss", "review", "exchange", "address", "talk", "consider", "explore",
                     "focus", "examine", "assess", "cover", "reflect", "advance", "build",
                     "identify")
NORMATIVE = re.compile(
    r"\b(?:importance|important|need|needs|necessity|urgen(?:t|cy)|imperative|commitment|"
    r"support|concern|concerns|opposition|priority|priorities|must|should|vital|critical|"
    r"essential|shared|mutual|interest|determination|resolve|readiness|continued|ironclad|"
    r"steadfast|ways to|efforts to|plans? to|opportunit(?:y|ies)|progress|cooperation)\b", re.I)
# Particle verbs whose particle or object makes them a stance ("called on", "look forward").
PARTICLES = {"call": ("on", "for", "upon"), "look": ("forward",), "pay": ("tribute",),
             "stand": ("with", "by", "ready", "firm", "united"), "express": (), "raise": (),
             "share": (), "remain": (), "continue": (), "will": (), "shall": (), "deliver": (),
             "present": (), "extend": (), "offer": (), "convey": (), "voice": ()}
# Verbs that need a stance noun as object to count ("expressed concern", "raised the importance").
NEEDS_STANCE_OBJECT = {"express", "raise", "share", "extend", "offer", "convey", "voice",
                       "deliver", "present", "remain", "continue"}

JOINT_SUBJECT = re.compile(
    r"^(?:the\s+|both\s+|all\s+)?(?:two|three|four|five|both|all|several)?\s*(?:sides|leaders|"
    r"delegations|parties|participants|officials|ministers|countries|governments|partners|"
    r"group|council|ministerial|dialogue|meeting|talks|discussions|convening|summit|"
    r"national security advisors|foreign ministers|advisors|counterparts|members|nations)\b|"
    r"^(?:they|both|all|we all|all three|each)\b", re.I)
EVENT_SUBJECT = re.compile(r"\b(?:dialogue|meeting|talks|discussions?|council|ministerial|"
                           r"convening|summit|conference|consultations?|statement|effort|"
                           r"process|exchange)$", re.I)
FIRST_PERSON = frozenset({"we", "our", "us"})
THIRD_SINGULAR = frozenset({"he", "she"})


def extract_positions(draft: Draft) -> None:
    """Find stance sentences and attribute each to a party or to "joint"."""
    last_person_party: str | None = None
    for sentence in draft.sentences:
        found: list[tuple[str, str, int]] = []  # (party, verb, verb index)
        for v in stance_verbs(sentence):
            subj = subject_of(sentence, v)
            party = resolve_subject(draft, sentence, subj, last_person_party)
            if party is None:
                continue
            if all(p != party for p, _, _ in found):
                found.append((party, sentence.tokens[v].text, v))
        if not found and draft.is_joint_statement and _is_policy_statement(sentence):
            found.append((JOINT, "", -1))
        for party, verb, v in found:
            statement = _statement(sentence, v)
            draft.positions.append(Position(party=party, verb=verb, statement=statement,
                                            sentence=sentence.text,
                                            source=Ref.of(sentence, draft.document)))
        subj_party = _person_subject_party(draft, sentence)
        if subj_party is not None:
            last_person_party = subj_party


def stance_verbs(sentence: Sentence) -> list[int]:
    """Return indexes of verbs that report a stance in ``sentence``."""
    out = []
    tokens = sentence.tokens
    for i, tok in enumerate(tokens):
        word = tok.text.lower()
        if not (tok.tag.startswith("VB") or tok.tag == "MD"):
            continue
        if word in TOPIC_VERBS:
            obj = " ".join(tokens[j].text for j in subtree(sentence, i) if j > i)
            if NORMATIVE.search(obj):
                out.append(i)
            continue
        if word not in STANCE_VERBS:
            continue
        base = _base(word)
        if base in PARTICLES and PARTICLES[base]:
            kids = [tokens[j].text.lower() for j in children(sentence, i)]
            nxt = tokens[i + 1].text.lower() if i + 1 < len(tokens) else ""
            if not any(p in kids or p == nxt for p in PARTICLES[base]):
                continue
        if base in NEEDS_STANCE_OBJECT:
            obj = " ".join(tokens[j].text for j in subtree(sentence, i) if j > i)
            if not NORMATIVE.search(obj) and not re.search(
                    r"\b(?:gratitude|appreciation|thanks|condolences|hope|regret|solidarity|"
                    r"sympathy|congratulations|confidence|optimism|concern|alarm|desire|"
                    r"willingness|intent|intention|view|views|position)\b", obj, re.I):
                continue
        if tok.tag == "MD" and word in ("will", "shall"):
            # Future commitments count only from the issuing side or the parties together.
            if tok.dep != "aux":
                continue
        if tok.dep in ("amod", "compound") or (tok.tag == "VBN" and tok.dep in ("acl", "relcl")):
            continue
        out.append(i)
    return out


def _base(word: str) -> str:
    for base in PARTICLES:
        if word.startswith(base[:-1] if base.endswith("e") else base):
            return base
    if word in ("stood", "said", "sought"):
        return {"stood": "stand", "said": "say", "sought": "seek"}[word]
    return word


def resolve_subject(draft: Draft, sentence: Sentence, subj: int | None,
                    last_person_party: str | None) -> str | None:
    """Return the party of a stance verb's subject, "joint", or None when it is no party."""
    if subj is None:
        return None
    index = draft.party_index
    ids = subtree(sentence, subj)
    phrase = span_text(sentence, ids)
    head_word = sentence.tokens[subj].text.lower()
    if head_word in FIRST_PERSON:
        return JOINT if draft.is_joint_statement else draft.home_party
    if head_word in THIRD_SINGULAR:
        return last_person_party
    if head_word in ("it", "this", "that", "which", "who"):
        return None
    people = _people_parties(draft, phrase)
    named = set(people)
    if index is not None:
        for part in re.split(r",\s*|\s+and\s+", phrase):
            p = index.resolve(part) if part.strip() else None
            if p:
                named.add(p)
    if len(named) >= 2:
        return JOINT
    if JOINT_SUBJECT.search(phrase.strip()) and not named:
        return JOINT
    if len(named) == 1:
        return named.pop()
    if EVENT_SUBJECT.search(phrase.strip()):
        return JOINT
    if re.match(r"^(?:the\s+)?(?:[A-Z][\w-]*\s*)+$", phrase.strip()) and _is_title_phrase(phrase):
        # "The Secretary", "The Deputy Secretary": an attendee known by title.
        return _party_by_title(draft, phrase) or draft.home_party
    return None


def _is_title_phrase(phrase: str) -> bool:
    return any(w.lower() in OFFICE_WORDS for w in phrase.split())


def _party_by_title(draft: Draft, phrase: str) -> str | None:
    words = re.sub(r"^the\s+", "", phrase.strip(), flags=re.I).lower()
    for a in draft.attendees:
        if a.title and a.title.lower() == words:
            return a.party
    for a in draft.attendees:
        if a.title and a.title.lower().startswith(words):
            return a.party
    return None


def _people_parties(draft: Draft, phrase: str) -> list[str]:
    """Parties of attendees named in ``phrase`` (by surname)."""
    out = []
    for a in draft.attendees:
        surname = a.name.split()[-1]
        given = a.name.split()[0]
        if re.search(rf"\b{re.escape(surname)}\b", phrase) or (
                len(a.name.split()) == 2 and re.search(rf"\b(?:Minister|President|Secretary|"
                                                       rf"Mr\.|Ms\.)\s+{re.escape(given)}\b",
                                                       phrase)):
            if a.party:
                out.append(a.party)
    return out


def _person_subject_party(draft: Draft, sentence: Sentence) -> str | None:
    """The party of the person who is the main subject of ``sentence`` (for "he"/"she")."""
    root = next((i for i, t in enumerate(sentence.tokens) if t.dep == "ROOT"), None)
    if root is None:
        return None
    subj = subject_of(sentence, root)
    if subj is None:
        return None
    phrase = span_text(sentence, subtree(sentence, subj))
    people = set(_people_parties(draft, phrase))
    if len(people) == 1:
        return people.pop()
    if _is_title_phrase(phrase) and not re.search(r"s\b", phrase.split()[-1]):
        return _party_by_title(draft, phrase)
    return None


def _is_policy_statement(sentence: Sentence) -> bool:
    return bool(re.search(r"\b(?:must|should|cannot|can be no|will|remain|is essential|"
                          r"are essential|is critical)\b", sentence.text))


def _statement(sentence: Sentence, v: int) -> str:
    """The stance in the source's words: from the reporting verb to the end of the sentence."""
    if v < 0:
        return sentence.text
    start = sentence.tokens[v].start - sentence.start
    return sentence.text[start:].rstrip()
