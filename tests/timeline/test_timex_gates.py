"""The timex tagger's shortcuts only skip work: every match of a gated rule holds its gate
(a match of the gate pattern starting inside it) and one of its gate words; the
lower-case form of a case-insensitive pattern finds the same spans on fold-safe text;
the past forms and the clock feature, written for speed, find what the plain forms
found."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis_utils.timeline import engine, tense
from analysis_utils.timeline.engine import RULES
from analysis_utils.timeline.patterns import _FOLD_DROP, FEATURES, fold_safe_lower, lower_case_form

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = [
    "The talks resumed on Monday, three days after the vote, and will end by Friday, March 3, 2024.",
    "Two years ago the plant closed; in the past few years, output fell 5 percent a year.",
    "Over the next several months, officials said, the tariff will rise twice a year.",
    "He served for nearly a decade, and the year-end figures came late in the year.",
    "The Soviet era ended in 1991; that day, the same week, crowds gathered every morning.",
    "MONDAY, JUNE 5 (AP) -- In early July the minister met his counterpart for 1.5 hours.",
    "It rained during the weekend, the day before the 5th; months later, the year's end came.",
]


def _texts() -> list[str]:
    texts = list(SAMPLES)
    for folder in (ROOT / "tests" / "fixtures" / "articles", ROOT / "data" / "raw"):
        if folder.is_dir():
            texts += [p.read_text(encoding="utf-8", errors="replace") for p in sorted(folder.iterdir()) if p.is_file()]
    return [para for t in texts for para in re.split(r"\n\s*\n", t) if para.strip()]


@pytest.mark.parametrize("rule", [r for r in RULES if r.gate is not None or r.gate_words is not None],
                         ids=lambda r: r.name)
def test_every_match_of_a_gated_rule_holds_its_gate(rule):
    for para in _texts():
        for m in rule.pattern.finditer(para):
            if rule.gate_words is not None:
                assert any(w in m.group(0) for w in rule.gate_words), (rule.name, m.group(0))
            if rule.gate is not None:
                assert any(rule.gate.match(para, p) for p in range(m.start(), m.end())), (rule.name, m.group(0))


def test_lower_case_forms_find_the_same_spans():
    texts = _texts() + ["He ſaid it wıll be", "İS expected to meet", "They WERE TO MEET on Monday"]
    forms = [(r.pattern, lower_case_form(r.pattern)) for r in RULES]
    assert sum(low is not None for _, low in forms) > 20
    gates = {r.gate.pattern: r.gate for r in RULES if r.gate is not None}.values()
    forms += [(g, lower_case_form(g)) for g in gates]
    assert sum(low is not None for _, low in forms[len(RULES):]) >= 8  # the case-insensitive gates
    for para in texts:
        low = fold_safe_lower(para)
        if low is None:
            continue
        for rx, lrx in forms:
            if lrx is not None:
                assert [m.span() for m in rx.finditer(para)] == [m.span() for m in lrx.finditer(low)]
    assert fold_safe_lower("He ſaid") is None and fold_safe_lower("İS") is None
    assert fold_safe_lower("It’s “fine” — café") == "it’s “fine” — café"


def test_fold_safe_is_ascii_once_the_fold_safe_characters_are_dropped():
    for c in range(0x3000):
        text = f"It {chr(c)} was"
        assert (fold_safe_lower(text) is not None) == text.translate(_FOLD_DROP).isascii(), hex(c)


def test_the_engine_finds_what_the_patterns_find():
    """Gate words as one pattern, and a rule's matches found through its lower-case form,
    are what the words and the pattern find."""
    texts = _texts() + ["He ſaid it wıll be on Monday", "İS expected to meet in two weeks"]
    for r in RULES:
        low_rx = lower_case_form(r.pattern)
        words = engine._any_of(r.gate_words)
        for para in texts:
            if words is not None:
                assert (words.search(para) is not None) == any(w in para for w in r.gate_words)
            got = list(engine._matches(r.pattern, low_rx, para, fold_safe_lower(para)))
            want = list(r.pattern.finditer(para))
            assert [(m.span(), m.groups()) for m in got] == [(m.span(), m.groups()) for m in want], r.name


# the forms the tagger had before it was made faster, kept here to check the faster ones
_OLD_WORD = re.compile(r"\b[A-Za-z]+\b")
_OLD_CLOCK = re.compile(r"(?i:\d\s*(?:a\.?\s?m|p\.?\s?m|o'clock)|\d:\d\d)|\d{4}\s*(?:GMT|UTC|EDT|EST|Zulu)\b")


def _old_past_words(text: str) -> list[tuple[int, int]]:
    """The past forms as a loop over every word found them: an irregular past in any
    case, or a lower-case -ed form."""
    return [m.span() for m in _OLD_WORD.finditer(text)
            if m.group(0).lower() in tense._IRREGULAR_PAST_SET or re.fullmatch(r"[a-z]{3,}ed", m.group(0))]


def test_past_forms_are_the_words_the_word_loop_kept():
    tricky = ["He WAS here, wAs there; waſ, \u212aept, café-was was_x was1 1was naïve-led LED Led ledger",
              "tested TesTed testEd needed fled bled Ahmed aged İS wıll"]
    for text in _texts() + tricky:
        assert [m.span() for m in tense._past_words(text)] == _old_past_words(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abdeEilLnrstwWhkKpT ſıİ\u212a-'é1_.", max_size=40))
def test_past_forms_on_any_text(text):
    assert [m.span() for m in tense._past_words(text)] == _old_past_words(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789 :aApPmM.o'clkGMTUTCEDSZulx\u212a", max_size=16))
def test_the_clock_feature_finds_what_it_found(text):
    assert (FEATURES["#clock"].search(text) is None) == (_OLD_CLOCK.search(text) is None)
