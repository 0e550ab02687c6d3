"""Lossless segmentation of a scraped article into typed pieces.

:func:`segment_text` cuts a text into segments that cover **every character exactly
once**: joining ``segments["text"]`` in order gives the original back. Whitespace
between lines (line breaks, blank lines, indentation) forms ``blank`` segments; every
other segment is one line, or several lines of one hard-wrapped paragraph.

Columns of the segments table
-----------------------------
``segment_id``        0..n-1 in text order
``kind``              one of :data:`KINDS` (below)
``start``, ``end``    offsets into the text; ``end`` is exclusive
``line``              1-based line number where the segment starts
``text``              ``text[start:end]``
``repeats_headline``  True for a line that begins by repeating the headline (scraped
                      captions often do); the repeat is not new content
``content_start``     where the segment's own content starts: after the repeated
                      headline (and the space after it) when ``repeats_headline``,
                      else ``start``. Downstream steps read ``text[content_start:end]``
``rule``              which rule decided the kind, so that every label can be checked
``confidence``        how sure the kit is of the kind: the line model's probability that
                      the line is the article's own text for ``headline``,
                      ``subheadline``, ``body`` and ``caption``, one minus it for the
                      clutter kinds; 1.0 for ``blank``; NaN where no model judged the
                      segment (plain text, an HTML page's structure)

Kinds
-----
``headline``     the article's title line
``subheadline``  deck lines between headline and the first paragraph
``body``         the article's text: paragraphs of running text, list items, table
                 rows, short paragraphs, and short headings set apart between
                 paragraphs (crossheads, rule ``crosshead``: read as headings, see
                 :data:`analysis_utils.text.paragraphs.HEADING_RULES`)
``caption``      photo captions: a line that repeats the headline, a line directly
                 above a credit line, or a line ending in an agency credit
``credit``       "[Image source=...]", "Photo by ...", "(AP Photo/...)", "© Getty Images"
``byline``       "By Jane Doe", "Reporter ...", a line with an e-mail address
``timestamp``    "Published 2024-06-17 09:00", "Updated: June 17, 2024" lines
``copyright``    "(c) Outlet. All rights reserved." and the like
``boilerplate``  page clutter: skip links in any language, "Text Size", "Close",
                 "Top", share/follow prompts, navigation, identifiers such as
                 ``bar_progress``, and every line the line model does not take for the
                 article's own text (menus, teasers of other articles, comments,
                 cookie and login notices)
``blank``        whitespace only

How it decides
--------------
0. The lines of a hard-wrapped paragraph are joined into one segment
   (:func:`_merge_wrapped`); line patterns that do not depend on position give copyright,
   credit, byline, timestamp and page furniture (:mod:`.line_rules`: a phrase list in
   several languages, navigation lines with separators, code-like identifiers, lines
   with no letters).
1. The **line model** (:mod:`.line_model`, learned from real pages by
   ``benchmarks/train_segments.py``) gives every line the probability that it is the
   article's own text, from what the line carries in plain text and its neighbours
   (:mod:`.line_features`). A line is the article's when the probability reaches the
   model's ``threshold``, or its ``prose_threshold`` for a line of running text.
2. The headline: the metadata title when one is given and found; else, among the
   title-like lines before the first paragraph the model keeps (those it does not rule
   out, when there are any), the first whose text is repeated at the start of a later
   line (captions repeat it); else the first title-like line before that paragraph with
   at least four words (or a lower-case word, which navigation lacks).
3. Above the headline, only running text the model keeps is body; the rest is
   boilerplate. Title-like lines directly under the headline, at most
   :data:`DECK_LINES` of them, form the deck (``subheadline``) when the model does not
   rule them out (probability at least :data:`WEAK`); the lines it keeps between the
   deck and the first paragraph are the article's text, read as in step 4.
4. Lines that repeat the headline, sit directly above a credit line, or end in an
   agency credit are captions. Every other line the model does not keep is boilerplate,
   except a short heading set apart between two paragraphs it keeps (a crosshead).
   Of the lines it keeps, prose, list items and short paragraphs are body, short
   headings set apart by blank lines are crossheads (``body``, rule ``crosshead``).

A text in which no line is body is a page without an article: :func:`page_warnings`
says so (``Document.warnings``).

"Prose" means a line with at least eight words that ends in terminal punctuation and
is not in Title Case (or holds several sentences, or two lower-case words a heading would
capitalise), or any line of forty words or more. "Title-like" means a line of
one to forty words that is not prose.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from ..errors import InputTypeError
from .line_model import load_model, main_probabilities
from .line_rules import (  # noqa: F401  (kept importable from here)
    AGENCIES,
    FURNITURE_PHRASES,
    _CLOSERS,
    _COPYRIGHT,
    _CREDIT,
    _DATE_IN_LINE,
    _FUNCTION_WORDS,
    _IDENTIFIER,
    _KEY_SPACES,
    _LONGEST_PHRASE,
    _MARKUP_REMNANT,
    _MONTH,
    _NAV_SEPARATORS,
    _NEWLINE,
    _NON_WORD_RUN,
    _NORM_TABLE,
    _PROMPT,
    _QUOTE_1,
    _QUOTE_2,
    _SEVERAL,
    _SPACES,
    _TERMINAL,
    _TIMESTAMP_LEAD,
    _TRAILING_CREDIT,
    _WORD,
    _ends_terminal,
    _furniture,
    _is_prose,
    _may_be_copyright,
    _may_navigate,
    _n_words,
    _norm,
    _phrase_key,
    _static_kind,
    _title_case_ratio,
    _word_tuple,
    _words,
    is_prose,
    is_title_like,
)

KINDS = (
    "headline",
    "subheadline",
    "body",
    "caption",
    "credit",
    "byline",
    "timestamp",
    "copyright",
    "boilerplate",
    "blank",
)

COLUMNS = [
    "segment_id",
    "kind",
    "start",
    "end",
    "line",
    "text",
    "repeats_headline",
    "content_start",
    "rule",
    "confidence",
]


@dataclass(slots=True)
class _Line:
    number: int  # 1-based
    start: int  # first non-space character
    end: int  # after the last non-space character
    text: str  # text[start:end]
    kind: str | None = None
    rule: str = ""
    repeats_headline: bool = False
    content_start: int = 0


def _lines(text: str) -> list[_Line]:
    r"""The non-blank lines of ``text``, stripped (``number``: the line's 1-based number among
    the lines that ``\r\n``, ``\r`` or ``\n`` end). One scan finds the stripped lines (a
    run from a non-space character to the last non-space character before the line's end);
    a line's number is one more than the line breaks before it (counted from the line
    before)."""
    out = []
    cr = "\r" in text
    number, pos = 1, 0
    for m in _CONTENT.finditer(text):
        s = m.start()
        number += text.count("\n", pos, s)  # (a line ends with neither "\r" nor "\n")
        if cr:
            number += text.count("\r", pos, s) - text.count("\r\n", pos, s)
        pos = m.end()
        out.append(_Line(number, s, pos, m.group(), None, "", False, s))
    return out


#: a stripped line: from a non-space character to the last non-space one of its line
_CONTENT = re.compile(r"\S(?:[^\r\n]*\S)?")


def _headline_prefix(line: _Line, headline: str) -> int | None:
    """Length (in ``line.text``) of a leading repeat of ``headline``, else None."""
    if not _may_repeat(line.text, headline):
        return None  # (the pattern of the headline is compiled only for lines that may repeat it)
    pat = _headline_pattern(headline)
    if pat is None:
        return None
    m = pat.match(line.text)
    if not m:
        return None
    return m.end()


def _may_repeat(text: str, headline: str) -> bool:
    """Can ``text`` begin with a repeat of ``headline``? False when one of the first four
    characters of the headline's first word does not match (as in the headline's
    pattern) the character at the same place in ``text``."""
    h = headline.lstrip()
    k = 0
    while k < 4 and k < len(h) and not h[k].isspace():
        k += 1
    return len(text) >= k and _fold(text[:k]) == _fold(h[:k])


def _fold(s: str) -> str:
    """Lower case, quotation marks unified: characters as a headline's pattern matches them."""
    return s.lower().translate(_FIRST_KEY)


