"""List numbering: restart numbered lists at 1, and bring list definitions into a user's file."""

from __future__ import annotations

import copy

from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.parts.numbering import NumberingPart


def numbering_element(word):
    """Return the document's ``w:numbering`` element, adding a numbering part if it has none."""
    try:
        return word.part.part_related_by(RELATIONSHIP_TYPE.NUMBERING).element
    except KeyError:
        package = word.part.package
        part = NumberingPart(package.next_partname("/word/numbering%d.xml")
                             if any(p.partname == "/word/numbering.xml"
                                    for p in package.iter_parts())
                             else PackURI("/word/numbering.xml"),
                             CONTENT_TYPE.WML_NUMBERING,
                             parse_xml(f"<w:numbering {nsdecls('w')}/>"), package)
        word.part.relate_to(part, RELATIONSHIP_TYPE.NUMBERING)
        return part.element


def restart_numbering(numbering, style_num_id: int) -> int:
    """Return a new numbering instance of a list style's definition that starts again at 1."""
    abstract_id = numbering.num_having_numId(style_num_id).abstractNumId.val
    num = numbering.add_num(abstract_id)
    num.add_lvlOverride(ilvl=0).add_startOverride(1)
    return num.numId


def copy_numbering(word, base_numbering, num_id: int) -> int:
    """Copy numbering instance ``num_id`` of the base document and its definition into
    ``word``; return the new instance's id there."""
    target = numbering_element(word)
    abstract_id = base_numbering.num_having_numId(num_id).abstractNumId.val
    abstract = next(a for a in base_numbering.iterchildren(qn("w:abstractNum"))
                    if a.get(qn("w:abstractNumId")) == str(abstract_id))
    abstract = copy.deepcopy(abstract)
    existing = [int(a.get(qn("w:abstractNumId")))
                for a in target.iterchildren(qn("w:abstractNum"))]
    new_abstract_id = max(existing, default=-1) + 1
    abstract.set(qn("w:abstractNumId"), str(new_abstract_id))
    for nsid in abstract.findall(qn("w:nsid")):  # Word merges lists that share an nsid
        abstract.remove(nsid)
    siblings = list(target.iterchildren(qn("w:abstractNum")))
    if siblings:
        siblings[-1].addnext(abstract)
    else:
        first_num = target.find(qn("w:num"))
        if first_num is not None:
            first_num.addprevious(abstract)
        else:
            target.insert(len(target.findall(qn("w:numPicBullet"))), abstract)
    return target.add_num(new_abstract_id).numId
