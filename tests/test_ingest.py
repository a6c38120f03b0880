"""ingest: text in any common encoding, stdin, sniffing; every bad input is a BriefgenError."""

from __future__ import annotations

import hashlib
import io
import sys
from pathlib import Path

import pytest

from briefgen.errors import (
    BriefgenError,
    DecodeError,
    EmptyInputError,
    InputError,
    NotEnglishError,
    OptionError,
)
from briefgen.ingest import DEFAULT_MAX_CHARS, ingest, ingest_many

TEXT = "Secretary Blinken met Foreign Minister Kuleba in Kyiv. Они обсудили энергетику.\n"
INPUTS = Path(__file__).resolve().parent / "inputs"
SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_0ff103b2e130dde9.txt"


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


# --------------------------------------------------------------------------- UTF-8 and stdin


def test_utf8_file_without_bom(tmp_path: Path) -> None:
    data = TEXT.encode("utf-8")
    source = ingest(str(write(tmp_path, "readout.txt", data)))
    assert source.text == TEXT
    assert source.media_type == "text/plain"
    assert source.path == str(tmp_path / "readout.txt")
    assert source.sha256 == hashlib.sha256(data).hexdigest()
    assert source.title is None
    assert source.date is None


def test_utf8_file_with_bom_loses_the_bom_but_hashes_the_raw_bytes(tmp_path: Path) -> None:
    data = b"\xef\xbb\xbf" + TEXT.encode("utf-8")
    source = ingest(str(write(tmp_path, "readout.txt", data)))
    assert source.text == TEXT
    # The hash identifies the file the user gave, byte for byte, BOM included.
    assert source.sha256 == hashlib.sha256(data).hexdigest()
    assert source.sha256 != hashlib.sha256(TEXT.encode("utf-8")).hexdigest()


def test_crlf_line_ends_become_lf(tmp_path: Path) -> None:
    data = b"Title line\r\n\r\nThe delegation met.\rThey talked.\r\n"
    assert ingest(str(write(tmp_path, "dos.txt", data))).text == \
        "Title line\n\nThe delegation met.\nThey talked.\n"


@pytest.mark.parametrize(("name", "media_type"), [
    ("readout.md", "text/markdown"),
    ("readout.markdown", "text/markdown"),
    ("readout.TXT", "text/plain"),
    ("readout", "text/plain"),
    ("readout.csv", "text/plain"),
])
def test_media_type_follows_the_suffix_for_text(tmp_path: Path, name: str,
                                                media_type: str) -> None:
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


