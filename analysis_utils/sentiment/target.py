"""Target-dependent sentiment: how a sentence portrays one span of it.

:func:`target_sentiment` (``text, start, end``) scores the sentiment *toward*
``text[start:end]`` in its sentence: ``label`` (``negative`` / ``neutral`` /
``positive``), ``score`` in [-1, 1], the clause holding the target, TextBlob and
VADER scores of that clause, the model's class probabilities and the words that
drove the result. ``text`` may be a sentence or a whole article. This is the
kit's evaluation surface (NewsMTSC, ``benchmarks/bench_sentiment.py``); the name
and the result keys are stable.

How it works
------------
1. **Sentence.** The paragraph around the span (blank lines end paragraphs) is
   split with :func:`analysis_utils.text.sentences.split_sentences`
   (:func:`sentence_around`).
2. **Clause.** :func:`clause_around` cuts the sentence at clause boundaries
   (quotations, semicolons, dashes, conjunctions after a comma, contrast words)
   and keeps the piece holding the target; see its docstring for the rules.
3. **Lexicons.** :func:`score_clause_lexicons` gives TextBlob's polarity and
   subjectivity (``TextBlob(...).sentiment_assessments``, which needs no NLTK
   data) and VADER's scores (``vaderSentiment`` ships its lexicon), each with the
   words behind them.
4. **Model.** A linear model trained on NewsMTSC's train split: one logistic
   regression per class against the rest, over word features scaled by their
   naive-Bayes log-count ratios (NBSVM-style)
   (``benchmarks/train_sentiment.py``) over sparse named features
   (:func:`target_features`), with the target masked as ``<t>`` so that the
   score comes from what the text says about the target, never from who it is:

   * words: the sentence's words, also marked by side (before/after the target),
     uni- and bigrams of the clause, the five words on each side of the target
     and the two nearest ones by position; words are lower-cased and
     Porter-stemmed (NLTK's stemmer: code, no data); words in the scope of a
     negation (``not``, ``never``, ``n't``, ``no`` ..., up to the next
     punctuation or contrast word) are marked ``not_``;
   * lexicons: TextBlob polarity/subjectivity and VADER scores of the clause,
     TextBlob polarity of the sentence, VADER compound of the sentence outside
     the clause and of the six clause tokens on each side of the target, and
     VADER word valences summed on each side of the target, weighted by distance,
     flipped under negation, and kept apart inside and outside the clause;
   * structure: target inside a quotation, quotation in the sentence or clause,
     a speech verb just after the target (``X said``) or before it
     (``said X``), target opening the sentence, a pronoun, a possessive, after
     ``by``, contrast words before/after the target or opening its clause,
     hedges (``may``, ``reportedly`` ...) and negation in the clause;
   * character 4-grams of the clause's words (target masked), which carry what
     a word's stem shares with words unseen in training (``-gate``, ``anti-``);
   * conjunctions: the clause's VADER and TextBlob scores and VADER outside the
     clause, each multiplied by a structure flag (``vd_c*q_in``: the clause's
     polarity when the target stands inside a quotation), so that the same
     words can count differently for a speaker, a quoted target or a pronoun.

   Each family of word features is L2-normalised (each present feature counts
   ``1/sqrt(n)``, ``n`` the number present in its family); the dense lexicon and
   structure features are then multiplied by ``dscale`` (2), which regularises
   them less than the many word features. The model file
   (``models/target_sentiment.json.gz``, gzipped JSON: feature config,
   intercepts and per-feature weights, no pickle) is read on first use and
   cached; it is applied in pure Python (no scikit-learn or numpy at run
   time). ``score = P(positive) - P(negative)``; ``label`` is the most
   probable class.

Limits: NewsMTSC is US political news; the model knows words, not the world
(sarcasm, implicit stances, who is an opponent of whom), and it scores one
sentence at a time. Measured figures are in the README and printed by
``benchmarks/bench_sentiment.py``.
"""
from __future__ import annotations

import functools
import gzip
import json
import math
import numbers
import re
from pathlib import Path

from ..text.sentences import split_sentences

__all__ = [
    "LABELS",
    "MODEL_PATH",
    "SentimentModel",
    "clause_around",
    "load_model",
    "quote_spans",
    "score_clause_lexicons",
    "sentence_around",
    "target_features",
    "target_sentiment",
]

LABELS = ("negative", "neutral", "positive")
MODEL_PATH = Path(__file__).resolve().parent.parent / "models" / "target_sentiment.json.gz"

# ---------------------------------------------------------------------------
# spans and sentences
# ---------------------------------------------------------------------------
_PARA_RE = re.compile(r"\n[^\S\n]*\n")


