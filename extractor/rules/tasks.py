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

from dataclasses import dataclass

import regex

from extractor.model import Agency, Assignment, Section, Task, TimeExpression
from extractor.normalize import NormalizedText, clause_spans
from extractor.rules.agencies import AgencyMention, find_mentions, full_name
from extractor.rules.vocabulary import match_key
from extractor.structure import Layout, marker_of

TASK_ZONE = regex.compile(
    r"nhiệm vụ|giải pháp|nội dung|tổ chức thực hiện|trách nhiệm|phân công|hoạt động|"
    r"tiến độ", regex.IGNORECASE)
NOT_TASK_ZONE = regex.compile(
    r"^(?:mục đích|yêu cầu|mục tiêu|chỉ tiêu|kinh phí|nguồn kinh phí|căn cứ|sự cần thiết|"
    r"đánh giá|kết quả|thực trạng|tình hình)", regex.IGNORECASE)
# The plan's closing words, an appendix's caption, a title in capitals.
NOT_A_TASK = regex.compile(
    r"^(?:Trên đây là|\(.*\)$|\((?i:ban hành\s+)?(?i:kèm theo)|[^\p{Ll}]+$)")
SENTENCE_END = regex.compile(r"(?<=[.!?])\s+(?=[\p{Lu}\d])")
LEAD = regex.compile(r"chủ trì|thường trực|giúp\s+(?:UBND|Ủy ban|Uỷ ban|BCĐ|Ban)[^.;:]*?"
                     r"(?:tổ chức\s+)?triển khai", regex.IGNORECASE)
COOPERATE = regex.compile(r"phối hợp(?:\s+(?:chặt chẽ\s+)?(?:với|cùng))?|cùng với",
                          regex.IGNORECASE)
ADVISE = regex.compile(r"tham mưu(?:\s+cho)?|giúp|trình|báo cáo(?:\s+về)?|gửi|đề xuất",
                       regex.IGNORECASE)
REQUEST = regex.compile(r"^\s*(?:[-+•]\s*)?Đề nghị\b")
LIST_GAP = regex.compile(r"^[\s,;]*(?:(?:và|cùng|với|các)\s*)*[\s,;]*$")
# What may stand before a sentence's subject: a bullet, "Đề nghị", an opening phrase with its
# comma ("Ngay từ Quý I/2025, Đài Truyền thanh xã ...").
SUBJECT_GAP = regex.compile(r"^\s*(?:[-+•]\s*)?(?:Đề nghị\s*)?(?:[^,;.:]{2,40},\s*)?$")
# "UBND xã yêu cầu X ...", "giao X ...": the bodies named after the verb do the work.
DELEGATE = regex.compile(r"^\s*(?:yêu cầu|giao(?:\s+cho)?|đề nghị)\s+", regex.IGNORECASE)

# Table headers: which column holds what.
CONTENT_COLUMN = regex.compile(r"nội dung|nhiệm vụ|công việc|hoạt động", regex.IGNORECASE)
LEAD_COLUMN = regex.compile(r"chủ trì", regex.IGNORECASE)
COOPERATING_COLUMN = regex.compile(r"phối hợp", regex.IGNORECASE)
RESPONSIBLE_COLUMN = regex.compile(r"thực hiện|phụ trách|đơn vị|cơ quan|trách nhiệm",
                                   regex.IGNORECASE)
TIME_COLUMN = regex.compile(r"^(?:thời gian|thời hạn|tiến độ|thời điểm)", regex.IGNORECASE)
DELIVERABLE_COLUMN = regex.compile(r"sản phẩm|kết quả", regex.IGNORECASE)
GROUP_ROW = regex.compile(r"^(?:[IVXL]{1,6}|[A-H])[.)]?$")


@dataclass
class _Roles:
    """Bodies and their roles read from one stretch of words."""

    doers: list[AgencyMention]
    cooperating: list[AgencyMention]
    lead: bool = False
    advising: bool = False
    requested: bool = False

    def merge(self, other: _Roles) -> _Roles:
        return _Roles(self.doers or other.doers, self.cooperating + other.cooperating,
                      self.lead or other.lead, self.advising or other.advising,
                      self.requested or other.requested)


