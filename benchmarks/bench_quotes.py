"""Quote attribution benchmark: PolNeAR dev and the seed's reference annotation.

    .venv/bin/python benchmarks/bench_quotes.py            # all figures
    .venv/bin/python benchmarks/bench_quotes.py --no-speed # skip the throughput run
    .venv/bin/python benchmarks/bench_quotes.py --tuning-only --no-speed  # no held-out figure
    .venv/bin/python benchmarks/bench_quotes.py --errors 40  # speaker errors, tuning half only

Reads ``../shared`` (override with the NEWS_KIT_SHARED environment variable); nothing is
copied into the repository.

PolNeAR dev (``bench/polnear_dev``)
-----------------------------------
``text/<doc>.txt`` and ``attributions/<doc>_<annotator>.ann`` (BRAT standoff). A gold
attribution is an ``E`` line joining a ``Content`` span (possibly discontinuous), a
``Cue`` and usually a ``Source``. Two texts were annotated by six annotators each; the
score uses **one annotation per text, the alphabetically first .ann file**; the other
five are used only for the inter-annotator reference figure.

Split (tuning protocol): a document is in the *tuning* half when the SHA-1 of its file
stem (UTF-8), read as an integer, is even, else in the *held-out* half (43 / 41
documents). The rules were tuned looking at the tuning half only; the held-out half was
only scored (aggregate figures), its texts and individual errors never read.

Record of the tuning rounds (with quote marks, 30 %, speaker accuracy; held-out figures
were only read as these totals):

* round 1 (quote marks, cues, speakers): tuning 92.3 %, held-out 86.0 % (F1 92.3 / 89.5);
* round 2 (general speaker rules: gender of common given names, the main bearer of a
  shared surname, abbreviated titles in descriptions, nicknames inside names, lead-in
  sentences, inverted *asked X*, *according to X* after a quotation, appositions with a
  parenthesis): tuning 93.4 %, held-out 86.0 % (F1 92.7 / 89.4); all attributions
  93.8 -> 94.2 % tuning, 88.6 -> 89.2 % held-out. The rules fixed tuning errors without
  moving the held-out figure: the remaining held-out gap was not closed by rules that
  generalise, and none were added after that.
* round 3 (general news patterns, found mostly with hand-written test paragraphs, not with
  the tuning errors: the horizontal bar ``―`` as a dash in appositions, possessor
  descriptors with a named apposition, capitalised role words and titles over *of* before
  names, middle initials and *al-* particles in names, a gender from the role noun,
  *-ly* adverbs before cues, more cue verbs, headline cues of named people, colon lead-ins
  after possessive speech nouns or a new clause subject, a cue-less quotation after a
  paragraph about a named person, a new subject between two quotations, *it* of an
  institution in its own sentence, coordinated subjects, prose lines not taken for
  crossheads): tuning 94.6 %, held-out 86.7 % (209/241; F1 92.9 / 90.4); all attributions
  95.1 % tuning, 89.2 % held-out. The held-out summary was read three times in this round
  (86.0 -> 86.6 -> 86.7 %); the gap remains, mostly empty speakers (18 of 32 held-out
  misses, 11 of them only at 30 % coverage).
* round 4 (general patterns only, from hand-written paragraphs and from quotation
  sentences of NewsMTSC's *train* file -- real news sentences of another task, read
  for their shapes; no PolNeAR held-out text or error): speech nouns with a possessor
  (*Trump's claim that ... "rigged"*, *In X's words,*), passive cues with an agent
  (*was described by one official as*), *quoted as saying*, gerunds (*thanked X for
  saying*, *after saying*, *despite admitting*), colon lead-ins of institutions and
  pronouns, relative clauses (cues inside them, restrictive *who*), wire datelines, a
  place after a name, names modifying institution nouns (*the Clinton campaign*),
  *a group called "X"* as a name, a short aside paragraph inside a speaker's turn, and
  (from the last tuning errors) the subject before a participle phrase (*A GAO report
  released last year found*), a time phrase after the subject (*The Security Council
  on Friday made*), a reported clause stopping before a quotation joined to another
  name by a dash, *they* for an earlier plural subject: tuning 94.6 -> 96.2 %, held-out
  86.7 -> 87.2 % (211/242; F1 90.4 -> 90.3); all attributions 89.2 -> 89.3 %. Held-out
  summary read four times in this round (87.2 each time; the last only to report the
  final code): the held-out misses (17 empty speakers, 10 of them only at 30 %
  coverage) are not in these constructions either.

* round 5 (issue 12: learning from PolNeAR **train**, 840 articles; dev is now held out
  as a whole from everything learned, its halves printed for continuity): three small
  models from ``benchmarks/train_quotes.py`` (learned cue words, a cue tagger, speaker
  confidence), and general rules found on *train* errors and hand-written cases (speaker
  phrases after a quotation whatever the verb or head noun, *of Place* after a name,
  progressives after an apposition, party members as heads, institution references,
  descriptions and ages from appositions, the one person of a pronoun's gender, page
  labels are no transcript speakers). Each figure is printed twice, ``rules`` (the
  hand-written lexicon alone, no learned part, nothing dropped) and ``learned`` (the
  shipped kit), from the same run. Dev summaries were read three times in this round, as
  totals only (never an error): once mid-round, then for the final models (retrained on
  train after a speed fix and after unit tests showed the speaker confidence dropping
  the pieces of one quotation apart -- it now scores attributions), then for the code
  committed. Final, whole dev, 30 %: with marks F1 91.7 -> 91.8, speaker 91.8 -> 91.5 %;
  all attributions F1 70.5 -> 72.8, speaker 92.7 -> 91.7 % (rules -> learned); the
  held-out half: with marks F1 90.2, speaker 87.6 %; all attributions F1 71.3.
* round 6 (issue 12, second round): a learned **speaker ranker** (``quotes/ranker.py``,
  trained on PolNeAR train by ``train_quotes.py --only ranker``) weighs an unsure or
  missing rules' speaker against the people named nearby and the phrases beside the cue;
  speaker confidence retrained after it. Tuned on train only (out of fold over its two
  halves: with marks 3,937 -> 4,017 right speakers of 4,321, all 8,499 -> 8,585 of 9,356).
  Dev read twice, as totals: once for the ranker trained stage by stage (with marks F1
  91.8, speaker 92.7 %; all attributions F1 72.8, speaker 92.7 %), then for the shipped
  models, retrained in one run of ``train_quotes.py`` (the cue words it keeps changed by
  five, since their selection now runs the kit with the ranker): whole dev, 30 %, with
  marks F1 91.6, speaker 92.6 % (rules alone in the same run 91.7 / 91.8 %); all
  attributions F1 72.6, speaker 92.7 % (rules alone 70.5 / 92.7 %). Tried on train and left out
  (``benchmarks/quotes_experiments.py``): promoting to speech exactly the scare quotes that
  lie inside gold attributions (an oracle: with-marks F1 on the check half 90.7 -> 89.6,
  speaker 91.1 -> 89.2 %); a sentence-level detector of the statements the kit misses
  (out of fold, all-attribution F1 71.5 -> 78.6, but the ranker finds the right speaker
  for 23 % of them, 57 % of the confident ones, so the speaker figure falls to 78.9 %, or
  the F1 gain vanishes).

Predictions: rows of :func:`analysis_utils.quotes.find_quotes` of kind ``direct``,
``partial``, ``indirect`` and ``headline`` (``scare`` rows are not speech). Rows sharing
an ``attribution`` id form one predicted attribution (their spans united), since one
PolNeAR attribution holds all the pieces introduced by one cue (``"A," he said. "B."``)
and a partial quotation together with its reported clause. The per-row figure is
printed too.

Matching: a prediction matches a gold attribution when it covers at least 30 % (and,
separately, 80 %) of the gold content's letters and digits (quotation marks, spaces and
punctuation are not counted, so a quotation's marks do not matter); pairs are taken
greedily by coverage, one to one. Precision, recall and F1 over attributions.

Speaker accuracy (among matched pairs whose gold ``Source`` exists and is not a pronoun,
i.e. not *he, she, they, it, we, I, you, who, which, that* and the like): both strings
are lower-cased; titles (*Mr., Sen., President, Gov.* ...), a leading *the*, a possessive
*'s*, single-letter initials (*Loretta E. Lynch*) and punctuation are removed; the gold
source is cut at commas and parentheses into pieces (``Derek Mitchell, who served as
...`` -> ``derek mitchell``, ``who served as ...``), and both are cut at *and* (``Mr.
Grassley and Mr. Leahy``); the prediction is right when each of its pieces equals,
contains or is contained in one of the gold pieces (substring test, pieces of at least
three characters). An empty predicted speaker counts as wrong. The line also gives the
share right among predictions that named a speaker, and a second figure that also
counts as right a prediction whose speaker *mention* (``speaker_start:speaker_end``:
the pronoun or descriptor it resolved) overlaps the gold source span -- the string rule
calls ``Barack Obama`` wrong for a gold source ``the president``.

"With quotation marks": gold attributions whose content contains a double quotation
mark (``" “ ” ''``), an opening single curly mark ``‘`` or a straight ``'`` opening a
quotation, against predicted attributions that contain a ``direct``, ``partial`` or
``headline`` row or whose text contains such a mark.

Seed (``gold/seed_article_gold.yml``)
-------------------------------------
The 7 gold quotations (kind, speaker, cue, exact text) against the quotation rows,
the 11 scare quotes (any reported as speech is an error) and the 5 reported statements
(found as ``indirect`` on their line with their cue, or as the speaker of a
direct/partial quotation with that cue).
"""
from __future__ import annotations

