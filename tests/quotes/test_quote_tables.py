"""Quote tables, charts and notebook 04: analysis_utils.quotes.tables and quote_charts."""
from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis_utils import load_article
from analysis_utils.actors import find_mentions
from analysis_utils.quotes.tables import (
    QUOTE_TABLE_COLUMNS,
    SCARE_COLUMNS,
    count_words,
    highlight_paragraph,
    quote_table,
    quoted_about,
    scare_table,
    share_of_voice,
)
from analysis_utils.quotes import find_quotes, find_quotes_in_article
from analysis_utils.actors.registry import Registry

from conftest import SEED

HEAD = "A Headline For The Story\n\n"


def _registry() -> Registry:
    return Registry().extend([
        {"name": "Russia", "kind": "country", "demonyms": ["Russian"], "references": ["the Kremlin"]},
        {"name": "Ukraine", "kind": "country", "demonyms": ["Ukrainian"]},
        {"name": "Vladimir Volkov", "kind": "person", "country": "Russia", "aliases": ["Volkov"]},
        {"name": "Anna Berg", "kind": "person", "country": "Ukraine", "surname": "Berg"},
    ])


def _article(body: str):
    return load_article(HEAD + body)


def _quotes(body: str) -> pd.DataFrame:
    return find_quotes_in_article(_article(body), registry=_registry())


# --- words ---------------------------------------------------------------------------------------

def test_count_words():
    assert count_words("") == 0
    assert count_words("Kim Jong-un met U.S. envoys, didn't he?") == 7
    assert count_words("  -- ... ") == 0


# --- quote table ---------------------------------------------------------------------------------

def test_pieces_of_one_quotation_are_one_utterance():
    df = _quotes('Vladimir Volkov spoke to reporters in the capital on Monday morning.\n\n'
                 '"We are ready," Volkov said. "We have always been ready."')
    t = quote_table(df)
    assert list(t.columns) == QUOTE_TABLE_COLUMNS
    assert len(t) == 1
    row = t.iloc[0]
    assert row["kind"] == "direct" and row["pieces"] == 2 and row["speaker"] == "Vladimir Volkov"
    assert row["quote"] == "“We are ready,” … “We have always been ready.”"
    assert row["country"] == "Russia" and row["actor"] == "Vladimir Volkov" and row["cue"] == "said"
    assert row["words"] == row["direct_words"] == 8 and row["reported_words"] == 0
    assert row["quote_ids"].count(",") == 1


def test_partial_quotation_and_its_clause_are_one_utterance_counted_once():
    df = _quotes("Anna Berg announced on Monday that both sides had reached 'a lasting agreement on grain.'")
    t = quote_table(df)
    assert len(t) == 1
    row = t.iloc[0]
    assert row["kind"] == "partial" and row["speaker"] == "Anna Berg" and row["country"] == "Ukraine"
    assert row["quote"] == "both sides had reached 'a lasting agreement on grain.'"  # not repeated
    assert (row["direct_words"], row["reported_words"], row["words"]) == (5, 4, 9)


def test_scare_quotes_are_left_out_and_listed_apart():
    df = _quotes("The two countries signed a 'Friendship Treaty' in 2000 after long talks in the capital.")
    assert (df["kind"] == "scare").sum() == 1
    assert "Friendship Treaty" not in " ".join(quote_table(df)["quote"])
    assert (quote_table(df, include_scare=True)["kind"] == "scare").sum() == 1
    scares = scare_table(df)
    assert list(scares.columns) == SCARE_COLUMNS and list(scares["term"]) == ["Friendship Treaty"]


def test_empty_tables_keep_their_columns():
    empty = find_quotes("")
    assert list(quote_table(empty).columns) == QUOTE_TABLE_COLUMNS and len(quote_table(empty)) == 0
    assert list(scare_table(empty).columns) == SCARE_COLUMNS
    sov = share_of_voice(empty)
    assert len(sov) == 0 and list(sov.columns)[:2] == ["speaker", "utterances"]
    assert len(share_of_voice(empty, by="country")) == 0
    assert list(quoted_about(empty, pd.DataFrame()).columns) == ["speaker"]


# --- share of voice ----------------------------------------------------------------------------------

BODY = ('Vladimir Volkov spoke to reporters in the capital on Monday morning.\n\n'
        '"We will never accept this," Volkov said.\n\n'
        "Anna Berg announced on Monday that both sides had reached 'a lasting agreement on grain.'\n\n"
        'The talks would resume in May, officials said.\n\n'
        'The so-called \'charm offensive\' fooled nobody at the talks in the capital that week.')


