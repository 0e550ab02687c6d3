"""HTML pages as typed blocks: trafilatura's XML tree of a page's main text becomes the
article text and the list of its blocks. Part of :mod:`analysis_utils.text.loading`.

trafilatura (called by :mod:`.html_pages` with ``output_format="xml"``) gives the main
text as a tree of ``p``, ``head``, ``list``/``item``, ``quote``, ``table``/``row``/``cell``,
``code`` and ``graphic`` elements, with ``lb`` line breaks and inline elements (``ref``
links, ``hi``) inside. :func:`page_blocks` writes it out as the article text: the title
line (when the main text does not start with it), then each block as one paragraph,
blocks separated by a blank line; ``lb`` is a line break inside its block, inline elements
are flattened, the cells of a table row are joined by ``" | "``. Each block gets a kind:

* the title line, or a first block that is the title → ``headline``;
* a block a line rule of :mod:`.segments` recognises alone (copyright, credit and
  timestamp lines, page furniture such as "Share on Facebook") → that rule's kind;
* a short block that is mostly link text (a "read more" teaser, a list of related
  articles, a menu) → ``boilerplate``;
* a ``graphic``'s title or alt text → ``caption``;
* a ``head``: a crosshead (at most 14 words, not ending like a sentence) →
  :data:`CROSSHEAD_KIND`, a longer heading (a teaser styled as a heading) → ``body``;
  a heading with no running text under it ("Related stories", "More on this") →
  ``boilerplate``;
* ``p``, list ``item``, a ``quote``'s paragraphs, table rows, ``code`` → ``body``.

Blocks are JSON-friendly lists ``[start, end, kind, rule]``: offsets into the text (``end``
exclusive) and the rule that gave the kind (``"html-<element>"``, ``"html-crosshead"``,
``"html-links"``, ``"html-head-without-text"``, ``"html-title"`` or the name of a line
rule). The loader keeps them in ``Document.meta["html_blocks"]``;
:func:`block_segment_rows` makes them the segments.
"""
from __future__ import annotations

import re
from typing import Any

from .line_rules import _ends_terminal, _n_words, _norm, _static_kind, is_prose
from .segments import CROSSHEAD_KIND, KINDS, SegmentRow, segment_rows

#: the kind of a crosshead (:data:`analysis_utils.text.segments.CROSSHEAD_KIND`: ``body``,
#: as the plain-text segmenter types one); the rule ``"html-crosshead"`` marks it as a
#: heading (:data:`analysis_utils.text.paragraphs.HEADING_RULES`)
#: a crosshead: a heading of at most this many words that does not end like a sentence
_CROSSHEAD_WORDS = 14
#: a block of at most this many words with at least this share of its characters in
#: links is page furniture
_LINKED_WORDS = 40
_LINKED_SHARE = 0.7
#: the line rules of :mod:`.segments` that retype a block. Left out, measured on the
#: tuning part of the page benchmark: the navigation rule (it takes table rows, whose
#: cells are joined by " | ", and prose with slashes: 15 snippets of main text lost) and
#: the no-letters rule (rows of figures are main text)
_LINE_RULES = frozenset({
    "copyright-pattern", "credit-pattern", "byline-pattern", "timestamp-pattern",
    "furniture-phrase", "identifier", "markup", "furniture-prompt",
})
_HEADING_RULES = ("html-crosshead", "html-head")
#: blocks that can be the running text under a heading
_TEXT_RULES = frozenset({"html-p", "html-quote", "html-text", "html-item", "html-cell", "html-row", "html-code"})

#: elements that make a block of their own, and the element the block is named after
_BLOCK_LABELS = {
    "p": "p", "head": "head", "item": "item", "quote": "quote", "code": "code",
    "graphic": "graphic", "row": "row", "cell": "cell",
    "h1": "head", "h2": "head", "h3": "head", "h4": "head", "h5": "head", "h6": "head",
    "li": "item", "blockquote": "quote", "pre": "code", "tr": "row", "td": "cell", "th": "cell",
}
#: elements whose text stays inside the block around them
_INLINE = frozenset("hi ref del span a b i em strong sub sup u s small font abbr mark q cite time".split())
_LINKS = frozenset({"ref", "a"})
#: blocks in which an element of an unknown name (or ``code``) is inline; elsewhere it is
#: a block of its own
_LEAVES = frozenset({"p", "head", "code", "cell", "graphic"})
#: elements that make a table row more than one line of cells (a layout table)
_STRUCTURE = frozenset({"p", "head", "item", "quote", "code", "list", "table", "row", "cell", "div"})
_ROW_TAGS = frozenset({"row", "tr"})
_CELL_TAGS = frozenset({"cell", "td", "th"})
_CELL_SEPARATOR = " | "
_SPACE_RUN = re.compile(r"[ \t\r\f\v]+")

