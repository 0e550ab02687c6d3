"""Any input: ``load_article`` and every public extractor return a result or raise the kit's
own :class:`~analysis_utils.errors.ArticleError`, never another exception (property tests)."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis_utils import load_article
from analysis_utils.actors import discover_actors, find_mentions
from analysis_utils.errors import ArticleError
from analysis_utils.quotes import find_quotes
from analysis_utils.quotes.tables import quote_table, quoted_about, scare_table, share_of_voice
from analysis_utils.sentiment.actors import actor_sentiment, sentence_tone, sentiment_evidence, summarise
from analysis_utils.table_names import TABLES
from analysis_utils.text.segments import segment_text, structure_table
from analysis_utils.text.sentences import split_sentences
from analysis_utils.timeline import events, find_timexes, infer_published, timeline_table, treaty_comparison

# pieces that exercise the rules: quotation marks of every kind, cues, names, pronouns,
# dates, brackets, line breaks, page clutter, and characters of other scripts
_PIECES = st.sampled_from([
    '"', "'", "\u201c", "\u201d", "\u2018", "\u2019", "``", "''", "\u00ab", "\u00bb", "\u300c", "\u300d",
    " said", " told reporters", ", according to ", "He ", "She ", "they ", "it ", "the government ",
    "President Anna Virtanen", "Kim Jong-un", "Putin", "Mr. Keller", "the Kremlin", "Pyongyang",
    " on the 17th", " the day before", " July of the same year", "2024-06-17", " in 2000", "Monday",
    "(", ")", "[", "]", ". ", "? ", "! ", "...", ":", ";", ",", "\n", "\n\n", "\r\n", "\t", " ",
    "Photo by Yonhap", "Copyright 2024", "<p>", "</p>", "&amp;", "\x00", "\ufffd", "한국", "\u200b", "x",
])
_TEXTS = st.one_of(st.text(max_size=300), st.lists(_PIECES, max_size=60).map("".join))
_SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _only_kit_errors(fn, *args):
    try:
        return fn(*args)
    except ArticleError:
        return None


@_SETTINGS
@given(_TEXTS)
def test_any_text_through_load_article_and_every_layer(text):
    article = _only_kit_errors(load_article, text)
    if article is None:
        return
    for layer in ("segments", "sentences", "quote_marks", "published_inferred") + TABLES:
        getattr(article, layer)
    for fn in (events, sentiment_evidence, actor_sentiment, sentence_tone, timeline_table, treaty_comparison,
               discover_actors, infer_published):
        fn(article)
    quotes, mentions = article.quotes, article.mentions
    quote_table(quotes), scare_table(quotes), share_of_voice(quotes), quoted_about(quotes, mentions)
    summarise(article.sentiment_evidence)
    structure_table(article.segments)


@_SETTINGS
@given(_TEXTS)
def test_any_text_through_the_text_functions(text):
    for fn in (segment_text, split_sentences, find_mentions, find_quotes, find_timexes, infer_published):
        _only_kit_errors(fn, text)


@_SETTINGS
@given(st.one_of(st.binary(max_size=400), st.lists(_PIECES, max_size=40).map(lambda p: "".join(p).encode("cp949", "ignore")),
                 st.lists(_PIECES, max_size=40).map(lambda p: "".join(p).encode("utf-16"))))
def test_any_bytes_give_an_article_or_a_kit_error(data):
    article = _only_kit_errors(load_article, data)
    if article is not None:
        for layer in TABLES:
            getattr(article, layer)


@_SETTINGS
@given(st.one_of(st.none(), st.integers(), st.floats(), st.lists(st.integers(), max_size=3),
                 st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
                 st.text(alphabet="~/.\\:*?\x00 ab", max_size=12)))
def test_any_argument_gives_an_article_or_a_kit_error(value):
    """Not only texts: a number, None, a list, or a string that looks like a broken path
    (``~0``, ``\\x00``, ``*``) gives an article or an ArticleError (a wrong type is an
    ``InputTypeError``, a ``TypeError`` too)."""
    _only_kit_errors(load_article, value)
    for fn in (find_timexes, infer_published, find_mentions, find_quotes, segment_text, split_sentences):
        _only_kit_errors(fn, value)
