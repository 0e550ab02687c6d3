"""Where a target stands: its sentence and its clause.

:func:`sentence_around` and :func:`clause_around` take a text (read as plain text);
:func:`sentence_in` and :func:`clause_in` the same in a
:class:`~analysis_utils.text.document.Document`, reading its sentences and quotation
marks (its layers, computed once) instead of finding them again.
"""
from __future__ import annotations

import bisect
import numbers

from ..text.clauses import clause_of
from ..text.document import Document


def _check_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Validate a span; return it as plain ints."""
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    for name, v in (("start", start), ("end", end)):
        if isinstance(v, bool) or not isinstance(v, numbers.Integral):
            raise TypeError(f"{name} must be an int, not {type(v).__name__}")
    if start < 0 or end > len(text) or start >= end:
        raise ValueError(
            f"invalid span [{start}, {end}) for a text of {len(text)} characters:"
            " need 0 <= start < end <= len(text)"
        )
    if not text[start:end].strip():
        raise ValueError(f"the target text[{start}:{end}] is empty or only whitespace")
    return int(start), int(end)


def _core(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without surrounding punctuation and spaces (never empty)."""
    s, e = start, end
    while s < e and not text[s].isalnum():
        s += 1
    while e > s and not text[e - 1].isalnum():
        e -= 1
    if s < e:
        return s, e
    s, e = start, end
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def sentence_in(doc: Document, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` of the sentence of ``doc`` holding ``text[start:end]``: one of
    :attr:`Document.sentences`, or the union of those the span touches; the span's own
    core when no sentence holds it (a credit line, page furniture)."""
    cs, ce = _core(doc.text, start, end)
    spans = doc.sentence_spans
    k = max(0, bisect.bisect_right(doc.sentence_starts, cs) - 1)
    hit = []
    while k < len(spans) and spans[k][0] < ce:
        if spans[k][1] > cs:
            hit.append(spans[k])
        k += 1
    if not hit:
        return cs, ce
    return min(hit[0][0], cs), max(hit[-1][1], ce)


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` of the sentence holding ``text[start:end]``.

    ``text`` is read as plain text (:class:`~analysis_utils.text.document.Document`
    with ``layout="plain"``: its lines are paragraphs, split into sentences with
    :func:`analysis_utils.text.sentences.split_sentences`); a span that crosses a
    sentence boundary gets the union of the sentences it touches. Always contains
    the span's non-space characters.
    """
    start, end = _check_span(text, start, end)
    return sentence_in(Document(text, layout="plain"), start, end)


def _sentence_span(doc: Document, start: int, end: int, sentence: tuple[int, int] | None) -> tuple[int, int]:
    """The caller's sentence span (checked to hold the target), else :func:`sentence_in`."""
    if sentence is None:
        return sentence_in(doc, start, end)
    lo, hi = (int(v) for v in sentence)
    cs, ce = _core(doc.text, start, end)
    if not (0 <= lo <= cs and ce <= hi <= len(doc.text)):
        raise ValueError(
            f"sentence span [{lo}, {hi}) does not hold the target text[{start}:{end}]"
        )
    return lo, hi


def quote_pairs(doc: Document, lo: int, hi: int) -> list[tuple[int, int]]:
    """Quoted passages of ``doc`` that overlap ``text[lo:hi]``, as ``(open, close)``:
    the offset of the opening mark and of the closing mark (the content's end when the
    quotation runs on into the next paragraph). From :attr:`Document.quote_marks` (the
    one quotation-mark reader): apostrophes are never marks, and a stray mark opens
    nothing. Sorted; nested pairs are kept."""
    text = doc.text
    out = []
    marks = doc.quote_marks
    for k in doc.quote_mark_lookup.overlapping(lo, hi):
        q = marks[k]
        if q.close <= lo or q.open >= hi or (q.unclosed and not q.continued):
            continue
        if q.continues or q.unclosed:
            c = q.close  # no closing mark in this paragraph
        else:
            c = q.close - (2 if text.startswith("''", q.close - 2) and q.mark == "''" else 1)
        out.append((q.open, c))
    out.sort()
    return out


def quote_spans(text: str, lo: int = 0, hi: int | None = None) -> list[tuple[int, int]]:
    """:func:`quote_pairs` of ``text`` read as plain text, within ``text[lo:hi]``."""
    hi = len(text) if hi is None else hi
    return [(o, c) for o, c in quote_pairs(Document(text, layout="plain"), lo, hi) if lo <= o and c < hi]


def clause_around(
    text: str, start: int, end: int, *, sentence: tuple[int, int] | None = None
) -> tuple[int, int]:
    """``(start, end)`` of the clause holding ``text[start:end]``.

    The clause is found inside the sentence (:func:`sentence_around`) by these
    rules, in order:

    1. **Quotes.** If the target stands inside a quoted passage (the text's quotation
       marks, :func:`quote_pairs`), the region shrinks to the quote's content. Otherwise,
       a *full* quotation (opened after a comma, colon or semicolon or at the start
       of the region, or closed with a comma, as in ``"We will win," he said``) is
       a clause of its own, so the target's clause
       is the narrator's part (``he said``); a quoted fragment inside a clause
       (``called it a "disaster"``) stays in it. Boundaries inside quotes that do
       not hold the target are ignored.
    2. **Boundaries.** The region is cut at semicolons, colons followed by a space,
       dashes between spaces (``-``, ``–``, ``—``, ``--``), before a comma followed by
       a conjunction (``and, or, so, nor`` and the contrast words), and before a
       contrast word without a comma (``but, however, although, though, whereas,
       while, yet, nevertheless, nonetheless, even though, even as, except that``).
       The contrast word stays at the head of its clause (``but Y attacked it``).
    3. **Pick.** The piece that holds the target's core (the span without
       surrounding punctuation) is the clause; if the target straddles a boundary,
       the pieces it touches are joined. Pieces with fewer than two words are
       merged into a neighbour. Surrounding spaces and separators are trimmed.

    ``sentence=(start, end)`` gives the sentence instead (e.g. from
    ``Article.sentences``); it must hold the target. The result always contains the
    target's core and lies inside the sentence.
    """
    start, end = _check_span(text, start, end)
    doc = Document(text, layout="plain")
    return clause_in(doc, start, end, _sentence_span(doc, start, end, sentence))


def clause_in(doc: Document, start: int, end: int, sentence: tuple[int, int]) -> tuple[int, int]:
    """:func:`clause_around` in a document whose sentence ``(lo, hi)`` holds the target
    (checked by the caller): :func:`analysis_utils.text.clauses.clause_of` with the
    document's quotation marks."""
    text = doc.text
    cs, ce = _core(text, start, end)
    lo, hi = sentence
    return clause_of(text, cs, ce, lo, hi, quote_pairs(doc, lo, hi))
