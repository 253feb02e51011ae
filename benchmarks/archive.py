"""kehoach batch at archive scale: a generated archive of thousands of plans in every format.

Measures, in one run:

* the naive baseline: each file extracted by its own ``kehoach extract`` process, one after the
  other (what a shell loop over an archive does), on a sample of the archive;
* ``kehoach batch`` on a sample with 1 worker, and with each worker count up to ``--workers``,
  giving documents/s, pages/s and the speed-up curve;
* the full archive with every worker: documents/s, pages/s, peak memory of the whole process
  tree (sampled at 10%, 50% and 90% of the run to show it stays flat), killed with SIGKILL about
  half-way and resumed, with a check that the store then holds every document exactly once;
* a re-run on the unchanged archive, which should do no work: its time is what a resume spends
  skipping the files already done (the time to resume).

Run on demand, never from the tests:

    python benchmarks/archive.py [--documents 10000] [--sample 600] [--workers N]
                                 [--archive DIR] [--out benchmarks/results/archive.md]
"""

from __future__ import annotations

import argparse
import io
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import psutil

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
BAD = ROOT / "tests" / "fixtures" / "bad"
KEHOACH = [sys.executable, "-m", "extractor.cli"]
BAD_FILES = ("empty.txt", "truncated.pdf", "scanned.pdf", "corrupt.docx", "binary.pdf")


def corpus_files() -> list[Path]:
    files = [p for p in sorted(CORPUS.rglob("*")) if p.suffix in {".txt", ".docx", ".pdf", ".html"}
             and not p.name.endswith(".scanned.pdf")]
    return files


def variant(path: Path, number: int) -> bytes:
    """A distinct file with the same plan: a new document number and an archive line for text
    and HTML, an archive paragraph for DOCX, a trailing comment for PDF (after %%EOF)."""
    data = path.read_bytes()
    if path.suffix in {".txt", ".html"}:
        text = data.decode("utf-8")
        text = text.replace("Số: ", f"Số: {number}", 1) if "Số: /" in text else text
        line = f"\n\nMã lưu trữ: {number}\n" if path.suffix == ".txt" else \
            f"\n<!-- lưu trữ {number} -->\n"
        return (text + line).encode("utf-8")
    if path.suffix == ".docx":
        source = zipfile.ZipFile(io.BytesIO(data))
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
            for item in source.infolist():
                content = source.read(item)
                if item.filename == "word/document.xml":
                    content = content.replace(
                        b"<w:sectPr", f"<w:p><w:r><w:t>Mã lưu trữ: {number}</w:t></w:r></w:p>"
                        "<w:sectPr".encode(), 1)
                target.writestr(item, content)
        return buffer.getvalue()
    return data + f"\n% archive copy {number}\n".encode()


