"""Citations and dates, Duckling style: phrases grouped by what they must resolve to, and a
negative corpus of phrases that must produce nothing."""

from __future__ import annotations

import pytest

from extractor.rules.citations import find_citations, symbol_of
from extractor.rules.dates import find_dates, iso_date, parse_blankable

# (phrase, type, number, date, issuer) -- every shape of symbol seen in plans.
CITATION_CORPUS = [
    # the issuer ends before "và hướng dẫn ..." of another body
    ("theo Quyết định số 876/QĐ-BNV ngày 10/11/2022 của Bộ trưởng Bộ Nội vụ và hướng dẫn của Sở "
     "Nội vụ.", "quyet_dinh", "876/QĐ-BNV", "2022-11-10", "Bộ trưởng Bộ Nội vụ"),
    ("Căn cứ Quyết định số 1373/QĐ-TTg ngày 30/7/2021 của Thủ tướng Chính phủ phê duyệt Đề án",
     "quyet_dinh", "1373/QĐ-TTg", "2021-07-30", "Thủ tướng Chính phủ"),
    ("Thực hiện Kế hoạch số 123/KH-UBND ngày 07/9/2022 của Ủy ban nhân thị xã An Khê về việc",
     "ke_hoach", "123/KH-UBND", "2022-09-07", "Ủy ban nhân thị xã An Khê"),
    ("Thông tư số 44/2014/TT-BGDĐT ngày 12/12/2014 của Bộ Giáo dục và Đào tạo quy định",
     "thong_tu", "44/2014/TT-BGDĐT", "2014-12-12", "Bộ Giáo dục và Đào tạo"),
    ("Công văn số 822/BCĐQG-XHHT ngày 30/01/2013 của Ban Chỉ đạo quốc gia xây dựng xã hội học "
     "tập về việc triển khai", "cong_van", "822/BCĐQG-XHHT", "2013-01-30",
     "Ban Chỉ đạo quốc gia xây dựng xã hội học tập"),
    ("Căn cứ Kế hoạch số 796/KH-GDĐT-KH ngày 24/3/2016 của Sở Giáo dục và Đào tạo",
     "ke_hoach", "796/KH-GDĐT-KH", "2016-03-24", "Sở Giáo dục và Đào tạo"),
    ("Quyết định số 13900/QĐ-UBND ngày 21 tháng 12 năm 2021 của UBND thị xã Đức Phổ về việc",
     "quyet_dinh", "13900/QĐ-UBND", "2021-12-21", "UBND thị xã Đức Phổ"),
    ("Nghị quyết số 29-NQ/TW ngày 04/11/2013 của Ban Chấp hành Trung ương về đổi mới",
     "nghi_quyet", "29-NQ/TW", "2013-11-04", "Ban Chấp hành Trung ương"),
    # a party programme's number, with a symbol in mixed case
    ("Thực hiện Chương trình hành động số 09-CTr/TU ngày 25/11/2025 của Ban Thường vụ Tỉnh ủy "
     "Lào Cai về đẩy mạnh cải cách hành chính", "chuong_trinh", "09-CTr/TU", "2025-11-25",
     "Ban Thường vụ Tỉnh ủy Lào Cai"),
    # a youth union's number with its board after a dash; a body's name holding a comma
    ("Căn cứ Hướng dẫn số 52-HD/TĐTN-TTNTH ngày 12/5/2025 của Tỉnh đoàn Đắk Lắk về tổ chức",
     "huong_dan", "52-HD/TĐTN-TTNTH", "2025-05-12", "Tỉnh đoàn Đắk Lắk"),
    ("theo Công văn số 1520/BVHTTDL-GĐ ngày 12/5/2025 của Bộ Văn hóa, Thể thao và Du lịch về "
     "việc tổ chức", "cong_van", "1520/BVHTTDL-GĐ", "2025-05-12",
     "Bộ Văn hóa, Thể thao và Du lịch"),
    ("Chỉ thị số 06/CT-TTg ngày 12/3/2024 của Thủ tướng Chính phủ",
     "chi_thi", "06/CT-TTg", "2024-03-12", "Thủ tướng Chính phủ"),
    ("theo Nghị định số 45/2019/NĐ-CP của Chính phủ", "nghi_dinh", "45/2019/NĐ-CP", None,
     "Chính phủ"),
    ("Thông tư liên tịch số 43/2015/TTLT-BNNPTNT-BKHĐT ngày 23/11/2015",
     "thong_tu", "43/2015/TTLT-BNNPTNT-BKHĐT", "2015-11-23", None),
    ("Công văn 1234/UBND-KGVX ngày 05/5/2024 của UBND tỉnh", "cong_van", "1234/UBND-KGVX",
     "2024-05-05", "UBND tỉnh"),
    # a number and symbol written without a type word: the type comes from the symbol
    ("theo hướng dẫn tại 05/2023/TT-BTTTT", "thong_tu", "05/2023/TT-BTTTT", None, None),
    # spaces around the slash, as converters leave them
    ("Kế hoạch số 74 /KH-UBND ngày 10/6/2013", "ke_hoach", "74/KH-UBND", "2013-06-10", None),
    # a number without its symbol
    ("quán triệt Quyết định 387 của Thủ tướng Chính phủ", "quyet_dinh", "387", None,
     "Thủ tướng Chính phủ"),
]

