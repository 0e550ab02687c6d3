"""Attribution frames: a cue, its speaker phrase, and what it attributes, in one sentence.

Token-level rules (no parser model) used by :mod:`analysis_utils.quotes.builder`:

* :func:`find_cues` -- cue words of the lexicon (``data/cue_verbs.yml``), skipping nouns
  (*the report*, *his claims*), infinitives (*to say*), passives (*is expected*) and
  negated verbs (*did not say*).
* :func:`sentence_frames` -- for each cue, the speaker phrase: the subject on its left
  (over adverbs, auxiliaries, a time phrase, a parenthesis and an apposition between
  commas); after a quotation or a comma the inverted subject on its right
  (``"...," said Chang``); for a participle (``..., saying``) or a coordinated verb
  (``... and added``) the subject of the main clause; for *according to* the phrase after
  it. A cue in a conditional (*If Russia states ...*) or with *neither/nor* is dropped.
  An addressee verb right after a quotation takes the inverted subject (``"Why?" asked
  Tom Riley, a farmer.``); a base form that is also a noun before a title is no cue
  (``state Sen. Ana Ruiz``). Manner adverbs in *-ly* may stand before the cue (``Clinton
  boldly suggested``); a plural-noun-like cue before a colon is a verb (``CNN reports:``);
  a sentence-initial cue takes the name after it up to a colon (``Wrote Trump on
  Twitter: "..."``); *for saying* after a passive is the subject's words (``Trump has been
  criticized for saying that ...``). In a headline, a named person's *tells*/*calls* are
  cues too (``'Stronger Together,' Clinton Tells Crowd``).
* :func:`link_quote` -- which frame a quotation belongs to, and ``direct`` (only the
  frame around it: ``X said, "..."``, ``"...," X said``) or ``partial`` (inside the
  reported clause: ``announced that both sides had reached '...'``); a quotation after a
  colon that closes a new clause with its own subject (``..., Smith said, but Jones was
  unconvinced: "..."``) is left to that subject.
* :func:`reported_clause` -- the reported clause of a frame: after the cue (and an
  addressee, adverbials and *that*) to the end of the sentence or the next frame; before
  it for a trailing frame (``..., Chang said.``); the whole sentence for a parenthetical
  one (``The museum, Mr. Reyes said, would ...``).
* :func:`dash_speaker` -- ``"..." ― Sonya Herridge`` and ``Mitt Romney -- "..."``.
"""
from __future__ import annotations

from dataclasses import dataclass

from .cues import Cue, CueLexicon
from ..text.quote_marks import QuoteSpan
from .speakers import (
    ADVERBS_BEFORE_CUE,
    ANON_HEADS,
    DOCUMENT_HEADS,
    INSTITUTION_HEADS,
    SPEAKER_HEADS,
    STOP,
    TIME_WORDS,
    TITLES,
    Mention,
    Tok,
    _name_tok,
    apposition_subject,
    is_title,
    name_mention,
    np_left,
    np_right,
)

_BE = frozenset("is was are were be been being am".split())
_NEGATION = frozenset("not never no hardly".split())
_DET_POSS = frozenset("the a an his her their its our my your this that these those".split())
# cue forms that are also plural nouns ("Republican claims", "his remarks")
_NOUNISH = frozenset("claims notes reports comments remarks tweets posts calls estimates fears hopes doubts "
                     "promises pledges vows charges demands questions jokes answers replies counters states "
                     "guesses forecasts projects signals boasts brags laments warns findings reads attacks "
                     "blasts slams mocks echoes cites hails welcomes".split())
# base forms that are also singular nouns ("a Government Accountability Office report")
_NOUN_BASES = frozenset("report claim note comment remark tweet post call estimate fear hope doubt promise pledge "
                        "vow charge demand question joke answer reply counter state guess forecast project signal "
                        "boast lament brief find warning statement".split())
_MODALS = frozenset("will would can could may might should must do did does to".split())
# "thanked him for saying", "accused her of saying": the words of someone else than the subject
_GERUND_PREPS = frozenset("for of about from on against toward towards".split())
# "after saying", "despite admitting", "without saying": the subject of the main clause said it
_SUBJECT_GERUND_PREPS = frozenset("after before while since upon despite without in by besides".split())
_QUANTIFIERS = frozenset("a an few some many several most all both other others more no any".split())
DASHES = ("—", "―", "–", "-")
SEPARATORS = ("...", "…", ":", "-", "–", "—", "―", "|", ";", "?", "!", ".", ",")
_TERMINAL = ".!?…"
_ADVERBIAL = TIME_WORDS | STOP | frozenset(
    "the a an this that last next on in at day days week weeks month months year years ago earlier later "
    "before after again also then once twice".split())
_ADVERBIAL_STARTS = frozenset("after before during when while at in on following since until as amid "
                              "upon via through throughout".split())
_PREPOSITIONS = frozenset("for of in on at to from by with about after before during than like into over "
                          "under".split())
