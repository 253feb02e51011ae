"""Funding: each source of money a plan names for itself.

Read in the plan's KINH PHÍ section, and in sentences elsewhere that say where the money for
the plan comes from ("Kinh phí thực hiện ... từ nguồn ..."). One entry per source.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

import regex

from extractor.model import Agency, Assignment, Budget, Document, FundingSource, TimeExpression
from extractor.normalize import NormalizedText, clause_spans, fold_tones
from extractor.rules.agencies import find_mentions, register_names, registered
from extractor.rules.metadata import plan_year
from extractor.rules.tasks import read_roles
from extractor.rules.timex import find_time_expressions
from extractor.rules.vocabulary import (
    UNIT_WORDS,
    alternation,
    is_central_city,
    load_lexicon,
    match_key,
    two_tiers,
    unit_of,
)
from extractor.structure import Layout, line_text

LEVELS = rf"trung ương|{UNIT_WORDS}"
# A heading about money: "V. KINH PHÍ THỰC HIỆN", "5. Huy động nguồn lực", "Nguồn kinh phí"; not
# a body's name ("Sở Tài chính", "Công chức Tài chính - Kế toán xã").
FUNDING_SECTION = regex.compile(
    r"^\s*(?!(?:Sở|Phòng|Bộ|Ban|Văn phòng|Cục|Chi cục|Công chức|Bộ phận)\s)(?:\p{L}+\s+){0,2}"
    r"(?:KINH PHÍ|NGUỒN VỐN|TÀI CHÍNH|NGUỒN LỰC)", regex.IGNORECASE)
FUNDING_SENTENCE = regex.compile(
    r"kinh phí[^.;]{0,80}(?:từ|bằng)\s+(?:các\s+)?(?:nguồn|ngân sách)"
    r"|huy động\s+(?:các\s+)?nguồn(?!\s+lực)|lồng ghép\s+(?:các\s+)?nguồn\s+(?:vốn|kinh phí)"
    rf"|ngân sách\s+(?:{LEVELS}|địa phương)[^.;]{{0,40}}(?:bố trí|hỗ trợ|cấp|đảm bảo|chi)",
    regex.IGNORECASE,
)
# "ngân sách Trung ương, tỉnh, huyện", "ngân sách năm 2025 của quận, của các phường",
# "Ngân sách các xã, thị trấn": one phrase, the budgets of several levels or units.
LEVEL_LIST = regex.compile(
    rf"ngân sách\s+(?:năm\s+\d{{4}}\s+)?((?:của\s+)?(?:các\s+)?(?:{LEVELS})"
    rf"(?:\s*(?:,|và)\s*(?:của\s+)?(?:các\s+)?(?:{LEVELS}))*)(?!\s*(?-i:\p{{Lu}}))",
    regex.IGNORECASE,
)
# "Kinh phí ... được UBND huyện cấp trong dự toán", "UBND các xã, thị trấn quan tâm bố trí
# kinh phí": the budget of the council that pays.
COUNCIL = r"(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)"
COUNCIL_PAYS = regex.compile(
    rf"{COUNCIL}\s+(?:các\s+|cấp\s+)?({LEVELS})(?:\s*,\s*(?:{LEVELS}))*"
    rf"[^.;]{{0,40}}?(?:cấp|bố trí)\s+(?:kinh phí|trong dự toán|ngân sách địa phương)",
    regex.IGNORECASE)
ADVISED = regex.compile(r"(?:tham mưu|đề xuất)(?:\s+(?:cho|với))?\s*$", regex.IGNORECASE)
# A duty to draw up or allocate the plan's money: "lập dự toán", "tham mưu bố trí kinh phí",
# "cân đối, bố trí ngân sách".
BUDGET_DUTY = regex.compile(
    r"(?:lập|xây dựng|tổng hợp)\s+dự toán|dự (?:toán|trù) kinh phí|"
    r"(?:cấp|bố trí)\s+trong\s+dự toán|"
    r"(?:bố trí|cân đối|phân bổ|cấp)(?:,\s*(?:bố trí|cân đối|phân bổ|lồng ghép))?\s+"
    r"(?:các\s+)?(?:kinh phí|ngân sách|vốn|nguồn kinh phí|nguồn vốn)", regex.IGNORECASE)
# "Chỉ đạo các tổ chức tín dụng cân đối nguồn vốn": the duty of those directed, not the doer's
# ("Chỉ đạo cấp đúng, đủ kinh phí ...", no one named, is the doer's own; "Ban Chỉ đạo" a body).
DIRECTED = regex.compile(r"(?i)(?<!\bban\s+)\bchỉ\s+đạo\s+(?:các|những)\s+[^;.]*$")
# "... được UBND huyện cấp trong dự toán": the council that pays, named as the agent (not
# "dự toán ... đã được Hội đồng nhân dân xã thông qua": the council that passed it).
PAID_BY = regex.compile(r"được\s+$")
PAYS = regex.compile(r"\s*(?:cấp|bố trí|phân bổ|cân đối)\b", regex.IGNORECASE)
# A heading that gives the duty to a lower level's council: "3. UBND các xã, phường".
COUNCIL_HEADING = regex.compile(rf"(?:Đề nghị\s+)?{COUNCIL}\s+(?:các\s+|cấp\s+)?({LEVELS})",
                                regex.IGNORECASE)
LAW_NAME = regex.compile(r"luật\s+$", regex.IGNORECASE)
# "... theo Thông tư số 96/2008/TT-BTC ... về hướng dẫn việc hỗ trợ kinh phí từ ngân sách nhà
# nước ...", "Thông tư liên tịch số ... quy định việc lập dự toán ... kinh phí ngân sách nhà
# nước": the name of a cited document, not the plan's money.
CITED_NAME = regex.compile(
    r"(?:thông tư(?:\s+liên\s+tịch)?|nghị định|quyết định|nghị quyết|chỉ thị|kế hoạch)\s+số\s+"
    r"\S+[^;]*?\s(?:về|quy định|hướng dẫn)\s[^;]*$",
    regex.IGNORECASE)


# "58.300 triệu đồng", "18.650,5 triệu đồng", "1,2 tỷ đồng"; not a rate ("2 triệu đồng/hộ").
MONEY = regex.compile(
    r"(?<![\d.,])(?P<number>\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)\s*"
    r"(?P<unit>tỷ đồng|triệu đồng|nghìn đồng|ngàn đồng|đồng)(?!\s*/)", regex.IGNORECASE)
MONEY_UNITS = {"tỷ đồng": 10**9, "triệu đồng": 10**6, "nghìn đồng": 10**3, "ngàn đồng": 10**3,
               "đồng": 1}
TOTAL = regex.compile(r"tổng\s+(?:nhu cầu\s+|dự toán\s+)?(?:kinh phí|nguồn vốn|vốn)",
                      regex.IGNORECASE)
# Between two sources named for one sum: "vốn tín dụng, vốn của các chủ thể OCOP và ...".
JOINED = regex.compile(r"^[\s,]*(?:và|hoặc)?[\s,]*$")


def money(match: regex.Match[str]) -> int:
    """Đồng in an amount as Vietnamese writes it: "." between thousands, "," before decimals."""
    number = float(match.group("number").replace(".", "").replace(",", "."))
    return round(number * MONEY_UNITS[match.group("unit").casefold()])


def lexicon() -> dict:
    return load_lexicon("funding.toml")


@cache
def source_words() -> dict[str, str]:
    """Every word naming a source -> its code, the named funds among them."""
    named = lexicon()["named_funds"]
    return {**lexicon()["sources"], **dict.fromkeys(named["words"], named["code"])}


@cache
def _pattern() -> regex.Pattern[str]:
    words = sorted(source_words(), key=len, reverse=True)
    alternatives = "|".join(regex.escape(fold_tones(word).casefold()) for word in words)
    return regex.compile(rf"(?<!\p{{L}})(?:{alternatives})(?!\p{{L}})")


def level_code(level: str, central_city: bool = False) -> str:
    """The budget of a level's word; in a plan of a centrally-run city (or of one of its wards),
    an unnamed "thành phố" is that city, of the provinces' tier."""
    if match_key(level) == "trung ương":
        return "ngan_sach_trung_uong"
    unit = unit_of(level)
    tier = "tinh" if unit.level == "thanh_pho" and central_city else unit.tier  # type: ignore[union-attr]
    return f"ngan_sach_{tier}"


