"""Checks for notebook 07 — your own article.

These exercises are about reading what the kit found in the article the student chose (pasted,
uploaded or a practice article), so the checks compare the answer with the kit's analysis of *that*
article — and their messages say so ("the kit found …"): on a new text the kit can be wrong, and the
notebook asks the student to judge it afterwards.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from newslab.article import Article
from newslab.check._core import (
    CheckResult,
    answer_text,
    as_count,
    fail,
    passed,
    plain,
    same_name,
    stepped,
    unanswered,
    your_turn,
)


def _analysis(article: Article) -> Any:
    from newslab.analysis import analyze

    return analyze(article)


def _names(answer: Any) -> list | None:
    """The names in a list, set, Series or table (``name`` column); None when the answer is not a collection."""
    if isinstance(answer, str | bytes | Path | dict) or answer is None or getattr(answer, "ndim", 1) == 0:
        return None  # not a collection (a numpy number has ndim 0)
    if "name" in list(getattr(answer, "columns", [])):
        return list(answer["name"])
    try:
        return list(answer)
    except TypeError:
        return None


def people_count(article: Article, answer: Any) -> CheckResult:
    """Exercise: how many people (PERSON entities, not organisations or places) did the kit find?

    A number, or the people themselves (a list of names, or the who's-who rows labelled PERSON).
    """
    if unanswered(answer):
        return your_turn("store the number of people the kit found in `answer`.")
    cast = _analysis(article).cast
    people = [entity for entity in cast if entity.label == "PERSON"]
    names = _names(answer)
    if names is not None:
        chosen: list = []
        for item in names:
            text = answer_text(item)
            entity = next((e for e in cast if text and plain(text) == plain(e.name)), None)
            entity = entity or next(
                (e for e in cast if same_name(text, e.name, [m.text for m in e.mentions])), None
            )
            if entity is None:
                return fail(f"“{text if text is not None else item}” is not in the kit's who's-who table.")
            if entity.label != "PERSON":
                return fail(f"The kit labels {entity.name} {entity.label}, not PERSON: keep only the people.")
            if entity in chosen:
                return fail(f"Your list names {entity.name} twice: count each person once.")
            chosen.append(entity)
        answer = len(chosen)
    value = as_count(answer)
    if value is None:
        return fail("Answer with a whole number, or the list of people.")
    if value == len(people):
        return passed(f"the kit found {len(people)} people in this article. Did it miss or split anyone?")
    if value == len(cast):
        return fail("That counts organisations and places too: keep only the rows whose label is PERSON.")
    if value == sum(len(e.mentions) for e in people):
        return fail("That counts mentions (every time a person is named); count each person once.")
    return stepped(
        ("own_article.people_count", article.id),
        "Not the number the kit found. Which column of the who's-who table says what kind of entity a row is?",
        "Not that number. Keep the rows of the who's-who table whose label is PERSON and count them.",
    )


def top_speaker(article: Article, answer: Any) -> CheckResult:
    """Exercise: who does the kit find quoted most often? The canonical name or any name the text uses."""
    analysis = _analysis(article)
    counts = Counter(q.speaker for q in analysis.quotes if q.speaker)
    if not counts:
        if answer is None or (isinstance(answer, str) and not answer.strip()):
            return passed("the kit found no attributed quote in this article, so there is no top speaker.")
        return fail("The kit attributed no quote to anyone in this article: the answer is None.")
    if unanswered(answer):
        return your_turn("store the name of the speaker the kit quotes most often in `answer`.")
    if not isinstance(answer, str) or not answer.strip():
        return fail("Answer with the speaker's name, as a string.")
    most = max(counts.values())
    winners = sorted(name for name, count in counts.items() if count == most)
    forms: dict[str, list[str]] = {name: [] for name in counts}
    for entity in analysis.cast:
        if entity.name in forms:
            forms[entity.name] = [m.text for m in entity.mentions if m.kind not in ("pronoun", "description")]
    for name in winners:
        if same_name(answer, name, forms[name]):
            return passed(f"the kit attributes {most} quotes to {name}, more than to anyone else.")
    if any(same_name(answer, name, names) for name, names in forms.items()):
        return stepped(
            ("own_article.top_speaker", article.id),
            "The kit quotes that person, but someone else more often. Count quotes, not words.",
            "The kit quotes that person, but someone else more often: count the quotes per speaker (value_counts).",
        )
    return fail(
        "That name is not among the speakers the kit found: look at the speaker column of the quotes table."
    )


def unattributed_count(article: Article, answer: Any) -> CheckResult:
    """Exercise: how many quotes did the kit leave without a speaker?"""
    if unanswered(answer):
        return your_turn("store the number of quotes the kit left without a speaker in `answer`.")
    quotes = _analysis(article).quotes
    expected = sum(1 for q in quotes if not q.speaker)
    value = as_count(answer)
    if value is None:
        return fail("Answer with a whole number.")
    if value == expected:
        follow_up = " Read them in the article: who did say them?" if expected else ""
        return passed(f"the kit left {expected} of its {len(quotes)} quotes without a speaker.{follow_up}")
    if value == len(quotes) - expected:
        return fail("That is the number of quotes *with* a speaker; count those without one.")
    return stepped(
        ("own_article.unattributed_count", article.id),
        "Not the number the kit found. In the quotes table, what does an empty speaker look like?",
        "Not that number. Count the rows of the quotes table whose speaker is missing.",
    )


def report_written(article: Article, answer: Any) -> CheckResult:
    """Exercise: write the HTML report of your article; the answer is the path of the file."""
    if unanswered(answer):
        return your_turn("write the report to a file and store its path in `answer`.")
    if not isinstance(answer, str | Path) or not str(answer).strip():
        return fail("Answer with the path of the report file, as a string or a Path.")
    path = Path(str(answer).strip())
    if not path.is_file():
        return fail(f"There is no file at `{path}` yet: call write_report(article, path) first.")
    head = path.read_text("utf-8", errors="replace")
    if not head.startswith("<!DOCTYPE html>") or "newslab report" not in head:
        return fail("That file is not a newslab report: write it with write_report(article, path).")
    from html import escape

    if f"<h1>{escape(article.title or article.id)}</h1>" not in head:
        return fail("That report is about another article: write the report of the article you analysed.")
    return passed(f"the report is in `{path.name}`: open it in a browser, it works offline.")
