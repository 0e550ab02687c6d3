"""Rules for deictic and anaphoric expressions: "last week", "next month", the
weekend, "the year", "year-earlier", parts of day, "late in the year", year-end,
"the day before", "the next day", "that year", "at that time" and "N units ago/earlier/later".

Part of the timex tagger (see :mod:`analysis_utils.timeline.timexes`); each rule is a
pattern and a resolver, registered in order in ``RULES``.
"""
from __future__ import annotations

import re
from datetime import timedelta

from ..points import PARTS, Point, coarsen, finer_or_equal, shift
from ..number_words import QUANT, UNIT, duration_value, parse_number, unit_of
from ..patterns import MODPRE, PLURAL_UNIT_GATE, SINGULAR_UNIT_GATE, UNIT_WORD, UNIT_WORDS, Rule, mod_of, rule_collector
from ..resolve import Result, anchored, underspecified

RULES: list[Rule] = []
rule = rule_collector(RULES)

# --- deictic and anaphoric units --------------------------------------------------


@rule(
    "unit_deictic",
    r"(?i:(?<![\w-])" + MODPRE + r"(?P<rel>this\s+past|this\s+coming|the\s+past|the\s+last|the\s+current|the\s+coming|the\s+present|"
    r"this|last|next|past|coming|current|earlier\s+this|later\s+this|early\s+this|early\s+next|late\s+this|late\s+last|"
    r"earlier\s+last|later\s+next)\s+(?P<u>week|weekend|month|year|decade|century|fiscal\s+year|financial\s+year|calendar\s+year)(?![\w-]))",
    prio=3,
    triggers=("week", "month", "year", "decade", "centur"),
    gate=r"(?i:\b(?:past|coming|last|current|present|this|next)\s+(?:week|weekend|month|year|decade|century|fiscal\s+year|"
         r"financial\s+year|calendar\s+year)(?![\w-]))",
)
def _h_unit_deictic(m, ctx):
    rel = re.sub(r"\s+", " ", m.group("rel").lower())
    u = re.sub(r"^(fiscal|financial|calendar)\s+", "", m.group("u").lower())
    mod = mod_of(m)
    words = rel.split()
    if words[0] in ("earlier", "early"):
        mod = "START" if words[0] == "early" else None
        rel = words[1]
    elif words[0] in ("later", "late"):
        mod = "END" if words[0] == "late" else None
        rel = words[1]
    off = {"this": 0, "the current": 0, "current": 0, "the present": 0, "last": -1, "past": -1, "the past": -1,
           "the last": -1, "this past": -1, "next": 1, "coming": 1, "the coming": 1, "this coming": 1}[rel]
    if u == "weekend":
        if ctx.anchor is None:
            return underspecified("weekend", mod=mod)
        iso = ctx.anchor.isocalendar()
        p = Point("weekend", iso[0], week=iso[1])
        if off == 0 and ctx.anchor.weekday() < 5 and ctx.tense == "past":
            off = -1
        return anchored(shift(p, "week", off), ctx, mod=mod)
    if ctx.anchor is None:
        return underspecified(u, mod=mod)
    base = coarsen(Point.of_day(ctx.anchor), u)
    if base is None:
        return None
    # "the last decade", "the past century": the one before the current one (TimeBank:
    # "the last decade" said in 1998 is 198; "the last century" is the 1800s)
    return anchored(shift(base, u, off), ctx, mod=mod)


@rule(
    "weekend",
    r"(?i:(?<![\w-])the\s+weekend(?![\w-]))",
    prio=2,
    triggers=("weekend",),
)
def _h_weekend(m, ctx):
    if ctx.anchor is None:
        return underspecified("weekend")
    a = ctx.anchor
    iso = a.isocalendar()
    this = Point("weekend", iso[0], week=iso[1])
    if a.weekday() >= 5:
        p = this
    elif ctx.tense == "future":
        p = this
    else:
        p = shift(this, "week", -1)
    return anchored(p, ctx)


