"""Designs tried on PolNeAR train for issue 12 and left out of the kit, with their figures.

    .venv/bin/python benchmarks/quotes_experiments.py scare       # promote gold-covered scare quotes (an oracle)
    .venv/bin/python benchmarks/quotes_experiments.py statements  # a sentence-level detector of missed statements

Reads ``<shared>/bench/polnear_train`` only (never dev), with the fit / check halves of
``train_quotes.py`` (SHA-1 parity of the file stem). Nothing here is shipped; the
figures are quoted in ``bench_quotes.py``'s record (round 6) and in the README.

``scare``
    On the check half, every ``scare`` row whose letters lie at least half inside the
    content of a gold attribution with quotation marks is turned into a ``partial`` row
    (what a perfect scare-versus-speech classifier would do), the ranker picks its
    speaker, and quotations with marks are scored as ``bench_quotes.py`` scores them,
    beside the kit as shipped.

``statements``
    Sentences of at least 20 characters that no row of the kit covers (at most 20 % of
    their letters) are candidates; one is positive when it covers at least 30 % of a
    gold attribution the kit did not match. A logistic regression (gradient descent,
    numpy) over the words the sentence writes in lower case, the cue words of the lexicon
    in it, its length and whether it holds a quotation mark is trained on one half and
    applied to the other (both ways). A sentence kept becomes a predicted attribution;
    its speaker is the best person the shipped ranker scores among those named in the
    sentence. Printed for thresholds on the detector (``t1``) and on the speaker's score
    (``t2``): the F1 over all attributions and the speaker accuracy they would give.
"""
from __future__ import annotations

import collections
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import bench_quotes as bq  # noqa: E402
import train_quotes as tq  # noqa: E402
from analysis_utils.quotes.cues import default_lexicon  # noqa: E402
from analysis_utils.quotes.finder import _frame, _quotes, rule_rows  # noqa: E402
from analysis_utils.quotes.ranker import context_of, default_ranker, other_candidates, rerank  # noqa: E402
from analysis_utils.text.document import Document  # noqa: E402

_WORD = re.compile(r"[A-Za-z']+")


def _finish(rows: list[dict]) -> list[dict]:
    for k, r in enumerate(rows):
        r.update(quote_id=k, speaker_mention="", speaker_entity_start=None, speaker_entity_end=None,
                 speaker_confidence=None)
    return rows


def scare() -> None:
    lex = default_lexicon()
    docs = [d for d in tq.train_documents() if not tq.fit_half(d[0])]
    base, promoted, n = bq.Score(), bq.Score(), 0
    for _, text, golds in docs:
        gold = set().union(*[bq._alnum(text, g.content) for g in golds if bq.has_marks(g.text)] or [set()])
        for oracle in (False, True):
            rows, b = rule_rows(Document(text, layout="plain"), lex)
            if oracle:
                for r in rows:
                    letters = bq._alnum(text, [(r["start"], r["end"])])
                    if r["kind"] == "scare" and letters and len(letters & gold) / len(letters) >= 0.5:
                        r["kind"] = "partial"
                        n += 1
            rerank(rows, context_of(b), role_of=b.people.role)
            score = bq.score_doc(text, golds, bq.predicted(_frame(_finish(rows))), 0.3, True)
            (promoted if oracle else base).add(score)
    print(f"check half, quotations with marks, 30 %:\n  kit            {base.line()}\n"
          f"  {n} promoted    {promoted.line()}")


