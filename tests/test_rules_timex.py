"""Time expressions, Duckling style: phrases grouped by the value they must normalise to.

Values are written compactly: ("window", start, end), ("point", end, bound),
("recurrence", rrule, start), ("duration", iso, working_days), ("unspecified",).
The context year for phrases without one is 2025.
"""

from __future__ import annotations

import pytest

from extractor.rules.timex import find_time_expressions, parse

CONTEXT_YEAR = 2025

CORPUS: dict[tuple, list[str]] = {
    # a quarter's rule and its day in brackets; the days round a festival and their peak
    ("recurrence", "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=15", None): [
        "hằng quý (trước ngày 15 của tháng cuối quý)"],
    ("point", "2025-01-29", "on"): ["Trước, trong và sau Tết Nguyên đán Ất Tỵ 2025"],
    ("window", "2024-12-15", "2025-02-28"): [
        "trước, trong và sau Tết Nguyên đán Ất Tỵ 2025 (cao điểm từ ngày 15/12/2024 đến ngày "
        "28/02/2025)"],
    # counted back from an event; a dry season's years and its months in brackets; a daily
    # and a weekly rule bounded by the period in brackets after them
    ("duration", "P15D", False): ["trước 15 ngày tính đến ngày giao quân"],
    ("window", "2026-12-01", "2027-05-31"): [
        "mùa khô 2026-2027 (từ tháng 12/2026 đến hết tháng 5/2027)"],
    ("recurrence", "FREQ=DAILY;BYHOUR=9", "2027-02-01"): [
        "hằng ngày trước 9 giờ trong thời gian cao điểm xâm nhập mặn (tháng 2 - tháng 4/2027)"],
    ("recurrence", "FREQ=WEEKLY;BYDAY=TH;BYHOUR=15", "2027-02-01"): [
        "Trước 15 giờ thứ Năm hằng tuần (tháng 2 - tháng 4/2027)"],
    # two whole dates joined by a dash; two quarters apart are two rounds; a season every year
    ("window", "2026-06-26", "2026-06-30"): ["26/6/2026 - 30/6/2026", "26/6/2026 – 30/6/2026"],
    ("recurrence", "FREQ=YEARLY;BYMONTH=4,5,6,10,11,12", "2026-04-01"): [
        "Quý II và Quý IV/2026", "quý II và quý IV năm 2026",
    ],
    ("recurrence", "FREQ=YEARLY;BYMONTH=6,7,8", None): ["hè hằng năm", "dịp hè hàng năm"],
    # a start with no end
    ("window", "2025-09-01", None): ["từ ngày 01/9/2025", "bắt đầu từ ngày 01/9/2025",
                                     "Từ năm học 2025 - 2026"],
    ("duration", "P1D", False): ["ngay trong ngày", "báo cáo nhanh ngay trong ngày."],
    ("window", "2022-07-01", "2022-09-30"): [
        "Quý III/2022", "Quý 3/2022", "quý III năm 2022", "Quý 3 năm 2022", "QUÝ III/2022",
        "quý III / 2022", "trong Quý III/2022", "Quý III năm 2022",
    ],
    ("window", "2013-07-01", "2013-09-30"): ["Quý 3 năm 2013", "Quý III/2013"],
    ("window", "2013-10-01", "2013-12-31"): [
        "Quý 4 năm 2013", "Quý IV/2013", "Hoàn thành xây dựng kế hoạch trong Quý 4 năm 2013",
    ],
    ("window", "2023-07-01", "2023-12-31"): [
        "Quý III, IV năm 2023", "Quý III, IV/2023", "Quý 3, 4 năm 2023", "Quý III và IV năm 2023",
    ],
    ("window", "2018-01-01", "2018-09-30"): [
        "Các Quý I, II, III/2018", "các quý I, II, III năm 2018", "Quý I - III/2018",
    ],
    ("window", "2026-01-01", "2026-03-31"): ["Quý I năm 2026", "Quý I/2026", "quý 1/2026"],
    ("window", "2025-10-01", "2025-12-31"): [
        "Quý IV Năm 2025", "Quý IV/2025", "Quý IV", "trong quý IV", "Cuối năm 2025", "Cuối 2025",
    ],
    ("window", "2015-10-01", "2015-12-31"): ["Cuối 2015", "cuối năm 2015"],
    ("window", "2024-01-01", "2024-03-31"): ["đầu năm 2024", "Đầu 2024"],
    ("window", "2018-10-01", "2018-10-31"): [
        "tháng 10/2018", "Tháng 10/2018", "tháng 10 năm 2018", "vào tháng 10/2018",
    ],
    ("window", "2018-01-01", "2018-01-31"): ["Tháng 01/2018", "tháng 1/2018", "Tháng 1 năm 2018"],
    ("window", "2018-03-01", "2018-04-30"): [
        "Tháng 3, 4/2018", "tháng 3 và 4/2018", "Tháng 3 - 4/2018", "tháng 3, 4 năm 2018",
    ],
    ("window", "2025-08-01", "2025-08-31"): ["tháng 8", "Tháng 8", "trong tháng 8"],
    ("window", "2023-01-01", "2025-12-31"): [
        "2023 - 2025", "2023-2025", "Từ năm 2023 - 2025", "Năm 2023 - 2025", "từ 2023 đến 2025",
        "giai đoạn 2023-2025", "Giai đoạn 2023 - 2025", "Từ năm 2023 đến năm 2025",
    ],
    ("window", "2016-01-01", "2020-12-31"): ["Từ năm 2016 đến 2020", "từ năm 2016 đến năm 2020"],
    ("window", "2021-01-01", "2025-12-31"): ["giai đoạn 2021-2025", "giai đoạn 2021 – 2025"],
    ("window", "2014-01-01", "2015-12-31"): ["Năm 2014, 2015", "năm 2014 và 2015"],
    ("window", "2024-01-01", "2025-12-31"): ["Năm 2024 - 2025", "2024 - 2025"],
    ("window", "2020-01-01", "2020-12-31"): ["Năm 2020", "năm 2020", "trong năm 2020"],
    ("window", "2023-01-01", "2023-12-31"): ["2023", "Năm 2023"],
    ("window", "2022-01-01", "2022-12-31"): ["Năm 2022"],
    ("point", "2024-10-30", "by"): [
        "trước ngày 30/10/2024", "Trước ngày 30/10/2024", "chậm nhất ngày 30/10/2024",
        "hoàn thành trước ngày 30/10/2024", "trước 30/10/2024", "Chậm nhất là ngày 30/10/2024",
        "trước ngày 30 tháng 10 năm 2024",
    ],
    ("point", "2022-12-15", "on"): ["ngày 15/12/2022", "ngày 15 tháng 12 năm 2022", "15/12/2022"],
    ("point", "2013-10-31", "by"): ["Đến hết tháng 10/2013", "đến hết tháng 10 năm 2013",
                                    "hết tháng 10/2013"],
    ("point", "2013-12-31", "by"): ["Đến hết tháng 12/2013"],
    ("point", "2025-12-31", "by"): ["Đến hết năm 2025", "đến cuối năm 2025", "hết năm 2025"],
    ("point", "2025-03-15", "by"): ["trước ngày 15/3", "Trước ngày 15/3", "chậm nhất ngày 15/3"],
    ("point", "2025-06-30", "by"): ["Trước ngày 30/6/2025", "trước ngày 30/6"],
    ("recurrence", "FREQ=YEARLY", None): [
        "Hàng năm", "hằng năm", "Hằng năm", "định kỳ hàng năm", "Hàng năm.", "mỗi năm",
        "định kỳ hằng năm", "Theo từng năm, từng giai đoạn", "từng năm và từng giai đoạn",
    ],
    ("recurrence", "FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=15", None): [
        "trước ngày 15/6 và ngày 15/12 hàng năm", "trước ngày 15/6 và 15/12 hằng năm",
        "Định kỳ trước ngày 15/6 và ngày 15/12 hàng năm",
    ],
    ("recurrence", "FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=20", None): [
        "Định kỳ, trước ngày 20/11 hằng năm", "trước ngày 20/11 hàng năm",
    ],
    ("recurrence", "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=15", None): [
        "trước 15 tháng 12 hàng năm", "trước ngày 15/12 hằng năm",
    ],
    ("recurrence", "FREQ=YEARLY;BYMONTH=10,11,12", None): [
        "Quý IV hàng năm", "quý 4 hằng năm", "Quý IV, hàng năm",
    ],
    ("recurrence", "FREQ=YEARLY", "2022-07-01"): [
        "Hàng năm, từ Quý III/2022", "hằng năm từ quý III/2022",
    ],
    ("recurrence", "FREQ=YEARLY", "2022-10-01"): ["Hàng năm, từ Quý IV/2022"],
    ("recurrence", "FREQ=YEARLY", "2023-01-01"): [
        "Hàng năm bắt đầu từ năm 2023", "hằng năm từ năm 2023",
    ],
    ("recurrence", "FREQ=MONTHLY;INTERVAL=6", None): ["định kỳ 6 tháng", "Định kỳ 6 tháng",
                                                      "02 đợt/năm", "2 lần/năm"],
    ("recurrence", "FREQ=MONTHLY;INTERVAL=3", None): ["hàng quý", "Hằng quý", "4 lần/năm"],
    ("window", "2024-04-01", "2024-09-30"): ["Quý II, Quý III/2024", "quý II và quý III năm 2024"],
    # Months apart are two rounds in that year, not the months between them.
    ("recurrence", "FREQ=YEARLY;BYMONTH=6,11", "2025-06-01"): [
        "Tháng 6 và tháng 11/2025", "tháng 6, tháng 11 năm 2025"],
    ("window", "2023-12-15", "2024-02-29"): ["Từ 15/12/2023 đến hết tháng 02/2024",
                                            "từ ngày 15/12/2023 đến tháng 02/2024"],
    ("recurrence", "FREQ=MONTHLY", None): ["hàng tháng", "Hằng tháng", "định kỳ hàng tháng"],
    ("recurrence", "FREQ=WEEKLY", None): ["hàng tuần"],
    ("recurrence", "FREQ=DAILY", None): ["Hằng ngày", "hàng ngày"],
    ("duration", "P10D", True): [
        "Trong thời hạn 10 ngày làm việc kể từ khi nhận đủ hồ sơ hợp lệ",
        "trong thời hạn 10 ngày làm việc",
    ],
    ("duration", "P5D", True): ["Trong thời hạn 5 ngày làm việc kể từ ngày có kết quả kiểm tra"],
    ("duration", "PT24H", False): ["trong vòng 24 giờ", "chậm nhất 24 giờ sau khi xảy ra"],
    ("duration", "P30D", False): ["trong thời hạn 30 ngày kể từ ngày ký"],
    ("window", "2025-11-01", "2025-11-30"): ["từ ngày 01/11 đến ngày 30/11/2025",
                                            "từ 01/11 đến 30/11/2025"],
    ("window", "2025-10-01", "2026-03-31"): ["tháng 10 năm 2025 đến tháng 3 năm 2026",
                                            "từ tháng 10/2025 đến tháng 3/2026"],
    ("window", "2018-06-01", "2018-08-31"): ["hè năm 2018", "Hè 2018"],
    ("window", "2024-07-01", None): ["từ Quý III/2024", "từ quý 3/2024"],
    ("window", "2025-01-01", "2025-12-31"): ["trong năm", "Năm 2025"],
    ("point", "2024-09-30", "by"): ["trước Quý IV/2024", "trước quý 4/2024"],
    ("recurrence", "FREQ=YEARLY;BYMONTH=6,11", None): ["tháng 6 và tháng 11 hằng năm",
                                                       "Tháng 6, 11 hàng năm"],
    ("recurrence", "FREQ=YEARLY;BYMONTH=11", None): ["tháng 11 hằng năm"],
    ("recurrence", "FREQ=YEARLY;BYMONTH=10,11", None): ["Tháng 10 - 11 hằng năm",
                                                        "tháng 10-11 hàng năm"],
    # The same month of consecutive years: a round a year.
    ("recurrence", "FREQ=YEARLY;BYMONTH=12", "2025-12-01"): [
        "Tháng 12/2025, tháng 12/2026", "tháng 12/2025 và tháng 12/2026"],
    ("recurrence", "FREQ=MONTHLY;BYMONTHDAY=20", None): [
        "trước ngày 20 hằng tháng", "ngày 20 hàng tháng",
        # the month before the day
        "định kỳ hằng tháng trước ngày 20", "hằng tháng, chậm nhất ngày 20"],
    # a monthly deadline in some months of the plan's year
    ("recurrence", "FREQ=MONTHLY;BYMONTHDAY=25", "2025-05-01"): [
        "trước ngày 25 hằng tháng từ tháng 5 đến tháng 8"],
    ("recurrence", "FREQ=MONTHLY;BYDAY=-1SU", None): ["Chủ nhật cuối cùng hằng tháng",
                                                      "ngày Chủ nhật cuối tháng"],
    ("recurrence", "FREQ=WEEKLY;BYDAY=SA", None): ["hằng tuần vào sáng thứ Bảy"],
    ("recurrence", "FREQ=MONTHLY;BYDAY=2SU", None): ["Chủ nhật tuần thứ hai hằng tháng"],
    ("recurrence", "FREQ=WEEKLY;BYDAY=FR", None): ["thứ sáu hằng tuần"],
    # an hour every day
    ("recurrence", "FREQ=DAILY;BYHOUR=16", None): ["trước 16 giờ hằng ngày", "Trước 16h hằng ngày",
                                                  "16 giờ hàng ngày"],
    ("recurrence", "FREQ=DAILY;BYHOUR=15;BYMINUTE=30", None): ["trước 15h30 hằng ngày",
                                                               "trước 15 giờ 30 phút hằng ngày"],
    ("window", "2025-01-01", "2026-12-31"): ["năm 2025 - 2026", "Năm 2025 - 2026"],
    # a school year; the lunar new year of the year named, or of the plan's
    ("window", "2023-09-01", "2024-05-31"): ["Năm học 2023-2024", "năm học 2023 - 2024"],
    ("window", "2022-01-01", "2022-05-31"): ["học kỳ II năm học 2021 - 2022"],
    ("window", "2025-09-01", "2025-12-31"): ["học kỳ I năm học 2025-2026"],
    ("point", "2026-02-17", "by"): ["trước Tết Nguyên đán Bính Ngọ năm 2026",
                                    "Trước Tết Nguyên đán 2026"],
    ("point", "2025-01-29", "by"): ["Trước Tết Nguyên đán", "hoàn thành trước Tết Nguyên đán"],
    # a year and the ones after it
    ("window", "2025-01-01", None): ["Năm 2025 và các năm tiếp theo"],
    # a crop season over the turn of the year
    ("window", "2023-11-01", "2024-05-31"): ["Vụ Đông Xuân 2023-2024"],
    # the same day of months apart: rounds in the year given, or the plan's
    ("recurrence", "FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=10", "2025-06-10"): [
        "trước ngày 10/6 và 10/12", "trước ngày 10/6 và ngày 10/12"],
    ("recurrence", "FREQ=YEARLY;BYMONTH=3,9;BYMONTHDAY=15", "2026-03-15"): [
        "ngày 15/3 và 15/9/2026"],
    # on a lunar festival, as an occasion
    ("point", "2025-10-06", "on"): ["nhân dịp Tết Trung thu", "Dịp Tết Trung thu",
                                    "dịp Tết Trung thu năm 2025"],
    ("point", "2026-02-17", "on"): ["nhân dịp Tết Nguyên đán Bính Ngọ"],
    ("window", "2026-04-01", "2026-12-31"): ["Từ Quý II đến Quý IV/2026",
                                            "từ quý 2 đến hết quý 4/2026"],
    # several weekdays, a part of the day; by an hour of a weekday
    ("recurrence", "FREQ=WEEKLY;BYDAY=TU,TH", None): ["sáng thứ ba và thứ năm hằng tuần",
                                                     "thứ Ba, thứ Năm hằng tuần"],
    ("recurrence", "FREQ=WEEKLY;BYDAY=TH;BYHOUR=15", None): ["trước 15 giờ thứ Năm hằng tuần",
                                                            "trước 3 giờ chiều thứ Năm hằng tuần"],
    ("window", "2026-03-08", "2026-03-14"): ["tuần thứ hai tháng 3/2026"],
    ("recurrence", "FREQ=MONTHLY;BYMONTHDAY=25", None): ["định kỳ trước ngày 25 hằng tháng"],
    # a week of a month
    ("window", "2025-06-01", "2025-06-07"): ["Tuần đầu tháng 6/2025", "tuần đầu tiên tháng 6"],
    ("window", "2024-02-23", "2024-02-29"): ["tuần cuối tháng 2/2024"],
    # the summer of the plan's year
    ("window", "2025-06-01", "2025-08-31"): ["Trong dịp hè", "thời gian nghỉ hè"],
    # two years apart: every third year between them
    ("recurrence", "FREQ=YEARLY;INTERVAL=3", "2027-01-01"): ["năm 2027 và năm 2030"],
    ("unspecified",): [
        "Theo thời gian tổ chức từng hoạt động",
        "Theo hướng dẫn của Bộ Giáo dục và Đào tạo", "Theo hướng dẫn của Hội Khuyến học Việt Nam",
        "Theo quy định tại Kế hoạch của tỉnh", "Theo quy định", "Thường xuyên",
        "theo chỉ đạo của UBND tỉnh", "Khi có yêu cầu",
        "định kỳ, đột xuất", "Định kỳ", "đột xuất khi có yêu cầu", "Ngay khi có cảnh báo",
    ],
}

