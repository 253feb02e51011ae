"""Blocks from any reader -> one canonical text that every span points into.

The canonical text has one line per paragraph and one line per table row (cells separated by a
tab), so a plan reads the same whether it came as text, DOCX, PDF or HTML. Cleaning happens per
block before the text is assembled, so offsets are exact by construction:

- Unicode NFC; look-alike letters (Ð for Đ) and invisible characters mended;
- leftovers of conversion removed (Markdown emphasis and headings, HTML tags and entities);
- stray marks from scanning and signing dropped ("huv", "*(ký)*", text after "./.");
- a sentence broken by a line or page break ("người" | "lớn cho ...") joined again;
- layout tables (header and signature blocks set side by side) read as paragraphs;
- a table continued after a page break merged, repeated header rows dropped.

``folded`` is the same text with one tone-mark convention (``hoà`` -> ``hòa``), the same length,
for matching; a match in ``folded`` is a valid span in ``text``.
"""

from __future__ import annotations

import html
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field

import regex

from extractor.read.base import COVERED, Block, Paragraph, SourceDocument, TableBlock

MARKDOWN_HEADING = regex.compile(r"^\s{0,3}#{1,6}\s+")
MARKDOWN_EMPHASIS = regex.compile(r"(\*{1,3}|_{2,3})(?=\S)(.+?)(?<=\S)\1")
STRAY_ASTERISKS = regex.compile(r"(?<!\S)\*{1,3}(?!\S)|^\*{1,3}|\*{1,3}$")
HTML_TAG = regex.compile(r"</?[a-zA-Z][^<>]*>")
LOOKALIKES = str.maketrans({"Ð": "Đ", "ð": "đ", "\u00a0": " ", "\u2009": " ", "\u202f": " "})
INVISIBLE = regex.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad\ud800-\udfff]")  # and lone surrogates
SPACES = regex.compile(r"[ \t\f\v]+")
END_MARK = regex.compile(r"\./\.")
# After the "./." end mark only a signature or scan residue can follow on the same line.
END_RESIDUE = regex.compile(r"(\./\.)\s*\S.{0,24}$")
# Rules drawn under the issuer or the motto: "-------", "---o0o---", "_____".
DECORATION = r"[\s\-_=~*.·•oO0]*[-_=~]{3,}[\s\-_=~*.·•oO0]*"
DECORATION_LINE = regex.compile(rf"^{DECORATION}$")
STRAY_LINE = regex.compile(
    r"^(?:[a-z]{1,4}|\(?(?:[Đđ]ã ký|[Kk]ý|[Kk]ý tên|[Đđ]ã ký và đóng dấu)\)?|[\W_]{1,3}"
    rf"|{DECORATION}"
    # page numbers: "- 2 -", "2", "Trang 2/5"
    r"|-?\s*\d{1,3}\s*-?|Trang\s+\d{1,3}(?:\s*/\s*\d{1,3})?)$"
)
CLAUSE_END = regex.compile(r";|\.(?:\s|$)")
SENTENCE_END = regex.compile(r"[.:;!?…)\]”\"'/]$")
# "... kiểm tra đánh giá..." then "của chương trình ...": a list trailing off, not an end.
TRAILING_OFF = regex.compile(r"(?:\.\.\.|…)$")
# A line that goes on with a lowercase word continues the sentence before it, unless it is a
# list item ("a) ...", "đ. ...", "b, ..."); a dash goes on only in the compound "- xã hội"
# ("chính trị" | "- xã hội"), since a bullet may start lowercase too.
CONTINUATION_START = regex.compile(r"^(?:-\s(?=xã hội\b))?\p{Ll}(?![\)\.,]\s)")
# "... Quyết định số 1187/QĐ-UBND ngày" | "28/9/2022 của ...": a line cannot end on these words,
# nor on a year's dash ("năm học 2024 -" | "2025.").
NEEDS_A_NUMBER = regex.compile(r"(?:\bngày|\bsố|\btháng|\bnăm|\b(?:19|20)\d{2}\s*[-–])\s*$",
                               regex.IGNORECASE)
# "- Nguồn xã hội hóa (vận động ... trên địa bàn phường):" | "30.000.000 đồng.": a source's
# amount wrapped onto a line of its own.
AMOUNT_ALONE = regex.compile(r"^\d{1,3}(?:[.,]\d{3})*(?:,\d+)?\s*(?:triệu\s+|tỷ\s+)?đồng\b"
                             r"[^\p{L}]{0,3}$")
