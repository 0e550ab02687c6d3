"""Comparing coverage across a corpus: the tables behind notebook 05.

Every function takes tables of a corpus output (:func:`~analysis_utils.corpus.read_table`:
every row keyed by ``article_id``) and returns a pandas DataFrame whose rows carry their
evidence -- counts and the ``article_ids`` (comma-separated) they were computed from -- so
every number of a chart can be traced back to its articles (and, with the per-article
tables, to its sentences).

Opening a corpus
----------------
:func:`open_corpus` takes a folder of articles (analysed with
:func:`~analysis_utils.corpus.analyze_corpus` into ``<out_dir>/tables/``; a second call
resumes, so it reuses what is there) or a folder that already is a corpus output (it holds
``corpus.json`` or ``_manifest/``; read as it is); ``None`` means ``data/raw/``.
:func:`read_corpus` reads its tables, the ``articles`` table through
:func:`corpus_articles`.

Outlet and date
---------------
An article's outlet and publication date are those of its metadata (a sidecar, the page,
or the file name ``<outlet>_<YYYY-MM-DD>_<slug>``: :func:`analysis_utils.text.metadata.
name_metadata`); a corpus written before the file-name rule existed gets them from the
file name here. An article with neither is ``(unknown outlet)`` / ``(no date)``.

Tables (columns)
----------------
:func:`corpus_articles`: ``article_id, path, outlet, published, date, headline, words,
status`` (``date`` is ``published`` or ``(no date)``; failed inputs keep their row, with
``status`` ``failed: ...``).

:func:`outlet_overview`: ``outlet, articles, failed, first_date, last_date, words,
article_ids``.

:func:`articles_per_outlet_day`: ``outlet, date, articles, words, article_ids`` (analysed
articles only; sorted by date, then outlet).

:func:`corpus_utterances`: ``article_id, outlet, date, attribution, speaker, actor, country,
direct_words, reported_words, words, quote_ids``: one row per utterance.

:func:`share_of_voice`: utterances (the quotation pieces of one ``attribution`` joined, as
:func:`analysis_utils.quotes.tables.quote_table` joins them) and their words, per speaker
(``by="speaker"``) or per outlet and speaker (``by="outlet"``): ``[outlet,] speaker,
actor, country, utterances, direct_words, reported_words, words, share, outlets,
articles, article_ids``. ``share`` is of all words counted (in the corpus, or in the
outlet); ``outlets`` and ``articles`` are how many. The rules of notebook 04: direct,
partial and indirect speech only (no headlines, no scare quotes), beliefs and intentions
left out (``speech_only``); the speaker is the registry actor when there is one, else the
speaker as the text names them; quotations without a speaker are one row,
``(unattributed)``.

:func:`sentiment_by_outlet`: sentiment toward each actor, per outlet and actor:
``outlet, actor, kind, country, articles, mentions, mean, sd, ci_low, ci_high,
article_ids``. The unit is the article: an article's score toward an actor is the mean
of its scored mentions in the chosen voices (``narrator`` and ``quoted`` by default: what
is said *about* the actor; ``own`` is the actor's own words), i.e. the
mentions-weighted mean of its ``actor_sentiment`` rows; ``mean`` and ``sd`` are over the
articles of the cell, and ``ci_low``/``ci_high`` a Student-t interval of that mean (95 %
by default; no interval -- ``NaN`` -- for a cell of one article). Articles, not mentions,
are the unit because mentions of one article are not independent of each other.

:func:`quoted_about`: who is quoted speaking about whom, across the corpus: ``speaker,
actor, mentions, utterances, articles, outlets, article_ids``: the registry actors
mentioned inside each speaker's quotations and reported clauses (a mention counts when
its span lies wholly inside the quotation's span in the same article; once per
utterance, where a partial quotation and its clause overlap). Quotations without a
speaker are ``(unattributed)`` (``include_unattributed=False`` drops them); a speaker's
mentions of themself (the *he* of *Trump said he would ...*) are left out
(``include_self=True`` keeps them).

:func:`combined_timeline`: the dated events of every article, by date: ``date_start,
date_end, granularity, outlet, published, article_id, event_id, timex, label, actors,
status, resolved_from, sentence, start, end`` (sorted by ``date_start``, outlet,
publication date, article).

Speed: pandas and plain tuples over whole tables (PolNeAR dev, 84 articles and 2,200
quotation rows: well under a second per table). For tables that do not fit in memory, read
some months (``read_table(..., months=[...])``) or query the Parquet files with any
Hive-aware reader (DuckDB, pyarrow.dataset).
"""
from __future__ import annotations

