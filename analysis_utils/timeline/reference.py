"""Reference events and the comparisons that use them.

* :func:`load_reference` / :func:`reference_events`: the curated file
  ``data/reference_events.yml`` (format documented at its top), validated;
* :func:`timeline_table`: the article's events (:mod:`.event_table`) and the
  reference events, sorted by date and numbered (``n``), with ``source`` saying where
  each row came from;
* :func:`treaty_comparison` and :func:`treaty_evidence`: the treaties of the reference
  file beside what the article says about them, found by the keywords each treaty
  entry carries (not by anything written in the code).

Reference rows have the columns of the events table (:data:`EVENT_COLUMNS`) plus
``ref_id``, ``kind``, ``citation``, ``url``, ``treaty``, ``defence_clause`` and
``signed``.
"""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any, Iterable

import pandas as pd

from ..errors import UnsupportedFormat
from ..yaml_files import read_yaml_file
from .points import interval_of_value
from .event_table import _INT_COLUMNS, EVENT_COLUMNS, _empty, events, status_of  # noqa: F401  (re-exported)

REFERENCE_COLUMNS = EVENT_COLUMNS + ["ref_id", "kind", "citation", "url", "treaty", "defence_clause", "signed"]
TIMELINE_COLUMNS = ["n"] + REFERENCE_COLUMNS
COMPARISON_COLUMNS = [
    "ref_id", "treaty", "date", "parties", "defence_clause", "signed", "article_on_clause", "article_mentions",
    "sentence_ids", "citation", "url",
]
EVIDENCE_COLUMNS = ["ref_id", "treaty", "sentence_id", "sentence", "keywords", "clause_keywords", "by_date",
                    "on_clause", "score"]
KINDS = ("treaty", "visit", "summit", "declaration", "state")


# --------------------------------------------------------------------------- reference file

_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def default_reference_path() -> Path:
    """``data/reference_events.yml`` under the project root."""
    from ..paths import data_dir

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
    from ..actors.mentions import find_mentions

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
