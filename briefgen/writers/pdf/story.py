"""Turn Document blocks into reportlab flowables set in the layout's fonts and styles."""

from __future__ import annotations

import dataclasses
import functools
import re
from xml.sax.saxutils import escape

from reportlab.lib.colors import HexColor
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable, HRFlowable, NextPageTemplate, PageBreak, Spacer
from reportlab.platypus import Paragraph as PdfParagraph
from reportlab.platypus import Table as PdfTable
from reportlab.platypus import TableStyle as PdfTableStyle
from reportlab.platypus.paraparser import ParaFrag

from briefgen.document import (
    Block,
    BulletList,
    Document,
    FieldList,
    Heading,
    Inlines,
    Paragraph,
    Rule,
    Span,
    Table,
    plain_text,
)
from briefgen.writers.pdf import bidi
from briefgen.writers.pdf.fonts import PdfFamily, face_name, fit_fonts, register_family
from briefgen.writers.styles import Layout, TextStyle
from briefgen.xmlsafe import make_xml_safe

ALIGNMENTS = {"left": TA_LEFT, "center": TA_CENTER, "justify": TA_JUSTIFY, "right": TA_RIGHT}
#: Controls and line/paragraph separators: reportlab shows them as boxes; they are spaces here.
BREAKING_SPACE = re.compile(r"[\t\n\r\x80-\x9f\u2028\u2029]")
#: Build paragraph fragments directly instead of parsing markup (tests switch it off).
FAST_FRAGMENTS = True
#: Page template names; the writer defines both, the story switches between them.
PORTRAIT, LANDSCAPE = "portrait", "landscape"
#: A paragraph longer than this is set as several flowables of at most this many characters
#: (cut after a space where there is one): reportlab wraps a paragraph again from its start at
#: every page it runs onto, and a word wider than the line again per line, so one paragraph
#: or word of a megabyte took minutes (a memo's longest paragraph has under 2,000).
MAX_PARAGRAPH_CHARS = 4000

Run = bidi.Run


class MemoParagraph(PdfParagraph):
    """A platypus Paragraph that breaks its lines once per width.

    reportlab wraps a flowable more than once: a heading keeps with the next block through a
    KeepTogether, which wraps that block to measure it before the frame wraps it again to
    place it, and a table wraps its cells to size the rows and again to draw them. A
    paragraph's lines depend on the width alone, so a second wrap at the same width returns
    the first one's result (the PDF is byte for byte the same, a quarter faster to make).
    """

    _wrapped_width: float | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        # split() deletes blPara when it gives up on a paragraph: then wrap again.
        if availWidth == self._wrapped_width and "blPara" in self.__dict__:
            return self.width, self.height
        size = super().wrap(availWidth, availHeight)
        self._wrapped_width = availWidth
        return size


class AnchoredParagraph(MemoParagraph):
    """A paragraph that is the target of links (an annex paragraph): it names a PDF
    destination at its first line, the page and height a reference's link goes to."""

    anchor: str | None = None

    def draw(self) -> None:
        if self.anchor:
            mark = getattr(self.canv, "mark_anchor", None)  # a canvas that holds its pages
            if mark is None:
                self.canv.bookmarkHorizontal(self.anchor, 0, self.height)
            else:
                mark(self.anchor, self.canv.absolutePosition(0, self.height)[1])
        super().draw()

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        parts = super().split(availWidth, availHeight)
        if parts:
            parts[0].anchor = self.anchor  # the destination is where the paragraph starts
        return parts