def generate(folder: Path, documents: int, seed: int = 7) -> dict[str, int]:
    """``documents`` files in nested folders (province/district), about 1% of them bad."""
    random.seed(seed)
    templates = corpus_files()
    counts: dict[str, int] = {}
    for number in range(documents):
        subfolder = folder / f"tinh{number % 7:02d}" / f"huyen{number % 53:03d}"
        subfolder.mkdir(parents=True, exist_ok=True)
        if number % 100 == 99:
            bad = BAD / BAD_FILES[number // 100 % len(BAD_FILES)]
            data = bad.read_bytes()
            data = data + f"\n{number}".encode() if data and bad.suffix == ".pdf" else data
            target = subfolder / f"hong_{number:06d}{bad.suffix}"
            target.write_bytes(data)
            counts["bad"] = counts.get("bad", 0) + 1
            continue
        template = templates[number % len(templates)]
        target = subfolder / f"kh_{number:06d}{template.suffix}"
        target.write_bytes(variant(template, number))
        counts[template.suffix] = counts.get(template.suffix, 0) + 1
    return counts


@dataclass
class Run:
    label: str
    seconds: float
    documents: int
    pages: int
    peak_mb: float = 0.0
    rss_profile: list[float] = field(default_factory=list)
    returncode: int = 0

    @property
    def docs_per_second(self) -> float:
        return self.documents / self.seconds if self.seconds else 0.0

    @property
    def pages_per_second(self) -> float:
        return self.pages / self.seconds if self.seconds else 0.0


class TreeMemory(threading.Thread):
    """Samples the resident memory of a process and all its children."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.process = psutil.Process(pid)
        self.samples: list[tuple[float, float]] = []
        self.stopped = threading.Event()

    def run(self) -> None:
        start = time.monotonic()
        while not self.stopped.is_set():
            try:
                processes = [self.process, *self.process.children(recursive=True)]
                rss = sum(p.memory_info().rss for p in processes if p.is_running())
            except psutil.Error:
                rss = 0
            self.samples.append((time.monotonic() - start, rss / 1048576))
            self.stopped.wait(0.25)

    def profile(self) -> tuple[float, list[float]]:
        if not self.samples:
            return 0.0, []
        end = self.samples[-1][0]
        points = []
        for fraction in (0.1, 0.5, 0.9):
            near = min(self.samples, key=lambda s, f=fraction: abs(s[0] - f * end))
            points.append(near[1])
        return max(rss for _, rss in self.samples), points


def batch(label: str, inputs: list[str], store: Path, workers: int, *extra: str,
          kill_after: float | None = None) -> Run:
    command = [*KEHOACH, "batch", *inputs, "--out", str(store), "--workers", str(workers),
               "--quiet", *extra]
    before = _counts(store)
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True)
    memory = TreeMemory(process.pid)
    memory.start()
    if kill_after is not None:
        try:
            process.wait(timeout=kill_after)
        except subprocess.TimeoutExpired:
            for child in psutil.Process(process.pid).children(recursive=True):
                child.send_signal(signal.SIGKILL)
            process.send_signal(signal.SIGKILL)
    _, stderr = process.communicate()
    seconds = time.perf_counter() - started
    memory.stopped.set()
    memory.join()
    after = _counts(store)
    peak, profile = memory.profile()
    if process.returncode not in (0, -signal.SIGKILL, 130):
        print(stderr, file=sys.stderr)
    return Run(label, seconds, after[0] - before[0], after[1] - before[1], peak, profile,
               process.returncode)


def _counts(store: Path) -> tuple[int, int]:
    if not store.exists():
        return 0, 0
    connection = duckdb.connect(str(store), read_only=True)
    try:
        documents = connection.execute("SELECT count(*) FROM documents").fetchone()[0]
        failures = connection.execute("SELECT count(*) FROM failures").fetchone()[0]
        pages = connection.execute("SELECT coalesce(sum(pages), 0) FROM documents").fetchone()[0]
        return documents + failures, int(pages)
    finally:
        connection.close()


def naive(files: list[Path]) -> Run:
    """One ``kehoach extract`` process per file, one after the other."""
    started = time.perf_counter()
    pages = 0
    for path in files:
        subprocess.run([*KEHOACH, "extract", str(path), "--out", os.devnull], cwd=ROOT,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    seconds = time.perf_counter() - started
    pages = sum(_pdf_pages(path) for path in files)
    return Run("naive: one `kehoach extract` process per file, sequential", seconds,
               len(files), pages)


def _pdf_pages(path: Path) -> int:
    if path.suffix != ".pdf":
        return 0
    import pypdfium2

    try:
        return len(pypdfium2.PdfDocument(str(path)))
    except Exception:
        return 0


def sample_of(archive: Path, count: int) -> list[Path]:
    files = sorted(p for p in archive.rglob("*") if p.is_file())
    step = max(1, len(files) // count)
    return files[::step][:count]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--sample", type=int, default=600,
                        help="files in the sample for the speed-up curve")
    parser.add_argument("--naive-sample", type=int, default=60)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--archive", type=Path, help="keep the generated archive here")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks/results/archive.md")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="kehoach-archive-"))
    archive = args.archive or work / "archive"
    try:
        started = time.perf_counter()
        counts = generate(archive, args.documents)
        print(f"generated {args.documents} files in {time.perf_counter() - started:.0f} s: "
              f"{counts}", file=sys.stderr)
        sample = sample_of(archive, args.sample)
        sample_list = work / "sample"
        sample_list.mkdir()
        for index, path in enumerate(sample):
            (sample_list / f"{index:05d}_{path.name}").symlink_to(path)

        runs = [naive(sample[: args.naive_sample])]
        print(f"{runs[0].label}: {runs[0].docs_per_second:.2f} docs/s", file=sys.stderr)
        curve = []
        for workers in range(1, args.workers + 1):
            run = batch(f"batch, {workers} worker(s), sample of {len(sample)}",
                        [str(sample_list)], work / f"sample{workers}.duckdb", workers)
            curve.append(run)
            print(f"{run.label}: {run.docs_per_second:.2f} docs/s", file=sys.stderr)
        store = work / "archive.duckdb"
        estimate = args.documents / max(curve[-1].docs_per_second, 0.1)
        first = batch("full archive, killed about half-way (SIGKILL)", [str(archive)], store,
                      args.workers, kill_after=estimate / 2)
        print(f"{first.label}: {first.documents} documents in {first.seconds:.0f} s",
              file=sys.stderr)
        resumed = batch("full archive, resumed", [str(archive)], store, args.workers)
        print(f"{resumed.label}: {resumed.documents} more in {resumed.seconds:.0f} s",
              file=sys.stderr)
        rerun = batch("full archive, re-run on unchanged files", [str(archive)], store,
                      args.workers)
        report = write_report(args, counts, runs[0], curve, first, resumed, rerun, store)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(report, "utf-8")
    print(report)


def write_report(args, counts, baseline: Run, curve: list[Run], first: Run, resumed: Run,
                 rerun: Run, store: Path) -> str:
    connection = duckdb.connect(str(store), read_only=True)
    try:
        documents, distinct, files, failures = connection.execute(
            "SELECT (SELECT count(*) FROM documents), (SELECT count(DISTINCT doc_hash) FROM "
            "documents), (SELECT count(*) FROM files), (SELECT count(*) FROM failures)"
        ).fetchone()
    finally:
        connection.close()
    single = curve[0].docs_per_second
    whole = files + failures == args.documents and documents == distinct
    verdict = "none lost, none duplicated" if whole else "MISMATCH: files lost or duplicated"
    lines = [
        "# kehoach batch at archive scale", "",
        f"{time.strftime('%Y-%m-%d')}; {os.cpu_count()} CPUs, Python "
        f"{sys.version.split()[0]}; archive of {args.documents} generated files "
        f"({', '.join(f'{k}: {v}' for k, v in sorted(counts.items()))}).", "",
        "## Speed-up on a sample", "",
        "| Run | Files | Seconds | Documents/s | Pages/s | vs naive | vs 1 worker | Peak MB |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
        _row(baseline, baseline.docs_per_second, single),
    ]
    lines += [_row(run, baseline.docs_per_second, single) for run in curve]
    total = first.documents + resumed.documents
    lines += [
        "", "## The whole archive", "",
        "| Run | Files handled | Seconds | Documents/s | Pages/s | Peak MB | RSS at 10/50/90% |",
        "|---|---:|---:|---:|---:|---:|---|",
    ]
    for run in (first, resumed, rerun):
        profile = " / ".join(f"{mb:.0f}" for mb in run.rss_profile)
        lines.append(f"| {run.label} | {run.documents} | {run.seconds:.1f} | "
                     f"{run.docs_per_second:.2f} | {run.pages_per_second:.1f} | "
                     f"{run.peak_mb:.0f} | {profile} |")
    lines += [
        "", f"After the kill and the resume the store holds {documents} documents "
        f"({distinct} distinct hashes), {files} files and {failures} failures: "
        f"{files + failures} of {args.documents} files, "
        f"{verdict}."
        f" The killed run handled {first.documents} and the resumed run {resumed.documents} "
        f"(together {total}); the re-run on unchanged files handled {rerun.documents} in "
        f"{rerun.seconds:.1f} s ({rerun.seconds / args.documents * 1000:.1f} ms a file: the "
        "time a resume spends skipping what is done).", "",
    ]
    return "\n".join(lines)


def _row(run: Run, naive_rate: float, single_rate: float) -> str:
    peak = f"{run.peak_mb:.0f}" if run.peak_mb else "-"  # the naive loop's is not sampled
    return (f"| {run.label} | {run.documents} | {run.seconds:.1f} | {run.docs_per_second:.2f} | "
            f"{run.pages_per_second:.1f} | {run.docs_per_second / naive_rate:.1f}x | "
            f"{run.docs_per_second / single_rate:.2f}x | {peak} |")


if __name__ == "__main__":
    main()
