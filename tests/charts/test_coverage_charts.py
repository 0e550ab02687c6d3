"""The corpus charts of notebook 05 (analysis_utils.charts.coverage): drawn from the fixture
corpus's tables, one colour per outlet in every chart, and a message instead of a crash on
empty tables."""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402
from matplotlib.colors import to_hex  # noqa: E402

from analysis_utils.charts.coverage import (  # noqa: E402
    UNKNOWN_COLOUR,
    articles_per_day_chart,
    combined_timeline_chart,
    outlet_colours,
    quoted_about_chart,
    sentiment_by_outlet_chart,
    voice_by_outlet_chart,
)
from analysis_utils.charts.export import save_figure  # noqa: E402
from analysis_utils.corpus.compare import (  # noqa: E402
    articles_per_outlet_day,
    combined_timeline,
    quoted_about,
    sentiment_by_outlet,
    share_of_voice,
)


@pytest.fixture(scope="module")
def tables(fixture_corpus):
    return fixture_corpus[1]


def _texts(fig) -> list[str]:
    return [t.get_text() for ax in fig.axes for t in ax.texts]


def test_outlet_colours_are_stable_and_distinct():
    a = outlet_colours(["valley-post", "Metro Wire", "harbour-herald", "(unknown outlet)"])
    b = outlet_colours(["harbour-herald", "valley-post", "Metro Wire"])
    assert a["Metro Wire"] == b["Metro Wire"] and len({a[o] for o in ("valley-post", "Metro Wire",
                                                                     "harbour-herald")}) == 3
    assert a["(unknown outlet)"] == UNKNOWN_COLOUR


def test_articles_per_day_chart_colours_each_outlet_as_everywhere(tables, tmp_path):
    a = tables["articles"]
    colours = outlet_colours(a["outlet"])
    table = articles_per_outlet_day(a)
    fig = articles_per_day_chart(table, title="t", source="Source: x", colours=colours)
    left, right = fig.axes[:2]
    labels = [t.get_text() for t in left.get_yticklabels()]
    bars = {label: to_hex(p.get_facecolor()) for label, p in zip(labels, left.patches)}
    assert bars == {o: colours[o].lower() for o in ("Metro Wire", "harbour-herald", "valley-post")}
    assert sum(p.get_height() for p in right.patches) == len(a)  # every article stacked once
    saved = save_figure(fig, "05_articles_per_outlet_day", data=table, out_dir=tmp_path, formats=("png", "svg"),
                        close=True)
    assert saved["csv"].read_text().startswith("outlet,date,articles,words,article_ids")


def test_sentiment_chart_hollow_dot_for_a_single_article(tables):
    s = sentiment_by_outlet(tables["actor_sentiment"], tables["articles"])
    fig = sentiment_by_outlet_chart(s, title="t", source="Source: x", colours=outlet_colours(s["outlet"]))
    ax = fig.axes[0]
    hollow = [c for c in ax.collections if len(c.get_offsets()) and len(c.get_facecolor())
              and to_hex(c.get_facecolor()[0]) == "#ffffff"]
    assert sum(len(c.get_offsets()) for c in hollow) == int((s["articles"] == 1).sum())
    assert sum(1 for t in _texts(fig) if t.startswith("n=")) == len(s)
    assert [t.get_text() for t in ax.get_yticklabels()][0] == "France"  # most mentioned first
    plt.close(fig)


def test_voice_quoted_about_and_timeline_charts_draw(tables):
    q, a = tables["quotes"], tables["articles"]
    fig = voice_by_outlet_chart(share_of_voice(q, a, by="outlet"), title="t", source="Source: x")
    assert any("%" in t for t in _texts(fig))
    plt.close(fig)
    fig = quoted_about_chart(quoted_about(q, tables["mentions"], a), title="t", source="Source: x")
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()][0] == "Lena Marsh"
    plt.close(fig)
    timeline = combined_timeline(tables["events"], a)
    fig = combined_timeline_chart(timeline, title="t", source="Source: x", published=a["published"])
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == ["harbour-herald", "Metro Wire", "valley-post"]
    assert sum(len(c.get_offsets()) for ax in fig.axes for c in ax.collections) == \
        len(timeline.drop_duplicates(["outlet", "date_start", "date_end"]))
    plt.close(fig)


def test_empty_tables_give_a_message_not_a_crash(tables):
    a = tables["articles"]
    none = tables["quotes"].iloc[0:0]
    figs = [
        articles_per_day_chart(articles_per_outlet_day(a.iloc[0:0]), title="t"),
        voice_by_outlet_chart(share_of_voice(none, a, by="outlet"), title="t"),
        sentiment_by_outlet_chart(sentiment_by_outlet(tables["actor_sentiment"].iloc[0:0], a), title="t"),
        quoted_about_chart(quoted_about(none, tables["mentions"], a), title="t"),
        combined_timeline_chart(combined_timeline(tables["events"].iloc[0:0], a), title="t"),
    ]
    for fig in figs:
        assert any(t.startswith("No ") for t in _texts(fig)), _texts(fig)
        plt.close(fig)