LAYOUT_ANCHORS = regex.compile(
    r"ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|CỘNG HÒA XÃ HỘI|CỘNG HOÀ XÃ HỘI|Độc lập\s*-\s*Tự do|"
    r"^Số\s*:|Nơi nhận|^TM\.|^KT\.|^TL\.|CHỦ TỊCH|TRƯỞNG BAN|GIÁM ĐỐC",
    regex.MULTILINE,
)
HEADER_NAMES = regex.compile(r"^(S?TT|Số TT|Nội dung|Thời gian|Đơn vị|Cơ quan)", regex.IGNORECASE)
# Old-style tone placement (hoà, thuỷ, khoẻ) -> the form used for matching (hòa, thủy, khỏe).
_TONES = {
    "a": "àáảãạ", "e": "èéẻẽẹ", "y": "ỳýỷỹỵ",
}
_TONED_FIRST = {"o": "òóỏõọ", "u": "ùúủũụ"}


def _fold_table() -> dict[str, str]:
    pairs: dict[str, str] = {}
    for first, second in (("o", "a"), ("o", "e"), ("u", "y")):
        for tone in range(5):
            old = first + _TONES[second][tone]
            new = _TONED_FIRST[first][tone] + second
            for old_form, new_form in ((old, new), (old.capitalize(), new.capitalize()),
                                       (old.upper(), new.upper())):
                pairs[old_form] = new_form
    return pairs


FOLD_PAIRS = _fold_table()
FOLD_PATTERN = regex.compile(
    r"(?<![qQ])(" + "|".join(FOLD_PAIRS) + r")(?![\p{L}])"
)


def fold_tones(text: str) -> str:
    """One tone-mark convention for matching; the result has the same length."""
    return FOLD_PATTERN.sub(lambda match: FOLD_PAIRS[match.group(1)], text)


@dataclass
class TextLine:
    start: int
    end: int
    page: int | None
    table: int | None = None  # index into NormalizedText.tables for a table row


@dataclass
class NormalizedTable:
    # Each cell as (start, end); the first row is the header.
    rows: list[list[tuple[int, int]]]
    row_pages: list[int | None]
    start: int = 0
    end: int = 0


@dataclass
class NormalizedText:
    text: str
    folded: str
    lines: list[TextLine]
    tables: list[NormalizedTable]
    pages: int | None = None
    _line_starts: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self._line_starts = [line.start for line in self.lines]

    def page_at(self, offset: int) -> int | None:
        index = bisect_right(self._line_starts, offset) - 1
        return self.lines[index].page if index >= 0 else None

    def line_at(self, offset: int) -> TextLine | None:
        index = bisect_right(self._line_starts, offset) - 1
        return self.lines[index] if index >= 0 else None

    def paragraphs(self) -> list[TextLine]:
        return [line for line in self.lines if line.table is None]


def clean_inline(text: str) -> str:
    """Clean one paragraph's text: Unicode, residue, spaces."""
    text = unicodedata.normalize("NFC", html.unescape(text)).translate(LOOKALIKES)
    text = INVISIBLE.sub("", text)
    text = HTML_TAG.sub(" ", text)
    text = MARKDOWN_HEADING.sub("", text)
    text = text.replace("\\*", "*").replace("\\_", "_")
    previous = None
    while previous != text:
        previous = text
        text = MARKDOWN_EMPHASIS.sub(r"\2", text)
    text = STRAY_ASTERISKS.sub(" ", text)
    text = END_RESIDUE.sub(r"\1", text)
    return SPACES.sub(" ", text).strip()


def normalize(source: SourceDocument) -> NormalizedText:
    blocks = _merge_tables(_flatten_layout(_clean_blocks(source.blocks)))
    blocks = _join_broken(blocks)
    # A web page's or a Word file's line breaks in a cell are the writer's (a <br>, a new
    # paragraph), a PDF's may be wraps.
    return _assemble(blocks, source.pages, hard_breaks=source.format in {"html", "docx"})


