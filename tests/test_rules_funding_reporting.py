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
    "dự toán ngân sách năm 2025 của quận, của các phường": ["ngan_sach_huyen", "ngan_sach_xa"],
    "Ngân sách các xã, thị trấn bảo đảm kinh phí tiêm phòng": ["ngan_sach_xa"],
    "Ngân sách Trung ương, tỉnh, huyện hỗ trợ 9.200 triệu đồng":
        ["ngan_sach_trung_uong", "ngan_sach_tinh", "ngan_sach_huyen"],
    "vốn tín dụng, vốn của các chủ thể OCOP và nguồn huy động hợp pháp khác":
        ["nguon_khac", "xa_hoi_hoa", "nguon_khac"],
    "từ nguồn chi sự nghiệp giáo dục năm 2025": ["ngan_sach_nha_nuoc"],
    "nguồn trích từ tiền xử phạt vi phạm hành chính trong lĩnh vực giao thông":
        ["ngan_sach_nha_nuoc"],
    "tranh thủ sự hỗ trợ của các doanh nghiệp, nhà hảo tâm": ["tai_tro", "tai_tro"],
    # a service's fees, a named source beside the other lawful ones
    "Nguồn thu giá dịch vụ thu gom, vận chuyển rác thải; các nguồn hợp pháp khác":
        ["nguon_khac", "nguon_khac"],
    # a fund named in quotation marks
    "Quỹ “Vì người nghèo” xã: 288 triệu đồng": ["nguon_khac"],
    # a province's reserve for emergencies; a company's own money for its own works
    "Dự phòng ngân sách tỉnh: 12.000 triệu đồng": ["ngan_sach_tinh"],
    "Nguồn kinh phí tự có của Công ty Thủy lợi: 2.000 triệu đồng": ["xa_hoi_hoa"],
    # A bracket that says what a source is names no other source.
    "Nguồn xã hội hóa (đóng góp của các tổ chức, cá nhân, nhà hảo tâm): 20.000.000 đồng":
        ["xa_hoi_hoa"],
}
NOT_FUNDING = [
    "Tổ chức tuyên truyền về xây dựng xã hội học tập", "báo cáo kết quả thực hiện",
    "theo Luật Ngân sách nhà nước",
    "Thực hiện thu giá dịch vụ thu gom, vận chuyển chất thải rắn sinh hoạt",  # collecting it
    # A cited document's name, not the plan's money.
    "theo Thông tư số 96/2008/TT-BTC ngày 27/10/2008 của Bộ Tài chính về hướng dẫn việc hỗ trợ "
    "kinh phí từ ngân sách nhà nước cho các trung tâm học tập cộng đồng",
    "theo Thông tư liên tịch số 14/2014/TTLT-BTC-BTP ngày 27/01/2014 của Bộ Tài chính và Bộ Tư "
    "pháp quy định việc lập dự toán, quản lý, sử dụng và quyết toán kinh phí ngân sách nhà nước",
]


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


@pytest.mark.parametrize(("issued", "code"), [("2025-08-22", "ngan_sach_tinh"),
                                              ("2024-03-01", "ngan_sach_huyen")])
def test_an_unnamed_city_is_of_the_provinces_tier_since_the_two_tier_reform(issued, code):
    year, month, day = issued.split("-")
    plan = extract_text(
        f"ỦY BAN NHÂN DÂN\nPHƯỜNG AN KHÊ\nSố: 5/KH-UBND\nAn Khê, ngày {day} tháng {month} năm "
        f"{year}\nKẾ HOẠCH\nDân số\nI. KINH PHÍ\n- Ngân sách thành phố: 70.000.000 đồng.\n")
    assert [f.source for f in plan.funding] == [code]
    assert find_funding("Ngân sách thành phố bố trí", central_city=True)[0][2] == "ngan_sach_tinh"


