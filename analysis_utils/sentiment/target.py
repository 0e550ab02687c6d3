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
1. **Sentence.** The sentence of the text that holds the span (the text's own
   sentences: :attr:`Document.sentences`; :func:`~.clauses.sentence_around`).
2. **Clause.** :func:`clause_around` cuts the sentence at clause boundaries
   (quotations -- the text's quotation marks, :attr:`Document.quote_marks` --,
   semicolons, dashes, conjunctions after a comma, contrast words) and keeps the
   piece holding the target; see its docstring for the rules (:mod:`.clauses`).
3. **Lexicons.** :func:`~.lexicons.score_clause_lexicons` gives TextBlob's polarity and
   subjectivity (the pattern analyser behind ``TextBlob(...).sentiment``, which needs
   no NLTK data) and VADER's scores (``vaderSentiment`` ships its lexicon), each with the
   words behind them.
4. **Model.** A linear model trained on NewsMTSC's train split: one logistic
   regression per class against the rest, over word features scaled by their
   naive-Bayes log-count ratios (NBSVM-style)
   (``benchmarks/train_sentiment.py``) over sparse named features
   (:func:`~.features.target_features`), with the target masked as ``<t>`` so that the
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

from ..text.document import Document
from .clauses import _check_span, clause_around, quote_spans, sentence_around  # noqa: F401  (re-exported)
from .features import TARGET, _Context, _features, target_features  # noqa: F401  (re-exported)
from .lexicons import score_clause_lexicons  # noqa: F401  (re-exported)
from .model import LABELS, MODEL_FORMAT, MODEL_PATH, SentimentModel, load_model  # noqa: F401  (re-exported)

__all__ = [
    "LABELS",
    "MODEL_PATH",
    "Scored",
    "SentimentModel",
    "clause_around",
    "load_model",
    "quote_spans",
    "score_clause_lexicons",
    "score_target",
    "sentence_around",
    "target_features",
    "target_sentiment",
]

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

    ``text`` may be one sentence or a whole article (read as plain text); the sentence
    around the span is the text's sentence holding it (:func:`sentence_around`), unless the caller
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
    scored = score_target(Document(text, layout="plain"), start, end, sentence=sentence, model=model)
    return scored.result(explain=True)


class Scored:
    """A target scored by :func:`score_target`: the context, the features, the model's
    probabilities, ``label`` and ``score``. :meth:`result` gives the dict of
    :func:`target_sentiment` (the drivers, which take a little longer, only when asked)."""

    __slots__ = ("doc", "start", "end", "ctx", "feats", "model", "proba", "label", "score")

    def __init__(self, doc: Document, start: int, end: int, ctx: _Context, feats: dict, model: SentimentModel):
        self.doc, self.start, self.end, self.ctx, self.feats, self.model = doc, start, end, ctx, feats, model
        proba = model.proba(feats)
        self.proba = proba
        self.label = max(model.labels, key=lambda lab: (proba[lab], lab == "neutral"))
        score = proba.get("positive", 0.0) - proba.get("negative", 0.0)
        self.score = max(-1.0, min(1.0, score))

    def drivers(self) -> list[dict]:
        """What drove the result, strongest first (see :func:`target_sentiment`)."""
        mdl, ctx = self.model, self.ctx
        surface = ctx.surface_forms(mdl.config)
        drivers = []
        seen = set()
        for name, w in mdl.contributions(self.feats, self.label):
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
        return drivers

    def result(self, explain: bool = True) -> dict:
        """The dict of :func:`target_sentiment`; without ``explain``, ``drivers`` is
        ``[]`` and ``driver_text`` ``""``."""
        text = self.doc.text
        s_lo, s_hi = self.ctx.sentence_span
        c_lo, c_hi = self.ctx.clause_span
        lc = self.ctx.lex_clause
        drivers = self.drivers() if explain else []
        return {
            "label": self.label,
            "score": self.score,
            "model": self.proba,
            "target": text[self.start:self.end],
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


def score_target(doc: Document, start: int, end: int, *, sentence: tuple[int, int] | None = None,
                 model: SentimentModel | None = None) -> Scored:
    """Score the target ``doc.text[start:end]`` in a document, reading its sentences and
    quotation marks (its layers) instead of finding them again. ``sentence``: the
    sentence holding the target, if known (else the document's sentence holding it)."""
    start, end = _check_span(doc.text, start, end)
    mdl = model or load_model()
    ctx = _Context(doc, start, end, sentence)
    return Scored(doc, start, end, ctx, _features(ctx, mdl.config), mdl)
