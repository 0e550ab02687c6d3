"""Line rules of page segmentation: what a line is by its own text alone.

Phrase lists and patterns for page furniture (skip links, reader controls, account and
subscription prompts, site sections in several languages), copyright, credit, byline and
timestamp lines, and the tests of running text (:func:`is_prose`) and of title-like lines
(:func:`is_title_like`). :func:`_static_kind` gives the kind a line has whatever its place;
:mod:`analysis_utils.text.segments` decides the rest from the page around it.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

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
# A picture's own credit may carry a copyright sign: a picture word or a picture agency,
# and no reservation of rights, in a short line.
_PICTURE_CREDIT = re.compile(
    r"\b(?:photo|image|picture|foto|bild|illustration|graphic|video|footage)s?\b"
    r"|\b(?:getty images|shutterstock|istock(?:photo)?|alamy|imago|picture alliance|keystone)\b",
    re.IGNORECASE,
)
_RIGHTS = re.compile(r"rights reserved|unauthori[sz]ed|무단|재배포|版权所有|無断転載", re.IGNORECASE)
# A byline: "By ...", "Reporter ...", an e-mail address (looked for only in a line with
# "@"), or a role at the end of the line.
_BYLINE_START = re.compile(
    r"(?:by|written by|reported by|words by)\s+\S"
    r"|(?:reporter|correspondent|staff writer|editor)s?\s*[:=]?\s*[A-Z\uac00-\ud7a3]",
    re.IGNORECASE,
)
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_BYLINE_END = re.compile(r"\b(?:reporter|correspondent|staff writer)$", re.IGNORECASE)
_DIGIT = re.compile(r"\d")


def _is_byline(s: str) -> bool:
    """Does ``s`` hold a byline's pattern (see above)?"""
    return bool(_BYLINE_START.match(s) or ("@" in s and _EMAIL.search(s))
                or (_may_end_in_role(s) and _BYLINE_END.search(s)))


#: the last letters of the roles of :data:`_BYLINE_END` (no other character matches them
#: case-insensitively)
_ROLE_ENDS = frozenset("rRtT")


def _may_end_in_role(s: str) -> bool:
    """Can :data:`_BYLINE_END` match ``s``? Its ``$`` is at the end of ``s`` or before a
    final line break, so the letter before it is one of :data:`_ROLE_ENDS`."""
    return s[-1:] in _ROLE_ENDS or (s[-1:] == "\n" and s[-2:-1] in _ROLE_ENDS)


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


_NORM_TABLE = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})
_SPACES = re.compile(r"\s+")
_NON_WORD_RUN = re.compile(r"[\W_]+")
_NEWLINE = re.compile(r"\r\n|\r|\n")
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
#: the characters of :data:`_KEY_SPACES`, for one substitution in C
_KEY_SPACE_RE = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_KEY_SPACES)) + "]+")


def _phrase_key(s: str) -> str:
    # every run of punctuation, "_" and whitespace becomes one space (the same as
    # replacing each punctuation mark and "_" by a space, then collapsing spaces)
    t = s.translate(_KEY_SPACES)  # (each such character a space: split() joins the runs)
    if t.isascii():  # letters, digits and spaces: NFKC changes nothing, casefold is lower
        return " ".join(t.lower().split())
    s = unicodedata.normalize("NFKC", s).casefold()
    return _NON_WORD_RUN.sub(" ", s).strip()


def _words(s: str) -> list[str]:
    return _WORD.findall(s)


@lru_cache(maxsize=4096)
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


@lru_cache(maxsize=4096)
def _is_prose(s: str) -> bool:
    words = _word_tuple(s)
    if len(words) >= 40:
        return True
    if len(words) < 8 or not _ends_terminal(s):
        return False
    # several sentences ending in a full stop: running text, whatever the capitals
    several = _SEVERAL.search(s) and s.rstrip(_CLOSERS).endswith(".")
    return bool(several) or _title_case_ratio(words) < 0.6 or _lower_content_words(words) >= 2


