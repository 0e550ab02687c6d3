"""JSON articles: one record (an object with the text under ``"text"``, ``"content"`` or
``"body"``), and the records of a ``.jsonl`` file, one per line. Part of
:mod:`analysis_utils.text.loading`."""
from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from datetime import date
from pathlib import Path
from typing import Any

from .decoding import _visible
from .document import Document
from .files import _decode_file_bytes
from .metadata import _build, _parse_date, _read_sidecar, _sidecar_path
from ..errors import ArticleError, EmptyArticle, UnsupportedFormat

_TEXT_KEYS = ("text", "content", "body")
_DATE_KEYS = ("published", "date")


def _json_record(obj: Any, label: object) -> tuple[str, dict[str, Any], date | None, bool]:
    """Text, meta, published and whether a date field was present, of one JSON record."""
    if not isinstance(obj, dict):
        raise UnsupportedFormat(
            f"a JSON article must be an object with a \"text\" field, not a {type(obj).__name__}",
            label,
        )
    key = next((k for k in _TEXT_KEYS if k in obj), None)
    if key is None:
        keys = ", ".join(map(str, list(obj)[:8])) or "none"
        raise UnsupportedFormat(
            f"the JSON object has no \"text\" (or \"content\"/\"body\") field; its keys: {keys}", label
        )
    text = obj[key]
    if not isinstance(text, str):
        raise UnsupportedFormat(f"the JSON field {key!r} must be a string, not {type(text).__name__}", label)
    if not _visible(text):
        raise EmptyArticle(f"the JSON field {key!r} holds no visible text", label)
    meta = {str(k): v for k, v in obj.items() if k not in (key, *_DATE_KEYS)}
    published = None
    date_key = next((k for k in _DATE_KEYS if obj.get(k) not in (None, "")), None)
    if date_key:
        try:
            published = _parse_date(obj[date_key])
        except ValueError as exc:
            raise UnsupportedFormat(
                f"the JSON field {date_key!r} is not a date: {obj[date_key]!r}", label
            ) from exc
    return text, meta, published, date_key is not None


def _iter_jsonl(
    path: Path, data: bytes, published: Any = None, meta: Mapping[str, Any] | None = None
) -> Iterator[tuple[str, Document | ArticleError]]:
    """``(label, Document or ArticleError)`` per non-blank line of a ``.jsonl`` file."""
    sidecar_file = _sidecar_path(path)
    sidecar = _read_sidecar(sidecar_file) if sidecar_file else None
    forced = sidecar.pop("encoding", None) if sidecar else None
    text, encoding = _decode_file_bytes(data, path, forced)
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        label = f"{path}:{lineno}"
        try:
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise UnsupportedFormat(f"not valid JSON: {exc.msg} at column {exc.colno}", label) from exc
            body, content_meta, json_date, _ = _json_record(obj, label)
            content_meta = dict(content_meta)
            content_meta["line"] = lineno
            content_meta.setdefault("slug", f"{path.stem}-{content_meta.get('id', lineno)}")
            art = _build(body, path=path, encoding=encoding, fmt="json", content_meta=content_meta,
                         content_published=json_date, content_kind="json", sidecar=sidecar,
                         published=published, meta_arg=meta, label=label)
            yield label, art
        except ArticleError as err:
            yield label, err
