"""Events, event labels, the reference-events file, the timeline table and the treaty
comparison: the seed's reference annotation and hand-made articles."""
from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis_utils import load_article
from analysis_utils.errors import UnsupportedFormat
from analysis_utils.timeline.event_table import EVENT_COLUMNS, status_of
from analysis_utils.timeline.reference import (
    COMPARISON_COLUMNS,
    REFERENCE_COLUMNS,
    TIMELINE_COLUMNS,
    load_reference,
    treaty_evidence,
)
from analysis_utils.actors.registry import load_registry
from analysis_utils.timeline import events, reference_events, timeline_table, treaty_comparison
from analysis_utils.timeline.points import interval_of_value
from analysis_utils.timeline.labels import Mention, event_label

from conftest import FIXTURES, SEED

A = "2024-06-17"


def art(text: str, published=A):
    return load_article(text, published=published)


@pytest.fixture(scope="module")
def seed():
    return load_article(SEED)


@pytest.fixture(scope="module")
def seed_timeline(seed):
    return timeline_table(seed)


# --------------------------------------------------------------------------- the seed's gold events

_STOP = set("""a an the and or of in on at to for with by from as is are was were be been its their his her
this that these those new not no after before during""".split())


def _stem(w: str) -> str:
    w = w.lower().strip("'’\"()[];:,.")
    for suf in ("ing", "ed", "es", "s"):
        if len(w) > 4 and w.endswith(suf):
            return w[: -len(suf)]
    return w


def _content(text: str) -> set[str]:
    return {_stem(w) for w in re.findall(r"[A-Za-z][\w'-]*", text or "") if w.lower() not in _STOP and len(w) > 2}


def _gold_interval(value: str) -> tuple[str, str]:
    a, _, b = value.partition("/")
    return interval_of_value(a)[0].isoformat(), interval_of_value(b or a)[1].isoformat()


def test_seed_every_gold_event_is_on_the_timeline(seed_timeline, gold):
    people = [(a.name, a.kind) for a in load_registry()]
    assert gold["events"]
    for g in gold["events"]:
        gs, ge = _gold_interval(str(g["date"]))
        if g.get("in_text", True):
            rows = seed_timeline[(seed_timeline["source"] == "article")
                                 & (seed_timeline["date_start"] == gs) & (seed_timeline["date_end"] == ge)]
        else:  # a date the article assumes: from the reference file, inside the gold interval
            rows = seed_timeline[(seed_timeline["source"] == "reference")
                                 & (seed_timeline["date_start"] >= gs) & (seed_timeline["date_end"] <= ge)]
        assert len(rows), f"no row dated {g['date']} for {g['label']!r}"
        want = _content(g["label"])
        words = re.findall(r"[\w-]+", g["label"])
        gold_actors = {n for n, kind in people if n in g["label"] or (kind == "person" and n.split()[-1] in words)}

        def matches(r) -> bool:
            have = _content(" ".join(str(x) for x in (r.label, r.sentence, r.actors) if isinstance(x, str)))
            row_actors = set(str(r.actors).split(", "))
            return len(want & have) >= 2 or bool(gold_actors & row_actors)

        assert any(matches(r) for r in rows.itertuples()), (g, rows[["label", "sentence", "actors"]].to_dict("records"))


def test_seed_events_columns_types_and_offsets(seed):
    ev = events(seed)
    assert list(ev.columns) == EVENT_COLUMNS
    assert (ev["source"] == "article").all()
    assert set(ev["status"]) <= {"reported", "current", "scheduled"}
    for r in ev.itertuples():
        assert seed.text[r.start:r.end] == r.timex
        assert r.date_start <= r.date_end
        assert r.timex in r.sentence
    # durations, sets and vague references are not events
    assert not set(ev["timex"]) & {"24 years", "nine months", "nine years", "recently", "currently", "the future"}
    assert ev.attrs["anchor"] == A and ev.attrs["anchor_source"] == "published"


def test_seed_repeated_headline_in_captions_gives_no_event(seed):
    ev = events(seed)
    seg = seed.segments
    for c in seg[seg["repeats_headline"]].itertuples():
        assert not ((ev["start"] >= c.start) & (ev["start"] < c.content_start)).any()


