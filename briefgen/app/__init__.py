"""The application layer: one options object, planning a run, and the library's calls.

The command line, batch and Python users all go through these (see docs/architecture.md).
"""

from __future__ import annotations

from briefgen.app.options import RunOptions, parse_date
from briefgen.app.plan import Plan, plan_outputs, resolve_targets, writer_settings
from briefgen.app.run import (
    Generated,
    generate,
    make_brief,
    prepare,
    read_brief,
    render_memo,
    write,
    write_plan,
)

__all__ = ["Generated", "Plan", "RunOptions", "generate", "make_brief", "parse_date",
           "plan_outputs", "prepare", "read_brief", "render_memo", "resolve_targets", "write",
           "write_plan", "writer_settings"]
