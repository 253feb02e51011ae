"""The citation graph of an archive: citations resolved to the documents in the store.

A citation names a document by number and symbol, date and issuer, as its writer typed them:
"123/KH-UBND" or "123 /KH- UBND", "UBND thị xã An Khê" or "Ủy ban nhân thị xã An Khê", now and
then with a wrong digit. Each is matched against the store's documents on all three, tolerant
of spacing, abbreviations and one typo, and kept when the evidence is strong enough.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import cache

import regex
from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from extractor.rules.vocabulary import match_key, vocabulary
from extractor.store import Store

NUMBER_SEPARATORS = regex.compile(r"[\s\u00a0]+")
SYMBOL_DASHES = regex.compile(r"[‐-―−._]+")
# How much each piece of evidence weighs, and what a link needs.
WEIGHTS = {"number": 0.5, "date": 0.3, "issuer": 0.2}
MIN_NUMBER_SCORE = 0.7
MIN_SCORE = 0.75
MIN_ISSUER = 0.85



@dataclass(frozen=True)
class StoredDocument:
    doc_hash: str
    numbers: tuple[tuple[str, str], ...]  # number_key of its number and enacting decision's
    date: str | None
    issuer: str
    level: str | None


@dataclass(frozen=True)
class Link:
    citing: str
    citation_no: int
    cited: str
    relation: str
    is_parent: bool
    score: float


def number_key(number: str) -> tuple[str, str]:
    """(digits, symbol) in one spelling: no spaces, no diacritics, upper case, one dash."""
    text = NUMBER_SEPARATORS.sub("", number)
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    text = "".join(c for c in text if unicodedata.category(c) != "Mn").upper()
    text = SYMBOL_DASHES.sub("-", text)
    digits, _, symbol = text.partition("/")
    return digits, symbol


@cache
def _common_issuer_words() -> frozenset[str]:
    """Words every issuer shares (unit words, "ủy ban nhân dân"); the rest ("an khê",
    "sở giáo dục và đào tạo") tells issuers apart."""
    admin = vocabulary()["admin"]
    phrases = [unit[0] for unit in admin["units"]] + admin["issuer_common_words"]
    return frozenset(word for phrase in phrases for word in match_key(phrase).split())


@cache
def _abbreviations() -> list[tuple[regex.Pattern[str], str]]:
    pairs = sorted(vocabulary()["abbreviations"].items(), key=lambda pair: -len(pair[0]))
    return [(regex.compile(rf"(?<!\w){regex.escape(short)}(?!\w)"), full) for short, full in pairs]


def issuer_key(issuer: str | None) -> str:
    """The words that tell one issuer from another, abbreviations expanded (all its words
    when none does)."""
    return " ".join(issuer_words(issuer)) or " ".join(_expanded(issuer).split())


def issuer_words(issuer: str | None) -> list[str]:
    """The words that tell one issuer from another ("an khê", "sở giáo dục và đào tạo"); none
    for "Ủy ban nhân dân Thành phố"."""
    return [word for word in _expanded(issuer).split() if word not in _common_issuer_words()]


def _expanded(issuer: str | None) -> str:
    text = issuer or ""
    for pattern, full in _abbreviations():
        text = pattern.sub(full, text)
    return match_key(text)


def number_score(cited: tuple[str, str], stored: tuple[str, str]) -> float:
    if cited == stored:
        return 1.0
    same_digits = cited[0] == stored[0]
    symbol_ratio = fuzz.ratio(cited[1], stored[1]) / 100
    if same_digits and symbol_ratio >= 0.8:
        return 0.85
    if cited[1] == stored[1] and len(cited[0]) == len(stored[0]) and \
            OSA.distance(cited[0], stored[0]) == 1:
        return 0.75  # one mistyped or transposed digit: the date and issuer must then agree
    return 0.0


def date_score(cited: str | None, stored: str | None) -> float:
    if not cited or not stored:
        return 0.5
    if cited == stored:
        return 1.0
    if len(cited) == len(stored) == 10 and cited[:4] == stored[:4] and (
            cited[5:7] == stored[5:7] or cited[8:] == stored[8:]):
        return 0.5  # one part mistyped
    return 0.0


def issuer_score(cited: str | None, stored: str) -> float:
    if not cited or not stored:
        return 0.5
    return fuzz.ratio(issuer_key(cited), stored) / 100


def best_match(number: str, date: str | None, issuer: str | None, level: str | None,
               candidates: list[StoredDocument]) -> tuple[StoredDocument, float] | None:
    """The stored document a citation names, if the evidence is strong enough: the number
    (at most one typo), and the date or else a clearly matching issuer, at the same level."""
    cited = number_key(number)
    best: tuple[StoredDocument, float] | None = None
    for document in candidates:
        if level and document.level and level != document.level:
            continue
        by_number = max(number_score(cited, number) for number in document.numbers)
        by_date = date_score(date, document.date)
        by_issuer = issuer_score(issuer, document.issuer)
        if by_number < MIN_NUMBER_SCORE or (by_date < 1.0 and by_issuer < MIN_ISSUER):
            continue
        if by_number < 0.8 and (by_date < 1.0 or by_issuer < MIN_ISSUER):
            continue
        score = (WEIGHTS["number"] * by_number + WEIGHTS["date"] * by_date
                 + WEIGHTS["issuer"] * by_issuer)
        if score >= MIN_SCORE and (best is None or score > best[1]):
            best = (document, score)
    return best


class DocumentIndex:
    """The store's documents, found by the digits of their numbers or by their date."""

    def __init__(self, store: Store):
        self.by_digits: dict[str, list[StoredDocument]] = defaultdict(list)
        self.by_date: dict[str, list[StoredDocument]] = defaultdict(list)
        rows = store.connection.execute(
            "SELECT doc_hash, number, enacted_by, issue_date, issuer, issuer_level FROM documents "
            "WHERE number IS NOT NULL OR enacted_by IS NOT NULL").fetchall()
        for doc_hash, number, enacted_by, issue_date, issuer, level in rows:
            numbers = tuple(number_key(n) for n in (number, enacted_by) if n and "/" in n)
            if not numbers:
                continue
            document = StoredDocument(doc_hash, numbers, issue_date, issuer_key(issuer), level)
            for digits in {digits for digits, _ in numbers}:
                self.by_digits[digits].append(document)
            if issue_date:
                self.by_date[issue_date].append(document)

    def candidates(self, number: str, date: str | None) -> list[StoredDocument]:
        found = {d.doc_hash: d for d in self.by_digits.get(number_key(number)[0], [])}
        for document in self.by_date.get(date or "", []):
            found.setdefault(document.doc_hash, document)
        return list(found.values())


