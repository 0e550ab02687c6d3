"""Charts over the kit's tables, in one house style.

Every chart function takes a table and returns a matplotlib ``Figure`` with a title
and a source line; save it with :func:`analysis_utils.charts.export.save_figure`, together
with the table it was drawn from.
"""
from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from matplotlib.figure import Figure

STYLE = Path(__file__).with_name("house.mplstyle")

# Okabe-Ito colours, fixed per segment kind so that every chart agrees.
KIND_COLOURS = {
    "headline": "#000000",
    "subheadline": "#56B4E9",
    "body": "#0072B2",
    "caption": "#E69F00",
    "credit": "#F0E442",
    "byline": "#CC79A7",
    "timestamp": "#CC79A7",
    "copyright": "#999999",
    "boilerplate": "#BBBBBB",
    "blank": "#FFFFFF",
}


# Colour-blind-safe colours for actors: Okabe-Ito, then Paul Tol's "muted" set.
ACTOR_PALETTE = (
    "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000",
    "#332288", "#88CCEE", "#44AA99", "#117733", "#999933", "#DDCC77", "#CC6677", "#882255", "#AA4499",
)
_ACTOR_COLOURS: dict[str, str] = {}


def register_actor_colours(names_to_colours: dict[str, str]) -> None:
    """Fix the colour of some actors (the registry does this for the actors it knows)."""
    _ACTOR_COLOURS.update(names_to_colours)


def actor_colour(name: str) -> str:
    """The one colour of an actor, the same in every chart and every session.

    Actors with a colour in the registry get it; others get a palette colour chosen
    by a stable hash of the name (not Python's salted ``hash``).
    """
    if name in _ACTOR_COLOURS:
        return _ACTOR_COLOURS[name]
    registry_colour = _registry_colours().get(name)
    if registry_colour:
        return registry_colour
    import zlib

    return ACTOR_PALETTE[zlib.crc32(name.encode("utf-8")) % len(ACTOR_PALETTE)]


def _registry_colours() -> dict[str, str]:
    """Colours declared in the default registry (read once; empty if it cannot be read)."""
    global _REGISTRY_COLOURS
    if _REGISTRY_COLOURS is None:
        try:
            from ..actors.registry import load_registry

            _REGISTRY_COLOURS = load_registry().colours()
        except Exception:  # no project data folder (e.g. an installed copy): palette only
            _REGISTRY_COLOURS = {}
    return _REGISTRY_COLOURS


_REGISTRY_COLOURS: dict[str, str] | None = None


@contextmanager
def house_style():
    """Context manager applying the kit's matplotlib style.

    Leaving the context restores every rcParam as it was, ``interactive`` included:
    when the first figure of a Jupyter kernel is made inside the context, the inline
    backend switches interactive mode on there, and restoring it to off would stop
    every later figure from showing in the notebook. So interactive mode switched on
    inside the block stays on.
    """
    import matplotlib
    import matplotlib.pyplot as plt

    state = {}
    with plt.style.context(str(STYLE)):
        try:
            yield
        finally:
            state["interactive"] = matplotlib.is_interactive()
    if state.get("interactive") and not matplotlib.is_interactive():
        matplotlib.interactive(True)


def source_line(meta: dict | None = None, published=None, note: str | None = None) -> str:
    """``"Source: <outlet>, <date>"`` from article metadata (what is known of it)."""
    meta = meta or {}
    parts = [str(meta.get("outlet") or meta.get("title") or "article as loaded")]
    if published:
        parts.append(str(published))
    text = "Source: " + ", ".join(parts)
    return f"{text}. {note}" if note else text


def add_source(fig: "Figure", text: str) -> None:
    """Write a source line under the axes, left-aligned."""
    fig.text(0.01, -0.02, text, ha="left", va="top", fontsize=8, color="#555555")


def structure_chart(table: "pd.DataFrame", *, title: str = "Article structure", source: str = "") -> "Figure":
    """Horizontal bars: one per segment in reading order, length in characters, coloured by kind.

    ``table`` is :func:`analysis_utils.text.segments.structure_table`.
    """
    import matplotlib.pyplot as plt
    from matplotlib.patches import Patch

    with house_style():
        n = max(len(table), 1)
        fig, ax = plt.subplots(figsize=(8, max(3.0, 0.28 * n + 1.2)))
        y = list(range(len(table)))
        colours = [KIND_COLOURS.get(k, "#777777") for k in table["kind"]]
        ax.barh(y, table["chars"], color=colours, edgecolor="#333333", linewidth=0.3)
        ax.set_yticks(y, [f"line {ln} · {lab}" for ln, lab in zip(table["line"], table["label"])])
        ax.invert_yaxis()
        ax.set_xlabel("characters of own content")
        ax.set_title(title)
        kinds = [k for k in KIND_COLOURS if k in set(table["kind"])]
        ax.legend(
            handles=[Patch(facecolor=KIND_COLOURS[k], edgecolor="#333333", label=k) for k in kinds],
            loc="upper left",
            bbox_to_anchor=(1.01, 1.0),
            title="kind",
        )
        if source:
            add_source(fig, source)
        fig.tight_layout()
    return fig


def message_figure(title: str, message: str, source: str = "") -> "Figure":
    """A small figure with a title and a centred message (for empty tables)."""
    import matplotlib.pyplot as plt

    with house_style():
        fig, ax = plt.subplots(figsize=(8, 2.4))
        ax.axis("off")
        ax.text(0.5, 0.5, message, ha="center", va="center", fontsize=12, color="#555555",
                transform=ax.transAxes)
        ax.set_title(title)
        if source:
            add_source(fig, source)
        fig.tight_layout()
    return fig


def heatmap_cells(ax, values, **kw):
    """A heatmap of ``values`` (rows top to bottom, NaN left blank) as vector cells
    centred on integer positions, like ``imshow`` but without resampling an image at
    every resolution (cheaper to save, crisp in SVG and PDF)."""
    import numpy as np

    rows, cols = values.shape
    im = ax.pcolormesh(np.arange(cols + 1) - 0.5, np.arange(rows + 1) - 0.5, np.ma.masked_invalid(values), **kw)
    ax.set_xlim(-0.5, cols - 0.5)
    ax.set_ylim(rows - 0.5, -0.5)
    return im
