"""Loading articles: files, folders, HTML pages, JSON records and plain strings.

The one-way data flow of the kit starts here::

    file / HTML / JSON / text --load_article--> Document(text, meta, published, source)

Public functions
----------------
:func:`load_article`
    One article from a path, a string (a path *or* the text itself) or bytes.
:func:`load_corpus`
    Many articles from a folder (recursively), a glob or a list of paths.
:func:`corpus_table`
    One row per file of a corpus (path, title, published, chars, encoding,
    format, error) -- a quick inventory before analysis.
:func:`decode_bytes`
    Bytes to text with encoding detection; used by all of the above.

Formats
-------
``.txt`` ``.text`` ``.md`` (and files with an unknown extension that are not HTML)
    Plain text. The bytes are decoded by :func:`decode_bytes`; the text is kept
    *exactly* as decoded (line endings, leading/trailing whitespace) except that a
    byte order mark is removed, because every offset in the kit indexes it.
``.html`` ``.htm`` ``.xhtml`` (and strings/bytes starting with ``<!doctype`` or ``<html``)
    The main text and metadata are extracted with trafilatura (comments and tables
    left out); the publication date with htmldate (``original_date=True``, no
    extensive search). The article text is ``title + "\\n\\n" + main text`` unless
    the main text already starts with the title. A declared ``<meta charset>`` is
    honoured when the bytes are not valid UTF-8 and decode under it.
``.json``
    One JSON object with the text under ``"text"`` (or ``"content"``, ``"body"``);
    ``"published"`` (or ``"date"``) is the publication date; every other key goes
    to ``meta`` (``title``, ``outlet``, ``url`` ...).
``.jsonl``
    One such object per line (:func:`load_corpus` yields one article per line;
    :func:`load_article` accepts a ``.jsonl`` file holding a single record).

Encodings
---------
:func:`decode_bytes` handles the bytes of every file: a BOM decides (UTF-8,
UTF-16, UTF-32; the BOM is removed); known binary formats and NUL bytes are
rejected (BOM-less UTF-16 is recognised by its NUL pattern); then strict UTF-8;
then the most plausible of cp949 (⊃ EUC-KR), Shift-JIS, GB18030 (⊃ GBK),
Big5, cp1252 (⊃ Latin-1), cp1250 and cp1251, judged by a character-level
plausibility score that is reliable on headline-length Korean, Japanese and
Chinese text, where charset-normalizer alone is not (its guess is a fallback).
Known limits: a few characters of CJK text can be ambiguous (ties go to
Korean); Central European text whose letters also exist in cp1252 (Czech "č"
= cp1252 "è") comes out as cp1252; Greek/Turkish/KOI8-R rely on
charset-normalizer. Name the encoding in a sidecar (``encoding: cp1250``) to
override detection.

Sidecar metadata
----------------
For a file ``X.ext``, the first of ``X.meta.yml``, ``X.meta.yaml``, ``X.meta.json``
found beside it is read as a mapping of metadata, typically ``outlet``,
``language``, ``published``, ``source_note``, ``title``, ``url``; any other key is
kept in ``meta`` as well. The special key ``encoding`` (e.g. ``encoding: cp949``)
forces how the article's bytes are decoded, the escape hatch when detection
guesses wrong. A sidecar that is not valid YAML/JSON, is not a mapping, or has an
unparsable date raises :class:`~analysis_utils.errors.UnsupportedFormat` naming
the sidecar. Files without a sidecar load normally.

Metadata and the publication date
---------------------------------
``meta`` always holds ``path`` (str or ``None``), ``encoding`` (the codec used,
``None`` for a str source), ``format`` (``"text"``, ``"html"`` or ``"json"``) and
``published_source``; then whatever the HTML/JSON, the sidecar and the ``meta``
argument provide, later ones overriding earlier ones (HTML/JSON < sidecar <
``meta`` argument). ``path``/``encoding``/``format`` are set by the loader and
only the ``meta`` argument can override them.

``published`` is taken from, in this order: the ``published`` argument, the
``meta`` argument's ``"published"``, the sidecar, the JSON record or the HTML
page. ``meta["published_source"]`` says which (``"argument"``, ``"sidecar"``,
``"json"``, ``"html"``; ``None`` when unknown). Accepted values are
:class:`datetime.date`, :class:`datetime.datetime` (its calendar date *as
written*, no time-zone conversion) and ISO strings (``"2024-06-17"``,
``"2024-06-17T08:00:00+09:00"``, also ``2024/06/17``). ``published`` is not
repeated in ``meta``.

Errors
------
Everything that goes wrong with an input raises an
:class:`~analysis_utils.errors.ArticleError` (a ``ValueError``) whose message
names the file (when there is one) and the reason:

* :class:`~analysis_utils.errors.ArticleNotFound` -- no such file; a folder or glob
  without article files.
* :class:`~analysis_utils.errors.EmptyArticle` -- 0 bytes, only whitespace, or no
  main text in an HTML page.
* :class:`~analysis_utils.errors.BinaryContent` -- an image, PDF, archive,
  executable ... (magic numbers, NUL bytes, control characters).
* :class:`~analysis_utils.errors.DecodingError` -- looks like text but no encoding
  decodes it sensibly.
* :class:`~analysis_utils.errors.UnsupportedFormat` -- invalid JSON, a JSON record
  without text, a broken sidecar.
* :class:`~analysis_utils.errors.ArticleError` itself -- a folder passed to
  :func:`load_article`, unreadable files (permissions ...), a bad ``published``
  value, and any unexpected failure inside a library (wrapped, with the original
  exception chained as ``__cause__``).

Heavy libraries (trafilatura, htmldate, charset-normalizer, yaml, pandas) are
imported lazily, inside the functions that need them.
"""
from __future__ import annotations

