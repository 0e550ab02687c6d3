"""Timeline: temporal expressions anchored to the publication date, events, and
reference events.

Public surface (the names it had as ``analysis_utils.timeline``): :func:`find_timexes`
(``text, anchor``), :func:`find_timexes_in_article`, :func:`infer_published`,
:func:`publication_date` / :class:`PublicationDate`, :func:`events`,
:func:`reference_events`, :func:`timeline_table`, :func:`treaty_comparison`.

Modules: :mod:`.timexes` (the table and its anchoring), :mod:`.engine` (candidates and
resolution), :mod:`.rules` (one module per family of expressions), :mod:`.patterns`,
:mod:`.resolve`, :mod:`.points`, :mod:`.number_words`, :mod:`.tense` (the grammar the
rules share), :mod:`.published` (the publication date), :mod:`.labels` and
:mod:`.event_table` (events), :mod:`.reference` (the reference file, the timeline
table and the treaty comparison).
"""
from .event_table import events  # noqa: F401
from .reference import reference_events, timeline_table, treaty_comparison  # noqa: F401
from .published import PublicationDate, infer_published, publication_date  # noqa: F401
from .timexes import find_timexes, find_timexes_in_article  # noqa: F401

__all__ = [
    "find_timexes",
    "find_timexes_in_article",
    "infer_published",
    "PublicationDate",
    "publication_date",
    "events",
    "reference_events",
    "timeline_table",
    "treaty_comparison",
]
