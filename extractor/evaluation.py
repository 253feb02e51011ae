"""Score extraction against ``gold/`` per field, per input format.

Counting follows the SemEval-2013 / nervaluate scheme: a value present in both gold and output
is *correct* or *incorrect*; one only in the output is *spurious*; one only in gold is
*missing*. Precision = correct / (correct + incorrect + spurious), recall = correct / (correct +
incorrect + missing). *Strict* compares normalised values exactly; *lenient* accepts a partial
match (half the words in common, a date agreeing at the precision both give, a period that
overlaps). Gold values and outputs are compared after folding case, tone-mark style and spacing.

Targets: strict when value, unit and milestone agree (and the texts share words); lenient when
the texts share half their words. Time expressions are paired by text (the closest pairs
first); strict also needs the normalised value (kind, start, end, bound, rrule, duration).
Funding amounts: on each source both name, the đồng stated for it alone (lenient: whether there
is one). The budget: its stated total, and the bodies that prepare it (named as in tasks).
"""

from __future__ import annotations

import hashlib
import json
import time
import tomllib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import regex
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from extractor.errors import InputNotFoundError, KehoachError
from extractor.model import Plan
from extractor.rules.vocabulary import expand_abbreviations, match_key

SCALAR_FIELDS = [
    "document.type", "document.number", "document.issue_date", "document.place",
    "document.issuer.name", "document.issuer.level", "document.locality.name",
    "document.locality.level", "document.title", "document.programme.name",
    "document.programme.period", "document.signer.name", "document.signer.title",
    "document.signer.capacity", "parent",
]
LIST_FIELDS = ["document.recipients", "citations", "findings", "sections", "tables", "targets",
               "agencies", "agency_mentions", "tasks", "roles", "task_timeframes",
               "time_expressions", "funding", "funding_amounts", "budget_total",
               "budget_prepared_by", "reporting"]
REPORTING_ATTRIBUTES = ["reporter", "recipient", "via", "when"]
TARGET_ATTRIBUTES = ["comparator", "subject", "indicator", "kind", "parent"]
TIME_VALUE_FIELDS = ["kind", "start", "end", "bound", "rrule", "duration"]
CITATION_ATTRIBUTES = ["type", "date", "issuer", "title", "relation"]
FORMAT_SUFFIXES = {".txt": "text", ".md": "text", ".docx": "docx", ".pdf": "pdf", ".html": "html"}
SECTION_KINDS = {"roman", "arabic", "article", "appendix"}
FLOORS_FILE = Path("evaluation/floors.toml")
SET_NOTES = {
    "development": "The plans the rules were written against: these scores show that nothing "
                   "regressed, not how well the rules generalise.",
    "held-out": "Plans written by someone who never saw the code, added after the rules, and "
                "measured before any rule was changed for them (see the history of this "
                "report). Once rules are changed after reading them, they count as seen.",
}


@dataclass
class Counts:
    correct: int = 0
    incorrect: int = 0
    spurious: int = 0
    missing: int = 0

    def add(self, other: Counts) -> None:
        self.correct += other.correct
        self.incorrect += other.incorrect
        self.spurious += other.spurious
        self.missing += other.missing

    @property
    def precision(self) -> float:
        denominator = self.correct + self.incorrect + self.spurious
        return self.correct / denominator if denominator else 1.0

    @property
    def recall(self) -> float:
        denominator = self.correct + self.incorrect + self.missing
        return self.correct / denominator if denominator else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def support(self) -> int:
        return self.correct + self.incorrect + self.missing


@dataclass
class FieldScore:
    strict: Counts = field(default_factory=Counts)
    lenient: Counts = field(default_factory=Counts)


@dataclass
class DocumentResult:
    doc_id: str
    set: str
    format: str
    path: str
    scores: dict[str, FieldScore]
    errors: list[str]
    seconds: float
    failure: str | None = None
    signature: str = ""


@dataclass
class AttributeAccuracy:
    correct: int = 0
    total: int = 0

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 1.0


