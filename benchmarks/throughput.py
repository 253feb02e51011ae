"""Throughput and peak memory of kehoach's full extraction, against a naive baseline.

For each input format (text, docx, pdf, html) this measures:

* documents/s, characters/s and (PDF only) pages/s of ``extractor.pipeline.extract(path)``:
  read + normalise + structure + metadata + citations;
* the documents/s of the naive approach a user would write without kehoach, on the same
  files in the same run: pdfplumber ``page.extract_text()`` for every page of a PDF,
  python-docx paragraph text for a DOCX, reading and decoding the bytes for text and HTML;
* the speed ratio kehoach/baseline (ratio of the medians over ``--repeat`` passes, with the
  range from the slowest and fastest passes so the noise is visible);
* peak resident memory: every (format, method) pair runs in its own fresh interpreter
  (this script, re-run with a hidden ``--worker`` flag), which reports
  ``resource.getrusage(RUSAGE_SELF).ru_maxrss`` when it is done.

It also times ``kehoach check`` on every seed and the parent plan written for it
(``corpus/parents/``): the check itself, against extracting the two plans (what any reading of
the pair costs), in the same process and run.

Two data sets are measured: the bundled corpus, and a generated set of ``--scale`` copies of
every corpus file (text copies get a trailing blank line and a unique number so no two files
are byte-identical; binary formats are copied under new names), which gives a steady-state
figure over hundreds of documents.

Run on demand, never from the tests:

    python benchmarks/throughput.py [--repeat N] [--scale N] [--out benchmarks/results/latest.md]
    python benchmarks/throughput.py --checks-only     # only the check timing (a minute)
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
DEFAULT_OUT = ROOT / "benchmarks" / "results" / "latest.md"
FORMATS = ("text", "docx", "pdf", "html")
METHODS = ("kehoach", "baseline")
SUFFIXES = {"text": (".txt",), "docx": (".docx",), "pdf": (".pdf",), "html": (".html", ".htm")}
BASELINE_NAMES = {
    "text": "read + decode UTF-8",
    "docx": "python-docx paragraphs",
    "pdf": "pdfplumber extract_text",
    "html": "read + decode UTF-8",
}
FORMAT_NOUNS = {"text": "text files", "docx": "DOCX files", "pdf": "PDFs", "html": "HTML pages"}


@dataclass
class Tally:
    """What one pass over a format's files produced."""

    documents: int = 0
    characters: int = 0
    pages: int = 0


@dataclass
class Measurement:
    """All passes of one method over one format's files, as reported by a worker."""

    format: str
    method: str
    documents: int
    characters: int
    pages: int
    seconds: list[float]
    max_rss_kib: int

    def rates(self) -> list[float]:
        """Documents per second of every pass."""
        return [self.documents / seconds for seconds in self.seconds]

    def median_seconds(self) -> float:
        return statistics.median(self.seconds)

    def median_rate(self) -> float:
        """Documents per second of the median pass (consistent with chars/s and pages/s)."""
        return self.documents / self.median_seconds()


# --------------------------------------------------------------------------- data sets


def format_files(directory: Path, kind: str) -> list[Path]:
    """The files of one format in a directory; image-only PDFs have no text to extract."""
    return sorted(
        path
        for path in directory.iterdir()
        if path.is_file()
        and path.suffix.lower() in SUFFIXES[kind]
        and not path.name.endswith(".scanned.pdf")
    )


def corpus_files(directory: Path) -> list[Path]:
    return [path for kind in FORMATS for path in format_files(directory, kind)]


def make_scaled_set(source: Path, target: Path, copies: int) -> int:
    """Write ``copies`` slightly varied copies of every corpus file; returns the file count."""
    count = 0
    for path in corpus_files(source):
        for index in range(copies):
            copy = target / f"{path.stem}-copy{index:04d}{path.suffix}"
            write_variant(path, copy, index)
            count += 1
    return count


def write_variant(path: Path, copy: Path, index: int) -> None:
    """Text gets a trailing blank line and a unique number; binary formats a new name only."""
    suffix = path.suffix.lower()
    if suffix in SUFFIXES["text"]:
        copy.write_bytes(path.read_bytes() + f"\n\n{index}\n".encode())
    elif suffix in SUFFIXES["html"]:
        copy.write_bytes(path.read_bytes() + f"\n<!-- copy {index} -->\n".encode())
    else:
        shutil.copyfile(path, copy)


# --------------------------------------------------------------------------- methods


def kehoach_method() -> Callable[[Path, Tally], None]:
    from extractor.pipeline import extract

    def run(path: Path, tally: Tally) -> None:
        plan = extract(path)
        tally.characters += plan.source.characters or 0
        tally.pages += plan.source.pages or 0

    return run


