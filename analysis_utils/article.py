"""The :class:`Article`: a :class:`~analysis_utils.text.document.Document` with every
analysis layer, each computed once, on first use, and kept.

Layers, from the bottom up (each reads only the layers below it)::

    text -> segments -> sentences -> (quotation marks) -> mentions, quotes, timexes
         -> events, actor sentiment

:func:`load_article` and :func:`load_corpus` are the loaders of
:mod:`analysis_utils.text.loading`, returning ``Article`` objects.
"""
from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING, Any, Iterator

from .text import loading as _loading
from .text.document import Document, article_summary  # noqa: F401  (re-exported)
from .text.slugs import slugify  # noqa: F401  (kept importable from here)

if TYPE_CHECKING:  # pragma: no cover
    from .timeline.published import PublicationDate


class Article(Document):
    """One news article: ``text``, ``meta``, ``published``, ``source`` (see
    :class:`~analysis_utils.text.document.Document`) and its analysis layers."""

    @classmethod
    def of(cls, doc: Document) -> "Article":
        """The ``Article`` of a loaded document (same text and metadata)."""
        if isinstance(doc, cls):
            return doc
        return cls(text=doc.text, meta=doc.meta, published=doc.published, source=doc.source)

    @cached_property
    def published_inferred(self) -> "PublicationDate":
        """The date relative dates are anchored to, and where it came from.

        ``published`` when it is known (``inferred=False``); otherwise the date read
        from the text by :func:`analysis_utils.timeline.infer_published`
        (``inferred=True`` when the text pins a full date, else ``date=None``), with
        the evidence. See :class:`analysis_utils.timeline.PublicationDate`.
        """
        from .timeline.published import publication_date

        return publication_date(self)


def load_article(source: Any, *, published: Any = None, meta: Any = None) -> Article:
    """One :class:`Article`; arguments, precedence and errors as
    :func:`analysis_utils.text.loading.load_article`."""
    return Article.of(_loading.load_article(source, published=published, meta=meta))


def load_corpus(source: Any, *, errors: str = "warn", pattern: str | None = None) -> Iterator[Article]:
    """Many :class:`Article` objects, lazily; arguments and errors as
    :func:`analysis_utils.text.loading.load_corpus` (a source that matches nothing
    raises at once, not on iteration)."""
    docs = _loading.load_corpus(source, errors=errors, pattern=pattern)
    return (Article.of(d) for d in docs)
