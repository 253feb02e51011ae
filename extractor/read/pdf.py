"""PDF with a text layer: pypdfium2 for the text, pdfplumber only on pages that hold tables.

PDF stores visual lines, not paragraphs. Lines are rebuilt into paragraphs from geometry: a
line that runs to the right margin and is followed closely by the next one continues into it.
Text placed in two columns on one line (the header's issuer | motto block, the signature
block) is read column by column, as the DOCX and text readers read layout tables.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import regex

from extractor.errors import CorruptFileError, EncryptedFileError, NoTextLayerError
from extractor.read.base import Block, Paragraph, SourceDocument, TableBlock

# A page with fewer ruling paths than this has no bordered table worth pdfplumber's time.
MIN_TABLE_PATHS = 6
# A horizontal gap wider than this many points splits a visual line into columns.
COLUMN_GAP = 28.0
LIST_MARKER = regex.compile(
    r"^(?:[IVXLC]+\.|\d+(?:\.\d+)*[\.\)]|[a-zđ][\)\.,]\s|[-+•–]\s|Điều\s+\d|Nhiệm vụ\s+\d|Bước\s+\d)"
)


@dataclass
class Segment:
    """A run of text on one visual line; coordinates in points from the page's top-left."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float


def read_pdf(path: Path, data: bytes) -> SourceDocument:
    document = _open(path, data)
    blocks: list[Block] = []
    plumber = None
    characters = 0
    try:
        for index in range(len(document)):
            page = document[index]
            page_number = index + 1
            if _path_count(page) >= MIN_TABLE_PATHS:
                plumber = plumber or pdfplumber.open(io.BytesIO(data))
                page_blocks = _plumber_page(plumber.pages[index], page_number)
            else:
                page_blocks = _pdfium_page(page, page_number)
            characters += sum(len(_block_text(block)) for block in page_blocks)
            blocks.extend(page_blocks)
        pages = len(document)
    finally:
        if plumber is not None:
            plumber.close()
        document.close()
    if characters == 0 and pages:
        raise NoTextLayerError(
            f"{path}: PDF has no text layer (a scanned document); "
            "run OCR first (e.g. ocrmypdf -l vie in.pdf out.pdf) and retry"
        )
    return SourceDocument(blocks=blocks, format="pdf", pages=pages)


def _open(path: Path, data: bytes) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        message = str(error)
        if "password" in message.lower():
            raise EncryptedFileError(
                f"{path}: PDF is password-protected; remove the password and retry"
            ) from error
        raise CorruptFileError(
            f"{path}: damaged or truncated PDF ({message}); get a complete copy and retry"
        ) from error


def _block_text(block: Block) -> str:
    if isinstance(block, Paragraph):
        return block.text.strip()
    return "".join("".join(row).strip() for row in block.rows)


def _path_count(page: pdfium.PdfPage) -> int:
    return sum(1 for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=2))


def _pdfium_page(page: pdfium.PdfPage, page_number: int) -> list[Block]:
    height = page.get_height()
    textpage = page.get_textpage()
    segments = []
    for index in range(textpage.count_rects()):
        left, bottom, right, top = textpage.get_rect(index)
        text = textpage.get_text_bounded(left, bottom, right, top)
        if text.strip():
            segments.append(Segment(text.strip("\r\n"), left, right, height - top, height - bottom))
    textpage.close()
    return [Paragraph(text, page_number) for text in _paragraphs(segments, page.get_width())]


def _plumber_page(page: pdfplumber.page.Page, page_number: int) -> list[Block]:
    tables = page.find_tables()
    outside = page
    for table in tables:
        outside = outside.outside_bbox(table.bbox)
    words = outside.extract_words(keep_blank_chars=False, use_text_flow=False)
    segments = _words_to_segments(words)
    placed: list[tuple[float, Block]] = []
    lines = _lines(segments)
    for text, top in _paragraphs_with_top(lines, float(page.width)):
        placed.append((top, Paragraph(text, page_number)))
    for table in tables:
        rows = [[cell or "" for cell in row] for row in table.extract()]
        placed.append((table.bbox[1], TableBlock(rows, page_number, [page_number] * len(rows))))
    placed.sort(key=lambda item: item[0])
    return [block for _, block in placed]


def _words_to_segments(words: list[dict]) -> list[Segment]:
    return [
        Segment(word["text"], word["x0"], word["x1"], word["top"], word["bottom"])
        for word in words
    ]


def _lines(segments: list[Segment]) -> list[list[Segment]]:
    """Group segments into visual lines by vertical overlap, left to right."""
    lines: list[list[Segment]] = []
    for segment in sorted(segments, key=lambda s: (round(s.top, 1), s.x0)):
        middle = (segment.top + segment.bottom) / 2
        if lines and lines[-1][0].top <= middle <= lines[-1][0].bottom:
            lines[-1].append(segment)
        else:
            lines.append([segment])
    return [sorted(line, key=lambda s: s.x0) for line in lines]


def _columns(line: list[Segment]) -> list[Segment]:
    """Merge a line's segments into column runs, split where the gap is wide."""
    runs: list[Segment] = []
    for segment in line:
        if runs and segment.x0 - runs[-1].x1 < COLUMN_GAP:
            last = runs[-1]
            joiner = "" if segment.x0 - last.x1 < 0.5 else " "
            runs[-1] = Segment(
                last.text + joiner + segment.text, last.x0, segment.x1,
                min(last.top, segment.top), max(last.bottom, segment.bottom),
            )
        else:
            runs.append(segment)
    return runs


def _paragraphs(segments: list[Segment], page_width: float) -> list[str]:
    return [text for text, _ in _paragraphs_with_top(_lines(segments), page_width)]


def _paragraphs_with_top(lines: list[list[Segment]], page_width: float) -> list[tuple[str, float]]:
    """Rebuild paragraphs; runs of two-column lines are read column by column."""
    out: list[tuple[str, float]] = []
    single: list[Segment] = []
    index = 0
    while index < len(lines):
        runs = _columns(lines[index])
        if len(runs) == 1:
            single.append(runs[0])
            index += 1
            continue
        out.extend(_join_wrapped(single, page_width))
        single = []
        columned: list[list[Segment]] = []
        while index < len(lines) and len(runs := _columns(lines[index])) > 1:
            columned.append(runs)
            index += 1
        for column in range(max(len(runs) for runs in columned)):
            cells = [runs[column] for runs in columned if column < len(runs)]
            out.extend((cell.text.strip(), cell.top) for cell in cells)
    out.extend(_join_wrapped(single, page_width))
    return out


def _join_wrapped(lines: list[Segment], page_width: float) -> list[tuple[str, float]]:
    if not lines:
        return []
    right = max(line.x1 for line in lines)
    margin = 0.07 * page_width
    out: list[tuple[str, float]] = []
    current = lines[0]
    text, top = current.text.strip(), current.top
    for line in lines[1:]:
        height = current.bottom - current.top
        wrapped = (
            current.x1 >= right - margin
            and line.top - current.bottom <= 0.9 * height
            and not LIST_MARKER.match(line.text.strip())
        )
        if wrapped:
            text = _join(text, line.text.strip())
        else:
            out.append((text, top))
            text, top = line.text.strip(), line.top
        current = line
    out.append((text, top))
    return out


def _join(left: str, right: str) -> str:
    # A word broken at a hyphen comes back as "kinh tế-" + "xã hội".
    if left.endswith("-") and not left.endswith(" -"):
        return left + right
    return left + " " + right
