"""Reading the small JSON model files the quotes package ships (``analysis_utils/models/``):
one place that turns a missing, unreadable or malformed file into a clear
:class:`~analysis_utils.errors.ModelFileError`."""
from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from ..errors import ModelFileError

MODELS = Path(__file__).resolve().parent.parent / "models"


def read_model(path: str | Path, what: str) -> Any:
    """The JSON content of the model file ``path`` (``what`` names it in messages)."""
    path = Path(path)
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ModelFileError(f"the {what} {path} is missing; reinstall the kit or run `make train`") from None
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise ModelFileError(f"the {what} {path} cannot be read ({exc}); "
                             "restore it from git or run `make train`") from None


def bad_layout(path: str | Path, what: str, layout: str) -> ModelFileError:
    """The error for a model file that is JSON but not in ``layout``."""
    return ModelFileError(f"the {what} {path} does not have the expected layout ({layout}); "
                          "restore it from git or run `make train`")


def check_finite(path: str | Path, what: str, values) -> None:
    """Raise when one of ``values`` is not a finite number (NaN, infinity)."""
    if not all(map(math.isfinite, values)):
        raise ModelFileError(f"the {what} {path} holds a value that is not a finite number")


class LinearModel:
    """A logistic model over named features: ``intercept`` plus the ``weights`` of the
    features present, through the logistic function (the quote models' shape)."""

    def __init__(self, intercept: float, weights: dict[str, float]):
        self.intercept = float(intercept)
        self.weights = dict(weights)

    def probability(self, features: list[str]) -> float:
        z = self.intercept + sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-z))


def read_linear(path: str | Path, what: str, settings: tuple[str, ...]) -> tuple[float, dict[str, float], list[float]]:
    """``(intercept, weights, [settings...])`` of a linear model file (JSON: ``intercept``,
    ``weights`` {feature: number} and a number for each of ``settings``), checked: a
    missing, unreadable, malformed or non-finite file is a clear ModelFileError."""
    data = read_model(path, what)
    try:
        weights = data["weights"]
        if not isinstance(weights, dict):
            raise TypeError("weights")
        out = (float(data["intercept"]), {str(k): float(v) for k, v in weights.items()},
               [float(data[k]) for k in settings])
    except (KeyError, TypeError, ValueError, AttributeError):
        layout = ", ".join(["'intercept': number", "'weights': {feature: number}"] + [f"'{k}': number" for k in settings])
        raise bad_layout(path, what, "{" + layout + "}") from None
    check_finite(path, what, [out[0], *out[2], *out[1].values()])
    return out