def find_funding(text: str, issuer_tier: str | None = None,
                 local_code: str | None = None,
                 central_city: bool = False) -> list[tuple[int, int, str]]:
    """(start, end, source code) of every source named in ``text``; "ngân sách địa phương" is
    ``local_code``'s budget when the duty is a lower council's, else the issuer's."""
    folded = fold_tones(text).casefold()
    codes = {fold_tones(word).casefold(): code for word, code in source_words().items()}
    found = []
    for match in LEVEL_LIST.finditer(text):
        codes_here = dict.fromkeys(level_code(level, central_city) for level in
                                   regex.findall(LEVELS, match.group(1), regex.IGNORECASE))
        found += [(match.start(), match.end(), code) for code in codes_here]
    for match in _pattern().finditer(folded):
        before = folded[:match.start()]
        if LAW_NAME.search(before) or CITED_NAME.search(before) or any(
                s <= match.start() < e for s, e, _ in found):
            continue  # "Luật Ngân sách nhà nước" names a law; a level list is read already
        # a longer name round a level ("dự phòng ngân sách tỉnh") is the source itself
        found = [item for item in found
                 if not (match.start() < item[0] and item[1] <= match.end())]
        code = codes[match.group(0)]
        if code == "local":
            code = local_code or lexicon()["local_budget"].get(issuer_tier or "",
                                                               "ngan_sach_nha_nuoc")
        found.append((match.start(), match.end(), code))
    lines = {fold_tones(word).casefold() for word in lexicon()["budget_lines"]["words"]}
    found = [item for item in found if folded[item[0]:item[1]] not in lines or not any(
        other[2].startswith("ngan_sach_") and folded[other[0]:other[1]] not in lines
        and ";" not in folded[min(other[1], item[1]):max(other[0], item[0])] for other in found)]
    found = [item for item in found if not _explains(text, item, found)]
    return sorted(found, key=lambda item: item[:2])  # a list's levels in their order