NEGATIVE = [
    "74/KH-UBND", "44/2014/TT-BGDĐT", "100% cán bộ", "từ 15 đến 60", "II.3", "11.1",
    "99,80%", "1.250 bài", "(b/c)", "Điều 3", "Nhiệm vụ 1", "số 15/KH-UBND",
    # a kind of check-up, not a schedule
    "khám sức khỏe định kỳ", "tổ chức khám sức khoẻ định kỳ cho người cao tuổi",
    "bảo đảm phụ nữ mang thai được khám thai định kỳ",
    "vui Xuân, đón Tết",
    # a festival as the topic of the work, not its time
    "vui Tết Trung thu", "kiểm tra an toàn thực phẩm dịp Tết Nguyên đán",
    # summer as a kind of activity, not a time
    "tổ chức sinh hoạt hè cho thiếu nhi", "Mùa hè xanh",
    # a day's meals, not a report sent within the day
    "bảo đảm suất ăn trong ngày cho học sinh",
    # rounds a year, not this year
    "tiêm phòng tập trung 02 đợt chính trong năm",
    # a kind of meeting, not a schedule
    "đưa nội dung vào chương trình sinh hoạt định kỳ của khu phố",
    # the week's day with no rule ("hằng tuần" read alone), and the last Sunday of one month
    "thứ Bảy", "ngày Chủ nhật cuối",
    # days before, with no event they are counted from
    "gửi trước 5 ngày",
]


