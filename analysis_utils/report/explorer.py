"""Interactive explorers for JupyterLab: pick an item, see it highlighted in the text.

Two layers:

* **Pure functions** that return an HTML string and are tested without any widget:
  :func:`highlight_spans` (the text with non-overlapping ``<mark>`` elements, every
  character HTML-escaped), and one view per explorer: :func:`segment_view_html`,
  :func:`actor_view_html`, :func:`quote_view_html`, :func:`date_view_html`.
* **Thin ipywidgets wrappers** - :func:`segment_explorer`, :func:`actor_explorer`,
  :func:`quote_explorer`, :func:`date_explorer` - each a ``VBox`` of a ``Dropdown``
  (``box.children[0]``) and an ``HTML`` view (``box.children[1]``) that the dropdown
  redraws with the matching pure function. ipywidgets 8 ships its JupyterLab 4
  extension in its wheel, so the explorers work offline. With nothing to pick, the
  box holds one ``HTML`` child that says so. Without ipywidgets, they return a static
  ``IPython.display.HTML`` view of the first item.

Tables they read (offsets index ``article.text``, ``end`` exclusive):

* segments: ``Article.segments`` (``kind, start, end, line, rule``);
* mentions: :func:`analysis_utils.actors.find_mentions` (``actor, start, end, via,
  in_quote, antecedent``); evidence, optional:
  :func:`analysis_utils.sentiment.actors.sentiment_evidence` (``actor, voice, start,
  end, score, label``) - the score of each mention is printed after it, and the
  actor's own quotations (``voice == "own"``) are outlined;
* quotes: :mod:`analysis_utils.quotes` (``start, end, kind, speaker, speaker_start,
  speaker_end, speaker_via, cue, cue_start, cue_end, paragraph``);
* timexes: :func:`analysis_utils.timeline.find_timexes_in_article` (``start, end,
  text, type, value, value_start, value_end, granularity, anchor_kind, tense``).
"""
from __future__ import annotations

import html
import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, Iterable

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

# Okabe-Ito colours (colour-blind safe) for the roles the explorers mark.
ROLE_COLOURS = {
    "quote": "#56B4E9",
    "speaker": "#E69F00",
    "cue": "#009E73",
    "date": "#CC79A7",
    "own": "#999999",
}
_CONTENT_KINDS = ("headline", "subheadline", "body", "caption")
_BOX_STYLE = (
    "white-space: pre-wrap; font-family: var(--jp-content-font-family, sans-serif); font-size: 13px;"
    " line-height: 1.6; max-height: 32em; overflow-y: auto; padding: 0.5em 0.8em;"
    " border: 1px solid #d9d9d9; border-radius: 4px; background: #ffffff; color: #111111"
)


@dataclass(frozen=True)
class Span:
    """A stretch of text to mark: ``text[start:end]``.

    ``label`` becomes a CSS class (``au-hl-<label>``), ``colour`` the background
    (a ``#rrggbb`` colour, drawn translucent), ``title`` the tooltip and ``note`` a
    small superscript printed right after the span (a score, say).
    """

    start: int
    end: int
    label: str = "mark"
    colour: str = "#E69F00"
    title: str = ""
    note: str = ""


def _rgba(colour: str, alpha: float) -> str:
    c = colour.lstrip("#")
    if len(c) == 3:
        c = "".join(ch * 2 for ch in c)
    try:
        r, g, b = (int(c[i : i + 2], 16) for i in (0, 2, 4))
    except ValueError:
        return colour
    return f"rgba({r}, {g}, {b}, {alpha})"


def _css_class(label: str) -> str:
    safe = "".join(ch if ch.isascii() and (ch.isalnum() or ch in "-_") else "-" for ch in label.lower())
    return "au-hl-" + (safe.strip("-") or "mark")


def _is_missing(value: Any) -> bool:
    if value is None:
        return True
    try:
        import pandas as pd

        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _int_or_none(value: Any) -> int | None:
    return None if _is_missing(value) else int(value)


