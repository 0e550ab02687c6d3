"""What a frame attributes: which frame a quotation belongs to (:func:`link_quote`,
``direct`` or ``partial``), the reported clause of a frame (:func:`reported_clause`),
a name joined to a quotation by a dash (:func:`dash_speaker`), and headline quotations
that stand alone (:func:`standalone`). See :mod:`analysis_utils.quotes.attribution`.
"""
from __future__ import annotations

from ..text.paragraphs import words_of
from ..text.quote_marks import QuoteSpan
from .frame_words import (
    DASH_OR_COLON,
    DASHES,
    SEPARATORS,
    _ADDRESSEES,
    _ADVERBIAL,
    _ADVERBIAL_STARTS,
    _CLAUSE_JOINS,
    _modal_before,
    starts_upper,
)
from .frames import Frame
from .speakers import np_left, np_right
from .tokens import Tok
from .word_lists import STOP, TIME_WORDS


_AFTER_DASH_NAME = (",", ".", "(", ";") + DASHES  # what may follow the name in '"..." -- Name'


def dash_speaker(text: str, toks: list[Tok], k: int):
    """``"..." ― Sonya Herridge`` / ``Mitt Romney -- ''...''``: a person's name joined to a
    quotation by a dash (or, before it, a colon). Returns (mention, cue offsets) or None."""
    j = k + 1
    if j < len(toks) and toks[j].text in DASHES:
        a = j
        while j < len(toks) and toks[j].text in DASHES:
            j += 1
        m = np_right(text, toks, j, len(toks))
        if m is not None and m.kind == "name" and m.person and (
                m.t1 >= len(toks) or toks[m.t1].text in _AFTER_DASH_NAME or toks[m.t1].kind == "q"):
            return m, (toks[a].start, toks[j - 1].end)
    j = k - 1
    if j >= 1 and toks[j].text in DASH_OR_COLON:
        a = j
        while a - 1 >= 0 and toks[a - 1].text in DASHES:
            a -= 1
        m = np_left(text, toks, a - 1, 0)
        if m is not None and m.kind == "name" and m.person and not m.parts:
            return m, (toks[a].start, toks[j].end)
    return None


def link_quote(toks: list[Tok], frames: list[Frame], k: int, initial: bool) -> tuple[Frame | None, str]:
    """The frame a quotation at ``toks[k]`` belongs to, and ``direct`` or ``partial``."""
    nxt = k + 1
    while nxt < len(toks) and toks[nxt].text in (",", "—", "―", "–"):
        nxt += 1
    # after: "...," X said. / "...," said X.
    spoken_before = any(f.i + f.cue.n <= k and f.mention is not None for f in frames)
    for f in frames:
        if f.i <= k:
            continue
        if f.mention is None and spoken_before:
            break  # "Pence insisted that Trump had "never" said that": not the speakerless "said"
        if f.quoted_as and not any(t.kind == "q" for t in toks[k + 1:f.i]):
            return f, ("direct" if initial else "partial")  # "...," X was quoted as saying
        starts = f.i if (f.inverted or f.mention is None or f.via == "main-clause") else f.mention.np0
        if f.cue.participle:
            continue
        # "...," panel Chairman Rep. Jason Chaffetz said: a few lower-case modifiers may come first
        gap = toks[nxt:starts]
        if gap and gap[-1].possessive:  # "...," North Korea's Foreign Minister Ri Son-gwon said
            g = len(gap) - 1
            while g > 0 and gap[g - 1].cap and gap[g - 1].kind == "w" and len(gap) - g < 3:
                g -= 1
            gap = gap[:g]
        if gap and gap[0].lower == "as" and f.mention is not None and not f.inverted and f.mention.np0 == nxt + 1:
            gap = []  # "... a "liar," as Trump has branded him": the frame after "as"
        if gap and gap[0].lower in ("a", "an", "the") and len(gap) <= 4 and all(
                t.kind == "w" and not t.cap for t in gap[1:]):
            gap = gap[1:] if len(gap) <= 3 else gap  # "...," a visibly moved Ryan said
        if starts >= nxt and len(gap) <= 2 and all(t.kind == "w" and not t.cap and t.lower not in STOP
                                                    for t in gap) and not any(t.kind == "q" for t in toks[k + 1:f.i]):
            return f, ("direct" if initial else "partial")
        break
    before = [f for f in frames if f.i + f.cue.n <= k and not 0 <= f.closes < k]
    if before:
        f = before[-1]
        named = [g for g in before if g.speaker]
        if not f.speaker and named and (f.mention is None or not _adjacent(toks, f, k)) \
                and not (f.mention is not None and f.mention.object_case):
            f = named[-1]  # "President Marsh ... said it would tell ... ''...''": not the unresolved "it"
        gap = toks[f.i + f.cue.n:k]
        if f.inverted and f.mention is not None and f.cue.group != "according":
            gap = toks[max(f.i + f.cue.n, f.mention.t1):k]
        if any(t.kind == "q" for t in gap):
            return (f, "partial") if f.mention is not None else (None, "")
        if gap and gap[-1].text == ":" and clause_subject(toks, f.i + f.cue.n, k - 1) is not None:
            return None, ""  # "..., X said, but Jones was unconvinced: "..."": Jones's words
        words = [t for t in gap if t.kind == "w"]
        if gap and gap[-1].text in (",", ":") and len(words) <= 10 and not any(
                t.lower in ("that", "whether", "if") for t in words):
            return f, "direct"
        if not gap and starts_upper(toks[k].text[1:]) and f.cue.group != "according":
            return f, "direct"
        return f, "partial"
    after = [f for f in frames if f.i > k and f.mention is not None and not f.cue.participle
             and _trailing(toks, f)]
    if after:
        return after[0], "partial"
    return None, ""