Block = list  # [start, end, kind, rule]


def page_blocks(body: Any, title: str | None) -> tuple[str, list[Block]]:
    """The article text and its blocks (module docstring) of trafilatura's XML tree
    ``body`` (an lxml element, or ``None``) under the page's ``title``.

    Returns ``(text, blocks)``, the blocks in text order; ``("", [])`` when the tree holds
    no visible text.
    """
    units = _units(body) if body is not None else []
    if not units:
        return "", []
    units = _with_title(units, " ".join(title.split()) if title else "")
    parts: list[str] = []
    blocks: list[Block] = []
    pos = 0
    for label, text, linked in units:
        if parts:
            pos += 2  # the blank line between blocks
        blocks.append([pos, pos + len(text), *_kind(label, text, linked)])
        parts.append(text)
        pos += len(text)
    text = "\n\n".join(parts)
    _retype_headings_without_text(text, blocks)
    return text, blocks


def _with_title(units: list[tuple[str, str, float]], title: str) -> list[tuple[str, str, float]]:
    """``units`` with the title first: a first block that is the title, or a first heading
    of two words or more that the title starts with (titles add the site's name: "Headline
    | Site"), becomes the title block; else the title is put in front unless the text
    starts with it."""
    if not title:
        return units
    t, first = _norm(title), _norm(units[0][1])
    if first == t or (units[0][0] == "head" and (t.startswith(first) or first.startswith(t))
                      and (_n_words(first) >= 2 or len(first) >= 0.5 * len(t))):
        return [("title", units[0][1], 0.0), *units[1:]]
    if _norm(" ".join(u[1] for u in units[:3])).startswith(t):
        return units
    return [("title", title, 0.0), *units]


def _kind(label: str, text: str, linked: float) -> tuple[str, str]:
    """``(kind, rule)`` of one block of element ``label`` with the share ``linked`` of its
    characters in links."""
    if label == "title":
        return "headline", "html-title"
    kind, rule = _static_kind(" ".join(text.split()))
    if kind and rule in _LINE_RULES:
        return kind, rule
    if linked >= _LINKED_SHARE and _n_words(text) <= _LINKED_WORDS:
        return "boilerplate", "html-links"
    if label == "graphic":
        return "caption", "html-graphic"
    if label == "head":
        return (CROSSHEAD_KIND, "html-crosshead") if _is_crosshead(text) else ("body", "html-head")
    return "body", f"html-{label}"


def _is_crosshead(text: str) -> bool:
    """A heading of at most :data:`_CROSSHEAD_WORDS` words that does not end like a sentence."""
    return _n_words(text) <= _CROSSHEAD_WORDS and not _ends_terminal(text)


def _retype_headings_without_text(text: str, blocks: list[Block]) -> None:
    """Retype, in place, each heading after the article's first running text that has no
    running text under it (before the next heading): the heading of a list of links or of
    page furniture becomes ``boilerplate``."""
    seen_text = False
    for i, b in enumerate(blocks):
        if b[3] in _HEADING_RULES and seen_text and not _text_under(text, blocks, i):
            b[2], b[3] = "boilerplate", "html-head-without-text"
        elif b[2] == "body" and _running_text(text[b[0] : b[1]]):
            seen_text = True


def _text_under(text: str, blocks: list[Block], i: int) -> bool:
    """Is there a body block of running text between heading ``i`` and the next heading?"""
    for b in blocks[i + 1 :]:
        if b[3] in _HEADING_RULES:
            return False
        if b[2] == "body" and b[3] in _TEXT_RULES and _running_text(text[b[0] : b[1]]):
            return True
    return False


def _running_text(s: str) -> bool:
    """Prose (:func:`analysis_utils.text.segments.is_prose`), or forty words or more."""
    return is_prose(" ".join(s.split())) or _n_words(s) >= 40


# --- the tree, written out ---------------------------------------------------------------