def baseline_method(kind: str) -> Callable[[Path, Tally], None]:
    if kind == "pdf":
        return pdfplumber_text
    if kind == "docx":
        return python_docx_text
    return decoded_bytes


def pdfplumber_text(path: Path, tally: Tally) -> None:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        text = "\n".join(page.extract_text() or "" for page in pdf.pages)
        tally.pages += len(pdf.pages)
    tally.characters += len(text)


def python_docx_text(path: Path, tally: Tally) -> None:
    from docx import Document

    text = "\n".join(paragraph.text for paragraph in Document(path).paragraphs)
    tally.characters += len(text)


def decoded_bytes(path: Path, tally: Tally) -> None:
    tally.characters += len(path.read_bytes().decode("utf-8"))


# --------------------------------------------------------------------------- worker


def run_worker(kind: str, method: str, directory: Path, repeat: int) -> dict[str, object]:
    """Time ``repeat`` passes of one method over one format's files (after a warm-up)."""
    files = format_files(directory, kind)
    process = kehoach_method() if method == "kehoach" else baseline_method(kind)
    process(files[0], Tally())  # warm-up: imports, compiled rules, vocabularies
    seconds: list[float] = []
    tally = Tally()
    for _ in range(repeat):
        tally = Tally(documents=len(files))
        start = time.perf_counter()
        for path in files:
            process(path, tally)
        seconds.append(time.perf_counter() - start)
    return {
        "format": kind,
        "method": method,
        "documents": tally.documents,
        "characters": tally.characters,
        "pages": tally.pages,
        "seconds": seconds,
        "max_rss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
    }


def measure(kind: str, method: str, directory: Path, repeat: int) -> Measurement:
    """Run one worker in a fresh interpreter so its peak memory is its own."""
    command = [
        sys.executable, str(Path(__file__).resolve()), "--worker", f"{kind}:{method}",
        "--worker-dir", str(directory), "--repeat", str(repeat),
    ]
    done = subprocess.run(command, capture_output=True, text=True, check=False, cwd=ROOT)
    if done.returncode != 0:
        raise RuntimeError(f"worker {kind}:{method} failed:\n{done.stderr}")
    return Measurement(**json.loads(done.stdout.strip().splitlines()[-1]))


def measure_set(directory: Path, repeat: int, label: str) -> list[tuple[Measurement, Measurement]]:
    """(kehoach, baseline) measurements for every format present in the directory."""
    pairs = []
    for kind in FORMATS:
        if not format_files(directory, kind):
            continue
        found = []
        for method in METHODS:
            start = time.perf_counter()
            found.append(measure(kind, method, directory, repeat))
            progress(f"{label}: {kind:<4} {method:<8} {time.perf_counter() - start:6.1f}s")
        pairs.append((found[0], found[1]))
    return pairs


def progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# --------------------------------------------------------------------------- report


def number(value: float) -> str:
    """A rate with three significant figures and a k/M suffix."""
    for divisor, suffix in ((1e6, "M"), (1e3, "k")):
        if value >= divisor:
            return f"{value / divisor:.3g}{suffix}"
    return f"{value:.3g}"


def spread(measurement: Measurement) -> str:
    """Documents/s of the median pass with the (min–max) range over the passes."""
    rates = measurement.rates()
    return f"{number(measurement.median_rate())} ({number(min(rates))}–{number(max(rates))})"


def ratio(full: Measurement, base: Measurement) -> tuple[float, float, float]:
    """kehoach speed / baseline speed: ratio of medians, worst and best pairing of passes."""
    median = base.median_seconds() / full.median_seconds()
    return median, min(base.seconds) / max(full.seconds), max(base.seconds) / min(full.seconds)


def times(value: float) -> str:
    """A speed ratio with three significant figures, never in e-notation: 3.61, 0.00512, 1550."""
    return f"{value:.0f}" if value >= 100 else f"{value:.3g}"


def mib(kib: int) -> str:
    return f"{kib / 1024:.0f} MiB"


