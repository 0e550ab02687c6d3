"""What a line of a scraped page carries in plain text: the features of the line model.

:func:`line_matrix` turns the lines of a page into one row of numbers per line, read by
:mod:`analysis_utils.text.line_model` (whether a line is the article's own text) and by
``benchmarks/train_segments.py``, which learns that model. Features come in four groups:

* **the line itself** (:data:`OWN`): length in characters and words, stop-word ratio and
  count (the stop words of the model file, many languages), sentence punctuation at the
  end and inside, capitals, Title Case, digits, punctuation, a leading quotation mark or
  bullet, navigation separators, links, the kind a line rule gives it (copyright, credit,
  byline, timestamp, page furniture), commas, word length, prose, the blank lines above
  and below, how often the same line recurs on the page, words shared with the page's
  first line (a scraped page starts with its ``<title>``), a closing ellipsis, a date;
* **its place** (:data:`PLACE`): line position and the share of the page's words above
  it, its words against the page's longest line, whether it lies inside the page's
  densest run of prose (the best-scoring run of lines, prose counting for, short lines
  against) and how far from it, means of prose and length over three and ten lines each
  side, and its block (the run of lines without a blank line between them: lines, words,
  share of prose, place in the block);
* **its neighbours**: some own features (:data:`NEIGHBOUR`) of the lines two above to two
  below;
* **its words** (:data:`LEXICON`): the weights the model file gives words that mark the
  article's text or the page's clutter (learned in any language of the training pages).

Everything is computed once per page in one pass over its lines plus numpy arithmetic.
"""
from __future__ import annotations

import math
import re
from functools import lru_cache
from itertools import chain, repeat
from typing import Sequence

import numpy as np

from .line_rules import _CLOSERS, _TERMINAL, _word_tuple

_QUOTES_OPEN = "\"“„‘'«‹「『"
_BULLETS = "•·-–—*►▶■□●○◦→>"
_NAV = ("|", "•", "›", "»", " / ", "·")
_STRIP = ".,;:!?\"'“”„‘’«»()[]{}<>…-–—*#/|"
_SENTENCE_INSIDE = re.compile(r"[a-zäöüßàâçéèêëîïôûùüÿñæœáíóúãõа-яё]{2}[.!?…][\"'”’»]?\s+[^\W\d_]")
_DATE = re.compile(r"\b\d{1,4}[./-]\s?\d{1,2}[./-]\s?\d{2,4}\b|\b\d{1,2}:\d{2}\b")
_NUMBERED = re.compile(r"\d{1,2}[.)]\s")

#: the static kinds of :func:`analysis_utils.text.segments._static_kind`, one feature each
STATIC_KINDS = ("copyright", "credit", "byline", "timestamp", "boilerplate")

#: names of the own features, in column order
OWN = (
    "log_chars", "log_words", "stop_ratio", "log_stops", "ends_terminal", "ends_colon",
    "inner_sentences", "upper_ratio", "title_ratio", "digit_ratio", "punct_ratio",
    "starts_quote", "starts_bullet", "nav_separators", "link", *(f"rule_{k}" for k in STATIC_KINDS),
    "commas_per_word", "word_length", "prose", "gap_above", "gap_below", "log_repeats",
    "title_overlap", "ends_ellipsis", "has_date", "one_word",
)
#: own features also read from the neighbours two above to two below
NEIGHBOUR = ("log_words", "stop_ratio", "ends_terminal", "prose", "punct_ratio", "title_ratio",
             "rule_boilerplate", "gap_above")
#: features of place and neighbourhood, after the own features
PLACE = ("position", "words_above", "words_vs_longest", "in_dense_run", "run_distance",
         "prose_mean_3", "prose_mean_10", "words_mean_3", "words_mean_10", "page_log_lines",
         "page_prose_share", "block_log_lines", "block_log_words", "block_prose_share",
         "block_place")
#: features of the learned lexicon (the model file's word weights), after the neighbours
LEXICON = ("lex_mean", "lex_max", "lex_min", "lex_known", "lex_mean_3")
OFFSETS = (-2, -1, 1, 2)


def feature_names() -> list[str]:
    """The column names of :func:`line_matrix`, in order."""
    names = list(OWN) + list(PLACE)
    for k in OFFSETS:
        names += [f"{n}@{k:+d}" for n in NEIGHBOUR]
        names.append(f"exists@{k:+d}")
    return names + list(LEXICON)


