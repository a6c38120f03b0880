"""Write Document blocks as WordprocessingML: paragraphs, lists, tables, the header block.

The body is serialised as one XML string and parsed once: building it element by element
through python-docx's API cost most of the writer's time (every ``get_or_add`` searches the
element's children in schema order).
"""

from __future__ import annotations

import re
import unicodedata
from xml.sax.saxutils import escape

from docx.oxml import parse_xml
from docx.oxml.ns import qn

from briefgen.document import (
    BulletList,
    FieldList,
    Heading,
    Inlines,
    Paragraph,
    Rule,
    Table,
    plain_text,
)
from briefgen.writers.docx.wordstyles import StyleMap
from briefgen.writers.docx.xml import NAMESPACES, twips
from briefgen.writers.styles import Layout
from briefgen.xmlsafe import make_xml_safe

PARAGRAPH_ROLES: dict[str, str] = {"note": "Note"}
RULE_WIDTH = 1.0  # points
RULE_MARK_SIZE = 2.0  # points: the rule's empty paragraph should be a hairline, not a text line
CELL_PADDING_X = 5.4  # points: Word's default, kept so the text does not touch the borders
CELL_PADDING_Y = 2.0  # points above and below cell text
TABLE_LOOK = ('<w:tblLook w:firstColumn="1" w:firstRow="1" w:lastColumn="0" w:lastRow="0" '
              'w:noHBand="0" w:noVBand="1" w:val="04A0"/>')
RUN_BREAKS = re.compile(r"([\t\r\n])")
RUN_BREAK_XML = {"\t": "<w:tab/>", "\r": "<w:br/>", "\n": "<w:br/>"}


def count_directions(text: str) -> tuple[int, int]:
    """Return how many strong right-to-left and left-to-right characters ``text`` has."""
    if text.isascii():
        return 0, sum(ch.isalpha() for ch in text)
    rtl = ltr = 0
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            rtl += 1
        elif kind == "L":
            ltr += 1
    return rtl, ltr


def run_xml(text: str, bold: bool = False, italic: bool = False, rtl: bool = False) -> str:
    """Return one ``w:r``: tabs and line breaks become ``w:tab`` and ``w:br`` as Word has them."""
    props = (("<w:b/><w:bCs/>" if bold else "") + ("<w:i/><w:iCs/>" if italic else "")
             + ("<w:rtl/>" if rtl else ""))
    content = []
    for piece in RUN_BREAKS.split(text):
        if piece in RUN_BREAK_XML:
            content.append(RUN_BREAK_XML[piece])
        elif piece:
            space = ' xml:space="preserve"' if len(piece.strip()) < len(piece) else ""
            content.append(f"<w:t{space}>{escape(piece)}</w:t>")
    return f"<w:r>{f'<w:rPr>{props}</w:rPr>' if props else ''}{''.join(content)}</w:r>"


def inlines_xml(inlines: Inlines) -> tuple[str, bool]:
    """Return the runs of ``inlines`` and whether the paragraph reads right to left."""
    rtl, ltr = count_directions(plain_text(inlines))
    is_rtl = rtl > ltr
    runs = []
    for span in inlines:
        text = make_xml_safe(span.text)
        if not text:
            continue
        span_rtl = False
        if is_rtl:
            span_rtl_count, span_ltr_count = count_directions(text)
            span_rtl = span_rtl_count >= span_ltr_count
        run = run_xml(text, span.bold, span.italic, span_rtl)
        if span.link:  # a reference to an annex paragraph: a link to its bookmark
            run = f'<w:hyperlink w:anchor="{escape(span.link)}" w:history="1">{run}</w:hyperlink>'
        runs.append(run)
    return "".join(runs), is_rtl


def paragraph_xml(style_id: str, inlines: Inlines = (), num: tuple[int, int] | None = None,
                  space_before: float | None = None, keep_next: bool = False,
                  bookmark: tuple[int, str] | None = None) -> str:
    """Return a ``w:p`` of style ``style_id``; ``num`` is (list level, numbering instance);
    ``keep_next`` keeps it on the page of the next paragraph; ``bookmark`` (id, name) makes
    it the target of links."""
    runs, is_rtl = inlines_xml(inlines)
    if bookmark is not None:
        runs = (f'<w:bookmarkStart w:id="{bookmark[0]}" w:name="{escape(bookmark[1])}"/>'
                f'{runs}<w:bookmarkEnd w:id="{bookmark[0]}"/>')
    props = [f'<w:pStyle w:val="{escape(style_id)}"/>']
    if keep_next:
        props.append("<w:keepNext/>")
    if num is not None:
        props.append(f'<w:numPr><w:ilvl w:val="{num[0]}"/><w:numId w:val="{num[1]}"/></w:numPr>')
    if is_rtl:
        props.append("<w:bidi/>")
    if space_before is not None:
        props.append(f'<w:spacing w:before="{twips(space_before)}"/>')
    return f"<w:p><w:pPr>{''.join(props)}</w:pPr>{runs}</w:p>"