REPORTING = {
    "Định kỳ, trước ngày 20/11 hằng năm, báo cáo về UBND thị xã kết quả thực hiện Kế hoạch.":
        ("UBND thị xã", None, None),
    "Các sở, ngành định kỳ báo cáo kết quả thực hiện Kế hoạch về UBND tỉnh (qua Sở Giáo dục và "
    "Đào tạo) trước ngày 15/6 và ngày 15/12 hàng năm.":
        ("UBND tỉnh", "Sở Giáo dục và Đào tạo", "Các sở, ngành"),
    "UBND các xã gửi báo cáo về Phòng Tài nguyên và Môi trường trước ngày 10/6.":
        ("Phòng Tài nguyên và Môi trường", None, "UBND các xã"),
    # The recipient after "gửi", a name with "chỉ đạo" in it, an item opening with the verb.
    "Báo cáo 6 tháng về công tác phòng, chống thiên tai gửi Ban Chỉ đạo tỉnh trước ngày 15/6.":
        ("Ban Chỉ đạo tỉnh", None, None),
    "Đề nghị các cơ quan triển khai thực hiện và báo cáo về Ban chỉ đạo quận theo quy định.":
        ("Ban chỉ đạo quận", None, "các cơ quan"),
    "Báo cáo kết quả năm 2025 về Hội Khuyến học tỉnh": ("Hội Khuyến học tỉnh", None, None),
    "Phát hiện, báo cáo kịp thời về UBND xã các điểm có nguy cơ gây đuối nước.":
        ("UBND xã", None, None),
    # A body by its short form; the subject ends at its verb.
    "Các bệnh viện tuyến tỉnh phát hiện, báo cáo ca bệnh nghi ngờ về CDC chậm nhất 24 giờ.":
        ("CDC", None, "Các bệnh viện tuyến tỉnh"),
    "UBND các xã báo cáo UBND các huyện, thành phố trước ngày 10/6.":
        ("UBND các huyện, thành phố", None, "UBND các xã"),
    # What is reported may hold an aside in brackets before the recipient.
    "Các đơn vị báo cáo kết quả thực hiện Kế hoạch (báo cáo 6 tháng và báo cáo năm) về UBND "
    "phường (qua Trạm Y tế phường) trước ngày 20/6 hằng năm.":
        ("UBND phường", "Trạm Y tế phường", "Các đơn vị"),
    # No recipient: a duty all the same when it says when, or opens the item.
    "- Báo cáo công tác xây dựng xã hội học tập năm 2017 và phương hướng năm 2018.":
        (None, None, None),
    "Tuyên truyền đến từng hộ; phát hiện, báo cáo kịp thời các trường hợp vi phạm.":
        (None, None, None),
    # Results gathered and sent on, without the word "báo cáo".
    "Tổng hợp kết quả tham gia phong trào của đoàn viên, hội viên, gửi Sở Khoa học và Công nghệ "
    "trước ngày 15 của tháng cuối quý.": ("Sở Khoa học và Công nghệ", None, None),
    "Thống kê số lượng, tỷ lệ nữ cán bộ, công chức, viên chức giữ chức vụ lãnh đạo, quản lý các "
    "cấp, gửi Sở LĐTBXH trước ngày 30/11 hằng năm để tổng hợp.": ("Sở LĐTBXH", None, None),
    # what a survey found, gathered and sent on
    "Khảo sát nhu cầu tuyển dụng lao động của các doanh nghiệp; tổng hợp, gửi Sở LĐ-TB&XH trước "
    "ngày 31/8 hằng năm.": ("Sở LĐ-TB&XH", None, None),
    # a list drawn up and sent on
    "Rà soát, lập danh sách hộ dân có nguy cơ thiếu nước sinh hoạt, gửi Sở Nông nghiệp và Môi "
    "trường (qua Trung tâm Nước sạch) trước ngày 15/12/2026.":
        ("Sở Nông nghiệp và Môi trường", "Trung tâm Nước sạch", None),
    # figures reported ("số liệu", not the number of a report)
    "Vận hành hệ thống cống; báo cáo số liệu độ mặn về Chi cục Thủy lợi hằng ngày trước 9 giờ.":
        ("Chi cục Thủy lợi", None, None),
    # the subject is the body that opens the clause, not its verb's words
    "UBND các xã, phường kích hoạt phương án ứng phó theo cấp độ rủi ro; báo cáo tình hình về "
    "Ban Chỉ huy phòng thủ dân sự tỉnh trước 16 giờ hằng ngày.":
        ("Ban Chỉ huy phòng thủ dân sự tỉnh", None, "UBND các xã, phường"),
}
NOT_REPORTING = [
    "Tổ chức sơ kết, tổng kết và báo cáo kết quả thực hiện.",   # no one to report to, no time
    "Hằng năm các sở xây dựng kế hoạch gửi về Sở Tài chính.",     # a plan sent, not a report
    "Giúp phường tự đánh giá kết quả xây dựng Cộng đồng học tập.",
    "Báo cáo kèm theo các minh chứng phù hợp với các tiêu chí đánh giá.",  # the report, a noun
    "Tuyên truyền qua các kênh báo cáo viên, tuyên truyền viên của quận.",
    "Thực hiện theo Báo cáo số 12/BC-UBND ngày 05/3/2026 của UBND tỉnh.",  # a report cited
    "Chủ trì vận hành Hệ thống thông tin báo cáo của tỉnh theo quy định.",
    # The recipient's own report next is no duty of those who write in.
    "Nếu có vướng mắc, các đơn vị kịp thời phản ánh về Sở Y tế để tổng hợp, báo cáo UBND tỉnh.",
    # Where the section's reports go, not a duty of its own.
    "- Báo cáo gửi về Sở Giáo dục và Đào tạo (qua Văn phòng Sở) bằng văn bản điện tử.",
    # A report not made is a kind of fishing; what is done to incidents is a target.
    "chống khai thác hải sản bất hợp pháp, không báo cáo và không theo quy định (IUU).",
    "100% vụ ngộ độc thực phẩm được phát hiện, báo cáo, điều tra và xử lý kịp thời theo quy định.",
    "100% vụ ngộ độc thực phẩm (nếu có) được báo cáo, điều tra nguyên nhân theo quy định.",
]


