"""Batch extraction of an archive into the store: resumable, parallel, one writer.

The main process walks the inputs, skips files already in the store (same path, size and
mtime: no reading at all; same content under another path: no extraction), hands the rest to an
engine (worker processes on this machine, or a Dask cluster) and writes the results as they
come, a few documents per transaction. Workers only extract and flatten; they never touch the
store, so a crash or a kill loses at most the uncommitted transaction, which a re-run redoes.
"""

from __future__ import annotations

import glob
import hashlib
import os
import signal
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from extractor.errors import InputNotFoundError, InternalError, KehoachError, OutputError
from extractor.read import DEFAULT_MAX_BYTES
from extractor.store import PLAN_TABLES, Store, extractor_version, plan_rows, utc_now

SUPPORTED_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".docx", ".pdf", ".html", ".htm"})
GLOB_CHARACTERS = frozenset("*?[")
# Documents per transaction, and the longest a finished document waits to be committed.
COMMIT_EVERY = 32
COMMIT_SECONDS = 2.0


@dataclass(frozen=True)
class Job:
    path: str
    size: int
    mtime_ns: int
    max_bytes: int


@dataclass
class Outcome:
    job: Job
    doc_hash: str | None = None
    rows: dict[str, list[tuple]] | None = None
    pages: int = 0
    error: str | None = None
    exit_code: int | None = None
    message: str | None = None


def run_job(job: Job) -> Outcome:
    """Extract one file into store rows (runs in a worker)."""
    from extractor.pipeline import extract

    try:
        plan = extract(job.path, with_text=True, max_bytes=job.max_bytes)
    except KehoachError as error:
        return Outcome(job, error=error.code, exit_code=error.exit_code, message=str(error))
    except Exception as error:  # a bug must not stop the archive; it is recorded as one
        failure = InternalError(f"{job.path}: internal error ({type(error).__name__}: {error})"
                                "; please report it with the file")
        return Outcome(job, error=failure.code, exit_code=failure.exit_code, message=str(failure))
    return Outcome(job, doc_hash=plan.source.sha256,
                   rows=plan_rows(plan, extractor_version(), utc_now()),
                   pages=plan.source.pages or 0)


def _ignore_interrupts() -> None:
    # Ctrl-C goes to the whole process group; the main process alone decides what to do.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


class Engine(Protocol):
    name: str

    def outcomes(self, jobs: Iterator[Job]) -> Iterator[Outcome]:
        """Run the jobs, pulling them lazily; yield outcomes as they finish."""


class LocalEngine:
    """Worker processes on this machine (one worker runs in this process)."""

    name = "local"

    def __init__(self, workers: int):
        self.workers = max(1, workers)

    def outcomes(self, jobs: Iterator[Job]) -> Iterator[Outcome]:
        if self.workers == 1:
            yield from map(run_job, jobs)
            return
        import multiprocessing
        from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

        context = multiprocessing.get_context("forkserver")
        # Workers fork from a server that has loaded the passes once (spaCy takes seconds).
        context.set_forkserver_preload(["extractor.pipeline"])
        pool = ProcessPoolExecutor(self.workers, mp_context=context,
                                   initializer=_ignore_interrupts)
        pending: set = set()
        try:
            for job in jobs:
                pending.add(pool.submit(run_job, job))
                if len(pending) >= self.workers * 4:
                    done, pending = wait(pending, return_when=FIRST_COMPLETED)
                    yield from (future.result() for future in done)
            while pending:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                yield from (future.result() for future in done)
        finally:
            pool.shutdown(wait=True, cancel_futures=True)


class DaskEngine:
    """The same jobs on a Dask distributed cluster: at ``scheduler``, or a local one."""

    name = "dask"

    def __init__(self, scheduler: str | None, workers: int):
        self.scheduler = scheduler
        self.workers = max(1, workers)

    def outcomes(self, jobs: Iterator[Job]) -> Iterator[Outcome]:
        try:
            from distributed import Client, LocalCluster, as_completed
        except ImportError as error:
            raise OutputError("the dask engine needs the cluster extra: "
                              "pip install 'kehoach[cluster]'") from error
        cluster = None
        if self.scheduler:
            try:
                client = Client(self.scheduler, timeout="20s")
            except (OSError, TimeoutError) as error:
                raise OutputError(f"cannot reach the Dask scheduler at {self.scheduler} "
                                  f"({error}); check the address") from error
        else:
            cluster = LocalCluster(n_workers=self.workers, threads_per_worker=1,
                                   processes=True, dashboard_address=None)
            client = Client(cluster)
        window = max(4, 4 * sum(client.nthreads().values()))
        finished = as_completed()
        try:
            for job in jobs:
                finished.add(client.submit(run_job, job, pure=False))
                if finished.count() >= window:
                    yield next(finished).result()
            for future in finished:
                yield future.result()
        finally:
            client.close()
            if cluster is not None:
                cluster.close()


