"""The explorer of notebook 05: pick a speaker, read what they were quoted saying across
the corpus, outlet by outlet.

Two layers, as the per-article explorers (:mod:`analysis_utils.report.explorer`):

* pure functions that return what to show, tested without widgets:
  :func:`speaker_options` (the speakers, most quoted first) and :func:`speaker_view_html`
  (every quotation of one speaker with its outlet, date and headline, the speaker marked
  in the header and the registry actors named inside each quotation marked in its text;
  all text HTML-escaped);
* the ipywidgets wrapper, :func:`analysis_utils.report.explorer.speaker_explorer`, as
  for the other explorers: a ``VBox`` of a ``Dropdown`` (``children[0]``) and an ``HTML``
  view (``children[1]``) that the dropdown redraws.

Tables: the corpus's ``quotes`` and ``mentions`` (offsets into each article's text) and
:func:`analysis_utils.corpus.compare.corpus_articles`.
"""
from __future__ import annotations

import html

import pandas as pd

from .compare import NO_DATE, UNATTRIBUTED, UNKNOWN_OUTLET, VOICE_KINDS

SPEAKER_COLOUR = "#E69F00"
ACTOR_COLOUR = "#56B4E9"
_MARK = "background: {}; border-radius: 2px; padding: 0 1px; color: inherit"
_BOX = ("font-family: var(--jp-content-font-family, sans-serif); font-size: 13px; line-height: 1.5;"
        " max-height: 34em; overflow-y: auto; padding: 0.5em 0.8em; border: 1px solid #d9d9d9;"
        " border-radius: 4px; background: #ffffff; color: #111111")


def _speakers(quotes: pd.DataFrame) -> pd.Series:
    """Each quotation's speaker as the tables count it: the registry actor, else the
    speaker as written, else ``(unattributed)``."""
    actor = quotes["speaker_actor"].fillna("").astype(str) if "speaker_actor" in quotes.columns else None
    written = quotes["speaker"].fillna("").astype(str)
    label = written if actor is None else actor.where(actor != "", written)
    return label.replace("", UNATTRIBUTED)


def _spoken(quotes: pd.DataFrame | None) -> pd.DataFrame:
    if quotes is None or not len(quotes):
        return pd.DataFrame(columns=["article_id", "kind", "text", "start", "end", "attribution", "_speaker"])
    q = quotes[quotes["kind"].isin(VOICE_KINDS)]
    return q.assign(_speaker=_speakers(q))


def speaker_options(quotes: pd.DataFrame, articles: pd.DataFrame | None = None) -> list[tuple[str, str]]:
    """``(label, speaker)`` for every speaker, the most quotations first: ``"Lena Marsh — 7
    quotations in 3 outlets"`` (outlets when ``articles`` is given)."""
    q = _spoken(quotes)
    if not len(q):
        return []
    outlet = articles.set_index("article_id")["outlet"] if articles is not None and len(articles) else None
    out = []
    for speaker, g in q.groupby("_speaker", sort=False):
        n = len(g)
        where = ""
        if outlet is not None:
            k = g["article_id"].map(outlet).nunique()
            where = f" in {k} outlet{'s' if k != 1 else ''}"
        out.append((n, speaker, f"{speaker} — {n} quotation{'s' if n != 1 else ''}{where}"))
    out.sort(key=lambda t: (-t[0], t[1] == UNATTRIBUTED, t[1]))
    return [(label, speaker) for _, speaker, label in out]


def _marked(text: str, spans: list[tuple[int, int, str]]) -> str:
    """``text`` HTML-escaped, with each ``(start, end, actor)`` span (offsets into ``text``,
    not overlapping) inside a ``<mark>``."""
    out, at = [], 0
    for a, b, actor in sorted(spans):
        if a < at or b <= a or b > len(text):
            continue
        out.append(html.escape(text[at:a], quote=False))
        out.append(f'<mark class="au-hl au-hl-actor" style="{_MARK.format(ACTOR_COLOUR + "59")}" '
                   f'title="{html.escape(actor, quote=True)}">{html.escape(text[a:b], quote=False)}</mark>')
        at = b
    out.append(html.escape(text[at:], quote=False))
    return "".join(out)


def speaker_view_html(quotes: pd.DataFrame, mentions: pd.DataFrame | None, articles: pd.DataFrame, speaker: str,
                      limit: int = 60) -> str:
    """Every quotation of ``speaker`` (at most ``limit``), by date and outlet: outlet, date,
    headline and kind above the quoted words, the actors named inside them marked."""
    q = _spoken(quotes)
    q = q[q["_speaker"] == speaker]
    where = articles.set_index("article_id") if articles is not None and len(articles) else None
    if where is not None:
        q = q.assign(at_outlet=q["article_id"].map(where["outlet"]).fillna(UNKNOWN_OUTLET),
                     at_date=q["article_id"].map(where["date"]).fillna(NO_DATE),
                     at_headline=q["article_id"].map(where["headline"]).fillna(""))
    else:
        q = q.assign(at_outlet=UNKNOWN_OUTLET, at_date=NO_DATE, at_headline="")
    q = q.sort_values(["at_date", "at_outlet", "article_id", "start"], kind="stable")
    by_article = {aid: g for aid, g in mentions.groupby("article_id")} if mentions is not None and len(mentions) else {}
    outlets = q["at_outlet"].nunique()
    head = (f'<div class="au-header"><mark class="au-hl au-hl-speaker" style="{_MARK.format(SPEAKER_COLOUR + "59")}">'
            f"{html.escape(speaker, quote=False)}</mark>: {len(q)} quotation{'s' if len(q) != 1 else ''} in "
            f"{outlets} outlet{'s' if outlets != 1 else ''}"
            + (f" (the first {limit} shown)" if len(q) > limit else "") + "</div>")
    items = []
    for r in q.head(limit).itertuples(index=False):
        start, end = int(r.start), int(r.end)
        text = str(r.text)
        spans = []
        m = by_article.get(r.article_id)
        if m is not None:
            inside = m[(m["start"] >= start) & (m["end"] <= end)]
            spans = [(int(a) - start, int(b) - start, str(actor))
                     for a, b, actor in zip(inside["start"], inside["end"], inside["actor"])]
        marks = ("“", "”") if r.kind != "indirect" else ("", "")
        items.append(
            '<div class="au-quote" style="margin: 0 0 0.7em 0">'
            f'<div style="font-size: 12px; color: #555555"><b>{html.escape(str(r.at_outlet), quote=False)}</b> · '
            f"{html.escape(str(r.at_date), quote=False)} · {html.escape(str(r.at_headline), quote=False)} · "
            f"{html.escape(str(r.kind), quote=False)} · "
            f"<code>{html.escape(str(r.article_id), quote=False)}</code></div>"
            f"<div>{marks[0]}{_marked(text, spans)}{marks[1]}</div></div>")
    legend = (f'<div class="au-legend" style="font-size: 12px; margin: 0.3em 0">'
              f'<span style="{_MARK.format(SPEAKER_COLOUR + "59")}">speaker</span> '
              f'<span style="{_MARK.format(ACTOR_COLOUR + "59")}">actor named inside the quotation</span></div>')
    body = "".join(items) or "<i>No quotations.</i>"
    return f'<div class="au-explorer-view">{head}{legend}<div class="au-text" style="{_BOX}">{body}</div></div>'