class BodyWriter:
    """Collects the XML of the memo's blocks in order, then parses it once."""

    def __init__(self, layout: Layout, styles: StyleMap, text_width: float,
                 restart_list) -> None:
        self.layout = layout
        self.ids = {name: styles.id(name) for name in (
            "Normal", "Title", "Heading 1", "Heading 2", "List Bullet", "List Number", "Note",
            "Memo Field Label", "Memo Field", "Table Heading", "Table Text", "Table Grid")}
        self.list_number = styles.num_id("List Number")
        self.text_width = text_width  # points
        self.restart_list = restart_list
        self.parts: list[str] = []
        self.follows_table = False
        #: Where a section ends (index into ``parts``) and whether it is landscape.
        self.section_ends: list[tuple[int, bool]] = []
        self.starts_section = False
        #: How the block being added keeps with the next ("", "last", "all"; see ``add``).
        self.keep = ""
        self.bookmarks = 0  # bookmarks (annex paragraphs) written so far

    def elements(self) -> tuple[list, list]:
        """Return the body elements written so far, and the paragraphs that end a section
        with whether that section is landscape (for ``sections.add_section_breaks``)."""
        parsed = parse_xml(f"<w:body {NAMESPACES}>{''.join(self.parts)}</w:body>")
        section_ends = dict(self.section_ends)
        elements: list = []
        ends: list = []
        for index, element in enumerate(parsed):
            elements.append(element)
            if index not in section_ends:
                continue
            mark = element
            if mark.tag != qn("w:p"):
                # A table cannot carry the section's properties: an empty hairline paragraph
                # after it does, too small to spill onto a page of its own.
                mark = parse_xml(f"<w:body {NAMESPACES}>{self.hairline_xml()}</w:body>")[0]
                elements.append(mark)
            ends.append((mark, section_ends[index]))
        return elements, ends

    def end_section(self, landscape: bool) -> None:
        """End a section after the last block added; ``landscape`` says how it is set."""
        if self.parts:
            self.section_ends.append((len(self.parts) - 1, landscape))
        # The next block starts a page: no gap needed above it.
        self.follows_table = False
        self.starts_section = True

    def hairline_xml(self) -> str:
        """Return an empty paragraph one point high."""
        style = escape(self.ids["Normal"])
        size = round(RULE_MARK_SIZE * 2)
        return (f'<w:p><w:pPr><w:pStyle w:val="{style}"/><w:spacing w:before="0" w:after="0" '
                f'w:line="{twips(RULE_MARK_SIZE / 2)}" w:lineRule="exact"/><w:rPr>'
                f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr></w:pPr></w:p>')

    def add(self, block: object, keep: str = "") -> None:
        """Add a block; ``keep`` "last" keeps its last paragraph with the next block, "all"
        every paragraph of it (the closing group, ``Layout.closing_group``)."""
        self.keep = keep
        is_table = isinstance(block, (Table, FieldList))
        if is_table and self.follows_table:
            # Two tables in a row merge into one in Word unless a paragraph separates them.
            self.add_rule(border=False)
        elif is_table and self.starts_section:
            # LibreOffice keeps a table that opens a section on the previous section's page.
            self.parts.append(self.hairline_xml())
        self.starts_section = False
        if isinstance(block, Heading):
            level = block.level
            self.add_paragraph("Title" if level <= 1 else "Heading 1" if level == 2
                               else "Heading 2", block.content,
                               self.layout.style_for_heading(level).space_before)
        elif isinstance(block, Paragraph):
            if self.keep == "last":
                self.keep = "all"
            self.add_paragraph(PARAGRAPH_ROLES.get(block.role, "Normal"), block.content,
                               self.layout.style(block.role).space_before,
                               anchor=block.anchor)
        elif isinstance(block, BulletList):
            self.add_list(block)
        elif isinstance(block, Table):
            self.add_grid_table(block)
        elif isinstance(block, FieldList):
            self.add_field_table(block)
        elif isinstance(block, Rule):
            self.add_rule(border=True)
        self.follows_table = is_table

    def add_paragraph(self, style: str, content: Inlines, style_space_before: float,
                      num: tuple[int, int] | None = None, anchor: str | None = None) -> None:
        space_before = None
        if self.follows_table:
            # A table has no spacing of its own: keep text from touching its bottom edge.
            gap = self.layout.styles["body"].space_after
            if style_space_before < gap:
                space_before = gap
            self.follows_table = False
        bookmark = None
        if anchor:
            self.bookmarks += 1
            bookmark = (self.bookmarks, anchor)
        self.parts.append(paragraph_xml(self.ids[style], content, num, space_before,
                                        self.keep == "all", bookmark))

    def add_list(self, block: BulletList) -> None:
        num = None
        if block.ordered and self.list_number is not None:
            num = (0, self.restart_list(self.list_number))
        space_before = self.layout.styles["bullet"].space_before
        keep = self.keep
        for index, item in enumerate(block.items):
            if keep == "last":
                self.keep = "all" if index == len(block.items) - 1 else ""
            self.add_paragraph("List Number" if block.ordered else "List Bullet", item,
                               space_before, num)
        self.keep = keep

    def add_rule(self, border: bool) -> None:
        """Add a hairline-high empty paragraph, with a bottom border in the accent colour."""
        edge = ""
        if border:
            edge = (f'<w:pBdr><w:bottom w:val="single" w:sz="{round(RULE_WIDTH * 8)}" '
                    f'w:space="1" w:color="{self.layout.accent}"/></w:pBdr>')
        size = round(RULE_MARK_SIZE * 2)
        after = twips(self.layout.styles["body"].space_after)
        style = escape(self.ids["Normal"])
        self.parts.append(
            f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{edge}<w:spacing w:before="0" '
            f'w:after="{after}" w:line="240" w:lineRule="auto"/><w:rPr><w:sz w:val="{size}"/>'
            f'<w:szCs w:val="{size}"/></w:rPr></w:pPr></w:p>')

    def add_grid_table(self, block: Table) -> None:
        """Add a "Table Grid" table whose shaded header row repeats on every page."""
        rows = [block.header, *block.rows]
        columns = max(len(row) for row in rows)
        if columns == 0:
            return
        layout = self.layout
        total = round(self.text_width * 20)
        widths = [round(share * total) for share in block.column_shares()]
        border = (f'w:val="single" w:sz="{round(layout.table_border_width * 8)}" w:space="0" '
                  f'w:color="{layout.table_border}"')
        borders = "".join(f"<w:{edge} {border}/>" for edge in (
            "top", "left", "bottom", "right", "insideH", "insideV"))
        pad_x, pad_y = twips(CELL_PADDING_X), twips(CELL_PADDING_Y)
        # Word draws the left border one cell padding left of the indent: indent by the
        # padding so the borders line up with the margins. A fixed layout keeps the widths:
        # Word's autofit widens a column to fit a long word (a URL, a hash) past the margin.
        out = [f'<w:tbl><w:tblPr><w:tblStyle w:val="{escape(self.ids["Table Grid"])}"/>'
               f'<w:tblW w:type="dxa" w:w="{total}"/><w:tblInd w:w="{pad_x}" w:type="dxa"/>'
               f'<w:tblBorders>{borders}</w:tblBorders><w:tblLayout w:type="fixed"/>'
               f'<w:tblCellMar><w:top w:w="{pad_y}" w:type="dxa"/><w:left w:w="{pad_x}" '
               f'w:type="dxa"/><w:bottom w:w="{pad_y}" w:type="dxa"/><w:right w:w="{pad_x}" '
               f'w:type="dxa"/></w:tblCellMar>{TABLE_LOOK}</w:tblPr><w:tblGrid>']
        out.extend(f'<w:gridCol w:w="{w}"/>' for w in widths)
        out.append("</w:tblGrid>")
        shade = f'<w:shd w:val="clear" w:color="auto" w:fill="{layout.table_header_fill}"/>'
        for index, cells in enumerate(rows):
            is_header = index == 0
            style = self.ids["Table Heading" if is_header else "Table Text"]
            out.append("<w:tr><w:trPr><w:cantSplit/>"
                       f"{'<w:tblHeader/>' if is_header else ''}</w:trPr>")
            padded = (*cells, *[()] * (columns - len(cells)))
            for width, content in zip(widths, padded, strict=True):
                out.append(f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{width}"/>'
                           f"{shade if is_header else ''}</w:tcPr>"
                           f"{paragraph_xml(style, content)}</w:tc>")
            out.append("</w:tr>")
        out.append("</w:tbl>")
        self.parts.append("".join(out))

    def add_field_table(self, block: FieldList) -> None:
        """Add the memo header block as a borderless two-column table of labels and values."""
        if not block.fields:
            return
        total = round(self.text_width * 20)
        label_width = round(self.layout.field_label_width * 20)
        widths = (label_width, total - label_width)
        # No cell padding at the sides, so labels line up with the body text at the margin.
        out = [f'<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="{total}"/>'
               '<w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>'
               '<w:left w:w="0" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/>'
               f'<w:right w:w="0" w:type="dxa"/></w:tblCellMar>{TABLE_LOOK}</w:tblPr>'
               f'<w:tblGrid><w:gridCol w:w="{widths[0]}"/><w:gridCol w:w="{widths[1]}"/>'
               "</w:tblGrid>"]
        label_style = escape(self.ids["Memo Field Label"])
        for field in block.fields:
            label = make_xml_safe(field.label).strip()
            if label and not label.endswith(":"):
                label += ":"
            label_run = run_xml(label) if label else ""
            out.append(f'<w:tr><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{widths[0]}"/></w:tcPr>'
                       f'<w:p><w:pPr><w:pStyle w:val="{label_style}"/></w:pPr>{label_run}</w:p>'
                       f'</w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{widths[1]}"/></w:tcPr>'
                       f'{paragraph_xml(self.ids["Memo Field"], field.value)}</w:tc></w:tr>')
        out.append("</w:tbl>")
        self.parts.append("".join(out))
