"""The embedded store: plans as normalised DuckDB tables keyed by document hash.

Every table has ``doc_hash`` (the SHA-256 of the file's bytes) as its first column, so a plan's
rows join on one key. ``plans`` keeps each whole plan (compressed JSON), so nothing extracted is
lost and JSONL exports and checks need no second extraction. A document's rows, its ``plans``
row and its ``files`` rows are written in one transaction: a batch killed at any moment leaves
either all of a document or none of it.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pyarrow as pa

from extractor.errors import OutputError
from extractor.model import Plan, TimeExpression

SPAN_COLUMNS = (
    ("span_start", "INTEGER", "Start of the span in the normalised text ([start, end))."),
    ("span_end", "INTEGER", "End of the span in the normalised text."),
    ("page", "INTEGER", "1-based page of the span's start (PDF only)."),
)
KEY = ("doc_hash", "VARCHAR", "SHA-256 of the file's bytes: the document's key in every table.")


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    description: str


@dataclass(frozen=True)
class TableSpec:
    name: str
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...] = ()

    @property
    def names(self) -> list[str]:
        return [column.name for column in self.columns]


def _table(name: str, description: str, *columns: tuple[str, str, str],
           key: tuple[str, ...] = (), spans: bool = False) -> TableSpec:
    all_columns = [KEY, *columns, *(SPAN_COLUMNS if spans else ())]
    return TableSpec(name, description, tuple(Column(*column) for column in all_columns), key)


TABLES: tuple[TableSpec, ...] = (
    _table(
        "documents", "One row per distinct document (by content).",
        ("path", "VARCHAR", "The first path the document was read from."),
        ("format", "VARCHAR", "text, markdown, docx, pdf or html."),
        ("pages", "INTEGER", "Pages (PDF) or null."),
        ("characters", "INTEGER", "Length of the normalised text."),
        ("encoding", "VARCHAR", "Encoding read (a legacy one such as tcvn3 is converted)."),
        ("type", "VARCHAR", "Document type: ke_hoach, quyet_dinh, ..."),
        ("number", "VARCHAR", "Number and symbol as written, e.g. 74/KH-UBND (null if blank)."),
        ("symbol", "VARCHAR", "The symbol, e.g. KH-UBND."),
        ("issue_date", "VARCHAR", "ISO date of issue (may be a year or year-month only)."),
        ("issue_year", "INTEGER", "Year of issue."),
        ("place", "VARCHAR", "Place named in the date line."),
        ("issuer", "VARCHAR", "Issuing body."),
        ("issuer_level", "VARCHAR", "trung_uong, tinh, huyen or xa."),
        ("locality", "VARCHAR", "The locality the plan covers."),
        ("locality_level", "VARCHAR", "tinh, thanh_pho, huyen, quan, thi_xa, xa, phuong, ..."),
        ("locality_tier", "VARCHAR", "trung_uong, tinh, huyen or xa."),
        ("title", "VARCHAR", "The summary (trích yếu)."),
        ("programme", "VARCHAR", "The programme the plan implements."),
        ("period_start", "VARCHAR", "First year of the programme's period."),
        ("period_end", "VARCHAR", "Last year of the programme's period."),
        ("signer", "VARCHAR", "Name of the signer."),
        ("signer_title", "VARCHAR", "Title of the signer."),
        ("enacted_by", "VARCHAR", "Number of the decision that enacts the plan, if any."),
        ("parent_type", "VARCHAR", "Type of the parent document the plan implements."),
        ("parent_number", "VARCHAR", "Number of the parent document as cited."),
        ("parent_date", "VARCHAR", "Date of the parent document as cited."),
        ("parent_issuer", "VARCHAR", "Issuer of the parent document as cited."),
        ("schema_version", "VARCHAR", "Version of the plan schema."),
        ("extractor_version", "VARCHAR", "kehoach version that extracted it."),
        ("extracted_at", "TIMESTAMP", "When it was extracted (UTC)."),
        ("budget_total_vnd", "BIGINT", "The total the plan states for its money, in đồng."),
        ("budget_prepared_by", "VARCHAR",
         "Bodies that draw up or allocate the budget, joined by '; '."),
        key=("doc_hash",),
    ),
    _table(
        "files", "Every path seen, with the document it holds (several paths may share one).",
        ("path", "VARCHAR", "Absolute path of the file."),
        ("size", "BIGINT", "Size in bytes when read."),
        ("mtime_ns", "BIGINT", "Modification time (ns) when read; unchanged files are skipped."),
        key=("path",),
    ),
    _table(
        "citations", "Documents the plan cites (legal basis, parent, others).",
        ("citation_no", "INTEGER", "Order of first mention, from 1."),
        ("type", "VARCHAR", "Cited document's type."),
        ("number", "VARCHAR", "Cited number and symbol."),
        ("symbol", "VARCHAR", "Cited symbol."),
        ("date", "VARCHAR", "Cited date (ISO)."),
        ("issuer", "VARCHAR", "Cited issuer."),
        ("issuer_level", "VARCHAR", "Level of the cited issuer."),
        ("title", "VARCHAR", "Cited title."),
        ("relation", "VARCHAR", "basis, implements or cited."),
        ("is_parent", "BOOLEAN", "The direct parent the plan implements."),
        spans=True,
    ),
    _table(
        "targets", "Quantitative, qualitative and trend targets with their milestones.",
        ("target_id", "VARCHAR", "Id within the plan."),
        ("value", "DOUBLE", "The value (a percent is 0-100)."),
        ("value_max", "DOUBLE", "Upper end of a range."),
        ("unit", "VARCHAR", "%, or a counted noun."),
        ("comparator", "VARCHAR", "=, >, >=, <, <= or ~."),
        ("subject", "VARCHAR", "The population it applies to."),
        ("indicator", "VARCHAR", "What is measured."),
        ("indicator_key", "VARCHAR", "Canonical key of the indicator, for matching plans."),
        ("milestone_year", "INTEGER", "The year it is due."),
        ("kind", "VARCHAR", "quantitative, qualitative or trend."),
        ("baseline", "DOUBLE", "The starting value, if stated."),
        ("parent_target", "VARCHAR", "Id of the target this is part of ('trong đó')."),
        ("earlier", "VARCHAR", "Id of the same indicator at an earlier milestone."),
        ("section", "VARCHAR", "Section id."),
        ("text", "VARCHAR", "The clause it was read from."),
        spans=True,
    ),
    _table(
        "tasks", "Tasks from prose, agency items and task tables.",
        ("task_id", "VARCHAR", "Id within the plan."),
        ("description", "VARCHAR", "What is to be done."),
        ("section", "VARCHAR", "Section id."),
        ("origin", "VARCHAR", "prose, agency_item or table."),
        ("lead_agencies", "VARCHAR[]", "Bodies that do the work (canonical names)."),
        ("cooperating_agencies", "VARCHAR[]", "Bodies that cooperate."),
        *(
            ("timeframe_" + name, "VARCHAR", description) for name, description in (
                ("text", "The time expression as written."),
                ("kind", "point, window, recurrence, duration or unspecified."),
                ("start", "ISO start of the window."),
                ("end", "ISO end (the deadline for a point)."),
                ("bound", "by (a deadline) or on (the day itself)."),
            )
        ),
        ("recurrence", "VARCHAR", "RRULE when the work recurs."),
        ("deliverable", "VARCHAR", "The product, where stated."),
        spans=True,
    ),
    _table(
        "agencies", "The bodies a plan names, one canonical entry each.",
        ("agency_id", "VARCHAR", "Id within the plan."),
        ("name", "VARCHAR", "Fullest form, abbreviations expanded."),
        ("aliases", "VARCHAR[]", "Other forms seen."),
        ("level", "VARCHAR", "trung_uong, tinh, huyen or xa."),
        ("locality", "VARCHAR", "Locality the body belongs to, where stated."),
        ("kind", "VARCHAR", "state, party, front, mass_organisation, school, ..."),
        ("collective", "BOOLEAN", "A group such as 'các sở, ban, ngành'."),
        ("mentions", "INTEGER", "How many times it is named."),
        ("lead", "INTEGER", "Tasks it leads."),
        ("cooperating", "INTEGER", "Tasks it cooperates on."),
        ("advising", "INTEGER", "Tasks it advises on."),
        ("requested", "INTEGER", "Tasks it is requested ('Đề nghị') to do."),
        ("responsible", "INTEGER", "Tasks it is plainly responsible for."),
    ),
    _table(
        "assignments", "One body's role in one task.",
        ("task_id", "VARCHAR", "The task."),
        ("agency_id", "VARCHAR", "The body's id in agencies (null if unresolved)."),
        ("name", "VARCHAR", "The body as named here."),
        ("role", "VARCHAR", "lead, cooperating, advising, requested or responsible."),
        spans=True,
    ),
    _table(
        "reporting", "Duties to report: who, to whom, through whom, when.",
        ("duty_no", "INTEGER", "Order in the plan, from 1."),
        ("reporter", "VARCHAR", "Who reports."),
        ("recipient", "VARCHAR", "To whom."),
        ("via", "VARCHAR", "Through whom ('qua ...')."),
        ("when_text", "VARCHAR", "The time expression as written."),
        ("when_kind", "VARCHAR", "point, window, recurrence, duration or unspecified."),
        ("when_end", "VARCHAR", "ISO deadline."),
        ("rrule", "VARCHAR", "RRULE of a recurring report."),
        ("text", "VARCHAR", "The clause."),
        ("section", "VARCHAR", "Section id."),
        spans=True,
    ),
    _table(
        "funding", "Funding sources.",
        ("funding_no", "INTEGER", "Order in the plan, from 1."),
        ("source", "VARCHAR", "ngan_sach_tinh, xa_hoi_hoa, long_ghep, ..."),
        ("text", "VARCHAR", "The clause."),
        ("section", "VARCHAR", "Section id."),
        ("amount_vnd", "BIGINT", "The amount stated for this source alone, in đồng."),
        ("amount_text", "VARCHAR", "The amount as written."),
        ("period_start", "VARCHAR", "ISO start of the years the money is for."),
        ("period_end", "VARCHAR", "ISO end of the years the money is for."),
        spans=True,
    ),
    _table(
        "findings", "Faults noticed while reading a plan (a blank number, an impossible date).",
        ("finding_no", "INTEGER", "Order, from 1."),
        ("code", "VARCHAR", "Stable code, e.g. BLANK_NUMBER."),
        ("severity", "VARCHAR", "error, warning or info."),
        ("message", "VARCHAR", "What is wrong."),
        spans=True,
    ),
    _table(
        "failures", "Files that could not be extracted, and why.",
        ("path", "VARCHAR", "Absolute path of the file."),
        ("size", "BIGINT", "Size in bytes."),
        ("mtime_ns", "BIGINT", "Modification time (ns); an unchanged failed file is not retried."),
        ("error", "VARCHAR", "Error code: empty, corrupt, encrypted, no_text_layer, ..."),
        ("exit_code", "INTEGER", "The exit code 'kehoach extract' gives for it."),
        ("message", "VARCHAR", "The one-line message."),
        ("failed_at", "TIMESTAMP", "When (UTC)."),
        key=("path",),
    ),
    _table(
        "plans", "The whole extracted plan, as zlib-compressed JSON (the public schema).",
        ("plan_json_z", "BLOB", "zlib(JSON of the plan); read it with kehoach's load_plan."),
        key=("doc_hash",),
    ),
    _table(
        "check_findings", "Findings of 'kehoach check --archive': each plan against its parent.",
        ("parent_hash", "VARCHAR", "doc_hash of the parent it was checked against."),
        ("finding_no", "INTEGER", "Order, from 1."),
        ("code", "VARCHAR", "Stable code, e.g. TARGET_WEAKER."),
        ("severity", "VARCHAR", "error, warning or info."),
        ("message", "VARCHAR", "What is wrong (English)."),
        ("message_vi", "VARCHAR", "What is wrong (Vietnamese)."),
        ("text", "VARCHAR", "The plan's words."),
        ("parent_text", "VARCHAR", "The parent's words."),
        ("parent_span_start", "INTEGER", "Start of the parent's words."),
        ("parent_span_end", "INTEGER", "End of the parent's words."),
        ("parent_page", "INTEGER", "Page of the parent's words (PDF)."),
        spans=True,
    ),
    _table(
        "citation_links", "Citations resolved to documents in the store: the citation graph.",
        ("citation_no", "INTEGER", "The citing document's citation."),
        ("cited_hash", "VARCHAR", "doc_hash of the cited document."),
        ("relation", "VARCHAR", "basis, implements or cited."),
        ("is_parent", "BOOLEAN", "The citation is the citing plan's direct parent."),
        ("score", "DOUBLE", "How well number, date and issuer agree (0-1)."),
    ),
)
TABLE_BY_NAME = {table.name: table for table in TABLES}
# Tables filled from a plan; files and failures describe the archive, citation_links the graph.
PLAN_TABLES = ("documents", "citations", "targets", "tasks", "agencies", "assignments",
               "reporting", "funding", "findings", "plans")
EXPORT_TABLES = tuple(table.name for table in TABLES if table.name != "plans")


def extractor_version() -> str:
    from importlib import metadata

    try:
        return metadata.version("kehoach")
    except metadata.PackageNotFoundError:
        return "0+unknown"


def _spans(item) -> tuple:
    span = item.span or (None, None)
    return (span[0], span[1], item.page)


def _time(expression: TimeExpression | None) -> tuple:
    if expression is None:
        return (None,) * 5
    return (expression.text, expression.kind, expression.start, expression.end, expression.bound)


def plan_rows(plan: Plan, version: str, now: datetime) -> dict[str, list[tuple]]:
    """The plan as rows of every plan table, in column order."""
    key = plan.source.sha256
    document = plan.document
    issuer = document.issuer
    locality = document.locality
    programme = document.programme
    period = programme.period if programme and programme.period else None
    parent = plan.parent
    year = document.issue_date[:4] if document.issue_date else None
    rows: dict[str, list[tuple]] = {name: [] for name in PLAN_TABLES}
    rows["documents"].append((
        key, plan.source.path, plan.source.format, plan.source.pages, plan.source.characters,
        plan.source.encoding, document.type, document.number, document.symbol,
        document.issue_date, int(year) if year and year.isdigit() else None, document.place,
        issuer.name if issuer else None, issuer.level if issuer else None,
        locality.name if locality else None, locality.level if locality else None,
        locality.tier if locality else None, document.title,
        programme.name if programme else None, period.start if period else None,
        period.end if period else None,
        document.signer.name if document.signer else None,
        document.signer.title if document.signer else None,
        document.enacted_by.number if document.enacted_by else None,
        parent.type if parent else None, parent.number if parent else None,
        parent.date if parent else None, parent.issuer if parent else None,
        plan.schema_version, version, now, plan.budget.total_vnd,
        "; ".join(a.name for a in plan.budget.prepared_by) or None,
    ))
    for number, citation in enumerate(plan.citations, 1):
        rows["citations"].append((
            key, number, citation.type, citation.number, citation.symbol, citation.date,
            citation.issuer, citation.issuer_level, citation.title, citation.relation,
            parent is not None and citation.span == parent.span, *_spans(citation),
        ))
    for target in plan.targets:
        rows["targets"].append((
            key, target.id, target.value, target.value_max, target.unit, target.comparator,
            target.subject, target.indicator, target.indicator_key, target.milestone_year,
            target.kind, target.baseline, target.parent_target, target.earlier, target.section,
            target.text, *_spans(target),
        ))
    for task in plan.tasks:
        rows["tasks"].append((
            key, task.id, task.description, task.section, task.origin, task.lead_agencies,
            task.cooperating_agencies, *_time(task.timeframe), task.recurrence,
            task.deliverable, *_spans(task),
        ))
        for assignment in task.assignments:
            rows["assignments"].append((key, task.id, assignment.agency, assignment.name,
                                        assignment.role, *_spans(assignment)))
    for agency in plan.agencies:
        rows["agencies"].append((
            key, agency.id, agency.name, agency.aliases, agency.level, agency.locality,
            agency.kind, agency.collective, len(agency.mentions),
            *(agency.roles.get(role, 0) for role in
              ("lead", "cooperating", "advising", "requested", "responsible")),
        ))
    for number, duty in enumerate(plan.reporting, 1):
        when = duty.when
        rows["reporting"].append((
            key, number, duty.reporter, duty.recipient, duty.via,
            when.text if when else None, when.kind if when else None,
            when.end if when else None, when.rrule if when else None,
            duty.text, duty.section, *_spans(duty),
        ))
    for number, source in enumerate(plan.funding, 1):
        period = source.period
        rows["funding"].append((key, number, source.source, source.text, source.section,
                                source.amount_vnd, source.amount_text,
                                period.start if period else None, period.end if period else None,
                                *_spans(source)))
    for number, finding in enumerate(plan.findings, 1):
        rows["findings"].append((key, number, finding.code, finding.severity, finding.message,
                                 *_spans(finding)))
    rows["plans"].append((key, zlib.compress(plan.model_dump_json().encode("utf-8"), 6)))
    return rows


def load_plan(plan_json_z: bytes) -> Plan:
    """A plan from its ``plans.plan_json_z`` cell."""
    return Plan.model_validate_json(zlib.decompress(plan_json_z))


def create_sql(table: TableSpec) -> list[str]:
    columns = [f'"{column.name}" {column.type}' for column in table.columns]
    if table.primary_key:
        columns.append("PRIMARY KEY (" + ", ".join(table.primary_key) + ")")
    statements = [f"CREATE TABLE IF NOT EXISTS {table.name} ({', '.join(columns)})"]
    statements.append(f"COMMENT ON TABLE {table.name} IS {_quote(table.description)}")
    statements += [f"COMMENT ON COLUMN {table.name}.\"{column.name}\" IS "
                   f"{_quote(column.description)}" for column in table.columns]
    return statements


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def tables_markdown() -> str:
    """The store's tables and columns, as documented in ``docs/store.md``."""
    lines = ["# The store's tables", "",
             "Written by `kehoach batch` (DuckDB by default; Parquet exports have the same "
             "columns). Every table starts with `doc_hash`, the SHA-256 of the file's bytes; "
             "join on it. Spans are `[span_start, span_end)` into the plan's normalised text "
             "(`kehoach extract --with-text`). Generated from `extractor/store.py` "
             "(`kehoach schema --tables`).", ""]
    for table in TABLES:
        lines += [f"## {table.name}", "", table.description, "", "| Column | Type | Meaning |",
                  "|---|---|---|"]
        lines += [f"| {column.name} | {column.type} | {column.description} |"
                  for column in table.columns]
        lines.append("")
    return "\n".join(lines)


