"""briefgen: turn a meeting readout, press release or joint statement into a briefing memo.

The library (the command line is a thin layer over these calls)::

    import briefgen

    options = briefgen.RunOptions(template="one-pager")
    brief = briefgen.make_brief("readout.txt", options)   # -> Brief
    document = briefgen.render_memo(brief, options)       # -> Document
    briefgen.write(document, "memo.pdf")                  # format from the suffix
    briefgen.write(brief, "brief.json")                   # the Brief itself
    brief = briefgen.read_brief("brief.json")             # read it back
    briefgen.generate("readout.txt", "memo.pdf", options) # all of it in one call

Importing ``briefgen`` loads none of them: each is imported on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["Generated", "MemoOptions", "RunOptions", "__version__", "generate", "make_brief",
           "read_brief", "render_memo", "write"]

if TYPE_CHECKING:
    from briefgen.app import (
        Generated,
        RunOptions,
        generate,
        make_brief,
        read_brief,
        render_memo,
        write,
    )
    from briefgen.render import MemoOptions

_LAZY = {"Generated": "briefgen.app", "RunOptions": "briefgen.app", "generate": "briefgen.app",
         "make_brief": "briefgen.app", "read_brief": "briefgen.app",
         "render_memo": "briefgen.app", "write": "briefgen.app",
         "MemoOptions": "briefgen.render"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'briefgen' has no attribute {name!r}")
