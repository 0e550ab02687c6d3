"""The notebooks that run once over a corpus, and how the report command runs them.

Most notebooks run once per article (parameter ``ARTICLE``). A notebook whose metadata
says ``{"analysis_utils": {"runs_on": "corpus"}}`` (05, comparing coverage) runs once
over a folder of articles (parameter ``CORPUS``) and never for a single article: given a
folder, the report command (:func:`analysis_utils.report.build_report`) runs it into
``<out>/corpus-<folder-slug>/`` (:func:`~analysis_utils.corpus.compare.corpus_slug`),
beside the per-article reports (:func:`split_notebooks`, :func:`corpus_parameters`).
"""
from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Iterable

from .compare import corpus_slug  # noqa: F401  (the corpus report's folder name)

ARTICLE_SCOPE, CORPUS_SCOPE = "article", "corpus"


def notebook_scope(path: str | Path) -> str:
    """``"corpus"`` for a notebook marked to run once over a folder of articles (its
    metadata ``analysis_utils.runs_on``), else ``"article"``."""
    try:
        meta = json.loads(Path(path).read_text(encoding="utf-8")).get("metadata", {})
    except (OSError, ValueError, AttributeError):
        return ARTICLE_SCOPE
    runs_on = (meta.get("analysis_utils") or {}).get("runs_on") if isinstance(meta, dict) else None
    return CORPUS_SCOPE if runs_on == CORPUS_SCOPE else ARTICLE_SCOPE


def split_notebooks(notebooks: Iterable[Path], source: str | Path, *, corpus: bool = True,
                    corpus_only: bool = False) -> tuple[list[Path], list[Path]]:
    """``(per-article notebooks, corpus notebooks)`` to run for ``source``, a file or a
    folder of articles: corpus notebooks only for a folder (and with ``corpus``); no
    per-article notebook with ``corpus_only``. Raises
    :class:`~analysis_utils.errors.ArticleError` for ``corpus_only`` with a file, or
    when nothing is left to run."""
    from ..errors import ArticleError

    folder = Path(source).is_dir()
    if corpus_only and not folder:
        raise ArticleError("a corpus report needs a folder of articles, not a file", source)
    notebooks = list(notebooks)
    per_article = [] if corpus_only else [nb for nb in notebooks if notebook_scope(nb) != CORPUS_SCOPE]
    per_corpus = [nb for nb in notebooks if notebook_scope(nb) == CORPUS_SCOPE] if folder and corpus else []
    if not per_article and not per_corpus:
        raise ArticleError("no notebook to run: the notebooks given run over a folder of articles", source)
    return per_article, per_corpus


def corpus_parameters(source: str | Path) -> dict:
    """The parameters the report gives a corpus notebook (besides ``OUTPUT_DIR`` and
    ``FIGURE_FORMATS``): ``CORPUS``, the folder, and ``FRESH=True``: the corpus tables an
    earlier report left in the output folder are deleted and the folder analysed afresh,
    so the report reflects the articles as they are now."""
    return {"CORPUS": str(Path(source).resolve()), "FRESH": True}


def corpus_intro(source: str | Path, n_articles: int) -> str:
    """The sentence under the title of a corpus report (HTML)."""
    name = html.escape(Path(source).resolve().name)
    return (f"Corpus report: every table and chart below comes from the kit's corpus notebook, run over the "
            f"{n_articles} article{'s' if n_articles != 1 else ''} of the folder <code>{name}</code>; the executed "
            "notebook, the corpus tables (<code>tables/</code>, Parquet) and each chart as PNG, SVG, PDF and CSV "
            "are in this report's folder.")
