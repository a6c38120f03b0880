"""``briefgen templates``: list, show and export the built-in memo templates (no Jinja2 import)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from briefgen.commands.console import error_boundary, write_utf8
from briefgen.commands.help import Command, Group, examples
from briefgen.commands.options import DebugOpt

SEED = "seeds/000_0ff103b2e130dde9.txt"
app = typer.Typer(
    name="templates",
    cls=Group,
    help="List, show and export the built-in memo templates.",
    epilog=examples(
        ("the built-in templates, one line each", "briefgen templates list"),
        ("the source of the default template", "briefgen templates show memo"),
        ("a copy to customise, then used", "briefgen templates export memo mine.md.j2"),
    ),
    no_args_is_help=True,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)



@app.command("list", cls=Command, epilog=examples(
    ("the built-in templates: name and what each writes", "briefgen templates list"),
    ("then one of them", f"briefgen generate {SEED} -t memcon -o memcon.pdf"),
))
def list_templates(debug: DebugOpt = False) -> None:
    """List the built-in templates, one per line: name and what it writes."""
    from briefgen.render.catalog import list_templates as catalog

    with error_boundary(debug):
        infos = catalog()
        width = max((len(info.name) for info in infos), default=0)
        for info in infos:
            typer.echo(f"{info.name:<{width}}  {info.description}".rstrip())


@app.command("show", cls=Command, epilog=examples(
    ("the default template's source", "briefgen templates show memo"),
    ("the one-page template's", "briefgen templates show one-pager"),
))
def show(
    name: Annotated[str, typer.Argument(metavar="NAME",
                                        help="Built-in template name (see 'templates list').",
                                        show_default=False)],
    debug: DebugOpt = False,
) -> None:
    """Print the source of a built-in template."""
    from briefgen.render.catalog import builtin_source

    with error_boundary(debug):
        write_utf8(builtin_source(name))


@app.command("export", cls=Command, epilog=examples(
    ("a copy of the default template to edit", "briefgen templates export memo mine.md.j2"),
    ("the memo through the edited copy", f"briefgen generate {SEED} -t mine.md.j2 -o mine.pdf"),
    ("into a folder: ./one-pager.md.j2", "briefgen templates export one-pager ."),
))
def export(
    name: Annotated[str, typer.Argument(metavar="NAME", help="Built-in template name.",
                                        show_default=False)],
    dest: Annotated[Path, typer.Argument(
        metavar="DEST", help="File to write, or a folder (the file is then NAME.md.j2 in it).",
        show_default=False)],
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
    debug: DebugOpt = False,
) -> None:
    """Copy a built-in template to DEST to customise it; use it with --template DEST."""
    from briefgen.errors import OutputError
    from briefgen.render.catalog import TEMPLATE_SUFFIX, builtin_source
    from briefgen.writers import atomic_path

    with error_boundary(debug):
        source = builtin_source(name)
        target = dest / f"{name}{TEMPLATE_SUFFIX}" if dest.is_dir() else dest
        parent = target.parent if str(target.parent) else Path(".")
        if not parent.is_dir():
            raise OutputError(f"cannot write '{target}': directory '{parent}' does not exist; "
                              "create it first")
        if target.is_symlink() and not force:
            raise OutputError(f"'{target}' is a symbolic link; use --force to replace the link "
                              "with the template (the file it points to is left alone)")
        if target.exists() and not force:
            raise OutputError(f"'{target}' already exists; use --force to overwrite it")
        with atomic_path(target, force=force) as tmp:
            tmp.write_text(source, encoding="utf-8")
        typer.echo(str(target))
