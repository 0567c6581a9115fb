"""Rules for holidays: Christmas, Thanksgiving, Easter and other named days, placed in the year nearest the publication date."""

from __future__ import annotations

import datetime as dt
import re

from newslab.layers.time.context import _Context, _no_dct, _rule
from newslab.layers.time.vocabulary import _YEAR, HOLIDAYS_EASTER, HOLIDAYS_FIXED, HOLIDAYS_NTH, _alt


@_rule(
    "named_day",
    rf"\b(?:(?P<mod>last|this|next)\s+)?(?P<name>{_alt([*HOLIDAYS_FIXED, *HOLIDAYS_NTH, *HOLIDAYS_EASTER])})(?:\s+(?P<y>{_YEAR}))?\b",
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
    if name in HOLIDAYS_EASTER:
        if year is None:
            return "DATE", "XXXX-XX-XX", _no_dct(m["name"])
        return "DATE", _holiday(name, year).isoformat(), f"{m['name']} of {year} (Easter moves with the moon)"
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
            day = _election_day(year).day
    if year is None:
        return "DATE", f"XXXX-{month:02d}-{day:02d}", _no_dct(m["name"])
    return "DATE", f"{year:04d}-{month:02d}-{day:02d}", f"{m['name']} of {year}"


def _easter(year: int) -> dt.date:
    """Easter Sunday of a year (the Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (b - (b + 8) // 25 + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday_shift = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * weekday_shift) // 451
    month, day = divmod(h + weekday_shift - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def _election_day(year: int) -> dt.date:
    """The US Election Day: the Tuesday after the first Monday of November (the first Tuesday from 2 November)."""
    return dt.date(year, 11, 2 + (2 - dt.date(year, 11, 2).isoweekday()) % 7)


def _holiday(name: str, year: int) -> dt.date | None:
    if name in HOLIDAYS_EASTER:
        return _easter(year) + dt.timedelta(days=HOLIDAYS_EASTER[name])
    if name in HOLIDAYS_FIXED:
        return dt.date(year, *HOLIDAYS_FIXED[name])
    month, weekday, nth = HOLIDAYS_NTH[name]
    if name == "election day":
        return _election_day(year)
    first = dt.date(year, month, 1)
    if nth > 0:
        return dt.date(year, month, 1 + (weekday - first.isoweekday()) % 7 + 7 * (nth - 1))
    last = dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)
