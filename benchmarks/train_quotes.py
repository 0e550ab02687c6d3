"""Learn the quote-attribution model files from PolNeAR's train split.

    make train                                         # all models (sentiment and quotes)
    .venv/bin/python benchmarks/train_quotes.py        # the four quote models, about 15 minutes
    .venv/bin/python benchmarks/train_quotes.py --only ranker      # one stage (others: cues, tagger, confidence)
    .venv/bin/python benchmarks/train_quotes.py --limit 60 --out /tmp/c.json ...  # a quick run

numpy only (no scikit-learn). Reads ``<shared>/bench/polnear_train`` only (``<shared>``
is ``../shared`` beside the repository, or ``$NEWS_KIT_SHARED``): 840 texts, one BRAT
annotation each (the alphabetically first ``.ann`` file, as ``bench_quotes.py`` does for
dev). PolNeAR dev is never read here: it is the held-out set of ``bench_quotes.py``.
The train texts are split by the SHA-1 of their stem into a *fit* half (even) and a
*check* half (odd). Everything is deterministic (sorted inputs, a fixed seed for the
perceptron's shuffles): the same data give the same files, byte for byte.

1. Learned cue words (``analysis_utils/models/cue_lexicon.json``)
-----------------------------------------------------------------
The rules find a statement only at a cue of ``data/cue_verbs.yml``; PolNeAR marks
attributions at many more (``declined to``, ``endorsed``, ``seemed``).

* *Candidates*: every word of a gold ``Cue`` span in the fit half, lower-cased, mapped
  to a lemma whose regular inflections (:func:`analysis_utils.quotes.cues.inflections`)
  contain it; adverbs in *-ly* and words never inflected are left out; kept when not
  already a cue, part of a cue at least ``MIN_CUE`` times and in at least ``MIN_RATE``
  of its occurrences.
* *Selection*: for each candidate and each thought group (``cognition``,
  ``cognition_that``: a learned word never counts as speech), the kit runs with the
  lexicon plus that word on the fit texts that contain it, scored as ``bench_quotes.py``
  scores (30 % coverage, one to one). A word is kept in the group with the largest gain
  ``2 * new matches - PRICE * new predictions`` when its new predictions are right at
  least ``MIN_PRECISION`` of the time, it finds at least ``MIN_GAIN`` more attributions,
  it loses no speaker and no F1 of quotations with marks, and the speakers of its new
  matches are right at least ``MIN_SPEAKERS`` of the time. The check half is scored
  before and after (printed).

2. Cue tagger (``analysis_utils/models/cue_tagger.json``)
---------------------------------------------------------
An averaged perceptron over :func:`analysis_utils.quotes.cue_model.token_features`:
every candidate word of every body sentence (the kit's own sentences and tokens) is an
example, positive when it is the first candidate word of a gold cue span. The threshold
is chosen by 2-fold cross-validation over the two halves (train on one, run the whole kit
on the other, keep the threshold with the best out-of-fold F1 over all attributions;
printed beside the figure without the tagger); the shipped tagger is then trained on all
of train. Its vocabulary is the words that were cues at least ``MIN_VOCAB`` times.

3. Speaker ranker (``analysis_utils/models/speaker_ranker.json``)
-----------------------------------------------------------------
Logistic regression (Newton's method, L2 penalty by 5-fold cross-validated log loss on the
fit half) over the features of :func:`analysis_utils.quotes.ranker.candidates`: for each
attribution the rules find (with the learned cues and tagger) that is matched to a gold
one whose source is not a pronoun, every candidate (the rules' speaker, the people named
nearby, the phrases beside the cue) is an example, positive when it is right by
bench_quotes' string rule or its mention overlaps the gold source. ``min_probability``
(the least score that fills or replaces a speaker) and ``max_rule_probability`` (a rules'
speaker scored at least this is kept) are chosen on a grid by the right speakers out of
fold (trained on one half of train, decided on the other, both ways; printed beside the
rules' count); the shipped model is then trained on all of train.

4. Speaker confidence (``analysis_utils/models/speaker_confidence.json``)
-------------------------------------------------------------------------
Logistic regression (Newton's method, L2 penalty chosen by 5-fold cross-validation on
the fit half) over :func:`analysis_utils.quotes.confidence.speaker_features` of each
speaker the kit gives (after the ranker) an attribution matched to a gold one whose source is not a
pronoun; the label says whether the speaker is right (bench_quotes' string rule, or its
mention overlaps the gold source). The rows of one attribution share the confidence of
the surest of them (as the kit applies it); ``min_confidence`` is the largest threshold
below which those attributions' speakers are right at most ``MAX_DROPPED_RIGHT`` of the time
(out of fold); the check half's calibration is printed.
"""
from __future__ import annotations

