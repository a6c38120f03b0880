"""Genre detection and the genre readers, each rule on a few invented sentences."""

from __future__ import annotations

import pytest

from briefgen.extract import extract_brief
from briefgen.extract.genres import GENRES, detect_genre, meeting_record, minutes, transcript
from briefgen.extract.genres.structure import MODERATOR, PRINCIPAL, QUESTIONER
from briefgen.model import GENRE_NAMES, JOINT
from tests.builders import make_analysis

PRESS_CONFERENCE = (
    "PRIME MINISTER ALVAREZ: Thank you all for coming. Our two countries share a long border "
    "and we will work together on energy.\n\n"
    "PRESIDENT OKONKWO: Nigeria supports a fair trade agreement. We will open talks in May.\n\n"
    "MODERATOR: We have time for two questions.\n\n"
    "Q: Prime Minister, will you raise tariffs?\n\n"
    "PRIME MINISTER ALVAREZ: We will not raise tariffs this year.")
MINUTES = (
    "Minutes of the meeting of Eastbrook Parish Council held on 3 March 2021.\n\n"
    "Present: Cllr Mr J Hartley (Chair), Cllrs P Moss, R Quinn and the Clerk – Ann Lowe\n\n"
    "Apologies received from Cllrs Dent and Fairley.\n\n"
    "It was RESOLVED that the minutes of the last meeting be approved.\n\n"
    "Cllr Moss reported on the state of the footpaths.\n\n"
    "Motion passed unanimously.")
RECORD = (
    "The representative of Chile, also speaking for Peru and Ecuador, said that the draft "
    "went too far. He stressed that consensus mattered.\n\n"
    "Speaking on behalf of the African Group, the delegate of Kenya welcomed the text.\n\n"
    "The representative of Norway said the committee must act.")


def test_every_genre_has_a_brief_name() -> None:
    assert set(GENRES) == set(GENRE_NAMES)


@pytest.mark.parametrize(("body", "title", "genre"), [
    (PRESS_CONFERENCE, "Joint Press Conference", "transcript"),
    (MINUTES, "Minutes", "minutes"),
    (RECORD, "Committee Concludes General Debate", "meeting_record"),
    ("The Foreign Minister met the Ambassador of Chile on Monday. They discussed trade.",
     "Foreign Minister meets Chilean Ambassador", "readout"),
    ("The leaders reaffirmed their commitment to peace.", "Joint Statement of Chile and Peru",
     "joint_statement"),
    ("The ministry announced a new scholarship programme for students.", "New scholarships",
     "press_release"),
])
def test_the_genre_is_told_from_layout_and_wording(body: str, title: str, genre: str) -> None:
    assert detect_genre(make_analysis(body, title=title)) == genre


def test_speaker_labels_make_turns_with_roles_and_names() -> None:
    structure = transcript.read(make_analysis(PRESS_CONFERENCE, title="Joint Press Conference"))
    roles = {s.label: s.role for s in structure.speakers}
    assert roles["PRIME MINISTER ALVAREZ"] == PRINCIPAL
    assert roles["MODERATOR"] == MODERATOR
    assert roles["Q"] == QUESTIONER
    alvarez = next(s for s in structure.speakers if s.label == "PRIME MINISTER ALVAREZ")
    assert (alvarez.name, alvarez.title) == ("Alvarez", "Prime Minister")
    assert len([t for t in structure.turns if t.speaker == structure.speakers.index(alvarez)]) == 2


def test_a_label_and_its_role_after_a_comma_or_in_brackets() -> None:
    body = ("Dana Whitfield, Official Spokesperson: Good afternoon. India supports the plan.\n\n"
            "Ravi Menon (Deputy Spokesperson): The visit is confirmed for May.")
    structure = transcript.read(make_analysis(body, title="Weekly Media Briefing"))
    assert [(s.name, s.title) for s in structure.speakers[:2]] == [
        ("Dana Whitfield", "Official Spokesperson"), ("Ravi Menon", "Deputy Spokesperson")]