def _value(expression) -> tuple:
    if expression.kind == "window":
        return ("window", expression.start, expression.end)
    if expression.kind == "point":
        return ("point", expression.end, expression.bound)
    if expression.kind == "recurrence":
        return ("recurrence", expression.rrule, expression.start)
    if expression.kind == "duration":
        return ("duration", expression.duration, expression.working_days)
    return (expression.kind,)


EXAMPLES = [(value, phrase) for value, phrases in CORPUS.items() for phrase in phrases]


def test_the_corpus_has_at_least_a_hundred_examples():
    assert len(EXAMPLES) >= 100


@pytest.mark.parametrize(("expected", "phrase"), EXAMPLES)
def test_corpus(expected, phrase):
    value = parse(phrase, CONTEXT_YEAR)
    assert value is not None, phrase
    assert _value(value) == expected


@pytest.mark.parametrize("phrase", NEGATIVE)
def test_negative(phrase):
    assert parse(phrase, CONTEXT_YEAR) is None


def test_year_from_context_is_marked():
    assert parse("trước ngày 15/3", 2025).year_inherited
    assert not parse("trước ngày 15/3/2025", 2025).year_inherited
    assert parse("trước ngày 15/3", None) is None  # no year, no context: no date


def test_expressions_are_found_with_offsets_in_prose():
    text = ("Thành lập xong ban chỉ đạo (Tháng 01/2018); báo cáo trước ngày 15/6 và ngày 15/12 "
            "hàng năm; sơ kết vào Cuối 2015.")
    found = find_time_expressions(text, CONTEXT_YEAR)
    assert [text[f.start:f.end] for f in found] == [
        "Tháng 01/2018", "trước ngày 15/6 và ngày 15/12 hàng năm", "Cuối 2015"]


