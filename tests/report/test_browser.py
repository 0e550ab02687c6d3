"""The notebooks in a real JupyterLab, driven in Debian's Chromium with Playwright.

A fresh ``jupyter lab`` (from this venv) serves temporary copies of notebooks/NN_*.ipynb
on a free localhost port, with no token, no news pop-up, no update check and its own
settings, workspaces, config and runtime folders. Playwright for Python drives
``/usr/bin/chromium`` (``executable_path``: nothing is downloaded). For each notebook
the test opens it, checks that no dialog (such as a kernel picker) appears, runs all
cells from the Run menu, waits for every cell to finish and the kernel to go idle,
then checks that no cell shows an error (in the page and in the saved notebook) and
that the figures rendered; where an explorer is present it picks another item in the
dropdown and checks that the view changed. Screenshots go to ``reports/screenshots/``.

Skipped, with the reason, when Chromium or the ``playwright`` package is missing -
except that with ``CI=true`` a missing Chromium is a failure (CI installs it).
"""
from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import ROOT

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
SCREENSHOTS = ROOT / "reports" / "screenshots"
#: notebooks of ours that must hold an explorer (others may add theirs: they are exercised too)
START_S = 30  # seconds without any cell started before Run All is given again
MUST_HAVE_EXPLORER = ("01_", "02_", "03_", "04_")
SERVER_START_S = 90
OPEN_S = 90
RUN_ALL_S = 240
ERROR_TEXT = re.compile(r"Traceback \(most recent call last\)|^\s*\w*(Error|Exception)\b.*$", re.M)


def _requirements():
    """Skip (or, on CI, fail) when the browser or Playwright is missing."""
    if not CHROMIUM.is_file():
        message = f"{CHROMIUM} not found: install Debian's chromium (apt-get install -y chromium)"
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI must run the browser test: {message}", pytrace=False)
        pytest.skip(message)
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        pytest.skip("the playwright package is not installed (pip install playwright; no browser download needed)")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _write_json(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data), encoding="utf-8")


def _copy_notebooks(target: Path, out_dir: Path) -> None:
    """Copies of the notebooks whose charts go to ``out_dir`` (the parameter cell's
    ``OUTPUT_DIR``, set the way papermill sets it), so the repo is not written to."""
    import nbformat

    target.mkdir(parents=True)
    for nb_path in NOTEBOOKS:
        nb = nbformat.read(str(nb_path), as_version=4)
        for cell in nb.cells:
            if "parameters" in cell.metadata.get("tags", []):
                cell.source += f"\nOUTPUT_DIR = {str(out_dir)!r}  # set by tests/report/test_browser.py\n"
        nbformat.write(nb, str(target / nb_path.name))


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """A running JupyterLab: yields ``(base_url, notebook_folder)``; always shut down."""
    _requirements()
    tmp = tmp_path_factory.mktemp("jupyterlab")
    nb_dir = tmp / "notebooks"
    _copy_notebooks(nb_dir, tmp / "out")
    settings = tmp / "settings"
    _write_json(settings / "@jupyterlab" / "apputils-extension" / "notification.jupyterlab-settings",
                {"fetchNews": "false", "checkForUpdates": False})
    # every cell in the page, not only those scrolled into view
    _write_json(settings / "@jupyterlab" / "notebook-extension" / "tracker.jupyterlab-settings",
                {"windowingMode": "none"})
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k != "MPLBACKEND"}  # figures inline, as for a person
    env.update(
        PYTHONPATH=os.pathsep.join([str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])]),
        JUPYTER_CONFIG_DIR=str(tmp / "config"),
        JUPYTER_RUNTIME_DIR=str(tmp / "runtime"),
        IPYTHONDIR=str(tmp / "ipython"),
        JUPYTER_PLATFORM_DIRS="1",
    )
    cmd = [
        str(Path(sys.executable).with_name("jupyter")), "lab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
        "--ServerApp.token=", "--ServerApp.password=", f"--ServerApp.root_dir={nb_dir}",
        "--ServerApp.port_retries=0", "--LabApp.news_url=None",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        f"--LabApp.user_settings_dir={settings}", f"--LabApp.workspaces_dir={tmp / 'workspaces'}",
    ]
    if os.geteuid() == 0:
        cmd.append("--allow-root")
    log = open(tmp / "jupyter.log", "wb")
    proc = subprocess.Popen(cmd, cwd=nb_dir, env=env, stdout=log, stderr=subprocess.STDOUT,
                            stdin=subprocess.DEVNULL, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + SERVER_START_S
        while True:
            if proc.poll() is not None:
                pytest.fail(f"jupyter lab exited ({proc.returncode}): {(tmp / 'jupyter.log').read_text()[-2000:]}")
            try:
                with urllib.request.urlopen(f"{base}/api/status", timeout=5) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"jupyter lab did not answer within {SERVER_START_S} s")
            time.sleep(0.5)
        yield base, nb_dir
    finally:
        _stop(proc)
        log.close()


