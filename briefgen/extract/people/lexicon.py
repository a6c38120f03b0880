"""Small text tests for people's names, offices and ranks, and the patterns built from the
words of ``briefgen.vocabulary.people``."""

from __future__ import annotations

import functools
import re

from briefgen.extract import gazetteer
from briefgen.vocabulary.people import (
    OFFICE_WORDS,
    PLAIN_HONORIFICS,
    RANKS,
)

NAME_SUFFIX = re.compile(r",?\s+(?:Jr\.|Sr\.|II|III|IV)(?=[\s,.;:)]|$)")


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
