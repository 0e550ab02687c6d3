"""Events: each dated expression of an article tied to what happened, and reference events.

* :func:`events` (``article``): one row per dated mention (a ``DATE`` or ``TIME``
  expression with a calendar interval; durations, sets and vague references such as
  "recently" are not events), with a short label from its clause, the actors, the
  sentence, and whether it is reported, current or scheduled;
* :func:`load_reference` / :func:`reference_events`: the curated file
  ``data/reference_events.yml`` (format documented at its top), validated;
* :func:`timeline_table`: both, sorted by date and numbered (``n``), with ``source``
  saying where each row came from;
* :func:`treaty_comparison` and :func:`treaty_evidence`: the treaties of the reference
  file beside what the article says about them, found by the keywords each treaty
  entry carries (not by anything written in the code).

Columns of the events table (:data:`EVENT_COLUMNS`)
----------------------------------------------------
``event_id``        0..n-1 in text order (``-1`` for reference rows)
``date_start``,     the interval the date covers, ISO dates, both inclusive: as wide
``date_end``        as its granularity ("July 2000" is 2000-07-01..2000-07-31,
                    "the 18th and 19th" two days, "the Soviet era" 1922..1991)
``granularity``     ``year``, ``month``, ``week``, ``day``, ``minute`` ... (from the
                    timex); ``period`` for a named era
``value``           the TIMEX3 value ("2000-07", "2024-06-18/2024-06-19", "2024-W25")
``label``           who did what, from the clause (see :mod:`analysis_utils.timex_clauses`)
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

import re
from datetime import date
from pathlib import Path
from typing import Any, Iterable

import pandas as pd

from .errors import UnsupportedFormat
from .timex_calendar import interval_of_value
from .timex_clauses import Mention, event_label
from .yaml_files import read_yaml_file

EVENT_COLUMNS = [
    "event_id", "date_start", "date_end", "granularity", "value", "label", "actors", "status", "tense",
    "sentence_id", "sentence", "timex", "start", "end", "source", "resolved_from", "label_rule",
]
REFERENCE_COLUMNS = EVENT_COLUMNS + ["ref_id", "kind", "citation", "url", "treaty", "defence_clause", "signed"]
TIMELINE_COLUMNS = ["n"] + REFERENCE_COLUMNS
COMPARISON_COLUMNS = [
    "ref_id", "treaty", "date", "parties", "defence_clause", "signed", "article_on_clause", "article_mentions",
    "sentence_ids", "citation", "url",
]
EVIDENCE_COLUMNS = ["ref_id", "treaty", "sentence_id", "sentence", "keywords", "clause_keywords", "by_date",
                    "on_clause", "score"]
KINDS = ("treaty", "visit", "summit", "declaration", "state")
_INT_COLUMNS = ("event_id", "sentence_id", "start", "end")
_RESOLVED = {"absolute": "text", "previous_date": "earlier date"}


# --------------------------------------------------------------------------- helpers


def _empty(columns: list[str]) -> pd.DataFrame:
    df = pd.DataFrame({c: pd.Series(dtype="Int64" if c in _INT_COLUMNS or c == "n" else "object")
                       for c in columns})
    return df


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

    The dates are the article's temporal expressions (:func:`analysis_utils.timexes.
    find_timexes_in_article`, so a caption's repeat of the headline is skipped),
    anchored to ``anchor`` if given, else ``article.published``, else the date
    inferred from the text (``article.published_inferred``). ``registry``: the actor
    registry (default :func:`analysis_utils.registry.load_registry`).

    ``timexes`` and ``mentions``: the article's tables when they are already at hand
    (``find_timexes_in_article(article, anchor)`` and ``find_mentions(article,
    registry)``), so that a notebook computes each once; by default computed here.
    """
    from .actors import find_mentions
    from .timexes import find_timexes_in_article

    tx = find_timexes_in_article(article, anchor) if timexes is None else timexes
    a_iso, a_source = tx.attrs.get("anchor"), tx.attrs.get("anchor_source", "none")
    a_date = date.fromisoformat(a_iso) if a_iso else None
    dated = []
    for r in tx.itertuples(index=False):
        if r.type not in ("DATE", "TIME") or not isinstance(r.value, str) or r.value.endswith("_REF"):
            continue
        iv = _interval(r.value, r.value_start, r.value_end)
        if iv is not None:
            dated.append((r, iv))
    if not dated:
        out = _empty(EVENT_COLUMNS)
        out.attrs.update(anchor=a_iso, anchor_source=a_source)
        return out

    if mentions is None:
        mentions = find_mentions(article, registry)
    sents = article.sentences.set_index("sentence_id")
    segs = article.segments.set_index("segment_id")
    rows = []
    for i, (r, (ds, de)) in enumerate(dated):
        if r.sentence_id >= 0:
            s0, s1 = int(sents.at[r.sentence_id, "start"]), int(sents.at[r.sentence_id, "end"])
            in_sentence = mentions["sentence_id"] == r.sentence_id
        else:  # no sentence holds it (a dateline, say): read its segment
            s0, s1 = int(segs.at[r.segment_id, "start"]), int(segs.at[r.segment_id, "end"])
            in_sentence = (mentions["start"] >= s0) & (mentions["end"] <= s1)
        text = article.text[s0:s1]
        ms = [Mention(int(m.start) - s0, int(m.end) - s0, str(m.actor), str(m.via))
              for m in mentions[in_sentence].itertuples(index=False) if m.actor is not None]
        others = [(int(o.start) - s0, int(o.end) - s0) for o in tx.itertuples(index=False)
                  if s0 <= o.start < s1 and o.start != r.start]
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
    out = pd.DataFrame(rows, columns=EVENT_COLUMNS)
    for c in _INT_COLUMNS:
        out[c] = out[c].astype("Int64")
    out.attrs.update(anchor=a_iso, anchor_source=a_source)
    return out