_FUNCTION = frozenset("a an the of in on at to and or but for by with from as is are was were be".split())
# unions of word lists, built once (not at every call)
_INTRO_WORDS = _PREPOSITIONS | _ADVERBIAL_STARTS
_PREPOSITIONS_AND = frozenset(_PREPOSITIONS | {"and"})
_AGENT_HEADS = ANON_HEADS | INSTITUTION_HEADS | DOCUMENT_HEADS | TITLES
_SPEAKER_OR_TITLE = SPEAKER_HEADS | TITLES
_SOURCE_HEADS = ANON_HEADS | INSTITUTION_HEADS | DOCUMENT_HEADS
_DOCUMENT_OR_INSTITUTION = DOCUMENT_HEADS | INSTITUTION_HEADS
_ANON_OR_INSTITUTION = ANON_HEADS | INSTITUTION_HEADS
_ADVERBS_BEFORE_PARTICIPLE = frozenset(ADVERBS_BEFORE_CUE | {"now", "while", "by"})
_ANON_OR_TITLE = ANON_HEADS | TITLES
_DET_OR_QUANTIFIER = _DET_POSS | _QUANTIFIERS


# --- text helpers ---------------------------------------------------------------------------

def words_of(s: str) -> list[str]:
    """The words of ``s`` (tokens with a letter or digit)."""
    return [w for w in s.split() if any(c.isalnum() for c in w)]


def title_case(words: list[str]) -> bool:
    """Nearly all content words capitalised (a title, a name)."""
    content = [w for w in words if w[:1].isalpha() and (len(w) > 3 or w[:1].isupper())]
    return bool(content) and sum(w[:1].isupper() for w in content) / len(content) >= 0.85


def starts_upper(s: str) -> bool:
    """The first letter (after opening marks) is a capital."""
    s = s.lstrip(" \"'“‘(")
    return bool(s) and s[0].isupper()


def sentence_like(content: str) -> bool:
    """Reads like a clause, not like a name: lower-case content words after the first."""
    words = words_of(content)
    return len(words) >= 3 and any(w.islower() and w.lower() not in _FUNCTION for w in words[1:])


# --- frames ---------------------------------------------------------------------------------

def _modal_before(toks: list[Tok], i: int) -> bool:
    """A modal or *to* before the cue (``would respond``, ``to say``)."""
    k = i - 1
    while k >= 0 and toks[k].kind == "w" and toks[k].lower in ("not", "also", "still", "never", "n't"):
        k -= 1
    return k >= 0 and toks[k].kind == "w" and (toks[k].lower in _MODALS or toks[k].lower.endswith("n't"))


@dataclass
class Frame:
    """A cue (``toks[i]``), its speaker phrase and, once resolved, its speaker."""

    i: int  # token index of the cue
    cue: Cue
    mention: Mention | None
    via: str = "name"
    inverted: bool = False
    speaker: str = ""
    role: str = ""
    anonymous: bool = False
    attribution: int = -1
    direct: bool = False  # frames a direct quotation
    speaker_span: tuple[int, int] | None = None
    cue_start: int = -1
    cue_end: int = -1
    closes: int = -1  # the comma closing the relative clause the cue stands in, if any
    quoted_as: bool = False  # "X was quoted as saying", "Y quoted X as saying"


def find_cues(toks: list[Tok], lex: CueLexicon, headline: bool) -> list[tuple[int, Cue]]:
    """``(token index, cue)`` for the cue verbs of a sentence that act as verbs: lower case
    (capitalised only in a headline, or *Said X:* opening a sentence), not after a
    determiner, possessive or *to*, not passive, not negated."""
    words = [t.lower if t.kind == "w" else "" for t in toks]
    out = []
    i = 0
    while i < len(toks):
        t = toks[i]
        if t.kind != "w" or (t.cap and not headline and words[i] != "according" and i > 0):
            i += 1
            continue
        cue = lex.match(words, i)
        if cue is None:
            i += 1
            continue
        if t.cap and i == 0 and not headline and cue.group != "according" and (
                cue.participle or cue.group not in ("speech", "quote_only")):
            i += cue.n
            continue  # only "Said Ellis: ..." opens a sentence with a cue
        prev = toks[i - 1] if i else None
        ok = True
        if cue.group != "according" and prev is not None and prev.kind == "w":
            d = i - 1
            while d > 0 and toks[d].lower.endswith("ly") and toks[d - 1].kind == "w":
                d -= 1  # "a swiftly called meeting"
            if prev.lower in _DET_POSS or prev.possessive or prev.lower == "to" or (
                    d < i - 1 and toks[d].lower in _DET_POSS):
                ok = False  # a noun ("the report"), an adjective or an infinitive ("to say")
            k = i - 1
            while k >= 0 and toks[k].kind == "w" and toks[k].lower in ADVERBS_BEFORE_CUE:
                k -= 1
            if k >= 0 and toks[k].kind == "w" and toks[k].lower in _BE and not cue.participle:
                ok = False  # passive: "is expected", "was told"
            if any(toks[x].kind == "w" and (toks[x].lower in _NEGATION or toks[x].lower.endswith("n't"))
                   for x in range(max(0, k), i)):
                ok = False  # "did not say", "has never claimed"
        if ok and t.lower == cue.lemma and t.lower in _NOUN_BASES and i + 1 < len(toks) and is_title(toks[i + 1]):
            ok = False  # a modifier of a title: "state Sen. Ana Ruiz", "state Del. ..."
        if ok:
            out.append((i, cue))
        i += cue.n
    return out


# nouns and adjectives ending in -ly (not adverbs): "the family said", "an ally said"
_LY_WORDS = frozenset("family ally rally assembly supply monopoly anomaly bully daily weekly monthly "
                      "quarterly yearly reply apply homily folly tally lily belly jelly panoply italy july "
                      "only early likely unlikely friendly elderly lonely lovely ugly silly holy".split())


def _ly_adverb(word: str) -> bool:
    """A manner adverb between a subject and its cue: ``Clinton boldly suggested``."""
    return len(word) >= 5 and word.endswith("ly") and word.isalpha() and word not in _LY_WORDS


