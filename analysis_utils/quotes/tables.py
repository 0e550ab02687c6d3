"""Tables over the quotes table: what was said, how much voice each speaker got, who
spoke about whom, and each quotation in its paragraph.

All functions take the quotes table of :func:`analysis_utils.quotes.find_quotes_in_article`
(or of :func:`~analysis_utils.quotes.find_quotes`: the registry columns are optional) and
return pandas DataFrames, except :func:`highlight_paragraph`, which returns HTML.

Utterances: joining rows that belong together
---------------------------------------------
Rows that share an ``attribution`` id are one utterance: the pieces of one quotation
interrupted by its frame (``"A," he said. "B."``), a quotation over several paragraphs,
and a partial quotation together with the reported clause around it (``announced that both
sides had reached 'consensus ...'``). :func:`quote_table` shows one row per utterance:
its pieces in text order joined by `` … ``, quotation marks around quoted pieces; a
quoted piece that lies inside a reported clause of the same utterance is not repeated
(the clause already shows it, marks included).

``kind`` of an utterance: ``direct`` when any piece is a direct quotation, else
``partial`` when any is partial (reported speech with quoted words), else ``headline``,
else ``indirect``. Scare quotes (``kind == "scare"``) are nobody's speech: they are left
out (``include_scare=True`` adds them, one row each) and listed by :func:`scare_table`.

Words, and why nothing is counted twice
---------------------------------------
Words are runs of letters or digits joined by hyphens, apostrophes or dots (``Jong-un``,
``didn't`` and ``U.S.`` are one word each).
``direct_words`` counts the words between quotation marks (``direct`` and ``partial``
rows); ``reported_words`` counts the words of reported clauses (``indirect`` rows) minus
the words of the quotations lying inside them, so a partial quotation and the clause around
it -- which share an ``attribution`` id and overlap -- count once: the quoted words as
direct, the rest of the clause as reported. Likewise a quotation or a reported clause of
someone else nested in a reported clause (*X said that Y had called it "a disaster"*)
counts for its own speaker only, so no word is counted twice.

Speakers and countries
----------------------
The speaker of an utterance is its registry actor (``speaker_actor``) when it has one --
so *the Kremlin* counts as *Russia* -- else the ``speaker`` text; ``country`` is
``speaker_country``. Utterances without a speaker are ``(unattributed)``; without a
country ``(no country)``.

Columns
-------
:func:`quote_table` (:data:`QUOTE_TABLE_COLUMNS`): ``attribution``, ``kind``, ``speaker``
(the label above, ``""`` when unattributed), ``role`` (``speaker_role``), ``country``,
``actor`` (``speaker_actor``), ``anonymous``, ``cue`` (the first cue of the utterance),
``quote`` (the joined text), ``words``, ``direct_words``, ``reported_words``,
``pieces`` (rows joined), ``quote_ids`` (their ``quote_id``, comma-separated),
``paragraph`` (of the first piece), ``start``/``end`` (first and last offsets of the
pieces), ``spans`` (each piece as ``kind:start:end``, ``;``-separated), ``speaker_start``,
``speaker_end``, ``cue_start``, ``cue_end`` (offsets of the speaker mention and the cue;
``<NA>`` when none), ``speech`` (False when every piece is a belief or intention: the
quotes table's ``speech`` column).

:func:`share_of_voice` (:data:`SHARE_COLUMNS`; the first column is named after ``by``):
``speaker`` or ``country``, ``utterances``, ``direct_words``, ``reported_words``,
``words``, ``share`` (of all words), ``direct_share``, ``reported_share`` (of all words),
``actor`` (registry actor behind the row, ``""`` if none), ``country`` (with
``by="speaker"``: the speaker's country). Headlines and scare quotes are left out: a
headline restates the body in the outlet's words (counting it would count the speech
twice), and a scare quote is nobody's speech. Sorted by ``words``, largest first.

:func:`quoted_about`: one row per speaker and one column per actor, after a first
``speaker`` column: how many mentions of that actor stand inside that speaker's
quotations and reported clauses (each mention once per utterance, even where a partial
quotation and its clause overlap). Mentions come from :func:`analysis_utils.actors.
find_mentions`; only those whose span lies wholly inside a quotation span count.
Speakers and actors are ordered by their totals.

:func:`scare_table`: ``quote_id``, ``term``, ``paragraph``, ``start``, ``end``.
"""
from __future__ import annotations

import html
import re
from typing import Any, Iterable

import pandas as pd