@pytest.mark.parametrize(("text", "expected"), list(REPORTING.items()))
def test_reporting_corpus(text, expected):
    (duty,) = find_reporting(text)
    assert (duty.recipient, duty.via, duty.subject) == expected


@pytest.mark.parametrize("text", NOT_REPORTING)
def test_not_reporting(text):
    assert find_reporting(text) == []


@pytest.mark.parametrize(("text", "duties"), [
    # One duty per deadline, each from its "báo cáo"; the recipient at the end holds for all.
    ("Tổng hợp báo cáo định kỳ hằng quý trước ngày 10 của tháng cuối quý; báo cáo 6 tháng trước "
     "ngày 05/6/2024; báo cáo năm trước ngày 05/11/2024 gửi UBND huyện (qua Phòng Nội vụ).",
     [("Tổng hợp báo cáo định kỳ hằng quý trước ngày 10 của tháng cuối quý", "UBND huyện"),
      ("báo cáo 6 tháng trước ngày 05/6/2024", "UBND huyện"),
      ("báo cáo năm trước ngày 05/11/2024 gửi UBND huyện (qua Phòng Nội vụ)", "UBND huyện")]),
    # One report due on two dates is two duties of the same words.
    ("Các đơn vị báo cáo kết quả về Sở trước ngày 10/01/2025 và ngày 05/6/2025.",
     [("Các đơn vị báo cáo kết quả về Sở trước ngày 10/01/2025 và ngày 05/6/2025", "Sở")] * 2),
    # A report on request after a semicolon goes where the sentence's reports go.
    # A report's name in brackets after its deadline opens no duty of its own.
    ("UBND huyện báo cáo UBND tỉnh (qua Sở Tư pháp) trước ngày 20/6/2025 (báo cáo 6 tháng) và "
     "trước ngày 20/11/2025 (báo cáo năm).",
     [("UBND huyện báo cáo UBND tỉnh (qua Sở Tư pháp) trước ngày 20/6/2025 (báo cáo 6 tháng) và "
       "trước ngày 20/11/2025 (báo cáo năm)", "UBND tỉnh")] * 2),
    # ... and so is a report named after its deadline with "đối với"
    ("Các sở báo cáo UBND tỉnh trước ngày 10/6/2026 đối với báo cáo 6 tháng và trước ngày "
     "05/12/2026 đối với báo cáo năm.",
     [("Các sở báo cáo UBND tỉnh trước ngày 10/6/2026 đối với báo cáo 6 tháng và trước ngày "
       "05/12/2026 đối với báo cáo năm", "UBND tỉnh")] * 2),
    # whom the recipient reports to next is not whom the duty reports to
    ("Các sở báo cáo kết quả về UBND tỉnh (qua Sở Nội vụ) trước ngày 15/12; báo cáo tổng kết "
     "trước ngày 15/10/2025 để tổng hợp, báo cáo Bộ Nội vụ.",
     [("Các sở báo cáo kết quả về UBND tỉnh (qua Sở Nội vụ) trước ngày 15/12", "UBND tỉnh"),
      ("báo cáo tổng kết trước ngày 15/10/2025 để tổng hợp, báo cáo Bộ Nội vụ", "UBND tỉnh")]),
    ("Các phòng báo cáo kết quả về UBND quận trước ngày 15/6/2025; báo cáo đột xuất khi có "
     "yêu cầu.",
     [("Các phòng báo cáo kết quả về UBND quận trước ngày 15/6/2025", "UBND quận"),
      ("báo cáo đột xuất khi có yêu cầu", "UBND quận")]),
])
def test_reporting_duties_of_one_paragraph(text, duties):
    found = find_reporting(text, 2024)
    assert [(text[duty.start:duty.end], duty.recipient) for duty in found] == duties


def test_reports_of_a_section_go_where_its_routing_line_says():
    plan = extract_text(
        "KẾ HOẠCH\nThực hiện nhiệm vụ năm 2025\nI. CHẾ ĐỘ BÁO CÁO\n"
        "- Các Phòng Giáo dục và Đào tạo báo cáo kết quả học kỳ I trước ngày 10/01/2025, báo cáo "
        "năm học trước ngày 05/6/2025; báo cáo đột xuất khi có yêu cầu.\n"
        "- Báo cáo gửi về Sở Giáo dục và Đào tạo (qua Văn phòng Sở) bằng văn bản điện tử.\n",
        with_text=True)
    assert [(duty.recipient, duty.via, duty.when.kind) for duty in plan.reporting] == [
        ("Sở Giáo dục và Đào tạo", "Văn phòng Sở", "point")] * 2 + [
        ("Sở Giáo dục và Đào tạo", "Văn phòng Sở", "unspecified")]


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


