"""Benchmarks: start-up, cold and warm memos, batch throughput, long documents, and a peer.

usage: python bench/run.py [--runs N] [--batch-runs N] [--long-runs N] [--quick]
                           [--out docs/performance.md] [--json FILE]

Measures everything side by side in one run on this machine and writes the figures, with
this command, to docs/performance.md. Each figure is the median of several runs (the count
is printed beside it); in-process figures come from a fresh child process per task
(bench/tasks.py) so that each starts cold and its peak RSS is its own. The peer is sumy's
LexRank choosing five sentences with briefgen's own sentence splitter. Benchmarks are not
tests: nothing here is timed in CI.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from inputs import SEED, write_batch, write_long  # noqa: E402

PYTHON = sys.executable
BRIEFGEN = str(Path(PYTHON).parent / "briefgen")
TASKS = str(HERE / "tasks.py")
#: ``briefgen batch`` before cli.py registers it: the same command, registered on the fly.
BATCH_BOOT = ("from briefgen.cli import app; from briefgen.commands.batch import register; "
              "register(app); app()")
TARGETS = {
    "startup": 0.35, "cold": 1.6, "warm": 0.120, "batch_rate": 15.0, "long_seconds": 15.0,
    "long_rss": 600.0, "growth": 12.0,
}


@dataclass
class Run:
    """One finished child process: wall and CPU seconds, peak RSS (MB), exit code, output.

    CPU seconds (user + system, with the children it waited for) hardly change when other
    processes compete for the CPUs; wall seconds do. A single-process command on an idle
    machine takes about its CPU time.
    """

    seconds: float
    cpu: float
    rss_mb: float
    code: int
    stdout: str
    stderr: str
    first_output: float | None = None


def run(argv: list[str], timeout: float | None = None, cwd: Path | None = None,
        watch: bool = False, env: dict[str, str] | None = None) -> Run:
    """Run ``argv`` to the end; measure wall time, peak RSS of its process tree, first output.

    ``os.wait4`` gives the resource use of that one child (with the children it waited for),
    which ``subprocess.run`` would throw away. ``watch`` also records when the first byte
    of output appeared.
    """
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        process = subprocess.Popen(argv, stdout=out, stderr=err, stdin=subprocess.DEVNULL,
                                   cwd=cwd, env=None if env is None else {**os.environ, **env})
        first = None
        timer = None
        if timeout is not None:
            timer = threading.Timer(timeout, process.kill)
            timer.start()
        while True:
            # Polling costs up to 10 ms of resolution; only done when first output matters.
            pid, status, usage = os.wait4(process.pid, os.WNOHANG if watch else 0)
            if pid:
                break
            if first is None and os.fstat(out.fileno()).st_size > 0:
                first = time.perf_counter() - started
            time.sleep(0.01)
        seconds = time.perf_counter() - started
        if timer is not None:
            timer.cancel()
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024,
                   process.returncode,
                   out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace"),
                   first)


def task(name: str, *args: str, timeout: float | None = None) -> tuple[dict, Run]:
    """Run one bench/tasks.py task in a child; return its JSON and the process figures."""
    done = run([PYTHON, TASKS, name, *args], timeout=timeout)
    if done.code != 0:
        raise RuntimeError(f"task {name} failed ({done.code}):\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1]), done


def median_runs(argv: list[str], runs: int, cwd: Path | None = None) -> dict:
    """Median, min and max wall time and the peak RSS over ``runs`` runs of a command."""
    results = [run(argv, cwd=cwd) for _ in range(runs)]
    failed = [r for r in results if r.code != 0]
    if failed:
        raise RuntimeError(f"{shlex.join(argv)} failed ({failed[0].code}):\n"
                           f"{failed[0].stderr[-3000:]}")
    times = [r.seconds for r in results]
    return {"median": statistics.median(times), "min": min(times), "max": max(times),
            "cpu": statistics.median(r.cpu for r in results), "runs": runs,
            "rss_mb": max(r.rss_mb for r in results)}


def hyperfine(argv: list[str], runs: int) -> dict | None:
    """Median and spread of a quick command by hyperfine, when it is installed."""
    if shutil.which("hyperfine") is None:
        return None
    with tempfile.NamedTemporaryFile(suffix=".json") as export:
        subprocess.run(["hyperfine", "-N", "--warmup", "2", "--runs", str(runs),
                        "--export-json", export.name, shlex.join(argv)],
                       check=True, capture_output=True)
        result = json.loads(Path(export.name).read_text())["results"][0]
    return {"median": result["median"], "mean": result["mean"], "stddev": result["stddev"],
            "min": result["min"], "max": result["max"], "runs": runs, "tool": "hyperfine"}


def quick_command(argv: list[str], runs: int) -> dict:
    """Time a sub-second command: hyperfine if available, else a loop of child processes."""
    measured = hyperfine(argv, runs)
    if measured is None:
        run(argv)
        measured = {**median_runs(argv, runs), "tool": "loop"}
    return measured


def import_profile(args: list[str], top: int = 8) -> list[tuple[str, float]]:
    """The slowest top-level imports of ``briefgen ARGS`` (``python -X importtime``)."""
    done = run([PYTHON, "-X", "importtime", "-c",
                "import sys; from briefgen.cli import main; sys.argv[1:] = "
                f"{args!r}; main()"])
    rows = []
    for line in done.stderr.splitlines():
        parts = line.split("|")
        if len(parts) == 3 and parts[1].strip().isdigit() and not parts[2].startswith("  "):
            rows.append((parts[2].strip(), int(parts[1]) / 1e6))
    return sorted(rows, key=lambda r: -r[1])[:top]


def has_command(*args: str) -> bool:
    """Tell whether ``briefgen ARGS --help`` works (a command that exists)."""
    return run([BRIEFGEN, *args, "--help"]).code == 0


def loadavg() -> float:
    try:
        return os.getloadavg()[0]
    except OSError:
        return float("nan")


LOAD_SAMPLES: list[float] = []


def log(message: str) -> None:
    """Say what is being measured, and sample the load average while at it."""
    LOAD_SAMPLES.append(loadavg())
    print(f"bench: {message}", file=sys.stderr, flush=True)


# ------------------------------------------------------------------------------- sections


def measure_startup(runs: int) -> dict:
    out: dict = {"commands": {}}
    commands = {"python -c pass": [PYTHON, "-c", "pass"],
                "briefgen --version": [BRIEFGEN, "--version"],
                "briefgen --help": [BRIEFGEN, "--help"]}
    if has_command("templates", "list"):
        commands["briefgen templates list"] = [BRIEFGEN, "templates", "list"]
    for label, argv in commands.items():
        log(f"start-up: {label}")
        out["commands"][label] = quick_command(argv, runs)
    out["imports"], _ = task("help-imports")
    out["importtime_help"] = import_profile(["--help"])
    return out


def measure_cold(work: Path, runs: int) -> dict:
    log(f"cold generate x{runs}")
    argv = [BRIEFGEN, "generate", str(SEED), "-o", str(work / "cold.pdf"), "--force",
            "--date", "2020-07-01"]
    run(argv)  # page cache
    out = median_runs(argv, runs)
    verbose = run([*argv, "--verbose"])
    out["verbose_timings"] = next((line.split("timings: ", 1)[1]
                                   for line in verbose.stderr.splitlines()
                                   if "timings: " in line), None)
    return out


def measure_faststart(work: Path, runs: int) -> dict:
    """Cold ``generate`` with the model loading in a forked child and without, alternating.

    ``BRIEFGEN_FASTSTART=0`` does everything in one process (as on systems without a safe
    fork); the two runs of a pair follow each other, so that the machine's drift hits both.
    """
    argv = [BRIEFGEN, "generate", str(SEED), "-o", str(work / "fast.pdf"), "--force",
            "--date", "2020-07-01"]
    run(argv)  # page cache
    times: dict[str, list[float]] = {"1": [], "0": []}
    cpu: dict[str, list[float]] = {"1": [], "0": []}
    for i in range(runs):
        for switch in ("1", "0") if i % 2 == 0 else ("0", "1"):
            log(f"fast start {'on' if switch == '1' else 'off'} run {i + 1}")
            done = run(argv, env={"BRIEFGEN_FASTSTART": switch})
            if done.code != 0:
                raise RuntimeError(f"cold generate failed ({done.code}):\n{done.stderr}")
            times[switch].append(done.seconds)
            cpu[switch].append(done.cpu)
    out = {switch: {"median": statistics.median(t), "min": min(t), "max": max(t),
                    "cpu": statistics.median(cpu[switch]), "runs": len(t)}
           for switch, t in times.items()}
    out["saving"] = 1 - out["1"]["median"] / out["0"]["median"]
    return out


def faststart_lines(fast: dict) -> list[str]:
    """The report's section on the forked model child (``briefgen/faststart.py``)."""
    on, off = fast["1"], fast["0"]
    return [
        FASTSTART_BEGIN,
        "## Fast start: the model loading in a forked child",
        "",
        "Cold `briefgen generate seed -o x.pdf`, the runs of each pair one after the other "
        "(alternating which goes first); `BRIEFGEN_FASTSTART=0` does everything in one process:",
        "",
        "| | runs | min | median | max | CPU (median) |",
        "|---|---|---|---|---|---|",
        f"| forked child (default) | {on['runs']} | {sec(on['min'])} | {sec(on['median'])} | "
        f"{sec(on['max'])} | {sec(on['cpu'])} |",
        f"| one process (`BRIEFGEN_FASTSTART=0`) | {off['runs']} | {sec(off['min'])} | "
        f"{sec(off['median'])} | {sec(off['max'])} | {sec(off['cpu'])} |",
        "",
        f"The child saves {fast['saving']:.0%} of the median cold time (kept while it saves "
        f"at least 15%: {'yes' if fast['saving'] >= 0.15 else 'NO'}); it costs CPU, not time, "
        "and only helps where a second CPU is idle.",
        FASTSTART_END,
        "",
    ]


