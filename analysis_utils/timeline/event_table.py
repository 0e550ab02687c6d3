"""Events: each dated expression of an article tied to what happened.

:func:`events` (``article``): one row per dated mention (a ``DATE`` or ``TIME``
expression with a calendar interval; durations, sets and vague references such as
"recently" are not events), with a short label from its clause, the actors, the
sentence, and whether it is reported, current or scheduled. Reference events (the
curated file) and the timeline that puts both together are in
:mod:`analysis_utils.timeline.reference`.

Columns of the events table (:data:`EVENT_COLUMNS`)
----------------------------------------------------
``event_id``        0..n-1 in text order (``-1`` for reference rows)
``date_start``,     the interval the date covers, ISO dates, both inclusive: as wide
``date_end``        as its granularity ("July 2000" is 2000-07-01..2000-07-31,
                    "the 18th and 19th" two days, "the Soviet era" 1922..1991)
``granularity``     ``year``, ``month``, ``week``, ``day``, ``minute`` ... (from the
                    timex); ``period`` for a named era
``value``           the TIMEX3 value ("2000-07", "2024-06-18/2024-06-19", "2024-W25")
``label``           who did what, from the clause (see :mod:`analysis_utils.timeline.labels`)
``actors``          canonical names of registry actors mentioned in that clause (else in
                    the sentence), comma-separated, in order of mention
``status``          ``reported`` (past), ``current`` or ``scheduled`` (future or
                    expected): from the tense of the clause; a date wholly before the
                    publication date is ``reported`` and one wholly after it
                    ``scheduled`` whatever the tense. ``None`` for reference rows
``tense``           the clause tense the tagger read (``past``/``present``/``future``/``none``)
``sentence_id``     the sentence (``Article.sentences``); ``<NA>`` for reference rows
``sentence``        its text
``timex``           the temporal expression as written
``start``, ``end``  its offsets in ``Article.text`` (``<NA>`` for reference rows)
``source``          ``article`` or ``reference``
``resolved_from``   what the date was computed from: ``text`` (stated in full),
                    ``earlier date`` (anaphora: "the same year"), ``published`` /
                    ``inferred`` / ``argument`` (relative to the publication date, given
                    or read from the text), ``reference`` (the reference file)
``label_rule``      the rule that wrote the label

Reference rows add ``ref_id``, ``kind``, ``citation``, ``url``, ``treaty``,
``defence_clause`` and ``signed``. Every dated mention is kept: nothing is merged
(the chart groups mentions of the same interval). The anchor used is in
``df.attrs["anchor"]`` and ``df.attrs["anchor_source"]``.
"""
from __future__ import annotations

from bisect import bisect_left
from datetime import date
from typing import Any, Iterable

import pandas as pd

from ..text.document import Document
from ..text.frames import nullable_ints, objects, table, table_rows
from .points import interval_of_value
from .labels import Mention, event_label

EVENT_COLUMNS = [
    "event_id", "date_start", "date_end", "granularity", "value", "label", "actors", "status", "tense",
    "sentence_id", "sentence", "timex", "start", "end", "source", "resolved_from", "label_rule",
]
_INT_COLUMNS = ("event_id", "sentence_id", "start", "end")
_RESOLVED = {"absolute": "text", "previous_date": "earlier date"}


# --------------------------------------------------------------------------- helpers


_EMPTY: dict[tuple[str, ...], pd.DataFrame] = {}


def _empty(columns: list[str]) -> pd.DataFrame:
    """An empty table with these columns (integers ``Int64``, the rest ``object``); a
    fresh copy of one kept per column list."""
    key = tuple(columns)
    df = _EMPTY.get(key)
    if df is None:
        df = _EMPTY[key] = pd.DataFrame({c: pd.Series(dtype="Int64" if c in _INT_COLUMNS or c == "n" else "object")
                                         for c in columns})
    return df.copy()


def _interval(value: Any, value_start: Any, value_end: Any) -> tuple[date, date] | None:
    """The covered days of a timex: its ``value_start``/``value_end``, else both ends of
    a ``first/last`` value ("1922/1991"); ``None`` when a bound is unknown."""
    if isinstance(value_start, str) and isinstance(value_end, str):
        return date.fromisoformat(value_start), date.fromisoformat(value_end)
    if isinstance(value, str) and "/" in value:
        a, b = value.split("/", 1)
        s, e = interval_of_value(a)[0], interval_of_value(b)[1]
        if s is not None and e is not None and s <= e:
            return s, e
    return None


