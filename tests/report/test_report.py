"""The report command: files written, same bytes twice, safe names, clear errors and exit codes."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from conftest import FIXTURES, NOTEBOOKS, ROOT, SEED, SEED_SLUG
HAS_CHROMIUM = Path("/usr/bin/chromium").is_file() or shutil.which("chromium") is not None


def run_cli(*args, cwd=None, env=None):
    return subprocess.run(
        [sys.executable, "-m", "analysis_utils", *args],
        cwd=cwd or ROOT, env=dict(os.environ, MPLBACKEND="Agg", **(env or {})),
        capture_output=True, text=True, timeout=900,
    )


def files_of(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _tiny_notebook(path: Path) -> Path:
    """A small notebook that does what the real ones do -- load the article, save a chart
    through the export helper, show an explorer widget -- in a second, for the tests that
    run the report more than once (the real notebooks run once per session: seed_report)."""
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    params = nbformat.v4.new_code_cell('ARTICLE = None\nOUTPUT_DIR = None\nFIGURE_FORMATS = ("png", "svg")')
    params.metadata["tags"] = ["parameters"]
    body = nbformat.v4.new_code_cell(
        "from pathlib import Path\n"
        "import matplotlib.pyplot as plt\n"
        "from analysis_utils import load_article\n"
        "from analysis_utils.charts.export import save_figure\n"
        "article = load_article(ARTICLE)\n"
        "fig, ax = plt.subplots(figsize=(3, 2))\n"
        "ax.bar(['segments'], [len(article.segments)])\n"
        "save_figure(fig, '01_tiny', data=article.segments[['kind', 'start', 'end']],\n"
        "            out_dir=Path(OUTPUT_DIR) / 'figures', formats=FIGURE_FORMATS, close=True)")
    widget = nbformat.v4.new_code_cell("from analysis_utils.report.explorer import segment_explorer\nsegment_explorer(article)")
    widget.metadata["tags"] = ["explorer"]
    nb.cells = [nbformat.v4.new_markdown_cell("# Tiny\n\nA test notebook."), params, body, widget]
    nbformat.write(nb, str(path))
    return path


@pytest.mark.parametrize("nb", NOTEBOOKS, ids=lambda p: p.stem)
def test_report_writes_every_file(seed_report, nb):
    folder, stderr = seed_report
    assert (folder / "report.html").stat().st_size > 0
    executed = nbformat.read(str(folder / "notebooks" / nb.name), as_version=4)
    errors = [o for c in executed.cells if c.cell_type == "code" for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert not errors, nb.name
    pngs = sorted((folder / "figures").glob(nb.name[:2] + "-*.png"))
    assert pngs, f"{nb.name} saves its charts through the export helper"
    for png in pngs:
        for ext in (".png", ".svg", ".pdf", ".csv"):
            assert png.with_suffix(ext).stat().st_size > 0, png.with_suffix(ext).name
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.with_suffix(".pdf").read_bytes()[:5] == b"%PDF-"
    if HAS_CHROMIUM:
        assert (folder / "report.pdf").read_bytes()[:5] == b"%PDF-"
    else:
        assert not (folder / "report.pdf").exists() and "Chromium not found" in stderr


def test_report_is_byte_identical_across_runs(tmp_path):
    """Two runs of the report over a folder of two articles give the same bytes: executed
    notebooks (no run times, widget ids numbered), figures, HTML and PDF."""
    from analysis_utils.report import build_report

    src = tmp_path / "articles"
    src.mkdir()
    shutil.copy(SEED, src / SEED.name)
    shutil.copy(SEED.with_suffix(".meta.yml"), src / SEED.with_suffix(".meta.yml").name)
    shutil.copy(FIXTURES / "articles" / "wire_story.txt", src / "wire_story.txt")
    tiny = _tiny_notebook(tmp_path / "01_tiny.ipynb")
    out = tmp_path / "out"
    run1 = build_report(src, out, notebooks=[tiny], progress=False, warn=lambda m: None)
    out.rename(tmp_path / "run1")  # the second run writes to the same folder
    run2 = build_report(src, out, notebooks=[tiny], progress=False, warn=lambda m: None)
    assert [f.name for f in run1] == [SEED_SLUG, "wire-story"] == [f.name for f in run2]
    a, b = files_of(tmp_path / "run1"), files_of(out)
    assert sorted(a) == sorted(b) and len(a) >= 2 * 4
    different = [name for name in a if a[name] != b[name]]
    assert not different, f"not deterministic: {different}"
    nb_text = "".join(v.decode("utf-8") for k, v in a.items() if k.endswith(".ipynb"))
    assert '"start_time"' not in nb_text and '"end_time"' not in nb_text and "iopub.execute_input" not in nb_text
    assert "widget-view" in nb_text  # the explorer's output is kept in the notebook (and ids renumbered)


def test_report_html_is_a_readable_offline_page(seed_report):
    folder, _ = seed_report
    page = (folder / "report.html").read_text(encoding="utf-8")
    assert re.search(r"<title>[^<]*Putin to Visit North Korea", page)
    assert 'class="au-toc"' in page and "Contents" in page
    for k, nb in enumerate(NOTEBOOKS, 1):
        assert f'href="#nb{k}"' in page and f'id="nb{k}"' in page, nb.name
    assert "def " not in page and "import " not in page  # code hidden
    assert "<img" in page  # figures embedded
    assert page.count("<img") >= len(list((folder / "figures").glob("*.png")))  # every chart saved is shown
    assert not re.search(r"""<script[^>]+src=["']?https?:""", page), "the page must not load scripts from the web"
    assert "Explore:" not in page and "widget-view" not in page  # interactive explorers left out


