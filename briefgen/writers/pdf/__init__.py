"""Write a Document as a PDF memo with reportlab, embedding fonts that cover its scripts.

The package: ``story`` turns blocks into flowables, ``fonts`` picks a font per character,
``bidi`` lays out right-to-left text, ``page`` draws banners, page numbers, the logo and the
bookmarks.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.lib.utils import ImageReader
from reportlab.platypus import Frame, PageTemplate

from briefgen.document import Document
from briefgen.writers.pdf.fonts import register_family
from briefgen.writers.pdf.page import MemoCanvas, MemoDocTemplate, PageDecor
from briefgen.writers.pdf.story import LANDSCAPE, PORTRAIT, StoryBuilder
from briefgen.writers.styles import PageSetup, layout_for
from briefgen.xmlsafe import make_xml_safe

if TYPE_CHECKING:
    from briefgen.writers import WriterSettings

__all__ = ["prepare", "write"]


def prepare(settings: WriterSettings | None = None) -> None:
    """Register the theme's fonts (parsing TrueType files is the slow part of a first PDF)."""
    layout = layout_for(settings.theme if settings is not None else None)
    for font in layout.fonts.values():
        register_family(font)


def write(document: Document, path: Path, settings: WriterSettings | None = None
          ) -> tuple[str, ...]:
    """Write ``document`` to ``path`` as a PDF and return warnings for the user.

    Raises:
        OSError: ``path`` cannot be written.
    """
    layout = layout_for(settings.theme if settings is not None else None)
    page = layout.page
    builder = StoryBuilder(layout)
    story = builder.build(document)
    meta = document.metadata
    doc = MemoDocTemplate(
        str(path),
        pagesize=(page.width, page.height),
        leftMargin=page.margin_left, rightMargin=page.margin_right,
        topMargin=page.margin_top, bottomMargin=page.margin_bottom,
        title=make_xml_safe(meta.title), subject=make_xml_safe(meta.subject),
        author=make_xml_safe(meta.author),
        keywords=[make_xml_safe(k) for k in meta.keywords],
        creator="briefgen", invariant=1, initialFontName=builder.families["body"].name,
    )
    templates = [page_template(PORTRAIT, page), page_template(LANDSCAPE, page.turned())]
    if builder.starts_landscape:
        templates.reverse()  # the first template is the first page's
    doc.addPageTemplates(templates)
    classification = " ".join(make_xml_safe(meta.classification or "").split()) or None
    logo = ImageReader(str(layout.theme.logo)) if layout.theme.logo is not None else None
    decor = PageDecor(layout, register_family(layout.fonts["body"]), classification, logo,
                      meta.created, builder.warnings)
    doc.build(story, canvasmaker=functools.partial(MemoCanvas, decor=decor))
    return tuple(builder.warnings)


def page_template(name: str, page: PageSetup) -> PageTemplate:
    """Return a page template of one orientation: one frame filling the margins."""
    frame = Frame(page.margin_left, page.margin_bottom, page.text_width, page.text_height,
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id=name)
    return PageTemplate(id=name, frames=[frame], pagesize=(page.width, page.height))