import argparse
import collections
import hashlib
import json
import os
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import bench_quotes as bq  # noqa: E402
from analysis_utils.quotes import find_quotes  # noqa: E402
from analysis_utils.quotes.cues import inflections, lexicon_from_mapping, merged, read_mapping  # noqa: E402

SHARED = Path(os.environ.get("NEWS_KIT_SHARED", ROOT.parent / "shared"))
TRAIN = SHARED / "bench" / "polnear_train"
OUT = ROOT / "analysis_utils" / "models" / "cue_lexicon.json"
TRY_GROUPS = ("cognition", "cognition_that")
MIN_CUE, MIN_RATE = 5, 0.1
MIN_PRECISION, MIN_GAIN, PRICE = 0.5, 3, 0.75
MARKS_PRICE, MIN_SPEAKERS = 0.9, 0.8
_WORD = re.compile(r"[A-Za-z]+")
STOP = frozenset("""a an the to of in on for at by with from as and or but not no n't t s re ve ll d m
i you he she it we they me him her us them my your his its our their this that these those who whom which
what is are was were be been being am has have had do does did don didn doesn will would can could may
might must should shall also just still now then even only very so too more most about over after before
again once first later often never ever there here when where why how all any some one""".split())


def fit_half(stem: str) -> bool:
    """The fit half of train: the SHA-1 of the stem, as an integer, is even."""
    return int(hashlib.sha1(stem.encode()).hexdigest(), 16) % 2 == 0


def train_documents() -> list[tuple[str, str, list]]:
    """``(stem, text, gold attributions)`` of every annotated train text, sorted by stem."""
    docs = []
    for t in sorted((TRAIN / "text").glob("*.txt")):
        anns = sorted((TRAIN / "attributions").glob(t.stem + "_*.ann"))
        if anns:
            docs.append((t.stem, t.read_text(encoding="utf-8"), bq.parse_ann(anns[0])))
    return docs


def lemma_of(form: str, counts: collections.Counter, seen: collections.Counter | None = None) -> str:
    """The lemma whose regular inflections hold ``form`` and are most often cues (among
    equals, one the texts write as a word: *decline*, not *declin*); else ``form``."""
    seen = seen or collections.Counter()
    cands = set()
    for k in range(0, 5):
        base = form[:len(form) - k] if k else form
        for lemma in (base, base + "e", base + "y", base[:-1]):
            if len(lemma) > 1 and form in inflections(lemma):
                cands.add(lemma)
    if not cands:
        return form
    return max(sorted(cands), key=lambda lemma: (sum(counts[f] for f in inflections(lemma)), lemma != form,
                                                 seen[lemma] > 0 or lemma.endswith("e"), -len(lemma)))


def candidates(docs, known: set[str]) -> list[dict]:
    cue_words: collections.Counter = collections.Counter()
    seen: collections.Counter = collections.Counter()
    for _, text, golds in docs:
        seen.update(w.lower() for w in _WORD.findall(text))
        for g in golds:
            cue_words.update({w.lower() for w in _WORD.findall(g.cue)})
    by_lemma: dict[str, list[str]] = collections.defaultdict(list)
    for form in sorted(cue_words):
        if form in STOP or len(form) < 3 or form.endswith("ly"):
            continue  # adverbs (*repeatedly said*) qualify a cue; they are not one
        by_lemma[lemma_of(form, cue_words, seen)].append(form)
    out = []
    for lemma, forms in sorted(by_lemma.items()):
        regular = any(f != lemma for f in forms) or any(seen[f] for f in inflections(lemma) if f != lemma)
        if not regular and lemma == forms[0] and len(forms) == 1 and not forms[0].endswith(("ed", "ing", "s")):
            continue  # never inflected in the texts: not a verb (*soon*)
        all_forms = inflections(lemma) if regular else forms
        if lemma in known or any(f in known for f in all_forms):
            continue
        n_cue = sum(cue_words[f] for f in all_forms)
        n_seen = sum(seen[f] for f in all_forms)
        if n_cue >= MIN_CUE and n_cue / max(1, n_seen) >= MIN_RATE:
            out.append({"lemma": lemma, "forms": sorted(set(all_forms)), "regular": regular,
                        "cue": n_cue, "seen": n_seen})
    return out


