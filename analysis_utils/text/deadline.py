"""A time limit for the analysis of one article, checked where the layers loop.

The corpus command gives each article a few seconds (:func:`time_limit`); the layers call
:func:`check_deadline` between layers (:meth:`Document.layer
<analysis_utils.text.document.Document.layer>`) and once per sentence or mention in
their loops, and an article that runs past its limit raises :class:`TimeLimitExceeded`
(an :class:`~analysis_utils.errors.ArticleError`) at the next check. The limit lives in
a context variable, so each thread (each Dask worker thread) has its own, and outside
:func:`time_limit` a check costs one lookup and never raises.

A limit is a guard, not the remedy: every layer runs in time linear in its text (the
hostile-input tests hold them to it), so a limit stops only what no check foresaw.
"""
from __future__ import annotations

import time
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Iterator

from ..errors import ArticleError

_DEADLINE: ContextVar[tuple[float, float] | None] = ContextVar("analysis_deadline", default=None)


class TimeLimitExceeded(ArticleError):
    """The analysis of an article ran past its time limit."""


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Within the block, :func:`check_deadline` raises :class:`TimeLimitExceeded` once
    ``seconds`` have passed; ``None`` (or 0) sets no limit."""
    if not seconds or seconds <= 0:
        yield
        return
    token = _DEADLINE.set((time.perf_counter() + float(seconds), float(seconds)))
    try:
        yield
    finally:
        _DEADLINE.reset(token)


def check_deadline() -> None:
    """Raise :class:`TimeLimitExceeded` when the time limit in force has passed."""
    limit = _DEADLINE.get()
    if limit is not None and time.perf_counter() > limit[0]:
        raise TimeLimitExceeded(f"took longer than the time limit of {limit[1]:g} s per article")
