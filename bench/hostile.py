"""The hostile-input and crashed-run battery of issue 17, each case a real briefgen process.

usage: .venv/bin/python bench/hostile.py [--quick] [--only NAME ...] [--out docs/reliability.md]

Every case runs ``.venv/bin/briefgen`` as a subprocess under ``/usr/bin/time -v`` (``apt-get
install -y time`` where it is missing; without it the figures come from ``os.wait4``, the
child's own rusage) and records its exit code, peak RSS and wall time; a case passes when the
exit code is the one expected, its check holds (the message, the files left behind, no
stray process) and its peak RSS is at most 600 MB. The run-on readout is run at three sizes
to show that time grows linearly. The table goes into docs/reliability.md with the command
that produced it. ``--quick`` leaves out the cases of half a minute or more.

The builders of the hostile files (zip and PDF bombs, deep HTML, run-on text) live here and
are imported by tests/test_hostile.py, which runs smaller versions of the same cases.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import platform
import re
import shlex
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import time
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BRIEFGEN = ROOT / ".venv" / "bin" / "briefgen"
SEED = ROOT / "seeds" / "000_0ff103b2e130dde9.txt"
WORD_BASE = ROOT / "tests" / "inputs" / "readout_with_table.docx"
TIME = "/usr/bin/time"
MAX_RSS_MB = 600
MB = 2**20

# --------------------------------------------------------------------------- builders


def deflate_repeated(unit: bytes, count: int, head: bytes = b"", tail: bytes = b"") -> bytes:
    """Return a raw deflate stream of ``head + unit * count + tail`` without compressing all
    of it: ``unit`` is compressed once into a block that stands alone, and repeated."""
    def block(data: bytes, mode: int) -> bytes:
        compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
        return compressor.compress(data) + compressor.flush(mode)

    return block(head, zlib.Z_FULL_FLUSH) + block(unit, zlib.Z_FULL_FLUSH) * count + \
        block(tail, zlib.Z_FINISH)


def zlib_repeated(unit: bytes, count: int, head: bytes = b"", tail: bytes = b"") -> bytes:
    """The same as a zlib stream (header and Adler-32 check), as PDF's FlateDecode wants."""
    check = zlib.adler32(head)
    for _ in range(count):
        check = zlib.adler32(unit, check)
    check = zlib.adler32(tail, check)
    return b"\x78\xda" + deflate_repeated(unit, count, head, tail) + struct.pack(">L", check)


def zip_with_member(base: bytes, member: str, raw: bytes, declared: int) -> bytes:
    """Copy the zip ``base`` with ``member`` replaced by the deflate stream ``raw``, its
    directory saying that it unpacks to ``declared`` bytes (the truth, or a lie)."""
    source = zipfile.ZipFile(io.BytesIO(base))
    out = io.BytesIO()
    directory = []
    for info in source.infolist():
        if info.filename == member:
            data, size, crc = raw, declared, 0
        else:
            plain = source.read(info)
            data, size, crc = deflate_repeated(b"", 0, plain), len(plain), zlib.crc32(plain)
        name = info.filename.encode()
        offset = out.tell()
        out.write(struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, 8, 0, 0, crc, len(data),
                              size, len(name), 0) + name + data)
        directory.append(struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0, 8, 0, 0, crc,
                                     len(data), size, len(name), 0, 0, 0, 0, 0, offset) + name)
    start = out.tell()
    out.write(b"".join(directory))
    out.write(struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(directory), len(directory),
                          out.tell() - start, start, 0))
    return out.getvalue()


def docx_bomb(unpacked_mb: int, declared: str = "honest", unit: bytes = b"<w:p/>",
              one_paragraph: bool = False) -> bytes:
    """A Word file whose document part unpacks to ``unpacked_mb`` MB of ``unit`` (empty
    paragraphs; with ``one_paragraph`` all inside one), its zip directory stating the truth
    (``honest``, at most 4 GB), a small size (``lying``), or ``lying:N`` (N MB)."""
    base = WORD_BASE.read_bytes()
    document = zipfile.ZipFile(io.BytesIO(base)).read("word/document.xml")
    cut = document.index(b"<w:body>") + len(b"<w:body>")
    head, tail = document[:cut], document[cut:]
    if one_paragraph:
        head, tail = head + b"<w:p>", b"</w:p>" + tail
    repeat = unit * (MB // len(unit))
    raw = deflate_repeated(repeat, unpacked_mb, head, tail)
    size = len(head) + len(tail) + len(repeat) * unpacked_mb
    if declared == "lying":
        size = len(head) + len(tail)
    elif declared.startswith("lying:"):
        size = int(declared.split(":")[1]) * MB
    return zip_with_member(base, "word/document.xml", raw, min(size, 2**32 - 1))


def pdf_with_pages(contents: list[bytes]) -> bytes:
    """A PDF of one page per content stream (each a FlateDecode zlib stream)."""
    count = len(contents)
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [%s] /Count %d >>"
               % (b" ".join(b"%d 0 R" % (4 + 2 * i) for i in range(count)), count),
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    for i, stream in enumerate(contents):
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
                       b"/Resources << /Font << /F1 3 0 R >> >> >>" % (5 + 2 * i))
        objects.append(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) +
                       stream + b"\nendstream")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    return bytes(out)


