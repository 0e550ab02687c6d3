"""The explorers: pure HTML builders (escaping, overlaps, views) and the widget wrappers."""
from __future__ import annotations

import html
import re

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from analysis_utils import load_article
from analysis_utils.report.explorer import (
    Span,
    actor_options,
    actor_view_html,
    block_bounds,
    content_window,
    date_options,
    date_view_html,
    highlight_spans,
    quote_options,
    quote_view_html,
    segment_options,
    segment_view_html,
    sentence_bounds,
)
from conftest import FIXTURES, SEED

TAG = re.compile(r"<[^>]+>")


def visible(fragment: str) -> str:
    """The text a browser shows for a fragment (tags dropped, entities decoded)."""
    return html.unescape(TAG.sub("", fragment))


def shown_text(view: str) -> str:
    """The visible text of a view's text box (header and legend left out)."""
    return visible(re.search(r'class="au-text"[^>]*>(.*)</div></div>$', view, re.S).group(1))


def marked(fragment: str) -> list[str]:
    return [html.unescape(TAG.sub("", m)) for m in re.findall(r"<mark[^>]*>(.*?)</mark>", fragment, re.S)]


# ------------------------------------------------------------------ highlight_spans


def test_highlight_marks_the_span_and_keeps_the_text():
    out = highlight_spans("Kim met Putin.", [Span(8, 13, "actor", "#0072B2", "Putin")])
    assert marked(out) == ["Putin"]
    assert visible(out) == "Kim met Putin."
    assert 'title="Putin"' in out and "au-hl-actor" in out


def test_highlight_escapes_text_titles_and_notes():
    text = '<script>alert("x")</script> & "quoted"'
    out = highlight_spans(text, [Span(0, 8, "x", "#000000", 'a "title" <b>', "<i>")])
    assert "<script>" not in out and "<b>" not in out and "<i>" not in out
    assert visible(out).startswith('<script>alert("x")</script> & "quoted"'[:8])
    assert 'title="a &quot;title&quot; &lt;b&gt;"' in out


def test_overlapping_spans_give_well_nested_marks():
    text = "abcdefghij"
    out = highlight_spans(text, [Span(0, 6, "outer", "#56B4E9"), Span(3, 9, "inner", "#E69F00")])
    # the text is intact, every <mark> closes before the next opens
    assert visible(out) == text
    assert re.fullmatch(r"(?:[^<]|<mark[^>]*>[^<]*</mark>)*", out)
    pieces = marked(out)
    assert "".join(pieces) == "abcdefghi" and pieces == ["abc", "def", "ghi"]
    # the overlap carries both labels
    assert re.search(r'class="[^"]*au-hl-outer[^"]*au-hl-inner[^"]*"[^>]*>def<', out) or re.search(
        r'class="[^"]*au-hl-inner[^"]*au-hl-outer[^"]*"[^>]*>def<', out
    )


def test_spans_are_clipped_to_the_window_and_empty_ones_ignored():
    text = "0123456789"
    out = highlight_spans(text, [Span(2, 6, "a"), Span(5, 5, "empty"), Span(8, 3, "inverted")], start=4, end=8)
    assert visible(out) == "4567"
    assert marked(out) == ["45"]


def test_note_follows_the_span():
    out = highlight_spans("he said no", [Span(0, 2, "m", note="+0.50")])
    assert re.search(r"he</mark><sup[^>]*>\+0\.50</sup> said no$", out)


@given(
    st.text(alphabet=st.sampled_from(list("ab <>&\"'\n한😀")), max_size=40),
    st.lists(st.tuples(st.integers(-5, 45), st.integers(-5, 45)), max_size=6),
)
def test_highlight_never_loses_or_invents_text(text, pairs):
    spans = [Span(a, b, f"s{i}") for i, (a, b) in enumerate(pairs)]
    out = highlight_spans(text, spans)
    assert visible(out) == text
    assert out.count("<mark") == out.count("</mark>")


# ------------------------------------------------------------------ windows


