"""Checks for notebook 00a — Python in 30 minutes.

Each check grades the student's answer against a fact of the article's text (its title, its words,
its sentences), accepts every correct form of it (a number, a number as text, a one-item list, the
list or table the number counts) and answers a wrong one with a hint that takes one step toward the
fix. An answer still ``None`` gets a neutral prompt, not a verdict.
"""

from __future__ import annotations

from typing import Any

from newslab.article import Article
from newslab.check._core import (
    CheckResult,
    as_number,
    ask_for,
    fail,
    passed,
    sentence_answer,
    stepped,
    unanswered,
)


def _count(answer: Any) -> float | None:
    """A count from a number, a number as text, or the list or table being counted (its length)."""
    value = as_number(answer)
    if value is not None:
        return value
    if isinstance(answer, (str, bytes, dict)) or answer is None:
        return None
    try:
        return float(len(answer))
    except TypeError:
        return None


def title_words(article: Article, answer: Any) -> CheckResult:
    """Exercise: how many words does the article's title have (words separated by spaces)?"""
    if unanswered(answer):
        return ask_for("the number of words in the title")
    words = article.title.split()
    if isinstance(answer, list) and [str(w) for w in answer] == words:
        return passed(f"that is the title's list of words: it has {len(words)} of them.")
    value = _count(answer)
    if value is None:
        return fail("Answer with a number: how many items does the list of the title's words have?")
    if value == len(words):
        return passed(f"the title has {len(words)} words.")
    if value == len(article.title):
        return fail(
            "That counts characters (letters and spaces). Split the title into words first: `.split()`."
        )
    if value == len(article.title.replace(" ", "")):
        return fail(
            "That counts letters. Split the title into a list of words with `.split()`, then count it."
        )
    if abs(value - len(words)) == 1:
        return fail("One off. Print the list `title.split()` and count its items again, or use `len()`.")
    return stepped(
        ("title_words", article.id),
        "Not that number. Count the items of the list of words, not the letters or the spaces.",
        "Make the list of words with `article.title.split()` and take its `len()`.",
    )


def word_count_in_text(article: Article, word: str, answer: Any) -> CheckResult:
    """Exercise: how often does ``word`` occur in ``article.text`` (title included, as written)?"""
    if unanswered(answer):
        return ask_for(f"how many times “{word}” occurs in `article.text`")
    expected = article.text.count(word)
    value = _count(answer) if not isinstance(answer, (list, tuple)) else as_number(answer)
    if value is None:
        return fail("Answer with a number: how many times do those letters stand in the text?")
    if value == expected:
        return passed(f"“{word}” occurs {expected} times in the article's text, title included.")
    body = article.text[article.body.start : article.body.end].count(word)
    if body != expected and value == body:
        return fail(
            "You counted the body only: `article.text` holds the title too, and the question asks for all of it."
        )
    if value == article.text.lower().count(word.lower()) and value != expected:
        return fail(
            f"That count ignores capitals; count “{word}” exactly as written, with its capital letter."
        )
    if value == article.text.count(word.lower()):
        return fail(f"Python tells capitals apart: count “{word}” with its capital letter.")
    return stepped(
        ("word_count_in_text", article.id, word),
        f"Not that number. Count every “{word}” in the whole text, title included, with its capital letter.",
        f'Try `article.text.count("{word}")` — the quotation marks make "{word}" a string.',
    )


def sentences_longer_than(article: Article, words: int, answer: Any) -> CheckResult:
    """Exercise: how many sentences have more than ``words`` words? (filter a table, then count)"""
    from newslab.anatomy import sentences_table

    if unanswered(answer):
        return ask_for(f"the number of sentences with more than {words} words")
    table = sentences_table(article)
    expected = int((table["words"] > words).sum())
    value = _count(answer)
    if value is None:
        return fail("Answer with a number: how many rows are left once you keep only the long sentences?")
    if value == expected:
        return passed(f"{expected} of the {len(table)} sentences have more than {words} words.")
    if value == int((table["words"] >= words).sum()):
        return fail(f"That includes sentences of exactly {words} words: “more than” is `>`, not `>=`.")
    if value == int((table["words"] < words).sum()) or value == int((table["words"] <= words).sum()):
        return fail("That counts the short sentences: turn the comparison round.")
    if value == len(table):
        return fail(
            "That is every sentence: keep only the rows where the `words` column is larger than the limit."
        )
    if value == int(table.loc[table["words"] > words, "words"].sum()):
        return fail("That adds up their words. The question asks how many sentences: count the rows.")
    return stepped(
        ("sentences_longer_than", article.id, words),
        f"Not that number. Keep the rows whose `words` value is above {words}, then count the rows left.",
        f'Filter with `sentences[sentences["words"] > {words}]`, then take `len()`.',
    )


def shortest_sentence(article: Article, answer: Any) -> CheckResult:
    """Exercise: which sentence is the shortest, in words? Its number, its text or its table row."""
    from newslab.anatomy import sentences_table

    if unanswered(answer):
        return ask_for("the shortest sentence's number or its text")
    table = sentences_table(article)
    shortest = table[table["words"] == table["words"].min()]
    numbers = {int(n) for n in shortest["sentence"]}
    texts = {" ".join(text.split()) for text in shortest["text"]}
    answer = sentence_answer(answer)
    if isinstance(answer, str) and as_number(answer) is None:
        if answer in texts:
            number = int(shortest["sentence"].iloc[0])
            return passed(f"that is sentence {number}, the shortest: {int(shortest['words'].iloc[0])} words.")
        if answer in {" ".join(text.split()) for text in table["text"]}:
            return fail(
                "That sentence is in the article but it is not the shortest: sort by `words`, smallest first."
            )
        return fail("Give the sentence's number, or copy its text exactly from the table.")
    value = as_number(answer)
    if value is None:
        return fail("Answer with the sentence's number from the `sentence` column, or its text.")
    if value in numbers:
        return passed(f"sentence {int(value)} is the shortest, with {int(shortest['words'].iloc[0])} words.")
    if value == table["words"].min():
        return fail(
            "That is its number of words. Which sentence is it? Give its `sentence` number or its text."
        )
    if value in set(table.loc[table["words"] == table["words"].max(), "sentence"]):
        return fail(
            "That is the longest one: `sort_values` puts the smallest first unless you say otherwise."
        )
    if value in {n + 1 for n in numbers}:
        return fail("Off by one: the table numbers sentences from 0, like Python does.")
    return stepped(
        ("shortest_sentence", article.id),
        "Not that one. Which row has the smallest value in the `words` column?",
        'Sort the table with `sort_values("words")` and read the first row.',
    )
