"""Vietnamese time expressions -> one normalised value.

    parse("Quý III/2022")            -> window 2022-07-01..2022-09-30
    parse("trước ngày 15/6 và ngày 15/12 hàng năm")
                                     -> recurrence FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=15, by
    find_time_expressions(text, context_year=2025)  -> every expression in a text, with offsets

Kinds: a *point* (a due date, ``bound`` "by" or "on"), a *window* (inclusive full dates), a
*recurrence* (an RFC 5545 RRULE with optional bounds), a *duration* (ISO 8601, counted from an
anchor) and *unspecified* (someone else's schedule, with the words that say so). A year taken
from the context rather than the words is marked ``year_inherited``.

Patterns are tried longest first; each has a builder that turns its match into a value.
"""

from __future__ import annotations

import calendar
import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import pairwise

import regex

from extractor.model import Section, TimeExpression
from extractor.normalize import NormalizedText, fold_tones
from extractor.rules.vocabulary import BACKGROUND_SECTION, match_key, vocabulary
from extractor.structure import Layout

ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}
YEAR = r"(?:19|20)\d{2}"
QUARTER = r"(?:IV|I{1,3}|[1-4](?!\d))"
MONTH = r"(?:1[0-2]|0?[1-9])"
DAY = r"(?:3[01]|[12]\d|0?[1-9])"
SEP = r"\s*(?:/|năm|-)\s*"
EVERY_YEAR = r"(?:hàng|hằng)\s+năm"
# The sexagenary name of a lunar year: "Bính Ngọ", "Ất Tỵ".
STEMS = ["Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ", "Canh", "Tân", "Nhâm", "Quý"]
BRANCHES = ["Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi", "Thân", "Dậu", "Tuất", "Hợi"]
CAN_CHI = (rf"(?P<stem>{'|'.join(STEMS)})\s+"
           rf"(?P<branch>{'|'.join(BRANCHES)}|Mẹo|Tị)")
BY_WORDS = r"(?:hoàn thành\s+)?(?:trước|chậm nhất(?:\s+(?:là|vào|trước))?|không quá)"


@dataclass
class Found:
    start: int
    end: int
    value: TimeExpression
    rule: str = ""


@dataclass
class Rule:
    name: str
    pattern: regex.Pattern[str]
    build: Callable[[regex.Match[str], int | None], TimeExpression | None]
    examples: list[str] = field(default_factory=list)


def _quarter(token: str) -> int:
    return ROMAN.get(token.upper()) or int(token)


def _first_day(year: int, month: int) -> str:
    return datetime.date(year, month, 1).isoformat()


def _last_day(year: int, month: int) -> str:
    return datetime.date(year, month, calendar.monthrange(year, month)[1]).isoformat()


def _window(text: str, first: tuple[int, int], last: tuple[int, int],
            inherited: bool = False) -> TimeExpression:
    return TimeExpression(text=text, kind="window", start=_first_day(*first),
                          end=_last_day(*last), year_inherited=inherited)


def _year_or_context(match: regex.Match[str], context_year: int | None,
                     group: str = "year") -> tuple[int | None, bool]:
    if match.group(group):
        return int(match.group(group)), False
    return context_year, context_year is not None


def _numbers(text: str) -> list[str]:
    return regex.findall(r"\d+|IV|I{1,3}", text)


# ---------------------------------------------------------------- builders

def _quarters(match: regex.Match[str], context_year: int | None) -> TimeExpression | None:
    year, inherited = _year_or_context(match, context_year)
    if year is None:
        return None
    quarters = sorted(_quarter(q) for q in regex.findall(QUARTER, match.group("quarters")))
    if not regex.search(r"[-–]|đến", match.group("quarters")) and \
            any(b - a > 1 for a, b in pairwise(quarters)):
        # "Quý II và Quý IV/2026": two rounds in that year, as "Tháng 6 và tháng 11/2025" is
        return _rounds(match.group(0), year, [month for quarter in quarters
                                              for month in range(quarter * 3 - 2, quarter * 3 + 1)],
                       inherited)
    return _window(match.group(0), (year, quarters[0] * 3 - 2), (year, quarters[-1] * 3),
                   inherited)


def _rounds(text: str, year: int, months: list[int], inherited: bool) -> TimeExpression:
    """Rounds of work in the given months of one year."""
    return TimeExpression(text=text, kind="recurrence",
                          rrule="FREQ=YEARLY;BYMONTH=" + ",".join(map(str, months)),
                          start=_first_day(year, months[0]), end=_last_day(year, months[-1]),
                          year_inherited=inherited)


def _months(match: regex.Match[str], context_year: int | None) -> TimeExpression | None:
    year, inherited = _year_or_context(match, context_year)
    if year is None:
        return None
    months = sorted(int(m) for m in regex.findall(r"\d+", match.group("months")))
    if not all(1 <= m <= 12 for m in months):
        return None
    if "-" not in match.group("months") and any(b - a > 1 for a, b in pairwise(months)):
        # "Tháng 6 và tháng 11/2025": two rounds in that year, not the months between them.
        return _rounds(match.group(0), year, months, inherited)
    return _window(match.group(0), (year, months[0]), (year, months[-1]), inherited)


def _years(match: regex.Match[str], _: int | None) -> TimeExpression | None:
    years = sorted(int(y) for y in regex.findall(YEAR, match.group("years")))
    if years[-1] - years[0] > 30:
        return None
    return _window(match.group(0), (years[0], 1), (years[-1], 12))


def _year_list(match: regex.Match[str], _: int | None) -> TimeExpression | None:
    """"Năm 2014, 2015": the years together; years evenly apart, "năm 2027 và năm 2030": a
    round every so many years (here three) from the first to the last."""
    years = sorted({int(y) for y in regex.findall(YEAR, match.group("years"))})
    gaps = {later - earlier for earlier, later in pairwise(years)}
    if len(gaps) != 1 or gaps == {1} or years[-1] - years[0] > 30:
        return _years(match, None)
    return TimeExpression(text=match.group(0), kind="recurrence",
                          rrule=f"FREQ=YEARLY;INTERVAL={gaps.pop()}",
                          start=_first_day(years[0], 1), end=_last_day(years[-1], 12))


PARTS_OF_YEAR = {"đầu": (1, 3), "giữa": (4, 9), "cuối": (10, 12), "hè": (6, 8)}


def _part_of_year(match: regex.Match[str], context_year: int | None) -> TimeExpression | None:
    year, inherited = _year_or_context(match, context_year)
    if year is None:
        return None
    part = fold_tones(match.group("part")).casefold()
    first, last = PARTS_OF_YEAR[part]
    if match.group("half"):  # "6 tháng đầu năm", "6 tháng cuối năm"
        first, last = (1, 6) if part == "đầu" else (7, 12)
    return _window(match.group(0), (year, first), (year, last), inherited)


def _summer(match: regex.Match[str], context_year: int | None) -> TimeExpression | None:
    if context_year is None:
        return None
    first, last = PARTS_OF_YEAR["hè"]
    return _window(match.group(0), (context_year, first), (context_year, last), inherited=True)


def _point(match: regex.Match[str], context_year: int | None) -> TimeExpression | None:
    year, inherited = _year_or_context(match, context_year)
    if year is None:
        return None
    bound = "by" if match.group("by") else "on"
    try:
        day = datetime.date(year, int(match.group("month")), int(match.group("day"))).isoformat()
    except ValueError:
        day = None  # "31/6/2023": a deadline all the same, with no date that can exist
    return TimeExpression(text=match.group(0), kind="point", end=day, bound=bound,
                          year_inherited=inherited)


def _end_of_month(match: regex.Match[str], context_year: int | None) -> TimeExpression | None:
    year, inherited = _year_or_context(match, context_year)
    month = int(match.group("month"))
    if year is None or not 1 <= month <= 12:
        return None
    return TimeExpression(text=match.group(0), kind="point", end=_last_day(year, month),
                          bound="by", year_inherited=inherited)


def _end_of_year(match: regex.Match[str], _: int | None) -> TimeExpression | None:
    year = int(match.group("year"))
    return TimeExpression(text=match.group(0), kind="point", end=f"{year}-12-31", bound="by")


def _yearly_days(match: regex.Match[str], _: int | None) -> TimeExpression | None:
    pairs = regex.findall(rf"({DAY})\s*(?:/|\s+tháng\s+)\s*({MONTH})", match.group("days"))
    if not pairs:
        return None
    months = ",".join(str(int(m)) for _, m in pairs)
    days = ",".join(sorted({str(int(d)) for d, _ in pairs}, key=int))
    bound = "by" if match.group("by") else None
    return TimeExpression(text=match.group(0), kind="recurrence", bound=bound,
                          rrule=f"FREQ=YEARLY;BYMONTH={months};BYMONTHDAY={days}")


