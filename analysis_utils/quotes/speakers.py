"""Speakers: the noun phrase that says something, found next to a cue, and resolved.

No parser model: a tokenizer with offsets, word lists, capitalisation, and a few
patterns read leftwards from a cue (the subject, ``Lee Ha-eun, Senior Research
Fellow at ..., evaluated``) or rightwards (``said Chang``, ``according to diplomatic
sources``).

Mentions (:class:`Mention`)
---------------------------
``name``        a run of capitalised words (``Finnish President Anna Virtanen``), split
                into a title part (``Finnish President``) and the name (``Anna Virtanen``)
``pronoun``     ``he, she, they, it, we, I, who``
``descriptor``  a phrase naming an unnamed source or a group: ``a senior U.S.
                official``, ``the Kremlin aide``, ``diplomatic sources``, ``some``,
                ``the three countries``, ``the statement``, ``a spokesman for the ministry``
An apposition between commas is kept as the ``role`` (``Director of the National
Security Office``); a name inside the commas after a descriptor (``the mayor's campaign
manager, Kellyanne Conway, said``) becomes the speaker, the descriptor its role.

Inside an apposition, a name after lower-case role words and before a parenthesis
(``Scott's niece, state Del. Marcia Price (D-Newport News), said``) is the speaker; an age
(``Riley, 45, said``) is no role. :func:`nicknames` finds quoted nicknames inside names.

A possessor opens a descriptor as *the* does (``Hillary Clinton's running mate, Tim
Kaine, said``; ``according to Mr. Trump's lawyer, Alan Garten``), and a name followed by a
possessive is never the subject itself (``Hillary Clinton's campaign said``). Capitalised
role words before a name with no title are its title (``Billionaire Mark Cuban``,
``Republican Mark Kirk``), and a title runs over *of* (``Secretary of State John Kerry``,
``said former Director of National Intelligence James Clapper``). Middle initials
(``Julie A. Diaz``) and particles joined by a hyphen (``al-Baghdadi``) belong to names.
:func:`role_gender` reads a gender from the head of a role (``a spokeswoman for ...``).

Resolution of these mentions to people is in :mod:`analysis_utils.quotes.name_index`.

This module keeps the noun-phrase rules (:func:`np_left`, :func:`np_right`,
:func:`apposition_subject`); tokens are :mod:`.tokens`'s, the word lists
:mod:`.word_lists`'s, name mentions :mod:`.names`'s, all still importable from here.
"""
from __future__ import annotations

from .names import Mention, _gender_of, _name_tok, _span_text, name_mention, role_gender
from .tokens import Tok
from .word_lists import (
    ANON_HEADS,
    ARTICLES,
    CONNECTIVES,
    DETERMINERS,
    PERSON_HEADS_FOR_LINK,
    PARTY_MEMBERS,
    PLURAL_PRONOUNS,
    POSTMODIFIERS,
    PRONOUNS,
    ROLE_WORDS,
    SPEAKER_HEADS,
    STARTERS,
    STOP,
    TITLES,
    _DETERMINERS_OR_ANON,
    _FINITE,
    _INSTITUTION_OR_ANON,
    _LINK_HEADS,
    _PREPOSITIONS,
    _TITLE_HEADS,
)
from .tokens import (  # noqa: F401  (re-exported: old import paths)
    ABBREVIATIONS,
    _TOKEN,
    _words,
    tokenize,
)
from .word_lists import (  # noqa: F401  (re-exported: old import paths)
    ADVERBS_BEFORE_CUE,
    DEPARTMENTS,
    DOCUMENT_HEADS,
    FEMALE,
    INSTITUTION_HEADS,
    MALE,
    NAME_PARTICLES,
    ORG_PLACE_WORDS,
    TIME_WORDS,
    _LEADING_ROLES,
    _ORG_PLACE_OR_TIME,
    _PERIOD_TITLES,
    _STARTERS_OR_PARTICLES,
    _set,
)
from .names import (  # noqa: F401  (re-exported: old import paths)
    _QUOTE_CHAR,
    _leading_roles,
    is_title,
    nicknames,
    particle_prefix,
    person_like,
)


