"""Every error a user can cause: its exit code and one line on stderr, never a traceback."""

from __future__ import annotations

import errno
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import Result

from briefgen.errors import EXIT_CODES, BriefgenError

Invoke = Callable[..., Result]
ExpectError = Callable[..., str]
README = Path(__file__).resolve().parent.parent / "README.md"
PNG_BYTES = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06"
             b"\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01")
DISCLAIMER = ("/Public Release. This material from the originating organization/author(s) might "
              "be of the point-in-time nature, and edited for clarity, style and length. "
              "Mirage.News does not take institutional positions or sides, and all views, "
              "positions, and conclusions expressed herein are solely those of the author(s).")


def assert_no_part_files(folder: Path) -> None:
    leftovers = [p.name for p in folder.iterdir() if p.name.endswith(".part")]
    assert leftovers == []


# --------------------------------------------------------------------------- input (3, 4, 5)


def test_missing_file(expect_error: ExpectError, tmp_path: Path) -> None:
    expect_error(["extract", tmp_path / "nope.txt"], 3, "nope.txt", "no such file")


def test_directory(expect_error: ExpectError, tmp_path: Path) -> None:
    expect_error(["extract", tmp_path], 3, "directory")


@pytest.mark.skipif(os.geteuid() == 0 if hasattr(os, "geteuid") else True,
                    reason="root reads files whatever their permissions (and no geteuid on "
                           "Windows), so an unreadable file cannot be made")
def test_unreadable_file(expect_error: ExpectError, tmp_path: Path) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text("The delegation met.\n", encoding="utf-8")
    locked.chmod(0)
    try:
        expect_error(["extract", locked], 3, "locked.txt", "permission denied")
    finally:
        locked.chmod(0o644)


