"""Agencies: every mention of a body, resolved to one entry per body.

Mentions are found by a blank spaCy pipeline over our own tokens: phrase matchers for the names
in ``agencies.toml`` (bodies that stand alone, heads that need a name, fields of work, the words
collectives are made of), then one component that grows each match into the whole name the way
Vietnamese writes it: a field or a run of capitalised words ("Sở Lao động - Thương binh và Xã
hội"), then the unit and place it belongs to ("UBND huyện Yên Định"), or the units a collective
ranges over ("UBND các huyện, thành phố"). A body nobody listed is still found from its shape
("Hội Cựu thanh niên ... tỉnh", "Trung tâm Văn hóa - Thể thao huyện").
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache, lru_cache

import regex
import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from extractor.model import Agency, Document, Evidence
from extractor.normalize import NormalizedText
from extractor.rules.vocabulary import (
    UNIT_WORDS,
    VILLAGE_UNIT_WORDS,
    doc_type_words,
    expand_abbreviations,
    load_lexicon,
    match_key,
    tier_of_body,
    tier_of_unit,
    two_tiers,
    unit_of,
    units,
    village_units,
)
from extractor.structure import CLOSING, Layout, marker_of

TOKEN = regex.compile(r"[\n\t]|\p{L}[\p{L}\p{M}]*(?:&\p{L}+)*|\d+|[^\s]")
CONNECTORS = {"và", "-", "–", "&"}
PLACE_STOP = {"Việt"}  # "Việt Nam" is taken as part of the name, not as a place
ONE_SYLLABLE_HEADS = {"sở", "bộ"}


@dataclass(frozen=True)
class AgencyMention:
    start: int
    end: int
    surface: str
    kind: str
    collective: bool
    head: str | None = None  # a shared head given to a bare field ("Sở Nội vụ, Tài chính")
    full: str | None = None  # the full name of a short form the plan defined ("BCHQS xã")

    @property
    def name(self) -> str:
        """The name as written (a bare field with its shared head)."""
        return f"{self.head} {self.surface}" if self.head else self.surface

    def moved(self, offset: int) -> AgencyMention:
        """The mention with its offsets moved by ``offset`` (into a longer or shorter text)."""
        return replace(self, start=self.start + offset, end=self.end + offset)


def lexicon() -> dict:
    return load_lexicon("agencies.toml")


class _Tokenizer:
    """Our tokens, each with its offsets into the source and a folded NORM for matching."""

    def __init__(self, vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        found = list(TOKEN.finditer(text))
        words = [m.group() for m in found]
        spaces = [
            index + 1 < len(found) and found[index + 1].start() > m.end()
            for index, m in enumerate(found)
        ]
        doc = Doc(self.vocab, words=words, spaces=spaces)
        for token in doc:
            token.norm_ = match_key(token.text) if token.text != "\n" else "\n"
        doc.user_data["offsets"] = [(m.start(), m.end()) for m in found]
        return doc


@cache
def pipeline() -> Language:
    nlp = spacy.blank("xx")
    nlp.tokenizer = _Tokenizer(nlp.vocab)
    nlp.add_pipe("kehoach_agencies")
    return nlp


@Language.factory("kehoach_agencies")
def _make_agency_component(nlp: Language, name: str) -> AgencyComponent:
    return AgencyComponent(nlp)


class AgencyComponent:
    """Sets ``doc.spans["agencies"]`` (label: kind) and ``doc.user_data["agencies"]``."""

    def __init__(self, nlp: Language) -> None:
        data = lexicon()
        words = data["words"]
        self.matcher = PhraseMatcher(nlp.vocab, attr="NORM")
        self.kinds: dict[str, str] = {}
        for label, phrases in (
            ("BODY", data["bodies"]), ("HEAD", data["heads"]), ("FIELD", words["fields"]),
            ("COLL", words["collective_nouns"]), ("TAIL", words["collective_tails"]),
            ("UNIT", [unit.word for unit in units()] + village_units() + words["area_units"]),
            ("ONE_PER_UNIT", words["one_per_unit"]),
            ("SECTOR", words["sectors"] + words["fields"]),
            ("MEMBER", words["collective_members"]), ("SUB_UNIT", words["sub_units"]),
            ("VILLAGE_HEAD", words["village_heads"]), ("VILLAGE", village_units()),
            ("BRANCH", words["village_branches"]), ("DESCRIPTIVE", words["descriptive_heads"]),
            ("KIND_THEN_NAME", words["kind_then_name_heads"]), ("DESK", words["desk_fields"]),
            ("CORPS", words["corps_heads"]), ("NOT_COLL", words["not_collectives"]),
            ("NOT_BODY", words["not_bodies"]),
            ("VILLAGE_TEAM", words["village_teams"]), ("CAPITAL_ONLY", words["capital_only"]),
            ("PLACED_ONLY", words["placed_only"]),
            ("TEAM", words["team_heads"]), ("GROUP_OPENER", words["group_openers"]),
            ("DIRECTING", words["directing"]), ("NOT_VILLAGE_WORK", words["not_village_work"]),
            ("COMMITTEE", words["association_committees"]),
            ("QUALIFIER", words["collective_qualifiers"]),
            ("AREA", words["area_qualifiers"]),
            ("EVENT_COMMITTEE", words["event_committees"]),
            ("LOWERCASE_HEAD", words["lowercase_heads"]),
        ):
            docs = [nlp.make_doc(phrase) for phrase in phrases]
            self.matcher.add(label, docs)
            if isinstance(phrases, dict):
                for phrase, kind in phrases.items():
                    self.kinds[_norm_key(nlp.make_doc(phrase))] = kind
        self.stop = {match_key(word) for word in words["stop_words"]}
        self.sector_after = {match_key(word) for word in words["sector_after"]}
        self.position_words = {match_key(word) for word in words["position_words"]}
        self.not_national_work = {match_key(word) for word in words["not_national_work"]}
        self.work_phrases = [match_key(phrase).split() for phrase in words["work_phrases"]]
        self.not_a_place = {match_key(word) for word in words["not_a_place"]}
        self.area_units = {match_key(word) for word in words["area_units"]}
        self.collective_kinds = {match_key(word): kind
                                 for word, kind in data["collective_kinds"].items()}
        self.not_a_unit_after = {unit: set(after)
                                 for unit, after in data["not_a_unit_after"].items()}
        self.vocab = nlp.vocab

    def __call__(self, doc: Doc) -> Doc:
        matches: dict[str, dict[int, int]] = defaultdict(dict)
        for match_id, start, end in self.matcher(doc):
            label = self.vocab.strings[match_id]
            matches[label][start] = max(end, matches[label].get(start, 0))
        grower = _Grower(doc, matches, self)
        found = grower.run()
        doc.spans["agencies"] = [Span(doc, s, e, label=kind) for s, e, kind, _, _ in found]
        doc.user_data["agencies"] = found
        return doc


def _norm_key(doc: Doc) -> str:
    return " ".join(token.norm_ for token in doc)


class _Grower:
    """Walks the tokens once, growing matches into whole names."""

    def __init__(self, doc: Doc, matches: dict[str, dict[int, int]],
                 component: AgencyComponent) -> None:
        self.doc = doc
        self.words = [token.text for token in doc]
        self.norms = [token.norm_ for token in doc]
        self.matches = matches
        self.component = component
        self.found: list[tuple[int, int, str, bool, int | None]] = []

    def run(self) -> list[tuple[int, int, str, bool, int | None]]:
        """(start, end, kind, collective, head_end) per mention; head_end marks a bare field
        that borrows the head of the mention before it."""
        found: list[tuple[int, int, str, bool, int | None]] = []
        self.found = found
        index = 0
        while index < len(self.words):
            if index > 0 and self.words[index - 1] in {"-", "/"} and \
                    self.doc[index - 1].whitespace_ == "":
                index += 1  # "KH-UBND": a document's symbol, not a body
                continue
            mention = self._villages(index) or self._collective(index) or \
                self._village_head(index) or \
                self._branch(index) or self._sector(index) or self._corps(index) or \
                self._body(index) or self._desk(index) or self._team(index)
            if mention is None:
                index += 1
                continue
            if index > 0 and self.words[index - 1].isdigit() and \
                    (index < 2 or self.norms[index - 2] in COUNT_OPENS) and \
                    (not found or found[-1][1] < index):
                # "Thường trực Hội Khuyến học quận và 3 Cụm thi đua Phường": several of them
                mention = (index - 1, mention[1], mention[2], True, mention[4])
            found.append(mention)
            index = mention[1]
            # "Đội Quản lý thị trường số 1, số 2": the next numbered unit of the same name
            if self.norms[index - 2:index - 1] == ["số"] and mention[4] is None:
                while index + 2 < len(self.words) and self.words[index] in {",", "và"} and \
                        self.norms[index + 1] == "số" and self.words[index + 2].isdigit():
                    found.append((index + 1, index + 3, mention[2], False, mention[1] - 2))
                    index += 3
            # "Sở Nội vụ, Tài chính, Kế hoạch và Đầu tư": bare fields after a field name
            head_end = mention[4] if mention[4] is not None else self._field_head_end(mention)
            while head_end is not None and index < len(self.words) and \
                    self.words[index] in {",", "và"}:
                field_end = self.matches["FIELD"].get(index + 1)
                if field_end is None or self._at_body(index + 1):
                    break
                end = self._locality(field_end)[0]
                found.append((index + 1, end, mention[2], False, head_end))
                index = end
        return found

    def _field_head_end(self, mention) -> int | None:
        start, _, _, collective, _ = mention
        if collective:
            return None
        head_end = self.matches["HEAD"].get(start)
        if head_end is not None and self.matches["FIELD"].get(head_end):
            return head_end
        return None

    def _at_body(self, index: int) -> bool:
        if self._second_field(index):
            return False
        return index in self.matches["BODY"] or (self._capital(index) and (
            index in self.matches["HEAD"] or index in self.matches["VILLAGE_HEAD"])) or \
            self._desk_in_lowercase(index)

    def _desk_in_lowercase(self, index: int) -> bool:
        """"phối hợp với công chức Tư pháp - Hộ tịch": a desk's head in lowercase before a
        listed field, which names the desk."""
        head_end = self.matches["LOWERCASE_HEAD"].get(index)
        return head_end is not None and head_end in self.matches["FIELD"] and \
            self._capital(head_end)

    def _ends_place(self, start: int, index: int) -> bool:
        """Whether the place name begun at ``start`` ends before ``index``: where a body is
        named, or a head word stands past a name's second syllable ("huyện Xuân Trường": no
        school; "UBND tỉnh Quảng Ngãi Ban hành": a slip, no third syllable)."""
        return self._at_body(index) and (index - start != 1 or self._body(index) is not None)

    def _second_field(self, index: int) -> bool:
        """"Văn phòng – Thống kê": a desk's second field after a dash, not the office of one of
        its kind per unit ("Thống kê tỉnh")."""
        return index in self.matches["ONE_PER_UNIT"] and \
            self.words[index - 1:index] in (["-"], ["–"]) and \
            not self._clause_start(index - 1)  # "- Thuế tỉnh ...": an item's dash

    def _capital(self, index: int) -> bool:
        return index < len(self.words) and self.words[index][:1].isupper()

    def _kind(self, start: int, end: int) -> str:
        return self.component.kinds.get(" ".join(self.norms[start:end]), "other")

    def _body(self, index: int):
        if index in self.matches["NOT_BODY"]:
            return None  # "Bộ Quy tắc ứng xử": a set of rules, not a ministry
        if any(self.matches["UNIT"].get(start) == index and self.words[start].islower()
               for start in (index - 1, index - 2) if start >= 0) and \
                not _abbreviation(self.words[index]):
            # "thành phố Hội An", "xã Đoàn Kết": a place's name after its unit (but "... huyện
            # UBND các xã": a cell's next line names the next body)
            return None
        if (inner := self.matches["COMMITTEE"].get(index)) is not None and \
                inner < len(self.words) and self._capital(inner) and \
                (association := self._body(inner)) is not None and \
                association[2] == "mass_organisation":
            return None  # "Ban Thường vụ Hội Khuyến học huyện": the association acts
        if self.norms[index - 1:index] == ["điểm"]:
            return None  # "điểm Bưu điện - Văn hóa xã": a place, not the body
        if index in self.matches["CAPITAL_ONLY"] and not self._capital(index):
            return None  # "kiểm tra, thanh tra việc chấp hành": the work, not the body
        body_end = self.matches["BODY"].get(index)
        head_end = self.matches["HEAD"].get(index)
        if body_end is None and self.words[index:index + 2] == ["Chi", "nhánh"] and \
                index + 2 < len(self.words) and self._at_body(index + 2) and \
                (parent := self._body(index + 2)) is not None:
            return (index, parent[1], parent[2], parent[3], None)  # "Chi nhánh Văn phòng ..."
        if body_end is not None and (head_end is None or body_end >= head_end):
            kind = self._kind(index, body_end)
            event = self._runs_event(index, body_end)
            if event:
                kind = "steering"
            grow = self._purpose if kind == "steering" else self._name_tail
            end = grow(body_end) if kind == "steering" else grow(body_end, required=False)
            if self._tier_committee(body_end - 2):
                end = self._place_end(body_end)  # "Tỉnh ủy Gia Lai kết quả ...": its place only
            if event and self.norms[body_end:end] in ([], ["các"]):
                kind, end = self._kind(index, body_end), body_end  # no event named after all
            if kind == "steering" and end == body_end and not self._capital(index):
                return None  # "thành lập hội đồng thẩm định": a kind of committee, none named
        elif head_end is not None and (self._capital(index) or self._desk_in_lowercase(index)):
            kind = self._kind(index, head_end)
            field_end = self.matches["FIELD"].get(head_end)
            if field_end is not None and not self._capital(head_end) and \
                    self.norms[head_end] in self.component.stop:
                field_end = None  # "trực thuộc Sở xây dựng phương án": a verb, not "Xây dựng"
            named_short = index + 1 < len(self.words) and self.words[index + 1].istitle()
            if field_end is None and self.words[index].isupper() and len(self.words[index]) > 1 \
                    and not named_short:
                # "BÁO CÁO", "BAN HÀNH": a heading in capitals ("HTX Tân Thịnh": a short name)
                return None
            if kind == "school" and head_end < len(self.words) and self._at_body(head_end):
                return None  # "Trường Ban chỉ đạo" (a slip for "Trưởng"): the body is the Ban
            # a listed field, still open to a longer name ("Tư pháp - Hộ tịch")
            end = self._name_tail(field_end, required=False, continuing=True) \
                if field_end is not None else self._name_tail(head_end, required=True)
            if end is None and self.matches["DESCRIPTIVE"].get(index) == head_end:
                end = self._words_to_unit(head_end, names=True)
            if self.matches["KIND_THEN_NAME"].get(index) == head_end:
                # "Hợp tác xã dịch vụ nông nghiệp Phước Hưng", "Hợp tác xã Vệ sinh môi trường
                # Tam Hiệp": the kind's words, then the proper name
                end = self._kind_then_name(end if end is not None else head_end) or end
            if end is None and self.matches["ONE_PER_UNIT"].get(index) == head_end and \
                    self._unit_at(head_end) is not None and not self._second_field(index):
                end = head_end  # "Thư viện tỉnh": one of its kind per unit, no name needed
            if end is None:
                return None
        else:
            return None
        if self.norms[end:end + 1] == ["số"] and end + 1 < len(self.words) and \
                self.words[end + 1].isdigit():
            end += 2  # "Đội Quản lý thị trường số 5"
        if index in self.matches["SUB_UNIT"] and end < len(self.words) and self._at_body(end):
            parent = self._body(end)  # "Đội Cảnh sát giao thông - Trật tự Công an huyện"
            if parent is not None:
                return (index, parent[1], kind, parent[3], None)
        if self.norms[end:end + 1] == ["ngành"] and (
                sector_end := self.matches["SECTOR"].get(end + 1)) is not None:
            end = sector_end  # "Công đoàn ngành Giáo dục tỉnh"
        grassroots = kind == "mass_organisation" and self.norms[end:end + 2] == ["cơ", "sở"]
        if grassroots:
            end += 2  # "HKH cơ sở thành phố Bắc Kạn": the association's grassroots units
        elif self.norms[end:end + 3] == ["ở", "cơ", "sở"]:
            end += 3  # "Tổ hòa giải ở cơ sở": one in every village
            grassroots = True
        elif self.matches["VILLAGE_TEAM"].get(index) == end:
            grassroots = True  # "Tổ công nghệ số cộng đồng": one in every village
        if kind == "media" and self.norms[end:end + 1] == ["của"] and (
                self._unit_at(end + 1) is not None or self.norms[end + 1:end + 2] == ["sở"]):
            end += 1  # "trang thông tin điện tử của phường", "Cổng thông tin điện tử của Sở"
            if self.norms[end] == "sở":
                return (index, end + 1, kind, False, None)
        if self.words[end:end + 1] == ["("] and end + 3 < len(self.words) and \
                self.words[end + 2] == ")" and (end + 1 in self.matches["BODY"] or (
                    _abbreviation(self.words[end + 1]) and
                    full_name(self.words[end + 1]) != self.words[end + 1])):
            # a known short form between a name and its place: "Ủy ban nhân dân (UBND) xã Đức
            # Thạnh", "Chi nhánh Ngân hàng Nông nghiệp và Phát triển nông thôn (Agribank) Phù
            # Ninh"
            if self._unit_at(end + 3) is not None:
                end += 3
            elif self._capital(end + 3) and not self._at_body(end + 3):
                end = self._place_end(end + 3)
        end, collective = self._locality(end)
        if self.matches["PLACED_ONLY"].get(index) == end:
            return None  # "tham gia BHXH, BHYT": the insurance, not the body
        collective = collective or grassroots
        return (index, end, kind, collective, None)

    def _runs_event(self, index: int, body_end: int) -> bool:
        """"Ban Tổ chức các hoạt động hè cho thiếu nhi phường": a committee named after the
        event it runs, not the party committee's board ("Ban Tổ chức Tỉnh ủy", "Ban Tổ chức các
        cấp ủy")."""
        if index not in self.matches["EVENT_COMMITTEE"] or body_end >= len(self.words):
            return False
        following = self.norms[body_end]
        return self.words[body_end].islower() and not self._unit_at(body_end) and \
            "ủy" not in self.norms[body_end + 1:body_end + 3] and \
            (following == "các" or following not in self.component.stop)

    def _sector(self, index: int):
        """"Ngành giáo dục xã", "phối hợp với ngành giáo dục và đào tạo": a sector as the
        bodies working in it, where it acts (not "trong ngành Giáo dục", a topic)."""
        if self.norms[index] != "ngành":
            return None
        end = self.matches["SECTOR"].get(index + 1)
        if end is None:
            return None
        before = self.words[index - 1] if index > 0 else "\n"
        if before[:1].isalpha() and self.norms[index - 1] not in self.component.sector_after:
            return None
        return (index, self._locality(end)[0], "state", True, None)

    def _corps(self, index: int):
        """"Đội ngũ báo cáo viên pháp luật huyện": a corps named by its work, up to its unit."""
        head_end = self.matches["CORPS"].get(index)
        if head_end is None or not self._capital(index):
            return None
        for end in range(head_end + 1, min(head_end + 8, len(self.words))):
            if self._unit_at(end):
                return (index, self._locality(end)[0], "other", False, None)
            if not self.words[end].islower():
                return None
        return None

    def _desk(self, index: int):
        """"phối hợp với Tài chính - Kế toán": a commune's desk named by its fields alone, where
        a body is expected."""
        end = self.matches["DESK"].get(index)
        if end is None or self.norms[index - 1:index] != ["với"]:
            return None
        return (index, self._locality(end)[0], "state", False, None)

    def _village_head(self, index: int):
        """"Trưởng các thôn", "Trưởng ấp Bình An": the heads of villages, named by the unit."""
        head_end = self.matches["VILLAGE_HEAD"].get(index)
        if head_end is None or not (
                self._capital(index) or self._clause_start(index) or self._directed(index) or
                self.words[index - 1:index] in ([","], ["và"])):
            return None  # lowercase only where a clause or a list names them, not "tăng trưởng"
        unit = head_end + (self.norms[head_end:head_end + 1] in (["các"], ["mỗi"], ["từng"]))
        return self._in_village(index, unit, "other")

    def _team(self, index: int):
        """"tổ tự quản về bảo vệ môi trường", "Các tổ thu gom rác thôn", "nhóm phòng, chống
        bạo lực gia đình": a team named by its work, one in every village unless the village
        is named."""
        head = index + (self.norms[index] in VILLAGE_DETERMINERS)  # "Các tổ thu gom rác thôn"
        start = self.matches["TEAM"].get(head)
        stop = self.component.stop
        if start is None or start >= len(self.words) or head in self.matches["BODY"] or \
                head in self.matches["VILLAGE"] or \
                self.norms[start] in _team_words()[1] or \
                (self.norms[head] == "nhóm" and start not in self.matches["GROUP_OPENER"]):
            return None
        end = start
        while end < len(self.words) and end - start < 8:
            word, norm = self.words[end], self.norms[end]
            if word == "," and end > start and end + 1 < len(self.words) and \
                    self.words[end + 1].islower() and self.norms[end + 1] not in stop:
                end += 1  # "phòng cháy, chữa cháy"
                continue
            # the work may open on a verb of two words: "tổ thu gom rác", "tổ tự quản về bảo vệ
            # môi trường"
            verb_allowed = end - start < 2 or self.norms[end - 1] == "về" or norm == "về"
            if not ((word.isalpha() and word.islower()) or _abbreviation(word)) or \
                    (norm in stop and not verb_allowed) or \
                    self._unit_at(end) is not None or self._at_body(end):
                break
            end += 1
            if _abbreviation(word):
                break  # "tổ đội PCCCR hiện có": the short form is the whole work
        while end > start and self.norms[end - 1] in {"về", ","}:
            end -= 1
        if end == start:
            return None
        place, collective = self._locality(end)
        # "tổ đội PCCCR thôn": every village's, as "tổ đội PCCCR" (see ``_team_key``)
        return (index, place, "other", collective or place == end or
                self.matches["VILLAGE"].get(end) == place, None)

    def _branch(self, index: int):
        """"Chi hội khu dân cư", "Chi hội Phụ nữ thôn 3": a body's branch in a village, one
        in every village unless the village is named."""
        head_end = self.matches["BRANCH"].get(index)
        if head_end is None or not self._capital(index):
            return None
        unit = self._name_tail(head_end, required=False) or head_end
        return self._in_village(index, unit, "mass_organisation")

    def _in_village(self, index: int, unit: int, kind: str):
        """The mention from ``index`` to the village unit at ``unit`` and the village's name
        after it; a collective when no village is named."""
        unit_end = self.matches["VILLAGE"].get(unit)
        if unit_end is None:
            return None
        while unit_end + 1 < len(self.words) and self.words[unit_end] == "," and \
                (following := self.matches["VILLAGE"].get(unit_end + 1)) is not None:
            unit_end = following  # "trưởng thôn, bản"
        end = unit_end
        while end < len(self.words) and (self.words[end][:1].isupper() or
                                         self.words[end].isdigit()):
            end += 1  # the village's name
        return (index, end, kind, end == unit_end, None)

    def _document_at(self, index: int) -> bool:
        """Whether a document is named at ``index``, its kind then its number: "... của Bộ
        trưởng Bộ Quốc phòng và Thông tư số 62/2023/TT-BCA" goes on to another document, not
        the name (but "Phòng Tài chính và Kế hoạch")."""
        return any(match_key(" ".join(self.words[index:index + size])) in _document_keys()
                   and index + size < len(self.words)
                   and (self.norms[index + size] == "số" or self.words[index + size].isdigit())
                   for size in (1, 2, 3))

    def _tier_committee(self, index: int) -> bool:
        """Whether a party committee named by its tier ("Tỉnh ủy", "Huyện ủy") starts at
        ``index``: the capitalised words after it are its place, not its name."""
        return index >= 0 and self.norms[index] in TIER_COMMITTEE_UNITS and \
            self.norms[index + 1:index + 2] in (["ủy"], ["uỷ"])

    def _name_tail(self, index: int, *, required: bool, continuing: bool = False) -> int | None:
        """The capitalised words of a name, with the lowercase second syllable of a word."""
        end, previous_capital = index, False
        # the proper name's syllables start after a short form of the kind ("Trường THCS Xuân
        # Trường": "Trường" is the name's second syllable, not a school)
        name_start = index + 1 if index < len(self.words) and \
            _abbreviation(self.words[index]) else index
        while end < len(self.words):
            if end > index and _abbreviation(self.words[end - 1]) and self.words[end].islower() \
                    and self.words[end] not in CONNECTORS and not self._unit_at(end):
                break  # "Trung tâm VHTT&TT duy trì": no second syllable after an abbreviation
            word, norm = self.words[end], self.norms[end]
            if self._tier_committee(end):
                # "Ban Thường vụ Tỉnh ủy Gia Lai kết quả ...": the committee, then its place
                end = self._place_end(end + 2)
                break
            if word == "\n" or self._unit_at(end) or \
                    (end > index and self._ends_place(name_start, end)):
                break
            if end > index and self.norms[end - 1] in ONE_SYLLABLE_HEADS and \
                    (field_end := self.matches["FIELD"].get(end)) is not None:
                # "Thanh tra Sở Giao thông vận tải": a Sở's field inside the name
                end, previous_capital = field_end, False
                continue
            if norm == "số" and end + 1 < len(self.words) and self.words[end + 1].isdigit():
                end += 2  # "Trường THCS số 2"
                break
            if (word[:1].isupper() and word not in PLACE_STOP) or _abbreviation(word):
                # "Văn phòng Sở duy trì": the Sở is a word of its own, with no second syllable
                previous_capital = norm not in ONE_SYLLABLE_HEADS
            elif word == "Việt" and end + 1 < len(self.words) and self.words[end + 1] == "Nam":
                end += 1  # two syllables whole: "Bảo hiểm xã hội Việt Nam kết quả ..."
                previous_capital = False
            elif (word in CONNECTORS and (end > index or continuing) and end + 1 < len(self.words)
                  and self.words[end + 1][:1].isupper() and not self._document_at(end + 1)) or (
                    word.islower() and previous_capital and norm not in self.component.stop):
                previous_capital = False
            elif word == "," and (end > index or (continuing and end + 1 not in
                                                   self.matches["FIELD"])) and \
                    end + 1 < len(self.words) and \
                    self.words[end + 1][:1].isupper() and not self._at_body(end + 1) and \
                    not self._unit_at(end + 1) and \
                    self.norms[end + 1] not in self.component.position_words:
                # "Trung tâm Văn hóa, Thể thao và Truyền thông" (not "Văn phòng Sở, Chánh
                # Thanh tra Sở": a post opens the next name)
                previous_capital = False
            elif word.islower() and end > index and (unit := self._words_to_unit(end)):
                end = unit  # "Trung tâm Dịch vụ nông nghiệp huyện": lowercase words to a unit
                break
            else:
                break
            end += 1
        if end > index and self.words[end - 1] in CONNECTORS:
            end -= 1
        if required and end == index:
            return None
        return end

    def _words_to_unit(self, index: int, names: bool = False) -> int | None:
        """Where a run of up to four lowercase, non-verb words reaching a unit word ends ("môi
        trường nông thôn tỉnh"; with ``names``, words that may be capitalised: "bồi dưỡng
        Chính trị thành phố"); the unit may be one of many ("hành chính công các xã, phường")."""
        for end in range(index, min(index + 5, len(self.words))):
            if self._unit_at(end) or (self.norms[end] == "các" and end + 1 < len(self.words) and
                                      self._unit_at(end + 1)):
                return end if end > index else None
            word = self.words[end]
            if not (word.islower() or (names and word.istitle() and not self._at_body(end))) \
                    or self.norms[end] in self.component.stop:
                return None
        return None

    def _kind_words(self, index: int) -> int:
        """Past the lowercase words after a kind's name that say which of its bodies, one or a
        list of them starting alike: "(các Ban Quản lý) rừng phòng hộ, rừng đặc dụng"."""
        end = self._lowercase_kind(index)
        while end > index and self.words[end:end + 1] == [","] and \
                self.norms[end + 1:end + 2] == self.norms[index:index + 1] and \
                (following := self._lowercase_kind(end + 1)) > end + 1:
            end = following
        return end

    def _lowercase_kind(self, index: int) -> int:
        """Past up to four lowercase words of a kind (no verb, no unit) from ``index``."""
        end = index
        while end < len(self.words) and end - index < 4 and self.words[end].islower() and \
                self.norms[end] not in self.component.stop and not self._unit_at(end):
            end += 1
        return end

    def _kind_then_name(self, index: int) -> int | None:
        """Where up to four lowercase words of a kind and the proper name after them end."""
        end = self._lowercase_kind(index)
        if end == index or end >= len(self.words) or not self._capital(end) or \
                self._at_body(end):
            return None
        return self._name_tail(end, required=True)

    def _purpose(self, index: int) -> int:
        """A steering committee is named after its work: "Ban Chỉ đạo xây dựng xã hội học tập
        phường" runs to its unit; without a unit in sight it is "Ban Chỉ đạo" and capitals."""
        if self.norms[index:index + 2] == ["quốc", "gia"]:
            return self._national_purpose(index + 2)
        if self.norms[index - 2:index] == ["quốc", "gia"]:
            return self._national_purpose(index)  # "Ủy ban Quốc gia về chuyển đổi số"
        end, named = index, None
        while end < len(self.words) and end - index < 18:
            word = self.words[end]
            if self._unit_at(end):
                if named is not None:
                    return named  # "Ban quản lý chợ Gia Cẩm bố trí khu vực ...": named before
                # "... cứu nạn cấp xã": "cấp" belongs to the unit, one at each commune
                return end - 1 if end > index and self.norms[end - 1] == "cấp" else end
            if named is None and end > index and self.norms[end] in self.component.stop and \
                    self._capital(end - 1) and (not self._capital(index) or (
                        self.words[end].islower() and self.words[end] not in CONNECTORS)):
                # "Ban Quản lý chợ Tân Dĩnh chủ trì": the work's place ends it; so does a
                # named place's ("Ban Quản lý Khu kinh tế Phú Yên hướng dẫn")
                named = end
            if ((end > index and self.norms[end:end + 2] in (["phối", "hợp"], ["chủ", "trì"])) or
                    (end == index and self.norms[end:end + 2] == ["phụ", "trách"])) and \
                    self.norms[end + 2:end + 3] != ["phổ"]:
                # "Ban Quản lý khu du lịch phối hợp với ...": the clause's verb ends the name
                # ("thành viên Ban Chỉ đạo phụ trách từng thôn")
                # (not "Hội đồng phối hợp phổ biến, giáo dục pháp luật", named for it)
                return end
            if end > index and self._at_body(end):
                if self.norms[end - 1] == "của" and (owner := self._body(end)) is not None:
                    # "Tổ công tác triển khai Đề án 06 của Thủ tướng Chính phủ": its owner's
                    return owner[1]
                # "Ban Quản lý chợ và UBND các xã": another body ends the name
                while end > index and self.words[end - 1] in CONNECTORS:
                    end -= 1
                return end
            if word == "," and end > index and end + 1 < len(self.words) and \
                    self.words[end + 1].islower() and self.norms[end + 1] not in \
                    self.component.stop:
                end += 1  # "Ban Chỉ đạo phổ cập giáo dục, xóa mù chữ thị xã"
                continue
            if word == "\n" or not (word.isalpha() or word in CONNECTORS or word.isdigit() or
                                    _abbreviation(word)) or (word == "và" and end == index):
                break
            end += 1
        if named is None and end > index and self._capital(end - 1) and \
                (not self._capital(index) or end - index <= NAMED_WORK_WORDS) and \
                (end == len(self.words) or not self.words[end].isalpha()):
            named = end  # the same at the end of a cell or before a comma
        return named or self._name_tail(index, required=False) or index

    def _national_purpose(self, index: int) -> int:
        """"Ban Chỉ đạo quốc gia về phòng thủ dân sự": a national committee has no unit to
        end its name; its work does, before a second "về", a period or a clause."""
        end = index
        while end < len(self.words) and end - index < 12:
            word, norm = self.words[end], self.norms[end]
            if word == "và" and end > index and end + 1 < len(self.words) and \
                    self.words[end + 1].islower() and (
                        self.norms[end + 1] not in self.component.stop or
                        self._work_phrase_at(end + 1)):
                end += 1  # "chống buôn lậu, gian lận thương mại và hàng giả"
                continue
            if (phrase_end := self._work_phrase_at(end)) is not None:
                end = phrase_end  # "hàng giả": no "hàng năm"
                continue
            ends_work = norm in self.component.not_national_work or (
                end > index and norm in self.component.stop)
            if (ends_work and not self._completes_work(index, end)) or \
                    (norm == "về" and end > index):
                break
            if word == "," and end + 1 < len(self.words) and self.words[end + 1].islower() \
                    and self.norms[end + 1] not in self.component.stop:
                end += 1  # "về phòng, chống thiên tai"
                continue
            if not (word.isalpha() and (word.islower() or end == index)):
                break
            end += 1
        return end

    def _work_phrase_at(self, index: int) -> int | None:
        """Where a phrase of work that starts at ``index`` ends, if one does."""
        return next((index + len(phrase) for phrase in self.component.work_phrases
                     if self.norms[index:index + len(phrase)] == phrase), None)

    def _completes_work(self, start: int, index: int) -> bool:
        """Whether the word at ``index`` ends a phrase of work begun after ``start``: "tập" of
        "xã hội học tập", "số" of "chuyển đổi số", which are no verb or number."""
        return any(index - len(phrase) + 1 >= start and
                   self.norms[index - len(phrase) + 1:index + 1] == phrase
                   for phrase in self.component.work_phrases)

    def _unit_at(self, index: int) -> int | None:
        end = self.matches["UNIT"].get(index)
        if end is None or (index > 0 and self.norms[index - 1] == "nông" and
                           self.norms[index] == "thôn"):
            return None  # "nông thôn" is the countryside, not a hamlet
        if end < len(self.norms) and \
                self.norms[end] in self.component.not_a_unit_after.get(self.norms[end - 1], ()):
            return None
        return end

    def _locality(self, index: int) -> tuple[int, bool]:
        """After a name: its unit and place, "cấp xã", or "các huyện, thành phố"."""
        words = self.words
        if self.norms[index:index + 2] == ["chi", "nhánh"] and self._unit_at(index + 2):
            index += 2  # "Ngân hàng Chính sách xã hội chi nhánh tỉnh": the bank's branch there
        if index + 1 < len(words) and words[index].isdigit() and \
                (counted := self._unit_at(index + 1)) is not None:
            return counted, True  # "Ủy ban nhân dân 15 phường": one in each
        if index < len(words) and self.norms[index] == "cấp" and self._unit_at(index + 1):
            end = self._unit_at(index + 1) or index
            return self._more_units(end) or end, True  # "cấp xã, phường"
        if self.norms[index:index + 2] == ["cùng", "cấp"]:
            return index + 2, True  # "Hội Khuyến học cùng cấp": one at each level
        if index < len(words) and self.norms[index] == "các":
            end = self._unit_at(index + 1)
            if end is None and index + 1 < len(words) and self.norms[index + 1] == "cấp":
                return index + 2, True
            if end is None:
                return index, False
            while end + 1 < len(words) and words[end] in {",", "và"} and self._unit_at(end + 1):
                end = self._unit_at(end + 1) or end
            return self._which_places(self._named_places(end)), True
        end = self._unit_at(index)
        if end is None:
            return index, False
        units = self._more_units(end)
        if units is not None:
            return units, True  # "Hội Khuyến học xã, thị trấn": one in every commune and town
        place = self._place_end(end)
        # "Ban điều hành khu phố": a village's body with no village named, every village's;
        # "Hạt Kiểm lâm khu vực": every area's
        area = " ".join(self.norms[index:end]) in self.component.area_units
        return place, place == end and (self.matches["VILLAGE"].get(index) == end or area)

    def _which_places(self, end: int) -> int:
        """Past the words that say which of the places: "UBND các huyện miền núi", and in a
        table's cell, "UBND các xã có mô hình" up to the cell's end."""
        if (area := self.matches["AREA"].get(end)) is not None:
            return area
        words = self.words
        if self.norms[end:end + 1] != ["có"]:
            return end
        stop = end + 1
        while stop < len(words) and words[stop][:1].islower() and stop - end <= 5:
            stop += 1
        before = words[max(0, end - 40):end]
        line = before[len(before) - before[::-1].index("\n"):] if "\n" in before else before
        in_cell = "\t" in line  # a table row's line
        at_cell_end = (stop == len(words) or words[stop] in {"\t", "\n"}) and \
            (in_cell or words[stop:stop + 1] == ["\t"])
        if stop > end + 1 and at_cell_end:
            return stop
        # one word of what they have, then a clause mark: "UBND các xã, phường có rừng:"
        if stop > end + 1 and words[end + 2:end + 3] and words[end + 2] in {":", ";", ",", "."} \
                and self.norms[end + 1] not in self.component.stop:
            return end + 2
        return end

    def _place_end(self, first: int) -> int:
        """Where the name of a place that starts at ``first`` ends: its capitalised words and
        numbers, up to a body named after it, with a name broken by a wrapped title line
        ("huyện Thạch\nHà")."""
        words, place = self.words, first
        while place < len(words) and self._place_word(first, place):
            place += 1
            if place + 1 < len(words) and words[place] == "\n" and \
                    words[place + 1][:1].isupper() and \
                    (place + 2 >= len(words) or not words[place + 2][:1].isalpha()) and \
                    self._place_word(first, place + 1):
                place += 1
        return place

    def _named_places(self, index: int) -> int:
        """Where the places named after "các xã" end: "UBND các xã Pà Cò, Hang Kia" is the
        councils of those communes, together."""
        words, end = self.words, index
        while (run := self._place_end(end)) > end:
            end = run
            if not (run + 1 < len(words) and words[run] in {",", "và"}):
                break
            end = run + 1  # the next place, if one is named; else back to this one's end
            if self._place_end(end) == end:
                return run
        return end

    def _place_word(self, first: int, index: int) -> bool:
        """Whether the word at ``index`` goes on the name of a place begun at ``first``."""
        word = self.words[index]
        if not (word[:1].isupper() or word.isdigit()) or \
                (_abbreviation(word) and index in self.matches["BODY"]):  # "xã X UBND ..."
            return False
        if index == first and self.norms[index] in self.component.not_a_place and \
                (index + 1 == len(self.words) or not self.words[index + 1][:1].isupper()):
            return False  # "xã Kế hoạch ...": a document's name, not the place's ("Đồng Văn" is)
        return not self._ends_place(first, index)

    def _more_units(self, end: int) -> int | None:
        """Where ", thị trấn" style further units after a unit word end, if a place name does
        not follow them ("huyện, thành phố Vinh" is two bodies' places, not a range)."""
        last = None
        while end + 1 < len(self.words) and self.words[end] == "," and \
                self.words[end + 1].islower() and (following := self._unit_at(end + 1)):
            end = last = following
        if last is None or (last < len(self.words) and self.words[last][:1].isupper()):
            return None
        return last

    def _collective(self, index: int):
        if self.norms[index] != "các":
            return self._bare_collective(index)
        if self.norms[index + 1:index + 2] in (["sở"], ["phòng"]) and \
                self.words[index + 2:index + 3] == [":"] and \
                (field_end := self.matches["FIELD"].get(index + 3)) is not None:
            # "các Sở: Nông nghiệp và Môi trường, Công Thương": each Sở by its field
            return (index + 3, self._locality(field_end)[0], "state", False, index + 2)
        if index + 1 in self.matches["NOT_COLL"]:
            return None  # "các trường hợp nghi ngờ ...": cases, not schools
        if self._members_of_body(index + 1):
            return None  # "các thành viên Ban Chỉ đạo tỉnh": the committee, named by its members
        end = self.matches["COLL"].get(index + 1)
        if end == index + 2 and self._capital(index + 1) and self._capital(index + 2) and \
                (body := self._body(index + 1)) is not None and body[1] > end:
            # "các Ban Quản lý rừng phòng hộ, rừng đặc dụng": a named kind, not "các ban"
            return (index, self._kind_words(body[1]), body[2], True, None)
        opened_by_member = False
        if end is None and (member := self.matches["MEMBER"].get(index + 1)) is not None and \
                self.words[member:member + 1] == [","] and \
                not self._members_of_body(member + 1) and (
                    self.matches["COLL"].get(member + 1) or
                    (self.norms[member + 1:member + 2] == ["các"] and
                     self.matches["COLL"].get(member + 2))):
            # "các tổ chức, các lực lượng xã hội", "các cấp, các ngành": a member opens a list
            # of kinds
            end, opened_by_member = member, True
        if self.matches["VILLAGE"].get(index + 1):
            return None  # villages where they only say where: "tại các thôn"
        if end is None and (unit_end := self._unit_at(index + 1)) is not None and \
                self._worked_with(index):
            # "phối hợp với Sở Nông nghiệp ..., các huyện và thành phố": the localities' bodies
            while unit_end + 1 < len(self.words) and self.words[unit_end] in {",", "và"} and \
                    (following := self._unit_at(unit_end + 1)) is not None:
                unit_end = following
            if unit_end < len(self.words) and self.words[unit_end][:1].isupper():
                return None  # "phối hợp với các xã Tân Phú, Tân Lập": places named
            return (index, unit_end, "state", True, None)
        if end is None and self._capital(index + 1) and \
                (body := self._body(index + 1)) is not None:
            # "các Đồn Biên phòng trên địa bàn đặc khu": one of a named kind in each place
            end = body[1]
            if self.norms[end:end + 3] == ["trên", "địa", "bàn"]:
                end = self._locality(end + 3)[0]
            return (index, end, body[2], True, None)
        if end is None:
            return None
        if self.norms[index + 1:index + 3] == ["phương", "tiện"] and \
                self.norms[index - 1:index] in (["trên"], ["qua"]):
            return None  # "tuyên truyền trên các phương tiện thông tin đại chúng": a channel
        # "các Phòng Giáo dục và Đào tạo": offices of one field, one in each district.
        if self.norms[index + 1] in {"sở", "phòng"} and end == index + 2 and \
                (field_end := self.matches["FIELD"].get(end)) is not None:
            end = field_end
        items = 1
        while True:
            end = self._qualified(end)
            if self.norms[end:end + 2] == ["chuyên", "môn"] and \
                    self.words[end + 2:end + 3] == [","]:
                end += 2  # "các phòng chuyên môn, đơn vị thuộc UBND phường": a kind's qualifier
            if not (end + 1 < len(self.words) and self.words[end] in {",", "và"}):
                break
            following = max(self.matches["COLL"].get(end + 1, 0),
                            self.matches["MEMBER"].get(end + 1, 0)) or None
            if following is None and (items >= 2 or opened_by_member) and \
                    self.words[end] == "," and \
                    self.norms[end + 1] == "các" and end + 2 < len(self.words):
                # "các cơ quan, đơn vị, tổ chức, các trường học": a list of kinds already
                # going, or opened by a member, takes "các" again ("các tổ chức chính trị - xã
                # hội, các tổ chức Hội" is two)
                following = self.matches["COLL"].get(end + 2)
            # "các ban, ngành, đoàn thể, Ban Nhân dân các thôn": a named body ends the list.
            if following is None or (self._capital(end + 1) and
                                     self._body(end + 1) is not None):
                break
            end = following
            items += 1
        while (tail := self.matches["TAIL"].get(end) or self.matches["AREA"].get(end)) \
                is not None and not self._given_what(end, tail):
            end = tail
        if self.norms[end - 2:end] == ["thành", "viên"] and self._capital(end) and \
                (committee := self._body(end)) is not None:
            # "Các cơ quan, đơn vị thành viên Ban Chỉ đạo 389 tỉnh": the members of the one
            # committee named after them
            return (index, committee[1], "state", True, None)
        unit_end = self._unit_at(end)
        if unit_end is not None:
            end = self._locality(end)[0]
        elif self.norms[end:end + 3] == ["trên", "địa", "bàn"]:
            end = self._locality(end + 3)[0]
        elif self.norms[end:end + 2] == ["tại", "các"] and self._unit_at(end + 2):
            end = self._locality(end + 1)[0]  # "các trường học tại các xã, phường có rừng"
        # "các cấp hội", "các cơ sở Đoàn": the kind is the word after the tier
        skip = {"cấp": 1, "cơ": 2}.get(self.norms[index + 1], 0)
        head = self.norms[min(index + 1 + skip, len(self.norms) - 1)]
        kind = self.component.collective_kinds.get(head, "state")
        return (index, end, kind, True, None)

    def _qualified(self, end: int) -> int:
        """Past the words after a kind that say which of its bodies, one or a list of them:
        "các cơ sở giáo dục mầm non, phổ thông", "các chi hội phụ nữ"."""
        qualifiers = self.matches["QUALIFIER"]
        if (following := qualifiers.get(end)) is None:
            return end
        end = following
        while self.words[end:end + 1] == [","] and (following := qualifiers.get(end + 1)):
            end = following
        return end

    def _given_what(self, start: int, end: int) -> bool:
        """Whether the tail from ``start`` is what the bodies were given, its object after it
        ("các cơ quan, đơn vị được giao nhiệm vụ"), not which of them ("các bộ phận, đơn vị
        được phân công báo cáo ...")."""
        return self.norms[start] == "được" and end < len(self.words) and \
            self.words[end].isalpha() and self.words[end].islower() and \
            self.norms[end] not in self.component.stop

    def _members_of_body(self, index: int) -> bool:
        """"thành viên Ban Chỉ đạo tỉnh": a body named by its members, no collective."""
        return self.norms[index:index + 2] == ["thành", "viên"] and \
            index + 2 < len(self.words) and self._body(index + 2) is not None

    def _villages(self, index: int):
        """"các thôn", "Mỗi ấp", "các thôn, khu phố": the villages together, a body where they
        do, help with, report on or are given work, and a place where they only say where
        ("tại các thôn", "phụ trách các thôn", "nhà văn hóa các ấp")."""
        determined = self.norms[index] in VILLAGE_DETERMINERS
        counted = self.words[index - 1:index] == ["%"]  # "100% tổ dân phố duy trì ..."
        # "Tổ dân phố phân công thành viên ...": the kind named bare opening a clause, every one
        opening = self._capital(index) and self._clause_start(index)
        if not (determined or counted or opening) or \
                (end := self.matches["VILLAGE"].get(index + determined)) is None:
            return None
        if end < len(self.norms) and \
                self.norms[end] in self.component.not_a_unit_after.get(self.norms[end - 1], ()):
            return None  # "Bản tin dự báo": a bulletin, not the hamlets
        while end + 1 < len(self.words) and self.words[end] in {",", "và"} and \
                (following := self.matches["VILLAGE"].get(end + 1)) is not None:
            end = following  # "các thôn, khu phố"
        if end < len(self.words) and (self._capital(end) or self.words[end].isdigit()):
            return None  # "các thôn Phong Tấn, Hanh Quang": villages named, places
        start = self._list_start(index)
        role_at = end + (self.words[end:end + 1] == ["("])  # "các thôn (phối hợp)"
        heading = self._clause_start(start) and (end == len(self.words) or
                                                 self.words[end] in {"\n", ":"})  # "8. Các thôn"
        acts = heading or self.norms[role_at:role_at + 2] in (["phối", "hợp"], ["chủ", "trì"],
                                                              ["báo", "cáo"]) or (
            self._clause_start(start) and end < len(self.words) and
            self.words[end][:1].islower() and end not in self.matches["NOT_VILLAGE_WORK"])
        if self._worked_with(index) or acts or self._directed(start):
            return (index, end, "other", True, None)
        return None

    def _directed(self, index: int) -> bool:
        """Whether a directing verb stands before ``index``: "chỉ đạo các thôn triển khai"."""
        return any(self.matches["DIRECTING"].get(index - length) == index for length in (1, 2))

    def _list_start(self, index: int) -> int:
        """Where the list of bodies that ``index`` continues starts ("Công an xã, các thôn")."""
        start = index
        for before in reversed(self.found):
            if self.words[start - 1:start] not in ([","], ["và"]) or before[1] != start - 1:
                break
            start = before[0]
        return start

    def _clause_start(self, index: int) -> bool:
        """Whether ``index`` opens a clause, a count before it allowed ("100% các thôn")."""
        if index >= 2 and self.words[index - 1] == "%" and self.words[index - 2].isdigit():
            index -= 2
        elif index >= 1 and self.words[index - 1].rstrip("%").isdigit():
            index -= 1
        if index >= 2 and self.words[index - 1] in {")", "."} and len(self.words[index - 2]) <= 2 \
                and (index == 2 or self.words[index - 3] in {"\n", "\t"}):
            return True  # after an item's label: "a) 100% các khu phố tổ chức ..."
        return index == 0 or self.words[index - 1].strip(" ") in CLAUSE_OPENS

    def _worked_with(self, index: int) -> bool:
        """Whether ``index`` opens a name in the list of bodies a work is done with: "phối hợp
        với các thôn", "phối hợp: Công an xã, các thôn"."""
        start = self._list_start(index)  # after bodies already on the list
        if self.norms[max(start - 3, 0):start] == ["phù", "hợp", "với"]:
            return False  # "phù hợp với từng khu dân cư": suited to, not worked with
        return self.norms[max(start - 2, 0):start] in (["hợp", "với"], ["cùng", "với"],
                                                        ["hợp", ":"]) or \
            (self.norms[start - 1:start] == ["với"] and "giữa" in self._clause_before(start)) or \
            (start < index and self.words[start - 1] == "\t")  # a cell listing bodies

    def _clause_before(self, index: int) -> list[str]:
        """The words of the clause before ``index``: "sự phối hợp giữa X, Y với"."""
        start = index
        while start > 0 and self.words[start - 1] not in {";", ".", "\n", ":"}:
            start -= 1
        return self.norms[start:index]

    def _bare_collective(self, index: int):
        """"HKH thành phố, đơn vị liên quan": the bodies concerned, named without "các" inside
        a list."""
        end = self.matches["COLL"].get(index)
        if end is not None and self.norms[index:end] == ["cấp", "ủy"] and \
                self.norms[index - 1:index] != ["các"] and self.words[end:end + 1] == [","] and \
                self.norms[end + 1:end + 3] == ["chính", "quyền"]:
            # "cấp ủy, chính quyền (các cấp)": the party committees and governments, together
            end += 3
            return (index, end + 2 if self.norms[end:end + 2] == ["các", "cấp"] else end,
                    "party", True, None)
        if end is None or index == 0 or self._capital(index):
            return None
        if self.norms[end:end + 2] == ["các", "cấp"] and self.norms[index - 1] != "các":
            # "..., chính quyền các cấp", "chỉ đạo công đoàn các cấp"
            return (index, end + 2, "state", True, None)
        if self.words[index - 1] not in {",", "và", "với"}:
            return None
        if self.norms[end:end + 2] not in (["liên", "quan"], ["có", "liên"]):
            return None
        tail = self.matches["TAIL"].get(end)
        return (index, tail, "state", True, None) if tail else None


