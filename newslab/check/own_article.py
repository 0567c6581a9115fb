"""Checks for notebook 07 — your own article.

The checks work on whatever article the student chose: they compare the answer with what the
kit found in *that* article, so a pasted, uploaded or practice article all work.
"""

from __future__ import annotations

import re
from collections import Counter
from numbers import Real
from pathlib import Path
from typing import Any

from newslab.article import Article
from newslab.check._core import CheckResult, fail, passed


def _as_count(answer: Any) -> int | None:
    if isinstance(answer, bool):
        return None
    if isinstance(answer, Real) and float(answer).is_integer():
        return int(answer)
    if isinstance(answer, str) and answer.strip().isdigit():
        return int(answer.strip())
    if hasattr(answer, "item") and getattr(answer, "size", 2) == 1:  # numpy scalar / one-element array
        return _as_count(answer.item())
    return None


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[’']", "'", str(text)).lower().split())


def people_count(article: Article, answer: Any) -> CheckResult:
    """Exercise: how many people (PERSON entities, not organisations or places) did the kit find?"""
    from newslab.analysis import analyze

    cast = analyze(article).cast
    people = sum(1 for entity in cast if entity.label == "PERSON")
    if not isinstance(answer, str | bytes) and hasattr(answer, "__len__") and not hasattr(answer, "item"):
        answer = len(answer)  # a list of names or a table of people
    value = _as_count(answer)
    if value is None:
        return fail(
            "Answer with a whole number, e.g. by counting the rows of the who's-who table with label PERSON."
        )
    if value == people:
        return passed(f"the kit found {people} people in this article.")
    if value == len(cast):
        return fail("That counts organisations and places too: keep only the rows whose label is PERSON.")
    if value == sum(len(e.mentions) for e in cast if e.label == "PERSON"):
        return fail("That counts mentions (every time a person is named); count each person once.")
    return fail("Not that number. Filter the who's-who table to label == 'PERSON' and count its rows.")


def top_speaker(article: Article, answer: Any) -> CheckResult:
    """Exercise: who is quoted most often? Accepts the canonical name or any name the text uses for them."""
    from newslab.analysis import analyze

    analysis = analyze(article)
    counts = Counter(q.speaker for q in analysis.quotes if q.speaker)
    if not counts:
        if answer is None or (isinstance(answer, str) and not answer.strip()):
            return passed("the kit found no attributed quote in this article, so there is no top speaker.")
        return fail("The kit attributed no quote to anyone in this article: the answer is None.")
    if not isinstance(answer, str) or not answer.strip():
        return fail(
            "Answer with the speaker's name as a string, e.g. from the speaker column of the quotes table."
        )
    most = max(counts.values())
    winners = {name for name, count in counts.items() if count == most}
    forms: dict[str, set[str]] = {name: {_norm(name)} for name in counts}
    for entity in analysis.cast:
        if entity.name in forms:
            forms[entity.name] |= {
                _norm(m.text) for m in entity.mentions if m.kind not in ("pronoun", "description")
            }
    given = _norm(answer)
    chosen = {name for name, names in forms.items() if given in names}
    if chosen & winners:
        return passed(f"{sorted(chosen & winners)[0]} is quoted {most} times, more than anyone else.")
    if chosen:
        return fail("That person is quoted, but not most often: count the quotes per speaker (value_counts).")
    return fail(
        "That name is not among the speakers the kit found: look at the speaker column of the quotes table."
    )


def unattributed_count(article: Article, answer: Any) -> CheckResult:
    """Exercise: how many quotes did the kit leave without a speaker?"""
    from newslab.analysis import analyze

    quotes = analyze(article).quotes
    expected = sum(1 for q in quotes if not q.speaker)
    value = _as_count(answer)
    if value is None:
        return fail("Answer with a whole number: count the quotes whose speaker is empty (None).")
    if value == expected:
        return passed(f"{expected} of the {len(quotes)} quotes have no speaker.")
    if value == len(quotes) - expected:
        return fail("That is the number of quotes *with* a speaker; count those without one.")
    return fail(
        "Not that number. In the quotes table, count the rows where speaker is missing: `.isna().sum()`."
    )


def report_written(article: Article, answer: Any) -> CheckResult:
    """Exercise: write the HTML report of your article; the answer is the path of the file."""
    if answer is None or not isinstance(answer, str | Path):
        return fail("Answer with the path of the report file, e.g. the value `write_report(...)` returns.")
    path = Path(answer)
    if not path.is_file():
        return fail(f"There is no file at `{path}` yet: call write_report(article, path) first.")
    head = path.read_text("utf-8", errors="replace")
    if not head.startswith("<!DOCTYPE html>") or "newslab report" not in head:
        return fail("That file is not a newslab report: write it with write_report(article, path).")
    from html import escape

    if f"<h1>{escape(article.title or article.id)}</h1>" not in head:
        return fail("That report is about another article: write the report of the article you analysed.")
    return passed(f"the report is in `{path.name}`: open it in a browser, it works offline.")
