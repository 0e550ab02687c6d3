"""Offline sentence splitting with exact character offsets.

A small, dependency-free splitter (regular expressions plus a little state
machine; no NLTK, no pysbd, nothing to download) tuned for scraped news text.
Every span is a pair of offsets ``(start, end)`` into the original string, with
``end`` exclusive, so ``text[start:end]`` is always the sentence exactly as it
appears in the source.

Guarantees of :func:`split_sentences` for any ``str``: spans are sorted,
non-overlapping, non-empty, inside the requested region, never begin or end
with whitespace (``str.isspace``), and together cover every non-whitespace
character of the region. It never raises.

Rules
-----
Paragraphs
    A blank line (two or more line breaks with only whitespace between them;
    ``\\r\\n`` counts as one line break) always ends a sentence. A single line
    break is just whitespace (wrapped text).

Terminal punctuation
    A boundary may follow a run of ``. ! ? …`` (also ``‼ ⁇ ⁈ ⁉``) plus any
    closing quotes or brackets right after it (``" ” ’ ' ) ] } »`` ...), when it
    is followed by whitespace and then a *plausible sentence start*: a letter
    that is not lowercase (so uppercase Latin/Cyrillic/Greek, and caseless
    scripts such as Hangul, kana or Han), a digit, an opening quote or bracket,
    or a currency/other symbol (bullets such as ``▲``). A lowercase
    continuation is never a boundary (``"We will win," he said.``,
    ``"Why?" she asked.``, ``wait... and see``).

Ellipses
    ``...`` / ``…`` followed by whitespace and a plausible start *is* a boundary
    (scraped headlines use it as a separator); followed by lowercase it is not.

CJK
    After ``。 ！ ？ ｡`` a boundary needs no whitespace: it is placed after the
    punctuation (and closing brackets such as ``」 』 ”``) whenever a letter,
    digit or opening bracket follows.

A single period ``.`` followed by whitespace and a plausible start is a
boundary unless the word before it is:

* a *strong* abbreviation that is never sentence-final -- titles (``Mr. Mrs.
  Ms. Dr. Prof. Sen. Rep. Gov. Gen. Col. Lt. Sgt. Capt. Adm. Amb. Pres. Rev.
  Hon.`` ...) and ``vs. e.g. i.e. cf. approx. viz.``;
* an *ambiguous* abbreviation: ``Inc. Co. Corp. Ltd. Jr. Sr. St. No. etc.
  dept.``, month abbreviations (``Jan. Feb. Mar. Apr. Jun. Jul. Aug. Sep.
  Sept. Oct. Nov. Dec.``), dotted acronyms (``U.S. U.K. U.N. E.U. D.C. a.m.
  p.m. Ph.D.``: letter groups of one or two letters joined by dots) and single
  capital initials (``J. Smith``, ``Kim J. Un``). After an ambiguous word the
  text splits **only** if the next word is a common sentence starter
  (``The He She It They We I This That But And In On At A An ...``, see
  ``SENTENCE_STARTERS``): ``at 2 a.m. on Tuesday`` and ``Jun. 24`` stay whole,
  ``arrived at 2 a.m. The next day`` splits;
* a number of at most three digits that opens the paragraph (a list marker).

Abbreviations with a leading capital (titles, months, company suffixes) are
only recognised when written with a capital (``Mr``, ``MR``), so ``... to mar.``
is not mistaken for ``Mar.``. Periods not followed by whitespace (decimals
``3.2%``, ``U.S.A.``, ``Node.js``, ``www.example.co.kr``) are not boundaries,
except:

Glued sentences
    ``visit.The Kremlin`` -- a run of two or more lowercase letters, a single
    ``. ! ?`` and then an uppercase letter followed by a lowercase letter -- is
    split after the punctuation, unless the word before contains ``. / @ :``
    or the text after the punctuation contains ``/ @`` (URLs, domains, e-mail,
    file paths) or the word is an abbreviation (``Mrs.Kim``).

Quotations
    A double-quoted passage stays whole: no boundary is placed strictly inside
    it, so ``He added, "From A. It is B." Then he left.`` gives two sentences
    and the first ends after the closing mark. Curly quotes ``“ ”`` (and the
    CJK corner brackets ``「」 『』``) are matched by direction; straight ``"``
    marks are matched by alternation within the paragraph, with one guard: a
    mark in opening position that can only be a closing mark (no space before
    it, space or punctuation after it, e.g. the inch mark in ``5'11"``) is
    skipped, and a mark in closing position that can only be an opening mark
    starts a new quote (the earlier one was stray). A quote that is not closed
    within its paragraph, or whose closing mark is more than 2,000 characters
    away, protects nothing, so a stray mark never glues the rest of the text
    together. Single quotes never protect (they double as apostrophes).

Long sentences
    A sentence longer than ``MAX_SENTENCE_CHARS`` (2,000) characters -- a page without
    sentence punctuation, a list, a run of garbage -- is cut at the last whitespace before
    the limit, so that no later layer reads an unbounded sentence.

Limitations: rule-based and English-centred; an ambiguous abbreviation
followed by a name (``... Apple Inc. Kim said``) does not split, a sentence
ending in a strong abbreviation never splits, and lists without blank lines
between items are kept as one sentence unless the items end in punctuation.

:func:`sentence_table` returns one row per sentence with the columns

``sentence_id``
    0..n-1 in text order (int).
``segment_id``
    The segment the sentence belongs to.
``kind``
    The segment's kind (one of ``SENTENCE_KINDS``).
``start``, ``end``
    Offsets into the article text, ``end`` exclusive.
``text``
    ``text[start:end]``.
"""
from __future__ import annotations

