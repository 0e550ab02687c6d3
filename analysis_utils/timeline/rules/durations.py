"""Rules for durations ("24 years", "nine months", "1.5 hours", "the past few years",
"half an hour") and sets ("every year", "each Monday", "annually", "$5 a year").

No rule here makes a date: "first visit in 24 years" stays a duration.

Part of the timex tagger (see :mod:`analysis_utils.timeline.timexes`); each rule is a
pattern and a resolver, registered in order in ``RULES``.
"""
from __future__ import annotations

import re

from ..points import MONTHS, PARTS, SEASONS, WEEKDAYS
from ..number_words import QUANT, SMALLW, TENSW, UNIT, duration_value, parse_number, unit_of
from ..patterns import PLURAL_UNIT_GATE, UNIT_WORD, UNIT_WORDS, Rule, preceded_by, rule_collector
from ..resolve import Result

RULES: list[Rule] = []
rule = rule_collector(RULES)

# --- durations ------------------------------------------------------------------------

_DUR_MOD = {
    "about": "APPROX", "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX", "some": "APPROX",
    "nearly": "LESS_THAN", "almost": "LESS_THAN", "less than": "LESS_THAN", "fewer than": "LESS_THAN",
    "under": "LESS_THAN", "over": "MORE_THAN", "more than": "MORE_THAN", "at least": "EQUAL_OR_MORE",
    "at most": "EQUAL_OR_LESS", "up to": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS", "within": "EQUAL_OR_LESS",
    "upwards of": "MORE_THAN",
}
_DUR_PRE = (
    r"(?P<mq>(?:about|around|approximately|roughly|nearly|almost|more\s+than|less\s+than|fewer\s+than|"
    r"at\s+least|at\s+most|up\s+to|no\s+more\s+than|upwards\s+of)\s+)?"
    r"(?P<dt>(?:the|each\s+of\s+the|its|their|his|her)\s+(?:(?:past|last|next|first|coming|previous|following|latest|final|"
    r"remaining|initial|entire|full|whole|same|preceding|prior|ensuing|subsequent|past\s+several|last\s+several|next\s+several|"
    r"past\s+few|last\s+few|next\s+few|first\s+few)\s+|(?=[^\s-]+\s))|(?:another|an\s+additional|an\s+extra|additional)\s+)?"
)


def _dur_ok(m, text, s, e):
    q = m.group("q").strip().lower()
    unit = m.group("unit").lower()
    if unit.startswith("quarter") and re.match(r"\s+of\b", text[e:e + 4]):
        return False  # "three-quarters of its food" is a fraction
    if q in ("a", "an") and unit in ("second", "quarter", "minute"):
        return False
    if q in ("some",) and unit not in ("years", "months", "weeks", "days", "decades", "hours", "minutes"):
        return False
    if q == "one" and unit == "day" and not m.group("dt") and not m.group("mq"):
        # "one day, ..." is an indefinite time ('some day')
        before = text[max(0, s - 6):s].lower()
        if not re.search(r"\b(for|in|of|a|per)\s+$", before):
            return False
    if unit in ("second", "seconds") and q in ("a", "one") and not m.group("dt"):
        return False
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", q) and unit.rstrip("s") in ("second", "minute", "hour", "day"):
        return True
    return True


