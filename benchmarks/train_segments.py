"""Learn the line model of page segmentation (``analysis_utils/models/line_model.json``).

    make train                                            # all models
    .venv/bin/python benchmarks/train_segments.py         # this one, about 15 minutes
    .venv/bin/python benchmarks/train_segments.py --cv-only   # out-of-fold figures, no file
    .venv/bin/python benchmarks/train_segments.py --cv-only --save-folds DIR   # keep the fold models
    .venv/bin/python benchmarks/train_segments.py --from-folds DIR   # the segmenter out of fold, no training

numpy only. Reads the **tuning part** of ``<shared>/bench/pages`` (``pages_data.py``: 70 %
of the pages by a hash of their id; the held-out 30 % is never read here) and, as examples
of clean article text, the first ``--clean`` texts of ``<shared>/bench/polnear_train``.

Labels, one per line of a page (the lines :func:`analysis_utils.text.segments.page_lines`
makes of the saved text, the units the segmenter types):

* **silver**, from the HTML: ``trafilatura.extract`` (default options) of the page's HTML
  is its main text; a line of the saved text is *main* when it equals a line of that text
  (letters and digits compared, case-folded) or, at 15 letters and digits or more,
  occurs inside one of its lines;
* **gold**, from the snippets: a line holding a ``with`` snippet is main, a line holding
  a ``without`` snippet (and no ``with`` snippet) is not; gold labels override silver ones
  and weigh ``GOLD_WEIGHT`` times more;
* every line of a clean PolNeAR text is main.

Model: two stacked stages, each ``ENSEMBLE`` one-hidden-layer networks (``HIDDEN`` tanh
units, sigmoid output, Adam, L2 penalty ``L2``, ``EPOCHS`` epochs, seeds ``SEED``,
``SEED + 1`` ...) whose log-odds are averaged, shipped as one network with all their
hidden units (the loader sees one network). Stage 1 reads
:func:`analysis_utils.text.line_features.line_matrix`; stage 2 reads the same plus stage
1's probabilities of the neighbouring lines (out of fold while training, so that stage 2
learns from honest neighbours). The word weights of the lexicon (log-odds of main against
clutter of the words of at least ``MIN_PAGES`` pages) are learned on the same lines. The
two thresholds (a line is main at ``threshold``, a line of running text already at
``prose_threshold``) are the pair of ``THRESHOLDS`` with which the segmenter
(``segment_rows``: its rules and the model together) scores the best body F1 on the
snippets out of fold: 5 folds over the tuning pages by a hash of the id, the lexicon and
both stages learned again inside every fold. ``L2`` and ``GOLD_WEIGHT`` were chosen by
the model's own out-of-fold F1 (L2 1e-4: 87.3, 1e-3: 88.0, 3e-3: 89.3, 1e-2: 88.5; 24
hidden units against 48: 87.3 against 86.7; with the segmenter, at L2 3e-3, 48 units give
87.6 against 87.4, not worth twice the arithmetic; with the rules of December 8, the
segmenter at its best thresholds: 1 network 88.9, 3 averaged 89.2, 5 averaged 89.3, so 5). Printed: the out-of-fold figures of the
model alone and of the segmenter at each pair.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import time
import warnings
from pathlib import Path

import numpy as np

from pages_data import ROOT, SHARED, Score, load_pages, norm

sys.path.insert(0, str(ROOT))

from analysis_utils.text import line_model as lm  # noqa: E402
from analysis_utils.text.decoding import _quiet_logs  # noqa: E402
from analysis_utils.text.line_features import (  # noqa: E402
    LEXICON, feature_names, lexicon_features, line_matrix, tokens,
)
from analysis_utils.text.segments import line_gaps, page_lines, segment_rows  # noqa: E402

OUT = ROOT / "analysis_utils" / "models" / "line_model.json"
GOLD_WEIGHT = 10.0
SEED = 13
HIDDEN = 24
ENSEMBLE = 5  # networks of seeds SEED, SEED + 1, ... averaged (their mean log-odds)
EPOCHS = 40
L2 = 3e-3
MIN_PAGES = 8  # a word enters the lexicon when it occurs on this many pages at least
MAX_WORDS = 4000  # the most frequent words of those

#: the stop words of the model file: the commonest function words of the languages of the
#: pages (mostly German and English) and of news generally
STOPWORDS = sorted(set("""
a an the and or but if of to in on at by for with from as into over under after before
about than that this these those it its is are was were be been being has have had do does
did will would can could should may might must not no so he she they we you i his her their
our your them him us who which what when where there here also said says more most
der die das den dem des ein eine einer eines einem einen und oder aber wenn als auch auf aus
bei mit nach von vor zu zum zur über unter durch für gegen ohne um im ins am vom ist sind
war waren wird werden wurde wurden hat haben hatte sein seine ihre ihr es er sie wir ich
du nicht kein keine noch nur schon sehr so wie dass daß man sich dies diese dieser dieses
le la les un une des du de et ou mais dans sur par pour avec sans est sont était ont a au
aux ce cette ces il elle ils elles nous vous qui que quoi dont où ne pas plus se sa son ses
el los las uno una unos unas y o pero en con sin por para es son fue era ha han del al lo
que se su sus como más muy este esta estos estas
il lo gli i una e ma di da su per con tra fra è sono era che non si come più anche nel
nella della delle dei degli alla alle al
het een en of maar van op te met voor door bij naar uit is zijn was waren wordt heeft hebben
niet geen ook dat die deze dit er hij zij wij
o os as um uma e ou mas em no na nos nas com sem por para é são foi que não se como mais
do da dos das ao
i w z na do nie się jest są to że jak ale od za po o
и в во не что он она они на я с со как а то все это но по из у за от же так для о
""".split()))


def page_units(text: str):
    """The lines of a page and what the features need: (lines, texts, kinds, gaps)."""
    lines = page_lines(text)
    texts = [ln.text for ln in lines]
    kinds = [ln.kind for ln in lines]
    gaps = line_gaps(lines)
    return lines, texts, kinds, gaps


def silver_main(html: bytes) -> str:
    """trafilatura's main text of a page ("" when it finds none or fails)."""
    import trafilatura

    with _quiet_logs():
        try:
            return trafilatura.extract(html) or ""
        except Exception:
            return ""


