"""Batch extraction into the store: outputs, failures, resume, duplicates, engines."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from extractor.batch import BatchRun, DaskEngine, LocalEngine, discover, store_location
from extractor.errors import InputNotFoundError, OutputError
from extractor.store import EXPORT_TABLES, TABLES, Store, tables_markdown

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
BAD = ROOT / "tests" / "fixtures" / "bad"
KEHOACH = [sys.executable, "-m", "extractor.cli"]
# Columns that say when, not what: left out when two stores are compared.
VOLATILE = {"documents": ["extracted_at", "path"], "failures": ["failed_at"]}


def make_archive(folder: Path, copies: int = 1) -> Path:
    """Corpus text and HTML plans (each `copies` times, every copy distinct), some PDF and DOCX,
    and bad files, in nested folders."""
    plans = sorted(CORPUS.glob("*.txt")) + sorted(CORPUS.glob("*.html"))
    for copy in range(copies):
        for path in plans:
            target = folder / f"batch{copy}" / path.parent.name / path.name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(path.read_text(encoding="utf-8") + f"\n\n{copy}\n", "utf-8")
    binaries = folder / "nhi_phan"
    binaries.mkdir(parents=True, exist_ok=True)
    for name in ("001_254a0747dd8fdc85.pdf", "h02_hoi_khuyen_hoc_huyen.docx"):
        shutil.copy(CORPUS / name, binaries / name)
    for name in ("empty.txt", "truncated.pdf", "scanned.pdf", "corrupt.docx"):
        shutil.copy(BAD / name, binaries / f"hong_{name}")
    (folder / "README.xyz").write_text("not a plan", "utf-8")  # not a supported suffix
    return folder


def table_rows(path: Path) -> dict[str, list[tuple]]:
    connection = duckdb.connect(str(path), read_only=True)
    try:
        rows = {}
        for name in EXPORT_TABLES:
            columns = VOLATILE.get(name)
            select = f"* EXCLUDE ({', '.join(columns)})" if columns else "*"
            rows[name] = connection.execute(f"SELECT {select} FROM {name} ORDER BY ALL").fetchall()
        return rows
    finally:
        connection.close()


def run_batch(store: Path, folder: Path, workers: int = 1):
    with Store(store) as opened:
        return BatchRun(opened, LocalEngine(workers)).run(discover([str(folder)], store))


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    return make_archive(tmp_path_factory.mktemp("archive"))


@pytest.fixture(scope="module")
def reference_store(archive: Path, tmp_path_factory) -> Path:
    store = tmp_path_factory.mktemp("reference") / "plans.duckdb"
    run_batch(store, archive)
    return store


def test_every_supported_file_lands_in_the_store_and_bad_ones_in_failures(
        archive: Path, reference_store: Path) -> None:
    plans = len(list(CORPUS.glob("*.txt"))) + len(list(CORPUS.glob("*.html")))
    rows = table_rows(reference_store)
    assert len(rows["documents"]) == plans + 2
    assert len(rows["files"]) == plans + 2
    failures = {Path(row[1]).name: row[4] for row in rows["failures"]}
    assert failures == {"hong_empty.txt": "empty", "hong_truncated.pdf": "corrupt",
                        "hong_scanned.pdf": "no_text_layer", "hong_corrupt.docx": "corrupt"}
    assert all(len(row[6].splitlines()) == 1 for row in rows["failures"])
    for name in ("citations", "targets", "tasks", "agencies", "assignments", "reporting",
                 "funding", "findings"):
        assert rows[name], name
    with Store(reference_store, read_only=True) as store:
        hashes = {row[0] for row in store.connection.execute(
            "SELECT doc_hash FROM documents").fetchall()}
        plans_in_store = list(store.plans())
    assert {plan.source.sha256 for plan in plans_in_store} == hashes


def test_a_plan_in_the_store_is_the_plan_extract_gives(reference_store: Path) -> None:
    from extractor.pipeline import extract

    with Store(reference_store, read_only=True) as store:
        path, = store.connection.execute(
            "SELECT path FROM documents WHERE path LIKE '%001_254a0747dd8fdc85.pdf'").fetchone()
        stored = next(store.plans("WHERE doc_hash = (SELECT doc_hash FROM documents "
                                  "WHERE path = ?)", [path]))
    assert stored == extract(path, with_text=True)


def test_a_rerun_on_unchanged_files_does_no_work(archive: Path, reference_store: Path,
                                                 tmp_path: Path) -> None:
    store = tmp_path / "plans.duckdb"
    shutil.copy(reference_store, store)
    summary = run_batch(store, archive)
    assert (summary.extracted, sum(summary.failed.values()), summary.duplicates) == (0, 0, 0)
    assert summary.unchanged == summary.found
    assert table_rows(store) == table_rows(reference_store)


def test_same_content_under_another_path_is_not_extracted_again(tmp_path: Path) -> None:
    folder = tmp_path / "a"
    folder.mkdir()
    shutil.copy(CORPUS / "h03_nghi_quyet_xa.html", folder / "one.html")
    shutil.copy(CORPUS / "h03_nghi_quyet_xa.html", folder / "two.html")
    store = tmp_path / "plans.duckdb"
    summary = run_batch(store, folder)
    assert (summary.extracted, summary.duplicates) == (1, 1)
    shutil.copy(CORPUS / "h03_nghi_quyet_xa.html", folder / "three.html")
    summary = run_batch(store, folder)
    assert (summary.extracted, summary.duplicates, summary.unchanged) == (0, 1, 2)
    rows = table_rows(store)
    assert len(rows["documents"]) == 1 and len(rows["files"]) == 3


def test_a_changed_file_is_read_again(tmp_path: Path) -> None:
    folder = tmp_path / "a"
    folder.mkdir()
    plan = folder / "plan.txt"
    plan.write_text((CORPUS / "w04_bang_nhiem_vu_thi_tran.txt").read_text("utf-8"), "utf-8")
    store = tmp_path / "plans.duckdb"
    run_batch(store, folder)
    plan.write_text(plan.read_text("utf-8") + "\n\nPhụ lục bổ sung.\n", "utf-8")
    summary = run_batch(store, folder)
    assert summary.extracted == 1
    rows = table_rows(store)
    assert len(rows["files"]) == 1 and len(rows["documents"]) == 2


def test_a_failed_file_is_not_retried_until_it_changes(tmp_path: Path) -> None:
    folder = tmp_path / "a"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    store = tmp_path / "plans.duckdb"
    assert run_batch(store, folder).failed == {"empty": 1}
    assert run_batch(store, folder).unchanged == 1
    (folder / "empty.txt").write_text(
        (CORPUS / "h03_nghi_quyet_xa.html").read_text("utf-8"), "utf-8")
    assert run_batch(store, folder).extracted == 1
    rows = table_rows(store)
    assert rows["failures"] == [] and len(rows["files"]) == 1


def test_parallel_workers_write_the_same_tables(archive: Path, reference_store: Path,
                                                tmp_path: Path) -> None:
    store = tmp_path / "plans.duckdb"
    run_batch(store, archive, workers=2)
    assert table_rows(store) == table_rows(reference_store)


def test_the_dask_engine_writes_the_same_tables(archive: Path, reference_store: Path,
                                                tmp_path: Path) -> None:
    from distributed import LocalCluster

    store = tmp_path / "plans.duckdb"
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster, Store(store) as opened:
        summary = BatchRun(opened, DaskEngine(cluster.scheduler_address, 2)).run(
            discover([str(archive)], store))
    assert summary.extracted == len(table_rows(reference_store)["documents"])
    assert table_rows(store) == table_rows(reference_store)


class _InterruptedRightAfterCommit(Store):
    """A store whose first write is followed at once by Ctrl-C: the narrowest race there is."""

    interrupted = False

    def write(self, *args) -> None:
        super().write(*args)
        if not self.interrupted:
            self.interrupted = True
            os.kill(os.getpid(), signal.SIGINT)


def test_an_interrupt_just_after_a_commit_writes_nothing_twice(tmp_path: Path) -> None:
    folder = tmp_path / "a"
    folder.mkdir()
    for name in ("h03_nghi_quyet_xa.html", "w04_bang_nhiem_vu_thi_tran.txt"):
        shutil.copy(CORPUS / name, folder / name)
    store = tmp_path / "plans.duckdb"
    with _InterruptedRightAfterCommit(store) as opened:
        run = BatchRun(opened, LocalEngine(1))
        run._last_commit = float("-inf")  # every document is due for commit at once
        summary = run.run(discover([str(folder)], store))
    assert summary.interrupted
    rows = table_rows(store)
    assert len(rows["documents"]) == len(rows["files"]) == 1
    assert run_batch(store, folder).extracted == 1
    assert len(table_rows(store)["documents"]) == 2


def _wait_for_commits(store: Path, process: subprocess.Popen, timeout: float = 120) -> None:
    wal = store.with_name(store.name + ".wal")
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        if wal.exists() and wal.stat().st_size > 200_000:
            return
        time.sleep(0.05)


@pytest.mark.parametrize("how", ["kill", "interrupt"])
def test_an_interrupted_batch_resumes_without_loss_or_duplicates(how: str, tmp_path: Path,
                                                                 reference_store: Path,
                                                                 archive: Path) -> None:
    store = tmp_path / "plans.duckdb"
    command = [*KEHOACH, "batch", str(archive), "--out", str(store), "--workers", "1", "-q"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, cwd=ROOT)
    _wait_for_commits(store, process)
    process.send_signal(signal.SIGKILL if how == "kill" else signal.SIGINT)
    _, stderr = process.communicate(timeout=120)
    assert "Traceback" not in stderr
    if how == "interrupt" and process.returncode != 0:  # 0: it had just finished
        assert process.returncode == 130, stderr
        assert "run the same command again to resume" in stderr
    resumed = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=True)
    assert "Traceback" not in resumed.stderr
    assert table_rows(store) == table_rows(reference_store)


def test_parquet_and_jsonl_exports_hold_the_same_rows(archive: Path, reference_store: Path,
                                                      tmp_path: Path) -> None:
    out = tmp_path / "export"
    subprocess.run([*KEHOACH, "batch", str(archive), "--out", f"{out}/", "-q"], cwd=ROOT,
                   check=True, capture_output=True)
    reference = table_rows(reference_store)
    for name in EXPORT_TABLES:
        count = duckdb.connect().execute(
            f"SELECT count(*) FROM '{out / (name + '.parquet')}'").fetchone()[0]
        assert count == len(reference[name]), name
    jsonl = tmp_path / "plans.jsonl"
    subprocess.run([*KEHOACH, "batch", str(archive), "--out", str(jsonl), "-q"], cwd=ROOT,
                   check=True, capture_output=True)
    plans = [json.loads(line) for line in jsonl.read_text("utf-8").splitlines()]
    assert len(plans) == len(reference["documents"])
    assert {plan["source"]["sha256"] for plan in plans} == {row[0] for row in
                                                            reference["documents"]}


def test_batch_summary_and_query_from_the_command_line(archive: Path, tmp_path: Path) -> None:
    store = tmp_path / "plans.duckdb"
    result = subprocess.run([*KEHOACH, "batch", str(archive), "--out", str(store), "-q"],
                            cwd=ROOT, capture_output=True, text=True,
                            env={**os.environ, "COLUMNS": "200"})
    assert result.returncode == 0, result.stderr
    assert "Batch summary" in result.stderr and "Failed" in result.stderr
    assert "no_text_layer: 1" in result.stderr
    query = subprocess.run(
        [*KEHOACH, "query", "SELECT count(*) AS n FROM documents WHERE type = 'ke_hoach'",
         "--store", str(store), "--format", "csv"], cwd=ROOT, capture_output=True, text=True)
    assert query.returncode == 0 and query.stdout.splitlines()[0] == "n"
    assert int(query.stdout.splitlines()[1]) > 10
    bad = subprocess.run([*KEHOACH, "query", "SELECT nothing FROM nowhere", "--store", str(store)],
                         cwd=ROOT, capture_output=True, text=True)
    assert bad.returncode != 0 and len(bad.stderr.strip().splitlines()) == 1
    assert bad.stderr.startswith("kehoach: error: the query failed")
    missing = subprocess.run([*KEHOACH, "query", "SELECT 1", "--store", str(tmp_path / "no")],
                             cwd=ROOT, capture_output=True, text=True)
    assert missing.returncode != 0 and "build one with 'kehoach batch'" in missing.stderr


def test_inputs_and_outputs_are_checked_before_any_work(tmp_path: Path) -> None:
    with pytest.raises(InputNotFoundError):
        list(discover([str(tmp_path / "nowhere")]))
    assert store_location("a.duckdb") == (Path("a.duckdb"), None)
    assert store_location("out.jsonl") == (Path("out.duckdb"), "jsonl")
    assert store_location("tables/") == (Path("tables/plans.duckdb"), "parquet")
    assert store_location("tables.parquet") == (Path("tables.parquet/plans.duckdb"), "parquet")
    with pytest.raises(OutputError):
        store_location("plans.csv")
    result = subprocess.run([*KEHOACH, "batch", str(tmp_path / "nowhere")], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 3 and result.stderr.count("\n") == 1


def test_globs_and_folders_are_walked_once_each(archive: Path) -> None:
    by_folder = list(discover([str(archive)]))
    by_glob = list(discover([str(archive / "**" / "*.txt"), str(archive)]))
    assert sorted(by_glob) == sorted(by_folder)
    assert not any(path.suffix == ".xyz" for path in by_folder)


def test_the_documented_tables_are_current() -> None:
    assert (ROOT / "docs" / "store.md").read_text("utf-8") == tables_markdown() + "\n", \
        "regenerate with: kehoach schema --tables > docs/store.md"
    assert {table.name for table in TABLES} >= {
        "documents", "citations", "targets", "tasks", "agencies", "assignments", "reporting",
        "funding", "findings", "failures"}


def test_a_store_from_an_earlier_version_gains_the_new_columns(tmp_path: Path) -> None:
    store = tmp_path / "plans.duckdb"
    with Store(store):
        pass
    connection = duckdb.connect(str(store))
    connection.execute("ALTER TABLE funding DROP COLUMN amount_vnd")  # as version 1.0 wrote it
    connection.close()
    folder = tmp_path / "a"
    folder.mkdir()
    shutil.copy(CORPUS / "h03_nghi_quyet_xa.html", folder / "plan.html")
    assert run_batch(store, folder).extracted == 1
    amounts = dict(duckdb.connect(str(store), read_only=True).execute(
        "SELECT source, amount_vnd FROM funding").fetchall())
    assert amounts["ngan_sach_xa"] == 5_450_500_000