def test_house_style_keeps_interactive_mode_switched_on_inside():
    """The inline backend switches interactive mode on with the first figure; when that
    figure is made inside ``house_style()``, leaving the style must not switch it off
    (every later chart would then be missing from the notebook and the report)."""
    import matplotlib

    from analysis_utils.charts import house_style

    was = matplotlib.is_interactive()
    try:
        matplotlib.interactive(False)
        with house_style():
            matplotlib.interactive(True)  # what the inline backend does on first use
        assert matplotlib.is_interactive()
        matplotlib.interactive(False)
        with house_style():
            pass
        assert not matplotlib.is_interactive()
    finally:
        matplotlib.interactive(was)


def test_report_with_a_bad_notebook_exits_1(tmp_path, monkeypatch, capsys):
    from analysis_utils.report import build as report
    from analysis_utils.report import cli

    bad = tmp_path / "99_bad.ipynb"
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    params = nbformat.v4.new_code_cell("ARTICLE = None\nOUTPUT_DIR = None")
    params.metadata["tags"] = ["parameters"]
    nb.cells = [params, nbformat.v4.new_code_cell("raise ValueError('on purpose')")]
    nbformat.write(nb, str(bad))
    monkeypatch.setattr(report, "notebook_paths", lambda root=None: [bad])
    code = cli.main(["report", str(FIXTURES / "articles" / "wire_story.txt"), "--out", str(tmp_path / "out"),
                     "--quiet", "--no-pdf"])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 1 and len(err) == 1
    assert "99_bad.ipynb" in err[0] and "ValueError: on purpose" in err[0] and "wire_story.txt" in err[0]


def test_odd_file_name_gets_a_safe_folder_and_no_chromium_is_a_warning(tmp_path, monkeypatch):
    from analysis_utils.report import build_report

    tiny = tmp_path / "01_tiny.ipynb"
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    params = nbformat.v4.new_code_cell("ARTICLE = None\nOUTPUT_DIR = None")
    params.metadata["tags"] = ["parameters"]
    nb.cells = [nbformat.v4.new_markdown_cell("# Tiny\n\n## Section"), params, nbformat.v4.new_code_cell("print(ARTICLE)")]
    nbformat.write(nb, str(tiny))
    odd = tmp_path / "푸틴 \"방북\" 🚀.txt"
    shutil.copy(FIXTURES / "articles" / "wire_story.txt", odd)
    monkeypatch.setenv("NEWS_KIT_CHROMIUM", "")  # as if Chromium were not installed
    from analysis_utils.charts.export import safe_slug

    earlier = tmp_path / "out" / safe_slug(odd.stem)
    (earlier / "figures").mkdir(parents=True)
    (earlier / "figures" / "renamed-chart.png").write_bytes(b"stale")
    (earlier / "report.pdf").write_bytes(b"stale")
    (earlier / "notes.txt").write_text("mine")
    warnings: list[str] = []
    (folder,) = build_report(odd, tmp_path / "out", notebooks=[tiny], progress=False, warn=warnings.append)
    assert re.fullmatch(r"article-[0-9a-f]{8}", folder.name) and folder == earlier
    assert not (folder / "figures" / "renamed-chart.png").exists()  # stale output removed
    assert (folder / "notes.txt").read_text() == "mine"  # anything else left alone
    assert (folder / "report.html").stat().st_size > 0 and not (folder / "report.pdf").exists()
    assert len(warnings) == 1 and "Chromium not found" in warnings[0] and "apt-get install" in warnings[0]


