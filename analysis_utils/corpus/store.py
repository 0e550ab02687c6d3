"""Where a corpus run keeps its output: Parquet datasets, a manifest, a lock.

Layout of ``OUT/``::

    OUT/corpus.json                     what was analysed (the source) and the settings
    OUT/.lock                           held while a run writes (pid and host)
    OUT/_manifest/batch-000012.json     the inputs of batch 12, written once its tables are
    OUT/_schema/<table>.json            the pandas dtypes of each table, restored by read_table
                                        (a text column that is empty in every article reads
                                        back as "string")
    OUT/<table>/month=2024-06/part-000012.parquet
    OUT/<table>/month=unknown/part-000012.parquet   (no publication date)

``<table>`` is ``articles``, ``errors`` and each per-article table of the kit
(``segments``, ``sentences``, ``mentions``, ``quotes``, ``timexes``, ``events``,
``actor_sentiment``). Every row has ``article_id``; the partition ``month`` is the
article's publication month, so a month of news reads one folder per table and a decade
prunes by folder name (``read_table(out, "quotes", months=["2024-06"])``, or any Parquet
reader with Hive partitioning: DuckDB's ``read_parquet('OUT/quotes/*/*.parquet',
hive_partitioning=true)``, ``pyarrow.dataset``, Spark).

Every file is written under a temporary name and renamed when complete, and a batch's
manifest entry is written last: a run killed at any moment leaves complete files only,
and the batches without a manifest entry are simply done again on resume (their files
are overwritten with the same content).
"""
from __future__ import annotations

import json
import os
import socket
from pathlib import Path
from typing import Any, Iterable

import pandas as pd

MANIFEST = "_manifest"
SCHEMAS = "_schema"
SETTINGS = "corpus.json"
LOCK = ".lock"


class CorpusError(RuntimeError):
    """A corpus run that cannot start or go on: a locked or foreign output folder."""


def _atomic_write(path: Path, write) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    write(tmp)
    os.replace(tmp, path)


def _for_parquet(df: pd.DataFrame) -> pd.DataFrame:
    """Object columns (text with missing values) as strings, so that every batch of a table
    has the same Parquet schema whatever its values."""
    out = df
    for c in df.columns:
        if df[c].dtype == object:
            if out is df:
                out = df.copy()
            out[c] = df[c].map(lambda v: None if v is None or (isinstance(v, float) and v != v) else str(v)) \
                .astype("string")
    return out


def record_dtypes(out: Path, dtypes: dict[str, dict[str, str]]) -> None:
    """Keep the dtype of each column of each table, to give it back when the table is read:
    the first concrete dtype seen (``object``, what pandas makes of a column of missing
    values only, is no dtype here), so the record is the same whatever order the batches
    come in. Called by the driver only (one writer)."""
    for name, columns in dtypes.items():
        path = out / SCHEMAS / f"{name}.json"
        try:
            known = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
        except (OSError, ValueError):
            known = {}
        new = {c: t for c, t in columns.items() if c not in known and t != "object"}
        if new:
            known.update(new)
            _atomic_write(path, lambda p, k=known: p.write_text(json.dumps(k, sort_keys=True), encoding="utf-8"))


def write_tables(out: Path, batch: int, tables: dict[str, pd.DataFrame]) -> dict:
    """Write one batch's tables (partitioned by the month of each row's article), on the
    machine that runs it: a worker when the output folder is shared with it, else the
    driver. Returns what the driver needs: the articles' statuses, the number of errors,
    and the tables' dtypes."""
    months = dict(zip(tables["articles"]["article_id"], tables["articles"]["month"]))
    dtypes = {}
    for name, df in tables.items():
        if df.empty and name != "articles":
            continue
        dtypes[name] = {c: str(t) for c, t in df.dtypes.items()}
        df = _for_parquet(df)
        keys = df["article_id"].map(lambda a: months.get(a, "unknown")) if name != "articles" else df["month"]
        for month, part in df.groupby(keys.to_numpy(), sort=True):
            target = out / name / f"month={month}" / f"part-{batch:06d}.parquet"
            _atomic_write(target, lambda p, part=part: part.to_parquet(p, index=False))
    return {"statuses": tables["articles"]["status"].tolist(), "errors": int(len(tables["errors"])),
            "dtypes": dtypes}


def write_manifest(out: Path, batch: int, inputs: list[str], written: dict) -> None:
    """The manifest entry of a batch whose tables are written (:func:`write_tables`): the
    last file of a batch, which marks it done. Run by the driver."""
    record_dtypes(out, written["dtypes"])
    entry = {"batch": batch, "inputs": inputs, "articles": len(written["statuses"]), "errors": written["errors"]}
    _atomic_write(out / MANIFEST / f"batch-{batch:06d}.json",
                  lambda p: p.write_text(json.dumps(entry, ensure_ascii=False), encoding="utf-8"))


