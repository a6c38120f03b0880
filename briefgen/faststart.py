"""Load the spaCy model in a forked child while this process gets everything else ready.

A cold ``briefgen generate`` spends about a second importing spaCy and loading its model, and
a few tenths reading the options, template and inputs and preparing what comes after (the
extraction's gazetteer, Jinja2 and markdown-it, reportlab and its fonts). The two do not depend
on each other, so on two CPUs they can run at once. The whole contract is one call:

    with faststart.analyzer(model) as analyzer:      # the child starts loading now
        ...                                          # options, template, inputs
        build_brief(paths, analyzer=analyzer, prepare=...)

:func:`analyzer` returns a ``pipeline.Analyzer``; where forking is unsafe or pointless (not
Linux, one CPU, threads running, ``BRIEFGEN_FASTSTART=0``) it is the plain in-process one,
and a child that dies or a text too long to hand over is analyzed here: the result is the same
either way (tests check it byte for byte). Leaving the block stops a child still running.
Measured in docs/performance.md (``bench/run.py faststart``).
"""

from __future__ import annotations

import contextlib
import functools
import os
import pickle
import signal
import sys
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from briefgen.pipeline import Analyzer, Timings, load_and_analyze, prepare_extraction, quietly

if TYPE_CHECKING:
    from briefgen.model import Analysis, CleanText

T = TypeVar("T")

#: Set to 0 to do everything in this process (as on systems where forking is unsafe).
ENVIRONMENT = "BRIEFGEN_FASTSTART"
#: Inputs up to this many characters are parsed by the child; longer ones here, loading the
#: model again. Passing the analyses of a 230,000-character text back costs ~0.55 s (pickled
#: both ways), half a model load, and grows with the text: beyond this size a second load in
#: this process is the cheaper way.
OVERLAP_MAX_CHARS = 400_000


def analyzer(model: str | None = None) -> Analyzer:
    """Start loading ``model`` in a forked child now, where that helps; return the Analyzer.

    The child loads the model at once, while this process goes on; ``analyze`` then hands
    it the cleaned texts and takes their analyses back. Without a child (see the module's
    docstring) the plain in-process ``pipeline.Analyzer`` is returned.
    """
    from briefgen.analyze import load_model

    if os.environ.get(ENVIRONMENT, "1").strip() == "0" or load_model.cache_info().currsize:
        return Analyzer(model)  # turned off, or this process has loaded a model already
    job = start(functools.partial(_analyze_in_child, model))
    return Analyzer(model) if job is None else ForkedAnalyzer(model, job)


class ForkedAnalyzer(Analyzer):
    """An Analyzer whose model loads in a forked child (see :func:`analyzer`)."""

    def __init__(self, model: str | None, job: Background[Any]) -> None:
        super().__init__(model)
        self.job: Background[Any] | None = job

    def analyze(self, cleaned: list[CleanText], timings: Timings,
                prepare: Callable[[], None] | None = None, isolate: bool = False
                ) -> tuple[list[Analysis | Exception], str]:
        """Analyze in the child while ``prepare`` (and the extraction's start-up) run here.

        Raises:
            ModelError: the model cannot be loaded.
            EmptyInputError: without ``isolate``, a text holds no sentences.
        """
        job, self.job = self.job, None
        if job is not None and (isolate or sum(len(c.body) for c in cleaned)
                                > OVERLAP_MAX_CHARS):
            job.stop()  # a long text is parsed here: waiting for the child would gain nothing
            job = None
        if job is not None:
            with job:
                job.send(cleaned)
                prepare_extraction()
                if prepare is not None:
                    quietly(prepare)
                try:
                    result = job.result()
                except NoResultError:
                    result = None
            if result is not None:
                analyses, description, stages = result
                timings.stages.update(stages)
                return analyses, description
        return super().analyze(cleaned, timings, prepare, isolate)

    def __exit__(self, *_: object) -> None:
        if self.job is not None:
            self.job.stop()
            self.job = None


def _analyze_in_child(model: str | None, receive: Callable[[], list[CleanText]]
                      ) -> tuple[list[Analysis | Exception], str, dict[str, float]]:
    """The child's part: load the model, then analyze the texts the parent sends."""
    import time

    from briefgen.analyze import load_model

    t = time.perf_counter()
    load_model(model)
    loaded = time.perf_counter() - t
    analyses, description, stages = load_and_analyze(receive(), model)
    stages["load model"] = loaded
    return analyses, description, stages


class NoResultError(Exception):
    """The child ended without a result (killed, out of memory, an unpicklable result)."""