_ANON_NOT_DETERMINER = ANON_HEADS - DETERMINERS  # built once (not at every call)


def _descriptor(text: str, toks: list[Tok], j: int, lo: int) -> Mention | None:
    """A descriptor ending at ``toks[j]`` (its head), walking left over modifiers."""
    head = toks[j].bare
    k = j
    definite = False
    steps = 0
    while k - 1 >= lo and steps < 6:
        p = toks[k - 1]
        if p.kind != "w":
            if p.text in ("-", "–") and k - 2 >= lo and toks[k - 2].kind == "w":
                k -= 1
                continue
            break
        lw = p.lower
        if lw in ARTICLES:
            if lw in ("this", "that") and head.endswith("s") and not head.endswith("ss"):
                break  # "a fire that officials called": a relative pronoun, not a determiner
            k -= 1
            definite = lw in ("the", "this", "that", "these", "those")
            break
        if lw in DETERMINERS:  # "three", "some": a modifier; an article may precede it
            k -= 1
            steps += 1
            continue
        if lw in STOP or (p.cap and lw in STARTERS) or lw in PRONOUNS:
            break
        k -= 1
        steps += 1
    s, e, t = _span_text(text, toks, k, j + 1)
    if toks[k].cap and toks[k].lower in _DETERMINERS_OR_ANON and not (k + 1 <= j and toks[k + 1].cap):
        t = t[:1].lower() + t[1:]  # "Officials said" -> "officials"; "Republicans" stays
    plural = head.endswith("s") and not head.endswith("ss") or head in ("people", "police", "some", "many",
                                                                         "others", "several", "both", "few",
                                                                         "most", "authorities")
    person = head in ANON_HEADS
    return Mention("descriptor", k, j + 1, s, e, t, head=head, plural=plural, definite=definite,
                   person=person)