FASTSTART_BEGIN, FASTSTART_END = "<!-- faststart -->", "<!-- /faststart -->"


def batch_prefix() -> list[str]:
    if has_command("batch"):
        return [BRIEFGEN, "batch"]
    return [PYTHON, "-c", BATCH_BOOT, "batch"]


def measure_batch(work: Path, count: int, runs: int, serial: bool) -> dict:
    folder = work / "batch-in"
    paths = write_batch(folder, count)
    prefix = batch_prefix()
    out: dict = {"documents": count}
    variants = {"-j 2": ["-j", "2"]}
    if serial:
        variants["-j 1"] = ["-j", "1"]
    for label, extra in variants.items():
        results = []
        for i in range(runs if label == "-j 2" else 1):
            log(f"batch {count} {label} run {i + 1}")
            outdir = work / f"batch-out-{label[-1]}-{i}"
            done = run([*prefix, str(folder), "-o", str(outdir), "-f", "pdf", *extra,
                        "--jsonl", "--no-progress", "--date", "2020-07-01"], watch=True)
            lines = [json.loads(x) for x in done.stdout.splitlines() if x.startswith("{")]
            ok = sum(x["status"] == "ok" for x in lines)
            if done.code != 0 or ok != count:
                raise RuntimeError(f"batch {label} failed ({done.code}, {ok} ok):\n"
                                   f"{done.stderr[-3000:]}")
            results.append(done)
            shutil.rmtree(outdir)
        times = [r.seconds for r in results]
        firsts = [r.first_output for r in results if r.first_output is not None]
        wall = statistics.median(times)
        out[label] = {"runs": len(results), "seconds": wall, "rate": count / wall,
                      "cpu": statistics.median(r.cpu for r in results),
                      "first_result": statistics.median(firsts) if firsts else None,
                      "rss_mb": max(r.rss_mb for r in results)}
    log("batch peer (LexRank, one process)")
    peer, done = task("lexrank", *map(str, paths))
    out["peer"] = {"seconds": done.seconds, "cpu": done.cpu, "summarise_seconds": peer["seconds"],
                   "rate": count / done.seconds, "rss_mb": done.rss_mb}
    return out


