"""Measure what the memos cost a reader: pages, printed words, repeated sentences, empty pages.

usage: python bench/memo_economy.py [CORPUS_DIR ...] [--template NAME ...] [--theme NAME]
                                    [--json OUT] [--worst N]

Renders every NNN.txt of each corpus (default: tests/corpus, tests/heldout, tests/heldout2,
tests/world, tests/genres) through each built-in template to PDF, reads the PDFs back with
pypdf (what a reader gets) and reports, per template and corpus group:

- pages: the median and largest page count, and how many memos meet the page rule (the
  ``memo`` of a source up to 500 words on one page, up to 1,500 words on two; the
  ``one-pager`` and ``readout`` on one page);
- words: printed words (every word pypdf reads, header, page numbers and Source note
  included; a bullet or dash alone is no word) over the source's words (``wc -w`` of the
  input), median and largest, for sources of 300 words and more; how many are at most 0.8;
- repeats: of the source sentences of more than eight words the Brief quotes, the share
  printed more than once (a sentence counts as printed where its last eight words but the
  very last, and its middle eight, appear in a row: that survives a "[Name]" put for a
  leading "He" and a position printed from its verb on, and tells a meeting sentence from
  the participants' titles it ends with);
- sparse pages: pages whose content (from the top of the text area to the lowest line
  above the page number) fills under 15% of the text area;
- outcomes: outcome P/R where the gold has ``outcomes`` and the Brief has an ``outcomes``
  field; "-" until it has.

Figures and the command are recorded in docs/memo.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import re
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "reference"))
sys.path.insert(0, str(HERE.parent))

import score as reference  # noqa: E402  (the reference scorer's matching, for outcomes)
from pypdf import PdfReader  # noqa: E402

from briefgen.analyze import analyze_many  # noqa: E402
from briefgen.clean import clean  # noqa: E402
from briefgen.extract import extract_brief  # noqa: E402
from briefgen.ingest import ingest  # noqa: E402
from briefgen.render import MemoOptions, render_document  # noqa: E402
from briefgen.render.economy import Measure  # noqa: E402
from briefgen.writers import WriterSettings  # noqa: E402
from briefgen.writers.pdf import write as write_pdf  # noqa: E402
from briefgen.writers.styles import layout_for  # noqa: E402
from briefgen.writers.theme import load_theme, text_scale  # noqa: E402

CORPORA = ("tests/corpus", "tests/heldout", "tests/heldout2", "tests/world", "tests/genres")
GROUPS = {"tests/corpus": "U.S.", "tests/heldout": "U.S.", "tests/heldout2": "U.S.",
          "tests/world": "world", "tests/genres": "genres"}
TEMPLATES = ("memo", "one-pager", "readout", "memcon")
SPARSE = 0.15
WINDOW = 8  # words of a sentence that must appear in a row for it to count as printed
WORD = re.compile(r"\w")  # a bullet or a dash is no word


def page_limit(template: str, source_words: int) -> int | None:
    """The pages a memo of ``template`` may take for a source of ``source_words`` words."""
    if template == "memo":
        return 1 if source_words <= 500 else 2 if source_words <= 1500 else None
    if template in ("one-pager", "readout"):
        return 1
    return None


def normalise(text: str) -> str:
    return " ".join(re.findall(r"[\w’'$%.-]+", text.lower()))


def probes(sentence: str) -> tuple[str, ...]:
    """The words that identify a sentence in print: its last WINDOW words but the very last
    (they survive a "[Name]" put for "He" and a position printed from its verb on) and its
    middle WINDOW words (a meeting sentence's ending is often a participant's title, which
    the Participants print again); () for a sentence too short to tell apart."""
    words = normalise(sentence).split()
    if len(words) <= WINDOW:
        return ()
    middle = max(0, (len(words) - WINDOW) // 2)
    return " ".join(words[-WINDOW - 1:-1]), " ".join(words[middle:middle + WINDOW])


def times_printed(sentence: str, printed: str) -> int:
    return min(printed.count(p) for p in probes(sentence))


def quoted_sentences(brief: dict) -> set[str]:
    """The source sentences a Brief carries (key points, context, positions, bottom line)."""
    sentences = {item["sentence"] for key in ("key_points", "context", "positions",
                                              "bottom_line", "outcomes")
                 for item in brief.get(key, [])}
    return {s for s in sentences if probes(s)}


def read_pdf(data: bytes, page_height: float, top: float, bottom: float
             ) -> tuple[list[str], list[float]]:
    """Return each page's text and the share of the text area its content fills."""
    reader = PdfReader(io.BytesIO(data))
    texts, fills = [], []
    for page in reader.pages:
        lows: list[float] = []

        def visit(text: str, cm: list[float], tm: list[float], font: object, size: float,
                  lows: list[float] = lows) -> None:
            if not text.strip():
                return
            y = cm[1] * tm[4] + cm[3] * tm[5] + cm[5]
            if bottom - 2 <= y <= page_height - top + 2:  # not the page number or banner
                lows.append(y)

        texts.append(page.extract_text(visitor_text=visit))
        area = page_height - top - bottom
        fills.append((page_height - top - min(lows)) / area if lows else 0.0)
    return texts, fills


