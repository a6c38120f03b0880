"""The fast start (the model loads in a forked child): same results as doing the work here,
and never a stray child."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from briefgen import faststart
from briefgen.errors import EmptyInputError

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_0ff103b2e130dde9.txt"

needs_fork = pytest.mark.skipif(not faststart.can_fork(), reason="no safe fork here (not Linux, "
                                "one CPU, or threads running)")


def _raise_empty(_receive: object) -> None:
    raise EmptyInputError("'x.txt' has no sentences to brief")


def _die(_receive: object) -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def _sleep(_receive: object) -> None:
    time.sleep(60)


def _echo_later(receive: Callable[[], object]) -> object:
    time.sleep(0.3)  # busy, as a child loading the model is, while the parent sends
    return receive()


@needs_fork
def test_the_childs_result_comes_back() -> None:
    job = faststart.start(lambda _: {"pid": os.getpid(), "items": list(range(100_000))})
    assert job is not None
    with job:
        result = job.result()
    assert result["pid"] != os.getpid()
    assert result["items"] == list(range(100_000))  # more than one pipe buffer


@needs_fork
def test_the_parent_sends_more_than_a_pipe_holds_without_waiting_for_the_child() -> None:
    job = faststart.start(_echo_later)
    assert job is not None
    value = {"text": "x" * 3_000_000}
    with job:
        started = time.monotonic()
        job.send(value)
        assert time.monotonic() - started < 0.25  # the child reads only after its 0.3 s
        assert job.result() == value


@needs_fork
def test_a_child_waiting_for_a_value_never_sent_is_stopped() -> None:
    job = faststart.start(_echo_later)
    assert job is not None
    with job:
        pid = job.pid
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)


@needs_fork
def test_the_childs_exception_is_raised_here() -> None:
    job = faststart.start(_raise_empty)
    assert job is not None
    with job, pytest.raises(EmptyInputError, match="no sentences"):
        job.result()


@needs_fork
def test_a_child_that_dies_gives_no_result_error() -> None:
    job = faststart.start(_die)
    assert job is not None
    with job, pytest.raises(faststart.NoResultError):
        job.result()


@needs_fork
def test_leaving_the_block_early_kills_the_child() -> None:
    job = faststart.start(_sleep)
    assert job is not None
    started = time.monotonic()
    with job:
        pid = job.pid
    assert time.monotonic() - started < 5
    with pytest.raises(ChildProcessError):  # reaped: no zombie left behind
        os.waitpid(pid, os.WNOHANG)


def test_no_fork_while_threads_run() -> None:
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert faststart.can_fork() is False
        assert faststart.start(lambda _: 1) is None
    finally:
        stop.set()
        thread.join()


def test_a_cold_process_gives_the_brief_of_a_warm_one() -> None:
    """``extract`` in a fresh process (the model loads in a forked child) equals this one's."""
    from briefgen.pipeline import build_brief

    completed = subprocess.run([sys.executable, "-m", "briefgen", "extract", str(SEED), "--json"],
                               capture_output=True, text=True, timeout=120, check=False)
    assert completed.returncode == 0, completed.stderr
    assert json.loads(completed.stdout) == build_brief(str(SEED)).to_dict()


def test_a_cold_process_reports_an_error_from_the_child(tmp_path: Path) -> None:
    completed = subprocess.run([sys.executable, "-m", "briefgen", "generate", str(SEED),
                                "-o", str(tmp_path / "m.pdf"), "--model", "no_such_model"],
                               capture_output=True, text=True, timeout=120, check=False)
    assert completed.returncode == 6, completed.stderr
    assert completed.stderr.startswith("briefgen: error: cannot load spaCy model 'no_such_model'")
    assert len(completed.stderr.strip().splitlines()) == 1
    assert list(tmp_path.iterdir()) == []


@needs_fork
def test_ctrl_c_during_start_up_stops_both_processes(tmp_path: Path) -> None:
    target = tmp_path / "m.pdf"
    process = subprocess.Popen([sys.executable, "-m", "briefgen", "generate", str(SEED),
                                "-o", str(target)], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, start_new_session=True)
    time.sleep(0.7)  # the model is loading in the child (a cold start takes over a second)
    os.killpg(process.pid, signal.SIGINT)  # as the terminal does: the whole process group
    _, stderr = process.communicate(timeout=60)
    if process.returncode == 0:  # pragma: no cover - this machine was faster than expected
        pytest.skip("the memo was written before the interrupt")
    assert process.returncode == 130, stderr
    assert stderr.strip() == "briefgen: interrupted; no partial output was left"
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(ProcessLookupError):  # no child left running in the group
        os.killpg(process.pid, 0)


