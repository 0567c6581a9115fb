"""The bundled article against its hand-checked gold QUOTE records (data/gold/trump-russia-cyber.json).

These expectations depend on the small English model and on ``newslab.people`` (which names the
speakers); they are collected here so a model update shows up in one place.
"""

from __future__ import annotations

import pytest

from newslab.analysis import analyze
from newslab.annotations import load_annotations
from newslab.quotes import quotes_table

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def gold(seed, root):
    return load_annotations(root / "data" / "gold" / "trump-russia-cyber.json", seed.text).labelled("QUOTE")


@pytest.fixture(scope="module")
def quotes(seed):
    return analyze(seed).quotes


def _overlap(a_start, a_end, b_start, b_end):
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def test_gold_has_eleven_quoted_spans(gold):
    quoted = [g for g in gold if g.attrs["kind"] != "indirect"]
    assert len(quoted) == 11
    assert all(g.text.startswith("“") for g in quoted)


def test_all_quoted_spans_exact_with_speaker_cue_and_channel(gold, quotes):
    found = {(q.start, q.end): q for q in quotes if q.kind != "indirect"}
    for record in (g for g in gold if g.attrs["kind"] != "indirect"):
        quote = found.get((record.start, record.end))
        assert quote is not None, f"missed {record.text!r}"
        assert quote.kind == record.attrs["kind"], record.text
        assert quote.speaker == record.attrs["speaker"], record.text
        assert quote.cue == record.attrs["cue"], record.text
        assert quote.channel == record.attrs["channel"], record.text
    assert len(found) == 11


def _reported(gold):
    return [g for g in gold if g.attrs["kind"] == "indirect" and g.attrs["cue"] != "compared"]


@pytest.mark.parametrize("number", range(10))
def test_reported_statements(gold, quotes, number):
    record = _reported(gold)[number]
    matches = [
        q
        for q in quotes
        if q.kind == "indirect"
        and _overlap(q.start, q.end, record.start, record.end) >= 0.5 * (record.end - record.start)
    ]
    assert matches, f"missed {record.text!r}"
    assert matches[0].speaker == record.attrs["speaker"]
    assert matches[0].cue == record.attrs["cue"]


def test_rubio_comparison_inside_a_relative_clause(gold, quotes):
    record = next(g for g in gold if g.attrs["cue"] == "compared")
    found = [q for q in quotes if (q.start, q.end) == (record.start, record.end)]
    assert found, "the comparison runs to “on a chemical weapons unit”"
    assert (found[0].speaker, found[0].channel) == ("Mario Rubio", "series of tweets")


def test_every_kind_matches_the_gold_at_overlap(seed, root):
    from newslab.compare import compare, machine_annotations

    gold = load_annotations(root / "data" / "gold" / "trump-russia-cyber.json", seed.text)
    scores = compare(machine_annotations(seed), gold, labels=["QUOTE"]).scores.set_index(["label", "match"])
    row = scores.loc[("QUOTE", "overlap")]
    assert row["precision"] >= 0.85 and row["recall"] >= 0.85


def test_the_nested_denial_sits_inside_trumps_tweet(gold, quotes):
    tweet = next(q for q in quotes if q.text.startswith("“strongly pressed"))
    denial = next(q for q in quotes if q.cue == "denied" and q.speaker == "Vladimir Putin")
    assert tweet.start < denial.start < denial.end < tweet.end
    assert (denial.text, denial.speaker_mention) == ("it", "He")
    assert (tweet.kind, tweet.cue, tweet.channel) == ("partial", "had tweet", "tweet")


def test_no_spurious_statements(gold, quotes):
    for quote in quotes:
        assert any(_overlap(quote.start, quote.end, g.start, g.end) > 0 for g in gold), quote.text


def test_floating_quotes(quotes):
    floating = {q.text[:20]: q.speaker for q in quotes if q.floating}
    assert floating == {"“Vladimir Putin … go": "John McCain", "“We can’t trust Russ": "Nikki Haley"}


def test_pronoun_speakers_are_named(quotes):
    by_mention = {(q.speaker_mention, q.speaker) for q in quotes if q.speaker_mention in ("he", "she", "He")}
    assert by_mention == {("he", "John McCain"), ("she", "Nikki Haley"), ("He", "Vladimir Putin")}


def test_table_is_in_text_order(seed):
    table = quotes_table(seed)
    assert table["start"].tolist() == sorted(table["start"])
    assert len(table[table["kind"] != "indirect"]) == 11
