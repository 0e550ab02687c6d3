"""Hostile texts through every layer: seconds per layer, each text in its own process.

    .venv/bin/python benchmarks/bench_hostile.py                 # the texts of tests/test_hostile_inputs.py
    .venv/bin/python benchmarks/bench_hostile.py --scale 2       # each text twice as long
    .venv/bin/python benchmarks/bench_hostile.py --root /tmp/old # another checkout of the kit (before/after)

The texts are those the tests hold to a time limit (``HOSTILE`` in
``tests/test_hostile_inputs.py``, built to hit the paths that once grew with the square of
the text), plus a 5 MB text of news-like paragraphs. Each runs in a fresh process with a
time limit (``--timeout``, default 120 s): a text that runs past it shows ``>`` and the
layer it was in. Prints a Markdown table: one row per text, one column per layer.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LAYERS = ("segments", "sentences", "quote_marks", "mentions", "quotes", "timexes", "events", "actor_sentiment")


def _tests_module():
    spec = importlib.util.spec_from_file_location("hostile", ROOT / "tests" / "test_hostile_inputs.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def texts(scale: float) -> dict[str, str]:
    mod = _tests_module()
    out = {name: (t * max(1, int(scale)))[: int(len(t) * scale)] for name, t in mod.HOSTILE.items()}
    out["news-like-5-MB"] = mod._news_like(5_000_000)
    return out


def child(root: str, name: str, scale: float) -> None:
    sys.path.insert(0, root)
    from analysis_utils import load_article

    article = load_article(texts(scale)[name])
    for layer in LAYERS:
        print(json.dumps({"layer": layer}), flush=True)
        t0 = time.perf_counter()
        getattr(article, layer)
        print(json.dumps({"layer": layer, "seconds": time.perf_counter() - t0}), flush=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--root", default=str(ROOT), help="the checkout of the kit to time (default: this one)")
    ap.add_argument("--scale", type=float, default=1.0)
    ap.add_argument("--timeout", type=float, default=120.0)
    ap.add_argument("--only", default="", help="comma-separated text names")
    ap.add_argument("--child", default=None, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.root, args.child, args.scale)
        return 0
    names = [n for n in texts(args.scale) if not args.only or n in args.only.split(",")]
    print(f"kit: {args.root}; scale {args.scale:g}; timeout {args.timeout:g} s per text\n")
    print("| text | " + " | ".join(LAYERS) + " |")
    print("|---" * (len(LAYERS) + 1) + "|")
    for name in names:
        cmd = [sys.executable, __file__, "--root", args.root, "--scale", str(args.scale), "--child", name]
        try:
            run = subprocess.run(cmd, capture_output=True, text=True, timeout=args.timeout)
            lines = run.stdout
            if run.returncode:
                lines += json.dumps({"error": run.stderr.strip().splitlines()[-1][:80]})
        except subprocess.TimeoutExpired as exc:
            lines = exc.stdout.decode() if isinstance(exc.stdout, bytes) else (exc.stdout or "")
            lines += "\n" + json.dumps({"timeout": True})
        cells, pending = {}, None
        for line in lines.splitlines():
            row = json.loads(line) if line.startswith("{") else {}
            if "seconds" in row:
                cells[row["layer"]], pending = f"{row['seconds']:.2f}", None
            elif "layer" in row:
                pending = row["layer"]
            elif row.get("timeout") and pending:
                cells[pending] = f"> {args.timeout:g}"
            elif row.get("error") and pending:
                cells[pending] = "error"
        print(f"| {name} | " + " | ".join(cells.get(layer, "") for layer in LAYERS) + " |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
