"""The document-level pass behind :func:`analysis_utils.quotes.find_quotes`.

:class:`QuoteBuilder` walks the sentences of a text in order, keeping the state a reader
keeps: the people named so far (:class:`~analysis_utils.quotes.name_index.PersonIndex`), the last
speaker, the subjects of recent sentences, the speaker of the previous paragraph. For
each sentence it finds the attribution frames (:mod:`analysis_utils.quotes.attribution`),
resolves their speakers, decides what every quotation is, and adds the reported clauses.

State machine, in order of precedence for a quotation
-----------------------------------------------------
1. A frame around it (``X said, "..."``, ``"...," said X``) -> ``direct``; inside a
   frame's reported clause -> ``partial`` (or ``scare`` for a term inside an opinion:
   *Some speculate that ... 'automatic military intervention'*).
2. A name joined by a dash or colon (``"..." ― Sonya Herridge``) -> that person.
3. Scare rules: a term after *so-called / dubbed / known as / the term*, a quoted
   modifier (*the 'game changer' weapon*), a Title-Case name (*the 'Friendship
   Treaty'*), a term already used as a scare quote, any short quotation inside a
   sentence with no cue.
4. A quotation that ends its sentence with no cue, after a colon in a sentence whose
   subject is a named person (``Obama has a message: "..."``; the subject of a clause after
   *but*/*while*: ``..., Smith said, but Jones was unconvinced: "..."``; the possessor of a
   speech noun: ``Trump's response was blunt: "..."``, ``The campaign's response:``, ``His
   answer:`` with *his* resolved like a speaker pronoun) -> that person or institution
   (``lead-in``, the colon as cue).
5. A quotation opening a sentence with no cue: the speaker of the last attribution of the
   same paragraph (``continuation``, same ``attribution`` id) unless the sentence in between
   attributed nothing and is about another named person (``"...," Smith said. Jones
   disagreed. "..."`` -> Jones); else, when the previous sentence of the paragraph
   attributed nothing, its named subject (or the person its *he*/*she* is) or the speaker
   of its clause-less cue (``Cummings called him a master ... "..."``; ``lead-in``); at the
   start of a paragraph, the speaker announced by a previous paragraph ending in a colon,
   or the speaker of the previous paragraph's last sentence when this paragraph has no cue
   (``previous-paragraph``; a short aside paragraph with no quotation and no name in
   between, ``The crowd roared.``, is passed over), or else that sentence's named subject when it attributed
   nothing (``lead-in``: ``Trump spoke for an hour in Ohio.`` / ``"Nobody can beat us."``);
   the pieces of a multi-paragraph quotation share a speaker (``multi-paragraph``).
   Otherwise the speaker stays empty.

Pronouns resolve to the last speaker when number, gender (from titles, role nouns,
earlier pronouns and common given names) and person/organisation agree and no other person
has been the subject of a sentence since; a person named in full or with a title, whose
gender fits or is unknown, and who is the only compatible subject of the current paragraph
beats a speaker of an earlier paragraph; else the one compatible person of the last
paragraphs (or the one of that gender, when the others are capitalised words the text
never names as people); else the pronoun stays unresolved. Both names of a coordinated
subject (``Trump and Clinton clashed``) are subjects. *They* prefers a plural subject of
this or the previous paragraph that came after the last speaker (``Critics of the program
... see ... They sent a letter. / "...," they wrote.``). *It*/*they* after the subject of
their own sentence, when that subject is an institution, a document or a group, are that
subject (``The Justice Department sued ... over what it described as "..."``).

Nicknames inside names (``Robert C. "Bobby" Scott``) are ``scare`` rows and do not break
the name; a sentence split after an abbreviated title (``state Del. | Marcia Price``) is
mended.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .clauses import clause_subject, dash_speaker, link_quote, reported_clause, standalone, trim_clause
from .frame_words import DASHES, POSSESSIVE_PRONOUNS, sentence_like, starts_upper
from .frames import Frame, has_that, sentence_frames
from .subjects import possessor_mention, sentence_subject
from .cues import Cue, CueLexicon
from .name_index import PersonIndex, given_name_gender
from ..text.paragraphs import Paragraph, title_case, words_of
from ..text.quote_marks import QuoteSpan
from .names import Mention, name_mention, nicknames, particle_prefix, role_gender
from .speakers import np_right
from .tokens import Tok, tokenize
from .word_lists import ANON_HEADS, DETERMINERS, DOCUMENT_HEADS, INSTITUTION_HEADS, STOP, TITLES

_NAMING = frozenset("so-called dubbed termed titled entitled named nicknamed labeled labelled branded "
                    "billed styled".split())
_TERM_NOUNS = frozenset("term word words phrase slogan hashtag motto label name title expression "
                        "catchphrase".split())
_TERMINAL = ".!?…"
# common irregular past tenses: after a quoted noun they are verbs, not the head it modifies
_PAST = frozenset("left made came became got took gave went began kept held brought felt found led lost "
                  "meant met paid put ran saw sent set stood told thought won wrote drew drove fell grew knew "
                  "rose sold spoke struck threw bought caught fought sought taught built spent stuck hit "
                  "cost hurt shut split spread forgot understood".split())
# a quotation opening with these is a whole noun phrase, not a modifier ("a new low" even for ...)
_NP_OPENERS = frozenset("a an the this these those his her their its our my your".split())
# words after a quotation that show it is no modifier of a following noun
_NOT_NOUN = frozenset("even again too instead anyway now then there here yet also still already though "
                      "anymore ever today yesterday tonight against over under toward towards among "
                      "without through despite amid because since unless until".split())
_LABEL = re.compile(r"[\"“'‘]?\s*((?:[A-Z][A-Z'’.\-]+)(?: [A-Z][A-Z'’.\-]+){0,2}):\s+(?=\S)")
# unions of word lists, built once (not at every call)
_INSTITUTION_OR_DOCUMENT = INSTITUTION_HEADS | DOCUMENT_HEADS
_ANON_OR_INSTITUTION = ANON_HEADS | INSTITUTION_HEADS
_PAST_OR_NOT_NOUN = _PAST | _NOT_NOUN
_LOWER_WORD = re.compile(r"\b[a-z][a-z'’-]+\b")


@dataclass
class _Sentence:
    para: Paragraph
    start: int
    end: int
    toks: list[Tok]
    frames: list[Frame] = field(default_factory=list)


@dataclass
class _Said:
    """The last attributed speaker, for pronouns and continuations."""

    name: str
    pos: int
    para: int
    person: bool
    plural: bool
    gender: str = ""
    titled: bool = False  # named with a title (``President Obama``)


class QuoteBuilder:
    """One pass over one text; :meth:`run` fills :attr:`rows` (dicts, columns as in
    :mod:`analysis_utils.quotes`)."""

    def __init__(self, text: str, paras: list[Paragraph], spans: list[QuoteSpan], lex: CueLexicon,
                 sentences: list[list[tuple[int, int]]]):
        self.text = text
        self.para_sentences = {p.index: sents for p, sents in zip(paras, sentences)}
        self.paras = [p for p in paras if p.end > p.start]
        self.top = [s for s in spans if s.depth == 0]
        self.lex = lex
        self.people = PersonIndex(paragraph_starts=[p.start for p in self.paras])
        self.rows: list[dict] = []
        self.next_attr = 0
        self.last: _Said | None = None
        self.subjects: list[_Said] = []
        self.groups: list[_Said] = []  # plural subjects of sentences, for "they"
        self.speakers: list[_Said] = []
        self.pron_gender: dict[str, str] = {}
        self.scare_terms: set[str] = set()
        self.para_has_frames: set[int] = set()
        self.span_rows: dict[int, dict] = {}  # top span index -> its row
        self.transcript_paras: set[int] = set()
        self.para_last_row: dict[int, dict] = {}  # paragraph -> last attributed row
        self.tail_row: dict[int, dict | None] = {}  # paragraph -> attributed row of its last sentence
        self.colon_lead: dict[int, tuple] = {}  # paragraph ending in ":" -> (speaker, span, role, anon, frame)
        self.sent_rows: list[dict] = []
        self.paras_by_index = {p.index: p for p in self.paras}
        self.nickname_spans: list[int] = []  # top spans that are a nickname inside a name
        self.cur_subj: Mention | None = None  # subject of the sentence being attributed
        self.cur_para = -1  # its paragraph
        # (paragraph, subject, attributed anything, names its cues gave, the person its he/she is)
        # of the previous sentence
        self.prev_sent: tuple | None = None

    # sentences -------------------------------------------------------------------------
    def sentences(self) -> list[_Sentence]:
        """Sentences of the analysed paragraphs (the document's; a headline line is one
        sentence); a sentence boundary inside a quotation is ignored (the quotation stays
        in one sentence, even across a bridged line break)."""
        from bisect import bisect_left

        text = self.text
        opens = [s.open for s in self.top]
        merged: list[_Sentence] = []
        for p in self.paras:
            bounds = self.para_sentences[p.index]
            for a, b in bounds:
                if merged:
                    last = merged[-1]
                    k = bisect_left(opens, last.start)
                    crossing = False
                    while k < len(opens) and opens[k] < last.end:
                        if self.top[k].close > last.end:
                            crossing = True
                        k += 1
                    if crossing or (last.para is p and _title_split(text, last.end, a)):
                        last.end = max(last.end, b)
                        continue
                merged.append(_Sentence(p, a, b, []))
        for s in merged:
            k = bisect_left(opens, s.start)
            inside = []
            while k < len(opens) and opens[k] < s.end:
                inside.append((self.top[k].open, min(self.top[k].close, s.end), k))
                k += 1
            s.toks = tokenize(text, s.start, s.end, inside)
            drop = [] if s.para.headline else nicknames(text, s.toks)  # Title Case proves nothing there
            if drop:
                self.nickname_spans += [s.toks[k].q for k in drop]
                s.toks = [t for k, t in enumerate(s.toks) if k not in set(drop)]
        out: list[_Sentence] = []
        for s in merged:
            if out and self._frame_only(out[-1], s):
                last = out[-1]
                last.end, last.toks = s.end, last.toks + s.toks
                continue
            out.append(s)
        return out

    def _frame_only(self, prev: _Sentence, cur: _Sentence) -> bool:
        """``“...?” Reyes said.`` was split after the question mark: join them."""
        if prev.para is not cur.para or [t.kind for t in prev.toks] != ["q"] or not cur.toks:
            return False
        if len(cur.toks) > 25 or not cur.toks[0].cap or any(t.kind == "q" for t in cur.toks):
            return False
        words = [t.lower if t.kind == "w" else "" for t in cur.toks]
        # the cue within seven words, or after an apposition: "Scott's niece, Del. Marcia Price (D-Va.), said"
        return any(self.lex.match(words, k) is not None and (k < 7 or cur.toks[k - 1].text == ",")
                   for k in range(min(16, len(words))))

    # people ----------------------------------------------------------------------------
    def register(self, sents: list[_Sentence]) -> None:
        """Collect the full names of the text (runs of capitalised words outside headlines and
        quotations), with titles and appositions, into :attr:`people`. A run whose last word
        also occurs in lower case in the text (*the Harbour Speech* / *a speech*) is no name."""
        lower_words = set(_LOWER_WORD.findall(self.text))
        for s in sents:
            if s.para.headline:
                continue
            toks = s.toks
            k = 0
            while k < len(toks):
                t = toks[k]
                if t.kind == "w" and t.cap and not t.possessive:
                    e = k
                    while e < len(toks) and toks[e].kind == "w" and (toks[e].cap or toks[e].lower in (
                            "de", "van", "von", "bin", "al", "da", "der") or particle_prefix(toks[e].text)) \
                            and not toks[e].possessive:
                        e += 1
                    if e < len(toks) and toks[e].possessive:
                        e += 1  # "North Korea's" -> stop after it
                        k = e
                        continue
                    a = k
                    while a < e - 1 and self.lex.single.get(toks[a].lower) is not None \
                            and not given_name_gender(f"{toks[a].text} {toks[a + 1].text}"):
                        a += 1  # "Said Ellis:" (but "Hope Hicks", a given name)
                    m = name_mention(self.text, toks, a, e, 0) if a < e else None
                    if m is not None and m.kind == "name" and m.text.split()[-1].lower() not in lower_words:
                        if e + 1 < len(toks) and toks[e].text == ",":
                            role = _role_after(self.text, toks, e + 1)
                            if role:
                                m.role = role
                        if not m.role and not m.title and a >= 2 and toks[a - 1].text == ",":
                            m.role = _role_before(self.text, toks, a - 2)
                        self.people.add(m)
                    k = max(e, k + 1)
                else:
                    k += 1

    # main pass -------------------------------------------------------------------------
    def run(self) -> None:
        sents = self.sentences()
        for q in self.nickname_spans:
            span = self.top[q]
            para = next((p for p in self.paras if p.start <= span.open < p.end), None)
            if para is not None and q not in self.span_rows:
                self.span_rows[q] = self._row("scare", span.start, span.end, para.index, span=span)
        self.register(sents)
        self._transcripts()
        for s in sents:
            if s.para.index in self.transcript_paras:
                continue  # the turn is one row; cues inside it are the speaker's words
            self.attribute(s)
        self._multi_paragraph()

    def _new_attr(self) -> int:
        self.next_attr += 1
        return self.next_attr - 1

    def _row(self, kind: str, a: int, b: int, para: int, *, frame: Frame | None = None,
             span: QuoteSpan | None = None, attribution: int | None = None, speaker: str = "",
             speaker_span: tuple[int, int] | None = None, role: str = "", via: str = "",
             anonymous: bool = False, cue: tuple[int, int] | None = None) -> dict:
        if frame is not None:
            speaker, speaker_span, role, via, anonymous = (frame.speaker, frame.speaker_span, frame.role,
                                                           frame.via if frame.speaker else "", frame.anonymous)
            if frame.attribution < 0:
                frame.attribution = self._new_attr()
            attribution = frame.attribution
            cue = (frame.cue_start, frame.cue_end)
        row = {
            "kind": kind, "start": a, "end": b, "speaker": speaker,
            "speaker_start": speaker_span[0] if speaker and speaker_span else None,
            "speaker_end": speaker_span[1] if speaker and speaker_span else None,
            "speaker_role": role if speaker else "", "speaker_via": via if speaker else "",
            "anonymous": bool(anonymous and speaker), "cue_start": cue[0] if cue else None,
            "cue_end": cue[1] if cue else None, "paragraph": para,
            "attribution": self._new_attr() if attribution is None else attribution,
            "marks": span.mark if span is not None else "", "unclosed": bool(span.unclosed) if span else False,
        }
        self.rows.append(row)
        if kind in ("direct", "partial", "indirect") and (speaker or cue):
            self.para_last_row[para] = row
            self.sent_rows.append(row)
        return row

    def attribute(self, sent: _Sentence) -> None:
        text, toks = self.text, sent.toks
        frames = sentence_frames(text, toks, self.lex, sent.para.headline)
        sent.frames = frames
        pidx = sent.para.index
        self.sent_rows = []
        subj = sentence_subject(text, toks, len(toks)) if toks else None
        self.cur_subj = subj
        self.cur_para = pidx
        for f in frames:
            f.cue_start = toks[f.i].start
            f.cue_end = toks[f.i + f.cue.n - 1].end
            self._resolve(f, pidx)
            if f.speaker:
                self.para_has_frames.add(pidx)
        if sent.para.headline:
            self._headline(sent, frames)
        else:
            self._link_quotes(sent, frames)
            self._indirect(sent, frames)
        self.tail_row[pidx] = self.sent_rows[-1] if self.sent_rows else None
        if toks and toks[-1].text == ":":
            lead = next((f for f in reversed(frames) if f.speaker), None)
            if lead is not None:
                self.colon_lead[pidx] = (lead.speaker, lead.speaker_span, lead.role, lead.anonymous, lead)
            elif subj is not None and subj.kind == "name" and subj.person:
                name = self.people.resolve(subj.text, subj.start) or subj.text
                self.colon_lead[pidx] = (name, (subj.start, subj.end), self.people.role(name, subj.start), False,
                                         None)
        said = {(f.speaker, f.speaker_span, f.role) for f in frames if f.speaker and f.mention is not None
                and f.mention.kind == "name" and f.speaker in self.people.full_names}
        pron = None
        if subj is not None and subj.kind == "pronoun" and subj.head in ("he", "she") and not sent.para.headline:
            pron = self._pronoun(subj, pidx)  # "He spoke for an hour in Ohio." -> who "he" is
        self.prev_sent = (pidx, subj, bool(self.sent_rows), said if len({x[0] for x in said}) == 1 else set(),
                          pron)
        group = self._group(subj, pidx) if subj is not None and not sent.para.headline else None
        if group is not None:
            self.groups.append(group)
        for one in (subj.parts or [subj]) if subj is not None and not sent.para.headline else []:
            if one.kind != "name" or not one.person:
                continue
            name = self.people.resolve(one.text, one.start) or one.text
            self.subjects.append(_Said(name, one.start, pidx, True, False,
                                       self.people.gender.get(name, "") or self.pron_gender.get(name, ""),
                                       titled=bool(one.title or one.role)))

    # speakers ----------------------------------------------------------------------------
    def _resolve(self, f: Frame, pidx: int) -> None:
        m = f.mention
        if m is None:
            return
        via_main = f.via == "main-clause"
        if m.kind == "name" and m.parts:
            names = [self.people.resolve(x.text, x.start) or x.text for x in m.parts]
            f.speaker, f.speaker_span = " and ".join(names), (m.start, m.end)
            f.via = "main-clause" if via_main else "collective"
            self._said(f.speaker, m.start, pidx, False, True, "")
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
            self._said(full, m.start, pidx, m.person, m.plural, m.gender or self.people.gender.get(full, ""))
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
                self._said(said.name, m.start, pidx, said.person, said.plural, said.gender)
        else:
            linked = self.people.link(m.text, m.start) if (m.definite or m.text[:1].isupper()) else None
            f.speaker_span = (m.start, m.end)
            if linked:
                f.speaker, f.role = linked, m.text
                f.via = "main-clause" if via_main else "descriptor"
                self._said(linked, m.start, pidx, True, False, self.people.gender.get(linked, ""))
            else:
                f.speaker = m.text
                f.role = m.role
                f.anonymous = m.head in ANON_HEADS
                collective = m.plural or m.head in _INSTITUTION_OR_DOCUMENT
                f.via = "main-clause" if via_main else ("collective" if collective else "descriptor")
                self._said(m.text, m.start, pidx, m.person and not m.plural, m.plural,
                           m.gender or role_gender(m.text))

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

            recent = [s for s in self.subjects if pidx - s.para <= 1 and (last is None or s.pos > last.pos)]
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
            window = [s for s in self.speakers + self.subjects if pidx - s.para <= 2 and fits(s)]
            names = {s.name for s in window}
            if len(names) == 1:
                return max(window, key=lambda s: s.pos)
            # else the one person of this gender, when the others are no people the text named
            # in full ("Delegates questioned ...") and none of unknown gender was
            strong = {s.name for s in window if known(s)}
            unsure = {s.name for s in window if s.name in self.people.full_names and not known(s)}
            if len(strong) == 1 and not unsure:
                return max((s for s in window if s.name in strong), key=lambda s: s.pos)
            return None
        if p == "they":
            groups = [g for g in self.groups if pidx - g.para <= 1 and (last is None or g.pos > last.pos)]
            if groups:
                return groups[-1]  # "Critics of the program ... They sent a letter." -> the critics
        if last is None:
            return None
        if p == "they" and (last.plural or (not last.person and last.name.split()[-1].lower() not in DOCUMENT_HEADS)):
            return last
        if p == "it" and not last.person and not last.plural:
            return last
        return None

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

    # quotations --------------------------------------------------------------------------
    def _link_quotes(self, sent: _Sentence, frames: list[Frame]) -> None:
        toks = sent.toks
        first = next((k for k, t in enumerate(toks) if t.text not in ("(", "[", "•", "*") + DASHES), 0)
        for k, t in enumerate(toks):
            if t.kind != "q":
                continue
            span = self.top[t.q]
            if t.q in self.span_rows:
                continue
            initial = k == first or (k > 0 and toks[k - 1].text in (":",))
            frame, kind = link_quote(toks, frames, k, initial)
            if frame is not None and kind == "partial" and k > 0 and toks[k - 1].text in DASHES + (":",) \
                    and dash_speaker(self.text, toks, k) is not None:
                frame = None  # "... including Mitt Romney -- ''...''": the name next to it
            content = self.text[span.start:span.end]
            if frame is not None and kind == "partial" and frame.cue.group.startswith("cognition"):
                # "X told reporters that she felt "great."": the words are in what X said
                frame = next((g for g in reversed(frames) if g.i < frame.i and g.speaker
                              and g.cue.group in ("speech", "speech_that", "addressee")), frame)
            if frame is not None and kind == "partial" and (
                    self._scare(toks, k, content, sent.para.headline)
                    or frame.cue.group.startswith("cognition") and not (
                        starts_upper(content) and len(words_of(content)) >= 6)):
                kind, frame = "scare", None
            lead = None
            if frame is not None and not frame.speaker and k > 0 and toks[k - 1].text == ":":
                lead = self._lead_in(sent, toks, k, colon=True)  # "With leaders worried, X has a message: "...""
            if lead is not None:
                row = lead
            elif frame is not None:
                row = self._row(kind, span.start, span.end, sent.para.index, frame=frame, span=span)
                if kind == "direct":
                    frame.direct = True
            else:
                row = self._unlinked(sent, toks, k, span, initial, content)
            self.span_rows[t.q] = row

    def _scare(self, toks: list[Tok], k: int, content: str, headline: bool) -> bool:
        words = words_of(content)
        key = content.lower().strip(" .,;:!?")
        if key in self.scare_terms:
            return True
        prev = toks[k - 1] if k > 0 else None
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        if prev is not None and prev.kind == "w":
            if prev.lower in _NAMING or (prev.lower == "as" and k > 1 and toks[k - 2].lower in ("known", "referred")):
                return self._mark_scare(key)
            if prev.lower in _TERM_NOUNS or (prev.lower == "of" and k > 1 and toks[k - 2].lower in _TERM_NOUNS):
                return self._mark_scare(key)
            if prev.lower == "called" and k > 1 and toks[k - 2].kind == "w" and not toks[k - 2].cap \
                    and toks[k - 2].lower not in STOP and toks[k - 2].bare not in _ANON_OR_INSTITUTION \
                    and not (toks[k - 2].lower in ("been", "being") and self._agent_after(toks, k)):
                return self._mark_scare(key)  # "a group called "X""; not "that officials called "X""
        if len(words) <= 4 and not content.rstrip().endswith(tuple(_TERMINAL + ",")) and nxt is not None \
                and nxt.kind == "w" and not nxt.cap and nxt.lower not in STOP and nxt.lower not in DETERMINERS \
                and not nxt.lower.endswith(("ed", "ly")) and nxt.lower not in _PAST_OR_NOT_NOUN \
                and not (words and words[0].lower() in _NP_OPENERS) and self.lex.single.get(nxt.lower) is None:
            return self._mark_scare(key)  # a modifier: the 'game changer' weapon
        if not headline and 0 < len(words) <= 8 and title_case(words) and not sentence_like(content):
            return self._mark_scare(key)  # a name: the 'Friendship Treaty'
        return False

    @staticmethod
    def _agent_after(toks: list[Tok], k: int) -> bool:
        """*by* right after the quotation at ``toks[k]``: ``has been called "X" by critics``."""
        return k + 1 < len(toks) and toks[k + 1].lower == "by"

    def _mark_scare(self, key: str) -> bool:
        if key:
            self.scare_terms.add(key)
        return True

    def _unlinked(self, sent: _Sentence, toks: list[Tok], k: int, span: QuoteSpan, initial: bool,
                  content: str) -> dict:
        pidx = sent.para.index
        dash = dash_speaker(self.text, toks, k)
        if dash is not None:
            m, (ca, cb) = dash
            name = self.people.resolve(m.text, m.start) or m.text
            kind = "direct" if initial or (k > 0 and toks[k - 1].text in DASHES + (":",)) else "partial"
            return self._row(kind, span.start, span.end, pidx, span=span, speaker=name,
                             speaker_span=(m.start, m.end), role=m.role or m.title or self.people.role(name, m.start),
                             via="name", cue=(ca, cb))
        if self._scare(toks, k, content, False) or (not initial and len(words_of(content)) <= 4):
            self._mark_scare(content.lower().strip(" .,;:!?"))
            return self._row("scare", span.start, span.end, pidx, span=span)
        if not initial:
            return self._row("partial", span.start, span.end, pidx, span=span)
        if span.continued:
            return self._row("direct", span.start, span.end, pidx, span=span)  # filled by _multi_paragraph
        if title_case(words_of(content)) and len(words_of(content)) <= 10 and not sentence_like(content):
            return self._row("headline" if standalone(self.text, sent.start, sent.end, span) else "scare",
                             span.start, span.end, pidx, span=span)
        lead = self._lead_in(sent, toks, k, colon=True)
        if lead is not None:
            return lead
        prev = self.para_last_row.get(pidx)
        if prev is not None and k == 0 and self._new_subject(sent, prev["speaker"]):
            lead = self._lead_in(sent, toks, k, colon=False)  # "...," Smith said. Jones disagreed. "..."
            if lead is not None:
                return lead
        if prev is not None and (self.last is None or not prev["speaker"] or self.last.name == prev["speaker"]):
            return self._row("direct", span.start, span.end, pidx, span=span, attribution=prev["attribution"],
                             speaker=prev["speaker"], speaker_span=_span_of(prev), role=prev["speaker_role"],
                             via="continuation", anonymous=prev["anonymous"])
        para_start = span.open <= first_char(self.text, sent.para.start)
        lead = None if para_start or prev is not None else self._lead_in(sent, toks, k, colon=False)
        if lead is not None:
            return lead
        if para_start and pidx - 1 in self.colon_lead:
            name, sp, role, anon, frame = self.colon_lead[pidx - 1]
            if frame is not None:
                return self._row("direct", span.start, span.end, pidx, span=span, frame=frame)
            return self._row("direct", span.start, span.end, pidx, span=span, speaker=name, speaker_span=sp,
                             role=role, via="previous-paragraph", anonymous=anon)
        before = self.tail_row.get(pidx - 1)
        if before is None and self._aside(pidx - 1):
            before = self.tail_row.get(pidx - 2)  # "..." said Trump. / The crowd roared. / "..."
        if before is not None and before["speaker"] and para_start and pidx not in self.para_has_frames \
                and (self.last is None or self.last.name == before["speaker"]):
            return self._row("direct", span.start, span.end, pidx, span=span, speaker=before["speaker"],
                             speaker_span=_span_of(before), role=before["speaker_role"],
                             via="previous-paragraph", anonymous=before["anonymous"])
        if para_start and pidx not in self.para_has_frames:
            lead = self._lead_in(sent, toks, k, colon=False, prev_para=True)  # about X. / "..."
            if lead is not None:
                return lead
        return self._row("direct", span.start, span.end, pidx, span=span)

    def _new_subject(self, sent: _Sentence, speaker: str) -> bool:
        """The previous sentence of the paragraph attributed nothing and is about a named
        person other than ``speaker``."""
        if self.prev_sent is None:
            return False
        p, subj, attributed, _, _ = self.prev_sent
        if p != sent.para.index or attributed or subj is None or subj.kind != "name" or not subj.person \
                or subj.parts:
            return False
        name = self.people.resolve(subj.text, subj.start, subj.gender) or subj.text
        return name != speaker

    def _lead_in(self, sent: _Sentence, toks: list[Tok], k: int, colon: bool,
                 prev_para: bool = False) -> dict | None:
        """A quotation that ends its sentence, with no cue, introduced by a named person:
        ``Obama has a new message: "..."`` (``colon``: the subject of the same sentence,
        the colon as cue) or ``Sanders identified ... as the reason. "..."`` (the subject of
        the previous sentence of the paragraph, when that sentence attributed nothing; with
        ``prev_para``, the last sentence of the previous paragraph, for a quotation opening
        a paragraph). A *he*/*she* subject counts as the person it resolved to."""
        if any(t.kind != "p" for t in toks[k + 1:]):
            return None
        span = self.top[toks[k].q]
        cue = None
        if colon:
            if k == 0 or toks[k - 1].text != ":":
                return None
            subj = self.cur_subj
            j = clause_subject(toks, 0, k - 1)
            if j is not None:  # "..., X said, but Mary Jones was unconvinced: "...""
                other = np_right(self.text, toks, j, k - 1, apposition=False)
                subj = other if other is not None and other.t1 < k - 1 and toks[other.t1].kind == "w" else None
            owner = _speech_owner(self.text, toks, k - 1)
            if owner is not None:
                subj = owner  # "Trump's response was blunt:", "In Clinton's words:"
            if subj is None or subj.end > toks[k - 1].start:
                return None
            cue = (toks[k - 1].start, toks[k - 1].end)
            if owner is not None and (owner.kind != "name" or not owner.person):
                return self._owner_row(owner, span, sent.para.index, cue)
        else:
            if k != 0 or self.prev_sent is None:
                return None
            p, subj, attributed, said, pron = self.prev_sent
            if p != sent.para.index - (1 if prev_para else 0) or attributed:
                return None
            if pron is not None and pron.person and not pron.plural and pron.name in self.people.full_names:
                row = self._row("direct", span.start, span.end, sent.para.index, span=span, speaker=pron.name,
                                speaker_span=(subj.start, subj.end), role=self.people.role(pron.name, subj.start),
                                via="lead-in")
                self._said(pron.name, subj.start, sent.para.index, True, False, pron.gender)
                return row
            if said:  # "Cummings called him a master at ...": the cue had no clause of its own
                name, sp, role = next(iter(said))
                row = self._row("direct", span.start, span.end, sent.para.index, span=span, speaker=name,
                                speaker_span=sp, role=role, via="lead-in")
                self._said(name, sp[0], sent.para.index, True, False, self.people.gender.get(name, ""))
                return row
        if subj is None or subj.kind != "name" or not subj.person or subj.parts:
            return None
        name = self.people.resolve(subj.text, subj.start, subj.gender) or subj.text
        if name not in self.people.full_names and not subj.title:
            return None  # only people the text names in full, or with a title ("President Obama")
        row = self._row("direct", span.start, span.end, sent.para.index, span=span, speaker=name,
                        speaker_span=(subj.start, subj.end),
                        role=subj.role or subj.title or self.people.role(name, subj.start),
                        via="lead-in", cue=cue)
        self._said(name, subj.start, sent.para.index, True, False, self.people.gender.get(name, ""))
        return row

    def _owner_row(self, owner: Mention, span: QuoteSpan, pidx: int, cue: tuple[int, int]) -> dict | None:
        """The row of a colon lead-in whose speech noun belongs to a pronoun (``His answer:``,
        resolved as a speaker pronoun) or to an institution (``The campaign's response:``,
        ``The White House's reaction:``)."""
        if owner.kind == "pronoun":
            said = self._pronoun(owner, pidx)
            if said is None:
                return None
            row = self._row("direct", span.start, span.end, pidx, span=span, speaker=said.name,
                            speaker_span=(owner.start, owner.end), role=self.people.role(said.name, owner.start),
                            via="lead-in", cue=cue)
            self._said(said.name, owner.start, pidx, said.person, said.plural, said.gender)
            return row
        row = self._row("direct", span.start, span.end, pidx, span=span, speaker=owner.text,
                        speaker_span=(owner.start, owner.end), role="", via="lead-in", cue=cue,
                        anonymous=owner.head in ANON_HEADS)
        self._said(owner.text, owner.start, pidx, False, owner.plural, "")
        return row

    def _headline(self, sent: _Sentence, frames: list[Frame]) -> None:
        text, toks = self.text, sent.toks
        pidx = sent.para.index
        colon = next((k for k, t in enumerate(toks) if t.text == ":" and k > 0), None)
        speaker = None
        if colon is not None and colon <= 6:
            speaker = self._known_person(toks, colon)
        frame = None
        if speaker is not None:
            name, (a, b) = speaker
            frame = Frame(colon, Cue(":", "speech"), None, via="headline-subject", speaker=name,
                           role=self.people.role(name, a), speaker_span=(a, b))
            frame.cue_start, frame.cue_end = toks[colon].start, toks[colon].end
        rest = [t for t in toks[colon + 1:]] if frame is not None else []
        quotes_rest = [t for t in rest if t.kind == "q"]
        for k, t in enumerate(toks):
            if t.kind != "q" or t.q in self.span_rows:
                continue
            span = self.top[t.q]
            alone = standalone(text, sent.start, sent.end, span)
            if frame is not None and k > colon:
                kind = "headline" if alone and len(quotes_rest) == 1 else "partial"
                row = self._row(kind, span.start, span.end, pidx, frame=frame, span=span)
            else:
                f, kind = link_quote(toks, frames, k, k == 0)
                if f is not None and f.speaker and kind in ("direct", "partial"):
                    row = self._row(kind, span.start, span.end, pidx, frame=f, span=span)
                elif alone:
                    row = self._row("headline", span.start, span.end, pidx, span=span)
                else:
                    row = self._row("scare", span.start, span.end, pidx, span=span)
            self.span_rows[t.q] = row
        if frame is not None and not (len(quotes_rest) == 1 and rest and _only_quote(rest)):
            a, b = trim_clause(text, rest[0].start if rest else toks[colon].end, sent.end)
            if len(words_of(text[a:b])) >= 2:
                self._row("indirect", a, b, pidx, frame=frame)
        elif frame is None:
            self._indirect(sent, [f for f in frames if f.speaker])

    def _known_person(self, toks: list[Tok], colon: int) -> tuple[str, tuple[int, int]] | None:
        """A person of the text named at the start or the end of a headline's ``X:`` part
        (``Sanders: ...``, ``A lesson from Loretta Lynch: ...``)."""
        words = [t for t in toks[:colon] if t.kind == "w"]
        if not words or any(t.kind == "q" for t in toks[:colon]):
            return None
        known = {full.lower(): full for _, full, _ in self.people.names}
        for n in range(min(4, len(words)), 0, -1):
            for part in (words[:n], words[-n:]):
                cand = " ".join(t.text for t in part)
                if cand.isupper():
                    cand = cand.title()
                name = known.get(cand.lower()) or (self.people.resolve(cand, 10**9) if n <= 2 else None)
                if name:
                    return name, (part[0].start, part[-1].end)
        return None

    # reported speech ---------------------------------------------------------------------
    def _indirect(self, sent: _Sentence, frames: list[Frame]) -> None:
        toks = sent.toks
        spans: list[tuple[int, int, Frame]] = []
        for idx, f in enumerate(frames):
            if f.direct or f.mention is None or f.cue.group in ("quote_only", "noun"):
                continue
            span = reported_clause(self.text, toks, frames, idx)
            if span is None:
                continue
            a, b = span
            other = [r["start"] for r in self.sent_rows if r["kind"] in ("direct", "partial")
                     and r["speaker"] and r["speaker"] != f.speaker and a < r["start"] < b
                     and r["cue_start"] is not None and self._dash_cue(r)]
            if other:  # "..., including Mitt Romney -- "...": a quotation joined to another name by a dash
                cut = max(a, self.text.rfind(" ", a, min(other)))
                a, b = trim_clause(self.text, a, cut)
                if len(words_of(self.text[a:b])) < 2:
                    continue
            cue_at = toks[f.i].start
            if any(pa <= cue_at < pb and (g.speaker == f.speaker or not f.speaker) for pa, pb, g in spans):
                continue  # "he said he hoped ...": part of the outer statement
            spans.append((a, b, f))
            if f.cue.group in ("speech_that", "cognition_that") and not has_that(toks, f):
                if f.attribution < 0:
                    continue  # no "that" and no partial quotation: a noun-phrase object
            self._row("indirect", a, b, sent.para.index, frame=f)

    def _dash_cue(self, row: dict) -> bool:
        """The row's cue is a dash or a colon (no cue word)."""
        return self.text[row["cue_start"]:row["cue_end"]].strip().strip("".join(DASHES) + ":") == ""

    # transcripts and multi-paragraph quotations --------------------------------------------
    def _transcripts(self) -> None:
        label = _LABEL
        for p in self.paras:
            if p.headline:
                continue
            a = first_char(self.text, p.start)
            m = label.match(self.text, a, p.end)
            if not m or len(m.group(1).replace(".", "")) < 2:
                continue
            raw = m.group(1)
            name = self.people.resolve(raw.title().replace("Mr. ", "").replace("Ms. ", ""), a) or raw.title()
            cue = (m.end(1), m.end(1) + 1)
            span_k = next((k for k, s in enumerate(self.top) if s.open == a), None)
            self.transcript_paras.add(p.index)
            if span_k is not None:
                s = self.top[span_k]
                start = m.end()
                row = self._row("direct", start, max(start, s.end), p.index, span=s, speaker=name,
                                speaker_span=(m.start(1), m.end(1)), via="transcript", cue=cue,
                                role=self.people.role(name, a))
                self.span_rows[span_k] = row
            else:
                b = p.end
                while b > m.end() and self.text[b - 1].isspace():
                    b -= 1
                self._row("direct", m.end(), b, p.index, speaker=name, speaker_span=(m.start(1), m.end(1)),
                          via="transcript", cue=cue, role=self.people.role(name, a))
            self._said(name, a, p.index, True, False, "")

    def _multi_paragraph(self) -> None:
        prev_row = None
        for k, s in enumerate(self.top):
            row = self.span_rows.get(k)
            if row is None:
                continue
            if s.continued and prev_row is not None and row["speaker_via"] != "transcript":
                if not row["speaker"] and not prev_row["speaker"]:
                    row["attribution"] = prev_row["attribution"]
                elif not row["speaker"] and prev_row["speaker"]:
                    for key in ("speaker", "speaker_start", "speaker_end", "speaker_role", "anonymous"):
                        row[key] = prev_row[key]
                    row["speaker_via"] = "multi-paragraph"
                    row["attribution"] = prev_row["attribution"]
                    row["kind"] = prev_row["kind"] if prev_row["kind"] in ("direct", "partial") else "direct"
                elif row["speaker"] and not prev_row["speaker"] and row["speaker_via"] != "transcript":
                    # the cue came at the end: give it to the earlier pieces
                    for key in ("speaker", "speaker_start", "speaker_end", "speaker_role", "anonymous"):
                        prev_row[key] = row[key]
                    prev_row["speaker_via"] = "multi-paragraph"
                    prev_row["attribution"] = row["attribution"]
            prev_row = row if s.continues else None


# --- helpers -------------------------------------------------------------------------------

def first_char(text: str, a: int) -> int:
    while a < len(text) and text[a].isspace():
        a += 1
    return a


def _span_of(row: dict) -> tuple[int, int] | None:
    return (row["speaker_start"], row["speaker_end"]) if row["speaker_start"] is not None else None


def _role_after(text: str, toks: list[Tok], k: int) -> str:
    """An apposition after a name: ``, Director of the National Security Office,``."""
    from .speakers import ANON_HEADS as _A, ROLE_WORDS

    e = k
    while e < len(toks) and toks[e].kind == "w" and e - k < 16:
        e += 1
    if e == k or (e < len(toks) and toks[e].text not in (",", ".", ";", ")")):
        return ""
    words = [t.bare for t in toks[k:e]]
    if words[0] in ("who", "which", "that") or not any(w in ROLE_WORDS or w in _A for w in words):
        return ""
    return text[toks[k].start:toks[e - 1].end]


_TITLE_END = re.compile(r"(?<![\w.])([A-Z][a-z]{1,5})\.\s*$")


def _title_split(text: str, end: int, nxt: int) -> bool:
    """A sentence break right after an abbreviated title (``state Del. | Marcia Price``)."""
    m = _TITLE_END.search(text, max(0, end - 8), end)
    return bool(m and m.group(1).lower() in TITLES and text[nxt:nxt + 1].isupper())


def _role_before(text: str, toks: list[Tok], j: int) -> str:
    """A definite description right before ``, NAME``: ``The governor, Gavin Newsom,``."""
    from .speakers import ROLE_WORDS, np_left

    d = np_left(text, toks, j, 0, link=False)
    if d is None or d.kind != "descriptor" or not d.definite or d.plural or d.head not in ROLE_WORDS:
        return ""
    return d.text


# nouns for what someone says: "Trump's response was blunt:", "In Clinton's words:"
_SPEECH_NOUNS = frozenset("response reply answer retort message words verdict reaction take view advice "
                          "warning argument explanation comment comments remarks assessment pitch promise "
                          "plea question reasoning rationale conclusion prediction instructions "
                          "instruction request demand mantra refrain".split())


def _speech_owner(text: str, toks: list[Tok], colon: int) -> Mention | None:
    """Whose words a colon announces through a possessive and a speech noun (within three
    words after it): a person's name (``Trump's response was blunt: "..."``, ``In Clinton's
    words: "..."``), *his*/*her*/*their* (a pronoun mention, ``His answer: "..."``) or a
    definite institution or source (``The campaign's response was blunt: "..."``)."""
    for k in range(colon):
        t = toks[k]
        if not (t.kind == "w" and (t.possessive or t.lower in POSSESSIVE_PRONOUNS)):
            continue
        if not any(x.kind == "w" and x.lower in _SPEECH_NOUNS for x in toks[k + 1:min(colon, k + 4)]):
            return None
        return possessor_mention(text, toks, k)
    return None


def _only_quote(toks: list[Tok]) -> bool:
    return sum(t.kind == "q" for t in toks) == 1 and all(t.kind != "w" for t in toks)
