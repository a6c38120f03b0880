"""Turn Markdown into the plain paragraphs the pipeline reads: the words stay, the syntax goes.

Headings lose their ``#`` marks and stand alone; list items and table rows become paragraphs;
emphasis, links, images, inline code, HTML tags and backslash escapes are reduced to their
text; a front-matter ``title:`` becomes the title. Soft-wrapped lines are joined, as Markdown
renders them.
"""

from __future__ import annotations

import html
import re

FRONT_MATTER = re.compile(r"\A(?:---|\+\+\+)[ \t]*\n(.*?)\n(?:---|\+\+\+|\.\.\.)[ \t]*(?:\n|\Z)",
                          re.S)
FRONT_MATTER_TITLE = re.compile(r"^title\s*[:=]\s*(.+?)\s*$", re.M | re.I)
ATX_HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
SETEXT_UNDERLINE = re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$")
THEMATIC_BREAK = re.compile(r"^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
FENCE = re.compile(r"^ {0,3}(?:```|~~~)")
LIST_ITEM = re.compile(r"^ {0,8}(?:[-*+]|\d{1,9}[.)])[ \t]+")
BLOCKQUOTE = re.compile(r"^ {0,3}>[ \t]?")
TABLE_RULE = re.compile(r"^ {0,3}\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$")
LINK_DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:[ \t]*\S+.*$")
HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)

ESCAPABLE = "\\`*_{}[]()#+-.!|>~<&\"'"
#: Private-use ranges for stand-ins of escaped characters while the syntax is stripped; a text
#: that uses all of them keeps its backslashes.
PRIVATE_USE = (0xF0000, 0x100000, 0xE000)
INLINE: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), ""),                       # images
    (re.compile(r"\[([^\]]+)\]\((?:[^()\s]|\([^)]*\))*(?:\s+\"[^\"]*\")?\)"), r"\1"),  # links
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),                    # reference links
    (re.compile(r"<((?:https?|mailto):[^>\s]+)>"), r"\1"),             # autolinks
    (re.compile(r"`+([^`]+?)`+"), r"\1"),                               # inline code
    (re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>"), ""),      # inline HTML tags
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),              # strong
    (re.compile(r"(?<![\w*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])"), r"\1"),  # emphasis
    (re.compile(r"(?<![\w_])_(?=[^\s_])(.+?)(?<=[^\s_])_(?![\w_])"), r"\1"),
    (re.compile(r"~~(?=\S)(.+?)(?<=\S)~~"), r"\1"),                     # strikethrough
    (re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"),
     lambda m: html.unescape(m.group(0))),                               # entities
)


def strip_markdown(text: str) -> tuple[str, str | None]:
    """Return Markdown as plain paragraphs separated by blank lines, and its front-matter title."""
    title = None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    front = FRONT_MATTER.match(text)
    if front:
        m = FRONT_MATTER_TITLE.search(front.group(1))
        title = (m.group(1).strip("\"'") or None) if m else None
        text = text[front.end():]
    text = HTML_COMMENT.sub("", text)
    base = _free_private_use(text)
    if base is not None:
        text = re.sub(r"\\([" + re.escape(ESCAPABLE) + "])",
                      lambda m: chr(base + ESCAPABLE.index(m.group(1))), text)
    blocks = [strip_inline(block) for block in split_blocks(text.split("\n"))]
    text = "\n\n".join(b for b in blocks if b)
    if base is not None:
        stand_ins = f"[{chr(base)}-{chr(base + len(ESCAPABLE) - 1)}]"
        text = re.sub(stand_ins, lambda m: ESCAPABLE[ord(m.group(0)) - base], text)
    return text, title


def _free_private_use(text: str) -> int | None:
    """Return the start of a private-use range the text does not use (for stand-ins), if any."""
    used = {ord(c) & ~0xFF for c in text if ord(c) >= 0xE000}
    return next((base for base in PRIVATE_USE if base not in used), None)


def split_blocks(lines: list[str]) -> list[str]:
    """Group lines into blocks: headings, list items, table rows, quotes and paragraphs."""
    blocks: list[str] = []
    paragraph: list[str] = []
    in_fence = False

    def flush() -> None:
        if paragraph:
            blocks.append(join_soft_wraps(paragraph))
            paragraph.clear()

    for line in lines:
        if FENCE.match(line):
            flush()
            in_fence = not in_fence
            continue
        if in_fence:
            if line.strip():
                blocks.append(line.strip())
            continue
        line = BLOCKQUOTE.sub("", line)
        heading = ATX_HEADING.match(line)
        if heading:
            flush()
            blocks.append((heading.group(1) or "").strip())
        elif (SETEXT_UNDERLINE.match(line) and paragraph) or THEMATIC_BREAK.match(line) or \
                TABLE_RULE.match(line) or LINK_DEFINITION.match(line) or not line.strip():
            flush()  # a setext underline ends its heading like a blank line ends a paragraph
        elif LIST_ITEM.match(line):
            flush()
            paragraph.append(LIST_ITEM.sub("", line))
        elif line.lstrip().startswith("|") and line.rstrip().endswith("|"):
            flush()
            cells = [c.strip() for c in line.strip()[1:-1].split("|")]
            blocks.append(" | ".join(c for c in cells if c))
        else:
            paragraph.append(line)
    flush()
    return blocks


def join_soft_wraps(lines: list[str]) -> str:
    """Join a paragraph's lines with spaces; two trailing spaces or a backslash keep a break."""
    out = ""
    for i, line in enumerate(lines):
        hard = line.endswith(("  ", "\\"))
        line = line.strip().removesuffix("\\").rstrip()
        out += line
        if i < len(lines) - 1:
            out += "\n" if hard else " "
    return out.strip()


def strip_inline(block: str) -> str:
    """Reduce inline Markdown (emphasis, links, code, tags, entities) to its text."""
    for pattern, replacement in INLINE:
        block = pattern.sub(replacement, block)
    return block.strip()
