"""Checks of a local plan against the parent plan it implements."""

from __future__ import annotations

import calendar
import math
from collections import Counter
from functools import cache, lru_cache
from itertools import pairwise

import regex
from rapidfuzz import fuzz

from extractor.check.findings import clip, finding, lexicon
from extractor.check.within import FUNDING_HEADING, describe, plan_period, weaker
from extractor.graph import (
    MIN_ISSUER,
    issuer_key,
    issuer_score,
    issuer_words,
    number_key,
    number_score,
)
from extractor.model import Agency, Citation, Finding, Plan, Span, Target, Task, TimeExpression
from extractor.rules.targets import indicator_key
from extractor.rules.timex import find_time_expressions
from extractor.rules.vocabulary import UNIT_WORDS, match_key, units

ADDRESSABLE_KINDS = {"state", "front", "mass_organisation"}
TIER_ORDER = {"xa": 0, "huyen": 1, "tinh": 2, "trung_uong": 3}
TIER_BELOW = {"tinh": "huyen", "huyen": "xa"}
LEVELS = ["trung uong", "tinh", "huyen", "xa"]
LEVEL_RANGE = regex.compile(r"(?<!\p{L})từ\s+(?:cấp\s+)?(?P<top>trung ương|tỉnh)\s+đến\s+"
                            r"(?:cấp\s+)?(?P<bottom>tỉnh|huyện|xã)(?!\p{L})")
# "do" (by) before a named body; sentence-initial "Do" is "because".
OTHERS_WORK = regex.compile(
    r"\bdo\s+(?P<by>[\p{Lu}][^.;,()\n]{0,80}?)\s+"
    r"(?i:tổ chức|hướng dẫn|ban hành|triển khai)\b"
    r"|\b(?i:theo\s+hướng\s+dẫn\s+của)\s+(?P<by>[\p{Lu}][^.;,()\n]{0,60})")
LIST_MARKER = regex.compile(r"^[\s+\-•*]*(?:(?:[a-zđ]|\d{1,2}|[IVX]{1,4})[.)]\s*)?")
PASSED_ON = regex.compile(r"(?i)báo\s+cáo\s+(?:về\s+|lên\s+)?([^.;,]{3,60})")
FUNDING_TASK = regex.compile(
    r"(?i)^\W*(?:cân đối,?\s*)?(?:bố trí|phân bổ|cân đối|đảm bảo|bảo đảm)\s+(?:\p{L}+\s+){0,2}"
    r"(?:ngân sách|kinh phí)")
REPORT_TASK = regex.compile(
    r"(?i)^\W*(?:(?:định kỳ|tổng hợp|thực hiện)[^.;:]{0,30}?\s)?(?:chế độ\s+)?báo cáo\b")


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


def _number_span(plan: Plan) -> Span | None:
    """Where the plan states its own number (the "Số:" line)."""
    evidence = plan.document.evidence
    for key in ("header_number", "number", "enacted_by.number"):
        if key in evidence and evidence[key].span:
            return evidence[key].span
    return None


def citation_of_parent(local: Plan, parent: Plan) -> list[Finding]:
    numbers = _numbers(parent)
    dates = {parent.document.issue_date}
    if parent.document.enacted_by:
        dates.add(parent.document.enacted_by.issue_date)
    dates.discard(None)
    stated = _number_span(parent)
    cited = [c for c in local.citations if c.number and number_key(c.number) in numbers]
    if cited:
        if any(c.date is None or c.date in dates for c in cited):
            return []
        return [_wrong_citation(local, parent, cited[0], stated)]
    # A mistyped number ("5056" for "5506") with the parent's date and issuer still means the
    # parent; a sibling plan of the same day by another body does not.
    issuer = parent.document.issuer.name if parent.document.issuer else None
    near = [c for c in local.citations if numbers and c.number and c.date in dates and
            max(number_score(number_key(c.number), number) for number in numbers) >= 0.75 and
            _same_issuer(c.issuer, issuer)]
    if near:
        return [_wrong_citation(local, parent, near[0], stated)]
    meant = local.parent
    if meant is not None and meant.relation == "implements":
        return [_wrong_citation(local, parent, meant, stated)]
    return [finding("PARENT_NOT_CITED", local, None, parent, stated, parent=_label(parent))]


def _same_issuer(cited: str | None, issuer: str | None) -> bool:
    """The cited issuer does not contradict the parent's: "UBND Thành phố" for "Ủy ban nhân dân
    thành phố Hồ Chí Minh" agrees, "Sở Giáo dục và Đào tạo" does not."""
    words = set(issuer_words(cited))
    if not words or not issuer:
        return True
    return words <= set(issuer_words(issuer)) or \
        issuer_score(cited, issuer_key(issuer)) >= MIN_ISSUER


def _wrong_citation(local: Plan, parent: Plan, citation: Citation,
                    stated: Span | None) -> Finding:
    return finding("PARENT_CITATION_WRONG", local, citation.span, parent, stated,
                   cited=" ".join(filter(None, [citation.number,
                                                citation.date and f"({citation.date})"])),
                   parent=_label(parent))


def programme_and_period(local: Plan, parent: Plan) -> list[Finding]:
    found = []
    mine, theirs = local.document.programme, parent.document.programme
    if mine and theirs and mine.name and theirs.name and \
            fuzz.token_set_ratio(match_key(mine.name), match_key(theirs.name)) < 80:
        found.append(finding("PROGRAMME_MISMATCH", local, mine.span, parent, theirs.span,
                             local=mine.name, parent=theirs.name))
    period_mine = mine.period if mine else None
    period_theirs = theirs.period if theirs else None
    # A named programme's period is the programme's and must be the parent's; a plan's own
    # period (an annual plan, "năm 2018") must lie within it.
    named = bool(mine and mine.name and theirs and theirs.name and
                 _period_in_name(local, mine))
    if period_mine and period_theirs and (
            not _within(period_mine, period_theirs) or
            (named and _span_of_years(period_mine) and period_mine != period_theirs)):
        found.append(finding("PERIOD_MISMATCH", local, mine.span, parent, theirs.span,
                             local=f"{period_mine.start}-{period_mine.end}",
                             parent=f"{period_theirs.start}-{period_theirs.end}"))
    return found


