"""The writers table: one module per output format, each with ``write(content, path, settings)``.

A memo writer (pdf, docx, md, html) takes the rendered Document; the ``json`` writer takes the
Brief itself. The table says which each one takes, so that the callers hand every writer its
content without asking which format it is, and render the Document only when a writer needs
it. Modules are imported on first use so that ``briefgen --help`` loads neither reportlab nor
python-docx. Every writer writes to the path it is given; ``write_outputs`` gives it a temporary
file beside the target and renames it into place only when every format has been written.
"""

from __future__ import annotations

import importlib
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from briefgen.errors import OutputError

if TYPE_CHECKING:
    from briefgen.document import Document
    from briefgen.model import Brief
    from briefgen.writers.theme import Theme

#: What a writer takes: the rendered memo, or the Brief itself.
DOCUMENT, BRIEF = "document", "brief"


@dataclass(frozen=True, slots=True)
class WriterEntry:
    """A format's writer module and what it writes from (DOCUMENT or BRIEF)."""

    module: str
    takes: str = DOCUMENT


WRITERS: dict[str, WriterEntry] = {
    "pdf": WriterEntry("briefgen.writers.pdf"),
    "docx": WriterEntry("briefgen.writers.docx"),
    "md": WriterEntry("briefgen.writers.md"),
    "html": WriterEntry("briefgen.writers.html"),
    "json": WriterEntry("briefgen.writers.brief_json", takes=BRIEF),
}


def needs_document(formats: Iterable[str]) -> bool:
    """Tell whether any of ``formats`` writes the rendered memo (so a template must run).

    Raises:
        OutputError: a format is unknown.
    """
    return any(_entry(fmt).takes == DOCUMENT for fmt in formats)


def check_formats(formats: Iterable[str]) -> None:
    """Refuse a format no writer of this installation handles, without importing any writer.

    Raises:
        OutputError: a format is unknown.
    """
    for fmt in formats:
        _entry(fmt)


def _entry(fmt: str) -> WriterEntry:
    try:
        return WRITERS[fmt]
    except KeyError:
        known = ", ".join(WRITERS)
        raise OutputError(f"unknown format '{fmt}'; choose one of: {known}") from None


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
    """What a writer module provides (and, optionally, ``prepare(settings)``)."""

    def write(self, content: Any, path: Path,
              settings: WriterSettings | None = None) -> tuple[str, ...]:
        """Write ``content`` (a Document, or the Brief) to ``path``; return warnings."""
        ...


def get_writer(fmt: str) -> Writer:
    """Return the writer module of a format.

    Raises:
        OutputError: the format is unknown.
    """
    return importlib.import_module(_entry(fmt).module)  # type: ignore[return-value]


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


def write_outputs(targets: Iterable[tuple[str, Path]], *, brief: Brief | None = None,
                  document: Document | Callable[[], Document] | None = None,
                  force: bool = False, settings: WriterSettings | None = None
                  ) -> tuple[str, ...]:
    """Write every (format, path) target atomically and return all warnings.

    Each writer gets what its table entry says it takes: ``brief``, or ``document`` (a
    Document, or a function that renders it: called once, and only when a memo format is
    asked for). Each file is written to a temporary name in its target directory and renamed
    into place only when complete, so an error or Ctrl-C never leaves a truncated memo behind.

    Raises:
        OutputError: a target cannot be written or the format is unknown.
        InputError: ``settings.reference_docx`` cannot be used (DOCX only).
        TemplateError: rendering ``document`` fails.
    """
    targets = list(targets)
    for fmt, path in targets:
        check_formats([fmt])
        check_target(path, force)
    contents = _Contents(brief, document)
    warnings: list[str] = []
    for fmt, path in targets:
        writer = get_writer(fmt)
        content = contents.get(WRITERS[fmt].takes)
        with atomic_path(path) as tmp:
            # Without settings a writer is called as before themes existed: write(doc, path).
            warnings.extend(writer.write(content, tmp) if settings is None
                            else writer.write(content, tmp, settings))
    return tuple(dict.fromkeys(warnings))


class _Contents:
    """The Brief and the Document of one run, the Document rendered on first demand."""

    def __init__(self, brief: Brief | None,
                 document: Document | Callable[[], Document] | None) -> None:
        self.brief, self.document = brief, document

    def get(self, takes: str) -> Any:
        if takes == BRIEF:
            if self.brief is None:
                raise ValueError("a Brief writer needs the Brief")
            return self.brief
        if callable(self.document):
            self.document = self.document()
        if self.document is None:
            raise ValueError("a memo writer needs the Document")
        return self.document

