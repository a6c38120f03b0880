"""Word lists and small text tests for people: offices, ranks, honorifics, name particles."""

from __future__ import annotations

import functools
import re

from briefgen.extract import gazetteer

# Office nouns: a title names an office when it holds one of these.
OFFICE_WORDS = frozenset(
    "secretary minister president vice-president president-elect premier chancellor ambassador "
    "advisor adviser director director-general representative envoy commissioner chair chairman "
    "chairwoman chairperson co-chair governor senator congressman congresswoman administrator "
    "counselor counsellor spokesperson spokesman head chief commander king queen prince "
    "princess emir sultan mayor coordinator attorney general leader delegate officer consul "
    "chargé charge speaker undersecretary under-secretary czar adviser ministers secretaries "
    "presidents members member deputy assistant principal executive lead negotiator "
    "ambassador-at-large councillor councilor judge justice governor-general".split())


# Words that occur inside titles ("Assistant Secretary for Western Hemisphere Affairs").
TITLE_WORDS = OFFICE_WORDS | frozenset(
    "special senior deputy assistant associate acting interim first second vice under foreign "
    "national security defense defence state affairs international global economic political "
    "military public homeland energy interior trade commerce treasury health justice labor "
    "labour education agriculture transportation environment climate human rights religious "
    "freedom enforcement narcotics law management resources development relations operations "
    "policy programs planning affairs cooperation diplomacy democracy peace council command "
    "department ministry office bureau agency administration assembly parliament house senate "
    "congress embassy mission cabinet staff intelligence counterterrorism nonproliferation arms "
    "control consular migration refugees population hemisphere western eastern asian african "
    "european pacific oceanian near south north central east west high crown-indigenous "
    "indigenous women issues civilian apparatus general at large of for the and to on in "
    "multilateral bilateral strategic communications information cyber science technology "
    "research innovation finance financial monetary sanctions terrorism counter crisis emergency "
    "humanitarian assistance aid reconstruction recovery maritime space aviation army navy "
    "air force marine guard staff joint chiefs national-security legal legislative "
    "ministerial presidential royal federal provincial regional local chief's nsa fm pm dpm "
    "srsg sg dg hrvp".split())


RANKS = (
    "Field Marshal", "Air Chief Marshal", "Air Marshal", "Lieutenant General", "Major General",
    "Brigadier General", "Vice Admiral", "Rear Admiral", "Lieutenant Colonel", "Lt. Gen.",
    "Maj. Gen.", "Brig. Gen.", "Lt. Col.", "Vice Adm.", "Rear Adm.", "General", "Gen.",
    "Admiral", "Adm.", "Colonel", "Col.", "Brigadier", "Commodore", "Captain", "Capt.", "Marshal",
    "His Excellency", "Her Excellency", "H.E.", "The Honorable", "The Honourable", "Honorable",
    "Honourable", "Hon.", "Dr.", "Dr", "Professor", "Prof.", "Sheikh", "Sheikha", "Sayyid",
    "Sayyida", "Sir", "Dame",
    "His Majesty", "Her Majesty", "His Royal Highness", "Her Royal Highness", "His Highness",
    "Her Highness", "Ambassador", "Amb.",
)


HONORIFIC_WORDS = frozenset({"his", "her", "majesty", "highness", "excellency", "royal",
                             "honorable", "honourable", "sheikh", "sheikha", "sayyid"})


NAME_SUFFIX = re.compile(r",?\s+(?:Jr\.|Sr\.|II|III|IV)(?=[\s,.;:)]|$)")


# Forms of address that are no rank (Mr., and their equivalents in South Asia and West Africa).
PLAIN_HONORIFICS = ("Mr.", "Ms.", "Mrs.", "Mr", "Ms", "Mrs", "Mx.", "Madam", "Miss", "Shri",
                    "Smt.", "Shrimati", "Mallam", "Alhaji", "Hajiya")


NAME_PARTICLES = frozenset("al el de da das do dos del della der di du la le van von bin ibn "
                           "bint ben abu abd y e st".split())


# Tokens that NER sometimes tags PERSON but that are never a person's name.
NOT_NAME_TOKENS = frozenset({"covid-19", "covid", "gavi", "state", "council", "ministry"})


RANK_PATTERN = re.compile(
    r"(?:(?<=^)|(?<=[\s,;(]))("
    + "|".join(re.escape(r) for r in sorted(RANKS, key=len, reverse=True))
    + r")\s+$", re.I)


