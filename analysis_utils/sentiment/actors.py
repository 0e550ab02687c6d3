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

Each scored item is computed once per article (:func:`scored_items`, kept on the
article) from the article's mentions, quotations, sentences and quotation marks; the
evidence table adds the words that drove each score (asked for only by the evidence
table, not by the summary), and the summary reads the same items.
"""
from __future__ import annotations

import bisect
import functools
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from ..actors.mentions import find_mentions
from ..actors.registry import load_registry
from ..quotes.finder import find_quotes_in_article
from ..text.deadline import check_deadline
from ..text.document import Document
from ..text.frames import ints, strings, table
from ..text.spans import SpanLookup
from .lexicons import score_clause_lexicons
from .target import Scored, score_target

if TYPE_CHECKING:  # pragma: no cover
    from ..actors.registry import Registry

Article = Document  # the functions here read only the layers a Document has, plus mentions and quotes

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
_SUMMARY_TYPES = {c: strings for c in ("actor", "kind", "country", "voice")} | {"mentions": ints} | {
    c: (lambda v: np.array(v, dtype=np.float64)) for c in SUMMARY_COLUMNS[5:]}


def paragraph_labels(article: "Article") -> pd.Series:
    """``sentence_id -> label`` of the part of the article that holds it ("¶3", "headline", ...)."""
    labels = _paragraph_labels(article)
    sents = article.sentence_spans
    return pd.Series([labels.get(seg, "") for _, _, seg in sents], index=np.arange(len(sents)), name="paragraph")


def _paragraph_labels(article: "Article") -> dict[int, str]:
    """segment_id -> its label in :func:`analysis_utils.text.segments.structure_table`."""
    seg = article.segments
    out: dict[int, str] = {}
    para = 0
    for sid, kind, rep in zip(seg["segment_id"].tolist(), seg["kind"].tolist(), seg["repeats_headline"].tolist()):
        if kind == "blank":
            continue
        if kind == "body":
            para += 1
            out[sid] = f"¶{para}"
        else:
            out[sid] = kind + (" (repeats headline)" if rep else "")
    return out


def _speech_quotes(quotes: pd.DataFrame | None) -> list[tuple[int, int, str, str]]:
    """``(start, end, speaker, kind)`` of the quotations that are someone's words, with
    speakers as canonical registry names where the table has them."""
    if quotes is None or quotes.empty:
        return []
    speakers = quotes["speaker_actor"] if "speaker_actor" in quotes.columns else quotes["speaker"]
    return [(int(a), int(b), "" if pd.isna(sp) else str(sp), str(k))
            for a, b, sp, k in zip(quotes["start"].tolist(), quotes["end"].tolist(), speakers.tolist(),
                                   quotes["kind"].tolist())
            if k in SPEECH_KINDS]


def _covering(pos: int, quotes: list[tuple[int, int, str, str]],
              lookup: SpanLookup) -> tuple[int, int, str, str] | None:
    """The first of ``quotes`` (indexed by ``lookup``) that covers ``pos``."""
    k = lookup.first_covering(pos)
    return None if k is None else quotes[k]


def scored_items(article: "Article", registry: "Registry | None" = None, *,
                 mentions: pd.DataFrame | None = None, quotes: pd.DataFrame | None = None,
                 vias: tuple[str, ...] | None = None) -> list[tuple[dict, "Scored | None"]]:
    """Every scored mention and quotation of the article: ``(row, scored)`` pairs, the
    row holding the evidence columns but ``drivers``, and ``scored`` the
    :class:`~analysis_utils.sentiment.target.Scored` target (``None`` for an actor's own
    words). Arguments as :func:`sentiment_evidence`; with the article's own mentions and
    quotations (the default), computed once and kept on the article."""
    reg = registry if registry is not None else load_registry()
    if _own_layers(article, reg, mentions, quotes, vias):
        return article.layer(("sentiment_items", id(reg)), lambda: (reg, _score_items(article, reg, None, None, None)))[1]
    return _score_items(article, reg, mentions, quotes, vias)


def _own_layers(article: "Article", reg, mentions, quotes, vias) -> bool:
    """Are these the article's own mentions and quotations (not given, or its very
    tables), so that the kept layer serves?"""
    return vias is None and (mentions is None or mentions is find_mentions(article, reg)) \
        and (quotes is None or quotes is find_quotes_in_article(article, registry=reg))


def _score_items(article: "Article", reg, mentions, quotes, vias) -> list[tuple[dict, "Scored | None"]]:
    ments = mentions if mentions is not None else find_mentions(article, reg)
    if vias is not None:
        ments = ments[ments["via"].isin(vias)]
    if quotes is None:
        quotes = find_quotes_in_article(article, registry=reg)
    q = _speech_quotes(quotes)
    q_lookup = SpanLookup((a, b) for a, b, _, _ in q)
    labels = _paragraph_labels(article)
    spans = article.sentence_spans
    para = {k: labels.get(seg, "") for k, (_, _, seg) in enumerate(spans)}
    text = article.text
    items: list[tuple[dict, Scored | None]] = []
    for actor, start, end, mtext, sid, via in zip(ments["actor"].tolist(), ments["start"].tolist(),
                                                  ments["end"].tolist(), ments["text"].tolist(),
                                                  ments["sentence_id"].tolist(), ments["via"].tolist()):
        check_deadline()
        start, end, sid = int(start), int(end), int(sid)
        quote = _covering(start, q, q_lookup)
        speaker = "" if quote is None else quote[2]
        if quote is not None and speaker == actor:
            continue  # the actor's own words: counted once, as a quotation, below
        voice = "narrator" if quote is None else "quoted"
        bounds = spans[sid][:2] if 0 <= sid < len(spans) else None
        scored = score_target(article, start, end, sentence=bounds)
        r = scored.result(explain=False)
        items.append((_row(actor, voice, sid, para, start, end, mtext, r, speaker, via), scored))
    starts = article.sentence_starts
    for start, end, speaker, _kind in q:
        if not speaker or reg.get(speaker) is None:
            continue
        if end <= start or not text[start:end].strip():
            continue
        k = bisect.bisect_right(starts, start) - 1
        sid = k if k >= 0 and start < spans[k][1] else -1
        r = own_words_score(text[start:end])
        r.update(clause=text[start:end], clause_start=start, clause_end=end)
        items.append((_row(speaker, "own", sid, para, start, end, text[start:end], r, speaker, "quote"), None))
    return items


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
    mentions: from :func:`analysis_utils.actors.find_mentions` (the article's own when None).
    quotes: a quotes table with ``start, end, speaker, kind`` (speakers as canonical
        names); the article's own (:mod:`analysis_utils.quotes`) when None.
    vias: keep only mentions found these ways (e.g. drop ``"demonym"``); None keeps all.
    """
    reg = registry if registry is not None else load_registry()

    def compute() -> pd.DataFrame:
        rows = []
        for row, scored in scored_items(article, reg, mentions=mentions, quotes=quotes, vias=vias):
            if scored is not None:
                row = dict(row, drivers=scored.result(explain=True)["driver_text"])
            rows.append(row)
        return _evidence_frame(rows)

    if _own_layers(article, reg, mentions, quotes, vias):
        return article.layer(("sentiment_evidence", id(reg)), lambda: (reg, compute()))[1]
    return compute()


