"""Page setup, headers and footers: classification banners, "Page X of Y" and the logo."""

from __future__ import annotations

import copy
from pathlib import Path

from docx.image.image import Image
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Emu, Pt

from briefgen.document import Span
from briefgen.writers.docx.body import paragraph_xml, run_xml
from briefgen.writers.docx.wordstyles import StyleMap
from briefgen.writers.docx.xml import NAMESPACES
from briefgen.writers.styles import Layout, PageSetup

EMU_PER_POINT = 12700
FIELD_RUNS = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
              '<w:r><w:instrText xml:space="preserve"> {code} </w:instrText></w:r>'
              '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
              "<w:r><w:t>1</w:t></w:r>"
              '<w:r><w:fldChar w:fldCharType="end"/></w:r>')
WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"


def configure_page(section, layout: Layout) -> None:
    """Set page size, margins and the header and footer distances from the layout."""
    page = layout.page
    section.page_width, section.page_height = Pt(page.width), Pt(page.height)
    section.top_margin, section.bottom_margin = Pt(page.margin_top), Pt(page.margin_bottom)
    section.left_margin, section.right_margin = Pt(page.margin_left), Pt(page.margin_right)
    section.header_distance = Pt(layout.header_distance)
    section.footer_distance = Pt(layout.footer_distance)


def text_width(section) -> float:
    """Return the width between a section's margins, in points."""
    return (section.page_width - section.left_margin - section.right_margin) / EMU_PER_POINT


def page_setup(section) -> PageSetup:
    """Return a section's page size and margins in points (a letterhead's may be any)."""
    def points(length) -> float:
        return (length or 0) / EMU_PER_POINT

    return PageSetup(points(section.page_width), points(section.page_height),
                     points(section.top_margin), points(section.bottom_margin),
                     points(section.left_margin), points(section.right_margin))


def add_section_breaks(word, ends: list, last_landscape: bool) -> None:
    """End a section at each given paragraph, landscape or portrait, after the memo is
    decorated.

    Every section is a copy of the memo's own page setup, turned for landscape. Only the
    first keeps the header and footer references (and a first-page header with the logo);
    the others have none, which Word reads as "link to previous", so banners and page
    numbers continue, and the numbering runs on.
    """
    final = word.element.body.sectPr
    if not ends:
        if last_landscape:  # the memo is one wide table
            _orient(final, True)
        return
    first = copy.deepcopy(final)
    for index, (paragraph, landscape) in enumerate(ends):
        properties = first if index == 0 else _linked_copy(final)
        _orient(properties, landscape)
        paragraph.get_or_add_pPr()._insert_sectPr(properties)
    linked = _linked_copy(final)
    _orient(linked, last_landscape)
    final.getparent().replace(final, linked)


def _linked_copy(properties):
    """Return section properties without their own headers, footers, first page or page
    number restart: they continue the previous section's."""
    properties = copy.deepcopy(properties)
    for tag in ("w:headerReference", "w:footerReference", "w:titlePg", "w:type"):
        for element in properties.findall(qn(tag)):
            properties.remove(element)
    numbering = properties.find(qn("w:pgNumType"))
    if numbering is not None:
        numbering.attrib.pop(qn("w:start"), None)
    return properties


def _orient(properties, landscape: bool) -> None:
    """Set the page size of section properties to portrait or landscape."""
    size = properties.find(qn("w:pgSz"))
    if size is None:
        return
    width, height = int(size.get(qn("w:w"))), int(size.get(qn("w:h")))
    long_side, short_side = max(width, height), min(width, height)
    if landscape:
        size.set(qn("w:w"), str(long_side))
        size.set(qn("w:h"), str(short_side))
        size.set(qn("w:orient"), "landscape")
    else:
        size.set(qn("w:w"), str(short_side))
        size.set(qn("w:h"), str(long_side))
        size.attrib.pop(qn("w:orient"), None)


def page_number_xml(styles: StyleMap) -> str:
    """Return a "Page X of Y" paragraph whose numbers are fields Word computes."""
    # Centred directly too: a letterhead's Footer style may align left.
    return (f'<w:p><w:pPr><w:pStyle w:val="{styles.id("Footer")}"/><w:jc w:val="center"/>'
            "</w:pPr>"
            f'{run_xml("Page ")}{FIELD_RUNS.format(code="PAGE")}{run_xml(" of ")}'
            f"{FIELD_RUNS.format(code='NUMPAGES')}</w:p>")


def banner_xml(styles: StyleMap, classification: str) -> str:
    """Return the classification banner paragraph (bold, centred: the banner style)."""
    return paragraph_xml(styles.id("Classification Banner"), (Span(classification),))


