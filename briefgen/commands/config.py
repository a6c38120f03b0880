"""``briefgen config``: show the effective settings and where each one came from."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from briefgen.commands.console import error_boundary, write_utf8
from briefgen.commands.help import Command, Group, examples
from briefgen.commands.options import ConfigOpt, DebugOpt

EXAMPLES = examples(
    ("each setting, its value and where it came from", "briefgen config show"),
    ("the same as JSON, for a script", "briefgen config show --json"),
)
app = typer.Typer(
    name="config",
    cls=Group,
    help="Show the effective settings (briefgen.toml files and built-in defaults).",
    epilog=EXAMPLES,
    no_args_is_help=True,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


@app.command("show", cls=Command, epilog=EXAMPLES)
def show(
    as_json: Annotated[bool, typer.Option("--json", help="Print the settings as JSON.")]
    = False,
    config: ConfigOpt = None,
    debug: DebugOpt = False,
) -> None:
    """Print each setting, its effective value and where it came from."""
    from briefgen.config import SETTINGS, describe, load_config

    with error_boundary(debug):
        effective = load_config(config)
        if as_json:
            data = {
                "settings": {s.key: {"value": _jsonable(effective[s.key]),
                                     "source": effective.sources[s.key]} for s in SETTINGS},
                "files": [{"role": label, "path": str(path), "read": read}
                          for label, path, read in effective.files],
            }
            write_utf8(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
            return
        rows = [(s.key, describe(effective[s.key]), effective.sources[s.key]) for s in SETTINGS]
        key_width = max(len(r[0]) for r in rows)
        value_width = min(max(len(r[1]) for r in rows), 40)
        lines = [f"{key:<{key_width}}  {value:<{value_width}}  {source}"
                 for key, value, source in rows]
        lines.append("")
        lines += [f"# {label}: {path}{'' if read else ' (none)'}"
                  for label, path, read in effective.files]
        write_utf8("\n".join(lines) + "\n")


def _jsonable(value: object) -> object:
    return list(value) if isinstance(value, tuple) else value
