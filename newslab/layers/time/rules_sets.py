"""Rules for repeated times (TIMEX3 type SET): "every Monday", "Sunday mornings", "daily", "twice a week"."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newslab.layers.time.context import _Context, _duration, _rule
from newslab.layers.time.vocabulary import (
    _PART,
    _WEEKDAY,
    MONTHS,
    PARTS_OF_DAY,
    SEASONS,
    SET_WORDS,
    WEEKDAY_NAMES,
    WEEKDAYS,
)

if TYPE_CHECKING:
    from spacy.tokens import Token


@_rule(
    "sets_weekday",
    rf"\b(?:(?:every|each)\s+(?P<wd1>{_WEEKDAY})(?:\s+(?P<part1>{_PART}))?|(?P<wd2>{_WEEKDAY})s(?:\s+(?P<part2>mornings|afternoons|evenings|nights))?|(?P<wd3>{_WEEKDAY})\s+(?P<part3>mornings|afternoons|evenings|nights))\b",
)
def _sets_weekday(m: re.Match, ctx: _Context):
    word = m["wd1"] or m["wd2"] or m["wd3"]
    part = m["part1"] or m["part2"] or m["part3"]
    weekday = WEEKDAYS[word.lower()]
    value = f"XXXX-WXX-{weekday}"
    if part:
        value += "T" + PARTS_OF_DAY[part.lower().rstrip("s")]
    return "SET", value, f"every {WEEKDAY_NAMES[weekday]}"


def _after_an_amount(token: Token) -> bool:
    """True when one of the two words before ``token`` is a number or a percent ("8% annually")."""
    before = token.doc[max(0, token.i - 2) : token.i]
    if len(before) and before[-1].lower_ == "times":
        return False  # "three times weekly" counts how often
    return any(t.like_num or t.text == "%" or t.ent_type_ in ("MONEY", "PERCENT", "QUANTITY") for t in before)


def _names_a_paper(word: Token) -> bool:
    """Whether "daily", "weekly" or "monthly" describes the paper named after it ("the party daily
    Granma", "the weekly Kestrel Post"): a capitalised name that is not a weekday or a month follows."""
    after = word.nbor(1) if word.i + 1 < len(word.doc) else None
    return (
        after is not None
        and after.pos_ == "PROPN"
        and after.is_title
        and after.lower_ not in WEEKDAYS
        and after.lower_.rstrip(".") not in MONTHS
    )


@_rule(
    "sets",
    r"\b(?:(?P<word>daily|weekly|monthly|annually|yearly|hourly|nightly|biweekly)|(?:every|each|per|a)\s+(?P<other>other\s+)?(?P<unit>second|minute|hour|day|week|month|quarter|year|morning|evening|night|summer|winter|spring|fall|autumn)|(?:every|each)\s+(?P<mon>January|February|March|April|May|June|July|August|September|October|November|December))\b",
)
def _sets(m: re.Match, ctx: _Context):
    if m["word"]:
        word = m["word"].lower()
        token = ctx.token_at(m.start())
        # "the party daily", "average daily volume": a newspaper or a statistic, not a repeated time
        if (
            word in ("weekly", "monthly", "daily")
            and token is not None
            and (token.pos_ in ("PROPN", "NOUN") or (token.i > 0 and token.nbor(-1).lower_ == "average"))
        ):
            return None
        if token is not None and _after_an_amount(token):
            return None  # "8% annually", "10,000 units yearly": a rate, as "$2 million a year" is
        if word in ("weekly", "monthly", "daily") and token is not None and _names_a_paper(token):
            return None
        return "SET", SET_WORDS[word], f"“{word}”: a repeated time"
    if m["mon"]:
        return "SET", f"XXXX-{MONTHS[m['mon'].lower()]:02d}", "every year in that month"
    unit = m["unit"].lower()
    lead = m.group(0).split()[0].lower()
    if lead == "a" and unit in (
        "morning",
        "evening",
        "night",
        "summer",
        "winter",
        "spring",
        "fall",
        "autumn",
    ):
        return None
    if lead in ("a", "per"):
        # "twice a week" is a repeated time; "$2 million a year" is a rate, not a time expression
        token = ctx.token_at(m.start())
        prev = token.nbor(-1) if token is not None and token.i > 0 else None
        if prev is None or prev.lower_ not in ("once", "twice", "thrice", "times"):
            return None
    if unit in PARTS_OF_DAY:
        return "SET", f"XXXX-XX-XXT{PARTS_OF_DAY[unit]}", "every " + unit
    if unit in SEASONS:
        return "SET", f"XXXX-{SEASONS[unit]}", "every " + unit
    amount = 2 if m["other"] else 1
    return "SET", _duration(amount, unit), f"every {'other ' if m['other'] else ''}{unit}"
