"""Measure extraction quality on a gold-annotated corpus, beside Lead-5 and LexRank-5 peers.

usage: python bench/evaluate.py CORPUS_DIR [--only IDS] [--by-genre] [--json OUT] [--worst N]
                                [--no-peers]

Runs briefgen's extraction in-process over every NNN.txt with a NNN.json gold file and scores
it with the reference scorer's own functions (bench/reference/score.py), so the figures agree
with `python bench/reference/score.py CORPUS_DIR --briefgen .venv/bin/briefgen`. The peers get
the same five key-point slots and briefgen's own sentence splitter: Lead-5 (first five
sentences) and sumy's LexRank with five sentences; the "person" peer lists every spaCy PERSON
entity as an attendee (the plain baseline for who took part). ``--only`` scores the documents
whose stems are listed in a file (one a line, e.g. a corpus's split); ``--by-genre`` adds a
row per gold ``genre``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "reference"))
sys.path.insert(0, str(HERE.parent))

import score as reference  # noqa: E402  (the reference scorer, vendored unchanged)

from briefgen.analyze import analyze_many  # noqa: E402
from briefgen.clean import clean  # noqa: E402
from briefgen.extract import extract_brief  # noqa: E402
from briefgen.ingest import ingest  # noqa: E402

SHORT = {"attendees_F1": "attendees F1", "attendee_party_acc": "attendee party",
         "attendee_title_acc": "attendee title", "attendee_rank_acc": "attendee rank",
         "positions_F1": "positions F1", "position_party_acc": "position party",
         "keypoints_recall_at5": "key points@5", "format_acc": "format"}
FIELDS = ("attendees_F1", "attendee_party_acc", "attendee_title_acc", "attendee_rank_acc",
          "positions_F1", "position_party_acc", "keypoints_recall_at5", "format_acc")
SHORT |= {"outcomes_P": "outcomes P", "outcomes_R": "outcomes R", "outcomes_F1": "outcomes F1"}
#: Scored only where the gold has an ``outcomes`` list (the reference scorer's rule).
OPTIONAL = ("outcomes_P", "outcomes_R", "outcomes_F1")


class SplitterTokenizer:
    """sumy tokenizer built on briefgen's sentence splitter (no NLTK data needed offline)."""

    language = "english"

    def to_sentences(self, text: str) -> list[str]:
        from briefgen.sentences import split_paragraphs, split_sentences

        return [text[s:e] for ps, pe in split_paragraphs(text)
                for s, e in split_sentences(text, ps, pe)]

    def to_words(self, sentence: str) -> list[str]:
        return re.findall(r"\w+", sentence)


def peer_predictions(analysis) -> dict[str, dict]:
    """Key points of the peers for one document: Lead-5 and LexRank-5."""
    sentences = [s.text for s in analysis.sentences]
    people: list[str] = []
    for sentence in analysis.sentences:
        people.extend(e.text for e in sentence.entities
                      if e.label == "PERSON" and e.text not in people)
    peers = {"lead5": {"key_points": sentences[:5]},
             "person": {"attendees": [{"name": n, "title": None, "rank": None, "party": None}
                                      for n in people]}}
    try:
        from sumy.nlp.stemmers import Stemmer
        from sumy.parsers.plaintext import PlaintextParser
        from sumy.summarizers.lex_rank import LexRankSummarizer
    except ImportError:
        return peers
    parser = PlaintextParser.from_string(analysis.body, SplitterTokenizer())
    summarizer = LexRankSummarizer(Stemmer("english"))
    peers["lexrank5"] = {"key_points": [str(s) for s in summarizer(parser.document, 5)]}
    return peers


def evaluate(corpus: Path, with_peers: bool = True, only: set[str] | None = None,
             by_genre: bool = False) -> dict:
    """Score briefgen (and peers) on every document of ``corpus``; return figures and details."""
    docs = sorted(p for p in corpus.glob("*.txt") if p.with_suffix(".json").exists()
                  and (only is None or p.stem in only))
    golds = [json.loads(p.with_suffix(".json").read_text(encoding="utf-8")) for p in docs]
    started = time.perf_counter()
    analyses = analyze_many([clean(ingest(str(p))) for p in docs])
    briefs = [extract_brief(a).to_dict() for a in analyses]
    elapsed = time.perf_counter() - started
    total = reference.Tally()
    peers: dict[str, reference.Tally] = {}
    genres: dict[str, reference.Tally] = {}
    per_doc = []
    for path, gold, brief, analysis in zip(docs, golds, briefs, analyses):
        tally = reference.Tally()
        reference.score_doc(gold, brief, tally)
        reference.score_doc(gold, brief, total)
        if by_genre:
            reference.score_doc(gold, brief, genres.setdefault(gold.get("genre", "?"),
                                                               reference.Tally()))
        figures = reference.report(tally, path.stem)
        if not tally["att_tp"]:  # no matched attendee: the accuracies mean nothing here
            for field in ("attendee_party_acc", "attendee_title_acc", "attendee_rank_acc"):
                figures[field] = 1.0 if not gold.get("attendees") else 0.0
        if not tally["pos_tp"]:
            figures["position_party_acc"] = 1.0 if not gold.get("positions") else 0.0
        per_doc.append({"doc": path.name, **figures, "missed": missed(gold, brief)})
        if with_peers:
            for name, pred in peer_predictions(analysis).items():
                reference.score_doc(gold, {"attendees": [], "positions": [], **pred},
                                    peers.setdefault(name, reference.Tally()))
    results = [reference.report(total, "briefgen")]
    results += [reference.report(t, f"  {name}") for name, t in sorted(genres.items())]
    results += [reference.report(t, name) for name, t in peers.items()]
    return {"results": results, "documents": per_doc, "seconds": round(elapsed, 2)}


