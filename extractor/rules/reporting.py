"""Reporting duties: who reports to whom, through whom, and when.

A duty is a clause where "báo cáo" (or "gửi ... về") has a body after it: "Định kỳ, trước ngày
20/11 hằng năm, báo cáo về UBND thị xã kết quả thực hiện Kế hoạch", "... định kỳ báo cáo kết
quả thực hiện Kế hoạch về UBND tỉnh (qua Sở Giáo dục và Đào tạo) trước ngày 15/6 và ngày 15/12
hàng năm". The reporter is the clause's subject, else the agency whose item the clause stands
under ("1. Hội Khuyến học xã").
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

import regex

from extractor.model import ReportingDuty, Section, TimeExpression
from extractor.normalize import NormalizedText, clause_spans
from extractor.rules.agencies import AgencyMention, find_mentions, listed_after
from extractor.rules.tasks import CONTENT_COLUMN, read_roles
from extractor.rules.timex import (
    AS_REQUIRED,
    TIME_COLUMN,
    Found,
    cell_expressions,
    find_time_expressions,
)
from extractor.rules.vocabulary import UNIT_WORDS, alternation, load_lexicon
from extractor.structure import Layout, line_text

LEXICON = load_lexicon("reporting.toml")
# The words a reporter's or a recipient's name opens with, in the regexes below. Chosen from the
# agencies lexicon's bodies and heads rather than taken whole: "Báo" (a newspaper) would open
# "Báo cáo ...", "Đài", "Trường" and "Đội" never stand in a reporting line, and a wider list
# lets a clause's object pass for its recipient. The duty's bodies themselves are the agencies
# pass's mentions (``_bounded``).
BODY = (
    r"(?:UBND|Ủy ban|Uỷ ban|Ban|Sở|Bộ|Hội|Phòng|Thường trực|Chủ tịch|Giám đốc|Trung tâm|"
    r"Văn phòng|Cục|"
    r"Chi cục|Đảng ủy|Đảng uỷ|Huyện ủy|Tỉnh ủy|Thành ủy|HĐND|Hội đồng|Công an|Đoàn|Liên đoàn|"
    r"Mặt trận|MTTQ|[Cc]ơ quan thường trực|Thủ tướng|Chính phủ|Bệnh viện|Trạm|Tổ công tác|"
    # a body by its short form: "về CDC", "về TTYT huyện"
    r"\p{Lu}{2,}[\p{Lu}&\-]*(?![\p{L}/]))"
)
# Units that go on a collective's list after a comma: "UBND các huyện, thành phố".
LISTED_UNIT = rf"(?:{UNIT_WORDS})\b"
# Where the recipient's name ends: a bracket, a clause mark, or the words that follow it.
NAME_END = (
    rf"(?=\s*\(|\s*,(?!\s*(?:{BODY}|{LISTED_UNIT}))|\s*[;.:]|"
    r"\s+(?:trước|để|theo|kết quả|về việc|về tình hình|tình hình|ngay|"
    r"định kỳ|hàng|hằng|trong|chậm nhất|khi|xem xét|giải quyết|đề nghị|"
    r"và\s+(?:các|đề xuất))\b|(?<!\bBan)\s+chỉ đạo\b"
    # "về UBND xã các điểm có nguy cơ ...": a name whose unit is said ends before "các".
    rf"|(?<=\b(?:{UNIT_WORDS}))\s+(?:các|những)\b|$)"
)
# Results or figures gathered and sent on, without the word "báo cáo": "Tổng hợp kết quả tham
# gia phong trào của đoàn viên, hội viên, gửi Sở Khoa học và Công nghệ trước ngày 15 của tháng
# cuối quý", "Thống kê số lượng, tỷ lệ nữ cán bộ ... các cấp, gửi Sở LĐTBXH trước ngày 30/11",
# "tổng hợp tình hình kinh doanh thuốc lá trên địa bàn tỉnh, gửi Sở Y tế trước ngày 15/11".
# What a survey found, gathered and sent on: "khảo sát nhu cầu ...; tổng hợp, gửi Sở ... trước
# ngày 31/8 hằng năm".
RESULTS_SENT = regex.compile(
    rf"(?<=(?:(?i:{alternation(LEXICON['results'])})[^.;]{{0,80}}"
    rf"|(?i:{alternation(LEXICON['gathering'])})"
    r"[^.;]{0,120}|(?<!\p{L})(?i:tổng\s+hợp)),\s*)"
    r"(?i:gửi)")
# "tham mưu UBND xã báo cáo ...", "tham mưu UBND huyện sơ kết ... và tổng kết ..., báo cáo
# ...": the body advised makes the report.
ADVISED = regex.compile(rf"(?i:tham mưu)\s+(?:cho\s+)?(?P<advised>{BODY}[^,;.]*?)"
                        rf"\s+(?:(?:{'|'.join(LEXICON['reviews'])})[^;.]{{0,160}}?,\s*)?báo cáo\b")
REPORT_TO = regex.compile(
    r"(?i:báo cáo|gửi\s+(?:báo cáo|kết quả))"
    r"(?:\s+(?i:báo cáo|kết quả|tình hình|định kỳ|bằng văn bản))*"
    # what is reported may hold an aside: "kết quả (báo cáo 6 tháng và báo cáo năm) về ..."
    rf"(?:[^.;()]|\([^()]{{0,60}}\)){{0,120}}?\s+(?:về|lên|cho)\s+"
    rf"(?P<recipient>{BODY}[^.;()]*?){NAME_END}"
    rf"|(?i:báo cáo)(?:\s+(?i:nhanh|ngay|kịp thời))?\s+(?P<direct>{BODY}[^.;()]*?){NAME_END}"
    rf"|(?i:báo cáo)[^.;()]{{0,120}}?\s+gửi\s+(?:về\s+)?(?P<sent>{BODY}[^.;()]*?){NAME_END}"
    rf"|{RESULTS_SENT.pattern}\s+(?:về\s+)?(?P<results>{BODY}[^.;()]*?){NAME_END}"
)
VIA = regex.compile(r"\(\s*qua\s+(?P<via>[^)]+)\)")
SUBJECT = regex.compile(
    rf"^(?:[-+•]\s*)?(?:Đề nghị\s+)?(?P<subject>(?:[Cc]ác|{BODY})[^.;:]*?)\s+"
    r"(?=(?:có trách nhiệm|định kỳ|chủ động|thực hiện|tổng hợp|báo cáo|gửi|căn cứ|hàng|hằng|"
    r"theo|hướng dẫn|kiểm tra|chỉ đạo|phối hợp|xây dựng|tổ chức|triển khai|tiếp tục|"
    r"phát hiện|rà soát|cập nhật|thống kê)\b)"
)
AGENCY_ITEM_KINDS = {"arabic", "letter", "roman"}
LEAD_COLUMN = regex.compile(r"chủ trì|thực hiện|đơn vị|cơ quan", regex.IGNORECASE)


# "báo cáo" as a noun of something else: a regime, a system, a form, a speaker, a document;
# and the report not made ("khai thác ... không báo cáo và không theo quy định").
NOT_A_REPORT = regex.compile(
    r"(?i)(?:(?:chế\s+độ|hệ\s+thống(?:\s+thông\s+tin)?|phần\s+mềm|mẫu|đề\s+cương|kênh|"
    r"không)\s+báo\s+cáo|báo\s+cáo\s+(?:viên|số\s*\d|trực\s+tuyến|kèm\s+theo))")
REPORT = regex.compile(rf"(?i)(?<!\p{{L}})(?:báo\s+cáo|gửi\s+kết\s+quả)(?!\p{{L}})|"
                      rf"{RESULTS_SENT.pattern}")
# "100% vụ ngộ độc ... được phát hiện, báo cáo, điều tra ...", "100% vụ ngộ độc thực phẩm (nếu
# có) được báo cáo": what is done to something, in a target, not a duty.
PASSIVE = regex.compile(r"(?i)\bđược(?:\s+\p{L}+){1,3}\s*,\s*$|"
                        r"^\W*\d+(?:[.,]\d+)?\s*%[^;.]*\bđược\s+$")
# "... để tổng hợp, báo cáo UBND tỉnh": what the recipient does next is not this duty.
PURPOSE = regex.compile(r"(?i)\bđể\s+(?:\p{L}+[\s,]+){0,3}$")
# The reports as the subject of a sentence on where they go ("Báo cáo gửi về Sở ... (qua ...)"):
# the recipient of the section's duties that name none.
ROUTING = regex.compile(
    rf"^\W*(?i:báo\s+cáo)\s+(?:được\s+)?gửi\s+(?:về\s+)?(?P<recipient>{BODY}[^.;()]*?){NAME_END}")
# What a report is on, right after the verb: "báo cáo kết quả", "báo cáo 6 tháng".
REPORTED = regex.compile(
    r"(?i)\s*(?:kết\s+quả|tình\s+hình|tiến\s+độ|công\s+tác|sơ\s+kết|tổng\s+kết|định\s+kỳ|"
    r"đột\s+xuất|nhanh|\d+\s+tháng|năm|quý|hằng|hàng)\b")
NAMED_REPORT = regex.compile(r"(?i)\bđối\s+với\s*$")
# "Chủ trì xây dựng báo cáo tự đánh giá ... năm 2027": a document to write, a duty to report
# only where it says to whom.
DRAFTED = regex.compile(rf"(?i)\b(?:{'|'.join(LEXICON['drafting'])})\s+$")
PROMPTLY = regex.compile(r"(?i)\bkịp\s+thời\b")
LIST_MARK = regex.compile(r"[\s\-+•*]*(?:(?:[a-zđ]|\d{1,2})[.)]\s*)?")


class FoundDuty(NamedTuple):
    """A duty in a paragraph: offsets in it, and the deadline it was split on, if any."""

    start: int
    end: int
    recipient: str | None
    via: str | None
    subject: str | None
    deadline: TimeExpression | None = None  # its span is in the paragraph


def find_reporting(text: str, context_year: int | None = None, *,
                   named_only: bool = False) -> list[FoundDuty]:
    """Each reporting duty in one paragraph.

    A duty is a "báo cáo" that names whom it goes to, says when (a date, a schedule, "định kỳ",
    "theo quy định", "kịp thời"), or opens an item ("- Báo cáo kết quả ..."); with
    ``named_only`` (a table cell), only one that names whom. Duties of one paragraph that name
    no recipient or subject take those of the nearest one that does ("... về UBND tỉnh (qua
    Sở ...) trước ngày 15/6; báo cáo đột xuất khi có yêu cầu")."""
    found: list[FoundDuty] = []
    # "Trạm Y tế các xã cân, đo trẻ em ...; báo cáo kết quả về Trung tâm Y tế huyện ...": a
    # clause with no subject of its own has its sentence's
    sentence_subject: str | None = None
    for span_start, span_end in clause_spans(text):
        raw = text[span_start:span_end]
        lead = len(LIST_MARK.match(raw).group())  # a list item's dash and number
        clause_start, clause = span_start + lead, raw[lead:].rstrip()
        semicolon = text.rfind(";", 0, span_start)
        if semicolon < 0 or text[semicolon + 1:span_start].strip():
            sentence_subject = None
        opening = SUBJECT.match(clause)
        sentence_subject = _named_bodies(opening.group("subject")) if opening \
            else sentence_subject
        report = _report_in(clause)
        if report is None or ROUTING.match(clause):
            continue
        match = REPORT_TO.search(clause, report.start())
        if match and PURPOSE.search(clause[:match.start()]):
            match = None  # "... để tổng hợp, báo cáo Bộ ...": whom the recipient reports to
        recipient = next((name.strip(" ,") for name in match.groups() if name), None) \
            if match else None
        times = find_time_expressions(clause, context_year)
        timed = bool(times or AS_REQUIRED.search(clause)
                     or PROMPTLY.search(clause))
        opens = report.start() == 0 and \
            REPORTED.match(clause, report.end()) is not None
        if not recipient and (named_only or not (timed or opens) or
                              DRAFTED.search(clause, 0, report.start())):
            continue
        via = VIA.search(clause, match.end() - 1) if match else None
        advised = ADVISED.search(clause)
        subject = advised.group("advised") if advised else sentence_subject
        for start, end, deadline in _by_deadline(clause, times):
            found.append(FoundDuty(
                clause_start + start, clause_start + end, recipient,
                via.group("via").strip() if via else None,
                subject.strip(" ,") if subject else None,
                deadline.value.model_copy(update={"span": (clause_start + deadline.start,
                                                          clause_start + deadline.end)})
                if deadline else None))
    for index, duty in enumerate(found):
        if duty.recipient is None and (source := _nearest(found, index, "recipient")):
            found[index] = duty = duty._replace(recipient=source.recipient, via=source.via)
        if duty.subject is None and (source := _nearest(found, index, "subject")):
            found[index] = duty._replace(subject=source.subject)
    return found


