"""Document metadata: type, number, date and place, issuer, locality, title, programme,
signer, recipients, and the decision that enacts a plan.

Each value is read from the zone where plans put it (see :mod:`extractor.structure`), with
fallbacks for documents that lack a zone: the seeds and many web copies have no header block,
so the issuer is also recovered from the signature ("TM. ỦY BAN NHÂN DÂN"), the enacting
authority line ("CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG X") or the preamble ("UBND xã ban hành ...").
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from extractor.model import (
    Body,
    Document,
    DocumentRef,
    Evidence,
    Finding,
    Locality,
    Period,
    Programme,
    Signer,
)
from extractor.normalize import NormalizedText, TextLine, join_lines
from extractor.rules.dates import find_dates, parse_blankable, parse_date
from extractor.rules.vocabulary import (
    UNIT_WORDS,
    UPPER_UNIT_WORDS,
    expand_abbreviations,
    tier_of_body,
    tier_of_unit,
    unit_of,
    vocabulary,
)
from extractor.structure import Layout, Part, line_text

NUMBER_LINE = regex.compile(
    # "Số: 74/KH-UBND", "Số:    /KH-UBND", "Số: .../KH-UBND", "Số 12-KH/ĐU" (party documents)
    r"^Số\s*[:.]?\s*(?P<serial>\d*)[\s._…]*(?P<mark>[/-])\s*"
    r"(?P<symbol>[\p{L}\d][\p{L}\d&\.\-/]*)",
    regex.IGNORECASE,
)
PLACE_DATE = regex.compile(r"^(?P<place>[^,\d][^,]{1,60}?)\s*,\s*ngày\b", regex.IGNORECASE)
SUBTITLE_NUMBER = regex.compile(
    r"(?P<type>Quyết định|Kế hoạch|Nghị quyết)\s+(?:số\s*[:.]?\s*)?(?P<number>\d+\s?/\s?"
    r"(?:\d{4}\s?/\s?)?\p{Lu}[\p{L}\d&\.\-]*[\p{L}\d])",
    regex.IGNORECASE,
)
SIGN_CAPACITY = regex.compile(r"^(TM|KT|TL|TUQ|Q)\s*\.\s*(?P<rest>.*)$")
PERSON_NAME = regex.compile(r"^\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}*){1,4}$")
POSITION = regex.compile(
    r"^(?:Q\.\s*)?(?:PHÓ\s+|TỔNG\s+)?(?:CHỦ TỊCH|TRƯỞNG BAN|GIÁM ĐỐC|BÍ THƯ|CHÁNH VĂN PHÒNG|"
    r"TRƯỞNG PHÒNG|THỦ TƯỚNG|BỘ TRƯỞNG|CHỦ NHIỆM|VIỆN TRƯỞNG|HIỆU TRƯỞNG|THỨ TRƯỞNG|"
    r"CHÁNH THANH TRA|TRƯỞNG ĐOÀN|THƯỜNG TRỰC)\b[\p{Lu}\s\.\-–&,()/]{0,60}$"
)
ORGANISATION_START = regex.compile(
    r"^(SỞ|BAN|PHÒNG|HỘI|TRUNG TÂM|CHI CỤC|CỤC|VĂN PHÒNG|ĐOÀN|LIÊN ĐOÀN|ỦY BAN MẶT TRẬN|"
    r"ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN)\b"
)
BODY_NAME = r"(?:Ủy ban nhân dân|Uỷ ban nhân dân|UBND|Ban [Cc]hỉ đạo|Hội đồng nhân dân|Sở|Phòng)"
PREAMBLE_ISSUER = regex.compile(
    rf"(?P<body>{BODY_NAME}(?:\s*\([^)]*\))?[^,;()]*?)\s*(?:\([^)]*\)\s*)?(?:xây dựng|ban hành)\s+"
    r"(?:Kế hoạch|kế hoạch|Chương trình|chương trình)"
)
AREA = regex.compile(
    rf"(?:trên địa bàn|tại|của)\s+(?P<unit>{UNIT_WORDS})"
    r"(?P<name>(?:\s+(?:\p{Lu}[\p{L}\-]*|\d+))*)"
)
QUOTED_PROGRAMME = regex.compile(
    r"(?P<kind>Đề án|Chương trình|Kế hoạch|Nghị quyết|Dự án|Phong trào|Cuộc vận động)\s*[“\"]\s*"
    r"(?P<name>[^”\"]+)[”\"]",
    regex.IGNORECASE,
)
PERIOD = regex.compile(
    r"(?:(?:giai đoạn|năm)\s+)?(?P<start>(?:19|20)\d{2})\s*[-–—]\s*(?P<end>(?:19|20)\d{2})"
    r"|(?:năm|đến năm)\s+(?P<year>(?:19|20)\d{2})",
    regex.IGNORECASE,
)
PERIOD_SUFFIX = regex.compile(r"[,\s]*(?:giai đoạn|thời kỳ|năm|đến năm)\s+[\d\s\-–—,]+.*$",
                              regex.IGNORECASE)
ARCHIVE_LINE = regex.compile(r"^Lưu\b", regex.IGNORECASE)


@dataclass
class MetadataResult:
    document: Document
    findings: list[Finding]


class _Reader:
    """Helper that turns text lines into values with evidence."""

    def __init__(self, norm: NormalizedText, layout: Layout) -> None:
        self.norm = norm
        self.layout = layout
        self.text = norm.text
        self.evidence: dict[str, Evidence] = {}
        self.findings: list[Finding] = []

    def value(self, line: TextLine) -> str:
        return line_text(self.text, line)

    def mark(self, field: str, start: int, end: int) -> None:
        self.evidence[field] = Evidence(span=(start, end), page=self.norm.page_at(start))

    def finding(self, code: str, severity: str, message: str, span: tuple[int, int] | None) -> None:
        page = self.norm.page_at(span[0]) if span else None
        self.findings.append(Finding(code=code, severity=severity,  # type: ignore[arg-type]
                                     message=message, span=span, page=page))


def extract_metadata(norm: NormalizedText, layout: Layout) -> MetadataResult:
    reader = _Reader(norm, layout)
    part = layout.plan_part
    document = Document()
    if part is None:
        reader.finding("MISSING_TYPE", "warning",
                       "No document type heading (KẾ HOẠCH, QUYẾT ĐỊNH ...) was found", None)
        return MetadataResult(document, reader.findings)
    document.type = part.doc_type  # type: ignore[assignment]
    reader.mark("type", part.heading.start, part.heading.end)
    header_number, header_symbol = _header_number(reader)
    header_date = _header_date(reader)
    document.title = _title(reader, part)
    document.enacted_by = _enacting_decision(reader, layout, part, header_number, header_date)
    if document.enacted_by is not None:
        document.number = document.enacted_by.number
        document.issue_date = document.enacted_by.issue_date
        for field in ("number", "issue_date"):
            source = "enacted_by." + field
            if source in reader.evidence:
                reader.evidence[field] = reader.evidence[source]
    else:
        document.number, document.issue_date = header_number, header_date
        if "header_number" in reader.evidence:
            reader.evidence["number"] = reader.evidence["header_number"]
    document.symbol = document.number.split("/")[-1] if document.number else header_symbol
    document.place = _place(reader)
    document.locality = _locality(reader, part, document.title)
    document.issuer = _issuer(reader, document.locality)
    if document.locality is None and document.issuer is not None:
        document.locality = _locality_from_issuer(document.issuer)
    document.programme = _programme(reader, part, document.title)
    document.signer = _signer(reader, layout, part)
    document.recipients = _recipients(reader, layout, part)
    _impossible_dates(reader)
    document.evidence = reader.evidence
    return MetadataResult(document, reader.findings)


def plan_year(document: Document) -> int | None:
    """The year a date without one belongs to: a one-year plan's year, else the issue year."""
    programme = document.programme
    period = programme.period if programme else None
    if period and period.start and period.start == period.end:
        return int(period.start)
    if document.issue_date:
        return int(document.issue_date[:4])
    return None