def test_seed_statuses_and_labels(seed):
    ev = events(seed).set_index("timex")
    assert ev.loc["the 18th and 19th", "status"] == "scheduled"
    assert ev.loc["the 5th", "status"] == "reported"
    assert ev.loc["the 17th", "status"] == "current"
    assert "Vladimir Putin" in ev.loc["the 5th", "actors"]
    assert ev.loc["July of the same year", "label"] == "the summit in July of the same year"
    assert ev.loc["the day before", "label"].startswith("Jang Ho-jin")


# --------------------------------------------------------------------------- hand-made articles


def test_reported_current_and_scheduled():
    ev = events(art("The minister visited Tokyo on the 3rd. She will travel to Seoul on the 20th. "
                    "Officials said talks are under way this week.")).set_index("timex")
    assert ev.loc["the 3rd", ["date_start", "status"]].tolist() == ["2024-06-03", "reported"]
    assert ev.loc["the 20th", ["date_start", "status"]].tolist() == ["2024-06-20", "scheduled"]
    assert ev.loc["this week", "status"] == "current"


def test_status_of_rules():
    d = date(2024, 6, 17)
    assert status_of("future", date(2020, 1, 1), date(2020, 12, 31), d) == "reported"  # a past date is not ahead
    assert status_of("past", date(2025, 1, 1), date(2025, 1, 31), d) == "scheduled"
    assert status_of("past", date(2024, 6, 17), date(2024, 6, 23), d) == "reported"
    assert status_of("none", date(2024, 6, 17), date(2024, 6, 17), d) == "current"
    assert status_of("future", None, None, None) == "scheduled"


@pytest.mark.parametrize(
    "text, timex, start, end, granularity",
    [
        ("The talks began in March 2021.", "March 2021", "2021-03-01", "2021-03-31", "month"),
        ("The leaders met in 2019.", "2019", "2019-01-01", "2019-12-31", "year"),
        ("He will visit on the 18th and 19th.", "the 18th and 19th", "2024-06-18", "2024-06-19", "day"),
        ("Exports fell in the third quarter of 2023.", "the third quarter of 2023", "2023-07-01", "2023-09-30", "quarter"),
        ("Trade grew last week.", "last week", "2024-06-10", "2024-06-16", "week"),
        ("The deal was struck on February 9, 2000.", "February 9, 2000", "2000-02-09", "2000-02-09", "day"),
    ],
)
def test_intervals_are_as_wide_as_their_granularity(text, timex, start, end, granularity):
    ev = events(art(text)).set_index("timex")
    assert ev.loc[timex, ["date_start", "date_end", "granularity"]].tolist() == [start, end, granularity]


def test_named_era_is_a_period():
    ev = events(art("The clause was part of the pact during the Cold War era.")).iloc[0]
    assert (ev["date_start"], ev["date_end"], ev["granularity"]) == ("1947-01-01", "1991-12-31", "period")


def test_actors_in_events_come_from_the_clause():
    text = ("On the 5th, President Putin thanked South Korea. "
            "Choe Son-hui, North Korea's Foreign Minister, announced after visiting Russia in January that talks went well.")
    ev = events(art(text)).set_index("timex")
    assert ev.loc["the 5th", "actors"].split(", ")[0] == "Vladimir Putin"
    assert ev.loc["the 5th", "label"] == "Vladimir Putin thanked South Korea"
    assert "Choe Son-hui" in ev.loc["January", "actors"]
    assert ev.loc["January", "label"] == "Choe Son-hui announced after visiting Russia"


def test_no_dates_gives_empty_tables_with_columns():
    a = art("The cat sat on the mat. It was happy.")
    ev = events(a)
    assert ev.empty and list(ev.columns) == EVENT_COLUMNS
    tl = timeline_table(a)
    assert tl.empty and list(tl.columns) == TIMELINE_COLUMNS
    cmp = treaty_comparison(a)
    assert cmp.empty and list(cmp.columns) == COMPARISON_COLUMNS


def test_only_durations_sets_and_vague_references_give_no_events():
    ev = events(art("The war lasted 24 years. He travels every year. Recently, prices rose. Talks may resume soon."))
    assert ev.empty


