"""VADER's scores with the words lowered once: VADER's own dict, rule by rule."""
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis_utils.sentiment.vader_rules import vader, vader_scores

_RULES = [
    "no good", "not bad at all", "GREAT, just great", "at least decent", "the least bad", "never so happy",
    "never this sad", "without doubt great", "he is the bomb", "kind of good", "sort of bad",
    "extremely good but very bad", "It isn't good, nor is it bad", "no problem or worry", "cant stand it",
    "I love it 😀 so much", "Good!!!?", "", "   ",
]


@pytest.mark.parametrize("text", _RULES)
def test_each_rule_as_vader(text):
    assert vader_scores(text) == vader().polarity_scores(text)


def test_a_rule_changes_the_score():
    assert vader_scores("not good")["compound"] < 0 < vader_scores("good")["compound"]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(["good", "bad", "not", "but", "very", "kind", "of", "no", "GREAT", "HAPPY", "!", "?",
                                  ":)", "least", "at", "never", "so", "this", "without", "doubt", "nor", "or", "the",
                                  "bomb", "sort", "isn't", "cant", "extremely", "hardly", "sad", "x", "Kind", "NO",
                                  "😀", ","]),
                max_size=16).map(" ".join))
def test_same_as_vader_on_any_text(text):
    assert vader_scores(text) == vader().polarity_scores(text)
