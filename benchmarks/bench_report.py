"""Speed of the main job: the whole report for one article, and each notebook's Run All.

    .venv/bin/python benchmarks/bench_report.py                 # report wall time + every notebook
    .venv/bin/python benchmarks/bench_report.py --repeat 3      # best and median of 3 runs each
    .venv/bin/python benchmarks/bench_report.py --profile 03    # where notebook 03's time goes

Measures, for the default (seed) article unless ``--article`` says otherwise:

1. **report**: wall time of ``python -m analysis_utils report ARTICLE --out TMP --quiet``
   in a fresh process (Python start-up, imports, kernels, notebooks, HTML and PDF), and
   the CPU time of all its processes; then the PDF step alone (``html_to_pdf`` on the
   report just written);
2. **each notebook** (one fresh kernel each, one at a time, as papermill runs it):
   ``total`` = kernel start + execution; ``run all`` = the sum of the cells' own
   execution times (what a person waits for after "Run All" in a running kernel);
   ``kernel CPU`` = the kernel process's CPU time (start-up included), which other
   load on the machine does not inflate; the three slowest cells;
3. with ``--profile NN``: notebook ``NN``'s code cells run in this process under
   cProfile (figures rendered to PNG as the inline backend would), and the functions
   of ``analysis_utils`` and matplotlib with the most cumulative time.

Goals (issue 6): the report under 60 s and Run All of any notebook under 5 s, on a
2-core machine after set-up. Other processes on the machine slow every figure down:
the 1-minute load average is printed first; measure on an idle machine.
"""
from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

REPORT_GOAL_S = 60.0
RUN_ALL_GOAL_S = 5.0


def _children_cpu() -> float:
    """CPU seconds (user + system) of finished child processes (kernels, Chromium, ...)."""
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def _fmt(values: list[float]) -> str:
    if len(values) == 1:
        return f"{values[0]:6.1f} s"
    return f"{min(values):6.1f} s best, {statistics.median(values):.1f} s median of {len(values)}"


def bench_report(article: Path, repeat: int, pdf: bool) -> tuple[list[float], list[float]]:
    times, cpus = [], []
    for _ in range(repeat):
        with tempfile.TemporaryDirectory(prefix="bench-report-") as tmp:
            cmd = [sys.executable, "-m", "analysis_utils", "report", str(article), "--out", tmp, "--quiet"]
            if not pdf:
                cmd.append("--no-pdf")
            t0, c0 = time.perf_counter(), _children_cpu()
            proc = subprocess.run(cmd, cwd=tmp, capture_output=True, text=True, env=dict(os.environ, MPLBACKEND="Agg"))
            times.append(time.perf_counter() - t0)
            cpus.append(_children_cpu() - c0)
            if proc.returncode != 0:
                sys.exit(f"report failed ({proc.returncode}): {proc.stderr.strip()}")
            if pdf:
                from analysis_utils.report.pdf import find_chromium, html_to_pdf

                pages = list(Path(tmp).glob("*/report.html"))
                if pages and find_chromium():
                    t1 = time.perf_counter()
                    html_to_pdf(pages[0], Path(tmp) / "again.pdf")
                    print(f"  PDF step alone (Chromium print-to-PDF): {time.perf_counter() - t1:.1f} s")
    return times, cpus


def bench_notebook(nb: Path, article: Path, repeat: int):
    import logging

    import papermill as pm

    logging.getLogger("papermill").setLevel(logging.ERROR)
    totals, run_alls, cpus, slow = [], [], [], []
    for _ in range(repeat):
        with tempfile.TemporaryDirectory(prefix="bench-nb-") as tmp:
            t0, c0 = time.perf_counter(), _children_cpu()
            out = pm.execute_notebook(
                str(nb), None, parameters={"ARTICLE": str(article), "OUTPUT_DIR": tmp},
                kernel_name="python3", progress_bar=False, request_save_on_cell_execute=False,
                resources={"metadata": {"path": str(nb.parent)}},
                extra_arguments=["--IPKernelApp.log_level=CRITICAL"],
            )
            totals.append(time.perf_counter() - t0)
        cpus.append(_children_cpu() - c0)  # the kernel's CPU time, start-up included
        cells = [
            (float(c.metadata.get("papermill", {}).get("duration") or 0.0), c.source.strip().splitlines()[0][:70])
            for c in out.cells
            if c.cell_type == "code" and c.source.strip()
        ]
        run_alls.append(sum(d for d, _ in cells))
        slow = sorted(cells, reverse=True)[:3]
    return totals, run_alls, cpus, slow


