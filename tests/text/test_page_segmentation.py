"""Page segmentation with the line model: the slips it was built to fix, confidence,
warnings, losslessness on any text, and the model file's failure modes."""
from __future__ import annotations

import json
import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis_utils import load_article
from analysis_utils.text.document import article_summary
from analysis_utils.errors import ArticleError
from analysis_utils.text import line_model
from analysis_utils.text.line_features import char_counts, feature_names, line_matrix, tokens
from analysis_utils.text.line_model import LineModel, LineModelError, load_model, main_probabilities
from analysis_utils.text.segments import KINDS, page_warnings, segment_rows, segment_text

NAV = "\n".join(
    ["Home", "News", "World", "Politics", "Business", "Markets", "Tech", "Science", "Health",
     "Sport", "Football", "Tennis", "Culture", "Film", "Music", "Books", "Travel", "Food",
     "Opinion", "Podcasts", "Video", "Weather", "Newsletters", "Sign in", "Subscribe"]
)
PARAS = [
    "The regional council voted on Tuesday to extend the night bus service to three "
    "outlying towns, ending a dispute that had run for more than a year.",
    "Councillors from both parties said the change would help shift workers, who had "
    "complained that the last bus left the city centre before their shifts ended.",
    "The new timetable starts in March, and the council expects to review the cost of the "
    "service after six months of operation.",
]
FOOTER = "\n".join(["About us", "Contact", "Careers", "Privacy policy", "Terms of use", "Cookie settings"])


def kinds_of(text: str, **kw) -> dict[str, str]:
    """Kind of each non-blank line, keyed by its text."""
    return {text[r[1]:r[2]]: r[0] for r in segment_rows(text, **kw) if r[0] != "blank"}


def page(*blocks: str) -> str:
    return "\n\n".join(blocks) + "\n"


# --- the slips of the issue ---------------------------------------------------------------

def test_a_body_paragraph_opening_with_a_quotation_mark_is_body_not_deck():
    quoted = ("\u201cWe have waited twenty years for this decision,\u201d the mayor told reporters "
              "on Monday after the vote, which passed by nine votes to four.")
    text = page(NAV, "Council backs new harbour plan after long debate", quoted, *PARAS, FOOTER)
    k = kinds_of(text)
    assert k["Council backs new harbour plan after long debate"] == "headline"
    assert k[quoted] == "body"
    assert all(k[p] == "body" for p in PARAS)


def test_a_long_caption_above_its_credit_is_a_caption():
    caption = ("Commuters wait at the central station on a cold morning as the first of the "
               "new night buses arrives, part of a service the council extended on Tuesday "
               "after more than a year of debate between the parties over its cost and its "
               "route through three towns.")
    text = page(NAV, "Night buses to reach three more towns", PARAS[0], caption + "\nPhoto: Jane Doe/Reuters",
                PARAS[1], PARAS[2], FOOTER)
    k = kinds_of(text)
    assert k[caption] == "caption"
    assert k["Photo: Jane Doe/Reuters"] == "credit"


@pytest.mark.parametrize("line", ["Photo: \u00a9 Jane Doe", "\u00a9 Getty Images", "Foto: \u00a9 dpa",
                                  "Image \u00a9 Shutterstock"])
def test_a_credit_line_with_a_copyright_sign_is_a_credit(line):
    caption = "Commuters wait at the central station as the first night bus arrives."
    text = page("Night buses to reach three more towns", PARAS[0], caption + "\n" + line, PARAS[1], PARAS[2])
    assert kinds_of(text)[line] == "credit"


@pytest.mark.parametrize("line", ["\u00a9 2024 Example Daily. All rights reserved.",
                                  "Copyright 2024 Example Daily", "(c) Example Media Group"])
def test_a_copyright_line_stays_a_copyright_line(line):
    text = page("Night buses to reach three more towns", *PARAS, line)
    assert kinds_of(text)[line] == "copyright"


def test_a_page_that_is_mostly_navigation_keeps_its_article_and_drops_the_menu():
    menu = NAV + "\n" + "\n".join(f"Section {i}" for i in range(40))
    text = page(menu, "Night buses to reach three more towns", *PARAS, FOOTER)
    rows = [r for r in segment_rows(text) if r[0] != "blank"]
    k = kinds_of(text)
    assert [k[p] for p in PARAS] == ["body"] * 3
    assert k["Night buses to reach three more towns"] == "headline"
    assert sum(r[0] == "subheadline" for r in rows) == 0
    menu_kinds = {k[line] for line in menu.splitlines()}
    assert menu_kinds == {"boilerplate"}
    assert load_article(text).warnings == []