import re
import unicodedata

import pandas as pd

__all__ = [
    "MAX_SENTENCE_CHARS",
    "SENTENCE_COLUMNS",
    "SENTENCE_KINDS",
    "SENTENCE_STARTERS",
    "sentence_table",
    "split_sentences",
]

#: Segment kinds whose content is split into sentences.
SENTENCE_KINDS = ("headline", "subheadline", "body", "caption")

#: Columns of :func:`sentence_table`, in order.
SENTENCE_COLUMNS = ("sentence_id", "segment_id", "kind", "start", "end", "text")

#: Capitalised words that commonly open a sentence. After an *ambiguous*
#: abbreviation (``U.S.``, ``a.m.``, ``Inc.``, ``Jun.``, an initial ...) a
#: boundary is placed only when the next word is one of these.
SENTENCE_STARTERS = frozenset(
    """
    A An The This That These Those There Here It Its He His Him She Her They
    Their Them We Our Us I My Me You Your
    But And Or So Yet Nor Then Also Still Now Thus Hence Therefore However
    Meanwhile Moreover Furthermore Nevertheless Instead Otherwise Indeed
    In On At As By To For From With Without Of Under Over During Despite After
    Before Since Until Among Amid Through Against About Into
    If When While Whereas Although Though Because Once Unless Where What Why
    How Who Which Whose Whom
    Some Many Most All Both Each Every Several Few Such Other Another One No
    Not Only Even Last Next Earlier Later Today Yesterday Tomorrow According
    """.split()
)

# --- abbreviations ---------------------------------------------------------
# Lower-cased keys. "_CAP" sets only match words written with a capital first
# letter (Mr, MR); "_ANY" sets match in any case.
_STRONG_CAP = frozenset(
    """
    mr mrs ms messrs mmes mme mlle dr prof sen rep gov gen col lt sgt capt adm
    amb pres rev hon maj brig cmdr cpl pvt supt insp det atty
    """.split()
)
_STRONG_ANY = frozenset("vs v e.g i.e cf approx viz incl".split())
_AMBIG_CAP = frozenset(
    """
    inc co corp ltd llc plc bros jr sr st mt ft ave blvd rd no nos vol fig art
    sec ch dept univ assn
    jan feb mar apr jun jul aug sep sept oct nov dec
    """.split()
)
_AMBIG_ANY = frozenset("etc al dept est pp p min hr hrs".split())

