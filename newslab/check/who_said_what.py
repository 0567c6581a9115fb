"""Checks for notebook 03 — who said what.

The answer key is the article's gold file (``data/gold/<article>.json``): its QUOTE records say, by
the kit's annotation guidelines, what kind each statement is and who said it. Every correct way of
writing an answer is accepted: the full name or the surname in any case, a kind under any of its
usual names ("reported speech" is indirect), a dict or a list.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from typing import Any

from newslab.article import Article
from newslab.check._core import (
    PRONOUNS,
    CheckResult,
    fail,
    gold_cast,
    gold_of,
    no_gold,
    passed,
    plain,
    same_name,
    stepped,
    unanswered,
    your_turn,
)

KINDS = ("direct", "partial", "indirect")

# The names people use for each kind. "quoted" alone is not a kind: direct and partial quotes both are.
KIND_NAMES = {
    "direct": {"direct", "direct quote", "direct quotation", "direct speech", "full quote", "whole quote"},
    "partial": {
        "partial",
        "partial quote",
        "partial quotation",
        "partial speech",
        "fragment",
        "quoted fragment",
    },
    "indirect": {
        "indirect",
        "indirect quote",
        "indirect quotation",
        "indirect speech",
        "reported",
        "reported speech",
        "paraphrase",
        "paraphrased",
        "paraphrased speech",
    },
}
_KIND_OF = {name: kind for kind, names in KIND_NAMES.items() for name in names}


def kind_named(answer: Any) -> str | None:
    """The kind an answer names (``"Reported speech"`` → ``"indirect"``), or None."""
    if not isinstance(answer, str):
        return None
    words = " ".join(re.sub(r"[-_.,;:!'\"“”]", " ", answer).split()).casefold()
    return _KIND_OF.get(words)


def _speakers_forms(gold: Any) -> dict[str, set[str]]:
    forms = {entity.name: entity.forms for entity in gold_cast(gold)}
    return {
        str(q.attrs.get("speaker")): forms.get(str(q.attrs.get("speaker")), set())
        for q in gold.labelled("QUOTE")
        if q.attrs.get("speaker")
    }


def _gold_quote(gold: Any, fragment: str) -> Any | None:
    """The gold quote whose text is ``fragment`` or, failing that, the shortest that contains it."""
    quotes = gold.labelled("QUOTE")
    exact = [q for q in quotes if plain(q.text) == plain(fragment)]
    if exact:
        return exact[0]
    bare = plain(fragment).strip("\"' ,.")
    found = [q for q in quotes if bare in plain(q.text)]
    return min(found, key=lambda q: len(q.text)) if found else None


def floating_speaker(
    article: Article, answer: Any, *, quote: str = "We can’t trust Russia", gold: Any = None
) -> CheckResult:
    """Exercise: who said the floating quote (a quote with no speech verb of its own)?

    Args:
        article: the article.
        answer: the speaker's name (full name or surname).
        quote: a few words of the quote the exercise asks about.
        gold: the annotations to grade against (default: the article's gold file).
    """
    if unanswered(answer):
        return your_turn("store the speaker's name in `answer`, as a string.")
    gold = gold_of(article, gold)
    if gold is None:
        return no_gold(article)
    found = _gold_quote(gold, quote)
    if found is None or not found.attrs.get("speaker"):
        return fail(f"The gold has no attributed quote with the words “{quote}”: check the words you copied.")
    speaker = str(found.attrs["speaker"])
    forms = _speakers_forms(gold)
    if not isinstance(answer, str) or not answer.strip():
        return fail("Answer with the speaker's name as text, in quotation marks.")
    if same_name(answer, speaker, forms.get(speaker, ())):
        return passed(f"{speaker} said it: the speaker carries over from the attribution just before it.")
    if plain(answer) in PRONOUNS:
        return fail("That is a pronoun, not a person: which name does it point back to?")
    key = ("who_said_what.floating_speaker", article.id, quote)
    if any(same_name(answer, name, names) for name, names in forms.items()):
        return stepped(
            key,
            "That person is quoted in the article, but not here. The quote has no speech verb of its own: "
            "who was speaking just before it?",
            "Not that person. Read the paragraph before the quote: whose words does it report, and with which verb?",
        )
    return stepped(
        key,
        "That name is not among the article's speakers. Who was speaking just before the quote?",
        "Not that name. Read the paragraph before the quote: whose words does it report, and with which verb?",
    )


KIND_EXERCISE = {
    "A": "“forgive and forget”",
    "B": "“There has been no penalty,”",
    "C": "his campaign did not collude with Russia",
}


def _given_kinds(answer: Any, letters: list[str]) -> dict[str, Any] | None:
    if isinstance(answer, Mapping):
        return {str(k).strip().upper(): v for k, v in answer.items()}
    if isinstance(answer, str) and re.search(r"[,;/\n]", answer):
        answer = [part for part in re.split(r"[,;/\n]", answer) if part.strip()]
    elif isinstance(answer, str) and len(answer.split()) == len(letters):
        answer = answer.split()  # "partial direct indirect"
    if isinstance(answer, list | tuple):
        return dict(zip(letters, answer, strict=False))
    return None


def quote_kinds(
    article: Article, answer: Any, *, items: Mapping[str, str] = KIND_EXERCISE, gold: Any = None
) -> CheckResult:
    """Exercise: classify statements as direct, partial or indirect.

    Args:
        article: the article.
        answer: a dict ``{"A": "partial", …}``, or a list/tuple (or a comma-separated string) of kinds in
            the order A, B, C…. "reported speech", "direct quote", "paraphrase"… are accepted names.
        items: the statements of the exercise, by letter.
        gold: the annotations to grade against (default: the article's gold file).
    """
    letters = list(items)
    if unanswered(answer) or (isinstance(answer, Mapping) and all(v is None for v in answer.values())):
        return your_turn(f"store one kind per statement in `answer`, for {', '.join(letters)}.")
    gold = gold_of(article, gold)
    if gold is None:
        return no_gold(article)
    given = _given_kinds(answer, letters)
    if given is None:
        return fail(
            "Answer with a dict such as {'A': ..., 'B': ...} or a list of kinds in the order A, B, C."
        )
    missing = [k for k in letters if k not in given]
    if isinstance(answer, list | tuple) and len(answer) != len(letters):
        return fail(
            f"Give one kind for each of {', '.join(letters)}: {len(letters)} kinds, not {len(answer)}."
        )
    if missing:
        return fail(
            f"Give a kind for every statement, {', '.join(letters)}: {', '.join(missing)} is missing."
        )
    expected = {}
    for letter in letters:
        quote = _gold_quote(gold, items[letter])
        if quote is None:
            return fail(
                f"The gold has no statement “{items[letter]}”: is this the article the exercise is about?"
            )
        expected[letter] = quote.attrs.get("kind")
    wrong = []
    for letter in letters:
        kind = kind_named(given[letter])
        if kind is None:
            return fail(f"“{given[letter]}” is not a kind: use direct, partial or indirect.")
        if kind != expected[letter]:
            wrong.append(letter)
    if not wrong:
        return passed(
            "all right: " + ", ".join(f"{letter} is {expected[letter]}" for letter in letters) + "."
        )
    letter = wrong[0]
    text = items[letter]
    if text.startswith(("“", '"')):
        more = (
            "it is in quotation marks: is it a whole sentence of the speaker's (direct) or a fragment "
            "woven into the reporter's sentence (partial)?"
        )
    else:
        more = "it has no quotation marks: whose words are these, the speaker's or the reporter's?"
    return stepped(
        ("who_said_what.quote_kinds", article.id),
        f"{len(wrong)} of {len(letters)} not yet right. Look at the quotation marks: where do they open and "
        "close, and what is left outside them?",
        f"{len(wrong)} of {len(letters)} not yet right; look again at {letter} ({text}): {more}",
    )


def _words_by_speaker(gold: Any) -> Counter:
    from newslab.anatomy import count_words

    words: Counter = Counter()
    for quote in gold.labelled("QUOTE"):
        if quote.attrs.get("speaker"):
            words[str(quote.attrs["speaker"])] += count_words(quote.text)
    return words


def most_quoted(article: Article, answer: Any, *, gold: Any = None) -> CheckResult:
    """Exercise: who gets the most words quoted or reported (all kinds together), by the gold?"""
    if unanswered(answer):
        return your_turn("store the name of the speaker with the most words in `answer`, as a string.")
    gold = gold_of(article, gold)
    if gold is None:
        return no_gold(article)
    words = _words_by_speaker(gold)
    if not words:
        return fail("The gold has no attributed statement in this article.")
    top = max(words.values())
    leaders = sorted(name for name, count in words.items() if count == top)
    forms = _speakers_forms(gold)
    if not isinstance(answer, str) or not answer.strip():
        return fail("Answer with a speaker's name, as a string.")
    for name in leaders:
        if same_name(answer, name, forms.get(name, ())):
            return passed(f"{name} has the most words quoted or reported ({top}), all kinds together.")
    key = ("who_said_what.most_quoted", article.id)
    if any(same_name(answer, name, names) for name, names in forms.items()):
        return stepped(
            key,
            "That speaker is quoted, but someone gets more words. Did you add up every kind — direct, "
            "partial and indirect?",
            "That speaker is quoted, but someone gets more words: compare the `total` column.",
        )
    return fail("That name is not among the speakers: look at the `speaker` column of the table.")
