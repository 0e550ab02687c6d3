"""Which speaker: a learned ranker over the rules' choice and the people named nearby.

The rules (:mod:`.builder`) give each attribution one speaker, or none. The ranker
looks at that choice beside every person the text names in full around the
attribution (the paragraph of the quotation, the one before it, and the rest of its own
paragraph: the names of :attr:`.name_index.PersonIndex.seen`, each read as the full name
it resolves to) and scores each candidate with a logistic regression trained on PolNeAR
train (``benchmarks/train_quotes.py``; weights in
``analysis_utils/models/speaker_ranker.json``). The rules' decisions are features of
their candidate (how it was found, the kind of row, the cue, the shape of the mention),
not the answer: data decide where the rules and the layout of the text disagree.

A candidate's features (:func:`candidate_features`) are facts about where the text names
it, never words of one article: the side and distance from the quotation and from the
cue (in characters, sentences and paragraphs), whether the name stands right beside the
cue (``Cruz said``, ``said Cruz``), after a preposition or before a possessive ``'s``,
how often the article names the person and whether more often than anyone else, whether
the person spoke the previous attribution, and whether the quotation itself names them.

The choice (:func:`rerank`): the candidate with the highest score. The rules' speaker is
replaced only by a person the model scores higher than it *and* at least
``min_probability`` (more likely right than wrong by default); an attribution the rules
left without a speaker gets the best person only above that threshold. Replaced and
filled speakers have ``speaker_via`` ``ranked``; their mention is the nearest one.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .confidence import speaker_features
from .model_files import MODELS, LinearModel, read_linear
from .word_lists import TIME_WORDS

MODEL_FILE = MODELS / "speaker_ranker.json"
WHAT = "speaker-ranker model"
SPEECH_KINDS = ("direct", "partial", "indirect", "headline")
_NAME_AT = re.compile(r"[^\W\d_][\w.'’-]*(?:[ \t]+(?:[A-Z][\w.'’-]*|de|da|van|von|al-\w+|bin|ibn|le|la|del))*")
_PREPOSITIONS = frozenset("to by of with for about against on at from in into than as like toward towards "
                          "over under between among including".split())
_WORD_BEFORE = re.compile(r"([A-Za-z]+)[^\w]{0,3}$")
_WORD_AFTER = re.compile(r"^[^\w]{0,3}([A-Za-z']+)")


@dataclass(slots=True)
class Candidate:
    """A possible speaker: ``name`` (a full name, or the rules' speaker) and the mention
    that stands for it nearest the attribution (``start``, ``end``)."""

    name: str
    start: int | None
    end: int | None
    rule: bool = False
    features: list[str] = field(default_factory=list)
    anonymous: bool = False  # a phrase naming nobody (*another New Hampshire Republican*)


@dataclass
class Context:
    """What the ranker reads of one text: the person mentions ``(offset, full name)`` in
    text order, paragraph and sentence starts (sorted), and the cue lexicon's words."""

    text: str
    seen: list[tuple[int, str]]
    para_starts: list[int]
    sent_starts: list[int]
    cue_words: frozenset
    gender: dict[str, str] = field(default_factory=dict)  # full name -> "m" / "f" (when known)
    counts: dict[str, int] = field(default_factory=dict)
    offsets: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        for _, full in self.seen:
            self.counts[full] = self.counts.get(full, 0) + 1
        self.offsets = [o for o, _ in self.seen]
        self.at = dict(self.seen)  # offset -> the full name of the person mention there
        self.top = max(self.counts.values()) if self.counts else 0
        self._words: set[str] | None = None

    def has_word(self, word: str) -> bool:
        """Does ``word`` occur in the text as a whole word (``\\bword\\b``)? For a word
        of word characters only: a look-up in the text's words, read once."""
        if not _WORD_ONLY.fullmatch(word):
            return _as_word(self.text, word)
        if self._words is None:
            self._words = set(_WORD_ONLY.findall(self.text))
        return word in self._words


def context_of(builder) -> Context:
    """The :class:`Context` of a :class:`~.builder.QuoteBuilder` that has run."""
    sents = sorted(a for spans in builder.para_sentences.values() for a, _ in spans)
    return Context(builder.text, sorted(builder.people.seen), [p.start for p in builder.paras], sents,
                   _cue_words(builder.lex), builder.people.gender)


_CUE_WORDS: list[tuple[object, frozenset]] = []  # (lexicon.single, its cue words): the last few lexicons


def _cue_words(lex) -> frozenset:
    """The words of the lexicon's one-word cues (not the learned ones), computed once per lexicon."""
    for single, words in _CUE_WORDS:
        if single is lex.single:
            return words
    words = frozenset(w for w, c in lex.single.items() if not c.learned)
    _CUE_WORDS.insert(0, (lex.single, words))
    del _CUE_WORDS[4:]
    return words


def _band(n: int, limits=(0, 3, 20, 60, 150, 400)) -> str:
    for limit in limits:
        if n <= limit:
            return str(limit)
    return "far"


_WORD_ONLY = re.compile(r"\w+")


def _is_word_char(c: str) -> bool:
    """What the regular expressions' ``\\w`` matches (str patterns)."""
    return c.isalnum() or c == "_"


def _as_word(text: str, word: str) -> bool:
    """``re.search(r"\\b" + re.escape(word) + r"\\b", text) is not None`` for a word that is
    not empty, without a pattern compiled per word (and scanned position by position)."""
    first, last = _is_word_char(word[0]), _is_word_char(word[-1])
    k = text.find(word)
    while k >= 0:
        e = k + len(word)
        if (first != (k > 0 and _is_word_char(text[k - 1]))) and (last != (e < len(text) and _is_word_char(text[e]))):
            return True
        k = text.find(word, k + 1)
    return False


def _mention_end(text: str, start: int) -> int:
    m = _NAME_AT.match(text, start)
    return m.end() if m else start + 1


def _subject(text: str, ctx: Context, a: int) -> bool:
    """Does the mention at ``a`` open its sentence (after capitalised words only: titles,
    roles, *The*)?"""
    k = bisect_right(ctx.sent_starts, a) - 1
    s0 = ctx.sent_starts[k] if k >= 0 else 0
    words = text[s0:a].split()
    return len(words) <= 6 and all(w[:1].isupper() or w[:1] in "\"“‘'(" for w in words)


_OBJECT = re.compile(r"\b(?:him|them|us|me)\b")
_PRONOUN_GENDER = {"he": "m", "him": "m", "she": "f", "her": "f"}


def _pronoun_at(text: str, ctx: Context, cue_a: int, cue_b: int) -> str:
    """The gender of a *he* / *she* right beside the cue (``he said``, ``said she``), else ``""``."""
    wb = _WORD_BEFORE.search(text, max(0, cue_a - 12), cue_a)
    if wb and wb.group(1).lower() in _PRONOUN_GENDER and not text[wb.end(1):cue_a].strip(" ,"):
        return _PRONOUN_GENDER[wb.group(1).lower()]
    wa = _WORD_AFTER.match(text[cue_b:cue_b + 12])
    if wa and wa.group(1).lower() in ("he", "she"):
        return _PRONOUN_GENDER[wa.group(1).lower()]
    return ""


def _gap(text: str, b: int, a: int, cue_a: int, cue_b: int) -> str:
    """The words between a mention (``a:b``) and the cue, on the side it is: ``L0``..,
    ``R0``.. (a band of word counts), ``,`` when a comma stands between."""
    if b <= cue_a:
        between, side = text[b:cue_a], "L"
    elif a >= cue_b:
        between, side = text[cue_b:a], "R"
    else:
        return "over"
    n = len(between.split())
    band = "0" if n == 0 else "1" if n == 1 else "2" if n == 2 else "5" if n <= 5 else "many"
    return side + band + ("," if "," in between else "")


def groups_of(rows: list[dict]) -> dict[int, list[dict]]:
    """The speech rows (direct, partial, indirect, headline) by attribution id."""
    out: dict[int, list[dict]] = {}
    for r in rows:
        if r["kind"] in SPEECH_KINDS:
            out.setdefault(r["attribution"], []).append(r)
    return out


@dataclass(slots=True)
class _Frame:
    """Where an attribution is: its first row with a speaker (else its first row), the
    quotation's extent, the cue, and the anchor distances are read from (the cue, else
    the quotation)."""

    lead: dict
    qa: int
    qb: int
    cue_a: int | None
    cue_b: int | None
    anchor_a: int
    anchor_b: int


def _frame_of(group: list[dict]) -> _Frame:
    lead = next((r for r in group if r["speaker"]), group[0])
    qa = min(r["start"] for r in group)
    qb = max(r["end"] for r in group)
    cue_a, cue_b = lead["cue_start"], lead["cue_end"]
    anchor_a, anchor_b = (cue_a, cue_b) if cue_a is not None else (qa, qb)
    return _Frame(lead, qa, qb, cue_a, cue_b, anchor_a, anchor_b)


def rule_candidate(group: list[dict], ctx: Context) -> Candidate | None:
    """The rules' speaker of an attribution as a candidate (None without one): the
    confidence features of its row (prefixed ``R:``), how often the text names it, whether
    it opens its sentence, and the words between it and the cue."""
    fr = _frame_of(group)
    lead, text = fr.lead, ctx.text
    rule_name = lead["speaker"]
    if not rule_name:
        return None
    feats = ["rule"] + ["R:" + f for f in speaker_features(lead, text)]
    n = ctx.counts.get(rule_name, 0)
    feats.append(f"R:count={_band(n, (0, 1, 3, 9))}")
    ra = lead["speaker_start"]
    if " " not in rule_name and n == 0:  # one word nobody else is named by: a person, or "Sunday"?
        low = rule_name.lower()
        if low in TIME_WORDS:
            feats.append("R:time-word")
        elif ctx.has_word(low):
            feats.append("R:lower-case-elsewhere")
    if ra is not None:
        if _subject(text, ctx, ra):
            feats.append("R:subject")
        if fr.cue_a is not None:
            feats.append(f"R:gap={_gap(text, lead['speaker_end'], ra, fr.cue_a, fr.cue_b)}")
    return Candidate(rule_name, ra, lead["speaker_end"], True, feats)


def candidates(group: list[dict], ctx: Context, previous: str = "", earlier: frozenset = frozenset()) -> list[Candidate]:
    """The candidates of one attribution (its rows, ``group``) with their features: the
    rules' speaker (:func:`rule_candidate`, first, when there is one), each person named in
    full from the start of the paragraph before the quotation to the end of its own
    paragraph, and the phrases beside the cue (:func:`_phrases`). ``previous`` is the
    speaker of the attribution before it, ``earlier`` those of all before it."""
    rule = rule_candidate(group, ctx)
    return ([rule] if rule is not None else []) + other_candidates(group, ctx, previous, earlier)


def other_candidates(group: list[dict], ctx: Context, previous: str = "",
                     earlier: set | frozenset = frozenset()) -> list[Candidate]:
    """The candidates of :func:`candidates` other than the rules' speaker."""
    fr = _frame_of(group)
    text, lead, qa, qb = ctx.text, fr.lead, fr.qa, fr.qb
    cue_a, cue_b, anchor_a, anchor_b = fr.cue_a, fr.cue_b, fr.anchor_a, fr.anchor_b
    p = bisect_right(ctx.para_starts, qa) - 1
    lo = ctx.para_starts[p - 1] if p >= 1 else 0
    hi = ctx.para_starts[p + 1] if p + 1 < len(ctx.para_starts) else len(text)
    kind = lead["kind"]
    quoted = text[qa:qb]
    out: list[Candidate] = []
    rule_name = lead["speaker"]
    s_anchor = bisect_right(ctx.sent_starts, anchor_a)
    # the person mentions of the window, nearest to the cue (or quotation) first per name
    k0, k1 = bisect_left(ctx.offsets, lo), bisect_left(ctx.offsets, hi)
    nearest: dict[str, int] = {}
    for off, full in ctx.seen[k0:k1]:
        if qa <= off < qb:
            continue  # inside the quotation
        d = abs(off - anchor_a)
        if full not in nearest or d < abs(nearest[full] - anchor_a):
            nearest[full] = off
    order = sorted(nearest, key=lambda f: (abs(nearest[f] - anchor_a), f))
    pron = _pronoun_at(text, ctx, cue_a, cue_b) if cue_a is not None else ""
    if pron and not rule_name:
        order = []  # a "he said" the rules could not resolve stays unresolved (ambiguous)
    elif pron:  # "he said": only people of that gender; several of them make it ambiguous
        order = [f for f in order if ctx.gender.get(f, pron) == pron]
        agreeing = sum(ctx.gender.get(f) == pron for f in order)
    for rank, full in enumerate(order):
        a = nearest[full]
        b = _mention_end(text, a)
        if cue_a is not None and b <= cue_a and _OBJECT.search(text, b, cue_a):
            continue  # "Olsen accused him of saying": the one in the object case is the speaker
        f = [f"kind={kind}", "person", f"rank={min(rank, 3)}"]
        if b <= qa:
            f.append(f"before={_band(qa - b)}")
        else:
            f.append(f"after={_band(a - qb)}")
        if b <= anchor_a:
            f.append(f"cue-left={_band(anchor_a - b)}")
        elif a >= anchor_b:
            f.append(f"cue-right={_band(a - anchor_b)}")
        ds = abs(bisect_right(ctx.sent_starts, a) - s_anchor)
        f.append(f"sentences={min(ds, 3)}")
        pm = bisect_right(ctx.para_starts, a) - 1
        f.append("para=same" if pm == p else "para=before" if pm < p else "para=after")
        wb = _WORD_BEFORE.search(text, max(0, a - 25), a)
        before = wb.group(1).lower() if wb else ""
        wa = _WORD_AFTER.match(text[b:b + 25])
        after = wa.group(1).lower() if wa else ""
        if before in _PREPOSITIONS:
            f.append(f"prep={before if before in ('by', 'to', 'of', 'with') else 'other'}")
        if before in ctx.cue_words:
            f.append("cue-word-before")
        if after in ctx.cue_words:
            f.append("cue-word-after")
        if text[b:b + 2] in ("'s", "’s") or text[b:b + 1] in ("'", "’"):
            f.append("possessive")
        if cue_a is not None and (0 <= cue_a - b <= 3 or 0 <= a - cue_b <= 3):
            f.append("beside-cue")
        if cue_a is not None:
            f.append(f"gap={_gap(text, b, a, cue_a, cue_b)}")
        if _subject(text, ctx, a):
            f.append("subject" if ds else "subject-of-cue-sentence")
        if pron:
            f.append("pronoun=" + ("agree" if ctx.gender.get(full) == pron else "unknown"))
            if agreeing > 1:
                f.append("pronoun-ambiguous")
        n = ctx.counts.get(full, 0)
        f.append(f"count={_band(n, (1, 3, 9))}")
        if n == ctx.top:
            f.append("most-named")
        if full == previous:
            f.append("previous-speaker")
        elif full in earlier:
            f.append("earlier-speaker")
        last = full.split()[-1]
        if len(last) > 2 and last in quoted:
            f.append("named-in-quotation")
        if full == rule_name:
            continue  # the rules' speaker: a candidate of its own
        if rule_name and (rule_name in full or full in rule_name):
            f.append("is-rule")
        out.append(Candidate(full, a, b, False, f))
    if cue_a is not None:
        names = [c.name for c in out] + ([rule_name] if rule_name else [])
        for ph in _phrases(text, ctx, cue_a, cue_b, qa, qb, kind):
            # a phrase holding a candidate's name, or held in it, is that candidate
            if not any(n in ph.name or ph.name in n or n.split()[-1] in ph.name.split() for n in names):
                out.append(ph)
    if not rule_name:  # filling an empty speaker is not replacing one: features of their own
        for c in out:
            c.features += ["E:" + f for f in c.features]
            c.features.append("rule-empty")
    return out


_CLAUSE_CUT = re.compile(r"[,;:(—–\"“”]|\b(?:that|when|while|as|and|but|because|after|before|since|if|which|who)\b")
_TRAILING = frozenset("could would will should might may must can also only then later again still has have had "
                      "was were is are be been did does do not never just even once first previously recently "
                      "often quickly".split())
_DETERMINERS = {"the": "the", "a": "a", "an": "a", "another": "another", "one": "another", "yet": "another",
                "his": "possessive", "her": "possessive", "their": "possessive", "its": "possessive",
                "some": "group", "many": "group", "several": "group", "other": "group", "others": "group",
                "both": "group", "two": "group", "three": "group"}
_PHRASE_END = re.compile(r"[,.;:!?(—–\n\"“”]")


def _phrases(text: str, ctx: Context, cue_a: int, cue_b: int, qa: int, qb: int, kind: str) -> list[Candidate]:
    """Phrases standing right beside the cue, as candidates the rules may have passed
    over: the words between the last clause boundary of the sentence and the cue (trailing
    auxiliaries and adverbs left out: *a spokesman ... could only quip*), and the words
    after the cue up to the next punctuation (*added another New Hampshire Republican*)."""
    out = []
    k = bisect_right(ctx.sent_starts, cue_a) - 1
    s0 = ctx.sent_starts[k] if k >= 0 else 0
    left = text[max(s0, cue_a - 200):cue_a]
    cut = 0
    for m in _CLAUSE_CUT.finditer(left):
        cut = m.end()
    words = list(re.finditer(r"\S+", left[cut:]))
    for k, w in enumerate(words):  # the noun phrase that opens the clause: up to its verb
        low = w.group().lower()
        if k and w.group()[:1].islower() and (low in _TRAILING or low in ctx.cue_words or low.endswith("ed")):
            words = words[:k]
            break
    while words and (words[-1].group().lower() in _TRAILING or words[-1].group().lower().endswith("ly")):
        words.pop()
    if words and words[0].group()[:1].islower() and words[0].group().endswith(("ed", "ing")):
        words = []  # a clause that opens with a verb has no subject here
    base = max(s0, cue_a - 200) + cut
    if 1 <= len(words) <= 8:
        a, b = base + words[0].start(), base + words[-1].end()
        ph = _phrase(text, a, b, "L", kind) if (b <= qa or a >= qb) and not _OBJECT.search(text, b, cue_a) else None
        if ph is not None:
            out.append(ph)
    right = text[cue_b:cue_b + 120]
    m = _PHRASE_END.search(right)
    seg = right[:m.start()] if m else right
    words = list(re.finditer(r"\S+", seg))
    if 1 <= len(words) <= 8 and (cue_b <= qa or cue_b >= qb):
        a, b = cue_b + words[0].start(), cue_b + words[-1].end()
        ph = _phrase(text, a, b, "R", kind) if b <= qa or a >= qb else None
        named = _named_at(text, ctx, b + 2) if ph is not None and text[b:b + 2] == ", " else None
        if named:  # "said the city's lawyer, Dana Fox,": the person the apposition names
            ph = Candidate(named[0], b + 2, named[1], False, ph.features + ["P:named-apposition"])
        if ph is not None:
            if text[qb:cue_a].strip(" ,\"”’'") == "":
                ph.features.append("P:after-quotation")
            out.append(ph)
    return out


_PRONOUNS = frozenset("he she they it we i you him her them us who this that these those".split())


def _named_at(text: str, ctx: Context, a: int) -> tuple[str, int] | None:
    """The person named at ``a`` (a full name the text registered) and the mention's end."""
    if a in ctx.at:
        return ctx.at[a], _mention_end(text, a)
    m = _NAME_AT.match(text, a)
    name = m.group().rstrip(".,") if m else ""
    return (name, a + len(name)) if name in ctx.counts else None


def _phrase(text: str, a: int, b: int, side: str, kind: str) -> Candidate | None:
    phrase = text[a:b]
    words = phrase.split()
    if len(words) == 1 and phrase.lower() in _PRONOUNS:
        return None  # a pronoun is resolved by the rules, or not at all
    first = words[0].lower().strip("\"“‘'")
    shape = _DETERMINERS.get(first) or ("cap" if words[0][:1].isupper() else "lower")
    lower = [w for w in words[1:] if w[:1].islower()]
    f = ["phrase", f"P:side={side}", f"P:first={shape}", f"P:side+first={side}+{shape}",
         f"P:words={min(len(words), 6)}", f"kind={kind}"]
    if any(w.endswith(("ed", "ing")) for w in lower):
        f.append("P:verbish")
    if words[-1][:1].isupper():
        f.append("P:ends-capital")
    if not lower and shape == "cap":
        f.append("P:all-capital")
    if " of " in phrase or " for " in phrase:
        f.append("P:of")
    return Candidate(phrase, a, b, False, f, anonymous=shape in ("a", "another", "group"))


class SpeakerRanker(LinearModel):
    """The learned weights: ``intercept``, ``weights`` (feature -> weight),
    ``min_probability`` and ``max_rule_probability``."""

    def __init__(self, intercept: float, weights: dict[str, float], min_probability: float,
                 max_rule_probability: float = 1.0):
        super().__init__(intercept, weights)
        self.min_probability = float(min_probability)
        self.max_rule_probability = float(max_rule_probability)


def load_ranker(path: str | Path | None = None) -> SpeakerRanker:
    """Read a speaker-ranker model file (JSON: ``intercept``, ``weights``,
    ``min_probability``, ``max_rule_probability``). Raises
    :class:`~analysis_utils.errors.ModelFileError` with a clear message when it is missing,
    not JSON, or not in that layout."""
    path = Path(path) if path is not None else MODEL_FILE
    intercept, weights, (low, high) = read_linear(path, WHAT, ("min_probability", "max_rule_probability"))
    return SpeakerRanker(intercept, weights, low, high)


@lru_cache(maxsize=1)
def default_ranker() -> SpeakerRanker:
    """The shipped model (read once)."""
    return load_ranker()


def choose(cands: list[Candidate], model: SpeakerRanker) -> Candidate | None:
    """The candidate to use instead of the rules' one, or None to keep the rules' choice:
    the best-scored person when it beats the rules' candidate (if any) and reaches
    ``min_probability``."""
    best, best_p, rule_p = None, -1.0, -1.0
    for c in cands:
        p = model.probability(c.features)
        if c.rule:
            rule_p = p
        elif p > best_p:
            best, best_p = c, p
    if best is None or best_p < model.min_probability or best_p <= rule_p or rule_p >= model.max_rule_probability:
        return None
    return best


def rerank(rows: list[dict], ctx: Context, model: SpeakerRanker | None = None,
           role_of=None) -> None:
    """Let the ranker pick each attribution's speaker (in place; module docstring).
    ``role_of(name, offset)`` gives the role the text gives a person (else none). An
    attribution whose rules' speaker scores at least ``max_rule_probability`` keeps it
    without looking further (:func:`choose` would keep it)."""
    model = model or default_ranker()
    groups = groups_of(rows)
    previous, earlier = "", set()
    for key in sorted(groups, key=lambda k: min(r["start"] for r in groups[k])):
        group = groups[key]
        rule = rule_candidate(group, ctx)
        if rule is None or model.probability(rule.features) < model.max_rule_probability:
            others = other_candidates(group, ctx, previous, earlier)
            pick = choose(([rule] if rule is not None else []) + others, model) if others else None
            if pick is not None:
                role = role_of(pick.name, pick.start) if role_of and not pick.anonymous else ""
                for r in group:
                    r.update(speaker=pick.name, speaker_start=pick.start, speaker_end=pick.end, speaker_role=role,
                             speaker_via="ranked", anonymous=pick.anonymous)
        spk = next((r["speaker"] for r in group if r["speaker"]), "")
        if spk:
            previous = spk
            earlier.add(spk)