def _alnum(s: str) -> str:
    """Letters and digits only, case-folded: lines compared whatever the spacing and
    punctuation trafilatura and a page's saved text give them."""
    return "".join(c for c in s.casefold() if c.isalnum())


def labels_for(texts, main: str, page) -> tuple[np.ndarray, np.ndarray]:
    """(labels, weights) of the lines of one page (module docstring)."""
    main_lines = {_alnum(x) for x in main.splitlines() if x.strip()}
    joined = "\n".join(_alnum(x) for x in main.splitlines())
    withs = [norm(s) for s in page.with_ if norm(s)]
    withouts = [norm(s) for s in page.without if norm(s)]
    y = np.zeros(len(texts))
    w = np.ones(len(texts))
    for i, t in enumerate(texts):
        a = _alnum(t)
        y[i] = bool(a) and (a in main_lines or (len(a) >= 15 and a in joined))
        k = norm(t)
        if any(s in k for s in withs):
            y[i], w[i] = 1.0, GOLD_WEIGHT
        elif any(s in k for s in withouts):
            y[i], w[i] = 0.0, GOLD_WEIGHT
    return y, w


def build_lexicon(examples) -> dict[str, float]:
    """Word -> log-odds of a line holding it being main rather than clutter (add-one
    smoothing, less the prior log-odds, clipped to [-4, 4]), over the ``MAX_WORDS`` most
    widespread words of at least ``MIN_PAGES`` pages."""
    pages: dict[str, int] = {}
    main: dict[str, float] = {}
    clut: dict[str, float] = {}
    n_main = n_clut = 0.0
    for _page, texts, _X, y, _w in examples:
        seen: set[str] = set()
        for t, lab in zip(texts, y):
            toks = set(tokens(t))
            seen |= toks
            if lab >= 0.5:
                n_main += 1
                target = main
            else:
                n_clut += 1
                target = clut
            for tok in toks:
                target[tok] = target.get(tok, 0.0) + 1.0
        for tok in seen:
            pages[tok] = pages.get(tok, 0) + 1
    common = sorted((t for t, c in pages.items() if c >= MIN_PAGES and len(t) >= 2),
                    key=lambda t: (-pages[t], t))[:MAX_WORDS]
    prior = np.log((n_main + 1) / (n_clut + 1))
    return {t: round(float(np.clip(np.log((main.get(t, 0) + 1) / (clut.get(t, 0) + 1)) - prior, -4, 4)), 3)
            for t in sorted(common)}


