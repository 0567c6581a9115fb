"""Calendar words (months, weekdays, seasons, units, holidays) and the regular-expression pieces the rules are built from."""

from __future__ import annotations

import re

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
    "a dozen": 12, "dozen": 12, "a couple of": 2, "couple of": 2, "a couple": 2, "half a": 0.5, "half an": 0.5,
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
# Holidays that move with Easter: days after (before) Easter Sunday.
HOLIDAYS_EASTER = {"easter": 0, "easter sunday": 0, "easter monday": 1, "good friday": -2}
REFS = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "current": "PRESENT_REF", "nowadays": "PRESENT_REF",
    "these days": "PRESENT_REF", "at present": "PRESENT_REF", "the present": "PRESENT_REF",
    "present-day": "PRESENT_REF", "recently": "PAST_REF", "recent": "PAST_REF", "lately": "PAST_REF",
    "previously": "PAST_REF", "formerly": "PAST_REF", "the past": "PAST_REF", "in the past": "PAST_REF",
    "once": "PAST_REF", "the future": "FUTURE_REF", "future": "FUTURE_REF", "soon": "FUTURE_REF",
    "the near future": "FUTURE_REF", "the near term": "FUTURE_REF", "the short term": "FUTURE_REF", "shortly": "FUTURE_REF",
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
    rf"(?:\d+(?:\.\d+)?(?:\s+\d/\d)?|(?:a\s+|one\s+)?hundred|(?:a\s+|one\s+)?thousand|{_NUMWORD}(?:[\s-]+and[\s-]+a[\s-]+half)?"
    r"|a\s+couple\s+of|a\s+couple|couple\s+of|a\s+dozen|dozens\s+of|half\s+an?|an?)"
)
_VAGUE = r"(?:several|a\s+few|few|many|some|numerous|a\s+number\s+of)"
_UNIT = r"(?:second|minute|hour|day|week|weekend|fortnight|month|quarter|year|decade|centur(?:y|ie))"
_APPROX = (
    r"(?:around|nearly|almost|roughly|approximately|some|(?:no\s+)?more\s+than|(?:no\s+)?less\s+than|fewer\s+than|"
    r"up\s+to|at\s+least|at\s+most|well\s+over|close\s+to|the\s+better\s+part\s+of)"
)
_PART = r"(?:morning|afternoon|evening|night|overnight|mid[-\s]?morning|mid[-\s]?afternoon)"
_SEASON = r"(?:spring|summer|fall|autumn|winter)"
_CLOCK = (
    r"(?:(?:[01]?\d|2[0-3])(?::[0-5]\d)?\s*(?:a\.?\s?m\.?|p\.?\s?m\.?)(?![a-z])|(?:[01]?\d|2[0-3]):[0-5]\d"
    r"|noon|midday|midnight|(?:[01]?\d)\s+o'clock|(?:[01]\d|2[0-3])[0-5]\d(?=\s+(?:GMT|UTC)\b))"
)
_ZONE = r"(?:\s+(?:EDT|EST|CDT|CST|MDT|MST|PDT|PST|GMT|BST|UTC|CET|CEST|local\s+time|Eastern(?:\s+time)?))?"
_DAYWORD = rf"(?:{_WEEKDAY}|today|tonight|yesterday|tomorrow)"
_EDGE = r"(?:early|late|mid-?|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|the\s+turn\s+of)"
