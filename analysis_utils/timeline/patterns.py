"""Regular-expression pieces shared by the timex rules, and the rule registry.

Pieces: month and weekday names (``MONTH``, ``WEEKDAY``: capitalisation rules keep
"may" and "march" as words, not months), day numbers, four-digit years, clock times
(``CLOCK``) and time zones (``TZ``), and the modifiers written before a date
(``MODPRE``: "early", "the end of" ...; read back with :func:`mod_of`).

A :class:`Rule` is a named pattern, a resolver (``handler(match, ctx)`` returning a
:class:`~analysis_utils.timeline.resolve.Result`, or ``None`` when the match is not a
time after all), a priority among candidates of the same length, an optional
``check(match, text, start, end)`` that vetoes a match cheaply, and trigger strings:
a paragraph whose lower-cased text holds none of them cannot match, and the rule is
not run there. ``"#4d"``, ``"#slash"``, ``"#ord"``, ``"#apos"`` and ``"#clock"`` stand
for a four-digit number, a digit/digit, a digit with an ordinal suffix, an apostrophe
and two digits, and a clock-like token (``FEATURES``). A rule may also have a
``gate``: a cheap pattern that every match of the rule contains (a piece of its
pattern, with the same case rules), searched once per paragraph before the rule's own
pattern runs there, and ``gate_words``: strings, as written (case counts), one of
which every match holds; a paragraph without them cannot match (gates only skip work,
they never change what is found). Each ``timex_rules_*`` module
keeps its rules, in order, in its own ``RULES`` list through :func:`rule_collector`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable, Iterable

# --------------------------------------------------------------- regex pieces


def _cap_alt(words: Iterable[str], lower_ok: bool = True) -> str:
    """An alternation matching each word Capitalised, UPPER or (optionally) lower."""
    out = []
    for w in sorted(words, key=len, reverse=True):
        forms = {w.capitalize(), w.upper()}
        if lower_ok:
            forms.add(w.lower())
        out.extend(sorted(forms, key=len, reverse=True))
    return "|".join(re.escape(f) for f in out)


_MONTH_FULL = ["january", "february", "april", "june", "july", "august", "september",
               "october", "november", "december"]
_MONTH_ABBR = ["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sept", "sep", "oct",
               "nov", "dec"]
# Full names in any case except "may"/"march", which must be capitalised;
# abbreviations must be capitalised and may carry a period.
MONTH = (
    r"(?:(?:" + _cap_alt(_MONTH_FULL) + r"|" + _cap_alt(["may", "march"], lower_ok=False)
    + r")\b|(?:" + _cap_alt(_MONTH_ABBR, lower_ok=False) + r")(?:\.|\b))"
)
# every match of MONTH holds one of these, as written (a gate's words)
MONTH_GATE_WORDS = tuple(sorted({f(w) for w in _MONTH_ABBR + ["may"] for f in (str.capitalize, str.upper)}
                                | set(_MONTH_FULL)))
_WD_FULL = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
WEEKDAY = r"(?:" + _cap_alt(_WD_FULL) + r")"
WEEKDAY_GATE_WORDS = tuple(f(w) for w in _WD_FULL for f in (str.capitalize, str.upper, str.lower))
DAYNUM = r"(?:3[01]|[12][0-9]|0?[1-9])"
ORDSUF = r"(?:st|nd|rd|th)"
YEAR4 = r"(?:1[0-9]{3}|20[0-9]{2}|21[0-9]{2})"
_NOT_NUM_BEFORE = r"(?<![\w$€£¥₩#.,/-])"
_NOT_NUM_AFTER = r"(?![\w%]|[.,/-]\d|\s*(?:%|percent\b|per\s*cent\b))"
YEAR = _NOT_NUM_BEFORE + YEAR4 + _NOT_NUM_AFTER
TZ = r"(?:(?:[ECMP][SD]T|GMT|UTC|KST|JST|BST|CET|CEST|EET)\b)"
_AMPM = r"(?:[aApP]\.\s?[mM]\.|[aApP][mM]\b|[aApP]\.[mM]\b)"
CLOCK = (
    r"(?:(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>" + _AMPM + r"|o'clock\b)"
    r"|(?P<h24>[01]?\d|2[0-3]):(?P<mi24>[0-5]\d)(?::[0-5]\d)?(?=\s*(?:" + TZ + r"|h\b|hrs\b|hours\b|\(?local\b))"
    # wire-service "0730 GMT", "1300 UTC": four digits only before a zone
    r"|(?P<h4>[01]\d|2[0-3])(?P<mi4>[0-5]\d)(?=\s*(?:GMT|UTC|EDT|EST|Zulu)\b)"
    r"|(?P<noon>noon|midday|midnight)\b)"
)

# modifiers written before a date ("early", "the end of" ...)
MODPRE = (
    r"(?P<modp>(?i:(?:early|earlier|late|later|mid|the\s+(?:end|close|beginning|start|middle|"
    r"turn|first\s+half|second\s+half|latter\s+part|early\s+part|rest|remainder)\s+of)\s+|mid-))?"
)


def group(m: re.Match, name: str) -> str | None:
    """``m.group(name)``, or ``None`` when the pattern has no such group."""
    try:
        return m.group(name)
    except IndexError:
        return None


def mod_of(m: re.Match) -> str | None:
    """The TimeML ``mod`` of a match's ``MODPRE`` group: ``START``, ``MID``, ``END`` or ``None``."""
    s = (group(m, "modp") or "").strip().lower()
    if not s:
        return None
    if s.startswith(("early", "the beginning", "the start", "the early", "the first half")):
        return "START"
    if s.startswith(("late", "the end", "the close", "the latter", "the second half")):
        return "END"
    if s.startswith(("mid", "the middle")):
        return "MID"
    return None


