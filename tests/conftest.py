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


NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
SEED_SLUG = "2024-06-17-asia-business-daily-putin-pyongyang-visit"


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
