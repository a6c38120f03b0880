"""Write a Document as a Word file built on Word's own styles, so users can restyle it."""

from __future__ import annotations

import copy
import datetime as dt
import io
import unicodedata
import zipfile
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from briefgen.document import (
    BulletList,
    Document,
    FieldList,
    Heading,
    Inlines,
    Metadata,
    Paragraph,
    Rule,
    Table,
    plain_text,
)
from briefgen.writers import styles
from briefgen.xmlsafe import make_xml_safe

__all__ = ["write"]

#: Word paragraph style of each role; the built-in ones keep Word's names so users can restyle.
BUILTIN_STYLES: dict[str, str] = {
    "Normal": "body",
    "Title": "title",
    "Heading 1": "heading2",
    "Heading 2": "heading3",
    "List Bullet": "bullet",
    "List Number": "bullet",
    "Footer": "footer",
}
CUSTOM_STYLES: dict[str, str] = {
    "Note": "note",
    "Memo Field Label": "field_label",
    "Memo Field": "field_value",
    "Table Heading": "table_header",
    "Table Text": "table_cell",
}
PARAGRAPH_ROLES: dict[str, str] = {"note": "Note"}

# Word's "single" line is ascent + descent + line gap of the font: 1.15 em for Arial, so the
# style table's leading (a multiple of the font size) is divided by it.
WORD_SINGLE_LINE = 1.15
ALIGNMENTS = {"center": WD_ALIGN_PARAGRAPH.CENTER, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
              "right": WD_ALIGN_PARAGRAPH.RIGHT}
CORE_PROPERTY_LIMIT = 255  # python-docx refuses longer core-property strings
RULE_WIDTH = 1.0  # points
RULE_MARK_SIZE = 2.0  # points: the rule's empty paragraph should be a hairline, not a text line
ZIP_TIMESTAMP = (1980, 1, 1, 0, 0, 0)
CELL_PADDING_X = 5.4  # points: Word's default, kept so the text does not touch the borders
CELL_PADDING_Y = 2.0  # points above and below cell text

# Schema order of paragraph properties, for inserting what python-docx has no API for.
PPR_ORDER = ("w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr",
             "w:widowControl", "w:numPr", "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs",
             "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
             "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
             "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
             "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
             "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr",
             "w:pPrChange")
TCPR_AFTER_SHD = ("w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign",
                  "w:hideMark")
TBLPR_ORDER = ("w:tblStyle", "w:tblpPr", "w:tblOverlap", "w:bidiVisual",
               "w:tblStyleRowBandSize", "w:tblStyleColBandSize", "w:tblW", "w:jc",
               "w:tblCellSpacing", "w:tblInd", "w:tblBorders", "w:shd", "w:tblLayout",
               "w:tblCellMar", "w:tblLook")
KEPT_STYLE_PPR = {qn("w:numPr"), qn("w:outlineLvl"), qn("w:tabs")}


def write(document: Document, path: Path) -> tuple[str, ...]:
    """Write ``document`` to ``path`` as a .docx file and return warnings for the user.

    Two writes of the same document with ``metadata.created`` set give identical bytes.

    Raises:
        OSError: ``path`` cannot be written.
    """
    word = docx.Document()
    configure_styles(word)
    configure_page(word)
    warnings = set_properties(word, document.metadata)
    renderer = _Renderer(word)
    for block in document.blocks:
        renderer.add(block)
    save_reproducibly(word, path)
    return warnings


