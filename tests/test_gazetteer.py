"""Tests for the country and organisation gazetteer."""

from __future__ import annotations

import dataclasses

import pytest

from briefgen.extract import gazetteer
from briefgen.extract.gazetteer import (
    BUILTIN_GLOSSARY,
    COUNTRIES,
    ORGANIZATIONS,
    Entry,
    find_mentions,
    lookup,
    normalize_key,
)

RSQ = "\u2019"  # right single quotation mark, the apostrophe of most published readouts


def mentions(text: str) -> list[tuple[str, str]]:
    return [(text[s:e], entry.canonical) for s, e, entry in find_mentions(text)]


# --------------------------------------------------------------------------- normalize_key


@pytest.mark.parametrize(("text", "key"), [
    ("U.S.", "us"),
    ("the United States", "united states"),
    ("The  United\nStates", "united states"),
    (f"People{RSQ}s Republic of China", "people's republic of china"),
    ("People's Republic of China", "people's republic of china"),
    ("Türkiye", "turkiye"),
    (f"Côte d{RSQ}Ivoire", "cote d'ivoire"),
    ("U.S.A.", "usa"),
])
def test_normalize_key(text: str, key: str) -> None:
    assert normalize_key(text) == key


# --------------------------------------------------------------------------- lookup


@pytest.mark.parametrize(("text", "canonical"), [
    # canonical, official and short names
    ("United States", "United States"),
    ("United States of America", "United States"),
    ("the United States", "United States"),
    ("People's Republic of China", "China"),
    (f"People{RSQ}s Republic of China", "China"),
    ("Republic of Korea", "South Korea"),
    ("Democratic People's Republic of Korea", "North Korea"),
    ("Myanmar", "Burma"),
    ("Czech Republic", "Czechia"),
    ("Turkey", "Türkiye"),
    ("Turkiye", "Türkiye"),
    ("Cote d'Ivoire", "Côte d'Ivoire"),
    (f"Côte d{RSQ}Ivoire", "Côte d'Ivoire"),
    ("Ivory Coast", "Côte d'Ivoire"),
    ("the Gambia", "The Gambia"),
    ("Holy See", "Holy See"),
    ("Vatican", "Holy See"),
    ("Palestinian Authority", "Palestine"),
    ("Hong Kong SAR", "Hong Kong"),
    ("Western Sahara", "Western Sahara"),
    ("Kosovo", "Kosovo"),
    # abbreviations with and without dots
    ("U.S.", "United States"),
    ("US", "United States"),
    ("USA", "United States"),
    ("U.S.A.", "United States"),
    ("UK", "United Kingdom"),
    ("U.K.", "United Kingdom"),
    ("PRC", "China"),
    ("DPRK", "North Korea"),
    ("ROK", "South Korea"),
    ("UAE", "United Arab Emirates"),
    ("DRC", "Democratic Republic of the Congo"),
    ("KSA", "Saudi Arabia"),
    # demonyms, plural demonyms and possessives
    ("American", "United States"),
    ("Americans", "United States"),
    ("Estonian", "Estonia"),
    ("Costa Rican", "Costa Rica"),
    ("Dominican", "Dominican Republic"),
    ("Panamanian", "Panama"),
    ("Japanese", "Japan"),
    ("South Korean", "South Korea"),
    ("North Korean", "North Korea"),
    ("Filipinos", "Philippines"),
    ("Libyans", "Libya"),
    (f"Japan{RSQ}s", "Japan"),
    ("Japan's", "Japan"),
    (f"Philippines{RSQ}", "Philippines"),
    (f"U.S.{RSQ}s", "United States"),
    # capitals and government metonyms
    ("Washington", "United States"),
    ("Beijing", "China"),
    ("Moscow", "Russia"),
    ("Kyiv", "Ukraine"),
    ("Tokyo", "Japan"),
    ("Seoul", "South Korea"),
    ("Pyongyang", "North Korea"),
    ("Tehran", "Iran"),
    ("London", "United Kingdom"),
    ("Paris", "France"),
    ("Berlin", "Germany"),
    ("Ottawa", "Canada"),
    ("Mexico City", "Mexico"),
    ("New Delhi", "India"),
    ("Canberra", "Australia"),
    ("White House", "United States"),
    ("State Department", "United States"),
    ("Department of State", "United States"),
    ("U.S. Government", "United States"),
    ("USG", "United States"),
    ("USAID", "United States"),
    ("Pentagon", "United States"),
    ("Kremlin", "Russia"),
])
def test_lookup_countries(text: str, canonical: str) -> None:
    entry = lookup(text)
    assert entry is not None, text
    assert entry.canonical == canonical
    assert entry.kind == "country"


