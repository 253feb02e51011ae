"""Targets (chỉ tiêu): what a plan aims to reach, by when.

``find_targets(line)`` reads the targets stated in one line: each figure with its comparator,
the population it counts (subject) and what must hold of them (indicator). Several targets may
share one predicate ("39% người lớn ...; 63% cán bộ ... đạt danh hiệu ..."), a sub-target hangs
on the one before ("..., trong đó 12% ..."), and numbers that are not aims (age ranges, past
results) are left alone. ``extract_targets`` runs it over a plan's target sections and tables,
gives each target its milestone year (from its words, else the heading above, else the plan's
period) and a canonical ``indicator_key`` that links the same indicator across milestones and
across plans.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache, lru_cache

import regex

from extractor.model import Document, Section, Target
from extractor.normalize import NormalizedText, clause_spans, fold_tones
from extractor.rules.citations import find_citations
from extractor.rules.vocabulary import APPENDIX_POINTER, TOTAL_ROW, UNIT_WORDS, load_lexicon
from extractor.structure import Layout, line_text

YEAR = r"(?:19|20)\d{2}"
NUMBER = r"\d{1,3}(?:[.,]\d{1,3})?"
# A figure in a table cell: thousands grouped with dots, a decimal comma ("1.250", "12.345,6").
CELL_NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
# A share: per cent, or per mille for rates of births and deaths ("giảm 0,1‰").
FIGURE = regex.compile(
    rf"(?|(?:từ\s+)?(?P<value>{NUMBER})\s*[%‰]?\s*(?:-|–|đến)\s*(?P<high>{NUMBER})\s*"
    rf"(?P<unit>[%‰])|(?P<value>{NUMBER})(?P<high>)\s*(?P<unit>[%‰]))",
    regex.IGNORECASE,
)
SHARES = {"%", "‰"}
MILESTONE = regex.compile(rf"(?:đến|tới|trước|cuối|năm|hết)\s+(?:năm\s+|hết\s+năm\s+)?({YEAR})",
                          regex.IGNORECASE)
# What has happened in a year, not a milestone: "các xã đã xảy ra bệnh Dại trong năm 2025",
# "các luật, nghị quyết mới được Quốc hội thông qua trong năm 2023".
PAST_EVENT = regex.compile(
    rf"\b(?:đã\s|mới\s+được(?:\s+\p{{L}}+){{0,4}}?\s+(?:thông qua|ban hành)\s)"
    rf"[^,;.]{{0,60}}?(?:trong\s+)?năm\s+{YEAR}", regex.IGNORECASE)
SUB_TARGET_OPENS = regex.compile(r"\btrong đó\s*[,:]?\s*", regex.IGNORECASE)
# A milestone opening a clause of a line of them: "- Đến năm 2025: ...; đến năm 2030: ...".
MILESTONE_OPENS = regex.compile(
    rf"(?:^|;)\s*(?:[-+•]\s*)?(?:[a-zđ]\)\s*)?(?:đến|tới)\s+(?:hết\s+)?năm\s+(?P<year>{YEAR})"
    r"\s*[:,]", regex.IGNORECASE)
BASE_YEAR = regex.compile(
    # "so với hè năm 2024": a season of a base year too
    rf"so với\s+(?:cùng kỳ\s+)?(?:(?:hè|dịp hè|mùa hè|vụ(?:\s+\p{{L}}+){{1,2}}|cuối|đầu)\s+)?"
    r"(?:năm\s+)?"
    r"(?:học\s+)?"
    rf"{YEAR}(?:\s*-\s*{YEAR})?", regex.IGNORECASE
)
# Where a target states its baseline in brackets: "dưới 110 bé trai/100 bé gái (năm 2024: 111,3
# bé trai/100 bé gái)", "trên 85% (năm 2025 đạt 83,62%)", "(kết quả năm 2025 đạt 57,6%)",
# "(cuối năm 2023 là 21,62%)". Its
# figure is no target, its year no milestone (an item's title, cut at the colon, ends with the
# bracket's opening).
BASELINE_BRACKET = regex.compile(
    rf"\(\s*(?:(?i:kết quả|thực hiện)\s+)?(?:(?i:cuối|đầu)\s+)?(?i:năm)\s+{YEAR}"
    r"\s*(?:(?::|\s(?i:đạt|là)\b)[^)]*\)?|$)")
TARGET_SECTION = regex.compile(r"MỤC TIÊU|CHỈ TIÊU")
TARGET_HEADING = regex.compile(r"^(?:các\s+)?(?:mục tiêu|chỉ tiêu)\b", regex.IGNORECASE)
GENERAL_AIM = regex.compile(r"^mục tiêu chung", regex.IGNORECASE)
STRIVE = regex.compile(r"phấn đấu", regex.IGNORECASE)
TRAILING = regex.compile(r"[\s,;:.]*(?:\b(?:và|trong đó|riêng|hoặc)\b[\s,;:.]*)*$",
                         regex.IGNORECASE)
# An index's level with no unit, after its comparator, in a clause that names the index first:
# "Chỉ số Breteau (BI) tại các điểm giám sát trọng điểm dưới 20".
INDEX_LEVEL = regex.compile(
    rf"^\s*(?:[-+•]\s*)?chỉ số\b[^;:.]{{0,100}}?\s(?:dưới|trên|không quá|không vượt quá|tối đa|"
    rf"tối thiểu|ít nhất|đạt)\s+(?P<value>{NUMBER})(?![\d.,/])(?!\s*%)",
    regex.IGNORECASE)
MEASURE_FIRST = regex.compile(
    r"^(\s*(?:[-+•]\s*)?)(?:tỷ lệ|tỉ lệ|tỷ số|tỉ số|tổng tỷ suất|tỷ suất|chỉ số|số lượng|tổng số|"
    r"giá trị|thu nhập|tuổi thọ|"
    # a group's own figure after a clause mark: "...; riêng tại các huyện miền núi dưới 26%"
    r"riêng|tại)\b",
    regex.IGNORECASE,
)
PAST_BRACKET = regex.compile(r"kết quả(?:\s+(?:năm|đến)\s+\d{4})?\s*$", regex.IGNORECASE)
FOR_GROUP = regex.compile(r"^Đối với\s+(.+?)[:.]?$", regex.IGNORECASE)
# "+ Đối với cán bộ, công chức cấp xã: 100% ...; 80% thực hiện ...": the group of the line's
# figures that name none.
INLINE_GROUP = regex.compile(r"^[\W\d]*Đối với\s+(?P<group>[^:;]+?):\s*\S", regex.IGNORECASE)


@dataclass
class FoundTarget:
    """One target in a piece of text; offsets are into that text."""

    start: int
    end: int
    value: float | None
    value_max: float | None
    unit: str | None
    comparator: str | None
    subject: str | None
    indicator: str | None
    kind: str = "quantitative"
    parent: int | None = None  # index of the target this one is part of
    milestone_year: int | None = None
    extra: dict = field(default_factory=dict)


def lexicon() -> dict:
    return load_lexicon("targets.toml")


@cache
def _count_pattern() -> regex.Pattern[str]:
    units = sorted(lexicon()["count_units"] + lexicon()["verb_units"], key=len, reverse=True)
    unit = "|".join(regex.escape(u) for u in units)
    return regex.compile(
        rf"(?<![\d/.,])(?P<value>\d{{1,3}}(?:\.\d{{3}})+|\d+(?:,\d+)?)"
        rf"(?:\s*(?:[-–]|đến)\s*(?P<high>\d+(?:,\d+)?))?(?:\s*/\s*\d+)?\s+"
        # the unit: a quoted name, or a counted noun from the lexicon
        rf"(?P<unit>“[^”]{{2,60}}”|(?:{unit})(?!\p{{L}}))",
        regex.IGNORECASE,
    )


@lru_cache(maxsize=8192)
def _key(text: str) -> str:
    """Folded for matching, the same length as ``text`` (unlike ``match_key``), so offsets
    found in it hold in the text."""
    return fold_tones(text).casefold()


def _ends_with_any(text: str, words: list[str]) -> str | None:
    folded = _key(text.rstrip())
    for word in sorted(words, key=len, reverse=True):
        if folded.endswith(_key(word)) and (
            len(folded) == len(_key(word)) or not folded[-len(word) - 1].isalnum()
        ):
            return word
    return None


def _number(text: str) -> float:
    """Vietnamese figures: a comma is the decimal mark, a dot groups thousands."""
    if "," in text:
        return float(text.replace(".", "").replace(",", "."))
    if regex.fullmatch(r"\d{1,3}(?:\.\d{3})+", text):
        return float(text.replace(".", ""))
    return float(text)


def find_targets(text: str, statements: bool = True) -> list[FoundTarget]:
    """The targets stated in ``text`` (a line of a target section): each percentage or
    counted figure with its own words, then each clause with no figure that states a state to
    reach (qualitative) or a direction (trend)."""
    # "Không để xảy ra ngộ độc thực phẩm tập thể trên 30 người": the figure says which events,
    # the target is that none happen
    # but a share it must not pass is a limit: "Không để thiệt hại quá 5% diện tích lúa"
    figures = [figure for figure in _figures(text)
               if not NOTHING_TO_HAPPEN.match(text, _clause_opening(text, figure.start))
               or (figure.unit in SHARES and LIMIT_BEFORE.search(text, 0, figure.start))]
    starts = [_clause_start(text, figures, index) for index in range(len(figures))]
    found: list[FoundTarget] = []
    for index, figure in enumerate(figures):
        start = starts[index]
        end = starts[index + 1] if index + 1 < len(figures) else len(text)
        end = min(end, _clause_end(text, figure.end, end))
        target = _figure_target(text, figure, start, end)
        between = text[found[-1].end:start] if found else ""
        if found and _has_any(between + text[start:figure.start], "sub_target_markers"):
            target.parent = _root(found, len(found) - 1)
        elif found and found[-1].parent is not None and regex.fullmatch(r"\s*;\s*", between):
            target.parent = found[-1].parent  # the next part of a "trong đó: ...; ..." list
        found.append(target)
    _share_predicates(found, text)
    if statements:
        found.extend(_statements(text, found))
    return sorted(found, key=lambda target: target.start)


@dataclass
class Figure:
    start: int
    end: int  # after the unit and a trailing "trở lên"
    value: float
    value_max: float | None
    unit: str
    at_least: bool  # "trở lên" after it


def _figures(text: str) -> list[Figure]:
    figures = [Figure(m.start(), m.end(), _number(m.group("value")),
                      _number(m.group("high")) if m.group("high") else None, m.group("unit"),
                      False)
               for m in FIGURE.finditer(text) if not _is_past(text, m.start())]
    for match in _count_pattern().finditer(text):
        if any(match.start() < f.end and f.start < match.end() for f in figures):
            continue
        if _is_past(text, match.start()) or _counts_something_else(text, match):
            continue
        if any(f.unit in SHARES and f.end <= match.start() for f in figures) and \
                ASIDE_OPEN.search(text, 0, match.start()) and \
                regex.match(r"\s*\)", text[match.end():]):
            continue  # "100% hộ dân ... (khoảng 215 hộ) được ...": the size of the subject
        if _key(match.group("unit")) in {_key(u) for u in lexicon()["verb_units"]} and \
                not _ends_with_any(_strip_comparator(text[:match.start()]),
                                   [*lexicon()["linking_verbs"], "gấp"]):
            continue  # "dưới 5 tuổi" qualifies a group; "đạt trên 75 tuổi" is a target
        unit = match.group("unit").strip("“”\"")
        figures.append(Figure(match.start(), match.end(), _number(match.group("value")),
                              _number(match.group("high")) if match.group("high") else None,
                              unit, False))
    index = INDEX_LEVEL.match(text)
    if index and not any(index.start("value") < f.end and f.start < index.end("value")
                         for f in figures):
        figures.append(Figure(index.start("value"), index.end("value"),
                              _number(index.group("value")), None, "", False))
        figures.sort(key=lambda figure: figure.start)
    for figure in figures:
        rest = regex.match(r"\s*trở lên", text[figure.end:], regex.IGNORECASE)
        if rest:
            figure.at_least = True
            figure.end += rest.end()
    return sorted(figures, key=lambda figure: figure.start)


LIMIT_BEFORE = regex.compile(r"\b(?:vượt\s+)?quá\s*$", regex.IGNORECASE)
NOTHING_TO_HAPPEN = regex.compile(r"\s*(?:(?:[-+•]|[a-zđ]\)|\d+[.)])\s*)?không\s+để\b",
                                  regex.IGNORECASE)


def _clause_opening(text: str, offset: int) -> int:
    """Where the phrase that holds ``offset`` opens: after the last ";", "," or sentence end
    before it."""
    return max((found + len(mark) for mark in (";", ",", ". ")
                if (found := text.rfind(mark, 0, offset)) >= 0), default=0)


# A bracket that opens with an estimate: "(khoảng 215 hộ)".
ASIDE_OPEN = regex.compile(r"\(\s*(?:khoảng|gần|hơn|trên|tương đương)?\s*$", regex.IGNORECASE)


def _counts_something_else(text: str, match: regex.Match[str]) -> bool:
    before = _key(text[max(0, match.start() - 15):match.start()]).rstrip()
    if any(before.endswith(_key(word)) and (len(before) == len(_key(word)) or
                                            not before[-len(word) - 1].isalnum())
           for word in lexicon()["count_not_after"]):
        return True
    grades = lexicon()["framework_names"]
    if _key(match.group("unit")) != _key(grades["unit"]):
        return False
    phrase = regex.split(r"[,;:.()]", text[max(0, match.start() - 60):match.start()])[-1]
    return any(regex.search(rf"(?<!\w){regex.escape(_key(word))}(?!\w)", _key(phrase))
               for word in grades["words"])


def _clause_start(text: str, figures: list[Figure], index: int) -> int:
    """Where a figure's clause begins: at its comparator; or, when a verb links the figure to
    words before it ("Tỷ lệ ... đạt 50%"), where those words begin."""
    figure = figures[index]
    before = text[:figure.start]
    words = [*lexicon()["comparators"], "phấn đấu đạt", "phấn đấu", "khoảng"]
    comparator = _ends_with_any(before, words)
    start = len(before.rstrip()) - len(comparator) if comparator else figure.start
    linked = _ends_with_any(text[:start], lexicon()["linking_verbs"] + ["phấn đấu"])
    if not linked:
        # "Tỷ lệ hồ sơ ... không thấp hơn 98%": a measure named before its figure, opening
        # the text or a clause after another target ("...150 mẫu; tỷ lệ mẫu đạt trên 90%")
        opening = 0 if index == 0 else text.rfind(";", figures[index - 1].end, start) + 1
        if index:
            # "..., trong đó tỷ lệ sử dụng thuốc lá điện tử dưới 2%": the part's own measure
            part = [*SUB_TARGET_OPENS.finditer(text, max(opening, figures[index - 1].end),
                                               start)]
            opening = part[-1].end() if part else opening
            named = text[opening:start]
            if figure.unit not in SHARES and (part or SUB_TARGET_OPENS.search(text, 0, opening)) \
                    and 0 < len(named.strip()) <= 60 and not regex.search(r"[,.:]", named):
                # "trong đó: nhập ngũ Quân đội 165 công dân; thực hiện nghĩa vụ ... 20 công
                # dân": each part's count after the words that name it
                return opening + len(named) - len(named.lstrip())
        measure = MEASURE_FIRST.match(text[opening:start]) if opening or index == 0 else None
        return opening + measure.end(1) if measure else start
    left = figures[index - 1].end if index else 0
    boundary = max(left, *(text.rfind(mark, left, start) + 1 for mark in (";", ":")))
    if index:
        joints = [m.end() for m in regex.finditer(r",|\svà\s", text[left:start])]
        boundary = max(boundary, left + joints[0] if joints else boundary)
    lead = text[boundary:start]
    # an item's label or dash, "trong đó": no words of the target ("e) Tổ chức 02 đợt/năm ...")
    skip = regex.match(r"\s*(?:[-+•]\s*|[a-zđ]\)\s+)?(?:(?:trong đó|riêng)\s*,?\s*)?", lead,
                       regex.IGNORECASE)
    return boundary + (skip.end() if skip else 0)


def _figure_target(text: str, figure: Figure, start: int, end: int) -> FoundTarget:
    comparator = _comparator(text[start:figure.start], figure.at_least)
    lead = text[start:figure.start]
    verb = _ends_with_any(_strip_comparator(lead), lexicon()["linking_verbs"] + ["phấn đấu"])
    verb = verb or ("" if MEASURE_FIRST.match(lead) else None)
    tail = TRAILING.sub("", text[figure.end:end]).strip(" ,;:")
    # a base or a rate after the figure is not who is counted: "so với năm 2024", "/năm"
    tail = regex.sub(r"^/\s*\p{L}+\s*|\s*so với\b.*$", "", tail, flags=regex.IGNORECASE)
    tail = BASELINE_BRACKET.sub("", tail).strip(" ,;:")
    if figure.unit not in SHARES:
        tail = ""  # a count's unit is its noun; what follows is the predicate
    subject, indicator = _split_predicate(tail)
    head = _strip_comparator(lead)
    if verb:
        head = head.rstrip()[: len(head.rstrip()) - len(verb)]
    elif verb == "":
        head = head.strip()
    head = regex.sub(r"^(?:(?:phấn đấu|đến (?:hết )?năm \d{4}|và)\s*,?\s*)+", "",
                     head.strip(" ,"), flags=regex.IGNORECASE).strip(" ,")
    each = regex.match(r"(?:mỗi|bình quân mỗi)\s+(.+?)(?:\s+(?:có|xây dựng|đọc))?$", head,
                       regex.IGNORECASE)
    if each:
        subject = each.group(1)
    elif head and (not indicator or (figure.unit in SHARES and not subject)):
        indicator = head
    if figure.unit not in SHARES and not indicator:
        indicator = TRAILING.sub("", text[figure.end:end]).strip(" ,;:") or None
    if verb and text[figure.end:].lstrip().startswith(","):
        end = figure.end  # "... đạt 95%, góp phần ...": the target's words were before it
    clean_end = start + len(TRAILING.sub("", text[start:end]))
    return FoundTarget(
        start=start, end=max(clean_end, figure.end), value=figure.value,
        value_max=figure.value_max, unit=figure.unit or None, comparator=comparator,
        subject=subject or None, indicator=indicator or None,
    )


def _strip_comparator(lead: str) -> str:
    word = _ends_with_any(lead, list(lexicon()["comparators"]))
    return lead.rstrip()[: len(lead.rstrip()) - len(word)] if word else lead


def _comparator(lead: str, at_least: bool = False) -> str:
    comparators = lexicon()["comparators"]
    word = _ends_with_any(lead, list(comparators))
    if word:
        return comparators[word]
    return ">=" if at_least else "="


def _statements(text: str, figures: list[FoundTarget]) -> list[FoundTarget]:
    """Clauses with no figure that state a target: a state to keep or reach (qualitative),
    or a direction ("tăng tỷ lệ ...": trend). Lists of states are one target each."""
    found = []
    for start, end in clause_spans(text):
        if any(start < t.end and t.start < end for t in figures):
            continue
        clause = text[start:end]
        # past a bullet, a letter and a label of what the targets are about ("c) Về an toàn:")
        lead = regex.match(r"\s*(?:[-+•]\s*)?(?:[a-zđ]\)\s*)?(?:Về\s+[^:;,.]{2,40}:\s*)?",
                           clause)
        offset = start + lead.end()
        body = clause[lead.end():].rstrip(" .;,:")
        if len(body) < 8 or regex.search(APPENDIX_POINTER, body, regex.IGNORECASE) or \
                UNIT_LINE.match(body):
            # "Chỉ tiêu đối với ...: chi tiết tại Phụ lục kèm theo": in the appendix; "Đơn vị
            # tính: công dân": the unit of the table below
            continue
        kind = "trend" if _starts_with_any(body, lexicon()["trend_starts"]) else "qualitative"
        for part_start, part in _split_states(body) if kind == "qualitative" else [(0, body)]:
            found.append(FoundTarget(offset + part_start, offset + part_start + len(part),
                                     None, None, None, None, None, part, kind=kind))
    return found


def _starts_with_any(text: str, words: list[str]) -> bool:
    folded = _key(text)
    return any(folded.startswith(_key(word)) and not folded[len(word):len(word) + 1].isalnum()
               for word in words)


def _split_states(body: str) -> list[tuple[int, str]]:
    """"duy trì A, đạt chuẩn B, phổ cập C và phổ cập D" -> A..., B, C, D."""
    starts = "|".join(regex.escape(_key(w)) for w in lexicon()["qualitative_starts"])
    cuts = [0] + [m.start(1) for m in regex.finditer(rf"(?:,|\bvà)\s+({starts})\b", _key(body))]
    parts = []
    for index, cut in enumerate(cuts):
        end = cuts[index + 1] if index + 1 < len(cuts) else len(body)
        part = TRAILING.sub("", body[cut:end]).strip(" ,")
        if part:
            parts.append((cut, part))
    return parts


def _is_past(text: str, offset: int) -> bool:
    before = _key(text[max(0, offset - 20):offset])
    if any(_key(marker) in before for marker in lexicon()["past_markers"]):
        return True
    # "Trên cơ sở kết quả năm 2025 (tỷ lệ ... đạt 68,5%), năm 2026 phấn đấu ...": a baseline
    opened = text.rfind("(", 0, offset)
    return opened > text.rfind(")", 0, offset) and bool(
        PAST_BRACKET.search(text, max(0, opened - 30), opened) or
        BASELINE_BRACKET.match(text, opened))


def _clause_end(text: str, offset: int, limit: int) -> int:
    """A figure's clause ends at the sentence end, or at a ";" after which a new statement
    begins; a ";" inside a list of names ("trong "Gia đình học tập"; "Dòng họ học tập"; ...")
    does not end it."""
    for match in regex.finditer(r"\.(?:\s|$)|;", text[:limit]):
        if match.start() < offset:
            continue
        if match.group(0).startswith("."):
            return match.start()
        following = regex.split(r";|\.(?:\s|$)", text[match.end():limit])[0]
        if not _only_names(following):
            return match.start()
    return limit


def _only_names(segment: str) -> bool:
    bare = regex.sub(r"[“”\"][^“”\"]*[“”\"]", "", segment).strip(" ,;")
    return len(bare.split()) <= 2


@cache
def _word_pattern(name: str) -> regex.Pattern[str]:
    """Any word of a lexicon list, whole words, in folded text."""
    words = sorted((_key(word) for word in lexicon()[name]), key=len, reverse=True)
    return regex.compile(r"(?<!\p{L})(?:" + "|".join(map(regex.escape, words)) + r")(?!\p{L})")


def _split_predicate(tail: str) -> tuple[str, str]:
    """Subject (the counted noun phrase) and indicator (the predicate) of a target's words."""
    match = _word_pattern("predicate_starts").search(_key(tail))
    if match is None:
        return tail.strip(" ,"), ""
    return tail[:match.start()].strip(" ,"), tail[match.start():].strip(" ,")


