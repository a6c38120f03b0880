"""render.economy: each sentence printed once, and every memo within its page and word budget."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from builders import LNA, US, make_brief, ref

from briefgen.model import JOINT, Brief, KeyPoint, Position, SourceInfo
from briefgen.render import MemoOptions, render_document
from briefgen.render.economy import (
    PAGE_LINES,
    Budget,
    candidates,
    count_words,
    estimate_lines,
    memo_pages,
    ranked,
)

OPTIONS = MemoOptions(date=dt.date(2020, 7, 1))
TEMPLATES = ("memo", "one-pager", "readout", "memcon")


def sentence(n: int, party: str = "x") -> str:
    """An invented sentence of some twenty words, different for each ``n``."""
    return (f"The delegation of {party} stated point number {n} about the cooperation on "
            f"regional matters and the follow-up steps agreed for item {n}.")


def long_brief(count: int, words: int | None) -> Brief:
    """A Brief with ``count`` positions per side and as many key points, from a source of
    ``words`` words."""
    positions = tuple(Position(party, "stated", s[s.index("stated"):], s, ref(n + 1, n))
                      for n in range(count) for party, s in
                      ((US, sentence(n, "US")), (LNA, sentence(n + 1000, "LNA"))))
    points = tuple(KeyPoint(sentence(n + 5000), sentence(n + 5000), ref(n + 1, n + 5000))
                   for n in range(count))
    base = make_brief()
    source = dataclasses.replace(base.sources[0], words=words)
    return make_brief(positions=positions, key_points=points, sources=(source,))


def test_memo_pages_by_source_length() -> None:
    assert [memo_pages(w) for w in (120, 500, 501, 1500, 1501, 9000)] == [1, 1, 2, 2, 3, 3]
    assert memo_pages(None) == 2  # a Brief file without the count: two pages at most


def test_word_budget_only_from_300_words() -> None:
    assert Budget.of("memo", 299).words is None
    assert Budget.of("memo", 300).words == 240
    assert Budget.of("one-pager", 2000).lines == Budget.of("one-pager", 200).lines
    assert Budget.of("mine.md.j2", 400) == Budget.of("memo", 400)  # a user template: the memo's


def test_no_position_repeats_the_bottom_line_and_no_key_point_a_position() -> None:
    brief = make_brief()
    joint = brief.positions[0]
    stated = brief.positions[1]
    bottom = (KeyPoint(joint.sentence, joint.sentence, joint.source),)
    echo = KeyPoint(stated.sentence, stated.sentence, stated.source)  # a key point = a position
    pools = candidates(make_brief(bottom_line=bottom,
                                  key_points=(*brief.key_points, echo)).to_dict())
    assert [p["sentence"] for p in pools["bottom_line"]] == [joint.sentence]
    assert joint.sentence not in [p["sentence"] for p in pools["positions"]]
    assert stated.sentence in [p["sentence"] for p in pools["positions"]]
    assert stated.sentence not in [k["sentence"] for k in pools["key_points"]]


def test_a_sentence_stated_for_two_parties_is_printed_under_the_first() -> None:
    text = "Both sides and the U.S. delegation reaffirmed the road map."
    positions = (Position(LNA, "reaffirmed", "x", text, ref(2, 3)),
                 Position(JOINT, "reaffirmed", "x", text, ref(2, 3)),
                 Position(US, "reaffirmed", "x", text, ref(2, 3)))
    pools = candidates(make_brief(positions=positions).to_dict())
    assert [p["party"] for p in pools["positions"]] == [JOINT]


def test_ranking_keeps_each_party_and_a_key_point_before_the_rest() -> None:
    data = long_brief(4, None).to_dict()
    pools = candidates(data)
    order = ranked(data, pools)
    head = [(kind, pools[kind][i].get("party")) for kind, i in order[:3]]
    assert head[0][0] == "key_points"
    assert {party for kind, party in head[1:]} == {US, LNA}


@pytest.mark.parametrize("template", TEMPLATES)
def test_every_template_holds_its_budget_and_names_what_it_left_out(template: str) -> None:
    brief = long_brief(12, 420)  # one page, at most 336 words
    document = render_document(brief, OPTIONS, template)
    budget = Budget.of(template, 420)
    assert estimate_lines(document) <= budget.lines
    assert count_words(document) + 4 <= budget.words
    whole = " ".join(document.texts())
    printed = [p for p in brief.positions if p.sentence in whole or p.statement[1:] in whole]
    assert printed and len(printed) < len(brief.positions)
    for text in {p.sentence for p in brief.positions} | {k.sentence for k in brief.key_points}:
        assert whole.count(text) <= 1
    # The note names the paragraphs of what is not printed.
    note = " ".join(t for t in document.texts() if "¶" in t and ("Left out" in t
                                                                  or "Not printed" in t))
    missing = [p for p in brief.positions if p not in printed]
    assert all(f"[¶{p.source.paragraph}]" in note for p in missing)


def test_a_longer_source_gets_more_of_the_memo_and_the_one_pager_says_so() -> None:
    short, longer = long_brief(12, 420), long_brief(12, 1400)
    assert count_words(render_document(longer, OPTIONS)) > \
        count_words(render_document(short, OPTIONS))
    one_pager = render_document(longer, OPTIONS, "one-pager")
    assert estimate_lines(one_pager) <= PAGE_LINES
    note = " ".join(one_pager.texts())
    assert "The full memo (template memo) has" in note


def test_an_old_brief_without_bottom_line_or_word_count_prints_everything_once() -> None:
    brief = make_brief()
    data = brief.to_dict()
    del data["bottom_line"]
    for source in data["sources"]:
        del source["words"]
    old = Brief.from_dict(data)
    assert old.bottom_line == () and old.sources[0].words is None
    whole = " ".join(render_document(old, OPTIONS).texts())
    for position in brief.positions:
        assert whole.count(position.sentence) == 1


def test_several_sources_add_their_words() -> None:
    brief = make_brief()
    sources = (dataclasses.replace(brief.sources[0], words=400),
               SourceInfo("second.txt", "Second", "ab" * 32, words=900))
    data = make_brief(sources=sources).to_dict()
    from briefgen.render.economy import source_words

    assert source_words(data) == 1300
    data["sources"][1]["words"] = None
    assert source_words(data) is None