LAW_CORPUS = [
    ("các văn bản hướng dẫn Luật Tài nguyên nước thuộc thẩm quyền của tỉnh", "Tài nguyên nước",
     None),
    ("Căn cứ Luật Tổ chức Chính quyền địa phương ngày 19 tháng 6 năm 2015;",
     "Tổ chức Chính quyền địa phương", "2015-06-19"),
    ("Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền "
     "địa phương ngày 22/11/2019;",
     "sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa "
     "phương", "2019-11-22"),
    ("quy định về nồng độ cồn của Luật Phòng, chống tác hại của rượu, bia ngày 14 tháng 6 năm "
     "2019.", "Phòng, chống tác hại của rượu, bia", "2019-06-14"),
    # a short form in brackets inside a dated law's name
    ("Căn cứ Luật Phòng, chống nhiễm vi rút gây ra hội chứng suy giảm miễn dịch mắc phải ở người "
     "(HIV/AIDS) ngày 29 tháng 6 năm 2006;", "Phòng, chống nhiễm vi rút gây ra hội chứng suy "
     "giảm miễn dịch mắc phải ở người (HIV/AIDS)", "2006-06-29"),
    ("theo phân cấp ngân sách quy định của Luật Ngân sách nhà nước; kinh phí lồng ghép",
     "Ngân sách nhà nước", None),
    ("theo quy định của Luật Phòng, chống thiên tai và các văn bản", "Phòng, chống thiên tai",
     None),
    # Two fields joined by a comma are one name; a list after a comma is not.
    ("Tiếp tục phổ biến Luật Trật tự, an toàn giao thông đường bộ và các văn bản",
     "Trật tự, an toàn giao thông đường bộ", None),
    ("phổ biến Luật Đất đai, các văn bản hướng dẫn thi hành", "Đất đai", None),
    # a place after the law's name ends it
    ("phổ biến Luật Phòng, chống bạo lực gia đình trên hệ thống truyền thanh cơ sở",
     "Phòng, chống bạo lực gia đình", None),
    # a deadline after the law's name is no date of the law
    ("phổ biến Luật Đất đai đến người dân, hoàn thành trước ngày 30/6/2025", "Đất đai", None),
    # "theo hợp đồng" is part of the name; "theo" otherwise ends it
    ("Tuyên truyền Luật Người lao động Việt Nam đi làm việc ở nước ngoài theo hợp đồng cho "
     "người dân", "Người lao động Việt Nam đi làm việc ở nước ngoài theo hợp đồng", None),
    ("thực hiện Luật Đất đai theo quy định", "Đất đai", None),
]

NEGATIVE_CORPUS = [
    "ban hành kèm theo ngày 10/16/2013",       # a date, not a document
    "Từ năm 2023 - 2025 triển khai",            # a year span
    "Đẩy mạnh thực hiện Chương trình 387 trên địa bàn",  # a programme's nickname
    "Quý III/2022",                              # a quarter
    "trước ngày 15/6 và ngày 15/12 hằng năm",  # day/month deadlines
    "100% cán bộ, công chức",                   # a target
    "UBND tỉnh BK (b/c)",                        # a recipient's note
    "theo quy định của pháp luật",               # law in general, not a named law
    "xây dựng Đề án “Xây dựng xã hội học tập”",  # a programme named without a number
    "Trung tâm VH - TTTT",                       # an abbreviation with a dash
    "mục 2.1 và 2.2 của kế hoạch",               # section numbers
    "thực hiện chuyển đổi số và Đề án 06 năm 2026",  # a programme's nickname
]


@pytest.mark.parametrize(("phrase", "doc_type", "number", "date", "issuer"), CITATION_CORPUS)
def test_citation_corpus(phrase, doc_type, number, date, issuer):
    found = find_citations(phrase)
    assert len(found) == 1, [c.number for c in found]
    citation = found[0]
    assert (citation.type, citation.number, citation.date, citation.issuer) == (
        doc_type, number, date, issuer)


@pytest.mark.parametrize(("phrase", "name", "date"), LAW_CORPUS)
def test_law_corpus(phrase, name, date):
    found = find_citations(phrase)
    assert [(c.type, c.number, c.title, c.date) for c in found] == [("luat", None, name, date)]


