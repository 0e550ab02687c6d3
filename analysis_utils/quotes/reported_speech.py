"""Reported speech, transcripts and multi-paragraph quotations for
:class:`~analysis_utils.quotes.builder.QuoteBuilder`: the ``indirect`` rows of a
sentence's frames, ``NAME: ...`` transcript paragraphs, and the pieces of a quotation
that runs over several paragraphs sharing one speaker.
"""
from __future__ import annotations

import re

from ..text.paragraphs import words_of
from .builder_state import _Sentence, first_char
from .clauses import reported_clause, trim_clause
from .frame_words import DASHES
from .frames import Frame, has_that


_LABEL = re.compile(r"[\"“'‘]?\s*((?:[A-Z][A-Z'’.\-]+)(?: [A-Z][A-Z'’.\-]+){0,2}):\s+(?=\S)")


class ReportedSpeechRules:
    """Reported-speech rules of the document pass (mixed into ``QuoteBuilder``, whose state they read)."""

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
        found = []
        for p in self.paras:
            if p.headline:
                continue
            a = first_char(self.text, p.start)
            m = label.match(self.text, a, p.end)
            if m and len(m.group(1).replace(".", "")) >= 2:
                found.append((p, a, m))
        # a label is a speaker in a transcript (two labelled turns or more) or when it names a
        # person of the text; a lone "READ MORE:" or "UPDATE:" is page furniture
        turns = len({m.group(1) for _, _, m in found})
        for p, a, m in found:
            raw = m.group(1)
            if turns < 2 and not any(self.people.knows(w.strip(".")) for w in raw.split()):
                continue
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

