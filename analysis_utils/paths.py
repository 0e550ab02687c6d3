"""Where things are: the project root, the default article, the reports folder.

Notebooks and the command line run from different working directories (JupyterLab
opens a notebook in ``notebooks/``, papermill and CI in a temporary folder), so
nothing in the kit relies on the current directory.
"""
from __future__ import annotations

from pathlib import Path

_MARKERS = ("pyproject.toml", "analysis_utils")


def project_root(start: str | Path | None = None) -> Path:
    """The folder holding ``pyproject.toml`` and ``analysis_utils/``.

    Looks upward from ``start`` (default: the current directory), then from this
    file's own location (an editable install). Raises ``FileNotFoundError`` when
    neither leads to the project.
    """
    here = Path(__file__).resolve().parent.parent
    for base in ([Path(start).resolve()] if start else []) + [Path.cwd().resolve(), here]:
        for p in (base, *base.parents):
            if all((p / m).exists() for m in _MARKERS):
                return p
    raise FileNotFoundError(
        "Cannot find the project root (a folder with pyproject.toml and analysis_utils/)"
        f" above {start or Path.cwd()}"
    )


def data_dir() -> Path:
    """``<root>/data``."""
    return project_root() / "data"


def default_article() -> Path:
    """The article the notebooks open when none is given: the first file in data/raw."""
    raw = data_dir() / "raw"
    files = sorted(
        p
        for p in raw.glob("*")
        if p.is_file() and p.suffix.lower() in {".txt", ".html", ".htm", ".json", ".md"}
    )
    if not files:
        raise FileNotFoundError(f"No article in {raw}")
    return files[0]


def reports_dir(slug: str | None = None, base: str | Path | None = None) -> Path:
    """``<root>/reports[/<slug>]`` (or ``base[/<slug>]``); created on demand by writers."""
    root = Path(base) if base else project_root() / "reports"
    return root / slug if slug else root
