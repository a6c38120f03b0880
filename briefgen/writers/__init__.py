"""The writers table: one module per output format, each with ``write(content, path, settings)``.

A memo writer (pdf, docx, md, html) takes the rendered Document; the ``json`` writer takes the
Brief itself. The table says which each one takes, so that the callers hand every writer its
content without asking which format it is, and render the Document only when a writer needs
it. Modules are imported on first use so that ``briefgen --help`` loads neither reportlab nor
python-docx. Every writer writes to the path it is given; ``write_outputs`` gives it a temporary
file beside the target and renames it into place only when every format has been written.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import re
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
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


#: briefgen's temporaries: ``.<target name>.<pid>-<random>.part`` beside the target. The pid
#: says whether the run that made one is still going; an older briefgen wrote
#: ``.<target name>.<random>.part``.
TEMPORARY = re.compile(r"\A\.(?P<name>.+)\.(?:(?P<pid>\d+)-)?[A-Za-z0-9_]{6,}\.part\Z")
#: A temporary of a run that cannot be told alive (no pid in its name) is stale after this.
STALE_SECONDS = 3600


def make_temporary(path: Path) -> Path:
    """Create an empty temporary file beside ``path``, named as briefgen names them.

    Raises:
        OutputError: the folder cannot be written.
    """
    try:
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}-", suffix=".part",
                                    dir=path.parent if str(path.parent) else ".")
    except OSError as e:
        raise OutputError(f"cannot write '{path}': {e.strerror or e}") from e
    os.close(fd)
    return Path(name)


def remove_stale_temporaries(folder: Path) -> list[Path]:
    """Delete the temporaries a killed briefgen left in ``folder``; return those removed.

    A temporary is stale when the process named in it has ended (or, for names without a
    pid, when it is over an hour old). A run still writing keeps its own.
    """
    removed = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    now = time.time()
    for entry in entries:
        match = TEMPORARY.match(entry.name)
        if match is None or not entry.is_file(follow_symlinks=False):
            continue
        pid = match.group("pid")
        try:
            stale = (not _is_running(int(pid))) if pid else (
                now - entry.stat(follow_symlinks=False).st_mtime > STALE_SECONDS)
            if stale:
                os.unlink(entry.path)
                removed.append(Path(entry.path))
        except OSError:  # gone meanwhile, or not ours to remove
            continue
    return removed


def _is_running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process: alive
        return True
    return True


def commit(pairs: Sequence[tuple[Path, Path]], force: bool) -> None:
    """Move each finished temporary onto its target: all of them, or none.

    Without ``force`` a target is created only if it does not exist at that very moment (a
    hard link, which fails on an existing name), so two runs writing the same file cannot
    both succeed. With ``force`` an existing target is replaced, and kept aside until every
    target of the run is in place, so that a failure puts the old files back.

    Raises:
        OutputError: a target exists (without ``force``), or cannot be written.
    """
    done: list[tuple[Path, Path | None]] = []  # (target, the old file kept aside)
    mode = 0o666 & ~_umask()  # mkstemp makes 0600; give the user's usual mode
    try:
        for tmp, path in pairs:
            os.chmod(tmp, mode)
            kept = None
            if force:
                if path.exists() and not path.is_symlink():
                    kept = _keep_aside(path)
                try:
                    os.replace(tmp, path)  # the target is never missing, even for an instant
                except BaseException:
                    if kept is not None:
                        kept.unlink(missing_ok=True)
                    raise
                done.append((path, kept))
            else:
                _create(tmp, path)
                done.append((path, None))
    except BaseException as e:
        for path, kept in reversed(done):
            with contextlib.suppress(OSError):
                if kept is not None:
                    os.replace(kept, path)
                else:
                    path.unlink()
        if isinstance(e, FileExistsError):
            raise OutputError(f"'{e.filename or path}' already exists; use --force to "
                              "overwrite it") from None
        if isinstance(e, OSError):
            raise OutputError(f"cannot write '{path}': {e.strerror or e}") from e
        raise
    for _, kept in done:
        if kept is not None:
            with contextlib.suppress(OSError):
                kept.unlink()


def _keep_aside(path: Path) -> Path | None:
    """A second name for the file at ``path`` (a hard link), to put it back; None if none."""
    kept = make_temporary(path)
    kept.unlink()
    try:
        os.link(path, kept)
    except OSError:  # no hard links here: the old file cannot be kept; replace it anyway
        return None
    return kept


def _create(tmp: Path, path: Path) -> None:
    """Put ``tmp`` at ``path`` only if no file of that name exists now (FileExistsError)."""
    try:
        os.link(tmp, path)
    except FileExistsError as e:
        raise FileExistsError(e.errno, e.strerror, str(path)) from None
    except OSError:
        # No hard links here (FAT, some network file systems): claim the name exclusively,
        # then move the finished file over the claim.
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        os.close(fd)
        os.replace(tmp, path)
    else:
        tmp.unlink()


@contextmanager
def atomic_path(path: Path, force: bool = True) -> Iterator[Path]:
    """Yield a temporary file beside ``path``; move it to ``path`` when the block completes.

    A failure or Ctrl-C inside the block removes the temporary file, so a truncated output is
    never left behind, and an existing ``path`` is untouched until the new one is whole.
    Without ``force`` an existing ``path`` (even one created while the block ran) is refused.

    Raises:
        OutputError: the file cannot be created or moved, or exists without ``force``.
    """
    tmp = make_temporary(path)
    try:
        try:
            yield tmp
        except OSError as e:  # writing the temporary failed (a full disk, say)
            raise OutputError(f"cannot write '{path}': {e.strerror or e}") from e
        commit([(tmp, path)], force)
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
    asked for). Every format is written to a temporary file in its target's folder; only when
    all are complete are they moved into place together (:func:`commit`): an error, a full
    disk or Ctrl-C leaves none of this run's files, and no truncated one. Temporaries a
    killed run left in those folders are removed first.

    Raises:
        OutputError: a target cannot be written or the format is unknown.
        InputError: ``settings.reference_docx`` cannot be used (DOCX only).
        TemplateError: rendering ``document`` fails.
    """
    targets = list(targets)
    for fmt, path in targets:
        check_formats([fmt])
        check_target(path, force)
    for folder in dict.fromkeys(path.parent if str(path.parent) else Path(".")
                                for _, path in targets):
        remove_stale_temporaries(folder)
    contents = _Contents(brief, document)
    warnings: list[str] = []
    pairs: list[tuple[Path, Path]] = []
    try:
        for fmt, path in targets:
            writer = get_writer(fmt)
            content = contents.get(WRITERS[fmt].takes)
            tmp = make_temporary(path)
            pairs.append((tmp, path))
            try:
                # Without settings a writer is called as before themes existed.
                warnings.extend(writer.write(content, tmp) if settings is None
                                else writer.write(content, tmp, settings))
            except OSError as e:  # a full disk, say: no format of this run is left behind
                raise OutputError(f"cannot write '{path}': {e.strerror or e}") from e
        commit(pairs, force)
    finally:
        for tmp, _ in pairs:
            tmp.unlink(missing_ok=True)
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

