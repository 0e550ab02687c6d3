"""Quotation rules for :class:`~analysis_utils.quotes.builder.QuoteBuilder`: what each
quotation of a sentence is (``direct``, ``partial``, ``scare``, ``headline``) and whose,
from a frame around it, a dash, a lead-in (``X has a message: "..."``), a continuation
of the paragraph's speaker, the previous paragraph; headlines. The order of precedence
is described in :mod:`analysis_utils.quotes.builder`.
"""
from __future__ import annotations

from ..text.paragraphs import title_case, words_of
from ..text.quote_marks import QuoteSpan
from .builder_state import _Sentence, _span_of, first_char
from .clauses import clause_subject, dash_speaker, link_quote, standalone, trim_clause
from .cues import Cue
from .frame_words import DASH_OR_COLON, DASHES, POSSESSIVE_PRONOUNS, sentence_like, starts_upper
from .frames import Frame
from .names import Mention
from .speakers import np_right
from .subjects import possessor_mention
from .tokens import Tok
from .word_lists import ANON_HEADS, DETERMINERS, INSTITUTION_HEADS, STOP


_NAMING = frozenset("so-called dubbed termed titled entitled named nicknamed labeled labelled branded "
                    "billed styled".split())
_TERM_NOUNS = frozenset("term word words phrase slogan hashtag motto label name title expression "
                        "catchphrase".split())
_TERMINAL = ".!?…"
_OPENING_MARKS = ("(", "[", "•", "*") + DASHES  # what may come before a sentence's first word
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
_ANON_OR_INSTITUTION = ANON_HEADS | INSTITUTION_HEADS
_PAST_OR_NOT_NOUN = _PAST | _NOT_NOUN
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


class QuotationRules:
    """Quotation rules of the document pass (mixed into ``QuoteBuilder``, whose state they read)."""

    # quotations --------------------------------------------------------------------------
    def _link_quotes(self, sent: _Sentence, frames: list[Frame]) -> None:
        if not sent.quoted:
            return
        toks = sent.toks
        first = 0  # the sentence's first token that is no opening mark
        for k, t in enumerate(toks):
            if t.text not in _OPENING_MARKS:
                first = k
                break
        for k, t in enumerate(toks):
            if t.kind != "q":
                continue
            span = self.top[t.q]
            if t.q in self.span_rows:
                continue
            initial = k == first or (k > 0 and toks[k - 1].text in (":",))
            frame, kind = link_quote(toks, frames, k, initial)
            if frame is not None and kind == "partial" and k > 0 and toks[k - 1].text in DASH_OR_COLON \
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

    def _scare(self, toks: list[Tok], k: int, content: str, headline: bool, words: list[str] | None = None) -> bool:
        if words is None:
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
            kind = "direct" if initial or (k > 0 and toks[k - 1].text in DASH_OR_COLON) else "partial"
            return self._row(kind, span.start, span.end, pidx, span=span, speaker=name,
                             speaker_span=(m.start, m.end), role=m.role or m.title or self.people.role(name, m.start),
                             via="name", cue=(ca, cb))
        words = words_of(content)  # once: the rules below read them several times
        if self._scare(toks, k, content, False, words) or (not initial and len(words) <= 4):
            self._mark_scare(content.lower().strip(" .,;:!?"))
            return self._row("scare", span.start, span.end, pidx, span=span)
        if not initial:
            return self._row("partial", span.start, span.end, pidx, span=span)
        if span.continued:
            return self._row("direct", span.start, span.end, pidx, span=span)  # filled by _multi_paragraph
        if title_case(words) and len(words) <= 10 and not sentence_like(content):
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

