"""Subjects and other noun phrases an attribution frame points to: the subject of the
main clause (:func:`sentence_subject`, past a wire dateline, introductory phrases and a
time phrase), a possessor (:func:`possessor_mention`: ``Hillary Clinton's``, ``the
senator's``, ``his``), the speaker of ``quoted as saying``, the object before *for/of
saying*, the antecedent of *who*, and the subject before a reduced relative clause.
"""
from __future__ import annotations

from .frame_words import (
    POSSESSIVE_PRONOUNS,
    _ADVERBS_BEFORE_PARTICIPLE,
    _ANON_OR_TITLE,
    _BE,
    _DET_OR_QUANTIFIER,
    _INTRO_WORDS,
    _IRREGULAR_PARTICIPLES,
    _LIST_WORDS,
    _OBJECT_PREPS,
    _OBJECT_PRONOUNS,
    _PREPOSITIONS,
    _PREPOSITIONS_AND,
    _SPEAKER_OR_TITLE,
    _ly_adverb,
)
from .names import Mention, _name_tok, name_mention
from .speakers import apposition_subject, np_left, np_right
from .tokens import Tok
from .word_lists import ADVERBS_BEFORE_CUE, ANON_HEADS, SPEAKER_HEADS, STOP, TIME_WORDS, TITLES


def _dateline_end(toks: list[Tok], upto: int) -> int:
    """Where the text starts after a wire dateline: ``WASHINGTON (AP) —``, ``(Reuters) -``,
    ``NEW YORK, June 5 —`` (capitalised words, a parenthesis and a comma or a date before
    a dash at most ten tokens in); 0 when there is none."""
    for k in range(min(upto, 11)):
        t = toks[k]
        if t.text in ("—", "–", "-", "_", "―") and k > 0:
            if not any(x.text == "(" or (x.kind == "w" and x.text.isupper() and len(x.text) >= 4) for x in toks[:k]):
                return 0  # "Clinton — who has led in the polls — said": no dateline
            if k + 1 < upto and toks[k + 1].text == t.text:
                return k + 2  # "--"
            return k + 1
        if not (t.kind == "w" and (t.cap or t.text.isdigit()) or t.text in ("(", ")", ",", ".")):
            return 0
    return 0


def _skip_time_right(toks: list[Tok], k: int, upto: int) -> int:
    """Past a time phrase at ``toks[k]`` (``on Friday``, ``last week``, ``on Sept. 5``,
    ``Tuesday``) when a lower-case word follows it; else ``k``."""
    x = k
    if toks[x].kind == "w" and toks[x].lower in ("on", "last", "this", "earlier", "late", "early") \
            and x + 1 < upto and (toks[x + 1].lower.rstrip(".") in TIME_WORDS or toks[x + 1].text.isdigit()):
        x += 1
    if not (toks[x].kind == "w" and (toks[x].lower.rstrip(".") in TIME_WORDS or toks[x].text.isdigit())):
        return k
    while x < upto and toks[x].kind == "w" and (toks[x].lower.rstrip(".") in TIME_WORDS or toks[x].text.isdigit()):
        x += 1
    return x if x < upto and toks[x].kind == "w" and not toks[x].cap else k


