"""Page segmentation on real pages: body precision, recall and F1 over snippets, and speed.

    .venv/bin/python benchmarks/bench_pages.py                    # held-out part, all paths
    .venv/bin/python benchmarks/bench_pages.py --split tuning     # the tuning part
    .venv/bin/python benchmarks/bench_pages.py --paths text --no-speed

Reads ``<shared>/bench/pages`` (``../shared`` or ``$NEWS_KIT_SHARED``); the split and the
score are those of ``pages_data.py``: body = the text of the segments of kind ``body``.

Paths scored, on the same pages in the same run:

``text``         the kit on the saved whole-page text (``text/<id>.txt``), read with
                 :func:`analysis_utils.load_article` as a user would;
``html``         the kit on the page's HTML (``load_article`` of the HTML bytes);
``trafilatura``  ``trafilatura.extract()`` of the same HTML with its default options,
                 the whole extracted text counting as body.

Speed: pages per second on one core for the saved-text path (segmentation only: the
``segment_rows`` of each page's text, every page of the part, several rounds; the
text is read before the clock starts).
"""
from __future__ import annotations

import argparse
import sys
import time
import warnings

from pages_data import ROOT, Score, load_pages, norm

sys.path.insert(0, str(ROOT))

from analysis_utils import load_article  # noqa: E402
from analysis_utils.errors import ArticleError  # noqa: E402
from analysis_utils.text.decoding import _quiet_logs  # noqa: E402
from analysis_utils.text.segments import segment_rows  # noqa: E402


def body_of(doc) -> str:
    return "\n".join(doc.text[s:e] for k, s, e, *_ in doc.segment_rows if k == "body")


def kit_body(source, path: str, scores, failures, no_body, page) -> str:
    """Score the kit's body of ``source`` (a path or HTML bytes) on ``page`` for ``path``;
    returns the body."""
    try:
        body = body_of(load_article(source))
    except ArticleError:
        failures[path] += 1
        body = ""
    no_body[path] += not body.strip()
    scores[path].add(page, body)
    return body


def found(page, body: str) -> int:
    """How many of the page's ``with`` snippets ``body`` holds."""
    b = norm(body)
    return sum(norm(s) in b for s in page.with_)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="held-out", choices=["held-out", "tuning", "all"])
    ap.add_argument("--paths", default="text,html,trafilatura")
    ap.add_argument("--no-speed", action="store_true")
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    pages = load_pages(args.split)
    paths = args.paths.split(",")
    scores = {p: Score() for p in paths}
    failures = {p: 0 for p in paths}
    no_body = {p: 0 for p in paths}
    warnings.simplefilter("ignore")
    below = above = lost = 0
    for page in pages:
        if "text" in paths:
            kit_body(page.text_path, "text", scores, failures, no_body, page)
        if "html" in paths or "trafilatura" in paths:
            html = page.html_bytes()
        if "html" in paths:
            kit_html = kit_body(html, "html", scores, failures, no_body, page)
        if "trafilatura" in paths:
            import trafilatura

            with _quiet_logs():
                try:
                    body = trafilatura.extract(html) or ""
                except Exception:
                    failures["trafilatura"] += 1
                    body = ""
            no_body["trafilatura"] += not body.strip()
            scores["trafilatura"].add(page, body)
            if "html" in paths:  # the kit's HTML recall against trafilatura's, page by page
                gap = found(page, body) - found(page, kit_html)
                below += gap > 0
                lost += max(gap, 0)
                above += gap < 0
    print(f"{args.split} part: {len(pages)} pages, "
          f"{sum(len(p.with_) for p in pages)} 'with' and {sum(len(p.without) for p in pages)} 'without' snippets")
    for p in paths:
        print(f"  {p:12s} {scores[p]}   errors {failures[p]}, pages without body {no_body[p]}")
    if "html" in paths and "trafilatura" in paths:
        print(f"  pages where the kit's HTML body holds fewer 'with' snippets than trafilatura's: {below} "
              f"({lost} snippets), more: {above}")
    if "text" in paths and not args.no_speed:
        texts = [page.text() for page in pages]
        best = float("inf")
        for _ in range(args.rounds):
            t0 = time.perf_counter()
            for t in texts:
                segment_rows(t)
            best = min(best, time.perf_counter() - t0)
        chars = sum(map(len, texts))
        print(f"  speed (saved text, segmentation): {len(texts) / best:,.0f} pages/s, "
              f"{chars / best / 1e6:.2f} M chars/s on one core (best of {args.rounds} rounds)")


if __name__ == "__main__":
    main()