def _clean_blocks(blocks: list[Block]) -> list[Block]:
    cleaned: list[Block] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            text = clean_inline(block.text)
            if text and not STRAY_LINE.match(text):
                cleaned.append(Paragraph(text, block.page))
        else:
            rows = [[_clean_cell(cell) for cell in row] for row in block.rows]
            keep = [i for i, row in enumerate(rows) if any(row) and not _separator(row)]
            if keep:
                pages = block.row_pages or [block.page] * len(rows)
                cleaned.append(TableBlock([rows[i] for i in keep], block.page,
                                          [pages[i] for i in keep]))
    return cleaned


def _clean_cell(cell: str) -> str:
    """Clean each line of a cell; lines stay apart until the cell is written out."""
    lines = (clean_inline(line) for line in cell.split("\n"))
    return "\n".join(line for line in lines if line and not DECORATION_LINE.match(line))


def _one_line(cell: str, hard_breaks: bool = False) -> str:
    if cell == COVERED:
        return cell
    return join_lines(cell.replace(COVERED, "").split("\n"), items=hard_breaks)


def clause_spans(text: str, ends: regex.Pattern[str] = CLAUSE_END) -> list[tuple[int, int]]:
    """(start, end) of each clause of a line: the pieces between ";" and sentence ends (or
    between the given ``ends``)."""
    spans, start = [], 0
    for mark in ends.finditer(text):
        spans.append((start, mark.start()))
        start = mark.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


# A line that opens with a label ("Phối hợp: ...") is a statement of its own: a cell's "Chủ trì:
# Phòng Kinh tế" over "Phối hợp: các ấp" is read "Chủ trì: Phòng Kinh tế; Phối hợp: các ấp".
LABELLED_LINE = regex.compile(r"^\p{Lu}[\p{L} ]{1,30}:\s")


def join_lines(lines: list[str], items: bool = False) -> str:
    """Lines of one paragraph as one line (a word broken at a hyphen is mended). With
    ``items``, the breaks are the writer's: a line that opens with a capital after one that
    ends without a mark is an item of its own ("Phòng Kinh tế" over "Công an phường"), and
    so is a line with a bullet ("- Phòng Văn hóa - Xã hội" over "- Các trường ..."), whose
    bullet goes."""
    if items and len(lines) > 1:
        lines = [CELL_BULLET.sub("", line) for line in lines]
    text = ""
    for line in lines:
        if text and not text.endswith((";", ":", ",", ".")) and (
                LABELLED_LINE.match(line) or (items and line[:1].isupper())):
            text += ";"
        text = _join_words(text, line) if text else line
    return text


CELL_BULLET = regex.compile(r"^[-+•–]\s+(?=\p{Lu})")


def _join_words(left: str, right: str) -> str:
    if left.endswith("-") and not left.endswith(" -") and right[:1].isalnum():
        return left + right
    return left + " " + right


def _separator(row: list[str]) -> bool:
    return all(regex.fullmatch(r"[-–—=:|+ ]*", cell) for cell in row)


def _is_layout(table: TableBlock) -> bool:
    if len(table.rows) > 4 or max(len(row) for row in table.rows) > 3:
        return False
    if HEADER_NAMES.match(table.rows[0][0] if table.rows[0] else ""):
        return False
    text = "\n".join("\n".join(row) for row in table.rows)
    return bool(LAYOUT_ANCHORS.search(text))


def _flatten_layout(blocks: list[Block]) -> list[Block]:
    """Read a layout table column by column, each cell line a paragraph."""
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, TableBlock) and _is_layout(block):
            width = max(len(row) for row in block.rows)
            for column in range(width):
                for row in block.rows:
                    if column < len(row):
                        out.extend(Paragraph(line, block.page)
                                   for line in _split_cell(row[column]))
        else:
            out.append(block)
    return out


def _split_cell(cell: str) -> list[str]:
    return [part for part in cell.replace(COVERED, "").split("\n") if part.strip()]


def _merge_tables(blocks: list[Block]) -> list[Block]:
    out: list[Block] = []
    for block in blocks:
        previous = out[-1] if out else None
        if isinstance(block, TableBlock):
            block = _merge_continued_rows(block)
            if isinstance(previous, TableBlock) and _continues(previous, block):
                _append_table(previous, block)
                continue
        elif isinstance(previous, TableBlock) and _cell_tail(previous, block):
            continue
        out.append(block)
    # A lone row is a line of text set out with tabs (a web page's tab bar), not a table.
    return [
        Paragraph(" ".join(_one_line(cell) for cell in block.rows[0] if cell), block.page)
        if isinstance(block, TableBlock) and len(block.rows) == 1 else block
        for block in out
    ]


