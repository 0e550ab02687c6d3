"""Calendar points at a granularity, and the arithmetic the timex rules need.

:class:`Point` is a date or a period as the text states it (a century, a decade, a
year, a half, a quarter, a season, a month, a week, a weekend, a day, a part of a day,
an hour, a minute), with its TIMEX3 :meth:`~Point.value` and the calendar days it
covers (:meth:`~Point.interval`). :func:`shift` moves a point by a number of units
keeping its granularity; :func:`coarsen` gives the same point at a coarser
granularity. The word tables (month and weekday names, seasons, parts of day) are
English.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from .number_words import ordinal_number

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
    "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9, "october": 10,
    "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
    "saturday": 5, "sunday": 6,
    "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3,
    "fri": 4, "sat": 5, "sun": 6,
}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}
GRAN_ORDER = {
    "millennium": 0, "century": 1, "decade": 2, "year": 3, "half": 4, "quarter": 5,
    "season": 5, "month": 6, "week": 7, "weekend": 7, "day": 8, "part_of_day": 9,
    "hour": 10, "minute": 11, "second": 12,
}


@dataclass(frozen=True)
class Point:
    """A calendar point or period at some granularity (all fields optional)."""

    gran: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    week: int | None = None
    quarter: int | None = None
    half: int | None = None
    season: str | None = None
    decade: int | None = None  # e.g. 199 for the 1990s
    century: int | None = None  # e.g. 19 for the 1900s / 20th century
    part: str | None = None  # MO AF EV NI
    hour: int | None = None
    minute: int | None = None
    end_day: date | None = None  # for day ranges

    # ---- construction helpers
    @staticmethod
    def of_day(d: date) -> "Point":
        return Point("day", d.year, d.month, d.day)

    def as_date(self) -> date | None:
        if self.year is not None and self.month and self.day:
            try:
                return date(self.year, self.month, self.day)
            except ValueError:
                return None
        return None

    # ---- values
    def value(self) -> str:
        y = "XXXX" if self.year is None else f"{self.year:04d}"
        g = self.gran
        if g == "century":
            return "XX" if self.century is None else f"{self.century:02d}"
        if g == "decade":
            return "XXX" if self.decade is None else f"{self.decade:03d}"
        if g == "year":
            return y
        if g == "half":
            return f"{y}-H{self.half}"
        if g == "quarter":
            return f"{y}-Q{self.quarter or 'X'}"
        if g == "season":
            return f"{y}-{self.season}"
        if g == "month":
            return f"{y}-{self.month:02d}" if self.month else f"{y}-XX"
        if g in ("week", "weekend"):
            w = "WXX" if self.week is None else f"W{self.week:02d}"
            return f"{y}-{w}" + ("-WE" if g == "weekend" else "")
        mm = f"{self.month:02d}" if self.month else "XX"
        dd = f"{self.day:02d}" if self.day else "XX"
        base = f"{y}-{mm}-{dd}"
        if g == "day":
            if self.end_day is not None:
                return f"{base}/{self.end_day.isoformat()}"
            return base
        if g == "part_of_day":
            return f"{base}T{self.part}"
        if g in ("hour", "minute"):
            return f"{base}T{self.hour:02d}:{(self.minute or 0):02d}"
        return base

    def interval(self) -> tuple[date | None, date | None]:
        """First and last day covered (inclusive), when the year is known."""
        g = self.gran
        try:
            if g == "century" and self.century is not None:
                return date(max(1, self.century * 100), 1, 1), date(self.century * 100 + 99, 12, 31)
            if g == "decade" and self.decade is not None:
                return date(max(1, self.decade * 10), 1, 1), date(self.decade * 10 + 9, 12, 31)
            if self.year is None:
                return None, None
            y = self.year
            if g == "year":
                return date(y, 1, 1), date(y, 12, 31)
            if g == "half" and self.half:
                m0 = 1 if self.half == 1 else 7
                return date(y, m0, 1), month_end(y, m0 + 5)
            if g == "quarter" and self.quarter:
                m0 = 3 * (self.quarter - 1) + 1
                return date(y, m0, 1), month_end(y, m0 + 2)
            if g == "season" and self.season:
                # meteorological seasons (northern hemisphere); winter spans the new year
                m0 = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[self.season]
                start = date(y, m0, 1)
                end = month_end(y + 1, 2) if m0 == 12 else month_end(y, m0 + 2)
                return start, end
            if g == "month" and self.month:
                return date(y, self.month, 1), month_end(y, self.month)
            if g in ("week", "weekend") and self.week:
                monday = date.fromisocalendar(y, self.week, 1)
                if g == "weekend":
                    return monday + timedelta(days=5), monday + timedelta(days=6)
                return monday, monday + timedelta(days=6)
            d = self.as_date()
            if d is not None:
                return d, (self.end_day or d)
        except (ValueError, OverflowError):
            return None, None
        return None, None


def month_end(y: int, m: int) -> date:
    """The last day of month ``m`` of year ``y``."""
    return date(y, m, calendar.monthrange(y, m)[1])


def add_months(y: int, m: int, n: int) -> tuple[int, int]:
    """``(year, month)`` ``n`` months after month ``m`` of year ``y`` (``n`` may be negative)."""
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def safe_date(y: int, m: int, d: int) -> date | None:
    """``date(y, m, d)``, or ``None`` when there is no such day."""
    try:
        return date(y, m, d)
    except ValueError:
        return None


def shift(p: Point, unit: str, n: int) -> Point | None:
    """Move a point by ``n`` units (day, week, month, quarter, year, decade,
    century), keeping the point's granularity."""
    if unit == "decade":
        n, unit = n * 10, "year"
    if unit == "century":
        n, unit = n * 100, "year"
    g = p.gran
    if g == "decade" and p.decade is not None:
        if unit == "year" and n % 10 == 0:
            return Point("decade", decade=p.decade + n // 10)
        return None
    if g == "century" and p.century is not None:
        if unit == "year" and n % 100 == 0:
            return Point("century", century=p.century + n // 100)
        return None
    if p.year is None:
        return None
    d = p.as_date()
    if d is not None and g in ("day", "part_of_day", "hour", "minute"):
        if unit == "day":
            nd = d + timedelta(days=n)
        elif unit == "week":
            nd = d + timedelta(weeks=n)
        else:
            months = {"month": 1, "quarter": 3, "year": 12}.get(unit)
            if months is None:
                return None
            y, m = add_months(d.year, d.month, months * n)
            nd = safe_date(y, m, min(d.day, calendar.monthrange(y, m)[1]))
            if nd is None:
                return None
        return Point(g, nd.year, nd.month, nd.day, part=p.part, hour=p.hour, minute=p.minute)
    if g in ("week", "weekend") and p.week:
        monday = date.fromisocalendar(p.year, p.week, 1)
        days = {"day": 1, "week": 7}.get(unit)
        if days is None:
            if unit == "year":
                return Point(g, p.year + n, week=p.week)
            return None
        iso = (monday + timedelta(days=days * n)).isocalendar()
        return Point(g, iso[0], week=iso[1])
    if g == "month" and p.month:
        months = {"month": 1, "quarter": 3, "year": 12}.get(unit)
        if months is None:
            return None
        y, m = add_months(p.year, p.month, months * n)
        return Point("month", y, m)
    if g == "quarter" and p.quarter:
        q = {"quarter": 1, "year": 4}.get(unit)
        if q is None:
            return None
        k = p.year * 4 + (p.quarter - 1) + q * n
        return Point("quarter", k // 4, quarter=k % 4 + 1)
    if g == "half" and p.half:
        if unit != "year":
            return None
        return Point("half", p.year + n, half=p.half)
    if g == "season" and p.season:
        if unit != "year":
            return None
        return Point("season", p.year + n, season=p.season)
    if g == "year":
        if unit != "year":
            return None
        return Point("year", p.year + n)
    return None


def coarsen(p: Point, gran: str) -> Point | None:
    """The same point at a coarser granularity (a day -> its month, year ...)."""
    if p.year is None and gran not in ("decade", "century"):
        return None
    d = p.as_date()
    if gran == "year":
        return Point("year", p.year)
    if gran == "month":
        return Point("month", p.year, p.month) if p.month else None
    if gran == "day":
        return Point("day", p.year, p.month, p.day) if d else None
    if gran == "quarter":
        if p.quarter:
            return Point("quarter", p.year, quarter=p.quarter)
        return Point("quarter", p.year, quarter=(p.month - 1) // 3 + 1) if p.month else None
    if gran == "week":
        if p.week and p.gran in ("week", "weekend"):
            return Point("week", p.year, week=p.week)
        if d:
            iso = d.isocalendar()
            return Point("week", iso[0], week=iso[1])
        return None
    if gran == "decade" and p.year is not None:
        return Point("decade", decade=p.year // 10)
    if gran == "century" and p.year is not None:
        return Point("century", century=p.year // 100)
    return None


def finer_or_equal(a: str, b: str) -> bool:
    """Is granularity ``a`` as fine as ``b`` or finer (a day is finer than a month)?"""
    return GRAN_ORDER.get(a, 0) >= GRAN_ORDER.get(b, 0)


def month_num(s: str) -> int:
    """1-12 for a month name or abbreviation ("Sept.", "july")."""
    return MONTHS[s.strip().rstrip(".").lower()]


def quarter_of(word: str) -> int | None:
    """1-4 for "first" ... "fourth", "final"/"last" (4), "3rd"; else ``None``."""
    w = word.lower()
    if w in ("final", "last", "fourth", "4th"):
        return 4
    n = ordinal_number(w)
    return n if n in (1, 2, 3, 4) else None


def interval_of_value(v: str) -> tuple[date | None, date | None]:
    """First and last day of a simple ISO value (``2024``, ``2024-06``, ``2024-06-18``)."""
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", v)
    if not m:
        return None, None
    y = int(m.group(1))
    if m.group(3):
        d = safe_date(y, int(m.group(2)), int(m.group(3)))
        return d, d
    if m.group(2):
        mo = int(m.group(2))
        if not 1 <= mo <= 12:
            return None, None
        return date(y, mo, 1), month_end(y, mo)
    return date(y, 1, 1), date(y, 12, 31)