def done_inputs(out: Path) -> tuple[set[str], set[int]]:
    """The inputs of every batch with a manifest entry, and those batches' numbers."""
    done: set[str] = set()
    batches: set[int] = set()
    folder = out / MANIFEST
    if folder.is_dir():
        for f in sorted(folder.glob("batch-*.json")):
            try:
                entry = json.loads(f.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue  # a manifest entry is written atomically; anything else is not ours
            done.update(entry.get("inputs", []))
            batches.add(int(entry.get("batch", -1)))
    return done, batches


def remove_unfinished(out: Path, batches: set[int]) -> int:
    """Delete the table files (and temporary files) of batches without a manifest entry: a
    run killed while writing a batch; that batch is done again. Returns how many."""
    removed = 0
    for f in list(out.glob("*/month=*/*")):
        name = f.name
        finished = name.startswith("part-") and name.endswith(".parquet") and name[5:11].isdigit() \
            and int(name[5:11]) in batches
        if not finished:
            f.unlink(missing_ok=True)
            removed += 1
    return removed


def check_settings(out: Path, settings: dict[str, Any]) -> None:
    """Record what this output folder holds; refuse another corpus in it."""
    path = out / SETTINGS
    if path.is_file():
        try:
            old = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            old = None
        if old is not None and old.get("source") != settings.get("source"):
            raise CorpusError(f"{out} holds the analysis of another corpus ({old.get('source')!r}); "
                              "give another --out, or delete that folder to start over")
        return
    _atomic_write(path, lambda p: p.write_text(json.dumps(settings, indent=1, ensure_ascii=False), encoding="utf-8"))


class Lock:
    """``OUT/.lock``, created exclusively: a second run into the same folder refuses with a
    clear message while the first is alive; the lock of a run that died is taken over."""

    def __init__(self, out: Path):
        self.path = out / LOCK
        self.held = False

    def __enter__(self) -> "Lock":
        self.path.parent.mkdir(parents=True, exist_ok=True)
        me = {"pid": os.getpid(), "host": socket.gethostname()}
        for _ in range(2):
            try:
                fd = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            except FileExistsError:
                owner = self._owner()
                if owner is not None and self._alive(owner):
                    raise CorpusError(f"another run is writing to {self.path.parent} (pid {owner.get('pid')} on "
                                      f"{owner.get('host')}); wait for it to finish, or give another --out") from None
                self.path.unlink(missing_ok=True)  # a run that died: take its lock over
                continue
            with os.fdopen(fd, "w") as fh:
                json.dump(me, fh)
            self.held = True
            return self
        raise CorpusError(f"could not lock {self.path.parent}")

    def _owner(self) -> dict | None:
        try:
            return json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    @staticmethod
    def _alive(owner: dict) -> bool:
        if owner.get("host") != socket.gethostname():
            return True  # another machine's run: assume it is alive
        try:
            os.kill(int(owner.get("pid", -1)), 0)
        except (ProcessLookupError, ValueError, OverflowError):
            return False
        except PermissionError:
            return True
        return True

    def __exit__(self, *exc) -> None:
        if self.held:
            self.path.unlink(missing_ok=True)
            self.held = False


def read_table(out: str | os.PathLike, name: str, months: Iterable[str] | None = None) -> pd.DataFrame:
    """One table of a corpus output, every batch together: rows of an article stay in the
    order the kit gave them, articles in the order of their ids. ``months`` (``"2024-06"``,
    ``"unknown"``) reads only those partitions. An empty table when there is none."""
    folder = Path(out) / name
    if months is not None:
        wanted = {f"month={m}" for m in months}
        files = sorted(f for f in folder.glob("month=*/*.parquet") if f.parent.name in wanted)
    else:
        files = sorted(folder.glob("month=*/*.parquet"))
    if not files:
        return pd.DataFrame()
    df = pd.concat([pd.read_parquet(f) for f in files], ignore_index=True)
    df = df.sort_values("article_id", kind="stable").reset_index(drop=True)
    schema = Path(out) / SCHEMAS / f"{name}.json"
    if schema.is_file():  # the per-article tables' dtypes ("str", "Int64", object ...)
        for c, t in json.loads(schema.read_text(encoding="utf-8")).items():
            if c in df.columns and str(df[c].dtype) != t:
                df[c] = df[c].astype(t)
    return df
