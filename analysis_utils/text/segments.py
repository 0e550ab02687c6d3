"""Lossless segmentation of a scraped article into typed pieces.

:func:`segment_text` cuts a text into segments that cover **every character exactly
once**: joining ``segments["text"]`` in order gives the original back. Whitespace
between lines (line breaks, blank lines, indentation) forms ``blank`` segments; every
other segment is one line, or several lines of one hard-wrapped paragraph.

Columns of the segments table
-----------------------------
``segment_id``        0..n-1 in text order
``kind``              one of :data:`KINDS` (below)
``start``, ``end``    offsets into the text; ``end`` is exclusive
``line``              1-based line number where the segment starts
``text``              ``text[start:end]``
``repeats_headline``  True for a line that begins by repeating the headline (scraped
                      captions often do); the repeat is not new content
``content_start``     where the segment's own content starts: after the repeated
                      headline (and the space after it) when ``repeats_headline``,
                      else ``start``. Downstream steps read ``text[content_start:end]``
``rule``              which rule decided the kind, so that every label can be checked

Kinds
-----
``headline``     the article's title line
``subheadline``  deck lines between headline and the first paragraph; short title-like
                 lines (crossheads) between paragraphs
``body``         paragraphs of running text
``caption``      photo captions: a line that repeats the headline, a line directly
                 above a credit line, or a line ending in an agency credit
``credit``       "[Image source=...]", "Photo by ...", "(AP Photo/...)" lines
``byline``       "By Jane Doe", "Reporter ...", a line with an e-mail address
``timestamp``    "Published 2024-06-17 09:00", "Updated: June 17, 2024" lines
``copyright``    "(c) Outlet. All rights reserved." and the like
``boilerplate``  page clutter: skip links in any language, "Text Size", "Close",
                 "Top", share/follow prompts, navigation, identifiers such as
                 ``bar_progress``; every line before the headline; short lines after
                 the copyright line
``blank``        whitespace only

How it decides (general rules, in this order)
---------------------------------------------
1. Line patterns that do not depend on position: copyright, credit, byline,
   timestamp, and page furniture (a phrase list in several languages, navigation
   lines with separators, code-like identifiers, lines with no letters).
2. The headline: the metadata title when one is given and found; else the first
   title-like line before the first paragraph whose text is repeated at the start of
   a later line (captions repeat it); else the first title-like line before the first
   paragraph with at least four words (or a lower-case word, which navigation lacks).
3. Everything before the headline is boilerplate; title-like lines between headline
   and first paragraph are the deck (``subheadline``).
4. Lines that repeat the headline, sit directly above a credit line, or end in an
   agency credit are captions; prose lines are body; short title-like lines between
   paragraphs are crossheads (``subheadline``); short lines after the copyright line
   are boilerplate.
0. Before all this, the lines of a hard-wrapped paragraph are joined into one
   segment (see :func:`_merge_wrapped`).

"Prose" means a line with at least eight words that ends in terminal punctuation and
is not in Title Case, or any line of forty words or more. "Title-like" means a line of
one to forty words that is not prose.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from ..errors import InputTypeError

KINDS = (
    "headline",
    "subheadline",
    "body",
    "caption",
    "credit",
    "byline",
    "timestamp",
    "copyright",
    "boilerplate",
    "blank",
)

COLUMNS = [
    "segment_id",
    "kind",
    "start",
    "end",
    "line",
    "text",
    "repeats_headline",
    "content_start",
    "rule",
]

# --- page furniture ------------------------------------------------------------------
# Phrases that are whole lines of page chrome, compared after lower-casing and
# stripping punctuation. Skip links come in every language a scraper meets.
FURNITURE_PHRASES = frozenset(
    {
        # skip links
        "skip to main content", "skip to content", "skip navigation", "skip to navigation",
        "jump to content", "go to content", "본문 바로가기", "메뉴 바로가기",
        "주메뉴 바로가기", "본문으로 바로가기", "기사 본문 바로가기", "本文へ移動",
        "本文へスキップ", "メインコンテンツへスキップ", "跳到主要内容", "跳转到主要内容",
        "跳至主要內容", "aller au contenu", "aller au contenu principal",
        "zum inhalt springen", "zum hauptinhalt springen", "saltar al contenido",
        "ir al contenido", "vai al contenuto", "перейти к содержанию",
        # reader controls
        "text size", "font size", "text resize", "font", "close", "open", "menu",
        "main menu", "search", "print", "share", "email", "e mail", "copy link",
        "copy url", "top", "back to top", "go to top", "to top", "scroll to top",
        "listen", "listen to this article", "play", "pause", "previous", "next",
        "next article", "previous article", "more", "see more", "view more",
        "read more", "show more", "zoom", "bookmark", "save", "like", "comment",
        "comments", "reply", "translate", "language", "en", "ko", "ja", "zh",
        "글자크기", "글자 크기", "닫기", "공유", "인쇄", "스크랩", "구독",
        # account, subscription, ads
        "subscribe", "subscribe now", "sign in", "sign up", "log in", "login",
        "log out", "register", "my account", "account", "newsletter",
        "newsletters", "sign up for our newsletter", "advertisement", "ad",
        "ads", "sponsored", "sponsored content", "promoted", "cookie settings",
        "accept cookies", "accept all", "accept", "reject all", "manage cookies",
        # site sections and promos
        "home", "homepage", "news", "latest", "latest news", "breaking news",
        "most read", "most viewed", "most popular", "popular", "trending",
        "related articles", "related news", "related stories", "recommended",
        "recommended for you", "you may also like", "more stories",
        "more from this section", "special coverage", "opinion", "sections",
        "join us on social", "follow us", "follow us on", "share this article",
        "share this", "share on facebook", "share on twitter", "share on x",
        "facebook", "twitter", "x", "linkedin", "whatsapp", "telegram", "kakaotalk",
        "kakao story", "naver", "line", "reddit", "youtube", "instagram", "rss",
        "loading",
    }
)

_NAV_SEPARATORS = re.compile(r"\s[|•·›»>/]\s|\s[|•·›»]$")
_IDENTIFIER = re.compile(r"^[A-Za-z][A-Za-z0-9]*(?:[_.][A-Za-z0-9]+)+$|^[a-z]+[A-Z][A-Za-z0-9]*$")
_MARKUP_REMNANT = re.compile(r"^\s*(?:<[^>]{1,200}>|\{[^}]*\}|function\s*\(|var\s+\w+\s*=)")

_COPYRIGHT = re.compile(
    r"©|\(c\)\s|\bcopyright\b|all rights reserved|unauthori[sz]ed reproduction"
    r"|무단\s*전재|재배포\s*금지|版权所有|無断転載",
    re.IGNORECASE,
)

# News agencies and picture desks whose names end or make up a credit line.
AGENCIES = (
    r"AP|AFP|Reuters|EPA|EPA-EFE|Getty Images|Yonhap|Yonhap News|Xinhua|Kyodo|KCNA|"
    r"TASS|Sputnik|ANSA|dpa|Bloomberg|Shutterstock|Pool|Newsis|News1|Jiji"
)
_CREDIT = re.compile(
    r"^\[\s*(?:image|photo|picture|graphic|video|illustration)s?\b[^\]]*\]$"
    r"|^(?:photo|image|picture|graphic|illustration|video|footage)s?\s*"
    r"(?:by|source|credit|courtesy|provided by)\b"
    r"|^(?:photo|image|picture|graphic|illustration)s?\s*[:=]\s*\S"
    r"|^(?:source|credit|courtesy)s?\s*[:=]\s*\S"
    r"|^\(?(?:" + AGENCIES + r")(?:\s+(?:photo|file photo|images?))?(?:\s*/\s*[^)]*)?\)?$",
    re.IGNORECASE,
)
# A caption that ends with its own credit: "... on June 19. (AP Photo/Vladimir Smirnov)"
_TRAILING_CREDIT = re.compile(
    r"[\(\[]\s*(?:(?:" + AGENCIES + r")(?:\s+(?:photo|file photo|images?))?(?:\s*/[^)\]]*)?"
    r"|(?:photo|image|picture)s?\s*(?:by|[:=/])[^)\]]*)\s*[\)\]]$",
    re.IGNORECASE,
)
_BYLINE = re.compile(
    r"^(?:by|written by|reported by|words by)\s+\S"
    r"|^(?:reporter|correspondent|staff writer|editor)s?\s*[:=]?\s*[A-Z\uac00-\ud7a3]"
    r"|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b"
    r"|\b(?:reporter|correspondent|staff writer)$",
    re.IGNORECASE,
)
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DATE_IN_LINE = re.compile(
    r"\b\d{4}[-./]\s?\d{1,2}[-./]\s?\d{1,2}\b"
    r"|\b" + _MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b"
    r"|\b\d{1,2}\s+" + _MONTH + r"\s+\d{4}\b",
    re.IGNORECASE,
)
_TIMESTAMP_LEAD = re.compile(
    r"^(?:published|updated|posted|last updated|modified|input|edited|date|입력|수정|기사입력)"
    r"\s*(?:on|at)?\s*[:：]?",
    re.IGNORECASE,
)

_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_TERMINAL = ".!?…。！？"
_CLOSERS = "\"'”’»)]」』 \t"
_FUNCTION_WORDS = frozenset(
    "a an the to of in on at for and or but with by from as is are was were be will "
    "after before over under into than that this".split()
)


@dataclass
class _Line:
    number: int  # 1-based
    start: int  # first non-space character
    end: int  # after the last non-space character
    text: str  # text[start:end]
    kind: str | None = None
    rule: str = ""
    repeats_headline: bool = False
    content_start: int = 0


_NORM_TABLE = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})
_SPACES = re.compile(r"\s+")
_NON_WORD_RUN = re.compile(r"[\W_]+")
_NEWLINE = re.compile(r"\r\n|\r|\n")
_LINE_RE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_SEVERAL = re.compile(r"(?<!\.)[a-z]{2,}[.!?][\"'”’]?\s+[A-Z]")
_PROMPT = re.compile(r"^(?:share|follow|join|subscribe|sign up|download)\b")
_QUOTE_1 = re.compile(r"['’‘]")
_QUOTE_2 = re.compile(r'["“”]')


def _norm(s: str) -> str:
    """Lower-case, unify quotes and dashes, collapse spaces: for comparing lines."""
    s = unicodedata.normalize("NFKC", s).casefold()
    s = s.translate(_NORM_TABLE)
    return _SPACES.sub(" ", s).strip()


# ASCII characters other than letters and digits, and the punctuation of English news
# outside ASCII (NFKC turns each into punctuation or a space): a space in a phrase key
_KEY_SPACES = {c: " " for c in range(128) if not chr(c).isalnum()}
_KEY_SPACES.update({ord(c): " " for c in "’‘“”—–…\xa0"})


def _phrase_key(s: str) -> str:
    # every run of punctuation, "_" and whitespace becomes one space (the same as
    # replacing each punctuation mark and "_" by a space, then collapsing spaces)
    t = s.translate(_KEY_SPACES)
    if t.isascii():  # letters, digits and spaces: NFKC changes nothing, casefold is lower
        return " ".join(t.lower().split())
    s = unicodedata.normalize("NFKC", s).casefold()
    return _NON_WORD_RUN.sub(" ", s).strip()


def _lines(text: str) -> list[_Line]:
    out = []
    for n, m in enumerate(_LINE_RE.finditer(text), start=1):
        if m.start() == len(text) and m.end() == len(text):
            if n > 1 or not text:
                break
        raw = m.group(0).rstrip("\r\n")
        stripped = raw.strip()
        if not stripped:
            continue
        lead = len(raw) - len(raw.lstrip())
        s = m.start() + lead
        out.append(_Line(number=n, start=s, end=s + len(stripped), text=stripped, content_start=s))
    return out


def _words(s: str) -> list[str]:
    return _WORD.findall(s)


@lru_cache(maxsize=512)
def _word_tuple(s: str) -> tuple[str, ...]:
    """:func:`_words` as a tuple, kept for the lines asked about more than once."""
    return tuple(_WORD.findall(s))


def _n_words(s: str) -> int:
    return len(_word_tuple(s))


def _ends_terminal(s: str) -> bool:
    core = s.rstrip(_CLOSERS)
    return bool(core) and core[-1] in _TERMINAL


def _title_case_ratio(words: list[str]) -> float:
    long = [w for w in words if len(w) >= 4 and w[0].isalpha() and w[0].lower() != w[0].upper()]
    if not long:
        return 0.0
    return sum(w[0].isupper() for w in long) / len(long)


def is_prose(s: str) -> bool:
    """A line of running text (see the module docstring)."""
    return _is_prose(s)


@lru_cache(maxsize=512)
def _is_prose(s: str) -> bool:
    words = _word_tuple(s)
    if len(words) >= 40:
        return True
    if len(words) < 8 or not _ends_terminal(s):
        return False
    # several sentences ending in a full stop: running text, whatever the capitals
    several = _SEVERAL.search(s) and s.rstrip(_CLOSERS).endswith(".")
    return bool(several) or _title_case_ratio(words) < 0.6


def is_title_like(s: str) -> bool:
    """A short line that can be a headline, deck line or crosshead."""
    n = _n_words(s.lstrip("#").strip())
    return 1 <= n <= 40 and not _is_prose(s)


#: more words than any furniture phrase has, or a furniture prompt may have
_LONGEST_PHRASE = max(6, max(len(p.split()) for p in FURNITURE_PHRASES))
#: a character outside ASCII and the punctuation of :data:`_KEY_SPACES`
_BEYOND_KEY_SPACES = re.compile("[^\x00-\x7f’‘“”—–…\xa0]")


def _may_navigate(s: str) -> bool:
    """Does ``s`` hold a separator of :data:`_NAV_SEPARATORS`?"""
    return any(c in s for c in "|•·›»>/")


def _may_be_copyright(s: str) -> bool:
    """Can :data:`_COPYRIGHT` match ``s``? Each of its phrases holds one of these pieces,
    of letters without other case-insensitive matches than their capitals."""
    if "©" in s or "무단" in s or "재배포" in s or "版权所有" in s or "無断転載" in s:
        return True
    low = s.lower()
    return "(c" in low or "pyr" in low or "ght" in low or "thor" in low


def _furniture(s: str) -> str | None:
    """The rule that marks a line as page furniture, or None."""
    if _n_words(s) > _LONGEST_PHRASE and not _BEYOND_KEY_SPACES.search(s):
        # ASCII and news punctuation only: the key has a word for each of the line's
        # words at least, too many for a furniture phrase or a prompt, and is not empty
        key = "-"
    else:
        key = _phrase_key(s)
    if not key:
        return "no-letters"
    if not any(ch.isalpha() for ch in s):
        return "no-letters"
    if key in FURNITURE_PHRASES:
        return "furniture-phrase"
    if _IDENTIFIER.match(s):
        return "identifier"
    if _MARKUP_REMNANT.match(s):
        return "markup"
    if _may_navigate(s) and len(_NAV_SEPARATORS.findall(s)) >= 2 and not _ends_terminal(s):
        return "navigation"
    if _n_words(s) <= 6 and _PROMPT.match(key):
        return "furniture-prompt"
    return None


def _static_kind(s: str) -> tuple[str | None, str]:
    """Kinds that follow from the line alone."""
    n_words = _n_words(s)
    if n_words <= 40 and _may_be_copyright(s) and _COPYRIGHT.search(s):
        return "copyright", "copyright-pattern"
    if n_words <= 14 and _CREDIT.match(s):
        return "credit", "credit-pattern"
    if n_words <= 12 and _BYLINE.search(s) and not _ends_terminal(s.rstrip(".")) :
        return "byline", "byline-pattern"
    if n_words <= 14 and _DATE_IN_LINE.search(s) and (
        _TIMESTAMP_LEAD.match(s) or len(_DATE_IN_LINE.sub("", s).strip(" :,.-|")) <= 12
    ):
        return "timestamp", "timestamp-pattern"
    rule = _furniture(s)
    if rule:
        return "boilerplate", rule
    return None, ""


def _headline_prefix(line: _Line, headline: str) -> int | None:
    """Length (in ``line.text``) of a leading repeat of ``headline``, else None."""
    if not _may_repeat(line.text, headline):
        return None  # (the pattern of the headline is compiled only for lines that may repeat it)
    pat = _headline_pattern(headline)
    if pat is None:
        return None
    m = pat.match(line.text)
    if not m:
        return None
    return m.end()


def _may_repeat(text: str, headline: str) -> bool:
    """Can ``text`` begin with a repeat of ``headline``? False when one of the first four
    characters of the headline's first word does not match (as in the headline's
    pattern) the character at the same place in ``text``."""
    h = headline.lstrip()
    for j in range(min(4, len(h))):
        ch = h[j]
        if ch.isspace():
            break
        if j >= len(text) or not _char_pattern(ch).match(text, j):
            return False
    return True


@lru_cache(maxsize=1024)
def _char_pattern(ch: str) -> "re.Pattern[str]":
    """The pattern one character of a headline becomes in :func:`_headline_pattern`."""
    esc = _QUOTE_2.sub('["“”]', _QUOTE_1.sub("['’‘]", re.escape(ch)))
    return re.compile(esc, re.IGNORECASE)


@lru_cache(maxsize=32)
def _headline_pattern(headline: str) -> "re.Pattern[str] | None":
    """The pattern of a repeat of ``headline`` (None for a headline under two words)."""
    if _n_words(headline) < 2:
        return None
    # Match the headline's own characters, allowing any run of spaces and either
    # kind of quote/dash, so that re-flowed copies still count.
    parts = []
    for token in _SPACES.split(headline.strip()):
        esc = re.escape(token)
        esc = _QUOTE_1.sub("['’‘]", esc)
        esc = _QUOTE_2.sub('["“”]', esc)
        parts.append(esc)
    return re.compile(r"\s+".join(parts), re.IGNORECASE)


def _find_headline(lines: list[_Line], body_start: int, title: str | None) -> int | None:
    """Index (into ``lines``) of the headline, or None."""
    if title and _norm(title):
        t = _norm(title)
        for i, ln in enumerate(lines[: max(body_start, 1) + 1]):
            n = _norm(ln.text.lstrip("#").strip())
            if n == t or (len(n) >= 0.8 * len(t) and (t.startswith(n) or n.startswith(t))):
                return i
    cands = [
        i
        for i, ln in enumerate(lines[:body_start])
        if ln.kind is None and is_title_like(ln.text)
    ]
    if not cands:
        return None
    for i in cands:
        if _n_words(lines[i].text) >= 3 and any(
            _headline_prefix(later, lines[i].text.lstrip("#").strip()) for later in lines[i + 1 :]
        ):
            return i
    for i in cands:
        words = _word_tuple(lines[i].text)
        if len(words) >= 4 or any(w in _FUNCTION_WORDS for w in words):
            return i
    return cands[0]


def _classify(lines: list[_Line], title: str | None) -> None:
    body_start = next(
        (i for i, ln in enumerate(lines) if ln.kind is None and is_prose(ln.text)), len(lines)
    )
    h = _find_headline(lines, body_start, title)
    headline_text = lines[h].text.lstrip("#").strip() if h is not None else None
    copyright_seen = False
    credit_next = _credit_follows(lines)

    for i, ln in enumerate(lines):
        if h is not None and i == h:
            ln.kind, ln.rule = "headline", "headline"
            continue
        if ln.kind == "copyright":
            copyright_seen = True
        if ln.kind is not None:
            continue
        if h is not None and i < h:
            ln.kind, ln.rule = "boilerplate", "before-headline"
            continue
        if headline_text:
            plen = _headline_prefix(ln, headline_text)
            if plen is not None:
                rest = ln.text[plen:]
                ln.repeats_headline = True
                if rest.strip():
                    ln.content_start = ln.start + plen + (len(rest) - len(rest.lstrip()))
                    ln.kind, ln.rule = "caption", "repeats-headline"
                else:
                    ln.content_start = ln.end
                    ln.kind, ln.rule = "boilerplate", "repeated-headline"
                continue
        if copyright_seen and _n_words(ln.text) < 15:
            ln.kind, ln.rule = "boilerplate", "after-copyright"
            continue
        if credit_next[i] and _n_words(ln.text) <= 60:
            ln.kind, ln.rule = "caption", "above-credit"
            continue
        if _TRAILING_CREDIT.search(ln.text) and _n_words(ln.text) <= 80:
            ln.kind, ln.rule = "caption", "trailing-credit"
            continue
        if i < body_start:
            if h is None:
                ln.kind, ln.rule = "boilerplate", "before-first-paragraph"
            else:
                ln.kind, ln.rule = "subheadline", "deck"
            continue
        if is_prose(ln.text) or not is_title_like(ln.text):
            ln.kind, ln.rule = "body", "prose"
        elif _n_words(ln.text) <= 14 and not _ends_terminal(ln.text.rstrip(".")):
            ln.kind, ln.rule = "subheadline", "crosshead"
        else:
            ln.kind, ln.rule = "body", "short-paragraph"


def _credit_follows(lines: list[_Line]) -> list[bool]:
    """For each line: is the next non-blank line a credit, close enough to belong to it?

    Directly below (no blank line between) always counts; one blank line between
    counts only when this line is not a long paragraph.
    """
    out = [False] * len(lines)
    for i in range(len(lines) - 1):
        nxt = lines[i + 1]
        if nxt.kind != "credit" or lines[i].kind is not None:
            continue
        gap_lines = nxt.number - lines[i].number - 1
        if gap_lines == 0 or (gap_lines == 1 and _n_words(lines[i].text) < 40):
            out[i] = True
    return out


def _merge_wrapped(lines: list[_Line], text: str) -> list[_Line]:
    """Join the lines of hard-wrapped paragraphs into one logical line.

    A *wrapped block* is a run of two or more adjacent lines (no blank line between)
    none longer than 100 characters, with no page furniture, credits and the like.
    Inside it, line B continues line A when B starts in lower case, or when A is
    nearly as long as the block's longest line (the wrap came at the margin) and A is
    not in Title Case (deck lines stacked under a headline are in Title Case and stay
    apart).
    """
    out: list[_Line] = []
    i = 0
    while i < len(lines):
        j = i + 1
        while (
            j < len(lines)
            and lines[j].number == lines[j - 1].number + 1
            and lines[j].kind is None
            and lines[j - 1].kind is None
            and len(lines[j].text) <= 100
            and len(lines[j - 1].text) <= 100
        ):
            j += 1
        block = lines[i:j]
        if len(block) < 2:
            out.extend(block)
            i = j
            continue
        width = max(len(b.text) for b in block)
        cur = block[0]
        for nxt in block[1:]:
            last = text[cur.start : cur.end].rsplit("\n", 1)[-1].strip()
            at_margin = len(last) >= 0.75 * width and _title_case_ratio(_word_tuple(last)) < 0.6
            if nxt.text[:1].islower() or (at_margin and width >= 40):
                cur.end = nxt.end
                cur.text = text[cur.start : cur.end]
            else:
                out.append(cur)
                cur = nxt
        out.append(cur)
        i = j
    return out


def segment_text(text: str, title: str | None = None) -> pd.DataFrame:
    """Cut ``text`` into typed, lossless segments.

    Parameters
    ----------
    text:
        The article text, as loaded.
    title:
        A known title (from HTML metadata or a sidecar); when it matches a line, that
        line is the headline.

    Returns
    -------
    DataFrame with the columns of :data:`COLUMNS` (see the module docstring).
    ``"".join(df.text) == text`` always holds. Raises
    :class:`~analysis_utils.errors.InputTypeError` when ``text`` is not a str.
    """
    if not isinstance(text, str):
        raise InputTypeError(f"segment_text() needs a str, not {type(text).__name__}")
    return segments_frame(text, segment_rows(text, title))


#: a segment as a tuple: ``(kind, start, end, repeats_headline, content_start, rule)``
SegmentRow = tuple


def segment_rows(text: str, title: str | None = None) -> list[SegmentRow]:
    """The segments of :func:`segment_text` as plain tuples ``(kind, start, end,
    repeats_headline, content_start, rule)``, in text order (``segment_id`` is the
    position)."""
    lines = _lines(text)
    for ln in lines:
        ln.kind, ln.rule = _static_kind(ln.text)
    lines = _merge_wrapped(lines, text)
    _classify(lines, title)

    rows: list[SegmentRow] = []
    pos = 0
    for ln in lines:
        if ln.start > pos:
            rows.append(("blank", pos, ln.start, False, pos, "whitespace"))
        rows.append((ln.kind or "body", ln.start, ln.end, ln.repeats_headline, ln.content_start, ln.rule))
        pos = ln.end
    if pos < len(text):
        rows.append(("blank", pos, len(text), False, pos, "whitespace"))
    return rows


def segments_frame(text: str, rows: list[SegmentRow]) -> pd.DataFrame:
    """The segments table (:data:`COLUMNS`) of segment tuples (see :func:`segment_rows`)."""
    import bisect

    import numpy as np

    from .frames import bools, ints, strings, table

    newline_pos = [m.start() for m in _NEWLINE.finditer(text)]  # 1-based line of every start
    starts = [r[1] for r in rows]
    ends = [r[2] for r in rows]
    return table({
        "segment_id": np.arange(len(rows), dtype=np.int64),
        "kind": strings([r[0] for r in rows]),
        "start": ints(starts),
        "end": ints(ends),
        "line": ints([bisect.bisect_left(newline_pos, s) + 1 for s in starts]),
        "text": strings([text[a:b] for a, b in zip(starts, ends)]),
        "repeats_headline": bools([bool(r[3]) for r in rows]),
        "content_start": ints([r[4] for r in rows]),
        "rule": strings([r[5] for r in rows]),
    })


def structure_table(segments: pd.DataFrame) -> pd.DataFrame:
    """One row per non-blank segment, for charts of the article's structure.

    Columns: ``segment_id, line, kind, label, chars, words, text`` where ``chars``
    and ``words`` count the segment's own content (after a repeated headline) and
    ``label`` names body paragraphs "¶1", "¶2", ... and other kinds by kind.
    """
    cols = ["segment_id", "line", "kind", "label", "chars", "words", "text"]
    seg = segments[segments["kind"] != "blank"]
    rows = []
    para = 0
    for r in seg.itertuples(index=False):
        own = r.text[r.content_start - r.start :]
        if r.kind == "body":
            para += 1
            label = f"¶{para}"
        else:
            label = r.kind + (" (repeats headline)" if r.repeats_headline else "")
        rows.append((r.segment_id, r.line, r.kind, label, len(own), len(_words(own)), own))
    return pd.DataFrame(rows, columns=cols)


def kind_summary(segments: pd.DataFrame) -> pd.DataFrame:
    """Segments per kind: ``kind, segments, chars, words``, in the order of :data:`KINDS`."""
    st = structure_table(segments)
    g = st.groupby("kind").agg(segments=("segment_id", "size"), chars=("chars", "sum"), words=("words", "sum"))
    order = [k for k in KINDS if k in g.index]
    return g.loc[order].reset_index()