def with_lexicon(examples, lexicon):
    """The examples with their lexicon columns filled from ``lexicon``."""
    k = len(LEXICON)
    out = []
    for page, texts, X, y, w in examples:
        X = X.copy()
        X[:, -k:] = lexicon_features(texts, lexicon)
        out.append((page, texts, X, y, w))
    return out


def fold_of(key: str, k: int = 5) -> int:
    return int(hashlib.sha1(("fold:" + key).encode()).hexdigest()[:8], 16) % k


# --- a small network in numpy ---------------------------------------------------------------

def train_mlp(X, y, w, hidden=HIDDEN, epochs=EPOCHS, l2=L2, lr=3e-3, seed=SEED, batch=256):
    """One hidden layer (tanh), sigmoid output, weighted log loss, Adam."""
    rng = np.random.default_rng(seed)
    n, d = X.shape
    params = [rng.normal(0, 1 / np.sqrt(d), (d, hidden)), np.zeros(hidden),
              rng.normal(0, 1 / np.sqrt(hidden), hidden), np.zeros(1)]
    m = [np.zeros_like(p) for p in params]
    v = [np.zeros_like(p) for p in params]
    t = 0
    wn = w / w.mean()
    for _ in range(epochs):
        order = rng.permutation(n)
        for s in range(0, n, batch):
            idx = order[s:s + batch]
            xb, yb, wb = X[idx], y[idx], wn[idx]
            h = np.tanh(xb @ params[0] + params[1])
            p = 1 / (1 + np.exp(-(h @ params[2] + params[3][0])))
            g = (p - yb) * wb / len(idx)
            gh = np.outer(g, params[2]) * (1 - h * h)
            grads = (xb.T @ gh + l2 * params[0], gh.sum(0), h.T @ g + l2 * params[2], np.array([g.sum()]))
            t += 1
            for j, gr in enumerate(grads):
                m[j] = 0.9 * m[j] + 0.1 * gr
                v[j] = 0.999 * v[j] + 0.001 * gr * gr
                params[j] -= lr * (m[j] / (1 - 0.9 ** t)) / (np.sqrt(v[j] / (1 - 0.999 ** t)) + 1e-8)
    return {"W1": params[0], "b1": params[1], "W2": params[2], "b2": float(params[3][0])}


def fit_stage(Xs, ys, ws):
    X = np.vstack(Xs)
    mu = X.mean(0)
    sd = X.std(0)
    sd[sd < 1e-9] = 1.0
    Z, y, w = np.clip((X - mu) / sd, -lm.CLIP, lm.CLIP), np.concatenate(ys), np.concatenate(ws)
    nets = [train_mlp(Z, y, w, seed=SEED + k) for k in range(ENSEMBLE)]
    # the mean of the networks' log-odds is one network with all their hidden units
    net = {"W1": np.hstack([n["W1"] for n in nets]), "b1": np.concatenate([n["b1"] for n in nets]),
           "W2": np.concatenate([n["W2"] for n in nets]) / len(nets), "b2": float(np.mean([n["b2"] for n in nets]))}
    net["mean"], net["std"] = mu, sd
    return net


