"""Tasks: who does what, with whom, by when.

Three places hold tasks: the items of the NHIỆM VỤ / GIẢI PHÁP sections, the duties listed
under each agency in TỔ CHỨC THỰC HIỆN ("2. Sở Tài chính: ..."), and task tables. A task is a
lowest item, or one sentence of it; an item with sub-items and a line ending in ":" are headings
whose words still set the roles of what stands under them ("Phối hợp với các ban, ngành tham
mưu UBND phường:").

Roles come from the words around each body: "chủ trì", "cơ quan thường trực" and "giúp UBND ...
tổ chức triển khai" make the lead; "phối hợp với X" makes X cooperating; the body that "tham
mưu" advises; "Đề nghị X" requests X; otherwise the named doer is responsible. A table's
columns say the same by their headers, in any order.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field, replace
from functools import cache
from itertools import takewhile
from typing import NamedTuple

import regex

from extractor.model import Agency, Assignment, Section, Task, TimeExpression
from extractor.normalize import NormalizedText, clause_spans
from extractor.rules.agencies import (
    ASSOCIATION_COMMITTEE,
    LIST_GAP,
    SHORT_NAME_BRACKET,
    SHORT_NAME_WORDS,
    AgencyMention,
    find_mentions,
    full_name,
    listed_after,
    listed_before,
    register_names,
    registered,
)
from extractor.rules.timex import PHASE_ONLY, TIME_COLUMN, TIME_LINE
from extractor.rules.vocabulary import (
    APPENDIX_POINTER,
    BACKGROUND_SECTION,
    COMMUNE_UNIT_WORDS,
    COMMUNE_UNIT_WORDS_EITHER_CASE,
    GROUNDS_SECTION,
    LOCAL_UNIT_WORDS,
    TOTAL_ROW,
    UNIT_WORDS,
    VILLAGE_UNIT_WORDS,
    load_lexicon,
    match_key,
)
from extractor.structure import CLOSING, Layout, marker_of


@cache
def lexicon() -> dict:
    return load_lexicon("tasks.toml")


TASK_ZONE = regex.compile(
    r"nhiệm vụ|giải pháp|nội dung|tổ chức thực hiện|trách nhiệm|phân công|hoạt động|"
    r"tiến độ|chế độ báo cáo|thông tin,? báo cáo", regex.IGNORECASE)
# Headings under which the bodies named are the ones given duties.
ORGANISATION_ZONE = regex.compile(r"tổ chức thực hiện|trách nhiệm|phân công", regex.IGNORECASE)
INSTITUTION_KINDS = {"service_unit", "school", "media", "other"}
# Bodies the issuer asks rather than commands.
OUTSIDE_COMMAND = {"front", "mass_organisation", "party"}
UNIT_WORD = regex.compile(rf"(?<!\p{{L}})(?i:{UNIT_WORDS})(?!\p{{L}})")
# The plan's closing words, an appendix's caption, a title in capitals.
NOT_A_TASK = regex.compile(
    r"^(?:Trên đây là|\(.*\)$|\((?i:ban hành\s+)?(?i:kèm theo)|[^\p{Ll}]+$)")
# Sentences that name no body and give no work: what a measure is ("Truyền thông là giải pháp
# then chốt để ..."), and a pointer to the table of tasks ("Nội dung công việc, ... được phân
# công chi tiết tại Phụ lục kèm theo Kế hoạch này").
NO_WORK = regex.compile(
    rf"^[^,;]{{1,60}}?\s+là\s+(?:{'|'.join(lexicon()['statements']['measures'])})\s+"
    rf"(?:{'|'.join(lexicon()['statements']['weights'])})\b[^,;]*$"
    # "... được phân công chi tiết tại Phụ lục", "... cơ quan chủ trì ... có Phụ lục kèm theo"
    rf"|^[^;]*{APPENDIX_POINTER}[^;]*$")
# A line that lists the papers a duty sends ("... 01 bộ hồ sơ đề nghị ..., gồm:") and the
# papers it lists ("- Tờ trình của ...", "- Biên bản tự kiểm tra ...").
LISTING = regex.compile(r"\b(?:bao\s+)?gồm\s*:\s*$")
DOCUMENT_ITEM = regex.compile(
    r"^\s*(?:[-+•]\s*)?(?:Tờ trình|Biên bản|Danh sách|Bản sao|Bản chụp|Đơn đề nghị|Giấy|Phiếu|"
    r"Báo cáo\s+(?:kèm|tự|tóm|thành tích|kết quả)|Bảng|Quyết định|Văn bản)\b")
# In the plan's closing paragraph, a call to carry the plan out ("Yêu cầu các ngành ...
# nghiêm túc triển khai thực hiện./."): farewells, not duties.
# A sentence there that gives a body work of its own ("Sở X hướng dẫn, kiểm tra, ... báo cáo
# UBND tỉnh") is a task.
CARRY_OUT = regex.compile(
    r"(?:triển khai|tổ chức)(?:\s*,)?\s+(?:triển khai\s+)?thực hiện(?:\s+Kế hoạch(?:\s+này)?)?"
    rf"(?:\s*,?\s*(?:và\s+)?(?:{'|'.join(lexicon()['closing']['manner'])}))*\s*(?:[,.;/]|$)",
    regex.IGNORECASE)
SENTENCE_END = regex.compile(r"(?<=[.!?])\s+(?=[\p{Lu}\d])")
# "cơ quan thường trực", "bộ phận thường trực"; not "Thường trực HKH quận" (a body's standing
# committee) nor "Văn phòng thường trực" (a name).
LEAD = regex.compile(r"chủ trì|(?:cơ quan|bộ phận)\s+thường trực|"
                     r"(?:là|làm)\s+(?:cơ quan\s+)?đầu mối(?!\s+(?:tiếp nhận|nhận))|"
                     r"giúp\s+(?:UBND|Ủy ban|Uỷ ban|BCĐ|Ban)[^.;:]*?"
                     r"(?:tổ chức(?!\s*,)|triển khai)", regex.IGNORECASE)
# Not "cơ chế phối hợp giữa các cấp, các ngành": a mechanism the work builds, not a role.
COOPERATE = regex.compile(r"(?<!(?:cơ|quy)\s+chế\s+)(?:(?:phối hợp|liên kết)(?:\s*,\s*liên kết)?"
                          r"\s+giữa|phối hợp(?:\s+(?:chặt chẽ\s+|tốt\s+)?(?:với|cùng))?)|"
                          r"cùng với", regex.IGNORECASE)
# The body right after these words is advised, helped or reported to: it does not do the work.
ADDRESSED = regex.compile(r"tham mưu(?:\s+cho)?|giúp|trình|báo cáo(?:\s+về)?|gửi|đề xuất",
                          regex.IGNORECASE)
REQUEST = regex.compile(r"^\s*(?:[-+•]\s*)?Đề nghị\b")
SHORT_NAME_GIVEN = regex.compile(rf"\(\s*{SHORT_NAME_WORDS}\s*$")
# What may stand before a sentence's subject: a bullet, "Đề nghị" or "Giao" (the issuer
# assigning the work: "Giao Phòng Kinh tế chủ trì ..."), an opening phrase with its
# comma ("Ngay từ Quý I/2025, Đài Truyền thanh xã ..."), the head who acts for the body
# ("Trưởng Ban chỉ đạo phường xây dựng ...", and its slip "Trường"), or its members ("Các
# thành viên Ban Chỉ huy ...").
# "... giữa các cấp, các ngành": a body further along a list of the same shape is no subject.
IN_A_LIST = regex.compile(r"(?i)\bcác\s+\p{L}+\s*,\s*$")
SUBJECT_GAP = regex.compile(
    r"^\s*(?:[-+•]\s*)?(?:[^;.:]{2,60}:\s*)?(?:(?:Đề nghị|Giao(?:\s+cho)?)\s*)?"
    r"(?:[^,;.:]{2,40},\s*|"
    r"(?:Hằng|Hàng)\s+năm\s+)?"
    r"(?:(?:Phó\s+)?(?:Trưởng|Trường|Thủ trưởng|Giám đốc|Chủ tịch|Thường trực|Người đứng đầu)"
    r"\s+|(?:[Cc]ác\s+)?[Tt]hành\s+viên\s+)?$")
# Words that open a sentence with a phrase of time, condition or grounds before its subject;
# the phrase may be long and name bodies of its own.
OPENING_WORDS = (
    r"(?:Trong\s+(?:thời\s+hạn|quá\s+trình|vòng)|Quá\s+trình|Sau\s+khi|Căn\s+cứ|Trên\s+cơ\s+sở|Ngay\s+sau|"
    r"Ngay\s+khi|Trước\s+khi|Khi|Nếu|Đối\s+với|Hằng\s+(?:năm|tháng|quý)|Hàng\s+(?:năm|tháng|quý)|"
    r"Định\s+kỳ|Tùy\s+theo|Tuỳ\s+theo)\b")
OPENING = regex.compile(r"^\s*(?:[-+•]\s*)?(?:Bước\s+\d+\s*:\s*)?" + OPENING_WORDS)
# The same opening a later clause: "...; định kỳ 6 tháng, Ban Chỉ đạo họp ...".
CLAUSE_OPENING = regex.compile(OPENING_WORDS + r"[^,;.]{0,60},\s*", regex.IGNORECASE)
# A time limit standing alone as a sentence: the opening of the next one, cut off by a stray
# full stop.
CUT_OPENING = regex.compile(
    r"^\s*(?:[-+•]\s*)?(?:Bước\s+\d+\s*:\s*)?Trong\s+(?:thời\s+hạn|vòng)\s+\d+\s+"
    r"(?:ngày|tuần|tháng)[^,;]*\bkể\s+từ\b[^,;]*$")
# A sentence whose subject is a locality itself, with no body named: "Xã công khai ...",
# "Bên cạnh đó, xã biên soạn ...", "Mỗi thôn thành lập ..." ("xã hội" is society); a Sở's
# plan speaking of itself ("Sở tổ chức kiểm tra ...").
PLACE_SUBJECT = regex.compile(
    r"^\s*(?:[-+•]\s*)?(?:[^,;.:]{2,40},\s*)?"
    rf"(?P<place>(?:[Mm]ỗi|[Cc]ác|[Tt]ừng)\s+(?:{COMMUNE_UNIT_WORDS}|{VILLAGE_UNIT_WORDS})"
    # a village by its name: "Thôn Đông hoàn thành dồn điền, đổi thửa ..."
    rf"|(?i:{VILLAGE_UNIT_WORDS})\s+[\p{{Lu}}\d][\p{{L}}\d]*(?:\s+\p{{Lu}}\p{{L}}*){{0,3}}"
    rf"|{COMMUNE_UNIT_WORDS_EITHER_CASE}|Sở)(?!\s+hội\b)\s+(?=\p{{Ll}})")
# The same in a later clause: "...; mỗi phường tổ chức ít nhất 02 đợt ...", "...; các huyện,
# thành phố tổ chức triển khai ...", "...; xã không để tình trạng ...".
CLAUSE_PLACE = regex.compile(
    rf";\s*(?:(?i:hằng|hàng)\s+năm\s*,\s*)?(?P<place>(?i:mỗi|các|từng)\s+(?:{LOCAL_UNIT_WORDS})"
    rf"(?:\s*,\s*(?:{LOCAL_UNIT_WORDS}))*|{COMMUNE_UNIT_WORDS_EITHER_CASE})(?!\s+hội\b)\s+(?!được\b)"
    r"(?=\p{Ll})")
# Localities listed among the bodies that help: "phối hợp với Sở X, các sở, ban, ngành liên
# quan, các huyện và thành phố xây dựng ...".
LOCAL_UNIT = rf"(?:{LOCAL_UNIT_WORDS})"
LISTED_PLACES = regex.compile(
    rf"(?:\s*,\s*|\s+và\s+|\s+)(?P<place>(?i:các)\s+{LOCAL_UNIT}"
    rf"(?:\s*(?:,|\s+và)\s*{LOCAL_UNIT})*)(?=\s+\p{{Ll}}|\s*[,;.]|\s*$)(?!\s+hội\b)")
# A later clause of a sentence, and the verb that makes the body opening it its subject (not
# "phối hợp", help with another's work, nor a verb that addresses it).
CLAUSE_START = regex.compile(r";\s*")
CLAUSE_REQUEST = regex.compile(r"đề nghị\s+", regex.IGNORECASE)
CLAUSE_GIVEN = regex.compile(r"giao(?:\s+cho)?\s+", regex.IGNORECASE)
SHORT_NAME_AFTER = regex.compile(rf"\s*{SHORT_NAME_BRACKET}")
# What a body that only helps with another's work says after its name: "X phối hợp ...",
# "6. Công an xã: phối hợp kiểm tra ...", past a bracket that names it again ("Chỉ đạo các
# TTHTCĐ (sau đây gọi tắt là TTHTCĐ) phối hợp", "Phòng Cảnh sát ... (Phòng Cảnh sát PCCC và
# CNCH) phối hợp với ...").
HELPS = regex.compile(r"(?:\s*\([^()]*\))?[\s:]*(?:chủ động\s*,?\s*)?phối hợp\b",
                      regex.IGNORECASE)
# (not "có", what it has, but "có trách nhiệm", what it must do)
CLAUSE_VERB = regex.compile(r"^\s+(?!phối hợp|được\b|là\b|và\b|có\b(?!\s+trách\s+nhiệm))\p{Ll}")
# "... về Phòng X để tổng hợp, tham mưu ...": a purpose clause, up to the clause's end.
PURPOSE = regex.compile(r"\bđể\s+[^;.]*", regex.IGNORECASE)
# "UBND xã yêu cầu X ...", "giao X ...": the bodies named after the verb do the work.
DELEGATE = regex.compile(r"^\s*(?:yêu cầu|giao(?:\s+cho)?|đề nghị)\s+", regex.IGNORECASE)

# Words before the bodies a cell's work is for: "cán bộ HKH", "tập huấn cho ...".
SERVED = regex.compile(r"(?i)\b(?:cán bộ|cho)\s+")
STAFF = regex.compile(r"(?i)cán bộ|BCH")
# A duty done as a matter of course, at the start of the task or of one of its clauses, or
# right after the bodies doing it ("..., Đoàn Thanh niên xã thường xuyên tuyên truyền ...");
# not "học tập thường xuyên", "vùng trũng thường xuyên ngập úng".
REGULARLY = regex.compile(r"(?:^|;\s*)(?:[-+•]\s*)?((?i:thường xuyên))\b")
REGULARLY_AFTER_BODY = regex.compile(
    r"(?:\s*\([^()]*\))?(?:\s+chủ\s+trì\s*,)?\s+(thường xuyên)\s+(?=\p{Ll})")
REGULARLY_AFTER_DOER = regex.compile(
    r"(?:^|;\s*)(?:[-+•]\s*)?"
    rf"(?:(?i:{'|'.join(lexicon()['regularly']['directing'])})"
    rf"(?:\s*,\s*(?i:{'|'.join(lexicon()['regularly']['directing'])}))*\s+[^;.:()]{{3,80}}?"
    rf"|(?i:(?:các\s+|mỗi\s+)?(?:{'|'.join(lexicon()['regularly']['people'])}))\b[^;.:,()]{{0,40}}?)"
    # not a place that often is something: "hộ ở vùng thường xuyên ngập lụt"
    r"(?<!(?:vùng|nơi|khu\s+vực|địa\s+bàn)(?:\s+\p{Ll}+)?)"
    r"\s+(thường xuyên)\s+(?!(?:tại|trong|của|và|cho|ở|theo)\b)(?=\p{Ll})")
CLOSING_BRACKET = regex.compile(r"\((?=[^()]*\d)[^()]{3,40}\)[\s.;]*$")
# Table headers: which column holds what.
CONTENT_COLUMN = regex.compile(r"nội dung|nhiệm vụ|công việc|hoạt động", regex.IGNORECASE)
LEAD_COLUMN = regex.compile(r"chủ trì", regex.IGNORECASE)
COOPERATING_COLUMN = regex.compile(r"phối hợp", regex.IGNORECASE)
# not "Đơn vị tính", a unit of measure
RESPONSIBLE_COLUMN = regex.compile(r"thực hiện|phụ trách|đơn vị(?!\s+tính)|cơ quan|trách nhiệm",
                                   regex.IGNORECASE)
DELIVERABLE_COLUMN = regex.compile(r"sản phẩm|kết quả", regex.IGNORECASE)
# A row's work that is advice: "Tham mưu ...", "Tổng hợp, tham mưu ...", "- Thẩm định dự
# toán, tham mưu ...".
ROW_ADVISES = regex.compile(r"\s*(?:[-+•]\s*)?(?:\p{L}+(?:\s+\p{L}+){0,2}\s*,\s*)?tham\s+mưu\b",
                           regex.IGNORECASE)
GROUP_ROW = regex.compile(r"^(?:[IVXL]{1,6}|[A-H])[.)]?$")
FIELD_KEYS = [CONTENT_COLUMN, LEAD_COLUMN, COOPERATING_COLUMN, RESPONSIBLE_COLUMN, TIME_COLUMN,
              DELIVERABLE_COLUMN]
# The caption over a task's table: "Nhiệm vụ 1: Tuyên truyền ...", "**Nhiệm vụ 2.** ...".
# A duty's fields on lines of their own under it, as in a table of one task's fields: "- Đơn
# vị thực hiện: Công an phường chủ trì; phối hợp: ...", "- Thời gian: Quý I/2026.", "- Sản
# phẩm: ...".
BODIES_KEY = (r"(?P<key>(?:Đơn vị|Cơ quan|Bộ phận)\s+(?:thực hiện|chủ trì|phối hợp|phụ trách)"
              r"|Chủ trì|Phối hợp)\s*:\s*")
BODIES_LINE = regex.compile(rf"^\s*(?:[-+•]\s*)?{BODIES_KEY}")
# "...; cơ quan phối hợp: ..." further on in the line, in either case
NEXT_BODIES_FIELD = regex.compile(rf"\s*[;.]\s*(?i:{BODIES_KEY})")
DELIVERABLE_LINE = regex.compile(r"^\s*(?:[-+•]\s*)?(?:Sản phẩm|Kết quả đầu ra)\s*:\s*")
TASK_CAPTION = regex.compile(
    r"\s*(?:\*\*)?Nhiệm vụ\s+(?:số\s+)?\d+\s*[:.]\s*(?:\*\*)?\s*(?P<name>\S.*?)\s*[.:]?\s*$")


@dataclass
class _Roles:
    """Bodies and their roles read from one stretch of words."""

    doers: list[AgencyMention]
    cooperating: list[AgencyMention]
    lead: bool = False
    advising: bool = False
    requested: bool = False
    # Subjects of later clauses: "Mỗi ấp xây dựng ...; Đoàn Thanh niên xã duy trì ...".
    clause_subjects: list[AgencyMention] = field(default_factory=list)
    clause_requests: list[AgencyMention] = field(default_factory=list)  # "...; đề nghị X ..."
    # Subjects of later clauses that lead or advise there: "...; Công an xã chủ trì ...",
    # "...; Phòng GD&ĐT tổng hợp, tham mưu ...".
    clause_leads: list[AgencyMention] = field(default_factory=list)
    clause_advisers: list[AgencyMention] = field(default_factory=list)
    # A unit of a body named in brackets after it ("Công an tỉnh (PC06)"), with that body: it
    # takes the body's part.
    units_in_brackets: list[tuple[AgencyMention, AgencyMention]] = field(default_factory=list)

    def merge(self, other: _Roles) -> _Roles:
        return _Roles(self.doers or other.doers, self.cooperating + other.cooperating,
                      self.lead or other.lead, self.advising or other.advising,
                      self.requested or other.requested)


def read_roles(text: str, mentions: list[AgencyMention]) -> _Roles:
    """Roles in ``text`` (``mentions`` are its bodies, offsets into ``text``)."""
    # a short name given in brackets names no one new: "X (sau đây gọi tắt là Y)", "X (Y)";
    # a unit of X in the brackets ("Công an tỉnh (PC06)") takes X's part
    by_end = {mention.end: mention for mention in mentions}
    in_brackets = {}
    for mention in mentions:
        if regex.match(r"\s*\)", text[mention.end:]) and \
                (match := regex.search(r"\s*\(\s*$", text[:mention.start])) and \
                (body := by_end.get(match.start())) is not None:
            in_brackets[mention] = body
    mentions = sorted((mention for mention in mentions
                       if not SHORT_NAME_GIVEN.search(text, 0, mention.start)
                       and mention not in in_brackets),
                      key=lambda mention: mention.start)
    cooperating: list[AgencyMention] = []
    for marker in COOPERATE.finditer(text):
        cooperating.extend(listed_after(text, marker.end(), mentions))
        cooperating.extend(_listed_places(text, marker.end(), mentions))
    advised: list[AgencyMention] = []
    for marker in ADDRESSED.finditer(text):
        advised.extend(listed_after(text, marker.end(), mentions)[:1])
    doers = []
    for mention in _after_opening(text, mentions):
        gap = text[doers[-1].end if doers else 0:mention.start]
        if (not doers and (SUBJECT_GAP.match(gap) or _opened(text, mention))
                and not IN_A_LIST.search(gap)) or (doers and LIST_GAP.match(gap)):
            doers.append(mention)
        else:
            break
    doers = [m for m in doers if m not in cooperating and m not in advised]
    if doers and (delegate := DELEGATE.match(text[doers[-1].end:])):
        named = listed_after(text, doers[-1].end + delegate.end(), mentions)
        if named:
            doers = named
    lead_matches = list(LEAD.finditer(text))
    lead_match = lead_matches[0] if lead_matches else None
    later = _clause_subjects(text, mentions, doers + cooperating)
    # "tham mưu" is the role of the clause it stands in, unless it is the purpose of a report
    # ("... phản ánh về Phòng X để tổng hợp, tham mưu UBND huyện").
    purposes = [found.span() for found in PURPOSE.finditer(text)]
    advice = [found.start() for found in regex.finditer(r"tham mưu", text, regex.IGNORECASE)
              if not any(start <= found.start() < end for start, end in purposes)]
    own_clauses = {m: (m.end, _clause_end(text, m.end)) for m in later[False]}
    leads = [found.start() for found in lead_matches]

    def in_own_clause(at: int) -> bool:
        return any(start <= at < end for start, end in own_clauses.values())

    # "X duy trì ...; Y chủ trì xây dựng ...": a role word in a later subject's clause is that
    # subject's role, not the first subject's.
    roles = _Roles(doers, cooperating, lead=any(not in_own_clause(at) for at in leads),
                   advising=any(not in_own_clause(at) for at in advice),
                   requested=bool(REQUEST.match(text)),
                   clause_subjects=later[False], clause_requests=later[True],
                   clause_leads=[m for m, (start, end) in own_clauses.items()
                                 if any(start <= at < end for at in leads)],
                   clause_advisers=[m for m, (start, end) in own_clauses.items()
                                    if any(start <= at < end for at in advice)],
                   units_in_brackets=[(unit, body) for unit, body in in_brackets.items()
                                      if match_key(full_name(unit.name)) !=
                                      match_key(full_name(body.name))])
    # "do X chủ trì": the lead is named after "do"; "tham gia các lớp tập huấn do X tổ chức":
    # X runs the work the others join, one of its doers (not in a later clause of other work:
    # "X hướng dẫn ...; cử cán bộ tham gia các lớp tập huấn do Sở ... tổ chức").
    by = regex.search(r"\bdo\s+", text)
    if by and lead_match and lead_match.start() > by.end():
        named = listed_after(text, by.end(), mentions)
        if named:
            roles.doers = named
    elif by and doers and ";" not in text[doers[-1].end:by.start()]:
        named = listed_after(text, by.end(), mentions)
        if named and regex.match(r"\s*(?:tổ chức|thực hiện)\b", text[named[-1].end:]):
            roles.doers = doers = doers + [m for m in named if m not in doers]
    # "Căn cứ ... phê duyệt Phòng GD&ĐT, Hội Khuyến học quận chủ trì ...": no comma closes the
    # opening, but the bodies right before "chủ trì" lead.
    if lead_match:
        named = [mention for mention in listed_before(text, lead_match.start(), mentions)
                 if mention not in cooperating and mention not in advised]
        if named and (not roles.doers or roles.doers[-1] in named) and \
                not (not roles.doers and named[0] in roles.clause_subjects):
            # (not "Quản lý ...; Ban CHQS các xã chủ trì ...": a later clause's own lead)
            roles.doers = doers = named
            roles.lead = True
    # "X phối hợp ..." with no lead: X cooperates in someone else's work (but "Đề nghị X phối
    # hợp ..." asks X itself).
    if doers and not roles.lead and not roles.requested and HELPS.match(text, doers[-1].end):
        roles.cooperating = doers + roles.cooperating
        roles.doers = []
    # "Chỉ đạo các trường học phối hợp với ...", "...; UBND các huyện phối hợp": a body the
    # sentence directs to help is a cooperating body of the work.
    for mention in mentions:
        if HELPS.match(text, mention.end):
            roles.cooperating += [
                named for named in listed_before(text, mention.end, mentions)
                if named not in roles.doers and named not in roles.cooperating
                and named not in advised]
    return roles


def _clause_end(text: str, start: int) -> int:
    found = CLAUSE_START.search(text, start)
    return found.start() if found else len(text)


def _clause_subjects(text: str, mentions: list[AgencyMention],
                     taken: list[AgencyMention]) -> dict[bool, list[AgencyMention]]:
    """The bodies that open a later clause of the sentence and act in it ("...; Hội Khuyến
    học thị xã vận động nguồn lực ...; Thị đoàn phát huy ..."), under False, and those a later
    clause asks ("...; đề nghị Công ty ... bổ sung ..."), under True."""
    found: dict[bool, list[AgencyMention]] = {False: [], True: []}
    for clause in CLAUSE_START.finditer(text):
        opening = CLAUSE_OPENING.match(text, clause.end())
        after = opening.end() if opening else clause.end()
        asks = CLAUSE_REQUEST.match(text, after)
        # "...; giao Hợp tác xã Tân Thịnh tổ chức ...": the issuer assigns the clause's work
        given = CLAUSE_GIVEN.match(text, after)
        start = asks.end() if asks else given.end() if given else after
        subjects = listed_after(text, start, mentions)
        if not subjects or subjects[0].start != start or subjects[0] in taken:
            continue
        # a short name given between the subject and its verb: "giao Hợp tác xã Nông nghiệp
        # Tân Thịnh (sau đây gọi tắt là HTX Tân Thịnh) tổ chức ..."
        given_name = SHORT_NAME_AFTER.match(text, subjects[-1].end)
        if CLAUSE_VERB.match(text[given_name.end() if given_name else subjects[-1].end:]):
            found[bool(asks)] += subjects
    return found


def _after_opening(text: str, mentions: list[AgencyMention]) -> list[AgencyMention]:
    """The mentions from the sentence's subject on, past a long opening phrase and the bodies
    in it ("Trong thời hạn 5 ngày làm việc kể từ ngày có kết quả kiểm tra, Phòng Giáo dục và
    Đào tạo ...", "Căn cứ Kế hoạch ... của Hội Khuyến học Thành phố, Thường trực ...")."""
    if mentions and "," not in text[:mentions[0].start] and \
            SUBJECT_GAP.match(text[:mentions[0].start]):
        return mentions  # "Hàng năm các sở, ngành ... xây dựng ...": no phrase before it
    for index, mention in enumerate(mentions):
        if _opened(text, mention):
            return mentions[index:]
    return mentions


def _opened(text: str, mention: AgencyMention) -> bool:
    """Whether ``mention`` stands right after the comma that closes the sentence's opening
    phrase (a position before it aside: "..., Thường trực Hội Khuyến học quận")."""
    opening = OPENING.match(text)
    if opening is None or mention.start < opening.end():
        return False
    before = text[opening.end():mention.start]
    return not regex.search(r"[;.:]", before) and bool(regex.search(
        r",\s*(?:(?:Thường trực|Lãnh đạo|Thủ trưởng|Trưởng|Chủ tịch|Giám đốc)\s+)?$", before))


def _listed_places(text: str, start: int, mentions: list[AgencyMention]) -> list[AgencyMention]:
    """Localities that close the list of bodies after ``start`` ("phối hợp với Sở X, các huyện
    và thành phố"), as collective bodies."""
    listed = listed_after(text, start, mentions)
    places = LISTED_PLACES.match(text, listed[-1].end if listed else start)
    if places is None or any(m.start == places.start("place") for m in mentions):
        return []
    return [AgencyMention(places.start("place"), places.end("place"), places.group("place"),
                          "other", True)]


def _role(roles: _Roles) -> str:
    if roles.lead:
        return "lead"
    if roles.requested:
        return "requested"
    if roles.advising:
        return "advising"
    return "responsible"


# --- the plan's mentions ------------------------------------------------------------------

class _Mentions:
    """The bodies the agencies pass found, looked up by stretch of text (no second reading)."""

    def __init__(self, mentions: list[AgencyMention], text: str) -> None:
        self.mentions = sorted(mentions, key=lambda mention: mention.start)
        self.starts = [mention.start for mention in self.mentions]
        self.text = text

    def within(self, start: int, words: str) -> list[AgencyMention]:
        """The mentions inside ``words`` (found at ``start``), with offsets into ``words``;
        words that are not the text there (a rebuilt title) are read on their own."""
        end = start + len(words)
        if self.text[start:end] != words:
            return find_mentions(words)
        found = []
        for mention in self.mentions[bisect_left(self.starts, start):]:
            if mention.start >= end:
                break
            if mention.end <= end:
                found.append(replace(mention, start=mention.start - start,
                                     end=mention.end - start))
        return found


# --- prose ---------------------------------------------------------------------------------

@dataclass
class _Context:
    """What an item's headings and intro lines say about who does it."""

    heading_agencies: list[AgencyMention]  # offsets into the whole text
    heading_requested: bool
    heading_lead: bool
    texts: list[tuple[int, str]]  # (offset, words) of intro lines and heading lines


def extract_tasks(norm: NormalizedText, layout: Layout, agencies: list[Agency],
                  mentions: list[AgencyMention],
                  time_expressions: list[TimeExpression]) -> list[Task]:
    """Tasks with their bodies' roles; ``mentions`` are the agencies pass's, not read again."""
    found = _Mentions(mentions, norm.text)
    prose = _Prose(norm, layout, found)
    prose_tasks = prose.tasks()
    table_tasks, time_cells = _table_tasks(norm, layout, found)
    time_cells.update(prose.closing_times)
    tasks = sorted([*prose_tasks, *table_tasks], key=lambda task: task.span[0])  # type: ignore[index]
    names = register_names(agencies)
    for number, task in enumerate(tasks, start=1):
        task.id = f"k{number}"
        _resolve(task, names)
        _timeframe(task, time_cells.get(id(task)), time_expressions, mentions)
    _count_roles(agencies, tasks)
    return tasks


ZONE_KINDS = {"roman", "chapter", "part", "appendix", "task"}


def _task_zones(layout: Layout) -> set[str]:
    """Ids of the sections whose items are tasks."""
    zones: set[str] = set()
    for section in layout.sections:
        # Innermost first, up to an article: a decision's articles are not tasks, but a plan
        # approved inside "Điều 1" keeps its own headings (I. ..., II. NHIỆM VỤ ...).
        chain = list(takewhile(lambda s: s.kind != "article", layout.chain(section)))
        in_article = len(chain) < len(layout.chain(section))
        if in_article and not any(s.kind in ZONE_KINDS for s in chain):
            continue
        for candidate in chain:  # the nearest verdict wins
            if candidate.kind in ZONE_KINDS | {"arabic"} and (
                    BACKGROUND_SECTION.match(candidate.title) or
                    GROUNDS_SECTION.match(candidate.title)):
                break
            if (candidate.kind in ZONE_KINDS or candidate.parent is None) \
                    and TASK_ZONE.search(candidate.title):
                zones.add(section.id)
                break
    return zones


class _FieldLine(NamedTuple):
    at: int  # where the line starts
    kind: str  # "bodies", "time" or "deliverable"
    key: str  # the field's name, folded: "đơn vị thực hiện"
    value: tuple[int, int]


class _Prose:
    """Tasks in the plan's numbered items: what each says, and what its headings and intro
    lines ("... có trách nhiệm:") say about who does it."""

    def __init__(self, norm: NormalizedText, layout: Layout, mentions: _Mentions) -> None:
        self.norm = norm
        self.layout = layout
        self.mentions = mentions
        # Intro lines ("... có trách nhiệm:") by the section they speak for: (offset, words,
        # whether they speak only for the bullets after them).
        self.intros: dict[str, list[tuple[int, str, bool]]] = {}
        self.headings: dict[str, tuple[list[AgencyMention], bool, bool] | None] = {}
        self.topics: set[str] = set()  # headings that name a kind of institution as a subject
        # An item's closing bracket, read as the time of each of its sentences before the last:
        # "- Báo cáo ... . Triển khai ... . Giới thiệu ... (Tháng 2/2018)."
        self.closing_times: dict[int, tuple[int, int]] = {}
        # Field lines under an item's duties ("- Thời gian: Quý I/2026."), by the item.
        self.field_lines: dict[str, list[_FieldLine]] = {}

    def tasks(self) -> list[Task]:
        tasks = self._item_tasks()
        # the item a duty's fields are written in: a bullet's duty takes its item's
        # ("- Hoàn thành ...", "- Giải ngân ...", then "Cơ quan chủ trì: X; cơ quan phối hợp: Y")
        items = {section.id: section.parent if section.kind == "bullet" and section.parent
                 else section.id for section in self.layout.sections}
        for index, task in enumerate(tasks):
            item = items.get(task.section or "", task.section or "")
            later = [other.span[0] for other in tasks[index + 1:]  # type: ignore[index]
                     if items.get(other.section or "", other.section) == item]
            self._take_fields(task, item, later[0] if later else len(self.norm.text))
        return tasks

    def _field_line(self, value: str, offset: int, section: Section) -> bool:
        """Records a field line of the duties above it; whether ``value`` is one."""
        for kind, pattern in (("bodies", BODIES_LINE), ("time", TIME_LINE),
                              ("deliverable", DELIVERABLE_LINE)):
            found = pattern.match(value)
            if found is None:
                continue
            rest = value[found.end():].rstrip(" .;")
            if not rest:
                return False
            owner = section.parent if section.kind == "bullet" and section.parent else section.id
            key, start = (found.groupdict().get("key") or "").casefold(), found.end()
            # "Cơ quan chủ trì: X; cơ quan phối hợp: Y, Z": a field of each role in one line
            for more in (NEXT_BODIES_FIELD.finditer(value, start) if kind == "bodies" else ()):
                self.field_lines.setdefault(owner, []).append(_FieldLine(
                    offset, kind, key, (offset + start, offset + more.start())))
                key, start = more.group("key").casefold(), more.end()
            self.field_lines.setdefault(owner, []).append(_FieldLine(
                offset, kind, key, (offset + start, offset + len(value.rstrip(" .;")))))
            return True
        return False

    def _take_fields(self, task: Task, item: str, next_duty: int) -> None:
        """A duty takes the field lines after it in its item: those before the item's next
        duty, or, for a duty with more after it, those after the item's last duty."""
        lines = self.field_lines.get(item, [])
        after = task.span[1]  # type: ignore[index]
        group = [line for line in lines if after <= line.at < next_duty] or \
            [line for line in lines if line.at >= next_duty]
        named: list[Assignment] = []
        for line in group:
            start, end = line.value
            words = self.norm.text[start:end]
            if line.kind == "bodies":
                role = "lead" if "chủ trì" in line.key else \
                    "cooperating" if "phối hợp" in line.key else "responsible"
                named += _cell_assignments(words, start, role, self.mentions.within(start, words))
            elif line.kind == "time" and id(task) not in self.closing_times:
                self.closing_times[id(task)] = line.value
            elif line.kind == "deliverable" and task.deliverable is None:
                task.deliverable = words
        if named:
            # a body the duty itself names keeps the role it has there ("UBND các xã, thị trấn
            # rà soát ..." above "cơ quan phối hợp: ..., UBND các xã, thị trấn")
            first, last = task.span  # type: ignore[misc]
            own = [a for a in task.assignments if a.span and first <= a.span[0] < last]
            task.assignments = _unique(own + named + task.assignments)

    def _item_tasks(self) -> list[Task]:
        text, layout = self.norm.text, self.layout
        zones = _task_zones(layout)
        body = {line.start for part in layout.parts for line in part.body}
        with_children = {section.parent for section in layout.sections if section.parent}
        placed = [(line, layout.section_at(line.start)) for line in self.norm.paragraphs()
                  if line.start in body]
        with_text = {section.id for line, section in placed
                     if section is not None and section.span and section.span[0] != line.start}
        tasks: list[Task] = []
        listing = False
        for index, (line, section) in enumerate(placed):
            if section is None or section.id not in zones:
                continue
            value = text[line.start:line.end]
            offset = line.start
            if self._field_line(value, offset, section):
                continue  # "- Thời gian: Quý I/2026.": a field of the duties above, no duty
            if listing and section.kind == "bullet" and DOCUMENT_ITEM.match(value):
                continue  # "- Tờ trình của Ủy ban nhân dân phường": a paper, not work
            listing = False
            below = self.norm.line_at(line.end + 1)
            if TASK_CAPTION.match(value) and below is not None and below.table is not None:
                continue  # "Nhiệm vụ 2: ..." over its table: the table holds the work
            if section.span is not None and section.span[0] == line.start:  # its heading
                found = marker_of(value)
                rest = found[2] if found else value
                offset = line.start + len(value) - len(rest)
                value = rest
                heading = self.agency_heading(section)
                # A bullet stays a duty when a paragraph follows it (the plan's closing words);
                # a numbered item with text under it is a heading.
                if section.id in with_children or (section.id in with_text and
                                                   section.kind != "bullet"):
                    before, colon, after = value.partition(":")
                    if colon and len(after.split()) >= 3 and heading is not None:
                        tasks += self.sentence_tasks(after, offset + len(before) + 1, section)
                    elif heading is None and section.id not in with_children and \
                            (doers := self._duty_over_paragraph(value, offset)):
                        # "11.1. Ủy ban MTTQ tỉnh tham gia tuyên truyền ... ." over a paragraph:
                        # an item of two paragraphs; its body does the paragraph's work too, as
                        # if the item were headed by it (unless the paragraph names its own).
                        below = placed[index + 1][0] if index + 1 < len(placed) else None
                        if below is not None and not self._names_its_doers(below):
                            self.headings[section.id] = (doers, False, False)
                        tasks += self.sentence_tasks(value, offset, section)
                    continue
                if heading is not None:
                    if ":" not in value:
                        continue
                    # "6. Công an xã: phối hợp kiểm tra ...": the duty is what follows the colon
                    before, _, value = value.partition(":")
                    offset += len(before) + 1
            following = placed[index + 1][0] if index + 1 < len(placed) else None
            if LISTING.search(value) and following is not None and \
                    DOCUMENT_ITEM.match(text[following.start:following.end]):
                # "UBND phường gửi UBND quận 01 bộ hồ sơ ..., gồm:" then the papers: the line
                # is the work, its items are not.
                listing = True
                tasks += self.sentence_tasks(value.rstrip().rstrip(":"), offset, section)
                continue
            if value.rstrip().endswith(":"):
                # "- Phối hợp với ... tham mưu UBND phường:" then sibling bullets: the intro
                # speaks for the bullets after it. A duty may come first in the same item
                # ("- Tổ chức sinh hoạt ... . Tùy theo ..., các TTHTCĐ tổ chức ... như:").
                sentences = _sentences(value)
                if len(sentences) > 1:
                    intro_start = sentences[-1][0]
                    tasks += self.sentence_tasks(value[:intro_start], offset, section)
                    offset, value = offset + intro_start, value[intro_start:]
                owner = section.parent if (section.kind == "bullet" and section.parent and
                                           section.id not in with_children) else section.id
                self.intros.setdefault(owner, []).append((offset, value, owner != section.id))
                continue
            # A paragraph after a bullet, not the bullet's own line, is not one of the bullets.
            after_bullet = section.kind == "bullet" and bool(section.span) and \
                section.span[0] != line.start
            tasks += self.sentence_tasks(value, offset, section,
                                         closing=bool(CLOSING.match(value)),
                                         after_bullet=after_bullet)
        return tasks

    def sentence_tasks(self, value: str, offset: int, section: Section,
                       closing: bool = False, after_bullet: bool = False) -> list[Task]:
        context = self.context(section, offset, after_bullet)
        if closing:
            # "Trên đây là Kế hoạch ...; ... Trong quá trình thực hiện, ... phản ánh về ...":
            # the plan's closing words, none of them the last heading's duties
            context = _Context([], False, False, context.texts)
        tasks: list[Task] = []
        bracket_time = CLOSING_BRACKET.search(value)
        for start, end in _join_cut_openings(value, _sentences(value)):
            words = value[start:end]
            mentions = self.mentions.within(offset + start, words)
            if len(words.split()) < 3 or _only_bodies(words, mentions) or \
                    NOT_A_TASK.match(words) or PHASE_ONLY.match(words) or \
                    (not mentions and NO_WORK.match(words)) or \
                    (closing and CARRY_OUT.search(words)):
                continue
            roles = read_roles(words, mentions)
            assignments = self.assignments(words, offset + start, roles, context)
            if roles.doers and context.heading_agencies and not roles.requested and not any(
                    match_key(full_name(doer.name)) == match_key(full_name(own.name))
                    for doer in roles.doers for own in context.heading_agencies):
                # "UBND xã yêu cầu các ban, ngành ... . Trong quá trình thực hiện, ...": the
                # paragraph has left its heading's bodies; its later sentences are not theirs.
                # Under a request ("11. Đề nghị các tổ chức chính trị - xã hội"), the body it
                # names is asked too.
                context = _Context([], context.heading_requested, False, context.texts)
            place = PLACE_SUBJECT.match(words)
            later = {mention.start + offset + start
                     for mention in roles.clause_subjects + roles.clause_requests}
            if place and not any(a.role != "cooperating" and not (a.span and a.span[0] in later)
                                 for a in assignments) and \
                    not any(mention.start < place.start("place") for mention in mentions):
                # "Xã công khai các khoản đóng góp ...", "Mỗi thôn thành lập tổ tự quản ...":
                # the locality itself acts ("Xã phối hợp với ...": it helps).
                helps = HELPS.match(words, place.end("place"))
                assignments.insert(0, Assignment(
                    name=place.group("place"), role="cooperating" if helps else "responsible",
                    span=(offset + start + place.start("place"),
                          offset + start + place.end("place"))))
            for clause in CLAUSE_PLACE.finditer(words):
                if not any(mention.start == clause.start("place") for mention in mentions) \
                        and not HELPS.match(words, clause.end("place")):
                    assignments.append(Assignment(
                        name=clause.group("place"), role="responsible",
                        span=(offset + start + clause.start("place"),
                              offset + start + clause.end("place"))))
            tasks.append(Task(
                description=words, section=section.id,
                origin="agency_item" if context.heading_agencies else "prose",
                assignments=assignments,
                span=(offset + start, offset + end), page=self.norm.page_at(offset + start),
            ))
        if bracket_time:
            for task in tasks[:-1]:
                self.closing_times[id(task)] = (offset + bracket_time.start(),
                                                offset + bracket_time.end())
        return tasks

    def _duty_over_paragraph(self, value: str, offset: int) -> list[AgencyMention]:
        """The bodies acting in an item's own line, when it is a whole sentence (offsets into
        the whole text)."""
        if not value.rstrip().endswith(".") or len(value.split()) < 8:
            return []
        start, end = _sentences(value)[0]
        words = value[start:end]
        doers = read_roles(words, self.mentions.within(offset + start, words)).doers
        return [mention.moved(offset + start) for mention in doers]

    def _names_its_doers(self, line) -> bool:
        words = self.norm.text[line.start:line.end]
        return bool(REQUEST.match(words) or
                    read_roles(words, self.mentions.within(line.start, words)).doers)

    def context(self, section: Section, before: int, after_bullet: bool = False) -> _Context:
        heading_agencies: list[AgencyMention] = []
        requested = lead = False
        texts: list[tuple[int, str]] = []
        for ancestor in self._chain(section):
            heading = self.agency_heading(ancestor)
            if heading_agencies and ancestor is not section and REQUEST.match(ancestor.title):
                # "11. Đề nghị các tổ chức chính trị - xã hội, ..." over "11.4. Hội LHPN tỉnh:"
                requested = True
            if heading is not None and heading_agencies:
                requested = requested or heading[1]  # "5. Đề nghị ... các Hội" over "a) Hội X"
                continue
            # A bullet's intro speaks for the bullets after it, not a paragraph below them.
            texts += [(offset, words)
                      for offset, words, bullets in self.intros.get(ancestor.id, [])
                      if offset < before and (not bullets or (section.kind == "bullet" and
                                                              not after_bullet))]
            if heading is not None:
                heading_agencies, requested, lead = heading
            elif ancestor is not section and ancestor.span and not heading_agencies and \
                    ancestor.id not in self.topics:
                texts.append((self.title_start(ancestor), ancestor.title))
        return _Context(heading_agencies, requested, lead, texts)

    def _chain(self, section: Section) -> list[Section]:
        """``section`` and its headings, innermost first; an item numbered as if a level were
        left out ("6." right after "11.5.") is read under the item it continues ("11.")."""
        chain = self.layout.chain(section)
        for index, ancestor in enumerate(chain):
            continued = self._continues(ancestor)
            if continued is not None:
                return chain[:index + 1] + self.layout.chain(continued)
        return chain

    def _continues(self, section: Section) -> Section | None:
        if section.kind != "arabic" or not section.marker.isdigit():
            return None
        siblings = [s for s in self.layout.sections
                    if s.parent == section.parent and s.kind == "arabic"]
        index = siblings.index(section)
        previous = siblings[index - 1] if index else None
        if previous is None or not previous.marker.isdigit() or \
                int(previous.marker) <= int(section.marker):
            return None
        children = [s.marker for s in self.layout.sections if s.parent == previous.id]
        expected = f"{previous.marker}.{int(section.marker) - 1}"
        return previous if children and children[-1] == expected else None

    def agency_heading(self, section: Section) -> tuple[list[AgencyMention], bool, bool] | None:
        """The bodies an item's heading names, if the heading is nothing but bodies: "2. Sở
        Lao động - Thương binh và Xã hội", "5. Đề nghị Ủy ban MTTQ phường và các Hội đoàn
        thể"; with whether it requests, and whether it leads."""
        if section.id not in self.headings:
            self.headings[section.id] = None
            if section.span is not None and section.kind not in {"roman", "appendix",
                                                                   "article", "part"}:
                start = self.title_start(section)
                mentions = self.mentions.within(start, section.title)
                if mentions and _only_bodies(section.title, mentions):
                    # "Sở X (Cơ quan thường trực Ban Chỉ đạo tỉnh)": the body it stands for.
                    outside = [mention for mention in mentions
                               if not _in_brackets(section.title, mention)]
                    mentions = outside or mentions
                    if self._topic(section, mentions):
                        self.topics.add(section.id)
                        return None
                    # "(cơ quan thường trực)" leads; "Văn phòng Thường trực Ban Chỉ đạo" names
                    # the office
                    unnamed = section.title
                    for mention in sorted(mentions, key=lambda m: -m.start):
                        unnamed = unnamed[:mention.start] + unnamed[mention.end:]
                    self.headings[section.id] = (
                        [mention.moved(start) for mention in mentions],
                        bool(REQUEST.match(section.title)),
                        bool(regex.search(r"thường trực|chủ trì", unnamed, regex.IGNORECASE)))
        return self.headings[section.id]

    def _topic(self, section: Section, mentions: list[AgencyMention]) -> bool:
        """A kind of institution named as a subject of the plan's solutions ("a) Trung tâm học
        tập cộng đồng:" under NHIỆM VỤ, GIẢI PHÁP), not a body given duties: no place, not a
        state, party or mass body, and not under an organisation heading."""
        if any(mention.kind not in INSTITUTION_KINDS or UNIT_WORD.search(mention.surface)
               for mention in mentions):
            return False
        return not any(ORGANISATION_ZONE.search(ancestor.title)
                       for ancestor in self.layout.chain(section))

    def title_start(self, section: Section) -> int:
        """Where a heading's title starts: after its marker and the spaces that follow."""
        start = section.span[0] if section.span else 0
        line = self.norm.line_at(start)
        value = self.norm.text[start:line.end if line else start]
        found = marker_of(value)
        rest = found[2] if found else value
        return start + len(value) - len(rest.lstrip())

    def assignments(self, words: str, offset: int, roles: _Roles,
                    context: _Context) -> list[Assignment]:
        """The task's own roles, filled in from its headings and intro lines."""
        inherited = _Roles([], [])
        for start, intro in context.texts:
            inherited = inherited.merge(read_roles(intro, self.mentions.within(start, intro)))
        return _assignments(words, offset, roles, inherited, context)


# A duty that opens by directing another body: its heading's body is the one directing.
DIRECTS = regex.compile(r"\s*(?:[-+•]\s*)?(?:Lãnh đạo,\s*)?Chỉ đạo\s", regex.IGNORECASE)


def _sentences(value: str) -> list[tuple[int, int]]:
    """Each sentence's span, without the spaces and closing marks around it."""
    result = []
    for start, end in clause_spans(value, SENTENCE_END):
        piece = value[start:end]
        stripped = piece.rstrip(" .;,")
        lead = len(piece) - len(piece.lstrip())
        result.append((start + lead, start + len(stripped)))
    return result


def _join_cut_openings(value: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """An opening phrase cut off by a stray full stop belongs to the sentence after it:
    "Trong thời hạn 10 ngày làm việc kể từ khi nhận đủ hồ sơ. Chủ tịch UBND quận giao ..."."""
    joined: list[tuple[int, int]] = []
    for start, end in spans:
        if joined and CUT_OPENING.match(value[joined[-1][0]:joined[-1][1]]):
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined


def _only_bodies(words: str, mentions: list[AgencyMention]) -> bool:
    """Do ``words`` name bodies and nothing else (but "Đề nghị", "và", punctuation)?"""
    if not mentions:
        return False
    rest = words
    for mention in sorted(mentions, key=lambda m: -m.start):
        rest = rest[:mention.start] + rest[mention.end:]
    # an association's committee stands for it: "1. Ban Thường vụ Hội Khuyến học huyện"; so
    # do a committee's members: "11. Các thành viên Ban Chỉ đạo huyện"; a body asked through
    # another: "m) Đề nghị Tổng công ty Điện lực miền Nam (thông qua Công ty Điện lực ...)"
    rest = regex.sub(r"Đề nghị|\((?:cơ quan )?thường trực\)|cơ quan thường trực|"
                     r"\((?:thông\s+)?qua\b|"
                     rf"{ASSOCIATION_COMMITTEE}|Thường trực|thành viên|"
                     r"\bvà\b|\bcác\b|[,;:()\-–.]", " ", rest, flags=regex.IGNORECASE)
    return not rest.split()


def _in_brackets(words: str, mention: AgencyMention) -> bool:
    before = words[:mention.start]
    return before.count("(") > before.count(")")


def _assignments(words: str, offset: int, roles: _Roles, inherited: _Roles,
                 context: _Context) -> list[Assignment]:
    assignments: list[Assignment] = []
    if roles.doers:
        role = _role(_Roles(roles.doers, [], roles.lead, roles.advising, roles.requested))
        doers = [(m.start + offset, m.end + offset, m) for m in roles.doers]
        if context.heading_requested and role == "requested":
            # "8. Đề nghị Ủy ban MTTQ huyện và các tổ chức chính trị - xã hội huyện:" then
            # "Đề nghị Hội Nông dân huyện, ...": asked of the heading's bodies and of these.
            own = [match_key(full_name(m.name)) for m in roles.doers]
            doers = [(m.start, m.end, m) for m in context.heading_agencies
                     if not any(key in match_key(full_name(m.name)) for key in own)] + doers
    else:
        flags = _Roles([], [], roles.lead or inherited.lead or context.heading_lead,
                       roles.advising or inherited.advising,
                       roles.requested or context.heading_requested)
        role = _role(flags)
        # The heading's body helps with another body's work: "Phối hợp ...", or its name then
        # "phối hợp" ("6. Công an xã: phối hợp kiểm tra ...").
        # (past an opening of time: "Trước, trong và sau Tết Nguyên đán ..., phối hợp với")
        helps = regex.match(r"\s*(?:[-+•]\s*)?(?:[^,;.]{3,80},\s*)?(?:Chủ động\s+)?phối hợp",
                            words, regex.IGNORECASE) or any(
            not words[:mention.start].strip(" -+•") for mention in roles.cooperating)
        if role == "responsible" and helps:
            role = "cooperating"
        keys = {match_key(full_name(m.name)) for m in context.heading_agencies}
        first = listed_after(words, 0, roles.cooperating)
        opening = [m for m in first if match_key(full_name(m.name)) in keys]
        asked_first = context.heading_requested and bool(first) and \
            all(m.kind in OUTSIDE_COMMAND for m in first)
        if opening and len(opening) < len(keys):
            # "Báo X, Đài Y phối hợp ..." under "7. Đề nghị Sở A, Báo X, Đài Y:": theirs alone
            doers = [(m.start + offset, m.end + offset, m) for m in opening]
        elif asked_first and not opening:
            # "Hội Nông dân xã phối hợp với HTX ..." under "10. Đề nghị Ủy ban MTTQ xã và các tổ
            # chức chính trị - xã hội xã": the association it names is the one asked
            doers = [(m.start + offset, m.end + offset, m) for m in first]
        elif first and not opening and context.heading_agencies and \
                not words[:first[0].start].strip(" -+•"):
            # "Trưởng khu phố phối hợp với Tổ hòa giải ..." under "Ban điều hành các khu phố":
            # the duty's own subject helps; the heading's body takes no part in it
            doers = []
        elif context.heading_agencies:
            doers = [(m.start, m.end, m) for m in context.heading_agencies]
        elif inherited.doers:
            doers = [(0, 0, m) for m in inherited.doers]
        else:
            doers = []
    own_keys = {match_key(full_name(m.name)) for m in context.heading_agencies}
    for start, end, mention in doers:
        # "2. Đề nghị Hội Khuyến học quận:" then "Thường trực Hội Khuyến học quận và ... tổ
        # chức ...": the heading's own body is still the one asked; so is a front or mass body
        # it names ("11. Đề nghị các tổ chức chính trị - xã hội" then "11.1. Ủy ban MTTQ tỉnh
        # tham gia ...").
        # advice too: "Sở Tài chính thẩm định, tham mưu UBND tỉnh ..." under "Đề nghị Sở Tài
        # chính, ...:" is asked of it
        asked = context.heading_requested and role in {"responsible", "advising"} and (
            match_key(full_name(mention.name)) in own_keys or mention.kind in OUTSIDE_COMMAND)
        assignments.append(Assignment(name=mention.name,
                                      role="requested" if asked else role,  # type: ignore[arg-type]
                                      span=(start, end) if end else None))
    if roles.doers and DIRECTS.match(words) and not any(
            match_key(full_name(m.name)) in own_keys for m in roles.doers):
        # "Chỉ đạo Phòng Cảnh sát PCCC và CNCH chủ trì, ..." under "2. Công an tỉnh:": the
        # heading's body directs the lead, and answers for the work
        assignments[:0] = [Assignment(name=m.name, span=(m.start, m.end),
                                      role="requested" if context.heading_requested
                                      else "responsible") for m in context.heading_agencies]
    for mention in roles.clause_subjects + roles.clause_requests:
        # under a request heading, a front or mass body acting in a later clause is asked too
        # ("Hội Liên hiệp Phụ nữ phường vận động ...; Đoàn Thanh niên phường ...")
        asked = role == "requested" or mention in roles.clause_requests or (
            context.heading_requested and mention.kind in OUTSIDE_COMMAND)
        assignments.append(Assignment(
            name=mention.name, role="requested" if asked else
            "lead" if mention in roles.clause_leads else
            "advising" if mention in roles.clause_advisers else "responsible",
            span=(mention.start + offset, mention.end + offset)))
    for mention in roles.cooperating:
        assignments.append(Assignment(name=mention.name, role="cooperating",
                                      span=(mention.start + offset, mention.end + offset)))
    if not roles.cooperating:
        for mention in inherited.cooperating:
            assignments.append(Assignment(name=mention.name, role="cooperating"))
    for unit, body in roles.units_in_brackets:
        span = (body.start + offset, body.end + offset)
        role_of_body = next((a.role for a in assignments if a.span == span), None)
        if role_of_body is not None:
            assignments.append(Assignment(name=unit.name, role=role_of_body,
                                          span=(unit.start + offset, unit.end + offset)))
    return _unique(assignments)


def _unique(assignments: list[Assignment]) -> list[Assignment]:
    """Each body once; a bare name beside a fuller one of the same body is that body ("HKH
    thành phố, cử cán bộ HKH tham gia ...")."""
    keys = [match_key(full_name(assignment.name)) for assignment in assignments]
    seen: set[str] = set()
    kept = []
    for key, assignment in zip(keys, assignments, strict=True):
        if key in seen or any(other.startswith(key + " ") for other in keys):
            continue
        seen.add(key)
        kept.append(assignment)
    return kept


# --- tables -------------------------------------------------------------------------------

def _table_tasks(norm: NormalizedText, layout: Layout,
                 mentions: _Mentions) -> tuple[list[Task], dict[int, tuple[int, int]]]:
    """A task per row of each task table (one per field table), and each task's time cell
    (by ``id`` of its task)."""
    tasks = []
    time_cells: dict[int, tuple[int, int]] = {}
    for table in norm.tables:
        section = layout.section_at(table.start)
        fields = field_rows([[norm.text[s:e] for s, e in row] for row in table.rows])
        if fields is not None:
            task, time_cell = _field_task(norm, table, fields, section, mentions)
            if task is not None:
                tasks.append(task)
                if time_cell is not None:
                    time_cells[id(task)] = time_cell
            continue
        header = [norm.text[s:e] for s, e in table.rows[0]]
        columns = _columns(header)
        if columns is None:
            continue
        content, lead, cooperating, responsible, when, deliverable = columns
        numbers = [norm.text[row[0][0]:row[0][1]].strip().rstrip(".") for row in table.rows[1:]
                   if row]
        # "1" over "1.1", "1.2": a row numbered as the parent of the rows under it
        parents = {number.rsplit(".", 1)[0] for number in numbers
                   if regex.fullmatch(r"\d+(?:\.\d+)+", number)}
        for row in table.rows[1:]:
            cells = [norm.text[s:e] for s, e in row]
            if content >= len(cells) or not cells[content].strip() or \
                    _group_row(cells, content, parents) or TOTAL_ROW.match(cells[content]):
                continue
            assignments: list[Assignment] = []
            # "Tổng hợp, tham mưu UBND xã báo cáo ..." under "Cơ quan, đơn vị thực hiện": the
            # bodies advise (a "Chủ trì" column's still lead)
            doing = "advising" if ROW_ADVISES.match(cells[content]) else "responsible"
            for column, role in ((lead, "lead"), (responsible, doing),
                                 (cooperating, "cooperating")):
                if column is None or column >= len(cells):
                    continue
                cell_start = row[column][0]
                assignments.extend(_cell_assignments(
                    cells[column], cell_start, role, mentions.within(cell_start, cells[column])))
            if lead is None and cooperating is None and responsible is not None and \
                    responsible < len(cells):
                assignments = _roles_in_duties(cells[content], row[content][0], assignments,
                                               cells[responsible], mentions)
            start, end = row[content]
            tasks.append(Task(
                description=cells[content].strip(), section=section.id if section else None,
                origin="table", assignments=_unique(assignments), span=(start, end),
                page=norm.page_at(start),
                deliverable=(cells[deliverable].strip() or None)
                if deliverable is not None and deliverable < len(cells) else None,
            ))
            if when is not None and when < len(row):
                time_cells[id(tasks[-1])] = row[when]
    return tasks, time_cells


def _roles_in_duties(duties: str, offset: int, assignments: list[Assignment], bodies: str,
                     mentions: _Mentions) -> list[Assignment]:
    """A table of who does what, one body per row ("Công an tỉnh | Chủ trì, phối hợp với Thanh
    tra Sở GTVT tuần tra ...; ..."): the duties' own words say the row's bodies' role ("Chủ
    trì", "Là cơ quan thường trực", "tham mưu"; "Đề nghị" in the body cell) and name those who
    help."""
    roles = read_roles(duties, mentions.within(offset, duties))
    if roles.doers:
        return assignments  # the duties name their own subject
    role = "lead" if roles.lead else "requested" if REQUEST.match(bodies) else \
        "advising" if roles.advising else None
    kept = [a.model_copy(update={"role": role}) if role and a.role == "responsible" else a
            for a in assignments]
    kept += [Assignment(name=m.name, role="cooperating", span=(offset + m.start, offset + m.end))
             for m in roles.cooperating]
    return _unique(kept)


def field_rows(rows: list[list[str]]):
    """For a table that sets out one task as rows of fields ("Nội dung | ...", "Cơ quan chủ
    trì | ...", "Thời gian hoàn thành | ..."), no header row: the row of each field, as
    ``_columns`` gives columns (the content row may be missing); None for any other table."""
    if len(rows) < 3 or any(len(row) != 2 for row in rows):
        return None
    keys = [row[0].strip() for row in rows]
    known = [key for key in keys if key and len(key.split()) <= 6 and any(
        pattern.search(key) for pattern in FIELD_KEYS)]
    if len(known) < max(3, len(keys) - 1):
        return None
    return _columns(keys, content_needed=False)


def _field_task(norm: NormalizedText, table, fields, section: Section | None,
                mentions: _Mentions) -> tuple[Task | None, tuple[int, int] | None]:
    content, lead, cooperating, responsible, when, deliverable = fields
    values = [row[1] for row in table.rows]
    if content is not None:
        span = values[content]
    else:  # "Nhiệm vụ 3: Phát triển sản phẩm OCOP" over the table names the task
        caption = norm.line_at(table.start - 1) if table.start else None
        found = TASK_CAPTION.match(norm.text, caption.start, caption.end) if caption else None
        if found is None:
            return None, None
        span = found.span("name")
    assignments: list[Assignment] = []
    for row, role in ((lead, "lead"), (responsible, "responsible"),
                      (cooperating, "cooperating")):
        if row is not None:
            start, end = values[row]
            assignments.extend(_cell_assignments(norm.text[start:end], start, role,
                                                 mentions.within(start, norm.text[start:end])))
    description = norm.text[span[0]:span[1]].strip()
    return Task(
        description=description, section=section.id if section else None, origin="table",
        assignments=_unique(assignments), span=span, page=norm.page_at(span[0]),
        deliverable=norm.text[slice(*values[deliverable])].strip() or None
        if deliverable is not None else None,
    ), values[when] if when is not None else None


def _columns(header: list[str], content_needed: bool = True):
    def first(pattern: regex.Pattern[str], exclude: set[int]) -> int | None:
        return next((i for i, cell in enumerate(header)
                     if i not in exclude and pattern.search(cell)), None)

    content = first(CONTENT_COLUMN, set())
    if content is None and content_needed:
        return None
    lead = first(LEAD_COLUMN, {content})
    cooperating = first(COOPERATING_COLUMN, {content})
    taken = {c for c in (content, lead, cooperating) if c is not None}
    when = next((i for i, cell in enumerate(header) if TIME_COLUMN.match(cell)), None)
    if when is not None:
        taken.add(when)
    responsible = first(RESPONSIBLE_COLUMN, taken)
    deliverable = first(DELIVERABLE_COLUMN, taken | {responsible} if responsible else taken)
    if lead is None and responsible is None and when is None:
        return None
    return content, lead, cooperating, responsible, when, deliverable


def _group_row(cells: list[str], content: int, parents: set[str] = frozenset()) -> bool:
    """A row that names a group of the rows under it: "I. Tuyên truyền", or "1" over "1.1",
    with nothing in its other cells."""
    others = [cell for i, cell in enumerate(cells) if i != content and cell.strip()]
    first = cells[0].strip() if cells else ""
    if first.rstrip(".") in parents:
        return others == [cells[0]]
    return bool(GROUP_ROW.match(first)) and all(GROUP_ROW.match(c.strip()) for c in others)


def _cell_assignments(cell: str, offset: int, role: str,
                      mentions: list[AgencyMention]) -> list[Assignment]:
    """A cell of bodies; "(chủ trì)" or "chủ trì; ... phối hợp" inside it sets their roles. In
    a cell written as a sentence, the bodies the work is done for have no role ("... tập huấn
    cho BCH HKH thành phố, cán bộ HKH xã, phường và các trường học")."""
    if not mentions:
        name = cell.strip(" .;,")
        return [Assignment(name=name, role=role, span=(offset, offset + len(cell)))] \
            if name and not name.isdigit() else []  # type: ignore[arg-type]
    assignments = []
    cooperate_at = COOPERATE.search(cell)
    served = _served(cell, mentions)
    # "X, Y chủ trì; Z phối hợp", "X (chủ trì)", "Chủ trì: X; phối hợp: Y, các thôn"
    leads, helpers = set(), set()
    for word in regex.finditer(r"\(?\s*(?P<word>chủ trì|phối hợp)(?P<label>\s*:)?", cell,
                               regex.IGNORECASE):
        named = listed_after(cell, word.end(), mentions) if word.group("label") else \
            listed_before(cell, word.start(), mentions)
        (leads if word.group("word").casefold() == "chủ trì" else helpers).update(named)
    for mention in mentions:
        if mention in served:
            continue
        own = "lead" if mention in leads else "cooperating" if mention in helpers or (
            cooperate_at and mention.start > cooperate_at.start()) else role
        assignments.append(Assignment(name=mention.name, role=own,  # type: ignore[arg-type]
                                      span=(offset + mention.start, offset + mention.end)))
    if cooperate_at:
        for place in _listed_places(cell, cooperate_at.end(), mentions):
            assignments.append(Assignment(name=place.name, role="cooperating",
                                          span=(offset + place.start, offset + place.end)))
    return assignments


# --- resolution ---------------------------------------------------------------------------

def _served(cell: str, mentions: list[AgencyMention]) -> set[AgencyMention]:
    """The bodies a cell names as those the work is for: their staff ("cán bộ HKH"), or a
    list after "cho" ("cho BCH HKH thành phố, cán bộ HKH xã, phường và các trường học")."""
    served: set[AgencyMention] = set()
    for marker in SERVED.finditer(cell):
        cursor = marker.end()
        for mention in mentions:
            if mention.start < cursor:
                continue
            if not LIST_GAP.match(STAFF.sub(" ", cell[cursor:mention.start])):
                break
            served.add(mention)
            cursor = mention.end
    return served


def _resolve(task: Task, names: dict[str, Agency]) -> None:
    """Link each assignment to its body in the register; the task's lists use its name."""
    canonical = []
    for assignment in task.assignments:
        agency = registered(names, assignment.name)
        assignment.agency = agency.id if agency else None
        canonical.append(agency.name if agency else assignment.name)
    task.lead_agencies = [name for name, a in zip(canonical, task.assignments, strict=True)
                          if a.role != "cooperating"]
    task.cooperating_agencies = [name for name, a in zip(canonical, task.assignments,
                                                         strict=True)
                                 if a.role == "cooperating"]


def _timeframe(task: Task, time_cell: tuple[int, int] | None,
               time_expressions: list[TimeExpression], mentions: list[AgencyMention]) -> None:
    """The first stated time in the task's words or its time cell; its rule if it recurs."""
    spans = [span for span in (task.span, time_cell) if span is not None]
    inside = [t for t in time_expressions if t.span and any(
        start <= t.span[0] and t.span[1] <= end for start, end in spans)]
    regularly = next(iter(_regularly_all(task, mentions)), None)
    in_cell = [t for t in inside if not (task.span and task.span[0] <= t.span[0] < task.span[1])]
    # "Thường xuyên đưa tin, bài ...": no date, but not left open; the first time the words
    # state, unless a time cell says when
    if regularly is not None and not in_cell and not (
            inside and task.span and inside[0].span[0] < task.span[0] + regularly[0]):
        start = task.span[0] + regularly[0]  # type: ignore[index]
        task.timeframe = TimeExpression(
            text=task.description[regularly[0]:regularly[1]], kind="unspecified",
            reason="thường xuyên",
            span=(start, start + regularly[1] - regularly[0])
            if task.origin != "table" else None)
        return
    if not inside:
        return
    recurring = [t for t in inside if t.kind == "recurrence"]
    stated = _stated_times(task, inside)
    task.timeframe = stated[0]
    if stated[0].kind == "unspecified" and (rule := next(
            (t for t in stated[1:] if t.kind == "recurrence"), None)):
        task.timeframe = rule  # "định kỳ báo cáo ... trước ngày 15/6 và 15/12 hằng năm"
    if recurring:
        task.recurrence = recurring[0].rrule


def _regularly_all(task: Task, mentions: list[AgencyMention]) -> list[tuple[int, int]]:
    """Every "thường xuyên" that says when the task's work is done: opening it or one of its
    clauses, or right after a body its words name, doing or directed ("Chỉ đạo công chức Tư
    pháp - Hộ tịch thường xuyên theo dõi ..."); offsets into its words."""
    found = [match.span(1) for match in REGULARLY.finditer(task.description)]
    found += [match.span(1) for match in REGULARLY_AFTER_DOER.finditer(task.description)]
    if task.origin == "table" or task.span is None:
        return found  # a row's bodies stand in their own cells
    start, end = task.span
    ends = {assignment.span[1] for assignment in task.assignments
            if assignment.span and start <= assignment.span[1] <= end}
    ends |= {mention.end for mention in mentions if start <= mention.start and mention.end <= end}
    for body_end in sorted(ends):
        after = REGULARLY_AFTER_BODY.match(task.description, body_end - start)
        if after:
            found.append(after.span(1))
    return sorted(set(found))


def regular_times(tasks: list[Task], mentions: list[AgencyMention]) -> list[TimeExpression]:
    """The "thường xuyên" of every prose duty ("...; thường xuyên đưa tin ..."): a time
    expression each, whether or not it is the duty's timeframe."""
    return [TimeExpression(text=task.description[start:end], kind="unspecified",
                           reason="thường xuyên",
                           span=(task.span[0] + start, task.span[0] + end))
            for task in tasks if task.origin != "table" and task.span is not None
            for start, end in _regularly_all(task, mentions)]


def _stated_times(task: Task, inside: list[TimeExpression]) -> list[TimeExpression]:
    """The task's times but those in brackets inside what it names ("Tổ chức Hội nghị sơ kết
    3 năm (2015-2018) (Tháng 7/2018)": the deadline is the closing one)."""
    words = task.description

    def after_bracket(time: TimeExpression) -> str | None:
        """The words after a time that stands in brackets; None if it does not."""
        if time.span is None:
            return None
        start, end = time.span[0] - task.span[0], time.span[1] - task.span[0]
        if start <= 0 or end > len(words) or not words[:start].rstrip().endswith("(") or \
                not words[end:].lstrip().startswith(")"):
            return None
        return words[end:].strip(" .;")

    def names_a_period(time: TimeExpression) -> bool:
        """Years in brackets say what is reviewed ("sơ kết 3 năm (2015-2018)"); a month or a
        day in brackets says when the event is ("Tháng an toàn giao thông (tháng 9/2022)")."""
        return time.kind != "window" or not time.start or not time.end or \
            time.start[:4] != time.end[:4]

    stated = [time for time in inside
              if after_bracket(time) in {None, ")"} or not names_a_period(time)] or inside
    # "... các nội dung thực hiện trong năm, ... (Tháng 01/2018)": a closing bracket's date
    # outranks a time whose year the words leave to the reader.
    if stated[0].year_inherited and after_bracket(stated[-1]) == ")":
        return [stated[-1]]
    return stated


def _count_roles(agencies: list[Agency], tasks: list[Task]) -> None:
    by_id = {agency.id: agency for agency in agencies}
    for task in tasks:
        for assignment in task.assignments:
            agency = by_id.get(assignment.agency or "")
            if agency is not None:
                agency.roles[assignment.role] = agency.roles.get(assignment.role, 0) + 1