import argparse
import hashlib
import os
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis_utils.quotes import find_quotes  # noqa: E402

SHARED = Path(os.environ.get("NEWS_KIT_SHARED", ROOT.parent / "shared"))
POLNEAR = SHARED / "bench" / "polnear_dev"
SEED_GOLD = SHARED / "gold" / "seed_article_gold.yml"
SEED = ROOT / "data/raw/2024-06-17_asia-business-daily_putin-pyongyang-visit.txt"
SPEECH_KINDS = ("direct", "partial", "indirect", "headline")
PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "who", "which", "that", "him", "her", "them",
            "us", "me", "his", "its", "their", "whom", "one", "this", "these", "those"}
TITLES = ("mr", "mrs", "ms", "miss", "dr", "sen", "senator", "rep", "gov", "governor", "president",
          "vice president", "prof", "professor", "gen", "general", "secretary", "mayor", "judge",
          "justice", "chief justice", "chairman", "chairwoman", "minister", "prime minister",
          "speaker", "leader", "ambassador", "former", "the", "a", "an", "rev", "sir", "lady")


# --- PolNeAR ------------------------------------------------------------------------------

@dataclass
class Gold:
    content: list[tuple[int, int]]
    source: str = ""
    source_spans: list[tuple[int, int]] = field(default_factory=list)
    cue: str = ""
    text: str = ""
    cue_spans: list[tuple[int, int]] = field(default_factory=list)