def test_share_of_voice_by_speaker():
    df = _quotes(BODY)
    sov = share_of_voice(df)
    by = sov.set_index("speaker")
    assert by.loc["Vladimir Volkov", "direct_words"] == 5 and by.loc["Vladimir Volkov", "reported_words"] == 0
    assert by.loc["Anna Berg", "direct_words"] == 5 and by.loc["Anna Berg", "reported_words"] == 4
    assert by.loc["officials", "reported_words"] == 6
    assert "charm offensive" not in set(sov["speaker"])  # a scare quote is nobody's voice
    assert sov["words"].tolist() == sorted(sov["words"], reverse=True)
    assert sov["share"].sum() == pytest.approx(1.0)
    assert (sov["direct_share"] + sov["reported_share"]).sum() == pytest.approx(1.0)
    assert by.loc["Vladimir Volkov", "actor"] == "Vladimir Volkov" and by.loc["officials", "actor"] == ""
    assert by.loc["Anna Berg", "country"] == "Ukraine"


def test_share_of_voice_by_country_and_unattributed():
    df = _quotes(BODY + '\n\n"Nobody knows what comes next."')
    by = share_of_voice(df, by="country").set_index("country")
    assert by.loc["Russia", "words"] == 5 and by.loc["Ukraine", "words"] == 9
    assert "(no country)" in by.index
    sov = share_of_voice(df)
    assert "(unattributed)" in set(sov["speaker"])
    named = share_of_voice(df, include_unattributed=False)
    assert "(unattributed)" not in set(named["speaker"]) and named["share"].sum() == pytest.approx(1.0)
    with pytest.raises(ValueError):
        share_of_voice(df, by="outlet")


def test_headlines_are_not_voice():
    text = 'Minister: "We Will Never Give Up"\n\nThe minister spoke on Monday at length about the long war.'
    df = find_quotes(text)
    assert (df["kind"] == "headline").any()
    assert share_of_voice(df)["words"].sum() == 0


_alphabet = st.sampled_from(['"We won," ', "Lee said. ", "'a deal' ", "that ", "officials said ", "the ",
                             "plan ", "\n\n", "Park announced ", "“Yes,” ", "he added. ", ". "])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_alphabet, max_size=30).map("".join))
def test_voice_words_never_exceed_the_words_of_the_speech(text):
    df = find_quotes(text)
    sov = share_of_voice(df)
    speech = df[df["kind"].isin(("direct", "partial", "indirect"))]
    regions: list[list[int]] = []  # the union of the speech spans
    for a, b in sorted(zip(speech["start"], speech["end"])):
        if regions and a <= regions[-1][1]:
            regions[-1][1] = max(regions[-1][1], b)
        else:
            regions.append([a, b])
    union = sum(count_words(text[a:b]) for a, b in regions)
    assert int(sov["words"].sum()) <= union  # overlapping rows are counted once
    if len(sov) and sov["words"].sum():
        assert sov["share"].sum() == pytest.approx(1.0)


# --- who about whom ----------------------------------------------------------------------------------

def test_quoted_about_counts_mentions_inside_quotations_once():
    art = _article(BODY + '\n\n"Russia will not leave Ukraine alone," Volkov said, as Ukrainian envoys left.')
    df = find_quotes_in_article(art, registry=_registry())
    mentions = find_mentions(art, _registry())
    m = quoted_about(df, mentions).set_index("speaker")
    assert m.loc["Vladimir Volkov", "Russia"] == 1 and m.loc["Vladimir Volkov", "Ukraine"] == 1
    # "Ukrainian envoys" stands outside the quotation; Volkov's own name is not inside it
    assert "Vladimir Volkov" not in m.columns or m.loc["Vladimir Volkov", "Vladimir Volkov"] == 0
    assert list(m.columns) == sorted(m.columns, key=lambda c: -m[c].sum())  # actors by total
    assert all(str(t) == "int64" for t in m.dtypes)


def test_quoted_about_partial_and_clause_count_once():
    art = _article("Anna Berg announced on Monday that Russia had reached 'a deal with Russia on grain.'")
    df = find_quotes_in_article(art, registry=_registry())
    m = quoted_about(df, find_mentions(art, _registry())).set_index("speaker")
    assert m.loc["Anna Berg", "Russia"] == 2  # two mentions, each counted once although the spans overlap


def test_quoted_about_unattributed_and_vias():
    art = _article('Talks went on all week in the capital with many delegations.\n\n"Russia must leave."')
    df = find_quotes_in_article(art, registry=_registry())
    mentions = find_mentions(art, _registry())
    assert len(quoted_about(df, mentions)) == 0
    assert quoted_about(df, mentions, include_unattributed=True)["speaker"].tolist() == ["(unattributed)"]
    assert len(quoted_about(df, mentions, include_unattributed=True, vias=["demonym"])) == 0


# --- highlighting ---------------------------------------------------------------------------------------

def test_highlight_paragraph_marks_quote_speaker_and_cue_and_escapes():
    art = _article('The first paragraph is about something else & more <b>tags</b>.\n\n'
                   'Vladimir Volkov spoke on Monday. "We want <peace> & quiet," Volkov said.\n\n'
                   'A last paragraph follows here.')
    df = find_quotes_in_article(art, registry=_registry())
    row = df[df["kind"] == "direct"].iloc[0]
    out = highlight_paragraph(art, row)
    assert 'class="q-quote"' in out and 'class="q-speaker"' in out and 'class="q-cue"' in out
    assert "&lt;peace&gt; &amp; quiet," in out and "<peace>" not in out
    assert "first paragraph" not in out and "last paragraph" not in out
    assert ">Volkov</mark>" in out and ">said</mark>" in out
    assert "q-legend" in out and "Vladimir Volkov" in out


