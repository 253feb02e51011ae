"""Checks of one plan on its own: numbering, milestones, sub-targets, tasks, funding."""

from __future__ import annotations

from collections import defaultdict
from itertools import pairwise

import regex

from extractor.check.findings import clip, codes, finding
from extractor.model import Finding, Plan, Section, Span, Target
from extractor.rules.vocabulary import match_key

# Vietnamese list letters: no ă â ê ô ơ ư; đ comes after d but is often left out.
LETTERS = "abcdeghiklmnopqrstuvxy"
ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}
NUMBERED_KINDS = {"roman", "arabic", "letter"}
FUNDING_HEADING = regex.compile(r"(?i)kinh\s+phí")


def check_plan(plan: Plan) -> list[Finding]:
    """Faults of a plan on its own (the reading findings included)."""
    found = [_in_vietnamese(reading, plan) for reading in plan.findings]
    found += numbering(plan)
    found += duplicate_sections(plan)
    found += milestones(plan)
    found += milestone_weaker(plan)
    found += sub_targets(plan)
    found += task_gaps(plan)
    found += funding_without_source(plan)
    return found


def _in_vietnamese(reading: Finding, plan: Plan) -> Finding:
    """A reading finding with its words and its Vietnamese message, from ``codes.toml``."""
    entry = codes().get(reading.code)
    if reading.message_vi or entry is None:
        return reading
    words = reading.text
    if words is None and reading.span and plan.text:
        words = plan.text[reading.span[0]:reading.span[1]]
    fill = defaultdict(str, text=words or "")
    return reading.model_copy(update={"message_vi": entry["vi"].format_map(fill), "text": words})


def ordinal(section: Section) -> float | None:
    marker = section.marker.rstrip(".)").split(".")[-1]
    if section.kind == "arabic" and marker.isdigit():
        return int(marker)
    if section.kind == "letter" and marker.lower() == "đ":
        return LETTERS.index("d") + 1.5
    if section.kind == "letter" and len(marker) == 1 and marker.lower() in LETTERS:
        return LETTERS.index(marker.lower()) + 1
    if section.kind == "roman" and marker and set(marker.upper()) <= set(ROMAN):
        return _roman(marker.upper())
    return None


def _roman(numeral: str) -> int:
    values = [ROMAN[c] for c in numeral]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v
               for i, v in enumerate(values))


def numbering(plan: Plan) -> list[Finding]:
    """Numbered siblings that skip a number or go backwards."""
    found = []
    siblings: dict[tuple[str | None, str], list[Section]] = defaultdict(list)
    for section in plan.sections:
        if section.kind in NUMBERED_KINDS:
            siblings[(section.parent, section.kind)].append(section)
    for group in siblings.values():
        for previous, section in pairwise(group):
            before, after = ordinal(previous), ordinal(section)
            if before is None or after is None or before < after <= before + 1:
                continue
            if after <= before and after == 1:
                continue  # a new list (an appendix, the decision's plan) starts again
            code = "NUMBERING_GAP" if after > before + 1 else "NUMBERING_DISORDER"
            found.append(finding(code, plan, _heading(plan, section), previous=previous.marker,
                                 marker=section.marker))
    return found


def _heading(plan: Plan, section: Section):
    """The heading's first words: its line, at most 60 characters."""
    if section.span is None:
        return None
    start = section.span[0]
    line_end = (plan.text or "").find("\n", start)
    end = section.span[1] if line_end == -1 else min(section.span[1], line_end)
    return (start, min(end, start + 60))


def duplicate_sections(plan: Plan) -> list[Finding]:
    found = []
    seen: set[tuple[str | None, str]] = set()
    for section in plan.sections:
        if section.kind in {"bullet", "plus"} or len(section.title) < 4:
            continue
        key = (section.parent, match_key(section.title))
        if key in seen:
            found.append(finding("DUPLICATE_SECTION", plan, _heading(plan, section),
                                 title=clip(section.title, 80)))
        seen.add(key)
    return found


def plan_period(plan: Plan) -> tuple[int, int] | None:
    programme = plan.document.programme
    period = programme.period if programme else None
    if period is None or not (period.start or "").isdigit() or not (period.end or "").isdigit():
        return None
    return int(period.start), int(period.end)


