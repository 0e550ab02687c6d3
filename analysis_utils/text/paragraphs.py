"""What a paragraph is: the one place that decides it.

Every layer above the text reads its paragraphs from here. A paragraph is a non-blank
segment of the text's segmentation (:attr:`Document.segments`); which segmentation
depends on what the text is:

* a **page** (an article as scraped or loaded): :func:`analysis_utils.text.segments.
  segment_text` types every line (headline, deck, body, caption, credit, page
  furniture ...); only ``headline``, ``subheadline``, ``body`` and ``caption`` segments
  are read by the analyses, captions from their ``content_start`` (after a repeated
  headline);
* **plain text** (a sentence, a clean article body given to a text-level function such
  as ``find_quotes(text)``, ``find_timexes(text)`` or ``target_sentiment(text, ...)``):
  :func:`plain_segments` — lines are paragraphs, a hard-wrapped line that runs on
  joins the next, and title-like lines above the first paragraph of prose (or a short
  Title-Case crosshead, or a one-line first paragraph) are headline lines. Nothing is
  page furniture.

:func:`paragraphs_of` turns either segmentation into :class:`Paragraph` objects.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from .line_rules import _TITLE_SMALL  # lower-case words a Title Case heading keeps

#: segment kinds whose text the analyses read
ANALYSED_KINDS = ("headline", "subheadline", "body", "caption")
#: headline and deck lines: read, but not split into sentences by the quote finder
HEAD_KINDS = ("headline", "subheadline")
#: rules of ``body`` segments that are headings (crossheads between paragraphs): part of
#: the article's text, read like headline lines (not speech, capitals prove nothing)
HEADING_RULES = ("crosshead", "html-crosshead")

_TERMINAL = ".!?…"


@dataclass(frozen=True)
class Paragraph:
    """One non-blank segment.

    ``index``: 0-based among the non-blank segments (the ``paragraph`` column of the
    quotes table); ``segment_id``: the segment; ``kind``: its kind; ``start``/``end``:
    the text the analyses read — from ``content_start`` to the segment's end, or an
    empty span (``start == end``) for a segment that is not read (a credit, page
    furniture); ``headline``: a headline or deck line, or a crosshead (a ``body``
    segment whose rule is one of :data:`HEADING_RULES`).
    """

    index: int
    segment_id: int
    kind: str
    start: int
    end: int
    headline: bool

    @property
    def analysed(self) -> bool:
        return self.end > self.start


def paragraphs_of(segments: pd.DataFrame) -> list[Paragraph]:
    """The paragraphs of a segments table (one per non-blank segment, in text order;
    a table without ``segment_id`` is numbered by its index)."""
    if segments is None or not len(segments):
        return []
    ids = segments["segment_id"].tolist() if "segment_id" in segments.columns else list(segments.index)
    content = segments["content_start"].tolist() if "content_start" in segments.columns else segments["start"].tolist()
    rules = segments["rule"].tolist() if "rule" in segments.columns else [""] * len(segments)
    rows = []
    for sid, kind, s, e, c, rule in zip(ids, segments["kind"].tolist(), segments["start"].tolist(),
                                        segments["end"].tolist(), content, rules):
        if pd.isna(s) or pd.isna(e):
            continue
        rows.append((kind, int(s), int(e), s if pd.isna(c) else int(c), sid, rule))
    return paragraphs_of_rows(rows)


def paragraphs_of_rows(rows: list[tuple]) -> list[Paragraph]:
    """The paragraphs of segment tuples ``(kind, start, end, content_start[, segment_id[,
    rule]])`` (``segment_id`` defaults to the position; a ``rule`` in
    :data:`HEADING_RULES` makes a ``body`` segment a heading)."""
    out: list[Paragraph] = []
    for k, row in enumerate(rows):
        kind, s, e, c = row[0], row[1], row[2], row[3]
        if kind == "blank":
            continue
        sid = row[4] if len(row) > 4 else k
        c = min(max(c, s), e)
        keep = kind in ANALYSED_KINDS
        head = kind in HEAD_KINDS or (len(row) > 5 and row[5] in HEADING_RULES)
        out.append(Paragraph(len(out), sid, kind, c if keep else e, e, head))
    return out


# --- plain text ----------------------------------------------------------------------------

def words_of(s: str) -> list[str]:
    """The words of ``s`` (whitespace-separated tokens with a letter or digit)."""
    return [w for w in s.split() if w.isalnum() or _ALNUM.search(w)]


_ALNUM = re.compile(r"[^\W_]")  # a letter or digit: what str.isalnum accepts, character by character


def title_case(words: list[str]) -> bool:
    """Nearly all content words capitalised (a title, a name)."""
    content = [w for w in words if w[:1].isalpha() and (len(w) > 3 or w[:1].isupper())]
    return bool(content) and sum(w[:1].isupper() for w in content) / len(content) >= 0.85


def _title_like(s: str) -> bool:
    """Title Case, or a short line that does not end like a sentence."""
    words = words_of(s)
    if not words or len(words) > 30:
        return False
    if title_case(words):
        return True
    end = s.rstrip().rstrip("\"'”’»)")
    return len(words) <= 15 and not end.endswith((".", ":", ";", ","))




def _prose_verb(words: list[str]) -> bool:
    """A sentence of prose, not a crosshead, though nearly all its words are capitalised
    names: more than six words, one of them a lower-case word of four letters or more
    (``Bernie Sanders campaigned for Hillary Clinton in New Hampshire``; a crosshead --
    ``Knack for Deals``, ``A Reclamation Plan`` -- capitalises every such word)."""
    return len(words) > 6 and any(w.islower() and len(w) > 3 and w not in _TITLE_SMALL for w in words)


def _quote_led(s: str) -> bool:
    return s.lstrip()[:1] in "\"“'‘«"


def _lines(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every non-blank line, without surrounding whitespace."""
    out = []
    for m in re.finditer(r"[^\r\n]+", text):
        a, b = m.span()
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a, b))
    return out