def read_roles(text: str, mentions: list[AgencyMention]) -> _Roles:
    """Roles in ``text`` (``mentions`` are its bodies, offsets into ``text``)."""
    mentions = sorted(mentions, key=lambda mention: mention.start)
    cooperating: list[AgencyMention] = []
    for marker in COOPERATE.finditer(text):
        cooperating.extend(_list_after(text, marker.end(), mentions))
    advised: list[AgencyMention] = []
    for marker in ADVISE.finditer(text):
        advised.extend(_list_after(text, marker.end(), mentions)[:1])
    doers = []
    for mention in mentions:
        gap = text[doers[-1].end if doers else 0:mention.start]
        if (not doers and SUBJECT_GAP.match(gap)) or (doers and LIST_GAP.match(gap)):
            doers.append(mention)
        else:
            break
    doers = [m for m in doers if m not in cooperating and m not in advised]
    if doers and (delegate := DELEGATE.match(text[doers[-1].end:])):
        named = _list_after(text, doers[-1].end + delegate.end(), mentions)
        if named:
            doers = named
    lead_match = LEAD.search(text)
    roles = _Roles(doers, cooperating, lead=bool(lead_match),
                   advising=bool(regex.search(r"tham mưu", text, regex.IGNORECASE)),
                   requested=bool(REQUEST.match(text)))
    # "do X chủ trì": the lead is named after "do".
    by = regex.search(r"\bdo\s+", text)
    if by and lead_match and lead_match.start() > by.end():
        named = _list_after(text, by.end(), mentions)
        if named:
            roles.doers = named
    # "X phối hợp ..." with no lead: X cooperates in someone else's work.
    if doers and not roles.lead and regex.match(
            r"\s*phối hợp\b", text[doers[-1].end:], regex.IGNORECASE):
        roles.cooperating = doers + roles.cooperating
        roles.doers = []
    return roles


def _list_after(text: str, start: int, mentions: list[AgencyMention]) -> list[AgencyMention]:
    """The bodies listed right after ``start`` ("phối hợp với A, B và các C")."""
    found: list[AgencyMention] = []
    cursor = start
    for mention in mentions:
        if mention.start < start:
            continue
        if LIST_GAP.match(text[cursor:mention.start]):
            found.append(mention)
            cursor = mention.end
        else:
            break
    return found


def _role(roles: _Roles) -> str:
    if roles.lead:
        return "lead"
    if roles.requested:
        return "requested"
    if roles.advising:
        return "advising"
    return "responsible"


# --- prose ---------------------------------------------------------------------------------

@dataclass
class _Context:
    """What an item's headings and intro lines say about who does it."""

    heading_agencies: list[AgencyMention]  # offsets into the whole text
    heading_requested: bool
    heading_lead: bool
    texts: list[tuple[int, str]]  # (offset, words) of intro lines and heading lines


def extract_tasks(norm: NormalizedText, layout: Layout, agencies: list[Agency],
                  time_expressions: list[TimeExpression]) -> list[Task]:
    mention_index = _mention_index(agencies)
    zones = _task_zones(layout)
    tasks = [*_prose_tasks(norm, layout, zones), *_table_tasks(norm, layout)]
    tasks.sort(key=lambda task: task.span[0] if task.span else 0)
    for number, task in enumerate(tasks, start=1):
        task.id = f"k{number}"
        _resolve(task, mention_index)
        _timeframe(task, time_expressions)
    _count_roles(agencies, tasks)
    return tasks


def _task_zones(layout: Layout) -> set[str]:
    """Ids of the sections whose items are tasks."""
    zones: set[str] = set()
    for section in layout.sections:
        chain = layout.chain(section)
        if any(s.kind == "article" for s in chain):
            continue
        for candidate in chain:  # innermost first: the nearest verdict wins
            if candidate.kind in {"roman", "chapter", "part", "arabic", "appendix", "task"} \
                    and NOT_TASK_ZONE.match(candidate.title):
                break
            if candidate.kind in {"roman", "chapter", "part", "appendix", "task"} \
                    and TASK_ZONE.search(candidate.title):
                zones.add(section.id)
                break
            if candidate.parent is None and TASK_ZONE.search(candidate.title):
                zones.add(section.id)
                break
    return zones


