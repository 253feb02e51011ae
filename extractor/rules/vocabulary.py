"""Loader and helpers for ``vocabulary.toml``: document types, administrative units, tiers."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import regex

from extractor.normalize import fold_tones


@dataclass(frozen=True)
class Unit:
    word: str
    level: str
    tier: str


@cache
def load_lexicon(name: str) -> dict:
    """A rule pass's data file beside it (``name``: "targets.toml"), read once."""
    with Path(__file__).with_name(name).open("rb") as handle:
        return tomllib.load(handle)


def vocabulary() -> dict:
    return load_lexicon("vocabulary.toml")


def match_key(text: str) -> str:
    """The form two names are compared in: tone style, case and spacing folded."""
    return " ".join(fold_tones(text).casefold().split())


@cache
def doc_type_words() -> list[tuple[str, str]]:
    """(word, code), longest first so that "Thông tư liên tịch" wins over "Thông tư"."""
    items = vocabulary()["doc_types"].items()
    return sorted(items, key=lambda item: -len(item[0]))


def doc_type_of(word: str) -> str | None:
    key = match_key(word)
    for candidate, code in doc_type_words():
        if match_key(candidate) == key:
            return code
    return None


def doc_type_of_symbol(symbol: str | None) -> str | None:
    if not symbol:
        return None
    head = regex.split(r"[-/]", symbol)[0]
    return vocabulary()["symbol_types"].get(head)


@cache
def units() -> list[Unit]:
    return [Unit(*row) for row in vocabulary()["admin"]["units"]]


def alternation(words: list[str], either_case_first: bool = False) -> str:
    """``words`` as a regex alternation, longest first; with ``either_case_first`` the first
    letter may be a capital ("Xã", "xã")."""
    def pattern(word: str) -> str:
        escaped = regex.escape(word).replace(r"\ ", " ")
        if either_case_first:
            escaped = f"[{word[0].upper()}{word[0]}]{escaped[1:]}"
        # "xã" in "xã hội" (society) is not a commune.
        return escaped + (r"(?!\s+(?i:hội))" if word.casefold() == "xã" else "")

    return "|".join(pattern(word) for word in sorted(words, key=len, reverse=True))


# The unit words of localities as regex alternations ("thành phố|thị trấn|...|xã"), from the one
# list in vocabulary.toml: every unit, in lower case and in capitals; the communes' tier; the
# villages below them; and everything below a province.
_UNITS = vocabulary()["admin"]["units"]
UNIT_WORDS = alternation([word for word, _, _ in _UNITS])
UPPER_UNIT_WORDS = alternation([word.upper() for word, _, _ in _UNITS])
COMMUNE_UNIT_WORDS = alternation([word for word, _, tier in _UNITS if tier == "xa"])
# The same at a sentence's start or not: "Xã công khai ...", "...; xã không để ...".
COMMUNE_UNIT_WORDS_EITHER_CASE = alternation([word for word, _, tier in _UNITS if tier == "xa"],
                                              either_case_first=True)
VILLAGE_UNIT_WORDS = alternation(vocabulary()["admin"]["village_units"])
# A table's sum row: "Tổng cộng", "Cộng".
TOTAL_ROW = regex.compile(r"\s*(?:tổng\s+cộng|tổng\s+số|tổng|cộng)\s*:?\s*$",
                          regex.IGNORECASE)
# Words that send the reader to an appendix for the details: "chi tiết tại Phụ lục kèm theo",
# "... có Phụ lục kèm theo" (at a sentence's end).
APPENDIX_POINTER = (r"\b(?:(?:chi tiết|cụ thể)\s+(?:tại|ở|theo)\s+(?:các\s+)?(?i:phụ lục)\b"
                    r"|có\s+(?i:phụ lục)\s+kèm\s+theo\W*$)")
LOCAL_UNIT_WORDS = alternation([word for word, _, tier in _UNITS if tier != "tinh"] +
                                vocabulary()["admin"]["village_units"])


# A heading that opens with one of these is about the plan's background, aims or money; or its
# grounds.
BACKGROUND_SECTION = regex.compile(
    rf"^(?:{alternation(vocabulary()['sections']['background'])})(?!\p{{L}})", regex.IGNORECASE)
GROUNDS_SECTION = regex.compile(
    rf"^(?:{alternation(vocabulary()['sections']['grounds'])})(?!\p{{L}})", regex.IGNORECASE)


def village_units() -> list[str]:
    return vocabulary()["admin"]["village_units"]


def unit_of(word: str) -> Unit | None:
    key = match_key(word)
    for unit in units():
        if match_key(unit.word) == key:
            return unit
    for short, full in vocabulary()["admin"]["abbreviated_units"]:
        if key == match_key(short):
            return unit_of(full)
    return None


def tier_of_unit(unit: Unit, name: str | None) -> str:
    if unit.level == "thanh_pho" and name and is_central_city(name):
        return "tinh"
    return unit.tier


def tier_of_body(name: str) -> str | None:
    """The tier of a body from its kind ("Bộ ...", "Sở ...") or its last unit word."""
    folded = match_key(name)
    for prefix, tier in vocabulary()["body_tiers"].items():
        # "Sở ", "Phòng ": the kind of body, only as the name's first word
        if prefix.endswith(" "):
            if folded.startswith(match_key(prefix) + " "):
                return tier
        elif match_key(prefix) in folded:
            return tier
    unit_and_place = rf"(?<!\p{{L}})({UNIT_WORDS})(?!\p{{L}})(?:\s+(\p{{Lu}}[\p{{L}}\d ]*))?"
    found = list(regex.finditer(unit_and_place, name))
    if not found:
        if regex.search(r"\bThành phố\b", name):
            return "tinh"
        return None
    last = found[-1]
    unit = unit_of(last.group(1))
    if unit is None:
        return None
    if unit.level == "thanh_pho":
        place = (last.group(2) or "").strip()
        if not place:
            return "tinh" if "Thành phố" in last.group(0) else "huyen"
        return "tinh" if is_central_city(place) else "huyen"
    return unit.tier


# Since 1 July 2025 (Luật Tổ chức chính quyền địa phương 2025) local government has two tiers:
# provinces and centrally-run cities over communes and wards; no districts, no cities under a
# province.
TWO_TIERS_FROM = "2025-07-01"


def two_tiers(issue_date: str | None) -> bool:
    """Whether a document issued on ``issue_date`` (ISO) speaks of the two-tier system."""
    return (issue_date or "") >= TWO_TIERS_FROM


def is_central_city(name: str) -> bool:
    key = match_key(name)
    return any(key.startswith(match_key(city)) for city in vocabulary()["admin"]["central_cities"])


def tier_of_symbol(symbol: str) -> str | None:
    issuer = regex.split(r"[-/]", symbol, maxsplit=1)[1] if regex.search(r"[-/]", symbol) else ""
    for code, tier in vocabulary()["symbol_issuers"].items():
        if issuer == code or issuer.startswith(code + "-"):
            return tier
    if issuer in vocabulary()["ministries"]["codes"]:
        return "trung_uong"
    return None


def expand_abbreviations(name: str) -> str:
    for short, full in sorted(vocabulary()["abbreviations"].items(), key=lambda i: -len(i[0])):
        name = regex.sub(rf"(?<!\p{{L}}){regex.escape(short)}(?!\p{{L}})", full, name)
    return name
