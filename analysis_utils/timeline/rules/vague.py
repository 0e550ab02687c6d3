"""Rules for vague references ("currently", "recently", "in the future": TimeML
``PRESENT_REF``, ``PAST_REF``, ``FUTURE_REF``) and named eras ("the Soviet era"),
whose years are read from the package data file ``eras.yml``.

Part of the timex tagger (see :mod:`analysis_utils.timeline.timexes`); each rule is a
pattern and a resolver, registered in order in ``RULES``.
"""
from __future__ import annotations

import re
from pathlib import Path

from ..patterns import Rule, rule_collector
from ..resolve import Result

RULES: list[Rule] = []
rule = rule_collector(RULES)

# --- vague references --------------------------------------------------------------------

_REFS = {
    "now": "PRESENT_REF", "right now": "PRESENT_REF", "just now": "PAST_REF", "currently": "PRESENT_REF",
    "presently": "PRESENT_REF", "at present": "PRESENT_REF", "at the moment": "PRESENT_REF",
    "nowadays": "PRESENT_REF", "these days": "PRESENT_REF", "so far": "PRESENT_REF", "thus far": "PRESENT_REF",
    "to date": "PRESENT_REF", "the present": "PRESENT_REF", "current": "PRESENT_REF", "the present day": "PRESENT_REF",
    "recently": "PAST_REF", "lately": "PAST_REF", "recent": "PAST_REF", "previously": "PAST_REF",
    "formerly": "PAST_REF", "the past": "PAST_REF", "earlier": "PAST_REF", "once": "PAST_REF",
    "in the past": "PAST_REF", "more recently": "PAST_REF", "most recently": "PAST_REF", "until recently": "PAST_REF",
    "the future": "FUTURE_REF", "the near future": "FUTURE_REF", "the foreseeable future": "FUTURE_REF",
    "the distant future": "FUTURE_REF", "the near term": "FUTURE_REF", "the short term": "FUTURE_REF",
    "the long term": "FUTURE_REF", "the medium term": "FUTURE_REF", "soon": "FUTURE_REF",
    "a later date": "FUTURE_REF", "later": "FUTURE_REF", "future": "FUTURE_REF",
    "the coming days": "FUTURE_REF", "the coming weeks": "FUTURE_REF", "the coming months": "FUTURE_REF",
    "the coming years": "FUTURE_REF", "in the coming days": "FUTURE_REF", "as soon as possible": "FUTURE_REF",
}


@rule(
    "ref",
    r"(?i:(?<![\w-])(?P<w>right\s+now|just\s+now|now|currently|presently|at\s+present|nowadays|these\s+days|so\s+far|thus\s+far|"
    r"to\s+date|the\s+present\s+day|more\s+recently|most\s+recently|recently|lately|previously|formerly|"
    r"the\s+past|the\s+(?:near|distant|immediate)\s+future|the\s+future|the\s+(?:near|short|long|medium)\s+term|"
    r"as\s+soon\s+as\s+possible|soon|a\s+later\s+date|current|earlier|the\s+present)(?![\w-]))",
    prio=0,
    triggers=("now", "current", "present", "days", "far", "date", "recent", "lately", "previous", "formerly", "past", "future", "term", "soon", "later", "earlier"),
)
def _h_ref(m, ctx):
    w = re.sub(r"\s+", " ", m.group("w").lower())
    text = ctx.text
    before = text[max(0, ctx.start - 20):ctx.start]
    after = text[ctx.end:ctx.end + 20]
    ss, se = ctx.sentence
    clause_start = (not before.strip() or ctx.start == ss
                    or re.search(r"(?:^|[.;:!?]|\n|(?:^|\s)[\"“'‘(\[]|,\s*(?:and|but|or)?)\s*$", before) is not None)
    if w in ("earlier", "previously", "formerly", "so far", "thus far", "to date"):
        # sentence adverbs: only at the start of a clause ("Earlier, ...",
        # "So far, ..."), not "a year earlier" or "the previously announced plan"
        if not clause_start:
            return None
        if re.match(r"\s+(?:this|last|in|on|that|today|yesterday|than)\b", after, re.I):
            return None
    if w == "now" and re.match(r"[-‐]", after):
        return None  # "now-defunct"
    if w == "current":
        if not re.match(r"\s+[a-z]", after) or re.match(r"(?i:\s+(?:account|accounts|affairs|events|density|flow|flows|source|sources|electric|carrying))\b", after):
            return None
        if re.search(r"(?i:\b(?:electric|alternating|direct|ocean|strong|the\s+gulf)\s+$)", before):
            return None
    if w == "soon":
        if re.match(r"\s+(?:after|afterwards|afterward|thereafter|as)\b", after, re.I) or re.search(r"(?i:\bas\s+$|\bhow\s+$|\btoo\s+$)", before):
            return None
    if w == "so far":
        if re.match(r"\s+(?:as|from|away|ahead|behind|out|off|beyond|removed|gone|the)\b", after, re.I) or re.search(r"(?i:\b(?:and|not|go|gone|went|is|are|was|were|be)\s+$)", before) and not clause_start:
            return None
    if w == "the present":
        if re.match(r"\s+[a-z]", after):
            return None
    if w == "the past":
        if re.match(r"\s+(?:\w+\s+)?(?:years?|months?|weeks?|days?|decades?|quarters?|centuries|century|hours?)\b", after, re.I):
            return None
    if w == "the future" and re.match(r"\s+of\b", after):
        return None  # "the future of the alliance" is a fate, not a time
    v = _REFS[w]
    return Result("DATE", v, None, None, None, "none", None, focus=False)


# --- named eras ----------------------------------------------------------------------

ERAS_FILE = Path(__file__).with_name("eras.yml")
_ERA_VALUE = re.compile(r"(?:\d{4}|XXXX)(?:/(?:\d{4}|XXXX))?")


def load_eras(path: str | Path | None = None) -> dict[str, str]:
    """Named eras and their TIMEX3 values from ``eras.yml`` (format at its top).

    Raises ``ValueError`` for a value that is not ``YYYY``, ``YYYY/YYYY`` or ``XXXX``
    in place of a year.
    """
    import yaml

    p = Path(path) if path else ERAS_FILE
    data = yaml.safe_load(p.read_text(encoding="utf-8")) or {}
    eras: dict[str, str] = {}
    for name, value in (data.get("eras") or {}).items():
        key = re.sub(r"\s+", " ", str(name).strip().lower())
        if not key or not _ERA_VALUE.fullmatch(str(value)):
            raise ValueError(f"{p}: bad era {name!r}: {value!r}")
        eras[key] = str(value)
    return eras


_ERAS = load_eras()
_ERA_NAMES = "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in sorted(_ERAS, key=len, reverse=True))


@rule(
    "era",
    r"(?i:(?<![\w-])the\s+(?P<e>" + _ERA_NAMES + r")\s+(?:era|period|age|years|times)(?![\w-]))",
    prio=3,
    triggers=("era", "period", "age", "years", "times"),
    gate=r"(?i:the\s+(?:" + _ERA_NAMES + "))",
)
def _h_era(m, ctx):
    e = re.sub(r"\s+", " ", m.group("e").lower())
    v = _ERAS[e]
    return Result("DATE", v, None, None, None, "absolute", None, focus=False)
