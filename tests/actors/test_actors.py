"""Registry, mentions with resolved references, roll-up and discovery."""
from __future__ import annotations

import bisect

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis_utils import load_article
from analysis_utils.actors import MENTION_COLUMNS, discover_actors, find_mentions, quote_spans, roll_up
from analysis_utils.article import Article
from analysis_utils.errors import UnsupportedFormat
from analysis_utils.actors.registry import Registry, load_registry, read_registry_file
from conftest import SEED


@pytest.fixture(scope="module")
def seed():
    return load_article(SEED)


@pytest.fixture(scope="module")
def seed_mentions(seed):
    m = find_mentions(seed)
    nl = [i for i, c in enumerate(seed.text) if c == "\n"]
    m["line"] = [bisect.bisect_left(nl, s) + 1 for s in m["start"]]
    return m


def test_registry_covers_the_gold_actors(gold):
    reg = load_registry()
    for g in gold["actors"]:
        a = reg.get(g["name"])
        assert a is not None, g["name"]
        assert a.kind == g["kind"]
        if "country" in g:
            assert a.country == g["country"]
        if "successor" in g:
            assert a.successor == g["successor"]


def test_every_gold_reference_resolves(seed_mentions, gold):
    for ref in gold["references"]:
        rows = seed_mentions[(seed_mentions.line == ref["line"]) & (seed_mentions.text == ref["text"])]
        assert len(rows) >= 1, ref
        assert set(rows.actor) == {ref["actor"]}, ref


def test_every_gold_actor_is_mentioned(seed_mentions, gold):
    assert {g["name"] for g in gold["actors"]} <= set(seed_mentions.actor)


def test_mentions_are_traceable(seed, seed_mentions):
    assert list(seed_mentions.columns[: len(MENTION_COLUMNS)]) == MENTION_COLUMNS
    sents = seed.sentences.set_index("sentence_id")
    for r in seed_mentions.itertuples():
        assert seed.text[r.start : r.end] == r.text
        s = sents.loc[r.sentence_id]
        assert s.start <= r.start and r.end <= s.end


def test_repeated_headline_in_captions_is_not_counted(seed, seed_mentions):
    seg = seed.segments
    for r in seg[seg.repeats_headline].itertuples():
        inside = seed_mentions[(seed_mentions.start >= r.start) & (seed_mentions.start < r.content_start)]
        assert inside.empty


def test_title_kim_jong_un_never_kim_jong_il():
    text = "Chairman Kim Jong-un met officials. His father Kim Jong-il ruled until 2011. Kim Jong-un smiled."
    m = find_mentions(text)
    assert list(m[m.via != "pronoun"].actor) == ["Kim Jong-un", "Kim Jong-il", "Kim Jong-un"]
    assert m.iloc[0].text == "Chairman Kim Jong-un" and m.iloc[0].via == "title+name"


def test_surname_alone_goes_to_the_most_recent_person_with_that_name():
    text = (
        "North Korean leader Kim Jong-un hosted the talks. Kim Min-ji, a researcher at a Seoul think tank, "
        "said the visit mattered. Kim added that sanctions would stay."
    )
    m = find_mentions(text)
    # the last "Kim" follows the unregistered Kim Min-ji: it must not become Kim Jong-un
    assert len(m[(m.actor == "Kim Jong-un")]) == 1


def test_surname_after_full_mention():
    text = "Foreign Minister Choe Son-hui arrived on Monday. Choe said the talks went well."
    m = find_mentions(text)
    row = m[m.text == "Choe"].iloc[0]
    assert row.actor == "Choe Son-hui" and row.via == "surname" and row.antecedent == "Foreign Minister Choe Son-hui"


def test_pronouns_follow_gender_and_skip_quotes():
    text = (
        'Kim Yo-jong issued a statement. She said, "He will regret it." Vladimir Putin did not reply. '
        "His spokesman was silent."
    )
    m = find_mentions(text)
    pron = m[m.via == "pronoun"]
    assert list(zip(pron.text, pron.actor)) == [("She", "Kim Yo-jong"), ("His", "Vladimir Putin")]


def test_pronoun_does_not_jump_to_a_registry_person_over_an_unknown_one():
    text = "Vladimir Putin will visit. Tran Van Minh, an analyst at a Hanoi institute, was doubtful. He said little."
    m = find_mentions(text)
    assert m[m.via == "pronoun"].empty  # "He" is Tran, who is not in the registry


def test_metonyms_act_but_places_do_not():
    m = find_mentions("Pyongyang said the drills were a provocation. Putin arrived in Pyongyang on Tuesday.")
    met = m[m.text == "Pyongyang"]
    assert list(met.via) == ["metonym"] and met.iloc[0].actor == "North Korea"


def test_the_government_uses_the_outlet_country_or_the_official_named_next():
    art = Article("The government will respond. Officials met.", meta={"outlet": "The Korea Herald"})
    assert find_mentions(art).iloc[0].actor == "South Korea"
    art2 = Article("The government will respond. Sergey Lavrov said so.")
    m = find_mentions(art2)
    assert m.iloc[0].text == "The government" and m.iloc[0].actor == "Russia"
    assert find_mentions(Article("The government will respond.")).empty  # nothing to point to


