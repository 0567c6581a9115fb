"""Checks of notebook 02 grade against the gold file and accept every way of naming an entity.

On the bundled article the machine agrees with the gold on these exercises, so the tests that show the
checks follow the gold and not the machine use an edited copy of the gold (``gold=``) that disagrees
with the machine.
"""

from __future__ import annotations

import dataclasses

import pytest

from newslab.annotations import AnnotationSet, load_gold
from newslab.check import reset_tries, whos_who
from newslab.people import mentions_table, people_table

PEOPLE = [
    "Donald Trump",
    "Vladimir Putin",
    "Lindsey Graham",
    "John McCain",
    "Mario Rubio",
    "Bashar al-Assad",
    "Adam Schiff",
    "Nikki Haley",
]


@pytest.fixture(autouse=True)
def first_try():
    reset_tries()


@pytest.fixture(scope="module")
def gold(seed):
    return load_gold(seed)


@pytest.fixture(scope="module")
def cast(seed):
    return people_table(seed)


@pytest.fixture(scope="module")
def she_at(seed):
    return seed.text.index("she said")


def _edited(gold: AnnotationSet, keep=lambda a: True, entity=None) -> AnnotationSet:
    """A copy of the gold without the annotations ``keep`` refuses, and with ``entity(a)`` renaming entities."""
    records = []
    for a in gold.annotations:
        if not keep(a):
            continue
        if entity and entity(a):
            a = dataclasses.replace(a, attrs={**a.attrs, "entity": entity(a)})
        records.append(a)
    return AnnotationSet(gold.article_id, gold.text, records, "gold")


# ---------------------------------------------------------------- title_of


@pytest.mark.parametrize(
    "answer",
    ["Representative", "representative", " REPRESENTATIVE ", "Rep", "Rep.", "Representative Adam Schiff"],
)
def test_title_of_right(seed, answer):
    assert whos_who.title_of(seed, "Adam Schiff", answer).ok is True


@pytest.mark.parametrize(
    ("answer", "hint"),
    [
        ("Democrat", "right before the name"),
        ("top Democrat", "right before the name"),
        ("Senator", "A title is a word"),
        ("", "as a word"),
        (["Representative"], "as a word"),
        ("Adam", "right before the name"),
    ],
)
def test_title_of_wrong(seed, answer, hint):
    result = whos_who.title_of(seed, "Adam Schiff", answer)
    assert result.ok is False and hint in result.message


def test_title_of_follows_the_gold(seed, gold):
    # A gold in which Schiff is named only "Schiff" gives no title, whatever the machine found.
    untitled = _edited(gold, keep=lambda a: a.text != "Representative Adam Schiff")
    result = whos_who.title_of(seed, "Adam Schiff", "Representative", gold=untitled)
    assert result.ok is False and "no title" in result.message


# ---------------------------------------------------------------- pronoun_link


@pytest.mark.parametrize("answer", ["Nikki Haley", "Haley", "nikki  haley", "E22", "Ambassador Haley"])
def test_pronoun_link_right(seed, she_at, answer):
    assert whos_who.pronoun_link(seed, she_at, answer).ok is True


def test_pronoun_link_accepts_a_cast_row(seed, she_at, cast):
    assert whos_who.pronoun_link(seed, she_at, cast[cast["name"] == "Nikki Haley"].iloc[0]).ok is True


@pytest.mark.parametrize(
    ("answer", "hint"),
    [
        ("she", "pronoun"),
        ("Donald Trump", "just before"),
        ("Russia", "not a person"),
        ("E2", "not a person"),
        ("", "person's name"),
        ("Nikki", "not in the article"),
        (["x"], "person's name"),
    ],
)
def test_pronoun_link_wrong(seed, she_at, answer, hint):
    result = whos_who.pronoun_link(seed, she_at, answer)
    assert result.ok is False and hint in result.message


def test_pronoun_link_follows_the_gold_not_the_machine(seed, gold, she_at):
    moved = _edited(gold, entity=lambda a: "Donald Trump" if a.start == she_at else None)
    assert whos_who.pronoun_link(seed, she_at, "Nikki Haley", gold=moved).ok is False  # the machine's link
    assert whos_who.pronoun_link(seed, she_at, "Trump", gold=moved).ok is True


# ---------------------------------------------------------------- count_people