def _day_rounds(match: regex.Match[str], context_year: int | None) -> TimeExpression | None:
    pairs = regex.findall(rf"({DAY})\s*/\s*({MONTH})", match.group("days"))
    year, inherited = _year_or_context(match, context_year)
    if year is None or len({int(day) for day, _ in pairs}) > 1:
        return None  # different days: each date stands alone
    day, months = int(pairs[0][0]), [int(month) for _, month in pairs]
    if months != sorted(set(months)):
        return None
    try:
        first, last = datetime.date(year, months[0], day), datetime.date(year, months[-1], day)
    except ValueError:
        return None
    return TimeExpression(
        text=match.group(0), kind="recurrence", bound="by" if match.group("by") else None,
        rrule=f"FREQ=YEARLY;BYMONTH={','.join(map(str, months))};BYMONTHDAY={day}",
        start=first.isoformat(), end=last.isoformat(), year_inherited=inherited)


def _yearly_dates(text: str, found: Found) -> list[Found]:
    """"trước ngày 10/6 và ngày 05/12 hằng năm": two yearly deadlines, as one rule cannot say
    10 June and 5 December without also saying 5 June and 10 December. Dates sharing their
    day ("15/6 và 15/12") stay one."""
    rrule = dict(part.split("=") for part in found.value.rrule.split(";"))
    if "," not in rrule["BYMONTHDAY"]:
        return [found]
    dates = list(regex.finditer(rf"(?:ngày\s+)?({DAY})\s*(?:/|\s+tháng\s+)\s*({MONTH})",
                                text[found.start:found.end], regex.IGNORECASE))
    pieces = []
    for index, date in enumerate(dates):
        start = found.start if index == 0 else found.start + date.start()
        end = found.end if index == len(dates) - 1 else found.start + date.end()
        rule = f"FREQ=YEARLY;BYMONTH={int(date.group(2))};BYMONTHDAY={int(date.group(1))}"
        pieces.append(Found(start, end, found.value.model_copy(update={
            "text": text[start:end], "rrule": rule}), found.rule))
    return pieces


def _date_range(match: regex.Match[str], context_year: int | None) -> TimeExpression | None:
    year = int(match.group("year2")) if match.group("year2") else context_year
    first_year = int(match.group("year1")) if match.group("year1") else year
    if year is None or first_year is None:
        return None
    try:
        start = datetime.date(first_year, int(match.group("month1")), int(match.group("day1")))
        end = datetime.date(year, int(match.group("month2")), int(match.group("day2")))
    except ValueError:
        return None
    return TimeExpression(text=match.group(0), kind="window", start=start.isoformat(),
                          end=end.isoformat(), year_inherited=not match.group("year2"))


def _date_to_month(match: regex.Match[str], _: int | None) -> TimeExpression | None:
    year = int(match.group("year2"))
    first_year = int(match.group("year1")) if match.group("year1") else year
    try:
        start = datetime.date(first_year, int(match.group("month1")), int(match.group("day1")))
    except ValueError:
        return None
    return TimeExpression(text=match.group(0), kind="window", start=start.isoformat(),
                          end=_last_day(year, int(match.group("month2"))))


def _month_range(match: regex.Match[str], _: int | None) -> TimeExpression | None:
    end_year = int(match.group("year2"))
    first, last = int(match.group("month1")), int(match.group("month2"))
    start_year = int(match.group("year1")) if match.group("year1") else (
        end_year if first <= last else end_year - 1)
    if not (1 <= first <= 12 and 1 <= last <= 12):
        return None
    return _window(match.group(0), (start_year, first), (end_year, last))


def _yearly_months(match: regex.Match[str], _: int | None) -> TimeExpression | None:
    months = sorted({int(m) for m in regex.findall(r"\d+", match.group("months"))})
    if not all(1 <= m <= 12 for m in months):
        return None
    if "-" in match.group("months"):
        months = list(range(months[0], months[-1] + 1))  # "Tháng 10 - 11 hằng năm"
    return TimeExpression(text=match.group(0), kind="recurrence",
                          rrule="FREQ=YEARLY;BYMONTH=" + ",".join(map(str, months)))


def _same_month_rounds(match: regex.Match[str], _: int | None) -> TimeExpression | None:
    """One month in each of several years: a round a year, from the first to the last; two
    months of one year apart ("tháng 3/2026 và tháng 9/2026"): two rounds in that year."""
    month, first, last = int(match.group("month1")), int(match.group("year1")), \
        int(match.group("year2"))
    second = int(match.group("month2"))
    if first == last and month + 1 < second <= 12:
        return _rounds(match.group(0), first, [month, second], False)
    if second != month or not first < last:
        return None
    return TimeExpression(text=match.group(0), kind="recurrence",
                          rrule=f"FREQ=YEARLY;BYMONTH={month}", start=_first_day(first, month),
                          end=_last_day(last, month))


def _monthly_day(match: regex.Match[str], _: int | None) -> TimeExpression | None:
    bound = "by" if match.group("by") else None  # a rule's day ("vào ngày 15") bounds nothing
    return TimeExpression(text=match.group(0), kind="recurrence", bound=bound,
                          rrule=f"FREQ=MONTHLY;BYMONTHDAY={int(match.group('day'))}")


def _daily_hour(match: regex.Match[str], _: int | None) -> TimeExpression | None:
    return TimeExpression(text=match.group(0), kind="recurrence",
                          bound="by" if match.group("by") else None,
                          rrule=f"FREQ=DAILY{_by_hour(match)}")


def _by_hour(match: regex.Match[str]) -> str:
    """The rule's hour and minute ("15h30" -> ";BYHOUR=15;BYMINUTE=30"), an afternoon's or an
    evening's hour on the clock ("3 giờ chiều" -> 15); "" with no hour."""
    if not match.group("hour"):
        return ""
    hour, minute = int(match.group("hour")), int(match.group("minute") or 0)
    if hour < 12 and (match.group("part") or "").casefold() in {"chiều", "tối"}:
        hour += 12
    return f";BYHOUR={hour}" + (f";BYMINUTE={minute}" if minute else "")


def _school_term(match: regex.Match[str], _: int | None) -> TimeExpression | None:
    first = match.group("term") in {"I", "1"}
    year = match.group("year1") if first else match.group("year2")
    return TimeExpression(text=match.group(0), kind="window",
                          start=f"{year}-09-01" if first else f"{year}-01-01",
                          end=f"{year}-12-31" if first else f"{year}-05-31")


def _school_year(match: regex.Match[str], _: int | None) -> TimeExpression | None:
    if match.group("opening"):  # "đầu năm học 2026 - 2027": its first three months
        return TimeExpression(text=match.group(0), kind="window",
                              start=f"{match.group('year1')}-09-01",
                              end=f"{match.group('year1')}-11-30")
    return TimeExpression(text=match.group(0), kind="window",
                          start=f"{match.group('year1')}-09-01",
                          # "Từ năm học 2025 - 2026": from its start on
                          end=None if match.group("since") else f"{match.group('year2')}-05-31")


def _onward(match: regex.Match[str], _: int | None) -> TimeExpression | None:
    return TimeExpression(text=match.group(0), kind="window",
                          start=_first_day(int(match.group("year")), 1))


def _crop_season(match: regex.Match[str], _: int | None) -> TimeExpression | None:
    first, last = vocabulary()["crop_seasons"][match_key(match.group("season"))]
    year1, year2 = int(match.group("year1")), int(match.group("year2"))
    if year2 != year1 + 1:
        return None
    return _window(match.group(0), (year1, first), (year2, last))


def _lunar_year(stem: str, branch: str, near: int) -> int | None:
    """The year nearest ``near`` whose sexagenary name is ``stem branch`` ("Bính Ngọ": 2026)."""
    branch = {"Mẹo": "Mão", "Tị": "Tỵ"}.get(branch, branch)
    folded = {fold_tones(name).casefold(): i for i, name in enumerate(STEMS)}
    folded_branches = {fold_tones(name).casefold(): i for i, name in enumerate(BRANCHES)}
    want = (folded[fold_tones(stem).casefold()], folded_branches[fold_tones(branch).casefold()])
    return next((year for year in sorted(range(near - 30, near + 31), key=lambda y: abs(y - near))
                 if ((year - 4) % 10, (year - 4) % 12) == want), None)


def _lunar_festival(match: regex.Match[str],
                    context_year: int | None) -> TimeExpression | None:
    """"trước Tết Nguyên đán 2026" (by that day), "nhân dịp Tết Trung thu" (on it)."""
    inherited = match.group("year") is None
    year = int(match.group("year")) if not inherited else context_year
    if inherited and match.group("stem") and context_year:
        # "trước Tết Nguyên đán Bính Ngọ" in a plan of 2025: the Tết of 2026
        year = _lunar_year(match.group("stem"), match.group("branch"), context_year)
        inherited = False
    festival = vocabulary()["lunar_festivals"][match_key(match.group("festival"))]
    day = vocabulary()[festival].get(str(year)) if year else None
    if day is None:
        return None
    return TimeExpression(text=match.group(0), kind="point", end=day,
                          bound="by" if match.group("by") else "on", year_inherited=inherited)


