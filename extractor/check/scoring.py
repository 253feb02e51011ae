"""Detection precision and recall of ``kehoach check`` per finding code, against
``gold/checks/`` (see ``gold/README.md``: the real seed/parent pairs and planted variants)."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from extractor.check import check
from extractor.model import Finding
from extractor.pipeline import extract
from extractor.rules.vocabulary import match_key

# Codes the gold labels; the others (notes, reading findings) are scored elsewhere or not.
LABELLED = frozenset({
    "PARENT_NOT_CITED", "PARENT_CITATION_WRONG", "PROGRAMME_MISMATCH", "PERIOD_MISMATCH",
    "TARGET_MISSING", "TARGET_WEAKER", "TARGET_LATER", "TASK_MISSING", "DEADLINE_LATER",
    "REPORT_DEADLINE_LATER", "FOREIGN_LOCALITY", "FOREIGN_BODY", "NUMBERING_GAP",
    "NUMBERING_DISORDER", "DUPLICATE_SECTION", "MILESTONE_OUTSIDE_PERIOD", "MILESTONE_WEAKER",
    "SUBTARGET_LARGER", "FUNDING_NO_SOURCE",
})


@dataclass
class CheckScores:
    true_positive: Counter = field(default_factory=Counter)
    false_positive: Counter = field(default_factory=Counter)
    false_negative: Counter = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)
    spurious_errors: list[str] = field(default_factory=list)


def expected(case: dict, cases: dict[str, dict]) -> list[dict]:
    inherited = expected(cases[case["inherits"]], cases) if case.get("inherits") else []
    removed = case.get("removed") or []
    kept = [item for item in inherited if item not in removed]
    return kept + case["findings"]


def _matches(label: dict, found: Finding) -> bool:
    if label["code"] != found.code:
        return False
    for side, words in (("local", found.text), ("parent", found.parent_text)):
        if side in label:
            if not words:
                return False
            a, b = match_key(label[side]), match_key(words)
            if a not in b and b not in a:
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
        findings = [f for f in check(local, parent).findings if f.code in LABELLED]
        unmatched = list(findings)
        for label in expected(case, cases):
            hit = next((f for f in unmatched if _matches(label, f)), None)
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
             "Written by `python -m extractor.check.scoring`; do not edit by hand. A finding "
             "counts when its code matches and its words overlap the labelled excerpt.", "",
             "| Code | Gold | Found | Correct | Precision | Recall |",
             "|---|---:|---:|---:|---:|---:|"]
    total = Counter()
    for code in sorted(LABELLED):
        tp, fp, fn = (scores.true_positive[code], scores.false_positive[code],
                      scores.false_negative[code])
        if not (tp or fp or fn):
            continue
        total.update(tp=tp, fp=fp, fn=fn)
        lines.append(f"| {code} | {tp + fn} | {tp + fp} | {tp} | {_ratio(tp, tp + fp)} | "
                     f"{_ratio(tp, tp + fn)} |")
    tp, fp, fn = total["tp"], total["fp"], total["fn"]
    lines.append(f"| **all** | {tp + fn} | {tp + fp} | {tp} | {_ratio(tp, tp + fp)} | "
                 f"{_ratio(tp, tp + fn)} |")
    lines += ["", f"Spurious error-severity findings: {len(scores.spurious_errors)}", ""]
    lines += [f"- {item}" for item in scores.spurious_errors]
    lines += ["", f"Missed: {len(scores.misses)}", ""]
    lines += [f"- {item}" for item in scores.misses]
    return "\n".join(lines) + "\n"


def _ratio(part: int, whole: int) -> str:
    return f"{part / whole:.3f}" if whole else "-"


if __name__ == "__main__":
    Path("evaluation/checks.md").write_text(scores_markdown(score_checks()), "utf-8")
