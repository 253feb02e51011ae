"""The ``kehoach`` command."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from extractor.errors import InternalError, KehoachError, OutputError
from extractor.model import Plan
from extractor.output import atomic_output

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Extract structured, source-grounded data from Vietnamese issued plans (Kế hoạch).",
)
stderr = Console(stderr=True, highlight=False, soft_wrap=True)


class OutputFormat(StrEnum):
    json = "json"
    table = "table"
    markdown = "markdown"


def fail_line(message: str) -> None:
    stderr.print(f"kehoach: error: {message}", markup=False)


def _as_user_error(error: Exception, subject: str) -> KehoachError:
    """A bug, not bad input: still one line, never a traceback."""
    if isinstance(error, KehoachError):
        return error
    if os.environ.get("KEHOACH_DEBUG"):
        raise error
    return InternalError(
        f"{subject}: internal error ({type(error).__name__}: {error}); "
        "please report it with the file (set KEHOACH_DEBUG=1 for details)"
    )


@contextmanager
def one_line_errors(subject: str) -> Iterator[None]:
    """Whatever fails in the block is reported in one line and ends the command with its
    exit code; a bug too, as ``InternalError``."""
    try:
        yield
    except typer.Exit:
        raise
    except Exception as error:
        user_error = _as_user_error(error, subject)
        fail_line(str(user_error))
        raise typer.Exit(user_error.exit_code) from None


def _extract_one(path: Path, with_text: bool, max_bytes: int) -> Plan:
    from extractor.pipeline import extract

    try:
        return extract(path, with_text=with_text, max_bytes=max_bytes)
    except Exception as error:
        raise _as_user_error(error, str(path)) from error


@app.command()
def extract(
    files: Annotated[list[Path], typer.Argument(help="Plan files: .txt .md .docx .pdf .html")],
    output_format: Annotated[OutputFormat, typer.Option(
        "--format", "-f", help="json: the schema; table: a terminal summary; markdown")
    ] = OutputFormat.json,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Write here, not stdout")] = None,
    with_text: Annotated[bool, typer.Option(
        "--with-text", help="Include the normalised text that spans point into")] = False,
    max_mb: Annotated[float, typer.Option("--max-mb", help="Refuse files larger than this")] = 25,
) -> None:
    """Extract metadata, citations and structure from each FILE.

    One file gives one JSON object; several give JSON Lines, one plan per line. A file that
    cannot be read is reported on stderr and the others go on; the exit code is then non-zero.
    """
    max_bytes = int(max_mb * 1024 * 1024)
    plans: list[Plan] = []
    first_error: KehoachError | None = None
    for path in files:
        try:
            plans.append(_extract_one(path, with_text, max_bytes))
        except KehoachError as error:
            fail_line(str(error))
            first_error = first_error or error
    if plans:
        try:
            _write(plans, output_format, out, several=len(files) > 1)
        except KehoachError as error:
            fail_line(str(error))
            raise typer.Exit(error.exit_code) from None
    if first_error is not None:
        raise typer.Exit(first_error.exit_code)


def _write(plans: list[Plan], output_format: OutputFormat, out: Path | None,
           several: bool) -> None:
    if output_format is OutputFormat.table:
        with atomic_output(out) as handle:
            console = Console(file=handle, width=None if out is None else 120)
            for plan in plans:
                from extractor.render import print_table

                print_table(plan, console)
        return
    with atomic_output(out) as handle:
        for plan in plans:
            if output_format is OutputFormat.markdown:
                from extractor.render import to_markdown

                handle.write(to_markdown(plan) + "\n")
            elif several:
                handle.write(plan.model_dump_json() + "\n")
            else:
                handle.write(plan.model_dump_json(indent=2) + "\n")


@app.command()
def agencies(
    files: Annotated[list[Path], typer.Argument(help="Plan files: .txt .md .docx .pdf .html")],
    max_mb: Annotated[float, typer.Option("--max-mb", help="Refuse files larger than this")] = 25,
) -> None:
    """List the bodies each FILE names, with their level, kind, mentions and roles."""
    from extractor.render import print_agencies

    console = Console()
    first_error: KehoachError | None = None
    for path in files:
        try:
            print_agencies(_extract_one(path, False, int(max_mb * 1024 * 1024)), console)
        except KehoachError as error:
            fail_line(str(error))
            first_error = first_error or error
    if first_error is not None:
        raise typer.Exit(first_error.exit_code)


class Engine(StrEnum):
    local = "local"
    dask = "dask"


@app.command()
def batch(
    inputs: Annotated[list[str], typer.Argument(
        help="Files, folders (read recursively) and globs ('archive/**/*.pdf')")],
    out: Annotated[str, typer.Option(
        "--out", "-o", help="plans.duckdb (the store), out.jsonl, or a folder/ for Parquet")
    ] = "plans.duckdb",
    workers: Annotated[int | None, typer.Option(
        "--workers", "-w", min=1, help="Worker processes (default: every core)")] = None,
    engine: Annotated[Engine, typer.Option(help="local: this machine; dask: a Dask cluster")
                      ] = Engine.local,
    scheduler: Annotated[str | None, typer.Option(
        help="Address of the Dask scheduler (tcp://host:8786); none starts one here")] = None,
    resume: Annotated[bool, typer.Option(
        "--resume/--fresh", help="Keep what the store holds and do only what is new "
        "(default), or start the store over")] = True,
    max_mb: Annotated[float, typer.Option("--max-mb", help="Refuse files larger than this")] = 25,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar")] = False,
) -> None:
    """Extract every plan under INPUTS into an embedded DuckDB store (or Parquet, JSONL).

    Unattended and safe: a file that fails is recorded in the failures table and the batch goes
    on; an interrupted batch (Ctrl-C, a kill) resumes where it stopped when run again, and files
    already in the store are not read again. Citations are then resolved to the documents in the
    store (kehoach graph). Exit code 0 when every file was handled (failures included), 130 when
    interrupted.
    """
    import signal

    from extractor.archive import run_batch

    signal.signal(signal.SIGTERM, signal.default_int_handler)
    try:
        with one_line_errors("batch"):
            code = run_batch(inputs, out, workers=workers, engine=engine.value,
                             scheduler=scheduler, resume=resume,
                             max_bytes=int(max_mb * 1024 * 1024), quiet=quiet, console=stderr)
    except KeyboardInterrupt:
        fail_line("interrupted; what was committed is saved: run the same command again to "
                  "resume")
        raise typer.Exit(130) from None
    raise typer.Exit(code)


class CheckFormat(StrEnum):
    table = "table"
    json = "json"
    markdown = "markdown"
    html = "html"


@app.command()
def check(
    local: Annotated[Path | None, typer.Argument(help="The plan to check")] = None,
    parent: Annotated[Path | None, typer.Option(
        "--parent", "-p", help="The parent plan it implements")] = None,
    archive: Annotated[Path | None, typer.Option(
        "--archive", help="Check every plan of a store against its parent in the store")
    ] = None,
    output_format: Annotated[CheckFormat, typer.Option("--format", "-f")] = CheckFormat.table,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Write here, not stdout")
                   ] = None,
    max_mb: Annotated[float, typer.Option("--max-mb", help="Refuse files larger than this")] = 25,
) -> None:
    """Check a plan: against its parent plan (--parent), and on its own.

    Findings carry a stable code, a severity, a message in Vietnamese and English, and the
    words (with spans and pages) in both plans. Exit code 1 when there is an error-severity
    finding, 0 otherwise. With --archive, every plan in a store whose parent is also in it is
    checked, and the findings go to the store's check_findings table.
    """
    from extractor.check.commands import run_archive_check, run_check

    with one_line_errors("check"):
        if archive is not None:
            if local is not None or parent is not None:
                raise OutputError("--archive checks a whole store; give no plan files with it")
            code = run_archive_check(archive, output_format.value, out)
        elif local is None:
            raise OutputError("give a plan to check (kehoach check LOCAL --parent PARENT), "
                              "or --archive STORE")
        else:
            code = run_check(local, parent, output_format.value, out,
                             int(max_mb * 1024 * 1024))
    raise typer.Exit(code)


class QueryFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


@app.command()
def query(
    sql: Annotated[str, typer.Argument(help="SQL over the store's tables (see docs/store.md)")],
    store: Annotated[Path, typer.Option(help="The store to query")] = Path("plans.duckdb"),
    output_format: Annotated[QueryFormat, typer.Option("--format", "-f")] = QueryFormat.table,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Write here, not stdout")
                   ] = None,
) -> None:
    """Run SQL on a store (read-only) and print the result."""
    from extractor.archive import run_query

    with one_line_errors("query"), atomic_output(out) as handle:
        run_query(store, sql, output_format.value, handle)


class GraphFormat(StrEnum):
    tree = "tree"
    graphml = "graphml"
    csv = "csv"


@app.command()
def graph(
    store: Annotated[Path, typer.Argument(help="A store built by kehoach batch")
                     ] = Path("plans.duckdb"),
    out: Annotated[Path | None, typer.Option(
        "--out", "-o", help="graph.graphml or edges.csv (the format follows the suffix)")
    ] = None,
    output_format: Annotated[GraphFormat | None, typer.Option(
        "--format", "-f", help="tree (the hierarchy, default on a terminal), graphml or csv")
    ] = None,
) -> None:
    """The citation graph of an archive: which plan implements which, as stored documents."""
    from extractor.archive import run_graph

    chosen = output_format.value if output_format else None
    if chosen is None and out is not None:
        chosen = {".graphml": "graphml", ".csv": "csv"}.get(out.suffix.lower(), "tree")
    with one_line_errors("graph"), atomic_output(out) as handle:
        run_graph(store, chosen or "tree", handle)


@app.command()
def timex(
    phrase: Annotated[str, typer.Argument(help='A time expression, e.g. "Quý III/2022"')],
    year: Annotated[int | None, typer.Option(
        min=1900, max=2200, help="The plan's year, for phrases that give none")] = None,
) -> None:
    """Normalise one Vietnamese time expression and print its value as JSON."""
    from extractor.rules.timex import parse

    with one_line_errors("timex"):
        value = parse(phrase, year)
    if value is None:
        fail_line(f"no time expression found in {phrase!r}")
        raise typer.Exit(2)
    print(value.model_dump_json(indent=2, exclude_none=True, exclude={"span", "page", "section"}))


@app.command()
def schema(
    tables: Annotated[bool, typer.Option(
        "--tables", help="The store's tables and columns (Markdown), not the plan's JSON Schema")
    ] = False,
) -> None:
    """Print the JSON Schema of the output (the public contract)."""
    if tables:
        from extractor.store import tables_markdown

        print(tables_markdown())
        return
    print(json.dumps(Plan.model_json_schema(), ensure_ascii=False, indent=2))


@app.command()
def evaluate(
    gold: Annotated[Path, typer.Option(help="Folder of gold labels")] = Path("gold"),
    corpus: Annotated[Path, typer.Option(help="Folder of corpus documents")] = Path("corpus"),
    report: Annotated[Path, typer.Option(help="Where to write the Markdown report")] = Path(
        "evaluation/report.md"),
) -> None:
    """Score extraction and the consistency checks against the hand-labelled gold set; write
    the reports (the checks' beside the extraction's, as checks.md)."""
    from extractor.check.scoring import print_scores, score_checks, scores_markdown
    from extractor.evaluation import evaluate_corpus, print_summary, write_report

    checks_report = report.with_name("checks.md")
    with one_line_errors("evaluate"):
        result = evaluate_corpus(gold, corpus)
        checks = score_checks(gold / "checks", corpus.resolve().parent)
        with atomic_output(report) as handle:
            handle.write(write_report(result))
        with atomic_output(checks_report) as handle:
            handle.write(scores_markdown(checks))
    console = Console()
    print_summary(result, console)
    print_scores(checks, console)
    console.print(f"Reports written to {report} and {checks_report}")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
