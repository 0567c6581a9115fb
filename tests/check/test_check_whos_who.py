"""Checks of notebook 02 accept every correct answer and hint at typical mistakes.

The expected answers come from the kit's cast of the bundled article, so these tests need the model.
"""

from __future__ import annotations

import pandas as pd
import pytest

from newslab.analysis import analyze
from newslab.check import whos_who
from newslab.people import people_table

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def she(seed):
    return seed.text.index("she said")


@pytest.mark.parametrize("answer", ["Representative", "representative", " Representative ", "Rep.", "rep"])
def test_title_of_accepts_every_form(seed, answer):
    assert whos_who.title_of(seed, "Adam Schiff", answer).ok


@pytest.mark.parametrize(
    ("answer", "hint"),
    [("top Democrat", "role"), ("Senator", "kind is `title`"), (None, "Answer with a word"), ("", "Answer")],
)
def test_title_of_hints(seed, answer, hint):
    result = whos_who.title_of(seed, "Adam Schiff", answer)
    assert not result.ok and hint in result.message


def test_title_of_unknown_person(seed):
    assert "no one called" in whos_who.title_of(seed, "Nobody Atall", "Senator").message


def test_pronoun_link_accepts_names_ids_and_rows(seed, she):
    cast = analyze(seed).cast
    haley = next(e for e in cast if e.name == "Nikki Haley")
    row = people_table(seed).set_index("name").loc["Nikki Haley"].rename("Nikki Haley")
    row = pd.concat([row, pd.Series({"name": "Nikki Haley"})])
    for answer in (
        "Nikki Haley",
        "nikki haley",
        "  Nikki  Haley ",
        "Haley",
        haley.id,
        haley,
        {"name": "Nikki Haley"},
        row,
    ):
        assert whos_who.pronoun_link(seed, she, answer).ok, answer


@pytest.mark.parametrize(
    ("answer", "hint"),
    [
        ("she", "pronoun itself"),
        ("Russia", "not a person"),
        ("Adam Schiff", "subject"),
        ("Zorro", "not in the cast"),
        (None, "Answer with a person"),
    ],
)
def test_pronoun_link_hints(seed, she, answer, hint):
    result = whos_who.pronoun_link(seed, she, answer)
    assert not result.ok and hint in result.message


def test_pronoun_link_male_pronoun(seed):
    added = seed.text.index("he added")
    assert whos_who.pronoun_link(seed, added, "John McCain").ok
    assert "does not fit" in whos_who.pronoun_link(seed, added, "Nikki Haley").message


@pytest.mark.parametrize("answer", [8, "8", " 8 ", 8.0])
def test_count_people_accepts_numbers(seed, answer):
    assert whos_who.count_people(seed, answer).ok


def test_count_people_accepts_a_list_or_table(seed):
    table = people_table(seed)
    people = table[table["label"] == "PERSON"]
    assert whos_who.count_people(seed, people).ok
    assert whos_who.count_people(seed, list(people["name"])).ok


def test_count_people_hints(seed):
    cast = analyze(seed).cast
    mentions = sum(e.mention_count for e in cast if e.label == "PERSON")
    assert "mentions" in whos_who.count_people(seed, mentions).message
    assert "organisations" in whos_who.count_people(seed, len(cast)).message
    assert "number" in whos_who.count_people(seed, None).message
    assert not whos_who.count_people(seed, True).ok


@pytest.mark.parametrize(
    "answer",
    [
        ["Trump", "Nikki Haley"],
        ("Donald Trump", "Nikki Haley"),
        {"trump", "haley"},
        ["Nikki Haley", "Trump", "Trump"],
        pd.Series(["Trump", "Nikki Haley"]),
    ],
)
def test_model_mistakes_accepts_every_form(seed, answer):
    assert whos_who.model_mistakes(seed, answer).ok


def test_model_mistakes_hints(seed):
    assert "more" in whos_who.model_mistakes(seed, ["Trump"]).message
    assert "did not tag" in whos_who.model_mistakes(seed, ["Trump", "Nikki Haley", "Vladimir Putin"]).message
    assert "not a name" in whos_who.model_mistakes(seed, ["Trump", "Zorro"]).message
    assert "list of names" in whos_who.model_mistakes(seed, None).message