def _period_in_name(plan: Plan, programme) -> bool:
    """Whether the period is inside the programme's quoted name (Đề án “... giai đoạn
    2012-2020”), not the plan's own phase after it (Đề án “...” giai đoạn 2021-2025)."""
    if programme.span is None or not plan.text:
        return True
    words = plan.text[programme.span[0]:programme.span[1]]
    return not regex.search(r"[”\"»]\s*(?:giai\s+đoạn|năm|đến)", words)


def _span_of_years(period) -> bool:
    return bool(period.start and period.end and period.start != period.end)


def _within(inner, outer) -> bool:
    """An annual or shorter plan inside the parent's period agrees with it."""
    years = [inner.start, inner.end, outer.start, outer.end]
    if not all(year and year.isdigit() for year in years):
        return True
    return int(outer.start) <= int(inner.start) <= int(inner.end) <= int(outer.end)


def similarity(left: Target, right: Target, local_tier: str | None = None) -> float:
    """Jaccard overlap of the indicator keys; indicators that differ in what they count (an
    age range, the tier of the units, a quoted title) are different indicators. With
    ``local_tier``, ``left`` is a parent's target and ``right`` a local one: a parent's 100%
    over the units of the local tier ("100% tỉnh, thành phố ...", in a province's plan) is
    re-counted by the local plan over its own units ("100% các huyện, thành phố ...")."""
    a, b = _key_words(left.indicator_key), _key_words(right.indicator_key)
    if not a or not b:
        return 0.0
    (numbers, tiers, titles), (their_numbers, their_tiers, their_titles) = \
        _scope(left.subject, left.indicator), _scope(right.subject, right.indicator)
    if local_tier and tiers == {local_tier} and local_tier in TIER_BELOW and \
            left.value == 100 and left.unit == "%":
        tiers = frozenset({local_tier, TIER_BELOW[local_tier]})
    if (numbers and their_numbers and numbers != their_numbers) or \
            (titles and their_titles and titles != their_titles) or \
            (tiers and their_tiers and not their_tiers <= tiers):
        return 0.0
    # One side's words all in the other's: the same indicator, with a group heading ("Đối với
    # cán bộ lãnh đạo ...") folded into one plan's key and not the other's. Or one side's head
    # clause all in the other's: the same indicator, each plan qualifying it in its own words
    # ("100% được đào tạo đáp ứng tiêu chuẩn quy định, được trang bị ..." against "..., đảm bảo
    # sau khi được đào tạo ...").
    enough = lexicon()["contained_key_words"]
    smaller = min(a, b, key=len)
    if (len(smaller) >= enough and smaller <= a & b) or any(
            len(head) >= enough and head <= other
            for head, other in ((_head_words(left), b), (_head_words(right), a))):
        return max(len(a & b) / len(a | b), lexicon()["target_similarity"])
    return len(a & b) / len(a | b)


def _head_words(target: Target) -> frozenset[str]:
    return _head_key_words(target.subject, target.indicator)


@lru_cache(maxsize=4096)
def _head_key_words(subject: str | None, indicator: str | None) -> frozenset[str]:
    """The key words of a target's subject and the first clause of its indicator."""
    head = regex.split(r"[,;]", indicator or "", maxsplit=1)[0]
    return _key_words(indicator_key(subject, head))


def _key_words(key: str) -> frozenset[str]:
    """An indicator key's words, one spelling for variants ("hàng năm" is "hằng năm")."""
    return frozenset(_spelled(key).split())


@cache
def _spellings() -> tuple[regex.Pattern[str], dict[str, str]]:
    usual = {match_key(word): match_key(form) for word, form in lexicon()["spellings"].items()}
    words = sorted(usual, key=len, reverse=True)
    pattern = regex.compile(rf"(?<!\p{{L}})(?:{'|'.join(map(regex.escape, words))})(?!\p{{L}})")
    return pattern, usual


def _spelled(key: str) -> str:
    """``key`` (in ``match_key`` form) with each word of ``spellings`` written one way."""
    pattern, usual = _spellings()
    return pattern.sub(lambda found: usual[found.group()], key)


@lru_cache(maxsize=4096)
def _scope(subject: str | None, indicator: str | None) -> tuple[frozenset[str], ...]:
    """What a target counts, beyond its indicator key: the numbers of its subject ("độ tuổi
    từ 15 đến 35"), the tiers of the units it counts ("cơ quan, đơn vị cấp huyện": huyện;
    "thôn, tổ dân phố": below the commune), and its quoted titles ("Gia đình học tập")."""
    # "xã hội" (society) is not a commune.
    counted = regex.sub(r"(?i)xã\s+hội", " ", subject or "")
    numbers = frozenset(int(n) for n in regex.findall(r"\d+", counted)
                        if not 1900 <= int(n) <= 2200)  # a year is not what is counted
    # Units counted ("xã, phường") by their tier; bodies of a level ("cấp huyện") apart.
    tiers = frozenset(
        f"cấp {_unit_tiers().get(word[4:], 'below_xa')}" if word.startswith("cấp ")
        else _unit_tiers().get(word, "below_xa") for word in _counted_units(match_key(counted)))
    # "từ Trung ương đến cấp huyện" counts every level in between.
    span = LEVEL_RANGE.search(match_key(counted))
    if span:
        top, bottom = (LEVELS.index(_unit_tiers().get(word, "trung uong"))
                       for word in span.group("top", "bottom"))
        tiers = (tiers - {f"cấp {level}" for level in LEVELS}) | {
            f"cấp {level}" for level in LEVELS[top:bottom + 1]}
    words = " ".join(filter(None, [subject, indicator]))
    titles = frozenset(match_key(title)
                       for title in regex.findall(r"[“\"]([^”\"]{3,60})[”\"]", words))
    return numbers, tiers, titles