def _report_in(clause: str) -> regex.Match[str] | None:
    return next(iter(_reports(clause)), None)


def _reports(clause: str) -> list[regex.Match[str]]:
    """The clause's own "báo cáo"s: not nouns of something else, nor one the recipient makes
    next ("để tổng hợp, báo cáo ..."), nor the name of a report after its deadline ("trước
    ngày 20/6/2025 (báo cáo 6 tháng)", "trước ngày 10/6/2026 đối với báo cáo 6 tháng")."""
    nouns = [other.span() for other in NOT_A_REPORT.finditer(clause)]
    return [match for match in REPORT.finditer(clause)
            if not any(start <= match.start() < end for start, end in nouns)
            and not PURPOSE.search(clause[:match.start()])
            and not PASSIVE.search(clause[:match.start()])
            and not NAMED_REPORT.search(clause[:match.start()])
            and clause.count("(", 0, match.start()) <= clause.count(")", 0, match.start())]


def _nearest(found: list[FoundDuty], index: int, field: str) -> FoundDuty | None:
    """The nearest duty of the paragraph with ``field`` set, earlier ones first."""
    for other in (*reversed(found[:index]), *found[index + 1:]):
        if getattr(other, field) is not None:
            return other
    return None


def _by_deadline(clause: str, found: list[Found]) -> list[tuple[int, int, Found | None]]:
    """One duty per deadline among the clause's time expressions ``found``: "báo cáo 6 tháng
    trước ngày 15/6, báo cáo năm trước ngày 15/12" is two duties, each running from its "báo
    cáo" to its deadline. One report due on two dates ("báo cáo kết quả về Sở trước ngày
    10/01/2025 và ngày 05/6/2025") is two duties of the same words."""
    end = len(clause.rstrip(" .;/"))
    # Dated deadlines split a clause; failing those, schedules ("định kỳ 6 tháng, hàng năm").
    deadlines = [f for f in found if f.value.bound == "by" or f.value.kind == "point"] or \
        [f for f in found if f.value.kind == "recurrence"]
    reports = [match.start() for match in _reports(clause)]
    if len(deadlines) < 2:
        return [(0, end, None)]
    if len(reports) < 2:
        return [(0, end, found) for found in deadlines]
    spans = []
    for deadline in deadlines:
        starts = [r for r in reports if r < deadline.start]
        spans.append((starts[-1] if starts else 0, deadline.end, deadline))
    if len({start for start, _, _ in spans}) < len(spans):
        return [(0, end, None)]
    # The first duty keeps what opens the clause (its subject and schedule words), the last
    # what closes it (where the reports go).
    spans[0] = (0, *spans[0][1:])
    spans[-1] = (spans[-1][0], end, spans[-1][2])
    return spans


