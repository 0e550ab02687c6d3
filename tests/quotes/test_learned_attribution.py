"""Speakers and statements (issue 12): the families of errors, speech apart from thought, the
new columns, and the learned model files (cue lexicon, speaker confidence) with their
failure modes and the training script's reproducibility."""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pandas as pd
import pytest

from analysis_utils.errors import ModelFileError
from analysis_utils.quotes import COLUMNS, find_quotes
from analysis_utils.quotes.confidence import SpeakerConfidence, load_confidence, speaker_features
from analysis_utils.quotes.cue_model import load_tagger, token_features
from analysis_utils.quotes.cues import default_lexicon, learned_cues, merged
from analysis_utils.quotes.tables import quote_table, share_of_voice
from conftest import train_quotes_twice

ROOT = Path(__file__).resolve().parents[2]
HEAD = "Budget talks stall\n\n"  # a headline line: the first paragraph of a plain text is read as prose


def rows(text: str) -> pd.DataFrame:
    df = find_quotes(text)
    return df[df["kind"] != "scare"].reset_index(drop=True)


def row_of(df: pd.DataFrame, words: str) -> pd.Series:
    hit = df[df["text"].str.contains(words, regex=False)]
    assert len(hit), f"no row holds {words!r}: {df[['kind', 'text', 'speaker']].to_dict('records')}"
    return hit.iloc[0]


# --- families of speaker errors -----------------------------------------------------------

def test_pronoun_after_two_named_people_takes_the_one_of_its_gender():
    text = (HEAD + "Senator Maria Lopez met Governor John Keller in Austin on Monday to discuss the budget.\n\n"
            "Lopez praised the plan. \"This is a turning point for the state,\" she said.\n\n"
            "\"We need more time,\" he said.")
    df = rows(text)
    she, he = row_of(df, "turning point"), row_of(df, "more time")
    assert she["speaker"] == "Maria Lopez" and she["speaker_mention"] == "she"
    assert he["speaker"] == "John Keller" and he["speaker_mention"] == "he"
    # the mention that names him in full is where the text first writes "John Keller"
    assert text[he["speaker_entity_start"]:he["speaker_entity_end"]] == "John Keller"
    assert he["speaker_entity_start"] == text.index("John Keller")


def test_pronoun_stays_empty_when_two_people_of_that_gender_were_named():
    text = (HEAD + "The meeting of Governor John Keller and Senator Paul Novak in Austin on Monday ran late.\n\n"
            "\"We need more time,\" he said.")
    assert row_of(rows(text), "more time")["speaker"] == ""
    # the subject of the sentence that named them both is the one "he" stands for
    text = (HEAD + "Governor John Keller met Senator Paul Novak in Austin on Monday to discuss the budget.\n\n"
            "\"We need more time,\" he said.")
    assert row_of(rows(text), "more time")["speaker"] == "John Keller"


def test_descriptor_resolves_to_the_person_named_two_paragraphs_earlier():
    text = ("Council passes budget\n\nThe city council approved the budget on Tuesday after Mayor Anne "
            "Whitfield pressed for it.\n\nThe vote was 7 to 2. Critics said the plan was rushed.\n\n"
            "The measure now goes to the state.\n\n\"We kept our promise,\" the mayor said.")
    r = row_of(rows(text), "kept our promise")
    assert r["speaker"] == "Anne Whitfield"
    assert r["speaker_mention"] == "the mayor"
    assert text[r["speaker_start"]:r["speaker_end"]] == "the mayor"
    assert text[r["speaker_entity_start"]:r["speaker_entity_end"]] == "Anne Whitfield"


@pytest.mark.parametrize("intro, mention", [
    ("Maria Lopez, 26, was at home when the fire started on Monday night.", "the 26-year-old"),
    ("Maria Lopez, a nurse, was at home when the fire started on Monday night.", "the nurse"),
])
def test_age_and_description_resolve_to_the_person_they_describe(intro, mention):
    text = f"Fire in Ohio\n\n{intro}\n\nNeighbors called firefighters. \"I ran,\" {mention} said."
    r = row_of(rows(text), "I ran")
    assert r["speaker"] == "Maria Lopez" and r["speaker_mention"] == mention


