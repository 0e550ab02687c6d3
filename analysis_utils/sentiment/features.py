"""The model's features for one target: words, lexicon scores, structure.

:class:`_Context` gathers once what the features need about a target (its sentence and
clause from :mod:`.clauses`, the lexicon scores from :mod:`.lexicons`, the quotation
marks around it); :func:`_features` turns it into the sparse named features of the
shipped model's configuration. :func:`target_features` (``text, start, end``) is what
the training script calls, so training and inference see exactly the same features.
"""
from __future__ import annotations

import functools
import math
import re
from typing import Iterable

from ..text.document import Document
from .clauses import _check_span, _core, _sentence_span, clause_in, quote_pairs
from .lexicons import _vader, score_clause_lexicons, textblob_polarity, vader_compound

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


@functools.lru_cache(maxsize=65536)
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
    return list(map(_norm_token, _TOK_RE.findall(text, lo, hi)))


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
    """Everything the features need about one target, computed once.

    The lexicon scores beyond the clause's (the sentence's TextBlob polarity, VADER of
    the sentence outside the clause and of the words around the target) are computed
    when the feature configuration asks for them."""

    __slots__ = ("text", "sent", "clause", "left", "right", "in_quote", "sent_quote", "clause_quote",
                 "lex_clause", "target_text", "clause_pos", "clause_right", "sentence_span", "clause_span",
                 "_cl", "_cr", "_lazy")

    def __init__(self, doc: Document, start: int, end: int, sentence: tuple[int, int] | None):
        text = doc.text
        self.text = text
        cs, ce = _core(text, start, end)
        s_lo, s_hi = _sentence_span(doc, start, end, sentence)
        c_lo, c_hi = clause_in(doc, start, end, (s_lo, s_hi))
        self.target_text = text[cs:ce]
        self.sentence_span = (s_lo, s_hi)
        self.clause_span = (c_lo, c_hi)
        left = _tokens(text, s_lo, cs)
        right = _tokens(text, ce, s_hi)
        self.sent = left + [TARGET] + right
        self.left, self.right = left, right
        cl = _tokens(text, c_lo, cs) if c_lo < cs else []
        cr = _tokens(text, ce, c_hi) if c_hi > ce else []
        self._cl, self._cr = cl, cr
        self.clause = cl + [TARGET] + cr
        self.clause_pos = len(cl)
        self.clause_right = len(cr)
        quotes = quote_pairs(doc, s_lo, s_hi)
        self.in_quote = any(o < cs and ce <= c for o, c in quotes)
        self.sent_quote = bool(quotes)
        self.clause_quote = any(c_lo <= o and c < c_hi for o, c in quotes)
        self.lex_clause = score_clause_lexicons(text[c_lo:c_hi])
        self._lazy = {}

    def _memo(self, name: str, compute):
        if name not in self._lazy:
            self._lazy[name] = compute()
        return self._lazy[name]

    @property
    def lex_sent(self) -> dict:
        """:func:`score_clause_lexicons` of the sentence (the clause's when they are one)."""
        if self.clause_span == self.sentence_span:
            return self.lex_clause
        s_lo, s_hi = self.sentence_span
        return self._memo("lex_sent", lambda: score_clause_lexicons(self.text[s_lo:s_hi]))

    @property
    def textblob_sentence(self) -> float:
        """TextBlob polarity of the sentence."""
        if self.clause_span == self.sentence_span or "lex_sent" in self._lazy:
            return self.lex_sent["textblob_polarity"]
        s_lo, s_hi = self.sentence_span
        return textblob_polarity(self.text[s_lo:s_hi])

    @property
    def vader_outside(self) -> float:
        """VADER compound of the sentence outside the clause."""
        (s_lo, s_hi), (c_lo, c_hi) = self.sentence_span, self.clause_span
        text = self.text
        return vader_compound((text[s_lo:c_lo] + " " + text[c_hi:s_hi]).strip())

    @property
    def vader_window(self) -> float:
        """VADER compound of the six sentence tokens on each side of the target."""
        return vader_compound(" ".join(self.left[-6:] + self.right[:6]))

    @property
    def vader_window_clause(self) -> float:
        """VADER compound of the six clause tokens on each side of the target."""
        return vader_compound(" ".join(self._cl[-6:] + self._cr[:6]))

    @property
    def words(self) -> list[str]:
        """The sentence's tokens as written (for the drivers' surface forms)."""
        s_lo, s_hi = self.sentence_span
        return self._memo("words", lambda: _TOK_RE.findall(self.text, s_lo, s_hi))

    def surface_forms(self, cfg: dict) -> dict:
        """Feature token (normalised, maybe stemmed) -> a word of the sentence as written."""
        out = {}
        for w in self.words:
            t = _norm_token(w)
            out.setdefault(_stem(t) if cfg.get("stem") else t, w)
        return out