# --------------------------------------------------------------------------- reference file

_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def default_reference_path() -> Path:
    """``data/reference_events.yml`` under the project root."""
    from .paths import data_dir

    return data_dir() / "reference_events.yml"


def _str_list(value: Any, field: str, where: str, path: Path) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise UnsupportedFormat(f"{where}: `{field}` must be a list of non-empty strings", path)
    return [v.strip() for v in value]


def _validate(entry: Any, i: int, path: Path) -> dict:
    where = f"event {i + 1}"
    if not isinstance(entry, dict):
        raise UnsupportedFormat(f"{where} is not a mapping", path)
    where = f"event {entry.get('id', i + 1)!s}"
    for f in ("id", "date", "label", "citation"):
        if not isinstance(entry.get(f), (str, date)) or not str(entry.get(f)).strip():
            raise UnsupportedFormat(f"{where}: missing `{f}`", path)
    if not _ID.fullmatch(str(entry["id"])):
        raise UnsupportedFormat(f"{where}: `id` must be lower-case letters, digits and hyphens", path)
    m = _DATE.fullmatch(str(entry["date"]))
    if not m:
        raise UnsupportedFormat(f"{where}: `date` must be YYYY, YYYY-MM or YYYY-MM-DD", path)
    start, end = interval_of_value(m.group(0))
    if start is None:
        raise UnsupportedFormat(f"{where}: `date` {entry['date']!s} is not a calendar date", path)
    gran = "day" if m.group(3) else "month" if m.group(2) else "year"
    value = m.group(0)
    if entry.get("date_end"):
        e = _DATE.fullmatch(str(entry["date_end"]))
        end2 = interval_of_value(e.group(0))[1] if e else None
        if end2 is None or end2 < start:
            raise UnsupportedFormat(f"{where}: `date_end` must be a date on or after `date`", path)
        end, gran, value = end2, "day", f"{value}/{e.group(0)}"
    kind = entry.get("kind", "")
    if kind not in KINDS:
        raise UnsupportedFormat(f"{where}: `kind` must be one of {', '.join(KINDS)}", path)
    url = str(entry.get("url") or "")
    if url and not re.match(r"https?://\S+$", url):
        raise UnsupportedFormat(f"{where}: `url` must be an http(s) address or empty", path)
    out = {
        "id": str(entry["id"]), "date_start": start, "date_end": end, "granularity": gran, "value": value,
        "label": str(entry["label"]).strip(), "actors": _str_list(entry.get("actors"), "actors", where, path),
        "kind": kind, "citation": str(entry["citation"]).strip(), "url": url,
        "keywords": _str_list(entry.get("keywords"), "keywords", where, path),
        "clause_keywords": _str_list(entry.get("clause_keywords"), "clause_keywords", where, path),
        "treaty": entry.get("treaty"), "defence_clause": entry.get("defence_clause"), "signed": entry.get("signed"),
    }
    if kind == "treaty":
        for f in ("treaty", "defence_clause", "signed"):
            if not isinstance(entry.get(f), str) or not entry[f].strip():
                raise UnsupportedFormat(f"{where}: a treaty needs `{f}`", path)
        if not out["keywords"]:
            raise UnsupportedFormat(f"{where}: a treaty needs `keywords`", path)
    return out


