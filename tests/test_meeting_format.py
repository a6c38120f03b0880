"""Meeting format idioms of many issuers: invented sentences, one cue at a time."""

from __future__ import annotations

import pytest
from builders import make_analysis

from briefgen.extract.metadata import find_format


@pytest.mark.parametrize(("title", "sentence", "expected"), [
    ("Telephone Talk", "The Foreign Minister held a telephone talk with his counterpart.", "phone"),
    ("Readout", "The Prime Minister spoke today with President Ana Lima of Chile.", "phone"),
    ("Readout", "The Minister held a call with the Foreign Minister of Chile.", "phone"),
    ("Readout", "The ministers met by video conference on Monday.", "virtual"),
    ("Courtesy Call", "The Ambassador of Kenya paid a courtesy call on the Minister.", "in_person"),
    ("Readout", "The Ambassadors made a joint call on the Deputy Prime Minister.", "in_person"),
    ("Readout", "The Minister received the Ambassador of Chile at the Ministry.", "in_person"),
    ("Readout", "The leaders met on the sidelines of the summit.", "in_person"),
    # An appeal is no phone call; a joint call *with* someone is one.
    ("Statement", "The ministers issued a joint call on all parties to cease fire.", "unknown"),
    ("Readout", "The advisers held a joint call with their Chilean counterparts.", "phone"),
    ("Readout", "The Minister spoke with foreign ministers about trade.", "unknown"),
])
def test_format_cues(title: str, sentence: str, expected: str) -> None:
    analysis = make_analysis(sentence, title=title)
    assert find_format(title, list(analysis.sentences)) == expected