def _has_any(text: str, name: str) -> bool:
    return _word_pattern(name).search(_key(text)) is not None


def _root(found: list[FoundTarget], index: int) -> int:
    while found[index].parent is not None:
        index = found[index].parent
    return index


def _share_predicates(found: list[FoundTarget], text: str) -> None:
    """Targets listed before one predicate share it; a figure with no noun shares the
    subject before it ("20% cán bộ ... bậc 2 và 5% có trình độ bậc 3"), or, in a clause of
    its own after "Đối với <group>:", is about that group."""
    lead_in = INLINE_GROUP.match(text)
    for index, target in enumerate(found):
        if target.indicator is None:
            following = next((t.indicator for t in found[index + 1:] if t.indicator), None)
            target.indicator = following
        if target.subject is not None:
            continue
        own_clause = index == 0 or ";" in text[found[index - 1].end:target.start]
        if lead_in and own_clause:
            target.subject = lead_in.group("group").strip()
        elif index > 0:
            target.subject = found[index - 1].subject


# ---------------------------------------------------------------- in a plan

def extract_targets(norm: NormalizedText, layout: Layout, document: Document) -> list[Target]:
    sections = layout.sections
    in_targets = _target_sections(layout)
    body = {line.start for part in layout.parts for line in part.body}
    period_end = _period_end(document)
    targets: list[Target] = []
    for line in norm.paragraphs():
        if line.start not in body:
            continue
        section = layout.section_at(line.start)
        value = line_text(norm.text, line)
        chain = layout.chain(section)
        general = any(GENERAL_AIM.match(s.title) for s in chain)
        if section is not None and section.id in in_targets and not general:
            found = find_targets(value, statements=not _is_heading(value, line.start, section,
                                                                     sections))
        elif STRIVE.search(value):
            offset = STRIVE.search(value).start()
            found = find_targets(value[offset:], statements=False)
            for target in found:
                target.start += offset
                target.end += offset
        else:
            continue
        found = [target for target in found
                 if not _in_past_year(value, target.start, _period_start(document))]
        heading_year = _heading_year(chain)
        group = _group_subject(chain)
        first = len(targets)
        for target in found:
            text = value[target.start:target.end]
            year = _year_in(text) or _opening_milestone(value, target.start) or \
                _year_in(value) or heading_year or period_end
            subject = target.subject or group
            targets.append(Target(
                id=f"tg{len(targets) + 1}",
                value=target.value, value_max=target.value_max, unit=target.unit,
                comparator=target.comparator, subject=subject, indicator=target.indicator,
                milestone_year=year, kind=target.kind,  # type: ignore[arg-type]
                parent_target=f"tg{first + target.parent + 1}" if target.parent is not None
                else None,
                indicator_key=indicator_key(subject, target.indicator),
                section=section.id if section else None, text=text,
                span=(line.start + target.start, line.start + target.end),
                page=norm.page_at(line.start),
            ))
    targets.extend(_table_targets(norm, layout, in_targets, period_end, len(targets)))
    _link_milestones(targets)
    return targets


