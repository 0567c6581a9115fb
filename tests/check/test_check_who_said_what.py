"""Tests of the notebook 03 checks: correct variants pass, typical wrong answers get a hint.

These run the kit on the bundled article, so they need the spaCy model.
"""

from __future__ import annotations

import pytest

from newslab.check import who_said_what as check

pytestmark = pytest.mark.model


@pytest.mark.parametrize("answer", ["Nikki Haley", "Haley", "nikki haley", "  HALEY ", "Ambassador Haley"])
def test_floating_speaker_accepts_name_variants(seed, answer):
    assert check.floating_speaker(seed, answer)


@pytest.mark.parametrize(
    ("answer", "hint"),
    [
        (None, "as a string"),
        ("", "as a string"),
        ("she", "pronoun"),
        ("Donald Trump", "quoted in the article, but not here"),
        ("Boris", "Not that name"),
        (42, "as text"),
    ],
)
def test_floating_speaker_hints(seed, answer, hint):
    result = check.floating_speaker(seed, answer)
    assert not result and hint in result.message


def test_floating_speaker_other_quote(seed):
    assert check.floating_speaker(seed, "McCain", quote="Vladimir Putin … got away")
    assert not check.floating_speaker(seed, "Putin", quote="Vladimir Putin … got away")


@pytest.mark.parametrize(
    "answer",
    [
        {"A": "partial", "B": "direct", "C": "indirect"},
        {"a": "Partial", "b": " DIRECT ", "c": "indirect"},
        ["partial", "direct", "indirect"],
        ("partial", "direct", "indirect"),
    ],
)
def test_quote_kinds_accepts_variants(seed, answer):
    assert check.quote_kinds(seed, answer)


@pytest.mark.parametrize(
    ("answer", "hint"),
    [
        (None, "one kind per statement"),
        ("partial", "a dict"),
        ({"A": "partial", "B": "direct"}, "C is missing"),
        ({"A": "direct", "B": "direct", "C": "indirect"}, "look again at A"),
        ({"A": "partial", "B": "direct", "C": "direct"}, "no quotation marks"),
        ({"A": "quoted", "B": "direct", "C": "indirect"}, "not a kind"),
    ],
)
def test_quote_kinds_hints(seed, answer, hint):
    result = check.quote_kinds(seed, answer)
    assert not result and hint in result.message


@pytest.mark.parametrize("answer", ["Donald Trump", "Trump", "donald trump", "President Trump"])
def test_most_quoted_accepts_variants(seed, answer):
    assert check.most_quoted(seed, answer)


@pytest.mark.parametrize(
    ("answer", "hint"), [(None, "as a string"), ("John McCain", "someone gets more"), ("Obama", "not among")]
)
def test_most_quoted_hints(seed, answer, hint):
    result = check.most_quoted(seed, answer)
    assert not result and hint in result.message
