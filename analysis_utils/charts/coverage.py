"""Charts comparing coverage across a corpus (notebook 05), over the tables of
:mod:`analysis_utils.corpus.compare`:

* :func:`articles_per_day_chart` -- articles per outlet (bars) and per day, week or month
  (stacked by outlet);
* :func:`voice_by_outlet_chart` -- a heatmap outlets x speakers: each speaker's share of the
  words each outlet quotes, the number of utterances in the cell;
* :func:`sentiment_by_outlet_chart` -- dots and whiskers: the mean sentiment toward each
  actor per outlet with its interval, ``n`` articles beside each dot (hollow: one article,
  no interval);
* :func:`quoted_about_chart` -- who is quoted about whom across the corpus (the heatmap of
  :func:`analysis_utils.charts.quotes.who_about_whom_chart`);
* :func:`combined_timeline_chart` -- the articles' dated events, one lane per outlet, on a
  time axis cut where nothing happens for years; the corpus's publication period shaded.

The speakers' share of voice across the corpus is drawn by
:func:`analysis_utils.charts.quotes.share_of_voice_chart` (the table has its columns).
Each outlet keeps one colour across the charts: :func:`outlet_colours` of the corpus's
outlets, passed as ``colours``. Every function returns a matplotlib Figure in the house
style with a title and a source line; an empty table gives a figure that says so.
"""
from __future__ import annotations

import textwrap
from datetime import date, timedelta
from typing import TYPE_CHECKING, Iterable

from .style import ACTOR_PALETTE, add_source, heatmap_cells, house_style, message_figure

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from matplotlib.figure import Figure

UNKNOWN_COLOUR = "#9E9E9E"
PERIOD_COLOUR = "#E8E8E8"
PUBLISHED_COLOUR = "#D55E00"
_UNKNOWN = ("(unknown outlet)", "(unattributed)")


def outlet_colours(outlets: Iterable[str]) -> dict[str, str]:
    """One colour per outlet, in the order of their sorted names (colour-blind-safe
    palette; an unknown outlet is grey). Give the same mapping to every chart."""
    names = sorted({str(o) for o in outlets if str(o) not in _UNKNOWN}, key=lambda n: (n.casefold(), n))
    out = {name: ACTOR_PALETTE[i % len(ACTOR_PALETTE)] for i, name in enumerate(names)}
    out.update({u: UNKNOWN_COLOUR for u in _UNKNOWN})
    return out


def _colours(colours: dict | None, outlets: Iterable[str]) -> dict[str, str]:
    base = outlet_colours(outlets)
    if colours:
        base.update(colours)
    return base


def _order(name: str) -> tuple:
    """Outlets in alphabetical order whatever their case, an unknown outlet last."""
    return (str(name) in _UNKNOWN, str(name).casefold(), str(name))


def _wrap(label: str, width: int = 28) -> str:
    return "\n".join(textwrap.wrap(str(label), width)[:2]) or str(label)


def _d(value) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def _bucket(days: list[date]) -> tuple[str, callable]:
    """The bar width for a span of days: ``day`` up to four months, ``week`` (Mondays) up to
    three years, else ``month``; with the function that maps a day to its bucket."""
    span = (max(days) - min(days)).days if days else 0
    if span <= 120:
        return "day", lambda d: d
    if span <= 3 * 365:
        return "week", lambda d: d - timedelta(days=d.weekday())
    return "month", lambda d: d.replace(day=1)