def test_reporters_and_recipients_end_where_the_bodies_do() -> None:
    plan = extract_text(
        "KẾ HOẠCH\nPhòng thủ dân sự năm 2026\nVII. CHẾ ĐỘ THÔNG TIN, BÁO CÁO\n"
        "- Khi có thiên tai, sự cố xảy ra, Trưởng các thôn báo cáo nhanh tình hình thiệt hại về "
        "Ban Chỉ huy Quân sự xã ngay trong ngày.\n"
        "- Phòng Kinh tế tổng hợp, tham mưu UBND xã báo cáo Sở Nông nghiệp và Môi trường tình "
        "hình, kết quả công tác phòng, chống thiên tai trước ngày 25 hằng tháng.\n"
        "- Ban Chỉ huy Quân sự xã tổng kết, đánh giá công tác năm 2026, báo cáo nhanh UBND xã và "
        "Ban Chỉ huy Phòng thủ dân sự tỉnh trước ngày 15/12/2026.\n")
    assert [(duty.reporter, duty.recipient) for duty in plan.reporting] == [
        ("Trưởng các thôn", "Ban Chỉ huy Quân sự xã"),
        ("UBND xã", "Sở Nông nghiệp và Môi trường"),
        ("Ban Chỉ huy Quân sự xã", "UBND xã và Ban Chỉ huy Phòng thủ dân sự tỉnh")]


def test_a_report_in_a_later_clause_is_made_by_the_body_its_sentence_opens_with() -> None:
    plan = extract_text(
        "KẾ HOẠCH\nGiảm nghèo năm 2024\nIII. NHIỆM VỤ, GIẢI PHÁP\n1. Phòng Y tế, Trung tâm Y tế "
        "huyện:\n- Trung tâm Y tế huyện chỉ đạo các trạm y tế cân, đo trẻ em; tổng hợp số liệu "
        "suy dinh dưỡng, gửi Phòng Y tế trước ngày 25/12/2024.\n"
        "- Trạm Y tế các xã, thị trấn cân, đo trẻ em dưới 5 tuổi; báo cáo kết quả về Trung tâm Y "
        "tế huyện trước ngày 20/12/2024.\n")
    assert [(duty.reporter, duty.recipient) for duty in plan.reporting] == [
        ("Trung tâm Y tế huyện", "Phòng Y tế"),
        ("Trạm Y tế các xã, thị trấn", "Trung tâm Y tế huyện")]


def test_a_report_to_a_task_force_after_its_schedule_and_a_companys_own_money() -> None:
    plan = extract_text(
        "KẾ HOẠCH\nTriển khai Đề án 06 năm 2025\nIV. KINH PHÍ\n- Ngân sách tỉnh; nguồn kinh phí "
        "của doanh nghiệp viễn thông.\nV. TỔ CHỨC THỰC HIỆN\n- Các sở, ban, ngành báo cáo kết quả "
        "thực hiện Kế hoạch định kỳ trước ngày 20 hằng tháng về Tổ công tác Đề án 06 tỉnh (qua "
        "Công an tỉnh - PC06) để tổng hợp.\n")
    assert [f.source for f in plan.funding] == ["ngan_sach_tinh", "xa_hoi_hoa"]
    assert [(d.reporter, d.recipient, d.via) for d in plan.reporting] == [
        ("Các sở, ban, ngành", "Tổ công tác Đề án 06 tỉnh", "Công an tỉnh - PC06")]


def test_a_report_to_the_province_and_a_national_committee() -> None:
    plan = extract_text(
        "KẾ HOẠCH\nAn toàn giao thông năm 2022\nV. TỔ CHỨC THỰC HIỆN\n- Văn phòng Ban An toàn "
        "giao thông tỉnh tổng hợp, tham mưu Ban An toàn giao thông tỉnh báo cáo UBND tỉnh và Ủy "
        "ban An toàn giao thông Quốc gia trước ngày 20/12/2022.\n")
    assert [(duty.reporter, duty.recipient) for duty in plan.reporting] == [
        ("Ban An toàn giao thông tỉnh", "UBND tỉnh và Ủy ban An toàn giao thông Quốc gia")]


def test_plan_funding_and_reporting():
    plan = extract_text(PLAN, with_text=True)
    assert [(f.source, f.text) for f in plan.funding] == [
        ("ngan_sach_xa", "ngân sách địa phương"), ("xa_hoi_hoa", "xã hội hóa")]
    (duty,) = plan.reporting
    assert (duty.reporter, duty.recipient) == ("Hội Khuyến học xã", "UBND huyện")
    assert duty.when.rrule == "FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=20" and duty.when.bound == "by"
    assert plan.text[duty.span[0]:duty.span[1]] == duty.text


