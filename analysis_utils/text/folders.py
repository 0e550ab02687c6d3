"""Many articles: :func:`load_corpus` (a folder, a glob, a list of paths; a ``.jsonl``
file gives one article per line) and :func:`corpus_table`, an inventory of a corpus.
Part of :mod:`analysis_utils.text.loading`."""
from __future__ import annotations

import fnmatch
import glob as _glob
import os
import re
import warnings
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .articles import _guarded, load_article
from .document import Document
from .files import ARTICLE_EXTENSIONS, _kind_of, _read_bytes, expand_user
from .json_records import _iter_jsonl
from .metadata import _is_sidecar
from ..errors import ArticleError, ArticleNotFound, InputTypeError

_SKIP_STEMS = frozenset({"readme", "license", "licence", "copying", "changelog"})
_GLOB_CHARS = re.compile(r"[*?\[]")
_ERROR_POLICIES = ("raise", "warn", "skip")


class SkippedArticleWarning(UserWarning):
    """Issued by :func:`load_corpus` (``errors="warn"``) for each file it skips."""


def _wanted(path: Path, root: Path | None, pattern: str | None) -> bool:
    rel = path.relative_to(root) if root is not None else Path(path.name)
    if any(part.startswith(".") for part in rel.parts):
        return False
    if _is_sidecar(path):
        return False
    if path.suffix.lower() not in ARTICLE_EXTENSIONS:
        return False
    if path.name.split(".")[0].lower() in _SKIP_STEMS:
        return False
    if pattern:
        target = rel.as_posix() if "/" in pattern else path.name
        if not fnmatch.fnmatch(target, pattern):
            return False
    return True


def _walk(folder: Path, pattern: str | None) -> list[Path]:
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in filenames:
            p = Path(dirpath, name)
            if _wanted(p, folder, pattern):
                found.append(p)
    return sorted(found, key=lambda p: p.relative_to(folder).parts)