@rule(
    "duration",
    r"(?i:(?<![\w$€£¥₩#.,/-])" + _DUR_PRE + r"(?P<q>" + QUANT + r")(?P<q2>\s*(?:to|-|–|or)\s*" + QUANT + r")?(?P<sep>[\s-]+)(?:(?:more|additional|full|straight|"
    r"consecutive|long|successive|short|whole|extra)\s+)?" + UNIT + r"(?P<half>\s+and\s+a\s+half)?(?P<old>[\s-]old)?"
    r"(?P<orso>\s+or\s+so)?(?P<per>\s+(?:period|span|stretch|term|spell|window|hiatus|interval))?(?![\w-]))",
    prio=2,
    check=_dur_ok,
    triggers=UNIT_WORDS,
    gate=r"(?i:[\s-]" + UNIT_WORD + ")",  # the unit after the number, a space or a hyphen before it
)
def _h_duration(m, ctx):
    if m.group("old"):
        return None  # an age is not a time
    q = m.group("q")
    n = parse_number(q)
    unit = unit_of(m.group("unit"))
    if m.group("q2"):
        q2 = re.sub(r"^\s*(?:to|-|–|or)\s*", "", m.group("q2"), flags=re.I)
        n2 = parse_number(q2)
        if n is None or n2 is None or n2 <= n:
            return None
        mq = re.sub(r"\s+", " ", (m.group("mq") or "").strip().lower())
        # "two to three weeks": at least the lower bound
        return Result("DURATION", duration_value(n, unit), None, unit, "EQUAL_OR_MORE", "none", None, focus=False)
    if m.group("half") and n is not None:
        n += 0.5
    mq = re.sub(r"\s+", " ", (m.group("mq") or "").strip().lower())
    mod = _DUR_MOD.get(mq)
    qn = q.strip().lower()
    before = ctx.text[max(0, ctx.start - 25):ctx.start]
    # "$5 a year", "5% a year", "700 seats a week": a rate of something else, which
    # TimeBank's annotators leave untagged far more often than not (2 of 9): not a
    # time; "twice a week", "three times a day" are SETs (rule ``set_freq``)
    before = ctx.text[max(0, ctx.start - 40):ctx.start]
    if qn in ("a", "an") and not m.group("dt") and not m.group("mq") and re.search(
        r"(?i:(?:(?:\d[\d,.]*|\b(?:" + TENSW + "|" + SMALLW + r"|hundred|thousand))\s*(?:%|percent|cents?|dollars?|won|yen|euros?|pounds?|million|billion|trillion|bn|m)?"
        r"(?:\s+[a-z]+){0,2}|\btimes|\bonce|\btwice|\bthrice)\s*$)", before
    ) and not re.search(r"(?i:\b(?:in|for|within|after|over|than|of)\s*$|,\s*$)", before) and not re.match(
        r"(?i:\s+(?:after|before|later|earlier|ago|from)\b)", ctx.text[ctx.end:ctx.end + 10]
    ):
        if re.search(r"(?i:\b(?:times|once|twice|thrice)\s*$)", before):
            return Result("SET", duration_value(1, unit), None, unit, None, "none", None, focus=False)
        return None
    # "the past year" / "the last decade" with no number read as the period itself
    dt = re.sub(r"\s+", " ", (m.group("dt") or "").strip().lower())
    if qn in ("a", "an", "one") and unit in ("year",) and dt in ("",) and ctx.text[ctx.end:ctx.end + 10].lower().startswith((" earlier", " ago")):
        return None
    mixed = bool(m.group("half")) or "/" in q or "½" in q or "half" in q.lower()
    v = duration_value(n, unit, mixed=mixed)
    if m.group("orso"):
        mod = mod or "APPROX"
    return Result("DURATION", v, None, unit, mod, "none", None, focus=False)


@rule(
    "duration_vague",
    r"(?i:(?<![\w-])(?P<dt>(?:the\s+)?(?:past|last|next|coming|recent|first|early|ensuing|following|previous|future)\s+)(?P<unit>"
    r"seconds|minutes|hours|days|weeks|months|quarters|years|decades|centuries)(?![\w-]))",
    prio=1,
    triggers=UNIT_WORDS,
    gate=PLURAL_UNIT_GATE,
)
def _h_duration_vague(m, ctx):
    dt = re.sub(r"\s+", " ", m.group("dt").strip().lower())
    unit = unit_of(m.group("unit"))
    if dt in ("recent", "the recent"):
        return Result("DATE", "PAST_REF", None, None, None, "none", None, focus=False)
    if dt in ("coming", "the coming", "next", "the next", "future", "the future"):
        return Result("DATE", "FUTURE_REF", None, None, None, "none", None, focus=False)
    if dt in ("past", "the past", "last", "the last", "previous", "the previous"):
        return Result("DURATION", duration_value(None, unit), None, unit, None, "none", None, focus=False)
    return Result("DURATION", duration_value(None, unit), None, unit, None, "none", None, focus=False)


