"""Cue words in context: a learned tagger for the attribution cues the lexicon lacks.

PolNeAR marks an attribution at many verbs beyond the kit's lexicon (``declined to``,
``is pledging to``, ``lashed out at``), and whether a word is a cue depends on its
context (*supports* in *Sanders supports a ban* is, in *the data supports it* rarely).
This module scores each word of a sentence that the lexicon does not know with an
averaged perceptron trained on PolNeAR train (``benchmarks/train_quotes.py``; weights in
``analysis_utils/models/cue_tagger.json``). Its features (:func:`token_features`) are the
word, its suffix, the words and kinds of token around it (a quotation, a capitalised
name, a pronoun, *that*, *to*), never anything of one article.

It scores sentences without a quotation only: quotations are attributed by the rules.
A word scored above the model's ``threshold`` becomes a cue of the ``cognition`` group:
the frame rules then find its speaker (the phrase before it) and the clause it
attributes, and the quotes table marks the row ``speech=False`` (an attitude, an
intention or an act the lexicon does not list as an utterance; the share of voice does
not count it). Only words seen as cues in training (``vocabulary``) are scored, so the
cost is a few dictionary look-ups per sentence.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .model_files import MODELS, bad_layout, check_finite, read_model
from .tokens import Tok
from .word_lists import PRONOUNS, STOP

MODEL_FILE = MODELS / "cue_tagger.json"
WHAT = "cue tagger"


def _shape(t: Tok | None) -> str:
    """What a token counts as beside a candidate word: ``<q>`` (a quotation), the mark
    itself, ``<pron>``, ``<Cap>`` (a capitalised word) or the lower-case word."""
    if t is None:
        return "<s>"
    if t.kind == "q":
        return "<q>"
    if t.kind == "p":
        return t.text
    if t.lower in PRONOUNS:
        return "<pron>"
    return "<Cap>" if t.cap else t.lower


class _Shapes:
    """``shapes[k]`` is the shape of ``toks[k - 2]`` (``<s>`` outside the sentence), each
    computed once, when first asked for."""

    __slots__ = ("toks", "done")

    def __init__(self, toks: list[Tok]):
        self.toks = toks
        self.done: dict[int, str] = {}

    def __getitem__(self, k: int) -> str:
        s = self.done.get(k)
        if s is None:
            j = k - 2
            s = self.done[k] = _shape(self.toks[j]) if 0 <= j < len(self.toks) else "<s>"
        return s


def token_features(toks: list[Tok], i: int) -> list[str]:
    """The named features of the word ``toks[i]`` (see the module docstring): those of the
    word itself (:func:`word_features`) and of its context (:func:`context_features`)."""
    w = toks[i].lower
    return word_features(w) + context_features(toks, i, w)


def word_features(w: str) -> list[str]:
    """The features of the word alone: itself, its last three and two letters, a bias."""
    return ["bias", "w=" + w, "s3=" + w[-3:], "s2=" + w[-2:]]


def shapes_of(toks: list[Tok]) -> _Shapes:
    """What each token counts as in a neighbour's features, padded with two ``<s>`` on
    each side (so that ``shapes[i + 2]`` is ``toks[i]``'s), computed as needed."""
    return _Shapes(toks)


def context_features(toks: list[Tok], i: int, w: str, shapes: _Shapes | None = None) -> list[str]:
    """The features of the tokens around ``toks[i]`` (whose lower-case word is ``w``);
    ``shapes``: :func:`shapes_of` ``toks``, when the caller has it."""
    if shapes is None:
        shapes = shapes_of(toks)
    s_p2, s_p1, s_n1, s_n2 = shapes[i], shapes[i + 1], shapes[i + 3], shapes[i + 4]
    feats = ["p1=" + s_p1, "p2=" + s_p2, "n1=" + s_n1, "n2=" + s_n2, "p1w=" + s_p1 + "|" + w,
             "wn1=" + w + "|" + s_n1, "p2p1=" + s_p2 + "|" + s_p1]
    for t in toks[i + 1:i + 5]:
        if t.kind == "w" and t.lower == "that":
            feats.append("that-after")
            break
    for t in toks[i + 1:i + 8]:
        if t.kind == "q":
            feats.append("q-after")
            break
    for t in toks[max(0, i - 6):i]:
        if t.kind == "q":
            feats.append("q-before")
            break
    if i == 0:
        feats.append("first")
    return feats


class CueTagger:
    """``weights`` (feature -> weight), ``threshold`` and the ``vocabulary`` it scores."""

    def __init__(self, weights: dict[str, float], threshold: float, vocabulary: frozenset[str]):
        self.weights = weights
        self.threshold = threshold
        self.vocabulary = vocabulary
        self._base: dict[str, float] = {}  # word -> the weights of its word features, summed once
        self._tables: _Tables | None = None  # the weights by feature template, made on first use

    def score(self, toks: list[Tok], i: int, shapes: _Shapes | None = None) -> float:
        """The tagger's score of ``toks[i]``: the sum of the weights of its features
        (``shapes``: :func:`shapes_of` ``toks``, when the caller has it). The weights of
        :func:`context_features` are read from :class:`_Tables` (no feature names made),
        and added in the same order, so the sum is the same to the last bit."""
        w = toks[i].lower
        base = self._base.get(w)
        if base is None:
            get = self.weights.get
            base = self._base[w] = sum(get(f, 0.0) for f in word_features(w))
        if "|" in w:  # cannot happen for a word token; the tables would not tell its features apart
            get = self.weights.get
            for f in context_features(toks, i, w, shapes):
                base += get(f, 0.0)
            return base
        if shapes is not None:
            s_p2, s_p1, s_n1, s_n2 = shapes[i], shapes[i + 1], shapes[i + 3], shapes[i + 4]
        else:  # four shapes: made here, cheaper than kept (neighbouring candidates are rare)
            n = len(toks)
            s_p2 = _shape(toks[i - 2]) if i >= 2 else "<s>"
            s_p1 = _shape(toks[i - 1]) if i >= 1 else "<s>"
            s_n1 = _shape(toks[i + 1]) if i + 1 < n else "<s>"
            s_n2 = _shape(toks[i + 2]) if i + 2 < n else "<s>"
        t = self._tables or self._make_tables()
        base += t.p1.get(s_p1, 0.0)
        base += t.p2.get(s_p2, 0.0)
        base += t.n1.get(s_n1, 0.0)
        base += t.n2.get(s_n2, 0.0)
        base += t.p1w.get((s_p1, w), 0.0)
        base += t.wn1.get((w, s_n1), 0.0)
        base += t.p2p1.get(s_p2 + "|" + s_p1, 0.0)
        for u in toks[i + 1:i + 5]:
            if u.kind == "w" and u.lower == "that":
                base += t.that_after
                break
        for u in toks[i + 1:i + 8]:
            if u.kind == "q":
                base += t.q_after
                break
        for u in toks[max(0, i - 6):i]:
            if u.kind == "q":
                base += t.q_before
                break
        if i == 0:
            base += t.first
        return base

    def _make_tables(self) -> _Tables:
        self._tables = _Tables(self.weights)
        return self._tables

    def cues(self, toks: list[Tok], words: list[str], known: frozenset[str], keep=None) -> list[int]:
        """The indexes of the words of a sentence the tagger takes for cues (lower-case words
        of its vocabulary that the lexicon does not start a cue with); ``keep(i)``, when
        given, is asked first (a word it refuses is not scored)."""
        vocab = self.vocabulary
        out = []
        for i in [k for k, w in enumerate(words) if w in vocab and w not in known]:
            if not candidate(toks[i]) or (keep is not None and not keep(i)):
                continue
            if self.score(toks, i) > self.threshold:
                out.append(i)
        return out


class _Tables:
    """A tagger's weights of :func:`context_features` by template, keyed by what the
    feature name joins: ``p1[shape]`` is the weight of ``"p1=" + shape``, ``p1w[(shape,
    word)]`` that of ``"p1w=" + shape + "|" + word``, ``wn1[(word, shape)]`` that of
    ``"wn1=" + word + "|" + shape``, ``p2p1[shape2 + "|" + shape1]`` that of ``"p2p1=" +
    shape2 + "|" + shape1``; the flags are numbers (0.0 when the model lacks them). A
    word holds no ``|`` (:meth:`CueTagger.score` checks), so splitting a ``p1w=`` name at
    its last ``|`` and a ``wn1=`` name at its first gives back the shape and the word."""

    __slots__ = ("p1", "p2", "n1", "n2", "p1w", "wn1", "p2p1", "that_after", "q_after", "q_before", "first")

    def __init__(self, weights: dict[str, float]):
        self.p1, self.p2, self.n1, self.n2, self.p2p1 = {}, {}, {}, {}, {}
        self.p1w: dict[tuple[str, str], float] = {}
        self.wn1: dict[tuple[str, str], float] = {}
        plain = {"p1": self.p1, "p2": self.p2, "n1": self.n1, "n2": self.n2, "p2p1": self.p2p1}
        one = {}  # one string object per distinct shape or word (the tables repeat them)
        for name, v in weights.items():
            kind, eq, rest = name.partition("=")
            if not eq:
                continue
            if kind in plain:
                plain[kind][one.setdefault(rest, rest)] = v
            elif kind == "p1w" and "|" in rest:
                shape, _, word = rest.rpartition("|")
                self.p1w[one.setdefault(shape, shape), one.setdefault(word, word)] = v
            elif kind == "wn1" and "|" in rest:
                word, _, shape = rest.partition("|")
                self.wn1[one.setdefault(word, word), one.setdefault(shape, shape)] = v
        self.that_after = weights.get("that-after", 0.0)
        self.q_after = weights.get("q-after", 0.0)
        self.q_before = weights.get("q-before", 0.0)
        self.first = weights.get("first", 0.0)


def candidate(tok: Tok) -> bool:
    """A word the tagger may score: lower-case, three letters or more, not a function word."""
    w = tok.lower
    return tok.kind == "w" and not tok.cap and len(w) >= 3 and w not in STOP and not w.endswith(("n't", "n’t"))


def load_tagger(path: str | Path | None = None) -> CueTagger:
    """Read a cue-tagger file (JSON: ``weights``, ``threshold``, ``vocabulary``). Raises
    :class:`~analysis_utils.errors.ModelFileError` with a clear message when it is missing,
    not JSON, or not in that layout."""
    path = Path(path) if path is not None else MODEL_FILE
    data = read_model(path, WHAT)
    try:
        if isinstance(data["vocabulary"], (str, dict)):
            raise TypeError("vocabulary")
        weights = {str(k): float(v) for k, v in data["weights"].items()}
        threshold = float(data["threshold"])
        vocabulary = frozenset(str(w) for w in data["vocabulary"])
    except (KeyError, TypeError, ValueError, AttributeError):
        raise bad_layout(path, WHAT, "{'weights': {feature: number}, 'threshold': number, 'vocabulary': [word]}") \
            from None
    check_finite(path, WHAT, [threshold, *weights.values()])
    return CueTagger(weights, threshold, vocabulary)


@lru_cache(maxsize=1)
def default_tagger() -> CueTagger:
    """The shipped tagger (read once)."""
    return load_tagger()
