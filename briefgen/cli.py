"""The command line: the ``briefgen`` typer app, its usage errors as one line, and the exit.

The commands themselves live in ``briefgen.commands``; each is a thin layer over the library
(``briefgen.app``).
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from contextlib import suppress
from typing import Annotated, Any

import typer

from briefgen import __version__
from briefgen.commands import batch as batch_commands
from briefgen.commands import config as config_commands
from briefgen.commands import memo as memo_commands
from briefgen.commands import templates as template_commands
from briefgen.commands.help import Group, examples
from briefgen.errors import raise_terminated

__all__ = ["app", "main"]


class OneLineErrors(Group):
    """Report click's usage errors (missing argument, unknown option) as one line, exit 2.

    typer draws them in a multi-line box; every other briefgen error is one line on stderr,
    ``briefgen: error: ...``, and scripts that read stderr should not have to tell them apart.
    """

    def main(self, args: Any = None, prog_name: str | None = None,
             complete_var: str | None = None, standalone_mode: bool = True,
             windows_expand_args: bool = True, **extra: Any) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode,
                                windows_expand_args, **extra)
        try:
            code = super().main(args, prog_name, complete_var, False, windows_expand_args,
                                **extra)
        except typer.TyperException as e:  # click's exceptions, as vendored by typer
            if type(e).__name__ != "NoArgsIsHelpError":  # that one has printed the help
                typer.echo(f"briefgen: error: {usage_message(e)}", err=True)
            sys.exit(e.exit_code)
        except typer.Abort:
            typer.echo("briefgen: error: aborted", err=True)
            sys.exit(1)
        sys.exit(code if isinstance(code, int) else 0)


def usage_message(error: typer.TyperException) -> str:
    """Return a usage error as one line that points at the command's help."""
    message = " ".join(error.format_message().split()).rstrip(".")
    ctx = getattr(error, "ctx", None)
    if ctx is not None and error.exit_code == 2:
        return f"{message}; see '{ctx.command_path} --help'"
    return message


app = typer.Typer(
    name="briefgen",
    cls=OneLineErrors,
    help="Turn a meeting readout, press release or joint statement into a briefing memo "
         "(PDF, DOCX, Markdown, HTML) whose every point cites the sentence it came from.",
    epilog=examples(
        ("a briefing memo as PDF from the example readout",
         f"briefgen generate {memo_commands.SEED} -o brief.pdf"),
        ("what it extracted, section by section",
         f"briefgen extract {memo_commands.SEED}"),
        ("the built-in templates; 'briefgen COMMAND --help' for a command's options",
         "briefgen templates list"),
    ),
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
memo_commands.register(app)
app.add_typer(template_commands.app, name="templates")
app.add_typer(config_commands.app, name="config")
batch_commands.register(app)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"briefgen {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
) -> None:
    """Turn a meeting readout into a briefing memo."""


def main() -> None:
    """Run the ``briefgen`` command (the console script and ``python -m briefgen``).

    SIGTERM is handled as Ctrl-C is (``errors.Terminated``: partial files removed, workers
    stopped), with exit code 143. Once the command has finished and its output is flushed,
    the process ends with ``os._exit``: tearing down the interpreter with a spaCy pipeline
    loaded (freeing every module and object one by one) took about 0.3 s of a 2.4 s cold
    ``generate``, for nothing.
    Every file briefgen writes is complete and closed (renamed into place) before a command
    returns, and briefgen registers no exit handlers; a batch shuts its workers down itself.
    """
    if threading.current_thread() is threading.main_thread():
        # SIGTERM (kill, a service manager, a CI runner) stops briefgen as Ctrl-C does.
        signal.signal(signal.SIGTERM, raise_terminated)
    try:
        app()
    except SystemExit as e:
        code = e.code
    else:  # pragma: no cover - typer's standalone mode always exits
        code = 0
    status = code if isinstance(code, int) else (0 if code is None else 1)
    if isinstance(code, str):  # sys.exit("message") prints it, as the interpreter would
        print(code, file=sys.stderr)
    exit_now(status)


def exit_now(status: int) -> None:
    """Flush stdout and stderr, then end the process at once with ``status``."""
    for stream in (sys.stdout, sys.stderr):
        # A closed pipe (briefgen ... | head) cannot take the rest: nobody reads it.
        with suppress(OSError, ValueError):
            stream.flush()
    os._exit(status)
