"""Unit tests of the fragment model (newslab.layers.quotes.fragment_model and its use in candidates).

A quotation the rules leave without a speaker is kept only when the fragment model's chance that it
is a quote with the right speaker clears the shipped threshold. The scoring tests need no model; the
others parse small invented sentences with the small English model (marked ``model``).
"""

from __future__ import annotations

import json
import re

import pytest

from newslab import errors
from newslab.article import Article
from newslab.layers.quotes.candidates import words_bucket
from newslab.layers.quotes.fragment_model import (
    FRAGMENT_SCHEMA,
    FRAGMENT_WEIGHTS_PATH,
    keep_chance,
    keep_reasons,
    load_fragment_model,
)

# ---------------------------------------------------------------- scoring, no model


@pytest.mark.parametrize(
    ("features", "weights", "expected"),
    [
        ({"bias": 1.0}, {"bias": 0.0}, 0.5),
        ({"bias": 1.0, "words=1": 1.0}, {"bias": 0.5, "words=1": -0.5}, 0.5),
        ({"pick_chance": 0.5}, {"pick_chance": 2.0}, 0.7311),
        ({"bias": 1.0}, {"bias": 1000.0}, 1.0),  # a huge score is clipped, never an overflow
        ({"unknown": 1.0}, {}, 0.5),  # a feature without a weight counts for nothing
    ],
)
def test_the_chance_is_a_logistic_of_the_score(features, weights, expected):
    assert keep_chance(features, weights) == pytest.approx(expected, abs=1e-4)


def test_reasons_rank_the_pushes_by_size():
    features = {"bias": 1.0, "words=1": 1.0, "pick_chance": 0.5, "unweighted": 1.0}
    weights = {"bias": -0.2, "words=1": -1.5, "pick_chance": 1.0}
    assert keep_reasons(features, weights) == [("words=1", -1.5), ("pick_chance", 0.5), ("bias", -0.2)]
    assert keep_reasons(features, weights, top=1) == [("words=1", -1.5)]


@pytest.mark.parametrize(
    ("count", "bucket"), [(0, "1"), (1, "1"), (2, "2-3"), (3, "2-3"), (7, "4-7"), (8, "8+")]
)
def test_fragments_are_measured_in_buckets_of_words(count, bucket):
    assert words_bucket(count) == bucket


def test_shipped_weights_are_small_readable_json_with_a_threshold():
    data = json.loads(FRAGMENT_WEIGHTS_PATH.read_text(encoding="utf-8"))
    assert data["schema"] == FRAGMENT_SCHEMA
    assert "PolNeAR" in data["meta"]["trained_on"] and data["meta"]["fragments"] > 100
    assert "last fifth" in data["meta"]["threshold_chosen_on"]
    assert FRAGMENT_WEIGHTS_PATH.stat().st_size < 100_000
    weights, threshold = load_fragment_model()
    assert 0 < threshold < 1 and "bias" in weights


@pytest.mark.parametrize(
    "content, message",
    [
        ({"schema": "something/else", "weights": {"bias": 9}}, "is not a newslab fragment-keeping model"),
        ({"schema": FRAGMENT_SCHEMA, "weights": {"bias": 1}}, "needs a threshold between 0 and 1"),
        ({"schema": FRAGMENT_SCHEMA, "weights": {"bias": 1}, "threshold": 1.5}, "needs a threshold"),
        ({"schema": FRAGMENT_SCHEMA, "weights": {"bias": "x"}, "threshold": 0.5}, "not a number ('bias')"),
    ],
)
def test_a_damaged_fragment_model_stops_with_one_sentence(tmp_path, content, message):
    path = tmp_path / "weights.json"
    path.write_text(json.dumps(content), encoding="utf-8")
    with pytest.raises(errors.InvalidInput, match=re.escape(message)):
        load_fragment_model.__wrapped__(path)


# ---------------------------------------------------------------- keeping, with the model


@pytest.fixture(scope="module")
def fragments(parsed):
    from newslab.layers.quotes.attribution import explain_fragments

    def run(text):
        return {e["quote"]: e for e in explain_fragments(*parsed(text))}

    return run


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "quote", "kept", "speaker"),
    [
        (  # a phrase the subject of a verb is said to hold: kept, with that subject as the speaker
            "Ann Lee said the pier was unsafe. Her team sees the closure as “the only safe choice for the town.”",
            "“the only safe choice for the town.”",
            True,
            "Her team",
        ),
        (  # one word in scare quotes inside a noun phrase: dropped
            "Ann Lee said the pier would close.\n\nThe “temporary” closure will last a year.",
            "“temporary”",
            False,
            None,
        ),
    ],
)
def test_a_fragment_is_kept_only_when_the_model_is_confident(fragments, text, quote, kept, speaker):
    from newslab.layers.quotes import find_quotes
    from newslab.nlp import parse

    decision = fragments(text)[quote]
    assert decision["kept"] is kept
    assert (decision["chance"] >= load_fragment_model()[1]) is kept
    names = [name for name, _ in decision["reasons"]]
    assert names and set(names) <= set(load_fragment_model()[0])  # every reason is a weight one can look up
    article = Article.from_text(text)
    found = {q.text: q.speaker_mention for q in find_quotes(article, parse(article))}
    assert found.get(quote) == speaker


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "Mr. Hill would also close the “carried interest” loophole that helps fund managers.",
            "“carried interest”",
            None,
        ),
        ("The paper sent its “chief reporter” Ann Lee to the town last week.", "“chief reporter”", None),
        (
            "Her team sees the closure as “the only safe choice for the town.”",
            "“the only safe choice for the town.”",
            "Her team",
        ),
    ],
)
def test_the_verb_a_fragment_hangs_from_gives_a_speaker_only_if_it_reports_words(
    quotes_in, text, quote, speaker
):
    """Under a deed (closing, sending) the marks are the reporter's, whatever the fragment model would
    say; "sees … as" judges, so its subject may have used the words."""
    assert {q.text: q.speaker_mention for q in quotes_in(text)}.get(quote) == speaker
