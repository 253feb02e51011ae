"""Word (.docx): paragraphs and tables in document order."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import regex
from docx.document import Document as WordDocument
from docx.oxml.ns import qn
from docx.table import Table as WordTable
from docx.text.paragraph import Paragraph as WordParagraph

from extractor.errors import CorruptFileError, EncryptedFileError
from extractor.read.base import COVERED, Block, Paragraph, SourceDocument, TableBlock
from extractor.read.text import LIST_MARKER_TAB

OLE_MAGIC = b"\xd0\xcf\x11\xe0"
TEXT, TAB, BREAK, DELETED, PARAGRAPH = (qn(tag) for tag in ("w:t", "w:tab", "w:br", "w:del", "w:p"))


def read_docx(path: Path, data: bytes) -> SourceDocument:
    document = _open(path, data)
    numbering = _Numbering(document)
    blocks: list[Block] = []
    columns: list[list[str]] = []  # lines laid out in columns with tabs, read as table rows

    def close_columns() -> None:
        if columns:
            blocks.append(TableBlock(columns.copy()))
            columns.clear()

    for item in document.iter_inner_content():
        if isinstance(item, WordParagraph):
            text = paragraph_text(item._p)
            marker = numbering.marker(item._p) if text.strip() else None
            if marker and not text.lstrip().startswith(marker):
                text = f"{marker} {text.lstrip()}"
            for line in text.split("\n"):
                cells = _tab_columns(line)
                if cells:
                    columns.append(cells)
                else:
                    close_columns()
                    blocks.append(Paragraph(line))
        elif isinstance(item, WordTable):
            close_columns()
            blocks.append(TableBlock(_table_rows(item, numbering)))
    close_columns()
    return SourceDocument(blocks=blocks, format="docx")


def _tab_columns(line: str) -> list[str] | None:
    """A line typed in columns with tabs, as a two-column header often is ("ỦY BAN NHÂN
    DÂN<tab><tab>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"): its cells; not a list item's marker
    and its tab ("1.<tab>Phấn đấu ...")."""
    if "\t" not in line or LIST_MARKER_TAB.match(line):
        return None
    cells = [cell.strip() for cell in regex.split(r"\t+", line.strip())]
    return cells if sum(1 for cell in cells if cell) >= 2 else None


class _Numbering:
    """Word's automatic list numbers ("1.", "a)", "II.", bullets), which are not in the
    paragraph's text: counted the way Word counts them, so that a plan numbered by Word reads
    like one numbered by hand."""

    def __init__(self, document: WordDocument) -> None:
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}  # numId -> ilvl -> level
        self.counters: dict[str, list[int]] = {}
        self.style_numbering: dict[str, tuple[str, int]] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract = {node.get(qn("w:abstractNumId")): _levels(node)
                    for node in root.iter(qn("w:abstractNum"))}
        for num in root.iter(qn("w:num")):
            ref = num.find(qn("w:abstractNumId"))
            levels = dict(abstract.get(ref.get(qn("w:val")) if ref is not None else "", {}))
            for override in num.iter(qn("w:lvlOverride")):
                level = int(override.get(qn("w:ilvl"), "0"))
                start = override.find(qn("w:startOverride"))
                if start is not None and level in levels:
                    fmt, text, _ = levels[level]
                    levels[level] = (fmt, text, int(start.get(qn("w:val"), "1")))
            self.levels[num.get(qn("w:numId"))] = levels
        for style in document.styles.element.iter(qn("w:style")):
            found = _num_pr(style.find(qn("w:pPr")))
            if found:
                self.style_numbering[style.get(qn("w:styleId"))] = found

    def marker(self, paragraph) -> str | None:
        properties = paragraph.find(qn("w:pPr"))
        found = _num_pr(properties)
        if found is None and properties is not None:
            style = properties.find(qn("w:pStyle"))
            found = self.style_numbering.get(style.get(qn("w:val"))) if style is not None \
                else None
        if found is None:
            return None
        num_id, level = found
        levels = self.levels.get(num_id)
        if not levels or level not in levels:
            return None
        counters = self.counters.setdefault(num_id, [levels[i][2] - 1 if i in levels else 0
                                                     for i in range(9)])
        counters[level] += 1
        for deeper in range(level + 1, 9):
            counters[deeper] = levels[deeper][2] - 1 if deeper in levels else 0
        fmt, text, _ = levels[level]
        if fmt == "bullet":
            return "-"
        if fmt == "none":
            return None

        def number(match) -> str:
            index = int(match.group(1)) - 1
            shown_fmt = levels[index][0] if index in levels else "decimal"
            return _format(max(counters[index], 1), shown_fmt)

        return regex.sub(r"%([1-9])", number, text).strip() or None


def _levels(abstract) -> dict[int, tuple[str, str, int]]:
    levels = {}
    for level in abstract.iter(qn("w:lvl")):
        fmt = level.find(qn("w:numFmt"))
        text = level.find(qn("w:lvlText"))
        start = level.find(qn("w:start"))
        levels[int(level.get(qn("w:ilvl"), "0"))] = (
            fmt.get(qn("w:val"), "decimal") if fmt is not None else "decimal",
            text.get(qn("w:val"), "") if text is not None else "",
            int(start.get(qn("w:val"), "1")) if start is not None else 1)
    return levels


def _num_pr(properties) -> tuple[str, int] | None:
    """(numId, ilvl) of a paragraph's or style's list, if it has one (numId 0 switches a
    style's list off)."""
    if properties is None:
        return None
    num_pr = properties.find(qn("w:numPr"))
    if num_pr is None:
        return None
    num_id = num_pr.find(qn("w:numId"))
    level = num_pr.find(qn("w:ilvl"))
    if num_id is None or num_id.get(qn("w:val")) in (None, "0"):
        return None
    return num_id.get(qn("w:val")), int(level.get(qn("w:val"), "0")) if level is not None else 0


ROMAN = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
         (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


def _format(value: int, fmt: str) -> str:
    if fmt in {"lowerLetter", "upperLetter"}:
        letters = ""
        while value > 0:
            value, rest = divmod(value - 1, 26)
            letters = chr(ord("a") + rest) + letters
        return letters.upper() if fmt == "upperLetter" else letters
    if fmt in {"lowerRoman", "upperRoman"}:
        roman = ""
        for amount, numeral in ROMAN:
            while value >= amount:
                roman += numeral
                value -= amount
        return roman.lower() if fmt == "lowerRoman" else roman
    return str(value)


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


def _cell_text(cell, numbering: _Numbering) -> str:
    """A cell's lines, each with the number Word draws for it (a "STT" column numbered by a
    list shows "1." in a cell with no text)."""
    lines = []
    for element in cell._tc.iter(PARAGRAPH):
        text = paragraph_text(element)
        marker = numbering.marker(element)
        lines.append(f"{marker} {text.lstrip()}".rstrip()
                     if marker and not text.lstrip().startswith(marker) else text)
    return "\n".join(lines)


def _table_rows(table: WordTable, numbering: _Numbering) -> list[list[str]]:
    """One cell per grid column: a cell merged across columns leaves the columns it covers
    empty, and a cell merged down keeps its text in its top row and covers the rows below, so
    every row lines up with the header."""
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
            cells.append("" if repeated_across else COVERED if merged_down else
                         _cell_text(cell, numbering))
        rows.append(cells)
        above = elements
    return rows