_DOTTED_RE = re.compile(r"(?:[^\W\d_]{1,2}\.)+[^\W\d_]{1,2}")

# --- characters ------------------------------------------------------------
_LB_CLASS = "\\n\\x0b\\x0c\\x1c\\x1d\\x1e\\x85\\u2028\\u2029"
_LINEBREAK = rf"(?:\r\n|\r(?!\n)|[{_LB_CLASS}])"
_HWS = rf"[^\S\r{_LB_CLASS}]"
# A blank line: a line break, then (horizontal whitespace, line break) once or more.
_PARA_BREAK_RE = re.compile(rf"{_LINEBREAK}(?:{_HWS}*{_LINEBREAK})+")

_TERMINALS = ".!?…。！？｡‼⁇⁈⁉"
_CJK_TERMINALS = frozenset("。！？｡")
_CLOSERS = "\"'”’»)]}」』）】〕〉》›"
_OPENERS = "\"'“‘«([{「『（【〔〈《‹„¿¡"
_CAND_RE = re.compile(
    "[" + re.escape(_TERMINALS) + "]+([" + re.escape(_CLOSERS) + "]*)"
)
_ANY_TERMINAL_RE = re.compile("[" + re.escape(_TERMINALS) + "]")
_QUOTE_RE = re.compile("[\"“”「」『』]")
_TRAIL_PUNCT = ".,;:!?…\"'”’)]}»"
# Characters after a straight quote that mean "this mark closes something".
_AFTER_CLOSE = frozenset(".,;:!?…)]}»”’")
# Characters before a straight quote that mean "this mark opens something".
_BEFORE_OPEN = frozenset("([{«“‘—–-/:")

_MAX_QUOTE = 2000  # a quote longer than this protects nothing
#: a longer "sentence" is cut at whitespace into pieces of at most this many characters: no
#: sentence of real news comes near it (the longest of 600 real articles has 1,400); a run
#: of text without sentence punctuation does, and each layer above reads it sentence by sentence
MAX_SENTENCE_CHARS = 2000
_MAX_TOKEN = 40  # look-back window for the word before a period
_CURLY_PAIRS = {"“": "”", "「": "」", "『": "』"}
_CURLY_CLOSE = {v: k for k, v in _CURLY_PAIRS.items()}


def _plausible_start(ch: str) -> bool:
    """Can ``ch`` be the first character of a sentence?"""
    if ch.isalpha():
        return not ch.islower()
    if ch.isdigit() or ch in _OPENERS:
        return True
    return unicodedata.category(ch) in ("Sc", "So") or ch == "•"


def _abbrev_class(word: str) -> str | None:
    """``"strong"``, ``"ambiguous"`` or ``None`` for the word before a period."""
    if not word:
        return None
    low = word.lower()
    if low in _STRONG_ANY:
        return "strong"
    if low in _AMBIG_ANY:
        return "ambiguous"
    if word[0].isupper():
        if low in _STRONG_CAP:
            return "strong"
        if low in _AMBIG_CAP:
            return "ambiguous"
        if len(word) == 1 and word.isalpha():
            return "ambiguous"  # an initial: "J. Smith"
    if "." in word and _DOTTED_RE.fullmatch(word):
        return "ambiguous"  # U.S, a.m, D.C, Ph.D
    return None


def _next_word(para: str, k: int) -> str:
    """The word starting at ``k``, without opening quotes or trailing punctuation."""
    j = k
    stop = min(len(para), k + 40)
    while j < stop and not para[j].isspace():
        j += 1
    return para[k:j].lstrip(_OPENERS).rstrip(_TRAIL_PUNCT)