SPEECH = ("direct", "partial", "indirect", "headline")
VOICE = ("direct", "partial", "indirect")  # kinds counted in the share of voice
UNATTRIBUTED = "(unattributed)"
NO_COUNTRY = "(no country)"
QUOTE_TABLE_COLUMNS = [
    "attribution", "kind", "speaker", "role", "country", "actor", "anonymous", "cue", "quote", "words",
    "direct_words", "reported_words", "pieces", "quote_ids", "paragraph", "start", "end", "spans",
    "speaker_start", "speaker_end", "cue_start", "cue_end", "speech",
]
SHARE_COLUMNS = ["utterances", "direct_words", "reported_words", "words", "share", "direct_share",
                 "reported_share", "actor", "country"]
SCARE_COLUMNS = ["quote_id", "term", "paragraph", "start", "end"]
_WORD = re.compile(r"[^\W_]+(?:['’.\-][^\W_]+)*\.?")


def count_words(text: str) -> int:
    """Words in ``text``: runs of letters or digits (``Kim Jong-un`` is two, ``U.S.`` one)."""
    return len(_WORD.findall(text or ""))


def _get(row: Any, key: str, default: Any = "") -> Any:
    value = row.get(key, default) if hasattr(row, "get") else getattr(row, key, default)
    return default if value is None or (not isinstance(value, str) and pd.isna(value)) else value


def _label(row: Any) -> str:
    return str(_get(row, "speaker_actor") or _get(row, "speaker") or "")


def _int_or_na(value: Any):
    return pd.NA if value is None or (not isinstance(value, str) and pd.isna(value)) else int(value)


def nested_words(clause: tuple[int, int, int, int], spans: list[tuple[int, int, int, int]]) -> int:
    """Words of the spans lying inside the reported clause ``clause`` (the outermost ones
    only), counted with their own quotation, not twice; ``clause`` and every item of
    ``spans`` (the quotations and clauses of one article) are ``(start, end, words,
    quote_id)``."""
    s0, e0, _, q0 = clause
    inner = [(a, b, w, i) for a, b, w, i in spans if s0 <= a and b <= e0 and i != q0 and ((a, b) != (s0, e0) or i < q0)]
    outer = [x for x in inner if not any(y is not x and y[0] <= x[0] and x[1] <= y[1]
                                         and ((y[0], y[1]) != (x[0], x[1]) or y[3] < x[3]) for y in inner)]
    return sum(w for _, _, w, _ in outer)


def _utterance(text_rows: pd.DataFrame, spans: list[tuple[int, int, int, int]]) -> dict:
    """One utterance from the rows of one ``attribution`` id; ``spans`` holds ``(start, end,
    words, quote_id)`` of every quotation and reported clause of the table: what lies inside
    a reported clause is counted with the quotation or clause it belongs to, not twice."""
    rows = text_rows.sort_values(["start", "end"])
    clauses = [(int(r.start), int(r.end)) for r in rows.itertuples() if r.kind == "indirect"]

    def inside(r) -> bool:
        return r.kind != "indirect" and any(a <= r.start and r.end <= b for a, b in clauses)

    pieces, direct_w, reported_w = [], 0, 0
    for r in rows.itertuples():
        n = count_words(str(r.text))
        if r.kind == "indirect":
            nested = nested_words((int(r.start), int(r.end), n, int(r.quote_id)), spans)
            reported_w += max(0, n - nested)
            pieces.append(str(r.text))
        else:
            direct_w += n if r.kind in ("direct", "partial") else 0
            if not inside(r):
                pieces.append(f"“{r.text}”" if r.kind != "scare" else f"‘{r.text}’")
    kinds = set(rows["kind"])
    kind = next((k for k in ("direct", "partial", "headline", "indirect", "scare") if k in kinds), "")
    named = rows[rows["speaker"].fillna("") != ""]
    first = named.iloc[0] if len(named) else rows.iloc[0]
    cued = rows[rows["cue"].fillna("") != ""]
    cue_row = cued.iloc[0] if len(cued) else None
    headline_words = sum(count_words(str(r.text)) for r in rows.itertuples() if r.kind == "headline")
    return {
        "attribution": int(first["attribution"]),
        "kind": kind,
        "speaker": _label(first),
        "role": str(_get(first, "speaker_role")),
        "country": str(_get(first, "speaker_country")),
        "actor": str(_get(first, "speaker_actor")),
        "anonymous": bool(_get(first, "anonymous", False)),
        "cue": str(cue_row["cue"]) if cue_row is not None else "",
        "quote": " … ".join(pieces),
        "words": direct_w + reported_w + headline_words,
        "direct_words": direct_w,
        "reported_words": reported_w,
        "pieces": len(rows),
        "quote_ids": ",".join(str(int(q)) for q in rows["quote_id"]),
        "paragraph": int(rows.iloc[0]["paragraph"]),
        "start": int(rows["start"].min()),
        "end": int(rows["end"].max()),
        "spans": ";".join(f"{r.kind}:{int(r.start)}:{int(r.end)}" for r in rows.itertuples()),
        "speaker_start": _int_or_na(_get(first, "speaker_start", None)),
        "speaker_end": _int_or_na(_get(first, "speaker_end", None)),
        "cue_start": _int_or_na(cue_row["cue_start"]) if cue_row is not None else pd.NA,
        "cue_end": _int_or_na(cue_row["cue_end"]) if cue_row is not None else pd.NA,
        "speech": bool(rows["speech"].any()) if "speech" in rows.columns else True,
    }


