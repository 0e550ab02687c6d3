"""Temporal expressions: the seed's reference annotation, one case per rule, numbers
that are not dates, robustness, and publication-date inference."""
from __future__ import annotations

from datetime import date, datetime

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis_utils import load_article
from analysis_utils.timeline import find_timexes, find_timexes_in_article, infer_published
from analysis_utils.timeline.timexes import COLUMNS, duration_value, parse_number

from conftest import SEED

A = "2024-06-17"  # a Monday, ISO week 25
TYPES = {"DATE", "TIME", "DURATION", "SET"}


def values(text: str, anchor=A) -> dict[str, str]:
    return {r.text: r.value for r in find_timexes(text, anchor).itertuples()}


def check(text: str, expected: dict[str, str], anchor=A) -> dict[str, str]:
    got = values(text, anchor)
    for k, v in expected.items():
        assert got.get(k) == v, f"{k!r}: expected {v}, got {got.get(k)!r} in {got}"
    return got


# --------------------------------------------------------------------------- the seed


@pytest.fixture(scope="module")
def seed_article():
    return load_article(SEED)


@pytest.fixture(scope="module")
def seed_timexes(seed_article):
    return find_timexes_in_article(seed_article)


def _line_starts(text: str) -> list[int]:
    starts = [0]
    for line in text.split("\n"):
        starts.append(starts[-1] + len(line) + 1)
    return starts


def _span(text: str, starts: list[int], line: int, needle: str, nth: int = 1) -> tuple[int, int]:
    base = starts[line - 1]
    line_text = text[base:starts[line] - 1]
    pos = -1
    for _ in range(nth):
        pos = line_text.index(needle, pos + 1)
    return base + pos, base + pos + len(needle)


def test_seed_every_gold_timex_found_with_exact_span_and_value(seed_article, seed_timexes, gold):
    text = seed_article.text
    starts = _line_starts(text)
    by_span = {(r.start, r.end): r for r in seed_timexes.itertuples()}
    assert len(gold["timexes"]) == 19
    for g in gold["timexes"]:
        span = _span(text, starts, g["line"], g["text"], g.get("nth", 1))
        row = by_span.get(span)
        assert row is not None, f"missing {g}"
        assert row.type == g["type"], (g, row.type)
        assert row.value in g["values"], (g, row.value)


def test_seed_optional_timexes_have_accepted_values(seed_article, seed_timexes, gold):
    text = seed_article.text
    starts = _line_starts(text)
    found = 0
    for g in gold["optional_timexes"]:
        s, e = _span(text, starts, g["line"], g["text"], g.get("nth", 1))
        hits = [r for r in seed_timexes.itertuples() if r.start < e and s < r.end]
        for r in hits:
            assert r.value in g["values"], (g, r.text, r.value)
        found += bool(hits)
    assert found >= 6  # credit: most of the vague references are found


def test_seed_nothing_false_in_body_text(seed_article, seed_timexes, gold):
    text = seed_article.text
    starts = _line_starts(text)
    allowed = [_span(text, starts, g["line"], g["text"], g.get("nth", 1))
               for g in gold["timexes"] + gold["optional_timexes"]]
    seg = seed_article.segments.set_index("segment_id")
    for r in seed_timexes.itertuples():
        if seg.loc[r.segment_id, "kind"] != "body":
            continue
        assert any(r.start < e and s < r.end for s, e in allowed), f"false timex {r.text!r} {r.value}"


def test_seed_caption_repeated_headline_not_counted(seed_article, seed_timexes):
    text = seed_article.text
    starts = _line_starts(text)
    for line in (20, 35):  # captions that repeat the headline "... on 18-19th ..."
        s, e = _span(text, starts, line, "18-19th")
        assert not any(r.start < e and s < r.end for r in seed_timexes.itertuples())


