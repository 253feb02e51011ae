"""Checks of a local plan against the parent plan it implements."""

from __future__ import annotations

import math
from collections import Counter
from functools import cache
from itertools import pairwise

import regex
from rapidfuzz import fuzz

from extractor.check.findings import finding, lexicon
from extractor.check.within import describe, reduction
from extractor.graph import number_key
from extractor.model import Agency, Finding, Plan, Target, Task, TimeExpression
from extractor.rules.vocabulary import match_key, units

ADDRESSABLE_KINDS = {"state", "front", "mass_organisation"}
TIER_ORDER = {"xa": 0, "huyen": 1, "tinh": 2, "trung_uong": 3}


def check_against_parent(local: Plan, parent: Plan) -> list[Finding]:
    found = citation_of_parent(local, parent)
    found += programme_and_period(local, parent)
    found += targets(local, parent)
    found += tasks(local, parent)
    found += reporting(local, parent)
    return found


def _numbers(plan: Plan) -> set[tuple[str, str]]:
    numbers = {plan.document.number}
    if plan.document.enacted_by:
        numbers.add(plan.document.enacted_by.number)
    return {number_key(n) for n in numbers if n and "/" in n}


def _label(plan: Plan) -> str:
    document = plan.document
    number = document.number or (document.enacted_by.number if document.enacted_by else None)
    date = document.issue_date or (document.enacted_by.issue_date if document.enacted_by
                                   else None)
    return " ".join(filter(None, [number, date and f"({date})"])) or plan.source.path


def citation_of_parent(local: Plan, parent: Plan) -> list[Finding]:
    numbers = _numbers(parent)
    dates = {parent.document.issue_date}
    if parent.document.enacted_by:
        dates.add(parent.document.enacted_by.issue_date)
    cited = [c for c in local.citations if c.number and number_key(c.number) in numbers]
    if cited:
        if any(c.date is None or c.date in dates for c in cited):
            return []
        wrong = cited[0]
        return [finding("PARENT_CITATION_WRONG", local, wrong.span, parent,
                        cited=f"{wrong.number} ({wrong.date})", parent=_label(parent))]
    meant = local.parent
    if meant is not None and meant.relation == "implements":
        return [finding("PARENT_CITATION_WRONG", local, meant.span, parent,
                        cited=" ".join(filter(None, [meant.number, meant.date and
                                                     f"({meant.date})"])),
                        parent=_label(parent))]
    return [finding("PARENT_NOT_CITED", local, None, parent, parent=_label(parent))]


def programme_and_period(local: Plan, parent: Plan) -> list[Finding]:
    found = []
    mine, theirs = local.document.programme, parent.document.programme
    if mine and theirs and mine.name and theirs.name and \
            fuzz.token_set_ratio(match_key(mine.name), match_key(theirs.name)) < 80:
        found.append(finding("PROGRAMME_MISMATCH", local, mine.span, parent, theirs.span,
                             local=mine.name, parent=theirs.name))
    period_mine = mine.period if mine else None
    period_theirs = theirs.period if theirs else None
    if period_mine and period_theirs and not _within(period_mine, period_theirs):
        found.append(finding("PERIOD_MISMATCH", local, mine.span, parent, theirs.span,
                             local=f"{period_mine.start}-{period_mine.end}",
                             parent=f"{period_theirs.start}-{period_theirs.end}"))
    return found


def _within(inner, outer) -> bool:
    """An annual or shorter plan inside the parent's period agrees with it."""
    years = [inner.start, inner.end, outer.start, outer.end]
    if not all(year and year.isdigit() for year in years):
        return True
    return int(outer.start) <= int(inner.start) <= int(inner.end) <= int(outer.end)


def similarity(left: Target, right: Target) -> float:
    a, b = set(left.indicator_key.split()), set(right.indicator_key.split())
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def applies_to_local(target: Target, parent: Plan) -> bool:
    """A parent target about its own bodies ("cơ quan chuyên môn thuộc UBND thị xã") is not
    the local plan's to carry."""
    text = match_key(" ".join(filter(None, [target.subject, target.text])))
    tier = parent.document.issuer.level if parent.document.issuer else None
    markers = lexicon()["own_level_markers"].get(tier or "", []) + \
        lexicon()["own_level_markers"]["any"]
    for unit in units():
        if unit.tier == tier:
            markers += [f"cấp {unit.word}", f"cơ quan, đơn vị {unit.word}"]
    return not any(match_key(marker) in text for marker in markers)