def test_a_description_two_people_share_stays_as_written():
    text = ("Fire in Ohio\n\nMaria Lopez, a nurse, and Ann Berg, a nurse, were at home when the fire started.\n\n"
            "Neighbors called firefighters. \"I ran,\" the nurse said.")
    assert row_of(rows(text), "I ran")["speaker"] == "the nurse"


def test_institution_reference_resolves_to_the_named_body():
    text = ("Rules tightened\n\nThe Environmental Protection Agency issued new rules on Monday, after months of "
            "delay.\n\nIndustry groups objected. \"We followed the science,\" the agency said.")
    r = row_of(rows(text), "followed the science")
    assert r["speaker"] == "Environmental Protection Agency" and r["speaker_mention"] == "the agency"
    assert text[r["speaker_entity_start"]:r["speaker_entity_end"]] == "Environmental Protection Agency"
    # two bodies with that head noun: not resolved; a body whose name does not end with it: not either
    two = text.replace("The Environmental Protection Agency issued",
                       "The Environmental Protection Agency and the Food Safety Agency issued")
    assert row_of(rows(two), "followed the science")["speaker"] == "the agency"
    bank = ("Rates\n\nThe Department of the Treasury met the Bank of England on Monday, after months of delay."
            "\n\n\"We followed the data,\" the bank said in a statement.")
    assert row_of(rows(bank), "followed the data")["speaker"] == "the bank"


@pytest.mark.parametrize("sentence, speaker", [
    ("\u201cShe is too far behind,\u201d said an Iowa Democrat.", "an Iowa Democrat"),
    ("\u201cAsking a superdelegate to go?\u201d asked Barbara Mikulski of Maryland.", "Barbara Mikulski"),
    ("\u201cNo,\u201d said the woman, who did not want to be named.", "the woman"),
    ("\u201cThe middle class gets crushed,\u201d says a narrator.", "a narrator"),
    ("\u201cOK, you are wrong,\u201d Oliver barked.", "Oliver"),
    ("\u201cThis is fantastic!\u201d beamed Donald Hartley of Madison, Alabama.", "Donald Hartley"),
    ("Donald Trump, the candidate, is promising to create \u201ca big spectacle\u201d in Cleveland.", "Donald Trump"),
])
def test_speaker_beside_a_quotation_whatever_the_verb_or_head_noun(sentence, speaker):
    df = rows(HEAD + "The race goes on.\n\n" + sentence)
    assert len(df) and set(df["speaker"]) == {speaker}


def test_a_past_tense_word_after_a_name_is_no_cue_in_a_passive():
    df = rows(HEAD + "\u201cThis election is a sham,\u201d Mehdi Karimi was quoted as saying on Monday by a site.")
    assert set(df["speaker"]) == {"Mehdi Karimi"} and "quoted" not in set(df["cue"])


def test_a_page_label_before_a_quotation_is_not_a_speaker():
    text = (HEAD + "The council met on Monday to discuss the budget, which has been delayed for months.\n\n"
            "READ MORE: Trump says\n\n\"We need more time to read this bill.\"")
    df = rows(text)
    assert "Read More" not in set(df["speaker"])
    assert not df["speaker"].str.contains("READ|Read", regex=True).any()


def test_a_transcript_label_is_a_speaker_when_it_names_a_person_or_there_are_turns():
    one = rows("Interview\n\nSenator Anna Berg spoke to us.\n\nBERG: We need more time.")
    assert row_of(one, "more time")["speaker"] == "Anna Berg"
    two = rows("Interview\n\nThe budget debate went on for hours on Monday, and we talked about it.\n\n"
               "HOST: Why now?\n\nGUEST: Because the money runs out in May.")
    assert set(two["speaker"]) == {"Host", "Guest"}


