"""`briefgen templates list|show|export`, user templates from files, and light imports."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from briefgen.cli import app
from briefgen.render.catalog import builtin_templates

GOLDEN = Path(__file__).resolve().parent / "golden" / "000_seed.brief.json"
TEMPLATES = ("memcon", "memo", "one-pager", "readout")
HEAVY = ["spacy", "jinja2", "reportlab", "docx", "arabic_reshaper", "bidi", "mdit_py_plugins"]
STAGES = ["briefgen.analyze", "briefgen.render.templating", "briefgen.render.markup",
          "briefgen.writers.pdf", "briefgen.writers.docx"]

PROBE = """
import json, sys, time
heavy, stages, commands = (json.loads(a) for a in sys.argv[1:4])
from typer.testing import CliRunner
from briefgen.cli import app
runner = CliRunner()
codes, outputs = [], []
for args in commands:
    result = runner.invoke(app, args)
    codes.append(result.exit_code)
    outputs.append(result.stdout)
loaded = sorted(m for m in sys.modules if m.split(".")[0] in heavy or m in stages)
print(json.dumps({"codes": codes, "loaded": loaded, "outputs": outputs}))
"""


@pytest.fixture(autouse=True)
def no_user_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRIEFGEN_CONFIG_DIR", str(tmp_path / "no-user-config"))


def run(*args: object) -> Result:
    return CliRunner().invoke(app, [str(a) for a in args])


def one_error_line(result: Result) -> str:
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("briefgen: error: ")
    return lines[0]


def test_templates_list_and_config_show_load_nothing_heavy() -> None:
    commands = [["templates", "list"], ["templates", "show", "memo"], ["templates", "--help"],
                ["config", "show"], ["config", "--help"], ["--help"]]
    completed = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(HEAVY), json.dumps(STAGES),
         json.dumps(commands)], capture_output=True, text=True, timeout=60, check=False)
    assert completed.returncode == 0, completed.stderr
    report = json.loads(completed.stdout.strip().splitlines()[-1])
    assert report["codes"] == [0] * len(commands)
    assert report["loaded"] == []
    assert "memo" in report["outputs"][0]


def test_templates_list() -> None:
    result = run("templates", "list")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert [line.split()[0] for line in lines] == list(TEMPLATES)
    for line in lines:
        _, description = line.split(maxsplit=1)
        assert len(description) > 20
    assert any(line.startswith("memcon") and "conversation" in line for line in lines)


def test_templates_show_prints_the_source() -> None:
    result = run("templates", "show", "one-pager")
    assert result.exit_code == 0, result.output
    assert result.stdout == builtin_templates()["one-pager"].read_text(encoding="utf-8")


def test_templates_show_unknown() -> None:
    result = run("templates", "show", "nosuch")
    assert result.exit_code == 7
    assert one_error_line(result) == ("briefgen: error: no built-in template 'nosuch'; choose "
                                      "one of: memcon, memo, one-pager, readout")


def test_templates_export_to_a_file_and_a_folder(tmp_path: Path) -> None:
    result = run("templates", "export", "memcon", tmp_path / "mine.md.j2")
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == str(tmp_path / "mine.md.j2")
    assert (tmp_path / "mine.md.j2").read_text(encoding="utf-8") == \
        builtin_templates()["memcon"].read_text(encoding="utf-8")
    result = run("templates", "export", "readout", tmp_path)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "readout.md.j2").is_file()


def test_templates_export_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    target = tmp_path / "memo.md.j2"
    target.write_text("keep me", encoding="utf-8")
    result = run("templates", "export", "memo", target)
    assert result.exit_code == 8
    assert "already exists; use --force" in one_error_line(result)
    assert target.read_text(encoding="utf-8") == "keep me"
    result = run("templates", "export", "memo", target, "--force")
    assert result.exit_code == 0, result.output
    assert target.read_text(encoding="utf-8").startswith("{# Information memo")


def test_templates_export_into_a_missing_folder(tmp_path: Path) -> None:
    result = run("templates", "export", "memo", tmp_path / "nope" / "memo.md.j2")
    assert result.exit_code == 8
    assert "does not exist; create it first" in one_error_line(result)


def test_an_exported_template_edited_by_the_user_is_used(tmp_path: Path) -> None:
    custom = tmp_path / "custom.md.j2"
    assert run("templates", "export", "readout", custom).exit_code == 0
    source = custom.read_text(encoding="utf-8").replace("# Readout", "# Weekly Readout")
    custom.write_text(source, encoding="utf-8")
    out = tmp_path / "memo.docx"
    result = run("render", GOLDEN, "-o", out, "--template", custom, "--date", "2020-07-01")
    assert result.exit_code == 0, result.output
    import docx

    assert docx.Document(str(out)).paragraphs[0].text == "Weekly Readout"


@pytest.mark.parametrize(("source", "fragments"), [
    ("# Memo\n\n{{ brief.summary }}\n\n{{ brief.sumary }}\n",
     ("line 5", "unknown field", "sumary")),
    ("# Memo\n\n{% for p in parties %}\n- {{ p.nmae }}\n{% endfor %}\n",
     ("line 4", "unknown field", "nmae")),
    ("# Memo\n\n{{ memo.classificaton }}\n", ("line 3", "unknown field", "classificaton")),
    ("# Memo\n{% if brief.title %}\nx\n", ("line", "syntax error", "endif")),
    ("# Memo\n\n{{ brief.title | nosuchfilter }}\n", ("line 3", "syntax error",
                                                       "nosuchfilter")),
    ("# Memo\n\n\n{{ ''.__class__.__mro__ }}\n", ("line 4", "not allowed in a template")),
])
def test_user_template_errors_are_one_line_with_template_line_and_field(
        tmp_path: Path, source: str, fragments: tuple[str, ...]) -> None:
    path = tmp_path / "bad.md.j2"
    path.write_text(source, encoding="utf-8")
    result = run("render", GOLDEN, "-o", tmp_path / "memo.pdf", "--template", path)
    assert result.exit_code == 7, result.output
    line = one_error_line(result)
    assert line.startswith(f"briefgen: error: template '{path}' ")
    for fragment in fragments:
        assert fragment in line, line
    assert not (tmp_path / "memo.pdf").exists()


def test_a_missing_template_file_is_named(tmp_path: Path) -> None:
    result = run("render", GOLDEN, "-o", tmp_path / "memo.pdf", "-t", tmp_path / "gone.md.j2")
    assert result.exit_code == 7
    line = one_error_line(result)
    assert "no template" in line and "gone.md.j2" in line and "one-pager" in line


def test_templates_export_onto_a_symlink_needs_force_and_never_writes_through(
        tmp_path: Path) -> None:
    mine = tmp_path / "edited.md.j2"
    mine.write_text("my edited template", encoding="utf-8")
    link = tmp_path / "memo.md.j2"
    link.symlink_to(mine)
    result = run("templates", "export", "memo", link)
    assert result.exit_code == 8
    assert "is a symbolic link; use --force" in one_error_line(result)
    result = run("templates", "export", "memo", link, "--force")
    assert result.exit_code == 0, result.output
    assert not link.is_symlink()
    assert mine.read_text(encoding="utf-8") == "my edited template"


def test_templates_export_on_a_full_disk_keeps_the_old_file_whole(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    target = tmp_path / "memo.md.j2"
    target.write_text("my edited template", encoding="utf-8")
    real = Path.write_text

    def full_disk(self: Path, data: str, *args: object, **kwargs: object) -> int:
        if self.name.endswith(".part"):
            real(self, data[:4096], encoding="utf-8")  # what fits, then the disk is full
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(self, data, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "write_text", full_disk)
    result = run("templates", "export", "memo", target, "--force")
    monkeypatch.undo()
    assert result.exit_code == 8
    assert "No space left on device" in one_error_line(result)
    assert target.read_text(encoding="utf-8") == "my edited template"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["memo.md.j2"]
