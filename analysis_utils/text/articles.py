"""One article: :func:`load_article` from a path, a string (a path or the text itself)
or bytes. The formats, metadata, dates and errors are described in
:mod:`analysis_utils.text.loading`."""
from __future__ import annotations

import json
import os
import re
from collections.abc import Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any

from .decoding import _visible, decode_bytes
from .document import Document
from .files import _decode_file_bytes, _kind_of, _looks_like_path, _read_bytes, expand_user
from .html_pages import _HTML_START, _extract_html, _html_charset
from .json_records import _iter_jsonl, _json_record
from .metadata import _build, _read_sidecar, _sidecar_path
from ..errors import ArticleError, ArticleNotFound, EmptyArticle, InputTypeError, UnsupportedFormat


def load_article(
    source: str | os.PathLike[str] | bytes,
    *,
    published: date | datetime | str | None = None,
    meta: Mapping[str, Any] | None = None,
) -> Document:
    """Load one article.

    Parameters
    ----------
    source:
        A :class:`pathlib.Path`; bytes (decoded with :func:`decode_bytes`, HTML if
        they start with ``<!doctype html``/``<html``, markup before it allowed); or a ``str``. A ``str`` is
        a path when it has no newline, is shorter than 1024 characters and either
        exists or looks like a path (ends with ``.txt .text .md .html .htm .json
        .jsonl``, or contains a path separator and no spaces); otherwise it is the
        article text itself (HTML when it starts with ``<!doctype html``/``<html``).
    published:
        The publication date; beats every other source (see the module docs).
    meta:
        Extra metadata; overrides what the file, HTML/JSON and sidecar provide. A
        ``"published"`` key counts like the ``published`` argument (second).

    Returns
    -------
    Document
        ``text`` exactly as decoded (only a BOM is removed); ``meta`` with
        ``path``, ``encoding``, ``format``, ``published_source`` and more;
        ``source`` the path as a string, or ``None``.

    Raises
    ------
    ArticleError
        Or a subclass: ArticleNotFound (missing path), EmptyArticle,
        BinaryContent, DecodingError, UnsupportedFormat (bad JSON, broken
        sidecar). A folder raises ArticleError pointing to :func:`load_corpus`.
        Library failures are wrapped; the message names the file and the reason.
    """
    if meta is not None and not isinstance(meta, Mapping):
        raise InputTypeError(f"meta must be a mapping, not {type(meta).__name__}")
    if isinstance(source, (bytes, bytearray, memoryview)):
        return _guarded(lambda: _load_bytes(bytes(source), published, meta), None)
    if isinstance(source, str):
        if re.match(r"\s*https?://\S+\s*$", source):
            raise ArticleNotFound(
                "is a URL; the kit does not download pages: save the page and load the file",
                source.strip(),
            )
        if _looks_like_path(source):
            path = expand_user(source)
            return _guarded(lambda: _load_path(path, published, meta), path)
        return _guarded(lambda: _load_text(source, published, meta), None)
    if isinstance(source, os.PathLike):
        path = expand_user(os.fspath(source))
        return _guarded(lambda: _load_path(path, published, meta), path)
    raise InputTypeError(
        f"load_article() needs a path, a str or bytes, not {type(source).__name__}"
    )


def _guarded(fn, label: object):
    """Run ``fn``; wrap anything that is not an ArticleError into one."""
    try:
        return fn()
    except ArticleError:
        raise
    except Exception as exc:
        raise ArticleError(f"unexpected error while loading ({type(exc).__name__}: {exc})", label) from exc


def _load_text(
    text: str,
    published: Any,
    meta: Mapping[str, Any] | None,
    encoding: str | None = None,
    label: str = "<html string>",
) -> Document:
    if not _visible(text):
        raise EmptyArticle("empty text: the string holds no visible characters")
    common = dict(path=None, encoding=encoding, sidecar=None, published=published, meta_arg=meta, label=None)
    if _HTML_START.match(text):
        body, content_meta, html_date = _extract_html(text, label)
        return _build(body, fmt="html", content_meta=content_meta, content_published=html_date,
                      content_kind="html", **common)
    return _build(text, fmt="text", content_meta={}, content_published=None, content_kind="text", **common)


def _load_bytes(data: bytes, published: Any, meta: Mapping[str, Any] | None) -> Document:
    text, encoding = decode_bytes(data, None, hint=_html_charset(data))
    return _load_text(text, published, meta, encoding=encoding, label="<html bytes>")


def _load_path(path: Path, published: Any, meta: Mapping[str, Any] | None) -> Document:
    data = _read_bytes(path)
    kind = _kind_of(path)
    if kind == "jsonl":
        records = [(n, a) for n, a in _iter_jsonl(path, data, published, meta)]
        if len(records) != 1:
            raise UnsupportedFormat(
                f"holds {len(records)} JSON lines; load_article() reads one article, "
                "use load_corpus() for a .jsonl file with several",
                path,
            )
        item = records[0][1]
        if isinstance(item, ArticleError):
            raise item
        return item
    sidecar_file = _sidecar_path(path)
    sidecar = _read_sidecar(sidecar_file) if sidecar_file else None
    forced = sidecar.pop("encoding", None) if sidecar else None
    text, encoding = _decode_file_bytes(data, path, forced, html=kind in ("html", "sniff"))
    if kind == "sniff":
        kind = "html" if _HTML_START.match(text) else "text"
    if kind == "html":
        body, content_meta, html_date = _extract_html(text, path)
        return _build(body, path=path, encoding=encoding, fmt="html", content_meta=content_meta,
                      content_published=html_date, content_kind="html", sidecar=sidecar,
                      published=published, meta_arg=meta, label=path)
    if kind == "json":
        try:
            obj = json.loads(text)
        except json.JSONDecodeError as exc:
            raise UnsupportedFormat(
                f"not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}", path
            ) from exc
        body, content_meta, json_date, _ = _json_record(obj, path)
        return _build(body, path=path, encoding=encoding, fmt="json", content_meta=content_meta,
                      content_published=json_date, content_kind="json", sidecar=sidecar,
                      published=published, meta_arg=meta, label=path)
    return _build(text, path=path, encoding=encoding, fmt="text", content_meta={},
                  content_published=None, content_kind="text", sidecar=sidecar,
                  published=published, meta_arg=meta, label=path)
