"""In-process measurements, each run in a fresh child process by bench/run.py.

usage: python bench/tasks.py TASK [ARGS...]     (prints one JSON object on the last line)

Tasks: warm, long FILE, components, profile FILE, lexrank FILE..., help-imports.
A child per task keeps the figures apart: every task starts cold, and its peak RSS
(``ru_maxrss``) is its own.
"""

from __future__ import annotations

import cProfile
import datetime as dt
import json
import pstats
import re
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from inputs import SEED, readouts  # noqa: E402

HEAVY = ("spacy", "reportlab", "docx", "jinja2")


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def lexrank(text: str, sentences: int = 5) -> list[str]:
    """The peer: sumy's LexRank over briefgen's own sentence splitter."""
    from evaluate import SplitterTokenizer
    from sumy.nlp.stemmers import Stemmer
    from sumy.parsers.plaintext import PlaintextParser
    from sumy.summarizers.lex_rank import LexRankSummarizer

    parser = PlaintextParser.from_string(text, SplitterTokenizer())
    return [str(s) for s in LexRankSummarizer(Stemmer("english"))(parser.document, sentences)]


def one_memo(path: Path, folder: Path, name: str) -> dict[str, float]:
    """Brief one file, render it and write PDF and DOCX; seconds per stage."""
    from briefgen.pipeline import Timings, build_brief, build_document, write_document
    from briefgen.render import MemoOptions

    timings = Timings()
    brief = build_brief(str(path), timings=timings)
    document = build_document(brief, MemoOptions(date=dt.date(2020, 7, 1)), timings=timings)
    stages = dict(timings.stages)
    for fmt in ("pdf", "docx"):
        started = time.perf_counter()
        write_document(document, [(fmt, folder / f"{name}.{fmt}")], force=True)
        stages[fmt] = time.perf_counter() - started
    stages.pop("load model", None)
    return stages


def task_warm(runs: str = "15") -> dict:
    """Warm per-document time on the seed (median of runs) and the mean over the 37 readouts."""
    from briefgen.analyze import load_model
    from briefgen.clean import clean
    from briefgen.ingest import ingest

    load_model()
    folder = Path(tempfile.mkdtemp(prefix="briefgen-bench-"))
    for i in range(3):  # first calls import the writers and build caches
        one_memo(SEED, folder, f"warmup{i}")
    seed_runs = [one_memo(SEED, folder, f"seed{i}") for i in range(int(runs))]
    stages = {k: statistics.median(r[k] for r in seed_runs) for k in seed_runs[0]}
    totals = [sum(r.values()) for r in seed_runs]
    docs = readouts()
    corpus = [one_memo(p, folder, f"doc{i}") for i, p in enumerate(docs)]
    peer = []
    for _ in range(int(runs)):
        text = clean(ingest(str(SEED))).body
        started = time.perf_counter()
        lexrank(text)
        peer.append(time.perf_counter() - started)
    corpus_peer = []
    for p in docs:
        text = clean(ingest(str(p))).body
        started = time.perf_counter()
        lexrank(text)
        corpus_peer.append(time.perf_counter() - started)
    return {"runs": int(runs), "seed_stages": stages, "seed_total": statistics.median(totals),
            "seed_total_min": min(totals), "corpus_docs": len(docs),
            "corpus_mean": statistics.mean(sum(r.values()) for r in corpus),
            "corpus_stage_means": {k: statistics.mean(r.get(k, 0.0) for r in corpus)
                                   for k in corpus[0]},
            "peer_seed": statistics.median(peer), "peer_corpus_mean": statistics.mean(corpus_peer),
            "words_seed": len(SEED.read_text(encoding="utf-8").split())}


