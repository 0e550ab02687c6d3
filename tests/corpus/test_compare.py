"""analysis_utils.corpus.compare: the tables of notebook 05, on the fixture corpus (six short
articles of our own writing, tests/fixtures/corpus/) whose quotations, speakers and actors
were counted by hand, and on PolNeAR dev when ../shared is present."""
from __future__ import annotations

import math
import shutil
from pathlib import Path

import pandas as pd
import pytest

from analysis_utils import load_article
from analysis_utils.corpus.compare import (
    NO_DATE,
    UNATTRIBUTED,
    UNKNOWN_OUTLET,
    articles_per_outlet_day,
    combined_timeline,
    corpus_articles,
    corpus_utterances,
    corpus_slug,
    corpus_source_line,
    is_corpus_output,
    mean_interval,
    open_corpus,
    outlet_overview,
    quoted_about,
    read_corpus,
    sentiment_by_outlet,
    share_of_voice,
    t_quantile,
)
from analysis_utils.corpus.explore import speaker_options, speaker_view_html
from analysis_utils.text.metadata import name_metadata
from conftest import CORPUS_FIXTURE, FIXTURES, POLNEAR_DEV

HH06 = "harbour-herald_2023-03-06_fishing-talks-open.txt"
HH07 = "harbour-herald_2023-03-07_talks-stall.txt"
VP06 = "valley-post_2023-03-06_quota-row.txt"
VP09 = "valley-post_2023-03-09_deal-reached.txt"
MW07 = "metro-wire-0307.txt"  # outlet and date from its sidecar
MW09 = "metro-wire-0309.txt"


@pytest.fixture(scope="module")
def corpus(fixture_corpus):
    run, tables = fixture_corpus
    ids = {Path(p).name: a for p, a in zip(tables["articles"]["path"], tables["articles"]["article_id"])}
    return run, tables, ids


# --- outlet and date: metadata, sidecar, file name ---------------------------------------------

def test_file_name_rule_gives_outlet_and_date():
    assert name_metadata("x/breitbart_2016-09-12_stealth-over-health-hillary-clin.txt") == \
        {"outlet": "breitbart", "published": pd.Timestamp("2016-09-12").date()}
    assert name_metadata("nyt_2016-09-12.txt")["outlet"] == "nyt"
    for name in ("2024-06-17_asia-business-daily_putin.txt", "nyt_2016-13-45_bad-date.txt", "with_sidecar.txt",
                 "nyt-2016-09-12-no-underscores.txt", None, ""):
        assert name_metadata(name) == {}, name


def test_a_sidecar_wins_over_the_file_name(tmp_path):
    f = tmp_path / "harbour-herald_2023-03-06_x.txt"
    shutil.copy(CORPUS_FIXTURE / HH06, f)
    plain = load_article(f)
    assert (plain.meta["outlet"], str(plain.published), plain.meta["published_source"]) == \
        ("harbour-herald", "2023-03-06", "file name")
    (tmp_path / "harbour-herald_2023-03-06_x.meta.yml").write_text("outlet: Other Paper\npublished: 2020-01-02\n")
    side = load_article(f)
    assert (side.meta["outlet"], str(side.published), side.meta["published_source"]) == \
        ("Other Paper", "2020-01-02", "sidecar")


def test_corpus_articles_have_outlets_and_dates(corpus):
    _, tables, ids = corpus
    a = tables["articles"].set_index("article_id")
    assert a.loc[ids[HH06], ["outlet", "published", "date"]].tolist() == ["harbour-herald", "2023-03-06", "2023-03-06"]
    assert a.loc[ids[MW07], ["outlet", "published"]].tolist() == ["Metro Wire", "2023-03-07"]  # the sidecar
    assert a["outlet"].value_counts().to_dict() == {"harbour-herald": 2, "valley-post": 2, "Metro Wire": 2}


def test_an_older_corpus_without_outlets_gets_them_from_the_file_name():
    old = pd.DataFrame({"article_id": ["a", "b"], "path": ["/x/nyt_2016-09-12_t.txt", "/x/notes.txt"],
                        "outlet": ["", ""], "published": ["", ""], "headline": ["h", "h"], "words": [10, 20],
                        "status": ["ok", "ok"]})
    got = corpus_articles(old)
    assert got["outlet"].tolist() == ["nyt", UNKNOWN_OUTLET]
    assert got["date"].tolist() == ["2016-09-12", NO_DATE] and got["published"].tolist() == ["2016-09-12", ""]


