"""Alternations of literal words as regular expressions that the engine scans fast.

``"|".join(re.escape(w) for w in words)`` makes Python's regular-expression engine try
every word, one after the other, at every position of the text. :func:`alternation`
writes the same alternation as a tree of common prefixes (``North Korea|North
Korean|Norway`` becomes ``Nor(?:th\\ Korea(?:n|)|way)``), so that at each position the
engine reads each character once and rejects a position at its first character.

The tree matches exactly what the flat alternation matches, with the same preference,
when the words are sorted longest first (as the kit's word lists are): at a position, the
words that can match are prefixes of one another, and the tree tries them longest first,
as the flat alternation does.

``not_after`` is the equivalent of a lookbehind before the alternation (``(?<![\\w-])``),
put after the first character instead (``N(?<![\\w-]N)or...``), where it keeps the
pattern's first characters known to the engine, which then skips the positions where no
word can start.
"""
from __future__ import annotations

import re
from typing import Iterable, Union

#: a word, or a word with a regular expression that must follow it (a lookahead)
Item = Union[str, "tuple[str, str]"]


def alternation(items: Iterable[Item], not_after: str | None = None) -> str:
    """The alternation of ``items`` (literal words, or ``(word, tail)`` pairs whose
    ``tail`` is a regular expression after the word), tried in the given order, as a
    prefix tree; ``not_after``: a one-character class (``r"[\\w-]"``) that must not
    precede the match. The words must be sorted longest first (``ValueError`` otherwise).
    Returns a pattern that can be used as one atom (``(?:...)`` around it is not needed,
    but harmless); ``(?!)`` for no items."""
    pairs = [(it, "") if isinstance(it, str) else (it[0], it[1]) for it in items]
    if not pairs:
        return "(?!)"
    if any(len(a[0]) < len(b[0]) for a, b in zip(pairs, pairs[1:])):
        raise ValueError("alternation(): the words must be sorted longest first")
    return _tree(pairs, not_after)


def _tree(pairs: list[tuple[str, str]], not_after: str | None) -> str:
    groups: list[list] = []  # [first character, [(rest, tail) ...]] or [None, tail] (a word ends here)
    where: dict[str, int] = {}
    for word, tail in pairs:
        if not word:
            groups.append([None, tail])
        elif word[0] in where:
            groups[where[word[0]]][1].append((word[1:], tail))
        else:
            where[word[0]] = len(groups)
            groups.append([word[0], [(word[1:], tail)]])
    parts = []
    for first, rest in groups:
        if first is None:
            parts.append(rest)
            continue
        esc = re.escape(first)
        guard = f"(?<!{not_after}{esc})" if not_after else ""
        parts.append(esc + guard + _tree(rest, None))
    if len(parts) == 1:
        return parts[0]
    return "(?:" + "|".join(parts) + ")"


def word_alternation(words: Iterable[str], not_after: str | None = None) -> str:
    """:func:`alternation` of the distinct ``words``, longest first."""
    return alternation(sorted(set(words), key=len, reverse=True), not_after)