def _typed(rows: list[dict], columns: list[str]) -> pd.DataFrame:
    df = pd.DataFrame(rows, columns=columns)
    types = {"attribution": "int64", "words": "int64", "direct_words": "int64", "reported_words": "int64",
             "pieces": "int64", "paragraph": "int64", "start": "int64", "end": "int64", "anonymous": "bool",
             "speech": "bool"}
    for c in ("speaker_start", "speaker_end", "cue_start", "cue_end"):
        types[c] = "Int64"
    for c in ("kind", "speaker", "role", "country", "actor", "cue", "quote", "quote_ids", "spans"):
        types[c] = "string"
    return df.astype({c: t for c, t in types.items() if c in df.columns})


def quote_table(quotes: pd.DataFrame, *, include_scare: bool = False) -> pd.DataFrame:
    """One row per utterance, in text order (columns and joining rules: module docstring)."""
    if quotes is None or not len(quotes):
        return _typed([], QUOTE_TABLE_COLUMNS)
    kinds = SPEECH + (("scare",) if include_scare else ())
    q = quotes[quotes["kind"].isin(kinds)]
    spans = [(int(r.start), int(r.end), count_words(str(r.text)), int(r.quote_id)) for r in q.itertuples()
             if r.kind in VOICE]
    rows = [_utterance(g, spans) for _, g in q.groupby("attribution", sort=False)]
    rows.sort(key=lambda r: (r["start"], r["end"]))
    return _typed(rows, QUOTE_TABLE_COLUMNS)


def scare_table(quotes: pd.DataFrame) -> pd.DataFrame:
    """The scare quotes: quoted terms, names and labels that are nobody's speech."""
    if quotes is None or not len(quotes):
        return pd.DataFrame({c: pd.Series(dtype="int64" if c != "term" else "string") for c in SCARE_COLUMNS})
    s = quotes[quotes["kind"] == "scare"]
    out = pd.DataFrame({"quote_id": s["quote_id"].astype("int64"), "term": s["text"].astype("string"),
                        "paragraph": s["paragraph"].astype("int64"), "start": s["start"].astype("int64"),
                        "end": s["end"].astype("int64")})
    return out.reset_index(drop=True)


def share_of_voice(quotes: pd.DataFrame, by: str = "speaker", *, include_unattributed: bool = True,
                   speech_only: bool = True) -> pd.DataFrame:
    """Quoted words per speaker (``by="speaker"``) or per country (``by="country"``), split
    into direct (direct and partial quotations) and reported (indirect speech), with
    counts and shares (columns and counting rules: module docstring). Headlines and scare
    quotes are not counted, nor (``speech_only``, the default) beliefs and intentions
    (rows whose ``speech`` is False: *X believes ...*, *X wants to ...*): voice is what
    was said. ``include_unattributed=False`` drops the rows of utterances without a
    speaker (or country); shares are then of the attributed words only."""
    if by not in ("speaker", "country"):
        raise ValueError(f"by must be 'speaker' or 'country', not {by!r}")
    columns = [by] + [c for c in SHARE_COLUMNS if c != by]
    if quotes is not None and len(quotes):
        keep = quotes["kind"].isin(VOICE)
        if speech_only and "speech" in quotes.columns:
            keep &= quotes["speech"].fillna(True).astype(bool)
        quotes = quotes[keep]
    table = quote_table(quotes)
    if not len(table):
        return _share_frame([], columns)
    key = table["speaker"] if by == "speaker" else table["country"]
    table = table.assign(_key=key.fillna("").replace("", UNATTRIBUTED if by == "speaker" else NO_COUNTRY))
    if not include_unattributed:
        table = table[~table["_key"].isin((UNATTRIBUTED, NO_COUNTRY))]
    total = int(table["words"].sum())
    rows = []
    for key, g in table.groupby("_key", sort=False):
        d, r = int(g["direct_words"].sum()), int(g["reported_words"].sum())
        actors = [a for a in g["actor"] if a]
        countries = [c for c in g["country"] if c]
        row = {
            "utterances": len(g), "direct_words": d, "reported_words": r, "words": d + r,
            "share": (d + r) / total if total else 0.0, "direct_share": d / total if total else 0.0,
            "reported_share": r / total if total else 0.0,
            "actor": (actors[0] if actors else "") if by == "speaker" else (key if key != NO_COUNTRY else ""),
            "country": countries[0] if countries else "",
        }
        row[by] = key
        rows.append(row)
    rows.sort(key=lambda x: (-x["words"], x[by] in (UNATTRIBUTED, NO_COUNTRY), x[by]))
    return _share_frame(rows, columns)


