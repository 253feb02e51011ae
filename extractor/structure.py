"""The shape of a plan: its parts, their zones, and the section tree.

A file holds one or more *parts*, each opened by a type heading on a line of its own
("KẾ HOẠCH", "QUYẾT ĐỊNH"): a "Quyết định ban hành Kế hoạch" is a decision part followed by a
plan part. Each part has zones: the title lines under the heading, the preamble ("Căn cứ ...",
"Thực hiện ..."), the body, and the closing ("Nơi nhận", the signature). Lines before the
first heading are the header (issuer, number, place and date).

Sections nest by the order in which numbering styles appear, not by a fixed ranking, because
plans mix them freely (Roman, ``1.``, ``1.1.``, ``a)``, ``a.``, ``a,``, ``-``, ``+``,
"Nhiệm vụ 1:", "Bước 1:", "Điều 1.", PHỤ LỤC).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property

import regex

from extractor.model import Section
from extractor.normalize import NormalizedText, TextLine, join_lines

DOC_TYPE_WORDS = {
    "KẾ HOẠCH": "ke_hoach", "QUYẾT ĐỊNH": "quyet_dinh", "CHƯƠNG TRÌNH": "chuong_trinh",
    "ĐỀ ÁN": "de_an", "CÔNG VĂN": "cong_van", "THÔNG BÁO": "thong_bao",
    "HƯỚNG DẪN": "huong_dan", "BÁO CÁO": "bao_cao", "CHỈ THỊ": "chi_thi",
    "NGHỊ QUYẾT": "nghi_quyet",
}
TYPE_HEADING = regex.compile(r"^(" + "|".join(DOC_TYPE_WORDS) + r")$")
# "KẾ HOẠCH TRIỂN KHAI CHUYỂN ĐỔI SỐ NĂM 2024": the heading with its title on one line.
TYPE_HEADING_WITH_TITLE = regex.compile(r"^(" + "|".join(DOC_TYPE_WORDS) + r")\s+(?=\S)")
SPACED_LETTERS = regex.compile(r"^(?:\p{L}\s){3,}\p{L}$")
PREAMBLE_START = regex.compile(
    r"^(Căn cứ|Thực hiện|Triển khai|Xét|Theo đề nghị|Thi hành|Nhằm|Để)\b", regex.IGNORECASE
)
SUBTITLE = regex.compile(r"^\((Ban hành )?kèm theo\b", regex.IGNORECASE)
AUTHORITY_LINE = regex.compile(
    r"^(CHỦ TỊCH|GIÁM ĐỐC|TRƯỞNG BAN|BỘ TRƯỞNG|THỦ TƯỚNG|ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|"
    r"BAN CHỈ ĐẠO|BAN THƯỜNG VỤ)\b"
)
ENACTING_FORMULA = regex.compile(r"^(QUYẾT ĐỊNH|QUYẾT NGHỊ|CHỈ THỊ)\s*:$")
RECIPIENTS_HEADING = regex.compile(r"^Nơi nhận\s*:?", regex.IGNORECASE)
# The signature's first line ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"): where a plan attached to
# a decision signs with no "Nơi nhận" of its own, its closing starts here.
# The plan's closing paragraph ("Trên đây là Kế hoạch ...").
CLOSING = regex.compile(r"^\s*Trên đây là\b")
SIGNATURE_START = regex.compile(r"^(?:TM|KT|TL|TUQ)\s*\.\s*\p{Lu}")
# "PHỤ LỤC", "PHỤ LỤC II", and in mixed case only as a heading: "Phụ lục: DANH MỤC ...".
APPENDIX_MARKER = r"PHỤ LỤC(?:\s+[IVX\d]+)?\b|Phụ lục(?:\s+[IVX\d]+)?(?=\s*[\.:]|\s*$)"
APPENDIX = regex.compile(rf"^(?:{APPENDIX_MARKER})")
MAX_TITLE_LINES = 4
MAX_SUBTITLE_LINES = 4

# (kind, pattern); the first group is the marker. Order matters: longer forms first.
MARKERS: list[tuple[str, regex.Pattern[str]]] = [
    ("article", regex.compile(r"^(Điều\s+\d+)\s*[\.:]\s*")),
    ("appendix", regex.compile(rf"^({APPENDIX_MARKER})\s*[\.:]?\s*")),
    ("part", regex.compile(r"^((?:Phần|PHẦN)\s+(?:[IVXL]{1,6}|\d{1,2}))\s*[\.:\-–]?\s*")),
    ("chapter", regex.compile(r"^([A-H])\s*[\.\)]\s+(?=\p{Lu})")),
    ("task", regex.compile(r"^(Nhiệm vụ\s+\d+)\s*[:\.]\s*")),
    ("step", regex.compile(r"^(Bước\s+\d+)\s*[:\.]\s*")),
    ("roman", regex.compile(r"^([IVXL]{1,6})\s*[\.\)/:]\s*(?=\S)")),
    ("arabic", regex.compile(r"^(\d{1,2}(?:\.\d{1,2})+)\.?\s+(?=\S)")),
    ("arabic", regex.compile(r"^(\d{1,2})\s*[\.\)]\s*(?=\S)(?!\d)")),
    ("letter", regex.compile(r"^([a-hik-vđ])\s*[\)\.,]\s+(?=\S)")),
    # "- + 100% ...": a converter's list dash before the document's own "+"
    ("plus", regex.compile(r"^[-–•]\s*(\+)\s+(?=\S)")),
    ("bullet", regex.compile(r"^([-–•])\s*(?=\S)")),
    ("plus", regex.compile(r"^(\+)\s*(?=\S)")),
]


@dataclass
class Part:
    heading: TextLine
    doc_type: str
    title: list[TextLine] = field(default_factory=list)
    subtitle: list[TextLine] = field(default_factory=list)
    preamble: list[TextLine] = field(default_factory=list)
    body: list[TextLine] = field(default_factory=list)
    recipients_heading: TextLine | None = None
    closing: list[TextLine] = field(default_factory=list)


@dataclass
class Layout:
    header: list[TextLine]
    parts: list[Part]
    sections: list[Section]

    @cached_property
    def _by_id(self) -> dict[str, Section]:
        return {section.id: section for section in self.sections}

    @cached_property
    def _starts(self) -> list[int]:
        return [section.span[0] if section.span else -1 for section in self.sections]

    def section_at(self, offset: int) -> Section | None:
        """The innermost section holding ``offset``: the nearest section opened before it,
        or the first of its ancestors that still runs past it."""
        index = bisect_right(self._starts, offset) - 1
        section = self.sections[index] if index >= 0 else None
        while section is not None and section.span and section.span[1] < offset:
            section = self._by_id.get(section.parent) if section.parent else None
        return section

    def chain(self, section: Section | None) -> list[Section]:
        """``section`` and its ancestors, innermost first."""
        chain = []
        while section is not None:
            chain.append(section)
            section = self._by_id.get(section.parent) if section.parent else None
        return chain

    @property
    def plan_part(self) -> Part | None:
        """The part that is the plan: the first "KẾ HOẠCH" part (a decision that enacts a plan
        comes before it), else the first part."""
        if not self.parts:
            return None
        for part in self.parts:
            if part.doc_type == "ke_hoach":
                return part
        return self.parts[0]


def analyse(norm: NormalizedText) -> Layout:
    lines = norm.paragraphs()
    text = norm.text
    heading_indexes = [i for i, line in enumerate(lines) if _is_type_heading(text, lines, i)]
    header = lines[: heading_indexes[0]] if heading_indexes else []
    parts = []
    for number, start in enumerate(heading_indexes):
        end = heading_indexes[number + 1] if number + 1 < len(heading_indexes) else len(lines)
        parts.append(_part(text, lines[start:end]))
    return Layout(header, parts, build_sections(norm))


def line_text(text: str, line: TextLine) -> str:
    return text[line.start:line.end]


def heading_type(value: str) -> tuple[str, int] | None:
    """(type word, where the title starts on the same line, or -1) for a type heading line:
    "KẾ HOẠCH", "K Ế H O Ạ C H", "KẾ HOẠCH TRIỂN KHAI ... NĂM 2024"."""
    line = value.strip()
    if SPACED_LETTERS.match(line):
        line = line.replace(" ", "")
        line = next((word for word in DOC_TYPE_WORDS if word.replace(" ", "") == line), line)
    # Upper case only: a website's menu says "Công văn", "Quyết định" in lower case.
    match = TYPE_HEADING.match(line)
    if match:
        return match.group(1), -1
    inline = TYPE_HEADING_WITH_TITLE.match(line)
    if inline and line.isupper() and not line.rstrip().endswith(":"):
        return inline.group(1), len(value) - len(value.lstrip()) + inline.end()
    return None


def _is_type_heading(text: str, lines: list[TextLine], index: int) -> bool:
    return heading_type(line_text(text, lines[index])) is not None


def _part(text: str, lines: list[TextLine]) -> Part:
    heading = lines[0]
    word, title_at = heading_type(line_text(text, heading))  # type: ignore[misc]
    part = Part(heading, DOC_TYPE_WORDS[word])
    if title_at >= 0:
        part.title.append(TextLine(heading.start + title_at, heading.end, heading.page))
    index = 1
    while index < len(lines) and len(part.title) < MAX_TITLE_LINES:
        value = line_text(text, lines[index])
        if part.title and (
            PREAMBLE_START.match(value) or SUBTITLE.match(value) or AUTHORITY_LINE.match(value)
            or RECIPIENTS_HEADING.match(value) or ENACTING_FORMULA.match(value)
            or marker_of(value) is not None
        ):
            break
        part.title.append(lines[index])
        index += 1
    while index < len(lines) and SUBTITLE.match(line_text(text, lines[index])):
        part.subtitle.append(lines[index])
        index += 1
        # The subtitle runs on to its closing bracket: "... Của Chủ tịch UBND phường X)".
        while index < len(lines) and len(part.subtitle) < MAX_SUBTITLE_LINES and \
                not line_text(text, part.subtitle[-1]).rstrip().endswith(")"):
            part.subtitle.append(lines[index])
            index += 1
    # The preamble is its "Căn cứ / Thực hiện" clauses and the sentence that closes them ("...
    # ban hành Kế hoạch như sau:"); whatever else comes first is already the body.
    while index < len(lines) and marker_of(line_text(text, lines[index])) is None:
        value = line_text(text, lines[index])
        if RECIPIENTS_HEADING.match(value) or ENACTING_FORMULA.match(value):
            break
        clause = PREAMBLE_START.match(value) or AUTHORITY_LINE.match(value)
        closing = bool(part.preamble) and not clause and value.rstrip().endswith(":")
        if not clause and not closing:
            break
        part.preamble.append(lines[index])
        index += 1
        if closing:
            break
    closing = False
    for line in lines[index:]:
        value = line_text(text, line)
        if part.recipients_heading is None and RECIPIENTS_HEADING.match(value):
            part.recipients_heading = line
            closing = True
        elif part.body and SIGNATURE_START.match(value) and value.isupper():
            closing = True
            part.closing.append(line)
        elif APPENDIX.match(value):
            closing = False  # an appendix after the signature is body again
            part.body.append(line)
        elif closing:
            part.closing.append(line)
        else:
            part.body.append(line)
    return part


def marker_of(line: str) -> tuple[str, str, str] | None:
    """(kind, marker, rest) of a numbered or bulleted line, else None."""
    for kind, pattern in MARKERS:
        match = pattern.match(line)
        if match:
            return kind, match.group(1), line[match.end():]
    return None


def _level_key(kind: str, marker: str) -> str:
    if kind == "arabic":
        return f"arabic{marker.count('.') + 1}"
    return kind


def _title(rest: str) -> str:
    title = rest.split(":", 1)[0].strip().removesuffix("./.")
    return title.rstrip(".;,").strip()


def build_sections(norm: NormalizedText) -> list[Section]:
    """The section tree as a flat list in document order, with parent ids and paths."""
    sections: list[Section] = []
    stack: list[tuple[str, Section]] = []
    text = norm.text
    paragraphs = norm.paragraphs()
    closing = False  # "Nơi nhận" and the signature: list items there are not sections
    for number, line in enumerate(paragraphs):
        value = line_text(text, line)
        if heading_type(value) is not None or RECIPIENTS_HEADING.match(value):
            stack = []  # a new part, or the closing: numbering starts again
            closing = bool(RECIPIENTS_HEADING.match(value))
            continue
        closing = closing and not APPENDIX.match(value)
        found = None if closing else marker_of(value)
        if found is None:
            continue
        kind, marker, rest = found
        if kind == "part" and _parts_are_top_level(text, paragraphs[number + 1:]):
            kind = "roman"  # "Phần II." over "1.", "2.": the first level, as "II." would be
        key = _level_key(kind, marker)
        if kind in {"article", "appendix", "part"}:
            stack = []
        elif kind == "chapter":  # "A.", "B." sit right under a "Phần", above everything else
            stack = [entry for entry in stack if entry[0] == "part"]
        else:
            for depth, (open_key, _) in enumerate(stack):
                if open_key == key:
                    del stack[depth:]
                    break
        parent = stack[-1][1] if stack else None
        short = _short_marker(kind, marker)
        section = Section(
            id=f"s{len(sections) + 1}",
            parent=parent.id if parent else None,
            depth=len(stack) + 1,
            marker=marker,
            kind=kind,  # type: ignore[arg-type]
            path=f"{parent.path}.{short}" if parent else short,
            title=_title(rest) if kind != "appendix" else _appendix_title(rest, paragraphs,
                                                                          number, text),
            span=(line.start, line.end),
            page=line.page,
        )
        sections.append(section)
        stack.append((key, section))
    _extend_spans(sections, len(text))
    return sections


def _parts_are_top_level(text: str, following: list[TextLine]) -> bool:
    """Whether a "Phần I." heading is the plan's first numbering level: "1." items follow it,
    and no "I." or "A." heading (which a Phần stands above) does before the appendices."""
    arabic = False
    for line in following:
        found = marker_of(line_text(text, line))
        kind = found[0] if found else None
        if kind in {"roman", "chapter"}:
            return False
        if kind == "appendix":
            break
        arabic = arabic or kind == "arabic"
    return arabic


def _appendix_title(rest: str, lines: list[TextLine], index: int, text: str) -> str:
    """"PHỤ LỤC" alone on its line is titled by the line under it."""
    if rest.strip():
        return _title(rest)
    title_lines: list[str] = []
    for line in lines[index + 1:index + 4]:
        following = line_text(text, line)
        if marker_of(following) is not None or TYPE_HEADING.match(following) or (
            title_lines and any(character.islower() for character in following)
        ):
            break
        title_lines.append(following)  # a long title wraps over several centred lines
    return _title(join_lines(title_lines)) if title_lines else "PHỤ LỤC"


def _short_marker(kind: str, marker: str) -> str:
    if kind == "article":
        return "D" + marker.split()[-1]
    if kind == "appendix":
        return "PL"
    if kind == "part":
        return "P" + marker.split()[-1]
    if kind == "roman":
        return marker.split()[-1]  # "Phần II" standing as the first level is "II"
    if kind in {"task", "step"}:
        return ("NV" if kind == "task" else "B") + marker.split()[-1]
    if kind == "arabic" and "." in marker:
        return marker.split(".")[-1]
    return marker


def _extend_spans(sections: list[Section], end_of_text: int) -> None:
    """A section runs from its heading to the next heading at its depth or above."""
    for index, section in enumerate(sections):
        end = end_of_text
        for later in sections[index + 1:]:
            if later.depth <= section.depth:
                end = later.span[0] if later.span else end
                break
        start = section.span[0] if section.span else 0
        section.span = (start, max(start, end - 1))
