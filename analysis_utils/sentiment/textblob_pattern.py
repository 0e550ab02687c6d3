"""TextBlob's pattern sentiment, the same numbers, read straight from its lexicon.

``TextBlob(text).sentiment`` runs the pattern analyser (``textblob.en.sentiment``): its
tokenizer, then ``Sentiment.assessments`` over the lower-cased words, then the averages
of polarity and subjectivity. The analyser's lexicon is a lazily loaded ``dict``
subclass whose every lookup goes through a Python wrapper, and its emoticon check lowers
every emoticon of its table for each short non-word token. :func:`pattern_sentiment`
does the same steps with plain ``dict`` lookups and the emoticons lowered once: the
same ``(polarity, subjectivity, assessments)`` as ``textblob.en.sentiment(text)``
(tested against it), in about half the time. The tokenizer is TextBlob's own.

The rules below are those of ``Sentiment.assessments`` in TextBlob 0.18
(``textblob/_text.py``, from Pattern, BSD licence), in the same order.
"""
from __future__ import annotations

import functools


@functools.lru_cache(maxsize=1)
def _analyser():
    """TextBlob's English pattern analyser, its lexicon loaded, and what the rules read of
    it: the modifier words (those with a part of speech among the analyser's
    modifiers), the lower-cased emoticons with their polarity (first match of the table
    wins, as in TextBlob) and TextBlob's punctuation string."""
    from textblob._text import EMOTICONS, IRONY, MOOD, PUNCTUATION
    from textblob.en import sentiment

    if dict.__len__(sentiment) == 0:
        sentiment.load()
    lexicon = dict(dict.items(sentiment))
    modifier_words = frozenset(w for w, pos in lexicon.items() if any(m in pos for m in sentiment.modifiers))
    emoticons: dict[str, float] = {}
    for (_type, p), faces in EMOTICONS.items():
        for face in faces:
            emoticons.setdefault(face.lower(), p)
    return sentiment, lexicon, modifier_words, emoticons, PUNCTUATION, MOOD, IRONY


def pattern_sentiment(text: str) -> tuple[float, float, list]:
    """``(polarity, subjectivity, assessments)`` of ``textblob.en.sentiment(text)``:
    ``assessments`` is a list of ``(words, polarity, subjectivity, label)``."""
    sentiment, lexicon, modifier_words, emoticons, punctuation, mood, irony = _analyser()
    words = [w.lower() for w in " ".join(sentiment.tokenizer(text)).split()]
    a = _assessments(words, sentiment, lexicon, modifier_words, emoticons, punctuation, mood, irony)
    return _avg([p for _w, p, _s, _x in a]), _avg([s for _w, _p, s, _x in a]), a


def _avg(values: list[float]) -> float:
    """TextBlob's average (a sum from the integer 0, over ``float(n or 1)``)."""
    s, n = 0, 0
    for v in values:
        s += 1 * v
        n += 1
    return s / float(n or 1)


def _assessments(words, sentiment, lexicon, modifier_words, emoticons, punctuation, mood, irony) -> list:
    """``Sentiment.assessments`` of lower-cased words (no part-of-speech tags), negation on."""
    negations = sentiment.negations
    modifiers = sentiment.modifiers
    labeler = sentiment.labeler
    a: list[list] = []  # [words, p, s, i, n, x]
    m = None  # the preceding modifier
    n = None  # the preceding negation
    for w in words:
        entry = lexicon.get(w)
        if entry is not None and None in entry:
            p, s, i = entry[None]
            if m is None:
                a.append([[w], p, s, i, 1, labeler.get(w)])
            else:
                last = a[-1]
                last[0].append(w)
                last[1] = max(-1.0, min(p * last[3], +1.0))
                last[2] = max(-1.0, min(s * last[3], +1.0))
                last[3] = i
                last[5] = labeler.get(w)
            if n is not None:
                last = a[-1]
                last[0].insert(0, n)
                last[3] = 1.0 / last[3]
                last[4] = -1
            m = None
            n = None
            if w in modifier_words:
                m = (w, None)
            if w in negations:
                n = w
        else:
            if w in negations:
                n = w
            elif n and len(w.strip("'")) > 1:
                n = None
            if n is not None and m is not None and (None in modifiers or sentiment.modifier(m[0])):
                a[-1][0].append(n)
                a[-1][4] = -1
                n = None
            elif m and len(w) > 2:
                m = None
            if w == "!" and len(a) > 0:
                a[-1][0].append("!")
                a[-1][1] = max(-1.0, min(a[-1][1] * 1.25, +1.0))
            if w == "(!)":
                a.append([[w], 0.0, 1.0, 1.0, 1, irony])
            if w.isalpha() is False and len(w) <= 5 and w not in punctuation:
                p = emoticons.get(w)
                if p is not None:
                    a.append([[w], p, 1.0, 1.0, 1, mood])
    return [(ws, p * -0.5 if neg < 0 else p, s, x) for ws, p, s, _i, neg, x in a]
