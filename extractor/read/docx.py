"""Word (.docx): paragraphs and tables in document order."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
from docx.document import Document as WordDocument
from docx.oxml.ns import qn
from docx.table import Table as WordTable
from docx.text.paragraph import Paragraph as WordParagraph

from extractor.errors import CorruptFileError, EncryptedFileError
from extractor.read.base import Block, Paragraph, SourceDocument, TableBlock

OLE_MAGIC = b"\xd0\xcf\x11\xe0"
TEXT, TAB, BREAK, DELETED, PARAGRAPH = (qn(tag) for tag in ("w:t", "w:tab", "w:br", "w:del", "w:p"))


def read_docx(path: Path, data: bytes) -> SourceDocument:
    document = _open(path, data)
    blocks: list[Block] = []
    for item in document.iter_inner_content():
        if isinstance(item, WordParagraph):
            blocks.extend(Paragraph(line) for line in paragraph_text(item._p).split("\n"))
        elif isinstance(item, WordTable):
            blocks.append(TableBlock(_table_rows(item)))
    return SourceDocument(blocks=blocks, format="docx")


def _open(path: Path, data: bytes) -> WordDocument:
    if data.startswith(OLE_MAGIC):
        # Password-protected .docx files are OLE containers, like old .doc files.
        raise EncryptedFileError(
            f"{path}: encrypted or old-format Word file; save it unprotected as .docx and retry"
        )
    try:
        return docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as error:
        raise CorruptFileError(
            f"{path}: not a readable Word .docx file ({_reason(error)}); "
            "re-save it from Word or LibreOffice and retry"
        ) from error
    except Exception as error:  # lxml and python-docx raise many types on broken parts
        raise CorruptFileError(
            f"{path}: damaged Word .docx file ({type(error).__name__}); "
            "re-save it from Word or LibreOffice and retry"
        ) from error


def _reason(error: Exception) -> str:
    text = str(error).strip() or type(error).__name__
    return text.splitlines()[0][:80]


def paragraph_text(element) -> str:
    """All the text of a paragraph, including runs inside smart tags, hyperlinks, content
    controls and tracked insertions (python-docx's ``Paragraph.text`` skips some of these),
    without tracked deletions."""
    parts = []
    for node in element.iter(TEXT, TAB, BREAK):
        if any(ancestor.tag == DELETED for ancestor in node.iterancestors()):
            continue
        parts.append(node.text or "" if node.tag == TEXT else "\t" if node.tag == TAB else "\n")
    return "".join(parts)


def _cell_text(cell) -> str:
    return "\n".join(paragraph_text(p) for p in cell._tc.iter(PARAGRAPH))


def _table_rows(table: WordTable) -> list[list[str]]:
    """One cell per grid column: a cell merged across columns leaves the columns it covers
    empty, and a cell merged down keeps its text in its top row, so every row lines up with
    the header."""
    rows: list[list[str]] = []
    above: list[object] = []
    for row in table.rows:
        cells: list[str] = []
        elements: list[object] = []
        for cell in row.cells:
            column = len(elements)
            repeated_across = bool(elements) and cell._tc is elements[-1]
            merged_down = column < len(above) and cell._tc is above[column]
            elements.append(cell._tc)
            cells.append("" if repeated_across or merged_down else _cell_text(cell))
        rows.append(cells)
        above = elements
    return rows
