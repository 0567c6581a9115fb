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
from typing import TYPE_CHECKING

from newslab.layers.time.context import _Context
from newslab.layers.time.records import Timex
from newslab.layers.time.rules import RULES
from newslab.layers.time.vocabulary import HOLIDAYS_EASTER, HOLIDAYS_FIXED, HOLIDAYS_NTH, MONTHS, WEEKDAYS

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from newslab.article import Article

# ------------------------------------------------------------------------------ the tagger


# Every time expression holds one of these: a digit or a word stem from the tables above. The rules
# only run on the stretches of text around them, which makes the tagger several times faster.
_TRIGGER = re.compile(
    r"\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|today|tonight|"
    r"yesterday|tomorrow|now|current|recent|lately|present|future|past|spring|summer|fall|autumn|winter|"
    r"second|minute|hour|day|daily|week|fortnight|month|quarter|half|period|year|decade|centur|annual|"
    r"hourly|nightly|biweekly|semiannual|morning|afternoon|evening|night|overnight|noon|midday|midnight|mid|"
    r"christmas|easter|good friday|thanksgiving|new year|independence|halloween|valentine|veterans|boxing|labor|memorial|"
    r"martin luther|presidents|election day|nineteen|thousand|the fourth|july fourth|twen|thir|fort|four|"
    r"fif|six|seven|eigh|nine|these days|(?:near|short) term)",
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
        "every_n": r"\b(?:every|each)\b", "long_unit": r"s?-long\b", "quarter_code": r"Q[1-4]",
        "anchored_day": r"\bday\b",
    }.items()
}  # fmt: skip


def _candidates(text: str, start: int, end: int) -> list[tuple[int, int, str, re.Match]]:
    found = []
    segments_by_trigger: dict[re.Pattern, list[tuple[int, int]]] = {}
    for name, pattern, _handler in RULES:
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
    handlers = {name: handler for name, _pattern, handler in RULES}
    priority = {name: index for index, (name, _pattern, _handler) in enumerate(RULES)}
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
        if handlers[name](match, trial) is not None and not _inside_a_name(text, s, e):
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


# Time words that English always capitalises; any other time word written with a capital in the
# middle of a sentence is probably part of a name.
_ALWAYS_CAPITALISED = (
    set(MONTHS)
    | set(WEEKDAYS)
    | {
        word
        for name in (*HOLIDAYS_FIXED, *HOLIDAYS_NTH, *HOLIDAYS_EASTER)
        for word in re.findall(r"[a-z]+", name)
    }
)
_WORD = re.compile(r"[A-Za-z]+")
_MONTH_WORDS = {name.capitalize() for name in MONTHS if len(name) > 4 or name in ("may", "june", "july")}
_SENTENCE_OPENS = re.compile(r"(?:^|[.!?:;\n(\"“‘'])\s*$")


def _title_case(word: str) -> bool:
    return word[:1].isupper() and word[1:].islower() and word.lower() not in _ALWAYS_CAPITALISED


_CLOCK_ABBREVIATIONS = {"AM", "PM", "GMT", "UTC", "BST", "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT"}  # fmt: skip


def _name_word(word: str) -> bool:
    """A word that can be part of a name: "Parks", "Kestrel", "VOA"."""
    return _title_case(word) or (len(word) > 1 and word.isupper() and word not in _CLOCK_ABBREVIATIONS)


# "March for Life", "the March of Dimes": a month word that heads a name
_MONTH_NAMED = re.compile(r"\s+(?:for|of)\s+(?:the\s+)?[A-Z][a-z]")


def _inside_a_name(text: str, start: int, end: int) -> bool:
    """Whether a would-be time expression is a word of a name: "Parks Now", "VOA Today", "60 Minutes", "March for Life".

    A time word such as *now*, *today*, *future* or *minutes* is written in lower case; capitalised
    in the middle of a sentence, next to another capitalised word (or after the number it counts),
    it belongs to a name (an organisation, a programme), not to the calendar. A month alone followed
    by "for" or "of" and a capitalised word names an event ("the March for Life").
    """
    words = list(_WORD.finditer(text, start, end))
    if len(words) == 1 and words[0].group() in _MONTH_WORDS and _MONTH_NAMED.match(text, end):
        return True
    for word in words:
        if not _title_case(word.group()) or _SENTENCE_OPENS.search(
            text, max(0, word.start() - 3), word.start()
        ):
            continue
        before = re.search(r"([A-Za-z]+|\d+)[ ]$", text[max(0, word.start() - 30) : word.start()])
        after = re.match(r"[ ]([A-Za-z]+)", text[word.end() : word.end() + 30])
        if after is not None and _name_word(after.group(1)):
            return True
        if before is not None and (_name_word(before.group(1)) or before.group(1).isdigit()):
            return True
    return False


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
    if kind in ("DATE", "TIME") and re.match(r"\d{4}(?:$|-)", value):
        ctx.last_year = int(value[:4])
    if re.match(r"\d{4}-\d\d(?:$|-\d\d)", value):
        ctx.last_month = (int(value[:4]), int(value[5:7]))
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
