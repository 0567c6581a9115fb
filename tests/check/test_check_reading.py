"""Checks of notebook 01: every correct form is accepted, wrong ones get a hint, unanswered gets a prompt.

Answer keys for the bundled article, counted by hand from data/articles/trump-russia-cyber.txt and the
sentences table: 15 body paragraphs (18 with outlet, title and credit), 19 sentences, 439 words, so a
mean of 23.105 words; sentence 2 is the longest (47 words), sentence 18 the shortest.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from newslab.anatomy import sentences_table
from newslab.check import reading, reset_tries


@pytest.fixture(autouse=True)
def first_try():
    reset_tries()


@pytest.fixture(scope="module")
def table(seed):
    return sentences_table(seed)


def test_answer_keys(seed, table):
    assert len(seed.paragraphs) == 15 and len(table) == 19 and table["words"].sum() == 439
    assert table.loc[table["words"].idxmax(), "sentence"] == 2


@pytest.mark.parametrize("answer", [15, "15", 15.0, np.int64(15), " 15 ", [15], pd.Series([15])])
def test_paragraph_count_right(seed, answer):
    assert reading.paragraph_count(seed, answer).ok is True


@pytest.mark.parametrize(
    ("answer", "hint"),
    [
        (18, "outlet line"),
        (19, "sentences"),
        (3, "separates one paragraph"),
        ("", "one number"),
        ("many", "one number"),
        ([15, 15], "one number"),
        (["x"], "one number"),
        (0, "Not that number"),
    ],
)
def test_paragraph_count_wrong(seed, answer, hint):
    result = reading.paragraph_count(seed, answer)
    assert result.ok is False and hint in result.message


def test_paragraph_count_first_hint_gives_no_code_and_the_second_more(seed):
    first = reading.paragraph_count(seed, 3)
    second = reading.paragraph_count(seed, 4)
    assert "len(" not in first.message and "article.paragraphs" not in first.message
    assert "article.paragraphs" in second.message and "len(" not in second.message


@pytest.mark.parametrize(
    "answer",
    [
        2,
        "2",
        np.int64(2),
        2.0,
        "longest",  # replaced below by the sentence's text
        "spaced",  # the text with extra spaces
        "row",  # the table row
    ],
)
def test_longest_sentence_right(seed, table, answer):
    row = table.loc[table["words"].idxmax()]
    answer = {"longest": row["text"], "spaced": "  " + row["text"].replace(" ", "  ") + " ", "row": row}.get(
        answer, answer
    )
    assert reading.longest_sentence(seed, answer).ok is True


@pytest.mark.parametrize(
    ("answer", "hint"),
    [
        (18, "shortest"),
        (3, "Off by one"),
        (1, "Which column"),
        ("", "copy its text"),
        ("not a sentence of the story", "copy its text"),
        ([2, 1], "sentence's number"),
        (["x"], "sentence's number"),
    ],
)
def test_longest_sentence_wrong(seed, answer, hint):
    result = reading.longest_sentence(seed, answer)
    assert result.ok is False and hint in result.message


def test_longest_sentence_another_sentence_text(seed, table):
    result = reading.longest_sentence(seed, table.loc[0, "text"])
    assert result.ok is False and "not the longest" in result.message


@pytest.mark.parametrize(
    "answer", [23, "23", 23.1, "23.1", "23,1", 23.11, 23.105263157894736, np.float64(23.105), [23]]
)
def test_mean_words_right_rounded_to_whole_or_one_decimal(seed, answer):
    assert reading.mean_words(seed, answer).ok is True


@pytest.mark.parametrize(
    ("answer", "hint"),
    [
        (23.2, "round to the nearest"),  # not a rounding of 23.105
        (22.6, "round to the nearest"),
        (140.6, "characters"),
        (19, "median"),
        (439, "all sentences together"),
        ("", "one number"),
        ("twenty", "one number"),
        (["x"], "one number"),
        (30, "shared out"),
    ],
)
def test_mean_words_wrong(seed, answer, hint):
    result = reading.mean_words(seed, answer)
    assert result.ok is False and hint in result.message


def test_mean_words_rounds_to_whole_number_on_another_article():
    from newslab import load_article

    bridge = load_article("millbrook-bridge-closure")  # mean 18.2 words
    assert reading.mean_words(bridge, 18).ok and reading.mean_words(bridge, 18.2).ok
    assert not reading.mean_words(bridge, 19).ok


@pytest.mark.parametrize("check", [reading.paragraph_count, reading.longest_sentence, reading.mean_words])
def test_unanswered_is_a_neutral_prompt(seed, check):
    result = check(seed, None)
    assert result.ok is None and not result and repr(result).startswith("✏️ Your turn")
