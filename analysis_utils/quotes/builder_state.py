"""The state records of the document pass (:mod:`analysis_utils.quotes.builder`): a
sentence with its tokens and frames, a speaker said so far, and small helpers on
offsets and rows shared by the rule modules.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..text.paragraphs import Paragraph
from .frames import Frame
from .tokens import Tok


@dataclass
class _Sentence:
    para: Paragraph
    start: int
    end: int
    toks: list[Tok]
    frames: list[Frame] = field(default_factory=list)
    quoted: bool = True  # False: no quotation token among ``toks``


@dataclass
class _Said:
    """The last attributed speaker, for pronouns and continuations."""

    name: str
    pos: int
    para: int
    person: bool
    plural: bool
    gender: str = ""
    titled: bool = False  # named with a title (``President Obama``)


def first_char(text: str, a: int) -> int:
    while a < len(text) and text[a].isspace():
        a += 1
    return a


def _span_of(row: dict) -> tuple[int, int] | None:
    return (row["speaker_start"], row["speaker_end"]) if row["speaker_start"] is not None else None