# "b) Về chất lượng: ..." after a table: the next lettered item, no tail of a cell
ITEM_LETTER = regex.compile(r"[a-zđ]\)\s")


def _cell_tail(table: TableBlock, paragraph: Paragraph) -> bool:
    """A row's last cell cut by a page break whose tail came out as a line of its own
    ("... các tổ chức Hội cùng" / "cấp, HKH xã, phường."): joined to the cell, True."""
    row = table.rows[-1]
    last = max((index for index, cell in enumerate(row) if cell), default=None)
    if last is None or len(table.rows) < 2 or not paragraph.text[:1].islower() or \
            ITEM_LETTER.match(paragraph.text) or regex.search(r"[.;:!?]\s*$", row[last]):
        return False
    row[last] = _join_words(row[last], paragraph.text)
    return True


def _width(table: TableBlock) -> int:
    return max(len(row) for row in table.rows)


def _same_row(left: list[str], right: list[str]) -> bool:
    """The same cells; or a repeated header as its first line, the header's wrapped second line
    merged already ("Đơn vị chủ" against "Đơn vị chủ trì")."""
    def key(row: list[str]) -> list[str]:
        return [" ".join(cell.casefold().split()) for cell in row]

    left_key, right_key = key(left), key(right)
    return left_key == right_key or (len(left_key) == len(right_key) and any(left_key) and all(
        b == a or (a and b.startswith(a + " ")) for a, b in zip(left_key, right_key,
                                                                 strict=True)))


def _is_continuation(row: list[str]) -> bool:
    """A row with no first cell goes on with the row before it (a cell cut by a page break),
    but a total row is a row of its own ("| Tổng cộng | 18.650")."""
    return bool(row) and not row[0] and any(row[1:]) and not TOTAL_ROW.fullmatch(
        next(cell for cell in row[1:] if cell))


TOTAL_ROW = regex.compile(r"\s*(?:\*\*)?(?:tổng cộng|tổng số|tổng|cộng)(?:\*\*)?\s*:?\s*",
                          regex.IGNORECASE)


def _continues(previous: TableBlock, table: TableBlock) -> bool:
    if _width(previous) != _width(table):
        return False
    first = table.rows[0]
    return _same_row(first, previous.rows[0]) or _is_continuation(first) or (
        _numbered(previous) and first[0].strip().rstrip(".").isdigit()
        and previous.rows[-1][0].strip().rstrip(".").isdigit()
        and int(first[0].strip().rstrip(".")) == int(previous.rows[-1][0].strip().rstrip(".")) + 1
    )


NUMBER_HEADERS = {"tt", "stt", "số tt"}


def _numbered(table: TableBlock) -> bool:
    header = table.rows[0][0].strip().casefold() if table.rows[0] else ""
    return header in NUMBER_HEADERS


def _append_table(previous: TableBlock, table: TableBlock) -> None:
    rows, pages = table.rows, table.row_pages
    if _same_row(rows[0], previous.rows[0]):
        rows, pages = rows[1:], pages[1:]
    for row, page in zip(rows, pages, strict=True):
        if _is_continuation(row) and len(previous.rows) > 1:
            _merge_into(previous.rows[-1], row)
        else:
            previous.rows.append(row)
            previous.row_pages.append(page)


def _merge_continued_rows(table: TableBlock) -> TableBlock:
    rows: list[list[str]] = []
    pages: list[int | None] = []
    for row, page in zip(table.rows, table.row_pages, strict=True):
        if rows and len(rows) > 1 and _is_continuation(row) and rows[-1][0] and \
                _under_merged_cell(rows[0], row):
            rows.append([COVERED, *row[1:]])
            pages.append(page)
        elif rows and len(rows) > 1 and _is_continuation(row) and rows[-1][0]:
            _merge_into(rows[-1], row)
        elif len(rows) == 1 and _wraps_header(row):
            _merge_into(rows[0], row)  # a header wrapped over two lines: "Đơn vị chủ" / "trì"
        elif len(rows) == 1 and (header := _two_row_header(rows[0], row)) is not None:
            rows[0] = header
        else:
            rows.append(list(row))
            pages.append(page)
    return TableBlock(rows, table.page, pages)