@dataclass
class EvaluationResult:
    documents: list[DocumentResult]
    attributes: dict[str, AttributeAccuracy]
    # Agency scores of the NER baselines on the text renderings: name -> field -> score.
    baselines: dict[str, dict[str, FieldScore]] = field(default_factory=dict)

    def totals(self, fmt: str | None = None, subset: str | None = None) -> dict[str, FieldScore]:
        totals: dict[str, FieldScore] = defaultdict(FieldScore)
        for result in self.documents:
            if (fmt is not None and result.format != fmt) or (
                subset is not None and result.set != subset
            ):
                continue
            for name, score in result.scores.items():
                totals[name].strict.add(score.strict)
                totals[name].lenient.add(score.lenient)
        return dict(totals)

    def formats(self) -> list[str]:
        return sorted({result.format for result in self.documents})


# ---------------------------------------------------------------- normalisation and matching

def normal(value: object) -> str:
    if value is None:
        return ""
    text = expand_abbreviations(str(value))
    text = regex.sub(r"[“”\"'`*]", "", text)
    text = regex.sub(r"\s*([-–—/])\s*", r"\1", text)
    return match_key(text).strip(" .,;:")


def words(value: object) -> set[str]:
    return set(regex.findall(r"[\p{L}\d]+", normal(value)))


def similar(gold: object, predicted: object) -> bool:
    gold_words, predicted_words = words(gold), words(predicted)
    if not gold_words or not predicted_words:
        return False
    common = len(gold_words & predicted_words)
    return common / max(len(gold_words), len(predicted_words)) >= 0.5


def date_compatible(gold: str, predicted: str) -> bool:
    shorter = min(len(gold), len(predicted))
    return gold[:shorter] == predicted[:shorter]


def period_overlaps(gold: dict, predicted: dict) -> bool:
    try:
        return int(gold["start"]) <= int(predicted["end"]) and int(predicted["start"]) <= int(
            gold["end"])
    except (TypeError, ValueError, KeyError):
        return False


def score_scalar(name: str, gold: object, predicted: object) -> FieldScore:
    score = FieldScore()
    if gold in (None, "") and predicted in (None, ""):
        return score
    for counts, lenient in ((score.strict, False), (score.lenient, True)):
        if gold in (None, ""):
            counts.spurious += 1
        elif predicted in (None, ""):
            counts.missing += 1
        elif _scalar_equal(name, gold, predicted, lenient):
            counts.correct += 1
        else:
            counts.incorrect += 1
    return score


def _scalar_equal(name: str, gold: object, predicted: object, lenient: bool) -> bool:
    if name.endswith("period"):
        if not isinstance(gold, dict) or not isinstance(predicted, dict):
            return False
        if lenient:
            return period_overlaps(gold, predicted)
        return [gold.get("start"), gold.get("end")] == [predicted.get("start"),
                                                        predicted.get("end")]
    if name.endswith("issue_date") and lenient:
        return date_compatible(str(gold), str(predicted))
    if normal(gold) == normal(predicted):
        return True
    return lenient and similar(gold, predicted)


def score_items(gold: list, predicted: list, key, lenient_match) -> FieldScore:
    """Match two lists; strict by ``key`` equality, lenient by ``lenient_match``."""
    return FieldScore(match_counts(gold, predicted, lambda g, p: key(g) == key(p)),
                      match_counts(gold, predicted, lenient_match))


def match_counts(gold: list, predicted: list, matcher) -> Counts:
    """Pair each gold item with the first unpaired prediction ``matcher`` accepts."""
    counts = Counts()
    remaining = list(predicted)
    for item in gold:
        found = next((p for p in remaining if matcher(item, p)), None)
        if found is None:
            counts.missing += 1
        else:
            remaining.remove(found)
            counts.correct += 1
    counts.spurious += len(remaining)
    return counts


# ---------------------------------------------------------------- reading gold and output

def dig(data: dict | None, dotted: str) -> object:
    value: object = data
    for part in dotted.split("."):
        if not isinstance(value, dict):
            return None
        value = value.get(part)
    return value