def test_demonym_in_a_title_is_not_a_country_mention():
    m = find_mentions("Russian President Vladimir Putin met Russian workers.")
    assert list(zip(m.actor, m.via)) == [("Vladimir Putin", "title+name"), ("Russia", "demonym")]
    assert find_mentions("Russian workers left.", include_demonyms=False).empty


def test_aliases_inside_longer_names_are_not_mentions():
    m = find_mentions("Exports to South America rose. The North Atlantic route closed. America objected.")
    assert list(m.actor) == ["United States"] and m.iloc[0].text == "America"


def test_roll_up_counts_people_toward_their_country_and_keeps_the_soviet_union_apart():
    m = find_mentions("Vladimir Putin praised the Soviet Union. Russia agreed.")
    r = roll_up(m)
    assert list(r.counted_as) == ["Russia", "Soviet Union", "Russia"]
    assert list(roll_up(m, link_predecessors=True).counted_as) == ["Russia", "Russia", "Russia"]


def test_discovery_lists_unknown_people_with_roles():
    text = (
        "Park Ji-won, a professor at Seoul National University, said the summit was symbolic. "
        "Defense Minister Lloyd Austin disagreed. Vladimir Putin was silent."
    )
    d = discover_actors(text).set_index("name")
    assert d.loc["Park Ji-won", "role"] == "a professor at Seoul National University"
    assert not d.loc["Park Ji-won", "in_registry"]
    assert "Lloyd Austin" in d.index and d.loc["Lloyd Austin", "pattern"] == "title"
    assert d.loc["Lloyd Austin", "role"] == "Defense Minister"


def test_discovery_on_the_seed_finds_the_analysts_with_roles(seed):
    d = discover_actors(seed).set_index("name")
    assert d.loc["Joh Han-beom", "role"].startswith("Senior Research Fellow")
    assert d.loc["Jang Ho-jin", "role"] == "Director of the National Security Office"


def test_user_actors_extend_the_registry(tmp_path):
    reg = load_registry().extend([{"name": "Tran Van Minh", "kind": "person", "country": "Vietnam", "gender": "male"}])
    m = find_mentions("Tran Van Minh spoke. He was angry.", registry=reg)
    assert list(m.actor) == ["Tran Van Minh", "Tran Van Minh"]
    f = tmp_path / "extra.yml"
    f.write_text("actors:\n  - {name: Hanoi Water Board, kind: organisation, country: Vietnam}\n")
    assert read_registry_file(f)[0].kind == "organisation"


@pytest.mark.parametrize(
    "content,msg",
    [("actors: [{kind: person}]", "without a name"), ("actors: [{name: X, kind: planet}]", "kind must be"),
     ("actors: [{name: X, kind: person, colour_x: 1}]", "unknown field"), ("actors: {a: 1}", "a list"),
     ("actors: [", "cannot read")],
)
def test_bad_registry_files_give_clear_errors(tmp_path, content, msg):
    f = tmp_path / "bad.yml"
    f.write_text(content)
    with pytest.raises(UnsupportedFormat, match=msg) as ei:
        read_registry_file(f)
    assert "bad.yml" in str(ei.value)


def test_quote_spans_pair_marks_and_ignore_strays():
    text = 'He said "one" and “two”.\nA stray " mark.'
    spans = quote_spans(text)
    assert [text[s:e] for s, e in spans] == ['"one"', "“two”"]


def test_registry_is_immutable_and_later_entries_win():
    reg = Registry(()).extend([{"name": "A", "kind": "country"}, {"name": "A", "kind": "bloc"}])
    assert len(reg) == 1 and reg.get("A").kind == "bloc"


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(["Putin", " said", ". ", "He ", "his ", '"', "the Kremlin", "Pyongyang", "\n",
                                 "Russian ", "Kim", " Jong-un", "The government ", "in ", ",", "x"]), max_size=30).map("".join))
def test_mentions_never_crash_and_stay_in_bounds(text):
    m = find_mentions(text)
    for r in m.itertuples():
        assert 0 <= r.start < r.end <= len(text) and text[r.start : r.end] == r.text


def test_quote_spans_follow_the_quote_finders_pairing():
    """Mentions inside quotations are told apart with the same pairing the quote finder
    uses: a quotation over two paragraphs (only the last closes) covers both, a mis-curled
    mark still pairs, and an apostrophe or single-quoted term protects nothing."""
    text = ('Kim said: "Russia is a friend.\n"Putin is welcome," he added.\n'
            "The 'alliance' is Russia's idea, ”he said” nothing.")
    spans = [text[s:e] for s, e in quote_spans(text)]
    assert spans[0] == '"Russia is a friend.' and spans[1] == '"Putin is welcome,"'
    assert not any("alliance" in s for s in spans)