def status_of(tense: str | None, start: date | None, end: date | None, anchor: date | None) -> str:
    """``reported``, ``current`` or ``scheduled``: a date wholly before ``anchor`` is
    reported and one wholly after it scheduled; otherwise the tense decides (past,
    present, future); with no tense, ``current`` (``reported`` when there is no anchor)."""
    if anchor is not None and start is not None and end is not None:
        if end < anchor:
            return "reported"
        if start > anchor:
            return "scheduled"
    return {"past": "reported", "future": "scheduled", "present": "current"}.get(
        tense or "", "current" if anchor is not None else "reported")


def _clause_actors(mentions: list[Mention], spans: Iterable[tuple[int, int]]) -> list[str]:
    spans = [(a, b) for a, b in spans if a >= 0 and b > a]
    inside = [m for m in mentions if any(a <= m.start < b for a, b in spans)]
    return list(dict.fromkeys(m.actor for m in sorted(inside or mentions, key=lambda m: m.start)))


# --------------------------------------------------------------------------- events


def events(article: Any, registry: Any = None, anchor: Any = None, *,
           timexes: pd.DataFrame | None = None, mentions: pd.DataFrame | None = None) -> pd.DataFrame:
    """Dated events of an :class:`~analysis_utils.article.Article` (columns in the module
    docstring), in text order.

    The dates are the article's temporal expressions (:func:`analysis_utils.timeline.timexes.
    find_timexes_in_article`, so a caption's repeat of the headline is skipped),
    anchored to ``anchor`` if given, else ``article.published``, else the date
    inferred from the text (``article.published_inferred``). ``registry``: the actor
    registry (default :func:`analysis_utils.actors.registry.load_registry`).

    ``timexes`` and ``mentions``: other tables to use instead of the article's own
    (``find_timexes_in_article(article, anchor)`` and ``find_mentions(article,
    registry)``, which are computed once per article and kept on it). With neither
    given, the events themselves are kept on the article.
    """
    from ..actors.mentions import find_mentions
    from ..actors.registry import load_registry
    from .timexes import article_timex_records, find_timexes_in_article, parse_anchor

    if isinstance(article, str):
        article = Document(article)
    reg = registry if registry is not None else load_registry()

    def compute() -> pd.DataFrame:
        if timexes is None:  # the article's own: its rows, without reading them back from the table
            rows, a, a_source = article_timex_records(article, anchor)
            a_iso = a.isoformat() if a else None
        else:
            rows, a_iso, a_source = table_rows(timexes), timexes.attrs.get("anchor"), \
                timexes.attrs.get("anchor_source", "none")
        ms = find_mentions(article, reg) if mentions is None else mentions
        return _events(article, rows, a_iso, a_source, ms)

    own = (timexes is None or timexes is find_timexes_in_article(article, anchor)) and \
        (mentions is None or mentions is find_mentions(article, reg))
    if not own:
        return compute()
    return article.layer(("events", id(reg), parse_anchor(anchor)), lambda: (reg, compute()))[1]