@rule(
    "duration_bare",
    r"(?i:(?<![\w-])(?:many\s+|several\s+|some\s+|(?P<the>the)\s+)?(?P<unit>"
    r"seconds|minutes|hours|days|weeks|months|years|decades|centuries)(?P<alt>\s+(?:or|and|to)\s+(?:seconds|minutes|hours|days|weeks|months|years|decades))?(?![\w-]))",
    prio=1,
    check=preceded_by("for|over|in|within|lasting|took|take|takes|spent|spend|after|follows|following|followed", 10),
    triggers=UNIT_WORDS,
    gate=PLURAL_UNIT_GATE,
)
def _h_duration_bare(m, ctx):
    before = ctx.text[max(0, ctx.start - 10):ctx.start].lower()
    unit = unit_of(m.group("unit"))
    after = ctx.text[ctx.end:ctx.end + 12].lower()
    # "after months of talks", "within weeks of his capture": an amount of time
    of_ok = re.search(r"\b(?:within|after|follows|following|followed)\s+$", before) and not m.group("the")
    if re.match(r"\s*(?:ago|later|earlier|before|after)\b", after) or (re.match(r"\s*of\b", after) and not of_ok):
        return None
    if re.search(r"\b(?:after|follows|following|followed)\s+$", before) and not re.match(r"\s*of\b", after):
        return None  # "after years" alone, "following days": too often something else
    if re.search(r"\bin\s+$", before) and not re.match(r"\s*[.,;:!?]|\s*$", after):
        return None
    if m.group("the") and not re.search(r"\bover\s+$", before):
        return None
    return Result("DURATION", duration_value(None, unit), None, unit, None, "none", None, focus=False)


@rule(
    "a_while",
    r"(?i:(?<![\w-])a\s+(?:long\s+|short\s+|little\s+)?while(?![\w-]))",
    prio=1,
    check=preceded_by("for|in|after|within|took|take|takes", 7),
    triggers=("while",),
)
def _h_a_while(m, ctx):
    return Result("DURATION", "PXX", None, None, None, "none", None, focus=False)


@rule(
    "half_unit",
    r"(?i:(?<![\w-])(?P<mq>(?:about|nearly|almost|more\s+than|less\s+than|over|at\s+least)\s+)?(?:half\s+an?\s+(?P<u1>hour|day|year|month|century|decade)|"
    r"an?\s+(?P<u2>hour|day|year|month|week|minute|century|decade)\s+and\s+a\s+half)(?![\w-]))",
    prio=3,
    triggers=("half",),
)
def _h_half_unit(m, ctx):
    if m.group("u1"):
        unit, n = m.group("u1").lower(), 0.5
    else:
        unit, n = m.group("u2").lower(), 1.5
    mod = _DUR_MOD.get(re.sub(r"\s+", " ", (m.group("mq") or "").strip().lower()))
    return Result("DURATION", duration_value(n, unit, mixed=True), None, unit, mod, "none", None, focus=False)


# --- sets -----------------------------------------------------------------------------


