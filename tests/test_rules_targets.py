"""Targets, Duckling style: lines grouped by the targets they must give, and lines whose
numbers are not targets."""

from __future__ import annotations

import pytest

from extractor.pipeline import extract_text
from extractor.rules.targets import find_targets, indicator_key

# line -> [(value, value_max, unit, comparator, kind, parent)]
CORPUS: dict[str, list[tuple]] = {
    # cooperatives' kinds, a yearly sum, streets and lanes
    "- Thành lập mới 250 tổ hợp tác và 02 liên hiệp hợp tác xã.": [
        (250, None, "tổ hợp tác", "=", "quantitative", None),
        (2, None, "liên hiệp hợp tác xã", "=", "quantitative", None)],
    "- Doanh thu bình quân của một hợp tác xã đạt khoảng 4,2 tỷ đồng/năm.": [
        (4.2, None, "tỷ đồng/năm", "~", "quantitative", None)],
    "- Xây dựng mới ít nhất 18 tuyến đường, hẻm “Sáng - Xanh - Sạch - Đẹp”.": [
        (18, None, "tuyến đường, hẻm", ">=", "quantitative", None)],
    "- Ít nhất 80% người dân có kỹ năng số cơ bản (kết quả năm 2025 đạt 57,6%).": [
        (80, None, "%", ">=", "quantitative", None)],
    "- Cơ sở dữ liệu đất đai của 10/10 huyện, thị xã, thành phố được vận hành.": [
        (10, None, "huyện, thị xã, thành phố", "=", "quantitative", None)],
    "- 90% gia đình được công nhận đạt danh hiệu \"Gia đình học tập\";": [
        (90, None, "%", "=", "quantitative", None)],
    "- Trên 99,80% người trong độ tuổi từ 15 đến 60, 99,90% người trong độ tuổi 15 đến 35 biết "
    "chữ.": [(99.8, None, "%", ">", "quantitative", None),
             (99.9, None, "%", "=", "quantitative", None)],
    "+ Khoảng 35% dân số từ 15 tuổi trở lên được đào tạo trình độ chuyên môn kỹ thuật, trong đó "
    "12% dân số có trình độ đại học trở lên.": [
        (35, None, "%", "~", "quantitative", None), (12, None, "%", "=", "quantitative", 0)],
    "- 100% Chủ tịch Hội Khuyến học cấp xã tham gia quản lý TTHTCĐ, 50% trở lên cán bộ làm công "
    "tác khuyến học cấp xã tham gia tổ chức các hoạt động": [
        (100, None, "%", "=", "quantitative", None), (50, None, "%", ">=", "quantitative", None)],
    "- 20 % cán bộ, công chức, viên chức có trình độ ngoại ngữ bậc 2 và 5% có trình độ bậc 3;": [
        (20, None, "%", "=", "quantitative", None), (5, None, "%", "=", "quantitative", None)],
    "- Tỷ lệ hồ sơ được giải quyết trực tuyến đạt ít nhất 50%.": [
        (50, None, "%", ">=", "quantitative", None)],
    "Kiềm chế, kéo giảm từ 5% đến 10% số vụ tai nạn giao thông so với năm 2022.": [
        (5, 10, "%", "=", "quantitative", None)],
    "- 27/27 xã, phường đạt chuẩn phổ cập giáo dục trung học cơ sở mức độ 2, trong đó ít nhất 15 "
    "xã, phường đạt mức độ 3.": [
        (27, None, "xã, phường", "=", "quantitative", None),
        (15, None, "xã, phường", ">=", "quantitative", 0)],
    "- Luân chuyển ít nhất 5.000 bản sách từ Thư viện huyện xuống các tủ sách cơ sở.": [
        (5000, None, "bản", ">=", "quantitative", None)],
    "- Mỗi tổ dân phố xây dựng ít nhất 01 “Tổ liên gia an toàn PCCC”.": [
        (1, None, "Tổ liên gia an toàn PCCC", ">=", "quantitative", None)],
    "- Thu nhập bình quân đầu người đạt 69,5 triệu đồng/người/năm trở lên.": [
        (69.5, None, "triệu đồng/người/năm", ">=", "quantitative", None)],
    "- 01 - 02 sản phẩm đạt 5 sao.": [(1, 2, "sản phẩm", "=", "quantitative", None)],
    "phấn đấu đến năm 2030 tuổi thọ trung bình của người dân đạt trên 75 tuổi.": [
        (75, None, "tuổi", ">", "quantitative", None)],
    "- 95% trẻ em 5 tuổi được đi học mẫu giáo.": [(95, None, "%", "=", "quantitative", None)],
    "Đến năm 2026 có 85% hộ gia đình sử dụng nước sạch và đến năm 2030 đạt 95%, góp phần giữ "
    "vững danh hiệu xã nông thôn mới.": [
        (85, None, "%", "=", "quantitative", None), (95, None, "%", "=", "quantitative", None)],
    "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi giảm xuống dưới 15%.": [
        (15, None, "%", "<", "quantitative", None)],
    "Tỷ lệ hộ nghèo giảm còn dưới 2%.": [(2, None, "%", "<", "quantitative", None)],
    "Tỷ lệ hồ sơ giải quyết đúng hạn không thấp hơn 98%.": [
        (98, None, "%", ">=", "quantitative", None)],
    "Tiếp tục duy trì đạt chuẩn xóa mù chữ mức độ 2, đạt chuẩn phổ cập giáo dục mầm non cho trẻ "
    "em 5 tuổi, phổ cập giáo dục tiểu học và phổ cập giáo dục trung học cơ sở ở mức độ 3.": [
        (None, None, None, None, "qualitative", None)] * 4,
    "- Hàng năm, tăng tỷ lệ số công nhân lao động có kiến thức cơ bản về tin học, ngoại ngữ.": [
        (None, None, None, None, "trend", None)],
    # A sign for its comparator; a count of children; a time limit is no count.
    "Tỷ lệ trẻ dưới 1 tuổi được tiêm chủng đầy đủ các loại vắc xin đạt ≥ 95%.": [
        (95, None, "%", ">=", "quantitative", None)],
    "- Khoảng 12.000 trẻ từ 1 đến 5 tuổi được tiêm bổ sung.": [
        (12000, None, "trẻ", "~", "quantitative", None)],
    "- ít nhất 75% trẻ sơ sinh được tiêm trong vòng 24 giờ đầu sau sinh.": [
        (75, None, "%", ">=", "quantitative", None)],
    # A measure named before its figure in a clause after another target.
    "- Thực hiện test nhanh ít nhất 150 mẫu thực phẩm; tỷ lệ mẫu đạt yêu cầu trên 90%.": [
        (150, None, "mẫu", ">=", "quantitative", None), (90, None, "%", ">", "quantitative", None)],
    # The ratios of population plans, with their baselines in brackets.
    "- Tỷ số giới tính khi sinh dưới 110 bé trai/100 bé gái (năm 2024: 111,3 bé trai/100 bé "
    "gái).": [(110, None, "bé trai/100 bé gái", "<", "quantitative", None)],
    "- Tổng tỷ suất sinh đạt khoảng 1,7 con/phụ nữ (năm 2024: 1,58 con/phụ nữ).": [
        (1.7, None, "con/phụ nữ", "~", "quantitative", None)],
    "- Chỉ số SIPAS đạt trên 85% (năm 2025 đạt 83,62%).": [
        (85, None, "%", ">", "quantitative", None)],
    # places gained in a ranking
    "- Chỉ số cải cách hành chính (PAR INDEX) năm 2026 của tỉnh tăng ít nhất 03 bậc so với năm "
    "2025.": [(3, None, "bậc", ">=", "quantitative", None)],
    "- Hằng năm giảm tỷ lệ sinh con thứ ba trở lên so với năm trước.": [
        (None, None, None, None, "trend", None)],
    # counts in millions
    "- Đón khoảng 7,5 triệu lượt khách du lịch, trong đó khách quốc tế đạt trên 1,8 triệu lượt.": [
        (7.5, None, "triệu lượt", "~", "quantitative", None),
        (1.8, None, "triệu lượt", ">", "quantitative", 0)],
    # an estimate of the subject's size in brackets is no target; drills are counted
    "- 100% hộ dân sinh sống ở khu vực có nguy cơ cao (khoảng 215 hộ) được thông báo.": [
        (100, None, "%", "=", "quantitative", None)],
    "- Tổ chức 01 cuộc diễn tập ứng phó lũ quét trong Quý III/2026.": [
        (1, None, "cuộc", "=", "quantitative", None)],
    # the figure says which events; the target is that none happen
    "- Không để xảy ra ngộ độc thực phẩm tập thể trên 30 người.": [
        (None, None, None, None, "qualitative", None)],
    "b) Không để xảy ra ùn tắc giao thông kéo dài trên 02 giờ trên Quốc lộ 1, Quốc lộ 14B.": [
        (None, None, None, None, "qualitative", None)],
    # houses built for the poor; a baseline at a year's end in brackets
    # meetings held; what the counted laws went through in a past year is no milestone
    "- Tổ chức ít nhất 02 hội nghị phổ biến các luật mới.": [
        (2, None, "hội nghị", ">=", "quantitative", None)],
    "- Ít nhất 90% cán bộ được phổ biến các luật mới được Quốc hội thông qua trong năm 2023.": [
        (90, None, "%", ">=", "quantitative", None)],
    "- Bảo đảm 25 dịch vụ công thiết yếu được cung cấp trực tuyến toàn trình.": [
        (25, None, "dịch vụ công", "=", "quantitative", None)],
    "- Hỗ trợ xây mới 120 căn nhà cho hộ nghèo.": [
        (120, None, "căn nhà", "=", "quantitative", None)],
    "- Tỷ lệ hộ nghèo giảm còn dưới 18% vào cuối năm 2024 (cuối năm 2023 là 21,62%).": [
        (18, None, "%", "<", "quantitative", None)],
    # shelves and titles of a legal bookcase; rounds a year
    "- Xây dựng mới 08 ngăn sách pháp luật tại nhà văn hóa thôn.": [
        (8, None, "ngăn sách", "=", "quantitative", None)],
    "e) Tổ chức 02 đợt/năm tổng vệ sinh, tiêu độc, khử trùng môi trường chăn nuôi.": [
        (2, None, "đợt/năm", "=", "quantitative", None)],
    # a disease plan's rate per 100.000 people
    "- Tỷ lệ mắc sốt xuất huyết dưới 150 ca/100.000 dân.": [
        (150, None, "ca/100.000 dân", "<", "quantitative", None)],
    # an index's level, with no unit, after the index is named
    "- Chỉ số Breteau (BI) tại các điểm giám sát trọng điểm dưới 20 sau mỗi đợt chiến dịch.": [
        (20, None, None, "<", "quantitative", None)],
    # the framework's grades belong to its name; the figure before it is the target
    "+ 5% có trình độ bậc 3 theo Khung năng lực ngoại ngữ 6 bậc dùng cho Việt Nam.": [
        (5, None, "%", "=", "quantitative", None)],
    # only the negated phrase: a figure after its comma is a target
    "- Không để xảy ra dịch bệnh lớn, giảm 20% số ca mắc.": [
        (20, None, "%", "=", "quantitative", None)],
    # people counted each time they are served; a rate per mille
    "Đào tạo nghề cho khoảng 25.500 lượt người lao động nông thôn.": [
        (25500, None, "lượt người", "~", "quantitative", None)],
    "- Tỷ suất chết trẻ em dưới 1 tuổi giảm 0,1‰ so với năm 2025.": [
        (0.1, None, "‰", "=", "quantitative", None)],
    "- Thành lập mới ít nhất 45 tổ đội PCCCR tại các thôn giáp rừng.": [
        (45, None, "tổ đội", ">=", "quantitative", None)],
    # a call-up quota and its parts, each part after the words that name it
    "a) Về số lượng: Giao 185 công dân, trong đó: nhập ngũ Quân đội 165 công dân; thực hiện "
    "nghĩa vụ tham gia Công an nhân dân 20 công dân.": [
        (185, None, "công dân", "=", "quantitative", None),
        (165, None, "công dân", "=", "quantitative", 0),
        (20, None, "công dân", "=", "quantitative", 0)],
    # a share not to be passed, under "không để"; water stored
    "b) Không để thiệt hại quá 5% diện tích lúa Đông Xuân 2026-2027 do hạn hán.": [
        (5, None, "%", "<=", "quantitative", None)],
    "c) Trữ nước ngọt đạt ít nhất 20 triệu m3 tại các hồ chứa, kênh, rạch nội đồng.": [
        (20, None, "triệu m3", ">=", "quantitative", None)],
    # cases handled
    "b) Các lực lượng chức năng kiểm tra, xử lý ít nhất 1.500 vụ vi phạm về buôn lậu.": [
        (1500, None, "vụ", ">=", "quantitative", None)],
}

