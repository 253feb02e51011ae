"""Word (.docx): paragraphs and tables in document order."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
from docx.document import Document as WordDocument
from docx.table import Table as WordTable
from docx.text.paragraph import Paragraph as WordParagraph

from extractor.errors import CorruptFileError, EncryptedFileError
from extractor.read.base import Block, Paragraph, SourceDocument, TableBlock

OLE_MAGIC = b"\xd0\xcf\x11\xe0"


def read_docx(path: Path, data: bytes) -> SourceDocument:
    document = _open(path, data)
    blocks: list[Block] = []
    for item in document.iter_inner_content():
        if isinstance(item, WordParagraph):
            blocks.extend(Paragraph(line) for line in item.text.split("\n"))
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


def _table_rows(table: WordTable) -> list[list[str]]:
    rows: list[list[str]] = []
    above: list[object] = []
    for row in table.rows:
        cells: list[str] = []
        elements: list[object] = []
        for cell in row.cells:
            # A horizontally merged cell is returned once per grid column it spans.
            if elements and cell._tc is elements[-1]:
                continue
            # A vertically merged cell repeats the top cell's text: keep it in the top row only.
            merged_down = len(elements) < len(above) and cell._tc is above[len(elements)]
            elements.append(cell._tc)
            cells.append("" if merged_down else cell.text)
        rows.append(cells)
        above = elements
    return rows
