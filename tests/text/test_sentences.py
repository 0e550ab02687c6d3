"""Tests for analysis_utils.text.sentences: the offline sentence splitter."""
from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis_utils.text.sentences import (
    SENTENCE_COLUMNS,
    SENTENCE_KINDS,
    sentence_table,
    split_sentences,
)


def sents(text: str, start: int = 0, end: int | None = None) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text, start, end)]


def check_invariants(text: str, spans, start: int = 0, end: int | None = None) -> None:
    lo, hi, _ = slice(start, end).indices(len(text))
    prev_end = lo
    covered = set()
    for s, e in spans:
        assert isinstance(s, int) and isinstance(e, int)
        assert lo <= s < e <= hi, (s, e, lo, hi)
        assert s >= prev_end, "spans overlap or are unsorted"
        assert not text[s].isspace() and not text[e - 1].isspace()
        covered.update(range(s, e))
        prev_end = e
    for i in range(lo, hi):
        if not text[i].isspace():
            assert i in covered, f"non-whitespace char {text[i]!r} at {i} not covered"


# --- real paragraphs ----------------------------------------------------------

PARA_1 = (
    "The possibility is low. If Russia explicitly states military intervention in North "
    "Korea, South Korea would have justification to supply weapons to Ukraine. Russia, "
    "currently on the defensive in the war, has recently sent conciliatory messages to "
    "South Korea. On the 5th, President Putin publicly expressed gratitude, saying, \"I am "
    "very thankful to South Korea for not directly supplying weapons to Ukraine.\""
)

PARA_2 = (
    "Joh Han-beom, Senior Research Fellow at the Korea Institute for National Unification, "
    "evaluated, \"The possibility of an agreement at the level of military intervention is "
    "slim, and it will likely be at the level of redefining traditional friendly relations "
    "such as a 'strategic partnership.'\" He added, \"From Kim Jong-un's perspective, just "
    "Putin's visit can politically resolve internal confusion. It is unlikely that Russia "
    "will provide core military technology, and it is expected that mutual understanding "
    "will be met in the future.\""
)


def test_real_paragraph_four_sentences():
    assert sents(PARA_1) == [
        "The possibility is low.",
        "If Russia explicitly states military intervention in North Korea, South Korea "
        "would have justification to supply weapons to Ukraine.",
        "Russia, currently on the defensive in the war, has recently sent conciliatory "
        "messages to South Korea.",
        "On the 5th, President Putin publicly expressed gratitude, saying, \"I am very "
        "thankful to South Korea for not directly supplying weapons to Ukraine.\"",
    ]


def test_real_paragraph_quotes_stay_whole():
    out = sents(PARA_2)
    assert len(out) == 2
    assert out[0].startswith("Joh Han-beom") and out[0].endswith("partnership.'\"")
    assert out[1].startswith("He added")
    assert out[1].endswith("in the future.\"")
    assert "confusion. It is unlikely" in out[1]
    assert "".join(out) == PARA_2.replace(" He added", "He added")


def test_offsets_are_exact_and_index_the_original_text():
    text = "  Hello there.   General Kenobi!\n"
    spans = split_sentences(text)
    assert spans == [(2, 14), (17, 32)]
    assert [text[s:e] for s, e in spans] == ["Hello there.", "General Kenobi!"]


# --- terminal punctuation -----------------------------------------------------


def test_basic_terminals():
    assert sents("It rained. Did it? Yes! Fine.") == ["It rained.", "Did it?", "Yes!", "Fine."]


def test_lowercase_after_period_is_not_a_boundary():
    assert sents("Prices rose. and then fell.") == ["Prices rose. and then fell."]


def test_closing_bracket_after_punctuation_belongs_to_sentence():
    assert sents("He left (for good.) Then it rained.") == ["He left (for good.)", "Then it rained."]


def test_digit_and_non_latin_starts():
    assert sents("It grew. 2023 was worse.") == ["It grew.", "2023 was worse."]
    assert sents("He left. 그는 떠났다. Он ушёл.") == ["He left.", "그는 떠났다.", "Он ушёл."]


def test_multiple_punctuation_run():
    assert sents("Really?! Yes.") == ["Really?!", "Yes."]