def parse_ann(path: Path) -> list[Gold]:
    spans: dict[str, tuple[str, list[tuple[int, int]], str]] = {}
    rels = []
    last = None
    for line in path.read_text(encoding="utf-8").split("\n"):
        if "\t" not in line:  # a span text with a line break runs on here (polnear_train)
            if last is not None and line:
                typ, offs, txt = spans[last]
                spans[last] = (typ, offs, txt + "\n" + line)
            continue
        if line.startswith("T"):
            last = line.split("\t", 1)[0]
            tid, mid, txt = line.split("\t", 2)
            typ, offs = mid.split(" ", 1)
            spans[tid] = (typ, [tuple(map(int, o.split())) for o in offs.split(";")], txt)
        elif line.startswith("E"):
            _, rest = line.split("\t", 1)
            rels.append(dict(r.split(":", 1) for r in rest.split()))
    out = []
    for r in rels:
        if "Content" not in r or r["Content"] not in spans:
            continue
        c = spans[r["Content"]]
        g = Gold(c[1], text=c[2])
        if "Source" in r and r["Source"] in spans:
            g.source, g.source_spans = spans[r["Source"]][2], spans[r["Source"]][1]
        if "Cue" in r and r["Cue"] in spans:
            g.cue, g.cue_spans = spans[r["Cue"]][2], spans[r["Cue"]][1]
        out.append(g)
    return out


