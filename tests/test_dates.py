"""Meeting dates: relative days resolved against the document's date, ranges kept whole."""

from __future__ import annotations

import datetime as dt

import pytest

from briefgen.extract.metadata import find_meeting_date, resolve_date
from briefgen.model import Sentence
from tests.builders import draft_until, make_analysis

FRIDAY = dt.date(2023, 3, 3)


def sentence(text: str) -> Sentence:
    return Sentence(index=0, paragraph=1, start=0, end=len(text), text=text)


def meeting_date(text: str, document_date: dt.date | None = FRIDAY
                 ) -> tuple[str | None, str | None]:
    return find_meeting_date([sentence(text)], document_date)


@pytest.mark.parametrize(("text", "expected"), [
    ("The Foreign Minister met his counterpart today in Rabat.", ("March 3, 2023", "2023-03-03")),
    ("The two leaders spoke yesterday by telephone.", ("March 2, 2023", "2023-03-02")),
    ("The envoys met on Tuesday in Geneva.", ("February 28, 2023", "2023-02-28")),
    ("The ministers met on Friday in Lima.", ("March 3, 2023", "2023-03-03")),
    ("The delegations met last week in Nairobi.", ("the week of February 20, 2023", None)),
])
def test_a_relative_day_is_printed_as_the_date(text: str, expected: tuple) -> None:
    assert meeting_date(text) == expected


def test_without_a_document_date_a_relative_day_gives_no_date() -> None:
    assert meeting_date("The Foreign Minister met his counterpart today.", None) == (None, None)


@pytest.mark.parametrize(("text", "written"), [
    ("The talks were held on April 21 and 22 in Vienna.", "April 21 and 22"),
    ("The council met on 21-22 April 2023 in Accra.", "21-22 April 2023"),
    ("The envoy visited Hanoi from 3 to 5 November.", "3 to 5 November"),
    ("The talks were held on 4 and 5 September 2018.", "4 and 5 September 2018"),
])
def test_a_range_is_kept_whole_and_has_no_single_iso_day(text: str, written: str) -> None:
    assert meeting_date(text) == (written, None)


def test_the_meetings_date_not_the_start_of_its_process() -> None:
    text = "The dialogue, launched on March 1, 2021, met for its third round on June 5, 2023."
    assert meeting_date(text) == ("June 5, 2023", "2023-06-05")


def test_an_explicit_date_wins_over_its_weekday() -> None:
    assert meeting_date("On Friday, January 9, the ministers met in Paris.") == \
        ("Friday, January 9", None)


@pytest.mark.parametrize(("written", "future", "expected"), [
    ("tomorrow", True, ("March 4, 2023", "2023-03-04")),
    ("on Tuesday", True, ("March 7, 2023", "2023-03-07")),
    ("on Tuesday", False, ("February 28, 2023", "2023-02-28")),
    ("next Friday", True, ("March 10, 2023", "2023-03-10")),
    ("May 6, 2023", True, ("May 6, 2023", "2023-05-06")),
    ("May 6", True, ("May 6", "2023-05-06")),
    ("January 6", True, ("January 6", "2024-01-06")),  # a step to come: the next January
    ("January 6", False, ("January 6", "2023-01-06")),
    ("later this year", True, ("later this year", None)),
])
def test_resolve_date(written: str, future: bool, expected: tuple) -> None:
    assert resolve_date(written, FRIDAY, future=future) == expected


@pytest.mark.parametrize("dateline", ["Thursday, November 8, 2018", "Date 2018-11-08",
                                      "Santiago, 8 November 2018"])
def test_the_dateline_dates_the_document(dateline: str) -> None:
    analysis = make_analysis(f"{dateline}\n\nThe Ministers of Foreign Affairs of Chile and "
                             "Peru met today in Santiago.", title="Meeting of Foreign Ministers")
    meeting = draft_until(analysis, "extract_metadata").meeting
    assert (meeting.date, meeting.date_iso) == ("November 8, 2018", "2018-11-08")


def test_this_morning_is_the_documents_day() -> None:
    assert meeting_date("The Prime Minister spoke to the Chancellor this morning.") == \
        ("March 3, 2023", "2023-03-03")


@pytest.mark.parametrize(("text", "iso"), [
    ("On February 27, the ministers met in Quito.", "2023-02-27"),
    ("On December 28, the ministers met in Quito.", "2022-12-28"),  # the year before
    ("On Monday, February 27, the ministers met in Quito.", "2023-02-27"),
    ("On Friday, February 27, the ministers met in Quito.", None),  # the weekday disagrees
])
def test_a_date_without_its_year_takes_the_documents_year(text: str, iso: str | None) -> None:
    assert meeting_date(text)[1] == iso
    assert meeting_date(text, None)[1] is None


def test_a_date_still_to_come_is_not_the_meetings() -> None:
    text = ("The Secretary met the Minister and invited him to an event to be held on "
            "17 March in Washington.")
    assert meeting_date(text) == (None, None)


def test_a_year_is_no_day_of_a_month() -> None:
    assert meeting_date("The envoys met to prepare the May 2026 summit.") == (None, None)


def test_the_memo_names_the_documents_date_when_the_meeting_has_none() -> None:
    from briefgen.model import Meeting
    from briefgen.render import MemoOptions, render_markdown
    from tests.builders import make_brief

    brief = make_brief(meeting=Meeting(format="phone", document_date="2023-03-03"))
    assert r"date not stated \(the source is dated March 3\, 2023\)" in \
        render_markdown(brief, MemoOptions(), "memo")
    assert r"date not stated;" in render_markdown(make_brief(meeting=Meeting()), MemoOptions(),
                                                  "memo")


def test_without_a_document_date_no_year_is_given() -> None:
    assert resolve_date("May 6", None) == ("May 6", None)
