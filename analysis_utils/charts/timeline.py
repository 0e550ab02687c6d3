"""Timeline charts: a segmented time axis with the article's events and reference events,
and the treaty comparison as a figure.

* :func:`split_panels`: cut the time axis where consecutive events are more than
  ``max_gap_years`` apart (the Soviet era | 2000 | 2023-2024 for one article, other
  panels for another), so decades of nothing take no room;
* :func:`timeline_lanes`: the table behind the chart: one lane per distinct interval,
  source and status, carrying the row numbers ``n`` of :func:`analysis_utils.timeline.reference.
  timeline_table` it stands for;
* :func:`timeline_chart`: the chart (one panel per segment, each at its own scale;
  bars as wide as the dates' granularity; filled marks for reported events, hollow
  dashed ones for scheduled events, squares for current ones, diamonds for reference
  events; a dotted line at the publication date; gaps labelled "23 years"; every lane
  labelled with its row numbers and label, so it can be traced to its sentence);
* :func:`treaty_table_figure`: :func:`analysis_utils.timeline.reference.treaty_comparison` drawn
  as a table, for the report.

Columns of the lanes table: ``lane`` (0 = top), ``panel``, ``date_start``, ``date_end``,
``source``, ``status``, ``numbers`` (the ``n`` of its rows, comma-separated), ``rows``,
``label`` (the first row's label, "(+k)" when it stands for several), ``granularity``.
"""
from __future__ import annotations

import textwrap
from datetime import date, timedelta
from typing import TYPE_CHECKING, Iterable

from .style import add_source, house_style, message_figure

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from matplotlib.figure import Figure

ARTICLE_COLOUR = "#0072B2"
REFERENCE_COLOUR = "#E69F00"
NOW_COLOUR = "#D55E00"
DEFAULT_GAP_YEARS = 5.0
LANE_COLUMNS = ["lane", "panel", "date_start", "date_end", "source", "status", "numbers", "rows", "label",
                "granularity"]
_YEAR = 365.25


def _d(x) -> date:
    return x if isinstance(x, date) else date.fromisoformat(str(x)[:10])


def split_panels(starts: Iterable, ends: Iterable, max_gap_years: float = DEFAULT_GAP_YEARS) -> list[tuple[date, date]]:
    """Panels ``(first day, last day)`` covering the intervals ``starts[i]..ends[i]``:
    sorted by start, a new panel begins where an interval starts more than
    ``max_gap_years`` after the latest end so far. Dates may be ``date`` or ISO strings."""
    spans = sorted((_d(s), _d(e)) for s, e in zip(starts, ends))
    panels: list[list[date]] = []
    for s, e in spans:
        if panels and (s - panels[-1][1]).days <= max_gap_years * _YEAR:
            panels[-1][1] = max(panels[-1][1], e)
        else:
            panels.append([s, e])
    return [(a, b) for a, b in panels]


def gap_label(days: int) -> str:
    """A gap in words: "23 years", "8 months", "12 days"."""
    if days >= 1.5 * _YEAR:
        return f"{round(days / _YEAR)} years"
    if days >= 45:
        return f"{round(days / 30.44)} months"
    return f"{days} days"


def timeline_lanes(table: "pd.DataFrame", max_gap_years: float = DEFAULT_GAP_YEARS) -> "pd.DataFrame":
    """The lanes of the timeline chart (columns in the module docstring), top to bottom
    in date order. ``table`` is :func:`analysis_utils.timeline.reference.timeline_table` (or any
    table with ``date_start``, ``date_end``, ``label``, and optionally ``n``,
    ``source``, ``status``, ``granularity``)."""
    import pandas as pd

    if table is None or not len(table):
        return pd.DataFrame({c: pd.Series(dtype="object") for c in LANE_COLUMNS})
    t = table.copy()
    if "n" not in t:
        t["n"] = range(1, len(t) + 1)
    for col, default in (("source", "article"), ("status", None), ("granularity", None)):
        if col not in t:
            t[col] = default
    t["status"] = t["status"].where(t["status"].notna(), "")
    panels = split_panels(t["date_start"], t["date_end"], max_gap_years)
    rows = []
    keys = ["date_start", "date_end", "source", "status"]
    for _, g in t.sort_values(keys + ["n"], kind="stable").groupby(keys, sort=True):
        first = g.iloc[0]
        s = _d(first["date_start"])
        label = str(first["label"])
        if len(g) > 1:
            label += f" (+{len(g) - 1})"
        rows.append({
            "panel": next(i for i, (a, b) in enumerate(panels) if a <= s <= b),
            "date_start": str(first["date_start"])[:10], "date_end": str(first["date_end"])[:10],
            "source": first["source"], "status": first["status"] or None,
            "numbers": ", ".join(str(int(n)) for n in g["n"]), "rows": len(g), "label": label,
            "granularity": first["granularity"],
        })
    out = pd.DataFrame(rows)
    out = out.sort_values(["date_start", "date_end", "source"], kind="stable").reset_index(drop=True)
    out.insert(0, "lane", range(len(out)))
    return out[LANE_COLUMNS]


