"""Funding sources and reporting duties: phrases and what they must give."""

from __future__ import annotations

import pytest

from extractor.pipeline import extract_text
from extractor.rules.funding import find_funding
from extractor.rules.reporting import find_reporting

FUNDING = {
    "Kinh phí thực hiện từ nguồn ngân sách nhà nước theo phân cấp": ["ngan_sach_nha_nuoc"],
    "Ngân sách Trung ương hỗ trợ theo Quyết định số 89/QĐ-TTg": ["ngan_sach_trung_uong"],
    "Ngân sách tỉnh hỗ trợ kinh phí thực hiện Kế hoạch": ["ngan_sach_tinh"],
    "Ngân sách huyện, ngân sách xã theo phân cấp quản lý": ["ngan_sach_huyen", "ngan_sach_xa"],
    "kinh phí lồng ghép trong các chương trình, đề án": ["long_ghep"],
    "Nguồn xã hội hóa và các nguồn tài chính hợp pháp khác": ["xa_hoi_hoa", "nguon_khac"],
    "Các nguồn tài trợ, đóng góp của các tổ chức, doanh nghiệp": ["tai_tro", "xa_hoi_hoa"],
    "Huy động các nguồn lực tài chính khác": ["nguon_khac"],
}
NOT_FUNDING = ["Tổ chức tuyên truyền về xây dựng xã hội học tập", "báo cáo kết quả thực hiện"]


@pytest.mark.parametrize(("text", "codes"), list(FUNDING.items()))
def test_funding_corpus(text, codes):
    assert [code for _, _, code in find_funding(text)] == codes


@pytest.mark.parametrize("text", NOT_FUNDING)
def test_not_funding(text):
    assert find_funding(text) == []


@pytest.mark.parametrize(("tier", "code"), [
    ("xa", "ngan_sach_xa"), ("huyen", "ngan_sach_huyen"), ("tinh", "ngan_sach_tinh"),
    (None, "ngan_sach_nha_nuoc"),
])
def test_local_budget_takes_the_issuers_level(tier, code):
    assert find_funding("bố trí ngân sách địa phương", tier)[0][2] == code


REPORTING = {
    "Định kỳ, trước ngày 20/11 hằng năm, báo cáo về UBND thị xã kết quả thực hiện Kế hoạch.":
        ("UBND thị xã", None, None),
    "Các sở, ngành định kỳ báo cáo kết quả thực hiện Kế hoạch về UBND tỉnh (qua Sở Giáo dục và "
    "Đào tạo) trước ngày 15/6 và ngày 15/12 hàng năm.":
        ("UBND tỉnh", "Sở Giáo dục và Đào tạo", "Các sở, ngành"),
    "Kiểm tra, giám sát; định kỳ 6 tháng, hàng năm báo cáo UBND tỉnh và Bộ Giáo dục và Đào tạo.":
        ("UBND tỉnh và Bộ Giáo dục và Đào tạo", None, None),
    "UBND các xã gửi báo cáo về Phòng Tài nguyên và Môi trường trước ngày 10/6.":
        ("Phòng Tài nguyên và Môi trường", None, "UBND các xã"),
}
NOT_REPORTING = [
    "Tổ chức sơ kết, tổng kết và báo cáo kết quả thực hiện.",   # no one to report to
    "Hằng năm các sở xây dựng kế hoạch gửi về Sở Tài chính.",     # a plan sent, not a report
    "Giúp phường tự đánh giá kết quả xây dựng Cộng đồng học tập.",
]


@pytest.mark.parametrize(("text", "expected"), list(REPORTING.items()))
def test_reporting_corpus(text, expected):
    ((_, _, recipient, via, subject),) = find_reporting(text)
    assert (recipient, via, subject) == expected


@pytest.mark.parametrize("text", NOT_REPORTING)
def test_not_reporting(text):
    assert find_reporting(text) == []


PLAN = """KẾ HOẠCH
Thực hiện Chương trình trên địa bàn xã Cửu An
I. NỘI DUNG
1. Tuyên truyền
II. KINH PHÍ THỰC HIỆN
Kinh phí thực hiện từ nguồn ngân sách địa phương; nguồn xã hội hóa.
III. TỔ CHỨC THỰC HIỆN
1. Hội Khuyến học xã
- Định kỳ, trước ngày 20/11 hằng năm, báo cáo về UBND huyện kết quả thực hiện Kế hoạch.
Nơi nhận:
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Nguyễn Văn An
"""


def test_plan_funding_and_reporting():
    plan = extract_text(PLAN, with_text=True)
    assert [(f.source, f.text) for f in plan.funding] == [
        ("ngan_sach_xa", "ngân sách địa phương"), ("xa_hoi_hoa", "xã hội hóa")]
    (duty,) = plan.reporting
    assert (duty.reporter, duty.recipient) == ("Hội Khuyến học xã", "UBND huyện")
    assert duty.when.rrule == "FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=20" and duty.when.bound == "by"
    assert plan.text[duty.span[0]:duty.span[1]] == duty.text
