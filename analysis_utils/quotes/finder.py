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
                   about one -- ``Sanders identified ... as a reason. "..."``),
                   ``ranked`` (the learned speaker ranker chose it over an unsure or
                   missing rules' speaker: :mod:`analysis_utils.quotes.ranker`);
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
``speech``         True when the row reports what was said or written; False for a belief,
                   intention or assessment (``X believes ...``, ``X wants to ...``: a cue
                   of the ``cognition`` groups of the cue lexicon). Count speech only with
                   ``df[df.speech]``; the share-of-voice tables do
``speaker_mention`` the words at the cue that stand for the speaker (``he``, ``the
                   minister``, ``Putin``): ``text[speaker_start:speaker_end]``, ``""``
                   without a speaker
``speaker_confidence`` the learned estimate (0-1) that the speaker is right
                   (:mod:`analysis_utils.quotes.confidence`); a speaker below its
                   threshold is dropped (``speaker`` ``""``) but keeps its confidence;
                   ``<NA>`` when the rules found no speaker
``speaker_entity_start``, ``speaker_entity_end``  the mention that names the speaker in
                   full (its first occurrence in the text as whole words; for an unnamed
                   source kept as a phrase, that phrase); ``<NA>`` when the text never
                   writes the speaker as given (or there is none)

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
Paragraphs are the document's (:mod:`analysis_utils.text.paragraphs`, the one place
that decides them): for an article, its non-blank segments, headline lines being
``headline``/``subheadline`` segments and crossheads (``body`` segments whose rule is one
of :data:`~analysis_utils.text.paragraphs.HEADING_RULES`), and credits, bylines, copyright lines and
page furniture skipped; for a plain text given to :func:`find_quotes`, its lines (a
hard-wrapped line that runs on joins the next), with title-like lines above the first
paragraph of prose, a one-line first paragraph, or a short Title-Case crosshead as
headline lines. Sentences are the document's too (:attr:`Document.sentences`), a
headline line being one sentence; quotation marks are :attr:`Document.quote_marks`.

