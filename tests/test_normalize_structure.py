"""The normaliser (one canonical text from any reader) and the structure pass."""

from __future__ import annotations

import pytest

from extractor.normalize import clean_inline, fold_tones, normalize
from extractor.read.base import Paragraph, SourceDocument, TableBlock
from extractor.read.text import parse_text
from extractor.structure import analyse, marker_of


def norm_of(text: str):
    return normalize(SourceDocument(parse_text(text), "text"))


@pytest.mark.parametrize(("old", "new"), [
    ("hoà", "hòa"), ("Hoà", "Hòa"), ("thuỷ", "thủy"), ("khoẻ", "khỏe"), ("uỷ ban", "ủy ban"),
    ("Uỷ ban", "Ủy ban"), ("xã hội hoá giáo dục", "xã hội hóa giáo dục"),
])
def test_fold_tones_moves_old_style_marks(old, new):
    assert fold_tones(old) == new
    assert len(fold_tones(old)) == len(old)


@pytest.mark.parametrize("unchanged", ["hoàn thành", "toán học", "quý", "Quý III", "hòa", "thủy"])
def test_fold_tones_leaves_other_words(unchanged):
    assert fold_tones(unchanged) == unchanged


@pytest.mark.parametrize(("raw", "clean"), [
    ("## **KẾ HOẠCH**", "KẾ HOẠCH"),
    ("#### **a) Phần đầu đến năm 2025**", "a) Phần đầu đến năm 2025"),
    ("mô hình “*Công dân học tập*” trong", "mô hình “Công dân học tập” trong"),
    ("Số: **74** /KH-UBND", "Số: 74 /KH-UBND"),
    ("<ul style=\"x\"> <li>- Tổ chức Hội nghị</li>", "- Tổ chức Hội nghị"),
    ("theo quy định./. *hào*", "theo quy định./."),
    ("thực hiện./. *(ký)*", "thực hiện./."),
    ("**TM. ỦY BAN NHÂN DÂN  ", "TM. ỦY BAN NHÂN DÂN"),
    ("Sở GD&amp;ĐT", "Sở GD&ĐT"),
    ("ÐOÀN THANH NIÊN", "ĐOÀN THANH NIÊN"),  # Icelandic Eth used for Đ
])
def test_clean_inline_removes_conversion_residue(raw, clean):
    assert clean_inline(raw) == clean


def test_decomposed_text_becomes_composed():
    decomposed = "Quye\u0302\u0301t đi\u0323nh"
    assert clean_inline(decomposed) == "Quyết định"


def test_stray_marks_page_numbers_and_rules_are_dropped():
    norm = norm_of("Nội dung thứ nhất.\n\nhuv\n\n- 2 -\n\n-------\n\n(Đã ký)\n\nNội dung thứ hai.")
    assert norm.text == "Nội dung thứ nhất.\nNội dung thứ hai.\n"


def test_sentence_broken_by_a_page_break_is_joined():
    norm = norm_of("bồi dưỡng về phương pháp giáo dục người\n\nlớn cho giáo viên.")
    assert norm.text == "bồi dưỡng về phương pháp giáo dục người lớn cho giáo viên.\n"
    hyphen = norm_of("3. Đề nghị các Tổ chức chính trị\n\n- xã hội quận: đẩy mạnh")
    assert hyphen.text == "3. Đề nghị các Tổ chức chính trị - xã hội quận: đẩy mạnh\n"
    # a range of years cut at its dash: the year after it is no item's number
    years = norm_of("cho học sinh trong năm học 2024 -\n\n2025.\n\n2. Sở Y tế")
    assert years.text == "cho học sinh trong năm học 2024 - 2025.\n2. Sở Y tế\n"


def test_a_list_trailing_off_goes_on_in_lowercase():
    norm = norm_of("- Tập huấn về phương pháp, kiểm tra đánh giá...\n\ncủa chương trình giáo dục.")
    assert norm.text == ("- Tập huấn về phương pháp, kiểm tra đánh giá... của chương trình "
                         "giáo dục.\n")
    ended = norm_of("- Tập huấn về phương pháp giảng dạy.\n\ncủa chương trình giáo dục.")
    assert len(ended.text.splitlines()) == 2


def test_headings_and_list_items_are_not_joined():
    norm = norm_of("2. Mục tiêu cụ thể\n\na) Mục tiêu đến năm 2025\n\nđ) Khen thưởng")
    assert norm.text.splitlines() == ["2. Mục tiêu cụ thể", "a) Mục tiêu đến năm 2025",
                                      "đ) Khen thưởng"]


