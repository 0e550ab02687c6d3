"""Run the notebooks headless for one article (or a folder of them) and write a report.

A corpus notebook (05) runs once over a folder, never per article (:mod:`analysis_utils.corpus.notebooks`).

For each article, ``<out>/<article-slug>/`` receives:

- ``figures/``: every chart as PNG, SVG and PDF with the CSV behind it (written by the
  notebooks through :func:`analysis_utils.charts.export.save_figure`);
- ``notebooks/``: the executed notebooks (papermill), with the run's timestamps taken
  out and widget ids numbered in order, so that the same input gives the same bytes;
- ``report.html``: all executed notebooks as one page (nbconvert, ``lab`` template):
  a title, a table of contents, the text, tables and figures; no code, no warnings on
  stderr, no interactive explorers (they need a kernel), and no script loaded from
  the web (MathJax, require.js and the widget manager are left out);
- ``report.pdf``: ``report.html`` printed by headless Chromium (:mod:`analysis_utils.report.pdf`);
  skipped with a warning, not an error, when Chromium is not installed.

Speed: each notebook runs in its own fresh kernel (nothing leaks from one notebook into
the next), but up to ``jobs`` notebooks run at once (default: the number of cores, at
most 4), and the kernels start with their log level at ERROR.

Folder names come from :func:`report_slug`: the article's slug (its sidecar ``slug``,
else its file name, else its headline) made safe by
:func:`analysis_utils.text.slugs.safe_slug`; two articles of one run never share a folder.
"""
from __future__ import annotations

import html
import json
import logging
import os
import re
import sys
import time
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path
from typing import Any, Callable, Iterator

from ..errors import ArticleError
from ..paths import project_root
from ..table_names import TABLES  # the tables ``analyze`` writes, in order

#: chart files the report asks every notebook for (a notebook run by hand writes PNG + SVG)
FIGURE_FORMATS = ("png", "svg", "pdf")

#: Cells with this tag are interactive (ipywidgets explorers): left out of report.html.
EXPLORER_TAG = "explorer"
_WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
_WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
_MODEL_ID = re.compile(r"IPY_MODEL_([0-9a-f]{32})")
_TIMING_KEYS = ("start_time", "end_time", "duration")


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
        from ..text.loading import load_corpus

        files = [Path(a.source) for a in load_corpus(p, errors="warn") if a.source]
        if not files:
            raise ArticleError("no readable article in this folder", p)
        return files
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


def report_slug(article: Any) -> str:
    """The article's folder name: :attr:`Article.slug <analysis_utils.article.Article.slug>`
    (sidecar ``slug``, else the file name, else the headline, through
    :func:`~analysis_utils.text.slugs.safe_slug`): the folder a notebook opened by hand writes
    to is the report's folder. A Hangul or emoji file name, or a 300-character headline,
    gets a short hash so that different articles never share a folder.
    """
    return article.slug


