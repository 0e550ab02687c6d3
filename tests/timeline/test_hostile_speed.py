"""Hostile texts run the timeline in linear time: runs of month names, ordinals, numbers,
weekdays or ISO dates, a line of a megabyte, long runs of spaces, and a large text of
news-like prose, with and without its line breaks. Each call must end within
:data:`LIMIT` seconds (generous: the quadratic paths these tests guard took minutes at
these sizes) and give a sensible table."""
from __future__ import annotations

import time
from datetime import date

import pytest

from analysis_utils import load_article
from analysis_utils.text.clauses import chunk_around, clause_breaks
from analysis_utils.timeline import find_timexes, infer_published
from analysis_utils.timeline.engine import tag
from analysis_utils.timeline.tense import SentenceTenses, tense_cues

LIMIT = 5.0  # seconds per call
SIZE = 200_000  # characters
A = "2024-06-17"


def timed(fn, *args, **kwargs):
    t0 = time.perf_counter()
    out = fn(*args, **kwargs)
    took = time.perf_counter() - t0
    assert took < LIMIT, f"{getattr(fn, '__name__', fn)} took {took:.1f} s"
    return out


def repeat(unit: str, size: int = SIZE) -> str:
    return unit * (size // len(unit))


_SENTENCES = [
    "Russian President Vladimir Putin arrived in Pyongyang on Tuesday, June 18, for a two-day visit.",
    "It is his first trip to North Korea in 24 years, since July 2000, Kremlin officials said.",
    '"We will sign a new partnership treaty tomorrow," Yuri Ushakov told reporters on the 17th.',
    "The two leaders last met in September 2023 at a cosmodrome in Russia's Far East.",
    "According to Seoul's spy agency, the talks lasted about three hours on Wednesday morning.",
    "South Korea's foreign ministry said it would summon the Russian ambassador next week.",
    "Exports rose 5.1 percent in the first half of the year, the fastest pace since the 1990s.",
    "The summit, which was expected to end at 2:22 a.m. on the 19th, ran late; the day before, crowds gathered.",
    "In early July of the same year, the ministers met again -- this time in Vladivostok.",
    "Analysts say the deal, signed two days later, could last for decades.",
    # and sentences with no date, as most of a news text
    "The visit drew sharp criticism from Washington, which accused Moscow of buying weapons from Pyongyang.",
    "Kim Jong Un greeted his guest at the airport and the two men rode together into the capital.",
    "Officials in Seoul said they were watching closely for any transfer of military technology.",
    "The treaty includes a clause on mutual assistance in case either country is attacked, state media reported.",
    "Critics argue the agreement undermines international sanctions on the North's nuclear programme.",
    "Both governments insisted that their cooperation threatens no third country.",
    "Thousands of residents lined the streets, waving flags and holding portraits of the two leaders.",
]


def news_text(size: int = 1_000_000) -> str:
    """About ``size`` characters of news-like prose: paragraphs of three sentences."""
    paras, n, k = [], 0, 0
    while n < size:
        para = " ".join(_SENTENCES[(k + j) % len(_SENTENCES)] for j in range(3))
        paras.append(para)
        n += len(para) + 2
        k += 1
    return "\n\n".join(paras)


HOSTILE = {
    "months": repeat("January February March "),
    "ordinals": repeat("the 1st the 2nd the 3rd "),
    "numbers": repeat("1 2 3 4 5 "),
    "x_line": "x" * 1_000_000,
    "words": "word " * 200_000,
    "anaphora": repeat("In 2000, on the 17th, the day before, in July of the same year. "),
    "weekdays": repeat("Monday. "),
    "iso_dates": repeat("2024-06-17 "),
    "decades": repeat("the 60s "),
    "halves": repeat("the first half, "),
    "spaces": "summer" + " " * SIZE + "overnight" + " " * SIZE + "x",
    "label_spaces": " " * SIZE + "\nPublished: June 3, 2020\n",
    "auxiliaries": repeat("was " * 400 + "on June 3, 2020. "),
    "dashes": repeat("Monday will " + "-" * 1900 + " June 3, 2020. "),
    "cues": repeat("said is June 3, 2020 "),
}
NEWS = news_text()
BIG = {
    "news": NEWS,
    "news_one_line": NEWS.replace("\n", ""),
    "news_blank_lines": NEWS.replace("\n", "\n\n"),
}


def sensible(df, text: str) -> None:
    """Offsets slice the text to the ``text`` column, in order, without overlaps."""
    starts, ends, texts = df["start"].tolist(), df["end"].tolist(), df["text"].tolist()
    assert all(text[s:e] == t for s, e, t in zip(starts, ends, texts))
    assert all(e <= s2 for e, s2 in zip(ends, starts[1:]))


@pytest.mark.parametrize("kind", [*HOSTILE, "news_one_line"])
def test_find_timexes_is_linear_on_hostile_text(kind):
    text = {**HOSTILE, **BIG}[kind]
    df = timed(find_timexes, text, A)
    sensible(df, text)
    if kind == "months":
        assert len(df) > len(text) // 40
        assert set(df["text"]) <= {"January", "February", "March"}
        assert all(v.startswith("2024-0") for v in df["value"])
    elif kind in ("anaphora", "weekdays", "iso_dates", "decades"):
        assert len(df) >= text.count(" ") // 20
    elif kind in ("numbers", "x_line", "words"):
        assert df.empty
    elif kind == "spaces":
        assert df["text"].tolist() == ["overnight"]
    elif kind.startswith("news"):
        assert {"2000-07", "2023-09"} <= set(df["value"])


@pytest.mark.parametrize("kind", ["months", "ordinals", "anaphora", "weekdays", "decades", "cues", "auxiliaries",
                                  "dashes"])
def test_one_long_sentence_is_linear(kind):
    """The tagger on a paragraph read as one sentence (no sentence splitter's length cap)."""
    text = HOSTILE[kind]
    rows = timed(tag, text, date(2024, 6, 17), [(0, len(text))], [[(0, len(text))]])
    assert all(text[r["start"]:r["end"]] == r["text"] for r in rows)
    assert all(r["tense"] in ("past", "present", "future", "none") for r in rows)


# (the events of "decades" and "cues", a dated expression every 8 or 20 characters, each
# labelled from a clause of up to a sentence's 2,000 characters, take longer, in linear time)
@pytest.mark.parametrize("kind", [k for k in HOSTILE if k not in ("decades", "cues")] + list(BIG))
def test_article_layers_are_linear_on_hostile_text(kind):
    text = {**HOSTILE, **BIG}[kind]
    article = load_article(text)
    article.segments, article.sentences, article.mentions  # noqa: B018 (not the timeline's own time)
    timed(lambda: article.published_inferred)
    df = timed(lambda: article.timexes)
    sensible(df, article.text)
    events = timed(lambda: article.events)
    assert events["event_id"].tolist() == list(range(len(events)))
    if kind == "anaphora":
        assert len(events) > 0 and set(events["timex"]) <= {"2000", "July of the same year"}
    if kind == "news":
        assert len(df) > 5_000 and len(events) > 2_000


def test_a_timestamp_line_after_a_line_of_spaces():
    d, evidence = timed(infer_published, HOSTILE["label_spaces"])
    assert d == date(2020, 6, 3) and "timestamp line" in evidence


def test_clause_breaks_found_once_give_the_chunks_found_each_time():
    """``chunk_around`` with the sentence's breaks found once gives what a search of the
    sentence up to the span and from it gives (also across "...", " -- " and ", ")."""
    import random

    from analysis_utils.text.clauses import CLAUSE_BREAK

    def plain(sentence, s, e):
        left = 0
        for m in CLAUSE_BREAK.finditer(sentence, 0, s):
            left = m.end()
        m = CLAUSE_BREAK.search(sentence, e)
        return left, (m.start() if m else len(sentence))

    rng = random.Random(5)
    atoms = ["a", "bc", " ", ".", "...", "....", ",", ", ", ";", ":", "-", " - ", " -- ", "—", "…", '"', "(", " (", ")",
             ") ", "\n"]
    for _ in range(3000):
        sentence = "".join(rng.choice(atoms) for _ in range(rng.randint(0, 25)))
        breaks = clause_breaks(sentence)
        for _ in range(10):
            s = rng.randint(0, len(sentence))
            e = rng.randint(s, len(sentence))
            assert chunk_around(sentence, s, e, breaks) == plain(sentence, s, e), (sentence, s, e)


def _tense_by_a_pass(sentence: str, s: int, e: int) -> str:
    """:func:`clause_tense` as a pass over all the cues of the sentence."""
    from analysis_utils.timeline.tense import _ATTRIBUTION, _ENDPOINT_BEFORE, _SINCE_BEFORE

    left, right = chunk_around(sentence, s, e)
    if _ATTRIBUTION.search(sentence[left:right][: max(0, s - left)]):
        return "none"
    cues = tense_cues(sentence)
    inside = [c for c in cues if c[0] >= left and c[1] <= right and not (c[0] < e and s < c[1])]
    pool = inside or [c for c in cues if not (c[0] < e and s < c[1])]
    tense = "none"
    if pool:
        def dist(c):
            d = (c[0] - e) if c[0] >= e else (s - c[1])
            if c[2] in ("report", "report_present") and d > 6:
                d += 30
            elif c[2] == "past" and sentence[c[0]:c[1]].lower().endswith("ed"):
                d += 15
            return d

        best = min([c for c in inside if c[1] <= s] or pool, key=dist)
        tense = {"report": "past", "report_present": "none"}.get(best[2], best[2])
    before = sentence[max(0, s - 20):s]
    if _SINCE_BEFORE.search(before):
        return "past"
    if tense == "past" and _ENDPOINT_BEFORE.search(before):
        return "none"
    return tense


def test_the_tenses_of_a_sentence_read_at_once_are_those_of_a_pass_over_its_cues():
    import random

    rng = random.Random(8)
    atoms = ["a ", "was ", "will ", "said ", "says ", "is ", "had ", "walked ", "since ", "until ", "according to ",
             "xaccording to ", "is expected to ", "planned ", "Monday ", "the 5th ", ", ", "; ", " -- ", "...", '"',
             "(", ") "]
    for _ in range(800):
        sentence = "".join(rng.choice(atoms) for _ in range(rng.randint(1, 30)))
        reader = SentenceTenses(sentence, tense_cues(sentence))
        for _ in range(8):
            s = rng.randrange(len(sentence))
            e = rng.randint(s + 1, len(sentence))
            assert reader.tense(s, e) == _tense_by_a_pass(sentence, s, e), (sentence, s, e)
