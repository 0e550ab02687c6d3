"""analysis_utils: an analyst notebook kit for news articles.

Data flows one way, and each article is annotated once::

    file / HTML / text --load--> Article(text, meta)
    Article layers, each computed on first use and kept:
      segments -> sentences -> quotation marks -> mentions, quotes, timexes -> events,
                                                  target sentiment -> actor sentiment
    tables -> charts -> report

The subpackages follow that flow, from the bottom up: :mod:`.text` (decoding, loading,
segments, sentences, quotation marks), :mod:`.actors`, :mod:`.quotes`,
:mod:`.timeline`, :mod:`.sentiment`, then :mod:`.article` (the :class:`Article` that
ties the layers together), :mod:`.charts` and :mod:`.report`. Imports flow the same way
(``tests/test_architecture.py`` checks it).

The public API is small: :func:`load_article`, :func:`load_corpus`, :func:`corpus_table`
and :class:`Article`. Submodules are imported on first use, so ``import analysis_utils``
stays fast. Module paths of the old flat layout (``analysis_utils.segments`` ...) still
import (:mod:`._compat`).
"""
from __future__ import annotations

import importlib

from . import _compat

_compat.install()

__version__ = "0.1.0"

_LAZY = {
    "Article": ("article", "Article"),
    "ArticleError": ("errors", "ArticleError"),
    "load_article": ("article", "load_article"),
    "load_corpus": ("article", "load_corpus"),
    "corpus_table": ("text.loading", "corpus_table"),
    "project_root": ("paths", "project_root"),
}

__all__ = sorted(_LAZY)


def __getattr__(name: str):
    if name in _LAZY:
        module, attr = _LAZY[name]
        value = getattr(importlib.import_module(f".{module}", __name__), attr)
        globals()[name] = value
        return value
    if name in _compat.MOVED:  # analysis_utils.segments, ... (old layout)
        value = importlib.import_module(f".{name}", __name__)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__():
    return sorted(list(globals()) + list(_LAZY))
