"""Speaker resolution for :class:`~analysis_utils.quotes.builder.QuoteBuilder`: the
speaker of a frame from its mention (a name resolved through the
:class:`~analysis_utils.quotes.name_index.PersonIndex`, a pronoun, a descriptor), and who
a pronoun is (the last speaker, the subject of the sentence or paragraph, a group). The
rules are described in :mod:`analysis_utils.quotes.builder`.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from .builder_state import _Said
from .frames import Frame
from .names import Mention, role_gender
from .word_lists import ANON_HEADS, DOCUMENT_HEADS, INSTITUTION_HEADS


# unions of word lists, built once (not at every call)
_INSTITUTION_OR_DOCUMENT = INSTITUTION_HEADS | DOCUMENT_HEADS
# singular institution nouns a named body ends with ("the agency" -> "... Protection Agency")
_ONE_BODY = frozenset(("ministry", "department", "agency", "administration", "campaign", "committee",
                       "commission", "council", "party", "court", "embassy", "office", "company", "bank",
                       "union", "organization", "organisation", "association", "institute", "board",
                       "foundation", "center", "centre", "coalition", "network", "group", "authority"))


def _quiet(*args, **kwargs) -> None:
    """``_said`` for a frame that must not change the speaker state."""


@lru_cache(maxsize=64)
def _body_pattern(head: str) -> re.Pattern:
    """Capitalised words (not a leading *The*; *of*, *for*, *on* inside) ending with ``head``
    capitalised."""
    cap = r"[A-Z][\w.&'’-]*"
    return re.compile(rf"\b(?!The\b){cap}(?:\s+(?:(?:of|for|on)\s+(?:the\s+)?)?{cap})*?\s+{head.capitalize()}\b")


def _since(said: list[_Said], para: int) -> list[_Said]:
    """The items of ``said`` (in text order) from paragraph ``para`` on."""
    return said[bisect_left(said, para, key=lambda s: s.para):]


class SpeakerResolution:
    """Speaker rules of the document pass (mixed into ``QuoteBuilder``, whose state they read)."""

    # speakers ----------------------------------------------------------------------------
    def _resolve(self, f: Frame, pidx: int) -> None:
        m = f.mention
        if m is None:
            return
        via_main = f.via == "main-clause"
        # a cue of the learned tagger attributes its clause but changes nobody's turn
        note = self._said if not f.cue.learned else _quiet
        if m.kind == "name" and m.parts:
            names = [self.people.resolve(x.text, x.start) or x.text for x in m.parts]
            f.speaker, f.speaker_span = " and ".join(names), (m.start, m.end)
            f.via = "main-clause" if via_main else "collective"
            note(f.speaker, m.start, pidx, False, True, "")
        elif m.kind == "name":
            surface = m.text
            if surface.isupper() and len(surface) > 1:
                full = self.people.resolve(surface.title(), m.start, m.gender) or surface
            else:
                full = self.people.resolve(surface, m.start, m.gender) if len(surface.split()) < 3 else None
                full = full or surface
            f.speaker = full
            f.role = m.role or m.title or self.people.role(full, m.start)
            f.speaker_span = (m.start, m.end)
            f.via = "main-clause" if via_main else "name"
            note(full, m.start, pidx, m.person, m.plural, m.gender or self.people.gender.get(full, ""))
        elif m.kind == "pronoun":
            said = self._pronoun(m, pidx)
            if said is not None and m.object_case and self._is_subject(said.name):
                said = None  # "Clinton accused him of saying": "him" is not Clinton
            if said is not None:
                f.speaker = said.name
                f.role = self.people.role(said.name, m.start)
                f.speaker_span = (m.start, m.end)
                f.via = "main-clause" if via_main else "pronoun"
                if m.head in ("he", "she") and said.person:
                    self.pron_gender.setdefault(said.name, "m" if m.head == "he" else "f")
                note(said.name, m.start, pidx, said.person, said.plural, said.gender)
        else:
            linked = self.people.link(m.text, m.start) if (m.definite or m.text[:1].isupper()) else None
            f.speaker_span = (m.start, m.end)
            body = self._institution(m) if not linked else None
            if body:
                f.speaker, f.role = body, ""
                f.via = "main-clause" if via_main else "collective"
                note(body, m.start, pidx, False, False, "")
            elif linked:
                f.speaker, f.role = linked, m.text
                f.via = "main-clause" if via_main else "descriptor"
                note(linked, m.start, pidx, True, False, self.people.gender.get(linked, ""))
            else:
                f.speaker = m.text
                f.role = m.role
                f.anonymous = m.head in ANON_HEADS
                collective = m.plural or m.head in _INSTITUTION_OR_DOCUMENT
                f.via = "main-clause" if via_main else ("collective" if collective else "descriptor")
                note(m.text, m.start, pidx, m.person and not m.plural, m.plural,
                           m.gender or role_gender(m.text))

    def _institution(self, m: Mention) -> str | None:
        """The named body a definite institution reference stands for: ``the agency`` ->
        the last *Environmental Protection Agency* before it (a run of capitalised words
        ending with the same head noun, capitalised), when the text names exactly one such
        body before it; else None."""
        words = m.text.split()
        if not m.definite or m.plural or m.head not in _ONE_BODY or len(words) > 3 \
                or any(w[:1].isupper() for w in words[1:]):
            return None
        ends, names, second = self._bodies(m.head)
        k = bisect_right(ends, m.start)  # the bodies named before the mention
        return names[0] if 0 < k <= second else None

    def _bodies(self, head: str) -> tuple[list[int], list[str], int]:
        """The named bodies of ``head`` in the text, read once per head noun: their ends
        and names in text order, and the index of the first that differs from the first."""
        cache = self.__dict__.setdefault("_body_cache", {})
        if head not in cache:
            ends, names = [], []
            if head.capitalize() in self.text:
                for x in _body_pattern(head).finditer(self.text):
                    if len(x.group(0).split()) >= 2:
                        ends.append(x.end())
                        names.append(x.group(0))
            second = next((i for i, n in enumerate(names) if n != names[0]), len(names))
            cache[head] = (ends, names, second)
        return cache[head]

    def _said(self, name: str, pos: int, para: int, person: bool, plural: bool, gender: str) -> None:
        if self.paras_by_index.get(para) is not None and self.paras_by_index[para].headline:
            return  # a headline is not part of the running discourse
        self.last = _Said(name, pos, para, person, plural, gender or self.pron_gender.get(name, ""))
        self.speakers.append(self.last)

    def _pronoun(self, m: Mention, pidx: int) -> _Said | None:
        p = m.head
        if p in ("i", "we", "you", "who"):
            return None
        last = self.last if self.last is not None and pidx - self.last.para <= 2 else None
        own = self._own_subject(m, pidx)
        if own is not None:
            return own
        if p in ("he", "she"):
            g = "m" if p == "he" else "f"
            mine = self._own_person(m, g)
            if mine is not None:
                return mine

            def fits(s: _Said) -> bool:
                sg = s.gender or self.pron_gender.get(s.name, "") or self.people.gender.get(s.name, "")
                return s.person and not s.plural and sg in ("", g)

            recent = [s for s in _since(self.subjects, pidx - 1) if last is None or s.pos > last.pos]
            others = {s.name for s in recent if fits(s)} - ({last.name} if last else set())
            def known(s: _Said) -> bool:  # a person the text named in full, of this gender
                sg = s.gender or self.pron_gender.get(s.name, "") or self.people.gender.get(s.name, "")
                return sg == g and s.name in self.people.full_names

            def unknown(s: _Said) -> bool:  # a person (named in full or titled) of unknown gender
                sg = s.gender or self.pron_gender.get(s.name, "") or self.people.gender.get(s.name, "")
                return not sg and (s.name in self.people.full_names or s.titled)

            here = {s.name for s in recent if fits(s) and s.para == pidx}
            if len(here) == 1 and (known(next(s for s in recent if s.name in here))
                                   or unknown(next(s for s in recent if s.name in here))) \
                    and (last is None or last.para < pidx):
                # the one compatible subject of this paragraph beats a speaker of an earlier one
                name = next(iter(here))
                return max((s for s in recent if s.name == name), key=lambda s: s.pos)
            if last is not None and fits(last):
                return last if not others else None
            # the last speaker does not fit: the one compatible person seen in the last paragraphs
            window = [s for s in _since(self.speakers, pidx - 2) + _since(self.subjects, pidx - 2) if fits(s)]
            names = {s.name for s in window}
            if len(names) == 1:
                return max(window, key=lambda s: s.pos)
            # else the one person of this gender, when the others are no people the text named
            # in full ("Delegates questioned ...") and none of unknown gender was
            strong = {s.name for s in window if known(s)}
            unsure = {s.name for s in window if s.name in self.people.full_names and not known(s)}
            if len(strong) == 1 and not unsure:
                return max((s for s in window if s.name in strong), key=lambda s: s.pos)
            return self._one_of_gender(m, g)
        if p == "they":
            groups = [g for g in _since(self.groups, pidx - 1) if last is None or g.pos > last.pos]
            if groups:
                return groups[-1]  # "Critics of the program ... They sent a letter." -> the critics
        if last is None:
            return None
        if p == "they" and (last.plural or (not last.person and last.name.split()[-1].lower() not in DOCUMENT_HEADS)):
            return last
        if p == "it" and not last.person and not last.plural:
            return last
        return None

    def _one_of_gender(self, m: Mention, g: str) -> _Said | None:
        """The one person of gender ``g`` named in full -- as subject, object or anywhere --
        in this paragraph or the two before, when every person named there has a known
        gender (``Senator Maria Lopez met Governor John Keller ... "...," he said`` -> John
        Keller); else None."""
        people = self.people
        here = people._paragraph(m.start)
        lo = people.paragraph_starts[here - 3] if here >= 3 else -1  # the paragraph two before
        fit, named = None, False
        for name in people.mentioned():  # each person once, not each mention
            offs = people.seen_offsets(name)
            i = bisect_left(offs, lo)
            if i == len(offs) or offs[i] >= m.start:
                continue  # not named in these paragraphs
            named = True
            if not people.gender.get(name):
                return None
            if people.gender[name] == g and name in people.full_names:
                if fit is not None:
                    return None
                fit = name
        if not named or fit is None:
            return None
        offs = people.seen_offsets(fit)
        return _Said(fit, offs[bisect_left(offs, m.start) - 1], self.cur_para, True, False, g)

    def _group(self, subj: Mention, pidx: int) -> _Said | None:
        """A plural subject *they* may later stand for: people or institutions in the plural
        (``Critics of the program``, ``Republican leaders``), two coordinated names, or a
        *they* subject that resolved to such a group."""
        if subj.kind == "descriptor" and subj.plural and (subj.person or subj.head in INSTITUTION_HEADS):
            return _Said(subj.text, subj.start, pidx, subj.person, True, "")
        if subj.kind == "name" and subj.parts:
            names = [self.people.resolve(x.text, x.start) or x.text for x in subj.parts]
            return _Said(" and ".join(names), subj.start, pidx, True, True, "")
        if subj.kind == "pronoun" and subj.head == "they":
            said = self._pronoun(subj, pidx)
            if said is not None and said.plural:
                return _Said(said.name, subj.start, pidx, said.person, True, "")
        return None

    def _aside(self, pidx: int) -> bool:
        """A short narrative paragraph with no quotation, no cue and no name after its first
        word (``The crowd roared.``): it does not end the speaker's turn."""
        p = self.paras_by_index.get(pidx)
        if p is None or p.headline or pidx in self.para_has_frames or self.tail_row.get(pidx) is not None:
            return False
        words = self.text[p.start:p.end].split()
        return 0 < len(words) <= 12 and not any(c in self.text[p.start:p.end] for c in "\"“”‘’") \
            and not any(w[:1].isupper() for w in words[1:])

    def _is_subject(self, name: str) -> bool:
        """Is ``name`` the subject of the sentence being attributed?"""
        subj = self.cur_subj
        if subj is None or subj.kind != "name":
            return False
        return name in {self.people.resolve(x.text, x.start) or x.text for x in (subj.parts or [subj])}

    def _own_person(self, m: Mention, g: str) -> _Said | None:
        """*he*/*she* later in a sentence whose subject is one person named in full or titled,
        of that gender or of none known: ``Gary Johnson drew laughs when he asked, "..."``."""
        subj = self.cur_subj
        if subj is None or subj.kind != "name" or not subj.person or subj.parts or subj.end > m.start \
                or m.object_case:
            return None  # "Clinton accused him of ...": an object is not the subject
        name = self.people.resolve(subj.text, subj.start) or subj.text
        if name not in self.people.full_names and not subj.title:
            return None
        sg = subj.gender or self.people.gender.get(name, "") or self.pron_gender.get(name, "")
        if sg not in ("", g):
            return None
        return _Said(name, subj.start, self.cur_para, True, False, sg or g)

    def _own_subject(self, m: Mention, pidx: int) -> _Said | None:
        """*it*/*they* later in the sentence whose subject is an institution or a group: ``The
        Justice Department sued the state over what it described as "..."``."""
        subj = self.cur_subj
        if m.head not in ("it", "they") or subj is None or subj.kind == "pronoun" or subj.end > m.start \
                or subj.parts or (subj.person and subj.kind == "name"):
            return None
        if (m.head == "it") == bool(subj.plural):
            return None
        if subj.kind == "descriptor" and subj.head not in _INSTITUTION_OR_DOCUMENT \
                and not (m.head == "they" and subj.head in ANON_HEADS):
            return None
        if subj.kind == "name" and subj.text.split()[-1].lower() not in INSTITUTION_HEADS:
            return None  # "the Security Council", "the Justice Department"; not "the Clean Power Plan"
        return _Said(subj.text, subj.start, pidx, False, bool(subj.plural), "")

