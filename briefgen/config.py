"""Settings from briefgen.toml files, merged by precedence, each remembering where it came from.

Precedence, highest first: the command line, ``--config PATH``, ``./briefgen.toml`` (the working
directory), the user config (``$BRIEFGEN_CONFIG_DIR/briefgen.toml``, else platformdirs'
user_config_dir("briefgen")), then the built-in defaults. Imports nothing heavy: ``briefgen
config show`` and ``briefgen --help`` stay fast.
"""

from __future__ import annotations

import difflib
import os
import re
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefgen.errors import ConfigError, OptionError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

CONFIG_NAME = "briefgen.toml"
CONFIG_DIR_ENV = "BRIEFGEN_CONFIG_DIR"
#: Output formats: writers (pdf, docx, md, html) and the Brief itself (json).
OUTPUT_FORMATS = ("pdf", "docx", "md", "html", "json")
DEFAULT_FORMATS = ("pdf", "docx")
BUILTIN = "built-in"
COMMAND_LINE = "command line"


@dataclass(frozen=True, slots=True)
class Setting:
    """One known setting: its kind and what it means (shown by ``config show`` and README)."""

    key: str
    kind: str  # text | flag | list | formats | path | name-or-path | classification | mark
    default: Any
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("memo.from", "text", "Analyst", "FROM line of the memo"),
    Setting("memo.to", "text", "Distribution", "TO (FOR) line of the memo"),
    Setting("memo.organization", "text", None, "letterhead line above the title"),
    Setting("memo.template", "name-or-path", "memo", "built-in template name or .md.j2 file"),
    Setting("memo.drafted_by", "text", None, "Drafted By line"),
    Setting("memo.cleared_by", "text", None, "Cleared By line"),
    Setting("memo.prepared_by", "text", None, "Prepared By line: name, office, phone"),
    Setting("memo.distribution", "list", (), "Distribution line: a list of names or offices"),
    Setting("markings.classification", "classification", None,
            "banner at the top and bottom of every page"),
    Setting("markings.portion_marks", "flag", None,
            "mark every portion (not set: when the classification is CONFIDENTIAL or above)"),
    Setting("markings.portion_mark", "mark", "(U)",
            "the mark of the memo's own portions: (U), (CUI), (C), (S), (TS)"),
    Setting("markings.source_mark", "mark", "(U)",
            "the mark of portions quoting the source ((U): a public source)"),
    Setting("markings.classified_by", "text", None,
            "Classified By line of a classified memo (default: the FROM line)"),
    Setting("markings.reason", "text", None, "Reason line of a classified memo"),
    Setting("markings.declassify_on", "text", None, "Declassify On line of a classified memo"),
    Setting("output.formats", "formats", DEFAULT_FORMATS,
            f"formats written when -o has no suffix: {', '.join(OUTPUT_FORMATS)}"),
    Setting("output.directory", "path", None, "folder for outputs when -o is not given"),
    Setting("output.reference_docx", "path", None, "Word file whose styles and letterhead "
                                                   "the DOCX takes"),
    Setting("output.theme", "name-or-path", None,
            "theme: default, a4, state (Times New Roman 14) or a theme file"),
    Setting("output.annex", "flag", False, "append the source text, its paragraphs numbered"),
)
KNOWN = {s.key: s for s in SETTINGS}
SECTIONS = tuple(dict.fromkeys(key.split(".")[0] for key in KNOWN))
PATH_SUFFIXES = (".j2", ".toml", ".docx")


@dataclass(frozen=True, slots=True)
class Config:
    """Effective settings: ``values[key]`` and ``sources[key]`` (where the value came from)."""

    values: Mapping[str, Any]
    sources: Mapping[str, str]
    files: tuple[tuple[str, Path, bool], ...] = ()  # (label, path, was read)

    def __getitem__(self, key: str) -> Any:
        return self.values[key]

    def pick(self, key: str, given: Any) -> Any:
        """Return ``given`` (from the command line) unless it is None, else the setting."""
        return self.values[key] if given is None else given

    def source_of(self, key: str, given: Any = None) -> str:
        """Say where the value ``pick`` returns came from."""
        return COMMAND_LINE if given is not None else self.sources[key]


def user_config_dir() -> Path:
    """Return the folder of the user config: $BRIEFGEN_CONFIG_DIR, else the platform's."""
    override = os.environ.get(CONFIG_DIR_ENV)
    if override:
        return Path(override).expanduser()
    import platformdirs

    return Path(platformdirs.user_config_dir("briefgen", appauthor=False))


def load_config(explicit: Path | None = None, cwd: Path | None = None,
                user_dir: Path | None = None) -> Config:
    """Merge the built-in defaults, the user config, ./briefgen.toml and ``explicit``.

    Raises:
        ConfigError: a file cannot be read or parsed, names an unknown setting or has a bad
            value; ``explicit`` does not exist.
    """
    values = {s.key: s.default for s in SETTINGS}
    sources = dict.fromkeys(values, BUILTIN)
    cwd = cwd or Path.cwd()
    user_dir = user_dir or user_config_dir()
    layers = [("user config", user_dir / CONFIG_NAME), ("working directory", cwd / CONFIG_NAME)]
    if explicit is not None:
        if not explicit.is_file():
            raise ConfigError(f"config file '{explicit}' not found; check the --config path")
        layers.append(("--config", explicit))
    files: list[tuple[str, Path, bool]] = []
    seen: set[Path] = set()
    for label, path in layers:
        resolved = path.resolve()
        if not path.is_file() or resolved in seen:
            files.append((label, path, False))
            continue
        seen.add(resolved)
        files.append((label, path, True))
        for key, value in read_config_file(path).items():
            values[key] = value
            sources[key] = f"{label} {path}"
    return Config(values, sources, tuple(files))


