"""Heavy libraries stay behind their one module: help is fast, and each has a single owner."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "briefgen"

#: Each heavy third-party library and the one module (or package, ending in "/") allowed to
#: import it; a tuple lists several owners.
OWNERS: dict[str, str | tuple[str, ...]] = {
    "spacy": "analyze.py",
    "reportlab": "writers/pdf/",
    "arabic_reshaper": "writers/pdf/bidi.py",
    "bidi": "writers/pdf/bidi.py",
    # The .docx input reader (ingest) reads Word files with python-docx too.
    "docx": ("writers/docx/", "ingest/docx_reader.py"),
    "jinja2": "render/templating.py",
    "markdown_it": "render/markup.py",
    "mdit_py_plugins": "render/markup.py",
    "pypdf": "ingest/pdf_reader.py",
    "trafilatura": "ingest/html_reader.py",
    "charset_normalizer": "ingest/decode.py",
}

#: Stage modules whose import would drag a heavy library in behind them.
STAGE_MODULES = ("briefgen.analyze", "briefgen.writers.pdf", "briefgen.writers.docx",
                 "briefgen.render.templating", "briefgen.render.markup",
                 "briefgen.ingest.pdf_reader", "briefgen.ingest.html_reader",
                 "briefgen.ingest.docx_reader")
#: typer's rich help imports markdown_it itself (rich.markdown), so only briefgen's
#: own markdown module is checked for it, through STAGE_MODULES.
NOT_LOADED_BY_HELP = sorted(set(OWNERS) - {"markdown_it"})

HELP_PROBE = """
import json, sys
libraries, stage_modules = json.loads(sys.argv[1]), json.loads(sys.argv[2])
from typer.testing import CliRunner
from briefgen.cli import app
runner = CliRunner()
codes = [runner.invoke(app, args).exit_code for args in
         (["--help"], ["--version"], ["generate", "--help"], ["extract", "--help"],
          ["render", "--help"], ["batch", "--help"])]
heavy = sorted(m for m in sys.modules
               if m.split(".")[0] in libraries or m in stage_modules)
print(json.dumps({"codes": codes, "heavy": heavy}))
"""


def test_help_and_version_load_no_heavy_library() -> None:
    completed = subprocess.run([sys.executable, "-c", HELP_PROBE,
                                json.dumps(NOT_LOADED_BY_HELP), json.dumps(STAGE_MODULES)],
                               capture_output=True, text=True, timeout=60, check=False)
    assert completed.returncode == 0, completed.stderr
    report = json.loads(completed.stdout.strip().splitlines()[-1])
    assert report["codes"] == [0, 0, 0, 0, 0, 0]
    assert report["heavy"] == []


def imported_roots(path: Path) -> set[str]:
    """Top-level names of the absolute imports anywhere in a module (in functions too)."""
    roots: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            roots.add(node.module.split(".")[0])
    return roots


@pytest.mark.parametrize(("library", "owner"), sorted(OWNERS.items()))
def test_each_heavy_library_has_exactly_one_importing_module(
        library: str, owner: str | tuple[str, ...]) -> None:
    importers = sorted(str(path.relative_to(PACKAGE)) for path in PACKAGE.rglob("*.py")
                       if library in imported_roots(path))
    owners = owner if isinstance(owner, tuple) else (owner,)
    assert importers
    for name in importers:
        assert any(name == o or (o.endswith("/") and name.startswith(o)) for o in owners), name
    for o in owners:
        assert any(name == o or name.startswith(o) for name in importers), o
