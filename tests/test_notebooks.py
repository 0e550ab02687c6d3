"""Every notebook executes headless, from a foreign working directory, and is stored clean."""
from __future__ import annotations

import json

import nbformat
import papermill as pm
import pytest

from conftest import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))


def test_there_are_notebooks():
    assert [p.name for p in NOTEBOOKS][:1] == ["01_load_and_segment.ipynb"]


@pytest.mark.parametrize("nb", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_is_stored_without_outputs_and_with_python3_kernel(nb):
    data = json.loads(nb.read_text(encoding="utf-8"))
    assert data["metadata"]["kernelspec"]["name"] == "python3"
    for cell in data["cells"]:
        if cell["cell_type"] == "code":
            assert not cell.get("outputs") and cell.get("execution_count") is None
    tagged = [c for c in data["cells"] if "parameters" in c.get("metadata", {}).get("tags", [])]
    assert len(tagged) == 1, "one papermill parameter cell"


@pytest.mark.parametrize("nb", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_executes_from_another_folder(nb, tmp_path):
    out_nb = tmp_path / nb.name
    pm.execute_notebook(
        str(nb),
        str(out_nb),
        parameters={"OUTPUT_DIR": str(tmp_path / "report")},
        cwd=str(tmp_path),  # not the notebooks folder: the notebook must find the root itself
        kernel_name="python3",
        progress_bar=False,
    )
    executed = nbformat.read(str(out_nb), as_version=4)
    errors = [o for c in executed.cells if c.cell_type == "code" for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert not errors
    figures = list((tmp_path / "report" / "figures").glob("*.png"))
    assert figures, "the notebook saves its charts through the export helper"
    for png in figures:
        for ext in (".svg", ".csv"):
            assert png.with_suffix(ext).stat().st_size > 0
    outputs = [(c, o) for c in executed.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    shown = [o for _, o in outputs if "image/png" in o.get("data", {})]
    assert len(shown) >= len(figures), "every chart saved is also shown in the notebook"
    explorers = [o for c, o in outputs if "explorer" in c.metadata.get("tags", [])
                 and "application/vnd.jupyter.widget-view+json" in o.get("data", {})]
    assert explorers, "the notebook offers an ipywidgets explorer"


def test_notebook_01_on_another_article(tmp_path):
    nb = ROOT / "notebooks" / "01_load_and_segment.ipynb"
    art = ROOT / "tests" / "fixtures" / "articles" / "wire_story.txt"
    pm.execute_notebook(
        str(nb), str(tmp_path / "out.ipynb"),
        parameters={"ARTICLE": str(art), "OUTPUT_DIR": str(tmp_path / "r")},
        cwd=str(tmp_path), kernel_name="python3", progress_bar=False,
    )
    text = (tmp_path / "out.ipynb").read_text(encoding="utf-8")
    assert "Drought Forces Rationing" in text
    assert (tmp_path / "r" / "figures" / "01-article-structure.csv").exists()


def test_notebook_02_on_an_article_without_actors(tmp_path):
    nb = ROOT / "notebooks" / "02_sentiment_per_actor.ipynb"
    art = ROOT / "tests" / "fixtures" / "articles" / "hard_wrapped.md"
    pm.execute_notebook(
        str(nb), str(tmp_path / "out.ipynb"),
        parameters={"ARTICLE": str(art), "OUTPUT_DIR": str(tmp_path / "r")},
        cwd=str(tmp_path), kernel_name="python3", progress_bar=False,
    )
    assert (tmp_path / "r" / "figures" / "02-actor-sentiment-by-voice.png").stat().st_size > 0