def test_permission_denied_simulated(expect_error: ExpectError, tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """The same message where chmod cannot help (root, Windows): the OS refuses the read."""
    locked = tmp_path / "locked.txt"
    locked.write_text("The delegation met.\n", encoding="utf-8")
    read_bytes = Path.read_bytes

    def refuse(self: Path) -> bytes:
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    expect_error(["extract", locked], 3, "locked.txt", "permission denied")


@pytest.mark.parametrize("content", [b"", b"   \n\t\n  \r\n"], ids=["empty", "whitespace"])
def test_empty_input(expect_error: ExpectError, tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "blank.txt"
    path.write_bytes(content)
    expect_error(["extract", path], 5, "blank.txt", "empty")


def test_empty_stdin(expect_error: ExpectError) -> None:
    expect_error(["extract", "-"], 5, "<stdin>", "empty", input=b"")


def test_only_boilerplate(expect_error: ExpectError, tmp_path: Path) -> None:
    path = tmp_path / "disclaimer.txt"
    path.write_text(DISCLAIMER + "\n\nMedia contact: press@example.org\n", encoding="utf-8")
    expect_error(["extract", path], 5, "disclaimer.txt", "boilerplate")


def test_binary_data_named_txt(expect_error: ExpectError, tmp_path: Path) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(PNG_BYTES)
    expect_error(["extract", path], 4, "photo.txt", "binary")


def test_undecodable_bytes(expect_error: ExpectError, tmp_path: Path) -> None:
    # Latin-1 and cp1252 text is read (detected); bytes that are no text in any encoding are not.
    path = tmp_path / "data.txt"
    path.write_bytes(b"The minister met\x00\x01\x02 \xff\xfe\x03 the owners.\n" * 3)
    expect_error(["extract", path], 4, "data.txt", "binary data, not text")


@pytest.mark.parametrize(("suffix", "advice"), [(".doc", "save it as .docx or .txt"),
                                                (".xlsx", ".txt")])
def test_unsupported_type_says_what_to_save_it_as(expect_error: ExpectError, tmp_path: Path,
                                                   suffix: str, advice: str) -> None:
    path = tmp_path / f"memo{suffix}"
    path.write_bytes(b"PK\x03\x04 not really an office file")
    message = expect_error(["extract", path], 3, f"memo{suffix}", "not supported")
    assert advice in message


def test_max_chars_exceeded(expect_error: ExpectError, seed: Path) -> None:
    expect_error(["extract", seed, "--max-chars", "100"], 3, "--max-chars")


def test_model_that_is_not_installed(expect_error: ExpectError, seed: Path) -> None:
    expect_error(["extract", seed, "--model", "xx_no_such_model_sm"], 6, "xx_no_such_model_sm")


# --------------------------------------------------------------------------- options and output


def test_unknown_format(expect_error: ExpectError, seed: Path, tmp_path: Path) -> None:
    expect_error(["generate", seed, "-o", tmp_path / "brief", "-f", "rtf"], 2,
                 "rtf", "pdf", "docx")
    assert list(tmp_path.iterdir()) == []


def test_output_in_a_missing_directory(expect_error: ExpectError, seed: Path,
                                       tmp_path: Path) -> None:
    expect_error(["generate", seed, "-o", tmp_path / "missing" / "brief.pdf"], 8,
                 "missing", "does not exist")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("output", [".", "..", "existing"])
def test_output_that_is_a_directory(expect_error: ExpectError, seed: Path, tmp_path: Path,
                                    monkeypatch: pytest.MonkeyPatch, output: str) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "existing").mkdir()
    expect_error(["generate", seed, "-o", output], 8, f"'{output}'", "is a directory")
    assert [p.name for p in tmp_path.iterdir()] == ["existing"]


def test_failing_writer_leaves_no_partial_files(expect_error: ExpectError,
                                                 monkeypatch: pytest.MonkeyPatch, seed: Path,
                                                 tmp_path: Path) -> None:
    """A disk that fills up mid-write: exit 8, no memo, no *.part file."""
    from briefgen.writers import docx as docx_writer

    def write_half(document: Any, path: Path) -> tuple[str, ...]:
        path.write_bytes(b"PK\x03\x04 half a memo")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(docx_writer, "write", write_half)
    expect_error(["generate", seed, "-o", tmp_path / "brief.docx"], 8,
                 "brief.docx", "No space left on device")
    assert list(tmp_path.iterdir()) == []


def test_interrupt_while_writing_leaves_no_partial_files(
        cli: Invoke, monkeypatch: pytest.MonkeyPatch, seed_brief: tuple[Path, Any],
        tmp_path: Path) -> None:
    from briefgen.writers import pdf as pdf_writer

    def interrupted(document: Any, path: Path) -> tuple[str, ...]:
        path.write_bytes(b"%PDF-1.4 half")
        raise KeyboardInterrupt

    monkeypatch.setattr(pdf_writer, "write", interrupted)
    out = tmp_path / "out"
    out.mkdir()
    result = cli("render", seed_brief[0], "-o", out / "memo.pdf")
    assert result.exit_code == 130
    assert len(result.stderr.strip().splitlines()) == 1
    assert "interrupted" in result.stderr
    assert "Traceback" not in result.output
    assert_no_part_files(out)
    assert list(out.iterdir()) == []


# --------------------------------------------------------------------------- templates (7)


def test_unknown_template_name(expect_error: ExpectError, seed: Path, tmp_path: Path) -> None:
    expect_error(["generate", seed, "-o", tmp_path / "brief.pdf", "-t", "no-such-template"], 7,
                 "no-such-template", "memo")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("source", "fragments"), [
    ("# Memo\n\n{% if %}\n", ("line 3", "syntax error")),
    ("# Memo\n\n{{ brief.no_such_field }}\n", ("line 3", "unknown field", "no_such_field")),
    ("# Memo\n\n{{ ''.__class__ }}\n", ("not allowed", "__class__")),
    ("# Memo\n\n{{ brief.title.__class__.__mro__ }}\n", ("not allowed",)),
], ids=["syntax-error", "unknown-field", "sandbox", "sandbox-mro"])
def test_bad_template(expect_error: ExpectError, seed_brief: tuple[Path, Any], tmp_path: Path,
                      source: str, fragments: tuple[str, ...]) -> None:
    template = tmp_path / "custom.md.j2"
    template.write_text(source, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    expect_error(["render", seed_brief[0], "-o", out / "memo.pdf", "-t", template], 7,
                 "custom.md.j2", *fragments)
    assert list(out.iterdir()) == []


# --------------------------------------------------------------------------- bugs (70)


def raise_bug(*args: object, **kwargs: object) -> None:
    raise RuntimeError("stage exploded")


def test_internal_error_is_one_line_asking_for_debug(cli: Invoke, seed: Path, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("briefgen.ingest.ingest", raise_bug)
    result = cli("generate", seed, "-o", tmp_path / "brief.pdf")
    assert result.exit_code == 70
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("briefgen: internal error")
    assert "RuntimeError: stage exploded" in lines[0]
    assert "--debug" in lines[0]
    assert "Traceback" not in result.output
    assert list(tmp_path.iterdir()) == []


def test_closed_stdout_pipe_is_not_an_internal_error(cli: Invoke, seed: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """`briefgen extract --json | head -1`: the reader left; exit 1 quietly, like --help does."""

    def closed_pipe(*args: object, **kwargs: object) -> None:
        raise BrokenPipeError(errno.EPIPE, "Broken pipe")

    monkeypatch.setattr("briefgen.pipeline.build_brief", closed_pipe)
    result = cli("extract", seed, "--json")
    assert result.exit_code == 1
    assert "internal error" not in result.stderr
    assert "Traceback" not in result.output


def test_debug_shows_the_traceback(cli: Invoke, seed: Path, tmp_path: Path,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("briefgen.ingest.ingest", raise_bug)
    result = cli("generate", seed, "-o", tmp_path / "brief.pdf", "--debug")
    assert result.exit_code == 70
    assert "Traceback (most recent call last)" in result.stderr
    assert "raise_bug" in result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith("briefgen: internal error")


def test_debug_shows_the_traceback_of_a_user_error_too(cli: Invoke, tmp_path: Path) -> None:
    result = cli("extract", tmp_path / "nope.txt", "--debug")
    assert result.exit_code == 3
    assert "Traceback (most recent call last)" in result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith("briefgen: error: ")


def test_real_process_error_is_one_line(tmp_path: Path) -> None:
    """Outside CliRunner too: a missing file gives one line on the real stderr, exit 3."""
    completed = subprocess.run(
        [sys.executable, "-m", "briefgen", "extract", str(tmp_path / "nope.txt")],
        capture_output=True, text=True, timeout=60, check=False)
    assert completed.returncode == 3
    assert completed.stdout == ""
    assert completed.stderr.splitlines() == [
        f"briefgen: error: cannot read '{tmp_path / 'nope.txt'}': no such file"]


# --------------------------------------------------------------------------- the catalogue


def test_every_error_class_has_a_documented_exit_code() -> None:
    def subclasses(cls: type[BriefgenError]) -> list[type[BriefgenError]]:
        return [cls, *(s for sub in cls.__subclasses__() for s in subclasses(sub))]

    for cls in subclasses(BriefgenError):
        assert cls.exit_code in EXIT_CODES, cls.__name__
        assert cls.__doc__, cls.__name__


def readme_exit_codes(text: str) -> dict[int, str]:
    """Rows ``| 3 | meaning |`` of the table under the README heading that says "Exit codes"."""
    rows: dict[int, str] = {}
    in_section = False
    for line in text.splitlines():
        heading = re.match(r"#+\s+(.*)", line)
        if heading:
            in_section = "exit code" in heading.group(1).lower()
            continue
        row = re.match(r"\|\s*`?(\d+)`?\s*\|(.*)\|\s*$", line)
        if in_section and row:
            meaning = row.group(2).replace("`", "")
            rows[int(row.group(1))] = " ".join(meaning.split())
    return rows


def test_readme_exit_code_table_matches_errors_module() -> None:
    documented = readme_exit_codes(README.read_text(encoding="utf-8"))
    assert documented, "README.md has no '| code | meaning |' table under an 'Exit codes' heading"
    assert documented == EXIT_CODES