@lru_cache(maxsize=32)
def _headline_pattern(headline: str) -> "re.Pattern[str] | None":
    """The pattern of a repeat of ``headline`` (None for a headline under two words)."""
    if _n_words(headline) < 2:
        return None
    # Match the headline's own characters, allowing any run of spaces and either
    # kind of quote/dash, so that re-flowed copies still count.
    parts = []
    for token in _SPACES.split(headline.strip()):
        esc = re.escape(token)
        esc = _QUOTE_1.sub("['’‘]", esc)
        esc = _QUOTE_2.sub('["“”]', esc)
        parts.append(esc)
    return re.compile(r"\s+".join(parts), re.IGNORECASE)


def _find_headline(lines: list[_Line], body_start: int, title: str | None,
                   weak: list[bool] | None = None) -> int | None:
    """Index (into ``lines``) of the headline, or None. ``weak``: the lines the line model
    does not rule out; when some title-like line above the first paragraph is one of
    them, the headline is."""
    if title and _norm(title):
        t = _norm(title)
        for i, ln in enumerate(lines[: max(body_start, 1) + 1]):
            n = _norm(ln.text.lstrip("#").strip())
            if n == t or (len(n) >= 0.8 * len(t) and (t.startswith(n) or n.startswith(t))):
                return i
    cands = [
        i
        for i, ln in enumerate(lines[:body_start])
        if ln.kind is None and is_title_like(ln.text)
    ]
    if weak is not None and any(weak[i] for i in cands):
        cands = [i for i in cands if weak[i]]
    if not cands:
        return None
    by_first: dict[str, list[int]] | None = None  # lines by their first character (as a repeat matches it)
    for i in cands:
        if _n_words(lines[i].text) < 3:
            continue
        if by_first is None:
            by_first = _lines_by_first_key(lines)
        head = lines[i].text.lstrip("#").strip()
        k, key = _repeat_key(head)
        if any(
            j > i and len(lines[j].text) >= k and _fold(lines[j].text[:k]) == key
            and _headline_prefix(lines[j], head)
            for j in by_first.get(_first_key(head), ())
        ):
            return i
    for i in cands:
        words = _word_tuple(lines[i].text)
        if len(words) >= 4 or any(w in _FUNCTION_WORDS for w in words):
            return i
    return cands[0]


