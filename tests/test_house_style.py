"""House style (issue 15 item 8): the PDF and the DOCX agree on font and sizes, by default and
in the State preset (Times New Roman 14, 5 FAH-1 H-320), chosen by option or config."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from pathlib import Path

import docx
from builders import make_document, text
from click.testing import Result
from docx.shared import Pt, RGBColor
from pypdf import PdfReader

from briefgen.document import Heading, Paragraph
from briefgen.writers import WriterSettings, pdf
from briefgen.writers import docx as docx_writer
from briefgen.writers.styles import layout_for
from briefgen.writers.theme import BUILTIN_THEMES, DEFAULT_THEME, load_theme, text_scale

GOLDEN = Path(__file__).resolve().parent / "golden" / "000_seed.brief.json"
Invoke = Callable[..., Result]
#: DOCX style -> the style-table entry whose size it takes (briefgen/writers/docx/wordstyles).
SIZED = {"Normal": "body", "Title": "title", "Heading 1": "heading2", "Heading 2": "heading3"}


def pdf_fonts(path: Path) -> set[str]:
    """The base names of the fonts a PDF uses, without their subset prefix."""
    return {str(ref.get_object()["/BaseFont"]).split("+")[-1]
            for page in PdfReader(path).pages
            for ref in page["/Resources"]["/Font"].values()}


def word_fonts(path: Path) -> tuple[set[str], dict[str, float]]:
    """The font names a DOCX's styles and runs give, and the sizes of its main styles."""
    word = docx.Document(str(path))
    names = {style.font.name for style in word.styles
             if getattr(style, "font", None) is not None and style.font.name}
    names |= {run.font.name for p in word.paragraphs for run in p.runs if run.font.name}
    sizes = {name: word.styles[name].font.size.pt for name in SIZED}
    return names, sizes


def render(cli: Invoke, tmp_path: Path, *options: str) -> tuple[Path, Path]:
    result = cli("render", GOLDEN, "-o", tmp_path / "memo", "-f", "pdf", "-f", "docx",
                 "--date", "2020-07-01", *options)
    assert result.exit_code == 0, result.output
    return tmp_path / "memo.pdf", tmp_path / "memo.docx"


def test_default_pdf_and_docx_agree_on_font_and_sizes(cli: Invoke, tmp_path: Path) -> None:
    pdf_path, docx_path = render(cli, tmp_path)
    # Liberation Sans is metric-compatible with Arial: a line breaks at the same word.
    assert {"LiberationSans", "LiberationSans-Bold"} <= pdf_fonts(pdf_path)
    assert not any("DejaVu" in name or "Helvetica" in name for name in pdf_fonts(pdf_path))
    names, sizes = word_fonts(docx_path)
    assert names == {"Arial"}
    layout = layout_for(DEFAULT_THEME)
    assert sizes == {name: layout.styles[role].size for name, role in SIZED.items()}
    assert sizes["Normal"] == 10.5


def test_state_preset_by_option_sets_times_new_roman_14(cli: Invoke, tmp_path: Path) -> None:
    pdf_path, docx_path = render(cli, tmp_path, "--theme", "state")
    fonts = pdf_fonts(pdf_path)
    assert {"LiberationSerif", "LiberationSerif-Bold"} <= fonts, fonts
    assert not any("Sans" in name for name in fonts)
    names, sizes = word_fonts(docx_path)
    assert names == {"Times New Roman"}
    assert sizes == {"Normal": 14, "Title": 14, "Heading 1": 14, "Heading 2": 14}
    word = docx.Document(str(docx_path))
    for name in ("Normal", "Title", "Heading 1", "Heading 2"):  # State paper is black
        assert word.styles[name].font.color.rgb == RGBColor(0, 0, 0)
    # The PDF is set at the same size: its body text at 14 pt.
    sizes_seen: set[float] = set()

    def visit(text_: str, cm, tm, font_dict, font_size) -> None:
        if text_.strip():
            sizes_seen.add(round(font_size * tm[0], 1))
    PdfReader(pdf_path).pages[0].extract_text(visitor_text=visit)
    assert 14.0 in sizes_seen, sizes_seen


def test_state_preset_from_the_config_file(cli: Invoke, tmp_path: Path) -> None:
    config = tmp_path / "briefgen.toml"
    config.write_text('[output]\ntheme = "state"\n', encoding="utf-8")
    pdf_path, docx_path = render(cli, tmp_path, "--config", str(config))
    assert "LiberationSerif" in pdf_fonts(pdf_path)
    assert word_fonts(docx_path)[0] == {"Times New Roman"}
    shown = cli("config", "show", "--config", str(config))
    assert "output.theme" in shown.stdout and '"state"' in shown.stdout


def test_state_preset_shows_every_script_of_the_input(tmp_path: Path) -> None:
    words = {"Latin": "Łódź Đặng", "Greek": "Αθήνα", "Cyrillic": "Москва", "Hebrew": "שלום"}
    document = make_document(Heading(1, text("Memorandum")),
                             *(Paragraph(text(f"{name}: {word}")) for name, word in words.items()),
                             Paragraph(text("Arabic: مرحبا")))
    path = tmp_path / "scripts.pdf"
    warnings = pdf.write(document, path, WriterSettings(theme=load_theme("state")))
    assert warnings == ()
    extracted = unicodedata.normalize("NFKC", PdfReader(path).pages[0].extract_text())
    for word in (*" ".join(words.values()).split(), "Москва"):
        assert word in extracted or word[::-1] in extracted, word
    # Liberation Serif has no Arabic: those letters fall back to the bundled DejaVu Sans.
    assert "DejaVuSans" in pdf_fonts(path)


def test_banners_are_black_in_every_builtin_theme(tmp_path: Path) -> None:
    for theme in BUILTIN_THEMES.values():
        assert layout_for(theme).styles["banner"].color == "000000", theme.name
    document = make_document(Paragraph(text("Body.")), classification="SECRET")
    path = tmp_path / "memo.docx"
    docx_writer.write(document, path)
    style = docx.Document(str(path)).styles["Classification Banner"]
    assert style.font.color.rgb == RGBColor(0, 0, 0)
    assert style.font.size == Pt(DEFAULT_THEME.banner_size)


def test_the_length_estimate_follows_the_theme() -> None:
    assert text_scale(None) == (1.0, 1.0) == text_scale(DEFAULT_THEME)
    width, height = text_scale(load_theme("state"))
    assert 1.15 < width < 1.3 and height == 14 / 10.5


def test_html_names_the_same_family_as_the_docx(cli: Invoke, tmp_path: Path) -> None:
    for theme, first, fallback in (("default", "Arial", "Liberation Sans"),
                                   ("state", "Times New Roman", "Liberation Serif")):
        target = tmp_path / f"{theme}.html"
        result = cli("render", GOLDEN, "-o", target, "--theme", theme)
        assert result.exit_code == 0, result.output
        html = target.read_text(encoding="utf-8")
        assert f'"{first}", "{fallback}"' in html, theme
