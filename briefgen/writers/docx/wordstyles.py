"""Word styles from the layout: configure Word's built-in ones, add ours, map names to ids.

python-docx's ``styles[name]`` runs an XPath query on every call; the writer looks each name
up once per document in a ``StyleMap`` instead.
"""

from __future__ import annotations

import copy
import itertools

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from briefgen.writers.docx.numbering import copy_numbering
from briefgen.writers.docx.xml import make_element
from briefgen.writers.styles import Layout, TextStyle

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
    "Classification Banner": "banner",
}
#: Styles the writer refers to besides the configured ones.
OTHER_STYLES = ("Header", "Table Grid")
#: Styles Word expects to find (the defaults of each kind).
DEFAULT_STYLES = ("Default Paragraph Font", "Table Normal", "No List")
ALL_STYLES = (*BUILTIN_STYLES, *CUSTOM_STYLES, *OTHER_STYLES)

# Word's "single" line is ascent + descent + line gap of the font: 1.15 em for Arial, so the
# style table's leading (a multiple of the font size) is divided by it.
WORD_SINGLE_LINE = 1.15
ALIGNMENTS = {"center": WD_ALIGN_PARAGRAPH.CENTER, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
              "right": WD_ALIGN_PARAGRAPH.RIGHT}
KEPT_STYLE_PPR = {qn("w:numPr"), qn("w:outlineLvl"), qn("w:tabs")}
STYLE_REFERENCES = ("w:basedOn", "w:link", "w:next")


class StyleMap:
    """Style ids by style name (case-insensitive, as Word matches built-in names)."""

    def __init__(self, styles_element) -> None:
        self.element = styles_element
        self.ids: dict[str, str] = {}
        self.by_id: dict[str, object] = {}
        for style in styles_element.iterchildren(qn("w:style")):
            style_id = style.get(qn("w:styleId"))
            self.by_id[style_id] = style
            name = style.find(qn("w:name"))
            if name is not None:
                self.ids.setdefault(name.get(qn("w:val")).lower(), style_id)

    def id(self, name: str) -> str:
        """Return the id of a style the writer made sure exists."""
        return self.ids[name.lower()]

    def get(self, name: str) -> str | None:
        return self.ids.get(name.lower())

    def add(self, style) -> None:
        """Record a style element just added to the styles part."""
        style_id = style.get(qn("w:styleId"))
        self.by_id[style_id] = style
        self.ids[style.find(qn("w:name")).get(qn("w:val")).lower()] = style_id

    def num_id(self, name: str) -> int | None:
        """Return the numbering instance a paragraph style carries, if any."""
        style = self.by_id.get(self.get(name) or "")
        num_id = style.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}") \
            if style is not None else None
        return None if num_id is None else int(num_id.get(qn("w:val")))


def set_fonts(r_pr, font: str) -> None:
    """Name ``font`` for Latin, East Asian and complex scripts, dropping theme fonts."""
    fonts = r_pr.get_or_add_rFonts()
    fonts.attrib.clear()
    for script in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{script}"), font)


def configure_style(style, text_style: TextStyle, layout: Layout) -> None:
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
    set_fonts(r_pr, layout.fonts[text_style.font].word_name)
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


def configure_styles(word, layout: Layout) -> None:
    """Set Word's built-in styles and add ours, all from the layout, then drop unused ones."""
    defaults = word.styles.element.find(qn("w:docDefaults"))
    if defaults is not None:
        for r_pr in defaults.iter(qn("w:rPr")):
            set_fonts(r_pr, layout.fonts["body"].word_name)
    for name, role in BUILTIN_STYLES.items():
        style = word.styles[name]
        configure_style(style, layout.styles[role], layout)
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
        configure_style(style, layout.styles[role], layout)
    for name in ("List Bullet", "List Number"):
        indent = word.styles[name].paragraph_format
        indent.left_indent = Pt(layout.bullet_indent)
        indent.first_line_indent = Pt(-layout.bullet_indent)
    prune_styles(word.styles.element)


def prune_styles(styles_element) -> None:
    """Remove the styles the memo does not use (python-docx's template has hundreds).

    Word keeps offering its built-in styles through the latent-style list, so users can
    still apply any of them.
    """
    style_map = StyleMap(styles_element)
    wanted = [style_map.get(name) for name in (*ALL_STYLES, *DEFAULT_STYLES)]
    keep: set[str] = set()
    pending = [style_id for style_id in wanted if style_id]
    while pending:
        style_id = pending.pop()
        if style_id in keep or style_id not in style_map.by_id:
            continue
        keep.add(style_id)
        style = style_map.by_id[style_id]
        pending.extend(ref.get(qn("w:val")) for tag in STYLE_REFERENCES
                       for ref in style.findall(qn(tag)))
    for style_id, style in style_map.by_id.items():
        if style_id not in keep and style.get(qn("w:default")) != "1":
            styles_element.remove(style)


def adopt_styles(word, base_styles, base_numbering) -> StyleMap:
    """Give a user's document the styles it lacks, copied from the configured base styles.

    A style the document has is used as it is (its letterhead look wins); one it lacks is
    copied with the styles it is based on and the list numbering it refers to.
    """
    target = word.styles.element
    style_map = StyleMap(target)
    base_map = StyleMap(base_styles)
    for name in ALL_STYLES:
        if style_map.get(name) is None:
            _copy_style(word, base_map.id(name), style_map, base_map, base_numbering)
    return style_map


def _copy_style(word, base_id: str, style_map: StyleMap, base_map: StyleMap,
                base_numbering) -> str:
    """Copy one base style (and what it refers to) into the document; return its new id."""
    style = copy.deepcopy(base_map.by_id[base_id])
    name = style.find(qn("w:name")).get(qn("w:val"))
    if (existing := style_map.get(name)) is not None:
        return existing
    new_id = base_id
    for n in itertools.count(2):
        if new_id not in style_map.by_id:
            break
        new_id = f"{base_id}{n}"
    style.set(qn("w:styleId"), new_id)
    style.attrib.pop(qn("w:default"), None)
    style_map.element.append(style)
    style_map.add(style)
    for tag in STYLE_REFERENCES:
        reference = style.find(qn(tag))
        if reference is None:
            continue
        referenced = reference.get(qn("w:val"))
        if tag == "w:basedOn" and referenced in base_map.by_id:
            reference.set(qn("w:val"), _copy_style(word, referenced, style_map, base_map,
                                                   base_numbering))
        else:
            style.remove(reference)  # a linked or next style the document may not have
    num_id = style.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}")
    if num_id is not None:
        num_id.set(qn("w:val"), str(copy_numbering(word, base_numbering,
                                                   int(num_id.get(qn("w:val"))))))
    return new_id
