"""One exception family for bad input.

Every error the kit raises about an article is an :class:`ArticleError` (a
``ValueError``), and its message names the file (when there is one) and the reason.
"""
from __future__ import annotations


class ArticleError(ValueError):
    """Base class: the input cannot be turned into an article."""

    def __init__(self, reason: str, source: object | None = None):
        self.reason = reason
        self.source = None if source is None else str(source)
        msg = f"{self.source}: {reason}" if self.source else reason
        super().__init__(msg)


class ArticleNotFound(ArticleError):
    """The path does not exist (or a folder/glob matched no article files)."""


class EmptyArticle(ArticleError):
    """The file or text holds no visible characters."""


class BinaryContent(ArticleError):
    """The file is not text (an image, an archive, a PDF, ...)."""


class DecodingError(ArticleError):
    """The bytes look like text but no encoding decodes them sensibly."""


class UnsupportedFormat(ArticleError):
    """The file type or JSON layout is not one the kit reads."""


class InputTypeError(ArticleError, TypeError):
    """The argument is not something an article can come from (a number, ``None``, a list
    where a text was expected): in the kit's family, and a ``TypeError`` as well."""


class ModelFileError(ValueError):
    """A model file the kit ships (learned cue words, speaker confidence) is missing,
    unreadable or not in the expected layout; the message names the file and says how
    to restore it."""
