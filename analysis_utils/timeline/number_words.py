"""Numbers in words and digits, and ISO 8601 / TimeML durations (part of the timex tagger).

* :func:`parse_number`: "nine", "twenty-four", "1.5", "a dozen", "two and a half" -> a
  number (``None`` for vague quantities such as "several");
* :func:`duration_value`: a count and a unit -> ``P24Y``, ``PT1.5H``, ``P2Y6M`` ...;
* :func:`year_int`: a year in digits or spoken ("nineteen ninety-six");
* regular-expression pieces for quantities (``QUANT``), time units (``UNIT``), number
  words (``NUMW``), ordinal words (``ORDW``) and spoken years (``SPOKEN_YEAR``).

English only; pure functions and constants, used by the ``timex_rules_*`` modules.
"""
from __future__ import annotations

import re

SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
_ORD_SMALL = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11,
    "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
    "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
}
ORDINALS = dict(_ORD_SMALL)
ORDINALS.update({"twentieth": 20, "thirtieth": 30})
for _t, _v in (("twenty", 20), ("thirty", 30)):
    for _o, _ov in list(_ORD_SMALL.items())[:9]:
        ORDINALS[f"{_t}-{_o}"] = _v + _ov
        ORDINALS[f"{_t} {_o}"] = _v + _ov
# unit word -> (code, granularity)
UNITS = {
    "second": ("S", "second"), "minute": ("MIN", "minute"), "hour": ("H", "hour"),
    "day": ("D", "day"), "week": ("W", "week"), "fortnight": ("FN", "week"),
    "month": ("M", "month"), "quarter": ("Q", "quarter"), "year": ("Y", "year"),
    "decade": ("DE", "decade"), "century": ("CE", "century"),
    "millennium": ("ML", "millennium"),
}

SMALLW = "|".join(sorted(SMALL, key=len, reverse=True))
TENSW = "|".join(TENS)
NUMW = (
    rf"(?:(?:{TENSW})(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine)\b)?|(?:{SMALLW})\b)"
    r"(?:\s+(?:hundred|thousand)\b)?"
)
QUANT = (
    r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?(?:\s+1/2|\s*½)?|"
    rf"(?:{NUMW})(?:\s+and\s+a\s+half\b)?|"
    r"an?\s+(?:dozen|hundred|thousand|couple\s+of|few)\b|(?:a\s+)?couple\s+of\b|"
    r"several\b|few\b|many\b|dozens\s+of\b|hundreds\s+of\b|thousands\s+of\b|"
    r"some\b|a\s+number\s+of\b|half\s+an?\b|an?\b)"
)
UNIT = (
    r"(?:(?:trading|business|working|calendar|school|fiscal)\s+)?"
    r"(?P<unit>seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|quarters?|years?|"
    r"decades?|century|centuries|millennium|millennia|millenniums)\b"
)
ORDW = "|".join(sorted((re.escape(k) for k in ORDINALS), key=len, reverse=True))

UNITW = r"(?:one|two|three|four|five|six|seven|eight|nine)"
SPOKEN_YEAR = (
    r"(?i:(?:eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)\s+"
    r"(?:hundred|(?:" + TENSW + r")(?:[-\s]" + UNITW + r")?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen|o[h']?[-\s]" + UNITW + r")"
    r"|two\s+thousand(?:\s+and)?(?:\s+(?:" + TENSW + r")(?:[-\s]" + UNITW + r")?|\s+(?:" + SMALLW + r"))?)(?![\w-])"
)


def _fmt_num(n: float) -> str:
    """A number as TimeML writes it: ``24``, ``1.5`` (no trailing zeros)."""
    if float(n).is_integer():
        return str(int(n))
    return f"{n:.3f}".rstrip("0").rstrip(".")


_SMALLER = {"Y": (12, "M"), "M": None, "D": (24, "H"), "H": (60, "M"), "MIN": (60, "S"), "W": (7, "D")}


