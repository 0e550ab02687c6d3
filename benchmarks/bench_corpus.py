"""The corpus command at scale: wall time, articles per second per core, peak memory, output size.

    .venv/bin/python benchmarks/bench_corpus.py                      # 1,000 and 10,000 articles
    .venv/bin/python benchmarks/bench_corpus.py --sizes 1000,10000,100000
    .venv/bin/python benchmarks/bench_corpus.py --sizes 2000 --workers 1,2   # the speed-up of two workers

Reads ``../shared/bench/polnear_train/text`` (840 real news articles; override the folder
with NEWS_KIT_SHARED), replicated under distinct names as needed: a temporary folder of
symbolic links ``copyNNNN/<name>.txt``, so every article has its own id. Each size runs
``python -m analysis_utils corpus FOLDER --out TMP --workers N --quiet`` in a fresh process;
peak memory is the peak resident set (``VmHWM`` in ``/proc``, read every half second while
it runs) of that process (the driver) and the largest among the processes it starts (the
Dask nanny and worker processes).
Nothing is copied into the repository; the output folder is deleted afterwards.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("NEWS_KIT_SHARED", ROOT.parent / "shared"))
TRAIN = SHARED / "bench" / "polnear_train" / "text"


def replicate(n: int, folder: Path) -> None:
    texts = sorted(TRAIN.glob("*.txt"))
    for k in range(n):
        copy, src = divmod(k, len(texts))
        target = folder / f"copy{copy:04d}" / texts[src].name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.symlink_to(texts[src])


def descendants(pid: int) -> list[int]:
    """The processes started by ``pid``, and theirs (from ``/proc``)."""
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        for task in Path(f"/proc/{p}/task").glob("*/children"):
            try:
                kids = [int(x) for x in task.read_text().split()]
            except OSError:
                continue
            out += kids
            todo += kids
    return out


def vm_hwm(pid: int) -> int:
    """The peak resident set of a process in kB (0 when it is gone)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def folder_size(folder: Path) -> int:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file())


def run(n: int, workers: int, tmp: Path) -> dict:
    src = tmp / f"src{n}"
    if not src.exists():
        replicate(n, src)
    out = tmp / f"out{n}-{workers}"
    cmd = [sys.executable, "-m", "analysis_utils", "corpus", str(src), "--out", str(out), "--workers", str(workers),
           "--quiet"]
    t0 = time.perf_counter()
    log = tmp / "log.txt"
    with open(log, "w") as fh:
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=fh, stderr=subprocess.STDOUT, text=True)
        peaks: dict[int, int] = {}
        driver = 0
        while True:
            driver = max(driver, vm_hwm(proc.pid))
            for child in descendants(proc.pid):
                peaks[child] = max(peaks.get(child, 0), vm_hwm(child))
            pid, status, _ = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            time.sleep(0.5)
    wall = time.perf_counter() - t0
    output = log.read_text()
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise SystemExit(f"corpus run failed ({code}): {output[-2000:]}")
    worker_peak = round(max(peaks.values()) / 1024, 1) if peaks else None
    result = {"articles": n, "workers": workers, "seconds": round(wall, 1),
              "articles_per_second": round(n / wall, 1), "per_core": round(n / wall / workers, 1),
              "driver_peak_mb": round(driver / 1024, 1), "worker_peak_mb": worker_peak,
              "output_mb": round(folder_size(out) / 2**20, 1), "summary": output.strip().splitlines()[-1:]}
    shutil.rmtree(out, ignore_errors=True)
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="1000,10000", help="corpus sizes (default 1000,10000)")
    ap.add_argument("--workers", default=str(os.cpu_count() or 1), help="worker counts to try (default: the cores)")
    args = ap.parse_args()
    if not TRAIN.is_dir():
        sys.exit(f"PolNeAR train not found at {TRAIN} (set NEWS_KIT_SHARED)")
    print(f"machine: {os.cpu_count()} cores, {os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.0f} GiB; "
          f"python {sys.version.split()[0]}")
    with tempfile.TemporaryDirectory(prefix="bench_corpus_") as tmp:
        for n in (int(s) for s in args.sizes.split(",")):
            for w in (int(s) for s in args.workers.split(",")):
                r = run(n, w, Path(tmp))
                print(json.dumps(r, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