import fnmatch
import glob as _glob
import json
import os
import re
import warnings
from collections.abc import Iterable, Iterator, Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any

from .document import Document
from .decoding import _BOMS, _codec_name, _quiet_logs, _visible, decode_bytes
from ..errors import (
    ArticleError,
    ArticleNotFound,
    DecodingError,
    EmptyArticle,
    UnsupportedFormat,
)

__all__ = [
    "ARTICLE_EXTENSIONS",
    "SkippedArticleWarning",
    "corpus_table",
    "decode_bytes",
    "load_article",
    "load_corpus",
]

TEXT_EXTENSIONS = frozenset({".txt", ".text", ".md"})
HTML_EXTENSIONS = frozenset({".html", ".htm", ".xhtml"})
JSON_EXTENSIONS = frozenset({".json"})
JSONL_EXTENSIONS = frozenset({".jsonl"})
#: File extensions :func:`load_corpus` picks up in a folder or glob.
ARTICLE_EXTENSIONS = frozenset(
    {".txt", ".text", ".md", ".html", ".htm", ".json", ".jsonl"}
)
SIDECAR_SUFFIXES = (".meta.yml", ".meta.yaml", ".meta.json")
_TEXT_KEYS = ("text", "content", "body")
_DATE_KEYS = ("published", "date")
_SKIP_STEMS = frozenset({"readme", "license", "licence", "copying", "changelog"})
_MAX_PATH_STR = 1024
_HTML_START = re.compile(r"\s*<(?:!doctype\s+html|html[\s>])", re.IGNORECASE)


class SkippedArticleWarning(UserWarning):
    """Issued by :func:`load_corpus` (``errors="warn"``) for each file it skips."""


# ---------------------------------------------------------------------------
# Helpers: logging, dates, sidecars
# ---------------------------------------------------------------------------


_SLASH_DATE = re.compile(r"^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$")


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


# ---------------------------------------------------------------------------
# Formats
# ---------------------------------------------------------------------------