def test_table_continued_after_a_page_break_is_merged():
    text = (
        "TT\tNội dung\tThời gian\n1\tTập huấn\tQuý III/2022\n2\tKiểm tra, đánh giá danh\tHàng năm\n"
        "\n- 2 -\n\nhuv\n\nTT\tNội dung\tThời gian\n\thiệu tại các xã\t\n3\tSơ kết\tQuý IV/2023\n"
        "--\t--\t--\n"
    )
    (table,) = norm_of(text).tables
    rows = [[norm_of(text).text[s:e] for s, e in row] for row in table.rows]
    assert rows == [["TT", "Nội dung", "Thời gian"], ["1", "Tập huấn", "Quý III/2022"],
                    ["2", "Kiểm tra, đánh giá danh hiệu tại các xã", "Hàng năm"],
                    ["3", "Sơ kết", "Quý IV/2023"]]


def test_a_row_under_a_first_cell_merged_down_is_a_row_of_its_own():
    text = ("Thời gian\tNội dung\tĐơn vị chủ trì\nTháng 01/2026\tRà soát mạng lưới\tTrạm Y tế "
            "phường\n\tTổ chức hội nghị triển khai\tPhòng Văn hóa - Xã hội\n"
            "Quý II\tKiểm tra, giám sát\tTrạm Y tế\n\tcác cơ sở tư nhân\t\n")
    norm = norm_of(text)
    (table,) = norm.tables
    rows = [[norm.text[s:e] for s, e in row] for row in table.rows]
    # the merged cell reads as the one above it; a lowercase tail still goes on its row
    assert rows == [["Thời gian", "Nội dung", "Đơn vị chủ trì"],
                    ["Tháng 01/2026", "Rà soát mạng lưới", "Trạm Y tế phường"],
                    ["Tháng 01/2026", "Tổ chức hội nghị triển khai", "Phòng Văn hóa - Xã hội"],
                    ["Quý II", "Kiểm tra, giám sát các cơ sở tư nhân", "Trạm Y tế"]]
    # in a numbered table a row with no number goes on with the row before it
    numbered = norm_of("TT\tNội dung\tĐơn vị\n1\tTập huấn\tSở Y tế\n\tNâng cao\tTrạm Y tế\n")
    assert len(numbered.tables[0].rows) == 2


def test_a_sources_amount_wrapped_onto_its_own_line_is_joined():
    norm = norm_of("- Nguồn xã hội hóa (vận động các doanh nghiệp):\n\n30.000.000 đồng.")
    assert norm.text == "- Nguồn xã hội hóa (vận động các doanh nghiệp): 30.000.000 đồng.\n"
    heading = norm_of("IV. KINH PHÍ:\n\n2. Tổ chức thực hiện")
    assert len(heading.text.splitlines()) == 2


def test_a_cells_tail_printed_after_the_table_goes_back_into_the_cell():
    text = (
        "TT\tNội dung\tĐơn vị thực hiện\n1\tTập huấn\tHKH thành phố\n"
        "2\tHội nghị\tHKH thành phố phối hợp với các tổ chức Hội cùng\n\n"
        "\t\tcấp, HKH xã, phường.\n\nNhiệm vụ 2: Xây dựng mô hình\n"
    )
    norm = norm_of(text)
    (table,) = norm.tables
    assert norm.text[slice(*table.rows[-1][2])] == (
        "HKH thành phố phối hợp với các tổ chức Hội cùng cấp, HKH xã, phường.")
    assert "Nhiệm vụ 2: Xây dựng mô hình" in norm.text.splitlines()


def test_the_next_lettered_item_after_a_table_is_no_tail_of_its_last_cell():
    norm = norm_of("TT\tĐơn vị\tTổng\n1\tXã Ẳng Tở\t21\n2\tXã Ẳng Nưa\t20\n\tTổng cộng\t41\n"
                   "b) Về chất lượng: ít nhất 15% công dân nhập ngũ có trình độ đại học.\n")
    assert "b) Về chất lượng: ít nhất 15% công dân nhập ngũ có trình độ đại học." in \
        norm.text.splitlines()


def test_a_header_wrapped_over_two_lines_is_one_header_repeated_after_a_page_break():
    text = (
        "TT\tNội dung công việc\tĐơn vị chủ\tĐơn vị phối\tThời gian\n\t\ttrì\thợp\t\n"
        "1\tTập huấn cán bộ\tSở Y tế\tSở Nội vụ\tQuý II/2025\n2\tXây dựng chuyên trang trên Cổng\t"
        "Sở Thông tin và Truyền thông\tSở Y tế\tNăm 2025\n"
        "\n- 2 -\n\n"
        "TT\tNội dung công việc\tĐơn vị chủ\tĐơn vị phối\tThời gian\n"
        "\tthông tin điện tử tỉnh\t\t\t\n"
        "3\tSơ kết\tSở Y tế\tCác sở, ngành\tQuý IV/2027\n"
    )
    norm = norm_of(text)
    (table,) = norm.tables
    rows = [[norm.text[s:e] for s, e in row] for row in table.rows]
    assert rows[0] == ["TT", "Nội dung công việc", "Đơn vị chủ trì", "Đơn vị phối hợp",
                       "Thời gian"]
    assert [row[1] for row in rows[1:]] == [
        "Tập huấn cán bộ", "Xây dựng chuyên trang trên Cổng thông tin điện tử tỉnh", "Sơ kết"]