def _passive_before(toks: list[Tok], j: int) -> bool:
    """``toks[j]`` ends a passive verb (``has been criticized``, ``was fired``, ``came under
    fire``) or *apologized*: whoever the sentence is about said the words after *for*."""
    if j < 1 or toks[j].kind != "w":
        return False
    w = toks[j].lower
    if w in ("apologized", "apologised", "apologizing", "apologising", "fire", "criticism", "attack"):
        return True  # "apologized for saying", "came under fire for saying"
    k = j - 1
    while k >= 0 and toks[k].kind == "w" and (toks[k].lower in ("not", "also", "widely", "roundly", "harshly")
                                               or _ly_adverb(toks[k].lower)):
        k -= 1
    return (w.endswith("ed") or w in _IRREGULAR_PARTICIPLES) and k >= 0 and toks[k].lower in _BE


_IRREGULAR_PARTICIPLES = frozenset("taken given shown seen known held told caught hit struck slammed "
                                   "mocked".split())


def _skip_left(toks: list[Tok], j: int, lo: int) -> int:
    """Skip adverbs, auxiliaries and a time phrase between a subject and its cue."""
    steps = 0
    while j >= lo and steps < 6:
        t = toks[j]
        if t.kind == "w" and not t.cap and (t.lower in ADVERBS_BEFORE_CUE or _ly_adverb(t.lower)):
            j -= 1
        elif t.kind == "w" and (t.lower in TIME_WORDS or t.text.isdigit()) and j - 1 >= lo:
            k = j - 1
            while k >= lo and toks[k].kind == "w" and (toks[k].lower in TIME_WORDS or toks[k].text.isdigit()):
                k -= 1
            if k >= lo and toks[k].lower in ("on", "last", "this", "late", "early", "in", "earlier"):
                j = k - 1
            else:
                break
        else:
            break
        steps += 1
    return j


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
        comma = next((k for k in range(lo, min(upto, lo + (25 if intro else 14))) if toks[k].text == "," or (
            toks[k].kind == "q" and toks[k].text.rstrip("\"'”’»").endswith(","))), None)  # On "Face the Nation,"
        if comma is None:
            return None
        lo = comma + 1  # an introductory phrase: "On the 5th,", "Chastened by the analyses,"
    return None


def sentence_frames(text: str, toks: list[Tok], lex: CueLexicon, headline: bool = False) -> list[Frame]:
    """The attribution frames of one sentence (tokens from :func:`speakers.tokenize`), in
    order; ``headline`` allows capitalised cues (``Marsh Says ...``) with short subjects."""
    frames: list[Frame] = []
    for i, cue in find_cues(toks, lex, headline):
        f = Frame(i, cue, None)
        f.mention, f.via, f.inverted = _speaker_phrase(text, toks, i, cue, frames)
        if f.via == "quoted-as":
            f.via, f.quoted_as = "name", True
        if f.mention is None and not f.inverted and cue.group in ("speech", "quote_only") and (
                i == 0 or toks[i - 1].kind == "q" or toks[i - 1].text in (",", "—", "―", "–")):
            alt = _inverted(text, toks, i, cue)  # "...," said X / , said X,
            if alt is not None and i + cue.n < len(toks) and alt.kind != "pronoun":
                after = alt.t1
                if after >= len(toks) or toks[after].text in (",", ".", ";", ":", ")") or toks[after].kind == "q" \
                        or (i == 0 and _colon_soon(toks, after)):
                    f.mention, f.inverted = alt, True
        if _plausible(toks, f, headline):
            frames.append(f)
    if lex.nouns and not headline:
        frames = sorted(frames + noun_frames(text, toks, lex), key=lambda f: f.i)
    if not headline:
        passive = {f.i: f for f in passive_frames(text, toks, lex)}
        frames = [passive.pop(f.i) if f.i in passive and f.mention is None else f for f in frames]
        taken = {f.i for f in frames}
        frames = sorted(frames + [f for i, f in passive.items() if i not in taken], key=lambda f: f.i)
    for f in frames:
        f.closes = _relative_close(toks, f.i)
    # a cue inside another frame's apposition ("X, who asked not to be named, warned") is no frame
    inside = {k for f in frames if f.mention is not None and f.mention.role_span
              for k in range(*f.mention.role_span)}
    return [f for f in frames if f.i not in inside]


def passive_frames(text: str, toks: list[Tok], lex: CueLexicon) -> list[Frame]:
    """Passive speech cues with their agent: ``was described by one official as the
    "emir of oil and gas"``, ``has been called "a liar" by his rivals``, ``immigrants
    described by a friend as "..."`` (a reduced relative, *by* right after the cue). The
    agent (a name or a speaker noun after *by*, within eight words of the cue) is the
    source.""" 
    out = []
    words = [t.lower if t.kind == "w" else "" for t in toks]
    for i in range(1, len(toks) - 2):
        t = toks[i]
        if t.kind != "w" or t.cap or not (t.lower.endswith("ed") or t.lower in _IRREGULAR_PARTICIPLES):
            continue
        cue = lex.match(words, i)
        if cue is None or cue.group not in ("speech", "speech_that") or cue.n != 1:
            continue
        k = i - 1
        while k >= 0 and toks[k].kind == "w" and (toks[k].lower in ADVERBS_BEFORE_CUE or _ly_adverb(toks[k].lower)):
            k -= 1
        reduced = toks[i + 1].lower == "by" and toks[i - 1].kind == "w" and not toks[i - 1].cap \
            and toks[i - 1].lower not in STOP  # "immigrants described by a friend as ..."
        if not reduced and (k < 0 or toks[k].lower not in _BE):
            continue
        for j in range(i + 1, min(len(toks) - 1, i + 9)):
            if toks[j].text in (",", ";", ":", ".") and toks[j].kind == "p":
                break
            if toks[j].lower == "by":
                m = np_right(text, toks, j + 1, len(toks), apposition=False)
                if m is not None and m.kind != "pronoun" and (
                        m.kind == "name" or m.head in _AGENT_HEADS
                        or m.head.endswith("s") and m.head[:-1] in TITLES):
                    out.append(Frame(i, cue, m, inverted=True))
                break
    return out


