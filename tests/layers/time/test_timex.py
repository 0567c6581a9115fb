"""Unit tests of newslab.layers.time.tagger: finding time expressions and normalising them to the publication date.

The first group runs the rules without a parse (``doc=None``) and needs no model. The second
parses small hand-written texts with the small English model (marked ``model``): the model is
used for parts of speech ("May" the month vs. "may" the verb) and for tense (which Sunday).
"""

from __future__ import annotations

import datetime as dt

import pytest

from newslab.article import Article
from newslab.layers.time import TIMEX_TYPES, Timex, find_timexes, tag_timexes

MONDAY = dt.date(2017, 7, 10)


def _tags(text, published=MONDAY, doc=None):
    return [(t.text, t.type, t.value) for t in tag_timexes(text, doc, published=published)]


def _parsed(text, published=MONDAY):
    from newslab.nlp import parse

    article = Article.from_text(text, published=published)
    return [(t.text, t.type, t.value) for t in find_timexes(article, parse(article))]


# ---------------------------------------------------------------- rules only, no model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It closed on 9 July 2017.", ("9 July 2017", "DATE", "2017-07-09")),
        ("It closed on July 9, 2017.", ("July 9, 2017", "DATE", "2017-07-09")),
        ("It opened in 2016.", ("2016", "DATE", "2016")),
        ("Talks lasted three days.", ("three days", "DURATION", "P3D")),
        ("The vote took two hours.", ("two hours", "DURATION", "PT2H")),
        ("Sales rose in the third quarter.", ("the third quarter", "DATE", "2017-Q3")),
        ("We met last week.", ("last week", "DATE", "2017-W27")),
        ("We meet this week.", ("this week", "DATE", "2017-W28")),
        ("It will open this summer.", ("this summer", "DATE", "2017-SU")),
        ("The paper is printed daily.", ("daily", "SET", "P1D")),
        ("Prices are high now.", ("now", "DATE", "PRESENT_REF")),
        ("It rained yesterday.", ("yesterday", "DATE", "2017-07-09")),
        ("It happened a year ago.", ("a year ago", "DATE", "2016")),
        ("Doors open at 3 p.m. today.", ("3 p.m. today", "TIME", "2017-07-10T15:00")),
        ("Prices fell in the 1990s.", ("the 1990s", "DATE", "199")),
        # the Tuesday after the first Monday of November
        ("Voters go to the polls on Election Day.", ("Election Day", "DATE", "2017-11-07")),
        ("The count began on Election Day 2016.", ("Election Day 2016", "DATE", "2016-11-08")),
    ],
)
def test_values_relative_to_publication(text, expected):
    assert expected in _tags(text)


