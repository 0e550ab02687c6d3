"""The helpers behind the faster page segmentation give what the plain code gave: line
spans and numbers, blank lines above each line, per-line character counts, tokens, the
cheap tests before a headline repeat and a byline role."""
from __future__ import annotations

import random
import re

from analysis_utils.text.line_features import (
    _JOIN, _flat_words, _line_counts, _line_of, _page_tokens, _title_ratio, tokens,
)
from analysis_utils.text.line_rules import _BYLINE_END, _may_end_in_role
from analysis_utils.text.segments import (
    _first_key, _fold, _lines, _lines_by_first_key, _may_repeat, _repeat_key, line_gaps, page_lines,
)

_PIECES = ["a", "Bc", " ", "\t", "\r", "\n", "\r\n", "\x1c", "\u2028", "\x85", "\xa0", "\x0b", "é", "İ",
           "\U0001F600", "\U0001D400x", "|", "•", " / ", ",", "’", "Lorem ipsum dolor", "sit amet."]


def _texts(seed: int, n: int, size: int = 12):
    rng = random.Random(seed)
    for _ in range(n):
        yield "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, size)))


_LINE_RE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")  # a line and its line break, as the segmenter read them before


def _plain_gaps(text: str, spans) -> list[int]:
    """Blank lines above each span (for the first, the line breaks before it), from the text."""
    out = []
    pos = 0
    for a, b in spans:
        between = text[pos:a]
        nl = between.count("\n") + between.count("\r") - between.count("\r\n")
        out.append(max(nl - 1, 0) if pos else nl)
        pos = b
    return out


def _plain_lines(text: str) -> list[tuple]:
    """The lines as the segmenter found them before (one match of a line pattern each)."""
    out = []
    for n, m in enumerate(_LINE_RE.finditer(text), start=1):
        if m.start() == len(text) and m.end() == len(text) and (n > 1 or not text):
            break
        raw = m.group(0).rstrip("\r\n")
        stripped = raw.strip()
        if stripped:
            s = m.start() + len(raw) - len(raw.lstrip())
            out.append((n, s, s + len(stripped), stripped, s))
    return out


def test_lines_and_gaps_are_those_of_the_plain_code():
    for text in _texts(1, 4000):
        assert [(ln.number, ln.start, ln.end, ln.text, ln.content_start) for ln in _lines(text)] == _plain_lines(text)
        lines = page_lines(text)
        assert line_gaps(lines) == _plain_gaps(text, [(ln.start, ln.end) for ln in lines]), repr(text)


def test_line_counts_count_as_str_does():
    rng = random.Random(2)
    for _ in range(400):
        texts = [t.strip() for t in _texts(rng.random(), rng.randint(1, 6))]
        counts, starts = _line_counts(texts, _JOIN.join(texts))
        for t, row, start in zip(texts, counts.tolist(), starts.tolist()):
            bmp = [c for c in t if ord(c) <= 0xFFFF]
            long = [w for w in t.split() if len(w) >= 4 and w[0].isalpha()]
            assert row == [sum(c.isalpha() for c in bmp), sum(c.isalpha() and c.isupper() for c in bmp),
                           sum(c.isdigit() and not c.isalpha() for c in bmp), t.count(" "),
                           sum(t.count(c) for c in "|•›»·"), t.count(","), len(long),
                           sum(w[0].isupper() for w in long), sum(ord(c) > 0xFFFF for c in t)]
            assert (row[7] / row[6] if row[6] else 0.0) == _title_ratio(t)
            assert _JOIN.join(texts)[start:start + len(t)] == t
        assert _line_of(starts, starts.tolist()).tolist() == list(range(len(texts)))


def test_page_tokens_are_tokens():
    texts = [t for t in _texts(3, 2000)] + ["The U.S.-led talks, don't stop!", "Straße İstanbul ǅ", ""]
    assert _page_tokens(texts, [t.casefold() for t in texts]) == [tokens(t) for t in texts]
    flat, ids, lens = _flat_words([["a", "b"], [], ["c"]])
    assert flat == ["a", "b", "c"] and ids.tolist() == [0, 0, 2] and lens.tolist() == [2, 0, 1]


def test_repeat_key_is_the_first_test_of_a_repeat():
    rng = random.Random(4)
    words = ["Storm", "STORM", "storm’s", "'Storm", "“Big”", '"big"', "İs", "is", "a", "Σ", "σ", "x"]
    for _ in range(3000):
        head = " ".join(rng.choice(words) for _ in range(rng.randint(1, 3)))
        text = rng.choice(["", " "]) + " ".join(rng.choice(words) for _ in range(rng.randint(0, 3)))
        k, key = _repeat_key(head)
        assert (len(text) >= k and _fold(text[:k]) == key) == _may_repeat(text, head), (head, text)


def test_lines_by_first_key():
    lines = page_lines("Storm hits\n\n“Quoted” line\n\nstorm again\n’tis\n\nİs it")
    by_first = _lines_by_first_key(lines)
    assert sorted(j for js in by_first.values() for j in js) == list(range(len(lines)))
    for key, js in by_first.items():
        assert all(_first_key(lines[j].text) == key for j in js)


def test_a_byline_role_needs_its_last_letter():
    rng = random.Random(5)
    pieces = ["reporter", "Correspondent", "STAFF WRITER", "r", "t", "x", " ", "\n", "."]
    for _ in range(20000):
        s = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 4)))
        if _BYLINE_END.search(s):
            assert _may_end_in_role(s), repr(s)
    assert not _may_end_in_role("") and _may_end_in_role("Staff Writer\n")
