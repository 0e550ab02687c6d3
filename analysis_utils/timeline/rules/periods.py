"""Rules for parts of a year and days: quarters, halves, seasons, bare day-of-month
ordinals ("the 5th", "the 18th and 19th", "18-19th"), weekdays and "today"-words.

Part of the timex tagger (see :mod:`analysis_utils.timeline.timexes`); each rule is a
pattern and a resolver, registered in order in ``RULES``.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from datetime import timedelta

from ..points import PARTS, SEASONS, WEEKDAYS, Point, add_months, quarter_of, safe_date, shift
from ..number_words import SPOKEN_YEAR, year_int
from ..patterns import MODPRE, WEEKDAY, WEEKDAY_GATE_WORDS, YEAR4, Rule, mod_of, rule_collector
from ..resolve import Result, absolute, anchored, pick_by_tense, underspecified, weekday_by_tense

RULES: list[Rule] = []
rule = rule_collector(RULES)

# --- quarters, halves, seasons ------------------------------------------------

_QWORD = r"(?P<qn>first|second|third|fourth|final|last|1st|2nd|3rd|4th)"


@rule(
    "quarter",
    r"(?i:(?<![\w-])(?P<yp>(?:this|last|next)\s+year['’]s\s+)?(?P<the>the\s+(?=(?:(?:fiscal|calendar|year-earlier|year-ago|latest|current|same|"
    r"comparable|previous|preceding|corresponding|\d{4})\s+)*(?:first|second|third|fourth|final|last|1st|2nd|3rd|4th)\s))?"
    r"(?:(?P<adj>fiscal|calendar|year-earlier|year-ago|latest|current|"
    r"same|comparable|previous|preceding|corresponding)\s+)?(?:(?P<y1>" + YEAR4 + r")\s+)?(?:(?:fiscal|calendar)\s+)?"
    + _QWORD + r"(?:[\s-]+(?:fiscal\s+|calendar\s+)?)quarters?(?:\s+of\s+(?:(?:fiscal|calendar|the)\s+)?(?:(?P<y2>" + YEAR4
    + r")|(?P<rely>this|last|next|the\s+same|that|the\s+previous|the\s+current)\s+year|(?P<yr>the\s+year))"
    r"|,?\s+(?P<y3>" + YEAR4 + r")(?![\w%]|[.,]\d))?\b)",
    prio=4,
    triggers=("quarter",),
)
def _h_quarter(m, ctx):
    q = quarter_of(m.group("qn"))
    if q is None:
        return None
    if m.group("qn").lower() == "last" and not (m.group("y1") or m.group("y2") or m.group("y3") or m.group("rely")):
        return None  # "last quarter" is deictic (another rule)
    plural = m.group(0).lower().rstrip().endswith("quarters")
    if plural:
        return Result("SET", f"XXXX-Q{q}", None, "quarter", None, "none", None, focus=False)
    y = m.group("y1") or m.group("y2") or m.group("y3")
    if y:
        return absolute(Point("quarter", int(y), quarter=q))
    if m.group("yp"):
        if ctx.anchor is None:
            return underspecified("quarter", quarter=q)
        off = {"this": 0, "last": -1, "next": 1}[m.group("yp").split()[0].lower()]
        return anchored(Point("quarter", ctx.anchor.year + off, quarter=q), ctx)
    adj = (m.group("adj") or "").lower()
    rely = re.sub(r"\s+", " ", (m.group("rely") or "").lower())
    if adj in ("year-earlier", "year-ago") or rely == "last":
        if ctx.anchor is None:
            return underspecified("quarter", quarter=q)
        base = ctx.year_focus.year if (ctx.year_focus and ctx.year_focus.year) else None
        if adj and ctx.sent_focus and ctx.sent_focus.year and ctx.sent_focus.gran == "quarter":
            base = ctx.sent_focus.year
        if base is None or rely == "last":
            base = ctx.anchor.year
        p = Point("quarter", base - 1, quarter=q)
        return anchored(p, ctx)
    if rely in ("the same", "that", "the previous") and ctx.year_focus and ctx.year_focus.year:
        off = -1 if rely == "the previous" else 0
        p = Point("quarter", ctx.year_focus.year + off, quarter=q)
        return Result("DATE", p.value(), p, "quarter", None, "previous_date", ctx.year_focus.value())
    if rely == "next":
        return anchored(Point("quarter", ctx.anchor.year + 1, quarter=q), ctx) if ctx.anchor else underspecified("quarter", quarter=q)
    if ctx.anchor is None:
        return underspecified("quarter", quarter=q)
    a = ctx.anchor
    cur_q = (a.month - 1) // 3 + 1
    # the year of the quarter in focus (a financial report about "the third quarter of 1989" ...)
    if ctx.sent_focus and ctx.sent_focus.gran in ("quarter", "year", "half") and ctx.sent_focus.year:
        return Result("DATE", f"{ctx.sent_focus.year:04d}-Q{q}", Point("quarter", ctx.sent_focus.year, quarter=q),
                       "quarter", None, "previous_date", ctx.sent_focus.value())
    # a quarter of the anchor's year, unless a past clause speaks of one that
    # has not begun yet (then last year's)
    p = Point("quarter", a.year - 1 if (q > cur_q and ctx.tense == "past") else a.year, quarter=q)
    return anchored(p, ctx)


@rule(
    "quarter_deictic",
    r"(?i:(?<![\w-])(?P<rel>this|last|next|the\s+current|the\s+latest|the\s+past|the\s+previous|the\s+same|that|"
    r"the\s+(?:comparable\s+|corresponding\s+)?year-earlier|the\s+(?:comparable\s+|corresponding\s+)?year-ago|the\s+comparable|the\s+corresponding|year-earlier|year-ago|the)\s+(?:fiscal\s+)?(?:(?P<per>quarter|period)(?![\w-]))"
    r"(?:\s+(?P<ago>a\s+year\s+(?:ago|earlier)|(?:of\s+)?last\s+year|(?:of\s+)?the\s+previous\s+year))?)",
    prio=2,
    triggers=("quarter", "period"),
)
def _h_quarter_deictic(m, ctx):
    rel = re.sub(r"\s+", " ", m.group("rel").lower())
    per = m.group("per").lower()
    ago = bool(m.group("ago"))
    if per == "period":
        # "the year-earlier period": the period in focus a year earlier
        if not (rel.endswith(("year-earlier", "year-ago", "comparable", "corresponding")) or ago):
            ref = ctx.sent_focus or ctx.doc_focus
            if rel in ("the latest", "the same", "that") and ref and ref.gran in ("quarter", "month", "half"):
                return Result("DATE", ref.value(), ref, ref.gran, None, "previous_date", ref.value())
            return None
    if rel.endswith(("year-earlier", "year-ago", "comparable", "corresponding")) or ago:
        ref = ctx.sent_focus or ctx.para_focus
        if ref is None or ref.gran not in ("quarter", "month", "half", "year"):
            if ctx.anchor is None:
                return underspecified("quarter")
            cur = Point("quarter", ctx.anchor.year, quarter=(ctx.anchor.month - 1) // 3 + 1)
            ref = shift(cur, "quarter", -1)
        p = shift(ref, "year", -1)
        if p is None:
            return None
        return Result("DATE", p.value(), p, p.gran, None, "previous_date", ref.value(), focus=False)
    if rel in ("the", "the latest", "the same", "that", "the previous"):
        ref = ctx.doc_focus if (ctx.doc_focus and ctx.doc_focus.gran == "quarter") else None
        if ref is not None:
            p = shift(ref, "quarter", -1) if rel == "the previous" else ref
            return Result("DATE", p.value(), p, "quarter", None, "previous_date", ref.value())
        if rel == "the" and ctx.tense != "past":
            return None  # "the quarter" alone, nothing in focus: leave it
        if ctx.anchor is None:
            return underspecified("quarter")
        cur = Point("quarter", ctx.anchor.year, quarter=(ctx.anchor.month - 1) // 3 + 1)
        return anchored(shift(cur, "quarter", -1), ctx)
    if ctx.anchor is None:
        return underspecified("quarter")
    cur = Point("quarter", ctx.anchor.year, quarter=(ctx.anchor.month - 1) // 3 + 1)
    off = {"this": 0, "the current": 0, "last": -1, "the past": -1, "next": 1}.get(rel, 0)
    return anchored(shift(cur, "quarter", off), ctx)


# a sentence about business or the economy, where "the first half" is a half-year
# (elsewhere it is as often the half of a game)
_HALF_CONTEXT = re.compile(
    r"(?i:\b(?:profits?|earnings?|sales|revenues?|income|loss(?:es)?|results|growth|grew|economy|economic|output|"
    r"exports?|imports?|production|investment|inflation|deficit|surplus|gdp|fiscal|percent|per\s+cent|prices?|"
    r"demand|shipments?|orders|spending|budget|unemployment|jobs)\b|%)"
)
_HALF_NOT_AFTER = re.compile(r"(?i:\s*+(?:-|of\b|an?\s|hour|mile|inning|dozen|century|decade|point|percent|time\b|the\b))")


def _half_ok(m, text, s, e):
    """A bare "the first half" or "first-half" (no year) must stand in a sentence about business or
    the economy, and not be "the first half of the match" or "the first half hour"."""
    if m.group("y") or m.group("y3") or m.group("rely") or m.group("yr"):
        return True
    hyphened = "-" in text[m.start("h"):e]  # "first-half profit", like "third-quarter"
    if not (m.group("the") or hyphened) or _HALF_NOT_AFTER.match(text, e):
        return False
    # the context: from the last period or line break before the match to the next period
    dots, stops, hits = _half_index(text)
    k = bisect_left(stops, s)
    a = stops[k - 1] + 1 if k else 0
    k = bisect_left(dots, e)
    b = dots[k] if k < len(dots) else len(text)
    k = bisect_left(hits, a)
    return k < len(hits) and hits[k] < b


_HALF_INDEXED: tuple = (None, None)  # the last text and its _half_index


def _half_index(text: str) -> tuple[list[int], list[int], list[int]]:
    """The positions of the periods of ``text``, of its periods and line breaks, and the
    starts of its ``_HALF_CONTEXT`` matches (the last text's kept: the check runs on each
    match of a paragraph). No match holds a period, and none can start inside another:
    a context ``text[a:b]`` (after a period or a line break, up to a period) holds a
    match of its own exactly when a match of the text starts in it."""
    global _HALF_INDEXED
    last = _HALF_INDEXED
    if last[0] is text:
        return last[1]
    found = ([m.start() for m in re.finditer(r"\.", text)], [m.start() for m in re.finditer(r"[.\n]", text)],
             [m.start() for m in _HALF_CONTEXT.finditer(text)])
    _HALF_INDEXED = (text, found)
    return found


@rule(
    "half_year",
    r"(?i:(?<![\w-])(?P<the>the\s+)?(?P<h>first|second|latter|last|1st|2nd)[\s-]+half(?:\s+of\s+(?:the\s+)?(?:(?P<y>" + YEAR4
    + r")|(?P<rely>this|last|next|the\s+same|that|the\s+current)\s+year|(?P<yr>the\s+year))|\s+(?P<y3>" + YEAR4 + r"))?\b)",
    prio=4,
    check=_half_ok,
    triggers=("half",),
)
def _h_half(m, ctx):
    h = 1 if m.group("h").lower() in ("first", "1st") else 2
    y = m.group("y") or m.group("y3")
    if y:
        return absolute(Point("half", int(y), half=h))
    if not (m.group("rely") or m.group("yr")):
        return _bare_half(h, ctx)
    rely = re.sub(r"\s+", " ", (m.group("rely") or "").lower())
    if rely in ("the same", "that") and ctx.year_focus and ctx.year_focus.year:
        p = Point("half", ctx.year_focus.year, half=h)
        return Result("DATE", p.value(), p, "half", None, "previous_date", ctx.year_focus.value())
    if ctx.anchor is None:
        return underspecified("half", half=h)
    off = {"last": -1, "next": 1}.get(rely, 0)
    if m.group("yr") and ctx.year_focus and ctx.year_focus.year:
        return Result("DATE", f"{ctx.year_focus.year:04d}-H{h}", Point("half", ctx.year_focus.year, half=h), "half", None,
                       "previous_date", ctx.year_focus.value())
    return anchored(Point("half", ctx.anchor.year + off, half=h), ctx)


def _bare_half(h, ctx):
    """"the first half" with no year: the half of the year in focus in this sentence,
    else of the publication year, unless a past clause speaks of a half that has not
    begun yet (then last year's), like a bare quarter."""
    f = ctx.sent_focus
    if f is not None and f.gran in ("quarter", "year", "half") and f.year:
        p = Point("half", f.year, half=h)
        return Result("DATE", p.value(), p, "half", None, "previous_date", f.value())
    if ctx.anchor is None:
        return underspecified("half", half=h)
    a = ctx.anchor
    cur_h = 1 if a.month <= 6 else 2
    return anchored(Point("half", a.year - 1 if (h > cur_h and ctx.tense == "past") else a.year, half=h), ctx)


_SEASON = r"(?P<sea>spring|summer|fall|autumn|winter)"


@rule(
    "season",
    # (?!\s): a match that would start with spaces (trimmed off by the engine) starts at
    # the season instead, so that each space of a long run is not read to its end
    r"(?i:(?<![\w-])(?!\s)(?:the\s+(?=(?:early|late|mid)))?" + MODPRE + r"(?P<rel>this\s+past|this\s+coming|this|last|next|the|that|past|coming)?\s*" + _SEASON
    + r"(?:\s+of\s+(?:(?P<y>" + YEAR4 + r"|" + SPOKEN_YEAR + r")|(?P<rely>this|last|next|the\s+same|that)\s+year)|\s+(?P<y3>" + YEAR4
    + r")(?![\w%]|[.,]\d))?\b)",
    prio=3,
    triggers=("spring", "summer", "fall", "autumn", "winter"),
)
def _h_season(m, ctx):
    s = SEASONS[m.group("sea").lower()]
    rel = re.sub(r"\s+", " ", (m.group("rel") or "").lower())
    mod = mod_of(m)
    y = m.group("y") or m.group("y3")
    if y:
        return absolute(Point("season", year_int(y), season=s), mod=mod)
    if not rel and not mod:
        return None  # a bare "spring"/"fall" is too often something else
    if m.group("sea").lower() == "fall" and rel in ("the", "that") and not mod:
        # "the fall of the Berlin Wall" is an event
        after = ctx.text[ctx.end:ctx.end + 4]
        if after.startswith(" of"):
            return None
    rely = re.sub(r"\s+", " ", (m.group("rely") or "").lower())
    if rely in ("the same", "that") and ctx.year_focus and ctx.year_focus.year:
        p = Point("season", ctx.year_focus.year, season=s)
        return Result("DATE", p.value(), p, "season", mod, "previous_date", ctx.year_focus.value())
    if ctx.anchor is None:
        return underspecified("season", mod=mod, season=s)
    a = ctx.anchor
    if rely == "last":
        return anchored(Point("season", a.year - 1, season=s), ctx, mod=mod)
    if rely == "next":
        return anchored(Point("season", a.year + 1, season=s), ctx, mod=mod)
    if rely == "this" or rel == "this":
        return anchored(Point("season", a.year, season=s), ctx, mod=mod)
    cands = [Point("season", y, season=s) for y in (a.year - 2, a.year - 1, a.year, a.year + 1)]
    if rel == "last":
        return anchored(Point("season", a.year - 1, season=s), ctx, mod=mod)
    if rel in ("this past", "past"):
        before = [p for p in cands if p.interval()[1] and p.interval()[1] < a]
        return anchored(before[-1] if before else None, ctx, mod=mod)
    if rel in ("next", "this coming", "coming"):
        after = [p for p in cands if p.interval()[0] and p.interval()[0] > a]
        return anchored(after[0] if after else None, ctx, mod=mod)
    if rel == "that" and ctx.year_focus and ctx.year_focus.year:
        p = Point("season", ctx.year_focus.year, season=s)
        return Result("DATE", p.value(), p, "season", mod, "previous_date", ctx.year_focus.value())
    return anchored(pick_by_tense(cands, ctx), ctx, mod=mod)


# --- days ---------------------------------------------------------------------


# a following word that makes a bare ordinal a noun modifier, not a date
_ORD_OK_FOLLOW = {
    "and", "or", "of", "at", "in", "on", "to", "when", "while", "as", "after",
    "before", "during", "until", "till", "through", "from", "with", "that",
    "which", "where", "for", "by", "local", "this", "next", "last", "but",
    "because", "since", "so", "than", "is", "was", "were", "are", "will",
    "said", "says", "(local", "korea", "kst",
}


def _ordinal_ok(m, text, s, e):
    """A bare ordinal is a day of the month only when nothing makes it a noun
    modifier ("the 2nd Division", "the 5th anniversary")."""
    d1 = int(m.group("d1"))
    if d1 < 1 or d1 > 31:
        return False
    if not m.group("s1"):
        # "18-19th": a bare first day needs a hyphenated range closed by an ordinal
        if not (m.group("d2") and m.group("sep").strip() in ("-", "–")):
            return False
    if m.group("d2") and not (d1 < int(m.group("d2")) <= 31):
        return False
    if not m.group("the") and not m.group("d2"):
        before = text[max(0, s - 4):s].lower()
        if not before.endswith("on "):
            return False
    after = text[e:e + 30]
    mm = re.match(r"[ \t]*([\w(]+)", after)
    if not mm:
        return True  # punctuation or end follows
    if text[e:e + 1] in "-'’":
        return False  # "5th-century", "5th's"
    word = mm.group(1)
    if word.lower() in _ORD_OK_FOLLOW:
        return True
    if word[:1].isupper():
        before = text[max(0, s - 4):s].lower()
        # "On the 3rd President ..." is a date; "the 2nd Division" is not
        return before.endswith("on ") and not re.match(r"[ \t]*[A-Z]\w*\s+(?:Division|Corps|Army|Fleet|Brigade|Regiment|Battalion|Street|Avenue|Amendment|Congress|Century|Floor)\b", after)
    return False


@rule(
    "day_ordinal",
    r"(?<![\w.,/-])(?P<the>(?i:the)\s+)?(?P<d1>\d{1,2})(?P<s1>st|nd|rd|th)?(?:(?P<sep>\s*(?:-|–|and|to|through)\s*)(?:(?i:the)\s+)?(?P<d2>\d{1,2})"
    r"(?P<s2>st|nd|rd|th))?(?:\s+(?i:of\s+(?P<rel>this|last|next|the\s+same|that)\s+month))?(?!\w)",
    prio=2,
    check=_ordinal_ok,
    triggers=("#ord",),
)
def _h_day_ordinal(m, ctx):
    d1 = int(m.group("d1"))
    d2 = int(m.group("d2")) if m.group("d2") else None
    rel = re.sub(r"\s+", " ", (m.group("rel") or "").lower())
    if ctx.anchor is None:
        ref = ctx.para_focus if (ctx.para_focus and ctx.para_focus.month and ctx.para_focus.year) else None
        if ref is None:
            p = Point("day", None, None, d1)
            v = p.value() + (f"/XXXX-XX-{d2:02d}" if d2 else "")
            return Result("DATE", v, None, "day", None, "none", None, focus=False)
    a = ctx.anchor
    cands = []
    base_y, base_m = (a.year, a.month) if a else (ctx.para_focus.year, ctx.para_focus.month)
    for off in (-1, 0, 1):
        y, mo = add_months(base_y, base_m, off)
        dd = safe_date(y, mo, d1)
        if dd:
            end = safe_date(y, mo, d2) if d2 else None
            if d2 and end is None:
                continue
            cands.append(Point("day", y, mo, d1, end_day=end))
    if rel:
        off = {"this": 0, "last": -1, "next": 1, "the same": 0, "that": 0}[rel]
        y, mo = add_months(base_y, base_m, off)
        cands = [c for c in cands if (c.year, c.month) == (y, mo)]
        p = cands[0] if cands else None
    elif a is None:
        p = cands[len(cands) // 2] if cands else None
    else:
        p = pick_by_tense(cands, ctx)
    if p is None:
        return None
    if a is None:
        return Result("DATE", p.value(), p, "day", None, "previous_date", ctx.para_focus.value())
    return anchored(p, ctx)


@rule(
    "weekday",
    r"(?<![\w-])" + MODPRE + r"(?P<rel>(?i:this\s+past|this\s+coming|last|next|this|past|coming|the\s+following|the\s+previous|the\s+next|that)\s+)?(?P<wd>"
    + WEEKDAY + r")(?P<pl>s)?(?P<part>\s+(?i:morning|afternoon|evening|night))?(?![\w-])",
    prio=2,
    triggers=("day",),
    gate_words=WEEKDAY_GATE_WORDS,
)
def _h_weekday(m, ctx):
    wd = WEEKDAYS[m.group("wd").lower()]
    rel = re.sub(r"\s+", " ", (m.group("rel") or "").strip().lower())
    mod = mod_of(m)
    part = (m.group("part") or "").strip().lower()
    if m.group("pl"):
        before = ctx.text[max(0, ctx.start - 12):ctx.start].lower()
        if re.search(r"\b(on|every|most|some|all)\s+$", before) or part:
            v = f"XXXX-WXX-{wd + 1}" + (f"T{PARTS[part]}" if part else "")
            return Result("SET", v, None, "day", None, "none", None, focus=False)
        return None
    if rel in ("the following", "the next", "the previous", "that"):
        ref = ctx.para_focus if (ctx.para_focus and ctx.para_focus.as_date()) else None
        if ref is None and rel != "that" and ctx.doc_focus is not None and ctx.doc_focus.as_date():
            ref = ctx.doc_focus  # "the previous Friday" looks back to the last day named
        base = ref.as_date() if ref else ctx.anchor
        if base is None:
            return underspecified("day", mod=mod)
        if rel == "the previous":
            dd = base - timedelta(days=(base.weekday() - wd) % 7 or 7)
        elif rel == "that":
            dd = base + timedelta(days=(wd - base.weekday()) % 7) if ref else base - timedelta(days=(base.weekday() - wd) % 7)
        else:
            dd = base + timedelta(days=(wd - base.weekday()) % 7 or 7)
        p = Point.of_day(dd)
        if part:
            p = Point("part_of_day", dd.year, dd.month, dd.day, part=PARTS[part])
        kind = "previous_date" if ref else "publication"
        return Result("TIME" if part else "DATE", p.value(), p, p.gran, mod, kind, (ref.value() if ref else base.isoformat()))
    if ctx.anchor is None:
        v = f"XXXX-WXX-{wd + 1}"
        return Result("TIME" if part else "DATE", v, None, "day", mod, "none", None, focus=False)
    a = ctx.anchor
    if rel in ("last", "this past", "past"):
        dd = a - timedelta(days=(a.weekday() - wd) % 7 or 7)
    elif rel in ("next", "this coming", "coming"):
        dd = a + timedelta(days=(wd - a.weekday()) % 7 or 7)
    elif rel == "this":
        monday = a - timedelta(days=a.weekday())
        dd = monday + timedelta(days=wd)
    else:
        dd = weekday_by_tense(a, wd, ctx.tense)
    p = Point.of_day(dd)
    if part:
        p = Point("part_of_day", dd.year, dd.month, dd.day, part=PARTS[part])
        return anchored(p, ctx, typ="TIME", mod=mod)
    return anchored(p, ctx, mod=mod)


_GENERIC_TODAY = re.compile(
    r"(?i:['’]s\s+(?:\w+\s+)?(?:world|society|societies|economy|economies|market|markets|marketplace|youth|kids|children|"
    r"young|generation|technology|standards|terms|dollars|culture|environment|climate|realities|reality|era|age|"
    r"computers|americans?|families|politics|china|america|europe|russia|japan|britain|africa)\b)"
)


# "an overnight success", "the overnight rate": an adjective of manner or a name
# (the spaces read once, possessively: every word after them starts with a letter)
_OVERNIGHT_NOT = re.compile(
    r"(?i:\s++(?:success|successes|sensation|celebrity|star|stay|stays|bag|trip|trips|flight|flights|train|ferry|bus|"
    r"camp|guests?|visitors?|shelter|accommodation|parking|delivery|shipping|mail|express|rates?|lending|loans?|"
    r"money|interest|funds?|repo|index|indexed|deposits?|market|markets|borrowing)\b)"
)


def _overnight(m, ctx, mod):
    """"overnight": the night before the day in focus (the day named earlier in
    the paragraph, else the publication day), a TIME ("fighting continued
    overnight", "overnight losses in New York")."""
    if _OVERNIGHT_NOT.match(ctx.text, ctx.end) or re.search(r"(?i:\ban?\s+$)", ctx.text[max(0, ctx.start - 4):ctx.start]):
        return None
    ref = ctx.sent_focus or ctx.para_focus
    day = ref.as_date() if ref is not None else None
    kind, used = ("previous_date", ref.value()) if day is not None else ("publication", None)
    day = day or ctx.anchor
    if day is None:
        return Result("TIME", "XXXX-XX-XXTNI", None, "part_of_day", mod, "none", None, focus=False)
    d = day - timedelta(days=1)
    p = Point("part_of_day", d.year, d.month, d.day, part=PARTS["night"])
    used = used or ctx.anchor.isoformat()
    return Result("TIME", p.value(), p, "part_of_day", mod, kind, used, focus=False)


@rule(
    "today_words",
    r"(?i:(?<![\w-])" + MODPRE + r"(?P<w>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|today|tomorrow|yesterday|tonight|"
    r"this\s+(?:morning|afternoon|evening)|last\s+night|overnight)(?P<part>\s+(?:morning|afternoon|evening|night))?(?![\w-]))",
    prio=3,
    triggers=("today", "tomorrow", "yesterday", "tonight", "morning", "afternoon", "evening", "night"),
)
def _h_today(m, ctx):
    w = re.sub(r"\s+", " ", m.group("w").lower())
    part = (m.group("part") or "").strip().lower()
    mod = mod_of(m)
    if w == "overnight":
        return _overnight(m, ctx, mod)
    if w == "today" and not part and _GENERIC_TODAY.match(ctx.text, ctx.end):
        # "in today's world", "today's young people": nowadays, not the day
        return Result("DATE", "PRESENT_REF", None, None, mod, "none", None, focus=False)
    off = {"today": 0, "tomorrow": 1, "yesterday": -1, "tonight": 0, "the day before yesterday": -2,
           "the day after tomorrow": 2, "this morning": 0, "this afternoon": 0, "this evening": 0,
           "last night": -1}[w]
    if w in ("tonight", "last night"):
        part = part or "night"
    if w.startswith("this "):
        part = w.split()[1]
    if ctx.anchor is None:
        v = "XXXX-XX-XX" + (f"T{PARTS[part]}" if part else "")
        return Result("TIME" if part else "DATE", v, None, "part_of_day" if part else "day", mod, "none", None, focus=False)
    dd = ctx.anchor + timedelta(days=off)
    if part:
        p = Point("part_of_day", dd.year, dd.month, dd.day, part=PARTS[part])
        return anchored(p, ctx, typ="TIME", mod=mod)
    return anchored(Point.of_day(dd), ctx, mod=mod)