def with_words(mapping: dict, words: list[tuple[dict, str]]) -> dict:
    """``mapping`` (cue_verbs.yml) plus ``words`` (candidate, group)."""
    groups: dict[str, list[str]] = {}
    for cand, group in words:
        groups.setdefault(group, []).append(cand["lemma"])
    forms = {c["lemma"]: [f for f in c["forms"] if f != c["lemma"]] for c, _ in words if not c["regular"]}
    return merged(mapping, {"groups": groups, "forms": forms})


def score(docs, lexicon) -> dict[str, bq.Score]:
    out = {"all": bq.Score(), "marks": bq.Score()}
    for _, text, golds in docs:
        preds = bq.predicted(find_quotes(text, lexicon=lexicon))
        out["all"].add(bq.score_doc(text, golds, preds, 0.3, False))
        out["marks"].add(bq.score_doc(text, golds, preds, 0.3, True))
    return out


_DOCS: list = []
_MAPPING: dict = {}


def _trial(args):
    k, cand, group, doc_ids = args
    docs = [_DOCS[i] for i in doc_ids]
    s = score(docs, lexicon_from_mapping(with_words(_MAPPING, [(cand, group)])))
    return k, group, s


# --- cue tagger ---------------------------------------------------------------------------

TAGGER_OUT = ROOT / "analysis_utils" / "models" / "cue_tagger.json"
EPOCHS, MIN_VOCAB, MIN_FIRES = 6, 3, 2
THRESHOLDS = (-6.0, -4.0, -2.0, 0.0, 2.0)
SEED = 13


def tagger_examples(docs, lexicon) -> list[tuple[list[str], int, str]]:
    """``(features, label, word)`` for every candidate word of the body sentences of
    ``docs``: label 1 when the word is the first candidate word of a gold cue span."""
    from analysis_utils.quotes.cue_model import candidate, token_features
    from analysis_utils.quotes.finder import builder_of
    from analysis_utils.text.document import Document

    out = []
    for _, text, golds in docs:
        heads = set()
        for g in golds:
            for a, b in g.cue_spans[:1]:
                heads.add((a, b))
        sents = builder_of(Document(text, layout="plain"), lexicon).sentences()
        for s in sents:
            if s.para.headline:
                continue
            toks = s.toks
            firsts = set()
            for a, b in heads:
                k = next((k for k, t in enumerate(toks) if a <= t.start < b and candidate(t)), None)
                if k is not None:
                    firsts.add(k)
            for k, t in enumerate(toks):
                if candidate(t):
                    out.append((token_features(toks, k), int(k in firsts), t.lower))
    return out


def train_perceptron(examples, epochs: int = EPOCHS, seed: int = SEED) -> dict[str, float]:
    """Averaged perceptron (binary) over named features; the order of the examples is
    shuffled with ``seed`` each epoch, so the same data and seed give the same weights."""
    import random

    rng = random.Random(seed)
    w: dict[str, float] = collections.defaultdict(float)
    total: dict[str, float] = collections.defaultdict(float)
    stamp: dict[str, int] = collections.defaultdict(int)
    order = list(range(len(examples)))
    c = 0
    for _ in range(epochs):
        rng.shuffle(order)
        for i in order:
            feats, y, _ = examples[i]
            c += 1
            guess = sum(w[f] for f in feats) > 0
            if guess != bool(y):
                d = 1.0 if y else -1.0
                for f in feats:
                    total[f] += (c - stamp[f]) * w[f]
                    stamp[f] = c
                    w[f] += d
    return {f: (total[f] + (c - stamp[f]) * w[f]) / c for f in w if (total[f] + (c - stamp[f]) * w[f]) != 0}


def tagger_from(examples, threshold: float):
    from analysis_utils.quotes.cue_model import CueTagger

    counts = collections.Counter(word for _, y, word in examples if y)
    vocab = frozenset(word for word, n in counts.items() if n >= MIN_VOCAB)
    weights = train_perceptron(examples)
    return CueTagger(weights, threshold, vocab), weights, vocab


def prune(weights: dict[str, float], vocab) -> dict[str, float]:
    """The weights that can matter, rounded: only words of ``vocab`` are scored, so a
    feature naming another word (``w=``, ``p1w=``, ``wn1=``, ``s3=``, ``s2=`` of no
    vocabulary word) never fires."""
    suffixes = {w[-3:] for w in vocab} | {w[-2:] for w in vocab}

    def useful(f: str) -> bool:
        kind, _, value = f.partition("=")
        if kind == "w":
            return value in vocab
        if kind == "p1w":
            return value.rsplit("|", 1)[-1] in vocab
        if kind == "wn1":
            return value.split("|", 1)[0] in vocab
        if kind in ("s3", "s2"):
            return value in suffixes
        return True

    return {f: round(v, 4) for f, v in sorted(weights.items()) if abs(v) >= 5e-4 and useful(f)}