# Lines of a target section whose numbers are not targets.
NEGATIVE = [
    "người trong độ tuổi từ 15 đến 60",          # an age range
    "Năm 2023, toàn huyện đã đạt 95% hộ có nhà tiêu hợp vệ sinh.",  # a past result
    "theo Quyết định số 1373/QĐ-TTg ngày 30/7/2021",  # a citation
    "2.1. Phát triển hạ tầng",                   # a section number
    "trong thời hạn 10 ngày làm việc",          # a duration
    "đạt chuẩn mức độ 3",                        # a level
    # a baseline in brackets after "kết quả năm ..."
    "Trên cơ sở kết quả năm 2025 (tỷ lệ hồ sơ giải quyết trực tuyến đạt 68,5%), năm 2026",
    "(năm 2024: 111,3 bé trai/100 bé gái)",  # a baseline in brackets
    "đạt bậc 3",  # a level
    "theo Khung năng lực ngoại ngữ 6 bậc dùng cho Việt Nam",  # a framework's name
    "Khung trình độ quốc gia Việt Nam gồm 8 bậc",  # a framework's name
    "thí điểm tại 05 trường trung học phổ thông",  # where the work is done
    "Không để xảy ra ngộ độc thực phẩm tập thể trên 30 người",  # which events, no limit
]


