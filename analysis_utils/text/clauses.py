"""Clauses: where a sentence breaks, and the clause around a span. The one clause finder.

Two grains, one module:

* **Chunks** (:func:`clause_chunks`, :func:`chunk_around`): the stretches of a sentence
  between clause punctuation -- ``;`` ``:``, a comma before a space, a dash (``--``, an
  en or em dash, a hyphen between spaces), an ellipsis, a quotation mark, a parenthesis.
  The timeline reads a date's tense and its event label from its chunk.
* **The clause of a target** (:func:`clause_of`): a coarser cut for the sentiment toward
  a span: the sentence is cut at semicolons, colons before a space, dashes between
  spaces, a comma before a conjunction or a contrast word, and a contrast word; a full
  quotation is a clause of its own, a target inside a quotation has the quotation's
  content as its region, and pieces of fewer than two words join a neighbour. Plain
  commas do not end this clause: "Putin, who arrived on Tuesday, praised the deal"
  keeps its subject.

The quotation marks come from the document (:attr:`Document.quote_marks`), never
from pairing marks again here.
"""
from __future__ import annotations

import re
from bisect import bisect_left

# --- chunks -----------------------------------------------------------------------------------
CLAUSE_BREAK = re.compile(r"[;:]|,(?=\s)|\s[-–—]{1,2}\s|[–—]|\.{3,}|…|[\"“”]|\s\(|\)(?=\s)")
_CHUNK_STRIP = " \t\n.,;:!?'’\"“”()"


def clause_chunks(sentence: str) -> list[tuple[int, int]]:
    """Spans of ``sentence`` between clause punctuation (:data:`CLAUSE_BREAK`), empty
    chunks dropped."""
    out, pos = [], 0
    for m in CLAUSE_BREAK.finditer(sentence):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(sentence)))
    return [(s, e) for s, e in out if sentence[s:e].strip(_CHUNK_STRIP)]


def clause_breaks(sentence: str) -> tuple[list[int], list[int]]:
    """The starts and the ends of the clause breaks (:data:`CLAUSE_BREAK` matches) of
    ``sentence``, in order: found once, for many :func:`chunk_around` calls on it."""
    spans = [m.span() for m in CLAUSE_BREAK.finditer(sentence)]
    return [a for a, _ in spans], [b for _, b in spans]


def chunk_around(sentence: str, s: int, e: int,
                 breaks: tuple[list[int], list[int]] | None = None) -> tuple[int, int]:
    """``(left, right)``: from the end of the last clause break before ``s`` to the
    start of the first one after ``e`` (the sentence's ends when there is none).

    ``breaks``: :func:`clause_breaks` of ``sentence``, when several spans of one sentence
    are asked: each call then looks at a few characters around ``s`` and ``e`` instead
    of the sentence up to them (the same result)."""
    if breaks is None:
        breaks = clause_breaks(sentence)
    starts, ends = breaks
    # left: the last break of sentence[:s] (as cut there: a break that would look past
    # ``s``, ",", "..." or " -- " ending there, is read again on the cut text). A match
    # attempt at ``p`` reads at most ``p + 3`` (a dot run: to its end), so the sentence's
    # own breaks that start before ``b`` are those of the cut text too
    b = max(0, s - 3)
    if s > 0 and s <= len(sentence) and sentence[s - 1] == ".":
        while b > 0 and sentence[b - 1] == ".":
            b -= 1
    k = bisect_left(starts, b)
    left = ends[k - 1] if k else 0
    for m in CLAUSE_BREAK.finditer(sentence, max(b, left), s):
        left = m.end()
    # right: the first break starting at ``e`` or after; ``e`` inside a break of the
    # sentence may start one of its own there (".... " from its second dot)
    k = bisect_left(starts, e)
    if k and ends[k - 1] > e:
        for p in range(e, ends[k - 1]):
            if CLAUSE_BREAK.match(sentence, p):
                return left, p
    return left, (starts[k] if k < len(starts) else len(sentence))


