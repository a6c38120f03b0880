"""``--help`` as a newcomer meets it: words instead of Python types, the most used options
first, and examples at the end of every command's help that run as printed."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from briefgen.cli import app

ROOT = Path(__file__).resolve().parent.parent


def command_paths() -> list[tuple[str, ...]]:
    """Every command and command group of the app, as the words that name it."""
    paths: list[tuple[str, ...]] = []

    def walk(command: typer.core.TyperCommand | typer.core.TyperGroup,
             path: tuple[str, ...]) -> None:
        paths.append(path)
        if isinstance(command, typer.core.TyperGroup):
            context = typer.Context(command)
            for name in command.list_commands(context):
                walk(command.get_command(context, name), (*path, name))

    walk(typer.main.get_command(app), ())
    return paths


COMMANDS = command_paths()


def test_every_command_is_covered() -> None:
    assert {" ".join(p) for p in COMMANDS} >= {
        "", "generate", "extract", "render", "batch", "templates", "templates list",
        "templates show", "templates export", "config", "config show"}


def test_every_option_that_takes_a_value_names_it() -> None:
    def walk(command: typer.core.TyperCommand | typer.core.TyperGroup) -> None:
        context = typer.Context(command)
        for param in command.get_params(context):
            takes_value = not (getattr(param, "is_flag", False) or getattr(param, "count", False))
            assert not takes_value or param.metavar or param.param_type_name == "argument", param
            if param.param_type_name == "argument":
                assert param.display_name_raw.isupper() or "." in param.display_name_raw, param
        if isinstance(command, typer.core.TyperGroup):
            for name in command.list_commands(context):
                walk(command.get_command(context, name))

    walk(typer.main.get_command(app))


def help_of(path: tuple[str, ...], columns: int = 200) -> str:
    result = CliRunner().invoke(app, [*path, "--help"], env={"COLUMNS": str(columns)})
    assert result.exit_code == 0, result.output
    return result.stdout


#: What typer prints when left alone: <bool>, <str>, <path>, <list[str]>, <int range>, x>=1,
#: {input_paths}.
PYTHON_TYPES = re.compile(r"<(?:bool|str|int|float|path|file|list|tuple|dict)\b[^>]*>"
                          r"|\bx[<>]=|\{[a-z_]+\}")


@pytest.mark.parametrize("path", COMMANDS, ids=lambda p: " ".join(p) or "briefgen")
def test_help_shows_no_python_types(path: tuple[str, ...]) -> None:
    text = help_of(path)
    assert not PYTHON_TYPES.findall(text), PYTHON_TYPES.findall(text)


def test_the_pattern_catches_what_typer_prints_by_default() -> None:
    for shown in ("--force <bool>", "INPUT... <list[str]>", "--max-chars <int range> [x>=1]",
                  "generate [OPTIONS] {input_paths}...", "--output <path>"):
        assert PYTHON_TYPES.search(shown), shown


def test_values_are_named_in_words() -> None:
    text = help_of(("generate",))
    assert "Usage: briefgen generate [OPTIONS] INPUT..." in text
    for option, metavar in (("--output", "PATH"), ("--format", "FORMAT"), ("--date", "YYYY-MM-DD"),
                            ("--template", "NAME|PATH"), ("--max-chars", "N")):
        assert re.search(rf"{option}\s+(-\w\s+)?{re.escape(metavar)}\s", text), option
    assert re.search(r"--force\s+Overwrite", text)  # a flag takes no value: none is shown
    assert "Usage: briefgen render [OPTIONS] BRIEF.json" in help_of(("render",))
    assert "Usage: briefgen templates export [OPTIONS] NAME DEST" in help_of(("templates",
                                                                              "export"))


def options_in_order(text: str) -> list[str]:
    """The long option names of a help text in the order it lists them."""
    return re.findall(r"^│\s+(?:\*\s+)?(--[a-z][a-z-]*)", text, re.MULTILINE)


@pytest.mark.parametrize(("command", "first"), [
    ("generate", ["--output", "--format", "--template", "--date", "--to", "--from"]),
    ("render", ["--output", "--format", "--template", "--date", "--to", "--from"]),
    ("batch", ["--output", "--jobs", "--skip-existing", "--format", "--template", "--date"]),
    ("extract", ["--json"]),
])
def test_the_most_used_options_come_first(command: str, first: list[str]) -> None:
    listed = options_in_order(help_of((command,)))
    assert listed[:len(first)] == first
    assert listed[-2:] == ["--debug", "--help"]
    for rare in ("--model", "--max-chars", "--theme", "--config", "--verbose"):
        if rare in listed:
            assert listed.index(rare) > listed.index(first[-1]), rare


def examples_of(text: str) -> list[str]:
    """The command lines of the Examples block that ends a help text (continuations joined)."""
    lines = [line.strip() for line in text.splitlines()]
    assert "Examples" in lines, "no Examples block"
    block = lines[len(lines) - 1 - lines[::-1].index("Examples") + 1:]
    commands: list[str] = []
    continued = False
    for line in block:
        if not line or line.startswith("#"):
            assert not continued, line
            continue
        if continued:
            commands[-1] += " " + line.removesuffix("\\").strip()
        else:
            assert line.startswith("briefgen "), f"the help ends with something else: {line!r}"
            commands.append(line.removesuffix("\\").strip())
        continued = line.endswith("\\")
    return commands


@pytest.mark.parametrize("path", COMMANDS, ids=lambda p: " ".join(p) or "briefgen")
def test_each_help_ends_with_two_or_three_examples(path: tuple[str, ...]) -> None:
    text = help_of(path)
    commands = examples_of(text)
    assert 2 <= len(commands) <= 3, commands
    assert any(c.startswith(" ".join(["briefgen", *path])) for c in commands), commands
    # the examples are the last thing printed, after every panel of options and commands
    assert text.rindex("╰") < text.rindex("Examples")


def test_examples_fit_an_80_column_terminal() -> None:
    for path in COMMANDS:
        text = help_of(path, columns=80)
        for command in examples_of(text):
            assert command in " ".join(examples_of(help_of(path))), command


@pytest.fixture
def checkout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh folder holding what the examples name (seeds/), as the working directory."""
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run_in_process(command: str) -> str:
    """Run one example through CliRunner; '> FILE' writes its stdout to FILE."""
    words = shlex.split(command)
    target = None
    if ">" in words:
        words, target = words[:words.index(">")], words[words.index(">") + 1]
    assert words[0] == "briefgen"
    result = CliRunner().invoke(app, words[1:], env={"COLUMNS": "200"}, catch_exceptions=False)
    assert result.exit_code == 0, f"{command}\n{result.output}"
    assert result.stdout.strip(), command
    if target:
        Path(target).write_text(result.stdout, encoding="utf-8")
    return result.stdout