def _values(targets) -> list[tuple]:
    def number(value):
        return None if value is None else float(value)

    return [(number(t.value), number(t.value_max), t.unit, t.comparator, t.kind, t.parent)
            for t in targets]


@pytest.mark.parametrize(("line", "expected"), list(CORPUS.items()))
def test_corpus(line, expected):
    assert _values(find_targets(line)) == [
        (None if v is None else float(v), None if m is None else float(m), u, c, k, p)
        for v, m, u, c, k, p in expected]


@pytest.mark.parametrize("line", NEGATIVE)
def test_negative(line):
    assert [t for t in find_targets(line, statements=False)] == []


def test_a_groups_own_figure_after_a_clause_mark_starts_at_the_group():
    line = ("- Tỷ lệ suy dinh dưỡng thể thấp còi ở trẻ em dưới 5 tuổi giảm xuống dưới 19,5%; "
            "riêng tại các huyện miền núi Minh Hóa, Tuyên Hóa dưới 26%.")
    found = find_targets(line)
    assert line[found[1].start:found[1].end].startswith("riêng tại các huyện miền núi")


def test_base_years_and_rates_are_not_the_subject():
    (target,) = find_targets("Doanh thu tăng 12,5% so với năm 2024.", statements=False)
    assert (target.subject, target.indicator) == (None, "Doanh thu")
    (rate,) = find_targets("Giá trị tăng bình quân 1,5%/năm.", statements=False)
    assert rate.subject is None


