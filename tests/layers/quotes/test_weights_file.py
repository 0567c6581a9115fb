"""The quote engines' weights files are checked before use: a damaged one stops with one sentence."""

from __future__ import annotations

import re

import pytest

from newslab import errors
from newslab.layers.quotes.weights import read_weights

SCHEMA = "newslab.speaker_choice/1"


@pytest.mark.parametrize(
    "content, message",
    [
        (None, "is missing"),
        (b"\xff\xfe\x00", "is not UTF-8 text"),
        (b'{"schema": ', "is not valid JSON"),
        (b"[1, 2]", "is not a newslab speaker-choice model"),
        (b'{"schema": "newslab.other/1", "weights": {}}', "is not a newslab speaker-choice model"),
        (b'{"schema": "newslab.speaker_choice/1", "weights": [1]}', "is not a newslab speaker-choice model"),
        (b'{"schema": "newslab.speaker_choice/1", "weights": {"a": true}}', "not a number ('a')"),
        (b'{"schema": "newslab.speaker_choice/1", "weights": {"a": NaN}}', "not a number ('a')"),
        (b'{"schema": "newslab.speaker_choice/1", "weights": {"a": 1, "b": "2"}}', "not a number ('b')"),
    ],
)
def test_a_damaged_weights_file_stops_with_one_sentence(tmp_path, content, message):
    path = tmp_path / "speaker_weights.json"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(errors.InvalidInput, match=re.escape(message)) as raised:
        read_weights(path, SCHEMA, model="speaker-choice model")
    assert "\n" not in str(raised.value) and "speaker_weights.json" in str(raised.value)


@pytest.mark.parametrize("weights", [{}, {"bias": 1}, {"bias": -0.5, "cue_after": 2.25}])
def test_a_good_weights_file_gives_its_weights_as_floats(tmp_path, weights):
    path = tmp_path / "speaker_weights.json"
    path.write_text(f'{{"schema": "{SCHEMA}", "weights": {str(weights).replace(chr(39), chr(34))}}}')
    read, data = read_weights(path, SCHEMA, model="speaker-choice model")
    assert read == {name: float(value) for name, value in weights.items()}
    assert all(isinstance(value, float) for value in read.values()) and data["schema"] == SCHEMA
