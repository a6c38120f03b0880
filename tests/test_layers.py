"""The package's shape: each layer imports only its own layer and those below it, no circles.

The layers, lowest first, are those of docs/architecture.md. The imports are read from the
source (every ``import`` anywhere in a module, type-checking ones too), so a shortcut taken
inside a function body counts as much as one at the top.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "briefgen"

#: Units (a top-level module or subpackage of briefgen) per layer, lowest first.
LAYERS: tuple[tuple[str, frozenset[str]], ...] = (
    ("base", frozenset({"errors", "model", "document", "markings", "config", "xmlsafe",
                        "language", "sentences", "vocabulary"})),
    ("stages", frozenset({"ingest", "clean", "analyze", "extract", "render", "writers",
                          "report"})),
    ("pipeline", frozenset({"pipeline", "faststart"})),
    ("application", frozenset({"app", "batch"})),
    ("commands", frozenset({"commands"})),
    ("entry", frozenset({"cli", "__main__"})),
)
LAYER_OF = {unit: number for number, (_, units) in enumerate(LAYERS) for unit in units}
STAGES = LAYERS[1][1]
#: The package root only re-exports the library's calls, lazily (see briefgen/__init__.py).
ROOT = "__init__"


def unit_of(module: str) -> str:
    """``briefgen.writers.pdf.story`` -> ``writers``; ``briefgen`` -> the root."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ROOT


def module_units(package: Path = PACKAGE) -> dict[str, str]:
    """Each module file of the package -> its unit."""
    out = {}
    for path in package.rglob("*.py"):
        parts = path.relative_to(package.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[str(path)] = unit_of(".".join(parts))
    return out


def imports_between_units(package: Path = PACKAGE) -> dict[str, set[tuple[str, str]]]:
    """unit -> {(imported unit, importing file)} for every import of another unit."""
    edges: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for file, unit in module_units(package).items():
        tree = ast.parse(Path(file).read_text(encoding="utf-8"), filename=file)
        for node in ast.walk(tree):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names if a.name.startswith("briefgen.")]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module and \
                    node.module.split(".")[0] == "briefgen":
                targets = ([f"briefgen.{a.name}" for a in node.names]
                           if node.module == "briefgen" else [node.module])
            for target in targets:
                other = unit_of(target)
                if other == "__version__":
                    continue  # the package's version string, a constant of every layer
                if other != unit:
                    edges[unit].add((other, str(Path(file).relative_to(package.parent))))
    return edges


EDGES = imports_between_units()


def test_every_unit_has_a_layer() -> None:
    units = set(module_units().values()) - {ROOT}
    assert sorted(units - set(LAYER_OF)) == []


@pytest.mark.parametrize("unit", sorted(LAYER_OF))
def test_a_unit_imports_only_its_layer_and_those_below(unit: str) -> None:
    upward = sorted((other, file) for other, file in EDGES.get(unit, ())
                    if other == ROOT or LAYER_OF[other] > LAYER_OF[unit])
    assert upward == [], f"{unit} ({LAYERS[LAYER_OF[unit]][0]}) imports a higher layer"


@pytest.mark.parametrize("stage", sorted(STAGES))
def test_a_stage_imports_no_other_stage(stage: str) -> None:
    """Stages meet only through the models below them (Source, Analysis, Brief, Document)."""
    assert sorted((o, f) for o, f in EDGES.get(stage, ()) if o in STAGES) == []


def test_the_application_layer_is_below_batch_and_commands_never_import_cli() -> None:
    assert [f for o, f in EDGES.get("app", ()) if o == "batch"] == []
    assert [f for o, f in EDGES.get("commands", ()) if o == "cli"] == []


def test_no_circle_between_units() -> None:
    graph = {unit: {other for other, _ in edges} for unit, edges in EDGES.items()}
    visiting: list[str] = []
    done: set[str] = set()

    def visit(unit: str) -> None:
        if unit in done:
            return
        assert unit not in visiting, " -> ".join([*visiting[visiting.index(unit):], unit])
        visiting.append(unit)
        for other in sorted(graph.get(unit, ())):
            visit(other)
        visiting.pop()
        done.add(unit)

    for unit in sorted(graph):
        visit(unit)


def test_the_command_modules_import_no_command_module() -> None:
    """Shared command helpers (console, options) import no command: no circle inside either."""
    for name in ("console.py", "options.py"):
        tree = ast.parse((PACKAGE / "commands" / name).read_text(encoding="utf-8"))
        imported = {node.module for node in ast.walk(tree)
                    if isinstance(node, ast.ImportFrom) and node.module}
        assert {m for m in imported if m.startswith("briefgen.commands")} == set(), name


def test_the_checker_sees_an_import_inside_a_function(tmp_path: Path) -> None:
    fake = tmp_path / "briefgen"
    (fake / "writers").mkdir(parents=True)
    (fake / "writers" / "__init__.py").write_text(
        "def write():\n    from briefgen.pipeline import build_brief\n", encoding="utf-8")
    (fake / "pipeline.py").write_text("import briefgen.writers\n", encoding="utf-8")
    edges = imports_between_units(fake)
    assert edges["writers"] == {("pipeline", "briefgen/writers/__init__.py")}
    assert edges["pipeline"] == {("writers", "briefgen/pipeline.py")}