def outcome_scores(brief: dict, gold: dict) -> tuple[int, int, int] | None:
    """True positives, predicted and gold outcomes, matched as the reference scorer matches
    them (``bench/reference/score.py``); None unless both the gold and the Brief have them."""
    if "outcomes" not in brief or "outcomes" not in gold:
        return None
    wanted = gold.get("outcomes") or []
    predicted = [(o.get("sentence") or o.get("text") or "") if isinstance(o, dict) else o
                 for o in brief.get("outcomes") or []]
    pairs = reference.greedy(wanted, predicted, reference.sent_match)
    return len(pairs), len(predicted), len(wanted)


def measure(corpora: list[str], templates: list[str], theme_name: str) -> list[dict]:
    theme = load_theme(theme_name)
    layout = layout_for(theme)
    settings = WriterSettings(theme=theme)
    measure = Measure(*text_scale(theme))  # what fits is estimated with the theme's font
    page = layout.page
    paths = [(corpus, p) for corpus in corpora for p in sorted(Path(corpus).glob("*.txt"))
             if p.with_suffix(".json").exists()]
    analyses = analyze_many([clean(ingest(str(p))) for _, p in paths])
    rows = []
    options = MemoOptions(date=dt.date(2026, 1, 1))
    with tempfile.TemporaryDirectory() as tmp:
        for (corpus, path), analysis in zip(paths, analyses):
            brief = extract_brief(analysis)
            data = brief.to_dict()
            gold = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
            source_words = len(path.read_text(encoding="utf-8").split())
            sentences = quoted_sentences(data)
            for template in templates:
                document = render_document(brief, options, template, measure)
                target = Path(tmp) / f"{path.stem}.{template}.pdf"
                write_pdf(document, target, settings)
                texts, fills = read_pdf(target.read_bytes(), page.height, page.margin_top,
                                        page.margin_bottom)
                # The title (SUBJECT line, Source note) often repeats the first sentence's words.
                printed = normalise(" ".join(texts)).replace(normalise(brief.title), " ")
                counts = {s: times_printed(s, printed) for s in sentences}
                rows.append({
                    "corpus": corpus, "group": GROUPS.get(corpus, corpus), "doc": path.stem,
                    "template": template, "source_words": source_words,
                    "pages": len(texts), "limit": page_limit(template, source_words),
                    "printed_words": sum(1 for t in texts for w in t.split() if WORD.search(w)),
                    "sentences_printed": sum(1 for c in counts.values() if c),
                    "sentences_repeated": sum(1 for c in counts.values() if c > 1),
                    "sparse_pages": sum(1 for f in fills if f < SPARSE),
                    "last_fill": round(fills[-1], 3) if fills else 0.0,
                    "outcomes": outcome_scores(data, gold),
                })
    return rows


