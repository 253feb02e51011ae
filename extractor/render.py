"""Human-readable views of a Plan: a terminal summary (rich) and Markdown."""

from __future__ import annotations

from rich.console import Console, Group
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table

from extractor.model import Plan, ReportingDuty, Target, Task, TimeExpression

DOC_TYPE_NAMES = {
    "ke_hoach": "Kế hoạch", "quyet_dinh": "Quyết định", "chuong_trinh": "Chương trình",
    "de_an": "Đề án", "cong_van": "Công văn", "thong_tu": "Thông tư", "nghi_quyet": "Nghị quyết",
    "nghi_dinh": "Nghị định", "chi_thi": "Chỉ thị", "luat": "Luật", "thong_bao": "Thông báo",
    "huong_dan": "Hướng dẫn", "bao_cao": "Báo cáo", "van_ban": "Văn bản",
}


def metadata_rows(plan: Plan) -> list[tuple[str, str]]:
    """(label, value) pairs of the document metadata, for any tabular view."""
    document = plan.document
    programme = document.programme
    period = programme.period if programme and programme.period else None
    signer = document.signer
    rows = [
        ("Type", DOC_TYPE_NAMES.get(document.type or "", "-")),
        ("Number", document.number or f"(blank) {document.symbol or ''}".strip()),
        ("Issued", " ".join(filter(None, [document.issue_date, document.place])) or "-"),
        ("Issuer", _body(document.issuer.name, document.issuer.level) if document.issuer else "-"),
        ("Locality", _body(document.locality.name or "(unnamed)", document.locality.level)
         if document.locality else "-"),
        ("Title", document.title or "-"),
        ("Programme", " ".join(filter(None, [
            programme.name if programme else None,
            f"({period.start}-{period.end})" if period else None])) or "-"),
        ("Signer", " ".join(filter(None, [
            signer.capacity + "." if signer and signer.capacity else None,
            signer.title if signer else None,
            signer.name if signer else None])) or "-"),
        ("Recipients", str(len(document.recipients))),
    ]
    if document.enacted_by:
        decision = document.enacted_by
        rows.insert(1, ("Enacted by", " ".join(filter(None, [
            "Quyết định", decision.number or "(blank)", decision.issue_date]))))
    parent = plan.parent
    rows.append(("Parent", _citation_label(parent) if parent else "-"))
    return rows


def target_row(target: Target) -> tuple[str, str, str, str]:
    """(milestone, figure, subject, indicator) as a reader says them."""
    if target.value is None:
        figure = target.kind
    else:
        value = f"{target.value:g}" + (f"-{target.value_max:g}" if target.value_max else "")
        comparator = "" if target.comparator in (None, "=") else target.comparator + " "
        unit = target.unit or ""
        figure = f"{comparator}{value}{unit if unit == '%' else ' ' + unit}".strip()
    if target.parent_target:
        figure = "  of which " + figure
    return (str(target.milestone_year or "-"), figure, target.subject or "-",
            (target.indicator or "-")[:100])


def reporting_row(duty: ReportingDuty) -> tuple[str, str, str]:
    recipient = duty.recipient or "-"
    if duty.via:
        recipient += f" (via {duty.via})"
    return duty.reporter or "-", recipient, time_value(duty.when) if duty.when else "-"


def task_row(task: Task) -> tuple[str, str, str, str]:
    """(who, with whom, what, when) of a task."""
    leads = [f"{a.name} ({ROLE_NAMES[a.role]})" if a.role != "responsible" else a.name
             for a in task.assignments if a.role != "cooperating"]
    helpers = [a.name for a in task.assignments if a.role == "cooperating"]
    when = "-"
    if task.timeframe:
        when = f"{task.timeframe.text} = {time_value(task.timeframe)}"
    what = task.description if len(task.description) <= 160 else task.description[:157] + "..."
    if task.deliverable:
        what += f" -> {task.deliverable}"
    return "; ".join(leads) or "-", "; ".join(helpers) or "-", what, when


