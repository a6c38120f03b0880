"""The Word package around the memo: the prepared base, a user's reference file, properties,
and a reproducible save."""

from __future__ import annotations

import datetime as dt
import functools
import io
import zipfile
from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.exceptions import PackageNotFoundError
from docx.opc.packuri import CONTENT_TYPES_URI, PACKAGE_URI
from docx.opc.pkgwriter import _ContentTypesItem
from docx.oxml.ns import qn
from lxml import etree

from briefgen.document import Metadata
from briefgen.errors import InputError
from briefgen.writers.docx.sections import configure_page
from briefgen.writers.docx.wordstyles import configure_styles
from briefgen.writers.styles import layout_for
from briefgen.writers.theme import Theme
from briefgen.xmlsafe import make_xml_safe

CORE_PROPERTY_LIMIT = 255  # python-docx refuses longer core-property strings
ZIP_TIMESTAMP = (1980, 1, 1, 0, 0, 0)
#: Parts of python-docx's template a memo does not need: Word 2010's duplicate style sheet,
#: bibliography data and a thumbnail of an empty page.
DROPPED_RELATIONSHIPS = frozenset({
    "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects",
    RELATIONSHIP_TYPE.CUSTOM_XML, RELATIONSHIP_TYPE.THUMBNAIL,
})
TEMPLATE_SUFFIXES = frozenset({".dotx", ".dotm", ".dot"})


@functools.lru_cache(maxsize=8)
def base_bytes(theme: Theme | None) -> bytes:
    """Return a .docx holding no text, with styles and page set up for ``theme`` (cached).

    Loading these few small parts per memo is several times faster than configuring
    python-docx's full template each time.
    """
    layout = layout_for(theme)
    word = docx.Document()
    drop_relationships(word)
    configure_styles(word, layout)
    configure_page(word.sections[0], layout)
    buffer = io.BytesIO()
    save_reproducibly(word, buffer, compress=False)
    return buffer.getvalue()


def open_base(theme: Theme | None):
    """Return a fresh python-docx Document of the prepared base for ``theme``."""
    return docx.Document(io.BytesIO(base_bytes(theme)))


@functools.lru_cache(maxsize=8)
def base_parts(theme: Theme | None):
    """Return the base's styles and numbering elements (read only: copy before changing)."""
    word = open_base(theme)
    return word.styles.element, word.part.numbering_part.element


def drop_relationships(word, kinds: frozenset[str] = DROPPED_RELATIONSHIPS) -> None:
    """Drop the parts of python-docx's template a memo does not use (or only ``kinds``)."""
    for rels in (word.part.rels, word.part.package.rels):
        for r_id in [r_id for r_id, rel in rels.items() if rel.reltype in kinds]:
            del rels[r_id]


def open_reference(path: Path):
    """Open a user's Word file and empty its body, keeping its last section's page setup.

    Raises:
        InputError: the file is missing, is a template, is not a Word file or is damaged.
    """
    name = path.name
    if path.suffix.lower() in TEMPLATE_SUFFIXES:
        raise InputError(f"'{name}' is a Word template; save it as .docx and pass that")
    if not path.is_file():
        raise InputError(f"cannot read reference DOCX '{path}': "
                         f"{'it is a directory' if path.is_dir() else 'no such file'}; "
                         "give a .docx file")
    try:
        word = docx.Document(str(path))
    except ValueError as e:
        if "template" in str(e):
            raise InputError(f"'{name}' is a Word template; save it as .docx and pass that"
                             ) from e
        raise InputError(f"'{name}' is not a Word document (.docx); open it in Word, save it "
                         "as .docx and pass that") from e
    except PackageNotFoundError as e:
        if _starts_like_a_zip(path):
            raise InputError(f"'{name}' is damaged and cannot be read as a Word document "
                             "(incomplete zip); open and save it again in Word") from e
        raise InputError(f"'{name}' is not a Word document (not a .docx package); pass a "
                         ".docx file") from e
    except (zipfile.BadZipFile, KeyError, etree.XMLSyntaxError, OSError, EOFError) as e:
        raise InputError(f"'{name}' is damaged and cannot be read as a Word document "
                         f"({type(e).__name__}); open and save it again in Word") from e
    body = word.element.body
    section_mark = body.find(qn("w:sectPr"))
    for child in list(body):
        if child is not section_mark:
            body.remove(child)
    if section_mark is None:
        body.get_or_add_sectPr()
    return word


def _starts_like_a_zip(path: Path) -> bool:
    with path.open("rb") as stream:
        return stream.read(4) == b"PK\x03\x04"


def fit_property(name: str, value: str, warnings: list[str]) -> str:
    """Return ``value`` made XML-safe and cut to Word's core-property limit."""
    value = make_xml_safe(value)
    if len(value) > CORE_PROPERTY_LIMIT:
        warnings.append(f"DOCX {name} cut to {CORE_PROPERTY_LIMIT} characters (Word's limit)")
        value = value[:CORE_PROPERTY_LIMIT]
    return value


def set_properties(word, metadata: Metadata) -> tuple[str, ...]:
    """Fill core properties, replacing the template's or letterhead's, and return warnings."""
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
    # A letterhead's (or the template's) thumbnail shows its page, not this memo.
    drop_relationships(word, frozenset({RELATIONSHIP_TYPE.THUMBNAIL}))
    return tuple(warnings)


def save_reproducibly(word, target: Path | io.BytesIO, compress: bool = True) -> None:
    """Write the package in one pass with fixed zip timestamps: equal documents, equal bytes.

    This is python-docx's own ``PackageWriter`` order; writing the zip directly saves a
    second compression pass.
    """
    package = word.part.package
    for part in package.parts:
        part.before_marshal()
    parts = list(package.parts)
    method = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
    with zipfile.ZipFile(target, "w", method) as archive:

        def put(name: str, data: bytes) -> None:
            entry = zipfile.ZipInfo(name.lstrip("/"), date_time=ZIP_TIMESTAMP)
            entry.compress_type = method
            entry.external_attr = 0o644 << 16
            archive.writestr(entry, data)

        put(CONTENT_TYPES_URI, _ContentTypesItem.from_parts(parts).blob)
        put(PACKAGE_URI.rels_uri, package.rels.xml)
        for part in parts:
            put(part.partname, part.blob)
            if len(part.rels):
                put(part.partname.rels_uri, part.rels.xml)
