"""HTML pages: the main text, metadata and publication date of a page (trafilatura and
htmldate, imported when a page is read), and the charset a page declares. Part of
:mod:`analysis_utils.text.loading`."""
from __future__ import annotations

import re
from datetime import date
from typing import Any

from .decoding import _quiet_logs, _visible
from .html_blocks import page_blocks
from .metadata import _parse_date
from ..errors import ArticleError, EmptyArticle

# "<!doctype html" or "<html" first, or after other markup (an XML declaration, comments,
# a server's warnings) that starts the text and ends within its first 4,000 characters
_HTML_START = re.compile(r"\s*(?:<[a-z!?/][\s\S]{0,4000}?)?<(?:!doctype\s+html|html[\s>])", re.IGNORECASE)
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
# Pruned before extraction: page footers, asides, and navigation without paragraphs.
# Without the pruning of menus, trafilatura's fallback returns the menu of a page that has
# no article ("Home World ..."); a <nav> with paragraphs is left, for pages that wrap
# their article in one (pruning every <nav> lost those articles on the page benchmark).
_PRUNE_XPATH = ["//nav[not(.//p)]", "//footer", "//aside"]
#: block kinds that are main text: a page whose blocks have none of them has no article
_CONTENT_KINDS = ("body", "subheadline", "caption")
_HTML_LANG = re.compile(r"""<html[^>]*\slang\s*=\s*["']?([A-Za-z][A-Za-z0-9-]*)""", re.IGNORECASE)


def _html_charset(data: bytes) -> str | None:
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii", "replace") if m else None


def _extract_html(html: str, label: object) -> tuple[str, dict[str, Any], date | None]:
    """Main text, metadata and publication date of an HTML page.

    Returns ``(text, meta, published)``: the article text of :func:`.html_blocks.page_blocks`
    (title line, then one paragraph per block of trafilatura's XML tree) with its blocks in
    ``meta["html_blocks"]``; when the tree gives no text, trafilatura's plain text with the
    title line in front, and no blocks. Raises EmptyArticle when the page has no main text
    (or nothing but page furniture), ArticleError when trafilatura fails.
    """
    doc = _trafilatura_doc(html, label)
    with _quiet_logs():
        published: date | None = None
        try:
            import htmldate

            found = htmldate.find_date(html, original_date=True, extensive_search=False)
            published = _parse_date(found) if found else None
        except Exception:  # a date is optional; htmldate must not break loading
            published = None
    fields = _fields(doc)
    meta = _meta(fields, html)
    if published is None and fields.get("date"):
        try:
            published = _parse_date(fields["date"])
        except ValueError:
            published = None
    text, blocks = page_blocks(fields.get("body"), meta.get("title"))
    if _visible(text):
        if not any(b[2] in _CONTENT_KINDS for b in blocks):
            raise EmptyArticle("no main text could be extracted from the HTML page (only page furniture)", label)
        meta["html_blocks"] = blocks
        return text, meta, published
    main = fields.get("text") or fields.get("raw_text") or ""
    if not isinstance(main, str) or not _visible(main):
        raise EmptyArticle("no main text could be extracted from the HTML page", label)
    title = meta.get("title")
    if title and not _norm(main).startswith(_norm(title)):
        main = f"{title}\n\n{main}"
    return main, meta, published


def _trafilatura_doc(html: str, label: object) -> Any:
    """trafilatura's extraction of the page (its main text as an XML tree, and metadata),
    or ``None``. Raises ArticleError when trafilatura fails."""
    with _quiet_logs():
        try:
            import trafilatura  # imported here: slow, and it logs on import

            options = dict(
                output_format="xml",
                with_metadata=True,
                include_comments=False,
                include_tables=True,
                include_links=True,  # link text marks teasers and menus (html_blocks)
                favor_precision=False,
                date_extraction_params={"extensive_search": False, "original_date": True},
            )
            try:
                return trafilatura.bare_extraction(html, prune_xpath=_PRUNE_XPATH, **options)
            except TypeError:  # an old trafilatura without prune_xpath
                return trafilatura.bare_extraction(html, **options)
        except ArticleError:
            raise
        except Exception as exc:
            raise ArticleError(f"trafilatura failed on the HTML ({type(exc).__name__}: {exc})", label) from exc


def _fields(doc: Any) -> dict[str, Any]:
    """The fields of trafilatura's result (a Document, or a dict for trafilatura 1.x),
    ``body`` (the XML tree) included; ``{}`` for ``None``."""
    if doc is None:
        return {}
    if isinstance(doc, dict):  # trafilatura 1.x
        return doc
    names = ("text", "raw_text", "body", "title", "author", "sitename", "url", "hostname",
             "description", "language", "date")
    return {k: getattr(doc, k, None) for k in names}


def _meta(fields: dict[str, Any], html: str) -> dict[str, Any]:
    """The kit's metadata of trafilatura's fields (the language from ``<html lang>`` when
    trafilatura has none)."""
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
    return meta


def _norm(s: str) -> str:
    return " ".join(s.split()).casefold()