def test_inferred_publication_date_is_used_and_recorded():
    a = load_article("Rain Returns\n\nPublished: 2024-03-05 14:20\n\nFarmers said on Tuesday that rain fell in late May last year.")
    assert a.published is None
    ev = events(a)
    assert ev.attrs["anchor_source"] == "inferred" and ev.attrs["anchor"] == "2024-03-05"
    row = ev.set_index("timex").loc["Tuesday"]
    assert row["date_start"] == "2024-03-05" and row["resolved_from"] == "inferred"


def test_resolved_from_says_what_the_date_was_computed_from():
    ev = events(art("The treaty was signed in February 2000, and after the summit in July of the same year, "
                    "ties grew. On the 5th, he spoke.")).set_index("timex")
    assert ev.loc["February 2000", "resolved_from"] == "text"
    assert ev.loc["July of the same year", "resolved_from"] == "earlier date"
    assert ev.loc["the 5th", "resolved_from"] == "published"


# --------------------------------------------------------------------------- labels


def _label(sentence: str, timex: str, mentions=()):
    s = sentence.index(timex)
    return event_label(sentence, s, s + len(timex), mentions)


@pytest.mark.parametrize(
    "sentence, timex, label, rule",
    [
        ("On the 5th, the minister signed the agreement.", "the 5th", "the minister signed the agreement", "clause"),
        ("The two sides will hold talks in Seoul on the 18th.", "the 18th", "The two sides will hold talks in Seoul", "clause"),
        ("The clause included in the old treaty was removed at that time.", "that time", "The clause was removed", "clause"),
        ("Ties improved after the summit in July of the same year.", "July of the same year",
         "the summit in July of the same year", "noun_phrase"),
        ("It is a reunion just nine months after their summit in September last year.", "September last year",
         "their summit in September last year", "noun_phrase"),
        ("According to officials on the 17th, the plan stands.", "the 17th", "According to officials", "attribution"),
        ("It is the key point of this week's diplomatic battle.", "this week", "this week's diplomatic battle", "possessive"),
        ("The Ministry said that water trucks would reach the districts by the end of the week.", "the end of the week",
         "water trucks would reach the districts", "clause"),
        ("Jang, the director, warned the day before, saying he was worried.", "the day before", "Jang warned", "clause"),
        ("A farmer walks across a field on March 4, 2024.", "March 4, 2024", "A farmer walks across a field", "chunk"),
    ],
)
def test_event_labels_by_general_rules(sentence, timex, label, rule):
    lab = _label(sentence, timex)
    assert (lab.text, lab.rule) == (label, rule)
    assert 0 <= lab.start <= lab.end <= len(sentence)


def test_label_subject_written_with_actor_names():
    s = "Russian President Vladimir Putin is expected to visit Pyongyang around tomorrow."
    m = [Mention(s.index("President"), s.index(" is"), "Vladimir Putin", "title+name")]
    assert _label(s, "tomorrow", m).text == "Vladimir Putin is expected to visit Pyongyang"
    s2 = "Russian troops crossed the river on the 3rd."
    m2 = [Mention(0, 7, "Russia", "demonym")]
    assert _label(s2, "the 3rd", m2).text == "Russian troops crossed the river"  # not all actors: kept as written


def test_label_never_fails_on_odd_sentences():
    for s in ("2024", "on the 5th", "the 5th,,,", "— the 5th —", '"On the 5th," he said.'):
        i = s.find("5th") if "5th" in s else 0
        lab = event_label(s, max(0, i - 4), i + 3 if "5th" in s else len(s))
        assert isinstance(lab.text, str)


# --------------------------------------------------------------------------- reference file


def test_reference_file_loads_and_validates():
    ref = reference_events()
    assert list(ref.columns) == REFERENCE_COLUMNS
    assert (ref["source"] == "reference").all() and ref["citation"].str.len().gt(10).all()
    by = {(r.date_start, r.date_end): r for r in ref.itertuples()}
    for d in (("1961-07-06", "1961-07-06"), ("2000-02-09", "2000-02-09"), ("2000-07-19", "2000-07-20"),
              ("2023-09-13", "2023-09-13"), ("2024-06-19", "2024-06-19"), ("1991-12-26", "1991-12-26")):
        assert d in by, d
    treaties = ref[ref["kind"] == "treaty"]
    assert len(treaties) == 3
    assert treaties["defence_clause"].str.match(r"(yes|removed|immediate assistance):").all()
    assert "Article 4" in by[("2024-06-19", "2024-06-19")].defence_clause
    assert all(u == "" or u.startswith("http") for u in ref["url"])
    for e in load_reference():
        if e["kind"] == "treaty":
            assert e["keywords"] and e["clause_keywords"]