def half(stem: str) -> str:
    return "tuning" if int(hashlib.sha1(stem.encode()).hexdigest(), 16) % 2 == 0 else "held-out"


def documents() -> list[tuple[str, str, list[Path]]]:
    docs = []
    for t in sorted((POLNEAR / "text").glob("*.txt")):
        anns = sorted((POLNEAR / "attributions").glob(t.stem + "_*.ann"))
        docs.append((t.stem, t.read_text(encoding="utf-8"), anns))
    return docs


def _alnum(text: str, spans) -> set[int]:
    return {i for a, b in spans for i in range(a, b) if text[i].isalnum()}


def predicted(df, grouped: bool = True) -> list[dict]:
    rows = df[df["kind"].isin(SPEECH_KINDS)]
    out = []
    if not grouped:
        for r in rows.itertuples():
            out.append({"spans": [(r.start, r.end)], "speaker": r.speaker,
                        "marked": r.kind != "indirect" or has_marks(r.text),
                        "mention": None if r.speaker_start is None or str(r.speaker_start) == "<NA>"
                        else (int(r.speaker_start), int(r.speaker_end))})
        return out
    for _, g in rows.groupby("attribution", sort=True):
        named = g[g["speaker"] != ""]
        first = named.iloc[0] if len(named) else g.iloc[0]
        mention = None
        if str(first["speaker_start"]) != "<NA>":
            mention = (int(first["speaker_start"]), int(first["speaker_end"]))
        out.append({"spans": list(zip(g["start"], g["end"])), "speaker": str(first["speaker"]),
                    "marked": bool((g["kind"] != "indirect").any()) or any(has_marks(t) for t in g["text"]),
                    "mention": mention})
    return out


def norm_name(s: str) -> str:
    s = s.lower().replace("’", "'")
    s = re.sub(r"'s\b", "", s)
    s = re.sub(r"[^\w\s-]", " ", s)
    s = " ".join(w for w in s.split() if len(w) > 1 or not w.isalpha())  # middle initials
    changed = True
    while changed:
        changed = False
        for t in TITLES:
            if s.startswith(t + " "):
                s = s[len(t) + 1:]
                changed = True
    return s.strip()


def is_pronoun_source(source: str) -> bool:
    return norm_name(source) in PRONOUNS or source.strip().lower() in PRONOUNS


def speaker_right(pred: str, gold_source: str) -> bool:
    preds = [norm_name(x) for x in re.split(r"\band\b|&", pred)]
    golds = [norm_name(x) for x in re.split(r"[,()]|\band\b|&", gold_source)]
    golds = [g for g in golds if len(g) >= 3]
    if not preds or any(len(p) < 3 for p in preds):
        return False
    return all(any(p in g or g in p for g in golds) for p in preds)


def match(text: str, golds: list[Gold], preds: list[dict], threshold: float):
    gsets = [_alnum(text, g.content) for g in golds]
    psets = [_alnum(text, p["spans"]) for p in preds]
    pairs = []
    for gi, gs in enumerate(gsets):
        if not gs:
            continue
        for pi, ps in enumerate(psets):
            cov = len(gs & ps) / len(gs)
            if cov >= threshold:
                pairs.append((cov, gi, pi))
    pairs.sort(key=lambda x: (-x[0], x[1], x[2]))
    used_g, used_p, out = set(), set(), []
    for cov, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((gi, pi))
    return out


_SINGLE_OPEN = re.compile(r"(?:^|[\s(\[—-])'(?=[A-Za-z])")


def has_marks(s: str) -> bool:
    """A double quotation mark, ``‘``, or a straight ``'`` opening a quotation."""
    return any(c in s for c in "\"“”‘„«»") or "''" in s or bool(_SINGLE_OPEN.search(s))