# --- opening a corpus ------------------------------------------------------------------------

def test_open_corpus_analyses_a_folder_then_reuses_it(corpus, tmp_path):
    run, tables, _ = corpus
    assert is_corpus_output(run.tables) and not is_corpus_output(CORPUS_FIXTURE)
    assert run.summary.done == 6 and run.summary.failed == 0
    again = open_corpus(CORPUS_FIXTURE, run.out_dir, scheduler="sync")  # resumes: nothing left to do
    assert (again.summary.done, again.summary.skipped) == (0, 6)
    given = open_corpus(run.tables, tmp_path / "figures-here")  # an existing corpus output is read as it is
    assert given.summary is None and given.tables == run.tables and given.out_dir == tmp_path / "figures-here"
    assert len(read_corpus(given.tables)["articles"]) == 6
    assert corpus_slug(CORPUS_FIXTURE) == "corpus-corpus" and run.label == "fixtures/corpus"


def test_source_line_and_overview(corpus):
    _, tables, ids = corpus
    a = tables["articles"]
    assert corpus_source_line(a, "fixtures/corpus") == \
        "Source: 6 articles from 3 outlets, 2023-03-06 to 2023-03-09 (fixtures/corpus)"
    o = outlet_overview(a).set_index("outlet")
    assert o.loc["Metro Wire", ["articles", "failed", "first_date", "last_date"]].tolist() == \
        [2, 0, "2023-03-07", "2023-03-09"]
    assert set(o.loc["Metro Wire", "article_ids"].split(",")) == {ids[MW07], ids[MW09]}


# --- articles per outlet and day -------------------------------------------------------------

def test_articles_per_outlet_and_day_counted_by_hand(corpus):
    _, tables, ids = corpus
    t = articles_per_outlet_day(tables["articles"])
    got = {(r.outlet, r.date): (r.articles, r.article_ids) for r in t.itertuples()}
    assert got == {
        ("harbour-herald", "2023-03-06"): (1, ids[HH06]), ("valley-post", "2023-03-06"): (1, ids[VP06]),
        ("Metro Wire", "2023-03-07"): (1, ids[MW07]), ("harbour-herald", "2023-03-07"): (1, ids[HH07]),
        ("Metro Wire", "2023-03-09"): (1, ids[MW09]), ("valley-post", "2023-03-09"): (1, ids[VP09]),
    }
    assert t["date"].tolist() == sorted(t["date"])  # by day
    words = tables["articles"].set_index("article_id")["words"]
    assert int(t.loc[t.article_ids == ids[HH06], "words"].iloc[0]) == int(words[ids[HH06]])


# --- share of voice --------------------------------------------------------------------------

# Counted by hand in the fixture texts (a quotation, or a reported statement with its cue):
# Lena Marsh: HH06 2 ("Japan has made ...", "Marsh added that the talks would last three days"),
#   HH07 1, VP06 1, VP09 1, MW07 1; Piet Vos: HH07 2 ("The proposal ...", "Vos said his members
#   ..."), VP06 1, MW07 1, MW09 1; Tomas Adler: HH06, VP09, MW09; "officials" (HH07) and
#   "traders" (VP06) one reported statement each; one quotation without a speaker (VP06: "We are
#   tired of waiting ...", "was the phrase heard most often"). "Negotiators reached a deal" is
#   no speech and not counted.
HAND = {"Lena Marsh": (6, 5, 3), "Piet Vos": (5, 4, 3), "Tomas Adler": (3, 3, 3), "officials": (1, 1, 1),
        "traders": (1, 1, 1), UNATTRIBUTED: (1, 1, 1)}


def test_share_of_voice_by_speaker_equals_the_quotations_counted_by_hand(corpus):
    _, tables, ids = corpus
    v = share_of_voice(tables["quotes"], tables["articles"], by="speaker")
    got = {r.speaker: (r.utterances, r.articles, r.outlets) for r in v.itertuples()}
    assert got == HAND
    adler = v.set_index("speaker").loc["Tomas Adler"]
    # "France is acting recklessly and is putting the whole fleet at risk" 12, "The deal is a fair
    # compromise, and Germany deserves credit for it" 12, "Japan showed great flexibility, and the
    # result is excellent" 9
    assert (adler.direct_words, adler.reported_words, adler.words) == (33, 0, 33)
    assert set(adler.article_ids.split(",")) == {ids[HH06], ids[VP09], ids[MW09]}
    assert v["share"].sum() == pytest.approx(1.0) and v["words"].tolist() == sorted(v["words"], reverse=True)