def _header_lines(reader: _Reader) -> list[TextLine]:
    return reader.layout.header


def _header_number(reader: _Reader) -> tuple[str | None, str | None]:
    """(number, symbol) from the "Số:" line; a blank number gives (None, symbol)."""
    for line in _header_lines(reader):
        match = NUMBER_LINE.match(reader.value(line))
        if not match:
            continue
        serial, symbol = match.group("serial"), match.group("symbol").rstrip(".")
        span = (line.start + match.start(), line.start + match.end())
        if serial:
            reader.mark("header_number", *span)
            return f"{serial}{match.group('mark')}{symbol}", symbol
        reader.finding("BLANK_NUMBER", "warning",
                       f"The document number is blank (Số: /{symbol}); the plan was published "
                       "before it was numbered", span)
        return None, symbol
    reader.finding("MISSING_NUMBER", "info", "No 'Số:' number line in the header", None)
    return None, None


def _header_date(reader: _Reader) -> str | None:
    lines = _header_lines(reader)
    for line in lines:
        value = reader.value(line)
        found = parse_blankable(value) or parse_date(value)
        if found is None or (not PLACE_DATE.match(value) and not value.lower().startswith("ngày")):
            continue
        span = (line.start + found.start, line.start + found.end)
        reader.mark("issue_date", *span)
        reader.evidence["header_date"] = reader.evidence["issue_date"]
        if found.iso is None:
            reader.finding("IMPOSSIBLE_DATE", "error",
                           f"The issue date '{found.text}' cannot exist", span)
        elif found.day is None or found.month is None:
            reader.finding("PARTIAL_DATE", "warning",
                           f"The issue date '{found.text}' has a blank day or month", span)
        return found.iso
    reader.finding("MISSING_DATE", "warning", "No issue date (place, ngày ... tháng ... năm ...)",
                   None)
    return None


