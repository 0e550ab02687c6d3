"""Lexicon scores: TextBlob and VADER, with the words behind them.

:func:`score_clause_lexicons` scores a piece of text with TextBlob's pattern analyser
(the one behind ``TextBlob(text).sentiment``; no NLTK data needed) and VADER (which
ships its lexicon). Both are pure functions of the text, so results are kept for
texts scored again.
"""
from __future__ import annotations

import functools
import re

from .textblob_pattern import pattern_sentiment
from .vader_rules import vader, vader_scores  # noqa: F401  (vader_scores re-exported)

_vader = vader  # the analyser, built once (its lexicon: the VADER drivers)


def _textblob(text: str) -> tuple[float, float, list]:
    """``(polarity, subjectivity, assessments)`` of TextBlob's sentiment of ``text``
    (the pattern analyser behind ``TextBlob(text).sentiment``, read straight from its
    lexicon: :mod:`.textblob_pattern`)."""
    return pattern_sentiment(text)


@functools.lru_cache(maxsize=1024)
def textblob_polarity(text: str) -> float:
    """TextBlob's polarity of ``text`` (0.0 for blank text); kept for repeated texts."""
    return _textblob(text)[0] if text.strip() else 0.0


@functools.lru_cache(maxsize=1024)
def vader_compound(text: str) -> float:
    """VADER's compound score of ``text`` (0.0 for blank text); kept for repeated texts."""
    return float(vader_scores(text)["compound"]) if text.strip() else 0.0


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
    Only TextBlob's pattern sentiment is used (no NLTK data).
    """
    if not isinstance(clause, str):
        raise TypeError(f"clause must be a str, not {type(clause).__name__}")
    return dict(_lexicon_scores(clause))


@functools.lru_cache(maxsize=1024)
def _lexicon_scores(clause: str) -> dict:
    """:func:`score_clause_lexicons`, kept for texts scored again (the sentence of two
    targets, a clause shared by two mentions). Callers copy the dict; its lists are
    read-only."""
    if not clause.strip():
        return {
            "textblob_polarity": 0.0, "textblob_subjectivity": 0.0, "textblob_drivers": [],
            "vader_compound": 0.0, "vader_pos": 0.0, "vader_neu": 1.0, "vader_neg": 0.0,
            "vader_drivers": [],
        }
    polarity, subjectivity, assessments = _textblob(clause)
    vs = vader_scores(clause)
    lex = _vader().lexicon
    vwords = []
    for w in _VADER_TOKEN_RE.findall(clause):
        v = lex.get(w.lower())
        if v is not None:
            vwords.append((w, float(v)))
    return {
        "textblob_polarity": polarity,
        "textblob_subjectivity": subjectivity,
        "textblob_drivers": [(" ".join(words), float(p)) for words, p, _s, _l in assessments],
        "vader_compound": float(vs["compound"]),
        "vader_pos": float(vs["pos"]),
        "vader_neu": float(vs["neu"]),
        "vader_neg": float(vs["neg"]),
        "vader_drivers": vwords,
    }


def clear_caches() -> None:
    """Forget the kept scores (for timing runs)."""
    _lexicon_scores.cache_clear()
    vader_compound.cache_clear()
    textblob_polarity.cache_clear()