class _Writer:
    """Collects the blocks of a tree as ``(label, text, linked)`` triples in text order
    (``linked``: the share of the block's characters that are link text)."""

    def __init__(self) -> None:
        self.units: list[tuple[str, str, float]] = []
        self.size = 0  # characters added to the current block
        self.linked = 0  # of which inside links
        self._parts: list[str] = []
        self._label = "text"

    def add(self, s: str | None) -> None:
        if s:
            self._parts.append(s)
            self.size += len(s)

    def start(self, label: str) -> None:
        """End the current block; the text added next belongs to a block of ``label``."""
        self.emit(self._label, "".join(self._parts), self.linked / self.size if self.size else 0.0)
        self._parts, self._label, self.size, self.linked = [], label, 0, 0

    def emit(self, label: str, raw: str, linked: float = 0.0) -> None:
        """Add a whole block (nothing when ``raw`` holds only whitespace)."""
        text = _clean(raw)
        if text:
            self.units.append((label, text, linked))


def _units(body: Any) -> list[tuple[str, str, float]]:
    """The ``(label, text, linked)`` blocks of the tree ``body``, in text order."""
    w = _Writer()
    w.add(body.text)
    for child in body:
        _walk(child, w, "text")
    w.start("text")
    return w.units


def _walk(el: Any, w: _Writer, around: str) -> None:
    """Write element ``el`` (inside a block of label ``around``), then its tail."""
    tag = _tag(el)
    if not tag or tag == "lb":
        w.add("\n" if tag else None)  # a comment or processing instruction adds nothing
    elif tag in _ROW_TAGS and not _holds_blocks(el):
        w.start(around)
        cells = [c for c in (_flat(x) for x in el if _tag(x) in _CELL_TAGS) if c]
        w.emit("row", _CELL_SEPARATOR.join(cells) if cells else _flat(el))
    elif tag in _INLINE or (around in _LEAVES and (tag == "code" or tag not in _BLOCK_LABELS)):
        before = w.size
        w.add(el.text)
        for child in el:
            _walk(child, w, around)
        if tag in _LINKS:
            w.linked += max(0, w.size - before)
    elif tag == "graphic":
        w.start(around)
        w.emit("graphic", f"{el.get('title', '')} {el.get('alt', '')}")
    else:
        label = _BLOCK_LABELS.get(tag, "text")
        if around == "quote" and label in ("p", "text"):
            label = "quote"
        w.start(label)
        w.add(el.text)
        for child in el:
            _walk(child, w, label)
        w.start(around)
    w.add(el.tail)


def _tag(el: Any) -> str:
    """The element's tag; ``""`` for a comment or processing instruction."""
    return el.tag if isinstance(el.tag, str) else ""


def _holds_blocks(row: Any) -> bool:
    """Does a table row hold paragraphs, lists or tables (a layout table)?"""
    return any(_tag(d) in _STRUCTURE for cell in row for d in cell.iterdescendants())


def _flat(el: Any) -> str:
    """All the text of ``el`` on one line (a table cell), its blocks joined by a space."""
    w = _Writer()
    w.add(el.text)
    for child in el:
        _walk(child, w, "cell")
    w.start("cell")
    return " ".join(" ".join(u[1] for u in w.units).split())


def _clean(raw: str) -> str:
    """Each line with its runs of spaces made one space and its ends stripped; empty lines
    dropped."""
    lines = (_SPACE_RUN.sub(" ", ln).strip() for ln in raw.split("\n"))
    return "\n".join(ln for ln in lines if ln)


def block_segment_rows(text: str, blocks: object, title: str | None = None) -> list[SegmentRow]:
    """Segment tuples (as :func:`.segments.segment_rows`) of blocks ``[start, end, kind]`` or ``[start,
    end, kind, rule]``: one per block (rule ``"html-block"`` when none), ``blank`` whitespace
    between. Blocks out of order, overlapping, off the text, of an unknown kind or with text
    between them: ``segment_rows(text, title)``."""
    rows: list[SegmentRow] = []
    pos = 0
    for b in blocks if isinstance(blocks, (list, tuple)) else [None]:
        if not (isinstance(b, (list, tuple)) and len(b) in (3, 4) and type(b[0]) is type(b[1]) is int
                and b[2] in KINDS and b[2] != "blank" and isinstance(b[-1], str)
                and pos <= b[0] < b[1] <= len(text) and not text[pos : b[0]].strip()):
            return segment_rows(text, title)
        if b[0] > pos:
            rows.append(("blank", pos, b[0], False, pos, "whitespace"))
        rows.append((b[2], b[0], b[1], False, b[0], b[3] if len(b) > 3 else "html-block"))
        pos = b[1]
    if text[pos:].strip():
        return segment_rows(text, title)
    return rows + ([("blank", pos, len(text), False, pos, "whitespace")] if pos < len(text) else [])