def same_utterances_as_quote_table(quotes, utterances) -> int:
    """Every article's utterances counted as notebook 04 counts them (quote_table, the
    reference), checked against the corpus's fast count; returns how many were compared."""
    from analysis_utils.quotes.tables import quote_table

    keep = quotes["kind"].isin(["direct", "partial", "indirect"]) & quotes["speech"].fillna(True).astype(bool)
    n = 0
    for aid, g in quotes[keep].groupby("article_id"):
        ref = quote_table(g.drop(columns=["article_id"])).sort_values("attribution")
        mine = utterances[utterances.article_id == aid].sort_values("attribution")
        assert list(zip(mine.attribution, mine.speaker, mine.direct_words, mine.reported_words)) == list(zip(
            ref.attribution, ref.speaker.fillna("").replace("", UNATTRIBUTED), ref.direct_words, ref.reported_words)), aid
        n += len(ref)
    return n


def test_corpus_utterances_count_as_notebook_04_does(corpus):
    _, tables, ids = corpus
    u = corpus_utterances(tables["quotes"], tables["articles"])
    assert same_utterances_as_quote_table(tables["quotes"], u) == len(u) == sum(n for n, _, _ in HAND.values())
    row = u[(u.article_id == ids[HH07]) & (u.speaker == "Piet Vos")]
    assert sorted(row["words"]) == [9, 11]  # "The proposal from France is unfair to small boats" / his members ...
    assert set(u["outlet"]) == {"harbour-herald", "valley-post", "Metro Wire"}


def test_share_of_voice_by_outlet(corpus):
    _, tables, ids = corpus
    v = share_of_voice(tables["quotes"], tables["articles"], by="outlet")
    mw = v[v.outlet == "Metro Wire"].set_index("speaker")
    assert mw["utterances"].to_dict() == {"Piet Vos": 2, "Lena Marsh": 1, "Tomas Adler": 1}
    assert mw.loc["Piet Vos", "article_ids"] == ",".join(sorted([ids[MW07], ids[MW09]]))
    for _, g in v.groupby("outlet"):
        assert g["share"].sum() == pytest.approx(1.0)  # shares of each outlet's words
    assert v.groupby("speaker")["utterances"].sum().to_dict() == {k: n for k, (n, _, _) in HAND.items()}


def test_share_of_voice_of_no_quotations_is_an_empty_table(corpus):
    _, tables, _ = corpus
    for by in ("speaker", "outlet"):
        empty = share_of_voice(tables["quotes"].iloc[0:0], tables["articles"], by=by)
        assert empty.empty and "article_ids" in empty.columns
    with pytest.raises(ValueError):
        share_of_voice(tables["quotes"], tables["articles"], by="country")


# --- sentiment by outlet ---------------------------------------------------------------------

def test_t_quantiles_and_intervals():
    for df, t in ((1, 12.7062), (2, 4.3027), (3, 3.1824), (4, 2.7764), (10, 2.2281), (30, 2.0423)):
        assert t_quantile(0.975, df) == pytest.approx(t, abs=1e-4)
    assert t_quantile(0.995, 7) == pytest.approx(3.4995, abs=1e-4)
    assert t_quantile(0.975, 5000) == pytest.approx(1.96, abs=1e-3)
    mean, sd, lo, hi = mean_interval([0.2, 0.4, 0.9])
    assert mean == pytest.approx(0.5) and lo < mean < hi and hi - mean == pytest.approx(mean - lo)
    assert hi - mean == pytest.approx(4.3027 * sd / math.sqrt(3), rel=1e-4)
    one = mean_interval([0.3])
    assert one[0] == 0.3 and all(math.isnan(v) for v in one[1:])


