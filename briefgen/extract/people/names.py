"""Find the spans of people's names in a sentence, repairing the named-entity model's errors."""

from __future__ import annotations

import re

from briefgen.extract import gazetteer
from briefgen.extract.people.lexicon import (
    CAPITALISED,
    NAME_SUFFIX,
    PARTICLE_PREFIX,
    POSSESSIVE,
    is_org_name,
)
from briefgen.model import Sentence
from briefgen.vocabulary.people import (
    HONORIFIC_WORDS,
    NAME_PARTICLES,
    NOT_NAME_TOKENS,
    NOT_NAME_WORDS,
    OFFICE_WORDS,
    PLAIN_HONORIFICS,
    RANKS,
    TITLE_WORDS,
)


def name_spans(sentence: Sentence) -> list[tuple[int, int]]:
    text, base = sentence.text, sentence.start
    spans: list[tuple[int, int]] = []
    for ent in sentence.entities:
        if ent.label != "PERSON":
            continue
        span = _repair(sentence, ent.start - base, ent.end - base)
        if span is not None:
            spans.append(span)
    spans.extend(_title_anchored_names(sentence, spans))
    spans.extend(_companion_names(sentence, spans))
    spans = sorted(set(spans))
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return [(s + base, e + base) for s, e in merged if _looks_like_name(text[s:e])]


def _repair(sentence: Sentence, s: int, e: int) -> tuple[int, int] | None:
    """Fix common NER boundary errors: possessives, titles inside, missing first names."""
    text = sentence.text
    name = text[s:e]
    m = POSSESSIVE.search(name)
    if (m and m.start() > 0 and name[m.start() - 1].isalpha() and "’" in m.group()) or (
            m and "'" in m.group()):
        e = s + m.start()
    name = text[s:e]
    # Strip leading title or rank words the model swept into the name ("President Biden").
    words = name.split()
    while words and (words[0].lower().strip(".") in TITLE_WORDS | HONORIFIC_WORDS
                     or words[0] in PLAIN_HONORIFICS or f"{words[0]}" in RANKS):
        s += len(words[0]) + (len(name) - len(name.lstrip())) + 1
        words = words[1:]
        name = text[s:e]
    if not words:
        # The model tagged only the title ("Majesty King"): the name follows it.
        s = e = e + (len(text[e:]) - len(text[e:].lstrip()))
        m5 = re.match(r"(?:[A-ZÀ-Þ][\w’'-]+(?:\s+|(?=[\s,.;:)]|$))){1,3}", text[s:])
        if not m5:
            return None
        taken = []
        for w in m5.group(0).split():
            if w.lower() in TITLE_WORDS or gazetteer.lookup(w) is not None:
                break
            taken.append(w)
        if not taken:
            return None
        e = s + len(" ".join(taken))
        words = taken
    # A trailing particle ("von der") means the surname was cut off: extend right; so does a
    # particle phrase or a capitalised word right after ("Arévalo de León", "Pham Minh Chinh").
    if words and words[-1].lower() in NAME_PARTICLES:
        m2 = re.match(r"\s+([A-ZÀ-Þ][\w’'-]+)", text[e:])
        if m2:
            e += m2.end()
    m2 = re.match(r"\s+(?:(?:de|del|da|di|van|von|bin|al|el)\s+)?([A-ZÀ-Þ][\w’'-]+)(?=[\s,.;:)]|$)",
                  text[e:])
    if m2 and _could_extend(m2.group(0), m2.group(1), text[e + m2.end():]):
        e += m2.end()
    # Generational suffixes belong to the name ("Joseph R. Biden, Jr.", "Abdullah II").
    m4 = NAME_SUFFIX.match(text[e:])
    if m4:
        e += m4.end()
    # A leading initial ("J. Blinken") means the first name was cut off: extend left.
    if re.match(r"^[A-Z]\.\s", text[s:e]) or _is_lone_surname(sentence, s):
        m3 = re.search(r"([A-ZÀ-Þ][a-zà-ÿ’'-]+)\s+$", text[:s])
        if m3 and _could_be_given_name(m3.group(1), text[: m3.start()]):
            s = m3.start()
    if gazetteer.lookup(text[s:e]) is not None:
        return None
    return s, e


def _could_extend(phrase: str, word: str, after: str) -> bool:
    """Tell whether a word right after a name is more of the name, not a title or place."""
    low = word.lower()
    if low in TITLE_WORDS or low in HONORIFIC_WORDS or gazetteer.lookup(word) is not None:
        return False
    if NAME_SUFFIX.match(phrase) or word.isupper():
        return False
    if phrase.strip().split()[0].lower() in NAME_PARTICLES:
        return True
    # A bare capitalised word: only when the name continues to punctuation, "of", or a verb.
    return bool(re.match(r"\s*(?:[,.;:)]|of\b|and\b|$|(?:met|hosted|spoke|led|welcomed|"
                         r"visited|joined|traveled|chaired|received|held|signed|said|"
                         r"announced|called|discussed|expressed|reaffirmed|stressed|"
                         r"emphasized|thanked|noted|underscored|highlighted)\b)", after)
                or NAME_SUFFIX.match(after))