def np_left(text: str, toks: list[Tok], j: int, lo: int, link: bool = True) -> Mention | None:
    """The noun phrase ending at ``toks[j]`` (not before ``toks[lo]``), or None."""
    if j >= lo and toks[j].text == ")":
        k = next((x for x in range(j - 1, max(lo, j - 9) - 1, -1) if toks[x].text == "("), None)
        if k is None:
            return None
        j = k - 1  # "Rep. John Mica (R-Fla.) said"
    if j < lo or toks[j].kind != "w":
        return None
    t = toks[j]
    lw = t.lower
    m: Mention | None = None
    if lw in PRONOUNS and not (t.cap and j > lo and toks[j - 1].kind == "w"):
        m = Mention("pronoun", j, j + 1, t.start, t.end, t.text, head=lw, plural=lw in PLURAL_PRONOUNS,
                    person=lw not in ("it",))
        return m
    if lw in ("him", "her", "them", "us", "me") and link:
        return _postmodified(text, toks, j, lo)  # "Those close to him say"
    if _name_tok(t) and not t.possessive:
        k = j
        while k - 1 >= lo and _name_tok(toks[k - 1]):
            k -= 1
        # a sentence-initial common noun: "Officials said", "Some speculate"
        if t.bare in SPEAKER_HEADS and (k == lo or toks[k].lower in STARTERS) \
                and len([x for x in toks[k:j + 1] if x.lower not in STARTERS or x is t]) == 1:
            m = _descriptor(text, toks, j, lo)
        else:
            m = name_mention(text, toks, k, j + 1, lo)
            if m is not None and m.kind == "name" and k - 2 >= lo and toks[k - 1].lower == "and" \
                    and _name_tok(toks[k - 2]):
                left = np_left(text, toks, k - 2, lo, link=False)
                if left is not None and left.kind == "name":
                    s, e, _ = _span_text(text, toks, left.t0, m.t1)
                    m = Mention("name", left.t0, m.t1, s, e, f"{left.text} and {m.text}", plural=True,
                                parts=[left, m])
    elif t.bare in SPEAKER_HEADS or (t.kind == "w" and not t.cap and t.lower not in STOP):
        m = _descriptor(text, toks, j, lo)
        if m is not None and m.head not in SPEAKER_HEADS:
            first = toks[m.t0]
            if m.head in TITLES or (m.head.endswith("s") and m.head[:-1] in TITLES):
                m.person = True  # "the former secretary of state", "the Democratic nominee", "both candidates"
                m.plural = m.plural or m.head not in TITLES
            elif m.t0 - 2 >= lo and toks[m.t0 - 1].lower in ("of", "for", "from", "at") and m.t1 - m.t0 <= 2 \
                    and link:
                # "the 34-year-old mother of three"
                left = np_left(text, toks, m.t0 - 2, lo, link=False)
                if left is not None and left.kind == "descriptor":
                    s, e, tx = _span_text(text, toks, left.t0, m.t1)
                    m = Mention("descriptor", left.t0, m.t1, s, e, left.text + text[toks[left.t1 - 1].end:e],
                                head=left.head, plural=left.plural, definite=left.definite, person=left.person)
                else:
                    m = None
            elif (first.lower not in ("the", "a", "an", "this", "its", "their", "his", "her")
                  and not _possessor(toks, m.t0, j)) or m.t1 - m.t0 > 4:
                # an unknown head noun needs a determiner: "the bank", "the mayor's brief"
                m = _postmodified(text, toks, j, lo)
    if m is None:
        return None
    if link:
        linked = _linked(text, toks, m, lo)
        if linked is not None:
            return linked
        if m.np0 > lo and toks[m.np0 - 1].lower in _PREPOSITIONS and m.kind != "pronoun":
            return None  # "the business side of TV is arguing": the object of a preposition
    return m


def _possessor(toks: list[Tok], a: int, j: int) -> bool:
    """``toks[a:j]`` opens with a possessor: ``Clinton's``, ``Hillary Clinton's`` (a name
    whose last word is possessive), which determines the head at ``toks[j]`` as *the* does."""
    k = a
    while k < j and _name_tok(toks[k]) and k - a < 4:
        k += 1
    return k < j and toks[k].possessive and toks[k].cap


def _postmodified(text: str, toks: list[Tok], j: int, lo: int) -> Mention | None:
    """``people familiar with the matter``, ``officials close to the talks``."""
    for k in range(j - 1, max(lo, j - 9) - 1, -1):
        if toks[k].kind != "w":
            return None
        if (toks[k].lower in POSTMODIFIERS or toks[k].lower in ("on", "of", "at", "from", "in")) \
                and k - 1 >= lo and toks[k - 1].bare in ANON_HEADS and toks[k - 1].bare not in ("the", "a", "an", "this", "that"):
            head = _descriptor(text, toks, k - 1, lo)
            if head is None:
                return None
            s, e, t = _span_text(text, toks, head.t0, j + 1)
            if t[:1].isupper() and toks[head.t0].lower in _DETERMINERS_OR_ANON:
                t = t[:1].lower() + t[1:]
            return Mention("descriptor", head.t0, j + 1, s, e, t, head=head.head, plural=head.plural,
                           definite=head.definite, person=True)
    return None


