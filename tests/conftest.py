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
