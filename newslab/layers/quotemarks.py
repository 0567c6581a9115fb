"""Quotation marks: which marks open and close a quotation, and which are only apostrophes.

News text mixes curly (“ ” ‘ ’) and straight (" ') marks, typewriter pairs (`` and ''), and
apostrophes that look like quote marks: ‘em, ’90s, Trump’s. A quotation may also run over
several paragraphs: by convention, a paragraph that continues a quotation opens with a mark, and
the paragraph before it has no closing mark. So an odd number of marks is normal, never an error.

:func:`quoted_spans` reads the marks of each paragraph, decides from the characters around each
mark (not only from its shape) whether it opens or closes, and pairs them.

Example:
    >>> text = "“We can’t trust Russia.\\n\\n“But keep them in check,” she said."
    >>> [(s.start, s.end, s.continues) for s in quoted_spans(text, [(0, 23), (25, 59)])]
    [(0, 23, True), (25, 50, False)]
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newslab.article import Article

# Double marks: the usual delimiters of quotations in English news.
DOUBLE_OPEN = {"“", "„", "«", "``"}
DOUBLE_CLOSE = {"”", "»"}
DOUBLE_EITHER = {'"', "''"}
# Single marks: quotations inside quotations, headlines, or the primary marks of some styles.
SINGLE_OPEN = {"‘"}
SINGLE_CLOSE = {"’"}
SINGLE_EITHER = {"'"}

_DOUBLE_MARK = re.compile(r"``|''|[“”„«»\"]")
_SINGLE_MARK = re.compile(r"[‘’']")
# Words that start with an apostrophe standing for dropped letters: ‘em, ’til, ’90s, rock ’n’ roll.
_ELISIONS = re.compile(r"(?:em|tis|twas|til|cause|bout|n|round|nuff|ya|s)\b|\d0s\b|\d\d\b", re.IGNORECASE)
_OPENING_CONTEXT = set(" \t\n\u00a0([{—–―-/") | {""}
_CLOSING_CONTEXT = set(" \t\n\u00a0)]}—–―-/,.;:!?…") | {""}


@dataclass(frozen=True)
class Mark:
    """One quotation mark: where it is and whether it opens or closes a quotation."""

    start: int
    end: int
    role: str  # "open" or "close"


@dataclass(frozen=True)
class QuotedSpan:
    """A stretch of text between quotation marks, marks included.

    Attributes:
        start, end: offsets of the span, marks included (``end`` is the paragraph's end when the
            quotation has no closing mark in this paragraph).
        paragraph: the number of the paragraph it is in.
        closed: ``True`` when a closing mark ends it.
        continues: ``True`` when it runs on into the next paragraph (no closing mark, and the next
            paragraph opens with a mark).
        continued: ``True`` when it continues a quotation from the previous paragraph.
    """

    start: int
    end: int
    paragraph: int
    closed: bool
    continues: bool = False
    continued: bool = False


def find_marks(text: str, start: int, end: int, *, single: bool = False) -> list[Mark]:
    """The quotation marks in ``text[start:end]`` with their roles; apostrophes are left out.

    Args:
        text: the whole text.
        start, end: the stretch to read (usually one paragraph).
        single: read single marks (‘ ’ ') instead of double ones.
    """
    pattern = _SINGLE_MARK if single else _DOUBLE_MARK
    marks = []
    for match in pattern.finditer(text, start, end):
        mark = match.group()
        before = text[match.start() - 1] if match.start() > start else ""
        after = text[match.end()] if match.end() < end else ""
        role = _role(mark, before, after, text, match.end(), end, single=single)
        if role:
            marks.append(Mark(match.start(), match.end(), role))
    return marks


def _role(mark: str, before: str, after: str, text: str, position: int, end: int, *, single: bool) -> str:
    """ "open", "close" or "" (an apostrophe or a mark that cannot be a delimiter)."""
    opens_here = before in _OPENING_CONTEXT or before in "“”\"'‘’"
    closes_here = after in _CLOSING_CONTEXT or after in "“”\"'‘’"
    if single:
        if before.isalnum() and after.isalnum():
            return ""  # Trump’s, don’t, rock’n’roll
        if opens_here and _ELISIONS.match(text, position, end):
            return ""  # ‘em, ’90s, ’til
        if before.isalnum() and mark == "’" and not closes_here:
            return ""
        if before in "sS" and mark in "’'" and after == " ":
            return "close?"  # the senators’ votes — a closing mark only if a quotation is open
    if opens_here and not closes_here:
        return "open"
    if closes_here and not opens_here:
        return "close"
    if mark in DOUBLE_OPEN or mark in SINGLE_OPEN:
        return "open"
    if mark in DOUBLE_CLOSE or mark in SINGLE_CLOSE:
        return "close"
    return "either"


def quoted_spans(
    text: str, paragraphs: Iterable[tuple[int, int]], *, single: bool | None = None
) -> list[QuotedSpan]:
    """Pair the quotation marks of each paragraph into quoted spans, in text order.

    A paragraph whose quotation is never closed ends that span at the paragraph's end; if the next
    paragraph opens with a mark, the span ``continues`` there (the multi-paragraph convention).

    Args:
        text: the whole text.
        paragraphs: ``(start, end)`` of each paragraph.
        single: use single marks (‘ ’) as the quotation marks; by default they are used only
            when the text has no double marks at all.

    Returns:
        The spans, never raising on unbalanced marks.
    """
    paragraphs = list(paragraphs)
    if single is None:
        single = not any(_DOUBLE_MARK.search(text, s, e) for s, e in paragraphs)
    spans: list[QuotedSpan] = []
    carried = False
    for number, (p_start, p_end) in enumerate(paragraphs):
        marks = find_marks(text, p_start, p_end, single=single)
        opened: int | None = None
        inner: str | None = None  # the shape of the marks of a quotation inside the open one
        continued = False
        for index, mark in enumerate(marks):
            role = mark.role
            if role == "either":
                role = "close" if opened is not None else "open"
            if role == "close?":
                if opened is None:
                    continue
                role = "close"
            if inner is not None:
                if role == "close" and _shape(text, mark.start) == inner:
                    inner = None
                    continue
                if role == "close":  # the outer quotation ends while the inner one is still open
                    inner = None
            elif (
                role == "open"
                and mark.role == "open"
                and opened is not None
                and _nests(text, p_start, opened, marks[index:])
            ):
                # "She read: “As you know…” and went on": curly marks inside straight ones (or the other
                # way round) quote something inside the quotation; it stays part of the speaker's words
                inner = _shape(text, mark.start)
                continue
            if role == "open":
                if opened is not None:
                    # Two openings in a row: the first quotation was never closed; end it before this one.
                    spans.append(_span(text, opened, mark.start, number, False, continued=continued))
                    continued = False
                opened = mark.start
                continued = carried and index == 0 and _at_start(text, p_start, mark.start)
            elif opened is not None:
                spans.append(QuotedSpan(opened, mark.end, number, True, continued=continued))
                opened, continued = None, False
            # a closing mark with nothing open: a stray mark or an apostrophe; skip it
        carried = False
        if opened is not None:
            follows = _next_opens(text, paragraphs, number, single)
            spans.append(_span(text, opened, p_end, number, False, continues=follows, continued=continued))
            carried = follows
    return [s for s in spans if s.end - s.start > 2]


def is_nickname(text: str, span: QuotedSpan) -> bool:
    """A quoted nickname inside a name (Marcia “Cia” Price, Robert C. "Bobby" Scott): not a quotation."""
    inner = text[span.start : span.end].strip("“”\"'‘’`„«» ")
    if not span.closed or not inner or len(inner.split()) > 2 or not inner[0].isupper():
        return False
    before = text[max(0, span.start - 30) : span.start].rstrip(" \u00a0")
    after = text[span.end : span.end + 30].lstrip(" \u00a0")
    last_before = before.split()[-1] if before.split() else ""
    initial = re.fullmatch(r"[A-Z]\.", last_before) is not None  # Robert C. "Bobby" Scott
    ends_clause = last_before.endswith((".", ",", ":")) and not initial
    return last_before[:1].isupper() and after[:1].isupper() and not ends_clause


def quotations(text: str, paragraphs: Iterable[tuple[int, int]]) -> list[QuotedSpan]:
    """The quotations of a text as every layer reads them: :func:`quoted_spans` without nicknames."""
    return [span for span in quoted_spans(text, paragraphs) if not is_nickname(text, span)]


def quotation_regions(article: Article) -> Regions:
    """``(start, end)`` of each quotation of an article (marks included), in text order.

    The one reading of quotation marks that who's who, who said what and the timeline share.
    """
    paragraphs = [(p.start, p.end) for p in article.paragraphs]
    return Regions((span.start, span.end) for span in quotations(article.text, paragraphs))


class Regions(list):
    """``(start, end)`` pairs (a list, read-only once made) that find the one around an offset quickly.

    Quotations come in text order and never overlap, so the one around an offset is found by
    bisection, not by reading them all (a long text may hold thousands). Pairs that are not in
    order are read one by one, with the same answer.

    Example:
        >>> Regions([(0, 5), (9, 12)]).around(10)
        (9, 12)
    """

    def __init__(self, pairs: Iterable[tuple[int, int]] = ()) -> None:
        super().__init__(pairs)
        self.starts = [start for start, _ in self]
        self.ordered = all(s <= e for s, e in self) and all(
            self[k][1] <= self[k + 1][0] for k in range(len(self) - 1)
        )

    def around(self, offset: int) -> tuple[int, int] | None:
        """The first pair with ``start <= offset < end``, or ``None``."""
        if not self.ordered:
            return next(((s, e) for s, e in self if s <= offset < e), None)
        k = bisect.bisect_right(self.starts, offset) - 1
        if k >= 0 and offset < self[k][1]:
            return self[k]
        return None


def _shape(text: str, offset: int) -> str:
    """The kind of quotation mark at ``offset``: "straight" (" and '), "backtick" (``) or "curly" (“ ” „ « »)."""
    character = text[offset]
    if character in "\"'":
        return "straight"
    return "backtick" if character == "`" else "curly"


def _nests(text: str, paragraph_start: int, opened: int, marks: list[Mark]) -> bool:
    """Whether the opening mark ``marks[0]`` inside an open quotation starts a quotation inside it.

    Only when its shape differs from the first mark's (a straight quotation quoting a curly one), and
    the outer quotation either opens its paragraph or closes after the inner one: otherwise the first
    mark was a stray one ("called it "a sham. “We will fight,” she said").
    """
    outer, own = _shape(text, opened), _shape(text, marks[0].start)
    if own == outer:
        return False
    if _at_start(text, paragraph_start, opened):
        return True
    closes = [k for k, m in enumerate(marks) if k and m.role != "open" and _shape(text, m.start) == own]
    return bool(closes) and any(_shape(text, m.start) == outer for m in marks[closes[0] + 1 :])


def _span(
    text: str,
    start: int,
    end: int,
    paragraph: int,
    closed: bool,
    *,
    continues: bool = False,
    continued: bool = False,
) -> QuotedSpan:
    while end > start and text[end - 1].isspace():
        end -= 1
    return QuotedSpan(start, end, paragraph, closed, continues=continues, continued=continued)


def _at_start(text: str, paragraph_start: int, position: int) -> bool:
    return not text[paragraph_start:position].strip()


def _next_opens(text: str, paragraphs: list[tuple[int, int]], number: int, single: bool) -> bool:
    if number + 1 >= len(paragraphs):
        return False
    start, end = paragraphs[number + 1]
    marks = find_marks(text, start, end, single=single)
    return bool(marks) and marks[0].role in ("open", "either") and _at_start(text, start, marks[0].start)