GIVERS = {"tai_tro", "xa_hoi_hoa"}


def _explains(text: str, item: tuple[int, int, str], found: list[tuple[int, int, str]]) -> bool:
    """Whether ``item`` stands in the bracket, or the clause after a colon, that explains
    another source: "Nguồn xã hội hóa (đóng góp của các tổ chức, cá nhân, nhà hảo tâm)",
    "Nguồn xã hội hóa: vận động doanh nghiệp, nhà hảo tâm tặng thẻ BHYT"."""
    opened = text.rfind("(", 0, item[0])
    if opened >= 0 and ")" not in text[opened:item[0]]:
        return any(other is not item and not text[other[1]:opened].strip() for other in found)
    # after a colon, only the givers a contribution is made of
    colon = text.rfind(":", 0, item[0])
    return item[2] in GIVERS and colon >= 0 and not regex.search(r"[;.]", text[colon:item[0]]) \
        and any(other is not item and other[2] == "xa_hoi_hoa" and
                not text[other[1]:colon].strip() for other in found)


# The donor an aid source names: "Nguồn viện trợ của Quỹ Toàn cầu phòng, chống AIDS, lao và
# sốt rét: 2.700 triệu đồng", "Nguồn viện trợ của dự án PEPFAR".
DONOR = regex.compile(r"\s+của\s+(?P<donor>(?:dự án\s+|chương trình\s+)?\p{Lu}[^:;()\n]*?)"
                      r"(?=\s*[:;(]|\s*$)")