@pytest.mark.parametrize("phrase", NEGATIVE_CORPUS)
def test_negative_corpus(phrase):
    assert find_citations(phrase) == []


def test_title_is_the_trich_yeu_up_to_the_clause_end():
    text = ("Căn cứ Quyết định số 89/QĐ-TTg ngày 09/01/2013 của Thủ tướng Chính phủ phê duyệt Đề "
            "án “Xây dựng xã hội học tập giai đoạn 2012-2020”; Công văn số 822/BCĐQG-XHHT")
    first, second = find_citations(text)
    assert first.title == "phê duyệt Đề án “Xây dựng xã hội học tập giai đoạn 2012-2020”"
    assert second.number == "822/BCĐQG-XHHT"


def test_a_document_the_title_is_about_stays_in_the_title():
    text = ("Căn cứ Nghị định số 28/2013/NĐ-CP ngày 04/4/2013 của Chính phủ quy định chi tiết một "
            "số điều và biện pháp thi hành Luật Phổ biến, giáo dục pháp luật; Thông tư số "
            "09/2021/TT-BTP ngày 15/11/2021 của Bộ trưởng Bộ Tư pháp hướng dẫn thi hành Quyết định "
            "số 25/2021/QĐ-TTg ngày 22/7/2021")
    decree, law, circular, decision = find_citations(text)
    assert decree.title == ("quy định chi tiết một số điều và biện pháp thi hành Luật Phổ biến, "
                            "giáo dục pháp luật")
    assert (law.type, circular.title) == ("luat", "hướng dẫn thi hành Quyết định số "
                                                   "25/2021/QĐ-TTg ngày 22/7/2021")
    assert decision.number == "25/2021/QĐ-TTg"


def test_title_stops_before_the_next_citation_and_before_the_issuers_clause():
    text = ("về Quyết định số 281/QĐ-TTg ngày 20/2/2014 của Thủ tướng Chính phủ về xây dựng các "
            "mô hình học tập và Thông tư số 44/2014/TT-BGDĐT ngày 12/12/2014")
    first, _ = find_citations(text)
    assert first.title == "về xây dựng các mô hình học tập"
    preamble = ("ban hành kèm theo Quyết định số 786/QĐ-UBND ngày 12/5/2022 của UBND tỉnh Bắc Kạn, "
                "UBND thành phố Bắc Kạn xây dựng Kế hoạch")
    (citation,) = find_citations(preamble)
    assert (citation.issuer, citation.title) == ("UBND tỉnh Bắc Kạn", None)


@pytest.mark.parametrize(("number", "symbol"), [
    ("44/2014/TT-BGDĐT", "TT-BGDĐT"), ("74/KH-UBND", "KH-UBND"), ("29-NQ/TW", "NQ/TW"),
    ("387", None),
])
def test_symbol_of(number, symbol):
    assert symbol_of(number) == symbol


DATE_CORPUS = {
    "2021-07-30": ["30/7/2021", "30 / 07 / 2021", "ngày 30 tháng 7 năm 2021"],
    "2022-02-23": ["23 /02/2022", "ngày 23 tháng 02 năm 2022"],
    None: ["10/16/2013", "31/4/2023", "29/02/2023", "ngày 32 tháng 1 năm 2020"],
}


@pytest.mark.parametrize(
    ("expected", "phrase"),
    [(iso, phrase) for iso, phrases in DATE_CORPUS.items() for phrase in phrases])
def test_date_corpus(expected, phrase):
    (found,) = find_dates(phrase)
    assert found.iso == expected


@pytest.mark.parametrize("phrase", ["74/KH-UBND", "2023 - 2025", "15/6", "Quý III/2022",
                                    "44/2014/TT-BGDĐT", "1.250 bài"])
def test_not_dates(phrase):
    assert find_dates(phrase) == []


@pytest.mark.parametrize(("phrase", "iso"), [
    ("Hưng Yên, ngày 10 tháng 6 năm 2013", "2013-06-10"),
    ("Phường Nguyễn Nghiêm, ngày tháng 02 năm 2022", "2022-02"),
    ("TP. Bắc Kạn, ngày tháng năm 2022", "2022"),
    ("Bình Định, ngày    tháng 5 năm 2025", "2025-05"),
])
def test_blankable_issue_dates(phrase, iso):
    assert parse_blankable(phrase).iso == iso


def test_iso_date_precision():
    assert (iso_date(None, None, 2022), iso_date(None, 2, 2022), iso_date(5, 2, 2022)) == (
        "2022", "2022-02", "2022-02-05")
    assert iso_date(5, None, 2022) is None