def plan_view(plan: Plan) -> dict:
    """The prediction in the gold file's shape."""
    from extractor import scoring_tasks  # it builds on this module

    data = plan.model_dump(mode="json", exclude={"text"})
    return {
        "document": data["document"],
        "citations": data["citations"],
        "parent": plan.parent.number if plan.parent else None,
        "findings": [{"code": f.code} for f in plan.findings],
        "sections": [
            {"path": s.path, "title": s.title}
            for s in plan.sections if s.kind in SECTION_KINDS and s.path.count(".") <= 1
        ],
        "tables": [{"header": [c.text for c in t.header], "rows": len(t.rows)}
                   for t in plan.tables],
        "targets": _target_view(plan),
        "timex": data["time_expressions"],
        "funding": [{"source": f.source, "text": f.text, "amount_vnd": f.amount_vnd}
                    for f in plan.funding],
        "budget": {"total_vnd": plan.budget.total_vnd,
                   "prepared_by": [a.name for a in plan.budget.prepared_by]},
        "reporting": data["reporting"],
        "agencies": scoring_tasks.agency_view(plan),
        "tasks": scoring_tasks.task_view(plan),
    }


def _target_view(plan: Plan) -> list[dict]:
    index = {target.id: number for number, target in enumerate(plan.targets)}
    return [{"text": t.text, "value": t.value, "value_max": t.value_max, "unit": t.unit,
             "comparator": t.comparator, "subject": t.subject, "indicator": t.indicator,
             "milestone_year": t.milestone_year, "kind": t.kind,
             "parent": index.get(t.parent_target) if t.parent_target else None}
            for t in plan.targets]


def text_overlap(gold_text: str, predicted_text: str) -> float:
    gold_words, predicted_words = words(gold_text), words(predicted_text)
    if not gold_words or not predicted_words:
        return 0.0
    return len(gold_words & predicted_words) / max(len(gold_words), len(predicted_words))


def _same_target(gold: dict, predicted: dict) -> bool:
    """Strict: value, unit and milestone agree, and the texts are about the same words."""
    return (gold.get("value") == predicted.get("value")
            and normal(gold.get("unit")) == normal(predicted.get("unit"))
            and gold.get("milestone_year") == predicted.get("milestone_year")
            and text_overlap(gold.get("text", ""), predicted.get("text", "")) >= 0.3)


def _score_targets(gold: list[dict], predicted: list[dict],
                   attributes: dict[str, AttributeAccuracy]) -> FieldScore:
    score = score_items(gold, predicted, lambda t: t,
                        lambda g, p: text_overlap(g.get("text", ""), p.get("text", "")) >= 0.5)
    strict = Counts()
    remaining = list(range(len(predicted)))
    pairs: dict[int, int] = {}
    for number, item in enumerate(gold):
        candidates = [i for i in remaining if _same_target(item, predicted[i])]
        if not candidates:
            strict.missing += 1
            continue
        best = max(candidates, key=lambda i: text_overlap(item.get("text", ""),
                                                      predicted[i].get("text", "")))
        remaining.remove(best)
        pairs[number] = best
        strict.correct += 1
    strict.spurious = len(remaining)
    score.strict = strict
    for number, found in pairs.items():
        expected, got = gold[number], predicted[found]
        for attribute in TARGET_ATTRIBUTES:
            if attribute == "parent":
                want = expected.get("parent")
                ok = (want is None and got.get("parent") is None) or (
                    want is not None and pairs.get(want) == got.get("parent"))
            elif attribute in {"subject", "indicator"}:
                ok = normal(expected.get(attribute)) == normal(got.get(attribute)) or similar(
                    expected.get(attribute), got.get(attribute))
            else:
                ok = expected.get(attribute) == got.get(attribute)
            attributes["target." + attribute].total += 1
            attributes["target." + attribute].correct += ok
    return score


def same_when(gold: dict | None, predicted: dict | None) -> bool:
    if not gold or not predicted:
        return not gold and not predicted
    return all(gold.get(f) == predicted.get(f) for f in TIME_VALUE_FIELDS)


def _same_body(gold: object, predicted: object) -> bool:
    if gold in (None, "") or predicted in (None, ""):
        return gold in (None, "") and predicted in (None, "")
    return normal(gold) == normal(predicted) or similar(gold, predicted)