_RELATIVES = frozenset("which who whom whose where when".split())


def _relative_close(toks: list[Tok], i: int) -> int:
    """The comma closing a relative clause set off by commas that holds ``toks[i]``
    (``the plan, which economists have criticized as vague, would ...``), or -1."""
    k = i - 1
    while k >= 0 and toks[k].text != "," and toks[k].kind != "q":
        k -= 1
    if k < 0 or toks[k].kind == "q" or k + 1 >= i or toks[k + 1].lower not in _RELATIVES:
        return -1
    for j in range(i + 1, len(toks)):
        if toks[j].kind == "q" or toks[j].text in (";", ":", "."):
            return -1
        if toks[j].text == ",":
            return j
    return -1


_TO_NOUNS = frozenset("promise pledge vow threat call demand".split())
# "In X's words, ...": nouns after "in" and a possessor that attribute the clause after the comma
_IN_VIEW = frozenset("words view views opinion telling account estimation judgment judgement".split())
POSSESSIVE_PRONOUNS = {"his": "he", "her": "she", "their": "they"}  # not "its": rarely a speaker's


def noun_frames(text: str, toks: list[Tok], lex: CueLexicon) -> list[Frame]:
    """Frames of speech nouns (``lex.nouns``) with a possessor before them and *that* (or,
    for *promise, pledge, vow, threat, call, demand*, *to*) after them: ``Trump's claim that
    the vote is "rigged"``, ``the senator's warning that ...``, ``her promise to "drain the
    swamp"``. The possessor is the source: a name, a definite descriptor (*the senator's*)
    or a possessive pronoun; up to two lower-case modifiers may stand between
    (``Trump's repeated claims that``). A noun frame attributes quoted words after it; it
    makes no reported-speech row of its own. ``In X's words,`` / ``In his view,`` (``_IN_VIEW``)
    work as *according to X,*: the clause after the comma is X's."""
    out = []
    for i in range(1, len(toks) - 1):
        t = toks[i]
        if t.kind == "w" and t.lower in _IN_VIEW and toks[i + 1].text == "," and i >= 2 \
                and toks[i - 2 if toks[i - 1].lower != "own" else i - 3].lower == "in":
            # "In Trump's words, ...", "In his view, ...": the clause after the comma
            m = possessor_mention(text, toks, i - 1 if toks[i - 1].lower != "own" else i - 2)
            if m is not None:
                out.append(Frame(i, Cue("according to", "according", 1, t.lower), m, inverted=True))
            continue
        lemma = lex.nouns.get(t.lower) if t.kind == "w" and not t.cap else None
        if lemma is None:
            continue
        nxt = toks[i + 1].lower
        if nxt in ("to", "on", "in", "at", "during", "before") and not (nxt == "to" and lemma in _TO_NOUNS):
            # "Assange's comment to a British television network that ...": past a short phrase
            x = i + 2
            while x < len(toks) and x - i <= 7 and toks[x].kind == "w" and toks[x].lower != "that":
                x += 1
            if x < len(toks) and toks[x].lower == "that":
                nxt = "that"
        if not (nxt == "that" or (nxt == "to" and lemma in _TO_NOUNS)):
            continue
        j = i - 1
        while j > 0 and i - j <= 2 and toks[j].kind == "w" and not toks[j].cap and not toks[j].possessive \
                and toks[j].lower not in STOP and toks[j].lower not in POSSESSIVE_PRONOUNS:
            j -= 1
        m = possessor_mention(text, toks, j)
        if m is not None:
            out.append(Frame(i, Cue(lemma, "noun", 1, t.lower), m))
    return out


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


