"""Tokens with offsets for the quote rules: words (abbreviations and initials keep
their period), punctuation, and whole quotations as single tokens (:func:`tokenize`).
"""
from __future__ import annotations

import re


# a word: a letter or digit, then word characters and "&", and "-", "'", "’" or "." each
# followed by a letter or digit (``Kim Jong-un``, ``U.S``, ``don't``); initials; any other mark
_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|[^\W_][\w&]*(?:[-'’.][^\W_][\w&]*)*|\S")
# the same, each token with the white space before it; white space at the end as a match of its own
# (so that a search never starts again inside it)
_SPACED_TOKEN = re.compile(r"\s*(?:" + _TOKEN.pattern + r")|\s+")
ABBREVIATIONS = frozenset(
    "mr mrs ms dr sen rep gov gen lt col sgt capt adm prof rev hon jr sr st mt ft no inc co corp "
    "ltd vs pres amb supt det insp cmdr maj brig gens sens reps messrs mme mlle fr atty dept del "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)


class Tok:
    """A token: ``kind`` ``w`` (word), ``p`` (punctuation) or ``q`` (a quotation,
    marks included; ``q`` is its index in the caller's list). ``lower``, ``cap``,
    ``possessive`` and ``bare`` are computed once, when the token is made."""

    __slots__ = ("text", "start", "end", "kind", "lower", "cap", "q", "possessive", "bare")

    def __init__(self, text: str, start: int, end: int, kind: str, lower: str = "", cap: bool = False,
                 q: int = -1) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.kind = kind
        self.q = q
        self.lower = w = text.lower()
        if kind == "p" and len(w) == 1:  # one punctuation mark
            self.cap = self.possessive = False
            self.bare = "" if w == "." else w
            return
        self.cap = kind == "w" and text[:1].isupper()
        # a possessive word ("Clinton's"); bare: lower-case, without a trailing period or possessive 's
        self.possessive = kind == "w" and len(text) > 2 and w[-2:] in ("'s", "’s")
        if w[-2:] in ("'s", "’s") and len(w) > 2:
            w = w[:-2]
        self.bare = w.rstrip(".")

    def _key(self) -> tuple:
        return (self.text, self.start, self.end, self.kind, self.lower, self.cap, self.q)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return self._key() == other._key()
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  (mutable, as a dataclass with eq)

    def __repr__(self) -> str:
        return (f"Tok(text={self.text!r}, start={self.start!r}, end={self.end!r}, kind={self.kind!r}, "
                f"lower={self.lower!r}, cap={self.cap!r}, q={self.q!r})")


def tokenize(text: str, start: int, end: int, quotes: list[tuple[int, int, int]] = ()) -> list[Tok]:
    """Tokens of ``text[start:end]``; each ``(open, close, index)`` in ``quotes`` becomes one
    ``q`` token. Abbreviations (``Sen.``, ``Mr.``) and initials (``W.``) keep their period."""
    out: list[Tok] = []
    pos = start
    for qa, qb, qi in sorted(quotes):
        if qb <= pos or qa >= end:
            continue
        _words(text, pos, max(pos, qa), out)
        out.append(Tok(text[qa:qb], qa, qb, "q", q=qi))
        pos = max(pos, qb)
    _words(text, pos, end, out)
    return out


# a token with the white space before it (a match of _SPACED_TOKEN) -> (token text, offset of the token
# in the match, length of the match, kind, lower, cap, possessive, bare); ("", ...) for white space alone
_DERIVED: dict[str, tuple[str, int, int, str, str, bool, bool, str]] = {}
_FIELDS: dict[str, tuple[str, str, bool, bool, str]] = {}  # token text -> (kind, lower, cap, possessive, bare)


def _derived(match: str) -> tuple[str, int, int, str, str, bool, bool, str]:
    """What :class:`Tok` computes from a word or punctuation mark, once per distinct match
    (and once per distinct token text)."""
    d = _DERIVED.get(match)
    if d is None:
        if len(_DERIVED) > 200_000:
            _DERIVED.clear()
        text = match.lstrip()  # str.isspace, the same white space as the pattern's \s
        if not text:
            d = _DERIVED[match] = ("", 0, len(match), "", "", False, False, "")
            return d
        fields = _FIELDS.get(text)
        if fields is None:
            if len(_FIELDS) > 200_000:
                _FIELDS.clear()
            kind = "w" if text[0].isalnum() else "p"
            t = Tok(text, 0, 0, kind)
            fields = _FIELDS[text] = (kind, t.lower, t.cap, t.possessive, t.bare)
        d = _DERIVED[match] = (text, len(match) - len(text), len(match)) + fields
    return d


def _words(text: str, a: int, b: int, out: list[Tok]) -> None:
    """Append the tokens of ``text[a:b]`` (no quotation tokens) to ``out``."""
    append = out.append
    new = object.__new__
    derived = _DERIVED
    end = a
    for match in _SPACED_TOKEN.findall(text, a, b):
        s, lead, n, kind, lower, cap, possessive, bare = derived.get(match) or _derived(match)
        if not s:
            break  # white space to the end
        start = end + lead
        end += n
        if s == "." and out and out[-1].kind == "w" and out[-1].end == start:
            prev = out[-1]
            if prev.lower in ABBREVIATIONS or (len(prev.text) == 1 and prev.text.isupper()):
                out[-1] = Tok(prev.text + ".", prev.start, end, "w")
                continue
        # Tok(s, start, end, kind) without the call: the derived fields are the same for the same match
        t = new(Tok)
        t.text = s
        t.start = start
        t.end = end
        t.q = -1
        t.kind = kind
        t.lower = lower
        t.cap = cap
        t.possessive = possessive
        t.bare = bare
        append(t)