class _Renderer:
    """Appends blocks to a python-docx document, remembering whether the last was a table."""

    def __init__(self, word: docx.document.Document) -> None:
        self.word = word
        self.follows_table = False
        section = word.sections[0]
        self.text_width = section.page_width - section.left_margin - section.right_margin

    def add(self, block: object) -> None:
        is_table = isinstance(block, (Table, FieldList))
        if is_table and self.follows_table:
            # Two tables in a row merge into one in Word unless a paragraph separates them.
            add_rule_paragraph(self.word, border=False)
        if isinstance(block, Heading):
            level = block.level
            self.add_paragraph("Title" if level <= 1 else "Heading 1" if level == 2
                               else "Heading 2", block.content)
        elif isinstance(block, Paragraph):
            self.add_paragraph(PARAGRAPH_ROLES.get(block.role, "Normal"), block.content)
        elif isinstance(block, BulletList):
            self.add_list(block)
        elif isinstance(block, Table):
            add_grid_table(self.word, block, self.text_width)
        elif isinstance(block, FieldList):
            add_field_table(self.word, block, self.text_width)
        elif isinstance(block, Rule):
            add_rule_paragraph(self.word, border=True)
        self.follows_table = is_table

    def add_paragraph(self, style: str, content: Inlines):
        paragraph = self.word.add_paragraph()
        set_style(paragraph, self.word.styles[style])
        if self.follows_table:
            # A table has no spacing of its own: keep text from touching its bottom edge.
            gap = Pt(styles.STYLES["body"].space_after)
            if (self.word.styles[style].paragraph_format.space_before or 0) < gap:
                paragraph.paragraph_format.space_before = gap
            self.follows_table = False
        add_inlines(paragraph, content)
        return paragraph

    def add_list(self, block: BulletList) -> None:
        num_id = restart_numbering(self.word) if block.ordered else None
        for item in block.items:
            paragraph = self.add_paragraph("List Number" if block.ordered else "List Bullet",
                                           item)
            if num_id is not None:
                num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
                num_pr.get_or_add_ilvl().val = 0
                num_pr.get_or_add_numId().val = num_id



def set_style(paragraph, style) -> None:
    """Give a paragraph a style by its id.

    python-docx's ``paragraph.style = ...`` scans every style of the document to see whether
    the style is the default one, on every call (most of the writer's time on a memo); the
    ids of our styles are known, so write the reference directly.
    """
    paragraph._p.get_or_add_pPr().style = style.style_id

def count_directions(text: str) -> tuple[int, int]:
    """Return how many strong right-to-left and left-to-right characters ``text`` has."""
    rtl = ltr = 0
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            rtl += 1
        elif kind == "L":
            ltr += 1
    return rtl, ltr


def add_inlines(paragraph, inlines: Inlines) -> None:
    """Append spans as runs; a mostly Arabic/Hebrew paragraph becomes a right-to-left one."""
    rtl, ltr = count_directions(plain_text(inlines))
    is_rtl = rtl > ltr
    if is_rtl:
        set_child(paragraph._p.get_or_add_pPr(), OxmlElement("w:bidi"), PPR_ORDER)
    for span in inlines:
        text = make_xml_safe(span.text)
        if not text:
            continue
        run = paragraph.add_run(text)
        r_pr = run._r.get_or_add_rPr()
        if span.bold:
            run.bold = True
            r_pr.get_or_add_bCs()
        if span.italic:
            run.italic = True
            r_pr.get_or_add_iCs()
        span_rtl, span_ltr = count_directions(text)
        if is_rtl and span_rtl >= span_ltr:
            r_pr.get_or_add_rtl()


def set_child(parent, child, order: tuple[str, ...]) -> None:
    """Put ``child`` into ``parent`` in schema ``order``, replacing one of the same tag."""
    for old in parent.findall(child.tag):
        parent.remove(old)
    tags = [qn(tag) for tag in order]
    successors = order[tags.index(child.tag) + 1:]
    parent.insert_element_before(child, *successors)


def make_element(tag: str, **attributes: str):
    """Return a new OOXML element with ``w:``-prefixed attributes."""
    element = OxmlElement(tag)
    for name, value in attributes.items():
        element.set(qn(f"w:{name}"), value)
    return element


def twips(points: float) -> str:
    return str(round(points * 20))


