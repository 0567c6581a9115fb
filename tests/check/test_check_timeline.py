"""Checks of notebook 04: the weekday value by the rule the exercise teaches; the order of events from the gold.

``normalise`` needs neither the model nor the kit's time tagger: its answer key is the rule itself.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from newslab.annotations import AnnotationSet, load_gold
from newslab.check import reset_tries
from newslab.check import timeline as check
from newslab.timeline import timeline_table


@pytest.fixture(autouse=True)
def first_try():
    reset_tries()


# ---------------------------------------------------------------- normalise


@pytest.mark.parametrize(
    ("phrase", "published", "value"),
    [
        ("Sunday morning", dt.date(2017, 7, 10), "2017-07-09TMO"),
        ("Sunday", dt.date(2017, 7, 15), "2017-07-09"),
        ("Sunday", dt.date(2017, 7, 9), "2017-07-09"),  # on or before: the day itself
        ("Tuesday evening", dt.date(2025, 3, 12), "2025-03-11TEV"),
        ("monday  night", dt.date(2024, 11, 20), "2024-11-18TNI"),
        ("last week", dt.date(2017, 7, 10), None),
    ],
)
def test_weekday_value(phrase, published, value):
    assert check.weekday_value(phrase, published) == value


def test_weekday_value_agrees_with_the_gold(seed):
    gold = {t.text: t.attrs["value"] for t in load_gold(seed).labelled("TIMEX")}
    assert check.weekday_value("Sunday morning", seed.published) == gold["Sunday morning"]
    assert check.weekday_value("Sunday", seed.published) == gold["Sunday"]


@pytest.mark.parametrize(
    "answer", ["2017-07-09TMO", "2017-07-09tmo", " 2017-07-09 TMO ", "2017-07-09T MO", "2017-07-09T-MO"]
)
def test_normalise_right(answer):
    assert check.normalise(answer).ok is True


@pytest.mark.parametrize(
    ("answer", "hint"),
    [
        ("", "as a string"),
        (20170709, "as a string"),
        (["2017-07-09TMO"], "as a string"),
        (["x"], "as a string"),
        ("2017-07-09", "part of the day"),
        ("2017-07-16TMO", "after the publication date"),
        ("2017-07-02TMO", "too far back"),
        ("2017-07-10TMO", "publication date itself"),
        ("2017-07-08TMO", "is a Saturday"),
        ("2017-07-09TEV", "not TEV"),
        ("XXXX-WXX-7TMO", "better than XXXX"),
        ("Sunday", "YYYY-MM-DD"),
        ("2017-02-30TMO", "not a real date"),
    ],
)
def test_normalise_wrong(answer, hint):
    result = check.normalise(answer)
    assert result.ok is False and hint in result.message


@pytest.mark.parametrize("answer", ["2017-07-09", "2017-07-09 ", " 2017-07-09"])
def test_normalise_another_date_right(answer):
    assert check.normalise(answer, phrase="Sunday", published="2017-07-15").ok is True


@pytest.mark.parametrize(
    ("answer", "hint"),
    [
        ("2017-07-16", "after the publication date"),
        ("2017-07-15", "publication date itself"),
        ("2017-07-09TMO", "names no part of the day"),
        ("", "as a string"),
    ],
)
def test_normalise_another_date_wrong(answer, hint):
    result = check.normalise(answer, phrase="Sunday", published="2017-07-15")
    assert result.ok is False and hint in result.message


def test_normalise_hints_step_per_exercise():
    first = check.normalise("2017-07-09TEV").message
    second = check.normalise("2017-07-09TEV").message
    other = check.normalise("2017-07-15", phrase="Sunday", published="2017-07-20").message
    assert "TMO" not in first and "morning is TMO" in second
    assert "which Sunday" in other  # a different exercise starts from its first hint


def test_normalise_has_no_key_for_a_phrase_it_cannot_work_out():
    result = check.normalise("2017-W27", phrase="last week")
    assert result.ok is None and "no answer key" in repr(result).lower()


def test_normalise_bad_publication_date():
    assert "YYYY-MM-DD" in check.normalise("2017-07-09", published="10 July").message


# ---------------------------------------------------------------- order_events


@pytest.mark.parametrize(
    "answer", [["B", "A", "C"], ("b", "a", "c"), "BAC", "B A C", "b, a, c", "B → A → C", [" B", "a ", "C"]]
)
def test_order_events_right(seed, answer):
    result = check.order_events(seed, answer)
    assert result.ok is True and "B (before 2017-07-09TMO)" in result.message


@pytest.mark.parametrize(
    ("answer", "hint"),
    [
        (["A", "B", "C"], "order the story tells"),
        (["C", "A", "B"], "Which event"),
        (["B", "C", "A"], "The first one is right"),
        (["A", "A", "A"], "exactly once"),
        (["x", "y", "z"], "exactly once"),
        ("", "as a list"),
        (["A", "B"], "exactly once"),
        (123, "as a list"),
    ],
)
def test_order_events_wrong(seed, answer, hint):
    result = check.order_events(seed, answer)
    assert result.ok is False and hint in result.message


def test_order_events_follows_the_gold_not_the_machine(seed):
    gold = load_gold(seed)
    table = timeline_table(seed)
    words = {"A": "The US president had said", "B": "he and Vladimir Putin had discussed"}
    machine = sorted("AB", key=lambda letter: int(table.loc[table["label"] == words[letter], "rank"].iloc[0]))
    assert machine == ["B", "A"]
    # An edited gold that puts the talks after the tweet.
    swapped = AnnotationSet(
        gold.article_id,
        gold.text,
        [
            dataclasses.replace(a, attrs={**a.attrs, "rank": 9})
            if a.label == "EVENT" and a.text == "discussed"
            else a
            for a in gold.annotations
        ],
        "gold",
    )
    events = {"A": "said", "B": "discussed"}
    assert check.order_events(seed, machine, events=events, gold=swapped).ok is False
    assert check.order_events(seed, ["A", "B"], events=events, gold=swapped).ok is True


def test_order_events_accepts_either_order_of_a_tie(seed):
    events = {
        "A": "meddling",
        "B": "contested",
    }  # both rank 1 (2016) in the gold: the text does not order them
    assert check.order_events(seed, "AB", events=events).ok is True
    assert check.order_events(seed, "BA", events=events).ok is True


def test_order_events_unknown_event(seed):
    result = check.order_events(seed, ["A"], events={"A": "danced"})
    assert result.ok is False and "no event" in result.message


# ---------------------------------------------------------------- shared


@pytest.mark.parametrize(
    "call",
    [
        lambda a: check.normalise(None),
        lambda a: check.normalise(None, phrase="Sunday", published="2017-07-15"),
        lambda a: check.order_events(a, None),
    ],
)
def test_unanswered_is_a_neutral_prompt(seed, call):
    result = call(seed)
    assert result.ok is None and repr(result).startswith("✏️ Your turn")


def test_an_article_without_gold_says_so():
    from newslab.article import Article

    pasted = Article.from_text("He said it on Sunday. They had discussed it before.")
    result = check.order_events(pasted, ["B", "A"], events={"A": "said", "B": "discussed"})
    assert result.ok is None and "no gold file" in result.message