def highlight_spans(text: str, spans: Iterable[Span], start: int = 0, end: int | None = None) -> str:
    """``text[start:end]`` as HTML, with every span of ``spans`` inside a ``<mark>``.

    All text, titles and notes are HTML-escaped. Spans are clipped to the window;
    empty or inverted spans are ignored. Overlapping spans never produce crossed
    tags: the window is cut at every span boundary and each piece gets one
    ``<mark>`` carrying the classes and tooltips of all spans covering it, coloured
    by the shortest of them (the most specific). A span's ``note`` follows its last
    character. Line breaks are kept (show the result with ``white-space: pre-wrap``).
    """
    n = len(text)
    lo = max(0, min(int(start), n))
    hi = n if end is None else max(lo, min(int(end), n))
    kept: list[tuple[int, int, int, Span]] = []
    for order, sp in enumerate(spans):
        a, b = max(int(sp.start), lo), min(int(sp.end), hi)
        if b > a:
            kept.append((a, b, order, sp))
    cuts = sorted({lo, hi, *(a for a, _, _, _ in kept), *(b for _, b, _, _ in kept)})
    out: list[str] = []
    for a, b in zip(cuts, cuts[1:]):
        piece = html.escape(text[a:b], quote=False)
        cover = [k for k in kept if k[0] <= a and b <= k[1]]
        if cover:
            cover.sort(key=lambda k: (k[1] - k[0], k[2]))
            inner = cover[0][3]
            classes = " ".join(dict.fromkeys(["au-hl", *(_css_class(k[3].label) for k in cover)]))
            style = f"background: {_rgba(inner.colour, 0.35)}; border-radius: 2px; padding: 0 1px; color: inherit"
            if len(cover) > 1:
                style += f"; box-shadow: inset 0 -2px 0 {cover[-1][3].colour}"
            titles = "; ".join(dict.fromkeys(k[3].title for k in cover if k[3].title))
            title = f' title="{html.escape(titles, quote=True)}"' if titles else ""
            out.append(f'<mark class="{classes}" style="{style}"{title}>{piece}</mark>')
        else:
            out.append(piece)
        for k in sorted((k for k in kept if k[1] == b and k[3].note), key=lambda k: k[2]):
            out.append(
                '<sup class="au-note" style="font-size: 75%; color: #333333; font-weight: bold">'
                f"{html.escape(k[3].note, quote=False)}</sup>"
            )
    return "".join(out)


def text_box(fragment: str, header: str = "", legend: Iterable[tuple[str, str]] = ()) -> str:
    """Wrap a highlighted fragment in the explorers' frame, with an optional header
    (already HTML) and a legend of ``(label, colour)`` pairs (escaped here)."""
    parts = ['<div class="au-explorer-view">']
    if header:
        parts.append(f'<div class="au-header" style="margin: 0.2em 0 0.4em 0">{header}</div>')
    legend = list(legend)
    if legend:
        items = "".join(
            f'<span style="background: {_rgba(c, 0.35)}; padding: 0 4px; margin-right: 6px; border-radius: 2px">'
            f"{html.escape(lab, quote=False)}</span>"
            for lab, c in legend
        )
        parts.append(f'<div class="au-legend" style="font-size: 12px; margin-bottom: 0.3em">{items}</div>')
    parts.append(f'<div class="au-text" style="{_BOX_STYLE}">{fragment}</div></div>')
    return "".join(parts)


def _text_of(article: Any) -> str:
    return article if isinstance(article, str) else article.text


def content_window(article: Any) -> tuple[int, int]:
    """The stretch of text worth showing: from the first headline, deck, body or
    caption segment to the end of the last one (page furniture above and below is
    left out). The whole text for a plain string or when no such segment exists."""
    text = _text_of(article)
    segments = None if isinstance(article, str) else getattr(article, "segments", None)
    if segments is None or len(segments) == 0:
        return 0, len(text)
    content = segments[segments["kind"].isin(_CONTENT_KINDS)]
    if content.empty:
        return 0, len(text)
    return int(content["start"].min()), int(content["end"].max())


