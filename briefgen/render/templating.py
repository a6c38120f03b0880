"""Render a Jinja2 memo template, sandboxed and strict, with every value escaped for Markdown."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError

from briefgen.errors import TemplateError
from briefgen.render.markup import escape_markdown

TEMPLATE_SUFFIX = ".md.j2"


class Markdown(str):
    """A string a template may emit as Markdown without escaping (built by briefgen only)."""


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


def find_template(name_or_path: str) -> tuple[str, str]:
    """Return (display name, source) of a built-in template name or a template file path.

    Raises:
        TemplateError: no such template.
    """
    builtins = builtin_templates()
    if name_or_path in builtins:
        path = builtins[name_or_path]
        return name_or_path, path.read_text(encoding="utf-8")
    path = Path(name_or_path)
    if path.is_file():
        try:
            return str(path), path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            raise TemplateError(f"cannot read template '{path}': {e}") from e
    known = ", ".join(builtins) or "none installed"
    raise TemplateError(f"no template '{name_or_path}'; give a file path or one of: {known}")


def _finalize(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Markdown):
        return str(value)
    return escape_markdown(str(value))


def format_ref(source: dict[str, Any] | None, multi: bool = False) -> Markdown:
    """Print a source reference compactly: "[¶4]", or "[2 ¶4]" when several documents."""
    if not source:
        return Markdown("")
    para = source.get("paragraph")
    doc = source.get("document", 1)
    return Markdown(rf"\[{doc} ¶{para}\]" if multi else rf"\[¶{para}\]")


def format_long_date(value: Any) -> str:
    """Write a date the memo way: "July 1, 2020"."""
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value)
        except ValueError:
            return value
    if isinstance(value, (dt.date, dt.datetime)):
        return f"{value:%B} {value.day}, {value.year}"
    return str(value)


def make_environment() -> ImmutableSandboxedEnvironment:
    """Return the sandboxed, strict Jinja2 environment every template runs in."""
    env = ImmutableSandboxedEnvironment(
        undefined=jinja2.StrictUndefined, finalize=_finalize, autoescape=False,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters["ref"] = format_ref
    env.filters["longdate"] = format_long_date
    env.filters["md"] = lambda value: Markdown(str(value))
    return env


def load_template(name_or_path: str) -> tuple[str, jinja2.Template]:
    """Find and compile a template, so a bad one is reported before any slow work.

    Raises:
        TemplateError: the template is missing or has a syntax error.
    """
    name, source = find_template(name_or_path)
    try:
        return name, make_environment().from_string(source)
    except jinja2.TemplateSyntaxError as e:
        raise TemplateError(f"template '{name}' line {e.lineno}: syntax error: {e.message}") from e


def render_template(name_or_path: str, context: dict[str, Any]) -> str:
    """Render a template to Markdown text.

    Raises:
        TemplateError: the template is missing, has a syntax error, uses an unknown field or
            reaches for something the sandbox forbids.
    """
    name, template = load_template(name_or_path)
    try:
        return template.render(**context)
    except SecurityError as e:
        raise TemplateError(f"template '{name}': not allowed in a template: {e}") from e
    except jinja2.UndefinedError as e:
        raise TemplateError(f"template '{name}' line {_error_line(e)}: unknown field: "
                            f"{e.message}") from e
    except jinja2.TemplateError as e:
        raise TemplateError(f"template '{name}' line {_error_line(e)}: {e}") from e
    except (TypeError, ValueError, AttributeError, KeyError, IndexError, ZeroDivisionError) as e:
        raise TemplateError(f"template '{name}' line {_error_line(e)}: {e}") from e


def _error_line(error: BaseException) -> str:
    """Find the template line of a render error from the traceback Jinja2 rewrites."""
    tb = error.__traceback__
    line = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return str(line) if line is not None else "?"
