"""The notebooks: stored clean, executed headless once per test session from a foreign
working directory, and their calls hold on other articles.

Executing a notebook costs seconds (a kernel, imports, figures), so each notebook runs once
in the whole suite: the per-article notebooks (01-04) in the report of the seed (the
``seed_report`` fixture), the corpus notebook (05, marked ``runs_on: corpus`` in its
metadata) in the report of the fixture corpus (``corpus_report``). The notebooks are thin
(every cell calls tested functions), and the last tests make the same calls on articles
that put them to the test: no actors, no quotations, other dates, no treaty, a corpus of
one article with nothing to compare.
"""
from __future__ import annotations

import json

import matplotlib
import nbformat
import pytest

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from analysis_utils import load_article  # noqa: E402

from conftest import ALL_NOTEBOOKS, CORPUS_FIXTURE, CORPUS_NOTEBOOKS, FIXTURES, NOTEBOOKS  # noqa: E402

WIRE = FIXTURES / "articles" / "wire_story.txt"
NO_ACTORS = FIXTURES / "articles" / "hard_wrapped.md"


def test_there_are_notebooks():
    assert [p.name for p in NOTEBOOKS][:1] == ["01_load_and_segment.ipynb"]
    assert len(NOTEBOOKS) >= 4
    assert [p.name for p in CORPUS_NOTEBOOKS] == ["05_compare_coverage.ipynb"]
    from analysis_utils.corpus.notebooks import notebook_scope

    assert [notebook_scope(p) for p in ALL_NOTEBOOKS] == ["corpus" if p in CORPUS_NOTEBOOKS else "article"
                                                          for p in ALL_NOTEBOOKS]


@pytest.mark.parametrize("nb", ALL_NOTEBOOKS, ids=lambda p: p.stem)
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


def test_a_single_article_does_not_run_the_corpus_notebook(seed_report):
    folder, _ = seed_report
    assert sorted(p.name for p in (folder / "notebooks").glob("*.ipynb")) == [p.name for p in NOTEBOOKS]
    assert [p.name for p in folder.parent.iterdir()] == [folder.name]  # no corpus report beside it
    assert not list((folder / "figures").glob("05-*"))


