"""The stretches of an article inside quotation marks, so that pronouns in a quotation look for people in it."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newslab.article import Article


def quote_regions(article: Article) -> list[tuple[int, int]]:
    """The stretches of the body inside quotation marks, as ``(start, end)`` character offsets.

    Curly quotes open and close; a straight ``"`` toggles; a quotation still open at a
    paragraph's end ends there (a quotation that goes on opens the next paragraph with a new
    mark, by newspaper convention). Apostrophes (Trump’s, ’90s) are not quote marks.
    Never raises on unbalanced marks.
    """
    regions = []
    text = article.text
    open_at: int | None = None
    for paragraph in article.paragraphs:
        if open_at is not None:  # a quotation left open ends with its paragraph
            regions.append((open_at, _previous_end(article, paragraph.start)))
            open_at = None
        for offset in range(paragraph.start, paragraph.end):
            char = text[offset]
            if char == "“" or (char == "‘" and _is_opening_single(text, offset)):
                if open_at is None:
                    open_at = offset
            elif char == "”" or (
                char == "’"
                and _is_closing_single(text, offset)
                and open_at is not None
                and text[open_at] == "‘"
            ):
                if open_at is not None:
                    regions.append((open_at, offset + 1))
                    open_at = None
            elif char == '"':
                if open_at is None:
                    open_at = offset
                else:
                    regions.append((open_at, offset + 1))
                    open_at = None
    if open_at is not None:
        regions.append((open_at, article.paragraphs[-1].end))
    return regions


def _previous_end(article: Article, start: int) -> int:
    ends = [p.end for p in article.paragraphs if p.end <= start]
    return ends[-1] if ends else start


_ELISION = re.compile(r"(?:em|tis|twas|til|cause|bout|n|round|nuff|ya)\b|\d0s\b|\d\d\b", re.IGNORECASE)


def _is_opening_single(text: str, offset: int) -> bool:
    """An opening single quote, not the apostrophe of ‘em, ‘til or ‘90s."""
    before = text[offset - 1] if offset else " "
    after = text[offset + 1] if offset + 1 < len(text) else " "
    if _ELISION.match(text, offset + 1):
        return False
    return (before.isspace() or before in "(—–-") and after.isalpha()


def _is_closing_single(text: str, offset: int) -> bool:
    before = text[offset - 1] if offset else " "
    after = text[offset + 1] if offset + 1 < len(text) else " "
    return not before.isspace() and not after.isalnum()


def _inside(regions: Iterable[tuple[int, int]], offset: int) -> tuple[int, int] | None:
    for start, end in regions:
        if start <= offset < end:
            return (start, end)
    return None
