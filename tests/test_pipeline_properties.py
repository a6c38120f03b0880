"""Any text through clean -> analyze -> extract -> render -> every writer: a memo or a
BriefgenError, never another exception; and what the memo quotes reads back from the output."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefgen.analyze import analyze
from briefgen.clean import clean
from briefgen.errors import BriefgenError
from briefgen.extract import extract_brief
from briefgen.model import Source
from briefgen.render import MemoOptions, render_document
from briefgen.writers import WRITERS, write_outputs

TRICKY = ["&", "<", ">", "*", "_", "{{", "}}", "]]>", "<b>", "|", "#", "\\", "\u202e", "\u0000",
          "\u000b", "\ufffe", "مرحبا بالعالم", "שלום", "Привет", "数据", "😀", "U.S.", "Gen.",
          "\n\n", "\n", "Secretary Blinken met with Foreign Minister Ana Smith of Chile.",
          "The two sides reaffirmed their commitment to peace.", "(SSR)"]

texts = st.lists(st.one_of(st.sampled_from(TRICKY), st.text(max_size=40)), min_size=1,
                 max_size=12).map(" ".join)


def _letters(text: str) -> str:
    """ASCII letters and digits only: what every font shows and every reader extracts (other
    scripts are checked by the writers' own tests; a character no font has becomes '?')."""
    return re.sub(r"[^A-Za-z0-9]+", "", unicodedata.normalize("NFKC", text))


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(text=texts)
def test_any_text_gives_a_memo_or_a_briefgen_error(text, tmp_path_factory):
    source = Source(path="fuzz.txt", text=text, media_type="text/plain",
                    sha256=hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest())
    try:
        brief = extract_brief(analyze(clean(source)))
    except BriefgenError:
        return
    document = render_document(brief, MemoOptions())
    out = tmp_path_factory.mktemp("memo")
    targets = [(fmt, Path(out) / f"memo.{fmt}") for fmt in sorted(WRITERS)]
    write_outputs(targets, brief=brief, document=document)
    for _, path in targets:
        assert path.stat().st_size > 0
    pdf = Path(out) / "memo.pdf"
    if pdf.exists() and brief.key_points:
        from pypdf import PdfReader

        got = _letters("".join(page.extract_text() or "" for page in PdfReader(pdf).pages))
        first = _letters(brief.key_points[0].sentence)[:20]
        # A line holding right-to-left text is laid out in visual order, which moves its Latin
        # words around: compare lines without RTL text only.
        if first and not re.search(r"[\u0590-\u08ff\u202e\u202b]", brief.key_points[0].sentence):
            assert first in got
