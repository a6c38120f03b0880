"""Find outcomes: agreements, decisions, commitments to a concrete step and planned follow-ups."""

from __future__ import annotations

import datetime as dt
import re

from briefgen.extract.draft import Draft
from briefgen.extract.genres.minutes import is_motion_record
from briefgen.extract.metadata import TIME_WORDS, document_date, resolve_date
from briefgen.extract.outcomes.steps import (
    has_step,
    is_future_step,
    is_wish_or_description,
    looks_forward_to_event,
    names_deliverable,
)
from briefgen.extract.positions.subjects import person_subject_party, resolve_subject
from briefgen.extract.positions.verbs import in_indirect_question, is_heading
from briefgen.extract.syntax import children, subject_of, subtree
from briefgen.model import JOINT, Outcome, Ref, Sentence
from briefgen.vocabulary.outcomes import (
    ACTION_LINE,
    AGREE,
    ANNOUNCE,
    COMMIT,
    DECIDE,
    DELIVERABLES,
    HISTORY,
    INVITE,
    LOOK,
    MINUTES,
    MODALS,
    PLAN,
    PREPARATION,
    SIGN,
    TAKE,
    WELCOME,
    WELCOMED_OUTCOMES,
)
from briefgen.vocabulary.verbs import EVENT_NOUNS


def extract_outcomes(draft: Draft) -> None:
    """Find the sentences that report an outcome, with who, what, when and the reference."""
    base = document_date(draft.analysis)
    last_person_party: str | None = None
    for sentence in draft.sentences:
        if is_heading(sentence) or sentence.text.rstrip().endswith("?"):
            continue
        found = find_outcome(sentence)
        if found is None and sentence.index in draft.structure.decisions and \
                is_motion_record(sentence.text):
            found = ("decision", -1)  # minutes: a motion moved and seconded, or carried
        if found is not None and all(o.sentence != sentence.text for o in draft.outcomes):
            kind, v = found
            who = _who(draft, sentence, v, last_person_party)
            when, when_iso = _when(sentence, v, base)
            draft.outcomes.append(Outcome(kind=kind, who=who, what=_what(sentence, v),
                                          when=when, when_iso=when_iso,
                                          sentence=draft.structure.spoken(sentence),
                                          source=Ref.of(sentence, draft.document)))
        party = person_subject_party(draft, sentence)
        if party is not None:
            last_person_party = party


def find_outcome(sentence: Sentence) -> tuple[str, int] | None:
    """The kind of outcome ``sentence`` reports and its trigger token (-1: a formula of minutes
    such as "RESOLVED, That ...", the whole sentence), or None.

    A verb of agreeing, deciding or committing counts only with a step for its complement;
    a planned follow-up is a future step (a modal, "plans to", "looks forward to", an
    invitation) whose verb or object is a concrete action or an event.
    """
    text = sentence.text.strip()
    if HISTORY.search(text):
        return None
    if MINUTES.search(text):
        return "decision", -1
    if _is_action_line(sentence):
        return "follow_up", -1
    tokens = sentence.tokens
    for i, tok in enumerate(tokens):
        word = tok.text.lower()
        if not (tok.tag.startswith("VB") or tok.tag == "MD") or (
                in_indirect_question(sentence, i) and tok.dep != "relcl"):
            continue  # "discussed how to ..." asks; "the meeting, where they agreed" tells
        if tok.dep in ("amod", "compound") or is_wish_or_description(sentence, i):
            continue
        if word in AGREE and has_step(sentence, i, agreement=True):
            return "agreement", i
        if word in DECIDE and (tok.tag in ("VBD", "VBZ", "VBP") or (tok.tag == "VBN" and any(
                tokens[j].dep == "auxpass" for j in children(sentence, i)))) and \
                has_step(sentence, i, agreement=True):
            return "decision", i
        if word in TAKE and _takes_action(sentence, i):
            return "decision", i
        if word in COMMIT and has_step(sentence, i):
            return "commitment", i
        if word in ANNOUNCE and tok.tag in ("VBD", "VBZ", "VBP", "VBN") and \
                names_deliverable(sentence, i):
            return "decision", i
        if word in SIGN and (tok.tag == "VBD" or _is_passive(sentence, i)) and \
                _signs_deliverable(sentence, i):
            return "agreement", i
        if word in WELCOME and tok.tag in ("VBD", "VBZ", "VBP") and \
                _welcomes_outcome(sentence, i):
            return "decision", i
        if word in ANNOUNCE and tok.tag in ("VBD", "VBZ", "VBP") and \
                any(e.label == "MONEY" for e in sentence.entities):
            return "decision", i  # "announced ... $50 million", "announced it has obligated ..."
        if (word in PLAN or word in INVITE) and has_step(sentence, i):
            return "follow_up", i
        if word in LOOK and looks_forward_to_event(sentence, i):
            return "follow_up", i
        if word in MODALS and tok.dep == "aux" and is_future_step(sentence, tok.head):
            return "follow_up", tok.head
    return _invitation(sentence) or _preparation(sentence)


def _is_passive(sentence: Sentence, v: int) -> bool:
    """"a memorandum ... was signed": a past participle with its passive auxiliary."""
    tokens = sentence.tokens
    return tokens[v].tag == "VBN" and any(tokens[j].dep == "auxpass" and tokens[j].text.lower()
                                          in ("was", "were") for j in children(sentence, v))