# The words villages named together open with ("các thôn", "mỗi ấp"), and what opens a clause.
VILLAGE_DETERMINERS = {"các", "mỗi", "từng"}
# The longest run of words a board's capitalised name after its head takes where no verb ends
# it, at the end of a cell or before a comma ("Ban Quản lý Khu kinh tế Phú Yên; Sở Nội vụ");
# a longer run is a sentence, not a name.
NAMED_WORK_WORDS = 8
CLAUSE_OPENS = {"", "\n", "-", "+", "•", ";", ":", ".", "\t"}
# What may stand before a count of bodies in a list ("và 3 Cụm thi đua"), unlike a date's or a
# clause's number ("tháng 3 Hội ...", "Điều 2 Sở ...").
COUNT_OPENS = {"và", ",", ";", "với", "cùng", "\n", "-"}


def _abbreviation(word: str) -> bool:
    return len(word) >= 2 and word.upper() == word and any(c.isalpha() for c in word)


BRANCH_BEFORE = regex.compile(r"(?<!\p{L})chi\s+$")
BRANCH_OF = regex.compile(r"(?:hội|đoàn)\s")


def find_mentions(text: str) -> list[AgencyMention]:
    """Every body named in ``text``, with offsets into it."""
    doc = pipeline()(text)
    offsets = doc.user_data["offsets"]
    titles = [found.span("title") for found in QUOTED_TITLE.finditer(text)]
    mentions = []
    named = (0, 0)  # the tokens of the last mention with a head of its own
    for start, end, kind, collective, head_end in doc.user_data["agencies"]:
        char_start, char_end = offsets[start][0], offsets[end - 1][1]
        head = None
        if head_end is not None:
            # the shared head: "Sở" of "Sở Nội vụ, Tài chính" or of "các Sở: Công Thương, Y
            # tế"; "Đội Quản lý thị trường" of "Đội Quản lý thị trường số 1, số 2"
            head_start = named[0] if named[0] < head_end <= named[1] else head_end - 1
            head = text[offsets[head_start][0]:offsets[head_end - 1][1]]
        else:
            named = (start, end)
        if LAW_NAMED_AFTER.search(text, max(0, char_start - 20), char_start):
            continue  # "Luật Tổ chức Chính phủ": a law named after the body
        if any(title_start <= char_start and char_end <= title_end
               for title_start, title_end in titles):
            continue  # "Hội thi “Công chức một cửa thân thiện”": a title, not the body
        if collective and (branch := BRANCH_BEFORE.search(text, max(0, char_start - 8),
                                                          char_start)) and \
                BRANCH_OF.match(text, char_start):
            char_start = branch.start()  # "chi hội khuyến học thôn": the association's branches
        surface = text[char_start:char_end]
        inner = INNER_SHORT_FORM.search(surface)
        mentions.append(AgencyMention(char_start, char_end, surface, kind, collective, head,
                                      full=full_name(INNER_SHORT_FORM.sub("", surface))
                                      if inner else None))
    return _committees_listed(text, mentions)