def _speaker_phrase(text: str, toks: list[Tok], i: int, cue: Cue,
                    frames: list[Frame]) -> tuple[Mention | None, str, bool]:
    """``(mention, via, inverted)`` for the cue at ``toks[i]``; ``frames`` are the earlier
    frames of the sentence (for participles and coordinated verbs)."""
    if cue.group == "according":
        return np_right(text, toks, i + cue.n, len(toks), apposition=False), "name", True
    j = _skip_left(toks, i - 1, 0)
    before = toks[j] if j >= 0 else None
    earlier = next((g for g in reversed(frames) if g.mention is not None), None)
    if before is None:
        return None, "name", False
    if cue.participle and before.kind == "w" and before.lower in _BE:
        j = _skip_left(toks, j - 1, 0)  # progressive: "Reyes is saying"
        return (np_left(text, toks, j, 0) if j >= 0 else None), "name", False
    if cue.participle and before.kind == "w" and before.lower in _GERUND_PREPS:
        if before.lower == "for" and _passive_before(toks, j - 1):
            # "Trump has been criticized for saying that ...": the subject said it
            subj = sentence_subject(text, toks, j) if j > 0 else None
            if subj is not None:
                return subj, "main-clause", False
        obj = _object_before(text, toks, j - 1) if before.lower in ("for", "of") else None
        if obj is not None:
            return obj, "name", False  # "thanked Pence for saying", "accused him of saying": the object's words
        return None, "gerund", False  # "thanked the crowd for saying that ...": not the subject's words
    if cue.participle and before.kind == "w" and before.lower == "as":
        quoted = _quoted_as(text, toks, j)
        if quoted is not None:
            return quoted, "quoted-as", False
    if cue.participle and before.kind == "w" and before.lower in _SUBJECT_GERUND_PREPS and j >= 2 \
            and toks[j - 1].text == ",":
        # "House Speaker Paul Ryan, despite admitting that ...": the subject before the comma
        m = np_left(text, toks, j - 2, 0)
        if m is not None and m.kind in ("name", "descriptor") and m.np0 == 0:
            return m, "main-clause", False
    if cue.participle and before.kind == "w" and before.lower in _SUBJECT_GERUND_PREPS and j == 0:
        # "After saying her foot was swollen, she ...": the subject of the main clause after it
        subj = sentence_subject(text, toks, len(toks))
        return (subj if subj is not None and subj.t0 > i else None), "main-clause", False
    if cue.participle:
        # "..., saying", "by saying", "despite admitting", "recalled thinking": the subject of the main clause
        if earlier is not None:
            return earlier.mention, "main-clause", False
        subj = sentence_subject(text, toks, j) if j > 0 else None
        if subj is not None and _name_before(toks, i, max(subj.end_tok, subj.t1)):
            subj = None  # "... such as Lindsey Graham, now saying": the nearest name may be meant
        return subj, "main-clause", False
    if before.kind == "w" and before.lower in ("and", "but", "then"):
        # "... and added", "... but has said": the subject of the first verb
        subj = earlier.mention if earlier is not None else sentence_subject(text, toks, j)
        return subj, "main-clause", False
    if before.text in (",",) + DASHES and not (before.text != "," and j - 1 >= 0 and toks[j - 1].kind == "q"):
        if j == 0 or toks[j - 1].kind == "q":
            return _inverted(text, toks, i, cue), "name", True  # "...," said X
        m = apposition_subject(text, toks, j, 0)  # X, the spokesman, said
        if m is not None:
            return m, "name", False
        return _inverted(text, toks, i, cue), "name", True  # ..., said X.
    if before.kind == "q":
        if cue.group == "addressee" and not cue.participle:  # "...?" asked Tom Riley, a farmer.
            m = np_right(text, toks, i + cue.n, len(toks))
            after = m.t1 if m is not None else 0
            if m is not None and m.kind != "pronoun" and (
                    after >= len(toks) or toks[after].text in (",", ".", ";", "(") or toks[after].kind == "q"):
                return m, "name", True
            return None, "name", True
        return _inverted(text, toks, i, cue), "name", True  # "..." said X
    m = np_left(text, toks, j, 0)
    if m is None:
        m = _reduced_relative_subject(text, toks, j)
    if m is not None and m.kind == "pronoun" and m.head == "who":
        m = _relative_antecedent(text, toks, m.t0)
    if m is not None and m.np0 > 0 and toks[m.np0 - 1].lower in ("if", "unless", "whether"):
        m = None  # a hypothetical: "If Russia states ..."
    return m, "name", False


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


_OBJECT_PRONOUNS = {"him": "he", "her": "she", "them": "they"}


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


def _plausible(toks: list[Tok], f: Frame, headline: bool) -> bool:
    """Filters that tell a cue verb from a noun or a non-attribution use."""
    m, i, cue = f.mention, f.i, f.cue
    if f.via == "gerund":
        return False
    if m is not None and m.kind == "descriptor" and cue.group.startswith("cognition") \
            and m.head not in _SOURCE_HEADS and not m.person:
        f.mention = m = None  # "the move is believed": no source
    if cue.group == "evidence" and not has_that(toks, f) and not (
            m is not None and (m.kind == "descriptor" and m.head in _DOCUMENT_OR_INSTITUTION
                               or m.kind == "name" and not m.person)):
        return False  # "one study found ...", not "Reyes found the keys"
    if m is not None and m.kind == "descriptor" and m.head in DOCUMENT_HEADS and toks[i].lower.endswith("ed") \
            and i + 1 < len(toks) and (toks[i + 1].lower in TIME_WORDS or toks[i + 1].lower in (
                "on", "in", "by", "at", "last", "this", "earlier", "online")):
        return False  # "a Facebook message posted Friday": a reduced relative clause
    if m is not None and m.kind == "descriptor" and toks[i].lower in _NOUNISH and all(
            t.lower in _QUANTIFIERS for t in toks[m.t0:m.t1]):
        return False  # "a few questions", "some claims"
    if m is not None and m.kind == "descriptor" and toks[m.t0].lower in ("a", "an") and i + 1 < len(toks) \
            and toks[i + 1].kind == "q" and toks[i].lower in ("called", "named", "dubbed", "titled", "labeled",
                                                              "labelled", "nicknamed", "branded"):
        return False  # "a group called "Citizens for Tomorrow"": a name, no attribution
    if m is not None and not f.inverted and any(t.lower in ("neither", "nor") for t in toks[:m.t0]):
        return False  # "Neither the Kremlin nor ... has disclosed"
    if toks[i].lower in _NOUNISH and not f.inverted and not _colon_after(toks, i + cue.n) and not (
            m is not None and (m.kind == "pronoun" or (m.kind == "name" and (m.person or m.t1 - m.t0 > 1))
                               or (m.kind == "descriptor" and m.head in _ANON_OR_INSTITUTION)
                               or (m.kind == "descriptor" and m.head in DOCUMENT_HEADS and _reports(toks, f)))):
        return False  # "Republican claims", "the remarks"; not "The memo states that ..."
    if toks[i].lower == cue.lemma and toks[i].lower in _NOUN_BASES and not f.inverted and not (
            m is not None and (m.plural or (m.kind == "pronoun" and m.head in ("i", "we", "you", "they"))
                               or _modal_before(toks, i))):
        return False  # "a Government Accountability Office report"
    if headline and (m is None or m.t1 - m.t0 > 5):
        return False
    if headline and cue.group != "speech" and not (
            cue.group in ("speech_that", "addressee") and m.kind == "name" and m.person and m.t1 - m.t0 <= 3):
        return False  # a person's "Trump Tells Supporters", "Trump Calls Clinton 'Unhinged'" are cues too
    return True


