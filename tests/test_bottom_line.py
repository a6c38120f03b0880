"""extract.summary: the bottom line is the meeting, then its main outcome, quoted with refs."""

from __future__ import annotations

from builders import draft_until, make_analysis

from briefgen.extract import extract_brief

MEETING = ("On March 3, Foreign Minister Ana Ruiz of Freedonia met Minister Ola Berg of Sylvania "
           "in Oslo to discuss fisheries.")


def bottom_line(body: str) -> list[str]:
    return [k.sentence for k in draft_until(make_analysis(body), "extract_summary").bottom_line]


def test_the_meeting_then_the_agreement_even_when_it_comes_late() -> None:
    agreed = "The two ministers agreed to hold the next round of talks in Sylvania in May."
    body = (f"{MEETING} Minister Ruiz stressed the importance of sustainable quotas for the "
            "northern fleet.\n\nMinister Berg underlined the concerns of coastal communities "
            f"about the new rules.\n\n{agreed}")
    assert bottom_line(body) == [MEETING, agreed]


def test_each_sentence_keeps_its_reference_and_the_summary_is_their_text() -> None:
    agreed = "Both sides agreed to establish a joint working group on fisheries data."
    brief = extract_brief(make_analysis(f"{MEETING}\n\n{agreed}"))
    # The invented source's first line, "Readout", is boilerplate cleaning leaves out; it keeps
    # its number, as the reader of the source counts it.
    assert [(k.sentence, k.source.paragraph) for k in brief.bottom_line] == [
        (MEETING, 2), (agreed, 3)]
    assert brief.summary == f"{MEETING} {agreed}"


def test_a_list_of_participants_or_a_heading_is_never_the_outcome() -> None:
    listing = ("The Freedonian delegation included Ana Ruiz, Marta Gil, Pablo Soto and "
               "Elena Cruz.")
    neutral = "The talks covered the quotas for the northern fleet over two long sessions."
    body = f"Round No. 4\n\n{MEETING} {listing}\n\n{neutral}"
    assert bottom_line(body) == [MEETING, neutral]