def run_stage(net, X):
    return lm._run(net, X)


# --- the data ---------------------------------------------------------------------------

def load_examples(n_clean: int):
    """(page or None, line texts, features without the lexicon, labels, weights) of every
    tuning page and clean text."""
    pages = load_pages("tuning")
    stop = frozenset(STOPWORDS)
    examples = []
    t0 = time.perf_counter()
    for page in pages:
        text = page.text()
        _lines, texts, kinds, gaps = page_units(text)
        if not texts:
            continue
        y, w = labels_for(texts, silver_main(page.html_bytes()), page)
        examples.append((page, texts, line_matrix(texts, kinds, gaps, stop), y, w))
    print(f"{len(examples)} tuning pages read in {time.perf_counter() - t0:.0f} s")
    clean_dir = SHARED / "bench" / "polnear_train" / "text"
    clean = sorted(clean_dir.glob("*.txt"))[:n_clean] if clean_dir.is_dir() else []
    rng = np.random.default_rng(SEED)
    for p in clean:
        full = p.read_text(encoding="utf-8")
        # the whole text, and its first few paragraphs as a short article of its own
        cut = [m.end() for m in re.finditer(r"\n\s*\n", full)]
        short = full[: cut[int(rng.integers(0, min(4, len(cut))))]] if cut else ""
        for text in (full, short):
            _lines, texts, kinds, gaps = page_units(text)
            if texts:
                examples.append((None, texts, line_matrix(texts, kinds, gaps, stop),
                                 np.ones(len(texts)), np.ones(len(texts))))
    print(f"{len(clean)} clean PolNeAR texts, whole and their first paragraphs")
    return examples


def score_at(examples, probs, t) -> Score:
    sc = Score()
    for (page, texts, *_), p in zip(examples, probs):
        if page is not None:
            sc.add(page, "\n".join(x for x, q in zip(texts, p) if q >= t))
    return sc


def _key_of(example) -> str:
    return example[0].id if example[0] is not None else example[1][0]


def train_two_stages(train, folds=5):
    """The lexicon of ``train``, stage 1 with out-of-fold probabilities over it, then
    stage 2: ``(lexicon, net1, net2)``."""
    lexicon = build_lexicon(train)
    train = with_lexicon(train, lexicon)
    keys = [fold_of(_key_of(e), folds) for e in train]
    oof = [None] * len(train)
    for f in range(folds):
        inner = [e for e, k in zip(train, keys) if k != f]
        net = fit_stage([e[2] for e in inner], [e[3] for e in inner], [e[4] for e in inner])
        for i, (e, k) in enumerate(zip(train, keys)):
            if k == f:
                oof[i] = run_stage(net, e[2])
    net1 = fit_stage([e[2] for e in train], [e[3] for e in train], [e[4] for e in train])
    X2 = [np.hstack([e[2], lm.neighbour_probs(p)]) for e, p in zip(train, oof)]
    net2 = fit_stage(X2, [e[3] for e in train], [e[4] for e in train])
    return lexicon, net1, net2


def apply_two(lexicon, net1, net2, texts, X):
    X = X.copy()
    X[:, -len(LEXICON):] = lexicon_features(texts, lexicon)
    p1 = run_stage(net1, X)
    return run_stage(net2, np.hstack([X, lm.neighbour_probs(p1)]))


def model_file(lexicon, net1, net2, threshold: float, prose_threshold: float) -> dict:
    """The JSON object of the model file."""
    return {
        "about": "Line model of page segmentation: is a line the article's own text? "
                 "Trained by benchmarks/train_segments.py on the tuning part of bench/pages.",
        "version": 1,
        "features": feature_names(),
        "stopwords": STOPWORDS,
        "lexicon": lexicon,
        "threshold": threshold,
        "prose_threshold": prose_threshold,
        "stage1": {k: np.asarray(v).round(6).tolist() for k, v in net1.items()},
        "stage2": {k: np.asarray(v).round(6).tolist() for k, v in net2.items()},
    }


