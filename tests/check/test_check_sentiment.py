"""Checks of notebook 05: exercises 1–3 read the kit's output (and the messages say so); 4 is arithmetic."""

from __future__ import annotations

import pandas as pd
import pytest

from newslab.check import reset_tries, sentiment
from newslab.sentiment import score_text

CURLY = "We can’t trust Russia."
DONT = "We don’t trust them."
SCHIFF = (
    "Representative Adam Schiff, the top Democrat on the House Intelligence Committee, told CNN’s "
    "State of the Union program Russia could not be a credible partner in a cyber security unit."
)


@pytest.fixture(autouse=True)
def first_try():
    reset_tries()


# ---------------------------------------------------------------- check_label


@pytest.mark.parametrize(
    "answer", ["negative", "Negative", " NEGATIVE ", "negative.", "neg", "“negative”", "score"]
)
def test_check_label_right(answer):
    if answer == "score":
        answer = score_text(DONT)  # the scored result itself: its label
    result = sentiment.check_label(answer, DONT)
    assert result.ok is True and "the kit labels it negative" in result.message


@pytest.mark.parametrize(
    ("answer", "hint"),
    [
        ("positive", "what the kit says"),  # VADER on the raw text, curly apostrophe and all
        ("neutral", "what the kit says"),
        ("bad", "not a label"),
        ("", "as a string"),
        (-0.4, "as a string"),
        (["negative"], "as a string"),
    ],
)
def test_check_label_wrong(answer, hint):
    result = sentiment.check_label(answer, DONT)
    assert result.ok is False and hint in result.message


def test_check_label_second_hint_names_the_apostrophe():
    sentiment.check_label("positive", CURLY)
    assert "curly apostrophes" in sentiment.check_label("positive", CURLY).message


# ---------------------------------------------------------------- check_strongest_word


@pytest.mark.parametrize(
    "answer", ["Intelligence", "intelligence", " Intelligence ", "'Intelligence'", "“Intelligence”"]
)
def test_check_strongest_word_right(answer):
    result = sentiment.check_strongest_word(answer, SCHIFF)
    assert result.ok is True and "VADER adds +2.10" in result.message


def test_check_strongest_word_accepts_an_evidence_row():
    from newslab.sentiment import evidence_table

    words = evidence_table(score_text(SCHIFF), SCHIFF)
    assert sentiment.check_strongest_word(words.loc[words["valence"].abs().idxmax()], SCHIFF).ok is True


@pytest.mark.parametrize(
    ("answer", "hint"),
    [
        ("security", "another counts more"),
        ("top", "another counts more"),
        ("Schiff", "no weight"),
        ("", "one word"),
        (2.1, "one word"),
        (["x"], "one word"),
        ("Intelligence Committee", "no weight"),
    ],
)
def test_check_strongest_word_wrong(answer, hint):
    result = sentiment.check_strongest_word(answer, SCHIFF)
    assert result.ok is False and hint in result.message


# ---------------------------------------------------------------- check_more_negative


def _table(*labels):
    return pd.DataFrame({"label": list(labels)})


CLEAR = {
    "Russia": _table("negative", "neutral", "neutral", "neutral"),  # 25 %
    "Moscow": _table("negative", "negative", "positive"),  # 67 %
    "Trump": _table(
        "negative", "negative", "negative", "neutral", "neutral", "neutral", "neutral"
    ),  # 43 %, most
}
TIED = {
    "Russia": _table("negative", "neutral"),
    "Moscow": _table("negative", "positive"),
    "Trump": _table("neutral", "neutral", "positive"),
}


@pytest.mark.parametrize("answer", ["Moscow", "moscow", " MOSCOW ", "Moscow."])
def test_check_more_negative_right(answer):
    result = sentiment.check_more_negative(answer, CLEAR)
    assert result.ok is True and "the kit judges 67% of Moscow's mentions negative" in result.message


@pytest.mark.parametrize(
    ("answer", "hint"),
    [
        ("Trump", "SHARE"),  # most negative mentions, not the largest share
        ("Russia", "larger share"),
        ("Putin", "not one of the targets"),
        ("", "as a string"),
        (["Moscow"], "as a string"),
        (["x", "y", "z"], "as a string"),
    ],
)
def test_check_more_negative_wrong(answer, hint):
    result = sentiment.check_more_negative(answer, CLEAR)
    assert result.ok is False and hint in result.message


@pytest.mark.parametrize(
    ("answer", "right"), [("Russia", True), ("Moscow", True), ("Trump", False), ("x", False)]
)
def test_check_more_negative_tie_accepts_only_the_tied_leaders(answer, right):
    result = sentiment.check_more_negative(answer, TIED)
    assert result.ok is right
    if right:
        assert "a tie with" in result.message


def test_check_more_negative_on_the_kit_tables(seed):
    from newslab.sentiment import target_sentiment_table

    targets = {name: target_sentiment_table(seed, name) for name in ("Russia", "Moscow", "Trump")}
    shares = {name: (table["label"] == "negative").mean() for name, table in targets.items()}
    best = max(shares, key=shares.get)
    assert sentiment.check_more_negative(best, targets).ok is True
    assert sentiment.check_more_negative(min(shares, key=shares.get), targets).ok is False


# ---------------------------------------------------------------- check_agreement

MINE = ["negative", "negative", "neutral", "positive", "neutral"]
MACHINE = ["negative", "positive", "neutral", "positive", "negative"]  # same on 3 of 5


@pytest.mark.parametrize("answer", [0.6, "0.6", "60%", "60 %", 60, 60.0, "3/5", "0,6", 0.60, [0.6]])
def test_check_agreement_right_as_fraction_or_percentage(answer):
    result = sentiment.check_agreement(answer, MINE, MACHINE)
    assert result.ok is True and "60%" in result.message


def test_check_agreement_accepts_labels_in_any_case():
    assert sentiment.check_agreement(0.6, [label.upper() for label in MINE], MACHINE).ok is True


@pytest.mark.parametrize(
    ("answer", "hint"),
    [
        (0.4, "out of how many"),
        (3, "how many sentences you agree on"),
        (6, "out of how many"),
        ("", "one number"),
        ("most", "one number"),
        (["x"], "one number"),
        (0.5, "out of how many"),
    ],
)
def test_check_agreement_wrong(answer, hint):
    result = sentiment.check_agreement(answer, MINE, MACHINE)
    assert result.ok is False and hint in result.message


def test_check_agreement_bad_labels():
    assert "not a label" in sentiment.check_agreement(0.6, ["x"] * 5, MACHINE).message
    assert "5 labels, not 4" in sentiment.check_agreement(0.6, MINE[:4], MACHINE).message


@pytest.mark.parametrize(
    ("answer", "mine"),
    [(None, [None] * 5), (0.6, [None] * 5), (None, MINE)],
)
def test_check_agreement_unanswered_is_a_neutral_prompt(answer, mine):
    result = sentiment.check_agreement(answer, mine, MACHINE)
    assert result.ok is None and repr(result).startswith("✏️ Your turn")


@pytest.mark.parametrize(
    "call",
    [
        lambda: sentiment.check_label(None, DONT),
        lambda: sentiment.check_strongest_word(None, SCHIFF),
        lambda: sentiment.check_more_negative(None, CLEAR),
    ],
)
def test_unanswered_is_a_neutral_prompt(call):
    result = call()
    assert result.ok is None and repr(result).startswith("✏️ Your turn")