def _counted_units(subject: str) -> list[str]:
    """The unit words a subject counts: the units it opens with ("xã, phường, thị trấn",
    "các huyện, thành phố") and levels ("cơ quan, đơn vị cấp huyện"); not the territory
    ("hội viên xã", "trên địa bàn thị xã")."""
    units = _unit_words()
    leading = regex.match(rf"(?:các\s+)?{units}(?:\s*(?:,|-|và)\s*(?:các\s+)?{units})*",
                          subject)
    words = regex.findall(units, leading.group()) if leading else []
    # "thành phố" is of either tier; beside other units it is of theirs ("tỉnh, thành phố").
    if len(set(words)) > 1:
        words = [word for word in words if word != "thành phố"]
    levels = regex.findall(rf"(?<!\p{{L}})cấp\s+({units})", subject)
    return words + [f"cấp {word}" for word in levels]


@cache
def _unit_words() -> str:
    """Unit words of every tier and below the commune, as a pattern of whole words."""
    words = [*_unit_tiers(), *(match_key(w) for w in lexicon()["below_commune_units"])]
    alternatives = "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))
    return rf"(?<!\p{{L}})(?:{alternatives})(?!\p{{L}})"


def applies_to_local(target: Target, parent: Plan) -> bool:
    """A parent target about its own bodies ("cơ quan chuyên môn thuộc UBND thị xã") is not
    the local plan's to carry."""
    text = match_key(" ".join(filter(None, [target.subject, target.text])))
    tier = parent.document.issuer.level if parent.document.issuer else None
    markers = lexicon()["own_level_markers"].get(tier or "", []) + \
        lexicon()["own_level_markers"]["any"]
    for unit in units():
        if unit.tier == tier:
            markers += [f"cấp {unit.word}", f"cơ quan, đơn vị {unit.word}",
                        f"tuyến {unit.word}"]
    if any(match_key(marker) in text for marker in markers):
        return False
    # "Thư viện thị xã hoàn thành số hóa tối thiểu 30% ...": one of the parent's own bodies
    # opens the clause the target is in.
    if tier and target.span and parent.text:
        clause_start = max(parent.text.rfind(sep, 0, target.span[0]) for sep in "\n;:") + 1
        opening = parent.text[clause_start:target.span[0]]
        return not any(
            agency.level == tier and not agency.collective and
            any(mention.span and clause_start <= mention.span[0] < target.span[0] and
                not LIST_MARKER.sub("", opening[:mention.span[0] - clause_start]).strip()
                for mention in agency.mentions)
            for agency in parent.agencies)
    return True


def targets(local: Plan, parent: Plan) -> list[Finding]:
    found = []
    threshold = lexicon()["target_similarity"]
    period = plan_period(local)
    tier = local.document.locality.tier if local.document.locality else None
    local_lines = _line_words(local)
    matched_local: set[str] = set()
    for wanted in parent.targets:
        if wanted.kind != "quantitative" or wanted.value is None or \
                not applies_to_local(wanted, parent):
            continue
        # A milestone that passed before the local plan's period (2015, for a 2018 plan).
        if period and wanted.milestone_year and wanted.milestone_year < period[0]:
            continue
        # A qualitative local target ("duy trì đạt chuẩn ...") carries a parent's figure over
        # without a value to compare.
        candidates = [(similarity(wanted, mine, tier), mine) for mine in local.targets
                      if mine.value is None or mine.unit == wanted.unit]
        candidates = [(score, mine) for score, mine in candidates if score >= threshold]
        if not candidates:
            own_aims = _aims_of_the_locality(wanted, local.targets, tier) or \
                _shares_of_listed_kinds(wanted, local.targets)
            matched_local.update(mine.id for mine in own_aims)
            if not own_aims and not _maintained(wanted, local_lines):
                found.append(finding("TARGET_MISSING", local, None, parent, wanted.span,
                                     parent=describe(wanted) + " " + _target_words(wanted)))
            continue
        best_score = max(score for score, _ in candidates)
        close = [mine for score, mine in candidates if score >= best_score - 0.05]
        matched_local.update(mine.id for mine in close)
        same_year = [m for m in close if m.milestone_year == wanted.milestone_year]
        if same_year:
            figures = [m for m in same_year if m.value is not None]
            mine = max(figures, key=lambda m: similarity(wanted, m, tier), default=None)
            if mine is not None and _comparable(mine, wanted) and weaker(mine, wanted):
                found.append(finding("TARGET_WEAKER", local, mine.span, parent, wanted.span,
                                     local=describe(mine), parent=describe(wanted)))
            continue
        # The same aim set for a later year that is none of the parent's milestones for it
        # (40% by 2027 where the parent says 40% by 2025 and 60% by 2030).
        milestones = {theirs.milestone_year for theirs in parent.targets
                      if similarity(wanted, theirs) >= threshold}
        # A year outside the local plan's own period is reported as such, once.
        later = [m for m in close if m.value is not None and m.milestone_year and
                 wanted.milestone_year and
                 m.milestone_year > wanted.milestone_year and m.milestone_year not in milestones
                 and (period is None or m.milestone_year <= period[1])]
        if later:
            mine = min(later, key=lambda m: m.milestone_year)
            found.append(finding("TARGET_LATER", local, mine.span, parent, wanted.span,
                                 local=describe(mine), parent=describe(wanted)))
    for mine in local.targets:
        if mine.value is not None and mine.id not in matched_local:
            found.append(finding("TARGET_EXTRA", local, mine.span,
                                 local=describe(mine) + " " + _target_words(mine)))
    return found


