"""What every check shares: three kinds of result, code in messages, numbers in many forms, stepped hints."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

from newslab.check import reset_tries
from newslab.check._core import (
    as_count,
    as_number,
    fail,
    no_gold,
    passed,
    rounds_to,
    same_name,
    share_matches,
    stepped,
    unanswered,
    your_turn,
)


@pytest.fixture(autouse=True)
def first_try():
    reset_tries()


@pytest.mark.parametrize(
    ("result", "heading", "truth"),
    [
        (passed("x"), "✅ Correct: x", True),
        (fail("x"), "❌ Not yet: x", False),
        (your_turn("x"), "✏️ Your turn: x", False),
    ],
)
def test_three_kinds_of_result(result, heading, truth):
    assert repr(result) == heading
    assert bool(result) is truth


def test_your_turn_is_neutral_not_a_failure():
    prompt = your_turn("store a number in `answer`.")
    assert prompt.ok is None and not prompt
    html = prompt._repr_html_()
    assert "#D55E00" not in html and "#009E73" not in html  # neither the failure's nor the success's colour
    assert "Not yet" not in repr(prompt) and "Correct" not in repr(prompt)


def test_backticks_are_code_in_html_and_dropped_in_text():
    result = fail("Use `len(article.paragraphs)` and <b>count</b>.")
    assert repr(result) == "❌ Not yet: Use len(article.paragraphs) and <b>count</b>."
    html = result._repr_html_()
    assert "<code>len(article.paragraphs)</code>" in html
    assert "&lt;b&gt;count&lt;/b&gt;" in html and "`" not in html


def test_an_unpaired_backtick_is_shown_escaped():
    html = fail("it’s a ` mark & more")._repr_html_()
    assert "<code>" not in html and "&amp; more" in html


def test_no_gold_says_so_in_one_sentence():
    result = no_gold(type("A", (), {"id": "my-article"})())
    assert result.ok is None and not result
    assert "no gold file for my-article" in repr(result) and repr(result).count(". ") == 0


@pytest.mark.parametrize(
    ("answer", "value"),
    [
        (14, 14.0),
        ("14", 14.0),
        (" 0,5 ", 0.5),
        ("50%", 0.5),
        ("50 %", 0.5),
        ("3/5", 0.6),
        ([14], 14.0),
        (pd.Series([14]), 14.0),
        (np.int64(14), 14.0),
        (np.float64(0.25), 0.25),
    ],
)
def test_as_number_reads_every_form(answer, value):
    assert as_number(answer) == pytest.approx(value)


@pytest.mark.parametrize("answer", [None, True, "", "many", [1, 2], "1/0", float("nan"), {"a": 1}])
def test_as_number_refuses_what_is_not_one_number(answer):
    assert as_number(answer) is None


@pytest.mark.parametrize(("answer", "value"), [(3, 3), ("3", 3), (3.0, 3), (np.int64(3), 3), (3.5, None)])
def test_as_count(answer, value):
    assert as_count(answer) == value


@pytest.mark.parametrize(
    ("value", "expected", "places", "right"),
    [
        (23, 23.105, 0, True),
        (23.1, 23.105, 0, True),
        (23.11, 23.105, 0, True),
        (23.105263, 23.105263157, 0, True),
        (21, 21.4, 0, True),
        (22, 21.6, 0, True),
        (21, 21.6, 0, False),  # cut, not rounded
        (23.2, 23.105, 0, False),
        (24, 23.105, 0, False),
        (0.51, 0.5082, 2, True),
        (0.5, 0.5082, 2, False),  # rounder than the stated precision
        (0.5082, 0.5082, 2, True),
    ],
)
def test_rounds_to_the_stated_precision(value, expected, places, right):
    assert rounds_to(value, expected, places=places) is right


@pytest.mark.parametrize(
    ("value", "right"),
    [
        (0.6, True),
        (60, True),
        (60.0, True),
        (0.60, True),
        (0.4, False),
        (40, False),
        (6, False),
        (0.06, False),
    ],
)
def test_share_as_fraction_or_percentage(value, right):
    assert share_matches(value, 0.6) is right


def test_share_rounded_to_whole_percent_or_two_decimals():
    assert share_matches(0.47, 7 / 15) and share_matches(47, 7 / 15) and share_matches(46.7, 7 / 15)
    assert not share_matches(0.5, 7 / 15)


@pytest.mark.parametrize(
    ("answer", "right"),
    [
        ("Nikki Haley", True),
        ("haley", True),
        ("  NIKKI   HALEY ", True),
        ("Ambassador Haley", True),
        ("Haley’s", True),
        ("she", False),
        ("Nikki", False),
        ("Haley Nikki", False),
        ("", False),
        (None, False),
    ],
)
def test_same_name(answer, right):
    assert same_name(answer, "Nikki Haley") is right


def test_unanswered_placeholders():
    assert unanswered(None) and unanswered([None, None]) and unanswered((None,))
    assert not unanswered(0) and not unanswered("") and not unanswered([]) and not unanswered(["x", None])


def test_hints_step_per_exercise_and_reset():
    assert stepped(("x", "a"), "first", "second").message == "first"
    assert stepped(("x", "a"), "first", "second").message == "second"
    assert stepped(("x", "a"), "first", "second").message == "second"  # the last hint stays
    assert stepped(("x", "b"), "first", "second").message == "first"  # another exercise starts afresh
    reset_tries()
    assert stepped(("x", "a"), "first", "second").message == "first"


def _first_hints():
    """One wrong answer per check, each the first try of its exercise."""
    from newslab.check import annotate, own_article, reading, sentiment, timeline, who_said_what, whos_who

    return [
        lambda a: reading.paragraph_count(a, 3),
        lambda a: reading.longest_sentence(a, 1),
        lambda a: reading.mean_words(a, 30),
        lambda a: whos_who.title_of(a, "Adam Schiff", "Senator"),
        lambda a: whos_who.pronoun_link(a, a.text.index("she said"), "Donald Trump"),
        lambda a: whos_who.count_people(a, 7),
        lambda a: whos_who.model_mistakes(a, ["Trump", "Putin"]),
        lambda a: who_said_what.floating_speaker(a, "Trump"),
        lambda a: who_said_what.quote_kinds(a, ["direct", "direct", "direct"]),
        lambda a: who_said_what.most_quoted(a, "Trump"),
        lambda a: timeline.normalise("2017-07-09TEV"),
        lambda a: timeline.order_events(a, ["C", "A", "B"]),
        lambda a: sentiment.check_label("positive", "We don’t trust them."),
        lambda a: sentiment.check_agreement(0.4, ["negative", "neutral"], ["negative", "positive"]),
        lambda a: annotate.kappa(["a", "b", "a"], ["a", "b", "b"], 0.9),
        lambda a: own_article.people_count(a, 3),
        lambda a: own_article.unattributed_count(a, 5),
    ]


@pytest.mark.parametrize("call", _first_hints())
def test_first_hint_says_what_to_think_about_not_the_code(seed, call):
    result = call(seed)
    assert result.ok is False
    assert not re.search(r"`[^`]*\(", result.message), result.message  # no function call to copy
    assert "answer =" not in result.message and ".mean()" not in result.message
