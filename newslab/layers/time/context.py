"""The calendar context of a time expression (publication date, tense, the last date the story named) and the rule decorator."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from newslab.layers.time.vocabulary import MONTHS, SMALL_NUMBERS, TIME_UNITS, UNITS

if TYPE_CHECKING:
    from spacy.tokens import Token


# ------------------------------------------------------------------------------ the context


@dataclass
class _Context:
    """What normalisation needs: the publication date, the parse, and what the text said before."""

    dct: dt.date | None
    doc: Any
    text: str
    last_quarter: tuple[int, int] | None = None  # (year, quarter) mentioned most recently
    last_quarter_at: int = -(10**9)  # where it was mentioned
    last_date: dt.date | None = None
    last_year: int | None = None  # the year of the last DATE or TIME that named one
    last_month: tuple[int, int] | None = None  # (year, month) of the last DATE or TIME that named a month

    def token_at(self, offset: int) -> Token | None:
        if self.doc is None:
            return None
        span = self.doc.char_span(offset, offset + 1, alignment_mode="expand")
        return span[0] if span is not None and len(span) else None

    def tense_of_verb_before(self, offset: int) -> str | None:
        """ "past" when the word at ``offset`` directly follows a past-tense verb ("said Monday",
        "announced on Friday"), whatever the parse attached it to; otherwise ``None``."""
        token = self.token_at(offset)
        if token is None or token.i == 0:
            return None
        before = token.nbor(-1)
        if before.lower_ == "on" and before.i > 0:
            before = before.nbor(-1)
        return "past" if before.tag_ == "VBD" else None

    def tense(self, offset: int) -> str:
        """ "past", "present", "future" or "unknown": the tense of the clause the word at ``offset`` is in."""
        token = self.token_at(offset)
        if token is None:
            return "unknown"
        verb = token
        for _ in range(6):
            if verb.pos_ in ("VERB", "AUX") or verb.head is verb:
                break
            verb = verb.head
        if verb.pos_ not in ("VERB", "AUX"):
            return "unknown"
        auxes = [child for child in verb.children if child.dep_ in ("aux", "auxpass")]
        words = {a.lower_ for a in auxes} | ({verb.lower_} if verb.pos_ == "AUX" else set())
        if words & {"will", "'ll", "’ll", "shall", "wo"}:
            return "future"
        # "would leave Tuesday", "could come Thursday"; "is to resume Monday", "scheduled to close Monday"
        if verb.tag_ in ("VB", "VBG") and words & {"would", "could", "might", "may", "should", "must", "can"}:
            return "future"
        if verb.lemma_ in ("plan", "schedule", "intend") or (
            verb.dep_ == "xcomp" and verb.head.lemma_ in ("plan", "schedule", "set", "expect", "intend")
        ):
            return "future"
        if verb.tag_ == "VB" and "to" in words and verb.head is not verb:
            # "appeared to backtrack on Sunday" takes the tense of "appeared"
            head = verb.head
            if head.tag_ in ("VBD", "VBN"):
                return "past"
            if head.tag_ in ("VBZ", "VBP") and head.lemma_ == "be":
                return "future"
        if verb.lower_ == "going" and any(c.tag_ == "VB" for c in verb.subtree if c.i > verb.i):
            return "future"
        tags = {verb.tag_} | {a.tag_ for a in auxes}
        if "VBD" in tags or verb.tag_ == "VBN":
            return "past"
        if tags & {"VBZ", "VBP"}:
            return "present"
        return "unknown"


def _nearest_year(month: int, day: int, dct: dt.date, tense: str = "unknown") -> int:
    """The year that puts this month and day nearest the publication date, within the tense's side."""
    options = []
    for year in (dct.year - 1, dct.year, dct.year + 1):
        date = dt.date(year, month, min(day, 28) if month == 2 else day)
        options.append((abs((date - dct).days), year, date))
    if tense == "past":
        options = [o for o in options if o[2] <= dct + dt.timedelta(days=1)] or options
    elif tense == "future":
        options = [o for o in options if o[2] >= dct - dt.timedelta(days=1)] or options
    return min(options)[1]


# How far ahead of the publication date a past-tense verb may still place a date named without a
# year: nearer dates can be reported plans ("said the vote was set for Dec. 1"); later ones are last year's.
PAST_REACH = dt.timedelta(days=120)


