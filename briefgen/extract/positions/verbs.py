"""Find the verbs of a sentence that report a stance (and the sentences that are headings)."""

from __future__ import annotations

import re

from briefgen.extract.syntax import children, subtree
from briefgen.model import Sentence
from briefgen.vocabulary.stances import (
    INDIRECT_QUESTION,
    NEEDS_STANCE_OBJECT,
    NORMATIVE,
    PARTICLES,
    STANCE_NOUNS,
)
from briefgen.vocabulary.verbs import STANCE_VERBS, TOPIC_VERBS


def object_tokens(sentence: Sentence, v: int) -> list[int]:
    """Tokens of what verb ``v`` is about: its complements, not its subject or conjuncts."""
    out: list[int] = []
    for c in children(sentence, v):
        tok = sentence.tokens[c]
        if c > v and tok.dep not in ("cc", "punct", "nsubj", "nsubjpass") and not (
                tok.dep == "conj" and tok.tag.startswith("VB")):
            out.extend(subtree(sentence, c))
    return sorted(set(out))


def is_heading(sentence: Sentence) -> bool:
    """A line in Title Case without final punctuation ("Supporting Haiti Remains a Priority")."""
    text = sentence.text.rstrip()
    if text.endswith((".", "!", "?", ":", ";", "”", '"', "’")):
        return False
    words = [w for w in text.split() if w[:1].isalpha()]
    return bool(words) and sum(w[0].isupper() for w in words) >= 0.6 * len(words)


def stance_verbs(sentence: Sentence) -> list[int]:
    """Return indexes of verbs that report a stance in ``sentence``."""
    out = []
    tokens = sentence.tokens
    for i, tok in enumerate(tokens):
        word = tok.text.lower()
        if not (tok.tag.startswith("VB") or tok.tag == "MD"):
            continue
        if word in TOPIC_VERBS:
            obj = " ".join(tokens[j].text for j in object_tokens(sentence, i))
            says_that = i + 1 < len(tokens) and tokens[i + 1].text.lower() == "that"
            if (NORMATIVE.search(obj) or says_that) and not in_indirect_question(sentence, i):
                out.append(i)
            continue
        if word not in STANCE_VERBS:
            continue
        base = base_of(word)
        if PARTICLES.get(base):
            kids = [tokens[j].text.lower() for j in children(sentence, i)]
            nxt = tokens[i + 1].text.lower() if i + 1 < len(tokens) else ""
            if not any(p in kids or p == nxt for p in PARTICLES[base]):
                continue
        if base == "make":
            objects = [tokens[j].text.lower() for j in children(sentence, i)
                       if tokens[j].dep in ("dobj", "attr")]
            if not set(objects) & STANCE_NOUNS:
                continue
        elif base in NEEDS_STANCE_OBJECT:
            obj = " ".join(tokens[j].text for j in subtree(sentence, i) if j > i)
            if not NORMATIVE.search(obj) and not re.search(
                    r"\b(?:gratitude|appreciation|thanks|condolences|hope|regret|solidarity|"
                    r"sympathy|congratulations|confidence|optimism|concern|alarm|desire|"
                    r"willingness|intent|intention|view|views|position)\b", obj, re.I):
                continue
        if tok.tag == "MD" and tok.dep != "aux":
            continue  # "will" counts only as the auxiliary of a commitment ("will resume")
        if tok.dep in ("amod", "compound") or (tok.tag == "VBN" and tok.dep in ("acl", "relcl")):
            continue
        if in_indirect_question(sentence, i):
            continue
        out.append(i)
    return out


def in_indirect_question(sentence: Sentence, i: int) -> bool:
    """Tell whether verb ``i`` sits in a "how/what/whether ..." clause (a topic, not a stance)."""
    node = i
    for _ in range(4):
        if any(sentence.tokens[c].text.lower() in INDIRECT_QUESTION
               and sentence.tokens[c].tag in ("WRB", "WP", "IN") for c in children(sentence, node)):
            return True
        tok = sentence.tokens[node]
        if tok.dep not in ("conj", "aux", "xcomp") or tok.head == node:
            return False
        node = tok.head
    return False


def base_of(word: str) -> str:
    for base in PARTICLES:
        if word.startswith(base[:-1] if base.endswith("e") else base):
            return base
    if word in ("stood", "said", "sought"):
        return {"stood": "stand", "said": "say", "sought": "seek"}[word]
    return word
