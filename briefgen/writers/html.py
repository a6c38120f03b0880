"""Write a Document as one self-contained HTML5 page with print-friendly CSS from the layout.

Everything the page shows is in the file: the style sheet is embedded, a theme logo is a
``data:`` URI, and no font, script or image is fetched. Every text is HTML-escaped. A
classification banner is shown at the top and bottom of the page on screen, and at the top
and bottom of every printed page (a table header and footer group, which browsers repeat).
"""

from __future__ import annotations

import base64
import unicodedata
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from briefgen.document import (
    Block,
    BulletList,
    Document,
    FieldList,
    Heading,
    Inlines,
    Paragraph,
    Rule,
    Table,
    plain_text,
)
from briefgen.writers.styles import Layout, TextStyle, layout_for
from briefgen.writers.theme import SERIF, image_type
from briefgen.xmlsafe import make_xml_safe

if TYPE_CHECKING:
    from briefgen.writers import WriterSettings

__all__ = ["to_html", "write"]

RTL_CLASSES = frozenset({"R", "AL"})
#: After the theme's font name: the free fonts of the same metrics, then generic families.
GENERIC_FONTS = '"Liberation Sans", Arimo, Arial, "DejaVu Sans", sans-serif'
SERIF_FONTS = '"Liberation Serif", Tinos, Times, serif'
PAGE_SIZE_NAMES = {"letter": "letter", "a4": "A4"}
LANGUAGE = "en"


def write(document: Document, path: Path, settings: WriterSettings | None = None
          ) -> tuple[str, ...]:
    """Write ``document`` to ``path`` as a UTF-8 HTML page; there are never warnings.

    Raises:
        OSError: ``path`` (or the theme's logo) cannot be read or written.
    """
    layout = layout_for(settings.theme if settings is not None else None)
    path.write_text(to_html(document, layout), encoding="utf-8", newline="\n")
    return ()


def to_html(document: Document, layout: Layout | None = None) -> str:
    """Return the HTML page of ``document`` in ``layout`` (the default theme's if None)."""
    layout = layout or layout_for(None)
    meta = document.metadata
    banner = " ".join(make_xml_safe(meta.classification or "").split())
    head = [
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{text(meta.title)}</title>",
        '<meta name="generator" content="briefgen">',
    ]
    for name, value in (("author", meta.author), ("description", meta.subject),
                        ("keywords", ", ".join(meta.keywords))):
        if value:
            head.append(f'<meta name="{name}" content="{text(value)}">')
    if meta.created is not None:
        head.append(f'<meta name="dcterms.created" content="{meta.created.isoformat()}">')
    if banner:
        head.append(f'<meta name="classification" content="{text(banner)}">')
    head.append(f"<style>\n{style_sheet(layout)}</style>")
    memo = ['<main class="memo">']
    logo = logo_html(layout)
    if logo:
        memo.append(logo)
    memo.extend(_blocks(document, layout))
    if document.annex:
        # The annex starts a new printed page; its paragraphs are the references' targets.
        memo.append('<section class="annex">')
        memo.extend(_run_blocks(document.annex, layout))
        memo.append("</section>")
    memo.append("</main>")
    if banner:
        # A table's header and footer rows are repeated on every printed page by browsers:
        # the banner is then at the top and bottom of each page, not only of the first and
        # last. (CSS page margin boxes would do it too, but not every browser has them.)
        marking = f'<div class="banner" role="note">{text(banner)}</div>'
        memo = ['<table class="sheet" role="presentation">',
                f'<thead class="banner-top"><tr><td>{marking}</td></tr></thead>',
                "<tbody><tr><td>", *memo, "</td></tr></tbody>",
                f'<tfoot class="banner-bottom"><tr><td>{marking}</td></tr></tfoot>', "</table>"]
    body = memo
    return ("<!DOCTYPE html>\n"
            f'<html lang="{LANGUAGE}" dir="ltr">\n<head>\n' + "\n".join(head)
            + "\n</head>\n<body>\n" + "\n".join(body) + "\n</body>\n</html>\n")


def text(value: str) -> str:
    """Return ``value`` safe as HTML text or attribute value."""
    return escape(make_xml_safe(value), quote=True)


def direction(value: str) -> str | None:
    """Return "rtl" for mostly right-to-left text, "ltr" for other text with letters."""
    rtl = ltr = 0
    for ch in value:
        kind = unicodedata.bidirectional(ch)
        if kind in RTL_CLASSES:
            rtl += 1
        elif kind == "L":
            ltr += 1
    if rtl > ltr:
        return "rtl"
    return None