@pytest.mark.parametrize(
    "answer",
    [
        8,
        "8",
        " 8 ",
        8.0,
        PEOPLE,
        list(reversed(PEOPLE)),
        set(PEOPLE),
        tuple(PEOPLE),
        "table",
        "column",
        "surnames",
    ],
)
def test_count_people_right(seed, cast, answer):
    if answer == "table":
        answer = cast[cast["label"] == "PERSON"]
    elif answer == "column":
        answer = cast.loc[cast["label"] == "PERSON", "name"]
    elif answer == "surnames":
        answer = ["Trump", "Putin", "Graham", "McCain", "Rubio", "Assad", "Schiff", "Haley"]
    assert whos_who.count_people(seed, answer).ok is True


@pytest.mark.parametrize(
    ("answer", "hint"),
    [
        (["x"] * 8, "does not name anyone"),
        ([*PEOPLE[:7], "Trump"], "twice"),
        ([*PEOPLE[:7], "Russia"], "not a person"),
        (PEOPLE[:7], "mentions more"),
        ("", "whole number"),
        (7, "Count each person once"),
        (31, "counts mentions"),
        (23, "organisations and places"),
        (8.5, "whole number"),
    ],
)
def test_count_people_wrong(seed, answer, hint):
    result = whos_who.count_people(seed, answer)
    assert result.ok is False and hint in result.message


def test_count_people_rejects_the_whole_cast_table(seed, cast):
    result = whos_who.count_people(seed, cast)
    assert result.ok is False and "not a person" in result.message


def test_count_people_follows_the_gold_not_the_machine(seed, gold, cast):
    without_assad = _edited(gold, keep=lambda a: a.attrs.get("entity") != "Bashar al-Assad")
    machine = len(cast[cast["label"] == "PERSON"])
    assert machine == 8
    assert whos_who.count_people(seed, machine, gold=without_assad).ok is False
    assert whos_who.count_people(seed, 7, gold=without_assad).ok is True


# ---------------------------------------------------------------- model_mistakes


@pytest.mark.parametrize(
    "answer",
    [
        ["Donald Trump", "Nikki Haley"],
        ["Nikki Haley", "Donald Trump"],
        ["trump", "HALEY"],
        ("E1", "E22"),
        {"Donald Trump", "Nikki Haley"},
        ["Trump", "Donald Trump", "Nikki Haley"],  # one person named twice is still one person
    ],
)
def test_model_mistakes_right(seed, answer):
    assert whos_who.model_mistakes(seed, answer).ok is True


def test_model_mistakes_accepts_the_filtered_mentions_table(seed):
    mentions = mentions_table(seed)
    rows = mentions[(mentions["model_label"] == "ORG") & (mentions["label"] == "PERSON")]
    assert whos_who.model_mistakes(seed, rows).ok is True  # its `entity` column


@pytest.mark.parametrize(
    ("answer", "hint"),
    [
        (["Trump"], "more"),
        (["Trump", "Haley", "Putin"], "did not tag Vladimir Putin"),
        (["Russia", "Trump"], "not a person"),
        (["x", "y"], "does not name anyone"),
        ("", "list of names"),
        ([], "list of names"),
    ],
)
def test_model_mistakes_wrong(seed, answer, hint):
    result = whos_who.model_mistakes(seed, answer)
    assert result.ok is False and hint in result.message


def test_model_mistakes_follows_the_gold_on_who_is_a_person(seed, gold):
    # A gold that (wrongly) made Nikki Haley an organisation: only Trump is a person the model called ORG.
    haley_org = AnnotationSet(
        gold.article_id,
        gold.text,
        [
            dataclasses.replace(a, label="ORG") if a.attrs.get("entity") == "Nikki Haley" else a
            for a in gold.annotations
        ],
        "gold",
    )
    machine = ["Donald Trump", "Nikki Haley"]
    assert whos_who.model_mistakes(seed, machine, gold=haley_org).ok is False
    assert whos_who.model_mistakes(seed, ["Donald Trump"], gold=haley_org).ok is True


# ---------------------------------------------------------------- shared


@pytest.mark.parametrize(
    "call",
    [
        lambda a: whos_who.title_of(a, "Adam Schiff", None),
        lambda a: whos_who.pronoun_link(a, a.text.index("she said"), None),
        lambda a: whos_who.count_people(a, None),
        lambda a: whos_who.model_mistakes(a, None),
    ],
)
def test_unanswered_is_a_neutral_prompt(seed, call):
    result = call(seed)
    assert result.ok is None and repr(result).startswith("✏️ Your turn")


def test_an_article_without_gold_says_so():
    from newslab.article import Article

    pasted = Article.from_text("Mayor Jane Doe said the bridge would close.")
    result = whos_who.count_people(pasted, 1)
    assert result.ok is None and "no gold file" in result.message
