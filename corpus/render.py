"""Render every plain-text plan in this folder as DOCX and PDF, as an office would publish it.

    python corpus/render.py            # all corpus/*.txt -> .docx (python-docx) and .pdf
    python corpus/render.py h01_quan_ha_noi   # only the plans named
    python corpus/render.py --docx-only

DOCX: one Word paragraph per line of the text, Markdown emphasis turned into bold or italic,
tab-separated rows as bordered Word tables, pipe-drawn layout rows as borderless tables. Some
plans (WORD_LISTS) number their items with Word's own lists, as most office documents do: the
"I.", "1.", "a)", "-" and "+" markers become list numbering, and so do a table's "1.", "2." in
its first column, so the DOCX text holds no marker.
PDF: LibreOffice converts each DOCX (a Word-like PDF with a real text layer and ruled tables).
A plan written in Word (a DOCX with no .txt beside it: cells merged down and across, Word's own
item numbers, the header block in a borderless table, none of which a text file can carry) is
kept as it came; only its PDF is made.
Also writes one scanned rendering (image-only pages, no text layer) of a team-written plan, so
the corpus holds the case the readers must refuse.

The outputs are committed; CI never runs this script. Needs: python-docx (a dependency),
LibreOffice (`apt-get install libreoffice-writer-nogui`), and for the scan fpdf2 and Pillow
(`pip install -e '.[fixtures]'`).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from itertools import takewhile
from pathlib import Path

import regex
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from extractor.normalize import clean_inline
from extractor.read.base import Paragraph, TableBlock
from extractor.read.text import parse_text

CORPUS = Path(__file__).resolve().parent
FONT = "Times New Roman"
SCANNED_PLAN = "w02_moi_truong_huyen"
WORD_LISTS = {"w13_pccc_xa", "w14_khcn_tinh", "w17_pho_bien_phap_luat_huyen",
              "w21_phong_thu_dan_su_xa_2026"}
# Word list levels: (format, text): "I.", "1.", "a)", then bullets "-" and "+".
LIST_LEVELS = [("upperRoman", "%1."), ("decimal", "%2."), ("lowerLetter", "%3)"),
               ("bullet", "-"), ("bullet", "+")]
TYPED_MARKER = regex.compile(r"^(?P<marker>[IVXL]{1,6}\.|\d{1,2}\.|[a-z]\)|[-+])\s+(?P<rest>\S.*)$")
CENTERED = regex.compile(
    r"^(KẾ HOẠCH|QUYẾT ĐỊNH|CỘNG HÒA|CỘNG HOÀ|Độc lập|ỦY BAN NHÂN DÂN|UBND|TM\.|KT\.|CHỦ TỊCH|"
    r"PHÓ CHỦ TỊCH|TRƯỞNG BAN|PHỤ LỤC|\(Ban hành kèm theo|\(Kèm theo)"
)


def render_docx(text_path: Path, docx_path: Path) -> None:
    document = Document()
    _page_setup(document)
    lists = _WordList(document) if text_path.stem in WORD_LISTS else None
    for block in parse_text(text_path.read_text(encoding="utf-8")):
        if isinstance(block, Paragraph):
            _add_paragraph(document, block.text, lists)
        else:
            _add_table(document, block, lists)
    document.save(docx_path)


class _WordList:
    """One Word list for the plan's items: a typed marker becomes the list's own number when
    the number Word would show is the typed one (a typed fault stays typed)."""

    def __init__(self, document) -> None:
        self._add_list(document, "90", LIST_LEVELS)
        self._add_list(document, "91", [("decimal", "%1.")])  # a table's first column
        self.counters = [0] * len(LIST_LEVELS)
        self.rows = 0

    @staticmethod
    def _add_list(document, number: str, levels: list[tuple[str, str]]) -> None:
        numbering = document.part.numbering_part.element
        abstract = OxmlElement("w:abstractNum")
        abstract.set(qn("w:abstractNumId"), number)
        for level, (fmt, text) in enumerate(levels):
            node = OxmlElement("w:lvl")
            node.set(qn("w:ilvl"), str(level))
            for tag, value in (("w:start", "1"), ("w:numFmt", fmt), ("w:suff", "space"),
                               ("w:lvlText", text)):
                child = OxmlElement(tag)
                child.set(qn("w:val"), value)
                node.append(child)
            abstract.append(node)
        numbering.insert(0, abstract)
        num = OxmlElement("w:num")
        num.set(qn("w:numId"), number)
        reference = OxmlElement("w:abstractNumId")
        reference.set(qn("w:val"), number)
        num.append(reference)
        numbering.append(num)

    def row_number(self, text: str) -> bool:
        """Whether a first-column cell's typed "N." is the next number of the table's list."""
        if text != f"{self.rows + 1}.":
            return False
        self.rows += 1
        return True

    def level_of(self, text: str) -> tuple[int, str] | None:
        """The list level a typed marker stands for and the text after it, if Word's number
        at that level would be the typed one."""
        found = TYPED_MARKER.match(text)
        if found is None:
            return None
        marker = found.group("marker")
        if marker in {"-", "+"}:
            return LIST_LEVELS.index(("bullet", marker)), found.group("rest")
        level = 0 if regex.fullmatch(r"[IVXL]+\.", marker) else 1 if marker[0].isdigit() else 2
        shown = _number(self.counters[level] + 1, LIST_LEVELS[level][0]) + marker[-1]
        if shown != marker:
            return None
        self.counters[level] += 1
        for deeper in range(level + 1, len(self.counters)):
            self.counters[deeper] = 0
        return level, found.group("rest")

    @staticmethod
    def number(paragraph, level: int, list_id: str = "90") -> None:
        properties = paragraph._p.get_or_add_pPr()
        num_pr = OxmlElement("w:numPr")
        for tag, value in (("w:ilvl", str(level)), ("w:numId", list_id)):
            child = OxmlElement(tag)
            child.set(qn("w:val"), value)
            num_pr.append(child)
        properties.insert(0, num_pr)


def _number(value: int, fmt: str) -> str:
    if fmt == "upperRoman":
        numerals = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
        return numerals[value] if value < len(numerals) else "?"
    if fmt == "lowerLetter":
        return chr(ord("a") + value - 1)
    return str(value)


def _page_setup(document) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin, section.right_margin = Cm(3), Cm(2)
    section.top_margin, section.bottom_margin = Cm(2), Cm(2)
    style = document.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(13)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    style.paragraph_format.space_after = Pt(6)


def _add_paragraph(document, raw: str, lists: _WordList | None = None) -> None:
    stripped = raw.strip()
    bold = stripped.startswith(("**", "#")) or (stripped.isupper() and len(stripped) < 90)
    italic = stripped.startswith("*") and not stripped.startswith("**")
    text = clean_inline(raw)
    paragraph = document.add_paragraph()
    listed = lists.level_of(text) if lists else None
    if listed:
        _WordList.number(paragraph, listed[0])
    run = paragraph.add_run(listed[1] if listed else text)
    run.bold, run.italic = bold, italic
    if CENTERED.match(text) or (bold and len(text) < 120 and not regex.match(r"^[IVX\d]", text)):
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    else:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY


def _add_table(document, block: TableBlock, lists: _WordList | None = None) -> None:
    # a row's empty cells past the widest row that holds text (a stray tab at a line's end)
    # add no column
    width = max(len(row) - len(list(takewhile(lambda cell: not cell.strip(), reversed(row))))
                for row in block.rows)
    width = max(width, 1)
    layout = _is_pipe_layout(block)
    table = document.add_table(rows=0, cols=width)
    if not layout:
        table.style = document.styles["Table Grid"]
    for index, row in enumerate(block.rows):
        cells = table.add_row().cells
        for column in range(width):
            value = row[column] if column < len(row) else ""
            if column == 0 and lists and not layout and lists.row_number(value.strip()):
                _fill_cell(cells[column], "", bold=False)
                _WordList.number(cells[column].paragraphs[0], 0, "91")
                continue
            _fill_cell(cells[column], value, bold=index == 0 and not layout)
    if not layout:
        _repeat_header(table.rows[0])


def _is_pipe_layout(block: TableBlock) -> bool:
    text = "\n".join("\n".join(row) for row in block.rows)
    return bool(regex.search(r"ỦY BAN NHÂN DÂN|CỘNG HÒA|Nơi nhận|TM\.", text))


def _fill_cell(cell, value: str, bold: bool) -> None:
    lines = [clean_inline(line) for line in value.split("\n")] or [""]
    cell.paragraphs[0].text = ""
    for number, line in enumerate(lines):
        paragraph = cell.paragraphs[0] if number == 0 else cell.add_paragraph()
        paragraph.paragraph_format.space_after = Pt(0)
        run = paragraph.add_run(line)
        run.bold = bold
        run.font.size = Pt(12)


def _repeat_header(row) -> None:
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def render_pdf(docx_paths: list[Path]) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        sys.exit("LibreOffice is needed for PDF: apt-get install libreoffice-writer-nogui")
    for docx_path in docx_paths:
        with tempfile.TemporaryDirectory() as profile:
            subprocess.run(
                [soffice, f"-env:UserInstallation=file://{profile}", "--headless",
                 "--convert-to", "pdf", "--outdir", str(docx_path.parent), str(docx_path)],
                check=True, capture_output=True, timeout=180,
            )


def render_scanned(text_path: Path, pdf_path: Path) -> None:
    """Pages as pictures only: what a scanner gives when nobody runs OCR."""
    from fpdf import FPDF
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf", 26)
    lines: list[str] = []
    for block in parse_text(text_path.read_text(encoding="utf-8")):
        text = clean_inline(block.text) if isinstance(block, Paragraph) else "  ".join(
            block.rows[0])
        while len(text) > 80:
            cut = text.rfind(" ", 0, 80)
            cut = cut if cut > 0 else 80
            lines.append(text[:cut])
            text = text[cut:].lstrip()
        lines.append(text)
    pdf = FPDF(unit="pt", format="A4")
    with tempfile.TemporaryDirectory() as scratch:
        for page_number, start in enumerate(range(0, min(len(lines), 120), 60)):
            image = Image.new("L", (1240, 1754), 255)
            draw = ImageDraw.Draw(image)
            for row, line in enumerate(lines[start:start + 60]):
                draw.text((110, 90 + row * 26), line, fill=0, font=font)
            picture = Path(scratch) / f"page{page_number}.png"
            image.save(picture)
            pdf.add_page()
            pdf.image(str(picture), x=0, y=0, w=pdf.w, h=pdf.h)
    pdf.output(str(pdf_path))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docx-only", action="store_true")
    parser.add_argument("stems", nargs="*", help="render only these plans (file stems)")
    args = parser.parse_args()
    sources = [path for path in sorted(CORPUS.glob("*.txt"))
               if not args.stems or path.stem in args.stems]
    # a plan written in Word, with no text of its own, is its DOCX: only its PDF is made
    word_plans = [path for path in sorted(CORPUS.glob("*.docx"))
                  if not path.with_suffix(".txt").exists()
                  and (not args.stems or path.stem in args.stems)]
    docx_paths = []
    for text_path in sources:
        docx_path = text_path.with_suffix(".docx")
        render_docx(text_path, docx_path)
        docx_paths.append(docx_path)
        print(f"wrote {docx_path.name}")
    if not args.docx_only:
        render_pdf(docx_paths + word_plans)
        print(f"wrote {len(docx_paths)} PDFs")
        if not args.stems or SCANNED_PLAN in args.stems:
            render_scanned(CORPUS / f"{SCANNED_PLAN}.txt",
                           CORPUS / f"{SCANNED_PLAN}.scanned.pdf")
            print(f"wrote {SCANNED_PLAN}.scanned.pdf")


if __name__ == "__main__":
    main()
