"""Render a Jinja2 memo template, sandboxed and strict, with every value escaped for Markdown.

The sandbox keeps a template from Python's internals; ``BoundedEnvironment`` also keeps it
from the machine's memory and time: a value (string, list, number) it builds may not grow past
``MAX_VALUE_SIZE``, the memo it writes not past ``MAX_OUTPUT_CHARS``, the render not run
longer than ``RENDER_SECONDS`` nor take more than ``RENDER_MEMORY`` more memory. Each limit,
and a macro that calls itself without end, is a TemplateError naming the template and line.
"""

from __future__ import annotations

import contextlib
import functools
import re
import signal
import threading
import time
from collections.abc import Iterator
from typing import Any

import jinja2
from jinja2.compiler import CodeGenerator, Frame
from jinja2.nodes import Concat
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


#: The longest string or list, in characters or items, a template may build with ``*``, ``+``,
#: ``~`` or ``%`` (a memo's longest value, a long readout's summary, is some thousands).
MAX_VALUE_SIZE = 1_000_000
#: The largest number, in bits, a template may raise to a power (2**33,000 has 10,000 digits).
MAX_POWER_BITS = 33_000
#: The most Markdown a template may write; the memo of a 5-million-character readout is some
#: 15 million characters.
MAX_OUTPUT_CHARS = 32_000_000
#: How long a render may run; the memo of a 5-million-character readout takes a few seconds.
RENDER_SECONDS = 30.0
#: How much memory (address space, on Linux) a render may take beyond what the process holds.
RENDER_MEMORY = 512 * 2**20
#: A "%" format's width or precision, as in "%10s" or "%.*f".
FORMAT_WIDTH = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(\*|\d+)?(?:\.(\*|\d+))?")


class RenderLimitError(Exception):
    """A template went past one of the render limits (raised inside the render)."""


class BoundedCodeGenerator(CodeGenerator):
    """Compiles ``a ~ b`` to a join the environment checks (Jinja2 joins it unchecked)."""

    def visit_Concat(self, node: Concat, frame: Frame) -> None:  # noqa: N802 - Jinja2's name
        self.write("environment.bounded_concat((")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write("))")


class BoundedEnvironment(ImmutableSandboxedEnvironment):
    """The sandbox, with the size of every value a template builds and its time checked."""

    code_generator_class = BoundedCodeGenerator
    intercepted_binops = frozenset({"*", "**", "+", "%"})
    #: When the render under way must end (``time.monotonic()``); None outside a render.
    deadline: float | None = None

    def check_time(self) -> None:
        if self.deadline is not None and time.monotonic() > self.deadline:
            raise RenderLimitError(f"still rendering after {RENDER_SECONDS:.0f} s (a loop "
                                   "without end?); a template may take "
                                   f"{RENDER_SECONDS:.0f} s")

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        self.check_time()
        if operator == "*":
            for sequence, count in ((left, right), (right, left)):
                if isinstance(sequence, (str, list, tuple)) and is_int(count):
                    check_size(len(sequence) * count, f"'{operator}'")
        elif operator == "+" and isinstance(left, (str, list, tuple)) and \
                isinstance(right, (str, list, tuple)):
            check_size(len(left) + len(right), "'+'")
        elif operator == "**" and is_int(left) and is_int(right) and right > 0 and \
                abs(left) > 1 and abs(left).bit_length() * right > MAX_POWER_BITS:
            raise RenderLimitError(f"{left} ** {right} is a number of more than "
                                   f"{MAX_POWER_BITS:,} bits, more than a template may make")
        elif operator == "%" and isinstance(left, str):
            check_format(left, right)
        return super().call_binop(context, operator, left, right)

    def bounded_concat(self, values: tuple[Any, ...]) -> str:
        """Join ``a ~ b ~ ...`` as Jinja2 does (``str`` of each), within the size limit."""
        self.check_time()
        parts = [str(value) for value in values]
        check_size(sum(map(len, parts)), "'~'")
        return "".join(parts)

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
        __self.check_time()
        return super().call(__context, __obj, *args, **kwargs)

    def getattr(self, obj: Any, attribute: str) -> Any:
        self.check_time()
        return super().getattr(obj, attribute)


def is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def check_size(size: int, operator: str) -> None:
    if size > MAX_VALUE_SIZE:
        raise RenderLimitError(f"{operator} would make a value of {size:,} characters or "
                               f"items, more than the {MAX_VALUE_SIZE:,} a template may make")


def check_format(template: str, arguments: Any) -> None:
    """Refuse a "%" format whose widths or precisions would make a value past the limit."""
    values = arguments if isinstance(arguments, tuple) else (arguments,)
    for m in FORMAT_WIDTH.finditer(template):
        for number in m.groups():
            if number == "*":
                if any(is_int(v) and abs(v) > MAX_VALUE_SIZE for v in values):
                    check_size(max(abs(v) for v in values if is_int(v)), "'%'")
            elif number is not None:
                check_size(int(number), "'%'")


class Markdown(str):
    """A string a template may emit as Markdown without escaping (built by briefgen only)."""


def _finalize(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Markdown):
        return str(value)
    return escape_markdown(str(value))


NO_BREAK_SPACE = "\u00a0"