HONORIFIC_PATTERN = re.compile(
    r"(?:(?<=^)|(?<=\s))(" + "|".join(re.escape(h) for h in PLAIN_HONORIFICS) + r")\s+$")


#: Capital letters of Latin Extended-A and -B ("Š", "Č", "Ž", "Ł"), which "A-Z" and the
#: Latin-1 range miss.
EXTENDED_CAPITALS = "".join(c for c in map(chr, range(0x100, 0x250)) if c.isupper())
CAPITALISED = re.compile(rf"^[A-ZÀ-ÖØ-Þ{EXTENDED_CAPITALS}\u0370-\u03ff\u0400-\u04ff]")


POSSESSIVE = re.compile(r"[’']s?$")


@functools.lru_cache(maxsize=8192)
def surname_of(name: str) -> str:
    """The family name to match later mentions on: the last word before "Jr." or "II"."""
    words = [w for w in NAME_SUFFIX.sub("", name).split() if w]
    return words[-1] if words else name


# A surname with its particle joined on: "al-Busaidi", "bin-Salman", "van-Dijk".
PARTICLE_PREFIX = re.compile(r"^(?:al|el|ad|ar|as|at|ash|bin|ibn|abu|de|di|da|van|von)-[A-ZÀ-Þ]")
NOT_NAME_WORDS = frozenset({"dialogue", "summit", "council", "strategic", "partnership",
                            "agreement", "initiative", "forum", "conference", "strategy", "accords",
                            "program", "fund", "alliance", "declaration", "statement", "act"})


ORG_SUFFIX = re.compile(r"\s+of\s+(?:the\s+)?((?:[A-Z][\w’'.-]*|of|the|for|and|in)"
                        r"(?:\s+(?:[A-Z][\w’'.-]*|of|the|for|and|in))*)")


ORG_MARK = "\x00"  # marks a title that is an organisation following "of" ("of the U.S. Embassy")


LEADING_RANK = re.compile(
    r"^(?:(?:The\s+)?(?:Honorable|Honourable)|H\.E\.|(?:His|Her) (?:Excellency|Majesty|Highness|"
    r"Royal Highness)|Dr\.?)\s+")


ORG_AFTER_DEMONYM = re.compile(
    r"((?:[A-Z][\w-]*\s+)*?(?:Army|Forces|Front|Movement|Party|Authority|Guard|Coalition|"
    r"Alliance|Militia|Brigades?))\b")


EU_OFFICE = re.compile(r"^European\s+(?:[A-Z]\w+\s+)*(?:Commissioner|Commission|Parliament|"
                       r"Council)\b")


TRAILING_CONNECTOR = re.compile(r"(?:\s|^)(?:the|of|for|and|to)\s*$", re.I)


def has_office(chunk: str) -> bool:
    """Tell whether a phrase names an office ("Commander-in-Chief" counts as "commander")."""
    return any(part in OFFICE_WORDS for w in chunk.split()
               for part in w.strip(",().").lower().split("-"))


def is_org_name(chunk: str) -> bool:
    return bool(re.search(r"\b(?:Ministry|Department|Embassy|Office|Council|Agency|Bureau|"
                          r"Commission|Institute|Mission)\b", chunk))


def country_in(text: str) -> str | None:
    found = gazetteer.find_mentions(text)
    return text[found[0][0]:found[0][1]] if found else None


def name_words(name: str) -> set[str]:
    """The words of a name as ``names_match`` compares them (case, dots and commas aside);
    two names that match always share one."""
    return set(name.lower().replace(".", "").replace(",", "").split())


@functools.lru_cache(maxsize=8192)
def names_match(a: str, b: str) -> bool:
    """Tell whether two written names can be the same person.

    Full names match when they share the family name and one's words hold the other's
    ("Antony J. Blinken" / "Antony Blinken"); a surname alone matches a fuller name holding it
    ("Arévalo" in "Bernardo Arévalo de León"), with East Asian order allowed for two-word names
    ("Kishida" in "Kishida Fumio").
    """
    ta, tb = name_words(a), name_words(b)
    if surname_of(a) == surname_of(b) and (ta <= tb or tb <= ta):
        return True
    for short, full in ((a, b), (b, a)):
        words = full.split()
        if len(short.split()) == 1 and len(words) >= 2 and (
                short in words[1:] or (len(words) == 2 and short == words[0])):
            return True
    return False