def _committees_listed(text: str, mentions: list[AgencyMention]) -> list[AgencyMention]:
    """"Ban Chấp hành, Ban Thường vụ Hội Khuyến học các xã": each committee of the list acts
    for the association named after the last one."""
    committees = {match_key(words) for words in lexicon()["words"]["association_committees"]}
    out = list(mentions)
    for index in range(len(out) - 2, -1, -1):
        mention, association = out[index], out[index + 1]
        if match_key(mention.surface) in committees and \
                association.kind == "mass_organisation" and \
                COMMITTEE_LISTED.fullmatch(text, mention.end, association.start):
            out[index] = replace(mention, kind=association.kind,
                                 collective=association.collective,
                                 full=full_name(association.full or association.name))
    return out


ASSOCIATION_COMMITTEE = "|".join(lexicon()["words"]["association_committees"])
COMMITTEE_LISTED = regex.compile(rf"\s*(?:,|và)\s*(?:{ASSOCIATION_COMMITTEE})\s+")


# The title in quotation marks of a contest, a campaign or a model ("Hội thi “Công chức một
# cửa thân thiện”", "mô hình “Chi hội phụ nữ 5 không”"); not a body's new name ("đổi tên thành
# “Trung tâm Văn hóa - Thể thao phường”").
QUOTED_TITLE = regex.compile(
    rf"(?i:{'|'.join(lexicon()['words']['titled_kinds'])})\s*[“\"](?P<title>[^“”\"\n]{{1,200}})[”\"]")
