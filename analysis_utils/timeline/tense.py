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

from ..text.alternation import word_alternation
from ..text.clauses import chunk_around
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
            k = bisect_right(t_starts, s)
            t_starts.insert(k, s)
            t_ends.insert(k, e)
            out.append((s, e, kind))
    return out


def clause_tense(sentence: str, s: int, e: int, cues: list[tuple[int, int, str]] | None = None) -> str:
    """Tense of the clause holding ``sentence[s:e]`` from the nearest cue
    (cues in the same clause first; reporting verbs count as past but lose
    to any other cue within 30 characters)."""
    left, right = chunk_around(sentence, s, e)
    clause = sentence[left:right]
    if _ATTRIBUTION.search(clause[: max(0, s - left)]):
        return "none"
    if cues is None:
        cues = tense_cues(sentence)
    inside = [c for c in cues if c[0] >= left and c[1] <= right and not (c[0] < e and s < c[1])]
    pool = inside or [c for c in cues if not (c[0] < e and s < c[1])]
    if not pool:
        tense = "none"
    else:
        def dist(c):
            d = (c[0] - e) if c[0] >= e else (s - c[1])
            if c[2] in ("report", "report_present") and d > 6:
                d += 30  # "said ... that it will": the reported clause has its own tense
            elif c[2] == "past" and sentence[c[0]:c[1]].lower().endswith("ed"):
                d += 15  # an -ed form may be an adjective; auxiliaries are surer
            return d

        # the verb governing an adjunct usually comes before it ("will double
        # its flights by August"); later cues in the clause are often
        # participles ("markets untouched by ...")
        before_cues = [c for c in inside if c[1] <= s]
        best = min(before_cues or pool, key=dist)
        tense = {"report": "past", "report_present": "none"}.get(best[2], best[2])
    before = sentence[max(0, s - 20):s]
    if _SINCE_BEFORE.search(before):
        return "past"
    if tense == "past" and _ENDPOINT_BEFORE.search(before):
        return "none"
    return tense
