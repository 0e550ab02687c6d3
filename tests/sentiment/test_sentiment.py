"""Tests for analysis_utils.sentiment: clauses, lexicon scores, the target scorer and its model."""
from __future__ import annotations

import gzip
import json
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis_utils import sentiment as S

LABELS = {"negative", "neutral", "positive"}


def span(text: str, word: str, nth: int = 1) -> tuple[int, int]:
    i = -1
    for _ in range(nth):
        i = text.index(word, i + 1)
    return i, i + len(word)


def clause_of(text: str, word: str, nth: int = 1) -> str:
    a, b = S.clause_around(text, *span(text, word, nth))
    return text[a:b]


def ts(text: str, word: str, nth: int = 1) -> dict:
    return S.target_sentiment(text, *span(text, word, nth))


# --- clause_around --------------------------------------------------------------------------


def test_clause_contrast_but_splits_the_sentence():
    t = "Analysts praised Kim's reforms, but critics attacked Lee's record."
    assert clause_of(t, "Kim") == "Analysts praised Kim's reforms"
    assert clause_of(t, "Lee") == "but critics attacked Lee's record."


def test_clause_contrast_word_without_comma_and_while():
    t = "The deal was signed — Moscow hailed it while Kyiv condemned it."
    assert clause_of(t, "Kyiv") == "while Kyiv condemned it."
    assert clause_of(t, "Moscow") == "Moscow hailed it"
    assert clause_of(t, "deal") == "The deal was signed"


def test_clause_semicolon_and_short_pieces_merge():
    t = "Walker came in third; Rubio won easily."
    assert clause_of(t, "Walker") == "Walker came in third"
    assert clause_of(t, "Rubio") == "Rubio won easily."
    # "Smith" alone is too short to be a clause: it joins its neighbour
    t = "Smith, however, said nothing."
    assert clause_of(t, "Smith") == t


def test_clause_target_inside_quote_is_the_quote():
    t = 'Park said, "Lee is a liar and a disgrace."'
    assert clause_of(t, "Lee") == "Lee is a liar and a disgrace."
    assert clause_of(t, "Park") == "Park said"


def test_clause_quote_then_speaker():
    t = '"We will never give in to these demands," Mann added.'
    assert clause_of(t, "Mann") == "Mann added."
    assert clause_of(t, "We") == "We will never give in to these demands"


def test_clause_keeps_quoted_fragment_and_ignores_boundaries_inside_other_quotes():
    t = 'Trump called Streep "over-rated; a flunky" in a tweet.'
    assert clause_of(t, "Streep") == t


def test_clause_single_quotes_and_apostrophes():
    t = "Choe announced that both sides reached 'consensus and agreement', but Seoul's envoy doubted it."
    assert clause_of(t, "consensus") == "consensus and agreement"
    assert clause_of(t, "Seoul") == "but Seoul's envoy doubted it."


def test_clause_and_sentence_inside_an_article():
    t = "A headline here\n\nThe senator praised Obama. Then she attacked Romney, and he left.\n\nEnd."
    a, b = S.sentence_around(t, *span(t, "Romney"))
    assert t[a:b] == "Then she attacked Romney, and he left."
    assert clause_of(t, "Romney") == "Then she attacked Romney"


# --- invalid input ---------------------------------------------------------------------------


@pytest.mark.parametrize("start,end", [(-1, 3), (0, 99), (5, 5), (6, 2)])
def test_invalid_spans_raise_value_error(start, end):
    with pytest.raises(ValueError, match="invalid span"):
        S.target_sentiment("Kim met Putin.", start, end)
    with pytest.raises(ValueError, match="invalid span"):
        S.clause_around("Kim met Putin.", start, end)


def test_whitespace_target_raises_value_error():
    with pytest.raises(ValueError, match="whitespace"):
        S.target_sentiment("Kim   met Putin.", 4, 6)


def test_wrong_types_raise_type_error():
    with pytest.raises(TypeError):
        S.target_sentiment(b"Kim met Putin.", 0, 3)
    with pytest.raises(TypeError):
        S.target_sentiment("Kim met Putin.", 0.0, 3)


# --- lexicons ---------------------------------------------------------------------------------


