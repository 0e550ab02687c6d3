"""Charts over the quote tables of :mod:`analysis_utils.quotes.tables`.

* :func:`share_of_voice_chart` -- horizontal bars, one per speaker (or country), as long
  as the words attributed to it, split into direct (quoted words: solid) and reported
  (indirect speech: light, hatched); speakers that are registry actors keep their colour
  (:func:`analysis_utils.charts.actor_colour`), others are grey;
* :func:`who_about_whom_chart` -- a heatmap of :func:`analysis_utils.quotes.tables.
  quoted_about`: speakers in rows, the actors they mention inside their quotations in
  columns, counts written in the cells.

Both return a matplotlib Figure in the house style with a title and a source line; an
empty table gives a figure that says "No quotations found" (or that no actor is named
inside them) instead of failing.
"""
from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from .style import actor_colour, add_source, heatmap_cells, house_style, message_figure  # noqa: F401 (re-exported)

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from matplotlib.figure import Figure

NEUTRAL = "#9E9E9E"
UNKNOWN = ("(unattributed)", "(no country)")


def _wrap(label: str, width: int = 34) -> str:
    return "\n".join(textwrap.wrap(str(label), width)[:2]) or str(label)


def share_of_voice_chart(table: "pd.DataFrame", *, title: str = "Share of voice", source: str = "",
                         top: int = 12) -> "Figure":
    """Stacked horizontal bars of :func:`analysis_utils.quotes.tables.share_of_voice`
    (per speaker or per country: the table's first column), the ``top`` largest; words
    direct (solid) and reported (light, hatched), the share of all words at the bar end."""
    import matplotlib.pyplot as plt
    from matplotlib.patches import Patch

    if table is None or not len(table) or int(table["words"].sum()) == 0:
        return message_figure(title, "No quotations found", source)
    by = table.columns[0]
    data = table.head(top)
    labels = [_wrap(x) for x in data[by]]
    colours = []
    for r in data.itertuples(index=False):
        key = r.actor if by == "speaker" else getattr(r, by)
        colours.append(NEUTRAL if not key or key in UNKNOWN else actor_colour(str(key)))
    with house_style():
        fig, ax = plt.subplots(figsize=(8.5, max(2.6, 0.42 * len(data) + 1.4)))
        y = list(range(len(data)))
        direct, reported = data["direct_words"].to_numpy(), data["reported_words"].to_numpy()
        ax.barh(y, direct, color=colours, edgecolor="#333333", linewidth=0.4)
        ax.barh(y, reported, left=direct, color=colours, alpha=0.35, hatch="///", edgecolor="#333333",
                linewidth=0.4)
        top_words = max(int(data["words"].max()), 1)
        for yi, r in zip(y, data.itertuples(index=False)):
            ax.text(r.words + top_words * 0.01, yi, f"{int(r.words)} words · {100 * r.share:.0f} %",
                    va="center", fontsize=8, color="#333333")
        ax.set_xlim(0, top_words * 1.28)
        ax.set_yticks(y, labels)
        ax.invert_yaxis()
        ax.set_xlabel("words attributed (direct: between quotation marks; reported: indirect speech)")
        shown = f" (top {len(data)} of {len(table)})" if len(table) > len(data) else ""
        ax.set_title(title + shown)
        ax.legend(handles=[Patch(facecolor="#777777", edgecolor="#333333", label="direct (quoted words)"),
                           Patch(facecolor="#777777", alpha=0.35, hatch="///", edgecolor="#333333",
                                 label="reported (indirect speech)")],
                  loc="lower right", frameon=True, framealpha=0.9)
        if source:
            add_source(fig, source + ". Headlines and scare quotes not counted.")
        fig.tight_layout()
    return fig


def who_about_whom_chart(matrix: "pd.DataFrame", *, title: str = "Who is quoted about whom", source: str = "",
                         max_speakers: int = 12, max_actors: int = 12) -> "Figure":
    """Heatmap of :func:`analysis_utils.quotes.tables.quoted_about`: speakers (rows) by the
    actors mentioned inside their quotations (columns), counts in the cells; the speakers
    and actors with the most mentions first."""
    import matplotlib.pyplot as plt
    import numpy as np
    from matplotlib.ticker import MaxNLocator

    if matrix is None or not len(matrix) or len(matrix.columns) < 2:
        message = "No quotations found" if matrix is None or not len(matrix) else "No actor named inside the quotations"
        return message_figure(title, message, source)
    data = matrix.head(max_speakers)
    actors = [c for c in data.columns if c != "speaker"][:max_actors]
    values = data[actors].to_numpy(dtype=float)
    with house_style():
        fig, ax = plt.subplots(figsize=(max(5.0, 0.75 * len(actors) + 3.2), max(2.6, 0.5 * len(data) + 1.8)))
        ax.grid(False)
        im = heatmap_cells(ax, values.astype(float), cmap="Blues", vmin=0, vmax=max(1.0, values.max()))
        for i in range(values.shape[0]):
            for j in range(values.shape[1]):
                v = int(values[i, j])
                if v:
                    ax.text(j, i, str(v), ha="center", va="center", fontsize=9,
                            color="white" if v > 0.6 * values.max() else "#222222")
        ax.set_xticks(np.arange(len(actors)), [_wrap(a, 18) for a in actors], rotation=40, ha="right")
        ax.set_yticks(np.arange(len(data)), [_wrap(s, 30) for s in data["speaker"]])
        ax.set_xlabel("actor mentioned inside the quotation")
        ax.set_ylabel("speaker")
        for spine in ax.spines.values():
            spine.set_visible(False)
        cbar = fig.colorbar(im, ax=ax, fraction=0.04, pad=0.02, ticks=MaxNLocator(integer=True))
        cbar.set_label("mentions")
        ax.set_title(title)
        if source:
            add_source(fig, source)
        fig.tight_layout()
    return fig