# Conventions of news annotation (TimeBank/AQUAINT), taken where the tuning documents agree clearly.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("For the week, the index slipped 2%.", ("the week", "DATE", "2017-WXX")),
        ("The week's busiest day was Tuesday.", ("The week", "DATE", "2017-WXX")),
        ("Traders said the week had been calm.", ("the week", "DATE", "2017-WXX")),
        ("We meet this week.", ("this week", "DATE", "2017-W28")),
        ("We met last week.", ("last week", "DATE", "2017-W27")),
        ("The trial opens the week of July 24.", ("the week of July 24", "DATE", "2017-W30")),
        ("Talks resume the week of Jan. 8, 2018.", ("the week of Jan. 8, 2018", "DATE", "2018-W02")),
    ],
)
def test_news_annotation_conventions(text, expected):
    assert expected in _tags(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A minute and a half later the lights came on.", ("A minute and a half", "DURATION", "PT1M30S")),
        ("The hearing ran two hours and a half.", ("two hours and a half", "DURATION", "PT2H30M")),
        ("The mill has stood for almost a hundred years.", ("almost a hundred years", "DURATION", "P100Y")),
        (
            "The paper wrote on Saturday, July 15: the plan is dead.",
            ("Saturday, July 15", "DATE", "2017-07-15"),
        ),
        ("Ballots go out at the end of this week.", ("the end of this week", "DATE", "2017-W28")),
        ("Rents rose at the end of last month.", ("the end of last month", "DATE", "2017-06")),
        ("The lease runs out at the end of next year.", ("the end of next year", "DATE", "2018")),
        ("The deal should close by year end.", ("year end", "DATE", "2017")),
        ("He waited half an hour.", ("half an hour", "DURATION", "PT30M")),
        ("The fire started at 0430 GMT.", ("0430 GMT", "TIME", "2017-07-10T04:30")),
        ("The doors closed at 3 p.m. on Friday.", ("3 p.m.", "TIME", "2017-07-07T15:00")),
        ("Elections are held every four years.", ("every four years", "SET", "P4Y")),
        ("The bus leaves every 10 minutes.", ("every 10 minutes", "SET", "PT10M")),
        ("It ended a decade-long feud.", ("decade-long", "DURATION", "P10Y")),
        ("The month-long strike ended.", ("month-long", "DURATION", "P1M")),
        ("A three-year-long dispute ended.", ("three-year-long", "DURATION", "P3Y")),
        ("Output fell in Q4 2016.", ("Q4 2016", "DATE", "2016-Q4")),
        ("He left in June 2009 and came back later that year.", ("later that year", "DATE", "2009")),
        ("Prices could fall in the months ahead.", ("the months ahead", "DURATION", "PXM")),
        ("The meeting starts at 15:00.", ("15:00", "TIME", "2017-07-10T15:00")),
        ("The bank shut at 9:30 on Friday.", ("9:30", "TIME", "2017-07-07T09:30")),
        ("He arrived the day before yesterday.", ("the day before yesterday", "DATE", "2017-07-08")),
        ("It ends the day after tomorrow.", ("the day after tomorrow", "DATE", "2017-07-12")),
        (
            "The fair opened on July 4. In the afternoon it rained.",
            ("the afternoon", "TIME", "2017-07-04TAF"),
        ),
        ("The siege lasted two-and-a-half years.", ("two-and-a-half years", "DURATION", "P2Y6M")),
        ("The plan covers 2014-2016.", ("2014", "DATE", "2014")),
        ("The plan covers 2014-2016.", ("2016", "DATE", "2016")),
        ("Shops shut on Good Friday.", ("Good Friday", "DATE", "2017-04-14")),
        ("He came home for Easter 2019.", ("Easter 2019", "DATE", "2019-04-21")),
        (
            "Sales fell in the third quarter; costs for that quarter rose.",
            ("that quarter", "DATE", "2017-Q3"),
        ),
        ("Prices rose at the beginning of the year.", ("the beginning of the year", "DATE", "2017")),
        ("Work starts at the start of next month.", ("the start of next month", "DATE", "2017-08")),
        ("Repairs are due by year's end.", ("year's end", "DATE", "2017")),
        ("Shares rose five trading days later.", ("five trading days", "DURATION", "P5D")),
        ("It lost money for several quarters.", ("several quarters", "DURATION", "PXQ")),
        ("Rents may fall in the near term.", ("the near term", "DATE", "FUTURE_REF")),
        (
            "Sales will slow in the first half of next year.",
            ("the first half of next year", "DATE", "2018-H1"),
        ),
        (
            "Profits rose in the second half of last year.",
            ("the second half of last year", "DATE", "2016-H2"),
        ),
        ("The pool stays open through the summer.", ("the summer", "DATE", "2017-SU")),
        (
            "The school was built on June 3, 1990 and opened the next day.",
            ("the next day", "DATE", "1990-06-04"),
        ),
        ("The plan was approved the previous day.", ("the previous day", "DATE", "2017-07-09")),
    ],
)
def test_modifiers_halves_and_edges(text, expected):
    assert expected in _tags(text)


@pytest.mark.parametrize(
    "text",
    [
        "Thousands joined the March for Jobs downtown.",
        "She gave to the March of Pennies every winter.",
        'The mayor was interviewed on "48 Hours" last night.',
        "Listeners of KBRT Today heard the mayor.",
    ],
)
def test_a_month_or_unit_heading_a_name_is_not_a_time(text):
    assert not any(tag[0] in ("March", "48 Hours", "Today") for tag in _tags(text))


@pytest.mark.parametrize(
    "text",
    [
        "The fall of the old mill was swift.",
        "Residents enjoyed the summer of concerts.",
        "The summer's heat closed the pool.",
        "The spring in the old mattress broke.",
        "A quarter of the year's budget went on roads.",
    ],
)
def test_seasons_and_quarters_that_are_not_times(text):
    assert not any(tag[0].lower().startswith(("the fall", "the summer", "a quarter")) for tag in _tags(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The mill closed in March of 2016.", ("March of 2016", "DATE", "2016-03")),
        ("Talks failed in March for the second time.", ("March", "DATE", "2017-03")),
        ("The doors open at 5 PM Today.", ("5 PM Today", "TIME", "2017-07-10T17:00")),
        ("The vote took 48 hours.", ("48 hours", "DURATION", "PT48H")),
    ],
)
def test_months_and_units_outside_names_are_still_times(text, expected):
    assert expected in _tags(text)


