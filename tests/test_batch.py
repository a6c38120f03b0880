"""briefgen batch: inputs found and named, results reported per input, same memos as generate."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from briefgen.batch import assign_names, find_inputs, make_chunks, plan_jobs
from briefgen.cli import app

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_0ff103b2e130dde9.txt"
SHORT = (ROOT / "tests" / "corpus" / "001.txt", ROOT / "tests" / "corpus" / "003.txt")
Run = Callable[..., Result]


@pytest.fixture(scope="module")
def run() -> Run:
    runner = CliRunner()

    def invoke(*args: object) -> Result:
        return runner.invoke(app, ["batch", *(str(a) for a in args)], catch_exceptions=False)

    return invoke


def make_inbox(root: Path) -> Path:
    """A folder of readouts: nested, with a file of unknown type and a hidden one."""
    inbox = root / "inbox"
    (inbox / "nested").mkdir(parents=True)
    (inbox / ".hidden").mkdir()
    shutil.copy(SEED, inbox / "seed.txt")
    shutil.copy(SHORT[0], inbox / "nested" / "one.md")
    (inbox / "nested" / "gold.json").write_text("{}", encoding="utf-8")
    (inbox / "notes.rtf").write_text("not read", encoding="utf-8")
    (inbox / ".draft.txt").write_text("hidden", encoding="utf-8")
    (inbox / ".hidden" / "x.txt").write_text("hidden", encoding="utf-8")
    return inbox


def jsonl(result: Result) -> list[dict]:
    return [json.loads(line) for line in result.stdout.splitlines()]


def partial_files(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.part"))


# ------------------------------------------------------------------- finding and naming


def test_folders_recurse_and_globs_expand_to_known_types_only(tmp_path: Path) -> None:
    inbox = make_inbox(tmp_path)
    found, unmatched = find_inputs([str(inbox)])
    assert found == [str(inbox / "nested" / "one.md"), str(inbox / "seed.txt")]
    assert unmatched == []
    found, unmatched = find_inputs([f"{inbox}/**/*", f"{inbox}/*.txt", f"{tmp_path}/none/*.md"])
    assert found == [str(inbox / "nested" / "one.md"), str(inbox / "seed.txt")]  # no duplicates
    assert unmatched == [f"{tmp_path}/none/*.md"]


def test_named_files_are_kept_and_the_output_folder_is_not_searched(tmp_path: Path) -> None:
    inbox = make_inbox(tmp_path)
    (inbox / "memos").mkdir()
    (inbox / "memos" / "seed.pdf").write_bytes(b"%PDF-")
    found, _ = find_inputs([str(inbox / "notes.rtf"), str(tmp_path / "missing.txt"),
                            str(inbox)], exclude=inbox / "memos")
    assert found == [str(inbox / "notes.rtf"), str(tmp_path / "missing.txt"),
                     str(inbox / "nested" / "one.md"), str(inbox / "seed.txt")]


def test_same_stems_get_numbered_names_in_path_order_whatever_the_argument_order() -> None:
    inputs = ["b/report.txt", "a/Report.md", "c/report-2.txt", "c/other.txt", "a/report.txt"]
    names, notes = assign_names(inputs)
    assert names == {"a/Report.md": "Report", "a/report.txt": "report-3",
                     "b/report.txt": "report-4", "c/report-2.txt": "report-2",
                     "c/other.txt": "other"}
    assert assign_names(list(reversed(inputs)))[0] == names
    assert len(notes) == 1 and "3 inputs are named 'Report'" in notes[0]


def test_plan_refuses_existing_outputs_and_skips_complete_ones(tmp_path: Path) -> None:
    (tmp_path / "a.pdf").write_bytes(b"x")
    (tmp_path / "b.pdf").write_bytes(b"x")
    (tmp_path / "b.docx").write_bytes(b"x")
    plan = plan_jobs(["in/a.txt", "in/b.txt"], tmp_path, ["pdf", "docx"])
    assert [r.status for r in plan.settled] == ["error", "error"]
    assert "--skip-existing" in plan.settled[0].error
    plan = plan_jobs(["in/a.txt", "in/b.txt"], tmp_path, ["pdf", "docx"], skip_existing=True)
    assert [(j.input, j.targets) for j in plan.jobs] == [
        ("in/a.txt", (("docx", str(tmp_path / "a.docx")),))]
    assert [(r.input, r.status) for r in plan.settled] == [("in/b.txt", "skipped")]
    assert len(plan_jobs(["in/a.txt"], tmp_path, ["pdf"], force=True).jobs) == 1


def test_inputs_of_a_stopped_chunk_count_when_all_their_memos_were_written(tmp_path: Path
                                                                           ) -> None:
    import time

    from briefgen.batch import Job, written_before

    old = tmp_path / "old.pdf"
    old.write_bytes(b"x")
    os.utime(old, (1, 1))
    (tmp_path / "new.pdf").write_bytes(b"x")
    (tmp_path / "new.docx").write_bytes(b"x")
    jobs = [Job("new.txt", (("pdf", str(tmp_path / "new.pdf")),
                            ("docx", str(tmp_path / "new.docx")))),
            Job("half.txt", (("pdf", str(tmp_path / "new.pdf")),
                             ("docx", str(tmp_path / "half.docx")))),
            Job("old.txt", (("pdf", str(old)),))]
    assert [(r.input, r.status) for r in written_before(jobs, time.time())] == [
        ("new.txt", "ok")]


def test_chunks_share_work_between_workers() -> None:
    from briefgen.batch import Job

    jobs = [Job(f"{i}.txt", ()) for i in range(40)]
    assert [len(c) for c in make_chunks(jobs, 1)] == [4] * 10
    assert [len(c) for c in make_chunks(jobs[:12], 2)] == [2] * 6
    assert [len(c) for c in make_chunks(jobs[:3], 2)] == [1, 1, 1]


# ------------------------------------------------------------------------------ the command


def test_batch_is_a_command_with_help() -> None:
    runner = CliRunner()
    assert "batch" in runner.invoke(app, ["--help"]).stdout
    result = runner.invoke(app, ["batch", "--help"])
    assert result.exit_code == 0
    for option in ("--output", "--jobs", "--skip-existing", "--jsonl", "--force", "--date"):
        assert option in result.stdout


def test_batch_reports_each_input_and_goes_on_after_a_failure(run: Run, tmp_path: Path) -> None:
    inbox = make_inbox(tmp_path)
    (inbox / "empty.txt").write_text("", encoding="utf-8")
    out = tmp_path / "out"
    result = run(inbox, "-o", out, "-f", "pdf", "--jsonl", "-j", "1", "--date", "2020-07-01")
    assert result.exit_code == 1, result.output
    lines = {line["input"]: line for line in jsonl(result)}
    assert set(lines) == {str(inbox / "empty.txt"), str(inbox / "nested" / "one.md"),
                          str(inbox / "seed.txt")}
    empty = lines.pop(str(inbox / "empty.txt"))
    assert empty["status"] == "error" and "empty" in empty["error"]
    assert empty["outputs"] == []
    for line in lines.values():
        assert line["status"] == "ok" and line["error"] is None
        assert [Path(p).name for p in line["outputs"]] == [f"{Path(line['input']).stem}.pdf"]
        assert Path(line["outputs"][0]).read_bytes().startswith(b"%PDF-")
    assert sorted(p.name for p in out.iterdir()) == ["one.pdf", "seed.pdf"]
    errors = [x for x in result.stderr.splitlines() if x.startswith("briefgen: error:")]
    assert len(errors) == 1 and "empty.txt" in errors[0]
    assert "3 inputs: 2 briefed, 0 skipped, 1 failed" in result.stderr


def test_exit_0_paths_on_stdout_and_skip_existing(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = run(SHORT[0], "-o", out, "-f", "pdf", "-f", "docx", "--date", "2020-07-01")
    assert first.exit_code == 0, first.output
    assert first.stdout.splitlines() == [str(out / "001.pdf"), str(out / "001.docx")]
    (out / "001.docx").unlink()
    again = run(SHORT[0], SHORT[1], "-o", out, "--skip-existing", "--jsonl",
                "--date", "2020-07-01")
    assert again.exit_code == 0, again.output
    lines = jsonl(again)
    assert [(x["status"], [Path(p).name for p in x["outputs"]]) for x in lines] == [
        ("ok", ["001.docx"]), ("ok", ["003.pdf", "003.docx"])]
    skipped = run(SHORT[0], "-o", out, "--skip-existing", "--jsonl")
    assert skipped.exit_code == 0
    assert [x["status"] for x in jsonl(skipped)] == ["skipped"]
    refused = run(SHORT[0], "-o", out, "--jsonl")
    assert refused.exit_code == 1
    assert "already exists" in jsonl(refused)[0]["error"]
    assert run(SHORT[0], "-o", out, "--force", "--skip-existing").exit_code == 2


def test_same_stem_inputs_do_not_overwrite_each_other(run: Run, tmp_path: Path) -> None:
    for folder, source in (("a", SHORT[0]), ("b", SHORT[1])):
        (tmp_path / folder).mkdir()
        shutil.copy(source, tmp_path / folder / "readout.txt")
    out = tmp_path / "out"
    result = run(tmp_path / "b", tmp_path / "a", "-o", out, "-f", "pdf", "--jsonl")
    assert result.exit_code == 0, result.output
    written = {x["input"]: [Path(p).name for p in x["outputs"]] for x in jsonl(result)}
    assert written == {str(tmp_path / "a" / "readout.txt"): ["readout.pdf"],
                       str(tmp_path / "b" / "readout.txt"): ["readout-2.pdf"]}
    assert "2 inputs are named 'readout'" in result.stderr


def test_nothing_to_read_and_bad_options_fail_before_any_work(run: Run, tmp_path: Path) -> None:
    result = run(f"{tmp_path}/*.txt", "-o", tmp_path / "out")
    assert result.exit_code == 3
    assert result.stderr.startswith("briefgen: error: no input found")
    assert run(SEED, "-o", tmp_path / "out", "-f", "rtf").exit_code == 2
    assert run("-", "-o", tmp_path / "out").exit_code == 2
    (tmp_path / "inbox").mkdir()
    same = run(tmp_path / "inbox", "-o", tmp_path / "inbox")
    assert same.exit_code == 2 and "also an input folder" in same.stderr
    assert run(SEED, "-o", tmp_path / "out", "--date", "July 1").exit_code == 2
    assert not (tmp_path / "out").exists()  # nothing is created before the options check out
    assert run(SEED, "-o", SEED).exit_code == 8


def test_same_bytes_as_generate_with_forked_and_spawned_workers(
        run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from briefgen.batch import pool as batch_pool

    inputs = [SEED, *SHORT]
    expected = tmp_path / "generate"
    expected.mkdir()
    runner = CliRunner()
    for source in inputs:
        done = runner.invoke(app, ["generate", str(source), "-o", str(expected / source.stem),
                                   "-f", "pdf", "-f", "docx", "-f", "json", "--date", "2020-07-01",
                                   "--to", "Desk", "--from", "Analyst X"],
                             catch_exceptions=False)
        assert done.exit_code == 0, done.output
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    started = []
    real_start_pool = batch_pool.start_pool

    def start_pool(*args, **kwargs):
        pool = real_start_pool(*args, **kwargs)
        started.append(pool._mp_context.get_start_method())
        return pool

    monkeypatch.setattr(batch_pool, "start_pool", start_pool)
    # Forked where nothing else runs (the command line's case on Linux); spawned, and each
    # worker loading the model itself, while another thread runs.
    modes = ["fork", "spawn"] if sys.platform.startswith("linux") else ["spawn"]
    for mode in modes:
        stop = threading.Event()
        thread = threading.Thread(target=stop.wait, daemon=True)
        if mode == "spawn":
            thread.start()
        try:
            out = tmp_path / mode
            result = run(*inputs, empty, "-o", out, "-f", "pdf", "-f", "docx", "-f", "json",
                         "-j", "2", "--jsonl",
                         "--date", "2020-07-01", "--to", "Desk", "--from", "Analyst X")
        finally:
            stop.set()
        assert result.exit_code == 1, result.output
        assert sorted(x["status"] for x in jsonl(result)) == ["error", "ok", "ok", "ok"]
        assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in expected.iterdir())
        for path in expected.iterdir():
            assert (out / path.name).read_bytes() == path.read_bytes(), (mode, path.name)
    if fork_can_run():
        assert started == modes
    else:  # pragma: no cover - a library's thread pool already runs in this test process
        assert started[-1] == "spawn"


def fork_can_run() -> bool:
    from briefgen import faststart

    return faststart.fork_is_safe()


def test_a_model_that_cannot_load_is_reported_after_the_inputs_already_settled(
        run: Run, tmp_path: Path) -> None:
    result = run(SEED, *SHORT, tmp_path / "nomatch*.txt", "-o", tmp_path / "out", "-j", "2",
                 "--jsonl", "--model", "no_such_model")
    assert result.exit_code == 6, result.output
    assert [x["status"] for x in jsonl(result)] == ["error"]  # the glob that matched nothing
    lines = result.stderr.strip().splitlines()
    assert lines[0].startswith("briefgen: error: no file matches")
    assert lines[-1].startswith("briefgen: error: cannot load spaCy model 'no_such_model'")


def test_a_pool_broken_before_the_work_is_handed_out_fails_each_input(tmp_path: Path) -> None:
    from concurrent.futures.process import BrokenProcessPool

    from briefgen.batch import Job, Settings, run_jobs

    class BrokenPool:
        _processes = None

        def submit(self, *args: object) -> None:
            raise BrokenProcessPool("a child process terminated abruptly")

        def shutdown(self, **kwargs: object) -> None:
            pass

    jobs = [Job(str(SEED), (("pdf", str(tmp_path / "seed.pdf")),)),
            Job(str(SHORT[0]), (("pdf", str(tmp_path / "short.pdf")),))]
    results = run_jobs(jobs, Settings(), 2, pool=BrokenPool())  # type: ignore[arg-type]
    assert [(r.input, r.status) for r in results] == [(j.input, "error") for j in jobs]
    assert all("a worker process died" in r.error and "--skip-existing" in r.error
               for r in results)
    assert list(tmp_path.iterdir()) == []


def test_interrupt_stops_cleanly_with_no_partial_file(run: Run, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from briefgen.writers import get_writer

    writer = get_writer("pdf")
    real_write = writer.write
    calls = []

    def write_then_interrupt(document, path, *args, **kwargs):
        calls.append(path)
        if len(calls) == 2:  # Ctrl-C in the middle of the second memo
            Path(path).write_bytes(b"%PDF-1.4 half a memo")
            raise KeyboardInterrupt
        return real_write(document, path, *args, **kwargs)

    monkeypatch.setattr(writer, "write", write_then_interrupt)
    out = tmp_path / "out"
    result = run(SEED, *SHORT, "-o", out, "-f", "pdf", "-j", "1", "--jsonl")
    assert result.exit_code == 130, result.output
    assert "interrupted" in result.stderr
    assert "stopped after 1 of 3 inputs" in result.stderr
    assert [x["status"] for x in jsonl(result)] == ["ok"]
    assert sorted(p.name for p in out.iterdir()) == ["000_0ff103b2e130dde9.pdf"]
    assert partial_files(out) == []


def test_batch_modules_load_no_heavy_library() -> None:
    probe = ("import sys, briefgen.batch, briefgen.commands.batch; "
             "print(sorted(m for m in sys.modules if m.split('.')[0] in "
             "('spacy', 'reportlab', 'docx', 'jinja2', 'rich')))")
    completed = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                               timeout=60, check=True)
    assert completed.stdout.strip() == "[]"


# ------------------------------------------------------------------- worker processes

POOL_PROBE = """
import json, sys, threading
from briefgen import batch as lib
from briefgen.analyze import load_model
if sys.argv[1] == "thread":  # a thread runs (as a progress display's would): no fork
    threading.Thread(target=threading.Event().wait, daemon=True).start()
