"""Train the target-sentiment model from NewsMTSC's train split and write the model file.

    make train                                            # all of it: .venv-train with scikit-learn, then --cv
    .venv-train/bin/python benchmarks/train_sentiment.py       # writes analysis_utils/models/target_sentiment.json.gz
    .venv-train/bin/python benchmarks/train_sentiment.py --cv  # also a grouped 5-fold cross-validation
    .venv-train/bin/python benchmarks/train_sentiment.py --out PATH

scikit-learn lives in its own environment (``make train``), not in the notebook one.

Reads ``<shared>/bench/newsmtsc/train.jsonl`` only (``<shared>`` is ``../shared`` beside
the repository, or ``$NEWS_KIT_SHARED``). The feature set (``CONFIG``) and the
regularisation (``C``) were chosen by grouped cross-validation on train and checked
on dev_rw + dev_mt (see the README); nothing from the dev files is trained on.

The model is one logistic regression per class against the other two
(scikit-learn, lbfgs: deterministic, no random state involved) over the named
sparse features of ``analysis_utils.sentiment.target_features``, with each word
feature scaled by the magnitude of its naive-Bayes log-count ratio for that class
(``nb_scale``; NBSVM, Wang & Manning 2012), which regularises the words that tell
a class apart less than the rest. The scales are folded into the exported
weights, so at run time the three logits are still intercept + weights x values,
and a softmax of them gives the probabilities (the weights are divided by
``TEMPERATURE`` so that those probabilities are calibrated). It is written as gzipped JSON
(labels, feature config, intercepts, feature -> three weights rounded to
``DIGITS`` decimals, training metadata) and applied at run time in pure Python,
so scikit-learn is needed for training only and the file is portable across
scikit-learn and Python versions (no pickle). The output is byte-for-byte
reproducible (sorted keys, gzip timestamp 0).

Record of what was tried and measured by grouped 5-fold CV on train (F1m; the shipped
configuration gives 68.3): distance bands, valence-class n-grams, word trigrams,
coreferent mentions as extra examples, a boosted second stage, class weights, SVM
averaging (all <= 68.3); AFINN-165 sums by side and clause 68.4; TextBlob-lexicon sums
68.1; the nearest polar word on each side 67.5 (dev_rw 71.5 / dev_mt 65.0); clause words
marked by side 68.1; target-role flags (before *be*, passive, after a preposition) 68.2;
distance-weighted bags of words 68.2-68.3; pairwise products of the dense features 67.3-67.5;
a 64-unit MLP 66.2 (68.1 averaged with the LR); multinomial LR 67.6-67.8; per-family
regularisation scales 67.4-68.4; class offsets on out-of-fold scores 68.3; averages of
two to four of these <= 68.5. The weakest slices are targets inside a quotation (F1m
59.3), possessives (61.3), a speech verb after the target (62.0) and sentences whose
targets differ in label (59.5): who does what to whom, which word features do not see.
"""
from __future__ import annotations

import os

# one BLAS thread: lbfgs's sums then run in the same order on every machine, so the model
# file is the same bytes whatever the number of cores (set before numpy is imported)
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"

import argparse  # noqa: E402
import gzip  # noqa: E402
import json  # noqa: E402
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis_utils import sentiment as S  # noqa: E402

SHARED = Path(os.environ.get("NEWS_KIT_SHARED", ROOT.parent / "shared"))
NEWSMTSC = SHARED / "bench" / "newsmtsc"
POLARITY = {2.0: "negative", 4.0: "neutral", 6.0: "positive"}

#: The feature set; stored in the model file and passed to ``target_features``.
CONFIG = {
    "sent": [1, 2], "sside": True, "clause": [1, 2], "win": 5, "near": 2, "negmark": True,
    "stem": True, "lex": True, "lexout": True, "lexdist": True, "lexclause": True,
    "struct": True, "famnorm": True, "char": [4], "conj": True, "dscale": 2.0,
}
C = 1.0
MIN_DF = 2
NB_BETA = 1.0  # word features scaled by |NB log-count ratio| ** NB_BETA
#: The one-vs-rest logits are divided by this before export, so that the softmax is
#: calibrated (chosen by the log-loss of the grouped cross-validation; the labels do
#: not depend on it).
TEMPERATURE = 1.7
DIGITS = 4  # weights are rounded to this many decimals
SEED = 0  # used only for fold assignment tie-breaks; lbfgs itself is deterministic


