"""The notebooks: stored clean, executed headless once per test session from a foreign
working directory (the ``seed_report`` fixture), and their calls hold on other articles.

Executing a notebook costs seconds (a kernel, imports, figures), so each notebook runs once
in the whole suite, in the report of the seed; the notebooks are thin (every cell calls
tested functions), and the last tests make the same calls on articles that put them
to the test: no actors, no quotations, other dates, no treaty.
"""
from __future__ import annotations

import json

import matplotlib
import nbformat
import pytest

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from analysis_utils import load_article  # noqa: E402

from conftest import FIXTURES, NOTEBOOKS  # noqa: E402

WIRE = FIXTURES / "articles" / "wire_story.txt"
NO_ACTORS = FIXTURES / "articles" / "hard_wrapped.md"


def test_there_are_notebooks():
    assert [p.name for p in NOTEBOOKS][:1] == ["01_load_and_segment.ipynb"]
    assert len(NOTEBOOKS) >= 4


@pytest.mark.parametrize("nb", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_is_stored_without_outputs_and_with_python3_kernel(nb):
    data = json.loads(nb.read_text(encoding="utf-8"))
    assert data["metadata"]["kernelspec"]["name"] == "python3"
    for cell in data["cells"]:
        if cell["cell_type"] == "code":
            assert not cell.get("outputs") and cell.get("execution_count") is None
    tagged = [c for c in data["cells"] if "parameters" in c.get("metadata", {}).get("tags", [])]
    assert len(tagged) == 1, "one papermill parameter cell"


@pytest.mark.parametrize("nb", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_executed_from_another_folder_shows_what_it_saves(seed_report, nb):
    folder, _ = seed_report
    executed = nbformat.read(str(folder / "notebooks" / nb.name), as_version=4)
    outputs = [(c, o) for c in executed.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert not [o for _, o in outputs if o.get("output_type") == "error"]
    figures = sorted((folder / "figures").glob(nb.name[:2] + "-*.png"))
    assert figures, "the notebook saves its charts through the export helper"
    shown = [o for _, o in outputs if "image/png" in o.get("data", {})]
    assert len(shown) >= len(figures), "every chart saved is also shown in the notebook"
    explorers = [o for c, o in outputs if "explorer" in c.metadata.get("tags", [])
                 and "application/vnd.jupyter.widget-view+json" in o.get("data", {})]
    assert explorers, "the notebook offers an ipywidgets explorer"


# --- the notebooks' calls on other articles --------------------------------------------------

def test_notebook_01_calls_on_another_article():
    from analysis_utils.article import article_summary
    from analysis_utils.charts import structure_chart
    from analysis_utils.report.explorer import segment_view_html
    from analysis_utils.text.segments import kind_summary, structure_table

    article = load_article(WIRE)
    summary = article_summary(article).set_index("field")["value"]
    assert summary["headline"].startswith("Drought Forces Rationing")
    table = structure_table(article.segments)
    fig = structure_chart(table, title="t")
    assert len(fig.axes) >= 1 and not kind_summary(article.segments).empty
    assert "Drought" in segment_view_html(article, "headline")
    plt.close("all")


def test_notebook_02_calls_on_an_article_without_actors():
    from analysis_utils.actors import discover_actors, find_mentions, roll_up
    from analysis_utils.charts.sentiment import actor_bars, actor_paragraph_heatmap, actor_paragraph_table, sentiment_arc
    from analysis_utils.report.explorer import actor_options
    from analysis_utils.sentiment.actors import paragraph_labels, sentence_tone, sentiment_evidence, summarise

    article = load_article(NO_ACTORS)
    mentions = find_mentions(article)
    assert mentions.empty
    discover_actors(article), roll_up(mentions)
    evidence = sentiment_evidence(article, mentions=mentions)
    summary = summarise(evidence)
    assert evidence.empty and summary.empty
    actor_bars(summary, title="t")
    table = actor_paragraph_table(evidence, list(dict.fromkeys(paragraph_labels(article))))
    actor_paragraph_heatmap(table, title="t", actors=[])
    sentiment_arc(sentence_tone(article), evidence, title="t", actors=[])
    assert actor_options(mentions) == []
    plt.close("all")


def test_notebook_03_calls_on_an_article_with_other_dates_and_no_treaty():
    from analysis_utils.charts.timeline import timeline_chart, timeline_lanes, treaty_table_figure
    from analysis_utils.report.explorer import date_options
    from analysis_utils.timeline import events, timeline_table, treaty_comparison
    from analysis_utils.timeline.reference import treaty_evidence

    article = load_article(WIRE)
    pub = article.published_inferred
    assert pub.inferred and pub.date is not None  # the notebook warns about it
    ev = events(article, timexes=article.timexes, mentions=article.mentions)
    table = timeline_table(article, events_table=ev, mentions=article.mentions)
    assert len(table) >= len(ev) > 0
    timeline_chart(table, now=pub.date, title="t")
    timeline_lanes(table)
    comparison = treaty_comparison(article, evidence=treaty_evidence(article, events_table=ev))
    assert comparison.empty  # "The article mentions no treaty"
    treaty_table_figure(comparison)
    assert date_options(article.timexes)
    plt.close("all")


@pytest.mark.parametrize("text", [
    None,  # the wire story: quotations with speakers
    "Council Meets on Budget\n\nThe city council met on Monday to discuss the budget for next year. The meeting "
    "lasted three hours and ended without a vote.\n\nA second meeting is planned for next week.\n",
], ids=["wire-story", "no-quotations"])
def test_notebook_04_calls_on_other_articles(text):
    from analysis_utils.charts.quotes import share_of_voice_chart, who_about_whom_chart
    from analysis_utils.quotes.tables import highlight_paragraph, quote_table, quoted_about, scare_table, share_of_voice
    from analysis_utils.report.explorer import quote_options

    article = load_article(WIRE) if text is None else load_article(text)
    quotes, mentions = article.quotes, article.mentions
    table = quote_table(quotes)
    assert ("Tran Van Minh" in set(table["speaker"])) if text is None else table.empty
    for by in ("speaker", "country"):
        share_of_voice_chart(share_of_voice(quotes, by=by), title="t")
    who_about_whom_chart(quoted_about(quotes, mentions), title="t")
    for _, row in table.iterrows():
        assert "<mark" in highlight_paragraph(article, row)
    scare_table(quotes)
    assert len(quote_options(quotes)) == len(quotes)
    plt.close("all")
