"""Unit tests of the learned speaker choice (newslab.layers.quotes.speaker_model and candidates).

The scoring tests need no model. The others parse small invented sentences with the small English
model (marked ``model``) and check the shipped weights choose the speaker a reader would.
"""

from __future__ import annotations

import json

import pytest

from newslab import errors
from newslab.article import Article
from newslab.layers.quotes.speaker_model import (
    SCHEMA,
    WEIGHTS_PATH,
    Candidate,
    choose,
    load_weights,
)

# ---------------------------------------------------------------- scoring, no model


def _candidate(start, **features):
    return Candidate((start, start + 3), None, "cue", dict(features))


@pytest.mark.parametrize(
    ("weights", "winner"),
    [
        ({"rule": 1.0, "side=after": 0.5}, 0),  # the rules' pick outweighs the side
        ({"rule": 0.2, "side=after": 0.5}, 1),  # the side outweighs a weak rules' pick
        ({}, 0),  # a tie goes to the first candidate (the rules' pick)
    ],
)
def test_the_best_scored_candidate_wins(weights, winner):
    candidates = [_candidate(0, rule=1.0), _candidate(10, **{"side=after": 1.0})]
    assert choose(candidates, weights).index == winner


def test_reasons_name_what_set_the_winner_apart():
    candidates = [_candidate(0, rule=1.0, speaker_pronoun=1.0), _candidate(10, speaker_pronoun=1.0)]
    choice = choose(candidates, {"rule": 2.0, "speaker_pronoun": 5.0})
    assert choice.reasons() == [("rule", 2.0)]  # a feature both share explains nothing
    assert sum(choice.probabilities()) == pytest.approx(1.0)
    assert choice.probabilities()[0] > 0.8


def test_shipped_weights_are_small_readable_json():
    data = json.loads(WEIGHTS_PATH.read_text(encoding="utf-8"))
    assert data["schema"] == SCHEMA
    assert "PolNeAR" in data["meta"]["trained_on"] and data["meta"]["quotes"] > 1000
    assert WEIGHTS_PATH.stat().st_size < 100_000
    assert load_weights()["rule"] > 0  # the rules' own pick counts for something


def test_a_weights_file_of_another_kind_stops_with_one_sentence(tmp_path):
    path = tmp_path / "weights.json"
    path.write_text(json.dumps({"schema": "something/else", "weights": {"rule": 1}}), encoding="utf-8")
    with pytest.raises(errors.InvalidInput, match="is not a newslab speaker-choice model"):
        load_weights(path)


# ---------------------------------------------------------------- choosing, with the model


@pytest.fixture(scope="module")
def speakers(quotes_in):
    def run(text):
        return {q.text: q.speaker_mention for q in quotes_in(text)}

    return run


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The council leader called the report “a whitewash” after Tom Reed said it was “thorough and fair.”",
            {"“a whitewash”": "The council leader", "“thorough and fair.”": "Tom Reed"},
        ),
        (
            "As Ann Lee said, the pier was “falling apart,” and the mayor agreed.",
            {"“falling apart,”": "Ann Lee"},
        ),
        (
            "Ann Lee, the harbour master, said the pier would close. “It is not safe,” she said. “We have no choice.”",
            {"“It is not safe,”": "she", "“We have no choice.”": "she"},
        ),
        (
            "“We will rebuild the pier,” said Mayor Ann Lee, who met the fishermen on Monday.",
            {"“We will rebuild the pier,”": "Mayor Ann Lee"},
        ),
    ],
)
def test_the_model_chooses_the_speaker_a_reader_would(speakers, text, expected):
    found = speakers(text)
    assert {quote: found.get(quote) for quote in expected} == expected


@pytest.mark.model
def test_a_signed_quote_keeps_its_signature(speakers):
    text = "Ann Lee said the pier would close.\n\n“The pier is ours, and we will fight for it.” ― Tom Reed"
    assert speakers(text)["“The pier is ours, and we will fight for it.”"] == "Tom Reed"


@pytest.mark.model
def test_each_choice_is_explained():
    from newslab.layers.quotes.attribution import explain_speakers
    from newslab.nlp import parse

    article = Article.from_text(
        "The council leader called the report “a whitewash” after Tom Reed said it was “thorough and fair.”"
    )
    explained = explain_speakers(article, parse(article))
    assert [e["chosen"] for e in explained] == ["The council leader", "Tom Reed"]
    first = explained[0]
    assert {c["mention"] for c in first["candidates"]} == {"The council leader", "Tom Reed"}
    assert sum(c["probability"] for c in first["candidates"]) == pytest.approx(1.0, abs=0.01)
    names = [name for name, _ in first["reasons"]]
    assert names and set(names) <= set(load_weights())  # every reason is a weight one can look up
