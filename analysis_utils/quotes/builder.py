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

Modules: this one keeps the pass and its state (sentences, the names of the text, the
rows); :mod:`.pronouns` resolves speakers and pronouns, :mod:`.quotation_rules` decides
each quotation, :mod:`.reported_speech` adds reported clauses, transcripts and
multi-paragraph quotations; :mod:`.builder_state` holds the records they share.
"""
from __future__ import annotations

import re

from ..text.deadline import check_deadline
from ..text.paragraphs import Paragraph
from ..text.quote_marks import QuoteSpan
from .cues import THOUGHT_GROUPS, CueLexicon
from .frames import Frame, sentence_frames
from .name_index import PersonIndex, given_name_gender
from .names import Mention, name_mention, nicknames, particle_prefix
from .pronouns import SpeakerResolution
from .quotation_rules import QuotationRules
from .reported_speech import ReportedSpeechRules
from .speakers import np_left
from .subjects import sentence_subject
from .tokens import Tok, tokenize
from .word_lists import ANON_HEADS, ROLE_WORDS, TITLES
from .builder_state import _Said, _Sentence, _span_of, first_char  # noqa: F401  (old paths)

_LOWER_WORD = re.compile(r"\b[a-z][a-z'’-]+\b")
_RUN_PARTICLES = ("de", "van", "von", "bin", "al", "da", "der")  # lower-case words inside a name


class QuoteBuilder(SpeakerResolution, QuotationRules, ReportedSpeechRules):
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
        k = 0  # the next quotation not yet read, and the furthest close of those that
        reach = -1  # open in the current merged sentence (one pass, however long it grows)
        for p in self.paras:
            bounds = self.para_sentences[p.index]
            for a, b in bounds:
                if merged:
                    last = merged[-1]
                    while k < len(opens) and opens[k] < last.end:
                        if opens[k] >= last.start:
                            reach = max(reach, self.top[k].close)
                        k += 1
                    if reach > last.end or (last.para is p and _title_split(text, last.end, a)):
                        last.end = max(last.end, b)
                        continue
                merged.append(_Sentence(p, a, b, []))
                reach = -1
                k = bisect_left(opens, a)
        for s in merged:
            k = bisect_left(opens, s.start)
            inside = []
            while k < len(opens) and opens[k] < s.end:
                inside.append((self.top[k].open, min(self.top[k].close, s.end), k))
                k += 1
            s.toks = tokenize(text, s.start, s.end, inside)
            s.quoted = bool(inside)
            # Title Case proves nothing in a headline; no quotation, no nickname
            drop = [] if s.para.headline or not inside else nicknames(text, s.toks)
            if drop:
                self.nickname_spans += [s.toks[k].q for k in drop]
                s.toks = [t for k, t in enumerate(s.toks) if k not in set(drop)]
        out: list[_Sentence] = []
        for s in merged:
            if out and self._frame_only(out[-1], s):
                last = out[-1]
                last.end, last.toks, last.quoted = s.end, last.toks + s.toks, last.quoted or s.quoted
                continue
            out.append(s)
        return out

    def _frame_only(self, prev: _Sentence, cur: _Sentence) -> bool:
        """``“...?” Reyes said.`` was split after the question mark: join them."""
        if prev.para is not cur.para or len(prev.toks) != 1 or prev.toks[0].kind != "q" or not cur.toks:
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
        text, single, add, knows = self.text, self.lex.single, self.people.add, self.people.knows
        for s in sents:
            if s.para.headline:
                continue
            toks = s.toks
            n = len(toks)
            nxt = 0
            for k in [x for x, t in enumerate(toks) if t.cap and not t.possessive]:  # where a name may start
                if k < nxt:
                    continue
                if toks[k].kind == "w":
                    e = k
                    while e < n:
                        u = toks[e]
                        if u.kind != "w" or u.possessive or not (
                                u.cap or u.lower in _RUN_PARTICLES or "-" in u.text and particle_prefix(u.text)):
                            break
                        e += 1
                    if e < n and toks[e].possessive:
                        nxt = e + 1  # "North Korea's" -> stop after it
                        continue
                    a = k
                    while a < e - 1 and single.get(toks[a].lower) is not None \
                            and not given_name_gender(f"{toks[a].text} {toks[a + 1].text}"):
                        a += 1  # "Said Ellis:" (but "Hope Hicks", a given name)
                    if e - a == 1 and not knows(toks[a].text):
                        nxt = max(e, k + 1)
                        continue  # one word that no full name so far holds: people.add would not take it
                    m = name_mention(text, toks, a, e, 0) if a < e else None
                    if m is not None and m.kind == "name" and m.text.split()[-1].lower() not in lower_words:
                        if e + 1 < n and toks[e].text == ",":
                            role = _role_after(text, toks, e + 1)
                            if role:
                                m.role = role
                        if not m.role and not m.title and a >= 2 and toks[a - 1].text == ",":
                            m.role = _role_before(text, toks, a - 2)
                        full = add(m)
                        age = _age_after(toks, e + 1) if full and e + 1 < n and toks[e].text == "," else ""
                        if age:  # "Maria Lopez, 26," -> "the 26-year-old"
                            self.people.add_key(m.start, f"{age}-year-old", full)
                    nxt = max(e, k + 1)

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
            check_deadline()
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
            "speech": frame is None or frame.cue.group not in THOUGHT_GROUPS,
        }
        self.rows.append(row)
        if frame is not None and frame.cue.learned:
            return row  # a learned cue's statement: no speaker state, no turn (see pronouns._resolve)
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
            if f.speaker and not f.cue.learned:
                self.para_has_frames.add(pidx)
        if sent.para.headline:
            self._headline(sent, frames)
        else:
            self._link_quotes(sent, frames)
            self._indirect(sent, frames)
        self.tail_row[pidx] = self.sent_rows[-1] if self.sent_rows else None
        if toks and toks[-1].text == ":":
            lead = next((f for f in reversed(frames) if f.speaker and not f.cue.learned), None)
            if lead is not None:
                self.colon_lead[pidx] = (lead.speaker, lead.speaker_span, lead.role, lead.anonymous, lead)
            elif subj is not None and subj.kind == "name" and subj.person:
                name = self.people.resolve(subj.text, subj.start) or subj.text
                self.colon_lead[pidx] = (name, (subj.start, subj.end), self.people.role(name, subj.start), False,
                                         None)
        said = {(f.speaker, f.speaker_span, f.role) for f in frames if f.speaker and f.mention is not None
                and not f.cue.learned
                and f.mention.kind == "name" and f.speaker in self.people.full_names} if frames else set()
        pron = None
        if subj is not None and subj.kind == "pronoun" and subj.head in ("he", "she") and not sent.para.headline:
            pron = self._pronoun(subj, pidx)  # "He spoke for an hour in Ohio." -> who "he" is
        self.prev_sent = (pidx, subj, bool(self.sent_rows),
                          said if said and len({x[0] for x in said}) == 1 else set(), pron)
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


# --- helpers -------------------------------------------------------------------------------


def _role_after(text: str, toks: list[Tok], k: int) -> str:
    """An apposition after a name: ``, Director of the National Security Office,``."""
    e = k
    while e < len(toks) and toks[e].kind == "w" and e - k < 16:
        e += 1
    if e == k or (e < len(toks) and toks[e].text not in (",", ".", ";", ")")):
        return ""
    words = [t.bare for t in toks[k:e]]
    if words[0] in ("who", "which", "that"):
        return ""
    if not any(w in ROLE_WORDS or w in ANON_HEADS for w in words) and not (
            words[0] in ("a", "an") and 2 <= e - k <= 5 and not any(t.cap for t in toks[k + 1:e])):
        return ""  # a role word, or a short description: ", a nurse,", ", a retired teacher,"
    return text[toks[k].start:toks[e - 1].end]


def _age_after(toks: list[Tok], k: int) -> str:
    """``26`` in ``NAME, 26,``: the age an apposition gives (``""`` when none)."""
    if k + 1 < len(toks) and toks[k].kind == "w" and toks[k].text.isdigit() and len(toks[k].text) <= 3 \
            and toks[k + 1].text in (",", "."):
        return toks[k].text
    return ""


_TITLE_END = re.compile(r"(?<![\w.])([A-Z][a-z]{1,5})\.\s*$")


def _title_split(text: str, end: int, nxt: int) -> bool:
    """A sentence break right after an abbreviated title (``state Del. | Marcia Price``)."""
    m = _TITLE_END.search(text, max(0, end - 8), end)
    return bool(m and m.group(1).lower() in TITLES and text[nxt:nxt + 1].isupper())


def _role_before(text: str, toks: list[Tok], j: int) -> str:
    """A definite description right before ``, NAME``: ``The governor, Gavin Newsom,``."""
    d = np_left(text, toks, j, 0, link=False)
    if d is None or d.kind != "descriptor" or not d.definite or d.plural or d.head not in ROLE_WORDS:
        return ""
    return d.text


