"""Charts for sentiment per actor: diverging bars by voice, actor × paragraph heatmap, arc.

Each function takes a table from :mod:`analysis_utils.sentiment.actors` and returns a
matplotlib Figure in the house style; actors keep their one colour
(:func:`analysis_utils.charts.actor_colour`).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from .style import actor_colour, add_source, heatmap_cells, house_style, message_figure

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from matplotlib.figure import Figure

VOICE_STYLE = {
    "narrator": {"hatch": "", "alpha": 1.0, "label": "narrator"},
    "quoted": {"hatch": "///", "alpha": 0.75, "label": "quoted by others"},
    "own": {"hatch": "xx", "alpha": 0.55, "label": "own words"},  # dots would make the SVG 8x larger
}


def actor_bars(summary: "pd.DataFrame", *, title: str, source: str = "", min_mentions: int = 1) -> "Figure":
    """Diverging bars: mean score per actor and voice, 95 % interval, ``n=`` per bar.

    ``summary`` is :func:`analysis_utils.sentiment.actors.actor_sentiment`.
    """
    import matplotlib.pyplot as plt
    from matplotlib.patches import Patch

    data = summary[summary["mentions"] >= min_mentions]
    if data.empty:
        return message_figure(title, "No actor mentions were scored in this article.", source)
    actors = list(dict.fromkeys(data["actor"]))
    voices = [v for v in VOICE_STYLE if v in set(data["voice"])]
    with house_style():
        height = min(14.0, max(3.0, 0.24 * len(actors) * max(1, len(voices)) + 1.4))
        fig, ax = plt.subplots(figsize=(9.5, height))
        band = 0.8 / max(1, len(voices))
        index = {a: i for i, a in enumerate(actors)}
        for j, voice in enumerate(voices):  # one call per voice: fewer artists, faster to draw
            rows = data[data["voice"] == voice].drop_duplicates("actor")
            if rows.empty:
                continue
            ys = [index[a] + (j - (len(voices) - 1) / 2) * band for a in rows["actor"]]
            mean, lo, hi = (rows[c].to_numpy(dtype=float) for c in ("mean", "ci_low", "ci_high"))
            st = VOICE_STYLE[voice]
            ax.barh(ys, mean, height=band * 0.9, color=[actor_colour(a) for a in rows["actor"]], alpha=st["alpha"],
                    hatch=st["hatch"], edgecolor="#333333", linewidth=0.4)
            ax.errorbar(mean, ys, xerr=[mean - lo, hi - mean], fmt="none", ecolor="#333333", elinewidth=0.8, capsize=2)
            for y, m, h, n in zip(ys, mean, hi, rows["mentions"]):
                ax.text(max(h, m, 0) + 0.03, y, f"n={int(n)}", va="center", fontsize=7.5, color="#333333")
        ax.axvline(0, color="#333333", linewidth=0.8)
        ax.set_yticks(range(len(actors)), actors)
        ax.invert_yaxis()
        ax.set_xlim(-1.05, 1.15)
        ax.set_xlabel("mean sentiment toward the actor  (−1 negative · 0 neutral · +1 positive)")
        ax.set_title(title, pad=28)
        ax.legend(
            handles=[Patch(facecolor="#bbbbbb", hatch=VOICE_STYLE[v]["hatch"], edgecolor="#333333",
                           alpha=VOICE_STYLE[v]["alpha"], label=VOICE_STYLE[v]["label"]) for v in voices],
            loc="lower left", bbox_to_anchor=(0.0, 1.0), ncol=3, fontsize=8, frameon=False,
        )
        if source:
            add_source(fig, source + ". Bars: mean score; whiskers: 95% bootstrap interval.")
        fig.tight_layout()
    return fig


def actor_paragraph_table(evidence: "pd.DataFrame", order: list[str]) -> "pd.DataFrame":
    """Mean score and count per actor and paragraph (all voices), long format:
    ``actor, paragraph, mean, mentions``, paragraphs in ``order``."""
    import pandas as pd

    g = evidence.groupby(["actor", "paragraph"]).agg(mean=("score", "mean"), mentions=("score", "size")).reset_index()
    g["paragraph"] = pd.Categorical(g["paragraph"], categories=[p for p in order if p in set(g["paragraph"])], ordered=True)
    return g.sort_values(["actor", "paragraph"]).reset_index(drop=True)


def actor_paragraph_heatmap(table: "pd.DataFrame", *, title: str, source: str = "", actors: list[str] | None = None) -> "Figure":
    """Heatmap actor × paragraph of the mean score, with the number of mentions in each cell."""
    import matplotlib.pyplot as plt
    import numpy as np

    if table.empty:
        return message_figure(title, "No actor mentions were scored in this article.", source)
    piv = table.pivot_table(index="actor", columns="paragraph", values="mean", observed=True)
    cnt = table.pivot_table(index="actor", columns="paragraph", values="mentions", aggfunc="sum", observed=True)
    if actors:
        piv = piv.reindex([a for a in actors if a in piv.index])
        cnt = cnt.reindex(piv.index)
    with house_style():
        fig, ax = plt.subplots(figsize=(max(6, 0.7 * piv.shape[1] + 3), max(3, 0.45 * piv.shape[0] + 1.6)))
        ax.grid(False)
        im = heatmap_cells(ax, piv.to_numpy(dtype=float), cmap="PuOr", vmin=-1, vmax=1)
        ax.set_xticks(range(piv.shape[1]), [str(c) for c in piv.columns], rotation=45, ha="right")
        ax.set_yticks(range(piv.shape[0]), list(piv.index))
        for i in range(piv.shape[0]):
            for j in range(piv.shape[1]):
                n = cnt.iat[i, j]
                if not np.isnan(n):
                    v = piv.iat[i, j]
                    ax.text(j, i, f"{int(n)}", ha="center", va="center", fontsize=7.5,
                            color="white" if abs(v) > 0.6 else "#222222")
        cb = fig.colorbar(im, ax=ax, fraction=0.04, pad=0.02)
        cb.set_label("mean score (−1 … +1)")
        ax.set_title(title)
        if source:
            add_source(fig, source + ". Numbers: mentions scored in the cell.")
        fig.tight_layout()
    return fig


def sentiment_arc(tone: "pd.DataFrame", evidence: "pd.DataFrame | None" = None, *, title: str, source: str = "",
                  actors: list[str] | None = None) -> "Figure":
    """The tone sentence by sentence (VADER, TextBlob), with actors' mention scores as dots."""
    import matplotlib.pyplot as plt

    with house_style():
        fig, ax = plt.subplots(figsize=(9, 4.2))
        ax.grid(True, axis="y")
        x = list(range(len(tone)))
        ax.plot(x, tone["vader"], color="#555555", linewidth=1.4, label="sentence tone (VADER)")
        ax.plot(x, tone["textblob"], color="#999999", linewidth=1.0, linestyle="--", label="sentence tone (TextBlob)")
        pos = {sid: i for i, sid in enumerate(tone["sentence_id"])}
        if evidence is not None and len(evidence):
            ev = evidence[evidence["voice"] != "own"]
            for actor in actors or list(dict.fromkeys(ev["actor"])):
                e = ev[ev["actor"] == actor]
                xs = [pos[s] for s in e["sentence_id"] if s in pos]
                ys = [v for s, v in zip(e["sentence_id"], e["score"]) if s in pos]
                if xs:
                    ax.scatter(xs, ys, s=22, color=actor_colour(actor), edgecolor="white", linewidth=0.5, zorder=3, label=actor)
        # paragraph boundaries
        last = None
        for i, p in enumerate(tone["paragraph"]):
            if p != last and str(p).startswith("¶"):
                ax.axvline(i - 0.5, color="#dddddd", linewidth=0.8, zorder=0)
                ax.text(i - 0.4, 1.02, str(p), fontsize=7, color="#777777", transform=ax.get_xaxis_transform())
            last = p
        ax.axhline(0, color="#333333", linewidth=0.7)
        ax.set_ylim(-1.05, 1.05)
        ax.set_xlim(-0.5, max(len(x) - 0.5, 0.5))
        ax.set_xlabel("sentence in reading order")
        ax.set_ylabel("score (−1 … +1)")
        ax.set_title(title, pad=18)
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8)
        if source:
            add_source(fig, source)
        fig.tight_layout()
    return fig
