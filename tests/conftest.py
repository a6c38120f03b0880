"""Shared CLI fixtures: the seed readout, an in-process runner and its Brief JSON (made once)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from briefgen.cli import app

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_0ff103b2e130dde9.txt"
Invoke = Callable[..., Result]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", default=False,
                     help="rewrite the golden Brief JSON files from the current extraction")


@pytest.fixture(autouse=True, scope="session")
def no_user_config(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """Keep a developer's own ~/.config/briefgen/briefgen.toml out of every test."""
    mp = pytest.MonkeyPatch()
    mp.setenv("BRIEFGEN_CONFIG_DIR", str(tmp_path_factory.mktemp("user-config")))
    yield
    mp.undo()


@pytest.fixture(scope="session")
def seed() -> Path:
    """The seed readout (a State Department meeting readout with a syndication disclaimer)."""
    return SEED


@pytest.fixture(scope="session")
def cli() -> Invoke:
    """Run ``briefgen ARGS...`` in-process (the spaCy model stays loaded between calls)."""
    runner = CliRunner()

    def invoke(*args: object, input: str | bytes | None = None) -> Result:
        # A wide terminal keeps rich from wrapping names in `extract`'s tables.
        return runner.invoke(app, [str(a) for a in args], input=input,
                             env={"COLUMNS": "200"}, catch_exceptions=False)

    return invoke


@pytest.fixture(scope="session")
def seed_brief(cli: Invoke, tmp_path_factory: pytest.TempPathFactory
               ) -> tuple[Path, dict[str, Any]]:
    """``briefgen extract SEED --json`` saved to a file, and its parsed form."""
    result = cli("extract", SEED, "--json")
    assert result.exit_code == 0, result.output
    path = tmp_path_factory.mktemp("brief") / "brief.json"
    path.write_text(result.stdout, encoding="utf-8")
    return path, json.loads(result.stdout)


@pytest.fixture(scope="session")
def expect_error(cli: Invoke) -> Callable[..., str]:
    """Run a command that must fail; check the exit code and the one-line message; return it."""

    def check(args: list[object], exit_code: int, *fragments: str,
              input: str | bytes | None = None) -> str:
        result = cli(*args, input=input)
        assert result.exit_code == exit_code, result.output
        assert "Traceback" not in result.output
        assert result.stdout == ""
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1, result.stderr
        assert lines[0].startswith("briefgen: error: "), lines[0]
        for fragment in fragments:
            assert fragment in lines[0]
        return lines[0]

    return check