# --- abbreviations ------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Mr. Kim met Mrs. Lee and Prof. Park today.",
        "Sen. Warren and Gov. Newsom spoke with Lt. Gen. Smith.",
        "SEOUL, Jun. 24 (Yonhap) -- The talks resumed.",
        "It happened on Sept. 11 in New York.",
        "He arrived at 2 a.m. on Tuesday.",
        "She left at 5 p.m. Tuesday night.",
        "The U.S. Army and the U.K. Navy joined the U.N. mission.",
        "Dr. J. Smith and Kim J. Un met.",
        "Samsung Electronics Co. Ltd. reported profits.",
        "Apples, pears, etc. were sold.",
        "It took 1.5 hours and rose 3.2% in Q1.",
        "Bring fruit, e.g. Apples, and tools, i.e. Hammers.",
        "It is No. 1 in the rankings.",
        "Manchester vs. Liverpool ended in a draw.",
        "They moved to St. Petersburg in 1990.",
        "He waited... and waited for her.",
    ],
)
def test_abbreviations_do_not_split(text):
    assert sents(text) == [text]


def test_ambiguous_abbreviation_followed_by_sentence_starter_splits():
    assert sents("He arrived at 2 a.m. The next day was calm.") == [
        "He arrived at 2 a.m.",
        "The next day was calm.",
    ]
    assert sents("The deal was signed in the U.S. It took a year.") == [
        "The deal was signed in the U.S.",
        "It took a year.",
    ]
    assert sents("It was bought by Apple Inc. The price was high.") == [
        "It was bought by Apple Inc.",
        "The price was high.",
    ]


def test_titles_never_end_sentences():
    # a title is always followed by a name, even one that looks like a starter word
    assert sents("Dr. A. Smith spoke.") == ["Dr. A. Smith spoke."]


def test_abbreviation_after_opening_bracket_and_in_caps():
    assert sents("He met (Mr. Kim) today. MR. PARK AGREED.") == [
        "He met (Mr. Kim) today.",
        "MR. PARK AGREED.",
    ]


def test_ordinary_word_resembling_capitalised_abbreviation_splits():
    # "mar" in lowercase is a verb, not the month "Mar."
    assert sents("Nothing could mar. The day was perfect.") == [
        "Nothing could mar.",
        "The day was perfect.",
    ]


def test_sentence_after_number_splits_but_list_marker_does_not():
    assert sents("Sales hit 300. Profits fell.") == ["Sales hit 300.", "Profits fell."]
    assert sents("1. Introduction of the plan") == ["1. Introduction of the plan"]


# --- ellipsis -----------------------------------------------------------------


def test_ellipsis_headline_separator():
    text = "Putin to Visit North Korea on 18-19th... Heading Toward North Korea-Russia Military Alliance?"
    assert sents(text) == [
        "Putin to Visit North Korea on 18-19th...",
        "Heading Toward North Korea-Russia Military Alliance?",
    ]


def test_unicode_ellipsis_separator_and_lowercase_continuation():
    assert sents("Talks stall… Seoul waits. It went on… and on.") == [
        "Talks stall…",
        "Seoul waits.",
        "It went on… and on.",
    ]


# --- glued sentences ----------------------------------------------------------


def test_glued_sentences_split():
    text = "Putin arrived after the visit.The Kremlin said nothing."
    assert sents(text) == ["Putin arrived after the visit.", "The Kremlin said nothing."]
    assert sents("Is it over?Nobody knows.") == ["Is it over?", "Nobody knows."]


@pytest.mark.parametrize(
    "text",
    [
        "See www.example.co.kr for details.",
        "Visit https://example.com/News.Html today.",
        "Written in Node.js and served from example.com today.",
        "Born in the U.S.A. he grew up fast.",
        "Growth was 3.2% and 1.5 hours passed.",
        "Mail press@Example.com for details.",
        "We met Mrs.Kim there.",
    ],
)
def test_glued_rule_does_not_split_urls_acronyms_decimals(text):
    assert sents(text) == [text]


# --- quotations ---------------------------------------------------------------


def test_quote_spanning_sentences_stays_whole():
    text = 'He added, "From A. It is unlikely that B." Then he left.'
    assert sents(text) == ['He added, "From A. It is unlikely that B."', "Then he left."]


def test_curly_quote_spanning_sentences_stays_whole():
    text = "He added, “From A. It is unlikely that B.” Then he left."
    assert sents(text) == ["He added, “From A. It is unlikely that B.”", "Then he left."]


def test_quote_followed_by_lowercase_attribution_is_not_a_boundary():
    text = '"We will win," he said. "Why?" she asked. “Go now!” he shouted.'
    assert sents(text) == ['"We will win," he said.', '"Why?" she asked.', "“Go now!” he shouted."]