@pytest.mark.parametrize(("text", "canonical"), [
    ("United Nations", "United Nations"),
    ("UN", "United Nations"),
    ("U.N.", "United Nations"),
    ("UNSC", "UN Security Council"),
    ("U.N. Security Council", "UN Security Council"),
    ("NATO", "NATO"),
    ("North Atlantic Treaty Organization", "NATO"),
    ("EU", "European Union"),
    ("E.U.", "European Union"),
    ("European Commission", "European Commission"),
    ("European Council", "European Council"),
    ("ASEAN", "ASEAN"),
    ("AU", "African Union"),
    ("OAS", "Organization of American States"),
    ("G7", "G7"),
    ("G-7", "G7"),
    ("Group of Twenty", "G20"),
    ("the Quad", "Quad"),
    ("League of Arab States", "Arab League"),
    ("GCC", "Gulf Cooperation Council"),
    ("Organization for Security and Co-operation in Europe", "OSCE"),
    ("IAEA", "IAEA"),
    ("WHO", "World Health Organization"),
    ("World Bank", "World Bank"),
    ("IMF", "International Monetary Fund"),
    ("WTO", "World Trade Organization"),
    ("OECD", "OECD"),
    ("ECOWAS", "ECOWAS"),
    ("SADC", "SADC"),
    ("IGAD", "IGAD"),
    ("CARICOM", "CARICOM"),
    ("Pacific Islands Forum", "Pacific Islands Forum"),
    ("BRICS", "BRICS"),
    ("SCO", "Shanghai Cooperation Organisation"),
    ("ICC", "International Criminal Court"),
    ("ICJ", "International Court of Justice"),
    ("UNHCR", "UNHCR"),
    ("WFP", "World Food Programme"),
    (f"United Nations Children{RSQ}s Fund", "UNICEF"),
    ("IOM", "International Organization for Migration"),
])
def test_lookup_organizations(text: str, canonical: str) -> None:
    entry = lookup(text)
    assert entry is not None, text
    assert entry.canonical == canonical
    assert entry.kind == "organization"


@pytest.mark.parametrize("text", ["Korean", "Congo", "Congolese", "European", "African",
                                  "Koreas", "Americas", "Secretary", ""])
def test_lookup_ambiguous_or_unknown_is_none(text: str) -> None:
    assert lookup(text) is None


def test_entry_is_frozen_and_slotted() -> None:
    entry = lookup("Japan")
    assert isinstance(entry, Entry)
    assert not hasattr(entry, "__dict__")
    with pytest.raises(dataclasses.FrozenInstanceError):
        entry.canonical = "Nippon"  # type: ignore[misc]
    assert "Japanese" in entry.demonyms
    assert "Tokyo" in entry.metonyms


# --------------------------------------------------------------------------- tables


def test_tables_are_complete_and_unique() -> None:
    countries = {e.canonical for e in COUNTRIES}
    assert len(countries) == len(COUNTRIES) >= 193 + 2
    assert {e.kind for e in COUNTRIES} == {"country"}
    assert {e.kind for e in ORGANIZATIONS} == {"organization"}
    for name in ("Taiwan", "Palestine", "Kosovo", "Holy See", "Hong Kong", "Western Sahara",
                 "Burma", "Eswatini", "Timor-Leste", "Cabo Verde", "South Sudan"):
        assert name in countries
    # every listed surface form resolves back to its own entry
    for entry in gazetteer.ENTRIES:
        for name in entry.names():
            assert lookup(name) is entry, name