#: lower-case words of four letters or more that an English Title Case heading keeps
_TITLE_SMALL = frozenset("with from into onto over after about than upon amid near past till until "
                         "when that this what down versus".split())


def _lower_content_words(words: tuple[str, ...]) -> int:
    """Words of four letters or more in lower case that a Title Case heading would
    capitalise: a sentence of German (nouns capitalised, verbs and adjectives not) has
    them, a heading has none."""
    return sum(1 for w in words if len(w) >= 4 and w[0].islower() and w.lower() not in _TITLE_SMALL)


def is_title_like(s: str) -> bool:
    """A short line that can be a headline, deck line or crosshead."""
    n = _n_words(s.lstrip("#").strip())
    return 1 <= n <= 40 and not _is_prose(s)


#: more words than any furniture phrase has, or a furniture prompt may have
_LONGEST_PHRASE = max(6, max(len(p.split()) for p in FURNITURE_PHRASES))


def _may_navigate(s: str) -> bool:
    """Does ``s`` hold a separator of :data:`_NAV_SEPARATORS`?"""
    return _NAV_CHAR.search(s) is not None


_NAV_CHAR = re.compile("[|•·›»>/]")


def _may_be_copyright(s: str) -> bool:
    """Can :data:`_COPYRIGHT` match ``s``? Each of its phrases holds one of these pieces
    ("(c)", "co*pyr*ight", "all rights rese*rved*", "*unauth*ori[sz]ed reproduction"), of
    letters without other case-insensitive matches than their capitals; the pieces are
    rare in running text ("ght" and "thor", which "right" and "author" hold, are not)."""
    if "©" in s or "무단" in s or "재배포" in s or "版权所有" in s or "無断転載" in s:
        return True
    low = s.lower()
    return "(c" in low or "pyr" in low or "rved" in low or "unauth" in low


def _furniture(s: str, n_words: int | None = None) -> str | None:
    """The rule that marks a line as page furniture, or None. ``n_words``: :func:`_n_words`
    of ``s`` when the caller has it."""
    if n_words is None:
        n_words = _n_words(s)
    if n_words > _LONGEST_PHRASE:
        # the key has a word for each of the line's words at least (every word holds a
        # letter or digit, and NFKC joins no words), too many for a furniture phrase or a
        # prompt, and is not empty
        key = "-"
    else:
        key = _phrase_key(s)
        if not key:
            return "no-letters"
    if not (s[:1].isalpha() or any(ch.isalpha() for ch in s)):
        return "no-letters"
    if key in FURNITURE_PHRASES:
        return "furniture-phrase"
    if _IDENTIFIER.match(s):
        return "identifier"
    if _MARKUP_REMNANT.match(s):
        return "markup"
    if _may_navigate(s) and len(_NAV_SEPARATORS.findall(s)) >= 2 and not _ends_terminal(s):
        return "navigation"
    if n_words <= 6 and _PROMPT.match(key):
        return "furniture-prompt"
    return None


def _static_kind(s: str) -> tuple[str | None, str]:
    """Kinds that follow from the line alone."""
    n_words = _n_words(s)
    if n_words <= 40 and _may_be_copyright(s) and _COPYRIGHT.search(s):
        if n_words <= 10 and _PICTURE_CREDIT.search(s) and not _RIGHTS.search(s):
            return "credit", "credit-copyright-sign"  # "Photo: © Jane Doe", "© Getty Images"
        return "copyright", "copyright-pattern"
    if n_words <= 14:  # (the credit, byline and timestamp patterns hold few words)
        if _CREDIT.match(s):
            return "credit", "credit-pattern"
        if n_words <= 12 and _is_byline(s) and not _ends_terminal(s.rstrip(".")):
            return "byline", "byline-pattern"
        if _DIGIT.search(s) and _DATE_IN_LINE.search(s) and (
            _TIMESTAMP_LEAD.match(s) or len(_DATE_IN_LINE.sub("", s).strip(" :,.-|")) <= 12
        ):
            return "timestamp", "timestamp-pattern"
    rule = _furniture(s, n_words)
    if rule:
        return "boilerplate", rule
    return None, ""