PDF_TEXT = b"BT /F1 12 Tf 72 720 Td (The Secretary met the Minister in Washington.) Tj ET\n"


def pdf_bomb(unpacked_mb: int, pages: int = 1, unit: bytes = b" ") -> bytes:
    """A PDF whose page content streams unpack to ``unpacked_mb`` MB of ``unit`` each."""
    repeat = unit * (MB // len(unit))
    stream = zlib_repeated(repeat, unpacked_mb, PDF_TEXT, PDF_TEXT)
    return pdf_with_pages([stream] * pages)


def deep_html(depth: int) -> str:
    """A page whose article paragraph sits ``depth`` elements deep."""
    return ("<html><head><title>Deep page</title></head><body>" + "<div>" * depth +
            "<p>The Secretary met the Foreign Minister in Washington on Tuesday. They "
            "discussed trade and the security of the region.</p>" + "</div>" * depth +
            "</body></html>")


def readout_words() -> list[str]:
    """The seed readout's words without sentence ends (nor its title and disclaimer)."""
    paragraphs = [p for p in SEED.read_text(encoding="utf-8").split("\n\n")
                  if "Public Release" not in p][1:]
    return re.sub(r"[.!?;:]", "", " ".join(paragraphs)).split()


def run_on_text(chars: int) -> str:
    """One sentence of ``chars`` characters, the seed's words over and over."""
    words = readout_words()
    out: list[str] = []
    size = 0
    while size < chars:
        word = words[len(out) % len(words)]
        out.append(word)
        size += len(word) + 1
    return " ".join(out) + ".\n"


def ordinary_text(chars: int) -> str:
    """The seed's paragraphs over and over: an ordinary readout of ``chars`` characters."""
    text = SEED.read_text(encoding="utf-8")
    paragraphs = [p for p in text.split("\n\n") if "Public Release" not in p]
    body = "\n\n".join(paragraphs[1:])
    return paragraphs[0] + "\n\n" + "\n\n".join([body] * (chars // len(body) + 1))[:chars]


def with_nul(text: str) -> bytes:
    """The text as UTF-8 with one NUL byte in the middle."""
    data = text.encode("utf-8")
    middle = len(data) // 2
    return data[:middle] + b"\x00" + data[middle:]


HOSTILE_TEMPLATES = {
    "huge-loop": "{% for i in range(100000) %}{% for j in range(100000) %}{{ brief.title }}"
                 "{% endfor %}{% endfor %}",
    "silent-loop": "{% set l = range(100000)|list %}{% for a in l %}{% for b in l %}"
                   "{% endfor %}{% endfor %}",
    "huge-string": '{{ "x" * 10**10 }}',
    "huge-number": "{{ 10**(10**10) }}",
    "recursive-macro": "{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(1) }}",
    "huge-filter": '{{ "x"|center(2000000000) }}',
}

# --------------------------------------------------------------------------- running


@dataclass
class Outcome:
    """What one process did."""

    code: int | None  # None: killed by a signal (``signal`` says which)
    rss_mb: float
    seconds: float
    stderr: str = ""
    signal: int | None = None


def run_measured(argv: list[str], *, cwd: Path, stdin: Path | None = None,
                 timeout: float = 900, env: dict[str, str] | None = None) -> Outcome:
    """Run argv under /usr/bin/time -v (else measure it with os.wait4)."""
    stdin_file = open(stdin, "rb") if stdin else subprocess.DEVNULL  # noqa: SIM115
    try:
        if os.path.exists(TIME):
            with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
                start = time.monotonic()
                done = subprocess.run([TIME, "-v", "-o", report.name, *argv], cwd=cwd,
                                      stdin=stdin_file, capture_output=True, text=True,
                                      timeout=timeout, env=env, check=False)
                seconds = time.monotonic() - start
                text = Path(report.name).read_text()
            rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text)[1])
            killed = re.search(r"Command terminated by signal (\d+)", text)
            status = re.search(r"Exit status: (\d+)", text)
            return Outcome(None if killed else int(status[1]) if status else done.returncode,
                           rss / 1024, seconds, done.stderr,
                           int(killed[1]) if killed else None)
        process = subprocess.Popen(argv, cwd=cwd, stdin=stdin_file, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.PIPE, text=True, env=env)
        return wait_measured(process, time.monotonic(), timeout)
    finally:
        if stdin:
            stdin_file.close()


def wait_measured(process: subprocess.Popen, start: float, timeout: float = 900) -> Outcome:
    """Wait for a process with os.wait4 and return its exit, peak RSS and time."""
    deadline = start + timeout
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            break
        if time.monotonic() > deadline:
            process.kill()
        time.sleep(0.02)
    seconds = time.monotonic() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    stderr = process.stderr.read() if process.stderr else ""
    if os.WIFSIGNALED(status):
        return Outcome(None, usage.ru_maxrss / 1024, seconds, stderr, os.WTERMSIG(status))
    return Outcome(os.WEXITSTATUS(status), usage.ru_maxrss / 1024, seconds, stderr)


def last_line(text: str) -> str:
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[-1] if lines else ""


def stray_processes(marker: str) -> list[int]:
    """Pids of processes (other than this one) whose command line holds ``marker``."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        with contextlib.suppress(OSError):
            if marker in (entry / "cmdline").read_bytes().decode("utf-8", "replace"):
                found.append(int(entry.name))
    return found


def partial_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*.part"))


@contextlib.contextmanager
def small_filesystem(path: Path, kilobytes: int):
    """Mount a tmpfs of ``kilobytes`` at ``path`` (root only); yield False where it cannot."""
    path.mkdir(parents=True, exist_ok=True)
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={kilobytes}k", "tmpfs",
                              str(path)], capture_output=True, check=False).returncode == 0
    try:
        yield mounted
    finally:
        if mounted:
            subprocess.run(["umount", str(path)], capture_output=True, check=False)

# --------------------------------------------------------------------------- the cases


@dataclass
class Case:
    """One row of the battery: how to run it and what must happen."""

    name: str
    row: str  # the row of issue 17
    owner: str  # "input/template" or "writing/signals" (the other half of issue 17)
    what: str
    expect: tuple[int | None, ...]
    run: Callable[[Path], tuple[Outcome, str]]  # the outcome and a check: "" when it holds
    slow: bool = False
    result: Outcome | None = None
    problem: str = ""
    extra: dict[str, float] = field(default_factory=dict)


def briefgen(*args: object) -> list[str]:
    return [str(BRIEFGEN), *map(str, args)]


def simple(args: Callable[[Path], list[object]], *, stdin: Callable[[Path], Path] | None = None,
           stderr_has: str = "", files: Callable[[Path], str] | None = None
           ) -> Callable[[Path], tuple[Outcome, str]]:
    """A case that runs briefgen once, checks a phrase of its message and maybe the files."""
    def run(tmp: Path) -> tuple[Outcome, str]:
        argv = briefgen(*args(tmp))
        outcome = run_measured(argv, cwd=tmp, stdin=stdin(tmp) if stdin else None)
        problem = ""
        if stderr_has and stderr_has not in outcome.stderr:
            problem = f"message lacks {stderr_has!r}"
        if not problem and files is not None:
            problem = files(tmp)
        return outcome, problem
    return run


def write(tmp: Path, name: str, data: bytes | str) -> Path:
    path = tmp / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def seed_brief(tmp: Path) -> Path:
    path = tmp / "brief.json"
    if not path.exists():
        done = subprocess.run(briefgen("extract", SEED, "--json"), capture_output=True,
                              check=True, cwd=tmp)
        path.write_bytes(done.stdout)
    return path


def brief_with(tmp: Path, name: str, **fields: object) -> Path:
    data = json.loads(seed_brief(tmp).read_text(encoding="utf-8"))
    data.update(fields)
    return write(tmp, name, json.dumps(data))


def template_case(key: str) -> Callable[[Path], tuple[Outcome, str]]:
    def args(tmp: Path) -> list[object]:
        write(tmp, f"{key}.md.j2", HOSTILE_TEMPLATES[key])
        return ["render", seed_brief(tmp), "-t", f"{key}.md.j2", "-o", "memo.md"]
    return simple(args, stderr_has=f"template '{key}.md.j2'")


def exists(name: str) -> Callable[[Path], str]:
    return lambda tmp: "" if (tmp / name).exists() else f"{name} was not written"


def two_writers(tmp: Path) -> tuple[Outcome, str]:
    """Two runs writing the same target at once: one writes it, the other is refused."""
    argv = briefgen("generate", SEED, "-o", "same.pdf")
    start = time.monotonic()
    processes = [subprocess.Popen(argv, cwd=tmp, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outcomes = [wait_measured(p, start) for p in processes]
    codes = sorted(o.code if o.code is not None else -1 for o in outcomes)
    worst = max(outcomes, key=lambda o: o.rss_mb)
    summary = Outcome(codes[-1], worst.rss_mb, max(o.seconds for o in outcomes),
                      "\n".join(o.stderr for o in outcomes))
    problem = "" if codes == [0, 8] else f"exit codes {codes}, not one 0 and one 8"
    return summary, problem


def export_onto_symlink(tmp: Path) -> tuple[Outcome, str]:
    mine = write(tmp, "mine.md.j2", "{# my edited template #}\n# {{ brief.title }}\n")
    (tmp / "link.md.j2").symlink_to(mine.name)
    outcome = run_measured(briefgen("templates", "export", "memo", "link.md.j2"), cwd=tmp)
    intact = mine.read_text(encoding="utf-8").startswith("{# my edited")
    return outcome, "" if intact else "the file behind the link was overwritten"


def export_on_full_disk(tmp: Path) -> tuple[Outcome, str]:
    with small_filesystem(tmp / "disk", 16) as mounted:
        if not mounted:
            return Outcome(None, 0, 0), "not run: mounting a tmpfs needs root"
        edited = "{# my edited template #}\n" + "x" * 9000 + "\n"
        mine = write(tmp / "disk", "mine.md.j2", edited)
        write(tmp / "disk", "filler", b"\0" * 4096)
        outcome = run_measured(briefgen("templates", "export", "memo", "disk/mine.md.j2",
                                        "--force"), cwd=tmp)
        intact = mine.read_text(encoding="utf-8") == edited
        left = partial_files(tmp / "disk")
        return outcome, ("" if intact else "the edited template was cut") + \
            (f"; left {left}" if left else "")


def formats_on_full_disk(tmp: Path) -> tuple[Outcome, str]:
    with small_filesystem(tmp / "disk", 60) as mounted:
        if not mounted:
            return Outcome(None, 0, 0), "not run: mounting a tmpfs needs root"
        outcome = run_measured(briefgen("generate", SEED, "-o", "disk/brief", "-f", "pdf",
                                        "-f", "docx"), cwd=tmp)
        left = sorted(p.name for p in (tmp / "disk").iterdir())
        return outcome, "" if not left else f"left {left} (all or nothing: none)"


def batch_inbox(tmp: Path, count: int = 24) -> Path:
    inbox = tmp / "inbox"
    inbox.mkdir(exist_ok=True)
    text = SEED.read_text(encoding="utf-8")
    for i in range(count):
        (inbox / f"r{i:02}.txt").write_text(text, encoding="utf-8")
    return inbox


def signalled_batch(sig: int) -> Callable[[Path], tuple[Outcome, str]]:
    """A batch of two workers, signalled once its first memo is out: workers must end with
    it, and no partial file stays."""
    def run(tmp: Path) -> tuple[Outcome, str]:
        inbox = batch_inbox(tmp)
        out = tmp / f"out-{sig}-{os.getpid()}"
        start = time.monotonic()
        process = subprocess.Popen(briefgen("batch", inbox, "-o", out, "-f", "pdf", "-j", "2"),
                                   cwd=tmp, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                   text=True)
        assert process.stdout is not None
        process.stdout.readline()  # the first memo written
        os.kill(process.pid, sig)
        outcome = wait_measured(process, start)
        time.sleep(3)
        strays = stray_processes(str(out))
        for pid in strays:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        problems = []
        if strays:
            problems.append(f"{len(strays)} workers outlived the parent")
        if sig == signal.SIGTERM and partial_files(out):
            problems.append(f"left {partial_files(out)}")
        if sig == signal.SIGKILL:  # the next run into the folder clears what is left
            subprocess.run(briefgen("batch", inbox, "-o", out, "-f", "pdf", "-j", "1",
                                    "--skip-existing"), cwd=tmp, capture_output=True,
                           check=False)
            if partial_files(out):
                problems.append(f"the next run left {partial_files(out)}")
        return outcome, "; ".join(problems)
    return run


def stale_temporary(tmp: Path) -> tuple[Outcome, str]:
    out = tmp / "memos"
    out.mkdir()
    stale = write(out, ".brief.pdf.99999999-abc123.part", b"%PDF-1.4 half a memo")
    outcome = run_measured(briefgen("generate", SEED, "-o", "memos/brief.pdf"), cwd=tmp)
    return outcome, "" if not stale.exists() else "the stale .part file is still there"


def run_on(chars: int, formats: tuple[str, ...] = ("pdf", "docx")
           ) -> Callable[[Path], tuple[Outcome, str]]:
    def args(tmp: Path) -> list[object]:
        write(tmp, f"runon-{chars}.txt", run_on_text(chars))
        return ["generate", f"runon-{chars}.txt", "-o", "runon",
                *(x for f in formats for x in ("-f", f))]
    return simple(args, files=exists("runon.pdf"))


def ordinary(chars: int) -> Callable[[Path], tuple[Outcome, str]]:
    def args(tmp: Path) -> list[object]:
        write(tmp, f"ordinary-{chars}.txt", ordinary_text(chars))
        return ["generate", f"ordinary-{chars}.txt", "-o", "ordinary", "-f", "pdf", "-f", "docx"]
    return simple(args, files=exists("ordinary.pdf"))


def huge_title(kind: str) -> Callable[[Path], tuple[Outcome, str]]:
    def args(tmp: Path) -> list[object]:
        title = run_on_text(2_000_000).strip() if kind == "words" else "x" * 2_000_000
        brief_with(tmp, f"title-{kind}.json", title=title)
        return ["render", f"title-{kind}.json", "-o", f"title-{kind}", "-f", "pdf", "-f", "docx",
                "-f", "md", "-f", "html"]
    return simple(args, files=exists(f"title-{kind}.pdf"))


def cases() -> list[Case]:
    io_side, lead = "input/template", "writing/signals"
    return [
        Case("stdin-endless", "endless stdin", io_side, "generate - < /dev/zero",
             (3,), simple(lambda t: ["generate", "-", "-o", "x.pdf"],
                          stdin=lambda t: Path("/dev/zero"), stderr_has="more than --max-chars")),
        Case("docx-bomb-honest", ".docx zip bomb", io_side,
             "20 MB .docx whose directory says its document unpacks to 4 GB (20 GB really)",
             (3,), simple(lambda t: ["extract", write(t, "bomb.docx", docx_bomb(20_000))],
                          stderr_has="zip bomb")),
        Case("docx-bomb-lying", ".docx zip bomb", io_side,
             "the same, its directory saying 2 kB", (3,),
             simple(lambda t: ["extract", write(t, "lying.docx", docx_bomb(20_000, "lying"))],
                    stderr_has="not a valid Word file")),
        Case("docx-bomb-lying-60", ".docx zip bomb", io_side,
             "the same, its directory saying 60 MB (under the 64 MB cap: 10 million empty "
             "paragraphs parsed and dropped)", (3,),
             simple(lambda t: ["extract", write(t, "lying60.docx",
                                                docx_bomb(20_000, "lying:60"))],
                    stderr_has="not a valid Word file"), slow=True),
        Case("docx-one-block", ".docx zip bomb", io_side,
             "a paragraph of 200 MB of runs (3.7 MB file)", (3,),
             simple(lambda t: ["extract", write(t, "block.docx", docx_bomb(
                 200, "lying:60", b"<w:r><w:t>x</w:t></w:r>", one_paragraph=True))],
                 stderr_has="one paragraph or table")),
        Case("pdf-stream-bomb", ".docx zip bomb (PDF streams)", io_side,
             "1 MB PDF whose page stream unpacks to 1 GB", (3,),
             simple(lambda t: ["extract", write(t, "bomb.pdf", pdf_bomb(1000))],
                    stderr_has="decompression bomb")),
        Case("pdf-many-pages", ".docx zip bomb (PDF streams)", io_side,
             "PDF of 20 pages, each stream 15 MB unpacked (under pypdf's per-stream limit)",
             (3,), simple(lambda t: ["extract", write(t, "pages.pdf", pdf_bomb(15, pages=20))],
                          stderr_has="decompression bomb")),
        Case("html-dense", ".docx zip bomb (HTML)", io_side,
             "20 MB web page of 2.8 million empty tags around one paragraph", (0,),
             simple(lambda t: ["extract", write(t, "dense.html", deep_html(1).replace(
                 "</p>", "</p>" + "<b></b>" * 2_800_000))]), slow=True),
        Case("html-deep-300", "HTML nested deeper than ~256", io_side,
             "article 300 levels deep", (0,),
             simple(lambda t: ["generate", write(t, "deep300.html", deep_html(300)), "-o",
                               "deep300.md"], files=exists("deep300.md"))),
        Case("html-deep-100k", "HTML nested deeper than ~256", io_side,
             "article 100,000 levels deep", (0,),
             simple(lambda t: ["generate", write(t, "deep100k.html", deep_html(100_000)), "-o",
                               "deep100k.md"], files=exists("deep100k.md"))),
        Case("symlink-loop", "a symlink loop", io_side, "input a -> b -> a", (3,),
             simple(lambda t: ["generate", loop(t), "-o", "x.pdf"],
                    stderr_has="symbolic link loop")),
        Case("nul-byte", "one NUL byte inside a good readout", io_side,
             "the seed with a NUL in the middle, --verbose", (0,),
             simple(lambda t: ["generate", write(t, "nul.txt", with_nul(
                 SEED.read_text(encoding="utf-8"))), "-o", "nul.pdf", "--verbose"],
                 stderr_has="removed NUL byte", files=exists("nul.pdf"))),
        Case("template-huge-loop", "template with a huge loop", io_side,
             "10^10 iterations that print the title", (7,), template_case("huge-loop")),
        Case("template-silent-loop", "template with a huge loop", io_side,
             "10^10 iterations that print nothing (the 30 s limit)", (7,),
             template_case("silent-loop"), slow=True),
        Case("template-huge-string", "huge string/number in a template", io_side,
             '{{ "x" * 10**10 }}', (7,), template_case("huge-string")),
        Case("template-huge-number", "huge string/number in a template", io_side,
             "{{ 10**(10**10) }}", (7,), template_case("huge-number")),
        Case("template-recursion", "recursive macro", io_side, "a macro calling itself", (7,),
             template_case("recursive-macro")),
        Case("template-huge-filter", "huge string/number in a template", io_side,
             '{{ "x"|center(2000000000) }} (the memory cap)', (7,), template_case("huge-filter")),
        Case("brief-nested", "JSON nested 100,000 deep", "input/template + read_brief",
             "render of [[[...]]] 100,000 deep", (9,),
             simple(lambda t: ["render", write(t, "nested.json", "[" * 100_000 + "]" * 100_000)],
                    stderr_has="nested.json")),
        Case("brief-wrong-schema", "Brief JSON of the wrong schema", "input/template + read_brief",
             "a Brief whose title is a number", (9,),
             simple(lambda t: ["render", brief_with(t, "schema.json", title=5)],
                    stderr_has="schema.json")),
        Case("brief-huge-number", "Brief JSON of the wrong schema", "read_brief",
             "a Brief with a 5,000-digit paragraph number (json.loads: ValueError)", (9,),
             simple(lambda t: ["render", write(t, "digits.json", seed_brief(t).read_text(
                 encoding="utf-8").replace('"paragraph": 1', '"paragraph": ' + "9" * 5000, 1))],
                 stderr_has="digits.json")),
        *(Case(f"run-on-{size // 1000}k", "a 1 MB readout that is one run-on sentence", io_side,
               f"generate -f pdf -f docx of one {size:,}-character sentence", (0,), run_on(size),
               slow=size > 300_000) for size in (100_000, 300_000, 1_000_000)),
        Case("ordinary-1m", "a 1 MB readout that is one run-on sentence", io_side,
             "for comparison: 1,000,000 characters of ordinary readout paragraphs", (0,),
             ordinary(1_000_000), slow=True),
        Case("html-many-paragraphs", "time linear in the input (many tiny sentences)", io_side,
             "extract of a 6 MB web page of 300,000 paragraphs (read without trafilatura, then "
             "refused: too many sentences)", (3,),
             simple(lambda t: ["extract", write(t, "many.html", "<html><body><article>"
                                                + "<p>We met today.</p>" * 300_000
                                                + "</article></body></html>"), "--json"],
                    stderr_has="sentences")),
        Case("tiny-sentences", "time linear in the input (many tiny sentences)", io_side,
             "generate of 300,000 sentences 'a.' (1.2 MB; memory grows with sentences)", (3,),
             simple(lambda t: ["generate", write(t, "tiny.txt", "Briefing\n\n" + "A. " * 300_000),
                               "-o", "tiny.pdf"], stderr_has="sentences")),
        Case("title-2m-words", "a 1 MB readout that is one run-on sentence", io_side,
             "render (pdf, docx, md, html) of a Brief with a 2,000,000-character title",
             (0,), huge_title("words")),
        Case("title-2m-one-word", "a 1 MB readout that is one run-on sentence", io_side,
             "the same, the title one 2,000,000-character word", (0,), huge_title("one")),
        Case("two-writers", "two runs writing the same target at once", lead,
             "two generate -o same.pdf started together", (8,), two_writers),
        Case("export-symlink", "templates export onto a symlink", lead,
             "templates export memo link.md.j2 (a link to an edited template)", (8,),
             export_onto_symlink),
        Case("export-full-disk", "templates export on a full disk", lead,
             "templates export --force over a 9 kB edited template on a full 16 kB disk", (8,),
             export_on_full_disk),
        Case("formats-full-disk", "several formats, the disk fills after the first", lead,
             "generate -f pdf -f docx onto a 60 kB disk (the PDF fits, the DOCX not)", (8,),
             formats_on_full_disk),
        Case("batch-sigterm", "kill -9 / SIGTERM of the batch parent", lead,
             "SIGTERM to batch -j 2 after its first memo", (143,),
             signalled_batch(signal.SIGTERM)),
        Case("batch-kill-9", "kill -9 / SIGTERM of the batch parent", lead,
             "kill -9 of batch -j 2 after its first memo, then a --skip-existing run", (None,),
             signalled_batch(signal.SIGKILL)),
        Case("stale-part", "killed mid-write", lead,
             "a .part of a dead run's pid beside the target", (0,), stale_temporary),
    ]


def loop(tmp: Path) -> str:
    """Make loop-a -> loop-b -> loop-a and return the first."""
    for a, b in (("loop-a", "loop-b"), ("loop-b", "loop-a")):
        if not (tmp / a).is_symlink():
            (tmp / a).symlink_to(b)
    return "loop-a"


# --------------------------------------------------------------------------- report


def verdict(case: Case) -> str:
    outcome = case.result
    assert outcome is not None
    if case.problem.startswith("not run"):
        return "not run"
    ok = outcome.code in case.expect and not case.problem and outcome.rss_mb <= MAX_RSS_MB
    return "pass" if ok else "**FAIL**"


def shown_code(outcome: Outcome) -> str:
    return f"signal {outcome.signal}" if outcome.code is None else str(outcome.code)


def report(chosen: list[Case], command: str, measured_with: str) -> str:
    lines = [
        "# Reliability: hostile input and crashed runs (issue 17)",
        "",
        "Produced by",
        "",
        "```",
        command,
        "```",
        "",
        f"on {platform.node() or 'this machine'} ({platform.machine()}, {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}), {time.strftime('%Y-%m-%d %H:%M')}; exit code, "
        f"peak RSS and wall time of each case from {measured_with}. A case passes when the "
        f"exit code is the one expected, its check holds (the message names the file or the "
        f"reason, nothing half-written or stray is left) and peak RSS is at most "
        f"{MAX_RSS_MB} MB. *Owner* says which half of issue 17 the case belongs to: the input "
        "and template side, or the writing and signals side. (`/usr/bin/time` is the `time` "
        "package: `apt-get install -y time`; without it the bench measures with `os.wait4`.)",
        "",
        "| case | issue row | owner | what | expected | exit | peak RSS | time | verdict |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for case in chosen:
        o = case.result
        assert o is not None
        expected = ", ".join("signal" if c is None else str(c) for c in case.expect)
        note = f" ({case.problem})" if case.problem else ""
        lines.append(f"| `{case.name}` | {case.row} | {case.owner} | {case.what} | {expected} | "
                     f"{shown_code(o)} | {o.rss_mb:.0f} MB | {o.seconds:.1f} s | "
                     f"{verdict(case)}{note} |")
    runs = [c for c in chosen if c.name.startswith("run-on-") and c.result]
    if len(runs) >= 2:
        lines += ["", "Time of the run-on sentence by size (generate, PDF and DOCX; about 1 s of "
                  "it is the start and the model):", "",
                  "| characters | time | seconds per 100,000 characters |", "|---|---|---|"]
        for c in runs:
            size = int(c.name.split("-")[-1].rstrip("k")) * 1000
            assert c.result is not None
            lines.append(f"| {size:,} | {c.result.seconds:.1f} s | "
                         f"{c.result.seconds / size * 100_000:.2f} |")
    lines += ["", CASES_EXPLAINED]
    return "\n".join(lines) + "\n"


CASES_EXPLAINED = """\
## The cases

- `stdin-endless`: stdin is read to the --max-chars limit's worth of bytes (4 a character,
  20 MB by default) and no further, then refused as too large (exit 3).