def _evidence_frame(rows: list[dict]) -> pd.DataFrame:
    df = pd.DataFrame(rows, columns=EVIDENCE_COLUMNS)
    return df.sort_values(["start", "voice"], kind="stable").reset_index(drop=True)


def _lexicons(clause: str) -> dict:
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
    idx = _resamples(x.size, n_boot, seed) if x.size <= 32 else \
        np.random.default_rng(seed).integers(0, x.size, size=(n_boot, x.size))
    means = x[idx].mean(axis=1)
    a = (1 - level) / 2
    lo, hi = np.quantile(means, [a, 1 - a])
    return (float(lo), float(hi))


@functools.lru_cache(maxsize=32)
def _resamples(n: int, n_boot: int, seed: int) -> np.ndarray:
    """The bootstrap's resample indices for ``n`` values: they depend only on ``n``,
    ``n_boot`` and the seed, so they are drawn once per size (read-only; kept for the
    small groups, at most 32 sizes of at most 32 values: 16 MB at the very most)."""
    idx = np.random.default_rng(seed).integers(0, n, size=(n_boot, n))
    idx.setflags(write=False)
    return idx


def summarise(evidence: pd.DataFrame, registry: "Registry | None" = None, *, n_boot: int = 2000, seed: int = 0) -> pd.DataFrame:
    """Per actor and voice: the summary table described in the module docstring."""
    rows = [dict(zip(("actor", "voice", "label", "score", "textblob", "vader"), t)) for t in zip(
        evidence["actor"].tolist(), evidence["voice"].tolist(), evidence["label"].tolist(),
        evidence["score"].tolist(), evidence["textblob"].tolist(), evidence["vader"].tolist())]
    return _summary(rows, registry, n_boot, seed)