def test_seed_article_table_columns_and_offsets(seed_article, seed_timexes):
    df = seed_timexes
    assert list(df.columns) == COLUMNS + ["segment_id", "sentence_id"]
    assert (df["end"] > df["start"]).all()
    for r in df.itertuples():
        assert seed_article.text[r.start:r.end] == r.text
        assert r.segment_id >= 0 and r.sentence_id >= 0
        sent = seed_article.sentences.set_index("sentence_id").loc[r.sentence_id]
        assert sent["start"] <= r.start and r.end <= sent["end"]
    assert (df["anchor_kind"] != "none").any()
    assert set(df.loc[df["anchor_kind"] == "publication", "anchor_used"]) == {"2024-06-17"}


def test_seed_headline_resolves_like_body(seed_article, seed_timexes):
    head = seed_timexes[seed_timexes["text"].isin(["18-19th", "Tomorrow"])]
    assert dict(zip(head["text"], head["value"])) == {"18-19th": "2024-06-18/2024-06-19", "Tomorrow": "2024-06-18"}


def test_seed_plain_text_gives_the_same_values(seed_text, seed_timexes):
    plain = find_timexes(seed_text, date(2024, 6, 17))
    art = dict(zip(zip(seed_timexes["start"], seed_timexes["end"]), seed_timexes["value"]))
    for r in plain.itertuples():
        if (r.start, r.end) in art:
            assert art[(r.start, r.end)] == r.value


# --------------------------------------------------------------------------- rules


@pytest.mark.parametrize("text, expected", [
    ("On the 5th, Putin expressed gratitude.", {"the 5th": "2024-06-05"}),
    ("Putin will visit on the 18th.", {"the 18th": "2024-06-18"}),
    ("Putin visited Seoul on the 20th.", {"the 20th": "2024-05-20"}),
    ("Putin will visit Seoul on the 3rd.", {"the 3rd": "2024-07-03"}),
    ("The summit is scheduled for the 2nd.", {"the 2nd": "2024-07-02"}),
    ("According to diplomatic sources on the 17th, he will visit.", {"the 17th": "2024-06-17"}),
])
def test_day_ordinal_by_tense(text, expected):
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("He arrived on Friday.", {"Friday": "2024-06-14"}),
    ("He will leave on Friday.", {"Friday": "2024-06-21"}),
    ("They met last Friday and will meet again next Monday.", {"last Friday": "2024-06-14", "next Monday": "2024-06-24"}),
    ("She visited Russia in January.", {"January": "2024-01"}),
    ("She will visit Russia in January.", {"January": "2025-01"}),
    ("The talks are expected to resume in September.", {"September": "2024-09"}),
    ("The deal was signed in September.", {"September": "2023-09"}),
    ("Last summer was hot; this winter will be cold.", {"Last summer": "2023-SU", "this winter": "2024-WI"}),
])
def test_weekdays_months_seasons_by_tense(text, expected):
    check(text, expected)


def test_deictic_units():
    check("Exports rose last year and will rise next month.", {"last year": "2023", "next month": "2024-07"})
    check("This week and last week.", {"This week": "2024-W25", "last week": "2024-W24"})
    check("Today, yesterday and tomorrow.", {"Today": "2024-06-17", "yesterday": "2024-06-16", "tomorrow": "2024-06-18"})
    check("Two weeks ago, the team left. Three days ago, it came back.",
          {"Two weeks ago": "2024-W23", "Three days ago": "2024-06-14"})
    check("Sales were higher a year earlier.", {"a year earlier": "2023"})


def test_anaphora_uses_the_last_date_mentioned():
    got = check("He met her on March 3, 2021. The day before, he had called her.",
                {"March 3, 2021": "2021-03-03", "The day before": "2021-03-02"})
    row = find_timexes("He met her on March 3, 2021. The day before, he had called her.", A).iloc[1]
    assert row["anchor_kind"] == "previous_date" and row["anchor_used"] == "2021-03-03"
    assert got
    check("He met her on March 3, 2021. The next day, they signed.", {"The next day": "2021-03-04"})
    check("They signed a treaty in February 2000, and in July of the same year they met.",
          {"February 2000": "2000-02", "July of the same year": "2000-07"})
    check("The plant opened in 1998. Later that year it closed.", {"that year": "1998"})
    check("The treaty was signed in July 2000. The clause was removed at that time.", {"that time": "2000-07"})


