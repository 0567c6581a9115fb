"""Checks of notebook 03 grade against the gold's quotes and accept every correct way of answering.

On the bundled article the machine agrees with the gold on these exercises; the tests that show the
checks follow the gold, not the machine, use an edited copy of the gold (``gold=``).
"""

from __future__ import annotations

import dataclasses

import pytest

from newslab.annotations import AnnotationSet, load_gold
from newslab.check import reset_tries, who_said_what
from newslab.quotes import quotes_table, voices_table

RIGHT_KINDS = {"A": "partial", "B": "direct", "C": "indirect"}


@pytest.fixture(autouse=True)
def first_try():
    reset_tries()


@pytest.fixture(scope="module")
def gold(seed):
    return load_gold(seed)


def _edited(gold: AnnotationSet, change) -> AnnotationSet:
    """A copy of the gold in which ``change(a)`` returns new attrs (or None to drop the record, or a to keep)."""
    records = []
    for a in gold.annotations:
        new = change(a)
        if new is None:
            continue
        records.append(a if new is a else dataclasses.replace(a, attrs=new))
    return AnnotationSet(gold.article_id, gold.text, records, "gold")


# ---------------------------------------------------------------- floating_speaker


@pytest.mark.parametrize(
    "answer", ["Nikki Haley", "Haley", "nikki haley", "  NIKKI HALEY ", "Ambassador Haley"]
)
def test_floating_speaker_right(seed, answer):
    assert who_said_what.floating_speaker(seed, answer).ok is True


@pytest.mark.parametrize(
    ("answer", "hint"),
    [
        ("she", "pronoun"),
        ("Donald Trump", "not here"),
        ("Nikki", "not among"),
        ("", "as text"),
        (["Nikki Haley"], "as text"),
        ("Moscow", "not here"),
    ],
)
def test_floating_speaker_wrong(seed, answer, hint):
    result = who_said_what.floating_speaker(seed, answer)
    assert result.ok is False and hint in result.message


def test_floating_speaker_follows_the_gold_not_the_machine(seed, gold):
    machine = next(q.speaker for q in quotes_table(seed).itertuples() if "We can’t trust" in q.text)
    other = _edited(
        gold,
        lambda a: {**a.attrs, "speaker": "Donald Trump"} if a.text.startswith("“We can’t trust") else a,
    )
    assert machine == "Nikki Haley"
    assert who_said_what.floating_speaker(seed, machine, gold=other).ok is False
    assert who_said_what.floating_speaker(seed, "Trump", gold=other).ok is True


def test_floating_speaker_on_another_quote(seed):
    result = who_said_what.floating_speaker(seed, "McCain", quote="Vladimir Putin … got away")
    assert result.ok is True


# ---------------------------------------------------------------- quote_kinds


@pytest.mark.parametrize(
    "answer",
    [
        RIGHT_KINDS,
        {"a": "Partial", "b": " DIRECT ", "c": "indirect"},
        ["partial", "direct", "indirect"],
        ("partial", "direct", "indirect"),
        ["partial quote", "direct quote", "reported speech"],
        {"A": "partial", "B": "direct speech", "C": "Reported"},
        {"A": "partial", "B": "direct", "C": "paraphrase"},
        {"A": "partial", "B": "direct", "C": "indirect-speech"},
        "partial, direct, indirect",
        "Partial Direct Indirect",
    ],
)
def test_quote_kinds_right(seed, answer):
    assert who_said_what.quote_kinds(seed, answer).ok is True


@pytest.mark.parametrize(
    ("answer", "hint"),
    [
        ({"A": "direct", "B": "direct", "C": "direct"}, "2 of 3"),
        (["x", "x", "x"], "not a kind"),
        (["quoted", "direct", "indirect"], "not a kind"),  # "quoted" fits direct and partial alike
        ({"A": "indirect", "B": "direct", "C": "indirect"}, "1 of 3"),
        (["partial", "direct"], "3 kinds, not 2"),
        ({"A": "partial", "B": "direct"}, "C is missing"),
        ("", "Answer with a dict"),
        ("partial", "Answer with a dict"),
    ],
)
def test_quote_kinds_wrong(seed, answer, hint):
    result = who_said_what.quote_kinds(seed, answer)
    assert result.ok is False and hint in result.message