- `docx-*`: a Word file is read with zipfile and lxml, streamed: the zip directory's sizes
  are checked first (more than 64 MB for the document part is refused unread), the part is
  then inflated as a capped stream (never trusting the directory: zipfile stops at the
  declared size and checks the CRC, and briefgen's own cap stops at 64 MB) and parsed one
  block at a time, each dropped once read; one paragraph or table of more than 8 MB of XML
  is refused. A lying directory is a damaged file (exit 3); the worst case is a directory
  that lies just under the cap, parsed to its end (10 million empty paragraphs).
- `pdf-*`: pypdf's limits are set tighter while briefgen reads (16 MB a stream unpacked, a
  million tokens a content stream, no external jbig2dec), and the pages' content may unpack
  to 128 MB in all: a bomb spread over many pages stops there.
- `html-dense`, `html-deep-*`: a page of more than a million tags, or one nested deeper than
  libxml2 parses (it stops at 256 levels and drops what is below), is read as plain text in
  one pass without a tree (every paragraph; scripts, styles, navigation, headers and footers
  left out) instead of by trafilatura.
- `symlink-loop`: said as such ("symbolic link loop"), exit 3; a dangling link names its
  target.
- `nul-byte`: a few stray NUL bytes (at most one in 512 bytes of a text of 512 bytes or
  more) no longer make a text "binary"; the cleaner drops them like every control character
  and lists them (`--verbose`: `removed NUL byte: '1 NUL byte (U+0000) at character
  1,258'`). Real binary data is still refused.