def set_fonts(r_pr) -> None:
    """Name DOCX_FONT for Latin, East Asian and complex scripts, dropping theme fonts."""
    fonts = r_pr.get_or_add_rFonts()
    fonts.attrib.clear()
    for script in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{script}"), styles.DOCX_FONT)


def configure_style(style, text_style: styles.TextStyle) -> None:
    """Make a paragraph style follow one entry of the shared style table and nothing else."""
    element = style.element
    for r_pr in element.findall(qn("w:rPr")):
        element.remove(r_pr)
    p_pr = element.find(qn("w:pPr"))
    if p_pr is not None:
        for child in list(p_pr):
            if child.tag not in KEPT_STYLE_PPR:
                p_pr.remove(child)
    font = style.font
    font.size = Pt(text_style.size)
    font.bold = True if text_style.bold else None
    font.italic = True if text_style.italic else None
    font.all_caps = True if text_style.caps else None
    font.color.rgb = RGBColor.from_string(text_style.color)
    r_pr = element.get_or_add_rPr()
    set_fonts(r_pr)
    # Arabic and Hebrew take their size and emphasis from the complex-script properties.
    r_pr.sz.addnext(make_element("w:szCs", val=str(round(text_style.size * 2))))
    if text_style.bold:
        r_pr.get_or_add_bCs()
    if text_style.italic:
        r_pr.get_or_add_iCs()
    paragraph_format = style.paragraph_format
    paragraph_format.space_before = Pt(text_style.space_before)
    paragraph_format.space_after = Pt(text_style.space_after)
    paragraph_format.line_spacing = round(text_style.leading / WORD_SINGLE_LINE, 2)
    paragraph_format.keep_with_next = True if text_style.keep_with_next else None
    paragraph_format.keep_together = True if text_style.keep_with_next else None
    paragraph_format.widow_control = True
    paragraph_format.alignment = ALIGNMENTS.get(text_style.align)


def configure_styles(word: docx.document.Document) -> None:
    """Set Word's built-in styles and add ours, all from the shared style table."""
    defaults = word.styles.element.find(qn("w:docDefaults"))
    if defaults is not None:
        for r_pr in defaults.iter(qn("w:rPr")):
            set_fonts(r_pr)
    for name, role in BUILTIN_STYLES.items():
        style = word.styles[name]
        configure_style(style, styles.STYLES[role])
        link = style.element.find(qn("w:link"))
        if link is not None:
            # Word applies the linked character style to part of a paragraph: keep them alike.
            linked = word.styles.element.get_by_id(link.get(qn("w:val")))
            for r_pr in linked.findall(qn("w:rPr")):
                linked.remove(r_pr)
            linked.append(copy.deepcopy(style.element.rPr))
    for name, role in CUSTOM_STYLES.items():
        style = word.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = word.styles["Normal"]
        style.quick_style = True
        configure_style(style, styles.STYLES[role])
    for name in ("List Bullet", "List Number"):
        indent = word.styles[name].paragraph_format
        indent.left_indent = Pt(styles.BULLET_INDENT)
        indent.first_line_indent = Pt(-styles.BULLET_INDENT)


def configure_page(word: docx.document.Document) -> None:
    """Set page size and margins and put "Page X of Y" in the footer of every page."""
    section = word.sections[0]
    page = styles.PAGE
    section.page_width, section.page_height = Pt(page.width), Pt(page.height)
    section.top_margin, section.bottom_margin = Pt(page.margin_top), Pt(page.margin_bottom)
    section.left_margin, section.right_margin = Pt(page.margin_left), Pt(page.margin_right)
    paragraph = section.footer.paragraphs[0]
    set_style(paragraph, word.styles["Footer"])
    paragraph.add_run("Page ")
    add_field(paragraph, "PAGE")
    paragraph.add_run(" of ")
    add_field(paragraph, "NUMPAGES")


