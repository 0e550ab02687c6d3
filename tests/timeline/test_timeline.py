"""The timeline surface: publication dates (given or inferred), the anchor an article's
dates use, gap-splitting of the time axis, the chart's lanes, the charts themselves, and
notebook 03 on an article with other dates and no treaty."""
from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from analysis_utils import load_article
from analysis_utils.timeline import (
    PublicationDate,
    events,
    find_timexes_in_article,
    publication_date,
    timeline_table,
    treaty_comparison,
)
from analysis_utils.charts.timeline import (
    LANE_COLUMNS,
    gap_label,
    split_panels,
    timeline_chart,
    timeline_lanes,
    treaty_table_figure,
)

from conftest import FIXTURES, SEED

WIRE = FIXTURES / "articles" / "wire_story.txt"


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    import matplotlib.pyplot as plt

    plt.close("all")


# --------------------------------------------------------------------------- publication date


def test_published_inferred_when_the_date_is_given():
    a = load_article(SEED)
    pd_ = a.published_inferred
    assert isinstance(pd_, PublicationDate)
    assert (pd_.date, pd_.inferred, pd_.source) == (date(2024, 6, 17), False, "published")


def test_published_inferred_from_the_text():
    a = load_article(WIRE)
    assert a.published is None
    pd_ = a.published_inferred
    assert (pd_.date, pd_.inferred, pd_.source) == (date(2024, 3, 5), True, "inferred")
    assert "Published: 2024-03-05" in pd_.evidence
    assert a.published_inferred is pd_  # cached


def test_published_inferred_unknown():
    a = load_article("A cat sat on the mat on the 5th.")
    pd_ = publication_date(a)
    assert pd_.date is None and not pd_.inferred and pd_.source == "none" and pd_.evidence
    tx = find_timexes_in_article(a)
    assert tx.attrs == {"anchor": None, "anchor_source": "none"}
    assert tx.iloc[0]["value"] == "XXXX-XX-05"
    assert events(a).empty  # no calendar interval without an anchor


def test_article_timexes_record_their_anchor():
    seed = load_article(SEED)
    assert find_timexes_in_article(seed).attrs == {"anchor": "2024-06-17", "anchor_source": "published"}
    assert find_timexes_in_article(seed, "2020-01-01").attrs["anchor_source"] == "argument"
    wire = find_timexes_in_article(load_article(WIRE))
    assert wire.attrs == {"anchor": "2024-03-05", "anchor_source": "inferred"}
    assert wire.set_index("text").loc["Tuesday", "value"] == "2024-03-05"


# --------------------------------------------------------------------------- panels


def test_split_panels_cuts_long_gaps():
    starts = ["1922-01-01", "1961-07-06", "1991-12-26", "2000-02-01", "2000-07-19", "2023-09-01", "2024-06-18"]
    ends = ["1991-12-31", "1961-07-06", "1991-12-26", "2000-02-29", "2000-07-20", "2023-09-30", "2024-06-19"]
    panels = split_panels(starts, ends, 5)
    assert [(a.year, b.year) for a, b in panels] == [(1922, 1991), (2000, 2000), (2023, 2024)]
    # without the era, the Soviet-era dates are far apart: each gets its own panel
    assert len(split_panels(starts[1:], ends[1:], 5)) == 4
    # a wider threshold joins them; a threshold of zero splits at any gap
    assert len(split_panels(starts, ends, 30)) == 1
    assert len(split_panels(["2024-01-01", "2024-01-03"], ["2024-01-01", "2024-01-03"], 0)) == 2


def test_split_panels_edge_cases():
    assert split_panels([], [], 5) == []
    assert split_panels([date(2024, 6, 18)], [date(2024, 6, 19)]) == [(date(2024, 6, 18), date(2024, 6, 19))]
    # order does not matter; an interval inside another stays in its panel
    assert split_panels(["2010-01-01", "1990-01-01"], ["2010-12-31", "2012-12-31"], 5) == [
        (date(1990, 1, 1), date(2012, 12, 31))]


