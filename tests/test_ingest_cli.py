"""Every input format through the real command, and every bad input as one line and its code."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

Invoke = Callable[..., Result]
ExpectError = Callable[..., str]
INPUTS = Path(__file__).resolve().parent / "inputs"


@pytest.mark.parametrize(("fixture", "title", "person"), [
    ("readout_with_table.docx", "U.S.-LNA Discussion on Militia Demobilization",
     "Richard Norland"),
    ("readout.pdf", "Secretary Blinken’s Participation in the U.S.-ASEAN Foreign Ministers’ "
                    "Meeting", "Antony J. Blinken"),
    ("state_dept_readout.html", "Third U.S.-Vietnam Civil Space Dialogue", "Marc Knapper"),
    ("latin1.txt", "U.S.-LNA Discussion on Militia Demobilization", None),
])
def test_extract_reads_every_format(cli: Invoke, fixture: str, title: str,
                                    person: str | None) -> None:
    result = cli("extract", INPUTS / fixture, "--json")
    assert result.exit_code == 0, result.output
    assert "\ufffd" not in result.stdout
    brief = json.loads(result.stdout)
    assert brief["title"] == title
    if person is not None:
        assert person in [a["name"] for a in brief["attendees"]]
    assert all("MUST NOT LEAK" not in p["sentence"] for p in brief["positions"])


def test_extract_reads_a_pdf_from_stdin(cli: Invoke) -> None:
    result = cli("extract", "-", "--json", input=(INPUTS / "readout.pdf").read_bytes())
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["sources"][0]["path"] == "<stdin>"


@pytest.mark.parametrize(("fixture", "code", "fragments"), [
    ("photo.txt", 4, ("PNG image", "binary")),
    ("memo.doc", 3, (".doc is not supported", "save it as .docx or .txt")),
    ("attendees.xlsx", 3, (".xlsx is not supported", ".txt")),
    ("corrupt.docx", 3, ("not a valid Word file (corrupt, or password-protected)",)),
    ("encrypted.docx", 3, ("password-protected",)),
    ("truncated.pdf", 3, ("not a valid PDF file",)),
    ("encrypted.pdf", 3, ("the PDF is password-protected",)),
    ("scanned.pdf", 5, ("no text layer: the PDF looks scanned; run OCR first",)),
    ("readout_de.txt", 10, ("looks like German, not English", "English only for now")),
    ("readout_fr.txt", 10, ("looks like French, not English",)),
    ("readout_es.txt", 10, ("looks like Spanish, not English",)),
])
def test_bad_inputs_are_one_line_with_their_exit_code(expect_error: ExpectError, fixture: str,
                                                      code: int, fragments: tuple[str, ...]
                                                      ) -> None:
    expect_error(["extract", INPUTS / fixture], code, fixture, *fragments)


def test_generate_writes_nothing_for_a_bad_input(expect_error: ExpectError,
                                                 tmp_path: Path) -> None:
    source = tmp_path / "scan.pdf"
    shutil.copy(INPUTS / "scanned.pdf", source)
    out = tmp_path / "out"
    out.mkdir()
    expect_error(["generate", source, "-o", out / "brief.pdf"], 5, "no text layer")
    assert list(out.iterdir()) == []


def test_bad_input_on_stdin(expect_error: ExpectError) -> None:
    expect_error(["extract", "-"], 3, "<stdin>", "password-protected",
                 input=(INPUTS / "encrypted.pdf").read_bytes())
