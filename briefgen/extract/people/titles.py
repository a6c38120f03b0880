"""Read the rank, title and affiliation written around a name."""

from __future__ import annotations

import re

from briefgen.extract import gazetteer
from briefgen.extract.people.lexicon import (
    CAPITALISED,
    EU_OFFICE,
    HONORIFIC_PATTERN,
    LEADING_RANK,
    ORG_AFTER_DEMONYM,
    ORG_MARK,
    ORG_SUFFIX,
    RANK_PATTERN,
    TRAILING_CONNECTOR,
    country_in,
    has_office,
    is_org_name,
)
from briefgen.extract.people.mention import PersonMention
from briefgen.model import Sentence
from briefgen.vocabulary.people import OFFICE_WORDS, TITLE_WORDS

#: A numbered list item's marker inside a sentence: "(3)", "3)".
LIST_MARKER = re.compile(r"(?:(?<=\s)|^)\(?\d{1,2}\)\s+")


def describe(sentence: Sentence, start: int, end: int, spans: list[tuple[int, int]]
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
        # "H.E. Mr. X", "Dr. Mrs. Y": a style written before the plain honorific.
        m = RANK_PATTERN.search(before) if rank is None else None
        while m and not _is_title_general(before, m):
            rank = m.group(1) if rank is None else f"{m.group(1)} {rank}"
            before = before[: m.start()]
            m = RANK_PATTERN.search(before)
    prev_end = max((pe - base for ps, pe in spans if pe - base <= s - 1), default=0)
    # A list marker ("(3) H.E. Mr. X", "2. Ms. Y") opens a new item: what stands before it is
    # the previous person's.
    markers = list(LIST_MARKER.finditer(before, prev_end))
    if markers:
        prev_end = markers[-1].end()
    title, affiliation, title_start = _pre_title(before, prev_end, h is not None)
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
    # "ASEAN Chair Prime Minister Hun Sen of Cambodia": the country after the name is the side;
    # an organisation in the title is an office held there.
    if after_affiliation and affiliation and _is_country(after_affiliation) \
            and not _is_country(affiliation):
        affiliation = after_affiliation
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


def _pre_title(before: str, floor: int, honorific: bool = False
               ) -> tuple[str | None, str | None, int]:
    """Title written before the name: "Estonian Foreign Minister" or "Head of the X, "."""
    segment = before[floor:]
    # "..., Mr. Sullivan proposed": a plain honorific stands where a title would.
    comma_form = segment.rstrip().endswith(",") and not honorific
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
        # A verb ends what stands before the title ("The Secretary-General met the President
        # of Peru, NAME": the title is "President of Peru"): the last lowercase word that is
        # no title word opens it.
        verbs = [m for m in re.finditer(r"\b[a-z][\w’'-]*\b", chunk)
                 if m.group(0) not in TITLE_WORDS and m.group(0) not in ("a", "an")]
        if verbs:
            chunk_start += verbs[-1].end()
            chunk = chunk[verbs[-1].end():]
        if "," in chunk or not has_office(chunk):
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
            if pending_comma is None and not has_office(" ".join(after)) and after:
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
    if pending_comma is not None and not has_office(
            " ".join(x.group() for x in words[k:pending_comma])):
        k = pending_comma
    chunk_words = [w.group() for w in words[k:]]
    if chunk_words and chunk_words[-1].lower() == "and":
        return None, None, len(before)  # "..., and NAME": the words before belong to another
    while chunk_words and chunk_words[0].lower() in ("of", "for", "and", "to", "a", "an", "on",
                                                     "in", "at", "with", "by"):
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
    if not chunk or not has_office(chunk):
        return None, None, len(before)
    start = floor + words[k].start() if k < len(words) else len(before)
    return (*_split_affiliation(chunk, keep_country=False), start)


def _post_title(after: str, next_person: bool) -> tuple[str | None, str | None]:
    """Title in apposition after the name (", Diplomatic Advisor to the Prime Minister,").

    ``after`` runs to the next person named in the sentence (``next_person``); a title that
    runs straight into that person is theirs, not an appositive of this one.
    """
    affiliation = None
    # "X of Colombia", "Y for Canada" — but not "for the Peace Corps to return ...".
    m = re.match(r"\s+(?:of\s+(?:the\s+)?([A-Z][\w’'.-]*(?:\s+(?:of\s+)?[A-Z][\w’'.-]*)*)|"
                 r"for\s+(?:the\s+)?([A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*)(?=\s*(?:[,.;:)]|and\b|$)))",
                 after)
    named = (m.group(1) or m.group(2)) if m else None
    if named and gazetteer.lookup(named.rstrip(".")) is not None:
        affiliation = named.rstrip(".")
    elif named and m.group(1) and is_org_name(named):
        # "Ambassador Marc Knapper of the U.S. Embassy in Hanoi": the post is part of the title.
        org = ORG_SUFFIX.match(after)
        if org:
            phrase = TRAILING_CONNECTOR.sub("", org.group(1)).strip()
            return f"{ORG_MARK}{phrase}", country_in(phrase)
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
    if not title_parts or (not has_office(title_parts[0]) and not is_org_name(title_parts[0])):
        return None, affiliation
    # A second part that names an office of the delegation ("head of the Mexican Delegation")
    # is a role, not part of the title.
    keep = [title_parts[0]]
    for part in title_parts[1:]:
        if part.lower().startswith(("head of", "leader of", "chair of")):
            affiliation = affiliation or country_in(part)
            break
        if has_office(part) and not is_org_name(part):
            break
        keep.append(part)
    title = ", ".join(keep)
    title, aff = _split_affiliation(title, keep_country=True)
    return title, affiliation or aff


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
        rest = re.sub(r"^[’']s\b", "", title[e:]).lstrip(" -")  # "India’s Foreign Secretary"
        is_demonym = lead in entry.demonyms or lead.lower() in {d.lower() for d in entry.demonyms}
        # An organisation's name stays in the title ("NATO Secretary General"); a country's
        # name or adjective does not ("Japanese Foreign Minister" -> "Foreign Minister").
        keep_country = keep_country or entry.kind == "organization"
        org = ORG_AFTER_DEMONYM.match(rest) if is_demonym else None
        if org:
            # "Libyan National Army Deputy Commander": the side is the organisation, and the
            # title keeps its name.
            affiliation = f"{lead} {org.group(1)}"
        elif rest and has_office(rest):
            affiliation = lead
            if is_demonym or not keep_country:
                title = rest
    elif found:
        # "Ambassador of USA to India": the holder's country follows "of", not "to"/"for".
        named = [(s, e) for s, e, _ in found
                 if not re.search(r"\b(?:to|for|on|in|with)\s+(?:the\s+)?$", title[:s])]
        if named:
            affiliation = title[named[0][0]:named[0][1]]
    m = re.search(r"\s+of\s+(?:the\s+)?(\S.*)$", title)
    if m and gazetteer.lookup(m.group(1)) is not None and has_office(title[: m.start()]):
        affiliation = affiliation or m.group(1)
        title = title[: m.start()]
    title = TRAILING_CONNECTOR.sub("", title).strip(" ,")
    return (title or None), affiliation


def _is_country(text: str) -> bool:
    entry = gazetteer.lookup(text)
    return entry is not None and entry.kind == "country"
