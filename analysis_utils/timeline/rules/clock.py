"""Rule for clock times ("2:22 a.m.", "10 p.m. Tuesday", "noon"): the day comes from
a day written next to the time, else the day in focus, else the anchor.

Part of the timex tagger (see :mod:`analysis_utils.timeline.timexes`); each rule is a
pattern and a resolver, registered in order in ``RULES``.
"""
from __future__ import annotations

from datetime import date, timedelta

from ..points import WEEKDAYS, Point, month_num, safe_date
from ..patterns import CLOCK, DAYNUM, MONTH, TZ, WEEKDAY, Rule, rule_collector
from ..resolve import Result, pick_by_tense, weekday_by_tense

RULES: list[Rule] = []
rule = rule_collector(RULES)

# --- clock times ---------------------------------------------------------------------

_DAYPART_AFTER = (
    r"(?P<tz>\s*" + TZ + r")?(?:\s*\(?(?i:local\s+time)\)?)?"
    r"(?P<dayx>,?\s+(?:(?i:on\s+)?(?P<dwd>" + WEEKDAY + r")(?:,?\s+(?P<dmon>" + MONTH + r")\s*(?P<dd>" + DAYNUM + r"))?"
    r"|(?P<dmon2>" + MONTH + r")\s*(?P<dd2>" + DAYNUM + r")(?!\d)|(?P<drel>(?i:today|tomorrow|yesterday|tonight))))?"
)


@rule(
    "clock_time",
    r"(?<![\w:.,/-])(?P<mq>(?i:about|around|approximately|shortly\s+(?:before|after)|just\s+(?:before|after))\s+)?" + CLOCK + _DAYPART_AFTER + r"(?![\w])",
    prio=4,
    triggers=("#clock", "noon", "midday", "midnight"),
)
def _h_clock(m, ctx):
    if m.group("noon"):
        w = m.group("noon").lower()
        h, mi = (24, 0) if w == "midnight" else (12, 0)
    elif m.group("h24") is not None:
        h, mi = int(m.group("h24")), int(m.group("mi24"))
    elif m.group("h4") is not None:
        h, mi = int(m.group("h4")), int(m.group("mi4"))
    else:
        h = int(m.group("h"))
        mi = int(m.group("mi") or 0)
        ap = m.group("ap").lower().replace(".", "").replace(" ", "")
        if ap.startswith("p") and h < 12:
            h += 12
        if ap.startswith("a") and h == 12:
            h = 0
    mq = (m.group("mq") or "").strip().lower()
    mod = "APPROX" if mq in ("about", "around", "approximately") else None
    day: date | None = None
    kind, used = "none", None
    # a day written next to the time
    if m.group("dwd") or m.group("dmon2") or m.group("drel"):
        if m.group("dmon") or m.group("dmon2"):
            mon = month_num(m.group("dmon") or m.group("dmon2"))
            dnum = int(m.group("dd") or m.group("dd2"))
            if ctx.anchor:
                cands = [Point("day", y, mon, dnum) for y in (ctx.anchor.year - 1, ctx.anchor.year, ctx.anchor.year + 1)
                         if safe_date(y, mon, dnum)]
                p = pick_by_tense(cands, ctx)
                day = p.as_date() if p else None
                kind, used = "publication", ctx.anchor.isoformat()
        elif m.group("drel"):
            if ctx.anchor:
                day = ctx.anchor + timedelta(days={"today": 0, "tonight": 0, "tomorrow": 1, "yesterday": -1}[m.group("drel").lower()])
                kind, used = "publication", ctx.anchor.isoformat()
        elif m.group("dwd") and ctx.anchor:
            wd = WEEKDAYS[m.group("dwd").lower()]
            a = ctx.anchor
            day = weekday_by_tense(a, wd, ctx.tense)
            kind, used = "publication", a.isoformat()
    if day is None and not (m.group("dwd") or m.group("dmon2") or m.group("drel")):
        ref = ctx.sent_focus if (ctx.sent_focus and ctx.sent_focus.as_date()) else None
        if ref is None and ctx.para_focus is not None and ctx.para_focus.as_date():
            ref = ctx.para_focus
        if ref is not None:
            day, kind, used = ref.as_date(), "previous_date", ref.value()
        elif ctx.anchor is not None:
            day, kind, used = ctx.anchor, "publication", ctx.anchor.isoformat()
    if day is None:
        v = f"XXXX-XX-XXT{h:02d}:{mi:02d}"
        return Result("TIME", v, None, "minute", mod, "none", None, focus=False)
    p = Point("minute", day.year, day.month, day.day, hour=h, minute=mi)
    return Result("TIME", p.value(), p, "minute", mod, kind, used)