_OWN_INDEX = {n: i for i, n in enumerate(OWN)}


def _key(s: str) -> str:
    return " ".join(s.casefold().split())


_TOKEN = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")


#: bits of :func:`_char_classes`: a letter (a capital letter has 2 as well), a digit, the
#: space " ", any white space (``str.isspace``), a navigation separator of one character
#: (of :data:`_NAV`), a comma
_LETTER, _CAPITAL, _DIGIT, _SPACE, _WHITE, _NAV_CHAR, _COMMA = 1, 2, 4, 8, 16, 32, 64


@lru_cache(maxsize=1)
def _char_classes() -> np.ndarray:
    """For every character of the Basic Multilingual Plane, bit flags: 1 letter, 2 capital
    letter (1 and 2 together), 4 digit, 8 space, 16 white space, 32 a one-character
    navigation separator, 64 a comma (the bits above); built once."""
    cls = np.zeros(0x10000, dtype=np.uint8)
    for cp in range(0x10000):
        c = chr(cp)
        if c.isalpha():
            cls[cp] = 3 if c.isupper() else 1
        elif c.isdigit():
            cls[cp] = 4
        elif c == " ":
            cls[cp] = 8
        if c.isspace():
            cls[cp] |= _WHITE
    for c in _NAV:
        if len(c) == 1:
            cls[ord(c)] |= _NAV_CHAR
    cls[ord(",")] |= _COMMA
    return cls


#: the columns of :func:`_line_counts`
_COUNTS = ("letters", "capitals", "digits", "spaces", "nav_chars", "commas", "long_words",
           "long_capitalised", "astral")

#: what joins the lines of a page into one string for page-wide scans: no pattern that is
#: run over the joined lines matches it, so no match runs from one line into the next
_JOIN = "\x00"


def _line_counts(texts: Sequence[str], joined: str) -> tuple[np.ndarray, np.ndarray]:
    """Counts of characters of every line, from one numpy pass over the page, and where each
    line starts in ``joined`` (``_JOIN.join(texts)``): an array of shape (lines,
    len(:data:`_COUNTS`)) and the starts.

    Columns: letters, capitals, digits and spaces (as :func:`char_counts`; characters beyond
    the Basic Multilingual Plane count as none of these), one-character navigation
    separators, commas, the words of ``str.split()`` of four characters or more that begin
    with a letter (as :func:`_title_ratio` counts them) and those of them that begin with a
    capital, and characters beyond the Basic Multilingual Plane."""
    n = len(texts)
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=n)
    starts = np.zeros(n, dtype=np.int64)
    starts[1:] = np.cumsum(lengths + 1)[:-1]
    cps = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32)
    size = len(cps)
    astral = cps > 0xFFFF
    any_astral = bool(astral.any())
    cls = _char_classes()[np.minimum(cps, 0xFFFF)]
    if any_astral:
        cls[astral] = 0
    white = (cls & _WHITE) > 0
    white[starts[1:] - 1] = True  # the joint ends a word as a line's end does
    solid = np.zeros(size + 3, dtype=bool)
    solid[:size] = ~white
    word_start = solid[:size].copy()
    word_start[1:] &= white[:-1]
    long_word = word_start & solid[1 : size + 1] & solid[2 : size + 2] & solid[3 : size + 3]
    letter = (cls & _LETTER) > 0
    capital = (cls & _CAPITAL) > 0
    if any_astral:  # a long word beginning beyond the Basic Multilingual Plane: ask str
        for p in np.flatnonzero(long_word & astral).tolist():
            c = chr(int(cps[p]))
            letter[p], capital[p] = c.isalpha(), c.isalpha() and c.isupper()
    long_word &= letter
    # one row per character (and a last row of zeros, where an empty last line starts); the
    # joints between lines have no flag, so the sums from one line's start to the next
    # line's start are the line's
    flags = np.zeros((size + 1, len(_COUNTS)), dtype=np.uint8)
    np.greater(cls[:, None] & _BITS, 0, out=flags[:size, :6])
    flags[:size, 6] = long_word
    flags[:size, 7] = long_word & capital
    flags[:size, 8] = astral
    return np.add.reduceat(flags, starts, axis=0, dtype=np.int64).astype(np.float64), starts


#: the bits of the first six columns of :func:`_line_counts`
_BITS = np.array([_LETTER, _CAPITAL, _DIGIT, _SPACE, _NAV_CHAR, _COMMA], dtype=np.uint8)