def test_crosshead_before_a_quotation_gives_no_speaker():
    text = (HEAD + "The council met on Monday to discuss the budget, which has been delayed for months.\n\n"
            "Elizabeth Warren\n\n\"We need more time to read this bill before anyone votes on it.\"")
    assert row_of(rows(text), "read this bill")["speaker"] != "Elizabeth Warren"


def test_collective_and_named_sources_are_kept_apart():
    text = (HEAD + "Both groups objected to the ruling. The Sierra Club said in a statement that the decision "
            "\"ignores the science.\"\n\nSome residents said they would appeal.")
    df = rows(text)
    assert row_of(df, "ignores the science")["speaker"] == "Sierra Club"
    residents = row_of(df, "would appeal")
    assert residents["speaker"].lower() == "some residents" and residents["speaker_via"] == "collective"


def test_the_object_of_the_cue_is_not_the_speaker():
    text = (HEAD + "Defense Secretary Mark Hale told reporters on Monday that the troops would stay. "
            "\"We are not leaving,\" Hale told reporters.")
    df = rows(text)
    assert set(df["speaker"]) == {"Mark Hale"}
    assert not df["speaker_mention"].str.contains("reporters").any()


def test_words_inside_the_quotation_are_not_the_speaker():
    text = HEAD + "\"Senator Paul Novak is wrong about the budget and he knows it,\" the governor said."
    r = row_of(rows(text), "is wrong")
    assert r["speaker"] != "Paul Novak" and r["speaker_mention"] == "the governor"


# --- speech apart from thought --------------------------------------------------------------

BELIEF = (HEAD + "Prime Minister Sara Holm believes the economy will recover next year. "
          "Holm said on Friday that taxes would not rise.")


def test_belief_is_kept_but_flagged_as_not_speech():
    df = rows(BELIEF)
    belief, said = row_of(df, "economy will recover"), row_of(df, "taxes would not rise")
    assert belief["speaker"] == said["speaker"] == "Sara Holm"
    assert not belief["speech"] and said["speech"]
    assert quote_table(df).set_index("quote")["speech"].to_dict() == {
        "the economy will recover next year": False, "taxes would not rise": True}


def test_share_of_voice_counts_speech_only_unless_asked():
    df = rows(BELIEF)
    spoken = share_of_voice(df)
    assert spoken.set_index("speaker").loc["Sara Holm", "words"] == 4  # "taxes would not rise"
    everything = share_of_voice(df, speech_only=False)
    assert everything.set_index("speaker").loc["Sara Holm", "words"] == 4 + 6


def test_learned_cue_words_find_intentions_as_thought():
    lex = default_lexicon()
    learned = learned_cues()
    thought = set(learned["groups"].get("cognition", [])) | set(learned["groups"].get("cognition_that", []))
    assert learned["groups"], "the shipped lexicon learned no cue word"
    for lemma in sorted(thought)[:5]:
        cue = lex.single.get(lemma) or lex.single.get(lemma + "s")
        assert cue is not None and cue.group.startswith("cognition")


# --- columns ----------------------------------------------------------------------------------

def test_new_columns_and_dtypes():
    df = find_quotes(BELIEF)
    assert list(df.columns) == COLUMNS
    for c in ("speech", "speaker_mention", "speaker_entity_start", "speaker_entity_end", "speaker_confidence"):
        assert c in df.columns
    assert str(df["speech"].dtype) == "bool"
    assert str(df["speaker_confidence"].dtype) == "Float64"
    assert str(df["speaker_entity_start"].dtype) == "Int64"
    empty = find_quotes("")
    assert list(empty.columns) == COLUMNS and len(empty) == 0


def test_confidence_is_a_probability_and_missing_without_a_speaker():
    df = rows(HEAD + "\"We need more time.\"\n\nThe mayor said on Monday that the vote would wait.")
    named = df[df["speaker"] != ""]
    assert len(named) and named["speaker_confidence"].between(0, 1).all()
    unnamed = df[(df["speaker"] == "") & df["speaker_confidence"].isna()]
    assert len(unnamed) == 1