def test_a_baseline_bracket_gives_neither_indicator_nor_milestone():
    (target,) = find_targets("Tỷ số giới tính khi sinh dưới 110 bé trai/100 bé gái (năm 2024: "
                             "111,3 bé trai/100 bé gái).")
    assert target.indicator == "Tỷ số giới tính khi sinh"
    plan = extract_text("KẾ HOẠCH\nDân số năm 2025\nI. MỤC TIÊU\n2. Chỉ tiêu cụ thể\n"
                        "a) Năm 2025\n- Tỷ số giới tính khi sinh dưới 110 bé trai/100 bé gái "
                        "(năm 2024: 111,3 bé trai/100 bé gái).\n")
    assert [(t.value, t.milestone_year) for t in plan.targets] == [(110, 2025)]


def test_shared_predicate_is_given_to_every_target():
    line = ("- 39% người lớn trong gia đình học tập, dòng họ học tập; 63% cán bộ, công chức trên "
            "địa bàn xã đạt danh hiệu “Công dân học tập”.")
    first, second = find_targets(line)
    assert first.indicator == second.indicator == "đạt danh hiệu “Công dân học tập”"
    assert first.subject == "người lớn trong gia đình học tập, dòng họ học tập"


def test_semicolons_inside_a_list_of_names_do_not_split_a_target():
    line = ("- 55% người lao động trong “Gia đình học tập”; “Dòng họ học tập”; “Cộng đồng học "
            "tập”; 80% cán bộ trong “Đơn vị học tập” đạt danh hiệu “Công dân học tập”.")
    assert [t.value for t in find_targets(line)] == [55, 80]