def task_long(path: str, runs: str = "1") -> dict:
    """Stage times on one long document (medians of runs) and this process's peak RSS."""
    from briefgen.analyze import analyze, load_model
    from briefgen.clean import clean
    from briefgen.extract import extract_brief
    from briefgen.ingest import ingest
    from briefgen.pipeline import build_document, write_document
    from briefgen.render import MemoOptions

    load_model()
    folder = Path(tempfile.mkdtemp(prefix="briefgen-bench-"))
    one_memo(SEED, folder, "warmup")  # first calls import the writers and build caches
    results = []
    for i in range(int(runs)):
        stages = {}
        started = time.perf_counter()
        cleaned = clean(ingest(path))
        stages["ingest+clean"] = time.perf_counter() - started
        started = time.perf_counter()
        analysis = analyze(cleaned)
        stages["analyze"] = time.perf_counter() - started
        started = time.perf_counter()
        brief = extract_brief(analysis)
        stages["extract"] = time.perf_counter() - started
        started = time.perf_counter()
        document = build_document(brief, MemoOptions(date=dt.date(2020, 7, 1)))
        stages["render"] = time.perf_counter() - started
        started = time.perf_counter()
        write_document(document, [("pdf", folder / f"long{i}.pdf")], force=True)
        stages["pdf"] = time.perf_counter() - started
        results.append(stages)
    text = Path(path).read_text(encoding="utf-8")
    return {"runs": int(runs), "words": len(text.split()), "chars": len(text),
            "sentences": len(analysis.sentences), "attendees": len(brief.attendees),
            "positions": len(brief.positions), "parties": len(brief.parties),
            "stages": {k: statistics.median(r[k] for r in results) for k in results[0]},
            "peak_rss_mb": peak_rss_mb()}


def task_lexrank(*paths: str) -> dict:
    """The peer on each file: seconds to summarise it to five sentences."""
    from briefgen.clean import clean
    from briefgen.ingest import ingest

    texts = [clean(ingest(p)).body for p in paths]
    lexrank(texts[0])  # imports
    started = time.perf_counter()
    for text in texts:
        lexrank(text)
    return {"documents": len(texts), "seconds": time.perf_counter() - started,
            "peak_rss_mb": peak_rss_mb()}


def task_components(runs: str = "3") -> dict:
    """Seconds per spaCy component over the readouts' sentences, and what dropping one costs.

    Times every component of the package's pipeline (bar the lemmatizer and senter, which
    need no measuring); then checks that the components briefgen does not run change nothing
    it reads: the same Briefs, and the same tag_, dep_, heads and entities.
    """
    import briefgen.analyze as analyze_module
    from briefgen.analyze import (
        UNUSED_COMPONENTS,
        analyze_many,
        layout,
        load_model,
        resolve_model_name,
    )
    from briefgen.clean import clean
    from briefgen.extract import extract_brief
    from briefgen.ingest import ingest

    used = load_model()  # first: spaCy set up as briefgen runs it (numpy's BLAS, one thread)
    import spacy
    from thinc.api import use_ops

    with use_ops("numpy", use_blis=False):
        full = spacy.load(resolve_model_name(), exclude=["lemmatizer", "senter"])
    with use_ops("numpy", use_blis=True):  # thinc's default
        blis = spacy.load(resolve_model_name(), exclude=list(UNUSED_COMPONENTS))
    cleans = [clean(ingest(str(p))) for p in readouts()]
    sentences = [c.body[s:e] for c in cleans for _, spans in layout(c) for s, e in spans]

    def parse_seconds(nlp) -> float:
        started = time.perf_counter()
        for _ in nlp.pipe(sentences, batch_size=64):
            pass
        return time.perf_counter() - started

    ops_runs = [(parse_seconds(used), parse_seconds(blis)) for _ in range(int(runs))]
    per_run = []
    for _ in range(int(runs)):
        docs = [full.make_doc(s) for s in sentences]
        seconds = {}
        for name, component in full.pipeline:
            started = time.perf_counter()
            docs = list(component.pipe(docs, batch_size=64))
            seconds[name] = time.perf_counter() - started
        per_run.append(seconds)
    dropped = [name for name in full.pipe_names if name not in used.pipe_names]
    comparison: dict[str, object] = {}
    if dropped:
        briefs = [extract_brief(a).to_dict() for a in analyze_many(cleans)]
        saved = analyze_module.UNUSED_COMPONENTS
        analyze_module.UNUSED_COMPONENTS = ("lemmatizer", "senter")
        load_model.cache_clear()
        try:
            with_all = [extract_brief(a).to_dict() for a in analyze_many(cleans)]
        finally:
            analyze_module.UNUSED_COMPONENTS = saved
            load_model.cache_clear()

        def reads(doc) -> list[tuple]:
            return [(t.tag_, t.dep_, t.head.i, t.ent_type_, t.ent_iob_) for t in doc]

        comparison = {
            "same_with_blis": all(reads(a) == reads(b) for a, b in zip(
                used.pipe(sentences, batch_size=64), blis.pipe(sentences, batch_size=64))),
            "same_briefs": briefs == with_all,
            "same_tag_dep_ents": all(reads(a) == reads(b) for a, b in zip(
                used.pipe(sentences, batch_size=64), full.pipe(sentences, batch_size=64))),
        }
    extract_dir = ROOT / "briefgen" / "extract"
    pos_uses = sorted(f"{p.relative_to(ROOT)}:{n}" for p in extract_dir.rglob("*.py")
                      for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
                      if re.search(r"\.pos_?\b|\.morph\b|\.lemma_?\b", line))
    return {"runs": int(runs), "components": full.pipe_names, "run_by_briefgen": used.pipe_names,
            "dropped": dropped, "sentences": len(sentences),
            "words": sum(len(s.split()) for s in sentences),
            "seconds": {k: statistics.median(r[k] for r in per_run) for k in per_run[0]},
            "numpy_blas_seconds": statistics.median(n for n, _ in ops_runs),
            "blis_seconds": statistics.median(b for _, b in ops_runs),
            "comparison": comparison, "pos_morph_lemma_uses_in_extract": pos_uses}


