"""Recognise which country or international organisation a name, demonym or capital refers to."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Literal

from briefgen.extract.gazetteer_data import (
    BLOCKED_PHRASES,
    BUILTIN_GLOSSARY,
    COUNTRY_ROWS,
    ORGANIZATION_ROWS,
)

__all__ = [
    "BLOCKED_PHRASES",
    "BUILTIN_GLOSSARY",
    "COUNTRIES",
    "ENTRIES",
    "ORGANIZATIONS",
    "Entry",
    "find_mentions",
    "lookup",
    "normalize_key",
]

Kind = Literal["country", "organization"]


@dataclass(frozen=True, slots=True)
class Entry:
    """One country or organisation and every surface form that names it.

    ``aliases`` are other names of the entity itself ("U.S.", "Republic of Korea");
    ``demonyms`` its adjectives ("American"); ``metonyms`` capitals, seats of government and
    agencies that stand for it ("Washington", "White House", "Kremlin").
    """

    canonical: str
    kind: Kind
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    metonyms: tuple[str, ...] = ()

    def names(self) -> tuple[str, ...]:
        """Every listed surface form: canonical name, aliases, demonyms and metonyms."""
        return (self.canonical, *self.aliases, *self.demonyms, *self.metonyms)


# --------------------------------------------------------------------------- normalisation

APOSTROPHES = "\u2019\u2018\u02bc`\u2032"
HYPHENS = "\u2010\u2011"
# Undotted all-caps words that are also English words: not mentions inside all-caps text.
WORDLIKE_ABBREVIATIONS = frozenset({"US", "WHO", "CAR", "NAM"})

_KEY_TABLE = str.maketrans({**dict.fromkeys(APOSTROPHES, "'"), **dict.fromkeys(HYPHENS, "-"),
                            ".": None})
_EDGE_PUNCT = " \t\r\n,;:!?()[]{}\"“”"


def _strip_accents(text: str) -> str:
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def normalize_key(text: str) -> str:
    """Return the lookup key of a name: casefolded, accents and dots dropped, one apostrophe.

    "U.S." -> "us", "the People's Republic of China" (either apostrophe) ->
    "people's republic of china", "Türkiye" -> "turkiye".
    """
    key = " ".join(_strip_accents(text).translate(_KEY_TABLE).casefold().split())
    key = key.strip(_EDGE_PUNCT)
    if key.startswith("the "):
        key = key[4:]
    return key


# --------------------------------------------------------------------------- tables


def _is_acronym_token(token: str) -> bool:
    bare = token.replace(".", "")
    letters = [ch for ch in bare if ch.isalpha()]
    if not letters:
        return False
    capitals = sum(ch.isupper() for ch in letters)
    return capitals >= 2 or (bare.isupper() and len(bare) <= 4)


def _is_case_sensitive(form: str) -> bool:
    """Forms with an abbreviation in them ("US", "U.N. Security Council", "DoD") keep their case."""
    return any(_is_acronym_token(token) for token in form.split())


def _spellings(form: str) -> set[str]:
    """A form with its dotted and undotted variants ("US" -> "U.S."; "St. Lucia" -> "St Lucia")."""
    if form[:4].lower() == "the ":
        form = form[4:]
    out = {form}
    if "." in form:
        out.add(form.replace(".", ""))
    tokens = form.split(" ")
    if any(t.isalpha() and t.isupper() and 2 <= len(t) <= 4 for t in tokens):
        out.add(" ".join(".".join(t) + "." if t.isalpha() and t.isupper() and 2 <= len(t) <= 4
                         else t for t in tokens))
    return out


def _plural(demonym: str) -> str | None:
    if demonym.endswith(("ese", "sh", "ch", "s", "x", "z", "y")):
        return None
    return demonym + "s"


def _parse(rows: str, kind: Kind) -> tuple[Entry, ...]:
    entries = []
    for line in re.sub(r"\n[ \t]+", "", rows).strip().splitlines():
        canonical, aliases, demonyms, metonyms = (field.strip() for field in line.split("|"))
        entries.append(Entry(canonical, kind, *(tuple(x for x in f.split(";") if x)
                                                for f in (aliases, demonyms, metonyms))))
    return tuple(entries)


COUNTRIES: tuple[Entry, ...] = _parse(COUNTRY_ROWS, "country")
ORGANIZATIONS: tuple[Entry, ...] = _parse(ORGANIZATION_ROWS, "organization")
ENTRIES: tuple[Entry, ...] = COUNTRIES + ORGANIZATIONS


def _surface_forms(entry: Entry) -> set[str]:
    forms: set[str] = set()
    for name in entry.names():
        forms |= _spellings(name)
    for demonym in entry.demonyms:
        plural = _plural(demonym)
        if plural:
            forms.add(plural)
    return forms


def _build_index() -> tuple[dict[str, Entry], dict[str, Entry | None], set[str], set[str]]:
    """Key index, mention index (None = blocked phrase) and the forms for each case mode."""
    keys: dict[str, Entry] = {}
    mentions: dict[str, Entry | None] = {}
    sensitive: set[str] = set()
    insensitive: set[str] = set()
    for entry in ENTRIES:
        for form in _surface_forms(entry):
            key = normalize_key(form)
            other = keys.setdefault(key, entry)
            if other is not entry:
                raise ValueError(f"gazetteer: {form!r} names both {other.canonical} "
                                 f"and {entry.canonical}")
            mentions[key] = entry
            (sensitive if _is_case_sensitive(form) else insensitive).add(form)
    for phrase in BLOCKED_PHRASES:
        key = normalize_key(phrase)
        if key in mentions:
            raise ValueError(f"gazetteer: blocked phrase {phrase!r} is also a name")
        mentions[key] = None
        insensitive.add(phrase)
    return keys, mentions, sensitive, insensitive


_KEYS, _MENTION_KEYS, _SENSITIVE_FORMS, _INSENSITIVE_FORMS = _build_index()


# --------------------------------------------------------------------------- lookup


def lookup(text: str) -> Entry | None:
    """Return the entry a whole name, alias, demonym or capital names, else None.

    Case-insensitive (use :func:`find_mentions` for running text), and tolerant of a
    possessive ("Japan's", curly or straight) and of plural demonyms ("Americans", "Filipinos").
    """
    key = normalize_key(text)
    entry = _KEYS.get(key)
    if entry is None:
        for suffix in ("'s", "'"):
            if key.endswith(suffix) and len(key) > len(suffix):
                entry = _KEYS.get(key[: -len(suffix)].rstrip())
                if entry is not None:
                    break
    return entry


# --------------------------------------------------------------------------- matching


@cache
def _fold_table() -> dict[int, str]:
    """A one-to-one character map: accented Latin letters to their base, odd apostrophes to '."""
    table = {ord(ch): "'" for ch in APOSTROPHES} | {ord(ch): "-" for ch in HYPHENS}
    for code in range(0xC0, 0x250):
        base = unicodedata.normalize("NFKD", chr(code))[0]
        if base != chr(code) and base.isascii() and base.isalpha():
            table[code] = base
    return table


