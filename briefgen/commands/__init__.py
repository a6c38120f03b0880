"""Sub-commands (typer sub-apps): ``briefgen templates`` and ``briefgen config``."""