def test_record_style_labels_end_with_a_full_stop() -> None:
    body = ("President Alvarez. Welcome to our capital.\n\n"
            "Prime Minister Okafor. Thank you. We will sign the accord today.")
    structure = transcript.read(make_analysis(body, title="Remarks Before a Meeting"))
    assert [s.name for s in structure.speakers if s.role == PRINCIPAL][:2] == ["Alvarez", "Okafor"]


def test_a_speaker_who_only_asks_is_the_press() -> None:
    body = ("Harbour News Agency: The report came out today. What is your comment?\n\n"
            "Lin Bo: We have noted the report. China opposes the accusation.")
    structure = transcript.read(make_analysis(body, title="Regular Press Conference"))
    roles = {s.label: s.role for s in structure.speakers}
    assert roles["Harbour News Agency"] == QUESTIONER
    assert roles["Lin Bo"] == PRINCIPAL


def test_transcript_attendees_are_the_principals_and_questions_are_no_positions() -> None:
    brief = extract_brief(make_analysis(PRESS_CONFERENCE, title="Joint Press Conference"))
    assert brief.genre == "transcript"
    assert sorted(a.name for a in brief.attendees) == ["Alvarez", "Okonkwo"]
    assert not any("tariffs?" in p.sentence or "two questions" in p.sentence
                   for p in brief.positions)


def test_attendance_lists_give_members_titles_and_absentees() -> None:
    structure = minutes.read(make_analysis(MINUTES, title="Minutes"))
    present = {m.name: m.title for m in structure.members if m.present}
    absent = [m.name for m in structure.members if not m.present]
    assert present == {"J Hartley": "Chair", "P Moss": "Cllrs", "R Quinn": "Cllrs",
                       "Ann Lowe": "Clerk"}
    assert absent == ["Dent", "Fairley"]
    assert structure.body == "Eastbrook Parish Council"


def test_a_list_one_entry_a_paragraph_and_a_substitute() -> None:
    body = ("Members of the Committee present: Ann Ray, Bo Lund and Cy Diaz.\n\n"
            "Acting Members present: Di Moor for Ann Ray.\n\n"
            "In attendance:\n\nLee Park, Analyst\n\nThe Committee discussed its work.")
    structure = minutes.read(make_analysis(body, title="Committee Meeting No. 4"))
    got = {m.name: m.title for m in structure.members}
    assert got["Ann Ray"] == "Members of the Committee"
    assert got["Di Moor"] == "Acting Members"
    assert got["Lee Park"] == "Analyst"


@pytest.mark.parametrize(("sentence", "decides"), [
    ("It was RESOLVED that the budget be approved.", True),
    ("Ordered, That the report be printed.", True),
    ("Motion passed unanimously.", True),
    ("Paragraphs 1 to 12 read and agreed to.", True),
    ("The minutes of the last meeting were accepted as a true record.", True),
    ("Cllr Moss reported on the state of the footpaths.", False),
])
def test_decisions_of_the_body(sentence: str, decides: bool) -> None:
    analysis = make_analysis(f"Present: Cllr A Bell\n\n{sentence}", title="Minutes")
    structure = minutes.read(analysis)
    assert (analysis.sentences[-1].index in structure.decisions) is decides


def test_minutes_decisions_are_joint_positions_and_absentees_not_attendees() -> None:
    brief = extract_brief(make_analysis(MINUTES, title="Minutes"))
    assert brief.genre == "minutes"
    assert "Dent" not in {a.name for a in brief.attendees}
    assert [a.name for a in brief.absent] == ["Dent", "Fairley"]
    joint = {p.sentence for p in brief.positions if p.party == JOINT}
    assert "Motion passed unanimously." in joint


def test_a_delegate_speaks_for_their_state_and_those_named() -> None:
    analysis = make_analysis(RECORD, title="Committee Concludes General Debate")
    structure = meeting_record.read(analysis)
    first = structure.voice_of(0)
    assert first is not None and first.phrases == ("Chile", "Peru", "Ecuador")
    assert structure.voice_of(1) is not None  # "He stressed ..." goes on with Chile's voice
    assert "Kenya" in structure.voice_of(2).phrases
    assert "African Group" in structure.voice_of(2).phrases


