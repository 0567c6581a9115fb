"""Checks of notebook 07 grade what the kit found in the student's article, and say so.

These exercises are about reading the kit's output on a new text (the notebook then asks the student
to judge it), so the answer key is the kit's analysis, not a gold file: they work on a pasted article
that has none. Expectations for the practice article are the kit's: 4 people among 7 entities (Priya
Raman, Daniel Okafor, Helen Brandt, Tom Kessler), 11 quotes, all with a speaker, Helen Brandt quoted
most often (4 quotes).
"""

from __future__ import annotations

import numpy as np
import pytest

from newslab.article import Article, load_article
from newslab.check import own_article, reset_tries
from newslab.people import people_table
from newslab.quotes import quotes_table
from newslab.report import write_report

pytestmark = pytest.mark.model

PEOPLE = ["Priya Raman", "Daniel Okafor", "Helen Brandt", "Tom Kessler"]


@pytest.fixture(autouse=True)
def first_try():
    reset_tries()


@pytest.fixture(scope="module")
def article() -> Article:
    return load_article("millbrook-bridge-closure")


@pytest.fixture(scope="module")
def people(article):
    return people_table(article)


@pytest.fixture(scope="module")
def quotes(article):
    return quotes_table(article)


def test_answer_keys(people, quotes):
    assert sorted(people.loc[people["label"] == "PERSON", "name"]) == sorted(PEOPLE) and len(people) == 7
    assert len(quotes) == 11 and quotes["speaker"].notna().all()
    assert quotes["speaker"].value_counts().index[0] == "Helen Brandt"


# ---------------------------------------------------------------- people_count


@pytest.mark.parametrize(
    "answer",
    [
        4,
        "4",
        " 4 ",
        4.0,
        np.int64(4),
        PEOPLE,
        list(reversed(PEOPLE)),
        ["Raman", "Okafor", "Brandt", "Kessler"],
    ],
)
def test_people_count_right(article, answer):
    result = own_article.people_count(article, answer)
    assert result.ok is True and "the kit found 4 people" in result.message


def test_people_count_accepts_the_filtered_table_and_the_solution(article, people):
    assert own_article.people_count(article, people[people["label"] == "PERSON"]).ok is True
    assert own_article.people_count(article, people.loc[people["label"] == "PERSON", "name"]).ok is True
    assert own_article.people_count(article, (people["label"] == "PERSON").sum()).ok is True


@pytest.mark.parametrize(
    ("answer", "hint"),
    [
        (["x"] * 4, "not in the kit's who's-who table"),
        ([*PEOPLE[:3], "Raman"], "twice"),
        (7, "organisations and places"),
        (3, "Not the number the kit found"),
        ("", "whole number"),
        (4.5, "whole number"),
    ],
)
def test_people_count_wrong(article, answer, hint):
    result = own_article.people_count(article, answer)
    assert result.ok is False and hint in result.message


def test_people_count_rejects_the_whole_table(article, people):
    result = own_article.people_count(article, people)
    assert result.ok is False and "not PERSON" in result.message


# ---------------------------------------------------------------- top_speaker


@pytest.mark.parametrize("answer", ["Helen Brandt", "  HELEN BRANDT ", "Brandt", "helen brandt", "solution"])
def test_top_speaker_right(article, quotes, answer):
    if answer == "solution":
        answer = quotes["speaker"].value_counts().index[0]
    result = own_article.top_speaker(article, answer)
    assert result.ok is True and "the kit attributes 4 quotes to Helen Brandt" in result.message


@pytest.mark.parametrize(
    ("answer", "hint"),
    [
        ("Priya Raman", "someone else more often"),
        ("Tom Kessler", "someone else more often"),
        ("Nobody", "not among the speakers the kit found"),
        ("", "as a string"),
        (["Helen Brandt"], "as a string"),
        ("she", "not among the speakers"),
    ],
)
def test_top_speaker_wrong(article, answer, hint):
    result = own_article.top_speaker(article, answer)
    assert result.ok is False and hint in result.message


def test_top_speaker_without_quotes():
    quiet = Article.from_text("The bridge closed on Monday. Traffic was light.", id="quiet")
    assert own_article.top_speaker(quiet, None).ok is True
    assert own_article.top_speaker(quiet, "Helen Brandt").ok is False


# ---------------------------------------------------------------- unattributed_count


@pytest.mark.parametrize("answer", [0, "0", 0.0, np.int64(0), " 0 "])
def test_unattributed_count_right(article, answer):
    result = own_article.unattributed_count(article, answer)
    assert result.ok is True and "the kit left 0 of its 11 quotes without a speaker" in result.message


@pytest.mark.parametrize(
    ("answer", "hint"),
    [
        (11, "*with* a speaker"),
        (1, "Not the number the kit found"),
        ("", "whole number"),
        ("none", "whole number"),
    ],
)
def test_unattributed_count_wrong(article, answer, hint):
    result = own_article.unattributed_count(article, answer)
    assert result.ok is False and hint in result.message


def test_checks_work_on_a_pasted_article_without_gold():
    pasted = Article.from_text(
        "Mayor Jane Doe said the bridge would close. “We will rebuild it,” Doe said on Monday.", id="pasted"
    )
    found = people_table(pasted)
    count = int((found["label"] == "PERSON").sum())
    assert own_article.people_count(pasted, count).ok is True


# ---------------------------------------------------------------- report_written


@pytest.mark.parametrize("form", [lambda p: p, str, lambda p: f" {p} "])
def test_report_written_right(tmp_path, article, form):
    path = write_report(article, tmp_path / "mine.html")
    assert own_article.report_written(article, form(path)).ok is True


def _plain_html(folder):
    (folder / "note.html").write_text("<p>hello</p>", encoding="utf-8")
    return folder / "note.html"


def _other_report(folder):
    return write_report(load_article("ridgeway-nurses-deal"), folder / "other.html")


@pytest.mark.parametrize(
    ("make", "hint"),
    [
        (lambda folder: folder / "missing.html", "no file"),
        (_plain_html, "not a newslab report"),
        (_other_report, "another article"),
        (lambda folder: "", "path of the report"),
        (lambda folder: 3, "path of the report"),
        (lambda folder: ["report.html"], "path of the report"),
    ],
)
def test_report_written_wrong(tmp_path, article, make, hint):
    result = own_article.report_written(article, make(tmp_path))
    assert result.ok is False and hint in result.message


@pytest.mark.parametrize(
    "check",
    [
        own_article.people_count,
        own_article.top_speaker,
        own_article.unattributed_count,
        own_article.report_written,
    ],
)
def test_unanswered_is_a_neutral_prompt(article, check):
    result = check(article, None)
    assert result.ok is None and repr(result).startswith("✏️ Your turn")