def _by_donor(value: str, found: list[tuple[int, int, str]]
              ) -> tuple[list[tuple[int, int, str]], set[tuple[int, int]]]:
    """Aid named by its donor is that donor's, one source each (the donors' spans returned
    too); a fund in the donor's name ("Quỹ Toàn cầu ...") is no source of its own."""
    donors = {}
    for item in found:
        if item[2] == "tai_tro" and (donor := DONOR.match(value, item[1])):
            donors[item] = donor.span("donor")
    kept = [(*donors[item], item[2]) if item in donors else item for item in found
            if not any(start <= item[0] < end for start, end in donors.values())]
    return kept, set(donors.values())


def _paragraphs(norm: NormalizedText, layout: Layout) -> Iterator[tuple]:
    """(line, section, words, whether a money heading is over it) of each body paragraph."""
    body = {line.start for part in layout.parts for line in part.body}
    for line in norm.paragraphs():
        if line.start in body:
            section = layout.section_at(line.start)
            yield (line, section, line_text(norm.text, line),
                   any(FUNDING_SECTION.search(s.title) for s in layout.chain(section)))


def extract_funding(
    norm: NormalizedText, layout: Layout, document: Document
) -> list[FundingSource]:
    tier = document.issuer.level if document.issuer else None
    # An unnamed "thành phố" is a centrally-run one where the plan is its own or one of its
    # wards', and everywhere since the two-tier reform (no city stands under a province).
    central_city = two_tiers(document.issue_date) or any(is_central_city(name) for name in (
        document.place, document.locality.name if document.locality else None) if name)
    year = plan_year(document)
    sources: dict[tuple[str, bool], FundingSource] = {}
    named_outside: set[tuple[str, bool]] = set()
    for line, section, value, in_section in _paragraphs(norm, layout):
        if in_section:
            clauses = [(0, value)]
        else:
            # Elsewhere only the clause that says where the money comes from.
            clauses = [(start, value[start:end]) for start, end in clause_spans(value)
                       if FUNDING_SENTENCE.search(value[start:end])]
        council = next((COUNCIL_HEADING.search(s.title) for s in layout.chain(section)
                        if COUNCIL_HEADING.match(s.title)), None)
        local_code = level_code(council.group(1), central_city) if council else None
        found = [(offset + start, offset + end, code) for offset, clause in clauses
                 for start, end, code in find_funding(clause, tier, local_code, central_city)]
        # "UBND các xã, thị trấn quan tâm bố trí kinh phí": that council's budget pays, in a
        # money section or in a duty that gives it the cost (not advice it may take: "tham
        # mưu UBND tỉnh bố trí kinh phí").
        found += [(match.start(), match.end(), level_code(match.group(1), central_city))
                  for match in COUNCIL_PAYS.finditer(value)
                  if in_section or not ADVISED.search(value, 0, match.start())]
        found, donors = _by_donor(value, sorted(found, key=lambda item: item[:2]))
        for (start, end, code), amount in zip(found, _amounts(value, found), strict=True):
            # A named fund ("Quỹ phòng, chống thiên tai", "vốn tín dụng") is a source of its own
            # beside "các nguồn hợp pháp khác", though both are other lawful sources.
            key = (code, match_key(value[start:end]) if (start, end) in donors else
                   bool(NAMED_FUND.match(value, start)))
            if value[start:end].casefold() == "quỹ" and (name := FUND_NAME.match(value, end)):
                end = name.end()  # "Quỹ phòng, chống thiên tai tỉnh": the fund's name
            if key in sources:
                known = sources[key]
                # "tham mưu ... lồng ghép nguồn vốn ..." in a duty, then "- Lồng ghép nguồn vốn
                # ...: 24.300 triệu đồng" under KINH PHÍ: the source as its section states it
                restated = key in named_outside and in_section and (
                    amount is not None or known.amount_vnd is None)
                if not restated:
                    if known.amount_vnd is None and amount is not None and (
                            amount.end() <= start
                            or SUM_GIVEN.fullmatch(value, end, amount.start())
                            or SOURCE_TOTAL.search(value, end, amount.start())):
                        # "... từ ngân sách huyện ...; năm 2024, bố trí 300 triệu đồng từ ngân
                        # sách huyện", "...; năm 2026, ngân sách xã bố trí 185.000.000 đồng":
                        # the sum is given where the source is named again
                        known.amount_vnd, known.amount_text = money(amount), amount.group(0)
                    continue
            named_outside.discard(key)
            if not in_section:
                named_outside.add(key)
            span = (line.start + start, line.start + end)
            sources[key] = FundingSource(
                source=code, text=value[start:end], span=span, page=norm.page_at(span[0]),
                amount_vnd=money(amount) if amount else None,
                amount_text=amount.group(0) if amount else None,
                period=_period(value, start, year), section=section.id if section else None)
    for (start, end), amount in _table_sums(norm):
        # "3 | Ngân sách xã | 3.850" under "Kinh phí (triệu đồng)": the sum of the source the
        # row names, if it names one alone
        found = find_funding(norm.text[start:end], tier, None, central_city)
        known = sources.get((found[0][2], False)) if len(found) == 1 else None
        if known is not None and known.amount_vnd is None:
            known.amount_vnd, known.amount_text = money(amount), amount.group("number")
    return list(sources.values())