def test_highlight_shows_the_paragraph_that_named_the_speaker_and_all_pieces():
    art = _article('Anna Berg, the envoy, spoke at length to reporters on Monday:\n\n'
                   '"We will not sign this agreement. We never will."\n\n'
                   'Another paragraph that is not about the quotation at all follows.')
    t = quote_table(find_quotes_in_article(art, registry=_registry()))
    row = t[t["speaker"] == "Anna Berg"].iloc[0]
    out = highlight_paragraph(art, row)
    assert "spoke at length" in out and "We never will." in out and "Another paragraph" not in out
    two = _quotes('Vladimir Volkov spoke to reporters in the capital on Monday morning.\n\n'
                  '"We are ready," Volkov said. "We have always been ready."')
    utter = quote_table(two).iloc[0]
    html = highlight_paragraph(_article('Vladimir Volkov spoke to reporters in the capital on Monday morning.\n\n'
                                        '"We are ready," Volkov said. "We have always been ready."'), utter)
    assert html.split('class="q-text"')[1].count('class="q-quote"') == 2


def test_highlight_reported_clause_and_quoted_words():
    art = _article("Anna Berg announced on Monday that both sides had reached 'a lasting agreement on grain.'")
    row = quote_table(find_quotes_in_article(art, registry=_registry())).iloc[0]
    out = highlight_paragraph(art, row)
    assert 'class="q-reported"' in out and 'class="q-quote q-reported"' in out


# --- charts ------------------------------------------------------------------------------------------------

def _texts(fig) -> str:
    return " ".join(t.get_text() for t in fig.findobj(lambda o: hasattr(o, "get_text")))


def test_share_of_voice_chart():
    import matplotlib.pyplot as plt

    from analysis_utils.charts import actor_colour
    from analysis_utils.charts.quotes import NEUTRAL, share_of_voice_chart

    sov = share_of_voice(_quotes(BODY))
    fig = share_of_voice_chart(sov, title="Who gets a voice", source="Source: test")
    ax = fig.axes[0]
    assert ax.get_title(loc="left").startswith("Who gets a voice")
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[0] == sov["speaker"].iloc[0]
    bars = ax.patches
    colours = {lab: bars[i].get_facecolor() for i, lab in enumerate(labels)}
    from matplotlib.colors import to_rgba

    assert colours["Vladimir Volkov"] == to_rgba(actor_colour("Vladimir Volkov"))
    assert colours["officials"] == to_rgba(NEUTRAL)
    assert "Source: test" in _texts(fig)
    plt.close(fig)
    fig = share_of_voice_chart(share_of_voice(_quotes(BODY), by="country"), title="Countries")
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()][0] in ("Ukraine", "(no country)", "Russia")
    plt.close(fig)


def test_charts_on_empty_tables_say_so():
    import matplotlib.pyplot as plt

    from analysis_utils.charts.quotes import share_of_voice_chart, who_about_whom_chart

    empty = find_quotes("Nothing is quoted in this text at all.")
    for fig in (share_of_voice_chart(share_of_voice(empty), title="x"),
                who_about_whom_chart(quoted_about(empty, pd.DataFrame()), title="y")):
        assert "No quotations found" in _texts(fig)
        plt.close(fig)
    no_actor = pd.DataFrame({"speaker": pd.Series(["officials"], dtype="string")})
    fig = who_about_whom_chart(no_actor, title="z")
    assert "No actor named inside the quotations" in _texts(fig)
    plt.close(fig)


def test_who_about_whom_chart_annotates_counts():
    import matplotlib.pyplot as plt

    from analysis_utils.charts.quotes import who_about_whom_chart

    matrix = pd.DataFrame({"speaker": pd.Series(["A", "B"], dtype="string"), "Russia": [3, 0], "Ukraine": [1, 2]})
    fig = who_about_whom_chart(matrix, title="Who is quoted about whom", source="Source: test")
    ax = fig.axes[0]
    cells = sorted(t.get_text() for t in ax.texts)
    assert cells == ["1", "2", "3"]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["Russia", "Ukraine"]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["A", "B"]
    plt.close(fig)


# --- the seed ----------------------------------------------------------------------------------------------

def test_seed_tables():
    art = load_article(SEED)
    q = find_quotes_in_article(art)
    t = quote_table(q)
    assert set(t["kind"]) <= {"direct", "partial", "indirect", "headline"}
    joh = t[t["speaker"] == "Joh Han-beom"]
    assert len(joh) == 2 and set(joh["country"]) == {"South Korea"}
    sov = share_of_voice(q, by="country").set_index("country")
    assert sov.loc["South Korea", "words"] > sov.loc["Russia", "words"] > 0
    assert len(scare_table(q)) >= 9