def load_reference(path: str | Path | None = None) -> list[dict]:
    """The entries of a reference-events file, validated (format at the top of
    ``data/reference_events.yml``). Raises :class:`~analysis_utils.errors.UnsupportedFormat`
    naming the entry and the field for a bad file."""
    p = Path(path) if path else default_reference_path()
    data = read_yaml_file(p, "reference events")
    entries = data.get("events") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise UnsupportedFormat("the file must hold a list under `events`", p)
    out = [_validate(e, i, p) for i, e in enumerate(entries)]
    ids = [e["id"] for e in out]
    if len(set(ids)) != len(ids):
        raise UnsupportedFormat("duplicate `id`", p)
    return out


def _reference_frame(entries: list[dict]) -> pd.DataFrame:
    rows = [{
        "event_id": -1, "date_start": e["date_start"].isoformat(), "date_end": e["date_end"].isoformat(),
        "granularity": e["granularity"], "value": e["value"], "label": e["label"], "actors": ", ".join(e["actors"]),
        "status": None, "tense": None, "sentence_id": pd.NA, "sentence": None, "timex": None, "start": pd.NA,
        "end": pd.NA, "source": "reference", "resolved_from": "reference", "label_rule": None,
        "ref_id": e["id"], "kind": e["kind"], "citation": e["citation"], "url": e["url"], "treaty": e["treaty"],
        "defence_clause": e["defence_clause"], "signed": e["signed"],
    } for e in entries]
    if not rows:
        return _empty(REFERENCE_COLUMNS)
    df = pd.DataFrame(rows, columns=REFERENCE_COLUMNS)
    for c in _INT_COLUMNS:
        df[c] = df[c].astype("Int64")
    return df


def reference_events(path: str | Path | None = None) -> pd.DataFrame:
    """The reference events as a table: the events columns (``source`` = ``reference``)
    plus ``ref_id``, ``kind``, ``citation``, ``url``, ``treaty``, ``defence_clause``,
    ``signed``; in file order."""
    return _reference_frame(load_reference(path))


def _phrase_re(phrases: Iterable[str]) -> re.Pattern | None:
    ps = sorted({p for p in phrases if p}, key=len, reverse=True)
    if not ps:
        return None
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(p) for p in ps) + r")(?![\w-])", re.IGNORECASE)


def _found(phrases: Iterable[str], text: str) -> list[str]:
    """The phrases that occur in ``text`` (case-insensitive, whole words), in list order."""
    return [p for p in dict.fromkeys(phrases) if (rx := _phrase_re([p])) is not None and rx.search(text)]