def _share_frame(rows: list[dict], columns: list[str]) -> pd.DataFrame:
    df = pd.DataFrame(rows, columns=columns)
    types = {"utterances": "int64", "direct_words": "int64", "reported_words": "int64", "words": "int64",
             "share": "float64", "direct_share": "float64", "reported_share": "float64"}
    for c in df.columns:
        types.setdefault(c, "string")
    return df.astype(types)


def quoted_about(quotes: pd.DataFrame, mentions: pd.DataFrame, *, include_unattributed: bool = False,
                 vias: Iterable[str] | None = None) -> pd.DataFrame:
    """Speakers × actors mentioned inside their quotations (counts; module docstring).

    ``mentions`` is :func:`analysis_utils.actors.find_mentions` of the same article;
    ``vias`` keeps only mentions found that way (e.g. drop ``demonym``);
    ``include_unattributed`` adds a row for quotations without a speaker."""
    empty = pd.DataFrame({"speaker": pd.Series(dtype="string")})
    if quotes is None or not len(quotes) or mentions is None or not len(mentions):
        return empty
    m = mentions if vias is None else mentions[mentions["via"].isin(list(vias))]
    q = quotes[quotes["kind"].isin(VOICE)]
    seen: set[tuple[int, int, int]] = set()
    pairs: list[tuple[str, str]] = []
    starts, ends, actors = (m["start"].to_numpy(), m["end"].to_numpy(), m["actor"].astype(str).to_numpy())
    for r in q.itertuples(index=False):
        speaker = _label(r) or (UNATTRIBUTED if include_unattributed else "")
        if not speaker:
            continue
        inside = (starts >= r.start) & (ends <= r.end)
        for s, e, a in zip(starts[inside], ends[inside], actors[inside]):
            key = (int(r.attribution), int(s), int(e))
            if key in seen:
                continue  # a partial quotation and its clause: one mention, counted once
            seen.add(key)
            pairs.append((speaker, a))
    if not pairs:
        return empty
    long = pd.DataFrame(pairs, columns=["speaker", "actor"])
    wide = long.groupby(["speaker", "actor"]).size().unstack(fill_value=0)
    wide = wide.loc[wide.sum(axis=1).sort_values(ascending=False, kind="stable").index,
                    wide.sum(axis=0).sort_values(ascending=False, kind="stable").index]
    wide.columns.name = None
    out = wide.reset_index().astype({"speaker": "string"})
    return out.astype({c: "int64" for c in out.columns if c != "speaker"})


# --- HTML -------------------------------------------------------------------------------------

HIGHLIGHT_COLOURS = {"quote": "#FFD966", "reported": "#FFF2CC", "speaker": "#B7DDF5", "cue": "#F6C1C9"}
_PRIORITY = ("cue", "speaker", "quote", "reported")
_LEGEND = {"quote": "quoted words", "reported": "reported speech", "speaker": "speaker", "cue": "cue"}


def _spans_of(row: Any) -> list[tuple[int, int, str]]:
    """``(start, end, label)`` of the pieces: ``quote`` for words between marks,
    ``reported`` for a reported clause."""
    spans = str(_get(row, "spans") or "")
    if spans:
        out = []
        for piece in spans.split(";"):
            kind, a, b = piece.split(":")
            out.append((int(a), int(b), "reported" if kind == "indirect" else "quote"))
        return out
    kind = str(_get(row, "kind"))
    return [(int(_get(row, "start", 0)), int(_get(row, "end", 0)), "reported" if kind == "indirect" else "quote")]