INNER_SHORT_FORM = regex.compile(r"\s*\(\p{Lu}[\p{L}&]*\)(?=\s)")
LAW_NAMED_AFTER = regex.compile(r"(?<!\p{L})Luật\s+(?:[Tt]ổ\s+chức\s+)?$")


# The words that give a short name: "(sau đây gọi tắt là ...)".
SHORT_NAME_WORDS = r"(?:sau\s+đây\s+)?(?:gọi|viết)\s+tắt\s+là"
# The bracket that gives it: "(sau đây viết tắt là TTHTCĐ)".
SHORT_NAME_BRACKET = rf"\(\s*{SHORT_NAME_WORDS}[^()]*\)"
# Between bodies of one list: "và", "các", and the head of a body named by its head
# ("... và Thủ trưởng các đơn vị có liên quan", "... và Chủ tịch UBND các xã, phường"), one
# person's second post ("Phó Chủ tịch UBND kiêm Giám đốc Trung tâm ...").
LIST_GAP = regex.compile(r"^[\s,;:(]*(?:(?:và|cùng|với|các\s+(?:Sở|Phòng)\s*:|các|Thủ trưởng|"
                         r"Lãnh đạo|Người đứng đầu|Chủ tịch|thành viên|"
                         r"kiêm\s+(?:Phó\s+)?(?:Giám đốc|Trưởng|Chủ tịch)|"
                         # the short name a body is given: "(sau đây viết tắt là ...)",
                         # "(Sở NN&MT)"
                         rf"{SHORT_NAME_BRACKET}|\(\s*\p{{Lu}}[^()]{{1,30}}\))\s*)*"
                         r"[\s,;()]*$")