PLAN = """KẾ HOẠCH
Thực hiện Chương trình “Công dân học tập giai đoạn 2021-2030” trên địa bàn xã Cửu An
I. MỤC TIÊU
1. Mục tiêu chung
Thúc đẩy việc học tập suốt đời trong Nhân dân.
2. Mục tiêu cụ thể
a) Phấn đấu đến năm 2025
- 39% người lớn trong gia đình học tập đạt danh hiệu “Công dân học tập”.
- Hàng năm, tăng tỷ lệ người lao động tham gia học tập.
b) Phấn đấu đến năm 2030
- 57% người lớn trong gia đình học tập đạt danh hiệu “Công dân học tập”.
- Tiếp tục quán triệt các tiêu chí xây dựng mô hình “Công dân học tập”.
II. NHIỆM VỤ
1. Tổ chức 15 lớp tập huấn cho 100% cán bộ trong năm 2026.
2. Tỉnh phấn đấu đến năm 2027 đạt 45% số hộ gia đình mua sắm trực tuyến.
"""


def test_plan_targets_sections_milestones_and_links():
    targets = extract_text(PLAN).targets
    summary = [(t.value, t.milestone_year, t.kind) for t in targets]
    assert summary == [(39, 2025, "quantitative"), (None, 2025, "trend"),
                       (57, 2030, "quantitative"), (None, 2030, "qualitative"),
                       (45, 2027, "quantitative")]
    # the general aim states no target; a task's numbers are not targets, its "phấn đấu" is
    assert targets[2].earlier == targets[0].id
    assert targets[0].indicator_key == targets[2].indicator_key


