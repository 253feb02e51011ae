"""PDF with a text layer: pypdfium2 for the text, pdfplumber only on pages that hold tables.

PDF stores visual lines, not paragraphs. Lines are rebuilt into paragraphs from geometry: a
line that runs to the right margin and is followed closely by the next one continues into it.
Text placed in two columns on one line (the header's issuer | motto block, the signature
block) is read column by column, as the DOCX and text readers read layout tables.
A page that lies sideways (a landscape appendix drawn turned on a portrait page, or a page
carrying a /Rotate) is first turned so that its text runs left to right in page space, where
both readers look for lines and table cells.
"""

from __future__ import annotations

import ctypes
import io
import math
from collections import Counter
from dataclasses import dataclass, field, replace
from itertools import pairwise
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import regex

from extractor.errors import CorruptFileError, EncryptedFileError, NoTextLayerError
from extractor.read.base import COVERED, Block, Paragraph, SourceDocument, TableBlock

# A page with fewer ruling paths than this has no bordered table worth pdfplumber's time.
MIN_TABLE_PATHS = 6
# A horizontal gap wider than this many points splits a visual line into columns.
COLUMN_GAP = 28.0
# A line ending this close to the right edge ran to the margin (points).
RUNS_ON_MARGIN = 18.0
SENTENCE_END = regex.compile(r"[.:;!?…]$")
# How far right of the left edge a wrapped paragraph's next line may start.
CONTINUATION_INDENT = 12.0
# Body text ends at least this far across the page (A4 with a 2-3 cm right margin: ~0.9).
RIGHT_EDGE = 0.85
# Characters sampled per page to tell which way its text runs.
ANGLE_SAMPLES = 24
LIST_MARKER = regex.compile(
    r"^(?:[IVXLC]+\.|\d+(?:\.\d+)*[\.\)]|[a-zđ][\)\.,]\s|[-+•–]\s"
    r"|Điều\s+\d|Nhiệm vụ\s+\d|Bước\s+\d)"
)


@dataclass
class PdfParagraph:
    text: str
    top: float
    # The last line reaches the right margin: on the last line of a page, the sentence may go
    # on over the page break.
    runs_on: bool = False


