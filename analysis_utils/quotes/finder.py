"""Who said what: quotations, reported speech and their speakers.

:func:`find_quotes` reads a text and returns one row per quotation (direct, partial,
headline, scare) and per reported statement without quotation marks (indirect), with
the speaker resolved. :func:`find_quotes_in_article` does the same for a loaded
:class:`~analysis_utils.article.Article`, skipping page furniture and the repeated
headline at the start of captions.

Columns of the quotes table
---------------------------
``quote_id``       0..n-1 in text order
``kind``           ``direct`` (a quoted utterance), ``partial`` (quoted words inside
                   reported speech), ``indirect`` (reported speech without marks: the
                   reported clause), ``headline`` (a quotation in a headline or deck with
                   no cue), ``scare`` (quoted words that are nobody's speech: a term, a
                   name, a label)
``text``           ``text[start:end]``: what stands between the marks (for ``indirect``,
                   the reported clause)
``start``, ``end`` offsets into the text, ``end`` exclusive
``speaker``        the resolved full name; or the phrase naming an unnamed source
                   (``diplomatic sources``, ``a presidential official``); ``""`` when
                   unknown. A wrong speaker is worse than none: when unsure, ``""``
``speaker_start``, ``speaker_end``  the mention naming the speaker (the pronoun for a
                   pronoun speaker); ``<NA>`` without a speaker
``speaker_role``   the role the text gives (apposition or title), else ``""``
``speaker_via``    how the speaker was found: ``name``, ``pronoun``, ``descriptor``,
                   ``collective`` (a group, an institution, a document), ``main-clause``
                   (``..., saying, "..."``; ``... and added, "..."``), ``continuation``
                   (a later quotation of the same paragraph with no cue),
                   ``previous-paragraph``, ``multi-paragraph``, ``transcript``
                   (``NAME: ...``), ``headline-subject`` (``Name: "..."`` in a headline),
                   ``lead-in`` (a quotation without cue that ends its sentence, after a
                   colon in a sentence about a named person -- ``Obama has a new
                   message: "..."`` -- or right after a sentence of the same paragraph
                   about one -- ``Sanders identified ... as a reason. "..."``);
                   ``""`` without a speaker
``anonymous``      True for an unnamed source (``officials``, ``a senior U.S. official``)
``cue``, ``cue_start``, ``cue_end``  the cue (``said``, ``according to``, ``:``) and its
                   offsets; ``""``/``<NA>`` when none
``paragraph``      0-based index of the paragraph (text blocks separated by line breaks)
                   holding the quotation's start
``attribution``    rows that share it belong to one attribution: the pieces of one
                   utterance (``"A," he said. "B."``; a multi-paragraph quotation) and a
                   partial quotation with the reported clause around it
``marks``          the opening quotation mark (``""`` for indirect speech and transcripts)
``unclosed``       the quotation mark never closes: the span stops at the paragraph end

dtypes: ``string`` for text columns, ``int64`` for offsets, ids and ``paragraph``,
nullable ``Int64`` for the optional speaker and cue offsets, ``bool`` for flags. An
empty table keeps all the columns and dtypes.

Two more columns from :func:`find_quotes_in_article` (the actor registry)
-----------------------------------------------------------------------------
``speaker_actor``   the registry actor the speaker is (canonical name), else ``""``:
                    the speaker's name or an alias (``Kim Jong Un`` -> ``Kim Jong-un``,
                    ``Putin``), a registry reference (``the Kremlin`` -> ``Russia``), or
                    a family name alone when the article names that actor in full
                    somewhere; ``speaker`` itself is canonicalised for names and aliases
                    (a reference such as *the Kremlin* stays as written)
``speaker_country`` the actor's registry country; else the first country the role or
                    the speaker phrase names through the registry's country names,
                    aliases, demonyms and references, or through an organisation or
                    person with a country (``North Korea's Foreign Minister`` ->
                    ``North Korea``, ``a senior U.S. official`` -> ``United States``,
                    ``Senior Research Fellow at the Korea Institute for National
                    Unification`` -> ``South Korea``); ``""`` otherwise

Paragraphs and headlines
------------------------
With ``segments`` (:attr:`Article.segments`), paragraphs are its non-blank segments;
headline and deck lines are ``headline``/``subheadline`` segments, and credits, bylines,
copyright lines and page furniture are skipped. Without it, lines separated by line
breaks are paragraphs (a hard-wrapped line that runs on joins the next), and a
title-like line above the first paragraph of prose, a one-line first paragraph, or a
short Title-Case crosshead counts as a headline line (not a line of more than six words
with a lower-case verb-like word -- ``Bernie Sanders campaigned for Hillary Clinton in
New Hampshire.`` is prose -- nor one ending in a colon, which introduces a quotation).

How it works, module by module (general rules, no parser model):
:mod:`~analysis_utils.text.quote_marks` pairs the quotation marks;
:mod:`~analysis_utils.quotes.cues` reads the cue verbs of ``data/cue_verbs.yml``;
:mod:`~analysis_utils.quotes.speakers` finds the speaker phrase next to a cue;
:mod:`~analysis_utils.quotes.name_index` resolves short names and descriptions;
:mod:`~analysis_utils.quotes.attribution` builds the frames of a sentence and their clauses;
:mod:`~analysis_utils.quotes.builder` walks the text keeping track of who is speaking.
"""
from __future__ import annotations

