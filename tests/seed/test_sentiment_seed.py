"""Sentiment on the bundled article, against its hand-checked gold labels.

These expectations depend on the spaCy model (sentence boundaries, parses), on the cast and
quotes found by newslab.people and newslab.quotes, and on VADER's lexicon. Known limits of
word-counting sentiment are marked xfail with the reason, not deleted.
"""

from __future__ import annotations

import pytest

from newslab.analysis import analyze
from newslab.annotations import load_gold
from newslab.sentiment import (
    agreement,
    sentence_sentiment_table,
    speaker_sentiment_table,
    target_sentiment_table,
    to_annotations,
)

pytestmark = pytest.mark.model


def _sentence_with(seed, words):
    table = sentence_sentiment_table(seed)
    rows = table[table["text"].str.contains(words, regex=False)]
    assert len(rows) == 1, words
    return rows.iloc[0]


def _gold_label(seed, row):
    gold = {(a.start, a.end): a.attrs["value"] for a in load_gold(seed).labelled("SENTIMENT")}
    return gold[(row.start, row.end)]


def test_gold_labels_cover_every_sentence(seed):
    gold = load_gold(seed).labelled("SENTIMENT")
    assert [(a.start, a.end) for a in gold] == [(s.start, s.end) for s in seed.sentences]
    assert {a.attrs["value"] for a in gold} <= {"negative", "neutral", "positive"}


def test_json_has_every_sentence_quote_and_entity(seed):
    analysis = analyze(seed)
    data = analysis.sentiment.to_json()
    assert len(data["sentences"]) == len(seed.sentences)
    assert len(data["quotes"]) == len(analysis.quotes)
    assert [e["name"] for e in data["entities"]] == [e.name for e in analysis.cast]
    annotations = to_annotations(seed, analysis.sentiment)
    assert all(seed.text[a.start : a.end] == a.text for a in annotations)


def test_curly_apostrophe_sentence_is_negative(seed):
    row = _sentence_with(seed, "We can’t trust Russia")
    assert row.label == "negative" == _gold_label(seed, row)
    assert "negated by 'can't'" in row.evidence


def test_intelligence_committee_counts_as_a_positive_word(seed):
    row = _sentence_with(seed, "House Intelligence Committee")
    assert "Intelligence +2.10" in row.evidence


@pytest.mark.xfail(strict=True, reason="VADER reads 'not the dumbest … but it's pretty close' as praise")
def test_graham_scorn_is_negative(seed):
    row = _sentence_with(seed, "not the dumbest idea")
    assert row.label == _gold_label(seed, row) == "negative"


@pytest.mark.xfail(strict=True, reason="sarcasm: 'best' and 'well' make Schiff's jibe positive")
def test_schiff_sarcasm_is_negative(seed):
    row = _sentence_with(seed, "mail our ballot boxes to Moscow")
    assert row.label == _gold_label(seed, row) == "negative"


@pytest.mark.xfail(strict=True, reason="'Intelligence' (+2.1) outweighs 'could not be a credible partner'")
def test_schiff_credible_partner_is_negative(seed):
    row = _sentence_with(seed, "House Intelligence Committee")
    assert row.label == _gold_label(seed, row) == "negative"


def test_vader_agrees_with_gold_on_about_half(seed):
    table = sentence_sentiment_table(seed)
    gold = [_gold_label(seed, row) for row in table.itertuples()]
    assert 0.4 <= agreement(list(table["label"]), gold) < 0.7


def test_speaker_counts_add_up(seed):
    speakers = speaker_sentiment_table(seed)
    assert speakers["quotes"].sum() == len(analyze(seed).quotes)
    assert (speakers[["negative", "neutral", "positive"]].sum(axis=1) == speakers["quotes"]).all()
    assert "Adam Schiff" in set(speakers["speaker"])


def test_sentiment_toward_russia_is_mostly_negative(seed):
    russia = target_sentiment_table(seed, "Russia")
    assert len(russia) >= 5
    assert (russia["label"] == "negative").mean() >= 0.5
    negated = seed.text.index("doesn’t mean we ever trust Russia") + len("doesn’t mean we ever trust ")
    assert "positive" not in set(russia[russia["start"] != negated]["label"])


def test_haleys_negated_trust_is_not_positive_toward_russia(seed):
    russia = target_sentiment_table(seed, "Russia")
    negated = seed.text.index("doesn’t mean we ever trust Russia") + len("doesn’t mean we ever trust ")
    assert russia[russia["start"] == negated]["label"].item() != "positive"


def test_senators_distrust_of_moscow_is_negative_toward_moscow(seed):
    moscow = target_sentiment_table(seed, "Moscow")
    first = moscow.iloc[0]
    assert "could not be trusted" in seed.text[first.start : first.end + 40]
    assert first.label == "negative"


@pytest.mark.xfail(strict=True, reason="sarcasm again: no word of Schiff's jibe is bad news for Moscow")
def test_schiff_sarcasm_is_negative_toward_moscow(seed):
    moscow = target_sentiment_table(seed, "Moscow")
    row = moscow[moscow["start"] == seed.text.index("Moscow,”")].iloc[0]
    assert row.label == "negative"