def listed_after(text: str, start: int, mentions: list[AgencyMention]) -> list[AgencyMention]:
    """The bodies listed right after ``start`` ("phối hợp với A, B và các C")."""
    found: list[AgencyMention] = []
    cursor = start
    for mention in mentions:
        if mention.start < start:
            continue
        if LIST_GAP.match(text[cursor:mention.start]):
            found.append(mention)
            cursor = mention.end
        else:
            break
    return found


# A party committee named by its tier ("Tỉnh ủy", "Huyện ủy"): the words after it are its place.
TIER_COMMITTEE_UNITS = {"tỉnh", "huyện", "thành", "thị", "quận"}
PLACE_OF_TIER_COMMITTEE = regex.compile(
    r"^(?P<base>.*\b(?i:tỉnh|huyện|thành|thị|quận)\s+(?:ủy|uỷ))\s+(?P<place>\p{Lu}[\p{L}\d ]*)$")
@cache
def _document_keys() -> frozenset[str]:
    return frozenset(match_key(word) for word, _ in doc_type_words())


OWNER_BEFORE = regex.compile(r"\bcủa\s+$")


def listed_before(text: str, end: int, mentions: list[AgencyMention]) -> list[AgencyMention]:
    """The bodies listed right before ``end`` ("A, B chủ trì")."""
    found: list[AgencyMention] = []
    cursor = end
    for mention in reversed(mentions):
        if mention.end > cursor:
            continue
        gap = text[mention.end:cursor]
        if (not found and gap.strip()) or (found and not LIST_GAP.match(gap)):
            break
        if found and OWNER_BEFORE.search(text, 0, mention.start):
            break  # "theo Nghị định ... của Chính phủ; Sở Tư pháp chủ trì": an owner, no doer
        found.insert(0, mention)
        cursor = mention.start
    return found


# --- the register -----------------------------------------------------------------------

# The unit words a body's name ends in, longer first ("thị xã" before "xã").
UNIT = rf"(?:{UNIT_WORDS}|{'|'.join(lexicon()['words']['area_units'])})"
UNIT_AT_END = regex.compile(
    rf"^(?P<base>.+?)\s+(?P<unit>(?i:{UNIT}))"
    r"(?:\s+(?P<place>[\p{Lu}\d][\p{L}\d ]*))?$"
)
LOWER_TIER = {"tinh": "huyen", "huyen": "xa"}
# A command of a locality's forces, named "Bộ ..." but of the unit after it: "Bộ Chỉ huy Quân
# sự tỉnh", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh".
UNIT_COMMAND = regex.compile(r"Bộ\s+(?:Chỉ huy|đội)\b", regex.IGNORECASE)


@lru_cache(maxsize=4096)
def full_name(surface: str) -> str:
    """A mention's name with abbreviations expanded and spacing made single."""
    return " ".join(expand_abbreviations(surface).split())


# What collectives that are one entry may differ by: a determiner or a count ("các thôn",
# "mỗi thôn"; "Ủy ban nhân dân 15 phường", "Ủy ban nhân dân phường").
DETERMINER = regex.compile(r"(?<![\p{L}\d])(?:(?i:các|mỗi|từng)|\d+)\s+")


@dataclass
class _Entry:
    name: str
    base: str
    unit: str | None
    place: str | None
    level: str | None
    kind: str
    collective: bool
    surfaces: list[str]
    mentions: list[tuple[int, int]]
    # a lower tier's body named without its place ("Phòng Lao động - Thương binh và Xã hội" in
    # a province's plan, "Công an xã" in a district's, "Trung tâm Y tế" in a district's duty):
    # every one of them
    bare: bool = False

    def sort_mentions(self) -> None:
        """Mentions (and the surface of each) in document order."""
        order = sorted(zip(self.mentions, self.surfaces, strict=True))
        self.mentions = [span for span, _ in order]
        self.surfaces = [surface for _, surface in order]


