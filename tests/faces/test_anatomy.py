"""Sentence tables and the first plot of notebook 01."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

from newslab.anatomy import (
    SENTENCE_COLUMNS,
    article_summary,
    count_words,
    plot_sentence_lengths,
    sentences_table,
)
from newslab.article import Article
from newslab.figures import alt_text


def test_count_words():
    assert count_words("Trump’s well-known tweet, 2017.") == 4
    assert count_words("“Yes,” he said — twice!") == 4
    assert count_words("") == 0


def test_sentences_table_columns_and_offsets(seed):
    table = sentences_table(seed)
    assert list(table.columns) == SENTENCE_COLUMNS
    assert list(table["sentence"]) == list(range(len(table)))
    for row in table.itertuples():
        assert seed.text[row.start : row.end] == row.text
        assert row.characters == len(row.text)
    assert table["paragraph"].is_monotonic_increasing
    assert table["paragraph"].max() == len(seed.paragraphs) - 1


def test_summary_counts(seed):
    summary = article_summary(seed)
    assert list(summary.columns) == ["part", "value"]
    value = summary.set_index("part")["value"]
    assert value["paragraphs"] == len(seed.paragraphs)
    assert value["sentences"] == len(seed.sentences)
    assert value["published"] == "2017-07-10"


def test_summary_shows_missing_parts_as_empty_cells():
    summary = article_summary(Article.from_text("One short sentence."))
    assert "None" not in summary.to_string() and summary["value"].notna().all()


def test_sentence_axis_has_whole_numbers_only():
    article = Article.from_text("One. Two here. Three more words. Four.\n\nFive.")
    ticks = plot_sentence_lengths(sentences_table(article)).get_xticks()
    assert all(float(t).is_integer() for t in ticks)


def test_plot_has_title_labels_and_alt_text():
    article = Article.from_text(
        "One short sentence. Then a much longer second sentence follows here.\n\nThird."
    )
    ax = plot_sentence_lengths(sentences_table(article))
    assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()
    assert "3 sentences" in alt_text(ax)