def test_score_clause_lexicons_negation_and_drivers():
    good = S.score_clause_lexicons("The plan is good.")
    bad = S.score_clause_lexicons("The plan is not good.")
    assert good["textblob_polarity"] > 0 > bad["textblob_polarity"]
    assert good["vader_compound"] > 0 > bad["vader_compound"]
    assert ("not good", bad["textblob_polarity"]) in bad["textblob_drivers"]
    assert ("good", 1.9) in good["vader_drivers"]
    empty = S.score_clause_lexicons("   ")
    assert empty["textblob_polarity"] == 0 and empty["vader_compound"] == 0
    assert empty["textblob_drivers"] == [] == empty["vader_drivers"]


# --- target_sentiment: results ---------------------------------------------------------------


def test_result_keys_types_and_ranges():
    t = "The senator praised Obama for his courage."
    r = ts(t, "Obama")
    for key in ("label", "score", "model", "target", "sentence", "sentence_start", "sentence_end",
                "clause", "clause_start", "clause_end", "textblob", "textblob_subjectivity",
                "vader", "drivers", "driver_text"):
        assert key in r
    assert r["label"] in LABELS
    assert -1 <= r["score"] <= 1
    assert set(r["model"]) == LABELS and abs(sum(r["model"].values()) - 1) < 1e-9
    assert r["target"] == "Obama"
    assert t[r["clause_start"]:r["clause_end"]] == r["clause"]
    assert t[r["sentence_start"]:r["sentence_end"]] == r["sentence"]
    assert -1 <= r["textblob"] <= 1 and -1 <= r["vader"] <= 1
    assert all({"source", "words", "weight"} <= set(d) for d in r["drivers"])
    assert {d["source"] for d in r["drivers"]} <= {"model", "textblob", "vader"}
    assert isinstance(r["driver_text"], str) and r["drivers"][0]["words"] in r["driver_text"]
    json.dumps(r)  # plain types only


def test_praise_and_attack_words_drive_the_label():
    pos = ts("The senator praised Obama for his courage.", "Obama")
    neg = ts("The senator attacked Obama for his failures.", "Obama")
    assert pos["label"] == "positive" and pos["score"] > 0
    assert neg["label"] == "negative" and neg["score"] < 0
    assert any("praised" in d["words"] for d in pos["drivers"] if d["source"] == "model")
    assert any("attacked" in d["words"] for d in neg["drivers"])


def test_negation_flips_the_sentiment():
    good = ts("Obama was a good president.", "Obama")
    bad = ts("Obama was not a good president.", "Obama")
    assert good["label"] == "positive"
    assert bad["label"] == "negative"
    assert bad["score"] < 0 < good["score"]


def test_contrast_targets_on_either_side_of_but_differ():
    # A whole-sentence scorer gives both targets one label, so it gets one of them wrong;
    # the clause-aware scorer sees the praise around Kim and the condemnation around Lee.
    t = "Kim won praise for the reforms, but Lee was widely condemned."
    kim, lee = ts(t, "Kim"), ts(t, "Lee")
    assert kim["label"] == "positive" and lee["label"] == "negative"
    assert kim["clause"] == "Kim won praise for the reforms"
    assert kim["vader"] > 0 > lee["vader"]
    whole = S.score_clause_lexicons(t)["vader_compound"]
    assert (whole > 0) != (kim["score"] > 0) or (whole > 0) != (lee["score"] > 0)


def test_target_inside_a_quote_versus_its_speaker():
    t = 'Park said, "Lee is a liar and a disgrace."'
    lee, park = ts(t, "Lee"), ts(t, "Park")
    assert lee["label"] == "negative"
    assert park["label"] == "neutral"
    assert lee["clause"] == "Lee is a liar and a disgrace."
    assert park["vader"] == 0  # the speaker's own clause is "Park said"


def test_article_and_sentence_give_the_same_result():
    sent = "The senator attacked Obama for his failures."
    art = "Headline\n\nA first sentence here. " + sent + " Another one follows.\n\nEnd."
    a = ts(sent, "Obama")
    b = ts(art, "Obama")
    assert a["label"] == b["label"] and a["score"] == b["score"] and a["clause"] == b["clause"]
    assert b["sentence"] == sent