def summarise(rows: list[dict]) -> list[dict]:
    table = []
    keyed: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for row in rows:
        keyed[(row["template"], row["group"])].append(row)
        keyed[(row["template"], "all")].append(row)
    groups = [*dict.fromkeys(GROUPS.values()), "all"]
    for (template, group), items in sorted(keyed.items(), key=lambda kv: (
            TEMPLATES.index(kv[0][0]) if kv[0][0] in TEMPLATES else 9,
            groups.index(kv[0][1]) if kv[0][1] in groups else len(groups) - 1)):
        long = [r for r in items if r["source_words"] >= 300]
        ratios = [r["printed_words"] / r["source_words"] for r in long]
        limited = [r for r in items if r["limit"] is not None]
        printed = sum(r["sentences_printed"] for r in items)
        scored = [r["outcomes"] for r in items if r["outcomes"] is not None]
        tp, pred, gold = (sum(x[i] for x in scored) for i in range(3)) if scored else (0, 0, 0)
        table.append({
            "template": template, "group": group, "memos": len(items),
            "pages_median": statistics.median(r["pages"] for r in items),
            "pages_max": max(r["pages"] for r in items),
            "page_rule": f"{sum(r['pages'] <= r['limit'] for r in limited)}/{len(limited)}",
            "ratio_median": round(statistics.median(ratios), 2) if ratios else None,
            "ratio_max": round(max(ratios), 2) if ratios else None,
            "ratio_ok": f"{sum(x <= 0.8 for x in ratios)}/{len(ratios)}",
            "repeated": round(sum(r["sentences_repeated"] for r in items) / printed, 3)
            if printed else 0.0,
            "sparse_pages": sum(r["sparse_pages"] for r in items),
            "outcomes_P": round(tp / pred, 3) if scored and pred else None,
            "outcomes_R": round(tp / gold, 3) if scored and gold else None,
        })
    return table


def print_table(table: list[dict]) -> None:
    head = ("| template | corpora | memos | pages median / max | page rule met | "
            "words / source (300+ words) median / max | at most 0.8x | sentences printed twice "
            "| pages under 15% | outcome P / R |")
    print(head)
    print("|" + "---|" * 10)
    for t in table:
        ratio = f"{t['ratio_median']} / {t['ratio_max']}" if t["ratio_median"] is not None \
            else "-"
        outcomes = f"{t['outcomes_P']} / {t['outcomes_R']}" if t["outcomes_P"] is not None \
            else "-"
        print(f"| {t['template']} | {t['group']} | {t['memos']} | {t['pages_median']:g} / "
              f"{t['pages_max']} | {t['page_rule']} | {ratio} | {t['ratio_ok']} | "
              f"{t['repeated']:.1%} | {t['sparse_pages']} | {outcomes} |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpora", nargs="*", default=list(CORPORA))
    parser.add_argument("--template", action="append", dest="templates")
    parser.add_argument("--theme", default="default")
    parser.add_argument("--json", type=Path, help="write every memo's figures here")
    parser.add_argument("--worst", type=int, default=5,
                        help="list the N memos furthest over their page or word limit")
    args = parser.parse_args(argv)
    started = time.monotonic()
    rows = measure(args.corpora, args.templates or list(TEMPLATES), args.theme)
    print(f"# bench/memo_economy.py {' '.join(args.corpora)} --theme {args.theme}: "
          f"{len(rows)} memos in {time.monotonic() - started:.0f} s\n")
    print_table(summarise(rows))
    over = sorted(rows, key=lambda r: (-(r["pages"] - (r["limit"] or r["pages"])),
                                       -r["printed_words"] / r["source_words"]
                                       if r["source_words"] >= 300 else 0))
    print("\nworst:")
    for r in over[:args.worst]:
        print(f"  {r['template']:9} {r['corpus']}/{r['doc']}: {r['pages']} pages "
              f"(limit {r['limit']}), {r['printed_words']}/{r['source_words']} words, "
              f"{r['sentences_repeated']} repeated, last page {r['last_fill']:.0%}")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
