"""The report command: files written, clear errors and exit codes for bad parameters."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import ROOT


def run_cli(*args, cwd=None):
    env = dict(os.environ, MPLBACKEND="Agg")
    return subprocess.run(
        [sys.executable, "-m", "analysis_utils", *args],
        cwd=cwd or ROOT, env=env, capture_output=True, text=True, timeout=600,
    )


def test_report_on_a_fixture_article(tmp_path):
    art = ROOT / "tests" / "fixtures" / "articles" / "wire_story.txt"
    r = run_cli("report", str(art), "--out", str(tmp_path), "--quiet", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    folder = tmp_path / "wire-story"
    assert (folder / "report.html").stat().st_size > 0
    html = (folder / "report.html").read_text(encoding="utf-8")
    assert "Drought Forces Rationing" in html and "def " not in html  # code hidden
    assert (folder / "notebooks" / "01_load_and_segment.ipynb").exists()
    for ext in ("png", "svg", "pdf", "csv"):
        assert (folder / "figures" / f"01-article-structure.{ext}").stat().st_size > 0


def test_report_missing_article_gives_clear_error(tmp_path):
    r = run_cli("report", str(tmp_path / "nope.txt"), "--out", str(tmp_path))
    assert r.returncode == 2
    assert "nope.txt" in r.stderr and "Traceback" not in r.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere; covered by the file test below")
def test_report_unwritable_folder_permissions(tmp_path):
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o500)
    r = run_cli("report", str(ROOT / "tests/fixtures/articles/wire_story.txt"), "--out", str(ro / "x"))
    assert r.returncode == 2 and "output folder" in r.stderr


def test_report_output_folder_that_is_a_file(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    r = run_cli("report", str(ROOT / "tests/fixtures/articles/wire_story.txt"), "--out", str(blocker / "sub"))
    assert r.returncode == 2
    assert "output folder" in r.stderr and "Traceback" not in r.stderr
