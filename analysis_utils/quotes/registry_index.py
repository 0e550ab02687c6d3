"""Look-ups of an actor registry for the quotes table: which actor a speaker is, and
which country a phrase names (see ``speaker_actor`` and ``speaker_country`` in
:mod:`analysis_utils.quotes.finder`).

Everything that depends on the registry alone (names, aliases, references, country
hints and their pattern) is built once per registry and kept; only the family names
the text can use (an actor named in full somewhere in it) are read per text.
"""
from __future__ import annotations

import re

_TITLE_BEFORE = re.compile(r"((?:[A-Z][\w.'’-]*\s+(?:of\s+|the\s+)*){1,6})$")
_CAPITAL = re.compile("[A-Z]")


def title_before(text: str, start: int) -> str:
    """The capitalised words right before a speaker mention (``North Korea's Foreign
    Minister`` before ``Ri Son-gwon``), or ``""``."""
    window = text[max(0, start - 80):start]
    # the words end in white space, the last of them "of", "the" or one with a capital letter
    last = window.rsplit(None, 1)[-1] if window[-1:].isspace() and not window.isspace() else ""
    if last not in ("of", "the") and not _CAPITAL.search(last):
        return ""  # (what the pattern below would find)
    m = _TITLE_BEFORE.search(window)
    return m.group(1).strip() if m else ""


class RegistryIndex:
    """Look-ups of one registry: names, aliases and references to actors, country hints,
    and the family names that may stand alone for an actor. Get one with :meth:`of`
    (built once per registry object; a registry is immutable)."""

    _cache: dict[int, tuple[object, "RegistryIndex"]] = {}

    def __init__(self, registry):
        self.registry = registry
        self.forms: dict[str, str] = {}
        self.folded: dict[str, str] = {}
        self.by_name: dict[str, object] = {}
        family: dict[str, list[str]] = {}
        hints: dict[str, str] = {}
        for a in registry:
            self.by_name.setdefault(a.name, a)
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
        # family name -> (actor, [(full form, its pattern)])
        self.family_forms: dict[str, tuple[str, list[tuple[str, re.Pattern]]]] = {}
        for fam, names in family.items():
            if len(names) != 1:
                continue
            a = registry.get(names[0])
            full = [f for f in (a.name, *a.aliases) if len(f.split()) >= 2]
            self.family_forms[fam] = (a.name, [(f, re.compile(rf"(?<![\w-]){re.escape(f)}(?![\w-])")) for f in full])
        self.hints = hints
        alt = "|".join(re.escape(f) for f in sorted(hints, key=len, reverse=True))
        self.hint_re = re.compile(rf"(?<![\w-])(?:{alt})(?![\w-])") if alt else None
        self._hint_of: dict[str, str] = {}

    @classmethod
    def of(cls, registry) -> "RegistryIndex":
        kept = cls._cache.get(id(registry))
        if kept is not None and kept[0] is registry:
            return kept[1]
        if len(cls._cache) > 8:
            cls._cache.clear()
        idx = cls(registry)
        cls._cache[id(registry)] = (registry, idx)
        return idx

    def family_in(self, text: str) -> dict[str, str]:
        """Family name -> actor, for the actors whose family name is theirs alone in the
        registry and whom ``text`` names in full."""
        return {fam: name for fam, (name, full) in self.family_forms.items()
                if any(f in text and rx.search(text) for f, rx in full)}

    def family_actor(self, fam: str, text: str) -> str | None:
        """The actor a family name alone stands for in ``text`` (:meth:`family_in`, for one
        name), else None."""
        entry = self.family_forms.get(fam)
        if entry is None:
            return None
        name, full = entry
        return name if any(f in text and rx.search(text) for f, rx in full) else None

    def actor(self, speaker: str, surface: str, text: str) -> str:
        """The registry actor a resolved speaker (or its surface mention) in ``text`` is, or
        ``""``."""
        forms = self.forms
        for key in (speaker, surface, "the " + surface if surface else ""):
            if key and key in forms:
                return forms[key]
        for key in (speaker, surface):
            if key and key.casefold() in self.folded:
                return self.folded[key.casefold()]
        if len(speaker.split()) == 1:
            return self.family_actor(speaker, text) or ""
        return ""

    def country_of(self, name: str) -> str:
        """The registry country of an actor (a country is its own), else ``""``."""
        a = self.by_name.get(name)
        if a is None:
            return ""
        return (a.name if a.kind == "country" else a.country) or ""

    def country_hint(self, phrase: str) -> str:
        """The first country a phrase names (see :mod:`analysis_utils.quotes.finder`), or ``""``."""
        if not phrase or self.hint_re is None:
            return ""
        hit = self._hint_of.get(phrase)
        if hit is None:
            hit = self._hint_of[phrase] = self._country_hint(phrase)
            if len(self._hint_of) > 50_000:
                self._hint_of.clear()
        return hit

    def _country_hint(self, phrase: str) -> str:
        for m in self.hint_re.finditer(phrase):
            form = m.group(0)
            before = phrase[:m.start()].rstrip()
            if " " not in form and before[-1:].isalpha() and before.split()[-1][:1].isupper() \
                    and m.start() > 0 and not before.endswith(("the", "The")):
                continue  # part of a longer name: "South America", "Latin America"
            return self.hints[form]
        return ""
