"""Render a Brief through a memo template into the format-neutral Document."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from briefgen.document import Document, Metadata
from briefgen.model import JOINT, Brief

DEFAULT_TEMPLATE = "memo"


@dataclass(frozen=True, slots=True)
class MemoOptions:
    """What the user says about the memo itself, as opposed to what the source says."""

    to: str = "Distribution"
    sender: str = "Analyst"
    date: dt.date | None = None
    subject: str | None = None
    author: str | None = None
    keywords: tuple[str, ...] = field(default_factory=tuple)


def template_context(brief: Brief, options: MemoOptions) -> dict[str, Any]:
    """Return the variables every template sees (documented in README)."""
    data = brief.to_dict()
    memo_date = options.date or dt.date.today()
    # A hand-written Brief may name a party it does not list: it gets a group of its own so
    # that none of its attendees or positions is left out of the memo.
    named = [p["name"] for p in data["parties"]]
    aliases = {p["name"]: p["aliases"] for p in data["parties"]}
    used = [item["party"] for item in (*data["attendees"], *data["positions"])]
    names = list(dict.fromkeys([*named, *(n for n in used if n is not None and n != JOINT)]))
    groups = []
    for name in names:
        groups.append({
            "name": name,
            "aliases": aliases.get(name, []),
            "attendees": [a for a in data["attendees"] if a["party"] == name],
            "positions": [p for p in data["positions"] if p["party"] == name],
        })
    unaffiliated = [a for a in data["attendees"] if a["party"] is None or a["party"] == JOINT]
    if unaffiliated:
        groups.append({"name": "Other participants", "aliases": [], "attendees": unaffiliated,
                       "positions": []})
    return {
        "brief": data,
        "memo": {
            "to": options.to,
            "sender": options.sender,
            "date": memo_date,
            "subject": options.subject or brief.title,
        },
        "parties": groups,
        "joint_positions": [p for p in data["positions"] if p["party"] == JOINT],
        "multi_source": len(data["sources"]) > 1,
    }


def render_document(brief: Brief, options: MemoOptions | None = None,
                    template: str = DEFAULT_TEMPLATE) -> Document:
    """Render ``brief`` with ``template`` (a built-in name or a file) into a Document.

    Raises:
        TemplateError: the template is missing or fails to render.
    """
    from briefgen.render.markup import parse_markdown
    from briefgen.render.templating import render_template

    options = options or MemoOptions()
    context = template_context(brief, options)
    markdown = render_template(template, context)
    created = None
    if options.date is not None:
        created = dt.datetime.combine(options.date, dt.time(), tzinfo=dt.timezone.utc)
    metadata = Metadata(
        title=context["memo"]["subject"],
        subject=f"Briefing memo: {brief.title}",
        author=options.author or options.sender,
        keywords=options.keywords or tuple(
            ["briefing memo", *(p.name for p in brief.parties)]),
        created=created,
    )
    return parse_markdown(markdown, metadata)


def render_markdown(brief: Brief, options: MemoOptions | None = None,
                    template: str = DEFAULT_TEMPLATE) -> str:
    """Return the Markdown a template renders for ``brief`` (for inspection and tests).

    Raises:
        TemplateError: the template is missing or fails to render.
    """
    from briefgen.render.templating import render_template

    return render_template(template, template_context(brief, options or MemoOptions()))