def _covered(gold_text: str, predicted_text: str) -> float:
    """How much of the gold clause the predicted one covers (overlap of spans, by words)."""
    gold_words, predicted_words = words(gold_text), words(predicted_text)
    return len(gold_words & predicted_words) / len(gold_words) if gold_words else 0.0


def _score_reporting(gold: list[dict], predicted: list[dict],
                     attributes: dict[str, AttributeAccuracy]) -> FieldScore:
    """Lenient: the duty's clause is found (the prediction covers most of the gold words).
    Strict: also the right recipient and the right normalised time."""
    score = score_items(gold, predicted, lambda r: r,
                        lambda g, p: _covered(g.get("text", ""), p.get("text", "")) >= 0.6)
    strict = Counts()
    remaining = list(predicted)
    for item in gold:
        match = max(remaining, default=None,
                    key=lambda p: _covered(item.get("text", ""), p.get("text", "")))
        if match is None or _covered(item.get("text", ""), match.get("text", "")) < 0.6:
            strict.missing += 1
            continue
        remaining.remove(match)
        for attribute in REPORTING_ATTRIBUTES:
            same = (same_when(item.get("when"), match.get("when")) if attribute == "when"
                    else _same_body(item.get(attribute), match.get(attribute)))
            attributes["reporting." + attribute].total += 1
            attributes["reporting." + attribute].correct += same
        if _same_body(item.get("recipient"), match.get("recipient")) and same_when(
                item.get("when"), match.get("when")):
            strict.correct += 1
        else:
            strict.incorrect += 1
    strict.spurious = len(remaining)
    score.strict = strict
    return score


def _score_amounts(gold: list[dict], predicted: list[dict]) -> FieldScore:
    """The amount of each source both name (first entries of a source only): strict wants the
    same đồng; lenient, an amount where the gold has one."""
    score = FieldScore()
    first_predicted = {}
    for item in predicted:
        first_predicted.setdefault(item["source"], item)
    seen: set[str] = set()
    for item in gold:
        if item["source"] in seen or item["source"] not in first_predicted:
            seen.add(item["source"])
            continue
        seen.add(item["source"])
        wanted, got = item.get("amount_vnd"), first_predicted[item["source"]].get("amount_vnd")
        for counts, same in ((score.strict, wanted == got),
                             (score.lenient, (wanted is None) == (got is None))):
            if wanted is not None and got is not None:
                counts.correct += same
                counts.incorrect += not same
            elif wanted is not None:
                counts.missing += 1
            elif got is not None:
                counts.spurious += 1
    return score


def _same_time_text(gold: dict, predicted: dict) -> bool:
    a, b = normal(gold.get("text")), normal(predicted.get("text"))
    return bool(a and b) and (a in b or b in a)


def _time_pairs(gold: list[dict], predicted: list[dict]) -> dict[int, int]:
    """Pair gold and predicted expressions by text, the closest pairs first, each used once
    (so "Quý 2 năm 2015" pairs with itself, not with a "năm 2015" inside it)."""
    candidates = sorted(
        ((abs(len(normal(g.get("text"))) - len(normal(p.get("text")))), gi, pi)
         for gi, g in enumerate(gold) for pi, p in enumerate(predicted)
         if _same_time_text(g, p)),
    )
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for _, gi, pi in candidates:
        if gi not in pairs and pi not in used:
            pairs[gi] = pi
            used.add(pi)
    return pairs


def _score_times(gold: list[dict], predicted: list[dict]) -> FieldScore:
    pairs = _time_pairs(gold, predicted)
    lenient = Counts(correct=len(pairs), missing=len(gold) - len(pairs),
                     spurious=len(predicted) - len(pairs))
    correct = sum(all(gold[g].get(f) == predicted[p].get(f) for f in TIME_VALUE_FIELDS)
                  for g, p in pairs.items())
    strict = Counts(correct=correct, incorrect=len(pairs) - correct,
                    missing=len(gold) - len(pairs), spurious=len(predicted) - len(pairs))
    return FieldScore(strict=strict, lenient=lenient)


def citation_key(citation: dict) -> str:
    if citation.get("number"):
        return "n:" + normal(citation["number"]).replace(" ", "")
    return "l:" + normal(citation.get("title"))