@dataclass
class Segment:
    """A run of text on one visual line; coordinates in points from the page's top-left."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float


@dataclass
class _Reading:
    """What has been read of a document so far: a reading stopped at a page that lies sideways
    goes on from that page in the document turned upright."""

    blocks: list[Block] = field(default_factory=list)
    characters: int = 0
    next_page: int = 0
    runs_on: bool = False  # the last page read ran on to the right margin at its end


def read_pdf(path: Path, data: bytes) -> SourceDocument:
    reading = _Reading()
    document = _open(path, data)
    try:
        pages = len(document)
        upright = _read_upright(document, data, reading)
        if not upright:
            data = _turned_upright(document)
    finally:
        document.close()
    if not upright:
        document = _open(path, data)
        try:
            upright = _read_upright(document, data, reading)
        finally:
            document.close()
    if not upright:
        raise CorruptFileError(
            f"{path}: pages lie sideways in a way that cannot be turned upright; "
            "save the PDF again with its pages upright and retry")
    if reading.characters == 0 and pages:
        raise NoTextLayerError(
            f"{path}: PDF has no text layer (a scanned document); "
            "run OCR first (e.g. ocrmypdf -l vie in.pdf out.pdf) and retry"
        )
    return SourceDocument(blocks=reading.blocks, format="pdf", pages=pages)


def _read_upright(document: pdfium.PdfDocument, data: bytes, reading: _Reading) -> bool:
    """Read on from ``reading.next_page``; False at the first page that lies sideways."""
    plumber = None
    try:
        for index in range(reading.next_page, len(document)):
            page = document[index]
            textpage = page.get_textpage()
            try:
                if _quarter_turns(textpage) or page.get_rotation():
                    return False
                page_number = index + 1
                if _path_count(page) >= MIN_TABLE_PATHS:
                    plumber = plumber or pdfplumber.open(io.BytesIO(data))
                    page_blocks, runs_on = _plumber_page(plumber.pages[index], page_number)
                else:
                    page_blocks, runs_on = _pdfium_page(page, textpage, page_number)
            finally:
                textpage.close()
            reading.characters += sum(len(_block_text(block)) for block in page_blocks)
            if reading.runs_on:
                _join_over_page_break(reading.blocks, page_blocks)
            reading.blocks.extend(page_blocks)
            reading.runs_on = runs_on
            reading.next_page = index + 1
    finally:
        if plumber is not None:
            plumber.close()
    return True


def _quarter_turns(textpage: pdfium.PdfTextPage) -> int:
    """How many quarter turns (0-3) the page's text is rotated by, from a sample of its
    characters; 0 for a page with no text."""
    count = textpage.count_chars()
    step = max(1, count // ANGLE_SAMPLES)
    turns = Counter()
    for index in range(0, count, step):
        # only drawn glyphs: PDFium's own spaces and line breaks report no angle of the text
        if pdfium_c.FPDFText_IsGenerated(textpage, index) == 1 or \
                chr(pdfium_c.FPDFText_GetUnicode(textpage, index)).isspace():
            continue
        angle = pdfium_c.FPDFText_GetCharAngle(textpage, index)
        if angle >= 0:
            turns[round(math.degrees(angle) / 90) % 4] += 1
    return turns.most_common(1)[0][0] if turns else 0


def _turned_upright(document: pdfium.PdfDocument) -> bytes:
    """The document's bytes with every page's content turned so that its text runs left to
    right and no /Rotate left."""
    for index in range(len(document)):
        page = document[index]
        textpage = page.get_textpage()
        turns = _quarter_turns(textpage)
        textpage.close()
        left, bottom, right, top = page.get_mediabox()
        # PDFium measures a character's angle clockwise; turning the content as far
        # anticlockwise, then shifting it back onto the page, sets the text upright.
        a, b, c, d, e, f = {
            0: (1, 0, 0, 1, -left, -bottom),
            1: (0, 1, -1, 0, top, -left),
            2: (-1, 0, 0, -1, right, top),
            3: (0, -1, 1, 0, -bottom, right),
        }[turns]
        matrix = pdfium_c.FS_MATRIX(a, b, c, d, e, f)
        pdfium_c.FPDFPage_TransFormWithClip(page, ctypes.byref(matrix), None)
        width, height = right - left, top - bottom
        if turns % 2:
            width, height = height, width
        page.set_mediabox(0, 0, width, height)
        page.set_cropbox(0, 0, width, height)
        page.set_rotation(0)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


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


def _join_over_page_break(blocks: list[Block], page_blocks: list[Block]) -> None:
    """A paragraph whose last line ran to the margin goes on with the next page's first."""
    if not blocks or not page_blocks:
        return
    last, first = blocks[-1], page_blocks[0]
    # a clause mark before a lowercase line goes on too: "...; kịp thời chấn chỉnh ..."
    ends = SENTENCE_END.search(last.text) if isinstance(last, Paragraph) else None
    if (isinstance(last, Paragraph) and isinstance(first, Paragraph)
            and (not ends or (ends.group() == ";" and first.text[:1].islower()))
            and not LIST_MARKER.match(first.text)):
        blocks[-1] = Paragraph(_join(last.text, first.text), last.page)
        del page_blocks[0]


def _block_text(block: Block) -> str:
    if isinstance(block, Paragraph):
        return block.text.strip()
    return "".join("".join(row).strip() for row in block.rows)


def _path_count(page: pdfium.PdfPage) -> int:
    return sum(1 for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=2))


def _pdfium_page(page: pdfium.PdfPage, textpage: pdfium.PdfTextPage,
                 page_number: int) -> tuple[list[Block], bool]:
    height = page.get_height()
    segments = []
    for index in range(textpage.count_rects()):
        left, bottom, right, top = textpage.get_rect(index)
        # PDFium marks a hyphen where the line wraps with \x02.
        text = textpage.get_text_bounded(left, bottom, right, top).replace("\x02", "-")
        if text.strip():
            segments.append(Segment(text.strip("\r\n"), left, right, height - top, height - bottom))
    paragraphs = _paragraphs_with_top(_lines(segments), page.get_width())
    blocks: list[Block] = [Paragraph(p.text, page_number) for p in paragraphs]
    return blocks, bool(paragraphs) and paragraphs[-1].runs_on


