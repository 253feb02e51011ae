"""Inputs that broke earlier versions: each test is a plausible plan line that once crashed
the extractor or was read wrongly."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from extractor.pipeline import extract_text
from extractor.rules.citations import find_citations
from extractor.rules.timex import parse

ROOT = Path(__file__).resolve().parent.parent


def plan(body: str, title: str = "Về việc thực hiện năm 2023") -> str:
    return f"KẾ HOẠCH\n{title}\nCăn cứ Quyết định số 1/QĐ-TTg;\n{body}"


def test_large_figures_and_ragged_tables_of_targets():
    text = plan("I. MỤC TIÊU\n1. Phấn đấu đến năm 2025 có 1.200.000 người dân có tài khoản.\n"
                "STT\tChỉ tiêu\tĐVT\tKế hoạch 2025\tThực hiện 2024\n"
                "1\tHộ có nước sạch\thộ\t1.500\n2\tDoanh thu\ttriệu đồng\t12.345,6\t10\n")
    assert [(t.value, t.unit) for t in extract_text(text).targets] == [
        (1_200_000, "người"), (1500, "hộ"), (12345.6, "triệu đồng")]


def test_impossible_date_in_a_yearly_sentence():
    text = plan("I. NHIỆM VỤ\n1. Hằng năm, các thôn báo cáo kết quả trước ngày 29/2 về UBND xã.\n")
    points = [t for t in extract_text(text).time_expressions if t.kind == "point"]
    assert [(t.text, t.end) for t in points] == [("trước ngày 29/2", None)]


def test_tab_after_a_list_marker_is_not_a_table():
    text = plan("I.\tMỤC TIÊU\n1.\tPhấn đấu 80% hộ dân có nước sạch.\n")
    result = extract_text(text)
    assert [s.path for s in result.sections] == ["I", "I.1"] and result.tables == []
    assert [t.value for t in result.targets] == [80]


def test_a_task_that_mentions_requirements_keeps_its_deadline():
    text = plan("I. NHIỆM VỤ\n1. Rà soát hạ tầng đáp ứng yêu cầu chuyển đổi số, hoàn thành "
                "trước ngày 30/6/2024.\n2. Phấn đấu hoàn thành các chỉ tiêu được giao trước ngày "
                "30/11/2024.\n")
    assert [t.end for t in extract_text(text).time_expressions] == ["2024-06-30", "2024-11-30"]


def test_a_bullet_is_not_glued_to_the_heading_above():
    text = plan("I. MỤC TIÊU\n2. Mục tiêu cụ thể\n- phấn đấu 80% hộ dân có nước sạch.\n")
    assert [s.title for s in extract_text(text).sections] == [
        "MỤC TIÊU", "Mục tiêu cụ thể", "phấn đấu 80% hộ dân có nước sạch"]


def test_dates_with_a_dash_before_the_year_and_half_years():
    assert (parse("tháng 3-2024", 2023).start, parse("tháng 3-2024", 2023).year_inherited) == (
        "2024-03-01", False)
    assert (parse("Quý I-2024", 2023).start, parse("Quý I-2024", 2023).end) == (
        "2024-01-01", "2024-03-31")
    assert (parse("6 tháng đầu năm 2024").start, parse("6 tháng đầu năm 2024").end) == (
        "2024-01-01", "2024-06-30")


def test_rates_are_not_citations():
    assert find_citations("mỗi tổ chức đạt 3/tháng, 12/xã") == []


def test_preamble_ends_where_the_body_begins_without_numbering():
    text = ("KẾ HOẠCH\nVề nước sạch năm 2025\nCăn cứ Quyết định số 1/QĐ-TTg;\n"
            "Phấn đấu đến năm 2025 có 85% hộ dân sử dụng nước sạch.\n"
            "Các thôn hoàn thành trước ngày 30/6/2025.\n")
    result = extract_text(text)
    assert [t.value for t in result.targets] == [85]
    assert [t.end for t in result.time_expressions] == ["2025-06-30"]


def kehoach(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "extractor.cli", *args], capture_output=True,
                          text=True, cwd=ROOT, timeout=60)


def test_output_to_a_folder_or_an_impossible_year_is_one_line():
    result = kehoach("extract", "corpus/001_254a0747dd8fdc85.txt", "--out", "corpus")
    assert result.returncode == 13 and "Traceback" not in result.stderr
    assert kehoach("timex", "tháng 3", "--year", "0").returncode != 0
    assert "Traceback" not in kehoach("timex", "tháng 3", "--year", "0").stderr


def test_heading_with_its_title_on_one_line_and_spaced_letters():
    header = "ĐẢNG BỘ XÃ AN BÌNH\nSố 12-KH/ĐU\nAn Bình, ngày .... tháng .... năm 2024\n"
    body = "\nCăn cứ Quyết định số 1/QĐ-TTg;\nI. MỤC TIÊU\n1. Phấn đấu 80% hộ dân có nước sạch.\n"
    for heading, title in (("KẾ HOẠCH TRIỂN KHAI CHUYỂN ĐỔI SỐ NĂM 2024",
                             "TRIỂN KHAI CHUYỂN ĐỔI SỐ NĂM 2024"),
                           ("K Ế H O Ạ C H\nTriển khai chuyển đổi số năm 2024",
                            "Triển khai chuyển đổi số năm 2024")):
        result = extract_text(header + heading + body)
        document = result.document
        assert (document.type, document.number, document.issue_date, document.title) == (
            "ke_hoach", "12-KH/ĐU", "2024", title)
        assert [f.code for f in result.findings] == ["PARTIAL_DATE"]
        assert [t.value for t in result.targets] == [80]


def test_a_menu_item_of_a_website_is_not_a_heading():
    result = extract_text("Trang chủ\nCông văn\nSố: 5/KH-UBND\nAn Bình, ngày 1 tháng 3 năm 2024\n"
                          "KẾ HOẠCH\nVề việc\n")
    assert (result.document.type, result.document.number) == ("ke_hoach", "5/KH-UBND")


def test_blank_numbers_with_underscores_and_numeric_issue_dates():
    result = extract_text("Số: ___/KH-UBND\nAn Bình, ngày 05/3/2024\nKẾ HOẠCH\nVề việc\n")
    assert result.document.issue_date == "2024-03-05"
    assert [f.code for f in result.findings] == ["BLANK_NUMBER"]


def test_a_docx_with_no_text_is_an_empty_input(tmp_path):
    import docx

    path = tmp_path / "blank.docx"
    docx.Document().save(path)
    result = kehoach("extract", str(path))
    assert result.returncode == 5 and "no text" in result.stderr


def test_parts_and_chapter_letters_are_high_levels():
    text = plan("Phần I. MỤC TIÊU\n1. Phấn đấu 80% hộ dân.\nA. NHIỆM VỤ\n1. Tập huấn.\n"
                "Phần II. TỔ CHỨC\n")
    assert [s.path for s in extract_text(text).sections] == [
        "PI", "PI.1", "PI.A", "PI.A.1", "PII"]


def test_dates_with_dashes_or_dots_and_stray_surrogates():
    (citation,) = find_citations("Quyết định số 12/QĐ-UBND ngày 15-8-2023 của UBND huyện An Lão")
    assert (citation.date, citation.issuer) == ("2023-08-15", "UBND huyện An Lão")
    assert extract_text(plan("I. NHIỆM VỤ\n", title="Về việc \ud800")).document.title == "Về việc"