def _wrapped(text: str, prev: tuple[int, int], cur: tuple[int, int]) -> bool:
    """Does line ``cur`` continue line ``prev`` (hard-wrapped prose, not a new paragraph)?"""
    a, b = prev
    c, d = cur
    between = text[b:c]
    if between.count("\n") + between.count("\r") - between.count("\r\n") > 1:
        return False  # a blank line
    p, q = text[a:b], text[c:d]
    if q[0].islower():
        return True
    return len(p) >= 40 and p[-1] not in _TERMINAL + ":;\"'”’)" and not title_case(words_of(p)) \
        and len(p) <= 100


def plain_blocks(text: str) -> list[tuple[int, int, bool]]:
    """``(start, end, headline)`` of the paragraphs of a plain text (module docstring)."""
    paras: list[list[int]] = []
    prev = None
    for a, b in _lines(text):
        if prev is not None and _wrapped(text, prev, (a, b)):
            paras[-1][1] = b
        else:
            paras.append([a, b])
        prev = (a, b)
    out = []
    first_prose = next((k for k, (a, b) in enumerate(paras) if not _title_like(text[a:b])), None)
    for k, (a, b) in enumerate(paras):
        s = text[a:b]
        words = words_of(s)
        if first_prose is None or len(paras) < 2:
            head = False
        elif k < first_prose:
            head = k == 0 or not _prose_verb(words)  # title lines above the first paragraph of prose
        elif k == 0:
            head = len(words) <= 20 and len(paras) >= 3  # a one-line title ending in a full stop
        else:
            head = len(words) <= 12 and title_case(words) and not _quote_led(s) and not _prose_verb(words) \
                and not s.rstrip().endswith(":")  # "According to The Washington Post:" leads into a quotation
        out.append((a, b, head))
    return out


def plain_segments(text: str) -> pd.DataFrame:
    """A segments table for plain text (columns as :func:`~analysis_utils.text.segments.
    segment_text`): each paragraph of :func:`plain_blocks` is a ``body`` segment, or a
    ``headline`` (the first) or ``subheadline`` (the others) when it is a headline line;
    the whitespace between them forms ``blank`` segments. Lossless."""
    from .segments import segments_frame

    return segments_frame(text, plain_segment_rows(text))


def plain_segment_rows(text: str) -> list[tuple]:
    """The segments of :func:`plain_segments` as tuples ``(kind, start, end,
    repeats_headline, content_start, rule)``."""
    rows: list[tuple] = []
    pos = 0
    heads = 0
    for a, b, head in plain_blocks(text):
        if a > pos:
            rows.append(("blank", pos, a, False, pos, "whitespace"))
        kind = ("headline" if heads == 0 else "subheadline") if head else "body"
        heads += head
        rows.append((kind, a, b, False, a, "plain-headline" if head else "plain-paragraph"))
        pos = b
    if pos < len(text):
        rows.append(("blank", pos, len(text), False, pos, "whitespace"))
    return rows