@rule(
    "the_year",
    r"(?i:(?<![\w-])the\s+(?P<adj>(?:full|fiscal|current\s+fiscal|latest\s+fiscal|latest|calendar|financial)\s+)?year(?![\w-])"
    r"(?=(?P<ended>\s+(?:ended|ending|that\s+ended|that\s+ends|to\s+date)\b)?))",
    prio=1,
    triggers=("year",),
    gate=r"(?i:year(?![\w-]))",  # "year" alone, not "years", "yearly", "year-end"
)
def _h_the_year(m, ctx):
    after = ctx.text[ctx.end:ctx.end + 12].lower()
    adj = re.sub(r"\s+", " ", (m.group("adj") or "").strip().lower())
    if re.match(r"\s*(?:of|before|after|earlier|later|in\s+which|when|that|before)\b", after) and not m.group("ended"):
        return None
    if m.group("ended"):
        # "the year ended March 31": a twelve-month period
        return Result("DURATION", "P1Y", None, "year", None, "none", None, focus=False)
    if ctx.anchor is None and ctx.para_focus is None:
        return underspecified("year")
    if adj.startswith("latest"):
        return anchored(Point("year", ctx.anchor.year - 1), ctx) if ctx.anchor else None
    ref = ctx.para_focus if (ctx.para_focus and ctx.para_focus.year) else None
    if ref is not None:
        p = Point("year", ref.year)
        return Result("DATE", p.value(), p, "year", None, "previous_date", ref.value())
    return anchored(Point("year", ctx.anchor.year), ctx)


@rule(
    "year_earlier_adj",
    r"(?i:(?<![\w-])year-(?:earlier|ago)(?![\w-]))",
    prio=1,
    triggers=("year-",),
)
def _h_year_earlier_adj(m, ctx):
    ref = ctx.sent_focus or ctx.para_focus or ctx.doc_focus
    if ref is not None and ref.gran in ("quarter", "half", "month") and ref.year:
        p = shift(ref, "year", -1)
        if p is not None:
            return Result("DATE", p.value(), p, p.gran, None, "previous_date", ref.value(), focus=False)
    if ctx.anchor is None:
        return underspecified("year")
    r = anchored(Point("year", ctx.anchor.year - 1), ctx)
    r.focus = False
    return r


@rule(
    "part_of_day",
    r"(?i:(?<![\w-])(?:(?P<pm>early|late|mid)[\s-]?|(?:(?<=\bin\s)|(?<=\bduring\s))(?P<the>the)\s+)(?P<part>morning|afternoon|evening)"
    r"(?:\s+(?P<rel>yesterday|today|tomorrow))?(?![\w-]))",
    prio=2,
    triggers=("morning", "afternoon", "evening"),
)
def _h_part_of_day(m, ctx):
    pm = (m.group("pm") or "").lower()
    mod = {"early": "START", "late": "END", "mid": "MID"}.get(pm)
    part = PARTS[m.group("part").lower()]
    rel = (m.group("rel") or "").lower()
    if rel:
        if ctx.anchor is None:
            return underspecified("part_of_day", typ="TIME", mod=mod)
        d = ctx.anchor + timedelta(days={"yesterday": -1, "today": 0, "tomorrow": 1}[rel])
        return anchored(Point("part_of_day", d.year, d.month, d.day, part=part), ctx, typ="TIME", mod=mod)
    ref = ctx.sent_focus if (ctx.sent_focus and ctx.sent_focus.as_date()) else None
    ref = ref or (ctx.para_focus if (ctx.para_focus and ctx.para_focus.as_date()) else None)
    if ref is None and m.group("the") and ctx.doc_focus is not None and ctx.doc_focus.as_date():
        ref = ctx.doc_focus  # "in the morning" speaks of the day the story is at
    if ref is not None:
        d = ref.as_date()
        p = Point("part_of_day", d.year, d.month, d.day, part=part)
        return Result("TIME", p.value(), p, "part_of_day", mod, "previous_date", ref.value())
    if m.group("the"):
        return None  # "in the morning" with no day in view: a habit ("gets up at six in the morning")
    if ctx.anchor is None:
        return underspecified("part_of_day", typ="TIME", mod=mod)
    d = ctx.anchor
    return anchored(Point("part_of_day", d.year, d.month, d.day, part=part), ctx, typ="TIME", mod=mod)


