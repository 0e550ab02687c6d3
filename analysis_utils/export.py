"""One export helper for every chart: ``save_figure(fig, name, data)``.

Each chart is written as PNG (slides), SVG and PDF (print), with the CSV of the
table behind it, under one folder. Files are deterministic: the same figure gives
the same bytes (no timestamps in the metadata, a fixed SVG id salt).
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .article import slugify

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from matplotlib.figure import Figure

FORMATS = ("png", "svg", "pdf")

_METADATA = {
    "png": {"Software": None},
    "svg": {"Date": None, "Creator": None},
    "pdf": {"CreationDate": None, "ModDate": None, "Creator": None, "Producer": None},
}


def save_figure(
    fig: "Figure",
    name: str,
    data: "pd.DataFrame | None" = None,
    out_dir: str | Path | None = None,
    formats: tuple[str, ...] = FORMATS,
    dpi: int = 200,
) -> dict[str, Path]:
    """Save ``fig`` as ``<out_dir>/<slug(name)>.<fmt>`` and ``data`` as ``.csv`` beside it.

    Parameters
    ----------
    fig: a matplotlib Figure.
    name: a file name stem; made safe with :func:`analysis_utils.article.slugify`.
    data: the table the chart was drawn from (written without the index).
    out_dir: the folder (created if missing); default ``<root>/reports/figures``.
    formats: any of ``png``, ``svg``, ``pdf``.

    Returns
    -------
    ``{format: path}`` for every file written, ``"csv"`` included when ``data`` is given.
    """
    import matplotlib

    if out_dir is None:
        from .paths import reports_dir

        out_dir = reports_dir() / "figures"
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OSError(f"Cannot create the output folder {out}: {exc.strerror or exc}") from exc
    stem = slugify(name, default="figure")
    written: dict[str, Path] = {}
    with matplotlib.rc_context({"svg.hashsalt": "analysis_utils"}):
        for fmt in formats:
            if fmt not in _METADATA:
                raise ValueError(f"Unknown format {fmt!r}; choose from {FORMATS}")
            path = out / f"{stem}.{fmt}"
            fig.savefig(path, format=fmt, dpi=dpi, metadata=_METADATA[fmt], bbox_inches="tight")
            written[fmt] = path
    if data is not None:
        path = out / f"{stem}.csv"
        data.to_csv(path, index=False, lineterminator="\n")
        written["csv"] = path
    return written