@rule(
    "set_every",
    r"(?i:(?<![\w-])(?P<q>every|each|per)\s+(?:(?P<other>other|second|single)\s+)?(?:(?P<n>" + QUANT + r")\s+)?(?P<u>seconds?|minutes?|hours?|days?|nights?|weeks?|"
    r"weekends?|months?|quarters?|years?|decades?|centuries|century|morning|afternoon|evening|summer|winter|spring|autumn|fall|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|"
    r"september|october|november|december)\b)",
    prio=3,
    triggers=("every", "each", "per"),
    gate=r"(?i:(?:every|each|per)\s)",
)
def _h_set(m, ctx):
    u = m.group("u").lower()
    if m.group("q").lower() == "per":
        return None  # "miles per hour", "$5 per share per year": a rate, not a time
    if u in WEEKDAYS:
        return Result("SET", f"XXXX-WXX-{WEEKDAYS[u] + 1}", None, "day", None, "none", None, focus=False)
    if u in MONTHS:
        return Result("SET", f"XXXX-{MONTHS[u]:02d}", None, "month", None, "none", None, focus=False)
    if u in SEASONS:
        return Result("SET", f"XXXX-{SEASONS[u]}", None, "season", None, "none", None, focus=False)
    if u in PARTS:
        return Result("SET", f"TXX{PARTS[u]}".replace("TXX", "XXXX-XX-XXT"), None, "part_of_day", None, "none", None, focus=False)
    if u.rstrip("s") == "weekend":
        return Result("SET", "XXXX-WXX-WE", None, "weekend", None, "none", None, focus=False)
    if u.rstrip("s") == "night":
        return Result("SET", "P1D", None, "day", None, "none", None, focus=False)
    unit = unit_of(u)
    n = parse_number(m.group("n")) if m.group("n") else 1
    if m.group("other") and m.group("other").lower() in ("other", "second"):
        n = 2
    if n is None:
        return None
    return Result("SET", duration_value(n, unit), None, unit, None, "none", None, focus=False)


@rule(
    "set_freq",
    r"(?i:(?<![\w-])(?P<f>once|twice|thrice|(?:" + QUANT + r")\s+times)\s+(?:a|an|per|each|every)\s+"
    r"(?P<u>second|minute|hour|day|night|week|month|quarter|year|decade|century)(?![\w-])"
    r"(?!\s+(?:ago|earlier|later|before|after|from)\b))",
    prio=3,
    triggers=("once", "twice", "thrice", "times"),
    gate=r"(?i:\s(?:a|an|per|each|every)\s+(?:second|minute|hour|day|night|week|month|quarter|year|decade|century)(?![\w-]))",
)
def _h_set_freq(m, ctx):
    """"twice a year", "three times a week": a SET whose extent takes the
    frequency in (TimeML: value ``P1Y``, the frequency apart)."""
    u = m.group("u").lower()
    if u == "night":
        return Result("SET", "P1D", None, "day", None, "none", None, focus=False)
    unit = unit_of(u)
    return Result("SET", duration_value(1, unit), None, unit, None, "none", None, focus=False)


_SET_ADVERBS = (r"daily|weekly|biweekly|fortnightly|monthly|bimonthly|quarterly|annually|yearly|hourly|nightly|"
                r"semiannually|semi-annually|biannually")


@rule(
    "set_adverb",
    r"(?i:(?<![\w-])(?P<w>" + _SET_ADVERBS + r")(?![\w-]))",
    prio=2,
    triggers=("ly",),
    gate=r"(?i:" + _SET_ADVERBS + ")",  # the adverb itself, wherever it is ("ly" is in most paragraphs)
)
def _h_set_adverb(m, ctx):
    w = m.group("w").lower().replace("-", "")
    v = {"daily": "P1D", "weekly": "P1W", "biweekly": "P2W", "fortnightly": "P2W", "monthly": "P1M",
         "bimonthly": "P2M", "quarterly": "P3M", "annually": "P1Y", "yearly": "P1Y", "hourly": "PT1H",
         "nightly": "P1D", "semiannually": "P6M", "biannually": "P6M"}[w]
    after = ctx.text[ctx.end:ctx.end + 15]
    before = ctx.text[max(0, ctx.start - 12):ctx.start].lower()
    # "its quarterly dividend", "the daily tally": an adjective before a noun
    # describes a thing, it does not say when something happens
    if re.match(r"\s+[a-z]", after) and not re.match(
        r"\s+(?:and|or|but|to|in|on|at|for|from|since|until|through|by|with|as|than|during|over|thereafter|"
        r"afterwards?|if|when|while|because|is|are|was|were|will|would)\b", after):
        return None
    if re.search(r"\b(?:the|a|an|its|their|his|her|our|my|your|average|initial|first|regular|this|that)\s+$", before):
        return None
    return Result("SET", v, None, None, None, "none", None, focus=False)