@rule(
    "unit_of_focus",
    r"(?i:(?<![\w-])(?P<modp>(?:early|earlier|late|later|mid)\s+in|the\s+(?:end|close|beginning|start|middle|turn|rest|remainder)\s+of|"
    r"(?:early|late|mid)[\s-])\s*(?P<the>the|that)\s+(?P<u>day|week|month|year|decade|century)(?![\w-]))",
    prio=3,
    triggers=("day", "week", "month", "year", "decade", "centur"),
    gate=SINGULAR_UNIT_GATE,
)
def _h_unit_of_focus(m, ctx):
    u = m.group("u").lower()
    s = m.group("modp").lower()
    mod = "START" if s.startswith(("early", "the beginning", "the start")) else "END" if s.startswith(("late", "the end", "the close")) else "MID" if s.startswith(("mid", "the middle")) else None
    ref = ctx.para_focus or ctx.doc_focus
    if u == "day" and not s.endswith(" in"):
        return None  # "at the end of the day" is an idiom more often than a time
    if u == "day" and ref is not None and ref.as_date() is None:
        ref = None  # "later in the day": a day written before, else the publication day
    if ref is not None and finer_or_equal(ref.gran, u):
        p = coarsen(ref, u)
        if p is not None:
            return Result("DATE", p.value(), p, u, mod, "previous_date", ref.value())
    if ctx.anchor is None:
        return underspecified(u, mod=mod)
    return anchored(coarsen(Point.of_day(ctx.anchor), u), ctx, mod=mod)


@rule(
    "year_end",
    r"(?i:(?<![\w-])(?:around\s+)?(?P<w>year[\s-]end|year's\s+end|month[\s-]end|the\s+year's\s+end)(?![\w-]))",
    prio=2,
    triggers=("end",),
    gate=r"(?i:year[\s-]end|year's\s+end|month[\s-]end)",
)
def _h_year_end(m, ctx):
    u = "month" if m.group("w").lower().startswith("month") else "year"
    ref = ctx.sent_focus if (ctx.sent_focus and finer_or_equal(ctx.sent_focus.gran, u)) else None
    if ref is not None:
        p = coarsen(ref, u)
        return Result("DATE", p.value(), p, u, "END", "previous_date", ref.value())
    if ctx.anchor is None:
        return underspecified(u, mod="END")
    return anchored(coarsen(Point.of_day(ctx.anchor), u), ctx, mod="END")


@rule(
    "anaphoric_unit",
    r"(?i:(?<![\w-])(?:(?P<rel>the\s+next|the\s+following|the\s+previous|the\s+preceding|the\s+prior|the\s+same|that|a|one)\s+"
    r"(?P<u>day|week|weekend|month|year|morning|afternoon|evening|night)"
    r"|the\s+(?P<u2>day|week|month|year|night)\s+(?P<dir>before|after|earlier|later|prior))(?![\w-]))",
    prio=2,
    triggers=("day", "week", "month", "year", "morning", "afternoon", "evening", "night"),
    gate=SINGULAR_UNIT_GATE,
)
def _h_anaphoric(m, ctx):
    after_text = ctx.text[ctx.end:ctx.end + 30]
    rel = re.sub(r"\s+", " ", (m.group("rel") or "").lower())
    if m.group("u2"):
        u = m.group("u2").lower()
        if m.group("dir").lower() in ("before", "after", "prior") and re.match(
            r"\s+(?:the|a|an|his|her|their|its|our|my|your|this|that|these|those|[A-Z]\w+|to|\d)\b", after_text
        ) and not re.match(r"\s+(?:yesterday|tomorrow|today)\b", after_text):
            return None  # "the day before the election": anchored to an event, not a date
        off = -1 if m.group("dir").lower() in ("before", "earlier", "prior") else 1
        part = None
        if u == "night":
            u, part = "day", "NI"
    else:
        u = m.group("u").lower()
        part = None
        if rel in ("a", "one"):
            return None
        if u in ("morning", "afternoon", "evening", "night"):
            part, u = PARTS[u], "day"
        off = {"the next": 1, "the following": 1, "the previous": -1, "the preceding": -1, "the prior": -1,
               "the same": 0, "that": 0}[rel]
    # reference: a day-level date in this paragraph, else (for longer units)
    # the last date anywhere, else the publication date
    if u == "day" or u == "weekend":
        ref = ctx.para_focus if (ctx.para_focus and ctx.para_focus.as_date()) else None
    elif u == "year":
        ref = ctx.year_focus
    else:
        ref = ctx.para_focus or ctx.doc_focus
        if ref is not None and not finer_or_equal(ref.gran, u):
            ref = None
    typ = "TIME" if part else "DATE"
    if ref is None:
        if off == 0 and rel in ("that", "the same") and u != "day":
            return None
        if ctx.anchor is None:
            return underspecified("part_of_day" if part else u, typ=typ)
        base = coarsen(Point.of_day(ctx.anchor), "week" if u == "weekend" else u)
        p = shift(base, "week" if u == "weekend" else u, off)
        if p is not None and part:
            p = Point("part_of_day", p.year, p.month, p.day, part=part)
        return anchored(p, ctx, typ=typ)
    base = coarsen(ref, "week" if u == "weekend" else u)
    if base is None:
        return None
    p = shift(base, "week" if u == "weekend" else u, off)
    if p is None:
        return None
    if u == "weekend":
        p = Point("weekend", p.year, week=p.week)
    if part:
        p = Point("part_of_day", p.year, p.month, p.day, part=part)
    return Result(typ, p.value(), p, p.gran, None, "previous_date", ref.value())