import math
import os
from dataclasses import dataclass, field
from pathlib import Path
from statistics import NormalDist
from typing import Any, Iterable

import numpy as np
import pandas as pd

from .store import MANIFEST, SETTINGS, read_table

UNKNOWN_OUTLET = "(unknown outlet)"
NO_DATE = "(no date)"
UNATTRIBUTED = "(unattributed)"
#: corpora of at most this many inputs are analysed in the notebook's own process (no Dask)
SYNC_BELOW = 200
#: the tables notebook 05 reads
CORPUS_TABLES = ("articles", "errors", "quotes", "mentions", "actor_sentiment", "events")
VOICE_KINDS = ("direct", "partial", "indirect")
TOWARD = ("narrator", "quoted")

ARTICLE_COLUMNS = ["article_id", "path", "outlet", "published", "date", "headline", "words", "status"]
OVERVIEW_COLUMNS = ["outlet", "articles", "failed", "first_date", "last_date", "words", "article_ids"]
PER_DAY_COLUMNS = ["outlet", "date", "articles", "words", "article_ids"]
VOICE_COLUMNS = ["speaker", "actor", "country", "utterances", "direct_words", "reported_words", "words", "share",
                 "outlets", "articles", "article_ids"]
SENTIMENT_COLUMNS = ["outlet", "actor", "kind", "country", "articles", "mentions", "mean", "sd", "ci_low", "ci_high",
                     "article_ids"]
ABOUT_COLUMNS = ["speaker", "actor", "mentions", "utterances", "articles", "outlets", "article_ids"]
TIMELINE_COLUMNS = ["date_start", "date_end", "granularity", "outlet", "published", "article_id", "event_id", "timex",
                    "label", "actors", "status", "resolved_from", "sentence", "start", "end"]


# --------------------------------------------------------------------- opening a corpus


def is_corpus_output(path: str | os.PathLike | None) -> bool:
    """True for a folder written by the corpus command (it holds ``corpus.json`` or
    ``_manifest/``)."""
    if path is None:
        return False
    p = Path(path).expanduser()
    return p.is_dir() and ((p / SETTINGS).is_file() or (p / MANIFEST).is_dir())


def corpus_slug(source: str | os.PathLike) -> str:
    """The report folder name of a corpus: ``corpus-<folder name>`` made safe
    (:func:`~analysis_utils.text.slugs.safe_slug`)."""
    from ..text.slugs import safe_slug

    p = Path(source).expanduser()
    name = p.resolve().name if p.exists() else p.name
    return "corpus-" + safe_slug(name or "corpus", default="corpus")


@dataclass
class CorpusRun:
    """What :func:`open_corpus` found or made: ``tables`` (the corpus output folder to read),
    ``source`` (what was analysed), ``out_dir`` (where the notebook writes its figures),
    ``summary`` (the :class:`~analysis_utils.corpus.CorpusSummary` of the analysis, ``None``
    when an existing corpus output was given)."""

    tables: Path
    source: Path
    out_dir: Path
    summary: Any = None
    name: str = field(default="")

    @property
    def label(self) -> str:
        """The source's last two folder names (``polnear_dev/text``), for source lines."""
        parts = self.source.expanduser().resolve().parts
        return "/".join(parts[-2:]) if len(parts) > 1 else str(self.source)

    def line(self) -> str:
        if self.summary is None:
            return f"corpus output {self.tables} (read as it is)"
        return f"{self.source} -> {self.tables}: {self.summary.line()}"