def _stop(proc: subprocess.Popen) -> None:
    """Terminate jupyter lab and its kernels (its process group)."""
    if proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=15)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait(timeout=10)


@pytest.fixture(scope="module")
def browser(lab):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS, headless=True, timeout=60_000)
        try:
            yield b
        finally:
            b.close()


def _prompts(page) -> list[str]:
    return page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell .jp-InputPrompt").all_inner_texts()


def _dismiss_dialogs(page) -> None:
    """Accept any open JupyterLab dialog (on a loaded machine, the kernel chooser can
    open while the kernel is slow to start), which would otherwise take the clicks."""
    dialog = page.locator(".jp-Dialog")
    for _ in range(3):
        if not dialog.count():
            return
        accept = dialog.locator(".jp-Dialog-button.jp-mod-accept")
        if accept.count():
            accept.first.click()
        else:
            page.keyboard.press("Escape")
        page.wait_for_timeout(500)


def _run_all(page) -> None:
    _dismiss_dialogs(page)
    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^Run$")).first.click()
    page.locator(".lm-Menu-item", has_text="Run All Cells").first.click()


def _wait_all_run(page, n_code: int) -> None:
    """Until every code cell shows an execution number and the kernel is idle.

    On a loaded machine the first click on "Run All Cells" can land before the
    notebook's kernel connection is ready and run nothing; if no cell has started
    after :data:`START_S` seconds, the menu command is given again."""
    deadline = time.monotonic() + RUN_ALL_S
    retry_at = time.monotonic() + START_S
    while time.monotonic() < deadline:
        prompts = [p.strip() for p in _prompts(page)]
        if time.monotonic() > retry_at and all(p == "[ ]:" for p in prompts):
            _run_all(page)
            retry_at = time.monotonic() + START_S
        done = len(prompts) == n_code and all(re.fullmatch(r"\[\d+\]:", p) for p in prompts)
        stopped = any(re.fullmatch(r"\[\d+\]:", p) for p in prompts) and not any("*" in p for p in prompts)
        idle = page.locator('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook-ExecutionIndicator[data-status="idle"]').count()
        if idle and (done or stopped):
            return
        time.sleep(0.5)
    pytest.fail(f"Run All did not finish within {RUN_ALL_S} s: prompts {_prompts(page)}")


def _saved_errors(path: Path, deadline_s: float = 30) -> list[str]:
    """Error outputs in the notebook as JupyterLab saved it, once the saved file shows
    every code cell executed (the file is re-read while the server is still writing)."""
    end = time.monotonic() + deadline_s
    code: list = []
    while True:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            code = [c for c in data["cells"] if c["cell_type"] == "code"]
            if all(c.get("execution_count") for c in code):
                break
        except (OSError, ValueError, KeyError):  # half-written file: read it again
            pass
        if time.monotonic() > end:
            pytest.fail(f"JupyterLab did not save {path.name} with every cell executed within {deadline_s:.0f} s")
        time.sleep(0.5)
    return [f"{o.get('ename')}: {o.get('evalue')}" for c in code for o in c.get("outputs", []) if o.get("output_type") == "error"]


