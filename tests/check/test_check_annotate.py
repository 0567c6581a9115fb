"""Checks of notebook 06 accept every correct answer, reject wrong ones with a hint, prompt when unanswered.

A small hand-made text gives exact expectations; the bundled article's example student checks the
numbers notebook 06 shows (recall 0.6, John McCain, kappa 0.51).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from newslab.annotations import AnnotationSet, make_annotation
from newslab.article import Article
from newslab.check import annotate, reset_tries
from newslab.compare import cohen_kappa, compare
from newslab.exports import write_brat, write_jsonl

TEXT = "“We will win,” Ann Lee told the BBC. “It is over,” said Bob Day. Rain fell “all day”, he said."


@pytest.fixture(autouse=True)
def first_try():
    reset_tries()


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
    "answer", [0.5, "0.5", "50%", 50, np.float64(0.5), [0.5], pd.Series([0.5]), "0,5", "2/4", 0.50, "50 %"]
)
def test_quote_recall_right(result, answer):
    assert annotate.quote_recall(result, answer).ok is True


@pytest.mark.parametrize(
    ("answer", "hint"),
    [
        (0.25, "exact"),
        ("25%", "exact"),
        (1.0, "precision"),
        (0.67, "F1"),
        (2, "how many quotes the student found"),
        (0.9, "out of which"),
        (0.499, "out of which"),  # not a rounding of 0.5
        ("", "one number"),
        ("half", "one number"),
        (["x"], "one number"),
    ],
)
def test_quote_recall_wrong(result, answer, hint):
    outcome = annotate.quote_recall(result, answer)
    assert outcome.ok is False and hint in outcome.message


def test_quote_recall_wants_the_comparison_with_the_gold(result):
    gold_side = AnnotationSet("t", TEXT, [span("“It is over,”", "QUOTE", speaker="Bob Day")], "machine")
    student = AnnotationSet("t", TEXT, [span("“It is over,”", "QUOTE", speaker="Bob Day")], "student")
    outcome = annotate.quote_recall(compare(student, gold_side), 1.0)
    assert outcome.ok is False and "compare(student, gold)" in outcome.message


def test_quote_recall_needs_quotes(result):
    people_only = compare(
        AnnotationSet("t", TEXT, [], "a"), AnnotationSet("t", TEXT, [], "b"), labels=["PERSON"]
    )
    assert "no quotes" in annotate.quote_recall(people_only, 0.5).message


@pytest.mark.parametrize("answer", ["Bob Day", "bob day", " Bob  Day ", "Day", "BOB DAY", "Mr Day"])
def test_right_speaker_right(result, answer):
    assert annotate.right_speaker(result, answer).ok is True


@pytest.mark.parametrize(
    ("answer", "hint"),
    [
        ("Ann Lee", "student's speaker"),
        ("Lee", "student's speaker"),
        ("Putin", "about a speaker"),
        ("", "person's name"),
        (["Bob Day"], "person's name"),
        ("Bob", "about a speaker"),
    ],
)
def test_right_speaker_wrong(result, answer, hint):
    outcome = annotate.right_speaker(result, answer)
    assert outcome.ok is False and hint in outcome.message


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


@pytest.mark.parametrize(
    "answer", [cohen_kappa(ANA, BEN), 0.508, "0.51", 0.51, np.float64(0.5082), "0,51", " 0.51 ", "31/61"]
)
def test_kappa_right_to_two_decimals_or_more(answer):
    assert annotate.kappa(ANA, BEN, answer).ok is True


@pytest.mark.parametrize(
    ("answer", "hint"),
    [
        (0.7, "observed agreement"),
        ("70%", "observed"),
        (0.39, "p_e"),
        (0.5, "two decimals"),  # rounder than asked
        (0.52, "two decimals"),
        (0.9, "in steps"),
        ("", "one number"),
        ([0.5, 0.1], "one number"),
    ],
)
def test_kappa_wrong(answer, hint):
    outcome = annotate.kappa(ANA, BEN, answer)
    assert outcome.ok is False and hint in outcome.message


def test_kappa_value_is_the_textbook_one():
    # p_o = 0.7; p_e = 0.5·0.5 + 0.4·0.3 + 0.1·0.2 = 0.39; kappa = 0.31 / 0.61
    assert cohen_kappa(ANA, BEN) == pytest.approx(0.31 / 0.61)


@pytest.fixture
def article():
    return Article.from_text(TEXT, id="t")


@pytest.mark.parametrize("form", [lambda p: p, str, lambda p: f" {p} ", lambda p: {"brat": p}])
def test_brat_file_right(tmp_path, article, form):
    ann = write_brat(AnnotationSet("t", TEXT, [span("Ann Lee", "PERSON")], "me"), tmp_path)
    assert annotate.brat_file(article, form(ann)).ok is True


def _jsonl(folder):
    return write_jsonl(AnnotationSet("t", TEXT, [], "me"), folder / "a.jsonl")


def _empty_brat(folder):
    return write_brat(AnnotationSet("t", TEXT, [], "me"), folder / "empty")


@pytest.mark.parametrize(
    ("make", "hint"),
    [
        (lambda folder: "", "path of the .ann"),
        (lambda folder: ["x.ann"], "path of the .ann"),
        (_jsonl, "ending .ann"),
        (lambda folder: folder / "missing.ann", "run the export cell"),
        (_empty_brat, "no annotations"),
        (lambda folder: {"jsonl": folder / "a.jsonl"}, "path of the .ann"),
    ],
)
def test_brat_file_wrong(tmp_path, article, make, hint):
    outcome = annotate.brat_file(article, make(tmp_path))
    assert outcome.ok is False and hint in outcome.message


def test_brat_file_for_another_text(tmp_path):
    ann = write_brat(AnnotationSet("t", TEXT, [span("Ann Lee", "PERSON")], "me"), tmp_path / "b")
    other = Article.from_text("A different text altogether, with Ann Lee in it.", id="o")
    assert annotate.brat_file(other, ann).ok is False


# ---------------------------------------------------------------- the notebook's own example


@pytest.fixture(scope="module")
def notebook_result(seed):
    from newslab.annotations import load_example, load_gold

    two_paragraphs = (seed.paragraphs[3].start, seed.paragraphs[4].end)
    return compare(
        load_example(seed), load_gold(seed), labels=["PERSON", "ORG", "QUOTE"], within=two_paragraphs
    )


@pytest.mark.parametrize("answer", [0.6, "60%", 60, "3/5"])
def test_notebook_recall(notebook_result, answer):
    assert annotate.quote_recall(notebook_result, answer).ok is True


@pytest.mark.parametrize(
    ("answer", "right"), [("John McCain", True), ("McCain", True), ("Vladimir Putin", False)]
)
def test_notebook_speaker(notebook_result, answer, right):
    assert annotate.right_speaker(notebook_result, answer).ok is right


@pytest.mark.parametrize(
    "call",
    [
        lambda r, a: annotate.quote_recall(r, None),
        lambda r, a: annotate.right_speaker(r, None),
        lambda r, a: annotate.kappa(ANA, BEN, None),
        lambda r, a: annotate.brat_file(a, None),
    ],
)
def test_unanswered_is_a_neutral_prompt(result, article, call):
    outcome = call(result, article)
    assert outcome.ok is None and repr(outcome).startswith("✏️ Your turn")