def test_extent_leaves_out_the_preposition():
    tags = _tags("The deal was signed on Sunday, in 2016 and during the third quarter.")
    texts = [text for text, _type, _value in tags]
    assert "Sunday" in texts and "2016" in texts
    assert not any(text.lower().startswith(("on ", "in ", "during ")) for text in texts)


def test_weekday_without_tense_is_the_last_such_day():
    assert ("Sunday", "DATE", "2017-07-09") in _tags("The statement came on Sunday.")


def test_offsets_match_the_text():
    text = "On Sunday morning, three days after the 2016 vote, he spoke for two hours."
    for timex in tag_timexes(text, None, published=MONDAY):
        assert text[timex.start : timex.end] == timex.text
        assert timex.type in TIMEX_TYPES


def test_without_publication_date_values_stay_underspecified_and_say_why():
    timexes = tag_timexes("He tweeted on Sunday morning and again yesterday.", None, published=None)
    values = {t.text: t for t in timexes}
    assert values["Sunday morning"].value == "XXXX-WXX-7TMO"
    assert values["yesterday"].value == "XXXX-XX-XX"
    assert "no publication date" in values["Sunday morning"].note


def test_absolute_dates_need_no_publication_date():
    assert ("2016", "DATE", "2016") in _tags("The 2016 election.", published=None)


def test_to_json_has_the_contract_keys():
    timex = tag_timexes("It rained yesterday.", None, published=MONDAY)[0]
    assert isinstance(timex, Timex)
    assert {"start", "end", "text", "type", "value"} <= set(timex.to_json())


def test_money_and_fractions_are_not_time():
    assert _tags("The company paid $1990 for three-quarters of the shares.") == []


def test_a_four_digit_number_is_a_clock_time_only_before_gmt_or_utc():
    assert _tags("The firm sold 1300 shares.") == []


@pytest.mark.parametrize(
    "text", ["She ran the marathon in 2:31:07.", "He won the race in 3:45.", "The score was 2:1."]
)
def test_a_bare_clock_reading_without_at_or_a_day_is_not_a_time(text):
    assert _tags(text) == []


# ---------------------------------------------------------------- with the parse (model)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Profits grew 8% annually.", None),
        ("The plant makes 10,000 units annually.", None),
        ("Dividends of $4 million yearly were paid.", None),
        ("The club meets three times weekly.", ("weekly", "SET", "P1W")),
        ("The festival is held here annually.", ("annually", "SET", "P1Y")),
    ],
)
def test_a_rate_after_an_amount_is_not_a_set(text, expected):
    tags = [t for t in _parsed(text) if t[1] == "SET"]
    assert tags == ([expected] if expected else [])


@pytest.mark.model
def test_sunday_morning_is_a_time_on_the_previous_sunday():
    assert _parsed("The president said in a Sunday morning tweet that he was pleased.") == [
        ("Sunday morning", "TIME", "2017-07-09TMO")
    ]


@pytest.mark.model
def test_later_on_sunday_tags_only_the_weekday():
    assert _parsed("Trump appeared to backtrack in a tweet later on Sunday.") == [
        ("Sunday", "DATE", "2017-07-09")
    ]


@pytest.mark.model
def test_future_tense_points_forward():
    assert ("Friday", "DATE", "2017-07-14") in _parsed("The committee will vote on Friday.")


