"""Each reader turns its format into the same blocks."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from extractor.errors import UnsupportedFormatError
from extractor.normalize import normalize
from extractor.read import read_source, sniff_format
from extractor.read.base import COVERED, Paragraph, TableBlock
from extractor.read.text import parse_text

ROOT = Path(__file__).resolve().parent.parent


def test_docx_keeps_order_and_keeps_merged_cells_on_the_grid(tmp_path):
    document = docx.Document()
    document.add_paragraph("KẾ HOẠCH")
    table = document.add_table(rows=3, cols=3)
    for column, heading in enumerate(["TT", "Nội dung", "Thời gian"]):
        table.cell(0, column).text = heading
    table.cell(1, 0).text, table.cell(1, 1).text = "1", "Tập huấn"
    table.cell(1, 2).merge(table.cell(2, 2)).text = "Quý III/2022"
    table.cell(2, 0).text, table.cell(2, 1).text = "2", "Kiểm tra"
    wide = document.add_table(rows=1, cols=3)
    wide.cell(0, 0).merge(wide.cell(0, 2)).text = "Một ô trải ba cột"
    document.add_paragraph("Nơi nhận:")
    path = tmp_path / "plan.docx"
    document.save(path)
    source, _ = read_source(path)
    first, table_block, wide_block, last = source.blocks
    assert isinstance(first, Paragraph) and first.text == "KẾ HOẠCH"
    assert table_block.rows == [["TT", "Nội dung", "Thời gian"], ["1", "Tập huấn", "Quý III/2022"],
                                ["2", "Kiểm tra", COVERED]]
    assert wide_block.rows == [["Một ô trải ba cột", "", ""]]
    assert isinstance(last, Paragraph) and last.text == "Nơi nhận:"


def _word_list(document, levels, num_id="90", start_override=None):
    """Add a Word list (numbering definition) to ``document``; returns its numId."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def element(tag, **attributes):
        node = OxmlElement(tag)
        for name, value in attributes.items():
            node.set(qn(f"w:{name}"), value)
        return node

    numbering = document.part.numbering_part.element
    abstract = element("w:abstractNum", abstractNumId=num_id)
    for level, (fmt, text) in enumerate(levels):
        node = element("w:lvl", ilvl=str(level))
        for tag, value in (("w:start", "1"), ("w:numFmt", fmt), ("w:lvlText", text)):
            node.append(element(tag, val=value))
        abstract.append(node)
    numbering.insert(0, abstract)
    num = element("w:num", numId=num_id)
    num.append(element("w:abstractNumId", val=num_id))
    if start_override:
        override = element("w:lvlOverride", ilvl="0")
        override.append(element("w:startOverride", val=str(start_override)))
        num.append(override)
    numbering.append(num)
    return num_id


def _numbered(document, text, num_id, level):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    paragraph = document.add_paragraph(text)
    num_pr = OxmlElement("w:numPr")
    for tag, value in (("w:ilvl", str(level)), ("w:numId", num_id)):
        child = OxmlElement(tag)
        child.set(qn("w:val"), value)
        num_pr.append(child)
    paragraph._p.get_or_add_pPr().insert(0, num_pr)


def test_docx_list_numbers_word_shows_are_read_as_typed(tmp_path):
    document = docx.Document()
    plan = _word_list(document, [("upperRoman", "%1."), ("decimal", "%2."),
                                 ("lowerLetter", "%3)"), ("bullet", "\uf0b7"),
                                 ("decimal", "%2.%5.")])
    appendix = _word_list(document, [("decimal", "Phụ lục %1:")], num_id="91", start_override=3)
    for text, num_id, level in [
        ("MỤC ĐÍCH", plan, 0), ("Mục đích", plan, 1), ("Nâng cao nhận thức", plan, 3),
        ("NHIỆM VỤ", plan, 0), ("Tuyên truyền", plan, 1), ("Trên báo", plan, 2),
        ("Trên đài", plan, 2), ("Kiểm tra", plan, 1), ("Tại chợ", plan, 4),
        ("Danh mục", appendix, 0),
    ]:
        _numbered(document, text, num_id, level)
    document.add_paragraph("Nơi nhận:", style="List Number")  # a list from a style
    document.add_paragraph("")  # an empty list paragraph shows nothing and counts nothing
    path = tmp_path / "plan.docx"
    document.save(path)
    source, _ = read_source(path)
    assert [block.text for block in source.blocks if block.text] == [
        "I. MỤC ĐÍCH", "1. Mục đích", "- Nâng cao nhận thức", "II. NHIỆM VỤ", "1. Tuyên truyền",
        "a) Trên báo", "b) Trên đài", "2. Kiểm tra", "2.1. Tại chợ", "Phụ lục 3: Danh mục",
        "1. Nơi nhận:"]