def _unique(slugs: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for s in slugs:
        n = seen.get(s, 0) + 1
        seen[s] = n
        out.append(s if n == 1 else f"{s}-{n}")
    return out


# --------------------------------------------------------------------- executing


def _renumber_widgets(nb: Any) -> None:
    """Give ipywidgets models ids numbered in a stable order (outputs first, then the
    models they reference), instead of random UUIDs."""
    state = (nb.metadata.get("widgets") or {}).get(_WIDGET_STATE, {}).get("state")
    views = [
        o["data"][_WIDGET_VIEW]["model_id"]
        for c in nb.cells
        if c.cell_type == "code"
        for o in c.get("outputs", [])
        if _WIDGET_VIEW in o.get("data", {}) and "model_id" in o["data"][_WIDGET_VIEW]
    ]
    if not state and not views:
        return
    state = state or {}
    order: list[str] = []
    seen: set[str] = set()

    def visit(mid: str) -> None:
        stack = [mid]
        while stack:
            m = stack.pop()
            if m in seen:
                continue
            seen.add(m)
            order.append(m)
            refs = _MODEL_ID.findall(json.dumps(state.get(m, {}), sort_keys=True))
            stack.extend(reversed(refs))

    for mid in views:
        visit(mid)
    blank = lambda m: _MODEL_ID.sub("IPY_MODEL_", json.dumps(state[m], sort_keys=True))  # noqa: E731
    for mid in sorted((m for m in state if m not in seen), key=blank):
        visit(mid)
    mapping = {old: f"{i:032x}" for i, old in enumerate(order)}
    if not mapping:
        return
    pattern = re.compile("|".join(map(re.escape, mapping)))
    import nbformat

    text = pattern.sub(lambda m: mapping[m.group(0)], nbformat.writes(nb))
    fresh = nbformat.reads(text, as_version=4)
    nb.metadata = fresh.metadata
    nb.cells = fresh.cells


def _coalesce_streams(outputs: list) -> list:
    """Join consecutive stream outputs of the same stream: how a cell's printing is cut
    into messages depends on the kernel's flush timing, not on what was printed."""
    merged: list = []
    for out in outputs:
        prev = merged[-1] if merged else None
        if (
            prev is not None
            and out.get("output_type") == "stream"
            and prev.get("output_type") == "stream"
            and out.get("name") == prev.get("name")
        ):
            text = out.get("text", "")
            prev["text"] = prev.get("text", "") + ("".join(text) if isinstance(text, list) else text)
        else:
            if out.get("output_type") == "stream" and isinstance(out.get("text"), list):
                out["text"] = "".join(out["text"])
            merged.append(out)
    return merged


def normalise_notebook(nb: Any) -> Any:
    """Remove what changes from one run to the next: papermill's start/end times and
    durations (notebook and cells), nbclient's per-cell execution timestamps, the
    random ids of widget models, and where the kernel happened to cut a stream of
    printed text (consecutive stream outputs are joined). Returns ``nb`` (changed in
    place)."""
    pm_meta = nb.metadata.get("papermill", {})
    for k in (*_TIMING_KEYS, "output_path"):
        pm_meta.pop(k, None)
    for cell in nb.cells:
        if cell.cell_type == "code" and cell.get("outputs"):
            cell.outputs = _coalesce_streams(cell.outputs)
        if "injected-parameters" in cell.metadata.get("tags", []):
            cell["id"] = "injected-parameters"  # papermill gives it a random id
        cell.metadata.pop("execution", None)
        for k in _TIMING_KEYS:
            cell.metadata.get("papermill", {}).pop(k, None)
    _renumber_widgets(nb)
    return nb


def _kernel_manager_class(log_path: Path):
    """A kernel manager whose kernel writes its own stdout/stderr (start-up and
    shutdown chatter) to ``log_path`` instead of the terminal; cell outputs still
    come through the kernel protocol as usual. ``MPLBACKEND`` is removed from the
    kernel's environment (CI sets it to ``Agg``), so that the kernel shows figures
    inline as in JupyterLab and the HTML report gets them."""
    from jupyter_client.manager import AsyncKernelManager

    class QuietKernelManager(AsyncKernelManager):
        async def _async_launch_kernel(self, kernel_cmd, **kw):
            if isinstance(kw.get("env"), dict):
                kw["env"] = {k: v for k, v in kw["env"].items() if k != "MPLBACKEND"}
            with open(log_path, "ab") as log:
                kw["stdout"] = kw["stderr"] = log
                return await super()._async_launch_kernel(kernel_cmd, **kw)

    return QuietKernelManager


def _first_lines(text: str, n: int = 3) -> str:
    lines = [ln.strip() for ln in re.sub(r"\x1b\[[0-9;]*m", "", text).splitlines() if ln.strip()]
    return " ".join(lines[:n])


def execute_notebook(
    notebook: Path,
    target: Path,
    parameters: dict,
    *,
    cwd: Path | None = None,
    timeout: float = 600,
) -> float:
    """Execute ``notebook`` with papermill into ``target`` (normalised, see
    :func:`normalise_notebook`); returns the seconds it took, kernel start included.

    The kernel starts in ``cwd`` (default: the notebook's folder, as in JupyterLab).
    Raises :class:`ReportError` with the first lines of the error (and of the
    kernel's own log, if it wrote one) when a cell fails or the kernel dies.
    """
    import tempfile

    import nbformat
    import papermill as pm

    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="news-kit-kernel-") as tmp:
        log = Path(tmp) / "kernel.log"
        try:
            nb = pm.execute_notebook(
                str(notebook),
                None,
                parameters=parameters,
                kernel_name="python3",
                progress_bar=False,
                log_output=False,
                request_save_on_cell_execute=False,
                execution_timeout=timeout,
                start_timeout=120,
                # the kernel's cwd, set per client (papermill's own ``cwd`` changes the
                # process's working directory, which parallel runs cannot share)
                resources={"metadata": {"path": str(cwd or notebook.parent)}},
                extra_arguments=["--IPKernelApp.log_level=ERROR"],
                kernel_manager_class=_kernel_manager_class(log),
            )
        except Exception as exc:  # papermill raises PapermillExecutionError and others
            kernel_log = log.read_text(encoding="utf-8", errors="replace") if log.exists() else ""
            if getattr(exc, "ename", None):  # papermill's PapermillExecutionError
                message = f"cell [{exc.exec_count}] raised {exc.ename}: {_first_lines(str(exc.evalue), 2)}"
            else:
                message = _first_lines(str(exc)) or type(exc).__name__
            if kernel_log.strip() and "Traceback" in kernel_log:
                message += f" (kernel log: {_first_lines(kernel_log.split('Traceback', 1)[1], 4)})"
            raise ReportError(f"Notebook {notebook.name} failed: {message}") from exc
    elapsed = time.perf_counter() - t0
    normalise_notebook(nb)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(nbformat.writes(nb), encoding="utf-8")
    return elapsed


