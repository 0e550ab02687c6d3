"""The actor registry: who the kit recognises, and the words that stand for them.

The registry lives in ``data/actors.yml`` (format documented at the top of that file
and in the README); users add their own actors in ``data/actors.local.yml`` or with
:meth:`Registry.extend`. A :class:`Registry` is immutable: ``extend`` returns a new one.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Mapping

import pandas as pd

from ..errors import UnsupportedFormat
from ..yaml_files import read_yaml_file

KINDS = ("person", "country", "organisation", "bloc")

# Romanised Korean, Chinese and Vietnamese names put the family name first.
_FAMILY_NAME_FIRST = frozenset(
    """kim lee yi rhee park pak choi choe jung chung jeong kang cho joh jo yoon yun jang chang
    lim im han oh shin sin seo suh kwon hwang ahn an song jeon chun hong ko go moon mun yang
    son bae baek ryu yoo yu nam noh roh ha kwak sung ri xi wang li zhang liu chen yang huang
    zhao wu zhou xu sun ma zhu hu guo he lin luo zheng liang nguyen tran le pham hoang""".split()
)


@dataclass(frozen=True)
class Actor:
    """One registry entry (see ``data/actors.yml`` for the meaning of each field)."""

    name: str
    kind: str
    country: str | None = None
    role: str | None = None
    gender: str | None = None
    surname: str | None = None
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    references: tuple[str, ...] = ()
    metonyms: tuple[str, ...] = ()
    predecessor: str | None = None
    successor: str | None = None
    colour: str | None = None

    @property
    def family_name(self) -> str | None:
        """The name used alone for a person: ``surname`` or a guess from the name."""
        if self.kind != "person":
            return None
        if self.surname:
            return self.surname
        parts = self.name.split()
        if len(parts) < 2:
            return None
        return parts[0] if parts[0].lower() in _FAMILY_NAME_FIRST else parts[-1]


def _tuple(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value)


def actor_from_mapping(entry: Mapping[str, Any], source: object = None) -> Actor:
    """Build an :class:`Actor` from a registry entry; clear errors for bad entries."""
    if not isinstance(entry, Mapping) or not entry.get("name"):
        raise UnsupportedFormat(f"registry entry without a name: {entry!r}", source)
    kind = str(entry.get("kind", "")).strip()
    if kind not in KINDS:
        raise UnsupportedFormat(
            f"actor {entry['name']!r}: kind must be one of {', '.join(KINDS)} (got {kind!r})", source
        )
    known = {f for f in Actor.__dataclass_fields__}
    unknown = set(entry) - known
    if unknown:
        raise UnsupportedFormat(f"actor {entry['name']!r}: unknown field(s) {sorted(unknown)}", source)
    kw = {k: entry.get(k) for k in known if k in entry}
    for k in ("aliases", "demonyms", "references", "metonyms"):
        kw[k] = _tuple(kw.get(k))
    for k in ("name", "country", "role", "gender", "surname", "predecessor", "successor", "colour"):
        if kw.get(k) is not None:
            kw[k] = str(kw[k]).strip()
    kw["kind"] = kind
    return Actor(**kw)


@dataclass(frozen=True)
class Registry:
    """An ordered, immutable set of actors keyed by canonical name."""

    actors: tuple[Actor, ...] = field(default_factory=tuple)

    def __post_init__(self) -> None:
        seen: dict[str, Actor] = {}
        for a in self.actors:
            seen[a.name] = a  # a later entry (a user's) replaces an earlier one
        object.__setattr__(self, "actors", tuple(seen.values()))
        object.__setattr__(self, "_by_name", seen)  # name -> actor, for get() and ``in``

    def __len__(self) -> int:
        return len(self.actors)

    def __contains__(self, name: object) -> bool:
        try:
            return name in self._by_name
        except TypeError:  # an unhashable name is no actor's
            return any(a.name == name for a in self.actors)

    def __iter__(self):
        return iter(self.actors)

    def get(self, name: str) -> Actor | None:
        """The actor with this canonical name, or None."""
        try:
            return self._by_name.get(name)
        except TypeError:  # an unhashable name is no actor's
            return next((a for a in self.actors if a.name == name), None)

    def extend(self, entries: Iterable[Mapping[str, Any] | Actor]) -> "Registry":
        """A new registry with ``entries`` added (an entry with a known name replaces it)."""
        new = [e if isinstance(e, Actor) else actor_from_mapping(e, "Registry.extend") for e in entries]
        return Registry(self.actors + tuple(new))

    def country_of(self, name: str) -> str | None:
        """The country an actor belongs to (a country is its own country)."""
        a = self.get(name)
        if a is None:
            return None
        return a.name if a.kind == "country" else a.country

    def colours(self) -> dict[str, str]:
        """Fixed chart colours declared in the registry."""
        return {a.name: a.colour for a in self.actors if a.colour}

    def table(self) -> pd.DataFrame:
        """One row per actor: ``name, kind, country, role, gender, aliases, demonyms, references, metonyms``."""
        rows = [
            {
                "name": a.name,
                "kind": a.kind,
                "country": a.country or (a.name if a.kind == "country" else None),
                "role": a.role,
                "gender": a.gender,
                "aliases": ", ".join(a.aliases),
                "demonyms": ", ".join(a.demonyms),
                "references": ", ".join(a.references),
                "metonyms": ", ".join(a.metonyms),
                "predecessor": a.predecessor,
                "successor": a.successor,
            }
            for a in self.actors
        ]
        return pd.DataFrame(rows)


def read_registry_file(path: str | Path) -> list[Actor]:
    """Read one registry YAML file (a mapping with an ``actors`` list, or a bare list)."""
    p = Path(path)
    data = read_yaml_file(p, "registry")
    entries = data.get("actors") if isinstance(data, Mapping) else data
    if entries is None:
        return []
    if not isinstance(entries, list):
        raise UnsupportedFormat("the registry must hold a list under 'actors'", p)
    return [actor_from_mapping(e, p) for e in entries]


@lru_cache(maxsize=8)
def _load_cached(paths: tuple[str, ...]) -> Registry:
    actors: list[Actor] = []
    for p in paths:
        actors += read_registry_file(p)
    return Registry(tuple(actors))


def default_registry_paths() -> list[Path]:
    """``data/actors.yml`` and, when present, ``data/actors.local.yml``."""
    return [Path(p) for p in _default_path_strings()]


#: the two default registry files (as strings) of each working directory, keyed by that
#: directory and the functions that find the data folder: :func:`default_registry_paths`
#: walks the file system for the project root, too slow to do for every article.
_DEFAULT_CANDIDATES: dict[tuple, tuple[str, str]] = {}


def _default_path_strings() -> list[str]:
    """:func:`default_registry_paths` as strings, the data folder found once per working
    directory (which files of the two exist is asked every time)."""
    from .. import paths as _paths

    key = (os.getcwd(), _paths.data_dir, _paths.project_root)
    cands = _DEFAULT_CANDIDATES.get(key)
    if cands is None:
        d = _paths.data_dir()
        cands = _DEFAULT_CANDIDATES[key] = (str(d / "actors.yml"), str(d / "actors.local.yml"))
    return [p for p in cands if os.path.isfile(p)]


def load_registry(paths: str | Path | Iterable[str | Path] | None = None) -> Registry:
    """Load the registry from ``paths`` (default: :func:`default_registry_paths`).

    Later files extend and override earlier ones. Results are cached per path list.
    """
    if paths is None:
        return _load_cached(tuple(_default_path_strings()))
    elif isinstance(paths, (str, Path)):
        plist = [Path(paths)]
    else:
        plist = [Path(p) for p in paths]
    return _load_cached(tuple(str(p) for p in plist))


def outlet_country(outlet: str | None, path: str | Path | None = None) -> str | None:
    """The country an outlet reports from, per ``data/outlets.yml`` (None if unknown)."""
    if not outlet:
        return None
    table = _outlets(str(path) if path else None)
    return table.get(outlet.strip().casefold())


@lru_cache(maxsize=4)
def _outlets(path: str | None) -> dict[str, str]:
    import yaml

    from ..paths import data_dir

    p = Path(path) if path else data_dir() / "outlets.yml"
    if not p.is_file():
        return {}
    data = yaml.safe_load(p.read_text(encoding="utf-8")) or {}
    return {str(k).casefold(): str(v) for k, v in (data.get("outlets") or {}).items() if v}
