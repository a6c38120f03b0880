"""Lay out paragraphs with Arabic or Hebrew: break lines in logical order, show each visually.

reportlab's own right-to-left support needs a library that is not published, and its
HarfBuzz shaping keeps words in logical order; arabic-reshaper joins the letters and
python-bidi orders each line, after the lines are broken, so wrapped RTL text keeps its
lines in reading order.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

import arabic_reshaper
from bidi import get_base_level, get_display
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable
from reportlab.platypus import Paragraph as PdfParagraph

Run = tuple[str, bool, bool]  # text, bold, italic
RTL_CLASSES = frozenset({"R", "AL"})
#: No character before Hebrew (U+0590) is right-to-left.
FIRST_RTL = "\u0590"
LINE_SLACK = 1.0  # points kept free on a line so reportlab never re-wraps it


def has_rtl(text: str) -> bool:
    """Say whether ``text`` holds a right-to-left letter."""
    if not text or max(text) < FIRST_RTL:
        return False
    return any(unicodedata.bidirectional(ch) in RTL_CLASSES for ch in text)


def is_rtl_paragraph(text: str) -> bool:
    """Say whether a paragraph's base direction is right-to-left (its first strong letter)."""
    return get_base_level(text) == 1


def shape(runs: list[Run]) -> list[Run]:
    """Return the runs with Arabic letters joined into their contextual forms."""
    return [(arabic_reshaper.reshape(t), b, i) for t, b, i in runs]


def break_lines(runs: list[Run], width: float, measure: Callable[[Run], float]
                ) -> list[list[Run]]:
    """Break runs into lines no wider than ``width`` at spaces, in logical order.

    Right-to-left text must be broken before it is reordered, or a wrapped RTL stretch shows
    its lines in reverse order.
    """
    words: list[list[Run]] = [[]]
    for text, bold, italic in runs:
        for k, piece in enumerate(text.split(" ")):
            if k:
                words.append([])
            if piece:
                words[-1].append((piece, bold, italic))
    lines: list[list[Run]] = []
    line: list[Run] = []
    used = 0.0
    for word in filter(None, words):
        space: Run = (" ", *word[0][1:])
        gap = measure(space) if line else 0.0
        word_width = sum(measure(piece) for piece in word)
        if line and used + gap + word_width > width - LINE_SLACK:
            lines.append(line)
            line, used, gap = [], 0.0, 0.0
        if line:
            line.append(space)
        line.extend(word)
        used += gap + word_width
    if line:
        lines.append(line)
    return lines


def to_visual_order(runs: list[Run], rtl: bool) -> list[Run]:
    """Return one line's runs in display order for a paragraph of base direction ``rtl``.

    Runs of different emphasis are reordered one by one, which is exact while no stretch of
    the other direction crosses an emphasis boundary (the usual "**Minister** أحمد حسن" case).
    """
    base = "R" if rtl else "L"
    visual = [(get_display(t, base_dir=base), b, i) for t, b, i in runs]
    return visual[::-1] if rtl else visual


class BidiParagraph(Flowable):
    """A paragraph broken into lines in logical order, then each line shown in display order."""

    def __init__(self, lay_out: Callable[[float], str], style: ParagraphStyle,
                 bullet: str | None, paragraph_class: type[PdfParagraph] = PdfParagraph) -> None:
        super().__init__()
        self.lay_out = lay_out
        #: The platypus Paragraph the lines are set in (the writer's wraps once per width: a
        #: table split over many pages wraps its cells again at each page).
        self.paragraph_class = paragraph_class
        self.style = style
        self.bullet = bullet
        self.keepWithNext = style.keepWithNext
        self.laid_out: tuple[float, PdfParagraph] | None = None

    def _paragraph(self, avail_width: float) -> PdfParagraph:
        if self.laid_out is None or self.laid_out[0] != avail_width:
            text_width = avail_width - self.style.leftIndent - self.style.rightIndent
            self.laid_out = (avail_width, self.paragraph_class(
                self.lay_out(text_width), self.style, bulletText=self.bullet))
        return self.laid_out[1]

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.width, self.height = self._paragraph(availWidth).wrap(availWidth, availHeight)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        return self._paragraph(availWidth).split(availWidth, availHeight)

    def draw(self) -> None:
        assert self.laid_out is not None, "platypus wraps a flowable before drawing it"
        self.laid_out[1].drawOn(self.canv, 0, 0)

    def getSpaceBefore(self) -> float:  # noqa: N802 - reportlab's name
        return self.style.spaceBefore

    def getSpaceAfter(self) -> float:  # noqa: N802 - reportlab's name
        return self.style.spaceAfter
