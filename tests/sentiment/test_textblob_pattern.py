"""The fast pattern sentiment gives TextBlob's own numbers and assessments."""
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis_utils.sentiment.textblob_pattern import pattern_sentiment


def _textblob(text):
    from textblob.en import sentiment

    r = sentiment(text)
    return float(r[0]), float(r[1]), r.assessments


_CASES = [
    "", "   ", "Good.", "really not good", "very never good", "not a good day :)", "great!!! (!) :-D",
    "Not bad at all :( ;-)", "I am not really very happy", "GREAT news, but terrible :P", "no good",
    "it was n't nice", "He didn't like it!", "Terribly awful, really.", "XD <3 :') ^_^", "( ! ) sure",
    "He said the plan was “a disaster” — and worse.\n\nA second, excellent paragraph...",
    "Mr. Smith's U.S. trip was e.g. wonderful, etc. and not so bad.",
]


@pytest.mark.parametrize("text", _CASES)
def test_same_as_textblob(text):
    assert pattern_sentiment(text) == _textblob(text)


def test_modifier_and_negation_are_textblobs():
    pol, _subj, assessments = pattern_sentiment("The talks were not very good")
    assert assessments and assessments[0][0] == ["not", "very", "good"]
    assert pol < 0  # "not good" is slightly bad


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(["good", "bad", "not", "never", "n't", "very", "really", "terribly", "no", "GREAT",
                                  "a", "is", "!", "?", "(!)", "( ! )", ":)", ":-D", ":(", "<3", ",", ".", "...", "'",
                                  '"', "“", "’s", " ", "  ", "\n\n", "happy", "awful", "least", "Mr.", "x"]),
                max_size=25).map(" ".join))
def test_same_as_textblob_on_any_text(text):
    assert pattern_sentiment(text) == _textblob(text)


_TOKENS = ["good", "Mr.", "U.S.", "e.g.", "etc.", "...", "(!)", "( ! )", "!", ":)", ": )", ":-D", "X", "D", "<3", "'",
           '"', "“", "”", "’", "n't", "'s", "'ll", "don't", "\n\n", "\r\n", "\t", "a.", "T.", "abc.", ".", ",", "(",
           ")", "?!", "END-OF-SENTENCE", "vs.", "3.5", "$5", "not", "very", " "]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_TOKENS), max_size=14), st.sampled_from(["", " "]))
def test_tokenizer_is_textblobs(tokens, sep):
    from textblob.en import sentiment

    from analysis_utils.sentiment.textblob_pattern import find_tokens

    text = sep.join(tokens)
    assert find_tokens(text) == sentiment.tokenizer(text)
