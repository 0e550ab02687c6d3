"""The timex tagger's engine: candidates from every rule, selection, resolution in order.

1. *Candidates.* Each rule (:mod:`analysis_utils.timeline.rules`, in a fixed order) runs on a region of
   the text when one of its trigger strings occurs there, and proposes spans.
2. *Selection.* Overlapping candidates are settled longest first, then by rule
   priority, so "July of the same year" beats "July". When the chosen candidate turns
   out not to be a time (its resolver declines), the shorter candidates it had
   displaced are tried instead.
3. *Resolution*, in text order (clock times after the other expressions of their
   sentence, so that "at 2:22 a.m. on the 19th" finds its day), with the tense of the
   clause (:mod:`analysis_utils.timeline.tense`) and the reference points in focus: the
   last date of the paragraph, of the text so far, of the sentence, and the last date
   with a known year (see :class:`analysis_utils.timeline.resolve.Ctx`).

:func:`tag` returns plain dict rows; :mod:`analysis_utils.timeline.timexes` makes the table.
"""
from __future__ import annotations

import bisect
import heapq
import re
from dataclasses import dataclass
from datetime import date
from itertools import compress
from operator import itemgetter
from typing import Any, Callable

from ..text.alternation import word_alternation
from .rules import clock, dates, durations, holidays, periods, relative, vague
from .points import PARTS, Point, interval_of_value
from .patterns import FEATURES, Rule, fold_safe_lower, lower_case_form
from .resolve import Ctx, Result
from .tense import SentenceTenses, tense_cues

# the order matters: among candidates of the same length and priority the earlier rule wins
RULES: tuple[Rule, ...] = (
    *dates.RULES,
    *periods.RULES,
    *holidays.RULES,
    *relative.RULES,
    *durations.RULES,
    *clock.RULES,
    *vague.RULES,
)


@dataclass
class _Cand:
    """A rule's match: a span, the rule's name and priority, and its resolver."""

    start: int
    end: int
    rule: str
    m: re.Match
    prio: int
    handler: Callable[..., Any]


# the trigger strings of every rule (``#4d`` ... are features, the others strings)
_TRIGGER_WORDS = tuple(dict.fromkeys(k for r in RULES for k in r.triggers or () if not k.startswith("#")))
_DIGIT = re.compile(r"\d")
assert all(re.search(r"\\d", rx.pattern) for rx in FEATURES.values())  # each feature needs a digit (checked by hand)
_LAST_TEXT: tuple[str | None, tuple[str, ...]] = (None, ())


def _text_words(text: str) -> tuple[str, ...]:
    """The trigger strings found in the whole lower-cased text (the last text's are
    kept): a string the text lacks is in none of its paragraphs."""
    global _LAST_TEXT
    last = _LAST_TEXT
    if last[0] is text:
        return last[1]
    contains = text.lower().__contains__
    words = tuple(compress(_TRIGGER_WORDS, map(contains, _TRIGGER_WORDS)))
    _LAST_TEXT = (text, words)
    return words


def _rules_of(key: str) -> frozenset[int]:
    """The rules (positions in :data:`RULES`) that ``key``, a trigger, lets run."""
    return frozenset(i for i, r in enumerate(RULES) if r.triggers is not None and key in r.triggers)


_RULES_OF_WORD = {k: _rules_of(k) for k in _TRIGGER_WORDS}
_RULES_OF_FEATURE = tuple((FEATURES[k], _rules_of(k)) for k in FEATURES if _rules_of(k))
_UNTRIGGERED = frozenset(i for i, r in enumerate(RULES) if r.triggers is None)


def _lower_form(rx: re.Pattern | None) -> re.Pattern | None:
    """:func:`~analysis_utils.timeline.patterns.lower_case_form` of ``rx``, if any."""
    return None if rx is None else lower_case_form(rx)


def _any_of(words: tuple[str, ...] | None) -> re.Pattern | None:
    """A pattern found wherever one of ``words`` (as written) is."""
    return None if words is None else re.compile(word_alternation(words))