def _place(reader: _Reader) -> str | None:
    for line in _header_lines(reader):
        match = PLACE_DATE.match(reader.value(line))
        if match and (parse_blankable(reader.value(line)) or parse_date(reader.value(line))):
            place = match.group("place").strip()
            reader.mark("place", line.start + match.start("place"), line.start + match.end("place"))
            return place
    return None


def _title(reader: _Reader, part: Part) -> str | None:
    if not part.title:
        return None
    title = join_lines([reader.value(line) for line in part.title]).strip().rstrip(".")
    reader.mark("title", part.title[0].start, part.title[-1].end)
    return title or None


def _enacting_decision(
    reader: _Reader, layout: Layout, part: Part, header_number: str | None,
    header_date: str | None,
) -> DocumentRef | None:
    """The decision that issues this plan: a decision part before it, or its subtitle."""
    decision_part = next((p for p in layout.parts if p.doc_type == "quyet_dinh"), None)
    if decision_part is None or decision_part is part:
        return None
    number, date = header_number, header_date
    if "header_number" in reader.evidence:
        reader.evidence["enacted_by.number"] = reader.evidence["header_number"]
    if "issue_date" in reader.evidence:
        reader.evidence["enacted_by.issue_date"] = reader.evidence["issue_date"]
    subtitle = " ".join(reader.value(line) for line in part.subtitle)
    match = SUBTITLE_NUMBER.search(subtitle)
    if match and part.subtitle:
        start = part.subtitle[0].start
        if number is None:
            number = regex.sub(r"\s+", "", match.group("number"))
            reader.mark("enacted_by.number", start + match.start("number"),
                        start + match.end("number"))
        dates = find_dates(subtitle[match.end():])
        if dates and dates[0].iso and (date is None or len(dates[0].iso) > len(date)):
            date = dates[0].iso
            offset = start + match.end() + dates[0].start
            reader.mark("enacted_by.issue_date", offset, offset + len(dates[0].text))
    title = " ".join(reader.value(line) for line in decision_part.title).strip() or None
    span = (decision_part.heading.start, decision_part.heading.end)
    return DocumentRef(type="quyet_dinh", number=number, issue_date=date, title=title,
                       span=span, page=reader.norm.page_at(span[0]))


def _clean_name(name: str) -> str:
    return " ".join(name.strip(" .,;:”“\"").split())