def measure_long(work: Path, runs: int, peer_timeout: float) -> dict:
    out: dict = {}
    for factor in (1, 10, 100):
        path = write_long(work / "long", factor)
        log(f"long {factor}x: stages x{runs}")
        figures, done = task("long", str(path), str(runs))
        figures["process_rss_mb"] = done.rss_mb
        if factor == 100:
            log("long 100x: cold generate")
            cold = run([BRIEFGEN, "generate", str(path), "-o", str(work / "long.pdf"), "--force",
                        "--date", "2020-07-01"])
            if cold.code != 0:
                raise RuntimeError(f"generate 100x failed:\n{cold.stderr[-3000:]}")
            figures["cold_generate"] = {"seconds": cold.seconds, "cpu": cold.cpu,
                                        "rss_mb": cold.rss_mb}
        log(f"long {factor}x: peer")
        try:
            peer, done = task("lexrank", str(path), timeout=peer_timeout)
            figures["peer"] = {"seconds": peer["seconds"], "rss_mb": done.rss_mb}
        except RuntimeError:
            figures["peer"] = {"seconds": None, "timeout": peer_timeout}
        out[f"{factor}x"] = figures
    log("long 100x: profile of the extraction")
    out["profile_100x"], _ = task("profile", str(work / "long" / "long-100x.txt"), "14")
    return out


