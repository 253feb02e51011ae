"""Funding: each source of money a plan names for itself.

Read in the plan's KINH PHÍ section, and in sentences elsewhere that say where the money for
the plan comes from ("Kinh phí thực hiện ... từ nguồn ..."). One entry per source.
"""

from __future__ import annotations

from functools import cache

import regex

from extractor.model import Document, FundingSource
from extractor.normalize import NormalizedText, fold_tones
from extractor.rules.vocabulary import load_lexicon
from extractor.structure import Layout, line_text

FUNDING_SECTION = regex.compile(r"KINH PHÍ|NGUỒN VỐN|TÀI CHÍNH", regex.IGNORECASE)
FUNDING_SENTENCE = regex.compile(
    r"kinh phí[^.;]{0,80}(?:từ|bằng)\s+(?:các\s+)?nguồn"
    r"|ngân sách\s+(?:trung ương|tỉnh|huyện|quận|thị xã|thành phố|xã|phường|thị trấn|địa phương)"
    r"[^.;]{0,40}(?:bố trí|hỗ trợ|cấp|đảm bảo|chi)",
    regex.IGNORECASE,
)
# "ngân sách Trung ương, tỉnh, huyện": one phrase, several levels.
LEVEL_LIST = regex.compile(
    r"ngân sách\s+((?:trung ương|tỉnh|huyện|xã)(?:\s*(?:,|và)\s*(?:trung ương|tỉnh|huyện|xã))+)",
    regex.IGNORECASE,
)
LEVEL_CODES = {"trung ương": "ngan_sach_trung_uong", "tỉnh": "ngan_sach_tinh",
               "huyện": "ngan_sach_huyen", "xã": "ngan_sach_xa"}
LAW_NAME = regex.compile(r"luật\s+$", regex.IGNORECASE)


def lexicon() -> dict:
    return load_lexicon("funding.toml")


@cache
def _pattern() -> regex.Pattern[str]:
    words = sorted(lexicon()["sources"], key=len, reverse=True)
    alternatives = "|".join(regex.escape(fold_tones(word).casefold()) for word in words)
    return regex.compile(rf"(?<!\p{{L}})(?:{alternatives})(?!\p{{L}})")


def find_funding(text: str, issuer_tier: str | None = None) -> list[tuple[int, int, str]]:
    """(start, end, source code) of every source named in ``text``."""
    folded = fold_tones(text).casefold()
    codes = {fold_tones(word).casefold(): code for word, code in lexicon()["sources"].items()}
    found = []
    for match in LEVEL_LIST.finditer(text):
        for level in regex.findall(r"trung ương|tỉnh|huyện|xã", match.group(1), regex.IGNORECASE):
            found.append((match.start(), match.end(), LEVEL_CODES[level.casefold()]))
    for match in _pattern().finditer(folded):
        if LAW_NAME.search(folded[:match.start()]) or any(s <= match.start() < e
                                                          for s, e, _ in found):
            continue  # "Luật Ngân sách nhà nước" names a law; a level list is read already
        code = codes[match.group(0)]
        if code == "local":
            code = lexicon()["local_budget"].get(issuer_tier or "", "ngan_sach_nha_nuoc")
        found.append((match.start(), match.end(), code))
    return sorted(found)


def extract_funding(
    norm: NormalizedText, layout: Layout, document: Document
) -> list[FundingSource]:
    tier = document.issuer.level if document.issuer else None
    body = {line.start for part in layout.parts for line in part.body}
    sources: dict[str, FundingSource] = {}
    for line in norm.paragraphs():
        if line.start not in body:
            continue
        section = layout.section_at(line.start)
        in_section = any(FUNDING_SECTION.search(s.title) for s in layout.chain(section))
        value = line_text(norm.text, line)
        if not in_section and not FUNDING_SENTENCE.search(value):
            continue
        for start, end, code in find_funding(value, tier):
            if code in sources:
                continue
            span = (line.start + start, line.start + end)
            sources[code] = FundingSource(source=code, text=value[start:end], span=span,
                                          page=norm.page_at(span[0]),
                                          section=section.id if section else None)
    return list(sources.values())
