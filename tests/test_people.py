"""Rank, title and side written around a name: invented sentences, one rule at a time."""

from __future__ import annotations

from builders import make_analysis

from briefgen.extract.people import find_people


def people(sentence: str) -> list[tuple[str, str | None, str | None, str | None]]:
    analysis = make_analysis(sentence, title="Meeting")
    return [(m.name, m.rank, m.title, m.affiliation) for s in analysis.sentences
            for m in find_people(s)]


def test_a_style_before_a_plain_honorific_is_the_rank() -> None:
    found = people("On 2 May, H.E. Mr. Kofi Mensah, Minister of Trade, received the envoy.")
    assert ("Kofi Mensah", "H.E.", "Minister of Trade", None) in found


def test_a_verb_ends_what_stands_before_a_title() -> None:
    found = people("The Secretary-General met the President of Peru, Luis Campos, in Lima.")
    assert [(n, t, a) for n, _, t, a in found] == [("Luis Campos", "President", "Peru")]


def test_a_numbered_list_item_starts_a_new_person() -> None:
    found = people("The delegation included (1) H.E. Mr. Ali Hassan, Ambassador of Egypt, "
                   "(2) H.E. Mrs. Ruth Banda, Ambassador of Zambia, and others.")
    titles = {n: (r, t, a) for n, r, t, a in found}
    assert titles["Ruth Banda"] == ("H.E.", "Ambassador", "Zambia")
    assert titles["Ali Hassan"] == ("H.E.", "Ambassador", "Egypt")


def test_names_starting_with_a_latin_extended_capital_are_names() -> None:
    found = people("Foreign Minister Šarūnas Ždanavičius met the envoy in Vilnius.")
    assert ("Šarūnas Ždanavičius", None, "Foreign Minister", None) in found


def test_the_name_kept_for_a_person_is_the_one_without_styles() -> None:
    from briefgen.extract.attendees import given_words

    assert given_words("Dame Meg Taylor") == ["Meg", "Taylor"]
    assert given_words("HRVP Mogherini") == ["Mogherini"]
    assert given_words("KAMIKAWA Yoko") == ["KAMIKAWA", "Yoko"]
