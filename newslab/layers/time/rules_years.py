"""Rules for years and longer spans: spoken years, decades, centuries, quarters, "ago", durations, named days and holidays."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from newslab.layers.time.context import (
    _Context,
    _duration,
    _no_dct,
    _number,
    _quarter_of,
    _relative_unit,
    _rule,
    _shift_month,
    _spoken_year,
    _week,
)
from newslab.layers.time.vocabulary import (
    _APPROX,
    _EDGE,
    _NUMBER,
    _NUMWORD,
    _SEASON,
    _UNIT,
    _UNITS_W,
    _VAGUE,
    _YEAR,
    ORDINALS,
    REF_WORDS,
    SEASONS,
)

if TYPE_CHECKING:
    from spacy.tokens import Token


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
    rf"\b(?:(?P<edge>{_EDGE})\s*|(?P<fiscal>(?:the\s+)?fiscal(?:\s+year)?|(?:the\s+)?calendar(?:\s+year)?|FY|the\s+year|(?:the\s+)?(?:spring|summer|fall|autumn|winter)\s+of)\s*)?(?P<year>{_YEAR})(?![\d%$]|-(?!{_YEAR}\b)|['’]?s\b|,\d|\.\d|\s*(?:%|percent|per\s+cent))\b",
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
    r"\b(?:(?P<the>the|that|this\s+year's|last\s+year's|next\s+year's)\s+)?(?:(?P<latest>latest|current|most\s+recent|previous|past|year-ago|year-earlier|same|comparable|comparable\s+year-ago|comparable\s+year-earlier)\s+)?(?:(?P<y0>1[5-9]\d\d|20\d\d)\s+)?(?P<fiscal>fiscal[\s-]+)?(?:(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final|last)[\s-]+)?(?P<unit>quarter|half|period)(?:\s+(?:of\s+)?(?P<fiscal2>fiscal\s+)?(?P<y>1[5-9]\d\d|20\d\d)|\s+of\s+(?P<rel>the|this|last|next)\s+year)?(?![\w])",
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
    if m["rel"] and ctx.dct is not None:
        # "the second half of next year"
        year = ctx.dct.year + {"the": 0, "this": 0, "last": -1, "next": 1}[m["rel"].lower()]
        if number is None:
            return None  # "a quarter of the year" is a fraction
    elif m["y"] or year0:
        year = int(m["y"] or year0)
        # "the 1988 period", "the 1988 quarter": the quarter the story is about, in that year
        if unit in ("period", "quarter") and number is None:
            if ctx.last_quarter:
                number = ctx.last_quarter[1]
            elif unit == "period":
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
            started = (number - 1) * 6 + 1 <= ctx.dct.month
            year = ctx.dct.year if started or ctx.tense(m.start()) == "future" else ctx.dct.year - 1
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
    rf"\b(?:(?P<the>the)\s+|(?P<art>an?)\s+(?=\S+-))?(?:(?P<mod>past|last|next|coming|first|latest|previous|following|final|initial|remaining|recent|same|entire|whole|full)\s+)?(?:(?P<approx>{_APPROX})\s+)?(?P<n>{_NUMBER})(?:\s+(?:to|or)\s+(?P<n2>{_NUMBER}))?(?P<sep>[\s-]+)(?:(?P<more>more|additional|full|straight|consecutive|long|trading|business|working|school)\s+)?(?P<unit>{_UNIT})s?(?![\w])(?P<half>\s+and\s+a\s+half\b)?(?P<old>-old)?(?P<noun>(?<=\w)\s+(?:period|term|span|stretch|window|interval))?(?P<orso>\s+or\s+(?:so|two|three|more))?",
)
def _duration_rule(m: re.Match, ctx: _Context):
    unit = m["unit"].lower()
    if unit.startswith("centur"):
        unit = "century"
    number_text = m["n"]
    amount = _number(number_text)
    if amount is None:
        return None
    if m["half"]:
        amount += 0.5  # "a minute and a half"
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
    some_day = _one_day_before_its_verb(m, token)
    if some_day is not None:
        return "DATE", some_day, f"“one day” before a verb: {REF_WORDS[some_day]}, not a day's length"
    return "DURATION", _duration(amount, unit_name), f"a length of time: {m.group('n')} {unit}(s)"


_VERB_TAGS = {"VB", "VBP", "VBZ", "VBD"}


def _one_day_before_its_verb(m: re.Match, first: Token | None) -> str | None:
    """ "FUTURE_REF" when "one day" stands before the verb it dates, after a modal or a subject: "it
    will one day be", "she hopes he one day leads" (some time to come); "PAST_REF" before a past
    verb ("a storm one day flooded the road"); ``None`` for a length of time ("it will take one day")."""
    if first is None or m.group(0).lower() != "one day" or first.i + 2 > len(first.doc):
        return None
    before = first.nbor(-1) if first.i > 0 else None
    after = first.nbor(2) if first.i + 2 < len(first.doc) else None
    if before is not None and before.tag_ == "MD":
        return "FUTURE_REF"
    if (
        after is None
        or after.tag_ not in _VERB_TAGS
        or before is None
        or before.pos_ not in ("PRON", "PROPN", "NOUN")
    ):
        return None
    return "PAST_REF" if after.tag_ == "VBD" else "FUTURE_REF"


@_rule(
    "quarter_code",
    r"\bQ(?P<q>[1-4])[\s-]?(?P<y>(?:19|20)\d\d)\b|\b(?P<y2>(?:19|20)\d\d)[\s-]?Q(?P<q2>[1-4])\b",
    0,
)
def _quarter_code(m: re.Match, ctx: _Context):
    """ "Q4 2012", "2013 Q1": a quarter written as a code."""
    year, quarter = m["y"] or m["y2"], m["q"] or m["q2"]
    return "DATE", f"{year}-Q{quarter}", f"quarter {quarter} of {year}"


@_rule(
    "every_n",
    rf"\b(?:every|each)\s+(?P<n>{_NUMBER})\s+(?P<unit>seconds|minutes|hours|days|weeks|months|years|decades)\b",
)
def _every_n(m: re.Match, ctx: _Context):
    """ "every four years", "every 10 minutes": a repeated time whose value is the gap between repeats."""
    amount = _number(m["n"])
    if amount is None:
        return None
    return "SET", _duration(amount, _unit_code(m["unit"])), f"once every {m['n']} {m['unit'].lower()}"


@_rule("long_unit", rf"\b(?:(?P<n>{_NUMBER})[\s-]+)?(?P<unit>{_UNIT})(?P<plural>s)?-long\b")
def _long_unit(m: re.Match, ctx: _Context):
    """ "a decade-long war", "a 10-year-long fight", "decades-long": how long something lasts."""
    number = (m["n"] or "").lower()
    unit = "century" if m["unit"].lower().startswith("centur") else m["unit"].lower()
    if m["plural"]:
        return "DURATION", _duration(None, unit), f"{unit}s: a length of time", m.start("unit")
    if number in ("", "a", "an"):
        return "DURATION", _duration(1, unit), f"one {unit}: a length of time", m.start("unit")
    amount = _number(number)
    if amount is None:
        return None
    return "DURATION", _duration(amount, unit), f"a length of time: {number} {unit}(s)"


@_rule(
    "vague_duration",
    rf"\b(?:(?P<the>the)\s+)?(?:(?P<mod>past|last|next|coming|recent|first)\s+)?(?P<n>{_VAGUE})\s+(?P<unit>seconds|minutes|hours|days|weeks|months|quarters|years|decades|centuries)\b",
)
def _vague_duration(m: re.Match, ctx: _Context):
    return "DURATION", _duration(None, _unit_code(m["unit"])), f"an unspecified number of {m['unit'].lower()}"


def _unit_code(plural: str) -> str:
    """The singular unit name of a plural such as "weeks" or "centuries"."""
    singular = plural.lower().rstrip("s")
    return "century" if singular == "centurie" else singular


@_rule(
    "plural_units",
    r"\b(?:(?P<the>the)\s+)?(?P<mod>past|last|next|coming|recent|following|previous|first|early|intervening)?\s*(?P<unit>seconds|minutes|hours|days|weeks|months|years|decades|centuries)(?:\s+(?:or|and|to)\s+(?P<unit2>days|weeks|months|years|decades))?(?P<ahead>\s+ahead)?\b",
)
def _plural_units(m: re.Match, ctx: _Context):
    unit = m["unit"].lower()
    token = ctx.token_at(m.start("unit"))
    if m["the"] and m["ahead"] and not m["mod"]:
        return (
            "DURATION",
            _duration(None, _unit_code(unit)),
            f"the {unit} ahead: an unspecified number of {unit}",
        )
    if m["the"] and not m["mod"] and token is not None and _years_gone_by(token):
        return (
            "DURATION",
            _duration(None, _unit_code(unit)),
            f"the {unit} gone by: an unspecified number of {unit}",
        )
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
    if not m["the"] and modifier in ("last", "following", "previous", "first", "early", "intervening"):
        return None
    if modifier in ("early", "intervening") and unit not in ("years", "decades"):
        return None  # "the early hours of Sunday" is a time of day, not a stretch of hours
    if modifier in ("recent", "past") and unit == "years" and not m["the"]:
        return "DATE", "PAST_REF", f"{modifier} years: some time in the past"
    if modifier == "coming" and unit in ("months", "years"):
        return "DATE", "FUTURE_REF", f"the coming {unit}: some time to come"
    return "DURATION", _duration(None, _unit_code(unit)), f"an unspecified number of {unit}"


# "over the years", "in the years that followed", "during the decades since": a stretch of time gone by
_OVER_THE = {"over", "through", "throughout", "during", "across"}
_IN_THE_FOLLOWED_BY = {"that", "since", "after", "before", "following", "which", "when"}


def _years_gone_by(unit: Token) -> bool:
    """Whether "the years" (or "the decades") at ``unit`` is a stretch of time: "over the years",
    "in the years since the war". "The years of plenty" or "in the years 1990 to 1995" is not."""
    if unit.lower_ not in ("years", "decades") or unit.i < 2 or unit.nbor(-1).lower_ != "the":
        return False
    before = unit.nbor(-2).lower_
    after = unit.nbor(1) if unit.i + 1 < len(unit.doc) else None
    if after is not None and (after.lower_ in ("of", "'s", "’s") or after.like_num):
        return False
    if before in _OVER_THE:
        return True
    return before == "in" and after is not None and after.lower_ in _IN_THE_FOLLOWED_BY


@_rule(
    "misc",
    r"\b(?P<w>year-end|year(?:['’]s)?\s+end|year-to-date|the\s+(?:end|beginning|start|middle)\s+of\s+(?:the|this|last|next)\s+(?:year|month|week)|the\s+current\s+(?:fiscal|calendar)\s+year|earlier\s+this\s+(?:year|month)|later\s+this\s+(?:year|month)|the\s+(?:full|fiscal|calendar|latest|whole|entire|financial)\s+year|(?:(?:earlier|later)\s+)?that\s+year|the\s+(?:nineteen-|19)?(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)|the\s+year|the\s+day|the\s+week|the\s+weekend|the\s+month|the\s+(?:first|latest|past|last)\s+(?:nine|six|three|twelve)\s+months|the\s+(?:nine|six|three|twelve)\s+months)(?![\w-])",
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
    if words.endswith("that year"):
        # "that year", "later that year": the year of the last date the story named
        if ctx.last_year is None:
            return "DATE", "XXXX", "the year of a date named before, but none was named"
        return "DATE", str(ctx.last_year), "the year of the date named before"
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
        # "for the week", "the week's gains": a week the story talks about without saying which one;
        # news annotation (TimeBank) keeps only its year
        year = f"{dct.year:04d}" if dct is not None else "XXXX"
        return "DATE", f"{year}-WXX", "a week the story does not pin down, in the publication year"
    if words == "the weekend":
        value, note = _relative_unit("weekend", 0, ctx, m.start())
        return "DATE", value, note
    months = re.search(r"(nine|six|three|twelve) months", words)
    if months:
        return "DURATION", f"P{_number(months.group(1)):.0f}M", "a stretch of months"
    if dct is None:
        return "DATE", "XXXX", _no_dct(words)
    if words in ("year end", "year's end", "year’s end"):
        return "DATE", f"{dct.year:04d}", "the end of this year"
    if words == "year-end":
        return "DATE", f"{dct.year:04d}-12-31", "the last day of this year"
    edge = re.match(r"the (end|beginning|start|middle) of (the|this|last|next) (year|month|week)$", words)
    if edge:
        # "the end of last year", "the start of this week": the edge of that year, month or week
        shift = {"last": -1, "the": 0, "this": 0, "next": 1}[edge.group(2)]
        value, note = _relative_unit(edge.group(3), shift, ctx, m.start())
        return "DATE", value, f"the {edge.group(1)} of {edge.group(2)} {edge.group(3)}: {note}"
    if words == "year-to-date":
        return "DURATION", f"P{dct.timetuple().tm_yday}D", "from 1 January to the publication date"
    unit = words.split()[-1]
    value, note = _relative_unit(unit, 0, ctx, m.start())
    return "DATE", value, note
