"""Whether a clause or an object names a concrete step, an event or a deliverable."""

from __future__ import annotations

import re

from briefgen.extract.syntax import children, subtree
from briefgen.model import Sentence
from briefgen.vocabulary.outcomes import (
    DELIVERABLES,
    FUTURE_WORDS,
    GENERAL_VERBS,
    HOPES,
    MODALS,
    STEP_VERBS,
)
from briefgen.vocabulary.stances import NORMATIVE
from briefgen.vocabulary.verbs import EVENT_NOUNS


def complements(sentence: Sentence, v: int) -> list[int]:
    """The clauses and objects a verb governs after it (to-infinitives, that-clauses, on X)."""
    out = []
    for c in children(sentence, v):
        tok = sentence.tokens[c]
        if c > v and tok.dep in ("xcomp", "ccomp", "dobj", "prep", "advcl", "attr", "oprd"):
            out.append(c)
    return out


def has_step(sentence: Sentence, v: int, agreement: bool = False) -> bool:
    """Tell whether verb ``v`` governs a concrete step: a to-clause or that-clause whose verb
    is a step (or, for an agreement, any action with a time or event), or an object naming
    a deliverable ("agreed on the relaunch of the council")."""
    tokens = sentence.tokens
    for c in complements(sentence, v):
        tok = tokens[c]
        if tok.dep in ("xcomp", "ccomp", "advcl") and tok.tag.startswith("VB"):
            if is_step_clause(sentence, c, agreement):
                return True
        elif tok.dep == "prep":
            objects = [j for j in children(sentence, c) if tokens[j].dep == "pobj"]
            if tok.text.lower() not in ("on", "upon", "to"):
                # "approved without a vote 15 draft resolutions" (a misattached object)
                if agreement and any(tokens[j].text.lower() in DELIVERABLES - EVENT_NOUNS
                                     for j in objects):
                    return True
                continue
            if any(is_step_noun(sentence, j) for j in objects):
                return True
            clauses = [j for j in children(sentence, c) if tokens[j].dep == "pcomp"]
            if any(is_step_clause(sentence, j, agreement) for j in clauses):
                return True
        elif tok.dep in ("dobj", "attr", "oprd") and is_step_noun(sentence, c):
            return True
        elif tok.dep == "dobj":
            # "invited X to visit", "urged X to attend": the step is the object's clause
            clauses = [j for j in children(sentence, c) if tokens[j].dep in ("acl", "relcl")]
            if any(is_step_clause(sentence, j, agreement) for j in clauses):
                return True
    return False


def is_step_clause(sentence: Sentence, c: int, agreement: bool) -> bool:
    """A clause headed by ``c`` that names a step, not a stance or a state of affairs."""
    tokens = sentence.tokens
    word = tokens[c].text.lower()
    kids = children(sentence, c)
    if tokens[c].dep == "ccomp" and not any(
            tokens[j].dep == "aux" and tokens[j].text.lower() in MODALS for j in kids) and (
            tokens[c].tag in ("VBP", "VBZ", "VBD") or (tokens[c].tag == "VB" and any(
                tokens[j].dep == "nsubj" and tokens[j].tag in ("NNS", "NNPS") for j in kids))):
        # "agreed that people-to-people ties form the bedrock": a state of things, where
        # "agreed that the Committee hold hearings" (a singular subject) is a decision
        return False
    for j in kids:  # "agreed to work together to launch ...": the purpose
        if tokens[j].dep in ("xcomp", "advcl") and j > c and tokens[j].tag == "VB" and \
                tokens[j].text.lower() in STEP_VERBS:
            return True
    if word in GENERAL_VERBS:
        return has_time_or_event(sentence, c)
    if word in ("be", "is", "are", "was", "were", "remain", "remains"):
        kids = children(sentence, c)
        future = any(tokens[j].text.lower() in MODALS for j in kids)
        # "agreed that MC12 would be held on ...", "That Cllr Porter be elected Chair".
        return future and any(tokens[j].dep in ("attr", "acomp") and
                              tokens[j].text.lower() in ("present", "held") for j in kids)
    if tokens[c].tag == "VBN" and any(tokens[j].dep == "auxpass" for j in children(sentence, c)):
        return True  # "That Cllr Porter be elected", "would be held"
    if word in STEP_VERBS:
        return True
    return agreement and tokens[c].tag.startswith("VB") and not NORMATIVE.fullmatch(word) and \
        has_time_or_event(sentence, c)


def is_step_noun(sentence: Sentence, j: int) -> bool:
    """An object naming a deliverable or an event, not an idea ("the importance of ...")."""
    tokens = sentence.tokens
    word = tokens[j].text.lower()
    if NORMATIVE.fullmatch(word):
        return False
    if word in DELIVERABLES or word.rstrip("s") in DELIVERABLES:
        return True
    # "the next relaunch of the council", "the signing of agreements": an action noun
    return any(tokens[k].text.lower() in DELIVERABLES or tokens[k].text.lower() in (
        "next", "signing", "relaunch", "launch", "establishment", "creation")
        for k in subtree(sentence, j) if k != j and tokens[k].tag[:2] in ("NN", "JJ", "VB"))


def has_time_or_event(sentence: Sentence, c: int) -> bool:
    """A time, a date or a named event in the clause of ``c`` ("on the margins of #UNGA")."""
    ids = subtree(sentence, c)
    tokens = sentence.tokens
    if any(tokens[i].ent_type in ("DATE", "TIME", "EVENT") for i in ids):
        return True
    clause = " ".join(tokens[i].text for i in ids)
    return bool(FUTURE_WORDS.search(clause) or re.search(r"\b(?:margins?|sidelines?)\b",
                                                          clause))


