"""Tests for analysis_utils.text.html_blocks: an HTML page as typed blocks (trafilatura's
XML tree → article text + ``meta["html_blocks"]``), and their segments
(:func:`analysis_utils.text.html_blocks.block_segment_rows`, ``Document.segment_rows``)."""
from __future__ import annotations

import json
from types import SimpleNamespace

import pytest
from lxml import etree

from analysis_utils.errors import EmptyArticle
from analysis_utils.text import html_blocks
from analysis_utils.text.document import Document
from analysis_utils.text.html_blocks import block_segment_rows, page_blocks
from analysis_utils.text.loading import load_article
from analysis_utils.text.segments import KINDS, segment_rows

TITLE = "Ships dock at Busan as trade talks resume"
#: the article's own paragraphs: each must come out as body
WITH = [
    "Container ships returned to Busan on Monday after a week-long strike ended, port "
    "officials said, with queues expected to clear by Friday.",
    "Officials said about forty vessels were waiting offshore on Sunday evening, down from "
    "sixty a day before.",
    "Unions said the deal was fair and that talks on pensions would resume in March.",
    "The strike cost exporters an estimated two billion dollars over seven days, according "
    "to the trade ministry's figures.",
    "Forty vessels waited offshore on Sunday.",
    "Sixty waited the day before.",
    '"We are glad the ships are moving again," said a port spokesman.',
    "The ministry said it would publish a full account of the losses next month, with "
    "figures for each of the country's five container terminals.",
]
CROSSHEAD = "Queues clear slowly"
CAPTION = "A container ship enters Busan port on Monday."
PAGE = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{TITLE}</title>
<meta name="author" content="Kim Min-ji"><meta property="og:site_name" content="Harbour Daily"></head>
<body>
<nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article>
<h1>{TITLE}</h1>
<p>{WITH[0]}</p>
<h2>{CROSSHEAD}</h2>
<p>{WITH[1].replace("down from", "<b>down from</b>")}<br>{WITH[2]}</p>
<h2>{WITH[3]}</h2>
<ul><li>{WITH[4]}</li><li>{WITH[5]}</li></ul>
<blockquote><p>{WITH[6]}</p></blockquote>
<figure><img src="ship.jpg" alt="A container ship"><figcaption>{CAPTION} (Yonhap)</figcaption></figure>
<p>{WITH[7]}</p>
<p>Share on Facebook</p>
<p>© 2024 Harbour Daily. All rights reserved.</p>
</article>
<footer><p>Impressum</p></footer>
</body></html>"""


@pytest.fixture(scope="module")
def page_doc():
    return load_article(PAGE)


def _segments(doc):
    return [(k, doc.text[s:e], rule) for k, s, e, _, _, rule in doc.segment_rows]


def _kind_of(doc, text):
    kinds = [(k, rule) for k, t, rule in _segments(doc) if t == text]
    assert len(kinds) == 1, (text, _segments(doc))
    return kinds[0]


def _body(doc) -> str:
    return "\n".join(t for k, t, _ in _segments(doc) if k == "body")


# ---------------------------------------------------------------------------
# A page, loaded
# ---------------------------------------------------------------------------


def test_page_text_is_the_title_then_one_paragraph_per_block(page_doc):
    assert page_doc.text.startswith(TITLE + "\n\n" + WITH[0] + "\n\n" + CROSSHEAD + "\n\n")
    assert page_doc.text.count(TITLE) == 1  # the h1 is the title: not doubled
    assert f"{WITH[1]}\n{WITH[2]}" in page_doc.text  # <br> is a line break inside its block
    assert "Home" not in page_doc.text and "Impressum" not in page_doc.text
    assert page_doc.meta["title"] == TITLE
    assert page_doc.meta["outlet"] == "Harbour Daily"
    assert page_doc.meta["author"] == "Kim Min-ji"
    assert page_doc.meta["format"] == "html"


def test_page_blocks_are_typed(page_doc):
    assert _kind_of(page_doc, TITLE) == ("headline", "html-title")
    assert _kind_of(page_doc, CROSSHEAD) == (html_blocks.CROSSHEAD_KIND, "html-crosshead")
    assert _kind_of(page_doc, WITH[3]) == ("body", "html-head")  # a long heading: a teaser
    assert _kind_of(page_doc, WITH[0]) == ("body", "html-p")
    assert _kind_of(page_doc, WITH[4]) == ("body", "html-item")
    assert _kind_of(page_doc, WITH[6]) == ("body", "html-quote")
    assert _kind_of(page_doc, "Share on Facebook") == ("boilerplate", "furniture-phrase")
    assert _kind_of(page_doc, "© 2024 Harbour Daily. All rights reserved.") == ("copyright", "copyright-pattern")
    assert page_doc.headline == TITLE


def test_every_paragraph_of_the_article_is_body(page_doc):
    body = _body(page_doc)
    for paragraph in WITH:
        assert paragraph in body
    for clutter in ("Share on Facebook", "All rights reserved", TITLE, CAPTION):
        assert clutter not in body


def test_page_segments_are_lossless_and_offsets_hold(page_doc):
    rows = page_doc.segment_rows
    assert "".join(page_doc.text[s:e] for _, s, e, *_ in rows) == page_doc.text
    assert "".join(page_doc.segments["text"]) == page_doc.text
    assert all(a[2] == b[1] for a, b in zip(rows, rows[1:]))  # every character exactly once
    blocks = page_doc.meta["html_blocks"]
    assert [b[:2] for b in blocks] == [[s, e] for k, s, e, *_ in rows if k != "blank"]
    for (s, e, kind, rule), nxt in zip(blocks, blocks[1:] + [None]):
        assert page_doc.text[s:e] == page_doc.text[s:e].strip() and kind in KINDS
        assert page_doc.text[e : nxt[0] if nxt else len(page_doc.text)] == ("\n\n" if nxt else "")
    assert {r[5] for r in rows if r[0] == "blank"} == {"whitespace"}


def test_blocks_are_json_and_segmentation_a_function_of_text_and_meta(page_doc):
    meta = json.loads(json.dumps(page_doc.meta))
    again = Document(page_doc.text, meta=meta)
    assert again.segment_rows == page_doc.segment_rows


def test_title_line_put_in_front_when_the_page_lacks_it():
    html = (
        "<!doctype html><html><head><meta charset='utf-8'><title>Markets rally in Seoul</title></head>"
        "<body><div class='story'><p>The KOSPI rose on Monday as chipmakers gained ground after "
        "strong export data.</p><p>Foreign investors were net buyers for a third day, exchange data "
        "showed.</p></div></body></html>"
    )
    doc = load_article(html)
    assert doc.text.startswith("Markets rally in Seoul\n\nThe KOSPI rose on Monday")
    assert doc.meta["html_blocks"][0] == [0, len("Markets rally in Seoul"), "headline", "html-title"]
    assert [k for k, *_ in doc.segment_rows if k != "blank"] == ["headline", "body", "body"]


def test_page_after_an_xml_declaration_is_html():
    doc = load_article('<?xml version="1.0" encoding="utf-8"?>\n<!-- saved -->\n' + PAGE.split("\n", 1)[1])
    assert doc.meta["format"] == "html"
    assert WITH[0] in _body(doc)


# ---------------------------------------------------------------------------
# Pages without an article
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("body", [
    '<nav><a href="/">Home</a></nav>',
    '<nav><ul><li><a href="/">Home</a></li><li><a href="/w">World news</a></li>'
    '<li><a href="/b">Business and markets</a></li><li><a href="/s">Sport results today</a></li></ul></nav>',
    "",
])
def test_page_without_an_article_raises_empty_article(body):
    html = f"<!doctype html><html lang='en'><head><title></title></head><body>{body}</body></html>"
    with pytest.raises(EmptyArticle, match="no main text"):
        load_article(html)


def test_no_text_in_the_tree_falls_back_to_trafilaturas_text(monkeypatch):
    import trafilatura

    found = SimpleNamespace(body=None, text="The port reopened on Monday after a strike.",
                            title="Port reopens", sitename="Harbour Daily")
    monkeypatch.setattr(trafilatura, "bare_extraction", lambda *a, **k: found)
    doc = load_article("<!doctype html><html><body><p>x</p></body></html>")
    assert doc.text == "Port reopens\n\nThe port reopened on Monday after a strike."
    assert "html_blocks" not in doc.meta
    assert doc.segment_rows == segment_rows(doc.text, "Port reopens")


# ---------------------------------------------------------------------------
# page_blocks on trafilatura's XML
# ---------------------------------------------------------------------------


def _blocks(xml: str, title: str | None = None):
    text, blocks = page_blocks(etree.fromstring(xml), title)
    return text, [(text[s:e], kind, rule) for s, e, kind, rule in blocks]


def test_xml_elements_become_blocks():
    text, blocks = _blocks(
        "<body><p>The port <hi rend='#b'>reopened</hi> on Monday.<lb/>Queues cleared by noon.</p>"
        "<list><item>Forty ships <ref target='/a'>waited</ref> offshore.</item>"
        "<item>Sixty before.<list><item>Some left.</item></list></item></list>"
        "<table><row><cell>Day</cell><cell>Ships</cell></row><row><cell>Sunday</cell><cell>40</cell></row></table>"
        "<graphic src='a.jpg' alt='A container ship'/>"
        "<quote><p>We are glad, said a spokesman.</p></quote><code>x = 1</code>Loose words here.</body>"
    )
    assert blocks == [
        ("The port reopened on Monday.\nQueues cleared by noon.", "body", "html-p"),
        ("Forty ships waited offshore.", "body", "html-item"),
        ("Sixty before.", "body", "html-item"),
        ("Some left.", "body", "html-item"),
        ("Day | Ships", "body", "html-row"),
        ("Sunday | 40", "body", "html-row"),
        ("A container ship", "caption", "html-graphic"),
        ("We are glad, said a spokesman.", "body", "html-quote"),
        ("x = 1", "body", "html-code"),
        ("Loose words here.", "body", "html-text"),
    ]
    assert text == "\n\n".join(b[0] for b in blocks)


def test_headings_crossheads_and_teasers():
    teaser = "The strike cost exporters an estimated two billion dollars over seven days, officials said."
    _, blocks = _blocks(
        f"<body><head rend='h1'>Ships dock at Busan</head><p>{WITH[0]}</p>"
        f"<head rend='h2'>Queues clear slowly</head><p>{WITH[7]}</p>"
        f"<head rend='h2'>{teaser}</head><p>{WITH[1]}</p>"
        "<head rend='h3'>More from the port</head><list><item><ref target='/1'>Busan port strike ends</ref></item>"
        "<item><ref target='/2'>Exporters count the cost</ref></item></list></body>",
        title="Ships dock at Busan | Harbour Daily",
    )
    kinds = {t: (k, r) for t, k, r in blocks}
    assert kinds["Ships dock at Busan"] == ("headline", "html-title")  # the title, give or take the site
    assert kinds["Queues clear slowly"] == (html_blocks.CROSSHEAD_KIND, "html-crosshead")
    assert kinds[teaser] == ("body", "html-head")
    assert kinds["More from the port"] == ("boilerplate", "html-head-without-text")
    assert kinds["Busan port strike ends"] == ("boilerplate", "html-links")


def test_line_rules_retype_clutter_inside_the_main_text():
    _, blocks = _blocks(
        f"<body><p>{WITH[0]}</p><p>Photo: Kim Min-ji</p><p>Updated: June 17, 2024</p>"
        "<p>Share on Facebook</p><p>(c) 2024 Harbour Daily. All rights reserved.</p>"
        "<p>Read the <ref target='/more'>full report on the strike and its costs</ref></p></body>"
    )
    assert [(k, r) for _, k, r in blocks] == [
        ("body", "html-p"),
        ("credit", "credit-pattern"),
        ("timestamp", "timestamp-pattern"),
        ("boilerplate", "furniture-phrase"),
        ("copyright", "copyright-pattern"),
        ("boilerplate", "html-links"),
    ]


def test_empty_tree_gives_no_blocks():
    assert page_blocks(etree.fromstring("<body> <p> </p><lb/></body>"), "A title") == ("", [])
    assert page_blocks(None, "A title") == ("", [])


# ---------------------------------------------------------------------------
# block_segment_rows and the fallback
# ---------------------------------------------------------------------------

TEXT = "Port reopens\n\nThe port reopened on Monday after a strike.\n"
GOOD = [[0, 12, "headline", "html-title"], [14, 57, "body"]]


def test_block_segment_rows_cover_the_text():
    rows = block_segment_rows(TEXT, GOOD)
    assert rows == [
        ("headline", 0, 12, False, 0, "html-title"),
        ("blank", 12, 14, False, 12, "whitespace"),
        ("body", 14, 57, False, 14, "html-block"),
        ("blank", 57, 58, False, 57, "whitespace"),
    ]
    assert block_segment_rows("", []) == []


@pytest.mark.parametrize("blocks", [
    [[14, 57, "body"], [0, 12, "headline"]],  # out of order
    [[0, 20, "headline"], [14, 57, "body"]],  # overlapping
    [[0, 12, "headline"], [14, 80, "body"]],  # off the text
    [[0, 12, "headline"], [14, 14, "body"]],  # empty
    [[0, 12, "headline"], [14, 57, "paragraph"]],  # unknown kind
    [[0, 12, "blank"], [14, 57, "body"]],  # blank is not a block
    [[0, 12, "headline"]],  # text left outside the blocks
    [[0, 5, "headline"], [14, 57, "body"]],  # text between blocks
    [[0.0, 12, "headline"], [14, 57, "body"]],  # not an offset
    [[0, 12, "headline", 7], [14, 57, "body"]],  # rule not a str
    [[0, 12], [14, 57, "body"]],
    "0-12 headline",
    {"blocks": GOOD},
    [],
])
def test_invalid_blocks_fall_back_to_the_line_segmenter(blocks):
    assert block_segment_rows(TEXT, blocks, "Port reopens") == segment_rows(TEXT, "Port reopens")
    doc = Document(TEXT, meta={"html_blocks": blocks, "title": "Port reopens"})
    assert doc.segment_rows == segment_rows(TEXT, "Port reopens")


def test_document_uses_valid_blocks_of_its_metadata():
    doc = Document(TEXT, meta={"html_blocks": GOOD})
    assert doc.segment_rows == block_segment_rows(TEXT, GOOD)
    assert doc.headline == "Port reopens"
    assert list(doc.paragraphs["text"]) == ["The port reopened on Monday after a strike."]
    plain = Document(TEXT, meta={"html_blocks": GOOD}, layout="plain")
    assert plain.segment_rows != doc.segment_rows  # plain text ignores the page's blocks
