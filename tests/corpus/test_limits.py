"""The corpus command's per-article limits: size and time (analysis_utils.corpus.batch)."""
from __future__ import annotations

import time

import pandas as pd
import pytest

from analysis_utils.corpus import analyse_batch, analyze_corpus, read_table
from analysis_utils.corpus.batch import MAX_CHARS, TIME_LIMIT
from analysis_utils.table_names import TABLES
from analysis_utils.text.deadline import TimeLimitExceeded, check_deadline, time_limit

GOOD = {"id": "good", "text": 'Seoul - "We agreed," the minister said on Monday. The talks went on.'}
SLOW = {"id": "slow", "text": "SLOW: the minister said the talks went on."}


@pytest.fixture
def slow_quotes(monkeypatch):
    """The quotes layer of a text that starts with SLOW loops (checking its deadline) for
    up to 30 s, as a layer with a path nobody foresaw would."""
    import analysis_utils.quotes.finder as finder

    real = finder.find_quotes_in_article

    def looping(article, *args, **kw):
        if article.text.startswith("SLOW"):
            end = time.perf_counter() + 30
            while time.perf_counter() < end:
                check_deadline()
                time.sleep(0.005)
        return real(article, *args, **kw)

    monkeypatch.setattr(finder, "find_quotes_in_article", looping)


def test_an_article_past_its_time_limit_is_an_error_and_the_batch_goes_on(slow_quotes):
    t0 = time.perf_counter()
    got = analyse_batch([SLOW, GOOD], time_limit=0.3)
    assert time.perf_counter() - t0 < 10
    arts = got["articles"].set_index("path", drop=False)
    statuses = dict(zip(got["articles"]["article_id"], got["articles"]["status"]))
    assert len(statuses) == 2 and sorted(s.split(":")[0] for s in statuses.values()) == ["failed", "ok"]
    err = got["errors"]
    assert list(err["stage"]) == ["quotes"] and "time limit of 0.3 s" in err["reason"].iloc[0]
    slow_id = err["article_id"].iloc[0]
    assert statuses[slow_id].startswith("failed: took longer than the time limit")
    for name in TABLES:  # the stopped article leaves no partial rows; the other is all there
        if len(got[name]):
            assert slow_id not in set(got[name]["article_id"])
    assert len(got["sentences"]) > 0 and len(arts) == 2


def test_time_limit_and_size_limit_reach_the_corpus_command(slow_quotes, tmp_path):
    rows = pd.DataFrame([SLOW, GOOD, {"id": "long", "text": "word " * 300}])
    summary = analyze_corpus(rows, tmp_path / "out", scheduler="sync", time_limit=0.3, max_chars=1000)
    assert (summary.done, summary.failed) == (1, 2)
    errors = read_table(tmp_path / "out", "errors")
    reasons = sorted(errors["reason"])
    assert "time limit" in reasons[1] and "longer than the limit of 1,000 characters (1,500)" in reasons[0]


def test_no_limit_means_no_check():
    with time_limit(None):
        check_deadline()
    check_deadline()  # outside any limit
    with pytest.raises(TimeLimitExceeded), time_limit(0.01):
        time.sleep(0.02)
        check_deadline()
    check_deadline()  # the limit ended with its block


def test_default_limits_are_documented():
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    assert f"{MAX_CHARS:,}" in readme and f"--time-limit` seconds (default {TIME_LIMIT:g})" in readme
