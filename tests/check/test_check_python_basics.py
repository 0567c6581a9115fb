"""Checks of notebook 00a grade against facts of the text, accept every correct form and hint step by step."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from newslab.anatomy import sentences_table
from newslab.check import python_basics
from newslab.check._core import reset_tries

pytestmark = pytest.mark.model  # the sentences table needs the model's sentence boundaries


@pytest.fixture(autouse=True)
def first_try():
    """Every test starts from each exercise's first hint."""
    reset_tries()


@pytest.fixture(scope="module")
def table(seed):
    return sentences_table(seed)


@pytest.mark.parametrize(
    "check",
    [
        lambda a: python_basics.title_words(a, None),
        lambda a: python_basics.word_count_in_text(a, "Trump", None),
        lambda a: python_basics.sentences_longer_than(a, 30, None),
        lambda a: python_basics.shortest_sentence(a, None),
    ],
)
def test_no_answer_yet_gets_a_neutral_prompt(seed, check):
    result = check(seed)
    assert result.ok is None and result.message.startswith("store ") and "in `answer`" in result.message
    assert repr(result).startswith("✏️ Your turn") and "answer =" not in result.message


@pytest.mark.parametrize("answer", [9, "9", 9.0, np.int64(9), " 9 ", [9], pd.Series([9])])
def test_title_words_accepts_every_form(seed, answer):
    assert python_basics.title_words(seed, answer).ok


def test_title_words_accepts_the_list_itself(seed):
    assert python_basics.title_words(seed, seed.title.split()).ok


@pytest.mark.parametrize(
    ("answer", "hint"),
    [
        (58, "characters"),
        (50, "letters"),
        (8, "One off"),
        (3, "Not that number"),
        ("nine", "Answer with a number"),
    ],
)
def test_title_words_hints(seed, answer, hint):
    result = python_basics.title_words(seed, answer)
    assert not result.ok and hint in result.message


def test_word_count_is_a_fact_of_the_text(seed):
    assert seed.text.count("Trump") == 8  # title once, body seven times
    for answer in (8, "8", np.int64(8), 8.0):
        assert python_basics.word_count_in_text(seed, "Trump", answer).ok


@pytest.mark.parametrize(
    ("answer", "hint"), [(7, "body only"), (0, "capital letter"), (3, "Not that number")]
)
def test_word_count_hints(seed, answer, hint):
    result = python_basics.word_count_in_text(seed, "Trump", answer)
    assert not result.ok and hint in result.message


def test_sentences_longer_than_accepts_number_and_table(seed, table):
    filtered = table[table["words"] > 30]
    assert len(filtered) == 5
    for answer in (5, "5", (table["words"] > 30).sum(), filtered, list(filtered["text"])):
        assert python_basics.sentences_longer_than(seed, 30, answer).ok


@pytest.mark.parametrize(
    ("answer", "hint"),
    [(6, "`>=`"), (14, "turn the comparison round"), (19, "every sentence"), (209, "adds up")],
)
def test_sentences_longer_than_hints(seed, table, answer, hint):
    assert int(table.loc[table["words"] > 30, "words"].sum()) == 209
    result = python_basics.sentences_longer_than(seed, 30, answer)
    assert not result.ok and hint in result.message


def test_shortest_sentence_accepts_number_text_row_and_table(seed, table):
    ordered = table.sort_values("words")
    row = ordered.iloc[0]
    for answer in (18, "18", row["sentence"], row["text"], row["text"] + " ", row, row.to_dict(), ordered):
        assert python_basics.shortest_sentence(seed, answer).ok, answer


@pytest.mark.parametrize(
    ("answer", "hint"),
    [
        (4, "number of words"),
        (2, "longest"),
        (19, "Off by one"),
        (0, "Not that one"),
        ("Hello.", "copy its text"),
    ],
)
def test_shortest_sentence_hints(seed, table, answer, hint):
    result = python_basics.shortest_sentence(seed, answer)
    assert not result.ok and hint in result.message


def test_shortest_sentence_hints_another_sentence_of_the_text(seed, table):
    assert "not the shortest" in python_basics.shortest_sentence(seed, table.iloc[0]["text"]).message


def test_hints_come_in_steps_what_to_think_about_then_the_code(seed):
    first = python_basics.sentences_longer_than(seed, 30, 3).message
    second = python_basics.sentences_longer_than(seed, 30, 3).message
    assert "(" not in first and "sentences[sentences" in second
    assert "len()" not in python_basics.title_words(seed, 3).message
    assert "len()" in python_basics.title_words(seed, 3).message
