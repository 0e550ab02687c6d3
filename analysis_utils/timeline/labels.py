"""The clause around a temporal expression, and a short "who did what" label for it.

:func:`event_label` reads the sentence holding a dated expression and returns a
:class:`Label`: the label text, the rule that wrote it, and the span of the sentence
it was read from (to collect the actors named there). English only, no parser: the
verbs are the tense cues of :mod:`analysis_utils.timeline.tense` (auxiliaries and
modals with the word they govern, ``-ed`` and irregular past forms, reporting verbs,
"is/has"), and the rest is punctuation and a few word lists.

Rules, in order
---------------
``possessive``    the expression owns a noun phrase: "this week's budget vote" -> that
                  phrase.
``noun_phrase``   the expression dates a noun phrase governed by a time preposition:
                  "ties improved after **the talks in March of the same year**", "two
                  months after **their meeting in May last year**" -> that phrase.
``attribution``   "According to officials on the 3rd" -> "According to officials".
``clause``        otherwise the clause: the sentence is cut into chunks at ``; : ,``
                  dashes, ellipses and double quotes; the chunk holding the expression,
                  joined to its neighbours while it has no verb ("On the 5th, | the Foreign
                  Minister signed the pact"). The verb is the cue nearest before the
                  expression (else the first after it), with the verb an auxiliary
                  governs ("will visit", "is expected to visit", "was removed"). The
                  subject is what stands before the verb in the clause, after the last
                  subordinating word ("The ministry said that **the two envoys** will
                  meet"), cut before an appositive, a participle or a preposition; when
                  the clause has none ("…, resigned the day before"), the subject of the
                  sentence's first clause is borrowed. A subject made only of actor
                  mentions (and titles, "and", "the") is written with the actors'
                  canonical names. The object is what follows the verb up to the
                  expression (its preposition dropped), or to the end of the clause or
                  the next temporal expression: at most seven words, cut before a
                  preposition after the fourth.
``chunk``         a clause with no verb at all: the chunk without the expression.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Iterable

from ..text.clauses import clause_chunks
from .tense import tense_cues

MAX_OBJECT_WORDS = 7
MAX_SUBJECT_WORDS = 8
MAX_LABEL_WORDS = 16

# a word: letters and digits, with apostrophes, periods and hyphens inside or before
# ("U.S.", "'90s"). No match starts right after one of ``'’.-`` (its run was tried from
# its start: a run with no letter after it is read once, not from each of its marks)
_WORD = re.compile(r"(?<!['’.-])[\w'’.-]*\w|[\w]")
_TIME_PREP = r"after|before|since|following|during|until|till|amid|ahead\s+of|prior\s+to|from"
_DET = (r"the|their|his|her|its|our|my|your|a|an|this|that|these|those|"
        r"[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*['’]s")
_NOUN_PHRASE = re.compile(
    rf"(?:^|\s)(?:{_TIME_PREP})\s+(?P<np>(?:{_DET})\s+(?:[\w'’-]+\s+){{0,3}}?[\w'’-]+)\s+"
    r"(?P<prep>in|on|of|during|at)\s+$"
)
_MODALS = {"will", "would", "shall", "should", "can", "could", "may", "might", "must", "to", "'ll", "’ll"}
_AUX = {"is", "are", "am", "was", "were", "be", "been", "being", "has", "have", "had", "'s", "’s", "'re"}
_ADVERBS = {"also", "not", "still", "already", "just", "never", "soon", "then", "now", "again", "even",
            "further", "only", "reportedly", "finally", "officially", "formally", "first"}
_NOT_VERBS = {"according"}
_SUBORDINATORS = {"that", "which", "who", "whom", "whose", "when", "where", "while", "because", "although",
                  "though", "if", "whether", "once", "since", "after", "before", "until", "as"}
_LEADING = {"and", "but", "or", "so", "yet", "also", "however", "meanwhile", "then", "thus", "still",
            "instead", "moreover", "furthermore", "earlier", "later", "recently", "currently", "now",
            "today", "nonetheless", "nevertheless", "besides", "indeed", "in addition", "so far",
            "as a result", "at the same time", "on the other hand"}
_LEADING_LONGEST_FIRST = tuple(sorted(_LEADING, key=len, reverse=True))
_ADVERBIAL_START = {"on", "in", "at", "by", "for", "from", "during", "after", "before", "since", "until",
                    "according", "earlier", "later", "recently", "currently", "meanwhile", "however",
                    "also", "so", "then", "today", "yesterday", "tomorrow", "now", "still", "moreover",
                    "furthermore", "as", "while", "when", "if", "although", "though", "because", "with",
                    "without", "despite", "under", "over", "amid", "in addition", "last", "next", "this"}
_PREPOSITIONS = {"in", "on", "at", "by", "for", "from", "to", "with", "during", "since", "until", "till",
                 "around", "about", "after", "before", "into", "onto", "over", "under", "between",
                 "through", "throughout", "toward", "towards", "across", "near", "within", "amid", "as"}
_TRAILING_JUNK = _PREPOSITIONS | {"the", "a", "an", "and", "or", "but", "of", "early", "late", "mid",
                                  "this", "that", "its", "their", "his", "her", "than", "just", "only"}
_FUNCTION = {"and", "or", "the", "a", "an", "both", "&", "of"}
_SUBSTITUTABLE = {"name", "alias", "title+name", "reference", "government", "surname", "metonym"}


@dataclass(frozen=True)
class Label:
    """An event label and where it was read: ``start``/``end`` are offsets into the
    sentence given to :func:`event_label` (the clause, with a borrowed subject's chunk
    when there is one: ``subject_start``/``subject_end``, else ``-1``)."""

    text: str
    rule: str
    start: int
    end: int
    subject_start: int = -1
    subject_end: int = -1


@dataclass(frozen=True)
class Mention:
    """An actor mention inside the sentence (offsets into the sentence)."""

    start: int
    end: int
    actor: str
    via: str


def _words(s: str, offset: int = 0) -> list[tuple[int, int, str]]:
    return [(offset + m.start(), offset + m.end(), m.group(0)) for m in _WORD.finditer(s)]


_SPACES = re.compile(r"\s+")
_END_PUNCT = re.compile(r"[.,;:!?…]+(['’]?)$")
# (opening quote, its pattern, closing quote, its pattern): a scare quote opens before a
# word and closes after one
_QUOTE_PAIRS = tuple((op, re.compile(rf"(?:^|\s){op}(?=\w)"), cl, re.compile(rf"(?<=[\w.!?]){cl}(?=\s|$|[.,;:!?])"))
                     for op, cl in (("'", "'"), ("‘", "’")))


def _tidy(s: str) -> str:
    """Spaces normalised, outer punctuation dropped, a scare quote the cut left open closed."""
    s = _SPACES.sub(" ", s).strip()
    s = s.strip(" ,;:-–—…\"“”()[]")
    s = _END_PUNCT.sub(r"\1", s).strip()
    for op, opening, cl, closing in _QUOTE_PAIRS:
        if op in s and len(opening.findall(s)) > len(closing.findall(s)):  # (no opening without its mark)
            s += cl
    return s


_LAST_WORD = re.compile(r"(?:^|\s)([\w'’-]+)$")


def _strip_trailing(s: str, keep_one: bool = False) -> str:
    """Drop prepositions, articles, conjunctions, numbers and punctuation at the end
    (with ``keep_one``, never the last remaining word: a subject may be "This")."""
    while True:
        t = s.rstrip(" ,;:-–—\"“”(")
        m = _LAST_WORD.search(t)
        if not m or not (m.group(1).lower() in _TRAILING_JUNK or m.group(1).isdigit()):
            return t
        if keep_one and not t[: m.start()].strip():
            return t
        s = t[: m.start()]


def _strip_leading(s: str) -> str:
    while True:
        t = s.lstrip(" ,;:-–—)")
        low = t.lower()
        hit = next((w for w in _LEADING_LONGEST_FIRST
                    if low.startswith(w) and (len(low) == len(w) or not low[len(w)].isalnum())), None)
        if hit is None:
            return t
        s = t[len(hit):]


def _cap_words(s: str, n: int) -> str:
    words = s.split()
    if len(words) <= n:
        return s.strip()
    return _strip_trailing(" ".join(words[:n]))


def _verb_cues(sentence: str, lo: int, hi: int, skip: tuple[int, int]) -> list[tuple[int, int]]:
    out = []
    for s, e, _tense in tense_cues(sentence):
        if s < lo or e > hi or (s < skip[1] and skip[0] < e):
            continue
        if sentence[s:e].lower() in _NOT_VERBS:
            continue
        out.append((s, e))
    return out


def _extend_verb(sentence: str, s: int, e: int, limit: int) -> int:
    """End of the verb group: an auxiliary's or modal's verb ("will visit",
    "is expected to visit", "was removed"), across adverbs."""
    last = sentence[s:e].split()[-1].lower()
    if last not in _MODALS and last not in _AUX:
        return e
    for ws, we, w in _words(sentence[e:limit], e):
        lw = w.lower()
        if lw in _ADVERBS or (lw.endswith("ly") and len(lw) > 4):
            continue
        if last in _MODALS or lw.endswith(("ed", "en", "ing")) or lw in ("be", "been", "being"):
            e2 = we
            if lw in ("be", "been", "being"):  # "will be held", "has been signed"
                return _extend_verb(sentence, s, e2, limit)
            return e2
        return e
    return e


def _verb_group_start(sentence: str, vs: int, cues: list[tuple[int, int]]) -> int:
    """Start of the verb group ending with the cue at ``vs``: an auxiliary cue right
    before it ("was | removed", "has | been | sent") belongs to it. The cues are tried
    nearest first (the one ending last wins; among equal ends the first listed), and
    no further once a word that is not an adverb stands between the cue and ``vs``."""
    aux = _AUX | _MODALS

    def adverb(w: str) -> bool:
        return w.lower() in _ADVERBS or w.lower().endswith("ly")

    ranked = sorted(range(len(cues)), key=lambda i: (-cues[i][1], i))
    neg_ends = [-cues[i][1] for i in ranked]
    while True:
        found = None
        for r in range(bisect_left(neg_ends, -vs), len(ranked)):
            c = cues[ranked[r]]
            if sentence[c[0]:c[1]].split()[-1].lower() in aux and all(map(adverb, sentence[c[1]:vs].split())):
                found = c
                break
            # the words after this cue's first one are words of the text between any cue
            # ending before it and ``vs``: one that is not an adverb rules those out
            nxt = cues[ranked[r + 1]] if r + 1 < len(ranked) else None
            if nxt is not None and nxt[1] <= c[0] and not all(map(adverb, sentence[c[0]:vs].split()[1:])):
                break
        if found is None:
            return vs
        vs = found[0]


def _cut_subject(s: str) -> str:
    """The head of a subject: before an appositive, a participle or a preposition."""
    s = s.split(", ")[0]
    words = s.split()
    for i, w in enumerate(words):
        lw = w.lower().strip("'’\"“”")
        if i >= 1 and (lw in _PREPOSITIONS or (lw.endswith("ed") and len(lw) > 4 and lw not in ("united",))):
            return " ".join(words[:i])
    return " ".join(words[:MAX_SUBJECT_WORDS])


def _after_subordinator(sentence: str, lo: int, hi: int) -> int:
    start = lo
    for ws, we, w in _words(sentence[lo:hi], lo):
        if w.lower() in _SUBORDINATORS:
            start = we
    return start


def _actor_subject(sentence: str, lo: int, hi: int, mentions: Iterable[Mention]) -> str | None:
    """The subject as canonical actor names, when it is made of actor mentions only."""
    inside = [m for m in mentions if lo <= m.start and m.end <= hi]
    if not inside:
        return None
    if len(inside) == 1 and inside[0].via == "pronoun" and not sentence[lo:hi].strip(" ,").lower().startswith(
            sentence[inside[0].start:inside[0].end].lower()):
        return None
    rest = sentence[lo:hi]
    for m in sorted(inside, key=lambda m: -m.start):
        if m.via not in _SUBSTITUTABLE and m.via != "pronoun":
            continue
        rest = rest[: m.start - lo] + " " + rest[m.end - lo:]
    for w in re.findall(r"[\w'’-]+", rest):
        if w.lower() in _FUNCTION or w[0].isupper():
            continue
        return None  # a lower-case word the mentions do not cover: keep the text
    names = list(dict.fromkeys(m.actor for m in sorted(inside, key=lambda m: m.start)
                               if m.via in _SUBSTITUTABLE or m.via == "pronoun"))
    return " and ".join(names) if names else None


def _is_adverbial(sentence: str, s: int, e: int) -> bool:
    low = sentence[s:e].strip().lower()
    first = re.match(r"[a-z]+(?:\s+[a-z]+)?", low)
    if not first:
        return True
    return first.group(0) in _ADVERBIAL_START or first.group(0).split()[0] in _ADVERBIAL_START


def _main_subject(sentence: str, chunks: list[tuple[int, int]], before: int) -> tuple[int, int] | None:
    """The subject of the sentence's first clause (skipping leading adverbials)."""
    for s, e in chunks:
        if s >= before:
            return None
        if _is_adverbial(sentence, s, e):
            continue
        cues = _verb_cues(sentence, s, e, (0, 0))
        end = cues[0][0] if cues else e
        if not cues and len(sentence[s:e].split()) > 6:
            return None
        if sentence[s:end].strip():
            return s, end
        return None
    return None


