"""Cited documents: legal basis ("Căn cứ"), the plan implemented ("Thực hiện"), inline citations.

``find_citations(text)`` works on any text (a sentence, a paragraph); ``extract_citations``
places each mention in the plan's zones to tell basis, implements and cited apart, and merges
mentions of one document. ``select_parent`` picks the plan one level up.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from extractor.model import Citation, Document, Mention
from extractor.normalize import NormalizedText
from extractor.rules.agencies import find_mentions
from extractor.rules.dates import find_dates
from extractor.rules.vocabulary import (
    doc_type_of,
    doc_type_of_symbol,
    doc_type_words,
    match_key,
    tier_of_body,
    tier_of_symbol,
)
from extractor.structure import Layout

TYPE_WORDS = "|".join(regex.escape(word) for word, _ in doc_type_words())
# 74/KH-UBND, 44/2014/TT-BGDĐT, 822/BCĐQG-XHHT, 796/KH-GDĐT-KH, 06/CT-TTg, 45/2019/NĐ-CP;
# party documents put the type before the slash: 29-NQ/TW, 05-CT/TU.
NUMBER = (  # (?-i:...): a symbol starts with a capital even when the type word is matched
    # case-insensitively ("đạt 3/tháng" is a rate, not a citation)
    r"\d{1,6}[a-z]?\s?/\s?(?:\d{4}\s?/\s?)?(?-i:\p{Lu})[\p{L}\d&\.\-]*[\p{L}\d]"
    # a party document's: "21-NQ/TW", "09-CTr/TU"
    r"|\d{1,4}\s?-\s?(?-i:\p{Lu}[\p{Lu}\p{Ll}]{1,4})\s?/\s?(?-i:\p{Lu})[\p{L}\d]*"
    # and its issuing board's unit after a dash: "52-HD/TĐTN-TTNTH"
    r"(?:-(?-i:\p{Lu})[\p{L}\d]*)*"
)
NUMBERED = regex.compile(
    rf"(?:(?<!\p{{L}})(?P<type>{TYPE_WORDS})\s+(?:số\s*[:.]?\s*)?)?(?<![\d/])(?P<number>{NUMBER})",
    regex.IGNORECASE,
)
# "Quyết định 387 của Thủ tướng Chính phủ": a number without its symbol.
SHORT_NUMBERED = regex.compile(
    rf"(?<!\p{{L}})(?P<type>{TYPE_WORDS})\s+(?:số\s*)?(?P<number>\d{{1,6}})(?=\s+(?:của|ngày|năm)\b)",
    regex.IGNORECASE,
)
LAW = regex.compile(
    r"(?<!\p{L})(?P<type>Bộ luật|Luật|Hiến pháp)\s+"
    # a pair of fields joined by a comma: "Luật Trật tự, an toàn giao thông đường bộ", "Luật
    # Thi đua, khen thưởng" (not "Luật Đất đai, các văn bản ...")
    r"(?P<name>(?:sửa đổi|Phòng,\s*chống\s|\p{Lu}\p{Ll}*(?:\s+\p{Ll}+){0,2},\s*"
    r"(?!(?:các|những|và|hoặc|theo|để|tổ|triển|thực|xây|hướng|nhằm|trong|được|đã|cùng|bảo)\b)"
    r"\p{Ll}|\p{Lu})[^;:()\t\n]*?)"
    # "theo hợp đồng" goes on the name: "Luật Người lao động Việt Nam đi làm việc ở nước ngoài
    # theo hợp đồng"
    r"(?=\s+ngày\b|\s*[;,.()\t\n]|\s+(?:và|theo(?!\s+hợp\s+đồng)|để|đã|được|năm|hiện hành|"
    r"quy định|về|của|số|trong|thì|nhằm|với|thuộc|đến|tới|cho|trên|tại|qua|bằng)\b|$)"
)
# The formal form "Luật X ngày ..." bounds the name by its date, so commas may stand inside it
# ("Luật Phòng, chống tác hại của rượu, bia ngày 14 tháng 6 năm 2019").
DATED_LAW = regex.compile(
    r"(?<!\p{L})(?P<type>Bộ luật|Luật|Hiến pháp)\s+"
    # (a short form in brackets inside it: "Luật Phòng, chống nhiễm vi rút gây ra hội chứng
    # suy giảm miễn dịch mắc phải ở người (HIV/AIDS)")
    r"(?P<name>(?:sửa đổi|\p{Lu})(?:(?!\s+ngày\s+\d)(?:\([\p{Lu}\d/&\-]{2,15}\)|[^;:()\t\n]))"
    r"{1,160}?)"
    # not a deadline after the name: "Luật X ... đến Nhân dân, hoàn thành trước ngày 30/6/2025"
    r"(?<!(?<!\p{L})(?:trước|sau|đến|từ|vào|hết|nhất|hạn))(?=\s+ngày\s+\d)"
)
AMENDING_LAW = regex.compile(r"(?<!\p{L})Luật\s+(?P<name>sửa đổi[^;\t\n]*?)(?=\s+ngày\b|;|$)")
LAW_WORD = regex.compile(r"(?<!\p{L})(?:Bộ luật|Luật|Hiến pháp)\s+")
# Laws by name, most specific first, each with the longest name it may have (in words).
LAW_PATTERNS = [(DATED_LAW, 20), (AMENDING_LAW, 40), (LAW, 14)]
DATE_LEAD = regex.compile(r"\s*,?\s*(?:ban hành\s+)?(?:ngày\s+(?=\d{1,2}\s?[/.\-]))?",
                          regex.IGNORECASE)
ISSUER = regex.compile(
    r"\s*,?\s*(?:của|do)\s+(?P<issuer>.+?)"
    r"(?=\s+(?:về việc|về|V/v|phê duyệt|ban hành|quy định|hướng dẫn|triển khai|thực hiện|"
    r"xây dựng (?:Kế hoạch|kế hoạch)|đã|đánh giá|và\s+(?:hướng dẫn|chỉ đạo|các|những))\b|"
    r"\s*[,;.:()“\"\t]|$)",
    regex.IGNORECASE,
)
TITLE_END = regex.compile(
    r";|\t|\s*\(sau đây|,\s*(?:Ủy ban nhân dân|UBND|Ban [Cc]hỉ đạo|Sở|Hội)\b|\.\s+\p{Lu}|\./\.|$"
    # the plan's own words after the cited title: "..., hoàn thành trước ngày 30/8/2025"
    r"|,\s*(?:hoàn thành|trước|chậm nhất|xong|báo cáo|gửi)\b"
)
# A document a title is about: "... biện pháp thi hành Luật X", "hướng dẫn thi hành Quyết định
# số ...", "sửa đổi, bổ sung một số điều của Nghị định số ...".
TITLE_OBJECT = regex.compile(
    r"\s(?:thi hành|hướng dẫn|sửa đổi,?\s+bổ sung(?:\s+một số điều)?(?:\s+của)?|"
    r"quy định chi tiết(?:\s+một số điều)?(?:\s+của)?)\s*$")
# A clause of the preamble starts the line or follows a semicolon.
CLAUSE_KEYWORD = regex.compile(r"(?:^|;\s*)(Căn cứ|Thực hiện|Triển khai)", regex.IGNORECASE)
MAX_ISSUER_WORDS = 14
RELATION_STRENGTH = {"cited": 0, "basis": 1, "implements": 2}
PLAN_TYPES = {"ke_hoach", "quyet_dinh", "chuong_trinh", "de_an", "nghi_quyet", "chi_thi"}
TIER_ORDER = ["xa", "huyen", "tinh", "trung_uong"]


@dataclass
class FoundCitation:
    """One mention of a cited document, as found in a piece of text."""

    type: str
    number: str | None
    start: int
    end: int
    date: str | None = None
    date_text: str | None = None
    issuer: str | None = None
    title: str | None = None
    extra: dict = field(default_factory=dict)

    @property
    def key(self) -> str:
        if self.number:
            return "n:" + match_key(self.number)
        return "l:" + match_key(self.title or "")


def compact_number(number: str) -> str:
    return regex.sub(r"\s+", "", number)


def symbol_of(number: str) -> str | None:
    """"44/2014/TT-BGDĐT" -> "TT-BGDĐT"; "29-NQ/TW" -> "NQ/TW"; "387" -> None."""
    match = regex.match(r"\d+[a-z]?(?:/\d{4})?[/-](.+)$", number)
    return match.group(1) if match else None


def find_citations(text: str, known_laws: tuple[str, ...] = ()) -> list[FoundCitation]:
    """Every cited document mention in ``text``, in order.

    ``known_laws`` are law names the same document gives in full elsewhere (with their date);
    a mention in passing takes the longest of them it starts with, commas included.
    """
    found: list[FoundCitation] = []
    taken: list[tuple[int, int]] = []
    for match in NUMBERED.finditer(text):
        number = compact_number(match.group("number"))
        symbol = symbol_of(number)
        word = match.group("type")
        doc_type = (doc_type_of(word) if word else None) or doc_type_of_symbol(symbol) or "van_ban"
        found.append(FoundCitation(doc_type, number, match.start(), match.end()))
        taken.append(match.span())
    for match in SHORT_NUMBERED.finditer(text):
        doc_type = doc_type_of(match.group("type")) or "van_ban"
        # "Đề án 06 năm 2026", "Chương trình 135": a programme's nickname, not a document
        if not _overlaps(match.span(), taken) and doc_type not in {"de_an", "chuong_trinh"}:
            found.append(FoundCitation(doc_type, match.group("number"), match.start(), match.end()))
            taken.append(match.span())
    for match in LAW_WORD.finditer(text):
        start = match.end()
        names = [name for name in known_laws
                 if match_key(text[start:start + len(name)]) == match_key(name)]
        longest = max(names, key=len) if names else ""
        if names and not _overlaps((match.start(), start + len(longest)), taken):
            name = text[start:start + len(longest)]
            found.append(FoundCitation("luat", None, match.start(), start + len(name), title=name))
            taken.append((match.start(), start + len(name)))
    for pattern, max_words in LAW_PATTERNS:
        for match in pattern.finditer(text):
            name = match.group("name").strip()
            if not _overlaps(match.span(), taken) and len(name.split()) <= max_words \
                    and not NUMBERED.search(name):
                found.append(FoundCitation("luat", None, match.start(), match.end(), title=name))
                taken.append(match.span())
    found.sort(key=lambda citation: citation.start)
    for index, citation in enumerate(found):
        later = [other.start for other in found[index + 1:]]
        # "Nghị định ... quy định chi tiết ... thi hành Luật X": the law is in the title.
        while later and TITLE_OBJECT.search(text, citation.end, later[0]):
            later.pop(0)
        _read_tail(text, citation, later[0] if later else len(text))
    return found


def _overlaps(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in taken)


def _read_tail(text: str, citation: FoundCitation, limit: int) -> None:
    """Date, issuer and title that follow a citation's number."""
    line_end = text.find("\n", citation.end)
    limit = min(limit, line_end if line_end != -1 else len(text))
    cursor = citation.end
    lead = DATE_LEAD.match(text, cursor, limit)
    dates = find_dates(text[lead.end():limit]) if lead else []
    if dates and dates[0].start == 0:
        date = dates[0]
        citation.date, citation.date_text = date.iso, date.text
        citation.extra["date_span"] = (lead.end(), lead.end() + date.end)
        cursor = lead.end() + date.end
    issuer = ISSUER.match(text, cursor, limit)
    if issuer and len(issuer.group("issuer").split()) <= MAX_ISSUER_WORDS:
        name_start, name_end = issuer.start("issuer"), issuer.end("issuer")
        if text.startswith(",", name_end):
            # a comma inside the body's name: "của Bộ Văn hóa, Thể thao và Du lịch về việc ..."
            named = find_mentions(text[name_start:limit])
            if named and named[0].start == 0 and name_start + named[0].end > name_end:
                name_end = name_start + named[0].end
        citation.issuer = text[name_start:name_end].strip().removesuffix(" đã").strip()
        cursor = max(issuer.end(), name_end)
    if citation.type == "luat" and citation.number is None:
        citation.end = max(citation.end, cursor)
        return
    end = TITLE_END.search(text, cursor, limit)
    title = text[cursor:end.start() if end else limit].strip(" ,.:–-")
    title = regex.sub(r"\s+(?:và|,)$", "", title).strip()
    if title and not regex.match(r"(?:và|hoặc)\b", title) and len(title) > 3:
        citation.title = title
    citation.end = max(citation.end, cursor)


