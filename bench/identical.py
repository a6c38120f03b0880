"""Write every kind of output for the test corpora, or compare two such folders byte for byte.

usage: python bench/identical.py write DIR      # run the commands below into DIR
       python bench/identical.py compare A B    # exit 1 and list what differs

A restructuring that must not change behaviour runs ``write`` before and after, then
``compare``: every memo (PDF, DOCX, Markdown, HTML), every Brief JSON, the readable
``extract`` tables, a multi-source brief, ``render`` of a Brief file, the four templates and
a marked memo, through ``generate`` and ``batch`` (one and two workers). The memo date is
fixed, so the outputs do not depend on the day they are made.
"""

from __future__ import annotations

import filecmp
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BRIEFGEN = str(Path(sys.executable).parent / "briefgen")
SEED = "seeds/000_0ff103b2e130dde9.txt"
CORPORA = ("tests/corpus", "tests/heldout", "tests/heldout2")
FORMATS = ("pdf", "docx", "md", "html", "json")
DATE = ("--date", "2026-01-01")


def run(args: list[str], out: Path | None = None) -> None:
    """Run briefgen with ``args`` in the project folder; keep stdout in ``out``."""
    done = subprocess.run([BRIEFGEN, *args], cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"briefgen {' '.join(args)} failed ({done.returncode}): "
                         f"{done.stderr.strip()}")
    if out is not None:
        out.write_text(done.stdout, encoding="utf-8")


def write(folder: Path) -> None:
    """Make every output of the battery in ``folder`` (which must not exist yet)."""
    folder.mkdir(parents=True)
    fmt_args = [a for f in FORMATS for a in ("-f", f)]
    for jobs in ("1", "2"):
        run(["batch", *CORPORA, "-o", str(folder / f"batch-j{jobs}"), *fmt_args, *DATE,
             "-j", jobs, "--no-progress"])
    for template in ("memo", "memcon", "one-pager", "readout"):
        run(["generate", SEED, "-o", str(folder / f"seed-{template}"), *fmt_args, *DATE,
             "-t", template])
    run(["generate", SEED, "-o", str(folder / "seed-marked"), "-f", "pdf", "-f", "docx",
         "-f", "md", *DATE, "--classification", "CONFIDENTIAL//REL TO USA, GBR",
         "--portion-mark", "(C)", "--organization", "Department of State",
         "--drafted-by", "J. Doe", "--distribution", "S, D, P", "--theme", "a4"])
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "tests/corpus").glob("0[0-1]*.txt"))
    run(["generate", *sources[:3], "-o", str(folder / "multi"), *fmt_args, *DATE])
    run(["render", str(folder / "seed-memo.json"), "-o", str(folder / "rendered"),
         "-f", "pdf", "-f", "md", *DATE])
    run(["extract", SEED], folder / "extract.txt")
    run(["extract", *sources[:3]], folder / "extract-multi.txt")
    run(["extract", SEED, "--json"], folder / "extract.json")
    generated = folder / "generate"
    generated.mkdir()
    for corpus in CORPORA:
        for path in sorted((ROOT / corpus).glob("*.txt"))[:6]:
            run(["generate", str(path.relative_to(ROOT)), "-o",
                 str(generated / f"{path.parent.name}-{path.stem}"), "-f", "md", "-f", "json",
                 *DATE])


def compare(a: Path, b: Path) -> int:
    """Print the files that differ or exist on one side only; return 1 if any."""
    names_a = {p.relative_to(a) for p in a.rglob("*") if p.is_file()}
    names_b = {p.relative_to(b) for p in b.rglob("*") if p.is_file()}
    problems = [f"only in {a}: {n}" for n in sorted(names_a - names_b)]
    problems += [f"only in {b}: {n}" for n in sorted(names_b - names_a)]
    problems += [f"differs: {n}" for n in sorted(names_a & names_b)
                 if not filecmp.cmp(a / n, b / n, shallow=False)]
    for line in problems:
        print(line)
    print(f"{len(names_a & names_b)} files compared, {len(problems)} problems")
    return 1 if problems else 0


def main(argv: list[str]) -> int:
    if len(argv) == 2 and argv[0] == "write":
        write(Path(argv[1]).resolve())
        return 0
    if len(argv) == 3 and argv[0] == "compare":
        return compare(Path(argv[1]), Path(argv[2]))
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