def test_an_appendix_of_targets_gives_one_target_per_row():
    plan = extract_text(
        "SỞ Y TẾ\nSố: 4/KH-SYT\nHà Tĩnh, ngày 18 tháng 02 năm 2025\nKẾ HOẠCH\nTiêm chủng năm "
        "2025\nI. NHIỆM VỤ\n1. Tổ chức tiêm chủng hằng tháng.\nPHỤ LỤC 1\nCHỈ TIÊU TIÊM CHỦNG "
        "NĂM 2025\nTT\tChỉ tiêu\tĐơn vị tính\tKế hoạch năm 2025\n1\tTỷ lệ trẻ được tiêm đủ\t%"
        "\t≥ 95\n2\tSố trẻ được tiêm bổ sung\ttrẻ\t12.000\n")
    assert [(t.value, t.unit, t.comparator) for t in plan.targets] == [
        (95, "%", ">="), (12000, "trẻ", "=")]


@pytest.mark.parametrize(("one", "other"), [
    (("cán bộ, công chức trên địa bàn xã", "đạt danh hiệu “Công dân học tập”"),
     ("cán bộ, công chức trên địa bàn thị xã An Khê", "đạt danh hiệu Công dân học tập")),
    (("gia đình", "được công nhận đạt danh hiệu “Gia đình học tập”"),
     ("các gia đình", "được công nhận đạt danh hiệu \"Gia đình học tập\"")),
    (("người lao động", "được trang bị kỹ năng số hoá"),
     ("người lao động", "được trang bị kỹ năng số hóa")),
])
def test_indicator_key_ignores_wording_tone_style_and_locality(one, other):
    assert indicator_key(*one) == indicator_key(*other)


def test_indicator_key_tells_different_indicators_apart():
    assert indicator_key("gia đình", "đạt danh hiệu “Gia đình học tập”") != indicator_key(
        "dòng họ", "đạt danh hiệu “Dòng họ học tập”")


def test_a_sentence_about_a_year_before_the_plan_is_its_baseline() -> None:
    targets = extract_text(
        "ỦY BAN NHÂN DÂN\nPHƯỜNG VINH HƯNG\nSố: 27/KH-UBND\nKẾ HOẠCH\nPhòng, chống ma túy năm "
        "2026\nI. CHỈ TIÊU NĂM 2026\nNăm 2025, toàn phường có 214 người sử dụng trái phép chất "
        "ma túy, trong đó có 152 người nghiện. Năm 2026 phấn đấu:\n"
        "- Giảm ít nhất 10% số người nghiện so với năm 2025.\n").targets
    assert [(t.value, t.milestone_year) for t in targets] == [(10, 2026)]


def test_a_table_of_targets_by_year_gives_one_target_per_row_and_year() -> None:
    plan = extract_text(
        "KẾ HOẠCH\nPhổ cập giáo dục giai đoạn 2023-2025\nI. MỤC TIÊU\n"
        "TT\tChỉ tiêu\tNăm 2023\tNăm 2024\tNăm 2025\n"
        "1\tTỷ lệ trẻ em 5 tuổi được huy động ra lớp\t99,5%\t99,6%\t99,8%\n"
        "2\tTỷ lệ học sinh trung học cơ sở bỏ học\tdưới 0,2%\tdưới 0,15%\tdưới 0,1%\n"
        "3\tSố lớp xóa mù chữ được mở\t02 lớp\t02 lớp\t03 lớp\n"
        "II. NHIỆM VỤ\n1. Tuyên truyền.\n")
    assert [(t.value, t.unit, t.comparator, t.milestone_year) for t in plan.targets] == [
        (99.5, "%", "=", 2023), (99.6, "%", "=", 2024), (99.8, "%", "=", 2025),
        (0.2, "%", "<", 2023), (0.15, "%", "<", 2024), (0.1, "%", "<", 2025),
        (2, "lớp", "=", 2023), (2, "lớp", "=", 2024), (3, "lớp", "=", 2025)]


def test_a_sub_targets_words_start_after_trong_do():
    line = ("- Đến năm 2025: giảm tỷ lệ sử dụng thuốc lá trong nam thanh thiếu niên xuống dưới "
            "3,5%, trong đó tỷ lệ sử dụng thuốc lá điện tử, thuốc lá nung nóng dưới 2%.")
    found = find_targets(line)
    assert [line[t.start:t.end] for t in found][1] == \
        "tỷ lệ sử dụng thuốc lá điện tử, thuốc lá nung nóng dưới 2%"
    assert found[1].parent == 0


