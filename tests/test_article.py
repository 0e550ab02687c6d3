"""The Article: every layer is computed once, read by the layers above it, and kept."""
from __future__ import annotations

import collections

import pandas as pd
import pytest

from analysis_utils import Article, load_article
from analysis_utils.text.document import Document

from conftest import FIXTURES, SEED

LAYERS = ("segments", "sentences", "blocks", "quote_marks", "mentions", "quotes", "timexes", "events",
          "sentiment_evidence", "actor_sentiment")


def _count_calls(monkeypatch, module, name: str, calls: collections.Counter, key=None):
    """Wrap ``module.name`` so that ``calls`` counts each call (by ``key(*args)``)."""
    original = getattr(module, name)

    def counting(*args, **kwargs):
        calls[(name, key(*args) if key else None)] += 1
        return original(*args, **kwargs)

    monkeypatch.setattr(module, name, counting)


def _fresh(path=SEED) -> Article:
    doc = load_article(path)
    return Article(text=doc.text, meta=doc.meta, published=doc.published, source=doc.source)


@pytest.mark.parametrize("path", [SEED, FIXTURES / "articles" / "wire_story.txt",
                                  FIXTURES / "articles" / "hard_wrapped.md"], ids=lambda p: p.stem)
def test_every_lower_layer_is_computed_once_whatever_asks_for_it(monkeypatch, path):
    import analysis_utils.actors.mentions as mentions
    import analysis_utils.quotes.finder as finder
    import analysis_utils.sentiment.actors as sentiment
    import analysis_utils.text.quote_marks as quote_marks
    import analysis_utils.text.segments as segments
    import analysis_utils.text.sentences as sentences
    import analysis_utils.timeline.engine as engine
    import analysis_utils.timeline.event_table as event_table
    import analysis_utils.timeline.timexes as timexes

    calls: collections.Counter = collections.Counter()
    _count_calls(monkeypatch, segments, "segment_rows", calls)
    _count_calls(monkeypatch, sentences, "split_sentences", calls, key=lambda text, a=0, b=None: (hash(text), a, b))
    _count_calls(monkeypatch, quote_marks, "quote_spans", calls)
    _count_calls(monkeypatch, mentions, "_find_mentions", calls)
    _count_calls(monkeypatch, finder, "_quotes", calls)
    _count_calls(monkeypatch, engine, "_candidates", calls, key=lambda text, a, b: (hash(text), a, b))
    _count_calls(monkeypatch, timexes, "_timexes_of", calls, key=lambda doc, anchor: (id(doc), anchor))
    _count_calls(monkeypatch, event_table, "_events", calls)
    _count_calls(monkeypatch, sentiment, "_score_items", calls)

    art = _fresh(path)
    for name in LAYERS:  # every layer, and then every layer again through the functions
        getattr(art, name)
    from analysis_utils.actors import find_mentions
    from analysis_utils.quotes import find_quotes_in_article
    from analysis_utils.report import article_tables
    from analysis_utils.sentiment.actors import actor_sentiment, sentiment_evidence
    from analysis_utils.timeline import events, find_timexes_in_article, timeline_table

    find_mentions(art), find_quotes_in_article(art), find_timexes_in_article(art), events(art)
    sentiment_evidence(art), actor_sentiment(art), timeline_table(art), article_tables(art)

    # (a timestamp line's date is read by a document of that line alone: another text)
    repeated = {k: n for k, n in calls.items() if n > 1}
    assert not repeated, f"computed more than once: {repeated}"
    for name in ("segment_rows", "quote_spans", "_find_mentions", "_quotes", "_events", "_score_items"):
        assert calls[(name, None)] == 1, name


def test_the_layer_tables_are_the_ones_the_functions_return():
    from analysis_utils.actors import find_mentions
    from analysis_utils.quotes import find_quotes_in_article
    from analysis_utils.sentiment.actors import actor_sentiment
    from analysis_utils.timeline import events, find_timexes_in_article

    art = _fresh()
    assert find_mentions(art) is art.mentions
    assert find_quotes_in_article(art) is art.quotes
    assert find_timexes_in_article(art) is art.timexes
    assert events(art) is art.events
    assert actor_sentiment(art) is art.actor_sentiment
    # other arguments give other tables, computed for them
    assert find_mentions(art, include_demonyms=False) is not art.mentions
    assert len(find_mentions(art, include_demonyms=False)) < len(art.mentions)