IN_PROCESS = [p for p in COMMANDS if p and p[0] not in ("generate", "batch")]


@pytest.mark.parametrize("path", IN_PROCESS, ids=lambda p: " ".join(p))
def test_the_examples_run(path: tuple[str, ...], checkout: Path) -> None:
    for command in examples_of(help_of(path)):
        stdout = run_in_process(command)
        if command.startswith(("briefgen render", "briefgen templates export")):
            written = [checkout / line for line in stdout.splitlines()]  # the paths written
            assert all(p.is_file() and p.stat().st_size for p in written), stdout
    if path == ("extract",):
        brief = json.loads((checkout / "brief.json").read_text(encoding="utf-8"))
        assert brief["title"] == "U.S.-LNA Discussion on Militia Demobilization"


@pytest.mark.parametrize("command", ["generate", "batch"])
def test_the_examples_run_as_pasted_into_a_shell(command: str, checkout: Path) -> None:
    """generate's and batch's examples, each line given to bash as printed, in a real process."""
    if shutil.which("bash") is None:
        pytest.skip("no bash")
    text = help_of((command,), columns=80)
    lines = [line.strip() for line in text.splitlines()]
    block = "\n".join(lines[len(lines) - lines[::-1].index("Examples"):])
    script = f'briefgen() {{ "{sys.executable}" -m briefgen "$@"; }}\nset -e\n{block}\n'
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        [str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])])}
    completed = subprocess.run(["bash", "-c", script], capture_output=True, text=True,
                               cwd=checkout, env=env, timeout=300, check=False)
    assert completed.returncode == 0, completed.stderr
    written = [checkout / line for line in completed.stdout.splitlines()]
    assert written and all(p.is_file() and p.stat().st_size > 0 for p in written), written
    if command == "generate":
        assert {p.name for p in written} == {"brief.pdf", "memo.pdf", "memo.docx",
                                             "one-pager.pdf"}
    else:
        names = {p.name for p in written}
        assert names == {"000_0ff103b2e130dde9.pdf", "000_0ff103b2e130dde9.docx",
                         "000_0ff103b2e130dde9.md"}


def test_an_example_cannot_hold_markup() -> None:
    from briefgen.commands.help import examples

    assert examples(("what", "briefgen x")).endswith("  # what\n  briefgen x")
    with pytest.raises(ValueError, match="may not hold"):
        examples(("a [red] example", "briefgen x"))


def test_plain_help_of_the_real_process_has_words_and_whole_examples() -> None:
    """Without rich (TYPER_USE_RICH=0) click rewraps help text: the examples must survive it."""
    env = {**os.environ, "TYPER_USE_RICH": "0", "COLUMNS": "80", "PYTHONPATH": os.pathsep.join(
        [str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])])}
    completed = subprocess.run([sys.executable, "-m", "briefgen", "generate", "--help"],
                               capture_output=True, text=True, env=env, timeout=60, check=True)
    assert not PYTHON_TYPES.findall(completed.stdout)
    assert "-o, --output PATH" in completed.stdout
    assert examples_of(completed.stdout) == examples_of(help_of(("generate",)))
