"""The whole per-article analysis: speed per stage, peak memory, and what it finds.

    .venv/bin/python benchmarks/bench_pipeline.py                  # speed, this code and the reference commit
    .venv/bin/python benchmarks/bench_pipeline.py --n 200 --no-ref # quicker, this code only
    .venv/bin/python benchmarks/bench_pipeline.py --memory         # peak memory of `analyze` over 100 and 2,000 articles
    .venv/bin/python benchmarks/bench_pipeline.py --outputs        # `analyze` tables, this code against the reference

Reads ``../shared/bench/polnear_train/text`` (840 real news articles; override the
folder with NEWS_KIT_SHARED); nothing is copied into the repository.

**Speed.** Each code version runs in its own process, pinned to one core. It loads each
article from its file (as ``analyze`` does) and computes every table ``analyze`` writes
(:data:`analysis_utils.report.TABLES`: segments, sentences, mentions, quotes, timexes,
events, actor sentiment), after a warm-up on five articles (model, registry and
lexicons loaded). Reported: articles per second, and milliseconds per article for each
stage. The stages of this code are the article's layers, asked for one after the other
(each reads the layers below it, already computed): sentiment is two of them,
``target_sentiment`` (every mention scored by the model: the evidence layer) and
``actor_sentiment`` (the table that summarises it per actor and voice, with bootstrap
intervals), printed also together. The reference commit is timed the
same way, table by table through its own ``article_tables`` (where each table recomputed
what it needed). The reference is the commit before the architecture change
(``--ref``), checked out into a temporary folder with ``git archive``.

**Memory.** ``python -m analysis_utils analyze FOLDER --format csv --out TMP`` on 100
and on 2,000 articles (the 840 texts copied under distinct names as needed); the peak
resident set size of that process (``wait4``'s ``ru_maxrss``).

**Outputs.** ``analyze --format csv`` on the seed, the three fixture articles and the
first 50 texts of ``polnear_dev`` (sorted by name), with this code and with the
reference; every table file is compared byte for byte and the differing rows are
printed (``--show N`` rows per table).
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("NEWS_KIT_SHARED", ROOT.parent / "shared"))
TRAIN = SHARED / "bench" / "polnear_train" / "text"
DEV = SHARED / "bench" / "polnear_dev" / "text"
REF = "2ac755b"  # the last commit of the flat layout
STAGES = ("load", "segments", "sentences", "mentions", "quotes", "timexes", "events", "target_sentiment",
          "actor_sentiment")
#: not a table of its own: the layer of scored mentions that the actor sentiment table summarises
SCORED = "target_sentiment"


# --------------------------------------------------------------------------- worker
def _worker_speed(tree: str, n: int, cpu: int) -> dict:
    """Runs inside a fresh process with ``tree`` first on sys.path."""
    try:
        os.sched_setaffinity(0, {cpu})
    except (AttributeError, OSError):
        pass
    sys.path.insert(0, tree)
    import analysis_utils
    from analysis_utils import load_article
    from analysis_utils.report import article_tables

    files = _inputs(n)
    for f in files[:5]:
        article_tables(load_article(f))
    layered = hasattr(analysis_utils.Article, "of")  # the layered code: tables read the article's layers
    if layered:
        from analysis_utils.sentiment.actors import scored_items
    totals = {s: 0.0 for s in STAGES}
    failures = 0
    t_all = time.perf_counter()
    for f in files:
        t0 = time.perf_counter()
        art = load_article(f)
        totals["load"] += time.perf_counter() - t0
        for name in STAGES[1:]:
            t0 = time.perf_counter()
            if name == SCORED:
                if layered:
                    scored_items(art)
            else:
                tables, skipped = article_tables(art, names=(name,))
                failures += bool(skipped)
            totals[name] += time.perf_counter() - t0
    wall = time.perf_counter() - t_all
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"tree": tree, "layered": layered, "articles": len(files), "wall": wall,
            "per_stage_ms": {k: v / len(files) * 1000 for k, v in totals.items()},
            "failed_tables": failures, "peak_mb": peak}


def _worker_total(tree: str, n: int, cpu: int) -> dict:
    """All tables at once, as ``analyze`` computes them."""
    try:
        os.sched_setaffinity(0, {cpu})
    except (AttributeError, OSError):
        pass
    sys.path.insert(0, tree)
    from analysis_utils import load_article
    from analysis_utils.report import article_tables

    files = _inputs(n)
    for f in files[:5]:
        article_tables(load_article(f))
    t0 = time.perf_counter()
    for f in files:
        article_tables(load_article(f))
    wall = time.perf_counter() - t0
    return {"tree": tree, "articles": len(files), "wall": wall}


def _inputs(n: int) -> list[Path]:
    files = sorted(TRAIN.glob("*.txt"))
    if not files:
        sys.exit(f"no texts in {TRAIN}: the benchmark needs ../shared/bench/polnear_train")
    return [files[i % len(files)] for i in range(n)]


# --------------------------------------------------------------------------- driver
def _ref_tree(ref: str, tmp: Path) -> Path:
    dest = tmp / f"ref-{ref}"
    dest.mkdir()
    archive = subprocess.run(["git", "archive", ref], cwd=ROOT, check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(dest)], input=archive, check=True)
    return dest


def _run_worker(kind: str, tree: Path, n: int, cpu: int) -> dict:
    env = dict(os.environ, PYTHONPATH=str(tree), OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1",
               MKL_NUM_THREADS="1", MPLBACKEND="Agg")
    out = subprocess.run([sys.executable, __file__, "--worker", kind, "--tree", str(tree), "--n", str(n),
                          "--cpu", str(cpu)], env=env, capture_output=True, text=True, cwd=str(tree))
    if out.returncode != 0:
        sys.exit(f"worker failed for {tree}:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def speed(n: int, ref: str | None, cpu: int = 0) -> None:
    trees = [("this code", ROOT)]
    with tempfile.TemporaryDirectory() as tmp:
        if ref:
            trees.append((f"before ({ref})", _ref_tree(ref, Path(tmp))))
        print(f"full per-article analysis, {n} articles of polnear_train, one core each "
              f"({os.cpu_count()} cores on this machine)")
        results = []
        for label, tree in trees:
            total = _run_worker("total", tree, n, cpu)
            stages = _run_worker("speed", tree, n, cpu)
            results.append((label, total, stages))
        for label, total, st in results:
            rate = total["articles"] / total["wall"]
            ms = st["per_stage_ms"]
            tot = sum(ms.values())
            print(f"\n{label}: {rate:.1f} articles/s ({total['wall']:.1f} s for {total['articles']}; "
                  f"{1000 / rate:.1f} ms per article), peak memory {st['peak_mb']:.0f} MB"
                  + (f", {st['failed_tables']} tables failed" if st["failed_tables"] else ""))
            print(f"  stage by stage ({'layers' if st['layered'] else 'tables, each recomputing what it needs'}):")
            for name in STAGES:
                if name == SCORED and not st["layered"]:
                    continue  # no such layer: the table scored its mentions itself
                print(f"    {name:16s} {ms[name]:7.2f} ms  {ms[name] / tot * 100:5.1f} %")
            print(f"    {'sum':16s} {tot:7.2f} ms")
            if st["layered"]:
                both = ms[SCORED] + ms["actor_sentiment"]
                print(f"    (sentiment, scoring and summary together: {both:.2f} ms, {both / tot * 100:.1f} %)")
        if len(results) == 2:
            a = results[0][1]["articles"] / results[0][1]["wall"]
            b = results[1][1]["articles"] / results[1][1]["wall"]
            print(f"\nspeed-up: {a / b:.1f}x")


def _peak_of(cmd: list[str], env: dict, cwd: str) -> tuple[float, float]:
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(p.pid, 0)
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        sys.exit(f"{' '.join(cmd)} failed: {p.stderr.read().decode()[-2000:]}")
    return usage.ru_maxrss / 1024, time.perf_counter() - t0


def memory(sizes: list[int], ref: str | None) -> None:
    files = sorted(TRAIN.glob("*.txt"))
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        trees = [("this code", ROOT)] + ([(f"before ({ref})", _ref_tree(ref, tmp))] if ref else [])
        print("peak memory of `python -m analysis_utils analyze FOLDER --format csv --out DIR` "
              "(resident set size of the process)")
        for label, tree in trees:
            peaks = []
            for size in sizes:
                folder = tmp / f"in-{size}"
                if not folder.exists():
                    folder.mkdir()
                    for i in range(size):
                        src = files[i % len(files)]
                        shutil.copyfile(src, folder / f"{i // len(files):02d}_{src.name}")
                out = tmp / f"out-{label[:4]}-{size}"
                env = dict(os.environ, PYTHONPATH=str(tree), MPLBACKEND="Agg")
                peak, wall = _peak_of([sys.executable, "-m", "analysis_utils", "analyze", str(folder),
                                       "--format", "csv", "--out", str(out), "--quiet"], env, str(tree))
                shutil.rmtree(out, ignore_errors=True)
                peaks.append(peak)
                print(f"  {label:18s} {size:6d} articles: peak {peak:7.1f} MB, {wall:6.1f} s "
                      f"({size / wall:.1f} articles/s)")
            if len(peaks) > 1:
                print(f"  {label:18s} growth from {sizes[0]} to {sizes[-1]} articles: "
                      f"{(peaks[-1] / peaks[0] - 1) * 100:+.1f} %")


def outputs(ref: str, show: int) -> int:
    import csv

    seed = ROOT / "data" / "raw"
    fixtures = ROOT / "tests" / "fixtures" / "articles"
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        inp = tmp / "in"
        inp.mkdir()
        for f in list(seed.iterdir()) + list(fixtures.iterdir()):
            shutil.copyfile(f, inp / f.name)
        for f in sorted(DEV.glob("*.txt"))[:50]:
            shutil.copyfile(f, inp / f.name)
        dirs = {}
        for label, tree in (("new", ROOT), ("old", _ref_tree(ref, tmp))):
            out = tmp / f"out-{label}"
            env = dict(os.environ, PYTHONPATH=str(tree), MPLBACKEND="Agg")
            subprocess.run([sys.executable, "-m", "analysis_utils", "analyze", str(inp), "--format", "csv",
                            "--out", str(out), "--quiet"], env=env, cwd=str(tree), check=False)
            dirs[label] = out
        differ = 0
        files = sorted({p.relative_to(dirs["old"]) for p in dirs["old"].rglob("*.csv")}
                       | {p.relative_to(dirs["new"]) for p in dirs["new"].rglob("*.csv")})
        for rel in files:
            a, b = dirs["old"] / rel, dirs["new"] / rel
            if a.is_file() and b.is_file() and a.read_bytes() == b.read_bytes():
                continue
            differ += 1
            old = list(csv.reader(a.open(encoding="utf-8"))) if a.is_file() else []
            new = list(csv.reader(b.open(encoding="utf-8"))) if b.is_file() else []
            gone = [r for r in old if r not in new]
            added = [r for r in new if r not in old]
            print(f"{rel}: {len(gone)} rows only before, {len(added)} only now")
            for r in gone[:show]:
                print("   - " + ",".join(r)[:240])
            for r in added[:show]:
                print("   + " + ",".join(r)[:240])
        n_articles = len({p.parts[0] for p in files})
        print(f"{len(files)} table files of {n_articles} articles compared with {ref}: {differ} differ")
        return 1 if differ else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=840, help="articles for the speed run (default 840)")
    ap.add_argument("--ref", default=REF, help=f"the commit to compare with (default {REF})")
    ap.add_argument("--no-ref", action="store_true", help="this code only")
    ap.add_argument("--memory", action="store_true", help="peak memory of analyze over 100 and 2,000 articles")
    ap.add_argument("--sizes", default="100,2000", help="corpus sizes for --memory")
    ap.add_argument("--outputs", action="store_true", help="compare the analyze tables with the reference")
    ap.add_argument("--show", type=int, default=3, help="differing rows shown per table with --outputs")
    ap.add_argument("--worker", choices=["speed", "total"], help=argparse.SUPPRESS)
    ap.add_argument("--tree", help=argparse.SUPPRESS)
    ap.add_argument("--cpu", type=int, default=0, help="the core the speed run is pinned to (default 0)")
    args = ap.parse_args(argv)
    if args.worker:
        fn = _worker_speed if args.worker == "speed" else _worker_total
        print(json.dumps(fn(args.tree, args.n, args.cpu)))
        return 0
    ref = None if args.no_ref else args.ref
    if args.outputs:
        return outputs(args.ref, args.show)
    if args.memory:
        memory([int(s) for s in args.sizes.split(",")], ref)
        return 0
    speed(args.n, ref, args.cpu)
    return 0


if __name__ == "__main__":
    sys.exit(main())