def duration_value(n: float | None, unit: str, mixed: bool = False) -> str:
    """ISO 8601 / TimeML duration: ``P24Y``, ``PT1.5H``, ``PXM`` (unknown count).

    A decimal stays a decimal ("1.5 hours" -> ``PT1.5H``); with ``mixed=True``
    (a spelled fraction: "two and a half years", "a minute and a half") the
    fraction goes to the next smaller unit when it divides evenly (``P2Y6M``,
    ``PT1M30S``)."""
    code, _ = UNITS[unit]
    if mixed and n is not None and not float(n).is_integer() and _SMALLER.get(code):
        k, small = _SMALLER[code]
        whole, frac = int(n), n - int(n)
        rest = frac * k
        if float(rest).is_integer():
            big = {"MIN": "M"}.get(code, code)
            timey_big = code in ("H", "MIN")
            timey_small = code in ("D", "H", "MIN")
            out = "P"
            if whole:
                out += ("T" if timey_big else "") + f"{whole}{big}"
            if timey_small and "T" not in out:
                out += "T"
            return out + f"{int(rest)}{small}"
    if code == "DE":
        return "PXE" if n is None else f"P{_fmt_num(n * 10)}Y"
    if code == "CE":
        return "PXC" if n is None else f"P{_fmt_num(n * 100)}Y"
    if code == "ML":
        return "PXL" if n is None else f"P{_fmt_num(n * 1000)}Y"
    if code == "FN":
        return "PXW" if n is None else f"P{_fmt_num(n * 2)}W"
    num = "X" if n is None else _fmt_num(n)
    if code in ("H", "S"):
        return f"PT{num}{code}"
    if code == "MIN":
        return f"PT{num}M"
    return f"P{num}{code}"


def unit_of(word: str) -> str:
    """The singular unit of a unit word: "years" -> ``year``, "centuries" -> ``century``."""
    w = word.lower()
    if w in ("centuries", "century"):
        return "century"
    if w.startswith("millenni"):
        return "millennium"
    return w[:-1] if w.endswith("s") else w


def parse_number(s: str) -> float | None:
    """A number written in digits or words; ``None`` for vague quantities.

    >>> parse_number("twenty-four"), parse_number("1.5"), parse_number("a dozen")
    (24, 1.5, 12)
    >>> parse_number("several") is None
    True
    """
    t = re.sub(r"\s+", " ", s.strip().lower())
    half = 0.0
    if t.endswith(" and a half"):
        t, half = t[: -len(" and a half")], 0.5
    if t.endswith("½"):
        t, half = t[:-1].strip(), 0.5
    if t.endswith(" 1/2"):
        t, half = t[:-4], 0.5
    if t in ("a", "an", "one", "a single", "single"):
        return 1 + half
    if t in ("half a", "half an", "a half"):
        return 0.5
    if t in ("a couple of", "couple of"):
        return 2 + half
    if t in ("a dozen", "dozen"):
        return 12 + half
    if t in ("a hundred",):
        return 100 + half
    if t in ("a thousand",):
        return 1000 + half
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", t):
        return float(t.replace(",", "")) + half
    if re.fullmatch(r"\d+(?:\.\d+)?", t):
        v = float(t)
        return (int(v) if v.is_integer() else v) + half
    m = re.fullmatch(r"(\d+)/(\d+)", t)
    if m and int(m.group(2)):
        return int(m.group(1)) / int(m.group(2))
    words = re.split(r"[\s-]+", t)
    total, cur, seen = 0, 0, False
    for w in words:
        if w in SMALL:
            cur += SMALL[w]
        elif w in TENS:
            cur += TENS[w]
        elif w == "hundred":
            cur = max(cur, 1) * 100
        elif w == "thousand":
            total += max(cur, 1) * 1000
            cur = 0
        elif w in ("and",):
            continue
        else:
            return None
        seen = True
    if not seen:
        return None
    return total + cur + half


def ordinal_number(s: str) -> int | None:
    """An ordinal in digits or words ("5th", "twenty-first") as a number, else ``None``."""
    t = s.strip().lower()
    m = re.fullmatch(r"(\d+)(?:st|nd|rd|th)?", t)
    if m:
        return int(m.group(1))
    return ORDINALS.get(re.sub(r"\s+", " ", t))


def year_int(s: str) -> int:
    """A year written in digits or spoken ("nineteen ninety-six", "two thousand and one")."""
    t = s.strip().lower()
    if t.isdigit():
        return int(t)
    if t.startswith("two thousand"):
        rest = re.sub(r"^two\s+thousand(\s+and)?", "", t).strip()
        return 2000 + (int(parse_number(rest)) if rest else 0)
    first, rest = t.split(None, 1)
    c = SMALL[first]
    if rest == "hundred":
        return c * 100
    rest = re.sub(r"^o[h']?[-\s]", "", rest)
    return c * 100 + int(parse_number(rest))