How it works, module by module (general rules, no parser model):
:mod:`~analysis_utils.text.quote_marks` pairs the quotation marks;
:mod:`~analysis_utils.quotes.cues` reads the cue verbs of ``data/cue_verbs.yml``;
:mod:`~analysis_utils.quotes.speakers` finds the speaker phrase next to a cue;
:mod:`~analysis_utils.quotes.name_index` resolves short names and descriptions;
:mod:`~analysis_utils.quotes.attribution` builds the frames of a sentence and their clauses;
:mod:`~analysis_utils.quotes.builder` walks the text keeping track of who is speaking;
:mod:`~analysis_utils.quotes.ranker` (learned) weighs an unsure or missing speaker against
the people and phrases around it; :mod:`~analysis_utils.quotes.confidence` (learned) scores
the speaker kept.
"""
from __future__ import annotations

import re
from operator import itemgetter
from typing import Mapping

import numpy as np
import pandas as pd

from ..text.document import Document
from ..text.frames import nullable_ints, table
from ..text.paragraphs import ANALYSED_KINDS as ANALYSED_SEGMENTS  # noqa: F401  (part of this module's API)
from .builder import QuoteBuilder
from .confidence import score_rows
from .cues import CueLexicon, default_lexicon
from .ranker import context_of, rerank
from .registry_index import RegistryIndex, title_before

COLUMNS = [
    "quote_id", "kind", "text", "start", "end", "speaker", "speaker_start", "speaker_end",
    "speaker_role", "speaker_via", "anonymous", "cue", "cue_start", "cue_end", "paragraph",
    "attribution", "marks", "unclosed", "speech", "speaker_mention", "speaker_entity_start",
    "speaker_entity_end", "speaker_confidence",
]
ARTICLE_COLUMNS = COLUMNS + ["speaker_actor", "speaker_country"]
KINDS = ("direct", "partial", "indirect", "headline", "scare")
_STRING = ["kind", "text", "speaker", "speaker_role", "speaker_via", "cue", "marks", "speaker_mention"]
_NULLABLE = ["speaker_start", "speaker_end", "cue_start", "cue_end", "speaker_entity_start", "speaker_entity_end"]


# --- public API ------------------------------------------------------------------------------

_DTYPES = {c: "string" for c in _STRING}
_DTYPES.update({c: "Int64" for c in _NULLABLE})
_DTYPES.update({c: "int64" for c in ("quote_id", "start", "end", "paragraph", "attribution")})
_DTYPES.update({"anonymous": "bool", "unclosed": "bool", "speech": "bool"})
_DTYPES = {c: pd.api.types.pandas_dtype(d) for c, d in _DTYPES.items()}  # parsed once
_STRING_DTYPE = pd.api.types.pandas_dtype("string")


def _values(rows: list[dict], names: list[str]) -> dict[str, list]:
    """The values of the columns ``names`` in ``rows``, one list per column."""
    if not rows:
        return {c: [] for c in names}
    return dict(zip(names, map(list, zip(*map(itemgetter(*names), rows)))))


def _array(values: list, c: str):
    """Column ``c`` of the quotes table from its values (a fresh array)."""
    if c == "speaker_confidence":
        mask = np.fromiter((v is None for v in values), dtype=bool, count=len(values))
        data = np.fromiter((0.0 if v is None else v for v in values), dtype="float64", count=len(values))
        return pd.arrays.FloatingArray(data, mask)
    if c in _NULLABLE:
        return nullable_ints(values)
    if c in _STRING_COLUMNS:
        return _strings(values)
    return np.array(values, dtype=_DTYPES[c])  # int64 and bool


_STRING_COLUMNS = frozenset(_STRING + ["speaker_actor", "speaker_country"])


def _strings(values: list):
    """``pd.array(values, dtype="string")``; for python-backed strings, the array made
    directly from the values (the same array, without pd.array's conversions)."""
    if _STRING_DTYPE.storage == "python":
        try:
            return pd.arrays.StringArray(np.array(values, dtype=object).reshape(len(values)), dtype=_STRING_DTYPE)
        except (TypeError, ValueError):  # something else than strings: pd.array converts it
            pass
    return pd.array(values, dtype=_STRING_DTYPE)


def _frame(rows: list[dict]) -> pd.DataFrame:
    """The quotes table with its dtypes (strings, nullable integers for optional offsets)."""
    # fresh arrays that nothing else holds (copy-on-write protects the table)
    return table({c: _array(v, c) for c, v in _values(rows, COLUMNS).items()})


def _empty() -> pd.DataFrame:
    return _frame([])


def find_quotes(text: str, *, aliases: Mapping[str, str] | None = None,
                segments: pd.DataFrame | None = None, lexicon: CueLexicon | None = None) -> pd.DataFrame:
    """Quotations and reported speech in ``text``, with speakers (columns: module docstring).

    ``aliases`` maps surface or full names to canonical names (an actor registry's
    aliases); it is applied to the resolved speaker. ``segments`` (a table like
    :attr:`Article.segments`) says which lines are headline, deck, body or caption, and
    which to skip; without it, the text is read as plain text
    (:func:`analysis_utils.text.paragraphs.plain_segments`: lines are paragraphs, and
    short title-like lines before the first paragraph of prose count as headline lines).
    ``lexicon`` replaces the cue verbs of ``data/cue_verbs.yml``. Never raises for any
    string.
    """
    if not isinstance(text, str) or not text.strip():
        return _empty()
    doc = Document(text, layout="plain") if segments is None else Document.with_segments(text, segments)
    return _aliased(quotes_of(doc, lexicon), text, aliases)


def quotes_of(doc: Document, lexicon: CueLexicon | None = None) -> pd.DataFrame:
    """The quotes layer of a document (columns :data:`COLUMNS`): computed once from its
    paragraphs, sentences and quotation marks, and kept on the document."""
    if lexicon is None:
        return doc.layer("quotes", lambda: _frame(quote_rows(doc)))
    return _frame(_quotes(doc, lexicon))


def quote_rows(doc: Document, lexicon: CueLexicon | None = None) -> list[dict]:
    """The rows of :func:`quotes_of` as dicts (keys :data:`COLUMNS`), in table order; with
    the default lexicon computed once and kept on the document, the one source of its
    quotes tables (which read the rows and never change them)."""
    if lexicon is None:
        return doc.layer("quote_rows", lambda: _quotes(doc, default_lexicon()))
    return _quotes(doc, lexicon)


def rule_rows(doc: Document, lex: CueLexicon) -> tuple[list[dict], QuoteBuilder]:
    """The rows the rules give (the document pass, :class:`QuoteBuilder`), in table order
    with attributions numbered in that order, and the builder that has run (its people
    index is what the speaker ranker reads)."""
    text = doc.text
    b = builder_of(doc, lex)
    b.run()
    rows = sorted(b.rows, key=lambda r: (r["start"], r["end"]))
    renum: dict[int, int] = {}
    for r in rows:
        r["attribution"] = renum.setdefault(r["attribution"], len(renum))
        r["text"] = text[r["start"]:r["end"]]
        r["cue"] = text[r["cue_start"]:r["cue_end"]] if r["cue_start"] is not None else ""
    return rows, b


def _quotes(doc: Document, lex: CueLexicon, confidence: bool = True, rank: bool = True) -> list[dict]:
    """The rows of the quotes table: the rules' rows (:func:`rule_rows`), their speakers
    re-ranked (:mod:`.ranker`) and scored (:mod:`.confidence`). ``confidence=False``
    leaves out the learned speaker confidence (``speaker_confidence`` None, no speaker
    dropped) and ``rank=False`` the ranker: both off, the rules alone, as the training
    script reads them."""
    text = doc.text
    if not text.strip():
        return []
    rows, b = rule_rows(doc, lex)
    if rank:
        rerank(rows, context_of(b), role_of=b.people.role)
    if confidence:
        score_rows(rows, text)
    else:
        for r in rows:
            r["speaker_confidence"] = None
    entities: dict[tuple, tuple] = {}
    words = WordStarts(text)
    for k, r in enumerate(rows):
        r["quote_id"] = k
        a, b = r["speaker_start"], r["speaker_end"]
        r["speaker_mention"] = text[a:b] if a is not None else ""
        key = (r["speaker"], a, b)
        found = entities.get(key)
        if found is None:
            found = entities[key] = _entity(text, r["speaker"], a, b, words)
        r["speaker_entity_start"], r["speaker_entity_end"] = found
    return rows


class WordStarts:
    """Where each word of a text starts (words: maximal runs of ``str.isalnum``
    characters), indexed on first use, for finding many phrases as whole words in a long
    text without scanning it once per phrase."""

    _RUN = re.compile(r"[^\W_]+")  # str.isalnum, character by character
    #: below this many characters a scan per phrase is cheaper than an index
    SCAN_BELOW = 50_000

    def __init__(self, text: str) -> None:
        self.text = text
        self._at: dict[str, list[int]] | None = None

    def first(self, phrase: str) -> int | None:
        """The offset of the first occurrence of ``phrase`` as whole words (not inside a
        longer word), else None."""
        text = self.text
        lead = self._RUN.match(phrase)
        if len(text) < self.SCAN_BELOW or lead is None or lead.start() != 0:
            k = text.find(phrase)
            while k >= 0:
                e = k + len(phrase)
                if (k == 0 or not text[k - 1].isalnum()) and (e == len(text) or not text[e].isalnum()):
                    return k
                k = text.find(phrase, k + 1)
            return None
        if self._at is None:
            self._at = {}
            for m in self._RUN.finditer(text):
                self._at.setdefault(m.group(0), []).append(m.start())
        # a whole-word occurrence starts a word whose run is the phrase's first run exactly
        for k in self._at.get(lead.group(0), ()):
            e = k + len(phrase)
            if text.startswith(phrase, k) and (e == len(text) or not text[e].isalnum()):
                return k
        return None


def _entity(text: str, speaker: str, a: int | None, b: int | None,
            words: WordStarts | None = None) -> tuple[int | None, int | None]:
    """Where ``text`` names ``speaker`` in full: its first occurrence as whole words;
    else the speaker mention itself when it is that phrase (an unnamed source, a
    descriptor kept as the speaker); else ``(None, None)``."""
    if not speaker:
        return None, None
    k = (words or WordStarts(text)).first(speaker)
    if k is not None:
        return k, k + len(speaker)
    if a is not None and text[a:b].casefold().removeprefix("the ") in (speaker.casefold(),
                                                                      speaker.casefold().removeprefix("the ")):
        return a, b
    return None, None


def builder_of(doc: Document, lex: CueLexicon) -> QuoteBuilder:
    """The document pass over ``doc`` (not run yet): its paragraphs, sentences (a headline
    line is one) and quotation marks."""
    paras = doc.blocks
    by_segment: dict[int, list[tuple[int, int]]] = {}
    for a, b, seg in doc.sentence_spans:
        by_segment.setdefault(seg, []).append((a, b))
    sentences = [[(p.start, p.end)] if p.headline else (by_segment.get(p.segment_id) or [(p.start, p.end)])
                 for p in paras]
    return QuoteBuilder(doc.text, paras, doc.quote_marks, lex, sentences)


def _aliased(df: pd.DataFrame, text: str, aliases: Mapping[str, str] | None) -> pd.DataFrame:
    """``df`` with speakers canonicalised through ``aliases`` (a new table; ``df`` unchanged)."""
    if not aliases or df.empty:
        return df
    out = df.copy()
    speakers = []
    for r in out.itertuples(index=False):
        row = {"speaker_start": None if pd.isna(r.speaker_start) else int(r.speaker_start),
               "speaker_end": None if pd.isna(r.speaker_end) else int(r.speaker_end)}
        speakers.append(_canonical(str(r.speaker), row, text, aliases) if r.speaker else r.speaker)
    out["speaker"] = pd.array(speakers, dtype="string")
    return out


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
    Columns: :data:`ARTICLE_COLUMNS`. Computed once per article for the same registry
    (and no ``registry_aliases``) and kept on it.
    """
    if isinstance(article, str):
        article = Document(article)
    if registry is None:
        from ..actors.registry import load_registry

        registry = load_registry()
    reg = registry or None

    def compute() -> pd.DataFrame:
        if registry_aliases:
            df = _aliased(quotes_of(article), article.text, registry_aliases)
            return with_registry(df, article.text, reg)
        return _article_table(quote_rows(article), article.text, reg)

    if registry_aliases:
        return compute()
    return article.layer(("quotes_in_article", id(reg)), lambda: (reg, compute()))[1]


def with_registry(quotes: pd.DataFrame, text: str, registry) -> pd.DataFrame:
    """``quotes`` (from :func:`find_quotes` on ``text``) with ``speaker`` canonicalised
    through ``registry`` and the columns ``speaker_actor`` and ``speaker_country`` added
    (``""`` throughout when ``registry`` is None or empty)."""
    speakers = quotes["speaker"].tolist()
    index = _index_of(registry)
    if index is not None and any(speakers):
        starts = [None if pd.isna(x) else int(x) for x in quotes["speaker_start"].tolist()]
        ends = [None if pd.isna(x) else int(x) for x in quotes["speaker_end"].tolist()]
        actors, countries = _registry_columns(index, speakers, starts, ends, quotes["speaker_role"].tolist(), text)
    else:
        actors, countries = [""] * len(speakers), [""] * len(speakers)
    out = quotes.copy(deep=False)  # a new table; copy-on-write: ``quotes`` never changes through it
    out["speaker"] = pd.array(speakers, dtype=_STRING_DTYPE)
    out["speaker_actor"] = pd.array(actors, dtype=_STRING_DTYPE)
    out["speaker_country"] = pd.array(countries, dtype=_STRING_DTYPE)
    return out


def _article_table(rows: list[dict], text: str, registry) -> pd.DataFrame:
    """``with_registry(_frame(rows), text, registry)``, built once from the rows."""
    values = _values(rows, COLUMNS)
    speakers = values["speaker"]
    index = _index_of(registry)
    if index is not None and any(speakers):
        actors, countries = _registry_columns(index, speakers, values["speaker_start"], values["speaker_end"],
                                              values["speaker_role"], text)
    else:
        actors, countries = [""] * len(speakers), [""] * len(speakers)
    columns = {c: _array(v, c) for c, v in values.items()}
    columns["speaker_actor"] = _strings(actors)
    columns["speaker_country"] = _strings(countries)
    return table(columns)


def _index_of(registry) -> RegistryIndex | None:
    return RegistryIndex.of(registry) if registry is not None and len(registry) else None


def _registry_columns(index: RegistryIndex, speakers: list, starts: list, ends: list, roles: list,
                      text: str) -> tuple[list[str], list[str]]:
    """``speaker_actor`` and ``speaker_country`` of each row; ``speakers`` that are a
    registry person are canonicalised in place (offsets: ``None`` without a mention)."""
    actors, countries = [""] * len(speakers), [""] * len(speakers)
    done: dict[tuple, tuple[str, str, str]] = {}  # rows of one speaker mention (and role) share the answer
    actor_of: dict[tuple, str] = {}  # (speaker, surface) -> actor, the same wherever the mention is
    for k, speaker in enumerate(speakers):
        if not speaker:
            continue
        start = starts[k]
        key = (speaker, start, ends[k], roles[k])
        found = done.get(key)
        if found is None:
            found = done[key] = _registry_row(index, speaker, start, ends[k], roles[k], text, actor_of)
        speakers[k], actors[k], countries[k] = found
    return actors, countries


def _registry_row(index: RegistryIndex, speaker, start: int | None, end: int | None, role,
                  text: str, actor_of: dict) -> tuple[str, str, str]:
    """``(speaker, speaker_actor, speaker_country)`` of one row with a speaker; ``actor_of``
    keeps the actors found so far in ``text``."""
    surface = text[start:end] if start is not None else ""
    actor = actor_of.get((speaker, surface))
    if actor is None:
        actor = actor_of[speaker, surface] = index.actor(str(speaker), surface, text)
    a = index.by_name.get(actor) if actor else None
    canonical = actor if a is not None and a.kind == "person" else speaker
    country = index.country_of(actor) if actor else ""
    if not country:
        lead = title_before(text, start) if start is not None else ""
        country = (index.country_hint(str(role)) or index.country_hint(lead)
                   or index.country_hint(str(speaker)))
    return canonical, actor, country