def test_each_milestone_of_a_line_holds_for_the_figures_after_it():
    plan = extract_text(
        "KẾ HOẠCH\nPhòng, chống tác hại của thuốc lá giai đoạn 2025 - 2030\nII. MỤC TIÊU\n"
        "- Đến năm 2025: giảm tỷ lệ sử dụng thuốc lá trong nam giới xuống dưới 39%; đến năm "
        "2030: giảm tỷ lệ sử dụng thuốc lá trong nam giới xuống dưới 36%.\n"
        "- Giảm ít nhất 20% số trẻ em bị tai nạn thương tích so với hè năm 2024.\n")
    assert [(float(t.value), t.milestone_year) for t in plan.targets] == [
        (39.0, 2025), (36.0, 2030), (20.0, 2030)]


def test_a_milestone_inside_a_clause_holds_for_its_figure_alone():
    plan = extract_text(
        "KẾ HOẠCH\nNông thôn mới giai đoạn 2021 - 2030\nII. MỤC TIÊU\n"
        "- Đến năm 2030, 100% xã đạt chuẩn, trong đó năm 2025 có 60% xã đạt chuẩn; 80% thôn có "
        "nhà văn hóa.\n")
    assert [(float(t.value), t.milestone_year) for t in plan.targets] == [
        (100.0, 2030), (60.0, 2025), (80.0, 2030)]


def test_the_year_of_what_has_happened_is_no_milestone():
    plan = extract_text(
        "KẾ HOẠCH\nPhòng, chống dịch bệnh động vật năm 2026\nII. MỤC TIÊU\n- 100% chó, mèo nuôi "
        "tại các xã đã xảy ra bệnh Dại trong năm 2025 được tiêm phòng.\n")
    assert [t.milestone_year for t in plan.targets] == [2026]


def test_an_items_label_is_no_word_of_its_target():
    line = "e) Tổ chức 02 đợt/năm tổng vệ sinh, tiêu độc, khử trùng môi trường chăn nuôi."
    (target,) = find_targets(line)
    assert line[target.start:].startswith("Tổ chức 02 đợt/năm")


def test_a_figure_naming_no_group_after_doi_voi_is_about_that_group():
    line = ("+ Đối với cán bộ, công chức từ Trung ương đến cấp huyện: 100% được đào tạo đáp ứng "
            "tiêu chuẩn quy định; 100% cán bộ lãnh đạo cấp phòng được bồi dưỡng trước khi bổ "
            "nhiệm; 80% thực hiện chế độ bồi dưỡng bắt buộc tối thiểu hằng năm.")
    group = "cán bộ, công chức từ Trung ương đến cấp huyện"
    assert [t.subject for t in find_targets(line)] == [group, "cán bộ lãnh đạo cấp phòng", group]
    # without the lead-in, a bare figure joined by "và" shares the noun before it
    shared = find_targets("20% cán bộ có trình độ bậc 2 và 5% có trình độ bậc 3")
    assert [t.subject for t in shared] == ["cán bộ", "cán bộ"]



