"""Run the notebooks headless for one article (or a folder of them) and write a report.

For each article, ``reports/<article-slug>/`` receives:

- ``figures/``: every chart as PNG, SVG and PDF with the CSV behind it (written by the
  notebooks through :func:`analysis_utils.export.save_figure`);
- ``notebooks/``: the executed notebooks;
- ``report.html``: the executed notebooks as one HTML page with the code hidden.
"""
from __future__ import annotations

import os
from pathlib import Path

from .errors import ArticleError
from .paths import project_root


class ReportError(RuntimeError):
    """The report could not be written: a notebook failed."""


class OutputFolderError(ReportError):
    """The output folder cannot be created or written to."""


def notebook_paths(root: Path | None = None) -> list[Path]:
    """The numbered notebooks in ``notebooks/``, in order."""
    root = root or project_root()
    return sorted((root / "notebooks").glob("[0-9][0-9]_*.ipynb"))


def _article_files(source: str | Path) -> list[Path]:
    p = Path(source)
    if p.is_dir():
        from .loading import load_corpus

        return [Path(a.source) for a in load_corpus(p, errors="warn") if a.source]
    if not p.exists():
        raise ArticleError("no such file or folder", p)
    return [p]


def _writable(out: Path) -> None:
    try:
        out.mkdir(parents=True, exist_ok=True)
        probe = out / ".write-test"
        probe.write_text("")
        probe.unlink()
    except OSError as exc:
        raise OutputFolderError(f"Cannot write to the output folder {out}: {exc.strerror or exc}") from exc


def build_report(
    article: str | Path,
    out: str | Path | None = None,
    *,
    notebooks: list[Path] | None = None,
    progress: bool = True,
    html: bool = True,
) -> list[Path]:
    """Execute every notebook for each article in ``article`` (a file or a folder).

    Returns the list of per-article report folders. Raises :class:`ArticleError` for
    a missing or unreadable article and :class:`ReportError` for an unwritable output
    folder or a notebook that fails.
    """
    import papermill as pm
    from tqdm.auto import tqdm

    from .loading import load_article

    root = project_root()
    out_base = Path(out) if out else root / "reports"
    _writable(out_base)
    notebooks = notebooks or notebook_paths(root)
    files = _article_files(article)
    folders = []
    jobs = [(f, nb) for f in files for nb in notebooks]
    bar = tqdm(total=len(jobs), disable=not progress, unit="notebook")
    for f in files:
        art = load_article(f)  # fail early, with the kit's message, on a bad article
        folder = out_base / art.slug
        (folder / "notebooks").mkdir(parents=True, exist_ok=True)
        executed = []
        for nb in notebooks:
            bar.set_description(f"{art.slug[:30]} · {nb.stem}")
            target = folder / "notebooks" / nb.name
            try:
                pm.execute_notebook(
                    str(nb),
                    str(target),
                    parameters={"ARTICLE": str(Path(f).resolve()), "OUTPUT_DIR": str(folder.resolve())},
                    cwd=str(nb.parent),
                    kernel_name="python3",
                    progress_bar=False,
                    log_output=False,
                )
            except Exception as exc:  # papermill raises PapermillExecutionError and others
                raise ReportError(f"Notebook {nb.name} failed for {f}: {exc}") from exc
            executed.append(target)
            bar.update(1)
        if html:
            write_html(executed, folder / "report.html", title=art.headline or art.slug)
        folders.append(folder)
    bar.close()
    return folders


def write_html(notebooks: list[Path], target: Path, title: str = "Report") -> Path:
    """Join executed notebooks into one HTML page, code cells hidden."""
    import nbformat
    from nbconvert import HTMLExporter

    merged = None
    for path in notebooks:
        nb = nbformat.read(str(path), as_version=4)
        if merged is None:
            merged = nb
        else:
            merged.cells.extend(nb.cells)
    if merged is None:
        raise ReportError("No notebooks to write")
    merged.metadata["title"] = title
    exporter = HTMLExporter(template_name="lab")
    exporter.exclude_input = True
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    body, _ = exporter.from_notebook_node(merged)
    target.write_text(body, encoding="utf-8")
    return target


def main_report(args) -> int:  # used by __main__
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    folders = build_report(args.path, args.out, progress=not args.quiet)
    for f in folders:
        print(f"report written: {f}")
    return 0