class Store:
    """A DuckDB file holding an archive's plans. One writer at a time (DuckDB's own lock)."""

    def __init__(self, path: Path, *, read_only: bool = False):
        self.path = path
        if read_only and not path.exists():
            raise OutputError(f"{path}: no such store; build one with 'kehoach batch'")
        try:
            self.connection = duckdb.connect(str(path), read_only=read_only)
        except duckdb.IOException as error:
            raise OutputError(f"{path}: cannot open the store ({_first_line(error)}); is "
                              "another kehoach batch writing to it?") from error
        except duckdb.Error as error:
            raise OutputError(f"{path}: not a kehoach store ({_first_line(error)}); "
                              "choose another --out") from error
        if not read_only:
            self._create()

    def _create(self) -> None:
        existing = {row[0] for row in self.connection.execute(
            "SELECT table_name FROM duckdb_tables()").fetchall()}
        columns = set(self.connection.execute(
            "SELECT table_name, column_name FROM duckdb_columns()").fetchall())
        for table in TABLES:
            if table.name not in existing:
                for statement in create_sql(table):
                    self.connection.execute(statement)
                continue
            # A store written by an earlier version gains the columns added since (empty).
            for column in table.columns:
                if (table.name, column.name) not in columns:
                    self.connection.execute(
                        f'ALTER TABLE {table.name} ADD COLUMN "{column.name}" {column.type}')

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()

    def unchanged(self, stats: list[tuple[str, int, int]]) -> set[str]:
        """Paths whose size and mtime match a file already stored or already failed."""
        if not stats:
            return set()
        probe = pa.table({"path": [s[0] for s in stats], "size": [s[1] for s in stats],
                          "mtime_ns": [s[2] for s in stats]})
        self.connection.register("probe", probe)
        try:
            rows = self.connection.execute(
                "SELECT p.path FROM probe p JOIN files f USING (path, size, mtime_ns) "
                "UNION SELECT p.path FROM probe p JOIN failures f USING (path, size, mtime_ns)"
            ).fetchall()
        finally:
            self.connection.unregister("probe")
        return {row[0] for row in rows}

    def known_hashes(self, hashes: Iterable[str]) -> set[str]:
        wanted = list(set(hashes))
        if not wanted:
            return set()
        rows = self.connection.execute(
            "SELECT doc_hash FROM documents WHERE doc_hash IN (SELECT unnest(?))", [wanted]
        ).fetchall()
        return {row[0] for row in rows}

    def write(self, rows: dict[str, list[tuple]], files: list[tuple],
              failures: list[tuple]) -> None:
        """Add documents' rows, their files and failures, all in one transaction."""
        with self._transaction():
            paths = [row[1] for row in files] + [row[1] for row in failures]
            if paths:
                # A path now read again replaces what was recorded for it before.
                for name in ("files", "failures"):
                    self.connection.execute(
                        f"DELETE FROM {name} WHERE path IN (SELECT unnest(?))", [paths])
            for name, table_rows in (*rows.items(), ("files", files), ("failures", failures)):
                self._insert(name, table_rows)

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self.connection.execute("BEGIN TRANSACTION")
        try:
            yield
            self.connection.execute("COMMIT")
        except BaseException:
            self.connection.execute("ROLLBACK")
            raise

    def _insert(self, name: str, rows: list[tuple]) -> None:
        if rows:
            self.connection.register("incoming", _arrow(TABLE_BY_NAME[name], rows))
            names = ", ".join(f'"{column}"' for column in TABLE_BY_NAME[name].names)
            self.connection.execute(f"INSERT INTO {name} ({names}) SELECT {names} FROM incoming")
            self.connection.unregister("incoming")

    def plan(self, doc_hash: str) -> Plan:
        row = self.connection.execute("SELECT plan_json_z FROM plans WHERE doc_hash = ?",
                                      [doc_hash]).fetchone()
        if row is None:
            raise OutputError(f"{self.path}: no plan {doc_hash[:12]} in the store")
        return load_plan(row[0])

    def replace_check_findings(self, reports) -> None:
        rows = []
        for report in reports:
            for number, item in enumerate(report.findings, 1):
                parent_span = item.parent_span or (None, None)
                rows.append((report.local.sha256, report.parent.sha256 if report.parent
                             else None, number, item.code, item.severity, item.message,
                             item.message_vi, item.text, item.parent_text, parent_span[0],
                             parent_span[1], item.parent_page, *_spans(item)))
        self._replace("check_findings", rows)

    def replace_links(self, links: list[tuple]) -> None:
        self._replace("citation_links", links)

    def _replace(self, name: str, rows: list[tuple]) -> None:
        with self._transaction():
            self.connection.execute(f"DELETE FROM {name}")
            self._insert(name, rows)

    def counts(self) -> dict[str, int]:
        return {table.name: self.connection.execute(
            f"SELECT count(*) FROM {table.name}").fetchone()[0] for table in TABLES}

    def plans(self, where: str = "", parameters: list | None = None) -> Iterator[Plan]:
        cursor = self.connection.execute(
            f"SELECT plan_json_z FROM plans {where} ORDER BY doc_hash", parameters or [])
        while batch := cursor.fetchmany(64):
            for (blob,) in batch:
                yield load_plan(blob)

    def export_parquet(self, folder: Path) -> None:
        """One Parquet file per table; each file appears whole or not at all."""
        for name in EXPORT_TABLES:
            target = folder / f"{name}.parquet"
            partial = folder / f".{name}.parquet.partial"
            self.connection.execute(
                f"COPY (SELECT * FROM {name} ORDER BY ALL) TO '{_sql_path(partial)}' "
                "(FORMAT parquet, COMPRESSION zstd)")
            partial.replace(target)

    def export_jsonl(self, handle) -> int:
        count = 0
        for plan in self.plans():
            handle.write(plan.model_dump_json() + "\n")
            count += 1
        return count


def _arrow(spec: TableSpec, rows: list[tuple]) -> pa.Table:
    columns = zip(*rows, strict=True)
    return pa.Table.from_arrays(
        [pa.array(values, type=ARROW_TYPES[column.type])
         for column, values in zip(spec.columns, columns, strict=True)],
        names=spec.names)


def _sql_path(path: Path) -> str:
    return str(path).replace("'", "''")


def _first_line(error: Exception) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__


def utc_now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


ARROW_TYPES = {
    "VARCHAR": pa.string(), "INTEGER": pa.int32(), "BIGINT": pa.int64(), "DOUBLE": pa.float64(),
    "BOOLEAN": pa.bool_(), "VARCHAR[]": pa.list_(pa.string()), "TIMESTAMP": pa.timestamp("us"),
    "BLOB": pa.binary(),
}