def _events(article: Any, timex_rows: list, a_iso: str | None, a_source: str,
            mentions: pd.DataFrame) -> pd.DataFrame:
    """The events of ``timex_rows`` (rows of the timexes table, named tuples; a missing
    value ``None`` or ``NaN``: both read as missing), anchored to ``a_iso`` (from
    ``a_source``)."""
    a_date = date.fromisoformat(a_iso) if a_iso else None
    dated = []
    for r in timex_rows:
        if r.type not in ("DATE", "TIME") or not isinstance(r.value, str) or r.value.endswith("_REF"):
            continue
        iv = _interval(r.value, r.value_start, r.value_end)
        if iv is not None:
            dated.append((r, iv))
    if not dated:
        out = _empty(EVENT_COLUMNS)
        out.attrs.update(anchor=a_iso, anchor_source=a_source)
        return out

    sent_spans = article.sentence_spans  # (start, end, segment_id) of each sentence, by sentence_id
    seg_bounds: dict[int, tuple[int, int]] | None = None
    all_mentions = [(int(st), int(en), actor, str(via), int(sid)) for st, en, actor, via, sid in zip(
        *(mentions[c].tolist() for c in ("start", "end", "actor", "via", "sentence_id")))]
    # each sentence's mentions, and the mentions and the timexes by start: an event reads
    # those of its sentence (or segment), not all of them, in the tables' order
    by_sentence: dict[int, list] = {}
    for m in all_mentions:
        by_sentence.setdefault(m[4], []).append(m)
    mentions_by_start = _ByStart([m[0] for m in all_mentions])
    timex_starts = [(int(o.start), int(o.end)) for o in timex_rows]
    timexes_by_start = _ByStart([st for st, _ in timex_starts])
    rows = []
    span, text = None, ""
    for i, (r, (ds, de)) in enumerate(dated):
        if r.sentence_id >= 0:
            s0, s1, _ = sent_spans[r.sentence_id]
            ms_rows = by_sentence.get(r.sentence_id, [])
        else:  # no sentence holds it (a dateline, say): read its segment
            if seg_bounds is None:
                segs = article.segments
                seg_bounds = dict(zip(segs["segment_id"].tolist(), zip(segs["start"].tolist(), segs["end"].tolist())))
            s0, s1 = (int(v) for v in seg_bounds[r.segment_id])
            ms_rows = [m for m in map(all_mentions.__getitem__, mentions_by_start.within(s0, s1 + 1)) if m[1] <= s1]
        if (s0, s1) != span:  # the sentence's text sliced once for its events
            span, text = (s0, s1), article.text[s0:s1]
        ms = [Mention(st - s0, en - s0, str(actor), via) for st, en, actor, via, _ in ms_rows if actor is not None]
        others = [(st - s0, en - s0) for st, en in map(timex_starts.__getitem__, timexes_by_start.within(s0, s1))
                  if st != r.start]
        lab = event_label(text, r.start - s0, r.end - s0, ms, others)
        actors = _clause_actors(ms, [(lab.start, lab.end), (lab.subject_start, lab.subject_end)])
        kind = _RESOLVED.get(r.anchor_kind, a_source if r.anchor_kind == "publication" else "none")
        rows.append({
            "event_id": i, "date_start": ds.isoformat(), "date_end": de.isoformat(),
            "granularity": r.granularity if isinstance(r.granularity, str) else "period", "value": r.value, "label": lab.text,
            "actors": ", ".join(actors), "status": status_of(r.tense, ds, de, a_date), "tense": r.tense,
            "sentence_id": int(r.sentence_id), "sentence": text.strip(), "timex": r.text,
            "start": int(r.start), "end": int(r.end), "source": "article", "resolved_from": kind,
            "label_rule": lab.rule,
        })
    out = _table(rows)
    out.attrs.update(anchor=a_iso, anchor_source=a_source)
    return out


class _ByStart:
    """Positions of rows (their starts), to find the rows starting in a span."""

    def __init__(self, starts: list[int]):
        self.order = sorted(range(len(starts)), key=starts.__getitem__)
        self.starts = [starts[i] for i in self.order]

    def within(self, lo: int, hi: int) -> list[int]:
        """The rows (their positions in the list) starting at ``lo`` or after and before
        ``hi``, in the list's order."""
        return sorted(self.order[bisect_left(self.starts, lo):bisect_left(self.starts, hi)])


def _table(rows: list[dict]) -> pd.DataFrame:
    """The events table of the rows: integer columns ``Int64``; a column of strings only
    is built straight from its values (the dtype pandas infers for them), any other
    through ``pd.DataFrame(rows)`` as a whole."""
    data = {}
    for c in EVENT_COLUMNS:
        vals = [r[c] for r in rows]
        if c in _INT_COLUMNS:
            data[c] = nullable_ints(vals)
        elif all(type(v) is str for v in vals):
            data[c] = objects(vals)
        else:
            out = pd.DataFrame(rows, columns=EVENT_COLUMNS)
            for c in _INT_COLUMNS:
                out[c] = out[c].astype("Int64")
            return out
    return table(data)