def fork_is_safe() -> bool:
    """Tell whether this process can fork children that go on running Python code.

    Only on Linux (macOS's system libraries are not fork-safe) and only while no other thread
    runs, Python's or a library's own (a BLAS or torch thread pool): a lock another thread
    held at the fork stays held for ever in the child.
    """
    if not sys.platform.startswith("linux") or threading.active_count() != 1:
        return False
    try:
        return len(os.listdir("/proc/self/task")) == 1
    except OSError:  # no /proc: Python's own count is all there is to go by
        return True


def can_fork() -> bool:
    """Tell whether a forked child can safely run Python code beside this process here."""
    return fork_is_safe() and (os.cpu_count() or 1) >= 2


class Background(Generic[T]):
    """A call running in a forked child; use as a context manager so it never outlives us."""

    def __init__(self, pid: int, fd: int, to_child: int) -> None:
        self.pid, self.fd, self.to_child = pid, fd, to_child
        self.done = False
        self.sender: threading.Thread | None = None

    def send(self, value: object) -> None:
        """Give the child's ``receive()`` its value (once), without waiting for the child.

        A thread writes it, so that a value larger than the pipe's buffer does not hold this
        process up while the child is still busy with what comes before ``receive()``.
        """
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        pipe = os.fdopen(self.to_child, "wb")
        self.to_child = -1

        def write() -> None:
            with contextlib.suppress(OSError), pipe:  # a child that died reads nothing
                pipe.write(data)

        self.sender = threading.Thread(target=write, name="briefgen-send", daemon=True)
        self.sender.start()

    def result(self) -> T:
        """Wait for the child and return its result, or raise its exception.

        Raises:
            NoResultError: the child ended without a result.
            Exception: whatever the call raised in the child.
        """
        chunks = []
        pipe, self.fd = os.fdopen(self.fd, "rb"), -1
        with pipe:
            while chunk := pipe.read(1 << 20):
                chunks.append(chunk)
        _, status = os.waitpid(self.pid, 0)
        self.done = True
        self._close_sender()
        if status != 0 or not chunks:
            raise NoResultError(f"the child process ended with status {status}")
        try:
            ok, value = pickle.loads(b"".join(chunks))
        except Exception as e:
            raise NoResultError(f"the child's result cannot be read: {e}") from e
        if not ok:
            raise value
        return value

    def stop(self) -> None:
        """Kill the child if it is still running, and reap it."""
        if self.done:
            return
        self.done = True
        with contextlib.suppress(ProcessLookupError):  # already gone
            os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        if self.fd >= 0:  # result() was not reached
            os.close(self.fd)
            self.fd = -1
        self._close_sender()

    def _close_sender(self) -> None:
        if self.to_child >= 0:  # never sent: the child, if it still waits, reads nothing
            with contextlib.suppress(OSError):
                os.close(self.to_child)
            self.to_child = -1
        if self.sender is not None:
            self.sender.join()

    def __enter__(self) -> Background[T]:
        return self

    def __exit__(self, *_: object) -> None:
        self.stop()


def start(call: Callable[[Callable[[], Any]], T]) -> Background[T] | None:
    """Run ``call(receive)`` in a forked child; None when that cannot be done safely here.

    ``receive()`` waits for the value the parent gives with :meth:`Background.send` (and
    raises EOFError when the parent gives none).
    """
    if not can_fork():
        return None
    for stream in (sys.stdout, sys.stderr):  # nothing buffered may be written twice
        stream.flush()
    read_fd, write_fd = os.pipe()
    input_read, input_write = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        for fd in (read_fd, write_fd, input_read, input_write):
            os.close(fd)
        return None
    if pid == 0:  # pragma: no cover - the child; its work is checked through the parent
        os.close(input_write)
        _child(call, read_fd, write_fd, input_read)
    os.close(write_fd)
    os.close(input_read)
    return Background(pid, read_fd, input_write)


def _child(call: Callable[[Callable[[], Any]], object], read_fd: int, write_fd: int,
           input_fd: int) -> None:
    """Run ``call`` and send back (True, result) or (False, exception); never return."""
    status = 0

    def receive() -> Any:
        with os.fdopen(input_fd, "rb") as pipe:
            return pickle.loads(pipe.read())

    try:
        os.close(read_fd)
        # Ctrl-C reaches the whole process group: the parent decides, and stops the child.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        try:
            payload: tuple[bool, object] = (True, call(receive))
        except Exception as e:
            payload = (False, e)
        try:
            data = pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:  # an unpicklable exception: the parent does the work itself
            data = b""
        with os.fdopen(write_fd, "wb") as pipe:
            pipe.write(data)
    except BaseException:
        status = 1
    finally:
        os._exit(status)