FUNDING_PLAN = """ỦY BAN NHÂN DÂN TỈNH AN GIANG
Số: 20/KH-UBND
An Giang, ngày 10 tháng 3 năm 2025

KẾ HOẠCH
Chuyển đổi số năm 2025

I. NHIỆM VỤ
1. Huy động nguồn xã hội hóa hỗ trợ máy tính; hướng dẫn các đơn vị lồng ghép nội dung.

II. TỔ CHỨC THỰC HIỆN
1. Sở Tài chính
Tham mưu bố trí kinh phí thực hiện Kế hoạch theo quy định.
2. Sở Kế hoạch và Đầu tư
Tham mưu lồng ghép các nguồn vốn đầu tư phát triển; hướng dẫn thành lập doanh nghiệp.
3. Ủy ban nhân dân các huyện, thị xã, thành phố
Bố trí kinh phí thực hiện từ ngân sách địa phương.

III. HUY ĐỘNG NGUỒN LỰC
Tranh thủ sự hỗ trợ của các doanh nghiệp, nhà hảo tâm.
"""


def test_plan_funding_sections_and_clauses() -> None:
    plan = extract_text(FUNDING_PLAN)
    # The clause that names the money, not its neighbour; a money heading, not "Sở Tài chính";
    # "ngân sách địa phương" in a district council's duty is the district's budget.
    assert [f.source for f in plan.funding] == ["xa_hoi_hoa", "long_ghep", "ngan_sach_huyen",
                                                "tai_tro"]


def test_a_council_asked_to_pay_names_its_budget_anywhere() -> None:
    plan = extract_text(FUNDING_PLAN.replace(
        "Tranh thủ sự hỗ trợ của các doanh nghiệp, nhà hảo tâm.",
        "Tranh thủ sự hỗ trợ của các doanh nghiệp.\n\nIV. TỔ CHỨC THỰC HIỆN\n"
        "1. Sở Y tế: tham mưu UBND tỉnh bố trí kinh phí hằng năm.\n"
        "2. Đề nghị Hội Khuyến học tỉnh phối hợp; đề nghị Ủy ban nhân dân các xã, thị trấn quan "
        "tâm bố trí kinh phí cho Hội Khuyến học xã.\n"))
    codes = [f.source for f in plan.funding]
    assert "ngan_sach_xa" in codes      # asked to pay
    assert "ngan_sach_tinh" not in codes  # only advised to


BUDGET_PLAN = (
    "ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG\nSố: 30/KH-UBND\n"
    "Tuyên Quang, ngày 05 tháng 4 năm 2022\n\n"
    "KẾ HOẠCH\nThực hiện Chương trình OCOP giai đoạn 2022 - 2025\n\n"
    "I. KINH PHÍ THỰC HIỆN\n"
    "1. Tổng kinh phí dự kiến giai đoạn 2022 - 2025: 215.480,5 triệu đồng, trong đó: ngân sách "
    "trung ương 58.300 triệu đồng; ngân sách tỉnh 42.750,5 triệu đồng; ngân sách huyện, xã 24.430 "
    "triệu đồng; Nhân dân đóng góp và xã hội hóa 4.000 triệu đồng.\n"
    "2. Hỗ trợ hộ nghèo mức 2 triệu đồng/hộ từ nguồn vốn vay.\n"
    "3. Hằng năm, căn cứ nhiệm vụ được giao, các cơ quan, đơn vị lập dự toán kinh phí gửi Sở Tài "
    "chính thẩm định.\n"
    "4. Kinh phí hoạt động của Văn phòng Điều phối được UBND tỉnh cấp trong dự toán.\n\n"
    "II. TỔ CHỨC THỰC HIỆN\n"
    "1. Sở Tài chính: chủ trì, phối hợp với Sở Nông nghiệp và Phát triển nông thôn tham mưu bố "
    "trí kinh phí thực hiện Kế hoạch.\n"
    "2. Sở Công Thương: phối hợp với Sở Tài chính lập dự toán kinh phí xúc tiến thương mại.\n"
)


def test_amounts_totals_and_who_prepares_the_budget() -> None:
    plan = extract_text(BUDGET_PLAN)
    amounts = {f.source: f.amount_vnd for f in plan.funding}
    assert amounts == {"ngan_sach_trung_uong": 58_300_000_000,
                       "ngan_sach_tinh": 42_750_500_000,
                       "ngan_sach_huyen": None, "ngan_sach_xa": None,  # one sum for both
                       "xa_hoi_hoa": 4_000_000_000,  # two words for one source
                       "nguon_khac": None}  # a rate per household is no amount
    assert all(f.period and f.period.start == "2022-01-01" for f in plan.funding[:2])
    assert (plan.budget.total_vnd, plan.budget.total_text) == (215_480_500_000,
                                                               "215.480,5 triệu đồng")
    assert plan.budget.period.end == "2025-12-31"
    # The doers of the budget duties, in a money section too (a body that pays, named as the
    # agent); not a body that only cooperates, nor one the estimates are sent to.
    assert [(a.name, a.role) for a in plan.budget.prepared_by] == [
        ("các cơ quan, đơn vị", "responsible"), ("UBND tỉnh", "responsible"),
        ("Sở Tài chính", "lead")]