def test_day_anaphora_without_a_day_in_focus_uses_the_anchor():
    check("He warned the day before.", {"the day before": "2024-06-16"})
    # a day named in an earlier paragraph is out of focus
    check("On May 3, 2021, they met.\n\nThe minister warned the day before.", {"the day before": "2024-06-16"})
    # a month is not a day: "the day before" still needs a day
    check("In January he visited. He warned the day before.", {"the day before": "2024-06-16"})


@pytest.mark.parametrize("text, expected", [
    ("Putin will visit on the 18th and 19th.", {"the 18th and 19th": "2024-06-18/2024-06-19"}),
    ("Putin to Visit on 18-19th", {"18-19th": "2024-06-18/2024-06-19"}),
    ("The summit will be held June 18-19.", {"June 18-19": "2024-06-18/2024-06-19"}),
    ("Prices rose between 2000 and 2004.", {"2000 and 2004": "2000/2004"}),
])
def test_ranges_are_one_expression(text, expected):
    df = find_timexes(text, A)
    assert len(df) == 1
    check(text, expected)
    assert df.iloc[0]["value_start"] < df.iloc[0]["value_end"]


@pytest.mark.parametrize("text, expected", [
    ("It took 24 years, nine months and 1.5 hours.", {"24 years": "P24Y", "nine months": "P9M", "1.5 hours": "PT1.5H"}),
    ("For twenty-four years, a dozen years and two and a half years.",
     {"twenty-four years": "P24Y", "a dozen years": "P12Y", "two and a half years": "P2Y6M"}),
    ("a minute and a half, half an hour, a couple of weeks, several years",
     {"a minute and a half": "PT1M30S", "half an hour": "PT30M", "a couple of weeks": "P2W", "several years": "PXY"}),
    ("a two-week break and a 30-year bond", {"two-week": "P2W", "30-year": "P30Y"}),
])
def test_durations_and_number_words(text, expected):
    got = check(text, expected)
    rows = find_timexes(text, A)
    assert set(rows["type"]) == {"DURATION"}, got


def test_in_n_years_after_first_is_a_duration_not_a_future_date():
    for text in ("This is his first visit to North Korea in 24 years.",
                 "Putin to Visit Pyongyang for the First Time in 24 Years"):
        df = find_timexes(text, A)
        assert list(df["type"]) == ["DURATION"] and list(df["value"]) == ["P24Y"]
        assert "2048" not in " ".join(map(str, df["value"]))


def test_dateline_and_explicit_dates():
    check("SEOUL, Jun. 24 (Yonhap) -- North Korea fired a missile.", {"Jun. 24": "2024-06-24"}, anchor="2024-06-25")
    check("It was published on 2024-03-05 and updated 2024.06.18 09:12.",
          {"2024-03-05": "2024-03-05", "2024.06.18 09:12": "2024-06-18T09:12"})
    check("They met on July 4, 2000, and 9 February 2000.", {"July 4, 2000": "2000-07-04", "9 February 2000": "2000-02-09"})
    check("He was born in the 1990s and lived in the 20th century.", {"the 1990s": "199", "the 20th century": "19"})
    check("In the third quarter of 2023 and the first half of 2024.",
          {"the third quarter of 2023": "2023-Q3", "the first half of 2024": "2024-H1"})


def test_time_takes_its_day():
    df = find_timexes("The plane landed at 2:22 a.m. on the 19th.", "2024-06-19")
    row = df[df["text"] == "2:22 a.m."].iloc[0]
    assert row["type"] == "TIME" and row["value"] == "2024-06-19T02:22"
    check("Talks began at 10 p.m. Wednesday.", {"10 p.m. Wednesday": "2024-06-12T22:00"})
    check("He spoke this morning.", {"this morning": "2024-06-17TMO"})


def test_sets():
    df = find_timexes("The festival is held every year, each Monday and twice a week; it pays $5 a year.", A)
    assert set(df["type"]) == {"SET"}
    # the frequency is inside a SET's extent; a rate of money ("$5 a year") is no time
    assert dict(zip(df["text"], df["value"])) == {"every year": "P1Y", "each Monday": "XXXX-WXX-1",
                                                  "twice a week": "P1W"}