def _month_year_for(month: int, dct: dt.date, tense: str = "unknown", day: int = 15) -> int:
    """The year of a month named without one ("in March"): the nearest such month to the publication date,
    moved back into the publication year when the verb's tense says the other side.

    News names months near the date it is published; a past tense ("closed in March") picks the
    publication year's month over a nearer one in the next year, and last year's over one more than
    four months ahead.
    """
    year = _nearest_year(month, day, dct)
    same = dt.date(dct.year, month, min(day, 28) if month == 2 else day)
    if tense == "past" and year > dct.year and same <= dct:
        return dct.year
    if tense == "past" and dt.date(year, month, min(day, 28)) > dct + PAST_REACH:
        return year - 1  # "closed in October" in a story of May: last October
    if tense == "future" and year < dct.year and same >= dct:
        return dct.year
    return year


def _year_for_month(month: int, dct: dt.date, direction: str) -> int:
    if direction == "future":
        return dct.year if month >= dct.month else dct.year + 1
    return dct.year if month <= dct.month else dct.year - 1


def _weekday_date(weekday: int, dct: dt.date, direction: str, *, strict: bool = False) -> dt.date:
    """The nearest date with this weekday before (or after, for the future) the publication date."""
    delta = (dct.isoweekday() - weekday) % 7
    if direction == "future":
        ahead = (weekday - dct.isoweekday()) % 7
        if strict and ahead == 0:
            ahead = 7
        return dct + dt.timedelta(days=ahead)
    if strict and delta == 0:
        delta = 7
    return dct - dt.timedelta(days=delta)


def _week(day: dt.date) -> str:
    iso = day.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"


def _quarter_of(day: dt.date) -> int:
    return (day.month - 1) // 3 + 1


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _number(words: str) -> float | None:
    """The number a phrase such as "three", "twenty-four", "24", "a couple of" stands for."""
    words = re.sub(r"\s+", " ", words.strip().lower()).replace("-and-a-half", " and a half")
    if not words:
        return None
    if words in SMALL_NUMBERS:
        return SMALL_NUMBERS[words]
    half = 0.0
    if words.endswith(" and a half"):
        half, words = 0.5, words[: -len(" and a half")]
    match = re.fullmatch(r"(\d+(?:\.\d+)?)(?: (\d)/(\d))?", words)
    if match:
        value = float(match.group(1))
        if match.group(2):
            value += int(match.group(2)) / int(match.group(3))
        return value + half
    total = 0
    for part in re.split(r"[- ]", words):
        if part in ("and", ""):
            continue
        if part not in SMALL_NUMBERS:
            return None
        number = SMALL_NUMBERS[part]
        total = total * number if number in (100, 1000) and total else total + number
    return total + half


def _duration(amount: float | None, unit: str) -> str:
    """A TIMEX3 duration value: (3, "day") → "P3D", (2, "hour") → "PT2H", (None, "year") → "PXY"."""
    unit = unit.lower().rstrip("s")
    code = UNITS.get(unit, "X")
    if amount is None:
        if code == "DE":
            return "PXDE"
        if code == "CE":
            return "PXC"
        return f"PT{'X'}{code}" if unit in TIME_UNITS else f"PX{code if code != 'WE' else 'WE'}"
    if code == "DE":
        amount, code = amount * 10, "Y"
    elif code == "CE":
        amount, code = amount * 100, "Y"
    elif code == "2W":
        amount, code = amount * 2, "W"
    elif code == "WE":
        amount, code = amount * 2, "D"
    if amount != int(amount) and unit == "minute":
        whole, rest = int(amount), round((amount - int(amount)) * 60)
        return f"PT{whole}M{rest}S" if whole else f"PT{rest}S"
    if amount != int(amount):
        smaller = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("H", 24), "H": ("M", 60)}
        if code in smaller and unit not in ("minute",):
            lower, factor = smaller[code]
            whole, rest = int(amount), round((amount - int(amount)) * factor)
            time_part = unit in TIME_UNITS or lower == "H"
            if code == "H":
                return f"PT{whole}H{rest}M" if whole else f"PT{rest}M"
            if time_part:
                return f"P{whole}DT{rest}H" if whole else f"PT{rest}H"
            return f"P{whole}{code}{rest}{lower}" if whole else f"P{rest}{lower}"
    amount_text = str(int(amount)) if amount == int(amount) else str(amount)
    return f"PT{amount_text}{code}" if unit in TIME_UNITS else f"P{amount_text}{code}"