def test_report_missing_article_gives_clear_error(tmp_path):
    r = run_cli("report", str(tmp_path / "nope.txt"), "--out", str(tmp_path))
    assert r.returncode == 2
    assert "nope.txt" in r.stderr and "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


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


# ------------------------------------------------------------------ slugs


ODD_TITLES = [
    "Kim/Putin: \"alliance\"? 'Yes' \\ no",
    "Putin's visit 🚀🇷🇺🇰🇵",
    "푸틴 대통령, 24년 만에 방북",
    "김정은 위원장",
    "x" * 300,
    "Word " * 60,
    "../../etc/passwd",
    "CON",
    "   ",
    "Zürich & Genève — Ünïcödé",
]


@pytest.mark.parametrize("title", ODD_TITLES, ids=range(len(ODD_TITLES)))
def test_safe_slug_is_a_safe_file_name(title):
    from analysis_utils.charts.export import safe_slug

    slug = safe_slug(title)
    assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", slug)
    assert len(slug) <= 70 and slug not in {"con", "nul", "prn", "aux"}
    assert safe_slug(title) == slug  # stable


def test_safe_slug_keeps_different_names_apart():
    from analysis_utils.charts.export import safe_slug

    slugs = [safe_slug(t) for t in ODD_TITLES if t.strip()]
    assert len(set(slugs)) == len(slugs)
    assert safe_slug("x" * 300) != safe_slug("x" * 299)
    # plain ASCII names are unchanged
    assert safe_slug("Putin to Visit North Korea") == "putin-to-visit-north-korea"
    assert safe_slug("Zürich Café") == "zurich-cafe"