def _reports(toks: list[Tok], f: Frame) -> bool:
    """The cue introduces what is said: *that*, a colon or a quotation right after it."""
    nxt = f.i + f.cue.n
    return nxt < len(toks) and (toks[nxt].kind == "q" or toks[nxt].text == ":") or has_that(toks, f)


def _colon_soon(toks: list[Tok], k: int) -> bool:
    """A colon within a short phrase of words (``Wrote Trump on Twitter:``, ``Said Clinton
    on Monday:``): the inverted speaker of a sentence-initial cue."""
    for j in range(k, min(len(toks), k + 6)):
        if toks[j].text == ":":
            return j + 1 < len(toks) and toks[j + 1].kind == "q"
        if toks[j].kind != "w":
            return False
    return False


def _colon_after(toks: list[Tok], k: int) -> bool:
    """A colon right after a cue (``CNN reports:``, ``The statement reads in part:``): the
    cue is a verb introducing what follows, not a plural noun."""
    if k + 1 < len(toks) and toks[k].lower == "in" and toks[k + 1].lower in ("part", "full"):
        k += 2
    return k < len(toks) and toks[k].text == ":"


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


_OBJECT_PREPS = frozenset("about of on with for against over toward towards into upon".split())
# words before a name in a list of examples, whose last member may be the one saying it
_LIST_WORDS = frozenset("as including like and or especially notably namely plus".split())


def _inverted(text: str, toks: list[Tok], i: int, cue: Cue) -> Mention | None:
    if cue.group in ("addressee", "cognition", "cognition_that") or cue.participle:
        return None
    return np_right(text, toks, i + cue.n, len(toks))


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


def dash_speaker(text: str, toks: list[Tok], k: int):
    """``"..." ― Sonya Herridge`` / ``Mitt Romney -- ''...''``: a person's name joined to a
    quotation by a dash (or, before it, a colon). Returns (mention, cue offsets) or None."""
    j = k + 1
    if j < len(toks) and toks[j].text in DASHES:
        a = j
        while j < len(toks) and toks[j].text in DASHES:
            j += 1
        m = np_right(text, toks, j, len(toks))
        if m is not None and m.kind == "name" and m.person and (
                m.t1 >= len(toks) or toks[m.t1].text in (",", ".", "(", ";") + DASHES or toks[m.t1].kind == "q"):
            return m, (toks[a].start, toks[j - 1].end)
    j = k - 1
    if j >= 1 and toks[j].text in DASHES + (":",):
        a = j
        while a - 1 >= 0 and toks[a - 1].text in DASHES:
            a -= 1
        m = np_left(text, toks, a - 1, 0)
        if m is not None and m.kind == "name" and m.person and not m.parts:
            return m, (toks[a].start, toks[j].end)
    return None