def char_counts(texts: Sequence[str]) -> np.ndarray:
    """Letters, capitals, digits and spaces of every line: shape (lines, 4). Characters
    beyond the Basic Multilingual Plane count as none of these."""
    if not len(texts):
        return np.zeros((0, 4))
    return _line_counts(texts, _JOIN.join(texts))[0][:, :4]


def tokens(s: str) -> list[str]:
    """The words of a line as the features count them: runs of letters and digits (joined
    by an apostrophe or a hyphen), case-folded."""
    return _TOKEN.findall(s.casefold())


def _page_tokens(texts: Sequence[str], folded: Sequence[str]) -> list[list[str]]:
    """The :func:`tokens` of every line (``folded``: each line case-folded). For a line in
    ASCII they are its words (:func:`~analysis_utils.text.line_rules._word_tuple`, which the
    line rules have mostly found already) in lower case: case-folding ASCII lowers it and
    changes no character's being a letter, a digit or neither, so the pattern matches the
    same runs."""
    out = []
    for t, f in zip(texts, folded):
        if t.isascii():
            w = _word_tuple(t)
            out.append(" ".join(w).lower().split(" ") if w else [])
        else:
            out.append(_TOKEN.findall(f))
    return out


def _flat_words(words: Sequence[list[str]]) -> tuple[list[str], np.ndarray, np.ndarray]:
    """The words of all lines in one list, the line of each and the number of each line's."""
    lens = np.fromiter(map(len, words), dtype=np.int64, count=len(words))
    flat = list(chain.from_iterable(words))
    return flat, np.repeat(np.arange(len(words)), lens), lens


def _line_of(starts: np.ndarray, positions: list[int]) -> np.ndarray:
    """The line (index into ``starts``, the lines' starts in the joined page) of each
    position."""
    return np.searchsorted(starts, positions, side="right") - 1


#: one navigation separator of several characters (the others are counted by
#: :func:`_line_counts`)
_NAV_LONG = re.compile(" / ")


