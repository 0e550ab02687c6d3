"""Actor mentions: names, aliases, titles, surnames, pronouns, metonyms and references.

:func:`find_mentions` finds every mention of a registry actor in an article, with
character offsets, and says how each was found (``via``). :func:`discover_actors`
lists people the registry does not know, with the role the text gives them, so the
analyst can add them. :func:`roll_up` counts people toward their country.

Mentions table (:func:`find_mentions`)
--------------------------------------
``actor``        canonical name from the registry
``kind``         the actor's kind: person, country, organisation, bloc
``country``      the actor's country (a country is its own)
``start, end``   offsets into the article text (``end`` exclusive)
``text``         ``text[start:end]``
``sentence_id``  the sentence holding the mention (see ``Article.sentences``)
``via``          how it was found:
                 ``name`` (canonical name), ``alias`` (a registry alias),
                 ``title+name`` ("President Putin", "Chairman Kim Jong-un"),
                 ``surname`` (the family name alone, after a full mention of that
                 person; "Kim" alone never reaches Kim Jong-un when another Kim was
                 named more recently), ``pronoun`` (he/his/him/she/her, to the most
                 recent compatible person outside quotations; a sentence-initial
                 subject pronoun prefers the previous sentence's first person),
                 ``reference`` (a registry reference such as "the Kremlin", or
                 "the <demonym> government/side/authorities ..."),
                 ``government`` (an unqualified "the government": the outlet's own
                 country when known, else the country of the official named in the
                 same or next sentence), ``metonym`` (a capital acting as its
                 government: "Pyongyang said", not "arrived in Pyongyang"),
                 ``demonym`` ("Russian", "North Korean workers"; a demonym that is part
                 of a title, as in "Russian President Vladimir Putin", is not counted)
``in_quote``     the mention stands inside a double-quoted passage
``antecedent``   for pronouns and surnames: the text of the mention they resolve to

Which of these count as mentions of a country is a choice: all of them do here, and
``via`` lets an analysis keep or drop demonyms and metonyms.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from typing import Iterable

import pandas as pd

from .registry import _FAMILY_NAME_FIRST as _FAMILY_FIRST
from .registry import Registry, load_registry, outlet_country
from ..errors import InputTypeError
from ..text.alternation import alternation, word_alternation
from ..text.deadline import check_deadline
from ..text.document import Document
from ..text.frames import bools, ints, strings, table
from ..text.spans import DisjointSpans


MENTION_COLUMNS = [
    "actor", "kind", "country", "start", "end", "text", "sentence_id", "via", "in_quote", "antecedent",
]
DISCOVERY_COLUMNS = [
    "name", "role", "country_hint", "pattern", "start", "end", "sentence_id", "mentions", "in_registry",
]

# --- general English: titles and role words ------------------------------------------
TITLES = (
    "President", "Vice President", "Chairman", "Chairwoman", "Chair", "Premier",
    "Prime Minister", "Minister", "Foreign Minister", "Defense Minister", "Defence Minister",
    "Unification Minister", "Secretary", "Secretary of State", "General Secretary",
    "Secretary-General", "Secretary General", "Leader", "Supreme Leader", "Chancellor", "King", "Queen",
    "Emperor", "Director", "Ambassador", "Senator", "Sen.", "Rep.", "Representative", "Governor",
    "Gov.", "Mayor", "Spokesperson", "Spokesman", "Spokeswoman", "Commander", "General", "Gen.",
    "Admiral", "Adm.", "Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "Professor", "Lawmaker", "Envoy",
    "Chief", "Marshal", "Pope", "Prince", "Princess", "Crown Prince", "Lt. Gen.", "Col.", "Capt.",
)
TITLE_MODIFIERS = ("State", "Vice", "Deputy", "First", "Senior", "Acting", "Former", "former", "then-", "Interim")
ROLE_WORDS = frozenset(
    """fellow director minister president chairman chairwoman chair professor analyst researcher
    spokesperson spokesman spokeswoman official secretary ambassador lawmaker chief head ceo
    leader adviser advisor editor expert scholar envoy commander general member representative
    senator governor mayor aide correspondent reporter economist strategist diplomat officer
    lecturer dean president-elect premier chancellor founder partner manager analysts officials
    experts researchers""".split()
)
SPEECH_VERBS = (
    "said", "says", "say", "told", "added", "adds", "warned", "warns", "noted", "notes", "stressed",
    "stresses", "explained", "explains", "argued", "argues", "claimed", "claims", "insisted",
    "insists", "evaluated", "evaluates", "announced", "announces", "wrote", "writes", "asked",
    "asks", "urged", "urges", "emphasized", "emphasised", "predicted", "predicts", "assessed",
    "assesses", "commented", "remarked", "replied", "acknowledged", "admitted", "suggested",
    "recalled", "continued", "concluded", "confirmed", "denied", "expressed", "stated", "states",
)
_PRONOUNS = {
    "he": "male", "him": "male", "his": "male", "himself": "male",
    "she": "female", "her": "female", "hers": "female", "herself": "female",
}
_GOV_NOUNS = (
    "government", "side", "authorities", "administration", "regime", "leadership", "military",
    "army", "foreign ministry", "defense ministry", "defence ministry", "embassy", "delegation",
    "state media", "officials",
)
_PLACE_BEFORE = re.compile(
    r"(?:\b(?:in|to|at|from|into|toward|towards|near|around|via|for|of|across|outside|inside|"
    r"between|and|visit|visits|visited|visiting|arrive|arrives|arrived|arriving|arrival|reach|"
    r"reached|leave|leaves|left|fly|flew|travel|travelled|traveled|head|headed|heading|return|"
    r"returned|returning|back|over|through|on)|['’]s)\s+$",
    re.IGNORECASE,
)
_STOP_CAPS = frozenset(
    """The A An This That These Those In On At For From To Of And But Or If When While After Before
    According Earlier Recently However Meanwhile So Some It Its Their They He She His Her We I You
    Our Also Neither Nor Both Attention Talks Expected Heading Photo Image Source Top Close Text
    January February March April May June July August September October November December Monday
    Tuesday Wednesday Thursday Friday Saturday Sunday North South East West Korea Korean Russian
    Chinese Japanese American Ukrainian Soviet Western Eastern National Security Office Institute
    Ministry Party Committee Assembly Council Union Agency News Daily Times Herald Post University
    Treaty Friendship Dialogue Peninsula Cosmodrome Oblast State Republic People Democratic""".split()
)

_NAME_TOKEN = r"[A-Z][a-z'’]+(?:-[A-Za-z][a-z]+)?"
_NAME = rf"{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{1,3}}"


def _alt(words: Iterable[str]) -> str:
    """The alternation of ``words``, longest first (as a prefix tree: see
    :mod:`analysis_utils.text.alternation`); no words: the empty pattern."""
    words = set(words)
    return word_alternation(words) if words else ""


@dataclass
class _Match:
    start: int
    end: int
    actor: str | None  # None: resolved later (pronoun, surname, government)
    via: str
    sentence_id: int
    gender: str | None = None  # pronouns
    surname: str | None = None  # surnames
    antecedent: str = ""


class _Patterns:
    """Regular expressions compiled once per registry."""

    def __init__(self, reg: Registry):
        self.reg = reg
        self._hint_forms: list | None = None
        forms: dict[str, tuple[str, str]] = {}
        demonyms: dict[str, str] = {}
        metonyms: dict[str, str] = {}
        surnames: dict[str, list[str]] = {}
        for a in reg:
            forms.setdefault(a.name, (a.name, "name"))
            for al in a.aliases:
                forms.setdefault(al, (a.name, "alias"))
            for ref in a.references:
                forms.setdefault(ref, (a.name, "reference"))
            for d in a.demonyms:
                demonyms[d] = a.name
            for m in a.metonyms:
                metonyms[m] = a.name
            fam = a.family_name
            if fam and fam not in forms:
                surnames.setdefault(fam, []).append(a.name)
        self.forms = forms
        self.demonyms = demonyms
        self.metonyms = metonyms
        self.surnames = surnames
        # "the <demonym> government/side/..." for every demonym (singular adjectives)
        # "\b[Tt]he" written "[Tt](?<![\w][Tt])he": the same, and the engine skips to a "t"
        self.gov = re.compile(
            rf"[Tt](?<![\w][Tt])he\s+(?P<dem>{_alt(demonyms)})\s+(?:{_alt(_GOV_NOUNS)})\b" if demonyms else r"(?!)"
        )
        self.generic_gov = re.compile(r"[Tt](?<![\w][Tt])he\s+(?:government|administration)\b")

        def form_items(f: str) -> list:
            if f.startswith("the "):
                # "the North" but not "the North Atlantic", "the South" but not "the South Korea-..."
                tail = r"(?!\s+[A-Z])"
                return [("The" + f[3:], tail), ("the" + f[3:], tail)]
            return [f]

        # the forms longest first, each at a word start: (?<![\w])(?:form|form|...)(?![\w])
        ordered = sorted(forms, key=len, reverse=True)
        self.names = re.compile(
            "(?:" + alternation([it for f in ordered for it in form_items(f)], r"[\w]") + r")(?![\w])"
        ) if ordered else re.compile(r"(?!)")
        not_word = r"[\w-]"  # what may not stand right before a demonym, metonym or surname
        self.demonym_re = re.compile("(?:" + word_alternation(demonyms, not_word) + r")(?![\w])") \
            if demonyms else re.compile(r"(?!)")
        self.metonym_re = re.compile("(?:" + word_alternation(metonyms, not_word) + r")(?![\w-])") \
            if metonyms else re.compile(r"(?!)")
        self.surname_re = re.compile("(?:" + word_alternation(surnames, not_word) + r")(?![\w-])") \
            if surnames else re.compile(r"(?!)")
        dem = _alt(demonyms) if demonyms else "(?!)"
        poss = _alt(a.name for a in reg if a.kind == "country")
        self.title_prefix = re.compile(
            rf"(?:(?:(?:{dem})|(?:{poss})['’]s)\s+)?(?:(?:{_alt(TITLE_MODIFIERS)})\s+){{0,2}}(?:{_alt(TITLES)})\s+$"
        )


    def hint_forms(self) -> list:
        """``(actor, pattern)`` per actor: its name, aliases and demonyms as whole words
        (for :func:`_country_hint`), compiled on first use."""
        if self._hint_forms is None:
            self._hint_forms = [
                (a, re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(f) for f in (a.name, *a.aliases, *a.demonyms))
                               + r")(?![\w-])"))
                for a in self.reg
            ]
        return self._hint_forms


_PATTERN_CACHE: dict[int, _Patterns] = {}


def _patterns(reg: Registry) -> _Patterns:
    key = id(reg)
    cached = _PATTERN_CACHE.get(key)
    if cached is None or cached.reg is not reg:
        cached = _PATTERN_CACHE[key] = _Patterns(reg)
    return cached


def quote_spans(text: "str | Document") -> list[tuple[int, int]]:
    """Double-quoted passages (marks included) of a text or a document.

    The passages are the document's quotation marks (:attr:`Document.quote_marks`, read
    by :func:`analysis_utils.text.quote_marks.quote_spans`, the one the quote finder
    uses): curly and straight marks decided by context, a quotation broken by a line
    break bridged, an unbalanced mark never running past its paragraph. Only top-level
    double-mark passages count here (a single-quoted term is usually a scare quote or a
    title, not somebody's words), and a stray opening mark protects nothing; the
    paragraphs of a quotation running over several paragraphs each count, the last one
    too when the text leaves it unclosed.
    """
    doc = Document(text) if isinstance(text, str) else text
    return [(q.open, q.close) for q in doc.quote_marks
            if q.family == "double" and q.depth == 0 and (q.continued or not q.unclosed)]


class _Inside:
    """``_Inside(spans)(pos)``: is ``pos`` in one of the half-open ``spans`` (which may
    overlap)? By bisection over the spans sorted by start."""

    def __init__(self, spans: list[tuple[int, int]]):
        order = sorted(spans)
        self.starts = [s for s, _ in order]
        self.reach: list[int] = []  # the furthest end of the spans up to each one
        far = None
        for _, e in order:
            far = e if far is None or e > far else far
            self.reach.append(far)

    def __call__(self, pos: int) -> bool:
        k = bisect.bisect_right(self.starts, pos)
        return k > 0 and self.reach[k - 1] > pos


# (?:(?:MODIFIER)\s+)?(?:TITLE)\s+(NAME), written (?:MODIFIER\s+(?:TITLE)|TITLE)\s+(NAME): the
# same, tried in the same order, and a pattern whose first characters the engine knows
_TITLE_NAME_RE = re.compile(
    "(?:" + alternation([(m, rf"\s+(?:{_alt(TITLES)})") for m in sorted(set(TITLE_MODIFIERS), key=len, reverse=True)]
                        + sorted(set(TITLES), key=len, reverse=True)) + rf")\s+({_NAME})"
)
_APPOSITION_RE = re.compile(rf"({_NAME}),\s+(?P<role>[^,;\"“”]{{3,120}}?)(?=,|\s+(?:{_alt(SPEECH_VERBS)})\b)")
_SPEECH_NAME_RE = re.compile(rf"({_NAME})\s+(?:{_alt(SPEECH_VERBS)})\b|\b(?:said|says|told|added)\s+({_NAME})")
# what each of the three needs somewhere in a sentence (a sentence without it is skipped)
_TITLE_NAME_NEEDS = re.compile(rf"(?:{_alt(TITLES)})\s+[A-Z]")
_SPEECH_NAME_NEEDS = re.compile(_alt(SPEECH_VERBS))
_TOKEN = re.compile(r"\S+")
_PRONOUN_RE = re.compile(  # \b(?:[Hh]e|[Hh]im|[Hh]is|[Hh]imself|[Ss]he|[Hh]er|[Hh]ers|[Hh]erself)\b
    r"(?:H(?<![\w]H)(?:e|im|is|imself|er|ers|erself)|h(?<![\w]h)(?:e|im|is|imself|er|ers|erself)"
    r"|S(?<![\w]S)he|s(?<![\w]s)he)\b"
)
_CAP_WORD_AFTER = re.compile(r"\s+([A-Z][a-z]+)")
_CAP_WORD_BEFORE = re.compile(r"([A-Z][a-z]+)\s+$")
_NAME_GOES_ON = re.compile(r"[ -][A-Z]")
_SUBJECT_LEAD = re.compile(r"\s*(?:[A-Z][\w ,'’-]{0,40},\s*)?")


def _person_names(text: str, s0: int, s1: int, reg: Registry) -> list[tuple[int, int, str, str]]:
    """Names of people that the registry may not know: (start, end, name, pattern).

    A capitalised sequence counts as a person only with evidence: a title before it,
    an apposition with a role word after it, or a speech verb right after it.
    """
    seg = text[s0:s1]
    out = []
    for rx, pattern in ((_TITLE_NAME_RE, "title"), (_APPOSITION_RE, "apposition"), (_SPEECH_NAME_RE, "speech-verb")):
        if pattern == "title":
            if not _TITLE_NAME_NEEDS.search(seg):
                continue
        elif pattern == "apposition":
            if "," not in seg:
                continue
        elif not _SPEECH_NAME_NEEDS.search(seg):
            continue
        for m in rx.finditer(seg):
            g = 1 if m.group(1) else 2
            toks = [(t.start(), t.end(), t.group()) for t in _TOKEN.finditer(m.group(g))]
            while toks and toks[0][2] in _STOP_CAPS:
                toks = toks[1:]
            if len(toks) < 2 or any(t[2] in _STOP_CAPS for t in toks):
                continue
            name = " ".join(t[2] for t in toks)
            start, end = s0 + m.start(g) + toks[0][0], s0 + m.start(g) + toks[-1][1]
            if pattern == "apposition":
                role = m.group("role").strip()
                if not any(w.lower().strip(".,'’s") in ROLE_WORDS for w in role.split()):
                    continue
            out.append((start, end, name, pattern))
    return out


def find_mentions(
    article: "Document | str",
    registry: Registry | None = None,
    *,
    home_country: str | None = None,
    include_demonyms: bool = True,
    resolve_pronouns: bool = True,
) -> pd.DataFrame:
    """Every mention of a registry actor in ``article`` (an Article or a text).

    Parameters
    ----------
    registry: the actor registry (default: :func:`analysis_utils.actors.registry.load_registry`).
    home_country: the country an unqualified "the government" stands for; default:
        ``article.meta["country"]``, else the outlet's country from ``data/outlets.yml``.
    include_demonyms: count "Russian", "North Korean ..." as mentions of the country.
    resolve_pronouns: resolve he/his/him/she/her to people.

    Returns the mentions table described in the module docstring, in text order. Reads
    the document's sentences and quotation marks; computed once per document for the
    same arguments and kept on it.
    """
    doc = Document(article) if isinstance(article, str) else article
    if not isinstance(doc, Document):
        raise InputTypeError(f"find_mentions() needs an Article or a str, not {type(article).__name__}")
    reg = registry if registry is not None else load_registry()
    key = ("mentions", id(reg), home_country, include_demonyms, resolve_pronouns)
    return doc.layer(key, lambda: (reg, _find_mentions(doc, reg, home_country, include_demonyms,
                                                        resolve_pronouns)))[1]


def _find_mentions(article: Document, reg: Registry, home_country: str | None, include_demonyms: bool,
                   resolve_pronouns: bool) -> pd.DataFrame:
    pats = _patterns(reg)
    text = article.text
    if home_country is None:
        home_country = article.meta.get("country") or outlet_country(article.meta.get("outlet"))
    in_quote = _Inside(quote_spans(article))
    sents = article.sentence_rows  # (start, end, segment_id, kind); sentence_id is the position
    heads = {p.segment_id for p in article.blocks if p.headline}  # headline, deck, crossheads

    matches: list[_Match] = []
    persons_seen: list[tuple[int, int, str, str | None, bool, int]] = []  # start, end, name, actor, in_quote, sid
    for sid, (s0, s1, _segment, kind) in enumerate(sents):
        check_deadline()
        seg = text[s0:s1]
        title_case = _segment in heads  # capitals prove nothing in a heading
        cands: list[_Match] = []
        consumed: list[tuple[int, int]] = []
        for m in pats.names.finditer(seg):
            form = m.group(0)
            key = form if form in pats.forms else "the" + form[3:]
            actor, via = pats.forms[key]
            a = reg.get(actor)
            start, end = s0 + m.start(), s0 + m.end()
            if a and a.kind == "person":
                tp = pats.title_prefix.search(text[max(s0, start - 80) : start])
                if tp:
                    consumed.append((start - len(tp.group(0)), start))
                    start -= len(tp.group(0))
                    via = "title+name"
            elif via == "alias" and len(form.split()) == 1 and not title_case and _inside_longer_name(text, start, end, s0):
                continue  # "America" in "South America"
            cands.append(_Match(start, end, actor, via, sid))
        for m in pats.gov.finditer(seg):
            cands.append(_Match(s0 + m.start(), s0 + m.end(), pats.demonyms[m.group("dem")], "reference", sid))
        for m in pats.generic_gov.finditer(seg):
            cands.append(_Match(s0 + m.start(), s0 + m.end(), None, "government", sid))
        for m in pats.metonym_re.finditer(seg):
            start, end = s0 + m.start(), s0 + m.end()
            if _PLACE_BEFORE.search(text[max(s0, start - 30) : start]) or (
                not title_case and _inside_longer_name(text, start, end, s0)
            ):
                continue
            cands.append(_Match(start, end, pats.metonyms[m.group(0)], "metonym", sid))
        if include_demonyms:
            for m in pats.demonym_re.finditer(seg):
                start, end = s0 + m.start(), s0 + m.end()
                if any(a <= start < b for a, b in consumed):
                    continue
                cands.append(_Match(start, end, pats.demonyms[m.group(0)], "demonym", sid))
        for m in pats.surname_re.finditer(seg):
            cands.append(_Match(s0 + m.start(), s0 + m.end(), None, "surname", sid, surname=m.group(0)))
        if resolve_pronouns:
            for m in _PRONOUN_RE.finditer(seg):
                g = _PRONOUNS[m.group(0).lower()]
                cands.append(_Match(s0 + m.start(), s0 + m.end(), None, "pronoun", sid, gender=g))
        for st, en, name, _pat in _person_names(text, s0, s1, reg):
            persons_seen.append((st, en, name, None, in_quote(st), sid))
        if len(cands) > 1:
            matches += _non_overlapping(cands)
        else:
            matches += cands

    return _resolve(text, matches, persons_seen, reg, in_quote, [r[0] for r in sents], home_country)


def _inside_longer_name(text: str, start: int, end: int, sent_start: int) -> bool:
    """A capitalised word right before (not at sentence start) or after: part of a longer name."""
    after = _CAP_WORD_AFTER.match(text[end : end + 30])
    if after and after.group(1) not in _FUNCTION_CAPS:
        return True
    before = _CAP_WORD_BEFORE.search(text[max(sent_start, start - 30) : start])
    return bool(before and before.group(1) not in _FUNCTION_CAPS)


_FUNCTION_CAPS = frozenset(
    """The A An This That In On At For From To Of And But Or If When While After Before According
    So Some It Its Their They He She His Her We I You Our Also Is Has Was Will Said Says Did Does
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June
    July August September October November December""".split()
)


def _non_overlapping(cands: list[_Match]) -> list[_Match]:
    """Longest first; drop candidates overlapping an already kept one."""
    kept: list[_Match] = []
    spans = DisjointSpans()
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), c.start)):
        if not spans.overlaps(c.start, c.end):
            kept.append(c)
            spans.add(c.start, c.end)
    return sorted(kept, key=lambda c: c.start)


def _resolve(text, matches, persons_seen, reg: Registry, in_quote: _Inside, sent_starts: list[int],
             home_country) -> pd.DataFrame:
    """Resolve surnames, pronouns and "the government" in text order."""
    # people in order: registry people from the matches, plus unregistered names
    people: list[dict] = []
    for m in matches:
        a = reg.get(m.actor) if m.actor else None
        if a is not None and a.kind == "person":
            people.append(dict(start=m.start, end=m.end, name=a.name, actor=a.name, gender=a.gender,
                               family=a.family_name, in_quote=in_quote(m.start), sid=m.sentence_id))
    known_spans = DisjointSpans()  # the matches do not overlap
    for p in people:
        known_spans.add(p["start"], p["end"])
    for st, en, name, _actor, inq, sid in persons_seen:
        if known_spans.overlaps(st, en):
            continue
        fam = name.split()[0] if name.split()[0].lower() in _FAMILY_FIRST else name.split()[-1]
        people.append(dict(start=st, end=en, name=name, actor=None, gender=None, family=fam, in_quote=inq, sid=sid))
    people.sort(key=lambda p: p["start"])
    sent_first_person: dict[int, dict] = {}
    for p in people:
        if not p["in_quote"]:
            sent_first_person.setdefault(p["sid"], p)
    sent_start = dict(enumerate(sent_starts))
    # indexes of ``people`` (sorted by start) for the lookups below, so that each costs the
    # people near a mention, not every person of the text
    p_starts = [p["start"] for p in people]
    p_sids = [p["sid"] for p in people]
    reach = list(accumulate((p["end"] for p in people), max))  # furthest end of people[:i+1]
    by_family: dict[str, list[int]] = {}
    for i, p in enumerate(people):
        by_family.setdefault(p["family"], []).append(i)

    cols: list[list] = [[] for _ in MENTION_COLUMNS]
    (c_actor, c_kind, c_country, c_start, c_end, c_text, c_sid, c_via, c_inq, c_ante) = cols
    for k, m in enumerate(matches):
        actor, antecedent = m.actor, ""
        if m.via == "surname":
            i = bisect.bisect_right(p_starts, m.start)
            if (i and reach[i - 1] > m.start) or _NAME_GOES_ON.match(text[m.end : m.end + 2]):
                continue  # part of a longer name ("Kim Min-ji")
            prior = _last_before(people, by_family.get(m.surname, ()), m.start)
            if prior is None or prior["actor"] is None:
                continue
            actor, antecedent = prior["actor"], text[prior["start"] : prior["end"]]
        elif m.via == "pronoun":
            if in_quote(m.start):
                continue
            lo = bisect.bisect_left(p_sids, m.sentence_id - 2)  # people of this sentence and the two before
            near = people[lo : bisect.bisect_right(p_starts, m.start, lo)]
            ante = _antecedent(m, near, None, sent_first_person, sent_start, text)
            if ante is None or ante["actor"] is None:
                continue
            actor, antecedent = ante["actor"], text[ante["start"] : ante["end"]]
        elif m.via == "government":
            actor = home_country or _official_country(m, matches, reg, k)
            if actor is None:
                continue
        a = reg.get(actor)
        if a is None:
            continue
        c_actor.append(a.name)
        c_kind.append(a.kind)
        c_country.append(a.name if a.kind == "country" else a.country)
        c_start.append(m.start)
        c_end.append(m.end)
        c_text.append(text[m.start : m.end])
        c_sid.append(m.sentence_id)
        c_via.append(m.via)
        c_inq.append(in_quote(m.start))
        c_ante.append(antecedent)
    if not c_actor:
        return _empty_mentions()
    return table({
        "actor": strings(c_actor), "kind": strings(c_kind), "country": strings(c_country),
        "start": ints(c_start), "end": ints(c_end), "text": strings(c_text), "sentence_id": ints(c_sid),
        "via": strings(c_via), "in_quote": bools(c_inq), "antecedent": strings(c_ante),
    })


_EMPTY: list[pd.DataFrame] = []


def _empty_mentions() -> pd.DataFrame:
    """The mentions table without rows (a copy of one made once)."""
    if not _EMPTY:
        df = pd.DataFrame([], columns=MENTION_COLUMNS)
        _EMPTY.append(df.astype({"start": "int64", "end": "int64", "sentence_id": "int64", "in_quote": "bool"}))
    return _EMPTY[0].copy()


def _antecedent(m: _Match, people, quotes, sent_first_person, sent_start, text):
    compatible = [
        p for p in people
        if p["end"] <= m.start and not p["in_quote"] and (p["gender"] in (None, m.gender))
        and m.sentence_id - p["sid"] <= 2
    ]
    if not compatible:
        return None
    lead = text[sent_start.get(m.sentence_id, m.start) : m.start]
    subject_position = m.gender and _SUBJECT_LEAD.fullmatch(lead) is not None
    if subject_position and text[m.start : m.end].lower() in {"he", "she"}:
        prev = sent_first_person.get(m.sentence_id - 1)
        if prev is not None and prev in compatible:
            return prev
    return compatible[-1]


def _last_before(people: list[dict], indexes, pos: int) -> dict | None:
    """The last of ``people[i] for i in indexes`` (sorted by start) that ends by ``pos`` and
    does not start there."""
    j = bisect.bisect_left(indexes, pos, key=lambda i: people[i]["start"])
    for i in reversed(indexes[:j]):
        if people[i]["end"] <= pos:
            return people[i]
    return None


def _official_country(m: _Match, matches: list[_Match], reg: Registry, k: int = 0) -> str | None:
    """The country of the first registry person named in the same or the next sentence
    (``matches`` sorted by start, ``k`` the index of ``m`` in it)."""
    for other in matches[k + 1 :]:
        if other.sentence_id > m.sentence_id + 1:
            break
        if other.sentence_id in (m.sentence_id, m.sentence_id + 1) and other.actor and other.start > m.start:
            a = reg.get(other.actor)
            if a is not None and a.kind == "person" and a.country:
                return a.country
    return None


def roll_up(mentions: pd.DataFrame, registry: Registry | None = None, *, link_predecessors: bool = False) -> pd.DataFrame:
    """Mentions with a ``counted_as`` column: people and organisations count toward their country.

    With ``link_predecessors=True`` a predecessor state counts toward its successor
    (the Soviet Union toward Russia); by default they are kept apart.
    """
    reg = registry if registry is not None else load_registry()
    out = mentions.copy()

    def target(name: str) -> str:
        a = reg.get(name)
        if a is None:
            return name
        dest = a.country if a.kind in ("person", "organisation") and a.country else a.name
        if link_predecessors:
            d = reg.get(dest)
            if d is not None and d.successor:
                dest = d.successor
        return dest

    out["counted_as"] = [target(n) for n in out["actor"]]
    return out


def discover_actors(article: "Document | str", registry: Registry | None = None) -> pd.DataFrame:
    """Names of people in the text, with their role where the text gives one.

    Looks for a title before a capitalised name ("Foreign Minister Jane Roe"), an
    apposition with a role word after it ("Park Ji-won, a professor at
    ..."), or a speech verb next to it ("Chang said"). Returns
    ``name, role, country_hint, pattern, start, end, sentence_id, mentions, in_registry``,
    one row per name (its first occurrence), registry people included and flagged.
    """
    if isinstance(article, str):
        article = Document(article)
    reg = registry if registry is not None else load_registry()
    text = article.text
    known = {}
    for a in reg:
        if a.kind == "person":
            for form in (a.name, *a.aliases):
                known[form] = a.name
    rows: dict[str, dict] = {}
    for sid, (s0, s1, _segment, _kind) in enumerate(article.sentence_rows):
        for st, en, name, pattern in _person_names(text, s0, s1, reg):
            if name in rows:
                continue
            role = _role_after(text, en, s1) or _title_before(text, st, s0)
            rows[name] = {
                "name": name,
                "role": role,
                "country_hint": _country_hint(role, reg),
                "pattern": pattern,
                "start": st,
                "end": en,
                "sentence_id": sid,
                "mentions": len(_name_re(name).findall(text)),
                "in_registry": name in known,
            }
    df = pd.DataFrame(list(rows.values()), columns=DISCOVERY_COLUMNS)
    return df.sort_values("start", kind="stable").reset_index(drop=True)


@lru_cache(maxsize=256)
def _name_re(name: str) -> "re.Pattern[str]":
    """The name as a whole word."""
    return re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])")


_ROLE_AFTER_RE = re.compile(r",\s+([^,;\"“”]{3,120}?)(?=,|\s+(?:" + _alt(SPEECH_VERBS) + r")\b|$)")
_TITLE_BEFORE_RE = re.compile(rf"((?:[A-Z][\w'’.-]*\s+){{0,3}}(?:{_alt(TITLES)}))\s+$")


def _role_after(text: str, end: int, limit: int) -> str:
    m = _ROLE_AFTER_RE.match(text[end:limit])
    if not m:
        return ""
    role = m.group(1).strip()
    return role if any(w.lower().strip(".,'’s") in ROLE_WORDS for w in role.split()) else ""


def _title_before(text: str, start: int, sent_start: int) -> str:
    m = _TITLE_BEFORE_RE.search(text[sent_start:start])
    return m.group(1).strip() if m else ""


def _country_hint(role: str, reg: Registry) -> str:
    if not role:
        return ""
    for a, forms in _patterns(reg).hint_forms():
        if forms.search(role):  # one of the actor's name, aliases and demonyms, as a word
            return a.name if a.kind == "country" else (a.country or "")
    return ""