def test_meeting_record_positions_go_to_the_delegations() -> None:
    brief = extract_brief(make_analysis(RECORD, title="Committee Concludes General Debate"))
    parties = {p.party for p in brief.positions if p.sentence.startswith("He stressed")}
    assert {"Chile", "Peru", "Ecuador"} <= parties


def test_the_genre_asked_for_wins_over_detection() -> None:
    analysis = make_analysis(PRESS_CONFERENCE, title="Joint Press Conference")
    assert extract_brief(analysis, genre="readout").genre == "readout"


def test_the_command_line_takes_a_genre_and_refuses_an_unknown_one(tmp_path) -> None:
    from typer.testing import CliRunner

    from briefgen.cli import app

    source = tmp_path / "presser.txt"
    source.write_text(f"Joint Press Conference\n\n{PRESS_CONFERENCE}\n", encoding="utf-8")
    runner = CliRunner()
    told = runner.invoke(app, ["extract", str(source), "--json"])
    asked = runner.invoke(app, ["extract", str(source), "--json", "--genre", "readout"])
    bad = runner.invoke(app, ["extract", str(source), "--genre", "novel"])
    assert '"genre": "transcript"' in told.stdout
    assert '"genre": "readout"' in asked.stdout
    assert bad.exit_code == 2 and "no genre" in bad.output


@pytest.mark.parametrize(("title", "people"), [
    ("Prime Minister Lund and President Abara hold a joint press conference",
     [("Lund", "Prime Minister", None), ("Abara", "President", None)]),
    ("Remarks Before a Meeting With Prime Minister Ana Sol of the Republic of Tarn",
     [("Ana Sol", "Prime Minister", "Republic of Tarn")]),
    ("Spokesperson Wei Lan’s Regular Press Conference", [("Wei Lan", "Spokesperson", None)]),
    ("Press Conference by Minister for Foreign Affairs Kenji Aso",
     [("Kenji Aso", "Minister for Foreign Affairs", None)]),
    ("Secretary Reyes and Foreign Minister Dale Before Their Meeting",
     [("Reyes", "Secretary", None), ("Dale", "Foreign Minister", None)]),
])
def test_the_people_a_transcript_title_names(title: str, people: list) -> None:
    assert transcript.title_people(title) == people


def test_a_principal_s_own_views_are_positions_and_courtesies_are_not() -> None:
    body = ("PRIME MINISTER LUND: Thank you very much. It is my honour to be here. Our two "
            "nations share the same values. The region must stay free of nuclear weapons. "
            "This year the city celebrates its founding.\n\n"
            "Q: Will you sign the accord?")
    brief = extract_brief(make_analysis(
        body, title="Prime Minister Lund of Norway holds a press conference"))
    sentences = {p.sentence for p in brief.positions}
    assert "Our two nations share the same values." in sentences
    assert "The region must stay free of nuclear weapons." in sentences
    assert not any(s.startswith(("Thank you", "It is my honour", "This year", "Will you"))
                   for s in sentences)


def test_a_turn_s_first_sentence_is_quoted_without_its_label() -> None:
    body = ("MINISTER DALE: We will open the border in June.\n\n"
            "MINISTER DALE: Norway and Sweden agree on trade.")
    brief = extract_brief(make_analysis(body, title="Press Conference by Minister Dale of Norway"))
    assert "We will open the border in June." in {p.sentence for p in brief.positions}
    assert not any(p.sentence.startswith("MINISTER") for p in brief.positions)


def test_mr_with_a_full_stop_is_no_speaker_label() -> None:
    body = ("Mr. Sullivan reaffirmed the commitment. The two discussed trade.\n\n"
            "Mr. Sullivan thanked the minister.")
    assert transcript.score(make_analysis(body, title="Readout of a Meeting")) == 0.0