def extract_reporting(norm: NormalizedText, layout: Layout, context_year: int | None,
                      time_expressions: list[TimeExpression] = (),
                      mentions: list[AgencyMention] = ()) -> list[ReportingDuty]:
    """Reporting duties of the plan's body and its task tables. A duty's time is the one the
    time pass read in its words (its own deadline, where one sentence sets several); its
    reporter and recipient end where the agency pass's ``mentions`` say the bodies end."""
    body = {line.start for part in layout.parts for line in part.body}
    duties: list[ReportingDuty] = []
    routed: dict[str, tuple[str, str | None]] = {}
    for line in norm.paragraphs():
        if line.start not in body:
            continue
        value = line_text(norm.text, line)
        section = layout.section_at(line.start)
        routing = ROUTING.match(value)
        if routing and section is not None:
            via = VIA.search(value, routing.end() - 1)
            for holder in layout.chain(section):
                routed.setdefault(holder.id, (routing.group("recipient").strip(" ,"),
                                              via.group("via").strip() if via else None))
        # "... báo cáo kết quả năm 2017. Triển khai ... (Tháng 2/2018).": an item's closing
        # time in brackets is the time of its duties that state none.
        closing = next((expression for expression in reversed(time_expressions)
                        if expression.span and line.start <= expression.span[0] < line.end
                        and norm.text[line.start:expression.span[0]].rstrip().endswith("(")
                        and not norm.text[expression.span[1]:line.end].strip(" .;)/")), None)
        named = sorted((m.moved(-line.start) for m in mentions
                        if line.start <= m.start and m.end <= line.end), key=lambda m: m.start)
        for duty in find_reporting(value, context_year):
            clause = value[duty.start:duty.end]
            duty = _bounded(duty, value, named)
            span = (line.start + duty.start, line.start + duty.end)
            deadline = duty.deadline.model_copy(update={"span": (
                line.start + duty.deadline.span[0], line.start + duty.deadline.span[1])}) \
                if duty.deadline else None
            duties.append(ReportingDuty(
                reporter=duty.subject or _sentence_opener(value, duty.start, named) or
                _agency_heading(layout, section, line.start),
                recipient=duty.recipient, via=duty.via,
                when=_when(clause, span, deadline, time_expressions) or closing, text=clause,
                span=span, page=norm.page_at(line.start),
                section=section.id if section else None,
            ))
    # "Báo cáo gửi về Sở ... (qua Văn phòng Sở)": where the section's reports go.
    for index, duty in enumerate(duties):
        chain = layout.chain(layout.section_at(duty.span[0]))
        route = next((routed[holder.id] for holder in chain if holder.id in routed), None)
        if duty.recipient is None and route is not None:
            duties[index] = duty.model_copy(update={"recipient": route[0], "via": route[1]})
    duties.extend(_table_duties(norm, layout, context_year))
    return sorted(duties, key=lambda duty: duty.span[0] if duty.span else 0)


