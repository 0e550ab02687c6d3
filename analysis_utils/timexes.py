"""Temporal expressions (TimeML TIMEX3) found by rules and anchored to a date.

:func:`find_timexes` finds dates, times, durations, sets and vague temporal
references in a text and normalises them to TimeML TIMEX3 / ISO 8601 values,
keeping the granularity the text gives ("July 2000" is ``2000-07``, not a day).
Relative expressions are resolved against the publication date (the
*anchor*) or, for anaphoric ones ("the day before", "that year", "July of the
same year"), against the last date the text mentioned. Everything is plain
Python (regular expressions and a few hundred lines of rules): no model,
nothing to download, a few milliseconds per article.

Columns of the timexes table
----------------------------
``type``           ``DATE``, ``TIME``, ``DURATION`` or ``SET`` (TimeML types);
                   vague references are ``DATE`` with value ``PRESENT_REF``,
                   ``PAST_REF`` or ``FUTURE_REF``
``text``           ``text[start:end]``
``start``, ``end`` offsets into the text given; ``end`` is exclusive
``value``          TIMEX3 value: ``2000``, ``2000-07``, ``2024-06-05``,
                   ``2024-W25``, ``2024-Q3``, ``2024-SU``, ``199`` (the 1990s),
                   ``19`` (the 20th century), ``2024-06-19T02:22``,
                   ``2024-06-18TEV`` (part of day), an interval
                   ``2024-06-18/2024-06-19``, durations ``P24Y``, ``PT1.5H``,
                   ``PXY`` (an unknown number of years), sets ``P1Y`` or
                   ``XXXX-WXX-1``; ``XXXX``-style placeholders where the anchor
                   is needed but unknown; ``None`` when nothing can be said
``granularity``    the unit the value is stated in: ``century``, ``decade``,
                   ``year``, ``half``, ``quarter``, ``season``, ``month``,
                   ``week``, ``weekend``, ``day``, ``part_of_day``, ``hour``,
                   ``minute``; for durations and sets the unit; ``None`` for
                   vague references
``value_start``,   for dates and times: the first and the last calendar day the
``value_end``      value covers (ISO dates, both inclusive: a month is a month
                   wide); ``None`` for durations, sets and vague references
``mod``            TimeML ``mod``: ``START`` (early), ``MID``, ``END`` (late, the
                   end of), ``APPROX``, ``MORE_THAN``, ``LESS_THAN``,
                   ``EQUAL_OR_MORE``, ``EQUAL_OR_LESS``; else ``None``
``tense``          the tense of the clause the expression sits in, as the rules
                   read it: ``past``, ``present``, ``future`` or ``none``
``anchor_kind``    what the value was computed from: ``absolute`` (the text
                   says it all), ``publication`` (the anchor), ``previous_date``
                   (the last date mentioned), ``none`` (durations, sets, vague
                   references, or an anchor that was needed but missing)
``anchor_used``    the reference point itself as an ISO value (the anchor
                   date, or the value of the earlier expression), else ``None``
``rule``           the name of the rule that found and normalised it
``sentence_start`` start offset of the sentence holding the expression

How it works
------------
1. *Candidates.* 43 regular-expression rules (calendar dates, numeric
   dates, years, decades, centuries, quarters, halves, seasons, weekdays,
   day-of-month ordinals, "today"-words, deictic units such as "last week",
   anaphoric ones such as "the next day", "N units ago", durations, clock
   times, parts of day, sets such as "every year" or "$5 a year", vague
   references, a short table of named eras) propose spans. Numbers may be
   digits, decimals, fractions or words ("nine", "twenty-four", "a dozen",
   "a couple of"). A rule runs on a paragraph only if one of its trigger
   words occurs there (``TRIGGERS``), which keeps the tagger fast.
2. *Selection.* Overlapping candidates are settled longest-first, so "July of
   the same year" beats "July", and "first ... in 10 years" stays a duration
   (no rule turns "in N years" into a future date). When the chosen
   candidate turns out not to be a time (a rule's resolver declines), the
   shorter candidates it had displaced are tried instead.
3. *Resolution*, in text order (clock times after the other expressions of
   their sentence, so that "at 2:22 a.m. on the 19th" finds its day), with
   two pieces of context:

   - the **tense of the clause**: cue words (``will``, ``would``, ``is
     expected/scheduled/set/due to``, ``plans to``, a Title-Case headline's
     "X to Visit" as future; ``was``/``had`` and ``was scheduled to`` as
     past, ``-ed`` forms and common irregular past forms as past;
     reporting verbs as weak past; ``is``/``has`` as present). The governing
     cue is the nearest one before the expression in its clause, else the
     nearest one in the sentence. An ``according to ...`` attribution counts
     as no tense; "since" makes it past; "until/by/to" before the expression
     cancels a past tense (an end point may lie ahead). Bare day ordinals
     ("the 5th"), weekdays, months, seasons and quarters go to the nearest
     such date *on or before* the anchor in a past clause, *on or after* it
     in a future clause (for month names and month-day dates only within
     300 days), and otherwise to the nearest one, a future one counting
     twice as far (news reports more than it announces);
   - the **reference point in focus**: the last date mentioned. Anaphoric
     expressions at day level ("the day before", "the next day", "that day")
     use a day-level date mentioned earlier in the same paragraph, else the
     anchor; year-level ones ("that year", "the same year", "July of the
     same year") use the last year mentioned anywhere earlier in the text,
     else the anchor; "at that time" takes the value of the last date.
     "A year earlier/ago", "year-earlier" beside a quarter give the same
     quarter a year before; such comparisons do not move the focus.
4. Values are written with ISO 8601 / TimeML conventions; ``value_start`` and
   ``value_end`` give the covered days.

Known limits: English only; no parsing, so tense is read from cue words; a
bare number is never taken for a day or a year unless the context makes it a
date (``"1,402 items"``, ``"Article 4"``, ``"No. 2"``, ``"5 percent"``, page and
phone numbers are not dates); event-anchored expressions ("two days after
the election") are durations, not dates.
"""
from __future__ import annotations

import bisect
import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, Callable, Iterable

import pandas as pd

COLUMNS = [
    "type",
    "text",
    "start",
    "end",
    "value",
    "granularity",
    "value_start",
    "value_end",
    "mod",
    "tense",
    "anchor_kind",
    "anchor_used",
    "rule",
    "sentence_start",
]

# --------------------------------------------------------------------------- lexicon

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
SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
_ORD_SMALL = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11,
    "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
    "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
}
ORDINALS = dict(_ORD_SMALL)
ORDINALS.update({"twentieth": 20, "thirtieth": 30})
for _t, _v in (("twenty", 20), ("thirty", 30)):
    for _o, _ov in list(_ORD_SMALL.items())[:9]:
        ORDINALS[f"{_t}-{_o}"] = _v + _ov
        ORDINALS[f"{_t} {_o}"] = _v + _ov
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}
# unit word -> (code, granularity)
UNITS = {
    "second": ("S", "second"), "minute": ("MIN", "minute"), "hour": ("H", "hour"),
    "day": ("D", "day"), "week": ("W", "week"), "fortnight": ("FN", "week"),
    "month": ("M", "month"), "quarter": ("Q", "quarter"), "year": ("Y", "year"),
    "decade": ("DE", "decade"), "century": ("CE", "century"),
    "millennium": ("ML", "millennium"),
}
_GRAN_ORDER = {
    "millennium": 0, "century": 1, "decade": 2, "year": 3, "half": 4, "quarter": 5,
    "season": 5, "month": 6, "week": 7, "weekend": 7, "day": 8, "part_of_day": 9,
    "hour": 10, "minute": 11, "second": 12,
}

# ------------------------------------------------------------------ regex pieces


def _cap_alt(words: Iterable[str], lower_ok: bool = True) -> str:
    """An alternation matching each word Capitalised, UPPER or (optionally) lower."""
    out = []
    for w in sorted(words, key=len, reverse=True):
        forms = {w.capitalize(), w.upper()}
        if lower_ok:
            forms.add(w.lower())
        out.extend(sorted(forms, key=len, reverse=True))
    return "|".join(re.escape(f) for f in out)


_MONTH_FULL = ["january", "february", "april", "june", "july", "august", "september",
               "october", "november", "december"]
_MONTH_ABBR = ["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sept", "sep", "oct",
               "nov", "dec"]
# Full names in any case except "may"/"march", which must be capitalised;
# abbreviations must be capitalised and may carry a period.
MONTH = (
    r"(?:(?:" + _cap_alt(_MONTH_FULL) + r"|" + _cap_alt(["may", "march"], lower_ok=False)
    + r")\b|(?:" + _cap_alt(_MONTH_ABBR, lower_ok=False) + r")(?:\.|\b))"
)
_WD_FULL = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
WEEKDAY = r"(?:" + _cap_alt(_WD_FULL) + r")"
DAYNUM = r"(?:3[01]|[12][0-9]|0?[1-9])"
ORDSUF = r"(?:st|nd|rd|th)"
YEAR4 = r"(?:1[0-9]{3}|20[0-9]{2}|21[0-9]{2})"
_NOT_NUM_BEFORE = r"(?<![\w$€£¥₩#.,/-])"
_NOT_NUM_AFTER = r"(?![\w%]|[.,/-]\d|\s*(?:%|percent\b|per\s*cent\b))"
YEAR = _NOT_NUM_BEFORE + YEAR4 + _NOT_NUM_AFTER
_SMALLW = "|".join(sorted(SMALL, key=len, reverse=True))
_TENSW = "|".join(TENS)
NUMW = (
    rf"(?:(?:{_TENSW})(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine)\b)?|(?:{_SMALLW})\b)"
    r"(?:\s+(?:hundred|thousand)\b)?"
)
QUANT = (
    r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?(?:\s+1/2|\s*½)?|"
    rf"(?:{NUMW})(?:\s+and\s+a\s+half\b)?|"
    r"an?\s+(?:dozen|hundred|thousand|couple\s+of|few)\b|(?:a\s+)?couple\s+of\b|"
    r"several\b|few\b|many\b|dozens\s+of\b|hundreds\s+of\b|thousands\s+of\b|"
    r"some\b|a\s+number\s+of\b|half\s+an?\b|an?\b)"
)
UNIT = (
    r"(?:(?:trading|business|working|calendar|school|fiscal)\s+)?"
    r"(?P<unit>seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|quarters?|years?|"
    r"decades?|century|centuries|millennium|millennia|millenniums)\b"
)
ORDW = "|".join(sorted((re.escape(k) for k in ORDINALS), key=len, reverse=True))
# a following word that makes a bare ordinal a noun modifier, not a date
_ORD_OK_FOLLOW = {
    "and", "or", "of", "at", "in", "on", "to", "when", "while", "as", "after",
    "before", "during", "until", "till", "through", "from", "with", "that",
    "which", "where", "for", "by", "local", "this", "next", "last", "but",
    "because", "since", "so", "than", "is", "was", "were", "are", "will",
    "said", "says", "(local", "korea", "kst",
}
_TZ = r"(?:(?:[ECMP][SD]T|GMT|UTC|KST|JST|BST|CET|CEST|EET)\b)"
_AMPM = r"(?:[aApP]\.\s?[mM]\.|[aApP][mM]\b|[aApP]\.[mM]\b)"
CLOCK = (
    r"(?:(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>" + _AMPM + r"|o'clock\b)"
    r"|(?P<h24>[01]?\d|2[0-3]):(?P<mi24>[0-5]\d)(?::[0-5]\d)?(?=\s*(?:" + _TZ + r"|h\b|hrs\b|hours\b|\(?local\b))"
    r"|(?P<noon>noon|midday|midnight)\b)"
)

# ----------------------------------------------------------------- dates & values