@dataclass
class Score:
    tp: int = 0
    n_pred: int = 0
    n_gold: int = 0
    spk_n: int = 0
    spk_right: int = 0
    spk_empty: int = 0
    spk_mention_right: int = 0

    def add(self, other: "Score") -> None:
        for k in vars(self):
            setattr(self, k, getattr(self, k) + getattr(other, k))

    def line(self) -> str:
        p = self.tp / self.n_pred if self.n_pred else 0.0
        r = self.tp / self.n_gold if self.n_gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        acc = self.spk_right / self.spk_n if self.spk_n else 0.0
        acc2 = self.spk_mention_right / self.spk_n if self.spk_n else 0.0
        named = self.spk_n - self.spk_empty
        prec = self.spk_right / named if named else 0.0
        return (f"P {100 * p:5.1f}  R {100 * r:5.1f}  F1 {100 * f:5.1f}  | speaker {100 * acc:5.1f} % "
                f"({self.spk_right}/{self.spk_n}; empty {self.spk_empty}, wrong "
                f"{self.spk_n - self.spk_right - self.spk_empty}; right among named {100 * prec:5.1f} %; "
                f"with mention rule {100 * acc2:5.1f} %)  [gold {self.n_gold}, pred {self.n_pred}, tp {self.tp}]")


def score_doc(text: str, golds: list[Gold], preds: list[dict], threshold: float, marked_only: bool) -> Score:
    if marked_only:
        golds = [g for g in golds if has_marks(g.text)]
        preds = [p for p in preds if p["marked"]]
    s = Score(n_pred=len(preds), n_gold=len(golds))
    for gi, pi in match(text, golds, preds, threshold):
        s.tp += 1
        g, p = golds[gi], preds[pi]
        if not g.source or is_pronoun_source(g.source):
            continue
        s.spk_n += 1
        if not p["speaker"]:
            s.spk_empty += 1
            continue
        ok = speaker_right(p["speaker"], g.source)
        s.spk_right += ok
        ment = p["mention"]
        overlap = ment is not None and any(a < ment[1] and ment[0] < b for a, b in g.source_spans)
        s.spk_mention_right += ok or overlap
    return s


def speaker_errors(limit: int) -> None:
    """Print up to ``limit`` wrong or empty speakers of quotations with marks (30 %),
    **tuning half only**: the held-out half's errors are never printed."""
    shown = 0
    for stem, text, anns in documents():
        if not anns or half(stem) != "tuning":
            continue
        golds = [g for g in parse_ann(anns[0]) if has_marks(g.text)]
        preds = [p for p in predicted(find_quotes(text)) if p["marked"]]
        for gi, pi in match(text, golds, preds, 0.3):
            g, p = golds[gi], preds[pi]
            if not g.source or is_pronoun_source(g.source) or (p["speaker"] and speaker_right(p["speaker"], g.source)):
                continue
            a = min(a for a, _ in g.content)
            ctx = text[max(0, a - 300):a + 250].replace("\n", " / ")
            print(f"--- {stem} @{a}: gold {g.source!r} (cue {g.cue!r}), predicted {p['speaker']!r}\n    {ctx}")
            shown += 1
            if shown >= limit:
                return


def rules_only_lexicon():
    """The hand-written lexicon alone (``data/cue_verbs.yml``): no learned cue words, no
    cue tagger -- the rule-based figure of the same run."""
    from analysis_utils.quotes.cues import load_lexicon

    return load_lexicon(ROOT / "data" / "cue_verbs.yml")


def quotes_of_variant(text: str, variant: str):
    """The quotes table of ``text`` by the shipped kit (``learned``) or by the rules alone
    (``rules``: hand-written lexicon, no tagger, no speaker dropped for low confidence)."""
    if variant == "learned":
        return find_quotes(text)
    from analysis_utils.quotes.finder import _frame, _quotes
    from analysis_utils.text.document import Document

    return _frame(_quotes(Document(text, layout="plain"), _RULES[0], confidence=False, rank=False))


_RULES: list = []