def _target_sections(layout: Layout) -> set[str]:
    """Sections under a heading about targets ("II. MỤC TIÊU", "2. Mục tiêu cụ thể",
    "1.2. Chỉ tiêu"); a bullet that merely mentions "mục tiêu" is not such a heading."""
    marked = set()
    for section in layout.sections:
        if any(_is_target_heading(s) for s in layout.chain(section)):
            marked.add(section.id)
    return marked


def _is_target_heading(section: Section) -> bool:
    if section.kind not in {"roman", "arabic", "letter", "heading"}:
        return False
    title = section.title
    return bool(TARGET_HEADING.match(title) or (title.isupper() and TARGET_SECTION.search(title)))


def _is_heading(value: str, start: int, section: Section | None,
                sections: list[Section]) -> bool:
    """A line that heads others ("b) Nâng cao trình độ tin học:", "- Về năng lực ...") states
    no target itself."""
    if value.rstrip().endswith(":"):
        return True
    if section is None or not section.span or section.span[0] != start:
        return False
    if section.kind in {"roman", "arabic", "letter"} and section.span[1] > start + len(value):
        return True  # text follows under it
    return any(other.parent == section.id for other in sections)


def _heading_year(chain: list[Section]) -> int | None:
    for section in chain:
        year = _year_in(section.title)
        if year:
            return year
    return None