def _word_before(para: str, p: int) -> tuple[str, int]:
    """The whitespace-delimited token ending at ``p`` and its start index."""
    i = p
    lo = max(0, p - _MAX_TOKEN)
    while i > lo and not para[i - 1].isspace():
        i -= 1
    return para[i:p], i


def _period_splits(para: str, p: int, k: int) -> bool:
    """Decide a single ``.`` at ``p`` whose next sentence would start at ``k``."""
    token, i = _word_before(para, p)
    word = token.lstrip(_OPENERS + "—–-/")
    kind = _abbrev_class(word)
    if kind == "strong":
        return False
    if kind == "ambiguous":
        nxt = _next_word(para, k)
        return nxt in SENTENCE_STARTERS or (
            len(nxt) > 1 and nxt.isupper() and nxt.capitalize() in SENTENCE_STARTERS
        )
    if i == 0 and word.isdigit() and len(word) <= 3:
        return False  # "1. Introduction": a list marker
    return True


def _glued_splits(para: str, p: int, after: int) -> bool:
    """``visit.The``: decide a glued boundary at ``after`` (punctuation at ``p``)."""
    n = len(para)
    if not (
        p >= 2
        and after + 1 < n
        and para[p - 1].islower()
        and para[p - 2].islower()
        and para[p - 1].isalpha()
        and para[p - 2].isalpha()
        and para[after].isupper()
        and para[after + 1].islower()
    ):
        return False
    token, _ = _word_before(para, p)
    if any(c in token for c in "./@:"):
        return False  # a domain, URL, e-mail or path
    j = after
    stop = min(n, after + 80)
    while j < stop and not para[j].isspace():
        j += 1
    if "/" in para[after:j] or "@" in para[after:j]:
        return False
    if para[p] == ".":
        word = token.lstrip(_OPENERS + "—–-/")
        kind = _abbrev_class(word)
        if kind == "strong":
            return False
        if kind == "ambiguous":
            return _next_word(para, after) in SENTENCE_STARTERS
    return True


def _protected_ranges(para: str) -> list[tuple[int, int]]:
    """Ranges ``[lo, hi]`` of boundary positions that fall inside a quotation.

    A boundary at ``b`` is inside the quote opened at ``o`` and closed at ``c``
    when ``o < b <= c``.
    """
    pairs: list[tuple[int, int]] = []
    n = len(para)
    pending_straight = -1
    pending_curly: dict[str, int] = {}
    for m in _QUOTE_RE.finditer(para):
        i = m.start()
        ch = para[i]
        if ch == '"':
            prev = para[i - 1] if i > 0 else " "
            nxt = para[i + 1] if i + 1 < n else " "
            left_open = prev.isspace() or prev in _BEFORE_OPEN
            right_close = nxt.isspace() or nxt in _AFTER_CLOSE
            if pending_straight >= 0 and i - pending_straight > _MAX_QUOTE:
                pending_straight = -1  # too far: the earlier mark was stray
            if pending_straight < 0:
                if right_close and not left_open:
                    continue  # can only be a closing mark (or an inch mark): skip
                pending_straight = i
            elif left_open and not right_close:
                pending_straight = i  # can only open: the earlier mark was stray
            else:
                pairs.append((pending_straight, i))
                pending_straight = -1
        elif ch in _CURLY_PAIRS:
            pending_curly[ch] = i  # a new opening mark replaces an unclosed one
        else:
            opener = _CURLY_CLOSE[ch]
            o = pending_curly.pop(opener, -1)
            if o >= 0 and i - o <= _MAX_QUOTE:
                pairs.append((o, i))
    if not pairs:
        return []
    pairs.sort()
    merged: list[tuple[int, int]] = []
    for o, c in pairs:
        lo, hi = o + 1, c
        if merged and lo <= merged[-1][1] + 1:
            if hi > merged[-1][1]:
                merged[-1] = (merged[-1][0], hi)
        else:
            merged.append((lo, hi))
    return merged