BAD_ENTRIES = {
    "missing label": "- {id: a, date: '2000', citation: 'x', kind: visit}",
    "bad date": "- {id: a, date: '2000-13-01', label: l, citation: 'x', kind: visit}",
    "bad date format": "- {id: a, date: 'July 2000', label: l, citation: 'x', kind: visit}",
    "end before start": "- {id: a, date: '2000-07-19', date_end: '2000-07-01', label: l, citation: 'x', kind: visit}",
    "bad kind": "- {id: a, date: '2000', label: l, citation: 'x', kind: party}",
    "treaty without keywords": "- {id: a, date: '2000', label: l, citation: 'x', kind: treaty, treaty: T, defence_clause: d, signed: s}",
    "bad id": "- {id: 'A B', date: '2000', label: l, citation: 'x', kind: visit}",
    "bad url": "- {id: a, date: '2000', label: l, citation: 'x', kind: visit, url: 'www.x'}",
    "duplicate id": "- {id: a, date: '2000', label: l, citation: 'x', kind: visit}\n  - {id: a, date: '2001', label: l, citation: 'x', kind: visit}",
    "actors not a list": "- {id: a, date: '2000', label: l, citation: 'x', kind: visit, actors: Russia}",
}


@pytest.mark.parametrize("name", sorted(BAD_ENTRIES))
def test_reference_file_errors_name_the_problem(tmp_path, name):
    p = tmp_path / "ref.yml"
    p.write_text("events:\n  " + BAD_ENTRIES[name] + "\n", encoding="utf-8")
    with pytest.raises(UnsupportedFormat) as exc:
        load_reference(p)
    assert "ref.yml" in str(exc.value)


def test_reference_file_missing_or_not_a_list(tmp_path):
    with pytest.raises(UnsupportedFormat):
        load_reference(tmp_path / "nope.yml")
    p = tmp_path / "r.yml"
    p.write_text("events: 3\n", encoding="utf-8")
    with pytest.raises(UnsupportedFormat):
        load_reference(p)


# --------------------------------------------------------------------------- timeline table


def test_timeline_table_sorted_numbered_with_sources(seed_timeline):
    t = seed_timeline
    assert list(t.columns) == TIMELINE_COLUMNS
    assert t["n"].tolist() == list(range(1, len(t) + 1))
    assert t["date_start"].tolist() == sorted(t["date_start"])
    assert set(t["source"]) == {"article", "reference"}
    assert t.attrs["anchor"] == A


def test_reference_rows_only_when_the_article_touches_them():
    wire = load_article(FIXTURES / "articles" / "wire_story.txt")
    t = timeline_table(wire)
    assert len(t) and (t["source"] == "article").all()
    assert len(timeline_table(wire, relevant_only=False)[lambda d: d["source"] == "reference"]) == len(load_reference())
    a = art("Kim Jong-un and Vladimir Putin met on the 5th.")
    refs = timeline_table(a)[lambda d: d["source"] == "reference"]
    assert set(refs["ref_id"]) == {"vostochny-summit-2023"}  # its actors are all mentioned; no other's are
    assert (timeline_table(a, include_reference=False)["source"] == "article").all()


# --------------------------------------------------------------------------- treaty comparison


def test_seed_treaty_comparison_finds_the_articles_statements(seed):
    cmp = treaty_comparison(seed).set_index("ref_id")
    assert list(cmp.index) == ["ussr-dprk-treaty-1961", "russia-dprk-treaty-2000", "russia-dprk-treaty-2024"]
    assert "Soviet era" in cmp.loc["ussr-dprk-treaty-1961", "article_on_clause"]
    assert "removed" in cmp.loc["russia-dprk-treaty-2000", "article_on_clause"]
    assert "Friendship Treaty" in cmp.loc["russia-dprk-treaty-2000", "article_mentions"]
    on_2024 = cmp.loc["russia-dprk-treaty-2024", "article_on_clause"]
    assert "treaty to be signed" in on_2024 and "possibility" in on_2024.lower()
    assert cmp.loc["russia-dprk-treaty-2024", "defence_clause"].startswith("immediate assistance")