@lru_cache(maxsize=1024)
def _year_in(text: str) -> int | None:
    """The milestone a target's words give: "đến năm 2025", "trước ngày 30/10/2024"; a base
    year it is compared with ("so với năm 2024") is not one."""
    text = PAST_EVENT.sub(" ", BASELINE_BRACKET.sub(" ", BASE_YEAR.sub(" ", text)))
    cited = find_citations(text) if regex.search(r"\d\s?/", text) else []
    for citation in cited:  # a cited document's date is not a milestone
        text = text[:citation.start] + " " * (citation.end - citation.start) + text[citation.end:]
    date = regex.search(rf"\d{{1,2}}/\d{{1,2}}/({YEAR})", text)
    if date:
        return int(date.group(1))
    match = MILESTONE.search(text)
    return int(match.group(1)) if match else None


def _opening_milestone(value: str, offset: int) -> int | None:
    """The milestone that opens the clause a figure at ``offset`` stands in or the last one
    before it: "Đến năm 2025: ... 39%; đến năm 2030: ... 36%" gives 36% 2030."""
    found = [*MILESTONE_OPENS.finditer(value, 0, offset)]
    return int(found[-1].group("year")) if found else None


def _group_subject(chain: list[Section]) -> str | None:
    """"- Đối với cán bộ, công chức cấp xã:" names the subject of the items under it."""
    for section in chain[1:]:
        match = FOR_GROUP.match(section.title)
        if match:
            return match.group(1).strip()
    return None