def resolve(mentions: list[AgencyMention], document: Document,
            context_tiers: dict[int, str] | None = None) -> list[_Entry]:
    """One entry per body: mentions merged by base name, tier and place. ``context_tiers``
    holds, by a mention's start, the lower tier it is named for (see ``context_tiers``)."""
    context_tiers = context_tiers or {}
    own_place = document.locality.name if document.locality else None
    own_tier = document.locality.tier if document.locality else None
    own_level = document.locality.level if document.locality else None
    own_unit = None
    own_department = bool(document.issuer and full_name(document.issuer.name).startswith("Sở "))
    # Since communes took over the districts' work (1 July 2025) they have offices ("Phòng
    # Kinh tế", "Phòng Văn hóa - Xã hội") of their own.
    own_offices = own_tier == "xa" and two_tiers(document.issue_date)
    if document.issuer:
        match = UNIT_AT_END.match(full_name(document.issuer.name))
        own_unit = match.group("unit") if match else None
    entries: dict[tuple, _Entry] = {}
    for mention in mentions:
        name = full_name(mention.full or mention.name)
        if mention.collective:
            # "các cơ quan, đơn vị, trường học (trên địa bàn xã)" in a commune's plan: its own
            key: tuple = ("collective", _team_key(OWN_AREA.sub(
                lambda area: "" if area.group("unit") in (None, match_key(own_unit or "")) else
                area.group(0), DETERMINER.sub("", match_key(name)))))
            entry = entries.get(key)
            if entry is not None and " các " in f" {match_key(name)}" and \
                    " các " not in f" {match_key(entry.name)}":
                entry.name = entry.base = name
            if entry is None:
                level = _collective_level(name, own_tier, own_offices)
                if SAME_TIER.search(name) and mention.start in context_tiers:
                    level = context_tiers[mention.start]
                entry = entries[key] = _Entry(name, name, None, None, level, mention.kind,
                                              True, [], [])
        else:
            base, unit, place = _split_locality(name)
            unit = unit.lower() if unit else None
            level = _level(base, unit, place, own_tier)
            # Districts called "quận" are found only in the centrally run cities: in a plan of
            # one, "Thành phố" with no name is the city above it; so it is in any plan since the
            # two-tier reform, when no city stands under a province.
            city_above = own_level == "quan" or two_tiers(document.issue_date)
            if unit == "thành phố" and place is None and city_above:
                level = "tinh"
            # so is its party committee: "Ban Thường vụ Thành ủy" in a quận's plan
            if unit is None and place is None and city_above and \
                    match_key(base).endswith("thành ủy"):
                level = "tinh"
            # In a Sở's own plan, a Phòng named without a unit is one of the Sở's offices; in a
            # commune's since 2025, one of the commune's.
            if unit is None and (own_department or own_offices) and base.split()[0] == "Phòng":
                level = "tinh" if own_department else own_tier
            if place is None and unit is not None and unit == own_unit and level == own_tier:
                place = own_place
            named_for = mention.start in context_tiers and _of_any_tier(base, unit, place)
            if named_for:
                level = context_tiers[mention.start]  # "Trung tâm Y tế" in a district's duty
            # A body of a tier below the plan's, named without a place ("trạm y tế xã" in a
            # province's plan, "Hội Khuyến học phường" in a district's): every such body.
            every = place is None and _below(level, own_tier)
            # a bare name ("Hội Khuyến học") is told apart here and folded below if the plan
            # names one body of that name at a tier
            # names written with other marks between their fields are one body ("Bộ Lao
            # động - Thương binh và Xã hội", "Bộ Lao động-Thương binh và Xã hội")
            key = (_name_key(base), level, match_key(place or ""), unit is None)
            entry = entries.get(key)
            if entry is None:
                full = " ".join(part for part in (base, unit, place) if part)
                entry = entries[key] = _Entry(full, base, unit, place, level, mention.kind,
                                              every, [], [], every)
            elif entry.name.isupper() and not name.isupper():
                entry.name = " ".join(part for part in (base, unit, place) if part)
                entry.base = base
        entry.surfaces.append(mention.surface if not mention.head else mention.name)
        entry.mentions.append((mention.start, mention.end))
    return _merge_bare(_merge_short_names(_merge_short_teams(_merge_short_steering(
        _merge_every(list(entries.values()))))))


OWN_AREA = regex.compile(rf"\s+trên địa bàn(?:\s+(?:toàn\s+)?(?P<unit>{UNIT_WORDS}))?$")
FIELD_MARKS = regex.compile(r"[-–,]")


CLAUSE_BREAK = regex.compile(r"[;.]\s")
UPWARD = regex.compile(
    rf"(?<!\p{{L}})(?:{'|'.join(lexicon()['words']['upward_words'])})(?!\p{{L}})",
    regex.IGNORECASE)
SAME_TIER = regex.compile(r"(?<!\p{L})cùng cấp(?!\p{L})", regex.IGNORECASE)


def _of_any_tier(base: str, unit: str | None, place: str | None) -> bool:
    """Whether a body named so stands at whatever tier it is named for: no unit, no place, no
    kind of one tier ("Sở", "Bộ"), not of an area; a commune's desk ("công chức Văn hóa - Xã
    hội") under the communes' item is theirs."""
    if unit is not None or place is not None or tier_of_body(base) is not None:
        return False
    return _level(base, None, None, "") == ""


def context_tiers(norm: NormalizedText, layout: Layout, mentions: list[AgencyMention],
                  levels: dict[int, str | None], own_tier: str | None) -> dict[int, str]:
    """The tier below the issuer's that a mention is named for, by its start: a bare body in
    a duty under a lower tier's item ("4. UBND các huyện, thị xã, thành phố:" ... "chỉ đạo
    Trung tâm Y tế ..."), and "X cùng cấp" after a lower tier's body in its clause ("Công an
    các huyện phối hợp với UBND cùng cấp") or under such an item. ``levels`` holds each
    mention's level as read without its context."""
    mentions = sorted(mentions, key=lambda mention: mention.start)
    starts = [mention.start for mention in mentions]

    def tier(mention: AgencyMention) -> str | None:
        return None if SAME_TIER.search(mention.name) else levels.get(mention.start)

    def lower(found: list[AgencyMention]) -> str | None:
        tiers = {tier(mention) for mention in found}
        only = tiers.pop() if len(tiers) == 1 else None
        return only if _below(only, own_tier) else None

    # an organisation item's heading that opens with bodies: its section, the end of its
    # heading line, and the lower tier its bodies are of
    headings: dict[str, tuple[int, str | None]] = {}
    for section in layout.sections:
        line = norm.line_at(section.span[0]) if section.span else None
        if section.kind not in {"arabic", "letter", "roman"} or line is None or \
                section.title.isupper():
            continue
        title = norm.text[section.span[0]:line.end]
        marked = marker_of(title)
        rest = regex.sub(r"^\s*(?:Đề nghị\s+)?", "", marked[2] if marked else title)
        found = mentions[bisect_left(starts, line.start):bisect_left(starts, line.end)]
        if found and found[0].start <= line.end - len(rest) + 1:
            headings[section.id] = (line.end, lower(found))

    tiers: dict[int, str] = {}
    # where the mentions before this one end (those still open over it, a longer name
    # around it, wait in ``open_ends``): one pass, not a scan of all before each mention
    ended, open_ends = 0, []
    for index, mention in enumerate(mentions):
        if index:
            open_ends.append(mentions[index - 1].end)
        ended = max([ended] + [end for end in open_ends if end <= mention.start])
        open_ends = [end for end in open_ends if end > mention.start]
        line = norm.line_at(mention.start)
        if line is None or CLOSING.match(norm.text, line.start):
            continue
        under = next((headings[s.id][1] for s in layout.chain(layout.section_at(mention.start))
                      if s.id in headings and headings[s.id][0] < mention.start), None)
        since = max(line.start, ended)
        if UPWARD.search(norm.text, since, mention.start):
            under = None  # "báo cáo kết quả về Sở (qua Văn phòng Sở)": a body above
        if SAME_TIER.search(mention.name):
            clause_start = max([line.start] + [
                found.end() for found in CLAUSE_BREAK.finditer(norm.text, line.start,
                                                               mention.start)])
            before = [other for other in mentions[:index] if other.start >= clause_start]
            nearest = next((found for found in (lower([other]) for other in reversed(before))
                            if found), None)
            under = nearest or under
        if under:
            tiers[mention.start] = under
    return tiers


def _below(level: str | None, own_tier: str | None) -> bool:
    order = ["trung_uong", "tinh", "huyen", "xa"]
    return level in order and own_tier in order and order.index(level) > order.index(own_tier)


def _split_locality(name: str) -> tuple[str, str | None, str | None]:
    match = UNIT_AT_END.match(name)
    if match is None:
        # "Ban Thường vụ Tỉnh ủy Gia Lai": the tier is in the committee's name, then its place
        if (party := PLACE_OF_TIER_COMMITTEE.match(name)) is not None:
            return party.group("base"), None, party.group("place")
        return name, None, None
    return match.group("base"), match.group("unit"), match.group("place")


def _level(base: str, unit: str | None, place: str | None, own_tier: str | None) -> str | None:
    if match_key(base).split()[:2] in (["bộ", "phận"], ["công", "chức"]):
        return own_tier  # a commune's desk, not a ministry
    if unit is None and any(f"{match_key(base)} ".startswith(match_key(head) + " ")
                            for head in lexicon()["words"]["no_tier_heads"]):
        return None  # "Đồn Biên phòng Sơn Kim", "Điện lực Hương Sơn": of no local tier
    if unit is None and place is None and match_key(base).endswith(" việt nam") and not any(
            name in match_key(base) for name in _local_national_names()):
        return "trung_uong"  # "Bảo hiểm xã hội Việt Nam"
    fixed = tier_of_body(base)
    if fixed is not None and (unit is None or (base.split()[0] in {"Sở", "Bộ"} and
                                               not UNIT_COMMAND.match(base))):
        return fixed
    if unit is not None:
        found = unit_of(unit)
        return tier_of_unit(found, place) if found else None
    return own_tier


@cache
def _local_national_names() -> tuple[str, ...]:
    return tuple(match_key(name) for name in lexicon()["words"]["local_national_names"])


@cache
def _tierless() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """The words of collectives of no tier, in ``match_key`` form: an area's unit anywhere,
    and a kind of body of none opening the name."""
    words = lexicon()["words"]
    areas = "|".join(regex.escape(match_key(area)) for area in words["area_units"])
    heads = "|".join(regex.escape(match_key(head)) for head in words["no_tier_heads"])
    return (regex.compile(rf"(?<!\p{{L}})(?:{areas})(?!\p{{L}})"),
            regex.compile(rf"(?:các|những|mọi)\s+(?:{heads})(?!\p{{L}})"))


def _collective_level(name: str, own_tier: str | None, own_offices: bool = False) -> str | None:
    """The tier a collective's words name (a unit, "cấp xã", a kind of one tier: Sở, Phòng,
    TTHTCĐ); none when they name several ("các cấp", "các sở, ngành, huyện"); the issuer's own
    tier when they name none, or say "cùng cấp"."""
    folded = match_key(name)
    if regex.search(r"(?<!\p{L})(?:các|mọi) cấp(?!\p{L}|\s+ủy|\s+uỷ)|(?<!\p{L})từ .+ đến ",
                    folded) or regex.search(r",\s*(?:các\s+)?địa phương(?!\p{L})", folded):
        return None  # several tiers; "các cơ quan, đơn vị, địa phương": its own and those below
    tiers = set()
    units = regex.findall(rf"(?<!\p{{L}})({UNIT_WORDS}|{VILLAGE_UNIT_WORDS})(?!\p{{L}})", name,
                          regex.IGNORECASE)
    for unit in units:
        if match_key(unit) == "thành phố" and len(units) > 1:
            continue  # a city listed with provinces or districts is of their tier
        found = unit_of(unit)
        tiers.add(found.tier if found else "xa")
    if "trực thuộc trung ương" in folded:
        tiers = {"tinh"}
    if regex.search(r"(?:hội|đoàn|hkh)\S*(?:\s+\S+){0,4}\s+cơ sở(?!\s+(?:giáo|đào|y|sản))"
                    r"|(?<!\p{L})ở cơ sở(?!\p{L})|(?<!\p{L})cơ sở (?:đoàn|hội)(?!\p{L})", folded):
        tiers = {"xa"}  # an association's grassroots units work in the communes
    if any(match_key(team) in folded for team in lexicon()["words"]["village_teams"]) or \
            _is_team(name):
        tiers.add("xa")  # teams in every village
    if regex.search(r"(?<!\p{L})trường (?:thpt|trung học phổ thông)(?!\p{L})", folded):
        # the province's upper secondary schools, wherever they stand
        tiers = {tier for tier in tiers if tier != "huyen" and tier != "xa"} | {"tinh"}
    if regex.search(r"(?<!\p{L}|cơ )sở(?!\p{L})", folded):
        tiers.add("tinh")
    # not "phòng cháy", "rừng phòng hộ", "phòng, chống": what is guarded against
    if regex.search(r"(?<!\p{L}|dân |văn |biên )phòng(?!\p{L}|\s+cháy|\s+hộ|\s*,\s*chống)",
                    folded):
        tiers.add("tinh" if regex.search(r"thuộc sở", folded) else
                  own_tier if own_offices and own_tier else "huyen")
    if regex.search(r"trung tâm học tập cộng đồng|tthtcđ", folded):
        tiers.add("xa")
    area, no_tier = _tierless()
    if area.search(folded) or no_tier.match(folded):
        # "các Trạm Chăn nuôi và Thú y khu vực": of an area; "các Đồn Biên phòng": of none
        return None
    if len(tiers) > 1:
        return None
    if tiers:
        return tiers.pop()
    if regex.search(r"(?<!\p{L})địa phương(?!\p{L})", folded) and own_tier in LOWER_TIER:
        return LOWER_TIER[own_tier]  # "các địa phương" of a province are its districts
    return own_tier


