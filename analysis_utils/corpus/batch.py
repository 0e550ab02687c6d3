"""One batch of a corpus, analysed: a pure function of its inputs, run on a Dask worker.

:func:`analyse_batch` takes a list of inputs (file paths, or ``(id, text, meta)``
records of a table of texts) and returns plain pandas tables: one per table of the kit
(:data:`analysis_utils.table_names.TABLES`), each with an ``article_id`` column first,
plus ``articles`` (one row per article) and ``errors`` (one row per input or table that
failed). Nothing here writes files or keeps state, so the same inputs give the same
tables on any worker of any cluster.
"""
from __future__ import annotations

import hashlib
import time
from typing import Any

import pandas as pd

from ..table_names import TABLES  # the kit's per-article tables, in order (as ``analyze`` writes them)

ARTICLE_COLUMNS = ["article_id", "path", "outlet", "published", "month", "headline", "language", "words",
                   "status", "warnings", "seconds"]
ERROR_COLUMNS = ["article_id", "path", "stage", "reason"]
#: texts longer than this many characters are recorded as errors, not analysed (configurable):
#: about 80,000 words, several times the longest news article; the kit reads 500,000
#: characters of real news in about 4 s on one core
MAX_CHARS = 500_000
#: an article whose analysis takes longer than this many seconds is stopped and recorded as
#: an error (configurable; ``None`` for no limit). Every layer is linear in its text, so this
#: is a guard for what no test foresaw, not the way long texts are handled
TIME_LIMIT = 20.0


def article_id(label: str) -> str:
    """The id of an article: the first 16 hex digits of the SHA-1 of its label (its path,
    ``path:line`` for a line of a ``.jsonl`` file, or the id a table of texts gives)."""
    return hashlib.sha1(label.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _month(published: Any) -> str:
    text = str(published or "")
    return text[:7] if len(text) >= 7 and text[4] == "-" else "unknown"


def _documents(item: Any):
    """``(label, Document or ArticleError)`` for one input."""
    from ..errors import ArticleError
    from ..text.folders import _iter_items
    from ..text.loading import load_article

    if isinstance(item, dict):  # a row of a table of texts
        label = str(item["id"])
        try:
            yield label, load_article(item["text"], published=item.get("published"), meta=item.get("meta") or None)
        except ArticleError as err:
            yield label, err
        return
    from pathlib import Path

    yield from _iter_items([Path(item)])


def analyse_batch(items: list[Any], max_chars: int = MAX_CHARS,
                  time_limit: float | None = TIME_LIMIT) -> dict[str, pd.DataFrame]:
    """The tables of every article of ``items`` (module docstring). Never raises for a bad
    input: a file that cannot be read, an empty, binary or undecodable one, a text over
    ``max_chars`` characters, an article whose analysis runs past ``time_limit`` seconds
    (its tables are then left out: status ``failed: ...``), or an extractor that fails
    (status ``partial``) is a row of ``errors``."""
    from ..article import Article
    from ..errors import ArticleError
    from ..text.deadline import TimeLimitExceeded
    from ..text.deadline import time_limit as limit_of

    parts: dict[str, list[pd.DataFrame]] = {name: [] for name in TABLES}
    articles, errors = [], []
    for item in items:
        for label, doc in _documents(item):
            aid = article_id(label)
            path = label if not isinstance(item, dict) else str(item.get("path") or "")
            if isinstance(doc, ArticleError):
                errors.append({"article_id": aid, "path": path, "stage": "load", "reason": doc.reason})
                articles.append({"article_id": aid, "path": path, "status": "failed: " + doc.reason})
                continue
            if len(doc.text) > max_chars:
                reason = f"longer than the limit of {max_chars:,} characters ({len(doc.text):,})"
                errors.append({"article_id": aid, "path": path, "stage": "load", "reason": reason})
                articles.append({"article_id": aid, "path": path, "status": "failed: " + reason})
                continue
            t0 = time.perf_counter()
            art = Article.of(doc)
            status = "ok"
            mine: dict[str, pd.DataFrame] = {}
            with limit_of(time_limit):
                for name in TABLES:
                    try:
                        mine[name] = getattr(art, name)
                    except TimeLimitExceeded as exc:
                        errors.append({"article_id": aid, "path": path, "stage": name, "reason": exc.reason})
                        status = "failed: " + exc.reason
                        break
                    except Exception as exc:  # an extractor's bug must not lose the other tables
                        reason = f"{type(exc).__name__}: {exc}"
                        errors.append({"article_id": aid, "path": path, "stage": name, "reason": reason})
                        status = "partial"
            if status.startswith("failed"):
                articles.append({"article_id": aid, "path": path, "status": status,
                                 "seconds": round(time.perf_counter() - t0, 4)})
                continue
            for name, df in mine.items():
                df = df.copy()
                df.insert(0, "article_id", aid)
                parts[name].append(df)
            published = art.published
            articles.append({
                "article_id": aid, "path": path, "outlet": art.meta.get("outlet") or "",
                "published": str(published) if published else "", "month": _month(published),
                "headline": art.headline or "", "language": art.meta.get("language") or "",
                "words": len(art.text.split()), "status": status,
                "warnings": "; ".join(art.warnings),  # a page with no article, ...
                "seconds": round(time.perf_counter() - t0, 4),
            })
    out = {name: (pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()) for name, frames in parts.items()}
    out["articles"] = _frame(articles, ARTICLE_COLUMNS)
    out["errors"] = _frame(errors, ERROR_COLUMNS)
    return out


def analyse_and_write(items: list[Any], out: str | None, batch: int, max_chars: int = MAX_CHARS,
                      time_limit: float | None = TIME_LIMIT) -> Any:
    """The task of one batch: its tables (:func:`analyse_batch`), written under ``out`` by
    this process when ``out`` is given (a folder it shares with the driver) -- then only a
    small summary travels back -- else returned to the driver, which writes them."""
    tables = analyse_batch(items, max_chars, time_limit)
    if out is None:
        return tables
    from pathlib import Path

    from .store import write_tables

    return write_tables(Path(out), batch, tables)


def _frame(rows: list[dict], columns: list[str]) -> pd.DataFrame:
    df = pd.DataFrame(rows, columns=columns)
    for c in columns:
        if c == "words":
            df[c] = df[c].fillna(0).astype("int64")
        elif c == "seconds":
            df[c] = df[c].astype("float64")
        else:
            df[c] = df[c].astype(object).where(df[c].notna(), "").astype(str)
    if "month" in df.columns:
        df.loc[df["month"] == "", "month"] = "unknown"
    return df