class _Stemmed:
    """The token lists of a context, stemmed."""

    __slots__ = ("sent", "clause", "left", "right")

    def __init__(self, ctx: _Context):
        self.sent = [_stem(t) for t in ctx.sent]
        self.clause = [_stem(t) for t in ctx.clause]
        self.left = [_stem(t) for t in ctx.left]
        self.right = [_stem(t) for t in ctx.right]


def _ngrams(tokens: list[str], orders, prefix: str) -> list[str]:
    """The n-grams of ``tokens`` for each order in ``orders``, in that order, prefixed."""
    out: list[str] = []
    for order in orders:
        if order == 1:
            out += [prefix + t for t in tokens]
        elif order == 2:
            out += [f"{prefix}{a} {b}" for a, b in zip(tokens, tokens[1:])]
        else:
            out += [prefix + " ".join(tokens[i : i + order]) for i in range(len(tokens) - order + 1)]
    return out


def _family(f: dict, keys: Iterable[str], norm: bool) -> None:
    """Add one family of binary word features to ``f``, in order (a repeated key keeps its
    first place), each worth 1, or ``1/sqrt(n)`` for ``n`` distinct keys with ``norm``
    (the family's L2 normalisation)."""
    block = dict.fromkeys(keys)
    if not block:
        return
    v = 1.0 / math.sqrt(len(block)) if norm else 1.0
    f.update(dict.fromkeys(block, v))


@functools.lru_cache(maxsize=1)
def _porter():
    from nltk.stem.porter import PorterStemmer  # code only, no NLTK data

    return PorterStemmer()


@functools.lru_cache(maxsize=65536)
def _stem(token: str) -> str:
    if not token[:1].isalpha():
        return token
    return _porter().stem(token)


def _char_ngrams(tokens: list[str], orders) -> list[str]:
    """Character n-grams of the clause's words (target masked, word edges marked ``_``)."""
    orders = tuple(orders)
    return [g for t in tokens if t != TARGET and t[:1].isalpha() for g in _word_char_ngrams(t, orders)]


