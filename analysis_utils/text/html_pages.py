"""HTML pages: the main text, metadata and publication date of a page (trafilatura and
htmldate, imported when a page is read), and the charset a page declares. Part of
:mod:`analysis_utils.text.loading`."""
from __future__ import annotations

import re
from datetime import date
from typing import Any

from .decoding import _quiet_logs, _visible
from .metadata import _parse_date
from ..errors import ArticleError, EmptyArticle

_HTML_START = re.compile(r"\s*<(?:!doctype\s+html|html[\s>])", re.IGNORECASE)
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
_PRUNE_XPATH = ["//nav", "//footer", "//aside"]
_HTML_LANG = re.compile(r"""<html[^>]*\slang\s*=\s*["']?([A-Za-z][A-Za-z0-9-]*)""", re.IGNORECASE)


def _html_charset(data: bytes) -> str | None:
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii", "replace") if m else None


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