def polnear(grouped: bool = True, tuning_only: bool = False, variants=("rules", "learned")) -> None:
    if not POLNEAR.is_dir():
        print(f"PolNeAR dev not found at {POLNEAR}; skipping")
        return
    if not _RULES:
        _RULES.append(rules_only_lexicon())
    docs = documents()
    if tuning_only:
        docs = [d for d in docs if half(d[0]) == "tuning"]
    results: dict[tuple, Score] = {}
    for stem, text, anns in docs:
        if not anns:
            continue
        golds = parse_ann(anns[0])
        for variant in variants:
            preds = predicted(quotes_of_variant(text, variant), grouped=grouped)
            for th in (0.3, 0.8):
                for marked in (False, True):
                    for part in (half(stem), "all"):
                        results.setdefault((variant, part, th, marked), Score()).add(
                            score_doc(text, golds, preds, th, marked))
    n_t = sum(half(s) == "tuning" for s, _, a in docs if a)
    n_h = sum(half(p.stem) == "held-out" for p in (POLNEAR / "text").glob("*.txt"))
    print(f"PolNeAR dev ({'attributions = rows grouped by attribution id' if grouped else 'one row = one prediction'}); "
          f"all of dev is held out from the learned models (trained on polnear_train); the rules were tuned on "
          f"the tuning half ({n_t} docs) in earlier rounds, never on the held-out half ({n_h} docs)")
    for marked in (False, True):
        for th in (0.3, 0.8):
            label = "with quote marks" if marked else "all attributions"
            for part in (("tuning",) if tuning_only else ("all", "tuning", "held-out")):
                for variant in variants:
                    print(f"  {label:17} {int(th * 100)}%  {part:8} {variant:7}  "
                          f"{results[(variant, part, th, marked)].line()}")


def agreement() -> None:
    """Annotator against annotator on the texts annotated several times (a human ceiling)."""
    if not POLNEAR.is_dir():
        return
    tot = {(th, m): Score() for th in (0.3, 0.8) for m in (False, True)}
    n = 0
    for stem, text, anns in documents():
        if len(anns) < 2:
            continue
        parsed = [parse_ann(a) for a in anns]
        for i, gi in enumerate(parsed):
            for j, gj in enumerate(parsed):
                if i == j:
                    continue
                preds = [{"spans": g.content, "speaker": g.source, "marked": has_marks(g.text),
                          "mention": None} for g in gj]
                for th, m in tot:
                    tot[(th, m)].add(score_doc(text, gi, preds, th, m))
                n += 1
    if n:
        print(f"PolNeAR inter-annotator reference ({n} ordered annotator pairs on the multiply annotated texts; "
              "pronoun sources excluded as above):")
        for (th, m), s in tot.items():
            print(f"  {'with quote marks' if m else 'all attributions':17} {int(th * 100)}%  {s.line()}")


# --- seed ---------------------------------------------------------------------------------

def _line_offsets(text: str) -> list[int]:
    offs, pos = [0], 0
    for line in text.splitlines(keepends=True):
        pos += len(line)
        offs.append(pos)
    return offs


def _find_on_line(text: str, offs: list[int], line: int, needle: str, nth: int = 1) -> tuple[int, int]:
    a, b = offs[line - 1], offs[line]
    k = a - 1
    for _ in range(nth):
        k = text.index(needle, k + 1, b)
    return k, k + len(needle)