def _sentence_examples(docs, lex, ranker) -> tuple[list[dict], list[int]]:
    out, totals = [], [0, 0, 0, 0, 0]  # gold, predicted, matched, speakers scored, speakers right
    for stem, text, golds in docs:
        doc = Document(text, layout="plain")
        rows, b = rule_rows(doc, lex)
        ctx = context_of(b)
        shipped = _quotes(doc, lex)
        covered = {i for r in shipped for i in range(r["start"], r["end"])}
        preds = bq.predicted(_frame(shipped))
        s = bq.score_doc(text, golds, preds, 0.3, False)
        for k, v in enumerate((s.n_gold, s.n_pred, s.tp, s.spk_n, s.spk_right)):
            totals[k] += v
        matched = {gi for gi, _ in bq.match(text, golds, preds, 0.3)}
        gsets = [bq._alnum(text, g.content) for g in golds]
        for a, e, _ in doc.sentence_spans:
            sentence = text[a:e]
            letters = bq._alnum(text, [(a, e)])
            if len(sentence.strip()) < 20 or not letters or len(letters & covered) / len(letters) > 0.2:
                continue
            hit = next((gi for gi, gs in enumerate(gsets) if gi not in matched and gs
                        and len(gs & letters) / len(gs) >= 0.3), None)
            words = _WORD.findall(sentence)
            low = [w.lower() for w in words]
            feats = {"bias", f"len={min(len(words) // 5, 8)}"} | {"w=" + w for w in words if w[:1].islower()}
            for k in range(len(low)):
                cue = lex.match(low, k)
                if cue is not None:
                    feats |= {"cue=" + cue.group, "lemma=" + cue.lemma}
            if any(c in sentence for c in "\"“”"):
                feats.add("quote")
            pseudo = [{"kind": "indirect", "start": e - 1, "end": e, "cue_start": None, "cue_end": None,
                       "speaker": "", "speaker_start": None, "speaker_end": None, "speech": False,
                       "speaker_via": "", "anonymous": False, "paragraph": 0, "attribution": -1,
                       "speaker_role": ""}]
            best, best_p = None, 0.0
            for c in other_candidates(pseudo, ctx):
                if c.start is not None and a <= c.start < e:
                    p = ranker.probability(c.features)
                    if p > best_p:
                        best, best_p = c, p
            right = None
            if hit is not None and golds[hit].source and not bq.is_pronoun_source(golds[hit].source):
                g = golds[hit]
                right = bool(best is not None and (bq.speaker_right(best.name, g.source) or any(
                    x < best.end and best.start < y for x, y in g.source_spans)))
            out.append({"fit": tq.fit_half(stem), "feats": feats, "y": int(hit is not None), "right": right,
                        "speaker_p": best_p if best is not None else -1.0})
    return out, totals


def _logistic(train: list[dict], test: list[dict]):
    import numpy as np

    counts = collections.Counter(f for d in train for f in d["feats"])
    vocab = sorted(f for f, c in counts.items() if c >= 5)
    col = {f: i for i, f in enumerate(vocab)}

    def matrix(ds):
        A = np.zeros((len(ds), len(vocab)), dtype=np.float32)
        for i, d in enumerate(ds):
            for f in d["feats"]:
                if f in col:
                    A[i, col[f]] = 1.0
        return A

    A, y, w = matrix(train), np.array([d["y"] for d in train], dtype=float), np.zeros(len(vocab))
    for _ in range(400):
        p = 1.0 / (1.0 + np.exp(-(A @ w)))
        w -= 0.5 * (A.T @ (p - y) / len(y) + 1e-3 * w)
    return 1.0 / (1.0 + np.exp(-(matrix(test) @ w)))


def statements() -> None:
    import numpy as np

    examples, (n_gold, n_pred, n_tp, n_spk, n_right) = _sentence_examples(tq.train_documents(), default_lexicon(),
                                                                         default_ranker())
    fit = [d for d in examples if d["fit"]]
    check = [d for d in examples if not d["fit"]]
    probs = np.concatenate([_logistic(fit, check), _logistic(check, fit)])
    held = check + fit
    print(f"train, the kit: all attributions F1 {100 * 2 * n_tp / (n_gold + n_pred):.2f}, "
          f"speaker {100 * n_right / n_spk:.2f} %; {len(examples)} uncovered sentences, "
          f"{sum(d['y'] for d in examples)} positive")
    for t1 in (0.4, 0.5, 0.6):
        for t2 in (0.0, 0.5, 0.7):
            kept = [d for d, p in zip(held, probs) if p >= t1 and (t2 == 0.0 or d["speaker_p"] >= t2)]
            tp = sum(d["y"] for d in kept)
            scored = [d for d in kept if d["right"] is not None]
            right = sum(bool(d["right"]) for d in scored)
            f1 = 2 * (n_tp + tp) / (n_gold + n_pred + len(kept))
            acc = (n_right + right) / (n_spk + len(scored))
            print(f"  t1 {t1} t2 {t2}: {len(kept)} statements added ({tp} matched); all attributions F1 "
                  f"{100 * f1:.2f}, speaker {100 * acc:.2f} % (their speakers {right}/{len(scored)} right)")


if __name__ == "__main__":
    which = sys.argv[1] if len(sys.argv) > 1 else ""
    if which not in ("scare", "statements"):
        sys.exit(__doc__.split("\n\n")[1])
    if not tq.TRAIN.is_dir():
        sys.exit(f"PolNeAR train not found at {tq.TRAIN} (set NEWS_KIT_SHARED)")
    {"scare": scare, "statements": statements}[which]()