def test_frequencies_and_rates():
    check("The board meets three times a year and once a month.", {"three times a year": "P1Y", "once a month": "P1M"})
    for rate in ("The plan saves $500 million a year.", "Prices rise 5% a year.", "It runs 15 million instructions per second."):
        assert find_timexes(rate, A).empty, rate
    # "once a year ago" is no frequency
    assert "once a year" not in values("He was arrested once a year ago.")


def test_vague_references():
    check("Russia is currently on the defensive and has recently sent messages. In the future it may change.",
          {"currently": "PRESENT_REF", "recently": "PAST_REF", "the future": "FUTURE_REF"})
    check("So far, nothing. Earlier, Choe visited Russia.", {"So far": "PRESENT_REF", "Earlier": "PAST_REF"})
    # not sentence adverbs: no reference
    assert "earlier" not in values("Sales were higher a year earlier.")
    assert "previously" not in values("the previously announced plan")


def test_amounts_counted_from_an_event_are_durations():
    # TimeML: "two days later" tags the amount; "later" is a signal outside the timex
    got = check("Two days later, police arrested him. A week earlier, he had resigned. Days later, he died.",
                {"Two days": "P2D", "A week": "P1W", "Days": "PXD"})
    assert not {"Two days later", "A week earlier", "Days later"} & set(got)
    check("Nearly a year later, the city was rebuilt. Two years later, he died.",
          {"Nearly a year": "P1Y", "Two years": "P2Y"})
    assert set(find_timexes("Two days later, police arrested him.", A)["type"]) == {"DURATION"}, got
    check("He was arrested on June 7, a day after the blasts.", {"June 7": "2024-06-07", "a day": "P1D"})
    assert find_timexes("He was arrested on June 7, a day after the blasts.", A).iloc[1]["type"] == "DURATION"
    # a year-level comparison of figures stays a date; "years ago" is some time back
    check("Sales were $5 million, up from $4 million a year earlier.", {"a year earlier": "2023"})
    check("Years ago, the plant closed.", {"Years ago": "PAST_REF"})


def test_weekday_without_tense_cue_prefers_the_past():
    # no verb at all: the last Thursday, unless the next one is much nearer
    check("A 24% premium over Thursday's close.", {"Thursday": "2024-06-13"})
    check("A premium over Wednesday's close.", {"Wednesday": "2024-06-19"}, anchor="2024-06-17")
    # a scheduled event in the simple present looks ahead
    check("The team leaves Thursday for Seoul.", {"Thursday": "2024-06-20"})
    check("He and the minister meet separately Thursday.", {"Thursday": "2024-06-20"})
    # "say" in the present is no past: "will say on Friday" is ahead
    check("The president will say on Friday that the plan works.", {"Friday": "2024-06-21"})
    check("Officials said Friday that the plan works.", {"Friday": "2024-06-14"})


def test_day_and_part_of_day_in_focus():
    check("The crash came on June 7. Later in the day, rescuers arrived.", {"Later in the day": "2024-06-07"})
    check("Markets fell Friday. Dealers placed orders in the morning.", {"the morning": "2024-06-14TMO"})
    check("The embassy was bombed on the morning of June 7.", {"the morning of June 7": "2024-06-07TMO"})
    # idioms and habits are not times
    assert values("At the end of the day, voters decide.") == {}
    assert values("He gets up at six in the morning.") == {}


def test_wire_service_clock_times_and_previous_weekday():
    check("The blast came at 10:30 a.m. (0730 GMT) on Friday.", {"0730 GMT": "2024-06-14T07:30"})
    assert values("In 1999 GMT was redefined.") == {"1999": "1999"}
    check("Shares closed Friday.\n\nThey were down 4% from the previous Friday.", {"the previous Friday": "2024-06-07"})


