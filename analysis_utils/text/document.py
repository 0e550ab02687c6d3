"""A :class:`Document`: original text plus metadata, with its text layers built once.

A ``Document`` is immutable. Its layers (``segments``, ``sentences``) are pure functions
of ``text`` and are computed once, on first use, and kept. The analysis layers above the
text (mentions, quotes, dates, sentiment) live on :class:`analysis_utils.article.Article`,
a ``Document`` with more layers; functions of the lower layers accept either.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING, Any, Callable, Hashable

import pandas as pd

from ..errors import InputTypeError
from .deadline import check_deadline
from .slugs import safe_slug, slugify  # noqa: F401  (slugify kept importable from here)

if TYPE_CHECKING:  # pragma: no cover
    from .paragraphs import Paragraph
    from .quote_marks import QuoteSpan
    from .spans import SpanLookup

LAYOUTS = ("page", "plain")


@dataclass(frozen=True, eq=False)
class Document:
    """One text with its metadata and text layers.

    Attributes
    ----------
    text:
        The original text, exactly as read (after decoding). Every offset in every
        table of the kit indexes this string; ``end`` is exclusive.
    meta:
        Metadata: ``outlet``, ``language``, ``source_note``, ``title``, ``url``,
        ``encoding`` (how the file was decoded), ``path`` ... whatever is known.
    published:
        Publication date, from the caller, the sidecar or HTML metadata;
        ``None`` when unknown.
    source:
        The path the article was read from, or ``None`` for a string.
    layout:
        ``"page"`` (default): a page as scraped or loaded, segmented by
        :func:`~analysis_utils.text.segments.segment_text`; ``"plain"``: plain text
        (a sentence, a clean body) given to a text-level function, segmented by
        :func:`~analysis_utils.text.paragraphs.plain_segments`. See
        :mod:`analysis_utils.text.paragraphs`.

    Layers
    ------
    Each layer is computed on first use and kept: :attr:`segments`, :attr:`sentences`,
    :attr:`blocks` (the paragraphs the analyses read), :attr:`quote_marks` (the quoted
    passages). The layers above the text are kept by :meth:`layer`. Layers are shared:
    treat the tables as read-only (``.copy()`` one before changing it).
    """

    text: str
    meta: dict[str, Any] = field(default_factory=dict)
    published: date | None = None
    source: str | None = None
    layout: str = "page"

    def __post_init__(self):
        if not isinstance(self.text, str):
            raise InputTypeError(f"text must be a str, not {type(self.text).__name__}")
        if self.layout not in LAYOUTS:
            raise ValueError(f"layout must be one of {LAYOUTS}, not {self.layout!r}")

    @classmethod
    def with_segments(cls, text: str, segments: pd.DataFrame, **kw) -> "Document":
        """A document whose segmentation is given (a table like :attr:`segments`)."""
        doc = cls(text, **kw)
        doc.__dict__["segments"] = segments
        return doc

    def layer(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        """The layer ``key``: ``compute()`` on first use, kept for every later call.

        Functions of the layers above the text store their result here, keyed by their
        name and the arguments that change it, so that each is computed once per
        document whoever asks for it first.
        """
        cache = self.__dict__.setdefault("_layers", {})
        if key not in cache:
            check_deadline()  # under a time limit (the corpus command), stop between layers
            cache[key] = compute()
        return cache[key]

    def __repr__(self) -> str:  # keep notebook output short
        head = (self.headline or self.text[:60]).strip()
        return f"{type(self).__name__}({head!r}, published={self.published}, chars={len(self.text)})"

    @cached_property
    def segment_rows(self) -> list[tuple]:
        """The segments as tuples ``(kind, start, end, repeats_headline, content_start,
        rule)`` (``segment_id`` is the position): :attr:`segments` without pandas."""
        if self.layout == "plain":
            from .paragraphs import plain_segment_rows

            return plain_segment_rows(self.text)
        from .html_blocks import block_segment_rows
        from .segments import segment_rows

        if self.meta.get("html_blocks"):  # the typed blocks of an HTML page (html_blocks)
            return block_segment_rows(self.text, self.meta["html_blocks"], self.meta.get("title"))
        return segment_rows(self.text, title=self.meta.get("title"))

    @cached_property
    def segments(self) -> pd.DataFrame:
        """Lossless segments; see :func:`analysis_utils.text.segments.segment_text`
        (``layout="plain"``: :func:`analysis_utils.text.paragraphs.plain_segments`)."""
        from .segments import segments_frame

        return segments_frame(self.text, self.segment_rows)

    @cached_property
    def blocks(self) -> list["Paragraph"]:
        """The paragraphs: one :class:`~analysis_utils.text.paragraphs.Paragraph` per
        non-blank segment, with the span the analyses read (empty for a segment they
        skip)."""
        from .paragraphs import paragraphs_of, paragraphs_of_rows

        if "segments" in self.__dict__ and "segment_rows" not in self.__dict__:
            return paragraphs_of(self.segments)  # segments given by the caller
        return paragraphs_of_rows([(r[0], r[1], r[2], r[4], k, r[5]) for k, r in enumerate(self.segment_rows)])

    @cached_property
    def sentence_rows(self) -> list[tuple[int, int, int, str]]:
        """``(start, end, segment_id, kind)`` of every sentence (``sentence_id`` is the
        position): :attr:`sentences` without pandas."""
        from .sentences import sentence_rows

        return sentence_rows(self.text, self.blocks)

    @cached_property
    def sentences(self) -> pd.DataFrame:
        """Sentences; see :func:`analysis_utils.text.sentences.sentence_table`."""
        from .sentences import sentence_frame

        return sentence_frame(self.text, self.sentence_rows)

    @cached_property
    def sentence_spans(self) -> list[tuple[int, int, int]]:
        """``(start, end, segment_id)`` of every sentence, in order (``sentence_id`` is
        the position)."""
        return [(a, b, seg) for a, b, seg, _ in self.sentence_rows]

    @cached_property
    def sentence_starts(self) -> list[int]:
        """The start of every sentence, in order (for ``bisect``)."""
        return [r[0] for r in self.sentence_rows]

    @cached_property
    def quote_marks(self) -> list["QuoteSpan"]:
        """Every quoted passage of the paragraphs the analyses read
        (:func:`analysis_utils.text.quote_marks.quote_spans`, the one quotation-mark
        reader), in text order."""
        from .quote_marks import quote_spans

        return quote_spans(self.text, [(p.start, p.end) for p in self.blocks])

    @cached_property
    def quote_mark_lookup(self) -> "SpanLookup":
        """:attr:`quote_marks` as spans ``(open, close)`` indexed for range queries
        (:class:`analysis_utils.text.spans.SpanLookup`)."""
        from .spans import SpanLookup

        return SpanLookup((q.open, q.close) for q in self.quote_marks)

    @cached_property
    def warnings(self) -> list[str]:
        """What a reader of the analyses should know about this text, in plain words.

        Today one case: a page in which no line reads as an article's own text (an index
        page, a login wall, a cookie notice). It yields no body, and every table built
        from the body is empty; the warning says so rather than counting the page's
        clutter as an article."""
        from .segments import page_warnings

        return page_warnings(self.text, self.segment_rows)

    @cached_property
    def headline(self) -> str | None:
        """The headline line of the text, else the metadata title, else ``None``."""
        seg = self.segments
        rows = seg[seg["kind"] == "headline"]
        if len(rows):
            return str(rows.iloc[0]["text"]).strip()
        title = self.meta.get("title")
        return str(title).strip() if title else None

    @property
    def deck(self) -> list[str]:
        """The deck: subheadline lines directly under the headline."""
        seg = self.segments
        return [str(t).strip() for t in seg.loc[seg["kind"] == "subheadline", "text"]]

    @property
    def paragraphs(self) -> pd.DataFrame:
        """Body paragraphs: the ``body`` rows of :attr:`segments`."""
        seg = self.segments
        return seg[seg["kind"] == "body"].reset_index(drop=True)

    @property
    def slug(self) -> str:
        """A safe, stable name for this article's output folder: the sidecar's ``slug``,
        else the file name, else the headline, through :func:`~analysis_utils.text.slugs.safe_slug`
        (a Hangul or emoji name gets a short hash, so two articles never share a folder)."""
        if self.meta.get("slug"):
            raw = str(self.meta["slug"])
        elif self.source:
            from pathlib import Path

            raw = Path(self.source).stem
        else:
            raw = self.headline or self.text[:60]
        return safe_slug(raw)


def article_summary(article: Document) -> pd.DataFrame:
    """A two-column table (``field, value``) describing an article at a glance."""
    seg = article.segments
    rows = [
        ("headline", article.headline or "(none found)"),
        ("deck", " / ".join(article.deck) or "(none)"),
        ("outlet", article.meta.get("outlet") or "(unknown)"),
        ("published", str(article.published) if article.published else "(unknown)"),
        ("source", article.source or "(text given directly)"),
        ("encoding", article.meta.get("encoding") or "(n/a)"),
        ("characters", len(article.text)),
        ("segments (non-blank)", int((seg["kind"] != "blank").sum())),
        ("body paragraphs", int((seg["kind"] == "body").sum())),
        ("sentences", len(article.sentences)),
    ]
    rows += [("warning", w) for w in article.warnings]
    return pd.DataFrame(rows, columns=["field", "value"]).astype({"value": "string"})
