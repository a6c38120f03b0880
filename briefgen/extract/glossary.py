"""Collect abbreviations the text defines ("security sector reform (SSR)") plus common built-ins."""

from __future__ import annotations

import functools
import re

from briefgen.extract import gazetteer
from briefgen.extract.draft import Draft
from briefgen.model import GlossaryEntry
from briefgen.vocabulary.words import NAME_LINKING_WORDS

DEFINITION = re.compile(r"\(\s*[“\"]?([A-Za-z][\w&./-]{1,11})[”\"]?\s*\)")


def extract_glossary(draft: Draft) -> None:
    """Add each abbreviation defined in the text, then built-ins the text uses but never defines."""
    body = draft.analysis.body
    title = draft.title
    seen: dict[str, GlossaryEntry] = {}
    for text in (title, body):
        for m in DEFINITION.finditer(text):
            short = m.group(1)
            if not is_abbreviation(short) or short in seen:
                continue
            long_form = find_long_form(short, text[: m.start()])
            if long_form:
                seen[short] = GlossaryEntry(short, long_form, "document")
    text = f"{title}\n{body}"
    for short, expansion, pattern in _builtin_patterns():
        if short not in seen and pattern.search(text):
            seen[short] = GlossaryEntry(short, expansion, "builtin")
    draft.glossary = sorted(seen.values(), key=lambda g: g.term.lower())


@functools.cache
def _builtin_patterns() -> tuple[tuple[str, str, re.Pattern[str]], ...]:
    """The built-in abbreviations with their expansions and a whole-word pattern each."""
    return tuple((short, expansion, re.compile(rf"(?<![\w.-]){re.escape(short)}(?![\w-])"))
                 for short, expansion in gazetteer.BUILTIN_GLOSSARY.items())


def is_abbreviation(short: str) -> bool:
    """An abbreviation has at least two capitals and few lowercase letters ("SSR", "CoRe")."""
    capitals = sum(ch.isupper() for ch in short)
    return capitals >= 2 and len(short) <= 12 and capitals * 2 >= sum(ch.isalpha() for ch in short)


def find_long_form(short: str, before: str) -> str | None:
    """Return the words before "(SHORT)" that the abbreviation stands for.

    First try word initials ("disarmament, demobilization, and reintegration (DDR)"), then the
    Schwartz-Hearst letter match, which also handles "intercontinental ballistic missile (ICBM)".
    """
    letters = [ch.lower() for ch in short if ch.isalnum()]
    window = before.rstrip().split()
    window = window[-min(len(letters) + 5, len(letters) * 2):]
    if not window:
        return None
    by_initials = _match_initials(letters, window)
    if by_initials:
        return by_initials
    return _schwartz_hearst(letters, " ".join(window))


def _match_initials(letters: list[str], words: list[str]) -> str | None:
    """Match letters to word initials from the end ("security sector reform (SSR)"), letting
    small words count only when the abbreviation has a letter for them ("Republic of Korea
    (ROK)"), and starting inside a hyphenated word when needed ("United States-Republic...")."""
    for use_small_words in (False, True):
        found = _initials_from_end(letters, words, use_small_words)
        if found:
            return found
    return None


def _initials_from_end(letters: list[str], words: list[str], use_small_words: bool
                       ) -> str | None:
    parts = [(i, p) for i, w in enumerate(words) for p in re.split(r"(?<=[-/])", w)]
    need = list(letters)
    for k in range(len(parts) - 1, -1, -1):
        i, part = parts[k]
        bare = part.strip(",;:“”\"'-/")
        if not bare or not bare[0].isalnum():
            continue
        if bare.lower() in NAME_LINKING_WORDS and not use_small_words:
            continue
        if need[-1] != bare[0].lower():
            if bare.lower() in NAME_LINKING_WORDS:
                continue
            return None
        need.pop()
        if not need:
            head = "".join(p for j, p in parts[k:] if j == i)  # from the matched part on
            return _tidy(" ".join([head, *words[i + 1:]]))
    return None


def _schwartz_hearst(letters: list[str], long_form: str) -> str | None:
    s, lf = len(letters) - 1, long_form.lower()
    i = len(lf) - 1
    while s >= 0:
        c = letters[s]
        while i >= 0 and (lf[i] != c or (s == 0 and i > 0 and lf[i - 1].isalnum())):
            i -= 1
        if i < 0:
            return None
        i -= 1
        s -= 1
    start = long_form.rfind(" ", 0, i + 1) + 1
    result = _tidy(long_form[start:])
    return result if len(result.split()) >= 1 and len(result) > len(letters) else None


def _tidy(text: str) -> str:
    return text.strip(" ,;:“”\"'(").strip()