@pytest.mark.parametrize("nb", CORPUS_NOTEBOOKS, ids=lambda p: p.stem)
def test_corpus_notebook_executed_from_another_folder_shows_what_it_saves(corpus_report, nb):
    """The report command given a folder runs the corpus notebook once over it (here with
    ``--corpus-only``, from a foreign folder): its figures are saved (PNG, SVG, PDF and the
    CSV behind each) and shown, no cell fails, the explorer is there, and the corpus report
    has its own report.html (and report.pdf when Chromium is installed)."""
    import shutil
    from pathlib import Path

    folder, stderr = corpus_report
    executed = nbformat.read(str(folder / "notebooks" / nb.name), as_version=4)
    outputs = [(c, o) for c in executed.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert not [o for _, o in outputs if o.get("output_type") == "error"]
    figures = sorted((folder / "figures").glob(nb.name[:2] + "-*.png"))
    assert len(figures) >= 6, "articles per day, share of voice (2), sentiment, who about whom, timeline"
    for png in figures:
        for ext in (".svg", ".pdf", ".csv"):
            assert png.with_suffix(ext).stat().st_size > 0, png.with_suffix(ext).name
    shown = [o for _, o in outputs if "image/png" in o.get("data", {})]
    assert len(shown) >= len(figures), "every chart saved is also shown in the notebook"
    explorers = [o for c, o in outputs if "explorer" in c.metadata.get("tags", [])
                 and "application/vnd.jupyter.widget-view+json" in o.get("data", {})]
    assert explorers, "the notebook offers an ipywidgets explorer"
    text = "".join(o.get("text", "") for _, o in outputs if o.get("output_type") == "stream")
    assert "6 articles analysed" in text and (folder / "tables" / "corpus.json").is_file()
    page = (folder / "report.html").read_text(encoding="utf-8")
    assert "<title>Corpus: corpus" in page and page.count("<img") >= len(figures)
    assert "Explore:" not in page and "6 articles of the folder" in page
    voice = (folder / "figures" / "05-share-of-voice-speakers.csv").read_text(encoding="utf-8")
    assert voice.splitlines()[1].startswith("Lena Marsh,")  # the table behind the chart
    if Path("/usr/bin/chromium").is_file() or shutil.which("chromium"):
        assert (folder / "report.pdf").read_bytes()[:5] == b"%PDF-"
    else:
        assert "Chromium not found" in stderr


def _tiny(path, corpus: bool):
    """A notebook that runs in a second: per article (``ARTICLE``) or, marked so in its
    metadata, once over a folder (``CORPUS``: it opens the corpus -- afresh when the report
    says ``FRESH`` -- and prints its size)."""
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    if corpus:
        nb.metadata["analysis_utils"] = {"runs_on": "corpus"}
        params = "CORPUS = None\nOUTPUT_DIR = None\nFIGURE_FORMATS = ('png',)\nFRESH = False"
        body = ("from analysis_utils.corpus.compare import open_corpus, read_corpus\n"
                "run = open_corpus(CORPUS, OUTPUT_DIR, fresh=FRESH)\n"
                "print('articles:', len(read_corpus(run.tables)['articles']))")
    else:
        params = "ARTICLE = None\nOUTPUT_DIR = None\nFIGURE_FORMATS = ('png',)"
        body = "print('article:', ARTICLE)"
    cell = nbformat.v4.new_code_cell(params)
    cell.metadata["tags"] = ["parameters"]
    nb.cells = [nbformat.v4.new_markdown_cell("# Tiny"), cell, nbformat.v4.new_code_cell(body)]
    nbformat.write(nb, str(path))
    return path


def test_report_of_a_folder_runs_article_notebooks_per_article_and_corpus_notebooks_once(tmp_path):
    import shutil

    from analysis_utils.report import build_report

    src = tmp_path / "articles"
    src.mkdir()
    for name in ("harbour-herald_2023-03-06_fishing-talks-open.txt", "metro-wire-0307.txt", "metro-wire-0307.meta.yml"):
        shutil.copy(CORPUS_FIXTURE / name, src / name)
    one = _tiny(tmp_path / "01_tiny.ipynb", corpus=False)
    many = _tiny(tmp_path / "05_tiny_corpus.ipynb", corpus=True)
    out = tmp_path / "out"
    kw = dict(progress=False, pdf=False, warn=lambda m: None)
    folders = build_report(src, out, notebooks=[one, many], **kw)
    assert [f.name for f in folders] == ["harbour-herald-2023-03-06-fishing-talks-open", "metro-wire-0307",
                                         "corpus-articles"]
    for f in folders[:2]:
        assert [p.name for p in (f / "notebooks").iterdir()] == ["01_tiny.ipynb"]
    corpus = folders[2]
    assert [p.name for p in (corpus / "notebooks").iterdir()] == ["05_tiny_corpus.ipynb"]
    run = nbformat.read(str(corpus / "notebooks" / "05_tiny_corpus.ipynb"), as_version=4)
    assert "articles: 2" in "".join(o.get("text", "") for c in run.cells for o in c.get("outputs", []))
    assert (corpus / "report.html").is_file() and (corpus / "tables" / "corpus.json").is_file()
    (src / "metro-wire-0307.txt").unlink()  # a second run analyses the folder as it is now
    assert build_report(src, out, notebooks=[one, many], corpus_only=True, **kw) == [corpus]
    run = nbformat.read(str(corpus / "notebooks" / "05_tiny_corpus.ipynb"), as_version=4)
    assert "articles: 1" in "".join(o.get("text", "") for c in run.cells for o in c.get("outputs", []))
    assert [f.name for f in build_report(src, out, notebooks=[one, many], corpus=False, **kw)] == \
        ["harbour-herald-2023-03-06-fishing-talks-open"]
    single = build_report(src / "harbour-herald_2023-03-06_fishing-talks-open.txt", tmp_path / "single",
                          notebooks=[one, many], **kw)
    assert [f.name for f in single] == ["harbour-herald-2023-03-06-fishing-talks-open"]


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


def test_notebook_05_calls_on_a_corpus_of_one_article_without_actors_or_date(tmp_path):
    import shutil

    from analysis_utils.charts.coverage import (
        articles_per_day_chart, combined_timeline_chart, outlet_colours, quoted_about_chart,
        sentiment_by_outlet_chart, voice_by_outlet_chart,
    )
    from analysis_utils.charts.quotes import share_of_voice_chart
    from analysis_utils.corpus.compare import (
        articles_per_outlet_day, combined_timeline, corpus_source_line, open_corpus, outlet_overview, quoted_about,
        read_corpus, sentiment_by_outlet, share_of_voice,
    )
    from analysis_utils.corpus.explore import speaker_options
    from analysis_utils.report.explorer import speaker_explorer

    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(NO_ACTORS, src / NO_ACTORS.name)
    (src / "empty.txt").write_bytes(b"")  # an input that fails: a row of errors, not a crash
    run = open_corpus(src, tmp_path / "out")
    tables = read_corpus(run.tables)
    articles, quotes, mentions = tables["articles"], tables["quotes"], tables["mentions"]
    assert len(tables["errors"]) == 1 and outlet_overview(articles)["failed"].sum() == 1
    source = corpus_source_line(articles, run.label)
    assert source.startswith("Source: 1 article from 1 outlet")
    colours = outlet_colours(articles["outlet"])
    articles_per_day_chart(articles_per_outlet_day(articles), title="t", source=source, colours=colours)
    share_of_voice_chart(share_of_voice(quotes, articles), title="t", source=source)
    voice_by_outlet_chart(share_of_voice(quotes, articles, by="outlet"), title="t", source=source)
    sentiment_by_outlet_chart(sentiment_by_outlet(tables["actor_sentiment"], articles), title="t", source=source)
    quoted_about_chart(quoted_about(quotes, mentions, articles), title="t", source=source)
    combined_timeline_chart(combined_timeline(tables["events"], articles), title="t", source=source,
                            published=articles["published"], colours=colours)
    assert mentions.empty and sentiment_by_outlet(tables["actor_sentiment"], articles).empty
    assert quoted_about(quotes, mentions, articles).empty and articles_per_outlet_day(articles)["date"].tolist() == \
        ["(no date)"]
    assert speaker_options(quotes, articles)  # quotations, but nobody the registry knows
    speaker_explorer(quotes, mentions, articles)
    assert speaker_options(quotes.iloc[0:0], articles) == []
    speaker_explorer(quotes.iloc[0:0], mentions, articles)  # "No quotations found in this corpus."
    plt.close("all")


def test_notebook_05_runs_on_polnear_dev(tmp_path):
    """Notebook 05 executed over 84 real articles from 7 outlets (``../shared/bench/
    polnear_dev/text``; outlet and date from the file names): no cell fails, the overview
    names the 7 outlets, and every chart is saved with its CSV."""
    from conftest import SHARED

    from analysis_utils.report.build import execute_notebook

    dev = SHARED / "bench" / "polnear_dev" / "text"
    if not dev.is_dir():
        pytest.skip(f"needs {dev}")
    nb = next(p for p in CORPUS_NOTEBOOKS if p.name.startswith("05"))
    out = tmp_path / "out"
    execute_notebook(nb, tmp_path / nb.name, {"CORPUS": str(dev), "OUTPUT_DIR": str(out)}, cwd=tmp_path)
    executed = nbformat.read(str(tmp_path / nb.name), as_version=4)
    outputs = [o for c in executed.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    text = "".join(o.get("text", "") for o in outputs) + "".join(o.get("data", {}).get("text/plain", "") for o in outputs)
    assert "84 articles analysed" in text
    outlets = {p.name.split("_")[0] for p in dev.glob("*.txt")}
    assert len(outlets) == 7 and all(o in text for o in outlets)
    csvs = sorted((out / "figures").glob("05*.csv"))
    assert len(csvs) >= 6 and all(c.with_suffix(".png").stat().st_size > 0 for c in csvs)