def test_a_sum_given_where_its_source_is_named_again() -> None:
    plan = extract_text(
        "ỦY BAN NHÂN DÂN\nHUYỆN VŨ THƯ\nSố: 87/KH-UBND\nKẾ HOẠCH\nVăn hóa đọc năm 2024\n"
        "I. KINH PHÍ THỰC HIỆN\n- Kinh phí thực hiện được bảo đảm từ ngân sách huyện theo phân "
        "cấp; năm 2024, bố trí 300 triệu đồng từ ngân sách huyện cho các hoạt động.\n")
    assert [(f.source, f.amount_vnd, f.amount_text) for f in plan.funding] == [
        ("ngan_sach_huyen", 300_000_000, "300 triệu đồng")]


def test_a_sum_given_after_its_source_named_again() -> None:
    plan = extract_text(
        "ỦY BAN NHÂN DÂN\nXÃ SƠN KIM\nSố: 18/KH-UBND\nKẾ HOẠCH\nPhòng, chống thiên tai năm "
        "2026\nI. KINH PHÍ THỰC HIỆN\n- Kinh phí được bảo đảm từ ngân sách xã và nguồn xã hội "
        "hóa.\n- Năm 2026, ngân sách xã bố trí 185.000.000 đồng cho mua sắm vật tư.\n")
    assert [(f.source, f.amount_vnd) for f in plan.funding] == [
        ("ngan_sach_xa", 185_000_000), ("xa_hoi_hoa", None)]


def test_a_sources_total_over_the_years_it_lists() -> None:
    plan = extract_text(
        "ỦY BAN NHÂN DÂN\nHUYỆN THANH MIỆN\nSố: 118/KH-UBND\nKẾ HOẠCH\nPhổ cập giáo dục\n"
        "I. KINH PHÍ THỰC HIỆN\n1. Ngân sách huyện: bố trí trong dự toán hằng năm; năm 2023 là "
        "120 triệu đồng, năm 2024 là 150 triệu đồng; tổng cộng 270 triệu đồng.\n")
    assert [(f.source, f.amount_vnd) for f in plan.funding] == [("ngan_sach_huyen", 270_000_000)]


def test_a_table_of_sources_gives_each_its_sum() -> None:
    plan = extract_text(
        "ỦY BAN NHÂN DÂN\nXÃ HÒA THỊNH\nSố: 24/KH-UBND\nKẾ HOẠCH\nNông thôn mới năm 2026\n"
        "I. KINH PHÍ THỰC HIỆN\nKinh phí từ ngân sách tỉnh, ngân sách xã.\n"
        "TT\tNguồn vốn\tKinh phí (triệu đồng)\n1\tNgân sách tỉnh\t5.300\n"
        "2\tNgân sách xã\t3.850\n\tTổng cộng\t9.150\n")
    assert [(f.source, f.amount_vnd, f.amount_text) for f in plan.funding] == [
        ("ngan_sach_tinh", 5_300_000_000, "5.300"), ("ngan_sach_xa", 3_850_000_000, "3.850")]


def test_a_named_fund_is_a_source_beside_the_other_lawful_ones() -> None:
    plan = extract_text(
        "ỦY BAN NHÂN DÂN\nXÃ TÂN PHÚ\nSố: 3/KH-UBND\nKẾ HOẠCH\nPhòng thủ dân sự năm 2026\n"
        "I. KINH PHÍ THỰC HIỆN\n- Nguồn kinh phí: ngân sách xã; Quỹ phòng, chống thiên tai theo "
        "quy định; các nguồn kinh phí hợp pháp khác.\n")
    assert [(f.source, f.text) for f in plan.funding] == [
        ("ngan_sach_xa", "ngân sách xã"), ("nguon_khac", "Quỹ phòng, chống thiên tai"),
        ("nguon_khac", "nguồn kinh phí hợp pháp khác")]


def test_a_budget_duty_of_those_directed_is_not_the_directors() -> None:
    plan = extract_text(
        "KẾ HOẠCH\nHợp tác xã năm 2026\nI. TỔ CHỨC THỰC HIỆN\n1. Ngân hàng Nhà nước tỉnh\n"
        "- Chỉ đạo các tổ chức tín dụng cân đối nguồn vốn, ưu tiên cho vay hợp tác xã.\n"
        "2. Sở Tài chính\n- Cân đối, bố trí kinh phí thực hiện Kế hoạch.\n"
        "3. UBND các huyện\n- Tham mưu, đề xuất với Ban Chỉ đạo các cấp phân bổ ngân sách cho "
        "các hoạt động của Kế hoạch.\n")
    assert [a.name for a in plan.budget.prepared_by] == ["Sở Tài chính", "UBND các huyện"]