def _monthly_day_in_months(match: regex.Match[str],
                           context_year: int | None) -> TimeExpression | None:
    """"trước ngày 25 hằng tháng từ tháng 5 đến tháng 8": in those months of the plan's year."""
    value = _monthly_day(match, context_year)
    year, inherited = _year_or_context(match, context_year)
    first, last = int(match.group("month1")), int(match.group("month2"))
    if year is None or not first <= last:
        return value
    return value.model_copy(update={"start": _first_day(year, first), "end": _last_day(year, last),
                                    "year_inherited": inherited})


WEEKDAYS = {"thứ hai": "MO", "thứ ba": "TU", "thứ tư": "WE", "thứ năm": "TH", "thứ sáu": "FR",
            "thứ bảy": "SA", "chủ nhật": "SU"}
WEEKDAY = "(?:" + "|".join(day.replace(" ", r"\s+") for day in WEEKDAYS) + ")"
WHICH_WEEK = {"cuối cùng": -1, "cuối": -1, "đầu tiên": 1, "đầu": 1, "nhất": 1, "hai": 2, "ba": 3,
              "tư": 4}


def _week_of_month(match: regex.Match[str], context_year: int | None) -> TimeExpression | None:
    year, inherited = _year_or_context(match, context_year)
    month = int(match.group("month"))
    if year is None or not 1 <= month <= 12:
        return None
    which = regex.sub(r"^thứ\s+|\s+", " ", match.group("which").casefold()).strip()
    number = -1 if which.startswith("cuối") else 1 if which.startswith("đầu") else \
        WHICH_WEEK.get(which)
    if number is None:
        return None
    last = int(_last_day(year, month)[8:10])
    first = last - 6 if number < 0 else (number - 1) * 7 + 1
    return TimeExpression(text=match.group(0), kind="window",
                          start=f"{year:04d}-{month:02d}-{first:02d}",
                          end=f"{year:04d}-{month:02d}-{min(first + 6, last):02d}",
                          year_inherited=inherited)


def _weekday(match: regex.Match[str], _: int | None) -> TimeExpression | None:
    """"Chủ nhật cuối cùng hằng tháng" -> FREQ=MONTHLY;BYDAY=-1SU; "thứ sáu hằng tuần"."""
    day = ",".join(WEEKDAYS[regex.sub(r"\s+", " ", found.casefold())]
                   for found in regex.findall(WEEKDAY, match.group("weekday"), regex.IGNORECASE))
    which = match.group("which")
    if which and "," in day:
        return None  # "thứ hai và thứ năm cuối cùng hằng tháng": left unread
    hour = _by_hour(match)  # "trước 15 giờ thứ Năm hằng tuần": by that hour of the day
    bound = "by" if match.group("by") else None
    if match.group("unit").casefold() == "tuần" or not which:
        freq = "WEEKLY" if match.group("unit").casefold() == "tuần" else "MONTHLY"
        return TimeExpression(text=match.group(0), kind="recurrence", bound=bound,
                              rrule=f"FREQ={freq};BYDAY={day}{hour}")
    last_word = regex.sub(r"^(?:tuần\s+)?thứ\s+", "", regex.sub(r"\s+", " ", which.casefold()))
    number = int(last_word) if last_word.isdigit() else WHICH_WEEK.get(last_word)
    if number is None:
        return None
    return TimeExpression(text=match.group(0), kind="recurrence", bound=bound,
                          rrule=f"FREQ=MONTHLY;BYDAY={number}{day}{hour}")


def _quarter_range(match: regex.Match[str], _: int | None) -> TimeExpression | None:
    """"Từ Quý II đến Quý IV/2026": from the first quarter's start to the last one's end."""
    first_year = int(match.group("year1") or match.group("year2"))
    last_year = int(match.group("year2"))
    first, last = _quarter(match.group("quarter1")), _quarter(match.group("quarter2"))
    if (first_year, first) > (last_year, last):
        return None
    return _window(match.group(0), (first_year, first * 3 - 2), (last_year, last * 3), False)


def _before_quarter(match: regex.Match[str], _: int | None) -> TimeExpression | None:
    year, quarter = int(match.group("year")), _quarter(match.group("quarter"))
    day = datetime.date(year, quarter * 3 - 2, 1) - datetime.timedelta(days=1)
    return TimeExpression(text=match.group(0), kind="point", end=day.isoformat(), bound="by")


def _open_from(match: regex.Match[str], context_year: int | None) -> TimeExpression | None:
    start = parse(match.group("from"), context_year)
    if start is None or not (start.start or start.end):
        return None
    return TimeExpression(text=match.group(0), kind="window", start=start.start or start.end,
                          year_inherited=start.year_inherited)


def _this_year(match: regex.Match[str], context_year: int | None) -> TimeExpression | None:
    if context_year is None:
        return None
    return _window(match.group(0), (context_year, 1), (context_year, 12), inherited=True)


def _whole_year(match: regex.Match[str], context_year: int | None) -> TimeExpression | None:
    if match.group("year") is None:
        return _this_year(match, context_year)
    year = int(match.group("year"))
    return _window(match.group(0), (year, 1), (year, 12))


def _yearly_part(match: regex.Match[str], _: int | None) -> TimeExpression | None:
    first, last = PARTS_OF_YEAR[fold_tones(match.group("part")).casefold()]
    return TimeExpression(text=match.group(0), kind="recurrence",
                          rrule=f"FREQ=YEARLY;BYMONTH={_months_from(first, last)}")


def _quarter_end_day(match: regex.Match[str], _: int | None) -> TimeExpression | None:
    """"trước ngày 20 của tháng cuối quý" (months 3, 6, 9, 12); "trước ngày 15 của tháng đầu
    quý sau" (months 1, 4, 7, 10)."""
    months = "3,6,9,12" if match.group("which").casefold() == "cuối" else "1,4,7,10"
    return TimeExpression(text=match.group(0), kind="recurrence", bound="by",
                          rrule=f"FREQ=YEARLY;BYMONTH={months};BYMONTHDAY={int(match.group('day'))}")


def _yearly_quarter(match: regex.Match[str], _: int | None) -> TimeExpression | None:
    quarter = _quarter(match.group("quarter"))
    return TimeExpression(text=match.group(0), kind="recurrence",
                          rrule=f"FREQ=YEARLY;BYMONTH={_months_from(quarter * 3 - 2, quarter * 3)}")


def _yearly_from(match: regex.Match[str], context_year: int | None) -> TimeExpression | None:
    start = parse(match.group("from"), context_year)
    if start is None or not start.start:
        return None
    return TimeExpression(text=match.group(0), kind="recurrence", rrule="FREQ=YEARLY",
                          start=start.start, year_inherited=start.year_inherited)


def _periodic(match: regex.Match[str], _: int | None) -> TimeExpression | None:
    unit = fold_tones(match.group("unit")).casefold()
    count = int(match.group("count")) if match.group("count") else 1
    freq, interval = {
        "năm": ("YEARLY", count), "tháng": ("MONTHLY", count), "quý": ("MONTHLY", 3 * count),
        "tuần": ("WEEKLY", count), "ngày": ("DAILY", count),
    }[unit]
    rrule = f"FREQ={freq}" + (f";INTERVAL={interval}" if interval > 1 else "")
    return TimeExpression(text=match.group(0), kind="recurrence", rrule=rrule)


def _times_a_year(match: regex.Match[str], _: int | None) -> TimeExpression | None:
    """"02 đợt/năm": a round every six months."""
    count = int(match.group("count"))
    if count < 1 or 12 % count:
        return None
    interval = 12 // count
    rrule = "FREQ=YEARLY" if interval == 12 else "FREQ=MONTHLY" + (
        f";INTERVAL={interval}" if interval > 1 else "")
    return TimeExpression(text=match.group(0), kind="recurrence", rrule=rrule)


def _duration(match: regex.Match[str], _: int | None) -> TimeExpression | None:
    count = int(match.group("count"))
    unit = fold_tones(match.group("unit")).casefold()
    working = "làm việc" in unit
    iso = {"giờ": f"PT{count}H", "tháng": f"P{count}M", "năm": f"P{count}Y",
           "tuần": f"P{count}W"}.get(unit.split()[0], f"P{count}D")
    anchor = (match.group("anchor") or "").strip(" ,.;") or None
    return TimeExpression(text=match.group(0).rstrip(" ,.;"), kind="duration", duration=iso,
                          working_days=working, anchor=anchor)


def _same_day(match: regex.Match[str], _: int | None) -> TimeExpression | None:
    return TimeExpression(text=match.group(0), kind="duration", duration="P1D",
                          working_days=False)


def _unspecified(match: regex.Match[str], _: int | None) -> TimeExpression | None:
    text = match.group(0).strip(" .;,")
    return TimeExpression(text=text, kind="unspecified", reason=text)


# ---------------------------------------------------------------- rules, longest first

def _rule(name: str, pattern: str, build, *examples: str) -> Rule:
    return Rule(name, regex.compile(pattern, regex.IGNORECASE), build, list(examples))


# An hour of the day: "16 giờ", "15h30", "15 giờ 30 phút".
HOUR = (r"(?<!\d)(?P<hour>[01]?\d|2[0-3])\s*(?:giờ|h)(?:\s*(?P<minute>[0-5]\d)(?:\s*phút)?)?"
        r"(?:\s+(?P<part>sáng|chiều|tối)\b)?")

