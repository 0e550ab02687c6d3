"""Rules for calendar dates: month-day and day-month dates, month and year, bare months,
numeric dates (ISO, US, year-month), years, year ranges, decades, centuries and spoken years.

Part of the timex tagger (see :mod:`analysis_utils.timeline.timexes`); each rule is a
pattern and a resolver, registered in order in ``RULES``.
"""
from __future__ import annotations

import re

from ..points import MONTHS, WEEKDAYS, Point, month_num, safe_date
from ..number_words import ORDW, SMALL, SMALLW, SPOKEN_YEAR, TENSW, ordinal_number, parse_number, year_int
from ..patterns import (
    DAYNUM,
    MODPRE,
    MONTH,
    MONTH_GATE_WORDS,
    MONTH_WORDS,
    ORDSUF,
    WEEKDAY,
    YEAR4,
    Rule,
    mod_of,
    preceded_by,
    rule_collector,
)
from ..resolve import Result, absolute, anchored, pick_by_tense, underspecified

RULES: list[Rule] = []
rule = rule_collector(RULES)

# --- explicit calendar dates -------------------------------------------------

_YR_SUFFIX = r"(?:,?\s*(?P<y>" + YEAR4 + r")(?![\w%]|[.,]\d))?"


@rule(
    "month_day",
    r"(?<![\w.])" + MODPRE + r"(?:(?P<wd>" + WEEKDAY + r"),?\s+)?(?P<mon>" + MONTH + r")\s*(?P<d1>"
    + DAYNUM + r")(?:" + ORDSUF + r")?(?:\s*(?:-|–|and|to|through|or)\s*(?P<d2>" + DAYNUM + r")(?:"
    + ORDSUF + r")?)?(?!\d|:\d)(?!\s*(?:%|percent\b))" + _YR_SUFFIX + r"\b",
    prio=5,
    triggers=MONTH_WORDS,
    gate_words=MONTH_GATE_WORDS,
    gate=MONTH,  # a month name as the rule reads it ("Mayor", "Market" hold gate words, no month)
)
def _h_month_day(m, ctx):
    mon = month_num(m.group("mon"))
    d1 = int(m.group("d1"))
    d2 = int(m.group("d2")) if m.group("d2") else None
    if d2 is not None and d2 <= d1:
        d2 = None
    mod = mod_of(m)
    if m.group("y"):
        y = int(m.group("y"))
        dd = safe_date(y, mon, d1)
        if dd is None:
            return None
        end = safe_date(y, mon, d2) if d2 else None
        return absolute(Point("day", y, mon, d1, end_day=end), mod=mod)
    if ctx.anchor is None:
        p = Point("day", None, mon, d1)
        return Result("DATE", p.value(), None, "day", mod, "none", None, focus=False)
    cands = []
    for y in (ctx.anchor.year - 1, ctx.anchor.year, ctx.anchor.year + 1):
        if safe_date(y, mon, d1):
            cands.append(Point("day", y, mon, d1, end_day=safe_date(y, mon, d2) if d2 else None))
    if m.group("wd"):
        # a weekday written with the date picks the year
        wd = WEEKDAYS[m.group("wd").lower()]
        same = [c for c in cands if c.as_date() and c.as_date().weekday() == wd]
        if len(same) == 1:
            return anchored(same[0], ctx, mod=mod)
    # tense decides only within ten months; beyond that the nearest date wins
    p = pick_by_tense(cands, ctx, window=300)
    return anchored(p, ctx, mod=mod)


@rule(
    "day_month",
    r"(?<![\w.,])" + MODPRE + r"(?:(?P<wd>" + WEEKDAY + r"),?\s+)?(?:the\s+)?(?P<d1>" + DAYNUM + r")(?:"
    + ORDSUF + r")?(?:\s*(?:-|–|and|to)\s*(?P<d2>" + DAYNUM + r")(?:" + ORDSUF + r")?)?\s+(?:of\s+)?(?P<mon>"
    + MONTH + r")" + _YR_SUFFIX + r"\b",
    prio=5,
    triggers=MONTH_WORDS,
    gate_words=MONTH_GATE_WORDS,
    gate=MONTH,
)
def _h_day_month(m, ctx):
    return _h_month_day(m, ctx)