@dataclass(frozen=True)
class _Point:
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
    def of_day(d: date) -> "_Point":
        return _Point("day", d.year, d.month, d.day)

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
                return date(y, m0, 1), _month_end(y, m0 + 5)
            if g == "quarter" and self.quarter:
                m0 = 3 * (self.quarter - 1) + 1
                return date(y, m0, 1), _month_end(y, m0 + 2)
            if g == "season" and self.season:
                # meteorological seasons (northern hemisphere); winter spans the new year
                m0 = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[self.season]
                start = date(y, m0, 1)
                end = _month_end(y + 1, 2) if m0 == 12 else _month_end(y, m0 + 2)
                return start, end
            if g == "month" and self.month:
                return date(y, self.month, 1), _month_end(y, self.month)
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


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _add_months(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _shift(p: _Point, unit: str, n: int) -> _Point | None:
    """Move a point by ``n`` units (day, week, month, quarter, year, decade,
    century), keeping the point's granularity."""
    if unit == "decade":
        n, unit = n * 10, "year"
    if unit == "century":
        n, unit = n * 100, "year"
    g = p.gran
    if g == "decade" and p.decade is not None:
        if unit == "year" and n % 10 == 0:
            return _Point("decade", decade=p.decade + n // 10)
        return None
    if g == "century" and p.century is not None:
        if unit == "year" and n % 100 == 0:
            return _Point("century", century=p.century + n // 100)
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
            y, m = _add_months(d.year, d.month, months * n)
            nd = _safe_date(y, m, min(d.day, calendar.monthrange(y, m)[1]))
            if nd is None:
                return None
        return _Point(g, nd.year, nd.month, nd.day, part=p.part, hour=p.hour, minute=p.minute)
    if g in ("week", "weekend") and p.week:
        monday = date.fromisocalendar(p.year, p.week, 1)
        days = {"day": 1, "week": 7}.get(unit)
        if days is None:
            if unit == "year":
                return _Point(g, p.year + n, week=p.week)
            return None
        iso = (monday + timedelta(days=days * n)).isocalendar()
        return _Point(g, iso[0], week=iso[1])
    if g == "month" and p.month:
        months = {"month": 1, "quarter": 3, "year": 12}.get(unit)
        if months is None:
            return None
        y, m = _add_months(p.year, p.month, months * n)
        return _Point("month", y, m)
    if g == "quarter" and p.quarter:
        q = {"quarter": 1, "year": 4}.get(unit)
        if q is None:
            return None
        k = p.year * 4 + (p.quarter - 1) + q * n
        return _Point("quarter", k // 4, quarter=k % 4 + 1)
    if g == "half" and p.half:
        if unit != "year":
            return None
        return _Point("half", p.year + n, half=p.half)
    if g == "season" and p.season:
        if unit != "year":
            return None
        return _Point("season", p.year + n, season=p.season)
    if g == "year":
        if unit != "year":
            return None
        return _Point("year", p.year + n)
    return None


def _coarsen(p: _Point, gran: str) -> _Point | None:
    """The same point at a coarser granularity (a day -> its month, year ...)."""
    if p.year is None and gran not in ("decade", "century"):
        return None
    d = p.as_date()
    if gran == "year":
        return _Point("year", p.year)
    if gran == "month":
        return _Point("month", p.year, p.month) if p.month else None
    if gran == "day":
        return _Point("day", p.year, p.month, p.day) if d else None
    if gran == "quarter":
        if p.quarter:
            return _Point("quarter", p.year, quarter=p.quarter)
        return _Point("quarter", p.year, quarter=(p.month - 1) // 3 + 1) if p.month else None
    if gran == "week":
        if p.week and p.gran in ("week", "weekend"):
            return _Point("week", p.year, week=p.week)
        if d:
            iso = d.isocalendar()
            return _Point("week", iso[0], week=iso[1])
        return None
    if gran == "decade" and p.year is not None:
        return _Point("decade", decade=p.year // 10)
    if gran == "century" and p.year is not None:
        return _Point("century", century=p.year // 100)
    return None


def _finer_or_equal(a: str, b: str) -> bool:
    return _GRAN_ORDER.get(a, 0) >= _GRAN_ORDER.get(b, 0)


def _fmt_num(n: float) -> str:
    if float(n).is_integer():
        return str(int(n))
    return f"{n:.3f}".rstrip("0").rstrip(".")


_SMALLER = {"Y": (12, "M"), "M": None, "D": (24, "H"), "H": (60, "M"), "MIN": (60, "S"), "W": (7, "D")}


def duration_value(n: float | None, unit: str, mixed: bool = False) -> str:
    """ISO 8601 / TimeML duration: ``P24Y``, ``PT1.5H``, ``PXM`` (unknown count).

    A decimal stays a decimal ("1.5 hours" -> ``PT1.5H``); with ``mixed=True``
    (a spelled fraction: "two and a half years", "a minute and a half") the
    fraction goes to the next smaller unit when it divides evenly (``P2Y6M``,
    ``PT1M30S``)."""
    code, _ = UNITS[unit]
    if mixed and n is not None and not float(n).is_integer() and _SMALLER.get(code):
        k, small = _SMALLER[code]
        whole, frac = int(n), n - int(n)
        rest = frac * k
        if float(rest).is_integer():
            big = {"MIN": "M"}.get(code, code)
            timey_big = code in ("H", "MIN")
            timey_small = code in ("D", "H", "MIN")
            out = "P"
            if whole:
                out += ("T" if timey_big else "") + f"{whole}{big}"
            if timey_small and "T" not in out:
                out += "T"
            return out + f"{int(rest)}{small}"
    if code == "DE":
        return "PXE" if n is None else f"P{_fmt_num(n * 10)}Y"
    if code == "CE":
        return "PXC" if n is None else f"P{_fmt_num(n * 100)}Y"
    if code == "ML":
        return "PXL" if n is None else f"P{_fmt_num(n * 1000)}Y"
    if code == "FN":
        return "PXW" if n is None else f"P{_fmt_num(n * 2)}W"
    num = "X" if n is None else _fmt_num(n)
    if code in ("H", "S"):
        return f"PT{num}{code}"
    if code == "MIN":
        return f"PT{num}M"
    return f"P{num}{code}"


def _unit_of(word: str) -> str:
    w = word.lower()
    if w in ("centuries", "century"):
        return "century"
    if w.startswith("millenni"):
        return "millennium"
    return w[:-1] if w.endswith("s") else w


def parse_number(s: str) -> float | None:
    """A number written in digits or words; ``None`` for vague quantities.

    >>> parse_number("twenty-four"), parse_number("1.5"), parse_number("a dozen")
    (24, 1.5, 12)
    >>> parse_number("several") is None
    True
    """
    t = re.sub(r"\s+", " ", s.strip().lower())
    half = 0.0
    if t.endswith(" and a half"):
        t, half = t[: -len(" and a half")], 0.5
    if t.endswith("½"):
        t, half = t[:-1].strip(), 0.5
    if t.endswith(" 1/2"):
        t, half = t[:-4], 0.5
    if t in ("a", "an", "one", "a single", "single"):
        return 1 + half
    if t in ("half a", "half an", "a half"):
        return 0.5
    if t in ("a couple of", "couple of"):
        return 2 + half
    if t in ("a dozen", "dozen"):
        return 12 + half
    if t in ("a hundred",):
        return 100 + half
    if t in ("a thousand",):
        return 1000 + half
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", t):
        return float(t.replace(",", "")) + half
    if re.fullmatch(r"\d+(?:\.\d+)?", t):
        v = float(t)
        return (int(v) if v.is_integer() else v) + half
    m = re.fullmatch(r"(\d+)/(\d+)", t)
    if m and int(m.group(2)):
        return int(m.group(1)) / int(m.group(2))
    words = re.split(r"[\s-]+", t)
    total, cur, seen = 0, 0, False
    for w in words:
        if w in SMALL:
            cur += SMALL[w]
        elif w in TENS:
            cur += TENS[w]
        elif w == "hundred":
            cur = max(cur, 1) * 100
        elif w == "thousand":
            total += max(cur, 1) * 1000
            cur = 0
        elif w in ("and",):
            continue
        else:
            return None
        seen = True
    if not seen:
        return None
    return total + cur + half


def _ordinal_number(s: str) -> int | None:
    t = s.strip().lower()
    m = re.fullmatch(r"(\d+)(?:st|nd|rd|th)?", t)
    if m:
        return int(m.group(1))
    return ORDINALS.get(re.sub(r"\s+", " ", t))


def _month_num(s: str) -> int:
    return MONTHS[s.strip().rstrip(".").lower()]


def _quarter_of(word: str) -> int | None:
    w = word.lower()
    if w in ("final", "last", "fourth", "4th"):
        return 4
    n = _ordinal_number(w)
    return n if n in (1, 2, 3, 4) else None


# ------------------------------------------------------------------ tense cues

_PAST_FUTURE_CUE = re.compile(
    r"(?i:\b(?:was|were|had\s+been|had)\s+(?:\w+ly\s+)?(?:scheduled|expected|set|due|slated|supposed|planned|going|about|to)\s+to\b"
    r"|\b(?:was|were)\s+to\b)"
)
_FUTURE_CUE = re.compile(
    r"(?i:\b(?:will|won't|shall|'ll|going\s+to|gonna|would|wouldn't"
    r"|(?:is|are|am|be|been|'s|'re)\s+(?:\w+ly\s+)?(?:scheduled|expected|set|due|slated|poised|planned|likely|unlikely|supposed|about|going|bound)\s+to"
    r"|(?:is|are)\s+to"
    r"|(?:plans?|planning|intends?|intending|aims?|hopes?|vows?|pledges?|promises?|wants?|seeks?|prepares?|preparing)\s+to"
    r"|(?:scheduled|expected|slated|set)\s+(?:to|for)"
    r"|upcoming|forthcoming)\b)"
)
# headline style: "Minister to Visit Tokyo ..." (only in Title-Case lines)
_HEADLINE_TO = re.compile(r"\bto\s+[A-Z][a-z]+\b")
_REPORTING = (
    "said says say told tells announced announces reported reports stated states added adds noted notes "
    "according explained explains claimed claims quoted"
).split()
_IRREGULAR_PAST = (
    "was were had did met made took came went saw gave held left began won lost "
    "led sent paid spoke wrote struck fell rose grew sold bought brought thought felt kept "
    "found became ran got knew stood sat drove flew fought caught taught threw chose broke "
    "woke wore hung shot slid spent understood withdrew forgave forbade undertook overtook ago"
).split()
_PAST_CUE = re.compile(r"(?i:\b(?:" + "|".join(_IRREGULAR_PAST) + r")\b)|\b[a-z]{3,}ed\b")
_NOT_VERB_ED = {
    "need", "seed", "speed", "bed", "red", "shed", "breed", "feed", "hundred", "indeed", "united",
    "based", "used", "expected", "scheduled", "planned", "proposed", "alleged", "limited", "related",
    "advanced", "detailed", "supposed", "concerned", "interested", "involved", "named", "called",
    "armed", "marked", "wed", "unprecedented", "sophisticated", "dedicated", "sacred", "naked",
    "wicked", "beloved", "aged", "learned", "skilled", "talented", "varied", "preferred",
}
_ED_BLOCKERS = {
    "is", "are", "am", "be", "being", "been", "'s", "'re", "the", "a", "an", "its", "their", "his",
    "her", "this", "that", "these", "those", "our", "my", "your", "very", "more", "most", "so-called",
}
_PRESENT_CUE = re.compile(
    r"(?i:\b(?:is|are|am|remains?|seems?|appears?|continues?|believes?|expects?|"
    r"assess|assesses|has|have|does|do|isn't|aren't|doesn't|don't)\b)"
)
_REPORT_CUE = re.compile(r"(?i:\b(?:" + "|".join(_REPORTING) + r")\b)")
_ATTRIBUTION = re.compile(r"(?i:\baccording\s+to\b)")
_CLAUSE_BREAK = re.compile(r"[;:,\u2014\u2013]|\s-\s|\.\.\.")
_SINCE_BEFORE = re.compile(r"(?i:\bsince\s+(?:the\s+)?$)")
_ENDPOINT_BEFORE = re.compile(r"(?i:\b(?:until|till|through|to|by|effective|expires?|expiring|due|before)\s+(?:the\s+|at\s+)?$)")


def _cues(sentence: str) -> list[tuple[int, int, str]]:
    """(start, end, tense) of tense cues in a sentence. Earlier patterns win
    overlaps: "was scheduled to" (past) before "scheduled to" (future);
    reporting verbs get their own class (``report``), being weaker evidence
    for the tense of what they report."""
    out: list[tuple[int, int, str]] = []
    taken: list[tuple[int, int]] = []
    words = re.findall(r"[A-Za-z][\w'-]*", sentence)
    headline = bool(words) and sum(w[0].isupper() for w in words) / len(words) >= 0.6
    for rx, tense in ((_PAST_FUTURE_CUE, "past"), (_FUTURE_CUE, "future"),
                      (_HEADLINE_TO if headline else None, "future"), (_REPORT_CUE, "report"),
                      (_PAST_CUE, "past"), (_PRESENT_CUE, "present")):
        if rx is None:
            continue
        for m in rx.finditer(sentence):
            s, e = m.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            w = m.group(0).lower()
            if rx is _PAST_CUE and w.endswith("ed") and w not in _IRREGULAR_PAST:
                if w in _NOT_VERB_ED:
                    continue
                prev = re.search(r"([\w']+)\s+(?:\w+ly\s+)?$", sentence[max(0, s - 30):s])
                if prev and prev.group(1).lower() in _ED_BLOCKERS:
                    continue
            taken.append((s, e))
            out.append((s, e, tense))
    return out


def _clause_tense(sentence: str, s: int, e: int, cues: list[tuple[int, int, str]] | None = None) -> str:
    """Tense of the clause holding ``sentence[s:e]`` from the nearest cue
    (cues in the same clause first; reporting verbs count as past but lose
    to any other cue within 30 characters)."""
    left = 0
    for m in _CLAUSE_BREAK.finditer(sentence, 0, s):
        left = m.end()
    m = _CLAUSE_BREAK.search(sentence, e)
    right = m.start() if m else len(sentence)
    clause = sentence[left:right]
    if _ATTRIBUTION.search(clause[: max(0, s - left)]):
        return "none"
    if cues is None:
        cues = _cues(sentence)
    inside = [c for c in cues if c[0] >= left and c[1] <= right and not (c[0] < e and s < c[1])]
    pool = inside or [c for c in cues if not (c[0] < e and s < c[1])]
    if not pool:
        tense = "none"
    else:
        def dist(c):
            d = (c[0] - e) if c[0] >= e else (s - c[1])
            if c[2] == "report" and d > 6:
                d += 30  # "said ... that it will": the reported clause has its own tense
            elif c[2] == "past" and sentence[c[0]:c[1]].lower().endswith("ed"):
                d += 15  # an -ed form may be an adjective; auxiliaries are surer
            return d

        # the verb governing an adjunct usually comes before it ("will double
        # its flights by August"); later cues in the clause are often
        # participles ("markets untouched by ...")
        before_cues = [c for c in inside if c[1] <= s]
        best = min(before_cues or pool, key=dist)
        tense = "past" if best[2] == "report" else best[2]
    before = sentence[max(0, s - 20):s]
    if _SINCE_BEFORE.search(before):
        return "past"
    if tense == "past" and _ENDPOINT_BEFORE.search(before):
        return "none"
    return tense


# ------------------------------------------------------------------ the rules


@dataclass
class _Cand:
    start: int
    end: int
    rule: str
    m: re.Match
    prio: int
    handler: Callable[..., Any]


@dataclass
class _Result:
    type: str
    value: str | None
    point: _Point | None = None
    gran: str | None = None
    mod: str | None = None
    anchor_kind: str = "none"
    anchor_used: str | None = None
    focus: bool = True  # may later expressions refer back to this one?


@dataclass
class _Ctx:
    text: str
    anchor: date | None
    tense: str
    sentence: tuple[int, int]
    para_focus: _Point | None  # last date in this paragraph
    doc_focus: _Point | None  # last date anywhere before
    sent_focus: _Point | None  # last date earlier in this sentence
    year_focus: _Point | None  # last date with a known year anywhere before
    start: int
    end: int


_RULES: list[tuple[str, re.Pattern, Callable[..., Any], int, Callable[..., bool] | None]] = []

_UNIT_WORDS = ("second", "minute", "hour", "day", "week", "fortnight", "month", "quarter", "year", "decade",
               "centur", "millenni")
_MONTH_WORDS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# A cheap test per rule: a paragraph whose lower-cased text holds none of these
# strings cannot match the rule, which is then not run. "#4d", "#slash", "#ord",
# "#apos" and "#clock" stand for a four-digit number, a digit/digit, a digit
# with an ordinal suffix, an apostrophe and two digits, a clock-like token.
TRIGGERS: dict[str, tuple[str, ...]] = {
    "month_day": _MONTH_WORDS, "day_month": _MONTH_WORDS, "month_year": _MONTH_WORDS,
    "month_relative_year": _MONTH_WORDS, "month_deictic": _MONTH_WORDS, "month": _MONTH_WORDS,
    "iso_date": ("#4d",), "us_numeric_date": ("#slash",), "year_month_numeric": ("#4d",),
    "year": ("#4d",), "year_range": ("#4d",), "year_period": ("#4d",), "apostrophe_year": ("#apos",),
    "decade": ("0s", "ties"), "century": ("centur",),
    "spoken_year": ("eleven", "twelve", "teen", "thousand"),
    "quarter": ("quarter",), "quarter_deictic": ("quarter", "period"), "half_year": ("half",),
    "season": ("spring", "summer", "fall", "autumn", "winter"),
    "day_ordinal": ("#ord",), "weekday": ("day",),
    "today_words": ("today", "tomorrow", "yesterday", "tonight", "morning", "afternoon", "evening", "night"),
    "unit_deictic": ("week", "month", "year", "decade", "centur"),
    "unit_of_focus": ("week", "month", "year", "decade", "centur"),
    "year_end": ("end",), "anaphoric_unit": ("day", "week", "month", "year", "morning", "afternoon", "evening", "night"),
    "that_time": ("time", "moment", "then"), "units_ago": _UNIT_WORDS, "duration": _UNIT_WORDS,
    "duration_vague": _UNIT_WORDS, "duration_bare": _UNIT_WORDS, "half_unit": ("half",),
    "set_every": ("every", "each", "per"), "set_adverb": ("ly",),
    "clock_time": ("#clock", "noon", "midday", "midnight"),
    "era": ("era", "period", "age", "years", "times"), "weekend": ("weekend",), "the_year": ("year",),
    "year_earlier_adj": ("year-",), "part_of_day": ("morning", "afternoon", "evening"), "a_while": ("while",),
    "ref": ("now", "current", "present", "days", "far", "date", "recent", "lately", "previous", "formerly",
            "past", "future", "term", "soon", "later", "earlier"),
}
_FEATURES = {
    "#4d": re.compile(r"\d\d\d\d"), "#slash": re.compile(r"\d/\d"), "#ord": re.compile(r"\d(?:st|nd|rd|th)\b"),
    "#apos": re.compile(r"['’]\d\d"), "#clock": re.compile(r"(?i:\d\s*(?:a\.?\s?m|p\.?\s?m|o'clock)|\d:\d\d)"),
}


_ALL_KEYS = sorted({k for keys in TRIGGERS.values() for k in keys if not k.startswith("#")})


def _present_keys(region: str) -> set[str]:
    """The trigger strings and features present in a region (one pass each)."""
    low = region.lower()
    present = {k for k in _ALL_KEYS if k in low}
    present.update(k for k, rx in _FEATURES.items() if rx.search(region))
    return present


def _triggered(name: str, present: set[str]) -> bool:
    keys = TRIGGERS.get(name)
    return keys is None or any(k in present for k in keys)


def _rule(name: str, pattern: str, prio: int = 0, check: Callable[..., bool] | None = None):
    def deco(fn):
        _RULES.append((name, re.compile(pattern), fn, prio, check))
        return fn

    return deco


def _g(m: re.Match, name: str) -> str | None:
    try:
        return m.group(name)
    except IndexError:
        return None


def _anchor_point(ctx: _Ctx) -> _Point | None:
    return _Point.of_day(ctx.anchor) if ctx.anchor else None


def _pub(p: _Point | None, ctx: _Ctx, typ: str = "DATE", mod: str | None = None) -> _Result:
    """A result computed from the publication date."""
    if p is None or ctx.anchor is None:
        return _Result(typ, None, None, None, mod, "none", None)
    return _Result(typ, p.value(), p, p.gran, mod, "publication", ctx.anchor.isoformat())


def _abs(p: _Point, typ: str = "DATE", mod: str | None = None) -> _Result:
    return _Result(typ, p.value(), p, p.gran, mod, "absolute", None)


def _underspecified(gran: str, typ: str = "DATE", mod: str | None = None, **kw) -> _Result:
    p = _Point(gran, **kw)
    return _Result(typ, p.value(), None, gran, mod, "none", None, focus=False)


# modifiers written before a date ("early", "the end of" ...)
MODPRE = (
    r"(?P<modp>(?i:(?:early|earlier|late|later|mid|the\s+(?:end|close|beginning|start|middle|"
    r"turn|first\s+half|second\s+half|latter\s+part|early\s+part|rest|remainder)\s+of)\s+|mid-))?"
)


def _mod_of(m: re.Match) -> str | None:
    s = (_g(m, "modp") or "").strip().lower()
    if not s:
        return None
    if s.startswith(("early", "the beginning", "the start", "the early", "the first half")):
        return "START"
    if s.startswith(("late", "the end", "the close", "the latter", "the second half")):
        return "END"
    if s.startswith(("mid", "the middle")):
        return "MID"
    return None


def _pick_by_tense(cands: list[_Point], ctx: _Ctx, strict: bool = False, window: int | None = None) -> _Point | None:
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


# --- explicit calendar dates -------------------------------------------------

_UNITW = r"(?:one|two|three|four|five|six|seven|eight|nine)"
SPOKEN_YEAR = (
    r"(?i:(?:eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)\s+"
    r"(?:hundred|(?:" + _TENSW + r")(?:[-\s]" + _UNITW + r")?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen|o[h']?[-\s]" + _UNITW + r")"
    r"|two\s+thousand(?:\s+and)?(?:\s+(?:" + _TENSW + r")(?:[-\s]" + _UNITW + r")?|\s+(?:" + _SMALLW + r"))?)(?![\w-])"
)


def _year_int(s: str) -> int:
    """A year written in digits or spoken ("nineteen ninety-six", "two thousand and one")."""
    t = s.strip().lower()
    if t.isdigit():
        return int(t)
    if t.startswith("two thousand"):
        rest = re.sub(r"^two\s+thousand(\s+and)?", "", t).strip()
        return 2000 + (int(parse_number(rest)) if rest else 0)
    first, rest = t.split(None, 1)
    c = SMALL[first]
    if rest == "hundred":
        return c * 100
    rest = re.sub(r"^o[h']?[-\s]", "", rest)
    return c * 100 + int(parse_number(rest))


_YR_SUFFIX = r"(?:,?\s*(?P<y>" + YEAR4 + r")(?![\w%]|[.,]\d))?"


@_rule(
    "month_day",
    r"(?<![\w.])" + MODPRE + r"(?:(?P<wd>" + WEEKDAY + r"),?\s+)?(?P<mon>" + MONTH + r")\s*(?P<d1>"
    + DAYNUM + r")(?:" + ORDSUF + r")?(?:\s*(?:-|–|and|to|through|or)\s*(?P<d2>" + DAYNUM + r")(?:"
    + ORDSUF + r")?)?(?!\d|:\d)(?!\s*(?:%|percent\b))" + _YR_SUFFIX + r"\b",
    prio=5,
)
def _h_month_day(m, ctx):
    mon = _month_num(m.group("mon"))
    d1 = int(m.group("d1"))
    d2 = int(m.group("d2")) if m.group("d2") else None
    if d2 is not None and d2 <= d1:
        d2 = None
    mod = _mod_of(m)
    if m.group("y"):
        y = int(m.group("y"))
        dd = _safe_date(y, mon, d1)
        if dd is None:
            return None
        end = _safe_date(y, mon, d2) if d2 else None
        return _abs(_Point("day", y, mon, d1, end_day=end), mod=mod)
    if ctx.anchor is None:
        p = _Point("day", None, mon, d1)
        return _Result("DATE", p.value(), None, "day", mod, "none", None, focus=False)
    cands = []
    for y in (ctx.anchor.year - 1, ctx.anchor.year, ctx.anchor.year + 1):
        if _safe_date(y, mon, d1):
            cands.append(_Point("day", y, mon, d1, end_day=_safe_date(y, mon, d2) if d2 else None))
    if m.group("wd"):
        # a weekday written with the date picks the year
        wd = WEEKDAYS[m.group("wd").lower()]
        same = [c for c in cands if c.as_date() and c.as_date().weekday() == wd]
        if len(same) == 1:
            return _pub(same[0], ctx, mod=mod)
    # tense decides only within ten months; beyond that the nearest date wins
    p = _pick_by_tense(cands, ctx, window=300)
    return _pub(p, ctx, mod=mod)


@_rule(
    "day_month",
    r"(?<![\w.,])" + MODPRE + r"(?:(?P<wd>" + WEEKDAY + r"),?\s+)?(?:the\s+)?(?P<d1>" + DAYNUM + r")(?:"
    + ORDSUF + r")?(?:\s*(?:-|–|and|to)\s*(?P<d2>" + DAYNUM + r")(?:" + ORDSUF + r")?)?\s+(?:of\s+)?(?P<mon>"
    + MONTH + r")" + _YR_SUFFIX + r"\b",
    prio=5,
)
def _h_day_month(m, ctx):
    return _h_month_day(m, ctx)


@_rule(
    "month_year",
    r"(?<![\w.])" + MODPRE + r"(?P<mon>" + MONTH + r")(?:\s+of|,)?\s+(?:the\s+year\s+)?(?P<y>" + YEAR4
    + r"|" + SPOKEN_YEAR + r")(?![\w%]|[.,]\d)",
    prio=4,
)
def _h_month_year(m, ctx):
    return _abs(_Point("month", _year_int(m.group("y")), _month_num(m.group("mon"))), mod=_mod_of(m))


@_rule(
    "month_relative_year",
    r"(?<![\w.])" + MODPRE + r"(?P<mon>" + MONTH
    + r")(?:\s+of|,)?\s+(?P<rel>(?i:this|last|next|the\s+same|that|the\s+following|the\s+previous|the\s+preceding|the\s+next|the\s+current))\s+(?i:year)\b",
    prio=4,
)
def _h_month_rel_year(m, ctx):
    mon = _month_num(m.group("mon"))
    rel = re.sub(r"\s+", " ", m.group("rel").lower())
    mod = _mod_of(m)
    if rel in ("this", "last", "next", "the current"):
        if ctx.anchor is None:
            return _underspecified("month", mod=mod, month=mon)
        y = ctx.anchor.year + {"this": 0, "the current": 0, "last": -1, "next": 1}[rel]
        return _pub(_Point("month", y, mon), ctx, mod=mod)
    ref = ctx.year_focus
    off = {"the same": 0, "that": 0, "the following": 1, "the next": 1, "the previous": -1,
           "the preceding": -1}[rel]
    if ref is not None and ref.year is not None:
        p = _Point("month", ref.year + off, mon)
        return _Result("DATE", p.value(), p, "month", mod, "previous_date", ref.value())
    if ctx.anchor is not None:
        return _pub(_Point("month", ctx.anchor.year + off, mon), ctx, mod=mod)
    return _underspecified("month", mod=mod, month=mon)


@_rule(
    "month_deictic",
    r"(?<![\w.])" + MODPRE + r"(?P<rel>(?i:this\s+past|this\s+coming|last|next|this|past|coming))\s+(?P<mon>"
    + MONTH + r")(?!\s*\d)",
    prio=4,
)
def _h_month_deictic(m, ctx):
    mon = _month_num(m.group("mon"))
    rel = re.sub(r"\s+", " ", m.group("rel").lower())
    mod = _mod_of(m)
    if ctx.anchor is None:
        return _underspecified("month", mod=mod, month=mon)
    a = ctx.anchor
    if rel == "this":
        return _pub(_Point("month", a.year, mon), ctx, mod=mod)
    if rel in ("last", "this past", "past"):
        y = a.year if mon < a.month else a.year - 1
        return _pub(_Point("month", y, mon), ctx, mod=mod)
    y = a.year if mon > a.month else a.year + 1
    return _pub(_Point("month", y, mon), ctx, mod=mod)


def _month_alone_ok(m, text, s, e):
    """A month name standing alone: abbreviations need a day ("Jan." alone is not
    taken); "May" and "March" (a modal verb, a walk) need a preposition or a
    modifier before them and no pronoun or verb after them."""
    low = m.group("mon").rstrip(".").lower()
    if low in ("may", "march"):
        before = text[max(0, s - 25):s].lower()
        return bool(re.search(
            r"\b(in|since|until|till|by|from|through|during|before|after|of|early|late|mid|last|next|this|and|or|to|between)\s+$|mid-$",
            before)) and not re.match(r"\s+(?:be|have|not|also|well|I|we|you|he|she|they|it)\b", text[e:e + 8])
    return low in MONTHS and len(low) > 4 or low in ("june", "july")


@_rule(
    "month",
    r"(?<![\w.])" + MODPRE + r"(?P<mon>" + MONTH + r")(?![\w-])",
    prio=1,
    check=_month_alone_ok,
)
def _h_month(m, ctx):
    mon = _month_num(m.group("mon"))
    mod = _mod_of(m)
    if ctx.anchor is None:
        return _underspecified("month", mod=mod, month=mon)
    cands = [_Point("month", y, mon) for y in (ctx.anchor.year - 1, ctx.anchor.year, ctx.anchor.year + 1)]
    return _pub(_pick_by_tense(cands, ctx, window=300), ctx, mod=mod)


# --- numeric dates ------------------------------------------------------------


@_rule(
    "iso_date",
    r"(?<![\w.,/:-])(?P<y>" + YEAR4 + r")(?P<sep>[-./])(?P<mo>0?[1-9]|1[0-2])(?P=sep)(?P<d>3[01]|[12]\d|0?[1-9])"
    r"(?:\.(?=\s|$))?(?:[T\s]+(?P<h>[01]\d|2[0-3]):(?P<mi>[0-5]\d)(?::[0-5]\d)?)?(?![\w]|[-./]\d)",
    prio=6,
)
def _h_iso_date(m, ctx):
    y, mo, d = int(m.group("y")), int(m.group("mo")), int(m.group("d"))
    if _safe_date(y, mo, d) is None:
        return None
    if m.group("h"):
        return _abs(_Point("minute", y, mo, d, hour=int(m.group("h")), minute=int(m.group("mi"))), "TIME")
    return _abs(_Point("day", y, mo, d))


@_rule(
    "us_numeric_date",
    r"(?<![\w.,/:-])(?P<a>0?[1-9]|1[0-2])/(?P<b>3[01]|[12]\d|0?[1-9])/(?P<y>" + YEAR4 + r"|\d\d)(?![\w]|[-./]\d)",
    prio=6,
)
def _h_us_date(m, ctx):
    y = int(m.group("y"))
    if y < 100:
        y += 1900 if y > 30 else 2000
    mo, d = int(m.group("a")), int(m.group("b"))
    if _safe_date(y, mo, d) is None:
        return None
    return _abs(_Point("day", y, mo, d))


@_rule(
    "year_month_numeric",
    r"(?<![\w.,/:-])(?P<y>" + YEAR4 + r")[-./](?P<mo>0[1-9]|1[0-2])(?![\w]|[-./]\d)",
    prio=2,
)
def _h_year_month_numeric(m, ctx):
    return _abs(_Point("month", int(m.group("y")), int(m.group("mo"))))


# --- years, decades, centuries ------------------------------------------------

_COUNT_NOUNS = (
    "people|persons|troops|soldiers|workers|items|units|cases|votes|times|members|employees|"
    "jobs|men|women|children|dollars|won|yen|euros|pounds|yuan|rubles|shares|tons|tonnes|meters|"
    "metres|km|kilometers|kilometres|miles|feet|kilograms|kg|barrels|cars|vehicles|homes|houses|"
    "rounds|missiles|pages|words|points|students|deaths|residents|households|companies|firms|"
    "acres|hectares|square|patients|refugees|prisoners|delegates|seats|copies|pieces|signatures|"
    "calories|degrees|rooms|beds|flights|passengers|visitors|tourists|hits|views|likes|games|"
    "won's|kW|MW|GW|m|cm|mm|bp|basis"
)
_YEAR_BAD_BEFORE = re.compile(
    r"(?i:(?:\bno\.?|\bnos\.?|\bnumber|\barticle|\barticles|\bart\.|\bsection|\bsec\.|\bchapter|\bpage|\bpages|\bp\.|"
    r"\bpp\.|\broom|\broute|\bhighway|\bflight|\bresolution|\bparagraph|\bclause|\brule|\blaw|\bbill|\bitem|"
    r"\bmodel|\bversion|\bv\.|\bunit|\bgate|\bstreet|\bavenue|\bsuite|\bbox|\btel\.?|\bphone|\bfax|\bcall|"
    r"\bdial|\bcode|\bpo|\bexit|\bbus|\btrain|\bline|\bpage|\bpop\.|\bpopulation(?:\s+of)?|\babout|\bsome|"
    r"\bnearly|\balmost|\bover|\bunder|\bmore\s+than|\bless\s+than|\bat\s+least|\bup\s+to|\btotal(?:\s+of)?|"
    r"\baround|\bapproximately|\broughly|\bestimated|\bonly|\bjust)\s*#?\s*$|[#№]\s*$|[$€£¥₩]\s*$|\d,\s*$)"
)
_YEAR_OK_BEFORE = re.compile(
    r"(?i:\b(?:in|since|by|from|until|till|through|during|before|after|of|year|the|fiscal|FY|circa|c\.|early|"
    r"late|mid|spring|summer|fall|autumn|winter|around|between|and|to|or|for)\s+$|mid-$|[(\[]$)"
)
_YEAR_BAD_AFTER = re.compile(r"(?i:\s*(?:-?\s*(?:" + _COUNT_NOUNS + r")\b|%|percent\b|per\s*cent\b|°|[xX×]\s*\d))")


def _year_ok(m, text, s, e):
    y = int(m.group("y"))
    before = text[max(0, s - 30):s]
    mod_s = m.start("y") if m.group("y") else s
    before = text[max(0, mod_s - 30):mod_s]
    after = text[e:e + 20]
    if _YEAR_BAD_AFTER.match(after):
        return False
    rng = re.search(r"(\d[\d,.]*)\s*(?:-|–|to|and|or)\s*$", before)
    if rng and not re.fullmatch(r"(?:1[0-9]|20)\d\d", rng.group(1)):
        return False  # "between 1,500 and 2000 people": a count
    if re.search(r"\d[ .]$", before) and re.match(r"[ .]\d", after):
        return False  # a group in a phone or account number: "+82 10 2024 0618"
    if _YEAR_BAD_BEFORE.search(before) and not re.search(r"(?i:\b(?:in|since|of|year)\s+$)", before):
        return False
    if y < 1900 or y > 2099:
        return bool(_YEAR_OK_BEFORE.search(before)) or bool(re.match(r"\s*(?:AD|A\.D\.|BC|B\.C\.|CE|BCE)\b", after))
    # 1900-2099: followed by a lower-case plural noun reads as a count ("1990 items")
    return True


@_rule(
    "year",
    r"(?<![\w$€£¥₩#.,/'’-])" + MODPRE + r"(?P<fy>(?i:fiscal|FY|calendar|the\s+year|model\s+year)\s*)?(?P<y>" + YEAR4
    + r")(?P<y2>\s*(?:-|–|/)\s*(?:" + YEAR4 + r"|\d\d)(?!\d))?(?![\w%]|[.,/-]\d|:\d)"
    r"(?P<sfx>\s+(?i:or\s+(?:later|earlier|before|after|so|beyond)|and\s+(?:beyond|later|after|earlier|before))(?=\s*[.,;:)!?\"'”’]|\s*$))?",
    prio=2,
    check=_year_ok,
)
def _h_year(m, ctx):
    y = int(m.group("y"))
    mod = _mod_of(m)
    if m.group("y2"):
        y2s = re.sub(r"[^\d]", "", m.group("y2"))
        y2 = int(y2s) if len(y2s) == 4 else (y // 100) * 100 + int(y2s)
        if (m.group("fy") or "").strip().lower() in ("fiscal", "fy") and y2 == y + 1:
            return _abs(_Point("year", y2), mod=mod)
        if y2 > y:
            p = _Point("year", y)
            return _Result("DATE", f"{y:04d}/{y2:04d}", p, "year", mod, "absolute", None)
        return None
    sfx = (m.group("sfx") or "").lower()
    if sfx:
        mod = "ON_OR_BEFORE" if re.search(r"earlier|before", sfx) else "APPROX" if "so" in sfx.split() else "ON_OR_AFTER"
    return _abs(_Point("year", y), mod=mod)


@_rule(
    "year_period",
    r"(?i:(?<![\w-])the\s+(?P<y>" + YEAR4 + r")\s+(?P<per>period|fiscal\s+year|year|quarter)(?![\w-]))",
    prio=3,
)
def _h_year_period(m, ctx):
    y = int(m.group("y"))
    per = m.group("per").lower()
    ref = ctx.sent_focus or ctx.doc_focus
    if per in ("period", "quarter") and ref is not None and ref.gran == "quarter" and ref.quarter:
        p = _Point("quarter", y, quarter=ref.quarter)
        return _Result("DATE", p.value(), p, "quarter", None, "previous_date", ref.value())
    if per == "quarter":
        if ctx.anchor is None:
            return _underspecified("quarter", year=y)
        # "the 1988 quarter": the same quarter as the one just reported
        q = (ctx.anchor.month - 1) // 3 or 4
        return _pub(_Point("quarter", y, quarter=q), ctx)
    return _abs(_Point("year", y))


@_rule(
    "year_range",
    r"(?<![\w$#.,/-])(?P<y>" + YEAR4 + r")\s+(?:and|to|through|until|till)\s+(?P<y2>" + YEAR4 + r")(?![\w%]|[.,/-]\d)",
    prio=3,
    check=_year_ok,
)
def _h_year_range(m, ctx):
    y, y2 = int(m.group("y")), int(m.group("y2"))
    before = ctx.text[max(0, ctx.start - 12):ctx.start].lower()
    if y2 <= y or not re.search(r"\b(between|from)\s+$", before):
        return None
    p = _Point("year", y)
    return _Result("DATE", f"{y:04d}/{y2:04d}", p, "year", None, "absolute", None)


@_rule(
    "apostrophe_year",
    r"(?<![\w'’])(?P<q>['’])(?P<yy>\d\d)(?![\w%'’])",
    prio=2,
    check=lambda m, text, s, e: re.search(r"(?i:\b(?:in|since|of|fiscal|class|until|by|from|early|late|mid)\s$)", text[max(0, s - 7):s]) is not None,
)
def _h_apos_year(m, ctx):
    yy = int(m.group("yy"))
    base = ctx.anchor.year if ctx.anchor else 2000
    y = (base // 100) * 100 + yy
    if y > base + 10:
        y -= 100
    return _abs(_Point("year", y))


@_rule(
    "decade",
    r"(?<![\w$#.,/-])" + r"(?P<the>(?i:the)\s+)?" + MODPRE
    + r"(?P<dec>(?:1[0-9]|20)[0-9]0s|['’]\d0s|(?i:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)(?=\b))(?!\w)",
    prio=3,
)
def _h_decade(m, ctx):
    d = m.group("dec").lower()
    words = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
             "seventies": 7, "eighties": 8, "nineties": 9}
    mod = _mod_of(m)
    if d in words:
        if not m.group("the"):
            return None
        base = (ctx.anchor.year // 100) if ctx.anchor else 19
        dec = base * 10 + words[d]
        if ctx.anchor and dec * 10 > ctx.anchor.year:
            dec -= 10
        return _Result("DATE", f"{dec:03d}", _Point("decade", decade=dec), "decade", mod, "publication" if ctx.anchor else "none",
                       ctx.anchor.isoformat() if ctx.anchor else None)
    if d[0] in "'’":
        yy = int(d[1:3])
        base = (ctx.anchor.year // 100) * 100 if ctx.anchor else 1900
        y = base + yy
        if ctx.anchor and y > ctx.anchor.year:
            y -= 100
        return _abs(_Point("decade", decade=y // 10), mod=mod)
    y = int(d[:4])
    if y % 100 == 0:
        return _abs(_Point("century", century=y // 100), mod=mod)
    return _abs(_Point("decade", decade=y // 10), mod=mod)


@_rule(
    "century",
    r"(?<![\w-])(?P<the>(?i:the)\s+)?" + MODPRE + r"(?P<n>\d{1,2}(?:st|nd|rd|th)|(?i:" + ORDW + r"))[\s-](?i:century)(?P<bc>\s+(?:BC|B\.C\.|BCE))?\b",
    prio=3,
)
def _h_century(m, ctx):
    n = _ordinal_number(m.group("n"))
    if not n or n > 22 or m.group("bc"):
        return None
    return _abs(_Point("century", century=n - 1), mod=_mod_of(m))


@_rule(
    "spoken_year",
    r"(?i:(?<![\w-])(?P<the>the\s+year\s+)?(?:(?P<c>eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)\s+"
    r"(?P<r>hundred|(?:" + _TENSW + r")(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|o[h']?[-\s](?:one|two|three|four|five|six|seven|eight|nine))"
    r"|(?P<tt>two\s+thousand(?:\s+and)?(?:\s+(?:" + _TENSW + r")(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine))?|\s+(?:" + _SMALLW + r"))?))\b)",
    prio=3,
)
def _h_spoken_year(m, ctx):
    before = ctx.text[max(0, ctx.start - 12):ctx.start].lower()
    if not m.group("the") and not re.search(r"\b(in|since|until|by|of|from|year|to|and|through)\s+$", before):
        return None  # "twelve hundred students" is a number
    if m.group("tt"):
        if not m.group("the"):
            before = ctx.text[max(0, ctx.start - 10):ctx.start].lower()
            if not re.search(r"\b(in|since|until|by|of|year)\s+$", before):
                return None
        rest = re.sub(r"two\s+thousand(\s+and)?", "", m.group("tt").lower()).strip()
        y = 2000 + (int(parse_number(rest)) if rest else 0)
        return _abs(_Point("year", y))
    c = SMALL[m.group("c").lower()]
    r = m.group("r").lower()
    if r == "hundred":
        y = c * 100
    else:
        r = re.sub(r"^o[h']?[-\s]", "", r)
        v = parse_number(r)
        if v is None:
            return None
        y = c * 100 + int(v)
    return _abs(_Point("year", y))


# --- quarters, halves, seasons ------------------------------------------------

_QWORD = r"(?P<qn>first|second|third|fourth|final|last|1st|2nd|3rd|4th)"


@_rule(
    "quarter",
    r"(?i:(?<![\w-])(?P<yp>(?:this|last|next)\s+year['’]s\s+)?(?P<the>the\s+(?=(?:(?:fiscal|calendar|year-earlier|year-ago|latest|current|same|"
    r"comparable|previous|preceding|corresponding|\d{4})\s+)*(?:first|second|third|fourth|final|last|1st|2nd|3rd|4th)\s))?"
    r"(?:(?P<adj>fiscal|calendar|year-earlier|year-ago|latest|current|"
    r"same|comparable|previous|preceding|corresponding)\s+)?(?:(?P<y1>" + YEAR4 + r")\s+)?(?:(?:fiscal|calendar)\s+)?"
    + _QWORD + r"(?:[\s-]+(?:fiscal\s+|calendar\s+)?)quarters?(?:\s+of\s+(?:(?:fiscal|calendar|the)\s+)?(?:(?P<y2>" + YEAR4
    + r")|(?P<rely>this|last|next|the\s+same|that|the\s+previous|the\s+current)\s+year|(?P<yr>the\s+year))"
    r"|,?\s+(?P<y3>" + YEAR4 + r")(?![\w%]|[.,]\d))?\b)",
    prio=4,
)
def _h_quarter(m, ctx):
    q = _quarter_of(m.group("qn"))
    if q is None:
        return None
    if m.group("qn").lower() == "last" and not (m.group("y1") or m.group("y2") or m.group("y3") or m.group("rely")):
        return None  # "last quarter" is deictic (another rule)
    plural = m.group(0).lower().rstrip().endswith("quarters")
    if plural:
        return _Result("SET", f"XXXX-Q{q}", None, "quarter", None, "none", None, focus=False)
    y = m.group("y1") or m.group("y2") or m.group("y3")
    if y:
        return _abs(_Point("quarter", int(y), quarter=q))
    if m.group("yp"):
        if ctx.anchor is None:
            return _underspecified("quarter", quarter=q)
        off = {"this": 0, "last": -1, "next": 1}[m.group("yp").split()[0].lower()]
        return _pub(_Point("quarter", ctx.anchor.year + off, quarter=q), ctx)
    adj = (m.group("adj") or "").lower()
    rely = re.sub(r"\s+", " ", (m.group("rely") or "").lower())
    if adj in ("year-earlier", "year-ago") or rely == "last":
        if ctx.anchor is None:
            return _underspecified("quarter", quarter=q)
        base = ctx.year_focus.year if (ctx.year_focus and ctx.year_focus.year) else None
        if adj and ctx.sent_focus and ctx.sent_focus.year and ctx.sent_focus.gran == "quarter":
            base = ctx.sent_focus.year
        if base is None or rely == "last":
            base = ctx.anchor.year
        p = _Point("quarter", base - 1, quarter=q)
        return _pub(p, ctx)
    if rely in ("the same", "that", "the previous") and ctx.year_focus and ctx.year_focus.year:
        off = -1 if rely == "the previous" else 0
        p = _Point("quarter", ctx.year_focus.year + off, quarter=q)
        return _Result("DATE", p.value(), p, "quarter", None, "previous_date", ctx.year_focus.value())
    if rely == "next":
        return _pub(_Point("quarter", ctx.anchor.year + 1, quarter=q), ctx) if ctx.anchor else _underspecified("quarter", quarter=q)
    if ctx.anchor is None:
        return _underspecified("quarter", quarter=q)
    a = ctx.anchor
    cur_q = (a.month - 1) // 3 + 1
    # the year of the quarter in focus (a financial report about "the third quarter of 1989" ...)
    if ctx.sent_focus and ctx.sent_focus.gran in ("quarter", "year", "half") and ctx.sent_focus.year:
        return _Result("DATE", f"{ctx.sent_focus.year:04d}-Q{q}", _Point("quarter", ctx.sent_focus.year, quarter=q),
                       "quarter", None, "previous_date", ctx.sent_focus.value())
    # a quarter of the anchor's year, unless a past clause speaks of one that
    # has not begun yet (then last year's)
    p = _Point("quarter", a.year - 1 if (q > cur_q and ctx.tense == "past") else a.year, quarter=q)
    return _pub(p, ctx)


@_rule(
    "quarter_deictic",
    r"(?i:(?<![\w-])(?P<rel>this|last|next|the\s+current|the\s+latest|the\s+past|the\s+previous|the\s+same|that|"
    r"the\s+(?:comparable\s+|corresponding\s+)?year-earlier|the\s+(?:comparable\s+|corresponding\s+)?year-ago|the\s+comparable|the\s+corresponding|year-earlier|year-ago|the)\s+(?:fiscal\s+)?(?:(?P<per>quarter|period)(?![\w-]))"
    r"(?:\s+(?P<ago>a\s+year\s+(?:ago|earlier)|last\s+year))?)",
    prio=2,
)
def _h_quarter_deictic(m, ctx):
    rel = re.sub(r"\s+", " ", m.group("rel").lower())
    per = m.group("per").lower()
    ago = bool(m.group("ago"))
    if per == "period":
        # "the year-earlier period": the period in focus a year earlier
        if not (rel.endswith(("year-earlier", "year-ago", "comparable", "corresponding")) or ago):
            ref = ctx.sent_focus or ctx.doc_focus
            if rel in ("the latest", "the same", "that") and ref and ref.gran in ("quarter", "month", "half"):
                return _Result("DATE", ref.value(), ref, ref.gran, None, "previous_date", ref.value())
            return None
    if rel.endswith(("year-earlier", "year-ago", "comparable", "corresponding")) or ago:
        ref = ctx.sent_focus or ctx.para_focus
        if ref is None or ref.gran not in ("quarter", "month", "half", "year"):
            if ctx.anchor is None:
                return _underspecified("quarter")
            cur = _Point("quarter", ctx.anchor.year, quarter=(ctx.anchor.month - 1) // 3 + 1)
            ref = _shift(cur, "quarter", -1)
        p = _shift(ref, "year", -1)
        if p is None:
            return None
        return _Result("DATE", p.value(), p, p.gran, None, "previous_date", ref.value(), focus=False)
    if rel in ("the", "the latest", "the same", "that", "the previous"):
        ref = ctx.doc_focus if (ctx.doc_focus and ctx.doc_focus.gran == "quarter") else None
        if ref is not None:
            p = _shift(ref, "quarter", -1) if rel == "the previous" else ref
            return _Result("DATE", p.value(), p, "quarter", None, "previous_date", ref.value())
        if rel == "the" and ctx.tense != "past":
            return None  # "the quarter" alone, nothing in focus: leave it
        if ctx.anchor is None:
            return _underspecified("quarter")
        cur = _Point("quarter", ctx.anchor.year, quarter=(ctx.anchor.month - 1) // 3 + 1)
        return _pub(_shift(cur, "quarter", -1), ctx)
    if ctx.anchor is None:
        return _underspecified("quarter")
    cur = _Point("quarter", ctx.anchor.year, quarter=(ctx.anchor.month - 1) // 3 + 1)
    off = {"this": 0, "the current": 0, "last": -1, "the past": -1, "next": 1}.get(rel, 0)
    return _pub(_shift(cur, "quarter", off), ctx)


@_rule(
    "half_year",
    r"(?i:(?<![\w-])(?P<the>the\s+)?(?P<h>first|second|latter|last|1st|2nd)[\s-]+half(?:\s+of\s+(?:the\s+)?(?:(?P<y>" + YEAR4
    + r")|(?P<rely>this|last|next|the\s+same|that|the\s+current)\s+year|(?P<yr>the\s+year))|\s+(?P<y3>" + YEAR4 + r"))\b)",
    prio=4,
)
def _h_half(m, ctx):
    h = 1 if m.group("h").lower() in ("first", "1st") else 2
    y = m.group("y") or m.group("y3")
    if y:
        return _abs(_Point("half", int(y), half=h))
    rely = re.sub(r"\s+", " ", (m.group("rely") or "").lower())
    if rely in ("the same", "that") and ctx.year_focus and ctx.year_focus.year:
        p = _Point("half", ctx.year_focus.year, half=h)
        return _Result("DATE", p.value(), p, "half", None, "previous_date", ctx.year_focus.value())
    if ctx.anchor is None:
        return _underspecified("half", half=h)
    off = {"last": -1, "next": 1}.get(rely, 0)
    if m.group("yr") and ctx.year_focus and ctx.year_focus.year:
        return _Result("DATE", f"{ctx.year_focus.year:04d}-H{h}", _Point("half", ctx.year_focus.year, half=h), "half", None,
                       "previous_date", ctx.year_focus.value())
    return _pub(_Point("half", ctx.anchor.year + off, half=h), ctx)


_SEASON = r"(?P<sea>spring|summer|fall|autumn|winter)"


@_rule(
    "season",
    r"(?i:(?<![\w-])(?:the\s+(?=(?:early|late|mid)))?" + MODPRE + r"(?P<rel>this\s+past|this\s+coming|this|last|next|the|that|past|coming)?\s*" + _SEASON
    + r"(?:\s+of\s+(?:(?P<y>" + YEAR4 + r"|" + SPOKEN_YEAR + r")|(?P<rely>this|last|next|the\s+same|that)\s+year)|\s+(?P<y3>" + YEAR4
    + r")(?![\w%]|[.,]\d))?\b)",
    prio=3,
)
def _h_season(m, ctx):
    s = SEASONS[m.group("sea").lower()]
    rel = re.sub(r"\s+", " ", (m.group("rel") or "").lower())
    mod = _mod_of(m)
    y = m.group("y") or m.group("y3")
    if y:
        return _abs(_Point("season", _year_int(y), season=s), mod=mod)
    if not rel and not mod:
        return None  # a bare "spring"/"fall" is too often something else
    if m.group("sea").lower() == "fall" and rel in ("the", "that") and not mod:
        # "the fall of the Berlin Wall" is an event
        after = ctx.text[ctx.end:ctx.end + 4]
        if after.startswith(" of"):
            return None
    rely = re.sub(r"\s+", " ", (m.group("rely") or "").lower())
    if rely in ("the same", "that") and ctx.year_focus and ctx.year_focus.year:
        p = _Point("season", ctx.year_focus.year, season=s)
        return _Result("DATE", p.value(), p, "season", mod, "previous_date", ctx.year_focus.value())
    if ctx.anchor is None:
        return _underspecified("season", mod=mod, season=s)
    a = ctx.anchor
    if rely == "last":
        return _pub(_Point("season", a.year - 1, season=s), ctx, mod=mod)
    if rely == "next":
        return _pub(_Point("season", a.year + 1, season=s), ctx, mod=mod)
    if rely == "this" or rel == "this":
        return _pub(_Point("season", a.year, season=s), ctx, mod=mod)
    cands = [_Point("season", y, season=s) for y in (a.year - 2, a.year - 1, a.year, a.year + 1)]
    if rel == "last":
        return _pub(_Point("season", a.year - 1, season=s), ctx, mod=mod)
    if rel in ("this past", "past"):
        before = [p for p in cands if p.interval()[1] and p.interval()[1] < a]
        return _pub(before[-1] if before else None, ctx, mod=mod)
    if rel in ("next", "this coming", "coming"):
        after = [p for p in cands if p.interval()[0] and p.interval()[0] > a]
        return _pub(after[0] if after else None, ctx, mod=mod)
    if rel == "that" and ctx.year_focus and ctx.year_focus.year:
        p = _Point("season", ctx.year_focus.year, season=s)
        return _Result("DATE", p.value(), p, "season", mod, "previous_date", ctx.year_focus.value())
    return _pub(_pick_by_tense(cands, ctx), ctx, mod=mod)


# --- days ---------------------------------------------------------------------


def _ordinal_ok(m, text, s, e):
    """A bare ordinal is a day of the month only when nothing makes it a noun
    modifier ("the 2nd Division", "the 5th anniversary")."""
    d1 = int(m.group("d1"))
    if d1 < 1 or d1 > 31:
        return False
    if not m.group("s1"):
        # "18-19th": a bare first day needs a hyphenated range closed by an ordinal
        if not (m.group("d2") and m.group("sep").strip() in ("-", "–")):
            return False
    if m.group("d2") and not (d1 < int(m.group("d2")) <= 31):
        return False
    if not m.group("the") and not m.group("d2"):
        before = text[max(0, s - 4):s].lower()
        if not before.endswith("on "):
            return False
    after = text[e:e + 30]
    mm = re.match(r"[ \t]*([\w(]+)", after)
    if not mm:
        return True  # punctuation or end follows
    if text[e:e + 1] in "-'’":
        return False  # "5th-century", "5th's"
    word = mm.group(1)
    if word.lower() in _ORD_OK_FOLLOW:
        return True
    if word[:1].isupper():
        before = text[max(0, s - 4):s].lower()
        # "On the 3rd President ..." is a date; "the 2nd Division" is not
        return before.endswith("on ") and not re.match(r"[ \t]*[A-Z]\w*\s+(?:Division|Corps|Army|Fleet|Brigade|Regiment|Battalion|Street|Avenue|Amendment|Congress|Century|Floor)\b", after)
    return False


@_rule(
    "day_ordinal",
    r"(?<![\w.,/-])(?P<the>(?i:the)\s+)?(?P<d1>\d{1,2})(?P<s1>st|nd|rd|th)?(?:(?P<sep>\s*(?:-|–|and|to|through)\s*)(?:(?i:the)\s+)?(?P<d2>\d{1,2})"
    r"(?P<s2>st|nd|rd|th))?(?:\s+(?i:of\s+(?P<rel>this|last|next|the\s+same|that)\s+month))?(?!\w)",
    prio=2,
    check=_ordinal_ok,
)
def _h_day_ordinal(m, ctx):
    d1 = int(m.group("d1"))
    d2 = int(m.group("d2")) if m.group("d2") else None
    rel = re.sub(r"\s+", " ", (m.group("rel") or "").lower())
    if ctx.anchor is None:
        ref = ctx.para_focus if (ctx.para_focus and ctx.para_focus.month and ctx.para_focus.year) else None
        if ref is None:
            p = _Point("day", None, None, d1)
            v = p.value() + (f"/XXXX-XX-{d2:02d}" if d2 else "")
            return _Result("DATE", v, None, "day", None, "none", None, focus=False)
    a = ctx.anchor
    cands = []
    base_y, base_m = (a.year, a.month) if a else (ctx.para_focus.year, ctx.para_focus.month)
    for off in (-1, 0, 1):
        y, mo = _add_months(base_y, base_m, off)
        dd = _safe_date(y, mo, d1)
        if dd:
            end = _safe_date(y, mo, d2) if d2 else None
            if d2 and end is None:
                continue
            cands.append(_Point("day", y, mo, d1, end_day=end))
    if rel:
        off = {"this": 0, "last": -1, "next": 1, "the same": 0, "that": 0}[rel]
        y, mo = _add_months(base_y, base_m, off)
        cands = [c for c in cands if (c.year, c.month) == (y, mo)]
        p = cands[0] if cands else None
    elif a is None:
        p = cands[len(cands) // 2] if cands else None
    else:
        p = _pick_by_tense(cands, ctx)
    if p is None:
        return None
    if a is None:
        return _Result("DATE", p.value(), p, "day", None, "previous_date", ctx.para_focus.value())
    return _pub(p, ctx)


@_rule(
    "weekday",
    r"(?<![\w-])" + MODPRE + r"(?P<rel>(?i:this\s+past|this\s+coming|last|next|this|past|coming|the\s+following|the\s+previous|the\s+next|that)\s+)?(?P<wd>"
    + WEEKDAY + r")(?P<pl>s)?(?P<part>\s+(?i:morning|afternoon|evening|night))?(?![\w-])",
    prio=2,
)
def _h_weekday(m, ctx):
    wd = WEEKDAYS[m.group("wd").lower()]
    rel = re.sub(r"\s+", " ", (m.group("rel") or "").strip().lower())
    mod = _mod_of(m)
    part = (m.group("part") or "").strip().lower()
    if m.group("pl"):
        before = ctx.text[max(0, ctx.start - 12):ctx.start].lower()
        if re.search(r"\b(on|every|most|some|all)\s+$", before) or part:
            v = f"XXXX-WXX-{wd + 1}" + (f"T{PARTS[part]}" if part else "")
            return _Result("SET", v, None, "day", None, "none", None, focus=False)
        return None
    if rel in ("the following", "the next", "the previous", "that"):
        ref = ctx.para_focus if (ctx.para_focus and ctx.para_focus.as_date()) else None
        base = ref.as_date() if ref else ctx.anchor
        if base is None:
            return _underspecified("day", mod=mod)
        if rel == "the previous":
            dd = base - timedelta(days=(base.weekday() - wd) % 7 or 7)
        elif rel == "that":
            dd = base + timedelta(days=(wd - base.weekday()) % 7) if ref else base - timedelta(days=(base.weekday() - wd) % 7)
        else:
            dd = base + timedelta(days=(wd - base.weekday()) % 7 or 7)
        p = _Point.of_day(dd)
        if part:
            p = _Point("part_of_day", dd.year, dd.month, dd.day, part=PARTS[part])
        kind = "previous_date" if ref else "publication"
        return _Result("TIME" if part else "DATE", p.value(), p, p.gran, mod, kind, (ref.value() if ref else base.isoformat()))
    if ctx.anchor is None:
        v = f"XXXX-WXX-{wd + 1}"
        return _Result("TIME" if part else "DATE", v, None, "day", mod, "none", None, focus=False)
    a = ctx.anchor
    if rel in ("last", "this past", "past"):
        dd = a - timedelta(days=(a.weekday() - wd) % 7 or 7)
    elif rel in ("next", "this coming", "coming"):
        dd = a + timedelta(days=(wd - a.weekday()) % 7 or 7)
    elif rel == "this":
        monday = a - timedelta(days=a.weekday())
        dd = monday + timedelta(days=wd)
    else:
        back = a - timedelta(days=(a.weekday() - wd) % 7)
        fwd = a + timedelta(days=(wd - a.weekday()) % 7)
        if back == a:
            dd = a
        elif ctx.tense == "past":
            dd = back
        elif ctx.tense == "future":
            dd = fwd
        else:
            dd = back if (a - back) <= (fwd - a) else fwd
    p = _Point.of_day(dd)
    if part:
        p = _Point("part_of_day", dd.year, dd.month, dd.day, part=PARTS[part])
        return _pub(p, ctx, typ="TIME", mod=mod)
    return _pub(p, ctx, mod=mod)


@_rule(
    "today_words",
    r"(?i:(?<![\w-])" + MODPRE + r"(?P<w>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|today|tomorrow|yesterday|tonight|"
    r"this\s+(?:morning|afternoon|evening)|last\s+night|overnight)(?P<part>\s+(?:morning|afternoon|evening|night))?(?![\w-]))",
    prio=3,
)
def _h_today(m, ctx):
    w = re.sub(r"\s+", " ", m.group("w").lower())
    part = (m.group("part") or "").strip().lower()
    mod = _mod_of(m)
    if w == "overnight":
        if ctx.anchor is None:
            return None
        return None
    off = {"today": 0, "tomorrow": 1, "yesterday": -1, "tonight": 0, "the day before yesterday": -2,
           "the day after tomorrow": 2, "this morning": 0, "this afternoon": 0, "this evening": 0,
           "last night": -1}[w]
    if w in ("tonight", "last night"):
        part = part or "night"
    if w.startswith("this "):
        part = w.split()[1]
    if ctx.anchor is None:
        v = "XXXX-XX-XX" + (f"T{PARTS[part]}" if part else "")
        return _Result("TIME" if part else "DATE", v, None, "part_of_day" if part else "day", mod, "none", None, focus=False)
    dd = ctx.anchor + timedelta(days=off)
    if part:
        p = _Point("part_of_day", dd.year, dd.month, dd.day, part=PARTS[part])
        return _pub(p, ctx, typ="TIME", mod=mod)
    return _pub(_Point.of_day(dd), ctx, mod=mod)


# --- deictic and anaphoric units --------------------------------------------------


@_rule(
    "unit_deictic",
    r"(?i:(?<![\w-])" + MODPRE + r"(?P<rel>this\s+past|this\s+coming|the\s+past|the\s+last|the\s+current|the\s+coming|the\s+present|"
    r"this|last|next|past|coming|current|earlier\s+this|later\s+this|early\s+this|early\s+next|late\s+this|late\s+last|"
    r"earlier\s+last|later\s+next)\s+(?P<u>week|weekend|month|year|decade|century|fiscal\s+year|financial\s+year|calendar\s+year)(?![\w-]))",
    prio=3,
)
def _h_unit_deictic(m, ctx):
    rel = re.sub(r"\s+", " ", m.group("rel").lower())
    u = re.sub(r"^(fiscal|financial|calendar)\s+", "", m.group("u").lower())
    mod = _mod_of(m)
    words = rel.split()
    if words[0] in ("earlier", "early"):
        mod = "START" if words[0] == "early" else None
        rel = words[1]
    elif words[0] in ("later", "late"):
        mod = "END" if words[0] == "late" else None
        rel = words[1]
    off = {"this": 0, "the current": 0, "current": 0, "the present": 0, "last": -1, "past": -1, "the past": -1,
           "the last": -1, "this past": -1, "next": 1, "coming": 1, "the coming": 1, "this coming": 1}[rel]
    if u == "weekend":
        if ctx.anchor is None:
            return _underspecified("weekend", mod=mod)
        iso = ctx.anchor.isocalendar()
        p = _Point("weekend", iso[0], week=iso[1])
        if off == 0 and ctx.anchor.weekday() < 5 and ctx.tense == "past":
            off = -1
        return _pub(_shift(p, "week", off), ctx, mod=mod)
    if ctx.anchor is None:
        return _underspecified(u, mod=mod)
    base = _coarsen(_Point.of_day(ctx.anchor), u)
    if base is None:
        return None
    if u in ("decade", "century") and off < 0:
        off = 0  # "the past decade" is the stretch ending now, written as the current decade
    return _pub(_shift(base, u, off), ctx, mod=mod)


@_rule(
    "weekend",
    r"(?i:(?<![\w-])the\s+weekend(?![\w-]))",
    prio=2,
)
def _h_weekend(m, ctx):
    if ctx.anchor is None:
        return _underspecified("weekend")
    a = ctx.anchor
    iso = a.isocalendar()
    this = _Point("weekend", iso[0], week=iso[1])
    if a.weekday() >= 5:
        p = this
    elif ctx.tense == "future":
        p = this
    else:
        p = _shift(this, "week", -1)
    return _pub(p, ctx)


@_rule(
    "the_year",
    r"(?i:(?<![\w-])the\s+(?P<adj>(?:full|fiscal|current\s+fiscal|latest\s+fiscal|latest|calendar|financial)\s+)?year(?![\w-])"
    r"(?=(?P<ended>\s+(?:ended|ending|that\s+ended|that\s+ends|to\s+date)\b)?))",
    prio=1,
)
def _h_the_year(m, ctx):
    after = ctx.text[ctx.end:ctx.end + 12].lower()
    adj = re.sub(r"\s+", " ", (m.group("adj") or "").strip().lower())
    if re.match(r"\s*(?:of|before|after|earlier|later|in\s+which|when|that|before)\b", after) and not m.group("ended"):
        return None
    if m.group("ended"):
        # "the year ended March 31": a twelve-month period
        return _Result("DURATION", "P1Y", None, "year", None, "none", None, focus=False)
    if ctx.anchor is None and ctx.para_focus is None:
        return _underspecified("year")
    if adj.startswith("latest"):
        return _pub(_Point("year", ctx.anchor.year - 1), ctx) if ctx.anchor else None
    ref = ctx.para_focus if (ctx.para_focus and ctx.para_focus.year) else None
    if ref is not None:
        p = _Point("year", ref.year)
        return _Result("DATE", p.value(), p, "year", None, "previous_date", ref.value())
    return _pub(_Point("year", ctx.anchor.year), ctx)


@_rule(
    "year_earlier_adj",
    r"(?i:(?<![\w-])year-(?:earlier|ago)(?![\w-]))",
    prio=1,
)
def _h_year_earlier_adj(m, ctx):
    ref = ctx.sent_focus or ctx.para_focus or ctx.doc_focus
    if ref is not None and ref.gran in ("quarter", "half", "month") and ref.year:
        p = _shift(ref, "year", -1)
        if p is not None:
            return _Result("DATE", p.value(), p, p.gran, None, "previous_date", ref.value(), focus=False)
    if ctx.anchor is None:
        return _underspecified("year")
    r = _pub(_Point("year", ctx.anchor.year - 1), ctx)
    r.focus = False
    return r


@_rule(
    "part_of_day",
    r"(?i:(?<![\w-])(?P<pm>early|late|mid)[\s-]?(?P<part>morning|afternoon|evening)(?:\s+(?P<rel>yesterday|today|tomorrow))?(?![\w-]))",
    prio=2,
)
def _h_part_of_day(m, ctx):
    pm = m.group("pm").lower()
    mod = {"early": "START", "late": "END", "mid": "MID"}[pm]
    part = PARTS[m.group("part").lower()]
    rel = (m.group("rel") or "").lower()
    if rel:
        if ctx.anchor is None:
            return _underspecified("part_of_day", typ="TIME", mod=mod)
        d = ctx.anchor + timedelta(days={"yesterday": -1, "today": 0, "tomorrow": 1}[rel])
        return _pub(_Point("part_of_day", d.year, d.month, d.day, part=part), ctx, typ="TIME", mod=mod)
    ref = ctx.sent_focus if (ctx.sent_focus and ctx.sent_focus.as_date()) else None
    ref = ref or (ctx.para_focus if (ctx.para_focus and ctx.para_focus.as_date()) else None)
    if ref is not None:
        d = ref.as_date()
        p = _Point("part_of_day", d.year, d.month, d.day, part=part)
        return _Result("TIME", p.value(), p, "part_of_day", mod, "previous_date", ref.value())
    if ctx.anchor is None:
        return _underspecified("part_of_day", typ="TIME", mod=mod)
    d = ctx.anchor
    return _pub(_Point("part_of_day", d.year, d.month, d.day, part=part), ctx, typ="TIME", mod=mod)


@_rule(
    "unit_of_focus",
    r"(?i:(?<![\w-])(?P<modp>(?:early|earlier|late|later|mid)\s+in|the\s+(?:end|close|beginning|start|middle|turn|rest|remainder)\s+of|"
    r"(?:early|late|mid)[\s-])\s*(?P<the>the|that)\s+(?P<u>week|month|year|decade|century)(?![\w-]))",
    prio=3,
)
def _h_unit_of_focus(m, ctx):
    u = m.group("u").lower()
    s = m.group("modp").lower()
    mod = "START" if s.startswith(("early", "the beginning", "the start")) else "END" if s.startswith(("late", "the end", "the close")) else "MID" if s.startswith(("mid", "the middle")) else None
    ref = ctx.para_focus or ctx.doc_focus
    if ref is not None and _finer_or_equal(ref.gran, u):
        p = _coarsen(ref, u)
        if p is not None:
            return _Result("DATE", p.value(), p, u, mod, "previous_date", ref.value())
    if ctx.anchor is None:
        return _underspecified(u, mod=mod)
    return _pub(_coarsen(_Point.of_day(ctx.anchor), u), ctx, mod=mod)


@_rule(
    "year_end",
    r"(?i:(?<![\w-])(?:around\s+)?(?P<w>year[\s-]end|year's\s+end|month[\s-]end|the\s+year's\s+end)(?![\w-]))",
    prio=2,
)
def _h_year_end(m, ctx):
    u = "month" if m.group("w").lower().startswith("month") else "year"
    ref = ctx.sent_focus if (ctx.sent_focus and _finer_or_equal(ctx.sent_focus.gran, u)) else None
    if ref is not None:
        p = _coarsen(ref, u)
        return _Result("DATE", p.value(), p, u, "END", "previous_date", ref.value())
    if ctx.anchor is None:
        return _underspecified(u, mod="END")
    return _pub(_coarsen(_Point.of_day(ctx.anchor), u), ctx, mod="END")


@_rule(
    "anaphoric_unit",
    r"(?i:(?<![\w-])(?:(?P<rel>the\s+next|the\s+following|the\s+previous|the\s+preceding|the\s+prior|the\s+same|that|a|one)\s+"
    r"(?P<u>day|week|weekend|month|year|morning|afternoon|evening|night)"
    r"|the\s+(?P<u2>day|week|month|year|night)\s+(?P<dir>before|after|earlier|later|prior))(?![\w-]))",
    prio=2,
)
def _h_anaphoric(m, ctx):
    after_text = ctx.text[ctx.end:ctx.end + 30]
    rel = re.sub(r"\s+", " ", (m.group("rel") or "").lower())
    if m.group("u2"):
        u = m.group("u2").lower()
        if m.group("dir").lower() in ("before", "after", "prior") and re.match(
            r"\s+(?:the|a|an|his|her|their|its|our|my|your|this|that|these|those|[A-Z]\w+|to|\d)\b", after_text
        ) and not re.match(r"\s+(?:yesterday|tomorrow|today)\b", after_text):
            return None  # "the day before the election": anchored to an event, not a date
        off = -1 if m.group("dir").lower() in ("before", "earlier", "prior") else 1
        part = None
        if u == "night":
            u, part = "day", "NI"
    else:
        u = m.group("u").lower()
        part = None
        if rel in ("a", "one"):
            return None
        if u in ("morning", "afternoon", "evening", "night"):
            part, u = PARTS[u], "day"
        off = {"the next": 1, "the following": 1, "the previous": -1, "the preceding": -1, "the prior": -1,
               "the same": 0, "that": 0}[rel]
    # reference: a day-level date in this paragraph, else (for longer units)
    # the last date anywhere, else the publication date
    if u == "day" or u == "weekend":
        ref = ctx.para_focus if (ctx.para_focus and ctx.para_focus.as_date()) else None
    elif u == "year":
        ref = ctx.year_focus
    else:
        ref = ctx.para_focus or ctx.doc_focus
        if ref is not None and not _finer_or_equal(ref.gran, u):
            ref = None
    typ = "TIME" if part else "DATE"
    if ref is None:
        if off == 0 and rel in ("that", "the same") and u != "day":
            return None
        if ctx.anchor is None:
            return _underspecified("part_of_day" if part else u, typ=typ)
        base = _coarsen(_Point.of_day(ctx.anchor), "week" if u == "weekend" else u)
        p = _shift(base, "week" if u == "weekend" else u, off)
        if p is not None and part:
            p = _Point("part_of_day", p.year, p.month, p.day, part=part)
        return _pub(p, ctx, typ=typ)
    base = _coarsen(ref, "week" if u == "weekend" else u)
    if base is None:
        return None
    p = _shift(base, "week" if u == "weekend" else u, off)
    if p is None:
        return None
    if u == "weekend":
        p = _Point("weekend", p.year, week=p.week)
    if part:
        p = _Point("part_of_day", p.year, p.month, p.day, part=part)
    return _Result(typ, p.value(), p, p.gran, None, "previous_date", ref.value())


@_rule(
    "that_time",
    r"(?i:(?<![\w-])(?P<w>that\s+time|the\s+time|the\s+same\s+time|that\s+moment|then)(?![\w-]))",
    prio=1,
)
def _h_that_time(m, ctx):
    before = ctx.text[max(0, ctx.start - 12):ctx.start].lower()
    w = re.sub(r"\s+", " ", m.group("w").lower())
    if not re.search(r"\b(at|by|since|until|from)\s+$", before):
        return None
    if w == "the same time":
        return None
    after = ctx.text[ctx.end:ctx.end + 12].lower()
    if re.match(r"\s*(?:of|when|that|to|for|being)\b", after):
        return None
    if w == "the time" and not re.match(r"\s*(?:[.,;:!?)\"'”’]|$)", after):
        return None  # "at the time Howes was captured": a clause follows, the time is its event's
    if w == "then" and not re.search(r"\b(until|since|by|till)\s+$", before):
        return None
    ref = ctx.doc_focus
    if ref is not None:
        return _Result("DATE", ref.value(), ref, ref.gran, None, "previous_date", ref.value())
    return _Result("DATE", "PAST_REF", None, None, None, "none", None, focus=False)


# --- N units ago / earlier / later ------------------------------------------------------


@_rule(
    "units_ago",
    r"(?i:(?<![\w-])(?P<mq>(?:about|around|approximately|roughly|nearly|almost|over|more\s+than|less\s+than|some|just|at\s+least)\s+)?"
    r"(?P<q>" + QUANT + r")[\s-]+" + UNIT + r"(?:\s+or\s+so)?\s+(?P<dir>ago|earlier|later|hence|from\s+now|back|"
    r"(?:before|after|prior)(?=\s*(?:[.,;:!?)\"'”’]|$|and\b|when\b|but\b|in\b|on\b|at\b|with\b|for\b|as\b))))",
    prio=3,
)
def _h_units_ago(m, ctx):
    qtext = m.group("q")
    n = parse_number(qtext)
    unit = _unit_of(m.group("unit"))
    d = re.sub(r"\s+", " ", m.group("dir").lower())
    mq = (m.group("mq") or "").strip().lower()
    mod = {"about": "APPROX", "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX", "some": "APPROX",
           "nearly": "LESS_THAN", "almost": "LESS_THAN", "less than": "LESS_THAN", "over": "MORE_THAN",
           "more than": "MORE_THAN", "at least": "EQUAL_OR_MORE"}.get(mq)
    # ("two days after the summit" ends with an event, not a date: the pattern
    # takes "before/after" only before punctuation or a clause boundary)
    sign = -1 if d in ("ago", "earlier", "before", "back", "prior") else 1
    code_gran = {"second": "second", "minute": "minute", "hour": "hour", "day": "day", "week": "week",
                 "fortnight": "week", "month": "month", "quarter": "quarter", "year": "year", "decade": "decade",
                 "century": "century", "millennium": "millennium"}[unit]
    if unit in ("second", "minute", "hour", "millennium"):
        return None
    if unit == "fortnight":
        unit, n = "week", (n * 2 if n else None)
    if n is None or not float(n).is_integer():
        # "a few years ago", "several months earlier": direction only
        return _Result("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", None, None, mod, "none", None, focus=False)
    n = int(n)
    if d in ("ago", "hence", "from now", "back"):
        ref = None
        # "a year ago" next to "the third quarter": the same quarter a year before
        sf = ctx.sent_focus
        if unit == "year" and sf is not None and sf.gran in ("quarter", "month", "half", "season") and sf.year:
            ref = sf
        elif unit == "year" and n == 1 and ctx.doc_focus is not None and ctx.doc_focus.gran in ("quarter", "half"):
            ref = ctx.doc_focus
        if ref is None:
            if ctx.anchor is None:
                return _underspecified(code_gran, mod=mod)
            base = _coarsen(_Point.of_day(ctx.anchor), code_gran) if code_gran != "day" else _Point.of_day(ctx.anchor)
            p = _shift(base, unit, sign * n)
            return _pub(p, ctx, mod=mod)
        p = _shift(ref, unit, sign * n)
        if p is None:
            return None
        # "a year ago" beside "the third quarter" compares; it does not move the story
        return _Result("DATE", p.value(), p, p.gran, mod, "previous_date", ref.value(), focus=False)
    # earlier / later / before / after: from the date in focus
    ref = ctx.sent_focus or ctx.para_focus
    if ref is None and unit == "year" and n == 1 and ctx.doc_focus is not None and ctx.doc_focus.gran in ("quarter", "half"):
        ref = ctx.doc_focus
    if ref is not None and not ref.year:
        ref = None
    if ref is None:
        if ctx.anchor is None:
            return _underspecified(code_gran, mod=mod)
        base = _coarsen(_Point.of_day(ctx.anchor), code_gran)
        return _pub(_shift(base, unit, sign * n) if base else None, ctx, mod=mod)
    if _finer_or_equal(ref.gran, code_gran):
        p = _shift(ref, unit, sign * n)
    else:
        p = _shift(ref, unit, sign * n) if code_gran in ("year", "decade", "century") else None
        if p is None:
            return None
    if p is None:
        return None
    comparison = unit == "year" and n == 1 and ref.gran in ("quarter", "half", "month")
    return _Result("DATE", p.value(), p, p.gran, mod, "previous_date", ref.value(), focus=not comparison)


# --- durations ------------------------------------------------------------------------

_DUR_MOD = {
    "about": "APPROX", "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX", "some": "APPROX",
    "nearly": "LESS_THAN", "almost": "LESS_THAN", "less than": "LESS_THAN", "fewer than": "LESS_THAN",
    "under": "LESS_THAN", "over": "MORE_THAN", "more than": "MORE_THAN", "at least": "EQUAL_OR_MORE",
    "at most": "EQUAL_OR_LESS", "up to": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS", "within": "EQUAL_OR_LESS",
    "upwards of": "MORE_THAN",
}
_DUR_PRE = (
    r"(?P<mq>(?:about|around|approximately|roughly|nearly|almost|more\s+than|less\s+than|fewer\s+than|"
    r"at\s+least|at\s+most|up\s+to|no\s+more\s+than|upwards\s+of)\s+)?"
    r"(?P<dt>(?:the|each\s+of\s+the|its|their|his|her)\s+(?:(?:past|last|next|first|coming|previous|following|latest|final|"
    r"remaining|initial|entire|full|whole|same|preceding|prior|ensuing|subsequent|past\s+several|last\s+several|next\s+several|"
    r"past\s+few|last\s+few|next\s+few|first\s+few)\s+|(?=[^\s-]+\s))|(?:another|an\s+additional|an\s+extra|additional)\s+)?"
)


def _dur_ok(m, text, s, e):
    q = m.group("q").strip().lower()
    unit = m.group("unit").lower()
    if unit.startswith("quarter") and re.match(r"\s+of\b", text[e:e + 4]):
        return False  # "three-quarters of its food" is a fraction
    if q in ("a", "an") and unit in ("second", "quarter", "minute"):
        return False
    if q in ("some",) and unit not in ("years", "months", "weeks", "days", "decades", "hours", "minutes"):
        return False
    if q == "one" and unit == "day" and not m.group("dt") and not m.group("mq"):
        # "one day, ..." is an indefinite time ('some day')
        before = text[max(0, s - 6):s].lower()
        if not re.search(r"\b(for|in|of|a|per)\s+$", before):
            return False
    if unit in ("second", "seconds") and q in ("a", "one") and not m.group("dt"):
        return False
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", q) and unit.rstrip("s") in ("second", "minute", "hour", "day"):
        return True
    return True


@_rule(
    "duration",
    r"(?i:(?<![\w$€£¥₩#.,/-])" + _DUR_PRE + r"(?P<q>" + QUANT + r")(?P<q2>\s*(?:to|-|–|or)\s*" + QUANT + r")?(?P<sep>[\s-]+)(?:(?:more|additional|full|straight|"
    r"consecutive|long|successive|short|whole|extra)\s+)?" + UNIT + r"(?P<half>\s+and\s+a\s+half)?(?P<old>[\s-]old)?"
    r"(?P<orso>\s+or\s+so)?(?P<per>\s+(?:period|span|stretch|term|spell|window|hiatus|interval))?(?![\w-]))",
    prio=2,
    check=_dur_ok,
)
def _h_duration(m, ctx):
    if m.group("old"):
        return None  # an age is not a time
    q = m.group("q")
    n = parse_number(q)
    unit = _unit_of(m.group("unit"))
    if m.group("q2"):
        q2 = re.sub(r"^\s*(?:to|-|–|or)\s*", "", m.group("q2"), flags=re.I)
        n2 = parse_number(q2)
        if n is None or n2 is None or n2 <= n:
            return None
        mq = re.sub(r"\s+", " ", (m.group("mq") or "").strip().lower())
        # "two to three weeks": at least the lower bound
        return _Result("DURATION", duration_value(n, unit), None, unit, "EQUAL_OR_MORE", "none", None, focus=False)
    if m.group("half") and n is not None:
        n += 0.5
    mq = re.sub(r"\s+", " ", (m.group("mq") or "").strip().lower())
    mod = _DUR_MOD.get(mq)
    qn = q.strip().lower()
    before = ctx.text[max(0, ctx.start - 25):ctx.start]
    # "$5 a year", "twice a week", "three times a day", "5% a year": a rate, so a SET
    before = ctx.text[max(0, ctx.start - 40):ctx.start]
    if qn in ("a", "an") and not m.group("dt") and not m.group("mq") and re.search(
        r"(?i:(?:(?:\d[\d,.]*|\b(?:" + _TENSW + "|" + _SMALLW + r"|hundred|thousand))\s*(?:%|percent|cents?|dollars?|won|yen|euros?|pounds?|million|billion|trillion|bn|m)?"
        r"(?:\s+[a-z]+){0,2}|\btimes|\bonce|\btwice|\bthrice)\s*$)", before
    ) and not re.search(r"(?i:\b(?:in|for|within|after|over|than|of)\s*$)", before):
        return _Result("SET", duration_value(1, unit), None, unit, None, "none", None, focus=False)
    # "the past year" / "the last decade" with no number read as the period itself
    dt = re.sub(r"\s+", " ", (m.group("dt") or "").strip().lower())
    if qn in ("a", "an", "one") and unit in ("year",) and dt in ("",) and ctx.text[ctx.end:ctx.end + 10].lower().startswith((" earlier", " ago", " later")):
        return None
    mixed = bool(m.group("half")) or "/" in q or "½" in q or "half" in q.lower()
    v = duration_value(n, unit, mixed=mixed)
    if m.group("orso"):
        mod = mod or "APPROX"
    return _Result("DURATION", v, None, unit, mod, "none", None, focus=False)


@_rule(
    "duration_vague",
    r"(?i:(?<![\w-])(?P<dt>(?:the\s+)?(?:past|last|next|coming|recent|first|early|ensuing|following|previous|future)\s+)(?P<unit>"
    r"seconds|minutes|hours|days|weeks|months|quarters|years|decades|centuries)(?![\w-]))",
    prio=1,
)
def _h_duration_vague(m, ctx):
    dt = re.sub(r"\s+", " ", m.group("dt").strip().lower())
    unit = _unit_of(m.group("unit"))
    if dt in ("recent", "the recent"):
        return _Result("DATE", "PAST_REF", None, None, None, "none", None, focus=False)
    if dt in ("coming", "the coming", "next", "the next", "future", "the future"):
        return _Result("DATE", "FUTURE_REF", None, None, None, "none", None, focus=False)
    if dt in ("past", "the past", "last", "the last", "previous", "the previous"):
        return _Result("DURATION", duration_value(None, unit), None, unit, None, "none", None, focus=False)
    return _Result("DURATION", duration_value(None, unit), None, unit, None, "none", None, focus=False)


@_rule(
    "duration_bare",
    r"(?i:(?<![\w-])(?:many\s+|several\s+|some\s+|(?P<the>the)\s+)?(?P<unit>"
    r"seconds|minutes|hours|days|weeks|months|years|decades|centuries)(?P<alt>\s+(?:or|and|to)\s+(?:seconds|minutes|hours|days|weeks|months|years|decades))?(?![\w-]))",
    prio=1,
    check=lambda m, text, s, e: re.search(r"(?i:\b(?:for|over|in|within|lasting|took|take|takes|spent|spend)\s$)", text[max(0, s - 9):s]) is not None,
)
def _h_duration_bare(m, ctx):
    before = ctx.text[max(0, ctx.start - 8):ctx.start].lower()
    unit = _unit_of(m.group("unit"))
    after = ctx.text[ctx.end:ctx.end + 12].lower()
    if re.match(r"\s*(?:of|ago|later|earlier|before|after)\b", after):
        return None
    if re.search(r"\bin\s+$", before) and not re.match(r"\s*[.,;:!?]|\s*$", after):
        return None
    if m.group("the") and not re.search(r"\bover\s+$", before):
        return None
    return _Result("DURATION", duration_value(None, unit), None, unit, None, "none", None, focus=False)


@_rule(
    "a_while",
    r"(?i:(?<![\w-])a\s+(?:long\s+|short\s+|little\s+)?while(?![\w-]))",
    prio=1,
    check=lambda m, text, s, e: re.search(r"(?i:\b(?:for|in|after|within|took|take|takes)\s$)", text[max(0, s - 7):s]) is not None,
)
def _h_a_while(m, ctx):
    return _Result("DURATION", "PXX", None, None, None, "none", None, focus=False)


@_rule(
    "half_unit",
    r"(?i:(?<![\w-])(?P<mq>(?:about|nearly|almost|more\s+than|less\s+than|over|at\s+least)\s+)?(?:half\s+an?\s+(?P<u1>hour|day|year|month|century|decade)|"
    r"an?\s+(?P<u2>hour|day|year|month|week|minute|century|decade)\s+and\s+a\s+half)(?![\w-]))",
    prio=3,
)
def _h_half_unit(m, ctx):
    if m.group("u1"):
        unit, n = m.group("u1").lower(), 0.5
    else:
        unit, n = m.group("u2").lower(), 1.5
    mod = _DUR_MOD.get(re.sub(r"\s+", " ", (m.group("mq") or "").strip().lower()))
    return _Result("DURATION", duration_value(n, unit, mixed=True), None, unit, mod, "none", None, focus=False)


# --- sets -----------------------------------------------------------------------------


@_rule(
    "set_every",
    r"(?i:(?<![\w-])(?P<q>every|each|per)\s+(?:(?P<other>other|second|single)\s+)?(?:(?P<n>" + QUANT + r")\s+)?(?P<u>seconds?|minutes?|hours?|days?|nights?|weeks?|"
    r"weekends?|months?|quarters?|years?|decades?|centuries|century|morning|afternoon|evening|summer|winter|spring|autumn|fall|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|"
    r"september|october|november|december)\b)",
    prio=3,
)
def _h_set(m, ctx):
    u = m.group("u").lower()
    if u in WEEKDAYS:
        return _Result("SET", f"XXXX-WXX-{WEEKDAYS[u] + 1}", None, "day", None, "none", None, focus=False)
    if u in MONTHS:
        return _Result("SET", f"XXXX-{MONTHS[u]:02d}", None, "month", None, "none", None, focus=False)
    if u in SEASONS:
        return _Result("SET", f"XXXX-{SEASONS[u]}", None, "season", None, "none", None, focus=False)
    if u in PARTS:
        return _Result("SET", f"TXX{PARTS[u]}".replace("TXX", "XXXX-XX-XXT"), None, "part_of_day", None, "none", None, focus=False)
    if u.rstrip("s") == "weekend":
        return _Result("SET", "XXXX-WXX-WE", None, "weekend", None, "none", None, focus=False)
    if u.rstrip("s") == "night":
        return _Result("SET", "P1D", None, "day", None, "none", None, focus=False)
    unit = _unit_of(u)
    n = parse_number(m.group("n")) if m.group("n") else 1
    if m.group("other") and m.group("other").lower() in ("other", "second"):
        n = 2
    if n is None:
        return None
    return _Result("SET", duration_value(n, unit), None, unit, None, "none", None, focus=False)


@_rule(
    "set_adverb",
    r"(?i:(?<![\w-])(?P<w>daily|weekly|biweekly|fortnightly|monthly|bimonthly|quarterly|annually|yearly|hourly|nightly|semiannually|semi-annually|biannually)(?![\w-]))",
    prio=2,
)
def _h_set_adverb(m, ctx):
    w = m.group("w").lower().replace("-", "")
    v = {"daily": "P1D", "weekly": "P1W", "biweekly": "P2W", "fortnightly": "P2W", "monthly": "P1M",
         "bimonthly": "P2M", "quarterly": "P3M", "annually": "P1Y", "yearly": "P1Y", "hourly": "PT1H",
         "nightly": "P1D", "semiannually": "P6M", "biannually": "P6M"}[w]
    after = ctx.text[ctx.end:ctx.end + 15]
    before = ctx.text[max(0, ctx.start - 12):ctx.start].lower()
    # "its quarterly dividend", "the daily tally": an adjective before a noun
    # describes a thing, it does not say when something happens
    if re.match(r"\s+[a-z]", after) and not re.match(
        r"\s+(?:and|or|but|to|in|on|at|for|from|since|until|through|by|with|as|than|during|over|thereafter|"
        r"afterwards?|if|when|while|because|is|are|was|were|will|would)\b", after):
        return None
    if re.search(r"\b(?:the|a|an|its|their|his|her|our|my|your|average|initial|first|regular|this|that)\s+$", before):
        return None
    return _Result("SET", v, None, None, None, "none", None, focus=False)


# --- clock times ---------------------------------------------------------------------

_DAYPART_AFTER = (
    r"(?P<tz>\s*" + _TZ + r")?(?:\s*\(?(?i:local\s+time)\)?)?"
    r"(?P<dayx>,?\s+(?:(?i:on\s+)?(?P<dwd>" + WEEKDAY + r")(?:,?\s+(?P<dmon>" + MONTH + r")\s*(?P<dd>" + DAYNUM + r"))?"
    r"|(?P<dmon2>" + MONTH + r")\s*(?P<dd2>" + DAYNUM + r")(?!\d)|(?P<drel>(?i:today|tomorrow|yesterday|tonight))))?"
)


@_rule(
    "clock_time",
    r"(?<![\w:.,/-])(?P<mq>(?i:about|around|approximately|shortly\s+(?:before|after)|just\s+(?:before|after))\s+)?" + CLOCK + _DAYPART_AFTER + r"(?![\w])",
    prio=4,
)
def _h_clock(m, ctx):
    if m.group("noon"):
        w = m.group("noon").lower()
        h, mi = (24, 0) if w == "midnight" else (12, 0)
    elif m.group("h24") is not None:
        h, mi = int(m.group("h24")), int(m.group("mi24"))
    else:
        h = int(m.group("h"))
        mi = int(m.group("mi") or 0)
        ap = m.group("ap").lower().replace(".", "").replace(" ", "")
        if ap.startswith("p") and h < 12:
            h += 12
        if ap.startswith("a") and h == 12:
            h = 0
    mq = (m.group("mq") or "").strip().lower()
    mod = "APPROX" if mq in ("about", "around", "approximately") else None
    day: date | None = None
    kind, used = "none", None
    # a day written next to the time
    if m.group("dwd") or m.group("dmon2") or m.group("drel"):
        if m.group("dmon") or m.group("dmon2"):
            mon = _month_num(m.group("dmon") or m.group("dmon2"))
            dnum = int(m.group("dd") or m.group("dd2"))
            if ctx.anchor:
                cands = [_Point("day", y, mon, dnum) for y in (ctx.anchor.year - 1, ctx.anchor.year, ctx.anchor.year + 1)
                         if _safe_date(y, mon, dnum)]
                p = _pick_by_tense(cands, ctx)
                day = p.as_date() if p else None
                kind, used = "publication", ctx.anchor.isoformat()
        elif m.group("drel"):
            if ctx.anchor:
                day = ctx.anchor + timedelta(days={"today": 0, "tonight": 0, "tomorrow": 1, "yesterday": -1}[m.group("drel").lower()])
                kind, used = "publication", ctx.anchor.isoformat()
        elif m.group("dwd") and ctx.anchor:
            wd = WEEKDAYS[m.group("dwd").lower()]
            a = ctx.anchor
            back = a - timedelta(days=(a.weekday() - wd) % 7)
            fwd = a + timedelta(days=(wd - a.weekday()) % 7)
            if back == a:
                day = a
            elif ctx.tense == "future":
                day = fwd
            elif ctx.tense == "past":
                day = back
            else:
                day = back if (a - back) <= (fwd - a) else fwd
            kind, used = "publication", a.isoformat()
    if day is None and not (m.group("dwd") or m.group("dmon2") or m.group("drel")):
        ref = ctx.sent_focus if (ctx.sent_focus and ctx.sent_focus.as_date()) else None
        if ref is None and ctx.para_focus is not None and ctx.para_focus.as_date():
            ref = ctx.para_focus
        if ref is not None:
            day, kind, used = ref.as_date(), "previous_date", ref.value()
        elif ctx.anchor is not None:
            day, kind, used = ctx.anchor, "publication", ctx.anchor.isoformat()
    if day is None:
        v = f"XXXX-XX-XXT{h:02d}:{mi:02d}"
        return _Result("TIME", v, None, "minute", mod, "none", None, focus=False)
    p = _Point("minute", day.year, day.month, day.day, hour=h, minute=mi)
    return _Result("TIME", p.value(), p, "minute", mod, kind, used)


# --- vague references --------------------------------------------------------------------

_REFS = {
    "now": "PRESENT_REF", "right now": "PRESENT_REF", "just now": "PAST_REF", "currently": "PRESENT_REF",
    "presently": "PRESENT_REF", "at present": "PRESENT_REF", "at the moment": "PRESENT_REF",
    "nowadays": "PRESENT_REF", "these days": "PRESENT_REF", "so far": "PRESENT_REF", "thus far": "PRESENT_REF",
    "to date": "PRESENT_REF", "the present": "PRESENT_REF", "current": "PRESENT_REF", "the present day": "PRESENT_REF",
    "recently": "PAST_REF", "lately": "PAST_REF", "recent": "PAST_REF", "previously": "PAST_REF",
    "formerly": "PAST_REF", "the past": "PAST_REF", "earlier": "PAST_REF", "once": "PAST_REF",
    "in the past": "PAST_REF", "more recently": "PAST_REF", "most recently": "PAST_REF", "until recently": "PAST_REF",
    "the future": "FUTURE_REF", "the near future": "FUTURE_REF", "the foreseeable future": "FUTURE_REF",
    "the distant future": "FUTURE_REF", "the near term": "FUTURE_REF", "the short term": "FUTURE_REF",
    "the long term": "FUTURE_REF", "the medium term": "FUTURE_REF", "soon": "FUTURE_REF",
    "a later date": "FUTURE_REF", "later": "FUTURE_REF", "future": "FUTURE_REF",
    "the coming days": "FUTURE_REF", "the coming weeks": "FUTURE_REF", "the coming months": "FUTURE_REF",
    "the coming years": "FUTURE_REF", "in the coming days": "FUTURE_REF", "as soon as possible": "FUTURE_REF",
}


@_rule(
    "ref",
    r"(?i:(?<![\w-])(?P<w>right\s+now|just\s+now|now|currently|presently|at\s+present|nowadays|these\s+days|so\s+far|thus\s+far|"
    r"to\s+date|the\s+present\s+day|more\s+recently|most\s+recently|recently|lately|previously|formerly|"
    r"the\s+past|the\s+(?:near|distant|immediate)\s+future|the\s+future|the\s+(?:near|short|long|medium)\s+term|"
    r"as\s+soon\s+as\s+possible|soon|a\s+later\s+date|current|earlier|the\s+present)(?![\w-]))",
    prio=0,
)
def _h_ref(m, ctx):
    w = re.sub(r"\s+", " ", m.group("w").lower())
    text = ctx.text
    before = text[max(0, ctx.start - 20):ctx.start]
    after = text[ctx.end:ctx.end + 20]
    ss, se = ctx.sentence
    clause_start = (not before.strip() or ctx.start == ss
                    or re.search(r"(?:^|[.;:!?]|\n|(?:^|\s)[\"“'‘(\[]|,\s*(?:and|but|or)?)\s*$", before) is not None)
    if w in ("earlier", "previously", "formerly", "so far", "thus far", "to date"):
        # sentence adverbs: only at the start of a clause ("Earlier, ...",
        # "So far, ..."), not "a year earlier" or "the previously announced plan"
        if not clause_start:
            return None
        if re.match(r"\s+(?:this|last|in|on|that|today|yesterday|than)\b", after, re.I):
            return None
    if w == "now" and re.match(r"[-‐]", after):
        return None  # "now-defunct"
    if w == "current":
        if not re.match(r"\s+[a-z]", after) or re.match(r"(?i:\s+(?:account|accounts|affairs|events|density|flow|flows|source|sources|electric|carrying))\b", after):
            return None
        if re.search(r"(?i:\b(?:electric|alternating|direct|ocean|strong|the\s+gulf)\s+$)", before):
            return None
    if w == "soon":
        if re.match(r"\s+(?:after|afterwards|afterward|thereafter|as)\b", after, re.I) or re.search(r"(?i:\bas\s+$|\bhow\s+$|\btoo\s+$)", before):
            return None
    if w == "so far":
        if re.match(r"\s+(?:as|from|away|ahead|behind|out|off|beyond|removed|gone|the)\b", after, re.I) or re.search(r"(?i:\b(?:and|not|go|gone|went|is|are|was|were|be)\s+$)", before) and not clause_start:
            return None
    if w == "the present":
        if re.match(r"\s+[a-z]", after):
            return None
    if w == "the past":
        if re.match(r"\s+(?:\w+\s+)?(?:years?|months?|weeks?|days?|decades?|quarters?|centuries|century|hours?)\b", after, re.I):
            return None
    if w == "the future" and re.match(r"\s+of\b", after):
        return None  # "the future of the alliance" is a fate, not a time
    v = _REFS[w]
    return _Result("DATE", v, None, None, None, "none", None, focus=False)


# named historical periods: general knowledge, not any one article's
_ERAS = {
    "soviet": "1922/1991", "cold war": "1947/1991", "post-cold war": "1991/XXXX", "post-soviet": "1991/XXXX",
    "japanese colonial": "1910/1945", "colonial": "XXXX", "victorian": "1837/1901", "napoleonic": "1799/1815",
    "interwar": "1918/1939", "post-war": "1945/XXXX", "postwar": "1945/XXXX",
}


@_rule(
    "era",
    r"(?i:(?<![\w-])the\s+(?P<e>soviet|cold\s+war|post-cold\s+war|post-soviet|japanese\s+colonial|colonial|victorian|napoleonic|"
    r"interwar|post-war|postwar)\s+(?:era|period|age|years|times)(?![\w-]))",
    prio=3,
)
def _h_era(m, ctx):
    e = re.sub(r"\s+", " ", m.group("e").lower())
    v = _ERAS[e]
    return _Result("DATE", v, None, None, None, "absolute", None, focus=False)


# --------------------------------------------------------------------------- engine


def _parse_anchor(anchor: Any) -> date | None:
    if anchor is None:
        return None
    if isinstance(anchor, datetime):
        return anchor.date()
    if isinstance(anchor, date):
        return anchor
    if isinstance(anchor, pd.Timestamp):
        return None if pd.isna(anchor) else anchor.date()
    s = str(anchor).strip()
    if not s:
        return None
    m = re.match(r"(\d{4})-?(\d{2})-?(\d{2})", s)
    if m:
        return _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    try:
        from dateutil import parser as du

        return du.parse(s).date()
    except (ValueError, OverflowError, ImportError):
        raise ValueError(f"anchor is not a date: {anchor!r}") from None


_PARA_BREAK = re.compile(r"\n[ \t\r\f\v]*\n|\r[ \t\f\v]*\r")


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans of blank-line separated paragraphs (the scope of day-level focus)."""
    out = []
    pos = 0
    for m in _PARA_BREAK.finditer(text):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        out.append((pos, len(text)))
    return out


def _candidates(text: str, start: int, end: int) -> list[_Cand]:
    region = text[start:end]
    present = _present_keys(region)
    out: list[_Cand] = []
    for name, rx, fn, prio, check in _RULES:
        if not _triggered(name, present):
            continue
        for m in rx.finditer(region):
            s, e = m.span()
            # trim surrounding whitespace kept by optional groups
            while s < e and region[s].isspace():
                s += 1
            while e > s and region[e - 1].isspace():
                e -= 1
            if e <= s:
                continue
            if check is not None and not check(m, region, s, e):
                continue
            out.append(_Cand(start + s, start + e, name, m, prio, fn))
    return out


def _select(cands: list[_Cand]) -> list[_Cand]:
    """Non-overlapping candidates, longest first, then by rule priority."""
    chosen: list[_Cand] = []
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), -c.prio, c.start)):
        if all(c.end <= o.start or c.start >= o.end for o in chosen):
            chosen.append(c)
    return sorted(chosen, key=lambda c: c.start)


# rules whose words are also common in names and titles ("USA Today", ABC's "This
# Week", "The Daily Telegraph"): a Title-Case match inside an ordinary
# sentence is taken for a name
_TITLE_SENSITIVE = {"today_words", "unit_deictic", "ref", "set_adverb", "anaphoric_unit", "set_every"}


def _is_title_case(s: str) -> bool:
    words = re.findall(r"[A-Za-z][\w'-]*", s)
    return bool(words) and all(w[0].isupper() for w in words)


def _looks_like_name(text: str, c: _Cand, sent: tuple[int, int]) -> bool:
    if c.rule not in _TITLE_SENSITIVE:
        return False
    span = text[c.start:c.end]
    if not _is_title_case(span) or span.isupper():
        return False
    if c.start == sent[0] or re.search(r"[\"“'‘(\[]\s*$", text[max(sent[0], c.start - 2):c.start]) is None and \
            re.search(r"(?:^|[.!?:;]\s*|\n\s*)$", text[max(sent[0], c.start - 3):c.start]):
        return False
    words = re.findall(r"[A-Za-z][\w'-]*", text[sent[0]:sent[1]])
    if len(words) and sum(w[0].isupper() for w in words) / len(words) >= 0.6:
        return False  # a headline: every word is capitalised
    return True


def _tag(text: str, anchor: date | None, regions: list[tuple[int, int]]) -> list[dict]:
    from .sentences import split_sentences

    rows: list[dict] = []
    doc_focus: _Point | None = None
    year_focus: _Point | None = None
    for rs, re_ in regions:
        if re_ <= rs:
            continue
        cands = _candidates(text, rs, re_)
        if not cands:
            continue
        sents = split_sentences(text, rs, re_) or [(rs, re_)]
        sent_starts = [a for a, _ in sents]

        def order(q: _Cand) -> tuple[int, int, int]:
            # clock times last within their sentence, so that "at 2:22 a.m. on
            # the 19th" finds its day
            return (bisect.bisect_right(sent_starts, q.start), q.rule == "clock_time", q.start)

        queue = sorted(_select(cands), key=order)
        failed: set[int] = set()
        para_focus: _Point | None = None
        cur_sent = None
        cues: list | None = None
        sent_focus: _Point | None = None
        k = 0
        while k < len(queue):
            c = queue[k]
            si = max(0, bisect.bisect_right(sent_starts, c.start) - 1)
            sent = sents[si]
            if not (sent[0] <= c.start < sent[1]):
                sent = (c.start, c.end)
            if sent != cur_sent:
                cur_sent, sent_focus, cues = sent, None, None
            stext = text[sent[0]:sent[1]]
            if cues is None:
                cues = _cues(stext)
            tense = _clause_tense(stext, c.start - sent[0], c.end - sent[0], cues)
            ctx = _Ctx(text, anchor, tense, sent, para_focus, doc_focus, sent_focus, year_focus, c.start, c.end)
            res = None
            if not _looks_like_name(text, c, sent):
                try:
                    res = c.handler(c.m, ctx)
                except (ValueError, OverflowError, KeyError, TypeError, ZeroDivisionError):
                    res = None
            if res is None:
                # fall back on the shorter candidates this one had displaced
                failed.add(id(c))
                others = queue[:k] + queue[k + 1:]
                alts = [a for a in cands if id(a) not in failed and a is not c
                        and a.start < c.end and c.start < a.end
                        and all(a.end <= o.start or a.start >= o.end for o in others)]
                del queue[k]
                if alts:
                    for a in _select(alts):
                        queue.append(a)
                    queue[k:] = sorted(queue[k:], key=order)
                continue
            k += 1
            iv = res.point.interval() if res.point is not None else (None, None)
            if res.value and "/" in str(res.value) and res.point is not None and res.type == "DATE":
                iv = (iv[0], _interval_of_value(str(res.value).split("/", 1)[1])[1] or iv[1])
            rows.append({
                "type": res.type,
                "text": text[c.start:c.end],
                "start": c.start,
                "end": c.end,
                "value": res.value,
                "granularity": res.gran,
                "value_start": iv[0].isoformat() if iv[0] else None,
                "value_end": iv[1].isoformat() if iv[1] else None,
                "mod": res.mod,
                "tense": tense,
                "anchor_kind": res.anchor_kind,
                "anchor_used": res.anchor_used,
                "rule": c.rule,
                "sentence_start": sent[0],
            })
            if res.focus and res.point is not None and res.type in ("DATE", "TIME") and res.point.gran not in ("decade", "century"):
                p = res.point
                if p.end_day is not None:
                    p = _Point("day", p.year, p.month, p.day)
                para_focus = doc_focus = sent_focus = p
                if p.year is not None:
                    year_focus = p
    return rows


def _interval_of_value(v: str) -> tuple[date | None, date | None]:
    """First and last day of a simple ISO value (``2024``, ``2024-06``, ``2024-06-18``)."""
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", v)
    if not m:
        return None, None
    y = int(m.group(1))
    if m.group(3):
        d = _safe_date(y, int(m.group(2)), int(m.group(3)))
        return d, d
    if m.group(2):
        mo = int(m.group(2))
        if not 1 <= mo <= 12:
            return None, None
        return date(y, mo, 1), _month_end(y, mo)
    return date(y, 1, 1), date(y, 12, 31)


_INT_COLUMNS = ("start", "end", "sentence_start")


def _frame(rows: list[dict]) -> pd.DataFrame:
    import numpy as np

    rows = sorted(rows, key=lambda r: r["start"])
    data = {}
    for c in COLUMNS:
        vals = [r[c] for r in rows]
        if c in _INT_COLUMNS:
            data[c] = np.array(vals, dtype=np.int64)
        else:
            arr = np.empty(len(vals), dtype=object)
            arr[:] = vals
            data[c] = arr
    return pd.DataFrame(data, copy=False)


def find_timexes(text: str, anchor: Any = None) -> pd.DataFrame:
    """Temporal expressions in ``text``, resolved against ``anchor``.

    ``anchor`` is the publication date: a :class:`datetime.date`, a
    ``datetime``, an ISO string (``"2024-06-17"``) or ``None``. With no anchor,
    expressions that need one get an ``XXXX``-style value (``"the 5th"`` ->
    ``XXXX-XX-05``) or ``None``; anaphoric ones still resolve against dates the
    text gives. Paragraphs (blank-line separated) bound the day-level focus.
    Returns a DataFrame with the columns in the module docstring, one row per
    expression, in text order. Never raises on any ``str``.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    a = _parse_anchor(anchor)
    return _frame(_tag(text, a, _paragraphs(text)))


def find_timexes_in_regions(text: str, anchor: Any, regions: list[tuple[int, int]]) -> pd.DataFrame:
    """Like :func:`find_timexes`, but only inside the given ``(start, end)``
    regions of ``text`` (in order; each is one focus paragraph)."""
    a = _parse_anchor(anchor)
    return _frame(_tag(text, a, list(regions)))


ARTICLE_KINDS = ("headline", "subheadline", "body", "caption")


def find_timexes_in_article(article: Any, anchor: Any = None) -> pd.DataFrame:
    """Temporal expressions of an :class:`~analysis_utils.article.Article`.

    Offsets index ``article.text``; the anchor is ``anchor`` when given, else
    ``article.published`` (or ``article.published_inferred`` when that
    attribute exists and ``published`` is ``None``; a ``(date, evidence)``
    pair is accepted there). Only headline, subheadline, body and caption
    segments are read, captions from their ``content_start`` (a caption's
    repeat of the headline is not counted twice). Adds ``segment_id`` and
    ``sentence_id`` (``-1`` when no sentence holds the expression) to the
    columns of :func:`find_timexes`.
    """
    seg = article.segments
    if anchor is None:
        anchor = getattr(article, "published", None)
    if anchor is None:
        inferred = getattr(article, "published_inferred", None)
        if isinstance(inferred, tuple):
            inferred = inferred[0]
        anchor = inferred
    keep = seg[seg["kind"].isin(ARTICLE_KINDS)]
    regions = []
    ids = []
    for r in keep.itertuples(index=False):
        s = int(r.content_start) if bool(r.repeats_headline) else int(r.start)
        s = max(s, int(r.start))
        if s < int(r.end):
            regions.append((s, int(r.end)))
            ids.append(int(r.segment_id))
    df = find_timexes_in_regions(article.text, anchor, regions)
    seg_ids, sent_ids = [], []
    sents = article.sentences
    for r in df.itertuples(index=False):
        sid = next((i for (s, e), i in zip(regions, ids) if s <= r.start < e), -1)
        seg_ids.append(sid)
        hit = sents[(sents["start"] <= r.start) & (sents["end"] > r.start)]
        sent_ids.append(int(hit["sentence_id"].iloc[0]) if len(hit) else -1)
    df.insert(len(df.columns), "segment_id", pd.Series(seg_ids, dtype="int64"))
    df.insert(len(df.columns), "sentence_id", pd.Series(sent_ids, dtype="int64"))
    return df
