"""read -> normalise -> structure -> rule passes -> Plan."""

from __future__ import annotations

import hashlib
from pathlib import Path

import regex

from extractor.errors import EmptyInputError
from extractor.model import Cell, Plan, Source, Table
from extractor.normalize import NormalizedText, normalize
from extractor.read import DEFAULT_MAX_BYTES, SourceDocument, read_source
from extractor.rules.agencies import extract_agencies
from extractor.rules.citations import extract_citations, select_parent
from extractor.rules.funding import extract_budget, extract_funding
from extractor.rules.metadata import extract_metadata, plan_year
from extractor.rules.reporting import extract_reporting
from extractor.rules.targets import extract_targets
from extractor.rules.tasks import extract_tasks, field_rows, regular_times
from extractor.rules.timex import extract_time_expressions
from extractor.structure import Layout, analyse

# A cited document's subject: "về việc tổ chức hoạt động ... hè năm 2025 cho trẻ em", "quy định
# quy trình rà soát hộ nghèo, hộ cận nghèo hằng năm"; the duty may go on after a comma
# ("..., trình Giám đốc Sở phê duyệt trước ngày 31/3/2023").
CITED_SUBJECT = regex.compile(r"(?:về|quy định|hướng dẫn|ban hành)\b", regex.IGNORECASE)
DUTY_GOES_ON = regex.compile(r",\s+(?:trình|báo cáo|gửi|nộp|hoàn thành)\b")


def _cited_subject(title: str) -> str | None:
    if CITED_SUBJECT.match(title) is None:
        return None
    return title[:going_on.start()] if (going_on := DUTY_GOES_ON.search(title)) else title


def extract(path: str | Path, *, with_text: bool = False,
            max_bytes: int = DEFAULT_MAX_BYTES) -> Plan:
    """Extract a plan from a file of any supported format."""
    path = Path(path)
    source_document, data = read_source(path, max_bytes)
    source = Source(
        path=str(path),
        sha256=hashlib.sha256(data).hexdigest(),
        format=source_document.format,
        pages=source_document.pages,
        encoding=source_document.encoding,
    )
    return extract_document(source_document, source, with_text=with_text)


def extract_text(text: str, *, path: str = "<text>", with_text: bool = False) -> Plan:
    """Extract a plan from text already in memory (a notebook, a test)."""
    from extractor.read.text import parse_text

    data = text.encode("utf-8", errors="surrogatepass")
    source = Source(path=path, sha256=hashlib.sha256(data).hexdigest(), format="text",
                    encoding="utf-8")
    return extract_document(SourceDocument(parse_text(text), "text"), source, with_text=with_text)


def extract_document(source_document: SourceDocument, source: Source, *,
                     with_text: bool = False) -> Plan:
    norm = normalize(source_document)
    if not norm.text.strip():
        raise EmptyInputError(f"{source.path}: no text in the file; nothing to extract")
    source.characters = len(norm.text)
    layout = analyse(norm)
    metadata = extract_metadata(norm, layout)
    document = metadata.document
    own_numbers = {document.number or ""}
    if document.enacted_by and document.enacted_by.number:
        own_numbers.add(document.enacted_by.number)
    citations = extract_citations(norm, layout, own_numbers)
    targets = extract_targets(norm, layout, document)
    # A cited document's date and title ("Công văn số 1520/BVHTTDL-GĐ ngày 12/5/2025 ... về việc
    # tổ chức hoạt động ... hè năm 2025") and a target's milestone are not schedules.
    taken = [mention.span for citation in citations for mention in citation.mentions]
    taken += [(at, at + len(subject)) for citation in citations
              if citation.title and (subject := _cited_subject(citation.title))
              for mention in citation.mentions
              if (at := norm.text.find(subject, mention.span[1],
                                       mention.span[1] + len(subject) + 40)) >= 0]
    taken += [target.span for target in targets if target.span]
    time_expressions = extract_time_expressions(norm, layout, taken, plan_year(document))
    agencies, mentions = extract_agencies(norm, layout, document)
    reporting = extract_reporting(norm, layout, plan_year(document), time_expressions, mentions)
    funding = extract_funding(norm, layout, document)
    tasks = extract_tasks(norm, layout, agencies, mentions, time_expressions)
    # "thường xuyên" is a duty's time only where the task pass reads it as one (before its verb).
    stated = {time.span for time in time_expressions}
    regular = {time.span: time for time in regular_times(tasks, mentions)
               if time.span not in stated}
    time_expressions = sorted(
        [*time_expressions, *(task.timeframe for task in tasks if task.timeframe and
                              task.timeframe.span and task.timeframe.span not in stated
                              and task.timeframe.span not in regular), *regular.values()],
        key=lambda time: time.span or (0, 0))
    return Plan(
        source=source,
        document=document,
        citations=citations,
        parent=select_parent(citations, document),
        sections=layout.sections,
        tables=_tables(norm, layout),
        targets=targets,
        reporting=reporting,
        funding=funding,
        budget=extract_budget(norm, layout, document, tasks, agencies),
        agencies=agencies,
        tasks=tasks,
        time_expressions=time_expressions,
        findings=metadata.findings,
        text=norm.text if with_text else None,
    )


def _tables(norm: NormalizedText, layout: Layout) -> list[Table]:
    tables = []
    for index, table in enumerate(norm.tables):
        rows = [
            [Cell(text=norm.text[start:end], span=(start, end), page=norm.page_at(start))
             for start, end in row]
            for row in table.rows
        ]
        section = layout.section_at(table.start)
        # A table of one task's fields ("Cơ quan chủ trì | ...") has no header row.
        fields = field_rows([[cell.text for cell in row] for row in rows]) is not None
        tables.append(Table(id=f"t{index + 1}", section=section.id if section else None,
                            header=[] if fields else rows[0], rows=rows if fields else rows[1:],
                            span=(table.start, table.end), page=norm.page_at(table.start)))
    return tables