def score_document(gold: dict, predicted: dict,
                   attributes: dict[str, AttributeAccuracy]) -> dict[str, FieldScore]:
    from extractor import scoring_tasks  # it builds on this module

    scores = {name: score_scalar(name, dig(gold, name), dig(predicted, name))
              for name in SCALAR_FIELDS}
    scores["document.recipients"] = score_items(
        dig(gold, "document.recipients") or [], dig(predicted, "document.recipients") or [],
        normal, similar)
    gold_citations = gold.get("citations") or []
    predicted_citations = predicted.get("citations") or []
    scores["citations"] = score_items(
        gold_citations, predicted_citations, citation_key,
        lambda g, p: citation_key(g) == citation_key(p) or (
            not g.get("number") and not p.get("number") and similar(g.get("title"), p.get("title"))
        ))
    by_key = {citation_key(c): c for c in predicted_citations}
    for citation in gold_citations:
        match = by_key.get(citation_key(citation))
        if match is None:
            continue
        for attribute in CITATION_ATTRIBUTES:
            expected, got = citation.get(attribute), match.get(attribute)
            ok = normal(expected) == normal(got) or (
                attribute in {"issuer", "title"} and similar(expected, got))
            attributes[attribute].total += 1
            attributes[attribute].correct += ok
    if "targets" in gold:
        scores["targets"] = _score_targets(gold["targets"], predicted["targets"], attributes)
    if "timex" in gold:
        scores["time_expressions"] = _score_times(gold["timex"], predicted["timex"])
    if "funding" in gold:
        scores["funding"] = score_items(
            gold["funding"], predicted["funding"], lambda f: f["source"],
            lambda g, p: g["source"] == p["source"])
    if "funding" in gold:
        scores["funding_amounts"] = _score_amounts(gold["funding"], predicted["funding"])
    if "budget" in gold:
        wanted, got = gold["budget"], predicted["budget"]
        scores["budget_total"] = score_scalar("budget_total", wanted.get("total_vnd"),
                                              got.get("total_vnd"))
        scores["budget_prepared_by"] = score_items(
            wanted.get("prepared_by") or [], got.get("prepared_by") or [],
            scoring_tasks.agency_key, scoring_tasks.same_agency)
    if "reporting" in gold:
        scores["reporting"] = _score_reporting(gold["reporting"], predicted["reporting"],
                                               attributes)
    if "agencies" in gold:
        scores["agencies"], scores["agency_mentions"] = scoring_tasks.score_agencies(
            gold["agencies"], predicted["agencies"])
    if "tasks" in gold:
        scores["tasks"], scores["roles"], scores["task_timeframes"] = scoring_tasks.score_tasks(
            gold["tasks"], predicted["tasks"])
    scores["findings"] = score_items(
        [f["code"] for f in gold.get("findings") or []],
        [f["code"] for f in predicted.get("findings") or []],
        lambda code: code, lambda g, p: g == p)
    scores["sections"] = score_items(
        gold.get("sections") or [], predicted.get("sections") or [],
        lambda s: (s["path"], normal(s["title"])),
        lambda g, p: g["path"] == p["path"])
    scores["tables"] = score_items(
        gold.get("tables") or [], predicted.get("tables") or [],
        lambda t: (t["rows"], tuple(normal(c) for c in t["header"])),
        lambda g, p: [normal(c) for c in g["header"]] == [normal(c) for c in p["header"]])
    return scores


def _signature(predicted: dict) -> str:
    """What must agree across formats of one plan: metadata, citations, parent, targets and
    time expressions (their values; offsets differ between formats)."""
    document = {k: v for k, v in predicted["document"].items() if k != "evidence"}
    document = _strip_grounding(document)
    citations = [_strip_grounding({k: v for k, v in c.items() if k != "mentions"})
                 for c in predicted["citations"]]
    targets = [[t[k] for k in ("value", "value_max", "unit", "comparator", "milestone_year",
                               "kind")] for t in predicted["targets"]]
    times = [[t.get(k) for k in TIME_VALUE_FIELDS] for t in predicted["timex"]]
    agencies = sorted((normal(a["name"]), a["mentions"]) for a in predicted["agencies"])
    tasks = [[sorted(normal(a["name"]) for a in t["agencies"]),
              [(t["timeframe"] or {}).get(k) for k in TIME_VALUE_FIELDS]]
             for t in predicted["tasks"]]
    return json.dumps([document, citations, predicted["parent"], targets, times, agencies,
                       tasks], ensure_ascii=False, sort_keys=True)