def articles_per_day_chart(table: "pd.DataFrame", *, title: str = "Articles per outlet and per day",
                           source: str = "", colours: dict | None = None) -> "Figure":
    """Left: articles per outlet; right: articles per day (per week or month over longer
    spans), stacked by outlet. ``table`` is :func:`analysis_utils.corpus.compare.
    articles_per_outlet_day`; rows without a date count on the left only."""
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt
    import numpy as np

    if table is None or not len(table):
        return message_figure(title, "No article was analysed", source)
    cmap = _colours(colours, table["outlet"])
    totals = table.groupby("outlet")["articles"].sum().sort_values(ascending=False, kind="stable")
    dated = table[table["date"].str.match(r"^\d{4}-\d{2}-\d{2}$")]
    undated = int(totals.sum() - dated["articles"].sum())
    with house_style():
        fig, (left, right) = plt.subplots(1, 2, figsize=(11, max(3.2, 0.34 * len(totals) + 1.8)),
                                          gridspec_kw={"width_ratios": [1, 2.4], "wspace": 0.35})
        y = np.arange(len(totals))
        left.barh(y, totals.to_numpy(), color=[cmap.get(o, UNKNOWN_COLOUR) for o in totals.index],
                  edgecolor="#333333", linewidth=0.4)
        for yi, v in zip(y, totals.to_numpy()):
            left.text(v, yi, f" {int(v)}", va="center", fontsize=8, color="#333333")
        left.set_yticks(y, [_wrap(o, 22) for o in totals.index])
        left.invert_yaxis()
        left.set_xlim(0, max(1, int(totals.max())) * 1.2)
        left.set_xlabel("articles")
        left.set_title("per outlet", fontsize=10)
        if len(dated):
            days = [_d(d) for d in dated["date"]]
            unit, bucket = _bucket(days)
            d = dated.assign(_bucket=[bucket(x) for x in days])
            piv = d.pivot_table(index="_bucket", columns="outlet", values="articles", aggfunc="sum", fill_value=0)
            piv = piv[[o for o in totals.index if o in piv.columns]]
            xs = mdates.date2num(list(piv.index))
            width = {"day": 0.8, "week": 5.6, "month": 24}[unit]
            bottom = np.zeros(len(piv))
            for outlet in piv.columns:
                vals = piv[outlet].to_numpy(dtype=float)
                right.bar(xs, vals, bottom=bottom, width=width, color=cmap.get(outlet, UNKNOWN_COLOUR),
                          edgecolor="#333333", linewidth=0.3, label=outlet)
                bottom += vals
            loc = mdates.AutoDateLocator(minticks=3, maxticks=8)
            right.xaxis.set_major_locator(loc)
            right.xaxis.set_major_formatter(mdates.ConciseDateFormatter(loc))
            right.set_ylabel(f"articles per {unit}")
            right.yaxis.get_major_locator().set_params(integer=True)
            right.set_title(f"per {unit} of publication", fontsize=10)
            right.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8, title="outlet")
        else:
            right.axis("off")
            right.text(0.5, 0.5, "No publication dates", ha="center", va="center", color="#555555",
                       transform=right.transAxes)
        fig.suptitle(title, x=0.01, ha="left")
        fig.subplots_adjust(left=0.16, right=0.84, top=0.8, bottom=0.16)
        if source:
            note = f"\n{undated} article(s) without a date are counted on the left only." if undated else ""
            add_source(fig, source + "." + note)
    return fig