def test_builtin_glossary() -> None:
    for short in ("UN", "NATO", "ASEAN", "EU", "DPRK", "PRC", "ROK", "UNSC", "G7", "G20", "IAEA",
                  "WHO", "OAS", "AU", "GCC", "OSCE", "ICC", "UNGA", "ICBM", "WMD", "FTA", "MOU",
                  "SSR", "DDR", "NSC", "DoD", "USAID", "COVID-19", "UAE", "UK"):
        assert BUILTIN_GLOSSARY[short]
    assert BUILTIN_GLOSSARY["DPRK"] == "Democratic People's Republic of Korea"


# --------------------------------------------------------------------------- find_mentions


def test_trilateral_title() -> None:
    assert mentions("The U.S.-Japan-Republic of Korea Trilateral") == [
        ("U.S.", "United States"), ("Japan", "Japan"), ("Republic of Korea", "South Korea")]


def test_demonym_before_title() -> None:
    assert mentions("Estonian Foreign Minister Urmas Reinsalu") == [("Estonian", "Estonia")]


def test_us_only_in_capitals() -> None:
    assert mentions("talk to us about the US position") == [("US", "United States")]
    assert mentions("Us and them") == []


def test_wordlike_abbreviation_in_shouted_text() -> None:
    assert mentions("PLEASE TALK TO US") == []
    assert mentions("WHO Director-General Tedros") == [("WHO", "World Health Organization")]
    assert mentions("US-ROK alliance") == [("US", "United States"), ("ROK", "South Korea")]


def test_korean_peninsula_is_not_a_party() -> None:
    assert mentions("the Korean Peninsula") == []
    assert mentions("the two Koreas") == []


def test_official_name_then_abbreviation() -> None:
    text = f"People{RSQ}s Republic of China (PRC)"
    assert mentions(text) == [(f"People{RSQ}s Republic of China", "China"), ("PRC", "China")]


def test_longest_match_wins() -> None:
    assert mentions("the United States of America") == [
        ("United States of America", "United States")]
    assert mentions("the Democratic People's Republic of Korea") == [
        ("Democratic People's Republic of Korea", "North Korea")]
    assert mentions("Papua New Guinea, Guinea-Bissau and Guinea") == [
        ("Papua New Guinea", "Papua New Guinea"), ("Guinea-Bissau", "Guinea-Bissau"),
        ("Guinea", "Guinea")]
    assert mentions("the U.N. Security Council") == [
        ("U.N. Security Council", "UN Security Council")]


def test_offsets_and_possessives() -> None:
    text = f"Japan{RSQ}s envoy met Americans in Seoul."
    found = find_mentions(text)
    starts = [0, text.index("Americans"), text.index("Seoul")]
    assert [(s, e) for s, e, _ in found] == [(0, 5), (starts[1], starts[1] + 9),
                                             (starts[2], starts[2] + 5)]
    assert [entry.canonical for *_, entry in found] == ["Japan", "United States", "South Korea"]


def test_accents_case_and_line_breaks() -> None:
    assert mentions(f"Türkiye, Turkiye and CÔTE D{RSQ}IVOIRE") == [
        ("Türkiye", "Türkiye"), ("Turkiye", "Türkiye"), (f"CÔTE D{RSQ}IVOIRE", "Côte d'Ivoire")]
    assert mentions("JOINT STATEMENT OF THE UNITED\nSTATES AND JAPAN") == [
        ("UNITED\nSTATES", "United States"), ("JAPAN", "Japan")]
    assert mentions("a china cup and a turkey dinner") == []


def test_places_and_treaties_are_not_parties() -> None:
    assert mentions("the South China Sea and the Taiwan Strait") == []
    assert mentions("the Paris Agreement and the Indian Ocean") == []
    assert mentions("Latin American and Central American leaders") == []
    assert mentions("the National Security Council") == []


def test_no_mentions_in_plain_text() -> None:
    assert find_mentions("") == []
    assert find_mentions("nothing to see here") == []