_FIRST_KEY = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})


def _lines_by_first_key(lines: list[_Line]) -> dict[str, list[int]]:
    """The indices of ``lines`` by :func:`_first_key` of their text (folded once for each
    first character)."""
    keys: dict[str, str] = {}
    out: dict[str, list[int]] = {}
    for j, ln in enumerate(lines):
        c = ln.text[:1]
        key = keys.get(c)
        if key is None:
            key = keys[c] = _first_key(c)
        out.setdefault(key, []).append(j)
    return out


def _repeat_key(headline: str) -> tuple[int, str]:
    """``(k, key)``: a text can begin with a repeat of ``headline`` (:func:`_may_repeat`) only
    when it is ``k`` characters long at least and its first ``k`` characters fold
    (:func:`_fold`) to ``key``. Worked out once for a headline, tested for many lines."""
    h = headline.lstrip()
    k = 0
    while k < 4 and k < len(h) and not h[k].isspace():
        k += 1
    return k, _fold(h[:k])


def _first_key(s: str) -> str:
    """The first character of ``s``, lower-cased, quotation marks unified: a line can
    repeat a headline only when this is the same for both."""
    return _fold(s[:1])


def _classify(lines: list[_Line], title: str | None, main: list[bool] | None = None,
              weak: list[bool] | None = None) -> None:
    """Give every line its kind and rule. ``main``: the line model's verdict for each line
    (is it the article's own text?); None: the rules alone decide (every line counts as
    the article's). ``weak``: lines the model does not rule out (a line of the deck
    directly under the headline needs no more)."""
    if main is None:
        main = [True] * len(lines)
    weak = weak or main
    body_start = next(
        (i for i, ln in enumerate(lines) if ln.kind is None and main[i] and is_prose(ln.text)),
        None,
    )
    if body_start is None:  # no paragraph of prose the model keeps: the rules' first one
        body_start = next(
            (i for i, ln in enumerate(lines) if ln.kind is None and is_prose(ln.text)), len(lines)
        )
    h = _find_headline(lines, body_start, title, weak)
    headline_text = lines[h].text.lstrip("#").strip() if h is not None else None
    repeat_k, repeat_key = _repeat_key(headline_text) if headline_text else (0, "")
    copyright_seen = False
    credit_next = _credit_follows(lines)
    deck_next = h + 1 if h is not None else -1

    for i, ln in enumerate(lines):
        if h is not None and i == h:
            ln.kind, ln.rule = "headline", "headline"
            continue
        if ln.kind == "copyright":
            copyright_seen = True
        if ln.kind is not None:
            continue
        if h is not None and i < h:
            if main[i] and is_prose(ln.text):
                ln.kind, ln.rule = "body", "model-main"
            else:
                ln.kind, ln.rule = "boilerplate", "before-headline"
            continue
        if headline_text and len(ln.text) >= repeat_k and _fold(ln.text[:repeat_k]) == repeat_key:
            plen = _headline_prefix(ln, headline_text)  # (the cheap test above is its first)
            if plen is not None:
                rest = ln.text[plen:]
                ln.repeats_headline = True
                if rest.strip():
                    ln.content_start = ln.start + plen + (len(rest) - len(rest.lstrip()))
                    ln.kind, ln.rule = "caption", "repeats-headline"
                else:
                    ln.content_start = ln.end
                    ln.kind, ln.rule = "boilerplate", "repeated-headline"
                continue
        if credit_next[i] and _n_words(ln.text) <= 60:
            ln.kind, ln.rule = "caption", "above-credit"
            continue
        if ln.text[-1:] in ")]" and _TRAILING_CREDIT.search(ln.text) and _n_words(ln.text) <= 80:
            # (the pattern ends in a bracket at the end: the line is stripped)
            ln.kind, ln.rule = "caption", "trailing-credit"
            continue
        if h is not None and h < i < body_start and (main[i] or weak[i]) and deck_next == i \
                and i - h <= DECK_LINES:
            deck_next = i + 1  # a deck line: directly under the headline or another deck line
            if not is_prose(ln.text):
                ln.kind, ln.rule = "subheadline", "deck"
                continue
        if not main[i] and not (i > body_start and _between_paragraphs(lines, main, i)):
            rule = "after-copyright" if copyright_seen else "before-first-paragraph" if i < body_start else "model-clutter"
            ln.kind, ln.rule = "boilerplate", rule
            continue
        if i < body_start:
            if h is None:
                ln.kind, ln.rule = ("body", "model-main") if main[i] else ("boilerplate", "before-first-paragraph")
                continue
            if is_prose(ln.text):
                ln.kind, ln.rule = "body", "lead"
                continue
            # a short line the model keeps under the deck: a list item, a heading, a short
            # paragraph of the article, read as after the first paragraph
        if is_prose(ln.text) or not is_title_like(ln.text):
            ln.kind, ln.rule = "body", "prose"
        elif _is_crosshead(lines, i):
            ln.kind, ln.rule = CROSSHEAD_KIND, "crosshead"
        else:
            ln.kind, ln.rule = "body", "short-paragraph"


