"""The speaker ranker (analysis_utils.quotes.ranker): candidates, the choice, the model file."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from analysis_utils.errors import ModelFileError
from analysis_utils.quotes import find_quotes
from analysis_utils.quotes.cues import default_lexicon
from analysis_utils.quotes.finder import _frame, _quotes, rule_rows
from analysis_utils.quotes.ranker import (
    Candidate,
    SpeakerRanker,
    candidates,
    choose,
    context_of,
    default_ranker,
    groups_of,
    load_ranker,
    rerank,
)
from analysis_utils.text.document import Document
from conftest import train_quotes_twice

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("NEWS_KIT_SHARED", ROOT.parent / "shared"))
HEAD = "Budget talks stall\n\n"
LEAD = "The council met on Monday to debate the budget, which has been delayed for months.\n\n"  # prose


def rules_and_context(text: str):
    rows, builder = rule_rows(Document(text, layout="plain"), default_lexicon())
    return rows, context_of(builder)


def the_group(rows, quote: str) -> list[dict]:
    groups = groups_of(rows)
    return next(g for g in groups.values() if any(quote in r["text"] for r in g))


def kit_row(text: str, quote: str) -> dict:
    df = find_quotes(text)
    return df[df["text"].str.contains(quote, regex=False)].iloc[0].to_dict()


def rules_row(text: str, quote: str) -> dict:
    df = _frame(_quotes(Document(text, layout="plain"), default_lexicon(), confidence=False, rank=False))
    return df[df["text"].str.contains(quote, regex=False)].iloc[0].to_dict()


# --- behaviour of the shipped kit -------------------------------------------------------------

@pytest.mark.parametrize("text, quote, speaker", [
    (HEAD + '"There are more candidates than seats," added another Ohio Republican.',
     "more candidates", "another Ohio Republican"),
    (HEAD + 'Another parent responded, "That is not what we were promised."', "not what we", "Another parent"),
])
def test_an_unnamed_source_the_rules_passed_over_is_found_and_flagged(text, quote, speaker):
    assert rules_row(text, quote)["speaker"] == ""  # the rules alone leave it empty
    r = kit_row(text, quote)
    assert r["speaker"] == speaker and r["speaker_via"] == "ranked" and r["anonymous"]
    assert text[r["speaker_start"]:r["speaker_end"]] == speaker
    assert r["speaker_confidence"] > 0.5


def test_an_ambiguous_pronoun_stays_empty_with_the_ranker():
    text = HEAD + 'Lee Kim said the plan works. Carl Dunn arrived later. Anna Berg left early. "It will fail," he said.'
    assert kit_row(text, "It will fail")["speaker"] == ""


def test_a_sure_rules_speaker_is_kept():
    text = HEAD + 'Senator Maria Lopez opened the hearing.\n\n"No one is cutting this program," Lopez said.'
    r = kit_row(text, "No one is cutting")
    assert r["speaker"] == "Maria Lopez" and r["speaker_via"] != "ranked"


# --- candidates ------------------------------------------------------------------------------

def test_candidates_are_the_rules_speaker_people_nearby_and_phrases_beside_the_cue():
    text = (HEAD + LEAD + "Mayor Ana Ruiz met Governor Carl Dunn on Monday, and they talked for an hour about the plant.\n\n"
            '"We will not close the plant," added another Ohio Republican.')
    rows, ctx = rules_and_context(text)
    cands = candidates(the_group(rows, "close the plant"), ctx)
    names = {c.name for c in cands}
    assert {"Ana Ruiz", "Carl Dunn", "another Ohio Republican"} <= names
    phrase = next(c for c in cands if c.name == "another Ohio Republican")
    assert phrase.anonymous and "P:after-quotation" in phrase.features
    assert text[phrase.start:phrase.end] == phrase.name
    person = next(c for c in cands if c.name == "Carl Dunn")
    assert "para=before" in person.features and not person.rule
    # facts about positions and counts, never the words of the article
    assert not any("dunn" in f.lower() or "plant" in f.lower() for c in cands for f in c.features)


def test_names_inside_the_quotation_are_no_candidates():
    text = HEAD + 'Ana Ruiz spoke first. "Carl Dunn is wrong about the plant," a neighbour said.'
    rows, ctx = rules_and_context(text)
    names = {c.name for c in candidates(the_group(rows, "is wrong about"), ctx)}
    assert "Carl Dunn" not in names and "Ana Ruiz" in names


def test_a_pronoun_at_the_cue_keeps_only_people_of_its_gender():
    text = (HEAD + "Anna Berg and Mr. Carl Dunn met on Monday. Mrs. Berg left early.\n\n"
            '"It will work," she said.')
    rows, ctx = rules_and_context(text)
    group = the_group(rows, "It will work")
    names = {c.name for c in candidates(group, ctx) if not c.rule}
    assert "Carl Dunn" not in names


def test_someone_in_the_object_case_before_the_cue_is_no_candidate():
    text = HEAD + 'Mary Olsen accused him of saying that women were "pigs."'
    rows, ctx = rules_and_context(text)
    cands = candidates(the_group(rows, "pigs."), ctx)
    assert "Mary Olsen" not in {c.name for c in cands}
    assert kit_row(text, "pigs.")["speaker"] != "Mary Olsen"


# --- the choice ------------------------------------------------------------------------------

def _cands():
    return [Candidate("Rule Name", 0, 9, True, ["rule"]), Candidate("Other Person", 20, 32, False, ["person"])]


@pytest.mark.parametrize("weights, expected", [
    ({"rule": 3.0, "person": 1.0}, None),  # the rules' speaker is sure: kept
    ({"rule": -3.0, "person": 2.0}, "Other Person"),  # unsure rules, a likelier person
    ({"rule": -3.0, "person": -0.5}, None),  # the person is below min_probability
    ({"rule": -1.0, "person": -1.5}, None),  # the person is not likelier than the rules' speaker
])
def test_choose_replaces_only_unsure_rules_with_a_likelier_candidate(weights, expected):
    model = SpeakerRanker(0.0, weights, 0.5, 0.5)
    pick = choose(_cands(), model)
    assert (pick.name if pick else None) == expected


def test_choose_fills_an_empty_speaker_only_above_min_probability():
    cands = [Candidate("Other Person", 20, 32, False, ["person"])]
    assert choose(cands, SpeakerRanker(0.0, {"person": 1.0}, 0.5, 0.5)).name == "Other Person"
    assert choose(cands, SpeakerRanker(0.0, {"person": -1.0}, 0.5, 0.5)) is None


def test_rerank_sets_the_pick_on_every_row_of_the_attribution():
    text = HEAD + LEAD + 'Ana Ruiz spoke first.\n\n"We will appeal," a lawyer said. "The ruling is wrong."'
    rows, ctx = rules_and_context(text)
    keen = SpeakerRanker(0.0, {"person": 5.0, "rule": -5.0, "phrase": -5.0}, 0.5, 0.5)
    rerank(rows, ctx, keen, role_of=lambda name, pos: "")
    group = the_group(rows, "We will appeal")
    assert {r["speaker"] for r in group} == {"Ana Ruiz"} and {r["speaker_via"] for r in group} == {"ranked"}
    assert all(text[r["speaker_start"]:r["speaker_end"]] == "Ana Ruiz" for r in group)


# --- the model file --------------------------------------------------------------------------

def test_shipped_ranker_loads():
    model = default_ranker()
    assert model.weights and 0.5 <= model.min_probability < 1 and 0 < model.max_rule_probability <= 1.01


def test_ranker_file_missing_or_corrupt_gives_a_clear_error(tmp_path):
    with pytest.raises(ModelFileError, match="missing"):
        load_ranker(tmp_path / "nope.json")
    bad = tmp_path / "bad.json"
    bad.write_bytes(b"\x00\x01 not json")
    with pytest.raises(ModelFileError, match="cannot be read"):
        load_ranker(bad)
    wrong = tmp_path / "wrong.json"
    wrong.write_text(json.dumps({"intercept": 0, "weights": [1], "min_probability": 0.5,
                                 "max_rule_probability": 0.5}), encoding="utf-8")
    with pytest.raises(ModelFileError, match="expected layout"):
        load_ranker(wrong)
    wrong.write_text(json.dumps({"intercept": 0, "weights": {}}), encoding="utf-8")
    with pytest.raises(ModelFileError, match="expected layout"):
        load_ranker(wrong)
    nan = tmp_path / "nan.json"
    nan.write_text('{"intercept": 0, "weights": {"rule": NaN}, "min_probability": 0.5, "max_rule_probability": 0.5}',
                   encoding="utf-8")
    with pytest.raises(ModelFileError, match="finite"):
        load_ranker(nan)


@pytest.mark.skipif(not (SHARED / "bench" / "polnear_train").is_dir(), reason="needs ../shared/bench/polnear_train")
def test_ranker_training_is_reproducible(tmp_path):
    outs = [json.loads(b) for b in train_quotes_twice(tmp_path, "ranker", "--ranker-out")]
    assert outs[0] == outs[1] and outs[0]["weights"]
    assert outs[0]["min_probability"] >= 0.5


def test_a_description_after_the_cue_resolves_to_the_name_in_its_apposition():
    text = (HEAD + LEAD + "The city hired Maria Lopez, a lawyer from Boston, in May, and she has handled the case "
            "ever since then.\n\n\"We will appeal,\" said the city's lawyer, Maria Lopez, on Tuesday.")
    r = kit_row(text, "We will appeal")
    assert r["speaker"] == "Maria Lopez" and text[r["speaker_start"]:r["speaker_end"]] == "Maria Lopez"
    assert not r["anonymous"]


@pytest.mark.parametrize("text, word", [
    ("Looking back, he was looking ahead.", "looking"), ("overlooking the bay", "looking"),
    ("a looking-glass", "looking"), ("looking", "looking"), ("_looking_", "looking"),
    ("say 'ever' again", "ever"), ("whatever", "ever"), ("", "x"), ("o'neil said", "o'neil"),
])
def test_as_word_finds_whole_words_as_a_word_boundary_pattern_would(text, word):
    import re

    from analysis_utils.quotes.ranker import _as_word

    assert _as_word(text, word) == (re.search(r"\b" + re.escape(word) + r"\b", text) is not None)
