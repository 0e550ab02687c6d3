"""Segmentation benchmark: accuracy on the seed's reference lines, and throughput.

    .venv/bin/python benchmarks/bench_segmentation.py

Prints line-kind accuracy against ../shared/gold/seed_article_gold.yml (when present),
the body-paragraph count, and characters per second for segments + sentences over the
seed and the fixture articles (each run many times).
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis_utils.text.segments import segment_text  # noqa: E402
from analysis_utils.text.sentences import sentence_table  # noqa: E402

SEED = ROOT / "data/raw/2024-06-17_asia-business-daily_putin-pyongyang-visit.txt"
GOLD = ROOT.parent / "shared/gold/seed_article_gold.yml"


def accuracy() -> None:
    text = SEED.read_text(encoding="utf-8")
    df = segment_text(text)
    got = {int(r.line): r.kind for r in df.itertuples() if r.kind != "blank"}
    print(f"seed: {(df.kind == 'body').sum()} body paragraphs, {len(sentence_table(text, df))} sentences")
    if not GOLD.is_file():
        print("gold annotation not found; skipping accuracy")
        return
    import yaml

    gold = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    exp = {g["line"]: g["kind"] for g in gold["segments"]}
    right = sum(got.get(line) == kind for line, kind in exp.items())
    extra = set(got) - set(exp)
    print(f"seed line kinds: {right}/{len(exp)} correct, {len(extra)} lines not in the gold")


def throughput(repeat: int = 200) -> None:
    texts = [SEED.read_text(encoding="utf-8")] + [
        p.read_bytes().decode("utf-8") for p in sorted((ROOT / "tests/fixtures/articles").glob("*"))
    ]
    chars = sum(map(len, texts)) * repeat
    t0 = time.perf_counter()
    for _ in range(repeat):
        for t in texts:
            sentence_table(t, segment_text(t))
    dt = time.perf_counter() - t0
    n = len(texts) * repeat
    print(f"segments+sentences: {n} articles, {chars:,} chars in {dt:.2f} s -> "
          f"{chars / dt:,.0f} chars/s, {n / dt:,.0f} articles/s (one core)")


if __name__ == "__main__":
    accuracy()
    throughput()