# A sentence that opens on a year: "Năm 2025, toàn phường có 214 người ...".
YEAR_OPENING = regex.compile(r"\s*(?:[-+•]\s*)?(?:Năm|Trong năm|Tính đến (?:hết |cuối )?năm)\s+"
                             r"(?P<year>\d{4})\s*,", regex.IGNORECASE)


def _in_past_year(value: str, offset: int, period_start: int | None) -> bool:
    """Whether the figure at ``offset`` is in a sentence about a year before the plan's period
    (the baseline the plan starts from, not a target)."""
    if period_start is None:
        return False
    stop = value.rfind(". ", 0, offset)
    opening = YEAR_OPENING.match(value, stop + 2 if stop >= 0 else 0)
    return opening is not None and int(opening.group("year")) < period_start


def _period_start(document: Document) -> int | None:
    period = document.programme.period if document.programme else None
    return int(period.start) if period and period.start else None


def _period_end(document: Document) -> int | None:
    period = document.programme.period if document.programme else None
    return int(period.end) if period and period.end else None


def _table_targets(norm: NormalizedText, layout: Layout, in_targets: set[str],
                   period_end: int | None, count: int) -> list[Target]:
    """A table of chỉ tiêu: one target per row, from its planned-value column."""
    targets: list[Target] = []
    for table in norm.tables:
        section = layout.section_at(table.start)
        # in a target section, or an appendix of targets ("PHỤ LỤC 1 / CHỈ TIÊU ... NĂM 2025")
        if section is None or (section.id not in in_targets and not (
                section.kind == "appendix" and TARGET_SECTION.search(section.title.upper()))):
            continue
        header = [norm.text[s:e] for s, e in table.rows[0]]
        columns = _target_columns(header)
        if columns is None:
            targets += _locality_targets(norm, table, header, section, period_end,
                                         count + len(targets)) or \
                _named_row_targets(norm, table, header, section, period_end,
                                   count + len(targets))
            continue
        indicator_column, unit_column, value_columns, baseline_column = columns
        for row in table.rows[1:]:
            cells = [norm.text[s:e] for s, e in row]

            def cell(index: int | None, cells: list[str] = cells) -> str:
                return cells[index] if index is not None and index < len(cells) else ""

            # one target per planned value: "Năm 2023 | Năm 2024 | Năm 2025" gives three
            for value_column in value_columns:
                value = cell(value_column)
                figure = regex.search(CELL_NUMBER, value)
                if figure is None:
                    continue
                unit = cell(unit_column).strip() or _cell_unit(value[figure.end():])
                indicator = cell(indicator_column).strip()
                baseline = regex.search(CELL_NUMBER, cell(baseline_column))
                start, end = row[0][0], row[-1][1]
                targets.append(Target(
                    id=f"tg{count + len(targets) + 1}", value=_number(figure.group(0)),
                    unit=unit, comparator=_comparator(value[:figure.start()]), subject=None,
                    indicator=indicator or None,
                    milestone_year=_last_year(header[value_column]) or period_end,
                    baseline=_number(baseline.group(0)) if baseline else None,
                    indicator_key=indicator_key(None, indicator), section=section.id,
                    text=norm.text[start:end], span=(start, end), page=norm.page_at(start),
                ))
    return targets


