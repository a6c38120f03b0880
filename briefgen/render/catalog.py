"""Find the built-in memo templates and describe them, without importing Jinja2."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from briefgen.errors import TemplateError

TEMPLATE_SUFFIX = ".md.j2"
#: The first Jinja2 comment of a template; its first line is the template's description.
FIRST_COMMENT = re.compile(r"\A\s*\{#-?\s*(.*?)\s*-?#\}", re.DOTALL)


@dataclass(frozen=True, slots=True)
class TemplateInfo:
    """A built-in template: its name, file and one-line description."""

    name: str
    path: Path
    description: str


def templates_dir() -> Path:
    """Return the built-in templates folder, in an installed wheel or in a source checkout."""
    installed = Path(__file__).resolve().parent.parent / "templates"
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parent.parent.parent / "templates"


def builtin_templates() -> dict[str, Path]:
    """Map built-in template names ("memo") to their files."""
    folder = templates_dir()
    return {p.name[: -len(TEMPLATE_SUFFIX)]: p for p in sorted(folder.glob(f"*{TEMPLATE_SUFFIX}"))}


def describe_template(source: str) -> str:
    """Return the first line of a template's leading ``{# ... #}`` comment, or ""."""
    match = FIRST_COMMENT.match(source)
    if not match:
        return ""
    return match.group(1).strip().splitlines()[0].strip() if match.group(1).strip() else ""


def list_templates() -> list[TemplateInfo]:
    """Return every built-in template with its description, by name."""
    return [TemplateInfo(name, path, describe_template(path.read_text(encoding="utf-8")))
            for name, path in builtin_templates().items()]


def builtin_source(name: str) -> str:
    """Return the source of the built-in template ``name``.

    Raises:
        TemplateError: there is no built-in template of that name.
    """
    builtins = builtin_templates()
    if name not in builtins:
        known = ", ".join(builtins) or "none installed"
        raise TemplateError(f"no built-in template '{name}'; choose one of: {known}")
    return builtins[name].read_text(encoding="utf-8")


def find_template(name_or_path: str) -> tuple[str, str]:
    """Return (display name, source) of a built-in template name or a template file path.

    Raises:
        TemplateError: no such template, or the file cannot be read.
    """
    builtins = builtin_templates()
    if name_or_path in builtins:
        return name_or_path, builtins[name_or_path].read_text(encoding="utf-8")
    path = Path(name_or_path).expanduser()
    if path.is_file():
        try:
            return name_or_path, path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            raise TemplateError(f"cannot read template '{path}': {e}") from e
    if path.is_dir():
        raise TemplateError(f"template '{name_or_path}' is a directory; give a "
                            f"{TEMPLATE_SUFFIX} file")
    known = ", ".join(builtins) or "none installed"
    raise TemplateError(f"no template '{name_or_path}'; give a file path or one of: {known}")
