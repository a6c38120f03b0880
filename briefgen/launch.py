"""The ``briefgen`` command's entry point: start loading the spaCy model before anything else.

``generate`` and ``extract`` need the model, and loading it takes about a second; importing
the command line (typer, the option tables, the pipeline's data classes) takes a few tenths
more. For those two commands, with the default model, the model starts loading in a forked
child (``pipeline.Analyzer``) before the command line is even imported; the command takes
the child over. Everything else (``--help``, ``templates``, ``render``, ``batch``, a
``--model`` choice) runs as it would without this module.
"""

from __future__ import annotations

import sys
from typing import Any

MODEL_COMMANDS = frozenset({"generate", "extract"})


def main() -> None:
    """Run the command line, having started the model loading where that helps."""
    early = None
    if wants_default_model(sys.argv[1:]):
        from briefgen import overlap

        early = overlap.start(_analyze_in_child)
    from briefgen import cli

    cli.main(early=early)


def wants_default_model(args: list[str]) -> bool:
    """Tell whether the arguments run a command that loads the default spaCy model."""
    return (bool(args) and args[0] in MODEL_COMMANDS
            and not any(a in ("-h", "--help") or a.startswith("--model") for a in args[1:]))


def _analyze_in_child(receive: Any) -> Any:  # pipeline's types stay unimported here
    from briefgen.pipeline import analyze_in_child

    return analyze_in_child(None, receive)