# A table's money column, its unit in the header: "Kinh phí (triệu đồng)".
SUM_COLUMN = regex.compile(r"(?:kinh phí|số tiền|dự toán|tổng)[^()]*\((?P<unit>tỷ đồng|triệu "
                           r"đồng|nghìn đồng|đồng)\)", regex.IGNORECASE)


def _table_sums(norm: NormalizedText) -> list[tuple[tuple[int, int], regex.Match[str]]]:
    """The rows of tables of sources whose money column gives its unit in the header ("Nguồn
    vốn | Kinh phí (triệu đồng)" over "Ngân sách tỉnh | 5.300"): each row's span and its sum
    (a MONEY match on the cell with the header's unit)."""
    sums = []
    for table in norm.tables:
        header = [norm.text[start:end] for start, end in table.rows[0]]
        column = next(((i, found) for i, cell in enumerate(header)
                       if (found := SUM_COLUMN.search(cell))), None)
        if column is None:
            continue
        index, unit = column
        for row in table.rows[1:]:
            if index < len(row):
                cell = norm.text[row[index][0]:row[index][1]].strip()
                found = MONEY.fullmatch(f"{cell} {unit.group('unit')}")
                if found:
                    sums.append(((row[0][0], row[-1][1]), found))
    return sums


NAMED_FUND = regex.compile(
    rf"(?:{alternation(lexicon()['named_funds']['words'])})(?!\p{{L}})",
    regex.IGNORECASE)
FUND_NAME = regex.compile(
    # a fund named in quotation marks, with its unit: "Quỹ “Vì người nghèo” xã"
    rf"\s*[“\"][^”\"\n]{{2,60}}[”\"](?:\s+(?:{UNIT_WORDS})(?!\p{{L}}))?|"
    r"(?:\s+(?i:phòng),\s*chống)?(?:\s+(?!(?:theo|được|và|của|để|do|trong|năm|đã|các|cho|từ|với|"
    r"nộp|trên|hỗ|chi|tại|vào)\b)\p{Ll}+"
    # "Quỹ Phòng, chống tác hại của thuốc lá": what the fund is against, not whose it is
    rf"|\s+của(?=\s+\p{{Ll}})(?!\s+(?:{UNIT_WORDS}|{'|'.join(lexicon()['fund_names']['owners'])})\b))+")