def _empty_notebook_time() -> float:
    """Seconds papermill takes for a notebook with one empty cell: the per-notebook
    overhead (kernel start-up and shutdown) that no notebook can avoid."""
    import logging

    import nbformat
    import papermill as pm

    logging.getLogger("papermill").setLevel(logging.ERROR)
    with tempfile.TemporaryDirectory(prefix="bench-empty-") as tmp:
        nb = nbformat.v4.new_notebook()
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        nb.cells = [nbformat.v4.new_code_cell("pass")]
        path = Path(tmp) / "empty.ipynb"
        nbformat.write(nb, str(path))
        t0 = time.perf_counter()
        pm.execute_notebook(str(path), None, kernel_name="python3", progress_bar=False,
                            extra_arguments=["--IPKernelApp.log_level=CRITICAL"])
        return time.perf_counter() - t0


def profile_notebook(nb: Path, article: Path, top: int = 25) -> None:
    """Run the notebook's code cells here under cProfile; print where the time goes."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import nbformat

    book = nbformat.read(str(nb), as_version=4)
    ns: dict = {"__name__": "__main__"}
    prof = cProfile.Profile()
    with tempfile.TemporaryDirectory(prefix="bench-prof-") as tmp:
        cwd = os.getcwd()
        os.chdir(nb.parent)
        try:
            for cell in book.cells:
                if cell.cell_type != "code":
                    continue
                src = cell.source
                if "parameters" in cell.metadata.get("tags", []):
                    src += f"\nARTICLE = {str(article)!r}\nOUTPUT_DIR = {tmp!r}\n"
                t0 = time.perf_counter()
                prof.enable()
                exec(compile(src, f"<{nb.stem} cell>", "exec"), ns)
                for num in plt.get_fignums():  # what the inline backend does at the end of a cell
                    plt.figure(num).savefig(io.BytesIO(), format="png", bbox_inches="tight")
                plt.close("all")
                prof.disable()
                print(f"  {time.perf_counter() - t0:6.2f} s  {src.strip().splitlines()[0][:70]}")
        finally:
            os.chdir(cwd)
    stats = pstats.Stats(prof)
    stats.sort_stats("cumulative")
    buf = io.StringIO()
    stats.stream = buf
    stats.print_stats(r"analysis_utils|matplotlib/(figure|backend_bases|backends)", top)
    print("\n".join(line for line in buf.getvalue().splitlines() if line.strip())[:8000])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--article", type=Path, default=None, help="article (default: the seed)")
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--no-pdf", action="store_true", help="measure the report without its PDF")
    ap.add_argument("--skip-report", action="store_true", help="notebooks only")
    ap.add_argument("--profile", default=None, help="profile notebook NN (e.g. 03) in-process")
    args = ap.parse_args(argv)

    from analysis_utils.paths import default_article
    from analysis_utils.report import notebook_paths

    article = (args.article or default_article()).resolve()
    notebooks = notebook_paths(ROOT)
    print(f"article: {article.name}; {os.cpu_count()} cores; load average {os.getloadavg()[0]:.2f} (1 min)")
    if args.profile:
        nb = next((p for p in notebooks if p.name.startswith(args.profile)), None)
        if nb is None:
            sys.exit(f"no notebook {args.profile}_*.ipynb")
        print(f"profile of {nb.name} (cells in this process, Agg backend):")
        profile_notebook(nb, article)
        return 0
    worst = 0.0
    empty = _empty_notebook_time()
    print(f"kernel start-up + shutdown (an empty notebook through papermill): {empty:.1f} s")
    if not args.skip_report:
        times, cpus = bench_report(article, args.repeat, pdf=not args.no_pdf)
        flag = "ok" if min(times) < REPORT_GOAL_S else "OVER GOAL"
        print(f"report ({len(notebooks)} notebooks{'' if not args.no_pdf else ', no PDF'}): {_fmt(times)}"
              f"  [goal < {REPORT_GOAL_S:.0f} s: {flag}]; CPU time of all its processes {min(cpus):.1f} s")
    for nb in notebooks:
        totals, run_alls, cpus, slow = bench_notebook(nb, article, args.repeat)
        worst = max(worst, min(run_alls))
        flag = "ok" if min(run_alls) < RUN_ALL_GOAL_S else "OVER GOAL"
        print(f"{nb.stem}: total {_fmt(totals)}; run all {_fmt(run_alls)}  [goal < {RUN_ALL_GOAL_S:.0f} s: {flag}];"
              f" kernel CPU {min(cpus):.1f} s")
        for d, first in slow:
            print(f"    {d:5.2f} s  {first}")
    print(f"slowest Run All: {worst:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
