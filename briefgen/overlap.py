"""Run one slow call in a forked child while this process gets the later stages ready.

A cold ``briefgen generate`` spends about a second importing spaCy and loading its model,
and a few tenths importing and preparing what comes after (the extraction's gazetteer, Jinja2
and markdown-it, reportlab and its fonts). The two do not depend on each other, and a
process can use only one CPU, so :func:`start` runs the first in a forked child and
:meth:`Background.result` collects its (pickled) result once the parent is done with the
second: on two CPUs the memo appears that much sooner. The child can start before its input
is ready (loading the model needs none): the parent gives it later with
:meth:`Background.send`.

It is only a way to use an idle CPU: where forking is unsafe or pointless (not Linux, one
CPU, threads running) :func:`start` returns None and the caller does the work itself; a child
that dies gives :class:`NoResultError`, and the caller does the work itself then too. An
exception the call raises in the child is raised again in the parent.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import sys
import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar

T = TypeVar("T")


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
