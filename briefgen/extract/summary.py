"""Write the bottom line (the meeting, then its main outcome) and pick the Context sentences."""

from __future__ import annotations

import re

from briefgen.extract.draft import Draft
from briefgen.extract.key_points import resolve_reference, score_sentences
from briefgen.model import JOINT, KeyPoint, Ref, Sentence

CONTEXT_SENTENCES = 3
MIN_WORDS = 6  # a bottom-line sentence has at least this many words
LISTED_PEOPLE = 3  # a sentence naming this many attendees lists who took part
#: A bottom line quotes at most this many words besides the meeting sentence: a long second
#: sentence is no bottom line, and the next-best outcome is taken instead.
OUTCOME_WORDS = 45
#: What the sides settled: agreements, decisions, commitments and next steps weigh most,
#: then firm joint stances (reaffirmed, welcomed), then any stance.
OUTCOME_CUES = (
    re.compile(r"\b(?:agreed|agree to|decided|committed|pledged|signed|concluded|adopted|"
               r"launched|announced|will (?:meet|visit|hold|continue|work|convene|sign|host)|"
               r"next (?:meeting|round|session)|follow-up|deadline)\b", re.I),
    re.compile(r"\b(?:reaffirmed|affirmed|welcomed|underscored|emphasized|stressed|"
               r"called (?:on|for)|urged|condemned|expressed)\b", re.I),
)


def extract_summary(draft: Draft) -> None:
    """Bottom line: who met whom, when and on what (the meeting sentence), then the main
    outcome, each an exact (or bracket-resolved) source sentence; ``summary`` is its text.

    Context: the best-ranked sentences that are neither key points, positions nor attendee
    lists, in document order, so the reader sees the background the memo leaves out.
    """
    picked = bottom_line_sentences(draft)
    draft.bottom_line = [KeyPoint(text=text, sentence=draft.structure.spoken(s),
                                  source=Ref.of(s, draft.document))
                         for s, text in picked]
    draft.summary = " ".join(text for _, text in picked)
    picked_indexes = {s.index for s, _ in picked}

    used = {k.source.sentence for k in draft.key_points} | {p.source.sentence
                                                            for p in draft.positions}
    used |= draft.participation | picked_indexes
    scores = score_sentences(draft)
    used |= draft.structure.furniture  # a transcript's questions, minutes' attendance lists
    candidates = [s for s in draft.sentences if s.index not in used
                  and resolve_reference(draft, s) is not None and len(s.text.split()) >= 6]
    best = sorted(candidates, key=lambda s: -scores[s.index])[:CONTEXT_SENTENCES]
    draft.context = [KeyPoint(text=resolve_reference(draft, s) or s.text,
                              sentence=draft.structure.spoken(s),
                              source=Ref.of(s, draft.document))
                     for s in sorted(best, key=lambda s: s.index)]


def bottom_line_sentences(draft: Draft) -> list[tuple[Sentence, str]]:
    """The meeting sentence and the main outcome (or, lacking a meeting sentence, the top
    key point and the main outcome), as (sentence, text as printed).

    The outcome is the best-ranked position whose verb says what was settled (agreed,
    decided, committed, will visit ...), a joint one before a one-sided one; failing that,
    a firm stance; failing that, the top key point. A list of participants (a sentence naming
    three attendees or people or more) is never the outcome: the Participants print it. Nothing is
    composed: both are sentences of the source, so each keeps its reference.
    """
    sentences = draft.sentences
    picked: list[tuple[Sentence, str]] = []

    def add(sentence: Sentence) -> bool:
        text = resolve_reference(draft, sentence)
        # A heading-like line ("Meeting No. 51") says nothing on its own.
        if text is None or len(sentence.text.split()) < MIN_WORDS or \
                any(s.index == sentence.index for s, _ in picked):
            return False
        picked.append((sentence, text))
        return True

    if draft.meeting_sentence is not None:
        add(sentences[draft.meeting_sentence])
    ranked = [k.source.sentence for k in draft.key_points]
    if not picked:
        for index in ranked:
            if add(sentences[index]):
                break
    scores = score_sentences(draft)
    listed = {i for i, sentence in enumerate(sentences)
              if max(sum(a.name in sentence.text for a in draft.attendees),
                     sum(e.label == "PERSON" for e in sentence.entities)) >= LISTED_PEOPLE}

    def is_outcome_length(sentence: Sentence) -> bool:
        return len(sentence.text.split()) <= OUTCOME_WORDS and sentence.index not in listed

    # An outcome the outcomes step found (agreed, decided, a next meeting) comes first: a
    # joint one before a one-sided one, then by rank.
    outcomes = sorted((o for o in draft.outcomes
                       if is_outcome_length(sentences[o.source.sentence])),
                      key=lambda o: (o.who != JOINT, -scores[o.source.sentence],
                                     o.source.sentence))
    if any(add(sentences[o.source.sentence]) for o in outcomes):
        return picked
    positions = [p for p in draft.positions if is_outcome_length(sentences[p.source.sentence])
                 and p.source.sentence not in {s.index for s, _ in picked}]
    for cue in OUTCOME_CUES:
        found = [p for p in positions if cue.search(p.sentence)]
        found.sort(key=lambda p: (p.party != JOINT, -scores[p.source.sentence],
                                  p.source.sentence))
        if any(add(sentences[p.source.sentence]) for p in found):
            return picked
    for index in ranked:
        if is_outcome_length(sentences[index]) and add(sentences[index]):
            break
    return picked