RULES: list[Rule] = [
    _rule("yearly_days",
          rf"(?:định kỳ,?\s*)?(?P<by>{BY_WORDS}\s+)?(?P<days>(?:ngày\s+)?{DAY}\s*(?:/|\s+tháng\s+)"
          rf"\s*{MONTH}(?:\s*(?:,|và)\s*(?:ngày\s+)?{DAY}\s*(?:/|\s+tháng\s+)\s*{MONTH})*)"
          rf"\s*,?\s*{EVERY_YEAR}",
          _yearly_days, "trước ngày 15/6 và ngày 15/12 hàng năm", "trước 15 tháng 12 hàng năm"),
    _rule("date_range",
          rf"(?:từ\s+(?:ngày\s+)?(?P<day1>{DAY})\s*/\s*(?P<month1>{MONTH})(?:\s*/\s*(?P<year1>{YEAR}))?"
          rf"\s+(?:đến|tới)\s+(?:hết\s+)?(?:ngày\s+)?(?P<day2>{DAY})\s*/\s*(?P<month2>{MONTH})"
          rf"(?:\s*/\s*(?P<year2>{YEAR}))?"
          # "26/6/2026 - 30/6/2026", "10/11 - 10/12/2025": two dates joined by a dash, the
          # second whole
          rf"|(?<![\d/])(?P<day1>{DAY})\s*/\s*(?P<month1>{MONTH})(?:\s*/\s*(?P<year1>{YEAR}))?"
          rf"\s*[-–]\s*(?P<day2>{DAY})\s*/\s*(?P<month2>{MONTH})\s*/\s*(?P<year2>{YEAR}))",
          _date_range, "từ ngày 01/11 đến ngày 30/11/2025", "26/6/2026 - 30/6/2026",
          "10/11 - 10/12/2025"),
    _rule("date_to_month",
          rf"từ\s+(?:ngày\s+)?(?P<day1>{DAY})\s*/\s*(?P<month1>{MONTH})(?:\s*/\s*(?P<year1>{YEAR}))?"
          rf"\s+(?:đến|tới)\s+(?:hết\s+)?tháng\s+(?P<month2>{MONTH}){SEP}(?P<year2>{YEAR})",
          _date_to_month, "Từ 15/12/2023 đến hết tháng 02/2024"),
    _rule("month_range",
          rf"(?:từ\s+)?tháng\s+(?P<month1>{MONTH})(?:{SEP}(?P<year1>{YEAR}))?\s+(?:đến|tới)\s+"
          rf"(?:hết\s+)?tháng\s+(?P<month2>{MONTH}){SEP}(?P<year2>{YEAR})", _month_range,
          "tháng 10 năm 2025 đến tháng 3 năm 2026"),
    _rule("quarter_range",
          rf"(?:từ\s+)?quý\s+(?P<quarter1>{QUARTER})(?:{SEP}(?P<year1>{YEAR}))?\s+(?:đến|tới)\s+"
          rf"(?:hết\s+)?quý\s+(?P<quarter2>{QUARTER}){SEP}(?P<year2>{YEAR})", _quarter_range,
          "Từ Quý II đến Quý IV/2026"),
    _rule("quarter_end_day",
          rf"(?:(?:định kỳ\s+)?(?:hàng|hằng|mỗi)\s+quý\s*,?\s*)?{BY_WORDS}\s+ngày\s+"
          rf"(?P<day>{DAY})\s+(?:của\s+)?tháng\s+(?:(?P<which>cuối)\s+(?:mỗi\s+)?quý"
          r"|(?P<which>đầu)\s+(?:của\s+)?quý\s+(?:sau|kế\s+tiếp|tiếp\s+theo))", _quarter_end_day,
          "định kỳ hằng quý trước ngày 15 của tháng cuối quý",
          "hằng quý, trước ngày 15 của tháng đầu quý sau"),
    _rule("yearly_months",
          rf"tháng\s+(?P<months>{MONTH}(?:\s*(?:,|và|-)\s*(?:tháng\s+)?{MONTH})*)\s*,?\s*"
          rf"{EVERY_YEAR}", _yearly_months, "tháng 6 và tháng 11 hằng năm",
          "Tháng 10 - 11 hằng năm"),
    _rule("same_month_rounds",
          rf"tháng\s+(?P<month1>{MONTH}){SEP}(?P<year1>{YEAR})\s*(?:,|;|và|,\s*và)\s*"
          rf"tháng\s+(?P<month2>{MONTH}){SEP}(?P<year2>{YEAR})", _same_month_rounds,
          "Tháng 12/2025, tháng 12/2026", "tháng 12/2025 và tháng 12/2026",
          "tháng 3/2026 và tháng 9/2026"),
    _rule("monthly_day_in_months",
          rf"(?P<by>{BY_WORDS}\s+)?ngày\s+(?P<day>{DAY})\s+(?:hàng|hằng)\s+tháng\s*,?\s*"
          rf"từ\s+tháng\s+(?P<month1>{MONTH})\s+(?:đến|tới)\s+(?:hết\s+)?tháng\s+(?P<month2>{MONTH})"
          rf"(?:{SEP}(?P<year>{YEAR}))?(?![\d/])", _monthly_day_in_months,
          "trước ngày 25 hằng tháng từ tháng 5 đến tháng 8"),
    _rule("monthly_day",
          rf"(?:định kỳ\s*,?\s*(?:vào\s+)?)?(?P<by>{BY_WORDS}\s+)?ngày\s+(?P<day>{DAY})\s+"
          r"(?:hàng|hằng)\s+tháng"
          # the month first: "định kỳ hằng tháng trước ngày 20"
          rf"|(?:định kỳ\s+)?(?:hàng|hằng|mỗi)\s+tháng\s*,?\s*(?P<by>{BY_WORDS}\s+)ngày\s+"
          rf"(?P<day>{DAY})(?!\s*[/\d]|\s+tháng)"
          # the month after the one reported on: "trước ngày 05 của tháng sau"
          rf"|(?P<by>{BY_WORDS}\s+)ngày\s+(?P<day>{DAY})\s+(?:của\s+)?tháng\s+(?:sau|kế tiếp)",
          _monthly_day, "trước ngày 20 hằng tháng", "định kỳ hằng tháng trước ngày 20",
          "định kỳ trước ngày 25 hằng tháng", "định kỳ vào ngày 15 hằng tháng",
          "trước ngày 05 của tháng sau"),
    _rule("lunar_festival",
          # "nhân dịp Tết Trung thu", a cell's "Dịp Tết Trung thu"; not a work's topic ("kiểm
          # tra an toàn thực phẩm dịp Tết Nguyên đán")
          # "trước, trong và sau Tết Nguyên đán": the days round the festival, on its day
          rf"(?:trước\s*,\s*trong\s+và\s+sau\s+(?:dịp\s+)?"
          rf"|(?P<by>{BY_WORDS})\s+(?:dịp\s+)?"
          rf"|(?:(?<=(?<!\p{{L}})(?:nhân|trong|vào|và)\s+)|(?<![\p{{L}}\d]\s*))dịp\s+)"
          rf"Tết\s+(?P<festival>{'|'.join(vocabulary()['lunar_festivals'])})"
          rf"(?:\s+{CAN_CHI})?(?:\s+(?:năm\s+)?(?P<year>{YEAR}))?",
          _lunar_festival, "trước Tết Nguyên đán Bính Ngọ năm 2026", "Trước Tết Nguyên đán 2026",
          "dịp Tết Trung thu năm 2024", "dịp Tết Nguyên đán Bính Ngọ",
          "Trước, trong và sau Tết Nguyên đán Ất Tỵ 2025"),
    # a school year runs from September to May, its second term from January: "Năm học
    # 2023-2024", "học kỳ II năm học 2021 - 2022"
    _rule("school_term",
          rf"học\s+kỳ\s+(?P<term>II|I|2|1)\s+(?:của\s+)?năm\s+học\s+(?P<year1>{YEAR})\s*[-–—/]\s*"
          rf"(?P<year2>{YEAR})", _school_term, "học kỳ II năm học 2021 - 2022",
          "học kỳ I năm học 2025-2026"),
    _rule("school_year",
          rf"(?P<since>(?:bắt đầu\s+)?từ\s+)?(?P<opening>đầu\s+)?năm\s+học\s+(?P<year1>{YEAR})"
          rf"\s*[-–—/]\s*(?P<year2>{YEAR})(?(since)(?!\s*(?:đến|tới)\b))", _school_year,
          "Năm học 2023-2024", "năm học 2025 - 2026", "Từ năm học 2025 - 2026",
          "đầu năm học 2026 - 2027"),
    # a crop season over the turn of the year: "vụ Đông Xuân 2023-2024"
    _rule("crop_season",
          rf"vụ\s+(?P<season>{'|'.join(vocabulary()['crop_seasons'])})\s+(?:năm\s+)?"
          rf"(?P<year1>{YEAR})\s*[-–—/]\s*(?P<year2>{YEAR})", _crop_season,
          "Vụ Đông Xuân 2023-2024", "vụ đông xuân năm 2025 - 2026"),
    _rule("daily_hour",
          rf"(?P<by>{BY_WORDS}\s+)?{HOUR}\s*,?\s*(?:hàng|hằng|mỗi)\s+ngày"
          # the day first: "hằng ngày trước 16 giờ"
          rf"|(?:hàng|hằng|mỗi)\s+ngày\s*,?\s*(?P<by>{BY_WORDS}\s+){HOUR}",
          _daily_hour, "trước 16 giờ hằng ngày", "trước 15h30 hằng ngày",
          "hằng ngày trước 16 giờ"),
    _rule("weekday",
          rf"(?P<by>{BY_WORDS}\s+)?(?:{HOUR}\s*,?\s*(?:ngày\s+)?)?"
          # "sáng thứ ba và thứ năm hằng tuần": a part of the day, several days
          r"(?:(?:sáng|chiều|tối)\s+)?"
          rf"(?P<weekday>{WEEKDAY}(?:\s*(?:,|và)\s*{WEEKDAY})*)\s+(?:(?P<which>cuối\s+cùng|"
          r"đầu\s+tiên|(?:tuần\s+)?thứ\s+(?:nhất|hai|ba|tư|\d))\s+)?(?:của\s+)?"
          r"(?:hàng|hằng|mỗi)\s+(?P<unit>tháng|tuần)"
          # the week first: "hằng tuần vào sáng thứ Bảy"
          rf"|(?:hàng|hằng|mỗi)\s+(?P<unit>tuần)\s*,?\s*(?:vào\s+)?(?:(?:sáng|chiều|tối)\s+)?"
          rf"(?:ngày\s+)?(?P<weekday>{WEEKDAY}(?:\s*(?:,|và)\s*{WEEKDAY})*)"
          # a day of every month's last or first week, said once: "ngày Chủ nhật cuối tháng"
          # (not "Chủ nhật cuối tháng 3", one day)
          rf"|(?:ngày\s+)?(?P<weekday>{WEEKDAY})\s+(?P<which>cuối|đầu)\s+(?:của\s+)?"
          r"(?:(?:hàng|hằng|mỗi)\s+)?(?P<unit>tháng)(?!\s*\d)", _weekday,
          "Chủ nhật cuối cùng hằng tháng", "Chủ nhật tuần thứ hai hằng tháng", "thứ sáu hằng tuần",
          "trước 15 giờ thứ Năm hằng tuần", "sáng thứ ba và thứ năm hằng tuần",
          "hằng tuần vào sáng thứ Bảy", "ngày Chủ nhật cuối tháng"),
    # "Tuần đầu tháng 6/2025": the first seven days of the month
    _rule("week_of_month",
          rf"tuần\s+(?P<which>đầu(?:\s+tiên)?|thứ\s+(?:nhất|hai|ba|tư)|cuối(?:\s+cùng)?)\s+"
          rf"(?:của\s+)?tháng\s+(?P<month>{MONTH})(?:{SEP}(?P<year>{YEAR}))?(?![\d/])",
          _week_of_month, "Tuần đầu tháng 6/2025", "tuần cuối tháng 12/2025"),
    _rule("before_quarter", rf"trước\s+quý\s+(?P<quarter>{QUARTER}){SEP}(?P<year>{YEAR})",
          _before_quarter, "trước Quý IV/2024"),
    _rule("yearly_quarter", rf"quý\s+(?P<quarter>{QUARTER})\s*,?\s*{EVERY_YEAR}",
          _yearly_quarter, "Quý IV hàng năm"),
    _rule("yearly_from",
          rf"{EVERY_YEAR}\s*,?\s*(?:bắt đầu\s+)?từ\s+(?P<from>(?:quý\s+{QUARTER}|tháng\s+{MONTH})"
          rf"{SEP}{YEAR}|năm\s+{YEAR})",
          _yearly_from, "Hàng năm, từ Quý III/2022", "Hàng năm bắt đầu từ năm 2023"),
    _rule("open_from",
          rf"từ\s+(?P<from>(?:quý\s+{QUARTER}|tháng\s+{MONTH}){SEP}{YEAR}|năm\s+{YEAR}|"
          rf"ngày\s+{DAY}\s*/\s*{MONTH}\s*/\s*{YEAR})"
          rf"(?!\s*(?:[-–—]|đến|tới))", _open_from, "từ Quý III/2024", "từ ngày 01/9/2025"),
    _rule("duration",
          r"(?:trong\s+(?:thời\s+hạn|vòng)\s+|chậm nhất\s+(?:là\s+)?|sau\s+|"
          # counted back from an event: "trước 15 ngày tính đến ngày giao quân"
          r"trước\s+(?=\d+\s+(?:ngày làm việc|ngày|tuần|tháng)\s+tính\s+đến\s))"
          r"(?P<count>\d+)\s+(?P<unit>ngày làm việc|ngày|giờ|tuần|tháng|năm)"
          # the anchor ends where the sentence goes on: "kể từ khi phát hiện về UBND huyện"
          r"(?:\s*(?:,\s*)?(?:kể từ|tính từ|tính đến|sau khi)\s+"
          r"(?P<anchor>[^,;.()\t\n]{3,120}?)"
          r"(?=\s+(?:về|cho|đến|lên|để|tới)\s|\s*[,;.()\t\n]|$))?",
          _duration, "Trong thời hạn 10 ngày làm việc kể từ khi nhận đủ hồ sơ hợp lệ",
          "trước 15 ngày tính đến ngày giao quân"),
    # "báo cáo nhanh ... ngay trong ngày": within the day of the event the sentence opens on
    _rule("same_day",
          r"(?:ngay\s+)?trong\s+ngày(?=\s*[.;,)]|\s*$)"
          # "báo cáo ngay trong ngày về UBND phường": a report sent within the day
          r"|(?<=(?:báo\s+cáo|gửi)[^.;]{0,60})(?:ngay\s+)?trong\s+ngày(?=\s+(?:về|lên|cho)\s)",
          _same_day,
          "ngay trong ngày"),
    _rule("years",
          rf"(?:(?:giai đoạn|từ(?:\s+năm)?|năm)\s+)?(?P<years>{YEAR}\s*(?:[-–—]|đến(?:\s+năm)?)"
          rf"\s*{YEAR})", _years, "2023 - 2025", "Từ năm 2016 đến 2020", "giai đoạn 2021-2025"),
    _rule("year_list", rf"năm\s+(?P<years>{YEAR}(?:\s*(?:,|và)\s*{YEAR})+|"
          rf"{YEAR}\s+và\s+năm\s+{YEAR})",
          _year_list, "Năm 2014, 2015", "năm 2027 và năm 2030"),
    _rule("quarters",
          rf"(?:(?:các|trong)\s+)?quý\s+(?P<quarters>{QUARTER}"
          rf"(?:\s*(?:,|và|-)\s*(?:quý\s+)?{QUARTER})*)(?:{SEP}(?P<year>{YEAR}))?", _quarters,
          "Quý III/2022", "Quý 3 năm 2013", "Quý III, IV năm 2023", "Các Quý I, II, III/2018",
          "Quý II, Quý III/2024"),
    _rule("end_of_year", rf"(?:đến\s+hết|hết|đến\s+cuối)\s+năm\s+(?P<year>{YEAR})", _end_of_year,
          "Đến hết năm 2025"),
    _rule("end_of_month",
          rf"(?:đến\s+hết|hết|trước\s+hết|đến\s+cuối)\s+tháng\s+(?P<month>{MONTH})"
          rf"(?:{SEP}(?P<year>{YEAR}))?", _end_of_month, "Đến hết tháng 10/2013"),
    # the same day of months apart, the year given once or not at all: "trước ngày 10/6 và
    # 10/12" is two rounds, as "Tháng 6 và tháng 12/2024" is
    _rule("day_rounds",
          rf"(?P<by>{BY_WORDS}\s+)?(?P<days>(?:ngày\s+)?{DAY}\s*/\s*{MONTH}"
          rf"(?:\s*(?:,|và)\s*(?:ngày\s+)?{DAY}\s*/\s*{MONTH})+)"
          rf"(?:\s*/\s*(?P<year>{YEAR}))?(?![\d/])",
          _day_rounds, "trước ngày 10/6 và 10/12", "ngày 15/3 và 15/9/2026"),
    _rule("point",
          rf"(?P<by>{BY_WORDS}\s+)?(?:ngày\s+)?(?P<day>{DAY})\s*(?:/|\s+tháng\s+)\s*"
          rf"(?P<month>{MONTH})(?:\s*(?:/|\s+năm\s+)\s*(?P<year>{YEAR}))?(?![\d/])",
          _point, "trước ngày 30/10/2024", "ngày 15 tháng 12 năm 2022"),
    _rule("months",
          rf"tháng\s+(?P<months>{MONTH}(?:\s*(?:,|và|-)\s*(?:tháng\s+)?{MONTH})*)"
          rf"(?:{SEP}(?P<year>{YEAR}))?(?![\d/])", _months, "tháng 10/2018", "Tháng 3, 4/2018",
          "Tháng 6 và tháng 11/2025"),
    # a season every year; not "đầu hằng năm" ("người đứng đầu hằng năm ...": a head)
    _rule("yearly_part", rf"(?P<part>hè)\s+{EVERY_YEAR}", _yearly_part, "hè hằng năm"),
    _rule("part_of_year",
          rf"(?P<half>6\s+tháng\s+)?(?P<part>cuối|đầu|giữa|hè)\s+(?:năm\s*(?P<year>{YEAR})?|"
          rf"(?P<year>{YEAR}))",
          _part_of_year, "Cuối 2015", "hè năm 2018", "6 tháng đầu năm 2024"),
    # "Trong dịp hè": the summer of the plan's year
    _rule("summer", r"(?:dịp|thời gian)\s+(?:nghỉ\s+)?hè(?!\s+(?:năm|hằng|hàng|mỗi))",
          _summer, "dịp hè", "thời gian nghỉ hè"),
    # a year and every one after it: "Năm 2025 và các năm tiếp theo"
    _rule("onward", rf"năm\s+(?P<year>{YEAR})\s+và\s+(?:các|những)\s+năm\s+(?:tiếp\s+theo|sau)",
          _onward, "Năm 2025 và các năm tiếp theo"),
    _rule("year", rf"năm\s+(?P<years>{YEAR})", _years, "Năm 2020"),
    _rule("periodic",
          r"(?:theo\s+)?(?:định kỳ\s*,?\s*(?:(?P<count>\d+)\s+|(?:hàng|hằng|mỗi)\s+)|"
          r"(?:hàng|hằng|mỗi|từng)\s+)(?P<unit>năm|tháng|quý|tuần|ngày)(?!\s+học)"
          r"(?:\s*(?:,|và)\s*từng\s+giai\s+đoạn)?",
          _periodic, "Hàng năm", "định kỳ 6 tháng", "định kỳ hằng năm", "mỗi năm",
          "Theo từng năm, từng giai đoạn"),
    # not a count of rounds a year: "tiêm phòng tập trung 02 đợt chính trong năm"
    _rule("this_year", r"(?<!\d+\s+(?:đợt|lần|kỳ)(?:\s+\p{L}+)?\s+)"
          rf"trong\s+năm(?!\s+(?:{YEAR}|học|nay|trước|qua))", _this_year, "trong năm"),
    # not "khám sức khỏe định kỳ", "khám thai định kỳ": kinds of check-up; nor "sinh hoạt định
    # kỳ": a kind of meeting
    _rule("irregular", r"(?:(?<!sức\s+\p{L}+\s+|\bkhám(?:\s+\p{L}+){0,2}\s+|sinh\s+hoạt\s+)"
          r"định kỳ"
          r"(?:\s*,\s*đột xuất)?|"
          r"đột xuất(?:\s+khi có yêu cầu)?)",
          _unspecified, "định kỳ, đột xuất"),
]
CELL_ONLY_RULES: list[Rule] = [
    _rule("unspecified",
          r"^(?:theo\s+(?:hướng dẫn|quy định|kế hoạch|chỉ đạo|yêu cầu|tiến độ|từng(?!\s+năm)|"
          r"thời gian tổ chức)"
          r"|thường xuyên|(?:ngay\s+)?khi\s+có\s+(?:yêu cầu|cảnh báo|chỉ đạo|dịch|sự cố)|liên tục)"
          r"[^;\t\n]*", _unspecified,
          "Theo hướng dẫn của Bộ Giáo dục và Đào tạo", "Thường xuyên", "Ngay khi có cảnh báo"),
    _rule("bare_years", rf"^(?P<years>{YEAR}(?:\s*[-–—]\s*{YEAR})?)$", _years,
          "2023", "2023 - 2025"),
    _rule("whole_year", rf"^(?:cả|suốt)\s+năm(?:\s+(?P<year>{YEAR}))?$", _whole_year, "Cả năm",
          "Cả năm 2026"),
    # A time column's "02 đợt/năm"; in prose such counts belong to targets ("01 lần/năm").
    _rule("times_a_year", r"^(?P<count>\d+)\s+(?:đợt|lần|kỳ)\s*/\s*năm$", _times_a_year,
          "02 đợt/năm"),
]


