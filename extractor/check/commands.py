"""The ``kehoach check`` command: one plan (and its parent), or every pair in a store."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.table import Table

from extractor.check import check
from extractor.check.report import print_report, to_html, to_markdown
from extractor.model import CheckReport, Plan
from extractor.output import atomic_output


def _has_errors(reports: list[CheckReport]) -> bool:
    return any(f.severity == "error" for report in reports for f in report.findings)


def run_check(local_path: Path, parent_path: Path | None, output_format: str,
              out: Path | None, max_bytes: int) -> int:
    from extractor.pipeline import extract

    local = extract(local_path, with_text=True, max_bytes=max_bytes)
    parent = extract(parent_path, with_text=True, max_bytes=max_bytes) if parent_path else None
    report = check(local, parent)
    with atomic_output(out) as handle:
        write_report(report, local, parent, output_format, handle, out is None)
    return 1 if _has_errors([report]) else 0


def write_report(report: CheckReport, local: Plan, parent: Plan | None, output_format: str,
                 handle, terminal: bool) -> None:
    if output_format == "json":
        handle.write(report.model_dump_json(indent=2, exclude_none=True) + "\n")
    elif output_format == "markdown":
        handle.write(to_markdown(report) + "\n")
    elif output_format == "html":
        handle.write(to_html(report, local, parent))
    else:
        print_report(report, Console(file=handle, width=None if terminal else 140))


def run_archive_check(store_path: Path, output_format: str, out: Path | None) -> int:
    """Check every plan whose direct parent is in the store; the findings replace the store's
    ``check_findings`` table."""
    from extractor.graph import parent_pairs
    from extractor.store import Store

    if not store_path.exists():
        from extractor.errors import OutputError

        raise OutputError(f"{store_path}: no such store; build one with 'kehoach batch'")
    reports = []
    with Store(store_path) as store:
        parents: dict[str, Plan] = {}
        for local_hash, parent_hash, _score in parent_pairs(store):
            if parent_hash not in parents:
                parents[parent_hash] = store.plan(parent_hash)
            reports.append(check(store.plan(local_hash), parents[parent_hash]))
        store.replace_check_findings(reports)
    with atomic_output(out) as handle:
        if output_format == "json":
            for report in reports:
                handle.write(report.model_dump_json(exclude_none=True) + "\n")
        elif output_format in {"markdown", "html"}:
            handle.write("\n\n".join(to_markdown(report) for report in reports) + "\n")
        else:
            _print_summary(reports, Console(file=handle, width=None if out is None else 140))
    return 1 if _has_errors(reports) else 0


def _print_summary(reports: list[CheckReport], console: Console) -> None:
    table = Table(title=f"{len(reports)} plans checked against their parents in the store",
                  title_justify="left")
    for column in ("Plan", "Parent", "Errors", "Warnings", "Notes", "Codes"):
        table.add_column(column, overflow="fold")
    for report in reports:
        counts = [sum(f.severity == s for f in report.findings)
                  for s in ("error", "warning", "info")]
        codes = sorted({f.code for f in report.findings if f.severity != "info"})
        table.add_row(f"{report.local.number or '-'} {report.local.path}",
                      f"{report.parent.number or '-'}" if report.parent else "-",
                      *map(str, counts), ", ".join(codes))
    console.print(table)
    console.print("Findings are in the store's check_findings table: kehoach query "
                  "\"SELECT code, count(*) FROM check_findings GROUP BY code\"",
                  markup=False, highlight=False)