def open_corpus(source: str | os.PathLike | None = None, out_dir: str | os.PathLike | None = None, *,
                workers: int | None = None, scheduler: str | None = None, sync_below: int = SYNC_BELOW,
                progress: bool | None = None, fresh: bool = False) -> CorpusRun:
    """A corpus ready to read (module docstring). ``source``: a folder (or glob, or file) of
    articles, or a corpus output folder; ``None``: ``data/raw/``. ``out_dir``: the notebook's
    output folder (default ``reports/corpus-<folder name>/``); articles are analysed into
    ``<out_dir>/tables/`` -- in this process when there are at most ``sync_below`` of them
    (or ``scheduler="sync"``), else on a local Dask cluster of ``workers`` processes (or the
    cluster at ``scheduler``). A second call resumes: inputs already analysed are skipped;
    ``fresh=True`` deletes ``<out_dir>/tables/`` first (only when it is a corpus output), to
    analyse every article again (after editing them)."""
    from ..paths import data_dir, reports_dir

    src = Path(source).expanduser() if source is not None else data_dir() / "raw"
    name = corpus_slug(src)
    out = Path(out_dir).expanduser() if out_dir else reports_dir(name)
    if is_corpus_output(src):
        return CorpusRun(tables=src, source=src, out_dir=out, name=name)
    from .run import analyze_corpus, corpus_inputs

    if fresh and is_corpus_output(out / "tables"):
        import shutil

        shutil.rmtree(out / "tables")
    if scheduler is None and workers is None:
        n = len(corpus_inputs(src)[1])
        scheduler = "sync" if n <= sync_below else None
        if progress is None:
            progress = n > sync_below
    summary = analyze_corpus(src, out / "tables", workers=workers, scheduler=scheduler, progress=bool(progress))
    return CorpusRun(tables=out / "tables", source=src, out_dir=out, summary=summary, name=name)


def read_corpus(tables: str | os.PathLike, names: Iterable[str] = CORPUS_TABLES) -> dict[str, pd.DataFrame]:
    """The tables ``names`` of a corpus output (``articles`` through :func:`corpus_articles`)."""
    out = {name: read_table(tables, name) for name in names}
    if "articles" in out:
        out["articles"] = corpus_articles(out["articles"])
    return out


def corpus_articles(articles: pd.DataFrame) -> pd.DataFrame:
    """The ``articles`` table with every article's outlet and date (module docstring)."""
    from ..text.metadata import name_metadata

    if articles is None or not len(articles):
        return pd.DataFrame({c: pd.Series(dtype="int64" if c == "words" else "str") for c in ARTICLE_COLUMNS})
    df = articles.copy()
    for c in ("path", "outlet", "published", "headline", "status"):
        df[c] = (df[c] if c in df.columns else pd.Series("", index=df.index)).fillna("").astype(str)
    outlets, dates = [], []
    for path, outlet, published in zip(df["path"], df["outlet"], df["published"]):
        named = name_metadata(path) if not (outlet and published) else {}
        outlets.append(outlet or named.get("outlet") or UNKNOWN_OUTLET)
        published = published or (str(named["published"]) if "published" in named else "")
        dates.append(published[:10] if published else "")
    df["outlet"] = outlets
    df["published"] = dates
    df["date"] = [d or NO_DATE for d in dates]
    df["words"] = df["words"].fillna(0).astype("int64") if "words" in df.columns else 0
    return df[ARTICLE_COLUMNS].reset_index(drop=True)


def _analysed(articles: pd.DataFrame) -> pd.DataFrame:
    return articles[~articles["status"].astype(str).str.startswith("failed")]


def _ids(values: Iterable[str]) -> str:
    return ",".join(dict.fromkeys(str(v) for v in values))


def corpus_source_line(articles: pd.DataFrame, name: str = "") -> str:
    """``"Source: 84 articles from 7 outlets, 2016-09-08 to 2016-10-07 (<name>)"`` (analysed
    articles; ``name``, e.g. :attr:`CorpusRun.label`, in brackets when given)."""
    ok = _analysed(articles) if len(articles) else articles
    n, k = len(ok), ok["outlet"].nunique() if len(ok) else 0
    dated = sorted(d for d in ok["published"] if d) if len(ok) else []
    span = f", {dated[0]} to {dated[-1]}" if dated else ""
    label = f" ({name})" if name else ""
    return f"Source: {n} article{'s' if n != 1 else ''} from {k} outlet{'s' if k != 1 else ''}{span}{label}"


# --------------------------------------------------------------------- articles


def outlet_overview(articles: pd.DataFrame) -> pd.DataFrame:
    """Per outlet: articles analysed, inputs that failed, first and last date, words."""
    rows = []
    for outlet, g in articles.groupby("outlet", sort=True):
        ok = _analysed(g)
        dated = sorted(d for d in ok["published"] if d)
        rows.append({"outlet": outlet, "articles": len(ok), "failed": len(g) - len(ok),
                     "first_date": dated[0] if dated else "", "last_date": dated[-1] if dated else "",
                     "words": int(ok["words"].sum()), "article_ids": _ids(ok["article_id"])})
    return _frame(rows, OVERVIEW_COLUMNS, ints=("articles", "failed", "words"))