def train_tagger(docs, base_lexicon, out: Path) -> None:
    """Threshold by 2-fold cross-validation over the train texts (folds: the fit and check
    halves), scored with the whole pipeline as bench_quotes scores; then the tagger is
    trained on all of train and written."""
    from dataclasses import replace

    folds = [[d for d in docs if fit_half(d[0])], [d for d in docs if not fit_half(d[0])]]
    ex = [tagger_examples(f, base_lexicon) for f in folds]
    print(f"  tagger: {sum(len(e) for e in ex)} candidate words, {sum(y for e in ex for _, y, _ in e)} cues")
    base = [score(f, base_lexicon) for f in folds]
    taggers = [tagger_from(ex[1 - k], 0.0) for k in range(2)]
    best = None
    for th in THRESHOLDS:
        tot = {"all": bq.Score(), "marks": bq.Score()}
        for k in range(2):
            t, _, _ = taggers[k]
            t.threshold = th
            s = score(folds[k], replace(base_lexicon, tagger=t))
            for key in tot:
                tot[key].add(s[key])
        f1 = 2 * tot["all"].tp / (tot["all"].n_pred + tot["all"].n_gold)
        f1m = 2 * tot["marks"].tp / (tot["marks"].n_pred + tot["marks"].n_gold)
        print(f"  threshold {th}: out-of-fold all F1 {100 * f1:.2f}, marks F1 {100 * f1m:.2f}, "
              f"speakers {tot['all'].spk_right}/{tot['all'].spk_n}")
        if best is None or f1 > best[0] + 1e-9:
            best = (f1, th, tot)
    b = {"all": bq.Score(), "marks": bq.Score()}
    for s in base:
        for key in b:
            b[key].add(s[key])
    print(f"  out-of-fold, rules and lexicon only:\n    all   {b['all'].line()}\n    marks {b['marks'].line()}")
    print(f"  out-of-fold, with the tagger (threshold {best[1]}):\n    all   {best[2]['all'].line()}\n"
          f"    marks {best[2]['marks'].line()}")
    _, weights, vocab = tagger_from(ex[0] + ex[1], best[1])
    # only words the tagger ever takes for a cue in train are worth scoring at run time
    fires = collections.Counter(word for feats, _, word in ex[0] + ex[1]
                                if word in vocab and sum(weights.get(f, 0.0) for f in feats) > best[1])
    vocab = frozenset(w for w in vocab if fires[w] >= MIN_FIRES)
    kept = prune(weights, vocab)
    data = {"about": "Cue tagger (averaged perceptron) learned from PolNeAR train by benchmarks/train_quotes.py "
                     "over analysis_utils.quotes.cue_model.token_features.",
            "version": 1, "epochs": EPOCHS, "seed": SEED, "threshold": best[1], "vocabulary": sorted(vocab),
            "weights": kept}
    out.write_text(json.dumps(data, sort_keys=True, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {out}: {len(kept)} weights, {len(vocab)} words, threshold {best[1]}")


# --- speaker confidence -------------------------------------------------------------------

CONF_OUT = ROOT / "analysis_utils" / "models" / "speaker_confidence.json"
C_VALUES = (0.1, 0.3, 1.0, 3.0)
MAX_DROPPED_RIGHT = 1 / 3


def speaker_examples(docs, lexicon, ranker_path: Path | None = None
                     ) -> tuple[list[list[str]], list[int], list[tuple[int, int]]]:
    """Features and labels of the speakers (the rules' choice, re-ranked by the ranker at
    ``ranker_path``, default the shipped one) of the attributions matched to a
    gold one (30 % coverage) whose source is not a pronoun: 1 when the speaker is right
    by bench_quotes' string rule or its mention overlaps the gold source, else 0; and
    the attribution of each (document number, attribution id)."""
    from analysis_utils.quotes.confidence import speaker_features
    from analysis_utils.quotes.finder import rule_rows
    from analysis_utils.quotes.ranker import context_of, load_ranker, rerank
    from analysis_utils.text.document import Document

    ranker = load_ranker(ranker_path)
    X, y, groups_of = [], [], []
    for d, (_, text, golds) in enumerate(docs):
        rows, b = rule_rows(Document(text, layout="plain"), lexicon)
        rerank(rows, context_of(b), ranker, role_of=b.people.role)
        by_attr: dict[int, list[dict]] = {}
        for r in rows:
            if r["kind"] in bq.SPEECH_KINDS:
                by_attr.setdefault(r["attribution"], []).append(r)
        groups = [by_attr[k] for k in sorted(by_attr)]
        preds = [{"spans": [(r["start"], r["end"]) for r in g]} for g in groups]
        for gi, pi in bq.match(text, golds, preds, 0.3):
            g = golds[gi]
            if not g.source or bq.is_pronoun_source(g.source):
                continue
            for r in groups[pi]:
                if not r["speaker"]:
                    continue
                ment = (r["speaker_start"], r["speaker_end"])
                overlap = ment[0] is not None and any(a < ment[1] and ment[0] < b for a, b in g.source_spans)
                X.append(speaker_features(r, text))
                y.append(int(bq.speaker_right(r["speaker"], g.source) or overlap))
                groups_of.append((d, r["attribution"]))
    return X, y, groups_of


def per_attribution(p, y, groups_of):
    """The confidence and label of each attribution: those of its surest row (as
    :func:`analysis_utils.quotes.confidence.score_rows` applies the model)."""
    import numpy as np

    best: dict = {}
    for k, g in enumerate(groups_of):
        if g not in best or p[k] > p[best[g]]:
            best[g] = k
    idx = np.array(sorted(best.values()), dtype=int)
    return p[idx], y[idx]


def fit_logistic(A, y, C: float, iters: int = 50):
    """L2-regularised logistic regression by Newton's method (numpy only, deterministic):
    ``(intercept, weights)`` minimising log loss + ``||w||^2 / (2 C)`` (intercept free)."""
    import numpy as np

    n, d = A.shape
    X = np.hstack([np.ones((n, 1)), A])
    w = np.zeros(d + 1)
    reg = np.full(d + 1, 1.0 / C)
    reg[0] = 0.0
    for _ in range(iters):
        p = 1.0 / (1.0 + np.exp(-(X @ w)))
        grad = X.T @ (p - y) + reg * w
        H = (X * (p * (1 - p))[:, None]).T @ X + np.diag(reg) + 1e-9 * np.eye(d + 1)
        step = np.linalg.solve(H, grad)
        w -= step
        if np.max(np.abs(step)) < 1e-8:
            break
    return float(w[0]), w[1:]


def train_confidence(fit, check, lexicon, out: Path, ranker_path: Path | None = None) -> None:
    import numpy as np

    Xf, yf, gf = speaker_examples(fit, lexicon, ranker_path)
    Xc, yc, gc = speaker_examples(check, lexicon, ranker_path)
    names = sorted({f for x in Xf for f in x})
    col = {f: k for k, f in enumerate(names)}

    def matrix(X):
        A = np.zeros((len(X), len(names)))
        for i, x in enumerate(X):
            for f in x:
                if f in col:
                    A[i, col[f]] = 1.0
        return A

    A, y = matrix(Xf), np.array(yf, dtype=float)
    fold = np.arange(len(y)) % 5  # the fit half is already a sample of documents
    best = None
    for C in C_VALUES:
        p = np.zeros(len(y))
        for k in range(5):
            b0, w = fit_logistic(A[fold != k], y[fold != k], C)
            p[fold == k] = 1.0 / (1.0 + np.exp(-(b0 + A[fold == k] @ w)))
        ll = -np.mean(y * np.log(p + 1e-9) + (1 - y) * np.log(1 - p + 1e-9))
        print(f"  confidence C={C}: cross-validated log loss {ll:.4f}")
        if best is None or ll < best[0] - 1e-12:
            best = (ll, C, p)
    _, C, p_cv = best
    # the threshold: the largest one whose dropped attributions (each with the confidence of its
    # surest row) have a right speaker at most MAX_DROPPED_RIGHT of the time
    p_att, y_att = per_attribution(p_cv, y, gf)
    order = np.argsort(p_att, kind="stable")
    threshold, right = 0.0, 0.0
    for n, i in enumerate(order, 1):
        right += y_att[i]
        if right / n <= MAX_DROPPED_RIGHT:
            threshold = float(p_att[i]) + 1e-4
    b0, w = fit_logistic(A, y, C)
    weights = {f: round(float(v), 5) for f, v in zip(names, w) if abs(v) > 1e-6}
    data = {"about": "Speaker confidence learned from PolNeAR train by benchmarks/train_quotes.py "
                     "(logistic regression over analysis_utils.quotes.confidence.speaker_features).",
            "version": 1, "C": C, "intercept": round(b0, 5), "weights": weights,
            "min_confidence": round(threshold, 4), "examples": int(len(y)), "right": int(y.sum())}
    out.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {out}: {len(weights)} weights, C={C}, min_confidence {threshold:.3f}")
    if not Xc:
        return
    pc = 1.0 / (1.0 + np.exp(-(b0 + matrix(Xc) @ w)))
    pc, yc = per_attribution(pc, np.array(yc, dtype=float), gc)
    kept = pc >= threshold
    print(f"  check half: {len(yc)} attributions with a speaker, {yc.mean():.3f} right; kept {kept.sum()} "
          f"({yc[kept].mean():.3f} right), dropped {(~kept).sum()} "
          f"({yc[~kept].mean() if (~kept).any() else 0:.3f} right)")
    for lo, hi in ((0, .3), (.3, .5), (.5, .7), (.7, .9), (.9, 1.01)):
        sel = (pc >= lo) & (pc < hi)
        if sel.any():
            print(f"    confidence {lo:.1f}-{min(hi, 1):.1f}: {sel.sum():5d} speakers, {yc[sel].mean():.3f} right")


# --- speaker ranker -----------------------------------------------------------------------

RANKER_OUT = ROOT / "analysis_utils" / "models" / "speaker_ranker.json"
MIN_PROBABILITIES = (0.5, 0.6, 0.7, 0.8)
MAX_RULE_PROBABILITIES = (0.5, 0.7, 0.8, 0.9, 1.01)


def ranker_examples(docs, lexicon) -> list[dict]:
    """One entry per attribution the rules find that is matched to a gold one (30 %
    coverage) whose source is not a pronoun: its candidates' features and labels (1 when
    the candidate is right by bench_quotes' string rule or its mention overlaps the gold
    source), whether it has quotation marks (as bench_quotes counts them) and its
    document number."""
    from analysis_utils.quotes.finder import rule_rows
    from analysis_utils.quotes.ranker import candidates, context_of, groups_of
    from analysis_utils.text.document import Document

    out = []
    for d, (_, text, golds) in enumerate(docs):
        rows, b = rule_rows(Document(text, layout="plain"), lexicon)
        ctx = context_of(b)
        groups = groups_of(rows)
        keys = sorted(groups)
        cands_of, previous, earlier = {}, "", set()
        for k in sorted(keys, key=lambda k: min(r["start"] for r in groups[k])):
            cands_of[k] = candidates(groups[k], ctx, previous, earlier)
            spk = next((r["speaker"] for r in groups[k] if r["speaker"]), "")
            if spk:
                previous = spk
                earlier.add(spk)
        preds = [{"spans": [(r["start"], r["end"]) for r in groups[k]]} for k in keys]
        for gi, pi in bq.match(text, golds, preds, 0.3):
            g = golds[gi]
            if not g.source or bq.is_pronoun_source(g.source):
                continue
            group = groups[keys[pi]]
            marked = (bq.has_marks(g.text) and (any(r["kind"] != "indirect" for r in group)
                                                or any(bq.has_marks(r["text"]) for r in group)))
            labels = []
            for c in cands_of[keys[pi]]:
                overlap = c.start is not None and any(a < c.end and c.start < b for a, b in g.source_spans)
                labels.append(int(bq.speaker_right(c.name, g.source) or overlap))
            out.append({"doc": d, "cands": cands_of[keys[pi]], "labels": labels, "marked": marked})
    return out


def _decide(model, examples) -> tuple[int, int, int, int]:
    """Right speakers (all attributions, those with marks) with the rules' choice and with
    the ranker's choice."""
    from analysis_utils.quotes.ranker import choose

    before = after = before_m = after_m = 0
    for e in examples:
        rule = next((y for c, y in zip(e["cands"], e["labels"]) if c.rule), 0)
        pick = choose(e["cands"], model) if e["cands"] else None
        got = rule if pick is None else e["labels"][e["cands"].index(pick)]
        before += rule
        after += got
        if e["marked"]:
            before_m += rule
            after_m += got
    return before, after, before_m, after_m


def train_ranker(fit, check, lexicon, out: Path) -> None:
    import numpy as np

    from analysis_utils.quotes.ranker import SpeakerRanker

    ex_fit, ex_check = ranker_examples(fit, lexicon), ranker_examples(check, lexicon)
    names = sorted({f for e in ex_fit + ex_check for c in e["cands"] for f in c.features})
    col = {f: k for k, f in enumerate(names)}

    def matrix(examples):
        rows = [(c.features, y) for e in examples for c, y in zip(e["cands"], e["labels"])]
        A = np.zeros((len(rows), len(names)))
        for i, (feats, _) in enumerate(rows):
            for f in feats:
                A[i, col[f]] = 1.0
        return A, np.array([y for _, y in rows], dtype=float)

    def fitted(examples, C):
        A, y = matrix(examples)
        b0, w = fit_logistic(A, y, C)
        return b0, {f: float(v) for f, v in zip(names, w) if abs(v) > 1e-6}

    # L2 penalty: 5-fold cross-validated log loss on the fit half (folds by attribution)
    best = None
    for C in C_VALUES:
        ll, n = 0.0, 0
        for k in range(5):
            tr = [e for i, e in enumerate(ex_fit) if i % 5 != k]
            te = [e for i, e in enumerate(ex_fit) if i % 5 == k]
            b0, w = fitted(tr, C)
            for e in te:
                for c, y in zip(e["cands"], e["labels"]):
                    p = 1.0 / (1.0 + np.exp(-(b0 + sum(w.get(f, 0.0) for f in c.features))))
                    ll -= y * np.log(p + 1e-9) + (1 - y) * np.log(1 - p + 1e-9)
                    n += 1
        print(f"  ranker C={C}: cross-validated log loss {ll / max(n, 1):.4f}")
        if best is None or ll / max(n, 1) < best[0] - 1e-12:
            best = (ll / max(n, 1), C)
    C = best[1]
    # the threshold: the one with the most right speakers out of fold (fit -> check, check -> fit)
    halves = [(fitted(ex_fit, C), ex_check), (fitted(ex_check, C), ex_fit)] if ex_check else []
    chosen, best_right = (MIN_PROBABILITIES[0], MAX_RULE_PROBABILITIES[0]), -1
    for t in MIN_PROBABILITIES:
        for r in MAX_RULE_PROBABILITIES:
            tot = [0, 0, 0, 0]
            for (b0, w), held in halves:
                for i, v in enumerate(_decide(SpeakerRanker(b0, w, t, r), held)):
                    tot[i] += v
            n_all, n_m = len(ex_fit) + len(ex_check), sum(e["marked"] for e in ex_fit + ex_check)
            print(f"  min_probability {t}, max_rule_probability {r}: out of fold, right speakers all "
                  f"{tot[0]} -> {tot[1]} of {n_all}; with marks {tot[2]} -> {tot[3]} of {n_m}")
            if tot[1] > best_right:
                chosen, best_right = (t, r), tot[1]
    b0, w = fitted(ex_fit + ex_check, C)
    data = {"about": "Speaker ranker learned from PolNeAR train by benchmarks/train_quotes.py "
                     "(logistic regression over analysis_utils.quotes.ranker.candidates' features).",
            "version": 1, "C": C, "intercept": round(b0, 5),
            "weights": {f: round(v, 5) for f, v in sorted(w.items())},
            "min_probability": chosen[0], "max_rule_probability": chosen[1],
            "attributions": len(ex_fit) + len(ex_check)}
    out.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {out}: {len(data['weights'])} weights, C={C}, min_probability {chosen[0]}, "
          f"max_rule_probability {chosen[1]}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--jobs", type=int, default=2, help="worker processes (default 2)")
    ap.add_argument("--out", type=Path, default=OUT, help="the learned cue lexicon (JSON)")
    ap.add_argument("--confidence-out", type=Path, default=CONF_OUT, help="the speaker-confidence model (JSON)")
    ap.add_argument("--limit", type=int, default=0, help="use the first N train texts only (a quick run)")
    ap.add_argument("--tagger-out", type=Path, default=TAGGER_OUT, help="the cue tagger (JSON)")
    ap.add_argument("--ranker-out", type=Path, default=RANKER_OUT, help="the speaker ranker (JSON)")
    ap.add_argument("--only", choices=("cues", "tagger", "ranker", "confidence"),
                    help="one stage (confidence: with the cue lexicon already at --out)")
    args = ap.parse_args()
    if not TRAIN.is_dir():
        sys.exit(f"PolNeAR train not found at {TRAIN} (set NEWS_KIT_SHARED)")
    global _DOCS, _MAPPING
    t0 = time.time()
    docs = train_documents()
    if args.limit:
        docs = docs[:args.limit]
    fit = [d for d in docs if fit_half(d[0])]
    check = [d for d in docs if not fit_half(d[0])]
    _MAPPING = read_mapping(ROOT / "data" / "cue_verbs.yml")
    base_lex = lexicon_from_mapping(_MAPPING)
    if args.only in ("tagger", "ranker", "confidence"):
        learned = json.loads(args.out.read_text(encoding="utf-8"))
        lexicon = lexicon_from_mapping(merged(_MAPPING, learned))
        if args.only == "tagger":
            train_tagger(docs, lexicon, args.tagger_out)
            return
        from dataclasses import replace

        from analysis_utils.quotes.cue_model import load_tagger

        lexicon = replace(lexicon, tagger=load_tagger(args.tagger_out))
        if args.only == "ranker":
            train_ranker(fit, check, lexicon, args.ranker_out)
            return
        train_confidence(fit, check, lexicon, args.confidence_out, args.ranker_out)
        return
    known = set(base_lex.single) | set(base_lex.multi)
    cands = candidates(fit, known)
    print(f"{len(docs)} train texts: fit {len(fit)}, check {len(check)}; {len(cands)} candidate words")
    _DOCS = fit
    words_of_doc = [set(w.lower() for w in _WORD.findall(t)) for _, t, _ in fit]
    jobs = []
    for k, cand in enumerate(cands):
        ids = [i for i, ws in enumerate(words_of_doc) if ws & set(cand["forms"])]
        for group in TRY_GROUPS:
            jobs.append((k, cand, group, ids))
    base_by_doc = {}
    for i, d in enumerate(fit):
        base_by_doc[i] = score([d], base_lex)
    import multiprocessing as mp

    with mp.get_context("fork").Pool(args.jobs) as pool:
        results = pool.map(_trial, jobs, chunksize=1)
    best: dict[int, tuple[float, str, dict]] = {}
    for (k, group, s), (_, cand, _, ids) in zip(results, jobs):
        base = {"all": bq.Score(), "marks": bq.Score()}
        for i in ids:
            for key in base:
                base[key].add(base_by_doc[i][key])
        d_tp = s["all"].tp - base["all"].tp
        d_pred = s["all"].n_pred - base["all"].n_pred
        d_spk = s["marks"].spk_right - base["marks"].spk_right
        d_marks = 2 * (s["marks"].tp - base["marks"].tp) - MARKS_PRICE * (s["marks"].n_pred - base["marks"].n_pred)
        d_n, d_right = s["all"].spk_n - base["all"].spk_n, s["all"].spk_right - base["all"].spk_right
        gain = 2 * d_tp - PRICE * d_pred
        stats = {"new_matches": d_tp, "new_predictions": d_pred, "marks_speakers": d_spk,
                 "new_speakers": d_n, "new_right_speakers": d_right}
        ok = (d_tp >= MIN_GAIN and d_pred > 0 and d_tp / d_pred >= MIN_PRECISION and d_spk >= 0
              and d_marks >= 0 and (d_n < 3 or d_right >= MIN_SPEAKERS * d_n))
        if ok and (k not in best or gain > best[k][0]):
            best[k] = (gain, group, stats)
    chosen = [(cands[k], g) for k, (gain, g, st) in sorted(best.items())]
    print(f"kept {len(chosen)} of {len(cands)} words ({time.time() - t0:.0f} s)")
    model = {
        "about": "Cue words learned from PolNeAR train by benchmarks/train_quotes.py; "
                 "added to data/cue_verbs.yml by analysis_utils.quotes.cues.default_lexicon.",
        "version": 1,
        "settings": {"min_cue": MIN_CUE, "min_rate": MIN_RATE, "min_precision": MIN_PRECISION,
                     "min_gain": MIN_GAIN, "price": PRICE, "groups": list(TRY_GROUPS)},
        "groups": {g: sorted(c["lemma"] for c, gg in chosen if gg == g) for g in TRY_GROUPS},
        "forms": {c["lemma"]: [f for f in c["forms"] if f != c["lemma"]] for c, _ in chosen if not c["regular"]},
        "evidence": {c["lemma"]: {"group": g, "cue": c["cue"], "seen": c["seen"], **best[k][2]}
                     for k, (c, g) in ((cands.index(c), (c, g)) for c, g in chosen)},
    }
    args.out.write_text(json.dumps(model, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    for name, lex in (("rules only", base_lex), ("with learned cues", lexicon_from_mapping(with_words(_MAPPING, chosen)))):
        s = score(check, lex)
        print(f"check half, {name}:\n  all attributions  {s['all'].line()}\n  with quote marks  {s['marks'].line()}")
    if args.only != "cues":
        from dataclasses import replace

        from analysis_utils.quotes.cue_model import load_tagger

        lexicon = lexicon_from_mapping(merged(_MAPPING, model))
        train_tagger(docs, lexicon, args.tagger_out)
        lexicon = replace(lexicon, tagger=load_tagger(args.tagger_out))
        train_ranker(fit, check, lexicon, args.ranker_out)
        train_confidence(fit, check, lexicon, args.confidence_out, args.ranker_out)


if __name__ == "__main__":
    main()