def test_sentiment_by_outlet_averages_articles_with_an_interval(corpus):
    _, tables, ids = corpus
    s = sentiment_by_outlet(tables["actor_sentiment"], tables["articles"])
    cell = s[(s.outlet == "Metro Wire") & (s.actor == "France")].iloc[0]
    # by hand from the per-article rows: each article's mentions-weighted mean over narrator and quoted
    a = tables["actor_sentiment"]
    per_article = []
    for aid in (ids[MW07], ids[MW09]):
        rows = a[(a.article_id == aid) & (a.actor == "France") & a.voice.isin(["narrator", "quoted"])]
        per_article.append((rows["mean"] * rows["mentions"]).sum() / rows["mentions"].sum())
    assert cell.articles == 2 and cell["mean"] == pytest.approx(sum(per_article) / 2)
    assert cell.ci_low < cell["mean"] < cell.ci_high
    assert cell.ci_high - cell["mean"] == pytest.approx(12.7062 * pd.Series(per_article).std() / math.sqrt(2), rel=1e-4)
    assert set(cell.article_ids.split(",")) == {ids[MW07], ids[MW09]}
    single = s[s.articles == 1]
    assert len(single) and single[["sd", "ci_low", "ci_high"]].isna().all().all()  # n < 2: no interval
    assert (s[s.articles >= 2]["ci_low"] <= s[s.articles >= 2]["mean"]).all()
    assert not (s.actor == "Lena Marsh").any()  # speakers unknown to the registry are not actors


# --- who is quoted about whom ----------------------------------------------------------------

def test_quoted_about_finds_the_actor_inside_a_specific_quotation(corpus):
    _, tables, ids = corpus
    about = quoted_about(tables["quotes"], tables["mentions"], tables["articles"])
    pair = about[(about.speaker == "Tomas Adler") & (about.actor == "France")].iloc[0]
    assert (pair.mentions, pair.utterances, pair.article_ids, pair.outlets) == (1, 1, ids[HH06], "harbour-herald")
    q = tables["quotes"]
    quote = q[(q.article_id == ids[HH06]) & (q.speaker == "Tomas Adler")].iloc[0]
    assert str(quote.text).startswith("France is acting recklessly")
    marsh = about[about.speaker == "Lena Marsh"].set_index("actor")["mentions"].to_dict()
    assert marsh == {"France": 2, "Japan": 2, "Germany": 1}  # VP06+VP09, HH06+VP09, HH07
    unattributed = about[about.speaker == UNATTRIBUTED]
    assert set(unattributed["actor"]) == {"France", "Japan"} and set(unattributed["article_ids"]) == {ids[VP06]}
    assert "European Union" not in set(about["actor"])  # named in HH06, but outside every quotation
    assert "(unattributed)" not in set(quoted_about(tables["quotes"], tables["mentions"],
                                                    include_unattributed=False)["speaker"])


def test_quoted_about_counts_a_mention_once_per_utterance_and_leaves_out_self_mentions():
    quotes = pd.DataFrame({
        "article_id": ["a", "a", "a", "b"], "kind": ["indirect", "partial", "direct", "direct"],
        "start": [10, 20, 100, 0], "end": [60, 40, 150, 30], "attribution": [0, 0, 1, 0],
        "speaker": ["Ann Lee", "Ann Lee", "", "Japan's envoy"], "speaker_actor": ["", "", "", "Japan"],
    })
    mentions = pd.DataFrame({
        "article_id": ["a", "a", "a", "b", "b"], "actor": ["France", "Japan", "Japan", "Japan", "China"],
        "start": [25, 55, 120, 5, 25], "end": [31, 65, 125, 10, 35], "via": ["name"] * 5,
    })
    about = quoted_about(quotes, mentions)
    got = {(r.speaker, r.actor): r.mentions for r in about.itertuples()}
    # France (25-31) lies in the clause and in the partial quotation of one utterance: once; Japan
    # 55-65 runs past the clause's end; China 25-35 runs past the quotation in article b
    assert got == {("Ann Lee", "France"): 1, (UNATTRIBUTED, "Japan"): 1}
    with_self = quoted_about(quotes, mentions, include_self=True)
    assert ("Japan", "Japan") in {(r.speaker, r.actor) for r in with_self.itertuples()}
    assert quoted_about(quotes.iloc[0:0], mentions).empty and quoted_about(quotes, mentions.iloc[0:0]).empty


# --- combined timeline -----------------------------------------------------------------------

def test_combined_timeline_by_date_with_outlet_and_article(corpus):
    _, tables, ids = corpus
    t = combined_timeline(tables["events"], tables["articles"])
    assert len(t) == len(tables["events"]) and t["date_start"].tolist() == sorted(t["date_start"])
    outlet = tables["articles"].set_index("article_id")["outlet"]
    assert (t["outlet"] == t["article_id"].map(outlet)).all()
    march = t[t.timex == "March 2019"].iloc[0]
    assert (march.article_id, march.outlet, march.date_start) == (ids[HH06], "harbour-herald", "2019-03-01")
    # "on Monday" in HH06 is resolved against the date its file name gives
    monday = t[(t.article_id == ids[HH06]) & (t.timex == "Monday")]
    assert set(monday["date_start"]) == {"2023-03-06"} and set(t["outlet"]) == {"harbour-herald", "valley-post",
                                                                                "Metro Wire"}