def targets(local: Plan, parent: Plan) -> list[Finding]:
    found = []
    threshold = lexicon()["target_similarity"]
    matched_local: set[str] = set()
    for wanted in parent.targets:
        if wanted.kind != "quantitative" or wanted.value is None or \
                not applies_to_local(wanted, parent):
            continue
        # A qualitative local target ("duy trì đạt chuẩn ...") carries a parent's figure over
        # without a value to compare.
        candidates = [(similarity(wanted, mine), mine) for mine in local.targets
                      if mine.value is None or mine.unit == wanted.unit]
        candidates = [(score, mine) for score, mine in candidates if score >= threshold]
        if not candidates:
            found.append(finding("TARGET_MISSING", local, None, parent, wanted.span,
                                 parent=describe(wanted) + " " + _target_words(wanted)))
            continue
        best_score = max(score for score, _ in candidates)
        close = [mine for score, mine in candidates if score >= best_score - 0.05]
        matched_local.update(mine.id for mine in close)
        same_year = [m for m in close if m.milestone_year == wanted.milestone_year
                     and m.value is not None]
        if same_year:
            mine = max(same_year, key=lambda m: similarity(wanted, m))
            weaker = mine.value > wanted.value if reduction(wanted) else mine.value < wanted.value
            if weaker:
                found.append(finding("TARGET_WEAKER", local, mine.span, parent, wanted.span,
                                     local=describe(mine), parent=describe(wanted)))
            continue
        dated = [m for m in close if m.milestone_year]
        if dated and wanted.milestone_year and \
                min(m.milestone_year for m in dated) > wanted.milestone_year and \
                not any(m.milestone_year == wanted.milestone_year for m in local.targets):
            mine = min(dated, key=lambda m: m.milestone_year)
            found.append(finding("TARGET_LATER", local, mine.span, parent, wanted.span,
                                 local=describe(mine), parent=describe(wanted)))
    for mine in local.targets:
        if mine.value is not None and mine.id not in matched_local:
            found.append(finding("TARGET_EXTRA", local, mine.span,
                                 local=describe(mine) + " " + _target_words(mine)))
    return found


def _target_words(target: Target) -> str:
    words = " ".join(filter(None, [target.subject, target.indicator]))
    return words[:100]


def local_level_agencies(parent: Plan, local: Plan) -> set[str]:
    """The parent's bodies that stand for the local level ("UBND các xã, phường")."""
    tier = local.document.locality.tier if local.document.locality else None
    return {agency.id for agency in parent.agencies
            if agency.collective and agency.level == tier and agency.kind == "state"}


def tasks_for_local(local: Plan, parent: Plan) -> list[Task]:
    ours = local_level_agencies(parent, local)
    return [task for task in parent.tasks
            if any(a.agency in ours and a.role != "cooperating" for a in task.assignments)]


def _terms(text: str) -> list[str]:
    words = regex.findall(r"[\p{L}\d]+", match_key(text))
    return words + [f"{a} {b}" for a, b in pairwise(words)]


class TaskMatcher:
    """Parent tasks against local tasks by TF-IDF cosine over words and word pairs: the words
    both plans use everywhere ("mô hình học tập") weigh little, the specific ones decide."""

    def __init__(self, local: Plan, parent: Plan):
        self.local = local.tasks
        documents = [Counter(_terms(task.description)) for task in (*local.tasks,
                                                                     *parent.tasks)]
        frequency = Counter(term for document in documents for term in document)
        total = len(documents) or 1
        self.idf = {term: math.log((1 + total) / (1 + count)) + 1
                    for term, count in frequency.items()}
        self.vectors = [self._vector(task.description) for task in local.tasks]

    def _vector(self, text: str) -> dict[str, float]:
        counts = Counter(_terms(text))
        vector = {term: count * self.idf.get(term, 1.0) for term, count in counts.items()}
        norm = math.sqrt(sum(value * value for value in vector.values())) or 1.0
        return {term: value / norm for term, value in vector.items()}

    def best(self, wanted: Task) -> Task | None:
        target = self._vector(wanted.description)
        best, best_score = None, 0.0
        for task, vector in zip(self.local, self.vectors, strict=True):
            score = sum(value * vector.get(term, 0.0) for term, value in target.items())
            if score > best_score:
                best, best_score = task, score
        return best if best_score >= lexicon()["task_similarity"] else None