def _paragraph_bounds(article, lo: int, hi: int) -> tuple[int, int]:
    """From the start of the segment holding ``lo`` to the end of the one holding ``hi``
    (own content only: a repeated headline at the start of a caption is left out)."""
    seg = article.segments
    seg = seg[seg["kind"] != "blank"]
    a, b = lo, hi
    for r in seg.itertuples(index=False):
        start, end = int(r.start), int(r.end)
        content = int(getattr(r, "content_start", start))
        if start <= lo < end:
            a = content if content <= lo else start
        if start < hi <= end:
            b = end
    text = article.text
    while b > a and text[b - 1] in "\r\n":
        b -= 1
    return a, b


def highlight_paragraph(article, quote_row: Any) -> str:
    """The paragraph(s) of a quotation as HTML: the quoted words, the reported clause, the
    speaker mention and the cue in ``<mark>`` spans (classes ``q-quote``, ``q-reported``,
    ``q-speaker``, ``q-cue``; colours in :data:`HIGHLIGHT_COLOURS`), all text escaped, with
    a legend naming the kind, speaker, role and cue. ``quote_row`` is a row of the quotes
    table or of :func:`quote_table` (all pieces of the utterance are marked); when the speaker was named in an earlier
    paragraph, the paragraphs from there on are shown."""
    text = article.text
    marks: list[tuple[int, int, str]] = list(_spans_of(quote_row))
    for key, label in (("speaker", "speaker"), ("cue", "cue")):
        a, b = _get(quote_row, f"{key}_start", None), _get(quote_row, f"{key}_end", None)
        if a is not None and b is not None and int(b) > int(a):
            marks.append((int(a), int(b), label))
    lo = min(a for a, _, _ in marks)
    hi = max(b for _, b, _ in marks)
    pa, pb = _paragraph_bounds(article, lo, hi)
    cuts = sorted({pa, pb} | {x for a, b, _ in marks for x in (a, b) if pa <= x <= pb})
    runs: list[list] = []  # [labels, start, end], equal neighbours merged
    for a, b in zip(cuts, cuts[1:]):
        labels = frozenset(lab for s, e, lab in marks if s <= a and b <= e)
        if runs and runs[-1][0] == labels:
            runs[-1][2] = b
        else:
            runs.append([labels, a, b])
    parts = []
    for labels, a, b in runs:
        chunk = html.escape(text[a:b]).replace("\r\n", "\n").replace("\r", "\n").replace("\n", "<br>")
        if not labels:
            parts.append(chunk)
            continue
        top = next(lab for lab in _PRIORITY if lab in labels)
        style = f"background:{HIGHLIGHT_COLOURS[top]};padding:0 1px;border-radius:2px"
        under = next((lab for lab in ("quote", "reported") if lab in labels and lab != top), None)
        if under:
            style += f";border-bottom:3px solid {HIGHLIGHT_COLOURS[under]}"
        classes = " ".join(f"q-{lab}" for lab in _PRIORITY if lab in labels)
        parts.append(f'<mark class="{classes}" style="{style}">{chunk}</mark>')
    kind = html.escape(str(_get(quote_row, "kind")))
    speaker = str(_get(quote_row, "speaker_actor") or _get(quote_row, "speaker") or "")
    role = str(_get(quote_row, "speaker_role") or _get(quote_row, "role") or "")
    cue = str(_get(quote_row, "cue") or "")
    who = html.escape(speaker) if speaker else "<i>no speaker found</i>"
    if role:
        who += f" <span style=\"color:#555\">({html.escape(role)})</span>"

    def key(label: str, name: str) -> str:
        return (f'<mark class="q-{label}" style="background:{HIGHLIGHT_COLOURS[label]};padding:0 4px;'
                f'border-radius:2px">{name}</mark>')

    legend = (f'<div class="q-legend" style="font-size:85%;color:#333;margin-bottom:4px">'
              f'<b>{kind}</b> · speaker: {who} · cue: {html.escape(cue) if cue else "<i>none</i>"} &nbsp; '
              + " ".join(key(lab, _LEGEND[lab]) for lab in ("quote", "reported", "speaker", "cue")) + "</div>")
    return (f'<div class="quote-highlight" style="border-left:3px solid #999;padding:4px 10px;margin:8px 0">'
            f'{legend}<div class="q-text" style="line-height:1.5">{"".join(parts)}</div></div>')
