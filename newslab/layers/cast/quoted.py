"""The stretches of an article inside quotation marks, so that pronouns in a quotation look for people in it."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from newslab.layers.quotemarks import Regions, quotation_regions

if TYPE_CHECKING:
    from newslab.article import Article


def quote_regions(article: Article) -> Regions:
    """The stretches of the article inside quotation marks, as ``(start, end)`` character offsets.

    The same quotations the attribution reads (:func:`newslab.layers.quotemarks.quotation_regions`):
    curly, straight and typewriter marks, quotations that run on over paragraphs, and apostrophes
    (Trump’s, ’90s, ‘em) that are not quote marks. Never raises on unbalanced marks.
    """
    return quotation_regions(article)


def _inside(regions: Iterable[tuple[int, int]], offset: int) -> tuple[int, int] | None:
    if isinstance(regions, Regions):
        return regions.around(offset)
    for start, end in regions:
        if start <= offset < end:
            return (start, end)
    return None
