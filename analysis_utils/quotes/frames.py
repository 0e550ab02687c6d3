"""Attribution frames of a sentence: the cue words that act as verbs
(:func:`find_cues`), their speaker phrases (:func:`sentence_frames`), passive cues with an
agent (:func:`passive_frames`) and speech nouns with a possessor (:func:`noun_frames`).
See :mod:`analysis_utils.quotes.attribution` for the rules.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .cues import THOUGHT_GROUPS, Cue, CueLexicon
from .frame_words import (
    COMMA_OR_DASH,
    POSSESSIVE_PRONOUNS,
    _AGENT_HEADS,
    _ANON_OR_INSTITUTION,
    _BE,
    _DET_POSS,
    _DOCUMENT_OR_INSTITUTION,
    _GERUND_PREPS,
    _IN_VIEW,
    _IRREGULAR_PARTICIPLES,
    _NEGATION,
    _NOUNISH,
    _NOUN_BASES,
    _QUANTIFIERS,
    _RELATIVES,
    _SOURCE_HEADS,
    _SUBJECT_GERUND_PREPS,
    _TO_NOUNS,
    _ly_adverb,
    _modal_before,
    _passive_before,
    _skip_left,
    positions,
)
from .names import Mention, _name_tok, is_title
from .speakers import apposition_subject, np_left, np_right
from .tokens import Tok
from .word_lists import ADVERBS_BEFORE_CUE, DOCUMENT_HEADS, STOP, TIME_WORDS, TITLES
from .subjects import (
    _name_before,
    _object_before,
    _quoted_as,
    _reduced_relative_subject,
    _relative_antecedent,
    possessor_mention,
    sentence_subject,
)


@dataclass(slots=True)
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


def cue_words(toks: list[Tok]) -> list[str]:
    """The lower-case words of a sentence's tokens, ``""`` for punctuation and quotations
    (what :meth:`CueLexicon.match` reads)."""
    return [t.lower if t.kind == "w" else "" for t in toks]


def find_cues(toks: list[Tok], lex: CueLexicon, headline: bool,
              words: list[str] | None = None, starts: set[str] | None = None) -> list[tuple[int, Cue]]:
    """``(token index, cue)`` for the cue verbs of a sentence that act as verbs: lower case
    (capitalised only in a headline, or *Said X:* opening a sentence), not after a
    determiner, possessive or *to*, not passive, not negated. ``words``: :func:`cue_words`
    of ``toks``, and ``starts``: those of them a cue of the lexicon starts with, when the
    caller has them."""
    if words is None:
        words = cue_words(toks)
    if starts is None:
        starts = lex.single.keys() & words | lex.multi.keys() & words
    out = []
    nxt = 0  # the words of a cue after its first start no other cue
    for i in positions(words, starts):  # where a cue may start
        if i < nxt:
            continue
        t = toks[i]
        if t.kind != "w" or (t.cap and not headline and words[i] != "according" and i > 0):
            continue
        cue = lex.match(words, i)
        if cue is None:
            continue
        nxt = i + cue.n
        if t.cap and i == 0 and not headline and cue.group != "according" and (
                cue.participle or cue.group not in ("speech", "quote_only")):
            continue  # only "Said Ellis: ..." opens a sentence with a cue
        if acts_as_verb(toks, i, cue):
            out.append((i, cue))
    return out


def acts_as_verb(toks: list[Tok], i: int, cue: Cue) -> bool:
    """The cue word at ``toks[i]`` is used as a verb of its own: not after a determiner,
    possessive or *to*, not passive, not negated, not a modifier of a title."""
    t = toks[i]
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
        for x in range(max(0, k), i):
            if toks[x].kind == "w" and (toks[x].lower in _NEGATION or toks[x].lower.endswith("n't")):
                ok = False  # "did not say", "has never claimed"
                break
    if ok and t.lower == cue.lemma and t.lower in _NOUN_BASES and i + 1 < len(toks) and is_title(toks[i + 1]):
        ok = False  # a modifier of a title: "state Sen. Ana Ruiz", "state Del. ..."
    return ok


_KEYS: dict[int, tuple[CueLexicon, frozenset[str], frozenset[str]]] = {}


def _lexicon_keys(lex: CueLexicon) -> tuple[frozenset[str], frozenset[str]]:
    """The words a cue of ``lex`` starts with, and its speech nouns with the words of
    ``_IN_VIEW``: built once per lexicon (a lexicon does not change)."""
    kept = _KEYS.get(id(lex))
    if kept is None or kept[0] is not lex:
        if len(_KEYS) > 8:
            _KEYS.clear()
        kept = _KEYS[id(lex)] = (lex, frozenset(lex.single) | frozenset(lex.multi), frozenset(lex.nouns) | _IN_VIEW)
    return kept[1], kept[2]


def sentence_frames(text: str, toks: list[Tok], lex: CueLexicon, headline: bool = False) -> list[Frame]:
    """The attribution frames of one sentence (tokens from :func:`speakers.tokenize`), in
    order; ``headline`` allows capitalised cues (``Marsh Says ...``) with short subjects."""
    frames: list[Frame] = []
    words = cue_words(toks)
    cue_keys, noun_keys = _lexicon_keys(lex)
    vocab = set(words)
    starts = cue_keys & vocab
    nouns = noun_keys & vocab
    quoted = any(t.kind == "q" for t in toks)
    beside = verbs_beside_quotation(toks, words, cue_keys) if quoted and not headline else []
    if lex.tagger is not None and not headline and not quoted:
        # learned cues only where no quotation is: the rules attribute quotations
        taken = {i for i, _ in beside}
        for i in lex.tagger.cues(toks, words, cue_keys,
                                 lambda k: k not in taken and acts_as_verb(toks, k, learned_cue(words[k]))):
            beside.append((i, learned_cue(words[i])))
    if not starts and not nouns and not beside:
        return frames  # no word that may be a cue, a passive cue or a speech noun
    single = lex.single.keys() & starts
    found = find_cues(toks, lex, headline, words, starts) if starts else []
    if beside:
        found = sorted(found + beside, key=lambda x: x[0])
    for i, cue in found:
        f = Frame(i, cue, None)
        f.mention, f.via, f.inverted = _speaker_phrase(text, toks, i, cue, frames)
        if f.via == "quoted-as":
            f.via, f.quoted_as = "name", True
        if f.mention is None and not f.inverted and cue.group in ("speech", "quote_only") and (
                i == 0 or toks[i - 1].kind == "q" or toks[i - 1].text in (",", "—", "―", "–")):
            alt = _inverted(text, toks, i, cue)  # "...," said X / , said X,
            if alt is not None and i + cue.n < len(toks) and alt.kind != "pronoun":
                after = _past_place(toks, alt)
                if after >= len(toks) or toks[after].text in (",", ".", ";", ":", ")") or toks[after].kind == "q" \
                        or (i == 0 and _colon_soon(toks, after)):
                    f.mention, f.inverted = alt, True
        if _plausible(toks, f, headline):
            frames.append(f)
    # (the frames are in token order: the lists below are merged only when they have frames)
    if lex.nouns and not headline and nouns:
        frames = sorted(frames + noun_frames(text, toks, lex, words, nouns), key=lambda f: f.i)
    passive = {f.i: f for f in passive_frames(text, toks, lex, words, single)} if single and not headline else {}
    if passive:
        frames = [passive.pop(f.i) if f.i in passive and f.mention is None else f for f in frames]
        taken = {f.i for f in frames}
        frames = sorted(frames + [f for i, f in passive.items() if i not in taken], key=lambda f: f.i)
    for f in frames:
        f.closes = _relative_close(toks, f.i)
    # a cue inside another frame's apposition ("X, who asked not to be named, warned") is no frame
    inside = {k for f in frames if f.mention is not None and f.mention.role_span
              for k in range(*f.mention.role_span)}
    return [f for f in frames if f.i not in inside]


_AFTER_VERB = frozenset(("to", "at", "in", "on", "from", "during", "as", "while", "after", "before", "with",
                         "back", "out", "up", "again", "loudly", "angrily"))
_BE_HAVE = frozenset(("is", "was", "were", "are", "be", "been", "being", "has", "had", "have"))
_NOT_SPEECH_ED = frozenset(("used", "based", "called", "named", "related", "needed", "wanted", "tried",
                            "seemed", "appeared", "continued", "supposed", "followed"))


def verbs_beside_quotation(toks: list[Tok], words: list[str], cue_keys: frozenset[str]) -> list[tuple[int, Cue]]:
    """Past-tense verbs the lexicon does not list that can only frame the quotation they
    touch: ``"...," Oliver barked.`` and ``"...!" beamed Donald Hartley`` (the quotation
    ends in a comma, ``!`` or ``?``; the verb ends its clause or takes the name).
    Each becomes a ``quote_only`` cue: it never attributes anything but that quotation."""
    out: list[tuple[int, Cue]] = []
    n = len(toks)
    for i, t in enumerate(toks):
        w = words[i]
        if t.kind != "w" or t.cap or len(w) < 5 or not w.endswith("ed") or w in cue_keys or w in _NOT_SPEECH_ED \
                or w in STOP:
            continue
        if i >= 1 and toks[i - 1].kind == "q" and _ends_open(toks[i - 1]):
            if i + 1 < n and toks[i + 1].kind == "w" and toks[i + 1].cap:  # "...," barked Oliver
                out.append((i, Cue(w, "quote_only", 1, w)))
            continue
        # "...," NAME verbed[.,] -- one to four words after the quotation, a name or he/she
        j = i - 1
        while j >= 0 and toks[j].kind == "w" and i - j <= 4:
            j -= 1
        if j < 0 or j == i - 1 or toks[j].kind != "q" or not _ends_open(toks[j]) or toks[i - 1].lower in _BE_HAVE:
            continue  # not "... was quoted as": a passive or perfect is no frame of its own
        first = toks[j + 1]
        if not (first.cap or first.lower in ("he", "she", "they")):
            continue
        if i + 1 == n or toks[i + 1].text in (".", ",", ";", "!") or toks[i + 1].lower in _AFTER_VERB:
            out.append((i, Cue(w, "quote_only", 1, w)))
    return out


@lru_cache(maxsize=4096)
def learned_cue(word: str) -> Cue:
    """The cue of a word the learned tagger found: group ``cognition`` (never speech), and
    ``learned`` (it changes no speaker state; see :mod:`.cue_model`)."""
    return Cue(word, "cognition", 1, word, learned=True)


def _ends_open(q: Tok) -> bool:
    """A quotation token whose words end with a comma, ``!`` or ``?`` before the closing mark:
    the sentence goes on with its frame."""
    inner = q.text.rstrip("\"”’'»").rstrip()
    return inner[-1:] in (",", "!", "?")


def passive_frames(text: str, toks: list[Tok], lex: CueLexicon, words: list[str] | None = None,
                   single: set[str] | None = None) -> list[Frame]:
    """Passive speech cues with their agent: ``was described by one official as the
    "emir of oil and gas"``, ``has been called "a liar" by his rivals``, ``immigrants
    described by a friend as "..."`` (a reduced relative, *by* right after the cue). The
    agent (a name or a speaker noun after *by*, within eight words of the cue) is the
    source. ``single``: the words of the sentence that are one-word cues of the lexicon,
    when the caller has them."""
    out = []
    if words is None:
        words = cue_words(toks)
    if single is None:
        single = lex.single.keys() & words
    # a passive cue is a one-word cue of the lexicon, a participle
    for i in positions(words, {w for w in single if w.endswith("ed") or w in _IRREGULAR_PARTICIPLES}):
        if not 1 <= i < len(toks) - 2:
            continue
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


def noun_frames(text: str, toks: list[Tok], lex: CueLexicon, words: list[str] | None = None,
                hits: set[str] | None = None) -> list[Frame]:
    """Frames of speech nouns (``lex.nouns``) with a possessor before them and *that* (or,
    for *promise, pledge, vow, threat, call, demand*, *to*) after them: ``Trump's claim that
    the vote is "rigged"``, ``the senator's warning that ...``, ``her promise to "drain the
    swamp"``. The possessor is the source: a name, a definite descriptor (*the senator's*)
    or a possessive pronoun; up to two lower-case modifiers may stand between
    (``Trump's repeated claims that``). A noun frame attributes quoted words after it; it
    makes no reported-speech row of its own. ``In X's words,`` / ``In his view,`` (``_IN_VIEW``)
    work as *according to X,*: the clause after the comma is X's. ``hits``: the words of
    the sentence that are speech nouns or in ``_IN_VIEW``, when the caller has them."""
    out = []
    nouns = lex.nouns
    if words is None:
        words = cue_words(toks)
    if hits is None:
        hits = _IN_VIEW.intersection(words).union(nouns.keys() & words)
    # only words can be speech nouns or "In X's words,"
    for i in positions(words, hits):
        if not 1 <= i < len(toks) - 1:
            continue
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


def _speaker_phrase(text: str, toks: list[Tok], i: int, cue: Cue,
                    frames: list[Frame]) -> tuple[Mention | None, str, bool]:
    """``(mention, via, inverted)`` for the cue at ``toks[i]``; ``frames`` are the earlier
    frames of the sentence (for participles and coordinated verbs)."""
    if cue.group == "according":
        return np_right(text, toks, i + cue.n, len(toks), apposition=False), "name", True
    j = _skip_left(toks, i - 1, 0)
    before = toks[j] if j >= 0 else None
    if before is None:
        return None, "name", False
    if cue.participle and before.kind == "w" and before.lower in _BE:
        j = _skip_left(toks, j - 1, 0)  # progressive: "Reyes is saying"
        if j >= 1 and toks[j].text == ",":  # "Donald Trump, the candidate, is promising"
            return apposition_subject(text, toks, j, 0), "name", False
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
        earlier = _earlier(frames)
        if earlier is not None:
            return earlier.mention, "main-clause", False
        subj = sentence_subject(text, toks, j) if j > 0 else None
        if subj is not None and _name_before(toks, i, max(subj.end_tok, subj.t1)):
            subj = None  # "... such as Lindsey Graham, now saying": the nearest name may be meant
        return subj, "main-clause", False
    if before.kind == "w" and before.lower in ("and", "but", "then"):
        # "... and added", "... but has said": the subject of the first verb
        earlier = _earlier(frames)
        subj = earlier.mention if earlier is not None else sentence_subject(text, toks, j)
        return subj, "main-clause", False
    if before.text in COMMA_OR_DASH and not (before.text != "," and j - 1 >= 0 and toks[j - 1].kind == "q"):
        if j == 0 or toks[j - 1].kind == "q":
            return _inverted(text, toks, i, cue), "name", True  # "...," said X
        m = apposition_subject(text, toks, j, 0)  # X, the spokesman, said
        if m is not None:
            return m, "name", False
        return _inverted(text, toks, i, cue), "name", True  # ..., said X.
    if before.kind == "q":
        if cue.group == "addressee" and not cue.participle:  # "...?" asked Tom Riley, a farmer.
            m = np_right(text, toks, i + cue.n, len(toks)) or _any_phrase_after(text, toks, i, cue)
            after = _past_place(toks, m) if m is not None else 0
            if m is not None and m.kind != "pronoun" and (
                    after >= len(toks) or toks[after].text in (",", ".", ";", "(") or toks[after].kind == "q"):
                return m, "name", True
            return None, "name", True
        m = _inverted(text, toks, i, cue) or _any_phrase_after(text, toks, i, cue)
        return m, "name", True  # "..." said X
    m = np_left(text, toks, j, 0)
    if m is None:
        m = _reduced_relative_subject(text, toks, j)
    if m is not None and m.kind == "pronoun" and m.head == "who":
        m = _relative_antecedent(text, toks, m.t0)
    if m is not None and m.np0 > 0 and toks[m.np0 - 1].lower in ("if", "unless", "whether"):
        m = None  # a hypothetical: "If Russia states ..."
    return m, "name", False


def _any_phrase_after(text: str, toks: list[Tok], i: int, cue: Cue) -> Mention | None:
    """Right after a quotation, ``said the woman`` / ``says a narrator``: the short phrase
    after the cue is the speaker whatever its head noun, when it starts with an article
    and ends the clause."""
    k = i + cue.n
    if cue.participle or cue.group in THOUGHT_GROUPS or k >= len(toks) \
            or toks[k].lower not in ("the", "a", "an"):
        return None
    m = np_right(text, toks, k, len(toks), generic=True)
    if m is None or m.kind != "descriptor":
        return None
    after = m.end_tok if m.end_tok > m.t1 else m.t1
    if after < len(toks) and toks[after].text not in (",", ".", ";", "!") and toks[after].kind != "q":
        return None
    return m


def _past_place(toks: list[Tok], m: Mention) -> int:
    """The token after the mention ``m`` and a place that follows a person's name
    (``Sen. Barbara Mikulski of Maryland``, ``Donald Hartley of Madison, Alabama``)."""
    after = m.t1
    n = len(toks)
    if m.kind == "name" and m.person and after + 1 < n and toks[after].lower == "of" and _name_tok(toks[after + 1]):
        after += 1
        while after < n and (_name_tok(toks[after]) or (
                toks[after].text == "," and after + 2 < n and _name_tok(toks[after + 1])
                and toks[after + 2].text in (",", "."))):
            after += 1
    return after


def _earlier(frames: list[Frame]) -> Frame | None:
    """The last of the sentence's earlier frames that has a speaker phrase (not one of a
    learned cue: those never decide another frame's speaker)."""
    return next((g for g in reversed(frames) if g.mention is not None and not g.cue.learned), None)


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


def _inverted(text: str, toks: list[Tok], i: int, cue: Cue) -> Mention | None:
    if cue.group in ("addressee", "cognition", "cognition_that") or cue.participle:
        return None
    return np_right(text, toks, i + cue.n, len(toks))


def has_that(toks: list[Tok], f: Frame) -> bool:
    for t in toks[f.i + f.cue.n:f.i + f.cue.n + 14]:
        if t.kind == "w" and t.lower == "that":
            return True
        if t.kind == "q" or t.text in (",", ";", ":", "."):
            return False
    return False