#: the deck: at most this many lines directly under the headline (on the tuning part of
#: the page benchmark, 2 and 3 score the same; longer runs of short lines there are lists,
#: recipes, fact boxes: the article's text)
DECK_LINES = 3


def _between_paragraphs(lines: list[_Line], main: list[bool], i: int) -> bool:
    """Is line ``i`` a crosshead the model missed: a short heading set apart
    (:func:`_is_crosshead`) with paragraphs of running text the model keeps directly
    above and below it?"""
    if i == 0 or i + 1 >= len(lines) or not main[i + 1] or lines[i + 1].kind is not None:
        return False
    if not is_title_like(lines[i].text) or not _is_crosshead(lines, i):
        return False
    j = i - 1
    while j > 0 and (lines[j].kind in ("caption", "credit")
                     or (lines[j].kind == "boilerplate" and lines[j].rule != "model-clutter")):
        j -= 1  # over a picture or page furniture ("Advertisement") between paragraph and heading
    above, below = lines[j], lines[i + 1]
    return (main[j] and main[i + 1] and is_prose(below.text) and below.kind is None
            and above.kind == "body" and is_prose(above.text))


#: the kind of a crosshead (a short heading between paragraphs): ``body``, for it is part
#: of the article's text (a page's main text holds its headings; the page benchmark's
#: snippets count them); its rule ``crosshead`` makes it a heading for the analyses
#: (:data:`analysis_utils.text.paragraphs.HEADING_RULES`), and ``subheadline`` is left
#: to the deck under the headline
CROSSHEAD_KIND = "body"


def _is_crosshead(lines: list[_Line], i: int) -> bool:
    """A short heading between paragraphs: at most 14 words, not ending like a sentence,
    and set apart, a blank line above and below it (lines packed together are a list or
    a table, which are body)."""
    ln = lines[i]
    if _n_words(ln.text) > 14 or _ends_terminal(ln.text.rstrip(".")):
        return False
    above = i == 0 or _last_line(lines[i - 1]) < ln.number - 1
    below = i + 1 == len(lines) or lines[i + 1].number > _last_line(ln) + 1
    return above and below