def inline(content: Inlines) -> str:
    """Return spans as HTML: <strong>, <em>, line breaks; a run against the block's direction
    (Arabic in English, English in Arabic) is isolated in <bdi> so it keeps its own order."""
    block_rtl = direction(plain_text(content)) == "rtl"
    out = []
    for span in content:
        value = text(span.text).replace("\r\n", "\n").replace("\r", "\n").replace("\n", "<br>")
        if not value:
            continue
        span_rtl = direction(span.text) == "rtl"
        if not block_rtl and any(unicodedata.bidirectional(ch) in RTL_CLASSES
                                 for ch in span.text):
            value = f'<bdi dir="{"rtl" if span_rtl else "auto"}">{value}</bdi>'
        elif block_rtl and not span_rtl and any(unicodedata.bidirectional(ch) == "L"
                                                for ch in span.text):
            value = f'<bdi dir="ltr">{value}</bdi>'
        if span.italic:
            value = f"<em>{value}</em>"
        if span.bold:
            value = f"<strong>{value}</strong>"
        if span.link:
            value = f'<a href="#{text(span.link)}">{value}</a>'
        out.append(value)
    return "".join(out)


def block_dir(content: Inlines) -> str:
    """Return a ``dir`` attribute for a block that reads right to left, else nothing."""
    return ' dir="rtl"' if direction(plain_text(content)) == "rtl" else ""


def _blocks(document: Document, layout: Layout) -> list[str]:
    """Return the blocks' HTML; a landscape run is in a ``div.landscape`` that prints on
    landscape pages."""
    out: list[str] = []
    for run in layout.page_runs(document.blocks):
        blocks = _run_blocks(run.blocks, layout)
        if run.landscape:
            blocks = ['<div class="landscape">', *blocks, "</div>"]
        out.extend(blocks)
    return out


def _run_blocks(blocks: tuple[Block, ...], layout: Layout) -> list[str]:
    out: list[str] = []
    for block in blocks:
        if isinstance(block, Heading):
            level = min(max(block.level, 1), 6)
            out.append(f"<h{level}{block_dir(block.content)}>{inline(block.content)}"
                       f"</h{level}>")
        elif isinstance(block, Paragraph):
            role = block.role if block.role in layout.styles else "body"
            css = f' class="{role}"' if role != "body" else ""
            if block.anchor:
                css += f' id="{text(block.anchor)}"'
            out.append(f"<p{css}{block_dir(block.content)}>{inline(block.content)}</p>")
        elif isinstance(block, BulletList) and block.items:
            tag = "ol" if block.ordered else "ul"
            items = "".join(f"<li{block_dir(item)}>{inline(item)}</li>" for item in block.items)
            out.append(f"<{tag}>{items}</{tag}>")
        elif isinstance(block, Table) and block.header:
            out.append(table(block))
        elif isinstance(block, FieldList) and block.fields:
            rows = []
            for field in block.fields:
                label = field.label.strip()
                if label and not label.endswith(":"):
                    label += ":"
                rows.append(f'<tr><th scope="row">{text(label)}</th>'
                            f"<td{block_dir(field.value)}>{inline(field.value)}</td></tr>")
            out.append(f'<table class="fields"><tbody>{"".join(rows)}</tbody></table>')
        elif isinstance(block, Rule):
            out.append("<hr>")
    return out


