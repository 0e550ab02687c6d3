"""People named in a text: full names, their titles and roles, and how short mentions resolve.

:class:`PersonIndex` is filled in text order with ``name`` mentions
(:func:`analysis_utils.quotes.speakers.name_mention`). Full names are two to five capitalised
words that do not look like an organisation or a place.

* A surname, a given name or a title + surname resolves to a full name before it that
  ends with it (``Virtanen`` -> ``Anna Virtanen``), else one that starts with it
  (``Chairman Park`` -> ``Park Ji-sung``); the first one after it when none comes
  before. When several people share it (*Ted Cruz*, *Heidi Cruz*): only those whose
  gender fits a gendered title (*Mrs. Cruz*); then the one named in full most recently
  in the same paragraph; else the one mentioned most often so far (the article's main
  bearer of the name -- style guides name the others in full), the most recent on a tie.
* A definite description (``the Kremlin aide``, ``the president``) resolves to a named
  person only when a title or an apposition earlier in the text gave exactly one person
  that description (``Yuri Orlov, the Kremlin aide``); plural descriptions never do.
  Abbreviated titles count as the word (*Sen. Lopez* is *the senator*).
* A person's role is the title or apposition the text gave most recently before a
  mention. Gender hints come from titles (*Mr., Ms.*) and gendered role nouns, else
  from the first word of the name in ``data/first_names.yml`` (common given names of
  one gender; never for family-name-first names such as *Kim Jong-un*).
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from dataclasses import dataclass, field
from functools import lru_cache

from ..actors.registry import _FAMILY_NAME_FIRST as _FAMILY_FIRST
from .names import Mention, role_gender
from .word_lists import DETERMINERS


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_MODIFIED = _set("vice deputy assistant former acting under associate ex- then interim")
# abbreviated titles and the word a description uses ("Sen. Lopez" ... "the senator")
_ABBREVIATED = {
    "sen": "senator", "sens": "senators", "rep": "representative", "reps": "representatives",
    "gov": "governor", "gen": "general", "lt": "lieutenant", "col": "colonel", "adm": "admiral",
    "pres": "president", "amb": "ambassador", "supt": "superintendent", "det": "detective",
    "prof": "professor", "atty": "attorney", "sgt": "sergeant", "capt": "captain", "cmdr": "commander",
    "maj": "major", "insp": "inspector", "rev": "reverend", "sec": "secretary", "dept": "department",
}
# unions of word lists, built once (not at every call)
_LEADING_WORDS = DETERMINERS | _set("now also")


@lru_cache(maxsize=4)
def given_names(path: str | None = None) -> dict[str, str]:
    """``{lower-case given name: "m" | "f"}`` from ``data/first_names.yml`` (read once)."""
    from pathlib import Path

    import yaml

    from ..paths import data_dir

    p = Path(path) if path else data_dir() / "first_names.yml"
    if not p.is_file():
        return {}
    data = yaml.safe_load(p.read_text(encoding="utf-8")) or {}
    out: dict[str, str] = {}
    for key, g in (("female", "f"), ("male", "m")):
        for name in data.get(key) or []:
            out.setdefault(str(name).strip().lower(), g)
    return out


def given_name_gender(full_name: str) -> str:
    """``"m"``/``"f"`` when the first word of a full name is a common given name of one
    gender (``Sarah Green`` -> ``"f"``), else ``""`` (one word, initials, family-name-first
    names, unknown or unisex names)."""
    words = full_name.split()
    if len(words) < 2:
        return ""
    first = words[0].lower().rstrip(".")
    if len(first) < 2 or first in _FAMILY_FIRST:
        return ""
    return given_names().get(first, "")


def _role_keys(phrase: str) -> list[str]:
    """Keys a definite description may use for this role: the phrase without its
    determiner, and its last word unless a modifier narrows it (*vice* president)."""
    words = [w.lower().rstrip(".,") for w in phrase.split()]
    words = [_ABBREVIATED.get(w, w) for w in words]
    while words and words[0] in _LEADING_WORDS:
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
    seen: list[tuple[int, str]] = field(default_factory=list)  # (offset, full name) of every mention
    paragraph_starts: list[int] = field(default_factory=list)  # set by the caller, sorted
    guessed: set[str] = field(default_factory=set)  # genders from the given-name list only
    full_names: set[str] = field(default_factory=set)  # every full name registered so far
    # indexes kept as mentions come, so that every query costs the people it may concern,
    # not every mention so far (a text naming one person 20,000 times stays linear):
    # last / first word -> {full name: (its lower-case words, sorted offsets)}
    _by_last: dict[str, dict] = field(default_factory=dict, repr=False, compare=False)
    _by_first: dict[str, dict] = field(default_factory=dict, repr=False, compare=False)
    _indexed: int = field(default=0, repr=False, compare=False)
    _seen_at: dict[str, list[int]] = field(default_factory=dict, repr=False, compare=False)  # name -> offsets
    _role_at: dict[str, list[int]] = field(default_factory=dict, repr=False, compare=False)  # name -> offsets
    _key_names: dict[str, dict[str, int]] = field(default_factory=dict, repr=False, compare=False)
    _keys_indexed: int = field(default=0, repr=False, compare=False)

    def _index(self) -> None:
        """Bring the word indexes of :attr:`names` up to date (entries are only appended)."""
        if self._indexed > len(self.names):
            self._by_last, self._by_first, self._indexed = {}, {}, 0
        for start, full, fw in self.names[self._indexed:]:
            if fw:
                for table, word in ((self._by_last, fw[-1]), (self._by_first, fw[0])):
                    slot = table.setdefault(word, {}).get(full)
                    if slot is None:
                        table[word][full] = (fw, [start])
                    else:
                        insort(slot[1], start)
        self._indexed = len(self.names)

    def mentioned(self):
        """The full names mentioned so far, each once."""
        return self._seen_at.keys()

    def seen_offsets(self, name: str) -> list[int]:
        """The sorted offsets of the mentions of ``name`` so far."""
        return self._seen_at.get(name, [])

    def add(self, m: Mention) -> str | None:
        """Register a ``name`` mention; returns the full name it is (or resolves to)."""
        if m.kind != "name" or not m.person:
            return None
        words = m.text.split()
        full = m.text if len(words) >= 2 else (self.resolve(m.text, m.start, m.gender) or None)
        if full is None:
            return None
        self.seen.append((m.start, full))
        insort(self._seen_at.setdefault(full, []), m.start)
        if len(words) >= 2:
            self.names.append((m.start, full, tuple([w.lower() for w in words])))
            self.full_names.add(full)
        if m.title and not m.role:
            self._add_role(full, m.start, m.title)
            if m.title.lower().split()[0] not in ("mr.", "mrs.", "ms.", "dr.", "mr", "mrs", "ms", "dr"):
                for key in _role_keys(m.title):
                    self.keys.append((m.start, key, full))
        if m.role:
            self._add_role(full, m.start, m.role)
            for key in _role_keys(m.role):
                self.keys.append((m.start, key, full))
        gender = m.gender or (role_gender(m.role) if m.role else "")
        if gender and (full not in self.gender or full in self.guessed):
            self.gender[full] = gender  # a title or role noun overrules a given-name guess
            self.guessed.discard(full)
        elif full not in self.gender and len(words) >= 2:
            g = given_name_gender(full)
            if g:
                self.gender[full] = g
                self.guessed.add(full)
        return full

    def knows(self, word: str) -> bool:
        """Does a full name registered so far start or end with ``word`` (in any case)?
        Without one, a one-word name resolves to nobody (:meth:`resolve` is None)."""
        if self._indexed != len(self.names):
            self._index()
        w = word.lower()
        return w in self._by_last or w in self._by_first

    def _add_role(self, name: str, pos: int, role: str) -> None:
        at = self._role_at.setdefault(name, [])
        i = bisect_right(at, pos)
        at.insert(i, pos)
        self.roles.setdefault(name, []).insert(i, (pos, role))

    def add_key(self, pos: int, key: str, name: str) -> None:
        """Let the description ``key`` (``26-year-old``) stand for ``name`` after ``pos``."""
        self.keys.append((pos, key, name))

    def role(self, name: str, pos: int) -> str:
        """The role the text gave ``name`` most recently before ``pos`` (else first after)."""
        seen = self.roles.get(name) or []
        i = bisect_right(self._role_at.get(name, []), pos)
        return seen[i - 1][1] if i else (seen[0][1] if seen else "")

    def resolve(self, name: str, pos: int, gender: str = "") -> str | None:
        """The full name a surname (or given name, or part of a name) stands for, read at
        offset ``pos``: a full name before ``pos`` ending with it, else starting with it,
        else the first one after; among several, see the module docstring. ``gender``
        (``"m"``/``"f"`` from a title such as *Mrs.*) keeps only people it fits. None when
        no full name contains it, or it is already a full name."""
        words = tuple([w.lower() for w in name.split()])
        if not words:
            return None
        n = len(words)
        if self._indexed != len(self.names):
            self._index()
        for suffix in (True, False):  # "Virtanen" -> "Anna Virtanen"; else "Park" -> "Park Ji-sung"
            before: dict[str, int] = {}  # full name -> its last offset before ``pos``
            after: tuple[int, str] | None = None  # the first full name after
            # only names with the same last (first) word can end (start) with ``words``
            table = self._by_last.get(words[-1], {}) if suffix else self._by_first.get(words[0], {})
            for full, (fw, starts) in table.items():
                if len(fw) <= n or (fw[-n:] != words if suffix else fw[:n] != words):
                    continue
                if gender and self.gender.get(full, gender) != gender:
                    continue
                i = bisect_left(starts, pos)
                if i:
                    before[full] = starts[i - 1]
                if i < len(starts) and (after is None or starts[i] < after[0]):
                    after = (starts[i], full)
            if before:
                return self._choose(before, pos)
            if after:
                return after[1]
        return None

    def _choose(self, before: dict[str, int], pos: int) -> str:
        """One of several people sharing a name, read at ``pos`` (module docstring);
        ``before``: each one's last offset before ``pos``."""
        last_full = max(before, key=before.__getitem__)
        if len(before) == 1:
            return last_full
        if self.paragraph_starts and self._paragraph(before[last_full]) == self._paragraph(pos):
            return last_full  # named in full in this paragraph
        counts = {f: bisect_left(self._seen_at.get(f, []), pos) for f in before}
        return max(before, key=lambda f: (counts[f], before[f]))

    def _paragraph(self, pos: int) -> int:
        return bisect_right(self.paragraph_starts, pos)

    def link(self, phrase: str, pos: int) -> str | None:
        """The named person a definite description (``the Kremlin aide``) refers to: the one
        person given exactly that title or apposition earlier, else None."""
        if phrase.rstrip().endswith("s") and not phrase.rstrip().endswith("ss"):
            return None  # a plural ("the senators") is not one person
        wanted = _role_keys(phrase)
        if not wanted:
            return None
        key = wanted[0]
        for k in range(self._keys_indexed, len(self.keys)):  # index the keys added since
            start, kk, name = self.keys[k]
            names = self._key_names.setdefault(kk, {})
            names[name] = min(start, names.get(name, start))
        self._keys_indexed = len(self.keys)
        found = None
        for name, start in self._key_names.get(key, {}).items():
            if start < pos:
                if found is not None:
                    return None
                found = name
        return found