def _linked(text: str, toks: list[Tok], m: Mention, lo: int) -> Mention | None:
    """``X of/for/at/from Y`` before a cue: ``a spokesman for the ministry``, ``Her
    submission to the court``, ``the Association of Flight Attendants`` (one name), ``Gov.
    Earl Ray Tomblin of West Virginia`` (the person; the place is an affiliation)."""
    k = m.np0
    if k - 2 < lo or toks[k - 1].lower not in ("of", "for", "at", "from", "with", "to", "in"):
        return None
    left = np_left(text, toks, k - 2, lo, link=False)
    if left is None or left.kind == "pronoun":
        return None
    if left.kind == "name":
        if m.kind != "name":
            return None
        if left.person and (left.title or len(left.text.split()) > 1) and not left.parts:
            left.role = left.role or text[toks[k - 1].start:toks[m.t1 - 1].end]
            return left  # "Mr. Morgan of the Sierra Club": Morgan
        s, e, t = _span_text(text, toks, left.t0, m.t1)
        org = Mention("name", left.t0, m.t1, s, e, t, person=False, np0=left.np0)  # one organisation
        return _linked(text, toks, org, lo) or org
    if m.kind == "name" and m.person and m.title and m.np0 < m.t0 and toks[k - 1].lower == "of" \
            and left.head in _TITLE_HEADS:
        # "Secretary of State John Kerry": the title runs over "of"; the person is the name
        m.title = text[left.start:toks[m.t0 - 1].end]
        m.np0 = left.np0
        m.gender = m.gender or _gender_of([x.lower for x in toks[left.t0:m.t0]])
        return m
    first = toks[left.t0]
    if not (left.head in SPEAKER_HEADS or left.head in TITLES or (
            toks[k - 1].lower in ("of", "for", "from", "at") and (first.lower in ARTICLES or first.possessive))):
        return None
    s, e, t = _span_text(text, toks, left.t0, m.t1)
    if t[:1].isupper() and toks[left.t0].lower in _DETERMINERS_OR_ANON:
        t = t[:1].lower() + t[1:]
    return Mention("descriptor", left.t0, m.t1, s, e, t, head=left.head, plural=left.plural,
                   definite=left.definite, person=left.person or left.head in PERSON_HEADS_FOR_LINK)


