"""clean: normalisation, boilerplate removal (listed, never silent), title detection."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen.clean import clean
from briefgen.errors import EmptyInputError
from briefgen.ingest import ingest
from briefgen.model import Source
from briefgen.xmlsafe import XML_ILLEGAL

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_0ff103b2e130dde9.txt"
BODY = ("Secretary Blinken met Foreign Minister Kuleba in Kyiv on Thursday. They discussed "
        "energy security and the reconstruction of damaged infrastructure.")
SETTINGS = settings(max_examples=100, deadline=None)


def source(text: str, title: str | None = None) -> Source:
    return Source(path="readout.txt", text=text, media_type="text/plain", sha256="0" * 64,
                  title=title)


# --------------------------------------------------------------------------- normalisation


def test_text_is_nfc() -> None:
    decomposed = "Cafe\u0301 talks in Zu\u0308rich."
    result = clean(source(decomposed))
    assert result.body == "Café talks in Zürich."
    assert unicodedata.is_normalized("NFC", result.body)


def test_accent_is_composed_after_a_zero_width_space_is_removed() -> None:
    # Found by the idempotence property: NFC used to run before zero-width characters left.
    result = clean(source("Fe\u200b\u0301vrier talks."))
    assert result.body == "Février talks."


def test_crlf_and_cr_become_lf() -> None:
    result = clean(source("First paragraph.\r\nStill first.\r\n\r\nSecond paragraph.\rEnd."))
    assert "\r" not in result.body
    assert result.body == "First paragraph.\nStill first.\n\nSecond paragraph.\nEnd."


def test_xml_illegal_control_characters_are_removed() -> None:
    controls = "".join(chr(c) for c in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F))
    result = clean(source(f"The sides{controls}met.\tThey\x00talked.\ud800"))
    assert not XML_ILLEGAL.search(result.body)
    assert result.body == "The sides met. They talked."


@pytest.mark.parametrize("space", ["\u00a0", "\u2002", "\u2009", "\u202f", "\u205f", "\u3000",
                                   " \u00a0 "])
def test_unicode_spaces_become_one_plain_space(space: str) -> None:
    assert clean(source(f"The{space}sides met.")).body == "The sides met."


@pytest.mark.parametrize("invisible", ["\u200b", "\u2060", "\ufeff"])
def test_zero_width_characters_are_removed(invisible: str) -> None:
    assert clean(source(f"The si{invisible}des met.")).body == "The sides met."


def test_blank_lines_with_spaces_separate_paragraphs() -> None:
    result = clean(source("One.  \n \t \n\n\n  Two."))
    assert result.body == "One.\n\nTwo."


# --------------------------------------------------------------------------- boilerplate


def test_seed_loses_its_syndication_disclaimer() -> None:
    result = clean(ingest(str(SEED)))
    assert result.title == "U.S.-LNA Discussion on Militia Demobilization"
    assert "Public Release" not in result.body
    assert "View in full here" not in result.body
    assert "Mirage.News" not in result.body
    assert result.body.endswith("General Kheiri Al Tamimi.")
    assert result.body.startswith("On July 1, the U.S. Government")
    assert len(result.body.split("\n\n")) == 4
    assert len(result.removed) == 1
    removed = result.removed[0]
    assert removed.text.startswith("/Public Release. This material from the originating")
    assert removed.text.endswith("View in full here.")
    assert removed.reason == "syndication disclaimer"


@pytest.mark.parametrize(("boilerplate", "reason"), [
    ("This article was originally published by the U.S. Department of State and is "
     "republished here with permission.", "syndication disclaimer"),
    ("Republished with permission of the Embassy of the United States in Kyiv.",
     "syndication disclaimer"),
    ("Disclaimer: The opinions expressed herein are solely those of the issuing government and "
     "do not necessarily reflect the views of Example Wire.", "disclaimer"),
    ("Example Wire does not take institutional positions and does not endorse the views of the "
     "organizations whose releases it carries.", "disclaimer"),
    ("Read more: U.S.-Ukraine Strategic Partnership Commission", "link text"),
    ("Read the full readout at state.gov.", "link text"),
    ("For more information, please contact the Office of Press Relations.", "contact line"),
    ("###", "end marker"),
    ("# # #", "end marker"),
    ("Office of the Spokesperson", "issuer line"),
    ("OFFICE OF THE SPOKESPERSON", "issuer line"),
    ("The below is attributable to Spokesperson Ned Price:", "attribution line"),
    ("The following is attributable to Spokesperson Matthew Miller:", "attribution line"),
])
def test_generic_boilerplate_paragraphs_are_removed_and_listed(boilerplate: str,
                                                               reason: str) -> None:
    text = f"{BODY}\n\n{boilerplate}\n\nThe ministers agreed to meet again in May."
    result = clean(source(text))
    assert result.body == f"{BODY}\n\nThe ministers agreed to meet again in May."
    assert [(r.text, r.reason) for r in result.removed] == [(boilerplate, reason)]


def test_a_press_release_frame_is_removed_around_the_readout() -> None:
    text = ("Office of the Spokesperson\n\n"
            "The below is attributable to Spokesperson Ned Price:\n\n"
            f"{BODY}\n\n"
            "Read more at state.gov.\n\n"
            "# # #")
    result = clean(source(text))
    assert result.body == BODY
    assert [r.reason for r in result.removed] == [
        "issuer line", "attribution line", "link text", "end marker"]


def test_a_trailing_disclaimer_is_cut_from_the_end_of_a_paragraph() -> None:
    text = (f"{BODY} /Public Release. This material from the originating organization might be "
            "of the point-in-time nature. View in full here.")
    result = clean(source(text))
    assert result.body == BODY
    assert result.removed[0].text.startswith("/Public Release.")


@pytest.mark.parametrize("paragraph", [
    "The views of the two delegations differed on the timing of sanctions relief.",
    "Both sides exchanged views on regional security and the positions of their allies.",
    "The Secretary said the opinions of civil society must be heard.",
    "Readout participants included the Deputy Secretary.",
])
def test_normal_paragraphs_with_boilerplate_words_are_kept(paragraph: str) -> None:
    result = clean(source(f"{BODY}\n\n{paragraph}"))
    assert result.body == f"{BODY}\n\n{paragraph}"
    assert result.removed == ()


def test_only_boilerplate_is_empty_input() -> None:
    text = "Office of the Spokesperson\n\nRead more at state.gov.\n\n###"
    with pytest.raises(EmptyInputError, match=r"holds only boilerplate \(3 passages removed\)"):
        clean(source(text))


@pytest.mark.parametrize("text", ["", "   ", "\u200b\u00a0\n\n\x00"])
def test_blank_text_is_empty_input(text: str) -> None:
    with pytest.raises(EmptyInputError):
        clean(source(text))


# --------------------------------------------------------------------------- title


def test_headline_first_line_becomes_the_title() -> None:
    result = clean(source(f"Secretary Blinken's Meeting with Ukrainian Foreign Minister Kuleba"
                          f"\n\n{BODY}"))
    assert result.title == "Secretary Blinken's Meeting with Ukrainian Foreign Minister Kuleba"
    assert result.body == BODY


@pytest.mark.parametrize("headline", [
    "Joint Statement on the U.S.-Ukraine Strategic Partnership Commission",
    "Readout of the Deputy Secretary's Call with the U.S.",
    '"We Stand with Ukraine," Secretary Says',
])
def test_headline_variants(headline: str) -> None:
    assert clean(source(f"{headline}\n\n{BODY}")).title == headline


def test_first_line_that_is_a_full_sentence_is_not_a_title() -> None:
    first = "Secretary Blinken spoke with Foreign Minister Kuleba today."
    result = clean(source(f"{first}\n\n{BODY}"))
    assert result.title is None
    assert result.body == f"{first}\n\n{BODY}"


def test_a_lone_headline_paragraph_stays_body() -> None:
    result = clean(source("Secretary Blinken's Meeting with Foreign Minister Kuleba"))
    assert result.title is None
    assert result.body == "Secretary Blinken's Meeting with Foreign Minister Kuleba"


def test_a_given_title_is_kept_and_no_paragraph_is_taken() -> None:
    result = clean(source(f"A Headline Here\n\n{BODY}", title="From the HTML title"))
    assert result.title == "From the HTML title"
    assert result.body == f"A Headline Here\n\n{BODY}"


def test_boilerplate_before_the_headline_does_not_hide_it() -> None:
    result = clean(source(f"Office of the Spokesperson\n\nReadout of a Call\n\n{BODY}"))
    assert result.title == "Readout of a Call"
    assert result.body == BODY


# --------------------------------------------------------------------------- properties

# Text that is likely to hit the cleaner's rules, besides arbitrary Unicode.
PIECES = st.sampled_from([
    "a", "B", " ", ".", "\n", "\n\n", "\r\n", "\t", "\x00", "\x0b", "\u200b", "\u00a0", "\u0301",
    "e", "#", "###", ":", "Read more", "Public Release.", "views expressed herein",
    "Office of the Spokesperson", "The below is attributable to X:", "U.S.",
])
TEXTS = st.one_of(st.text(), st.lists(PIECES, max_size=30).map("".join))


@SETTINGS
@given(TEXTS)
def test_clean_raises_nothing_but_empty_input(text: str) -> None:
    try:
        result = clean(source(text))
    except EmptyInputError:
        return
    assert result.body
    assert result.body == result.body.strip()
    assert not XML_ILLEGAL.search(result.body)
    assert "\r" not in result.body
    assert unicodedata.is_normalized("NFC", result.body)


@SETTINGS
@given(TEXTS)
def test_clean_is_idempotent_on_its_body(text: str) -> None:
    """Cleaning the body again changes nothing and removes nothing.

    Title detection is switched off for the second pass by giving a title: the first pass may
    leave a headline-like paragraph first in the body (it only takes one title), and that
    paragraph would be taken on a second pass. The next test states what happens then.
    """
    try:
        first = clean(source(text))
    except EmptyInputError:
        return
    again = clean(source(first.body, title="given"))
    assert again.body == first.body
    assert again.removed == ()


@SETTINGS
@given(TEXTS)
def test_recleaning_without_a_title_can_only_take_the_first_paragraph(text: str) -> None:
    try:
        first = clean(source(text))
    except EmptyInputError:
        return
    again = clean(source(first.body))
    assert again.removed == ()
    if again.title is None:
        assert again.body == first.body
    else:
        assert [again.title, *again.body.split("\n\n")] == first.body.split("\n\n")