class StoryBuilder:
    """Turns Document blocks into platypus flowables and collects the warnings on the way."""

    def __init__(self, layout: Layout) -> None:
        self.layout = layout
        self.frame_width = layout.page.text_width
        self.frame_height = layout.page.text_height
        self.families = {role: register_family(font) for role, font in layout.fonts.items()}
        self.warnings: dict[str, None] = {}
        self.starts_landscape = False

    def family(self, style: TextStyle) -> PdfFamily:
        return self.families.get(style.font, self.families["body"])

    def build(self, document: Document) -> list[Flowable]:
        """Return the story; a landscape run starts and ends with a page break."""
        layout = self.layout
        runs = layout.page_runs(document.blocks)
        self.starts_landscape = bool(runs) and runs[0].landscape
        story: list[Flowable] = []
        closing = layout.closing_group(document.blocks)
        number = 0  # the block's index in the document
        for index, run in enumerate(runs):
            page = layout.page.turned() if run.landscape else layout.page
            self.frame_width = page.text_width
            self.frame_height = page.text_height
            if index:
                story.extend((NextPageTemplate(LANDSCAPE if run.landscape else PORTRAIT),
                              PageBreak()))
            for block in run.blocks:
                flowables = self.block(block)
                if closing is not None and number >= closing and \
                        number < len(document.blocks) - 1 and flowables:
                    # The closing group (Layout.closing_group): each flowable keeps with
                    # the next, so the group moves to a new page whole.
                    for flowable in flowables[-1:] if number == closing else flowables:
                        flowable.keepWithNext = 1
                story.extend(flowables)
                number += 1
        self.frame_width = layout.page.text_width
        self.frame_height = layout.page.text_height
        if document.annex:
            # The annex (the source text) starts a page of its own, after the memo.
            if runs and runs[-1].landscape:
                story.append(NextPageTemplate(PORTRAIT))
            story.append(PageBreak())
            for block in document.annex:
                story.extend(self.block(block))
        return story

    def block(self, block: Block) -> list[Flowable]:
        """Return the flowables of one block."""
        layout = self.layout
        if isinstance(block, Heading):
            flowables = self.paragraphs(block.content, layout.style_for_heading(block.level),
                                        "heading")
            # Read by the page template: sections (and subsections) become bookmarks.
            flowables[0].outline_entry = (block.level, plain_text(block.content))
            return flowables
        if isinstance(block, Paragraph):
            flowables = self.paragraphs(block.content, layout.style(block.role), block.role)
            if block.anchor and isinstance(flowables[0], MemoParagraph):
                flowables[0].__class__ = AnchoredParagraph
                flowables[0].anchor = block.anchor
            return flowables
        if isinstance(block, BulletList):
            return self.bullets(block)
        if isinstance(block, Table):
            return self.table(block)
        if isinstance(block, FieldList):
            return self.fields(block)
        if isinstance(block, Rule):
            return [HRFlowable(width="100%", thickness=layout.rule_thickness,
                               color=HexColor(f"#{layout.accent}"),
                               spaceBefore=layout.rule_space, spaceAfter=layout.rule_space)]
        return []

    def paragraphs(self, content: Inlines, style: TextStyle, name: str,
                   bullet: str | None = None, space_after: float | None = None
                   ) -> list[Flowable]:
        """Return a paragraph as one flowable, or one per ``MAX_PARAGRAPH_CHARS`` piece of a
        longer one: the pieces follow each other without space between them, the first
        takes the bullet, the last the space after and keeping with the next block."""
        pieces = cut_inlines(content, MAX_PARAGRAPH_CHARS)
        if len(pieces) == 1:
            return [self.paragraph(content, style, name, bullet, space_after)]
        flowables = []
        last = len(pieces) - 1
        for index, piece in enumerate(pieces):
            piece_style = dataclasses.replace(
                style, space_before=0.0 if index else style.space_before,
                space_after=style.space_after if index == last else 0.0,
                keep_with_next=style.keep_with_next and index == last)
            flowables.append(self.paragraph(
                piece, piece_style, name, bullet if index == 0 else None,
                space_after if index == last else None, indented=bullet is not None))
        return flowables

    def paragraph(self, content: Inlines, style: TextStyle, name: str,
                  bullet: str | None = None, space_after: float | None = None,
                  indented: bool = False) -> Flowable:
        """Return one paragraph; text with Arabic or Hebrew is laid out by ``BidiParagraph``.

        ``indented``: indent it as a bulleted one, without a bullet (a bullet item's second
        piece).
        """
        links: list[str | None] | None = None
        if any(span.link for span in content):
            linked = merge_linked_runs(content, style.caps)
            runs, links = [run for run, _ in linked], [link for _, link in linked]
        else:
            runs = merge_runs(content, style.caps)
        text = "".join(run[0] for run in runs)
        bulleted = bullet is not None or indented
        family = self.family(style)
        if not bidi.has_rtl(text):
            pdf_style = paragraph_style(style, family, name, style.align, bulleted, space_after,
                                        self.layout.bullet_indent)
            if FAST_FRAGMENTS and text:
                return MemoParagraph(text, pdf_style, bulletText=bullet,
                                     frags=self.fragments(runs, style, pdf_style, links))
            return MemoParagraph(self.markup(runs, style, links), pdf_style, bulletText=bullet)
        rtl = bidi.is_rtl_paragraph(text)
        align = "right" if rtl and style.align == "left" else style.align
        shaped = bidi.shape(runs)

        def lay_out(width: float) -> str:
            lines = bidi.break_lines(shaped, width, lambda run: self.measure(run, style))
            return "<br/>".join(self.markup(bidi.to_visual_order(line, rtl), style)
                                for line in lines)

        return bidi.BidiParagraph(lay_out, paragraph_style(style, family, name, align, bulleted,
                                                           space_after,
                                                           self.layout.bullet_indent), bullet,
                                  MemoParagraph)

    def bullets(self, block: BulletList) -> list[Flowable]:
        style = self.layout.styles["bullet"]
        last = len(block.items) - 1
        after = max(style.space_after, self.layout.styles["body"].space_after)
        return [flowable
                for i, (n, item) in enumerate(enumerate(block.items, start=1))
                for flowable in self.paragraphs(item, style, "bullet",
                                                f"{n}." if block.ordered else "\u2022",
                                                after if i == last else None)]

    def table(self, block: Table) -> list[Flowable]:
        columns = len(block.header)
        if not columns:
            return []
        layout = self.layout
        rows = [block.header, *(tuple(row[:columns]) + ((),) * (columns - len(row))
                                for row in block.rows)]
        head, cell = layout.styles["table_header"], layout.styles["table_cell"]
        cells = [[self.cell(c, head if r == 0 else cell, "table") for c in row]
                 for r, row in enumerate(rows)]
        pad = layout.table_cell_padding
        widths = [share * self.frame_width for share in block.column_shares()]
        table = GridTable(cells, colWidths=widths, repeatRows=1,
                          splitInRow=1, hAlign="LEFT", spaceAfter=layout.table_space_after)
        table.frame_height = self.frame_height
        table.setStyle(PdfTableStyle([
            ("GRID", (0, 0), (-1, -1), layout.table_border_width,
             HexColor(f"#{layout.table_border}")),
            ("BACKGROUND", (0, 0), (-1, 0), HexColor(f"#{layout.table_header_fill}")),
            # Else the cell sets Helvetica for its (empty) own text.
            ("FONT", (0, 0), (-1, -1), self.family(cell).faces[0], cell.size),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), pad), ("RIGHTPADDING", (0, 0), (-1, -1), pad),
            ("TOPPADDING", (0, 0), (-1, -1), pad), ("BOTTOMPADDING", (0, 0), (-1, -1), pad),
        ]))
        return [table]

    def fields(self, block: FieldList) -> list[Flowable]:
        if not block.fields:
            return []
        layout = self.layout
        label, value = layout.styles["field_label"], layout.styles["field_value"]
        cells = [[self.paragraph((Span(f.label if f.label.endswith(":") else f"{f.label}:"),),
                                 label, "field_label"),
                  self.cell(f.value, value, "field_value")] for f in block.fields]
        table = PdfTable(cells, colWidths=[layout.field_label_width,
                                           self.frame_width - layout.field_label_width],
                         splitInRow=1, hAlign="LEFT")
        table.setStyle(PdfTableStyle([
            ("FONT", (0, 0), (-1, -1), self.family(value).faces[0], value.size),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), value.space_after),
        ]))
        return [table, Spacer(0, value.space_after)]

    def cell(self, content: Inlines, style: TextStyle, name: str) -> Flowable | list[Flowable]:
        """Return a table cell's paragraph, or its pieces when it is longer than
        ``MAX_PARAGRAPH_CHARS``."""
        flowables = self.paragraphs(content, style, name)
        return flowables[0] if len(flowables) == 1 else flowables

    def markup(self, runs: list[Run], style: TextStyle,
               links: list[str | None] | None = None) -> str:
        """Return reportlab markup for runs in display order, each char in a font that has it;
        ``links``: the anchor each run links to (or None), when any does."""
        family = self.family(style)
        parts: list[str] = []
        for index, (text, bold, italic) in enumerate(runs):
            chunks = fit_fonts(text, family, bold or style.bold, italic or style.italic,
                               self.warnings)
            body = "".join(escape(chunk) if font == family.name
                           else f'<font name="{font}">{escape(chunk)}</font>'
                           for font, chunk in chunks)
            if italic:
                body = f"<i>{body}</i>"
            if bold:
                body = f"<b>{body}</b>"
            if links and links[index]:
                body = f'<a href="#{escape(links[index])}">{body}</a>'
            parts.append(body)
        return "".join(parts)

    def fragments(self, runs: list[Run], style: TextStyle, pdf_style: ParagraphStyle,
                  links: list[str | None] | None = None) -> list[ParaFrag]:
        """Return the fragments reportlab's markup parser would make of ``markup(runs)``.

        Parsing the markup (an HTMLParser per paragraph) was a fifth of the writer's time;
        a test checks that both ways give the same bytes.
        """
        family = self.family(style)
        out: list[ParaFrag] = []
        numbered = 0  # reportlab numbers a paragraph's links from 0, in order
        for index, (text, bold, italic) in enumerate(runs):
            bold, italic = bold or style.bold, italic or style.italic
            link = []
            if links and links[index]:
                link = [(numbered, f"#{links[index]}")]
                numbered += 1
            for font, chunk in fit_fonts(text, family, bold, italic, self.warnings):
                frag = ParaFrag()
                frag.rise = frag.greek = 0
                frag.link = link
                frag.us_lines = []
                frag.fontName = face_name(font, family, bold, italic)
                frag.bold, frag.italic = int(bold), int(italic)
                frag.fontSize = pdf_style.fontSize
                frag.textColor = pdf_style.textColor
                frag.text = chunk
                out.append(frag)
        return out

    def measure(self, run: Run, style: TextStyle) -> float:
        """Return the width in points of a run set in ``style``."""
        text, bold, italic = run
        bold, italic = bold or style.bold, italic or style.italic
        family = self.family(style)
        return sum(pdfmetrics.stringWidth(chunk, face_name(font, family, bold, italic),
                                          style.size)
                   for font, chunk in fit_fonts(text, family, bold, italic, self.warnings))


