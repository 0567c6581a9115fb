"""Checks of notebook 08 and of the tree exercise of 03 grade against the text (the gold), not the machine."""

from __future__ import annotations

import pytest

from newslab.check import machine_view, voices

NAME = "Oluwaseun Adébáyọ̀"
SENTENCE = f"{NAME}, a nurse, told reporters the ward was full."
REPORTED = "his campaign did not collude with Russia"


@pytest.mark.parametrize(
    "check",
    [
        lambda a: voices.vouched_speaker(a, None),
        lambda a: voices.speaker_as_written(SENTENCE, NAME, None),
        lambda a: machine_view.speaker_by_tree(a, REPORTED, None),
    ],
)
def test_no_answer_yet_gets_a_neutral_prompt(seed, check):
    result = check(seed)
    assert result.ok is None and result.message.startswith("store ") and "in `answer`" in result.message


@pytest.mark.parametrize("answer", ["Donald Trump", "Trump", "trump", " TRUMP ", "President Trump"])
def test_vouched_speaker_accepts_every_form(seed, answer):
    assert voices.vouched_speaker(seed, answer).ok


@pytest.mark.parametrize(
    ("answer", "hint"),
    [
        ("Putin", "never quotes"),
        ("Vladimir Putin", "had tweet"),
        ("Haley", "Not that person"),
        (7, "as text"),
    ],
)
def test_vouched_speaker_hints(seed, answer, hint):
    result = voices.vouched_speaker(seed, answer)
    assert not result.ok and hint in result.message


@pytest.mark.parametrize(
    "answer", [NAME, NAME.upper(), f"  {NAME} ", "Oluwaseun Adebayo", "oluwaseun adebayo"]
)
def test_speaker_as_written_accepts_the_name_with_or_without_accents(answer):
    assert voices.speaker_as_written(SENTENCE, NAME, answer).ok


def test_speaker_as_written_asks_for_the_accents_kept():
    assert "left out accents" in voices.speaker_as_written(SENTENCE, NAME, "Oluwaseun Adebayo").message
    assert "every accent kept" in voices.speaker_as_written(SENTENCE, NAME, NAME).message


@pytest.mark.parametrize(
    ("answer", "hint"),
    [
        ("Oluwaseun", "only part of the name"),
        ("Adébáyọ̀", "only part"),
        ("a nurse", "who told"),
        ("Bob", "Copy"),
    ],
)
def test_speaker_as_written_hints(answer, hint):
    result = voices.speaker_as_written(SENTENCE, NAME, answer)
    assert not result.ok and hint in result.message


def test_speaker_as_written_needs_the_name_in_the_sentence():
    with pytest.raises(ValueError):
        voices.speaker_as_written(SENTENCE, "Someone Else", "x")


@pytest.mark.parametrize("answer", ["Trump", "Donald Trump", "donald trump"])
def test_speaker_by_tree_accepts_every_form(seed, answer):
    assert machine_view.speaker_by_tree(seed, REPORTED, answer).ok


@pytest.mark.parametrize(
    ("answer", "hint"),
    [
        ("Moscow", "another speech verb"),
        ("campaign", "inside what was said"),
        ("his", "inside"),
        ("Haley", "nsubj"),
    ],
)
def test_speaker_by_tree_hints(seed, answer, hint):
    result = machine_view.speaker_by_tree(seed, REPORTED, answer)
    assert not result.ok and hint in result.message