# per rule: name, pattern, its lower-case form (for fold-safe lower-cased text; see
# patterns.lower_case_form), check, priority, resolver, gate words (one pattern), gate
# and the gate's lower-case form
_PLAN = tuple((r.name, r.pattern, _lower_form(r.pattern), r.check, r.prio, r.handler,
               _any_of(r.gate_words), r.gate, _lower_form(r.gate))
              for r in RULES)


def _matches(pattern: re.Pattern, low_pattern: re.Pattern | None, region: str, low: str | None):
    """The matches of ``pattern`` in ``region``. With the pattern's lower-case form and
    the region's fold-safe lower-case text ``low``, the form finds where they are
    (faster: no case folding), and the pattern, run at each place, gives the match."""
    if low_pattern is None or low is None:
        return pattern.finditer(region)
    found = []
    for lm in low_pattern.finditer(low):
        m = pattern.match(region, lm.start())
        if m is None or m.end() != lm.end():  # not expected: the same spans (tests/timeline)
            return pattern.finditer(region)
        found.append(m)
    return found


def _candidates(text: str, start: int, end: int) -> list[_Cand]:
    """The rules' matches in ``text[start:end]``. A rule runs only where one of its
    triggers is present (each string looked for among those the whole text holds, each
    feature at most once, when a rule not yet let run needs it) and its gates match
    (each searched at most once)."""
    region = text[start:end]
    safe = fold_safe_lower(region)  # None when the lower-case forms cannot be used
    low = region.lower() if safe is None else safe
    words = _text_words(text)
    run = set(_UNTRIGGERED).union(*map(_RULES_OF_WORD.__getitem__, compress(words, map(low.__contains__, words))))
    if _DIGIT.search(region) is not None:  # every feature has a digit
        for rx, rules in _RULES_OF_FEATURE:
            if not rules <= run and rx.search(region) is not None:
                run |= rules
    gates: dict[Any, bool] = {}
    out: list[_Cand] = []
    for i in sorted(run):
        name, pattern, low_pattern, check, prio, handler, gate_words, gate, low_gate = _PLAN[i]
        if gate_words is not None:
            hit = gates.get(gate_words)
            if hit is None:
                hit = gates[gate_words] = gate_words.search(region) is not None
            if not hit:
                continue
        if gate is not None:
            hit = gates.get(gate)
            if hit is None:
                if low_gate is not None and safe is not None:
                    hit = gates[gate] = low_gate.search(safe) is not None
                else:
                    hit = gates[gate] = gate.search(region) is not None
            if not hit:
                continue
        for m in _matches(pattern, low_pattern, region, safe):
            s, e = m.span()
            # trim surrounding whitespace kept by optional groups
            while s < e and region[s].isspace():
                s += 1
            while e > s and region[e - 1].isspace():
                e -= 1
            if e <= s:
                continue
            if check is not None and not check(m, region, s, e):
                continue
            out.append(_Cand(start + s, start + e, name, m, prio, handler))
    return out


def _select(cands: list[_Cand]) -> list[_Cand]:
    """Non-overlapping candidates, longest first, then by rule priority. The characters
    taken are marked in a mask, so that each candidate is tested on its own span (not
    against every candidate kept). Candidates are non-empty spans."""
    if not cands:
        return []
    lo = min(c.start for c in cands)
    taken = bytearray(max(c.end for c in cands) - lo)
    chosen: list[_Cand] = []
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), -c.prio, c.start)):
        s, e = c.start - lo, c.end - lo
        if taken.find(1, s, e) < 0:
            taken[s:e] = b"\x01" * (e - s)
            chosen.append(c)
    return sorted(chosen, key=lambda c: c.start)


class _Near:
    """The candidates of a region by position, to find those overlapping a span."""

    def __init__(self, cands: list[_Cand]):
        self.cands = cands
        self.by_start = sorted(range(len(cands)), key=lambda i: cands[i].start)
        self.starts = [cands[i].start for i in self.by_start]
        self.longest = max(c.end - c.start for c in cands)

    def overlapping(self, c: _Cand) -> list[_Cand]:
        """The candidates overlapping ``c`` (``c`` too), in the order of the list."""
        cands = self.cands
        lo = bisect.bisect_left(self.starts, c.start - self.longest + 1)
        hi = bisect.bisect_left(self.starts, c.end)
        return [cands[i] for i in sorted(i for i in self.by_start[lo:hi] if cands[i].end > c.start)]


