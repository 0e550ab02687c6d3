"""Actors: the registry (``data/actors.yml``), their mentions in a text, and people the
registry does not know yet.

:func:`find_mentions`, :func:`roll_up` and :func:`discover_actors` keep the names and
columns they had as ``analysis_utils.actors``; the registry is :mod:`.registry`.
"""
from .mentions import (  # noqa: F401
    DISCOVERY_COLUMNS,
    MENTION_COLUMNS,
    ROLE_WORDS,
    SPEECH_VERBS,
    TITLES,
    discover_actors,
    find_mentions,
    quote_spans,
    roll_up,
)
from .registry import Actor, Registry, load_registry, outlet_country  # noqa: F401