def _task_key(text: str) -> str:
    return match_key(regex.sub(r"[^\p{L}\d ]+", " ", text))


def _is_plan_making(task: Task) -> bool:
    key = _task_key(task.description)
    return any(match_key(words) in key for words in lexicon()["plan_making_words"])


def tasks(local: Plan, parent: Plan) -> list[Finding]:
    found = []
    matcher = TaskMatcher(local, parent)
    for wanted in tasks_for_local(local, parent):
        if _is_plan_making(wanted):
            found += _plan_deadline(local, parent, wanted)
            continue
        mine = matcher.best(wanted)
        if mine is None:
            found.append(finding("TASK_MISSING", local, None, parent, wanted.span,
                                 parent=wanted.description[:120]))
            continue
        later = _later(mine.timeframe, wanted.timeframe)
        if later:
            found.append(finding("DEADLINE_LATER", local, mine.timeframe.span or mine.span,
                                 parent, wanted.timeframe.span or wanted.span,
                                 local=mine.timeframe.text, parent=wanted.timeframe.text))
    return found


def _plan_deadline(local: Plan, parent: Plan, wanted: Task) -> list[Finding]:
    """The local plan is itself the plan the parent asks for: it must be issued in time."""
    deadline = wanted.timeframe.end if wanted.timeframe else None
    issued = local.document.issue_date
    if deadline and issued and len(issued) == 10 and issued > deadline:
        evidence = local.document.evidence.get("issue_date")
        return [finding("DEADLINE_LATER", local, evidence.span if evidence else None, parent,
                        wanted.timeframe.span or wanted.span, local=issued,
                        parent=wanted.timeframe.text)]
    return []


def _deadline(expression: TimeExpression | None):
    """A comparable deadline: an ISO date, or (month, day) of a yearly one."""
    if expression is None:
        return None
    if expression.rrule and "FREQ=YEARLY" in expression.rrule:
        parts = dict(part.split("=") for part in expression.rrule.split(";"))
        if "BYMONTH" in parts and "BYMONTHDAY" in parts:
            return ("yearly", max(int(m) for m in parts["BYMONTH"].split(",")),
                    max(int(d) for d in parts["BYMONTHDAY"].split(",")))
        return None
    if expression.end and len(expression.end) == 10:
        return ("date", expression.end)
    return None


def _later(mine: TimeExpression | None, theirs: TimeExpression | None,
           or_equal: bool = False) -> bool:
    a, b = _deadline(mine), _deadline(theirs)
    if a is None or b is None or a[0] != b[0]:
        return False
    return a[1:] >= b[1:] if or_equal else a[1:] > b[1:]


def reporting(local: Plan, parent: Plan) -> list[Finding]:
    """A local report upward must be due before the parent must report (and no later than
    the parent asks)."""
    tier = local.document.locality.tier if local.document.locality else None
    parent_name = parent.document.locality.name if parent.document.locality else None
    asked = [duty for duty in parent.reporting if duty.when and _of_tier(duty.reporter, tier)]
    own = [duty for duty in parent.reporting if duty.when and not _of_tier(duty.reporter, tier)
           and duty not in asked]
    found = []
    for duty in local.reporting:
        if duty.when is None or not _to_parent(duty.recipient, parent, parent_name):
            continue
        for theirs, or_equal in [(d, False) for d in asked] + [(d, True) for d in own]:
            if _later(duty.when, theirs.when, or_equal):
                found.append(finding("REPORT_DEADLINE_LATER", local, duty.when.span or duty.span,
                                     parent, theirs.when.span or theirs.span,
                                     local=duty.when.text, parent=theirs.when.text))
                break
    return found