# A line that only names a phase of the plan and its years, not when work is due: "Giai đoạn
# 1: Từ năm 2021 - 2025".
PHASE_ONLY = regex.compile(
    r"^\s*(?:[-+•]\s*)?Giai đoạn\s+(?:\d+|[IVX]+)\s*:?\s*(?:\(?(?:[Tt]ừ\s+)?(?:năm\s+)?"
    r"\d{4}\s*(?:-|–|đến)\s*(?:năm\s+)?\d{4}\)?)?\s*[.;]?\s*$")

# Every rule needs a digit or one of these words: lines with neither are skipped at once.
MAY_HOLD_TIME = regex.compile(r"\d|năm|tháng|quý|tuần|ngày|định kỳ|đột xuất|tết|hè",
                              regex.IGNORECASE)


LISTED = regex.compile(r"\s*(?:,|và|,\s*và)\s*")


def find_time_expressions(text: str, context_year: int | None = None) -> list[Found]:
    """Every time expression in ``text`` (longest first, no overlaps), in order."""
    if not MAY_HOLD_TIME.search(text):
        return []
    folded = fold_tones(text)
    found: list[Found] = []
    for rule in RULES:
        for match in rule.pattern.finditer(folded):
            if any(match.start() < f.end and f.start < match.end() for f in found):
                continue
            value = rule.build(_original(match, text), context_year)
            if value is None:
                continue
            item = Found(match.start(), match.end(), value, rule.name)
            found.extend(_yearly_dates(text, item) if rule.name == "yearly_days" else [item])
    found.sort(key=lambda f: f.start)
    # "trước ngày 10/01/2025 và ngày 05/6/2025": the "trước" holds for both dates.
    for before, after in pairwise(found):
        if before.value.bound == "by" and after.value.kind == "point" and \
                after.value.bound == "on" and LISTED.fullmatch(text[before.end:after.start]):
            after.value = after.value.model_copy(update={"bound": "by"})
    return _restated(text, _bounded_rounds(text, found))