def task_profile(path: str, top: str = "12") -> dict:
    """cProfile of extract_brief on one document: the top functions by own and total time."""
    from briefgen.analyze import analyze
    from briefgen.clean import clean
    from briefgen.extract import extract_brief
    from briefgen.ingest import ingest

    analysis = analyze(clean(ingest(path)))
    profiler = cProfile.Profile()
    profiler.enable()
    extract_brief(analysis)
    profiler.disable()
    stats = pstats.Stats(profiler)
    total = stats.total_tt  # type: ignore[attr-defined]
    rows = []
    for (file, line, func), (_, calls, own, cumulative, _) in stats.stats.items():  # type: ignore[attr-defined]
        where = Path(file)
        if ROOT in where.parents:
            where = where.relative_to(ROOT)
        rows.append({"where": f"{where}:{line}", "function": func, "calls": calls,
                     "own": own, "cumulative": cumulative})
    ours = [r for r in rows if r["where"].startswith("briefgen/")]
    return {"total": total,
            "by_own": sorted(ours, key=lambda r: -r["own"])[: int(top)],
            "by_cumulative": sorted(ours, key=lambda r: -r["cumulative"])[: int(top)]}


def task_help_imports() -> dict:
    """Which heavy libraries ``briefgen --help`` and ``templates list`` load, in-process."""
    from typer.testing import CliRunner

    from briefgen.cli import app

    runner = CliRunner()
    out = {}
    for args in (["--help"], ["templates", "list"], ["batch", "--help"]):
        before = set(sys.modules)
        code = runner.invoke(app, args).exit_code
        loaded = sorted({m.split(".")[0] for m in set(sys.modules) - before} & set(HEAVY))
        out[" ".join(args)] = {"exit_code": code, "heavy": loaded}
    return out


TASKS = {"warm": task_warm, "long": task_long, "lexrank": task_lexrank,
         "components": task_components, "profile": task_profile,
         "help-imports": task_help_imports}


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in TASKS:
        print(__doc__, file=sys.stderr)
        return 2
    print(json.dumps(TASKS[argv[0]](*argv[1:])))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