def _area(text: str) -> regex.Match[str] | None:
    matches = list(AREA.finditer(text))
    return matches[-1] if matches else None


def _locality(reader: _Reader, part: Part, title: str | None) -> Locality | None:
    sources = [part.title, part.preamble[:1]]
    for lines in sources:
        if not lines:
            continue
        value = " ".join(reader.value(line) for line in lines)
        match = _area(value)
        if match is None:
            continue
        unit = unit_of(match.group("unit"))
        if unit is None:
            continue
        name = _clean_name(match.group("name")) or None
        if name and regex.match(r"^(?:Năm|Giai)\b", name):
            name = None
        start = lines[0].start + match.start("unit")
        end = lines[0].start + match.end()
        reader.mark("locality", start, end)
        return Locality(name=name, level=unit.level,  # type: ignore[arg-type]
                        tier=tier_of_unit(unit, name),  # type: ignore[arg-type]
                        span=(start, end), page=reader.norm.page_at(start))
    return None


def _locality_from_issuer(issuer: Body) -> Locality | None:
    match = regex.search(rf"(?P<unit>{UNIT_WORDS})(?P<name>(?:\s+\p{{Lu}}[\p{{L}}\-]*)*)$",
                         issuer.name)
    if match is None:
        return None
    unit = unit_of(match.group("unit"))
    if unit is None:
        return None
    name = _clean_name(match.group("name")) or None
    return Locality(name=name, level=unit.level, tier=tier_of_unit(unit, name))  # type: ignore[arg-type]


def _issuer(reader: _Reader, locality: Locality | None) -> Body | None:
    """Issuer from the header block, the enacting authority, the signature or the preamble."""
    for finder in (_issuer_from_header, _issuer_from_authority, _issuer_from_preamble,
                   _issuer_from_signature):
        found = finder(reader)
        if found is not None:
            name, span = found
            name = _complete_issuer(name, locality)
            reader.mark("issuer", *span)
            return Body(name=name, level=_body_tier(name, locality),  # type: ignore[arg-type]
                        span=span, page=reader.norm.page_at(span[0]))
    return None


def _body_tier(name: str, locality: Locality | None) -> str | None:
    tier = tier_of_body(name)
    if tier is None and locality is not None:
        return locality.tier
    return tier


def _complete_issuer(name: str, locality: Locality | None) -> str:
    """Sentence case, abbreviations expanded, and the locality name added when missing."""
    name = expand_abbreviations(_sentence_case(name))
    if locality is None or locality.name is None:
        return name
    match = regex.search(rf"(?<!\p{{L}})({UNIT_WORDS})$", name)
    if match and unit_of(match.group(1)) and unit_of(match.group(1)).level == locality.level:
        return f"{name} {locality.name}"
    if regex.search(r"(?:Ủy ban nhân dân|Hội đồng nhân dân)$", name):
        units = vocabulary()["admin"]["units"]
        unit_word = next((row[0] for row in units if row[1] == locality.level), None)
        if unit_word:
            return f"{name} {unit_word} {locality.name}"
    return name


def _sentence_case(name: str) -> str:
    """"ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN" -> "Ủy ban nhân dân tỉnh Hưng Yên"."""
    name = " ".join(name.split())
    if not name.isupper():
        return name
    match = regex.search(rf"(?<!\p{{L}})({UPPER_UNIT_WORDS})(?!\p{{L}})(.*)$", name)
    head, unit, place = name, "", ""
    if match:
        head, unit, place = name[: match.start()], match.group(1), match.group(2)
    head = head.strip().capitalize()
    head = regex.sub(r"\b(ủy ban nhân dân|uỷ ban nhân dân)\b", "Ủy ban nhân dân", head,
                     flags=regex.IGNORECASE)
    head = head.replace("Ban chỉ đạo", "Ban Chỉ đạo")
    place = " ".join(word.capitalize() for word in place.split())
    return " ".join(part for part in (head, unit.lower(), place) if part)