def _bounded(duty: FoundDuty, value: str, named: list[AgencyMention]) -> FoundDuty:
    """The duty's reporter and recipient cut to the bodies named there ("báo cáo Sở Nông
    nghiệp và Môi trường tình hình ..." is to the Sở); a reporter after an opening phrase
    ("Khi có thiên tai, sự cố xảy ra, Trưởng các thôn báo cáo ...")."""
    def cut(name: str | None, start: int) -> str | None:
        if name is None:
            return None
        at = value.find(name, start)
        listed = listed_after(value, at, named) if at >= 0 else []
        return value[at:listed[-1].end] if listed and listed[0].start == at else name

    clause = value[duty.start:duty.end]
    subject = cut(duty.subject, duty.start)
    if subject is None:
        inside = [m.moved(-duty.start) for m in named
                  if duty.start <= m.start and m.end <= duty.end]
        doers = read_roles(clause, inside).doers
        report = REPORT.search(clause)
        if doers and report and doers[-1].end <= report.start():
            subject = clause[doers[0].start:doers[-1].end]
    return duty._replace(subject=subject, recipient=cut(duty.recipient, duty.start))


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
            for offset, stop, recipient, via, *_ in find_reporting(norm.text[start:end],
                                                                  named_only=True):
                cells = [norm.text[s:e] for s, e in row]
                time = None
                if when is not None and when < len(cells):
                    expressions = cell_expressions(cells[when], context_year)
                    # "Từ tháng 11/2025 đến hết tháng 4/2026; báo cáo hằng ngày trước 16 giờ":
                    # the time the cell gives the reports
                    reported = [value for offset, value in expressions
                                if REPORT.search(cells[when], 0, offset)]
                    time = (reported or [value for _, value in expressions] or [None])[0]
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