def link_quote(toks: list[Tok], frames: list[Frame], k: int, initial: bool) -> tuple[Frame | None, str]:
    """The frame a quotation at ``toks[k]`` belongs to, and ``direct`` or ``partial``."""
    nxt = k + 1
    while nxt < len(toks) and toks[nxt].text in (",", "—", "―", "–"):
        nxt += 1
    # after: "...," X said. / "...," said X.
    spoken_before = any(f.i + f.cue.n <= k and f.mention is not None for f in frames)
    for f in frames:
        if f.i <= k:
            continue
        if f.mention is None and spoken_before:
            break  # "Pence insisted that Trump had "never" said that": not the speakerless "said"
        if f.quoted_as and not any(t.kind == "q" for t in toks[k + 1:f.i]):
            return f, ("direct" if initial else "partial")  # "...," X was quoted as saying
        starts = f.i if (f.inverted or f.mention is None or f.via == "main-clause") else f.mention.np0
        if f.cue.participle:
            continue
        # "...," panel Chairman Rep. Jason Chaffetz said: a few lower-case modifiers may come first
        gap = toks[nxt:starts]
        if gap and gap[-1].possessive:  # "...," North Korea's Foreign Minister Ri Son-gwon said
            g = len(gap) - 1
            while g > 0 and gap[g - 1].cap and gap[g - 1].kind == "w" and len(gap) - g < 3:
                g -= 1
            gap = gap[:g]
        if gap and gap[0].lower == "as" and f.mention is not None and not f.inverted and f.mention.np0 == nxt + 1:
            gap = []  # "... a "liar," as Trump has branded him": the frame after "as"
        if gap and gap[0].lower in ("a", "an", "the") and len(gap) <= 4 and all(
                t.kind == "w" and not t.cap for t in gap[1:]):
            gap = gap[1:] if len(gap) <= 3 else gap  # "...," a visibly moved Ryan said
        if starts >= nxt and len(gap) <= 2 and all(t.kind == "w" and not t.cap and t.lower not in STOP
                                                    for t in gap) and not any(t.kind == "q" for t in toks[k + 1:f.i]):
            return f, ("direct" if initial else "partial")
        break
    before = [f for f in frames if f.i + f.cue.n <= k and not 0 <= f.closes < k]
    if before:
        f = before[-1]
        named = [g for g in before if g.speaker]
        if not f.speaker and named and (f.mention is None or not _adjacent(toks, f, k)) \
                and not (f.mention is not None and f.mention.object_case):
            f = named[-1]  # "President Marsh ... said it would tell ... ''...''": not the unresolved "it"
        gap = toks[f.i + f.cue.n:k]
        if f.inverted and f.mention is not None and f.cue.group != "according":
            gap = toks[max(f.i + f.cue.n, f.mention.t1):k]
        if any(t.kind == "q" for t in gap):
            return (f, "partial") if f.mention is not None else (None, "")
        if gap and gap[-1].text == ":" and clause_subject(toks, f.i + f.cue.n, k - 1) is not None:
            return None, ""  # "..., X said, but Jones was unconvinced: "..."": Jones's words
        words = [t for t in gap if t.kind == "w"]
        if gap and gap[-1].text in (",", ":") and len(words) <= 10 and not any(
                t.lower in ("that", "whether", "if") for t in words):
            return f, "direct"
        if not gap and starts_upper(toks[k].text[1:]) and f.cue.group != "according":
            return f, "direct"
        return f, "partial"
    after = [f for f in frames if f.i > k and f.mention is not None and not f.cue.participle
             and _trailing(toks, f)]
    if after:
        return after[0], "partial"
    return None, ""


_CLAUSE_JOINS = frozenset("but yet while whereas and".split())


def clause_subject(toks: list[Tok], a: int, colon: int) -> int | None:
    """Where a new clause with a capitalised subject starts between ``toks[a]`` and a colon:
    ``, but Mary Jones was unconvinced:`` -> the index of *Mary*; else None."""
    for j in range(a, colon - 2):
        if toks[j].kind == "w" and toks[j].lower in _CLAUSE_JOINS and (j == a or toks[j - 1].text in (",", ";")) \
                and toks[j + 1].kind == "w" and toks[j + 1].cap and toks[j + 1].lower not in STOP:
            return j + 1
    return None


def _adjacent(toks: list[Tok], f: Frame, k: int) -> bool:
    """Only a short frame gap (``said,`` / ``told reporters:``) between cue and quotation."""
    gap = toks[f.i + f.cue.n:k]
    return len(gap) <= 4 and (not gap or gap[-1].text in (",", ":"))


def _trailing(toks: list[Tok], f: Frame) -> bool:
    """``..., X said.`` / ``..., said X.``: the frame closes its sentence."""
    end = f.i + f.cue.n
    if f.inverted and f.mention is not None:
        end = max(end, f.mention.end_tok if f.mention.end_tok > 0 else f.mention.t1)
    rest = [t for t in toks[end:] if t.kind != "p"]
    return len(rest) <= 6 and not any(t.kind == "q" for t in rest)


def has_that(toks: list[Tok], f: Frame) -> bool:
    for t in toks[f.i + f.cue.n:f.i + f.cue.n + 14]:
        if t.kind == "w" and t.lower == "that":
            return True
        if t.kind == "q" or t.text in (",", ";", ":", "."):
            return False
    return False


def trim_clause(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and (text[a].isspace() or text[a] in ",:;"):
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] in ".,;:—–-"):
        b -= 1
    if text.startswith("that ", a):
        a += 5
    return a, b


_ADDRESSEES = frozenset("reporters the a an him her them me us journalists lawmakers supporters crowd audience "
                        "his their its our".split())


def _span(text: str, toks: list[Tok], a: int, b: int) -> tuple[int, int] | None:
    """Offsets of ``toks[a:b]`` trimmed of punctuation and a leading *that*; None when fewer
    than two words remain or only adverbials do (``warned the day before, saying``)."""
    if a >= b:
        return None
    s, e = trim_clause(text, toks[a].start, toks[b - 1].end)
    while text[s:e].lower().endswith((" and", " but", " or")):
        e = text.rfind(" ", s, e)
        s, e = trim_clause(text, s, e)
    words = words_of(text[s:e])
    if len(words) < 2 and not any(t.kind == "q" for t in toks[a:b]):
        return None
    if all(w.lower().strip(".,") in _ADVERBIAL for w in words):
        return None
    return s, e