def _issuer_from_header(reader: _Reader) -> tuple[str, tuple[int, int]] | None:
    lines = [line for line in _header_lines(reader)]
    names: list[TextLine] = []
    for line in lines:
        value = reader.value(line)
        if regex.match(r"^(CỘNG HÒA|CỘNG HOÀ|Độc lập|Số\b)", value) or PLACE_DATE.match(value):
            if names:
                break
            continue
        if value.isupper() and len(value) <= 80:
            names.append(line)
        elif names:
            break
    if not names:
        return None
    values = [reader.value(line) for line in names]
    # "UBND TỈNH X" over "SỞ GIÁO DỤC VÀ ĐÀO TẠO" (or a Ban Chỉ đạo spread over two lines): the
    # issuer is the body under its superior, which lends it its locality.
    for index in range(1, len(values)):
        if ORGANISATION_START.match(values[index]):
            body = " ".join(values[index:])
            superior = regex.search(rf"(?<!\p{{L}})(?:{UPPER_UNIT_WORDS})\s+\S.*$",
                                    " ".join(values[:index]))
            has_unit = regex.search(rf"(?<!\p{{L}})(?:{UPPER_UNIT_WORDS})(?!\p{{L}})", body)
            if superior and not has_unit:
                body = f"{body} {superior.group(0)}"
            return body, (names[index].start, names[-1].end)
    return " ".join(values), (names[0].start, names[-1].end)


def _issuer_from_authority(reader: _Reader) -> tuple[str, tuple[int, int]] | None:
    """"CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG X" under a decision's title."""
    for part in reader.layout.parts:
        for line in part.preamble[:2] + part.title[-1:]:
            value = reader.value(line)
            match = regex.match(r"^(?:CHỦ TỊCH|GIÁM ĐỐC|TRƯỞNG BAN)\s+(?P<body>.+)$", value)
            if match and value.isupper():
                return match.group("body"), (line.start + match.start("body"), line.end)
    return None


def _issuer_from_preamble(reader: _Reader) -> tuple[str, tuple[int, int]] | None:
    part = reader.layout.plan_part
    if part is None:
        return None
    for line in part.preamble:
        value = reader.value(line)
        for match in PREAMBLE_ISSUER.finditer(value):
            body = match.group("body").strip()
            # Keep only the last body named before the verb ("..., UBND thành phố X xây dựng").
            body = regex.split(r"[,;]\s*", body)[-1]
            body = regex.sub(r"\s*\((?:UBND|BCĐ|sau đây)[^)]*\)?", "", body)
            if len(body.split()) <= 14:
                start = line.start + match.start("body")
                return body, (start, start + len(match.group("body")))
    return None


def _issuer_from_signature(reader: _Reader) -> tuple[str, tuple[int, int]] | None:
    for line in _signature_lines(reader, reader.layout.plan_part):
        match = SIGN_CAPACITY.match(reader.value(line))
        if match and match.group(1) == "TM":
            rest = match.group("rest")
            return rest, (line.start + match.start("rest"), line.end)
    return None


def _programme(reader: _Reader, part: Part, title: str | None) -> Programme | None:
    if not title:
        return None
    match = QUOTED_PROGRAMME.search(title)
    name = kind = None
    if match:
        name = PERIOD_SUFFIX.sub("", match.group("name")).strip(" ,") or None
        kind_word = match.group("kind").casefold()
        kind = {"đề án": "de_an", "chương trình": "chuong_trinh", "kế hoạch": "ke_hoach",
                "nghị quyết": "nghi_quyet"}.get(kind_word)
    # The plan's own period ("... năm 2025") stands outside the programme's quoted name, which
    # may carry the programme's longer period; prefer it.
    outside = title[:match.start()] + " " * len(match.group(0)) + title[match.end():] if match \
        else title
    searched = outside if PERIOD.search(outside) else title
    period_match = PERIOD.search(searched)
    if period_match and period_match.group("year"):
        # "Chiến lược ... đến năm 2030 ..., giai đoạn 2025 - 2030": the range that ends there
        later = next((found for found in PERIOD.finditer(searched, period_match.end())
                      if found.group("end") == period_match.group("year")), None)
        period_match = later or period_match
    period = None
    if period_match:
        if period_match.group("year"):
            year = period_match.group("year")
            period = Period(start=year, end=year)
        else:
            period = Period(start=period_match.group("start"), end=period_match.group("end"))
    if name is None and period is None:
        return None
    start = part.title[0].start + (match.start("name") if match else 0)
    end = start + len(match.group("name")) if match else part.title[-1].end
    return Programme(name=name, kind=kind, period=period,  # type: ignore[arg-type]
                     span=(start, end), page=reader.norm.page_at(start))