def make_engine(engine: str, workers: int | None, scheduler: str | None) -> Engine:
    count = workers or os.cpu_count() or 1
    if engine == "dask":
        return DaskEngine(scheduler, count)
    if scheduler:
        raise OutputError("--scheduler is for --engine dask")
    return LocalEngine(count)


def discover(inputs: Iterable[str], skip: Path | None = None) -> Iterator[Path]:
    """Files under the inputs: folders recursively (supported formats, no hidden entries),
    globs ('**' recursive), and files named outright (any suffix), each once, in order."""
    seen: set[str] = set()
    for item in inputs:
        if GLOB_CHARACTERS & set(item):
            candidates = (Path(p) for p in sorted(glob.iglob(item, recursive=True)))
        else:
            path = Path(item)
            if not path.exists():
                raise InputNotFoundError(f"{item}: no such file or folder; check the path")
            candidates = iter([path])
        for candidate in candidates:
            for file in (_walk(candidate) if candidate.is_dir() else [candidate]):
                resolved = str(file.resolve())
                if resolved in seen or (skip is not None and file.resolve() == skip):
                    continue
                seen.add(resolved)
                yield Path(resolved)


def _walk(folder: Path) -> Iterator[Path]:
    for root, directories, files in os.walk(folder):
        directories[:] = sorted(d for d in directories if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and Path(name).suffix.lower() in SUPPORTED_SUFFIXES:
                yield Path(root) / name


@dataclass
class Summary:
    found: int = 0
    unchanged: int = 0
    duplicates: int = 0
    extracted: int = 0
    failed: Counter = field(default_factory=Counter)
    pages: int = 0
    seconds: float = 0.0
    interrupted: bool = False
    first_failures: list[str] = field(default_factory=list)

    @property
    def handled(self) -> int:
        return self.unchanged + self.duplicates + self.extracted + sum(self.failed.values())


class BatchRun:
    """One run of a batch over some inputs into one store."""

    def __init__(self, store: Store, engine: Engine, *, max_bytes: int = DEFAULT_MAX_BYTES,
                 on_progress: Callable[[Summary], None] | None = None):
        self.store = store
        self.engine = engine
        self.max_bytes = max_bytes
        self.on_progress = on_progress or (lambda summary: None)
        self.summary = Summary()
        self._rows: dict[str, list[tuple]] = {name: [] for name in PLAN_TABLES}
        self._files: list[tuple] = []
        self._failures: list[tuple] = []
        self._buffered = 0
        self._last_commit = time.monotonic()
        # Content being extracted now -> other paths holding the same bytes.
        self._in_flight: dict[str, list[Job]] = {}
        self._hash_of: dict[str, str] = {}
        # Content extracted in this run (committed or not): a copy elsewhere needs no work.
        self._extracted: set[str] = set()

    def run(self, paths: Iterable[Path]) -> Summary:
        started = time.perf_counter()
        try:
            for outcome in self.engine.outcomes(self._jobs(paths)):
                self._collect(outcome)
        except KeyboardInterrupt:
            self.summary.interrupted = True
        finally:
            try:
                self._commit()
            except KeyboardInterrupt:
                self.summary.interrupted = True
            self.summary.seconds = time.perf_counter() - started
        return self.summary

    def _jobs(self, paths: Iterable[Path]) -> Iterator[Job]:
        for chunk in _chunks(paths, 256):
            stats = []
            for path in chunk:
                self.summary.found += 1
                try:
                    status = path.stat()
                except OSError as error:
                    self._fail(Job(str(path), 0, 0, self.max_bytes), "not_found", 3,
                               f"{path}: cannot read ({error.strerror})")
                    continue
                stats.append((str(path), status.st_size, status.st_mtime_ns))
            unchanged = self.store.unchanged(stats)
            self.summary.unchanged += len(unchanged)
            if unchanged:
                self.on_progress(self.summary)
            fresh = [Job(p, size, mtime, self.max_bytes) for p, size, mtime in stats
                     if p not in unchanged]
            hashes = {job.path: _file_hash(job) for job in fresh}
            stored = self.store.known_hashes(h for h in hashes.values() if h)
            for job in fresh:
                digest = hashes[job.path]
                if digest and (digest in stored or digest in self._extracted
                               or digest in self._in_flight):
                    self._duplicate(job, digest, digest not in self._in_flight)
                    continue
                if digest:
                    self._in_flight[digest] = []
                    self._hash_of[job.path] = digest
                yield job
            self._commit_if_due()

    def _duplicate(self, job: Job, digest: str, done: bool) -> None:
        if done:
            self._files.append((digest, job.path, job.size, job.mtime_ns))
            self.summary.duplicates += 1
            self.on_progress(self.summary)
        else:
            self._in_flight[digest].append(job)

    def _collect(self, outcome: Outcome) -> None:
        job = outcome.job
        digest = self._hash_of.pop(job.path, None)
        twins = self._in_flight.pop(digest, []) if digest else []
        if outcome.rows is None:
            for failed in (job, *twins):
                self._fail(failed, outcome.error or "internal", outcome.exit_code or 70,
                           (outcome.message or "").replace(job.path, failed.path))
        else:
            for name, rows in outcome.rows.items():
                self._rows[name].extend(rows)
            for stored in (job, *twins):
                self._files.append((outcome.doc_hash, stored.path, stored.size, stored.mtime_ns))
            self._extracted.add(outcome.doc_hash)
            self.summary.extracted += 1
            self.summary.duplicates += len(twins)
            self.summary.pages += outcome.pages
            self._buffered += 1
        self.on_progress(self.summary)
        self._commit_if_due()

    def _fail(self, job: Job, error: str, exit_code: int, message: str) -> None:
        self._failures.append((None, job.path, job.size, job.mtime_ns, error, exit_code,
                               message, utc_now()))
        self.summary.failed[error] += 1
        if len(self.summary.first_failures) < 10:
            self.summary.first_failures.append(message)
        self._buffered += 1

    def _commit_if_due(self) -> None:
        due = time.monotonic() - self._last_commit >= COMMIT_SECONDS
        if self._buffered >= COMMIT_EVERY or (due and (self._buffered or self._files)):
            self._commit()

    def _commit(self) -> None:
        # An interrupt between the store's COMMIT and emptying the buffers would have the
        # buffers written a second time: the two happen as one, with Ctrl-C held till after.
        with _interrupts_held():
            if self._buffered or self._files or self._failures:
                self.store.write(self._rows, self._files, self._failures)
            self._rows = {name: [] for name in PLAN_TABLES}
            self._files, self._failures, self._buffered = [], [], 0
            self._last_commit = time.monotonic()


@contextmanager
def _interrupts_held() -> Iterator[None]:
    """Run the block whole: a Ctrl-C arriving inside it is raised once it has finished."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    received: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda number, _frame: received.append(number))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, signal.default_int_handler if previous is None else previous)
    if received:
        raise KeyboardInterrupt


def _file_hash(job: Job) -> str | None:
    """The content hash, or None when the worker should read the file and report why not."""
    if job.size == 0 or job.size > job.max_bytes:
        return None
    digest = hashlib.sha256()
    try:
        with open(job.path, "rb") as handle:
            while block := handle.read(1 << 20):
                digest.update(block)
    except OSError:
        return None
    return digest.hexdigest()


def _chunks(items: Iterable[Path], size: int) -> Iterator[list[Path]]:
    chunk: list[Path] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def store_location(text: str) -> tuple[Path, str | None]:
    """Where the store lives for an ``--out``, and what to export from it."""
    out = Path(text)
    suffix = out.suffix.lower()
    if suffix in {".duckdb", ".db"}:
        return out, None
    if suffix == ".jsonl":
        return out.with_suffix(".duckdb"), "jsonl"
    if suffix == ".parquet" or text.endswith(("/", os.sep)) or out.is_dir():
        return out / "plans.duckdb", "parquet"
    raise OutputError(f"{out}: say which output you want: a .duckdb file, a .jsonl file, "
                      "or a folder for Parquet (end it with / or .parquet)")

