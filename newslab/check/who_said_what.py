"""Checks for notebook 03 — who said what.

Each check compares the student's answer with what the kit finds in the article (and so works on
any article), accepts every correct way of writing it (full name or surname, any case, a list or a
dict) and answers a wrong one with a hint.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from newslab.article import Article
from newslab.check._core import CheckResult, fail, passed

KINDS = ("direct", "partial", "indirect")
_PRONOUNS = {"he", "she", "they", "him", "her", "them", "i", "we", "you", "it"}
_TITLES = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "sen",
    "senator",
    "rep",
    "representative",
    "president",
    "ambassador",
    "the",
}


def _quotes(article: Article) -> list:
    from newslab.analysis import analyze

    return list(analyze(article).quotes)


def _words(text: str) -> list[str]:
    return [w for w in re.findall(r"[^\W_]+", str(text).lower().replace("’", "'")) if w not in _TITLES]


def _same_person(answer: Any, name: str | None) -> bool:
    """Whether an answer names the person: the full name, or the surname, in any case."""
    if not isinstance(answer, str) or not name:
        return False
    given, wanted = _words(answer), _words(name)
    if not given or not wanted:
        return False
    return given == wanted or (given[-1] == wanted[-1] and set(given) <= set(wanted))


def _find(article: Article, fragment: str) -> Any | None:
    plain = fragment.strip("“”\"' ,").lower()
    found = [quote for quote in _quotes(article) if plain in quote.text.lower()]
    return min(found, key=lambda quote: len(quote.text)) if found else None


def floating_speaker(article: Article, answer: Any, *, quote: str = "We can’t trust Russia") -> CheckResult:
    """Exercise: who said the floating quote (a quote with no speech verb of its own)?

    Args:
        article: the article.
        answer: the speaker's name (full name or surname).
        quote: a few words of the quote the exercise asks about.
    """
    found = _find(article, quote)
    if found is None or not found.speaker:
        return fail(f"The kit finds no speaker for the quote starting “{quote}”; check the words you copied.")
    if answer is None or (isinstance(answer, str) and not answer.strip()):
        return fail('Write the speaker\'s name as a string, e.g. `answer = "Jane Doe"`.')
    if not isinstance(answer, str):
        return fail("Answer with the speaker's name as text, in quotation marks.")
    if _same_person(answer, found.speaker):
        return passed(f"{found.speaker} said it — the speaker carries over from the attribution nearby.")
    if answer.strip().lower() in _PRONOUNS:
        return fail("That is a pronoun, not a person: which name does it point back to?")
    speakers = {q.speaker for q in _quotes(article) if q.speaker}
    if any(_same_person(answer, s) for s in speakers):
        return fail(
            "That person is quoted in the article, but not here. The quote has no cue of its own: "
            "look at the attribution in the paragraphs around it (“… she said”)."
        )
    return fail("Not that name. Find the nearest “said”, “added” or “told” around the quote and its subject.")


KIND_EXERCISE = {
    "A": "“forgive and forget”",
    "B": "“There has been no penalty,”",
    "C": "his campaign did not collude with Russia",
}


def quote_kinds(article: Article, answer: Any, *, items: Mapping[str, str] = KIND_EXERCISE) -> CheckResult:
    """Exercise: classify statements as direct, partial or indirect.

    Args:
        article: the article.
        answer: a dict ``{"A": "partial", …}`` or a list/tuple of kinds in the order A, B, C….
        items: the statements of the exercise, by letter.
    """
    letters = list(items)
    if answer is None:
        return fail(
            f"Write one kind per statement, e.g. `answer = {{{', '.join(repr(k) + ': ...' for k in letters)}}}`."
        )
    if isinstance(answer, Mapping):
        given = {str(k).strip().upper(): v for k, v in answer.items()}
    elif isinstance(answer, (list, tuple)):
        given = dict(zip(letters, answer, strict=False))
    else:
        return fail("Answer with a dict such as {'A': 'direct', …} or a list of kinds in the order A, B, C.")
    missing = [k for k in letters if k not in given]
    if missing:
        return fail(f"Give a kind for every statement: {', '.join(missing)} is missing.")
    wrong = []
    for letter in letters:
        value = str(given[letter]).strip().lower()
        if value not in KINDS:
            return fail(f"`{given[letter]}` is not a kind: use direct, partial or indirect.")
        quote = _find(article, items[letter])
        expected = quote.kind if quote is not None else None
        if value != expected:
            wrong.append(letter)
    if not wrong:
        return passed("all three kinds are right.")
    letter = wrong[0]
    text = items[letter]
    if text.startswith(("“", '"')):
        hint = (
            "it has quotation marks: is it a whole sentence of the speaker's (direct) "
            "or a fragment woven into the reporter's sentence (partial)?"
        )
    else:
        hint = "it has no quotation marks: the reporter tells us what was said in their own words."
    return fail(f"{len(wrong)} of {len(letters)} not yet right; look again at {letter} ({text}): {hint}")


def most_quoted(article: Article, answer: Any) -> CheckResult:
    """Exercise: who gets the most words quoted (all kinds together)?"""
    from newslab.quotes import quotes_table, voices_table

    voices = voices_table(quotes_table(article))
    voices = voices.drop(index="(unknown)", errors="ignore")
    if voices.empty:
        return fail("The kit finds no quoted speakers in this article.")
    top = voices["total"].max()
    leaders = [name for name, total in voices["total"].items() if total == top]
    if answer is None or not isinstance(answer, str) or not answer.strip():
        return fail("Write a speaker's name as a string; `voices_table(table)` sorts speakers by words.")
    if any(_same_person(answer, name) for name in leaders):
        return passed(f"{leaders[0]} has the most words quoted or reported ({top}).")
    if any(_same_person(answer, name) for name in voices.index):
        return fail("That speaker is quoted, but someone gets more words: compare the `total` column.")
    return fail("That name is not among the speakers: look at the `speaker` column of the table.")
