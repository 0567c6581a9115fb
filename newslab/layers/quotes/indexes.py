"""Indexes the quote rules build once per article, so that each question costs only its answer.

The rules ask, for every quotation, for the words before and after it in its sentence, and for
every report how much of it is quoted. Walking the paragraph or the list of quotations for each
question costs their length every time: a long paragraph with thousands of quotations would take
minutes. :class:`Runs` (words up to the nearest stop) and :class:`Stretches` (how much of a span
other stretches cover) are built in one pass and answer by bisection.

Example:
    >>> runs = Runs(["a", "b", ".", "c", "d"], [0, 2, 3, 5, 7], [False, False, True, False, False])
    >>> runs.before(0, 7), runs.after(0, 9)
    (['c'], ['a', 'b'])
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import Generic, TypeVar

Item = TypeVar("Item")


class Runs(Generic[Item]):
    """Items in text order (their start offsets ascending), some of which are stops.

    Args:
        items: the items (e.g. the words of a text).
        starts: each item's start offset, ascending.
        stops: whether each item is a stop (e.g. a full stop, or a word inside a quotation).
    """

    def __init__(self, items: Sequence[Item], starts: Sequence[int], stops: Sequence[bool]) -> None:
        self.items = list(items)
        self.starts = list(starts)
        count = len(self.items)
        self.last_stop = [-1] * count  # the nearest stop at or before each position (-1: none)
        self.next_stop = [count] * (count + 1)  # the nearest stop at or after it (count: none)
        latest = -1
        for k, stop in enumerate(stops):
            if stop:
                latest = k
            self.last_stop[k] = latest
        soonest = count
        for k in range(count - 1, -1, -1):
            if stops[k]:
                soonest = k
            self.next_stop[k] = soonest

    def between(self, start: int, end: int) -> list[Item]:
        """The items that start in ``start:end``."""
        return self.items[bisect.bisect_left(self.starts, start) : bisect.bisect_left(self.starts, end)]

    def before(self, floor: int, offset: int) -> list[Item]:
        """The items that start in ``floor:offset`` after the last stop there (the stop left out)."""
        low = bisect.bisect_left(self.starts, floor)
        high = bisect.bisect_left(self.starts, offset)
        if high <= low:
            return []
        return self.items[max(low, self.last_stop[high - 1] + 1) : high]

    def after(self, offset: int, ceiling: int) -> list[Item]:
        """The items that start in ``offset:ceiling`` before the first stop there (the stop left out)."""
        low = bisect.bisect_left(self.starts, offset)
        high = bisect.bisect_left(self.starts, ceiling)
        if high <= low:
            return []
        return self.items[low : min(high, self.next_stop[low])]


class Stretches:
    """``(start, end)`` stretches of text (e.g. the quotations), asked how much of a span they cover.

    Example:
        >>> Stretches([(0, 4), (6, 10)]).covered(2, 8, excluding=None)
        4
    """

    def __init__(self, pairs: Sequence[tuple[int, int]]) -> None:
        self.pairs = sorted(pairs)
        self.starts = [start for start, _ in self.pairs]
        self.reach: list[int] = []  # the furthest end among the pairs up to each position
        furthest = -1
        for _, end in self.pairs:
            furthest = max(furthest, end)
            self.reach.append(furthest)

    def covered(self, start: int, end: int, *, excluding: tuple[int, int] | None) -> int:
        """How many characters of ``start:end`` the stretches cover, each counted on its own (so
        overlapping stretches count twice), leaving out every stretch equal to ``excluding``."""
        total = 0
        k = bisect.bisect_left(self.starts, end) - 1
        while k >= 0 and self.reach[k] > start:
            pair = self.pairs[k]
            if pair != excluding:
                total += max(0, min(end, pair[1]) - max(start, pair[0]))
            k -= 1
        return total
