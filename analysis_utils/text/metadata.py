"""Metadata of an article: sidecar files (``X.meta.yml`` beside ``X.txt``), publication
dates, and the merge of everything known into a
:class:`~analysis_utils.text.document.Document` in the documented precedence (see
:mod:`analysis_utils.text.loading`)."""
from __future__ import annotations

import json
import re
from collections.abc import Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any

from .decoding import _codec_name
from .document import Document
from ..errors import ArticleError, UnsupportedFormat

SIDECAR_SUFFIXES = (".meta.yml", ".meta.yaml", ".meta.json")
_SLASH_DATE = re.compile(r"^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$")
#: ``<outlet>_<YYYY-MM-DD>[_<slug>].ext``, as in ``breitbart_2016-09-12_stealth-over-health.txt``
_NAME_RULE = re.compile(r"^([A-Za-z][A-Za-z0-9.&-]*)_(\d{4}-\d{2}-\d{2})(?:_|$)")


def name_metadata(path: str | Path | None) -> dict[str, Any]:
    """The outlet and publication date a file name gives by the rule
    ``<outlet>_<YYYY-MM-DD>[_<slug>]`` (``{"outlet": "breitbart", "published":
    date(2016, 9, 12)}``); ``{}`` when the name does not follow it (or the date is not a
    calendar date). The lowest precedence: a sidecar, the page or the record, and the
    ``published``/``meta`` arguments all come first (:func:`_build`)."""
    if not path:
        return {}
    m = _NAME_RULE.match(Path(str(path)).stem)
    if not m:
        return {}
    try:
        return {"outlet": m[1], "published": date.fromisoformat(m[2])}
    except ValueError:
        return {}


def _parse_date(value: Any) -> date | None:
    """A :class:`date` from a date, datetime or ISO string; ``None`` for empty
    values; :class:`ValueError` for anything else."""
    if value is None:
        return None
    if isinstance(value, datetime):  # before date: datetime is a date subclass
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        s = value.strip()
        if not s:
            return None
        m = _SLASH_DATE.match(s)
        if m:
            return date(int(m[1]), int(m[2]), int(m[3]))
        if s.endswith(("Z", "z")):
            s = s[:-1] + "+00:00"
        try:
            return datetime.fromisoformat(s).date()
        except ValueError:
            pass
        return date.fromisoformat(s)  # raises ValueError with a message
    raise ValueError(f"not a date: {value!r} ({type(value).__name__})")


def _sidecar_path(path: Path) -> Path | None:
    base = path.with_suffix("")
    for suffix in SIDECAR_SUFFIXES:
        candidate = base.with_name(base.name + suffix)
        if candidate.is_file():
            return candidate
    return None


def _is_sidecar(path: Path) -> bool:
    return path.name.lower().endswith(SIDECAR_SUFFIXES)


def _read_sidecar(sidecar: Path) -> dict[str, Any]:
    """The sidecar's mapping; ``published`` already parsed to a :class:`date`."""
    try:
        raw = sidecar.read_bytes()
    except OSError as exc:
        raise ArticleError(f"cannot read the sidecar: {exc.strerror or exc}", sidecar) from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UnsupportedFormat(f"sidecar metadata is not UTF-8 text ({exc.reason})", sidecar) from exc
    if sidecar.suffix.lower() == ".json":
        try:
            data = json.loads(text) if text.strip() else {}
        except json.JSONDecodeError as exc:
            raise UnsupportedFormat(
                f"sidecar metadata is not valid JSON: {exc.msg} at line {exc.lineno}", sidecar
            ) from exc
    else:
        import yaml

        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            where = getattr(exc, "problem_mark", None)
            at = f" at line {where.line + 1}" if where is not None else ""
            problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
            raise UnsupportedFormat(f"sidecar metadata is not valid YAML: {problem}{at}", sidecar) from exc
        except Exception as exc:  # e.g. ValueError from "published: 2024-13-45"
            raise UnsupportedFormat(
                f"sidecar metadata cannot be read (an unparsable date or value?): "
                f"{type(exc).__name__}: {exc}",
                sidecar,
            ) from exc
        if data is None:
            data = {}
    if not isinstance(data, dict):
        raise UnsupportedFormat(
            f"sidecar metadata must be a mapping of keys to values, not {type(data).__name__}",
            sidecar,
        )
    meta = {str(k): v for k, v in data.items()}
    if "published" in meta:
        try:
            meta["published"] = _parse_date(meta["published"])
        except ValueError as exc:
            raise UnsupportedFormat(
                f"sidecar metadata has an unparsable date published={data.get('published')!r}: {exc}",
                sidecar,
            ) from exc
    if meta.get("encoding") is not None:
        enc = str(meta["encoding"])
        try:
            meta["encoding"] = _codec_name(enc)
        except LookupError as exc:
            raise UnsupportedFormat(f"sidecar names an unknown encoding {enc!r}", sidecar) from exc
    return meta


def _build(
    text: str,
    *,
    path: Path | None,
    encoding: str | None,
    fmt: str,
    content_meta: Mapping[str, Any],
    content_published: date | None,
    content_kind: str,
    sidecar: Mapping[str, Any] | None,
    published: Any,
    meta_arg: Mapping[str, Any] | None,
    label: object,
) -> Document:
    """Merge metadata and dates in the documented precedence; make the Document."""
    side = dict(sidecar or {})
    side_published = side.pop("published", None)
    meta: dict[str, Any] = dict(content_meta)
    meta.update(side)
    meta["path"] = str(path) if path is not None else None
    meta["encoding"] = encoding
    meta["format"] = fmt
    extra = dict(meta_arg or {})
    arg_published = extra.pop("published", None)
    chosen: date | None = None
    origin: str | None = None
    for value, where in ((published, "argument"), (arg_published, "argument")):
        if value is None:
            continue
        try:
            parsed = _parse_date(value)
        except ValueError as exc:
            raise ArticleError(f"bad published value {value!r}: {exc}", label) from exc
        if parsed is not None:
            chosen, origin = parsed, where
            break
    if chosen is None and side_published is not None:
        chosen, origin = side_published, "sidecar"
    if chosen is None and content_published is not None:
        chosen, origin = content_published, content_kind
    named = name_metadata(path)
    if named and not meta.get("outlet"):
        meta["outlet"] = named["outlet"]
    if named and chosen is None:
        chosen, origin = named["published"], "file name"
    meta["published_source"] = origin
    meta.update(extra)
    return Document(text=text, meta=meta, published=chosen, source=str(path) if path is not None else None)
