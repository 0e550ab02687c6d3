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
from typing import Any

import pandas as pd

from .slugs import safe_slug, slugify  # noqa: F401  (slugify kept importable from here)

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
    """

    text: str
    meta: dict[str, Any] = field(default_factory=dict)
    published: date | None = None
    source: str | None = None

    def __repr__(self) -> str:  # keep notebook output short
        head = (self.headline or self.text[:60]).strip()
        return f"{type(self).__name__}({head!r}, published={self.published}, chars={len(self.text)})"

    @cached_property
    def segments(self) -> pd.DataFrame:
        """Lossless segments; see :func:`analysis_utils.text.segments.segment_text`."""
        from .segments import segment_text

        return segment_text(self.text, title=self.meta.get("title"))

    @cached_property
    def sentences(self) -> pd.DataFrame:
        """Sentences; see :func:`analysis_utils.text.sentences.sentence_table`."""
        from .sentences import sentence_table

        return sentence_table(self.text, self.segments)

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
    return pd.DataFrame(rows, columns=["field", "value"]).astype({"value": "string"})