def _remove_stale(folder: Path) -> None:
    """Remove what an earlier report wrote into ``folder`` (figures, executed
    notebooks, the HTML and the PDF), so that nothing stale survives a re-run; other
    files are left alone."""
    for pattern in ("figures/*.png", "figures/*.svg", "figures/*.pdf", "figures/*.csv", "notebooks/*.ipynb",
                    "report.html", "report.pdf"):
        for p in folder.glob(pattern):
            if p.is_file():
                p.unlink()


def _default_jobs() -> int:
    return max(1, min(4, os.cpu_count() or 1))


def _stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def build_report(
    article: str | Path,
    out: str | Path | None = None,
    *,
    notebooks: list[Path] | None = None,
    progress: bool = True,
    html: bool = True,
    pdf: bool = True,
    jobs: int | None = None,
    warn: Callable[[str], None] = _stderr,
    timings: dict | None = None,
    corpus: bool = True, corpus_only: bool = False,
) -> list[Path]:
    """Execute every notebook for each article in ``article`` (a file or a folder), and
    the corpus notebooks once over a folder (``corpus=False``: not; ``corpus_only``: only them).

    Returns the report folders (the articles', then the corpus's). Raises :class:`ArticleError` for
    a missing or unreadable article, :class:`OutputFolderError` for an unwritable
    output folder and :class:`ReportError` for a notebook that fails. A missing
    Chromium is not an error: ``warn`` is called with a one-line message and the PDF
    is skipped. ``timings``, when given, receives ``{(slug, notebook name): seconds}``.
    """
    from tqdm.auto import tqdm

    from ..article import load_article
    from ..corpus.notebooks import corpus_intro, corpus_parameters, corpus_slug, split_notebooks

    root = project_root()
    notebooks = notebooks or notebook_paths(root)
    if not notebooks:
        raise ReportError(f"No notebooks in {root / 'notebooks'}")
    files = _article_files(article)
    per_article, per_corpus = split_notebooks(notebooks, article, corpus=corpus, corpus_only=corpus_only)
    arts = [load_article(f) for f in files] if per_article else []  # fail early, with the kit's message
    out_base = Path(out) if out else root / "reports"
    _writable(out_base)
    slugs = [report_slug(a) for a in arts] + ([corpus_slug(article)] if per_corpus else [])
    folders = [out_base / s for s in _unique(slugs)]  # the articles' (i < len(arts)), then the corpus report's
    for folder in folders:
        _writable(folder / "notebooks")
        _remove_stale(folder)
    jobs = max(1, int(jobs or _default_jobs()))
    tasks = [(len(arts), nb) for nb in per_corpus] + [(i, nb) for i in range(len(arts)) for nb in per_article]
    logging.getLogger("papermill").setLevel(logging.ERROR)  # parameter-cell parsing chatter
    bar = tqdm(total=len(tasks), disable=not progress, unit="notebook", file=sys.stderr)

    def run(i: int, nb: Path) -> tuple[int, Path, float]:
        folder, one = folders[i], i < len(arts)
        params = {**({"ARTICLE": str(Path(files[i]).resolve())} if one else corpus_parameters(article)),
                  "OUTPUT_DIR": str(folder.resolve()),
                  "FIGURE_FORMATS": list(FIGURE_FORMATS)}  # the notebooks default to PNG + SVG; a report prints too
        try:
            seconds = execute_notebook(nb, folder / "notebooks" / nb.name, params)
        except ReportError as exc:
            raise ReportError(f"{exc} ({f'article {files[i]}' if one else f'corpus {article}'})") from exc
        return i, nb, seconds

    try:
        with ThreadPoolExecutor(max_workers=jobs) as pool:
            futures = [pool.submit(run, i, nb) for i, nb in tasks]
            try:
                for fut in as_completed(futures):
                    i, nb, seconds = fut.result()  # re-raises a notebook's failure
                    if timings is not None:
                        timings[(folders[i].name, nb.name)] = seconds
                    bar.set_postfix_str(f"{folders[i].name[:30]} · {nb.stem} done", refresh=False)
                    bar.update(1)
            except BaseException:
                for f in futures:
                    f.cancel()
                raise
    finally:
        bar.close()

    chromium = None
    if html and pdf:
        from .pdf import INSTALL_HINT, find_chromium

        chromium = find_chromium()
        if chromium is None:
            warn(f"warning: Chromium not found, report.pdf skipped; {INSTALL_HINT}")
    pages = [write_html([f / "notebooks" / nb.name for nb in per_article], f / "report.html",
                        title=a.headline or f.name, article=a) for a, f in zip(arts, folders) if html]
    if html and per_corpus:
        pages.append(write_html([folders[-1] / "notebooks" / nb.name for nb in per_corpus], folders[-1] / "report.html",
                                title=f"Corpus: {Path(article).resolve().name}", intro=corpus_intro(article, len(files))))
    for page in pages:
        if chromium is not None:
            from .pdf import PdfError, html_to_pdf

            try:
                html_to_pdf(page, page.with_name("report.pdf"), chromium=chromium)
            except PdfError as exc:
                warn(f"warning: report.pdf not written: {exc}")
    return folders


