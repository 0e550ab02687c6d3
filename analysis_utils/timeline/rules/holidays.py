"""Rule for named holidays ("Christmas", "Thanksgiving Day", "New Year's Eve",
"Easter Sunday"): TimeML tags them as dates, resolved to a year like a month-day
date (the year written after them, else the one the clause tense calls for).

Fixed-date holidays and the movable ones of the Western calendar that follow from
a rule (Easter, and US holidays on the n-th weekday of a month) are known; holidays
of lunar calendars (Ramadan, Passover, Chinese New Year) and national days that
differ from country to country ("Independence Day") are not tagged.

Part of the timex tagger (see :mod:`analysis_utils.timeline.timexes`); each rule is a
pattern and a resolver, registered in order in ``RULES``.
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Callable

from ..points import Point
from ..patterns import YEAR4, Rule, rule_collector
from ..resolve import absolute, anchored, pick_by_tense, underspecified

RULES: list[Rule] = []
rule = rule_collector(RULES)


def easter(y: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    day = (h + l_ - 7 * m + 114) % 31 + 1
    return date(y, month, day)


def nth_weekday(y: int, month: int, wd: int, n: int) -> date:
    """The n-th weekday ``wd`` (Monday 0) of a month; ``n = -1`` for the last."""
    if n > 0:
        first = date(y, month, 1)
        return first + timedelta(days=(wd - first.weekday()) % 7 + 7 * (n - 1))
    last = date(y + (month == 12), month % 12 + 1, 1) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - wd) % 7)


def _fixed(month: int, day: int) -> Callable[[int], date]:
    return lambda y: date(y, month, day)


# name (lower case, spaces single) -> the day in a given year
HOLIDAYS: dict[str, Callable[[int], date]] = {
    "new year's day": _fixed(1, 1),
    "new year's eve": _fixed(12, 31),
    "christmas": _fixed(12, 25),
    "christmas day": _fixed(12, 25),
    "christmas eve": _fixed(12, 24),
    "boxing day": _fixed(12, 26),
    "valentine's day": _fixed(2, 14),
    "st. patrick's day": _fixed(3, 17),
    "halloween": _fixed(10, 31),
    "fourth of july": _fixed(7, 4),
    "veterans day": _fixed(11, 11),
    "armistice day": _fixed(11, 11),
    "bastille day": _fixed(7, 14),
    "may day": _fixed(5, 1),
    "easter": easter,
    "easter sunday": easter,
    "easter monday": lambda y: easter(y) + timedelta(days=1),
    "good friday": lambda y: easter(y) - timedelta(days=2),
    "thanksgiving": lambda y: nth_weekday(y, 11, 3, 4),
    "thanksgiving day": lambda y: nth_weekday(y, 11, 3, 4),
    "memorial day": lambda y: nth_weekday(y, 5, 0, -1),
    "labor day": lambda y: nth_weekday(y, 9, 0, 1),
    "martin luther king day": lambda y: nth_weekday(y, 1, 0, 3),
    "presidents' day": lambda y: nth_weekday(y, 2, 0, 3),
    "columbus day": lambda y: nth_weekday(y, 10, 0, 2),
    "mother's day": lambda y: nth_weekday(y, 5, 6, 2),
    "father's day": lambda y: nth_weekday(y, 6, 6, 3),
    "election day": lambda y: nth_weekday(y, 11, 0, 1) + timedelta(days=1),
}

_NAMES = (
    r"New\s+Year['’]s\s+(?:Day|Eve)|Christmas(?:\s+(?:Day|Eve))?|Boxing\s+Day|Valentine['’]s\s+Day|St\.\s+Patrick['’]s\s+Day|"
    r"Halloween|Fourth\s+of\s+July|Veterans['’]?\s+Day|Armistice\s+Day|Bastille\s+Day|May\s+Day|"
    r"Easter(?:\s+(?:Sunday|Monday))?|Good\s+Friday|Thanksgiving(?:\s+Day)?|Memorial\s+Day|Labor\s+Day|"
    r"Martin\s+Luther\s+King(?:\s+Jr\.?)?\s+Day|Presidents['’]?\s+Day|Columbus\s+Day|Mother['’]s\s+Day|Father['’]s\s+Day|"
    r"Election\s+Day"
)


def _key(name: str) -> str:
    k = re.sub(r"\s+", " ", name.lower()).replace("’", "'")
    k = re.sub(r" jr\.? day$", " day", k)
    k = {"veterans' day": "veterans day", "presidents day": "presidents' day"}.get(k, k)
    return k


@rule(
    "holiday",
    # capitalised names only ("may day" and "christmas" in lower case are other words);
    # not before a noun that makes the name an adjective ("Christmas shopping" is still
    # a time, "Memorial Day parade" too, but "Labor Day weekend" belongs to the weekend)
    r"(?<![\w-])(?P<name>" + _NAMES + r")(?:,?\s+(?P<y>" + YEAR4 + r"))?(?![\w-])(?!\s+(?:weekend|holiday\s+weekend|season|tree|card|present|gift)s?\b)",
    prio=3,
    triggers=("christmas", "new year", "boxing", "valentine", "patrick", "halloween", "fourth of july",
              "veterans", "armistice", "bastille", "may day", "easter", "good friday", "thanksgiving", "memorial day",
              "labor day", "luther king", "presidents", "columbus day", "mother", "father", "election day"),
)
def _h_holiday(m, ctx):
    day_of = HOLIDAYS.get(_key(m.group("name")))
    if day_of is None:
        return None
    if m.group("y"):
        return absolute(Point.of_day(day_of(int(m.group("y")))))
    if ctx.anchor is None:
        return underspecified("day")
    a = ctx.anchor
    cands = [Point.of_day(day_of(y)) for y in (a.year - 1, a.year, a.year + 1)]
    # within a year of the anchor, as the clause tense says (a past one when in doubt)
    return anchored(pick_by_tense(cands, ctx, window=366), ctx)