def _style(source: str, status: str | None) -> dict:
    colour = REFERENCE_COLOUR if source == "reference" else ARTICLE_COLOUR
    if source == "reference":
        return {"colour": colour, "marker": "D", "filled": True, "dashed": False}
    if status == "scheduled":
        return {"colour": colour, "marker": "o", "filled": False, "dashed": True}
    if status == "current":
        return {"colour": colour, "marker": "s", "filled": True, "dashed": False}
    return {"colour": colour, "marker": "o", "filled": True, "dashed": False}


def _panel_title(a: date, b: date) -> str:
    if a.year == b.year:
        if a.month == b.month and (b - a).days < 31:
            return a.strftime("%b %Y")
        return str(a.year)
    return f"{a.year}–{b.year}"


def timeline_chart(table: "pd.DataFrame", *, now: date | str | None = None, title: str = "Timeline",
                   source: str = "", max_gap_years: float = DEFAULT_GAP_YEARS,
                   max_label_chars: int = 58) -> "Figure":
    """The timeline on a segmented time axis (see the module docstring).

    ``table``: :func:`analysis_utils.timeline.reference.timeline_table`; ``now``: the publication
    date (a dotted line; the panel that ends just before it is stretched to show it);
    ``max_gap_years``: where the axis is cut. An empty table gives a figure saying so.
    """
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D

    lanes = timeline_lanes(table, max_gap_years)
    with house_style():
        if not len(lanes):
            return message_figure(title, "No dated events in this article", source)
        now_d = _d(now) if now else None
        panels = split_panels(lanes["date_start"], lanes["date_end"], max_gap_years)
        if now_d is not None:
            # show the publication date in the panel it falls in, or stretch the nearest one
            i = min(range(len(panels)), key=lambda j: 0 if panels[j][0] <= now_d <= panels[j][1]
                    else min(abs((now_d - panels[j][0]).days), abs((now_d - panels[j][1]).days)))
            a, b = panels[i]
            if min(abs((now_d - a).days), abs((now_d - b).days)) <= max_gap_years * _YEAR:
                panels[i] = (min(a, now_d), max(b, now_d))
        k, n = len(panels), len(lanes)
        width = min(15.0, 6.0 + 2.6 * k)
        fig, axes = plt.subplots(1, k, sharey=True, squeeze=False, figsize=(width, max(3.0, 0.36 * n + 1.6)),
                                 gridspec_kw={"wspace": 0.08})
        axes = list(axes[0])
        for r in lanes.itertuples(index=False):
            ax = axes[r.panel]
            st = _style(r.source, r.status)
            x0 = mdates.date2num(_d(r.date_start))
            x1 = mdates.date2num(_d(r.date_end) + timedelta(days=1))
            face = st["colour"] if st["filled"] else "white"
            ax.barh(r.lane, x1 - x0, left=x0, height=0.5, color=face, alpha=0.35 if st["filled"] else 1.0,
                    edgecolor=st["colour"], linewidth=1.0, linestyle="--" if st["dashed"] else "-", zorder=2)
            ax.plot([(x0 + x1) / 2], [r.lane], marker=st["marker"], markersize=6.5, linestyle="none",
                    markerfacecolor=face, markeredgecolor=st["colour"], markeredgewidth=1.4, zorder=3)
            ax.annotate(r.numbers, (x1, r.lane), xytext=(5, 0), textcoords="offset points", va="center",
                        fontsize=7.5, color="#333333", zorder=4)
        for i, (ax, (a, b)) in enumerate(zip(axes, panels)):
            span = max((b - a).days, 1)
            pad = timedelta(days=max(span * 0.12, 20))
            ax.set_xlim(mdates.date2num(a - pad), mdates.date2num(b + pad + timedelta(days=span * 0.08)))
            loc = mdates.AutoDateLocator(minticks=2, maxticks=4)
            ax.xaxis.set_major_locator(loc)
            ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(loc))
            ax.set_title(_panel_title(a, b), fontsize=10, loc="center")
            ax.tick_params(axis="y", length=0)
            if i > 0:
                ax.spines["left"].set_visible(False)
                gap = (a - panels[i - 1][1]).days
                ax.text(0, -0.09 if n > 3 else -0.2, f"⟨ {gap_label(gap)} ⟩", transform=ax.transAxes,
                        ha="center", va="top", fontsize=8, color="#555555")
                for x in (-0.012, 0.012):  # break marks on the axis
                    ax.plot([x - 0.008, x + 0.008], [-0.02, 0.02], transform=ax.transAxes, color="#555555",
                            linewidth=0.9, clip_on=False)
            if now_d is not None and a <= now_d <= b:
                ax.axvline(mdates.date2num(now_d), color=NOW_COLOUR, linestyle=":", linewidth=1.6, zorder=1)
                ax.text(mdates.date2num(now_d), -0.7, f"published {now_d.isoformat()}", color=NOW_COLOUR,
                        fontsize=7.5, ha="center", va="bottom")
        labels = [f"{r.numbers} · " + textwrap.shorten(r.label, max_label_chars, placeholder="…")
                  for r in lanes.itertuples(index=False)]
        axes[0].set_yticks(range(n), labels)
        axes[0].set_ylim(n - 0.4, -1.0)
        present = {(r.source, r.status if r.source == "article" else None) for r in lanes.itertuples(index=False)}
        handles = [
            Line2D([], [], marker=st["marker"], color=st["colour"], linestyle="none", label=label,
                   markerfacecolor=st["colour"] if st["filled"] else "white")
            for key, label in ((("article", "reported"), "article: reported (past)"),
                               (("article", "current"), "article: current"),
                               (("article", "scheduled"), "article: scheduled / expected"),
                               (("reference", None), "reference file (not in the article)"))
            if key in present for st in [_style(*key)]
        ]
        if now_d is not None:
            handles.append(Line2D([], [], color=NOW_COLOUR, linestyle=":", label="publication date"))
        fig.legend(handles=handles, loc="upper left", bbox_to_anchor=(0.905, 0.88))
        fig.suptitle(title, x=0.01, ha="left")
        fig.subplots_adjust(left=0.30 if k > 1 else 0.38, right=0.9, top=0.86, bottom=0.12 if n > 3 else 0.3)
        if source:
            add_source(fig, source + ". Bars span the dates' granularity; numbers are the rows of the events table;"
                       " the axis is cut where nothing happens for years.")
    return fig