def _prose_tasks(norm: NormalizedText, layout: Layout, zones: set[str]) -> list[Task]:
    text = norm.text
    body = {line.start for part in layout.parts for line in part.body}
    with_children = {section.parent for section in layout.sections if section.parent}
    paragraphs = [line for line in norm.paragraphs() if line.start in body]
    with_text = {layout.section_at(line.start).id for line in paragraphs  # type: ignore[union-attr]
                 if layout.section_at(line.start) is not None
                 and layout.section_at(line.start).span[0] != line.start}  # type: ignore[union-attr]
    tasks: list[Task] = []
    intros: dict[str, list[tuple[int, str]]] = {}
    for line in paragraphs:
        section = layout.section_at(line.start)
        if section is None or section.id not in zones:
            continue
        value = text[line.start:line.end]
        is_heading = section.span is not None and section.span[0] == line.start
        offset = line.start
        if is_heading:
            found = marker_of(value)
            rest = found[2] if found else value
            offset = line.start + len(value) - len(rest)
            value = rest
            if section.id in with_children or section.id in with_text:
                after = value.split(":", 1)
                if len(after) == 2 and len(after[1].split()) >= 3 and \
                        _agency_heading(section) is not None:
                    colon = offset + len(after[0]) + 1
                    tasks.extend(_sentence_tasks(after[1], colon, section, layout, intros,
                                                 norm))
                continue
            if _agency_heading(section) is not None and ":" not in value:
                continue
        if value.rstrip().endswith(":"):
            intros.setdefault(section.id, []).append((offset, value))
            continue
        tasks.extend(_sentence_tasks(value, offset, section, layout, intros, norm))
    return tasks


def _sentence_tasks(value: str, offset: int, section: Section, layout: Layout,
                    intros: dict[str, list[tuple[int, str]]],
                    norm: NormalizedText) -> list[Task]:
    context = _context(section, layout, intros, offset)
    tasks = []
    for start, end in _sentences(value):
        words = value[start:end]
        if len(words.split()) < 3 or _agency_heading_text(words) or NOT_A_TASK.match(words):
            continue
        mentions = find_mentions(words)
        roles = read_roles(words, mentions)
        assignments = _assignments(words, offset + start, roles, context)
        origin = "agency_item" if context.heading_agencies else "prose"
        tasks.append(Task(
            description=words, section=section.id, origin=origin,
            assignments=assignments, span=(offset + start, offset + end),
            page=norm.page_at(offset + start),
        ))
    return tasks


def _sentences(value: str) -> list[tuple[int, int]]:
    """Each sentence's span, without the spaces and closing marks around it."""
    result = []
    for start, end in clause_spans(value, SENTENCE_END):
        piece = value[start:end]
        stripped = piece.rstrip(" .;,")
        lead = len(piece) - len(piece.lstrip())
        result.append((start + lead, start + len(stripped)))
    return result


def _context(section: Section, layout: Layout, intros: dict[str, list[tuple[int, str]]],
             before: int) -> _Context:
    heading_agencies: list[AgencyMention] = []
    requested = lead = False
    texts: list[tuple[int, str]] = []
    for ancestor in layout.chain(section):
        heading = _agency_heading(ancestor)
        if heading is not None and heading_agencies:
            requested = requested or heading[1]  # "5. Đề nghị ... và các Hội" over "a) Hội X"
            continue
        for offset, words in intros.get(ancestor.id, []):
            if offset < before:
                texts.append((offset, words))
        if heading is not None:
            heading_agencies, requested, lead = heading
        elif ancestor is not section and ancestor.span and not heading_agencies:
            texts.append((ancestor.span[0], ancestor.title))
    return _Context(heading_agencies, requested, lead, texts)


def _agency_heading(section: Section) -> tuple[list[AgencyMention], bool, bool] | None:
    """The bodies an item's heading names, if the heading is nothing but bodies: "2. Sở Lao
    động - Thương binh và Xã hội", "5. Đề nghị Ủy ban MTTQ phường và các Hội đoàn thể"."""
    if section.span is None or section.kind in {"roman", "appendix", "article", "part"}:
        return None
    title = section.title
    mentions = _agency_heading_text(title)
    if not mentions:
        return None
    shifted = [AgencyMention(m.start + section.span[0] + _title_offset(section), m.end +
                             section.span[0] + _title_offset(section), m.surface, m.kind,
                             m.collective, m.head) for m in mentions]
    return (shifted, bool(REQUEST.match(title)),
            bool(regex.search(r"thường trực|chủ trì", title, regex.IGNORECASE)))