def block_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The lines (paragraphs, in scraped text) holding ``text[start:end]``: from the
    line break before ``start`` to the line break after ``end``."""
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", end)
    return lo, (len(text) if hi == -1 else hi)


def _short(s: str, n: int = 70) -> str:
    s = " ".join(str(s).split())
    return s if len(s) <= n else s[: n - 1] + "…"


# ----------------------------------------------------------------------- segments


def segment_options(article: Any) -> list[tuple[str, str]]:
    """Dropdown options ``(label, kind)`` for the segment kinds present (not blank),
    in the order kinds first appear."""
    seg = article.segments
    seg = seg[seg["kind"] != "blank"]
    counts = seg.groupby("kind", sort=False).size()
    return [(f"{kind} ({n} segment{'s' if n != 1 else ''})", str(kind)) for kind, n in counts.items()]


def segment_view_html(article: Any, kind: str) -> str:
    """The whole text with every segment of ``kind`` marked (tooltip: line and rule)."""
    from ..charts.style import KIND_COLOURS

    seg = article.segments
    rows = seg[seg["kind"] == kind]
    colour = KIND_COLOURS.get(kind, "#E69F00")
    if colour.upper() in ("#FFFFFF", "#000000"):
        colour = "#E69F00" if colour.upper() == "#000000" else "#BBBBBB"
    spans = [
        Span(int(r.start), int(r.end), kind, colour,
             f"{kind} · line {int(r.line)} · rule {r.rule}" + (" · repeats the headline" if bool(r.repeats_headline) else ""))
        for r in rows.itertuples(index=False)
    ]
    chars = int((rows["end"] - rows["start"]).sum()) if len(rows) else 0
    header = (f"<b>{html.escape(kind)}</b>: {len(rows)} segment{'s' if len(rows) != 1 else ''}, "
              f"{chars} characters of {len(article.text)}")
    return text_box(highlight_spans(article.text, spans), header, [(kind, colour)])


# ----------------------------------------------------------------------- actors


def actor_options(mentions: "pd.DataFrame") -> list[tuple[str, str]]:
    """Dropdown options ``(label, actor)``: actors by number of mentions, then name."""
    if mentions is None or len(mentions) == 0:
        return []
    counts = mentions.groupby("actor").size().reset_index(name="n")
    counts = counts.sort_values(["n", "actor"], ascending=[False, True], kind="stable")
    return [(f"{a} ({n} mention{'s' if n != 1 else ''})", str(a)) for a, n in zip(counts["actor"], counts["n"])]


def _score_note(value: Any) -> str:
    if _is_missing(value):
        return ""
    try:
        v = float(value)
    except (TypeError, ValueError):
        return ""
    return "" if math.isnan(v) else f"{v:+.2f}"


def actor_view_html(article: Any, mentions: "pd.DataFrame", actor: str, evidence: "pd.DataFrame | None" = None) -> str:
    """The article's text with ``actor``'s mentions marked in its chart colour.

    Tooltips say how each mention was found (``via``, the antecedent of a pronoun,
    inside a quotation). With ``evidence`` (a sentiment evidence table), the score of
    each scored mention is printed after it, the actor's own quotations are outlined
    with their score, and the header gives the mean score per voice.
    """
    from ..charts.style import actor_colour

    text = _text_of(article)
    colour = actor_colour(actor)
    rows = mentions[mentions["actor"] == actor] if len(mentions) else mentions
    scores: dict[tuple[int, int], Any] = {}
    own: list[Span] = []
    ev = None
    if evidence is not None and len(evidence) and {"actor", "start", "end"} <= set(evidence.columns):
        ev = evidence[evidence["actor"] == actor]
        has_score = "score" in ev.columns
        voice = ev["voice"] if "voice" in ev.columns else None
        for i, r in enumerate(ev.itertuples(index=False)):
            key = (int(r.start), int(r.end))
            score = getattr(r, "score", None) if has_score else None
            if voice is not None and str(voice.iloc[i]) == "own":
                own.append(Span(key[0], key[1], "own", ROLE_COLOURS["own"], f"{actor}'s own words", _score_note(score)))
            else:
                scores.setdefault(key, score)
    spans = list(own)
    for r in rows.itertuples(index=False):
        bits = [str(getattr(r, "via", "") or "")]
        ante = getattr(r, "antecedent", None)
        if not _is_missing(ante) and str(ante):
            bits.append(f"→ {ante}")
        if bool(getattr(r, "in_quote", False)):
            bits.append("inside a quotation")
        key = (int(r.start), int(r.end))
        note = _score_note(scores.get(key))
        if note:
            bits.append(f"score {note}")
        spans.append(Span(key[0], key[1], "mention", colour, f"{actor}: " + " ".join(b for b in bits if b), note))
    lo, hi = content_window(article)
    lo = min([lo, *(s.start for s in spans)]) if spans else lo
    hi = max([hi, *(s.end for s in spans)]) if spans else hi
    n = len(rows)
    header = f"<b>{html.escape(actor)}</b>: {n} mention{'s' if n != 1 else ''}"
    if n and "via" in rows.columns:
        vias = rows["via"].astype(str).value_counts()
        header += " (" + ", ".join(f"{html.escape(v)} {c}" for v, c in vias.items()) + ")"
    if ev is not None and len(ev) and "score" in ev.columns and "voice" in ev.columns:
        means = ev.groupby("voice", sort=False)["score"].mean()
        header += " · mean score " + ", ".join(f"{html.escape(str(v))} {m:+.2f}" for v, m in means.items() if m == m)
    legend = [(f"mention of {actor}", colour)] + ([("own words", ROLE_COLOURS["own"])] if own else [])
    return text_box(highlight_spans(text, spans, lo, hi), header, legend)


# ----------------------------------------------------------------------- quotes


def _row_options(table: "pd.DataFrame | None", label) -> list[tuple[str, int]]:
    """Dropdown options ``("n · " + label(row), row position)``, one per row of ``table``."""
    if table is None or len(table) == 0:
        return []
    return [(f"{i + 1} · {label(r)}", i) for i, r in enumerate(table.itertuples(index=False))]


def quote_options(quotes: "pd.DataFrame") -> list[tuple[str, int]]:
    """Dropdown options ``(label, row position)``: ``n · kind · speaker: “text”``."""
    def label(r) -> str:
        speaker = str(getattr(r, "speaker", "") or "") if not _is_missing(getattr(r, "speaker", None)) else ""
        return f"{getattr(r, 'kind', '')} · {speaker or '(no speaker)'}: “{_short(getattr(r, 'text', ''), 60)}”"

    return _row_options(quotes, label)


def quote_view_html(article: Any, quotes: "pd.DataFrame", position: int) -> str:
    """The paragraph of the quotation at row ``position`` of ``quotes``, with the
    quotation, its speaker and its cue marked (the view widens to take in a speaker
    or cue in a neighbouring paragraph)."""
    text = _text_of(article)
    r = quotes.iloc[int(position)]
    q0, q1 = int(r["start"]), int(r["end"])
    kind = str(r.get("kind", "quote"))
    speaker = "" if _is_missing(r.get("speaker")) else str(r.get("speaker"))
    spans = [Span(q0, q1, "quote", ROLE_COLOURS["quote"], f"{kind} quotation")]
    s0, s1 = _int_or_none(r.get("speaker_start")), _int_or_none(r.get("speaker_end"))
    if s0 is not None and s1 is not None:
        via = "" if _is_missing(r.get("speaker_via")) else str(r.get("speaker_via"))
        spans.append(Span(s0, s1, "speaker", ROLE_COLOURS["speaker"], f"speaker: {speaker}" + (f" ({via})" if via else "")))
    c0, c1 = _int_or_none(r.get("cue_start")), _int_or_none(r.get("cue_end"))
    if c0 is not None and c1 is not None:
        spans.append(Span(c0, c1, "cue", ROLE_COLOURS["cue"], "cue"))
    lo, hi = block_bounds(text, min(s.start for s in spans), max(s.end for s in spans))
    para = r.get("paragraph")
    header = (f"<b>{html.escape(kind)}</b> quotation · speaker: <b>{html.escape(speaker or '(unknown)')}</b>"
              + ("" if _is_missing(r.get("speaker_via")) or not str(r.get("speaker_via")) else f" ({html.escape(str(r.get('speaker_via')))})")
              + ("" if _is_missing(r.get("speaker_confidence")) else f" · confidence {float(r.get('speaker_confidence')):.2f}")
              + ("" if _is_missing(r.get("cue")) or not str(r.get("cue")) else f" · cue: “{html.escape(str(r.get('cue')))}”")
              + ("" if _is_missing(r.get("speech")) or bool(r.get("speech")) else " · a belief or intention, not speech")
              + ("" if _is_missing(para) else f" · paragraph {int(para)}"))
    legend = [("quotation", ROLE_COLOURS["quote"]), ("speaker", ROLE_COLOURS["speaker"]), ("cue", ROLE_COLOURS["cue"])]
    return text_box(highlight_spans(text, spans, lo, hi), header, legend)


# ----------------------------------------------------------------------- dates


def date_options(timexes: "pd.DataFrame") -> list[tuple[str, int]]:
    """Dropdown options ``(label, row position)``: ``n · “text” → value``."""
    def label(r) -> str:
        value = getattr(r, "value", None)
        return f"“{_short(getattr(r, 'text', ''), 40)}” → {'?' if _is_missing(value) else value}"

    return _row_options(timexes, label)


def sentence_bounds(article: Any, start: int, end: int) -> tuple[int, int]:
    """The sentence holding ``[start, end)``: from ``Article.sentences`` when there is
    one; else split the line around it with :func:`analysis_utils.text.sentences.split_sentences`."""
    text = _text_of(article)
    sents = None if isinstance(article, str) else getattr(article, "sentences", None)
    if sents is not None and len(sents):
        hit = sents[(sents["start"] <= start) & (start < sents["end"])]
        if len(hit):
            return int(hit.iloc[0]["start"]), max(int(hit.iloc[0]["end"]), end)
    from ..text.sentences import split_sentences

    lo, hi = block_bounds(text, start, end)
    for a, b in split_sentences(text, lo, hi):
        if a <= start < b:
            return a, max(b, end)
    return lo, hi


def date_view_html(article: Any, timexes: "pd.DataFrame", position: int) -> str:
    """The sentence of the temporal expression at row ``position`` of ``timexes``,
    the expression marked, with its value, type, the days it covers and what it was
    computed from."""
    text = _text_of(article)
    r = timexes.iloc[int(position)]
    t0, t1 = int(r["start"]), int(r["end"])
    lo, hi = sentence_bounds(article, t0, t1)
    value = "?" if _is_missing(r.get("value")) else str(r.get("value"))
    facts = [f"{html.escape(str(r.get('type', '')))}"]
    if not _is_missing(r.get("granularity")):
        facts.append(f"granularity {html.escape(str(r.get('granularity')))}")
    if not _is_missing(r.get("value_start")):
        facts.append(f"covers {html.escape(str(r.get('value_start')))} – {html.escape(str(r.get('value_end')))}")
    if not _is_missing(r.get("anchor_kind")):
        facts.append(f"from: {html.escape(str(r.get('anchor_kind')))}")
    if not _is_missing(r.get("tense")):
        facts.append(f"tense: {html.escape(str(r.get('tense')))}")
    header = f"“{html.escape(text[t0:t1])}” → <b>{html.escape(value)}</b> · " + " · ".join(facts)
    span = Span(t0, t1, "date", ROLE_COLOURS["date"], f"{value}")
    return text_box(highlight_spans(text, [span], lo, hi), header, [("date", ROLE_COLOURS["date"])])


# ----------------------------------------------------------------------- widgets


def _explorer(description: str, options: list, render: Callable[[Any], str], empty: str):
    """A ``VBox(Dropdown, HTML)``; the dropdown redraws the view with ``render``.

    Without ipywidgets installed, an ``IPython.display.HTML`` of the first item (with
    a note saying so) instead, so that a notebook still runs to the end."""
    try:
        import ipywidgets as widgets
    except ImportError:
        from IPython.display import HTML

        note = "<p><i>ipywidgets is not installed: the first item only; install ipywidgets to pick others.</i></p>"
        return HTML(note + (render(options[0][1]) if options else f"<i>{html.escape(empty)}</i>"))

    if not options:
        box = widgets.VBox([widgets.HTML(f"<i>{html.escape(empty)}</i>")])
        box.add_class("au-explorer")
        return box
    dropdown = widgets.Dropdown(
        options=options, value=options[0][1], description=description,
        layout=widgets.Layout(width="95%"), style={"description_width": "initial"},
    )
    view = widgets.HTML(render(dropdown.value))

    def redraw(change: dict) -> None:
        view.value = render(change["new"])

    dropdown.observe(redraw, names="value")
    box = widgets.VBox([dropdown, view])
    box.add_class("au-explorer")
    return box


def speaker_explorer(quotes: "pd.DataFrame", mentions: "pd.DataFrame | None", articles: "pd.DataFrame"):
    """Pick a speaker; read their quotations across a corpus, the actors named in them
    marked (:func:`analysis_utils.corpus.explore.speaker_view_html`)."""
    from ..corpus.explore import speaker_options, speaker_view_html

    return _explorer("Speaker:", speaker_options(quotes, articles),
                     lambda s: speaker_view_html(quotes, mentions, articles, s), "No quotations found in this corpus.")


def segment_explorer(article: Any):
    """Pick a segment kind; see every segment of that kind marked in the whole text."""
    return _explorer("Segment kind:", segment_options(article), lambda k: segment_view_html(article, k),
                     "The article has no segments.")


def actor_explorer(article: Any, mentions: "pd.DataFrame", evidence: "pd.DataFrame | None" = None):
    """Pick an actor; see its mentions marked in the text (with scores from ``evidence``)."""
    return _explorer("Actor:", actor_options(mentions), lambda a: actor_view_html(article, mentions, a, evidence),
                     "No actor mentions found in this article.")


def quote_explorer(article: Any, quotes: "pd.DataFrame"):
    """Pick a quotation; see it in its paragraph with speaker and cue marked."""
    return _explorer("Quotation:", quote_options(quotes), lambda i: quote_view_html(article, quotes, i),
                     "No quotations found in this article.")


def date_explorer(article: Any, timexes: "pd.DataFrame"):
    """Pick a date (temporal expression); see its sentence with the date marked."""
    return _explorer("Date:", date_options(timexes), lambda i: date_view_html(article, timexes, i),
                     "No dates found in this article.")
