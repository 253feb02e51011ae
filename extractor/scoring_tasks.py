"""Scoring of agencies, tasks, roles and task timeframes against gold, and the NER baseline.

- agencies (canonical): a gold body matches a predicted one when any of its names or aliases,
  abbreviations expanded and case, tone style and spacing folded, is one of the other's.
  Strict also wants the same level and the same collective flag.
- agency_mentions: per matched body, min(gold count, predicted count) are correct, the rest
  missing or spurious; an unmatched body's mentions are all missing or all spurious.
- tasks: a task matches when its description shares at least half its words with the gold
  task's (the span-overlap test, done on words so that every format is scored alike). Strict
  also wants the same bodies doing the work (lead, responsible, advising or requested).
- roles: the (body, role) pairs of matched tasks; an unmatched task's pairs are missing or
  spurious. Lenient counts the body whatever its role.
- task_timeframes: on matched tasks, the normalised timeframe (strict) or its presence
  (lenient).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from functools import lru_cache

import regex

from extractor.evaluation import FieldScore, match_counts, same_when, text_overlap
from extractor.model import Plan
from extractor.normalize import normalize
from extractor.read import DEFAULT_MAX_BYTES, read_source
from extractor.rules.agencies import full_name, scope
from extractor.rules.vocabulary import match_key
from extractor.structure import analyse

DOER_ROLES = {"lead", "responsible", "advising", "requested"}
BASELINES = {
    "underthesea NER (ORG)": frozenset({"ORG"}),
    "underthesea NER (ORG + LOC)": frozenset({"ORG", "LOC"}),
}


def agency_view(plan: Plan) -> list[dict]:
    return [{"name": a.name, "aliases": a.aliases, "level": a.level, "locality": a.locality,
             "kind": a.kind, "collective": a.collective, "mentions": len(a.mentions)}
            for a in plan.agencies]


def task_view(plan: Plan) -> list[dict]:
    paths = {section.id: section.path for section in plan.sections}
    return [{"text": t.description, "section": paths.get(t.section or ""),
             "agencies": [{"name": a.name, "role": a.role} for a in t.assignments],
             "timeframe": t.timeframe.model_dump(mode="json", exclude_none=True)
             if t.timeframe else None,
             "deliverable": t.deliverable} for t in plan.tasks]


@lru_cache(maxsize=8192)
def agency_key(name: str) -> str:
    key = match_key(full_name(name)).replace("–", "-").replace(" - ", "-")
    return key.removeprefix("đề nghị ").strip(" .,;:")


def same_agency(gold: str, predicted: str) -> bool:
    """The same body, named alike: equal keys, or one name the other plus its unit/place."""
    g, p = agency_key(gold), agency_key(predicted)
    if g == p:
        return True
    shorter, longer = sorted((g, p), key=len)
    return len(shorter) >= 6 and longer.startswith(shorter + " ")


def _names(entry: dict) -> list[str]:
    return [entry["name"], *entry.get("aliases", [])]


def _pair(gold: list, predicted: list, match: Callable[[object, object], bool]) -> dict[int, int]:
    """Greedy one-to-one pairing, in gold order."""
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    for g_index, item in enumerate(gold):
        for p_index, other in enumerate(predicted):
            if p_index not in taken and match(item, other):
                pairs[g_index] = p_index
                taken.add(p_index)
                break
    return pairs


def score_agencies(gold: list[dict], predicted: list[dict]):
    """(canonical FieldScore, mentions FieldScore)."""
    canonical, mentions = FieldScore(), FieldScore()

    def match(g: dict, p: dict) -> bool:
        return any(agency_key(a) == agency_key(b) for a in _names(g) for b in _names(p))

    pairs = _pair(gold, predicted, match)
    for counts in (canonical.lenient, canonical.strict):
        counts.missing += len(gold) - len(pairs)
        counts.spurious += len(predicted) - len(pairs)
    for g_index, p_index in pairs.items():
        g, p = gold[g_index], predicted[p_index]
        canonical.lenient.correct += 1
        if g.get("level") == p.get("level") and bool(g.get("collective")) == bool(
                p.get("collective")):
            canonical.strict.correct += 1
        else:
            canonical.strict.incorrect += 1
    for counts in (mentions.lenient, mentions.strict):
        for g_index, g in enumerate(gold):
            wanted = int(g.get("mentions") or 0)
            got = int(predicted[pairs[g_index]].get("mentions") or 0) if g_index in pairs else 0
            counts.correct += min(wanted, got)
            counts.missing += max(0, wanted - got)
            counts.spurious += max(0, got - wanted)
        matched = set(pairs.values())
        counts.spurious += sum(int(p.get("mentions") or 0) for i, p in enumerate(predicted)
                               if i not in matched)
    return canonical, mentions


def _doers(task: dict) -> list[str]:
    return [a["name"] for a in task.get("agencies") or [] if a.get("role") in DOER_ROLES]


def _same_names(gold: list[str], predicted: list[str]) -> bool:
    if len(gold) != len(predicted):
        return False
    remaining = list(predicted)
    for name in gold:
        found = next((p for p in remaining if same_agency(name, p)), None)
        if found is None:
            return False
        remaining.remove(found)
    return True


def pair_tasks(gold: list[dict], predicted: list[dict]) -> dict[int, int]:
    """Each gold task with its best predicted task sharing at least half its words."""
    pairs: dict[int, int] = {}
    candidates = sorted(
        ((text_overlap(g.get("text", ""), p.get("text", "")), gi, pi)
         for gi, g in enumerate(gold) for pi, p in enumerate(predicted)),
        reverse=True)
    used_gold: set[int] = set()
    used_predicted: set[int] = set()
    for overlap, gi, pi in candidates:
        if overlap < 0.5:
            break
        if gi in used_gold or pi in used_predicted:
            continue
        pairs[gi] = pi
        used_gold.add(gi)
        used_predicted.add(pi)
    return pairs


def score_tasks(gold: list[dict], predicted: list[dict]):
    """(tasks, roles, task_timeframes) FieldScores."""
    tasks, roles, timeframes = FieldScore(), FieldScore(), FieldScore()
    pairs = pair_tasks(gold, predicted)
    matched_predicted = set(pairs.values())
    for counts in (tasks.lenient, tasks.strict):
        counts.missing += len(gold) - len(pairs)
        counts.spurious += len(predicted) - len(pairs)
    for gi, g in enumerate(gold):
        g_pairs = [(a["name"], a["role"]) for a in g.get("agencies") or []]
        if gi not in pairs:
            roles.strict.missing += len(g_pairs)
            roles.lenient.missing += len(g_pairs)
            continue
        p = predicted[pairs[gi]]
        tasks.lenient.correct += 1
        if _same_names(_doers(g), _doers(p)):
            tasks.strict.correct += 1
        else:
            tasks.strict.incorrect += 1
        p_pairs = [(a["name"], a["role"]) for a in p.get("agencies") or []]
        roles.strict.add(match_counts(
            g_pairs, p_pairs, lambda g, q: same_agency(g[0], q[0]) and g[1] == q[1]))
        roles.lenient.add(match_counts(g_pairs, p_pairs, lambda g, q: same_agency(g[0], q[0])))
        wanted, got = g.get("timeframe"), p.get("timeframe")
        for counts, same in ((timeframes.strict, same_when(wanted, got)),
                             (timeframes.lenient, bool(wanted) == bool(got))):
            if wanted and got:
                counts.correct += same
                counts.incorrect += not same
            elif wanted:
                counts.missing += 1
            elif got:
                counts.spurious += 1
    for pi, p in enumerate(predicted):
        if pi not in matched_predicted:
            roles.strict.spurious += len(p.get("agencies") or [])
            roles.lenient.spurious += len(p.get("agencies") or [])
    return tasks, roles, timeframes


# ---------------------------------------------------------------- the NER baseline

def ner_agencies(path, labels: frozenset[str]) -> list[dict]:
    """underthesea's built-in NER over the same stretches our pass reads (title to the end of
    the body): each distinct entity text of the given labels is a body, each occurrence a
    mention."""
    from underthesea import ner


    norm = normalize(read_source(path, DEFAULT_MAX_BYTES)[0])
    counts: Counter[str] = Counter()
    first: dict[str, str] = {}
    for start, end in scope(norm, analyse(norm)):
        for paragraph in regex.split(r"[\n\t]", norm.text[start:end]):
            if not paragraph.strip():
                continue
            for entity in _entities(ner(paragraph), labels):
                key = match_key(entity)
                counts[key] += 1
                first.setdefault(key, entity)
    return [{"name": first[key], "aliases": [], "level": None, "collective": False,
             "mentions": count} for key, count in counts.items()]


def _entities(tagged: list[tuple], labels: frozenset[str]) -> list[str]:
    entities: list[list[str]] = []
    inside = False
    for token in tagged:
        word, tag = token[0], token[-1]
        if tag.startswith("B-") and tag[2:] in labels:
            entities.append([word])
            inside = True
        elif tag.startswith("I-") and tag[2:] in labels and inside:
            entities[-1].append(word)
        else:
            inside = False
    return [" ".join(words) for words in entities]