def _bounded_rounds(text: str, found: list[Found]) -> list[Found]:
    """A schedule and the span it keeps to, written one after the other: "hằng ngày từ tháng
    11/2025 đến hết tháng 4/2026" is one daily rule from November to April, and so is "hằng
    ngày trước 16 giờ trong thời gian cao điểm (tháng 3 - 4/2026)" in March and April."""
    kept: list[Found] = []
    for item in found:
        last = kept[-1] if kept else None
        if last is not None and last.value.kind == "recurrence" and last.value.start is None \
                and last.value.end is None and item.value.kind == "window" and (
                    (not text[last.end:item.start].strip() and
                     regex.match(r"(?i)từ\b", item.value.text)) or
                    PEAK_BEFORE_BRACKET.fullmatch(text, last.end, item.start)):
            end = item.end + (text[item.end:item.end + 1] == ")")
            value = last.value.model_copy(update={
                "text": text[last.start:end], "start": item.value.start,
                "end": item.value.end, "year_inherited": item.value.year_inherited})
            kept[-1] = Found(last.start, end, value, last.rule)
            continue
        kept.append(item)
    return kept


def _restated(text: str, found: list[Found]) -> list[Found]:
    """A time and the occasion it is, one in brackets after the other, are one expression with
    the time's value: "Tháng 6 - 8/2026 (dịp hè)", "Dịp Tuần lễ hưởng ứng học tập suốt đời
    (tháng 10/2026)"; a time and the same time said more precisely in brackets, one with the
    bracket's value (``PRECISE_BRACKETS``)."""
    kept: list[Found] = []
    for item in found:
        last = kept[-1] if kept else None
        closing = CLOSING_BRACKET.match(text, item.end)
        if last is not None and closing and any(
                bracket.fullmatch(text, last.end, item.start) and says_more(last.value, item.value)
                for bracket, says_more in PRECISE_BRACKETS):
            # the same time said more precisely in brackets: the bracket's value over both (a
            # season's name before the first kept)
            season = SEASON_BEFORE.search(text, max(0, last.start - 30), last.start)
            start = season.start() if season else last.start
            kept[-1] = Found(start, closing.end(), item.value.model_copy(
                update={"text": text[start:closing.end()]}), item.rule)
            continue
        if last is not None and closing and OPENING_BRACKET.fullmatch(text, last.end, item.start) \
                and OCCASION.match(item.value.text):
            kept[-1] = Found(last.start, closing.end(), last.value.model_copy(
                update={"text": text[last.start:closing.end()]}), last.rule)
            continue
        # the occasion's words (at most 80) and its bracket stand just before the time
        occasion = OCCASION_BEFORE.search(text, max(0, item.start - 100), item.start)
        if closing and occasion and (last is None or last.end <= occasion.start()):
            item = Found(occasion.start(), closing.end(), item.value.model_copy(
                update={"text": text[occasion.start():closing.end()]}), item.rule)
        kept.append(item)
    return kept


