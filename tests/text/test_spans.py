"""Span indexes (analysis_utils.text.spans) answer as the list scans they replace."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from analysis_utils.text.spans import DisjointSpans, SpanLookup

_SPANS = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 15)).map(lambda t: (t[0], t[0] + t[1])),
                  max_size=14)


@settings(max_examples=400, deadline=None)
@given(_SPANS)
def test_disjoint_spans_keep_what_a_scan_keeps(spans):
    """Longest first, a span is kept unless it overlaps a kept one: the index and a scan of
    the kept list agree on every span, empty ones included."""
    kept, index = [], DisjointSpans()
    for s, e in sorted(spans, key=lambda x: (-(x[1] - x[0]), x[0])):
        scan = any(not (e <= a or s >= b) for a, b in kept)
        assert index.overlaps(s, e) == scan
        if not scan:
            kept.append((s, e))
            index.add(s, e)
    assert len(index) == len(kept)


@settings(max_examples=400, deadline=None)
@given(_SPANS, st.integers(-5, 80), st.integers(0, 25), st.integers(-5, 80))
def test_span_lookup_answers_as_a_scan(spans, lo, width, pos):
    look = SpanLookup(spans)
    hi = lo + width
    assert look.overlapping(lo, hi) == sorted((i for i, (s, e) in enumerate(spans) if s < hi and e > lo),
                                              key=lambda i: (spans[i][0], i))
    assert look.first_covering(pos) == next((i for i, (s, e) in enumerate(spans) if s <= pos < e), None)


def test_span_lookup_reads_only_nearby_spans():
    """A question costs the spans that start within one longest span of it."""
    spans = [(k * 10, k * 10 + 5) for k in range(100_000)]
    look = SpanLookup(spans)
    assert look.overlapping(500_003, 500_012) == [50_000, 50_001]
    assert len(look._window(500_003, 500_003)) <= 3