def _signature_lines(reader: _Reader, part: Part | None) -> list[TextLine]:
    """Lines of the signature block: after the recipients, or the part's last lines."""
    if part is None:
        return []
    if part.closing:
        return [line for line in part.closing if not _is_recipient_line(reader.value(line))]
    return part.body[-8:]


def _is_recipient_line(value: str) -> bool:
    return bool(regex.match(r"^[-+•–]\s*\S", value)) or value.rstrip().endswith(":")


def _signer(reader: _Reader, layout: Layout, part: Part) -> Signer | None:
    candidates = [part] + [p for p in layout.parts if p is not part]
    for candidate in candidates:
        signer = _signer_in(reader, _signature_lines(reader, candidate))
        if signer is not None:
            return signer
    return None


def _signer_in(reader: _Reader, lines: list[TextLine]) -> Signer | None:
    on_behalf: list[str] = []
    capacity = None
    title = None
    name = None
    start = end = None
    for line in lines:
        value = reader.value(line).strip()
        capacity_match = SIGN_CAPACITY.match(value)
        if capacity_match and name is None:
            capacity = capacity_match.group(1)
            if capacity == "Q":  # "Q. CHỦ TỊCH": acting chair, a title of its own
                title = title or value
            else:
                on_behalf.append(capacity_match.group("rest").strip())
            start = start if start is not None else line.start
            end = line.end
        elif POSITION.match(value) and title is None and name is None:
            title = value
            start = start if start is not None else line.start
            end = line.end
        elif PERSON_NAME.match(value) and (title or capacity):
            if name is None:
                name = value
                reader.mark("signer.name", line.start, line.end)
            end = line.end if name == value else end
    if name is None and title is None:
        return None
    span = (start, end) if start is not None and end is not None else None
    return Signer(name=name, title=title, capacity=capacity,  # type: ignore[arg-type]
                  on_behalf_of=on_behalf, span=span,
                  page=reader.norm.page_at(span[0]) if span else None)


def _recipients(reader: _Reader, layout: Layout, part: Part) -> list[str]:
    candidates = [part] + [p for p in layout.parts if p is not part]
    for candidate in candidates:
        if candidate.recipients_heading is None:
            continue
        heading = reader.value(candidate.recipients_heading)
        inline = regex.sub(r"^Nơi nhận\s*:?\s*", "", heading, flags=regex.IGNORECASE)
        values = [inline] if inline else []
        values += [reader.value(line) for line in candidate.closing]
        recipients = []
        for value in values:
            listed = value.lstrip().startswith(("-", "+", "•", "–"))
            if SIGN_CAPACITY.match(value) or (value.isupper() and len(value) > 3 and not listed):
                break  # the signature block ("TM. ỦY BAN NHÂN DÂN"), not "- LĐVP, CV;"
            if value.rstrip().endswith(":") and not value.startswith("-"):
                continue  # a sub-heading such as "Gửi bản điện tử:"
            item = regex.sub(r"^[-+•–]\s*", "", value).strip().rstrip(";,.").strip()
            if not item or ARCHIVE_LINE.match(item):
                continue
            if not listed and recipients:
                break
            recipients.append(item)
        if recipients:
            reader.mark("recipients", candidate.recipients_heading.start,
                        candidate.closing[-1].end if candidate.closing else
                        candidate.recipients_heading.end)
            return recipients
    return []


def _impossible_dates(reader: _Reader) -> None:
    reported = {f.span for f in reader.findings if f.code == "IMPOSSIBLE_DATE"}
    for found in find_dates(reader.text):
        span = (found.start, found.end)
        if found.iso is None and span not in reported:
            reader.finding("IMPOSSIBLE_DATE", "error", f"The date '{found.text}' cannot exist",
                           span)

