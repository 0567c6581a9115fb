"""Checks for notebook 01 — reading the article.

The answer keys are counts the check makes itself: paragraphs are the blocks of the body between
blank lines, and the sentences are the rows of ``sentences_table(article)``, the table the exercises
ask about.
"""

from __future__ import annotations

from typing import Any

from newslab.anatomy import sentences_table
from newslab.article import Article
from newslab.check._core import (
    CheckResult,
    as_number,
    fail,
    passed,
    rounds_to,
    sentence_answer,
    stepped,
    unanswered,
    your_turn,
)


def paragraph_count(article: Article, answer: Any) -> CheckResult:
    """Exercise: how many paragraphs does the article's body have?"""
    if unanswered(answer):
        return your_turn("count the paragraphs of the story's body and store the number in `answer`.")
    expected = len(article.paragraphs)
    value = as_number(answer)
    key = ("reading.paragraph_count", article.id)
    if value is None:
        return fail("Answer with one number: how many paragraphs the body has.")
    if value == expected:
        return passed(f"the body has {expected} paragraphs (blocks of text between blank lines).")
    extras = sum(1 for part in (article.outlet, article.title, article.credit) if part)
    if extras and value == expected + extras:
        return fail("Close: you also counted the outlet line, title or credit. Count only the story's body.")
    if value == len(article.sentences):
        return fail("That is the number of sentences. A paragraph can hold several sentences.")
    return stepped(
        key,
        "Not that number. In the file, what separates one paragraph from the next?",
        "Not that number. The kit keeps the body's paragraphs in `article.paragraphs`, one item each.",
    )


def longest_sentence(article: Article, answer: Any) -> CheckResult:
    """Exercise: which sentence is the longest in words? Accepts its number, its text, or its table row."""
    if unanswered(answer):
        return your_turn("find the longest sentence and store its number (or its text) in `answer`.")
    table = sentences_table(article)
    longest = table[table["words"] == table["words"].max()]
    numbers = set(longest["sentence"])
    texts = {" ".join(text.split()) for text in longest["text"]}
    key = ("reading.longest_sentence", article.id)
    answer = sentence_answer(answer)
    if isinstance(answer, str) and as_number(answer) is None:
        if answer in texts:
            return passed(f"that is the longest sentence, with {int(longest['words'].iloc[0])} words.")
        if answer in {" ".join(text.split()) for text in table["text"]}:
            return fail(
                "That sentence is in the article but it is not the longest: compare the `words` column."
            )
        return fail("Give the sentence's number, or copy its text exactly from the table.")
    value = as_number(answer)
    if value is None:
        return fail("Answer with the sentence's number from the `sentence` column (or its text).")
    if value in numbers:
        return passed(f"sentence {int(value)} is the longest, with {int(longest['words'].iloc[0])} words.")
    if value in set(table.loc[table["words"] == table["words"].min(), "sentence"]):
        return fail("That is the shortest one: sort the other way round.")
    if value in {int(n) + 1 for n in numbers}:
        return fail("Off by one: the table numbers sentences from 0, like Python does.")
    return stepped(
        key,
        "Not that one. Which column of the sentences table says how long each sentence is?",
        "Not that one. Sort the table by its `words` column, largest first, and read the `sentence` of the top row.",
    )


def mean_words(article: Article, answer: Any) -> CheckResult:
    """Exercise: how many words does a sentence have on average?

    The exact mean, or the mean rounded to a whole number or to one decimal, is right.
    """
    if unanswered(answer):
        return your_turn("work out the mean number of words per sentence and store it in `answer`.")
    table = sentences_table(article)
    expected = float(table["words"].mean())
    value = as_number(answer)
    key = ("reading.mean_words", article.id)
    if value is None:
        return fail("Answer with one number: the mean number of words per sentence.")
    if rounds_to(value, expected):
        return passed(
            f"a sentence has {expected:.1f} words on average ({int(table['words'].sum())} words in "
            f"{len(table)} sentences)."
        )
    if rounds_to(value, float(table["characters"].mean())):
        return fail("That is the mean length in characters: count words.")
    if rounds_to(value, float(table["words"].median())):
        return fail("That is the median (the middle value); the question asks for the mean.")
    if rounds_to(value, float(table["words"].sum())):
        return fail(
            "That is the number of words in all sentences together: share them out over the sentences."
        )
    if abs(value - expected) < 1:
        return fail(
            f"Close, but {value:g} is not the mean rounded: round to the nearest whole number or to one decimal."
        )
    return stepped(
        key,
        "Not quite. A mean is a total shared out evenly: what is the total here, and over how many?",
        "Not quite. Take the `.mean()` of the `words` column of the sentences table.",
    )