def _comparable(mine: Target, wanted: Target) -> bool:
    """Whether a local figure can be weaker than its parent's: a share, a rate or an index's
    level can; a count over the parent's whole territory ("80 sản phẩm OCOP", "500 km") is
    shared out among its localities, and the local plan's part of it is smaller."""
    return mine.unit == wanted.unit and not _shared_out(mine.unit)


def _shared_out(unit: str | None) -> bool:
    """Whether figures in ``unit`` count things over a territory (not a share, rate or
    index's level)."""
    return bool(unit) and unit not in lexicon()["comparable_units"] and "/" not in unit


def _line_words(plan: Plan) -> list[set[str]]:
    """The words of each line of the plan's body, in the form keys are compared in."""
    body = plan.sections[0].span[0] if plan.sections and plan.sections[0].span else 0
    return [set(regex.findall(r"[\p{L}\d]+", match_key(line)))
            for line in (plan.text or "")[body:].splitlines() if len(line.split()) >= 4]


def _maintained(wanted: Target, lines: list[set[str]]) -> bool:
    """A parent's "100% ... tiếp tục duy trì / củng cố ..." is carried over by a local line
    that keeps the same thing going in words ("Phường tiếp tục duy trì đạt chuẩn ..."): for one
    locality, all of it is the locality itself. A parent's 100% to reach is carried over by a
    local 100% kept going ("100% các huyện tiếp tục củng cố vững chắc kết quả phổ cập ..."
    against "100% tỉnh ... đạt chuẩn phổ cập ..."): what is kept going has been reached. Lower
    figures need a figure."""
    if wanted.value != 100 or wanted.unit != "%":
        return False
    verbs = [match_key(word) for word in lexicon()["maintenance_words"]]
    kept_going = any(verb in match_key(wanted.text or "") for verb in verbs)
    key = set(wanted.indicator_key.split()) - {part for verb in verbs for part in verb.split()}
    return bool(key) and any(
        len(key & line) / len(key) >= lexicon()["target_coverage"] and
        any(all(part in line for part in verb.split()) for verb in verbs) and
        (kept_going or "100" in line)
        for line in lines)


def _aims_of_the_locality(wanted: Target, local_targets: list[Target],
                          tier: str | None) -> list[Target]:
    """A parent's count of localities of the local tier ("Có thêm ít nhất 12 xã đạt chuẩn nông
    thôn mới nâng cao") is, in one locality's plan, its own aim: carried over by the local
    targets about the same standard, whatever they count ("Xã đạt 19/19 tiêu chí xã nông thôn
    mới nâng cao")."""
    if tier is None or not any(unit.tier == tier and match_key(unit.word) == match_key(
            wanted.unit or "") for unit in units()):
        return []
    key = set(wanted.indicator_key.split())
    found = []
    for mine in local_targets:
        # its whole words: what a local figure counts ("19/19 tiêu chí") is no part of its key
        theirs = set(indicator_key(None, mine.text).split())
        smaller = min(key, theirs, key=len)
        if len(smaller) >= lexicon()["contained_key_words"] and \
                len(key & theirs) / len(smaller) >= lexicon()["target_coverage"]:
            found.append(mine)
    return found


def _shares_of_listed_kinds(wanted: Target, local_targets: list[Target]) -> list[Target]:
    """A count over kinds listed in its bracket ("500 km đường giao thông nông thôn (đường trục
    xã, đường liên thôn, đường ngõ, xóm ...)") is shared out by local counts in its unit over
    some of them ("3,2 km đường ngõ, xóm")."""
    listed = " ".join(regex.findall(r"\(([^()]*)\)", wanted.text or ""))
    if not listed or not _shared_out(wanted.unit):
        return []
    kinds = set(indicator_key(None, listed).split())
    return [mine for mine in local_targets if mine.unit == wanted.unit and
            (words := set(mine.indicator_key.split())) and words <= kinds]


def _target_words(target: Target) -> str:
    words = " ".join(filter(None, [target.subject, target.indicator]))
    return clip(words, 100)


def local_level_agencies(parent: Plan, local: Plan) -> set[str]:
    """The parent's bodies that stand for the local level ("UBND các xã, phường")."""
    tier = local.document.locality.tier if local.document.locality else None
    return {agency.id for agency in parent.agencies
            if agency.collective and agency.level == tier and agency.kind == "state"}


def tasks_for_local(local: Plan, parent: Plan) -> list[Task]:
    ours = local_level_agencies(parent, local)
    return [task for task in parent.tasks
            if any(a.agency in ours and a.role != "cooperating" for a in task.assignments)]


# Dates ("trước ngày 31/10/2025", "trong Quý IV", "năm 2025") and schedules ("hằng năm",
# "định kỳ"), not durations ("5 năm"); and words that only join ("đối với").
_WHEN_WORDS = regex.compile(
    r"(?<![\p{L}\d])(?:(?i:trước|trong|đến|vào)\s+)?"
    r"(?:(?i:ngày|tháng|quý|năm)\s+(?:\d+(?:/\d+){0,2}|[IVX]+)|\d{1,2}/\d{1,2}(?:/\d{4})?"
    r"|(?:19|20)\d\d|(?i:hằng|hàng)\s+(?i:năm|quý|tháng)|(?i:định\s+kỳ|thường\s+xuyên)"
    r"|(?i:đối\s+với))(?![\p{L}\d])")
_LEVEL_WORDS = regex.compile(rf"(?<!\p{{L}})(?:cấp|các|{UNIT_WORDS})(?!\p{{L}})")


def _terms(text: str) -> list[str]:
    words = regex.findall(r"[\p{L}\d]+", _spelled(match_key(text)))
    return words + [f"{a} {b}" for a, b in pairwise(words)]