def add_field(paragraph, instruction: str) -> None:
    """Append a field (begin / instruction / separate / placeholder / end) Word computes."""
    for part in ("begin", instruction, "separate", "1", "end"):
        run = paragraph.add_run()
        if part in ("begin", "separate", "end"):
            run._r.append(make_element("w:fldChar", fldCharType=part))
        elif part == instruction:
            code = OxmlElement("w:instrText")
            code.set(qn("xml:space"), "preserve")
            code.text = f" {instruction} "
            run._r.append(code)
        else:
            run.text = part


def restart_numbering(word: docx.document.Document) -> int:
    """Return a new numbering instance of the List Number style that starts again at 1."""
    numbering = word.part.numbering_part.element
    style_num_id = word.styles["List Number"].element.pPr.numPr.numId.val
    abstract_id = numbering.num_having_numId(style_num_id).abstractNumId.val
    num = numbering.add_num(abstract_id)
    num.add_lvlOverride(ilvl=0).add_startOverride(1)
    return num.numId


def set_table_width(table, widths: list[int], layout_fixed: bool) -> None:
    """Give the table and each column an explicit width (twips via python-docx lengths)."""
    table.autofit = not layout_fixed
    tbl_w = table._tbl.tblPr.find(qn("w:tblW"))
    tbl_w.set(qn("w:type"), "dxa")
    tbl_w.set(qn("w:w"), str(round(sum(widths) / 635)))  # EMU -> twips
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width


def set_cell_padding(table, horizontal: float, vertical: float) -> None:
    """Set the space between cell borders and cell text, in points."""
    margins = make_element("w:tblCellMar")
    for side, points in (("top", vertical), ("left", horizontal), ("bottom", vertical),
                         ("right", horizontal)):
        margins.append(make_element(f"w:{side}", w=twips(points), type="dxa"))
    set_child(table._tbl.tblPr, margins, TBLPR_ORDER)


def add_grid_table(word: docx.document.Document, block: Table, text_width: int) -> None:
    """Add a "Table Grid" table whose shaded header row repeats on every page."""
    rows = [block.header, *block.rows]
    columns = max(len(row) for row in rows)
    if columns == 0:
        return
    table = word.add_table(rows=len(rows), cols=columns)
    table.style = word.styles["Table Grid"]
    set_table_width(table, [round(share * text_width) for share in block.column_shares()],
                    layout_fixed=False)
    tbl_pr = table._tbl.tblPr
    # Word draws the left border one cell padding left of the indent: indent by the padding
    # so the borders line up with the margins.
    set_child(tbl_pr, make_element("w:tblInd", w=twips(CELL_PADDING_X), type="dxa"),
              TBLPR_ORDER)
    borders = make_element("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(make_element(f"w:{edge}", val="single", sz="4", space="0",
                                    color=styles.TABLE_BORDER))
    set_child(tbl_pr, borders, TBLPR_ORDER)
    set_cell_padding(table, CELL_PADDING_X, CELL_PADDING_Y)
    for index, (row, cells) in enumerate(zip(table.rows, rows, strict=True)):
        is_header = index == 0
        tr_pr = row._tr.get_or_add_trPr()
        tr_pr.append(make_element("w:cantSplit"))
        if is_header:
            tr_pr.append(make_element("w:tblHeader"))
        padded = (*cells, *[()] * (columns - len(cells)))
        for cell, content in zip(row.cells, padded, strict=True):
            paragraph = cell.paragraphs[0]
            set_style(paragraph, word.styles["Table Heading" if is_header else "Table Text"])
            add_inlines(paragraph, content)
            if is_header:
                cell._tc.get_or_add_tcPr().insert_element_before(
                    make_element("w:shd", val="clear", color="auto",
                                 fill=styles.TABLE_HEADER_FILL), *TCPR_AFTER_SHD)