# rules whose words are also common in names and titles ("USA Today", ABC's "This
# Week", "The Daily Telegraph"): a Title-Case match inside an ordinary
# sentence is taken for a name
_TITLE_SENSITIVE = {"today_words", "unit_deictic", "ref", "set_adverb", "anaphoric_unit", "set_every"}


_NAME_WORD = re.compile(r"[A-Za-z][\w'-]*")
_OPENING_BEFORE = re.compile(r"[\"“'‘(\[]\s*$")
_SENTENCE_START_BEFORE = re.compile(r"(?:^|[.!?:;]\s*|\n\s*)$")


def _is_title_case(s: str) -> bool:
    words = _NAME_WORD.findall(s)
    return bool(words) and all(w[0].isupper() for w in words)


def _is_headline(sentence: str) -> bool:
    """Is (almost) every word of the sentence capitalised?"""
    words = _NAME_WORD.findall(sentence)
    return bool(len(words)) and sum(w[0].isupper() for w in words) / len(words) >= 0.6


def _looks_like_name(text: str, c: _Cand, sent: tuple[int, int],
                     headlines: dict[tuple[int, int], bool] | None = None) -> bool:
    """Is the match a name or a title ("USA Today")? ``headlines``: sentence -> whether
    it is a headline, kept by the caller (each sentence read once)."""
    if c.rule not in _TITLE_SENSITIVE:
        return False
    span = text[c.start:c.end]
    if not _is_title_case(span) or span.isupper():
        return False
    if c.start == sent[0] or _OPENING_BEFORE.search(text[max(sent[0], c.start - 2):c.start]) is None and \
            _SENTENCE_START_BEFORE.search(text[max(sent[0], c.start - 3):c.start]):
        return False
    headline = None if headlines is None else headlines.get(sent)
    if headline is None:
        headline = _is_headline(text[sent[0]:sent[1]])
        if headlines is not None:
            headlines[sent] = headline
    if headline:
        return False  # a headline: every word is capitalised
    return True


_PART_OF_PREFIX = re.compile(r"(?i:\bthe\s+(morning|afternoon|evening|night)\s+of\s+)$")


def _part_of_day_prefix(text: str, start: int, res: Any) -> tuple[int, Any]:
    """"the morning of Aug. 7": a day-level date written after a part of the day
    is a TIME of that day, and the span takes the part in."""
    if res.type != "DATE" or res.point is None or res.point.gran != "day" or res.point.end_day is not None:
        return start, res
    m = _PART_OF_PREFIX.search(text[max(0, start - 30):start])
    if m is None:
        return start, res
    p = res.point
    p = Point("part_of_day", p.year, p.month, p.day, part=PARTS[m.group(1).lower()])
    new = Result("TIME", p.value(), p, "part_of_day", res.mod, res.anchor_kind, res.anchor_used, res.focus)
    return start - (len(m.group(0))), new