# --------------------------------------------------------------------- HTML

_TEMPLATE = r"""
{%- extends 'index.html.j2' -%}
{%- block html_head_js -%}{%- endblock html_head_js -%}
{%- block jupyter_widgets -%}{%- endblock jupyter_widgets -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{%- block html_head_css -%}
<style type="text/css">
main { max-width: 1100px; margin: 0 auto; }
.au-title h1 { margin-bottom: 0.2em; }
.au-title .au-meta { color: #444; margin: 0 0 0.8em 0; }
.au-toc ol { margin-top: 0.2em; }
.au-toc li { margin: 0.1em 0; }
.jp-OutputArea-output img { max-width: 100%; height: auto; }
@media print {
  .au-notebook { break-before: page; }
  .jp-OutputArea-output { display: block; overflow: visible; }
  .jp-RenderedHTMLCommon table { font-size: 7.5pt; table-layout: auto; width: 100%; }
  .jp-RenderedHTMLCommon td, .jp-RenderedHTMLCommon th {
    overflow-wrap: break-word; word-break: normal; padding: 0.15em 0.35em;
  }
  .jp-RenderedHTMLCommon tr, .jp-OutputArea-output img { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
</style>
{%- endblock html_head_css -%}
"""


def _headings(source: str) -> list[tuple[int, str]]:
    out = []
    in_fence = False
    for line in source.splitlines():
        if line.lstrip().startswith("```"):
            in_fence = not in_fence
        m = None if in_fence else re.match(r"^(#{1,2})\s+(.+?)\s*#*\s*$", line)
        if m:
            out.append((len(m.group(1)), m.group(2)))
    return out