def _fold(entries: list[_Entry],
          same_body: Callable[[_Entry], list[_Entry]]) -> list[_Entry]:
    """``entries`` with each one that ``same_body`` finds exactly one other entry for folded
    into that entry (its mentions and surfaces go with it)."""
    kept: list[_Entry] = []
    for entry in entries:
        same = same_body(entry)
        if len(same) == 1:
            same[0].surfaces.extend(entry.surfaces)
            same[0].mentions.extend(entry.mentions)
        else:
            kept.append(entry)
    return kept


def _merge_every(entries: list[_Entry]) -> list[_Entry]:
    """A body of a lower tier named without a place ("Trung tâm học tập cộng đồng" in a
    province's plan, "Ủy ban nhân dân phường" in a district's: every one of them) is the
    collective the plan names with "các" or a count ("các trung tâm học tập cộng đồng",
    "Ủy ban nhân dân 15 phường")."""
    def stripped(entry: _Entry) -> str:
        return DETERMINER.sub("", match_key(entry.name))

    def together(entry: _Entry) -> list[_Entry]:
        if not entry.collective or DETERMINER.search(entry.name):
            return []
        same = [other for other in entries if other is not entry and other.collective
                and DETERMINER.search(other.name) and stripped(other) == stripped(entry)]
        if same or not entry.bare:
            return same
        # "Trung tâm Y tế" in a district's duty: the plan's "Trung tâm Y tế các huyện";
        # "Công an xã": the plan's "Công an các xã, thị trấn"
        return [other for other in entries if other is not entry and other.collective
                and other.level == entry.level
                and regex.match(regex.escape(stripped(entry)) + r"[\s,]", stripped(other))]

    return _fold(entries, together)


def _merge_short_steering(entries: list[_Entry]) -> list[_Entry]:
    """"Ban Chỉ đạo tỉnh" is the plan's one steering committee of that tier named in full
    ("Ban Chỉ đạo phòng, chống thiên tai và tìm kiếm cứu nạn tỉnh"), if there is one."""
    def full(entry: _Entry) -> list[_Entry]:
        if entry.kind != "steering" or entry.collective or \
                match_key(entry.base) not in {"ban chỉ đạo", "bcđ", "ban chỉ huy"}:
            return []
        return [other for other in entries if other is not entry and other.kind == "steering"
                and not other.collective and other.level == entry.level
                and match_key(other.base).startswith(match_key(entry.base) + " ")
                and (entry.place is None or other.place == entry.place)]

    return _fold(entries, full)


@cache
def _team_words() -> tuple[frozenset[str], frozenset[str], tuple[str, ...]]:
    """In ``match_key`` form: the first words of team heads ("tổ", "nhóm"), the words after
    "tổ" that make no team ("chức", "dân"), and the words of work a "nhóm" opens with."""
    words = lexicon()["words"]
    return (frozenset(match_key(head).split()[0] for head in words["team_heads"]),
            frozenset(match_key(word) for word in words["not_team_words"]),
            tuple(" ".join(regex.findall(r"\p{L}+", match_key(opener)))
                  for opener in words["group_openers"]))


def _is_team(name: str) -> bool:
    """"tổ tự quản", "các tổ đội PCCCR", "nhóm phòng, chống ...": a team named by its work."""
    words = regex.findall(r"\p{L}+", DETERMINER.sub("", match_key(name), count=1))
    heads, not_team, openers = _team_words()
    if len(words) < 2 or words[0] not in heads or words[1] in not_team:
        return False
    rest = " ".join(words[1:])
    return words[0] != "nhóm" or any(rest.startswith(opener) for opener in openers)


def _team_key(key: str) -> str:
    """A team's key without the bare village after its name: "tổ đội pcccr thôn" is the team
    of every village, "tổ đội pcccr"."""
    if not _is_team(key):
        return key
    return regex.sub(rf"\s+(?:{VILLAGE_UNIT_WORDS})$", "", key, flags=regex.IGNORECASE)


def _merge_short_teams(entries: list[_Entry]) -> list[_Entry]:
    """"tổ tự quản" is the plan's one team its words open ("tổ tự quản về bảo vệ môi
    trường"), if there is one."""
    def full(entry: _Entry) -> list[_Entry]:
        if entry.kind != "other" or not _is_team(entry.base):
            return []
        key = _team_key(DETERMINER.sub("", match_key(entry.base), count=1)) + " "
        return [other for other in entries if other is not entry and other.kind == "other"
                and DETERMINER.sub("", match_key(other.base), count=1).startswith(key)]

    return _fold(entries, full)


def _merge_short_names(entries: list[_Entry]) -> list[_Entry]:
    """"Đoàn Thanh niên phường" is the "Đoàn Thanh niên Cộng sản Hồ Chí Minh phường" the plan
    names in full, if it names one of that tier."""
    full_of = {match_key(short): match_key(full)
               for short, full in lexicon()["short_names"].items()}

    def full(entry: _Entry) -> list[_Entry]:
        named = full_of.get(match_key(entry.base))
        if named is None or entry.collective:
            return []
        return [other for other in entries if not other.collective
                and match_key(other.base) == named and other.level == entry.level
                and (entry.place is None or other.place == entry.place)]

    return _fold(entries, full)


def _initials(words: str) -> str:
    """The capitals a name's words are shortened to: "Quản lý đất đai" -> "QLĐĐ"; a word in
    capitals gives all its letters ("KS và KTTV" -> "KSKTTV")."""
    letters = []
    for word in regex.findall(r"\p{L}+", words):
        if _abbreviation(word):
            letters.append(word)
        elif word != "và":
            letters.append(word[0].upper())
    return "".join(letters)


def _merge_bare(entries: list[_Entry]) -> list[_Entry]:
    """A body named without its place ("Hội Khuyến học", "UBND huyện") is the plan's one body
    of that name with a place, if there is only one."""
    def placed(entry: _Entry) -> list[_Entry]:
        if entry.collective:
            # "Hội Khuyến học cơ sở" beside "HKH cơ sở thành phố Bắc Kạn": the grassroots
            # units of that one place
            if _split_locality(entry.name)[1] is not None or \
                    not match_key(entry.name).endswith(" cơ sở"):
                return []
            return [other for other in entries if other is not entry and other.collective
                    and (split := _split_locality(other.name))[2] is not None
                    and _name_key(split[0]) == _name_key(entry.name)]
        if entry.place is not None:
            return []
        return [other for other in entries if other is not entry and not other.collective
                and (other.place is not None or (entry.unit is None and other.unit is not None))
                and _name_key(other.base) == _name_key(entry.base)
                and (entry.unit is None or other.level == entry.level)
                # "Hội Khuyến học Việt Nam" beside "Hội Khuyến học xã": the national one
                and (entry.level != "trung_uong" or other.level == entry.level)] or \
            _desks_of(entries, entry)

    kept = _fold(entries, placed)
    for entry in kept:
        if not entry.collective and entry.unit is None and entry.place is None and any(
                other.unit is not None and match_key(other.base) == match_key(entry.base)
                for other in kept):
            entry.level = None  # "Hội Khuyến học" beside those of the city and the wards
        entry.sort_mentions()
    return sorted(kept, key=lambda entry: entry.mentions[0][0])


def _name_key(base: str) -> str:
    """A body's name as its other writings fold to: marks between its fields ("Lao động -
    Thương binh", "Lao động-Thương binh") and the national "Việt Nam" ("Mặt trận Tổ quốc" for
    "Mặt trận Tổ quốc Việt Nam thành phố Bắc Kạn") left out."""
    # a branch named bare is the branch the plan names: "Ngân hàng Chính sách xã hội" beside
    # "Ngân hàng Chính sách xã hội Chi nhánh tỉnh Quảng Trị"
    return " ".join(FIELD_MARKS.sub(" ", match_key(base)).split()).removesuffix(
        " chi nhánh").removesuffix(" việt nam")


def _desks_of(entries: list[_Entry], named: _Entry) -> list[_Entry]:
    """The desk ("Bộ phận Tài chính – Kế toán") that ``named`` names by its fields alone
    ("Tài chính - Kế toán") or by its officer ("công chức Tài chính – Kế toán"); the "Bộ phận"
    where the plan names both."""
    def dashless(text: str) -> str:
        return regex.sub(r"\s*[-–]\s*", " - ", match_key(text))

    def head(entry: _Entry) -> list[str]:
        return match_key(entry.base).split()[:2]

    if named.unit is not None:
        return []
    fields = dashless(named.base)
    if head(named) == ["công", "chức"]:
        fields = fields.split(" ", 2)[2]
    desks = [desk for desk in entries if desk is not named and
             head(desk) in (["bộ", "phận"], ["công", "chức"]) and head(desk) != head(named) and
             dashless(desk.base).endswith(" " + fields)]
    return [desk for desk in desks if head(desk) == ["bộ", "phận"]] or desks


# A short form the plan gives a body where it first names it: "Ban Chỉ huy Quân sự xã (BCHQS
# xã)", "Trung tâm Văn hóa, Thể thao và Truyền thông (sau đây gọi tắt là TTVHTT&TT)".
DEFINED = regex.compile(
    rf"\s*\((?:{SHORT_NAME_WORDS}\s+)?(?P<short>\p{{Lu}}[\p{{Lu}}\d&\-]{{1,14}})"
    rf"(?:\s+(?P<unit>{UNIT}))?\s*\)")
# ... or a shorter name in words: "Hội đồng phối hợp phổ biến, giáo dục pháp luật huyện (sau
# đây gọi tắt là Hội đồng phối hợp huyện)", "(sau đây gọi tắt là tổ đội PCCCR)".
DEFINED_NAME = regex.compile(
    rf"\s*\({SHORT_NAME_WORDS}\s+(?P<short>\p{{L}}[^()]{{2,60}}?)\s*\)")
# (a place goes on over spaces only: "VPĐP huyện" at a cell's end is no "VPĐP huyện Đơn")
SHORT_UNIT = regex.compile(rf"[^\S\n\t]+(?P<unit>{UNIT})"
                           r"(?P<place>(?:[^\S\n\t]+[\p{Lu}\d][\p{L}\d]*)*)(?!\p{L})")


def with_short_forms(text: str, mentions: list[AgencyMention]) -> list[AgencyMention]:
    """``mentions`` with the short forms the plan defines for its bodies added, each carrying
    the body's full name; a name grown over one after a comma ("Phòng Nông nghiệp và Môi
    trường, VPĐP huyện") is cut before it."""
    mentions = _with_defined_names(text, _with_bracketed_names(text, _with_row_places(
        text, _with_initials(text, _with_qualified_places(text, mentions)))))
    shorts = defined_short_forms(text, mentions, inside=True)
    if not shorts:
        return mentions
    kept = []
    for mention in mentions:
        inner = [short for short in shorts if mention.start < short.start < mention.end]
        cut = text.rfind(",", mention.start, inner[0].start) if inner else -1
        if cut > mention.start:
            mention = replace(mention, end=cut, surface=text[mention.start:cut])
        kept.append(mention)
    return sorted(kept + shorts, key=lambda mention: mention.start)


def _with_qualified_places(text: str, mentions: list[AgencyMention]) -> list[AgencyMention]:
    """A collective the plan names with the words that say which of its places ("UBND các xã
    có điểm du lịch", read whole in a cell) is read whole where a sentence goes on after them
    ("UBND các xã có điểm du lịch xây dựng Quy chế"), and so are other bodies of those places
    ("UBND các xã, phường có rừng:" then "các trường học tại các xã, phường có rừng tổ chức")."""
    qualified: set[tuple[str, str]] = set()  # (the places, what they have)
    for mention in mentions:
        if mention.collective and (has := mention.surface.find(" có ")) > 0 and \
                (places := mention.surface.rfind("các ", 0, has)) >= 0:
            qualified.add((mention.surface[places:has], mention.surface[has:]))
    if not qualified:
        return mentions
    grown = []
    for mention in mentions:
        if mention.collective:
            for places, having in qualified:
                end = mention.end + len(having)
                if mention.surface.endswith(places) and text[mention.end:end] == having and \
                        not regex.match(r"\p{L}", text[end:end + 1]):
                    mention = replace(mention, end=end, surface=mention.surface + having)
        grown.append(mention)
    return grown


CAPITALS = regex.compile(r"(?<![\p{L}\d&\-/])\p{Lu}[\p{Lu}&]{2,14}(?![\p{L}\d&\-/])")