def _paragraph_boundaries(para: str) -> list[int]:
    """Sentence boundaries (start offsets of following sentences) in a paragraph."""
    if not _ANY_TERMINAL_RE.search(para):
        return []
    n = len(para)
    cands: list[int] = []
    for m in _CAND_RE.finditer(para):
        p, after = m.start(), m.end()
        if after >= n:
            break
        punct = para[p : m.start(1)]
        k = after
        while k < n and para[k].isspace():
            k += 1
        if k >= n:
            break
        ch = para[k]
        if punct[-1] in _CJK_TERMINALS:
            if ch.isalnum() or ch in _OPENERS:
                cands.append(after)
            continue
        if k == after:  # no whitespace after the punctuation
            if len(punct) == 1 and after == m.start(1) and _glued_splits(para, p, after):
                cands.append(after)
            continue
        if not _plausible_start(ch):
            continue
        if punct == "." and not _period_splits(para, p, k):
            continue
        cands.append(after)
    if not cands:
        return []
    ranges = _protected_ranges(para)
    if not ranges:
        return cands
    out: list[int] = []
    r = 0
    for b in cands:
        while r < len(ranges) and ranges[r][1] < b:
            r += 1
        if r < len(ranges) and ranges[r][0] <= b:
            continue
        out.append(b)
    return out