@pytest.mark.parametrize("text", [
    page("Example News", NAV, "Top stories", "Night buses to reach three more towns",
         "Harbour plan wins council backing", "Storm warning for the coast", "Markets close higher",
         "More stories", FOOTER, "\u00a9 2024 Example News"),
    page("Example News", "Sign in", "Subscribe to continue reading", "Email address", "Password",
         "Forgot your password?", "Create an account", FOOTER),
])
def test_a_page_with_no_article_has_no_body_and_says_so(text):
    doc = load_article(text)
    assert not (doc.segments["kind"] == "body").any()
    assert len(doc.warnings) == 1 and "no article text found" in doc.warnings[0]
    summary = article_summary(doc)
    assert "no article text found" in summary.set_index("field").loc["warning", "value"]


def test_a_short_clean_article_is_all_read():
    text = "Night buses to reach three more towns\n\n" + "\n\n".join(PARAS) + "\n"
    k = kinds_of(text)
    assert k["Night buses to reach three more towns"] == "headline"
    assert [k[p] for p in PARAS] == ["body"] * 3
    assert load_article(text).warnings == []


def test_one_sentence_is_body():
    assert [r[0] for r in segment_rows(PARAS[0])] == ["body"]


# --- confidence ---------------------------------------------------------------------------

def test_confidence_is_a_probability_of_the_kind_and_whitespace_is_certain():
    text = page(NAV, "Night buses to reach three more towns", *PARAS, FOOTER)
    df = segment_text(text)
    assert "confidence" in df.columns
    assert df["confidence"].between(0, 1).all()
    assert (df.loc[df.kind == "blank", "confidence"] == 1.0).all()
    body = df[df.kind == "body"]
    assert (body["confidence"] >= load_model().prose_threshold).all()


def test_plain_text_segments_have_no_model_confidence():
    from analysis_utils.text.paragraphs import plain_segments

    df = plain_segments("A title\n\n" + PARAS[0])
    assert df["confidence"].isna().all()


# --- losslessness on any text -------------------------------------------------------------

LINES = st.one_of(
    st.sampled_from(["Home", "Sign in", "Share", "\u00a9 2024 X. All rights reserved.", "Photo: AP", "", "  ",
                     "By Jane Doe", "Published: 2024-01-02", PARAS[0], PARAS[1], "\u201cYes,\u201d he said.",
                     "A Short Heading", "\u672c\u6587\u3078\u79fb\u52d5", "x" * 300]),
    st.text(max_size=80),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(LINES, max_size=30), st.sampled_from(["\n", "\n\n", "\r\n", "\r"]))
def test_segmentation_is_lossless_and_typed_on_any_text(lines, sep):
    text = sep.join(lines)
    rows = segment_rows(text)
    assert "".join(text[r[1]:r[2]] for r in rows) == text
    pos = 0
    for kind, start, end, _rep, content, _rule, conf in rows:
        assert start == pos and end > start and start <= content <= end
        assert kind in KINDS and 0.0 <= conf <= 1.0 and not math.isnan(conf)
        assert (kind == "blank") == (not text[start:end].strip())
        pos = end
    has_body = any(r[0] == "body" for r in rows)
    warned = bool(page_warnings(text, rows))
    assert warned == (not has_body and bool(text.strip()))


# --- features -------------------------------------------------------------------------------

def test_features_have_one_row_per_line_and_the_model_s_columns():
    texts = ["Home", PARAS[0], "", "\u00c4rger \u00fcber 3 \u00c4pfel"]
    X = line_matrix(texts, [None, None, None, "boilerplate"], [0, 1, 1, 2], frozenset({"the"}), {"council": 1.0})
    assert X.shape == (4, len(feature_names()))
    assert not (X != X).any()  # no NaN
    assert char_counts(["Ab 1 c", "\u00c4\u00d6 \U0001F600"]).tolist() == [[3, 1, 1, 2], [2, 2, 0, 1]]
    assert tokens("The U.S.-led talks, don't stop!") == ["the", "u", "s", "led", "talks", "don't", "stop"]


# --- the model file -------------------------------------------------------------------------

def shipped() -> dict:
    return json.loads(line_model.MODEL_PATH.read_text(encoding="utf-8"))


def test_the_shipped_model_loads_and_matches_the_features():
    m = load_model()
    assert isinstance(m, LineModel)
    assert m.stages[0]["W1"].shape[0] == len(feature_names())
    assert 0 < m.prose_threshold <= m.threshold < 1
    assert load_model() is m  # read once


@pytest.mark.parametrize("breakage, message", [
    (lambda d: d.pop("stage2"), "missing or malformed"),
    (lambda d: d.update(features=d["features"][:-1]), "other features"),
    (lambda d: d.update(threshold=1.5), "between 0 and 1"),
    (lambda d: d["stage1"].update(W1=[[0.0]]), "malformed"),
    (lambda d: d["stage1"]["b1"].__setitem__(0, float("nan")), "malformed"),
    (lambda d: d.update(lexicon=["a"]), "malformed"),
])
def test_a_broken_model_file_is_a_clear_error(tmp_path, breakage, message):
    data = shipped()
    breakage(data)
    path = tmp_path / "model.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(LineModelError, match=message) as err:
        load_model(path)
    assert str(path) in str(err.value)
    assert isinstance(err.value, ArticleError)