def test_last_month_name_for_the_month_just_ended_is_a_year_back():
    check("Two helicopters crashed last February.", {"last February": "2023-02"}, anchor="2024-03-01")
    check("Prices rose last January.", {"last January": "2024-01"}, anchor="2024-03-01")


@pytest.mark.parametrize("text, expected", [
    ("The boy was found on Thanksgiving Day.", {"Thanksgiving Day": "2023-11-23"}),
    ("The family gathered on Christmas Eve.", {"Christmas Eve": "2023-12-24"}),
    ("Services were held on Easter Sunday.", {"Easter Sunday": "2024-03-31"}),
    ("He was born on Christmas Day, 1950.", {"Christmas Day, 1950": "1950-12-25"}),
    ("Voters will go to the polls on Election Day.", {"Election Day": "2024-11-05"}),
])
def test_holidays_are_dates(text, expected):
    check(text, expected)


def test_holiday_names_that_are_not_times():
    assert values("The Labor Day weekend was busy.") == {}
    assert values("Kenya celebrated its Independence Day.") == {}


def test_month_ranges_durations_and_generic_today():
    check("Exports for the January-June period rose.", {"January": "2024-01", "June": "2024-06"})
    check("The deal follows months of talks.", {"months": "PXM"})
    check("Paternity is hard to prove in today's world.", {"today": "PRESENT_REF"})
    check("Today's meeting was cancelled.", {"Today": "2024-06-17"})


@pytest.mark.parametrize("text", [
    "The 1,402 items in Article 4 of No. 2 rose 5 percent.",
    "the 2nd Division and Kim Jong-un's 3 children",
    "call 02-1234-5678 or +82 10 2024 0618; see page 2010 and p. 1998.",
    "2000 troops and 1500 people paid $2000 for 2,000 tanks; 2020% more.",
    "Room 1204, Highway 1999, model 2010, version 2.0.2024",
    "the 5th floor and the 50th anniversary; finished 3rd",
    "Morning Edition aired on USA Today's site.",
])
def test_numbers_that_are_not_dates(text):
    assert find_timexes(text, A).empty, values(text)


# --------------------------------------------------------------------------- robustness


def test_empty_and_dateless_text():
    for text in ("", "   \n\n ", "The cat sat on the mat."):
        df = find_timexes(text, A)
        assert df.empty and list(df.columns) == COLUMNS


def test_anchor_forms_and_none():
    for anchor in (A, date(2024, 6, 17), datetime(2024, 6, 17, 9, 30), pd.Timestamp("2024-06-17"), "20240617"):
        assert values("He left yesterday.", anchor) == {"yesterday": "2024-06-16"}
    got = values("He arrived on the 5th, left tomorrow, and in 2000 met her; in July of the same year they wed.", None)
    assert got["the 5th"] == "XXXX-XX-05" and got["tomorrow"] == "XXXX-XX-XX"
    assert got["2000"] == "2000" and got["July of the same year"] == "2000-07"
    df = find_timexes("Yesterday.", None)
    assert df.iloc[0]["anchor_kind"] == "none"


def test_bad_input_types():
    with pytest.raises(TypeError):
        find_timexes(None, A)
    with pytest.raises(ValueError):
        find_timexes("today", "not a date")


@pytest.mark.parametrize("anchor", [date(1, 1, 1), date(9999, 12, 31), date(2000, 2, 29)])
def test_extreme_anchors_do_not_crash(anchor):
    text = ("Last week, on Friday the 13th, two weeks ago and next year; the day before, this quarter, "
            "next weekend, in January, a year earlier, the 1990s and the next century.")
    df = find_timexes(text, anchor)
    assert len(df) > 5
    for r in df.itertuples():
        assert text[r.start:r.end] == r.text


def test_huge_numbers_do_not_crash():
    text = "It lasted 99999999999999999999 years, 10**400 days and 123456789 months; day 99th; year 99999."
    df = find_timexes(text, A)
    for r in df.itertuples():
        assert text[r.start:r.end] == r.text