@pytest.mark.model
def test_past_tense_points_back():
    assert ("Friday", "DATE", "2017-07-07") in _parsed("The committee voted on Friday.")


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # the nearest such month to the publication date ...
        (
            "The ferry service will resume in September.",
            dt.date(2017, 8, 16),
            ("September", "DATE", "2017-09"),
        ),
        (
            "Union leaders warned of cuts in September.",
            dt.date(2017, 8, 16),
            ("September", "DATE", "2017-09"),
        ),
        ("Sales rose in December.", dt.date(2017, 1, 20), ("December", "DATE", "2016-12")),
        ("The vote is due in February.", dt.date(2017, 10, 30), ("February", "DATE", "2018-02")),
        # ... unless a past tense puts it earlier in the publication year
        ("The mill closed in February.", dt.date(2017, 10, 30), ("February", "DATE", "2017-02")),
        # a date with a day: the nearest one, unless a future tense points ahead
        ("The vote was held on Nov. 6.", dt.date(2017, 3, 13), ("Nov. 6", "DATE", "2016-11-06")),
        ("The vote will be held on Nov. 6.", dt.date(2017, 3, 13), ("Nov. 6", "DATE", "2017-11-06")),
        ("The minister will speak on 11 March.", dt.date(2017, 3, 13), ("11 March", "DATE", "2017-03-11")),
        # a past tense does not reach more than four months ahead: that is last year's date or month
        ("The dam burst on Oct. 23.", dt.date(2017, 5, 5), ("Oct. 23", "DATE", "2016-10-23")),
        ("The shop closed in October.", dt.date(2017, 5, 5), ("October", "DATE", "2016-10")),
        # nearer ahead, a past tense is often a plan reported: the date stays ahead
        (
            "The board said the vote was set for Dec. 1.",
            dt.date(2017, 10, 20),
            ("Dec. 1", "DATE", "2017-12-01"),
        ),
    ],
)
def test_a_month_without_a_year_is_the_nearest_one(text, published, expected):
    assert expected in _parsed(text, published)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sales will recover in the second half.", ("the second half", "DATE", "2017-H2")),
        ("Sales recovered in the second half.", ("the second half", "DATE", "2016-H2")),
    ],
)
def test_a_half_year_follows_the_tense(text, expected):
    assert expected in _parsed(text, dt.date(2017, 3, 10))


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The agency said Monday it would review the case.", ("Monday", "DATE", "2017-07-10")),
        ("The union announced on Monday that it will strike.", ("Monday", "DATE", "2017-07-10")),
        ("The union will strike on Monday, it said.", ("Monday", "DATE", "2017-07-17")),
        ("The firm has until Monday to pay.", ("Monday", "DATE", "2017-07-17")),
        ("The firm paid by Monday.", ("Monday", "DATE", "2017-07-10")),
    ],
)
def test_a_weekday_after_a_past_tense_verb_is_in_the_past(text, expected):
    assert expected in _parsed(text, dt.date(2017, 7, 12))


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On Monday Harris signed the lease.", ("Monday", "DATE", "2017-07-10")),
        ("Late Thursday Mayor Okafor closed the pool.", ("Late Thursday", "DATE", "2017-07-06")),
        ("In March Patel resigned from the board.", ("March", "DATE", "2017-03")),
    ],
)
def test_a_date_before_a_capitalised_subject_is_still_a_date(text, expected):
    assert expected in _parsed(text, dt.date(2017, 7, 12))


@pytest.mark.model
@pytest.mark.parametrize(
    "text", ["He wrote for the Sunday Herald for years.", "She sang with June Carter at the fair."]
)
def test_a_weekday_or_month_in_a_name_is_not_a_date(text):
    assert not any(tag[0] in ("Sunday", "June") for tag in _parsed(text))


@pytest.mark.model
def test_modal_may_is_not_a_month():
    assert _parsed("Officials may resign, the report said.") == []


@pytest.mark.model
def test_month_may_is_a_month():
    assert ("May", "DATE", "2017-05") in _parsed("The plant closed in May.")


@pytest.mark.model
def test_age_is_not_a_duration():
    assert _parsed("The 6-year-old boy was found safe.") == []


@pytest.mark.model
def test_weekday_in_a_newspaper_name_is_not_a_date():
    assert _parsed("He told the Sunday Times he would stay.") == []


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Volunteers from Parks Now cleared the path.",
        "The charity Kestrel Today runs the food bank.",
        "She spoke to Good Morning Britain about the strike.",
        "The Tomorrow Fund paid for the roof.",
    ],
)
def test_a_time_word_inside_a_name_is_not_a_time(text):
    assert _parsed(text) == []


@pytest.mark.model
def test_a_capitalised_time_word_opening_a_sentence_is_still_a_time():
    assert _parsed("Today the museum reopens.") == [("Today", "DATE", "2017-07-10")]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    ["Neighbours argued about the future of the orchard.", "The book covers the past of the mill town."],
)
def test_the_future_of_something_is_a_topic_not_a_time(text):
    assert _parsed(text) == []


@pytest.mark.model
def test_the_future_on_its_own_is_still_a_time():
    assert _parsed("The orchard will be sold in the future.") == [("the future", "DATE", "FUTURE_REF")]


@pytest.mark.model
def test_that_day_refers_back():
    assert ("that day", "DATE", "2017-07-04") in _parsed("The bridge closed on July 4. Crews left that day.")


def test_every_rule_is_listed_once_in_the_ordered_tuple():
    from newslab.layers.time import rules, rules_days, rules_holidays, rules_sets, rules_years

    decorated = {
        f
        for m in (rules_days, rules_sets, rules_years, rules_holidays)
        for f in vars(m).values()
        if hasattr(f, "rule")
    }
    listed = [handler for _name, _pattern, handler in rules.RULES]
    assert len(listed) == len(set(listed)) == len(decorated)
    assert set(listed) == decorated
