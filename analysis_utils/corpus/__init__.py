"""Many articles: :func:`analyze_corpus` streams a corpus through the kit into Parquet.

``analyze_corpus(source, out)`` (or ``python -m analysis_utils corpus SOURCE --out DIR``)
analyses every article of a folder, a glob, a list of paths or a table of texts, on a
local Dask cluster over the machine's cores (or on an existing cluster:
``scheduler="tcp://host:8786"`` or ``client=``), and writes one Parquet dataset per table
under ``out``, partitioned by publication month, every row keyed by ``article_id``
(layout: :mod:`.store`). It resumes where an earlier run stopped, refuses a second run
into the same folder, and records bad inputs in an ``errors`` table instead of stopping.
:func:`read_table` reads a table back (all of it, or some months).

Tables: ``articles`` (``article_id, path, outlet, published, month, headline, language,
words, status, seconds``), ``errors`` (``article_id, path, stage, reason``) and the kit's
per-article tables (``segments``, ``sentences``, ``mentions``, ``quotes``, ``timexes``,
``events``, ``actor_sentiment``) with ``article_id`` first and the same columns and
dtypes as for one article (text columns with missing values read back as ``string``).
"""
from .batch import TABLES, analyse_batch, article_id
from .run import CorpusInterrupted, CorpusSummary, analyze_corpus, corpus_inputs
from .store import CorpusError, read_table

__all__ = ["TABLES", "CorpusError", "CorpusInterrupted", "CorpusSummary", "analyse_batch", "analyze_corpus",
           "article_id", "corpus_inputs", "read_table"]
