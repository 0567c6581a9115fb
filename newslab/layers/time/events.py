"""The story's timeline: its time expressions and its events, in story order and in time order.

A news story rarely tells events in the order they happened. The *inverted pyramid* puts the
newest, most important fact first and fills in what led to it afterwards. This module finds

- the **time expressions** (``find_timexes``, from :mod:`newslab.layers.time.tagger`), normalised to the
  publication date: "Sunday morning" in a story published on Monday 2017-07-10 is
  ``2017-07-09TMO``;
- the **events**: what people said (from who-said-what's quotes) and what the main clauses say
  happened. Each event is placed in time by a time expression in its clause or by the text's own
  relations ("later on Sunday", "immediately", "earlier", "had discussed" = before the time the
  story is at). Each event keeps its *story position* (the number of its sentence) and gets a
  *chronological rank*. Where the text does not say which of two events came first they share a
  rank and the table says "same day, order not stated" instead of inventing an order.

Example:
    >>> from newslab import load_article
    >>> from newslab.nlp import parse
    >>> from newslab.layers.time import find_events, find_timexes
    >>> article = load_article("trump-russia-cyber")
    >>> doc = parse(article)
    >>> events = find_events(article, doc, find_timexes(article, doc), quotes=[])
    >>> [(e.rank, e.label) for e in events][:3]

The notebooks show these as tables and plots through :mod:`newslab.timeline`.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from newslab.layers.quotemarks import Regions, quotation_regions
from newslab.layers.time.records import Timex
from newslab.layers.time.tense import aux_words, event_tense, raises

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from newslab.article import Article

__all__ = ["NOT_STATED", "Event", "find_events", "value_range"]

NOT_STATED = "order not stated"
_PARTS = {"MO": 1.0, "AF": 2.0, "EV": 3.0, "NI": 4.0}
_YEAR_ONLY = r"(\d{4})(?:-(?:WXX|QX|HX|XX|XX-XX))?"
_AFTER_WORDS = {
    "immediately": 1.0,
    "then": 1.0,
    "afterwards": 1.5,
    "afterward": 1.5,
    "later": 1.5,
    "subsequently": 1.5,
}
_BEFORE_WORDS = {"earlier": -1.0, "previously": -1.0, "before": -1.0}


@dataclass(frozen=True)
class Event:
    """Something that happened (or was said) in the story: ``article.text[start:end] == text``.

    Attributes:
        start, end, text: where the event's words are (a verb such as "criticised", or a noun
            such as "meddling"); the publication itself has ``start == end == 0`` and no text.
        when: the time the text gives it, as a TIMEX3 value ("2017-07-09TMO", "2016") or in
            words ("before 2017-07-09TMO", "before publication, date not stated").
        rank: its place in time, from 1 (earliest); events the text does not order share a rank.
        sentence: its story position: the number of its sentence, counted from 0 (the lede) like
            every sentence number in the kit; ``None`` for the publication, which is not a
            sentence of the story.
        label: a short description ("Trump appeared to backtrack").
        kind: "speech" (someone said something), "action", "state" (true at publication) or
            "publication".
        placed_by: in plain words, what in the text put the event at that time.
        order_note: "" or why its order against another event is unknown, such as
            "same day, order not stated".
        earliest, latest: the first and last day it can have happened on (ISO dates), or ``None``
            where the text leaves that open.
    """

    start: int
    end: int
    text: str
    when: str
    rank: int
    sentence: int | None
    label: str = ""
    kind: str = "action"
    placed_by: str = ""
    order_note: str = ""
    earliest: str | None = None
    latest: str | None = None

    def to_json(self) -> dict:
        """The event as a JSON-ready dict (start, end, text, when, rank, sentence and the rest)."""
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "when": self.when,
            "rank": self.rank,
            "sentence": self.sentence,
            "label": self.label,
            "kind": self.kind,
            "placed_by": self.placed_by,
            "order_note": self.order_note,
            "earliest": self.earliest,
            "latest": self.latest,
        }


# ------------------------------------------------------------------------------ time values


@dataclass(frozen=True)
class _Place:
    """Where an event sits in time: a sort key and, where known, a first and last possible day."""

    day: int | None  # an ordinal day used for sorting (None: no date at all)
    phase: float  # order within that day
    when: str
    how: str
    earliest: dt.date | None
    latest: dt.date | None
    grain: str = "day"  # "day", "year", "month"…: how precise the time is


def value_range(value: str, published: dt.date | None = None) -> tuple[dt.date | None, dt.date | None, float]:
    """The first and last day a TIMEX3 value covers, and its part of the day.

    Args:
        value: a TIMEX3 value such as ``"2017-07-09TMO"``, ``"2016"``, ``"2017-W28"``, ``"2017-Q3"``.
        published: the publication date, for ``PRESENT_REF`` / ``PAST_REF`` / ``FUTURE_REF``.

    Returns:
        ``(first day, last day, phase)``; days are ``None`` where the value leaves them open,
        phase orders the parts of a day (morning 1, afternoon 2, evening 3, night 4).

    Example:
        >>> value_range("2017-07-09TMO")
        (datetime.date(2017, 7, 9), datetime.date(2017, 7, 9), 1.0)
    """
    phase = 0.0
    match = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)(?:T(MO|AF|EV|NI|(\d\d):(\d\d)))?", value)
    if match:
        day = dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        if match.group(4) in _PARTS:
            phase = _PARTS[match.group(4)]
        elif match.group(5):
            phase = 1.0 + 3.0 * (int(match.group(5)) * 60 + int(match.group(6))) / 1440
        return day, day, phase
    match = re.fullmatch(r"(\d{4})-(\d\d)", value)
    if match:
        year, month = int(match.group(1)), int(match.group(2))
        last = dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)
        return dt.date(year, month, 1), last, phase
    match = re.fullmatch(r"(\d{4})-W(\d\d)(?:-WE)?", value)
    if match:
        monday = dt.date.fromisocalendar(int(match.group(1)), int(match.group(2)), 1)
        return monday, monday + dt.timedelta(days=6), phase
    match = re.fullmatch(r"(\d{4})-([QH])(\d)", value)
    if match:
        year, size, number = int(match.group(1)), 3 if match.group(2) == "Q" else 6, int(match.group(3))
        first = dt.date(year, (number - 1) * size + 1, 1)
        end_month = number * size
        last = dt.date(year + (end_month == 12), end_month % 12 + 1, 1) - dt.timedelta(days=1)
        return first, last, phase
    match = re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value)
    if match:
        year, start = int(match.group(1)), {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[match.group(2)]
        last_month = start + 2
        last = dt.date(year + (last_month > 12), (last_month - 1) % 12 + 1, 28)
        return dt.date(year, start, 1), last, phase
    # a year alone, or a year whose week, quarter or month is left open ("2017-WXX": a week of 2017)
    match = re.fullmatch(_YEAR_ONLY, value)
    if match:
        year = int(match.group(1))
        return dt.date(year, 1, 1), dt.date(year, 12, 31), phase
    match = re.fullmatch(r"(\d{3})", value)
    if match:
        decade = int(match.group(1)) * 10
        return dt.date(decade, 1, 1), dt.date(decade + 9, 12, 31), phase
    if published is not None:
        if value == "PRESENT_REF":
            return published, published, phase
        if value == "PAST_REF":
            return None, published, phase
        if value == "FUTURE_REF":
            return published, None, phase
    return None, None, phase


def _grain(value: str) -> str:
    if re.fullmatch(r"\d{4}-\d\d-\d\d.*", value):
        return "day"
    if re.fullmatch(_YEAR_ONLY, value):
        return "year"
    if re.fullmatch(r"\d{4}-\d\d", value):
        return "month"
    return "period"


def _place_from_timex(timex: Timex, published: dt.date | None) -> _Place | None:
    if timex.type not in ("DATE", "TIME"):
        return None
    first, last, phase = value_range(timex.value, published)
    if first is None and last is None:
        return _Place(None, 0.0, timex.value, f"“{timex.text}” ({timex.note})", None, None, "none")
    anchor = first or last
    return _Place(anchor.toordinal(), phase, timex.value, f"the time expression “{timex.text}”", first, last,
                  _grain(timex.value))  # fmt: skip


# ------------------------------------------------------------------------------ finding events


def _inside(offset: int, regions: list[tuple[int, int]]) -> bool:
    if isinstance(regions, Regions):
        return regions.around(offset) is not None
    return any(s <= offset < e for s, e in regions)


def _subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return child
    if verb.dep_ in ("xcomp", "conj") and verb.head is not verb:
        return _subject(verb.head) if verb.dep_ == "xcomp" else None
    if verb.dep_ == "relcl":
        return verb.head
    return None


def _phrase(token: Token, *, limit: int = 6) -> str:
    """A short text for a subject: the token with the words right before it (determiners, names)."""
    words = [t for t in token.subtree if t.i <= token.i and t.i >= token.i - limit]
    if token.dep_ == "nsubj" and token.tag_ == "WP" and token.head.dep_ == "relcl":
        return _phrase(token.head.head, limit=limit)
    while words and words[0].is_punct:
        words = words[1:]
    text = _as_written(words) if words else token.text
    if any(t.dep_ == "conj" for t in token.children):
        right = [t for t in token.subtree if t.i > token.i and t.dep_ in ("cc", "conj", "compound")]
        text = _as_written(sorted([*words, *right], key=lambda t: t.i))
    return text


def _as_written(tokens: list[Token]) -> str:
    """Words joined as the text has them: "Millbrook’s council", not "Millbrook ’s council"."""
    if not tokens:
        return ""
    text = tokens[0].text
    for before, token in itertools.pairwise(tokens):
        text += (before.whitespace_ if token.i == before.i + 1 else " ") + token.text
    return text


def _event_span(verb: Token) -> tuple[int, int]:
    """Character span of the event words: the verb, with a raising verb before it ("appeared to backtrack")."""
    first = verb
    if verb.dep_ == "xcomp" and raises(verb.head):
        first = verb.head
    last = verb
    for child in verb.children:
        if child.dep_ == "prt" and child.i == last.i + 1:
            last = child
    if verb.lemma_ == "back" and verb.i + 1 < len(verb.doc) and verb.nbor(1).lower_ == "away":
        last = verb.nbor(1)
    return first.idx, last.idx + len(last.text)


def _label(verb: Token) -> str:
    subject = _subject(verb)
    start, end = _event_span(verb)
    # the same characters as ``verb.doc.text[start:end]``, without rebuilding the whole text
    span = verb.doc.char_span(start, end) if start < end else None
    words = span.text if span is not None else verb.doc.text[start:end]
    auxes = [
        c for c in verb.children if c.dep_ in ("aux", "auxpass", "neg") and c.i < verb.i and c.idx < start
    ]
    auxes += [
        c
        for c in (verb.head.children if verb.dep_ == "xcomp" else [])
        if c.dep_ in ("aux", "neg") and c.idx < start
    ]
    prefix = " ".join(a.text for a in sorted(auxes, key=lambda t: t.i))
    pieces = [p for p in (_phrase(subject) if subject is not None else "", prefix, words) if p]
    if verb.pos_ == "NOUN":
        pieces = [_as_written([t for t in verb.subtree if t.dep_ != "punct"])][:1]
        pieces = [pieces[0][:60]]
    return " ".join(pieces)


def _anchor_token(token: Token) -> Token:
    """The event a time expression belongs to: the first verb above it, or a noun such as "meddling"."""
    current = token
    for _ in range(12):
        head = current.head
        if head is current:
            return current
        if (
            current.dep_ == "pobj"
            and head.dep_ == "prep"
            and head.head.pos_ == "NOUN"
            and current.pos_ in ("NOUN", "PROPN")
        ):
            noun = head.head
            if noun.lower_.endswith(("ing", "tion", "sion", "ment", "ks", "s")) and noun.dep_ != "compound":
                return noun
        if head.pos_ == "VERB" or (head.pos_ == "AUX" and head.dep_ == "ROOT"):
            return head
        current = head
    return current


def _relation_word(verb: Token) -> str | None:
    tokens = list(verb.children)
    if verb.dep_ == "xcomp":
        tokens += list(verb.head.children)
    for child in tokens:
        if child.dep_ == "advmod" and (child.lower_ in _AFTER_WORDS or child.lower_ in _BEFORE_WORDS):
            return child.lower_
    return None


@dataclass
class _Candidate:
    token: Any
    kind: str
    start: int
    end: int
    label: str
    timexes: list
    main: bool


def find_events(article: Article, doc: Doc, timexes: list[Timex], quotes: list[Any]) -> list[Event]:
    """The story's events, each with its story position and chronological rank.

    Events are the speech acts of who-said-what (``quotes``; an empty list is fine) and the
    main-clause events of every sentence outside quotation marks, plus the events that a time
    expression belongs to ("meddling in the 2016 election"). The publication is the last event.

    Args:
        article: the article (its ``published`` date is "now" for the story).
        doc: its spaCy parse.
        timexes: its time expressions (``find_timexes(article, doc)``).
        quotes: its quotes (``newslab.quotes.find_quotes``), or ``[]``.

    Returns:
        Events sorted by rank, then by story position.

    Example:
        >>> events = find_events(article, doc, find_timexes(article, doc), [])
        >>> [(e.rank, e.label) for e in events][:2]
    """
    published = article.published
    sentences = list(article.sentences)
    spans = [
        (doc.char_span(s.start, s.end, alignment_mode="expand"), number) for number, s in enumerate(sentences)
    ]
    candidates: dict[int, _Candidate] = {}
    quoted = quotation_regions(article)  # the quotations every layer reads
    sentence_of: dict[int, int] = {}

    def add(token: Token, kind: str, *, main: bool, label: str | None = None) -> _Candidate:
        existing = candidates.get(token.i)
        if existing is not None:
            if kind == "speech":
                existing.kind = "speech"
            existing.main = existing.main or main
            return existing
        start, end = (
            _event_span(token) if token.pos_ in ("VERB", "AUX") else (token.idx, token.idx + len(token.text))
        )
        candidate = _Candidate(token, kind, start, end, label or _label(token), [], main)
        candidates[token.i] = candidate
        return candidate

    for span, number in spans:
        for token in span or ():
            sentence_of[token.i] = number

    # 1. speech acts from who-said-what (only those in the story's body: not a headline)
    cue_words: set[int] = set()
    for quote in quotes:
        cue_start = getattr(quote, "cue_start", None)
        cue_end = getattr(quote, "cue_end", None)
        if cue_start is None or cue_end is None or cue_end <= cue_start:
            continue
        span = doc.char_span(cue_start, cue_end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        token = span.root
        if token.i not in sentence_of:
            continue
        cue_words.update(t.i for t in span)
        if token.dep_ == "advcl" and token.tag_ == "VBG" and token.head.pos_ == "VERB":
            continue  # "criticised the idea, saying …": one event, told by its main verb
        speaker = getattr(quote, "speaker", None) or getattr(quote, "speaker_mention", None)
        subject = _subject(token)
        # the parse's own subject reads best ("Lindsey Graham had told"); a pronoun gives way to the speaker's name
        label = f"{speaker} {token.text}" if speaker and (subject is None or subject.pos_ == "PRON") else None
        if token.lemma_ == "have" and len(span) > 1:  # "had tweet that…": the event is the tweet, not "had"
            token, label = span[-1], f"{speaker} {span.text}" if speaker else None
        add(token, "speech", main=True, label=label)

    # 2. main-clause events outside quotation marks
    for span, _number in spans:
        if span is None:
            continue
        for token in span:
            if token.pos_ not in ("VERB", "AUX") or _inside(token.idx, quoted) or token.i in cue_words:
                continue
            is_root = token.dep_ == "ROOT"
            is_conj = token.dep_ == "conj" and token.head.dep_ == "ROOT" and _subject(token) is not None
            is_pluperfect = token.dep_ == "ccomp" and "had" in aux_words(token)
            if not (is_root or is_conj or is_pluperfect):
                continue
            if token.pos_ == "AUX" and not any(c.dep_ in ("attr", "acomp") for c in token.children):
                continue
            event_token = token
            xcomps = [c for c in token.children if c.dep_ == "xcomp" and c.pos_ == "VERB"]
            if raises(token) and xcomps:
                event_token = xcomps[0]
            kind = (
                "speech" if token.lemma_ in ("say", "tell", "add", "tweet", "write", "announce") else "action"
            )
            add(event_token, kind, main=is_root or is_conj)

    # 3. the events time expressions belong to
    for timex in timexes:
        if timex.type not in ("DATE", "TIME"):
            continue
        span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
        if span is None or not len(span) or span.root.i not in sentence_of:
            continue
        anchor = _anchor_token(span.root)
        target = None
        for token in [anchor, *anchor.ancestors]:
            if token.i in candidates:
                target = candidates[token.i]
                break
            if token.pos_ == "VERB" and token.dep_ == "xcomp" and token.head.i in candidates:
                continue
            if token.pos_ == "VERB" or token.pos_ == "NOUN":
                break
        if target is None and anchor.i in sentence_of:
            if _inside(anchor.idx, quoted):
                continue
            # a verb reached through "to" ("appeared to backtrack") is the raising verb's event
            if anchor.dep_ == "xcomp" and anchor.head.i in candidates:
                target = candidates[anchor.head.i]
            else:
                target = add(anchor, "action", main=False)
        target.timexes.append(timex)

    return _order(article, doc, candidates, sentence_of, published)


def _order(article: Article, doc: Doc, candidates: dict[int, _Candidate], sentence_of: dict[int, int],
           published: dt.date | None) -> list[Event]:  # fmt: skip
    pub_place = (
        _Place(
            published.toordinal(), 100.0, published.isoformat(), "the publication date", published, published
        )
        if published
        else _Place(
            None,
            100.0,
            "publication (date unknown)",
            "the story was published after all it tells",
            None,
            None,
        )
    )
    reference: _Place | None = None
    reference_paragraph = -10
    places: dict[int, _Place] = {}
    for index in sorted(candidates, key=lambda i: (candidates[i].start, i)):
        candidate = candidates[index]
        token = candidate.token
        paragraph = article.paragraph_of(candidate.start)
        relation = _relation_word(token) if token.pos_ in ("VERB", "AUX") else None
        tense = event_tense(token) if token.pos_ in ("VERB", "AUX") else "other"
        governing = token.head if token.dep_ in ("ccomp", "xcomp") and token.head.i in places else None
        base = places[governing.i] if governing is not None else reference
        place: _Place
        if candidate.timexes:
            timex = candidate.timexes[0]
            place = _place_from_timex(timex, published) or pub_place
            if relation in _AFTER_WORDS and reference is not None and reference.day == place.day:
                place = _shift(place, reference.phase + _AFTER_WORDS[relation] - place.phase,
                               f"“{relation}” + {place.how}: after “{reference.when}” told before")  # fmt: skip
        elif tense == "future":
            place = _Place(pub_place.day, 150.0, "after publication, date not stated",
                           "future tense or modal (“will”, “may”…): after the story was published", published, None, "none")  # fmt: skip
        elif tense == "pluperfect" and base is not None:
            before = base.when if base.when.startswith("before ") else f"before {base.when}"
            place = _Place(base.day, base.phase - 0.5, before,
                           f"“had” + past participle: before the time the story is at ({base.when})", None, base.latest)  # fmt: skip
        elif relation in _AFTER_WORDS and reference is not None:
            place = _Place(reference.day, reference.phase + _AFTER_WORDS[relation], reference.when,
                           f"“{relation}”: after the event told before ({reference.when})", reference.earliest,
                           reference.latest, reference.grain)  # fmt: skip
        elif relation in _BEFORE_WORDS and reference is not None:
            place = _Place(reference.day, reference.phase + _BEFORE_WORDS[relation], f"before {reference.when}",
                           f"“{relation}”: before the event told before ({reference.when})", None, reference.latest)  # fmt: skip
        elif tense == "present":
            place = _Place(pub_place.day, 50.0, f"at publication ({pub_place.when})",
                           "present tense: true when the story was published", pub_place.earliest, pub_place.latest)  # fmt: skip
        elif (
            tense in ("past", "pluperfect", "other")
            and reference is not None
            and paragraph - reference_paragraph <= 3
        ):
            place = _Place(reference.day, reference.phase, reference.when,
                           f"no time of its own: the story is still at “{reference.when}”", reference.earliest,
                           reference.latest, reference.grain)  # fmt: skip
        else:
            place = _Place(pub_place.day, -1.0, "before publication, date not stated",
                           "the text gives no time for it", None, pub_place.latest, "none")  # fmt: skip
        places[index] = place
        if (
            (candidate.main and (candidate.timexes or relation))
            and place.day is not None
            and place.grain == "day"
            and not (published is not None and place.day > published.toordinal())  # a future event
        ):
            reference, reference_paragraph = place, paragraph
    return _rank(article, candidates, sentence_of, places, pub_place)


def _only_before(place: _Place) -> bool:
    """Whether the text places the event only before a stated date ("had told", "earlier")."""
    return place.when.startswith("before ") and not place.when.startswith("before publication")


def _shift(place: _Place, delta: float, how: str) -> _Place:
    return _Place(place.day, place.phase + delta, place.when, how, place.earliest, place.latest, place.grain)


def _rank(article: Article, candidates: dict[int, _Candidate], sentence_of: dict[int, int],
          places: dict[int, _Place], pub_place: _Place) -> list[Event]:  # fmt: skip
    far = 10**9
    rows = []
    for index, candidate in candidates.items():
        rows.append((places[index], candidate, sentence_of.get(index)))
    rows.append((pub_place, None, None))

    def key(place: _Place) -> tuple:
        if place.day is not None and _only_before(place):
            return (place.day, -far)  # known only to lie before that date: before every event on it
        return (far if place.day is None else place.day, place.phase)

    keys = sorted({key(place) for place, _c, _s in rows})
    rank_of = {k: number for number, k in enumerate(keys, start=1)}
    counts: dict[tuple, int] = {}
    for place, _c, _s in rows:
        counts[key(place)] = counts.get(key(place), 0) + 1
    events = []
    for place, candidate, sentence in rows:
        k = key(place)
        note = ""
        if counts[k] > 1 and place.day is not None and _only_before(place):
            note = "before that date, order not stated"
        elif counts[k] > 1:
            grain = place.grain if place.day is not None else "none"
            note = {"day": "same day, order not stated", "year": "same year, order not stated",
                    "month": "same month, order not stated"}.get(grain, NOT_STATED)  # fmt: skip
        earliest = place.earliest.isoformat() if place.earliest else None
        latest = place.latest.isoformat() if place.latest else None
        if candidate is None:
            events.append(Event(0, 0, "", place.when, rank_of[k], None, "the story is published", "publication",
                                place.how, note, earliest, latest))  # fmt: skip
            continue
        text = article.text[candidate.start : candidate.end]
        events.append(Event(candidate.start, candidate.end, text, place.when, rank_of[k], sentence,
                            candidate.label, candidate.kind, place.how, note, earliest, latest))  # fmt: skip
    events.sort(key=lambda e: (e.rank, far if e.sentence is None else e.sentence, e.start))
    return events
