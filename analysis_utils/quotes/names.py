"""Name mentions: :class:`Mention` (a speaker phrase over tokens) and
:func:`name_mention`, which reads a run of capitalised words as a name with its title
(``Finnish President Anna Virtanen``), plus the tests behind it (:func:`person_like`,
:func:`is_title`, :func:`particle_prefix`), quoted nicknames inside names
(:func:`nicknames`) and gender from titles and role nouns (:func:`role_gender`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .tokens import Tok
from .word_lists import (
    ANON_HEADS,
    FEMALE,
    MALE,
    NAME_PARTICLES,
    ORG_PLACE_WORDS,
    ROLE_WORDS,
    STARTERS,
    TIME_WORDS,
    TITLES,
    _LEADING_ROLES,
    _ORG_PLACE_OR_TIME,
    _PERIOD_TITLES,
    _PREPOSITIONS,
    _STARTERS_OR_PARTICLES,
)

_NO_NAME_WORDS = ORG_PLACE_WORDS | TIME_WORDS | STARTERS | TITLES
_GENDERED = FEMALE | MALE
_QUOTE_CHAR = re.compile("[\"“”'‘’«»]")


@dataclass(slots=True)
class Mention:
    """A speaker phrase in a token list: ``toks[t0:t1]``; see the module docstring."""

    kind: str  # name | pronoun | descriptor
    t0: int
    t1: int
    start: int
    end: int
    text: str
    title: str = ""
    role: str = ""
    head: str = ""
    plural: bool = False
    definite: bool = False
    person: bool = False  # a person (not an organisation or a document)
    gender: str = ""
    parts: list = field(default_factory=list)  # "Lee and Park": the two names
    np0: int = -1  # first token of the whole noun phrase (titles, "the"); t0 when -1
    end_tok: int = -1  # (np_right) first token after the phrase and its apposition
    role_span: tuple[int, int] | None = None  # token range of the apposition
    object_case: bool = False  # a pronoun in the object case ("accused him of saying")

    def __post_init__(self) -> None:
        if self.np0 < 0:
            self.np0 = self.t0

    @property
    def anonymous(self) -> bool:
        return self.kind == "descriptor" and self.head in ANON_HEADS


def _span_text(text: str, toks: list[Tok], a: int, b: int) -> tuple[int, int, str]:
    s, e = toks[a].start, toks[b - 1].end
    return s, e, text[s:e]


def is_title(tok: Tok) -> bool:
    if tok.kind != "w" or tok.bare not in TITLES:
        return False
    return tok.bare not in _PERIOD_TITLES or tok.text.endswith(".")


def _name_tok(tok: Tok) -> bool:
    if tok.kind != "w" or tok.possessive:
        return False
    return tok.cap or tok.lower in NAME_PARTICLES or ("-" in tok.text and particle_prefix(tok.text))


def particle_prefix(word: str) -> bool:
    """``al-Baghdadi``, ``el-Sisi``, ``bin-Laden``: a particle joined to a capitalised name."""
    head, sep, rest = word.partition("-")
    return bool(sep) and head.lower() in NAME_PARTICLES and rest[:1].isupper()


def person_like(words: list[str]) -> bool:
    """Two to five capitalised words that do not name an organisation, a place or a date."""
    if not 2 <= len(words) <= 5:
        return False
    for w in words:
        if len(w) == 2 and w[0].isupper() and w[1] == "." and w is not words[0]:
            continue  # a middle initial: "Julie A. Diaz", "Loretta E. Lynch"
        lw = w.lower().rstrip(".")
        if lw in _NO_NAME_WORDS:  # an organisation, place, time or sentence-opening word, a title
            return False
        if not (w[:1].isupper() or lw in NAME_PARTICLES or particle_prefix(w)):
            return False
        if len(w) > 1 and w.isupper() and not w.endswith("."):
            return False  # an acronym
    return True


def nicknames(text: str, toks: list[Tok]) -> list[int]:
    """Indices of ``q`` tokens that are a nickname inside a name (``Robert C. "Bobby" Scott``,
    ``Marcia "Cia" Price``): one to three capitalised words without sentence punctuation,
    right between two capitalised name words. The caller drops them from the token list,
    so that the name reads as one (the quotation itself is a ``scare`` row)."""
    out = []
    for k in [x for x in range(1, len(toks) - 1) if toks[x].kind == "q"]:
        t = toks[k]
        prev, nxt = toks[k - 1], toks[k + 1]
        if not (_name_tok(prev) and prev.cap and _name_tok(nxt) and nxt.cap):
            continue
        if prev.lower in STARTERS or nxt.lower in STARTERS or prev.bare in TITLES \
                or prev.lower.rstrip(".") in ORG_PLACE_WORDS or nxt.lower.rstrip(".") in ORG_PLACE_WORDS:
            continue
        if text[prev.end:t.start].strip() or text[t.end:nxt.start].strip():
            continue
        words = t.text[1:-1].split()
        if not 1 <= len(words) <= 3 or len(t.text) > 30:
            continue
        if all(w[:1].isupper() and not any(c in w for c in ",;:!?") for w in words):
            out.append(k)
    return out


def _gender_of(words: list[str]) -> str:
    for w in words:
        lw = w.lower()
        if lw in FEMALE:
            return "f"
        if lw in MALE:
            return "m"
    return ""


def name_mention(text: str, toks: list[Tok], a: int, b: int, lo: int) -> Mention | None:
    """A ``name`` mention from the capitalised run ``toks[a:b]``: starters stripped, the
    title split off (and extended left over role words such as *former first lady*)."""
    while a < b and toks[a].lower in _STARTERS_OR_PARTICLES:
        a += 1
    while b > a and toks[b - 1].lower in NAME_PARTICLES:
        b -= 1
    if a >= b:
        return None
    last_title = None
    for k in range(b - 1, a - 1, -1):
        t = toks[k]  # is_title(t)
        if t.kind == "w" and t.bare in TITLES and (t.bare not in _PERIOD_TITLES or t.text.endswith(".")):
            last_title = k
            break
    name_a = a if last_title is None else last_title + 1
    # "General Motors": a title followed by an organisation word is no title
    if last_title is not None and name_a < b and all(t.bare in ORG_PLACE_WORDS for t in toks[name_a:b]):
        name_a = a
        last_title = None
    if name_a >= b:
        # only titles: "President", "the Chairman" -> a descriptor
        definite = a > lo and toks[a - 1].lower == "the"
        if definite:
            a -= 1
        s, e, t = _span_text(text, toks, a, b)
        if t[:1].isupper() and toks[a].lower == "the":
            t = t[:1].lower() + t[1:]
        return Mention("descriptor", a, b, s, e, t, head=toks[b - 1].bare, definite=definite,
                       person=True)
    if last_title is None and a < b - 2 and toks[a].bare in _LEADING_ROLES:
        name_a = _leading_roles(toks, a, b)  # "Billionaire Mark Cuban", "State John Kerry"
        if name_a > a:
            last_title = name_a - 1
    title_a = a
    if last_title is not None or a == name_a:
        k = a
        while k - 1 >= lo and toks[k - 1].kind == "w" and not toks[k - 1].cap \
                and toks[k - 1].bare in ROLE_WORDS:
            k -= 1
        while k - 1 >= lo and toks[k - 1].kind == "w" and toks[k - 1].cap \
                and k < a and toks[k - 1].lower not in STARTERS:
            k -= 1
        title_a = k
    s, e = toks[name_a].start, toks[b - 1].end
    t = text[s:e]
    if b - name_a > 1 and _QUOTE_CHAR.search(t) and any(text[toks[x].end:toks[x + 1].start].strip()
                                                         for x in range(name_a, b - 1)):
        t = " ".join([x.text for x in toks[name_a:b]])  # a nickname between the words was dropped
    title = " ".join([x.text for x in toks[title_a:name_a]]) if title_a < name_a else ""
    if b - title_a == 1:  # one word (the commonest run)
        words, all_words = [toks[name_a].text], [toks[name_a].lower]
    else:
        words = [x.text for x in toks[name_a:b]]
        all_words = [x.lower for x in toks[title_a:b]]  # lower case already: no gender word, no gender
    np0 = title_a - 1 if title_a - 1 >= lo and toks[title_a - 1].lower == "the" else title_a
    if len(words) == 1:  # a person unless an organisation, place or time word
        person = words[0].lower().rstrip(".") not in _ORG_PLACE_OR_TIME
        plural = not person and t.endswith("s") and t[:-1].lower() in ORG_PLACE_WORDS
    else:
        person = bool(title) or person_like(words)
        plural = False
    gender = _gender_of(all_words) if not _GENDERED.isdisjoint(all_words) else ""
    return Mention("name", name_a, b, s, e, t, title=title, person=person, gender=gender, plural=plural, np0=np0)


def _leading_roles(toks: list[Tok], a: int, b: int) -> int:
    """The start of the name in a capitalised run with no title: past leading role words
    capitalised at the start of a sentence or in a title (``Billionaire Mark Cuban``,
    ``Businessman Donald Trump``; ``State John Kerry`` after *Secretary of*), when two to
    four words that read as a person's name remain."""
    k = a
    while k < b - 2 and toks[k].bare in _LEADING_ROLES:
        k += 1
    if k == a or not person_like([t.text for t in toks[k:b]]) or b - k > 4:
        return a
    return k


def role_gender(role: str) -> str:
    """``"f"``/``"m"`` from the head of a role (``a spokeswoman for the ministry``,
    ``Trump's son``): its words before a preposition, possessors left out."""
    words = []
    for w in role.split():
        lw = w.lower().strip(",.")
        if lw in _PREPOSITIONS:
            break
        if not (lw.endswith("'s") or lw.endswith("’s")):
            words.append(lw)
    return _gender_of(words)