def _under_merged_cell(header: list[str], row: list[str]) -> bool:
    """A row of its own under a first cell merged down over it ("Tháng 01/2026" over two
    activities), not a cell cut by a page break: the first column holds no numbers, and the
    row fills two cells or more, each opening as a cell does."""
    filled = [cell for cell in row[1:] if cell]
    return bool(header) and header[0].strip().casefold() not in NUMBER_HEADERS and \
        len(filled) >= 2 and all(cell[:1].isupper() or cell[:1].isdigit() for cell in filled)


def _two_row_header(top: list[str], below: list[str]) -> list[str] | None:
    """A header of two rows, a cell over several columns labelled again below ("Đơn vị thực
    hiện" over "Chủ trì" | "Phối hợp"), as one row that names each column by its lowest
    label; None when ``below`` is no such second row."""
    spanned = {column for column in range(1, len(top))
               if top[column] in ("", COVERED) and top[column - 1] not in ("", COVERED)}
    spanned |= {column - 1 for column in spanned}
    labels = {column for column, cell in enumerate(below) if cell not in ("", COVERED)}
    if len(labels) < 2 or not labels <= spanned or len(below) > len(top) or \
            any(len(below[column].split()) > 4 or any(c.isdigit() for c in below[column])
                for column in labels):
        return None
    return [below[column] if column in labels else cell for column, cell in enumerate(top)]


def _wraps_header(row: list[str]) -> bool:
    """The second line of header cells too long for their column: short lowercase ends of
    words in several cells ("", "", "trì", "hợp", "hiện")."""
    ends = [cell for cell in row if cell]
    return _is_continuation(row) and len(ends) >= 2 and all(
        cell[:1].islower() and len(cell.split()) <= 2 for cell in ends)


def _merge_into(row: list[str], continuation: list[str]) -> None:
    for index, cell in enumerate(continuation):
        if not cell:
            continue
        if index < len(row):
            row[index] = _join_words(row[index], cell) if row[index] else cell
        else:
            row.append(cell)


def _join_broken(blocks: list[Block]) -> list[Block]:
    """Join a paragraph cut by a line or page break to the paragraph that continues it."""
    out: list[Block] = []
    for block in blocks:
        previous = out[-1] if out else None
        if (
            isinstance(block, Paragraph)
            and isinstance(previous, Paragraph)
            and (not SENTENCE_END.search(previous.text) or TRAILING_OFF.search(previous.text))
            and not END_MARK.search(previous.text)
            and (
                (CONTINUATION_START.match(block.text) and not previous.text.isupper())
                or (NEEDS_A_NUMBER.search(previous.text) and block.text[:1].isdigit())
            )
        ) or (
            isinstance(block, Paragraph) and isinstance(previous, Paragraph)
            and previous.text.endswith(":") and AMOUNT_ALONE.match(block.text)
        ):
            out[-1] = Paragraph(_join_words(previous.text, block.text), previous.page)
        else:
            out.append(block)
    return out


def _assemble(blocks: list[Block], pages: int | None, hard_breaks: bool = False
              ) -> NormalizedText:
    parts: list[str] = []
    lines: list[TextLine] = []
    tables: list[NormalizedTable] = []
    offset = 0

    def emit(text: str, page: int | None, table: int | None = None) -> int:
        nonlocal offset
        start = offset
        parts.append(text + "\n")
        lines.append(TextLine(start, start + len(text), page, table))
        offset += len(text) + 1
        return start

    for block in blocks:
        if isinstance(block, Paragraph):
            emit(block.text, block.page)
            continue
        table = NormalizedTable(rows=[], row_pages=list(block.row_pages))
        table.start = offset
        for row, page in zip(block.rows, block.row_pages, strict=True):
            row = [_one_line(cell, hard_breaks) for cell in row]
            start = emit("\t".join("" if cell == COVERED else cell for cell in row), page,
                         len(tables))
            cells, cursor = [], start
            for column, cell in enumerate(row):
                if cell == COVERED:
                    # read as the merged cell above it: its span, its words written once
                    above = table.rows[-1] if table.rows else []
                    cells.append(above[column] if column < len(above) else (cursor, cursor))
                    cursor += 1
                    continue
                cells.append((cursor, cursor + len(cell)))
                cursor += len(cell) + 1
            table.rows.append(cells)
        table.end = offset - 1
        tables.append(table)
    text = "".join(parts)
    return NormalizedText(text, fold_tones(text), lines, tables, pages)
