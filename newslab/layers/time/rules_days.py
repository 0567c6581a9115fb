"""Rules for days and times of day: dates, clock times, parts of the day, weekdays, sets, "this week", seasons."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from newslab.layers.time.context import (
    _A_MONTH,
    PAST_REACH,
    _after_a_time_preposition,
    _Context,
    _date_or_month_end,
    _duration,
    _month_number,
    _month_year_for,
    _nearest_year,
    _no_dct,
    _relative_unit,
    _rule,
    _shift_month,
    _spoken_year,
    _week,
    _weekday_date,
)
from newslab.layers.time.vocabulary import (
    _CLOCK,
    _DAYNUM,
    _DAYWORD,
    _EDGE,
    _MONTH,
    _NUMWORD,
    _ORD_DAY,
    _PART,
    _SEASON,
    _WEEKDAY,
    _WEEKDAY_ABBR,
    _YEAR,
    _ZONE,
    PARTS_OF_DAY,
    REF_WORDS,
    REFS,
    SEASON_START,
    SEASONS,
    WEEKDAY_NAMES,
    WEEKDAYS,
)

if TYPE_CHECKING:
    pass


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
    direction = ctx.tense_of_verb_before(match.start(group)) or ctx.tense(match.start(group))
    if direction != "past" and re.search(
        r"\b(?:until|till|by)\s+$", ctx.text[max(0, match.start(group) - 8) : match.start(group)]
    ):
        direction = "future"  # "has until Monday to pay": a deadline ahead
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
    rf"(?:(?P<wd>{_WEEKDAY}|{_WEEKDAY_ABBR}),?\s+)?(?:(?P<edge>early|late|mid-?)\s*)?(?P<mon>{_MONTH})\s+(?P<d>{_ORD_DAY})(?!\d|:\d|%|\$)(?!\s*(?:%|percent|per\s+cent|million|billion|points?)\b)"
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
        # a future tense moves a date more than a month back to the next year: "is scheduled for
        # Nov. 6" in March; a past tense moves one more than four months ahead to the year before
        # ("was shot on Oct. 23" in May); nearer dates stay, as a past tense is often reported speech
        year = _nearest_year(month, day, ctx.dct)
        tense = ctx.tense(m.start("mon"))
        future = tense == "future" and _date_or_month_end(year, month, day) < ctx.dct - _A_MONTH
        past = tense == "past" and _date_or_month_end(year, month, day) > ctx.dct + PAST_REACH
        year += 1 if future else -1 if past else 0
        note = f"the year that puts the date nearest the publication date {ctx.dct.isoformat()}"
        if future or past:
            note += f" on the side the verb's {tense} tense points to"
    else:
        return "DATE", f"XXXX-{month:02d}-{day:02d}", _no_dct("the year of this date")
    try:
        return "DATE", dt.date(year, month, day).isoformat(), note
    except ValueError:
        return None


@_rule(
    "week_of",
    rf"(?i:the\s+week\s+of)\s+(?P<wd>)(?P<edge>)(?P<mon>{_MONTH})\s+(?P<d>{_ORD_DAY})(?!\d|:\d|%)"
    rf"(?:(?:,\s*|\s+)(?P<y>{_YEAR})(?![\d%]))?\b",
    0,
)
def _week_of(m: re.Match, ctx: _Context):
    """ "the week of March 6": the calendar week that holds that date."""
    outcome = _month_day(m, ctx)
    if outcome is None or not re.fullmatch(r"\d{4}-\d\d-\d\d", outcome[1]):
        return None
    return "DATE", _week(dt.date.fromisoformat(outcome[1])), f"the week that holds {outcome[1]}"


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
        dated = m["mod"] or m["edge"] or _after_a_time_preposition(token)
        if m["mon"] in ("May", "June", "April", "August") and token.ent_type_ == "PERSON" and not dated:
            return None
        nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
        # "June Carter", "April Ryan" are names; "In March Smith resigned" is a month and a subject
        if nxt is not None and nxt.pos_ == "PROPN" and nxt.ent_type_ in ("PERSON", "ORG") and not dated:
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
        tense = ctx.tense(m.start("mon"))
        year = _month_year_for(month, ctx.dct, tense)
        if year != _nearest_year(month, 15, ctx.dct):
            note = f"the {tense} tense keeps the month in the publication year {ctx.dct.year}"
            return "DATE", f"{year:04d}-{month:02d}", note
    return (
        "DATE",
        f"{year:04d}-{month:02d}",
        f"the nearest such month to the publication date {ctx.dct.isoformat()}",
    )


_DAY_AFTER_A_CLOCK = re.compile(rf"\s+on\s+(?P<day>{_WEEKDAY})\b")


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
    elif re.fullmatch(r"\d{4}", clock):
        hh, mm = int(clock[:2]), int(clock[2:])  # "1300 GMT": a 24-hour clock without a colon
    else:
        parts = re.match(r"(\d+)(?::(\d\d))?", clock)
        hh, mm = int(parts.group(1)), int(parts.group(2) or 0)
        if "p" in clock and hh < 12:
            hh += 12
        if re.search(r"a\.?\s?m", clock) and hh == 12:
            hh = 0
    bare = not re.search(r"[ap]\.?\s?m|noon|midday|midnight|o'clock", clock)
    if bare and re.match(r":\d", ctx.text[m.end("clock") :]):
        return None  # "2:31:07" is a race time
    if (
        bare
        and not (m["day"] or m["tail"] or re.search(_ZONE.strip("?"), m.group(0)))
        and not re.search(
            r"\b(?:at|by|until|till|from|before|after)\s+$", ctx.text[max(0, m.start() - 7) : m.start()]
        )
    ):
        return None  # a bare 14:30 is a time only next to a day word, a time zone or "at", "by", "until"…
    time = "T24:00" if hh == 24 else f"T{hh:02d}:{mm:02d}"
    day_group = "day" if m["day"] else ("tail" if m["tail"] else None)
    if m["mon"]:
        dated = _month_day(m, ctx)
        if dated is None:
            return None
        value, note = dated[1], dated[2]
    elif day_group:
        value, note = _day_of(m, ctx, day_group)
    elif (later := _DAY_AFTER_A_CLOCK.match(ctx.text, m.end())) is not None:
        value, note = _day_of(later, ctx, "day")  # "at 3 p.m. on Monday": the time of that Monday
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
    r"\b(?:(?:earlier|later)\s+)?(?P<mod>this|last|tomorrow|yesterday)\s+(?P<part>morning|afternoon|evening|night)\b|\b(?P<tonight>tonight|overnight)\b"
    r"|\b(?:in|during)\s+the\s+(?P<part_of>morning|afternoon|evening)\b(?!\s+of\b)",
)
def _this_part(m: re.Match, ctx: _Context):
    if m["part_of"]:
        # "in the afternoon": that part of the day the story is about (the last date it named)
        part = PARTS_OF_DAY[m["part_of"].lower()]
        anchor = ctx.last_date or ctx.dct
        if anchor is None:
            return "TIME", f"XXXX-XX-XXT{part}", _no_dct(f"“{m.group(0)}”")
        return "TIME", f"{anchor.isoformat()}T{part}", f"the {m['part_of'].lower()} of {anchor.isoformat()}"
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
        # "Sunday Times", "Sunday shows": a name, or a weekday used to describe a thing; but after
        # "on", "late", "since"… ("On Monday Obama signed") the weekday is a date and the name is the subject
        if (
            nxt is not None
            and nxt.pos_ == "PROPN"
            and nxt.is_title
            and nxt.ent_type_ != "DATE"
            and not (m["mod"] or _after_a_time_preposition(token))
        ):
            return None
    if word.lower() == "today" and m["mod"]:
        return None
    if m["mod"] and m["mod"].lower() == "this" and word.lower() in ("today", "yesterday", "tomorrow"):
        return None
    value, note = _day_of(m, ctx, "day")
    return "DATE", value, note


@_rule(
    "anchored_day",
    r"\bthe\s+(?P<mod>previous|next|following|prior)\s+day\b|\bthe\s+day\s+(?P<two>before\s+yesterday|after\s+tomorrow)\b"
    r"|\b(?:(?:earlier|later)\s+)?(?P<that>that(?:\s+same)?|the\s+same)\s+day\b(?!\s+(?:before|after|of)\b)",
)
def _anchored_day(m: re.Match, ctx: _Context):
    """ "the next day", "the previous day": one day after (before) the date the story last named;
    "that day", "earlier that day": the date the story last named; "the day before yesterday" two
    days before the publication date."""
    if m["that"]:
        last = ctx.last_date
        if ctx.last_month is not None and (last is None or (last.year, last.month) != ctx.last_month):
            year, month = (
                ctx.last_month
            )  # "crossed out that same day" after "last October": a day of that month
            return (
                "DATE",
                f"{year:04d}-{month:02d}-XX",
                f"a day in the month named before, {year:04d}-{month:02d}",
            )
        if last is None:
            return (
                "DATE",
                "XXXX-XX-XX",
                f"“{m.group(0)}” points back to a date, but the story named none before",
            )
        return "DATE", last.isoformat(), f"the date named before, {last.isoformat()}"
    if m["two"]:
        if ctx.dct is None:
            return "DATE", "XXXX-XX-XX", _no_dct(f"“{m.group(0)}”")
        day = ctx.dct + dt.timedelta(days=-2 if m["two"].lower().startswith("before") else 2)
        return "DATE", day.isoformat(), f"two days from the publication date {ctx.dct.isoformat()}"
    shift = -1 if m["mod"].lower() in ("previous", "prior") else 1
    anchor = ctx.last_date or ctx.dct
    if anchor is None:
        return "DATE", "XXXX-XX-XX", _no_dct(f"“{m.group(0)}”")
    day = anchor + dt.timedelta(days=shift)
    since = "the date named before" if ctx.last_date else "the publication date"
    return (
        "DATE",
        day.isoformat(),
        f"one day {'before' if shift < 0 else 'after'} {since} {anchor.isoformat()}",
    )


@_rule(
    "refs",
    r"\b(?P<ref>the\s+(?:near|short)\s+term|the\s+near\s+future|the\s+present|the\s+future|present-day|the\s+past(?!\s+(?:\w+\s+)?(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty|several|few|couple|second|minute|hour|day|week|weekend|month|quarter|year|decade|centur|spring|summer|fall|autumn|winter|\w+day\b))|these\s+days|nowadays|currently|recently|lately|(?:right\s+)?now|current)\b",
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
    if word in ("the future", "the past", "the present") and re.match(r"\s+of\b", ctx.text[m.end() :]):
        return None  # "the future of the land": a topic, not a time
    if word == "soon" and token is not None and token.i > 0 and token.nbor(-1).lower_ in ("as", "too", "how"):
        return None
    value = REFS.get(word)
    if value is None:
        return None
    return "DATE", value, f"“{word}” refers to {REF_WORDS[value]}"


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
        # "the following month": counted from the time the story is at, the date it named last
        anchor = ctx.last_date
        if anchor is not None and unit == "year":
            return "DATE", f"{anchor.year + shift:04d}", "one year from the date mentioned before"
        if ctx.last_month is not None and unit == "month":
            year, month = _shift_month(*ctx.last_month, shift)
            return "DATE", f"{year:04d}-{month:02d}", "one month from the month mentioned before"
        if anchor is not None and unit == "week":
            return (
                "DATE",
                _week(anchor + dt.timedelta(weeks=shift)),
                "one week from the date mentioned before",
            )
    value, note = _relative_unit(unit, shift, ctx, m.start())
    return "DATE", value, note


@_rule(
    "season",
    rf"\b(?:(?P<edge>early|late|mid-?)\s*)?(?:(?P<the>the)\s+)?(?:(?P<mod>this\s+past|this|last|next|past|coming)\s+)?(?P<season>{_SEASON})(?:\s+(?:of\s+)?(?P<y>{_YEAR}))?\b",
)
def _season(m: re.Match, ctx: _Context):
    code = SEASONS[m["season"].lower()]
    if m["y"]:
        return "DATE", f"{m['y']}-{code}", f"the {m['season'].lower()} of {m['y']}"
    if (
        m["the"]
        and not m["mod"]
        and code != "FA"
        and re.search(
            r"\b(?:in|during|through|throughout|over|until|till|by|since|into)\s+$", ctx.text[: m.start()]
        )
        and not re.match(r"\s+of\b|['’]s\b", ctx.text[m.end() :])
    ):
        # "in the summer" (not "the spring in the mattress"): the nearest summer on the side the tense points to
        modifier = "next" if ctx.tense(m.start("season")) == "future" else "last"
        if ctx.dct is not None and ctx.dct.month in range(SEASON_START[code], SEASON_START[code] + 3):
            modifier = "this"
    elif not m["mod"]:
        # a bare "spring" or "fall" is too often not a time ("the fall of Rome", "spring water")
        return None
    else:
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
