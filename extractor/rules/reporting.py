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
from extractor.normalize import NormalizedText, clause_spans
from extractor.rules.tasks import CONTENT_COLUMN
from extractor.rules.timex import AS_REQUIRED, TIME_COLUMN, cell_expressions, find_time_expressions
from extractor.structure import Layout, line_text

BODY = (
    r"(?:UBND|Ủy ban|Uỷ ban|Ban|Sở|Bộ|Hội|Phòng|Thường trực|Chủ tịch|Trung tâm|Văn phòng|Cục|"
    r"Chi cục|Đảng ủy|Đảng uỷ|Huyện ủy|Tỉnh ủy|Thành ủy|HĐND|Hội đồng|Công an|Đoàn|Liên đoàn|"
    r"Mặt trận|MTTQ|[Cc]ơ quan thường trực|Thủ tướng|Chính phủ)"
)
# Where the recipient's name ends: a bracket, a clause mark, or the words that follow it.
NAME_END = (
    rf"(?=\s*\(|\s*,(?!\s*{BODY})|\s*[;.:]|\s+(?:trước|để|theo|kết quả|về việc|về tình hình|"
    r"định kỳ|hàng|hằng|trong|chậm nhất|khi|xem xét|giải quyết|chỉ đạo|đề nghị|"
    r"và\s+(?:các|đề xuất))\b|$)"
)
ADVISED = regex.compile(rf"tham mưu\s+(?:cho\s+)?(?P<advised>{BODY}[^,;.]*?)\s+báo cáo\b")
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
LEAD_COLUMN = regex.compile(r"chủ trì|thực hiện|đơn vị|cơ quan", regex.IGNORECASE)


def find_reporting(text: str) -> list[tuple[int, int, str, str | None, str | None]]:
    """(start, end, recipient, via, subject) of each reporting clause in ``text``."""
    found = []
    for span_start, span_end in clause_spans(text):
        raw = text[span_start:span_end]
        clause_start, clause = span_start + len(raw) - len(raw.lstrip()), raw.strip()
        match = REPORT_TO.search(clause)
        if match is None:
            continue
        recipient = (match.group("recipient") or match.group("direct")).strip(" ,")
        via = VIA.search(clause, match.end() - 1)
        advised = ADVISED.search(clause)
        subject = advised.group("advised") if advised else (
            SUBJECT.match(clause).group("subject") if SUBJECT.match(clause) else None)
        for start, end in _by_deadline(clause):
            found.append((clause_start + start, clause_start + end, recipient,
                          via.group("via").strip() if via else None,
                          subject.strip(" ,") if subject else None))
    return found


def _by_deadline(clause: str) -> list[tuple[int, int]]:
    """One duty per deadline: "báo cáo 6 tháng trước ngày 15/6, báo cáo năm trước ngày 15/12"
    is two duties, each running from its "báo cáo" to its deadline."""
    end = len(clause.rstrip(" .;"))
    deadlines = [f for f in find_time_expressions(clause)
                 if f.value.bound == "by" or f.value.kind == "point"]
    reports = [m.start() for m in regex.finditer(r"(?i)\bbáo cáo\b", clause)]
    if len(deadlines) < 2 or len(reports) < 2:
        return [(0, end)]
    spans = []
    for deadline in deadlines:
        starts = [r for r in reports if r < deadline.start]
        start = starts[-1] if starts else 0
        spans.append((start, deadline.end))
    return spans if len({s for s, _ in spans}) == len(spans) else [(0, end)]


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
    duties.extend(_table_duties(norm, layout, context_year))
    return sorted(duties, key=lambda duty: duty.span[0] if duty.span else 0)


def _table_duties(norm: NormalizedText, layout: Layout,
                  context_year: int | None) -> list[ReportingDuty]:
    """A task table's row whose work is a report to someone: the lead unit reports."""
    duties = []
    for table in norm.tables:
        header = [norm.text[s:e] for s, e in table.rows[0]]
        content = _column(header, CONTENT_COLUMN)
        lead = _column(header, LEAD_COLUMN)
        when = _column(header, TIME_COLUMN)
        if content is None:
            continue
        for row in table.rows[1:]:
            if content >= len(row):
                continue
            start, end = row[content]
            for offset, stop, recipient, via, _ in find_reporting(norm.text[start:end]):
                cells = [norm.text[s:e] for s, e in row]
                time = None
                if when is not None and when < len(cells):
                    expressions = cell_expressions(cells[when], context_year)
                    time = expressions[0][1] if expressions else None
                section = layout.section_at(start)
                duties.append(ReportingDuty(
                    reporter=cells[lead] if lead is not None and lead < len(cells) else None,
                    recipient=recipient, via=via, when=time,
                    text=norm.text[start + offset:start + stop],
                    span=(start + offset, start + stop), page=norm.page_at(start),
                    section=section.id if section else None,
                ))
    return duties


def _column(header: list[str], pattern: regex.Pattern[str]) -> int | None:
    return next((i for i, cell in enumerate(header) if pattern.search(cell)), None)


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