def _with_initials(text: str, mentions: list[AgencyMention]) -> list[AgencyMention]:
    """``mentions`` with the capitals of a body's name used where the plan never defines them:
    alone ("VPĐKĐĐ" for the "Văn phòng Đăng ký đất đai" it names), each a mention of that body;
    after the name's head ("Phòng QLĐĐ" for its "Phòng Quản lý đất đai"), read as that body."""
    bodies: dict[str, dict[str, AgencyMention]] = {}
    for mention in mentions:
        full = full_name(mention.full or mention.name)
        if not mention.collective and len(short := _initials(full)) >= 3:
            bodies.setdefault(short, {}).setdefault(match_key(full), mention)
    # two bodies with the same capitals: neither
    named = {short: next(iter(same.values())) for short, same in bodies.items() if len(same) == 1}
    found = []
    for capitals in CAPITALS.finditer(text):
        body = named.get(capitals.group(0))
        if body is not None and not any(m.start <= capitals.start() < m.end for m in mentions):
            found.append(AgencyMention(capitals.start(), capitals.end(), capitals.group(0),
                                       body.kind, False, full=full_name(body.full or body.name)))
    spelled = {full_name(m.full or m.name) for m in mentions if not m.collective}
    return sorted((_spelled_out(mention, spelled) for mention in mentions + found),
                  key=lambda mention: mention.start)


def _spelled_out(mention: AgencyMention, names: set[str]) -> AgencyMention:
    """A head followed by capitals ("Phòng QLĐĐ", "Phòng KS và KTTV") as the plan's one body
    named with that head and the words the capitals stand for, if there is one."""
    base, unit, _ = _split_locality(full_name(mention.full or mention.name))
    words = base.split()
    first = next((i for i, word in enumerate(words) if _abbreviation(word)), None)
    if mention.collective or mention.full or first is None or unit or \
            not all(_abbreviation(word) or word in {"và", ","} or word.endswith(",")
                    for word in words[first:]):
        return mention
    head, short = " ".join(words[:first]), _initials(" ".join(words[first:]))
    spelled = {name for name in names if name.startswith(head)
               and not _abbreviation(_split_locality(name)[0].split()[-1])
               and _initials(_split_locality(name)[0][len(head):]) == short}
    return replace(mention, full=spelled.pop()) if len(spelled) == 1 else mention


# A table cell that is a locality and nothing else: "Huyện Phù Cát", "Thị xã An Nhơn".
PLACE_CELL = regex.compile(rf"(?<=^|\t)(?P<unit>(?i:{UNIT}))\s+(?P<place>\p{{Lu}}[\p{{L}}\d ]*?)"
                           r"\s*(?=\t|$)", regex.MULTILINE)


def _with_row_places(text: str, mentions: list[AgencyMention]) -> list[AgencyMention]:
    """In a table row given to a locality ("Huyện Phù Cát | Phòng Kinh tế và Hạ tầng huyện"),
    a body named by that unit word alone is the body of that locality."""
    placed = []
    for mention in mentions:
        row_start = text.rfind("\n", 0, mention.start) + 1
        row_end = text.find("\n", mention.end)
        row = text[row_start:row_end if row_end >= 0 else len(text)]
        split = UNIT_AT_END.match(mention.surface)
        if "\t" in row and not mention.collective and mention.full is None and split and \
                split.group("place") is None:
            cells = [cell for cell in PLACE_CELL.finditer(row)
                     if match_key(cell.group("unit")) == match_key(split.group("unit"))]
            if len(cells) == 1:
                mention = replace(mention, full=f"{full_name(mention.name)} "
                                                f"{cells[0].group('place')}")
        placed.append(mention)
    return placed


def _with_bracketed_names(text: str, mentions: list[AgencyMention]) -> list[AgencyMention]:
    """A shorter name of the same kind in brackets after a body ("Đoàn Thanh niên Cộng sản Hồ
    Chí Minh tỉnh (Tỉnh đoàn)") is the name the plan uses for it from there on: the bracket is
    no second body, and each later use of the name is a mention of the body. A bracket that
    defines a short form in words ("(sau đây gọi tắt là TTHTCĐ)") is no second body either."""
    full_of: dict[str, str] = {}
    for mention in mentions:
        # "Chi nhánh Ngân hàng ... nông thôn (Agribank) Phù Ninh": "Agribank Phù Ninh" from here
        if mention.full and (inner := INNER_SHORT_FORM.search(mention.surface)):
            short = inner.group(0).strip(" ()") + mention.surface[inner.end():]
            full_of.setdefault(match_key(short), mention.full)
    kept: list[AgencyMention] = []
    for mention in mentions:
        named = kept[-1] if kept else None
        opening = regex.fullmatch(rf"\s*\(\s*(?P<words>{SHORT_NAME_WORDS}\s+)?",
                                  text[named.end:mention.start]) if named else None
        if named is None or opening is None or not regex.match(r"\s*\)", text[mention.end:]):
            kept.append(mention)
            continue
        if opening.group("words"):
            continue  # "(sau đây gọi tắt là TTHTCĐ)": the definition, no second body
        if not named.collective and not mention.collective and named.kind == mention.kind and \
                len(mention.surface) < len(named.surface):
            full_of.setdefault(match_key(mention.surface), full_name(named.full or named.name))
            continue
        kept.append(mention)
    return [replace(mention, full=full_of[match_key(mention.surface)])
            if match_key(mention.surface) in full_of and mention.full is None else mention
            for mention in kept]


def _with_defined_names(text: str, mentions: list[AgencyMention]) -> list[AgencyMention]:
    """Mentions of a shorter name the plan gives a body in words carry the body's full name;
    one cut short of it ("Ban Quản lý" of "Ban Quản lý khu du lịch") is read whole."""
    full_of: dict[str, str] = {}
    collectives: set[str] = set()
    for mention in mentions:
        found = DEFINED_NAME.match(text, mention.end)
        if found:
            full_of.setdefault(match_key(found.group("short")), full_name(mention.name))
            if mention.collective:
                collectives.add(match_key(found.group("short")))
    if not full_of:
        return mentions
    grown = []
    for mention in mentions:
        for short in full_of:
            words = text[mention.start:mention.start + len(short)]
            if len(short) > len(mention.surface) and match_key(words) == short and \
                    not regex.match(r"\p{L}", text[mention.start + len(short):]):
                mention = replace(mention, end=mention.start + len(short), surface=words)
        grown.append(mention)
    named = []
    for mention in grown:
        key = match_key(mention.surface)
        if key not in full_of and _team_key(DETERMINER.sub("", key, count=1)) in collectives:
            # "các Trung tâm GDNN-GDTX": all of them; "tổ đội PCCCR thôn": the team of each
            key = _team_key(DETERMINER.sub("", key, count=1))
        if key in full_of and mention.full is None:
            # a collective's shorter name stands for all of it; a body's, for the body ("BHXH
            # khu vực" for "Bảo hiểm xã hội khu vực XXV")
            mention = replace(mention, full=full_of[key], collective=key in collectives)
        named.append(mention)
    return named


def defined_short_forms(text: str, mentions: list[AgencyMention],
                        inside: bool = False) -> list[AgencyMention]:
    """Mentions of the short forms the plan defines for its bodies, where the names found do
    not already cover them (or, with ``inside``, where a name ran on over one after a comma);
    each carries the body's full name."""
    taken = sorted((mention.start, mention.end) for mention in mentions)
    defined: dict[str, tuple[str, int, AgencyMention]] = {}
    for mention in mentions:
        found = DEFINED.match(text, mention.end)
        if found is None or found.group("short") in defined or \
                full_name(found.group("short")) != found.group("short"):
            continue  # none, or one the lexicon knows ("Ủy ban nhân dân (UBND) huyện")
        base, unit, place = _split_locality(full_name(mention.name))
        if found.group("unit") is None or mention.collective:
            # "Trung tâm Y tế các huyện, thị xã, thành phố (sau đây gọi tắt là TTYT huyện)":
            # a collective's short form stands for all of it
            base = full_name(mention.name) if mention.collective else \
                " ".join(part for part in (base, unit, place) if part)
        defined[found.group("short")] = (base, found.end(), mention)
    shorts: list[AgencyMention] = []
    for short, (base, defined_at, named) in defined.items():
        for found in regex.finditer(rf"(?<![\p{{L}}\d&\-]){regex.escape(short)}(?![\p{{L}}\d&\-])",
                                    text):
            if found.end() <= defined_at and found.start() >= defined_at - len(short) - 30:
                continue  # the definition itself
            end, full = found.end(), base
            if (unit := SHORT_UNIT.match(text, end)) is not None:
                if named.collective:
                    end = unit.end("unit")  # "TTYT huyện": all of them, as defined
                else:
                    end, full = unit.end(), f"{base} {unit.group('unit')}{unit.group('place')}"
            if any(start < end and found.start() < stop and not (
                    inside and start < found.start() and
                    regex.search(r",\s*$", text[start:found.start()]))
                   for start, stop in taken):
                continue
            shorts.append(AgencyMention(found.start(), end, text[found.start():end], named.kind,
                                        named.collective, full=full))
    return shorts


def register_names(agencies: list[Agency]) -> dict[str, Agency]:
    """Each body of the register by every name it goes by, in the form names are compared in."""
    names: dict[str, Agency] = {}
    for agency in agencies:
        for name in (agency.name, *agency.aliases):
            names.setdefault(match_key(full_name(name)), agency)
    return names


def registered(names: dict[str, Agency], name: str) -> Agency | None:
    """The register's body a name (as written) is, from ``register_names``."""
    return names.get(match_key(full_name(name)))


def extract_agencies(norm: NormalizedText, layout: Layout,
                     document: Document) -> tuple[list[Agency], list[AgencyMention]]:
    """The register of the bodies the plan names, from its title to the end of its body."""
    stretches = scope(norm, layout)
    mentions = [mention.moved(start) for start, end in stretches
                for mention in find_mentions(norm.text[start:end])]
    mentions = [mention for mention in with_short_forms(norm.text, mentions)
                if any(start <= mention.start and mention.end <= end for start, end in stretches)]
    entries = resolve(mentions, document)
    levels = {start: entry.level for entry in entries for start, _ in entry.mentions}
    own_tier = document.locality.tier if document.locality else None
    tiers = context_tiers(norm, layout, mentions, levels, own_tier)
    if tiers:
        entries = resolve(mentions, document, tiers)
    _add_own_department(entries, norm.text, stretches, mentions, document)
    agencies = []
    for number, entry in enumerate(entries, start=1):
        aliases = []
        for surface in entry.surfaces:
            if surface != entry.name and surface not in aliases:
                aliases.append(surface)
        agencies.append(Agency(
            id=f"a{number}", name=entry.name, aliases=aliases, level=entry.level,
            locality=entry.place, kind=entry.kind, collective=entry.collective,
            mentions=[Evidence(span=span, page=norm.page_at(span[0]))
                      for span in entry.mentions],
        ))
    return agencies, mentions


# "Sở" on its own, not the head of a named one ("Sở Nội vụ"): in a Sở's own plan, the Sở itself.
BARE_DEPARTMENT = regex.compile(r"(?<!\p{L})Sở(?!\p{L})(?!\s+\p{Lu})")


def _add_own_department(entries: list[_Entry], text: str, stretches: list[tuple[int, int]],
                        mentions: list[AgencyMention], document: Document) -> None:
    """In a Sở's own plan, each bare "Sở" ("của Sở", "Giám đốc Sở") is a mention of it; not
    one inside another name ("Văn phòng Sở", "các phòng, đơn vị thuộc Sở")."""
    issuer = full_name(document.issuer.name) if document.issuer else ""
    if not issuer.startswith("Sở "):
        return
    base = match_key(_split_locality(issuer)[0])
    own = next((entry for entry in entries
                if not entry.collective and match_key(entry.base) == base), None)
    if own is None:
        return
    for start, end in stretches:
        for found in BARE_DEPARTMENT.finditer(text, start, end):
            if not any(m.start <= found.start() < m.end for m in mentions):
                own.mentions.append(found.span())
                own.surfaces.append(found.group(0))
    own.sort_mentions()


def scope(norm: NormalizedText, layout: Layout) -> list[tuple[int, int]]:
    """Runs of text from each part's title to the end of its body, tables included; the
    closing ("Nơi nhận", the signature) breaks a run."""
    in_scope = {line.start for part in layout.parts
                for line in part.title + part.subtitle + part.preamble + part.body}
    stretches: list[tuple[int, int]] = []
    open_run: list[int] | None = None
    for line in norm.lines:
        inside = line.start in in_scope or (line.table is not None and open_run is not None)
        if not inside:
            if open_run is not None:
                stretches.append((open_run[0], open_run[1]))
            open_run = None
        elif open_run is None:
            open_run = [line.start, line.end]
        else:
            open_run[1] = line.end
    if open_run is not None:
        stretches.append((open_run[0], open_run[1]))
    return stretches
