"""Write a Document as a Word file built on Word's own styles, so users can restyle it.

The package: ``package`` prepares the base (or opens the user's reference file) and saves,
``wordstyles`` sets up the styles, ``body`` writes the blocks, ``sections`` the page, headers
and footers, ``numbering`` the list numbering.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from briefgen.document import Document
from briefgen.writers.docx.body import BodyWriter
from briefgen.writers.docx.numbering import numbering_element, restart_numbering
from briefgen.writers.docx.package import (
    base_parts,
    open_base,
    open_reference,
    save_reproducibly,
    set_properties,
)
from briefgen.writers.docx.sections import (
    add_section_breaks,
    decorate_new,
    decorate_reference,
    page_setup,
)
from briefgen.writers.docx.wordstyles import StyleMap, adopt_styles
from briefgen.writers.styles import layout_for
from briefgen.xmlsafe import make_xml_safe

if TYPE_CHECKING:
    from briefgen.writers import WriterSettings

__all__ = ["prepare", "write"]


def prepare(settings: WriterSettings | None = None) -> None:
    """Build the styled base document of the theme (the slow part of a first DOCX)."""
    if settings is None or settings.reference_docx is None:
        base_parts(settings.theme if settings is not None else None)


def write(document: Document, path: Path, settings: WriterSettings | None = None
          ) -> tuple[str, ...]:
    """Write ``document`` to ``path`` as a .docx file and return warnings for the user.

    With ``settings.reference_docx`` the memo is written into a copy of that file: its page
    setup, styles, headers, footers and logo stay; its own text is dropped. Two writes of the
    same document with ``metadata.created`` set give identical bytes.

    Raises:
        InputError: the reference file is missing, a template, not Word, or damaged.
        OSError: ``path`` cannot be written.
    """
    theme = settings.theme if settings is not None else None
    reference = settings.reference_docx if settings is not None else None
    layout = layout_for(theme)
    classification = " ".join(
        make_xml_safe(document.metadata.classification or "").split()) or None
    if reference is None:
        word = open_base(theme)
        styles = StyleMap(word.styles.element)
    else:
        word = open_reference(Path(reference))
        styles = adopt_styles(word, *base_parts(theme))
    warnings = set_properties(word, document.metadata)

    def restart_list(style_num_id: int) -> int:
        return restart_numbering(numbering_element(word), style_num_id)

    page = page_setup(word.sections[-1])
    runs = layout.page_runs(document.blocks, page)
    body = BodyWriter(layout, styles, page.text_width, restart_list)
    closing = layout.closing_group(document.blocks)
    number = 0  # the block's index in the document
    last = len(document.blocks) - 1
    for index, run in enumerate(runs):
        if index:
            body.end_section(landscape=runs[index - 1].landscape)
        body.text_width = (page.turned() if run.landscape else page).text_width
        for block in run.blocks:
            keep = ""
            if closing is not None and closing <= number < last:
                keep = "last" if number == closing else "all"
            body.add(block, keep)
            number += 1
    if document.annex:
        # The annex (the source text) starts a new page, in portrait, after the memo.
        if runs:
            body.end_section(landscape=runs[-1].landscape)
        body.text_width = page.text_width
        for block in document.annex:
            body.add(block)
    section_mark = word.element.body.sectPr
    elements, section_ends = body.elements()
    for element in elements:
        section_mark.addprevious(element)
    if reference is None:
        decorate_new(word, layout, styles, classification)
    else:
        decorate_reference(word, styles, classification)
    add_section_breaks(word, section_ends,
                       bool(runs) and runs[-1].landscape and not document.annex)
    save_reproducibly(word, path)
    return warnings
