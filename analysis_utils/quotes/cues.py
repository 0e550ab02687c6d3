"""Cue words of attribution: the lexicon behind :mod:`analysis_utils.quotes`.

The verbs live in ``data/cue_verbs.yml`` so that users can add their own; this module
reads that file (once, on first use), generates the inflections and answers one
question: *is there a cue at this word?*

Groups (see the YAML file for the lists)
----------------------------------------
``speech``        utterance verbs taking a quotation or a clause: *say, add, warn, note,
                  announce, evaluate ...* -- ``X said (that) ...``, ``"...," said X``
``speech_that``   utterance verbs whose object is usually a noun phrase (*express,
                  deny, call, praise ...*): reported speech only with *that* or a quote
``addressee``     the first complement is the addressee (*tell, urge, ask ...*):
                  ``X told reporters (that) ...``; never inverted
``quote_only``    only frame a quotation (*continue, wonder, shout, read ...*)
``cognition``     belief and assessment (*believe, assess, speculate ...*) -- the
                  clause is attributed, quoted fragments inside it are not the
                  source's words; ``cognition_that`` needs *that*
``evidence``      what a document or data show (*show, find, indicate*): needs *that*,
                  or a document, institution or organisation as subject
``according``     fixed phrases with the source after them (*according to*)

Besides the verbs, ``nouns`` lists speech nouns (*claim, argument, warning ...*) that
attribute the clause after them to their possessor: ``Trump's claim that the vote is
"rigged"``, ``her promise to "drain the swamp"`` (see :func:`attribution.noun_frames`).

Inflections: third person ``-s``/``-es``/``-ies``, past ``-d``/``-ed``/``-ied``,
``-ing`` (a final silent ``-e`` dropped); irregular and doubled forms are listed under
``forms`` in the file. Multi-word cues inflect their first word (*pointed out*).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Mapping

GROUPS = ("speech", "speech_that", "addressee", "quote_only", "cognition", "cognition_that", "evidence",
          "according")
#: cues of belief, intention and assessment (``X believes``, ``X wants``): what they attribute
#: was not said (the quotes table's ``speech`` column is False for them)
THOUGHT_GROUPS = frozenset({"cognition", "cognition_that"})
LEARNED_CUES = "cue_lexicon.json"
_VOWELS = set("aeiou")


def inflections(lemma: str) -> list[str]:
    """Regular forms of a verb: ``["warn", "warns", "warned", "warning"]``.

    >>> inflections("emphasize")
    ['emphasize', 'emphasizes', 'emphasized', 'emphasizing']
    >>> inflections("reply")
    ['reply', 'replies', 'replied', 'replying']
    """
    w = lemma
    y_to_i = w.endswith("y") and len(w) > 1 and w[-2] not in _VOWELS  # reply -> replies, replied
    stem = w[:-1] + "i" if y_to_i else w
    third = stem + "es" if y_to_i or w.endswith(("s", "sh", "ch", "x", "z", "o")) else w + "s"
    past = w + "d" if w.endswith("e") else stem + "ed"
    if w.endswith("ie"):
        ing = w[:-2] + "ying"
    elif w.endswith("e") and not w.endswith(("ee", "ye", "oe")):
        ing = w[:-1] + "ing"
    else:
        ing = w + "ing"
    return [w, third, past, ing]


@dataclass(frozen=True)
class Cue:
    """A cue found at a word: its ``lemma``, ``group`` and number of words ``n``."""

    lemma: str
    group: str
    n: int = 1
    form: str = ""
    learned: bool = False  # found by the cue tagger: attributes its clause, changes no speaker state

    @cached_property
    def participle(self) -> bool:
        """An ``-ing`` form (``saying``, ``adding``; not *according to*); read once per cue."""
        return self.group != "according" and self.form.split(" ")[0].endswith("ing")


@dataclass(frozen=True)
class CueLexicon:
    """Word forms -> cues. Build with :func:`lexicon_from_mapping` or :func:`default_lexicon`."""

    single: Mapping[str, Cue] = field(default_factory=dict)
    multi: Mapping[str, tuple[tuple[tuple[str, ...], Cue], ...]] = field(default_factory=dict)
    nouns: Mapping[str, str] = field(default_factory=dict)  # singular and plural form -> lemma
    # the learned tagger of :mod:`.cue_model` for the words the lexicon does not list (None: none)
    tagger: object = field(default=None, compare=False)

    def match(self, words: list[str], i: int) -> Cue | None:
        """The cue starting at ``words[i]`` (lower-case words), longest first, or None."""
        w = words[i]
        for rest, cue in self.multi.get(w, ()):
            if tuple(words[i + 1:i + 1 + len(rest)]) == rest:
                return cue
        return self.single.get(w)

    def groups(self) -> dict[str, list[str]]:
        """Lemmas by group (for documentation and tests)."""
        out: dict[str, set[str]] = {}
        for cue in list(self.single.values()) + [c for v in self.multi.values() for _, c in v]:
            out.setdefault(cue.group, set()).add(cue.lemma)
        return {g: sorted(v) for g, v in out.items()}


def lexicon_from_mapping(data: Mapping) -> CueLexicon:
    """A :class:`CueLexicon` from the structure of ``data/cue_verbs.yml``."""
    forms = {str(k): [str(f) for f in v] for k, v in (data.get("forms") or {}).items()}
    single: dict[str, Cue] = {}
    multi: dict[str, list[tuple[tuple[str, ...], Cue]]] = {}
    for group in GROUPS:
        for lemma in data.get(group) or []:
            lemma = str(lemma).strip().lower()
            if not lemma:
                continue
            words = lemma.split()
            if group == "according":
                variants = [lemma]
            elif lemma in forms:
                variants = [lemma] + forms[lemma]
            else:
                variants = [" ".join([f] + words[1:]) for f in inflections(words[0])]
            for v in variants:
                parts = v.split()
                cue = Cue(lemma, group, len(parts), v)
                if len(parts) == 1:
                    single.setdefault(parts[0], cue)
                else:
                    multi.setdefault(parts[0], []).append((tuple(parts[1:]), cue))
    frozen_multi = {k: tuple(sorted(v, key=lambda x: -len(x[0]))) for k, v in multi.items()}
    nouns: dict[str, str] = {}
    for lemma in data.get("nouns") or []:
        lemma = str(lemma).strip().lower()
        if lemma and " " not in lemma:
            nouns[lemma] = lemma
            nouns.setdefault(lemma + ("es" if lemma.endswith(("s", "sh", "ch", "x", "z")) else "s"), lemma)
    return CueLexicon(single, frozen_multi, nouns)


def read_mapping(path: str | Path | None = None) -> dict:
    """The content of a cue-verb YAML file (default: the kit's ``data/cue_verbs.yml``)."""
    import yaml

    if path is None:
        from ..paths import data_dir

        path = data_dir() / "cue_verbs.yml"
    return yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}


