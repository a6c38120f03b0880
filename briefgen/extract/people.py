"""Find people named in a sentence, with the rank, title and affiliation written around them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefgen.extract import gazetteer
from briefgen.model import Sentence

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
    "ministerial presidential royal federal provincial regional local chief's".split())
RANKS = (
    "Field Marshal", "Air Chief Marshal", "Air Marshal", "Lieutenant General", "Major General",
    "Brigadier General", "Vice Admiral", "Rear Admiral", "Lieutenant Colonel", "Lt. Gen.",
    "Maj. Gen.", "Brig. Gen.", "Lt. Col.", "Vice Adm.", "Rear Adm.", "General", "Gen.",
    "Admiral", "Adm.", "Colonel", "Col.", "Brigadier", "Commodore", "Captain", "Capt.", "Marshal",
    "His Excellency", "Her Excellency", "H.E.", "The Honorable", "The Honourable", "Honorable",
    "Honourable", "Hon.", "Dr.", "Dr", "Professor", "Prof.", "Sheikh", "Sheikha", "Sir", "Dame",
    "His Majesty", "Her Majesty", "His Royal Highness", "Her Royal Highness", "His Highness",
    "Her Highness", "Ambassador", "Amb.",
)
HONORIFIC_WORDS = frozenset({"his", "her", "majesty", "highness", "excellency", "royal",
                             "honorable", "honourable", "sheikh", "sheikha"})
NAME_SUFFIX = re.compile(r",?\s+(?:Jr\.|Sr\.|II|III|IV)(?=[\s,.;:)]|$)")
PLAIN_HONORIFICS = ("Mr.", "Ms.", "Mrs.", "Mr", "Ms", "Mrs", "Mx.", "Madam", "Miss")
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
CAPITALISED = re.compile(r"^[A-ZÀ-ÖØ-Þ\u0370-\u03ff\u0400-\u04ff]")
POSSESSIVE = re.compile(r"[’']s?$")


@dataclass(frozen=True, slots=True)
class PersonMention:
    """A person named in a sentence: name span, rank and title found around it."""

    sentence: Sentence
    start: int
    end: int
    name: str
    rank: str | None
    title: str | None
    affiliation: str | None  # a country / organisation written with the title ("Estonian")
    span_start: int  # start of title + rank + name, for list segmentation
    possessive: bool = False

    @property
    def surname(self) -> str:
        return surname_of(self.name)


def surname_of(name: str) -> str:
    """The family name to match later mentions on: the last word before "Jr." or "II"."""
    words = [w for w in NAME_SUFFIX.sub("", name).split() if w]
    return words[-1] if words else name


def find_people(sentence: Sentence) -> list[PersonMention]:
    """Return the people named in ``sentence`` in order, each with rank/title context."""
    spans = _name_spans(sentence)
    mentions = []
    for start, end in spans:
        mention = _describe(sentence, start, end, spans)
        if mention is not None:
            mentions.append(mention)
    return mentions


# --------------------------------------------------------------------------- name spans


def _name_spans(sentence: Sentence) -> list[tuple[int, int]]:
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
    return bool(re.match(r"\s*(?:[,.;:)]|of\b|and\b|met\b|$)", after) or NAME_SUFFIX.match(after))


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
                         (tokens[j].text.lower() in ("of", "for", "and", "the", "at")
                          and j + 1 < n and tokens[j + 1].tag in ("NNP", "NNPS"))
                         or (tokens[j].text == "." and j > i)):
            j += 1
        run = tokens[i:j]
        words = [t.text.lower() for t in run]
        if len(run) >= 3 and any(w in OFFICE_WORDS for w in words):
            tail = [t for t in run if CAPITALISED.match(t.text)][-2:]
            if len(tail) == 2 and all(t.text.lower() not in TITLE_WORDS for t in tail) \
                    and all(gazetteer.lookup(t.text) is None for t in tail) \
                    and tail[0].start > run[0].start:
                s, e = tail[0].start - base, tail[1].start + len(tail[1].text) - base
                if not any(fs - base <= s < fe - base for fs, fe in found) and \
                        _title_before(sentence.text[:s]):
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
        if gazetteer.find_mentions(m.group(1)) or _is_org(m.group(1)):
            continue
        out.append((s, e))
    return out


def _title_before(prefix: str) -> bool:
    words = prefix.split()
    return bool(words) and words[-1].lower().strip(",") in TITLE_WORDS


NOT_NAME_WORDS = frozenset({"dialogue", "summit", "council", "strategic", "partnership",
                            "agreement", "initiative", "forum", "conference", "strategy", "accords",
                            "program", "fund", "alliance", "declaration", "statement", "act"})


def _looks_like_name(name: str) -> bool:
    words = name.split()
    if not words or any(ch.isdigit() for ch in name) or name.endswith("-"):
        return False
    if any(w.lower().strip(".,") in NOT_NAME_WORDS for w in words) or re.search(
            r"\bU\.S\.|[A-Z]{2,}[-–]", name):
        return False
    if len(words) == 1 and words[0].lower() in NOT_NAME_TOKENS:
        return False
    return all(CAPITALISED.match(w) or w.lower() in NAME_PARTICLES for w in words)


# --------------------------------------------------------------------------- title and rank


def _describe(sentence: Sentence, start: int, end: int, spans: list[tuple[int, int]]
              ) -> PersonMention | None:
    text, base = sentence.text, sentence.start
    s, e = start - base, end - base
    name = text[s:e]
    possessive = bool(re.match(r"[’']s?\b", text[e:e + 2]))
    before = text[:s]
    rank = None
    m = RANK_PATTERN.search(before)
    # Ranks may pile up before the name ("The Honorable Minister Marc Miller" keeps its title).
    while m and not _is_title_general(before, m):
        rank = m.group(1) if rank is None else f"{m.group(1)} {rank}"
        before = before[: m.start()]
        m = RANK_PATTERN.search(before)
    h = HONORIFIC_PATTERN.search(before)
    if h:
        before = before[: h.start()]
    prev_end = max((pe - base for ps, pe in spans if pe - base <= s - 1), default=0)
    title, affiliation, title_start = _pre_title(before, prev_end)
    if rank is None and title is not None:
        # "The Honorable Minister X": a rank written before the title.
        m = RANK_PATTERN.search(before[:title_start])
        if m and m.group(1).lower() not in ("ambassador", "amb."):
            rank = m.group(1)
            title_start = m.start()
    next_start = min((ps - base for ps, pe in spans if ps - base >= e), default=len(text))
    after_title, after_affiliation = _post_title(text[e:next_start], next_start < len(text))
    org_post = bool(after_title) and after_title.startswith(ORG_MARK)
    if org_post:
        after_title = after_title[len(ORG_MARK):]
    if org_post and rank and rank.lower() in ("ambassador", "amb.") and title is None:
        title, after_title, rank = f"Ambassador, {after_title}", None, None
    if title is None and after_title:
        title = after_title
    elif title and after_title and (org_post or title.lower() in ("secretary", "minister",
                                                                   "ambassador")):
        title = f"{title}, {after_title}"
    if rank and rank.lower() in ("ambassador", "amb.") and title is None:
        title, rank = "Ambassador", None
    affiliation = affiliation or after_affiliation
    if title is None and rank is None and h is None and len(name.split()) == 1 \
            and not _single_word_ok(before):
        return None
    return PersonMention(sentence, start, end, name, rank, title, affiliation,
                         base + (title_start if title else s), possessive)


def _continues_title(word_before: str, after: list[str]) -> bool:
    """Tell whether "and" joins parts of one title ("Narcotics and Law Enforcement", "Deputy
    Prime Minister and Foreign Minister") rather than two people's titles."""
    word = word_before.strip(",")
    # Not after a lowercase word or a country: "officials and Minister X", "of Japan and Y".
    return bool(word) and not word[0].islower() and gazetteer.lookup(word) is None


def _is_title_general(before: str, m: re.Match[str]) -> bool:
    """"Attorney General", "Secretary General": here General ends a title, it is no rank."""
    word_before = (before[: m.start()].split()[-1:] or [""])[0]
    return (m.group(1).lower().startswith("gen") and not word_before.endswith(",")
            and word_before.lower() in OFFICE_WORDS - {"general"})


def _single_word_ok(before: str) -> bool:
    """A lone surname is a person only after a title, rank or honorific."""
    words = before.split()
    return bool(words) and words[-1].lower().strip(",") in TITLE_WORDS


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


def _pre_title(before: str, floor: int) -> tuple[str | None, str | None, int]:
    """Title written before the name: "Estonian Foreign Minister" or "Head of the X, "."""
    segment = before[floor:]
    comma_form = segment.rstrip().endswith(",")
    if comma_form:
        # "TITLE, NAME": the title is the chunk before the comma, back to ; or a list opener.
        chunk = segment.rstrip()[:-1]
        cut = max(chunk.rfind(";"), chunk.rfind(":"))
        chunk_start = cut + 1 if cut >= 0 else 0
        chunk = chunk[chunk_start:]
        # The list opener nearest the title; "and" only when no verb or preposition opens it
        # ("met with the Crown Prince and Prime Minister of Bahrain, His Royal Highness X").
        opener = re.search(r"^.*\b(?:by|with|include[sd]?|including|were|was|are|is)\s+", chunk) \
            or re.search(r"^.*\band\s+", chunk)
        if opener:
            chunk_start += opener.end()
            chunk = chunk[opener.end():]
        if "," in chunk or not _has_office(chunk):
            return None, None, len(before)
        title = chunk.strip()
        title = re.sub(r"^(?:the|a|an)\s+", "", title, flags=re.I)
        start = floor + chunk_start + (len(chunk) - len(chunk.lstrip()))
        return (*_split_affiliation(title, keep_country=True), start)
    words = list(re.finditer(r"\S+", segment))
    k = len(words)
    pending_comma = None  # a comma inside a title ("for Security, Democracy, and Human Rights")
    while k > 0:
        w = words[k - 1].group()
        bare = w.strip(",;:()").lower()
        after = [x.group() for x in words[k:]]
        if w.endswith(","):
            # Keep going through a comma only while the words after it hold no office yet:
            # "Under Secretary for X, Y, and Z NAME" continues; "In Washington, Minister NAME"
            # stops.
            if pending_comma is None and not _has_office(" ".join(after)) and after:
                pending_comma = k
            elif pending_comma is None:
                break
        elif w.endswith((";", ":")) or (not w[:1].isalnum() and not w.startswith("(")):
            break
        if not (CAPITALISED.match(w) or bare in TITLE_WORDS or w.startswith("(")
                or gazetteer.lookup(w) is not None):
            break
        if bare == "and" and k >= 2 and not _continues_title(words[k - 2].group(), after):
            break  # "X of Japan and Director Y": a list, not one title
        k -= 1
    if pending_comma is not None and not _has_office(
            " ".join(x.group() for x in words[k:pending_comma])):
        k = pending_comma
    chunk_words = [w.group() for w in words[k:]]
    if chunk_words and chunk_words[-1].lower() == "and":
        return None, None, len(before)  # "..., and NAME": the words before belong to another
    while chunk_words and chunk_words[0].lower() in ("of", "for", "and", "to", "a", "an"):
        chunk_words.pop(0)
        k += 1
    if chunk_words and chunk_words[0].lower() in ("the",) and "and" in chunk_words:
        # "The President and Prime Minister X": the first office is another person's.
        cut = chunk_words.index("and")
        k += cut + 1
        chunk_words = chunk_words[cut + 1:]
    while chunk_words and (chunk_words[0].lower() == "the" or chunk_words[0].endswith("ing")):
        chunk_words.pop(0)  # "the", or a sentence-opening participle ("Joining President X")
        k += 1
    chunk = " ".join(chunk_words)
    lead_rank = LEADING_RANK.match(chunk)
    if lead_rank:  # "Honorable Minister NAME": the rank was swept into the title
        chunk = chunk[lead_rank.end():]
        k += len(lead_rank.group(0).split())
    if not chunk or not _has_office(chunk):
        return None, None, len(before)
    start = floor + words[k].start() if k < len(words) else len(before)
    return (*_split_affiliation(chunk, keep_country=False), start)


def _post_title(after: str, next_person: bool) -> tuple[str | None, str | None]:
    """Title in apposition after the name (", Diplomatic Advisor to the Prime Minister,").

    ``after`` runs to the next person named in the sentence (``next_person``); a title that
    runs straight into that person is theirs, not an appositive of this one.
    """
    affiliation = None
    m = re.match(r"\s+(?:of|for)\s+(?:the\s+)?([A-Z][\w’'.-]*(?:\s+(?:of\s+)?[A-Z][\w’'.-]*)*)",
                 after)
    if m and gazetteer.lookup(m.group(1).rstrip(".")) is not None:
        affiliation = m.group(1).rstrip(".")
    elif m and _is_org(m.group(1)):
        # "Ambassador Marc Knapper of the U.S. Embassy in Hanoi": the post is part of the title.
        org = ORG_SUFFIX.match(after)
        if org:
            phrase = TRAILING_CONNECTOR.sub("", org.group(1)).strip()
            return f"{ORG_MARK}{phrase}", _country_in(phrase)
    if not after.startswith(","):
        return None, affiliation
    chunk = after[1:]
    stop = re.search(r",\s+(?:and\s+)?(?:who|which|the\s+[a-z]|as\s|in\s|on\s|to\s|at\s|during\s|"
                     r"included|met|provided|said)|(?<![A-Z])[.](?:\s|$)|[;:](?:\s|$)|\)\s|,\s+and\s|\s+and\s+(?:head|"
                     r"leader|chair)\s+of\b|\s+(?:met|provided|discussed|said|led|traveled|spoke|"
                     r"included|represented)\b", chunk)
    if stop is None and next_person:
        # No separator before the next name: the words belong to that person's title,
        # apart from complete comma-separated parts before it.
        if "," not in chunk:
            return None, affiliation
        chunk = chunk[: chunk.rindex(",")]
    elif stop is not None:
        chunk = chunk[: stop.start()]
    parts = [p.strip() for p in chunk.split(",")]
    title_parts = []
    for part in parts:
        if not part:
            break
        if not (CAPITALISED.match(part) or part.lower().startswith("head ")):
            break
        title_parts.append(part)
    if not title_parts or (not _has_office(title_parts[0]) and not _is_org(title_parts[0])):
        return None, affiliation
    # A second part that names an office of the delegation ("head of the Mexican Delegation")
    # is a role, not part of the title.
    keep = [title_parts[0]]
    for part in title_parts[1:]:
        if part.lower().startswith(("head of", "leader of", "chair of")):
            affiliation = affiliation or _country_in(part)
            break
        if _has_office(part) and not _is_org(part):
            break
        keep.append(part)
    title = ", ".join(keep)
    title, aff = _split_affiliation(title, keep_country=True)
    return title, affiliation or aff


def _has_office(chunk: str) -> bool:
    return any(w.strip(",().").lower() in OFFICE_WORDS for w in chunk.split())


def _is_org(chunk: str) -> bool:
    return bool(re.search(r"\b(?:Ministry|Department|Embassy|Office|Council|Agency|Bureau|"
                          r"Commission|Institute|Mission)\b", chunk))


def _country_in(text: str) -> str | None:
    found = gazetteer.find_mentions(text)
    return text[found[0][0]:found[0][1]] if found else None


def _split_affiliation(title: str, keep_country: bool) -> tuple[str | None, str | None]:
    """Split a leading nationality off a title: "Estonian Foreign Minister" -> (FM, Estonian)."""
    title = title.strip(" ,.")
    affiliation = None
    if EU_OFFICE.match(title) and not gazetteer.find_mentions(title):
        return title, "European Union"  # "European Energy Commissioner": an office of the EU
    found = gazetteer.find_mentions(title)
    if found and found[0][0] == 0:
        s, e, entry = found[0]
        lead = title[s:e]
        rest = title[e:].lstrip(" -")
        is_demonym = lead in entry.demonyms or lead.lower() in {d.lower() for d in entry.demonyms}
        # An organisation's name stays in the title ("NATO Secretary General"); a country's
        # name or adjective does not ("Japanese Foreign Minister" -> "Foreign Minister").
        keep_country = keep_country or entry.kind == "organization"
        org = ORG_AFTER_DEMONYM.match(rest) if is_demonym else None
        if org:
            # "Libyan National Army Deputy Commander": the side is the organisation, and the
            # title keeps its name.
            affiliation = f"{lead} {org.group(1)}"
        elif rest and _has_office(rest):
            affiliation = lead
            if is_demonym or not keep_country:
                title = rest
    elif found:
        s, e, entry = found[-1]
        affiliation = title[s:e]
    m = re.search(r"\s+of\s+(?:the\s+)?(\S.*)$", title)
    if m and gazetteer.lookup(m.group(1)) is not None and _has_office(title[: m.start()]):
        affiliation = affiliation or m.group(1)
        title = title[: m.start()]
    title = TRAILING_CONNECTOR.sub("", title).strip(" ,")
    return (title or None), affiliation