# A table of targets shared out to localities: a column of localities ("Huyện, thành phố",
# "Đơn vị", "Xã, phường"), and columns of what each must reach, or their sum ("Cộng giai đoạn
# 2022 - 2025"), which then stands for the row.
LOCALITY_HEADER = regex.compile(rf"(?:tên\s+)?(?:đơn vị|địa phương|{UNIT_WORDS})(?!\s+tính)",
                                regex.IGNORECASE)
LOCALITY_CELL = regex.compile(rf"(?:{UNIT_WORDS})\s+\p{{Lu}}", regex.IGNORECASE)
SUM_HEADER = regex.compile(r"\s*(?:cộng|tổng)", regex.IGNORECASE)
HEADER_UNIT = regex.compile(r"\((?P<unit>[^()]+)\)\s*$")


def _locality_targets(norm: NormalizedText, table, header: list[str], section: Section,
                      period_end: int | None, count: int) -> list[Target]:
    """One target per locality and value column of a table shared out to localities (the
    locality cell its text): "Xã Ea Súp | 92,5 | 1.250" under "Đơn vị | Tỷ lệ người tham gia
    BHYT (%) | Số người tham gia BHXH tự nguyện (người)"."""
    place = next((i for i, cell in enumerate(header) if LOCALITY_HEADER.match(cell.strip())),
                 None)
    rows = [[norm.text[s:e] for s, e in row] for row in table.rows[1:]]
    named = [row for row in rows if place is not None and place < len(row)
             and LOCALITY_CELL.match(row[place].strip())]
    if place is None or len(named) < 2 or len(named) * 2 < len(rows):
        return []
    sums = [i for i, cell in enumerate(header) if i > place and SUM_HEADER.match(cell)]
    values = sums[-1:] or [i for i in range(place + 1, len(header))]
    title_year = _last_year(section.title)
    targets: list[Target] = []
    for spans, cells in zip(table.rows[1:], rows, strict=True):
        if place >= len(cells) or TOTAL_ROW.match(cells[place]) or \
                not LOCALITY_CELL.match(cells[place].strip()):
            continue
        locality = cells[place].strip()
        start, end = spans[place][0], spans[place][0] + len(cells[place].rstrip())
        for column in values:
            figure = regex.search(CELL_NUMBER, cells[column]) if column < len(cells) else None
            if figure is None:
                continue
            label = header[column]
            bracket = HEADER_UNIT.search(label)
            unit = (bracket.group("unit").strip() if bracket else None) or \
                _cell_unit(cells[column][figure.end():]) or _unit_line(norm, table) or \
                _title_unit(section.title)
            what = HEADER_UNIT.sub("", label).strip() if bracket else section.title.strip()
            indicator = f"{what} tại {locality}"
            targets.append(Target(
                id=f"tg{count + len(targets) + 1}", value=_number(figure.group(0)), unit=unit,
                comparator="=", subject=None, indicator=indicator,
                milestone_year=_last_year(label) or title_year or period_end,
                indicator_key=indicator_key(None, indicator), section=section.id,
                text=norm.text[start:end], span=(start, end), page=norm.page_at(start),
            ))
    return targets