class TaskMatcher:
    """Parent tasks against local tasks by TF-IDF cosine over words and word pairs: the words
    both plans use everywhere ("mô hình học tập") weigh little, the specific ones decide."""

    def __init__(self, local: Plan, parent: Plan):
        self.local, self.parent = local.tasks, parent.tasks
        documents = [Counter(_terms(task.description)) for task in (*local.tasks,
                                                                     *parent.tasks)]
        frequency = Counter(term for document in documents for term in document)
        total = len(documents) or 1
        self.idf = {term: math.log((1 + total) / (1 + count)) + 1
                    for term, count in frequency.items()}
        self.local_vectors = [self._vector(task.description) for task in local.tasks]
        self.local_vector = dict(zip(map(id, local.tasks), self.local_vectors, strict=True))
        self.parent_vectors = [self._vector(task.description) for task in parent.tasks]
        for_local = {id(task) for task in tasks_for_local(local, parent)}
        self.others = [vector for task, vector in zip(parent.tasks, self.parent_vectors,
                                                      strict=True) if id(task) not in for_local]
        body = local.sections[0].span[0] if local.sections and local.sections[0].span else 0
        # The terms of each line of the body, with where the line stands.
        self.lines = [(set(_terms(line.group())), line.span())
                      for line in regex.finditer(r"[^\n]+", local.text or "", pos=body)
                      if len(line.group().split()) >= 3]

    def _vector(self, text: str) -> dict[str, float]:
        counts = Counter(_terms(text))
        vector = {term: count * self.idf.get(term, 1.0) for term, count in counts.items()}
        norm = math.sqrt(sum(value * value for value in vector.values())) or 1.0
        return {term: value / norm for term, value in vector.items()}

    def best(self, wanted: Task) -> Task | None:
        """The local task that takes up the parent's ``wanted``: the closest one, if close
        enough, unless it answers a parent task given to someone else instead."""
        return next((mine for mine in self._ranked(wanted, self.local, self.local_vectors)
                     if not self._answers_another(mine, wanted)), None)

    def _answers_another(self, mine: Task, wanted: Task) -> bool:
        """Whether the local ``mine`` clearly answers a parent task given to someone else
        rather than ``wanted`` (a commune's "xây dựng và triển khai Bộ tiêu chí đánh giá, công
        nhận" answers the district office's "hướng dẫn các xã triển khai Bộ tiêu chí", not the
        communes' own "tổ chức đánh giá, công nhận các danh hiệu ... hằng năm")."""
        vector = self.local_vector[id(mine)]
        ours = self._cosine(vector, self._vector(wanted.description))
        return any(ours < lexicon()["task_rival_share"] * self._cosine(vector, theirs)
                   for theirs in self.others)

    def mentioned(self, wanted: Task) -> list[tuple[int, int]]:
        """The lines of the local plan that each hold most of the parent task's weighty terms
        (a short timeline row, "Tổng kết 10 năm", taken up inside a longer duty)."""
        # The level words ("cấp xã, phường") name the local plan itself, which never says so;
        # dates are compared apart, and a local plan may give none.
        # Nor whose guidance the work follows ("theo hướng dẫn của Bộ ...").
        words = _WHEN_WORDS.sub(" ", regex.sub(r"\([^)]*\)|(?i:theo\s+hướng\s+dẫn)[^.;]*", " ",
                                          wanted.description))
        words = _LEVEL_WORDS.sub(" ", match_key(words))
        for urging in lexicon()["task_urging_words"]:
            words = words.replace(match_key(urging), " ")
        terms = _terms(words)
        if sum(" " not in term for term in set(terms)) < lexicon()["task_min_words"]:
            return []  # too few words to tell one review from another
        weights = {term: self.idf.get(term, 1.0) for term in set(terms)}
        total = sum(weights.values()) or 1.0
        return [span for line, span in self.lines
                if sum(weight for term, weight in weights.items() if term in line) / total
                >= lexicon()["task_coverage"]]

    def dated_on(self, lines: list[tuple[int, int]], wanted: Task) -> list[Task]:
        """The local tasks on these lines with their timeframe there, but for those that
        answer a parent task given to someone else instead."""
        return [task for task in self.local
                if task.timeframe and task.timeframe.span and
                any(start <= task.timeframe.span[0] < end for start, end in lines) and
                not self._answers_another(task, wanted)]

    def same_step(self, wanted: Task) -> list[Task]:
        """Dated local tasks that do the same thing to the same titled object: an act named
        right before a quoted title in both ("tổ chức đánh giá, công nhận danh hiệu “Cộng
        đồng học tập”" and "ban hành Quyết định công nhận xếp loại “Cộng đồng học tập”"),
        however much else each says."""
        acts = _titled_acts(wanted.description)
        return [task for task in self.local if task.timeframe and acts and
                acts & _titled_acts(task.description)]

    def reviews_alike(self, wanted: Task) -> bool:
        """A review ("sơ kết", "tổng kết") is of the whole plan: a local line that holds a
        review of each kind the parent asks for takes it up, whatever else the two say of it
        ("sơ kết 5 năm thực hiện Kế hoạch" against "tổ chức sơ kết vào năm 2025")."""
        text = match_key(wanted.description)
        kinds = [match_key(words) for words in lexicon()["review_words"]
                 if match_key(words) in text]
        return bool(kinds) and any(all(kind in line for kind in kinds)
                                   for line, _ in self.lines)

    def alike(self, one: Task, other: Task) -> bool:
        """Two parent tasks that say the same thing (a prose duty and its timeline row)."""
        vectors = dict(zip(map(id, self.parent), self.parent_vectors, strict=True))
        a, b = vectors[id(one)], vectors[id(other)]
        return sum(value * b.get(term, 0.0) for term, value in a.items()) >= \
            lexicon()["task_similarity"]

    def best_parent(self, mine: Task) -> Task | None:
        """The parent task the local ``mine`` answers best, among all the parent's tasks."""
        return self._closest(mine, self.parent, self.parent_vectors)

    def _closest(self, task: Task, tasks: list[Task], vectors: list[dict[str, float]]):
        return next(iter(self._ranked(task, tasks, vectors)), None)

    @staticmethod
    def _cosine(one: dict[str, float], other: dict[str, float]) -> float:
        return sum(value * other.get(term, 0.0) for term, value in one.items())

    def _ranked(self, task: Task, tasks: list[Task],
                vectors: list[dict[str, float]]) -> list[Task]:
        """``tasks`` close enough to ``task``, closest first."""
        wanted = self._vector(task.description)
        scored = [(sum(value * vector.get(term, 0.0) for term, value in wanted.items()), index)
                  for index, vector in enumerate(vectors)]
        return [tasks[index] for score, index in sorted(scored, key=lambda item: -item[0])
                if score >= lexicon()["task_similarity"]]