def _of_tier(body: str | None, tier: str | None) -> bool:
    if not body or not tier:
        return False
    key = match_key(body)
    return any(match_key(word) in key for word in lexicon()["collective_of_tier"][tier])


def _to_parent(recipient: str | None, parent: Plan, parent_name: str | None) -> bool:
    if not recipient:
        return False
    key = match_key(recipient)
    if parent_name and match_key(parent_name) in key:
        return True
    level = parent.document.locality.level if parent.document.locality else None
    return any(unit.level == level and match_key(unit.word) in key for unit in units())


def foreign_localities(local: Plan, parent: Plan | None) -> list[Finding]:
    """'trên địa bàn thị xã' in a commune's plan: the parent's unit where the plan means its
    own. Citations (which quote the parent's title) are not looked at."""
    locality = local.document.locality
    if locality is None or locality.tier is None or not local.text:
        return []
    own_name = match_key(locality.name or "")
    parent_name = ""
    if parent is not None and parent.document.locality:
        parent_name = match_key(parent.document.locality.name or "")
    body_start = local.sections[0].span[0] if local.sections and local.sections[0].span else 0
    quoted = [mention.span for citation in local.citations for mention in citation.mentions]
    quoted += [citation.span for citation in local.citations if citation.span]
    found = []
    for match in _locality_phrases().finditer(local.text, body_start):
        unit, name = match.group("unit"), match.group("name")
        level = _unit_tiers().get(match_key(unit))
        if level is None or TIER_ORDER[level] <= TIER_ORDER[locality.tier]:
            continue
        # A named place is the parent's only when it is the parent's name: "các xã trên địa
        # bàn huyện X" may be context, so a name is flagged only when the parent is known.
        if name and (not parent_name or match_key(name) != parent_name or
                     match_key(name) == own_name):
            continue
        span = (match.start("where"), match.end())
        if any(start <= span[0] < end for start, end in quoted):
            continue
        found.append(finding("FOREIGN_LOCALITY", local, span, own=local.document.locality.name,
                             text=local.text[span[0]:span[1]]))
    return found


@cache
def _unit_tiers() -> dict[str, str]:
    """Administrative unit words ("thị xã") and the tier they name, from the vocabulary."""
    return {match_key(unit.word): unit.tier for unit in units()}


@cache
def _locality_phrases() -> regex.Pattern[str]:
    words = "|".join(regex.escape(word) for word in
                     sorted(_unit_tiers(), key=len, reverse=True))
    return regex.compile(
        rf"(?P<where>(?i:trên\s+địa\s+bàn|trong\s+toàn|toàn))\s+(?P<unit>(?i:{words}))"
        r"(?:\s+(?P<name>\p{Lu}[\p{L}]*(?:\s+\p{Lu}[\p{L}]*)*))?(?![\p{L}])")


def foreign_bodies(local: Plan) -> list[Finding]:
    """Work addressed to a body of a higher level than the plan's own (a ward plan giving a
    duty, or a request, to the district's bodies), or of another locality at the same level.
    Cooperation with them is normal and is not reported."""
    locality = local.document.locality
    if locality is None or locality.tier is None:
        return []
    by_id = {agency.id: agency for agency in local.agencies}
    found, reported = [], set()
    for task in local.tasks:
        for assignment in task.assignments:
            agency = by_id.get(assignment.agency or "")
            if agency is None or agency.id in reported or assignment.role == "cooperating":
                continue
            if _foreign(agency, locality.tier, locality.name):
                reported.add(agency.id)
                found.append(finding("FOREIGN_BODY", local, assignment.span,
                                     own=locality.name, body=assignment.name))
    return found


def _foreign(agency: Agency, tier: str, own_name: str | None) -> bool:
    if agency.kind not in ADDRESSABLE_KINDS or agency.collective or agency.level is None:
        return False
    if TIER_ORDER[agency.level] > TIER_ORDER[tier]:
        return agency.level != "trung_uong"
    return bool(agency.level == tier and agency.locality and own_name
                and match_key(agency.locality) != match_key(own_name))
