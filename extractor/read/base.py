"""What every reader produces: the document as a sequence of blocks.

A block is a paragraph (one logical line of the document) or a table (rows of cell texts).
Readers keep the text as the file has it; cleaning and offsets are the normaliser's job, so the
same plan in any format reaches the normaliser as the same blocks.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from extractor.model import SourceFormat


@dataclass
class Paragraph:
    text: str
    page: int | None = None


# The text of a cell covered by a cell merged down from a row above (HTML "rowspan", Word's
# vertical merge): it reads as that cell, whose words stay in the top row only.
COVERED = "\ue000"


@dataclass
class TableBlock:
    rows: list[list[str]]
    page: int | None = None
    # Pages on which each row starts (paged formats), parallel to ``rows``.
    row_pages: list[int | None] = field(default_factory=list)


Block = Paragraph | TableBlock


@dataclass
class SourceDocument:
    blocks: list[Block]
    format: SourceFormat
    pages: int | None = None
    encoding: str | None = None

