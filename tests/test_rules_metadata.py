"""Document metadata on short plans built to show one rule each."""

from __future__ import annotations

import pytest

from extractor.pipeline import extract_text

HEADER = """ỦY BAN NHÂN DÂN
TỈNH QUẢNG NAM
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 152/KH-UBND
Quảng Nam, ngày 14 tháng 3 năm 2024
KẾ HOẠCH
Triển khai Chương trình “Chuyển đổi số giai đoạn 2024-2025” trên địa bàn tỉnh Quảng Nam
Căn cứ Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ;
I. MỤC TIÊU
Nội dung.
Nơi nhận:
- Bộ Thông tin và Truyền thông;
- TT Tỉnh ủy, TT HĐND tỉnh;
- Lưu: VT, KGVX.
TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
(Đã ký)
Trần Văn Tân
"""


def test_full_header_and_signature():
    document = extract_text(HEADER).document
    assert (document.type, document.number, document.issue_date, document.place) == (
        "ke_hoach", "152/KH-UBND", "2024-03-14", "Quảng Nam")
    assert (document.issuer.name, document.issuer.level) == ("Ủy ban nhân dân tỉnh Quảng Nam",
                                                             "tinh")
    assert (document.locality.name, document.locality.level) == ("Quảng Nam", "tinh")
    assert document.programme.name == "Chuyển đổi số"
    assert (document.programme.period.start, document.programme.period.end) == ("2024", "2025")
    signer = document.signer
    assert (signer.name, signer.title, signer.capacity) == ("Trần Văn Tân", "PHÓ CHỦ TỊCH", "KT")
    assert signer.on_behalf_of == ["ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]
    assert document.recipients == ["Bộ Thông tin và Truyền thông", "TT Tỉnh ủy, TT HĐND tỉnh"]


@pytest.mark.parametrize(("title", "period"), [
    ("Thực hiện công tác dân số trên địa bàn phường năm 2025 - 2026", ("2025", "2026")),
    ("Thực hiện công tác dân số năm 2025", ("2025", "2025")),
    ("Phát triển du lịch giai đoạn 2021-2025", ("2021", "2025")),
    # a strategy "đến năm 2030" carried out over a range that ends then
    ("Thực hiện Chiến lược quốc gia phòng, chống tác hại của thuốc lá đến năm 2030 trên địa bàn "
     "tỉnh Phú Yên, giai đoạn 2025 - 2030", ("2025", "2030")),
    # the plan's own year outside the quoted programme's period
    ("Triển khai năm 2025 Đề án “Phát triển văn hóa đọc giai đoạn 2021 - 2025” trên địa bàn tỉnh",
     ("2025", "2025")),
])
def test_the_plans_own_period_in_its_title(title: str, period: tuple[str, str]) -> None:
    document = extract_text(HEADER.replace(
        "Triển khai Chương trình “Chuyển đổi số giai đoạn 2024-2025” trên địa bàn tỉnh Quảng Nam",
        title)).document
    assert (document.programme.period.start, document.programme.period.end) == period


@pytest.mark.parametrize(("title", "name"), [
    ("Triển khai phong trào “Bình dân học vụ số” trên địa bàn tỉnh năm 2026", "Bình dân học vụ số"),
    ("Thực hiện Cuộc vận động “Người Việt Nam ưu tiên dùng hàng Việt Nam” năm 2026",
     "Người Việt Nam ưu tiên dùng hàng Việt Nam"),
    ("Thực hiện công tác dân số năm 2025", None),
])
def test_a_movement_named_in_the_title_is_the_programme(title: str, name: str | None) -> None:
    document = extract_text(HEADER.replace(
        "Triển khai Chương trình “Chuyển đổi số giai đoạn 2024-2025” trên địa bàn tỉnh Quảng Nam",
        title)).document
    assert document.programme.name == name


def test_every_value_has_evidence_in_the_text():
    plan = extract_text(HEADER, with_text=True)
    evidence = plan.document.evidence
    assert plan.text[slice(*evidence["number"].span)] == "Số: 152/KH-UBND"
    assert plan.text[slice(*evidence["place"].span)] == "Quảng Nam"
    assert plan.text[slice(*evidence["signer.name"].span)] == "Trần Văn Tân"
    assert {"type", "issue_date", "issuer", "locality", "title", "recipients"} <= set(evidence)


@pytest.mark.parametrize(("header", "issuer", "level"), [
    # a body under its superior, name over two lines
    ("UBND TỈNH BÌNH ĐỊNH\nBAN CHỈ ĐẠO PHÒNG, CHỐNG\nTHIÊN TAI VÀ TÌM KIẾM CỨU NẠN\n",
     "Ban Chỉ đạo phòng, chống thiên tai và tìm kiếm cứu nạn tỉnh Bình Định", "tinh"),
    ("UBND TỈNH LÂM ĐỒNG\nSỞ GIÁO DỤC VÀ ĐÀO TẠO\n", "Sở giáo dục và đào tạo tỉnh Lâm Đồng",
     "tinh"),
    ("ỦY BAN NHÂN DÂN\nHUYỆN KRÔNG PẮC\n", "Ủy ban nhân dân huyện Krông Pắc", "huyen"),
    ("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ ĐÀ NẴNG\n", "Ủy ban nhân dân thành phố Đà Nẵng", "tinh"),
    ("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ BẮC KẠN\n", "Ủy ban nhân dân thành phố Bắc Kạn", "huyen"),
    ("ỦY BAN NHÂN DÂN\nTHỊ TRẤN CÁI NHUM\n", "Ủy ban nhân dân thị trấn Cái Nhum", "xa"),
    # a council under its superior council
    ("UBND THÀNH PHỐ VIỆT TRÌ\nỦY BAN NHÂN DÂN\nPHƯỜNG GIA CẨM\n",
     "Ủy ban nhân dân phường Gia Cẩm", "xa"),
])
def test_issuer_from_the_header_block(header, issuer, level):
    document = extract_text(f"{header}Số: 1/KH-UBND\nKẾ HOẠCH\nVề việc\nI. MỤC TIÊU\n").document
    assert (document.issuer.name.casefold(), document.issuer.level) == (issuer.casefold(), level)


@pytest.mark.parametrize(("text", "issuer"), [
    # the decision's enacting authority
    ("QUYẾT ĐỊNH\nBan hành Kế hoạch\nCHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG NGUYỄN NGHIÊM\nCăn cứ Luật;\n"
     "Điều 1. Ban hành\n", "Ủy ban nhân dân phường Nguyễn Nghiêm"),
    # the preamble's closing clause, the locality from the title
    ("KẾ HOẠCH\nThực hiện Chương trình trên địa bàn xã Cửu An\nCăn cứ Quyết định số 1/QĐ-TTg;\n"
     "UBND xã ban hành Kế hoạch như sau:\nI. MỤC TIÊU\n", "Ủy ban nhân dân xã Cửu An"),
    ("KẾ HOẠCH\nTriển khai Đề án trên địa bàn tỉnh Hưng Yên\nCăn cứ Quyết định số 89/QĐ-TTg, "
     "Ủy ban nhân dân (UBND) tỉnh xây dựng Kế hoạch như sau:\nI. MỤC ĐÍCH\n",
     "Ủy ban nhân dân tỉnh Hưng Yên"),
    # only the signature names the body
    ("KẾ HOẠCH\nVề việc trên địa bàn huyện Yên Định\nI. MỤC TIÊU\nNơi nhận:\n- Lưu: VT.\n"
     "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nLê Văn Nam\n", "Ủy ban nhân dân huyện Yên Định"),
])
def test_issuer_without_a_header_block(text, issuer):
    assert extract_text(text).document.issuer.name == issuer


@pytest.mark.parametrize(("lines", "expected"), [
    ("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNguyễn Thị Phúc", ("Nguyễn Thị Phúc", "CHỦ TỊCH", "TM")),
    ("TRƯỞNG BAN\nPHÓ CHỦ TỊCH UBND QUẬN\nNguyễn Đông Tùng",
     ("Nguyễn Đông Tùng", "TRƯỞNG BAN", None)),
    ("TM. ỦY BAN NHÂN DÂN\nQ. CHỦ TỊCH\nNguyễn Văn Tâm", ("Nguyễn Văn Tâm", "Q. CHỦ TỊCH", "Q")),
    ("KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nNguyễn Thị Hạnh\nNguyễn Thị Hạnh",
     ("Nguyễn Thị Hạnh", "PHÓ GIÁM ĐỐC", "KT")),
])
def test_signer_shapes(lines, expected):
    text = f"KẾ HOẠCH\nVề việc\nI. MỤC TIÊU\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n{lines}\n"
    signer = extract_text(text).document.signer
    assert (signer.name, signer.title, signer.capacity) == expected


@pytest.mark.parametrize(("number_line", "number", "code"), [
    ("Số: 74/KH-UBND", "74/KH-UBND", None),
    ("Số: **74** /KH-UBND", "74/KH-UBND", None),
    ("Số: 45/2024/QĐ-UBND", "45/2024/QĐ-UBND", None),
    ("Số:    /KH-BCĐ", None, "BLANK_NUMBER"),
    ("", None, "MISSING_NUMBER"),
])
def test_document_number(number_line, number, code):
    plan = extract_text(f"{number_line}\nHà Nội, ngày 5 tháng 5 năm 2024\nKẾ HOẠCH\nVề việc\n")
    assert plan.document.number == number
    codes = {finding.code for finding in plan.findings}
    assert (code in codes) if code else not codes & {"BLANK_NUMBER", "MISSING_NUMBER"}


def test_impossible_dates_are_findings_not_crashes():
    plan = extract_text("Số: 74/KH-UBND\nHưng Yên, ngày 10 tháng 6 năm 2013\nKẾ HOẠCH\nVề việc\n"
                        "PHỤ LỤC\n(Kèm theo Kế hoạch số: 74/KH-UBND ngày 10/16/2013)\n")
    (finding,) = [f for f in plan.findings if f.code == "IMPOSSIBLE_DATE"]
    assert "10/16/2013" in finding.message and finding.severity == "error"
    assert plan.citations == []  # the plan's own number is not a citation


def test_recipients_skip_subheadings_and_archive_lines():
    text = ("KẾ HOẠCH\nVề việc\nNơi nhận:\nGửi bản điện tử:\n- UBND tỉnh BK (b/c);\n"
            "- HKH tỉnh BK (p/h);\n- LĐVP, CV;\n- Lưu VT - HKH.\nTM. ỦY BAN NHÂN DÂN\n")
    # A recipient in capitals ("LĐVP": the office's leaders) is one; the signature block is not.
    assert extract_text(text).document.recipients == ["UBND tỉnh BK (b/c)", "HKH tỉnh BK (p/h)",
                                                      "LĐVP, CV"]
