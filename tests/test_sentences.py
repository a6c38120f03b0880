"""sentences: abbreviation-safe splitting with exact character offsets."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen.sentences import split_paragraphs, split_sentences

SETTINGS = settings(max_examples=100, deadline=None)


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Gen. Smith met the minister. They talked.",
     ["Gen. Smith met the minister.", "They talked."]),
    ("Maj. Gen. Miguel Correa attended. The talks ended.",
     ["Maj. Gen. Miguel Correa attended.", "The talks ended."]),
    ("Amb. Norland spoke first. He then left.",
     ["Amb. Norland spoke first.", "He then left."]),
    ("Dep. Sec. Wooster joined the call. The meeting ended.",
     ["Dep. Sec. Wooster joined the call.", "The meeting ended."]),
    ("The U.S. Ambassador to Libya, Richard Norland, attended. He spoke.",
     ["The U.S. Ambassador to Libya, Richard Norland, attended.", "He spoke."]),
    ("He works for the U.S. Department of State.",
     ["He works for the U.S. Department of State."]),
    ("The U.N. Secretary-General spoke. The delegates listened.",
     ["The U.N. Secretary-General spoke.", "The delegates listened."]),
    ("The meeting was held at the U.N. The delegates listened.",
     ["The meeting was held at the U.N.", "The delegates listened."]),
    ("Secretary Antony J. Blinken met the minister. They discussed trade.",
     ["Secretary Antony J. Blinken met the minister.", "They discussed trade."]),
    ("The meeting took place in Washington, D.C. The next meeting is in Paris.",
     ["The meeting took place in Washington, D.C.", "The next meeting is in Paris."]),
    ("The call ended at 5 p.m. The next call is on Friday.",
     ["The call ended at 5 p.m.", "The next call is on Friday."]),
    ("Dr. Jane Smith spoke. She left.", ["Dr. Jane Smith spoke.", "She left."]),
    ("Mr. and Mrs. Smith arrived. Prof. Jones did not.",
     ["Mr. and Mrs. Smith arrived.", "Prof. Jones did not."]),
    ("Sales rose. Costs fell! Did profits rise? Yes.",
     ["Sales rose.", "Costs fell!", "Did profits rise?", "Yes."]),
    # Dotted honorifics before a name, as foreign ministries write them.
    ("On 2 May, H.E. Mr. Kofi Mensah received the envoy. They spoke.",
     ["On 2 May, H.E. Mr. Kofi Mensah received the envoy.", "They spoke."]),
    ("The ministers will be received by President H.E. Anna Berg. The talks follow.",
     ["The ministers will be received by President H.E. Anna Berg.", "The talks follow."]),
    ("The Chair thanked H. E. Ms. Lena Ortiz for her visit. She left.",
     ["The Chair thanked H. E. Ms. Lena Ortiz for her visit.", "She left."]),
    ("He met S.G. Tamura in Geneva. No. 4 was adopted.",
     ["He met S.G. Tamura in Geneva.", "No. 4 was adopted."]),
])
def test_abbreviation_safe_splitting(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ('"We will act," he said. "We must." The minister agreed.',
     ['"We will act," he said.', '"We must."', "The minister agreed."]),
    ("He said “we agree.” The talks ended.", ["He said “we agree.”", "The talks ended."]),
    ("The sides met (in Geneva.) They agreed.", ["The sides met (in Geneva.)", "They agreed."]),
])
def test_quotes_and_brackets_end_sentences_with_them(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_wrapped_lines_are_joined_into_one_sentence() -> None:
    text = "The ministers discussed\ntrade, energy and\nsecurity. They agreed."
    assert sentences(text) == ["The ministers discussed\ntrade, energy and\nsecurity.",
                               "They agreed."]


def test_a_line_ending_in_punctuation_ends_a_sentence() -> None:
    text = "The sides met:\nthe talks were frank.\nNext steps were agreed"
    assert sentences(text) == ["The sides met:", "the talks were frank.",
                               "Next steps were agreed"]


def test_list_items_are_separate_sentences() -> None:
    text = ("The sides agreed:\n- to meet again\n- to exchange experts\n"
            "1. The first point. It has two sentences.\n2) the second point\n• a third")
    assert sentences(text) == [
        "The sides agreed:", "- to meet again", "- to exchange experts",
        "1. The first point.", "It has two sentences.", "2) the second point", "• a third"]


def test_a_bracketed_number_starts_an_item() -> None:
    text = "(1) The sides agreed to meet.\n(2) They signed the accord."
    assert sentences(text) == ["(1) The sides agreed to meet.", "(2) They signed the accord."]


def test_a_numbered_item_keeps_its_number() -> None:
    # Regression: "1. Numbered item" used to split into "1." and "Numbered item".
    assert sentences("1. Numbered item\n12. Another Item") == ["1. Numbered item",
                                                               "12. Another Item"]


def test_a_sentence_ending_in_a_number_still_ends() -> None:
    assert sentences("They met in 2020. The talks resumed.") == ["They met in 2020.",
                                                                  "The talks resumed."]


def test_offsets_of_a_range_are_absolute() -> None:
    text = "Skip this. First. Second."
    start = text.index("First")
    spans = list(split_sentences(text, start, len(text)))
    assert [text[s:e] for s, e in spans] == ["First.", "Second."]
    assert spans[0][0] == start


def test_paragraphs_are_split_at_blank_lines_and_trimmed() -> None:
    text = "  One. Two.\n\n\n Three\nstill three.  \n \t\nFour."
    spans = list(split_paragraphs(text))
    assert [text[s:e] for s, e in spans] == ["One. Two.", "Three\nstill three.", "Four."]


# --------------------------------------------------------------------------- properties

PIECES = st.sampled_from([
    "a", "b", "A", "B", " ", "  ", "\n", "\n\n", "\t", ".", "!", "?", "…", '"', "'", "”", "“",
    ")", "(", "[", "]", "1", "12.", "- ", "• ", "U.S.", "Gen.", "J.", "p.m.", "D.C.", "Dr.",
    "The", "é", "Ж", "\u00a0", "\u2028",
])
TEXTS = st.one_of(st.text(), st.lists(PIECES, max_size=40).map("".join))


def check_spans(text: str, spans: list[tuple[int, int]], lo: int, hi: int) -> None:
    previous_end = lo
    for start, end in spans:
        assert previous_end <= start < end <= hi  # within bounds, increasing, no overlap
        chunk = text[start:end]
        assert chunk.strip()
        assert chunk == chunk.strip()


@SETTINGS
@given(TEXTS)
def test_sentence_offsets_are_in_bounds_increasing_and_trimmed(text: str) -> None:
    spans = list(split_sentences(text))
    check_spans(text, spans, 0, len(text))
    # Nothing but whitespace is left out of the sentences.
    covered = set()
    for start, end in spans:
        covered.update(range(start, end))
    assert all(ch.isspace() for i, ch in enumerate(text) if i not in covered)


@SETTINGS
@given(TEXTS)
def test_sentences_of_each_paragraph_stay_inside_it(text: str) -> None:
    paragraphs = list(split_paragraphs(text))
    check_spans(text, paragraphs, 0, len(text))
    for start, end in paragraphs:
        check_spans(text, list(split_sentences(text, start, end)), start, end)