@lru_cache(maxsize=4096)
def _titled_acts(text: str) -> frozenset[tuple[str, str]]:
    """(act, title) for each quoted title and each pair of words among the few before it that
    is one of the acts a plan schedules ("công nhận", "đánh giá")."""
    acts = {match_key(words) for words in lexicon()["titled_acts"]}
    found = set()
    for quote in regex.finditer(r"[“\"]([^”\"]{3,60})[”\"]", text):
        before = regex.findall(r"\p{L}+", match_key(text[max(0, quote.start() - 40):quote.start()]))
        pairs = {f"{a} {b}" for a, b in pairwise(before[-5:])}
        found |= {(act, match_key(quote.group(1))) for act in pairs & acts}
    return frozenset(found)


def _task_key(text: str) -> str:
    return match_key(regex.sub(r"[^\p{L}\d ]+", " ", text))


def _is_contingent(task: Task) -> bool:
    key = _task_key(task.description)
    return any(match_key(words) in key for words in lexicon()["contingent_words"])


def _is_plan_making(task: Task) -> bool:
    key = _task_key(task.description)
    return any(match_key(words) in key for words in lexicon()["plan_making_words"])


def tasks(local: Plan, parent: Plan) -> list[Finding]:
    found = []
    matcher = TaskMatcher(local, parent)
    missing: list[Task] = []
    period = plan_period(local)
    tier = local.document.locality.tier if local.document.locality else None
    below = TIER_BELOW.get(tier or "")
    for wanted in tasks_for_local(local, parent):
        if period and _outside(wanted.timeframe, period):
            continue  # due in years the local plan does not cover (a 2015 review, for 2018)
        if _is_contingent(wanted):
            continue  # "nếu có khó khăn, vướng mắc, ... phản ánh về ...": nothing to take up
        if _is_plan_making(wanted):
            found += _plan_deadline(local, parent, wanted)
            # "...; chỉ đạo UBND các xã xây dựng kế hoạch của địa phương, hoàn thành trước
            # ngày 31/3/2024": the level below's plans, work beside the local plan's own.
            for part in _pieces(wanted, parent):
                if below and _of_tier(part.description, below):
                    found += _late_findings(matcher.best(part), part, matcher, [], local,
                                            parent, whole=wanted)
            continue
        if _is_funding(wanted, parent):
            if not _funded(local):
                missing.append(wanted)
            continue
        if _is_report(wanted, parent, results_only=True):
            # Figures sent up once ("thống kê số liệu nền ..., gửi Hội Khuyến học tỉnh trước
            # ngày 30/9/2022") are work of their own, matched below.
            if not _reports_results_upward(local, parent):
                missing.append(wanted)
            continue
        mine = matcher.best(wanted)
        lines = matcher.mentioned(wanted) if mine is None else []
        if mine is None and not lines and not matcher.reviews_alike(wanted):
            if not _taken_up_in_pieces(matcher, wanted, local, parent):
                missing.append(wanted)
            continue
        found += _late_findings(mine, wanted, matcher, lines, local, parent)
    reported: list[Task] = []
    for wanted in missing:
        if any(matcher.alike(wanted, other) for other in reported):
            continue
        reported.append(wanted)
        found.append(finding("TASK_MISSING", local, None, parent, wanted.span,
                             parent=clip(wanted.description, 120)))
    return found


def _late_findings(mine: Task | None, wanted: Task, matcher: TaskMatcher,
                   lines: list[tuple[int, int]], local: Plan, parent: Plan,
                   whole: Task | None = None) -> list[Finding]:
    """DEADLINE_LATER for the local work that takes up ``wanted`` (or a piece of ``whole``)
    after its deadline."""
    late = _late(mine, wanted, matcher, lines, local, whole) or next(
        (task for task in matcher.same_step(wanted) if not _is_report(task, local) and
         _later(task.timeframe, wanted.timeframe, round_year=_round_year(task))), None)
    if late is None:
        return []
    return [finding("DEADLINE_LATER", local, late.timeframe.span or late.span, parent,
                    wanted.timeframe.span or wanted.span, local=late.timeframe.text,
                    parent=wanted.timeframe.text)]


def _pieces(wanted: Task, parent: Plan) -> list[Task]:
    """The pieces of a duty split at ";", each with its own words, place and time."""
    year = int(parent.document.issue_date[:4]) if parent.document.issue_date else None
    pieces = []
    for piece in wanted.description.split(";"):
        words = piece.strip()
        if len(words.split()) < lexicon()["task_min_words"]:
            continue
        span = _piece_span(words, wanted, parent)
        times = [found for found in find_time_expressions(words, year)
                 if found.value.bound == "by" or found.value.kind == "window"]
        when = None
        if times:
            when = times[-1].value.model_copy(update={"span": (
                span[0] + times[-1].start, span[0] + times[-1].end) if span else None})
        pieces.append(wanted.model_copy(update={"description": words, "span": span,
                                                "timeframe": when or wanted.timeframe}))
    return pieces