def _entries(keywords, clause_keywords=("defence clause",), date_="1990-05-01"):
    return [{"id": "pact", "date_start": date.fromisoformat(date_), "date_end": date.fromisoformat(date_),
             "granularity": "day", "value": date_, "label": "The Pact is signed", "actors": [], "kind": "treaty",
             "citation": "c", "url": "", "keywords": list(keywords), "clause_keywords": list(clause_keywords),
             "treaty": "Example Pact", "defence_clause": "yes: x", "signed": "s"}]


def test_treaty_evidence_comes_from_the_files_keywords():
    a = art("The Example Pact was signed in 1990. It had a defence clause. Farmers grew rice.")
    ev = treaty_evidence(a, _entries(["Example Pact"]))
    assert ev["sentence"].tolist() == ["The Example Pact was signed in 1990."]
    # the clause sentence names no keyword but holds no date either: not evidence
    ev2 = treaty_evidence(a, _entries(["rice"]))
    assert ev2["sentence"].tolist() == ["Farmers grew rice."]
    cmp = treaty_comparison(a, _entries(["Example Pact"]))
    assert cmp.loc[0, "article_on_clause"] == "(not in the article)"
    assert "Example Pact" in cmp.loc[0, "article_mentions"]


def test_treaty_evidence_by_the_treatys_year():
    a = art("The pact was signed in May 1990, and in July of the same year the defence clause was removed at that time.")
    ev = treaty_evidence(a, _entries(["nothing matches"]))
    assert len(ev) == 1 and bool(ev.iloc[0]["by_date"]) and bool(ev.iloc[0]["on_clause"])


def test_treaty_comparison_empty_when_no_treaty_is_mentioned():
    wire = load_article(FIXTURES / "articles" / "wire_story.txt")
    cmp = treaty_comparison(wire)
    assert cmp.empty and list(cmp.columns) == COMPARISON_COLUMNS
    full = treaty_comparison(wire, include_unmentioned=True)
    assert len(full) == 3 and (full["article_on_clause"] == "(not in the article)").all()


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(list("abc ,.;:'\"-—()Tw5") + ["will ", "was ", "the ", "after ", "on ", "5th",
                                                                  "According to ", "'s ", "signed "]),
                max_size=30).map("".join), st.data())
def test_property_event_label_never_fails(sentence, data):
    ts = data.draw(st.integers(0, len(sentence)))
    te = data.draw(st.integers(ts, len(sentence)))
    lab = event_label(sentence, ts, te)
    assert isinstance(lab.text, str) and lab.rule in {"possessive", "noun_phrase", "attribution", "clause", "chunk"}
    assert 0 <= lab.start <= lab.end <= len(sentence)


def test_precomputed_tables_give_the_same_results_and_are_used():
    """A notebook computes timexes, mentions and events once and passes them on; the
    results equal the ones computed inside, and the passed tables are what is read."""
    from analysis_utils.actors import find_mentions
    from analysis_utils.timeline.timexes import find_timexes_in_article

    a = art("Russia and North Korea signed a treaty in July 2000. The leaders will meet on the 19th, "
            "officials said, and the treaty of 2000 will be replaced.")
    reg = load_registry()
    tx, ms = find_timexes_in_article(a), find_mentions(a, reg)
    ev = events(a, reg, timexes=tx, mentions=ms)
    assert ev.equals(events(a, reg))
    assert timeline_table(a, registry=reg, events_table=ev, mentions=ms).equals(timeline_table(a, registry=reg))
    assert treaty_comparison(a, registry=reg, events_table=ev).equals(treaty_comparison(a, registry=reg))
    evidence = treaty_evidence(a, registry=reg, events_table=ev)
    assert treaty_comparison(a, registry=reg, evidence=evidence).equals(treaty_comparison(a, registry=reg))
    relabelled = ev.assign(label="LABEL FROM THE CALLER")
    table = timeline_table(a, include_reference=False, registry=reg, events_table=relabelled)
    assert set(table["label"]) == {"LABEL FROM THE CALLER"}
    assert events(a, reg, timexes=tx.iloc[0:0], mentions=ms).empty  # no dates given: no events
