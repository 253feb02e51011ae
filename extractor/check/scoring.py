"""Detection precision and recall of ``kehoach check`` per finding code, against
``gold/checks/`` (see ``gold/README.md``: the real seed/parent pairs and planted variants)."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import regex

from extractor.check import check
from extractor.check.findings import codes
from extractor.model import Finding, Plan
from extractor.normalize import fold_tones
from extractor.pipeline import extract
from extractor.rules.vocabulary import match_key


@dataclass
class CheckScores:
    true_positive: Counter = field(default_factory=Counter)
    false_positive: Counter = field(default_factory=Counter)
    false_negative: Counter = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)
    spurious_errors: list[str] = field(default_factory=list)

    def rows(self) -> list[tuple[str, int, int, int]]:
        """(code, correct, spurious, missed) for every code that was labelled or found."""
        rows = []
        for code in sorted(codes()):
            counts = (self.true_positive[code], self.false_positive[code],
                      self.false_negative[code])
            if any(counts):
                rows.append((code, *counts))
        return rows

    def precision(self) -> float:
        tp, fp = sum(self.true_positive.values()), sum(self.false_positive.values())
        return tp / (tp + fp) if tp + fp else 1.0

    def recall(self) -> float:
        tp, fn = sum(self.true_positive.values()), sum(self.false_negative.values())
        return tp / (tp + fn) if tp + fn else 1.0


def below_floors(scores: CheckScores, floors: dict) -> list[str]:
    """What falls short of ``[checks]`` in ``evaluation/floors.toml``."""
    problems = []
    for name, value in (("precision", scores.precision()), ("recall", scores.recall())):
        if name in floors and value < floors[name]:
            problems.append(f"checks: {name} {value:.3f} < floor {floors[name]:.3f}")
    allowed = floors.get("spurious_errors")
    if allowed is not None and len(scores.spurious_errors) > allowed:
        problems.append(f"checks: {len(scores.spurious_errors)} spurious error findings "
                        f"> {allowed}")
    return problems


def expected(case: dict, cases: dict[str, dict]) -> list[dict]:
    inherited = expected(cases[case["inherits"]], cases) if case.get("inherits") else []
    removed = case.get("removed") or []
    kept = [item for item in inherited if item not in removed]
    return kept + case["findings"]


def locate(text: str | None, excerpt: str) -> list[tuple[int, int]]:
    """Every place the labelled excerpt stands in ``text``, folding case, tone style and
    spacing (the folded text keeps the original's offsets)."""
    if not text:
        return []
    words = fold_tones(excerpt).split()
    pattern = regex.compile(r"\s+".join(regex.escape(word) for word in words),
                            regex.IGNORECASE)
    return [match.span() for match in pattern.finditer(fold_tones(text))]


def _matches(label: dict, found: Finding, local: Plan, parent: Plan | None) -> bool:
    """Same code, and on each side the label names, the finding's span overlaps the excerpt
    (or, for a finding without a span there, its words contain the excerpt)."""
    if label["code"] != found.code:
        return False
    for side, plan, span, words in (("local", local, found.span, found.text),
                                    ("parent", parent, found.parent_span, found.parent_text)):
        if side not in label:
            continue
        if span is not None and plan is not None:
            if not any(start < span[1] and span[0] < end
                       for start, end in locate(plan.text, label[side])):
                return False
        elif not words or match_key(label[side]) not in match_key(words):
            return False
    return True


def score_checks(gold: Path = Path("gold/checks"), root: Path = Path(".")) -> CheckScores:
    cases = {path.stem: json.loads(path.read_text("utf-8"))
             for path in sorted(gold.glob("*.json"))}
    scores = CheckScores()
    # Many variants share one parent: read each file once.
    plans = cache(lambda path: extract(root / path, with_text=True))
    for name, case in cases.items():
        local = plans(case["local"])
        parent = plans(case["parent"]) if case.get("parent") else None
        unmatched = list(check(local, parent).findings)
        for label in expected(case, cases):
            hit = next((f for f in unmatched if _matches(label, f, local, parent)), None)
            if hit is None:
                scores.false_negative[label["code"]] += 1
                scores.misses.append(f"{name}: {label}")
            else:
                unmatched.remove(hit)
                scores.true_positive[label["code"]] += 1
        for extra in unmatched:
            scores.false_positive[extra.code] += 1
            if extra.severity == "error":
                scores.spurious_errors.append(f"{name}: {extra.code} {extra.text!r}")
    return scores


def scores_markdown(scores: CheckScores) -> str:
    lines = ["# Consistency checks against gold", "",
             "Written by `kehoach evaluate` (or `python -m extractor.check.scoring`); do not edit "
             "by hand. A finding counts when its code matches and its span overlaps the "
             "labelled excerpt in each document the label names.", ""]
    lines += scores_table(scores)
    lines += ["", f"Spurious error-severity findings: {len(scores.spurious_errors)}", ""]
    lines += [f"- {item}" for item in scores.spurious_errors]
    lines += ["", f"Missed: {len(scores.misses)}", ""]
    lines += [f"- {item}" for item in scores.misses]
    return "\n".join(lines) + "\n"


def scores_table(scores: CheckScores) -> list[str]:
    lines = ["| Code | Gold | Found | Correct | Precision | Recall |",
             "|---|---:|---:|---:|---:|---:|"]
    for code, tp, fp, fn in scores.rows():
        lines.append(f"| {code} | {tp + fn} | {tp + fp} | {tp} | {_ratio(tp, tp + fp)} | "
                     f"{_ratio(tp, tp + fn)} |")
    tp, fp, fn = (sum(counter.values()) for counter in (
        scores.true_positive, scores.false_positive, scores.false_negative))
    lines.append(f"| **all** | {tp + fn} | {tp + fp} | {tp} | {_ratio(tp, tp + fp)} | "
                 f"{_ratio(tp, tp + fn)} |")
    return lines


def print_scores(scores: CheckScores, console) -> None:
    from rich.table import Table

    table = Table(title="Consistency checks (all cases)")
    for column in ("Code", "Gold", "Found", "Correct", "Precision", "Recall"):
        table.add_column(column, justify="left" if column == "Code" else "right")
    for code, tp, fp, fn in scores.rows():
        table.add_row(code, str(tp + fn), str(tp + fp), str(tp), _ratio(tp, tp + fp),
                      _ratio(tp, tp + fn))
    table.add_row("all", "", "", "", f"{scores.precision():.3f}", f"{scores.recall():.3f}")
    console.print(table)


def _ratio(part: int, whole: int) -> str:
    return f"{part / whole:.3f}" if whole else "-"


if __name__ == "__main__":
    Path("evaluation/checks.md").write_text(scores_markdown(score_checks()), "utf-8")
