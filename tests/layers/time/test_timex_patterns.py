"""Unit tests of time-tagger patterns that hold across news stories: stretches of time gone by ("over
the years"), "one day" to come, expressions counted from what the story named before ("the following
month", "that day", "the 1988 quarter"), and "daily" or "weekly" naming a paper.

Every sentence is invented; each case is one general pattern, parsed with the small English model.
"""

from __future__ import annotations

import datetime as dt

import pytest

from newslab.article import Article
from newslab.layers.time import find_timexes

WEDNESDAY = dt.date(2017, 7, 12)


def _parsed(text, published=WEDNESDAY):
    from newslab.nlp import parse

    article = Article.from_text(text, published=published)
    return [(t.text, t.type, t.value) for t in find_timexes(article, parse(article))]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Over the years the quarry filled with water.", ("the years", "DURATION", "PXY")),
        (
            "The mill changed hands twice during the decades since the flood.",
            ("the decades", "DURATION", "PXDE"),
        ),
        ("In the years that followed, the village shrank.", ("the years", "DURATION", "PXY")),
        ("Few pupils passed in the early years of the school.", ("the early years", "DURATION", "PXY")),
    ],
)
def test_the_years_gone_by_are_a_stretch_of_time(text, expected):
    assert expected in _parsed(text)


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "She remembered the years of plenty.",
        "The shop kept records for the years 1990 to 1995.",
        "In the years column the clerk wrote nothing.",
        "The ferry crossed in the early hours of Sunday.",
    ],
)
def test_the_years_as_a_topic_or_a_list_are_not_a_stretch_of_time(text):
    assert not any(tag[1] == "DURATION" for tag in _parsed(text))


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The orchard will one day be a park.", ("one day", "DATE", "FUTURE_REF")),
        ("Her family hopes she one day leads the council.", ("one day", "DATE", "FUTURE_REF")),
        ("A storm one day flooded the road.", ("one day", "DATE", "PAST_REF")),
        ("The repairs will take one day.", ("one day", "DURATION", "P1D")),
        ("The market opened for one day only.", ("one day", "DURATION", "P1D")),
    ],
)
def test_one_day_before_its_verb_is_a_time_not_a_length(text, expected):
    assert expected in _parsed(text)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The mill closed in March 2015. The following month, the bank sold it.",
            ("The following month", "DATE", "2015-04"),
        ),
        (
            "The pool reopened on 3 May 2016. The previous month it had flooded.",
            ("The previous month", "DATE", "2016-04"),
        ),
        (
            "The strike began on 6 March 2017. The following week, talks resumed.",
            ("The following week", "DATE", "2017-W11"),
        ),
        # with no date named before, the publication date is the anchor
        ("The following month, the bank sold the mill.", ("The following month", "DATE", "2017-08")),
    ],
)
def test_following_and_previous_count_from_the_date_named_before(text, expected):
    assert expected in _parsed(text)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The bridge closed on July 4. Earlier that day, crews checked it.",
            ("Earlier that day", "DATE", "2017-07-04"),
        ),
        (
            "The mill shut on 2 June 2016. The same day, the bank called.",
            ("The same day", "DATE", "2016-06-02"),
        ),
        # a month named after the last date: a day of that month
        ("The pool flooded last October. Staff left that same day.", ("that same day", "DATE", "2016-10-XX")),
        # nothing named before: a day the reader cannot place
        ("Staff left that day.", ("that day", "DATE", "XXXX-XX-XX")),
    ],
)
def test_that_day_is_the_date_named_before(text, expected):
    assert expected in _parsed(text)


@pytest.mark.model
def test_that_day_of_something_is_not_a_back_reference():
    assert not any(tag[0].endswith("day") for tag in _parsed("It was the same day of the week as the vote."))


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Profit rose in the third quarter, against a loss in the 2016 quarter.",
            ("the 2016 quarter", "DATE", "2016-Q3"),
        ),
        ("Sales fell in the second quarter, as in the 2015 period.", ("the 2015 period", "DATE", "2015-Q2")),
    ],
)
def test_a_quarter_with_only_a_year_is_the_quarter_named_before(text, expected):
    assert expected in _parsed(text)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Communist Party daily Granma printed the letter.", None),
        ("The state-run weekly Kestrel Post printed the letter.", None),
        ("Protesters gather daily outside the house.", ("daily", "SET", "P1D")),
        ("The pool opens daily Monday to Friday.", ("daily", "SET", "P1D")),
    ],
)
def test_a_daily_or_weekly_before_a_paper_name_is_the_paper(text, expected):
    sets = [tag for tag in _parsed(text) if tag[1] == "SET"]
    assert sets == ([expected] if expected else [])