def test_low_confidence_speakers_are_dropped(monkeypatch):
    from analysis_utils.quotes import confidence, finder

    sure = SpeakerConfidence(-5.0, {}, 0.5)  # every speaker below the threshold
    monkeypatch.setattr(confidence, "default_confidence", lambda: sure)
    from analysis_utils.text.document import Document

    out = finder._quotes(Document(BELIEF, layout="plain"), default_lexicon())
    assert out and all(r["speaker"] == "" and r["speaker_start"] is None for r in out)
    assert all(r["speaker_confidence"] is not None and r["speaker_confidence"] < 0.5 for r in out)


def test_speaker_features_are_facts_about_the_row_not_words():
    text = HEAD + "\"We need more time,\" he said."
    df = find_quotes(text)
    r = df.iloc[0].to_dict()
    r = {k: (None if pd.isna(v) else v) if not isinstance(v, str) else v for k, v in r.items()}
    feats = speaker_features(r, text)
    assert "mention=none" in feats or "mention=pronoun" in feats
    assert not any("time" in f or "need" in f for f in feats)


# --- model files --------------------------------------------------------------------------------

def test_shipped_model_files_load():
    model = load_confidence()
    assert 0 <= model.min_confidence < 1 and model.weights
    assert learned_cues()["groups"]
    tagger = load_tagger()
    assert tagger.weights and tagger.vocabulary
    sizes = {p.name: p.stat().st_size for p in (ROOT / "analysis_utils" / "models").glob("*.json")}
    assert sizes and all(n < 3_000_000 for n in sizes.values()), sizes  # small files


def test_cue_tagger_scores_words_in_context_not_in_quotations():
    from analysis_utils.quotes.cue_model import CueTagger

    tagger = CueTagger({"w=championed": 5.0, "p1=<Cap>": 1.0, "bias": -2.0}, 0.0, frozenset({"championed"}))
    lex = default_lexicon()
    from dataclasses import replace

    lex = replace(lex, tagger=tagger)
    text = HEAD + "Governor Anna Berg championed a plan to keep the plant open. Workers cheered."
    rules = replace(lex, tagger=None)
    assert "championed" not in set(find_quotes(text, lexicon=rules)["cue"])  # not a cue of the lexicon
    df = find_quotes(text, lexicon=lex)
    r = row_of(df, "a plan to keep the plant open")
    assert r["speaker"] == "Anna Berg" and r["cue"] == "championed" and not r["speech"]
    # below the threshold: no cue
    low = replace(lex, tagger=CueTagger(tagger.weights, 10.0, tagger.vocabulary))
    assert "championed" not in set(find_quotes(text, lexicon=low)["cue"])
    # the same word beside a quotation is left to the rules
    quoted = HEAD + "Governor Anna Berg championed \"a plan to keep the plant open\" on Monday."
    assert "championed" not in set(find_quotes(quoted, lexicon=lex)["cue"])
    feats = token_features(__import__("analysis_utils.quotes.tokens", fromlist=["tokenize"]).tokenize(
        "Berg vowed that", 0, 15), 1)
    assert "w=vowed" in feats and "p1=<Cap>" in feats and "that-after" in feats


def test_cue_tagger_score_is_the_sum_of_its_feature_weights():
    """The tagger reads its weights by template (no feature names made): the score is the
    sum of the weights of :func:`token_features`, added in the same order, to the last bit."""
    from analysis_utils.quotes.cue_model import CueTagger, context_features, shapes_of, word_features
    from analysis_utils.quotes.tokens import tokenize

    shipped = load_tagger()
    odd = CueTagger({"p1w=||vowed": 1.5, "wn1=vowed||": -0.25, "p2p1=|||": 0.125, "p1=|": 2.0, "first": 0.5,
                     "q-before": 0.75, "q-after": -1.0, "that-after": 3.0, "bias": -1.0}, 0.0,
                    frozenset({"vowed"}))
    texts = ["Berg vowed that the plant would stay open.", "vowed | she | vowed | that",
             'He said "no" and she vowed to fight, "again," they pledged.', "Critics lashed out at the plan."]
    for tagger in (shipped, odd):
        for text in texts:
            toks = tokenize(text, 0, len(text), [(m, text.index('"', m + 1) + 1, 0) for m in
                                                 [text.find('"')] if m >= 0])
            for i, t in enumerate(toks):
                ref = sum(tagger.weights.get(f, 0.0) for f in word_features(t.lower))
                for f in context_features(toks, i, t.lower):
                    ref += tagger.weights.get(f, 0.0)
                assert tagger.score(toks, i) == ref and tagger.score(toks, i, shapes_of(toks)) == ref, (text, i)


