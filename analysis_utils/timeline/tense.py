"""The tense of the clause around a temporal expression, read from cue words.

:func:`clause_tense` returns ``past``, ``present``, ``future`` or ``none`` for a span of
a sentence: ``will``, ``would``, "is expected/scheduled/set/due to", "plans to" and a
Title-Case headline's "X to Visit" read as future, and so does a scheduled event in the
simple present ("the team leaves Thursday", "talks resume Monday", "the offer expires");
``was``/``had``, "was scheduled to", ``-ed`` forms and common irregular past forms as
past; past reporting verbs ("said") as a weak past, present ones ("officials say") as no
tense (unless a modal comes first: "will say" is future); ``is``/``has`` as present.
The governing cue is the nearest one before the expression in its clause, else the
nearest in the sentence. "according to ..." makes no tense; "since" makes it past;
"until/by/to" right before the expression cancels a past (an end point may lie ahead).
No parsing: English cue words only.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from operator import itemgetter

from ..text.alternation import word_alternation
from ..text.clauses import chunk_around, clause_breaks
from .patterns import fold_safe_lower, lower_case_form

# news writes a scheduled event in the simple present: "the team leaves Thursday",
# "talks resume Monday", "the offer expires Nov. 6"
_SCHEDULE_PRESENT = (
    r"arrives|leaves|begins|opens|meets|resumes|departs|convenes|expires|ends|"
    r"(?<!to\s)meet|(?<!to\s)convene|takes\s+effect|goes\s+on\s+trial|(?:they|we|leaders|ministers|talks|officials)\s+(?:resume|arrive|begin|depart)"
)
_PAST_FUTURE_CUE = re.compile(
    r"(?i:\b(?:was|were|had\s+been|had)\s+(?:\w+ly\s+)?(?:scheduled|expected|set|due|slated|supposed|planned|going|about|to)\s+to\b"
    r"|\b(?:was|were)\s+to\b)"
)
_FUTURE_CUE = re.compile(
    r"(?i:\b(?:will|won't|shall|'ll|going\s+to|gonna|would|wouldn't"
    r"|(?:is|are|am|be|been|'s|'re)\s+(?:\w+ly\s+)?(?:scheduled|expected|set|due|slated|poised|planned|likely|unlikely|supposed|about|going|bound)\s+to"
    r"|(?:is|are)\s+to"
    r"|(?:plans?|planning|intends?|intending|aims?|hopes?|vows?|pledges?|promises?|wants?|seeks?|prepares?|preparing)\s+to"
    r"|(?:scheduled|expected|slated|set)\s+(?:to|for)"
    r"|upcoming|forthcoming|" + _SCHEDULE_PRESENT + r")\b)"
)
# headline style: "Minister to Visit Tokyo ..." (only in Title-Case lines)
_HEADLINE_TO = re.compile(r"\bto\s+[A-Z][a-z]+\b")
_REPORTING = (
    "said told announced reported stated added noted according explained claimed quoted"
).split()
# present-tense reporting verbs ("officials say ...") tell nothing of the tense of what they report
_REPORTING_PRESENT = "says say tells announces reports states adds notes explains claims".split()
_IRREGULAR_PAST = (
    "was were had did met made took came went saw gave held left began won lost "
    "led sent paid spoke wrote struck fell rose grew sold bought brought thought felt kept "
    "found became ran got knew stood sat drove flew fought caught taught threw chose broke "
    "woke wore hung shot slid spent understood withdrew forgave forbade undertook overtook ago "
    "fled blew drew swept sank built sought heard meant tore shook stole froze rode swore hid forgot "
    "overthrew arose awoke bled clung crept dug flung foresaw leapt lent lit oversaw overran rang sprang "
    "strode stung swam upheld wept"
).split()
_IRREGULAR_PAST_SET = frozenset(_IRREGULAR_PAST)
# the words (ASCII letters between word boundaries) that are past forms: a lower-case
# ``-ed`` form, or an irregular past in any case (ASCII case only, as ``str.lower`` of
# an ASCII word; a prefix tree: the engine rejects most places at their first letter)
_PAST_CUE = re.compile(r"\b(?:[a-z]{3,}ed|(?ai:" + word_alternation(_IRREGULAR_PAST) + r"))\b")


def _past_words(sentence: str):
    """Matches of the words that are past forms (see ``_PAST_CUE``)."""
    return _PAST_CUE.finditer(sentence)


_NOT_VERB_ED = {
    "need", "seed", "speed", "bed", "red", "shed", "breed", "feed", "hundred", "indeed", "united",
    "based", "used", "expected", "scheduled", "planned", "proposed", "alleged", "limited", "related",
    "advanced", "detailed", "supposed", "concerned", "interested", "involved", "named", "called",
    "armed", "marked", "wed", "unprecedented", "sophisticated", "dedicated", "sacred", "naked",
    "wicked", "beloved", "aged", "learned", "skilled", "talented", "varied", "preferred",
}
_ED_BLOCKERS = {
    "is", "are", "am", "be", "being", "been", "'s", "'re", "the", "a", "an", "its", "their", "his",
    "her", "this", "that", "these", "those", "our", "my", "your", "very", "more", "most", "so-called",
}
# before an irregular form they make it a participle ("will be held", "has been made")
_PARTICIPLE_BLOCKERS = {"is", "are", "am", "be", "being", "been", "'s", "'re", "has", "have"}
_AUXILIARY_PAST = {"was", "were", "had", "did", "ago"}
_PREV_WORD = re.compile(r"([\w']+)\s+(?:\w+ly\s+)?$")  # the word before (an adverb in -ly skipped)
_PRESENT_CUE = re.compile(
    r"(?i:\b(?:is|are|am|remains?|seems?|appears?|continues?|believes?|expects?|"
    r"assess|assesses|has|have|does|do|isn't|aren't|doesn't|don't)\b)"
)
_REPORT_CUE = re.compile(r"(?i:\b(?:" + "|".join(_REPORTING + _REPORTING_PRESENT) + r")\b)")
_REPORTING_PRESENT_SET = frozenset(_REPORTING_PRESENT)
_MODAL_BEFORE = re.compile(r"(?i:\b(?:will|would|shall|to|may|might|could|can|should|must)\s+$|'ll\s*$)")
_ATTRIBUTION = re.compile(r"(?i:\baccording\s+to\b)")
_SINCE_BEFORE = re.compile(r"(?i:\bsince\s+(?:the\s+)?$)")
_ENDPOINT_BEFORE = re.compile(r"(?i:\b(?:until|till|through|to|by|effective|expires?|expiring|due|before)\s+(?:the\s+|at\s+)?$)")


_LOWERED = {rx: lower_case_form(rx) for rx in (_PAST_FUTURE_CUE, _FUTURE_CUE, _REPORT_CUE, _PRESENT_CUE)}
_CUES_KEPT: dict[str, list[tuple[int, int, str]]] = {}


_WORD = re.compile(r"[A-Za-z][\w'-]*")


def tense_cues(sentence: str) -> list[tuple[int, int, str]]:
    """(start, end, tense) of tense cues in a sentence. Earlier patterns win
    overlaps: "was scheduled to" (past) before "scheduled to" (future);
    reporting verbs get their own class (``report``), being weaker evidence
    for the tense of what they report. The last few thousand sentences' cues are kept."""
    kept = _CUES_KEPT.get(sentence)
    if kept is None:
        if len(_CUES_KEPT) >= 4096:
            _CUES_KEPT.clear()
        kept = _CUES_KEPT[sentence] = _tense_cues(sentence)
    return list(kept)