# --------------------------------------------------------------- case-insensitive patterns, faster

# A case-insensitive pattern runs faster case-sensitively on the lower-cased text, and
# finds the same spans there when lower-casing changes nothing but ASCII letters: the text
# is ASCII but for characters of _FOLD_SAFE (punctuation, Latin-1 letters: each lower-cases
# to one character that no ASCII letter matches without case).
_FOLD_SAFE = "\u00a0\u2009\u200a\u202f\u2010\u2011\u2012\u2013\u2014\u2015\u2018\u2019\u201a\u201c\u201d\u201e" \
             "\u2026\u2022\u00b7\u00ab\u00bb\u2039\u203a\u2032\u2033\u20ac\u00a3\u00a5\u00b0\u00a7\u00a9\u00ae\u2122" \
    + "".join(chr(c) for c in range(0xC0, 0x100) if c not in (0xD7, 0xF7))
_FOLD_DROP = {ord(c): None for c in _FOLD_SAFE
              if len(c.lower()) == 1 and not c.lower().isascii() and re.match(r"(?i)[a-z]", c) is None
              and re.match(r"(?i)[a-z]", c.lower()) is None
              and bool(re.match(r"\w", c)) == bool(re.match(r"\w", c.lower()))}


# a character that is neither ASCII nor fold-safe (one search instead of translating)
_NOT_FOLD_SAFE = re.compile("[^\\x00-\\x7f" + "".join(re.escape(chr(c)) for c in _FOLD_DROP) + "]")


def fold_safe_lower(text: str) -> str | None:
    """``text.lower()`` when a case-insensitive pattern's lower-case form finds the same
    spans in it as the pattern in ``text`` (see :func:`lower_case_form`), else ``None``."""
    if text.isascii() or _NOT_FOLD_SAFE.search(text) is None:
        return text.lower()
    return None


def lower_case_form(rx: re.Pattern) -> re.Pattern | None:
    """For a pattern written wholly as ``(?i:...)`` with no upper-case character inside:
    the inside, case-sensitive (to run on :func:`fold_safe_lower` text); else ``None``."""
    p = rx.pattern
    inner = p[4:-1]
    if not (isinstance(p, str) and p.startswith("(?i:") and p.endswith(")")) or \
            any(ch.isupper() for ch in re.sub(r"\(\?P[<=]", "", inner)):
        return None
    try:
        low = re.compile(inner)
    except re.error:
        return None
    return low if low.groups == rx.groups and low.groupindex == rx.groupindex and rx.flags == low.flags else None


# --------------------------------------------------------------- rules and triggers

# trigger strings shared by several rules
UNIT_WORDS = ("second", "minute", "hour", "day", "week", "fortnight", "month", "quarter", "year", "decade",
              "centur", "millenni")
MONTH_WORDS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# gates (see the module docstring) shared by several rules: a unit word as the rules
# write it, with what must stand before and after it
UNIT_WORD = (r"(?:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|quarters?|years?|decades?|century|"
             r"centuries|millennium|millennia|millenniums)\b")
PLURAL_UNIT_GATE = r"(?i:(?<![\w-])(?:seconds|minutes|hours|days|weeks|months|quarters|years|decades|centuries)(?![\w-]))"
SINGULAR_UNIT_GATE = (r"(?i:\s(?:day|week|weekend|month|year|decade|century|morning|afternoon|evening|night)"
                      r"(?![\w-]))")
# trigger features that are patterns rather than strings
FEATURES = {
    "#4d": re.compile(r"\d\d\d\d"), "#slash": re.compile(r"\d/\d"), "#ord": re.compile(r"\d(?:st|nd|rd|th)\b"),
    "#apos": re.compile(r"['’]\d\d"),
    # "3 p.m.", "3 o'clock", "3:30", "0730 GMT"; the digit first, outside any group, lets
    # the regular-expression engine skip to the digits of a text
    "#clock": re.compile(r"\d(?:(?i:\s*(?:a\.?\s?m|p\.?\s?m|o'clock)|:\d\d)|\d{3}\s*(?:GMT|UTC|EDT|EST|Zulu)\b)"),
}


@dataclass(frozen=True)
class Rule:
    """One span rule (see the module docstring)."""

    name: str
    pattern: re.Pattern
    handler: Callable[..., Any]
    prio: int = 0
    check: Callable[..., bool] | None = None
    triggers: tuple[str, ...] | None = None
    gate: re.Pattern | None = None
    gate_words: tuple[str, ...] | None = None


def preceded_by(words: str, width: int) -> Callable[..., bool]:
    """A rule's ``check``: the match follows one of ``words`` (a regex alternation) and a
    space, looking back ``width`` characters."""
    rx = re.compile(rf"(?i:\b(?:{words})\s$)")
    return lambda m, text, s, e: rx.search(text[max(0, s - width):s]) is not None


def rule_collector(rules: list[Rule]) -> Callable[..., Callable]:
    """A decorator factory: ``@rule(name, pattern, prio=, check=, triggers=)`` appends
    the decorated resolver to ``rules`` as a :class:`Rule`, in definition order (among
    candidates of the same length and priority the earlier rule wins)."""

    def rule(name: str, pattern: str, prio: int = 0, check: Callable[..., bool] | None = None,
             triggers: Iterable[str] | None = None, gate: str | None = None,
             gate_words: Iterable[str] | None = None) -> Callable:
        def deco(fn: Callable) -> Callable:
            rules.append(Rule(name, re.compile(pattern), fn, prio, check, tuple(triggers) if triggers else None,
                              re.compile(gate) if gate else None, tuple(gate_words) if gate_words else None))
            return fn

        return deco

    return rule