def format_ref(source: dict[str, Any] | None, multi: bool = False) -> Markdown:
    """Print a source reference compactly: "[¶4]", or "[2 ¶4]" when several documents (a
    no-break space inside, so that a line never breaks within the reference)."""
    if not source:
        return Markdown("")
    para = source.get("paragraph")
    doc = source.get("document", 1)
    return Markdown(rf"\[{doc}{NO_BREAK_SPACE}¶{para}\]" if multi else rf"\[¶{para}\]")


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


def make_environment() -> BoundedEnvironment:
    """Return the sandboxed, strict, bounded Jinja2 environment every template runs in."""
    env = BoundedEnvironment(
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
    env = _environment()
    try:
        # Compiling folds constant expressions ("x"|center(10**9)): the limits hold there too
        # (an expression past them is left to the render, which reports it).
        with render_limits(env):
            return env.from_string(source)
    except jinja2.TemplateSyntaxError as e:
        raise TemplateError(f"template '{name}' line {e.lineno}: syntax error: "
                            f"{_one_line(e.message)}") from e


@functools.lru_cache(maxsize=1)
def _environment() -> BoundedEnvironment:
    return make_environment()


def render_template(name_or_path: str, context: dict[str, Any]) -> str:
    """Render a template to Markdown text.

    Raises:
        TemplateError: the template is missing, has a syntax error, uses an unknown field or
            reaches for something the sandbox forbids.
    """
    name, template = load_template(name_or_path)
    try:
        with render_limits(_environment()):
            return bounded_render(template, context)
    except RenderLimitError as e:
        raise TemplateError(f"{_where(name, e)}: {e}") from e
    except RecursionError as e:
        raise TemplateError(f"{_where(name, e)}: recursion too deep (a macro that calls "
                            "itself without end?)") from e
    except MemoryError as e:
        raise TemplateError(f"{_where(name, e)}: out of memory: a template may take "
                            f"{RENDER_MEMORY // 2**20} MB") from e
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


def bounded_render(template: jinja2.Template, context: dict[str, Any]) -> str:
    """Render piece by piece (as ``Template.render`` joins them), within the output limit."""
    parts: list[str] = []
    size = 0
    for part in template.generate(**context):
        size += len(part)
        if size > MAX_OUTPUT_CHARS:
            raise RenderLimitError(f"the memo is past {MAX_OUTPUT_CHARS:,} characters (a loop "
                                   "without end?), more than a template may write")
        parts.append(part)
    return "".join(parts)


@contextlib.contextmanager
def render_limits(env: BoundedEnvironment) -> Iterator[None]:
    """Hold a render to ``RENDER_SECONDS`` and ``RENDER_MEMORY``.

    Time: the environment checks its deadline at every call, attribute and operator, and in
    the main thread a timer (SIGALRM) interrupts a loop that makes none of those. Memory: on
    Linux the address space the process may take is capped, for the render only, at what it
    holds plus ``RENDER_MEMORY``, so that an allocation past it is a MemoryError here rather
    than the machine's memory gone (a filter such as ``center`` or ``replace`` can make a
    gigabyte at once).
    """
    env.deadline = time.monotonic() + RENDER_SECONDS
    timer = _start_timer()
    memory = _cap_memory()
    try:
        yield
    finally:
        _stop_timer(timer)
        _restore_memory(memory)
        env.deadline = None


def _on_alarm(signum: int, frame: object) -> None:
    raise RenderLimitError(f"still rendering after {RENDER_SECONDS:.0f} s (a loop without "
                           f"end?); a template may take {RENDER_SECONDS:.0f} s")


def _start_timer() -> Any:
    """Arm SIGALRM for the render, when this is the main thread and nobody else uses it."""
    if not hasattr(signal, "setitimer") or \
            threading.current_thread() is not threading.main_thread() or \
            signal.getsignal(signal.SIGALRM) not in (signal.SIG_DFL, None) or \
            signal.getitimer(signal.ITIMER_REAL)[0]:
        return None
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_REAL, RENDER_SECONDS)
    return previous


def _stop_timer(previous: Any) -> None:
    if previous is not None:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _cap_memory() -> tuple[int, int] | None:
    """Cap the address space at its present size plus ``RENDER_MEMORY``; return the old
    limits (None where there are none to set: not Linux, or already lower)."""
    try:
        import resource

        with open("/proc/self/statm", encoding="ascii") as statm:
            size = int(statm.read().split()[0]) * resource.getpagesize()
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        cap = size + RENDER_MEMORY
        if (soft != resource.RLIM_INFINITY and soft <= cap) or \
                (hard != resource.RLIM_INFINITY and hard < cap):
            return None
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
        return soft, hard
    except (ImportError, OSError, ValueError):
        return None


def _restore_memory(previous: tuple[int, int] | None) -> None:
    if previous is not None:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, previous)


def _one_line(message: object) -> str:
    """Collapse a message onto one line (the error boundary prints exactly one)."""
    return " ".join(str(message).split())


def _where(name: str, error: BaseException) -> str:
    """Name the template, and the line when the error happened on one."""
    line = _error_line(error)
    return f"template '{name}'" + (f" line {line}" if line != "?" else "")


def _error_line(error: BaseException) -> str:
    """Find the template line of a render error from the traceback Jinja2 rewrites."""
    tb = error.__traceback__
    line = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return str(line) if line is not None else "?"