def _refines(bare: TimeExpression, precise: TimeExpression) -> bool:
    """Whether ``precise`` is the rule ``bare`` names, with the day it falls on: a quarter's
    rule and the months of the quarters, or the same frequency with more parts."""
    if bare.kind != "recurrence" or precise.kind != "recurrence" or not bare.rrule or \
            not precise.rrule or ";BY" in bare.rrule or bare.start or bare.end:
        return False
    if bare.rrule == "FREQ=MONTHLY;INTERVAL=3":
        months = regex.search(r";BYMONTH=([\d,]+)", precise.rrule)
        return precise.rrule.startswith("FREQ=YEARLY;") and bool(months) and \
            len(months.group(1).split(",")) == 4  # type: ignore[union-attr]
    return precise.rrule.startswith(bare.rrule + ";BY")


def _spans_day(day: TimeExpression, window: TimeExpression) -> bool:
    """Whether ``window`` runs over the one day ``day`` falls on."""
    return window.kind == "window" and day.kind == "point" and day.bound == "on" and bool(
        window.start and window.end and day.end) and \
        window.start <= day.end <= window.end  # type: ignore[operator]


def _narrows(years: TimeExpression, months: TimeExpression) -> bool:
    """Whether ``months`` is a window of months inside the window of whole years ``years``."""
    return years.kind == months.kind == "window" and bool(
        years.start and years.end and months.start and months.end) and \
        years.start[5:] == "01-01" and years.end[5:] == "12-31" and \
        years.start[:4] != years.end[:4] and \
        (months.start[5:], months.end[5:]) != ("01-01", "12-31") and \
        years.start <= months.start <= months.end <= years.end  # type: ignore[operator]


SEASON_BEFORE = regex.compile(r"(?i:mùa\s+(?:khô|mưa|lũ|mưa\s+bão)|vụ\s+\p{L}+\s+\p{L}+)\s+$")
OPENING_BRACKET = regex.compile(r"\s*\(\s*")
PEAK_BRACKET = regex.compile(r"\s*\(\s*(?:(?:đợt\s+)?cao\s+điểm\s*:?\s*)?", regex.IGNORECASE)
# A time, then in brackets the same time said more precisely, and how to tell.
PRECISE_BRACKETS = (
    # "hằng quý (trước ngày 15 của tháng cuối quý)": the bracket says which day
    (OPENING_BRACKET, _refines),
    # "trước, trong và sau Tết Nguyên đán (cao điểm từ ngày 15/12/2024 đến ngày 28/02/2025)":
    # the occasion, and the days round it
    (PEAK_BRACKET, _spans_day),
    # "mùa khô 2026-2027 (từ tháng 12/2026 đến hết tháng 5/2027)": the season's months
    (OPENING_BRACKET, _narrows),
)
OCCASION = regex.compile(r"(?i:dịp)\s")
CLOSING_BRACKET = regex.compile(r"\s*\)")
# an occasion named before its time in brackets: "Dịp Tuần lễ hưởng ứng học tập suốt đời (";
# not a named day, whose bracket gives its date ("nhân dịp Ngày Khuyến học Việt Nam (02/10)")
OCCASION_BEFORE = regex.compile(
    r"(?<!\p{L})(?i:dịp)\s+(?!Ngày\s)\p{Lu}[^()\n\t;.]{2,80}?\s*\(\s*$")


# "hằng ngày trước 16 giờ trong thời gian cao điểm (tháng 3 - 4/2026)": the rule holds in the
# period the brackets give
PEAK_BEFORE_BRACKET = regex.compile(
    r"(?:\s+trong\s+(?:thời\s+gian|thời\s+kỳ|mùa|giai\s+đoạn|đợt)(?:\s+\p{Ll}+){0,6})?"
    r"\s*\(\s*", regex.IGNORECASE)


def parse(text: str, context_year: int | None = None) -> TimeExpression | None:
    """The value of a whole phrase or table cell: the main expression in it, or, for a cell
    such as "Theo hướng dẫn của Bộ ...", an unspecified value with its reason."""
    lead = parse_cell_lead(text, context_year)
    if lead is not None:
        return lead
    stripped = text.strip()
    found = find_time_expressions(stripped, context_year)
    if not found:
        return None
    return _combine(found, stripped) if len(found) > 1 else found[0].value


def cell_expressions(cell: str, context_year: int | None) -> list[tuple[int, TimeExpression]]:
    """Every expression of a table's time cell, each on its own ("Thường xuyên; hoàn thành
    trước 31/10/2024" is two), with its offset in the cell."""
    found: list[tuple[int, TimeExpression]] = []
    rest, offset = cell, 0
    lead = parse_cell_lead(cell, context_year)
    if lead is not None:
        found.append((len(cell) - len(cell.lstrip()), lead))
        offset = cell.find(lead.text) + len(lead.text)
        rest = cell[offset:]
    for match in find_time_expressions(rest, context_year):
        found.append((offset + match.start, match.value))
    return found


def parse_cell_lead(cell: str, context_year: int | None) -> TimeExpression | None:
    """A cell that opens with someone else's schedule or a bare year span."""
    stripped = cell.strip()
    folded = fold_tones(stripped)
    for rule in CELL_ONLY_RULES:
        match = rule.pattern.match(folded)
        if match:
            value = rule.build(_original(match, stripped), context_year)
            if value is not None:
                return value
    return None


def _combine(found: list[Found], text: str) -> TimeExpression:
    """Several expressions in one cell ("Tháng 3 và tháng 9/2024"): their span as a window,
    unless one of them repeats (then the recurrence wins)."""
    recurrences = [f.value for f in found if f.value.kind == "recurrence"]
    if recurrences:
        return recurrences[0]
    dated = [f.value for f in found if f.value.kind in {"window", "point"}]
    if not dated:
        return found[0].value
    starts = [v.start or v.end for v in dated]
    ends = [v.end for v in dated]
    return TimeExpression(text=text[found[0].start:found[-1].end], kind="window",
                          start=min(filter(None, starts)), end=max(filter(None, ends)),
                          year_inherited=any(v.year_inherited for v in dated))


class _Original:
    """A match read back from the original text (the folded one only moves tone marks)."""

    def __init__(self, match: regex.Match[str], text: str) -> None:
        self._match = match
        self._text = text

    def group(self, name: int | str = 0) -> str | None:
        start, end = self._match.span(name)
        return None if start < 0 else self._text[start:end]

    def start(self) -> int:
        return self._match.start()


def _original(match: regex.Match[str], text: str) -> regex.Match[str]:
    return _Original(match, text)  # type: ignore[return-value]


# ---------------------------------------------------------------- in a plan

# In running text a bare year, year span or date says when only after a word of time;
# otherwise it names what is meant ("nhiệm vụ năm 2018", "Ngày Chuyển đổi số 10/10").
TIME_WORDS = r"trong|vào|đến|tới|trước|từ|hết|cuối|đầu|giữa|sau|chậm nhất|kể từ"
TIME_WORD_BEFORE = regex.compile(rf"(?:^|[(:;]|\b(?:{TIME_WORDS}))\s*$", regex.IGNORECASE)
# A day and month in brackets is usually an event's date ("Ngày Sách (21/4)"), not a schedule.
DAY_WORD_BEFORE = regex.compile(rf"(?:^|[:;]|\b(?:{TIME_WORDS}|ngày))\s*$", regex.IGNORECASE)
# an occasion with its time in brackets opens with "dịp": "dịp ... (tháng 10/2026)"
TIME_WORD_START = regex.compile(rf"^(?:{TIME_WORDS}|dịp)\b", regex.IGNORECASE)
NEEDS_TIME_WORD = {"year", "years", "point", "months", "school_year"}
# "Đề án Dạy nghề ... tỉnh Hưng Yên đến năm 2020", "quy hoạch của phường đến năm 2030": the
# horizon of a named plan, not when the work is due.
HORIZON = regex.compile(r"\sđến\s+năm\s+\d{4}$", regex.IGNORECASE)
NAMED_PLAN = regex.compile(
    r"\b(?:đề án|chương trình|chiến lược|quy hoạch|kế hoạch|nghị quyết)\b[^;:.()“”\"]{0,80}"
    r"\sđến\s*$", regex.IGNORECASE)
REPORTING = regex.compile(r"báo cáo", regex.IGNORECASE)
# "không theo quy định" (unregulated) is no time; "báo cáo ... theo hướng dẫn của Hội Khuyến
# học tỉnh" is when that body says.
AS_REQUIRED = regex.compile(r"(?<!\bkhông\s+)theo\s+(?:đúng\s+)?(?:quy định|yêu cầu)"
                            r"|theo\s+hướng\s+dẫn\s+của\s+(?-i:\p{Lu})[^,;.()\n]{2,80}",
                            regex.IGNORECASE)
