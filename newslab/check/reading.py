"""Checks for notebook 01 — reading the article."""

from __future__ import annotations

from typing import Any

from newslab.anatomy import sentences_table
from newslab.article import Article
from newslab.check._core import CheckResult, as_number, fail, passed


def paragraph_count(article: Article, answer: Any) -> CheckResult:
    """Exercise: how many paragraphs does the article's body have?"""
    expected = len(article.paragraphs)
    value = as_number(answer)
    if value is None:
        return fail("Answer with a number, e.g. `answer = len(article.paragraphs)` or a count you made.")
    if value == expected:
        return passed(f"the body has {expected} paragraphs.")
    extras = sum(1 for part in (article.outlet, article.title, article.credit) if part)
    if extras and value == expected + extras:
        return fail("Close: you also counted the outlet line, title or credit. Count only the story's body.")
    if value == len(article.sentences):
        return fail("That is the number of sentences. A paragraph can hold several sentences.")
    return fail("Not that number. Look at `article.paragraphs` — each item is one paragraph of the body.")


def longest_sentence(article: Article, answer: Any) -> CheckResult:
    """Exercise: which sentence is the longest in words? Accepts its number, its text, or its table row."""
    table = sentences_table(article)
    longest = table[table["words"] == table["words"].max()]
    numbers = set(longest["sentence"])
    texts = {text.strip() for text in longest["text"]}
    if hasattr(answer, "get") and not isinstance(answer, str):
        answer = answer.get("sentence", answer.get("text"))  # a table row
    if isinstance(answer, str) and as_number(answer) is None:
        if answer.strip() in texts:
            return passed("that is the longest sentence.")
        if answer.strip() in set(table["text"]):
            return fail(
                "That sentence is in the article but it is not the longest: sort the table by `words`."
            )
        return fail("Give the sentence's number, or copy its text exactly from the table.")
    value = as_number(answer)
    if value is None:
        return fail("Answer with the sentence's number from the `sentence` column (or its text).")
    if value in numbers:
        return passed(f"sentence {int(value)} is the longest, with {int(longest['words'].iloc[0])} words.")
    if value in set(table.loc[table["words"] == table["words"].min(), "sentence"]):
        return fail("That is the shortest one: sort the other way round (`ascending=False`).")
    if value in {int(n) + 1 for n in numbers}:
        return fail("Off by one: the table numbers sentences from 0, like Python does.")
    return fail("Not that one. Which row has the largest value in the `words` column?")


def mean_words(article: Article, answer: Any) -> CheckResult:
    """Exercise: how many words does a sentence have on average? (within 0.1 of the exact mean)"""
    table = sentences_table(article)
    expected = float(table["words"].mean())
    value = as_number(answer)
    if value is None:
        return fail("Answer with a number, e.g. the `.mean()` of a column of the sentences table.")
    if abs(value - expected) <= 0.1:
        return passed(f"a sentence has {expected:.1f} words on average.")
    if abs(value - float(table["characters"].mean())) <= 0.1:
        return fail("That is the mean length in characters: use the `words` column.")
    if abs(value - float(table["words"].median())) <= 0.1:
        return fail("That is the median (the middle value); the question asks for the mean.")
    return fail("Not quite. Take the mean of the `words` column of the sentences table.")