# --- the explorer's views --------------------------------------------------------------------

def test_speaker_explorer_views(corpus):
    _, tables, ids = corpus
    q, m, a = tables["quotes"], tables["mentions"], tables["articles"]
    options = speaker_options(q, a)
    assert options[0] == ("Lena Marsh — 6 quotations in 3 outlets", "Lena Marsh")
    view = speaker_view_html(q, m, a, "Tomas Adler")
    assert "France</mark> is acting recklessly" in view and "harbour-herald" in view and ids[HH06] in view
    assert view.index("2023-03-06") < view.index("2023-03-09")  # by date
    assert '<mark class="au-hl au-hl-speaker"' in view
    evil = q.iloc[:1].assign(text="<script>alert(1)</script>", speaker="<b>x</b>", speaker_actor="")
    html = speaker_view_html(evil, None, a, "<b>x</b>")
    assert "<script>" not in html and "&lt;script&gt;" in html and "&lt;b&gt;x&lt;/b&gt;" in html


# --- PolNeAR dev: 84 real articles from 7 outlets -------------------------------------------

@pytest.mark.skipif(not POLNEAR_DEV.is_dir(), reason=f"needs {POLNEAR_DEV}")
def test_polnear_dev_seven_outlets_and_charts(tmp_path):
    import matplotlib

    matplotlib.use("Agg")
    from analysis_utils.charts.coverage import (
        articles_per_day_chart, combined_timeline_chart, outlet_colours, quoted_about_chart,
        sentiment_by_outlet_chart, voice_by_outlet_chart,
    )
    from analysis_utils.charts.export import save_figure
    from analysis_utils.charts.quotes import share_of_voice_chart

    run = open_corpus(POLNEAR_DEV, tmp_path, scheduler="sync")
    assert run.summary.done == 84 and run.summary.failed == 0
    t = read_corpus(run.tables)
    a = t["articles"]
    assert a["outlet"].value_counts().to_dict() == {o: 12 for o in (
        "breitbart", "huff-post", "nyt", "politico", "usa-today", "wash-post", "west-journal")}
    assert (a["published"].str.match(r"^20\d\d-\d\d-\d\d$")).all()
    per_day = articles_per_outlet_day(a)
    voice = share_of_voice(t["quotes"], a)
    by_outlet = share_of_voice(t["quotes"], a, by="outlet")
    sentiment = sentiment_by_outlet(t["actor_sentiment"], a)
    about = quoted_about(t["quotes"], t["mentions"], a)
    timeline = combined_timeline(t["events"], a)
    assert int(per_day["articles"].sum()) == 84 and by_outlet["outlet"].nunique() == 7
    assert voice["utterances"].sum() == by_outlet["utterances"].sum() > 500
    assert same_utterances_as_quote_table(t["quotes"], corpus_utterances(t["quotes"], a)) == voice["utterances"].sum()
    assert (sentiment["articles"] >= 2).sum() >= 7 and sentiment["ci_low"].notna().any()
    assert {"Donald Trump", "Hillary Clinton"} & set(about["speaker"]) and timeline["outlet"].nunique() == 7
    colours = outlet_colours(a["outlet"])
    source = corpus_source_line(a, run.label)
    figs = {
        "articles": articles_per_day_chart(per_day, source=source, colours=colours),
        "voice": share_of_voice_chart(voice, title="t", source=source),
        "by-outlet": voice_by_outlet_chart(by_outlet, source=source),
        "sentiment": sentiment_by_outlet_chart(sentiment, source=source, colours=colours),
        "about": quoted_about_chart(about, source=source),
        "timeline": combined_timeline_chart(timeline, source=source, published=a["published"], colours=colours),
    }
    for name, fig in figs.items():
        texts = [x.get_text() for ax in fig.axes for x in ax.texts]
        assert not any(x.startswith("No ") for x in texts), name  # a chart, not a "nothing here" message
        assert any(ax.has_data() for ax in fig.axes), name
        saved = save_figure(fig, f"05_{name}", out_dir=tmp_path / "figures", formats=("png",), close=True)
        assert saved["png"].stat().st_size > 20_000, name
