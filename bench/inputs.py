"""Benchmark inputs built from the real readouts: a batch of seed-sized ones, and long ones."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_0ff103b2e130dde9.txt"


def readouts() -> list[Path]:
    """The seed, then the dev corpus and the held-out readouts (37 real documents)."""
    return [SEED, *sorted((ROOT / "tests" / "corpus").glob("*.txt")),
            *sorted((ROOT / "tests" / "heldout").glob("*.txt"))]


def write_batch(folder: Path, count: int) -> list[Path]:
    """Write ``count`` seed-sized readouts: the 37 real ones cycled, each pass slightly varied.

    The variation (a numbered title) makes every file distinct, so no cache or identical
    hash can flatter the figures; the text to analyse stays that of real readouts.
    """
    folder.mkdir(parents=True, exist_ok=True)
    sources = [p.read_text(encoding="utf-8") for p in readouts()]
    paths = []
    for i in range(count):
        text = sources[i % len(sources)]
        title, _, rest = text.partition("\n")
        path = folder / f"readout-{i + 1:03d}.txt"
        path.write_text(f"{title.rstrip()} ({i + 1})\n{rest}", encoding="utf-8")
        paths.append(path)
    return paths


def long_text(factor: int) -> str:
    """A document ``factor`` times the seed's length, made of different real readouts.

    The seed comes first; the other readouts follow in turn (rotated on each pass, with a
    numbered heading), so parties, names and positions keep varying along the text rather
    than one paragraph repeating. The last readout is cut at a paragraph so that the length
    is within a paragraph of ``factor`` times the seed's.
    """
    seed = SEED.read_text(encoding="utf-8").strip()
    others = [p.read_text(encoding="utf-8").strip() for p in readouts()[1:]]
    target = len(seed) * factor
    paragraphs = seed.split("\n\n")
    size, i = len(seed), 0
    while size < target:
        rotation = i // len(others)
        text = others[(i + rotation) % len(others)]
        if rotation:
            title, _, rest = text.partition("\n")
            text = f"{title} (part {rotation + 1})\n{rest}"
        for paragraph in text.split("\n\n"):
            if size >= target:
                break
            paragraphs.append(paragraph)
            size += len(paragraph) + 2
        i += 1
    return "\n\n".join(paragraphs)


def write_long(folder: Path, factor: int) -> Path:
    """Write ``long_text(factor)`` to ``folder/long-<factor>x.txt``."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"long-{factor}x.txt"
    path.write_text(long_text(factor), encoding="utf-8")
    return path