def _taken_up_in_pieces(matcher: TaskMatcher, wanted: Task, local: Plan, parent: Plan) -> bool:
    """A duty of several pieces ("Tổ chức 02 đợt chiến dịch ...; duy trì tổng vệ sinh môi
    trường hằng tháng; tổ chức hưởng ứng Ngày ASEAN ...") is taken up when each piece is,
    wherever the local plan puts it: a report by the local plan's reports, a budget by its
    funding, other work by its tasks and lines."""
    pieces = _pieces(wanted, parent)
    if len(pieces) < 2:
        return False
    for part in pieces:
        if _is_report(part, parent, results_only=True):
            taken_up = _reports_results_upward(local, parent)
        elif _is_funding(part, parent):
            taken_up = _funded(local)
        else:
            taken_up = matcher.best(part) is not None or bool(matcher.mentioned(part)) or \
                matcher.reviews_alike(part)
        if not taken_up:
            return False
    return True


def _piece_span(piece: str, task: Task, plan: Plan) -> Span | None:
    """Where a piece of a task's words stands in the plan, if it stands there as written."""
    if not task.span or not plan.text:
        return None
    start = plan.text.find(piece, task.span[0], task.span[1])
    return (start, start + len(piece)) if start >= 0 else None


def _funded(local: Plan) -> bool:
    """Budgeting is taken up by the local plan's own funding, or its funding section (a
    section naming no source is FUNDING_NO_SOURCE's, one fault one finding)."""
    return bool(local.funding) or any(FUNDING_HEADING.search(section.title)
                                      for section in local.sections)


def _reports_results_upward(local: Plan, parent: Plan) -> bool:
    """Reporting upward is taken up by any report of results to the parent; its deadlines
    are compared by ``reporting``."""
    return any(_reports_upward(duty, parent) and _reports_results(duty)
               for duty in local.reporting)


def _late(mine: Task | None, wanted: Task, matcher: TaskMatcher,
          lines: list[tuple[int, int]], local: Plan, whole: Task | None = None) -> Task | None:
    """The local task that takes up ``wanted`` after its deadline, if any."""
    if mine is None:
        # Work taken up on a line with its date there is late when every such date is.
        dated = [task for task in matcher.dated_on(lines, wanted) if not _is_report(task, local)]
        if dated and all(_later(task.timeframe, wanted.timeframe, round_year=_round_year(task))
                         for task in dated):
            return dated[0]
        return None
    # Deadlines are compared only for the same work: the local task must answer this parent
    # task better than any other (a provincial conference the district attends is not the
    # district's own review).
    if matcher.best_parent(mine) is (whole or wanted) and not _is_report(mine, local) and \
            _later(mine.timeframe, wanted.timeframe, round_year=_round_year(mine)):
        return mine
    return None


def _outside(when: TimeExpression | None, period: tuple[int, int]) -> bool:
    if when is None or when.rrule or not (when.start or when.end):
        return False
    start, end = when.start or when.end, when.end or when.start
    return int(end[:4]) < period[0] or int(start[:4]) > period[1]


def _reports_upward(duty, parent: Plan) -> bool:
    """A report to the parent: its recipient, or a report passed on in the same duty ("gửi về
    HKH thành phố để tổng hợp báo cáo Hội Khuyến học tỉnh")."""
    return _to_parent(duty.recipient, parent) or any(
        _to_parent(match.group(1), parent)
        for match in PASSED_ON.finditer(duty.text, overlapped=True))


def _reports_results(duty) -> bool:
    """A report on how the plan goes ("định kỳ báo cáo kết quả thực hiện Kế hoạch"), not one
    on a single matter ("báo cáo ... chỉnh sửa Bộ tiêu chí")."""
    text = match_key(duty.text)
    return any(match_key(words) in text for words in lexicon()["results_report_words"])


def _is_funding(task: Task, plan: Plan) -> bool:
    """A task to budget for the plan ("bố trí ngân sách", "bố trí kinh phí")."""
    return bool(FUNDING_TASK.search(task.description)) or (bool(task.span) and any(
        item.span and item.span[0] < task.span[1] and task.span[0] < item.span[1]
        for item in plan.funding))


def _is_report(task: Task, plan: Plan, results_only: bool = False) -> bool:
    """A task that is one of the plan's reporting duties, or a timeline row for one; with
    ``results_only``, a report on how the plan goes, which any report of results takes up."""
    if REPORT_TASK.match(task.description):
        return True
    return bool(task.span) and any(
        duty.span and duty.span[0] < task.span[1] and task.span[0] < duty.span[1]
        and (not results_only or _reports_results(duty)) for duty in plan.reporting)


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


def _deadline(expression: TimeExpression | None, earliest: bool = False):
    """A comparable deadline: an ISO date, or (month, day) of a yearly one. A yearly rule with
    days is a deadline on each of its dates ("trước ngày 15/6 và 15/12 hằng năm"): the first
    comes due first. A window ("Quý IV hằng năm", "Tháng 01/2019") is due by its end; with
    ``earliest``, its start: the local side of a comparison, late for sure only when it cannot
    begin before the parent's end."""
    if expression is None:
        return None
    if expression.rrule and "FREQ=YEARLY" in expression.rrule:
        parts = dict(part.split("=") for part in expression.rrule.split(";"))
        if "BYMONTH" not in parts:
            return None
        months = [int(m) for m in parts["BYMONTH"].split(",")]
        if "BYMONTHDAY" in parts:
            days = [int(d) for d in parts["BYMONTHDAY"].split(",")]
            return ("yearly", min(months), min(days))
        if earliest:
            return ("yearly", min(months), 1)
        return ("yearly", max(months), calendar.monthrange(2001, max(months))[1])
    # A year filled in from the plan's date ("trước ngày 15/6") is not a date to compare.
    if expression.year_inherited:
        return None
    day = expression.start if earliest and expression.kind == "window" else expression.end
    return ("date", day) if day and len(day) == 10 else None