def names_deliverable(sentence: Sentence, v: int) -> bool:
    """"announced a fund", "launched a working group", "released as a joint statement"."""
    tokens = sentence.tokens
    for c in children(sentence, v):
        tok = tokens[c]
        if c < v or tok.dep not in ("dobj", "prep", "nsubjpass", "ccomp", "xcomp", "oprd"):
            continue
        if tok.dep == "ccomp" and tok.tag.startswith("VB"):
            # "announced that X will host ...", "... that both are negotiating the signing"
            if is_future_step(sentence, c) or (
                    tok.tag == "VBG" and tok.text.lower() in STEP_VERBS - GENERAL_VERBS):
                return True
            continue
        heads = [c] if tok.dep == "dobj" else [j for j in children(sentence, c)
                                                if tokens[j].dep == "pobj"]
        for j in heads:
            word = tokens[j].text.lower()
            if word in DELIVERABLES and word not in EVENT_NOUNS - {"statement"}:
                return True
            if word in EVENT_NOUNS and has_time_or_event(sentence, j):
                return True
    return False


def is_future_step(sentence: Sentence, v: int) -> bool:
    """A future verb that is a concrete step or event ("will visit", "would be held")."""
    tokens = sentence.tokens
    if not tokens[v].tag.startswith("VB"):
        return False
    kids = children(sentence, v)
    if not any(tokens[j].text.lower() in MODALS for j in kids) and \
            tokens[v].text.lower() not in MODALS:
        return False
    if any(tokens[j].dep == "mark" and tokens[j].text.lower() in ("if", "unless", "whether")
           for j in kids):
        return False
    word = tokens[v].text.lower()
    if word in ("like", "love", "wish"):  # "would like to visit"
        return any(tokens[j].dep == "xcomp" and is_step_clause(sentence, j, False)
                   for j in kids)
    if word in ("be", "is") and any(tokens[j].dep == "expl" for j in kids):
        # "there will be more such meetings"
        return any(tokens[j].dep == "attr" and tokens[j].text.lower() in EVENT_NOUNS | {
            "meetings", "visits", "talks"} for j in kids)
    if tokens[v].tag == "VBN" and word in STEP_VERBS:
        return True  # "will be held", "will be received"
    if word in GENERAL_VERBS:
        return False
    if word in ("make", "pay") and any(tokens[j].dep == "dobj" and tokens[j].text.lower() in
                                       EVENT_NOUNS for j in kids):
        return True  # "will make a working visit to ...", "will pay a visit"
    if word not in STEP_VERBS:
        # "will focus on concluding negotiations", "would try to conclude ...": the step below
        return any(tokens[j].dep == "xcomp" and tokens[j].text.lower() in STEP_VERBS - GENERAL_VERBS
                   for j in kids) or any(
            tokens[k].dep == "pcomp" and tokens[k].text.lower() in STEP_VERBS - GENERAL_VERBS
            for j in kids if tokens[j].dep == "prep" for k in children(sentence, j))
    if word in ("have", "has", "see", "include", "exchange", "welcome", "review", "accept",
                "go", "come", "take"):
        # light verbs: a step only with an event for object ("will have a meeting")
        return any(tokens[j].dep == "dobj" and is_step_noun(sentence, j) for j in kids)
    return True


def looks_forward_to_event(sentence: Sentence, v: int) -> bool:
    """"looked forward to seeing one another at the G20 Summit next month", "... to the
    next meeting"; not "looked forward to deepening cooperation"."""
    tokens = sentence.tokens
    preps = [c for c in children(sentence, v) if tokens[c].text.lower() in ("to", "forward")]
    for p in preps:
        ids = subtree(sentence, p)
        words = {tokens[i].text.lower() for i in ids}
        if "to" not in words:
            continue
        clause = " ".join(tokens[i].text for i in ids)
        if words & (EVENT_NOUNS | {"visit", "visiting", "attending", "welcoming", "hosting",
                                   "meetings", "summit"}) and (
                FUTURE_WORDS.search(clause) or any(tokens[i].ent_type in ("DATE", "EVENT")
                                                   for i in ids)
                or words & {"visit", "visiting", "attending", "hosting", "welcoming"}):
            return True
    return False


def is_wish_or_description(sentence: Sentence, i: int) -> bool:
    """Tell whether token ``i`` sits under a hope, a view or a willingness, or in a relative
    clause describing something ("the Quartet, which will meet tomorrow")."""
    tokens = sentence.tokens
    node = i
    for _ in range(8):
        tok = tokens[node]
        if node != i and (tok.text.lower() in HOPES or (NORMATIVE.fullmatch(tok.text.lower())
                          and tok.tag[:2] in ("JJ", "NN"))):
            return True
        if tok.dep in ("relcl", "acl") and tokens[tok.head].tag[:2] == "NN" and \
                tokens[tok.head].text.lower() not in ("invitation", "agreement", "decision") \
                and not tells_what_happened_there(sentence, node):
            return True
        if tok.head == node:
            return False
        node = tok.head
    return False


def tells_what_happened_there(sentence: Sentence, clause: int) -> bool:
    """A relative clause of place or time ("the meeting, where they agreed to ...", "during
    which ...") says what happened at the meeting; others describe the noun."""
    tokens = sentence.tokens
    for j in children(sentence, clause):
        if tokens[j].text.lower() in ("where", "when", "whereby") and tokens[j].tag == "WRB":
            return True
        if tokens[j].dep == "prep" and any(tokens[k].text.lower() == "which"
                                           for k in children(sentence, j)):
            return True
    return False