def read_config_file(path: Path) -> dict[str, Any]:
    """Read one briefgen.toml into ``{"section.key": value}``, values checked and converted.

    Raises:
        ConfigError: unreadable, not TOML, an unknown section or setting, or a bad value; the
            message names the file and the line.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise ConfigError(f"cannot read config '{path}': {getattr(e, 'strerror', None) or e}"
                          ) from e
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"config '{path}': TOML syntax error: {e}") from e
    out: dict[str, Any] = {}
    for section, table in data.items():
        if not isinstance(table, dict):
            guess = [k for k in KNOWN if k.endswith(f".{section}")]
            hint = f"; put it in its section, e.g. [{guess[0].split('.')[0]}]" if guess else ""
            raise ConfigError(f"config '{path}'{_at(text, None, section)}: setting '{section}' "
                              f"is outside a section{hint}")
        if section not in SECTIONS:
            raise ConfigError(f"config '{path}'{_at(text, None, section, table=True)}: unknown "
                              f"section [{section}]; sections are "
                              f"{', '.join(f'[{s}]' for s in SECTIONS)}")
        for name, value in table.items():
            key = f"{section}.{name}"
            where = f"config '{path}'{_at(text, section, name)}"
            if key not in KNOWN:
                close = difflib.get_close_matches(key, KNOWN, n=1)
                hint = f"; did you mean '{close[0]}'?" if close else (
                    f"; [{section}] knows: "
                    f"{', '.join(k.split('.')[1] for k in KNOWN if k.startswith(section + '.'))}")
                raise ConfigError(f"{where}: unknown setting '{key}'{hint}")
            out[key] = _convert(KNOWN[key], value, where, path.parent)
    return out


def _at(text: str, section: str | None, name: str, table: bool = False) -> str:
    """Return " line N" for where ``name`` is set (or its [table] opens) in ``text``."""
    current: str | None = None
    header = re.compile(r"^\s*\[\s*([^\]]+?)\s*\]")
    for number, line in enumerate(text.splitlines(), start=1):
        match = header.match(line)
        if match:
            current = match.group(1).strip().strip('"')
            if table and current == name:
                return f" line {number}"
            continue
        if not table and current == section and re.match(
                rf'^\s*(?:{re.escape(name)}|"{re.escape(name)}")\s*=', line):
            return f" line {number}"
    return ""


def _convert(setting: Setting, value: Any, where: str, base: Path) -> Any:
    """Check a value against its setting's kind and return it in the form the CLI uses."""
    kind = setting.kind

    def bad(expected: str) -> ConfigError:
        return ConfigError(f"{where}: '{setting.key}' must be {expected}, got {value!r}")

    if kind == "flag":
        if not isinstance(value, bool):
            raise bad("true or false")
        return value
    if kind in ("list", "formats"):
        if isinstance(value, str):
            value = [part.strip() for part in value.split(",") if part.strip()]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise bad("a list of strings")
        if kind == "formats":
            value = [v.lower() for v in value]
            unknown = [v for v in value if v not in OUTPUT_FORMATS]
            if unknown or not value:
                raise bad(f"a list of formats from {', '.join(OUTPUT_FORMATS)}")
            return tuple(dict.fromkeys(value))
        return tuple(value)
    if not isinstance(value, str):
        raise bad("a string")
    if kind == "text":
        return value or None
    checks: dict[str, Callable[[str], Any]] = {}
    if kind == "classification":
        from briefgen.markings import banner_level

        checks[kind] = banner_level
    elif kind == "mark":
        from briefgen.markings import normalize_portion_mark

        checks[kind] = normalize_portion_mark
    if kind in checks:
        if not value.strip():
            return None
        try:
            checked = checks[kind](value)
        except OptionError as e:
            raise ConfigError(f"{where}: '{setting.key}': {e}") from e
        return checked if kind == "mark" else value
    if kind == "path":
        return str(resolve_path(value, base)) if value else None
    if kind == "name-or-path":
        return str(resolve_path(value, base)) if value and is_path_like(value) else value or None
    raise AssertionError(f"unknown setting kind {kind}")


def is_path_like(value: str) -> bool:
    """True for a template or theme given as a file rather than a built-in name."""
    return any(sep in value for sep in ("/", "\\")) or value.startswith(("~", ".")) or \
        value.lower().endswith(PATH_SUFFIXES)


def resolve_path(value: str, base: Path) -> Path:
    """Resolve a path from a config file against the file's own folder (not the cwd)."""
    path = Path(value).expanduser()
    return path if path.is_absolute() else base / path


def describe(value: Any) -> str:
    """Show a setting's value as TOML would write it."""
    if value is None:
        return "(not set)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(describe(v) for v in value) + "]"
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'