def test_layout_table_is_read_column_by_column():
    blocks = [TableBlock([["ỦY BAN NHÂN DÂN\nTỈNH HƯNG YÊN\n-------",
                           "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"],
                          ["Số: 74/KH-UBND", "Hưng Yên, ngày 10 tháng 6 năm 2013"]]),
              Paragraph("KẾ HOẠCH")]
    norm = normalize(SourceDocument(blocks, "docx"))
    assert norm.text.splitlines() == [
        "ỦY BAN NHÂN DÂN", "TỈNH HƯNG YÊN", "Số: 74/KH-UBND",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
        "Hưng Yên, ngày 10 tháng 6 năm 2013", "KẾ HOẠCH"]
    assert norm.tables == []


def test_spans_and_pages_point_at_the_text():
    blocks = [Paragraph("Trang một", 1), Paragraph("Trang hai", 2)]
    norm = normalize(SourceDocument(blocks, "pdf", pages=2))
    start = norm.text.index("Trang hai")
    assert norm.page_at(start) == 2 and norm.page_at(0) == 1
    assert norm.folded[start:start + 9] == "Trang hai"


# Numbering markers: what opens a section and what does not.
MARKER_CORPUS = {
    ("roman", "II"): ["II. MỤC TIÊU", "II/ MỤC TIÊU"],
    ("roman", "IV"): ["IV. TỔ CHỨC THỰC HIỆN"],
    ("arabic", "1"): ["1. Mục tiêu chung", "1) Mục tiêu chung"],
    ("arabic", "11.1"): ["11.1. Ủy ban Mặt trận Tổ quốc", "11.1 Ủy ban Mặt trận"],
    ("letter", "a"): ["a) Mục tiêu đến năm 2025", "a. Mục tiêu đến năm 2025",
                      "a, Đẩy mạnh tuyên truyền"],
    ("letter", "đ"): ["đ) Khen thưởng kịp thời"],
    # a long list of duties runs on past "n)"
    ("letter", "o"): ["o) UBND các xã, phường:"],
    ("bullet", "-"): ["- Tổ chức tuyên truyền", "-Tổ chức tuyên truyền"],
    ("bullet", "–"): ["– Tổ chức tuyên truyền"],
    ("plus", "+"): ["+ 70% số người trong độ tuổi lao động",
                    "- + 90% thực hiện chế độ bồi dưỡng"],  # a converter's dash before it
    ("article", "Điều 1"): ["Điều 1. Ban hành kèm theo Quyết định này"],
    ("task", "Nhiệm vụ 1"): ["Nhiệm vụ 1: Đẩy mạnh tuyên truyền"],
    ("step", "Bước 2"): ["Bước 2: Căn cứ kế hoạch tự kiểm tra"],
    ("appendix", "PHỤ LỤC II"): ["PHỤ LỤC II"],
    ("appendix", "Phụ lục"): ["Phụ lục: DANH MỤC NHIỆM VỤ", "Phụ lục"],
}
NOT_MARKERS = ["100% cán bộ, công chức", "2023 - 2025", "15/6 hằng năm", "1.250 bài giảng",
               "Căn cứ Luật Tổ chức", "Quý III/2022", "TT Đảng ủy",
               "Phụ lục kèm theo Kế hoạch này"]  # in mixed case only as a heading


@pytest.mark.parametrize(("expected", "line"),
                         [(key, line) for key, lines in MARKER_CORPUS.items() for line in lines])
def test_marker_corpus(expected, line):
    kind, marker, _ = marker_of(line)
    assert (kind, marker) == expected


@pytest.mark.parametrize("line", NOT_MARKERS)
def test_not_markers(line):
    assert marker_of(line) is None


def test_section_tree_nests_by_order_of_appearance():
    text = ("KẾ HOẠCH\nTriển khai\nI. MỤC TIÊU\n1. Mục tiêu chung\na) Đến năm 2025\n"
            "- 90% gia đình\nb) Đến năm 2030\n2. Mục tiêu cụ thể\nII. NHIỆM VỤ\n11. Sở Nội vụ\n"
            "11.1. Phòng\n"
            "6. Hội Nông dân\nPHỤ LỤC\nNHỮNG CÔNG VIỆC")
    sections = analyse(norm_of(text)).sections
    assert [s.path for s in sections] == [
        "I", "I.1", "I.1.a", "I.1.a.-", "I.1.b", "I.2", "II", "II.11", "II.11.1", "II.6", "PL"]
    assert sections[-1].title == "NHỮNG CÔNG VIỆC"
    assert sections[0].span[0] == text.index("I. MỤC TIÊU")