ROLE_NAMES = {"lead": "chủ trì", "cooperating": "phối hợp", "advising": "tham mưu",
              "requested": "đề nghị", "responsible": "thực hiện"}


def agency_rows(plan: Plan) -> list[tuple[str, str, str, str, str]]:
    """(name, level, kind, mentions, roles) per body, most mentioned first."""
    rows = []
    for agency in sorted(plan.agencies, key=lambda a: (-len(a.mentions), a.mentions[0].span)):
        roles = ", ".join(f"{ROLE_NAMES[role]} {count}" for role, count in
                          sorted(agency.roles.items(), key=lambda item: -item[1]))
        name = agency.name + (" (collective)" if agency.collective else "")
        if agency.aliases:
            name += " = " + "; ".join(agency.aliases[:3])
        rows.append((name, agency.level or "-", agency.kind, str(len(agency.mentions)),
                     roles or "-"))
    return rows


def print_agencies(plan: Plan, console: Console) -> None:
    table = Table(title=escape(f"Bodies named in {plan.source.path}"), expand=True)
    for column in ("Body", "Level", "Kind", "Mentions", "Roles in tasks"):
        table.add_column(column, overflow="fold",
                         justify="right" if column == "Mentions" else "left")
    for row in agency_rows(plan):
        table.add_row(*(escape(value) for value in row))
    console.print(table)


def time_value(expression: TimeExpression) -> str:
    if expression.kind == "window":
        value = f"{expression.start} .. {expression.end}"
    elif expression.kind == "point":
        value = f"{expression.bound or 'on'} {expression.end}"
    elif expression.kind == "recurrence":
        value = ("by " if expression.bound == "by" else "") + (expression.rrule or "")
        value += f" from {expression.start}" if expression.start else ""
    elif expression.kind == "duration":
        value = f"{expression.duration}" + (" working days" if expression.working_days else "")
        value += f" from {expression.anchor}" if expression.anchor else ""
    else:
        value = "unspecified"
    return value + (" (year from the plan)" if expression.year_inherited else "")


def _body(name: str, level: str | None) -> str:
    return f"{name} [{level}]" if level else name


def _citation_label(citation) -> str:
    kind = DOC_TYPE_NAMES.get(citation.type, citation.type)
    number = citation.number or citation.title or ""
    return " ".join(filter(None, [kind, number, citation.date, "-", citation.issuer or ""])).rstrip(
        " -")