def extract_citations(
    norm: NormalizedText, layout: Layout, own_numbers: set[str]
) -> list[Citation]:
    """Cited documents of a plan, one per document, with every mention and its relation."""
    zones = _zones(norm, layout)
    own = {match_key(number) for number in own_numbers if number}
    known_laws = tuple({
        match.group("name").strip() for match in DATED_LAW.finditer(norm.text)
        if not NUMBERED.search(match.group("name"))  # a name never holds another citation
    })
    merged: dict[str, Citation] = {}
    quality: dict[str, int] = {}
    order: list[str] = []
    for line in norm.lines:
        zone = zones.get(line.start, "body")
        if zone in {"header", "subtitle", "closing"}:
            continue
        value = norm.text[line.start:line.end]
        for found in find_citations(value, known_laws):
            if found.number and match_key(found.number) in own:
                continue
            relation = _relation(zone, value, found.start)
            span = (line.start + found.start, line.start + found.end)
            _merge(merged, quality, order, found, relation, span, norm.page_at(span[0]))
    _attach_short_numbers(merged, order)
    return [merged[key] for key in order if key in merged]


def _zones(norm: NormalizedText, layout: Layout) -> dict[int, str]:
    zones = {line.start: "header" for line in layout.header}
    for part in layout.parts:
        zones[part.heading.start] = "header"
        zones.update({line.start: "title" for line in part.title})
        zones.update({line.start: "subtitle" for line in part.subtitle})
        zones.update({line.start: "preamble" for line in part.preamble})
        zones.update({line.start: "closing" for line in part.closing})
        if part.recipients_heading is not None:
            zones[part.recipients_heading.start] = "closing"
    return zones


