"""Hostile texts through every layer, each call held to a time limit.

Texts built to hit the paths that once grew with the square of their size (quotation-mark
pairing and re-nesting, name resolution, pronoun windows, overlap tests, whole-text
searches per mention): 100-200 kB of each, which a quadratic path turns into minutes. Each
layer must finish within ``LIMIT`` seconds (generous: on this machine the slowest takes
about 3 s) and return a table whose offsets slice the text.
"""
from __future__ import annotations

import time

import pytest

from analysis_utils import load_article
from analysis_utils.table_names import TABLES

LIMIT = 10.0  # seconds per layer call

HOSTILE = {
    "straight-quotation-marks": '"' * 200_000,
    "quotation-marks-around-words": '"a" ' * 40_000,
    "unclosed-quotations": '"a ' * 50_000,
    "curly-quotations-mixed": "\u201ca \u2018b \u201dc\u2019 " * 15_000,
    "apostrophe-run": "'" * 200_000,
    "apostrophes-in-words": "it's the people's " * 10_000,
    "cue-before-each-mark": 'He said, "' * 15_000,
    "cue-and-quotation-repeated": 'He said, "yes." ' * 20_000,
    "one-name-repeated": "John Smith said. " * 10_000,
    "pronouns": "He said it. She said it. They said it. " * 4_000,
    "the-government": "the government said. " * 8_000,
    "month-names": "January February March " * 8_000,
    "ordinals": "the 1st the 2nd the 3rd " * 8_000,
    "numbers": "1 2 3 4 5 " * 20_000,
    "one-megabyte-line": "x" * 1_000_000,
    "one-megabyte-line-of-words": "word " * 200_000,
    "deep-brackets": "(" * 50_000 + ")" * 50_000,
    "nested-quotes-and-brackets": "\u201c\u2018(\"[" * 20_000,
    "blank-lines": "\n" * 200_000 + "a",
    "short-paragraphs": "A b.\n\n" * 30_000,
}


def _timed(article, layer: str):
    t0 = time.perf_counter()
    value = getattr(article, layer)
    return value, time.perf_counter() - t0


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_text_through_every_layer_in_time(name):
    text = HOSTILE[name]
    article = load_article(text)
    slow = {}
    for layer in ("segments", "sentences", "quote_marks") + TABLES:
        value, seconds = _timed(article, layer)
        if seconds > LIMIT:
            slow[layer] = round(seconds, 1)
        if layer in ("sentences", "mentions", "quotes", "timexes") and len(value):
            for start, end, got in zip(value["start"], value["end"], value["text"]):
                assert text[int(start):int(end)] == got
                break
    assert not slow, f"layers over {LIMIT} s on {name}: {slow}"


def test_no_sentence_grows_without_bound():
    """A text without sentence punctuation is read in sentences of at most
    MAX_SENTENCE_CHARS, cut at whitespace, that still cover the whole text."""
    from analysis_utils.text.sentences import MAX_SENTENCE_CHARS, split_sentences

    text = "word " * 5_000 + "x" * 5_000
    spans = split_sentences(text)
    assert max(b - a for a, b in spans) <= MAX_SENTENCE_CHARS
    assert all(not text[a].isspace() and not text[b - 1].isspace() for a, b in spans)
    assert "".join(text[a:b] for a, b in spans).replace(" ", "") == text.replace(" ", "")
    assert all(text[a - 1] == " " for a, b in spans[1:] if a < 25_000)  # cut at whitespace among words


def _news_like(n_chars: int, seed: int = 7) -> str:
    """Paragraphs of news-like prose (people, quotations, pronouns, dates), varied."""
    import random

    rnd = random.Random(seed)
    first = ["Anna", "John", "Maria", "Lee", "Olga", "Peter", "Sara", "Tomas", "Yuki", "Omar"]
    last = ["Virtanen", "Keller", "Lopez", "Park", "Ivanova", "Novak", "Haddad", "Sato", "Berg", "Costa"]
    cues = ["said", "told reporters", "added", "warned", "argued"]
    out, size = [], 0
    while size < n_chars:
        a = f"{rnd.choice(first)} {rnd.choice(last)}"
        b = f"{rnd.choice(first)} {rnd.choice(last)}"
        para = (f'Minister {a} met {b} on the {rnd.randint(1, 28)}th. "We will work together on this," '
                f'{a.split()[1]} {rnd.choice(cues)}. {rnd.choice(["He", "She"])} added that the agency would '
                f'decide in July of the same year, and {b} said the day before that talks had failed.\n\n')
        out.append(para)
        size += len(para)
    return "".join(out)


def test_a_huge_text_through_the_text_layers_in_time():
    """Five megabytes (ten times what the corpus command analyses) through segments,
    sentences and quotation marks."""
    text = _news_like(5_000_000)
    article = load_article(text)
    for layer in ("segments", "sentences", "quote_marks"):
        _, seconds = _timed(article, layer)
        assert seconds < LIMIT, (layer, seconds)


def test_an_article_at_the_corpus_size_limit_through_every_layer_in_time():
    """A text of MAX_CHARS characters, the longest the corpus command analyses, takes a
    few seconds in all (about 4 s here), well inside its default time limit."""
    from analysis_utils.corpus.batch import MAX_CHARS, TIME_LIMIT

    article = load_article(_news_like(MAX_CHARS)[:MAX_CHARS])
    t0 = time.perf_counter()
    for layer in TABLES:
        getattr(article, layer)
    assert time.perf_counter() - t0 < TIME_LIMIT