def test_report_slug_for_odd_headlines_and_collisions():
    from analysis_utils import load_article
    from analysis_utils.report import _unique, report_slug

    arts = [load_article(f"{t}\n\nA body paragraph long enough to count as prose, with well over eight words in it.")
            for t in ODD_TITLES if t.strip()]
    slugs = [report_slug(a) for a in arts]
    assert all(re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", s) for s in slugs)
    assert report_slug(load_article(SEED)) == SEED_SLUG
    # a notebook opened by hand (reports_dir(article.slug)) writes where the report does
    assert [a.slug for a in arts] == slugs
    korean = [load_article(t) for t in ("푸틴 대통령이 평양을 방문했다.", "김정은 위원장이 모스크바를 방문했다.")]
    assert korean[0].slug != korean[1].slug and all(re.fullmatch(r"article-[0-9a-f]{8}", a.slug) for a in korean)
    assert _unique(["a", "b", "a", "a"]) == ["a", "b", "a-2", "a-3"]


def test_figure_names_with_hangul_do_not_collide(tmp_path):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from analysis_utils.charts.export import save_figure

    fig, ax = plt.subplots()
    a = save_figure(fig, "02_tone_푸틴", out_dir=tmp_path, formats=("png",))
    b = save_figure(fig, "02_tone_김정은", out_dir=tmp_path, formats=("png",))
    plt.close(fig)
    assert a["png"] != b["png"] and a["png"].exists() and b["png"].exists()


# ------------------------------------------------------------------ executed notebooks, PDF


def _widget_notebook(ids: list[str]):
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("explorer")
    cell["id"] = "explorer-cell"
    cell.outputs = [nbformat.v4.new_output("display_data", data={
        "application/vnd.jupyter.widget-view+json": {"model_id": ids[0], "version_major": 2, "version_minor": 0},
        "text/plain": "VBox()"})]
    cell.metadata["execution"] = {"iopub.execute_input": "2026-01-01T00:00:00Z"}
    cell.metadata["papermill"] = {"start_time": "x", "end_time": "y", "duration": 1.0, "status": "completed"}
    nb.cells = [cell]
    state = {
        ids[0]: {"model_name": "VBoxModel", "state": {"children": [f"IPY_MODEL_{ids[1]}"], "layout": f"IPY_MODEL_{ids[2]}"}},
        ids[1]: {"model_name": "HTMLModel", "state": {"value": "<b>x</b>", "layout": f"IPY_MODEL_{ids[3]}"}},
        ids[2]: {"model_name": "LayoutModel", "state": {}},
        ids[3]: {"model_name": "LayoutModel", "state": {"width": "1px"}},
    }
    nb.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json": {"state": state, "version_major": 2, "version_minor": 0}}
    nb.metadata["papermill"] = {"start_time": "x", "end_time": "y", "duration": 3.0, "parameters": {"A": 1}}
    return nb


def test_normalise_notebook_removes_times_and_random_widget_ids():
    import uuid

    from analysis_utils.report import normalise_notebook

    texts = []
    for _ in range(2):
        nb = normalise_notebook(_widget_notebook([uuid.uuid4().hex for _ in range(4)]))
        texts.append(nbformat.writes(nb))
    assert texts[0] == texts[1]
    nb = nbformat.reads(texts[0], as_version=4)
    assert nb.metadata.papermill == {"parameters": {"A": 1}}
    assert "execution" not in nb.cells[0].metadata and nb.cells[0].metadata.papermill == {"status": "completed"}
    state = nb.metadata.widgets["application/vnd.jupyter.widget-state+json"]["state"]
    assert state["0" * 32]["state"]["children"] == ["IPY_MODEL_" + "0" * 31 + "1"]


def test_normalise_notebook_joins_stream_chunks():
    from analysis_utils.report import normalise_notebook

    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("print('a'); display(x); print('b')")
    out = nbformat.v4.new_output
    cell.outputs = [
        out("stream", name="stdout", text="27 expressions"), out("stream", name="stdout", text="\n"),
        out("display_data", data={"text/plain": "x"}), out("stream", name="stdout", text="b\n"),
        out("stream", name="stderr", text="warning\n"),
    ]
    nb.cells = [cell]
    got = [(o.output_type, o.get("name"), o.get("text")) for o in normalise_notebook(nb).cells[0].outputs]
    assert got == [("stream", "stdout", "27 expressions\n"), ("display_data", None, None),
                   ("stream", "stdout", "b\n"), ("stream", "stderr", "warning\n")]


def test_chromium_command_has_the_offline_flags(tmp_path):
    from analysis_utils.report.pdf import chromium_command

    cmd = chromium_command("/usr/bin/chromium", tmp_path / "r.html", tmp_path / "r.pdf", tmp_path / "profile")
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--no-pdf-header-footer"):
        assert flag in cmd
    assert f"--user-data-dir={tmp_path / 'profile'}" in cmd and cmd[-1].startswith("file://")
    assert f"--print-to-pdf={(tmp_path / 'r.pdf').resolve()}" in cmd


def test_normalise_pdf_dates_keeps_length():
    from analysis_utils.report.pdf import normalise_pdf_dates

    raw = b"%PDF-1.4\n<</CreationDate (D:20261127024137+00'00')\n/ModDate (D:20261127024138+00'00')>>"
    out = normalise_pdf_dates(raw)
    assert len(out) == len(raw) and b"2026" not in out and out.count(b"D:19700101000000") == 2


@pytest.mark.skipif(not HAS_CHROMIUM, reason="Chromium not installed")
def test_html_to_pdf_twice_gives_the_same_bytes(tmp_path):
    from analysis_utils.report.pdf import html_to_pdf

    page = tmp_path / "p.html"
    page.write_text("<html><head><title>T</title></head><body><h1>Hello</h1><p>Text.</p></body></html>")
    a = html_to_pdf(page, tmp_path / "a.pdf").read_bytes()
    b = html_to_pdf(page, tmp_path / "b.pdf").read_bytes()
    assert a[:5] == b"%PDF-" and a == b


def test_missing_chromium_is_none(monkeypatch):
    from analysis_utils.report.pdf import find_chromium, html_to_pdf

    monkeypatch.setenv("NEWS_KIT_CHROMIUM", "/no/such/chromium")
    assert find_chromium() is None
    with pytest.raises(FileNotFoundError, match="apt-get install"):
        html_to_pdf("x.html", "x.pdf")