def articles_per_outlet_day(articles: pd.DataFrame) -> pd.DataFrame:
    """Articles (and their words) per outlet and publication day, analysed articles only."""
    ok = _analysed(articles)
    rows = [{"outlet": outlet, "date": day, "articles": len(g), "words": int(g["words"].sum()),
             "article_ids": _ids(g["article_id"])}
            for (outlet, day), g in ok.groupby(["outlet", "date"], sort=False)]
    rows.sort(key=lambda r: (r["date"] == NO_DATE, r["date"], r["outlet"]))
    return _frame(rows, PER_DAY_COLUMNS, ints=("articles", "words"))


# --------------------------------------------------------------------- share of voice


UTTERANCE_COLUMNS = ["article_id", "outlet", "date", "attribution", "speaker", "actor", "country", "direct_words",
                     "reported_words", "words", "quote_ids"]


def _text(value: Any) -> str:
    return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)


def corpus_utterances(quotes: pd.DataFrame, articles: pd.DataFrame, *, speech_only: bool = True) -> pd.DataFrame:
    """One row per utterance (the rows of one ``attribution`` of an article) of direct,
    partial and indirect speech (beliefs and intentions left out with ``speech_only``):
    ``article_id, outlet, date, attribution, speaker, actor, country, direct_words,
    reported_words, words, quote_ids``, counted as :func:`analysis_utils.quotes.tables.
    quote_table` counts them for one article (words between quotation marks are direct; a
    reported clause's words less those of the quotations inside it are reported; the
    speaker is the first named piece's registry actor, else its name, else
    ``(unattributed)``), but over plain tuples, about a hundred times faster on a corpus."""
    from ..quotes.tables import count_words, nested_words

    if quotes is None or not len(quotes):
        return _frame([], UTTERANCE_COLUMNS, ints=("attribution", "direct_words", "reported_words", "words"))
    keep = quotes["kind"].isin(VOICE_KINDS)
    if speech_only and "speech" in quotes.columns:
        keep &= quotes["speech"].fillna(True).astype(bool)
    q = quotes[keep]
    blank = [""] * len(q)
    cols = zip(q["article_id"].astype(str), q["quote_id"].astype(int), q["kind"].astype(str), q["text"].tolist(),
               q["start"].astype(int), q["end"].astype(int), q["attribution"].astype(int), q["speaker"].tolist(),
               q["speaker_actor"].tolist() if "speaker_actor" in q.columns else blank,
               q["speaker_country"].tolist() if "speaker_country" in q.columns else blank)
    by_article: dict[str, list[tuple]] = {}
    for aid, qid, kind, text, a, b, att, speaker, actor, country in cols:
        by_article.setdefault(aid, []).append((qid, kind, count_words(_text(text)), a, b, att, _text(speaker),
                                               _text(actor), _text(country)))
    where = articles.set_index("article_id") if articles is not None and len(articles) else None
    rows = []
    for aid in sorted(by_article):
        pieces = by_article[aid]
        spans = [(a, b, n, qid) for qid, _, n, a, b, *_ in pieces]
        groups: dict[int, list[tuple]] = {}
        for piece in pieces:
            groups.setdefault(piece[5], []).append(piece)
        for att, g in groups.items():
            g = sorted(g, key=lambda p: (p[3], p[4]))
            direct = sum(n for _, kind, n, *_ in g if kind != "indirect")
            reported = sum(max(0, n - nested_words((a, b, n, qid), spans)) for qid, kind, n, a, b, *_ in g
                           if kind == "indirect")
            first = next((p for p in g if p[6]), g[0])
            rows.append({"article_id": aid, "attribution": att, "speaker": first[7] or first[6] or UNATTRIBUTED,
                         "actor": first[7], "country": first[8], "direct_words": direct, "reported_words": reported,
                         "words": direct + reported, "quote_ids": ",".join(str(p[0]) for p in g)})
    for r in rows:
        r["outlet"] = str(where["outlet"].get(r["article_id"], UNKNOWN_OUTLET)) if where is not None else UNKNOWN_OUTLET
        r["date"] = str(where["date"].get(r["article_id"], NO_DATE)) if where is not None else NO_DATE
    return _frame(rows, UTTERANCE_COLUMNS, ints=("attribution", "direct_words", "reported_words", "words"))