@functools.lru_cache(maxsize=65536)
def _word_char_ngrams(t: str, orders: tuple[int, ...]) -> tuple[str, ...]:
    """The character n-grams of one word (kept: words recur)."""
    w = f"_{t}_"
    return tuple("ch:" + w[i : i + n] for n in orders for i in range(len(w) - n + 1))


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
    # Word features come in families (the prefix before ":"); with "famnorm" each family
    # is L2-normalised. The families are added in a fixed order, so that the features'
    # order -- and the model's sums over them -- never change.
    f: dict[str, float] = {"bias": 1.0}
    raw = ctx
    norm = bool(cfg.get("famnorm"))
    toks = _Stemmed(ctx) if cfg.get("stem") else ctx
    negmark = cfg.get("negmark")
    sent_marks = _negation_marks(raw.sent) if negmark or cfg.get("lexdist") else None
    sent = toks.sent
    if negmark:
        sent = [("not_" + t if m and t != TARGET else t) for t, m in zip(sent, sent_marks)]
    if cfg.get("sent"):
        _family(f, _ngrams(sent, cfg["sent"], "s:"), norm)
    if cfg.get("clause"):
        clause = toks.clause
        if negmark:
            marks = _negation_marks(raw.clause)
            clause = [("not_" + t if m and t != TARGET else t) for t, m in zip(clause, marks)]
        _family(f, _ngrams(clause, cfg["clause"], "c:"), norm)
    k = cfg.get("win") or 0
    if k:
        _family(f, ["l:" + t for t in toks.left[-k:]], norm)
        _family(f, ["r:" + t for t in toks.right[:k]], norm)
    if cfg.get("sside"):
        p = toks.sent.index(TARGET) if TARGET in toks.sent else len(toks.left)
        _family(f, ["sl:" + t for t in sent[:p]], norm)
        _family(f, ["sr:" + t for t in sent[p + 1 :]], norm)
    nb = cfg.get("near") or 0
    for i in range(1, nb + 1):  # one feature per family
        f[f"l{i}:" + (toks.left[-i] if len(toks.left) >= i else "<s>")] = 1.0
        f[f"r{i}:" + (toks.right[i - 1] if len(toks.right) >= i else "</s>")] = 1.0
    if cfg.get("lex"):
        lc = ctx.lex_clause
        f["tb_c_pol"] = lc["textblob_polarity"]
        f["tb_c_subj"] = lc["textblob_subjectivity"]
        f["tb_s_pol"] = ctx.textblob_sentence
        f["vd_c"] = lc["vader_compound"]
        f["vd_c_pos"] = lc["vader_pos"]
        f["vd_c_neg"] = lc["vader_neg"]
        if cfg.get("lexout"):
            f["vd_o"] = ctx.vader_outside
        else:
            f["vd_s"] = ctx.lex_sent["vader_compound"]
        f["vd_w"] = ctx.vader_window_clause if cfg.get("lexclause") else ctx.vader_window
    if cfg.get("lexdist"):
        lex = _vader().lexicon
        p = len(ctx.left)
        lexclause = cfg.get("lexclause")
        lo, hi = p - ctx.clause_pos, p + ctx.clause_right
        acc = {"ld_l_pos": 0.0, "ld_l_neg": 0.0, "ld_r_pos": 0.0, "ld_r_neg": 0.0}
        for i, (t, neg) in enumerate(zip(ctx.sent, sent_marks)):
            v = lex.get(t)
            if v is None or i == p:
                continue
            if neg:
                v = -0.74 * v
            d = abs(i - p)
            side = "l" if i < p else "r"
            key = f"ld_{side}_{'pos' if v > 0 else 'neg'}"
            if lexclause and not (lo <= i <= hi):
                key = "ldo" + key[2:]
            acc[key] = acc.get(key, 0.0) + abs(v) / 4.0 / (1.0 + d / 3.0)
        f.update(acc)
    if cfg.get("struct"):
        _structure(ctx, f)
    if cfg.get("char"):
        _family(f, _char_ngrams(raw.clause, cfg["char"]), norm)
    if cfg.get("conj"):
        _conjunctions(f)
    scale = cfg.get("dscale")
    if scale:
        for key in f:
            if key != "bias" and ":" not in key:
                f[key] *= scale
    return f


def _structure(ctx: _Context, f: dict) -> None:
    """The structure flags (module docstring of :mod:`analysis_utils.sentiment.target`)."""
    left, right = ctx.left, ctx.right
    if all(t == '"' for t in left):
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


def target_features(text: str, start: int, end: int, config: dict | None = None) -> dict:
    """The model's features for the target ``text[start:end]``: ``{name: value}``.

    ``config`` chooses the feature families (default: the shipped model's). Used
    by the training script and by :func:`target_sentiment`, so training and
    inference see exactly the same features.
    """
    start, end = _check_span(text, start, end)
    if config is None:
        from .model import load_model

        config = load_model().config
    return _features(_Context(Document(text, layout="plain"), start, end, None), config)