_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
_PRUNE_XPATH = ["//nav", "//footer", "//aside"]
_HTML_LANG = re.compile(r"""<html[^>]*\slang\s*=\s*["']?([A-Za-z][A-Za-z0-9-]*)""", re.IGNORECASE)


def _html_charset(data: bytes) -> str | None:
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii", "replace") if m else None


def _decode_file_bytes(data: bytes, label: object, forced: str | None, *, html: bool = False) -> tuple[str, str]:
    """decode_bytes, or the sidecar's forced encoding."""
    if forced:
        body, codec = data, forced
        if codec in ("utf-8", "utf-8-sig"):
            codec = "utf-8-sig"  # strips a BOM if there is one
        else:
            for bom, enc in _BOMS:
                if data.startswith(bom) and enc == codec:
                    body = data[len(bom) :]
                    break
        if not body:
            raise EmptyArticle("empty file (0 bytes)", label)
        try:
            text = body.decode(codec)
        except UnicodeDecodeError as exc:
            raise DecodingError(
                f"cannot decode as {forced} (the encoding named in the sidecar): {exc.reason} "
                f"at byte {exc.start}",
                label,
            ) from exc
        if not _visible(text):
            raise EmptyArticle("no visible text: the file holds only whitespace", label)
        return text, forced
    return decode_bytes(data, label, hint=_html_charset(data) if html else None)


def _extract_html(html: str, label: object) -> tuple[str, dict[str, Any], date | None]:
    """Main text, metadata and publication date of an HTML page."""
    with _quiet_logs():
        try:
            import trafilatura  # imported here: slow, and it logs on import

            options = dict(
                with_metadata=True,
                include_comments=False,
                include_tables=False,
                favor_precision=False,
                date_extraction_params={"extensive_search": False, "original_date": True},
            )
            try:
                # Without pruning, trafilatura's fallback returns the menu of
                # a page that has no article ("Home World ...").
                doc = trafilatura.bare_extraction(html, prune_xpath=_PRUNE_XPATH, **options)
            except TypeError:  # an old trafilatura without prune_xpath
                doc = trafilatura.bare_extraction(html, **options)
        except ArticleError:
            raise
        except Exception as exc:
            raise ArticleError(f"trafilatura failed on the HTML ({type(exc).__name__}: {exc})", label) from exc
        published: date | None = None
        try:
            import htmldate

            found = htmldate.find_date(html, original_date=True, extensive_search=False)
            published = _parse_date(found) if found else None
        except Exception:  # a date is optional; htmldate must not break loading
            published = None
    if doc is None:
        fields: dict[str, Any] = {}
    elif hasattr(doc, "as_dict"):  # trafilatura >= 2: a Document
        fields = doc.as_dict()
    elif isinstance(doc, dict):  # trafilatura 1.x
        fields = doc
    else:
        fields = {k: getattr(doc, k, None) for k in ("text", "title", "author", "sitename", "url", "description", "language", "date")}
    main = fields.get("text") or ""
    if not isinstance(main, str) or not _visible(main):
        raise EmptyArticle("no main text could be extracted from the HTML page", label)
    meta: dict[str, Any] = {}
    for key, target in (
        ("title", "title"),
        ("author", "author"),
        ("sitename", "outlet"),
        ("url", "url"),
        ("hostname", "hostname"),
        ("description", "description"),
        ("language", "language"),
    ):
        value = fields.get(key)
        if isinstance(value, str) and value.strip():
            meta[target] = value.strip()
    if "language" not in meta:
        m = _HTML_LANG.search(html[:4096])
        if m:
            meta["language"] = m.group(1)
    if published is None and fields.get("date"):
        try:
            published = _parse_date(fields["date"])
        except ValueError:
            published = None
    title = meta.get("title")
    text = main
    if title and not _norm(main).startswith(_norm(title)):
        text = f"{title}\n\n{main}"
    return text, meta, published


