"""The shipped target-sentiment model: a linear model over named features, read from
gzipped JSON (no pickle) and applied in pure Python."""
from __future__ import annotations

import functools
import gzip
import json
import math
from pathlib import Path

LABELS = ("negative", "neutral", "positive")
MODEL_PATH = Path(__file__).resolve().parent.parent / "models" / "target_sentiment.json.gz"

MODEL_FORMAT = "analysis_utils.target_sentiment/1"


class SentimentModel:
    """A linear model (one logit per label) over sparse named features.

    Read from a gzipped JSON file (no pickle): ``labels``, ``config`` (the feature
    set, passed to the feature extractor), ``intercept`` (one per label) and
    ``weights`` (feature name -> one weight per label), plus ``meta`` (how it was
    trained and measured). Applied in pure Python: the logits are the intercept
    plus the weights of the features present times their values, and a softmax
    gives the probabilities.
    """

    def __init__(self, data: dict, path: str | None = None):
        if data.get("format") != MODEL_FORMAT:
            raise ValueError(
                f"{path or 'model'}: not a target-sentiment model (format {data.get('format')!r},"
                f" expected {MODEL_FORMAT!r})"
            )
        self.path = path
        self.labels = tuple(data["labels"])
        self.config = dict(data["config"])
        self.intercept = [float(v) for v in data["intercept"]]
        # name -> (weight per label): tuples of floats, which the garbage collector
        # stops tracking (100,000 lists would be walked by every full collection)
        self.weights = {name: tuple(w) for name, w in data["weights"].items()}
        n = len(self.labels)
        if len(self.intercept) != n or any(len(w) != n for w in self.weights.values()):
            raise ValueError(f"{path or 'model'}: every weight vector must have {n} values")
        self.meta = dict(data.get("meta", {}))

    def logits(self, feats: dict) -> list[float]:
        z = list(self.intercept)
        get = self.weights.get
        if len(z) == 3:  # the shipped model: the same sums, unrolled
            z0, z1, z2 = z
            for name, x in feats.items():
                w = get(name)
                if w is not None:
                    w0, w1, w2 = w
                    z0 += x * w0
                    z1 += x * w1
                    z2 += x * w2
            return [z0, z1, z2]
        n = len(z)
        for name, x in feats.items():
            w = get(name)
            if w is not None:
                for k in range(n):
                    z[k] += x * w[k]
        return z

    def proba(self, feats: dict) -> dict:
        z = self.logits(feats)
        m = max(z)
        e = [math.exp(v - m) for v in z]
        s = sum(e)
        return {lab: v / s for lab, v in zip(self.labels, e)}

    def contributions(self, feats: dict, label: str) -> list[tuple[str, float]]:
        """Features present, with how much each pushed ``label`` against the others."""
        k = self.labels.index(label)
        out = []
        n = len(self.labels)
        for name, x in feats.items():
            w = self.weights.get(name)
            if w is None or name == "bias":
                continue
            other = (sum(w) - w[k]) / (n - 1)
            out.append((name, x * (w[k] - other)))
        out.sort(key=lambda t: -abs(t[1]))
        return out


def _read_model(path: Path) -> SentimentModel:
    if not path.is_file():
        raise FileNotFoundError(
            f"The target-sentiment model file is missing: {path}. It ships with the package"
            " (analysis_utils/models/); rebuild it with `python benchmarks/train_sentiment.py`."
        )
    try:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            data = json.load(fh)
    except (OSError, ValueError) as exc:
        raise ValueError(f"Cannot read the target-sentiment model {path}: {exc}") from exc
    return SentimentModel(data, str(path))


@functools.lru_cache(maxsize=4)
def _cached_model(path: str) -> SentimentModel:
    return _read_model(Path(path))


def load_model(path: str | Path | None = None) -> SentimentModel:
    """The target-sentiment model (default: the one shipped in ``analysis_utils/models/``).

    Loaded on first use and cached, so later calls are free. Raises
    ``FileNotFoundError`` with a clear message when the file is missing.
    """
    if path is None:
        return _default_model()
    return _cached_model(str(Path(path).resolve()))


@functools.lru_cache(maxsize=1)
def _default_model() -> SentimentModel:
    """The shipped model, without resolving its path on every call."""
    return _cached_model(str(MODEL_PATH.resolve()))