- `template-*`: the template sandbox also bounds what a template builds: a string or list
  past 1,000,000 (`*`, `+`, `~`, `%`), a power past 33,000 bits, a memo past 32,000,000
  characters, 30 s of rendering (checked at every call and operator, and by a timer in the
  main thread), 512 MB of memory more than the process holds (an address-space cap during
  the render, on Linux), and recursion; each is a template error (exit 7) naming the
  template and line.
- `brief-*`: a Brief file nested 100,000 deep and one of the wrong schema are Brief errors
  (exit 9) naming the file (`read_brief` in briefgen/app/run.py; `Brief.from_dict(data,
  name)` names the file itself). `brief-huge-number`: `read_brief` also catches
  the ValueError json.loads raises for an integer of more than 4,300 digits (exit 9).
- `html-many-paragraphs`: a page of more than 20,000 blocks is read as plain text, not by
  trafilatura, whose time grows faster than the page (300,000 paragraphs took 260 s and
  720 MB through it).
- `tiny-sentences`: memory grows with the number of sentences, not the text's length, so a
  document of more than 60,000 sentences is refused before it is parsed (exit 3); ordinary
  prose at the default --max-chars has about 35,000.
- `run-on-*`, `ordinary-1m`, `title-*`: a sentence longer than 2,000 characters is cut at a
  clause boundary (else a space, else anywhere) by the sentence splitter, sentences go to
  spaCy in batches of at most 32,000 characters, and the PDF writer sets a paragraph longer
  than 4,000 characters as several (reportlab re-wrapped a paragraph from its start at every
  page, and a long word per line): time grows linearly with the size.