def own_features(
    texts: Sequence[str],
    kinds: Sequence[str | None],
    gaps: Sequence[int],
    stopwords: frozenset[str] | set[str],
    words: Sequence[list[str]] | None = None,
    folded: Sequence[str] | None = None,
) -> np.ndarray:
    """The own features (:data:`OWN`) of every line: an array of shape (lines, len(OWN)).

    ``texts`` are the lines (stripped), ``kinds`` the kind a line rule gave each (or
    None), ``gaps`` the number of blank lines above each line (the first line's gap is
    the blank lines before it), ``words`` the :func:`tokens` of each line and ``folded``
    each line case-folded (both computed when not given).

    Counts of characters come from one numpy pass over the page (:func:`_line_counts`);
    patterns that look inside lines run once over the page's lines joined by
    :data:`_JOIN`, or only on the lines that hold what they need (a digit for a date)."""
    n = len(texts)
    if not n:
        return np.zeros((0, len(OWN)))
    if folded is None:
        folded = [t.casefold() for t in texts]
    if words is None:
        words = [_TOKEN.findall(f) for f in folded]
    joined = _JOIN.join(texts)
    counts, starts = _line_counts(texts, joined)
    letters, upper, digits, spaces, nav, commas, long_words, long_caps, astral = counts.T

    def col(values) -> np.ndarray:
        return np.fromiter(values, dtype=np.float64, count=n)

    chars = col(map(len, texts))
    flat, line_ids, nw_int = _flat_words(words)
    nw = nw_int.astype(np.float64)
    stops = np.bincount(line_ids, weights=np.fromiter(map(stopwords.__contains__, flat), dtype=np.float64,
                                                       count=len(flat)), minlength=n)
    cores = [t.rstrip(_CLOSERS) for t in texts]
    lasts = [c[-1:] for c in cores]
    terminal = col(bool(x) and x in _TERMINAL for x in lasts)
    firsts = [t[:1] for t in texts]
    counts_of: dict[str, int] = {}
    keys = [" ".join(f.split()) for f in folded]  # (:func:`_key`)
    for k in keys:
        counts_of[k] = counts_of.get(k, 0) + 1
    first = set(words[0])
    out = np.zeros((n, len(OWN)), dtype=np.float64)
    out[:, 0] = np.log1p(chars)
    out[:, 1] = np.log1p(nw)
    out[:, 2] = _ratio(stops, nw)
    out[:, 3] = np.log1p(stops)
    out[:, 4] = terminal
    out[:, 5] = col(x == ":" for x in lasts)
    inner = np.zeros(n)
    found = [m.start() for m in _SENTENCE_INSIDE.finditer(joined)]
    if found:
        inner = np.bincount(_line_of(starts, found), minlength=n).astype(np.float64)
        inner[nw < 6] = 0.0
    out[:, 6] = np.log1p(inner)
    out[:, 7] = _ratio(upper, letters)
    out[:, 8] = _ratio(long_caps, long_words)  # (:func:`_title_ratio`)
    out[:, 9] = _ratio(digits, chars)
    out[:, 10] = _ratio(chars - letters - digits - spaces, chars)
    out[:, 11] = col(bool(f) and f in _QUOTES_OPEN for f in firsts)
    # (a numbered item begins with a decimal digit, which ``\d`` is)
    out[:, 12] = col((bool(f) and f in _BULLETS) or (f.isdecimal() and _NUMBERED.match(t) is not None)
                     for f, t in zip(firsts, texts))
    if " / " in joined:
        nav = nav.copy()
        np.add.at(nav, _line_of(starts, [m.start() for m in _NAV_LONG.finditer(joined)]), 1.0)
    out[:, 13] = np.log1p(nav)
    out[:, 14] = col("http" in t or "www." in t or "@" in t for t in texts)
    for i, kind in enumerate(kinds):
        if kind in _KIND_COLUMN:
            out[i, _KIND_COLUMN[kind]] = 1.0
    out[:, 20] = _ratio(commas, nw)
    out[:, 21] = np.minimum(_ratio(letters, nw), 20.0) / 10.0
    out[:, 22] = ((nw >= 8) & (terminal > 0)) | (nw >= 40)
    g = np.minimum(np.asarray(gaps[:n], dtype=np.float64), 3) / 3
    out[:, 23] = g
    out[:-1, 24] = g[1:]
    out[-1, 24] = 1.0
    out[:, 25] = np.log1p(col(counts_of[k] - 1 for k in keys))
    out[1:, 26] = col((len(first.intersection(w)) / len(set(w)) if w and i else 0.0) for i, w in enumerate(words))[1:]
    out[:, 27] = col(c.endswith(("...", "…")) for c in cores)
    # a date needs a digit (``\d`` is a decimal digit; beyond the Basic Multilingual Plane
    # digits are not counted, so lines with such characters are searched too)
    for i in np.flatnonzero((chars < 200) & ((digits > 0) | (astral > 0))).tolist():
        out[i, 28] = _DATE.search(texts[i]) is not None
    out[:, 29] = nw == 1
    return out


_KIND_COLUMN = {k: _OWN_INDEX[f"rule_{k}"] for k in STATIC_KINDS}