def tag(text: str, anchor: date | None, regions: list[tuple[int, int]],
        sentences: list[list[tuple[int, int]]] | None = None,
        candidates: dict[tuple[int, int], list[_Cand]] | None = None) -> list[dict]:
    """Resolve the temporal expressions of ``regions`` of ``text`` against ``anchor``.

    ``regions``: ``(start, end)`` spans, in order, each one focus paragraph.
    ``sentences``: the sentence spans of each region (the document's sentences); split
    here with :func:`~analysis_utils.text.sentences.split_sentences` when not given.
    ``candidates``: a dict kept by the caller, region -> the rules' matches there; the
    matches do not depend on the anchor, so a document resolved against two anchors
    (unanchored, then anchored to the date read from it) finds them once.
    Returns one dict per expression (the columns of the timexes table), in text order
    within each region.
    """
    from ..text.sentences import split_sentences

    rows: list[dict] = []
    doc_focus: Point | None = None
    year_focus: Point | None = None
    for k, (rs, re_) in enumerate(regions):
        if re_ <= rs:
            continue
        if candidates is None:
            cands = _candidates(text, rs, re_)
        else:
            cands = candidates.get((rs, re_))
            if cands is None:
                cands = candidates[(rs, re_)] = _candidates(text, rs, re_)
        if not cands:
            continue
        sents = (sentences[k] if sentences is not None else split_sentences(text, rs, re_)) or [(rs, re_)]
        sent_starts = [a for a, _ in sents]

        def order(q: _Cand) -> tuple[int, int, int]:
            # clock times last within their sentence, so that "at 2:22 a.m. on
            # the 19th" finds its day
            return (bisect.bisect_right(sent_starts, q.start), q.rule == "clock_time", q.start)

        # the expressions to resolve, in that order (a heap); each failed one is replaced
        # by the shorter candidates it had displaced that overlap no expression kept or
        # waiting: the characters of those are marked in ``live``
        queue = sorted(((order(c), i, c) for i, c in enumerate(_select(cands))), key=itemgetter(0))
        seq = len(queue)
        live = bytearray(re_ - rs)
        for _, _, c in queue:
            live[c.start - rs:c.end - rs] = b"\x01" * (c.end - c.start)
        near: _Near | None = None
        failed: set[int] = set()
        para_focus: Point | None = None
        cur_sent = None
        sent_focus: Point | None = None
        tenses: SentenceTenses | None = None
        headlines: dict[tuple[int, int], bool] = {}
        while queue:
            c = heapq.heappop(queue)[2]
            si = max(0, bisect.bisect_right(sent_starts, c.start) - 1)
            sent = sents[si]
            if not (sent[0] <= c.start < sent[1]):
                sent = (c.start, c.end)
            if sent != cur_sent:
                cur_sent, sent_focus = sent, None
                stext = text[sent[0]:sent[1]]
                tenses = SentenceTenses(stext, tense_cues(stext))
            tense = tenses.tense(c.start - sent[0], c.end - sent[0])
            ctx = Ctx(text, anchor, tense, sent, para_focus, doc_focus, sent_focus, year_focus, c.start, c.end)
            res = None
            if not _looks_like_name(text, c, sent, headlines):
                try:
                    res = c.handler(c.m, ctx)
                except (ValueError, OverflowError, KeyError, TypeError, ZeroDivisionError):
                    res = None
            if res is None:
                # fall back on the shorter candidates this one had displaced
                failed.add(id(c))
                live[c.start - rs:c.end - rs] = bytes(c.end - c.start)
                if near is None:
                    near = _Near(cands)
                alts = [a for a in near.overlapping(c) if id(a) not in failed and a is not c
                        and live.find(1, a.start - rs, a.end - rs) < 0]
                for a in _select(alts):
                    live[a.start - rs:a.end - rs] = b"\x01" * (a.end - a.start)
                    heapq.heappush(queue, (order(a), seq, a))
                    seq += 1
                continue
            c_start, res = _part_of_day_prefix(text, c.start, res)
            iv = res.point.interval() if res.point is not None else (None, None)
            if res.value and "/" in str(res.value) and res.point is not None and res.type == "DATE":
                iv = (iv[0], interval_of_value(str(res.value).split("/", 1)[1])[1] or iv[1])
            rows.append({
                "type": res.type,
                "text": text[c_start:c.end],
                "start": c_start,
                "end": c.end,
                "value": res.value,
                "granularity": res.gran,
                "value_start": iv[0].isoformat() if iv[0] else None,
                "value_end": iv[1].isoformat() if iv[1] else None,
                "mod": res.mod,
                "tense": tense,
                "anchor_kind": res.anchor_kind,
                "anchor_used": res.anchor_used,
                "rule": c.rule,
                "sentence_start": sent[0],
            })
            if res.focus and res.point is not None and res.type in ("DATE", "TIME") and res.point.gran not in ("decade", "century"):
                p = res.point
                if p.end_day is not None:
                    p = Point("day", p.year, p.month, p.day)
                para_focus = doc_focus = sent_focus = p
                if p.year is not None:
                    year_focus = p
    return rows