def test_a_table_shared_out_to_localities_gives_each_locality_its_targets():
    plan = extract_text(
        "KẾ HOẠCH\nPhát triển người tham gia bảo hiểm năm 2026\nII. MỤC TIÊU\n- Chỉ tiêu đối với "
        "một số xã, phường có tỷ lệ bao phủ BHYT thấp: chi tiết tại Phụ lục kèm theo.\n"
        "PHỤ LỤC: CHỈ TIÊU GIAO CHO CÁC XÃ, PHƯỜNG NĂM 2026\n"
        "STT\tĐơn vị\tTỷ lệ người tham gia BHYT (%)\tSố người tham gia BHXH tự nguyện (người)\n"
        "1\tXã Ea Súp\t92,5\t1.250\n2\tPhường Buôn Hồ\t94,0\t1.540\n"
        "\tTổng cộng\t-\t2.790\n")
    shared = [(t.text, float(t.value), t.unit, t.milestone_year) for t in plan.targets
              if t.text.startswith(("Xã", "Phường", "Tổng"))]
    assert shared == [("Xã Ea Súp", 92.5, "%", 2026), ("Xã Ea Súp", 1250.0, "người", 2026),
                      ("Phường Buôn Hồ", 94.0, "%", 2026),
                      ("Phường Buôn Hồ", 1540.0, "người", 2026)]
    # the line that sends the reader to the appendix states no target of its own
    assert not [t for t in plan.targets if "Phụ lục" in t.text]
    # a sum column stands for the row: "Cộng giai đoạn 2022 - 2025"
    plan = extract_text(
        "KẾ HOẠCH\nPhát triển sản phẩm OCOP giai đoạn 2022 - 2025\nII. MỤC TIÊU\n- Có 150 sản "
        "phẩm.\nPHỤ LỤC\nCHỈ TIÊU PHÁT TRIỂN SẢN PHẨM OCOP THEO HUYỆN, THÀNH PHỐ\n"
        "TT\tHuyện, thành phố\tNăm 2022\tNăm 2023\tCộng giai đoạn 2022 - 2025\n"
        "1\tHuyện Lâm Bình\t3\t4\t16\n2\tHuyện Na Hang\t4\t5\t20\n")
    assert [(t.text, float(t.value), t.unit, t.milestone_year) for t in plan.targets
            if t.text.startswith("Huyện")] == [("Huyện Lâm Bình", 16.0, "sản phẩm", 2025),
                                                ("Huyện Na Hang", 20.0, "sản phẩm", 2025)]


def test_a_table_of_named_things_gives_each_row_its_target_in_the_columns_unit():
    plan = extract_text(
        "KẾ HOẠCH\nPhòng, chống hạn hán mùa khô 2026-2027\nII. MỤC TIÊU\ne) Diện tích cây trồng "
        "được bảo đảm đủ nước tưới như sau:\n"
        "STT\tLoại cây trồng\tDiện tích bảo đảm đủ nước tưới (ha)\tGhi chú\n"
        "1\tLúa Đông Xuân 2026-2027\t165.000\tVùng ngọt hóa\n2\tCây ăn trái\t92.500\t\n"
        "\tTổng cộng\t257.500\t\n")
    assert [(t.text, float(t.value), t.unit) for t in plan.targets if t.unit == "ha"] == [
        ("Lúa Đông Xuân 2026-2027", 165000.0, "ha"), ("Cây ăn trái", 92500.0, "ha")]


def test_a_unit_line_above_a_table_is_its_unit_and_no_target():
    plan = extract_text(
        "KẾ HOẠCH\nTuyển quân năm 2025\nII. MỤC TIÊU, CHỈ TIÊU\na) Chỉ tiêu của từng xã như "
        "sau:\nĐơn vị tính: công dân\n"
        "TT\tĐơn vị (xã, thị trấn)\tNhập ngũ Quân đội\tThực hiện nghĩa vụ CAND\tTổng\n"
        "1\tXã Ẳng Tở\t19\t2\t21\n2\tXã Ẳng Nưa\t18\t2\t20\n\tTổng cộng\t37\t4\t41\n"
        "b) Về an toàn: Không để xảy ra trường hợp đào ngũ.\n")
    assert [(t.text, float(t.value) if t.value else None, t.unit) for t in plan.targets] == [
        # the next lettered item after the table is no tail of its last cell; its label is
        # no word of its target
        ("Không để xảy ra trường hợp đào ngũ", None, None),
        ("Xã Ẳng Tở", 21.0, "công dân"), ("Xã Ẳng Nưa", 20.0, "công dân")]