@pytest.mark.parametrize(("fixture", "media_type"), [
    ("readout.pdf", "application/pdf"),
    ("readout_with_table.docx",
     "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ("state_dept_readout.html", "text/html"),
    ("cp1252.txt", "text/plain"),
])
def test_stdin_is_sniffed_like_a_file(monkeypatch: pytest.MonkeyPatch, fixture: str,
                                      media_type: str) -> None:
    monkeypatch.setattr(sys, "stdin", FakeStdin((INPUTS / fixture).read_bytes()))
    source = ingest("-")
    assert source.media_type == media_type
    assert source.path == "<stdin>"
    assert "\n\n" in source.text


def test_empty_stdin_is_empty_input(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", FakeStdin(b""))
    with pytest.raises(EmptyInputError, match="<stdin>"):
        ingest("-")


# --------------------------------------------------------------------------- other encodings


def test_latin1_file_is_detected(tmp_path: Path) -> None:
    source = ingest(str(INPUTS / "latin1.txt"))
    assert "Ms. Zoë Müller and Mr. José Núñez" in source.text
    assert "Jean-Yves Le Drian" in source.text
    assert source.text.startswith("U.S.-LNA Discussion on Militia Demobilization\n\nOn July 1,")


def test_cp1252_curly_quotes_and_dashes(tmp_path: Path) -> None:
    source = ingest(str(INPUTS / "cp1252.txt"))
    assert "it was \u201cdeeply concerned\u201d about the oil shutdown \u2013 and that the " \
           "LNA\u2019s affiliation" in source.text


def test_utf16_with_bom_is_read(tmp_path: Path) -> None:
    source = ingest(str(INPUTS / "utf16.txt"))
    seed = SEED.read_text(encoding="utf-8")
    assert source.text.startswith("U.S.-LNA Discussion on Militia Demobilization\n\nOn July 1,")
    assert not source.text.startswith("\ufeff")
    assert source.text in seed


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_recognised(tmp_path: Path, encoding: str) -> None:
    path = write(tmp_path, "nobom.txt", TEXT.encode(encoding))
    assert ingest(str(path)).text == TEXT


@pytest.mark.parametrize("encoding", ["utf-32", "utf-8-sig", "utf-16-be"])
def test_byte_order_marks(tmp_path: Path, encoding: str) -> None:
    data = TEXT.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    assert ingest(str(write(tmp_path, "bom.txt", data))).text == TEXT


def test_cyrillic_cp1251_is_detected_then_refused_as_not_english(tmp_path: Path) -> None:
    text = ("Министр иностранных дел встретился с послом. Они обсудили энергетику и "
            "безопасность, а также сотрудничество между двумя странами в области торговли.\n")
    with pytest.raises(NotEnglishError, match="looks like Russian"):
        ingest(str(write(tmp_path, "ru.txt", text.encode("cp1251"))))


def test_forced_encoding(tmp_path: Path) -> None:
    data = "Café talks, the minister’s team.".encode("cp1252")
    path = write(tmp_path, "x.txt", data)
    assert ingest(str(path), encoding="cp1252").text == "Café talks, the minister’s team."
    # Forcing another encoding is obeyed, even when detection would do better.
    assert ingest(str(path), encoding="latin-1").text == "Café talks, the minister\x92s team."


def test_forced_encoding_that_does_not_fit(tmp_path: Path) -> None:
    path = write(tmp_path, "x.txt", "Café".encode("latin-1"))
    with pytest.raises(DecodeError) as info:
        ingest(str(path), encoding="utf-8")
    assert str(info.value) == (f"cannot read '{path}': byte 0xe9 at offset 3 is not utf-8; "
                               "check --encoding, or leave it out to detect the encoding")
    assert info.value.exit_code == 4


def test_unknown_encoding_name(tmp_path: Path) -> None:
    path = write(tmp_path, "x.txt", b"The delegation met.")
    with pytest.raises(OptionError) as info:
        ingest(str(path), encoding="klingon-8")
    assert str(info.value) == ("unknown encoding 'klingon-8'; give one Python knows, e.g. utf-8, "
                               "cp1252, latin-1 or utf-16")
    assert info.value.exit_code == 2


def test_undecodable_bytes_name_the_byte_and_offset(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """When charset-normalizer finds no encoding either (it finds one for most bytes)."""
    import charset_normalizer

    class NoMatch:
        def best(self) -> None:
            return None

    monkeypatch.setattr(charset_normalizer, "from_bytes", lambda data: NoMatch())
    data = b"ok so far " + bytes([0x81, 0x8d, 0x8f, 0x90, 0x9d]) * 40
    path = write(tmp_path, "junk.txt", data)
    with pytest.raises(DecodeError) as info:
        ingest(str(path))
    assert str(info.value) == (
        f"cannot read '{path}': its bytes are not text in any encoding briefgen recognises "
        "(byte 0x81 at offset 10 is not UTF-8); save the file as UTF-8 text, or name its "
        "encoding with --encoding")
    assert info.value.exit_code == 4


def test_utf8_with_stray_cp1252_bytes_reads_each_part_as_itself(tmp_path: Path) -> None:
    data = "Café in UTF-8 – then ".encode() + "the minister’s café in cp1252.".encode("cp1252")
    source = ingest(str(write(tmp_path, "mixed.txt", data)))
    assert source.text == "Café in UTF-8 – then the minister’s café in cp1252."


@pytest.mark.parametrize("data", [
    b"text\x00with a NUL",
    bytes(range(256)) * 4,
    bytes(range(1, 256)) * 4,  # no NUL, but control bytes no text holds
])
def test_binary_data_is_a_decode_error(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(DecodeError, match="looks like binary data, not text") as info:
        ingest(str(write(tmp_path, "blob.txt", data)))
    assert_one_line(info.value)


# --------------------------------------------------------------------------- sniffing


@pytest.mark.parametrize(("fixture", "renamed", "media_type"), [
    ("readout.pdf", "readout.txt", "application/pdf"),
    ("readout.pdf", "readout", "application/pdf"),
    ("readout_with_table.docx", "readout.doc", "application/vnd.openxmlformats-officedocument."
                                               "wordprocessingml.document"),
    ("readout_with_table.docx", "readout", "application/vnd.openxmlformats-officedocument."
                                           "wordprocessingml.document"),
    ("state_dept_readout.html", "readout.txt", "text/html"),
    ("state_dept_readout.html", "page.md", "text/html"),
])
def test_the_content_decides_the_type(tmp_path: Path, fixture: str, renamed: str,
                                      media_type: str) -> None:
    source = ingest(str(write(tmp_path, renamed, (INPUTS / fixture).read_bytes())))
    assert source.media_type == media_type
    assert source.title  # each fixture names its title


def test_text_named_pdf_or_docx_is_read_as_text(tmp_path: Path) -> None:
    for name in ("notes.pdf", "notes.docx", "notes.html"):
        source = ingest(str(write(tmp_path, name, TEXT.encode())))
        assert source.text == TEXT
        assert source.media_type == "text/plain"


@pytest.mark.parametrize(("name", "data", "what"), [
    ("photo.txt", None, "it looks like a PNG image (binary data), not text"),
    ("photo.jpg.txt", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "it looks like a JPEG image"),
    ("anim.txt", b"GIF89a\x01\x00\x01\x00", "it looks like a GIF image"),
    ("scan.txt", b"II*\x00\x08\x00\x00\x00", "it looks like a TIFF image"),
])
def test_an_image_renamed_txt(tmp_path: Path, name: str, data: bytes | None, what: str) -> None:
    path = INPUTS / name if data is None else write(tmp_path, name, data)
    with pytest.raises(DecodeError) as info:
        ingest(str(path))
    assert str(info.value).startswith(f"cannot read '{path}': {what}")
    assert "binary" in str(info.value)
    assert info.value.exit_code == 4
    assert_one_line(info.value)


# --------------------------------------------------------------------------- unsupported types


@pytest.mark.parametrize(("name", "advice"), [
    ("memo.doc", ".doc is not supported; save it as .docx or .txt"),
    ("memo.DOC", ".doc is not supported; save it as .docx or .txt"),
    ("memo.rtf", ".rtf is not supported; save it as .docx or .txt"),
    ("memo.odt", ".odt is not supported; save it as .docx or .txt"),
    ("sheet.xlsx", ".xlsx is not supported; copy the text into a .txt file"),
    ("sheet.xls", ".xls is not supported; copy the text into a .txt file"),
    ("deck.ppt", ".ppt is not supported; save it as .pdf or copy the text into a .txt file"),
    ("deck.pptx", ".pptx is not supported; save it as .pdf or copy the text into a .txt file"),
])
def test_unsupported_suffix_says_what_to_do(tmp_path: Path, name: str, advice: str) -> None:
    path = write(tmp_path, name, b"whatever")
    with pytest.raises(InputError) as info:
        ingest(str(path))
    assert type(info.value) is InputError
    assert str(info.value) == f"cannot read '{path}': {advice}"
    assert info.value.exit_code == 3


@pytest.mark.parametrize(("fixture", "message"), [
    ("memo.doc", ".doc is not supported; save it as .docx or .txt"),
    ("attendees.xlsx", ".xlsx is not supported; copy the text into a .txt file"),
])
def test_real_office_files(fixture: str, message: str) -> None:
    path = INPUTS / fixture
    with pytest.raises(InputError) as info:
        ingest(str(path))
    assert str(info.value) == f"cannot read '{path}': {message}"


@pytest.mark.parametrize(("fixture", "message"), [
    ("memo.doc", "it is a legacy Word document (.doc), which is not supported; save it as "
                 ".docx or .txt"),
    ("attendees.xlsx", "it is an Excel workbook (.xlsx), which is not supported; copy the text "
                       "into a .txt file"),
])
def test_office_files_under_another_name_are_recognised(tmp_path: Path, fixture: str,
                                                        message: str) -> None:
    path = write(tmp_path, "renamed.txt", (INPUTS / fixture).read_bytes())
    with pytest.raises(InputError) as info:
        ingest(str(path))
    assert str(info.value) == f"cannot read '{path}': {message}"


def test_rtf_under_another_name(tmp_path: Path) -> None:
    path = write(tmp_path, "memo.txt", b"{\\rtf1\\ansi The delegation met.}")
    with pytest.raises(InputError, match=r"it is an RTF document \(\.rtf\), which is not "
                                         r"supported; save it as \.docx or \.txt"):
        ingest(str(path))


def test_a_zip_archive_is_not_a_document(tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "bundle.txt"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readout.txt", "The delegation met.")
    with pytest.raises(InputError, match="it is a ZIP archive, not a document; unpack it"):
        ingest(str(path))


# --------------------------------------------------------------------------- file system


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


def test_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "locked.txt", b"The delegation met.")

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(InputError) as info:
        ingest(str(path))
    assert str(info.value) == f"cannot read '{path}': permission denied"


# --------------------------------------------------------------------------- size and emptiness


def test_max_chars_counts_characters_not_bytes(tmp_path: Path) -> None:
    path = write(tmp_path, "long.txt", ("é" * 10).encode("utf-8"))  # 10 chars, 20 bytes
    assert ingest(str(path), max_chars=10).text == "é" * 10
    with pytest.raises(InputError, match="more than --max-chars 9") as info:
        ingest(str(path), max_chars=9)
    assert type(info.value) is InputError
    assert_one_line(info.value)


def test_a_text_file_too_big_for_max_chars_is_refused_unread(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch
                                                             ) -> None:
    path = write(tmp_path, "huge.txt", b"x" * 1000)
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("read"))
    with pytest.raises(InputError, match=r"has 1,000 bytes, more than --max-chars 100 "
                                         r"characters can take; split it or raise --max-chars"):
        ingest(str(path), max_chars=100)


def test_max_chars_applies_to_the_text_of_a_pdf() -> None:
    with pytest.raises(InputError, match="more than --max-chars 500"):
        ingest(str(INPUTS / "readout.pdf"), max_chars=500)


def test_default_max_chars_is_generous() -> None:
    assert DEFAULT_MAX_CHARS == 5_000_000


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n  ", b"\xef\xbb\xbf", b"\xef\xbb\xbf \n",
                                  b"\xff\xfe", "\n \n".encode("utf-16")])
def test_empty_input(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(EmptyInputError, match="is empty") as info:
        ingest(str(write(tmp_path, "empty.txt", data)))
    assert info.value.exit_code == 5


# --------------------------------------------------------------------------- several inputs


def test_ingest_many_reads_in_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", FakeStdin(b"From stdin, the delegation met.\n"))
    paths = [str(INPUTS / "readout.pdf"), "-", str(INPUTS / "cp1252.txt")]
    sources = ingest_many(paths)
    assert [s.path for s in sources] == [paths[0], "<stdin>", paths[2]]
    assert [s.media_type for s in sources] == ["application/pdf", "text/plain", "text/plain"]


def test_ingest_many_fails_on_the_first_bad_input(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"nope\.txt': no such file"):
        ingest_many([str(INPUTS / "cp1252.txt"), str(tmp_path / "nope.txt")])


@pytest.mark.parametrize(("paths", "message"), [
    ([], "no input given; name a file, or - for stdin"),
    (["-", "-"], "'-' (stdin) is given more than once; stdin can be read only once"),
])
def test_ingest_many_refuses(paths: list[str], message: str) -> None:
    with pytest.raises(InputError) as info:
        ingest_many(paths)
    assert str(info.value) == message


# --------------------------------------------------------------------------- every error


def test_every_error_is_a_briefgen_error(tmp_path: Path) -> None:
    for path in (tmp_path / "missing.txt", tmp_path, write(tmp_path, "x.doc", b"x"),
                 write(tmp_path, "x.txt", b"\x00\xff"), write(tmp_path, "y.txt", b""),
                 INPUTS / "photo.txt", INPUTS / "corrupt.docx", INPUTS / "truncated.pdf",
                 INPUTS / "scanned.pdf", INPUTS / "encrypted.pdf", INPUTS / "readout_de.txt"):
        with pytest.raises(BriefgenError) as info:
            ingest(str(path))
        assert_one_line(info.value)


# --------------------------------------------------------------------------- import cost


def test_importing_ingest_loads_no_reader_library() -> None:
    """Readers import their library when a document of their kind arrives, not before."""
    import json
    import subprocess

    probe = ("import json, sys, briefgen.ingest, briefgen.language; print(json.dumps(sorted("
             "m for m in sys.modules if m.split('.')[0] in ('pypdf', 'trafilatura', 'docx', "
             "'charset_normalizer', 'lxml', 'cryptography', 'spacy'))))")
    completed = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                               timeout=60, check=True)
    assert json.loads(completed.stdout) == []
