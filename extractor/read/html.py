"""HTML: a plan saved from a government or legal-document website.

The page around the document (menus, search boxes, the site's own metadata panel, related
documents, footers) must not be read as the document: the reader finds the smallest element
that holds the document's landmarks (its type heading, "Căn cứ"/"Thực hiện", "Nơi nhận") and
reads only that.
"""

from __future__ import annotations

from pathlib import Path

import lxml.html
import regex
from lxml.html import HtmlElement

from extractor.errors import CorruptFileError
from extractor.read.base import COVERED, Block, Paragraph, SourceDocument, TableBlock
from extractor.read.encoding import decode_bytes

CHROME_TAGS = (
    "script", "style", "noscript", "iframe", "nav", "header", "footer", "aside",
    "button", "input", "select", "textarea", "svg", "template",
)
# Portals built on ASP.NET wrap the whole page, the document too, in one <form>: its fields
# go, its content stays.
UNWRAPPED_TAGS = ("form",)
BLOCK_TAGS = {
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "section", "article",
    "main", "blockquote", "pre", "center", "dd", "dt", "dl", "body", "td", "th", "tr",
}
LANDMARKS = (
    regex.compile(
        r"^(KẾ HOẠCH|QUYẾT ĐỊNH|CHƯƠNG TRÌNH|ĐỀ ÁN|CÔNG VĂN|THÔNG BÁO|HƯỚNG DẪN)\s*:?$"
    ),
    regex.compile(r"^(Căn cứ|Thực hiện|Triển khai)\s"),
    regex.compile(r"^Nơi nhận\s*:?"),
)


def read_html(path: Path, data: bytes) -> SourceDocument:
    decoded = decode_bytes(data)
    try:
        page = lxml.html.document_fromstring(decoded.text)
    except (lxml.etree.ParserError, ValueError) as error:
        raise CorruptFileError(
            f"{path}: not readable HTML ({error}); save the page again"
        ) from error
    for element in page.xpath("|".join(f"//{tag}" for tag in CHROME_TAGS)):
        element.drop_tree()
    for element in page.xpath("|".join(f"//{tag}" for tag in UNWRAPPED_TAGS)):
        element.drop_tag()
    root = _document_root(page)
    blocks: list[Block] = []
    _walk(root, blocks)
    return SourceDocument(blocks=blocks, format="html", encoding=decoded.encoding)


def _document_root(page: HtmlElement) -> HtmlElement:
    """The deepest element that contains every landmark of the document."""
    marks = [
        element
        for element in page.iter()
        if isinstance(element.tag, str)
        and element.tag in BLOCK_TAGS | {"b", "strong", "span"}
        and any(pattern.match(_text_of(element)) for pattern in LANDMARKS)
    ]
    kinds = {index for mark in marks for index, pattern in enumerate(LANDMARKS)
             if pattern.match(_text_of(mark))}
    if len(kinds) < 2:
        return page  # one landmark alone does not locate the document: read the whole page
    ancestors = [set(_ancestors(mark)) for mark in marks]
    common = set.intersection(*ancestors)
    return max(common, key=lambda element: len(list(element.iterancestors())))


def _ancestors(element: HtmlElement) -> list[HtmlElement]:
    return [element, *element.iterancestors()]


def _text_of(element: HtmlElement) -> str:
    return " ".join(element.text_content().split())


def _walk(element: HtmlElement, blocks: list[Block]) -> None:
    if element.tag == "table":
        if _holds_tables(element):
            # A layout table around the content (some portals wrap the whole document, or
            # its appendix, in one): its cells are read in order, their tables as tables.
            for cell in element.xpath("./tr/td|./tr/th|./*/tr/td|./*/tr/th"):
                _walk(cell, blocks)
        else:
            blocks.append(TableBlock(_table_rows(element)))
        return
    inline: list[str] = [element.text or ""]
    for child in element:
        if not isinstance(child.tag, str):
            inline.append(child.tail or "")
            continue
        if child.tag == "br":
            inline.append("\n")
        elif child.tag in BLOCK_TAGS or child.tag == "table" or _has_block(child):
            _flush(inline, blocks)
            inline = []
            _walk(child, blocks)
        else:
            inline.append(_inline_text(child))
        inline.append(child.tail or "")
    _flush(inline, blocks)


def _has_block(element: HtmlElement) -> bool:
    return any(
        isinstance(child.tag, str) and (child.tag in BLOCK_TAGS or child.tag == "table")
        for child in element.iterdescendants()
    )


def _inline_text(element: HtmlElement) -> str:
    parts = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str):
            parts.append("\n" if child.tag == "br" else _inline_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _flush(inline: list[str], blocks: list[Block]) -> None:
    for line in "".join(inline).split("\n"):
        text = " ".join(line.split())
        if text:
            blocks.append(Paragraph(text))


def _holds_tables(table: HtmlElement) -> bool:
    return any(cell.xpath(".//table") for cell in
               table.xpath("./tr/td|./tr/th|./*/tr/td|./*/tr/th"))


def _table_rows(table: HtmlElement) -> list[list[str]]:
    """One cell per grid column: a cell spanning columns leaves the columns it covers empty,
    so rows line up; a cell spanning rows ("rowspan") covers its column in the rows below,
    which read it (one lead body beside three tasks)."""
    rows: list[list[str]] = []
    covered: dict[int, int] = {}  # column -> how many more rows a cell above covers
    for row in table.xpath("./tr|./thead/tr|./tbody/tr|./tfoot/tr"):
        cells: list[str] = []
        below: dict[int, int] = {}
        for cell in [*row.xpath("./td|./th"), None]:
            while len(cells) in covered:
                if covered[len(cells)] > 1:
                    below[len(cells)] = covered[len(cells)] - 1
                del covered[len(cells)]
                cells.append(COVERED)
            if cell is None:
                break
            lines: list[Block] = []
            _walk(cell, lines)
            if _span(cell, "rowspan") > 1:
                below[len(cells)] = _span(cell, "rowspan") - 1
            cells.append("\n".join(block.text for block in lines if isinstance(block, Paragraph)))
            cells.extend([""] * (_span(cell, "colspan") - 1))
        covered.update(below)
        rows.append(cells)
    return rows


def _span(cell: HtmlElement, attribute: str) -> int:
    value = cell.get(attribute, "1").strip()
    return max(int(value), 1) if value.isdigit() else 1