def load_lexicon(path: str | Path) -> CueLexicon:
    """Read a cue-verb YAML file (same layout as ``data/cue_verbs.yml``)."""
    return lexicon_from_mapping(read_mapping(path))


@lru_cache(maxsize=1)
def default_lexicon() -> CueLexicon:
    """The kit's lexicon (read once; the result is immutable): ``data/cue_verbs.yml`` plus
    the cue words learned from PolNeAR train (``analysis_utils/models/cue_lexicon.json``,
    written by ``benchmarks/train_quotes.py``; see :func:`learned_cues`), with the learned
    cue tagger of :mod:`.cue_model` for words in context."""
    from dataclasses import replace

    from .cue_model import default_tagger

    return replace(lexicon_from_mapping(merged(read_mapping(), learned_cues())), tagger=default_tagger())


def learned_cues(path: str | Path | None = None) -> dict:
    """The learned cue words: ``{"groups": {group: [lemma, ...]}, "forms": {lemma: [form, ...]}}``.

    ``path`` defaults to the shipped ``analysis_utils/models/cue_lexicon.json``. Raises
    :class:`~analysis_utils.errors.ModelFileError` with a clear message when the file is
    missing, is not JSON, or does not have that layout.
    """
    from .model_files import MODELS, bad_layout, read_model

    path = Path(path) if path is not None else MODELS / LEARNED_CUES
    data = read_model(path, "learned cue lexicon")
    groups, forms = (data.get("groups"), data.get("forms", {})) if isinstance(data, dict) else (None, None)
    if (not isinstance(groups, dict) or not isinstance(forms, dict)
            or any(g not in GROUPS or not isinstance(v, list) or not all(isinstance(x, str) for x in v)
                   for g, v in groups.items())
            or any(not isinstance(v, list) or not all(isinstance(x, str) for x in v) for v in forms.values())):
        raise bad_layout(path, "learned cue lexicon", "{'groups': {group: [lemma]}, 'forms': {lemma: [form]}}")
    return {"groups": groups, "forms": forms}


def merged(data: Mapping, learned: Mapping) -> dict:
    """The mapping of ``data/cue_verbs.yml`` (``data``) with the learned words added: a
    lemma that the file already lists keeps its group there."""
    out = {k: (list(v) if isinstance(v, list) else dict(v) if isinstance(v, Mapping) else v) for k, v in data.items()}
    listed = {str(x).strip().lower() for g in GROUPS for x in (data.get(g) or [])}
    forms = dict(out.get("forms") or {})
    for group, lemmas in learned.get("groups", {}).items():
        for lemma in lemmas:
            if lemma not in listed:
                out.setdefault(group, []).append(lemma)
                if lemma in learned.get("forms", {}) and lemma not in forms:
                    forms[lemma] = list(learned["forms"][lemma])
    out["forms"] = forms
    return out