def share_of_voice(quotes: pd.DataFrame, articles: pd.DataFrame, by: str = "speaker", *,
                   speech_only: bool = True) -> pd.DataFrame:
    """Utterances and words per speaker (``by="speaker"``) or per outlet and speaker
    (``by="outlet"``), with shares and the articles behind each row (module docstring)."""
    if by not in ("speaker", "outlet"):
        raise ValueError(f"by must be 'speaker' or 'outlet', not {by!r}")
    columns = (["outlet"] if by == "outlet" else []) + VOICE_COLUMNS
    u = corpus_utterances(quotes, articles, speech_only=speech_only)
    if not len(u):
        return _frame([], columns, ints=("utterances", "direct_words", "reported_words", "words", "outlets",
                                         "articles"), floats=("share",))
    keys = ["outlet", "speaker"] if by == "outlet" else ["speaker"]
    totals = u.groupby("outlet")["words"].sum() if by == "outlet" else None
    corpus_total = int(u["words"].sum())
    rows = []
    for key, g in u.groupby(keys, sort=False):
        key = key if isinstance(key, tuple) else (key,)
        total = int(totals[key[0]]) if totals is not None else corpus_total
        d, r = int(g["direct_words"].sum()), int(g["reported_words"].sum())
        actors = [a for a in g["actor"].fillna("") if a]
        countries = [c for c in g["country"].fillna("") if c]
        row = dict(zip(keys, key))
        row.update({"actor": actors[0] if actors else "", "country": countries[0] if countries else "",
                    "utterances": len(g), "direct_words": d, "reported_words": r, "words": d + r,
                    "share": (d + r) / total if total else 0.0, "outlets": g["outlet"].nunique(),
                    "articles": g["article_id"].nunique(), "article_ids": _ids(g["article_id"])})
        rows.append(row)
    rows.sort(key=lambda x: ((x["outlet"],) if by == "outlet" else ()) +
              (-x["words"], -x["utterances"], x["speaker"] == UNATTRIBUTED, x["speaker"]))
    return _frame(rows, columns, ints=("utterances", "direct_words", "reported_words", "words", "outlets", "articles"),
                  floats=("share",))


# --------------------------------------------------------------------- sentiment


