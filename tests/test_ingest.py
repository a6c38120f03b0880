"""ingest: UTF-8 files and stdin become a Source; every unreadable input is a BriefgenError."""

from __future__ import annotations

import hashlib
import io
import sys
from pathlib import Path

import pytest

from briefgen.errors import BriefgenError, DecodeError, EmptyInputError, InputError
from briefgen.ingest import ingest

TEXT = "Secretary Blinken met Foreign Minister Kuleba in Kyiv. Они обсудили энергетику.\n"


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def assert_one_line(error: BaseException) -> None:
    message = str(error)
    assert message and "\n" not in message


class FakeStdin:
    """Stands in for ``sys.stdin``: ingest reads the raw bytes of ``.buffer``."""

    def __init__(self, data: bytes) -> None:
        self.buffer = io.BytesIO(data)


def test_utf8_file_without_bom(tmp_path: Path) -> None:
    data = TEXT.encode("utf-8")
    source = ingest(str(write(tmp_path, "readout.txt", data)))
    assert source.text == TEXT
    assert source.media_type == "text/plain"
    assert source.path == str(tmp_path / "readout.txt")
    assert source.sha256 == hashlib.sha256(data).hexdigest()
    assert source.title is None


def test_utf8_file_with_bom_loses_the_bom_but_hashes_the_raw_bytes(tmp_path: Path) -> None:
    data = b"\xef\xbb\xbf" + TEXT.encode("utf-8")
    source = ingest(str(write(tmp_path, "readout.txt", data)))
    assert source.text == TEXT
    assert not source.text.startswith("\ufeff")
    # The hash identifies the file the user gave, byte for byte, BOM included.
    assert source.sha256 == hashlib.sha256(data).hexdigest()
    assert source.sha256 != hashlib.sha256(TEXT.encode("utf-8")).hexdigest()


@pytest.mark.parametrize(("name", "media_type"), [
    ("readout.md", "text/markdown"),
    ("readout.markdown", "text/markdown"),
    ("readout.TXT", "text/plain"),
    ("readout", "text/plain"),
    ("readout.csv", "text/plain"),
])
def test_media_type_follows_the_suffix(tmp_path: Path, name: str, media_type: str) -> None:
    source = ingest(str(write(tmp_path, name, TEXT.encode())))
    assert source.media_type == media_type


def test_stdin_dash_reads_the_raw_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    data = b"\xef\xbb\xbf" + TEXT.encode("utf-8")
    monkeypatch.setattr(sys, "stdin", FakeStdin(data))
    source = ingest("-")
    assert source.text == TEXT
    assert source.path == "<stdin>"
    assert source.media_type == "text/plain"
    assert source.sha256 == hashlib.sha256(data).hexdigest()


def test_empty_stdin_is_empty_input(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", FakeStdin(b""))
    with pytest.raises(EmptyInputError, match="<stdin>"):
        ingest("-")


def test_missing_file(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    with pytest.raises(InputError) as info:
        ingest(str(missing))
    assert type(info.value) is InputError
    assert str(info.value) == f"cannot read '{missing}': no such file"
    assert info.value.exit_code == 3


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="it is a directory; give a file") as info:
        ingest(str(tmp_path))
    assert type(info.value) is InputError
    assert_one_line(info.value)


@pytest.mark.parametrize(("name", "advice"), [
    ("memo.doc", ".doc is not supported; save it as .docx or .txt"),
    ("memo.DOC", ".doc is not supported; save it as .docx or .txt"),
    ("memo.rtf", ".rtf is not supported; save it as .docx or .txt"),
    ("sheet.xlsx", ".xlsx is not supported; copy the text into a .txt file"),
    ("memo.pdf", ".pdf is not supported; save it as .txt"),
    ("page.html", ".html is not supported; save it as .txt"),
])
def test_unsupported_suffix_says_what_to_do(tmp_path: Path, name: str, advice: str) -> None:
    path = write(tmp_path, name, b"whatever")
    with pytest.raises(InputError) as info:
        ingest(str(path))
    assert type(info.value) is InputError
    assert str(info.value).startswith(f"cannot read '{path}': {advice}")
    assert_one_line(info.value)


def test_undecodable_bytes_name_the_byte_and_offset(tmp_path: Path) -> None:
    data = "Café".encode("latin-1") + b" and more"  # 0xe9 at offset 3
    path = write(tmp_path, "latin1.txt", data)
    with pytest.raises(DecodeError) as info:
        ingest(str(path))
    message = str(info.value)
    assert "byte 0xe9 at offset 3 is not UTF-8" in message
    assert "save the file as UTF-8 text" in message
    assert info.value.exit_code == 4
    assert_one_line(info.value)


def test_undecodable_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", FakeStdin(b"ok so far \xff\xfe"))
    with pytest.raises(DecodeError, match="offset 10"):
        ingest("-")


@pytest.mark.parametrize("data", [
    b"text\x00with a NUL",
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    "UTF-16 text".encode("utf-16"),
])
def test_binary_data_is_a_decode_error(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(DecodeError, match="looks like binary data, not text"):
        ingest(str(write(tmp_path, "blob.txt", data)))


def test_max_chars_counts_characters_not_bytes(tmp_path: Path) -> None:
    path = write(tmp_path, "long.txt", ("é" * 10).encode("utf-8"))  # 10 chars, 20 bytes
    assert ingest(str(path), max_chars=10).text == "é" * 10
    with pytest.raises(InputError, match="more than --max-chars 9") as info:
        ingest(str(path), max_chars=9)
    assert type(info.value) is InputError
    assert_one_line(info.value)


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n  ", b"\xef\xbb\xbf", b"\xef\xbb\xbf \n"])
def test_empty_input(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(EmptyInputError, match="is empty") as info:
        ingest(str(write(tmp_path, "empty.txt", data)))
    assert info.value.exit_code == 5


def test_every_error_is_a_briefgen_error(tmp_path: Path) -> None:
    for path in (tmp_path / "missing.txt", tmp_path, write(tmp_path, "x.doc", b"x"),
                 write(tmp_path, "x.txt", b"\xff"), write(tmp_path, "y.txt", b"")):
        with pytest.raises(BriefgenError):
            ingest(str(path))