#: The fewest rows of a table a page may hold when the table runs on to the next.
MIN_ROWS = 2


class GridTable(PdfTable):
    """A table whose rows break across pages only when a row is taller than a whole page.

    reportlab's ``splitInRow`` splits the row at the foot of every page; a matrix row read
    across its columns then starts on one page and ends on the next. Word's rows are kept
    whole (``w:cantSplit``) the same way. Nor does a page hold one row alone
    (``without_lone_rows``).
    """

    frame_height = 0.0  # the height of a page's frame: a row taller than this must split

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        self._calc(availWidth, availHeight)
        parts = self._splitRows(availHeight, doInRowSplit=False)
        if not parts:
            first_rows = sum(self._rowHeights[:self.repeatRows + 1])
            if first_rows <= self.frame_height:
                return []  # the next row fits on the next page: move it there whole
            parts = super().split(availWidth, availHeight)
        elif len(parts) == 2:
            parts = self.without_lone_rows(parts)
        for part in parts:
            part.frame_height = self.frame_height
        return parts

    def without_lone_rows(self, parts: list[Flowable]) -> list[Flowable]:
        """Never leave one row alone on a page: a table whose first part would hold a single
        row below its header moves to the next page whole (when it fits one); one whose last
        row would go on alone takes a row with it."""
        head = self.repeatRows
        first = len(parts[0]._cellvalues) - head
        rest = len(parts[1]._cellvalues) - head
        if first < MIN_ROWS and sum(self._rowHeights) <= self.frame_height:
            return []
        if rest < MIN_ROWS and first - (MIN_ROWS - rest) >= MIN_ROWS:
            keep = head + first - (MIN_ROWS - rest)
            shorter = self._splitRows(sum(self._rowHeights[:keep]) + 0.01,
                                      doInRowSplit=False)
            if len(shorter) == 2:
                return shorter
        return parts