def test_parts_numbered_over_arabic_items_are_the_first_level():
    text = ("KẾ HOẠCH\nTiêm chủng\nPhần I. MỤC TIÊU\n1. Mục tiêu chung\n2. Mục tiêu cụ thể\n"
            "Phần II. KINH PHÍ\n- Ngân sách tỉnh\nPhần III. TỔ CHỨC THỰC HIỆN\n1. Văn phòng Sở\n")
    sections = analyse(norm_of(text)).sections
    assert [(s.path, s.kind) for s in sections if s.kind != "bullet"] == [
        ("I", "roman"), ("I.1", "arabic"), ("I.2", "arabic"), ("II", "roman"), ("III", "roman"),
        ("III.1", "arabic")]
    assert sections[0].title == "MỤC TIÊU"
    # a Phần over Roman items stands above them
    above = analyse(norm_of("KẾ HOẠCH\nTiêm chủng\nPhần I. CHUNG\nI. MỤC TIÊU\n1. Chung\n"))
    assert [s.path for s in above.sections] == ["PI", "PI.I", "PI.I.1"]


def test_decision_wrapped_plan_has_two_parts():
    text = ("Số: /QĐ-UBND\nQUYẾT ĐỊNH\nBan hành Kế hoạch\nCăn cứ Luật;\nQUYẾT ĐỊNH:\n"
            "Điều 1. Ban hành\nNơi nhận:\n- Như điều 3;\nCHỦ TỊCH\nNguyễn Văn A\nKẾ HOẠCH\n"
            "Thực hiện Đề án\n(Ban hành kèm theo Quyết định số 230/QĐ-UBND ngày 23/02/2022\n"
            "của Chủ tịch UBND phường)\nThực hiện Quyết định số 1/QĐ-UBND;\nI. MỤC ĐÍCH")
    layout = analyse(norm_of(text))
    decision, plan = layout.parts
    assert (decision.doc_type, plan.doc_type) == ("quyet_dinh", "ke_hoach")
    assert layout.plan_part is plan
    # the subtitle's second line goes on in lower case, so it is joined to the first
    assert len(plan.subtitle) == 1 and len(plan.preamble) == 1
    assert [s.path for s in layout.sections] == ["D1", "I"]


def test_a_plan_that_signs_without_recipients_ends_its_body_at_the_signature():
    text = ("KẾ HOẠCH\nBình đẳng giới\nI. MỤC TIÊU\n1. Tăng tỷ lệ nữ\nTrên đây là Kế hoạch.\n"
            "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nPhạm Thị Hòa\nPHỤ LỤC\n"
            "Danh mục nhiệm vụ")
    norm = norm_of(text)
    plan = analyse(norm).plan_part
    body = [norm.text[line.start:line.end] for line in plan.body]
    closing = [norm.text[line.start:line.end] for line in plan.closing]
    assert closing == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Phạm Thị Hòa"]
    assert "Trên đây là Kế hoạch." in body and "PHỤ LỤC" in body


def test_a_total_row_is_a_row_not_the_rest_of_the_row_before():
    text = ("KẾ HOẠCH\nI. KINH PHÍ\nTT\tNguồn vốn\tKinh phí (triệu đồng)\n"
            "1\tNgân sách tỉnh\t5.300\n2\tNgân sách xã\t3.850\n\tTổng cộng\t9.150\n")
    assert len(norm_of(text).tables[0].rows) == 4


def test_a_cells_bulleted_lines_are_items_without_their_bullets():
    from extractor.normalize import join_lines

    assert join_lines(["- Phòng Văn hóa - Xã hội", "- Các trường mầm non"], items=True) == \
        "Phòng Văn hóa - Xã hội; Các trường mầm non"
    # a PDF's lines (no items) and a single line keep their words
    assert join_lines(["- Phòng Văn hóa - Xã hội"], items=True) == "- Phòng Văn hóa - Xã hội"


def test_a_cells_labelled_lines_stay_apart():
    from extractor.normalize import join_lines

    assert join_lines(["Chủ trì: Phòng Kinh tế", "Phối hợp: các ấp"]) == \
        "Chủ trì: Phòng Kinh tế; Phối hợp: các ấp"
    assert join_lines(["Tổ chức tuyên truyền về", "Luật Đất đai"]) == \
        "Tổ chức tuyên truyền về Luật Đất đai"
