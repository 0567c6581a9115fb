"""Tests of the notebook 04 checks: correct variants pass, typical wrong answers get a hint.

``normalise`` needs no model; ``order_events`` runs the kit on the bundled article (model).
"""

from __future__ import annotations

import pytest

from newslab.check import timeline as check


@pytest.mark.parametrize("answer", ["2017-07-09TMO", "2017-07-09tmo", " 2017-07-09 TMO ", "2017-07-09T MO"])
def test_normalise_accepts_variants(answer):
    assert check.normalise(answer)


@pytest.mark.parametrize(
    ("answer", "hint"),
    [
        (None, "as a string"),
        ("", "as a string"),
        (20170709, "quotation marks"),
        ("2017-07-09", "part of the day"),
        ("2017-07-16TMO", "after the publication date"),
        ("2017-07-02TMO", "too far back"),
        ("2017-07-10TMO", "is a Monday"),
        ("2017-07-09TEV", "morning is TMO"),
        ("XXXX-WXX-7TMO", "better than XXXX"),
        ("Sunday", "YYYY-MM-DD"),
        ("2017-02-30TMO", "not a real date"),
    ],
)
def test_normalise_hints(answer, hint):
    result = check.normalise(answer)
    assert not result
    assert hint in result.message


def test_normalise_other_date_and_phrase():
    assert check.normalise("2017-07-09", phrase="Sunday", published="2017-07-09")
    assert not check.normalise("2017-07-02", phrase="Sunday", published="2017-07-09")
    assert check.normalise("2017-07-02TMO", published="2017-07-08")


@pytest.mark.model
@pytest.mark.parametrize("answer", [["B", "A", "C"], ("b", "a", "c"), "BAC", "B, A, C", "b a c"])
def test_order_events_accepts_variants(seed, answer):
    assert check.order_events(seed, answer)


@pytest.mark.model
@pytest.mark.parametrize(
    ("answer", "hint"),
    [
        (None, "earliest first"),
        (["A", "B"], "exactly once"),
        (["A", "A", "B"], "exactly once"),
        (["A", "B", "C"], "order the story tells"),
        (["A", "C", "B"], "verb form"),
        (["B", "C", "A"], "later"),
    ],
)
def test_order_events_hints(seed, answer, hint):
    result = check.order_events(seed, answer)
    assert not result
    assert hint in result.message


@pytest.mark.model
def test_order_events_unknown_event(seed):
    result = check.order_events(seed, ["A"], events={"A": "flew to the moon"})
    assert not result and "finds no event" in result.message