from typing import Mapping

import pandas as pd

from .attribution import title_case, words_of
from .cues import CueLexicon, default_lexicon
from .builder import Paragraph, QuoteBuilder
from ..text.quote_marks import quote_spans

COLUMNS = [
    "quote_id", "kind", "text", "start", "end", "speaker", "speaker_start", "speaker_end",
    "speaker_role", "speaker_via", "anonymous", "cue", "cue_start", "cue_end", "paragraph",
    "attribution", "marks", "unclosed",
]
ARTICLE_COLUMNS = COLUMNS + ["speaker_actor", "speaker_country"]
KINDS = ("direct", "partial", "indirect", "headline", "scare")
ANALYSED_SEGMENTS = ("headline", "subheadline", "body", "caption")
_STRING = ["kind", "text", "speaker", "speaker_role", "speaker_via", "cue", "marks"]
_NULLABLE = ["speaker_start", "speaker_end", "cue_start", "cue_end"]
_TERMINAL = ".!?…"


# --- paragraphs ------------------------------------------------------------------------------

def _lines(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every line, without its line break (``\\n``, ``\\r\\n`` or ``\\r``)."""
    out, pos = [], 0
    n = len(text)
    while pos <= n:
        nl = min((i for i in (text.find("\n", pos), text.find("\r", pos)) if i >= 0), default=n)
        out.append((pos, nl))
        if nl >= n:
            break
        pos = nl + (2 if text.startswith("\r\n", nl) else 1)
    return out


def _title_like(s: str) -> bool:
    """Title Case, or a short line that does not end like a sentence."""
    words = words_of(s)
    if not words or len(words) > 30:
        return False
    if title_case(words):
        return True
    end = s.rstrip().rstrip("\"'”’»)")
    return len(words) <= 15 and not end.endswith((".", ":", ";", ","))


def _paragraphs(text: str, segments: pd.DataFrame | None) -> list[Paragraph]:
    """The paragraphs of ``text`` (see the module docstring); skipped segments stay in the
    list as empty paragraphs so that ``paragraph`` numbers every non-blank block."""
    if segments is not None and len(segments):
        out = []
        for row in segments.itertuples(index=False):
            if row.kind == "blank":
                continue
            a = int(getattr(row, "content_start", row.start))
            b = int(row.end)
            keep = row.kind in ANALYSED_SEGMENTS
            out.append(Paragraph(len(out), a if keep else b, b, row.kind in ("headline", "subheadline")))
        return out
    # blocks separated by line breaks; a hard-wrapped line joins the next one
    lines = [(a, b) for a, b in _lines(text) if text[a:b].strip()]
    paras: list[list[int]] = []
    prev = None
    for a, b in lines:
        if prev is not None and _wrapped(text, prev, (a, b)):
            paras[-1][1] = b
        else:
            paras.append([a, b])
        prev = (a, b)
    out = []
    first_prose = next((k for k, (a, b) in enumerate(paras) if not _title_like(text[a:b])), None)
    for k, (a, b) in enumerate(paras):
        s = text[a:b]
        words = words_of(s)
        if first_prose is None or len(paras) < 2:
            head = False
        elif k < first_prose:
            head = k == 0 or not _prose_verb(words)  # title lines above the first paragraph of prose
        elif k == 0:
            head = len(words) <= 20 and len(paras) >= 3  # a one-line title ending in a full stop
        else:
            head = len(words) <= 12 and title_case(words) and not _quote_led(s) and not _prose_verb(words) \
                and not s.rstrip().endswith(":")  # "According to The Washington Post:" leads into a quotation
        out.append(Paragraph(k, a, b, head))
    return out


def _prose_verb(words: list[str]) -> bool:
    """A sentence of prose, not a crosshead, though nearly all its words are capitalised
    names: more than six words, one of them a lower-case word of four letters or more
    (``Bernie Sanders campaigned for Hillary Clinton in New Hampshire``; a crosshead --
    ``Knack for Deals``, ``A Reclamation Plan`` -- capitalises every such word)."""
    return len(words) > 6 and any(w.islower() and len(w) > 3 and w not in _TITLE_SMALL for w in words)


# lower-case words of four letters or more that a Title Case heading may keep
_TITLE_SMALL = frozenset("with from into onto over after about than upon amid near past till until "
                         "when that this what down versus".split())


def _quote_led(s: str) -> bool:
    return s.lstrip()[:1] in "\"“'‘«"


def _wrapped(text: str, prev: tuple[int, int], cur: tuple[int, int]) -> bool:
    """Does line ``cur`` continue line ``prev`` (hard-wrapped prose, not a new paragraph)?"""
    a, b = prev
    c, d = cur
    between = text[b:c]
    if between.count("\n") + between.count("\r") - between.count("\r\n") > 1:
        return False  # a blank line
    p, q = text[a:b].rstrip(), text[c:d].lstrip()
    if not p or not q:
        return False
    if q[0].islower():
        return True
    return len(p) >= 40 and p[-1] not in _TERMINAL + ":;\"'”’)" and not title_case(words_of(p)) \
        and len(p) <= 100


# --- public API ------------------------------------------------------------------------------

_DTYPES = {c: "string" for c in _STRING}
_DTYPES.update({c: "Int64" for c in _NULLABLE})
_DTYPES.update({c: "int64" for c in ("quote_id", "start", "end", "paragraph", "attribution")})
_DTYPES.update({"anonymous": "bool", "unclosed": "bool"})


def _frame(rows: list[dict]) -> pd.DataFrame:
    """The quotes table with its dtypes (strings, nullable integers for optional offsets)."""
    return pd.DataFrame({c: pd.array([r[c] for r in rows], dtype=_DTYPES[c]) for c in COLUMNS})


def _empty() -> pd.DataFrame:
    return _frame([])


def find_quotes(text: str, *, aliases: Mapping[str, str] | None = None,
                segments: pd.DataFrame | None = None, lexicon: CueLexicon | None = None) -> pd.DataFrame:
    """Quotations and reported speech in ``text``, with speakers (columns: module docstring).

    ``aliases`` maps surface or full names to canonical names (an actor registry's
    aliases); it is applied to the resolved speaker. ``segments`` (a table like
    :attr:`Article.segments`) says which lines are headline, deck, body or caption, and
    which to skip; without it, short title-like lines before the first paragraph of
    prose count as headline lines. ``lexicon`` replaces the cue verbs of
    ``data/cue_verbs.yml``. Never raises for any string.
    """
    if not isinstance(text, str) or not text.strip():
        return _empty()
    lex = lexicon or default_lexicon()
    paras = _paragraphs(text, segments)
    spans = quote_spans(text, [(p.start, p.end) for p in paras])
    b = QuoteBuilder(text, paras, spans, lex)
    b.run()
    if not b.rows:
        return _empty()
    rows = sorted(b.rows, key=lambda r: (r["start"], r["end"]))
    renum: dict[int, int] = {}
    for r in rows:
        r["attribution"] = renum.setdefault(r["attribution"], len(renum))
        r["text"] = text[r["start"]:r["end"]]
        r["cue"] = text[r["cue_start"]:r["cue_end"]] if r["cue_start"] is not None else ""
        if aliases and r["speaker"]:
            r["speaker"] = _canonical(r["speaker"], r, text, aliases)
    for k, r in enumerate(rows):
        r["quote_id"] = k
    return _frame(rows)


def _canonical(speaker: str, row: dict, text: str, aliases: Mapping[str, str]) -> str:
    surface = text[row["speaker_start"]:row["speaker_end"]] if row["speaker_start"] is not None else ""
    keys = [speaker, surface, "the " + surface]
    for key in keys:
        if key in aliases:
            return aliases[key]
    folded = {str(k).casefold(): v for k, v in aliases.items()}
    for key in keys:
        if key.casefold() in folded:
            return folded[key.casefold()]
    return speaker


def find_quotes_in_article(article, registry=None, registry_aliases: Mapping[str, str] | None = None) -> pd.DataFrame:
    """:func:`find_quotes` on an :class:`~analysis_utils.article.Article`: headline, deck,
    body and captions only (page furniture, credits, bylines and copyright lines are
    skipped, and so is the repeated headline at the start of a caption). Offsets index
    ``article.text``.

    ``registry``: the actor registry that canonicalises speakers and gives
    ``speaker_actor`` and ``speaker_country`` (module docstring); ``None`` loads the
    default one (:func:`analysis_utils.actors.registry.load_registry`), ``False`` or an empty
    :class:`~analysis_utils.actors.registry.Registry` switches it off (both columns ``""``).
    ``registry_aliases`` maps more surface names to canonical names (applied first).
    Columns: :data:`ARTICLE_COLUMNS`.
    """
    df = find_quotes(article.text, aliases=registry_aliases, segments=article.segments)
    if registry is None:
        from ..actors.registry import load_registry

        registry = load_registry()
    return with_registry(df, article.text, registry or None)


def with_registry(quotes: pd.DataFrame, text: str, registry) -> pd.DataFrame:
    """``quotes`` (from :func:`find_quotes` on ``text``) with ``speaker`` canonicalised
    through ``registry`` and the columns ``speaker_actor`` and ``speaker_country`` added
    (``""`` throughout when ``registry`` is None or empty)."""
    out = quotes.copy()
    actors, countries = [], []
    index = _RegistryIndex.of(registry, text) if registry is not None and len(registry) else None
    speakers = list(out["speaker"])
    for k, r in enumerate(out.itertuples(index=False)):
        actor = country = ""
        if index is not None and r.speaker:
            surface = text[int(r.speaker_start):int(r.speaker_end)] if not pd.isna(r.speaker_start) else ""
            actor = index.actor(str(r.speaker), surface)
            a = registry.get(actor) if actor else None
            if a is not None and a.kind == "person":
                speakers[k] = actor
            country = (registry.country_of(actor) or "") if actor else ""
            if not country:
                lead = _title_before(text, int(r.speaker_start)) if not pd.isna(r.speaker_start) else ""
                country = (index.country_hint(str(r.speaker_role)) or index.country_hint(lead)
                           or index.country_hint(str(r.speaker)))
        actors.append(actor)
        countries.append(country)
    out["speaker"] = pd.array(speakers, dtype="string")
    out["speaker_actor"] = pd.array(actors, dtype="string")
    out["speaker_country"] = pd.array(countries, dtype="string")
    return out


def _title_before(text: str, start: int) -> str:
    """The capitalised words right before a speaker mention (``North Korea's Foreign
    Minister`` before ``Ri Son-gwon``), or ``""``."""
    import re

    m = re.search(r"((?:[A-Z][\w.'’-]*\s+(?:of\s+|the\s+)*){1,6})$", text[max(0, start - 80):start])
    return m.group(1).strip() if m else ""


class _RegistryIndex:
    """Look-ups of one registry for one text: names, aliases and references to actors,
    family names of actors the text names in full, and country hints."""

    _cache: dict[tuple[int, int], "_RegistryIndex"] = {}

    def __init__(self, registry, text: str):
        import re

        self.forms: dict[str, str] = {}
        self.folded: dict[str, str] = {}
        family: dict[str, list[str]] = {}
        hints: dict[str, str] = {}
        for a in registry:
            for form in (a.name, *a.aliases, *a.references):
                self.forms.setdefault(form, a.name)
                self.folded.setdefault(form.casefold(), a.name)
            if a.kind == "person" and a.family_name:
                family.setdefault(a.family_name, []).append(a.name)
            country = a.name if a.kind == "country" else (a.country or "")
            if country:
                for form in (a.name, *a.aliases, *a.demonyms, *a.references):
                    hints.setdefault(form, country)
        # a family name alone stands for an actor only when it is that actor's alone in the
        # registry and the text names the actor in full (name or an alias of two words or more)
        self.family = {}
        for fam, names in family.items():
            if len(names) != 1:
                continue
            a = registry.get(names[0])
            full = [f for f in (a.name, *a.aliases) if len(f.split()) >= 2]
            if any(re.search(rf"(?<![\w-]){re.escape(f)}(?![\w-])", text) for f in full):
                self.family[fam] = a.name
        self.hints = hints
        alt = "|".join(re.escape(f) for f in sorted(hints, key=len, reverse=True))
        self.hint_re = re.compile(rf"(?<![\w-])(?:{alt})(?![\w-])") if alt else None

    @classmethod
    def of(cls, registry, text: str) -> "_RegistryIndex":
        key = (id(registry), hash(text))
        idx = cls._cache.get(key)
        if idx is None:
            if len(cls._cache) > 32:
                cls._cache.clear()
            idx = cls._cache[key] = cls(registry, text)
        return idx

    def actor(self, speaker: str, surface: str) -> str:
        """The registry actor a resolved speaker (or its surface mention) is, or ``""``."""
        for key in (speaker, surface, "the " + surface if surface else ""):
            if key and key in self.forms:
                return self.forms[key]
        for key in (speaker, surface):
            if key and key.casefold() in self.folded:
                return self.folded[key.casefold()]
        if len(speaker.split()) == 1 and speaker in self.family:
            return self.family[speaker]
        return ""

    def country_hint(self, phrase: str) -> str:
        """The first country a phrase names (see the module docstring), or ``""``."""
        if not phrase or self.hint_re is None:
            return ""
        for m in self.hint_re.finditer(phrase):
            form = m.group(0)
            before = phrase[:m.start()].rstrip()
            if " " not in form and before[-1:].isalpha() and before.split()[-1][:1].isupper() \
                    and m.start() > 0 and not before.endswith(("the", "The")):
                continue  # part of a longer name: "South America", "Latin America"
            return self.hints[form]
        return ""
