"""How a command meets the terminal: the one error boundary, UTF-8 stdout, --verbose lines.

Every command imports these; this module imports no command (and nothing heavy).
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import typer

from briefgen.errors import INTERNAL_ERROR_EXIT, BriefgenError, Interrupted, Terminated


@contextmanager
def error_boundary(debug: bool) -> Iterator[None]:
    """Turn errors into one line on stderr and the documented exit code."""
    try:
        yield
    except BriefgenError as e:
        if debug:
            traceback.print_exc()
        typer.echo(f"briefgen: error: {e}", err=True)
        raise typer.Exit(e.exit_code) from None
    except Terminated:
        typer.echo("briefgen: terminated; no partial output was left", err=True)
        raise typer.Exit(Terminated.exit_code) from None
    except KeyboardInterrupt:
        typer.echo("briefgen: interrupted; no partial output was left", err=True)
        raise typer.Exit(Interrupted.exit_code) from None
    except (typer.Exit, BrokenPipeError):
        # A closed pipe (`briefgen extract --json | head -1`) is not a bug: typer's main
        # silences the streams and exits 1, as it does for --help.
        raise
    except Exception as e:  # a bug: say so, without a traceback unless asked
        if debug:
            traceback.print_exc()
        typer.echo(f"briefgen: internal error: {type(e).__name__}: {e}; "
                   "run with --debug and report it", err=True)
        raise typer.Exit(INTERNAL_ERROR_EXIT) from None


def write_utf8(text: str) -> None:
    """Write ``text`` to stdout as UTF-8 whatever the locale says.

    JSON is UTF-8 by definition (RFC 8259), and ``extract --json > brief.json`` must not fail on
    a name in Arabic because a console code page (cp1252, ascii) cannot spell it.
    """
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(text)
        return
    sys.stdout.flush()
    buffer.write(text.encode("utf-8"))
    buffer.flush()


def verbose_log(verbose: bool) -> Callable[[str], None]:
    """Return the function that prints --verbose lines on stderr (or drops them)."""
    def log(message: str) -> None:
        if verbose:
            typer.echo(f"briefgen: {message}", err=True)
    return log


def report_written(paths: Iterator[object] | list[object], warnings: tuple[str, ...]) -> None:
    """Print the warnings on stderr, then the paths written on stdout, one a line."""
    for warning in warnings:
        typer.echo(f"briefgen: warning: {warning}", err=True)
    for path in paths:
        typer.echo(str(path))