def add_field_table(word: docx.document.Document, block: FieldList, text_width: int) -> None:
    """Add the memo header block as a borderless two-column table of bold labels and values."""
    if not block.fields:
        return
    table = word.add_table(rows=len(block.fields), cols=2)
    label_width = Pt(styles.FIELD_LABEL_WIDTH)
    set_table_width(table, [label_width, text_width - label_width], layout_fixed=True)
    # No cell padding at the sides, so labels line up with the body text at the margin.
    set_cell_padding(table, 0, 0)
    for row, field in zip(table.rows, block.fields, strict=True):
        label = make_xml_safe(field.label).strip()
        if label and not label.endswith(":"):
            label += ":"
        label_cell, value_cell = row.cells
        set_style(label_cell.paragraphs[0], word.styles["Memo Field Label"])
        label_cell.paragraphs[0].add_run(label)
        set_style(value_cell.paragraphs[0], word.styles["Memo Field"])
        add_inlines(value_cell.paragraphs[0], field.value)


def add_rule_paragraph(word: docx.document.Document, border: bool) -> None:
    """Add a hairline-high empty paragraph, with a bottom border in the accent colour if asked."""
    paragraph = word.add_paragraph()
    paragraph.paragraph_format.space_before = Pt(0)
    paragraph.paragraph_format.space_after = Pt(styles.STYLES["body"].space_after)
    paragraph.paragraph_format.line_spacing = 1.0
    p_pr = paragraph._p.get_or_add_pPr()
    if border:
        edges = make_element("w:pBdr")
        edges.append(make_element("w:bottom", val="single", sz=str(round(RULE_WIDTH * 8)),
                                  space="1", color=styles.ACCENT))
        set_child(p_pr, edges, PPR_ORDER)
    mark = make_element("w:rPr")
    size = str(round(RULE_MARK_SIZE * 2))
    mark.append(make_element("w:sz", val=size))
    mark.append(make_element("w:szCs", val=size))
    set_child(p_pr, mark, PPR_ORDER)


def fit_property(name: str, value: str, warnings: list[str]) -> str:
    """Return ``value`` made XML-safe and cut to Word's core-property limit."""
    value = make_xml_safe(value)
    if len(value) > CORE_PROPERTY_LIMIT:
        warnings.append(f"DOCX {name} cut to {CORE_PROPERTY_LIMIT} characters (Word's limit)")
        value = value[:CORE_PROPERTY_LIMIT]
    return value


def set_properties(word: docx.document.Document, metadata: Metadata) -> tuple[str, ...]:
    """Fill core properties, replacing python-docx's placeholders, and return warnings."""
    warnings: list[str] = []
    properties = word.core_properties
    properties.title = fit_property("title", metadata.title, warnings)
    properties.subject = fit_property("subject", metadata.subject, warnings)
    properties.author = fit_property("author", metadata.author, warnings)
    properties.last_modified_by = properties.author
    properties.keywords = fit_property("keywords", ", ".join(metadata.keywords), warnings)
    properties.comments = ""
    properties.revision = 1
    created = metadata.created
    if created is None:
        created = dt.datetime.now(dt.timezone.utc)
    if created.tzinfo is not None:
        # python-docx writes the wall-clock time with a "Z" suffix: give it UTC.
        created = created.astimezone(dt.timezone.utc).replace(tzinfo=None)
    created = created.replace(microsecond=0)
    properties.created = properties.modified = created
    # The template's thumbnail shows an empty page, not this memo.
    package_rels = word.part.package.rels
    for r_id in [r_id for r_id, rel in package_rels.items()
                 if rel.reltype == RELATIONSHIP_TYPE.THUMBNAIL]:
        del package_rels[r_id]
    return tuple(warnings)


def save_reproducibly(word: docx.document.Document, path: Path) -> None:
    """Save with fixed zip timestamps so equal documents give equal bytes."""
    buffer = io.BytesIO()
    word.save(buffer)
    buffer.seek(0)
    with zipfile.ZipFile(buffer) as source, \
            zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=ZIP_TIMESTAMP)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, source.read(info))