def print_table(plan: Plan, console: Console) -> None:
    summary = Table.grid(padding=(0, 2))
    summary.add_column(style="bold cyan", no_wrap=True)
    summary.add_column()
    for label, value in metadata_rows(plan):
        summary.add_row(label, escape(value))
    citations = Table(title="Citations", show_lines=False, expand=True)
    for column in ("Relation", "Type", "Number", "Date", "Issuer", "Title"):
        citations.add_column(column, overflow="fold")
    for citation in plan.citations:
        citations.add_row(*(escape(value) for value in (
            citation.relation, DOC_TYPE_NAMES.get(citation.type, citation.type),
            citation.number or "-", citation.date or "-", citation.issuer or "-",
            (citation.title or "-")[:90])))
    parts: list = [summary, citations]
    if plan.targets:
        targets = Table(title="Targets", expand=True)
        for column in ("By", "Target", "Subject", "Indicator"):
            targets.add_column(column, overflow="fold")
        for target in plan.targets:
            targets.add_row(*(escape(value) for value in target_row(target)))
        parts.append(targets)
    if plan.time_expressions:
        times = Table(title="When", expand=True)
        for column in ("Expression", "Value"):
            times.add_column(column, overflow="fold")
        for expression in plan.time_expressions:
            times.add_row(escape(expression.text), escape(time_value(expression)))
        parts.append(times)
    if plan.tasks:
        tasks = Table(title="Tasks: who does what, by when", expand=True, show_lines=True)
        for column in ("Who", "With", "What", "When"):
            tasks.add_column(column, overflow="fold", ratio=3 if column == "What" else 1)
        for task in plan.tasks:
            tasks.add_row(*(escape(value) for value in task_row(task)))
        parts.append(tasks)
    if plan.reporting:
        reports = Table(title="Reporting", expand=True)
        for column in ("Who", "To", "When"):
            reports.add_column(column, overflow="fold")
        for duty in plan.reporting:
            reports.add_row(*(escape(value) for value in reporting_row(duty)))
        parts.append(reports)
    if plan.funding:
        parts.append(escape("Funding: " + "; ".join(
            f.text + (f" {f.amount_text}" if f.amount_text else "") for f in plan.funding)))
    budget = plan.budget
    if budget.total_text or budget.prepared_by:
        total = f"total {budget.total_text}" if budget.total_text else ""
        if total and budget.period:
            total += f" ({budget.period.text})"
        preparers = "prepared by " + "; ".join(a.name for a in budget.prepared_by) \
            if budget.prepared_by else ""
        parts.append(escape("Budget: " + ", ".join(part for part in (total, preparers) if part)))
    if plan.findings:
        findings = Table(title="Findings", expand=True)
        for column in ("Severity", "Code", "Message"):
            findings.add_column(column, overflow="fold")
        for finding in plan.findings:
            findings.add_row(finding.severity, finding.code, escape(finding.message))
        parts.append(findings)
    counts = (f"{len(plan.sections)} sections, {len(plan.tables)} tables, "
              f"{plan.source.characters} characters"
              + (f", {plan.source.pages} pages" if plan.source.pages else ""))
    parts.append(counts)
    title = escape(f"{plan.source.path} ({plan.source.format})")
    console.print(Panel(Group(*parts), title=title))


def to_markdown(plan: Plan) -> str:
    lines = [f"## {plan.source.path}", "", "| Field | Value |", "|---|---|"]
    lines += [f"| {label} | {_cell(value)} |" for label, value in metadata_rows(plan)]
    lines += ["", "### Citations", "", "| Relation | Type | Number | Date | Issuer | Title |",
              "|---|---|---|---|---|---|"]
    for citation in plan.citations:
        lines.append("| " + " | ".join(_cell(value) for value in (
            citation.relation, DOC_TYPE_NAMES.get(citation.type, citation.type),
            citation.number or "-", citation.date or "-", citation.issuer or "-",
            citation.title or "-")) + " |")
    if plan.targets:
        lines += ["", "### Targets", "", "| By | Target | Subject | Indicator |",
                  "|---|---|---|---|"]
        lines += ["| " + " | ".join(_cell(value) for value in target_row(target)) + " |"
                  for target in plan.targets]
    if plan.time_expressions:
        lines += ["", "### When", "", "| Expression | Value |", "|---|---|"]
        lines += [f"| {_cell(e.text)} | {_cell(time_value(e))} |" for e in plan.time_expressions]
    if plan.tasks:
        lines += ["", "### Tasks", "", "| Who | With | What | When |", "|---|---|---|---|"]
        lines += ["| " + " | ".join(_cell(v) for v in task_row(t)) + " |" for t in plan.tasks]
    if plan.reporting:
        lines += ["", "### Reporting", "", "| Who | To | When |", "|---|---|---|"]
        lines += ["| " + " | ".join(_cell(v) for v in reporting_row(d)) + " |"
                  for d in plan.reporting]
    if plan.funding:
        lines += ["", "### Funding", ""] + [f"- {_cell(f.text)} (`{f.source}`)"
                                            for f in plan.funding]
    if plan.findings:
        lines += ["", "### Findings", ""]
        lines += [f"- **{f.severity}** `{f.code}`: {f.message}" for f in plan.findings]
    return "\n".join(lines) + "\n"


def _cell(value: str) -> str:
    return value.replace("|", "\\|").replace("\n", " ")