def _relation(zone: str, line: str, offset: int) -> str:
    if zone not in {"preamble", "title"}:
        return "cited"
    keywords = [m for m in CLAUSE_KEYWORD.finditer(line) if m.start() < offset]
    if keywords:
        word = keywords[-1].group(1).casefold()
        return "basis" if word == "căn cứ" else "implements"
    return "implements" if zone == "title" else "basis"


def _completeness(found: FoundCitation) -> int:
    return sum(value is not None for value in (found.date, found.issuer, found.title))


def _merge(
    merged: dict[str, Citation], quality: dict[str, int], order: list[str],
    found: FoundCitation, relation: str, span: tuple[int, int], page: int | None,
) -> None:
    key = found.key
    mention = Mention(span=span, page=page, relation=relation)  # type: ignore[arg-type]
    existing = merged.get(key)
    if existing is None:
        order.append(key)
    elif _completeness(found) <= quality[key]:
        existing.mentions.append(mention)
        if RELATION_STRENGTH[relation] > RELATION_STRENGTH[existing.relation]:
            existing.relation = relation  # type: ignore[assignment]
        return
    mentions = [*existing.mentions, mention] if existing else [mention]
    strongest = max([m.relation for m in mentions], key=RELATION_STRENGTH.__getitem__)
    symbol = symbol_of(found.number) if found.number else None
    merged[key] = Citation(
        type=found.type,  # type: ignore[arg-type]
        number=found.number,
        symbol=symbol,
        date=found.date,
        issuer=found.issuer,
        issuer_level=_issuer_tier(found, symbol),  # type: ignore[arg-type]
        title=found.title,
        relation=strongest,  # type: ignore[arg-type]
        span=span,
        page=page,
        mentions=sorted(mentions, key=lambda m: m.span[0]),
    )
    quality[key] = _completeness(found)