def test_duration_value_and_parse_number():
    assert duration_value(24, "year") == "P24Y"
    assert duration_value(1.5, "hour") == "PT1.5H"
    assert duration_value(2.5, "year", mixed=True) == "P2Y6M"
    assert duration_value(None, "month") == "PXM"
    assert parse_number("twenty-four") == 24 and parse_number("a dozen") == 12 and parse_number("several") is None


_ALPHABET = st.sampled_from(
    list("abc XYZ 0123456789 .,;:-/'’\"()\n") + ["the ", "on ", "June ", "May ", "Monday ", "2024", "18th", "-19th",
                                                  "last year", " ago", "tomorrow", "a.m.", " years", "nine ",
                                                  "every ", "quarter", "since "]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=40).map("".join), st.sampled_from([None, A, "1999-12-31"]))
def test_property_offsets_valid(text, anchor):
    df = find_timexes(text, anchor)
    assert list(df.columns) == COLUMNS
    prev_end = -1
    for r in df.itertuples():
        assert 0 <= r.start < r.end <= len(text)
        assert text[r.start:r.end] == r.text
        assert r.type in TYPES
        assert r.start >= prev_end  # no overlaps, in text order
        prev_end = r.end


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_property_any_text(text):
    df = find_timexes(text, A)
    for r in df.itertuples():
        assert text[r.start:r.end] == r.text


# --------------------------------------------------------------------------- publication date


def test_fixture_articles_run(tmp_path):
    from conftest import FIXTURES

    for path in sorted((FIXTURES / "articles").glob("*")):
        art = load_article(path, published="2024-06-17")
        df = find_timexes_in_article(art)
        for r in df.itertuples():
            assert art.text[r.start:r.end] == r.text
        assert (df["segment_id"] >= 0).all()


def test_infer_published_seed(seed_article, seed_text):
    for source in (seed_article, seed_text):
        d, evidence = infer_published(source)
        assert d == date(2024, 6, 17)
        assert "24 years since July 2000" in evidence and "the 17th" in evidence


def test_infer_published_timestamp_lines():
    assert infer_published("Input 2024.06.18 09:12\nA story.")[0] == date(2024, 6, 18)
    assert infer_published("Updated: 2024-03-06\nPublished: 2024-03-05\nText.")[0] == date(2024, 3, 5)
    d, ev = infer_published("Published June 17, 2024\n\nText.")
    assert d == date(2024, 6, 17) and "timestamp" in ev


def test_infer_published_dateline_with_year_elsewhere():
    d, ev = infer_published("SEOUL, Jun. 24 (Yonhap) -- The talks, first held in March 2023, resumed.")
    assert d == date(2023, 6, 24) and "dateline" in ev


def test_infer_published_returns_none_when_the_text_does_not_allow_it():
    assert infer_published("The cat sat on the mat.") == (None, "no clue to the publication date in the text")
    d, ev = infer_published("According to officials on the 17th, the talks will resume.")
    assert d is None and "incomplete" in ev and "day 17" in ev
    d, _ = infer_published("It happened on the 5th, in 2001.")
    assert d is None


def test_infer_published_month_from_months_after_last_year():
    text = ("According to sources on the 3rd, the two leaders will meet again, "
            "just four months after their summit in November last year. "
            "They met in November 2023, and this is the first visit in 5 years since 2019.")
    d, ev = infer_published(text)
    assert d == date(2024, 3, 3), ev
    # clues that disagree give no date, and say so
    d, ev = infer_published(text.replace("November 2023", "November 2021"))
    assert d is None and "conflicting years" in ev


# --------------------------------------------------------------------------- the modules behind the tagger


def test_public_names_stay_importable():
    import analysis_utils.timeline as timeline
    import analysis_utils.timeline.timexes as timexes

    assert timeline.find_timexes is timexes.find_timexes
    assert timeline.find_timexes_in_article is timexes.find_timexes_in_article
    for name in ("COLUMNS", "duration_value", "parse_number", "find_timexes_in_regions", "parse_anchor"):
        assert hasattr(timexes, name)


