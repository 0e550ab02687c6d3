"""Sentiment per actor, kept apart by voice, with the evidence behind every number.

Three voices
------------
``narrator``  mentions of the actor in the article's own sentences (outside quotations);
              each scored with :func:`analysis_utils.sentiment.target_sentiment`
``quoted``    mentions of the actor inside a quotation by *someone else* (words said
              about the actor by others); scored the same way
``own``       quotations *spoken by* the actor (direct and partial quotes): the tone of
              the actor's own words. There is no target inside one's own words, so the
              score is VADER's compound score of the whole quotation (label: negative
              below -0.05, positive above 0.05, as VADER's authors recommend), with
              TextBlob beside it

Tables
------
:func:`sentiment_evidence` - one row per scored item:
``actor, voice, sentence_id, paragraph, start, end, mention, clause, clause_start,
clause_end, label, score, textblob, vader, drivers, speaker, via``

:func:`actor_sentiment` - one row per actor and voice:
``actor, kind, country, voice, mentions, mean, ci_low, ci_high, share_negative,
share_neutral, share_positive, textblob, vader`` where ``mean`` is the mean of the kit's
score in [-1, 1], ``ci_low/ci_high`` a 95 % bootstrap interval of that mean (2,000
resamples, fixed seed: the same input gives the same interval), ``share_*`` the share of
items per label, and ``textblob``/``vader`` the mean lexicon scores of the same clauses.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

if TYPE_CHECKING:  # pragma: no cover
    from ..text.document import Document as Article
    from ..actors.registry import Registry

VOICES = ("narrator", "quoted", "own")
EVIDENCE_COLUMNS = [
    "actor", "voice", "sentence_id", "paragraph", "start", "end", "mention", "clause", "clause_start",
    "clause_end", "label", "score", "textblob", "vader", "drivers", "speaker", "via",
]
SUMMARY_COLUMNS = [
    "actor", "kind", "country", "voice", "mentions", "mean", "ci_low", "ci_high",
    "share_negative", "share_neutral", "share_positive", "textblob", "vader",
]
SPEECH_KINDS = ("direct", "partial", "headline")


def paragraph_labels(article: "Article") -> pd.Series:
    """``sentence_id -> label`` of the part of the article that holds it ("¶3", "headline", ...)."""
    from ..text.segments import structure_table

    st = structure_table(article.segments).set_index("segment_id")["label"]
    sents = article.sentences
    return pd.Series(
        [str(st.get(s, "")) for s in sents["segment_id"]], index=sents["sentence_id"].to_numpy(), name="paragraph"
    )


def _speech_quotes(article: "Article", registry: "Registry", quotes: pd.DataFrame | None) -> pd.DataFrame:
    cols = ["start", "end", "speaker", "kind"]
    if quotes is None:
        try:
            from ..quotes.finder import find_quotes_in_article
        except ImportError:  # quotes module not available: no voice split inside quotes
            return pd.DataFrame(columns=cols)
        quotes = find_quotes_in_article(article, registry=registry)
    if quotes is None or quotes.empty:
        return pd.DataFrame(columns=cols)
    q = quotes[quotes["kind"].isin(SPEECH_KINDS)].copy()
    if "speaker_actor" in q.columns:  # speakers canonicalised through the registry
        q["speaker"] = q["speaker_actor"].fillna("").astype(str)
    return q[cols].reset_index(drop=True)


def _covering(pos: int, quotes: pd.DataFrame) -> pd.Series | None:
    hit = quotes[(quotes["start"] <= pos) & (pos < quotes["end"])]
    return None if hit.empty else hit.iloc[0]


def sentiment_evidence(
    article: "Article",
    registry: "Registry | None" = None,
    *,
    mentions: pd.DataFrame | None = None,
    quotes: pd.DataFrame | None = None,
    vias: tuple[str, ...] | None = None,
) -> pd.DataFrame:
    """Every scored mention and quotation, with clause, score and the words behind it.

    Parameters
    ----------
    mentions: from :func:`analysis_utils.actors.find_mentions` (computed when None).
    quotes: a quotes table with ``start, end, speaker, kind`` (speakers as canonical
        names); from :mod:`analysis_utils.quotes` when None.
    vias: keep only mentions found these ways (e.g. drop ``"demonym"``); None keeps all.
    """
    from ..actors.mentions import find_mentions
    from ..actors.registry import load_registry
    from .target import target_sentiment

    reg = registry if registry is not None else load_registry()
    ments = mentions if mentions is not None else find_mentions(article, reg)
    if vias is not None:
        ments = ments[ments["via"].isin(vias)]
    q = _speech_quotes(article, reg, quotes)
    para = paragraph_labels(article)
    text = article.text
    bounds = {int(r.sentence_id): (int(r.start), int(r.end)) for r in article.sentences.itertuples(index=False)}
    rows = []
    for m in ments.itertuples(index=False):
        quote = _covering(int(m.start), q)
        speaker = "" if quote is None else str(quote["speaker"] or "")
        if quote is not None and speaker == m.actor:
            continue  # the actor's own words: counted once, as a quotation, below
        voice = "narrator" if quote is None else "quoted"
        r = target_sentiment(text, int(m.start), int(m.end), sentence=bounds.get(int(m.sentence_id)))
        rows.append(_row(m.actor, voice, int(m.sentence_id), para, int(m.start), int(m.end), m.text, r, speaker, m.via))
    sents = article.sentences
    for qq in q.itertuples(index=False):
        if not qq.speaker or reg.get(str(qq.speaker)) is None:
            continue
        start, end = int(qq.start), int(qq.end)
        if end <= start or not text[start:end].strip():
            continue
        hit = sents[(sents["start"] <= start) & (start < sents["end"])]
        sid = int(hit.iloc[0]["sentence_id"]) if len(hit) else -1
        r = own_words_score(text[start:end])
        r.update(clause=text[start:end], clause_start=start, clause_end=end)
        rows.append(_row(str(qq.speaker), "own", sid, para, start, end, text[start:end], r, str(qq.speaker), "quote"))
    df = pd.DataFrame(rows, columns=EVIDENCE_COLUMNS)
    return df.sort_values(["start", "voice"], kind="stable").reset_index(drop=True)


def _lexicons(clause: str) -> dict:
    from .target import score_clause_lexicons

    lex = score_clause_lexicons(clause)
    return {
        "textblob": lex["textblob_polarity"],
        "vader": lex["vader_compound"],
        "drivers": [w for w, _ in lex["textblob_drivers"]] + [w for w, _ in lex["vader_drivers"]],
    }


def own_words_score(quotation: str) -> dict:
    """Label and score of an actor's own words (see ``own`` in the module docstring)."""
    lex = _lexicons(quotation)
    v = lex["vader"]
    label = "negative" if v < -0.05 else "positive" if v > 0.05 else "neutral"
    return {"label": label, "score": v, **lex, "drivers": list(dict.fromkeys(lex["drivers"]))}


