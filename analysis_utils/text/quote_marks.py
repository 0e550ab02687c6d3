"""Quotation marks: which characters open and close quotations, and what they enclose.

:func:`quote_spans` pairs the quotation marks of a text, paragraph by paragraph, and
returns one :class:`QuoteSpan` per quoted passage, with offsets into the text. It knows
nothing about speakers; :mod:`analysis_utils.quotes` decides what the passages are.

Marks
-----
Double family: ``"`` (straight), ``“ ”`` (curly), ``„ ‟``, ``« »`` and the doubled
single ``''`` of some newswire text (``''We're America,''``). Single family: ``'``,
``‘ ’``, ``‚``, ``‹ ›``.

Open or close is decided by the context, the glyph only breaking ties (scraped text
often has a mis-curled mark): a mark with space (or an opening bracket or dash) before
it and a character after it can open; a mark with a character before it and space or
punctuation after it can close.

Apostrophes are not quotation marks
-----------------------------------
A single mark between two letters or digits (``Canada's``, ``Park Ji-sung's``,
``don't``, ``O'Brien``) and an elision (``'90s``, ``'em``, ``'til``, ``rock 'n' roll``)
is an apostrophe. A mark after an ``s`` and before a space (``students' union``,
``Jones'``) is a plural possessive unless a single quotation is open and no better
closing mark follows it in the paragraph.

Nesting
-------
A quotation inside another (a ``'term'`` inside a ``"quote"``) gets ``depth`` 1 and
the index of its ``parent``; :mod:`~analysis_utils.quotes` reports only depth 0.

Paragraphs, line breaks, stray marks
------------------------------------
Marks are paired inside a paragraph. A quotation still open at the end of its
paragraph is

* **continued** when the next paragraph opens with a mark of the same family (the
  convention for a quotation running over several paragraphs: each paragraph opens
  with a mark and only the last one closes). The span ends at the paragraph end with
  ``continues=True``; the next paragraph's span has ``continued=True``.
* **bridged** over the break when the first mark of that family in the next paragraph
  closes, within :data:`MAX_BRIDGE` characters (a quotation broken by a line break).
* otherwise **stray**: a double-family opener yields a span to the end of its
  paragraph flagged ``unclosed=True`` when that is at most :data:`MAX_UNCLOSED`
  characters, and nothing otherwise; a stray single mark yields nothing. Stray
  closing marks yield nothing. Nothing ever runs past its paragraph (or the one
  bridged line break), so an unbalanced mark cannot swallow the rest of an article.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

MAX_BRIDGE = 400
MAX_UNCLOSED = 300

_MARK = re.compile(r"''|[\"“”„‟«»'‘’‚‹›]")
_DOUBLE = frozenset("\"“”„‟«»") | {"''"}
_OPEN_GLYPH = frozenset("“„‟«‘‚‹")
_CLOSE_GLYPH = frozenset("”»’›")
# characters after which a mark may open / before which a mark may close
_OPEN_CONTEXT = frozenset("([{<—–-/\u2014\u2013\u00a0") | frozenset("\"“„‟«'‘‚‹")
_CLOSE_CONTEXT = frozenset(".,;:!?)]}>—–-/…\u2014\u2013") | frozenset("\"”»'’›")
_ELISION = re.compile(r"(?:\d\d(?:s|’s|'s)?\b|em\b|til\b|cause\b|tis\b|twas\b|n['’]|bout\b|round\b|nother\b)",
                      re.IGNORECASE)


@dataclass
class QuoteSpan:
    """One quoted passage.

    ``open``/``close``: offsets of the opening mark and just after the closing mark
    (``close`` is the content end when there is no closing mark); ``start``/``end``:
    the content between the marks, whitespace-trimmed; ``family``: ``"double"`` or
    ``"single"``; ``mark``: the opening mark; ``paragraph``: index into the paragraph
    list given; ``depth``/``parent``: nesting; ``unclosed``/``continues``/``continued``:
    see the module docstring.
    """

    open: int
    close: int
    start: int
    end: int
    family: str
    mark: str
    paragraph: int
    depth: int = 0
    parent: int | None = None
    unclosed: bool = False
    continues: bool = False
    continued: bool = False


@dataclass
class _Mark:
    pos: int
    length: int
    glyph: str
    family: str
    can_open: bool
    can_close: bool
    weak_close: bool = False  # "students' " : a closer or a plural possessive


def _is_space(ch: str | None) -> bool:
    return ch is None or ch.isspace()


def _marks(text: str, start: int, end: int) -> list[_Mark]:
    out: list[_Mark] = []
    for m in _MARK.finditer(text, start, end):
        g = m.group()
        p, q = m.start(), m.end()
        prev = text[p - 1] if p > start else None
        nxt = text[q] if q < end else None
        family = "double" if g in _DOUBLE else "single"
        if prev is None and nxt is not None:
            out.append(_Mark(p, q - p, g, family, True, False))  # a paragraph opens with it
            continue
        left_ok = _is_space(prev) or prev in _OPEN_CONTEXT
        right_ok = _is_space(nxt) or nxt in _CLOSE_CONTEXT
        can_open = left_ok and not _is_space(nxt)
        can_close = right_ok and not _is_space(prev)
        weak = False
        if family == "single":
            if prev is not None and nxt is not None and prev.isalnum() and nxt.isalnum():
                continue  # apostrophe inside a word
            if can_open and _ELISION.match(text, q, end) and not (prev is not None and prev in "\"“"):
                continue  # '90s, 'em, rock 'n' roll
            if prev is not None and nxt is not None and prev in "nN" and text[p - 2:p - 1] in ("'", "’") \
                    and _is_space(nxt):
                continue  # the closing mark of 'n'
            if can_close and prev is not None and prev in "sSzZ" and _is_space(nxt):
                weak = True
        if not can_open and not can_close:
            if family == "single":
                continue
            can_open = can_close = True  # a straight mark with space on both sides, or inside a word
        if can_open and can_close:
            # context cannot tell: the glyph decides when it has a direction
            if g in _OPEN_GLYPH:
                can_close = False
            elif g in _CLOSE_GLYPH:
                can_open = False
        out.append(_Mark(p, q - p, g, family, can_open, can_close, weak))
    return out


@dataclass
class _ParaResult:
    marks: list[_Mark]
    spans: list[QuoteSpan]
    open_left: list[tuple[_Mark, int]]  # unclosed openers at the end: (mark, stack depth)
    orphans: list[_Mark]  # closers that found no opener


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def _pair(text: str, marks: list[_Mark], para: int) -> _ParaResult:
    spans: list[QuoteSpan] = []
    stack: list[tuple[_Mark, int | None]] = []  # (mark, index of the span that will hold it)
    on_stack: dict[str, list[int]] = {}  # family -> its positions in ``stack``, in order
    orphans: list[_Mark] = []
    ahead = _closers_ahead(marks)
    for i, m in enumerate(marks):
        if m.can_close:
            mine = on_stack.get(m.family)
            idx = mine[-1] if mine else None  # the innermost open mark of this family
            if idx is not None and m.weak_close and ahead[i]:
                continue  # a plural possessive: a better closing mark follows
            if idx is not None and m.can_open and idx != len(stack) - 1 and m.family == "single":
                idx = None  # "'" inside an open inner quotation: let it open
            if idx is not None:
                opener, _ = stack[idx]
                del stack[idx:]  # openers above it never closed: stray
                for positions in on_stack.values():
                    while positions and positions[-1] >= idx:
                        positions.pop()
                a, b = _trim(text, opener.pos + opener.length, m.pos)
                spans.append(QuoteSpan(opener.pos, m.pos + m.length, a, b, opener.family, opener.glyph,
                                       para, depth=idx))
                continue
            if not m.can_open:
                if not m.weak_close:
                    orphans.append(m)
                continue
        if m.can_open:
            if m.family == "single" and m.weak_close:
                continue
            on_stack.setdefault(m.family, []).append(len(stack))
            stack.append((m, None))
    # nesting: parent = the smallest enclosing span
    spans.sort(key=lambda s: (s.open, -s.close))
    for k, j in enumerate(_enclosing(spans, lambda s: True)):
        s = spans[k]
        if j is None:
            s.depth = 0
        else:
            s.parent, s.depth = j, spans[j].depth + 1
    return _ParaResult(marks, spans, [(m, d) for d, (m, _) in enumerate(stack)], orphans)


def _enclosing(spans: list[QuoteSpan], eligible):
    """For each span of ``spans`` (sorted by open, then by close descending), in order: the
    index of the nearest span before it that encloses it (opens strictly before it, closes
    at or after it) and is ``eligible`` (read once the caller has seen the answer), else
    None. One pass over a stack of candidates whose closes never increase from bottom to
    top (a later span that closes as late or later hides an earlier one), searched by
    bisection: not a scan back over all earlier spans for each span."""
    cands: list[int] = []
    neg_close: list[int] = []  # -close of each candidate: sorted ascending
    for k, s in enumerate(spans):
        top = bisect_right(neg_close, -s.close) - 1  # the nearest candidate closing at or after s
        while top >= 0 and spans[cands[top]].open >= s.open:
            top -= 1  # opens with it: does not enclose it
        yield cands[top] if top >= 0 else None
        if eligible(s):
            keep = bisect_right(neg_close, -s.close)
            del cands[keep:], neg_close[keep:]
            cands.append(k)
            neg_close.append(-s.close)


def _closers_ahead(marks: list[_Mark]) -> list[bool]:
    """For each mark: does a strong closing mark of its family follow before a mark of the
    family that can only open? (One pass from the end.)"""
    out = [False] * len(marks)
    nxt: dict[str, bool] = {}  # family -> the answer for a mark just before the rest
    for i in range(len(marks) - 1, -1, -1):
        m = marks[i]
        out[i] = nxt.get(m.family, False)
        if m.can_close and not m.weak_close:
            nxt[m.family] = True
        elif m.can_open and not m.can_close:
            nxt[m.family] = False
    return out


def quote_spans(text: str, paragraphs: list[tuple[int, int]]) -> list[QuoteSpan]:
    """All quoted passages of ``text``, in text order (see the module docstring).

    ``paragraphs`` are ``(start, end)`` offsets, in order and not overlapping; marks
    outside them are ignored. Never raises for any string.
    """
    results = [_pair(text, _marks(text, a, b), k) for k, (a, b) in enumerate(paragraphs)]
    out: list[QuoteSpan] = []
    continued_at: dict[int, int] = {}  # paragraph -> offset of the mark that continues a quotation
    bridged: dict[int, tuple[_Mark, int]] = {}  # paragraph -> (opener, its paragraph)
    for k, res in enumerate(results):
        a, b = paragraphs[k]
        spans = list(res.spans)
        for s in spans:
            s.continued = continued_at.get(k) == s.open
        if k in bridged:
            opener, from_para = bridged.pop(k)
            closer = res.orphans[0]
            s, e = _trim(text, opener.pos + opener.length, closer.pos)
            spans.append(QuoteSpan(opener.pos, closer.pos + closer.length, s, e, opener.family,
                                   opener.glyph, from_para))
        top_open = [m for m, d in res.open_left if d == 0]
        if top_open:
            opener = top_open[0]
            inner = {x for sp in res.spans if sp.open > opener.pos for x in (sp.open, sp.close - 1)}
            bound = next((m.pos for m in res.marks if m.pos > opener.pos and m.family == opener.family
                          and m.pos not in inner and m.pos + m.length - 1 not in inner), b)
            s, e = _trim(text, opener.pos + opener.length, bound)
            is_cont = continued_at.get(k) == opener.pos
            nxt = results[k + 1] if k + 1 < len(results) else None
            first_next = _first_mark(nxt, opener.family) if nxt is not None else None
            na = paragraphs[k + 1][0] if nxt is not None else b
            nb = paragraphs[k + 1][1] if nxt is not None else b
            if bound == b and first_next is not None and first_next.can_open \
                    and first_next.pos == _skip_space(text, na, nb):
                spans.append(QuoteSpan(opener.pos, e, s, e, opener.family, opener.glyph, k,
                                       continues=True, continued=is_cont))
                continued_at[k + 1] = first_next.pos
            elif (bound == b and first_next is not None and nxt is not None and nxt.orphans
                  and nxt.orphans[0] is first_next and first_next.pos - na <= MAX_BRIDGE
                  and (opener.family == "double" or _single_break(text, b, na))):
                bridged[k + 1] = (opener, k)
            elif is_cont or (opener.family == "double" and 0 < e - s <= MAX_UNCLOSED):
                spans.append(QuoteSpan(opener.pos, e, s, e, opener.family, opener.glyph, k,
                                       unclosed=True, continued=is_cont))
        out.extend(spans)
    out.sort(key=lambda s: (s.open, -s.close))
    _renest(out)
    return out


def _renest(spans: list[QuoteSpan]) -> None:
    """Parents across paragraphs: the nearest top-level span that encloses each span."""
    for s in spans:
        s.parent, s.depth = None, 0
    for k, j in enumerate(_enclosing(spans, lambda s: s.depth == 0)):
        if j is not None:
            spans[k].parent, spans[k].depth = j, 1


def _first_mark(res: _ParaResult, family: str) -> _Mark | None:
    cands = [m for m in res.orphans if m.family == family]
    cands += [_Mark(s.open, 1, s.mark, s.family, True, False) for s in res.spans if s.family == family]
    cands += [m for m, _ in res.open_left if m.family == family]
    return min(cands, key=lambda m: m.pos) if cands else None


def _skip_space(text: str, a: int, b: int) -> int:
    while a < b and text[a].isspace():
        a += 1
    return a


def _single_break(text: str, a: int, b: int) -> bool:
    return text.count("\n", a, b) <= 1 and text.count("\r", a, b) <= 1