def test_block_bounds_and_content_window():
    text = "menu\n\nHeadline here\n\nFirst line of body. Second sentence.\nNext para."
    a = text.index("Second")
    assert text[slice(*block_bounds(text, a, a + 6))] == "First line of body. Second sentence."
    assert content_window(text) == (0, len(text))


@pytest.fixture(scope="module")
def seed():
    return load_article(SEED)


@pytest.fixture(scope="module")
def wire():
    return load_article(FIXTURES / "articles" / "wire_story.txt")


def test_content_window_leaves_page_furniture_out(seed):
    lo, hi = content_window(seed)
    seg = seed.segments
    assert lo == int(seg.loc[seg["kind"] == "headline", "start"].min())
    assert 0 < lo < hi <= len(seed.text)


def test_sentence_bounds_uses_the_article_sentences(seed):
    s = seed.sentences.iloc[3]
    a, b = sentence_bounds(seed, int(s.start) + 2, int(s.start) + 5)
    assert (a, b) == (int(s.start), int(s.end))
    # plain text: split on the fly
    text = "One thing. Then on June 3 another. Last."
    k = text.index("June 3")
    assert text[slice(*sentence_bounds(text, k, k + 6))] == "Then on June 3 another."


# ------------------------------------------------------------------ views


def test_segment_view_marks_every_segment_of_the_kind(wire):
    kinds = [v for _, v in segment_options(wire)]
    assert "body" in kinds and "blank" not in kinds
    out = segment_view_html(wire, "body")
    bodies = wire.segments[wire.segments["kind"] == "body"]
    assert [m.strip() for m in marked(out)] == [t.strip() for t in bodies["text"]]


def _mentions():
    text = "President Moon met Kim. He said Kim was \"open\". Moon left."
    rows = [
        ("Moon Jae-in", text.index("President Moon"), text.index("President Moon") + 14, "title+name", False, None),
        ("Moon Jae-in", text.index("He"), text.index("He") + 2, "pronoun", False, "President Moon"),
        ("Moon Jae-in", text.rindex("Moon"), text.rindex("Moon") + 4, "surname", False, "President Moon"),
        ("Kim Jong-un", text.index("Kim"), text.index("Kim") + 3, "name", False, None),
    ]
    df = pd.DataFrame(rows, columns=["actor", "start", "end", "via", "in_quote", "antecedent"])
    df["text"] = [text[a:b] for a, b in zip(df["start"], df["end"])]
    return text, df


def test_actor_options_by_count_then_name():
    _, m = _mentions()
    assert actor_options(m) == [("Moon Jae-in (3 mentions)", "Moon Jae-in"), ("Kim Jong-un (1 mention)", "Kim Jong-un")]
    assert actor_options(m.iloc[0:0]) == []


def test_actor_view_marks_only_that_actor_and_shows_scores():
    text, m = _mentions()
    out = actor_view_html(text, m, "Moon Jae-in")
    assert marked(out) == ["President Moon", "He", "Moon"]
    assert "→ President Moon" in html.unescape(out)  # the pronoun's antecedent in the tooltip
    ev = pd.DataFrame(
        [("Moon Jae-in", "narrator", int(m.start[0]), int(m.end[0]), -0.5, "negative"),
         ("Moon Jae-in", "own", text.index("open"), text.index("open") + 4, 0.25, "positive")],
        columns=["actor", "voice", "start", "end", "score", "label"],
    )
    scored = actor_view_html(text, m, "Moon Jae-in", ev)
    assert re.search(r"President Moon</mark><sup[^>]*>-0\.50</sup>", scored)
    assert "open" in marked(scored) and "+0.25" in scored  # own words, with their score
    assert "mean score" in scored


