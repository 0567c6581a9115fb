"""Checks for notebook 08 — who gets a voice.

They grade against what the text states (the hand-checked gold file, or a name printed in a
sentence), never against the machine's output: the notebook is about where the machine is wrong.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from newslab.article import Article
from newslab.check._core import CheckResult, ask_for, fail, passed, same_name, unanswered


def _nested_reports(article: Article) -> list[tuple[Any, Any]]:
    """Pairs (outer, inner) of the gold's quotes where one speaker's report sits inside another's words."""
    from newslab.annotations import load_gold

    quotes = list(load_gold(article).labelled("QUOTE"))
    return [
        (outer, inner)
        for outer in quotes
        for inner in quotes
        if outer.start <= inner.start
        and inner.end <= outer.end
        and (outer.start, outer.end) != (inner.start, inner.end)
        and outer.attrs.get("speaker") != inner.attrs.get("speaker")
    ]


def vouched_speaker(article: Article, answer: Any) -> CheckResult:
    """Exercise: a report sits inside someone else's quoted words; whose words does the article vouch for?

    The expected answer is the speaker of the outer quote in the article's gold file (for the
    bundled article: Trump's tweet, which holds Putin's denial).
    """
    nested = _nested_reports(article)
    if not nested:
        return fail(
            "This article's gold file has no report inside another speaker's words; use the bundled article."
        )
    outer, inner = nested[-1]
    vouched, reported = outer.attrs["speaker"], inner.attrs["speaker"]
    if unanswered(answer):
        return ask_for("the name of the person whose words the article quotes, as a string")
    if not isinstance(answer, str) or not answer.strip():
        return fail("Answer with a person's name as text, in quotation marks.")
    if same_name(answer, vouched):
        return passed(
            f"the article quotes {vouched}. That {reported} {inner.attrs.get('cue') or 'said'} it is "
            f"{vouched}'s claim: counting it as {reported}'s voice rests on one source's say-so."
        )
    if same_name(answer, reported):
        return fail(
            f"{reported} is who the words say spoke, but the article never quotes {reported}: whose words "
            f"hold “{inner.text}”? Look at the cue “{outer.attrs.get('cue')}”."
        )
    return fail("Not that person. Read the last paragraph: whose words stand in its quotation marks?")


def _plain(text: str) -> str:
    """Letters without accents, in lower case, single-spaced: 'Adébáyọ̀' → 'adebayo'."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.replace("’", "'").casefold().split())


def speaker_as_written(sentence: str, name: str, answer: Any) -> CheckResult:
    """Exercise: who speaks in ``sentence``? The answer is the name as the sentence prints it.

    Args:
        sentence: the sentence the student reads.
        name: the speaker's whole name, exactly as printed in ``sentence``.
        answer: the student's answer.
    """
    if name not in sentence:
        raise ValueError(f"{name!r} is not printed in the sentence")
    if unanswered(answer):
        return ask_for("the speaker's whole name, as the sentence prints it")
    if not isinstance(answer, str) or not answer.strip():
        return fail("Answer with the speaker's name as text, in quotation marks.")
    given = " ".join(unicodedata.normalize("NFC", answer).split())
    if given.casefold() == unicodedata.normalize("NFC", name).casefold():
        return passed(f"the speaker is {name}, every part of the name and every accent kept.")
    if _plain(given) == _plain(name):
        return passed(
            f"the speaker is {name}. You left out accents: in a published count or caption, write the "
            "name as the person writes it."
        )
    parts = _plain(name).split()
    if _plain(given) in parts or (set(_plain(given).split()) < set(parts)):
        return fail(
            "That is only part of the name — the mistake the model made. Write the whole name as the sentence prints it."
        )
    if _plain(given) in _plain(sentence):
        return fail("Those words are in the sentence, but they do not name the speaker: who told reporters?")
    return fail("Not that name. Copy the speaker's name from the sentence, every part of it.")
