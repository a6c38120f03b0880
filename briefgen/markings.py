"""Classification markings: the levels of banners and portion marks, and their checks.

Levels follow U.S. marking practice: U < CUI < C < S < TS. The banner's level is read from its
first "//" part ("CONFIDENTIAL//REL TO USA, GBR" is C); a portion mark's from the first part
inside its parentheses ("(S//NF)" is S). State's legacy SBU ranks with CUI.
"""

from __future__ import annotations

import re

from briefgen.errors import OptionError

LEVEL_NAMES = ("UNCLASSIFIED", "CUI", "CONFIDENTIAL", "SECRET", "TOP SECRET")
LEVEL_MARKS = ("U", "CUI", "C", "S", "TS")
DEFAULT_PORTION_MARK = "(U)"
#: The mark of text taken from the source: briefgen's inputs are published readouts and
#: releases, and text from a public source is unclassified.
DEFAULT_SOURCE_MARK = "(U)"
#: From this level on (CONFIDENTIAL) a memo is classified: every portion is marked and the
#: classification authority block is printed (E.O. 13526 sec. 1.6).
CLASSIFIED_LEVEL = 2

#: First "//" part of a banner -> level (index into LEVEL_NAMES).
BANNER_LEVELS: dict[str, int] = {
    "UNCLASSIFIED": 0, "U": 0,
    "CUI": 1, "CONTROLLED": 1, "CONTROLLED UNCLASSIFIED INFORMATION": 1,
    "SBU": 1, "SENSITIVE BUT UNCLASSIFIED": 1,
    "CONFIDENTIAL": 2, "C": 2,
    "SECRET": 3, "S": 3,
    "TOP SECRET": 4, "TS": 4,
}
#: First part of a portion mark (inside the parentheses) -> level.
MARK_LEVELS: dict[str, int] = {"U": 0, "CUI": 1, "SBU": 1, "C": 2, "S": 3, "TS": 4}

PORTION_MARK = re.compile(r"\A([A-Za-z]+)\s*((?://[^()]*)?)\Z")


def banner_level(banner: str) -> int:
    """Return the level (0 U .. 4 TS) of a banner line such as "SECRET//NOFORN".

    Raises:
        OptionError: the banner does not start with a known classification.
    """
    head = " ".join(banner.split("//", 1)[0].upper().split())
    if head not in BANNER_LEVELS:
        raise OptionError(
            f"unknown classification '{banner}'; start it with one of "
            f"{', '.join(LEVEL_NAMES)} (parts after '//' are free, e.g. "
            "'CONFIDENTIAL//REL TO USA, GBR')")
    return BANNER_LEVELS[head]


def normalize_portion_mark(mark: str) -> str:
    """Return a portion mark in its written form: "c" -> "(C)", "(s//nf)" -> "(S//NF)".

    Raises:
        OptionError: not a portion mark of a known level.
    """
    inner = mark.strip()
    if inner.startswith("(") and inner.endswith(")"):
        inner = inner[1:-1].strip()
    match = PORTION_MARK.match(inner)
    if not match or match.group(1).upper() not in MARK_LEVELS:
        raise OptionError(f"unknown portion mark '{mark}'; use one of "
                          f"{', '.join(f'({m})' for m in LEVEL_MARKS)}, optionally with "
                          "controls, e.g. '(C//REL TO USA, GBR)'")
    controls = match.group(2).upper().strip()
    return f"({match.group(1).upper()}{controls})"


def portion_level(mark: str) -> int:
    """Return the level (0 U .. 4 TS) of a portion mark such as "(S//NF)".

    Raises:
        OptionError: not a portion mark of a known level.
    """
    normalized = normalize_portion_mark(mark)
    return MARK_LEVELS[normalized[1:-1].split("//", 1)[0]]


def is_classified(banner: str | None) -> bool:
    """Say whether a banner is CONFIDENTIAL or above (an unknown one is no banner here).

    Raises:
        OptionError: the banner does not start with a known classification.
    """
    return bool(banner and banner.strip()) and banner_level(banner) >= CLASSIFIED_LEVEL


def resolve_banner(classification: str | None, portion_mark: str | None,
                   source_mark: str | None = None) -> str | None:
    """Return the banner to print, refusing one below the portion marks.

    Without a classification, portion marks imply the banner of their level ("(U)" ->
    "UNCLASSIFIED"): a marked document always carries a banner. ``source_mark`` (the mark
    of text taken from the source) counts with ``portion_mark``: the higher sets the level.

    Raises:
        OptionError: an unknown classification or mark, or a banner lower than the mark.
    """
    if classification is not None and not classification.strip():
        classification = None
    if portion_mark is not None and source_mark is not None and \
            portion_level(source_mark) > portion_level(portion_mark):
        portion_mark = source_mark
    if portion_mark is None:
        if classification is not None:
            banner_level(classification)
        return classification
    mark_level = portion_level(portion_mark)
    if classification is None:
        return LEVEL_NAMES[mark_level]
    level = banner_level(classification)
    if level < mark_level:
        named = "" if classification.strip().upper() == LEVEL_NAMES[level] else \
            f" ({LEVEL_NAMES[level]})"
        raise OptionError(
            f"classification '{classification}'{named} is lower than the portion mark "
            f"'{normalize_portion_mark(portion_mark)}' ({LEVEL_NAMES[mark_level]}); give a "
            f"--classification of at least {LEVEL_NAMES[mark_level]} or a lower --portion-mark")
    return classification