def _row(actor, voice, sid, para, start, end, mention, r, speaker, via) -> dict:
    drivers = r.get("driver_text")
    if drivers is None:
        raw = r.get("drivers") or []
        drivers = raw if isinstance(raw, str) else ", ".join(str(d) for d in raw)
    return {
        "actor": actor,
        "voice": voice,
        "sentence_id": sid,
        "paragraph": para.get(sid, "") if sid >= 0 else "",
        "start": start,
        "end": end,
        "mention": mention,
        "clause": r.get("clause", ""),
        "clause_start": r.get("clause_start", start),
        "clause_end": r.get("clause_end", end),
        "label": r["label"],
        "score": float(r["score"]),
        "textblob": float(r.get("textblob", np.nan)),
        "vader": float(r.get("vader", np.nan)),
        "drivers": drivers,
        "speaker": speaker,
        "via": via,
    }


def bootstrap_ci(values, n_boot: int = 2000, level: float = 0.95, seed: int = 0) -> tuple[float, float]:
    """Percentile bootstrap interval of the mean (deterministic for a given seed)."""
    x = np.asarray(values, dtype=float)
    if x.size == 0:
        return (np.nan, np.nan)
    if x.size == 1:
        return (float(x[0]), float(x[0]))
    rng = np.random.default_rng(seed)
    means = x[rng.integers(0, x.size, size=(n_boot, x.size))].mean(axis=1)
    a = (1 - level) / 2
    return (float(np.quantile(means, a)), float(np.quantile(means, 1 - a)))


