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
    assert any("cue" not in q.attrs and q.attrs["kind"] == "direct" for q in quotes)  # a floating quote
    assert all({"type", "value"} <= set(t.attrs) for t in gold.labelled("TIMEX"))
    assert all(a.attrs.get("entity") for a in gold.labelled("PERSON", "ORG", "PLACE"))
    assert all(article.body.start <= a.start and a.end <= article.body.end for a in gold.annotations)