def _tense_cues(sentence: str) -> list[tuple[int, int, str]]:
    low = fold_safe_lower(sentence)
    out: list[tuple[int, int, str]] = []
    taken: list[tuple[int, int]] = []
    t_starts: list[int] = []
    t_ends: list[int] = []
    headline = False
    if _HEADLINE_TO.search(sentence) is not None:  # else whether it is a headline does not matter
        words = _WORD.findall(sentence)
        headline = bool(words) and sum(w[0].isupper() for w in words) / len(words) >= 0.6
    for rx, tense in ((_PAST_FUTURE_CUE, "past"), (_FUTURE_CUE, "future"),
                      (_HEADLINE_TO if headline else None, "future"), (_REPORT_CUE, "report"),
                      (_PAST_CUE, "past"), (_PRESENT_CUE, "present")):
        if rx is None:
            continue
        if rx is _PAST_CUE:
            found = _past_words(sentence)
        elif low is not None and rx in _LOWERED:
            found = _LOWERED[rx].finditer(low)
        else:
            found = rx.finditer(sentence)
        added: list[tuple[int, int]] = []  # this pattern's cues (disjoint from one another)
        for m in found:
            s, e = m.span()
            if s < e:  # the cues taken are disjoint: sorted by start, their ends are sorted too
                k = bisect_left(t_starts, e)
                if k and t_ends[k - 1] > s:
                    continue
            elif any(s < te and ts < e for ts, te in taken):
                continue
            w = m.group(0).lower()
            kind = tense
            if rx is _REPORT_CUE and w in _REPORTING_PRESENT_SET:
                if _MODAL_BEFORE.search(sentence, max(0, s - 10), s):
                    continue  # "will say", "to tell": the modal before it gives the tense
                kind = "report_present"
            if rx is _PAST_CUE and w.endswith("ed") and w not in _IRREGULAR_PAST_SET:
                if w in _NOT_VERB_ED:
                    continue
                prev = _PREV_WORD.search(sentence[max(0, s - 30):s])
                if prev and prev.group(1).lower() in _ED_BLOCKERS:
                    continue
            elif rx is _PAST_CUE and w not in _AUXILIARY_PAST:
                prev = _PREV_WORD.search(sentence[max(0, s - 30):s])
                if prev and prev.group(1).lower() in _PARTICIPLE_BLOCKERS:
                    continue  # "will be held", "is being built": a participle, no past
            taken.append((s, e))
            added.append((s, e))
            out.append((s, e, kind))
        if added:  # into the sorted cues at once (a pattern's matches do not overlap)
            spans = sorted([*zip(t_starts, t_ends), *added], key=itemgetter(0))
            t_starts = [a for a, _ in spans]
            t_ends = [b for _, b in spans]
    return out


