"""Hostile input (issue 17, the input and template side): bounded memory and time, one clear line.

Each case goes through the command line (in-process with CliRunner, or a real process where
memory or a signal matters) and checks the exit code, the one-line message and, for the
costly ones (marked ``hostile``, which ``make test`` runs too), peak RSS and time at bounded
sizes. The hostile files come from bench/hostile.py, which runs the full-size battery.
"""

from __future__ import annotations

import importlib.util
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import Result

from briefgen.document import Span
from briefgen.errors import BriefFormatError
from briefgen.model import Brief
from briefgen.render import templating
from briefgen.sentences import MAX_SENTENCE_CHARS, split_sentences
from briefgen.writers.pdf.story import MAX_PARAGRAPH_CHARS, cut_inlines

ROOT = Path(__file__).resolve().parent.parent
BRIEFGEN = ROOT / ".venv" / "bin" / "briefgen"
_spec = importlib.util.spec_from_file_location("bench_hostile", ROOT / "bench" / "hostile.py")
assert _spec is not None and _spec.loader is not None
hostile = importlib.util.module_from_spec(_spec)
sys.modules["bench_hostile"] = hostile
_spec.loader.exec_module(hostile)

MAX_RSS_MB = 600
Invoke = Callable[..., Result]


def one_line_error(output: str, *phrases: str) -> str:
    """The last line of stderr, checked to be the one briefgen error line holding ``phrases``."""
    lines = [line for line in output.strip().splitlines() if line.strip()]
    assert lines, "no message"
    assert lines[-1].startswith("briefgen: error: "), lines
    assert "Traceback" not in output
    for phrase in phrases:
        assert phrase in lines[-1], lines[-1]
    return lines[-1]


def run_briefgen(*args: object, cwd: Path, stdin: Path | None = None,
                 timeout: float = 300) -> Any:
    """Run the real command; return its exit code, peak RSS (MB), seconds and stderr."""
    if not BRIEFGEN.exists():
        pytest.skip(f"{BRIEFGEN} is not installed")
    return hostile.run_measured([str(BRIEFGEN), *map(str, args)], cwd=cwd, stdin=stdin,
                                timeout=timeout)


# --------------------------------------------------------------------------- stdin


def test_stdin_past_the_limit_is_refused_unread(cli: Invoke, tmp_path: Path) -> None:
    result = cli("generate", "-", "-o", tmp_path / "x.pdf", "--max-chars", "1000",
                 input=b"The minister met the envoy. " * 1000)
    assert result.exit_code == 3
    one_line_error(result.stderr, "'<stdin>' has more than 4,004 bytes",
                   "--max-chars 1,000")


@pytest.mark.hostile
def test_endless_stdin_reads_only_the_limit(tmp_path: Path) -> None:
    outcome = run_briefgen("generate", "-", "-o", "x.pdf", cwd=tmp_path,
                           stdin=Path("/dev/zero"), timeout=60)
    assert outcome.code == 3
    one_line_error(outcome.stderr, "more than 20,000,004 bytes")
    assert outcome.rss_mb < 300
    assert not (tmp_path / "x.pdf").exists()


def test_a_device_as_input_is_read_only_to_the_limit(cli: Invoke) -> None:
    result = cli("extract", "/dev/zero", "--max-chars", "1000")
    assert result.exit_code == 3
    one_line_error(result.stderr, "'/dev/zero' has more than 4,004 bytes")


# --------------------------------------------------------------------------- symbolic links


def test_a_symlink_loop_is_said_to_be_one(cli: Invoke, tmp_path: Path) -> None:
    (tmp_path / "a.txt").symlink_to("b.txt")
    (tmp_path / "b.txt").symlink_to("a.txt")
    result = cli("generate", tmp_path / "a.txt", "-o", tmp_path / "x.pdf")
    assert result.exit_code == 3
    one_line_error(result.stderr, "a.txt", "symbolic link loop")