LONG_INPUT_PROBE = """
import json, sys
from briefgen import faststart, pipeline
from briefgen.analyze import load_model
faststart.OVERLAP_MAX_CHARS = 10  # every input is "long": parsed in this process
timings = pipeline.Timings()
with faststart.analyzer() as analyzer:
    forked = isinstance(analyzer, faststart.ForkedAnalyzer)
    brief = pipeline.build_brief(sys.argv[1], timings=timings, analyzer=analyzer)
print(json.dumps({"forked": forked, "loaded_here": load_model.cache_info().currsize,
                  "brief": brief.to_dict()}))
"""


@needs_fork
def test_a_long_input_is_parsed_here_and_the_early_child_stops() -> None:
    from briefgen.pipeline import build_brief

    completed = subprocess.run([sys.executable, "-c", LONG_INPUT_PROBE, str(SEED)],
                               capture_output=True, text=True, timeout=120, check=False)
    assert completed.returncode == 0, completed.stderr
    report = json.loads(completed.stdout.strip().splitlines()[-1])
    assert report["forked"] is True
    assert report["loaded_here"] == 1
    assert report["brief"] == build_brief(str(SEED)).to_dict()


SWITCHED_OFF_PROBE = """
import json, os, sys
os.environ["BRIEFGEN_FASTSTART"] = "0"
from briefgen import faststart
from briefgen.pipeline import build_brief
with faststart.analyzer() as analyzer:
    forked = isinstance(analyzer, faststart.ForkedAnalyzer)
    brief = build_brief(sys.argv[1], analyzer=analyzer)
print(json.dumps({"forked": forked, "brief": brief.to_dict()}))
"""


def test_the_switch_keeps_everything_in_this_process_with_the_same_brief() -> None:
    from briefgen.pipeline import build_brief

    completed = subprocess.run([sys.executable, "-c", SWITCHED_OFF_PROBE, str(SEED)],
                               capture_output=True, text=True, timeout=120, check=False)
    assert completed.returncode == 0, completed.stderr
    report = json.loads(completed.stdout.strip().splitlines()[-1])
    assert report["forked"] is False
    assert report["brief"] == build_brief(str(SEED)).to_dict()


def test_a_process_that_has_the_model_gets_the_plain_analyzer() -> None:
    from briefgen.analyze import load_model
    from briefgen.pipeline import Analyzer

    load_model()
    with faststart.analyzer() as analyzer:
        assert type(analyzer) is Analyzer


@needs_fork
def test_forked_and_plain_memos_are_byte_identical(tmp_path: Path) -> None:
    outputs = {}
    for switch in ("1", "0"):
        folder = tmp_path / switch
        folder.mkdir()
        env = {**os.environ, "BRIEFGEN_FASTSTART": switch}
        completed = subprocess.run(
            [sys.executable, "-m", "briefgen", "generate", str(SEED), "-o", str(folder / "m"),
             "-f", "pdf", "-f", "docx", "-f", "json", "--date", "2020-07-01"],
            capture_output=True, text=True, timeout=120, check=False, env=env)
        assert completed.returncode == 0, completed.stderr
        outputs[switch] = {p.name: p.read_bytes() for p in folder.iterdir()}
    assert outputs["1"] == outputs["0"]
    assert sorted(outputs["1"]) == ["m.docx", "m.json", "m.pdf"]


@needs_fork
def test_a_usage_error_after_the_start_leaves_no_process_behind() -> None:
    process = subprocess.Popen([sys.executable, "-m", "briefgen", "generate", str(SEED),
                                "--date", "not-a-date"], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, start_new_session=True)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 2, stderr
    assert stderr.startswith("briefgen: error:")
    with pytest.raises(ProcessLookupError):  # the model-loading child was stopped too
        os.killpg(process.pid, 0)


@needs_fork
def test_sigterm_during_start_up_stops_both_processes(tmp_path: Path) -> None:
    process = subprocess.Popen([sys.executable, "-m", "briefgen", "generate", str(SEED),
                                "-o", str(tmp_path / "m.pdf")], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, start_new_session=True)
    time.sleep(0.7)  # the model is loading in the child
    process.send_signal(signal.SIGTERM)  # the parent only
    _, stderr = process.communicate(timeout=60)
    if process.returncode == 0:  # pragma: no cover - this machine was faster than expected
        pytest.skip("the memo was written before the signal")
    assert process.returncode == 143, stderr
    assert stderr.strip() == "briefgen: terminated; no partial output was left"
    assert list(tmp_path.iterdir()) == []
    time.sleep(0.2)
    with pytest.raises(ProcessLookupError):  # the model-loading child was stopped too
        os.killpg(process.pid, 0)