def voice_by_outlet_chart(table: "pd.DataFrame", *, title: str = "Who gets a voice in each outlet",
                          source: str = "", top: int = 10) -> "Figure":
    """Heatmap outlets (rows) x the ``top`` speakers by words (columns): each speaker's share
    of the words the outlet quotes (colour, per cent written), utterances in brackets.
    ``table`` is :func:`analysis_utils.corpus.compare.share_of_voice` with ``by="outlet"``."""
    import matplotlib.pyplot as plt
    import numpy as np
    from matplotlib.ticker import PercentFormatter

    if table is None or not len(table) or int(table["words"].sum()) == 0:
        return message_figure(title, "No quotations found", source)
    speakers = list(table.groupby("speaker")["words"].sum().sort_values(ascending=False, kind="stable").index[:top])
    outlets = sorted(table["outlet"].unique(), key=_order)
    share = table.pivot_table(index="outlet", columns="speaker", values="share", aggfunc="sum")
    count = table.pivot_table(index="outlet", columns="speaker", values="utterances", aggfunc="sum")
    share = share.reindex(index=outlets, columns=speakers)
    count = count.reindex(index=outlets, columns=speakers)
    values = share.to_numpy(dtype=float)
    with house_style():
        fig, ax = plt.subplots(figsize=(max(6.0, 0.85 * len(speakers) + 3.0), max(2.8, 0.45 * len(outlets) + 2.0)))
        ax.grid(False)
        vmax = max(0.05, float(np.nanmax(values)) if np.isfinite(values).any() else 0.05)
        im = heatmap_cells(ax, values, cmap="Blues", vmin=0, vmax=vmax)
        for i in range(values.shape[0]):
            for j in range(values.shape[1]):
                v = values[i, j]
                if np.isfinite(v) and v > 0:
                    pct = f"{100 * v:.0f}%" if v >= 0.005 else "<1%"
                    ax.text(j, i, f"{pct}\n({int(count.iat[i, j])})", ha="center", va="center",
                            fontsize=7, color="white" if v > 0.6 * vmax else "#222222")
        ax.set_xticks(np.arange(len(speakers)), [_wrap(s, 18) for s in speakers], rotation=40, ha="right")
        ax.set_yticks(np.arange(len(outlets)), [_wrap(o, 24) for o in outlets])
        for spine in ax.spines.values():
            spine.set_visible(False)
        cbar = fig.colorbar(im, ax=ax, fraction=0.04, pad=0.02, format=PercentFormatter(1.0, decimals=0))
        cbar.set_label("share of the outlet's quoted words")
        ax.set_xlabel("speaker (the most quoted across the corpus)")
        ax.set_title(title)
        if source:
            add_source(fig, source + ".\nCells: each speaker's share of the words the outlet quotes (utterances).")
        fig.tight_layout()
    return fig


def sentiment_by_outlet_chart(table: "pd.DataFrame", *, title: str = "Sentiment toward each actor, by outlet",
                              source: str = "", top: int = 8, actors: list[str] | None = None,
                              colours: dict | None = None) -> "Figure":
    """Dots and whiskers: per actor (rows; the ``top`` by mentions, or ``actors``), one dot
    per outlet at the mean of its articles' scores, whiskers its interval (cut at +-1), ``n``
    articles beside it; a hollow dot is a single article (no interval). ``table`` is
    :func:`analysis_utils.corpus.compare.sentiment_by_outlet`."""
    import matplotlib.pyplot as plt
    import numpy as np
    from matplotlib.lines import Line2D

    if table is None or not len(table):
        return message_figure(title, "No actor mentions were scored in this corpus", source)
    if actors is None:
        actors = list(table.groupby("actor", sort=False)["mentions"].sum().sort_values(ascending=False,
                                                                                        kind="stable").index[:top])
    data = table[table["actor"].isin(actors)]
    if not len(data):
        return message_figure(title, "None of these actors was scored in this corpus", source)
    outlets = sorted(data["outlet"].unique(), key=_order)
    cmap = _colours(colours, outlets)
    band = 0.8 / max(1, len(outlets))
    with house_style():
        rows_drawn = len(data)
        fig, ax = plt.subplots(figsize=(9.5, min(14.0, max(3.2, 0.1 * len(actors) * len(outlets) + 0.03 * rows_drawn
                                                            + 0.3 * len(actors) + 1.5))))
        for j, outlet in enumerate(outlets):
            rows = data[data["outlet"] == outlet]
            ys = np.array([actors.index(a) + (j - (len(outlets) - 1) / 2) * band for a in rows["actor"]])
            mean = rows["mean"].to_numpy(dtype=float)
            lo, hi = rows["ci_low"].to_numpy(dtype=float), rows["ci_high"].to_numpy(dtype=float)
            has = np.isfinite(lo) & np.isfinite(hi)
            colour = cmap.get(outlet, UNKNOWN_COLOUR)
            if has.any():
                ax.errorbar(mean[has], ys[has], xerr=[mean[has] - np.maximum(lo[has], -1.05),
                                                     np.minimum(hi[has], 1.05) - mean[has]],
                            fmt="none", ecolor=colour, elinewidth=1.1, capsize=2, zorder=2)
            ax.scatter(mean[has], ys[has], s=30, color=colour, edgecolor="#333333", linewidth=0.5, zorder=3)
            ax.scatter(mean[~has], ys[~has], s=30, facecolor="white", edgecolor=colour, linewidth=1.3, zorder=3)
            for y, n in zip(ys, rows["articles"]):
                ax.text(1.08, y, f"n={int(n)}", va="center", fontsize=6.5, color=colour)
        ax.axvline(0, color="#333333", linewidth=0.8)
        ax.set_yticks(range(len(actors)), [_wrap(a, 26) for a in actors])
        ax.set_ylim(len(actors) - 0.5, -0.5)
        ax.set_xlim(-1.05, 1.25)
        ax.set_xlabel("mean sentiment toward the actor, over the outlet's articles  (−1 … +1)")
        ax.set_title(title, pad=12)
        handles = [Line2D([], [], marker="o", linestyle="none", color=cmap.get(o, UNKNOWN_COLOUR),
                          markeredgecolor="#333333", label=o) for o in outlets]
        handles.append(Line2D([], [], marker="o", linestyle="none", markerfacecolor="white",
                              markeredgecolor="#555555", label="one article: no interval"))
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8, title="outlet")
        if source:
            add_source(fig, source + ".\nDots: mean of the articles' scores (narrator and quoted mentions);"
                       " whiskers: 95% t-interval over articles, cut at ±1.")
        fig.tight_layout()
    return fig