def missed(gold: dict, brief: dict) -> dict:
    """What briefgen missed or added on one document, for the worst-documents list."""
    names = [a["name"] for a in brief.get("attendees", [])]
    gold_names = [a["name"] for a in gold.get("attendees", [])]
    sentences = [p["sentence"] for p in brief.get("positions", [])]
    keys = [k["sentence"] for k in brief.get("key_points", [])][:5]
    outcomes = [o["sentence"] for o in brief.get("outcomes", [])]
    gold_outcomes = gold.get("outcomes") or []
    return {
        "attendees_missed": [g for g in gold_names
                             if not any(reference.name_match(g, p) for p in names)],
        "attendees_extra": [p for p in names
                            if not any(reference.name_match(g, p) for g in gold_names)],
        "positions_missed": [g["sentence"][:90] for g in gold.get("positions", [])
                             if not any(reference.sent_match(g["sentence"], s) for s in sentences)],
        "positions_extra": [s[:90] for s in sentences
                            if not any(reference.sent_match(g["sentence"], s)
                                       for g in gold.get("positions", []))],
        "key_points_missed": [g[:90] for g in gold.get("key_points", [])[:3]
                              if not any(reference.sent_match(g, k) for k in keys)],
        "outcomes_missed": [g[:90] for g in gold_outcomes
                            if not any(reference.sent_match(g, o) for o in outcomes)],
        "outcomes_extra": [o[:90] for o in outcomes if "outcomes" in gold
                           and not any(reference.sent_match(g, o) for g in gold_outcomes)],
    }


def badness(doc: dict) -> float:
    """Order documents from worst: sum of shortfalls over the headline figures."""
    return sum(1.0 - doc[f] for f in ("attendees_F1", "positions_F1", "keypoints_recall_at5",
                                      "attendee_title_acc", "attendee_party_acc",
                                      "position_party_acc", "format_acc"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--json", type=Path, help="write all figures and details here")
    parser.add_argument("--worst", type=int, default=5, help="list this many worst documents")
    parser.add_argument("--no-peers", action="store_true", help="skip Lead-5 and LexRank-5")
    parser.add_argument("--only", type=Path, metavar="IDS",
                        help="score only the documents whose stems this file lists")
    parser.add_argument("--by-genre", action="store_true", help="add a row per gold genre")
    args = parser.parse_args(argv)
    only = None
    if args.only:
        only = {line.strip() for line in args.only.read_text(encoding="utf-8").splitlines()
                if line.strip() and not line.startswith("#")}
    out = evaluate(args.corpus, with_peers=not args.no_peers, only=only,
                   by_genre=args.by_genre)
    fields = list(FIELDS) + (list(OPTIONAL) if any("outcomes_F1" in r for r in out["results"])
                             else [])
    print(f"{'system':<18}" + "".join(f"{SHORT[f]:>15}" for f in fields))
    peer_fields = {"lead5": {"keypoints_recall_at5"}, "lexrank5": {"keypoints_recall_at5"},
                   "person": {"attendees_F1", "attendees_P", "attendees_R"}}
    for r in out["results"]:
        shown = peer_fields.get(r["system"])
        print(f"{r['system']:<18}" + "".join(
            f"{r[f]:>15.3f}" if f in r and (shown is None or f in shown) else f"{'-':>15}"
            for f in fields))
    print(f"\n{len(out['documents'])} documents, extraction {out['seconds']} s")
    print(f"\nworst {args.worst} documents:")
    for doc in sorted(out["documents"], key=badness, reverse=True)[: args.worst]:
        figures = ", ".join(f"{SHORT[f]} {doc[f]:.2f}" for f in FIELDS if doc[f] < 1.0)
        if doc.get("outcomes_F1", 1.0) < 1.0 and (doc["missed"]["outcomes_missed"]
                                                  or doc["missed"]["outcomes_extra"]):
            figures += f", outcomes F1 {doc['outcomes_F1']:.2f}"
        print(f"- {doc['doc']}: {figures}")
        for kind, items in doc["missed"].items():
            for item in items:
                print(f"    {kind}: {item}")
    if args.json:
        args.json.write_text(json.dumps(out, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