def _plumber_page(page: pdfplumber.page.Page, page_number: int) -> tuple[list[Block], bool]:
    tables = page.find_tables()
    boxes = [table.bbox for table in tables]

    def outside_tables(obj: dict) -> bool:
        # By the character's centre: a heading whose box touches the table's edge stays text.
        if obj.get("object_type") != "char":
            return True
        x = (obj["x0"] + obj["x1"]) / 2
        y = (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)

    words = page.filter(outside_tables).extract_words(keep_blank_chars=False,
                                                      use_text_flow=False)
    paragraphs = _paragraphs_with_top(_lines(_words_to_segments(words)), float(page.width))
    blocks: list[Block] = []
    pending = sorted(tables, key=lambda table: table.bbox[1])
    # Paragraphs keep their reading order (columns!); each table goes before the first
    # paragraph that starts below its top.
    for paragraph in paragraphs:
        while pending and pending[0].bbox[1] < paragraph.top:
            blocks.append(_table_block(pending.pop(0), page_number))
        blocks.append(Paragraph(paragraph.text, page_number))
    blocks.extend(_table_block(table, page_number) for table in pending)
    runs_on = not pending and bool(paragraphs) and paragraphs[-1].runs_on
    return blocks, runs_on


def _table_block(table: pdfplumber.table.Table, page_number: int) -> TableBlock:
    rows = [[cell if cell is not None else _covering(table, row, column)
             for column, cell in enumerate(cells)]
            for row, cells in enumerate(table.extract())]
    return TableBlock(rows, page_number, [page_number] * len(rows))


def _covering(table: pdfplumber.table.Table, row: int, column: int) -> str:
    """What stands where a merged cell covers the grid: a cell merged down from a row above
    covers this one (read as that cell, as in a Word table); one merged across leaves it empty."""
    row_box = table.rows[row].bbox
    columns = table.columns
    if column >= len(columns):
        return ""
    x = (columns[column].bbox[0] + columns[column].bbox[2]) / 2
    y = (row_box[1] + row_box[3]) / 2
    owner = next((cell for cell in table.cells
                  if cell[0] <= x <= cell[2] and cell[1] <= y <= cell[3]), None)
    return COVERED if owner is not None and owner[1] < row_box[1] - 0.5 else ""


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


def _paragraphs_with_top(lines: list[list[Segment]], page_width: float) -> list[PdfParagraph]:
    """Rebuild paragraphs; a two-column zone is read column by column."""
    right_edge = max([run.x1 for line in lines for run in line] + [RIGHT_EDGE * page_width])
    out: list[PdfParagraph] = []
    single: list[Segment] = []
    index = 0
    while index < len(lines):
        runs = _columns(lines[index])
        if len(runs) == 1:
            single.append(runs[0])
            index += 1
            continue
        out.extend(_join_wrapped(single, right_edge))
        single = []
        split = runs[1].x0
        zone = [runs]
        index += 1
        while index < len(lines) and _in_zone(_columns(lines[index]), split):
            zone.append(_columns(lines[index]))
            index += 1
        left = [run for row in zone for run in row if run.x0 < split - COLUMN_GAP / 2]
        right = [run for row in zone for run in row if run.x0 >= split - COLUMN_GAP / 2]
        for column, boundary in ((left, split - COLUMN_GAP / 2), (right, right_edge)):
            out.extend(replace(p, runs_on=False) for p in _join_wrapped(column, boundary))
    out.extend(_join_wrapped(single, right_edge))
    return out


def _in_zone(runs: list[Segment], split: float) -> bool:
    """A line belongs to a two-column zone if nothing on it crosses the column split."""
    return all(run.x1 < split - 2 or run.x0 >= split - COLUMN_GAP for run in runs)


