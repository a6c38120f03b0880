"""Themes: built-ins, TOML files, one-line errors naming the key, and what writers make of them."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import docx
import pytest
from builders import make_document
from pypdf import PdfReader

from briefgen.errors import ConfigError
from briefgen.writers import WriterSettings, pdf
from briefgen.writers import docx as docx_writer
from briefgen.writers.styles import layout_for
from briefgen.writers.theme import (
    DEFAULT_THEME,
    PAGE_SIZES,
    FontFamily,
    Theme,
    builtin_theme_names,
    load_theme,
)

FONTS = Path(__file__).resolve().parent.parent / "briefgen" / "fonts"


def write_theme(tmp_path: Path, text: str, name: str = "theme.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def png(width: int = 4, height: int = 2) -> bytes:
    """Return a small valid RGB PNG."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    rows = b"".join(b"\x00" + b"\x1f\x38\x64" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2,
                                                             0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def test_builtin_themes() -> None:
    assert load_theme("default") is DEFAULT_THEME
    assert {"default", "a4"} <= set(builtin_theme_names())
    a4 = load_theme("A4")
    assert a4.page_size == "a4"
    assert (a4.page_width, a4.page_height) == PAGE_SIZES["a4"]
    assert a4.margin_left == pytest.approx(2.5 / 2.54 * 72)


def test_a_full_theme_file_is_read(tmp_path: Path) -> None:
    (tmp_path / "seal.png").write_bytes(png())
    path = write_theme(tmp_path, f"""
base = "a4"
name = "Embassy"
[page]
margins = "2cm"
top = 1.5
left = "30mm"
[fonts]
body = "{FONTS / 'DejaVuSans.ttf'}"
body_bold = "{FONTS / 'DejaVuSans-Bold.ttf'}"
heading = "DejaVu Sans"
heading_word = "Georgia"
[sizes]
body = 11
title = 20
banner = 12
[colors]
accent = "#003366"
table_header = "eeeeee"
[logo]
path = "seal.png"
position = "left"
height = "15mm"
""")
    theme = load_theme(str(path))
    assert theme.name == "Embassy"
    assert theme.page_size == "a4"
    assert theme.margin_top == pytest.approx(108)
    assert theme.margin_left == pytest.approx(30 / 25.4 * 72)
    assert theme.margin_right == pytest.approx(2 / 2.54 * 72)
    assert theme.body_font.regular == FONTS / "DejaVuSans.ttf"
    assert theme.body_font.italic is None
    assert theme.body_font.face(False, True) == FONTS / "DejaVuSans.ttf"
    assert theme.body_font.word_name == "DejaVu Sans"  # read from the font's name table
    assert theme.heading_font == FontFamily(word_name="Georgia")
    assert (theme.body_size, theme.title_size, theme.banner_size) == (11, 20, 12)
    assert theme.accent_color == "003366"
    assert theme.banner_color == "000000"  # banners stay black whatever the accent
    assert theme.table_header_fill == "EEEEEE"
    assert theme.logo == tmp_path / "seal.png"
    assert (theme.logo_position, theme.logo_height) == ("left", pytest.approx(15 / 25.4 * 72))
    layout = layout_for(theme)
    assert layout.styles["title"].size == 20
    assert layout.styles["banner"].color == "000000"
    assert layout.fonts["heading"].word_name == "Georgia"