def test_quote_view_shows_paragraph_with_speaker_and_cue():
    text = 'Intro line.\n\n"We will go," the minister said on Monday.\n\nOther paragraph.'
    q0, q1 = text.index("We"), text.index('go,"') + 3
    s0 = text.index("the minister")
    c0 = text.index("said")
    quotes = pd.DataFrame([{
        "quote_id": 0, "kind": "direct", "text": text[q0:q1], "start": q0, "end": q1, "speaker": "the minister",
        "speaker_start": s0, "speaker_end": s0 + 12, "speaker_via": "descriptor", "cue": "said",
        "cue_start": c0, "cue_end": c0 + 4, "paragraph": 1,
    }]).astype({"speaker_start": "Int64", "speaker_end": "Int64", "cue_start": "Int64", "cue_end": "Int64"})
    out = quote_view_html(text, quotes, 0)
    shown = shown_text(out)
    assert '"We will go," the minister said on Monday.' in shown
    assert "Intro line" not in shown and "Other paragraph" not in shown
    assert marked(out) == ["We will go,", "the minister", "said"]
    assert quote_options(quotes)[0][1] == 0 and "the minister" in quote_options(quotes)[0][0]
    # no speaker, no cue (<NA>): only the quotation is marked
    bare = quotes.assign(speaker="", speaker_start=pd.NA, speaker_end=pd.NA, cue="", cue_start=pd.NA, cue_end=pd.NA)
    bare = bare.astype({"speaker_start": "Int64", "speaker_end": "Int64", "cue_start": "Int64", "cue_end": "Int64"})
    assert marked(quote_view_html(text, bare, 0)) == ["We will go,"]
    # the learned confidence and a belief are said in the header
    more = quotes.assign(speaker_confidence=0.876, speech=False)
    assert "confidence 0.88" in out.replace("\n", " ") or "confidence 0.88" in quote_view_html(text, more, 0)
    assert "not speech" in quote_view_html(text, more, 0) and "not speech" not in out


def test_date_view_shows_the_sentence_with_value(seed):
    from analysis_utils.timeline import find_timexes_in_article

    tx = find_timexes_in_article(seed)
    opts = date_options(tx)
    assert len(opts) == len(tx) and opts[0][1] == 0
    i = 0
    out = date_view_html(seed, tx, i)
    row = tx.iloc[i]
    assert marked(out) == [seed.text[int(row.start):int(row.end)]]
    assert str(row.value) in out
    sent = seed.sentences[(seed.sentences.start <= row.start) & (row.start < seed.sentences.end)].iloc[0]
    assert shown_text(out) == sent.text


# ------------------------------------------------------------------ widgets


@pytest.fixture(scope="module")
def widgets():
    return pytest.importorskip("ipywidgets")


def _dropdown_and_view(box):
    dropdown, view = box.children
    return dropdown, view


def test_actor_explorer_dropdown_redraws_the_view(widgets):
    from analysis_utils.report.explorer import actor_explorer

    text, m = _mentions()
    box = actor_explorer(text, m)
    assert isinstance(box, widgets.VBox)
    dropdown, view = _dropdown_and_view(box)
    assert [v for _, v in dropdown.options] == ["Moon Jae-in", "Kim Jong-un"]
    assert dropdown.value == "Moon Jae-in" and marked(view.value) == ["President Moon", "He", "Moon"]
    dropdown.value = "Kim Jong-un"
    assert marked(view.value) == ["Kim"]


def test_quote_and_date_and_segment_explorers(widgets, seed):
    from analysis_utils.report.explorer import date_explorer, quote_explorer, segment_explorer
    from analysis_utils.quotes import find_quotes_in_article
    from analysis_utils.timeline import find_timexes_in_article

    for box in (
        quote_explorer(seed, find_quotes_in_article(seed)),
        date_explorer(seed, find_timexes_in_article(seed)),
        segment_explorer(seed),
    ):
        dropdown, view = _dropdown_and_view(box)
        assert len(dropdown.options) >= 2
        before = view.value
        dropdown.value = dropdown.options[1][1]
        assert view.value != before and "<mark" in view.value


def test_explorers_with_nothing_to_pick(widgets):
    from analysis_utils.report.explorer import actor_explorer, date_explorer, quote_explorer

    empty = pd.DataFrame(columns=["actor", "start", "end", "via"])
    for box in (actor_explorer("text", empty), quote_explorer("text", empty), date_explorer("text", empty)):
        assert len(box.children) == 1 and "No " in box.children[0].value
