"""The extraction steps declare what they read and write; the order and the declarations hold."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from briefgen.extract import EXTRACTORS, order_problems
from briefgen.extract.draft import INPUTS, Draft, extractor
from tests.builders import make_analysis

ROOT = Path(__file__).resolve().parent


def test_every_field_is_written_before_it_is_read() -> None:
    assert order_problems() == []


def test_a_step_reading_what_only_a_later_step_writes_is_reported() -> None:
    swapped = (EXTRACTORS[2], EXTRACTORS[1], *EXTRACTORS[3:])  # metadata before attendees
    assert any("meeting_sentence" in p for p in order_problems((EXTRACTORS[0], *swapped)))


def test_a_declaration_naming_no_field_is_refused() -> None:
    with pytest.raises(ValueError, match="no field"):
        extractor(reads=("nonsense",), writes=())


class Recorder(Draft):
    """A Draft that notes which step touches which field."""

    step: str | None = None
    touched: defaultdict[str, set[str]]

    def __getattribute__(self, name: str):
        step = type(self).step
        if step and (name in Draft.__dataclass_fields__ or name == "sentences"):
            type(self).touched[step].add(name)
        return object.__getattribute__(self, name)

    def __setattr__(self, name: str, value: object) -> None:
        if type(self).step:
            type(self).touched[type(self).step].add(name)
        object.__setattr__(self, name, value)


@pytest.mark.parametrize("path", ["../seeds/000_0ff103b2e130dde9.txt", "genres/T07.txt",
                                  "genres/N02.txt", "genres/R02.txt", "world/W001.txt"])
def test_each_step_touches_only_the_fields_it_declares(path: str) -> None:
    text = (ROOT / path).read_text(encoding="utf-8")
    title, _, body = text.partition("\n\n")
    draft = Recorder(analysis=make_analysis(body, title=title))
    Recorder.touched = defaultdict(set)
    for step in EXTRACTORS:
        Recorder.step = step.name
        step.run(draft)
        Recorder.step = None
    for step in EXTRACTORS:
        undeclared = Recorder.touched[step.name] - step.reads - step.writes - INPUTS - {"sentences"}
        assert undeclared == set(), f"{step.name} touches {sorted(undeclared)} undeclared"