def _sentence_opener(value: str, start: int, named: list[AgencyMention]) -> str | None:
    """The body a duty's sentence opens with, a clause or more before the duty: "Trạm Y tế các
    xã, thị trấn cân, đo trẻ em ...; báo cáo kết quả về Trung tâm Y tế huyện"."""
    opening = value.rfind(". ", 0, start) + 1
    opening += len(LIST_MARK.match(value, opening).group())
    return next((value[m.start:m.end] for m in named if m.start == opening
                 and ";" in value[m.end:start]), None)


def _agency_heading(layout: Layout, section: Section | None, start: int) -> str | None:
    """The agency of the organisation item a clause stands under ("2. Sở Tài chính:")."""
    for candidate in layout.chain(section):
        if candidate.kind not in AGENCY_ITEM_KINDS or not candidate.span or \
                candidate.span[0] == start:
            continue
        title = regex.sub(r"^Đề nghị\s+", "", candidate.title).strip(" :")
        if title.isupper():
            continue  # "IV. CHẾ ĐỘ THÔNG TIN, BÁO CÁO": a heading in capitals, not a body
        if regex.match(rf"{BODY}|Các\s", title) or _opens_with_body(title):
            return title  # "5. Tổ trưởng các tổ dân phố:" too
    return None


@lru_cache(maxsize=1024)
def _named_bodies(subject: str) -> str:
    """A clause's subject cut to the bodies it opens with ("UBND các xã, phường kích hoạt
    phương án ứng phó" -> "UBND các xã, phường"), or as read where the agency pass finds none
    at its start ("Các đơn vị")."""
    mentions = find_mentions(subject)
    if not mentions or mentions[0].start != 0:
        return subject
    end = mentions[0].end
    for mention in mentions[1:]:
        if not regex.fullmatch(r"\s*(?:,|và|,\s*và)\s*", subject[end:mention.start]):
            break
        end = mention.end
    return subject[:end]