- `two-writers`, `export-*`, `formats-full-disk`, `batch-*`, `stale-part`: the writing and
  signals side of issue 17 (atomic writing, no-clobber at the rename, all or nothing,
  SIGTERM as Ctrl-C with exit 143, workers ending with their parent, stale temporaries
  removed). The full-disk cases mount a small tmpfs and need root.
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="leave out the slow cases")
    parser.add_argument("--only", nargs="*", default=None, help="run these cases only")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "reliability.md")
    args = parser.parse_args(argv)
    if not BRIEFGEN.exists():
        sys.exit(f"{BRIEFGEN} is missing: run make install first")
    chosen = [c for c in cases() if (args.only is None or c.name in args.only) and
              not (args.quick and c.slow)]
    measured_with = "/usr/bin/time -v" if os.path.exists(TIME) else \
        "os.wait4 (no /usr/bin/time here: apt-get install -y time)"
    with tempfile.TemporaryDirectory(prefix="briefgen-hostile-") as folder:
        for case in chosen:
            tmp = Path(folder) / case.name
            tmp.mkdir()
            case.result, case.problem = case.run(tmp)
            print(f"{case.name:24} exit {shown_code(case.result):>9}  "
                  f"{case.result.rss_mb:6.0f} MB  {case.result.seconds:6.1f} s  "
                  f"{verdict(case)}  {case.problem or last_line(case.result.stderr)[:90]}",
                  flush=True)
            shutil.rmtree(tmp, ignore_errors=True)
    command = " ".join([".venv/bin/python", "bench/hostile.py",
                        *(shlex.quote(a) for a in (argv if argv is not None else sys.argv[1:]))])
    args.out.write_text(report(chosen, command, measured_with), encoding="utf-8")
    print(f"wrote {args.out}")
    return 0 if all(verdict(c) != "**FAIL**" for c in chosen) else 1


if __name__ == "__main__":
    raise SystemExit(main())
