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

The rules live in :mod:`.frames` (cues and frames), :mod:`.subjects` (subjects,
possessors and other phrases a frame points to), :mod:`.clauses` (linking quotations,
reported clauses) and :mod:`.frame_words` (their word lists); this module keeps the
names importable from here. ``words_of`` and ``title_case`` are
:mod:`analysis_utils.text.paragraphs`'s.
"""
from __future__ import annotations

from ..text.paragraphs import title_case, words_of  # noqa: F401  (re-exported: old import paths)

from .frame_words import (  # noqa: F401  (re-exported: old import paths)
    DASHES,
    POSSESSIVE_PRONOUNS,
    SEPARATORS,
    _ADDRESSEES,
    _ADVERBIAL,
    _ADVERBIAL_STARTS,
    _ADVERBS_BEFORE_PARTICIPLE,
    _AGENT_HEADS,
    _ANON_OR_INSTITUTION,
    _ANON_OR_TITLE,
    _BE,
    _CLAUSE_JOINS,
    _DET_OR_QUANTIFIER,
    _DET_POSS,
    _DOCUMENT_OR_INSTITUTION,
    _FUNCTION,
    _GERUND_PREPS,
    _INTRO_WORDS,
    _IN_VIEW,
    _IRREGULAR_PARTICIPLES,
    _LIST_WORDS,
    _LY_WORDS,
    _MODALS,
    _NEGATION,
    _NOUNISH,
    _NOUN_BASES,
    _OBJECT_PREPS,
    _OBJECT_PRONOUNS,
    _PREPOSITIONS,
    _PREPOSITIONS_AND,
    _QUANTIFIERS,
    _RELATIVES,
    _SOURCE_HEADS,
    _SPEAKER_OR_TITLE,
    _SUBJECT_GERUND_PREPS,
    _TERMINAL,
    _TO_NOUNS,
    _ly_adverb,
    _modal_before,
    _passive_before,
    _skip_left,
    sentence_like,
    starts_upper,
)
from .subjects import (  # noqa: F401  (re-exported: old import paths)
    _dateline_end,
    _name_before,
    _object_before,
    _quoted_as,
    _reduced_relative_subject,
    _relative_antecedent,
    _skip_time_right,
    possessor_mention,
    sentence_subject,
)
from .clauses import (  # noqa: F401  (re-exported: old import paths)
    _adjacent,
    _cuts,
    _span,
    _trailing,
    clause_subject,
    dash_speaker,
    link_quote,
    reported_clause,
    standalone,
    trim_clause,
)
from .frames import (  # noqa: F401  (re-exported: old import paths)
    Frame,
    _colon_after,
    _colon_soon,
    _inverted,
    _plausible,
    _relative_close,
    _reports,
    _speaker_phrase,
    find_cues,
    has_that,
    noun_frames,
    passive_frames,
    sentence_frames,
)