def test_nothing_downstream_changes_a_layer():
    """Charts, tables and explorers read the layers; none may change them in place."""
    from analysis_utils.actors import discover_actors, roll_up
    from analysis_utils.charts.quotes import share_of_voice_chart, who_about_whom_chart
    from analysis_utils.charts.sentiment import actor_bars, actor_paragraph_table
    from analysis_utils.charts.timeline import timeline_chart, treaty_table_figure
    from analysis_utils.quotes.tables import quote_table, quoted_about, scare_table, share_of_voice
    from analysis_utils.report.explorer import actor_view_html, date_view_html, quote_view_html
    from analysis_utils.sentiment.actors import paragraph_labels, sentence_tone, summarise
    from analysis_utils.timeline import timeline_table, treaty_comparison

    art = _fresh()
    before = {name: getattr(art, name).copy(deep=True) for name in LAYERS
              if isinstance(getattr(art, name), pd.DataFrame)}
    roll_up(art.mentions), discover_actors(art)
    q, m, ev = art.quotes, art.mentions, art.sentiment_evidence
    quote_table(q), scare_table(q), quoted_about(q, m)
    share_of_voice_chart(share_of_voice(q), title="t")
    who_about_whom_chart(quoted_about(q, m), title="t")
    summary = summarise(ev)
    actor_bars(summary, title="t")
    actor_paragraph_table(ev, list(dict.fromkeys(paragraph_labels(art))))
    sentence_tone(art)
    table = timeline_table(art)
    timeline_chart(table, title="t")
    treaty_table_figure(treaty_comparison(art))
    actor_view_html(art, m, m["actor"].iloc[0], ev)
    quote_view_html(art, q, 0)
    date_view_html(art, art.timexes, 0)
    import matplotlib.pyplot as plt

    plt.close("all")
    for name, table in before.items():
        pd.testing.assert_frame_equal(getattr(art, name), table, obj=name)


def test_text_functions_read_a_document_of_the_text():
    """find_quotes(text), find_timexes(text) and target_sentiment(text, ...) build a
    plain-text Document and read its layers: the same tables as the layers themselves."""
    from analysis_utils.quotes import find_quotes
    from analysis_utils.quotes.finder import quotes_of
    from analysis_utils.sentiment import target_sentiment
    from analysis_utils.sentiment.target import score_target
    from analysis_utils.timeline import find_timexes
    from analysis_utils.timeline.timexes import COLUMNS, timexes_of

    text = SEED.read_text(encoding="utf-8")
    doc = Document(text, layout="plain")
    pd.testing.assert_frame_equal(find_quotes(text), quotes_of(doc))
    pd.testing.assert_frame_equal(find_timexes(text, "2024-06-17"),
                                  timexes_of(doc, pd.Timestamp("2024-06-17").date())[COLUMNS])
    start = text.index("Putin")
    assert target_sentiment(text, start, start + 5) == score_target(doc, start, start + 5).result()


def test_documents_check_their_arguments():
    with pytest.raises(TypeError, match="str"):
        Document(b"bytes")
    with pytest.raises(ValueError, match="layout"):
        Document("text", layout="poem")


def test_a_plain_text_is_cut_by_its_lines_and_a_page_by_its_segments():
    text = "A Short Title\n\nThe first paragraph says what happened in the\ncity, hard-wrapped.\n\nThe end.\n"
    plain = Document(text, layout="plain")
    assert [b.kind for b in plain.blocks] == ["headline", "body", "body"]
    assert "".join(plain.segments["text"]) == text
    page = Document(text)
    assert "".join(page.segments["text"]) == text
    assert [text[a:b] for a, b, _ in page.sentence_spans] == [text[a:b] for a, b, _ in plain.sentence_spans]