def table(pairs: list[tuple[Measurement, Measurement]]) -> list[str]:
    lines = [
        "| Format | Docs | Pages | Characters | kehoach docs/s | kehoach chars/s "
        "| kehoach pages/s | Baseline | Baseline docs/s | kehoach ÷ baseline "
        "| Peak RSS kehoach | Peak RSS baseline |",
        "|---|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|",
    ]
    for full, base in pairs:
        seconds = full.median_seconds()
        pages = number(full.pages / seconds) if full.pages else "–"
        page_count = f"{full.pages:,}" if full.pages else "–"
        middle, low, high = ratio(full, base)
        lines.append(
            f"| {full.format} | {full.documents} | {page_count} | {full.characters:,} "
            f"| {spread(full)} | {number(full.characters / seconds)} | {pages} "
            f"| {BASELINE_NAMES[full.format]} | {spread(base)} "
            f"| {times(middle)}x ({times(low)}–{times(high)}) "
            f"| {mib(full.max_rss_kib)} | {mib(base.max_rss_kib)} |"
        )
    return lines


def verdict(full: Measurement, base: Measurement) -> str:
    """One sentence per format: how kehoach compares to the naive approach."""
    middle = ratio(full, base)[0]
    noun = FORMAT_NOUNS[full.format]
    baseline = BASELINE_NAMES[full.format]
    if middle >= 1:
        return (f"- {full.format}: kehoach reads {noun} {times(middle)}x faster than {baseline} "
                "alone, while also extracting everything else.")
    return (f"- {full.format}: kehoach takes {times(1 / middle)}x the time of {baseline} alone; "
            "that is the cost of normalising, structuring and every extraction pass (metadata "
            "to tasks).")


def section(title: str, pairs: list[tuple[Measurement, Measurement]]) -> list[str]:
    documents = sum(full.documents for full, _ in pairs)
    return [
        f"## {title} ({documents} documents)", "", *table(pairs), "",
        *(verdict(full, base) for full, base in pairs), "",
    ]


def machine_header(repeat: int, scale: int) -> list[str]:
    versions = ", ".join(
        f"{name} {metadata.version(name)}" for name in ("pypdfium2", "pdfplumber", "python-docx")
    )
    return [
        "# kehoach throughput", "",
        f"- Date: {datetime.now(UTC).strftime('%Y-%m-%d %H:%M UTC')}",
        f"- Machine: {platform.platform()}, {cpu_model()}, {os.cpu_count()} CPUs",
        f"- Python {platform.python_version()} ({platform.python_implementation()}); {versions}",
        f"- Passes: --repeat {repeat} (figures are medians, (min–max) in brackets); "
        f"generated set: --scale {scale}",
        "- kehoach ÷ baseline: how many times faster kehoach is than the baseline on the same "
        "files (below 1: slower); range from the slowest and fastest passes",
        "",
    ]


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


