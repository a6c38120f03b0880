"""Normalise a Source's text and take out boilerplate, keeping a list of what was removed."""

from __future__ import annotations

import re
import unicodedata

from briefgen.errors import EmptyInputError
from briefgen.model import CleanText, Removed, Source, SourceParagraph
from briefgen.xmlsafe import make_xml_safe

# Spaces other than the plain one (no-break, thin, ideographic...) and zero-width characters.
UNICODE_SPACES = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
ZERO_WIDTH = re.compile(r"[\u200b\u2060\ufeff]")
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")

# Boilerplate that starts somewhere in a paragraph and runs to its end (syndication disclaimers).
TRAILING_BOILERPLATE: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?:^|\s)/?\s*Public Release\.", re.I), "syndication disclaimer"),
    (re.compile(r"This (?:material|content|article) (?:from|is from|was) (?:the )?originating\b",
                re.I), "syndication disclaimer"),
)

#: A line naming where the text is published: "Source: https://...", "Original article link:
#: https://..." (a "Source: Qatar News Agency" names no address and stays). Its URL is the
#: source's when the input gives none of its own (a web page's canonical address).
SOURCE_LINE = re.compile(
    r"^\s*(?:source(?: url| link)?|url|link|original(?: article| story| release| text)?"
    r"(?: link| url)?|originally (?:published|posted) (?:at|on|by)|read (?:the )?original"
    r"(?: article| story)?(?: at| here)?)\s*:\s*<?(https?://[^\s<>]+?)>?[.]?\s*$", re.I)
SOURCE_LINE_REASON = "source line"

# Whole paragraphs that are not part of the document's message.
PARAGRAPH_BOILERPLATE: tuple[tuple[re.Pattern[str], str], ...] = (
    (SOURCE_LINE, SOURCE_LINE_REASON),
    (re.compile(r"\b(?:views|opinions|positions)\b[^.]{0,80}\b(?:expressed|contained)\b[^.]{0,40}"
                r"\b(?:herein|in this)\b", re.I), "disclaimer"),
    (re.compile(r"\bdoes not (?:necessarily )?(?:take|reflect|represent|endorse)\b[^.]{0,60}"
                r"\b(?:positions|views|opinions)\b", re.I), "disclaimer"),
    (re.compile(r"^\s*(?:view|read|see) (?:it |the (?:full )?(?:text|story|release) )?in full\b",
                re.I), "link text"),
    (re.compile(r"^\s*(?:view|read|see) the (?:full|complete) (?:text|story|release|readout|"
                r"statement|article|transcript|remarks)\b", re.I), "link text"),
    (re.compile(r"^\s*this (?:article|content|material|story|post) (?:was |is |has been )?"
                r"(?:originally |first )?(?:published|posted|appeared|syndicated|republished)\b",
                re.I), "syndication disclaimer"),
    (re.compile(r"\b(?:republished|reprinted|reproduced) (?:here )?with (?:kind )?permission\b",
                re.I), "syndication disclaimer"),
    (re.compile(r"^\s*(?:read|learn|find out|see) more\b", re.I), "link text"),
    (re.compile(r"^\s*(?:click|tap) here\b", re.I), "link text"),
    (re.compile(r"^\s*for (?:more|further|additional) information\b[^.]{0,80}"
                r"(?:contact|visit|see|please)\b", re.I), "contact line"),
    (re.compile(r"^\s*(?:media|press) (?:contact|inquiries)\b", re.I), "contact line"),
    (re.compile(r"^\s*(?:#(?: ?#){2,}|-{2,}\s*end\s*-{2,}|\*{3,}|end text\.?)\s*$", re.I),
     "end marker"),
    (re.compile(r"^\s*begin text:?\s*$", re.I), "text marker"),
    (re.compile(r"^\s*(?:office of the (?:spokesperson|press secretary|spokesman)"
                r"|media note|press statement|for immediate release|readout|fact sheet)\s*$",
                re.I), "issuer line"),
    (re.compile(r"^\s*the (?:below|following|text below|text of the following)\b[^.\n]{0,120}"
                r"\battributable to\b[^\n]{0,80}:?\s*$", re.I), "attribution line"),
    (re.compile(r"^\s*(?:share|tags|related articles?|print this page)\s*:?\s*$", re.I),
     "page furniture"),
)

HEADLINE_MAX_WORDS = 40