def _signs_deliverable(sentence: Sentence, v: int) -> bool:
    """"The two countries signed a Memorandum of Understanding on ...": a signing at the
    meeting (one before it carries a history marker and is left out above)."""
    tokens = sentence.tokens
    return any(tokens[c].dep in ("dobj", "nsubjpass") and tokens[c].text.lower() in
               DELIVERABLES | {
        "memorandum", "mou", "accord", "accords", "treaty", "protocol", "letter", "charter",
        "convention", "contract", "contracts"}
        for c in children(sentence, v))


def _welcomes_outcome(sentence: Sentence, v: int) -> bool:
    """"welcomed Serbia's decision to sign on to the Artemis Accords", "welcomed the signing
    today of ...", "welcomed the announcement of a $50 million loan guarantee"."""
    tokens = sentence.tokens
    for c in children(sentence, v):
        if tokens[c].dep != "dobj":
            continue
        if tokens[c].text.lower() in WELCOMED_OUTCOMES:
            kids = children(sentence, c)
            # It says what was decided: "decision to ...", "signing of ...", "announcement of"
            # (the parser may hang the "of" on the verb: "welcomed the signing today of ...").
            if any(tokens[j].dep in ("acl", "prep") for j in kids) or any(
                    tokens[j].dep == "prep" and tokens[j].text.lower() == "of" and j > c
                    for j in children(sentence, v)):
                return True
    return False


def _preparation(sentence: Sentence) -> tuple[str, int] | None:
    """"discussed preparations for the May 2026 summit": an event being prepared."""
    tokens = sentence.tokens
    for i, tok in enumerate(tokens):
        if tok.text.lower() in PREPARATION and tok.tag.startswith("NN") and \
                not is_wish_or_description(sentence, i):
            for p in children(sentence, i):
                if tokens[p].text.lower() == "for" and any(
                        tokens[j].text.lower() in EVENT_NOUNS for j in children(sentence, p)):
                    head = tok.head if tokens[tok.head].tag.startswith("VB") else i
                    return "follow_up", head
    return None


def _is_action_line(sentence: Sentence) -> bool:
    """An action line of minutes: a subject, "to" and a verb, and no finite verb."""
    m = ACTION_LINE.match(sentence.text.strip())
    if not m or _finite_verbs(sentence):
        return False
    last = next((i for i, t in enumerate(sentence.tokens)
                 if t.start - sentence.start >= m.end() - len(m.group(0).split()[-1])), None)
    return last is not None and sentence.tokens[last].tag == "VB" and \
        sentence.tokens[0].tag.startswith("NN")


def _takes_action(sentence: Sentence, v: int) -> bool:
    """"took action on 12 draft resolutions": a decision of a body on texts before it."""
    tokens = sentence.tokens
    if not any(tokens[c].dep == "dobj" and tokens[c].text.lower() == "action"
               for c in children(sentence, v)):
        return False
    return any(tokens[j].text.lower() in DELIVERABLES - EVENT_NOUNS
               for j in subtree(sentence, v) if j > v)


def _root(sentence: Sentence) -> int:
    return next((i for i, t in enumerate(sentence.tokens) if t.dep == "ROOT"), 0)


def _finite_verbs(sentence: Sentence) -> list[int]:
    return [i for i, t in enumerate(sentence.tokens) if t.tag in ("VBD", "VBZ", "VBP", "MD")]


def _invitation(sentence: Sentence) -> tuple[str, int] | None:
    """"extended an invitation to X to visit", "accepted the invitation to attend"."""
    tokens = sentence.tokens
    for i, tok in enumerate(tokens):
        if tok.text.lower() in ("invitation", "invitations") and tok.tag.startswith("NN"):
            after = " ".join(t.text.lower() for t in tokens[i + 1:i + 12])
            if re.search(r"\bto (?:visit|attend|travel|come|host|take part|participate|join)\b",
                         after):
                return "follow_up", tok.head if tokens[tok.head].tag.startswith("VB") else i
    return None


def _who(draft: Draft, sentence: Sentence, v: int, last_person_party: str | None
         ) -> str | None:
    """The party (or "joint") whose outcome it is: the subject of the trigger's clause."""
    if v < 0:
        v = _root(sentence)
    parties = resolve_subject(draft, sentence, subject_of(sentence, v), last_person_party)
    if not parties:
        return None
    return parties[0] if len(parties) == 1 else JOINT


def _what(sentence: Sentence, v: int) -> str:
    """The step in the source's words: from the subject of the trigger's own clause ("President
    X will visit ..."), else from the trigger ("agreeing on the next relaunch ..."), to the end."""
    if not sentence.tokens or v < 0:
        return sentence.text.strip()  # a formula of minutes: the whole line is the decision
    tokens = sentence.tokens
    first = v
    for c in children(sentence, v):
        if tokens[c].dep in ("nsubj", "nsubjpass") and c < v:
            first = min(subtree(sentence, c))
            break
    what = sentence.text[tokens[first].start - sentence.start:].strip()
    return what if len(what.split()) >= 3 else sentence.text.strip()


def _when(sentence: Sentence, v: int, base: dt.date | None) -> tuple[str | None, str | None]:
    """The time the sentence gives for the step, as written and as a date when it is one: the
    first after the trigger ("On May 2 they agreed to meet by June": June), else the first."""
    times = [e for e in sentence.entities if e.label in ("DATE", "TIME")
             and TIME_WORDS.search(e.text) and not re.fullmatch(r"(?:19|20)\d\d", e.text)]
    after = sentence.tokens[v].start if sentence.tokens and v >= 0 else sentence.start
    chosen = next((e for e in times if e.start >= after), times[0] if times else None)
    return resolve_date(chosen.text, base) if chosen else (None, None)
