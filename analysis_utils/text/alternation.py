"""Alternations of literal words as regular expressions that the engine scans fast.

``"|".join(re.escape(w) for w in words)`` makes Python's regular-expression engine try
every word, one after the other, at every position of the text. :func:`alternation`
writes the same alternation as a tree of common prefixes (``North Korea|North
Korean|Norway`` becomes ``Nor(?:th\\ Korea(?:n|)|way)``), so that at each position the
engine reads each character once and rejects a position at its first character.

The tree matches exactly what the flat alternation matches, with the same preference: at
a position, the words that can match are prefixes of one another, and the tree tries
them in the order of the list. (Words sorted longest first, as the kit's word lists are,
always make a tree; where a word would have to be tried before a shorter one listed
first, that part stays a flat alternation.)

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
    precede the match. Returns a pattern that can be used as one atom (``(?:...)``
    around it is not needed, but harmless); ``(?!)`` for no items.

    Where putting a word into the branch of its prefix would try it before a shorter
    word that comes first (not with words sorted longest first), that part of the tree
    stays a plain alternation, so the pattern always matches as the flat one does."""
    pairs = [(it, "") if isinstance(it, str) else (it[0], it[1]) for it in items]
    if not pairs:
        return "(?!)"
    return _tree(pairs, not_after)


def _flat(pairs: list[tuple[str, str]], not_after: str | None) -> str:
    parts = []
    for word, tail in pairs:
        if not_after and word:
            esc = re.escape(word[0])
            parts.append(esc + f"(?<!{not_after}{esc})" + re.escape(word[1:]) + tail)
        elif not_after:
            parts.append(f"(?<!{not_after})" + tail)
        else:
            parts.append(re.escape(word) + tail)
    return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"


def _tree(pairs: list[tuple[str, str]], not_after: str | None) -> str:
    groups: list[list] = []  # [first character, [(rest, tail) ...]] or [None, tail] (a word ends here)
    where: dict[str, int] = {}
    last_end = -1  # index in groups of the last word that ends here
    for word, tail in pairs:
        if not word:
            last_end = len(groups)
            groups.append([None, tail])
        elif word[0] in where:
            if where[word[0]] < last_end:  # it would be tried before a word that ends here
                return _flat(pairs, not_after)
            groups[where[word[0]]][1].append((word[1:], tail))
        else:
            where[word[0]] = len(groups)
            groups.append([word[0], [(word[1:], tail)]])
    parts = []
    for first, rest in groups:
        if first is None:
            parts.append((f"(?<!{not_after})" if not_after else "") + rest)
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
