"""TextBlob's pattern sentiment, the same numbers, read straight from its lexicon.

``TextBlob(text).sentiment`` runs the pattern analyser (``textblob.en.sentiment``): its
tokenizer, then ``Sentiment.assessments`` over the lower-cased words, then the averages
of polarity and subjectivity. The analyser's lexicon is a lazily loaded ``dict``
subclass whose every lookup goes through a Python wrapper, and its emoticon check lowers
every emoticon of its table for each short non-word token. :func:`pattern_sentiment`
does the same steps with plain ``dict`` lookups and the emoticons lowered once: the
same ``(polarity, subjectivity, assessments)`` as ``textblob.en.sentiment(text)``
(tested against it), in about half the time: the tokenizer
(:func:`find_tokens`) is TextBlob's, its patterns compiled once and plain words taken as
they are.

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
    words = [w.lower() for w in " ".join(find_tokens(text)).split()]
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


@functools.lru_cache(maxsize=1)
def _tokenizer_parts():
    """What TextBlob's tokenizer reads, compiled once: its contraction rules, punctuation,
    abbreviations and the abbreviation, sarcasm and emoticon patterns."""
    import re

    from textblob import _text as t

    replace = [(re.compile(a), b) for a, b in t.replacements.items()]
    punctuation = tuple(t.PUNCTUATION.replace(".", ""))
    return (replace, t.replacements, punctuation, punctuation + (".",), t.ABBREVIATIONS,
            (t.RE_ABBR1, t.RE_ABBR2, t.RE_ABBR3), t.RE_SARCASM, t.RE_EMOTICONS, t.EOS,
            re.compile(r"\n{2,}"), re.compile(r"\s+"))


def find_tokens(string: str) -> list[str]:
    """``textblob.en.sentiment.tokenizer(string)`` (Pattern's ``find_tokens`` with its
    defaults): the sentences, each a space-separated string of tokens. The same steps,
    with the patterns compiled once and a plain word (letters and digits only, which
    has no punctuation to split) taken as it is."""
    (replace, replace_keys, punctuation, trailing, abbreviations, abbr_res, sarcasm, emoticons, eos,
     linebreak, spaces) = _tokenizer_parts()
    for pattern, b in replace:
        string = pattern.sub(b, string)
    string = (string.replace("“", " “ ").replace("”", " ” ").replace("‘", " ‘ ").replace("’", " ’ ")
              .replace("'", " ' ").replace('"', ' " '))
    string = string.replace("\r\n", "\n")
    string = linebreak.sub(" %s " % eos, string)
    string = spaces.sub(" ", string)
    tokens: list[str] = []
    for t in (string + " ").split(" "):
        if not t:
            continue
        if t.isalnum():
            tokens.append(t)
            continue
        tail = []
        while t.startswith(punctuation) and t not in replace_keys:
            tokens.append(t[0])
            t = t[1:]
        while t.endswith(trailing) and t not in replace_keys:
            if t.endswith(punctuation):
                tail.append(t[-1])
                t = t[:-1]
            if t.endswith("..."):
                tail.append("...")
                t = t[:-3].rstrip(".")
            if t.endswith("."):
                if t in abbreviations or any(r.match(t) is not None for r in abbr_res):
                    break
                tail.append(t[-1])
                t = t[:-1]
        if t != "":
            tokens.append(t)
        tokens.extend(reversed(tail))
    sentences: list[list[str]] = [[]]
    i = j = 0
    ends = ("...", ".", "!", "?", eos)
    closers = ("'", '"', "”", "’", "...", ".", "!", "?", ")", eos)
    while j < len(tokens):
        if tokens[j] in ends:
            while j < len(tokens) and tokens[j] in closers:
                if tokens[j] in ("'", '"') and sentences[-1].count(tokens[j]) % 2 == 0:
                    break
                j += 1
            sentences[-1].extend(t for t in tokens[i:j] if t != eos)
            sentences.append([])
            i = j
        j += 1
    sentences[-1].extend(tokens[i:j])
    out = (sarcasm.sub("(!)", " ".join(s)) for s in sentences if len(s) > 0)
    return [emoticons.sub(lambda m: m.group(1).replace(" ", "") + m.group(2), s) for s in out]