def test_docx_header_typed_in_columns_with_tabs_is_read_as_its_columns(tmp_path):
    from extractor.pipeline import extract

    document = docx.Document()
    for line in ["ỦY BAN NHÂN DÂN\t\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                 "XÃ AN HÒA\t\tĐộc lập - Tự do - Hạnh phúc",
                 "Số: 12/KH-UBND\t\tAn Hòa, ngày 5 tháng 3 năm 2025",
                 "KẾ HOẠCH", "Phòng, chống thiên tai năm 2025",
                 "I.\tTỔ CHỨC THỰC HIỆN",  # a list marker's tab is no column
                 "1. Công an xã: chủ trì bảo đảm an ninh trật tự."]:
        document.add_paragraph(line)
    path = tmp_path / "plan.docx"
    document.save(path)
    source, _ = read_source(path)
    assert isinstance(source.blocks[0], TableBlock)
    assert source.blocks[0].rows[2] == ["Số: 12/KH-UBND", "An Hòa, ngày 5 tháng 3 năm 2025"]
    assert [block.text for block in source.blocks[1:3]] == ["KẾ HOẠCH",
                                                            "Phòng, chống thiên tai năm 2025"]
    plan = extract(path)
    assert (plan.document.number, plan.document.issue_date, plan.document.place) == (
        "12/KH-UBND", "2025-03-05", "An Hòa")
    assert plan.document.issuer.name == "Ủy ban nhân dân xã An Hòa"