def _last_line(ln: _Line) -> int:
    return ln.number + ln.text.count("\n") + ln.text.count("\r") - ln.text.count("\r\n")


def _credit_follows(lines: list[_Line]) -> list[bool]:
    """For each line: is the next non-blank line a credit, close enough to belong to it?

    Directly below (no blank line between) always counts; one blank line between
    counts only when this line is not a long paragraph.
    """
    out = [False] * len(lines)
    for i in range(len(lines) - 1):
        nxt = lines[i + 1]
        if nxt.kind != "credit" or lines[i].kind is not None:
            continue
        gap_lines = nxt.number - lines[i].number - 1
        if gap_lines == 0 or (gap_lines == 1 and _n_words(lines[i].text) < 40):
            out[i] = True
    return out


def _merge_wrapped(lines: list[_Line], text: str) -> list[_Line]:
    """Join the lines of hard-wrapped paragraphs into one logical line.

    A *wrapped block* is a run of two or more adjacent lines (no blank line between)
    none longer than 100 characters, with no page furniture, credits and the like.
    Inside it, line B continues line A when B starts in lower case, or when A is
    nearly as long as the block's longest line (the wrap came at the margin) and A is
    not in Title Case (deck lines stacked under a headline are in Title Case and stay
    apart).
    """
    out: list[_Line] = []
    i = 0
    while i < len(lines):
        j = i + 1
        while (
            j < len(lines)
            and lines[j].number == lines[j - 1].number + 1
            and lines[j].kind is None
            and lines[j - 1].kind is None
            and len(lines[j].text) <= 100
            and len(lines[j - 1].text) <= 100
        ):
            j += 1
        block = lines[i:j]
        if len(block) < 2:
            out.extend(block)
            i = j
            continue
        width = max(len(b.text) for b in block)
        cur = block[0]
        for nxt in block[1:]:
            last = text[cur.start : cur.end].rsplit("\n", 1)[-1].strip()
            at_margin = len(last) >= 0.75 * width and _title_case_ratio(_word_tuple(last)) < 0.6
            if nxt.text[:1].islower() or (at_margin and width >= 40):
                cur.end = nxt.end
                cur.text = text[cur.start : cur.end]
            else:
                out.append(cur)
                cur = nxt
        out.append(cur)
        i = j
    return out


def page_lines(text: str) -> list[_Line]:
    """The lines of ``text`` as the segmenter types them: non-blank lines with the kind a
    line rule alone gives (copyright, credit, byline, timestamp, page furniture; else
    None), the lines of a hard-wrapped paragraph joined (:func:`_merge_wrapped`)."""
    lines = _lines(text)
    for ln in lines:
        ln.kind, ln.rule = _static_kind(ln.text)
    return _merge_wrapped(lines, text)


def segment_text(text: str, title: str | None = None) -> pd.DataFrame:
    """Cut ``text`` into typed, lossless segments.

    Parameters
    ----------
    text:
        The article text, as loaded.
    title:
        A known title (from HTML metadata or a sidecar); when it matches a line, that
        line is the headline.

    Returns
    -------
    DataFrame with the columns of :data:`COLUMNS` (see the module docstring).
    ``"".join(df.text) == text`` always holds. Raises
    :class:`~analysis_utils.errors.InputTypeError` when ``text`` is not a str.
    """
    if not isinstance(text, str):
        raise InputTypeError(f"segment_text() needs a str, not {type(text).__name__}")
    return segments_frame(text, segment_rows(text, title))


#: a segment as a tuple: ``(kind, start, end, repeats_headline, content_start, rule)``
SegmentRow = tuple


def segment_rows(text: str, title: str | None = None, model=None) -> list[SegmentRow]:
    """The segments of :func:`segment_text` as plain tuples ``(kind, start, end,
    repeats_headline, content_start, rule)``, in text order (``segment_id`` is the
    position)."""
    model = model or _model()
    lines = page_lines(text)
    prob = _main_probabilities(text, lines, model)
    main = [p >= model.threshold or (p >= model.prose_threshold and ln.kind is None and is_prose(ln.text))
            for ln, p in zip(lines, prob)]
    _classify(lines, title, main, [p >= WEAK for p in prob])

    rows: list[SegmentRow] = []
    pos = 0
    for ln, p in zip(lines, prob):
        if ln.start > pos:
            rows.append(("blank", pos, ln.start, False, pos, "whitespace", 1.0))
        kind = ln.kind or "body"
        conf = p if kind in _READ_KINDS else 1.0 - p
        rows.append((kind, ln.start, ln.end, ln.repeats_headline, ln.content_start, ln.rule, round(conf, 3)))
        pos = ln.end
    if pos < len(text):
        rows.append(("blank", pos, len(text), False, pos, "whitespace", 1.0))
    return rows