def doc_id(gid: str) -> str:
    """The article a NewsMTSC record comes from (``allsides_<a>_<b>`` or ``polusa_v1_<n>``)."""
    m = re.match(r"(allsides_\d+_\d+|polusa_v1_\d+)_", gid)
    return m.group(1) if m else gid


def load_split(name: str) -> list[dict]:
    """One dict per target: ``text, start, end, label, doc``.

    A line of NewsMTSC holds one sentence (``sentence_normalized``) and a list of
    ``targets``, each with ``from``/``to`` offsets (``to`` exclusive) and
    ``polarity`` 2.0/4.0/6.0 (negative/neutral/positive); several targets of a
    line share the sentence. ``further_mentions`` (coreferent mentions) are not
    used.
    """
    path = NEWSMTSC / f"{name}.jsonl"
    if not path.is_file():
        raise SystemExit(f"NewsMTSC file not found: {path} (set NEWS_KIT_SHARED to the shared folder)")
    out = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            s = r["sentence_normalized"]
            for t in r["targets"]:
                out.append({"text": s, "start": int(t["from"]), "end": int(t["to"]),
                            "label": POLARITY[float(t["polarity"])], "doc": doc_id(r["primary_gid"])})
    return out


def groups(items: list[dict]) -> list[int]:
    """A group per article, merged across articles that share an identical sentence,
    so no sentence (and no article) is on both sides of a cross-validation split."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    first: dict[str, str] = {}
    for it in items:
        d = find(it["doc"])
        o = first.setdefault(it["text"], d)
        if find(o) != d:
            parent[d] = find(o)
    ids: dict[str, int] = {}
    return [ids.setdefault(find(it["doc"]), len(ids)) for it in items]


def featurize(items: list[dict], config: dict) -> list[dict]:
    return [S.target_features(it["text"], it["start"], it["end"], config) for it in items]


def nb_scale(X, positive, family, beta: float = NB_BETA):
    """Naive-Bayes feature scales for one class against the rest (NBSVM, Wang & Manning 2012).

    ``r = log((p / |p|) / (q / |q|))`` with ``p``, ``q`` the add-one counts of
    documents holding each feature in the class and outside it; word features
    (``family``) are scaled by ``|r| ** beta``, so words that tell the class apart
    are penalised less; dense features and the bias keep scale 1.
    """
    import numpy as np

    present = (X != 0).astype(np.float64)
    p = np.asarray(present[positive].sum(0)).ravel() + 1.0
    q = np.asarray(present[~positive].sum(0)).ravel() + 1.0
    r = np.log((p / p.sum()) / (q / q.sum()))
    return np.where(family, np.abs(r) ** beta, 1.0)


def fit(feats: list[dict], labels: list[str], config: dict, c: float = C, min_df: int = MIN_DF) -> S.SentimentModel:
    """Fit one NB-scaled logistic regression per class (one against the rest) and
    return them as a :class:`SentimentModel` (the scales folded into the weights)."""
    import numpy as np
    import scipy.sparse as sp
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    dv = DictVectorizer(sort=True)
    X = dv.fit_transform(feats)
    if min_df > 1:
        keep = np.asarray((X != 0).sum(0)).ravel() >= min_df
        keep[dv.vocabulary_["bias"]] = True
        dv.restrict(keep)
        X = dv.transform(feats)
    X = sp.csr_matrix(X)
    y = np.asarray(labels)
    family = np.array([":" in name for name in dv.feature_names_])
    W = np.zeros((len(S.LABELS), X.shape[1]))
    b = np.zeros(len(S.LABELS))
    for k, lab in enumerate(S.LABELS):
        positive = y == lab
        scale = nb_scale(X, positive, family)
        clf = LogisticRegression(C=c, max_iter=5000, tol=1e-6)
        clf.fit(X @ sp.diags(scale), positive)
        W[k] = clf.coef_[0] * scale / TEMPERATURE
        b[k] = clf.intercept_[0] / TEMPERATURE
    weights = {}
    for j, name in enumerate(dv.feature_names_):
        w = [round(float(v), DIGITS) for v in W[:, j]]
        if any(w):
            weights[name] = w
    data = {
        "format": S.MODEL_FORMAT,
        "labels": list(S.LABELS),
        "config": config,
        "intercept": [round(float(v), DIGITS) for v in b],
        "weights": weights,
    }
    return S.SentimentModel(data)


def predict(model: S.SentimentModel, feats: list[dict]) -> list[str]:
    out = []
    for f in feats:
        p = model.proba(f)
        out.append(max(model.labels, key=lambda lab: (p[lab], lab == "neutral")))
    return out


def macro_f1(gold: list[str], pred: list[str]) -> float:
    """Macro-F1 over the three classes, in percent."""
    f1s = []
    for lab in S.LABELS:
        tp = sum(g == lab and p == lab for g, p in zip(gold, pred))
        fp = sum(g != lab and p == lab for g, p in zip(gold, pred))
        fn = sum(g == lab and p != lab for g, p in zip(gold, pred))
        f1s.append(0.0 if tp == 0 else 2 * tp / (2 * tp + fp + fn))
    return 100 * sum(f1s) / len(f1s)


def accuracy(gold: list[str], pred: list[str]) -> float:
    return 100 * sum(g == p for g, p in zip(gold, pred)) / len(gold)


def cross_validate(items: list[dict], config: dict = CONFIG, c: float = C, k: int = 5,
                   feats: list[dict] | None = None) -> dict:
    """Grouped k-fold cross-validation (no article or sentence in two folds).

    Each fold's model is applied through the same pure-Python path as the shipped
    model. Returns ``f1m``, ``acc``, per-fold ``fold_f1m`` and ``n``.
    """
    from sklearn.model_selection import GroupKFold

    feats = feats if feats is not None else featurize(items, config)
    labels = [it["label"] for it in items]
    g = groups(items)
    pred: list[str | None] = [None] * len(items)
    fold_f1 = []
    for tr, te in GroupKFold(n_splits=k).split(feats, labels, g):
        model = fit([feats[i] for i in tr], [labels[i] for i in tr], config, c)
        p = predict(model, [feats[i] for i in te])
        for i, lab in zip(te, p):
            pred[i] = lab
        fold_f1.append(macro_f1([labels[i] for i in te], p))
    return {"f1m": macro_f1(labels, pred), "acc": accuracy(labels, pred), "fold_f1m": fold_f1,
            "n": len(items), "k": k}


def write_model(model: S.SentimentModel, meta: dict, out: Path) -> None:
    data = {
        "format": S.MODEL_FORMAT,
        "labels": list(model.labels),
        "config": model.config,
        "intercept": model.intercept,
        "weights": {k: list(v) for k, v in model.weights.items()},
        "meta": meta,
    }
    raw = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp")
    with open(tmp, "wb") as fh, gzip.GzipFile(fileobj=fh, mode="wb", compresslevel=9, mtime=0, filename="") as gz:
        gz.write(raw)
    tmp.replace(out)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=S.MODEL_PATH)
    ap.add_argument("--cv", action="store_true", help="also run a grouped 5-fold cross-validation")
    args = ap.parse_args(argv)

    import sklearn

    t0 = time.perf_counter()
    items = load_split("train")
    feats = featurize(items, CONFIG)
    print(f"train: {len(items)} targets, features in {time.perf_counter() - t0:.1f} s")
    model = fit(feats, [it["label"] for it in items], CONFIG, C, MIN_DF)
    meta = {
        "trained_on": "NewsMTSC train.jsonl (Hamborg & Donnay 2021), all targets",
        "n_train": len(items),
        "C": C,
        "min_df": MIN_DF,
        "digits": DIGITS,
        "n_features": len(model.weights),
        "nb_beta": NB_BETA,
        "temperature": TEMPERATURE,
        "learner": f"NB-scaled one-vs-rest sklearn.linear_model.LogisticRegression(lbfgs) {sklearn.__version__}",
    }
    if args.cv:
        cv = cross_validate(items, CONFIG, C, feats=feats)
        print(f"grouped 5-fold CV on train: F1m {cv['f1m']:.1f}, accuracy {cv['acc']:.1f}"
              f" (folds: {', '.join(f'{v:.1f}' for v in cv['fold_f1m'])})")
        meta["cv_f1m"] = round(cv["f1m"], 2)
        meta["cv_acc"] = round(cv["acc"], 2)
    write_model(model, meta, args.out)
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.2f} MB, {len(model.weights)} features)"
          f" in {time.perf_counter() - t0:.1f} s")


if __name__ == "__main__":
    main()