def sentence_subject(text: str, toks: list[Tok], upto: int) -> Mention | None:
    """The subject of the main clause: the first noun phrase, after introductory phrases,
    that a word (the verb) follows; None when unsure."""
    lo = _dateline_end(toks, upto)
    for _ in range(4):
        while lo < upto and toks[lo].kind == "w" and toks[lo].lower in ("but", "and", "so", "yet", "still"):
            lo += 1
        if lo >= upto:
            return None
        intro = toks[lo].kind == "w" and toks[lo].lower in _INTRO_WORDS
        m = None if intro else np_right(text, toks, lo, upto)  # "On July 6, 2015, Sanders made"
        if m is not None and m.kind == "descriptor" and m.role and m.t1 < upto and toks[m.t1].text == ",":
            a, b = m.t1 + 1, m.end_tok - (1 if toks[m.end_tok - 1].text == "," else 0)
            if a < b and all(_name_tok(x) for x in toks[a:b]):
                inner = name_mention(text, toks, a, b, a)  # "The governor, Gavin Newsom, weighed in"
                if inner is not None and inner.kind == "name" and inner.person:
                    inner.role, inner.end_tok = m.text, m.end_tok
                    m = inner
        if m is not None and m.end_tok + 1 < upto:
            m.end_tok = _skip_time_right(toks, m.end_tok, upto)  # "The Security Council on Friday made"
        if m is not None and m.kind == "name" and m.person and m.end_tok + 1 < upto \
                and toks[m.end_tok].lower in ("of", "from"):
            x = m.end_tok + 1
            while x < upto and toks[x].kind == "w" and toks[x].cap:
                x += 1  # "Barbara Boxer of California was ...": the place is no part of the subject
            if x > m.end_tok + 1 and x < upto and toks[x].kind == "w" and toks[x].lower not in _PREPOSITIONS:
                m.end_tok = x
        if m is not None and m.kind == "name" and m.person and m.end_tok + 1 < upto \
                and toks[m.end_tok].lower == "and":
            other = np_right(text, toks, m.end_tok + 1, upto, apposition=False)
            if other is not None and other.kind == "name" and other.person and other.t1 < upto \
                    and toks[other.t1].kind == "w" and toks[other.t1].lower not in _PREPOSITIONS_AND:
                # "Trump and Clinton clashed": both are subjects
                s, e = m.start, other.end
                pair = Mention("name", m.t0, other.t1, s, e, text[s:e], plural=True, person=True,
                               parts=[m, other], np0=m.np0, end_tok=other.t1)
                return pair
        if m is not None and m.end_tok < upto and toks[m.end_tok].kind == "w" \
                and toks[m.end_tok].lower not in _PREPOSITIONS and not (
                    m.kind == "name" and (m.text.isupper() and " " in m.text
                                          or " " not in m.text and m.text.lower().endswith(("ed", "ing")))):
            return m
        comma = None
        for k in range(lo, min(upto, lo + (25 if intro else 14))):
            t = toks[k]
            if t.text == "," or (t.kind == "q" and t.text.rstrip("\"'”’»").endswith(",")):  # On "Face the Nation,"
                comma = k
                break
        if comma is None:
            return None
        lo = comma + 1  # an introductory phrase: "On the 5th,", "Chastened by the analyses,"
    return None


def possessor_mention(text: str, toks: list[Tok], j: int) -> Mention | None:
    """The possessor ending at ``toks[j]``: ``Hillary Clinton's`` (a person or an
    organisation named in full), ``the senator's`` / ``the campaign's`` (a speaker noun
    after *the*), ``his``/``her``/``their``."""
    t = toks[j]
    if t.kind != "w":
        return None
    if t.lower in POSSESSIVE_PRONOUNS:
        head = POSSESSIVE_PRONOUNS[t.lower]
        return Mention("pronoun", j, j + 1, t.start, t.end, t.text, head=head, plural=head == "they",
                       person=True)
    if not t.possessive:
        return None
    if not t.cap:
        if t.bare not in _SPEAKER_OR_TITLE or j == 0 or toks[j - 1].lower != "the":
            return None
        s0, e0 = toks[j - 1].start, t.end - 2
        words = text[s0:e0]
        return Mention("descriptor", j - 1, j + 1, s0, e0, words[:1].lower() + words[1:], head=t.bare,
                       plural=t.bare.endswith("s"), definite=True,
                       person=t.bare in ANON_HEADS or t.bare in TITLES)
    a = j
    while a - 1 >= 0 and toks[a - 1].kind == "w" and toks[a - 1].cap and not toks[a - 1].possessive \
            and toks[a - 1].lower not in STOP:
        a -= 1
    base = Tok(t.text[:-2], t.start, t.end - 2, "w")
    m = name_mention(text, toks[:j] + [base], a, j + 1, 0)
    if m is None or m.kind != "name" or (not m.person and " " not in m.text):
        return None  # "America's claim": a place is no source
    return m


def _reduced_relative_subject(text: str, toks: list[Tok], j: int) -> Mention | None:
    """The subject before a participle phrase that ends at ``toks[j]``, right before the cue:
    ``A GAO report released last year found``, ``A study published Tuesday in the journal
    concluded``, ``Officials interviewed by the Courier said`` (a speaker noun, then a
    participle, then up to six words with no punctuation)."""
    for x in range(j, max(0, j - 7), -1):
        t = toks[x]
        if t.kind != "w":
            return None
        if not t.cap and (t.lower.endswith("ed") or t.lower in _IRREGULAR_PARTICIPLES) \
                and toks[x - 1].kind == "w" and toks[x - 1].bare in SPEAKER_HEADS:
            m = np_left(text, toks, x - 1, 0)
            if m is not None and m.kind == "descriptor":
                return m
            return None
    return None


