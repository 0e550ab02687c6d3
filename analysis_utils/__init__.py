"""analysis_utils: an analyst notebook kit for news articles.

Data flows one way::

    file / HTML / text --load--> Article(text, meta) --segment--> segments --split--> sentences

The public API is small: :func:`load_article`, :func:`load_corpus` and :class:`Article`.
Submodules are imported on first use, so ``import analysis_utils`` stays fast.
"""
from __future__ import annotations

import importlib

__version__ = "0.1.0"

_LAZY = {
    "Article": ("article", "Article"),
    "ArticleError": ("errors", "ArticleError"),
    "load_article": ("loading", "load_article"),
    "load_corpus": ("loading", "load_corpus"),
    "corpus_table": ("loading", "corpus_table"),
    "project_root": ("paths", "project_root"),
}

__all__ = sorted(_LAZY)


def __getattr__(name: str):
    if name in _LAZY:
        module, attr = _LAZY[name]
        value = getattr(importlib.import_module(f".{module}", __name__), attr)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__():
    return sorted(list(globals()) + list(_LAZY))
