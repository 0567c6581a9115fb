"""Time expressions: find them in a text and give each one a TIMEX3 type and value.

A *time expression* is a stretch of text that names a time: "Sunday morning", "2016", "last
week", "three days", "every day". TimeML's TIMEX3 standard gives each one

- a **type**: ``DATE`` (a calendar date or period: ``2017-07-09``, ``2016``, ``2017-W28``,
  ``2017-Q3``, ``2017-SU``), ``TIME`` (a time of day: ``2017-07-09TMO`` is "Sunday morning",
  ``2017-07-09T14:30``), ``DURATION`` (a length of time: ``P3D`` is three days, ``PT2H`` two
  hours, ``PXY`` "years") or ``SET`` (a repeated time: ``P1D`` daily, ``XXXX-WXX-1`` every Monday);
- a **value** that places it on the calendar. Words such as "yesterday" or "Sunday" only get a
  calendar value through the *publication date*: a story published on Monday 2017-07-10 that
  says "on Sunday" means 2017-07-09. Without a publication date such values stay
  underspecified (``XXXX-WXX-7`` is "a Sunday") and the timex's ``note`` says why.

The extent follows TimeML: a leading preposition is not part of it ("on Sunday" → "Sunday"),
modifiers such as "early", "late" or "nearly" are.

This module works with plain rules (regular expressions and small tables) over the text and
uses the spaCy parse only to check a word's part of speech and the tense of its clause.

Example:
    >>> from newslab import Article
    >>> article = Article.from_text("Trump tweeted on Sunday morning.", published="2017-07-10")
    >>> [(t.text, t.type, t.value) for t in find_timexes(article, parse(article))]
    [('Sunday morning', 'TIME', '2017-07-09TMO')]
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from newslab.article import Article

TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET")


@dataclass(frozen=True)
class Timex:
    """A time expression: ``article.text[start:end] == text``.

    Attributes:
        start, end: character offsets in the article's text.
        text: the words of the expression, without a leading preposition.
        type: ``DATE``, ``TIME``, ``DURATION`` or ``SET``.
        value: the TIMEX3 value, such as ``2017-07-09TMO`` or ``P3D``.
        note: in plain words, how the value was worked out.
    """

    start: int
    end: int
    text: str
    type: str
    value: str
    note: str = ""

    def to_json(self) -> dict:
        """The timex as a JSON-ready dict: start, end, text, type, value and note."""
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "type": self.type,
            "value": self.value,
            "note": self.note,
        }


# ---------------------------------------------------------------------------------- small tables

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS = {
    "monday": 1, "mon": 1, "tuesday": 2, "tue": 2, "tues": 2, "wednesday": 3, "wed": 3,
    "thursday": 4, "thu": 4, "thur": 4, "thurs": 4, "friday": 5, "fri": 5, "saturday": 6,
    "sat": 6, "sunday": 7, "sun": 7,
}  # fmt: skip
WEEKDAY_NAMES = ("", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
PARTS_OF_DAY = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
    "midmorning": "MO", "mid-morning": "MO", "midafternoon": "AF", "mid-afternoon": "AF",
    "mid morning": "MO", "mid afternoon": "AF",
}  # fmt: skip
UNITS = {
    "second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W", "weekend": "WE",
    "fortnight": "2W", "month": "M", "quarter": "Q", "year": "Y", "decade": "DE", "century": "CE",
    "centurie": "CE",
}  # fmt: skip
TIME_UNITS = {"second", "minute", "hour"}
SMALL_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "a hundred": 100, "one hundred": 100, "thousand": 1000, "a thousand": 1000,
    "a dozen": 12, "dozen": 12, "a couple of": 2, "couple of": 2, "a couple": 2, "half a": 0.5,
    "a half": 0.5, "half": 0.5,
}  # fmt: skip
VAGUE_NUMBERS = ("several", "a few", "few", "many", "some", "numerous", "a number of", "countless")
ORDINALS = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11,
    "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
    "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "twenty-first": 21,
}  # fmt: skip
SET_WORDS = {
    "daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y",
    "hourly": "PT1H", "nightly": "XXXX-XX-XXTNI", "biweekly": "P2W", "semiannually": "P6M",
}  # fmt: skip
# Fixed-date holidays (month, day) and holidays on the n-th weekday of a month (month, weekday, n).
HOLIDAYS_FIXED = {
    "christmas day": (12, 25), "christmas eve": (12, 24), "christmas": (12, 25),
    "new year's day": (1, 1), "new year's eve": (12, 31), "independence day": (7, 4),
    "the fourth of july": (7, 4), "july fourth": (7, 4), "halloween": (10, 31),
    "valentine's day": (2, 14), "veterans day": (11, 11), "boxing day": (12, 26),
}  # fmt: skip
HOLIDAYS_NTH = {
    "thanksgiving day": (11, 4, 4), "thanksgiving": (11, 4, 4), "labor day": (9, 1, 1),
    "memorial day": (5, 1, -1), "martin luther king day": (1, 1, 3), "presidents' day": (2, 1, 3),
    "election day": (11, 2, 1),
}  # fmt: skip
REFS = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "current": "PRESENT_REF", "nowadays": "PRESENT_REF",
    "these days": "PRESENT_REF", "at present": "PRESENT_REF", "the present": "PRESENT_REF",
    "present-day": "PRESENT_REF", "recently": "PAST_REF", "recent": "PAST_REF", "lately": "PAST_REF",
    "previously": "PAST_REF", "formerly": "PAST_REF", "the past": "PAST_REF", "in the past": "PAST_REF",
    "once": "PAST_REF", "the future": "FUTURE_REF", "future": "FUTURE_REF", "soon": "FUTURE_REF",
    "the near future": "FUTURE_REF", "shortly": "FUTURE_REF",
}  # fmt: skip
REF_WORDS = {
    "PRESENT_REF": "the present",
    "PAST_REF": "some time in the past",
    "FUTURE_REF": "some time to come",
}

# ------------------------------------------------------------------------------ regex building


def _alt(words) -> str:
    return "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in words), key=len, reverse=True))


_MONTH = r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)"
_WEEKDAY_ABBR = r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\."
_YEAR = r"(?:1[5-9]\d\d|20\d\d)"
_DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])"
_ORD_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_UNITS_W = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_TEENS = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
_NUMWORD = rf"(?:{_TENS}(?:[-\s]{_UNITS_W})?|{_TEENS}|{_UNITS_W})"
_NUMBER = (
    rf"(?:\d+(?:\.\d+)?(?:\s+\d/\d)?|(?:a\s+|one\s+)?hundred|(?:a\s+|one\s+)?thousand|{_NUMWORD}(?:\s+and\s+a\s+half)?"
    r"|a\s+couple\s+of|a\s+couple|couple\s+of|a\s+dozen|dozens\s+of|half\s+a|an?)"
)
_VAGUE = r"(?:several|a\s+few|few|many|some|numerous|a\s+number\s+of)"
_UNIT = r"(?:second|minute|hour|day|week|weekend|fortnight|month|quarter|year|decade|centur(?:y|ie))"
_APPROX = (
    r"(?:around|nearly|roughly|approximately|some|(?:no\s+)?more\s+than|(?:no\s+)?less\s+than|fewer\s+than|"
    r"up\s+to|at\s+least|at\s+most|well\s+over|close\s+to|the\s+better\s+part\s+of)"
)
_PART = r"(?:morning|afternoon|evening|night|overnight|mid[-\s]?morning|mid[-\s]?afternoon)"
_SEASON = r"(?:spring|summer|fall|autumn|winter)"
_CLOCK = (
    r"(?:(?:[01]?\d|2[0-3])(?::[0-5]\d)?\s*(?:a\.?\s?m\.?|p\.?\s?m\.?)(?![a-z])|(?:[01]?\d|2[0-3]):[0-5]\d"
    r"|noon|midday|midnight|(?:[01]?\d)\s+o'clock)"
)
_ZONE = r"(?:\s+(?:EDT|EST|CDT|CST|MDT|MST|PDT|PST|GMT|BST|UTC|CET|CEST|local\s+time|Eastern(?:\s+time)?))?"
_DAYWORD = rf"(?:{_WEEKDAY}|today|tonight|yesterday|tomorrow)"
_EDGE = r"(?:early|late|mid-?|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|the\s+turn\s+of)"

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

    def token_at(self, offset: int) -> Token | None:
        if self.doc is None:
            return None
        span = self.doc.char_span(offset, offset + 1, alignment_mode="expand")
        return span[0] if span is not None and len(span) else None

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
    words = re.sub(r"\s+", " ", words.strip().lower())
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


# ------------------------------------------------------------------------------ rules

Handler = Callable[[re.Match, _Context], tuple[str, str, str] | None]
_RULES: list[tuple[str, re.Pattern, Handler]] = []


def _rule(name: str, pattern: str, flags: int = re.IGNORECASE):
    def register(handler: Handler) -> Handler:
        _RULES.append((name, re.compile(pattern, flags), handler))
        return handler

    return register


def _no_dct(what: str) -> str:
    return f"no publication date, so {what} cannot be placed on the calendar"


def _month_number(word: str) -> int | None:
    return MONTHS.get(word.lower().rstrip(".").strip())


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _day_of(match: re.Match, ctx: _Context, group: str) -> tuple[str, str]:
    """Resolve a day word (weekday, today, yesterday…) to a value and a note."""
    word = match.group(group).lower()
    if word in ("today", "tonight"):
        if ctx.dct is None:
            return "XXXX-XX-XX", _no_dct(f"“{word}”")
        return ctx.dct.isoformat(), f"“{word}” is the publication date"
    if word in ("yesterday", "tomorrow"):
        if ctx.dct is None:
            return "XXXX-XX-XX", _no_dct(f"“{word}”")
        day = ctx.dct + dt.timedelta(days=-1 if word == "yesterday" else 1)
        return day.isoformat(), f"“{word}” counted from the publication date {ctx.dct.isoformat()}"
    weekday = WEEKDAYS[word.rstrip(".")]
    if ctx.dct is None:
        return f"XXXX-WXX-{weekday}", _no_dct(f"the {WEEKDAY_NAMES[weekday]}")
    modifier = re.sub(r"\s+", " ", (match.groupdict().get("mod") or "").lower())
    modifier = {
        "the previous": "last",
        "the following": "next",
        "this coming": "coming",
        "this past": "past",
    }.get(modifier, modifier)
    direction = ctx.tense(match.start(group))
    if modifier in ("next", "coming"):
        direction = "future"
    elif modifier in ("last", "past"):
        direction = "past"
    day = _weekday_date(weekday, ctx.dct, direction, strict=bool(modifier in ("last", "next")))
    side = "on or after" if direction == "future" else "on or before"
    if modifier in ("last", "next"):
        side = "after" if direction == "future" else "before"
    reason = "the verb points to the future" if direction == "future" else "the story tells of the past"
    note = f"the {WEEKDAY_NAMES[weekday]} {side} the publication date {ctx.dct.isoformat()} ({reason})"
    return day.isoformat(), note


@_rule("iso", r"\b(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")
def _iso(m: re.Match, ctx: _Context):
    try:
        day = dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return None
    return "DATE", day.isoformat(), "a full date"


@_rule("slash", r"(?<![\d/])(?P<m>[01]?\d)/(?P<d>[0-3]?\d)/(?P<y>\d{4}|\d{2})(?![\d/])")
def _slash(m: re.Match, ctx: _Context):
    year = int(m["y"])
    year = year + (1900 if year >= 50 else 2000) if year < 100 else year
    try:
        day = dt.date(year, int(m["m"]), int(m["d"]))
    except ValueError:
        return None
    return "DATE", day.isoformat(), "a full date written month/day/year"


@_rule(
    "month_day",
    rf"(?:(?P<wd>{_WEEKDAY}|{_WEEKDAY_ABBR}),?\s+)?(?:(?P<edge>early|late|mid-?)\s*)?(?P<mon>{_MONTH})\s+(?P<d>{_ORD_DAY})(?![\d:%$])(?!\s*(?:%|percent|per\s+cent|million|billion|points?)\b)"
    rf"(?:(?:,\s*|\s+)(?P<y>{_YEAR})(?![\d%]))?\b",
    0,
)
def _month_day(m: re.Match, ctx: _Context):
    month = _month_number(m["mon"])
    if month is None:
        return None
    if m["mon"].rstrip(".") in ("May", "March") and not m["y"] and not m["wd"]:
        token = ctx.token_at(m.start("mon"))
        if token is not None and token.tag_ in ("MD", "VB", "VBP", "VBZ"):
            return None
    day = int(re.match(r"\d+", m["d"]).group())
    if m["y"]:
        year = int(m["y"])
        note = "a full date"
    elif ctx.dct is not None:
        year = _nearest_year(month, day, ctx.dct)
        note = f"the year that puts the date nearest the publication date {ctx.dct.isoformat()}"
    else:
        return "DATE", f"XXXX-{month:02d}-{day:02d}", _no_dct("the year of this date")
    try:
        return "DATE", dt.date(year, month, day).isoformat(), note
    except ValueError:
        return None


@_rule(
    "day_month",
    rf"\b(?:(?P<wd>{_WEEKDAY}),?\s+)?(?:the\s+)?(?P<d>{_ORD_DAY})(?:\s+of)?\s+(?P<mon>{_MONTH})(?:,?\s+(?P<y>{_YEAR}))?\b",
    0,
)
def _day_month(m: re.Match, ctx: _Context):
    if m["mon"] == "May" and not m["y"]:
        token = ctx.token_at(m.start("mon"))
        if token is not None and token.tag_ == "MD":
            return None
    if not m["d"][:1].isdigit():
        return None
    return _month_day(m, ctx)


@_rule(
    "month_year",
    rf"(?:(?P<edge>{_EDGE})\s*)?(?P<mon>{_MONTH})(?:,?\s+(?:of\s+)?(?P<y>{_YEAR})|\s+(?P<rel>this|last|next)\s+year)\b",
    0,
)
def _month_year(m: re.Match, ctx: _Context):
    month = _month_number(m["mon"])
    if month is None:
        return None
    if m["y"]:
        return "DATE", f"{int(m['y']):04d}-{month:02d}", "a month and its year"
    if ctx.dct is None:
        return "DATE", f"XXXX-{month:02d}", _no_dct("the year")
    year = ctx.dct.year + {"this": 0, "last": -1, "next": 1}[m["rel"].lower()]
    return (
        "DATE",
        f"{year:04d}-{month:02d}",
        f"the year counted from the publication date {ctx.dct.isoformat()}",
    )


@_rule(
    "month",
    rf"(?:(?P<edge>{_EDGE})\s*|(?P<mod>(?i:last|this|next|past|coming|previous))\s+)?(?P<mon>January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Aug\.|Sept\.|Oct\.|Nov\.|Dec\.)(?![\w-])(?!\s+\d)",
    0,
)
def _month(m: re.Match, ctx: _Context):
    month = _month_number(m["mon"])
    token = ctx.token_at(m.start("mon"))
    if token is not None:
        if token.tag_ in ("MD", "VB", "VBP", "VBZ", "VBD"):
            return None
        if m["mon"] in ("May", "June", "April", "August") and token.ent_type_ == "PERSON" and not m["mod"]:
            return None
        nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
        if nxt is not None and nxt.pos_ == "PROPN" and nxt.ent_type_ in ("PERSON", "ORG") and not m["mod"]:
            return None
    if ctx.dct is None:
        return "DATE", f"XXXX-{month:02d}", _no_dct("the year of this month")
    modifier = (m["mod"] or "").lower()
    if modifier == "this":
        year = ctx.dct.year
    elif modifier in ("last", "past", "previous"):
        year = ctx.dct.year if month < ctx.dct.month else ctx.dct.year - 1
    elif modifier in ("next", "coming"):
        year = ctx.dct.year if month > ctx.dct.month else ctx.dct.year + 1
    else:
        year = _nearest_year(month, 15, ctx.dct, ctx.tense(m.start("mon")))
    return (
        "DATE",
        f"{year:04d}-{month:02d}",
        f"the nearest such month to the publication date {ctx.dct.isoformat()}",
    )


@_rule(
    "clock",
    rf"(?<![\w-])(?:(?P<approx>around|approximately|shortly\s+(?:before|after))\s+)?(?P<clock>{_CLOCK}){_ZONE}"
    rf"(?:,?\s+(?P<day>{_DAYWORD}))?(?:\s+(?P<tail>today|yesterday|tomorrow|tonight))?(?:,?\s+(?P<mon>{_MONTH})\s+(?P<d>{_DAYNUM})(?:,\s+(?P<y>{_YEAR}))?)?(?!\w)",
)
def _clock(m: re.Match, ctx: _Context):
    clock = m["clock"].lower()
    if clock in ("noon", "midday"):
        hh, mm = 12, 0
    elif clock == "midnight":
        hh, mm = 24, 0
    else:
        parts = re.match(r"(\d+)(?::(\d\d))?", clock)
        hh, mm = int(parts.group(1)), int(parts.group(2) or 0)
        if "p" in clock and hh < 12:
            hh += 12
        if re.search(r"a\.?\s?m", clock) and hh == 12:
            hh = 0
    bare = not re.search(r"[ap]\.?\s?m|noon|midday|midnight|o'clock", clock)
    if bare and not m["day"] and not m["tail"] and not re.search(_ZONE.strip("?"), m.group(0)):
        return None  # a bare 14:30 is only a time next to a day word or time zone
    time = "T24:00" if hh == 24 else f"T{hh:02d}:{mm:02d}"
    day_group = "day" if m["day"] else ("tail" if m["tail"] else None)
    if m["mon"]:
        dated = _month_day(m, ctx)
        if dated is None:
            return None
        value, note = dated[1], dated[2]
    elif day_group:
        value, note = _day_of(m, ctx, day_group)
    elif ctx.dct is not None:
        value, note = (ctx.last_date or ctx.dct).isoformat(), "a time of day on the day the story is about"
    else:
        value, note = "XXXX-XX-XX", _no_dct("the day of this time")
    return "TIME", value + time, note


@_rule(
    "day_part",
    rf"\b(?:(?P<mod>last|this|next|early|late|earlier|later)\s+)?(?P<day>{_DAYWORD})(?:\s+|-)(?P<part>{_PART})\b|\b(?P<part0>{_PART})\s+(?P<day0>{_DAYWORD})\b",
)
def _day_part(m: re.Match, ctx: _Context):
    group = "day" if m["day"] else "day0"
    word, part_word = m[group], (m["part"] or m["part0"]).lower()
    part_word = re.sub(r"\s+", " ", part_word)
    if word[:1].islower() and word.lower() not in ("today", "yesterday", "tomorrow", "tonight"):
        return None
    value, note = _day_of(m, ctx, group)
    part = PARTS_OF_DAY[part_word]
    return "TIME", f"{value}T{part}", f"{note}; “{part_word}” → T{part}"


@_rule(
    "this_part",
    r"\b(?:(?:earlier|later)\s+)?(?P<mod>this|last|tomorrow|yesterday)\s+(?P<part>morning|afternoon|evening|night)\b|\b(?P<tonight>tonight|overnight)\b",
)
def _this_part(m: re.Match, ctx: _Context):
    if m["tonight"]:
        part, offset = "NI", 0
        word = m["tonight"].lower()
    else:
        part = PARTS_OF_DAY[m["part"].lower()]
        word = m["mod"].lower()
        offset = {"this": 0, "last": -1, "yesterday": -1, "tomorrow": 1}[word]
        if word == "last" and part != "NI":
            offset = -1
    if ctx.dct is None:
        return "TIME", f"XXXX-XX-XXT{part}", _no_dct(f"“{m.group(0)}”")
    day = ctx.dct + dt.timedelta(days=offset)
    return "TIME", f"{day.isoformat()}T{part}", f"“{m.group(0)}” counted from the publication date"


@_rule(
    "day_word",
    rf"\b(?:(?P<mod>last|this|next|past|coming|early|late|the\s+previous|the\s+following|this\s+coming|this\s+past)\s+)?(?P<day>{_WEEKDAY}|today|yesterday|tomorrow|{_WEEKDAY_ABBR})(?![\w-])",
)
def _day_word(m: re.Match, ctx: _Context):
    word = m["day"]
    if word[:1].islower() and word.lower() not in ("today", "yesterday", "tomorrow"):
        return None
    token = ctx.token_at(m.start("day"))
    if token is not None and word.lower() not in ("today", "yesterday", "tomorrow"):
        nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
        # "Sunday Times", "Sunday shows": a name, or a weekday used to describe a thing
        if nxt is not None and nxt.pos_ == "PROPN" and nxt.is_title and nxt.ent_type_ != "DATE":
            return None
    if word.lower() == "today" and m["mod"]:
        return None
    if m["mod"] and m["mod"].lower() == "this" and word.lower() in ("today", "yesterday", "tomorrow"):
        return None
    value, note = _day_of(m, ctx, "day")
    return "DATE", value, note


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


@_rule(
    "refs",
    r"\b(?P<ref>the\s+near\s+future|the\s+present|the\s+future|present-day|the\s+past(?!\s+(?:\w+\s+)?(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty|several|few|couple|second|minute|hour|day|week|weekend|month|quarter|year|decade|centur|spring|summer|fall|autumn|winter|\w+day\b))|these\s+days|nowadays|currently|recently|lately|(?:right\s+)?now|current)\b",
)
def _refs(m: re.Match, ctx: _Context):
    word = re.sub(r"\s+", " ", m["ref"].lower()).replace("right now", "now")
    token = ctx.token_at(m.start())
    # "current" as an adjective ("the current system"), not "current account" or "the current"
    if (
        word == "current"
        and token is not None
        and (token.pos_ != "ADJ" or token.head.lower_ in ("account", "accounts", "events", "affairs"))
    ):
        return None
    if word == "soon" and token is not None and token.i > 0 and token.nbor(-1).lower_ in ("as", "too", "how"):
        return None
    value = REFS.get(word)
    if value is None:
        return None
    return "DATE", value, f"“{word}” refers to {REF_WORDS[value]}"


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


@_rule(
    "this_unit",
    r"\b(?:(?P<edge>early|late|mid-?)\s*)?(?P<the>the\s+|this\s+)?(?P<mod>this|last|next|past|coming|previous|following|current)\s+(?P<unit>year|month|week|weekend|quarter|decade|century)(?![\w-])",
)
def _this_unit(m: re.Match, ctx: _Context):
    modifier = m["mod"].lower()
    token = ctx.token_at(m.start())
    if m["mod"][:1].isupper() and m["unit"][:1].isupper() and token is not None and not token.is_sent_start:
        return None  # a title such as ABC's "This Week"
    shift = {
        "this": 0,
        "current": 0,
        "last": -1,
        "past": -1,
        "previous": -1,
        "next": 1,
        "coming": 1,
        "following": 1,
    }[modifier]
    unit = m["unit"].lower()
    if modifier in ("past", "previous", "following") and unit != "weekend":
        if modifier == "past" and unit == "year" and ctx.dct is not None:
            return "DATE", f"{ctx.dct.year - 1:04d}", "the past year: the year before the publication date"
        if modifier == "past" and unit in ("month", "week", "decade", "century"):
            return "DURATION", _duration(1, unit), f"a stretch of one {unit} up to the publication date"
    if modifier == "following" or modifier == "previous":
        anchor = ctx.last_date
        if anchor is not None and unit == "year":
            return "DATE", f"{anchor.year + shift:04d}", "one year from the date mentioned before"
    value, note = _relative_unit(unit, shift, ctx, m.start())
    return "DATE", value, note


@_rule(
    "season",
    rf"\b(?:(?P<edge>early|late|mid-?)\s*)?(?:(?P<mod>this\s+past|this|last|next|past|coming)\s+)?(?P<season>{_SEASON})(?:\s+(?:of\s+)?(?P<y>{_YEAR}))?\b",
)
def _season(m: re.Match, ctx: _Context):
    code = SEASONS[m["season"].lower()]
    if m["y"]:
        return "DATE", f"{m['y']}-{code}", f"the {m['season'].lower()} of {m['y']}"
    if not m["mod"]:
        # a bare "spring" or "fall" is too often not a time ("the fall of Rome", "spring water")
        return None
    modifier = m["mod"].lower().split()[-1]
    if ctx.dct is None:
        return "DATE", f"XXXX-{code}", _no_dct(f"“{m.group(0)}”")
    start = SEASON_START[code]
    if modifier == "this":
        year = ctx.dct.year
    elif modifier in ("last", "past"):
        year = ctx.dct.year if ctx.dct.month >= start + 3 else ctx.dct.year - 1
    else:
        year = ctx.dct.year if ctx.dct.month < start else ctx.dct.year + 1
    return "DATE", f"{year:04d}-{code}", f"the {m['season'].lower()} nearest the publication date"


@_rule(
    "season_of",
    rf"\b(?:the\s+)?(?P<season>{_SEASON})\s+of\s+(?P<y>{_YEAR}|(?:nineteen|twenty)[\s-]+{_NUMWORD})\b",
)
def _season_of(m: re.Match, ctx: _Context):
    year = m["y"]
    if not year.isdigit():
        parsed = _spoken_year(year)
        if parsed is None:
            return None
        year = str(parsed)
    return "DATE", f"{year}-{SEASONS[m['season'].lower()]}", f"the {m['season'].lower()} of {year}"


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


@_rule(
    "spoken_year",
    rf"\b(?:the\s+year\s+)?(?:nineteen[\s-]+{_NUMWORD}(?:[\s-]+{_UNITS_W})?|two\s+thousand(?:\s+and)?(?:\s+{_NUMWORD})?)\b",
)
def _spoken(m: re.Match, ctx: _Context):
    year = _spoken_year(m.group(0))
    if year is None or not (1900 <= year <= 2099):
        return None
    token = ctx.token_at(m.end() - 1)
    nxt = token.nbor(1) if token is not None and token.i + 1 < len(token.doc) else None
    if nxt is not None and nxt.lower_ in (
        "dollars",
        "people",
        "percent",
        "million",
        "billion",
        "feet",
        "miles",
    ):
        return None
    return "DATE", str(year), "a year said in words"


@_rule(
    "decade",
    r"\b(?:the\s+)?(?:(?P<edge>early|mid-?|late)[\s-]*)?(?P<dec>(?:1[5-9]|20)?\d0)['’]?s\b|(?:the\s+)?(?:(?P<edge2>early|mid-?|late)[\s-]*)?['’](?P<short>\d0)s\b",
)
def _decade(m: re.Match, ctx: _Context):
    if m["dec"]:
        digits = m["dec"]
        if len(digits) == 2:
            digits = ("19" if digits != "00" else "20") + digits
        if len(digits) != 4:
            return None
        token = ctx.token_at(m.start("dec"))
        if token is not None and token.i > 0 and token.nbor(-1).text in ("$", "£", "€"):
            return None
    else:
        digits = ("19" if m["short"] != "00" else "20") + m["short"]
    return "DATE", digits[:3], f"the decade {digits[:3]}0–{digits[:3]}9"


@_rule(
    "century",
    r"\b(?:the\s+)?(?P<n>\d{1,2})(?:st|nd|rd|th)\s+century\b|\b(?:the\s+)?(?P<w>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first)\s+century\b",
)
def _century(m: re.Match, ctx: _Context):
    number = int(m["n"]) if m["n"] else ORDINALS[m["w"].lower()]
    return "DATE", f"{number - 1:02d}", f"the {number}th century"


@_rule(
    "year",
    rf"\b(?:(?P<edge>{_EDGE})\s*|(?P<fiscal>(?:the\s+)?fiscal(?:\s+year)?|(?:the\s+)?calendar(?:\s+year)?|FY|the\s+year|(?:the\s+)?(?:spring|summer|fall|autumn|winter)\s+of)\s*)?(?P<year>{_YEAR})(?![\d%$-]|['’]?s\b|,\d|\.\d|\s*(?:%|percent|per\s+cent))\b",
)
def _year(m: re.Match, ctx: _Context):
    if ctx.text[max(0, m.start("year") - 1) : m.start("year")] in ("$", "£", "€", "#"):
        return None
    token = ctx.token_at(m.start("year"))
    if token is not None:
        if token.i > 0 and token.nbor(-1).text in (
            "$",
            "£",
            "€",
            "#",
            "No.",
            "no.",
            "No",
            "Flight",
            "flight",
        ):
            return None
        nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
        if nxt is not None and nxt.lower_ in (
            "shares", "people", "troops", "points", "feet", "miles", "acres", "dollars", "members",
            "employees", "jobs", "units", "tons", "barrels", "votes", "cars", "homes", "pounds",
        ):  # fmt: skip
            return None
        if token.ent_type_ in ("MONEY", "QUANTITY", "PERCENT") and not m["fiscal"]:
            return None
    year = int(m["year"])
    fiscal = (m["fiscal"] or "").lower()
    season = re.search(_SEASON, fiscal)
    if season:
        return "DATE", f"{year}-{SEASONS[season.group(0)]}", f"the {season.group(0)} of {year}"
    return "DATE", str(year), "a year"


@_rule(
    "quarter",
    r"\b(?:(?P<the>the|this\s+year's|last\s+year's|next\s+year's)\s+)?(?:(?P<latest>latest|current|most\s+recent|previous|past|year-ago|year-earlier|same|comparable|comparable\s+year-ago|comparable\s+year-earlier)\s+)?(?:(?P<y0>1[5-9]\d\d|20\d\d)\s+)?(?P<fiscal>fiscal[\s-]+)?(?:(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final|last)[\s-]+)?(?P<unit>quarter|half|period)(?:\s+(?:of\s+)?(?P<fiscal2>fiscal\s+)?(?P<y>1[5-9]\d\d|20\d\d))?(?![\w])",
)
def _quarter(m: re.Match, ctx: _Context):
    unit = m["unit"].lower()
    ordinal = (m["ord"] or "").lower()
    latest = re.sub(r"\s+", " ", (m["latest"] or "").lower())
    year0 = m.groupdict().get("y0")
    if unit == "period" and not (latest or m["y"] or year0):
        return None
    if unit == "half" and not ordinal:
        return None
    if not m["the"] and not ordinal and not latest and not m["y"] and not year0:
        return None
    token = ctx.token_at(m.start("unit"))
    if unit == "quarter" and token is not None:
        nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
        if nxt is not None and nxt.lower_ in ("of", "-") and not m["y"] and not ordinal:
            return None  # "a quarter of the shares"
    number = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}.get(
        ordinal
    )
    if ordinal in ("final", "last"):
        number = 4 if unit == "quarter" else 2
    if m["y"] or year0:
        year = int(m["y"] or year0)
        if unit == "period" and number is None:
            if ctx.last_quarter:
                number = ctx.last_quarter[1]
            else:
                return "DATE", str(year), "a period of that year"
    elif m["the"] and m["the"].lower().startswith("next"):
        year = ctx.dct.year + 1 if ctx.dct else None
    elif m["the"] and m["the"].lower().startswith("last"):
        year = ctx.dct.year - 1 if ctx.dct else None
    elif latest in ("year-ago", "year-earlier", "same", "comparable") and ctx.last_quarter:
        year = ctx.last_quarter[0] - 1
        number = number or ctx.last_quarter[1]
    elif ctx.last_quarter and number is None and latest not in ("latest", "most recent"):
        year, number = ctx.last_quarter
    elif ctx.dct is not None:
        current = _quarter_of(ctx.dct)
        if number is None:
            number = current - 1 or 4
            year = ctx.dct.year if current > 1 else ctx.dct.year - 1
            if latest in ("year-ago", "year-earlier", "same", "comparable"):
                year -= 1
        elif unit == "half":
            year = ctx.dct.year if (number - 1) * 6 + 1 <= ctx.dct.month else ctx.dct.year - 1
        else:
            year = ctx.dct.year if number <= current or ctx.tense(m.start()) == "future" else ctx.dct.year - 1
    else:
        year = None
    if unit == "period" and number is None and ctx.last_quarter is None:
        return None
    code = "H" if unit == "half" else "Q"
    value = f"{year:04d}-{code}{number or 'X'}" if year else f"XXXX-{code}{number or 'X'}"
    if (
        unit != "half"
        and latest not in ("year-ago", "year-earlier", "same", "comparable")
        and year
        and number
    ):
        ctx.last_quarter = (year, number)
        ctx.last_quarter_at = m.start()
    note = "a quarter of the (business) year" if code == "Q" else "a half of the year"
    if not year:
        note = _no_dct("this quarter")
    if m["the"] and m["ord"] and ctx.text[m.end("ord") : m.start("unit")] == "-":
        return "DATE", value, note, m.start("ord")  # "the third-quarter profit": "the" belongs to "profit"
    return "DATE", value, note


@_rule(
    "quarter_adj",
    r"\b(?P<the>)(?P<latest>)(?P<y0>)(?P<y>)(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)-(?P<unit>quarter|half)\b",
)
def _quarter_adj(m: re.Match, ctx: _Context):
    return _quarter(m, ctx)


@_rule("year_ago_adj", r"\b(?P<w>year-ago|year-earlier|a\s+year\s+(?:earlier|ago|before))\b")
def _year_ago_adj(m: re.Match, ctx: _Context):
    if ctx.last_quarter and m.start() - ctx.last_quarter_at < 400:
        year, quarter = ctx.last_quarter
        return "DATE", f"{year - 1:04d}-Q{quarter}", "the same quarter one year before the one just named"
    anchor = ctx.last_date if "earlier" in m["w"] or "before" in m["w"] else None
    if anchor is not None:
        return "DATE", f"{anchor.year - 1:04d}", "one year before the date just named"
    if ctx.dct is None:
        return "DATE", "XXXX", _no_dct("“a year ago”")
    return "DATE", f"{ctx.dct.year - 1:04d}", "one year before the publication date"


@_rule(
    "ago",
    rf"\b(?:(?P<approx>{_APPROX})\s+)?(?P<n>{_NUMBER}|{_VAGUE})[\s-]+(?P<unit>{_UNIT})s?\s+(?P<rel>ago|from\s+now|hence)\b",
)
def _ago(m: re.Match, ctx: _Context):
    unit = m["unit"].lower().rstrip("s")
    if unit == "centurie":
        unit = "century"
    amount = _number(m["n"])
    rel = m["rel"].lower()
    if rel in ("before", "after"):
        return None  # "two days before the vote": a duration linked to an event
    if rel in ("earlier", "later"):
        return "DURATION", _duration(amount, unit), "a stretch of time before or after another event"
    sign = -1 if rel == "ago" else 1
    if amount is None:
        return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", "an unspecified time ago"
    if ctx.dct is None:
        return "DATE", "XXXX" if unit in ("year", "decade", "century") else "XXXX-XX-XX", _no_dct("“ago”")
    n = amount
    dct = ctx.dct
    note = f"{m['n']} {unit}(s) {'before' if sign < 0 else 'after'} the publication date {dct.isoformat()}"
    if unit in ("year", "decade", "century"):
        years = n * {"year": 1, "decade": 10, "century": 100}[unit]
        return "DATE", f"{int(dct.year + sign * years):04d}", note
    if unit == "month":
        year, month = _shift_month(dct.year, dct.month, int(sign * n))
        return "DATE", f"{year:04d}-{month:02d}", note
    if unit in ("week", "fortnight"):
        return "DATE", _week(dct + dt.timedelta(weeks=sign * n * (2 if unit == "fortnight" else 1))), note
    if unit == "day":
        return "DATE", (dct + dt.timedelta(days=sign * n)).isoformat(), note
    if unit == "quarter":
        year, month = _shift_month(dct.year, dct.month, int(sign * 3 * n))
        return "DATE", f"{year:04d}-Q{(month - 1) // 3 + 1}", note
    return "TIME", "PAST_REF" if sign < 0 else "FUTURE_REF", note


@_rule(
    "duration",
    rf"\b(?:(?P<the>the)\s+|(?P<art>an?)\s+(?=\S+-))?(?:(?P<mod>past|last|next|coming|first|latest|previous|following|final|initial|remaining|recent|same|entire|whole|full)\s+)?(?:(?P<approx>{_APPROX})\s+)?(?P<n>{_NUMBER})(?:\s+(?:to|or)\s+(?P<n2>{_NUMBER}))?(?P<sep>[\s-]+)(?:(?P<more>more|additional|full|straight|consecutive|long)\s+)?(?P<unit>{_UNIT})s?(?![\w])(?P<old>-old)?(?P<noun>(?<=\w)\s+(?:period|term|span|stretch|window|interval))?(?P<orso>\s+or\s+(?:so|two|three|more))?",
)
def _duration_rule(m: re.Match, ctx: _Context):
    unit = m["unit"].lower()
    if unit.startswith("centur"):
        unit = "century"
    number_text = m["n"]
    amount = _number(number_text)
    if amount is None:
        return None
    if number_text.lower() in ("a", "an") and m["sep"] != " " and "-" in m["sep"]:
        return None
    if unit == "quarter" and ("-" in m["sep"] or ctx.text[m.end() : m.end() + 3] == " of"):
        return None  # "three-quarters of the shares" is a fraction
    if unit == "quarter" and number_text.lower() in ("a", "an", "one") and not m["mod"]:
        return None  # "a quarter of the company"
    if unit == "second" and number_text.lower() in ("a", "one") and not m["mod"]:
        return None
    token = ctx.token_at(m.start("n"))
    if token is not None and token.i > 0 and token.nbor(-1).text in ("$", "£", "€"):
        return None
    if number_text.lower() in ("a", "an") and not m["the"] and not m["mod"] and not m["approx"]:
        # "a year" alone is often a rate ("$1 million a year"): keep it only after a preposition
        prev = token.nbor(-1) if token is not None and token.i > 0 else None
        if prev is not None and (
            prev.like_num
            or prev.lower_ in ("times", "once", "twice", "thrice")
            or prev.tag_ in ("CD", "NNS", "$")
        ):
            return None
        if prev is not None and prev.lower_ in ("per",):
            return None
    if m["old"] or re.match(r"\s+old\b", ctx.text[m.end() : m.end() + 5]):
        return None  # an age ("a 6-year-old boy") is not a time expression in TimeML
    unit_name = unit
    if "-" in m["sep"] and m["noun"] is None and (m["the"] or m["art"]) and not m["mod"]:
        # "the 30-day deadline": "the" belongs to "deadline"
        return "DURATION", _duration(amount, unit_name), "a length of time", m.start("n")
    if "-" not in m["sep"] and m["noun"]:
        return None
    last = ctx.token_at(m.start("mod")) if m["mod"] and m["mod"].lower() == "last" and not m["the"] else None
    if (
        last is not None
        and last.i > 0
        and (last.pos_ == "VERB" or last.nbor(-1).lower_ in ("to", "will", "would", "could", "may", "might"))
    ):
        # "the talks will last over a week": "last" is the verb
        return (
            "DURATION",
            _duration(amount, unit_name),
            "a length of time",
            m.start("approx") if m["approx"] else m.start("n"),
        )
    if unit == "weekend":
        return None
    return "DURATION", _duration(amount, unit_name), f"a length of time: {m.group('n')} {unit}(s)"


@_rule(
    "vague_duration",
    rf"\b(?:(?P<the>the)\s+)?(?:(?P<mod>past|last|next|coming|recent|first)\s+)?(?P<n>{_VAGUE})\s+(?P<unit>seconds|minutes|hours|days|weeks|months|years|decades|centuries)\b",
)
def _vague_duration(m: re.Match, ctx: _Context):
    return "DURATION", _duration(None, _unit_code(m["unit"])), f"an unspecified number of {m['unit'].lower()}"


def _unit_code(plural: str) -> str:
    """The singular unit name of a plural such as "weeks" or "centuries"."""
    singular = plural.lower().rstrip("s")
    return "century" if singular == "centurie" else singular


@_rule(
    "plural_units",
    r"\b(?:(?P<the>the)\s+)?(?P<mod>past|last|next|coming|recent|following|previous|first)?\s*(?P<unit>seconds|minutes|hours|days|weeks|months|years|decades|centuries)(?:\s+(?:or|and|to)\s+(?P<unit2>days|weeks|months|years|decades))?\b",
)
def _plural_units(m: re.Match, ctx: _Context):
    unit = m["unit"].lower()
    token = ctx.token_at(m.start("unit"))
    if not m["mod"]:
        prev = token.nbor(-1) if token is not None and token.i > 0 else None
        if prev is None or prev.lower_ not in (
            "for",
            "over",
            "within",
            "in",
            "after",
            "takes",
            "take",
            "took",
            "lasted",
            "last",
        ):
            return None
        if prev.lower_ in ("in", "after") and unit not in ("years", "decades", "weeks", "months", "days"):
            return None
        nxt = token.nbor(1) if token is not None and token.i + 1 < len(token.doc) else None
        if (nxt is not None and nxt.lower_ in ("of", "'", "’")) or (
            nxt is not None and nxt.lower_ in ("'s", "’s")
        ):
            return None
        if prev.lower_ == "in" and nxt is not None and nxt.lower_ not in (".", ",", ";", "and", "or"):
            return None
    modifier = (m["mod"] or "").lower()
    if not m["the"] and modifier in ("last", "following", "previous", "first"):
        return None
    if modifier in ("recent", "past") and unit == "years" and not m["the"]:
        return "DATE", "PAST_REF", f"{modifier} years: some time in the past"
    if modifier == "coming" and unit in ("months", "years"):
        return "DATE", "FUTURE_REF", f"the coming {unit}: some time to come"
    return "DURATION", _duration(None, _unit_code(unit)), f"an unspecified number of {unit}"


@_rule(
    "named_day",
    rf"\b(?:(?P<mod>last|this|next)\s+)?(?P<name>{_alt(list(HOLIDAYS_FIXED) + list(HOLIDAYS_NTH))})(?:\s+(?P<y>{_YEAR}))?\b",
)
def _named_day(m: re.Match, ctx: _Context):
    name = re.sub(r"\s+", " ", m["name"].lower()).replace("’", "'")
    if not m["name"][:1].isupper() and not m["name"].startswith("the"):
        return None
    if m["y"]:
        year = int(m["y"])
    elif ctx.dct is not None:
        year = ctx.dct.year + {"last": -1, "next": 1}.get((m["mod"] or "").lower(), 0)
    else:
        year = None
    if year is not None and not m["y"] and not m["mod"]:
        dates = [d for d in (_holiday(name, y) for y in (year - 1, year, year + 1)) if d is not None]
        best = min(dates, key=lambda d: abs((d - ctx.dct).days))
        return "DATE", best.isoformat(), f"the {m['name']} nearest the publication date"
    if name in HOLIDAYS_FIXED:
        month, day = HOLIDAYS_FIXED[name]
    else:
        month, weekday, nth = HOLIDAYS_NTH[name]
        if year is None:
            return "DATE", f"XXXX-{month:02d}-XX", _no_dct(f"{m['name']}")
        first = dt.date(year, month, 1)
        if nth > 0:
            day = 1 + (weekday - first.isoweekday()) % 7 + 7 * (nth - 1)
        else:
            last = dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)
            day = last.day - (last.isoweekday() - weekday) % 7
        if name == "election day":
            day = 2 + (1 - dt.date(year, 11, 2).isoweekday()) % 7
    if year is None:
        return "DATE", f"XXXX-{month:02d}-{day:02d}", _no_dct(m["name"])
    return "DATE", f"{year:04d}-{month:02d}-{day:02d}", f"{m['name']} of {year}"


def _holiday(name: str, year: int) -> dt.date | None:
    if name in HOLIDAYS_FIXED:
        return dt.date(year, *HOLIDAYS_FIXED[name])
    month, weekday, nth = HOLIDAYS_NTH[name]
    if name == "election day":
        return dt.date(year, 11, 2 + (1 - dt.date(year, 11, 2).isoweekday()) % 7)
    first = dt.date(year, month, 1)
    if nth > 0:
        return dt.date(year, month, 1 + (weekday - first.isoweekday()) % 7 + 7 * (nth - 1))
    last = dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)


@_rule(
    "misc",
    r"\b(?P<w>year-end|year-to-date|the\s+end\s+of\s+the\s+year|the\s+end\s+of\s+(?:this|last|next)\s+(?:year|month|week)|the\s+current\s+(?:fiscal|calendar)\s+year|earlier\s+this\s+(?:year|month)|later\s+this\s+(?:year|month)|the\s+(?:full|fiscal|calendar|latest|whole|entire|financial)\s+year|the\s+end\s+of\s+the\s+(?:month|week)|that\s+year|the\s+(?:nineteen-|19)?(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)|the\s+year|the\s+day|the\s+week|the\s+weekend|the\s+month|the\s+(?:first|latest|past|last)\s+(?:nine|six|three|twelve)\s+months|the\s+(?:nine|six|three|twelve)\s+months)(?![\w-])",
)
def _misc(m: re.Match, ctx: _Context):
    words = re.sub(r"\s+", " ", m["w"].lower())
    dct = ctx.dct
    if words in ("the day", "the month"):
        return None
    decade = re.search(r"(twen|thir|for|fif|six|seven|eigh|nine)ties", words)
    if decade:
        digit = ["twen", "thir", "for", "fif", "six", "seven", "eigh", "nine"].index(decade.group(1)) + 2
        return "DATE", f"19{digit}", f"the decade 19{digit}0–19{digit}9"
    if words == "that year":
        if ctx.last_date is None:
            return None
        return "DATE", str(ctx.last_date.year), "the year of the date named before"
    if words in (
        "the year",
        "the full year",
        "the fiscal year",
        "the calendar year",
        "the financial year",
        "the whole year",
        "the entire year",
        "the latest year",
    ):
        token = ctx.token_at(m.end() - 1)
        nxt = token.nbor(1) if token is not None and token.i + 1 < len(token.doc) else None
        if nxt is not None and nxt.lower_ in ("before", "after", "earlier", "ago", "that", "when"):
            return None
        if nxt is not None and nxt.lower_ in ("ended", "ending", "through", "to", "since"):
            return "DURATION", "P1Y", "a year-long stretch ending on a date the text gives"
        if dct is None:
            return "DATE", "XXXX", _no_dct("the year")
        year = ctx.last_date.year if ctx.last_date else dct.year
        return "DATE", str(year), "the year the story is about"
    if words == "the week":
        if dct is None:
            return "DATE", "XXXX-WXX", _no_dct("the week")
        return "DATE", _week(dct), "the week of the publication date"
    if words == "the weekend":
        value, note = _relative_unit("weekend", 0, ctx, m.start())
        return "DATE", value, note
    months = re.search(r"(nine|six|three|twelve) months", words)
    if months:
        return "DURATION", f"P{_number(months.group(1)):.0f}M", "a stretch of months"
    if dct is None:
        return "DATE", "XXXX", _no_dct(words)
    if words == "year-end":
        return "DATE", f"{dct.year:04d}-12-31", "the last day of this year"
    if words in ("the end of the year", "the end of this year"):
        return "DATE", f"{dct.year:04d}", "the end of this year"
    if words in ("the end of the month", "the end of the week"):
        unit = words.split()[-1]
        value, note = _relative_unit(unit, 0, ctx, m.start())
        return "DATE", value, note
    if words.startswith("the end of"):
        shift = -1 if "last" in words else 1
        return "DATE", f"{dct.year + shift:04d}", "the end of a year near the publication date"
    if words == "year-to-date":
        return "DURATION", f"P{dct.timetuple().tm_yday}D", "from 1 January to the publication date"
    unit = words.split()[-1]
    value, note = _relative_unit(unit, 0, ctx, m.start())
    return "DATE", value, note


# ------------------------------------------------------------------------------ the tagger


# Every time expression holds one of these: a digit or a word stem from the tables above. The rules
# only run on the stretches of text around them, which makes the tagger several times faster.
_TRIGGER = re.compile(
    r"\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|today|tonight|"
    r"yesterday|tomorrow|now|current|recent|lately|present|future|past|spring|summer|fall|autumn|winter|"
    r"second|minute|hour|day|daily|week|fortnight|month|quarter|half|period|year|decade|centur|annual|"
    r"hourly|nightly|biweekly|semiannual|morning|afternoon|evening|night|overnight|noon|midday|midnight|mid|"
    r"christmas|thanksgiving|new year|independence|halloween|valentine|veterans|boxing|labor|memorial|"
    r"martin luther|presidents|election day|nineteen|thousand|the fourth|july fourth|twen|thir|fort|four|"
    r"fif|six|seven|eigh|nine|these days)",
    re.IGNORECASE,
)
_WINDOW_BEFORE, _WINDOW_AFTER = 80, 100


def _segments(text: str, start: int, end: int, trigger: re.Pattern = _TRIGGER) -> list[tuple[int, int]]:
    """The stretches of text around trigger words, merged where they overlap."""
    segments: list[list[int]] = []
    for match in trigger.finditer(text, start, end):
        left, right = max(start, match.start() - _WINDOW_BEFORE), min(end, match.end() + _WINDOW_AFTER)
        if segments and left <= segments[-1][1]:
            segments[-1][1] = max(segments[-1][1], right)
        else:
            segments.append([left, right])
    return [(left, right) for left, right in segments]


_UNIT_WORDS = r"\b(?:second|minute|hour|day|week|fortnight|month|quarter|year|decade|centur)"
_MONTH_WORDS = r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
_DAY_WORDS = r"\b(?:mon|tue|wed|thu|fri|sat|sun|today|tonight|yesterday|tomorrow)"
# A narrower trigger for the rules whose words are known: a unit for a duration, a month for a date.
_RULE_TRIGGERS = {
    name: re.compile(pattern, re.IGNORECASE)
    for name, pattern in {
        "iso": r"\d-\d", "slash": r"\d/\d", "month_day": _MONTH_WORDS, "day_month": _MONTH_WORDS,
        "month_year": _MONTH_WORDS, "month": _MONTH_WORDS, "day_word": _DAY_WORDS, "sets_weekday": _DAY_WORDS,
        "clock": r"\d|noon|midday|midnight", "ago": _UNIT_WORDS, "duration": _UNIT_WORDS,
        "vague_duration": _UNIT_WORDS, "plural_units": _UNIT_WORDS, "this_unit": _UNIT_WORDS,
        "decade": r"\d0['’]?s\b", "century": r"century", "quarter": r"quarter|half|period",
        "quarter_adj": r"quarter|half", "year": r"\b[12]\d\d\d\b", "year_ago_adj": r"year",
        "season": r"spring|summer|fall|autumn|winter", "season_of": r"spring|summer|fall|autumn|winter",
        "spoken_year": r"nineteen|thousand",
        "day_part": r"morning|afternoon|evening|night",
        "this_part": r"morning|afternoon|evening|night|tonight|overnight",
    }.items()
}  # fmt: skip


def _candidates(text: str, start: int, end: int) -> list[tuple[int, int, str, re.Match]]:
    found = []
    segments_by_trigger: dict[re.Pattern, list[tuple[int, int]]] = {}
    for name, pattern, _handler in _RULES:
        trigger = _RULE_TRIGGERS.get(name, _TRIGGER)
        segments = segments_by_trigger.get(trigger)
        if segments is None:
            segments = segments_by_trigger[trigger] = _segments(text, start, end, trigger)
        for left, right in segments:
            for match in pattern.finditer(text, left, right):
                if match.end() > match.start():
                    found.append((match.start(), match.end(), name, match))
    return found


_LEADING = re.compile(
    r"^(?:(?:on|in|at(?!\s+(?:least|most))|during|since|until|till|by|from|for|over|within|through|throughout|before|after|of|to|between|around|about|since|into)\s+)+",
    re.IGNORECASE,
)


def tag_timexes(text: str, doc: Doc | None = None, *, published: dt.date | None = None, start: int = 0,
                end: int | None = None) -> list[Timex]:  # fmt: skip
    """Find and normalise the time expressions of ``text[start:end]``.

    This is the engine under :func:`find_timexes`; use it directly on a text that is not an
    :class:`~newslab.article.Article`.

    Args:
        text: the text.
        doc: its spaCy parse (used to check parts of speech and tense); ``None`` works, less well.
        published: the publication date that relative expressions are counted from.
        start, end: the part of the text to search (default: all of it).

    Returns:
        The time expressions in text order.

    Example:
        >>> [t.value for t in tag_timexes("We met last week.", published=dt.date(2017, 7, 10))]
        ['2017-W27']
    """
    end = len(text) if end is None else end
    handlers = {name: handler for name, _pattern, handler in _RULES}
    priority = {name: index for index, (name, _pattern, _handler) in enumerate(_RULES)}
    trial = _Context(dct=published, doc=doc, text=text)
    candidates = _candidates(text, start, end)
    # Longest first, then leftmost, then the rule listed first; a candidate is kept when its rule
    # accepts it and it does not overlap one kept before.
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[0], priority[c[2]]))
    chosen: list[tuple[int, int, str, re.Match]] = []
    for cand in candidates:
        s, e, name, match = cand
        if any(s < ce and cs < e for cs, ce, _n, _m in chosen):
            continue
        if handlers[name](match, trial) is not None:
            chosen.append(cand)
    # Normalise in text order so that "the quarter" can refer back to the quarter named before.
    ctx = _Context(dct=published, doc=doc, text=text)
    timexes = []
    for s, e, name, match in sorted(chosen, key=lambda c: c[0]):
        outcome = handlers[name](match, ctx)
        if outcome is not None:
            timexes.append(_make(text, s, e, outcome, ctx))
    timexes.sort(key=lambda t: (t.start, t.end))
    return timexes


def _make(text: str, s: int, e: int, outcome: tuple, ctx: _Context) -> Timex:
    kind, value, note = outcome[:3]
    if len(outcome) > 3:
        s = outcome[3]
    lead = _LEADING.match(text[s:e])
    if lead and lead.end() < e - s:
        s += lead.end()
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1] in " \t\n,;:":
        e -= 1
    if text[s:e].endswith(".") and not re.search(r"(?:[ap]\.\s?m|\b[A-Z][a-z]{1,3})\.$", text[s:e]):
        e -= 1
    if re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        ctx.last_date = dt.date.fromisoformat(value)
    elif re.fullmatch(r"\d{4}-\d\d-\d\dT.*", value):
        ctx.last_date = dt.date.fromisoformat(value[:10])
    return Timex(s, e, text[s:e], kind, value, note)


def find_timexes(article: Article, doc: Doc) -> list[Timex]:
    """The time expressions of an article, normalised to its publication date.

    Args:
        article: the article (its ``published`` date anchors "Sunday", "yesterday", "last year"…).
        doc: the article's spaCy parse (``newslab.nlp.parse(article)``).

    Returns:
        The time expressions in text order. Without a publication date, values that need one
        stay underspecified (``XXXX-WXX-7`` for "Sunday") and the ``note`` says why.

    Example:
        >>> article = Article.from_text("He spoke on Sunday.", published="2017-07-10")
        >>> find_timexes(article, parse(article))[0].value
        '2017-07-09'
    """
    return tag_timexes(article.text, doc, published=article.published)


def parse(article: Article) -> Doc:
    """The article's spaCy parse (a shortcut for ``newslab.nlp.parse``)."""
    from newslab.nlp import parse as nlp_parse

    return nlp_parse(article)