def np_right(text: str, toks: list[Tok], j: int, hi: int, apposition: bool = True,
             generic: bool = False) -> Mention | None:
    """The noun phrase starting at ``toks[j]`` (before ``toks[hi]``), with an apposition
    (``apposition=False``: without); ``generic`` accepts any short lower-case phrase
    (the source after *according to*: ``federal statistics``)."""
    if j >= hi or toks[j].kind != "w":
        return None
    t = toks[j]
    if t.lower in PRONOUNS:
        return Mention("pronoun", j, j + 1, t.start, t.end, t.text, head=t.lower,
                       plural=t.lower in PLURAL_PRONOUNS, person=t.lower != "it", end_tok=j + 1)
    k = j
    if t.lower in ("the",) and j + 1 < hi and _name_tok(toks[j + 1]):
        k = j + 1
    r = k
    while r < hi and r - k < 6 and (toks[r].kind == "w" and not toks[r].cap and toks[r].lower not in STOP
                                    and toks[r].lower not in DETERMINERS or toks[r].text in ("/", "-")):
        r += 1  # "former first lady Laura Bush", "9/11 widow Terry Strada"
    if r > k and r < hi and _name_tok(toks[r]) and toks[r].lower not in DETERMINERS:
        k = r
    if _name_tok(toks[k]) and toks[k].lower not in DETERMINERS and not _possessor(toks, k, hi):
        e = k
        while e < hi and (_name_tok(toks[e]) or (
                toks[e].kind == "w" and toks[e].bare in ROLE_WORDS and e + 1 < hi and _name_tok(toks[e + 1]))):
            e += 1  # "Union leader Dana Whitfield"
        if e < hi and toks[e].kind == "w" and not toks[e].cap and toks[e].bare in _INSTITUTION_OR_ANON:
            # "the Clinton campaign", "the Obama administration", "Trump aides": a name as modifier
            m = _descriptor_span(text, toks, j, e + 1, toks[e].bare)
            if e + 1 < hi and toks[e + 1].lower in ("of", "for", "at"):
                m = _right_link(text, toks, m, e + 1, hi) or m
        elif e - k == 1 and k == j and toks[k].bare in _ANON_NOT_DETERMINER and toks[k].lower.endswith("s"):
            # a capitalised plural opening the sentence: "Critics of the program ... see"
            m = _descriptor_span(text, toks, k, k + 1, toks[k].bare)
            if e < hi and toks[e].lower in ("of", "for", "at", "from"):
                obj = np_right(text, toks, e + 1, hi, apposition=False, generic=True)
                if obj is not None and obj.kind != "pronoun":
                    t1 = max(obj.t1, obj.end_tok)
                    s0, e0, t0 = _span_text(text, toks, k, t1)
                    m = Mention("descriptor", k, t1, s0, e0, t0[:1].lower() + t0[1:], head=m.head, plural=True,
                                person=True)
        else:
            m = name_mention(text, toks, k, e, lo=j)
        if m is None:
            return None
        org = not m.person or (k > j and toks[j].lower == "the" and not m.title and e - k == 1)
        if m.kind == "name" and org and e + 1 < hi and toks[e].lower == "of" and toks[e + 1].cap \
                and _name_tok(toks[e + 1]):
            f = e + 1
            while f < hi and _name_tok(toks[f]):
                f += 1  # "the Chamber of Commerce": one organisation
            s0, e0, t0 = _span_text(text, toks, m.t0, f)
            m = Mention("name", m.t0, f, s0, e0, t0, person=False, np0=m.np0)
        if m.kind == "descriptor" and e < hi and toks[e].lower in ("of", "for", "at"):
            m = _right_link(text, toks, m, e, hi) or m
    else:
        # determiner + modifiers + head: stop at a preposition, punctuation or verb
        e = j
        while e < hi and toks[e].kind == "w" and toks[e].lower not in STOP and e - j < 7:
            e += 1
        if e == j:
            return None
        # the head is the last word that is a speaker noun, else the last word
        # after a possessor ("Mr. Trump's lawyer"), the possessed noun is the head
        owned = next((x + 1 for x in range(e - 2, j - 1, -1) if toks[x].possessive and toks[x].cap), j)
        heads = [x for x in range(owned, e) if toks[x].bare in SPEAKER_HEADS or toks[x].bare in _TITLE_HEADS
                 or (toks[x].cap and toks[x].bare in PARTY_MEMBERS and t.lower in ("a", "an", "one"))]
        if not heads and owned > j:
            heads = [e - 1]
        last = heads[-1] if heads else e - 1
        if not heads and not (generic and e - j <= 4):
            return None
        if last + 1 < hi and toks[last + 1].lower in POSTMODIFIERS:
            # people familiar with the matter
            f = last + 1
            while f < hi and toks[f].kind == "w" and f - last < 6:
                f += 1
            last = f - 1
        m = _descriptor_span(text, toks, j, last + 1, toks[heads[-1]].bare if heads else toks[last].bare)
        if last + 1 < hi and toks[last + 1].lower in ("of", "for", "at", "from"):
            m = _right_link(text, toks, m, last + 1, hi) or m
    # apposition: ", now a consultant on Burma in the private sector" / "(D-N.Y.)"
    e = m.t1
    if e < hi and toks[e].text == "(":
        close = next((x for x in range(e, min(hi, e + 8)) if toks[x].text == ")"), None)
        if close is not None:
            e = close + 1
    m.end_tok = e
    if apposition and e + 1 < hi and toks[e].text == "," and _verb_like(toks[e + 1]):
        m.end_tok = e + 1  # "a spokesman for the senator, Tom Jones, declined ...": the verb, no apposition
    elif apposition and e + 1 < hi and toks[e].text == ",":
        f = e + 1
        while f < hi and toks[f].kind in ("w", "p") and toks[f].text not in (",", ";", ":") \
                and not (toks[f].text == "." and f == hi - 1) and toks[f].kind != "q":
            f += 1
        if f > e + 1 and f - e <= 30 and " ".join(x.lower for x in toks[e + 1:f]) in CONNECTIVES:
            m.end_tok = f + 1 if f < hi and toks[f].text == "," else f  # "Ryan, however, was ...": no role
        elif f > e + 1 and f - e <= 30:
            m.role = text[toks[e + 1].start:toks[f - 1].end].rstrip(".")
            m.end_tok = f + 1 if f < hi and toks[f].text == "," else f
            if m.kind == "descriptor":
                named = _named_apposition(text, toks, m, e + 1, f)
                if named is not None:
                    return named
    elif not apposition and m.kind == "descriptor" and e + 1 < hi and toks[e].text == ",":
        f = e + 1
        while f < hi and _name_tok(toks[f]):
            f += 1
        if f == hi or toks[f].text in (",", ".", ";", ")") or toks[f].kind == "q":
            named = _named_apposition(text, toks, m, e + 1, f)  # "according to his lawyer, Alan Garten."
            if named is not None:
                named.end_tok = f + 1 if f < hi and toks[f].text == "," else f
                return named
    return m