@rule(
    "month_year",
    r"(?<![\w.])" + MODPRE + r"(?P<mon>" + MONTH + r")(?:\s+of|,)?\s+(?:the\s+year\s+)?(?P<y>" + YEAR4
    + r"|" + SPOKEN_YEAR + r")(?![\w%]|[.,]\d)",
    prio=4,
    triggers=MONTH_WORDS,
    gate_words=MONTH_GATE_WORDS,
    gate=MONTH,
)
def _h_month_year(m, ctx):
    return absolute(Point("month", year_int(m.group("y")), month_num(m.group("mon"))), mod=mod_of(m))


@rule(
    "month_relative_year",
    r"(?<![\w.])" + MODPRE + r"(?P<mon>" + MONTH
    + r")(?:\s+of|,)?\s+(?P<rel>(?i:this|last|next|the\s+same|that|the\s+following|the\s+previous|the\s+preceding|the\s+next|the\s+current))\s+(?i:year)\b",
    prio=4,
    triggers=MONTH_WORDS,
    gate_words=MONTH_GATE_WORDS,
    gate=MONTH,
)
def _h_month_rel_year(m, ctx):
    mon = month_num(m.group("mon"))
    rel = re.sub(r"\s+", " ", m.group("rel").lower())
    mod = mod_of(m)
    if rel in ("this", "last", "next", "the current"):
        if ctx.anchor is None:
            return underspecified("month", mod=mod, month=mon)
        y = ctx.anchor.year + {"this": 0, "the current": 0, "last": -1, "next": 1}[rel]
        return anchored(Point("month", y, mon), ctx, mod=mod)
    ref = ctx.year_focus
    off = {"the same": 0, "that": 0, "the following": 1, "the next": 1, "the previous": -1,
           "the preceding": -1}[rel]
    if ref is not None and ref.year is not None:
        p = Point("month", ref.year + off, mon)
        return Result("DATE", p.value(), p, "month", mod, "previous_date", ref.value())
    if ctx.anchor is not None:
        return anchored(Point("month", ctx.anchor.year + off, mon), ctx, mod=mod)
    return underspecified("month", mod=mod, month=mon)


@rule(
    "month_deictic",
    r"(?<![\w.])" + MODPRE + r"(?P<rel>(?i:this\s+past|this\s+coming|last|next|this|past|coming))\s+(?P<mon>"
    + MONTH + r")(?!\s*\d)",
    prio=4,
    triggers=MONTH_WORDS,
    gate_words=MONTH_GATE_WORDS,
    gate=MONTH,
)
def _h_month_deictic(m, ctx):
    mon = month_num(m.group("mon"))
    rel = re.sub(r"\s+", " ", m.group("rel").lower())
    mod = mod_of(m)
    if ctx.anchor is None:
        return underspecified("month", mod=mod, month=mon)
    a = ctx.anchor
    if rel == "this":
        return anchored(Point("month", a.year, mon), ctx, mod=mod)
    if rel in ("last", "this past", "past"):
        # the last such month before this one; but nobody says "last February"
        # for the month just ended ("last month"): then it is a year before
        y = a.year if mon < a.month else a.year - 1
        if rel == "last" and (a.month - mon) % 12 == 1:
            y -= 1
        return anchored(Point("month", y, mon), ctx, mod=mod)
    y = a.year if mon > a.month else a.year + 1
    return anchored(Point("month", y, mon), ctx, mod=mod)


def _month_alone_ok(m, text, s, e):
    """A month name standing alone: abbreviations need a day ("Jan." alone is not
    taken); "May" and "March" (a modal verb, a walk) need a preposition or a
    modifier before them and no pronoun or verb after them."""
    low = m.group("mon").rstrip(".").lower()
    if low in ("may", "march"):
        before = text[max(0, s - 25):s].lower()
        return bool(re.search(
            r"\b(in|since|until|till|by|from|through|during|before|after|of|early|late|mid|last|next|this|and|or|to|between)\s+$|mid-$",
            before)) and not re.match(r"\s+(?:be|have|not|also|well|I|we|you|he|she|they|it)\b", text[e:e + 8])
    return low in MONTHS and len(low) > 4 or low in ("june", "july")