def treaty_table_figure(comparison: "pd.DataFrame", *, title: str = "Treaties: signed vs. what the article says",
                        source: str = "", wrap: int = 46) -> "Figure":
    """:func:`analysis_utils.timeline.reference.treaty_comparison` as a table figure: one column per
    treaty; rows for the date, the defence clause as signed, what was signed, and the
    article's sentences on the clause. An empty comparison gives a figure saying so."""
    import matplotlib.pyplot as plt

    with house_style():
        if comparison is None or not len(comparison):
            return message_figure(title, "The article mentions no treaty of the reference file", source)
        fields = [("date", "date signed"), ("defence_clause", "defence clause (as signed)"),
                  ("signed", "what was signed"), ("article_on_clause", "the article on the clause")]
        cells = []
        for key, _ in fields:
            row = []
            for v in comparison[key]:
                text = str(v).replace(" | ", "\n• ")
                if key == "article_on_clause" and not text.startswith("("):
                    text = "• " + text
                row.append("\n".join(textwrap.fill(p, wrap) for p in text.split("\n")))
            cells.append(row)
        heights = [max(c.count("\n") + 1 for c in row) for row in cells]
        headers = [textwrap.fill(str(t), 40) for t in comparison["treaty"]]
        head = max(h.count("\n") + 1 for h in headers) + 0.6  # a long treaty name takes three lines
        k = len(comparison)
        fig, ax = plt.subplots(figsize=(min(4.6 * k + 2.2, 18), 0.16 * (sum(heights) + head) + 1.1))
        ax.axis("off")
        tab = ax.table(cellText=cells, rowLabels=[label for _, label in fields], colLabels=headers,
                       cellLoc="left", rowLoc="left", loc="upper left", bbox=[0.16, 0.0, 0.84, 1.0])
        tab.auto_set_font_size(False)
        tab.set_fontsize(7.5)
        total = sum(heights) + head
        for (r, c), cell in tab.get_celld().items():
            h = head if r == 0 else heights[r - 1]
            cell.set_height(h / total)
            cell.set_edgecolor("#cccccc")
            if r == 0 or c == -1:
                cell.get_text().set_fontweight("bold")
        ax.set_title(title)
        if source:
            add_source(fig, source + ". Defence clause and signing from data/reference_events.yml (cited there);"
                       " the article's sentences found by the keywords in that file.")
    return fig
