"""The practice articles written for the kit: layout, sidecar, and a valid, complete gold file each."""

from __future__ import annotations

import json

import pytest

from newslab.annotations import load_annotations
from newslab.article import articles_dir, load_article

PRACTICE = ["millbrook-bridge-closure", "ridgeway-nurses-deal"]


@pytest.mark.parametrize("name", PRACTICE)
def test_practice_article_layout_and_sidecar(name):
    article = load_article(name)
    sidecar = json.loads((articles_dir() / f"{name}.json").read_text("utf-8"))
    assert set(sidecar) == {"title", "outlet", "credit", "language", "published", "note", "source"}
    assert article.title == sidecar["title"] and article.outlet == "NewsLab Practice"
    assert article.credit == "NEWSLAB PRACTICE" and article.published is not None
    assert article.text[article.body.start : article.body.end].startswith(
        article.span_text(article.paragraphs[0])
    )
    assert len(article.paragraphs) >= 8


@pytest.mark.parametrize("name", PRACTICE)
def test_practice_gold_file_is_valid_and_covers_every_label(name, root):
    article = load_article(name)
    gold = load_annotations(root / "data" / "gold" / f"{name}.json", article.text)  # validates every offset
    assert gold.annotator == "gold"
    for label in ("PERSON", "ORG", "PLACE", "QUOTE", "TIMEX"):
        assert gold.labelled(label), label
    quotes = gold.labelled("QUOTE")
    assert {q.attrs["kind"] for q in quotes} == {"direct", "partial", "indirect"}
    floating = [q for q in quotes if q.attrs.get("floating")]
    assert floating and all(q.attrs["kind"] == "direct" and q.attrs.get("cue") is None for q in floating)
    assert all({"type", "value"} <= set(t.attrs) for t in gold.labelled("TIMEX"))
    assert all(a.attrs.get("entity") for a in gold.labelled("PERSON", "ORG", "PLACE"))
    assert all(article.body.start <= a.start and a.end <= article.body.end for a in gold.annotations)


def test_a_quote_runs_over_two_paragraphs_in_the_nurses_story(root):
    """The news convention the seed lacks: no closing mark at the paragraph's end, a new mark after."""
    article = load_article("ridgeway-nurses-deal")
    gold = load_annotations(root / "data" / "gold" / "ridgeway-nurses-deal.json", article.text)
    quotes = gold.labelled("QUOTE")
    open_end = next(q for q in quotes if q.text.startswith("“You can’t hire"))
    assert not open_end.text.endswith("”")
    following = next(q for q in quotes if q.start > open_end.end)
    assert article.paragraph_of(following.start) == article.paragraph_of(open_end.start) + 1
    assert following.attrs["floating"] and following.attrs["speaker"] == open_end.attrs["speaker"]