SOURCE_TOTAL = regex.compile(r"\b(?:tổng cộng|tổng số|tổng)(?!\p{L})\s*(?:là\s*|:\s*)?$",
                          regex.IGNORECASE)
SUM_GIVEN = regex.compile(r"\s*(?:bố trí|cấp|chi|dành|hỗ trợ)\s+"
                          # "ngân sách tỉnh hỗ trợ năm 2026 là 42.500 triệu đồng"
                          r"(?:(?:trong\s+|cho\s+)?năm\s+\d{4}\s+)?(?:là\s+)?(?:khoảng\s+)?"
                          # "Nguồn xã hội hóa (đóng góp của ...): 80.000.000 đồng"
                          r"|\s*(?:\([^()]*\)\s*)?:\s*(?:khoảng\s+)?",
                          regex.IGNORECASE)
CLAUSE_MARK = regex.compile(r"[;.]\s")
PART_OF = regex.compile(r"[;.]\s*trong\s+đó\b", regex.IGNORECASE)
SUM_FROM = regex.compile(r"\s*(?:từ|bằng)\s+(?:nguồn\s+)?(?:kinh phí\s+)?", regex.IGNORECASE)


def _amounts(value: str, found: list[tuple[int, int, str]]) -> list[regex.Match[str] | None]:
    """The amount each source is given alone: the first sum after it, before the next source
    and the clause's end, when no other source shares it."""
    amounts: list[regex.Match[str] | None] = []
    for index, (start, end, _) in enumerate(found):
        # the next source of another kind ("Nhân dân đóng góp và xã hội hóa 4.000 triệu đồng")
        following = next((other[0] for other in found[index + 1:] if other[2] != found[index][2]),
                         len(value))
        if following < end:  # one phrase naming several levels: "ngân sách huyện, xã"
            following = start
        clause_end = _clause_end(value, end)
        amount = MONEY.search(value, end, min(following, clause_end)) \
            if following > end else None
        if amount is None and following > end:
            # "Ngân sách huyện: ...; năm 2023 là 120 triệu đồng, ...; tổng cộng 430 triệu
            # đồng": the source's sum over the years it lists
            amount = next((found_sum for found_sum in MONEY.finditer(value, end, following)
                           if SOURCE_TOTAL.search(value, end, found_sum.start())), None)
        if amount is None and following > end and (part := PART_OF.match(value, clause_end)):
            # "do ngân sách tỉnh bảo đảm ...; trong đó, kinh phí giao Sở Nội vụ ... là 1.650
            # triệu đồng": a sum of that source alone
            part_end = _clause_end(value, part.end())
            if following >= part_end:
                amount = MONEY.search(value, part.end(), part_end)
        if amount is None:
            # "bố trí 300 triệu đồng từ ngân sách huyện": the sum just before its source
            clause_start = max(value.rfind(mark, 0, start) for mark in (";", ". ", ":")) + 1
            amount = next((found_sum for found_sum in MONEY.finditer(value, clause_start, start)
                           if SUM_FROM.fullmatch(value, found_sum.end(), start)), None)
        shared = any(_shares(value, found[index], found[other])
                     for other in (index - 1, index + 1) if 0 <= other < len(found))
        amounts.append(None if shared else amount)
    return amounts


def _clause_end(value: str, after: int) -> int:
    """Where the clause going on past ``after`` ends: at the next ";" or sentence end."""
    found = CLAUSE_MARK.search(value, after + 1)
    return found.start() if found else len(value)


def _shares(value: str, one: tuple[int, int, str], other: tuple[int, int, str]) -> bool:
    """Do two sources of different kinds stand together for one sum ("ngân sách huyện, xã",
    "vốn tín dụng, vốn của các chủ thể OCOP và ...")?"""
    if one[2] == other[2]:
        return False
    if one[0] == other[0]:
        return True
    first, second = sorted((one, other))
    return bool(JOINED.match(value[first[1]:second[0]]))


