"""Disjoint character spans, kept sorted: an overlap test and an insertion in O(log n).

Extractors that keep the longest of overlapping candidates (``keep a candidate unless it
overlaps one kept already``) test each candidate against what they kept; a list scan makes
that quadratic in the candidates of a text, :class:`DisjointSpans` keeps it O(n log n).
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right


class DisjointSpans:
    """Half-open spans ``[start, end)`` that do not overlap, sorted by start.

    >>> kept = DisjointSpans()
    >>> kept.add(10, 20)
    >>> kept.overlaps(15, 30), kept.overlaps(20, 25), kept.overlaps(0, 10)
    (True, False, False)
    """

    __slots__ = ("_starts", "_ends")

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def __len__(self) -> int:
        return len(self._starts)

    def overlaps(self, start: int, end: int) -> bool:
        """Does ``[start, end)`` share a character with a kept span? (Touching spans do not
        overlap; an empty span overlaps a kept span that strictly contains its position,
        as the test ``not (end <= s or start >= e)`` says for every kept ``(s, e)``.)"""
        if start >= end:  # an empty span: inside a kept span that starts before it
            i = bisect_left(self._starts, start)
            return bool(i) and self._ends[i - 1] > start
        i = bisect_right(self._starts, start)  # kept spans starting at or before ``start``
        if i and self._ends[i - 1] > start:
            return True
        return i < len(self._starts) and self._starts[i] < end

    def add(self, start: int, end: int) -> None:
        """Keep ``[start, end)``, which must not overlap a kept span (an empty span goes
        before a span that starts where it is)."""
        i = (bisect_left if start >= end else bisect_right)(self._starts, start)
        self._starts.insert(i, start)
        self._ends.insert(i, end)


class SpanLookup:
    """Spans ``[start, end)`` (given in any order, possibly nested or overlapping) indexed
    for the two questions the layers ask of them again and again: which overlap a range,
    and which is the first (in the given order) to cover an offset. A question costs the
    spans that start within one longest span of it, not every span of the text.

    >>> look = SpanLookup([(0, 10), (20, 30), (22, 25)])
    >>> look.overlapping(24, 40), look.first_covering(23), look.first_covering(15)
    ([1, 2], 1, None)
    """

    __slots__ = ("_order", "_starts", "_ends", "_longest")

    def __init__(self, spans) -> None:
        spans = [(int(s), int(e)) for s, e in spans]
        self._order = sorted(range(len(spans)), key=lambda i: (spans[i][0], i))
        self._starts = [spans[i][0] for i in self._order]
        self._ends = [spans[i][1] for i in self._order]
        self._longest = max((e - s for s, e in spans), default=0)

    def _window(self, lo: int, hi: int) -> range:
        """Positions (in start order) of the spans that may overlap ``[lo, hi)`` or cover ``lo``."""
        return range(bisect_right(self._starts, lo - self._longest - 1), bisect_right(self._starts, hi))

    def overlapping(self, lo: int, hi: int) -> list[int]:
        """Indexes (into the given spans) of those with ``start < hi`` and ``end > lo``, in
        order of start."""
        return [self._order[k] for k in self._window(lo, hi - 1)
                if self._starts[k] < hi and self._ends[k] > lo]

    def first_covering(self, pos: int) -> int | None:
        """The smallest index of a span with ``start <= pos < end``, else None."""
        found = [self._order[k] for k in self._window(pos, pos) if self._starts[k] <= pos < self._ends[k]]
        return min(found) if found else None