def clause_tense(sentence: str, s: int, e: int, cues: list[tuple[int, int, str]] | None = None) -> str:
    """Tense of the clause holding ``sentence[s:e]`` from the nearest cue
    (cues in the same clause first; reporting verbs count as past but lose
    to any other cue within 30 characters). For many spans of one sentence,
    :class:`SentenceTenses` reads the sentence once."""
    return SentenceTenses(sentence, cues).tense(s, e)


_ATTRIBUTION_WORDS = re.compile(r"(?i:according\s+to)")  # _ATTRIBUTION without its \b
_FAR = float("inf")  # no bound


def _word_char(ch: str) -> bool:
    """Is ``ch`` a word character (``\\w``, as ``\\b`` reads it)?"""
    return ch.isalnum() or ch == "_"


class SentenceTenses:
    """:func:`clause_tense` of spans of one sentence: its clause breaks, its cues sorted
    by position and its "according to"s are found once; each span is then read from the
    cues nearest to it, not from a pass over all of them."""

    def __init__(self, sentence: str, cues: list[tuple[int, int, str]] | None = None):
        self.sentence = sentence
        self.cues = cues = tense_cues(sentence) if cues is None else cues
        self.breaks = clause_breaks(sentence)
        self.attributions = [m.span() for m in _ATTRIBUTION_WORDS.finditer(sentence)]
        self.order = order = sorted(range(len(cues)), key=lambda i: (cues[i][0], cues[i][1]))
        self.starts = [cues[i][0] for i in order]
        self.ends = [cues[i][1] for i in order]
        # the cues tense_cues finds are disjoint, non-empty spans: sorted by start, their
        # ends are sorted too, and a walk away from a span meets them nearest first
        self.disjoint = all(a < b for a, b in zip(self.starts, self.ends)) and \
            all(b <= a for b, a in zip(self.ends, self.starts[1:]))
        # what is added to a cue's distance: reporting verbs 30 beyond 6 characters, an
        # -ed form (maybe an adjective; auxiliaries are surer) 15
        self.penalty = ["report" if kind in ("report", "report_present") else
                        "ed" if kind == "past" and sentence[a:b].lower().endswith("ed") else None
                        for a, b, kind in cues]

    def _attributed(self, lo: int, hi: int) -> bool:
        """Does ``sentence[lo:hi]`` hold "according to" (``_ATTRIBUTION`` searched there)?"""
        text = self.sentence
        for a, b in self.attributions[bisect_left(self.attributions, (lo, -1)):]:
            if b > hi:
                break
            if (a == lo or not _word_char(text[a - 1])) and (b == hi or not _word_char(text[b])):
                return True
        return False

    def _dist(self, k: int, s: int, e: int) -> int:
        a, b, _ = self.cues[k]
        d = (a - e) if a >= e else (s - b)
        pen = self.penalty[k]
        if pen == "report":
            if d > 6:
                d += 30  # "said ... that it will": the reported clause has its own tense
        elif pen == "ed":
            d += 15
        return d

    def _nearest(self, s: int, e: int, left: bool, lo: float, right: bool, hi: float) -> int | None:
        """The cue (its index in ``cues``) of least distance, the first in ``cues`` among
        equals, among: with ``left``, the cues ending at ``s`` or before and starting at
        ``lo`` or after; with ``right``, the cues starting at ``e`` or after and ending at
        ``hi`` or before. ``None`` when there is none. The cues are disjoint: walking
        away from the span on both sides meets them in the order of their distance
        before its penalty, and the walk stops beyond the best distance found."""
        starts, ends, order = self.starts, self.ends, self.order
        n = len(starts)
        i = bisect_right(ends, s) - 1 if left else -1
        j = bisect_left(starts, e) if right else n
        best, best_d = None, 0
        while True:
            dl = s - ends[i] if i >= 0 and starts[i] >= lo else None
            dr = starts[j] - e if j < n and ends[j] <= hi else None
            if dl is None and dr is None:
                return best
            if dr is None or (dl is not None and dl <= dr):
                d, k = dl, order[i]
                i -= 1
            else:
                d, k = dr, order[j]
                j += 1
            if best is not None and d > best_d:
                return best  # a penalty only adds to the distance
            t = self._dist(k, s, e)
            if best is None or t < best_d or (t == best_d and k < best):
                best, best_d = k, t

    def tense(self, s: int, e: int) -> str:
        """The tense of the clause holding ``sentence[s:e]`` (:func:`clause_tense`)."""
        sentence = self.sentence
        left, right = chunk_around(sentence, s, e, self.breaks)
        if self._attributed(left, min(max(left, s), right)):
            return "none"
        if self.disjoint and left <= s <= e <= right:
            # the verb governing an adjunct usually comes before it ("will double
            # its flights by August"); later cues in the clause are often
            # participles ("markets untouched by ..."): the clause's cues before the
            # span, else its cues after it, else the sentence's
            k = self._nearest(s, e, True, left, False, right)
            if k is None:
                k = self._nearest(s, e, False, left, True, right)
            if k is None:
                k = self._nearest(s, e, True, -_FAR, True, _FAR)
            best = None if k is None else self.cues[k]
        else:
            best = self._best_by_scan(s, e, left, right)
        if best is None:
            tense = "none"
        else:
            tense = {"report": "past", "report_present": "none"}.get(best[2], best[2])
        before = sentence[max(0, s - 20):s]
        if _SINCE_BEFORE.search(before):
            return "past"
        if tense == "past" and _ENDPOINT_BEFORE.search(before):
            return "none"
        return tense

    def _best_by_scan(self, s: int, e: int, left: int, right: int) -> tuple[int, int, str] | None:
        """The governing cue by a pass over all the cues (for cues that are not
        disjoint spans, or a span outside its clause)."""
        cues = self.cues
        keep = [k for k, c in enumerate(cues) if not (c[0] < e and s < c[1])]
        inside = [k for k in keep if cues[k][0] >= left and cues[k][1] <= right]
        pool = inside or keep
        if not pool:
            return None
        before_cues = [k for k in inside if cues[k][1] <= s]
        return cues[min(before_cues or pool, key=lambda k: self._dist(k, s, e))]
