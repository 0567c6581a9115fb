"""Checks for notebook 04 — the timeline.

The answer keys come from the text, not from the kit's timeline: the value of a weekday is worked out
by the rule the exercise teaches (the weekday on or before the publication date, since the story tells
of the past; a part of the day adds TMO, TAF, TEV or TNI), and the order of events is the gold file's
(``data/gold/<article>.json``, EVENT records with their rank). Every correct way of writing an answer
is accepted (case, spaces, a list, a tuple or a string of letters).
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Mapping, Sequence
from typing import Any

from newslab.article import Article, parse_date
from newslab.check._core import (
    CheckResult,
    fail,
    gold_of,
    no_gold,
    passed,
    plain,
    stepped,
    unanswered,
    your_turn,
)
from newslab.errors import NewslabError

# The three events of the ordering exercise on the bundled article: letter → the event's words.
SEED_EVENTS = {"A": "said", "B": "discussed", "C": "appeared to backtrack"}

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
PARTS_OF_DAY = {"morning": "TMO", "afternoon": "TAF", "evening": "TEV", "night": "TNI"}


def weekday_value(phrase: str, published: dt.date) -> str | None:
    """The TIMEX3 value of "Sunday" or "Sunday morning" in a past-tense story published on ``published``.

    The weekday is the one on or before the publication date; a part of the day adds its code.
    Returns None for a phrase that is not a weekday (with a part of the day).

    Example:
        >>> weekday_value("Sunday morning", dt.date(2017, 7, 10))
        '2017-07-09TMO'
    """
    match = re.fullmatch(r"(\w+)(?:\s+(\w+))?", plain(phrase))
    if not match or match.group(1) not in WEEKDAYS or (match.group(2) or "morning") not in PARTS_OF_DAY:
        return None
    back = (published.weekday() - WEEKDAYS.index(match.group(1))) % 7
    day = published - dt.timedelta(days=back)
    return day.isoformat() + (PARTS_OF_DAY[match.group(2)] if match.group(2) else "")


def _clean_value(answer: str) -> str:
    return re.sub(r"\s+", "", answer).upper().replace("T-", "T")


def normalise(
    answer: Any, *, phrase: str = "Sunday morning", published: str | dt.date = "2017-07-10"
) -> CheckResult:
    """Exercise: the TIMEX3 value of a time expression such as "Sunday morning", given the publication date.

    Args:
        answer: the value as a string, such as ``"2017-07-09TMO"`` (case and spaces do not matter).
        phrase: the time expression the exercise asks about: a weekday, with a part of the day or not.
        published: the publication date the value is counted from.
    """
    if unanswered(answer):
        return your_turn(f"store the TIMEX3 value of “{phrase}” in `answer`, as a string.")
    try:
        day = parse_date(published)
    except NewslabError:
        return fail("The exercise's publication date is not a YYYY-MM-DD date; re-run the cell above.")
    if day is None:
        return fail("The exercise needs a publication date to count from.")
    expected = weekday_value(phrase, day)
    if expected is None:
        return CheckResult(
            None,
            f"This check knows weekdays such as “Sunday morning”; it has no answer key for “{phrase}”.",
            heading="ℹ️ No answer key",
        )
    if not isinstance(answer, str) or not answer.strip():
        return fail("Answer with the value as a string, in quotation marks.")
    key = ("timeline.normalise", phrase, day.isoformat())
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
        if answered_day == day:
            return fail("That is the publication date itself: which day does the story mean?")
        if answered_day.isoweekday() != expected_day.isoweekday():
            return stepped(
                key,
                f"{answered_day.isoformat()} is a {answered_day:%A}: which {expected_day:%A} does the story mean?",
                f"{answered_day.isoformat()} is a {answered_day:%A}. Find the {expected_day:%A} nearest before "
                f"{day.isoformat()} on a calendar.",
            )
        if answered_day > expected_day:
            return fail("That day is after the publication date: the story tells of the past, so look back.")
        return fail(
            "Right weekday, but too far back: take the nearest one on or before the publication date."
        )
    wanted_part = expected[10:]
    if not match.group(2) and wanted_part:
        return fail(
            f"Right day! Now add the part of the day: TimeML writes “{phrase.split()[-1]}” as T and two letters."
        )
    if match.group(2) and not wanted_part:
        return fail(f"Right day, but “{phrase}” names no part of the day: leave out the T… ending.")
    return stepped(
        key,
        f"Right day, but the part of the day is not {match.group(2)}: look at the TIMEX3 table at the top.",
        f"Right day, but the part of the day is not {match.group(2)}: morning is TMO, afternoon TAF, "
        "evening TEV, night TNI.",
    )


def _letters(answer: Any) -> list[str] | None:
    if isinstance(answer, str):
        letters = re.findall(r"[A-Za-z]", answer)
    elif isinstance(answer, Sequence):
        letters = [str(item).strip() for item in answer]
    else:
        return None
    return [letter.upper() for letter in letters]


def order_events(
    article: Article, answer: Any, *, events: Mapping[str, str] | None = None, gold: Any = None
) -> CheckResult:
    """Exercise: put events in the order they happened (earliest first), by the gold's ranks.

    Args:
        article: the article.
        answer: the events' letters, earliest first: ``["B", "A", "C"]``, ``("b", "a", "c")`` or ``"B A C"``.
        events: letter → the event's words in the text (default: the bundled article's exercise).
        gold: the annotations to grade against (default: the article's gold file).
    """
    events = dict(events or SEED_EVENTS)
    if unanswered(answer):
        return your_turn(f"store the letters {', '.join(events)} in `answer`, earliest event first.")
    gold = gold_of(article, gold)
    if gold is None:
        return no_gold(article)
    found = {}
    for letter, words in events.items():
        matches = [e for e in gold.labelled("EVENT") if plain(e.text) == plain(words)]
        if not matches:
            return fail(f"The gold has no event “{words}”: is this the article the exercise is about?")
        found[letter] = matches[0]
    letters = _letters(answer)
    if not letters:
        return fail("Give the letters as a list of strings, earliest first.")
    if sorted(letters) != sorted(events):
        return fail(f"Use each of the letters {', '.join(sorted(events))} exactly once.")
    rank = {letter: int(found[letter].attrs.get("rank", 0)) for letter in events}
    expected = sorted(events, key=lambda letter: (rank[letter], found[letter].start))
    if all(rank[a] <= rank[b] for a, b in itertools.pairwise(letters)):
        return passed(" → ".join(f"{letter} ({found[letter].attrs.get('when')})" for letter in letters))
    key = ("timeline.order_events", article.id, tuple(sorted(events.items())))
    story = sorted(events, key=lambda letter: found[letter].start)
    if letters == story:
        return fail(
            "That is the order the story tells them in. Look for words that place one event before another."
        )
    first = expected[0]
    if rank[letters[0]] != rank[first]:
        return stepped(
            key,
            "Which event does the text put before the others? Look at the verb forms: one of them looks back.",
            f"Which event does the text put before the others? Look at the verb form of “{events[first]}”.",
        )
    return fail(
        "The first one is right. For the other two, look for a word such as “later” or “immediately”."
    )