def _plain(md: str) -> str:
    """Heading text without Markdown emphasis or code marks."""
    return re.sub(r"[*_`]+", "", md).strip()


def report_notebook(notebooks: list[Path], title: str, article: Any = None, intro: str | None = None) -> Any:
    """The executed notebooks merged into one notebook for the HTML page: a title
    cell with a table of contents first, then each notebook's cells behind an anchor.

    Left out: cells tagged ``explorer``, stderr streams (warnings), widget outputs and
    widget state. Headings get anchors ``nb<k>`` (notebook) and ``nb<k>-<n>`` (its
    sections), linked from the contents. ``intro``: the sentence under the title (HTML).
    """
    import nbformat

    merged = nbformat.v4.new_notebook()
    toc: list[str] = []
    for k, path in enumerate(notebooks, 1):
        nb = nbformat.read(str(path), as_version=4)
        if k == 1:
            merged.metadata = nb.metadata
            merged.metadata.pop("widgets", None)
        sections: list[str] = []
        nb_title = path.stem
        first_cell = True
        n = 0
        for cell in nb.cells:
            if EXPLORER_TAG in cell.metadata.get("tags", []):
                continue
            if cell.cell_type == "code":
                cell.outputs = [
                    o for o in cell.get("outputs", [])
                    if not (o.get("output_type") == "stream" and o.get("name") == "stderr")
                    and _WIDGET_VIEW not in o.get("data", {})
                ]
            elif cell.cell_type == "markdown":
                anchors = []
                for level, text in _headings(cell.source):
                    if level == 1 and first_cell:
                        nb_title = _plain(text)
                    elif level == 2:
                        n += 1
                        sections.append(f'<li><a href="#nb{k}-{n}">{html.escape(_plain(text))}</a></li>')
                        anchors.append(f'<div id="nb{k}-{n}"></div>')
                if anchors:
                    cell.source = "\n".join(anchors) + "\n\n" + cell.source
            if first_cell:
                anchor = nbformat.v4.new_markdown_cell(f'<div id="nb{k}" class="au-notebook"></div>')
                anchor["id"] = f"nb{k}"
                merged.cells.append(anchor)
                first_cell = False
            cell["id"] = f"nb{k}-cell{len(merged.cells)}"  # unique and stable across runs
            merged.cells.append(cell)
        sub = f"<ol>{''.join(sections)}</ol>" if sections else ""
        toc.append(f'<li><a href="#nb{k}">{html.escape(nb_title)}</a>{sub}</li>')
    meta_bits = []
    if article is not None:
        if article.meta.get("outlet"):
            meta_bits.append(f"<b>{html.escape(str(article.meta['outlet']))}</b>")
        if article.published:
            meta_bits.append(f"published {html.escape(str(article.published))}")
        if article.source:
            meta_bits.append(f"<code>{html.escape(Path(article.source).name)}</code>")
    head = (
        '<div class="au-title">'
        f"<h1>{html.escape(title)}</h1>"
        + (f'<p class="au-meta">{" · ".join(meta_bits)}</p>' if meta_bits else "")
        + "<p>" + (intro or "Analysis report: every table and chart below comes from the kit's notebooks, run on "
                   "this article; the executed notebooks and each chart as PNG, SVG, PDF and CSV are in this "
                   "report's folder.") + "</p>"
        f'<nav class="au-toc"><h2>Contents</h2><ol>{"".join(toc)}</ol></nav>'
        "</div>"
    )
    title_cell = nbformat.v4.new_markdown_cell(head)
    title_cell["id"] = "title"
    merged.cells.insert(0, title_cell)
    merged.metadata["title"] = title
    return merged