def quoted_about_chart(table: "pd.DataFrame", *, title: str = "Who is quoted about whom", source: str = "",
                       max_speakers: int = 12, max_actors: int = 12) -> "Figure":
    """Heatmap speakers x actors named inside their quotations, across the corpus.
    ``table`` is :func:`analysis_utils.corpus.compare.quoted_about` (long); drawn by
    :func:`analysis_utils.charts.quotes.who_about_whom_chart`."""
    import pandas as pd

    from .quotes import who_about_whom_chart

    if table is None or not len(table):
        return who_about_whom_chart(pd.DataFrame({"speaker": pd.Series(dtype="str")}), title=title, source=source)
    wide = table.pivot_table(index="speaker", columns="actor", values="mentions", aggfunc="sum", fill_value=0)
    wide = wide.loc[wide.sum(axis=1).sort_values(ascending=False, kind="stable").index,
                    wide.sum(axis=0).sort_values(ascending=False, kind="stable").index]
    wide.columns.name = None
    wide = wide.reset_index()
    return who_about_whom_chart(wide, title=title, source=source, max_speakers=max_speakers, max_actors=max_actors)


def combined_timeline_chart(table: "pd.DataFrame", *, title: str = "Dated events across the corpus, by outlet",
                            source: str = "", published: Iterable[str] | None = None, colours: dict | None = None,
                            max_gap_years: float = 5.0) -> "Figure":
    """The events of :func:`analysis_utils.corpus.compare.combined_timeline`: one lane per
    outlet, a dot per distinct date (as wide as its granularity, larger for more events),
    on a time axis cut where nothing happens for ``max_gap_years``; the publication period
    of the corpus (``published``: the articles' dates) shaded."""
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt
    import numpy as np

    from matplotlib.ticker import NullFormatter

    from .timeline import _panel_title, gap_label, split_panels

    if table is None or not len(table):
        return message_figure(title, "No dated events in this corpus", source)
    t = table.groupby(["outlet", "date_start", "date_end"], sort=True).size().rename("events").reset_index()
    span = [(_d(b) - _d(a)).days for a, b in zip(t["date_start"], t["date_end"])]
    wide = t[[d > 366 for d in span]]
    n_wide = int(wide["events"].sum())
    t = t[[d <= 366 for d in span]]
    if not len(t):
        return message_figure(title, "No dated events of a year or less in this corpus", source)
    outlets = sorted(table["outlet"].unique(), key=_order)
    cmap = _colours(colours, outlets)
    pub = sorted(_d(p) for p in (published if published is not None else []) if p)
    panels = split_panels(t["date_start"], t["date_end"], max_gap_years)
    weight = [float(np.sqrt(sum(r.events for r in t.itertuples() if a <= _d(r.date_start) <= b))) for a, b in panels]
    ratios = [max(w, 0.15 * max(weight)) for w in weight]
    with house_style():
        k = len(panels)
        fig, axes = plt.subplots(1, k, sharey=True, squeeze=False,
                                 figsize=(min(15.0, 7.5 + 1.2 * k), max(2.8, 0.42 * len(outlets) + 1.8)),
                                 gridspec_kw={"wspace": 0.08, "width_ratios": ratios})
        axes = list(axes[0])
        top = max(1, int(t["events"].max()))
        for r in t.itertuples(index=False):
            s, e = _d(r.date_start), _d(r.date_end)
            i = next(n for n, (a, b) in enumerate(panels) if a <= s <= b)
            ax = axes[i]
            y = outlets.index(r.outlet)
            x0, x1 = mdates.date2num(s), mdates.date2num(e + timedelta(days=1))
            colour = cmap.get(r.outlet, UNKNOWN_COLOUR)
            if x1 - x0 > 1.5:
                ax.plot([x0, x1], [y, y], color=colour, linewidth=3, alpha=0.3, solid_capstyle="butt", zorder=2)
            ax.scatter([(x0 + x1) / 2], [y], s=18 + 110 * np.sqrt(r.events / top), color=colour,
                       edgecolor="#333333", linewidth=0.4, alpha=0.85, zorder=3)
        for i, (ax, (a, b)) in enumerate(zip(axes, panels)):
            span = max((b - a).days, 1)
            pad = timedelta(days=max(span * 0.08, 15))
            ax.set_xlim(mdates.date2num(a - pad), mdates.date2num(b + pad))
            loc = mdates.AutoDateLocator(minticks=2, maxticks=4)
            ax.xaxis.set_major_locator(loc)
            ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(loc))
            ax.set_title(_panel_title(a, b), fontsize=10 if ratios[i] > 0.3 * max(ratios) else 8)
            ax.tick_params(axis="y", length=0)
            if ratios[i] < 0.3 * max(ratios):  # a narrow panel: its title says when
                ax.set_xticks([])
                ax.xaxis.set_major_formatter(NullFormatter())
            if pub and pub[0] <= b + pad and pub[-1] >= a - pad:
                p0, p1 = mdates.date2num(pub[0]), mdates.date2num(pub[-1] + timedelta(days=1))
                ax.axvspan(p0, p1, color=PERIOD_COLOUR, zorder=0)
                if (p1 - p0) < 0.02 * (ax.get_xlim()[1] - ax.get_xlim()[0]):  # too thin to see: mark it
                    ax.axvline((p0 + p1) / 2, color=PUBLISHED_COLOUR, linestyle=":", linewidth=1.4, zorder=1)
                ax.text((p0 + p1) / 2, -0.45, "published", color=PUBLISHED_COLOUR, fontsize=7.5, ha="center",
                        va="bottom")
            if i > 0:
                ax.spines["left"].set_visible(False)
                ax.text(0, -0.14, f"⟨ {gap_label((a - panels[i - 1][1]).days)} ⟩", transform=ax.transAxes,
                        ha="center", va="top", fontsize=8, color="#555555")
        axes[0].set_yticks(range(len(outlets)), [_wrap(o, 22) for o in outlets])
        axes[0].set_ylim(len(outlets) - 0.5, -0.6)
        fig.suptitle(title, x=0.01, ha="left")
        fig.subplots_adjust(left=0.2, right=0.98, top=0.84, bottom=0.2 if len(outlets) > 3 else 0.3)
        if source:
            wide = f" {n_wide} event(s) spanning more than a year (decades, centuries) are in the table only." \
                if n_wide else ""
            add_source(fig, source + ".\nDots: dates the articles mention (larger: more events); grey band and "
                       "dotted line: when the articles were published; the axis is cut where nothing happens for "
                       "years." + wide)
    return fig
