"""Rank sentences for the bottom line: who met whom, then the main positions and outcomes."""

from __future__ import annotations

import math
import re

from briefgen.extract.draft import Draft
from briefgen.extract.people import surname_of
from briefgen.model import KeyPoint, Ref, Sentence
from briefgen.vocabulary.words import STOPWORDS

KEY_POINT_COUNT = 5
#: Genres whose layout, not the order of their sentences, says what matters.
LAID_OUT_GENRES = frozenset({"transcript", "meeting_record", "minutes"})
# Verbs reporting outcomes and firm stances weigh more than neutral reporting verbs.
STRONG_VERBS = re.compile(
    r"\b(?:agreed|agree|committed|commit|condemned|condemn|announced|announce|decided|pledged|"
    r"resolved|reaffirmed|reaffirm|affirmed|called on|called for|urged|expressed (?:grave |deep |"
    r"serious )?concern|launched|signed|welcomed|stressed|emphasized|underscored|reiterated|"
    r"confirmed|will)\b", re.I)
# Sentence openings that need the previous sentence to make sense.
DANGLING = re.compile(r"^(?:this|these|that|those|it|its|however|such|thus|therefore|"
                      r"additionally|also|moreover|furthermore|meanwhile|likewise|similarly)\b",
                      re.I)
# Words that carry diplomatic weight in a bottom line (threats, condemnation, agreement...).
SALIENT = re.compile(
    r"\b(?:condemn\w*|grave|deep|serious|concern\w*|threat\w*|attack\w*|war|aggression|"
    r"missile\w*|sanction\w*|ceasefire|unacceptable|violat\w*|crisis|coup|agree\w*|announc\w*|"
    r"launch\w*|first|new|commit\w*|pledg\w*|resolv\w*|called on|calls on|urg\w*|push back|"
    r"oppos\w*|support\w*)\b", re.I)
#: "It was agreed that ...", "It was RESOLVED ...": a body's formula, whole on its own.
BODY_FORMULA = re.compile(r"^it was (?:agreed|resolved|decided|noted|proposed|moved|ordered)\b",
                          re.I)
PERSONAL = re.compile(r"^(?:he|she)\b", re.I)
PLURAL = re.compile(r"^they\b", re.I)
BACKGROUND = re.compile(r"\$\s?\d|\b(?:since|in)\s+(?:19|20)\d\d\b|\bFY\s?\d|\bmillion\b|"
                        r"\bbillion\b|https?://", re.I)


def extract_key_points(draft: Draft) -> None:
    """Pick the top sentences by a ranking of meeting facts, stances, centrality and position."""
    sentences = draft.sentences
    scores = score_sentences(draft)
    ranked = sorted(range(len(sentences)), key=lambda i: (-scores[i], i))
    chosen: list[int] = []
    for i in ranked:
        if len(chosen) == KEY_POINT_COUNT:
            break
        text = resolve_reference(draft, sentences[i])
        short = len(sentences[i].text.split()) < 5 and i not in draft.structure.decisions
        if text is None or short:
            continue
        if any(_overlap(sentences[i], sentences[j]) > 0.8 for j in chosen):
            continue
        chosen.append(i)
    draft.key_points = [KeyPoint(text=resolve_reference(draft, sentences[i]) or "",
                                 sentence=draft.structure.spoken(sentences[i]),
                                 source=Ref.of(sentences[i], draft.document)) for i in chosen]


def score_sentences(draft: Draft) -> list[float]:
    """Score every sentence; higher is more important for a bottom line.

    Readouts put what matters first, so position dominates; on top of it count the words that
    carry diplomatic weight (condemned, grave concern, agreed, sanctions...), a firm stance
    attributed to a party, and the sentence reporting the meeting; background (money already
    spent, history) weighs less. The weights were set by cross-validation on the development
    corpus (four folds, about 0.83 held-out recall@5) and kept round and few on purpose.
    """
    stance = {p.source.sentence for p in draft.positions}
    # A transcript, record or minutes does not put what matters first: its stances and the
    # body's decisions count more than where they stand.
    laid_out = draft.genre in LAID_OUT_GENRES
    decided = draft.structure.decisions | {o.source.sentence for o in draft.outcomes}
    scores = []
    for i, sentence in enumerate(draft.sentences):
        text = sentence.text
        length = len(text.split())
        score = 1.0 / (1 + 0.35 * i) + 0.5 * math.exp(-i / 4)
        if laid_out:
            score = 0.4 * score + (0.6 if i in stance else 0.0) + (0.6 if i in decided else 0.0)
        score += 0.25 * len(SALIENT.findall(text))
        if i in stance and STRONG_VERBS.search(text):
            score += 0.5
        if i == draft.meeting_sentence:
            score += 0.25
        if BACKGROUND.search(text):
            score -= 0.5
        if text.rstrip().endswith(":") or i in draft.structure.furniture or (
                length < 6 and i not in draft.structure.decisions):
            score -= 3.0
        scores.append(score)
    return scores


def resolve_reference(draft: Draft, sentence: Sentence) -> str | None:
    """Return the sentence as a key point, with a leading "He"/"She"/"They" made explicit.

    The antecedent is inserted in square brackets (an editorial addition, marked as such).
    Sentences opening on "This", "However" and the like have no safe stand-alone form: None.
    """
    text = draft.structure.spoken(sentence)  # a transcript's label is not the speaker's words
    if DANGLING.match(text) and not BODY_FORMULA.match(text):
        return None
    m = PERSONAL.match(text)
    if m:
        name = _previous_person(draft, sentence)
        return f"[{name}]{text[m.end():]}" if name else None
    m = PLURAL.match(text)
    if m:
        names = _participant_names(draft)
        return f"[{names}]{text[m.end():]}" if names else None
    return text


def _previous_person(draft: Draft, sentence: Sentence) -> str | None:
    for prev in reversed(draft.sentences[: sentence.index]):
        for a in draft.attendees:
            surname = surname_of(a.name)
            if re.search(rf"\b{re.escape(surname)}\b", prev.text):
                return f"{a.title} {a.name}" if a.title and len(a.title) < 40 else a.name
    return None


def _participant_names(draft: Draft) -> str | None:
    names = [a.name for a in draft.attendees]
    if 2 <= len(names) <= 3:
        return ", ".join(names[:-1]) + " and " + names[-1]
    parties = [p.name for p in draft.parties]
    if 2 <= len(parties) <= 4:
        return "The " + ", ".join(parties[:-1]) + " and " + parties[-1] + " sides"
    return None


def _content_words(text: str) -> list[str]:
    return [w for w in re.findall(r"[a-z][a-z’'-]+", text.lower()) if w not in STOPWORDS]


def _overlap(a: Sentence, b: Sentence) -> float:
    wa, wb = set(_content_words(a.text)), set(_content_words(b.text))
    return len(wa & wb) / max(1, min(len(wa), len(wb)))