@rule(
    "month",
    r"(?<![\w.])" + MODPRE + r"(?P<mon>" + MONTH + r")(?![\w]|-(?!" + MONTH + r"))",  # "January-June": two months
    prio=1,
    check=_month_alone_ok,
    triggers=MONTH_WORDS,
    gate_words=MONTH_GATE_WORDS,
    gate=MONTH,
)
def _h_month(m, ctx):
    mon = month_num(m.group("mon"))
    mod = mod_of(m)
    if ctx.anchor is None:
        return underspecified("month", mod=mod, month=mon)
    cands = [Point("month", y, mon) for y in (ctx.anchor.year - 1, ctx.anchor.year, ctx.anchor.year + 1)]
    return anchored(pick_by_tense(cands, ctx, window=300), ctx, mod=mod)


# --- numeric dates ------------------------------------------------------------

# a gate: four digits, a separator and a digit (a year, then a month)
_YEAR_SEP_DIGIT = r"\d\d\d\d[-./]\d"


@rule(
    "iso_date",
    r"(?<![\w.,/:-])(?P<y>" + YEAR4 + r")(?P<sep>[-./])(?P<mo>0?[1-9]|1[0-2])(?P=sep)(?P<d>3[01]|[12]\d|0?[1-9])"
    r"(?:\.(?=\s|$))?(?:[T\s]+(?P<h>[01]\d|2[0-3]):(?P<mi>[0-5]\d)(?::[0-5]\d)?)?(?![\w]|[-./]\d)",
    prio=6,
    triggers=("#4d",),
    gate=_YEAR_SEP_DIGIT,
)
def _h_iso_date(m, ctx):
    y, mo, d = int(m.group("y")), int(m.group("mo")), int(m.group("d"))
    if safe_date(y, mo, d) is None:
        return None
    if m.group("h"):
        return absolute(Point("minute", y, mo, d, hour=int(m.group("h")), minute=int(m.group("mi"))), "TIME")
    return absolute(Point("day", y, mo, d))


@rule(
    "us_numeric_date",
    r"(?<![\w.,/:-])(?P<a>0?[1-9]|1[0-2])/(?P<b>3[01]|[12]\d|0?[1-9])/(?P<y>" + YEAR4 + r"|\d\d)(?![\w]|[-./]\d)",
    prio=6,
    triggers=("#slash",),
)
def _h_us_date(m, ctx):
    y = int(m.group("y"))
    if y < 100:
        y += 1900 if y > 30 else 2000
    mo, d = int(m.group("a")), int(m.group("b"))
    if safe_date(y, mo, d) is None:
        return None
    return absolute(Point("day", y, mo, d))


@rule(
    "year_month_numeric",
    r"(?<![\w.,/:-])(?P<y>" + YEAR4 + r")[-./](?P<mo>0[1-9]|1[0-2])(?![\w]|[-./]\d)",
    prio=2,
    triggers=("#4d",),
    gate=_YEAR_SEP_DIGIT,
)
def _h_year_month_numeric(m, ctx):
    return absolute(Point("month", int(m.group("y")), int(m.group("mo"))))


# --- years, decades, centuries ------------------------------------------------

