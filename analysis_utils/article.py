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
    import pandas as pd

    from .timeline.published import PublicationDate


class Article(Document):
    """One news article: ``text``, ``meta``, ``published``, ``source`` (see
    :class:`~analysis_utils.text.document.Document`) and its analysis layers.

    Text layers (from :class:`Document`): :attr:`segments`, :attr:`sentences`,
    :attr:`blocks` (paragraphs), :attr:`quote_marks`. Analysis layers, with the default
    actor registry: :attr:`mentions`, :attr:`quotes`, :attr:`published_inferred`,
    :attr:`timexes`, :attr:`events`, :attr:`sentiment_evidence`,
    :attr:`actor_sentiment`. Each is computed on first use, from the layers below it,
    and kept; the functions behind them (``find_mentions(article)`` ...) return the
    same kept tables, so a notebook, a chart and ``analyze`` never compute one twice.
    Treat the tables as read-only (``.copy()`` one before changing it).
    """

    @classmethod
    def of(cls, doc: Document) -> "Article":
        """The ``Article`` of a loaded document (same text and metadata)."""
        if isinstance(doc, cls):
            return doc
        return cls(text=doc.text, meta=doc.meta, published=doc.published, source=doc.source, layout=doc.layout)

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

    @property
    def mentions(self) -> "pd.DataFrame":
        """Actor mentions: :func:`analysis_utils.actors.find_mentions`."""
        from .actors.mentions import find_mentions

        return find_mentions(self)

    @property
    def quotes(self) -> "pd.DataFrame":
        """Quotations and reported speech with speakers:
        :func:`analysis_utils.quotes.find_quotes_in_article`."""
        from .quotes.finder import find_quotes_in_article

        return find_quotes_in_article(self)

    @property
    def timexes(self) -> "pd.DataFrame":
        """Temporal expressions, anchored to the publication date (given or inferred):
        :func:`analysis_utils.timeline.find_timexes_in_article`."""
        from .timeline.timexes import find_timexes_in_article

        return find_timexes_in_article(self)

    @property
    def events(self) -> "pd.DataFrame":
        """Dated events: :func:`analysis_utils.timeline.events`."""
        from .timeline.event_table import events

        return events(self)

    @property
    def sentiment_evidence(self) -> "pd.DataFrame":
        """Every scored mention and quotation with the words behind its score:
        :func:`analysis_utils.sentiment.actors.sentiment_evidence`."""
        from .sentiment.actors import sentiment_evidence

        return sentiment_evidence(self)

    @property
    def actor_sentiment(self) -> "pd.DataFrame":
        """Sentiment per actor and voice: :func:`analysis_utils.sentiment.actors.actor_sentiment`."""
        from .sentiment.actors import actor_sentiment

        return actor_sentiment(self)


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