def _short_term(quoted: str) -> bool:
    """A quotation token that reads as a term (five words at most, no closing punctuation)."""
    inner = quoted.strip("\"'“”‘’«» ")
    return 0 < len(inner.split()) <= 5 and not inner.endswith((",", ".", "!", "?"))


def _verb_like(tok: Tok) -> bool:
    """A lower-case past tense or auxiliary: a verb, not the first word of an apposition."""
    w = tok.lower
    return tok.kind == "w" and not tok.cap and (w in _FINITE or (
        w.endswith("ed") and len(w) > 4 and w not in ROLE_WORDS and w not in ("retired", "elected", "unnamed")))


def _named_apposition(text: str, toks: list[Tok], m: Mention, a: int, b: int) -> Mention | None:
    """``Mr. Trump's lawyer, Alan Garten`` / ``a spokesman, John Doe``: a person's name as
    the whole apposition of a descriptor is the speaker, the descriptor its role."""
    if b - a < 2 or not all(_name_tok(x) for x in toks[a:b]):
        return None
    inner = name_mention(text, toks, a, b, a)
    if inner is None or inner.kind != "name" or not inner.person or len(inner.text.split()) < 2:
        return None
    inner.role, inner.role_span = m.text, (m.t0, m.t1)
    inner.np0, inner.end_tok = m.np0, m.end_tok
    inner.gender = inner.gender or role_gender(m.text)
    return inner


def _descriptor_span(text: str, toks: list[Tok], a: int, b: int, head: str) -> Mention:
    s, e, t = _span_text(text, toks, a, b)
    if t[:1].isupper() and toks[a].lower in _DETERMINERS_OR_ANON:
        t = t[:1].lower() + t[1:]
    plural = (head.endswith("s") and not head.endswith("ss")) or head in ("people", "police")
    return Mention("descriptor", a, b, s, e, t, head=head, plural=plural,
                   definite=toks[a].lower in ("the", "this", "these", "those"), person=head in ANON_HEADS)


def _right_link(text: str, toks: list[Tok], m: Mention, e: int, hi: int) -> Mention | None:
    if m.head not in _LINK_HEADS:
        return None
    right = np_right(text, toks, e + 1, hi)
    if right is None or right.kind == "pronoun":
        return None
    if right.kind == "name" and right.person and right.title and toks[e].lower == "of" \
            and m.head in _TITLE_HEADS and right.np0 == e + 1:
        # "said former Secretary of State Colin Powell": the title runs over "of"
        right.title = text[toks[m.t0].start:toks[right.t0 - 1].end]
        right.np0 = m.np0
        right.gender = right.gender or _gender_of([x.lower for x in toks[m.t0:right.t0]])
        return right
    s, _, _ = _span_text(text, toks, m.t0, m.t1)
    if right.kind == "name" and right.role_span and m.head in ANON_HEADS and not m.plural:
        # "a spokesman for the senator, Tom Jones,": the name is the spokesman's
        r_end = toks[right.role_span[1] - 1].end
        right.role = text[s:r_end]
        if right.role[:1].isupper() and toks[m.t0].lower in DETERMINERS:
            right.role = right.role[:1].lower() + right.role[1:]
        right.role_span = (m.t0, right.role_span[1])
        right.np0 = m.np0
        right.gender = right.gender or role_gender(m.text)
        return right
    end = toks[right.t1 - 1].end
    t = text[s:end]
    return Mention("descriptor", m.t0, right.t1, s, end, t, head=m.head, plural=m.plural,
                   definite=m.definite, person=m.person)