# --- the clause of a target ---------------------------------------------------------------------
_CONTRAST = (
    r"but|however|although|though|whereas|while|yet|nevertheless|nonetheless"
    r"|even\s+though|even\s+as|except\s+that"
)
# A match is a boundary: the previous clause ends at its start, the next begins at its end
# (so a contrast word or conjunction opens the next clause). Every boundary starts with a
# space or one of ``; : , - —``; the lookahead says so first, which spares the engine
# trying each branch at every other character (the same matches, twice as fast).
_CUT_RE = re.compile(
    r"(?=[\s;:,\-—])(?:"
    r"(?P<semi>\s*[;]\s*)"
    r"|(?P<colon>\s*:\s+)"
    r"|(?P<dash>\s+[-–—]{1,2}\s+|\s*[—]\s*|\s*--\s*)"
    rf"|(?P<comma_conj>\s*,\s*)(?=(?:{_CONTRAST}|and|or|so|nor)\b)"
    rf"|(?P<conj>\s+)(?=(?:{_CONTRAST})\b))",
    re.IGNORECASE,
)
_CLAUSE_STRIP = " \t\r\n,;:-–—"


def scope_cuts(
    text: str, lo: int, hi: int, protected: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Clause boundaries in ``text[lo:hi]`` as ``(end_of_previous, start_of_next)``."""
    cuts = []
    for m in _CUT_RE.finditer(text, lo, hi):
        a, b = m.start(), m.end()
        if any(o < a < c for o, c in protected):
            continue
        cuts.append((a, b))
    return cuts


def quotation_cuts(
    text: str, lo: int, hi: int, quotes: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Boundaries around *full* quotations: those opened after a comma, colon or
    semicolon or at the start of the region, or closed with a comma (``"...," she
    said``). A quoted fragment inside a clause (``called it "a disaster"``) is not a
    boundary."""
    cuts = []
    for o, c in quotes:
        if o < lo or c >= hi:
            continue
        before = text[lo:o].rstrip()
        after = text[c + 1 : hi].lstrip()
        opened_full = not before or before[-1] in ",:;"
        closed_full = text[c - 1] == "," or after[:1] == ","
        if opened_full or closed_full:
            cuts.append((o, o))
            k = c + 1
            while k < hi and text[k] in ",.;:!?":
                k += 1
            cuts.append((k, k))
    return cuts


def clause_of(text: str, cs: int, ce: int, lo: int, hi: int, quotes: list[tuple[int, int]]) -> tuple[int, int]:
    """The clause holding the core ``text[cs:ce]`` of a target in the sentence
    ``text[lo:hi]`` (module docstring), with the quoted passages ``quotes`` that overlap
    the sentence as ``(open, close)`` mark offsets. Contains the core; lies inside the
    sentence."""
    inner = [(o, c) for o, c in quotes if o < cs and ce <= c]
    if inner:
        o, c = max(inner)  # innermost quote holding the target
        lo, hi = max(lo, o + 1), min(hi, c)
    others = [(o, c) for o, c in quotes if lo <= o and c < hi and not (o < cs and ce <= c)]
    protected = [(o, c) for o, c in others]
    cuts = scope_cuts(text, lo, hi, protected) + quotation_cuts(text, lo, hi, others)
    cuts.sort()
    pieces = []
    pos = lo
    for a, b in cuts:
        if a < pos:
            pos = max(pos, b)
            continue
        pieces.append((pos, a))
        pos = b
    pieces.append((pos, hi))
    pieces = [p for p in pieces if p[1] > p[0]]
    pieces = merge_short(text, pieces)
    touched = [(a, b) for a, b in pieces if a < ce and b > cs]
    if not touched:
        a, b = cs, ce
    else:
        a, b = min(touched[0][0], cs), max(touched[-1][1], ce)
    while a < cs and text[a] in _CLAUSE_STRIP:
        a += 1
    while b > ce and text[b - 1] in _CLAUSE_STRIP:
        b -= 1
    return a, b


_WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def merge_short(text: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join pieces of fewer than two words to the next piece (the last to the previous)."""
    out: list[tuple[int, int]] = []
    carry = None
    for a, b in pieces:
        if carry is not None:
            a = carry
            carry = None
        if _fewer_than_two_words(text, a, b):
            carry = a
            continue
        out.append((a, b))
    if carry is not None:
        if out:
            out[-1] = (out[-1][0], pieces[-1][1])
        else:
            out.append((carry, pieces[-1][1]))
    return out


def _fewer_than_two_words(text: str, a: int, b: int) -> bool:
    """Does ``text[a:b]`` hold fewer than two words (the scan stops at the second)?"""
    words = _WORD_RE.finditer(text, a, b)
    return next(words, None) is None or next(words, None) is None