def test_the_council_that_passed_the_estimate_does_not_prepare_it() -> None:
    plan = extract_text(
        "ỦY BAN NHÂN DÂN\nXÃ HÒA THỊNH\nSố: 24/KH-UBND\nKẾ HOẠCH\nNông thôn mới năm 2026\n"
        "I. KINH PHÍ THỰC HIỆN\n- Ngân sách xã bố trí trong dự toán năm 2026 đã được Hội đồng "
        "nhân dân xã thông qua.\n- Phòng Kinh tế chủ trì, phối hợp với Văn phòng HĐND và UBND "
        "xã tham mưu UBND xã phân bổ, lồng ghép các nguồn vốn.\n")
    assert [(a.name, a.role) for a in plan.budget.prepared_by] == [("Phòng Kinh tế", "lead")]


def test_a_report_after_other_work_takes_its_own_time_and_the_advised_reports() -> None:
    plan = extract_text(
        "KẾ HOẠCH\nPhòng, chống sốt xuất huyết năm 2024\nV. TỔ CHỨC THỰC HIỆN\n"
        "1. Trung tâm Y tế huyện\n- Tham mưu UBND huyện sơ kết 6 tháng đầu năm trong tháng 7/2024 "
        "và tổng kết công tác phòng, chống sốt xuất huyết năm 2024, báo cáo UBND tỉnh (qua Sở Y "
        "tế) trước ngày 15/12/2024.\n"
        "2. UBND các xã, thị trấn\n- Báo cáo tình hình dịch bệnh về UBND huyện (qua Trung tâm Y "
        "tế huyện) trước 15 giờ thứ Năm hằng tuần.\n")
    assert [(d.reporter, d.recipient, d.via, d.when.text, d.when.rrule or d.when.end)
            for d in plan.reporting] == [
        ("UBND huyện", "UBND tỉnh", "Sở Y tế", "trước ngày 15/12/2024", "2024-12-15"),
        ("UBND các xã, thị trấn", "UBND huyện", "Trung tâm Y tế huyện",
         "trước 15 giờ thứ Năm hằng tuần", "FREQ=WEEKLY;BYDAY=TH;BYHOUR=15")]


def test_a_report_to_write_is_no_duty_unless_it_says_to_whom() -> None:
    plan = extract_text(
        "KẾ HOẠCH\nCải cách hành chính năm 2027\nV. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ\n"
        "- Chủ trì xây dựng báo cáo tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm 2027 "
        "của tỉnh.\n- Xây dựng báo cáo kết quả cải cách hành chính, gửi Bộ Nội vụ trước ngày "
        "15/12/2027.\n")
    assert [(d.reporter, d.recipient) for d in plan.reporting] == [("Sở Nội vụ", "Bộ Nội vụ")]


def test_a_sum_of_a_source_given_in_its_part() -> None:
    plan = extract_text(
        "ỦY BAN NHÂN DÂN\nTỈNH VĨNH LONG\nSố: 318/KH-UBND\nKẾ HOẠCH\nCải cách hành chính năm "
        "2027\nIV. KINH PHÍ THỰC HIỆN\n1. Kinh phí thực hiện Kế hoạch do ngân sách tỉnh bảo đảm, "
        "bố trí trong dự toán chi thường xuyên năm 2027; trong đó, kinh phí giao Sở Nội vụ thực "
        "hiện các nhiệm vụ chung của tỉnh là 1.650 triệu đồng.\n2. Huy động các nguồn hợp pháp "
        "khác; trong đó, ngân sách xã 200 triệu đồng.\n")
    assert [(f.source, f.amount_vnd) for f in plan.funding] == [
        ("ngan_sach_tinh", 1_650_000_000), ("nguon_khac", None), ("ngan_sach_xa", 200_000_000)]


def test_a_named_fund_a_council_paying_its_budget_and_a_sum_after_a_bracket() -> None:
    plan = extract_text(
        "ỦY BAN NHÂN DÂN\nTỈNH PHÚ YÊN\nSố: 512/KH-UBND\nKẾ HOẠCH\nThuốc lá năm 2025\n"
        "IV. KINH PHÍ THỰC HIỆN\n- Quỹ Phòng, chống tác hại của thuốc lá hỗ trợ: 1.400 triệu "
        "đồng.\n- UBND các huyện, thị xã, thành phố chủ động bố trí ngân sách địa phương.\n"
        "- Nguồn xã hội hóa (đóng góp của doanh nghiệp, nhà hảo tâm): 80.000.000 đồng.\n")
    assert [(f.source, f.text, f.amount_vnd) for f in plan.funding] == [
        ("nguon_khac", "Quỹ Phòng, chống tác hại của thuốc lá", 1_400_000_000),
        ("ngan_sach_huyen", "UBND các huyện, thị xã, thành phố chủ động bố trí ngân sách địa "
         "phương", None),
        ("xa_hoi_hoa", "xã hội hóa", 80_000_000)]