def test_quote_kinds_follows_the_gold_not_the_machine(seed, gold):
    table = quotes_table(seed)
    machine = [
        table.loc[table["text"] == text, "kind"].iloc[0]
        for text in (
            "“forgive and forget”",
            "“There has been no penalty,”",
            "his campaign did not collude with Russia",
        )
    ]
    assert machine == ["partial", "direct", "indirect"]
    other = _edited(
        gold,
        lambda a: (
            {**a.attrs, "kind": "partial"} if a.text == "his campaign did not collude with Russia" else a
        ),
    )
    assert who_said_what.quote_kinds(seed, machine, gold=other).ok is False
    assert who_said_what.quote_kinds(seed, ["partial", "direct", "partial"], gold=other).ok is True


def test_quote_kinds_hints_step(seed):
    wrong = {"A": "indirect", "B": "direct", "C": "indirect"}
    first = who_said_what.quote_kinds(seed, wrong).message
    second = who_said_what.quote_kinds(seed, wrong).message
    assert "A (" not in first and "A (" in second


@pytest.mark.parametrize(
    ("name", "kind"),
    [("reported speech", "indirect"), ("Direct quote", "direct"), ("quoted", None), ("partial", "partial")],
)
def test_kind_names(name, kind):
    assert who_said_what.kind_named(name) == kind


# ---------------------------------------------------------------- most_quoted


@pytest.mark.parametrize(
    "answer", ["Nikki Haley", "Haley", "nikki haley", "Ambassador Nikki Haley", "machine"]
)
def test_most_quoted_right(seed, answer):
    if answer == "machine":  # the solution's answer: voices.index[0]
        answer = voices_table(quotes_table(seed)).index[0]
    assert who_said_what.most_quoted(seed, answer).ok is True


@pytest.mark.parametrize(
    ("answer", "hint"),
    [
        ("Donald Trump", "someone gets more"),
        ("John McCain", "someone gets more"),
        ("Nobody", "not among the speakers"),
        ("", "as a string"),
        (["Nikki Haley"], "as a string"),
        ("she", "not among the speakers"),
    ],
)
def test_most_quoted_wrong(seed, answer, hint):
    result = who_said_what.most_quoted(seed, answer)
    assert result.ok is False and hint in result.message


def test_most_quoted_follows_the_gold_not_the_machine(seed, gold):
    # Without Haley's floating paragraph in the gold, Trump has the most words (44 to 20).
    shorter = _edited(gold, lambda a: None if a.text.startswith("“We can’t trust") else a)
    machine = voices_table(quotes_table(seed)).index[0]
    assert machine == "Nikki Haley"
    assert who_said_what.most_quoted(seed, machine, gold=shorter).ok is False
    assert who_said_what.most_quoted(seed, "Donald Trump", gold=shorter).ok is True


# ---------------------------------------------------------------- shared


@pytest.mark.parametrize(
    "call",
    [
        lambda a: who_said_what.floating_speaker(a, None),
        lambda a: who_said_what.quote_kinds(a, None),
        lambda a: who_said_what.quote_kinds(a, {"A": None, "B": None, "C": None}),
        lambda a: who_said_what.most_quoted(a, None),
    ],
)
def test_unanswered_is_a_neutral_prompt(seed, call):
    result = call(seed)
    assert result.ok is None and repr(result).startswith("✏️ Your turn")


def test_an_article_without_gold_says_so():
    from newslab.article import Article

    pasted = Article.from_text("“We will rebuild,” Mayor Jane Doe said.")
    result = who_said_what.most_quoted(pasted, "Jane Doe")
    assert result.ok is None and "no gold file" in result.message
