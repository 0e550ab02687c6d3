"""Sentiment toward a target, and per actor and voice.

:func:`target_sentiment` (``text, start, end``) and the helpers it is built from keep
the names they had as ``analysis_utils.sentiment``; :mod:`.actors` aggregates per actor
and voice (:func:`actor_sentiment`, :func:`sentiment_evidence`).
"""
from .target import (  # noqa: F401
    LABELS,
    MODEL_FORMAT,
    MODEL_PATH,
    SentimentModel,
    clause_around,
    load_model,
    quote_spans,
    score_clause_lexicons,
    sentence_around,
    target_features,
    target_sentiment,
)
