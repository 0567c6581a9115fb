"""The checks of notebook 05 accept every correct variant and hint at the fix for wrong answers."""

from __future__ import annotations

import pandas as pd
import pytest

from newslab.check import sentiment

CURLY = "We can’t trust Russia."
SCHIFF = (
    "Representative Adam Schiff, the top Democrat on the House Intelligence Committee, told CNN’s "
    "State of the Union program Russia could not be a credible partner in a cyber security unit."
)


@pytest.mark.parametrize("answer", ["negative", "Negative", " NEGATIVE ", "negative."])
def test_check_label_accepts_variants(answer):
    assert sentiment.check_label(answer, CURLY)


@pytest.mark.parametrize(
    ("answer", "hint"),
    [(None, "as a string"), ("positive", "curly apostrophes"), ("bad", "not a label"), (-0.4, "as a string")],
)
def test_check_label_hints(answer, hint):
    result = sentiment.check_label(answer, CURLY)
    assert not result
    assert hint in result.message


@pytest.mark.parametrize("answer", ["Intelligence", "intelligence", " Intelligence ", "'Intelligence'"])
def test_check_strongest_word_accepts_variants(answer):
    assert sentiment.check_strongest_word(answer, SCHIFF)


def test_check_strongest_word_hints():
    assert "another counts more" in sentiment.check_strongest_word("security", SCHIFF).message
    assert "does not move" in sentiment.check_strongest_word("Schiff", SCHIFF).message
    assert "as a string" in sentiment.check_strongest_word(None, SCHIFF).message
    assert "no sentiment words" in sentiment.check_strongest_word("x", "The meeting is on Monday.").message


def _tables():
    return {
        "Russia": pd.DataFrame({"label": ["negative", "negative", "neutral"]}),
        "Donald Trump": pd.DataFrame({"label": ["negative", "neutral", "neutral", "neutral", "positive"]}),
    }


@pytest.mark.parametrize("answer", ["Russia", "russia", " RUSSIA "])
def test_check_more_negative_accepts_variants(answer):
    assert sentiment.check_more_negative(answer, _tables())


def test_check_more_negative_accepts_surname_and_hints():
    tables = {
        "Russia": pd.DataFrame({"label": ["neutral"]}),
        "Donald Trump": pd.DataFrame({"label": ["negative"]}),
    }
    assert sentiment.check_more_negative("Trump", tables)
    assert "SHARE" in sentiment.check_more_negative("Donald Trump", _tables()).message
    assert "not one of" in sentiment.check_more_negative("Putin", _tables()).message
    assert not sentiment.check_more_negative(None, _tables())
    assert not sentiment.check_more_negative("Russia", {})


def test_check_more_negative_tie():
    tables = {"A": pd.DataFrame({"label": ["negative"]}), "B": pd.DataFrame({"label": ["negative"]})}
    assert sentiment.check_more_negative("B", tables)


MACHINE = ["negative", "positive", "neutral", "negative"]


@pytest.mark.parametrize("answer", [0.75, 75, 75.0, 3 / 4])
def test_check_agreement_accepts_share_or_percentage(answer):
    assert sentiment.check_agreement(answer, ["negative", "negative", "Neutral", "negative"], MACHINE)


def test_check_agreement_with_tuple_and_unlabelled():
    assert sentiment.check_agreement(1.0, ("negative", None, "", "negative"), MACHINE)


@pytest.mark.parametrize(
    ("answer", "mine", "hint"),
    [
        (None, [None, None, None, None], "fill in `my_labels`"),
        (0.75, ["negative", "negative", "neutral"], "one label per sentence"),
        (0.75, ["bad", "negative", "neutral", "negative"], "not a label"),
        (None, ["negative", "negative", "neutral", "negative"], "a number"),
        (3, ["negative", "negative", "neutral", "negative"], "divide"),
        (True, ["negative", "negative", "neutral", "negative"], "a number"),
    ],
)
def test_check_agreement_hints(answer, mine, hint):
    result = sentiment.check_agreement(answer, mine, MACHINE)
    assert not result
    assert hint in result.message
