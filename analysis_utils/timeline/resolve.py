"""What a rule's resolver receives and returns, and the helpers that anchor a value.

A resolver gets the match and a :class:`Ctx`: the text, the publication date (the
*anchor*), the tense of the clause, the sentence span, and the reference points in
focus (the last date of the paragraph, of the whole text before, of the sentence, and
the last date with a known year). It returns a :class:`Result`: TimeML type, value,
the :class:`~analysis_utils.timeline.points.Point`, granularity, ``mod``, what the value
was computed from (``anchor_kind``, ``anchor_used``), and whether later expressions
may refer back to it (``focus``).

:func:`anchored` builds a result computed from the anchor, :func:`absolute` one the
text states in full, :func:`underspecified` one that needs an anchor that is missing.
:func:`pick_by_tense` chooses among candidate dates the one the clause tense calls for:
on or before the anchor in a past clause, on or after it in a future one, otherwise
the nearest (a future date counting twice as far: news reports more than it announces).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from .points import Point

@dataclass
class Result:
    type: str
    value: str | None
    point: Point | None = None
    gran: str | None = None
    mod: str | None = None
    anchor_kind: str = "none"
    anchor_used: str | None = None
    focus: bool = True  # may later expressions refer back to this one?


@dataclass
class Ctx:
    text: str
    anchor: date | None
    tense: str
    sentence: tuple[int, int]
    para_focus: Point | None  # last date in this paragraph
    doc_focus: Point | None  # last date anywhere before
    sent_focus: Point | None  # last date earlier in this sentence
    year_focus: Point | None  # last date with a known year anywhere before
    start: int
    end: int


def anchored(p: Point | None, ctx: Ctx, typ: str = "DATE", mod: str | None = None) -> Result:
    """A result computed from the publication date."""
    if p is None or ctx.anchor is None:
        return Result(typ, None, None, None, mod, "none", None)
    return Result(typ, p.value(), p, p.gran, mod, "publication", ctx.anchor.isoformat())


def absolute(p: Point, typ: str = "DATE", mod: str | None = None) -> Result:
    return Result(typ, p.value(), p, p.gran, mod, "absolute", None)


def underspecified(gran: str, typ: str = "DATE", mod: str | None = None, **kw) -> Result:
    p = Point(gran, **kw)
    return Result(typ, p.value(), None, gran, mod, "none", None, focus=False)


def pick_by_tense(cands: list[Point], ctx: Ctx, strict: bool = False, window: int | None = None) -> Point | None:
    """Choose among candidate points (sorted by time) the one the clause tense
    calls for, relative to the anchor: on/before (past), on/after (future),
    nearest (otherwise). ``strict`` excludes the anchor's own period."""
    if ctx.anchor is None or not cands:
        return None
    a = ctx.anchor

    def span(p):
        s, e = p.interval()
        return s, e

    before = [p for p in cands if span(p)[0] and (span(p)[1] < a if strict else span(p)[0] <= a)]
    after = [p for p in cands if span(p)[0] and (span(p)[0] > a if strict else span(p)[1] >= a)]
    if window is not None:
        before = [p for p in before if (a - span(p)[1]).days <= window]
        after = [p for p in after if (span(p)[0] - a).days <= window]
    if ctx.tense == "past" and before:
        return before[-1]
    if ctx.tense == "future" and after:
        return after[0]
    best = None
    bestd = None
    for p in cands:
        s, e = span(p)
        if s is None:
            continue
        if strict and s <= a <= e:
            continue
        d = 0 if s <= a <= e else min(abs((s - a).days), abs((e - a).days))
        if s > a:
            d *= 2  # news reports more than it announces: the past is preferred
        if bestd is None or d < bestd or (d == bestd and s < a):
            best, bestd = p, d
    return best


def weekday_by_tense(a: date, wd: int, tense: str) -> date:
    """The date of weekday ``wd`` (Monday 0) a bare weekday name means, seen from
    the anchor ``a``: the anchor's own day if it is that weekday, else the last
    one in a past clause, the next one in a future clause; in a present clause
    the nearer; with no tense cue at all (a fragment, a caption, "Thursday's
    closing price") the past one unless the next is less than half as far
    (news reports more than it announces)."""
    back = a - timedelta(days=(a.weekday() - wd) % 7)
    fwd = a + timedelta(days=(wd - a.weekday()) % 7)
    if back == a or tense == "past":
        return back
    if tense == "future":
        return fwd
    factor = 2 if tense == "none" else 1
    return back if (a - back) <= factor * (fwd - a) else fwd
