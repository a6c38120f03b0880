"""Decide which quoted sentences a memo prints: each once, and within its page and word budget.

Two rules, the same for every template and every output format (they act on the template's
variables, before any writer runs):

**Each source sentence is printed once.** The bottom line comes first and is never repeated.
An agreement, decision or next step is printed under Outcomes and Next Steps (what a principal
asks first), and not again as a position or key point. A sentence that states a party's
position is printed under that party (where the reader learns who said it), so the key
points are chosen among the sentences no outcome, position or bottom line prints, and the
context among what is left after them.

**The memo fits its budget.** For a source of ``RATIO_FROM`` words or more the memo prints at
most ``WORD_RATIO`` of the source's words (header, participants and small print included);
and it takes no more pages than its template's rule (``PAGE_RULES``): the memo one page for a
source up to 500 words, two up to 1,500, three beyond; the one-pager one page; the readout
one screen. When the memo would be over, the items of least weight are left out, one at a
time, and the memo names the references of what it left out. Weight: the bottom line always
stays, then the outcomes, then the top key point, then each speaking party's best-ranked
position, then the other key points and positions by the extraction's rank (a key point's place in
``Brief.key_points``, then document order), then the context. A shorter template (the
one-pager, the readout) prints no sentence the full memo leaves out.

The height of a memo is estimated from its Document with the default theme's measures at
the narrower text width of Letter and A4 (``LINE_CHARACTERS``) and the shorter page height
(Letter, ``PAGE_LINES``), so that a memo the estimate fits on N pages fits on N in both; the
bench (bench/memo_economy.py) and the PDF read-back tests check it against the writers.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from briefgen.document import (
    BulletList,
    Document,
    FieldList,
    Heading,
    Paragraph,
    Rule,
    Table,
    plain_text,
)
from briefgen.model import JOINT

WORD_RATIO = 0.8
RATIO_FROM = 300  # source words from which the word ratio applies
#: Body-text characters on a line: A4's text width (451 pt) at 10.5 pt DejaVu Sans.
LINE_CHARACTERS = 84
#: Body lines (10.5 pt at 1.25 leading) the estimate may fill on a page: Letter's text height
#: holds 49; the estimate runs some 5% over what the writers set, and the rest is for what it
#: cannot see (a line broken early at a long word, a table's wrapped cell).
PAGE_LINES = 48
#: Each further page: less, for the space a page break wastes (a block kept with its
#: heading or in one piece moves on whole, leaving the foot of the page empty).
NEXT_PAGE_LINES = 40
#: One screen of an email or a browser window, in the same lines.
SCREEN_LINES = 36
#: Printed words the writers add: "Page X of Y" on every page.
PAGE_FOOTER_WORDS = 4


def memo_pages(source_words: int | None) -> int:
    """The pages the default memo may take for a source of ``source_words`` words."""
    if source_words is None or source_words <= 500:
        return 1 if source_words is not None else 2
    return 2 if source_words <= 1500 else 3


def page_lines(pages: int) -> float:
    """The estimated lines ``pages`` pages hold."""
    return PAGE_LINES + NEXT_PAGE_LINES * (pages - 1)


#: Lines each template may fill, by the source's words. Another template follows the memo.
PAGE_RULES: dict[str, Callable[[int | None], float]] = {
    "memo": lambda words: page_lines(memo_pages(words)),
    "memcon": lambda words: page_lines(memo_pages(words)),
    "one-pager": lambda words: PAGE_LINES,
    "readout": lambda words: SCREEN_LINES,
}


@dataclass(frozen=True, slots=True)
class Measure:
    """How the theme's body text sets against the default theme's, each as a ratio (1.0: the
    default's): an average character's ``width`` and a line's ``height``. The State preset's
    14 pt Times sets 1.22 times as wide and 1.33 times as tall as the default's 10.5 pt."""

    width: float = 1.0
    height: float = 1.0


DEFAULT_MEASURE = Measure()


@dataclass(frozen=True, slots=True)
class Budget:
    """What a memo may print: estimated lines, and words (None: no word limit)."""

    lines: float
    words: int | None
    measure: Measure = DEFAULT_MEASURE

    @classmethod
    def of(cls, template: str, source_words: int | None,
           measure: Measure = DEFAULT_MEASURE) -> Budget:
        rule = PAGE_RULES.get(template, PAGE_RULES["memo"])
        words = None
        if source_words is not None and source_words >= RATIO_FROM:
            words = int(WORD_RATIO * source_words)
        return cls(rule(source_words), words, measure)

    def holds(self, document: Document) -> bool:
        lines = estimate_lines(document, self.measure)
        if lines > self.lines:
            return False
        if self.words is None:
            return True
        pages = 1 + max(0, math.ceil((lines - PAGE_LINES) / NEXT_PAGE_LINES))
        return count_words(document) + PAGE_FOOTER_WORDS * pages <= self.words


def count_words(document: Document) -> int:
    """Words the memo prints (every block's visible text; an annex is no part of the memo)."""
    return sum(len(text.split()) for text in Document(document.metadata, document.blocks).texts())


def text_lines(text: str, characters: float) -> int:
    return max(1, math.ceil(len(text) / characters))


def estimate_lines(document: Document, measure: Measure = DEFAULT_MEASURE) -> float:
    """The memo's height in body lines (10.5 pt at 1.25 leading, 13.1 pt), spacing included.

    Mirrors the default theme (``briefgen.writers.styles.layout_for``): a title 2.5 lines, a
    section heading 2.4, a subheading 1.9, a paragraph its lines and half a line, a bullet
    its lines (at the indented width) and a quarter, a table row 1.5 lines a text line of its
    widest cell, small print 0.86 of a line per line of 100 characters. Another theme's
    ``measure`` puts fewer characters on a line and makes each line taller, in the same
    proportions.
    """
    characters = LINE_CHARACTERS / measure.width
    lines = 0.0
    for block in document.blocks:
        if isinstance(block, Heading):
            lines += 2.5 if block.level <= 1 else 2.2 if block.level == 2 else 1.5
        elif isinstance(block, Paragraph):
            text = plain_text(block.content)
            if block.role == "note":
                lines += 0.86 * text_lines(text, 100 / measure.width) + 0.3
            else:
                lines += text_lines(text, characters) + 0.5
        elif isinstance(block, BulletList):
            lines += sum(text_lines(plain_text(item), characters - 4) + 0.25
                         for item in block.items)
        elif isinstance(block, Table):
            shares = block.column_shares()
            for row in (block.header, *block.rows):
                tallest = max((text_lines(plain_text(cell),
                                          max(share * 94 / measure.width - 2, 4))
                               for cell, share in zip(row, shares)), default=1)
                lines += 0.75 * tallest + 0.75
            lines += 0.9  # the space after a table
        elif isinstance(block, FieldList):
            lines += 1.15 * len(block.fields)
        elif isinstance(block, Rule):
            lines += 1.0
    return lines * measure.height


# --------------------------------------------------------------------------- the selection


def sentence_key(item: dict[str, Any]) -> tuple[int, str]:
    """Identify a quoted sentence by its document and its words (a hand-edited Brief may
    number two different sentences alike, and a source may say one sentence twice)."""
    return item["source"].get("document", 1), " ".join(item["sentence"].split())


def candidates(data: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """Split the Brief's quoted items so that each sentence is in one place only.

    Returns the bottom line, outcomes, positions, key points and context the memo may print:
    no outcome repeats a bottom-line sentence, no position an outcome or the bottom line, a
    sentence stated for several parties is printed under the first of them (joint first,
    then the parties in order), no key point repeats a position, no context item a key point.
    """
    bottom = list(data.get("bottom_line", []))
    seen = {sentence_key(item) for item in bottom}
    # A Brief written before ``bottom_line`` existed: its summary holds those sentences.
    summary = "" if bottom else data.get("summary", "")

    def fresh(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
        out = []
        for item in items:
            key = sentence_key(item)
            if key in seen or (summary and len(key[1].split()) > 2 and key[1] in summary):
                continue
            seen.add(key)
            out.append(item)
        return out

    order = [JOINT, *(p["name"] for p in data["parties"])]
    first = {name: i for i, name in reversed(list(enumerate(order)))}
    outcomes = fresh(list(data.get("outcomes", [])))
    by_party = sorted(data["positions"], key=lambda p: first.get(p["party"], len(order)))
    kept = {id(p) for p in fresh(by_party)}
    positions = [p for p in data["positions"] if id(p) in kept]
    return {"bottom_line": bottom, "outcomes": outcomes, "positions": positions,
            "key_points": fresh(list(data["key_points"])), "context": fresh(list(data["context"]))}


def ranked(data: dict[str, Any], pools: dict[str, list[dict[str, Any]]]) -> list[tuple[str, int]]:
    """Every printable item as (kind, index), most weighty first (see the module's rules)."""
    rank = {sentence_key(k): i for i, k in enumerate(data["key_points"])}
    positions, key_points = pools["positions"], pools["key_points"]

    def weight(item: dict[str, Any]) -> tuple[int, int, int]:
        key = sentence_key(item)
        source = item["source"]
        if key in rank:
            return 0, rank[key], 0
        return 1, source.get("document", 1), source.get("sentence", 0)

    order = sorted(range(len(positions)), key=lambda i: weight(positions[i]))
    firsts: dict[str, int] = {}
    for i in order:
        firsts.setdefault(positions[i]["party"], i)
    head = [("positions", i) for i in sorted(firsts.values(), key=lambda i: weight(positions[i]))]
    rest = [("positions", i) for i in order if i not in firsts.values()]
    rest += [("key_points", i) for i in range(len(key_points))]
    rest.sort(key=lambda kind_index: weight(pools[kind_index[0]][kind_index[1]]))
    # The top key point comes first after the bottom line, so that every section has one.
    tops = [x for x in rest if x[0] == "key_points"][:1]
    rest = [x for x in rest if x not in tops]
    bottom = [("bottom_line", i) for i in range(len(pools["bottom_line"]))]
    outcomes = [("outcomes", i) for i in range(len(pools["outcomes"]))]
    return (bottom + outcomes + tops + head + rest +
            [("context", i) for i in range(len(pools["context"]))])


def source_words(data: dict[str, Any]) -> int | None:
    """The sources' words together; None when a source's count is unknown (an old Brief)."""
    counts = [s.get("words") for s in data.get("sources", [])]
    if not counts or any(c is None for c in counts):
        return None
    return sum(counts)


def fit(data: dict[str, Any], render: Callable[[dict[str, Any]], Document],
        budget: Budget, within: set[tuple[int, str]] | None = None
        ) -> tuple[dict[str, Any], Document]:
    """Choose the items to print: all of them if the memo then holds its budget, else the
    most weighty that do (found by halving), the bottom line's first sentence always.

    ``render`` turns a selection (``select``'s result) into the Document it makes;
    ``within``, when given, are the only sentences that may be printed (a shorter template
    prints no more than the full memo does). Returns the selection and its Document.
    """
    pools = candidates(data)
    order = ranked(data, pools)
    beyond: list[tuple[str, int]] = []  # what the full memo does not print either
    if within is not None:
        beyond = [(kind, i) for kind, i in order if kind != "bottom_line"
                  and sentence_key(pools[kind][i]) not in within]
        outside = set(beyond)
        order = [x for x in order if x not in outside]
    least = min(1, len(pools["bottom_line"]))  # the bottom line's first sentence always stays

    def attempt(count: int) -> tuple[dict[str, Any], Document]:
        selection = select(pools, order[:count], order[count:] + beyond)
        return selection, render(selection)

    best = attempt(len(order))
    if budget.holds(best[1]):
        return best
    # An upper bound that needs no render: the items' own words alone must fit.
    low, high = least, len(order)
    if budget.words is not None:
        total = 0
        for count, (kind, index) in enumerate(order, start=1):
            total += len(pools[kind][index]["sentence"].split())
            if total > budget.words:
                high = max(count - 1, least)
                break
    best = attempt(low)
    while low < high:
        middle = (low + high + 1) // 2
        tried = attempt(middle)
        if budget.holds(tried[1]):
            low, best = middle, tried
        else:
            high = middle - 1
    return best


def select(pools: dict[str, list[dict[str, Any]]], kept: list[tuple[str, int]],
           left: list[tuple[str, int]]) -> dict[str, Any]:
    """The printed items of each kind in their pool's order, and the references of the rest
    in document order."""
    chosen = set(kept)
    selection: dict[str, Any] = {kind: [item for i, item in enumerate(pool)
                                        if (kind, i) in chosen]
                                 for kind, pool in pools.items()}
    refs = sorted((pools[kind][i]["source"] for kind, i in left),
                  key=lambda s: (s.get("document", 1), s.get("paragraph", 0),
                                 s.get("sentence", 0)))
    selection["left_out"] = refs
    return selection