@pytest.mark.parametrize(("text", "fragments"), [
    ("[page]\nsize = 'legal'\n", ["[page] size = 'legal'", "letter", "a4"]),
    ("[page]\ncolour = 'red'\n", ["unknown setting [page] colour", "size"]),
    ("colour = 'red'\n", ["unknown setting colour"]),
    ("[colors]\naccent = 'navy'\n", ["[colors] accent = 'navy'", "#RRGGBB"]),
    ("[sizes]\nbody = 'big'\n", ["[sizes] body = 'big'", "number"]),
    ("[sizes]\nbody = 200\n", ["[sizes] body = 200"]),
    ("[page]\nmargins = '3 furlongs'\n", ["[page] margins = '3 furlongs'", "2.5cm"]),
    ("[page]\nmargins = 9\n", ["[page] margins = 9"]),
    ("base = 'legal'\n", ["base = 'legal'", "built-in"]),
    ("[fonts]\nbody = 'nowhere.ttf'\n", ["[fonts] body = 'nowhere.ttf'", "does not exist"]),
    ("[fonts]\nbody_bold = 'x.ttf'\n", ["[fonts] body_bold"]),
    ("[logo]\nposition = 'left'\n", ["[logo] path", "missing"]),
    ("[logo]\npath = 'theme.toml'\n", ["[logo] path = 'theme.toml'", "PNG or JPEG"]),
    ("page = 3\n", ["page = 3", "table"]),
    ("[page\nsize = 'a4'\n", ["not valid TOML", "line 1"]),
])
def test_bad_theme_files_raise_one_line_naming_file_and_key(tmp_path: Path, text: str,
                                                            fragments: list[str]) -> None:
    path = write_theme(tmp_path, text)
    with pytest.raises(ConfigError) as caught:
        load_theme(str(path))
    message = str(caught.value)
    assert "\n" not in message
    assert str(path) in message
    for fragment in fragments:
        assert fragment in message
    assert ConfigError.exit_code == 11


def test_fonts_that_cannot_be_embedded_are_refused(tmp_path: Path) -> None:
    (tmp_path / "cff.otf").write_bytes(b"OTTO" + bytes(60))
    (tmp_path / "text.ttf").write_bytes(b"not a font at all")
    for name, why in (("cff.otf", "PostScript outlines"), ("text.ttf", "not a TrueType")):
        path = write_theme(tmp_path, f'[fonts]\nheading = "{name}"\n')
        with pytest.raises(ConfigError, match=why):
            load_theme(path)


def test_missing_theme_names_the_builtins(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"default, .*a4"):
        load_theme(str(tmp_path / "nope.toml"))
    (tmp_path / "latin1.toml").write_bytes(b"name = '\xe9'\n")
    with pytest.raises(ConfigError, match="not UTF-8"):
        load_theme(tmp_path / "latin1.toml")


def test_a4_theme_sets_the_pdf_and_docx_page(tmp_path: Path) -> None:
    settings = WriterSettings(theme=load_theme("a4"))
    document = make_document()
    pdf.write(document, tmp_path / "a4.pdf", settings)
    box = PdfReader(tmp_path / "a4.pdf").pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx(PAGE_SIZES["a4"], abs=0.01)
    docx_writer.write(document, tmp_path / "a4.docx", settings)
    section = docx.Document(str(tmp_path / "a4.docx")).sections[0]
    assert section.page_width.pt == pytest.approx(PAGE_SIZES["a4"][0], abs=0.05)
    assert section.page_height.pt == pytest.approx(PAGE_SIZES["a4"][1], abs=0.05)
    assert section.left_margin.pt == pytest.approx(2.5 / 2.54 * 72, abs=0.05)


def test_default_settings_are_letter(tmp_path: Path) -> None:
    pdf.write(make_document(), tmp_path / "letter.pdf", WriterSettings())
    box = PdfReader(tmp_path / "letter.pdf").pages[0].mediabox
    assert (float(box.width), float(box.height)) == (612, 792)
    assert Theme().page_size == "letter"


def test_pipeline_passes_settings_to_every_writer(tmp_path: Path) -> None:
    from briefgen.pipeline import write_document

    targets = [(fmt, tmp_path / f"memo.{fmt}") for fmt in ("pdf", "docx", "html")]
    assert write_document(make_document(), targets,
                          settings=WriterSettings(theme=load_theme("a4"))) == ()
    box = PdfReader(tmp_path / "memo.pdf").pages[0].mediabox
    assert float(box.width) == pytest.approx(PAGE_SIZES["a4"][0], abs=0.01)
    assert docx.Document(str(tmp_path / "memo.docx")).sections[0].page_width.pt == \
        pytest.approx(PAGE_SIZES["a4"][0], abs=0.05)
    assert "size:A4" in (tmp_path / "memo.html").read_text(encoding="utf-8")
