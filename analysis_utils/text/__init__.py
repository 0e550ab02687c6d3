"""The text layer: bytes to text, files and pages to articles, and the layers every
analysis reads — segments, sentences, paragraphs and quotation marks — each with
character offsets into the original text.

Modules: :mod:`.decoding` (bytes to text), :mod:`.loading` (the loaders, gathered from
:mod:`.articles`, :mod:`.folders`, :mod:`.files`, :mod:`.html_pages`,
:mod:`.json_records` and :mod:`.metadata`), :mod:`.document` (a text and its lazily
computed text layers), :mod:`.segments` (typed lines), :mod:`.sentences` (sentence
boundaries), :mod:`.paragraphs`, :mod:`.quote_marks` (the one quotation-mark reader),
:mod:`.clauses`, :mod:`.slugs` (safe names); :mod:`.frames` (tables from columns) and
:mod:`.alternation` (fast word alternations) serve the others.
"""
