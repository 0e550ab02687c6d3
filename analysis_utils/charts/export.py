"""One export helper for every chart: ``save_figure(fig, name, data)``.

Each chart is written as PNG (slides), SVG and PDF (print), with the CSV of the
table behind it, under one folder. Files are deterministic: the same figure gives
the same bytes (no timestamps in the metadata, a fixed SVG id salt).

File names go through :func:`safe_slug`: ASCII letters, digits and hyphens only, and a
short stable hash of the original name whenever the ASCII form loses something (a
Hangul or emoji title, a name cut to length), so two different names never share a
file.
"""
from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from ..text.slugs import safe_slug  # noqa: F401  (part of this module's API)

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from matplotlib.figure import Figure

FORMATS = ("png", "svg", "pdf")


_METADATA = {
    "png": {"Software": None},
    "svg": {"Date": None, "Creator": None},
    "pdf": {"CreationDate": None, "ModDate": None, "Creator": None, "Producer": None},
}


class SavedFigure(dict):
    """What :func:`save_figure` returns: ``{format: path}`` of the files written.

    In a notebook it shows as the PNG it wrote (at the figure's on-screen size), so a cell
    that ends with ``save_figure(fig, ..., close=True)`` shows exactly the file that goes
    into the report, without matplotlib drawing the figure once more for the screen.
    ``display_width`` is that width in CSS pixels (the saved area's width at 100 dpi).
    """

    display_width: int | None = None

    def _repr_png_(self):
        png = self.get("png")
        if png is None or not Path(png).is_file():
            return None
        data = Path(png).read_bytes()
        return (data, {"width": self.display_width}) if self.display_width else data

    def __repr__(self) -> str:
        return "saved: " + ", ".join(Path(p).name for p in self.values())


def save_figure(
    fig: "Figure",
    name: str,
    data: "pd.DataFrame | None" = None,
    out_dir: str | Path | None = None,
    formats: tuple[str, ...] = FORMATS,
    dpi: int = 150,
    close: bool = False,
) -> SavedFigure:
    """Save ``fig`` as ``<out_dir>/<slug(name)>.<fmt>`` and ``data`` as ``.csv`` beside it.

    Parameters
    ----------
    fig: a matplotlib Figure.
    name: a file name stem; made safe with :func:`safe_slug`.
    data: the table the chart was drawn from (written without the index).
    out_dir: the folder (created if missing); default ``<root>/reports/figures``.
    formats: any of ``png``, ``svg``, ``pdf``.
    close: close the figure afterwards (``pyplot.close``), so that the notebook's inline
        backend does not draw it again; show the returned object instead (it displays
        as the saved PNG).

    Returns
    -------
    A :class:`SavedFigure`: ``{format: path}`` for every file written, ``"csv"`` included
    when ``data`` is given.
    """
    import matplotlib

    if out_dir is None:
        from ..paths import reports_dir

        out_dir = reports_dir() / "figures"
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OSError(f"Cannot create the output folder {out}: {exc.strerror or exc}") from exc
    stem = safe_slug(name, default="figure")
    for fmt in formats:
        if fmt not in _METADATA:
            raise ValueError(f"Unknown format {fmt!r}; choose from {FORMATS}")
    written = SavedFigure()
    with matplotlib.rc_context({"svg.hashsalt": "analysis_utils"}), laid_out(fig, dpi) as bbox:
        written.display_width = max(1, int(round(bbox.width * 100)))  # bbox in inches
        for fmt in formats:
            path = out / f"{stem}.{fmt}"
            fig.savefig(path, format=fmt, dpi=dpi, metadata=_METADATA[fmt], bbox_inches=bbox)
            written[fmt] = path
    if data is not None:
        path = out / f"{stem}.csv"
        data.to_csv(path, index=False, lineterminator="\n")
        written["csv"] = path
    if close:
        import matplotlib.pyplot as plt

        plt.close(fig)
    return written


@contextmanager
def laid_out(fig: "Figure", dpi: float):
    """Lay the figure out once and measure its tight bounding box (padded as
    ``savefig`` pads it); yields the box, to pass as ``bbox_inches`` to every save.

    ``savefig(bbox_inches="tight")`` lays the whole figure out once more for every file
    just to measure it, and so does any figure with a layout engine (even the
    placeholder that ``fig.tight_layout()`` leaves behind). Here the layout runs once,
    at the output resolution; while the context is open the layout engine is set
    aside (as ``savefig`` itself does while printing) and restored afterwards, so
    the figure shows inline as before. Same PNG as ``bbox_inches="tight"``.
    """
    import matplotlib

    engine = fig.get_layout_engine()
    old = fig.dpi
    try:
        fig.dpi = dpi
        fig.draw_without_rendering()  # runs the layout engine, places every text
        box = fig.get_tightbbox()
    finally:
        fig.dpi = old
    pad = matplotlib.rcParams["savefig.pad_inches"]
    box = box.padded(pad if isinstance(pad, (int, float)) else 0.1)
    if engine is None:
        yield box
        return
    with matplotlib.rc_context({"figure.autolayout": False, "figure.constrained_layout.use": False}):
        fig.set_layout_engine(None)
    try:
        yield box
    finally:
        fig.set_layout_engine(engine)
