"""Find the inputs of a batch (files, folders, globs) and give each memo its name."""

from __future__ import annotations

import glob
import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from briefgen.errors import InputError, OutputError
from briefgen.ingest.sniff import READABLE_SUFFIXES

#: Suffixes a folder or a glob contributes (ingest's list); a file named on the command line
#: is always tried.
KNOWN_SUFFIXES = READABLE_SUFFIXES


def is_known_type(path: Path) -> bool:
    """True when a folder or glob should contribute ``path`` (a readable suffix, not hidden)."""
    return path.suffix.lower() in KNOWN_SUFFIXES and not path.name.startswith(".")


def walk_folder(folder: Path, exclude: Path | None = None) -> Iterator[Path]:
    """Yield the known-type files under ``folder`` in path order, skipping hidden folders.

    ``exclude`` (the output folder) is not entered: a rerun must not brief its own memos.
    """
    found = []
    for root, dirs, files in os.walk(folder):
        root_path = Path(root)
        dirs[:] = [d for d in dirs if not d.startswith(".")
                   and not is_same_path(root_path / d, exclude)]
        found.extend(path for path in (root_path / name for name in files)
                     if is_known_type(path) and path.is_file())
    yield from sorted(found, key=lambda path: path.parts)


def is_same_path(path: Path, other: Path | None) -> bool:
    """True when both name the same existing file or folder."""
    if other is None:
        return False
    try:
        return path.resolve() == other.resolve()
    except OSError:
        return False


def has_magic(pattern: str) -> bool:
    """True when ``pattern`` holds glob characters."""
    return glob.has_magic(pattern)


def find_inputs(arguments: Sequence[str], exclude: Path | None = None
                ) -> tuple[list[str], list[str]]:
    """Expand files, folders and globs into input paths; return them and the unmatched globs.

    A file named outright is kept whatever its type (ingest then says why it cannot be read);
    folders are recursed and globs expanded to known types only. A path that does not exist
    and is no glob is kept too, so that it is reported as missing. Duplicates are dropped.
    """
    found: list[str] = []
    unmatched: list[str] = []
    seen: set[str] = set()

    def add(path: Path) -> None:
        key = os.path.normcase(os.path.realpath(path))
        if key not in seen:
            seen.add(key)
            found.append(str(path))

    for argument in arguments:
        path = Path(argument)
        if path.is_dir():
            for file in walk_folder(path, exclude):
                add(file)
        elif path.exists() or not has_magic(argument):
            add(path)
        else:
            matched = False
            for match in sorted(glob.glob(argument, recursive=True)):
                match_path = Path(match)
                files = (list(walk_folder(match_path, exclude)) if match_path.is_dir()
                         else [match_path] if is_known_type(match_path) else [])
                for file in files:
                    add(file)
                matched = matched or bool(files)
            if not matched:
                unmatched.append(argument)
    return found, unmatched


def assign_names(inputs: Sequence[str]) -> tuple[dict[str, str], list[str]]:
    """Give every input an output stem, unique ignoring case; return them and notes.

    An input gets its own stem. Inputs sharing a stem are ordered by path: the first keeps the
    stem, the next get ``stem-2``, ``stem-3`` ... (never a name another input already has), so
    the same inputs always get the same names whatever the order on the command line.
    """
    groups: dict[str, list[str]] = {}
    for item in inputs:
        groups.setdefault(Path(item).stem.casefold(), []).append(item)
    taken = set(groups)
    names: dict[str, str] = {}
    notes: list[str] = []
    for members in groups.values():
        if len(members) == 1:
            names[members[0]] = Path(members[0]).stem
            continue
        ordered = sorted(members, key=lambda m: Path(m).as_posix())
        stem = Path(ordered[0]).stem
        names[ordered[0]] = stem
        number = 1
        for member in ordered[1:]:
            own = Path(member).stem
            number += 1
            while f"{own}-{number}".casefold() in taken:
                number += 1
            names[member] = f"{own}-{number}"
            taken.add(names[member].casefold())
        notes.append(f"{len(members)} inputs are named '{stem}'; their memos are "
                     + ", ".join(f"{names[m]}.* ({m})" for m in ordered))
    return names, notes


def check_outdir(outdir: Path) -> None:
    """Create the output folder if needed.

    Raises:
        OutputError: it is a file, or cannot be created.
    """
    if outdir.exists() and not outdir.is_dir():
        raise OutputError(f"-o '{outdir}' is a file; give a folder for the memos")
    try:
        outdir.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise OutputError(f"cannot create the folder '{outdir}': {e.strerror or e}") from e


def no_inputs_error(arguments: Sequence[str]) -> InputError:
    """The error for a batch that found nothing to read."""
    return InputError(f"no input found in {' '.join(repr(a) for a in arguments)}; folders "
                      f"and globs contribute {', '.join(KNOWN_SUFFIXES)} files")
