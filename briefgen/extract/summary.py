"""Write the 2-3 sentence bottom line and pick the background sentences for Context."""

from __future__ import annotations

from briefgen.extract.draft import Draft
from briefgen.extract.key_points import resolve_reference, score_sentences
from briefgen.model import KeyPoint, Ref

SUMMARY_SENTENCES = 3
CONTEXT_SENTENCES = 3


def extract_summary(draft: Draft) -> None:
    """Summary: who met whom, then the top stances, each an exact (or bracket-resolved) sentence.

    Context: the best-ranked sentences that are neither key points, positions nor attendee
    lists, in document order, so the reader sees the background the memo leaves out.
    """
    picked = []
    if draft.meeting_sentence is not None:
        first = draft.sentences[draft.meeting_sentence]
        text = resolve_reference(draft, first)
        if text:
            picked.append((first.index, text))
    for kp in draft.key_points:
        if len(picked) == SUMMARY_SENTENCES:
            break
        if all(kp.source.sentence != i for i, _ in picked):
            picked.append((kp.source.sentence, kp.text))
    picked = picked[:SUMMARY_SENTENCES] if len(picked) > 2 else picked
    draft.summary = " ".join(text for _, text in sorted(picked))

    used = {k.source.sentence for k in draft.key_points} | {p.source.sentence
                                                            for p in draft.positions}
    used |= draft.participation | {i for i, _ in picked}
    scores = score_sentences(draft)
    candidates = [s for s in draft.sentences if s.index not in used
                  and resolve_reference(draft, s) is not None and len(s.text.split()) >= 6]
    best = sorted(candidates, key=lambda s: -scores[s.index])[:CONTEXT_SENTENCES]
    draft.context = [KeyPoint(text=resolve_reference(draft, s) or s.text, sentence=s.text,
                              source=Ref.of(s, draft.document))
                     for s in sorted(best, key=lambda s: s.index)]