# "Đơn vị tính: công dân", "(ĐVT: ha)": the unit of a table, on the line above it
UNIT_LINE = regex.compile(r"\(?\s*(?:đơn vị tính|đvt)\s*:\s*(?P<unit>[^()\n]+?)\s*\)?\s*$",
                          regex.IGNORECASE)


def _unit_line(norm: NormalizedText, table) -> str | None:
    """The unit the line right above a table gives it."""
    above = norm.text[:max(0, table.start - 1)].rsplit("\n", 1)[-1]
    found = UNIT_LINE.match(above.strip())
    return found.group("unit") if found else None


NUMBER_COLUMN_HEADER = regex.compile(r"\s*(?:stt|tt|số\s+tt)\s*$", regex.IGNORECASE)
NOTE_HEADER = regex.compile(r"\s*ghi\s+chú", regex.IGNORECASE)


def _named_row_targets(norm: NormalizedText, table, header: list[str], section: Section,
                       period_end: int | None, count: int) -> list[Target]:
    """One target per row and value column of a table in a target section whose rows name
    what is measured and whose value columns give their unit ("STT | Loại cây trồng | Diện
    tích bảo đảm đủ nước tưới (ha) | Ghi chú" over "1 | Cây ăn trái | 92.500 | ..."); the
    row's name is its text, the sum row no target."""
    label = next((i for i, cell in enumerate(header)
                  if cell.strip() and not NUMBER_COLUMN_HEADER.match(cell)), None)
    if label is None:
        return []
    rows = [[norm.text[s:e] for s, e in row] for row in table.rows[1:]]
    unit_above = _unit_line(norm, table)
    values = [i for i in range(label + 1, len(header))
              if not NOTE_HEADER.match(header[i]) and not SUM_HEADER.match(header[i])
              and (HEADER_UNIT.search(header[i]) or unit_above)
              and sum(1 for row in rows if i < len(row)
                      and regex.fullmatch(rf"\s*(?:{CELL_NUMBER})\s*", row[i])) * 2 > len(rows)]
    named = [row for row in rows if label < len(row) and row[label].strip()
             and not TOTAL_ROW.match(row[label]) and not regex.search(r"\d", row[label][:1])]
    if not values or len(named) < 2:
        return []
    targets: list[Target] = []
    for spans, cells in zip(table.rows[1:], rows, strict=True):
        if label >= len(cells) or not cells[label].strip() or TOTAL_ROW.match(cells[label]):
            continue
        name = cells[label].strip()
        start = spans[label][0] + len(cells[label]) - len(cells[label].lstrip())
        end = start + len(name)
        for column in values:
            figure = regex.fullmatch(rf"\s*(?P<value>{CELL_NUMBER})\s*", cells[column]) \
                if column < len(cells) else None
            if figure is None:
                continue
            bracket = HEADER_UNIT.search(header[column])
            what = HEADER_UNIT.sub("", header[column]).strip()
            targets.append(Target(
                id=f"tg{count + len(targets) + 1}", value=_number(figure.group("value")),
                unit=bracket.group("unit").strip() if bracket else unit_above,
                comparator="=", subject=name, indicator=what,
                milestone_year=_last_year(header[column]) or period_end,
                indicator_key=indicator_key(name, what), section=section.id,
                text=name, span=(start, end), page=norm.page_at(start),
            ))
    return targets


