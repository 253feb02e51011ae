"""Plain text and Markdown: lines become paragraphs, tab-separated runs become tables.

Covers text exported from Word or PDF converters (tables as tab-separated lines, Markdown
leftovers) and the text of a web page saved as plain text (layout tables drawn with pipes,
one cell spread over several lines).
"""

from __future__ import annotations

from pathlib import Path

import regex

from extractor.read.base import Block, Paragraph, SourceDocument, TableBlock
from extractor.read.encoding import decode_bytes

# A separator row of a Markdown or converter table: "--|--", "--\t--\t---".
SEPARATOR_ROW = regex.compile(r"^[\s|:\-–—=+]*-{2,}[\s|:\-–—=+]*$")
PIPE_ROW_START = regex.compile(r"^\s*\|")
LIST_MARKER_TAB = regex.compile(
    r"^(\s*(?:[IVXL]{1,6}\.|\d{1,2}(?:\.\d{1,2})*\.?|[a-hik-nđ][\).]|[-+•–]))\t(?=\S)(?!.*\t)"
)
# A web page's layout cell (the signature block) can run over this many lines.
MAX_PIPE_ROW_LINES = 30


def read_text(path: Path, data: bytes) -> SourceDocument:
    decoded = decode_bytes(data)
    markdown = path.suffix.lower() in {".md", ".markdown"}
    return SourceDocument(
        blocks=parse_text(decoded.text),
        format="markdown" if markdown else "text",
        encoding=decoded.encoding,
    )


def parse_text(text: str) -> list[Block]:
    """Split text into paragraph lines and tables (tab-separated or pipe rows)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    blocks: list[Block] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if LIST_MARKER_TAB.match(line):
            # Word's plain-text export: "I.<tab>MỤC TIÊU", "1.<tab>Phấn đấu ..."
            blocks.append(Paragraph(LIST_MARKER_TAB.sub(r"\1 ", line, count=1)))
            index += 1
        elif "\t" in line.strip("\n"):
            index = _take_tab_table(lines, index, blocks)
        elif PIPE_ROW_START.match(line) and _pipe_row_end(lines, index) is not None:
            index = _take_pipe_table(lines, index, blocks)
        else:
            if line.strip() and not SEPARATOR_ROW.match(line):
                blocks.append(Paragraph(line))
            index += 1
    return blocks


def _cells(line: str, separator: str) -> list[str]:
    return [cell.strip() for cell in line.split(separator)]


def _take_tab_table(lines: list[str], index: int, blocks: list[Block]) -> int:
    rows: list[list[str]] = []
    while index < len(lines) and ("\t" in lines[index] or SEPARATOR_ROW.match(lines[index])):
        if not SEPARATOR_ROW.match(lines[index]):
            rows.append(_cells(lines[index], "\t"))
        index += 1
    if len(rows) == 1 and sum(1 for cell in rows[0] if cell) <= 1:
        # A lone line with a stray tab is a paragraph, not a table.
        blocks.append(Paragraph(" ".join(cell for cell in rows[0] if cell)))
    else:
        blocks.append(TableBlock(rows))
    return index


def _pipe_row_end(lines: list[str], index: int) -> int | None:
    """Index of the line closing the pipe row that starts at ``index``, if any."""
    for end in range(index, min(index + MAX_PIPE_ROW_LINES, len(lines))):
        stripped = lines[end].strip()
        if stripped.endswith("|") and (end > index or len(stripped) > 1):
            return end
    return None


def _take_pipe_table(lines: list[str], index: int, blocks: list[Block]) -> int:
    """Pipe rows, where a cell may run over several lines until the closing pipe."""
    rows: list[list[str]] = []
    while index < len(lines) and PIPE_ROW_START.match(lines[index]):
        end = _pipe_row_end(lines, index)
        if end is None:
            break
        buffer = [line.strip() for line in lines[index:end + 1]]
        index = end + 1
        row_text = "\n".join(buffer).strip().strip("|")
        if SEPARATOR_ROW.match(row_text.replace("\n", "")):
            continue
        rows.append([cell.strip() for cell in row_text.split("|")])
    blocks.append(TableBlock(rows))
    return index