def test_docx_list_numbers_in_table_cells_are_read(tmp_path):
    document = docx.Document()
    rows = _word_list(document, [("decimal", "%1.")])
    table = document.add_table(rows=3, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "STT", "Nhiệm vụ"
    for row, task in ((1, "Tập huấn"), (2, "Kiểm tra")):
        paragraph = table.cell(row, 0).paragraphs[0]
        num_pr = _numbered_properties(rows)
        paragraph._p.get_or_add_pPr().insert(0, num_pr)
        table.cell(row, 1).text = task
    path = tmp_path / "plan.docx"
    document.save(path)
    (block,) = read_source(path)[0].blocks
    assert block.rows == [["STT", "Nhiệm vụ"], ["1.", "Tập huấn"], ["2.", "Kiểm tra"]]


def _numbered_properties(num_id, level=0):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    num_pr = OxmlElement("w:numPr")
    for tag, value in (("w:ilvl", str(level)), ("w:numId", num_id)):
        child = OxmlElement(tag)
        child.set(qn("w:val"), value)
        num_pr.append(child)
    return num_pr


def test_a_cell_merged_down_is_read_in_every_row_it_covers_but_written_once(tmp_path):
    page = """<html><body><p>KẾ HOẠCH</p><p>Căn cứ Luật;</p>
    <table><tr><td><table border="1">
    <tr><th>TT</th><th>Nội dung</th><th>Chủ trì</th><th>Thời gian</th></tr>
    <tr><td colspan="4">I. Tuyên truyền</td></tr>
    <tr><td>1</td><td>Tập huấn</td><td rowspan="2">Trạm Y tế</td><td>Quý I</td></tr>
    <tr><td>2</td><td>Kiểm tra</td><td rowspan="2">Hằng quý</td></tr>
    <tr><td>3</td><td>Lấy mẫu</td><td>Công an</td></tr>
    </table></td></tr></table><p>Nơi nhận:</p></body></html>"""
    path = tmp_path / "nested.html"
    path.write_text(page, encoding="utf-8")
    source, _ = read_source(path)
    (table,) = [b for b in source.blocks if isinstance(b, TableBlock)]  # the wrapper is layout
    assert table.rows[3] == ["2", "Kiểm tra", COVERED, "Hằng quý"]
    assert table.rows[4] == ["3", "Lấy mẫu", "Công an", COVERED]
    norm = normalize(source)
    (rows,) = [t.rows for t in norm.tables]
    assert [norm.text[s:e] for s, e in rows[3]] == ["2", "Kiểm tra", "Trạm Y tế", "Hằng quý"]
    assert [norm.text[s:e] for s, e in rows[4]] == ["3", "Lấy mẫu", "Công an", "Hằng quý"]
    assert norm.text.count("Trạm Y tế") == 1 and COVERED not in norm.text


def test_html_reads_only_the_document_not_the_page_around_it(tmp_path):
    page = """<html><head><meta charset="utf-8"><script>var x = "KẾ HOẠCH";</script></head>
    <body><nav>Trang chủ | Văn bản</nav><form><input placeholder="Tìm kiếm văn bản"></form>
    <div class="meta">Số hiệu: 99/KH-UBND<br>Ngày ban hành: 01/01/2024</div>
    <div class="content"><p>Số: 12/KH-UBND</p><p align="center"><b>KẾ HOẠCH</b></p>
    <p>Căn cứ Quyết định số 1/QĐ-TTg;</p><table><tr><td>TT</td><td>Nội dung</td></tr>
    <tr><td>1</td><td>Tập <i>huấn</i><br>cán bộ</td></tr></table>
    <p><b><i>Nơi nhận:</i></b><br>- Như trên;</p></div>
    <div class="related"><h3>Văn bản liên quan</h3><ul><li>Kế hoạch 77/KH-UBND</li></ul></div>
    <footer>© Thư viện</footer></body></html>"""
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    source, _ = read_source(path)
    texts = [b.text if isinstance(b, Paragraph) else b.rows for b in source.blocks]
    assert texts == ["Số: 12/KH-UBND", "KẾ HOẠCH", "Căn cứ Quyết định số 1/QĐ-TTg;",
                     [["TT", "Nội dung"], ["1", "Tập huấn\ncán bộ"]], "Nơi nhận:", "- Như trên;"]


def test_html_reads_a_document_inside_the_form_that_wraps_a_portal_page(tmp_path):
    page = """<html><head><meta charset="utf-8"></head><body>
    <form method="post" action="/tin-tuc"><input type="hidden" name="__VIEWSTATE" value="x">
    <div class="banner">CỔNG THÔNG TIN ĐIỆN TỬ XÃ</div>
    <div class="news-content"><p>Số: 18/KH-UBND</p><p><strong>KẾ HOẠCH</strong></p>
    <p>Căn cứ Kế hoạch số 09/KH-UBND của UBND tỉnh;</p><p><strong>Nơi nhận:</strong></p></div>
    <div class="news-related">Tin liên quan</div></form></body></html>"""
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    source, _ = read_source(path)
    assert [b.text for b in source.blocks if isinstance(b, Paragraph)] == [
        "Số: 18/KH-UBND", "KẾ HOẠCH", "Căn cứ Kế hoạch số 09/KH-UBND của UBND tỉnh;", "Nơi nhận:"]


def test_text_reads_tabs_as_tables_and_pipes_as_rows():
    blocks = parse_text("Trước\n| ỦY BAN NHÂN DÂN\nXÃ TÂN LẬP | CỘNG HÒA |\n| Số: 85/KH-UBND | "
                        "Tân Lập, ngày 20 |\nTT\tNội dung\n1\tTập huấn\nSau")
    assert [type(block).__name__ for block in blocks] == ["Paragraph", "TableBlock", "TableBlock",
                                                          "Paragraph"]
    layout = blocks[1]
    assert isinstance(layout, TableBlock)
    assert layout.rows == [["ỦY BAN NHÂN DÂN\nXÃ TÂN LẬP", "CỘNG HÒA"],
                           ["Số: 85/KH-UBND", "Tân Lập, ngày 20"]]


def test_a_lone_pipe_is_text():
    assert parse_text("| chỉ là một dòng") == [Paragraph("| chỉ là một dòng")]


@pytest.mark.parametrize(("name", "data", "kind"), [
    ("a.pdf", b"%PDF-1.7 ...", "pdf"), ("a.bin", b"%PDF-1.4", "pdf"),
    ("a.docx", b"PK\x03\x04...", "docx"), ("a", b"PK\x03\x04...", "docx"),
    ("a.htm", b"<p>x</p>", "html"), ("a.txt", b"<!DOCTYPE html><html>", "html"),
    ("a.txt", "Kế hoạch".encode(), "text"), ("a.md", b"# KH", "text"),
])
def test_format_is_sniffed_from_content_first(name, data, kind):
    assert sniff_format(Path(name), data) == kind


def test_old_word_doc_is_refused_with_advice():
    with pytest.raises(UnsupportedFormatError, match="convert"):
        sniff_format(Path("plan.doc"), b"\xd0\xcf\x11\xe0" + b"\0" * 100)


def test_pdf_reads_pages_and_two_column_blocks():
    source, _ = read_source(ROOT / "corpus" / "w06_trang_web_van_ban.pdf")
    texts = [block.text for block in source.blocks if isinstance(block, Paragraph)]
    start = texts.index("ỦY BAN NHÂN DÂN")
    # the left column (issuer, number) before the right one (motto, place and date)
    assert texts[start:start + 8] == [
        "ỦY BAN NHÂN DÂN", "XÃ TÂN LẬP", "-------", "Số: 85/KH-UBND",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "---------------",
        "Tân Lập, ngày 20 tháng 4 năm 2023"]
    assert source.pages == max(block.page for block in source.blocks)


def test_pdf_cells_merged_down_read_as_the_cell_above_and_across_as_empty():
    # a plan written in Word: "Ban CHQS huyện" leads four rows in one merged cell, and the
    # header's "Thời gian" spans its two columns
    source, _ = read_source(ROOT / "corpus" / "w55_tuyen_quan_huyen_2025.pdf")
    table = next(block for block in source.blocks
                 if isinstance(block, TableBlock) and block.rows[0][0] == "TT"
                 and len(block.rows[0]) == 6)
    assert table.rows[0][2:4] == ["Thời gian", ""]
    assert table.rows[1][:2] == [COVERED, COVERED]
    assert [row[4] for row in table.rows[3:7]] == ["Ban CHQS huyện", COVERED, COVERED, COVERED]


def test_pdf_a_clause_cut_by_a_page_break_after_its_semicolon_is_one_paragraph():
    source, _ = read_source(ROOT / "corpus" / "w58_chong_buon_lau_tinh_2025.pdf")
    texts = [block.text for block in source.blocks if isinstance(block, Paragraph)]
    assert any(text.endswith("hàng giả; kịp thời chấn chỉnh, xử lý trách nhiệm người đứng đầu "
                             "nơi để xảy ra tình trạng buôn lậu phức tạp, kéo dài.")
               for text in texts)


def test_pdf_a_range_wrapped_before_its_dash_is_one_line_not_a_list_item():
    from extractor.read.pdf import Segment, _join_wrapped

    lines = [Segment("Căn cứ Quyết định số 2232/QĐ-TTg phê duyệt Chương trình giai đoạn 2021", 85,
                     559, 100, 112),
             Segment("- 2025;", 85, 120, 113, 125),
             Segment("- Tuyên truyền về bình đẳng giới trong cơ quan;", 85, 400, 126, 138)]
    assert [p.text for p in _join_wrapped(lines, 560)] == [
        "Căn cứ Quyết định số 2232/QĐ-TTg phê duyệt Chương trình giai đoạn 2021 - 2025;",
        "- Tuyên truyền về bình đẳng giới trong cơ quan;"]


def test_pdf_a_name_wrapped_at_its_dash_is_one_line_not_a_list_item():
    from extractor.read.pdf import Segment, _join_wrapped

    lines = [Segment("lập hồ sơ quản lý sức khỏe điện tử cho người dân. Phòng Văn hóa", 85, 559,
                     100, 112),
             Segment("- Xã hội rà soát hộ nghèo;", 85, 300, 113, 125),
             Segment("- Tuyên truyền về bảo hiểm y tế;", 85, 400, 126, 138)]
    assert [p.text for p in _join_wrapped(lines, 560)] == [
        "lập hồ sơ quản lý sức khỏe điện tử cho người dân. Phòng Văn hóa - Xã hội rà soát hộ "
        "nghèo;", "- Tuyên truyền về bảo hiểm y tế;"]


def _lay_sideways(page, turns: int, view_rotation: int) -> None:
    """Turn a page's content by quarter turns anticlockwise and set its /Rotate, as PDF
    printers and "rotate page" tools leave landscape pages."""
    import ctypes

    import pypdfium2.raw as pdfium_c

    left, bottom, right, top = page.get_mediabox()
    matrix = {0: (1, 0, 0, 1, 0, 0), 1: (0, 1, -1, 0, top, -left),
              2: (-1, 0, 0, -1, right, top), 3: (0, -1, 1, 0, -bottom, right)}[turns]
    pdfium_c.FPDFPage_TransFormWithClip(page, ctypes.byref(pdfium_c.FS_MATRIX(*matrix)), None)
    width, height = right - left, top - bottom
    if turns % 2:
        width, height = height, width
    page.set_mediabox(0, 0, width, height)
    page.set_rotation(view_rotation)


@pytest.mark.parametrize(("turns", "view_rotation", "pages"), [
    (0, 90, "all"),        # a /Rotate only: the viewer shows the text sideways
    (1, 90, "all"),        # content drawn turned, shown upright by its /Rotate
    (3, 270, "all"),
    (2, 180, "all"),
    (1, 0, "all"),         # content drawn turned, no /Rotate: shown sideways
    (1, 90, "appendix"),   # only the last pages (a landscape appendix) turned
])
def test_pdf_pages_lying_sideways_read_as_the_upright_pages(tmp_path, turns, view_rotation,
                                                             pages):
    import pypdfium2 as pdfium

    upright = ROOT / "corpus" / "w29_kinh_te_tap_the_tinh_2026.pdf"  # text and ruled tables
    document = pdfium.PdfDocument(str(upright))
    first = len(document) - 2 if pages == "appendix" else 0
    for index in range(first, len(document)):
        _lay_sideways(document[index], turns, view_rotation)
    sideways = tmp_path / "sideways.pdf"
    document.save(str(sideways))
    document.close()
    expected, _ = read_source(upright)
    got, _ = read_source(sideways)
    assert got.blocks == expected.blocks
    assert any(isinstance(block, TableBlock) and block.page > first for block in got.blocks)


def test_pdf_pages_before_a_sideways_appendix_are_read_once(tmp_path, monkeypatch):
    import pypdfium2 as pdfium

    from extractor.read import pdf

    upright = ROOT / "corpus" / "w29_kinh_te_tap_the_tinh_2026.pdf"
    document = pdfium.PdfDocument(str(upright))
    pages = len(document)
    _lay_sideways(document[pages - 1], 1, 90)
    sideways = tmp_path / "sideways.pdf"
    document.save(str(sideways))
    document.close()
    read_pages: list[int] = []
    for reader in ("_pdfium_page", "_plumber_page"):
        original = getattr(pdf, reader)

        def counted(page, *args, _original=original):
            read_pages.append(args[-1])  # the page number is each reader's last argument
            return _original(page, *args)
        monkeypatch.setattr(pdf, reader, counted)
    read_source(sideways)
    assert sorted(read_pages) == list(range(1, pages + 1))


def test_pdf_lines_wrapped_by_the_layout_are_joined_but_a_heading_keeps_its_caption_apart():
    from extractor.read.pdf import Segment, _join_wrapped

    lines = [Segment("KẾ HOẠCH HOẠT ĐỘNG TIÊM CHỦNG MỞ RỘNG NĂM", 85, 560, 100, 112),
             Segment("2025", 85, 110, 113, 125),
             Segment("(Kèm theo Kế hoạch số 412/KH-SYT ngày 18/02/2025 của Sở Y tế tỉnh", 85, 559,
                     126, 138),
             Segment("Hà Tĩnh)", 85, 130, 139, 151)]
    assert [p.text for p in _join_wrapped(lines, 560)] == [
        "KẾ HOẠCH HOẠT ĐỘNG TIÊM CHỦNG MỞ RỘNG NĂM 2025",
        "(Kèm theo Kế hoạch số 412/KH-SYT ngày 18/02/2025 của Sở Y tế tỉnh Hà Tĩnh)"]
    # nor does a title in lower case run on into the line that says what it is attached to
    lines = [Segment("Triển khai phong trào “Bình dân học vụ số” trên địa bàn tỉnh Gia Lai năm", 85,
                     560, 100, 112),
             Segment("2026", 85, 110, 113, 125),
             Segment("(Ban hành kèm theo Quyết định số 312/QĐ-UBND ngày 10/02/2026 của UBND tỉnh",
                     85, 559, 126, 138),
             Segment("Gia Lai)", 85, 130, 139, 151)]
    assert [p.text for p in _join_wrapped(lines, 560)] == [
        "Triển khai phong trào “Bình dân học vụ số” trên địa bàn tỉnh Gia Lai năm 2026",
        "(Ban hành kèm theo Quyết định số 312/QĐ-UBND ngày 10/02/2026 của UBND tỉnh Gia Lai)"]


def test_docx_typed_in_a_legacy_font_is_converted(tmp_path):
    from extractor.read.encoding import encode_legacy

    lines = (ROOT / "corpus" / "002_c257e9a09d1695fa.txt").read_text("utf-8").splitlines()[:40]
    document = docx.Document()
    for line in filter(None, lines):
        legacy = encode_legacy(line.replace("**", ""), "tcvn3")
        # what Word shows for .VnTime text: each byte as its Windows-1252 character (lines with
        # a byte Windows-1252 leaves undefined or a control character are left out)
        try:
            document.add_paragraph(legacy.decode("cp1252"))
        except (UnicodeDecodeError, ValueError):  # ValueError: not XML-safe
            continue
    path = tmp_path / "vntime.docx"
    document.save(path)
    source, _ = read_source(path)
    assert source.encoding == "tcvn3"
    texts = [block.text for block in source.blocks]
    assert "KẾ HOẠCH" in texts
    assert any(text.startswith("Căn cứ Quyết định số 89/QĐ-TTg") for text in texts)


def test_docx_reads_smart_tags_and_tracked_insertions_but_not_deletions(tmp_path):
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    paragraph = document.add_paragraph("Căn cứ Kế hoạch số 34/KH-UBND ngày ")
    paragraph._p.append(parse_xml(
        f'<w:smartTag {nsdecls("w")} w:element="date"><w:r><w:t>1/2/2024</w:t></w:r></w:smartTag>'))
    paragraph._p.append(parse_xml(
        f'<w:ins {nsdecls("w")} w:id="1" w:author="a"><w:r><w:t xml:space="preserve"> của UBND '
        'huyện Tây Sơn;</w:t></w:r></w:ins>'))
    paragraph._p.append(parse_xml(
        f'<w:del {nsdecls("w")} w:id="2" w:author="a"><w:r><w:delText>bỏ đi</w:delText></w:r>'
        '</w:del>'))
    path = tmp_path / "tags.docx"
    document.save(path)
    (block,) = read_source(path)[0].blocks
    assert block.text == "Căn cứ Kế hoạch số 34/KH-UBND ngày 1/2/2024 của UBND huyện Tây Sơn;"


def test_html_colspan_keeps_columns_in_line(tmp_path):
    page = ("<html><body><p>KẾ HOẠCH</p><p>Căn cứ Luật;</p><table>"
            "<tr><td>TT</td><td>Nội dung</td><td colspan='2'>Đơn vị</td><td>Thời gian</td></tr>"
            "<tr><td>1</td><td>Tập huấn</td><td>Sở</td><td>Phòng</td><td>Quý III/2024</td></tr>"
            "</table><p>Nơi nhận:</p></body></html>")
    path = tmp_path / "span.html"
    path.write_text(page, encoding="utf-8")
    (table,) = [b for b in read_source(path)[0].blocks if isinstance(b, TableBlock)]
    assert table.rows[0][4] == "Thời gian" and table.rows[1][4] == "Quý III/2024"


def test_a_two_row_header_names_each_column_by_its_lowest_label(tmp_path):
    from extractor.pipeline import extract

    page = ("<html><body><p>KẾ HOẠCH</p><p>Văn minh đô thị năm 2025</p>"
            "<p>I. NHIỆM VỤ</p><table>"
            "<tr><td rowspan='2'>TT</td><td rowspan='2'>Nội dung công việc</td>"
            "<td colspan='2'>Đơn vị thực hiện</td><td rowspan='2'>Thời gian</td></tr>"
            "<tr><td>Chủ trì</td><td>Phối hợp</td></tr>"
            "<tr><td>1</td><td>Ra quân lập lại trật tự vỉa hè</td><td>Công an phường</td>"
            "<td>Phòng Kinh tế<br>Ban điều hành khu phố</td><td>Tháng 9/2025</td></tr>"
            "</table><p>Nơi nhận:</p></body></html>")
    path = tmp_path / "two_rows.html"
    path.write_text(page, encoding="utf-8")
    plan = extract(path)
    (table,) = plan.tables
    assert [cell.text for cell in table.header] == [
        "TT", "Nội dung công việc", "Chủ trì", "Phối hợp", "Thời gian"]
    (task,) = plan.tasks
    # the cell's lines are its writer's: two bodies, not one name run on
    assert sorted((a.name, a.role) for a in task.assignments) == [
        ("Ban điều hành khu phố", "cooperating"), ("Công an phường", "lead"),
        ("Phòng Kinh tế", "cooperating")]