def _strip_grounding(value: object) -> object:
    if isinstance(value, dict):
        return {k: _strip_grounding(v) for k, v in value.items() if k not in {"span", "page"}}
    if isinstance(value, list):
        return [_strip_grounding(v) for v in value]
    return value


# ---------------------------------------------------------------- the corpus

def corpus_files(corpus: Path, doc_id: str) -> list[Path]:
    return sorted(p for p in corpus.glob(f"{doc_id}.*") if p.suffix in FORMAT_SUFFIXES)


def evaluate_corpus(gold_dir: Path, corpus: Path, *,
                    with_baseline: bool = True) -> EvaluationResult:
    from extractor.pipeline import extract

    if not gold_dir.is_dir():
        raise InputNotFoundError(f"{gold_dir}: no gold folder; run from the repository root")
    if not corpus.is_dir():
        raise InputNotFoundError(f"{corpus}: no corpus folder; run from the repository root")
    documents: list[DocumentResult] = []
    attributes: dict[str, AttributeAccuracy] = defaultdict(AttributeAccuracy)
    baselines: dict[str, dict[str, FieldScore]] = {}
    for gold_file in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        doc_id = gold.get("doc_id") or gold_file.stem
        subset = gold.get("set", "development")
        for path in corpus_files(corpus, doc_id):
            started = time.perf_counter()
            try:
                plan = extract(path)
            except KehoachError as error:
                documents.append(DocumentResult(doc_id, subset, FORMAT_SUFFIXES[path.suffix],
                                                str(path), {}, [], 0.0, failure=str(error)))
                continue
            predicted = plan_view(plan)
            scores = score_document(gold, predicted, attributes)
            documents.append(DocumentResult(
                doc_id, subset, FORMAT_SUFFIXES[path.suffix], str(path), scores,
                _differences(gold, predicted), time.perf_counter() - started,
                signature=_signature(predicted)))
            if with_baseline and "agencies" in gold and FORMAT_SUFFIXES[path.suffix] in {
                    "text", "html"}:
                _add_baselines(baselines, path, gold["agencies"])
    return EvaluationResult(documents, dict(attributes), baselines)


def _add_baselines(baselines: dict[str, dict[str, FieldScore]], path: Path,
                   gold: list[dict]) -> None:
    from extractor import scoring_tasks  # it builds on this module

    for name, labels in scoring_tasks.BASELINES.items():
        canonical, mentions = scoring_tasks.score_agencies(
            gold, scoring_tasks.ner_agencies(path, labels))
        scores = baselines.setdefault(name, {"agencies": FieldScore(),
                                             "agency_mentions": FieldScore()})
        for field_name, score in (("agencies", canonical), ("agency_mentions", mentions)):
            scores[field_name].strict.add(score.strict)
            scores[field_name].lenient.add(score.lenient)


def _differences(gold: dict, predicted: dict) -> list[str]:
    out = []
    for name in SCALAR_FIELDS:
        expected, got = dig(gold, name), dig(predicted, name)
        score = score_scalar(name, expected, got)
        if score.strict.correct == 0 and (expected not in (None, "") or got not in (None, "")):
            out.append(f"{name}: gold {json.dumps(expected, ensure_ascii=False)} "
                       f"/ got {json.dumps(got, ensure_ascii=False)}")
    gold_keys = {citation_key(c) for c in gold.get("citations") or []}
    got_keys = {citation_key(c) for c in predicted.get("citations") or []}
    for key in sorted(gold_keys - got_keys):
        out.append(f"citation missing: {key[2:]}")
    for key in sorted(got_keys - gold_keys):
        out.append(f"citation spurious: {key[2:]}")
    gold_paths = Counter(s["path"] for s in gold.get("sections") or [])
    got_paths = Counter(s["path"] for s in predicted.get("sections") or [])
    if gold_paths != got_paths:
        missing = sorted((gold_paths - got_paths).elements())
        extra = sorted((got_paths - gold_paths).elements())
        out.append(f"sections: missing {missing} extra {extra}")
    return out