def seed() -> None:
    if not SEED_GOLD.is_file():
        print(f"seed gold not found at {SEED_GOLD}; skipping")
        return
    import yaml

    from analysis_utils import load_article
    from analysis_utils.quotes import find_quotes_in_article

    gold = yaml.safe_load(SEED_GOLD.read_text(encoding="utf-8"))
    art = load_article(SEED)
    text = art.text
    offs = _line_offsets(text)
    df = find_quotes_in_article(art)
    quotes = df[df["kind"].isin(("direct", "partial", "headline"))]
    gspans = []
    for q in gold["quotes"]:
        if "text" in q:
            gspans.append(_find_on_line(text, offs, q["line"], q["text"]))
        else:
            a, _ = _find_on_line(text, offs, q["line"], q["text_starts"])
            _, b = _find_on_line(text, offs, q["line"], q["text_ends"])
            gspans.append((a, b))
    for th in (0.3, 0.8):
        golds = [Gold([s], source=q.get("speaker") or "") for s, q in zip(gspans, gold["quotes"])]
        preds = [{"spans": [(r.start, r.end)], "speaker": r.speaker, "marked": True, "mention": None}
                 for r in quotes.itertuples()]
        pairs = match(text, golds, preds, th)
        tp = len(pairs)
        p, r = tp / max(1, len(preds)), tp / len(golds)
        f = 2 * p * r / (p + r) if p + r else 0
        exact = sum(quotes.iloc[pi]["start"] == gspans[gi][0] and quotes.iloc[pi]["end"] == gspans[gi][1]
                    for gi, pi in pairs)
        kind_ok = sum(quotes.iloc[pi]["kind"] == gold["quotes"][gi]["kind"] for gi, pi in pairs)
        spk_ok = sum(quotes.iloc[pi]["speaker"] == (gold["quotes"][gi].get("speaker") or "") for gi, pi in pairs)
        cue_ok = sum(quotes.iloc[pi]["cue"] == gold["quotes"][gi]["cue"] for gi, pi in pairs
                     if "cue" in gold["quotes"][gi])
        n_cue = sum("cue" in gold["quotes"][gi] for gi, _ in pairs)
        print(f"seed quotations {int(th * 100)}%: P {100 * p:.1f} R {100 * r:.1f} F1 {100 * f:.1f} "
              f"(gold {len(golds)}, predicted {len(preds)}); exact text {exact}/{tp}, kind {kind_ok}/{tp}, "
              f"speaker {spk_ok}/{tp}, cue {cue_ok}/{n_cue}")
    speech = df[df["kind"].isin(SPEECH_KINDS)]
    bad = 0
    for sq in gold["scare_quotes"]:
        a, b = _find_on_line(text, offs, sq["line"], sq["text"], sq.get("nth", 1))
        bad += bool(((speech["start"] == a) & (speech["end"] == b)).any())
    print(f"seed scare quotes reported as speech: {bad}/{len(gold['scare_quotes'])}")
    found = src = anon = 0
    for rs in gold["reported_speech"]:
        a, b = offs[rs["line"] - 1], offs[rs["line"]]
        cand = df[(df["start"] >= a) & (df["start"] < b) & (df["cue"].str.lower() == rs["cue"].lower())
                  & df["kind"].isin(("indirect", "direct", "partial"))]
        if len(cand):
            found += 1
            row = cand.iloc[0]
            src += row["speaker"].lower() == rs["source"].lower()
            anon += bool(row["anonymous"]) == bool(rs["anonymous"])
    n = len(gold["reported_speech"])
    print(f"seed reported speech: found {found}/{n}, source right {src}/{n}, anonymity right {anon}/{n}; "
          f"indirect rows in all: {(df['kind'] == 'indirect').sum()}")


# --- speed --------------------------------------------------------------------------------

def throughput(seconds: float = 20.0) -> None:
    texts = [SEED.read_text(encoding="utf-8")]
    if POLNEAR.is_dir():
        texts += [t for _, t, _ in documents()]
    find_quotes(texts[0])  # load the lexicon
    n, t0 = 0, time.perf_counter()
    chars = 0
    while time.perf_counter() - t0 < seconds:
        for t in texts:
            find_quotes(t)
            n += 1
            chars += len(t)
    dt = time.perf_counter() - t0
    print(f"throughput: {n} articles ({chars / n:,.0f} chars on average) in {dt:.1f} s -> "
          f"{60 * n / dt:,.0f} articles per minute on one core")


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--no-speed", action="store_true", help="skip the throughput run")
    ap.add_argument("--tuning-only", action="store_true",
                    help="score the tuning half only (no held-out figure, no inter-annotator reference)")
    ap.add_argument("--errors", type=int, default=0, metavar="N",
                    help="print N speaker errors of the tuning half (quotations with marks) and stop")
    args = ap.parse_args()
    if args.errors:
        speaker_errors(args.errors)
        sys.exit(0)
    seed()
    polnear(grouped=True, tuning_only=args.tuning_only)
    polnear(grouped=False, tuning_only=args.tuning_only)
    if not args.tuning_only:
        agreement()
    if not args.no_speed:
        throughput()