def _is_lone_surname(sentence: Sentence, s: int) -> bool:
    """Tell whether the entity at ``s`` is one word right after a capitalised non-title word."""
    m = re.search(r"([A-ZÀ-Þ][a-zà-ÿ’'-]+)\s+$", sentence.text[:s])
    return bool(m) and " " not in sentence.text[s:].split(",")[0].strip()


def _could_be_given_name(word: str, before: str) -> bool:
    low = word.lower()
    if low in TITLE_WORDS or low in NAME_PARTICLES or gazetteer.lookup(word) is not None:
        return False
    return not re.search(r"(?:^|[.!?]\s*)$", before.rstrip()) or bool(before.strip())


def _title_anchored_names(sentence: Sentence, found: list[tuple[int, int]]
                          ) -> list[tuple[int, int]]:
    """Names NER missed after a title: "Assistant Secretary for X Todd Robinson met"."""
    out = []
    tokens, base = sentence.tokens, sentence.start
    i = 0
    n = len(tokens)
    while i < n:
        if tokens[i].tag not in ("NNP", "NNPS"):
            i += 1
            continue
        j = i
        while j < n and (tokens[j].tag in ("NNP", "NNPS") or
                         (tokens[j].text.lower() in ("of", "for", "and", "the", "at", "on", "in")
                          and j + 1 < n and tokens[j + 1].tag in ("NNP", "NNPS"))
                         or (tokens[j].text in (".", "(", ")") and j > i)):
            j += 1
        run = tokens[i:j]
        words = [t.text.lower() for t in run]
        if len(run) >= 3 and any(w in OFFICE_WORDS for w in words):
            tail = [t for t in run if CAPITALISED.match(t.text)][-2:]
            if len(tail) == 2 and all(t.text.lower() not in TITLE_WORDS for t in tail) \
                    and all(gazetteer.lookup(t.text) is None for t in tail) \
                    and tail[0].start > run[0].start:
                s, e = tail[0].start - base, tail[1].start + len(tail[1].text) - base
                office_before = any(t.text.lower() in OFFICE_WORDS for t in run
                                    if t.start < tail[0].start)
                if not any(fs - base <= s < fe - base for fs, fe in found) and office_before \
                        and not is_org_name(sentence.text[s:e]):
                    out.append((s, e))
        i = max(j, i + 1)
    return out


def _companion_names(sentence: Sentence, found: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Names NER missed right after "met with" / "spoke with" ("spoke today with Bernardo
    Arévalo de León and ..."): two to four capitalised words, no title, country or org."""
    out = []
    base = sentence.start
    pattern = re.compile(r"\b(?:met|spoke|talked|meeting|call|conversation)\b[^.,;]{0,30}?\bwith\s+"
                         r"((?:[A-ZÀ-Þ][\w’'-]+|de|del|da|van|von|bin|al|el)(?:\s+(?:[A-ZÀ-Þ][\w’'-]+|"
                         r"de|del|da|van|von|bin|al|el)){1,3})(?=\s+and\b|[,.;:]|\s+(?:to|on|in|at)\b)")
    for m in pattern.finditer(sentence.text):
        s, e = m.start(1), m.end(1)
        words = m.group(1).split()
        if any(fs - base <= s < fe - base or s <= fs - base < e for fs, fe in found):
            continue
        if words[0][0].islower() or words[-1][0].islower():
            continue
        if any(w.lower() in TITLE_WORDS or w.lower() in HONORIFIC_WORDS for w in words):
            continue
        if gazetteer.find_mentions(m.group(1)) or is_org_name(m.group(1)):
            continue
        out.append((s, e))
    return out


def _looks_like_name(name: str) -> bool:
    words = name.split()
    if not words or any(ch.isdigit() for ch in name) or name.endswith("-"):
        return False
    if gazetteer.lookup(name) is not None:
        return False  # "St. Vincent": a place the model took for a person
    if any(w.lower().strip(".,") in NOT_NAME_WORDS for w in words) or re.search(
            r"\bU\.S\.|[A-Z]{2,}[-–]", name):
        return False
    if len(words) == 1 and words[0].lower() in NOT_NAME_TOKENS:
        return False
    if all(len(w.strip(".")) <= 3 and w.endswith(".") for w in words):
        return False  # "H. E. Mr.", "Dr.": styles and initials with no name
    return all(CAPITALISED.match(w) or w.lower() in NAME_PARTICLES or PARTICLE_PREFIX.match(w)
               for w in words)
