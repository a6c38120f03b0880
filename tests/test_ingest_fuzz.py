"""Fuzzing ingest + clean: any bytes, any damaged PDF, Word file or page, give a Source and a
CleanText or a BriefgenError, never another exception.

A normal run tries a few dozen inputs per property. The long fuzz run (documented in
tests/inputs/README.md) sets BRIEFGEN_FUZZ to the number of inputs per property:

    BRIEFGEN_FUZZ=20000 .venv/bin/python -m pytest tests/test_ingest_fuzz.py -q -x
"""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from briefgen.clean import clean
from briefgen.errors import BriefgenError
from briefgen.ingest import ingest_bytes

INPUTS = Path(__file__).resolve().parent / "inputs"
FUZZ = int(os.environ.get("BRIEFGEN_FUZZ", "0"))
SETTINGS = settings(max_examples=FUZZ or 40, deadline=None, derandomize=not FUZZ,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
SUFFIXES = st.sampled_from(["", ".txt", ".md", ".html", ".docx", ".pdf", ".doc", ".csv"])
SEEDS = {name: (INPUTS / name).read_bytes()
         for name in ("readout.pdf", "readout_with_table.docx", "state_dept_readout.html",
                      "cp1252.txt", "utf16.txt")}


def read_and_clean(data: bytes, suffix: str) -> None:
    """ingest then clean; a BriefgenError is an answer, anything else fails the test."""
    try:
        source = ingest_bytes(data, f"fuzz{suffix}", suffix, max_chars=200_000)
        clean(source)
    except BriefgenError as e:
        message = str(e)
        assert message and "\n" not in message, message


@st.composite
def damaged(draw: st.DrawFn) -> bytes:
    """A real document with a few bytes flipped, a slice cut out, or a tail chopped off."""
    data = bytearray(SEEDS[draw(st.sampled_from(sorted(SEEDS)))])
    for _ in range(draw(st.integers(1, 4))):
        how = draw(st.sampled_from(["flip", "cut", "chop", "insert"]))
        at = draw(st.integers(0, len(data) - 1))
        if how == "flip":
            data[at] = draw(st.integers(0, 255))
        elif how == "cut":
            del data[at:at + draw(st.integers(1, 200))]
        elif how == "chop":
            del data[at:]
        else:
            data[at:at] = draw(st.binary(min_size=1, max_size=50))
        if not data:
            break
    return bytes(data)


@SETTINGS
@given(st.binary(max_size=4096), SUFFIXES)
@example(b"%PDF-1.7\n", ".txt")
@example(b"PK\x03\x04", ".docx")
@example(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "")
@example(b"<!doctype html><html>", "")
@example(b"\xff\xfe\x00", ".txt")
def test_any_bytes(data: bytes, suffix: str) -> None:
    read_and_clean(data, suffix)


@SETTINGS
@given(damaged(), SUFFIXES)
def test_damaged_documents(data: bytes, suffix: str) -> None:
    read_and_clean(data, suffix)


@SETTINGS
@example("\U000f0016", "utf-8", ".md")  # once taken for a stand-in of an escaped character
@example("\\* \U000f0001 \U00100001 \ue001", "utf-8", ".md")
@given(st.text(max_size=2000),
       st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32", "cp1252", "latin-1"]),
       st.sampled_from(["", ".txt", ".md", ".html"]))
def test_any_text_in_any_encoding(text: str, encoding: str, suffix: str) -> None:
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        data = text.encode("utf-8", errors="surrogatepass")
    read_and_clean(data, suffix)


@SETTINGS
@given(st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=500))
def test_utf8_text_reads_back_as_itself(text: str) -> None:
    """Plain UTF-8 text is never changed by ingest except for its line ends."""
    try:
        source = ingest_bytes(text.encode("utf-8"), "fuzz.txt", ".txt", check_language=False)
    except BriefgenError:
        return  # empty, binary-looking (control characters), an image's magic...
    expected = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    assert source.text == expected
