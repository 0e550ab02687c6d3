"""Loading articles: files, folders, HTML pages, JSON records and plain strings.

The one-way data flow of the kit starts here::

    file / HTML / JSON / text --load_article--> Document(text, meta, published, source)

Public functions
----------------
:func:`load_article`
    One article from a path, a string (a path *or* the text itself) or bytes.
:func:`load_corpus`
    Many articles from a folder (recursively), a glob or a list of paths.
:func:`corpus_table`
    One row per file of a corpus (path, title, published, chars, encoding,
    format, error) -- a quick inventory before analysis.
:func:`decode_bytes`
    Bytes to text with encoding detection; used by all of the above.

Formats
-------
``.txt`` ``.text`` ``.md`` (and files with an unknown extension that are not HTML)
    Plain text. The bytes are decoded by :func:`decode_bytes`; the text is kept
    *exactly* as decoded (line endings, leading/trailing whitespace) except that a
    byte order mark is removed, because every offset in the kit indexes it.
``.html`` ``.htm`` ``.xhtml`` (and strings/bytes starting with ``<!doctype`` or ``<html``,
or with other markup ending before one within their first 4,000 characters)
    The main text and metadata are extracted with trafilatura, as its XML tree (comments
    left out, tables kept); the publication date with htmldate (``original_date=True``,
    no extensive search). The article text is the title line, then one paragraph per
    block of the tree (paragraph, heading, list item, quotation, table row), blank lines
    between; ``meta["html_blocks"]`` keeps each block's span and kind (heading →
    ``subheadline`` or ``body``, picture text → ``caption``, link lists and furniture →
    ``boilerplate``), and the segments are those blocks (:mod:`.html_blocks`). A
    declared ``<meta charset>`` is honoured when the bytes are not valid UTF-8 and
    decode under it.
``.json``
    One JSON object with the text under ``"text"`` (or ``"content"``, ``"body"``);
    ``"published"`` (or ``"date"``) is the publication date; every other key goes
    to ``meta`` (``title``, ``outlet``, ``url`` ...).
``.jsonl``
    One such object per line (:func:`load_corpus` yields one article per line;
    :func:`load_article` accepts a ``.jsonl`` file holding a single record).

Encodings
---------
:func:`decode_bytes` handles the bytes of every file: a BOM decides (UTF-8,
UTF-16, UTF-32; the BOM is removed); known binary formats and NUL bytes are
rejected (BOM-less UTF-16 is recognised by its NUL pattern); then strict UTF-8;
then the most plausible of cp949 (⊃ EUC-KR), Shift-JIS, GB18030 (⊃ GBK),
Big5, cp1252 (⊃ Latin-1), cp1250 and cp1251, judged by a character-level
plausibility score that is reliable on headline-length Korean, Japanese and
Chinese text, where charset-normalizer alone is not (its guess is a fallback).
Known limits: a few characters of CJK text can be ambiguous (ties go to
Korean); Central European text whose letters also exist in cp1252 (Czech "č"
= cp1252 "è") comes out as cp1252; Greek/Turkish/KOI8-R rely on
charset-normalizer. Name the encoding in a sidecar (``encoding: cp1250``) to
override detection.

Sidecar metadata
----------------
For a file ``X.ext``, the first of ``X.meta.yml``, ``X.meta.yaml``, ``X.meta.json``
found beside it is read as a mapping of metadata, typically ``outlet``,
``language``, ``published``, ``source_note``, ``title``, ``url``; any other key is
kept in ``meta`` as well. The special key ``encoding`` (e.g. ``encoding: cp949``)
forces how the article's bytes are decoded, the escape hatch when detection
guesses wrong. A sidecar that is not valid YAML/JSON, is not a mapping, or has an
unparsable date raises :class:`~analysis_utils.errors.UnsupportedFormat` naming
the sidecar. Files without a sidecar load normally.

Metadata and the publication date
---------------------------------
``meta`` always holds ``path`` (str or ``None``), ``encoding`` (the codec used,
``None`` for a str source), ``format`` (``"text"``, ``"html"`` or ``"json"``) and
``published_source``; then whatever the HTML/JSON, the sidecar and the ``meta``
argument provide, later ones overriding earlier ones (HTML/JSON < sidecar <
``meta`` argument). ``path``/``encoding``/``format`` are set by the loader and
only the ``meta`` argument can override them.

``published`` is taken from, in this order: the ``published`` argument, the
``meta`` argument's ``"published"``, the sidecar, the JSON record or the HTML
page. ``meta["published_source"]`` says which (``"argument"``, ``"sidecar"``,
``"json"``, ``"html"``; ``None`` when unknown). Accepted values are
:class:`datetime.date`, :class:`datetime.datetime` (its calendar date *as
written*, no time-zone conversion) and ISO strings (``"2024-06-17"``,
``"2024-06-17T08:00:00+09:00"``, also ``2024/06/17``). ``published`` is not
repeated in ``meta``.

Errors
------
Everything that goes wrong with an input raises an
:class:`~analysis_utils.errors.ArticleError` (a ``ValueError``) whose message
names the file (when there is one) and the reason:

* :class:`~analysis_utils.errors.ArticleNotFound` -- no such file; a folder or glob
  without article files.
* :class:`~analysis_utils.errors.EmptyArticle` -- 0 bytes, only whitespace, or no
  main text in an HTML page.
* :class:`~analysis_utils.errors.BinaryContent` -- an image, PDF, archive,
  executable ... (magic numbers, NUL bytes, control characters).
* :class:`~analysis_utils.errors.DecodingError` -- looks like text but no encoding
  decodes it sensibly.
* :class:`~analysis_utils.errors.UnsupportedFormat` -- invalid JSON, a JSON record
  without text, a broken sidecar.
* :class:`~analysis_utils.errors.ArticleError` itself -- a folder passed to
  :func:`load_article`, unreadable files (permissions ...), a bad ``published``
  value, and any unexpected failure inside a library (wrapped, with the original
  exception chained as ``__cause__``).

Heavy libraries (trafilatura, htmldate, charset-normalizer, yaml, pandas) are
imported lazily, inside the functions that need them.

Modules
-------
This module gathers the loaders; each concept lives in its own module, and every name
stays importable from here: :mod:`.articles` (:func:`load_article`), :mod:`.folders`
(:func:`load_corpus`, :func:`corpus_table`), :mod:`.files` (article files, reading and
decoding them), :mod:`.html_pages` (HTML extraction), :mod:`.json_records` (JSON and
JSON lines), :mod:`.metadata` (sidecars, dates, the merge of metadata).
"""
from __future__ import annotations