def test_single_quotes_do_not_protect():
    text = "Russia's army left. Kim's men stayed. 'It ended. Done.'"
    assert sents(text) == ["Russia's army left.", "Kim's men stayed.", "'It ended.", "Done.'"]


def test_unbalanced_straight_quote_does_not_swallow_text():
    text = 'He said "we will go. Then he left. The end came. Nobody cared.'
    assert sents(text) == ['He said "we will go.', "Then he left.", "The end came.", "Nobody cared."]


def test_unbalanced_curly_quote_does_not_swallow_text():
    text = "He said “we will go. Then he left. The end came."
    assert sents(text) == ["He said “we will go.", "Then he left.", "The end came."]


def test_inch_mark_does_not_misalign_straight_quotes():
    text = 'He is 5\'11" tall. She said "Hi. Bye." Then left.'
    assert sents(text) == ["He is 5'11\" tall.", 'She said "Hi. Bye."', "Then left."]


def test_quote_is_not_matched_across_blank_line():
    text = 'He said "we will go. Then he left.\n\nLater "they" came. It ended.'
    assert sents(text) == [
        'He said "we will go.',
        "Then he left.",
        'Later "they" came.',
        "It ended.",
    ]


def test_very_long_quote_protects_nothing():
    filler = "Word " * 500  # 2,500 characters
    text = f'He said "Start. {filler}end." Then left.'
    # the same quote, short, is protected
    assert sents('He said "Start. Word end." Then left.') == ['He said "Start. Word end."', "Then left."]
    out = sents(text)
    assert out[0] == 'He said "Start.'
    assert out[-1] == "Then left."


# --- paragraphs and line breaks ----------------------------------------------


def test_blank_line_is_a_boundary_single_line_break_is_not():
    text = "A headline without a stop\n\nThe body\nwraps here. Second sentence."
    assert sents(text) == [
        "A headline without a stop",
        "The body\nwraps here.",
        "Second sentence.",
    ]


def test_blank_line_variants():
    assert sents("One\r\n\r\nTwo") == ["One", "Two"]
    assert sents("One\r\nTwo") == ["One\r\nTwo"]
    assert sents("One\n \t \nTwo\n\n\n\nThree") == ["One", "Two", "Three"]


# --- CJK ---------------------------------------------------------------------


def test_cjk_punctuation():
    assert sents("我很好。你呢？他说：“好的。”然后走了！") == [
        "我很好。",
        "你呢？",
        "他说：“好的。”",
        "然后走了！",
    ]
    assert sents("今日は晴れ。明日は雨。") == ["今日は晴れ。", "明日は雨。"]


# --- region and robustness ----------------------------------------------------


def test_region_offsets():
    text = "HEADLINE. Body one. Body two."
    spans = split_sentences(text, 10)
    assert [text[s:e] for s, e in spans] == ["Body one.", "Body two."]
    assert spans[0][0] == 10
    assert sents(text, 10, 19) == ["Body one."]
    assert split_sentences(text, 19, 10) == []
    assert split_sentences(text, 100) == []
    assert sents(text, -9) == ["Body two."]


@pytest.mark.parametrize("text", ["", " ", "\n\n\n", "\t \r\n"])
def test_empty_and_whitespace(text):
    assert split_sentences(text) == []


# --- properties ----------------------------------------------------------------

_pieces = st.sampled_from(
    [
        "Mr.", "U.S.", "a.m.", "The", "he", "said", "visit.The", "www.x.co.kr", "3.2",
        ".", "...", "…", "!", "?", "。", '"', "“", "”", "'", "’", "(", ")", ",",
        "\n", "\n\n", "\r\n", " ", "  ", "\t", "\u3000", "\u2029", "J.", "Kim", "I",
        "그는", "你好", "etc.", "No.", "1.", "e.g.", "\x0b", "\x1c",
    ]
)
_mixed = st.lists(_pieces, max_size=60).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_property_arbitrary_text(text):
    check_invariants(text, split_sentences(text))


@settings(max_examples=400, deadline=None)
@given(_mixed)
def test_property_mixed_text(text):
    check_invariants(text, split_sentences(text))


@settings(max_examples=300, deadline=None)
@given(st.one_of(_mixed, st.text()), st.integers(-80, 80), st.one_of(st.none(), st.integers(-80, 80)))
def test_property_regions(text, start, end):
    check_invariants(text, split_sentences(text, start, end), start, end)


# --- sentence_table -------------------------------------------------------------