def summarise(evidence: pd.DataFrame, registry: "Registry | None" = None, *, n_boot: int = 2000, seed: int = 0) -> pd.DataFrame:
    """Per actor and voice: the summary table described in the module docstring."""
    from ..actors.registry import load_registry

    reg = registry if registry is not None else load_registry()
    rows = []
    for (actor, voice), g in evidence.groupby(["actor", "voice"], sort=False):
        lo, hi = bootstrap_ci(g["score"], n_boot=n_boot, seed=seed)
        a = reg.get(actor)
        shares = g["label"].value_counts(normalize=True)
        rows.append(
            {
                "actor": actor,
                "kind": a.kind if a else "",
                "country": (a.name if a.kind == "country" else (a.country or "")) if a else "",
                "voice": voice,
                "mentions": len(g),
                "mean": float(g["score"].mean()),
                "ci_low": lo,
                "ci_high": hi,
                "share_negative": float(shares.get("negative", 0.0)),
                "share_neutral": float(shares.get("neutral", 0.0)),
                "share_positive": float(shares.get("positive", 0.0)),
                "textblob": float(g["textblob"].mean()),
                "vader": float(g["vader"].mean()),
            }
        )
    df = pd.DataFrame(rows, columns=SUMMARY_COLUMNS)
    if df.empty:
        return df
    df["voice"] = pd.Categorical(df["voice"], categories=list(VOICES), ordered=True)
    total = df.groupby("actor")["mentions"].transform("sum")
    df = df.assign(_total=total).sort_values(["_total", "actor", "voice"], ascending=[False, True, True])
    df["voice"] = df["voice"].astype(str)
    return df.drop(columns="_total").reset_index(drop=True)


def actor_sentiment(
    article: "Article",
    registry: "Registry | None" = None,
    *,
    mentions: pd.DataFrame | None = None,
    quotes: pd.DataFrame | None = None,
    vias: tuple[str, ...] | None = None,
    n_boot: int = 2000,
    seed: int = 0,
) -> pd.DataFrame:
    """Sentiment per actor and voice (see the module docstring for the columns).

    The evidence behind each row is :func:`sentiment_evidence` with the same arguments.
    """
    ev = sentiment_evidence(article, registry, mentions=mentions, quotes=quotes, vias=vias)
    return summarise(ev, registry, n_boot=n_boot, seed=seed)


def sentence_tone(article: "Article") -> pd.DataFrame:
    """The tone of every sentence, for the sentiment arc through the article.

    Columns: ``sentence_id, paragraph, kind, start, end, text, textblob, vader``.
    """
    sents = article.sentences
    para = paragraph_labels(article)
    rows = []
    for s in sents.itertuples(index=False):
        lex = _lexicons(s.text)
        rows.append(
            {
                "sentence_id": int(s.sentence_id),
                "paragraph": para.get(int(s.sentence_id), ""),
                "kind": s.kind,
                "start": int(s.start),
                "end": int(s.end),
                "text": s.text,
                "textblob": lex["textblob"],
                "vader": lex["vader"],
            }
        )
    return pd.DataFrame(rows, columns=["sentence_id", "paragraph", "kind", "start", "end", "text", "textblob", "vader"])