def _title_offset(section: Section) -> int:
    return 0  # spans of heading agencies only need to fall on the heading's line


def _agency_heading_text(title: str) -> list[AgencyMention]:
    mentions = find_mentions(title)
    if not mentions:
        return []
    rest = title
    for mention in sorted(mentions, key=lambda m: -m.start):
        rest = rest[:mention.start] + rest[mention.end:]
    rest = regex.sub(r"Đề nghị|\((?:cơ quan )?thường trực\)|cơ quan thường trực|"
                     r"\bvà\b|\bcác\b|[,;:()\-–.]", " ", rest, flags=regex.IGNORECASE)
    return mentions if not rest.split() else []


def _assignments(words: str, offset: int, roles: _Roles, context: _Context) -> list[Assignment]:
    """The task's own roles, filled in from its headings and intro lines."""
    inherited = _Roles([], [])
    for _, intro in context.texts:
        inherited = inherited.merge(read_roles(intro, find_mentions(intro)))
    assignments: list[Assignment] = []
    if roles.doers:
        role = _role(_Roles(roles.doers, [], roles.lead, roles.advising, roles.requested))
        doers = [(m.start + offset, m.end + offset, m) for m in roles.doers]
    else:
        flags = _Roles([], [], roles.lead or inherited.lead or context.heading_lead,
                       roles.advising or inherited.advising,
                       roles.requested or context.heading_requested)
        role = _role(flags)
        if role == "responsible" and regex.match(r"\s*(?:[-+•]\s*)?(?:Chủ động\s+)?phối hợp",
                                                 words, regex.IGNORECASE):
            role = "cooperating"  # the heading's body helps with another body's work
        if context.heading_agencies:
            doers = [(m.start, m.end, m) for m in context.heading_agencies]
        elif inherited.doers:
            doers = [(0, 0, m) for m in inherited.doers]
        else:
            doers = []
    for start, end, mention in doers:
        assignments.append(Assignment(name=mention.name, role=role,  # type: ignore[arg-type]
                                      span=(start, end) if end else None))
    for mention in roles.cooperating:
        assignments.append(Assignment(name=mention.name, role="cooperating",
                                      span=(mention.start + offset, mention.end + offset)))
    if not roles.cooperating:
        for mention in inherited.cooperating:
            assignments.append(Assignment(name=mention.name, role="cooperating"))
    return _unique(assignments)


def _unique(assignments: list[Assignment]) -> list[Assignment]:
    seen: set[str] = set()
    kept = []
    for assignment in assignments:
        key = match_key(full_name(assignment.name))
        if key not in seen:
            seen.add(key)
            kept.append(assignment)
    return kept


# --- tables -------------------------------------------------------------------------------

def _table_tasks(norm: NormalizedText, layout: Layout) -> list[Task]:
    tasks = []
    for table in norm.tables:
        header = [norm.text[s:e] for s, e in table.rows[0]]
        columns = _columns(header)
        if columns is None:
            continue
        content, lead, cooperating, responsible, when, deliverable = columns
        section = layout.section_at(table.start)
        for row in table.rows[1:]:
            cells = [norm.text[s:e] for s, e in row]
            if content >= len(cells) or not cells[content].strip() or _group_row(cells, content):
                continue
            assignments: list[Assignment] = []
            for column, role in ((lead, "lead"), (responsible, "responsible"),
                                 (cooperating, "cooperating")):
                if column is None or column >= len(cells):
                    continue
                assignments.extend(_cell_assignments(cells[column], row[column][0], role))
            start, end = row[content]
            tasks.append(Task(
                description=cells[content].strip(), section=section.id if section else None,
                origin="table", assignments=_unique(assignments), span=(start, end),
                page=norm.page_at(start),
                deliverable=(cells[deliverable].strip() or None)
                if deliverable is not None and deliverable < len(cells) else None,
            ))
            if when is not None and when < len(row):
                tasks[-1].__dict__["_time_cell"] = row[when]
    return tasks