from .articles import _guarded, _load_bytes, _load_path, _load_text, load_article  # noqa: F401
from .decoding import _BOMS, _codec_name, _quiet_logs, _visible, decode_bytes  # noqa: F401
from .files import (  # noqa: F401
    ARTICLE_EXTENSIONS,
    HTML_EXTENSIONS,
    JSON_EXTENSIONS,
    JSONL_EXTENSIONS,
    TEXT_EXTENSIONS,
    _MAX_PATH_STR,
    _decode_file_bytes,
    _kind_of,
    _looks_like_path,
    _read_bytes,
)
from .folders import (  # noqa: F401
    _ERROR_POLICIES,
    _GLOB_CHARS,
    _SKIP_STEMS,
    SkippedArticleWarning,
    _article_files,
    _corpus_iter,
    _iter_items,
    _walk,
    _wanted,
    corpus_table,
    load_corpus,
)
from .html_pages import (  # noqa: F401
    _HTML_LANG,
    _HTML_START,
    _META_CHARSET,
    _PRUNE_XPATH,
    _extract_html,
    _html_charset,
    _norm,
)
from .json_records import _DATE_KEYS, _TEXT_KEYS, _iter_jsonl, _json_record  # noqa: F401
from .metadata import (  # noqa: F401
    _SLASH_DATE,
    SIDECAR_SUFFIXES,
    _build,
    _is_sidecar,
    _parse_date,
    _read_sidecar,
    _sidecar_path,
)
from .document import Document  # noqa: F401
from ..errors import (  # noqa: F401
    ArticleError,
    ArticleNotFound,
    DecodingError,
    EmptyArticle,
    UnsupportedFormat,
)

__all__ = [
    "ARTICLE_EXTENSIONS",
    "SkippedArticleWarning",
    "corpus_table",
    "decode_bytes",
    "load_article",
    "load_corpus",
]
