"""People named in a text: full names, their titles and roles, and how short mentions resolve.

:class:`PersonIndex` is filled in text order with ``name`` mentions
(:func:`analysis_utils.speakers.name_mention`). Full names are two to five capitalised
words that do not look like an organisation or a place.

* A surname, a given name or a title + surname resolves to the most recent full name
  before it that ends with it (``Virtanen`` -> ``Anna Virtanen``), else one that starts with
  it (``Chairman Park`` -> ``Park Ji-sung``); the first one after it when none comes before.
* A definite description (``the Kremlin aide``, ``the president``) resolves to a named
  person only when a title or an apposition earlier in the text gave exactly one person
  that description (``Yuri Orlov, the Kremlin aide``); plural descriptions never do.
* A person's role is the title or apposition the text gave most recently before a
  mention; gender hints come from titles (*Mr., Ms.*) and gendered role nouns.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .speakers import DETERMINERS, Mention


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_MODIFIED = _set("vice deputy assistant former acting under associate ex- then interim")


def _role_keys(phrase: str) -> list[str]:
    """Keys a definite description may use for this role: the phrase without its
    determiner, and its last word unless a modifier narrows it (*vice* president)."""
    words = [w.lower().rstrip(".,") for w in phrase.split()]
    while words and words[0] in DETERMINERS | _set("now also"):
        words = words[1:]
    if not words:
        return []
    # cut at a preposition: "Director of the National Security Office" -> key "director ..."
    keys = [" ".join(words)]
    cut = next((k for k, w in enumerate(words) if w in ("of", "at", "for", "in", "with", "to")), len(words))
    core = words[:cut]
    if core and " ".join(core) != keys[0]:
        keys.append(" ".join(core))
    if len(core) >= 2 and core[-2] not in _MODIFIED and not core[-2].endswith("'s"):
        keys.append(core[-1])
    elif len(core) == 1:
        keys.append(core[0])
    return keys


@dataclass
class PersonIndex:
    """Full names seen in a text, with titles, roles and gender hints (built in text
    order by the caller; queried with the offset of the mention to resolve)."""

    names: list[tuple[int, str, tuple[str, ...]]] = field(default_factory=list)
    roles: dict[str, list[tuple[int, str]]] = field(default_factory=dict)  # name -> [(offset, role)]
    gender: dict[str, str] = field(default_factory=dict)
    keys: list[tuple[int, str, str]] = field(default_factory=list)  # (offset, role key, name)

    def add(self, m: Mention) -> str | None:
        """Register a ``name`` mention; returns the full name it is (or resolves to)."""
        if m.kind != "name" or not m.person:
            return None
        words = m.text.split()
        full = m.text if len(words) >= 2 else (self.resolve(m.text, m.start) or None)
        if full is None:
            return None
        if len(words) >= 2:
            self.names.append((m.start, full, tuple(w.lower() for w in words)))
        if m.title and not m.role:
            self.roles.setdefault(full, []).append((m.start, m.title))
            if m.title.lower().split()[0] not in ("mr.", "mrs.", "ms.", "dr.", "mr", "mrs", "ms", "dr"):
                for key in _role_keys(m.title):
                    self.keys.append((m.start, key, full))
        if m.role:
            self.roles.setdefault(full, []).append((m.start, m.role))
            for key in _role_keys(m.role):
                self.keys.append((m.start, key, full))
        if m.gender:
            self.gender.setdefault(full, m.gender)
        return full

    def role(self, name: str, pos: int) -> str:
        """The role the text gave ``name`` most recently before ``pos`` (else first after)."""
        seen = self.roles.get(name) or []
        before = [r for p, r in seen if p <= pos]
        return before[-1] if before else (seen[0][1] if seen else "")

    def resolve(self, name: str, pos: int) -> str | None:
        """The full name a surname (or given name, or part of a name) stands for: the most
        recent full name before ``pos`` containing it at its start or end, else the first
        one after. None when no full name contains it, or it is already a full name."""
        words = tuple(w.lower() for w in name.split())
        if not words:
            return None
        n = len(words)
        for suffix in (True, False):  # "Virtanen" -> "Anna Virtanen"; else "Park" -> "Park Ji-sung"
            best_before = best_after = None
            for start, full, fw in self.names:
                if len(fw) <= n or (fw[-n:] != words if suffix else fw[:n] != words):
                    continue
                if start < pos:
                    best_before = full
                elif best_after is None:
                    best_after = full
            if best_before or best_after:
                return best_before or best_after
        return None

    def link(self, phrase: str, pos: int) -> str | None:
        """The named person a definite description (``the Kremlin aide``) refers to: the one
        person given exactly that title or apposition earlier, else None."""
        if phrase.rstrip().endswith("s") and not phrase.rstrip().endswith("ss"):
            return None  # a plural ("the senators") is not one person
        wanted = _role_keys(phrase)
        if not wanted:
            return None
        key = wanted[0]
        found = {name for start, k, name in self.keys if k == key and start < pos}
        return next(iter(found)) if len(found) == 1 else None