@pytest.mark.parametrize(("text", "expected"), [
    # Two yearly days that share no day of the month are two schedules ...
    ("trước ngày 10/6 và ngày 05/12 hằng năm",
     [("trước ngày 10/6", "FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=10", "by"),
      ("ngày 05/12 hằng năm", "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=5", "by")]),
    # ... and two that share it, one.
    ("trước ngày 15/6 và 15/12 hằng năm",
     [("trước ngày 15/6 và 15/12 hằng năm", "FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=15", "by")]),
    # "trước" holds for each date of a list, and not past other words.
    ("trước ngày 10/01/2025 và ngày 05/6/2025",
     [("trước ngày 10/01/2025", None, "by"), ("ngày 05/6/2025", None, "by")]),
    ("trước ngày 10/01/2025, khai mạc ngày 05/6/2025",
     [("trước ngày 10/01/2025", None, "by"), ("ngày 05/6/2025", None, "on")]),
])
def test_dates_listed_after_one_time_word(text, expected):
    found = find_time_expressions(text, CONTEXT_YEAR)
    assert [(f.value.text, f.value.rrule, f.value.bound) for f in found] == expected


def test_prose_keeps_schedules_and_leaves_names_of_periods():
    from extractor.rules.timex import _prose_expressions

    def texts(line: str) -> list[str]:
        return [f.value.text for f in _prose_expressions(line, 2018)]

    assert texts("Triển khai nhiệm vụ năm 2018 và báo cáo kết quả năm 2017.") == []
    # "trong" says when, but is not part of the expression
    assert texts("Thành lập Ban Chỉ đạo giai đoạn 2021-2030; sơ kết trong năm 2018.") == [
        "năm 2018"]
    assert texts("Thực hiện Đề án “Xây dựng xã hội học tập giai đoạn 2021-2030”.") == []
    assert texts("Hưởng ứng Ngày Chuyển đổi số quốc gia 10/10.") == []
    # The horizon of a named plan is not when the work is due; a deadline still is.
    assert texts("Thực hiện Đề án Dạy nghề cho lao động nông thôn tỉnh Hưng Yên đến năm 2020.") \
        == []
    assert texts("Xây dựng mô hình phù hợp với quy hoạch của phường đến năm 2030.") == []
    assert texts("Hoàn thành việc lập quy hoạch trước năm 2020; duy trì đến năm 2025.") == [
        "năm 2020", "năm 2025"]
    # When a law takes effect names the law; "không theo quy định" is unregulated, no time.
    assert texts("Phổ biến các văn bản mới có hiệu lực từ năm 2025 đến người dân.") == []
    assert texts("chống khai thác không báo cáo và không theo quy định (IUU)") == []
    # a report due when a body's guidance says; guidance followed in the work is no time
    assert texts("Hội Khuyến học xã báo cáo kết quả về Hội Khuyến học tỉnh theo hướng dẫn của "
                 "Hội Khuyến học tỉnh.") == ["theo hướng dẫn của Hội Khuyến học tỉnh"]
    assert texts("Tổ chức tập huấn theo hướng dẫn của Sở Y tế.") == []
    assert texts("Hoàn thành 11 công trình chuyển tiếp từ năm 2017.") == []  # carried-over works
    # a time and the occasion it is, in brackets, are one; a named day's bracket is its date
    assert texts("Tổ chức lớp kỹ năng sống trong tháng 6 - 8/2018 (dịp hè).") == [
        "tháng 6 - 8/2018 (dịp hè)"]
    assert texts("Tổ chức mít tinh nhân dịp Tuần lễ hưởng ứng học tập suốt đời (tháng 10/2018).") \
        == ["dịp Tuần lễ hưởng ứng học tập suốt đời (tháng 10/2018)"]
    assert texts("Tổ chức nhân dịp Ngày Khuyến học Việt Nam (02/10).") == []
    recurring = _prose_expressions("Báo cáo 6 tháng trước ngày 15/6 hằng năm.", 2018)
    assert recurring[0].value.rrule == "FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=15"
    # the Tết of the year a sexagenary name says, the one nearest the plan's year
    assert parse("trước Tết Nguyên đán Bính Ngọ", 2025).end == "2026-02-17"
    # no hour of a day in a longer number; days of a season stay a window
    assert parse("116 giờ hằng ngày", 2025).rrule == "FREQ=DAILY"
    season = _prose_expressions("Hằng năm, ra quân từ ngày 20/12 đến ngày 15/1 năm sau.", 2025)
    assert season[-1].value.kind == "window"
    # a review that a period names is not the time: "sơ kết ... 6 tháng đầu năm trong tháng 7"
    review = _prose_expressions("Tổ chức sơ kết công tác 6 tháng đầu năm trong tháng 7/2022.", 2022)
    assert [f.value.text for f in review] == ["tháng 7/2022"]
    # a quarter without a year in a sentence that recurs recurs with it; one with a year does not
    recurring = _prose_expressions("Hằng năm, tổ chức điều tra; công bố kết quả trong Quý IV.",
                                   2025)
    assert recurring[-1].value.rrule == "FREQ=YEARLY;BYMONTH=10,11,12"
    dated = _prose_expressions("Hằng năm tổ chức điều tra; tổng kết vào Quý IV/2030.", 2025)
    assert dated[-1].value.kind == "window" and dated[-1].value.start == "2030-10-01"


