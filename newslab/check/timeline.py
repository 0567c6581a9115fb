"""Checks for notebook 04 — the timeline.

Each check works out the right answer with the kit itself (so it works for any date or article),
accepts every correct way of writing the answer (case, spaces, a list, a tuple or a string of
letters) and answers a wrong one with a hint that points toward the fix.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from typing import Any

from newslab.article import Article, parse_date
from newslab.check._core import CheckResult, fail, passed
from newslab.errors import NewslabError

# The three events of the ordering exercise on the bundled article: letter → the event's words.
SEED_EVENTS = {"A": "said", "B": "discussed", "C": "appeared to backtrack"}


def _expected_value(phrase: str, published: dt.date | None) -> str:
    from newslab.layers.time.tagger import tag_timexes

    text = f"The president tweeted on {phrase}."
    found = tag_timexes(text, None, published=published)
    return found[0].value if found else ""


def _clean_value(answer: str) -> str:
    return re.sub(r"\s+", "", answer).upper().replace("T-", "T")


def normalise(
    answer: Any, *, phrase: str = "Sunday morning", published: str | dt.date = "2017-07-10"
) -> CheckResult:
    """Exercise: the TIMEX3 value of a time expression such as "Sunday morning", given the publication date.

    Args:
        answer: the value as a string, such as ``"2017-07-09TMO"`` (case and spaces do not matter).
        phrase: the time expression the exercise asks about.
        published: the publication date the value is counted from.
    """
    try:
        day = parse_date(published)
    except NewslabError:
        return fail("The exercise's publication date is not a YYYY-MM-DD date; re-run the cell above.")
    expected = _expected_value(phrase, day)
    if answer is None or (isinstance(answer, str) and not answer.strip()):
        return fail(
            'Write the value as a string, e.g. `answer = "2017-01-31TAF"` (date, then T and the part of the day).'
        )
    if not isinstance(answer, str):
        return fail('Answer with a string such as "2017-01-31TAF", in quotation marks.')
    given = _clean_value(answer)
    if given == expected:
        return passed(f"“{phrase}” in a story published on {day.isoformat()} is {expected}.")
    if given.startswith("XXXX"):
        return fail("You know the publication date, so you can do better than XXXX: count back from it.")
    match = re.fullmatch(r"(\d{4}-\d\d-\d\d)(T\w+)?", given)
    if not match:
        return fail(
            "Write the value as YYYY-MM-DD, then (for a part of the day) T and two letters, e.g. 2017-01-31TAF."
        )
    try:
        answered_day = dt.date.fromisoformat(match.group(1))
    except ValueError:
        return fail(f"{match.group(1)} is not a real date: check the month and the day.")
    expected_day = dt.date.fromisoformat(expected[:10])
    if answered_day != expected_day:
        if answered_day.isoweekday() != expected_day.isoweekday():
            return fail(
                f"{answered_day.isoformat()} is a {answered_day:%A}: which {expected_day:%A} does the story mean?"
            )
        if answered_day > expected_day:
            return fail("That day is after the publication date: the story tells of the past, so look back.")
        return fail(
            "Right weekday, but too far back: take the nearest one on or before the publication date."
        )
    wanted_part = expected[10:]
    if not match.group(2) and wanted_part:
        return fail(
            f"Right day! Now add the part of the day: TimeML writes “{phrase.split()[-1]}” as {wanted_part[:2]}… "
        )
    if match.group(2) and not wanted_part:
        return fail(f"Right day, but “{phrase}” names no part of the day: leave out the T… ending.")
    return fail(
        f"Right day, but the part of the day is not {match.group(2)}: morning is TMO, afternoon TAF, evening TEV, night TNI."
    )


def _letters(answer: Any) -> list[str] | None:
    if isinstance(answer, str):
        letters = re.findall(r"[A-Za-z]", answer)
    elif isinstance(answer, Sequence):
        letters = [str(item).strip() for item in answer]
    else:
        return None
    return [letter.upper() for letter in letters]


def order_events(article: Article, answer: Any, *, events: Mapping[str, str] | None = None) -> CheckResult:
    """Exercise: put three events in the order they happened (earliest first).

    Args:
        article: the article.
        answer: the events' letters, earliest first: ``["B", "A", "C"]``, ``("b", "a", "c")`` or ``"B A C"``.
        events: letter → the event's words in the text (default: the bundled article's exercise).
    """
    from newslab.analysis import analyze

    events = dict(events or SEED_EVENTS)
    found = {}
    for letter, words in events.items():
        matches = [e for e in analyze(article).events if e.text == words]
        if not matches:
            return fail(
                f"The kit finds no event “{words}” in this article: is it the article the exercise is about?"
            )
        found[letter] = min(matches, key=lambda e: e.sentence)
    letters = _letters(answer)
    if answer is None or not letters:
        return fail('Give the letters earliest first, e.g. `answer = ["C", "A", "B"]`.')
    if sorted(letters) != sorted(events):
        return fail(f"Use each of the letters {', '.join(sorted(events))} exactly once.")
    expected = sorted(events, key=lambda letter: (found[letter].rank, found[letter].sentence))
    if letters == expected:
        return passed(" → ".join(f"{letter} ({found[letter].when})" for letter in expected))
    story = sorted(events, key=lambda letter: (found[letter].sentence, found[letter].start))
    if letters == story:
        return fail(
            "That is the order the story tells them in. Look for words that place one event before another."
        )
    first = expected[0]
    if letters[0] != first:
        return fail(
            f"Which event does the text put before the others? Look at the verb form of “{events[first]}”."
        )
    return fail(
        "The first one is right. For the other two, look for a word such as “later” or “immediately”."
    )