def _columns(header: list[str]):
    def first(pattern: regex.Pattern[str], exclude: set[int]) -> int | None:
        return next((i for i, cell in enumerate(header)
                     if i not in exclude and pattern.search(cell)), None)

    content = first(CONTENT_COLUMN, set())
    if content is None:
        return None
    lead = first(LEAD_COLUMN, {content})
    cooperating = first(COOPERATING_COLUMN, {content})
    taken = {content, *(c for c in (lead, cooperating) if c is not None)}
    when = next((i for i, cell in enumerate(header) if TIME_COLUMN.match(cell)), None)
    if when is not None:
        taken.add(when)
    responsible = first(RESPONSIBLE_COLUMN, taken)
    deliverable = first(DELIVERABLE_COLUMN, taken | {responsible} if responsible else taken)
    if lead is None and responsible is None and when is None:
        return None
    return content, lead, cooperating, responsible, when, deliverable


def _group_row(cells: list[str], content: int) -> bool:
    others = [cell for i, cell in enumerate(cells) if i != content and cell.strip()]
    first = cells[0].strip() if cells else ""
    return bool(GROUP_ROW.match(first)) and all(GROUP_ROW.match(c.strip()) for c in others)


def _cell_assignments(cell: str, offset: int, role: str) -> list[Assignment]:
    """A cell of bodies; "(chủ trì)" or "chủ trì; ... phối hợp" inside it sets their roles."""
    mentions = find_mentions(cell)
    if not mentions:
        name = cell.strip(" .;,")
        return [Assignment(name=name, role=role, span=(offset, offset + len(cell)))] \
            if name and not name.isdigit() else []  # type: ignore[arg-type]
    assignments = []
    cooperate_at = COOPERATE.search(cell)
    for mention in mentions:
        own = role
        after = cell[mention.end:mention.end + 14]
        if regex.match(r"\s*\(?\s*chủ trì", after, regex.IGNORECASE):
            own = "lead"
        elif (cooperate_at and mention.start > cooperate_at.start()) or regex.match(
                r"\s*\(?\s*phối hợp", after, regex.IGNORECASE):
            own = "cooperating"
        assignments.append(Assignment(name=mention.name, role=own,  # type: ignore[arg-type]
                                      span=(offset + mention.start, offset + mention.end)))
    return assignments


# --- resolution ---------------------------------------------------------------------------

def _mention_index(agencies: list[Agency]) -> dict[str, Agency]:
    index: dict[str, Agency] = {}
    for agency in agencies:
        for name in (agency.name, *agency.aliases):
            index.setdefault(match_key(full_name(name)), agency)
    return index


def _resolve(task: Task, index: dict[str, Agency]) -> None:
    for assignment in task.assignments:
        agency = index.get(match_key(full_name(assignment.name)))
        if agency is not None:
            assignment.agency = agency.id
    names = {a.agency: a.name for a in task.assignments}

    def canonical(assignment: Assignment) -> str:
        agency = next((a for a in index.values() if a.id == assignment.agency), None)
        return agency.name if agency else names.get(assignment.agency, assignment.name)

    task.lead_agencies = [canonical(a) for a in task.assignments if a.role != "cooperating"]
    task.cooperating_agencies = [canonical(a) for a in task.assignments
                                 if a.role == "cooperating"]


def _timeframe(task: Task, time_expressions: list[TimeExpression]) -> None:
    cell = task.__dict__.pop("_time_cell", None)
    spans = [task.span] if task.span else []
    if cell is not None:
        spans.append(cell)
    inside = [t for t in time_expressions if t.span and any(
        start <= t.span[0] and t.span[1] <= end for start, end in spans)]
    if not inside:
        return
    stated = [t for t in inside if t.kind != "unspecified"]
    recurring = [t for t in inside if t.kind == "recurrence"]
    task.timeframe = (stated or inside)[0]
    if recurring:
        task.recurrence = recurring[0].rrule


def _count_roles(agencies: list[Agency], tasks: list[Task]) -> None:
    by_id = {agency.id: agency for agency in agencies}
    for task in tasks:
        for assignment in task.assignments:
            agency = by_id.get(assignment.agency or "")
            if agency is not None:
                agency.roles[assignment.role] = agency.roles.get(assignment.role, 0) + 1
