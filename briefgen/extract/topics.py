"""Group stated positions into a handful of topics named by their key terms, from the text alone."""

from __future__ import annotations

import functools
import heapq
import itertools
import math
import re
from collections import Counter
from dataclasses import dataclass, replace

from briefgen.extract.draft import Draft
from briefgen.model import Party, Position
from briefgen.model import Topic as TopicInfo
from briefgen.vocabulary.people import TITLE_WORDS
from briefgen.vocabulary.verbs import STANCE_VERBS, TOPIC_VERBS
from briefgen.vocabulary.words import STOPWORDS

MAX_TOPICS = 7
SIMILARITY = 0.2  # cosine to a topic's centroid needed to join it
# Words of diplomatic reporting that say how, not what: never a topic's name.
REPORTING = STANCE_VERBS | TOPIC_VERBS | frozenset(
    "views side sides delegation delegations leaders leader secretary minister president "
    "officials importance important need needs commitment cooperation efforts effort mutual "
    "strong close two three both parties party countries country government governments united "
    "administration new ongoing further also including work working together ensure deep "
    "enhance opportunity take taken taking".split())


OTHER = "other subjects"


@dataclass(frozen=True, slots=True)
class Topic:
    """A group of positions about one subject, named by the terms they share."""

    name: str
    terms: tuple[str, ...]
    members: tuple[int, ...]  # indexes into the statements given to group_topics


def topic_terms(text: str, ignore: frozenset[str] = frozenset()) -> list[str]:
    """Content words and adjacent-word pairs of a statement ("foreign interference"); pairs
    never reach across punctuation ("forces, free" is no term)."""
    terms: list[str] = []
    for clause in re.split(r"[,;:.()\[\]!?–—]+", text.lower()):
        content: list[str | None] = []
        for w in re.findall(r"[a-z][a-z'’-]*[a-z]|[a-z]", clause):
            w = w.replace("’", "'").removesuffix("'s")
            keep = len(w) > 2 and w not in STOPWORDS and w not in REPORTING and w not in ignore
            content.append(_stem(w) if keep else None)
        terms += [w for w in content if w]
        terms += [f"{a} {b}" for a, b in itertools.pairwise(content) if a and b and a != b]
    return terms