@pytest.mark.parametrize("nb", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_runs_in_jupyterlab(nb, lab, browser):
    import nbformat

    base, nb_dir = lab
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    n_code = sum(1 for c in nbformat.read(str(nb), as_version=4).cells if c.cell_type == "code")
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.set_default_timeout(30_000)
    try:
        page.goto(f"{base}/lab/tree/{nb.name}?reset", timeout=OPEN_S * 1000)
        panel = ".jp-NotebookPanel:not(.lm-mod-hidden)"
        page.wait_for_selector(f"{panel} .jp-Notebook .jp-Cell", timeout=OPEN_S * 1000)
        page.wait_for_selector(f'{panel} .jp-Notebook-ExecutionIndicator[data-status="idle"]', timeout=OPEN_S * 1000)
        time.sleep(1)  # a kernel picker or news dialog would be up by now
        dialogs = page.locator(".jp-Dialog")
        assert dialogs.count() == 0, f"a dialog opened with the notebook: {dialogs.first.inner_text()[:200]}"

        _run_all(page)
        _wait_all_run(page, n_code)
        page.screenshot(path=str(SCREENSHOTS / f"{nb.stem}-top.png"))

        # no error in the page: error tracebacks render as stderr text; warnings are allowed
        stderr = page.locator(f'{panel} .jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')
        errors = [t[:300] for t in stderr.all_inner_texts() if ERROR_TEXT.search(t)]
        assert not errors, f"error output in {nb.name}: {errors}"
        prompts = [p.strip() for p in _prompts(page)]
        assert all(re.fullmatch(r"\[\d+\]:", p) for p in prompts) and len(prompts) == n_code, prompts

        # figures rendered: at least one image output, actually decoded by the browser
        imgs = page.locator(f"{panel} .jp-OutputArea-output img")
        assert imgs.count() >= 1, f"no figure rendered in {nb.name}"
        imgs.first.scroll_into_view_if_needed()
        page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=imgs.first.element_handle())
        page.screenshot(path=str(SCREENSHOTS / f"{nb.stem}-figure.png"))

        # the saved notebook (Ctrl+S) agrees: no error output, every cell executed
        page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^File$")).first.click()
        page.locator(".lm-Menu-item", has_text=re.compile(r"^Save Notebook")).first.click()
        saved_errors = _saved_errors(nb_dir / nb.name)
        assert not saved_errors, f"error output in the saved {nb.name}: {saved_errors}"

        # an explorer: pick another item, the view changes
        selects = page.locator(f"{panel} .widget-dropdown select")
        if nb.name.startswith(MUST_HAVE_EXPLORER):
            selects.first.wait_for(timeout=30_000)
        if selects.count():
            select = selects.last
            select.scroll_into_view_if_needed()
            view = select.locator("xpath=ancestor::*[contains(@class,'widget-vbox')][1]").locator(".widget-html-content")
            before = view.first.inner_html()
            values = select.locator("option").evaluate_all("opts => opts.map(o => o.value)")
            assert len(values) >= 2, f"explorer in {nb.name} offers {len(values)} item(s)"
            select.select_option(values[1])
            page.wait_for_function(
                "([el, old]) => el.innerHTML !== old", arg=[view.first.element_handle(), before], timeout=30_000,
            )
            assert "<mark" in view.first.inner_html()
            view.first.scroll_into_view_if_needed()
            page.screenshot(path=str(SCREENSHOTS / f"{nb.stem}-explorer.png"))
    finally:
        page.close()


def test_screenshots_folder_is_not_committed():
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    ignored = subprocess.run(["git", "check-ignore", "-q", str(SCREENSHOTS / "x.png")], cwd=ROOT)
    if ignored.returncode == 128:
        pytest.skip("not a git checkout")
    assert ignored.returncode == 0, "reports/screenshots/ must be git-ignored"
