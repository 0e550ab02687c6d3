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
1. *Candidates.* 46 regular-expression rules (calendar dates, numeric
   dates, years, decades, centuries, quarters, halves, seasons, weekdays,
   day-of-month ordinals, "today"-words, holidays such as "Thanksgiving
   Day", deictic units such as "last week", anaphoric ones such as "the
   next day", "N units ago", durations, clock times (also wire-service
   "0730 GMT"), parts of day, sets such as "every year" or "$5 a year",
   vague references, named eras read from ``rules/eras.yml``) propose spans.
   Extents follow the TimeML guidelines: modifiers ("about", "early", "the
   end of") are inside, prepositions and the signals "later"/"before" of an
   amount counted from an event are outside ("[two days] later"); a SET keeps
   its frequency ("twice a year"); a rate of something else ("$5 a year",
   "miles per hour") is not a time.
   Numbers may be digits, decimals, fractions or words ("nine",
   "twenty-four", "a dozen", "a couple of"). A rule runs on a paragraph only
   if one of its trigger words occurs there, which keeps the tagger fast.
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
     past reporting verbs ("said", "told") as weak past, present ones
     ("says") as no tense; a scheduled event in the simple present ("leaves
     Thursday", "talks resume", "expires") as future; ``is``/``has`` as
     present). The governing
     cue is the nearest one before the expression in its clause, else the
     nearest one in the sentence. An ``according to ...`` attribution counts
     as no tense; "since" makes it past; "until/by/to" before the expression
     cancels a past tense (an end point may lie ahead). Bare day ordinals
     ("the 5th"), weekdays, months, seasons and quarters go to the nearest
     such date *on or before* the anchor in a past clause, *on or after* it
     in a future clause (for month names and month-day dates only within
     300 days), and otherwise to the nearest one, a future one counting
     twice as far (news reports more than it announces; for a weekday only
     when no tense cue is found at all);
   - the **reference point in focus**: the last date mentioned. Anaphoric
     expressions at day level ("the day before", "the next day", "that day")
     use a day-level date mentioned earlier in the same paragraph, else the
     anchor; year-level ones ("that year", "the same year", "July of the
     same year") use the last year mentioned anywhere earlier in the text,
     else the anchor; "at that time" takes the value of the last date.
     "A year earlier/ago", "year-earlier" beside a quarter give the same
     quarter a year before; such comparisons do not move the focus.
     "Later in the day", "in the morning" and "the previous Friday" look
     back to the last day named. "Two days later", "a week after", "days
     later" are amounts of time counted from an event: TimeML DURATIONs
     (a year-level "a year earlier" comparing figures stays a date).
4. Values are written with ISO 8601 / TimeML conventions; ``value_start`` and
   ``value_end`` give the covered days.

Where the code is
-----------------
==============================  ===================================================
``timexes``                     this module: the public finders and the table
``timex_engine``                candidates, selection, resolution in text order
``timex_rules_dates``           month/day dates, numeric dates, years, decades,
                                centuries, spoken years
``timex_rules_periods``         quarters, halves, seasons, day ordinals, weekdays,
                                "today"-words
``timex_rules_holidays``        named holidays (fixed dates, Easter, n-th weekdays)
``timex_rules_relative``        deictic and anaphoric units, "N units ago"
``timex_rules_durations``       durations and sets
``timex_rules_clock``           clock times
``timex_rules_vague``           vague references and named eras
``timex_patterns``              shared regex pieces; the rule registry and triggers
``timex_resolve``               the resolver's context and result; anchoring helpers
``timex_tense``                 the tense of a clause from cue words
``timex_calendar``              calendar points, granularities, date arithmetic
``timex_numbers``               number words, durations (ISO 8601 values)
``rules/eras.yml``               named eras and their years (package data)
==============================  ===================================================

Known limits: English only; no parsing, so tense is read from cue words; a
bare number is never taken for a day or a year unless the context makes it a
date (``"1,402 items"``, ``"Article 4"``, ``"No. 2"``, ``"5 percent"``, page and
phone numbers are not dates); event-anchored expressions ("two days after
the election") are durations, not dates.
"""
from __future__ import annotations

import re
from collections import namedtuple
from datetime import date, datetime
from operator import itemgetter
from typing import Any

import pandas as pd

from .points import safe_date
from ..errors import InputTypeError
from ..text.document import Document
from ..text.frames import ints, objects, table
from .engine import tag
from .number_words import duration_value, parse_number

__all__ = [
    "COLUMNS",
    "ARTICLE_KINDS",
    "find_timexes",
    "find_timexes_in_article",
    "find_timexes_in_regions",
    "article_anchor",
    "parse_anchor",
    "duration_value",
    "parse_number",
]

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


def parse_anchor(anchor: Any) -> date | None:
    """The anchor as a ``date``: a date, datetime, pandas Timestamp or a date string;
    ``None`` for ``None`` or an empty string. Raises ``ValueError`` for anything else."""
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
        return safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    try:
        from dateutil import parser as du

        return du.parse(s).date()
    except (ValueError, OverflowError, ImportError):
        raise ValueError(f"anchor is not a date: {anchor!r}") from None


_INT_COLUMNS = ("start", "end", "sentence_start", "segment_id", "sentence_id")


def _frame(rows: list[dict], columns: list[str] = COLUMNS) -> pd.DataFrame:
    rows = sorted(rows, key=lambda r: r["start"])
    return _frame_of_columns(columns, [[r[c] for r in rows] for c in columns])


def _frame_of_columns(columns: list[str], values: list[list]) -> pd.DataFrame:
    """Integer columns as ``int64``, the others left to pandas to infer."""
    return table({c: ints(vals) if c in _INT_COLUMNS else objects(vals) for c, vals in zip(columns, values)})


def find_timexes(text: str, anchor: Any = None) -> pd.DataFrame:
    """Temporal expressions in ``text``, resolved against ``anchor``.

    ``anchor`` is the publication date: a :class:`datetime.date`, a
    ``datetime``, an ISO string (``"2024-06-17"``) or ``None``. With no anchor,
    expressions that need one get an ``XXXX``-style value (``"the 5th"`` ->
    ``XXXX-XX-05``) or ``None``; anaphoric ones still resolve against dates the
    text gives. The text is read as plain text (a :class:`~analysis_utils.text.
    document.Document` with ``layout="plain"``): its paragraphs bound the day-level
    focus, its sentences the tense. Returns a DataFrame with the columns in the
    module docstring, one row per expression, in text order. Never raises on any
    ``str``.
    """
    if not isinstance(text, str):
        raise InputTypeError(f"text must be a str, not {type(text).__name__}")
    a = parse_anchor(anchor)
    # the table of timexes_of(...)[COLUMNS], made from the rows with those columns only
    return _records_frame(timex_records(Document(text, layout="plain"), a), COLUMNS)


def find_timexes_in_regions(text: str, anchor: Any, regions: list[tuple[int, int]]) -> pd.DataFrame:
    """Like :func:`find_timexes`, but only inside the given ``(start, end)``
    regions of ``text`` (in order; each is one focus paragraph)."""
    a = parse_anchor(anchor)
    return _frame(tag(text, a, list(regions)))


def timexes_of(doc: Document, anchor: date | None) -> pd.DataFrame:
    """The temporal expressions of a document's paragraphs resolved against ``anchor``
    (a date or ``None``), with ``segment_id`` and ``sentence_id`` added to
    :data:`COLUMNS`. Reads the document's paragraphs and sentences; the rules' matches
    are found once per document, whatever the anchor; each result is kept."""
    return doc.layer(("timexes", anchor), lambda: _timexes_of(doc, anchor))


def timex_rows(doc: Document, anchor: date | None) -> list[dict]:
    """The rows of :func:`timexes_of` as dicts, in text order (values missing as ``None``)."""
    import bisect

    blocks = [p for p in doc.blocks if p.analysed]
    regions = [(p.start, p.end) for p in blocks]
    spans = doc.sentence_spans
    by_segment: dict[int, list[tuple[int, int]]] = {}
    for a, b, seg in spans:
        by_segment.setdefault(seg, []).append((a, b))
    sentences = [by_segment.get(p.segment_id, []) for p in blocks]
    candidates = doc.layer("timex_candidates", dict)
    rows = sorted(tag(doc.text, anchor, regions, sentences, candidates), key=lambda r: r["start"])
    starts = [p.start for p in blocks]
    sent_starts = [a for a, _, _ in spans]
    for r in rows:
        pos = r["start"]
        k = bisect.bisect_right(starts, pos) - 1
        r["segment_id"] = blocks[k].segment_id if k >= 0 and pos < blocks[k].end else -1
        j = bisect.bisect_right(sent_starts, pos) - 1
        r["sentence_id"] = j if j >= 0 and pos < spans[j][1] else -1
    return rows


RECORD_COLUMNS = COLUMNS + ["segment_id", "sentence_id"]
TimexRecord = namedtuple("TimexRecord", RECORD_COLUMNS)


def timex_records(doc: Document, anchor: date | None) -> list[TimexRecord]:
    """The rows of :func:`timexes_of` as named tuples (missing values ``None``), in text
    order; computed once per document and anchor and kept."""
    def compute() -> list[TimexRecord]:
        get = itemgetter(*RECORD_COLUMNS)
        return [TimexRecord._make(get(r)) for r in timex_rows(doc, anchor)]

    return doc.layer(("timex_records", anchor), compute)


def _timexes_of(doc: Document, anchor: date | None) -> pd.DataFrame:
    return _records_frame(timex_records(doc, anchor), RECORD_COLUMNS)


def _records_frame(records: list[TimexRecord], columns: list[str]) -> pd.DataFrame:
    """The table of ``records`` with ``columns`` (some of :data:`RECORD_COLUMNS`, in
    that order)."""
    positions = [RECORD_COLUMNS.index(c) for c in columns]
    if not records:
        return _frame_of_columns(columns, [[] for _ in columns])
    values = list(zip(*records))
    return _frame_of_columns(columns, [list(values[k]) for k in positions])




ARTICLE_KINDS = ("headline", "subheadline", "body", "caption")


def article_anchor(article: Any, anchor: Any = None) -> tuple[date | None, str]:
    """The anchor for an article's relative dates, and where it came from.

    ``anchor`` when given (source ``"argument"``); else ``article.published``
    (``"published"``); else ``article.published_inferred`` when the article has it
    (``"inferred"``; a :class:`~analysis_utils.timeline.PublicationDate` or a
    ``(date, evidence)`` pair); else ``(None, "none")``.
    """
    if anchor is not None:
        return parse_anchor(anchor), "argument"
    published = getattr(article, "published", None)
    if published is not None:
        return parse_anchor(published), "published"
    inferred = getattr(article, "published_inferred", None)
    if isinstance(inferred, tuple):
        inferred = inferred[0]
    else:
        inferred = getattr(inferred, "date", inferred)
    d = parse_anchor(inferred) if inferred is not None else None
    return d, ("inferred" if d is not None else "none")


def article_timex_records(article: Document, anchor: Any = None) -> tuple[list[TimexRecord], date | None, str]:
    """The rows of :func:`find_timexes_in_article` as named tuples (missing values
    ``None``, where the table has ``NaN`` in a column of strings), with the anchor and
    where it came from (:func:`article_anchor`); no table is made."""
    a, source = article_anchor(article, anchor)
    return timex_records(article, a), a, source


def find_timexes_in_article(article: Any, anchor: Any = None) -> pd.DataFrame:
    """Temporal expressions of an :class:`~analysis_utils.article.Article`.

    Offsets index ``article.text``; the anchor is ``anchor`` when given, else
    ``article.published``, else ``article.published_inferred`` (the date read from
    the text; see :func:`article_anchor`). The anchor used and where it came from
    are in ``df.attrs["anchor"]`` (ISO date or ``None``) and
    ``df.attrs["anchor_source"]`` (``argument``, ``published``, ``inferred``,
    ``none``). Only headline, subheadline, body and caption segments are read,
    captions from their ``content_start`` (a caption's repeat of the headline is
    not counted twice): the article's paragraphs (:attr:`Document.blocks`). Adds
    ``segment_id`` and ``sentence_id`` (``-1`` when no sentence holds the expression)
    to the columns of :func:`find_timexes`. Computed once per article and anchor.
    """
    if isinstance(article, str):
        article = Document(article)
    a, source = article_anchor(article, anchor)

    def compute() -> pd.DataFrame:
        # the table of timexes_of(article, a), made here with its own attrs (not a copy of it)
        df = _records_frame(timex_records(article, a), RECORD_COLUMNS)
        df.attrs["anchor"] = a.isoformat() if a else None
        df.attrs["anchor_source"] = source
        return df

    return article.layer(("timexes_in_article", a, source), compute)