def test_deterministic():
    t = "Critics say the reform, which Kim backed, has failed badly."
    assert ts(t, "Kim") == ts(t, "Kim")


# --- feature families -------------------------------------------------------------------------

_BASE_CFG = {"clause": [1], "lex": True, "struct": True}


def feats(text: str, word: str, **cfg) -> dict:
    return S.target_features(text, *span(text, word), {**_BASE_CFG, **cfg})


def test_char_ngrams_cover_clause_words_but_not_the_target():
    t = "Critics condemned Obama sharply."
    f = feats(t, "Obama", char=[4])
    grams = {k[3:] for k in f if k.startswith("ch:")}
    assert {"_con", "demn", "ned_", "_cri"} <= grams
    assert not any("obam" in g or "bama" in g for g in grams)  # the target is masked
    assert not any(k.startswith("ch:") for k in feats(t, "Obama"))  # off unless configured


def test_conjunctions_pair_lexicon_scores_with_structure():
    t = 'Park said, "Lee is a liar and a disgrace."'
    f = feats(t, "Lee", conj=True)
    assert f["q_in"] == 1.0 and f["vd_c"] < 0
    assert f["vd_c*q_in"] == pytest.approx(f["vd_c"])
    g = feats(t, "Park", conj=True)
    assert "vd_c*q_in" not in g  # Park is not inside the quote


def test_dscale_scales_dense_features_only():
    t = "The senator praised Obama for his courage."
    plain = feats(t, "Obama", famnorm=True)
    scaled = feats(t, "Obama", famnorm=True, dscale=2.0)
    assert scaled["bias"] == plain["bias"] == 1.0
    assert scaled["vd_c"] == pytest.approx(2 * plain["vd_c"]) and plain["vd_c"] > 0
    assert scaled["c:praised"] == plain["c:praised"] > 0  # word features keep their value


def test_drivers_show_words_not_character_ngrams():
    r = ts("The senator attacked Obama for his failures.", "Obama")
    assert not any(d["words"].startswith("_") for d in r["drivers"])


def test_nb_scale_favours_words_that_tell_the_class_apart():
    np = pytest.importorskip("numpy")
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
    from train_sentiment import nb_scale

    # columns: a word only in the class, a word everywhere, a dense score
    X = np.array([[1, 1, 0.5], [1, 1, -0.2], [0, 1, 0.3], [0, 1, 0.9]])
    positive = np.array([True, True, False, False])
    scale = nb_scale(X, positive, np.array([True, True, False]), beta=1.0)
    assert scale[0] > scale[1] >= 0
    assert scale[2] == 1.0  # dense features are not rescaled


# --- the model file ---------------------------------------------------------------------------


def test_model_file_ships_small_and_loads():
    assert S.MODEL_PATH.is_file()
    assert S.MODEL_PATH.stat().st_size < 5_000_000
    with gzip.open(S.MODEL_PATH, "rt", encoding="utf-8") as fh:
        data = json.load(fh)
    assert data["format"] == S.MODEL_FORMAT and data["labels"] == list(S.LABELS)
    m = S.load_model()
    assert m is S.load_model()  # cached
    assert len(m.weights) > 1000 and m.config == data["config"]


def test_missing_model_file_has_a_clear_message(tmp_path):
    with pytest.raises(FileNotFoundError, match="model file is missing"):
        S.load_model(tmp_path / "nope.json.gz")


def test_bad_model_file_is_rejected(tmp_path):
    p = tmp_path / "bad.json.gz"
    with gzip.open(p, "wt", encoding="utf-8") as fh:
        json.dump({"format": "something else"}, fh)
    with pytest.raises(ValueError, match="not a target-sentiment model"):
        S.load_model(p)


