"""The page-segmentation data of ``<shared>/bench/pages``: pages, split, snippet score.

Shared by ``bench_pages.py`` (the figures) and ``train_segments.py`` (the line model).
``<shared>`` is ``../shared`` beside the repository, or ``$NEWS_KIT_SHARED``.

``pages/`` holds 990 real web pages of trafilatura's evaluation set: ``html/<id>.html.gz``
(the page), ``text/<id>.txt`` (the whole-page text a scraper saves, clutter included) and
``snippets.json`` (``id``, ``url``, ``with``: snippets of the main text, ``without``:
snippets of page clutter).

Split
-----
A page is **held out** when the first eight hex digits of the SHA-1 of its id (UTF-8), read
as an integer, are 0, 1 or 2 modulo 10 (about 30 %); the others are the **tuning** part.
Models are trained and rules tuned on the tuning part only; the held-out part is scored
once per round, in aggregate, and its pages and errors are never read.

Score
-----
Whitespace-normalised snippets (every run of whitespace one space, ends stripped) against
the whitespace-normalised body text: a ``with`` snippet found in it is a true positive,
one not found a false negative; a ``without`` snippet found in it a false positive.
Precision, recall and F1 are micro-averaged over all snippets of the pages scored.
"""
from __future__ import annotations

import gzip
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("NEWS_KIT_SHARED", ROOT.parent / "shared"))
PAGES = SHARED / "bench" / "pages"


@dataclass(frozen=True)
class Page:
    id: str
    url: str
    with_: tuple[str, ...]
    without: tuple[str, ...]

    @property
    def text_path(self) -> Path:
        return PAGES / "text" / f"{self.id}.txt"

    @property
    def html_path(self) -> Path:
        return PAGES / "html" / f"{self.id}.html.gz"

    def text(self) -> str:
        return self.text_path.read_text(encoding="utf-8")

    def html_bytes(self) -> bytes:
        return gzip.decompress(self.html_path.read_bytes())


def held_out(page_id: str) -> bool:
    """Is the page in the held-out 30 %? (module docstring)"""
    return int(hashlib.sha1(page_id.encode("utf-8")).hexdigest()[:8], 16) % 10 < 3


def load_pages(split: str = "tuning") -> list[Page]:
    """The pages of one part: ``"tuning"``, ``"held-out"`` or ``"all"``, sorted by id."""
    if not (PAGES / "snippets.json").is_file():
        raise SystemExit(f"pages not found at {PAGES} (set NEWS_KIT_SHARED)")
    rows = json.loads((PAGES / "snippets.json").read_text(encoding="utf-8"))
    out = []
    for r in rows:
        h = held_out(r["id"])
        if split == "all" or (split == "held-out") == h:
            out.append(Page(r["id"], r.get("url", ""), tuple(r.get("with") or ()), tuple(r.get("without") or ())))
    return sorted(out, key=lambda p: p.id)


def norm(s: str) -> str:
    """Whitespace-normalised: every run of whitespace one space, ends stripped."""
    return " ".join(s.split())


@dataclass
class Score:
    tp: int = 0
    fn: int = 0
    fp: int = 0
    tn: int = 0

    def add(self, page: Page, body: str) -> None:
        b = norm(body)
        for s in page.with_:
            if norm(s) in b:
                self.tp += 1
            else:
                self.fn += 1
        for s in page.without:
            if norm(s) in b:
                self.fp += 1
            else:
                self.tn += 1

    @property
    def precision(self) -> float:
        return 100 * self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return 100 * self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __str__(self) -> str:
        return f"P {self.precision:5.1f}  R {self.recall:5.1f}  F1 {self.f1:5.1f}  (tp {self.tp}, fn {self.fn}, fp {self.fp})"
