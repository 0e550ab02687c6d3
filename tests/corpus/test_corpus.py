"""analysis_utils.corpus: the corpus command, its tables, resume, the lock, bad inputs."""
from __future__ import annotations

import inspect
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from analysis_utils import load_article
from analysis_utils.corpus import (
    TABLES,
    CorpusError,
    CorpusInterrupted,
    analyze_corpus,
    article_id,
    read_table,
)
from analysis_utils.corpus.store import Lock
from conftest import FIXTURES, ROOT, SEED

ALL = ("articles", "errors") + TABLES


@pytest.fixture
def corpus(tmp_path) -> Path:
    """The seed (with its sidecar), three fixture articles, and three bad files."""
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(SEED, src / SEED.name)
    shutil.copy(SEED.with_name(SEED.stem + ".meta.yml"), src / (SEED.stem + ".meta.yml"))
    for f in sorted((FIXTURES / "articles").iterdir()):
        shutil.copy(f, src / f.name)
    (src / "empty.txt").write_bytes(b"")
    (src / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (src / "korean.txt").write_bytes("서울 - 정부는 17일 회담이 \"성공적\"이라고 밝혔다.".encode("cp949"))
    return src


def tables(out: Path) -> dict[str, pd.DataFrame]:
    return {name: read_table(out, name).drop(columns=["seconds"], errors="ignore") for name in ALL}


def assert_same(a: dict, b: dict) -> None:
    for name in ALL:
        pd.testing.assert_frame_equal(a[name], b[name], obj=name)


def test_tables_have_the_per_article_columns_and_dtypes_keyed_by_article_id(corpus, tmp_path):
    out = tmp_path / "out"
    summary = analyze_corpus(corpus, out, scheduler="sync", batch_size=2)
    assert (summary.done, summary.failed, summary.skipped) == (5, 2, 0)
    got = tables(out)
    arts = got["articles"]
    seed_id = article_id(str(corpus / SEED.name))
    seed_row = arts[arts.article_id == seed_id].iloc[0]
    assert seed_row["published"] == "2024-06-17" and seed_row["month"] == "2024-06" and seed_row["status"] == "ok"
    assert seed_row["outlet"] and seed_row["words"] > 500
    one = load_article(SEED)
    for name in TABLES:
        df = got[name]
        mine = getattr(one, name)
        assert list(df.columns) == ["article_id"] + list(mine.columns), name
        rows = df[df.article_id == seed_id].drop(columns=["article_id"]).reset_index(drop=True)
        expected = mine.reset_index(drop=True)
        for c in expected.columns:  # a text column of missing values only: "object" here, a text dtype there
            if expected[c].dtype == object and expected[c].isna().all():
                expected[c] = expected[c].astype(rows[c].dtype)
        pd.testing.assert_frame_equal(rows, expected, obj=name)
        assert set(df.article_id) <= set(arts.article_id)
    # every quotation of the seed, with its speaker, from the corpus table
    assert (got["quotes"].article_id == seed_id).sum() == len(one.quotes)


def test_bad_inputs_are_recorded_and_the_run_goes_on(corpus, tmp_path):
    out = tmp_path / "out"
    summary = analyze_corpus(corpus, out, scheduler="sync", batch_size=3)
    errors = read_table(out, "errors")
    reasons = dict(zip([Path(p).name for p in errors.path], errors.reason))
    assert set(reasons) == {"empty.txt", "binary.txt"}
    assert "empty" in reasons["empty.txt"] and "binary" in reasons["binary.txt"]
    assert summary.failed == 2 and "errors" in summary.line()
    arts = read_table(out, "articles")
    assert arts.set_index(arts.path.map(lambda p: Path(p).name)).loc["korean.txt", "status"] == "ok"  # CP949 read
    # a size limit makes a too-long text an error too
    small = tmp_path / "small"
    analyze_corpus(corpus, small, scheduler="sync", max_chars=2000)
    reasons = read_table(small, "errors").set_index("path").reason
    assert reasons[str(corpus / SEED.name)].startswith("longer than the limit of 2,000 characters")


def test_a_page_with_no_article_is_analysed_with_its_warning(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(SEED, src / SEED.name)
    menu = ["Home", "News", "World", "Politics", "Business", "Sport", "Culture", "Travel", "Opinion",
            "Video", "Newsletters", "Sign in", "Subscribe", "About us", "Contact", "Privacy policy"]
    (src / "index.txt").write_text("\n".join(menu) + "\n", encoding="utf-8")
    analyze_corpus(src, tmp_path / "out", scheduler="sync")
    arts = read_table(tmp_path / "out", "articles").set_index("path")
    index = arts.loc[str(src / "index.txt")]
    assert index["status"] == "ok" and "no article" in index["warnings"]
    assert arts.loc[str(src / SEED.name), "warnings"] == ""


def test_a_table_of_texts_is_a_corpus_too(tmp_path):
    texts = pd.DataFrame({"id": ["a", "b"], "text": ['"We will win," Anna Berg said on Monday.', ""],
                          "published": ["2024-05-02", None], "outlet": ["Daily", "Weekly"]})
    out = tmp_path / "out"
    summary = analyze_corpus(texts, out, scheduler="sync")
    assert (summary.done, summary.failed) == (1, 1)
    arts = read_table(out, "articles").set_index("article_id")
    assert arts.loc[article_id("a"), "month"] == "2024-05" and arts.loc[article_id("a"), "outlet"] == "Daily"
    assert read_table(out, "quotes", months=["2024-05"]).speaker.tolist() == ["Anna Berg"]
    assert read_table(out, "quotes", months=["1999-01"]).empty
    with pytest.raises(CorpusError, match="'id' and 'text'"):
        analyze_corpus(pd.DataFrame({"body": ["x"]}), tmp_path / "o2", scheduler="sync")


def test_an_interrupted_run_resumes_and_ends_with_the_same_tables(corpus, tmp_path):
    full = tmp_path / "full"
    analyze_corpus(corpus, full, scheduler="sync", batch_size=2)
    out = tmp_path / "out"
    calls = []

    def stop_after_two_batches(done, total, errors):
        calls.append(done)
        if len(calls) == 2:
            raise KeyboardInterrupt

    with pytest.raises(CorpusInterrupted, match="run the same command again to resume"):
        analyze_corpus(corpus, out, scheduler="sync", batch_size=2, progress=stop_after_two_batches)
    assert not (out / ".lock").exists()  # released
    assert len(list((out / "_manifest").glob("*.json"))) == 2
    summary = analyze_corpus(corpus, out, scheduler="sync", batch_size=2)
    assert summary.skipped == 4 and summary.done + summary.failed == 3
    assert_same(tables(out), tables(full))


def test_a_killed_run_resumes_and_ends_with_the_same_tables(corpus, tmp_path):
    for k in range(6):  # enough batches to kill the run in the middle
        shutil.copy(SEED, corpus / f"copy{k}.txt")
    full = tmp_path / "full"
    analyze_corpus(corpus, full, scheduler="sync", batch_size=1)
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "analysis_utils", "corpus", str(corpus), "--out", str(out), "--scheduler", "sync",
           "--batch-size", "1", "--quiet"]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    while time.time() < deadline and len(list((out / "_manifest").glob("*.json"))) < 3:
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert (out / ".lock").exists()  # left behind by the killed run
    done_before = len(list((out / "_manifest").glob("*.json")))
    assert 3 <= done_before < 13
    run = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert run.returncode == 1, run.stderr  # two bad files: exit 1, the errors table named
    assert "errors table" in run.stdout and f"{done_before} inputs skipped" in run.stdout
    assert_same(tables(out), tables(full))


def test_a_second_run_into_the_same_folder_refuses(corpus, tmp_path):
    out = tmp_path / "out"
    with Lock(out):
        with pytest.raises(CorpusError, match="another run is writing"):
            analyze_corpus(corpus, out, scheduler="sync")
    other = tmp_path / "other"
    other.mkdir()
    shutil.copy(SEED, other / "a.txt")
    analyze_corpus(other, out, scheduler="sync")
    with pytest.raises(CorpusError, match="holds the analysis of another corpus"):
        analyze_corpus(corpus, out, scheduler="sync")


def test_a_dask_cluster_gives_the_same_tables_as_one_process(corpus, tmp_path):
    from distributed import Client, LocalCluster

    one = tmp_path / "one"
    analyze_corpus(corpus, one, scheduler="sync", batch_size=2)
    two = tmp_path / "two"
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        summary = analyze_corpus(corpus, two, client=client, batch_size=2)  # the driver writes
        three = tmp_path / "three"
        analyze_corpus(corpus, three, client=client, batch_size=3, workers_write=True)  # the workers write
    assert summary.done == 5
    assert_same(tables(one), tables(two))
    assert_same(tables(one), tables(three))


def test_the_analysis_opens_no_network_connection(corpus, tmp_path, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("network access while analysing")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    summary = analyze_corpus(corpus, tmp_path / "out", scheduler="sync")
    assert summary.done == 5


def test_the_command_line_reports_and_exits_as_documented(corpus, tmp_path):
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "analysis_utils", "corpus", str(corpus), "--out", str(out), "--scheduler", "sync",
           "--quiet"]
    first = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert first.returncode == 1 and "5 articles analysed" in first.stdout and "2 failed" in first.stdout
    again = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0 and "7 inputs skipped" in again.stdout
    settings = json.loads((out / "corpus.json").read_text(encoding="utf-8"))
    assert settings["source"] == str(corpus.resolve())
    bad = subprocess.run([sys.executable, "-m", "analysis_utils", "corpus", str(tmp_path / "nope"), "--out",
                          str(tmp_path / "o")], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert bad.returncode == 2 and bad.stderr.startswith("error:") and "Traceback" not in bad.stderr
    zero = subprocess.run(cmd[:-1] + ["--batch-size", "0"], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert zero.returncode == 2 and "--batch-size" in zero.stderr


def test_load_article_with_an_unexpandable_home_raises_the_kits_error():
    from analysis_utils.errors import ArticleError
    from analysis_utils.text.loading import load_corpus

    with pytest.raises(ArticleError):
        list(load_corpus("~0"))
    with pytest.raises(ArticleError):
        load_article("~nosuchuser0/article.txt")


def test_a_folder_is_listed_as_it_is_read_in_the_order_of_load_corpus(tmp_path):
    """The corpus command reads a folder one folder at a time (it does not hold the list
    of all its files), in the order of load_corpus: at each level, files and folders by
    name; hidden files and folders, sidecars and links to folders are left out."""
    from analysis_utils.text.folders import _walk, iter_article_names

    for rel in ["b.txt", "a/x.txt", "a b/y.txt", "a/c/z.md", "a.txt", "A/q.txt", "a/ä.txt", ".hid/k.txt",
                "a-b.txt", "a/b.html", "a/.x.txt", "a/x.meta.yml", "README.txt"]:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("Some text.", encoding="utf-8")
    (tmp_path / "link").symlink_to(tmp_path / "a", target_is_directory=True)
    got = list(iter_article_names(tmp_path))
    assert got == [str(p) for p in _walk(tmp_path, None)]
    assert [os.path.relpath(p, tmp_path) for p in got] == [
        "A/q.txt", "a/b.html", "a/c/z.md", "a/x.txt", "a/ä.txt", "a b/y.txt", "a-b.txt", "a.txt", "b.txt"]
    assert list(iter_article_names(tmp_path, "a/*")) == [str(p) for p in _walk(tmp_path, "a/*")]
    assert not inspect.isgeneratorfunction(analyze_corpus) and inspect.isgenerator(iter_article_names(tmp_path))