@cache
def _foldable() -> re.Pattern[str]:
    return re.compile("[" + "".join(re.escape(chr(code)) for code in _fold_table()) + "]")


def _fold(text: str) -> str:
    """Fold a text for matching without moving any offset (same length, char for char)."""
    if text.isascii():
        return text
    table = _fold_table()
    # Replacing each distinct foldable character is much faster than str.translate on a dict.
    for ch in set(_foldable().findall(text)):
        text = text.replace(ch, table[ord(ch)])
    return text


def _trie_pattern(forms: set[str], case_sensitive: bool) -> str:
    """One regex for many literals, factored as a trie so it costs little per text position.

    The first character of every form is a capital matched literally, so the regex engine
    skips straight to candidate positions; the rest of a case-insensitive form is matched
    under a scoped ignore-case flag. The text is folded (:func:`_fold`) before matching.
    """
    trie: dict = {}
    for form in forms:
        node = trie
        folded = " ".join(_fold(form).split())
        for ch in folded[0] + (folded[1:] if case_sensitive else folded[1:].lower()):
            node = node.setdefault(ch, {})
        node[""] = {}

    def render(node: dict) -> str:
        alts = [(r"\s+" if ch == " " else re.escape(ch)) + render(child)
                for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        # Greedy optional: the longer name is tried first, the shorter one is the fallback.
        return f"(?:{body})?" if "" in node else body

    # (?<!\w.) after the first character: the mention starts a word.
    rest = "{}" if case_sensitive else "(?i:{})"
    return "|".join(re.escape(ch) + r"(?<!\w.)" + rest.format(render(child))
                    for ch, child in sorted(trie.items()))


@cache
def _matchers() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Compile (once) the case-sensitive abbreviation regex and the name regex; whole words."""
    return tuple(re.compile(f"(?:{_trie_pattern(forms, case_sensitive)})(?!\\w)")
                 for forms, case_sensitive in ((_SENSITIVE_FORMS, True),
                                               (_INSENSITIVE_FORMS, False)))


WORD = re.compile(r"[^\W\d_]{2,}")


def _in_shouted_text(text: str, start: int, end: int) -> bool:
    """Tell whether a word-like abbreviation sits among all-caps words ("TALK TO US")."""
    before = WORD.findall(text[max(0, start - 40):start].rsplit("\n", 1)[-1])
    after = WORD.findall(text[end:end + 40].split("\n", 1)[0])
    neighbours = before[-1:] + after[:1]
    return bool(neighbours) and all(w.isupper() and w not in _SENSITIVE_FORMS
                                    for w in neighbours)


@lru_cache(maxsize=4096)
def _mentioned(surface: str) -> Entry | None:
    """The entry a matched surface names, or None for a blocked phrase."""
    return _MENTION_KEYS.get(normalize_key(surface))


def find_mentions(text: str) -> list[tuple[int, int, Entry]]:
    """Return (start, end, entry) for every country or organisation mention, in text order.

    Mentions never overlap: the longest match wins ("Republic of Korea" over "Korea"), and
    phrases such as "South China Sea" or "Korean Peninsula" are consumed without a mention.
    All-caps abbreviations match only in capitals, so "us" is never the United States.
    """
    candidates: list[tuple[int, int, Entry | None]] = []
    folded = _fold(text)
    for pattern in _matchers():
        for m in pattern.finditer(folded):
            s, e = m.span()
            surface = m.group()
            if surface in WORDLIKE_ABBREVIATIONS and _in_shouted_text(folded, s, e):
                continue
            candidates.append((s, e, _mentioned(surface)))
    candidates.sort(key=lambda c: (c[0], c[0] - c[1]))
    out: list[tuple[int, int, Entry]] = []
    last_end = -1
    for s, e, entry in candidates:
        if s < last_end:
            continue
        last_end = e
        if entry is not None:
            out.append((s, e, entry))
    return out
