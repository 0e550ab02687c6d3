"""Old module paths keep working: ``analysis_utils.segments`` is
``analysis_utils.text.segments`` since the package was cut into subpackages.

:data:`MOVED` maps each flat module of the old layout to its new home. A finder on
``sys.meta_path`` (installed by ``analysis_utils/__init__.py``) answers ``import
analysis_utils.<old>`` with the new module itself — the same object, not a copy — so
``from analysis_utils.segments import segment_text`` and
``analysis_utils.segments.segment_text`` work as before. Modules that became packages
of the same name (``actors``, ``quotes``, ``sentiment``, ``timeline``, ``charts``,
``report``) need no alias: their ``__init__`` re-exports the old public names.
"""
from __future__ import annotations

import importlib
import importlib.abc
import importlib.util
import sys

PACKAGE = __name__.rpartition(".")[0]

#: old module name (under ``analysis_utils.``) -> new module name
MOVED = {
    "decoding": "text.decoding",
    "loading": "text.loading",
    "segments": "text.segments",
    "sentences": "text.sentences",
    "quote_marks": "text.quote_marks",
    "slugs": "text.slugs",
    "registry": "actors.registry",
    "cues": "quotes.cues",
    "speakers": "quotes.speakers",
    "name_index": "quotes.name_index",
    "attribution": "quotes.attribution",
    "quote_builder": "quotes.builder",
    "quote_tables": "quotes.tables",
    "timexes": "timeline.timexes",
    "timex_engine": "timeline.engine",
    "timex_calendar": "timeline.points",
    "timex_numbers": "timeline.number_words",
    "timex_patterns": "timeline.patterns",
    "timex_resolve": "timeline.resolve",
    "timex_tense": "timeline.tense",
    "timex_clauses": "timeline.labels",
    "timex_rules_clock": "timeline.rules.clock",
    "timex_rules_dates": "timeline.rules.dates",
    "timex_rules_durations": "timeline.rules.durations",
    "timex_rules_holidays": "timeline.rules.holidays",
    "timex_rules_periods": "timeline.rules.periods",
    "timex_rules_relative": "timeline.rules.relative",
    "timex_rules_vague": "timeline.rules.vague",
    "events": "timeline.reference",
    "actor_sentiment": "sentiment.actors",
    "export": "charts.export",
    "sentiment_charts": "charts.sentiment",
    "timeline_charts": "charts.timeline",
    "quote_charts": "charts.quotes",
    "pdf": "report.pdf",
    "explorer": "report.explorer",
}


class _Alias(importlib.abc.Loader):
    """Loads an old name as the module at its new name."""

    def __init__(self, target: str):
        self.target = target
        self.own_spec = None

    def create_module(self, spec):
        module = importlib.import_module(self.target)
        self.own_spec = module.__spec__
        return module

    def exec_module(self, module):
        # importlib has just set the alias's spec on the module: give it its own back
        module.__spec__ = self.own_spec


class MovedModuleFinder(importlib.abc.MetaPathFinder):
    """Finds ``analysis_utils.<old>`` for every name in :data:`MOVED`."""

    def find_spec(self, fullname, path=None, target=None):
        head, _, old = fullname.rpartition(".")
        if head != PACKAGE or old not in MOVED:
            return None
        return importlib.util.spec_from_loader(fullname, _Alias(f"{PACKAGE}.{MOVED[old]}"))


def install() -> None:
    """Put the finder on ``sys.meta_path`` (once)."""
    if not any(isinstance(f, MovedModuleFinder) for f in sys.meta_path):
        sys.meta_path.append(MovedModuleFinder())