# "văn bản ... có hiệu lực từ năm 2025": when a law takes effect names the law, not the work.
IN_EFFECT = regex.compile(r"\bhiệu\s+lực(?:\s+thi\s+hành)?(?:\s+(?:kể\s+)?từ)?\s*$",
                          regex.IGNORECASE)
# "11 công trình chuyển tiếp từ năm 2023": works carried over from that year, no time of the work
CARRIED_OVER = regex.compile(r"\bchuyển\s+tiếp\s*$", regex.IGNORECASE)
RECURRING = regex.compile(rf"{EVERY_YEAR}|định kỳ", regex.IGNORECASE)
# "kế hoạch phát triển kinh tế - xã hội hằng năm của tỉnh", "dự toán ngân sách hằng năm của
# cơ quan": the annual plan or budget of its owner, no time of the work.
ANNUAL_DOCUMENT = regex.compile(
    r"\b(?:kế hoạch|dự toán|chương trình công tác)\b[^;:.()“”\"]{0,100}$", regex.IGNORECASE)
OWNER_AFTER = regex.compile(r"\s+của\b", regex.IGNORECASE)


def _in_quotes(text: str, offset: int) -> bool:
    before = text[:offset]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _annual_document(value: str, found: Found) -> bool:
    return found.value.rrule == "FREQ=YEARLY" and found.value.start is None and \
        regex.fullmatch(EVERY_YEAR, found.value.text, regex.IGNORECASE) is not None and \
        OWNER_AFTER.match(value, found.end) is not None and \
        ANNUAL_DOCUMENT.search(value[:found.start]) is not None


def _prose_expressions(value: str, context_year: int | None) -> list[Found]:
    """Expressions of a line of running text, less the ones that only name a period."""
    kept = []
    every = find_time_expressions(value, context_year)
    for index, found in enumerate(every):
        before = value[:found.start]
        if found.rule == "part_of_year" and REVIEW_OF.search(before) and any(
                ";" not in value[found.end:later.start] for later in every[index + 1:]):
            continue  # "sơ kết ... 6 tháng đầu năm trong tháng 7/2022": what is reviewed
        if _in_quotes(value, found.start) or (
            found.rule == "years" and found.value.text.casefold().startswith("giai đoạn")
        ) or (HORIZON.search(before + found.value.text) and NAMED_PLAN.search(before)) or \
                IN_EFFECT.search(before) or CARRIED_OVER.search(before) or \
                _annual_document(value, found):
            continue
        needs = DAY_WORD_BEFORE if found.rule == "point" else TIME_WORD_BEFORE
        if found.rule in NEEDS_TIME_WORD and found.value.bound != "by" and \
                not needs.search(before) and not TIME_WORD_START.match(found.value.text):
            continue
        if found.value.kind in {"point", "window"} and found.value.year_inherited and \
                found.value.end and RECURRING.search(value):
            found.value = _yearly(found.value)
        kept.append(found)
    if REPORTING.search(value):
        for match in AS_REQUIRED.finditer(value):
            if not any(match.start() < f.end and f.start < match.end() for f in kept):
                kept.append(Found(match.start(), match.end(), TimeExpression(
                    text=match.group(0), kind="unspecified", reason=match.group(0)), "as_required"))
    return sorted(kept, key=lambda f: f.start)


# A review or report that a period names ("sơ kết công tác ... 6 tháng đầu năm").
REVIEW_OF = regex.compile(r"(?:sơ kết|tổng kết|đánh giá|báo cáo)[^;.]{0,80}$", regex.IGNORECASE)


def _yearly(time: TimeExpression) -> TimeExpression:
    """A deadline or a window without a year in a sentence that recurs ("hằng năm") recurs
    with it: "trước ngày 15/12" every 15 December, "trong Quý IV" every October to December."""
    month, day = int(time.end[5:7]), int(time.end[8:10])
    if time.kind == "window":
        first = int(time.start[5:7]) if time.start else 0
        whole_months = bool(time.start) and time.start.endswith("-01") and \
            time.end == _last_day(int(time.end[:4]), month)
        if not whole_months:
            return time  # "từ ngày 20/12 đến ngày 15/1": days of a season, left as written
        return TimeExpression(text=time.text, kind="recurrence",
                              rrule=f"FREQ=YEARLY;BYMONTH={_months_from(first, month)}")
    return TimeExpression(text=time.text, kind="recurrence", bound=time.bound,
                          rrule=f"FREQ=YEARLY;BYMONTH={month};BYMONTHDAY={day}")


def _months_from(first: int, last: int) -> str:
    """The months from ``first`` to ``last`` for BYMONTH, over the new year if need be."""
    months = range(first, last + 1) if first <= last else [*range(first, 13), *range(1, last + 1)]
    return ",".join(str(m) for m in months)


# Sections whose numbers and years are aims, not schedules.
# Aims, targets and money; and the background a plan opens with ("II. TÌNH HÌNH THIÊN TAI NĂM
# 2025 VÀ DỰ BÁO NĂM 2026", "1. Thực trạng ...").
NOT_SCHEDULE_ANYWHERE = regex.compile(r"MỤC ĐÍCH|YÊU CẦU|MỤC TIÊU|CHỈ TIÊU|KINH PHÍ")
HEADING_KINDS = {"roman", "arabic", "letter", "heading"}
# (under a two-row header a time column keeps its lowest label: "Thời gian thực hiện" over
# "Bắt đầu" | "Hoàn thành")
TIME_COLUMN = regex.compile(
    r"^(?:Thời gian|Thời hạn|Tiến độ|Thời điểm|Bắt đầu|Hoàn thành|Kết thúc)", regex.IGNORECASE)
# A duty's time given on a line of its own under it, like a time cell: "- Thời gian: Quý
# I/2026.", "- Thời gian thực hiện: Thường xuyên."
TIME_LINE = regex.compile(r"^\s*(?:[-+•]\s*)?(?:Thời gian|Thời hạn)(?:\s+(?:thực hiện|hoàn thành))?"
                          r"\s*:\s*")


def extract_time_expressions(
    norm: NormalizedText, layout: Layout, taken: list[tuple[int, int]], context_year: int | None,
) -> list[TimeExpression]:
    """Time expressions where a plan says when work is due: prose of the task, schedule,
    organisation and reporting sections, and the time column of task tables. ``taken`` are
    spans already read as something else (citations and their dates)."""
    excluded = _sections_not_schedule(layout)
    found: list[TimeExpression] = []
    body = {line.start for part in layout.parts for line in part.body}
    for line in norm.paragraphs():
        section = layout.section_at(line.start)
        if line.start not in body or (section is not None and section.id in excluded):
            continue
        value = norm.text[line.start:line.end]
        if PHASE_ONLY.match(value):
            continue
        if (label := TIME_LINE.match(value)) is not None:
            cell = value[label.end():].rstrip(" .")
            for offset, time in cell_expressions(cell, context_year):
                span = (line.start + label.end() + offset,
                        line.start + label.end() + offset + len(time.text))
                if not any(span[0] < end and start < span[1] for start, end in taken):
                    found.append(_placed(time, span, norm, section))
            continue
        for match in _prose_expressions(value, context_year):
            span = (line.start + match.start, line.start + match.end)
            if not any(span[0] < end and start < span[1] for start, end in taken):
                found.append(_placed(match.value, span, norm, section))
    for table in norm.tables:
        section = layout.section_at(table.start)
        if section is not None and section.id in excluded:
            continue
        header = [norm.text[start:end] for start, end in table.rows[0]]
        columns = [i for i, cell in enumerate(header) if TIME_COLUMN.match(cell)]
        cells = [row[column] for row in table.rows[1:] for column in columns
                 if column < len(row)]
        if len(table.rows) >= 3 and all(len(row) == 2 for row in table.rows):
            # A table of one task's fields: "Thời gian hoàn thành | Quý III/2025".
            cells += [row[1] for row in table.rows
                      if TIME_COLUMN.match(norm.text[row[0][0]:row[0][1]])]
        for start, end in dict.fromkeys(cells):  # a merged cell is read once
            for offset, value in cell_expressions(norm.text[start:end], context_year):
                span = (start + offset, start + offset + len(value.text))
                found.append(_placed(value, span, norm, section))
    return sorted(found, key=lambda item: item.span[0] if item.span else 0)


def _placed(value: TimeExpression, span: tuple[int, int], norm: NormalizedText,
            section: Section | None) -> TimeExpression:
    return value.model_copy(update={
        "span": span, "page": norm.page_at(span[0]), "section": section.id if section else None,
    })


def _sections_not_schedule(layout: Layout) -> set[str]:
    """Sections under a heading about aims, targets or funding ("I. MỤC ĐÍCH, YÊU CẦU",
    "2. Mục tiêu cụ thể"); a task that merely mentions "yêu cầu" is not one."""
    def aims(section: Section) -> bool:
        return section.kind in HEADING_KINDS and bool(
            BACKGROUND_SECTION.match(section.title) or
            NOT_SCHEDULE_ANYWHERE.search(section.title))

    return {section.id for section in layout.sections
            if any(aims(s) for s in layout.chain(section))}