@pytest.mark.parametrize("days, text", [(8418, "23 years"), (240, "8 months"), (12, "12 days"), (540, "18 months"), (560, "2 years")])
def test_gap_label(days, text):
    assert gap_label(days) == text


def test_lanes_group_mentions_of_one_interval():
    t = pd.DataFrame({
        "n": [1, 2, 3, 4],
        "date_start": ["2000-07-01", "2000-07-01", "2024-06-18", "2024-06-18"],
        "date_end": ["2000-07-31", "2000-07-31", "2024-06-18", "2024-06-18"],
        "label": ["a", "b", "c", "d"], "source": ["article", "article", "article", "reference"],
        "status": ["reported", "reported", "scheduled", None], "granularity": ["month", "month", "day", "day"],
    })
    lanes = timeline_lanes(t)
    assert list(lanes.columns) == LANE_COLUMNS
    assert lanes["numbers"].tolist() == ["1, 2", "3", "4"]
    assert lanes["label"].tolist() == ["a (+1)", "c", "d"]
    assert lanes["panel"].tolist() == [0, 1, 1]
    assert timeline_lanes(t.iloc[:0]).empty


# --------------------------------------------------------------------------- charts


def test_timeline_chart_on_the_seed():
    from matplotlib.figure import Figure

    seed = load_article(SEED)
    table = timeline_table(seed)
    fig = timeline_chart(table, now=seed.published, title="t", source="s")
    assert isinstance(fig, Figure)
    axes = [ax for ax in fig.axes if ax.get_title()]
    assert [ax.get_title() for ax in axes] == ["1922–1991", "2000", "2023–2024"]
    texts = [t.get_text() for ax in fig.axes for t in ax.texts]
    assert any("23 years" in t for t in texts) and any("published 2024-06-17" in t for t in texts)
    ticks = [t.get_text() for t in axes[0].get_yticklabels()]
    assert len(ticks) == len(timeline_lanes(table)) and ticks[0].startswith("1 · ")


@pytest.mark.parametrize("rows", [0, 1])
def test_timeline_chart_on_empty_and_one_event(rows):
    from matplotlib.figure import Figure

    t = timeline_table(load_article("Talks were held in March 2021.", published="2024-06-17"), include_reference=False)
    assert len(t) == 1
    fig = timeline_chart(t.iloc[:rows], now="2024-06-17", title="t", source="s")
    assert isinstance(fig, Figure)
    if rows == 0:
        assert any("No dated events" in x.get_text() for ax in fig.axes for x in ax.texts)


def test_timeline_chart_now_far_from_the_events():
    t = timeline_table(load_article("The empire fell in 1453.", published="2024-06-17"), include_reference=False)
    fig = timeline_chart(t, now=date(2024, 6, 17), title="t")
    assert not any("published" in x.get_text() for ax in fig.axes for x in ax.texts)


def test_treaty_table_figure_seed_and_empty():
    from matplotlib.figure import Figure

    cmp = treaty_comparison(load_article(SEED))
    assert isinstance(treaty_table_figure(cmp, source="s"), Figure)
    empty = treaty_comparison(load_article(WIRE))
    fig = treaty_table_figure(empty, source="s")
    assert any("no treaty" in x.get_text() for ax in fig.axes for x in ax.texts)


def test_charts_save_through_the_export_helper(tmp_path):
    from analysis_utils.charts.export import save_figure

    wire = load_article(WIRE)
    table = timeline_table(wire)
    paths = save_figure(timeline_chart(table, now=wire.published_inferred.date, title="t"), "tl", data=table,
                        out_dir=tmp_path)
    assert set(paths) == {"png", "svg", "pdf", "csv"}
    back = pd.read_csv(paths["csv"])
    assert back["n"].tolist() == list(range(1, len(table) + 1))


# --------------------------------------------------------------------------- notebook 03 on another article
