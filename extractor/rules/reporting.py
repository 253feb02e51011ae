"""Reporting duties: who reports to whom, through whom, and when.

A duty is a clause where "báo cáo" (or "gửi ... về") has a body after it: "Định kỳ, trước ngày
20/11 hằng năm, báo cáo về UBND thị xã kết quả thực hiện Kế hoạch", "... định kỳ báo cáo kết
quả thực hiện Kế hoạch về UBND tỉnh (qua Sở Giáo dục và Đào tạo) trước ngày 15/6 và ngày 15/12
hàng năm". The reporter is the clause's subject, else the agency whose item the clause stands
under ("1. Hội Khuyến học xã").
"""

from __future__ import annotations

import regex

from extractor.model import ReportingDuty, Section, TimeExpression
from extractor.normalize import NormalizedText
from extractor.rules.timex import AS_REQUIRED, find_time_expressions
from extractor.structure import Layout, line_text

BODY = (
    r"(?:UBND|Ủy ban|Uỷ ban|Ban|Sở|Bộ|Hội|Phòng|Thường trực|Chủ tịch|Trung tâm|Văn phòng|Cục|"
    r"Chi cục|Đảng ủy|Đảng uỷ|Huyện ủy|Tỉnh ủy|Thành ủy|HĐND|Hội đồng|Công an|Đoàn|Liên đoàn|"
    r"Mặt trận|MTTQ|[Cc]ơ quan thường trực|Thủ tướng|Chính phủ)"
)
# Where the recipient's name ends: a bracket, a clause mark, or the words that follow it.
NAME_END = (
    r"(?=\s*\(|\s*[,;.:]|\s+(?:trước|để|theo|kết quả|về việc|về tình hình|định kỳ|hàng|hằng|"
    r"trong|chậm nhất|khi|và\s+(?:các|đề xuất))\b|$)"
)
REPORT_TO = regex.compile(
    r"(?:báo cáo|gửi\s+(?:báo cáo|kết quả))"
    r"(?:\s+(?:báo cáo|kết quả|tình hình|định kỳ|bằng văn bản))*"
    rf"(?:[^.;()]{{0,120}}?)\s+(?:về|lên|cho)\s+(?P<recipient>{BODY}[^.;()]*?){NAME_END}"
    rf"|báo cáo\s+(?P<direct>{BODY}[^.;()]*?){NAME_END}"
)
VIA = regex.compile(r"\(\s*qua\s+(?P<via>[^)]+)\)")
SUBJECT = regex.compile(
    rf"^(?:[-+•]\s*)?(?:Đề nghị\s+)?(?P<subject>(?:[Cc]ác|{BODY})[^.;:]*?)\s+"
    r"(?=(?:có trách nhiệm|định kỳ|chủ động|thực hiện|tổng hợp|báo cáo|gửi|căn cứ|hàng|hằng|"
    r"theo|hướng dẫn|kiểm tra|chỉ đạo|phối hợp|xây dựng|tổ chức|triển khai|tiếp tục)\b)"
)
AGENCY_ITEM_KINDS = {"arabic", "letter", "roman"}


def find_reporting(text: str) -> list[tuple[int, int, str, str | None, str | None]]:
    """(start, end, recipient, via, subject) of each reporting clause in ``text``."""
    found = []
    for clause_start, clause in _clauses(text):
        match = REPORT_TO.search(clause)
        if match is None:
            continue
        recipient = (match.group("recipient") or match.group("direct")).strip(" ,")
        via = VIA.search(clause, match.end() - 1)
        subject = SUBJECT.match(clause)
        found.append((clause_start, clause_start + len(clause.rstrip(" .;")), recipient,
                      via.group("via").strip() if via else None,
                      subject.group("subject").strip(" ,") if subject else None))
    return found


def _clauses(text: str) -> list[tuple[int, str]]:
    out, start = [], 0
    for mark in regex.finditer(r";|\.(?:\s|$)", text):
        out.append((start, text[start:mark.start()]))
        start = mark.end()
    out.append((start, text[start:]))
    return [(s + len(c) - len(c.lstrip()), c.strip()) for s, c in out if c.strip()]


def extract_reporting(norm: NormalizedText, layout: Layout,
                      context_year: int | None) -> list[ReportingDuty]:
    body = {line.start for part in layout.parts for line in part.body}
    duties: list[ReportingDuty] = []
    for line in norm.paragraphs():
        if line.start not in body:
            continue
        value = line_text(norm.text, line)
        section = layout.section_at(line.start)
        for start, end, recipient, via, subject in find_reporting(value):
            clause = value[start:end]
            duties.append(ReportingDuty(
                reporter=subject or _agency_heading(layout, section, line.start),
                recipient=recipient, via=via, when=_when(clause, context_year), text=clause,
                span=(line.start + start, line.start + end), page=norm.page_at(line.start),
                section=section.id if section else None,
            ))
    return duties


def _agency_heading(layout: Layout, section: Section | None, start: int) -> str | None:
    """The agency of the organisation item a clause stands under ("2. Sở Tài chính:")."""
    for candidate in layout.chain(section):
        if candidate.kind in AGENCY_ITEM_KINDS and candidate.span and candidate.span[0] != start \
                and regex.match(rf"(?:Đề nghị\s+)?{BODY}|Các\s", candidate.title):
            return regex.sub(r"^Đề nghị\s+", "", candidate.title).strip(" :")
    return None


def _when(clause: str, context_year: int | None) -> TimeExpression | None:
    found = find_time_expressions(clause, context_year)
    dated = [f.value for f in found if f.value.kind != "unspecified"]
    if dated or found:
        return (dated or [found[0].value])[0]
    required = AS_REQUIRED.search(clause)
    if required:
        return TimeExpression(text=required.group(0), kind="unspecified",
                              reason=required.group(0))
    return None
