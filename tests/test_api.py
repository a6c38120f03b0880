"""The library API, used as a Python program would: no command line anywhere."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

import briefgen
from briefgen.errors import BriefFormatError, OptionError, OutputError
from briefgen.model import Brief

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_0ff103b2e130dde9.txt"
DATED = briefgen.RunOptions(memo=briefgen.MemoOptions(to="S/P", date=dt.date(2020, 7, 1)))


@pytest.fixture(scope="module")
def brief() -> Brief:
    return briefgen.make_brief(SEED, DATED)


def test_importing_briefgen_loads_no_stage() -> None:
    import subprocess
    import sys

    probe = ("import sys, briefgen; print(sorted(m for m in sys.modules "
             "if m.startswith('briefgen.')))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=True)
    assert done.stdout.strip() == "[]"


def test_make_render_write_gives_the_memo_the_command_writes(brief, tmp_path: Path) -> None:
    document = briefgen.render_memo(brief, DATED)
    assert briefgen.write(document, tmp_path / "memo.pdf") == ()
    text = "".join(page.extract_text() for page in PdfReader(tmp_path / "memo.pdf").pages)
    assert "July 1, 2020" in text
    assert "Militia Demobilization" in text
    result = briefgen.generate(SEED, tmp_path / "cli-like.pdf", DATED)
    assert result.paths == (tmp_path / "cli-like.pdf",)
    assert (tmp_path / "cli-like.pdf").read_bytes() == (tmp_path / "memo.pdf").read_bytes()


def test_the_brief_round_trips_through_json(brief, tmp_path: Path) -> None:
    briefgen.write(brief, tmp_path / "brief.json")
    again = briefgen.read_brief(tmp_path / "brief.json")
    assert again.to_dict() == brief.to_dict()
    assert json.loads((tmp_path / "brief.json").read_text(encoding="utf-8")) == brief.to_dict()


def test_a_brief_given_for_a_memo_format_is_rendered_with_the_options(brief, tmp_path: Path
                                                                      ) -> None:
    briefgen.write(brief, tmp_path / "from-brief.md", options=DATED)
    briefgen.write(briefgen.render_memo(brief, DATED), tmp_path / "from-document.md")
    markdown = (tmp_path / "from-brief.md").read_text(encoding="utf-8")
    assert "S/P" in markdown
    assert markdown == (tmp_path / "from-document.md").read_text(encoding="utf-8")


def test_json_needs_the_brief_and_the_format_must_be_known(brief, tmp_path: Path) -> None:
    document = briefgen.render_memo(brief)
    with pytest.raises(OptionError, match="writes the Brief"):
        briefgen.write(document, tmp_path / "memo.json")
    with pytest.raises(OptionError, match="cannot tell the format"):
        briefgen.write(document, tmp_path / "memo.rtf")
    briefgen.write(document, tmp_path / "memo", "docx")
    assert (tmp_path / "memo").stat().st_size > 0
    assert not (tmp_path / "memo.json").exists()


def test_write_never_overwrites_without_force(brief, tmp_path: Path) -> None:
    target = tmp_path / "brief.json"
    target.write_text("mine", encoding="utf-8")
    with pytest.raises(OutputError, match="already exists"):
        briefgen.write(brief, target)
    assert target.read_text(encoding="utf-8") == "mine"
    briefgen.write(brief, target, options=briefgen.RunOptions(force=True))
    assert briefgen.read_brief(target).to_dict() == brief.to_dict()


def test_read_brief_names_the_file_it_cannot_use(tmp_path: Path) -> None:
    wrong = tmp_path / "wrong.json"
    wrong.write_text('{"schema_version": 2, "title": 5}', encoding="utf-8")
    with pytest.raises(BriefFormatError, match=re.escape(str(wrong))):
        briefgen.read_brief(wrong)
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    with pytest.raises(BriefFormatError, match=re.escape(str(deep))):
        briefgen.read_brief(deep)


def test_run_options_are_one_frozen_object() -> None:
    options = briefgen.RunOptions()
    with pytest.raises(AttributeError):
        options.force = True  # type: ignore[misc]
    assert options.template == "memo"
    assert options.default_formats == ("pdf", "docx")


def test_the_readme_example_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Python API", 1)[1]
    code = re.search(r"```python\n(.*?)```", section, re.S).group(1)  # type: ignore[union-attr]
    monkeypatch.chdir(tmp_path)
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / SEED.name).write_bytes(SEED.read_bytes())
    exec(compile(code, "README.md", "exec"), {})
    written = sorted(p.name for p in tmp_path.iterdir() if p.is_file())
    assert written == ["brief.json", "brief.md", "memo.docx", "memo.pdf"]


def test_every_output_format_has_a_writer_and_json_is_one_of_them() -> None:
    from briefgen.config import OUTPUT_FORMATS
    from briefgen.writers import BRIEF, WRITERS, needs_document

    assert tuple(WRITERS) == OUTPUT_FORMATS
    assert [fmt for fmt, entry in WRITERS.items() if entry.takes == BRIEF] == ["json"]
    assert needs_document(["json"]) is False
    assert needs_document(["json", "md"]) is True