def table(block: Table) -> str:
    """Return a grid table with a header row and the layout's column widths."""
    columns = len(block.header)
    cols = "".join(f'<col style="width:{share * 100:.2f}%">' for share in block.column_shares())
    head = "".join(f'<th scope="col"{block_dir(c)}>{inline(c)}</th>' for c in block.header)
    rows = []
    for row in block.rows:
        cells = (*row[:columns], *[()] * (columns - len(row)))
        rows.append("<tr>" + "".join(f"<td{block_dir(c)}>{inline(c)}</td>" for c in cells)
                    + "</tr>")
    return (f'<table class="grid"><colgroup>{cols}</colgroup><thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table>")


def logo_html(layout: Layout) -> str:
    """Return the theme's logo as an embedded image, or nothing."""
    path = layout.theme.logo
    if path is None:
        return ""
    data = path.read_bytes()
    kind = image_type(data[:16]) or "png"
    source = f"data:image/{kind};base64,{base64.b64encode(data).decode('ascii')}"
    return (f'<img class="logo logo-{layout.theme.logo_position}" alt="" src="{source}" '
            f'style="height:{layout.logo_height:g}pt">')


def font_css(layout: Layout, role: str) -> str:
    family = layout.fonts[role]
    generic = SERIF_FONTS if family.word_name == SERIF.word_name else GENERIC_FONTS
    return f'"{family.word_name}", {generic}'


def text_css(style: TextStyle, layout: Layout) -> str:
    """Return the CSS declarations of one style-table entry."""
    rules = [f"font-size:{style.size:g}pt", f"line-height:{style.leading:g}",
             f"color:#{style.color}", f"margin:{style.space_before:g}pt 0 {style.space_after:g}pt",
             f"font-weight:{'bold' if style.bold else 'normal'}"]
    if style.font != "body":  # body text inherits the body font
        rules.append(f"font-family:{font_css(layout, style.font)}")
    if style.italic:
        rules.append("font-style:italic")
    if style.caps:
        rules.append("text-transform:uppercase")
    if style.align != "left":
        rules.append(f"text-align:{style.align}")
    if style.keep_with_next:
        rules.append("break-after:avoid")
    return ";".join(rules)


def style_sheet(layout: Layout) -> str:
    """Return the page's CSS, every size and colour taken from the layout."""
    page, s = layout.page, layout.styles
    pad = layout.table_cell_padding
    margins = (f"{page.margin_top:g}pt {page.margin_right:g}pt {page.margin_bottom:g}pt "
               f"{page.margin_left:g}pt")
    banner_css = text_css(s["banner"], layout)
    rules = [
        f"html{{background:#fff;color:#{s['body'].color}}}",
        f"body{{margin:0;font-family:{font_css(layout, 'body')};font-size:{s['body'].size:g}pt}}",
        f".memo{{max-width:{page.text_width:g}pt;margin:0 auto;padding:24pt 16pt;"
        "position:relative}",
        f"h1{{{text_css(s['title'], layout)}}}",
        f"h2{{{text_css(s['heading2'], layout)}}}",
        f"h3,h4,h5,h6{{{text_css(s['heading3'], layout)}}}",
        f"p{{{text_css(s['body'], layout)}}}",
        f"p.note{{{text_css(s['note'], layout)}}}",
        f"ul,ol{{margin:0 0 {s['body'].space_after:g}pt;padding-left:{layout.bullet_indent:g}pt}}",
        f"li{{{text_css(s['bullet'], layout)}}}",
        f"hr{{border:0;border-top:{layout.rule_thickness:g}pt solid #{layout.accent};"
        f"margin:{layout.rule_space:g}pt 0}}",
        f"table{{border-collapse:collapse;margin:0 0 {layout.table_space_after:g}pt}}",
        "table.grid{width:100%;table-layout:fixed;break-inside:auto}",
        f"table.grid th,table.grid td{{border:{layout.table_border_width:g}pt solid "
        f"#{layout.table_border};padding:{pad:g}pt;vertical-align:top;text-align:start;"
        "overflow-wrap:anywhere}",
        f"table.grid th{{{text_css(s['table_header'], layout)};"
        f"background:#{layout.table_header_fill};padding:{pad:g}pt}}",
        f"table.grid td{{{text_css(s['table_cell'], layout)};padding:{pad:g}pt}}",
        "table.grid thead{display:table-header-group}",
        "table.grid tr{break-inside:avoid}",
        "table.fields{width:100%}",
        f"table.fields th{{{text_css(s['field_label'], layout)};width:"
        f"{layout.field_label_width:g}pt;text-align:start;vertical-align:top;padding:0 0 "
        f"{s['field_label'].space_after:g}pt}}",
        f"table.fields td{{{text_css(s['field_value'], layout)};vertical-align:top;"
        f"padding:0 0 {s['field_value'].space_after:g}pt}}",
        f".banner{{{banner_css};padding:6pt 0;letter-spacing:0.02em}}",
        ".logo{position:absolute;top:0}",
        ".logo-right{right:16pt}.logo-left{left:16pt}",
        "bdi{unicode-bidi:isolate}",
        f"a{{color:#{layout.accent};text-decoration:none}}",
        f".annex{{margin-top:24pt;border-top:{layout.rule_thickness:g}pt solid "
        f"#{layout.accent}}}",
        "p:target{background:#fff3bf}",
        page_rule(layout, margins),
        "table.sheet{width:100%;margin:0;border-collapse:collapse}"
        "table.sheet>*>tr>td{padding:0}",
        "@media print{.memo{max-width:none;padding:0}.logo{top:0}"
        "a{color:inherit;text-decoration:none}.annex{break-before:page;border-top:0;"
        "margin-top:0}}",
    ]
    return "\n".join(rules) + "\n"


def page_rule(layout: Layout, margins: str) -> str:
    """Return the @page rules: size, margins and, where supported, "Page X of Y" in the
    bottom margin of every printed page; and the landscape page of a wide table."""
    numbers = ('@bottom-right{content:"Page " counter(page) " of " counter(pages);'
               f"{text_css(layout.styles['footer'], layout)}}}")
    size = PAGE_SIZE_NAMES.get(layout.theme.page_size, "letter")
    # A table too wide for portrait (Layout.page_runs) prints on a landscape page where
    # browsers have named pages; elsewhere it still wraps within the portrait width.
    return (f"@page{{size:{size};margin:{margins};{numbers}}}"
            f"@page wide{{size:{size} landscape}}.landscape{{page:wide}}")