def test_figures_summed_up_and_sent_are_a_report() -> None:
    plan = extract_text(
        "KẾ HOẠCH\nThuốc lá năm 2025\nV. TỔ CHỨC THỰC HIỆN\n1. Sở Công Thương\n- Chủ trì quản "
        "lý kinh doanh thuốc lá; tổng hợp tình hình kinh doanh thuốc lá trên địa bàn tỉnh, gửi Sở "
        "Y tế trước ngày 15/11 hằng năm.\n")
    assert [(d.reporter, d.recipient, d.when.rrule) for d in plan.reporting] == [
        ("Sở Công Thương", "Sở Y tế", "FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=15")]


def test_a_report_to_a_directors_post_and_those_served_paying() -> None:
    plan = extract_text(
        "ỦY BAN NHÂN DÂN\nTỈNH LẠNG SƠN\nSố: 36/KH-SNNMT\nKẾ HOẠCH\nDịch bệnh động vật năm 2026\n"
        "IV. KINH PHÍ\n- Người chăn nuôi tự chi trả tiền vắc xin tiêm phòng.\n"
        "V. TỔ CHỨC THỰC HIỆN\n1. Chi cục Chăn nuôi và Thú y\n- Khi ổ dịch mới phát sinh, báo cáo "
        "nhanh Giám đốc Sở ngay trong ngày.\n")
    assert [f.source for f in plan.funding] == ["xa_hoi_hoa"]
    assert [(d.reporter, d.recipient, d.when.duration) for d in plan.reporting] == [
        ("Chi cục Chăn nuôi và Thú y", "Giám đốc Sở", "P1D")]


def test_a_source_named_in_a_duty_is_stated_by_its_money_section() -> None:
    plan = extract_text(
        "KẾ HOẠCH\nĐào tạo nghề năm 2023\nIII. NHIỆM VỤ\n- Sở Tài chính tham mưu bố trí kinh phí, "
        "lồng ghép nguồn vốn các chương trình mục tiêu quốc gia.\nIV. KINH PHÍ\n- Lồng ghép "
        "nguồn vốn các chương trình mục tiêu quốc gia: 24.300 triệu đồng;\n")
    (source,) = plan.funding
    assert (source.source, source.amount_vnd) == ("long_ghep", 24_300_000_000)
    assert source.text == "Lồng ghép"


def test_a_named_forest_fund_and_a_report_timed_by_its_own_words_in_a_cell() -> None:
    plan = extract_text(
        "KẾ HOẠCH\nPhòng cháy rừng mùa khô 2025 - 2026\nIV. KINH PHÍ\n- Nguồn tiền dịch vụ môi "
        "trường rừng: 3.220 triệu đồng;\n- Các nguồn hợp pháp khác.\nPHỤ LỤC\n"
        "Đơn vị\tNhiệm vụ\tThời gian\nHạt Kiểm lâm khu vực\t- Kiểm tra; - Báo cáo nhanh về Văn "
        "phòng Ban Chỉ huy tỉnh tình hình cháy rừng\tTừ tháng 11/2025 đến hết tháng 4/2026; báo "
        "cáo hằng ngày trước 16 giờ\n")
    assert [(f.source, f.amount_vnd) for f in plan.funding] == [
        ("nguon_khac", 3_220_000_000), ("nguon_khac", None)]
    (duty,) = plan.reporting
    assert (duty.recipient, duty.when.rrule) == ("Văn phòng Ban Chỉ huy tỉnh",
                                                 "FREQ=DAILY;BYHOUR=16")


def test_aid_named_by_its_donor_is_that_donors_source_with_its_amount():
    plan = extract_text(
        "KẾ HOẠCH\nPhòng, chống HIV/AIDS năm 2025\nIV. KINH PHÍ THỰC HIỆN\n"
        "- Nguồn viện trợ của Quỹ Toàn cầu phòng, chống AIDS, lao và sốt rét: 2.700 triệu đồng;\n"
        "- Nguồn viện trợ của dự án PEPFAR: 1.500 triệu đồng.\n")
    assert [(f.source, f.text, f.amount_vnd) for f in plan.funding] == [
        ("tai_tro", "Quỹ Toàn cầu phòng, chống AIDS, lao và sốt rét", 2_700_000_000),
        ("tai_tro", "dự án PEPFAR", 1_500_000_000)]


def test_a_fund_named_in_quotation_marks_keeps_its_name():
    plan = extract_text(
        "ỦY BAN NHÂN DÂN\nXÃ CAM LỘ\nSố: 38/KH-UBND\nKẾ HOẠCH\nXóa nhà tạm năm 2026\n"
        "IV. KINH PHÍ\n- Ngân sách xã: 180 triệu đồng;\n- Quỹ “Vì người nghèo” xã: 288 triệu "
        "đồng.\n")
    assert [(f.text, f.source, f.amount_vnd) for f in plan.funding] == [
        ("Ngân sách xã", "ngan_sach_xa", 180000000),
        ("Quỹ “Vì người nghèo” xã", "nguon_khac", 288000000)]