def t_quantile(p: float, df: int) -> float:
    """The ``p`` quantile (``p`` > 0.5) of Student's t with ``df`` degrees of freedom,
    from its closed-form distribution function for whole degrees of freedom (Abramowitz &
    Stegun 26.7.3-4), by bisection; the normal quantile above 1,000 degrees of freedom."""
    if not 0.5 < p < 1 or df < 1:
        raise ValueError("p must be in (0.5, 1) and df >= 1")
    if df > 1000:
        return NormalDist().inv_cdf(p)
    level = 2 * p - 1  # P(|T| < t)

    def inside(t: float) -> float:
        theta = math.atan(t / math.sqrt(df))
        s, c2 = math.sin(theta), math.cos(theta) ** 2
        if df % 2:  # odd
            if df == 1:
                return 2 * theta / math.pi
            term, total = 1.0, 1.0
            for k in range(1, (df - 1) // 2):
                term *= c2 * (2 * k) / (2 * k + 1)
                total += term
            return 2 / math.pi * (theta + s * math.cos(theta) * total)
        term, total = 1.0, 1.0
        for k in range(1, df // 2):
            term *= c2 * (2 * k - 1) / (2 * k)
            total += term
        return s * total

    lo, hi = 0.0, 1.0
    while inside(hi) < level:
        hi *= 2
    for _ in range(100):
        mid = (lo + hi) / 2
        if inside(mid) < level:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def mean_interval(values: Iterable[float], level: float = 0.95) -> tuple[float, float, float, float]:
    """``(mean, sd, low, high)``: the mean, the sample standard deviation and the Student-t
    interval of the mean at ``level``; ``sd`` and the interval are ``NaN`` for one value."""
    x = np.asarray(list(values), dtype=float)
    if not x.size:
        return (math.nan,) * 4
    mean = float(x.mean())
    if x.size < 2:
        return mean, math.nan, math.nan, math.nan
    sd = float(x.std(ddof=1))
    half = t_quantile(0.5 + level / 2, x.size - 1) * sd / math.sqrt(x.size)
    return mean, sd, mean - half, mean + half


def article_actor_scores(actor_sentiment: pd.DataFrame, voices: Iterable[str] = TOWARD) -> pd.DataFrame:
    """Per article and actor: ``article_id, actor, kind, country, mentions, score`` -- the
    mean score of the article's mentions of the actor in ``voices`` (the mentions-weighted
    mean of its ``actor_sentiment`` rows)."""
    cols = ["article_id", "actor", "kind", "country", "mentions", "score"]
    if actor_sentiment is None or not len(actor_sentiment):
        return pd.DataFrame({c: pd.Series(dtype="float64" if c == "score" else "str") for c in cols})
    s = actor_sentiment[actor_sentiment["voice"].isin(list(voices)) & (actor_sentiment["mentions"] > 0)]
    s = s.assign(_w=s["mean"].astype(float) * s["mentions"].astype(float))
    g = s.groupby(["article_id", "actor"], sort=True).agg(
        kind=("kind", "first"), country=("country", "first"), mentions=("mentions", "sum"), _w=("_w", "sum"))
    g["score"] = g["_w"] / g["mentions"]
    return g.drop(columns="_w").reset_index()[cols]


def sentiment_by_outlet(actor_sentiment: pd.DataFrame, articles: pd.DataFrame, *, voices: Iterable[str] = TOWARD,
                        level: float = 0.95) -> pd.DataFrame:
    """Sentiment toward each actor per outlet: the mean of the articles' scores, with a
    Student-t interval and the articles behind it (module docstring)."""
    scores = article_actor_scores(actor_sentiment, voices)
    floats = ("mean", "sd", "ci_low", "ci_high")
    if not len(scores):
        return _frame([], SENTIMENT_COLUMNS, ints=("articles", "mentions"), floats=floats)
    scores["outlet"] = scores["article_id"].map(articles.set_index("article_id")["outlet"]).fillna(UNKNOWN_OUTLET)
    rows = []
    for (outlet, actor), g in scores.groupby(["outlet", "actor"], sort=False):
        mean, sd, lo, hi = mean_interval(g["score"], level)
        rows.append({"outlet": outlet, "actor": actor, "kind": str(g["kind"].iloc[0] or ""),
                     "country": str(g["country"].iloc[0] or ""), "articles": len(g),
                     "mentions": int(g["mentions"].sum()), "mean": mean, "sd": sd, "ci_low": lo, "ci_high": hi,
                     "article_ids": _ids(g["article_id"])})
    weight: dict[str, int] = {}
    for r in rows:
        weight[r["actor"]] = weight.get(r["actor"], 0) + r["mentions"]
    rows.sort(key=lambda r: (-weight[r["actor"]], r["actor"], r["outlet"]))
    return _frame(rows, SENTIMENT_COLUMNS, ints=("articles", "mentions"), floats=floats)


# --------------------------------------------------------------------- who about whom


def quoted_about(quotes: pd.DataFrame, mentions: pd.DataFrame, articles: pd.DataFrame | None = None, *,
                 include_unattributed: bool = True, include_self: bool = False,
                 vias: Iterable[str] | None = None) -> pd.DataFrame:
    """Speaker x actor pairs: the registry actors mentioned inside each speaker's quotations
    across the corpus, with counts and the articles behind them (module docstring).
    ``vias`` keeps only mentions found that way (e.g. without ``demonym``);
    ``include_self`` keeps a speaker's mentions of themself (mostly the *he* of their
    reported speech: *Trump said he would ...*)."""
    ints_ = ("mentions", "utterances", "articles")
    if quotes is None or not len(quotes) or mentions is None or not len(mentions):
        return _frame([], ABOUT_COLUMNS, ints=ints_)
    m = mentions if vias is None else mentions[mentions["via"].isin(list(vias))]
    q = quotes[quotes["kind"].isin(VOICE_KINDS)]
    if not len(q) or not len(m):
        return _frame([], ABOUT_COLUMNS, ints=ints_)
    codes, uniques = pd.factorize(pd.concat([q["article_id"], m["article_id"]], ignore_index=True), sort=True)
    q_code, m_code = codes[: len(q)].astype(np.int64), codes[len(q):].astype(np.int64)
    scale = np.int64(max(int(q["end"].max()), int(m["end"].max())) + 1)
    m_start = m["start"].to_numpy(dtype=np.int64)
    m_end = m["end"].to_numpy(dtype=np.int64)
    m_key = m_code * scale + m_start
    order = np.argsort(m_key, kind="stable")
    m_key, m_end, m_start = m_key[order], m_end[order], m_start[order]
    m_actor = m["actor"].astype(str).to_numpy()[order]
    q_start, q_end = q["start"].to_numpy(dtype=np.int64), q["end"].to_numpy(dtype=np.int64)
    lo = np.searchsorted(m_key, q_code * scale + q_start, side="left")
    hi = np.searchsorted(m_key, q_code * scale + q_end, side="left")  # mentions starting inside the quotation
    counts = hi - lo
    if not counts.sum():
        return _frame([], ABOUT_COLUMNS, ints=ints_)
    qi = np.repeat(np.arange(len(q)), counts)
    mi = np.concatenate([np.arange(a, b) for a, b in zip(lo, hi) if b > a])
    inside = m_end[mi] <= q_end[qi]
    qi, mi = qi[inside], mi[inside]
    speaker = q.get("speaker_actor", pd.Series("", index=q.index)).fillna("").astype(str).to_numpy()
    fallback = q["speaker"].fillna("").astype(str).to_numpy()
    speaker = np.where(speaker != "", speaker, fallback)
    pairs = pd.DataFrame({
        "article_id": q["article_id"].astype(str).to_numpy()[qi],
        "attribution": q["attribution"].to_numpy()[qi],
        "speaker": speaker[qi],
        "actor": m_actor[mi], "m_start": m_start[mi], "m_end": m_end[mi],
    }).drop_duplicates(["article_id", "attribution", "m_start", "m_end"])  # a partial quotation and its clause
    pairs["speaker"] = pairs["speaker"].replace("", UNATTRIBUTED)
    if not include_unattributed:
        pairs = pairs[pairs["speaker"] != UNATTRIBUTED]
    if not include_self:
        pairs = pairs[pairs["speaker"] != pairs["actor"]]
    if not len(pairs):
        return _frame([], ABOUT_COLUMNS, ints=ints_)
    outlet_of = articles.set_index("article_id")["outlet"] if articles is not None and len(articles) else None
    rows = []
    for (speaker_, actor), g in pairs.groupby(["speaker", "actor"], sort=False):
        outlets = sorted(set(g["article_id"].map(outlet_of).fillna(UNKNOWN_OUTLET))) if outlet_of is not None else []
        rows.append({"speaker": speaker_, "actor": actor, "mentions": len(g),
                     "utterances": len(g.drop_duplicates(["article_id", "attribution"])),
                     "articles": g["article_id"].nunique(), "outlets": ", ".join(outlets),
                     "article_ids": _ids(sorted(g["article_id"]))})
    rows.sort(key=lambda r: (-r["mentions"], r["speaker"] == UNATTRIBUTED, r["speaker"], r["actor"]))
    return _frame(rows, ABOUT_COLUMNS, ints=ints_)


# --------------------------------------------------------------------- timeline


def combined_timeline(events: pd.DataFrame, articles: pd.DataFrame, *,
                      sources: Iterable[str] = ("article",)) -> pd.DataFrame:
    """The dated events of every article, by date, with outlet and article (module
    docstring). ``sources``: ``article`` (events the articles date) and/or ``reference``."""
    if events is None or not len(events):
        return _frame([], TIMELINE_COLUMNS)
    e = events[events["date_start"].notna()]
    if "source" in e.columns:
        e = e[e["source"].isin(list(sources))]
    where = articles.set_index("article_id")
    out = pd.DataFrame({c: e[c] if c in e.columns else pd.NA for c in TIMELINE_COLUMNS if c not in
                        ("outlet", "published")})
    out["outlet"] = e["article_id"].map(where["outlet"]).fillna(UNKNOWN_OUTLET)
    out["published"] = e["article_id"].map(where["published"]).fillna("")
    out = out[TIMELINE_COLUMNS]
    out = out.sort_values(["date_start", "outlet", "published", "article_id", "event_id"], kind="stable")
    return out.reset_index(drop=True)


# --------------------------------------------------------------------- helpers


def _frame(rows: list[dict], columns: list[str], ints: Iterable[str] = (), floats: Iterable[str] = ()) -> pd.DataFrame:
    ints, floats = set(ints), set(floats)
    df = pd.DataFrame(rows, columns=columns)
    types = {c: ("int64" if c in ints else "float64" if c in floats else "str") for c in columns}
    return df.astype(types) if len(df) else pd.DataFrame({c: pd.Series(dtype=t) for c, t in types.items()})
