"""Checks of notebook 06 accept every correct answer and hint at typical mistakes."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from newslab.annotations import AnnotationSet, make_annotation
from newslab.article import Article
from newslab.check import annotate
from newslab.compare import cohen_kappa, compare
from newslab.exports import write_brat, write_jsonl

TEXT = "“We will win,” Ann Lee told the BBC. “It is over,” said Bob Day. Rain fell “all day”, he said."


def span(words: str, label: str, **attrs):
    start = TEXT.index(words)
    return make_annotation(TEXT, start, start + len(words), label, **attrs)


@pytest.fixture(scope="module")
def result():
    gold = AnnotationSet(
        "t",
        TEXT,
        [
            span("“We will win,”", "QUOTE", speaker="Ann Lee"),
            span("“It is over,”", "QUOTE", speaker="Bob Day"),
            span("“all day”", "QUOTE", speaker="Bob Day"),
            span("Rain fell “all day”", "QUOTE", speaker="Bob Day", kind="indirect"),
        ],
        "gold",
    )
    student = AnnotationSet(
        "t",
        TEXT,
        [
            span("We will win,", "QUOTE", speaker="Ann Lee"),  # overlap, not exact
            span("“It is over,”", "QUOTE", speaker="Ann Lee"),  # wrong speaker
        ],
        "student",
    )
    return compare(student, gold)


# QUOTE overlap: 2 of the student's 2 spans match 2 of the gold's 4: recall 0.5, precision 1, F1 0.667;
# exact: 1 match: recall 0.25.


@pytest.mark.parametrize(
    "answer", [0.5, "0.5", "50%", 50, np.float64(0.5), [0.5], pd.Series([0.5]), 0.499, "0,5"]
)
def test_quote_recall_accepts_every_form(result, answer):
    assert annotate.quote_recall(result, answer).ok


@pytest.mark.parametrize(
    ("answer", "hint"),
    [
        (0.25, "exact"),
        (1.0, "precision"),
        (0.667, "F1"),
        (0.9, "recall"),
        (None, "number"),
        ("half", "number"),
    ],
)
def test_quote_recall_hints(result, answer, hint):
    outcome = annotate.quote_recall(result, answer)
    assert not outcome.ok and hint in outcome.message


def test_quote_recall_needs_quotes(result):
    people_only = compare(
        AnnotationSet("t", TEXT, [], "a"), AnnotationSet("t", TEXT, [], "b"), labels=["PERSON"]
    )
    assert "no quotes" in annotate.quote_recall(people_only, 0.5).message


@pytest.mark.parametrize("answer", ["Bob Day", "bob day", " Bob  Day ", "Day", "BOB DAY"])
def test_right_speaker_accepts_full_name_or_surname(result, answer):
    assert annotate.right_speaker(result, answer).ok


@pytest.mark.parametrize(
    ("answer", "hint"),
    [
        ("Ann Lee", "student's speaker"),
        ("Lee", "student's speaker"),
        ("Putin", "detail_b"),
        (None, "name"),
        ("", "name"),
    ],
)
def test_right_speaker_hints(result, answer, hint):
    outcome = annotate.right_speaker(result, answer)
    assert not outcome.ok and hint in outcome.message


def test_right_speaker_without_speaker_rows():
    same = AnnotationSet("t", TEXT, [span("“It is over,”", "QUOTE", speaker="Bob Day")], "x")
    assert "no speaker disagreement" in annotate.right_speaker(compare(same, same), "Bob Day").message


ANA = [
    "negative",
    "negative",
    "neutral",
    "negative",
    "neutral",
    "positive",
    "negative",
    "neutral",
    "negative",
    "neutral",
]
BEN = [
    "negative",
    "neutral",
    "neutral",
    "negative",
    "neutral",
    "positive",
    "negative",
    "negative",
    "negative",
    "positive",
]


@pytest.mark.parametrize("answer", [cohen_kappa(ANA, BEN), 0.508, "0.51", 0.51, np.float64(0.5082)])
def test_kappa_accepts_rounded_values(answer):
    assert annotate.kappa(ANA, BEN, answer).ok


@pytest.mark.parametrize(
    ("answer", "hint"),
    [(0.7, "observed agreement"), ("70%", "observed"), (0.39, "p_e"), (0.9, "Not yet"), (None, "number")],
)
def test_kappa_hints(answer, hint):
    outcome = annotate.kappa(ANA, BEN, answer)
    assert not outcome.ok and hint in outcome.message


def test_kappa_value_is_the_textbook_one():
    # p_o = 0.7; p_e = 0.5·0.5 + 0.4·0.3 + 0.1·0.2 = 0.39; kappa = 0.31 / 0.61
    assert cohen_kappa(ANA, BEN) == pytest.approx(0.31 / 0.61)


@pytest.fixture
def article():
    return Article.from_text(TEXT, id="t")


def test_brat_file_accepts_path_or_string(tmp_path, article):
    ann = write_brat(AnnotationSet("t", TEXT, [span("Ann Lee", "PERSON")], "me"), tmp_path)
    assert annotate.brat_file(article, ann).ok
    assert annotate.brat_file(article, str(ann)).ok


def test_brat_file_hints(tmp_path, article):
    assert "path of the .ann" in annotate.brat_file(article, None).message
    jsonl = write_jsonl(AnnotationSet("t", TEXT, [], "me"), tmp_path / "a.jsonl")
    assert ".ann" in annotate.brat_file(article, jsonl).message
    assert "run the export cell" in annotate.brat_file(article, tmp_path / "missing.ann").message
    empty = write_brat(AnnotationSet("t", TEXT, [], "me"), tmp_path / "empty")
    assert "no annotations" in annotate.brat_file(article, empty).message
    other = Article.from_text("A different text altogether, with Ann Lee in it.", id="o")
    assert not annotate.brat_file(
        other, write_brat(AnnotationSet("t", TEXT, [span("Ann Lee", "PERSON")], "me"), tmp_path / "b")
    ).ok