def _stem(word: str) -> str:
    """A light plural fold so "sanctions" and "sanction" count as one term."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def group_topics(statements: list[str], ignore: frozenset[str] = frozenset(),
                 max_topics: int = MAX_TOPICS) -> list[Topic]:
    """Cluster statements by shared key terms (TF-IDF, cosine to centroids) into named topics.

    Each statement is compared with the topics sharing one of its terms only, and merging
    looks at the topics sharing a term with the smallest only, so it stays cheap on long
    transcripts.
    """
    bags = [Counter(topic_terms(s, ignore)) for s in statements]
    df = Counter(t for bag in bags for t in bag)
    n = len(statements)
    vectors = [_normalise({t: c * math.log(1 + n / df[t]) for t, c in bag.items()})
               for bag in bags]
    clusters: list[list[int]] = []
    centroids: list[dict[str, float]] = []
    holding: dict[str, set[int]] = {}  # term -> the topics whose centroid has it
    for i, vec in enumerate(vectors):
        # Only topics sharing a term can score above zero: look at those alone.
        scores: dict[int, float] = {}
        for term, value in vec.items():
            for k in holding.get(term, ()):
                scores[k] = scores.get(k, 0.0) + value * centroids[k][term]
        best, score = max(scores.items(), key=lambda kv: (kv[1], -kv[0]), default=(-1, 0.0))
        if best >= 0 and score >= SIMILARITY:
            clusters[best].append(i)
            for term in centroids[best]:
                holding[term].discard(best)
            centroids[best] = _centroid(_add(centroids[best], vec))
        else:
            best = len(clusters)
            clusters.append([i])
            centroids.append(_centroid(dict(vec)))
        for term in centroids[best]:
            holding.setdefault(term, set()).add(best)
    clusters, centroids, leftovers = _merge_small(clusters, centroids, holding, max_topics)
    # A set-aside statement still joins the topic it shares most with, if it shares anything.
    rest = []
    for i in leftovers:
        scores = [_cosine(vectors[i], c) for c in centroids]
        best = max(range(len(scores)), key=scores.__getitem__, default=-1)
        if best >= 0 and scores[best] >= SIMILARITY / 3:
            clusters[best].append(i)
        else:
            rest.append(i)
    leftovers = rest
    topics = []
    if leftovers:
        topics.append(Topic(name=OTHER, terms=(), members=tuple(sorted(leftovers))))
    for members in clusters:
        weight: Counter[str] = Counter()
        for i in members:
            for term, value in vectors[i].items():
                weight[term] += value
        texts = [statements[i] for i in members]
        topics.append(Topic(name=_name(weight, len(members), texts),
                            terms=tuple(_top_terms(weight)),
                            members=tuple(sorted(members))))
    return topics


def _merge_small(clusters: list[list[int]], centroids: list[dict[str, float]],
                 holding: dict[str, set[int]], max_topics: int
                 ) -> tuple[list[list[int]], list[dict[str, float]], list[int]]:
    """Fold the smallest topic into its nearest neighbour until ``max_topics`` are left.

    A smallest topic that shares too little with every other is set aside (its statements
    returned as leftovers) rather than blur a real topic. Only the topics sharing a centroid
    term with it (``holding``: term -> topics) can be near; the others score zero. Topics keep
    their first-pass numbers, so that ties go as in creation order; the smallest comes off a
    heap. Near-linear in the number of topics, where comparing every pair was quadratic.
    """
    alive = dict(enumerate(clusters))
    cents = dict(enumerate(centroids))
    heap = [(len(members), -k) for k, members in alive.items()]
    heapq.heapify(heap)
    leftovers: list[int] = []
    while len(alive) > max_topics - (1 if leftovers or len(alive) > max_topics else 0):
        size, negative = heapq.heappop(heap)
        small = -negative
        if small not in alive or len(alive[small]) != size:  # gone, or grown since pushed
            continue
        near = sorted({k for term in cents[small] for k in holding.get(term, ())} - {small})
        cosines = [_cosine(cents[small], cents[k]) for k in near]
        best = max(range(len(near)), key=cosines.__getitem__, default=-1)
        if best >= 0 and cosines[best] >= SIMILARITY / 2:
            target = near[best]
            for term in cents[target]:
                holding[term].discard(target)
            alive[target].extend(alive[small])
            cents[target] = _centroid(_add(cents[target], cents[small]))
            for term in cents[target]:
                holding.setdefault(term, set()).add(target)
            heapq.heappush(heap, (len(alive[target]), -target))
        else:
            leftovers.extend(alive[small])
        for term in cents[small]:
            holding[term].discard(small)
        del alive[small], cents[small]
    order = sorted(alive)
    return [alive[k] for k in order], [cents[k] for k in order], leftovers


def _top_terms(weight: Counter[str], count: int = 4) -> list[str]:
    # Names read best as nouns: "foreign interference", not "find sustainable".
    ranked = sorted(weight, key=lambda t: (-weight[t] * (1.3 if " " in t else 1.0)
                                           * (1.0 if _nounish(t) else 0.4), t))
    out: list[str] = []
    for term in ranked:
        if any(term in kept or kept in term for kept in out):
            continue
        out.append(term)
        if len(out) == count:
            break
    return out


def _nounish(term: str) -> bool:
    """Tell whether a term ends like a noun (a heuristic: no -ing/-ed/-ly/adjective endings)."""
    last = term.split()[-1]
    return not last.endswith(("ing", "ed", "ly", "ive", "ous", "ful", "able", "ible", "ical"))


def assign_topics(positions: list[Position], parties: list[Party], people: list[str]
                  ) -> tuple[list[Position], list[TopicInfo]]:
    """Give every position a topic and return the topics, most discussed first.

    Names of parties and people and words of titles never name a topic.
    """
    if not positions:
        return [], []
    names = [a for p in parties for a in (p.name, *p.aliases)] + people
    ignore = frozenset(w.lower().strip(".,’'") for a in names
                       for w in a.replace(".", "").split()) | TITLE_WORDS
    groups = sorted(group_topics([p.statement for p in positions], ignore),
                    key=lambda t: (t.name == OTHER, -len(t.members), t.members[0]))
    names = _unique_names([g.name for g in groups])
    topic_of = {i: name for g, name in zip(groups, names) for i in g.members}
    return ([replace(p, topic=topic_of[i]) for i, p in enumerate(positions)],
            [TopicInfo(name, g.terms) for g, name in zip(groups, names)])


def _unique_names(names: list[str]) -> list[str]:
    seen: Counter[str] = Counter()
    out = []
    for name in names:
        seen[name] += 1
        out.append(name if seen[name] == 1 else f"{name} ({seen[name]})")
    return out


def _name(weight: Counter[str], size: int, texts: list[str]) -> str:
    """Name a topic by its top terms as the text writes them ("DPRK / Taiwan Strait")."""
    terms = _top_terms(weight, 2 if size > 1 else 1)
    if not terms:
        return "other"
    shown = [_as_written(term, texts) for term in terms]
    name = " / ".join(shown)
    return name[:1].upper() + name[1:]


def _as_written(term: str, texts: list[str]) -> str:
    """The term in the case the statements use, when it appears unstemmed."""
    pattern = _term_pattern(term)
    for text in texts:
        m = pattern.search(text)
        if m:
            return m.group(0)
    return term


@functools.lru_cache(maxsize=4096)
def _term_pattern(term: str) -> re.Pattern[str]:
    """A term's words as a whole-word, any-case pattern (terms recur across documents)."""
    words = r"\s+".join(re.escape(w) for w in term.split())
    return re.compile(rf"(?<![\w-]){words}(?![\w-])", re.I)


CENTROID_TERMS = 40  # a topic's centroid keeps its strongest terms only (cheap cosines)


def _normalise(vec: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
    return {t: v / norm for t, v in vec.items()}


def _centroid(vec: dict[str, float]) -> dict[str, float]:
    """A normalised centroid keeping its strongest terms only."""
    if len(vec) > CENTROID_TERMS:
        vec = dict(sorted(vec.items(), key=lambda kv: -kv[1])[:CENTROID_TERMS])
    return _normalise(vec)


def _add(a: dict[str, float], b: dict[str, float]) -> dict[str, float]:
    out = dict(a)
    for t, v in b.items():
        out[t] = out.get(t, 0.0) + v
    return out


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())


def extract_topics(draft: Draft) -> None:
    """Extractor: group the draft's positions into topics."""
    draft.positions, draft.topics = assign_topics(draft.positions, draft.parties,
                                                  [a.name for a in draft.attendees])
