"""Calendar dates as plans write them: ``30/7/2021``, ``ngày 19 tháng 6 năm 2015``.

Only full and blank-filled calendar dates live here; quarters, periods and recurrences are the
time-expression pass's job.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import regex

# 30/7/2021, and the same with dashes or dots (15-8-2023, 12.3.2015), one separator throughout.
NUMERIC_DATE = regex.compile(
    r"(?<![\d/.\-])(\d{1,2})\s?([/.\-])\s?(\d{1,2})\s?\2\s?(\d{4})(?![\d/.\-]\d)"
)
WORDED_DATE = regex.compile(
    r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", regex.IGNORECASE
)
# "ngày    tháng 02 năm 2022": day or month left blank for the clerk to fill in.
BLANKABLE_DATE = regex.compile(  # blanks may be spaces, dots or underscores: "ngày .... tháng"
    r"ngày[\s._…]*(\d{1,2})?[\s._…]*tháng[\s._…]*(\d{1,2})?[\s._…]*năm\s*(\d{4})",
    regex.IGNORECASE,
)


@dataclass(frozen=True)
class FoundDate:
    text: str
    start: int
    end: int
    iso: str | None  # None when the date cannot exist
    day: int | None
    month: int | None
    year: int


def iso_date(day: int | None, month: int | None, year: int) -> str | None:
    """ISO form at the precision given; None if the date cannot exist."""
    if month is None:
        return f"{year:04d}" if day is None else None
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return None


def _int(value: str | None) -> int | None:
    return int(value) if value else None


def parse_date(text: str) -> FoundDate | None:
    """The first calendar date in ``text``."""
    found = find_dates(text)
    return found[0] if found else None


def find_dates(text: str) -> list[FoundDate]:
    """Every full calendar date, in order; impossible ones carry ``iso=None``."""
    found = []
    for pattern in (NUMERIC_DATE, WORDED_DATE):
        for match in pattern.finditer(text):
            day, month, year = (int(g) for g in match.groups() if g and g not in "/.-")
            found.append(FoundDate(match.group(0), match.start(), match.end(),
                                   iso_date(day, month, year), day, month, year))
    return sorted(found, key=lambda date: date.start)


def parse_blankable(text: str) -> FoundDate | None:
    """An issue date whose day or month may be blank: ``ngày   tháng   năm 2022`` -> 2022."""
    match = BLANKABLE_DATE.search(text)
    if not match:
        return None
    day, month = _int(match.group(1)), _int(match.group(2))
    year = int(match.group(3))
    return FoundDate(match.group(0), match.start(), match.end(), iso_date(day, month, year),
                     day, month, year)