@rule(
    "that_time",
    r"(?i:(?<![\w-])(?P<w>that\s+time|the\s+time|the\s+same\s+time|that\s+moment|then)(?![\w-]))",
    prio=1,
    triggers=("time", "moment", "then"),
)
def _h_that_time(m, ctx):
    before = ctx.text[max(0, ctx.start - 12):ctx.start].lower()
    w = re.sub(r"\s+", " ", m.group("w").lower())
    if not re.search(r"\b(at|by|since|until|from)\s+$", before):
        return None
    if w == "the same time":
        return None
    after = ctx.text[ctx.end:ctx.end + 12].lower()
    if re.match(r"\s*(?:of|when|that|to|for|being)\b", after):
        return None
    if w == "the time" and not re.match(r"\s*(?:[.,;:!?)\"'”’]|$)", after):
        return None  # "at the time Howes was captured": a clause follows, the time is its event's
    if w == "then" and not re.search(r"\b(until|since|by|till)\s+$", before):
        return None
    ref = ctx.doc_focus
    if ref is not None:
        return Result("DATE", ref.value(), ref, ref.gran, None, "previous_date", ref.value())
    return Result("DATE", "PAST_REF", None, None, None, "none", None, focus=False)


# --- N units ago / earlier / later ------------------------------------------------------


def _relative_is_duration(direction: str, gran: str) -> bool:
    """"N units later/after/earlier/before" counts time from an event, so TimeML
    tags the amount (a DURATION). A year-level "a year earlier/before" is the
    exception: the comparison of figures "up from $5 million a year earlier"
    names the period a year before (a DATE)."""
    if direction in ("ago", "hence", "from now", "back"):
        return False
    if direction in ("later", "after"):
        return True
    return gran in ("day", "week")


