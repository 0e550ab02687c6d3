"""Shared fixtures. Reference data under ../shared is read, never copied; tests that
need it skip cleanly when it is absent (a user's fresh clone has no ../shared)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = Path(os.environ.get("NEWS_KIT_SHARED", ROOT.parent / "shared"))
SEED = ROOT / "data" / "raw" / "2024-06-17_asia-business-daily_putin-pyongyang-visit.txt"


ALL_NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))


def _runs_on_corpus(path: Path) -> bool:
    """A notebook marked ``{"analysis_utils": {"runs_on": "corpus"}}`` runs once over a folder
    (the report's corpus notebooks), not per article."""
    import json

    meta = json.loads(path.read_text(encoding="utf-8")).get("metadata", {})
    return (meta.get("analysis_utils") or {}).get("runs_on") == "corpus"


#: the notebooks run once per article (each of them is executed in the seed's report)
NOTEBOOKS = [p for p in ALL_NOTEBOOKS if not _runs_on_corpus(p)]
#: the notebooks run once over a folder of articles (executed in the fixture corpus's report)
CORPUS_NOTEBOOKS = [p for p in ALL_NOTEBOOKS if _runs_on_corpus(p)]
SEED_SLUG = "2024-06-17-asia-business-daily-putin-pyongyang-visit"
#: a small corpus of our own writing: 6 articles, 3 invented outlets, 3 days, named speakers
CORPUS_FIXTURE = FIXTURES / "corpus"
POLNEAR_DEV = SHARED / "bench" / "polnear_dev" / "text"


@pytest.fixture(scope="session")
def seed_report(tmp_path_factory):
    """The report command run once on the seed, from a folder that is not the project's
    (the notebooks must find the project root themselves): every notebook is executed
    here once for the whole test session, and the tests of the report, of the notebooks
    and of their figures read this run. ``(folder, stderr)``."""
    import subprocess
    import sys

    tmp = tmp_path_factory.mktemp("seed-report")
    out = tmp / "out"
    run = subprocess.run(
        [sys.executable, "-m", "analysis_utils", "report", str(SEED), "--out", str(out), "--quiet"],
        cwd=tmp, env=dict(os.environ, MPLBACKEND="Agg"), capture_output=True, text=True, timeout=900,
    )
    assert run.returncode == 0, run.stderr
    return out / SEED_SLUG, run.stderr


@pytest.fixture(scope="session")
def corpus_report(tmp_path_factory):
    """The report command run once on the fixture corpus, corpus notebook only
    (``--corpus-only``), from a folder that is not the project's: the corpus notebooks are
    executed here once for the whole test session. ``(folder, stderr)``."""
    import subprocess
    import sys

    tmp = tmp_path_factory.mktemp("corpus-report")
    out = tmp / "out"
    run = subprocess.run(
        [sys.executable, "-m", "analysis_utils", "report", str(CORPUS_FIXTURE), "--out", str(out), "--quiet",
         "--corpus-only"],
        cwd=tmp, env=dict(os.environ, MPLBACKEND="Agg"), capture_output=True, text=True, timeout=900,
    )
    assert run.returncode == 0, run.stderr
    folders = [p for p in out.iterdir() if p.is_dir()]
    assert [p.name for p in folders] == ["corpus-corpus"], folders
    return folders[0], run.stderr


@pytest.fixture(scope="session")
def fixture_corpus(tmp_path_factory):
    """The fixture corpus analysed once (in this process) and read back:
    ``(CorpusRun, tables)`` with the tables of :func:`analysis_utils.corpus.compare.read_corpus`."""
    from analysis_utils.corpus.compare import open_corpus, read_corpus

    run = open_corpus(CORPUS_FIXTURE, tmp_path_factory.mktemp("fixture-corpus"), scheduler="sync")
    return run, read_corpus(run.tables)


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def gold() -> dict:
    path = SHARED / "gold" / "seed_article_gold.yml"
    if not path.is_file():
        pytest.skip(f"reference annotation not available ({path})")
    import yaml

    return yaml.safe_load(path.read_text(encoding="utf-8"))


def read_fixture(name: str) -> str:
    """A fixture article, decoded exactly (line endings kept)."""
    return (FIXTURES / "articles" / name).read_bytes().decode("utf-8")


def train_quotes_twice(tmp_path: Path, stage: str, out_flag: str) -> list[bytes]:
    """The model file one stage of ``benchmarks/train_quotes.py`` writes, from two runs on
    the first 60 train texts (with the shipped cue lexicon): for reproducibility tests."""
    import subprocess
    import sys

    cmd = [sys.executable, str(ROOT / "benchmarks" / "train_quotes.py"), "--only", stage, "--limit", "60",
           "--out", str(ROOT / "analysis_utils" / "models" / "cue_lexicon.json")]
    outs = []
    for k in range(2):
        out = tmp_path / f"{stage}{k}.json"
        subprocess.run(cmd + [out_flag, str(out)], check=True, capture_output=True, timeout=600)
        outs.append(out.read_bytes())
    return outs