_COUNT_NOUNS = (
    "people|persons|troops|soldiers|workers|items|units|cases|votes|times|members|employees|"
    "jobs|men|women|children|dollars|won|yen|euros|pounds|yuan|rubles|shares|tons|tonnes|meters|"
    "metres|km|kilometers|kilometres|miles|feet|kilograms|kg|barrels|cars|vehicles|homes|houses|"
    "rounds|missiles|pages|words|points|students|deaths|residents|households|companies|firms|"
    "acres|hectares|square|patients|refugees|prisoners|delegates|seats|copies|pieces|signatures|"
    "calories|degrees|rooms|beds|flights|passengers|visitors|tourists|hits|views|likes|games|"
    "won's|kW|MW|GW|m|cm|mm|bp|basis"
)
_YEAR_BAD_BEFORE = re.compile(
    r"(?i:(?:\bno\.?|\bnos\.?|\bnumber|\barticle|\barticles|\bart\.|\bsection|\bsec\.|\bchapter|\bpage|\bpages|\bp\.|"
    r"\bpp\.|\broom|\broute|\bhighway|\bflight|\bresolution|\bparagraph|\bclause|\brule|\blaw|\bbill|\bitem|"
    r"\bmodel|\bversion|\bv\.|\bunit|\bgate|\bstreet|\bavenue|\bsuite|\bbox|\btel\.?|\bphone|\bfax|\bcall|"
    r"\bdial|\bcode|\bpo|\bexit|\bbus|\btrain|\bline|\bpage|\bpop\.|\bpopulation(?:\s+of)?|\babout|\bsome|"
    r"\bnearly|\balmost|\bover|\bunder|\bmore\s+than|\bless\s+than|\bat\s+least|\bup\s+to|\btotal(?:\s+of)?|"
    r"\baround|\bapproximately|\broughly|\bestimated|\bonly|\bjust)\s*#?\s*$|[#№]\s*$|[$€£¥₩]\s*$|\d,\s*$)"
)
_YEAR_OK_BEFORE = re.compile(
    r"(?i:\b(?:in|since|by|from|until|till|through|during|before|after|of|year|the|fiscal|FY|circa|c\.|early|"
    r"late|mid|spring|summer|fall|autumn|winter|around|between|and|to|or|for)\s+$|mid-$|[(\[]$)"
)
_YEAR_BAD_AFTER = re.compile(r"(?i:\s*(?:-?\s*(?:" + _COUNT_NOUNS + r")\b|%|percent\b|per\s*cent\b|°|[xX×]\s*\d))")


def _year_ok(m, text, s, e):
    y = int(m.group("y"))
    before = text[max(0, s - 30):s]
    mod_s = m.start("y") if m.group("y") else s
    before = text[max(0, mod_s - 30):mod_s]
    after = text[e:e + 20]
    if _YEAR_BAD_AFTER.match(after):
        return False
    rng = re.search(r"(\d[\d,.]*)\s*(?:-|–|to|and|or)\s*$", before)
    if rng and not re.fullmatch(r"(?:1[0-9]|20)\d\d", rng.group(1)):
        return False  # "between 1,500 and 2000 people": a count
    if re.search(r"\d[ .]$", before) and re.match(r"[ .]\d", after):
        return False  # a group in a phone or account number: "+82 10 2024 0618"
    if _YEAR_BAD_BEFORE.search(before) and not re.search(r"(?i:\b(?:in|since|of|year)\s+$)", before):
        return False
    if y < 1900 or y > 2099:
        return bool(_YEAR_OK_BEFORE.search(before)) or bool(re.match(r"\s*(?:AD|A\.D\.|BC|B\.C\.|CE|BCE)\b", after))
    # 1900-2099: followed by a lower-case plural noun reads as a count ("1990 items")
    return True