@pytest.mark.parametrize("content, message", [(None, "cannot be read"), ("{not json", "not valid JSON"),
                                              ("[1, 2]", "not a JSON object"), (b"\xff\xfe\x00", "cannot be read")])
def test_a_missing_or_unreadable_model_file_is_a_clear_error(tmp_path, content, message):
    path = tmp_path / "model.json"
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(LineModelError, match=message):
        load_model(path)


def test_a_broken_model_stops_segmentation_with_the_error(tmp_path, monkeypatch):
    path = tmp_path / "model.json"
    path.write_text("{}", encoding="utf-8")
    monkeypatch.setattr(line_model, "MODEL_PATH", path)
    with pytest.raises(LineModelError, match="model.json"):
        segment_text(page("A headline here", PARAS[0]))


def test_probabilities_follow_the_model_and_are_empty_for_no_lines():
    assert main_probabilities([], [], []).shape == (0,)
    p = main_probabilities(["Home", PARAS[0]], [None, None], [0, 1])
    assert p.shape == (2,) and ((0 <= p) & (p <= 1)).all()


# --- line rules -----------------------------------------------------------------------------

def test_a_german_sentence_is_prose_though_its_nouns_are_capitalised():
    from analysis_utils.text.line_rules import is_prose

    assert is_prose("Der neue Fahrplan gilt ab März, und der Rat will die Kosten nach sechs Monaten prüfen.")
    assert not is_prose("Putin to Visit Pyongyang for the First Time in 24 Years, Expected to Arrive Tomorrow?")
    lead = "Der Stadtrat hat am Dienstag beschlossen, den Nachtbus in drei weitere Orte fahren zu lassen."
    text = page(NAV, "Nachtbus f\u00e4hrt k\u00fcnftig in drei weitere Orte", lead,
                "Die Stadtr\u00e4te beider Parteien sagten, die \u00c4nderung helfe vor allem Schichtarbeitern, "
                "deren Schicht nach dem letzten Bus ende.", FOOTER)
    assert kinds_of(text)[lead] == "body"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab.@-_+ Byreporter:\u00e9\uac00\n")), max_size=40))
def test_the_split_byline_test_is_the_byline_pattern(s):
    """``_is_byline`` splits what was one pattern (below) into three, for speed."""
    import re

    from analysis_utils.text.line_rules import _is_byline

    one = re.compile(
        r"^(?:by|written by|reported by|words by)\s+\S"
        r"|^(?:reporter|correspondent|staff writer|editor)s?\s*[:=]?\s*[A-Z\uac00-\ud7a3]"
        r"|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b"
        r"|\b(?:reporter|correspondent|staff writer)$",
        re.IGNORECASE,
    )
    assert _is_byline(s) == bool(one.search(s))


# --- the deck and the headings of the article ------------------------------------------------

def test_the_deck_is_a_few_lines_and_the_list_under_it_is_the_articles_text():
    from analysis_utils.text.segments import DECK_LINES

    items = ["Ingredients", "Two hundred grams of sugar", "Three fresh eggs", "One lemon",
             "A pinch of salt", "Fifty grams of soft butter"]
    method = ("Whisk the eggs with the sugar until the mixture is pale, then add the juice "
              "and the grated zest of the lemon and fold in the butter.")
    text = NAV + "\n\nLemon cake for a rainy Sunday afternoon\n\n" + "\n".join(items) + "\n\n" + page(method, *PARAS)
    rows = [r for r in segment_rows(text, title="Lemon cake for a rainy Sunday afternoon") if r[0] != "blank"]
    kinds = {text[r[1]:r[2]]: r[0] for r in rows}
    assert kinds["Lemon cake for a rainy Sunday afternoon"] == "headline"
    decks = [r for r in rows if r[0] == "subheadline"]
    assert len(decks) <= DECK_LINES
    after_deck = items[DECK_LINES:]
    assert all(kinds[x] in ("body", "boilerplate") for x in after_deck)
    assert sum(kinds[x] == "body" for x in after_deck) >= 2  # kept lines under the deck are text
    assert kinds[method] == "body"


def test_a_crosshead_is_body_read_as_a_heading():
    from analysis_utils.text.document import Document

    text = page(NAV, "Council backs new harbour plan after long debate", PARAS[0], PARAS[1],
                "What Happens Next", PARAS[2], FOOTER)
    doc = Document(text)
    row = next(r for r in doc.segment_rows if text[r[1]:r[2]] == "What Happens Next")
    assert (row[0], row[5]) == ("body", "crosshead")
    heads = [text[p.start:p.end] for p in doc.blocks if p.headline]
    assert heads == ["Council backs new harbour plan after long debate", "What Happens Next"]
    assert doc.deck == []