def _period(value: str, start: int, year: int | None) -> TimeExpression | None:
    """The years a source's clause gives its money for ("ngân sách năm 2025 của quận"), else
    those of the total its line breaks down ("Tổng kinh phí dự kiến giai đoạn 2022 - 2025: ...,
    trong đó: ...")."""
    clause_start = max((m.end() for m in regex.finditer(r";\s*", value[:start])), default=0)
    clause_end = next((m.start() for m in regex.finditer(r";", value) if m.start() > start),
                      len(value))
    total = TOTAL.search(value)
    for begin, end in ((clause_start, clause_end), (total.start(), len(value)) if total else
                       (0, 0)):
        for found in find_time_expressions(value[begin:end], year):
            if found.value.kind == "window":
                return found.value
    return None


def extract_budget(norm: NormalizedText, layout: Layout, document: Document,
                   tasks, agencies: list[Agency]) -> Budget:
    """The total the plan states for its money, and the doers of its budget duties."""
    budget = Budget()
    year = plan_year(document)
    paragraphs = list(_paragraphs(norm, layout))
    for line, _, value, _ in paragraphs:
        total = TOTAL.search(value)
        amount = MONEY.search(value, total.end(), total.end() + 90) if total else None
        if amount is not None:
            budget.total_vnd, budget.total_text = money(amount), amount.group(0)
            budget.span = (line.start + total.start(), line.start + amount.end())
            budget.page = norm.page_at(budget.span[0])
            budget.period = _period(value, total.start(), year)
            break
    found: list[Assignment] = []
    for task in tasks:
        duty = BUDGET_DUTY.search(task.description)
        if duty is None or DIRECTED.search(task.description[:duty.start()]):
            continue
        # The doers named in the clause that holds the duty, else the task's (its heading's).
        start, end = next((clause for clause in clause_spans(task.description)
                           if clause[0] <= duty.start() < clause[1]), (0, len(task.description)))
        doers = [a for a in task.assignments if a.role != "cooperating"]
        clause = task.description[start:end].casefold()
        in_clause = [a for a in doers if (a.span and task.span and
                                          start <= a.span[0] - task.span[0] < end)
                     or a.name.casefold() in clause]
        found += in_clause or doers
    names = register_names(agencies)
    for assignment in _section_preparers(paragraphs):
        agency = registered(names, assignment.name)
        assignment.agency = agency.id if agency else None
        found.append(assignment)
    seen: set[str] = set()
    for assignment in sorted(found, key=lambda a: a.span[0] if a.span else 0):
        # one body named two ways ("UBND cấp huyện", the short form of "Ủy ban nhân dân các
        # huyện, thị xã, thành phố") is one preparer
        key = assignment.agency or assignment.name
        if key not in seen and assignment.name not in seen:
            seen.update((key, assignment.name))
            budget.prepared_by.append(assignment)
    return budget


def _section_preparers(paragraphs: list[tuple]) -> list[Assignment]:
    """The bodies a money section gives budget duties: "Hằng năm, ..., các cơ quan, đơn vị, địa
    phương lập dự toán kinh phí ...", "... được UBND huyện cấp trong dự toán"."""
    found: list[Assignment] = []
    for line, _, value, in_section in paragraphs:
        if not in_section:
            continue
        for start, end in clause_spans(value):
            clause = value[start:end]
            if not BUDGET_DUTY.search(clause):
                continue
            mentions = find_mentions(clause)
            roles = read_roles(clause, mentions)
            payers = [m for m in mentions if PAID_BY.search(clause[:m.start]) and
                      PAYS.match(clause, m.end)]
            for mention in roles.doers + payers:
                found.append(Assignment(
                    name=mention.name, role="lead" if roles.lead else "responsible",
                    span=(line.start + start + mention.start, line.start + start + mention.end)))
    return found