def _memo_text(body: str, title: str) -> tuple[list[str], str]:
    """The memo's section headings and its whole text, for an invented source."""
    from briefgen.document import Heading, plain_text
    from briefgen.render import MemoOptions, render_document

    document = render_document(extract_brief(make_analysis(body, title=title)), MemoOptions())
    heads = [plain_text(b.content) for b in document.blocks if isinstance(b, Heading)]
    return heads, " ".join(document.texts())


def test_a_minutes_memo_lists_decisions_and_who_was_absent() -> None:
    heads, text = _memo_text(MINUTES, "Minutes")
    assert "Decisions and Actions" in heads
    assert "Absent: Dent" in text and "Fairley" in text
    assert text.count("Motion passed unanimously.") == 1  # an outcome, not again a position


def test_a_transcript_memo_says_what_each_speaker_said() -> None:
    heads, text = _memo_text(PRESS_CONFERENCE.replace("Nigeria", "Nigeria's government"),
                             "Prime Minister Alvarez of Chile and President Okonkwo of Nigeria "
                             "hold a joint press conference")
    assert "What Each Speaker Said" in heads
    assert "Q:" not in text and "two questions" not in text


def test_a_meeting_record_memo_leads_with_positions_by_party() -> None:
    heads, _ = _memo_text(RECORD, "Committee Concludes General Debate")
    assert heads.index("Positions by Party") < heads.index("Participants")
    assert "Stated Positions" not in heads


def test_who_presided_a_record_comes_from_its_header() -> None:
    body = ("Chairperson: Her Excellency Ms Lena Ortiz (Chile)\n\n"
            "The representative of Peru said the draft went too far.\n\n"
            "The delegate of Ghana, speaking for the African Group, welcomed the text.\n\n"
            "The representative of Fiji stressed that the oceans mattered.")
    structure = meeting_record.read(make_analysis(body, title="Summary Record of the Session"))
    assert [(m.name, m.title, m.affiliation) for m in structure.members] == [
        ("Lena Ortiz", "Chairperson", "Chile")]


@pytest.mark.parametrize(("sentence", "stance"), [
    ("We share the same values and a long border.", True),
    ("The region must stay free of nuclear weapons.", True),
    ("I discussed three issues in India with the minister.", False),
    ("My first announcement is about my visits to India.", False),
    ("This year the city celebrates its founding.", False),
    ("Will we sign the accord this year?", False),
])
def test_what_a_speaker_says_as_a_view(sentence: str, stance: bool) -> None:
    from briefgen.extract.positions import is_spoken_stance

    assert is_spoken_stance(make_analysis(sentence).sentences[0]) is stance


@pytest.mark.parametrize(("text", "motion"), [
    ("It was MOVED by Foy, seconded by Buchanan, to approve the expenditure.", True),
    ("MOVED: Cr Barnes SECONDED: Cr Bethel CARRIED", True),
    ("Unanimously carried by voice vote.", True),
    ("RESOLUTION: That the minutes be confirmed.", True),
    ("The ward walk was carried out on 9th March.", False),
    ("Cllr Moss reported on the footpaths.", False),
])
def test_a_motion_as_minutes_record_it(text: str, motion: bool) -> None:
    assert minutes.is_motion_record(text) is motion


def test_minutes_without_a_heading_are_told_by_their_motions_and_members_inline() -> None:
    body = ("The City Council met in session on this date in City Hall. Council members present "
            "were Mayor Ann Holt, Ben Ray and Cy Diaz. It was MOVED by Ray, seconded by Diaz, "
            "to adopt the budget. Unanimously carried by voice vote. It was MOVED by Diaz, "
            "seconded by Holt, to adjourn.")
    analysis = make_analysis(body, title="Adjourned Meeting - Budget")
    assert detect_genre(analysis) == "minutes"
    names = [m.name for m in minutes.read(analysis).members]
    assert names == ["Ann Holt", "Ben Ray", "Cy Diaz"]