#: (threshold, prose_threshold) pairs tried
THRESHOLDS = tuple((t, q) for t in (0.4, 0.5, 0.6) for q in (0.2, 0.3, 0.4, 0.5) if q <= t)


def segmenter_scores(examples, keys, fold_models) -> dict[float, Score]:
    """The segmenter's body score out of fold at each of ``THRESHOLDS``: every tuning page
    segmented by ``segment_rows`` with the model of the folds it was not in."""
    out = {t: Score() for t in THRESHOLDS}
    for f, trained in enumerate(fold_models):
        for t in THRESHOLDS:
            model = lm.LineModel(model_file(*trained, *t))
            for e, k in zip(examples, keys):
                if k != f or e[0] is None:
                    continue
                text = e[0].text()
                body = "\n".join(text[r[1]:r[2]] for r in segment_rows(text, model=model) if r[0] == "body")
                out[t].add(e[0], body)
    return out


def segmenter_score(examples, keys, folds_dir: Path) -> Score:
    """The segmenter's body score out of fold with the fold models saved in ``folds_dir``
    (``--save-folds``) at their own thresholds."""
    sc = Score()
    for f in range(5):
        model = lm.LineModel(json.loads((folds_dir / f"fold{f}.json").read_text(encoding="utf-8")))
        for e, k in zip(examples, keys):
            if k == f and e[0] is not None:
                text = e[0].text()
                sc.add(e[0], "\n".join(text[r[1]:r[2]] for r in segment_rows(text, model=model) if r[0] == "body"))
    return sc


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--clean", type=int, default=150, help="clean PolNeAR texts (all lines main)")
    ap.add_argument("--cv-only", action="store_true")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--save-folds", type=Path, metavar="DIR",
                    help="also write the five fold models (chosen thresholds) as DIR/fold<k>.json")
    ap.add_argument("--from-folds", type=Path, metavar="DIR",
                    help="train nothing: score the segmenter out of fold with the fold models "
                         "saved in DIR (to weigh a change of the rules on the tuning part)")
    args = ap.parse_args()
    warnings.simplefilter("ignore")
    examples = load_examples(args.clean)
    keys = [fold_of(_key_of(e)) for e in examples]
    if args.from_folds:
        print(f"  out of fold, the segmenter with the models of {args.from_folds}: "
              f"{segmenter_score(examples, keys, args.from_folds)}")
        return
    probs = [None] * len(examples)
    t0 = time.perf_counter()
    fold_models = []
    for f in range(5):
        trained = train_two_stages([e for e, k in zip(examples, keys) if k != f], folds=4)
        fold_models.append(trained)
        for i, (e, k) in enumerate(zip(examples, keys)):
            if k == f:
                probs[i] = apply_two(*trained, e[1], e[2])
        print(f"  fold {f} done ({time.perf_counter() - t0:.0f} s)")
    for t in (0.3, 0.4, 0.5, 0.6):
        print(f"  out of fold, model alone, threshold {t:.2f}: {score_at(examples, probs, t)}")
    scores = {t: sc for t, sc in segmenter_scores(examples, keys, fold_models).items()}
    best = max(scores, key=lambda t: (round(scores[t].f1, 1), t))
    for t, sc in scores.items():
        print(f"  out of fold, the segmenter, thresholds {t[0]:.2f} / prose {t[1]:.2f}: {sc}")
    print(f"  chosen: threshold {best[0]:.2f}, prose threshold {best[1]:.2f}")
    if args.save_folds:
        args.save_folds.mkdir(parents=True, exist_ok=True)
        for f, trained in enumerate(fold_models):
            (args.save_folds / f"fold{f}.json").write_text(json.dumps(model_file(*trained, *best)), encoding="utf-8")
    if args.cv_only:
        return
    model = model_file(*train_two_stages(examples, folds=5), *best)
    args.out.write_text(json.dumps(model, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({args.out.stat().st_size / 1024:.0f} KiB)")


if __name__ == "__main__":
    main()