def write_html(notebooks: list[Path], target: Path, title: str = "Report", article: Any = None, intro: str = "") -> Path:
    """Join executed notebooks into one HTML page, code cells hidden (see
    :func:`report_notebook`); nothing on the page loads from the network."""
    from jinja2 import DictLoader
    from nbconvert import HTMLExporter

    if not notebooks:
        raise ReportError("No notebooks to write")
    merged = report_notebook(notebooks, title, article, intro)
    exporter = HTMLExporter(
        template_name="lab",
        extra_loaders=[DictLoader({"analysis_utils_report.html.j2": _TEMPLATE})],
        template_file="analysis_utils_report.html.j2",
    )
    exporter.exclude_input = True
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    body, _ = exporter.from_notebook_node(merged, resources={"metadata": {"name": title}})
    target.write_text(body, encoding="utf-8")
    return target


def main_report(args) -> int:  # used by __main__
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    folders = build_report(
        args.path, args.out, progress=not args.quiet, pdf=not getattr(args, "no_pdf", False),
        jobs=getattr(args, "jobs", None), corpus=not getattr(args, "no_corpus", False),
        corpus_only=getattr(args, "corpus_only", False),
    )
    for f in folders:
        print(f"report written: {f}")
    return 0


# --------------------------------------------------------------------- tables alone

FORMATS = ("json", "csv")


def article_tables(article: Any, names: tuple[str, ...] = TABLES) -> tuple[dict, dict]:
    """Every table the kit computes for one article: its layers (:class:`Article`).

    Returns ``(tables, skipped)``: ``{name: DataFrame}`` in the order of ``names``, and
    ``{name: reason}`` for tables that could not be made. An extractor that raises is
    reported as ``"failed: ..."``, and the other tables are still made. A plain
    :class:`~analysis_utils.text.document.Document` is read as its :class:`Article`.
    """
    from ..article import Article

    for name in names:
        if name not in TABLES:
            raise ValueError(f"Unknown table {name!r}; choose from {', '.join(TABLES)}")
    article = Article.of(article) if not isinstance(article, Article) else article
    tables: dict[str, Any] = {}
    skipped: dict[str, str] = {}
    for name in names:
        try:
            tables[name] = getattr(article, name)
        except Exception as exc:  # an extractor's bug must not lose the other tables
            skipped[name] = f"failed: {type(exc).__name__}: {exc}"
    return tables, skipped


def _records(df: Any) -> list:
    return json.loads(df.to_json(orient="records", date_format="iso", force_ascii=False, default_handler=str))


def article_info(article: Any, slug: str | None = None) -> dict:
    """A small description of an article for the ``analyze`` output."""
    return {
        "slug": slug or report_slug(article),
        "source": article.source,
        "headline": article.headline,
        "outlet": article.meta.get("outlet"),
        "published": str(article.published) if article.published else None,
    }


def tables_json(items: list[tuple[dict, dict, dict]]) -> str:
    """``{"articles": [{...info, "tables": {name: [rows]}, "skipped": {...}}]}`` as JSON
    text (UTF-8, keys in table order), for ``(info, tables, skipped)`` triples."""
    return "".join(_json_chunks(items))