@lru_cache(maxsize=1024)
def _opens_with_body(title: str) -> bool:
    """Whether the agency pass finds a body at the start of a heading (read once per title,
    though every duty under it asks)."""
    return any(mention.start == 0 for mention in find_mentions(title))


def _when(clause: str, span: tuple[int, int], deadline: TimeExpression | None,
          time_expressions: list[TimeExpression]) -> TimeExpression | None:
    """The duty's time as the time pass read it: the deadline it was split on (as read here,
    if the time pass passed it by), else its first dated expression after its "báo cáo", else
    its first dated one, else its first other one ("định kỳ", "theo quy định")."""
    inside = [value for value in time_expressions
              if value.span and span[0] <= value.span[0] < span[1]]
    if deadline:
        own = [value for value in inside if value.span[0] < deadline.span[1] and
               deadline.span[0] < value.span[1]]
        return own[0] if own else deadline
    dated = [value for value in inside if value.kind != "unspecified"]
    # "tham mưu UBND huyện sơ kết ... trong tháng 7/2024 ..., báo cáo UBND tỉnh trước ngày
    # 15/12/2024": the report's own time follows it; a time before it is the other work's
    report = _report_in(clause)
    after = [value for value in dated
             if report is not None and value.span[0] >= span[0] + report.start()]
    if after or dated or inside:
        return (after or dated or inside)[0]
    required = AS_REQUIRED.search(clause)
    if required:
        return TimeExpression(text=required.group(0), kind="unspecified",
                              reason=required.group(0))
    return None