def relevant_reference(article: Any, entries: list[dict], registry: Any = None,
                       mentions: pd.DataFrame | None = None) -> list[dict]:
    """The entries an article touches: it names one of the entry's ``keywords``, or it
    mentions every one of the entry's ``actors`` (``mentions``: the article's
    :func:`~analysis_utils.actors.find_mentions` table, computed here by default)."""
    from .actors import find_mentions

    text = "\n".join(article.sentences["text"])
    if mentions is None:
        mentions = find_mentions(article, registry)
    mentioned = set(mentions["actor"].dropna())
    return [e for e in entries
            if _found(e["keywords"], text) or (e["actors"] and set(e["actors"]) <= mentioned)]


# --------------------------------------------------------------------------- timeline


def timeline_table(article: Any, include_reference: bool = True, reference: str | Path | list | None = None,
                   registry: Any = None, relevant_only: bool = True, anchor: Any = None, *,
                   events_table: pd.DataFrame | None = None, mentions: pd.DataFrame | None = None) -> pd.DataFrame:
    """The article's events and (``include_reference``) the reference events it touches
    (all of them with ``relevant_only=False``), sorted by date and numbered ``n`` = 1..N.

    ``reference``: a file path or entries from :func:`load_reference` (default: the
    project's ``data/reference_events.yml``). Columns: ``n`` and :data:`REFERENCE_COLUMNS`;
    ``source`` says where each row came from. ``df.attrs`` holds the anchor.
    ``events_table`` / ``mentions``: :func:`events` and ``find_mentions`` of the article
    when already computed (with the same ``registry`` and ``anchor``).
    """
    ev = events(article, registry, anchor, mentions=mentions) if events_table is None else events_table
    parts = [ev.reindex(columns=REFERENCE_COLUMNS)]
    if include_reference:
        entries = reference if isinstance(reference, list) else load_reference(reference)
        if relevant_only:
            entries = relevant_reference(article, entries, registry, mentions=mentions)
        parts.append(_reference_frame(entries))
    parts = [p for p in parts if len(p)]
    if not parts:
        out = _empty(TIMELINE_COLUMNS)
        out.attrs.update(ev.attrs)
        return out
    df = pd.concat(parts, ignore_index=True)
    df["_src"] = (df["source"] != "article").astype(int)
    df = df.sort_values(["date_start", "date_end", "_src", "start"], kind="stable", na_position="last")
    df = df.drop(columns="_src").reset_index(drop=True)
    df.insert(0, "n", pd.array(range(1, len(df) + 1), dtype="Int64"))
    for c in _INT_COLUMNS:
        df[c] = df[c].astype("Int64")
    df.attrs.update(ev.attrs)
    return df[TIMELINE_COLUMNS]


# --------------------------------------------------------------------------- treaties