# ------------------------------------------------------------------------------- the report


def ms(seconds: float | None) -> str:
    return "-" if seconds is None else f"{seconds * 1000:.0f} ms"


def sec(seconds: float | None) -> str:
    return "-" if seconds is None else f"{seconds:.2f} s"


def verdict(ok: bool) -> str:
    return "met" if ok else "**missed**"


def growth(long: dict, stage: str) -> float:
    return long["100x"]["stages"][stage] / long["10x"]["stages"][stage]


def exponent(long: dict, stage: str) -> float:
    """k in time ~ words^k between the 10x and the 100x document."""
    return math.log(growth(long, stage)) / math.log(long["100x"]["words"] / long["10x"]["words"])


def write_report(figures: dict, command: str) -> str:
    env = figures["environment"]
    startup, cold, warm = figures["startup"], figures["cold"], figures["warm"]
    batch, long, comps = figures["batch"], figures["long"], figures["components"]
    help_time = startup["commands"]["briefgen --help"]["median"]
    list_time = startup["commands"].get("briefgen templates list", {}).get("median")
    l100, l10 = long["100x"], long["10x"]
    long_total = l100["stages"]["ingest+clean"] + l100["stages"]["analyze"] + \
        l100["stages"]["extract"] + l100["stages"]["render"] + l100["stages"]["pdf"]
    long_growth = long_total / sum(l10["stages"].values())
    peer_long = l100["peer"]["seconds"]
    peer_growth = (peer_long / l10["peer"]["seconds"]
                   if peer_long and l10["peer"]["seconds"] else None)
    j2 = batch["-j 2"]
    total = sum(comps["seconds"].values())
    used_total = sum(v for k, v in comps["seconds"].items() if k in comps["run_by_briefgen"])
    lines = [
        "# Performance",
        "",
        "Measured by `bench/run.py` (`make bench`) with:",
        "",
        "```",
        command,
        "```",
        "",
        f"on {env['date']}: {env['cpus']} CPUs ({env['machine']}), Python {env['python']}, "
        f"spaCy {env['spacy']}, model {env['model']}. One-minute load average "
        f"{env['load_before']:.2f} before, {env['load_during'][0]:.2f} to "
        f"{env['load_during'][1]:.2f} during and {env['load_after']:.2f} after the run (the "
        "bench itself adds up to 2): figures taken while other processes compete for the "
        "CPUs are slower than on an idle machine. "
        "Every figure is the median of the runs stated; in-process figures come from a fresh "
        "child process per measurement. The peer is sumy's LexRank choosing 5 sentences with "
        "briefgen's sentence splitter (it writes no memo and finds no attendees or positions, "
        "so it is a floor for the summary step, not a competitor for the whole memo).",
        "",
        "## Targets",
        "",
        "| what | target | briefgen | runs | verdict | peer (LexRank) |",
        "|---|---|---|---|---|---|",
        f"| `briefgen --help` (process start to exit) | <= 0.35 s | {sec(help_time)} | "
        f"{startup['commands']['briefgen --help']['runs']} | "
        f"{verdict(help_time <= TARGETS['startup'])} | |",
    ]
    if list_time is not None:
        lines.append(f"| `briefgen templates list` | <= 0.35 s | {sec(list_time)} | "
                     f"{startup['commands']['briefgen templates list']['runs']} | "
                     f"{verdict(list_time <= TARGETS['startup'])} | |")
    else:
        lines.append("| `briefgen templates list` | <= 0.35 s | not measured: the command "
                     "does not exist yet | | | |")
    lines += [
        f"| cold `briefgen generate seed -o x.pdf` | <= 1.6 s | {sec(cold['median'])} "
        f"(min {sec(cold['min'])}; CPU {sec(cold['cpu'])}), {cold['rss_mb']:.0f} MB | "
        f"{cold['runs']} | "
        f"{verdict(cold['median'] <= TARGETS['cold'])} | |",
        f"| warm per document, seed: extraction + PDF + DOCX | <= 120 ms | "
        f"{ms(warm['seed_total'])} (min {ms(warm['seed_total_min'])}) | {warm['runs']} | "
        f"{verdict(warm['seed_total'] <= TARGETS['warm'])} | {ms(warm['peer_seed'])} |",
        f"| batch of {batch['documents']} seed-sized readouts to PDF, `-j 2` | >= 15 docs/s | "
        f"{j2['rate']:.1f} docs/s ({sec(j2['seconds'])}) | {j2['runs']} | "
        f"{verdict(j2['rate'] >= TARGETS['batch_rate'])} | "
        f"{batch['peer']['rate']:.1f} docs/s (1 process) |",
        f"| 100x seed length ({l100['words']:,} words, {l100['sentences']:,} sentences), "
        f"extract + PDF | <= 15 s | {sec(long_total)} in-process; cold `generate` "
        f"{sec(l100['cold_generate']['seconds'])} (CPU {sec(l100['cold_generate']['cpu'])}) | "
        f"{l100['runs']} | "
        f"{verdict(l100['cold_generate']['seconds'] <= TARGETS['long_seconds'])} | "
        f"{sec(peer_long) if peer_long else 'timed out'} |",
        f"| 100x peak RSS | <= 600 MB | {l100['cold_generate']['rss_mb']:.0f} MB (cold "
        f"`generate`) | 1 | {verdict(l100['cold_generate']['rss_mb'] <= TARGETS['long_rss'])} "
        f"| {l100['peer'].get('rss_mb', 0):.0f} MB |",
        f"| growth 10x -> 100x, time ratio | <= 12 | {long_growth:.1f}; extract alone "
        f"{growth(long, 'extract'):.1f} (time ~ length^{exponent(long, 'extract'):.2f}) | "
        f"{l100['runs']} | {verdict(long_growth <= TARGETS['growth'])}"
        f"{'' if growth(long, 'extract') <= TARGETS['growth'] else '; extract alone **missed**'}"
        " | "
        f"{'-' if peer_growth is None else f'{peer_growth:.1f}'} |",
        "",
        "## Where the time goes",
        "",
        f"- Batch: {TARGETS['batch_rate']:.0f} documents/s on {env['cpus']} CPUs leaves "
        f"{ms(env['cpus'] / TARGETS['batch_rate'])} of CPU per document, start-up included; "
        f"`-j 2` spent {ms(j2['cpu'] / batch['documents'])} per document. A warm process spends "
        f"{ms(warm['corpus_mean'])} per readout (mean of {warm['corpus_docs']}): " + ", ".join(
            f"{k} {ms(v)}" for k, v in warm["corpus_stage_means"].items() if v >= 0.002) + ".",
        "- spaCy: " + ", ".join(f"{k} {v / total:.0%}" for k, v in sorted(
            comps["seconds"].items(), key=lambda kv: -kv[1]) if v / total >= 0.01)
        + " of the package pipeline's time"
        + (f" ({', '.join(comps['dropped'])} not run: see below)" if comps["dropped"] else "")
        + f"; briefgen parses {comps['words'] / used_total:,.0f} words/s in one process.",
        f"- 100x document: analyze {sec(l100['stages']['analyze'])} and extract "
        f"{sec(l100['stages']['extract'])} of {sec(long_total)}; the extraction grows as "
        f"length^{exponent(long, 'extract'):.2f} (hot spots below).",
        "",
        "## Start-up",
        "",
        "| command | median | min | max | runs | tool |",
        "|---|---|---|---|---|---|",
    ]
    for label, m in startup["commands"].items():
        lines.append(f"| `{label}` | {sec(m['median'])} | {sec(m['min'])} | {sec(m['max'])} | "
                     f"{m['runs']} | {m['tool']} |")
    lines += ["", "Heavy libraries loaded (spacy, reportlab, docx, jinja2), in-process:", ""]
    for label, m in startup["imports"].items():
        lines.append(f"- `briefgen {label}`: exit {m['exit_code']}, "
                     f"{', '.join(m['heavy']) or 'none'}")
    lines += ["", "Slowest imports of `briefgen --help` (`python -X importtime`, cumulative):",
              ""]
    lines += [f"- `{name}` {seconds * 1000:.0f} ms" for name, seconds in
              startup["importtime_help"]]
    stage_text = ", ".join(f"{k} {ms(v)}" for k, v in warm["seed_stages"].items())
    corpus_text = ", ".join(f"{k} {ms(v)}" for k, v in warm["corpus_stage_means"].items())
    lines += [
        "",
        "## One memo",
        "",
        f"- Cold `generate` of the seed ({warm['words_seed']} words) to PDF: median "
        f"{sec(cold['median'])} over {cold['runs']} runs; its own `--verbose` split: "
        f"{cold['verbose_timings']}.",
        f"- Warm, seed, median of {warm['runs']}: {stage_text}; total {ms(warm['seed_total'])}.",
        f"- Warm, mean over the {warm['corpus_docs']} real readouts: {corpus_text}; total "
        f"{ms(warm['corpus_mean'])}. Peer: {ms(warm['peer_corpus_mean'])} per readout.",
        "",
        "## Batch",
        "",
        "| run | documents/s | wall | CPU (all processes) | CPU per document | "
        "first result after | peak RSS (largest process) |",
        "|---|---|---|---|---|---|---|",
    ]
    for label in ("-j 2", "-j 1"):
        if label in batch:
            b = batch[label]
            lines.append(f"| `briefgen batch ... -f pdf {label}` ({b['runs']} runs) | "
                         f"{b['rate']:.1f} | {sec(b['seconds'])} | {sec(b['cpu'])} | "
                         f"{ms(b['cpu'] / batch['documents'])} | {sec(b['first_result'])} | "
                         f"{b['rss_mb']:.0f} MB |")
    lines.append(f"| peer: LexRank, one process | {batch['peer']['rate']:.1f} | "
                 f"{sec(batch['peer']['seconds'])} | {sec(batch['peer']['cpu'])} | "
                 f"{ms(batch['peer']['cpu'] / batch['documents'])} | | "
                 f"{batch['peer']['rss_mb']:.0f} MB |")
    lines += [
        "",
        f"The {batch['documents']} inputs are the {warm['corpus_docs']} real readouts (seed, dev "
        "corpus, held-out) cycled, each with a numbered title so that no two files are the same.",
        "",
        "## Long documents",
        "",
        "Made of different real readouts one after another (the seed first), so that names, "
        "parties and positions keep changing along the text.",
        "",
        "| length | words | sentences | ingest+clean | analyze | extract | render | PDF | "
        "peak RSS | peer |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for factor in ("1x", "10x", "100x"):
        f = long[factor]
        s = f["stages"]
        peer = f["peer"]["seconds"]
        lines.append(f"| {factor} | {f['words']:,} | {f['sentences']:,} | "
                     f"{sec(s['ingest+clean'])} | {sec(s['analyze'])} | {sec(s['extract'])} | "
                     f"{sec(s['render'])} | {sec(s['pdf'])} | {f['peak_rss_mb']:.0f} MB | "
                     f"{sec(peer) if peer is not None else 'timed out'} |")
    lines += [
        "",
        f"Growth from 10x to 100x ({l100['words'] / l10['words']:.1f} times the words), time "
        f"ratio and the exponent k of time ~ length^k (1 is linear): " + ", ".join(
            f"{stage} {growth(long, stage):.1f} (k {exponent(long, stage):.2f})"
            for stage in ("analyze", "extract", "render", "pdf")) + ".",
        "",
        f"Extraction hot spots on the 100x document (cProfile, "
        f"{long['profile_100x']['total']:.1f} s under the profiler), by own time:",
        "",
        "| where | function | calls | own | cumulative |",
        "|---|---|---|---|---|",
    ]
    for r in long["profile_100x"]["by_own"]:
        lines.append(f"| `{r['where']}` | {r['function']} | {r['calls']:,} | {sec(r['own'])} | "
                     f"{sec(r['cumulative'])} |")
    lines += ["", "By cumulative time:", "", "| where | function | calls | cumulative |",
              "|---|---|---|---|"]
    for r in long["profile_100x"]["by_cumulative"]:
        lines.append(f"| `{r['where']}` | {r['function']} | {r['calls']:,} | "
                     f"{sec(r['cumulative'])} |")
    compared = comps["comparison"]
    used_seconds = sum(v for k, v in comps["seconds"].items() if k in comps["run_by_briefgen"])
    lines += [
        "",
        "## spaCy components",
        "",
        f"The package's pipeline (lemmatizer and senter never loaded): "
        f"{', '.join(comps['components'])}; briefgen runs {', '.join(comps['run_by_briefgen'])}. "
        f"Seconds per component over the {comps['sentences']} sentences ({comps['words']:,} "
        f"words) of the {warm['corpus_docs']} readouts, median of {comps['runs']}:",
        "",
        "| component | seconds | share | run by briefgen |",
        "|---|---|---|---|",
    ]
    lines += [f"| {k} | {v:.2f} | {v / total:.0%} | "
              f"{'yes' if k in comps['run_by_briefgen'] else '**no**'} |"
              for k, v in comps["seconds"].items()]
    lines += ["", f"briefgen's components: {used_seconds:.2f} s, "
                  f"{comps['words'] / used_seconds:,.0f} words/s in one process."]
    if "blis_seconds" in comps:
        same = compared.get("same_with_blis")
        lines += ["", f"Matrix products: briefgen's pipeline parses these sentences in "
                      f"{comps['numpy_blas_seconds']:.2f} s with numpy's BLAS (one thread) and "
                      f"{comps['blis_seconds']:.2f} s with thinc's default, blis (which picks "
                      "its generic kernel on CPUs it does not know; run with BLIS_ARCH_DEBUG=1 "
                      "to see its choice); the same tags, parses and entities: "
                      f"{'yes' if same else 'NO' if same is not None else 'not compared'}."]
    if compared:
        lines += [
            "",
            f"Not running {', '.join(comps['dropped'])} saves {1 - used_seconds / total:.0%} "
            f"of the parse and changes nothing the extraction reads: the same Briefs for all "
            f"{warm['corpus_docs']} readouts: {'yes' if compared['same_briefs'] else 'NO'}; the "
            f"same tag_, dep_, heads and entities on every sentence: "
            f"{'yes' if compared['same_tag_dep_ents'] else 'NO'}. The extraction reads "
            "Token.tag_, dep_, head and entities; uses of pos, morph or lemma in "
            f"briefgen/extract: {', '.join(comps['pos_morph_lemma_uses_in_extract']) or 'none'}.",
        ]
    lines.append("")
    if "faststart" in figures:
        lines += faststart_lines(figures["faststart"])
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7,
                        help="runs of quick measurements (start-up, cold, warm)")
    parser.add_argument("--batch-runs", type=int, default=3, help="runs of the batch")
    parser.add_argument("--long-runs", type=int, default=3, help="runs of the long documents")
    parser.add_argument("--documents", type=int, default=200, help="documents in the batch")
    parser.add_argument("--peer-timeout", type=float, default=600.0,
                        help="seconds before the peer is given up on one long document")
    parser.add_argument("--quick", action="store_true",
                        help="one run of everything, 50 documents (a smoke test)")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "performance.md")
    parser.add_argument("--json", type=Path, help="also write every figure here")
    parser.add_argument("--only", choices=["faststart"],
                        help="measure one section and replace it in --out")
    parser.add_argument("--report-only", type=Path, metavar="JSON",
                        help="measure nothing: write the report again from figures saved "
                             "with --json (the command shown is the one that measured them)")
    args = parser.parse_args(argv)
    if args.quick:
        args.runs, args.batch_runs, args.long_runs, args.documents = 3, 1, 1, 50
    command = "python bench/run.py " + shlex.join(argv if argv is not None else sys.argv[1:])
    if args.report_only:
        figures = json.loads(args.report_only.read_text(encoding="utf-8"))
        report = write_report(figures, figures.get("command", "python bench/run.py"))
        args.out.write_text(report, encoding="utf-8")
        print(report)
        return 0
    if args.only == "faststart":
        with tempfile.TemporaryDirectory(prefix="briefgen-bench-") as tmp:
            fast = measure_faststart(Path(tmp), max(args.runs, 10))
        lines = faststart_lines(fast)
        lines.insert(-2, f"\nMeasured alone with `{command.strip()}` on "
                         f"{time.strftime('%Y-%m-%d %H:%M')}.")
        section = "\n".join(lines)
        old = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
        if FASTSTART_BEGIN in old:
            head, rest = old.split(FASTSTART_BEGIN, 1)
            old = head + rest.split(FASTSTART_END, 1)[1].lstrip("\n")
        args.out.write_text(old.rstrip("\n") + "\n\n" + section + "\n", encoding="utf-8")
        print(section)
        return 0
    import spacy

    from briefgen.analyze import resolve_model_name

    figures: dict = {"command": command.strip(), "environment": {
        "date": time.strftime("%Y-%m-%d %H:%M"), "cpus": os.cpu_count(),
        "machine": f"{platform.system()} {platform.machine()}",
        "python": platform.python_version(), "spacy": spacy.__version__,
        "model": resolve_model_name(), "load_before": loadavg()}}
    with tempfile.TemporaryDirectory(prefix="briefgen-bench-") as tmp:
        work = Path(tmp)
        figures["startup"] = measure_startup(max(args.runs, 10))
        figures["cold"] = measure_cold(work, args.runs)
        figures["faststart"] = measure_faststart(work, max(args.runs, 10))
        log("warm per document")
        figures["warm"], _ = task("warm", str(max(args.runs, 10)))
        figures["batch"] = measure_batch(work, args.documents, args.batch_runs,
                                         serial=not args.quick)
        figures["long"] = measure_long(work, args.long_runs, args.peer_timeout)
        log("spaCy components")
        figures["components"], _ = task("components", str(args.runs))
    figures["environment"]["load_after"] = loadavg()
    figures["environment"]["load_during"] = [min(LOAD_SAMPLES), max(LOAD_SAMPLES)]
    report = write_report(figures, command.strip())
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(report, encoding="utf-8")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")
    print(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
