"""Write the Brief itself as UTF-8 JSON, exactly as ``briefgen extract --json`` prints it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefgen.model import Brief
    from briefgen.writers import WriterSettings


def dumps(brief: Brief) -> str:
    """Return the JSON text of ``brief.to_dict()``: indented, non-ASCII kept, newline-ended."""
    return json.dumps(brief.to_dict(), ensure_ascii=False, indent=2) + "\n"


def write(brief: Brief, path: Path, settings: WriterSettings | None = None) -> tuple[str, ...]:
    """Write ``brief`` to ``path`` as JSON; no warnings (themes and letterheads do not apply)."""
    path.write_text(dumps(brief), encoding="utf-8")
    return ()