# Words after which a weekday or a month is a date even when a capitalised name follows it.
_TIME_PREPOSITIONS = {
    "on", "in", "late", "early", "since", "until", "till", "by", "during", "before", "after", "from",
    "through", "throughout",
}  # fmt: skip


def _after_a_time_preposition(token: Token) -> bool:
    """Whether the word before ``token`` is one such as "on", "in" or "since" that introduces a date."""
    return token.i > 0 and token.nbor(-1).lower_ in _TIME_PREPOSITIONS


_A_MONTH = dt.timedelta(days=31)


def _date_or_month_end(year: int, month: int, day: int) -> dt.date:
    """The date, or the last day of the month when the day is too large (29 February)."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return dt.date(year, month, 28)


def _relative_unit(unit: str, shift: int, ctx: _Context, where: int) -> tuple[str, str]:
    """Value for this/last/next + unit: year, month, week, quarter, weekend, decade."""
    unit = unit.lower()
    if ctx.dct is None:
        blank = {"year": "XXXX", "month": "XXXX-XX", "week": "XXXX-WXX", "quarter": "XXXX-QX",
                 "weekend": "XXXX-WXX-WE", "decade": "XXX", "century": "XX"}.get(unit, "XXXX")  # fmt: skip
        return blank, _no_dct(f"this {unit}")
    dct = ctx.dct
    note = f"counted from the publication date {dct.isoformat()}"
    if unit == "year":
        return f"{dct.year + shift:04d}", note
    if unit == "month":
        year, month = _shift_month(dct.year, dct.month, shift)
        return f"{year:04d}-{month:02d}", note
    if unit == "week":
        return _week(dct + dt.timedelta(weeks=shift)), note
    if unit == "weekend":
        saturday = dct + dt.timedelta(days=(6 - dct.isoweekday()))
        if shift == 0 and dct.isoweekday() < 6 and ctx.tense(where) != "future":
            saturday -= dt.timedelta(days=7)
        if shift < 0:
            saturday = dct - dt.timedelta(days=(dct.isoweekday() + 1) % 7 or 7)
        if shift > 0:
            saturday = dct + dt.timedelta(days=(6 - dct.isoweekday()) % 7 or 7)
        return _week(saturday) + "-WE", note
    if unit == "quarter":
        year, month = _shift_month(dct.year, (_quarter_of(dct) - 1) * 3 + 1, 3 * shift)
        return f"{year:04d}-Q{(month - 1) // 3 + 1}", note
    if unit == "decade":
        return f"{(dct.year // 10 + shift):03d}", note
    if unit == "century":
        return f"{(dct.year // 100 + shift):02d}", note
    return "XXXX", note


# ------------------------------------------------------------------------------ rules

Handler = Callable[[re.Match, _Context], tuple[str, str, str] | None]
Rule = tuple[str, re.Pattern, Handler]


def _rule(name: str, pattern: str, flags: int = re.IGNORECASE):
    """Give a rule's handler its name and pattern (``handler.rule``); ``rules.RULES`` sets the order."""

    def register(handler: Handler) -> Handler:
        handler.rule = (name, re.compile(pattern, flags), handler)
        return handler

    return register


def _no_dct(what: str) -> str:
    return f"no publication date, so {what} cannot be placed on the calendar"


def _month_number(word: str) -> int | None:
    return MONTHS.get(word.lower().rstrip(".").strip())


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _spoken_year(words: str) -> int | None:
    words = re.sub(r"\s+", " ", words.lower().replace("-", " ")).strip()
    if words.startswith("the year "):
        words = words[len("the year ") :]
    match = re.fullmatch(r"(nineteen|twenty) (.+)", words)
    if match:
        rest = _number(match.group(2))
        if rest is not None and rest < 100 and match.group(2) not in ("hundred",):
            return (19 if match.group(1) == "nineteen" else 20) * 100 + int(rest)
    match = re.fullmatch(r"two thousand(?: and)?(?: (.+))?", words)
    if match:
        rest = _number(match.group(1)) if match.group(1) else 0
        if rest is not None and rest < 100:
            return 2000 + int(rest)
    return None
