"""Small WordprocessingML helpers: elements, schema order, units."""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import nsdecls, qn

#: The namespaces a fragment of body XML may use.
NAMESPACES = nsdecls("w", "r", "wp", "a", "pic")

# Schema order of paragraph properties, for inserting what python-docx has no API for.
PPR_ORDER = ("w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr",
             "w:widowControl", "w:numPr", "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs",
             "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
             "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
             "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
             "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
             "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr",
             "w:pPrChange")


def make_element(tag: str, **attributes: str):
    """Return a new OOXML element with ``w:``-prefixed attributes."""
    element = OxmlElement(tag)
    for name, value in attributes.items():
        element.set(qn(f"w:{name}"), value)
    return element


def set_child(parent, child, order: tuple[str, ...]) -> None:
    """Put ``child`` into ``parent`` in schema ``order``, replacing one of the same tag."""
    for old in parent.findall(child.tag):
        parent.remove(old)
    tags = [qn(tag) for tag in order]
    successors = order[tags.index(child.tag) + 1:]
    parent.insert_element_before(child, *successors)


def twips(points: float) -> str:
    """Return a length in points as twentieths of a point, the unit of most Word lengths."""
    return str(round(points * 20))
