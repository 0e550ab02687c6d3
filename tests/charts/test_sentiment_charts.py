"""Sentiment charts render on real, empty and single-row tables."""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

from analysis_utils.sentiment.actors import EVIDENCE_COLUMNS, actor_sentiment, paragraph_labels, sentence_tone, sentiment_evidence, summarise  # noqa: E402
from analysis_utils.article import Article  # noqa: E402
from analysis_utils.charts import actor_colour  # noqa: E402
from analysis_utils.charts.sentiment import actor_bars, actor_paragraph_heatmap, actor_paragraph_table, sentiment_arc  # noqa: E402

ART = Article("Vladimir Putin praised North Korea.\n\nRussia was criticised by Ukraine for the brutal war.")


def test_charts_render_and_use_actor_colours():
    ev = sentiment_evidence(ART)
    summ = summarise(ev)
    fig = actor_bars(summ, title="t", source="Source: x")
    colours = {matplotlib.colors.to_hex(p.get_facecolor()[:3]) for p in fig.axes[0].patches}
    assert actor_colour("Vladimir Putin").lower() in colours
    plt.close(fig)
    table = actor_paragraph_table(ev, list(dict.fromkeys(paragraph_labels(ART))))
    assert set(table.columns) == {"actor", "paragraph", "mean", "mentions"}
    plt.close(actor_paragraph_heatmap(table, title="t"))
    plt.close(sentiment_arc(sentence_tone(ART), ev, title="t"))


def test_registry_colours_are_fixed():
    assert actor_colour("Russia") == "#D55E00"
    assert actor_colour("Somebody Unknown") == actor_colour("Somebody Unknown")


def test_charts_on_empty_tables_do_not_crash():
    ev = pd.DataFrame(columns=EVIDENCE_COLUMNS)
    plt.close(actor_bars(summarise(ev), title="t"))
    plt.close(sentiment_arc(sentence_tone(Article("Nothing here.")), ev, title="t"))
    assert actor_sentiment(Article("Nothing here.")).empty


def test_heatmap_on_empty_table_says_so():
    ev = pd.DataFrame(columns=EVIDENCE_COLUMNS)
    fig = actor_paragraph_heatmap(actor_paragraph_table(ev, []), title="t")
    assert any("No actor mentions" in t.get_text() for t in fig.axes[0].texts)
    plt.close(fig)
