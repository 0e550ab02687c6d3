"""Word lists and small token tests shared by the attribution rules
(:mod:`.frames`, :mod:`.subjects`, :mod:`.clauses`): auxiliaries, negations, nouns that
look like cue verbs, adverbials, and tests such as a modal before a cue or a passive.
"""
from __future__ import annotations

from ..text.paragraphs import words_of
from .tokens import Tok
from .word_lists import (
    ADVERBS_BEFORE_CUE,
    ANON_HEADS,
    DOCUMENT_HEADS,
    INSTITUTION_HEADS,
    SPEAKER_HEADS,
    STOP,
    TIME_WORDS,
    TITLES,
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
DASH_OR_COLON = DASHES + (":",)
COMMA_OR_DASH = (",",) + DASHES
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


def starts_upper(s: str) -> bool:
    """The first letter (after opening marks) is a capital."""
    s = s.lstrip(" \"'“‘(")
    return bool(s) and s[0].isupper()


def sentence_like(content: str) -> bool:
    """Reads like a clause, not like a name: lower-case content words after the first."""
    words = words_of(content)
    return len(words) >= 3 and any(w.islower() and w.lower() not in _FUNCTION for w in words[1:])


def positions(words: list[str], hits) -> list[int]:
    """The indices of the ``words`` that are in ``hits`` (a few distinct words, such as
    ``lexicon.keys() & words``), in order: found by the list's own search, not word by word."""
    out: list[int] = []
    for w in hits:
        i = -1
        for _ in range(words.count(w)):
            i = words.index(w, i + 1)
            out.append(i)
    if len(hits) > 1:
        out.sort()
    return out


def _modal_before(toks: list[Tok], i: int) -> bool:
    """A modal or *to* before the cue (``would respond``, ``to say``)."""
    k = i - 1
    while k >= 0 and toks[k].kind == "w" and toks[k].lower in ("not", "also", "still", "never", "n't"):
        k -= 1
    return k >= 0 and toks[k].kind == "w" and (toks[k].lower in _MODALS or toks[k].lower.endswith("n't"))


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


_RELATIVES = frozenset("which who whom whose where when".split())
_TO_NOUNS = frozenset("promise pledge vow threat call demand".split())
# "In X's words, ...": nouns after "in" and a possessor that attribute the clause after the comma
_IN_VIEW = frozenset("words view views opinion telling account estimation judgment judgement".split())
POSSESSIVE_PRONOUNS = {"his": "he", "her": "she", "their": "they"}  # not "its": rarely a speaker's
_OBJECT_PRONOUNS = {"him": "he", "her": "she", "them": "they"}
_OBJECT_PREPS = frozenset("about of on with for against over toward towards into upon".split())
# words before a name in a list of examples, whose last member may be the one saying it
_LIST_WORDS = frozenset("as including like and or especially notably namely plus".split())
_CLAUSE_JOINS = frozenset("but yet while whereas and".split())
_ADDRESSEES = frozenset("reporters the a an him her them me us journalists lawmakers supporters crowd audience "
                        "his their its our".split())