def fragment(xml: str) -> list:
    """Parse paragraphs written as XML text into elements."""
    return list(parse_xml(f"<w:body {NAMESPACES}>{xml}</w:body>"))


def has_page_field(story) -> bool:
    """Say whether a header or footer already shows the page number."""
    codes = [t.text or "" for t in story.iter(qn("w:instrText"))]
    codes += [f.get(qn("w:instr"), "") for f in story.iter(qn("w:fldSimple"))]
    return any("PAGE" in code.upper().split() for code in codes)


def decorate_new(word, layout: Layout, styles: StyleMap, classification: str | None) -> None:
    """Give a document of our own its headers and footers (banner, page numbers, logo)."""
    section = word.sections[0]
    footer_xml = page_number_xml(styles)
    header_xml = ""
    if classification:
        footer_xml += banner_xml(styles, classification)
        header_xml = banner_xml(styles, classification)
    _replace_content(section.footer, footer_xml)
    if header_xml:
        _replace_content(section.header, header_xml)
    logo = layout.theme.logo
    if logo is None:
        return
    section.different_first_page_header_footer = True
    _replace_content(section.first_page_footer, footer_xml)
    first = section.first_page_header
    _replace_content(first, header_xml or
                     f'<w:p><w:pPr><w:pStyle w:val="{styles.id("Header")}"/></w:pPr></w:p>')
    add_logo(first, logo, layout, text_width(section))


def decorate_reference(word, styles: StyleMap, classification: str | None) -> None:
    """Add banners (and page numbers where missing) to a user's headers and footers, keeping
    what they hold."""
    section = word.sections[-1]
    kinds = [(section.header, section.footer)]
    if section.different_first_page_header_footer:
        kinds.append((section.first_page_header, section.first_page_footer))
    if word.settings.odd_and_even_pages_header_footer:
        kinds.append((section.even_page_header, section.even_page_footer))
    for header, footer in kinds:
        footer_root = footer._get_or_add_definition().element
        if not has_page_field(footer_root):
            footer_root.extend(fragment(page_number_xml(styles)))
        if not classification:
            continue
        header_root = header._get_or_add_definition().element
        for element in fragment(banner_xml(styles, classification)):
            header_root.insert(0, element)
        footer_root.extend(fragment(banner_xml(styles, classification)))


def _replace_content(story, xml: str) -> None:
    root = story._get_or_add_definition().element
    for child in list(root):
        root.remove(child)
    root.extend(fragment(xml))


def add_logo(header, path: Path, layout: Layout, width_available: float) -> None:
    """Float the logo at the top left or right of the page, in the first page's header."""
    image = Image.from_file(str(path))
    height = layout.logo_height
    width = height * image.px_width / max(image.px_height, 1)
    if width > width_available / 3:
        width = width_available / 3
        height = width * image.px_height / max(image.px_width, 1)
    paragraph = header.paragraphs[0]
    run = paragraph.add_run()
    run.add_picture(str(path), width=Pt(width), height=Pt(height))
    inline = run._r.find(f"{qn('w:drawing')}/{{{WP_NS}}}inline")
    inline.getparent().replace(inline, _anchor(inline, layout, Emu(Pt(layout.logo_top))))


def _anchor(inline, layout: Layout, top: int):
    """Turn an inline picture into one floating at the top of the page, beside the margin."""
    align = "left" if layout.theme.logo_position == "left" else "right"
    anchor = parse_xml(
        f'<wp:anchor {NAMESPACES} distT="0" distB="0" distL="114300" distR="114300" '
        'simplePos="0" relativeHeight="251659264" behindDoc="0" locked="0" layoutInCell="1" '
        'allowOverlap="1"><wp:simplePos x="0" y="0"/>'
        f'<wp:positionH relativeFrom="margin"><wp:align>{align}</wp:align></wp:positionH>'
        f'<wp:positionV relativeFrom="page"><wp:posOffset>{int(top)}</wp:posOffset>'
        "</wp:positionV></wp:anchor>")
    for tag in ("extent", "effectExtent"):
        element = inline.find(f"{{{WP_NS}}}{tag}")
        if element is not None:
            anchor.append(copy.deepcopy(element))
    if anchor.find(f"{{{WP_NS}}}effectExtent") is None:
        anchor.append(parse_xml(f'<wp:effectExtent {NAMESPACES} l="0" t="0" r="0" b="0"/>'))
    anchor.append(parse_xml(f"<wp:wrapNone {NAMESPACES}/>"))
    for tag in ("docPr", "cNvGraphicFramePr"):
        element = inline.find(f"{{{WP_NS}}}{tag}")
        if element is not None:
            anchor.append(copy.deepcopy(element))
    anchor.append(copy.deepcopy(inline.find(qn("a:graphic"))))
    return anchor
