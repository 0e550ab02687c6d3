"""The line model: how likely each line of a scraped page is the article's own text.

The model file ``analysis_utils/models/line_model.json`` is learned by
``benchmarks/train_segments.py`` from the tuning part of ``bench/pages`` (silver labels
projected from trafilatura's reading of each page's HTML, gold labels from the snippets,
clean article texts). It holds two stacked one-hidden-layer networks with the
standardisation of their inputs, the stop words and word weights (``lexicon``) the
features read (:mod:`analysis_utils.text.line_features`) and the decision threshold. It
is read with :mod:`json` and run with numpy.

:func:`main_probabilities` gives a probability per line; the segmenter
(:mod:`analysis_utils.text.segments`) uses it to tell the article's lines from the page's
clutter, and reports it in the segments' ``confidence``.

A missing, unreadable or inconsistent model file raises :class:`LineModelError` naming
the file and what is wrong, the first time a page is segmented.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Sequence

import numpy as np

from ..errors import ArticleError
from .line_features import feature_names, line_matrix

MODEL_PATH = Path(__file__).resolve().parent.parent / "models" / "line_model.json"

#: columns :func:`neighbour_probs` adds for stage 2
N_NEIGHBOUR_PROBS = 9


class LineModelError(ArticleError):
    """The line model file is missing or broken (reinstall the package, or retrain it with
    ``make train``)."""


class LineModel:
    """A loaded line model: ``stopwords``, ``lexicon``, two networks and two thresholds: a
    line is the article's when its probability reaches ``threshold``, or, for a line of
    running text (:func:`analysis_utils.text.line_rules.is_prose`), ``prose_threshold``."""

    def __init__(self, data: dict, path: Path | str = "<dict>"):
        try:
            self.stopwords = frozenset(str(w) for w in data["stopwords"])
            self.lexicon = {str(k): float(v) for k, v in dict(data["lexicon"]).items()}
            self.threshold = float(data["threshold"])
            self.prose_threshold = float(data.get("prose_threshold", self.threshold))
            names = list(data["features"])
            self.stages = [_stage(data["stage1"]), _stage(data["stage2"])]
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise LineModelError(f"line model {path}: missing or malformed field ({exc})") from exc
        if names != feature_names():
            raise LineModelError(
                f"line model {path}: it was trained on other features than the kit computes "
                "(retrain it with `make train`)"
            )
        d = len(names)
        if self.stages[0]["W1"].shape[0] != d or self.stages[1]["W1"].shape[0] != d + N_NEIGHBOUR_PROBS:
            raise LineModelError(f"line model {path}: weight shapes do not match the features")
        for t in (self.threshold, self.prose_threshold):
            if not 0.0 < t < 1.0:
                raise LineModelError(f"line model {path}: threshold {t} is not between 0 and 1")
        if not all(np.isfinite(v) for v in self.lexicon.values()):
            raise LineModelError(f"line model {path}: a word weight is not a finite number")

    def probabilities(self, X: np.ndarray) -> np.ndarray:
        """Stage 2's probability for each row of a feature matrix."""
        if not len(X):
            return np.zeros(0)
        p1 = _run(self.stages[0], X)
        return _run(self.stages[1], np.hstack([X, neighbour_probs(p1)]))


def _stage(d: dict) -> dict:
    out = {k: np.asarray(d[k], dtype=np.float64) for k in ("W1", "b1", "W2", "mean", "std")}
    out["b2"] = float(d["b2"])
    if out["W1"].ndim != 2 or out["W1"].shape[1] != out["b1"].shape[0] or out["W2"].shape != out["b1"].shape:
        raise ValueError("weight shapes")
    if out["mean"].shape != out["std"].shape or out["mean"].shape[0] != out["W1"].shape[0]:
        raise ValueError("standardisation shapes")
    if not all(np.isfinite(v).all() for v in out.values() if isinstance(v, np.ndarray)):
        raise ValueError("weights that are not finite numbers")
    if not np.isfinite(out["b2"]):
        raise ValueError("a bias that is not a finite number")
    out["std"] = np.where(out["std"] == 0, 1.0, out["std"])
    return out


#: standardised inputs are clipped to this many standard deviations: a line far outside
#: the training pages (a 200,000-character line) is read as the most extreme line seen
CLIP = 5.0


def _run(stage: dict, X: np.ndarray) -> np.ndarray:
    z = np.clip((X - stage["mean"]) / stage["std"], -CLIP, CLIP)
    h = np.tanh(z @ stage["W1"] + stage["b1"])
    z = h @ stage["W2"] + stage["b2"]
    return 1.0 / (1.0 + np.exp(-np.clip(z, -50, 50)))


def neighbour_probs(p: np.ndarray) -> np.ndarray:
    """Stage 2's extra inputs from stage 1's probabilities ``p`` of a page's lines: the
    line's own, the two lines above and below (0 beyond the page), the means over three
    and ten lines each side, and the page's highest and mean probability."""
    n = len(p)
    out = np.zeros((n, N_NEIGHBOUR_PROBS))
    if not n:
        return out
    out[:, 0] = p
    for j, k in enumerate((-2, -1, 1, 2), start=1):
        if k < 0 and n > -k:
            out[-k:, j] = p[:k]
        elif k > 0 and n > k:
            out[:-k, j] = p[k:]
    c = np.concatenate([[0.0], np.cumsum(p)])
    idx = np.arange(n)
    for j, k in ((5, 3), (6, 10)):
        lo = np.maximum(idx - k, 0)
        hi = np.minimum(idx + k + 1, n)
        out[:, j] = (c[hi] - c[lo]) / (hi - lo)
    out[:, 7] = p.max()
    out[:, 8] = p.mean()
    return out


def load_model(path: Path | str | None = None) -> LineModel:
    """The line model of ``path`` (default: the shipped file), read once and kept."""
    return _load(str(path or MODEL_PATH))


@lru_cache(maxsize=4)
def _load(path: str) -> LineModel:
    try:
        raw = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise LineModelError(f"line model {path} cannot be read ({exc})") from exc
    try:
        data = json.loads(raw)
    except ValueError as exc:
        raise LineModelError(f"line model {path} is not valid JSON ({exc})") from exc
    if not isinstance(data, dict):
        raise LineModelError(f"line model {path} is not a JSON object")
    return LineModel(data, path)


def main_probabilities(
    texts: Sequence[str],
    kinds: Sequence[str | None],
    gaps: Sequence[int],
    model: LineModel | None = None,
) -> np.ndarray:
    """The probability that each line is the article's own text (see the module docstring).

    ``texts``: the lines, stripped; ``kinds``: the kind a line rule gave each (or None);
    ``gaps``: blank lines above each line (:func:`~analysis_utils.text.segments.line_gaps`)."""
    model = model or load_model()
    if not len(texts):
        return np.zeros(0)
    return model.probabilities(line_matrix(texts, kinds, gaps, model.stopwords, model.lexicon))
