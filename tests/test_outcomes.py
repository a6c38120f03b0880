"""Outcomes: each rule on invented sentences, the Brief round trip, and the memo's section."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import docx
import pytest

from briefgen.errors import BriefFormatError
from briefgen.model import JOINT, Brief, Outcome
from briefgen.render import MemoOptions, render_document, render_markdown
from briefgen.writers import docx as docx_writer
from tests.builders import US, draft_until, make_analysis, make_brief, ref

HEADER = "Thursday, March 2, 2023\n\n"


def outcomes_of(body: str) -> list[Outcome]:
    """The outcomes extracted from an invented readout (a dateline, then ``body``)."""
    return draft_until(make_analysis(HEADER + body, title="Readout of the Ministers' Meeting"),
                       "extract_outcomes").outcomes


def kinds(body: str) -> list[str]:
    return [o.kind for o in outcomes_of(body)]


# --------------------------------------------------------------------------- agreements

@pytest.mark.parametrize("sentence", [
    "The two ministers agreed to hold the next round of talks in Lisbon in May.",
    "Both sides agreed that a joint working group would meet before the end of the year.",
    "The delegations agreed on the creation of a joint committee on fisheries.",
    "They met in Oslo, where they agreed to open a consulate in Bergen.",
])
def test_an_agreement_on_a_step_is_an_outcome(sentence: str) -> None:
    assert kinds(sentence) == ["agreement"]


@pytest.mark.parametrize("sentence", [
    "The two ministers agreed on the importance of regular dialogue.",
    "Both sides agreed that the situation in the region remains fragile.",
])
def test_an_agreement_on_an_idea_is_not(sentence: str) -> None:
    assert kinds(sentence) == []


def test_the_parties_together_are_joint() -> None:
    (outcome,) = outcomes_of("The two ministers agreed to hold the next round of talks in "
                             "Lisbon in May.")
    assert outcome.who == JOINT
    assert outcome.what.startswith("The two ministers agreed to hold")
    assert outcome.when == "May"
    assert outcome.sentence.endswith("in Lisbon in May.")


# --------------------------------------------------------------------------- decisions

@pytest.mark.parametrize("sentence", [
    "RESOLVED, That the annual budget be approved.",
    "It was agreed that the clerk writes to the highways department.",
    "Motion carried unanimously.",
    "The committee approved three draft resolutions without a vote.",
    "The council announced a new fund for coastal communities.",
])
def test_a_decision_is_an_outcome(sentence: str) -> None:
    assert kinds(sentence) == ["decision"]


def test_an_action_line_of_minutes_is_a_follow_up() -> None:
    (outcome,) = outcomes_of("Clerk to write to the highways department.")
    assert (outcome.kind, outcome.what) == ("follow_up",
                                            "Clerk to write to the highways department.")


def test_a_motion_referred_to_is_background() -> None:
    assert kinds("Pursuant to the motion adopted on 4 May 2022, the committee studied fishing "
                 "quotas.") == []


# --------------------------------------------------------------------------- commitments

def test_a_commitment_to_a_step_is_an_outcome() -> None:
    assert kinds("Norway pledged to send two field hospitals to the region.") == ["commitment"]


@pytest.mark.parametrize("sentence", [
    "Norway committed to deepening cooperation with the region.",
    "The minister welcomed the progress made on the border agreement.",
    "The two leaders expressed concern about the violence.",
    "In 2015 the two countries had agreed to open consulates.",
])
def test_a_general_commitment_a_stance_or_background_is_not(sentence: str) -> None:
    assert kinds(sentence) == []


# --------------------------------------------------------------------------- follow-ups

@pytest.mark.parametrize("sentence", [
    "The foreign minister will visit Ottawa next month.",
    "The leaders looked forward to meeting again at the summit next year.",
    "He extended an invitation to the minister to visit Oslo.",
    "They also discussed preparations for the upcoming summit in Accra.",
    "The next meeting of the council will be held on 14 June 2023.",
])
def test_a_planned_follow_up_is_an_outcome(sentence: str) -> None:
    assert kinds(sentence) == ["follow_up"]


@pytest.mark.parametrize("sentence", [
    "She hoped that the parliament would ratify the treaty soon.",
    "They discussed the work of the council, which will meet next week.",
    "The leaders looked forward to deepening their partnership.",
    "Is the next meeting going to be held in Rome?",
])
def test_a_wish_a_description_or_a_question_is_not(sentence: str) -> None:
    assert kinds(sentence) == []


def test_when_resolves_a_relative_day_against_the_dateline() -> None:
    (outcome,) = outcomes_of("The foreign minister will visit Ottawa tomorrow.")
    assert (outcome.when, outcome.when_iso) == ("March 3, 2023", "2023-03-03")


def test_a_stated_date_keeps_its_words_and_gets_its_iso_form() -> None:
    (outcome,) = outcomes_of("The next meeting of the council will be held on 14 June 2023.")
    assert (outcome.when, outcome.when_iso) == ("14 June 2023", "2023-06-14")


def test_a_sentence_is_listed_once() -> None:
    body = "The two sides agreed to meet again in May.\n\n" * 2
    assert len(outcomes_of(body)) == 1


# --------------------------------------------------------------------------- the Brief

OUTCOME = Outcome(kind="follow_up", who=US, what="The Secretary will visit Tripoli in August.",
                  when="August", when_iso=None,
                  sentence="The Secretary will visit Tripoli in August.", source=ref(4, 9))


def test_outcomes_survive_the_json_round_trip() -> None:
    brief = make_brief(outcomes=(OUTCOME, replace(OUTCOME, kind="agreement", who=JOINT,
                                                  when="May 4, 2023", when_iso="2023-05-04")))
    again = Brief.from_dict(json.loads(json.dumps(brief.to_dict())))
    assert again.outcomes == brief.outcomes
    assert again.to_dict()["outcomes"][0] == {
        "kind": "follow_up", "who": US, "what": OUTCOME.what, "when": "August",
        "when_iso": None, "sentence": OUTCOME.sentence, "source": ref(4, 9).to_dict()}


def test_a_brief_without_outcomes_still_loads() -> None:
    data = make_brief(outcomes=(OUTCOME,)).to_dict()
    del data["outcomes"]
    assert Brief.from_dict(data).outcomes == ()


def test_an_unknown_kind_is_refused_naming_the_field() -> None:
    data = make_brief(outcomes=(OUTCOME,)).to_dict()
    data["outcomes"][0]["kind"] = "hope"
    with pytest.raises(BriefFormatError, match=r"outcomes\[0\]\.kind"):
        Brief.from_dict(data)


# --------------------------------------------------------------------------- the memo

@pytest.mark.parametrize("template", ["memo", "memcon", "one-pager", "readout"])
def test_every_template_prints_the_outcome(template: str) -> None:
    text = render_markdown(make_brief(outcomes=(OUTCOME,)), MemoOptions(), template)
    assert "utcomes and next steps" in text.lower()
    assert r"United States: The Secretary will visit Tripoli in August\. \[¶4\]" in \
        text.replace("**", "")
    assert "When:" not in text and "(when:" not in text  # "August" is in the sentence


def test_the_docx_memo_has_the_outcomes_section(tmp_path: Path) -> None:
    tomorrow = replace(OUTCOME, what="The Secretary will visit Tripoli tomorrow.",
                       when="March 3, 2023", when_iso="2023-03-03")
    document = render_document(make_brief(outcomes=(tomorrow,)), MemoOptions())
    path = tmp_path / "memo.docx"
    docx_writer.write(document, path)
    paragraphs = [(p.style.name, p.text) for p in docx.Document(str(path)).paragraphs]
    at = paragraphs.index(("Heading 1", "Outcomes and Next Steps"))
    style, line = paragraphs[at + 1]
    assert style == "List Bullet"
    assert line == (f"{US}: The Secretary will visit Tripoli tomorrow. When: March 3, 2023. "
                    "[¶4]")


def test_the_memo_says_when_there_is_no_outcome() -> None:
    text = render_markdown(make_brief(), MemoOptions(), "memo")
    assert "The source reports no agreement, decision or next step." in text


def test_an_agreement_on_a_state_of_things_is_not() -> None:
    assert kinds("The leaders agreed that trade ties form the bedrock of the partnership.") == []
    assert kinds("We agree to remain in close touch to determine next steps.") == []


def test_when_is_the_time_of_the_step_not_of_the_meeting() -> None:
    (outcome,) = outcomes_of("On 1 March 2023 the two ministers agreed to sign the accord "
                             "in June 2023.")
    assert outcome.when == "June 2023"


def test_extract_prints_the_outcomes() -> None:
    from rich.console import Console

    from briefgen.report import print_brief

    console = Console(record=True, width=200)
    print_brief(make_brief(outcomes=(OUTCOME,)), console)
    text = console.export_text()
    assert "Outcomes and Next Steps" in text  # the memo's label
    assert f"{US}: The Secretary will visit Tripoli in August. [¶4]" in text  # when: in what


# --------------------------------------------------------------------------- done at the meeting

@pytest.mark.parametrize(("sentence", "kind"), [
    ("The two ministers signed a Memorandum of Understanding on port cooperation.", "agreement"),
    ("Peru and Chile signed an agreement on water sharing.", "agreement"),
    ("The minister welcomed Chile's decision to join the fisheries convention.", "decision"),
    ("Both sides welcomed the signing today of the trade protocol.", "decision"),
    ("The ministry announced a grant of $2 million for flood relief.", "decision"),
])
def test_what_is_signed_decided_or_announced_at_the_meeting(sentence: str, kind: str) -> None:
    assert kinds(sentence) == [kind]


@pytest.mark.parametrize("sentence", [
    "The two ministers had signed a Memorandum of Understanding in 2019.",
    "The minister welcomed the progress made in the talks.",
    "The minister welcomed the decision.",
])
def test_a_signing_before_the_meeting_or_a_welcome_of_nothing_decided_is_not(sentence: str
                                                                            ) -> None:
    assert kinds(sentence) == []


@pytest.mark.parametrize(("sentence", "kind"), [
    ("During the meeting, a memorandum of understanding was signed on consultations.",
     "agreement"),
    ("The minister will make a working visit to Lima next month.", "follow_up"),
])
def test_a_passive_signing_and_a_visit_to_be_made(sentence: str, kind: str) -> None:
    assert kinds(sentence) == [kind]