def _summary(rows: list[dict], registry, n_boot: int, seed: int) -> pd.DataFrame:
    """The summary of evidence rows (in the order of the evidence table)."""
    reg = registry if registry is not None else load_registry()
    groups: dict[tuple[str, str], list[dict]] = {}
    for r in rows:
        groups.setdefault((r["actor"], r["voice"]), []).append(r)
    out = []
    for (actor, voice), g in groups.items():
        scores = np.array([r["score"] for r in g], dtype=float)
        lo, hi = bootstrap_ci(scores, n_boot=n_boot, seed=seed)
        a = reg.get(actor)
        n = len(g)
        labels = [r["label"] for r in g]
        out.append(
            {
                "actor": actor,
                "kind": a.kind if a else "",
                "country": (a.name if a.kind == "country" else (a.country or "")) if a else "",
                "voice": voice,
                "mentions": n,
                "mean": float(scores.mean()),
                "ci_low": lo,
                "ci_high": hi,
                "share_negative": labels.count("negative") / n,
                "share_neutral": labels.count("neutral") / n,
                "share_positive": labels.count("positive") / n,
                "textblob": float(np.array([r["textblob"] for r in g], dtype=float).mean()),
                "vader": float(np.array([r["vader"] for r in g], dtype=float).mean()),
            }
        )
    if not out:
        return pd.DataFrame(out, columns=SUMMARY_COLUMNS)
    total: dict[str, int] = {}
    for r in out:
        total[r["actor"]] = total.get(r["actor"], 0) + r["mentions"]
    out.sort(key=lambda r: (-total[r["actor"]], r["actor"], VOICES.index(r["voice"])))
    return table({c: _SUMMARY_TYPES[c]([r[c] for r in out]) for c in SUMMARY_COLUMNS})


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

    The evidence behind each row is :func:`sentiment_evidence` with the same arguments
    (the summary reads the same scored items, without the drivers it does not show).
    """
    reg = registry if registry is not None else load_registry()

    def compute() -> pd.DataFrame:
        items = scored_items(article, reg, mentions=mentions, quotes=quotes, vias=vias)
        rows = sorted((row for row, _ in items), key=lambda r: (r["start"], r["voice"]))
        return _summary(rows, reg, n_boot, seed)

    if _own_layers(article, reg, mentions, quotes, vias):
        return article.layer(("actor_sentiment", id(reg), n_boot, seed), lambda: (reg, compute()))[1]
    return compute()


def sentence_tone(article: "Article") -> pd.DataFrame:
    """The tone of every sentence, for the sentiment arc through the article.

    Columns: ``sentence_id, paragraph, kind, start, end, text, textblob, vader``.
    """
    labels = _paragraph_labels(article)
    text = article.text
    rows = []
    for k, (a, b, seg, kind) in enumerate(article.sentence_rows):
        lex = _lexicons(text[a:b])
        rows.append(
            {
                "sentence_id": k,
                "paragraph": labels.get(seg, ""),
                "kind": kind,
                "start": a,
                "end": b,
                "text": text[a:b],
                "textblob": lex["textblob"],
                "vader": lex["vader"],
            }
        )
    return pd.DataFrame(rows, columns=["sentence_id", "paragraph", "kind", "start", "end", "text", "textblob", "vader"])