def clean(source: Source) -> CleanText:
    """Normalise text (NFC, spaces, control characters) and remove boilerplate paragraphs.

    The first paragraph becomes the title when it reads as a headline (one line, no final
    full stop). Removed passages are listed with their reason, never silently dropped. Every
    other paragraph of the source, boilerplate included, is numbered as its reader counts it
    (``CleanText.paragraphs``: what [¶N] prints and the annex shows); a "Source: URL" line
    gives the source's URL when the Source names none.

    Raises:
        EmptyInputError: nothing but boilerplate is left.
    """
    text = normalize_text(source.text)
    paragraphs = [p.strip() for p in PARAGRAPH_BREAK.split(text)]
    paragraphs = [p for p in paragraphs if p]
    kept: list[str] = []
    origins: list[int] = []  # the index in ``paragraphs`` of each kept one
    removed: list[Removed] = []
    reasons: dict[int, str] = {}
    for index, paragraph in enumerate(paragraphs):
        rest, gone = strip_paragraph(paragraph)
        removed.extend(gone)
        if rest is None:
            reasons[index] = gone[-1].reason
        else:
            kept.append(rest)
            origins.append(index)
    title = source.title
    title_index = None
    if kept and title is None and is_headline(kept[0]) and len(kept) > 1:
        title = kept.pop(0)
        title_index = origins.pop(0)
    if not kept:
        raise EmptyInputError(
            f"'{source.path}' holds only boilerplate ({len(removed)} "
            f"passage{'s' if len(removed) != 1 else ''} removed); "
            "give the text of the readout itself")
    # The reader counts every paragraph of the source but its title, boilerplate included.
    numbered = tuple(SourceParagraph(number, paragraphs[index], reasons.get(index))
                     for number, index in enumerate(
                         (i for i in range(len(paragraphs)) if i != title_index), start=1))
    url = source.url or next((m.group(1) for r in removed if r.reason == SOURCE_LINE_REASON
                              and (m := SOURCE_LINE.match(r.text))), None)
    return CleanText(source=source, title=title, body="\n\n".join(kept),
                     removed=(*stray_nuls(source.text), *removed), paragraphs=numbered,
                     url=url)


def stray_nuls(text: str) -> tuple[Removed, ...]:
    """List the NUL characters of a text (a few stray ones; ingest refuses binary data), which
    normalising takes out like every control character, so that --verbose shows them."""
    count = text.count("\x00")
    if not count:
        return ()
    where = f"at character {text.index(chr(0)):,}"
    what = "1 NUL byte (U+0000)" if count == 1 else f"{count:,} NUL bytes (U+0000), the first"
    return (Removed(f"{what} {where}", "NUL byte"),)


def normalize_text(text: str) -> str:
    """Return NFC text with unified newlines and spaces and no XML-illegal characters."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = make_xml_safe(text, " ")
    text = ZERO_WIDTH.sub("", text)
    text = UNICODE_SPACES.sub(" ", text)
    text = re.sub(r"[ \t]+", " ", text)
    # NFC last: taking out a zero-width character can bring a letter and an accent together.
    return unicodedata.normalize("NFC", re.sub(r" *\n *", "\n", text).strip())


def strip_boilerplate(paragraphs: list[str]) -> tuple[list[str], list[Removed]]:
    """Split paragraphs into those kept and the boilerplate removed (with reasons)."""
    kept: list[str] = []
    removed: list[Removed] = []
    for para in paragraphs:
        rest, gone = strip_paragraph(para)
        removed.extend(gone)
        if rest is not None:
            kept.append(rest)
    return kept, removed


def strip_paragraph(para: str) -> tuple[str | None, list[Removed]]:
    """Return what is left of one paragraph (None when it is all boilerplate) and what was
    removed from it."""
    removed: list[Removed] = []
    for pattern, reason in TRAILING_BOILERPLATE:
        m = pattern.search(para)
        if m:
            removed.append(Removed(para[m.start():].strip(), reason))
            para = para[: m.start()].strip()
    if not para:
        return None, removed
    reason = next((r for pattern, r in PARAGRAPH_BOILERPLATE if pattern.search(para)), None)
    if reason is not None and len(para.split()) <= 120:
        removed.append(Removed(para, reason))
        return None, removed
    return para, removed


def is_headline(paragraph: str) -> bool:
    """Tell whether a paragraph reads as a headline: one line, short, no closing full stop."""
    if "\n" in paragraph or len(paragraph.split()) > HEADLINE_MAX_WORDS:
        return False
    stripped = paragraph.rstrip("\"'”’)")
    return not stripped.endswith((".", ":", ";", ",")) or stripped.endswith(("U.S.", "Jr.", "D.C."))