def clause_subject(toks: list[Tok], a: int, colon: int) -> int | None:
    """Where a new clause with a capitalised subject starts between ``toks[a]`` and a colon:
    ``, but Mary Jones was unconvinced:`` -> the index of *Mary*; else None."""
    for j in range(a, colon - 2):
        if toks[j].kind == "w" and toks[j].lower in _CLAUSE_JOINS and (j == a or toks[j - 1].text in (",", ";")) \
                and toks[j + 1].kind == "w" and toks[j + 1].cap and toks[j + 1].lower not in STOP:
            return j + 1
    return None


def _adjacent(toks: list[Tok], f: Frame, k: int) -> bool:
    """Only a short frame gap (``said,`` / ``told reporters:``) between cue and quotation."""
    gap = toks[f.i + f.cue.n:k]
    return len(gap) <= 4 and (not gap or gap[-1].text in (",", ":"))


def _trailing(toks: list[Tok], f: Frame) -> bool:
    """``..., X said.`` / ``..., said X.``: the frame closes its sentence."""
    end = f.i + f.cue.n
    if f.inverted and f.mention is not None:
        end = max(end, f.mention.end_tok if f.mention.end_tok > 0 else f.mention.t1)
    rest = [t for t in toks[end:] if t.kind != "p"]
    return len(rest) <= 6 and not any(t.kind == "q" for t in rest)


def trim_clause(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and (text[a].isspace() or text[a] in ",:;"):
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] in ".,;:—–-"):
        b -= 1
    if text.startswith("that ", a):
        a += 5
    return a, b


def _span(text: str, toks: list[Tok], a: int, b: int) -> tuple[int, int] | None:
    """Offsets of ``toks[a:b]`` trimmed of punctuation and a leading *that*; None when fewer
    than two words remain or only adverbials do (``warned the day before, saying``)."""
    if a >= b:
        return None
    s, e = trim_clause(text, toks[a].start, toks[b - 1].end)
    while text[s:e].lower().endswith((" and", " but", " or")):
        e = text.rfind(" ", s, e)
        s, e = trim_clause(text, s, e)
    words = words_of(text[s:e])
    if len(words) < 2 and not any(t.kind == "q" for t in toks[a:b]):
        return None
    if all(w.lower().strip(".,") in _ADVERBIAL for w in words):
        return None
    return s, e