def test_model_file_missing_or_corrupt_gives_a_clear_error(tmp_path):
    with pytest.raises(ModelFileError, match="missing"):
        load_confidence(tmp_path / "nope.json")
    with pytest.raises(ModelFileError, match="missing"):
        learned_cues(tmp_path / "nope.json")
    bad = tmp_path / "bad.json"
    bad.write_bytes(b"\x00\x01 not json")
    with pytest.raises(ModelFileError, match="cannot be read"):
        load_confidence(bad)
    with pytest.raises(ModelFileError, match="cannot be read"):
        learned_cues(bad)
    wrong = tmp_path / "wrong.json"
    wrong.write_text(json.dumps({"weights": [1, 2]}), encoding="utf-8")
    with pytest.raises(ModelFileError, match="expected layout"):
        load_confidence(wrong)
    wrong.write_text(json.dumps({"groups": {"no-such-group": ["x"]}, "forms": {}}), encoding="utf-8")
    with pytest.raises(ModelFileError, match="expected layout"):
        learned_cues(wrong)
    with pytest.raises(ModelFileError, match="missing"):
        load_tagger(tmp_path / "nope.json")
    with pytest.raises(ModelFileError, match="cannot be read"):
        load_tagger(bad)
    wrong.write_text(json.dumps({"weights": {"bias": 1}, "threshold": 0, "vocabulary": "said"}), encoding="utf-8")
    with pytest.raises(ModelFileError, match="expected layout"):
        load_tagger(wrong)
    nan = tmp_path / "nan.json"
    nan.write_text('{"intercept": NaN, "weights": {}, "min_confidence": 0.1}', encoding="utf-8")
    with pytest.raises(ModelFileError, match="finite"):
        load_confidence(nan)


def test_learned_words_never_move_a_listed_verb():
    base = {"speech": ["say"], "cognition": ["believe"], "forms": {}}
    out = merged(base, {"groups": {"cognition": ["say", "hope"], "speech": ["sought"]},
                        "forms": {"sought": [], "hope": ["hoped"]}})
    assert out["speech"] == ["say", "sought"] and out["cognition"] == ["believe", "hope"]
    assert out["forms"] == {"hope": ["hoped"], "sought": []}
    assert base == {"speech": ["say"], "cognition": ["believe"], "forms": {}}  # not changed


# --- training ----------------------------------------------------------------------------------

SHARED = Path(os.environ.get("NEWS_KIT_SHARED", ROOT.parent / "shared"))


def test_training_helpers_are_deterministic():
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import train_quotes as T

    assert T.lemma_of("declined", __import__("collections").Counter({"declined": 3})) == "decline"
    assert T.fit_half("abc") == T.fit_half("abc")
    docs = [("d", "They declined to comment. She declined to say.", [T.bq.Gold([(0, 4)], cue="declined to")])] * 6
    a = T.candidates(docs, set())
    b = T.candidates(list(reversed(docs)), set())
    assert a == b and [c["lemma"] for c in a] == ["decline"]


@pytest.mark.skipif(not (SHARED / "bench" / "polnear_train").is_dir(), reason="needs ../shared/bench/polnear_train")
def test_confidence_training_is_reproducible(tmp_path):
    outs = train_quotes_twice(tmp_path, "confidence", "--confidence-out")
    assert outs[0] == outs[1]