def _json_chunks(items) -> Iterator[str]:
    """:func:`tables_json` piece by piece, one article at a time (``items`` may be a
    generator): the same text as ``json.dumps({"articles": [...]}, indent=1)``."""
    yield "{\n \"articles\": ["
    first = True
    for info, tables, skipped in items:
        one = {**info, "tables": {n: _records(df) for n, df in tables.items()}, "skipped": skipped}
        body = json.dumps(one, ensure_ascii=False, indent=1).replace("\n", "\n  ")
        yield ("\n  " if first else ",\n  ") + body
        first = False
    yield "]\n}\n" if first else "\n ]\n}\n"


def write_tables(tables: dict, folder: Path, fmt: str) -> list[Path]:
    """Write each table as ``<folder>/<name>.<fmt>`` (``json``: a list of rows;
    ``csv``: with a header, no index). Returns the paths written."""
    if fmt not in FORMATS:
        raise ValueError(f"Unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
    _writable(folder)
    paths = []
    for name, df in tables.items():
        path = folder / f"{name}.{fmt}"
        if fmt == "csv":
            df.to_csv(path, index=False, lineterminator="\n")
        else:
            path.write_text(json.dumps(_records(df), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def _articles(source: str | Path) -> Iterator[Any]:
    """The articles of a file or a folder, one at a time (a folder's unreadable files are
    skipped with a warning, as :func:`~analysis_utils.article.load_corpus` does)."""
    from ..article import load_article, load_corpus

    p = Path(source)
    if p.is_dir():
        found = False
        for art in load_corpus(p, errors="warn"):
            found = True
            yield art
        if not found:
            raise ArticleError("no readable article in this folder", p)
    elif not p.exists():
        raise ArticleError("no such file or folder", p)
    else:
        yield load_article(p)


def main_analyze(args, out=sys.stdout, warn: Callable[[str], None] = _stderr) -> int:  # used by __main__
    """``analyze``: the tables of each article, as JSON on stdout (no ``--out``) or as
    files under ``<out>/<slug>/`` (CSV without ``--out`` goes to ``reports/<slug>/tables``).

    Articles are read, analysed and written one at a time: memory does not grow with the
    number of articles. Folder names are the articles' slugs, numbered from the second
    article with the same slug (``-2``, ``-3`` ...)."""
    p = Path(args.path)
    if not p.exists():
        raise ArticleError("no such file or folder", p)
    out_base = Path(args.out) if args.out else None
    if out_base is not None:
        _writable(out_base)
    seen: dict[str, int] = {}
    failed = False

    def analysed() -> Iterator[tuple[dict, dict, dict]]:
        nonlocal failed
        for art in _articles(p):
            slug = report_slug(art)
            seen[slug] = seen.get(slug, 0) + 1
            if seen[slug] > 1:
                slug = f"{slug}-{seen[slug]}"
            tables, skipped = article_tables(art)
            for name, reason in skipped.items():
                failed = failed or reason.startswith("failed")
                if reason.startswith("failed") or not args.quiet:
                    warn(f"{'warning' if reason.startswith('failed') else 'note'}: {slug}: table {name} {reason}")
            yield article_info(art, slug), tables, skipped

    if out_base is None and args.format == "json":
        chunks = _json_chunks(analysed())
        first = next(chunks)  # the first article is analysed before anything is printed
        second = next(chunks, "")
        out.write(first + second)
        for chunk in chunks:
            out.write(chunk)
        out.flush()
        return 1 if failed else 0
    for info, tables, _skipped in analysed():
        slug = info["slug"]
        folder = (out_base / slug) if out_base is not None else project_root() / "reports" / slug / "tables"
        paths = write_tables(tables, folder, args.format)
        if not args.quiet:
            print(f"tables written: {folder} ({len(paths)} {args.format} files)", file=out)
    return 1 if failed else 0