def _emit(text: str, a: int, b: int, out: list[tuple[int, int]]) -> None:
    """Append ``text[a:b]`` trimmed of whitespace, if anything is left; a piece longer than
    :data:`MAX_SENTENCE_CHARS` is cut at the last whitespace before the limit (or at the
    limit when there is none), again and again."""
    piece = text[a:b]
    stripped = piece.strip()
    if not stripped:
        return
    s = a + (len(piece) - len(piece.lstrip()))
    e = s + len(stripped)
    while e - s > MAX_SENTENCE_CHARS:
        limit = s + MAX_SENTENCE_CHARS
        cut = limit
        while cut > s and not text[cut].isspace():
            cut -= 1
        if cut == s:  # no whitespace: one long token, cut at the limit
            out.append((s, limit))
            s = limit
        else:
            stop = cut
            while text[stop - 1].isspace():
                stop -= 1
            out.append((s, stop))
            s = cut
        while text[s].isspace():
            s += 1
    out.append((s, e))


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Split ``text[start:end]`` into sentences; return ``(start, end)`` offsets.

    Offsets index ``text`` itself (not the region) and ``end`` is exclusive.
    ``start`` and ``end`` follow slice semantics (clamped, negative values count
    from the end). Spans are sorted, non-overlapping, trimmed of whitespace and
    cover every non-whitespace character of the region; see the module
    docstring for the rules. Never raises for a ``str``; ``""`` gives ``[]``.

    >>> t = 'Mr. Kim arrived at 2 a.m. on Tuesday. "It is over. Go," he said.'
    >>> [t[s:e] for s, e in split_sentences(t)]
    ['Mr. Kim arrived at 2 a.m. on Tuesday.', '"It is over. Go," he said.']
    """
    if not isinstance(text, str) or not text:
        return []
    try:
        start, end, _ = slice(start, end).indices(len(text))
    except (TypeError, ValueError):
        start, end = 0, len(text)
    if start >= end:
        return []
    region = text[start:end]
    out: list[tuple[int, int]] = []
    para_start = 0
    paras: list[tuple[int, int]] = []
    for m in _PARA_BREAK_RE.finditer(region):
        paras.append((para_start, m.start()))
        para_start = m.end()
    paras.append((para_start, len(region)))
    for a, b in paras:
        if a >= b:
            continue
        para = region[a:b] if (a or b != len(region)) else region
        prev = 0
        for cut in _paragraph_boundaries(para):
            _emit(text, start + a + prev, start + a + cut, out)
            prev = cut
        _emit(text, start + a + prev, start + b, out)
    return out


def _empty_table(segment_dtype) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "sentence_id": pd.Series([], dtype="int64"),
            "segment_id": pd.Series([], dtype=segment_dtype),
            "kind": pd.Series([], dtype=str),
            "start": pd.Series([], dtype="int64"),
            "end": pd.Series([], dtype="int64"),
            "text": pd.Series([], dtype=str),
        }
    )


def sentence_table(text: str, segments: pd.DataFrame) -> pd.DataFrame:
    """One row per sentence of the sentence-bearing segments.

    Parameters
    ----------
    text:
        The article text that the segment offsets index.
    segments:
        A segment table with columns ``segment_id, kind, start, end`` and,
        optionally, ``content_start`` (where the segment's own content begins,
        e.g. after a headline repeated at the start of a caption; missing or
        NaN means ``start``). Only rows whose ``kind`` is in
        :data:`SENTENCE_KINDS` are used; ``text[content_start:end]`` of each is
        split with :func:`split_sentences`.

    Returns
    -------
    pandas.DataFrame
        Columns ``sentence_id, segment_id, kind, start, end, text`` in text
        order, ``sentence_id`` running 0..n-1. An empty table (with these
        columns and dtypes) when there is nothing to split.
    """
    from .paragraphs import paragraphs_of

    text = text if isinstance(text, str) else ""
    has_ids = segments is not None and "segment_id" in getattr(segments, "columns", ())
    seg_dtype = segments["segment_id"].dtype if has_ids else "int64"
    if (
        segments is None
        or len(segments) == 0
        or not {"kind", "start", "end"} <= set(segments.columns)
    ):
        return _empty_table(seg_dtype)
    return sentence_frame(text, sentence_rows(text, paragraphs_of(segments)), seg_dtype)


def sentence_rows(text: str, paragraphs: list) -> list[tuple[int, int, int, str]]:
    """``(start, end, segment_id, kind)`` of every sentence of the paragraphs whose kind
    is in :data:`SENTENCE_KINDS` (their analysed span, split with
    :func:`split_sentences`), in text order."""
    rows: list[tuple[int, int, int, int, str]] = []
    for order, p in enumerate(paragraphs):
        if p.kind not in SENTENCE_KINDS:
            continue
        for a, b in split_sentences(text, p.start, p.end):
            rows.append((a, b, order, p.segment_id, p.kind))
    rows.sort(key=lambda r: (r[0], r[1], r[2]))
    return [(a, b, sid, kind) for a, b, _, sid, kind in rows]


def sentence_frame(text: str, rows: list[tuple[int, int, int, str]], seg_dtype="int64") -> pd.DataFrame:
    """The sentences table (:data:`SENTENCE_COLUMNS`) of :func:`sentence_rows`."""
    if not rows:
        return _empty_table(seg_dtype)
    import numpy as np

    if (seg_dtype == "int64") if isinstance(seg_dtype, (str, np.dtype)) else False:
        from .frames import ints, strings, table

        return table({
            "sentence_id": np.arange(len(rows), dtype=np.int64),
            "segment_id": ints([r[2] for r in rows]),
            "kind": strings([r[3] for r in rows]),
            "start": ints([r[0] for r in rows]),
            "end": ints([r[1] for r in rows]),
            "text": strings([text[r[0] : r[1]] for r in rows]),
        })
    return pd.DataFrame(
        {
            "sentence_id": pd.Series(range(len(rows)), dtype="int64"),
            "segment_id": pd.Series([r[2] for r in rows], dtype=seg_dtype),
            "kind": pd.Series([r[3] for r in rows], dtype=str),
            "start": pd.Series([r[0] for r in rows], dtype="int64"),
            "end": pd.Series([r[1] for r in rows], dtype="int64"),
            "text": pd.Series([text[r[0] : r[1]] for r in rows], dtype=str),
        }
    )