def reported_clause(text: str, toks: list[Tok], frames: list[Frame], idx: int) -> tuple[int, int] | None:
    """The reported clause of ``frames[idx]`` as offsets into ``text``, or None.

    * forward: after the cue (an addressee, adverbials and *that* skipped) to the end of
      the sentence, the next frame that starts a new clause, or a direct quotation;
    * trailing (``CLAUSE, X said.`` / ``CLAUSE, said X.`` / ``CLAUSE, according to X.``):
      the clause before the frame;
    * parenthetical (``A, X said, B``): the whole sentence;
    * ``According to X, CLAUSE``: the clause after the comma.
    """
    f = frames[idx]
    n = len(toks)
    m = f.mention
    stop = n
    while stop > 0 and toks[stop - 1].kind == "p" and toks[stop - 1].text in ".!?;:…":
        stop -= 1
    if f.inverted and m is not None:
        fs, fe = f.i, max(f.i + f.cue.n, m.end_tok if m.end_tok > 0 else m.t1)
    elif f.via == "main-clause" or m is None:
        fs, fe = f.i, f.i + f.cue.n
    else:
        fs, fe = min(m.np0, f.i), f.i + f.cue.n
    limit = stop
    for g in frames[idx + 1:]:
        if g.i < fe or g.closes >= 0:
            continue  # a cue inside a relative clause does not end the reported clause
        start = g.i if (g.inverted or g.mention is None or g.via == "main-clause") else g.mention.np0
        if _cuts(toks, g, start, fe):
            limit = min(start, stop)
            break
    comma_before = fs > 0 and toks[fs - 1].text in (",", "—", "―", "–")
    head = _span(text, toks, 0, fs - 1) if comma_before else None
    # the first comma right after the frame (only adverbials between): "A, X said Tuesday, B"
    close = None
    for k in range(fe, min(limit, fe + 7)):
        if toks[k].text == ",":
            close = k
            break
        if toks[k].kind != "w" or toks[k].lower == "that":
            break
    if f.cue.group == "according":
        if close is not None and (fs == 0 or not comma_before):
            return _span(text, toks, close + 1, limit)  # According to X, CLAUSE
        if head is not None:
            return head  # CLAUSE, according to X
        return _span(text, toks, fe, limit)
    if f.inverted:
        if head is not None and f.via != "main-clause":
            return head  # CLAUSE, said X.
        return None
    # forward start: skip an addressee and adverbials up to "that"
    j = fe
    if f.cue.group == "addressee" and f.cue.lemma not in ("urge", "ask", "advise"):
        while j < limit and j - fe < 4 and toks[j].lower != "that" and (
                toks[j].kind == "q" or (toks[j].kind == "w" and (toks[j].cap or toks[j].lower in _ADDRESSEES))):
            j += 1
    while j < limit and toks[j].kind == "w" and (toks[j].lower in TIME_WORDS or (
            toks[j].lower in ("on", "last", "this", "late", "early") and j + 1 < limit
            and toks[j + 1].lower in TIME_WORDS)):
        j += 1  # "said Tuesday the plan ...", "said on Monday the plan ..."
    that = False
    for k in range(j, min(limit, j + 12)):
        t = toks[k]
        if t.kind == "q" or t.text in (",", ";", ":", ".", "!", "?"):
            break
        if t.kind == "w" and t.lower == "that" and k + 2 < limit:
            j, that = k + 1, True
            break
    if j < limit and (toks[j].kind == "q" and (j == fe or toks[j - 1].text in (",", ":"))
                      or toks[j].text in (",", ":") and j + 1 < limit and toks[j + 1].kind == "q"):
        return None  # a direct quotation follows: the quotation is the content
    end = limit
    for k in range(j, limit):
        if toks[k].text in (",", ":") and k + 1 < limit and toks[k + 1].kind == "q" and (
                toks[k].text == ":" or k + 2 >= limit or starts_upper(toks[k + 1].text[1:])):
            end = k
            break
    forward = _span(text, toks, j, end)
    if not that and j < end and toks[j].kind == "w" and (toks[j].lower in _ADVERBIAL_STARTS or (
            toks[j].lower == "to" and j + 1 < end and (toks[j + 1].lower in _ADDRESSEES or toks[j + 1].cap))):
        forward = None  # "said after the meeting", "told reporters during a visit", "said to the crowd"
    if f.via == "main-clause" or that:
        return forward
    if comma_before and close is not None and not _modal_before(toks, f.i):
        return _span(text, toks, 0, limit)  # A, X said, B
    if forward is None and head is not None and not _modal_before(toks, f.i) and limit >= stop:
        return head  # CLAUSE, X said.
    return forward


def _cuts(toks: list[Tok], g: Frame, start: int, after: int) -> bool:
    """Does frame ``g`` (starting at ``toks[start]``) end the reported clause that starts at
    ``toks[after]``? A nested attribution inside the clause ("said he hoped ...") does not;
    a following participle, a coordinated clause or a trailing frame does."""
    ing = g.cue.participle or g.cue.group == "according"  # ", saying ..." / ", according to ..."
    if start <= after:
        return start == after and ing
    prev = toks[start - 1]
    if ing:
        return prev.text in (",", "—", "―", "–", ";") or prev.kind == "q"
    if prev.text == ";" or prev.lower in ("and", "but", "while", "whereas", "although", "though"):
        return True
    if prev.text in (",", "—", "―", "–"):
        end = g.i + g.cue.n
        if g.inverted and g.mention is not None:
            end = max(end, g.mention.t1)
        return end >= len(toks) - 1 or toks[end].text in (",", ".", ";", ":") or toks[end].kind == "q"
    return prev.kind == "q"


def standalone(text: str, a: int, b: int, span: QuoteSpan) -> bool:
    """A headline quotation that stands on its own: nothing but separators around it."""
    before = text[a:span.open].strip()
    after = text[span.close:b].strip()
    ok_before = not before or before.endswith(SEPARATORS)
    ok_after = not after or after.startswith(SEPARATORS)
    return ok_before and ok_after