def resolve_links(store: Store) -> int:
    """Rebuild ``citation_links`` from every citation in the store; returns the link count."""
    index = DocumentIndex(store)
    links: list[tuple] = []
    cursor = store.connection.execute(
        "SELECT doc_hash, citation_no, number, date, issuer, issuer_level, relation, is_parent "
        "FROM citations WHERE number IS NOT NULL ORDER BY doc_hash, citation_no")
    while batch := cursor.fetchmany(4096):
        for citing, citation_no, number, date, issuer, level, relation, is_parent in batch:
            match = best_match(number, date, issuer, level,
                               [d for d in index.candidates(number, date) if d.doc_hash != citing])
            if match:
                links.append((citing, citation_no, match[0].doc_hash, relation, is_parent,
                              round(match[1], 3)))
    store.replace_links(links)
    return len(links)


def load_graph(store: Store):
    """The archive as a networkx DiGraph: plans (and documents cited but not in the store) as
    nodes, citations as edges from the citing plan to the cited document."""
    import networkx

    graph = networkx.DiGraph()
    for row in store.connection.execute(
            "SELECT d.doc_hash, d.type, d.number, d.issue_date, d.issuer, d.issuer_level, "
            "d.locality, d.title, any_value(f.path) FROM documents d LEFT JOIN files f "
            "USING (doc_hash) GROUP BY ALL").fetchall():
        doc_hash, *values = row
        graph.add_node(doc_hash, in_store=True, **_present(zip(
            ("type", "number", "issue_date", "issuer", "level", "locality", "title", "path"),
            values, strict=True)))
    for row in store.connection.execute(
            "SELECT c.doc_hash, c.citation_no, c.type, c.number, c.date, c.issuer, c.relation, "
            "c.is_parent, l.cited_hash, l.score FROM citations c LEFT JOIN citation_links l "
            "USING (doc_hash, citation_no) WHERE c.number IS NOT NULL").fetchall():
        citing, _no, kind, number, date, issuer, relation, is_parent, cited, score = row
        if cited is None:
            cited = "cited:" + "/".join(number_key(number))
            if cited not in graph:
                graph.add_node(cited, in_store=False, **_present(zip(
                    ("type", "number", "issue_date", "issuer"), (kind, number, date, issuer),
                    strict=True)))
        if not graph.has_edge(citing, cited) or is_parent:
            graph.add_edge(citing, cited, relation=relation, is_parent=bool(is_parent),
                           **_present([("score", score)]))
    return graph


def _present(pairs) -> dict:
    return {key: value for key, value in pairs if value is not None}


def parent_pairs(store: Store) -> list[tuple[str, str, float]]:
    """(local plan, its parent) for every plan whose direct parent is in the store."""
    return [tuple(row) for row in store.connection.execute(
        "SELECT doc_hash, cited_hash, score FROM citation_links WHERE is_parent "
        "ORDER BY doc_hash").fetchall()]
