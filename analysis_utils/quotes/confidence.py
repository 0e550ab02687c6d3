"""How far to trust a speaker: a small learned model over what the rules did.

Each row of the quotes table with a speaker gets ``speaker_confidence``, the estimated
probability that its speaker is right, from a logistic regression trained on PolNeAR
train (``benchmarks/train_quotes.py``; the weights ship as
``analysis_utils/models/speaker_confidence.json``). Its features are facts about the
row, never words of one article: how the speaker was found (``speaker_via``), the kind
of row, whether there is a cue and what sort (a verb, a colon, *according to*), the
shape of the mention (pronoun, name, descriptor, unnamed source, several people), how
far it lies from the quotation and on which side, and whether it is in another
paragraph. :func:`speaker_features` lists them; the model is its intercept plus the
weights of the features present, through the logistic function.

Rows the model gives less than its ``min_confidence`` lose their speaker (``speaker``
``""``, offsets ``<NA>``; the confidence stays, so the dropped guess can be counted):
a wrong speaker is worse than none. The pieces of one attribution share the confidence
of the surest of them (:func:`score_rows`).
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .model_files import MODELS, LinearModel, read_linear

MODEL_FILE = MODELS / "speaker_confidence.json"
WHAT = "speaker-confidence model"
_PRONOUNS = frozenset("he she they it we i you him her them us who".split())
_GROUPS = frozenset("some many others both several critics officials supporters opponents analysts "
                    "experts residents people voters".split())


def _band(n: int) -> str:
    """A distance band in characters."""
    for limit in (0, 20, 60, 150, 400, 1000):
        if n <= limit:
            return str(limit)
    return "far"


def speaker_features(row: dict, text: str) -> list[str]:
    """The named features of a quotes-table row (a dict with its columns) that has a speaker."""
    a, b = row["speaker_start"], row["speaker_end"]
    via = row.get("speaker_via") or "none"
    feats = [f"via={via}", f"kind={row['kind']}", f"via+kind={via}+{row['kind']}"]
    if not row.get("speech", True):
        feats.append("thought")  # a belief or a learned cue
    cue_a, cue_b = row.get("cue_start"), row.get("cue_end")
    if cue_a is None:
        feats.append("cue=none")
    else:
        cue = text[cue_a:cue_b].strip().lower()
        feats.append("cue=colon" if cue in (":", "-", "—", "–") else "cue=according" if cue.startswith("according")
                     else "cue=verb")
    if a is None:
        feats.append("mention=none")
        return feats
    mention = text[a:b]
    words = mention.split()
    low = mention.lower()
    if low in _PRONOUNS:
        feats.append("mention=pronoun")
    elif " and " in low or "&" in low:
        feats.append("mention=several")
    elif words and words[0][:1].isupper() and all(w[:1].isupper() for w in words[-1:]):
        feats.append("mention=name" if not low.startswith("the ") else "mention=the-name")
    elif low.split(" ")[0] in ("a", "an", "one", "two", "three"):
        feats.append("mention=indefinite")
    elif low.split(" ")[0] in _GROUPS or (words and words[-1].lower() in _GROUPS):
        feats.append("mention=group")
    else:
        feats.append("mention=descriptor")
    feats.append(f"words={min(len(words), 5)}")
    if row.get("anonymous"):
        feats.append("anonymous")
    if row.get("speaker_role"):
        feats.append("role")
    if row["speaker"] == mention:
        feats.append("speaker=mention")
    q_a, q_b = row["start"], row["end"]
    if b <= q_a:
        feats.append(f"before={_band(q_a - b)}")
    elif a >= q_b:
        feats.append(f"after={_band(a - q_b)}")
    else:
        feats.append("inside")
    if cue_a is not None:
        gap = cue_a - b if b <= cue_a else a - cue_b
        feats.append(f"to-cue={_band(max(0, gap))}")
    if "\n" in text[min(b, q_a):max(a, q_b)]:
        feats.append("other-paragraph")
    return feats


class SpeakerConfidence(LinearModel):
    """The learned weights: ``intercept``, ``weights`` (feature -> weight) and ``min_confidence``."""

    def __init__(self, intercept: float, weights: dict[str, float], min_confidence: float):
        super().__init__(intercept, weights)
        self.min_confidence = float(min_confidence)


def load_confidence(path: str | Path | None = None) -> SpeakerConfidence:
    """Read a speaker-confidence model file (JSON: ``intercept``, ``weights``,
    ``min_confidence``). Raises :class:`~analysis_utils.errors.ModelFileError` with a clear
    message when it is missing, not JSON, or not in that layout."""
    path = Path(path) if path is not None else MODEL_FILE
    intercept, weights, (min_confidence,) = read_linear(path, WHAT, ("min_confidence",))
    return SpeakerConfidence(intercept, weights, min_confidence)


@lru_cache(maxsize=1)
def default_confidence() -> SpeakerConfidence:
    """The shipped model (read once)."""
    return load_confidence()


def score_rows(rows: list[dict], text: str, model: SpeakerConfidence | None = None) -> None:
    """Set ``speaker_confidence`` on each row (``None`` without a speaker) and clear the
    speaker of rows below the model's ``min_confidence`` (in place). The rows of one
    attribution (the pieces of one quotation, a quotation over several paragraphs) share
    one confidence, that of their surest piece -- the one beside its cue and speaker --
    so that they keep or lose their speaker together."""
    model = model or default_confidence()
    best: dict[int, float] = {}
    for r in rows:
        if r["speaker"]:
            p = model.probability(speaker_features(r, text))
            if p > best.get(r["attribution"], -1.0):
                best[r["attribution"]] = p
    for r in rows:
        if not r["speaker"]:
            r["speaker_confidence"] = None
            continue
        p = best[r["attribution"]]
        r["speaker_confidence"] = round(p, 4)
        if p < model.min_confidence:
            for key in ("speaker", "speaker_role", "speaker_via"):
                r[key] = ""
            r["speaker_start"] = r["speaker_end"] = None
            r["anonymous"] = False