def test_rules_are_named_ordered_and_triggered():
    from analysis_utils.timeline.engine import RULES

    names = [r.name for r in RULES]
    assert len(names) == len(set(names)) == 46
    assert names[0] == "month_day" and names[-1] == "era"  # the order settles ties between equal candidates
    assert all(r.triggers for r in RULES)


def test_named_eras_come_from_the_data_file(tmp_path):
    from analysis_utils.timeline.rules.vague import ERAS_FILE, load_eras

    eras = load_eras()
    assert ERAS_FILE.is_file() and eras["soviet"] == "1922/1991" and eras["post-war"] == "1945/XXXX"
    check("Ties were close during the Soviet era and the Cold War period.",
          {"the Soviet era": "1922/1991", "the Cold War period": "1947/1991"})
    bad = tmp_path / "eras.yml"
    bad.write_text("eras:\n  bronze: 'long ago'\n", encoding="utf-8")
    with pytest.raises(ValueError, match="bronze"):
        load_eras(bad)


def test_article_without_a_date_uses_the_inferred_one():
    art = load_article("Talks Resume\n\nPublished: 2024-03-05\n\nThe envoys met on Tuesday and will meet again on the 20th.")
    df = find_timexes_in_article(art)
    assert df.attrs["anchor_source"] == "inferred"
    assert values_of(df) == {"Tuesday": "2024-03-05", "the 20th": "2024-03-20"}


def values_of(df: pd.DataFrame) -> dict[str, str]:
    return {r.text: r.value for r in df.itertuples() if r.type == "DATE"}


# --- issue #4: conventions of the TimeML guidelines checked on hand-made news sentences


def test_bare_half_year_in_business_news():
    # "the first half" with no year: this year's, or last year's when a past clause
    # speaks of a half that has not begun (anchor 2024-06-17 is in the first half)
    check("Profits rose 5 percent in the first half.", {"the first half": "2024-H1"})
    check("Sales fell in the second half, the company said.", {"the second half": "2023-H2"})
    check("The airline expects a profit in the second half.", {"the second half": "2024-H2"})
    check("First-half earnings rose.", {"First-half": "2024-H1"})
    # a game's half, a half hour, "the first half of the match": no time
    for text in ("He scored twice in the second half.", "The first half hour was dull.",
                 "Profits of the first half of the match were shared."):
        assert not any("half" in k for k in values(text)), text


def test_overnight_is_the_night_before_the_day_in_focus():
    check("Fighting continued overnight.", {"overnight": "2024-06-16TNI"})
    check("On June 7, shares fell after overnight losses in New York.", {"overnight": "2024-06-06TNI"})
    assert find_timexes("Fighting continued overnight.", A).iloc[0]["type"] == "TIME"
    for text in ("It was an overnight success.", "The overnight rate rose."):
        assert find_timexes(text, A).empty, text


def test_same_period_of_last_year():
    check("In the first quarter, exports rose 10 percent over the same period of last year.",
          {"the first quarter": "2024-Q1", "the same period of last year": "2023-Q1"})


def test_decade_written_without_apostrophe():
    check("He grew up in the 60s and left in the late 70s.", {"the 60s": "196", "the late 70s": "197"})
    for text in ("Highs will be in the 80s.", "People in their 60s are at risk."):
        assert find_timexes(text, A).empty, text
    # the style of the New York Times in the 1990s: "the 1960's", "the 90's"
    check("The music of the 1960's is back; he grew up in the 90's.", {"the 1960's": "196", "the 90's": "199"})


def test_last_decade_is_the_previous_one():
    check("Crime fell in the last decade.", {"the last decade": "201"})
    check("The bridge was built in the last century.", {"the last century": "19"})


@pytest.mark.parametrize("sentence,value", [
    ("The summit will be held on the 18th.", "2024-06-18"),
    ("The summit will be held on the 18th and 19th.", "2024-06-18/2024-06-19"),
    ("The summit was held on the 5th.", "2024-06-05"),
    ("The new law has been signed on the 5th.", "2024-06-05"),
])
def test_passive_participle_after_a_modal_is_no_past(sentence, value):
    df = find_timexes(sentence, "2024-06-17")
    assert df["value"].tolist() == [value]