# ---------------------------------------------------------------- floors and reporting

def load_floors(path: Path = FLOORS_FILE, table: str = "strict_f1") -> dict[str, float]:
    """A table of ``floors.toml``: ``strict_f1`` per extraction field, or ``checks``."""
    if not path.exists():
        return {}
    with path.open("rb") as handle:
        return tomllib.load(handle).get(table, {})


def below_floors(result: EvaluationResult, floors: dict[str, float]) -> list[str]:
    totals = result.totals()
    return [
        f"{name}: strict F1 {totals[name].strict.f1:.3f} < floor {floor:.3f}"
        for name, floor in floors.items()
        if name in totals and totals[name].strict.f1 < floor
    ]


def consistency(result: EvaluationResult) -> dict[str, dict[str, bool]]:
    """Per plan: does each format give the same metadata and citations as its source (the
    text, the web page, or for a plan written in Word its DOCX)?"""
    by_doc: dict[str, dict[str, str]] = defaultdict(dict)
    for document in result.documents:
        if document.failure is None:
            by_doc[document.doc_id][document.format] = document.signature
    table: dict[str, dict[str, bool]] = {}
    for doc_id, signatures in by_doc.items():
        reference = signatures.get("text") or signatures.get("html") or signatures.get("docx")
        table[doc_id] = {fmt: sig == reference for fmt, sig in signatures.items()}
    return table


def _score_table(totals: dict[str, FieldScore]) -> list[str]:
    lines = ["| Field | Support | Strict P | Strict R | Strict F1 | Lenient P | Lenient R | "
             "Lenient F1 |", "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for name in SCALAR_FIELDS + LIST_FIELDS:
        if name not in totals:
            continue
        s, le = totals[name].strict, totals[name].lenient
        lines.append(f"| {name} | {s.support} | {s.precision:.3f} | {s.recall:.3f} | "
                     f"{s.f1:.3f} | {le.precision:.3f} | {le.recall:.3f} | {le.f1:.3f} |")
    return lines


NOT_EXTRACTION = frozenset({"archive.py", "batch.py", "store.py", "graph.py", "check", "cli.py",
                            "output.py", "render.py"})


def code_fingerprint() -> str:
    """A short hash of the extraction code and its data: the version a report describes.
    The archive, check and rendering modules do not change what is extracted; they are left
    out so that work on them does not stale the report."""
    root = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.suffix in {".py", ".toml", ".json"}
                       and p.relative_to(root).parts[0] not in NOT_EXTRACTION):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def _baseline_section(result: EvaluationResult) -> list[str]:
    if not result.baselines:
        return []
    ours = {fmt: result.totals(fmt) for fmt in ("text", "html")}
    lines = ["", "### Agencies against underthesea's built-in NER", "",
             "Same gold, same files (the text and HTML renderings), same scope (the title to the "
             "end of the body). The baseline's bodies are its entity texts; strict agencies also "
             "need the level, which NER does not give.", "",
             "| System | Agencies strict F1 | Agencies lenient F1 | Mentions F1 |",
             "|---|---:|---:|---:|"]
    own = {name: FieldScore() for name in ("agencies", "agency_mentions")}
    for totals in ours.values():
        for name in own:
            if name in totals:
                own[name].strict.add(totals[name].strict)
                own[name].lenient.add(totals[name].lenient)
    rows = [("kehoach agencies pass", own), *result.baselines.items()]
    for name, scores in rows:
        lines.append(f"| {name} | {scores['agencies'].strict.f1:.3f} | "
                     f"{scores['agencies'].lenient.f1:.3f} | "
                     f"{scores['agency_mentions'].lenient.f1:.3f} |")
    return lines


