"""The archive commands behind ``kehoach batch``, ``query`` and ``graph``: progress, summary,
exports and printing. The work itself is in :mod:`extractor.batch`, :mod:`extractor.store` and
:mod:`extractor.graph`."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import TextIO

import duckdb
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from rich.tree import Tree

from extractor.batch import BatchRun, Summary, discover, make_engine, store_location
from extractor.errors import OutputError
from extractor.graph import load_graph, resolve_links
from extractor.output import atomic_output
from extractor.store import Store

INTERRUPTED_EXIT = 130
SUMMARY_TABLES = ("documents", "citations", "targets", "tasks", "agencies", "assignments",
                  "reporting", "funding", "findings", "failures", "citation_links")


def run_batch(inputs: list[str], out: str, *, workers: int | None, engine: str,
              scheduler: str | None, resume: bool, max_bytes: int, quiet: bool,
              console: Console) -> int:
    store_path, export = store_location(out)
    if export == "parquet":
        store_path.parent.mkdir(parents=True, exist_ok=True)
    elif not store_path.parent.is_dir():
        raise OutputError(f"{out}: the folder {store_path.parent} does not exist; create it first")
    if not resume:
        for stale in (store_path, store_path.with_name(store_path.name + ".wal")):
            stale.unlink(missing_ok=True)
    skip = store_path.resolve()
    # A first walk only counts (for the ETA); the run walks again, so no list of the archive
    # is ever held in memory.
    total = sum(1 for _ in discover(inputs, skip))
    chosen = make_engine(engine, workers, scheduler)
    with Store(store_path) as store, _progress(console, quiet) as progress:
        task = progress.add_task("Extracting", total=total, rate="")

        def show(summary: Summary) -> None:
            rate = summary.extracted / max(progress.tasks[task].elapsed or 1e-9, 1e-9)
            progress.update(task, completed=summary.handled, rate=f"{rate:.1f} docs/s")

        summary = BatchRun(store, chosen, max_bytes=max_bytes, on_progress=show).run(
            discover(inputs, skip))
        links = resolve_links(store)
        if export == "parquet":
            store.export_parquet(store_path.parent)
        elif export == "jsonl":
            with atomic_output(Path(out)) as handle:
                store.export_jsonl(handle)
        counts = store.counts()
    _print_summary(summary, counts, links, store_path, export, out, chosen.name, console)
    return INTERRUPTED_EXIT if summary.interrupted else 0


def _progress(console: Console, quiet: bool) -> Progress:
    return Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), TextColumn("ETA"),
        TimeRemainingColumn(), console=console, disable=quiet, transient=False,
    )


def _print_summary(summary: Summary, counts: dict[str, int], links: int, store_path: Path,
                   export: str | None, out: str, engine: str, console: Console) -> None:
    rate = summary.extracted / summary.seconds if summary.seconds else 0.0
    pages_rate = summary.pages / summary.seconds if summary.seconds else 0.0
    table = Table(title="Batch summary" + (" (interrupted)" if summary.interrupted else ""),
                  show_header=False, title_justify="left")
    table.add_column(style="bold")
    table.add_column()
    failed = sum(summary.failed.values())
    table.add_row("Files found", str(summary.found))
    table.add_row("Extracted", f"{summary.extracted} ({summary.pages} PDF pages)")
    table.add_row("Unchanged, skipped", str(summary.unchanged))
    table.add_row("Same content as another file", str(summary.duplicates))
    table.add_row("Failed", str(failed) + (" (" + ", ".join(
        f"{code}: {n}" for code, n in summary.failed.most_common()) + ")" if failed else ""))
    table.add_row("Time", f"{summary.seconds:.1f} s with the {engine} engine; "
                  f"{rate:.1f} documents/s, {pages_rate:.1f} pages/s")
    table.add_row("Store", f"{store_path} ("
                  + ", ".join(f"{name} {counts[name]}" for name in SUMMARY_TABLES) + ")")
    table.add_row("Citation graph", f"{links} citations resolved to stored documents")
    if export:
        table.add_row("Export", f"{out} ({export})")
    console.print(table)
    for message in summary.first_failures:
        console.print(f"  failed: {message}", markup=False, highlight=False)
    if failed > len(summary.first_failures):
        console.print(f"  ... and {failed - len(summary.first_failures)} more: "
                      f"kehoach query \"SELECT path, error, message FROM failures\" "
                      f"--store {store_path}", markup=False, highlight=False)
    if summary.interrupted:
        console.print("Interrupted: what was done is saved; run the same command again to "
                      "resume.", markup=False, highlight=False)


def run_query(store_path: Path, sql: str, output_format: str, handle: TextIO) -> None:
    with Store(store_path, read_only=True) as store:
        try:
            cursor = store.connection.execute(sql)
        except duckdb.Error as error:
            message = str(error).strip().splitlines()[0]
            raise OutputError(f"the query failed: {message}") from error
        if cursor.description is None:
            return
        names = [column[0] for column in cursor.description]
        rows = cursor.fetchall()
    if output_format == "csv":
        writer = csv.writer(handle)
        writer.writerow(names)
        writer.writerows(rows)
    elif output_format == "json":
        for row in rows:
            handle.write(json.dumps(dict(zip(names, row, strict=True)), ensure_ascii=False,
                                    default=str) + "\n")
    else:
        table = Table(*names, caption=f"{len(rows)} rows")
        for row in rows:
            table.add_row(*("" if value is None else str(value) for value in row))
        Console(file=handle, width=None if handle.isatty() else 160).print(table)


def run_graph(store_path: Path, output_format: str, handle: TextIO) -> None:
    with Store(store_path, read_only=True) as store:
        graph = load_graph(store)
    if output_format == "graphml":
        import networkx

        handle.write("\n".join(networkx.generate_graphml(graph)) + "\n")
    elif output_format == "csv":
        _write_edges(graph, handle)
    else:
        Console(file=handle, width=None if handle.isatty() else 160).print(_hierarchy(graph))


def _write_edges(graph, handle: TextIO) -> None:
    writer = csv.writer(handle)
    writer.writerow(["citing_hash", "citing_number", "citing_path", "cited_hash",
                     "cited_number", "cited_in_store", "relation", "is_parent", "score"])
    for citing, cited, edge in sorted(graph.edges(data=True)):
        source, target = graph.nodes[citing], graph.nodes[cited]
        writer.writerow([citing, source.get("number", ""), source.get("path", ""),
                         cited if target["in_store"] else "", target.get("number", ""),
                         target["in_store"], edge["relation"], edge["is_parent"],
                         edge.get("score", "")])


def _label(graph, node: str) -> str:
    data = graph.nodes[node]
    parts = [data.get("number") or "(no number)", data.get("issue_date") or "",
             data.get("issuer") or ""]
    where = f"  [dim]{data['path']}[/dim]" if data.get("path") else ""
    return " · ".join(part for part in parts if part) + where


def _hierarchy(graph) -> Tree:
    children: dict[str, list[str]] = {}
    has_parent: set[str] = set()
    for citing, cited, edge in graph.edges(data=True):
        if edge["is_parent"] and graph.nodes[cited]["in_store"]:
            children.setdefault(cited, []).append(citing)
            has_parent.add(citing)
    roots = sorted(node for node in children if node not in has_parent)
    stored = [node for node, data in graph.nodes(data=True) if data["in_store"]]
    alone = sum(1 for node in stored if node not in children and node not in has_parent)
    tree = Tree(f"Plan hierarchy: {len(stored)} documents, "
                f"{len(has_parent)} linked to a parent in the store, {alone} alone")
    seen: set[str] = set()

    def grow(branch: Tree, node: str) -> None:
        for child in sorted(children.get(node, []), key=lambda n: _label(graph, n)):
            if child not in seen:
                seen.add(child)
                grow(branch.add(_label(graph, child)), child)

    for root in roots:
        seen.add(root)
        grow(tree.add(_label(graph, root)), root)
    return tree