def milestones(plan: Plan) -> list[Finding]:
    """Milestones outside the period, or a final milestone a year short of its end (a
    2021-2030 plan whose last milestone is 2029 almost always means 2030)."""
    period = plan_period(plan)
    years = sorted({t.milestone_year for t in plan.targets if t.milestone_year})
    if period is None or not years:
        return []
    start, end = period
    found = []
    reported: set[int] = set()
    for target in plan.targets:
        year = target.milestone_year
        if year is None or year in reported:
            continue
        short = year == years[-1] == end - 1 and end - start >= 4
        if start <= year <= end and not short:
            continue
        reported.add(year)
        found.append(finding(
            "MILESTONE_OUTSIDE_PERIOD", plan, _year_span(plan, target, year), year=year,
            period=f"{start}-{end}",
            why_vi=f", mốc cuối phải là năm {end}" if short else "",
            why_en=f"; the last milestone should be {end}" if short else ""))
    return found


def _year_span(plan: Plan, target: Target, year: int):
    """The milestone heading's year if it can be found before the target, else the target."""
    if plan.text and target.span:
        window_start = max(0, target.span[0] - 3000)
        matches = list(regex.finditer(rf"(?<!\d){year}(?!\d)",
                                      plan.text[window_start:target.span[1]]))
        if matches:
            last = matches[-1]
            return (window_start + last.start(), window_start + last.end())
    return target.span


def reduction(target: Target) -> bool:
    return target.comparator in {"<", "<="} or "giảm" in (target.indicator_key or "")


def weaker(target: Target, than: Target) -> bool:
    """Whether ``target`` asks less than ``than`` in the indicator's direction (more, for a
    reduction); both have values."""
    down = reduction(than) or reduction(target)
    return target.value > than.value if down else target.value < than.value


def describe(target: Target) -> str:
    value = f"{target.value:g}{target.unit or ''}" if target.value is not None else "?"
    return f"{value} ({target.milestone_year})" if target.milestone_year else value


def milestone_weaker(plan: Plan) -> list[Finding]:
    return [finding("MILESTONE_WEAKER", plan, target.span, later=describe(target),
                    earlier=describe(earlier))
            for target, earlier in _linked(plan, "earlier")
            if target.unit == earlier.unit and weaker(target, earlier)]


def sub_targets(plan: Plan) -> list[Finding]:
    return [finding("SUBTARGET_LARGER", plan, target.span, part=describe(target),
                    whole=describe(whole))
            for target, whole in _linked(plan, "parent_target")
            if target.unit == whole.unit == "%" and target.value > whole.value]


def _linked(plan: Plan, link: str) -> list[tuple[Target, Target]]:
    """Each target with the one its ``link`` field names (its earlier milestone, its whole),
    when both have a value."""
    by_id = {target.id: target for target in plan.targets}
    pairs = [(target, by_id.get(getattr(target, link) or "")) for target in plan.targets]
    return [(target, other) for target, other in pairs
            if other is not None and target.value is not None and other.value is not None]


def task_gaps(plan: Plan) -> list[Finding]:
    """Rows of a task table with no body or no time. An agency's standing duties in prose run
    for the plan's whole period, so only a row's empty cell is a gap."""
    found = []
    for task in plan.tasks:
        if task.origin != "table":
            continue
        label = clip(task.description, 80)
        if not task.assignments:
            found.append(finding("TASK_NO_AGENCY", plan, task.span, task=label))
        if task.timeframe is None:
            found.append(finding("TASK_NO_TIMEFRAME", plan, task.span, task=label))
    return found


def funding_without_source(plan: Plan) -> list[Finding]:
    found = []
    for section in plan.sections:
        if section.kind not in NUMBERED_KINDS or not FUNDING_HEADING.search(section.title):
            continue
        if len(section.title) > 60 or section.span is None:
            continue
        end = _section_end(plan, section)
        if not any(source.span and section.span[0] <= source.span[0] < end
                   for source in plan.funding):
            found.append(finding("FUNDING_NO_SOURCE", plan, _body(plan, section, end)))
    return found


def _body(plan: Plan, section: Section, end: int) -> Span | None:
    """The section's words after its heading line: what it says instead of a source."""
    text = plan.text or ""
    start = section.span[0]
    line_end = text.find("\n", start, end)
    body_start = start if line_end == -1 else line_end + 1
    words = text[body_start:end]
    if not words.strip():
        return _heading(plan, section)
    body_start += len(words) - len(words.lstrip())
    return (body_start, body_start + len(words.strip()))


def _section_end(plan: Plan, section: Section) -> int:
    later = [other.span[0] for other in plan.sections
             if other.span and other.span[0] > section.span[0] and other.depth <= section.depth]
    return min(later, default=len(plan.text or "") or 10**9)
