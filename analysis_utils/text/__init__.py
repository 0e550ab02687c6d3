"""The text layer: bytes to text, files and pages to articles, and the layers every
analysis reads — segments, sentences, paragraphs and quotation marks — each with
character offsets into the original text.

Modules: :mod:`.decoding` (bytes to text), :mod:`.loading` (files, HTML, JSON,
sidecars), :mod:`.document` (a text and its lazily computed text layers),
:mod:`.segments` (typed lines), :mod:`.sentences` (sentence boundaries),
:mod:`.quote_marks` (the one quotation-mark reader), :mod:`.slugs` (safe names).
"""