@rule(
    "units_ago",
    r"(?i:(?<![\w-])(?P<mq>(?:about|around|approximately|roughly|nearly|almost|over|more\s+than|less\s+than|some|just|at\s+least)\s+)?"
    r"(?P<q>" + QUANT + r")[\s-]+" + UNIT + r"(?:\s+or\s+so)?\s+(?P<dir>ago|earlier|later|hence|from\s+now|back|"
    r"(?:before|after|prior)(?=\s*(?:[.,;:!?)\"'”’]|$|and\b|when\b|but\b|in\b|on\b|at\b|with\b|for\b|as\b))))",
    prio=3,
    triggers=UNIT_WORDS,
    gate=r"(?i:[\s-]" + UNIT_WORD + r"(?:\s+or\s+so)?\s+(?:ago|earlier|later|hence|from\s+now|back|before|after|prior))",
)
def _h_units_ago(m, ctx):
    qtext = m.group("q")
    n = parse_number(qtext)
    unit = unit_of(m.group("unit"))
    d = re.sub(r"\s+", " ", m.group("dir").lower())
    mq = (m.group("mq") or "").strip().lower()
    mod = {"about": "APPROX", "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX", "some": "APPROX",
           "nearly": "LESS_THAN", "almost": "LESS_THAN", "less than": "LESS_THAN", "over": "MORE_THAN",
           "more than": "MORE_THAN", "at least": "EQUAL_OR_MORE"}.get(mq)
    # ("two days after the summit" ends with an event, not a date: the pattern
    # takes "before/after" only before punctuation or a clause boundary)
    sign = -1 if d in ("ago", "earlier", "before", "back", "prior") else 1
    code_gran = {"second": "second", "minute": "minute", "hour": "hour", "day": "day", "week": "week",
                 "fortnight": "week", "month": "month", "quarter": "quarter", "year": "year", "decade": "decade",
                 "century": "century", "millennium": "millennium"}[unit]
    if unit in ("second", "minute", "hour", "millennium"):
        return None
    if unit == "fortnight":
        unit, n = "week", (n * 2 if n else None)
    if _relative_is_duration(d, code_gran):
        # TimeML: "two days later", "a week after": the timex is the amount of
        # time, a DURATION, and "later"/"after" is a signal outside it: declining
        # here lets the plain duration "two days" stand
        return None
    if n is None or not float(n).is_integer():
        # "a few years ago", "several months earlier": direction only
        return Result("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", None, None, mod, "none", None, focus=False)
    n = int(n)
    if d in ("ago", "hence", "from now", "back"):
        ref = None
        # "a year ago" next to "the third quarter": the same quarter a year before
        sf = ctx.sent_focus
        if unit == "year" and sf is not None and sf.gran in ("quarter", "month", "half", "season") and sf.year:
            ref = sf
        elif unit == "year" and n == 1 and ctx.doc_focus is not None and ctx.doc_focus.gran in ("quarter", "half"):
            ref = ctx.doc_focus
        if ref is None:
            if ctx.anchor is None:
                return underspecified(code_gran, mod=mod)
            base = coarsen(Point.of_day(ctx.anchor), code_gran) if code_gran != "day" else Point.of_day(ctx.anchor)
            p = shift(base, unit, sign * n)
            return anchored(p, ctx, mod=mod)
        p = shift(ref, unit, sign * n)
        if p is None:
            return None
        # "a year ago" beside "the third quarter" compares; it does not move the story
        return Result("DATE", p.value(), p, p.gran, mod, "previous_date", ref.value(), focus=False)
    # earlier / later / before / after: from the date in focus
    ref = ctx.sent_focus or ctx.para_focus
    if ref is None and unit == "year" and n == 1 and ctx.doc_focus is not None and ctx.doc_focus.gran in ("quarter", "half"):
        ref = ctx.doc_focus
    if ref is not None and not ref.year:
        ref = None
    if ref is None:
        if ctx.anchor is None:
            return underspecified(code_gran, mod=mod)
        base = coarsen(Point.of_day(ctx.anchor), code_gran)
        return anchored(shift(base, unit, sign * n) if base else None, ctx, mod=mod)
    if finer_or_equal(ref.gran, code_gran):
        p = shift(ref, unit, sign * n)
    else:
        p = shift(ref, unit, sign * n) if code_gran in ("year", "decade", "century") else None
        if p is None:
            return None
    if p is None:
        return None
    comparison = unit == "year" and n == 1 and ref.gran in ("quarter", "half", "month")
    return Result("DATE", p.value(), p, p.gran, mod, "previous_date", ref.value(), focus=not comparison)


@rule(
    "units_bare_relative",
    r"(?i:(?<![\w-])(?:(?:several|many|some)\s+)?(?P<unit>minutes|hours|days|weeks|months|years|decades)"
    r"(?:\s+(?P<dir>ago)|(?=\s+(?:earlier|later)(?![\w-])))(?![\w-]))",
    prio=2,
    # "two years later" is the duration "two years" and a signal, not "years later"
    check=lambda m, text, s, e: re.search(r"(?i:(?:\d|\b(?:" + QUANT + r"))\s*[\s-]$)", text[max(0, s - 25):s]) is None,
    triggers=("minutes", "hours", "days", "weeks", "months", "years", "decades"),
    gate=PLURAL_UNIT_GATE,
)
def _h_units_bare_relative(m, ctx):
    """"Days later", "hours earlier": an unknown amount of time from an event (a
    DURATION, ``PXD``, the extent without the signal "later"); "years ago": some
    time before the publication (``PAST_REF``)."""
    unit = unit_of(m.group("unit"))
    if m.group("dir"):
        return Result("DATE", "PAST_REF", None, None, None, "none", None, focus=False)
    return Result("DURATION", duration_value(None, unit), None, unit, None, "none", None, focus=False)