def treaty_evidence(article: Any, reference: str | Path | list | None = None, registry: Any = None, *,
                    events_table: pd.DataFrame | None = None) -> pd.DataFrame:
    """Sentences of the article about each treaty of the reference file (long form).

    A sentence is about a treaty when it names one of the treaty's ``keywords``, or
    when it holds a date in the treaty's year (so "the clause ... was removed at that
    time", where "that time" is 2000, is about the 2000 treaty); ``on_clause`` when it
    is about the treaty and names one of its ``clause_keywords``. ``score`` = keywords
    + clause keywords + 1 for the date. Columns :data:`EVIDENCE_COLUMNS`.
    ``events_table``: :func:`events` of the article, when already computed.
    """
    entries = reference if isinstance(reference, list) else load_reference(reference)
    treaties = [e for e in entries if e["kind"] == "treaty"]
    sents = article.sentences
    if not treaties or not len(sents):
        return _empty(EVIDENCE_COLUMNS)
    ev = events(article, registry) if events_table is None else events_table
    rows = []
    for e in treaties:
        y0, y1 = e["date_start"].year, e["date_end"].year
        for s in sents.itertuples(index=False):
            text = str(s.text)
            kw = _found(e["keywords"], text)
            ck = _found(e["clause_keywords"], text)
            dated = ev[ev["sentence_id"] == s.sentence_id]
            by_date = bool(((dated["date_start"].str[:4].astype(int) <= y1)
                            & (dated["date_end"].str[:4].astype(int) >= y0)).any()) if len(dated) else False
            if not (kw or by_date):
                continue
            on_clause = bool(ck)
            if not kw and not on_clause:
                continue  # a date in the year alone says nothing about the treaty
            rows.append({"ref_id": e["id"], "treaty": e["treaty"], "sentence_id": int(s.sentence_id),
                         "sentence": text.strip(), "keywords": "; ".join(kw), "clause_keywords": "; ".join(ck),
                         "by_date": by_date, "on_clause": on_clause, "score": len(kw) + len(ck) + int(by_date)})
    if not rows:
        return _empty(EVIDENCE_COLUMNS)
    df = pd.DataFrame(rows, columns=EVIDENCE_COLUMNS)
    df["sentence_id"] = df["sentence_id"].astype("Int64")
    return df


def treaty_comparison(article: Any, reference: str | Path | list | None = None, registry: Any = None,
                      include_unmentioned: bool = False, max_sentences: int = 3, *,
                      evidence: pd.DataFrame | None = None, events_table: pd.DataFrame | None = None) -> pd.DataFrame:
    """The treaties of the reference file side by side with what the article says.

    One row per treaty entry (in date order) that the article is about (see
    :func:`treaty_evidence`; all treaty entries with ``include_unmentioned``):
    ``date``, ``parties``, from the reference file what was in fact signed
    (``defence_clause``, ``signed``, ``citation``, ``url``), and from the article the
    best sentences on the defence clause (``article_on_clause``) and other sentences
    naming the treaty
    (``article_mentions``), at most ``max_sentences`` each, joined with `` | ``;
    ``sentence_ids`` lists them. Empty (with the columns) when no treaty is mentioned.
    Transpose it (``.set_index("treaty").T``) to read the treaties side by side.
    ``evidence`` (:func:`treaty_evidence`, same ``reference``) or ``events_table``
    (:func:`events`): the article's tables when already computed.
    """
    entries = reference if isinstance(reference, list) else load_reference(reference)
    treaties = sorted((e for e in entries if e["kind"] == "treaty"), key=lambda e: e["date_start"])
    if evidence is None:
        evidence = treaty_evidence(article, entries, registry, events_table=events_table)
    rows = []
    for e in treaties:
        ev = evidence[evidence["ref_id"] == e["id"]] if len(evidence) else evidence
        if not len(ev) and not include_unmentioned:
            continue
        ev = ev.sort_values(["score", "sentence_id"], ascending=[False, True], kind="stable")
        on = ev["on_clause"].astype(bool)
        clause = ev[on].head(max_sentences)
        named = ev[~on & (ev["keywords"] != "")].head(max_sentences)
        rows.append({
            "ref_id": e["id"], "treaty": e["treaty"], "date": e["date_start"].isoformat(),
            "parties": ", ".join(e["actors"]), "defence_clause": e["defence_clause"], "signed": e["signed"],
            "article_on_clause": " | ".join(clause["sentence"]) or "(not in the article)",
            "article_mentions": " | ".join(named["sentence"]) or "(none)",
            "sentence_ids": ", ".join(str(int(i)) for i in list(clause["sentence_id"]) + list(named["sentence_id"])),
            "citation": e["citation"], "url": e["url"],
        })
    if not rows:
        return _empty(COMPARISON_COLUMNS)
    return pd.DataFrame(rows, columns=COMPARISON_COLUMNS)