def _norm(s: str) -> str:
    return " ".join(s.split()).casefold()


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


# ---------------------------------------------------------------------------
# load_article
# ---------------------------------------------------------------------------


def _looks_like_path(s: str) -> bool:
    if "\n" in s or "\r" in s or len(s) >= _MAX_PATH_STR or not s.strip():
        return False
    try:
        if Path(s).expanduser().exists():
            return True
    except (OSError, ValueError):
        return False
    if s.lower().endswith(tuple(ARTICLE_EXTENSIONS)):
        return True
    return (os.sep in s or "/" in s) and " " not in s


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
    meta["published_source"] = origin
    meta.update(extra)
    return Document(text=text, meta=meta, published=chosen, source=str(path) if path is not None else None)


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
        they start with ``<!doctype html``/``<html``); or a ``str``. A ``str`` is
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
        raise TypeError(f"meta must be a mapping, not {type(meta).__name__}")
    if isinstance(source, (bytes, bytearray, memoryview)):
        return _guarded(lambda: _load_bytes(bytes(source), published, meta), None)
    if isinstance(source, str):
        if re.match(r"\s*https?://\S+\s*$", source):
            raise ArticleNotFound(
                "is a URL; the kit does not download pages: save the page and load the file",
                source.strip(),
            )
        if _looks_like_path(source):
            path = Path(source).expanduser()
            return _guarded(lambda: _load_path(path, published, meta), path)
        return _guarded(lambda: _load_text(source, published, meta), None)
    if isinstance(source, os.PathLike):
        path = Path(os.fspath(source)).expanduser()
        return _guarded(lambda: _load_path(path, published, meta), path)
    raise TypeError(
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


def _read_bytes(path: Path) -> bytes:
    try:
        if path.is_dir():
            raise ArticleError(
                "is a folder, not a file; use load_corpus() to read a folder of articles", path
            )
        if not path.exists():
            raise ArticleNotFound("no such file", path)
        return path.read_bytes()
    except ArticleError:
        raise
    except IsADirectoryError as exc:
        raise ArticleError("is a folder, not a file; use load_corpus() to read a folder of articles", path) from exc
    except FileNotFoundError as exc:
        raise ArticleNotFound("no such file", path) from exc
    except PermissionError as exc:
        raise ArticleError("cannot read the file: permission denied", path) from exc
    except OSError as exc:
        raise ArticleError(f"cannot read the file: {exc.strerror or exc}", path) from exc


def _kind_of(path: Path) -> str:
    ext = path.suffix.lower()
    if ext in HTML_EXTENSIONS:
        return "html"
    if ext in JSON_EXTENSIONS:
        return "json"
    if ext in JSONL_EXTENSIONS:
        return "jsonl"
    if ext in TEXT_EXTENSIONS:
        return "text"
    return "sniff"


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


# ---------------------------------------------------------------------------
# load_corpus / corpus_table
# ---------------------------------------------------------------------------

_GLOB_CHARS = re.compile(r"[*?\[]")


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


def _article_files(source: Any, pattern: str | None) -> list[Path]:
    """The files of a corpus, in a deterministic order; ArticleNotFound when none."""
    if isinstance(source, (str, os.PathLike)):
        s = os.fspath(source)
        p = Path(s).expanduser()
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
            matches = sorted(_glob.glob(os.path.expanduser(s), recursive=True))
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
        raise TypeError("load_corpus() needs a folder, a glob or a list of paths, not bytes")
    if isinstance(source, Iterable):
        files = []
        for item in source:
            ip = Path(os.fspath(item)).expanduser()
            if ip.is_dir():
                files.extend(_walk(ip, pattern))
            elif not pattern or fnmatch.fnmatch(ip.name, pattern):
                files.append(ip)
        if not files:
            raise ArticleNotFound("no article files in the given list of paths")
        return files
    raise TypeError(
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


_ERROR_POLICIES = ("raise", "warn", "skip")


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