def _title_unit(title: str) -> str | None:
    """The counted noun a table's title names: "CHỈ TIÊU PHÁT TRIỂN SẢN PHẨM OCOP" -> "sản
    phẩm"."""
    key = _key(title)
    found = [(hit.start(), -len(unit), unit) for unit in lexicon()["count_units"]
             if (hit := regex.search(rf"(?<!\w){regex.escape(_key(unit))}(?!\w)", key))]
    return min(found)[2] if found else None  # the first named, "sản phẩm" before "huyện"


def _cell_unit(rest: str) -> str | None:
    """The unit written in a value cell after its figure: "99,5%" -> "%", "02 lớp" -> "lớp"."""
    rest = rest.strip()
    if rest.startswith("%"):
        return "%"
    return next((unit for unit in sorted(lexicon()["count_units"], key=len, reverse=True)
                 if _key(rest).startswith(_key(unit))), rest.split(" (")[0] or None)


def _target_columns(header: list[str]) -> tuple[int, int | None, list[int], int | None] | None:
    """(indicator, unit, planned values, baseline) columns: the last planned column ("Kế hoạch
    năm 2025"), or else every column of a year ("Năm 2023 | Năm 2024 | Năm 2025")."""
    keys = [_key(cell) for cell in header]
    indicator = next((i for i, k in enumerate(keys)
                      if regex.match(r"(chỉ tiêu|nội dung|tiêu chí)", k)), None)
    unit = next((i for i, k in enumerate(keys) if regex.match(r"(đơn vị tính|đvt)", k)), None)
    planned = [i for i, k in enumerate(keys)
               if regex.search(r"kế hoạch|mục tiêu|phấn đấu|chỉ tiêu", k) and i != indicator]
    baseline = next((i for i, k in enumerate(keys) if regex.search(r"thực hiện|hiện trạng", k)),
                    None)
    yearly = [i for i, k in enumerate(keys) if regex.fullmatch(rf"(?:năm\s+)?{YEAR}", k.strip())]
    if indicator is None or not (planned or yearly):
        return None
    return indicator, unit, planned[-1:] or yearly, baseline


def _last_year(text: str) -> int | None:
    years = regex.findall(YEAR, text)
    return int(years[-1]) if years else None


@cache
def _key_stopwords() -> tuple[regex.Pattern[str], frozenset[str]]:
    """The stop phrases of several words as one pattern (longest first), and the single stop
    words."""
    stop = {_key(word) for word in lexicon()["key_stopwords"]}
    phrases = sorted((word for word in stop if " " in word), key=len, reverse=True)
    pattern = regex.compile(rf"(?<!\w)(?:{'|'.join(map(regex.escape, phrases))})(?!\w)")
    return pattern, frozenset(word for word in stop if " " not in word)


def indicator_key(subject: str | None, indicator: str | None) -> str:
    """A canonical key for what a target measures, robust to wording, tone-mark style and
    locality names: content words of subject and indicator, folded and sorted."""
    text = " ".join(filter(None, [subject, indicator]))
    # a locality: its unit word and the capitalised name after it ("thị xã An Khê")
    text = regex.sub(rf"(?i:trên địa bàn)|(?i:{UNIT_WORDS})(?:\s+\p{{Lu}}\p{{Ll}}*)*", " ", text)
    # a bracket lists examples or gives a short form: "trường học các cấp (mầm non, tiểu học)"
    text = regex.sub(r"\([^()]*\)", " ", text)
    text = regex.sub(r"[“”\"'()]", " ", _key(text))
    stop_phrases, stop_words = _key_stopwords()
    words = regex.findall(r"[\p{L}\d]+", stop_phrases.sub(" ", text))
    kept = [word for word in words if word not in stop_words and not word.isdigit()]
    return " ".join(sorted(set(kept)))


def _link_milestones(targets: list[Target]) -> None:
    """The same indicator at an earlier milestone: ``earlier`` points at it."""
    latest: dict[str, Target] = {}
    for target in sorted(targets, key=lambda t: (t.milestone_year or 0)):
        key = target.indicator_key
        if not key:
            continue
        previous = latest.get(key)
        if previous is not None and (previous.milestone_year or 0) < (target.milestone_year or 0):
            target.earlier = previous.id
        latest[key] = target