def _check_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Validate a span; return it as plain ints."""
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    for name, v in (("start", start), ("end", end)):
        if isinstance(v, bool) or not isinstance(v, numbers.Integral):
            raise TypeError(f"{name} must be an int, not {type(v).__name__}")
    if start < 0 or end > len(text) or start >= end:
        raise ValueError(
            f"invalid span [{start}, {end}) for a text of {len(text)} characters:"
            " need 0 <= start < end <= len(text)"
        )
    if not text[start:end].strip():
        raise ValueError(f"the target text[{start}:{end}] is empty or only whitespace")
    return int(start), int(end)


def _core(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without surrounding punctuation and spaces (never empty)."""
    s, e = start, end
    while s < e and not text[s].isalnum():
        s += 1
    while e > s and not text[e - 1].isalnum():
        e -= 1
    if s < e:
        return s, e
    s, e = start, end
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` of the sentence holding ``text[start:end]``.

    The paragraph around the span (blank lines end paragraphs) is split with
    :func:`analysis_utils.text.sentences.split_sentences`; a span that crosses a
    sentence boundary gets the union of the sentences it touches. Always
    contains the span's non-space characters.
    """
    start, end = _check_span(text, start, end)
    cs, ce = _core(text, start, end)
    m = None
    for m in _PARA_RE.finditer(text, 0, cs):
        pass
    lo = m.end() if m else 0
    m = _PARA_RE.search(text, ce)
    hi = m.start() if m else len(text)
    hit = [(s, e) for s, e in split_sentences(text, lo, hi) if s < ce and e > cs]
    if not hit:
        return cs, ce
    return min(hit[0][0], cs), max(hit[-1][1], ce)


def _sentence_span(
    text: str, start: int, end: int, sentence: tuple[int, int] | None
) -> tuple[int, int]:
    """The caller's sentence span (checked to hold the target), else :func:`sentence_around`."""
    if sentence is None:
        return sentence_around(text, start, end)
    lo, hi = (int(v) for v in sentence)
    cs, ce = _core(text, start, end)
    if not (0 <= lo <= cs and ce <= hi <= len(text)):
        raise ValueError(
            f"sentence span [{lo}, {hi}) does not hold the target text[{start}:{end}]"
        )
    return lo, hi


# ---------------------------------------------------------------------------
# quotations
# ---------------------------------------------------------------------------
_DQ_OPEN, _DQ_CLOSE = "“„«", "”»"


def quote_spans(text: str, lo: int = 0, hi: int | None = None) -> list[tuple[int, int]]:
    """Quoted passages in ``text[lo:hi]`` as ``(open, close)`` positions of their marks.

    Double quotes: curly marks pair by direction, straight ``"`` marks by
    alternation. Single quotes (``'`` and ``‘ ’``) pair only as word-edge marks
    (an opening mark before a word, a closing mark after one), so apostrophes
    (``Russia's``, ``don't``) are never quote marks; a closing mark with no
    opening mark before it (``leaders' meeting``) is ignored. Unclosed marks
    open nothing. Pairs are returned sorted; nested pairs are kept.
    """
    hi = len(text) if hi is None else hi
    pairs: list[tuple[int, int]] = []
    straight = -1
    curly: list[int] = []
    single: list[int] = []
    for i in range(lo, hi):
        ch = text[i]
        if ch == '"':
            if straight < 0:
                straight = i
            else:
                pairs.append((straight, i))
                straight = -1
        elif ch in _DQ_OPEN:
            curly.append(i)
        elif ch in _DQ_CLOSE:
            if curly:
                pairs.append((curly.pop(), i))
        elif ch in "'‘’":
            prev = text[i - 1] if i > lo else " "
            nxt = text[i + 1] if i + 1 < hi else " "
            opens = (not prev.isalnum()) and nxt.isalnum() and ch != "’"
            closes = (prev.isalnum() or prev in ".,!?;:") and not nxt.isalnum() and ch != "‘"
            if opens and not closes:
                single.append(i)
            elif closes and single:
                pairs.append((single.pop(), i))
    pairs.sort()
    return pairs


# ---------------------------------------------------------------------------
# clauses
# ---------------------------------------------------------------------------
_CONTRAST = (
    r"but|however|although|though|whereas|while|yet|nevertheless|nonetheless"
    r"|even\s+though|even\s+as|except\s+that"
)
# A match is a boundary: the previous clause ends at its start, the next begins at its end
# (so a contrast word or conjunction opens the next clause).
_CUT_RE = re.compile(
    r"(?P<semi>\s*[;]\s*)"
    r"|(?P<colon>\s*:\s+)"
    r"|(?P<dash>\s+[-–—]{1,2}\s+|\s*[—]\s*|\s*--\s*)"
    rf"|(?P<comma_conj>\s*,\s*)(?=(?:{_CONTRAST}|and|or|so|nor)\b)"
    rf"|(?P<conj>\s+)(?=(?:{_CONTRAST})\b)",
    re.IGNORECASE,
)
_CLAUSE_STRIP = " \t\r\n,;:-–—"


def _cut_points(
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


def _quote_cuts(
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


def clause_around(
    text: str, start: int, end: int, *, sentence: tuple[int, int] | None = None
) -> tuple[int, int]:
    """``(start, end)`` of the clause holding ``text[start:end]``.

    The clause is found inside the sentence (:func:`sentence_around`) by these
    rules, in order:

    1. **Quotes.** If the target stands inside a quoted passage
       (:func:`quote_spans`), the region shrinks to the quote's content. Otherwise,
       a *full* quotation (opened after a comma, colon or semicolon or at the start
       of the region, or closed with a comma, as in ``"We will win," he said``) is
       a clause of its own, so the target's clause
       is the narrator's part (``he said``); a quoted fragment inside a clause
       (``called it a "disaster"``) stays in it. Boundaries inside quotes that do
       not hold the target are ignored.
    2. **Boundaries.** The region is cut at semicolons, colons followed by a space,
       dashes between spaces (``-``, ``–``, ``—``, ``--``), before a comma followed by
       a conjunction (``and, or, so, nor`` and the contrast words), and before a
       contrast word without a comma (``but, however, although, though, whereas,
       while, yet, nevertheless, nonetheless, even though, even as, except that``).
       The contrast word stays at the head of its clause (``but Y attacked it``).
    3. **Pick.** The piece that holds the target's core (the span without
       surrounding punctuation) is the clause; if the target straddles a boundary,
       the pieces it touches are joined. Pieces with fewer than two words are
       merged into a neighbour. Surrounding spaces and separators are trimmed.

    ``sentence=(start, end)`` gives the sentence instead (e.g. from
    ``Article.sentences``); it must hold the target. The result always contains the
    target's core and lies inside the sentence.
    """
    start, end = _check_span(text, start, end)
    cs, ce = _core(text, start, end)
    lo, hi = _sentence_span(text, start, end, sentence)
    quotes = quote_spans(text, lo, hi)
    inner = [(o, c) for o, c in quotes if o < cs and ce <= c]
    if inner:
        o, c = max(inner)  # innermost quote holding the target
        lo, hi = o + 1, c
    others = [(o, c) for o, c in quotes if lo <= o and c < hi and not (o < cs and ce <= c)]
    protected = [(o, c) for o, c in others]
    cuts = _cut_points(text, lo, hi, protected) + _quote_cuts(text, lo, hi, others)
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
    pieces = _merge_small(text, pieces)
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


def _merge_small(text: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join pieces of fewer than two words to the next piece (the last to the previous)."""
    out: list[tuple[int, int]] = []
    carry = None
    for a, b in pieces:
        if carry is not None:
            a = carry
            carry = None
        if len(_WORD_RE.findall(text, a, b)) < 2:
            carry = a
            continue
        out.append((a, b))
    if carry is not None:
        if out:
            out[-1] = (out[-1][0], pieces[-1][1])
        else:
            out.append((carry, pieces[-1][1]))
    return out


# ---------------------------------------------------------------------------
# lexicons: TextBlob and VADER
# ---------------------------------------------------------------------------
@functools.lru_cache(maxsize=1)
def _vader():
    """The VADER analyser (its lexicon ships with the package); built once."""
    try:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise ImportError(
            "VADER is needed for sentiment scoring: pip install 'vaderSentiment>=3.3,<4'"
        ) from exc
    return SentimentIntensityAnalyzer()


def _textblob(text: str):
    from textblob import TextBlob

    return TextBlob(text).sentiment_assessments


_VADER_TOKEN_RE = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")


def score_clause_lexicons(clause: str) -> dict:
    """TextBlob and VADER scores of a piece of text, with the words behind them.

    Keys: ``textblob_polarity`` (-1..1), ``textblob_subjectivity`` (0..1),
    ``textblob_drivers`` (list of ``(words, polarity)`` from TextBlob's
    ``sentiment_assessments``: the lexicon words with the modifiers and negations
    that TextBlob applied), ``vader_compound`` (-1..1), ``vader_pos``,
    ``vader_neu``, ``vader_neg`` (shares, 0..1), ``vader_drivers`` (list of
    ``(word, valence)`` for the words of the text found in VADER's lexicon,
    valence -4..4, before VADER's rules for negation, boosters and "but").
    Only ``TextBlob(...).sentiment_assessments`` is used (no NLTK data).
    """
    if not isinstance(clause, str):
        raise TypeError(f"clause must be a str, not {type(clause).__name__}")
    if not clause.strip():
        return {
            "textblob_polarity": 0.0, "textblob_subjectivity": 0.0, "textblob_drivers": [],
            "vader_compound": 0.0, "vader_pos": 0.0, "vader_neu": 1.0, "vader_neg": 0.0,
            "vader_drivers": [],
        }
    tb = _textblob(clause)
    va = _vader()
    vs = va.polarity_scores(clause)
    lex = va.lexicon
    vwords = []
    for w in _VADER_TOKEN_RE.findall(clause):
        v = lex.get(w.lower())
        if v is not None:
            vwords.append((w, float(v)))
    return {
        "textblob_polarity": float(tb.polarity),
        "textblob_subjectivity": float(tb.subjectivity),
        "textblob_drivers": [(" ".join(words), float(p)) for words, p, _s, _l in tb.assessments],
        "vader_compound": float(vs["compound"]),
        "vader_pos": float(vs["pos"]),
        "vader_neu": float(vs["neu"]),
        "vader_neg": float(vs["neg"]),
        "vader_drivers": vwords,
    }


# ---------------------------------------------------------------------------
# features for the model
# ---------------------------------------------------------------------------
_TOK_RE = re.compile(
    r"['’]s\b|n['’]t\b"  # possessive 's, n't
    r"|[^\W\d_]+(?:['’][^\W\d_]+)*(?=n['’]t\b)"  # "did" of "didn't"
    r"|[^\W\d_]+(?:['’][^\W\d_]+)*"  # words, with inner apostrophes
    r"|\d+(?:[.,:]\d+)*%?|[^\w\s]"
)
_QUOTE_CHARS = frozenset("\"“”„«»‘’'")
_PUNCT_STOP = frozenset(".,;:!?()[]\"")
NEGATORS = frozenset(
    "not n't no never nothing nobody none neither nor without hardly barely scarcely cannot".split()
)
CONTRAST_WORDS = frozenset(
    "but however although though whereas while yet nevertheless nonetheless despite".split()
)
SPEECH_VERBS = frozenset(
    """said say says saying told tell tells added adds stated states explained explains noted
    notes wrote writes tweeted tweets argued argues claimed claims insisted insists asked asks
    warned warns announced announces declared declares replied replies responded responds
    recalled recalls acknowledged acknowledges admitted admits suggested suggests continued
    remarked testified posted according insisted told""".split()
)
HEDGES = frozenset(
    """may might could would reportedly allegedly apparently perhaps possibly likely unlikely
    seems seem seemed appears appear appeared suggest suggests suggested probably potentially
    reported alleged""".split()
)
PRONOUNS = frozenset(
    "he she they him her them his hers their theirs it its we us our i me my you your".split()
)
TARGET = "<t>"


def _norm_token(tok: str) -> str:
    t = tok.lower().replace("’", "'")
    if t[0].isdigit():
        return "<num>"
    if tok in _QUOTE_CHARS:
        return '"'
    if t == "n't":
        return "not"
    return t


def _tokens(text: str, lo: int, hi: int) -> list[str]:
    return [_norm_token(m.group()) for m in _TOK_RE.finditer(text, lo, hi)]


def _negation_marks(tokens: list[str]) -> list[bool]:
    """True for tokens in the scope of a negator (up to the next punctuation or contrast word)."""
    out = []
    on = False
    for t in tokens:
        if t in _PUNCT_STOP or t in CONTRAST_WORDS or t == '"':
            on = False
            out.append(False)
            continue
        out.append(on)
        if t in NEGATORS:
            on = True
    return out


class _Context:
    """Everything the features need about one target, computed once."""

    __slots__ = ("sent", "clause", "left", "right", "in_quote", "sent_quote", "clause_quote",
                 "lex_clause", "lex_sent", "vader_window", "vader_window_clause", "vader_outside",
                 "target_text", "clause_pos", "clause_right",
                 "sentence_span", "clause_span", "words")

    def __init__(self, text: str, start: int, end: int, sentence: tuple[int, int] | None):
        cs, ce = _core(text, start, end)
        s_lo, s_hi = _sentence_span(text, start, end, sentence)
        c_lo, c_hi = clause_around(text, start, end, sentence=(s_lo, s_hi))
        self.target_text = text[cs:ce]
        self.sentence_span = (s_lo, s_hi)
        self.clause_span = (c_lo, c_hi)
        self.words = [m.group() for m in _TOK_RE.finditer(text, s_lo, s_hi)]
        left = _tokens(text, s_lo, cs)
        right = _tokens(text, ce, s_hi)
        self.sent = left + [TARGET] + right
        self.left, self.right = left, right
        cl = _tokens(text, c_lo, cs) if c_lo < cs else []
        cr = _tokens(text, ce, c_hi) if c_hi > ce else []
        self.clause = cl + [TARGET] + cr
        self.clause_pos = len(cl)
        self.clause_right = len(cr)
        quotes = quote_spans(text, s_lo, s_hi)
        self.in_quote = any(o < cs and ce <= c for o, c in quotes)
        self.sent_quote = bool(quotes)
        self.clause_quote = any(c_lo <= o and c < c_hi for o, c in quotes)
        self.lex_clause = score_clause_lexicons(text[c_lo:c_hi])
        sent_text = text[s_lo:s_hi]
        if (c_lo, c_hi) == (s_lo, s_hi):
            self.lex_sent = self.lex_clause
        else:
            self.lex_sent = score_clause_lexicons(sent_text)
        outside = (text[s_lo:c_lo] + " " + text[c_hi:s_hi]).strip()
        self.vader_outside = _vader().polarity_scores(outside)["compound"] if outside else 0.0
        k = 6
        win = " ".join(left[-k:] + right[:k])
        self.vader_window = _vader().polarity_scores(win)["compound"] if win.strip() else 0.0
        win = " ".join(cl[-k:] + cr[:k])
        self.vader_window_clause = _vader().polarity_scores(win)["compound"] if win.strip() else 0.0

    def surface_forms(self, cfg: dict) -> dict:
        """Feature token (normalised, maybe stemmed) -> a word of the sentence as written."""
        out = {}
        for w in self.words:
            t = _norm_token(w)
            out.setdefault(_stem(t) if cfg.get("stem") else t, w)
        return out


class _Stemmed:
    """A view of a context whose token lists are stemmed."""

    def __init__(self, ctx: _Context):
        for name in _Context.__slots__:
            setattr(self, name, getattr(ctx, name))
        self.sent = [_stem(t) for t in ctx.sent]
        self.clause = [_stem(t) for t in ctx.clause]
        self.left = [_stem(t) for t in ctx.left]
        self.right = [_stem(t) for t in ctx.right]


def _ngrams(tokens: list[str], orders, prefix: str, out: dict) -> None:
    n = len(tokens)
    for order in orders:
        for i in range(n - order + 1):
            out[prefix + " ".join(tokens[i : i + order])] = 1.0


@functools.lru_cache(maxsize=1)
def _porter():
    from nltk.stem.porter import PorterStemmer  # code only, no NLTK data

    return PorterStemmer()


@functools.lru_cache(maxsize=65536)
def _stem(token: str) -> str:
    if not token[:1].isalpha():
        return token
    return _porter().stem(token)


def _char_ngrams(tokens: list[str], orders, out: dict) -> None:
    """Character n-grams of the clause's words (target masked, word edges marked ``_``)."""
    for t in tokens:
        if t == TARGET or not t[:1].isalpha():
            continue
        w = f"_{t}_"
        for n in orders:
            for i in range(len(w) - n + 1):
                out["ch:" + w[i : i + n]] = 1.0


_CONJ_LEX = ("vd_c", "tb_c_pol", "vd_o")
_CONJ_FLAGS = ("q_in", "q_clause", "spk_after", "spk_before", "t_first", "t_poss", "by_t",
               "contrast_clause", "neg_clause", "hedge", "t_pron")


def _conjunctions(f: dict) -> None:
    """Products of the clause's lexicon scores and the structural flags (``vd_c*q_in`` ...)."""
    for a in _CONJ_LEX:
        x = f.get(a)
        if not x:
            continue
        for b in _CONJ_FLAGS:
            y = f.get(b)
            if y:
                f[f"{a}*{b}"] = x * y


def _features(ctx: _Context, cfg: dict) -> dict:
    f: dict[str, float] = {"bias": 1.0}
    raw = ctx
    if cfg.get("stem"):
        ctx = _Stemmed(ctx)
    sent = ctx.sent
    if cfg.get("negmark"):
        marks = _negation_marks(raw.sent)
        sent = [("not_" + t if m and t != TARGET else t) for t, m in zip(sent, marks)]
    if cfg.get("sent"):
        _ngrams(sent, cfg["sent"], "s:", f)
    if cfg.get("clause"):
        clause = ctx.clause
        if cfg.get("negmark"):
            marks = _negation_marks(raw.clause)
            clause = [("not_" + t if m and t != TARGET else t) for t, m in zip(clause, marks)]
        _ngrams(clause, cfg["clause"], "c:", f)
    k = cfg.get("win") or 0
    if k:
        for t in ctx.left[-k:]:
            f["l:" + t] = 1.0
        for t in ctx.right[:k]:
            f["r:" + t] = 1.0
    if cfg.get("sside"):
        p = ctx.sent.index(TARGET) if TARGET in ctx.sent else len(ctx.left)
        for t in sent[:p]:
            f["sl:" + t] = 1.0
        for t in sent[p + 1 :]:
            f["sr:" + t] = 1.0
    nb = cfg.get("near") or 0
    for i in range(1, nb + 1):
        f[f"l{i}:" + (ctx.left[-i] if len(ctx.left) >= i else "<s>")] = 1.0
        f[f"r{i}:" + (ctx.right[i - 1] if len(ctx.right) >= i else "</s>")] = 1.0
    if cfg.get("lex"):
        lc, ls = ctx.lex_clause, ctx.lex_sent
        f["tb_c_pol"] = lc["textblob_polarity"]
        f["tb_c_subj"] = lc["textblob_subjectivity"]
        f["tb_s_pol"] = ls["textblob_polarity"]
        f["vd_c"] = lc["vader_compound"]
        f["vd_c_pos"] = lc["vader_pos"]
        f["vd_c_neg"] = lc["vader_neg"]
        if cfg.get("lexout"):
            f["vd_o"] = ctx.vader_outside
        else:
            f["vd_s"] = ls["vader_compound"]
        f["vd_w"] = ctx.vader_window_clause if cfg.get("lexclause") else ctx.vader_window
    ctx = raw
    if cfg.get("lexdist"):
        lex = _vader().lexicon
        marks = _negation_marks(ctx.sent)
        p = len(ctx.left)
        acc = {"ld_l_pos": 0.0, "ld_l_neg": 0.0, "ld_r_pos": 0.0, "ld_r_neg": 0.0}
        for i, (t, neg) in enumerate(zip(ctx.sent, marks)):
            v = lex.get(t)
            if v is None or i == p:
                continue
            if neg:
                v = -0.74 * v
            d = abs(i - p)
            side = "l" if i < p else "r"
            key = f"ld_{side}_{'pos' if v > 0 else 'neg'}"
            if cfg.get("lexclause") and not (p - ctx.clause_pos <= i <= p + ctx.clause_right):
                key = "ldo" + key[2:]
            acc[key] = acc.get(key, 0.0) + abs(v) / 4.0 / (1.0 + d / 3.0)
        f.update(acc)
    if cfg.get("struct"):
        left, right = ctx.left, ctx.right
        words_left = [t for t in left if t != '"']
        if not words_left:
            f["t_first"] = 1.0
        if ctx.target_text.lower() in PRONOUNS:
            f["t_pron"] = 1.0
        if ctx.in_quote:
            f["q_in"] = 1.0
        if ctx.sent_quote:
            f["q_sent"] = 1.0
        if ctx.clause_quote:
            f["q_clause"] = 1.0
        if any(t in SPEECH_VERBS for t in right[:3]):
            f["spk_after"] = 1.0
        if left[-1:] and left[-1] in SPEECH_VERBS or (
            len(left) > 1 and left[-2] in SPEECH_VERBS and left[-1] in ",\""
        ):
            f["spk_before"] = 1.0
        if right[:1] == ["'s"]:
            f["t_poss"] = 1.0
        if left[-1:] == ["by"]:
            f["by_t"] = 1.0
        if any(t in CONTRAST_WORDS for t in left):
            f["contrast_left"] = 1.0
        if any(t in CONTRAST_WORDS for t in right):
            f["contrast_right"] = 1.0
        if ctx.clause and ctx.clause[0] in CONTRAST_WORDS:
            f["contrast_clause"] = 1.0
        h = sum(t in HEDGES for t in ctx.clause)
        if h:
            f["hedge"] = min(h, 2) / 2.0
        if any(t in NEGATORS for t in ctx.clause):
            f["neg_clause"] = 1.0
    if cfg.get("char"):
        _char_ngrams(raw.clause, cfg["char"], f)
    if cfg.get("conj"):
        _conjunctions(f)
    if cfg.get("famnorm"):
        fams: dict[str, int] = {}
        for key in f:
            p = key.find(":")
            if p > 0:
                fams[key[:p]] = fams.get(key[:p], 0) + 1
        for key in f:
            p = key.find(":")
            if p > 0:
                f[key] = f[key] / math.sqrt(fams[key[:p]])
    scale = cfg.get("dscale")
    if scale:
        for key in f:
            if key != "bias" and ":" not in key:
                f[key] *= scale
    return f


def target_features(text: str, start: int, end: int, config: dict | None = None) -> dict:
    """The model's features for the target ``text[start:end]``: ``{name: value}``.

    ``config`` chooses the feature families (default: the shipped model's). Used
    by the training script and by :func:`target_sentiment`, so training and
    inference see exactly the same features.
    """
    start, end = _check_span(text, start, end)
    cfg = load_model().config if config is None else config
    return _features(_Context(text, start, end, None), cfg)


# ---------------------------------------------------------------------------
# the model
# ---------------------------------------------------------------------------
MODEL_FORMAT = "analysis_utils.target_sentiment/1"


class SentimentModel:
    """A linear model (one logit per label) over sparse named features.

    Read from a gzipped JSON file (no pickle): ``labels``, ``config`` (the feature
    set, passed to the feature extractor), ``intercept`` (one per label) and
    ``weights`` (feature name -> one weight per label), plus ``meta`` (how it was
    trained and measured). Applied in pure Python: the logits are the intercept
    plus the weights of the features present times their values, and a softmax
    gives the probabilities.
    """

    def __init__(self, data: dict, path: str | None = None):
        if data.get("format") != MODEL_FORMAT:
            raise ValueError(
                f"{path or 'model'}: not a target-sentiment model (format {data.get('format')!r},"
                f" expected {MODEL_FORMAT!r})"
            )
        self.path = path
        self.labels = tuple(data["labels"])
        self.config = dict(data["config"])
        self.intercept = [float(v) for v in data["intercept"]]
        self.weights = data["weights"]  # name -> [weight per label]; read-only
        n = len(self.labels)
        if len(self.intercept) != n or any(len(w) != n for w in self.weights.values()):
            raise ValueError(f"{path or 'model'}: every weight vector must have {n} values")
        self.meta = dict(data.get("meta", {}))

    def logits(self, feats: dict) -> list[float]:
        z = list(self.intercept)
        n = len(z)
        for name, x in feats.items():
            w = self.weights.get(name)
            if w is not None:
                for k in range(n):
                    z[k] += x * w[k]
        return z

    def proba(self, feats: dict) -> dict:
        z = self.logits(feats)
        m = max(z)
        e = [math.exp(v - m) for v in z]
        s = sum(e)
        return {lab: v / s for lab, v in zip(self.labels, e)}

    def contributions(self, feats: dict, label: str) -> list[tuple[str, float]]:
        """Features present, with how much each pushed ``label`` against the others."""
        k = self.labels.index(label)
        out = []
        n = len(self.labels)
        for name, x in feats.items():
            w = self.weights.get(name)
            if w is None or name == "bias":
                continue
            other = (sum(w) - w[k]) / (n - 1)
            out.append((name, x * (w[k] - other)))
        out.sort(key=lambda t: -abs(t[1]))
        return out


def _read_model(path: Path) -> SentimentModel:
    if not path.is_file():
        raise FileNotFoundError(
            f"The target-sentiment model file is missing: {path}. It ships with the package"
            " (analysis_utils/models/); rebuild it with `python benchmarks/train_sentiment.py`."
        )
    try:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            data = json.load(fh)
    except (OSError, ValueError) as exc:
        raise ValueError(f"Cannot read the target-sentiment model {path}: {exc}") from exc
    return SentimentModel(data, str(path))


@functools.lru_cache(maxsize=4)
def _cached_model(path: str) -> SentimentModel:
    return _read_model(Path(path))


def load_model(path: str | Path | None = None) -> SentimentModel:
    """The target-sentiment model (default: the one shipped in ``analysis_utils/models/``).

    Loaded on first use and cached, so later calls are free. Raises
    ``FileNotFoundError`` with a clear message when the file is missing.
    """
    return _cached_model(str(Path(path or MODEL_PATH).resolve()))


# ---------------------------------------------------------------------------
# the scorer
# ---------------------------------------------------------------------------
_DENSE_NAMES = {
    "tb_c_pol": "TextBlob polarity of the clause",
    "tb_c_subj": "TextBlob subjectivity of the clause",
    "tb_s_pol": "TextBlob polarity of the sentence",
    "vd_c": "VADER compound of the clause",
    "vd_c_pos": "VADER positive share of the clause",
    "vd_c_neg": "VADER negative share of the clause",
    "vd_s": "VADER compound of the sentence",
    "vd_w": "VADER compound of the words around the target",
    "vd_o": "VADER compound of the sentence outside the clause",
    "ld_l_pos": "positive words before the target",
    "ld_l_neg": "negative words before the target",
    "ld_r_pos": "positive words after the target",
    "ld_r_neg": "negative words after the target",
    "ldo_l_pos": "positive words before the target's clause",
    "ldo_l_neg": "negative words before the target's clause",
    "ldo_r_pos": "positive words after the target's clause",
    "ldo_r_neg": "negative words after the target's clause",
    "t_first": "target opens the sentence",
    "t_pron": "target is a pronoun",
    "q_in": "target inside a quotation",
    "q_sent": "quotation in the sentence",
    "q_clause": "quotation in the clause",
    "spk_after": "speech verb after the target",
    "spk_before": "speech verb before the target",
    "t_poss": "target in the possessive",
    "by_t": "'by' before the target",
    "contrast_left": "contrast word before the target",
    "contrast_right": "contrast word after the target",
    "contrast_clause": "clause opens with a contrast word",
    "hedge": "hedge in the clause",
    "neg_clause": "negation in the clause",
}
_FAMILY_NAMES = {"s": "", "c": "", "sl": " (before)", "sr": " (after)", "l": " (near, before)",
                 "r": " (near, after)", "l1": " (just before)", "r1": " (just after)",
                 "l2": " (2nd before)", "r2": " (2nd after)"}


def _readable(name: str, surface: dict) -> str:
    """A feature name in words: ``c:not_good <t>`` -> ``not good [target]``."""
    if name in _DENSE_NAMES:
        return _DENSE_NAMES[name]
    if "*" in name:
        return " × ".join(_DENSE_NAMES.get(part, part) for part in name.split("*"))
    fam, _, body = name.partition(":")
    words = []
    for tok in body.split(" "):
        neg = tok.startswith("not_") and tok != "not_"
        core = tok[4:] if neg else tok
        if core == TARGET:
            word = "[target]"
        elif core in ("<s>", "</s>"):
            word = "[sentence edge]"
        else:
            word = surface.get(core, core)
        words.append(("not " if neg else "") + word)
    return " ".join(words) + _FAMILY_NAMES.get(fam, "")


def target_sentiment(
    text: str,
    start: int,
    end: int,
    *,
    sentence: tuple[int, int] | None = None,
    model: SentimentModel | None = None,
) -> dict:
    """Sentiment toward ``text[start:end]`` in its sentence.

    ``text`` may be one sentence or a whole article; the sentence around the span
    is found with :func:`analysis_utils.text.sentences.split_sentences`, unless the caller
    passes it as ``sentence=(start, end)`` (e.g. a row of ``Article.sentences``: a deck
    line is then its own sentence); it must contain the span. ``model`` defaults to
    the shipped model (:func:`load_model`). Returns a dict:

    ``label``
        ``"negative"``, ``"neutral"`` or ``"positive"``: the model's most probable class.
    ``score``
        ``P(positive) - P(negative)`` in [-1, 1]; its sign agrees with ``label``
        for a polar label (a neutral label can carry a small score either way).
    ``model``
        ``{"negative": p, "neutral": p, "positive": p}``, summing to 1.
    ``target``
        ``text[start:end]``.
    ``sentence``, ``sentence_start``, ``sentence_end``
        The sentence and its offsets into ``text``.
    ``clause``, ``clause_start``, ``clause_end``
        The clause holding the target (:func:`clause_around`).
    ``textblob``, ``textblob_subjectivity``, ``vader``
        TextBlob polarity (-1..1) and subjectivity (0..1) and VADER compound (-1..1)
        of the clause (:func:`score_clause_lexicons`).
    ``drivers``
        What drove the result, strongest first: a list of dicts with ``source``
        (``"model"``: features that pushed toward ``label``; ``"textblob"``: the
        clause's TextBlob assessments; ``"vader"``: clause words in VADER's lexicon),
        ``words`` and ``weight`` (the model's contribution in logits, TextBlob's
        polarity, or VADER's valence on -4..4).
    ``driver_text``
        The drivers as one line for a table cell:
        ``"praised (just before) (model +0.98); good (textblob +0.70)"``.

    Raises ``ValueError`` for an invalid span (``start < 0``, ``end > len(text)``,
    ``start >= end``) or a target that is only whitespace, ``TypeError`` for
    arguments of the wrong type, ``FileNotFoundError`` if the model file is missing.
    Deterministic: the same input always gives the same output.
    """
    start, end = _check_span(text, start, end)
    mdl = model or load_model()
    ctx = _Context(text, start, end, sentence)
    feats = _features(ctx, mdl.config)
    proba = mdl.proba(feats)
    label = max(mdl.labels, key=lambda lab: (proba[lab], lab == "neutral"))
    score = proba.get("positive", 0.0) - proba.get("negative", 0.0)
    s_lo, s_hi = ctx.sentence_span
    c_lo, c_hi = ctx.clause_span
    surface = ctx.surface_forms(mdl.config)
    drivers = []
    seen = set()
    for name, w in mdl.contributions(feats, label):
        if len(drivers) == 6:
            break
        if w <= 0 or name.startswith("ch:"):  # character n-grams are not words to show
            continue
        words = _readable(name, surface)
        if words not in seen:
            seen.add(words)
            drivers.append({"source": "model", "words": words, "weight": round(w, 4)})
    lc = ctx.lex_clause
    drivers += [
        {"source": "textblob", "words": words, "weight": round(p, 4)}
        for words, p in sorted(lc["textblob_drivers"], key=lambda t: -abs(t[1]))
    ]
    drivers += [
        {"source": "vader", "words": w, "weight": v}
        for w, v in sorted(lc["vader_drivers"], key=lambda t: -abs(t[1]))
    ]
    return {
        "label": label,
        "score": max(-1.0, min(1.0, score)),
        "model": proba,
        "target": text[start:end],
        "sentence": text[s_lo:s_hi],
        "sentence_start": s_lo,
        "sentence_end": s_hi,
        "clause": text[c_lo:c_hi],
        "clause_start": c_lo,
        "clause_end": c_hi,
        "textblob": lc["textblob_polarity"],
        "textblob_subjectivity": lc["textblob_subjectivity"],
        "vader": lc["vader_compound"],
        "drivers": drivers,
        "driver_text": "; ".join(
            f"{d['words']} ({d['source']} {d['weight']:+.2f})" for d in drivers
        ),
    }