def test_duration_keeps_its_anchor():
    value = parse("Trong thời hạn 10 ngày làm việc kể từ khi nhận đủ hồ sơ hợp lệ", None)
    assert value.anchor == "khi nhận đủ hồ sơ hợp lệ"


def test_unspecified_keeps_the_reason():
    value = parse("Theo hướng dẫn của Bộ Lao động - Thương binh và Xã hội", None)
    assert value.reason == "Theo hướng dẫn của Bộ Lao động - Thương binh và Xã hội"


def test_a_time_cell_of_the_whole_year_is_the_plans_year():
    from extractor.rules.timex import cell_expressions

    ((_, value),) = cell_expressions("Cả năm", 2025)
    assert (value.kind, value.start, value.end) == ("window", "2025-01-01", "2025-12-31")
    assert cell_expressions("Cả năm học", 2025) == []


def test_a_time_cell_of_a_named_year_is_that_year():
    from extractor.rules.timex import cell_expressions

    ((_, value),) = cell_expressions("Cả năm 2026", 2025)
    assert (value.text, value.start, value.end) == ("Cả năm 2026", "2026-01-01", "2026-12-31")


def test_a_duty_s_time_line_is_read_like_a_time_cell():
    from extractor.pipeline import extract_text

    plan = extract_text(
        "ỦY BAN NHÂN DÂN\nPHƯỜNG VINH HƯNG\nSố: 27/KH-UBND\nKẾ HOẠCH\nPhòng, chống ma túy năm "
        "2026\nI. NHIỆM VỤ TRỌNG TÂM\n1. Tuyên truyền\nĐổi mới hình thức tuyên truyền về tác hại "
        "của ma túy.\n- Đơn vị thực hiện: Phòng Văn hóa - Xã hội.\n- Thời gian: Thường xuyên.\n")
    assert [(time.text, time.kind) for time in plan.time_expressions] == [
        ("Thường xuyên", "unspecified")]


