"""The helpers behind the faster text and actor layers give what the plain code gave."""
from __future__ import annotations

import random
import re

import numpy as np
import pandas as pd

from analysis_utils.text.alternation import alternation, word_alternation
from analysis_utils.text.frames import bools, ints, objects, strings, table


def _flat(words, tails, not_after):
    alts = "|".join(re.escape(w) + t for w, t in zip(words, tails))
    return re.compile((f"(?<!{not_after})" if not_after else "") + "(?:" + alts + ")")


def test_a_prefix_tree_alternation_matches_as_the_flat_one():
    rng = random.Random(11)
    alphabet = "ab -T"
    for _ in range(1500):
        words = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 5))) for _ in range(rng.randint(1, 8))]
        if rng.random() < 0.5:
            words = sorted(set(words), key=len, reverse=True)
        tails = [r"(?!\s+[A-Z])" if rng.random() < 0.3 else "" for _ in words]
        not_after = rng.choice([None, r"[\w]", r"[\w-]"])
        after = rng.choice(["", r"(?![\w])", r"\s+[ab]+", "a"])
        flat = re.compile(_flat(words, tails, not_after).pattern + after)
        tree = re.compile("(?:" + alternation(list(zip(words, tails)), not_after) + ")" + after)
        for _ in range(10):
            text = "".join(rng.choice(alphabet + "AB.x") for _ in range(rng.randint(0, 30)))
            assert [(m.span(), m.group()) for m in flat.finditer(text)] == \
                [(m.span(), m.group()) for m in tree.finditer(text)], (words, tails, not_after, after, text)


def test_word_alternation_of_nothing_matches_nothing():
    assert re.compile(word_alternation([])).search("anything") is None
    assert re.fullmatch(word_alternation(["North Korea", "North Korean", "Norway"]), "North Korean")


def test_a_table_of_columns_is_the_frame_pandas_makes():
    rows = [("body", 3, 9, True, "a text"), ("headline", 0, 2, False, "Hi")]
    fast = table({"kind": strings([r[0] for r in rows]), "start": ints([r[1] for r in rows]),
                  "end": ints([r[2] for r in rows]), "flag": bools([r[3] for r in rows]),
                  "text": strings([r[4] for r in rows])})
    slow = pd.DataFrame(rows, columns=["kind", "start", "end", "flag", "text"])
    pd.testing.assert_frame_equal(fast, slow, check_exact=True)
    assert list(fast.dtypes) == list(slow.dtypes)


def test_a_table_leaves_columns_of_other_things_to_pandas():
    fast = table({"country": strings(["Russia", None]), "n": ints([1, 2])})
    slow = pd.DataFrame({"country": ["Russia", None], "n": [1, 2]})
    pd.testing.assert_frame_equal(fast, slow, check_exact=True)
    empty = table({"kind": strings([]), "n": ints([])})
    pd.testing.assert_frame_equal(empty, pd.DataFrame({"kind": objects([]), "n": np.array([], dtype=np.int64)}))


def test_a_table_makes_columns_of_strings_and_none_as_pandas_infers_them():
    strs = {"value": ["2024", None, "2025"], "mod": [None, None, None], "anchor": [None, "x", None]}
    for cols in (strs, {**strs, "other": [1.5, None, "a"]}, {c: v[:0] for c, v in strs.items()}):
        n = list(range(len(cols["value"])))
        fast = table({**{c: objects(v) for c, v in cols.items()}, "n": ints(n)})
        slow = pd.DataFrame({**{c: objects(v) for c, v in cols.items()}, "n": np.array(n, dtype=np.int64)})
        pd.testing.assert_frame_equal(fast, slow, check_exact=True)
        assert list(fast.dtypes) == list(slow.dtypes)
        for c in cols:
            assert [type(v) for v in fast[c].tolist()] == [type(v) for v in slow[c].tolist()], c
