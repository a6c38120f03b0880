"""Parse the Markdown subset a template renders into the format-neutral Document."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.container import container_plugin

from briefgen.document import (
    Block,
    BulletList,
    Document,
    Field,
    FieldList,
    Heading,
    Inlines,
    Metadata,
    Paragraph,
    Rule,
    Span,
    Table,
    column_shares,
    plain_text,
)

#: Containers a template may use: "::: fields" (memo header) and paragraph roles: "note"
#: (small print), "letterhead" (the organization above the title) and "admin" (drafted, cleared,
#: prepared by, distribution lines). Letterhead and admin lines are not portions.
ROLE_CONTAINERS = ("note", "letterhead", "admin")
CONTAINERS = ("fields", *ROLE_CONTAINERS)
ROLE_OPENERS = {f"container_{role}_open": role for role in ROLE_CONTAINERS}
ROLE_CLOSERS = frozenset(f"container_{role}_close" for role in ROLE_CONTAINERS)
LINE_BREAK = re.compile(r"\r\n|[\r\n]")
LEADING_BLANKS = re.compile(r"\A[ \t]+")
# Markdown punctuation that must be escaped in a value (CommonMark allows a backslash
# before any ASCII punctuation).
ESCAPED = frozenset("\\`*_{}[]()<>#+-.!|&~:\"'$%=^@,;/?")
ESCAPE = re.compile("[" + re.escape("".join(sorted(ESCAPED))) + "]")


def escape_markdown(text: str) -> str:
    """Return ``text`` so that Markdown shows it literally (no emphasis, links, lists...).

    Line breaks become spaces and leading spaces and tabs become one space: a value is one
    line of text, and at the start of a line four spaces or a tab would make it a code block.
    """
    # Markdown ends a line at CR, LF or CRLF.
    text = LEADING_BLANKS.sub(" ", LINE_BREAK.sub(" ", text))
    return ESCAPE.sub(r"\\\g<0>", text)


@functools.lru_cache(maxsize=1)
def build_parser() -> MarkdownIt:
    """Return the CommonMark parser with tables and briefgen's containers, HTML disabled
    (built once per process: parsing does not change it)."""
    md = MarkdownIt("commonmark", {"html": False}).enable("table")
    for name in CONTAINERS:
        md.use(container_plugin, name=name)
    return md


def parse_markdown(source: str, metadata: Metadata) -> Document:
    """Parse rendered template Markdown into a Document with ``metadata``."""
    tokens = build_parser().parse(source)
    return Document(metadata=metadata, blocks=tuple(align_tables(_blocks(tokens))))


def align_tables(blocks: list[Block]) -> list[Block]:
    """Give tables that share a header one set of column widths, so they line up."""
    families: dict[tuple[str, ...], list[Table]] = {}
    for block in blocks:
        if isinstance(block, Table):
            families.setdefault(tuple(plain_text(c) for c in block.header), []).append(block)
    shares = {key: column_shares(tables) for key, tables in families.items()}
    return [Table(b.header, b.rows, shares[tuple(plain_text(c) for c in b.header)])
            if isinstance(b, Table) else b for b in blocks]


def _blocks(tokens: Sequence[Token]) -> list[Block]:
    blocks: list[Block] = []
    role = "body"
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        kind = tok.type
        if kind in ROLE_OPENERS:
            role = ROLE_OPENERS[kind]
        elif kind in ROLE_CLOSERS:
            role = "body"
        elif kind == "container_fields_open":
            end = _closing(tokens, i, "container_fields_close")
            blocks.append(_fields(tokens[i + 1:end]))
            i = end
        elif kind == "heading_open":
            blocks.append(Heading(int(tok.tag[1:]), _inlines(tokens[i + 1])))
            i += 2
        elif kind == "paragraph_open":
            blocks.append(Paragraph(_inlines(tokens[i + 1]), role))
            i += 2
        elif kind in ("bullet_list_open", "ordered_list_open"):
            close = kind.replace("_open", "_close")
            end = _closing(tokens, i, close)
            items = tuple(_inlines(t) for t in tokens[i + 1:end] if t.type == "inline")
            blocks.append(BulletList(items, ordered=kind == "ordered_list_open"))
            i = end
        elif kind == "table_open":
            end = _closing(tokens, i, "table_close")
            blocks.append(_table(tokens[i + 1:end]))
            i = end
        elif kind == "hr":
            blocks.append(Rule())
        elif kind in ("fence", "code_block"):
            blocks.append(Paragraph((Span(tok.content.rstrip("\n")),), role))
        i += 1
    return blocks


def _closing(tokens: Sequence[Token], start: int, close: str) -> int:
    depth = 0
    opener = tokens[start].type
    for j in range(start, len(tokens)):
        if tokens[j].type == opener:
            depth += 1
        elif tokens[j].type == close:
            depth -= 1
            if depth == 0:
                return j
    return len(tokens) - 1


def _fields(tokens: Sequence[Token]) -> FieldList:
    fields = []
    for tok in tokens:
        if tok.type != "inline":
            continue
        spans = _inlines(tok)
        if spans and spans[0].bold:
            label = spans[0].text.strip()
            rest = list(spans[1:])
            if rest:
                rest[0] = Span(rest[0].text.lstrip(), rest[0].bold, rest[0].italic)
            fields.append(Field(label, tuple(s for s in rest if s.text)))
        else:
            fields.append(Field("", spans))
    return FieldList(tuple(fields))


def _table(tokens: Sequence[Token]) -> Table:
    rows: list[tuple[Inlines, ...]] = []
    current: list[Inlines] = []
    for tok in tokens:
        if tok.type == "tr_open":
            current = []
        elif tok.type == "inline":
            current.append(_inlines(tok))
        elif tok.type == "tr_close":
            rows.append(tuple(current))
    if not rows:
        return Table((), ())
    return Table(rows[0], tuple(rows[1:]))


def _inlines(token: Token) -> Inlines:
    spans: list[Span] = []
    bold = italic = 0
    for child in token.children or []:
        kind = child.type
        if kind == "strong_open":
            bold += 1
        elif kind == "strong_close":
            bold -= 1
        elif kind == "em_open":
            italic += 1
        elif kind == "em_close":
            italic -= 1
        elif kind in ("text", "code_inline"):
            _append(spans, child.content, bold > 0, italic > 0)
        elif kind == "softbreak":
            _append(spans, " ", bold > 0, italic > 0)
        elif kind == "hardbreak":
            _append(spans, "\n", bold > 0, italic > 0)
        elif kind == "image":
            _append(spans, child.content, bold > 0, italic > 0)
    return tuple(spans)


def _append(spans: list[Span], text: str, bold: bool, italic: bool) -> None:
    if spans and spans[-1].bold == bold and spans[-1].italic == italic:
        spans[-1] = Span(spans[-1].text + text, bold, italic)
    elif text:
        spans.append(Span(text, bold, italic))