def _ratio(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """``a / b``, 0 where ``b`` is 0."""
    return np.divide(a, b, out=np.zeros_like(a, dtype=np.float64), where=b > 0)


def _title_ratio(s: str) -> float:
    """Share of the words of four letters or more that begin with a capital."""
    caps = [w[0].isupper() for w in s.split() if len(w) >= 4 and w[0].isalpha()]
    return sum(caps) / len(caps) if caps else 0.0


def _dense_run(score: np.ndarray) -> tuple[int, int]:
    """``(first, last)`` lines of the best-scoring run of ``score`` (Kadane), or (0, -1)."""
    best, best_span = 0.0, (0, -1)
    cur, start = 0.0, 0
    for i, v in enumerate(score.tolist()):
        if cur <= 0:
            cur, start = v, i
        else:
            cur += v
        if cur > best:
            best, best_span = cur, (start, i)
    return best_span


def _window_mean(x: np.ndarray, k: int) -> np.ndarray:
    """Mean of ``x`` over the ``k`` lines each side of every line (the line included)."""
    n = len(x)
    c = np.concatenate([[0.0], np.cumsum(x)])
    idx = np.arange(n)
    lo = np.maximum(idx - k, 0)
    hi = np.minimum(idx + k + 1, n)
    return (c[hi] - c[lo]) / (hi - lo)


def lexicon_features(
    texts: Sequence[str], lexicon: dict[str, float], words: Sequence[list[str]] | None = None
) -> np.ndarray:
    """The :data:`LEXICON` features of every line: the mean, highest and lowest weight of
    its words in ``lexicon`` (word -> log-odds of the article's text against clutter, a
    finite number), the share of its words the lexicon knows, and the mean weight over
    three lines each side. ``words``: the :func:`tokens` of each line (computed when not
    given). The weights of the page's words are looked up in one pass and summed per line
    in text order (as a loop over each line's words would)."""
    n = len(texts)
    out = np.zeros((n, len(LEXICON)))
    if not n:
        return out
    if words is None:
        words = [tokens(s) for s in texts]
    flat, line_ids, lens = _flat_words(words)
    weights = np.fromiter(map(lexicon.get, flat, repeat(math.nan)), dtype=np.float64, count=len(flat))
    known = ~np.isnan(weights)
    ids, ws = line_ids[known], weights[known]
    if len(ws):
        n_known = np.bincount(ids, minlength=n)
        has = n_known > 0
        out[has, 0] = np.bincount(ids, weights=ws, minlength=n)[has] / n_known[has]
        first = np.flatnonzero(np.concatenate([[True], ids[1:] != ids[:-1]]))  # (ids ascend)
        out[ids[first], 1] = np.maximum.reduceat(ws, first)
        out[ids[first], 2] = np.minimum.reduceat(ws, first)
        out[has, 3] = n_known[has] / lens[has]
    out[:, 4] = _window_mean(out[:, 0], 3)
    return out


def line_matrix(
    texts: Sequence[str],
    kinds: Sequence[str | None],
    gaps: Sequence[int],
    stopwords: frozenset[str] | set[str],
    lexicon: dict[str, float] | None = None,
) -> np.ndarray:
    """The features of every line (:func:`feature_names`): shape (lines, features).
    Without a ``lexicon`` the lexicon columns are 0."""
    folded = [t.casefold() for t in texts]
    words_of = _page_tokens(texts, folded)
    own = own_features(texts, kinds, gaps, stopwords, words_of, folded)
    n = len(texts)
    place = np.zeros((n, len(PLACE)))
    idx = np.arange(n)
    if n:
        words = np.expm1(own[:, _OWN_INDEX["log_words"]])
        prose = own[:, _OWN_INDEX["prose"]]
        total = words.sum() or 1.0
        place[:, 0] = idx / max(n - 1, 1)
        place[:, 1] = (np.cumsum(words) - words) / total
        place[:, 2] = words / (words.max() or 1.0)
        score = np.where(prose > 0, words, -np.minimum(words, 5.0) - 1.0)
        a, b = _dense_run(score)
        place[:, 3] = (idx >= a) & (idx <= b)
        dist = np.where(idx < a, a - idx, np.where(idx > b, idx - b, 0))
        place[:, 4] = np.log1p(dist)
        place[:, 5] = _window_mean(prose, 3)
        place[:, 6] = _window_mean(prose, 10)
        place[:, 7] = _window_mean(own[:, _OWN_INDEX["log_words"]], 3)
        place[:, 8] = _window_mean(own[:, _OWN_INDEX["log_words"]], 10)
        place[:, 9] = math.log1p(n) / 8
        place[:, 10] = (words * prose).sum() / total
        # blocks: runs of lines without a blank line between them
        block = np.cumsum(np.asarray(gaps[:n], dtype=np.float64) > 0).astype(np.int64)
        block -= block[0]
        nb = int(block[-1]) + 1
        b_lines = np.bincount(block, minlength=nb).astype(np.float64)
        b_words = np.bincount(block, weights=words, minlength=nb)
        b_prose = np.bincount(block, weights=words * prose, minlength=nb)
        first_of = np.searchsorted(block, np.arange(nb))
        place[:, 11] = np.log1p(b_lines[block])
        place[:, 12] = np.log1p(b_words[block])
        place[:, 13] = b_prose[block] / np.maximum(b_words[block], 1.0)
        place[:, 14] = (idx - first_of[block]) / np.maximum(b_lines[block] - 1, 1.0)
    cols = [_OWN_INDEX[c] for c in NEIGHBOUR]
    sub = own[:, cols]
    parts = [own, place]
    for k in OFFSETS:
        shifted = np.zeros((n, len(cols) + 1))
        if k < 0 and n > -k:
            shifted[-k:, :-1] = sub[:k]
            shifted[-k:, -1] = 1.0
        elif k > 0 and n > k:
            shifted[:-k, :-1] = sub[k:]
            shifted[:-k, -1] = 1.0
        parts.append(shifted)
    parts.append(lexicon_features(texts, lexicon, words_of) if lexicon else np.zeros((n, len(LEXICON))))
    return np.hstack(parts)