def write_report(result: EvaluationResult) -> str:
    docs = sorted({d.doc_id for d in result.documents})
    per_format = ", ".join(
        f"{fmt}: {sum(d.format == fmt for d in result.documents)}" for fmt in result.formats())
    lines = [
        "# Extraction quality", "",
        "Written by `kehoach evaluate`; do not edit by hand. Scores compare the output for every",
        "corpus file against `gold/` (see `gold/README.md` for the labelling guide and the top of",
        "`extractor/evaluation.py` for the counting scheme).", "",
        f"Extraction code fingerprint: `{code_fingerprint()}` (a hash of the extraction code "
        "in `extractor/`; the test suite checks that this report is current).", "",
        f"Documents: {len(docs)} plans, {len(result.documents)} files "
        f"({per_format}).",
        "", "## All formats", "",
    ]
    lines += _score_table(result.totals())
    lines += ["", "### Attributes of matched items", "",
              "Accuracy of each attribute on citations matched by number, targets matched "
              "strictly (value, unit, milestone) and reporting duties matched by text.", "",
              "| Attribute | Accuracy | Matched |", "|---|---:|---:|"]
    names = CITATION_ATTRIBUTES + [f"target.{name}" for name in TARGET_ATTRIBUTES] + [
        f"reporting.{name}" for name in REPORTING_ATTRIBUTES]
    for name in names:
        accuracy = result.attributes.get(name, AttributeAccuracy())
        lines.append(f"| {name} | {accuracy.accuracy:.3f} | {accuracy.total} |")
    lines += _baseline_section(result)
    for subset in sorted({d.set for d in result.documents}):
        plans = sorted({d.doc_id for d in result.documents if d.set == subset})
        lines += ["", f"## Set: {subset} ({len(plans)} plans)", "", SET_NOTES.get(subset, ""), ""]
        lines += _score_table(result.totals(subset=subset))
    for fmt in result.formats():
        lines += ["", f"## Format: {fmt}", ""]
        lines += _score_table(result.totals(fmt))
    lines += ["", "## Same plan, every format", "",
              "Does each rendering give the same metadata, citations, parent, targets, time "
              "expressions, agencies (names and mention counts) and tasks (bodies and "
              "timeframes) as the plan's source (its text, its web page, or the DOCX of a "
              "plan written in Word)?", "",
              "| Plan | " + " | ".join(result.formats()) + " |",
              "|---|" + "---|" * len(result.formats())]
    for doc_id, row in sorted(consistency(result).items()):
        cells = ["same" if row.get(fmt) else ("differs" if fmt in row else "-")
                 for fmt in result.formats()]
        lines.append(f"| {doc_id} | " + " | ".join(cells) + " |")
    failures = [d for d in result.documents if d.failure]
    if failures:
        lines += ["", "## Files that could not be read", ""]
        lines += [f"- `{d.path}`: {d.failure}" for d in failures]
    lines += ["", "## Differences from gold (strict)", ""]
    for document in result.documents:
        if document.errors:
            lines.append(f"- `{document.path}`")
            lines += [f"  - {error}" for error in document.errors]
    lines += ["", "## Consistency checks", "",
              "`kehoach check` is scored against `gold/checks/` in `evaluation/checks.md`, "
              "written by the same command.", ""]
    floors = load_floors()
    if floors:
        lines += ["", "## Floors", "", "The test suite fails if a field's strict F1 (all formats)",
                  "drops below its floor in `evaluation/floors.toml`.", ""]
        problems = below_floors(result, floors)
        lines += [f"- BELOW: {problem}" for problem in problems] or ["All fields at or above."]
    return "\n".join(lines) + "\n"


def print_summary(result: EvaluationResult, console: Console) -> None:
    table = Table(title="Extraction quality (all formats)")
    for column in ("Field", "Support", "Strict F1", "Lenient F1"):
        table.add_column(column, justify="right" if column != "Field" else "left")
    totals = result.totals()
    for name in SCALAR_FIELDS + LIST_FIELDS:
        if name in totals:
            score = totals[name]
            table.add_row(name, str(score.strict.support), f"{score.strict.f1:.3f}",
                          f"{score.lenient.f1:.3f}")
    console.print(table)
    failures = [d for d in result.documents if d.failure]
    for document in failures:
        console.print(f"[red]could not read[/red] {escape(document.failure or '')}")
