"""Small queries over a parsed Sentence: token lookup by offset, subtrees, subjects."""

from __future__ import annotations

from briefgen.model import Sentence, Token

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})


def token_at(sentence: Sentence, offset: int) -> int | None:
    """Return the index of the token covering body offset ``offset``."""
    for i, tok in enumerate(sentence.tokens):
        if tok.start <= offset < tok.start + len(tok.text):
            return i
    return None


def children(sentence: Sentence, head: int) -> list[int]:
    """Return the direct dependents of token ``head``."""
    if sentence.dependents:
        return list(sentence.dependents[head])
    return [i for i, t in enumerate(sentence.tokens) if t.head == head and i != head]


def subtree(sentence: Sentence, root: int) -> list[int]:
    """Return the sorted indexes of ``root`` and all tokens it dominates."""
    out = {root}
    frontier = [root]
    while frontier:
        node = frontier.pop()
        for i in children(sentence, node):
            if i not in out:
                out.add(i)
                frontier.append(i)
    return sorted(out)


def ancestors(sentence: Sentence, i: int) -> list[int]:
    """Return the chain of heads above token ``i``, nearest first."""
    chain = []
    seen = {i}
    tok = sentence.tokens[i]
    while tok.head not in seen:
        chain.append(tok.head)
        seen.add(tok.head)
        tok = sentence.tokens[tok.head]
    return chain


def span_text(sentence: Sentence, indexes: list[int]) -> str:
    """Return the source text covering tokens ``indexes`` (first to last)."""
    if not indexes:
        return ""
    first, last = sentence.tokens[min(indexes)], sentence.tokens[max(indexes)]
    offset = sentence.start
    return sentence.text[first.start - offset: last.start + len(last.text) - offset]


def subject_of(sentence: Sentence, verb: int) -> int | None:
    """Return the subject token of ``verb``, following conjunctions and auxiliaries upward.

    "X reaffirmed A and stressed B": "stressed" is a conjunct of "reaffirmed" and shares its
    subject; a participle clause ("Underscoring ..., X committed") takes its head's subject, and
    an auxiliary ("will") that of the verb it helps.
    """
    node = verb
    for _ in range(6):
        for i in children(sentence, node):
            if sentence.tokens[i].dep in SUBJECT_DEPS:
                return i
        tok: Token = sentence.tokens[node]
        if tok.dep in ("conj", "xcomp", "advcl", "ccomp", "aux", "auxpass", "acomp") \
                and tok.head != node:
            node = tok.head
            continue
        return None
    return None