def _is_dir(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def iter_article_names(folder: Path, pattern: str | None = None) -> Iterator[str]:
    """The article files under ``folder`` as path strings, in the order of
    :func:`_article_files` (by their parts: at each level, files and folders by name), one
    folder at a time: a corpus of any size is listed in the memory of its largest folder."""
    root = Path(folder)

    def visit(d: str) -> Iterator[str]:
        try:
            with os.scandir(d) as it:
                # as os.walk: a link to a folder is neither read nor entered
                entries = sorted((e.name, _is_dir(e), e.is_symlink()) for e in it)
        except OSError:
            return
        for name, is_dir, link in entries:
            path = os.path.join(d, name)
            if is_dir:
                if not name.startswith(".") and not link:
                    yield from visit(path)
            elif _wanted(Path(path), root, pattern):
                yield path

    yield from visit(os.fspath(root))


def _article_files(source: Any, pattern: str | None) -> list[Path]:
    """The files of a corpus, in a deterministic order; ArticleNotFound when none."""
    if isinstance(source, (str, os.PathLike)):
        s = os.fspath(source)
        p = expand_user(s)
        if p.is_dir():
            files = _walk(p, pattern)
            if not files:
                raise ArticleNotFound(
                    "no article files in this folder (looked for "
                    + " ".join(sorted(ARTICLE_EXTENSIONS))
                    + (f" matching {pattern!r}" if pattern else "")
                    + ")",
                    p,
                )
            return files
        if p.is_file():
            return [p]
        if isinstance(source, str) and _GLOB_CHARS.search(s):
            matches = sorted(_glob.glob(str(expand_user(s)), recursive=True))
            files: list[Path] = []
            for m in matches:
                mp = Path(m)
                if mp.is_dir():
                    files.extend(_walk(mp, pattern))
                elif mp.is_file() and _wanted(mp, None, pattern):
                    files.append(mp)
            files = sorted(dict.fromkeys(files))
            if not files:
                raise ArticleNotFound(f"no article files match the pattern {s!r}", s)
            return files
        raise ArticleNotFound("no such file or folder", p)
    if isinstance(source, (bytes, bytearray)):
        raise InputTypeError("load_corpus() needs a folder, a glob or a list of paths, not bytes")
    if isinstance(source, Iterable):
        files = []
        for item in source:
            if not isinstance(item, (str, os.PathLike)):
                raise InputTypeError(f"a list of paths holds a {type(item).__name__} ({str(item)[:60]!r}); "
                                     "a table of texts is a DataFrame with columns 'id' and 'text'")
            ip = expand_user(os.fspath(item))
            if ip.is_dir():
                files.extend(_walk(ip, pattern))
            elif not pattern or fnmatch.fnmatch(ip.name, pattern):
                files.append(ip)
        if not files:
            raise ArticleNotFound("no article files in the given list of paths")
        return files
    raise InputTypeError(
        f"load_corpus() needs a folder, a glob or a list of paths, not {type(source).__name__}"
    )


def _iter_items(files: list[Path]) -> Iterator[tuple[str, Document | ArticleError]]:
    for path in files:
        if _kind_of(path) == "jsonl":
            try:
                data = _read_bytes(path)
                yield from _guarded(lambda: list(_iter_jsonl(path, data)), path)
            except ArticleError as err:
                yield str(path), err
            continue
        try:
            yield str(path), load_article(path)
        except ArticleError as err:
            yield str(path), err


def load_corpus(
    source: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    errors: str = "warn",
    pattern: str | None = None,
) -> Iterator[Document]:
    """Load many articles, lazily, in a deterministic order.

    Parameters
    ----------
    source:
        A folder (searched recursively for ``.txt .text .md .html .htm .json
        .jsonl`` files; hidden files and folders, ``*.meta.yml|yaml|json``
        sidecars and README/LICENSE files are skipped; sorted by relative path),
        a glob string (``"data/raw/*.txt"``, ``**`` allowed; the same filter,
        sorted), a single file, or an iterable of paths (kept in the given order;
        folders in it are expanded). A ``.jsonl`` file yields one article per line.
    errors:
        What to do with a file that raises an :class:`ArticleError`: ``"raise"``
        re-raises the first one; ``"warn"`` (default) issues a
        :class:`SkippedArticleWarning` naming the file and the reason and goes on;
        ``"skip"`` goes on silently.
    pattern:
        An optional ``fnmatch`` filter on file names (``"*.txt"``); with a ``/``
        it is matched against the path relative to the folder.

    Raises
    ------
    ArticleNotFound
        Immediately (not on iteration) when nothing matches.
    """
    if errors not in _ERROR_POLICIES:
        raise ValueError(f"errors must be one of {_ERROR_POLICIES}, not {errors!r}")
    files = _article_files(source, pattern)
    return _corpus_iter(files, errors)


def _corpus_iter(files: list[Path], errors: str) -> Iterator[Document]:
    for _label, item in _iter_items(files):
        if isinstance(item, ArticleError):
            if errors == "raise":
                raise item
            if errors == "warn":
                warnings.warn(f"skipped {item}", SkippedArticleWarning, stacklevel=3)
            continue
        yield item


def corpus_table(source: Any, *, pattern: str | None = None, errors: str = "record"):
    """An inventory of a corpus: a :class:`pandas.DataFrame`, one row per file
    (per line for ``.jsonl``), with columns ``path, title, published, chars,
    encoding, format, error``.

    ``error`` is ``""`` for a loaded article, else the reason it failed (and
    the other columns are empty). ``errors="raise"`` re-raises the first error
    instead. ``source``/``pattern`` as for :func:`load_corpus`. Segments are not
    computed, so this is fast.
    """
    import pandas as pd

    if errors not in ("record", "raise"):
        raise ValueError(f"errors must be 'record' or 'raise', not {errors!r}")
    rows = []
    for label, item in _iter_items(_article_files(source, pattern)):
        if isinstance(item, ArticleError):
            if errors == "raise":
                raise item
            rows.append({"path": item.source or label, "title": None, "published": None,
                         "chars": None, "encoding": None, "format": None, "error": item.reason})
            continue
        rows.append({
            "path": label,
            "title": item.meta.get("title"),
            "published": item.published,
            "chars": len(item.text),
            "encoding": item.meta.get("encoding"),
            "format": item.meta.get("format"),
            "error": "",
        })
    columns = ["path", "title", "published", "chars", "encoding", "format", "error"]
    table = pd.DataFrame(rows, columns=columns)
    table["chars"] = table["chars"].astype("Int64")
    return table