_CHUNKS_READ: tuple = (None, None)  # the last sentence and its chunks


def _chunks_of(sentence: str) -> tuple[list[tuple[int, int]], list[int]]:
    """The clause chunks of the sentence (the whole sentence when it has none) and their
    starts; the last sentence's are kept (each of its dated expressions asks)."""
    global _CHUNKS_READ
    last = _CHUNKS_READ
    if last[0] is sentence:
        return last[1]
    chunks = clause_chunks(sentence) or [(0, len(sentence))]
    found = (chunks, [a for a, _ in chunks])
    _CHUNKS_READ = (sentence, found)
    return found


def event_label(sentence: str, ts: int, te: int, mentions: Iterable[Mention] = (),
                others: Iterable[tuple[int, int]] = ()) -> Label:
    """A short label for what happened at the expression ``sentence[ts:te]``.

    ``mentions``: actor mentions in the sentence (offsets into ``sentence``), used
    to write a subject as canonical names; ``others``: spans of the sentence's other
    temporal expressions (an object stops before them). See the module docstring.
    """
    mentions = list(mentions)
    others = sorted((a, b) for a, b in others if (a, b) != (ts, te))
    timex = sentence[ts:te]
    # possessive: "this week's 'diplomatic battle'"
    pm = re.match(r"['’]s\s+", sentence[te:])
    if pm:
        tail = re.split(r"[;:,.!?\"“”]\s|[;:!?\"“”]|\.$", sentence[te + pm.end():])[0]
        text = _tidy(timex + "'s " + _cap_words(tail, MAX_OBJECT_WORDS))
        return Label(text, "possessive", ts, te + pm.end() + len(tail))
    chunks, starts = _chunks_of(sentence)
    k = bisect_right(starts, ts) - 1  # the chunk holding the expression (chunks are disjoint, in order)
    if k < 0 or ts >= chunks[k][1]:
        k = min(range(len(chunks)), key=lambda i: abs(chunks[i][0] - ts))
    cs, ce = chunks[k]
    # a dated noun phrase: "after the summit in July of the same year"
    nm = _NOUN_PHRASE.search(sentence[cs:ts])
    if nm and _verb_cues(sentence, cs + nm.start("np"), cs + nm.end("np"), (ts, te)):
        nm = None  # "during the Soviet era was removed at": a clause, not a noun phrase
    if nm:
        s = cs + nm.start("np")
        return Label(_tidy(f"{nm.group('np')} {nm.group('prep')} {timex}"), "noun_phrase", s, te)
    # an attribution: "According to diplomatic sources on the 17th"
    if re.match(r"\s*according\s+to\b", sentence[cs:ts], re.I):
        text = _tidy(_strip_trailing(sentence[cs:ts]) + " " + sentence[te:ce])
        return Label(text, "attribution", cs, ce)
    # the clause: grow the chunk until it has a verb
    lo, hi = cs, ce
    cues = _verb_cues(sentence, lo, hi, (ts, te))
    forward_first = k == 0 or not sentence[cs:ts].strip(" ,") and _is_adverbial(sentence, cs, ce)
    order = ([range(k + 1, min(len(chunks), k + 3)), range(k - 1, max(-1, k - 4), -1)] if forward_first
             else [range(k - 1, max(-1, k - 4), -1), range(k + 1, min(len(chunks), k + 3))])
    for steps in order:
        if cues:
            break
        a, b = lo, hi
        for j in steps:
            a, b = min(a, chunks[j][0]), max(b, chunks[j][1])
            cues = _verb_cues(sentence, a, b, (ts, te))
            if cues:
                lo, hi = a, b
                break
    if not cues:
        text = _tidy(_strip_trailing(sentence[cs:ts]) + " " + sentence[te:ce])
        return Label(_cap_words(text, MAX_LABEL_WORDS) or _tidy(sentence[cs:ce]), "chunk", cs, ce)
    before = [c for c in cues if c[1] <= ts]
    vs, ve = max(before, key=lambda c: c[1]) if before else min(cues)
    vs = _verb_group_start(sentence, vs, cues)
    ve = _extend_verb(sentence, vs, ve, hi)
    verb = sentence[vs:ve]
    # subject: in the verb's own chunk, after the expression when it comes first
    j = bisect_right(starts, vs) - 1
    vchunk = chunks[j] if j >= 0 and vs < chunks[j][1] else (lo, hi)
    sub_lo = max(vchunk[0], te if te <= vs else lo)
    sub_lo = _after_subordinator(sentence, sub_lo, vs)
    subj_span = _trim_span(sentence, sub_lo, vs)
    borrowed = (-1, -1)
    if subj_span is None:
        ms = _main_subject(sentence, chunks, lo)
        if ms is not None:
            subj_span = borrowed = _trim_span(sentence, *ms) or ms
    subject = ""
    if subj_span is not None:
        raw = sentence[subj_span[0]:subj_span[1]]
        subject = _actor_subject(sentence, subj_span[0], subj_span[1], mentions) or _cut_subject(
            _strip_trailing(raw, keep_one=True))
    # object: up to the expression (or to the next one), else to the end of the clause
    stops = [a for a, _ in others if a > max(ve, te)] + [hi]
    if ts >= ve:
        obj = sentence[ve:ts]
        if not _strip_trailing(obj).strip(" ,"):
            obj = sentence[te:min(stops)]
    else:
        obj = sentence[ve:min(stops)]
    obj = _cap_object(_strip_trailing(obj.split(", ")[0]))
    text = _tidy(" ".join(p for p in (subject.strip(), verb.strip(), obj.strip()) if p))
    return Label(_cap_words(text, MAX_LABEL_WORDS), "clause", lo, hi, *borrowed)


def _trim_span(sentence: str, lo: int, hi: int) -> tuple[int, int] | None:
    """A subject span without leading connectives and punctuation or trailing adverbs;
    ``None`` when nothing is left."""
    text = sentence[lo:hi]
    stripped = _strip_leading(text)
    stripped = re.sub(r"^[^\w'‘\"“]+", "", stripped)
    lo += len(text) - len(stripped)
    while True:
        m = re.search(r"(?:^|\s)([\w'’-]+)[\s,]*$", sentence[lo:hi])
        if not m:
            break
        w = m.group(1).lower()
        if w in _ADVERBS or (w.endswith("ly") and len(w) > 4 and w not in ("italy", "family")):
            hi = lo + m.start()
            continue
        break
    hi = lo + len(sentence[lo:hi].rstrip(" ,"))
    return (lo, hi) if hi > lo else None


def _cap_object(obj: str) -> str:
    """At most :data:`MAX_OBJECT_WORDS` words, cut before a preposition after the fourth."""
    words = obj.split()
    for i, w in enumerate(words):
        if i >= 4 and w.lower() in _PREPOSITIONS:
            return _strip_trailing(" ".join(words[:i]))
    return _cap_words(obj, MAX_OBJECT_WORDS)