jobs = [lib.Job(path, ()) for path in sys.argv[2:]]
with lib.worker_pool(jobs, lib.Settings(), 2) as pool:
    results = lib.run_jobs(jobs, lib.Settings(), 2, pool=pool)
print(json.dumps({"start": pool._mp_context.get_start_method(),
                  "loaded_here": load_model.cache_info().currsize,
                  "ok": [r.status for r in results]}))
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers are forked on Linux")
@pytest.mark.parametrize(("mode", "start", "loaded_here"), [("alone", "fork", 1),
                                                            ("thread", "spawn", 0)])
def test_workers_are_forked_from_a_loaded_model_only_when_no_thread_runs(
        mode: str, start: str, loaded_here: int) -> None:
    """Forked workers share the model this process loaded; with a thread running, a fork
    could inherit a held lock, so the workers are spawned and load it themselves."""
    completed = subprocess.run([sys.executable, "-c", POOL_PROBE, mode, str(SEED),
                                *map(str, SHORT)], capture_output=True, text=True, timeout=180,
                               check=False)
    assert completed.returncode == 0, completed.stderr
    found = json.loads(completed.stdout)
    assert found == {"start": start, "loaded_here": loaded_here, "ok": ["ok"] * 3}


def test_start_pool_needs_more_than_one_worker_and_some_work() -> None:
    from briefgen.batch import Job, Settings, start_pool

    assert start_pool([Job(str(SEED), ())], Settings(), 1) is None
    assert start_pool([], Settings(), 2) is None


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="process groups as on Linux")
def test_ctrl_c_stops_the_workers_too(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for i in range(40):
        shutil.copy(SEED, inbox / f"seed-{i:02d}.txt")
    out = tmp_path / "out"
    with subprocess.Popen([sys.executable, "-m", "briefgen", "batch", str(inbox), "-o", str(out),
                           "-j", "2", "--jsonl"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          text=True, start_new_session=True) as process:
        # Should the batch hang, the reads below end when the watchdog kills it: a failure.
        watchdog = threading.Timer(120, os.killpg, (process.pid, signal.SIGKILL))
        watchdog.start()
        try:
            first = process.stdout.readline()  # a memo is done: the workers have the rest
            os.killpg(process.pid, signal.SIGINT)  # as the terminal does: the whole group
            # Read on through the same buffered stream: communicate() would skip what it holds.
            rest, stderr = process.stdout.read(), process.stderr.read()
            process.wait(timeout=60)
        finally:
            watchdog.cancel()
    assert first, stderr
    assert process.returncode == 130, stderr
    assert stderr.strip().endswith("briefgen: interrupted; no partial output was left")
    reported = [json.loads(line) for line in [first, *rest.splitlines()]]
    assert 0 < len(reported) < 40
    assert partial_files(out) == []
    written = {p.name: p.read_bytes() for p in out.iterdir()}
    # Every input reported has all its memos; a memo of an input stopped half-way (its PDF
    # written, not yet its DOCX) is whole too, and --skip-existing writes only the rest.
    assert {Path(o).name for r in reported for o in r["outputs"]} <= set(written)
    for name, data in written.items():
        assert data.rstrip().endswith(b"%%EOF") if name.endswith(".pdf") else (
            data.startswith(b"PK") and b"word/document.xml" in data), name
    with pytest.raises(ProcessLookupError):  # no worker left running in the group
        os.killpg(process.pid, 0)


FORK_SIGNALS_PROBE = """
import multiprocessing, os, signal, sys, tempfile, time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from briefgen import batch as lib
from briefgen.batch import pool
real_submit, real_init = ProcessPoolExecutor.submit, pool.init_worker
folder = Path(tempfile.mkdtemp())

def blocked():
    return signal.SIGINT in signal.pthread_sigmask(signal.SIG_BLOCK, [])

def submit_then_ctrl_c(self, *args, **kwargs):
    future = real_submit(self, *args, **kwargs)
    os.killpg(0, signal.SIGINT)  # Ctrl-C, as the terminal sends it, as the workers start
    return future

def checking_init(*args):
    before = blocked()
    real_init(*args)
    ignored = signal.getsignal(signal.SIGINT) == signal.SIG_IGN
    (folder / str(os.getpid())).write_text(f"{before} {blocked()} {ignored}")

pool.init_worker = checking_init
if sys.argv[1] == "ctrl-c":
    ProcessPoolExecutor.submit = submit_then_ctrl_c
jobs = [lib.Job(path, ()) for path in sys.argv[2:]]
try:
    with lib.worker_pool(jobs, lib.Settings(), 2) as pool:
        lib.run_jobs(jobs, lib.Settings(), 2, pool=pool)
        print("done")
except KeyboardInterrupt:
    print("interrupted")
print("children", len(multiprocessing.active_children()), "blocked", blocked())
print(*sorted(p.read_text() for p in folder.iterdir()), sep="\\n")
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers are forked on Linux")
def test_workers_fork_with_ctrl_c_blocked_and_ignore_it_before_lifting_the_block() -> None:
    """A Ctrl-C as the workers fork waits until each ignores it (none dies of it half set
    up, printing a traceback) and reaches this process only once it guards the workers."""
    args = [sys.executable, "-c", FORK_SIGNALS_PROBE]
    inputs = [str(SEED), *map(str, SHORT)]
    calm = subprocess.run([*args, "calm", *inputs], capture_output=True, text=True,
                          timeout=180, check=False, start_new_session=True)
    assert calm.returncode == 0, calm.stderr
    assert calm.stdout.splitlines() == ["done", "children 0 blocked False",
                                        "True False True", "True False True"]
    stopped = subprocess.run([*args, "ctrl-c", *inputs], capture_output=True, text=True,
                             timeout=180, check=False, start_new_session=True)
    assert stopped.returncode == 0, stopped.stderr
    assert stopped.stdout.splitlines()[:2] == ["interrupted", "children 0 blocked False"]
    assert "Traceback" not in stopped.stderr, stopped.stderr


def test_folders_contribute_every_suffix_that_ingest_reads(tmp_path: Path) -> None:
    from briefgen.ingest.sniff import READABLE_SUFFIXES

    for name in ("a.markdown", "b.xhtml", "c.txt", "d.rtf", ".hidden.txt"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    found, _ = find_inputs([str(tmp_path)])
    assert [Path(p).name for p in found] == ["a.markdown", "b.xhtml", "c.txt"]
    assert {".markdown", ".xhtml", ".md", ".html", ".htm", ".txt", ".docx", ".pdf"} == set(
        READABLE_SUFFIXES)


def _start_batch(tmp_path: Path, count: int = 40) -> tuple[subprocess.Popen, Path]:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for i in range(count):
        shutil.copy(SEED, inbox / f"seed-{i:02d}.txt")
    out = tmp_path / "out"
    process = subprocess.Popen([sys.executable, "-m", "briefgen", "batch", str(inbox), "-o",
                                str(out), "-j", "2", "--jsonl"], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, start_new_session=True)
    return process, out


def _group_gone(group: int, seconds: float = 20) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            os.killpg(group, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.1)
    return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="signals as on Linux")
def test_sigterm_to_the_batch_stops_it_as_ctrl_c_does(tmp_path: Path) -> None:
    process, out = _start_batch(tmp_path)
    watchdog = threading.Timer(120, os.killpg, (process.pid, signal.SIGKILL))
    watchdog.start()
    with process:
        try:
            first = process.stdout.readline()
            process.send_signal(signal.SIGTERM)  # the parent only, as kill(1) does
            rest, stderr = process.stdout.read(), process.stderr.read()
            process.wait(timeout=60)
        finally:
            watchdog.cancel()
    assert first, stderr
    assert process.returncode == 143, stderr
    assert stderr.strip().endswith("briefgen: terminated; no partial output was left")
    assert 0 < len([first, *rest.splitlines()]) < 40
    assert partial_files(out) == []
    assert _group_gone(process.pid)  # no worker left behind


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl is Linux's")
def test_workers_end_when_the_batch_process_is_killed(tmp_path: Path) -> None:
    process, out = _start_batch(tmp_path)
    try:
        first = process.stdout.readline()
        assert first, process.stderr.read()
        process.kill()  # kill -9: no handler runs in the parent
        process.wait(timeout=30)
        assert _group_gone(process.pid), "workers outlived their killed parent"
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.stdout.close()
        process.stderr.close()
    # The next run into the folder clears what the killed one left half-written.
    subprocess.run([sys.executable, "-m", "briefgen", "batch", str(tmp_path / "inbox"), "-o",
                    str(out), "-j", "1", "--skip-existing", "--no-progress"],
                   capture_output=True, text=True, timeout=300, check=True)
    assert partial_files(out) == []
    assert len(list(out.glob("*.pdf"))) == 40
