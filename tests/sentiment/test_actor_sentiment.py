"""Sentiment per actor: voices kept apart, evidence traceable, intervals deterministic."""
from __future__ import annotations

import numpy as np
import pytest

from analysis_utils import load_article
from analysis_utils.sentiment.actors import (
    EVIDENCE_COLUMNS, SUMMARY_COLUMNS, actor_sentiment, bootstrap_ci, own_words_score, sentence_tone,
    sentiment_evidence, summarise,
)
from analysis_utils.article import Article
from conftest import SEED

TEXT = (
    "Vladimir Putin praised the excellent partnership with North Korea.\n\n"
    "\"Russia is a terrible, brutal aggressor,\" said Volodymyr Zelensky.\n\n"
    "Putin said, \"We are grateful and very happy with our friends.\""
)


@pytest.fixture(scope="module")
def article():
    return Article(TEXT)


@pytest.fixture(scope="module")
def evidence(article):
    return sentiment_evidence(article)


def test_three_voices_are_kept_apart(evidence):
    got = {(r.actor, r.voice) for r in evidence.itertuples()}
    assert ("Vladimir Putin", "narrator") in got
    assert ("Russia", "quoted") in got  # Zelensky speaking about Russia
    assert ("Vladimir Putin", "own") in got and ("Volodymyr Zelensky", "own") in got
    # mentions inside one's own words are not also counted as someone else's words
    assert not ((evidence.actor == "Vladimir Putin") & (evidence.voice == "quoted")).any()


def test_own_words_are_scored_on_the_quotation(evidence):
    zel = evidence[(evidence.actor == "Volodymyr Zelensky") & (evidence.voice == "own")].iloc[0]
    put = evidence[(evidence.actor == "Vladimir Putin") & (evidence.voice == "own")].iloc[0]
    assert zel.label == "negative" and zel.score < 0
    assert put.label == "positive" and put.score > 0
    assert zel.clause == "Russia is a terrible, brutal aggressor,"


def test_quoted_mention_of_russia_is_negative(evidence):
    ru = evidence[(evidence.actor == "Russia") & (evidence.voice == "quoted")].iloc[0]
    assert ru.label == "negative" and ru.speaker == "Volodymyr Zelensky"


def test_evidence_is_traceable(article, evidence):
    assert list(evidence.columns) == EVIDENCE_COLUMNS
    for r in evidence.itertuples():
        assert article.text[r.start : r.end] == r.mention
        assert article.text[r.clause_start : r.clause_end] == r.clause
        assert r.clause_start <= r.start and r.end <= r.clause_end
        assert -1 <= r.score <= 1 and r.label in {"negative", "neutral", "positive"}


def test_summary_columns_shares_and_intervals(article, evidence):
    s = actor_sentiment(article)
    assert list(s.columns) == SUMMARY_COLUMNS
    shares = s[["share_negative", "share_neutral", "share_positive"]].sum(axis=1)
    assert np.allclose(shares, 1.0)
    assert (s.ci_low <= s["mean"] + 1e-9).all() and (s["mean"] <= s.ci_high + 1e-9).all()
    # the summary is computed from the evidence: counts agree
    for r in s.itertuples():
        assert r.mentions == len(evidence[(evidence.actor == r.actor) & (evidence.voice == r.voice)])


def test_bootstrap_is_deterministic_and_sane():
    x = [-0.5, 0.2, 0.4, 0.9, -0.1]
    assert bootstrap_ci(x) == bootstrap_ci(x)
    lo, hi = bootstrap_ci(x)
    assert lo < np.mean(x) < hi
    assert bootstrap_ci([0.3]) == (0.3, 0.3)
    assert all(np.isnan(v) for v in bootstrap_ci([]))


def test_vias_filter_drops_demonyms():
    art = Article("Russian troops advanced. Russia denied it.")
    ev = sentiment_evidence(art, vias=("name",))
    assert set(ev.via) == {"name"}


def test_article_without_actors_gives_empty_tables():
    art = Article("The weather was mild and the harvest was good.")
    ev = sentiment_evidence(art)
    assert ev.empty and list(ev.columns) == EVIDENCE_COLUMNS
    s = summarise(ev)
    assert s.empty and list(s.columns) == SUMMARY_COLUMNS


def test_own_words_score_thresholds():
    assert own_words_score("This is a table.")["label"] == "neutral"
    assert own_words_score("What a wonderful success!")["label"] == "positive"


def test_seed_voices_and_required_actors():
    art = load_article(SEED)
    s = actor_sentiment(art)
    actors = set(s.actor)
    for name in ["Vladimir Putin", "Kim Jong-un", "Russia", "North Korea", "South Korea", "China", "Ukraine", "the West"]:
        assert name in actors, name
    own = s[s.voice == "own"]
    assert {"Vladimir Putin", "Joh Han-beom", "Jang Ho-jin"} <= set(own.actor)
    tone = sentence_tone(art)
    assert len(tone) == len(art.sentences) and tone.vader.between(-1, 1).all()
