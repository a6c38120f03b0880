"""The issuing side is read from the document, for any government or organisation: invented
sentences, one rule at a time (briefgen/extract/issuer.py)."""

from __future__ import annotations

import pytest
from builders import draft_until, make_analysis

from briefgen.extract import extract_brief, gazetteer
from briefgen.extract.issuer import find_issuer, office_qualifiers


def canonical(party: str | None) -> str | None:
    """The gazetteer's name of a party shown in the text's own spelling."""
    entry = gazetteer.lookup(party) if party else None
    return entry.canonical if entry else party

#: One sentence, the same in every release below; only who issued it differs.
SENTENCE = ("Ambassador Ellen Park met Foreign Minister Ana Souza of Brazil on Monday and "
            "stressed the importance of open trade between the two countries.")


@pytest.mark.parametrize(("header", "side"), [
    ("Ministry of Foreign Affairs of Japan", "Japan"),
    ("Government of Canada", "Canada"),
    ("Ministry of External Affairs, Government of India", "India"),
    ("North Atlantic Treaty Organization", "NATO"),
])
def test_the_same_sentence_takes_the_side_of_whoever_issued_it(header: str, side: str) -> None:
    brief = extract_brief(make_analysis(f"{header}\n\n{SENTENCE}", title="Meeting on trade"))
    parties = {a.name: canonical(a.party) for a in brief.attendees}
    assert parties["Ellen Park"] == side
    assert parties["Ana Souza"] == "Brazil"
    assert {canonical(p.party) for p in brief.positions} == {side}


def test_no_evidence_gives_no_side_and_never_a_default_country() -> None:
    brief = extract_brief(make_analysis(SENTENCE, title="Meeting on trade"))
    parties = {a.name: a.party for a in brief.attendees}
    assert parties["Ellen Park"] is None
    assert parties["Ana Souza"] == "Brazil"


def test_generic_offices_do_not_make_a_release_american() -> None:
    body = ("Ministry of Foreign Affairs of Kenya\n\nThe President met the Vice President of "
            "Ghana, Kwame Boateng, in Nairobi. The Under Secretary also attended.")
    assert find_issuer(draft_until(make_analysis(body), "extract_metadata")) == "Kenya"
    bare = "The President met the Vice President of Ghana, Kwame Boateng. They discussed trade."
    assert find_issuer(draft_until(make_analysis(bare), "extract_metadata")) != "United States"


@pytest.mark.parametrize(("title", "body", "side"), [
    # The first party of the title's compound.
    ("Norway-Chile Foreign Ministers' Telephone Talk",
     "On 3 May, the Foreign Minister held a telephone talk with his counterpart.", "Norway"),
    # The principal is written plainly, the guest with a country; the host is named beside
    # the guest.
    ("PM call with Chancellor Weber",
     "Prime Minister Mark Lowe spoke to the German Chancellor Anna Weber. The UK and Germany "
     "agreed to work together.", "United Kingdom"),
    # An office that names its organisation when written alone.
    ("Readout of the Secretary-General's meeting with the President of Peru",
     "The Secretary-General met the President of Peru, Luis Campos, in New York.",
     "United Nations"),
    # The host of a courtesy call: "a call on X by Y".
    ("Courtesy call on the Minister of Foreign Affairs of the Kingdom of Thailand by the "
     "Ambassador of Kenya", "On 2 May, the Ambassador of Kenya, Joy Otieno, paid a courtesy "
     "call.", "Thailand"),
    # "X received Y": the receiver's side.
    ("AUC Chairperson received UN Deputy Secretary-General Mary Osei",
     "The AU Commission Chairperson received the UN Deputy Secretary-General today.",
     "African Union"),
])
def test_each_kind_of_evidence_names_the_issuer(title: str, body: str, side: str) -> None:
    assert find_issuer(draft_until(make_analysis(body, title=title), "extract_metadata")) == side


@pytest.mark.parametrize(("text", "expected"), [
    ("Prime Minister Mark Lowe spoke to the German Chancellor Anna Weber.", [None, "Germany"]),
    ("Foreign Minister Kim Soo met Foreign Minister Ken Ito of Japan.", [None, "Japan"]),
    ("Minister of Foreign Affairs of Malaysia, Aziz Rahman, arrived.", ["Malaysia"]),
    ("Japan's Foreign Minister Ken Ito and his Danish counterpart spoke.", ["Japan", "Denmark"]),
    # "of" beyond the office's own words and its holder's name qualifies nothing.
    ("Minister of Foreign Affairs Sara Diaz led the first Chile-Peru dialogue.", [None]),
    ("Foreign Minister Kim Soo and Minister Ken Ito of Japan spoke.", [None, "Japan"]),
])
def test_office_qualifiers(text: str, expected: list[str | None]) -> None:
    assert office_qualifiers(text) == expected


def test_an_office_no_attendee_holds_speaks_for_the_issuer_and_he_follows() -> None:
    body = ("The Secretary-General met today with Luis Campos, President of Peru. The "
            "Secretary-General commended Peru for its progress on climate action. He stressed "
            "the need for more climate finance.")
    brief = extract_brief(make_analysis(body, title="Readout of the Secretary-General's "
                                                     "meeting with the President of Peru"))
    held = {p.sentence: canonical(p.party) for p in brief.positions}
    assert held["The Secretary-General commended Peru for its progress on climate action."] \
        == "United Nations"
    assert held["He stressed the need for more climate finance."] == "United Nations"
    assert "United Nations" in {canonical(p.name) for p in brief.parties}


def test_a_us_style_office_is_no_cue_of_the_home_side_in_another_issuers_release() -> None:
    body = ("Ministry of Foreign Affairs of Japan\n\nForeign Minister Ken Ito met with Under "
            "Secretary Jane Roe in Tokyo. The United States and Japan agreed to expand "
            "cooperation.")
    brief = extract_brief(make_analysis(body, title="Japan-U.S. Vice-Ministerial Talks"))
    parties = {a.name: canonical(a.party) for a in brief.attendees}
    assert parties == {"Ken Ito": "Japan", "Jane Roe": "United States"}


def test_a_country_beats_a_forum_mentioned_as_often() -> None:
    body = ("Foreign Minister Li Wen held talks with Secretary of State Ann Cole of US. Li Wen "
            "said the G20 summit in Hangzhou matters for China. The G20 and China will work "
            "with the US.")
    draft = draft_until(make_analysis(body, title="Li Wen Holds Talks with Ann Cole of US"),
                        "extract_metadata")
    assert canonical(find_issuer(draft)) == "China"


def test_two_countries_equally_likely_give_no_side() -> None:
    body = ("Foreign Minister Li Wen held a call with Foreign Minister Ann Cole of Peru. They "
            "spoke of Chile and of Japan.")
    draft = draft_until(make_analysis(body, title="Telephone call"), "extract_metadata")
    assert find_issuer(draft) is None