def _later(mine: TimeExpression | None, theirs: TimeExpression | None,
           or_equal: bool = False, round_year: int | None = None) -> bool:
    """Whether ``mine`` is due after ``theirs``. A date against a yearly deadline is compared
    with that year's round: the round the local work names ("công nhận ... năm 2018 (Tháng
    01/2019)" against "Quý IV hằng năm"), or else the date's own year."""
    a, b = _deadline(mine, earliest=True), _deadline(theirs)
    if a is None or b is None:
        return False
    # A quarterly or monthly series ("trước ngày 20 của tháng cuối quý") is answered by the
    # local plan's own series, not by one date (the year's report, "trước ngày 10/12/2026").
    if a[0] == "date" and b[0] == "yearly" and _rounds(theirs) > 2:
        return False
    if a[0] == "date" and b[0] == "yearly":
        year = round_year or int(a[1][:4])
        b = ("date", f"{year:04d}-{b[1]:02d}-{b[2]:02d}")
    if a[0] != b[0]:
        return False
    return a[1:] >= b[1:] if or_equal else a[1:] > b[1:]


def _rounds(expression: TimeExpression) -> int:
    """How many times a year a yearly rule falls due: on each month's day (BYMONTH=3,6,9,12;
    BYMONTHDAY=20: four), or once in a window of months ("Quý IV hằng năm")."""
    months = regex.search(r"BYMONTH=([\d,]+)", expression.rrule or "")
    if not months or "BYMONTHDAY" not in (expression.rrule or ""):
        return 1
    return len(months.group(1).split(","))


def _round_year(task: Task) -> int | None:
    """The one year a task's work is for, when it names one before its own deadline's year
    ("Quyết định công nhận ... năm 2018 (Tháng 01/2019)")."""
    when = task.timeframe
    if when is None or not when.end:
        return None
    described = task.description.replace(when.text, " ") if when.text else task.description
    years = {int(year) for year in regex.findall(r"(?<!\d)(?:19|20)\d\d(?!\d)", described)}
    return years.pop() if len(years) == 1 and min(years) < int(when.end[:4]) else None


def reporting(local: Plan, parent: Plan) -> list[Finding]:
    """A local report upward must be due no later than the parent asks, and before the
    parent itself must report; reports gathered inside the local plan (wards to the
    district's office) must be due before the local level's own report is."""
    tier = local.document.locality.tier if local.document.locality else None
    asked = [duty for duty in parent.reporting if duty.when and _of_tier(duty.reporter, tier)]
    own = [duty for duty in parent.reporting if duty.when and not _of_tier(duty.reporter, tier)
           and duty not in asked]
    found = []
    for duty in local.reporting:
        # Only a stated deadline or schedule: "báo cáo ... năm 2018" names the year reported on.
        if duty.when is None or not (duty.when.rrule or duty.when.bound == "by"):
            continue
        if _to_parent(duty.recipient, parent):
            compared = [(d, False) for d in asked] + [(d, True) for d in own]
        else:
            compared = [(d, False) for d in asked]
        for theirs, or_equal in compared:
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


def _to_parent(recipient: str | None, parent: Plan) -> bool:
    """A report addressed to the parent's locality, level, or one of its own bodies ("Bộ Giáo
    dục và Đào tạo", for a national parent)."""
    if not recipient:
        return False
    parent_name = parent.document.locality.name if parent.document.locality else None
    key = match_key(recipient)
    # "UBND thành phố Bắc Kạn" in the city's plan is the city, not the province of that name.
    level = parent.document.locality.level if parent.document.locality else None
    if parent_name and any(f"{match_key(unit.word)} {match_key(parent_name)}" in key
                           for unit in units() if unit.level != level):
        parent_name = None
    tier = parent.document.issuer.level if parent.document.issuer else None
    # A body of the parent's own level, named as one: with the parent's place ("Hội Khuyến
    # học tỉnh Bắc Kạn") or, for a national parent, a ministry; not "Ban Chỉ đạo" alone.
    if tier and any(
            agency.level == tier and not agency.collective and match_key(agency.name) in key and
            (tier == "trung_uong" or (parent_name and match_key(parent_name) in
                                      match_key(agency.name)))
            for agency in parent.agencies):
        return True
    if parent_name and match_key(parent_name) in key:
        return True
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
    # The parent's own unit word names the parent's tier ("Thành phố" in a plan of a district
    # of Hồ Chí Minh City is the province-level city, not a provincial town).
    tiers = dict(_unit_tiers())
    if parent is not None and parent.document.locality and parent.document.locality.tier:
        theirs = parent.document.locality
        tiers.update({match_key(unit.word): theirs.tier for unit in units()
                      if unit.level == theirs.level})
    found = []
    for match in _locality_phrases().finditer(local.text, body_start):
        unit, name = match.group("unit"), match.group("name")
        level = tiers.get(match_key(unit))
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
    # Bodies named as organisers or guides of what the plan's own bodies join ("cử cán bộ dự
    # lớp tập huấn do HKH tỉnh tổ chức", "theo hướng dẫn của Sở"): no work is given to them.
    theirs = [match.span("by") for match in OTHERS_WORK.finditer(local.text or "")]
    found, reported = [], set()
    for task in local.tasks:
        for assignment in task.assignments:
            agency = by_id.get(assignment.agency or "")
            if agency is None or agency.id in reported or assignment.role == "cooperating":
                continue
            if assignment.span and any(start <= assignment.span[0] < end
                                        for start, end in theirs):
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