def test_an_annual_plan_or_budget_of_its_owner_is_no_time():
    from extractor.rules.timex import _prose_expressions

    def texts(line: str) -> list[str]:
        return [f.value.text for f in _prose_expressions(line, 2023)]

    assert texts("Lồng ghép các chỉ tiêu vào kế hoạch phát triển kinh tế - xã hội hằng năm của "
                 "tỉnh.") == []
    assert texts("Xây dựng kế hoạch giai đoạn 2023 - 2025 và hằng năm của địa phương, hoàn thành "
                 "trước ngày 30/5/2023.") == ["hoàn thành trước ngày 30/5/2023"]
    # the work done each year is
    assert texts("Hằng năm, chủ trì lập dự toán kinh phí đào tạo nghề.") == ["Hằng năm"]


def test_a_rules_day_has_no_bound_and_months_of_one_year_are_rounds():
    monthly = parse("định kỳ vào ngày 15 hằng tháng", 2023)
    assert (monthly.rrule, monthly.bound) == ("FREQ=MONTHLY;BYMONTHDAY=15", None)
    assert parse("trước ngày 05 của tháng sau", 2026).bound == "by"
    rounds = parse("Tháng 3/2026; tháng 9/2026", 2026)
    assert (rounds.rrule, rounds.start, rounds.end) == (
        "FREQ=YEARLY;BYMONTH=3,9", "2026-03-01", "2026-09-30")
    daily = find_time_expressions("mở chuyên mục hằng ngày từ tháng 11/2025 đến hết tháng 4/2026",
                                  2025)
    assert [(f.value.text, f.value.rrule, f.value.start, f.value.end) for f in daily] == [
        ("hằng ngày từ tháng 11/2025 đến hết tháng 4/2026", "FREQ=DAILY", "2025-11-01",
         "2026-04-30")]
    assert parse("hằng ngày trước 16 giờ", 2025).rrule == "FREQ=DAILY;BYHOUR=16"
    peak = find_time_expressions(
        "báo cáo hằng ngày trước 16 giờ trong thời gian cao điểm (tháng 3 - 4/2026).", 2025)
    assert [(f.value.text, f.value.rrule, f.value.start, f.value.end) for f in peak] == [
        ("hằng ngày trước 16 giờ trong thời gian cao điểm (tháng 3 - 4/2026)",
         "FREQ=DAILY;BYHOUR=16", "2026-03-01", "2026-04-30")]
    within = parse("trong vòng 12 giờ kể từ khi phát hiện về UBND huyện", 2024)
    assert (within.duration, within.anchor) == ("PT12H", "khi phát hiện")
    opening = parse("đầu năm học 2026 - 2027", 2026)
    assert (opening.start, opening.end) == ("2026-09-01", "2026-11-30")


def test_every_rules_examples_are_read_by_that_rule():
    from extractor.rules.timex import (
        CELL_ONLY_RULES,
        RULES,
        cell_expressions,
        find_time_expressions,
    )

    for rule in RULES:
        for example in rule.examples:
            found = find_time_expressions(example, 2025)
            assert [(f.rule, f.start, f.end) for f in found] == [
                (rule.name, 0, len(example))], (rule.name, example)
    for rule in CELL_ONLY_RULES:
        for example in rule.examples:
            assert cell_expressions(example, 2025), (rule.name, example)


def test_a_year_inside_a_period_in_brackets_stays_two_expressions():
    text = "giai đoạn 2021-2025 (năm 2023)"
    assert [text[f.start:f.end] for f in find_time_expressions(text, CONTEXT_YEAR)] == [
        "giai đoạn 2021-2025", "năm 2023"]
