"""Article files: which files are articles, how a file is read, and how its bytes
become text (:func:`~analysis_utils.text.decoding.decode_bytes`, or the encoding a
sidecar names). Part of :mod:`analysis_utils.text.loading`."""
from __future__ import annotations

import os
from pathlib import Path

from .decoding import _BOMS, _visible, decode_bytes
from .html_pages import _html_charset
from ..errors import ArticleError, ArticleNotFound, DecodingError, EmptyArticle

TEXT_EXTENSIONS = frozenset({".txt", ".text", ".md"})
HTML_EXTENSIONS = frozenset({".html", ".htm", ".xhtml"})
JSON_EXTENSIONS = frozenset({".json"})
JSONL_EXTENSIONS = frozenset({".jsonl"})
#: File extensions :func:`load_corpus` picks up in a folder or glob.
ARTICLE_EXTENSIONS = frozenset(
    {".txt", ".text", ".md", ".html", ".htm", ".json", ".jsonl"}
)
_MAX_PATH_STR = 1024


def expand_user(path: str | os.PathLike[str]) -> Path:
    """``Path(path).expanduser()``; the path as given when ``~`` cannot be expanded (no such
    user, no home directory: ``~0``), so that the caller's "no such file" error follows."""
    try:
        return Path(path).expanduser()
    except RuntimeError:
        return Path(path)


def _looks_like_path(s: str) -> bool:
    if "\n" in s or "\r" in s or len(s) >= _MAX_PATH_STR or not s.strip():
        return False
    try:
        if expand_user(s).exists():
            return True
    except (OSError, ValueError):
        return False
    if s.lower().endswith(tuple(ARTICLE_EXTENSIONS)):
        return True
    return (os.sep in s or "/" in s) and " " not in s


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