# --------------------------------------------------------------------------- main


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5, help="timed passes per measurement")
    parser.add_argument("--scale", type=int, default=20,
                        help="copies of every corpus file in the generated set (0: skip it)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="Markdown report path")
    parser.add_argument("--checks-only", action="store_true",
                        help="time only kehoach check on the seed/parent pairs")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--worker-dir", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.repeat < 1 or args.scale < 0:
        parser.error("--repeat must be at least 1 and --scale at least 0")
    return args


PASSES = ["read", "normalise", "structure", "metadata", "citations", "targets",
          "time expressions", "reporting", "funding", "agencies", "tasks"]


def timed_passes(path: Path) -> dict[str, float]:
    """Seconds spent in each pass of the pipeline on one file."""
    from extractor.normalize import normalize
    from extractor.read import read_source
    from extractor.rules.agencies import extract_agencies, pipeline
    from extractor.rules.citations import extract_citations
    from extractor.rules.funding import extract_funding
    from extractor.rules.metadata import extract_metadata, plan_year
    from extractor.rules.reporting import extract_reporting
    from extractor.rules.targets import extract_targets
    from extractor.rules.tasks import extract_tasks
    from extractor.rules.timex import extract_time_expressions
    from extractor.structure import analyse

    pipeline()  # built once per process, as in a batch; not a per-document cost
    spent: dict[str, float] = {}

    def step(name: str, function, *args):
        started = time.perf_counter()
        result = function(*args)
        spent[name] = time.perf_counter() - started
        return result

    source, _ = step("read", read_source, path)
    norm = step("normalise", normalize, source)
    layout = step("structure", analyse, norm)
    document = step("metadata", extract_metadata, norm, layout).document
    citations = step("citations", extract_citations, norm, layout, {document.number or ""})
    targets = step("targets", extract_targets, norm, layout, document)
    taken = [mention.span for citation in citations for mention in citation.mentions]
    taken += [target.span for target in targets if target.span]
    times = step("time expressions", extract_time_expressions, norm, layout, taken,
                 plan_year(document))
    step("reporting", extract_reporting, norm, layout, plan_year(document), times)
    step("funding", extract_funding, norm, layout, document)
    agencies, mentions = step("agencies", extract_agencies, norm, layout, document)
    step("tasks", extract_tasks, norm, layout, agencies, mentions, times)
    return spent


def pass_breakdown(directory: Path, repeat: int) -> list[str]:
    """Milliseconds per document in each pass, per format: the median over repeats."""
    lines = ["", "## Where the time goes (bundled corpus)", "",
             "Milliseconds per document in each pass (median of the repeats), in this process.",
             "", "| Format | " + " | ".join(PASSES) + " | total |",
             "|---|" + "---:|" * (len(PASSES) + 1)]
    for kind in FORMATS:
        files = format_files(directory, kind)
        if not files:
            continue
        timed_passes(files[0])  # warm up imports and caches
        runs = []
        for _ in range(repeat):
            totals = dict.fromkeys(PASSES, 0.0)
            for path in files:
                for name, seconds in timed_passes(path).items():
                    totals[name] += seconds
            runs.append(totals)
        medians = {name: statistics.median(run[name] for run in runs) / len(files) * 1000
                   for name in PASSES}
        cells = [f"{medians[name]:.1f}" for name in PASSES]
        lines.append(f"| {kind} | " + " | ".join(cells) + f" | {sum(medians.values()):.1f} |")
    return lines


def check_pairs() -> list[tuple[Path, Path]]:
    """Each seed with the parent plan written for it (``corpus/parents/NNN_parent.txt``)."""
    pairs = []
    for parent in sorted((CORPUS / "parents").glob("*_parent.txt")):
        prefix = parent.name.split("_", 1)[0]
        pairs += [(local, parent) for local in sorted(CORPUS.glob(f"{prefix}_*.txt"))]
    return pairs


def check_times(repeat: int) -> list[str]:
    """Milliseconds per pair: extracting both plans (the baseline any reading of the pair
    pays), and the check on the two extracted plans; medians over the repeats."""
    from extractor.check import check
    from extractor.pipeline import extract

    pairs = check_pairs()
    if not pairs:
        return ["", "## Checking a plan against its parent", "", "No corpus/parents/ plans."]
    lines = ["", "## Checking a plan against its parent", "",
             f"Each of the {len(pairs)} seed plans (text) against the parent written for it, "
             f"median of {repeat} passes, in this process: extracting the two plans, then "
             "`check(local, parent)` on them. `kehoach check LOCAL --parent PARENT` costs the "
             "sum, plus the interpreter's start.", "",
             "| Pair | Extract both (ms) | Check (ms) | Check ÷ extract | Findings |",
             "|---|---:|---:|---:|---:|"]
    check(extract(pairs[0][0], with_text=True), extract(pairs[0][1], with_text=True))  # warm up
    all_extract, all_check = [], []
    for local_path, parent_path in pairs:
        extracting, checking = [], []
        for _ in range(repeat):
            started = time.perf_counter()
            local = extract(local_path, with_text=True)
            parent = extract(parent_path, with_text=True)
            middle = time.perf_counter()
            findings = check(local, parent).findings
            checking.append(time.perf_counter() - middle)
            extracting.append(middle - started)
        read, compared = statistics.median(extracting), statistics.median(checking)
        all_extract.append(read)
        all_check.append(compared)
        lines.append(f"| {local_path.name} / {parent_path.name} | {read * 1000:.0f} | "
                     f"{compared * 1000:.0f} | {compared / read:.2f} | {len(findings)} |")
    lines.append(f"| median over pairs | {statistics.median(all_extract) * 1000:.0f} | "
                 f"{statistics.median(all_check) * 1000:.0f} | "
                 f"{statistics.median(all_check) / statistics.median(all_extract):.2f} | |")
    return lines


def report(repeat: int, scale: int, checks_only: bool = False) -> str:
    lines = machine_header(repeat, scale)
    if checks_only:
        return "\n".join(lines + check_times(repeat))
    lines += section("Bundled corpus", measure_set(CORPUS, repeat, "corpus"))
    lines += pass_breakdown(CORPUS, repeat)
    lines += check_times(repeat)
    if scale:
        with tempfile.TemporaryDirectory(prefix="kehoach-bench-") as temporary:
            directory = Path(temporary)
            make_scaled_set(CORPUS, directory, scale)
            pairs = measure_set(directory, repeat, f"scale {scale}")
        lines += section(f"Generated set, --scale {scale}", pairs)
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    if args.worker:
        kind, method = args.worker.split(":")
        print(json.dumps(run_worker(kind, method, args.worker_dir, args.repeat)))
        return
    text = report(args.repeat, args.scale, args.checks_only)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text)
    print(text)
    progress(f"written to {args.out}")


if __name__ == "__main__":
    main()
