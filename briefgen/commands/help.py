"""How ``--help`` reads: words, not Python types, and each command's examples at its end.

typer 0.29 labels every parameter with its Python type (``--force <bool>``, ``INPUT
<list[str]>``, ``--max-chars <int range> [x>=1]``) and writes a required argument in the
usage line as ``{input_paths}...``. A newcomer reads neither. ``Command`` and ``Group`` (the
classes every briefgen command and command group is built with) show an option's value as
its metavar (``--date YYYY-MM-DD``), a flag as nothing, and an argument by its metavar
(``INPUT...``), in the options panel, the usage line and the usage errors alike.
"""

from __future__ import annotations

from typing import Any

from typer.core import HAS_RICH, TyperArgument, TyperCommand, TyperGroup, TyperOption

__all__ = ["Command", "Group", "examples"]


class PlainOption(TyperOption):
    """An option shown by its metavar (a flag: by its name alone), never by a Python type."""

    def display_type_rich(self, ctx: Any) -> str | None:
        if self.is_flag or self.count:
            return None
        return self.metavar  # every option that takes a value declares one (a test checks)

    def _get_number_range_help_str(self) -> str | None:
        return None  # "[x>=1]": the limit is checked and its error message says it


class PlainArgument(TyperArgument):
    """An argument shown by its metavar (``INPUT...``), in help, usage and errors.

    ``label`` holds the metavar; ``metavar`` itself stays None so that typer's options panel
    adds "..." to an argument that takes several values.
    """

    label: str

    @property
    def display_name_raw(self) -> str:
        return self.label

    def display_type_rich(self, ctx: Any) -> str | None:
        return None

    def _rich_display_name(self) -> str:
        return self.label + ("..." if self.nargs != 1 else "")

    def _usage_display_name(self) -> str:
        name = self.label if self.required else f"[{self.label}]"
        return name + ("..." if self.nargs != 1 else "")

    def _get_number_range_help_str(self) -> str | None:
        return None


def make_plain(params: list[Any]) -> None:
    """Give the parameters typer built the plain display (they are re-classed in place: the
    subclasses add no state but ``label``)."""
    for param in params:
        if type(param) is TyperOption:
            param.__class__ = PlainOption
        elif type(param) is TyperArgument:
            param.__class__ = PlainArgument
            param.label = param.metavar or param.name.upper()
            param.metavar = None


class PlainHelp:
    """What ``Command`` and ``Group`` share: plain parameters, and --help listed last, in the
    panel of the option before it."""

    params: list[Any]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        make_plain(self.params)

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None and type(option) is TyperOption:
            make_plain([option])
            panels = [getattr(p, "rich_help_panel", None) for p in self.params
                      if isinstance(p, TyperOption)]
            option.rich_help_panel = panels[-1] if panels else None
        return option


class Command(PlainHelp, TyperCommand):
    """A briefgen command: ``app.command(cls=Command, epilog=examples(...))``."""


class Group(PlainHelp, TyperGroup):
    """A briefgen command group: ``typer.Typer(cls=Group, epilog=examples(...))``."""


def examples(*pairs: tuple[str, str]) -> str:
    """The end of a command's help: each example as a shell comment saying what it does,
    then the command line, ready to copy (``\\`` continues a long one).

    Raises:
        ValueError: an example holds "[", which typer's rich help would read as markup
            (escaping it would mean importing rich, which ``--help`` of a command need not).
    """
    blocks = []
    for what, command in pairs:
        if "[" in what + command:
            raise ValueError(f"an example may not hold '[': {what!r}, {command!r}")
        blocks.append("\n".join([f"  # {what}", *(f"  {p}" for p in command.split("\n"))]))
    if HAS_RICH:
        return "[bold]Examples[/bold]\n\n" + "\n\n".join(blocks)
    # click's plain help rewraps a paragraph unless its first line is \b
    return "Examples\n\n" + "\n\n".join(f"\b\n{block}" for block in blocks)
