"""Checks of notebook 07 (`newslab.check.own_article`): correct variants pass, typical mistakes get hints.

Expectations are computed from the kit's own analysis of the practice article, so the tests hold
whatever the layers find; they need the spaCy model.
"""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest

from newslab.analysis import analyze
from newslab.article import Article, load_article
from newslab.check import own_article

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def article() -> Article:
    return load_article("millbrook-bridge-closure")


def test_people_count(article):
    cast = analyze(article).cast
    people = [e for e in cast if e.label == "PERSON"]
    for variant in (
        len(people),
        str(len(people)),
        np.int64(len(people)),
        float(len(people)),
        [e.name for e in people],
    ):
        assert own_article.people_count(article, variant), variant
    assert not own_article.people_count(article, None)
    if len(cast) != len(people):
        result = own_article.people_count(article, len(cast))
        assert not result and "PERSON" in result.message
    assert not own_article.people_count(article, len(people) + 7)


def test_top_speaker(article):
    analysis = analyze(article)
    counts = Counter(q.speaker for q in analysis.quotes if q.speaker)
    top, most = counts.most_common(1)[0]
    assert own_article.top_speaker(article, top)
    assert own_article.top_speaker(article, f"  {top.upper()} ")
    surname = top.split()[-1]
    entity = next((e for e in analysis.cast if e.name == top), None)
    if entity and any(m.text == surname for m in entity.mentions):
        assert own_article.top_speaker(article, surname)
    assert not own_article.top_speaker(article, None)
    assert "not among" in own_article.top_speaker(article, "Nobody Atall").message
    others = [name for name, count in counts.items() if count < most]
    if others:
        assert "not most often" in own_article.top_speaker(article, others[0]).message


def test_top_speaker_without_quotes():
    article = Article.from_text("The committee met in the town hall. Members discussed the budget.")
    assert own_article.top_speaker(article, None)
    assert not own_article.top_speaker(article, "The committee")


def test_unattributed_count(article):
    quotes = analyze(article).quotes
    expected = sum(1 for q in quotes if not q.speaker)
    assert own_article.unattributed_count(article, expected)
    assert own_article.unattributed_count(article, np.int64(expected))
    assert not own_article.unattributed_count(article, "many")
    assert not own_article.unattributed_count(article, expected + 3)


def test_report_written(article, tmp_path):
    from newslab.report import write_report

    missing = tmp_path / "nope.html"
    assert "no file" in own_article.report_written(article, str(missing)).message
    assert not own_article.report_written(article, None)
    other = tmp_path / "other.html"
    other.write_text("<html>hello</html>", "utf-8")
    assert "not a newslab report" in own_article.report_written(article, other).message
    path = write_report(article, tmp_path / "mine.html")
    assert own_article.report_written(article, path)
    assert own_article.report_written(article, str(path))
    wrong = write_report(load_article("ridgeway-nurses-deal"), tmp_path / "theirs.html")
    assert "another article" in own_article.report_written(article, wrong).message