def reported_clause(text: str, toks: list[Tok], frames: list[Frame], idx: int) -> tuple[int, int] | None:
    """The reported clause of ``frames[idx]`` as offsets into ``text``, or None.

    * forward: after the cue (an addressee, adverbials and *that* skipped) to the end of
      the sentence, the next frame that starts a new clause, or a direct quotation;
    * trailing (``CLAUSE, X said.`` / ``CLAUSE, said X.`` / ``CLAUSE, according to X.``):
      the clause before the frame;
    * parenthetical (``A, X said, B``): the whole sentence;
    * ``According to X, CLAUSE``: the clause after the comma.
    """
    f = frames[idx]
    n = len(toks)
    m = f.mention
    stop = n
    while stop > 0 and toks[stop - 1].kind == "p" and toks[stop - 1].text in ".!?;:…":
        stop -= 1
    if f.inverted and m is not None:
        fs, fe = f.i, max(f.i + f.cue.n, m.end_tok if m.end_tok > 0 else m.t1)
    elif f.via == "main-clause" or m is None:
        fs, fe = f.i, f.i + f.cue.n
    else:
        fs, fe = min(m.np0, f.i), f.i + f.cue.n
    limit = stop
    for g in frames[idx + 1:]:
        if g.i < fe or g.closes >= 0:
            continue  # a cue inside a relative clause does not end the reported clause
        start = g.i if (g.inverted or g.mention is None or g.via == "main-clause") else g.mention.np0
        if _cuts(toks, g, start, fe):
            limit = min(start, stop)
            break
    comma_before = fs > 0 and toks[fs - 1].text in (",", "—", "―", "–")
    head = _span(text, toks, 0, fs - 1) if comma_before else None
    # the first comma right after the frame (only adverbials between): "A, X said Tuesday, B"
    close = None
    for k in range(fe, min(limit, fe + 7)):
        if toks[k].text == ",":
            close = k
            break
        if toks[k].kind != "w" or toks[k].lower == "that":
            break
    if f.cue.group == "according":
        if close is not None and (fs == 0 or not comma_before):
            return _span(text, toks, close + 1, limit)  # According to X, CLAUSE
        if head is not None:
            return head  # CLAUSE, according to X
        return _span(text, toks, fe, limit)
    if f.inverted:
        if head is not None and f.via != "main-clause":
            return head  # CLAUSE, said X.
        return None
    # forward start: skip an addressee and adverbials up to "that"
    j = fe
    if f.cue.group == "addressee" and f.cue.lemma not in ("urge", "ask", "advise"):
        while j < limit and j - fe < 4 and toks[j].lower != "that" and (
                toks[j].kind == "q" or (toks[j].kind == "w" and (toks[j].cap or toks[j].lower in _ADDRESSEES))):
            j += 1
    while j < limit and toks[j].kind == "w" and (toks[j].lower in TIME_WORDS or (
            toks[j].lower in ("on", "last", "this", "late", "early") and j + 1 < limit
            and toks[j + 1].lower in TIME_WORDS)):
        j += 1  # "said Tuesday the plan ...", "said on Monday the plan ..."
    that = False
    for k in range(j, min(limit, j + 12)):
        t = toks[k]
        if t.kind == "q" or t.text in (",", ";", ":", ".", "!", "?"):
            break
        if t.kind == "w" and t.lower == "that" and k + 2 < limit:
            j, that = k + 1, True
            break
    if j < limit and (toks[j].kind == "q" and (j == fe or toks[j - 1].text in (",", ":"))
                      or toks[j].text in (",", ":") and j + 1 < limit and toks[j + 1].kind == "q"):
        return None  # a direct quotation follows: the quotation is the content
    end = limit
    for k in range(j, limit):
        if toks[k].text in (",", ":") and k + 1 < limit and toks[k + 1].kind == "q" and (
                toks[k].text == ":" or k + 2 >= limit or starts_upper(toks[k + 1].text[1:])):
            end = k
            break
    forward = _span(text, toks, j, end)
    if not that and j < end and toks[j].kind == "w" and (toks[j].lower in _ADVERBIAL_STARTS or (
            toks[j].lower == "to" and j + 1 < end and (toks[j + 1].lower in _ADDRESSEES or toks[j + 1].cap))):
        forward = None  # "said after the meeting", "told reporters during a visit", "said to the crowd"
    if f.via == "main-clause" or that:
        return forward
    if comma_before and close is not None and not _modal_before(toks, f.i):
        return _span(text, toks, 0, limit)  # A, X said, B
    if forward is None and head is not None and not _modal_before(toks, f.i) and limit >= stop:
        return head  # CLAUSE, X said.
    return forward


def _cuts(toks: list[Tok], g: Frame, start: int, after: int) -> bool:
    """Does frame ``g`` (starting at ``toks[start]``) end the reported clause that starts at
    ``toks[after]``? A nested attribution inside the clause ("said he hoped ...") does not;
    a following participle, a coordinated clause or a trailing frame does."""
    ing = g.cue.participle or g.cue.group == "according"  # ", saying ..." / ", according to ..."
    if start <= after:
        return start == after and ing
    prev = toks[start - 1]
    if ing:
        return prev.text in (",", "—", "―", "–", ";") or prev.kind == "q"
    if prev.text == ";" or prev.lower in ("and", "but", "while", "whereas", "although", "though"):
        return True
    if prev.text in (",", "—", "―", "–"):
        end = g.i + g.cue.n
        if g.inverted and g.mention is not None:
            end = max(end, g.mention.t1)
        return end >= len(toks) - 1 or toks[end].text in (",", ".", ";", ":") or toks[end].kind == "q"
    return prev.kind == "q"


def standalone(text: str, a: int, b: int, span: QuoteSpan) -> bool:
    """A headline quotation that stands on its own: nothing but separators around it."""
    before = text[a:span.open].strip()
    after = text[span.close:b].strip()
    ok_before = not before or before.endswith(SEPARATORS)
    ok_after = not after or after.startswith(SEPARATORS)
    return ok_before and ok_after
