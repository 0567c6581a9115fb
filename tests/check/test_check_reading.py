"""Checks of notebook 01 accept every correct answer and hint at typical mistakes."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from newslab.anatomy import sentences_table
from newslab.check import reading


@pytest.fixture(scope="module")
def table(seed):
    return sentences_table(seed)


@pytest.mark.parametrize("answer", [14, "14", 14.0, np.int64(14), " 14 ", [14], pd.Series([14])])
def test_paragraph_count_accepts_every_form(seed, answer):
    assert reading.paragraph_count(seed, answer).ok


@pytest.mark.parametrize(
    ("answer", "hint"),
    [(17, "outlet line"), (19, "sentences"), (3, "article.paragraphs"), (None, "number"), ("many", "number")],
)
def test_paragraph_count_hints(seed, answer, hint):
    result = reading.paragraph_count(seed, answer)
    assert not result.ok and hint in result.message


def test_longest_sentence_accepts_number_text_and_row(seed, table):
    best = table.sort_values("words", ascending=False).iloc[0]
    for answer in (
        best["sentence"],
        int(best["sentence"]),
        str(best["sentence"]),
        best["text"],
        best["text"] + "  ",
        best,
        best.to_dict(),
    ):
        assert reading.longest_sentence(seed, answer).ok, answer


def test_longest_sentence_hints(seed, table):
    shortest = table.sort_values("words").iloc[0]["sentence"]
    assert "shortest" in reading.longest_sentence(seed, shortest).message
    best = int(table.sort_values("words", ascending=False).iloc[0]["sentence"])
    assert "Off by one" in reading.longest_sentence(seed, best + 1).message
    other_text = table.iloc[0]["text"]
    assert "not the longest" in reading.longest_sentence(seed, other_text).message


def test_mean_words(seed, table):
    mean = table["words"].mean()
    for answer in (mean, round(mean, 1), f"{mean:.2f}", table["words"].sum() / len(table)):
        assert reading.mean_words(seed, answer).ok
    assert "characters" in reading.mean_words(seed, table["characters"].mean()).message
    if abs(table["words"].median() - mean) > 0.1:
        assert "median" in reading.mean_words(seed, table["words"].median()).message
    assert not reading.mean_words(seed, mean + 3).ok


def test_result_shows_as_one_line():
    from newslab.check import fail, passed

    assert repr(passed("fine")) == "✅ Correct: fine"
    assert repr(fail("try again")) == "❌ Not yet: try again"
    assert "&lt;b&gt;" in fail("<b>")._repr_html_()
