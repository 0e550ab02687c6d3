"""Segmentation: lossless cover, kinds on the seed against the gold, other layouts."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis_utils.text.document import Document
from analysis_utils.text.segments import COLUMNS, KINDS, kind_summary, segment_text, structure_table
from conftest import SEED, read_fixture


def kinds_by_line(df):
    return {int(r.line): r.kind for r in df.itertuples() if r.kind != "blank"}


def assert_lossless(text, df):
    assert list(df.columns) == COLUMNS
    assert "".join(df["text"]) == text
    pos = 0
    for r in df.itertuples():
        assert r.start == pos and r.end > r.start
        assert text[r.start : r.end] == r.text
        assert r.start <= r.content_start <= r.end
        assert r.kind in KINDS
        pos = r.end
    assert pos == len(text)


# --- the seed ---------------------------------------------------------------------------


def test_seed_is_the_shared_file_byte_for_byte(gold):
    from conftest import SHARED

    assert SEED.read_bytes() == (SHARED / "gold" / gold["article"]["file"]).read_bytes()


def test_seed_kinds_match_every_gold_line(seed_text, gold):
    df = segment_text(seed_text)
    got = kinds_by_line(df)
    expected = {g["line"]: g["kind"] for g in gold["segments"]}
    assert got == expected


def test_seed_repeated_headlines_and_captions(seed_text, gold):
    df = segment_text(seed_text)
    for g in gold["segments"]:
        if not g.get("repeats_headline"):
            continue
        row = df[(df.line == g["line"]) & (df.kind != "blank")].iloc[0]
        assert bool(row.repeats_headline)
        assert seed_text[row.content_start : row.end] == g["caption"]
    assert df.loc[~df.line.isin([g["line"] for g in gold["segments"] if g.get("repeats_headline")]), "repeats_headline"].sum() == 0


def test_seed_has_eight_body_paragraphs_and_headline(seed_text, gold):
    df = segment_text(seed_text)
    assert (df.kind == "body").sum() == gold["body_paragraphs"] == 8
    head = df[df.kind == "headline"]
    assert len(head) == 1 and head.iloc[0].text == gold["article"]["headline"]


def test_seed_lossless(seed_text):
    assert_lossless(seed_text, segment_text(seed_text))


# --- other layouts -----------------------------------------------------------------------


def test_wire_story_layout():
    text = read_fixture("wire_story.txt")
    df = segment_text(text)
    assert_lossless(text, df)
    k = kinds_by_line(df)
    assert k[1] == k[2] == "boilerplate"  # navigation, "Sign in"
    assert k[4] == "headline"
    assert k[5] == "subheadline"
    assert k[7] == "byline" and k[8] == "timestamp"
    assert k[10] == k[12] == k[20] == k[22] == "body"
    assert k[14] == "caption"  # ends with "(AP Photo/...)"
    assert k[16] == "boilerplate"  # "Advertisement" between paragraphs
    crosshead = df[df["line"] == 18].iloc[0]  # a crosshead: the article's text, read as a heading
    assert (crosshead["kind"], crosshead["rule"]) == ("body", "crosshead")
    assert [p.headline for p in Document(text).blocks if p.segment_id == crosshead["segment_id"]] == [True]
    assert Document(text).deck == [text.splitlines()[4].strip()]  # the deck only, not the crosshead
    assert k[24] == "copyright"
    assert k[26] == k[27] == k[28] == "boilerplate"  # after the copyright line


def test_portal_layout_with_crlf_and_korean_clutter():
    text = read_fixture("portal_crlf.txt")
    assert "\r\n" in text
    df = segment_text(text)
    assert_lossless(text, df)
    k = kinds_by_line(df)
    assert [k[1], k[2], k[3]] == ["boilerplate"] * 3
    assert k[5] == "headline" and k[6] == "timestamp" and k[7] == "byline"
    assert k[9] == k[10] == k[13] == "body"  # paragraphs without blank lines between
    assert k[11] == "caption" and k[12] == "credit"  # caption directly above "Photo=Yonhap"
    assert k[14] == "copyright"
    # CRLF: segment text never holds half a line break
    assert not any(t.endswith("\r") for t in df.loc[df.kind != "blank", "text"])


def test_hard_wrapped_paragraphs_are_joined():
    text = read_fixture("hard_wrapped.md")
    df = segment_text(text)
    assert_lossless(text, df)
    body = df[df.kind == "body"]
    assert len(body) == 3
    assert body.iloc[0].text.startswith("The city council voted") and body.iloc[0].text.endswith("for children.")
    assert "\n" in body.iloc[0].text
    assert kinds_by_line(df)[1] == "headline" and kinds_by_line(df)[3] == "subheadline"


def test_title_from_metadata_picks_the_headline():
    text = "World News\n\nMarkets rally as rates hold steady\n\nStocks rose on Tuesday after the central bank left rates unchanged, traders said.\n"
    df = segment_text(text, title="Markets rally as rates hold steady")
    k = kinds_by_line(df)
    assert k[1] == "boilerplate" and k[3] == "headline" and k[5] == "body"


def test_text_without_headline_is_all_body():
    text = "The council met on Monday. It approved the budget after a long debate about schools and roads in the district.\n"
    df = segment_text(text)
    assert list(df.kind) == ["body", "blank"]


@pytest.mark.parametrize("text", ["", " ", "\n\n", "\r\n", "x", "\ufeff", "a\rb\rc"])
def test_degenerate_inputs(text):
    assert_lossless(text, segment_text(text))


def test_structure_table_and_summary(seed_text):
    df = segment_text(seed_text)
    st_ = structure_table(df)
    assert len(st_) == (df.kind != "blank").sum()
    assert st_[st_.kind == "body"].label.tolist() == [f"¶{i}" for i in range(1, 9)]
    cap = st_[st_.label.str.contains("repeats headline")]
    assert len(cap) == 2 and not cap.text.str.startswith("Putin to Visit").any()
    summ = kind_summary(df).set_index("kind")
    assert summ.loc["body", "segments"] == 8 and summ.loc["headline", "segments"] == 1


# --- property: any text in, lossless segments out ----------------------------------------

_pieces = st.sampled_from(
    ["Putin", " said", ". ", "\n", "\n\n", "\r\n", "  ", '"', "'", "©", "Photo by AP", "[Image source=X]",
     "Top", "Close", "Kim Jong-un", "…", "?", "\t", "본문", "\u2028", "All rights reserved."]
)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), st.lists(_pieces, max_size=40).map("".join)))
def test_any_text_segments_back_to_itself(text):
    assert_lossless(text, segment_text(text))