#: a deck line directly under the headline needs only this probability of the line model
WEAK = 0.2

#: kinds of the article's own text (the line model's "main"); the other kinds are clutter
_READ_KINDS = frozenset(("headline", "subheadline", "body", "caption"))


def _model():
    return load_model()


def _main_probabilities(text: str, lines: list[_Line], model) -> list[float]:
    """The line model's probability that each line is the article's own text."""
    if not lines:
        return []
    gaps = line_gaps(lines)
    return main_probabilities([ln.text for ln in lines], [ln.kind for ln in lines], gaps, model).tolist()


def line_gaps(lines: list[_Line]) -> list[int]:
    """The blank lines above each line of :func:`page_lines` (a feature of the line model),
    from the lines' numbers: the line breaks before the first line, the lines between a line
    and the last line of the one before (a joined line ends on the line of its last part)."""
    out = []
    last = 0
    for ln in lines:
        out.append(ln.number - last - 1)  # (before the first line: its number - 1)
        last = _last_line(ln)
    return out


def page_warnings(text: str, rows: list[SegmentRow]) -> list[str]:
    """Warnings about a segmented text (see :attr:`Document.warnings`): a text with
    lines but no ``body`` segment is a page without an article."""
    lines = [r for r in rows if r[0] != "blank"]
    if not lines or any(r[0] == "body" for r in lines):
        return []
    clutter = sum(r[0] in ("boilerplate", "copyright", "credit", "byline", "timestamp") for r in lines)
    return [
        f"no article text found: none of the page's {len(lines)} lines reads as an article's "
        f"running text ({clutter} are page clutter); it may be an index page, a login wall "
        "or a cookie notice. Nothing is counted as body, so the tables built from the body "
        "are empty."
    ]


def segments_frame(text: str, rows: list[SegmentRow]) -> pd.DataFrame:
    """The segments table (:data:`COLUMNS`) of segment tuples (see :func:`segment_rows`)."""
    import bisect

    import numpy as np

    from .frames import bools, ints, strings, table

    newline_pos = [m.start() for m in _NEWLINE.finditer(text)]  # 1-based line of every start
    starts = [r[1] for r in rows]
    ends = [r[2] for r in rows]
    return table({
        "segment_id": np.arange(len(rows), dtype=np.int64),
        "kind": strings([r[0] for r in rows]),
        "start": ints(starts),
        "end": ints(ends),
        "line": ints([bisect.bisect_left(newline_pos, s) + 1 for s in starts]),
        "text": strings([text[a:b] for a, b in zip(starts, ends)]),
        "repeats_headline": bools([bool(r[3]) for r in rows]),
        "content_start": ints([r[4] for r in rows]),
        "rule": strings([r[5] for r in rows]),
        "confidence": np.array([r[6] if len(r) > 6 else np.nan for r in rows], dtype=np.float64),
    })


def structure_table(segments: pd.DataFrame) -> pd.DataFrame:
    """One row per non-blank segment, for charts of the article's structure.

    Columns: ``segment_id, line, kind, label, chars, words, text`` where ``chars``
    and ``words`` count the segment's own content (after a repeated headline) and
    ``label`` names body paragraphs "¶1", "¶2", ... and other kinds by kind.
    """
    cols = ["segment_id", "line", "kind", "label", "chars", "words", "text"]
    seg = segments[segments["kind"] != "blank"]
    rows = []
    para = 0
    for r in seg.itertuples(index=False):
        own = r.text[r.content_start - r.start :]
        if r.kind == "body":
            para += 1
            label = f"¶{para}"
        else:
            label = r.kind + (" (repeats headline)" if r.repeats_headline else "")
        rows.append((r.segment_id, r.line, r.kind, label, len(own), len(_words(own)), own))
    return pd.DataFrame(rows, columns=cols)


def kind_summary(segments: pd.DataFrame) -> pd.DataFrame:
    """Segments per kind: ``kind, segments, chars, words``, in the order of :data:`KINDS`."""
    st = structure_table(segments)
    g = st.groupby("kind").agg(segments=("segment_id", "size"), chars=("chars", "sum"), words=("words", "sum"))
    order = [k for k in KINDS if k in g.index]
    return g.loc[order].reset_index()