def _typical_gap(lines: list[Segment]) -> float:
    """The median space between consecutive lines: the spacing inside a paragraph."""
    gaps = sorted(b.top - a.bottom for a, b in pairwise(lines) if b.top > a.bottom)
    return gaps[len(gaps) // 2] if gaps else 0.0


def _first_word_width(line: Segment) -> float:
    text = line.text.strip()
    if not text:
        return 0.0
    per_character = (line.x1 - line.x0) / len(text)
    return per_character * (len(text.split()[0]) + 1)


def _join_wrapped(lines: list[Segment], right: float) -> list[PdfParagraph]:
    """Join lines the layout wrapped: the next line's first word would not have fitted on
    the line before it, and the next line starts back at the left edge (centered lines, such
    as titles and the signature block, do not)."""
    if not lines:
        return []
    out: list[PdfParagraph] = []
    left = min(line.x0 for line in lines)
    line_gap = _typical_gap(lines)
    current = lines[0]
    text, top = current.text.strip(), current.top
    for line in lines[1:]:
        height = current.bottom - current.top
        gap = line.top - current.bottom
        close = gap <= min(0.9 * height, line_gap * 1.3 + 1)
        # a centred line that leaves a bracket open goes on in the next: "(Ban hành kèm theo
        # Quyết định số 46/QĐ-STNMT ... của Giám đốc Sở" | "Tài nguyên và Môi trường)"
        bracket_open = text.count("(") > text.count(")") and ")" in line.text and close
        # a title in capitals too long for one line goes on, centred, in the next:
        # "NHIỆM VỤ, GIẢI PHÁP ... HỢP TÁC XÃ" | "NĂM 2026"
        title_goes_on = text.isupper() and _capitals_go_on(line.text) and close and \
            current.x1 + _first_word_width(line) > right
        wrapped = bracket_open or title_goes_on or (
            current.x1 + _first_word_width(line) > right
            and line.x0 <= left + CONTINUATION_INDENT
            and close
            and (not LIST_MARKER.match(line.text.strip()) or _range_goes_on(text, line.text)
                 or _name_goes_on(text, line.text))
            and not text.endswith("./.")
            # a heading in capitals does not run on into the caption under it, nor a title
            # into the line that says what it is attached to
            and not (text.isupper() and not _capitals_go_on(line.text))
            and not ATTACHED_TO.match(line.text.strip())
        )
        if wrapped:
            text = _join(text, line.text.strip())
        else:
            out.append(PdfParagraph(text, top))
            text, top = line.text.strip(), line.top
        current = line
    out.append(PdfParagraph(text, top, runs_on=current.x1 >= right - RUNS_ON_MARGIN))
    return out


# "(Ban hành kèm theo Quyết định số 312/QĐ-UBND ...)", "(Kèm theo Kế hoạch số ...)"
ATTACHED_TO = regex.compile(r"\((?:Ban hành\s+)?[Kk]èm theo\b")


YEAR_AT_END = regex.compile(r"(?<!\d)(?:19|20)\d{2}$")
RANGE_END = regex.compile(r"^[-–]\s*(?:19|20)\d{2}(?!\d)")


def _range_goes_on(text: str, line: str) -> bool:
    """A line that opens with "- 2025" after one ending in a year is the end of a range the
    layout wrapped ("giai đoạn 2021" | "- 2025;"), not a list item."""
    return bool(YEAR_AT_END.search(text) and RANGE_END.match(line.strip()))


NAME_AT_END = regex.compile(r"\p{Lu}\p{Ll}*(?:\s+\p{Ll}+)?$")
NAME_PART = regex.compile(r"^[-–]\s+\p{Lu}\p{Ll}")


def _name_goes_on(text: str, line: str) -> bool:
    """A line that opens with "- Xã hội" after one ending in a capitalised word is the rest of
    a name the layout wrapped at its dash ("Phòng Văn hóa" | "- Xã hội rà soát ..."), not a
    list item."""
    return not SENTENCE_END.search(text) and bool(NAME_AT_END.search(text)) and \
        bool(NAME_PART.match(line.strip()))


def _capitals_go_on(text: str) -> bool:
    """Whether a line can continue a heading in capitals: it is in capitals too, or a number
    ("... NĂM" | "2025")."""
    return text.isupper() or text.strip()[:1].isdigit()


def _join(left: str, right: str) -> str:
    # A word broken at a hyphen comes back as "kinh tế-" + "xã hội".
    if left.endswith("-") and not left.endswith(" -"):
        return left + right
    return left + " " + right
