"""What every PDF page carries besides the story: banners, "Page X of Y", logo, bookmarks."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from reportlab.lib.colors import HexColor
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable

from briefgen.writers.pdf.fonts import PdfFamily, face_name, fit_fonts
from briefgen.writers.styles import Layout, TextStyle

#: Share of the font size from the top of a line to its baseline (DejaVu Sans and Arial).
ASCENT = 0.9
FOOTER_GAP = 2.0  # points between the page number line and the banner below it


@dataclass(frozen=True)
class PageDecor:
    """What the canvas draws on each page, decided once per document."""

    layout: Layout
    family: PdfFamily  # the body font, for banners and page numbers
    classification: str | None
    logo: ImageReader | None
    created: dt.datetime | None
    warnings: dict[str, None]


class MemoDocTemplate(BaseDocTemplate):
    """A document template that turns section headings into PDF bookmarks as they are laid."""

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 - reportlab's name
        entry = getattr(flowable, "outline_entry", None)
        if entry is None or not isinstance(self.canv, MemoCanvas):
            return
        level, title = entry
        if level >= 2:
            top = self.frame._y + flowable.height + flowable.getSpaceBefore()
            self.canv.mark_section(title, level, top)


class MemoCanvas(Canvas):
    """A canvas that holds its pages until save, so each can say "Page X of Y".

    Bookmarks are bound to their page when the held pages are written out, because the PDF
    page objects only exist then.
    """

    def __init__(self, *args: Any, decor: PageDecor, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._decor = decor
        self._held_pages: list[dict[str, Any]] = []
        self._marks: dict[int, list[tuple[str, float]]] = {}
        self._has_section = False
        if decor.created is not None:
            stamp = pdf_date(decor.created)
            self.setDateFormatter(lambda *_: stamp)

    def mark_section(self, title: str, level: int, top: float) -> None:
        """Add a bookmark for a heading on the current page (level 2 top, deeper under it)."""
        key = f"section-{sum(len(m) for m in self._marks.values()) + 1}"
        self._marks.setdefault(len(self._held_pages), []).append((key, top))
        depth = 1 if level > 2 and self._has_section else 0
        self._has_section = True
        self.addOutlineEntry(" ".join(title.split()) or "\u2014", key, level=depth)

    def mark_anchor(self, key: str, top: float) -> None:
        """Name a destination (a link target: an annex paragraph) on the current page."""
        self._marks.setdefault(len(self._held_pages), []).append((key, top))

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self._held_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._held_pages)
        for number, state in enumerate(self._held_pages, start=1):
            self.__dict__.update(state)
            for key, top in self._marks.get(number - 1, ()):
                self.bookmarkPage(key, fit="XYZ", top=round(top, 2))
            self._decorate(number, total)
            super().showPage()
        if any(self._marks.values()):
            self.showOutline()
        super().save()

    def _decorate(self, number: int, total: int) -> None:
        decor = self._decor
        layout = decor.layout
        height = self._pagesize[1]  # each page's own: a landscape page is lower
        footer, banner = layout.styles["footer"], layout.styles["banner"]
        self.saveState()
        baseline = layout.footer_distance
        if decor.classification:
            self._centred(decor.classification, banner, baseline)
            top_baseline = height - layout.header_distance - banner.size * ASCENT
            self._centred(decor.classification, banner, top_baseline)
            baseline += banner.size * banner.leading + FOOTER_GAP
        self._centred(f"Page {number} of {total}", footer, baseline)
        if number == 1 and decor.logo is not None:
            self._draw_logo(decor.logo)
        self.restoreState()

    def _centred(self, text: str, style: TextStyle, baseline: float) -> None:
        """Draw one line centred on the page, each character in a font that has it."""
        family = self._decor.family
        chunks = [(face_name(font, family, style.bold, style.italic), chunk)
                  for font, chunk in fit_fonts(text, family, style.bold, style.italic,
                                               self._decor.warnings)]
        width = sum(pdfmetrics.stringWidth(chunk, face, style.size) for face, chunk in chunks)
        x = (self._pagesize[0] - width) / 2
        self.setFillColor(HexColor(f"#{style.color}"))
        for face, chunk in chunks:
            self.setFont(face, style.size)
            self.drawString(x, baseline, chunk)
            x += pdfmetrics.stringWidth(chunk, face, style.size)

    def _draw_logo(self, logo: ImageReader) -> None:
        layout = self._decor.layout
        page = layout.page if self._pagesize[0] <= self._pagesize[1] else layout.page.turned()
        pixels_wide, pixels_high = logo.getSize()
        height = layout.logo_height
        width = height * pixels_wide / max(pixels_high, 1)
        width = min(width, page.text_width / 3)
        height = width * pixels_high / max(pixels_wide, 1)
        if layout.theme.logo_position == "left":
            x = page.margin_left
        else:
            x = page.width - page.margin_right - width
        y = page.height - layout.logo_top - height
        self.drawImage(logo, x, y, width=width, height=height, mask="auto")


def pdf_date(moment: dt.datetime) -> str:
    """Return a PDF date string (``D:YYYYMMDDHHmmSS+HH'mm'``) for ``moment``."""
    stamp = (f"D:{moment.year:04d}{moment.month:02d}{moment.day:02d}"
             f"{moment.hour:02d}{moment.minute:02d}{moment.second:02d}")
    offset = moment.utcoffset()
    if offset is None:
        return stamp
    minutes = int(offset.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "-"
    return f"{stamp}{sign}{abs(minutes) // 60:02d}'{abs(minutes) % 60:02d}'"