def test_a_dangling_symlink_names_its_target(cli: Invoke, tmp_path: Path) -> None:
    (tmp_path / "a.txt").symlink_to("gone.txt")
    result = cli("extract", tmp_path / "a.txt")
    assert result.exit_code == 3
    one_line_error(result.stderr, "symbolic link to 'gone.txt', which does not exist")


# --------------------------------------------------------------------------- NUL bytes


def test_a_nul_byte_in_a_readout_is_dropped_and_listed(cli: Invoke, seed: Path,
                                                       tmp_path: Path) -> None:
    path = tmp_path / "nul.txt"
    path.write_bytes(hostile.with_nul(seed.read_text(encoding="utf-8")))
    result = cli("generate", path, "-o", tmp_path / "memo.md", "--verbose")
    assert result.exit_code == 0, result.stderr
    assert "removed NUL byte: '1 NUL byte (U+0000) at character 1,258'" in result.stderr
    memo = (tmp_path / "memo.md").read_text(encoding="utf-8")
    assert "\x00" not in memo and "Militia Demobilization" in memo


def test_text_thick_with_nul_bytes_is_still_binary(cli: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "blob.txt"
    path.write_bytes(b"The minister met the envoy today.\x00" * 100)
    result = cli("extract", path)
    assert result.exit_code == 4
    one_line_error(result.stderr, "binary data")


# --------------------------------------------------------------------------- web pages


@pytest.mark.parametrize("depth", [300, 3000, 100_000])
def test_a_deeply_nested_page_is_read(cli: Invoke, tmp_path: Path, depth: int) -> None:
    path = tmp_path / "deep.html"
    path.write_text(hostile.deep_html(depth), encoding="utf-8")
    result = cli("generate", path, "-o", tmp_path / "memo.md")
    assert result.exit_code == 0, result.stderr
    memo = (tmp_path / "memo.md").read_text(encoding="utf-8")
    assert "Secretary met the Foreign Minister in Washington" in memo and "Deep page" in memo


@pytest.mark.hostile
def test_a_page_of_a_million_tags_is_read_in_bounded_memory(tmp_path: Path) -> None:
    page = hostile.deep_html(1).replace("</p>", "</p>" + "<b></b>" * 1_200_000)
    (tmp_path / "dense.html").write_text(page, encoding="utf-8")
    outcome = run_briefgen("generate", "dense.html", "-o", "memo.md", cwd=tmp_path)
    assert outcome.code == 0, outcome.stderr
    assert outcome.rss_mb < MAX_RSS_MB
    memo = (tmp_path / "memo.md").read_text(encoding="utf-8")
    assert "Secretary met the Foreign Minister in Washington" in memo


# --------------------------------------------------------------------------- Word files


@pytest.mark.parametrize(("declared", "unpacked_mb", "phrase"), [
    ("honest", 300, "its zip directory says 'word/document.xml' unpacks to 300 MB"),
    ("lying", 300, "not a valid Word file"),
])
def test_a_docx_zip_bomb_is_refused(cli: Invoke, tmp_path: Path, declared: str,
                                    unpacked_mb: int, phrase: str) -> None:
    path = tmp_path / "bomb.docx"
    path.write_bytes(hostile.docx_bomb(unpacked_mb, declared))
    result = cli("extract", path)
    assert result.exit_code == 3
    one_line_error(result.stderr, "bomb.docx", phrase)


def test_a_docx_paragraph_of_millions_of_runs_is_refused(cli: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "block.docx"
    path.write_bytes(hostile.docx_bomb(40, "lying:60", b"<w:r><w:t>x</w:t></w:r>",
                                       one_paragraph=True))
    result = cli("extract", path)
    assert result.exit_code == 3
    one_line_error(result.stderr, "one paragraph or table of 'word/document.xml' is more "
                                  "than 8 MB of XML", "zip bomb")


def test_a_zip_of_too_many_members_is_refused_unread(cli: Invoke, tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "many.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
        for i in range(10_001):
            archive.writestr(f"m/{i}", "")
    result = cli("extract", path)
    assert result.exit_code == 3
    one_line_error(result.stderr, "lists 10,002 members")


@pytest.mark.hostile
@pytest.mark.parametrize("declared", ["honest", "lying", "lying:16"])
def test_a_20_mb_docx_bomb_takes_bounded_memory(tmp_path: Path, declared: str) -> None:
    (tmp_path / "bomb.docx").write_bytes(hostile.docx_bomb(20_000, declared))
    assert (tmp_path / "bomb.docx").stat().st_size > 20_000_000
    outcome = run_briefgen("extract", "bomb.docx", cwd=tmp_path)
    assert outcome.code == 3
    one_line_error(outcome.stderr, "bomb.docx")
    assert outcome.rss_mb < 300


# --------------------------------------------------------------------------- PDFs


def test_a_pdf_stream_bomb_is_refused(cli: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "bomb.pdf"
    path.write_bytes(hostile.pdf_bomb(1000))
    result = cli("extract", path)
    assert result.exit_code == 3
    one_line_error(result.stderr, "bomb.pdf", "safety limit of the PDF reader",
                   "decompression bomb")


@pytest.mark.hostile
def test_a_pdf_bomb_spread_over_pages_takes_bounded_memory(tmp_path: Path) -> None:
    (tmp_path / "pages.pdf").write_bytes(hostile.pdf_bomb(15, pages=12))
    outcome = run_briefgen("extract", "pages.pdf", cwd=tmp_path)
    assert outcome.code == 3
    one_line_error(outcome.stderr, "its pages' content unpacks to more than 128 MB")
    assert outcome.rss_mb < 400


# --------------------------------------------------------------------------- templates


@pytest.mark.parametrize(("key", "phrase"), [
    ("huge-string", "line 1: '*' would make a value of 10,000,000,000 characters"),
    ("huge-number", "line 1: 10 ** 10000000000 is a number of more than 33,000 bits"),
    ("recursive-macro", "line 1: recursion too deep"),
    ("huge-filter", "line 1: out of memory"),
    ("huge-loop", "the memo is past 32,000,000 characters"),
])
def test_a_hostile_template_is_a_template_error(cli: Invoke, seed_brief: tuple[Path, Any],
                                                tmp_path: Path, key: str, phrase: str) -> None:
    if key == "huge-filter" and not Path("/proc/self/statm").exists():
        pytest.skip("the memory cap is Linux's")
    template = tmp_path / f"{key}.md.j2"
    template.write_text(hostile.HOSTILE_TEMPLATES[key], encoding="utf-8")
    result = cli("render", seed_brief[0], "-t", template, "-o", tmp_path / "memo.md")
    assert result.exit_code == 7
    one_line_error(result.stderr, f"template '{template}", phrase)
    assert not (tmp_path / "memo.md").exists()


@pytest.mark.parametrize("source", [
    "{% set ns = namespace(s='x') %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}"
    "{% endfor %}{{ ns.s }}",
    '{{ "%2000000000s" % "x" }}',
    "{{ [1, 2] * 10**7 }}",
    '{{ "ab" + "c" * 999999 + "d" * 999999 }}',
])
def test_values_past_the_size_limit_are_template_errors(cli: Invoke,
                                                        seed_brief: tuple[Path, Any],
                                                        tmp_path: Path, source: str) -> None:
    template = tmp_path / "big.md.j2"
    template.write_text(source, encoding="utf-8")
    result = cli("render", seed_brief[0], "-t", template, "-o", tmp_path / "memo.md")
    assert result.exit_code == 7
    one_line_error(result.stderr, "big.md.j2' line 1:", "more than the 1,000,000")


def test_a_loop_that_prints_nothing_stops_at_the_time_limit(
        cli: Invoke, seed_brief: tuple[Path, Any], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(templating, "RENDER_SECONDS", 1.0)
    template = tmp_path / "loop.md.j2"
    template.write_text(hostile.HOSTILE_TEMPLATES["silent-loop"], encoding="utf-8")
    start = time.monotonic()
    result = cli("render", seed_brief[0], "-t", template, "-o", tmp_path / "memo.md")
    assert time.monotonic() - start < 20
    assert result.exit_code == 7
    one_line_error(result.stderr, "loop.md.j2", "still rendering after 1 s")


def test_the_render_limits_leave_no_timer_nor_memory_cap_behind(
        cli: Invoke, seed_brief: tuple[Path, Any], tmp_path: Path) -> None:
    import resource
    import signal

    before = resource.getrlimit(resource.RLIMIT_AS)
    result = cli("render", seed_brief[0], "-o", tmp_path / "memo.md")
    assert result.exit_code == 0, result.stderr
    assert resource.getrlimit(resource.RLIMIT_AS) == before
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) == signal.SIG_DFL
    assert templating._environment().deadline is None


def test_a_template_may_still_repeat_and_join_within_the_limits(
        cli: Invoke, seed_brief: tuple[Path, Any], tmp_path: Path) -> None:
    template = tmp_path / "ok.md.j2"
    template.write_text('# {{ brief.title }}\n\n{{ "-" * 40 }} {{ 2 ** 64 }} '
                        '{{ "%5s|" % "x" }} {{ brief.title ~ "!" }}\n', encoding="utf-8")
    result = cli("render", seed_brief[0], "-t", template, "-o", tmp_path / "memo.md")
    assert result.exit_code == 0, result.stderr
    memo = (tmp_path / "memo.md").read_text(encoding="utf-8")
    assert "18446744073709551616" in memo and "Militia Demobilization!" in memo


# --------------------------------------------------------------------------- Brief files


def test_a_brief_nested_100000_deep_is_a_brief_error(cli: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "nested.json"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    result = cli("render", path, "-o", tmp_path / "memo.md")
    assert result.exit_code == 9
    one_line_error(result.stderr, "nested.json")


def test_a_brief_of_the_wrong_schema_names_the_file(cli: Invoke, seed_brief: tuple[Path, Any],
                                                    tmp_path: Path) -> None:
    path = tmp_path / "schema.json"
    path.write_text(json.dumps({**seed_brief[1], "title": 5}), encoding="utf-8")
    result = cli("render", path, "-o", tmp_path / "memo.md")
    assert result.exit_code == 9
    one_line_error(result.stderr, "schema.json", "field 'title' must be a string, got a number")


def test_from_dict_names_the_file_it_is_given(seed_brief: tuple[Path, Any]) -> None:
    with pytest.raises(BriefFormatError) as info:
        Brief.from_dict({**seed_brief[1], "parties": {}}, "mine.json")
    assert str(info.value) == "'mine.json': field 'parties' must be a list, got an object"
    assert Brief.from_dict(seed_brief[1], "mine.json") == Brief.from_dict(seed_brief[1])


def test_a_brief_with_a_number_too_long_to_read_is_a_brief_error(
        cli: Invoke, seed_brief: tuple[Path, Any], tmp_path: Path) -> None:
    path = tmp_path / "digits.json"
    text = seed_brief[0].read_text(encoding="utf-8")
    path.write_text(text.replace('"paragraph": 1', '"paragraph": ' + "9" * 5000, 1),
                    encoding="utf-8")
    result = cli("render", path, "-o", tmp_path / "memo.md")
    assert result.exit_code == 9
    one_line_error(result.stderr, "digits.json")


# --------------------------------------------------------------------------- run-on text


def test_no_sentence_is_longer_than_the_cap() -> None:
    text = hostile.run_on_text(50_000).strip() + " Then " + "x" * 9_000 + ". The end."
    spans = list(split_sentences(text))
    assert all(end - start <= MAX_SENTENCE_CHARS for start, end in spans)
    assert "".join("".join(text[s:e].split()) for s, e in spans) == "".join(text.split())
    assert text[spans[-1][0]:spans[-1][1]] == "The end."


def test_splitting_a_5_mb_run_on_line_takes_linear_time() -> None:
    def seconds(chars: int) -> float:
        text = hostile.run_on_text(chars)
        start = time.perf_counter()
        assert sum(1 for _ in split_sentences(text)) >= chars // MAX_SENTENCE_CHARS
        return time.perf_counter() - start

    small, large = seconds(500_000), seconds(5_000_000)
    assert large < 15
    assert large < 25 * max(small, 0.02)  # ten times the text; quadratic would be a hundred


def test_long_paragraphs_are_cut_into_pieces_for_the_pdf() -> None:
    content = (Span("word " * 3000), Span("y" * 9000, bold=True), Span(" tail"))
    pieces = cut_inlines(content, MAX_PARAGRAPH_CHARS)
    assert all(sum(len(s.text) for s in p) <= MAX_PARAGRAPH_CHARS for p in pieces)
    assert "".join(s.text for p in pieces for s in p) == "".join(s.text for s in content)
    assert all(s.bold for p in pieces for s in p if "y" in s.text)
    assert cut_inlines(content[:1], 100_000) == [content[:1]]


@pytest.mark.hostile
def test_a_run_on_readout_briefs_with_bounded_sentences(tmp_path: Path) -> None:
    (tmp_path / "runon.txt").write_text(hostile.run_on_text(300_000), encoding="utf-8")
    outcome = run_briefgen("generate", "runon.txt", "-o", "runon", "-f", "json", "-f", "pdf",
                           cwd=tmp_path)
    assert outcome.code == 0, outcome.stderr
    assert outcome.seconds < 60
    assert outcome.rss_mb < MAX_RSS_MB
    brief = json.loads((tmp_path / "runon.json").read_text(encoding="utf-8"))
    items = [*brief["positions"], *brief["key_points"], *brief["context"]]
    assert items and all(len(item["sentence"]) <= MAX_SENTENCE_CHARS for item in items)


@pytest.mark.hostile
@pytest.mark.parametrize("kind", ["words", "one word"])
def test_a_5_mb_title_renders_in_linear_time(tmp_path: Path, seed_brief: tuple[Path, Any],
                                             kind: str) -> None:
    title = hostile.run_on_text(5_000_000).strip() if kind == "words" else "x" * 5_000_000
    (tmp_path / "title.json").write_text(json.dumps({**seed_brief[1], "title": title}),
                                         encoding="utf-8")
    outcome = run_briefgen("render", "title.json", "-o", "memo", "-f", "pdf", "-f", "docx",
                           "-f", "md", "-f", "html", cwd=tmp_path)
    assert outcome.code == 0, outcome.stderr
    assert outcome.seconds < 120  # about 20 s here; quadratic was hours
    assert outcome.rss_mb < MAX_RSS_MB
    assert all((tmp_path / f"memo.{f}").stat().st_size > 1_000 for f in ("pdf", "docx", "md"))



def test_a_document_of_too_many_sentences_is_refused_before_parsing(
        cli: Invoke, tmp_path: Path) -> None:
    """Memory grows with the number of sentences, not the text's length: a cap, said clearly."""
    from briefgen.analyze import MAX_SENTENCES

    path = tmp_path / "tiny.txt"
    path.write_text("Briefing\n\n" + "We met. " * (MAX_SENTENCES + 1), encoding="utf-8")
    result = cli("extract", path, "--json")
    assert result.exit_code == 3
    assert f"more than the {MAX_SENTENCES:,} briefgen reads" in one_line_error(
        result.stderr, "tiny.txt")


def test_a_page_of_very_many_blocks_is_read_without_trafilatura(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """trafilatura's time grows faster than the page: past MAX_BLOCKS it is not called."""
    from briefgen.ingest import html_reader

    def no_trafilatura(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("trafilatura was called")

    monkeypatch.setattr(html_reader.trafilatura, "bare_extraction", no_trafilatura)
    page = ("<html><body><article>"
            + "<p>The ministers met today.</p>" * (html_reader.MAX_BLOCKS + 1)
            + "</article></body></html>")
    assert html_reader.has_too_many_blocks(page)
    text = html_reader.read_html(page, "many.html").text
    assert text.count("The ministers met today.") == html_reader.MAX_BLOCKS + 1
    assert not html_reader.has_too_many_blocks(page[:2000])
