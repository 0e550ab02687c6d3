"""The publication date: given, or read from the text.

* :func:`infer_published`: the publication date read from the text itself when
  no metadata gives it, and :func:`publication_date` / :class:`PublicationDate`:
  the date an article's relative dates are anchored to (``Article.published``,
  else the inferred date), with the evidence and whether it was inferred.

How :func:`infer_published` decides, in this order
--------------------------------------------------
1. **A timestamp line** ("Input 2024.06.18 09:12", "Published: 2024-03-05",
   "Updated June 17, 2024", "입력 2024-06-17"): the first full date on a line
   that starts with such a label (publication labels win over update labels).
   For an ``Article``, its ``timestamp`` segments are read first.
2. Otherwise the date is assembled from clues in the text, each giving a year,
   a month or a day:

   - a **dateline** at the start of a paragraph ("TOKYO, Jun. 3 (Kyodo) --",
     "WASHINGTON, June 24 (AP) -"): month and day;
   - "**N years since/after** <an explicit date>" ("the first meeting in 10
     years since May 2014") in a clause that is not past: the year;
   - "**N months after/since** <a month of last year or of an explicit year>"
     ("only four months after their talks in November last year"): the
     month (and the year when the earlier date has one);
   - "**<Month> last year**" next to an explicit "<Month> <year>" for the
     same month ("November last year", "November 2023"): the year (+1);
   - a **bare day ordinal stated as today**: "on the 3rd" inside an
     attribution ("according to officials on the 3rd") or in a
     present-tense clause: the day;
   - for a dateline without any year clue, the latest explicit year the text
     gives in a clause that is not future (weaker; said so in the evidence).

   Clues that disagree (two different years, say) are reported and no date is
   returned. A date is returned only when year, month and day are all known;
   otherwise ``(None, evidence)`` says what was found.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from datetime import date
from typing import Any

from .points import MONTHS
from ..errors import InputTypeError
from ..text.document import Document
from .timexes import timex_records, timex_rows

__all__ = [
    "infer_published",
    "PublicationDate",
    "publication_date",
]

# (the spaces before the label read once: "\s*(?:\[|\()?\s*" would try every split of a
# line of spaces between its two runs)
_PUB_LABEL = re.compile(
    r"(?i)^\s*(?:[\[(]\s*)?(?P<label>input|inputted|published|publish(?:ed)?\s+date|posted|posted\s+on|date|dated|"
    r"first\s+published|created|registered|입력|등록|발행|게재|updated|last\s+updated|modified|edited|수정|업데이트)"
    r"\s*(?:on|at)?\s*[:：]?\s*"
)
_UPDATE_WORDS = ("updated", "last updated", "modified", "edited", "수정", "업데이트")
_DATELINE = re.compile(
    r"^\s*[A-Z][A-Za-z.'\- ]{1,40},\s*(?:[A-Z][A-Za-z.' ]{1,30},\s*)?(?P<mon>"
    r"Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|Jun\.|July?|Jul\.|Aug(?:ust|\.)?|"
    r"Sep(?:t(?:ember)?)?\.?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)\s*(?P<day>\d{1,2})"
    r"(?:,\s*(?P<year>\d{4}))?\s*(?:\((?P<agency>[A-Za-z][\w .&-]{1,30})\)|[-–—]{1,2}|/)"
)
_FULL_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
# values of the timexes read for clues
_YEAR_MONTH_VALUE = re.compile(r"(\d{4})-(\d{2})(?:-\d{2})?")
_YEARS_OR_MONTHS = re.compile(r"P(\d+)([YM])")
_DAY_ORDINAL_VALUE = re.compile(r"XXXX-XX-(\d{2})")


_ACCORDING_TO = re.compile(r"(?i)according\s+to")  # (no match starts inside another)


def _holds_word(text: str, spans: list[tuple[int, int]], lo: int, hi: int) -> bool:
    """Does ``text[lo:hi]`` hold one of ``spans`` (the matches of a pattern in ``text``,
    in order) as a word, with a boundary (``\\b``, as searched in that slice) on each side?"""
    for a, b in spans[bisect_left(spans, (lo, -1)):]:
        if b > hi:
            break
        if (a == lo or not _word_char(text[a - 1])) and (b == hi or not _word_char(text[b])):
            return True
    return False


def _word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _document(article_or_text: Any) -> Document:
    if isinstance(article_or_text, str):
        return Document(article_or_text, layout="plain")
    if not isinstance(getattr(article_or_text, "text", None), str):
        raise InputTypeError("infer_published expects an Article or a str")
    if not isinstance(article_or_text, Document):  # an object with text and segments
        return Document.with_segments(article_or_text.text, article_or_text.segments)
    return article_or_text


def _timestamp(text: str, segments: Any) -> tuple[date | None, str]:
    lines: list[str] = []
    if segments is not None and len(segments):
        lines += [str(t) for k, t in zip(segments["kind"].tolist(), segments["text"].tolist()) if k == "timestamp"]
    lines += text.splitlines()
    best: tuple[int, date, str] | None = None
    read: dict[str, Any] = {}  # a timestamp segment is also a line of the text: read it once
    for line in lines:
        m = _PUB_LABEL.match(line)
        if not m:
            continue
        rest = line[m.end():]
        if rest not in read:  # the values find_timexes(rest) gives, in text order
            read[rest] = [r["value"] for r in timex_rows(Document(rest, layout="plain"), None)]
        for value in read[rest]:
            fm = _FULL_DAY.match(str(value)) if isinstance(value, str) else None
            if not fm:
                continue
            d = date(int(fm.group(1)), int(fm.group(2)), int(fm.group(3)))
            rank = 1 if m.group("label").lower() in _UPDATE_WORDS else 0
            if best is None or rank < best[0]:
                best = (rank, d, line.strip())
            break
    if best is None:
        return None, ""
    return best[1], f"timestamp line {best[2]!r}"


def infer_published(article_or_text: Any) -> tuple[date | None, str]:
    """The publication date read from the text, with the evidence for it.

    Returns ``(date, evidence)``, or ``(None, evidence)`` when the text does not
    pin a full date (the evidence then says what was found, or ``"no clue"``).
    The method is in the module docstring. Pure function of the text (and of
    an ``Article``'s segments: its paragraphs are read, page furniture is not);
    never reads metadata, files or the clock. A ``str`` is read as plain text.
    """
    doc = _document(article_or_text)
    text = doc.text
    d, ev = _timestamp(text, doc.segments if doc.layout == "page" else None)
    if d is not None:
        return d, ev

    years: list[tuple[int, str]] = []
    months: list[tuple[int, str]] = []
    days: list[tuple[int, str]] = []

    # datelines
    for line in text.splitlines():
        m = _DATELINE.match(line)
        if not m:
            continue
        mon = MONTHS.get(m.group("mon").rstrip(".").lower())
        if mon is None:
            mon = MONTHS.get(m.group("mon").rstrip(".").lower()[:3])
        day = int(m.group("day"))
        if mon and 1 <= day <= 31:
            snippet = line.strip()[: m.end() - m.start()].strip()
            months.append((mon, f"dateline {snippet!r}"))
            days.append((day, f"dateline {snippet!r}"))
            if m.group("year"):
                years.append((int(m.group("year")), f"dateline {snippet!r}"))
            break

    rows = timex_records(doc, None)  # the document's own dates, unanchored (computed once)
    explicit_months: dict[int, list[int]] = {}
    for r in rows:
        if r.type != "DATE" or r.anchor_kind != "absolute":
            continue
        mm = _YEAR_MONTH_VALUE.fullmatch(r.value if isinstance(r.value, str) else "")
        if mm:
            explicit_months.setdefault(int(mm.group(2)), []).append(int(mm.group(1)))

    attributions = None
    for i, r in enumerate(rows):
        v = r.value if isinstance(r.value, str) else ""
        nxt = rows[i + 1] if i + 1 < len(rows) else None
        gap = text[r.end:nxt.start] if nxt is not None else ""
        # "N years since <date>" / "N months after <date>"
        dm = _YEARS_OR_MONTHS.fullmatch(v) if r.type == "DURATION" else None
        if dm and nxt is not None and r.tense != "past" and re.match(
            r"(?is)^\s+(?:since|after)\b[^.!?;]{0,60}$", gap
        ):
            n, unit = int(dm.group(1)), dm.group(2)
            nv = nxt.value if isinstance(nxt.value, str) else ""
            am = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-\d{2})?", nv)
            src = f"{text[r.start:nxt.end]!r}"
            if am and nxt.anchor_kind == "absolute":
                y = int(am.group(1))
                if unit == "Y":
                    years.append((y + n, src))
                elif am.group(2):
                    k = y * 12 + int(am.group(2)) - 1 + n
                    years.append((k // 12, src))
                    months.append((k % 12 + 1, src))
            elif unit == "M" and nxt.rule == "month_relative_year":
                rm = re.search(r"(?i)\b(this|last|next|the\s+current)\s+year\b", str(nxt.text))
                mon_m = re.fullmatch(r"XXXX-(\d{2})", nv)
                if rm and mon_m:
                    off = {"this": 0, "last": -1, "next": 1}.get(rm.group(1).lower().split()[-1], 0)
                    k = off * 12 + int(mon_m.group(1)) - 1 + n
                    if k // 12 == 0:  # the later event falls in the publication year
                        months.append((k % 12 + 1, src))
        # "<Month> last year" beside an explicit "<Month> <year>"
        if r.rule == "month_relative_year" and re.search(r"(?i)\blast\s+year\b", str(r.text)):
            mon_m = re.fullmatch(r"XXXX-(\d{2})", v)
            if mon_m:
                ys = sorted(set(explicit_months.get(int(mon_m.group(1)), [])))
                if len(ys) == 1:
                    years.append((ys[0] + 1, f"{r.text!r} and an explicit {ys[0]} for the same month"))
        # a bare day ordinal stated as today
        om = _DAY_ORDINAL_VALUE.fullmatch(v) if r.rule == "day_ordinal" else None
        if om:
            if attributions is None:  # "according to" in the text, found once
                attributions = [m.span() for m in _ACCORDING_TO.finditer(text)]
            attributed = _holds_word(text, attributions, r.sentence_start, r.start)
            if attributed or r.tense == "present":
                days.append((int(om.group(1)), f"{r.text!r} " + ("in an attribution" if attributed else "in a present-tense clause")))

    if not years and days and months:
        # a dateline with no year clue: the latest explicit year in a clause that is not future
        ys = [int(str(r.value)[:4]) for r in rows if r.type == "DATE" and r.anchor_kind == "absolute"
              and isinstance(r.value, str) and re.match(r"\d{4}", str(r.value)) and r.tense != "future"]
        if ys:
            years.append((max(ys), f"latest explicit year in the text ({max(ys)}), a weak clue"))

    def pick(found: list[tuple[int, str]], what: str) -> tuple[int | None, str]:
        vals = sorted({v for v, _ in found})
        if not vals:
            return None, f"no {what}"
        if len(vals) > 1:
            return None, f"conflicting {what}s " + "; ".join(f"{v} from {e}" for v, e in found)
        return vals[0], f"{what} {vals[0]} from " + " and ".join(dict.fromkeys(e for _, e in found))

    y, ey = pick(years, "year")
    mo, em = pick(months, "month")
    dd, ed = pick(days, "day")
    evidence = "; ".join([ey, em, ed])
    if not (years or months or days):
        return None, "no clue to the publication date in the text"
    if y is None or mo is None or dd is None:
        return None, "incomplete: " + evidence
    try:
        return date(y, mo, dd), "inferred: " + evidence
    except ValueError:
        return None, "inconsistent: " + evidence


@dataclass(frozen=True)
class PublicationDate:
    """The date an article's relative dates are anchored to.

    ``date``: the date, or ``None`` when neither metadata nor text gives one;
    ``evidence``: where it came from, in words; ``inferred``: ``True`` when it was
    read from the text (:func:`infer_published`) rather than given by the caller, a
    sidecar or page metadata; ``source``: ``"published"``, ``"inferred"`` or ``"none"``.
    """

    date: date | None
    evidence: str
    inferred: bool

    @property
    def source(self) -> str:
        if self.date is None:
            return "none"
        return "inferred" if self.inferred else "published"


def publication_date(article: Any) -> PublicationDate:
    """``article.published`` when known, else the date :func:`infer_published` reads
    from the text (this is what ``Article.published_inferred`` returns)."""
    given = getattr(article, "published", None)
    if given is not None:
        return PublicationDate(given, "given (argument, sidecar or page metadata)", False)
    d, evidence = infer_published(article)
    return PublicationDate(d, evidence, d is not None)