def apposition_subject(text: str, toks: list[Tok], j: int, lo: int) -> Mention | None:
    """The subject of ``NP, apposition, CUE`` where ``toks[j]`` is the comma before the cue."""
    if j - 1 < lo or toks[j].text not in (",", "—", "―", "–", "-"):
        return None
    if toks[j].text != "," and j - 1 >= lo and toks[j - 1].text == toks[j].text:
        j -= 1  # "--" is two tokens
    paren = j  # a parenthesis right before the comma belongs to the name: "Marcia Price (D-Va.),"
    if toks[j - 1].text == ")":
        paren = next((x for x in range(j - 2, max(lo, j - 10) - 1, -1) if toks[x].text == "("), j)
    for k in range(j - 1, max(lo, j - 32) - 1, -1):
        tk = toks[k]
        if paren <= k < j:
            continue
        if tk.kind == "q" and not _short_term(tk.text):
            return None  # a quotation, not an apposition ("a "Make America Great Again" cap" may be one)
        if (tk.text in (",", "(") or (tk.text in ("—", "―", "–", "-") and toks[j].text == tk.text)) and k > lo:
            inner = (k + 1, j)
            if inner[0] >= inner[1]:
                return None
            subj = np_left(text, toks, k - 1, lo)
            if subj is None:
                continue
            if subj.np0 > lo and toks[subj.np0 - 1].lower in _PREPOSITIONS:
                continue  # "for some, the losses would ..., said X": no subject here
            first = toks[inner[0]].lower
            if first not in ("who", "which", "whose", "whom") and any(
                    x.kind == "w" and x.lower in _FINITE for x in toks[inner[0]:inner[1]]):
                continue  # a clause, not an apposition
            role_text = text[toks[inner[0]].start:toks[inner[1] - 1].end]
            if role_text.strip().isdigit() or role_text.strip().lower() in CONNECTIVES:
                role_text = ""  # an age: "Riley, 45, said"; "Riley, however, said"
            inner_m = None
            a, b = inner
            if b - 1 > a and toks[b - 1].text == ")":
                b = next((x for x in range(b - 2, a, -1) if toks[x].text == "("), b)  # "(D-Va.)"
            while a < b and toks[a].kind == "w" and not toks[a].cap and a - inner[0] < 3 \
                    and (toks[a].bare in ROLE_WORDS or toks[a].lower in ("state", "city", "county")):
                a += 1  # "state Del. Marcia Price"
            cut = next((x for x in range(a + 2, b - 1) if toks[x].lower in ("of", "from")), b)
            if cut < b and not all(_name_tok(x) for x in toks[cut + 1:b]):
                cut = b  # "one voter, Mary Smith of Toledo,": the name without its place
            if a < cut and all(_name_tok(x) for x in toks[a:cut]):
                inner_m = name_mention(text, toks, a, cut, inner[0])
            if inner_m is not None and inner_m.kind == "name" and inner_m.person \
                    and subj.kind == "descriptor":
                inner_m.role = subj.text
                inner_m.role_span = (subj.t0, subj.t1)
                inner_m.np0 = subj.np0  # the phrase starts with the descriptor
                return inner_m
            if subj.kind == "pronoun" and subj.head != "who":
                return None
            subj.role = role_text
            subj.role_span = inner
            return subj
    return None