def _quoted_as(text: str, toks: list[Tok], j: int) -> Mention | None:
    """The speaker of ``... quoted as saying``: the object of *quoted* (``The Telegraph
    quoted Bannon, ..., as saying``) or, in the passive, the subject (``Karroubi was quoted
    as saying``). ``toks[j]`` is *as*."""
    q = next((x for x in range(j - 1, max(-1, j - 30), -1) if toks[x].lower == "quoted"), None)
    if q is None or q + 1 > j:
        return None
    if q + 1 == j or toks[q + 1].lower == "as":
        k = q - 1
        while k >= 0 and toks[k].kind == "w" and (toks[k].lower in ADVERBS_BEFORE_CUE or _ly_adverb(toks[k].lower)):
            k -= 1
        if k >= 1 and toks[k].lower in _BE:
            m = np_left(text, toks, k - 1, 0)  # "Karroubi was quoted as saying"
            if m is not None and m.kind in ("name", "descriptor"):
                return m
            return sentence_subject(text, toks, k)
        return None
    m = np_right(text, toks, q + 1, j)  # "quoted Bannon, Trump's former strategist, as saying"
    return m if m is not None and m.kind in ("name", "descriptor", "pronoun") else None


def _object_before(text: str, toks: list[Tok], j: int) -> Mention | None:
    """A person right before *for/of saying*, the object of the verb before it: ``thanked
    Pence``, ``accused him`` (as a pronoun mention to resolve); None for anything else."""
    if j < 1 or toks[j].kind != "w":
        return None
    t = toks[j]
    if t.lower in _OBJECT_PRONOUNS:
        head = _OBJECT_PRONOUNS[t.lower]
        return Mention("pronoun", j, j + 1, t.start, t.end, t.text, head=head, plural=head == "they", person=True,
                       object_case=True)
    if not _name_tok(t):
        return None
    m = np_left(text, toks, j, 0, link=False)
    if m is None or m.kind != "name" or not m.person or m.np0 == 0:
        return None  # the subject itself ("Trump for saying") is not an object
    return m


def _name_before(toks: list[Tok], i: int, lo: int) -> bool:
    """A capitalised name ends right before the comma that precedes ``toks[i]``."""
    k = i - 1
    while k > lo and toks[k].kind == "w" and toks[k].lower in _ADVERBS_BEFORE_PARTICIPLE:
        k -= 1
    if k <= lo or toks[k].text not in (",", "—", "―", "–"):
        return False
    k -= 1
    while k > lo and toks[k].kind == "p" and toks[k].text in (")", ".", ","):
        k -= 1
    if not (k > lo and toks[k].kind == "w" and toks[k].cap and toks[k].lower not in STOP):
        return False
    r = k
    while r - 1 > lo and toks[r - 1].kind == "w" and toks[r - 1].cap:
        r -= 1
    places = ("in", "at", "from", "near", "to", "across")
    if r - 1 >= lo and toks[r - 1].text == "," and r - 2 >= lo and toks[r - 2].cap:
        r -= 2  # "Tulsa, Oklahoma": look before the city
        while r - 1 > lo and toks[r - 1].kind == "w" and toks[r - 1].cap:
            r -= 1
    if r - 1 >= lo and toks[r - 1].lower in _OBJECT_PREPS:
        return False  # the object of a preposition: "things to say about Kavanaugh, describing him"
    if r - 1 >= lo and toks[r - 1].kind == "w" and not toks[r - 1].cap and toks[r - 1].lower not in _LIST_WORDS \
            and toks[r - 1].lower not in ("in", "at", "from", "near", "to", "across"):
        return False  # the object of a verb: "did not endorse Mr. Romney, saying": the subject's words
    return not (r - 1 >= lo and toks[r - 1].lower in places)  # a place: "in Tulsa, Oklahoma, arguing"


def _relative_antecedent(text: str, toks: list[Tok], k: int) -> Mention | None:
    """``McConnell, now the Senate majority leader, who in 2010 said``: the noun phrase
    before ``, who``."""
    if k - 1 >= 0 and toks[k - 1].kind == "w" and not toks[k - 1].cap and toks[k - 1].bare in _ANON_OR_TITLE:
        m = np_left(text, toks, k - 1, 0)  # "a fitness personality who last month repeated ..."
        if m is None or m.kind != "descriptor":
            return None
        if m.t1 - m.t0 > 1 and toks[m.t0].lower not in _DET_OR_QUANTIFIER:
            h = toks[k - 1]  # no determiner: the bare plural alone ("met critics who ..." -> "critics")
            return Mention("descriptor", k - 1, k, h.start, h.end, h.text, head=h.bare, plural=m.plural,
                           person=m.person)
        return m
    if k - 1 < 0 or toks[k - 1].text != ",":
        return None
    m = apposition_subject(text, toks, k - 1, 0)
    if m is None:
        m = np_left(text, toks, k - 2, 0, link=False)
    return m if m is not None and m.kind != "pronoun" else None