def _issuer_tier(found: FoundCitation, symbol: str | None) -> str | None:
    if found.issuer:
        tier = tier_of_body(found.issuer)
        if tier:
            return tier
    return tier_of_symbol(symbol) if symbol else None


def _attach_short_numbers(merged: dict[str, Citation], order: list[str]) -> None:
    """Fold "Quyết định 387" into "387/QĐ-TTg" when both are cited."""
    for key in list(order):
        citation = merged.get(key)
        if citation is None or not citation.number or "/" in citation.number:
            continue
        for other in merged.values():
            if other is not citation and other.number and other.type == citation.type and \
                    other.number.startswith(citation.number + "/"):
                other.mentions = sorted([*other.mentions, *citation.mentions],
                                        key=lambda m: m.span[0])
                if RELATION_STRENGTH[citation.relation] > RELATION_STRENGTH[other.relation]:
                    other.relation = citation.relation
                del merged[key]
                break


def select_parent(citations: list[Citation], document: Document) -> Citation | None:
    """The plan one tier above that this plan implements (the labelling guide's rule).

    Among preamble citations issued one tier above this plan's issuer (or the nearest tier above
    that has any), rank by: cited with "Thực hiện", a plan-bearing type (not a letter or a
    circular), words shared with this plan's programme and title, and lastly the later one.
    """
    preamble = [c for c in citations if c.relation in {"basis", "implements"} and c.number]
    if not preamble:
        return None
    own_tier = document.issuer.level if document.issuer else None
    candidates = preamble
    if own_tier in TIER_ORDER:
        for tier in TIER_ORDER[TIER_ORDER.index(own_tier) + 1:]:
            at_tier = [c for c in preamble if c.issuer_level == tier]
            if at_tier:
                candidates = at_tier
                break
    topic = match_key(" ".join(filter(None, [
        document.programme.name if document.programme else None, document.title])))
    topic_words = set(topic.split())

    def rank(item: tuple[int, Citation]) -> tuple[bool, bool, float, int]:
        position, citation = item
        words = set(match_key(citation.title or "").split())
        overlap = len(words & topic_words) / (len(words) or 1)
        return (citation.relation == "implements", citation.type in PLAN_TYPES,
                round(overlap, 1), position)

    return max(enumerate(candidates), key=rank)[1]
