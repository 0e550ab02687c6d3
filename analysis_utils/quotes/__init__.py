"""Quotations and reported speech, with their speakers and cues.

:func:`find_quotes` (a text) and :func:`find_quotes_in_article` (an article) keep the
names and columns they had as ``analysis_utils.quotes``. Modules, in the order the
finder uses them: :mod:`.cues` (the cue lexicon); :mod:`.tokens`, :mod:`.word_lists`,
:mod:`.names` and :mod:`.speakers` (tokens, word lists, name mentions, noun phrases);
:mod:`.name_index` (people named so far); :mod:`.frames`, :mod:`.subjects`,
:mod:`.clauses` and :mod:`.frame_words`, gathered in :mod:`.attribution` (frames: cue,
speaker, reported clause); :mod:`.builder` (the document pass) with :mod:`.pronouns`,
:mod:`.quotation_rules`, :mod:`.reported_speech` and :mod:`.builder_state`;
:mod:`.finder` (the public functions and the table) with :mod:`.registry_index` (the
actor registry's look-ups); :mod:`.tables` (utterances, share of voice, who is quoted
about whom).
"""
from .finder import (  # noqa: F401
    ANALYSED_SEGMENTS,
    ARTICLE_COLUMNS,
    COLUMNS,
    KINDS,
    find_quotes,
    find_quotes_in_article,
    with_registry,
)
