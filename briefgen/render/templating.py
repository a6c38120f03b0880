"""Render a Jinja2 memo template, sandboxed and strict, with every value escaped for Markdown."""

from __future__ import annotations

import functools
from typing import Any

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError

from briefgen.errors import TemplateError
from briefgen.render import format_long_date
from briefgen.render.catalog import (
    TEMPLATE_SUFFIX,
    builtin_templates,
    find_template,
    templates_dir,
)
from briefgen.render.markup import escape_markdown

__all__ = [
    "TEMPLATE_SUFFIX", "Markdown", "builtin_templates", "find_template", "format_long_date",
    "format_person", "format_ref", "format_series", "format_upfirst", "load_template",
    "make_environment", "render_template", "templates_dir",
]


class Markdown(str):
    """A string a template may emit as Markdown without escaping (built by briefgen only)."""


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


def format_series(items: Any, conjunction: str = "and") -> str:
    """Join items the memo way: "A", "A and B", "A, B, and C" (serial comma)."""
    words = [str(item) for item in items if item not in (None, "")]
    if len(words) <= 2:
        return f" {conjunction} ".join(words)
    return f"{', '.join(words[:-1])}, {conjunction} {words[-1]}"


def format_upfirst(value: Any) -> str:
    """Capitalise the first letter only ("affirmed that the U.S." -> "Affirmed that the U.S.")."""
    text = str(value)
    return text[:1].upper() + text[1:]


def format_person(person: Any, titled: bool = False) -> str:
    """Name an attendee with rank ("Major General Miguel Correa"), and title in parentheses."""
    name = " ".join(part for part in (person.get("rank"), person.get("name")) if part)
    if titled and person.get("title"):
        return f"{name} ({person['title']})"
    return name


def make_environment() -> ImmutableSandboxedEnvironment:
    """Return the sandboxed, strict Jinja2 environment every template runs in."""
    env = ImmutableSandboxedEnvironment(
        undefined=jinja2.StrictUndefined, finalize=_finalize, autoescape=False,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters["ref"] = format_ref
    env.filters["longdate"] = format_long_date
    env.filters["md"] = lambda value: Markdown(str(value))
    env.filters["series"] = format_series
    env.filters["upfirst"] = format_upfirst
    env.filters["person"] = format_person
    return env


def load_template(name_or_path: str) -> tuple[str, jinja2.Template]:
    """Find and compile a template, so a bad one is reported before any slow work.

    Raises:
        TemplateError: the template is missing or has a syntax error.
    """
    name, source = find_template(name_or_path)
    return name, _compile(name, source)


@functools.lru_cache(maxsize=16)
def _compile(name: str, source: str) -> jinja2.Template:
    """Compile a template's source once per process (keyed by its text, so edits are seen).

    Raises:
        TemplateError: a syntax error.
    """
    try:
        return _environment().from_string(source)
    except jinja2.TemplateSyntaxError as e:
        raise TemplateError(f"template '{name}' line {e.lineno}: syntax error: "
                            f"{_one_line(e.message)}") from e


@functools.lru_cache(maxsize=1)
def _environment() -> ImmutableSandboxedEnvironment:
    return make_environment()


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
        raise TemplateError(f"template '{name}' line {_error_line(e)}: not allowed in a "
                            f"template: {_one_line(e)}") from e
    except jinja2.UndefinedError as e:
        raise TemplateError(f"template '{name}' line {_error_line(e)}: unknown field: "
                            f"{_one_line(e.message)}") from e
    except jinja2.TemplateError as e:
        raise TemplateError(f"template '{name}' line {_error_line(e)}: {_one_line(e)}") from e
    except (TypeError, ValueError, AttributeError, KeyError, IndexError, ZeroDivisionError,
            OverflowError) as e:
        raise TemplateError(f"template '{name}' line {_error_line(e)}: "
                            f"{type(e).__name__}: {_one_line(e)}") from e


def _one_line(message: object) -> str:
    """Collapse a message onto one line (the error boundary prints exactly one)."""
    return " ".join(str(message).split())


def _error_line(error: BaseException) -> str:
    """Find the template line of a render error from the traceback Jinja2 rewrites."""
    tb = error.__traceback__
    line = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return str(line) if line is not None else "?"