def _segments_fixture():
    headline = "Putin to Visit North Korea... Alliance Ahead?"
    body = 'Mr. Putin arrives Tuesday. "It is historic. Truly," he said.'
    boiler = "Copyright 2024. All rights reserved."
    caption = headline + " Putin waves. Kim smiles."
    parts = [headline, body, boiler, caption]
    text = "\n\n".join(parts)
    starts = []
    pos = 0
    for part in parts:
        starts.append(pos)
        pos += len(part) + 2
    rows = [
        (0, "headline", starts[0], starts[0] + len(headline), starts[0]),
        (1, "body", starts[1], starts[1] + len(body), starts[1]),
        (2, "boilerplate", starts[2], starts[2] + len(boiler), starts[2]),
        (3, "caption", starts[3], starts[3] + len(caption), starts[3] + len(headline)),
    ]
    seg = pd.DataFrame(rows, columns=["segment_id", "kind", "start", "end", "content_start"])
    seg["text"] = [text[s:e] for s, e in zip(seg["start"], seg["end"])]
    return text, seg


def test_sentence_table_columns_rows_and_offsets():
    text, seg = _segments_fixture()
    table = sentence_table(text, seg)
    assert list(table.columns) == list(SENTENCE_COLUMNS)
    assert table["sentence_id"].tolist() == list(range(len(table)))
    assert table["text"].tolist() == [
        "Putin to Visit North Korea...",
        "Alliance Ahead?",
        "Mr. Putin arrives Tuesday.",
        '"It is historic. Truly," he said.',
        "Putin waves.",
        "Kim smiles.",
    ]
    assert table["segment_id"].tolist() == [0, 0, 1, 1, 3, 3]
    assert table["kind"].tolist() == ["headline", "headline", "body", "body", "caption", "caption"]
    for row in table.itertuples():
        assert text[row.start : row.end] == row.text
    assert "boilerplate" not in set(table["kind"])
    assert set(table["kind"]) <= set(SENTENCE_KINDS)
    assert table["start"].is_monotonic_increasing
    assert pd.api.types.is_integer_dtype(table["sentence_id"])
    assert pd.api.types.is_integer_dtype(table["start"])
    assert pd.api.types.is_integer_dtype(table["end"])


def test_sentence_table_caption_skips_repeated_headline():
    text, seg = _segments_fixture()
    table = sentence_table(text, seg)
    cap = seg.iloc[3]
    captions = table[table["kind"] == "caption"]
    assert captions["start"].min() >= cap["content_start"] > cap["start"]
    assert not captions["text"].str.contains("North Korea").any()


def test_sentence_table_without_content_start_uses_start():
    text, seg = _segments_fixture()
    table = sentence_table(text, seg.drop(columns=["content_start"]))
    captions = table[table["kind"] == "caption"]["text"].tolist()
    assert captions == ["Putin to Visit North Korea...", "Alliance Ahead?", "Putin waves.", "Kim smiles."]


def test_sentence_table_is_in_text_order_even_if_segments_are_not():
    text, seg = _segments_fixture()
    shuffled = seg.iloc[[3, 1, 0, 2]].reset_index(drop=True)
    assert sentence_table(text, shuffled).equals(sentence_table(text, seg))


def test_sentence_table_empty_inputs():
    empty_seg = pd.DataFrame(
        {
            "segment_id": pd.Series([], dtype="int64"),
            "kind": pd.Series([], dtype=str),
            "start": pd.Series([], dtype="int64"),
            "end": pd.Series([], dtype="int64"),
            "content_start": pd.Series([], dtype="int64"),
        }
    )
    for table in (
        sentence_table("", empty_seg),
        sentence_table("Some text.", empty_seg),
        sentence_table("Only boilerplate.", pd.DataFrame(
            {"segment_id": [0], "kind": ["boilerplate"], "start": [0], "end": [17], "content_start": [0]}
        )),
    ):
        assert len(table) == 0
        assert list(table.columns) == list(SENTENCE_COLUMNS)
        assert pd.api.types.is_integer_dtype(table["sentence_id"])
        assert pd.api.types.is_integer_dtype(table["segment_id"])
        assert pd.api.types.is_integer_dtype(table["start"])
        assert pd.api.types.is_integer_dtype(table["end"])


def test_long_text_splits_consistently():
    # Throughput is measured by benchmarks/bench_segmentation.py, not by a timed test.
    text = (PARA_1 + " " + PARA_2 + "\n\n") * 300  # ~0.3 MB
    spans = split_sentences(text)
    assert len(spans) == 6 * 300