@rule(
    "year",
    r"(?<![\w$€£¥₩#.,/'’-])" + MODPRE + r"(?P<fy>(?i:fiscal|FY|calendar|the\s+year|model\s+year)\s*)?(?P<y>" + YEAR4
    + r")(?P<y2>\s*(?:-|–|/)\s*(?:" + YEAR4 + r"|\d\d)(?!\d))?(?![\w%]|[.,/-]\d|:\d)"
    r"(?P<sfx>\s+(?i:or\s+(?:later|earlier|before|after|so|beyond)|and\s+(?:beyond|later|after|earlier|before))(?=\s*[.,;:)!?\"'”’]|\s*$))?",
    prio=2,
    check=_year_ok,
    triggers=("#4d",),
)
def _h_year(m, ctx):
    y = int(m.group("y"))
    mod = mod_of(m)
    if m.group("y2"):
        y2s = re.sub(r"[^\d]", "", m.group("y2"))
        y2 = int(y2s) if len(y2s) == 4 else (y // 100) * 100 + int(y2s)
        if (m.group("fy") or "").strip().lower() in ("fiscal", "fy") and y2 == y + 1:
            return absolute(Point("year", y2), mod=mod)
        if y2 > y:
            p = Point("year", y)
            return Result("DATE", f"{y:04d}/{y2:04d}", p, "year", mod, "absolute", None)
        return None
    sfx = (m.group("sfx") or "").lower()
    if sfx:
        mod = "ON_OR_BEFORE" if re.search(r"earlier|before", sfx) else "APPROX" if "so" in sfx.split() else "ON_OR_AFTER"
    return absolute(Point("year", y), mod=mod)


@rule(
    "year_period",
    r"(?i:(?<![\w-])the\s+(?P<y>" + YEAR4 + r")\s+(?P<per>period|fiscal\s+year|year|quarter)(?![\w-]))",
    prio=3,
    triggers=("#4d",),
    gate=r"(?i:the\s+\d\d\d\d\s)",
)
def _h_year_period(m, ctx):
    y = int(m.group("y"))
    per = m.group("per").lower()
    ref = ctx.sent_focus or ctx.doc_focus
    if per in ("period", "quarter") and ref is not None and ref.gran == "quarter" and ref.quarter:
        p = Point("quarter", y, quarter=ref.quarter)
        return Result("DATE", p.value(), p, "quarter", None, "previous_date", ref.value())
    if per == "quarter":
        if ctx.anchor is None:
            return underspecified("quarter", year=y)
        # "the 1988 quarter": the same quarter as the one just reported
        q = (ctx.anchor.month - 1) // 3 or 4
        return anchored(Point("quarter", y, quarter=q), ctx)
    return absolute(Point("year", y))


@rule(
    "year_range",
    r"(?<![\w$#.,/-])(?P<y>" + YEAR4 + r")\s+(?:and|to|through|until|till)\s+(?P<y2>" + YEAR4 + r")(?![\w%]|[.,/-]\d)",
    prio=3,
    check=_year_ok,
    triggers=("#4d",),
    gate=r"\d\d\d\d\s+(?:and|to|through|until|till)\s+\d\d\d\d",
)
def _h_year_range(m, ctx):
    y, y2 = int(m.group("y")), int(m.group("y2"))
    before = ctx.text[max(0, ctx.start - 12):ctx.start].lower()
    if y2 <= y or not re.search(r"\b(between|from)\s+$", before):
        return None
    p = Point("year", y)
    return Result("DATE", f"{y:04d}/{y2:04d}", p, "year", None, "absolute", None)


@rule(
    "apostrophe_year",
    r"(?<![\w'’])(?P<q>['’])(?P<yy>\d\d)(?![\w%'’])",
    prio=2,
    check=preceded_by("in|since|of|fiscal|class|until|by|from|early|late|mid", 7),
    triggers=("#apos",),
)
def _h_apos_year(m, ctx):
    yy = int(m.group("yy"))
    base = ctx.anchor.year if ctx.anchor else 2000
    y = (base // 100) * 100 + yy
    if y > base + 10:
        y -= 100
    return absolute(Point("year", y))


_NOT_A_DECADE = re.compile(r"(?i:\b(?:temperatures?|degrees?|highs?|lows?|fahrenheit|celsius|scored?|points|percent|mph|ages?|aged)\b|°|%)")
_NOT_A_DECADE_READ: tuple = (None, None, False)  # the last text, sentence span and answer


def _not_a_decade(text: str, sentence: tuple[int, int]) -> bool:
    """Does the sentence speak of temperatures, scores or ages (``_NOT_A_DECADE``)? The
    last sentence's answer is kept (each of its decades asks)."""
    global _NOT_A_DECADE_READ
    last = _NOT_A_DECADE_READ
    if last[0] is text and last[1] == sentence:
        return last[2]
    found = _NOT_A_DECADE.search(text[sentence[0]:sentence[1]]) is not None
    _NOT_A_DECADE_READ = (text, sentence, found)
    return found


@rule(
    "decade",
    r"(?<![\w$#.,/-])" + r"(?P<the>(?i:the)\s+)?" + MODPRE
    # (New York Times style of the 1990s writes "the 1960's", "the 90's")
    + r"(?P<dec>(?:1[0-9]|20)[0-9]0['’]?s|['’]\d0['’]?s|(?<![\d'’])[2-9]0['’]?s|(?i:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)(?=\b))(?!\w)",
    prio=3,
    triggers=("0s", "0's", "0’s", "ties"),
)
def _h_decade(m, ctx):
    d = re.sub(r"(?<=\d)['’]s$", "s", m.group("dec").lower())
    words = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
             "seventies": 7, "eighties": 8, "nineties": 9}
    mod = mod_of(m)
    if len(d) == 3:
        # "the 60s" without an apostrophe: only after "the", and not a temperature
        # or a score ("highs in the 80s")
        if not m.group("the") or _not_a_decade(ctx.text, ctx.sentence):
            return None
        d = "'" + d
    if d in words:
        if not m.group("the"):
            return None
        base = (ctx.anchor.year // 100) if ctx.anchor else 19
        dec = base * 10 + words[d]
        if ctx.anchor and dec * 10 > ctx.anchor.year:
            dec -= 10
        return Result("DATE", f"{dec:03d}", Point("decade", decade=dec), "decade", mod, "publication" if ctx.anchor else "none",
                       ctx.anchor.isoformat() if ctx.anchor else None)
    if d[0] in "'’":
        yy = int(d[1:3])
        base = (ctx.anchor.year // 100) * 100 if ctx.anchor else 1900
        y = base + yy
        if ctx.anchor and y > ctx.anchor.year:
            y -= 100
        return absolute(Point("decade", decade=y // 10), mod=mod)
    y = int(d[:4])
    if y % 100 == 0:
        return absolute(Point("century", century=y // 100), mod=mod)
    return absolute(Point("decade", decade=y // 10), mod=mod)


@rule(
    "century",
    r"(?<![\w-])(?P<the>(?i:the)\s+)?" + MODPRE + r"(?P<n>\d{1,2}(?:st|nd|rd|th)|(?i:" + ORDW + r"))[\s-](?i:century)(?P<bc>\s+(?:BC|B\.C\.|BCE))?\b",
    prio=3,
    triggers=("centur",),
)
def _h_century(m, ctx):
    n = ordinal_number(m.group("n"))
    if not n or n > 22 or m.group("bc"):
        return None
    return absolute(Point("century", century=n - 1), mod=mod_of(m))


@rule(
    "spoken_year",
    r"(?i:(?<![\w-])(?P<the>the\s+year\s+)?(?:(?P<c>eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)\s+"
    r"(?P<r>hundred|(?:" + TENSW + r")(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|o[h']?[-\s](?:one|two|three|four|five|six|seven|eight|nine))"
    r"|(?P<tt>two\s+thousand(?:\s+and)?(?:\s+(?:" + TENSW + r")(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine))?|\s+(?:" + SMALLW + r"))?))\b)",
    prio=3,
    triggers=("eleven", "twelve", "teen", "thousand"),
)
def _h_spoken_year(m, ctx):
    before = ctx.text[max(0, ctx.start - 12):ctx.start].lower()
    if not m.group("the") and not re.search(r"\b(in|since|until|by|of|from|year|to|and|through)\s+$", before):
        return None  # "twelve hundred students" is a number
    if m.group("tt"):
        if not m.group("the"):
            before = ctx.text[max(0, ctx.start - 10):ctx.start].lower()
            if not re.search(r"\b(in|since|until|by|of|year)\s+$", before):
                return None
        rest = re.sub(r"two\s+thousand(\s+and)?", "", m.group("tt").lower()).strip()
        y = 2000 + (int(parse_number(rest)) if rest else 0)
        return absolute(Point("year", y))
    c = SMALL[m.group("c").lower()]
    r = m.group("r").lower()
    if r == "hundred":
        y = c * 100
    else:
        r = re.sub(r"^o[h']?[-\s]", "", r)
        v = parse_number(r)
        if v is None:
            return None
        y = c * 100 + int(v)
    return absolute(Point("year", y))