def test_import_is_light_and_inference_needs_no_sklearn():
    code = (
        "import sys, builtins\n"
        "real = builtins.__import__\n"
        "def guard(name, *a, **k):\n"
        "    if name.split('.')[0] == 'sklearn': raise ImportError('sklearn blocked')\n"
        "    return real(name, *a, **k)\n"
        "import analysis_utils.sentiment as S\n"
        "assert 'sklearn' not in sys.modules and 'textblob' not in sys.modules\n"
        "builtins.__import__ = guard\n"
        "r = S.target_sentiment('The senator praised Obama.', 20, 25)\n"
        "assert r['label'] in ('negative', 'neutral', 'positive')\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


# --- property ---------------------------------------------------------------------------------


@st.composite
def text_and_span(draw):
    text = draw(st.text(min_size=1, max_size=200))
    start = draw(st.integers(0, len(text) - 1))
    end = draw(st.integers(start + 1, len(text)))
    return text, start, end


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text_and_span())
def test_any_valid_span_scores_without_crashing(case):
    text, start, end = case
    if not text[start:end].strip():
        with pytest.raises(ValueError):
            S.target_sentiment(text, start, end)
        return
    r = S.target_sentiment(text, start, end)
    assert r["label"] in LABELS
    assert -1 <= r["score"] <= 1
    if r["label"] == "positive":
        assert r["score"] >= 0
    if r["label"] == "negative":
        assert r["score"] <= 0
    # the clause holds the target's core: the span without surrounding punctuation/spaces
    alnum = [i for i in range(start, end) if text[i].isalnum()]
    core = alnum or [i for i in range(start, end) if not text[i].isspace()]
    assert r["sentence_start"] <= r["clause_start"] < r["clause_end"] <= r["sentence_end"]
    assert r["clause_start"] <= core[0] and core[-1] < r["clause_end"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(["Kim", "said", ",", '"', "'", "but", ";", "—", "not", "good", "bad",
                                 ".", " ", "\n\n", "while", "and", "“", "”", "Lee's", "(", ")"]),
                min_size=1, max_size=40))
def test_clause_contains_target_on_punctuation_heavy_text(parts):
    text = " ".join(parts)
    for i, ch in enumerate(text):
        if ch.isalpha():
            a, b = S.clause_around(text, i, i + 1)
            assert a <= i < b
            s0, s1 = S.sentence_around(text, i, i + 1)
            assert s0 <= a and b <= s1


def test_numpy_integer_offsets_are_accepted():
    np = pytest.importorskip("numpy")
    t = "The senator praised Obama."
    a, b = S.clause_around(t, np.int64(20), np.int64(25))
    assert (a, b) == (0, len(t)) and type(a) is int
    assert S.target_sentiment(t, np.int64(20), np.int64(25)) == S.target_sentiment(t, 20, 25)


def test_caller_given_sentence_span():
    t = "Putin to Visit Pyongyang\nTalks of Military Intervention Rejected by Seoul"
    i, j = span(t, "Seoul")
    line2 = (t.index("Talks"), len(t))
    r = S.target_sentiment(t, i, j, sentence=line2)
    assert r["sentence"] == t[line2[0]:] and r["sentence_start"] == line2[0]
    assert r["clause_start"] >= line2[0]
    assert S.clause_around(t, i, j, sentence=line2)[0] >= line2[0]
    with pytest.raises(ValueError, match="does not hold the target"):
        S.target_sentiment(t, i, j, sentence=(0, 10))


_VADER_CASES = [
    "", "   ", "Good.", "The deal is NOT good!!!", "It was kind of bad, but the talks went well :)",
    "He said the plan was “a disaster” — and worse.", "I love it 😀 so much", "😡😡", "No problem at all?",
    "The sanctions hurt; however, growth was extremely strong.", "never   so  happy\n\tbefore",
]


@pytest.mark.parametrize("text", _VADER_CASES)
def test_vader_scores_are_vaders_own(text):
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from analysis_utils.sentiment.lexicons import vader_scores

    assert vader_scores(text) == SentimentIntensityAnalyzer().polarity_scores(text)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(["good", "bad", "not", "but", "very", "kind", "of", "no", "GREAT", "!", "?", "!!",
                                  ":)", "😀", "🙁", ",", ".", "'", '"', " ", "  ", "\n", "x", "least"]),
                max_size=25).map("".join))
def test_vader_scores_match_vader_on_any_text(text):
    from analysis_utils.sentiment.lexicons import _vader, vader_scores

    assert vader_scores(text) == _vader().polarity_scores(text)
