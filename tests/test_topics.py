"""Topics: each position in one topic; the indexed merge equals comparing every pair."""

from __future__ import annotations

import copy

from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen.extract import topics
from briefgen.extract.topics import OTHER, SIMILARITY, group_topics

WORDS = ("sanctions", "ceasefire", "elections", "energy", "grain", "exports", "security",
         "maritime", "border", "talks", "humanitarian", "aid", "corridor", "nuclear", "tariffs",
         "investment", "climate", "fisheries", "migration", "vaccines")


def reference_merge(clusters: list[list[int]], centroids: list[dict[str, float]],
                    max_topics: int) -> tuple[list[list[int]], list[dict[str, float]], list[int]]:
    """The merge as first written: the smallest topic is compared with every other."""
    leftovers: list[int] = []
    while len(clusters) > max_topics - (1 if leftovers or len(clusters) > max_topics else 0):
        small = min(range(len(clusters)), key=lambda k: (len(clusters[k]), -k))
        others = [k for k in range(len(clusters)) if k != small]
        target = max(others, key=lambda k: topics._cosine(centroids[small], centroids[k]))
        if topics._cosine(centroids[small], centroids[target]) >= SIMILARITY / 2:
            clusters[target].extend(clusters[small])
            centroids[target] = topics._centroid(topics._add(centroids[target],
                                                             centroids[small]))
        else:
            leftovers.extend(clusters[small])
        del clusters[small], centroids[small]
    return clusters, centroids, leftovers


def statement(words: list[str]) -> str:
    return " ".join(words)


statements = st.lists(st.lists(st.sampled_from(WORDS), min_size=1, max_size=6).map(statement),
                      min_size=1, max_size=60)


@settings(max_examples=150, deadline=None)
@given(statements, st.integers(min_value=2, max_value=8))
def test_merging_only_topics_sharing_a_term_equals_comparing_every_pair(
        texts: list[str], max_topics: int) -> None:
    merges = []
    real = topics._merge_small

    def compare(clusters, centroids, holding, max_topics):
        copied = copy.deepcopy((clusters, centroids))
        merged = real(clusters, centroids, holding, max_topics)
        merges.append((copy.deepcopy(merged), reference_merge(*copied, max_topics)))
        return merged

    topics._merge_small = compare
    try:
        group_topics(texts, max_topics=max_topics)
    finally:
        topics._merge_small = real
    [(merged, expected)] = merges
    assert merged == expected


@settings(max_examples=100, deadline=None)
@given(statements)
def test_every_statement_is_in_exactly_one_topic_and_there_are_few(texts: list[str]) -> None:
    found = group_topics(texts)
    members = sorted(i for topic in found for i in topic.members)
    assert members == list(range(len(texts)))
    assert len(found) <= topics.MAX_TOPICS
    assert [t.name for t in found].count(OTHER) <= 1


def test_statements_about_one_subject_share_a_topic_named_by_it() -> None:
    texts = ["The two sides discussed grain exports through the Black Sea corridor.",
             "They agreed that grain exports must continue.",
             "The minister raised maritime security in the Red Sea.",
             "Both stressed maritime security and freedom of navigation."]
    found = group_topics(texts)
    by_member = {i: t for t in found for i in t.members}
    assert by_member[0] is by_member[1] and by_member[2] is by_member[3]
    assert by_member[0] is not by_member[2]
    assert "grain" in by_member[0].name.lower()
    assert "maritime" in by_member[2].name.lower()


def test_a_tie_goes_to_the_older_topic_as_comparing_every_pair_gives() -> None:
    # The newest (smallest) topic is as near to topics 0 and 1: it joins topic 0.
    clusters = [[0], [1], [2]]
    centroids = [{"aid": 0.6, "grain": 0.8}, {"aid": 0.6, "energy": 0.8}, {"aid": 1.0}]
    holding = {"aid": {0, 1, 2}, "grain": {0}, "energy": {1}}
    expected = reference_merge(copy.deepcopy(clusters), copy.deepcopy(centroids), 2)
    merged = topics._merge_small(clusters, centroids, holding, 2)
    assert merged == expected
    assert merged[0] == [[0, 2], [1]]