def cut_inlines(content: Inlines, limit: int) -> list[Inlines]:
    """Cut spans into pieces of at most ``limit`` characters, each after the last space of
    its second half where there is one (else anywhere); ``[content]`` when it is short."""
    text = "".join(span.text for span in content)
    if len(text) <= limit:
        return [content]
    cuts = []
    start = 0
    while len(text) - start > limit:
        space = text.rfind(" ", start + limit // 2, start + limit)
        start = space + 1 if space >= 0 else start + limit
        cuts.append(start)
    bounds = [*cuts, len(text)]
    pieces: list[list[Span]] = [[] for _ in bounds]
    k = 0  # the piece being filled
    offset = 0  # where the span starts in ``text``
    for span in content:
        end = offset + len(span.text)
        at = offset
        while at < end:
            while bounds[k] <= at:
                k += 1
            upto = min(end, bounds[k])
            pieces[k].append(dataclasses.replace(span, text=span.text[at - offset:upto - offset]))
            at = upto
        offset = end
    return [tuple(piece) for piece in pieces if piece]


def merge_runs(content: Inlines, caps: bool) -> list[Run]:
    """Return the non-empty runs of ``content``, cleaned, adjacent equal emphasis merged."""
    runs: list[Run] = []
    for span in content:
        text = BREAKING_SPACE.sub(" ", make_xml_safe(span.text))
        if caps:
            text = text.upper()
        if not text:
            continue
        if runs and runs[-1][1:] == (span.bold, span.italic):
            runs[-1] = (runs[-1][0] + text, span.bold, span.italic)
        else:
            runs.append((text, span.bold, span.italic))
    return runs


def merge_linked_runs(content: Inlines, caps: bool) -> list[tuple[Run, str | None]]:
    """Return the runs of ``content`` as ``merge_runs`` does, each with the anchor it links to
    (a reference to the annex), merging only runs of the same emphasis and link."""
    out: list[tuple[Run, str | None]] = []
    for span in content:
        [run] = merge_runs((span,), caps) or [None]
        if run is None:
            continue
        if out and out[-1][0][1:] == run[1:] and out[-1][1] == span.link:
            previous = out[-1][0]
            out[-1] = ((previous[0] + run[0], run[1], run[2]), span.link)
        else:
            out.append((run, span.link))
    return out


@functools.lru_cache(maxsize=512)
def paragraph_style(style: TextStyle, family: PdfFamily, name: str, align: str,
                    bulleted: bool, space_after: float | None, bullet_indent: float
                    ) -> ParagraphStyle:
    """Translate a shared TextStyle into a reportlab ParagraphStyle (cached per variant)."""
    face = family.face(style.bold, style.italic)
    return ParagraphStyle(
        f"{name}-{align}-{int(bulleted)}-{space_after}",
        fontName=face, fontSize=style.size, leading=style.size * style.leading,
        spaceBefore=style.space_before,
        spaceAfter=style.space_after if space_after is None else space_after,
        textColor=HexColor(f"#{style.color}"), alignment=ALIGNMENTS[align],
        keepWithNext=int(style.keep_with_next),
        # No line of a paragraph alone at the foot (orphan) or the head (widow) of a page.
        allowOrphans=0, allowWidows=0,
        leftIndent=bullet_indent if bulleted else 0, bulletIndent=0,
        bulletFontName=face, bulletFontSize=style.size, splitLongWords=1,
    )
