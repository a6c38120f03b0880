"""The writers table: one module per output format, each with ``write(document, path, settings)``.

Modules are imported on first use so that ``briefgen --help`` loads neither reportlab nor
python-docx. Every writer writes to the path it is given; ``write_outputs`` gives it a temporary
file beside the target and renames it into place only when the writer has finished.
"""

from __future__ import annotations

import importlib
import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from briefgen.document import Document
from briefgen.errors import OutputError

if TYPE_CHECKING:
    from briefgen.writers.theme import Theme

WRITERS: dict[str, str] = {
    "pdf": "briefgen.writers.pdf",
    "docx": "briefgen.writers.docx",
    "md": "briefgen.writers.md",
    "html": "briefgen.writers.html",
}


@dataclass(frozen=True, slots=True)
class WriterSettings:
    """How the user wants the files to look, beyond the Document itself.

    ``theme`` None is the built-in default theme (``briefgen.writers.theme.DEFAULT_THEME``);
    ``reference_docx`` is a user's Word file whose page setup, styles, headers, footers and
    logo the DOCX writer keeps (the other writers ignore it).
    """

    theme: Theme | None = None
    reference_docx: Path | None = None


class Writer(Protocol):
    """What a writer module provides."""

    def write(self, document: Document, path: Path,
              settings: WriterSettings | None = None) -> tuple[str, ...]:
        """Write ``document`` to ``path`` and return warnings for the user."""
        ...


def get_writer(fmt: str) -> Writer:
    """Return the writer module of a format.

    Raises:
        OutputError: the format is unknown.
    """
    try:
        module_name = WRITERS[fmt]
    except KeyError:
        known = ", ".join(sorted(WRITERS))
        raise OutputError(f"unknown format '{fmt}'; choose one of: {known}") from None
    return importlib.import_module(module_name)  # type: ignore[return-value]


def prepare_writers(formats: Iterable[str], settings: WriterSettings | None = None) -> None:
    """Import the writers of ``formats`` and let each get ready (fonts, base files) ahead.

    Raises:
        OutputError: a format is unknown.
        BriefgenError, OSError: a writer cannot get ready (its ``write`` would fail the same).
    """
    for fmt in formats:
        prepare = getattr(get_writer(fmt), "prepare", None)
        if prepare is not None:
            prepare(settings)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """Yield a temporary file beside ``path``; rename it to ``path`` when the block completes.

    A failure or Ctrl-C inside the block removes the temporary file, so a truncated output is
    never left behind, and an existing ``path`` is untouched until the new one is whole.

    Raises:
        OutputError: the file cannot be created or renamed.
    """
    try:
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part",
                                    dir=path.parent if str(path.parent) else ".")
    except OSError as e:
        raise OutputError(f"cannot write '{path}': {e.strerror or e}") from e
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; give the user's usual mode
        os.replace(tmp, path)
    except OSError as e:
        raise OutputError(f"cannot write '{path}': {e.strerror or e}") from e
    finally:
        tmp.unlink(missing_ok=True)


def check_target(path: Path, force: bool) -> None:
    """Refuse an output path that cannot be written before any work is done.

    Raises:
        OutputError: the directory is missing, or the file exists and ``force`` is off.
    """
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise OutputError(
            f"cannot write '{path}': directory '{parent}' does not exist; create it first")
    if path.is_dir():
        raise OutputError(f"cannot write '{path}': it is a directory; give a file name")
    if path.exists() and not force:
        raise OutputError(f"'{path}' already exists; use --force to overwrite it")


def write_outputs(document: Document, targets: Iterable[tuple[str, Path]], force: bool = False,
                  settings: WriterSettings | None = None) -> tuple[str, ...]:
    """Write ``document`` once per (format, path) atomically and return all warnings.

    Each file is written to a temporary name in its target directory and renamed into place
    only when complete, so an error or Ctrl-C never leaves a truncated memo behind.

    Raises:
        OutputError: a target cannot be written or the format is unknown.
        InputError: ``settings.reference_docx`` cannot be used (DOCX only).
    """
    targets = list(targets)
    for fmt, path in targets:
        get_writer(fmt)
        check_target(path, force)
    warnings: list[str] = []
    for fmt, path in targets:
        writer = get_writer(fmt)
        with atomic_path(path) as tmp:
            # Without settings a writer is called as before themes existed: write(doc, path).
            warnings.extend(writer.write(document, tmp) if settings is None
                            else writer.write(document, tmp, settings))
    return tuple(dict.fromkeys(warnings))
