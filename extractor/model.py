"""The public contract: one pydantic model of an issued plan.

Every pass fills part of a :class:`Plan`; every output (JSON, tables, the store) serialises it.
Field names here are stable and documented; add fields, never rename or remove them.

Offsets: ``span`` is ``[start, end)`` into ``Plan.text`` (the normalised text), ``page`` is the
1-based page of ``start`` for paged inputs (PDF), else ``None``.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.2"  # 1.2: locality level "dac_khu" (special zones, since 2025)

Span = tuple[int, int]

DocType = Literal[
    "ke_hoach", "quyet_dinh", "chuong_trinh", "de_an", "cong_van", "thong_tu", "nghi_quyet",
    "nghi_dinh", "chi_thi", "luat", "thong_bao", "huong_dan", "bao_cao", "van_ban",
]
Tier = Literal["trung_uong", "tinh", "huyen", "xa"]
LocalityLevel = Literal[
    "quoc_gia", "tinh", "thanh_pho", "huyen", "quan", "thi_xa", "xa", "phuong", "thi_tran",
    "dac_khu",
]
Relation = Literal["basis", "implements", "cited"]
Severity = Literal["error", "warning", "info"]
SourceFormat = Literal["text", "markdown", "docx", "pdf", "html"]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Grounded(Model):
    """A value found in the text: where it is."""

    span: Span | None = None
    page: int | None = None


class Source(Model):
    path: str
    sha256: str
    format: SourceFormat
    pages: int | None = None
    encoding: str | None = None
    characters: int = 0


class Period(Model):
    start: str | None = None
    end: str | None = None


class Body(Grounded):
    """An issuing or responsible body."""

    name: str
    level: Tier | None = None


class Locality(Grounded):
    name: str | None = None
    level: LocalityLevel | None = None
    tier: Tier | None = None


class Programme(Grounded):
    name: str | None = None
    kind: DocType | None = None
    period: Period | None = None


class Signer(Grounded):
    name: str | None = None
    title: str | None = None
    capacity: Literal["KT", "TM", "TL", "TUQ", "Q"] | None = None
    on_behalf_of: list[str] = Field(default_factory=list)


class Evidence(Model):
    span: Span
    page: int | None = None


class DocumentRef(Grounded):
    """The decision that enacts a plan ("Quyết định ban hành Kế hoạch")."""

    type: DocType
    number: str | None = None
    issue_date: str | None = None
    title: str | None = None


class Document(Model):
    type: DocType | None = None
    number: str | None = None
    symbol: str | None = None
    issue_date: str | None = None
    place: str | None = None
    issuer: Body | None = None
    locality: Locality | None = None
    title: str | None = None
    programme: Programme | None = None
    signer: Signer | None = None
    recipients: list[str] = Field(default_factory=list)
    enacted_by: DocumentRef | None = None
    evidence: dict[str, Evidence] = Field(
        default_factory=dict,
        description="Where each scalar field above was read: field name -> span and page.",
    )


class Mention(Model):
    span: Span
    page: int | None = None
    relation: Relation


class Citation(Grounded):
    type: DocType
    number: str | None = None
    symbol: str | None = None
    date: str | None = None
    issuer: str | None = None
    issuer_level: Tier | None = None
    title: str | None = None
    relation: Relation
    mentions: list[Mention] = Field(default_factory=list)


class Section(Grounded):
    id: str
    parent: str | None = None
    depth: int
    marker: str = Field(description="The numbering as written: 'II', '1.1', 'a', 'Điều 1', '-'.")
    kind: Literal[
        "roman", "arabic", "letter", "bullet", "plus", "article", "task", "step", "appendix",
        "heading", "part", "chapter",
    ]
    path: str = Field(description="Markers from the root, e.g. 'II.2.a'.")
    title: str


class Cell(Grounded):
    text: str


class Table(Grounded):
    id: str
    section: str | None = None
    header: list[Cell]
    rows: list[list[Cell]]


class TimeExpression(Grounded):
    """When something is to be done: a point, a window, a recurrence, a duration, or
    someone else's schedule. Dates are ISO; windows are inclusive."""

    text: str
    kind: Literal["point", "window", "recurrence", "duration", "unspecified"]
    start: str | None = None
    end: str | None = None
    bound: Literal["by", "on"] | None = Field(
        default=None, description="by: a deadline (trước, đến hết); on: the day itself.")
    rrule: str | None = Field(default=None, description="RFC 5545 RRULE, without 'RRULE:'.")
    duration: str | None = Field(default=None, description="ISO 8601 duration, e.g. P10D.")
    working_days: bool | None = None
    anchor: str | None = Field(default=None, description="What a duration counts from.")
    reason: str | None = Field(default=None, description="Why no date: whose schedule rules.")
    year_inherited: bool = Field(
        default=False, description="The year came from the plan, not from the words.")
    section: str | None = None


class Target(Grounded):
    id: str = ""
    value: float | None = None
    value_max: float | None = None
    unit: str | None = None
    comparator: Literal["=", ">", ">=", "<", "<=", "~"] | None = None
    subject: str | None = None
    indicator: str | None = None
    milestone_year: int | None = None
    kind: Literal["quantitative", "qualitative", "trend"] = "quantitative"
    baseline: float | None = None
    parent_target: str | None = Field(
        default=None, description="id of the target this sub-target is part of ('trong đó').")
    indicator_key: str = Field(
        default="", description="Canonical key of what is measured, for matching across plans.")
    earlier: str | None = Field(
        default=None, description="id of the same indicator's target at an earlier milestone.")
    section: str | None = None
    text: str = ""


AgencyKind = Literal[
    "state", "party", "front", "mass_organisation", "school", "service_unit", "media",
    "steering", "other",
]
Role = Literal["lead", "cooperating", "advising", "requested", "responsible"]


class Assignment(Grounded):
    """One body's part in a task. ``span`` is where the body is named for it (the task's own
    words, the agency heading it stands under, or its table cell)."""

    agency: str | None = Field(default=None, description="id of the body in Plan.agencies.")
    name: str = Field(description="The body as named here.")
    role: Role


class Task(Grounded):
    id: str = ""
    description: str
    section: str | None = None
    origin: Literal["prose", "agency_item", "table"] = Field(
        default="prose", description="A NHIỆM VỤ item, a duty under an agency heading, or a "
        "task table's row.")
    lead_agencies: list[str] = Field(
        default_factory=list, description="Bodies that do the work: lead, responsible, "
        "advising or requested, by canonical name.")
    cooperating_agencies: list[str] = Field(default_factory=list)
    assignments: list[Assignment] = Field(default_factory=list)
    timeframe: TimeExpression | None = None
    recurrence: str | None = Field(default=None, description="RRULE when the work recurs.")
    deliverable: str | None = None


class Agency(Model):
    id: str
    name: str = Field(description="The fullest form, abbreviations expanded.")
    aliases: list[str] = Field(default_factory=list, description="Other forms seen, as written.")
    level: Tier | None = None
    locality: str | None = None
    kind: AgencyKind = "other"
    collective: bool = Field(
        default=False, description="A group of bodies: 'các sở, ban, ngành liên quan'.")
    mentions: list[Evidence] = Field(default_factory=list)
    roles: dict[str, int] = Field(
        default_factory=dict, description="How many tasks give the body each role.")


class ReportingDuty(Grounded):
    """A duty to report: who, to whom (through whom), when."""

    reporter: str | None = None
    recipient: str | None = None
    via: str | None = Field(default=None, description="The body in '(qua ...)'.")
    when: TimeExpression | None = None
    text: str = ""
    section: str | None = None


class FundingSource(Grounded):
    source: Literal[
        "ngan_sach_trung_uong", "ngan_sach_tinh", "ngan_sach_huyen", "ngan_sach_xa",
        "ngan_sach_nha_nuoc", "long_ghep", "xa_hoi_hoa", "tai_tro", "nguon_khac",
    ]
    text: str = ""
    amount_vnd: int | None = Field(
        default=None, description="The amount stated for this source alone, in đồng "
        "('ngân sách xã 350 triệu đồng'); none when a sum is shared by several sources.")
    amount_text: str | None = Field(default=None, description="The amount as written.")
    period: TimeExpression | None = Field(
        default=None, description="The years or year the money is for, where stated.")
    section: str | None = None


class Budget(Grounded):
    """The plan's money as a whole: the total it states (``span``) and who draws up or
    allocates it (the doers of its budget duties: "Sở Tài chính tham mưu bố trí kinh phí")."""

    total_vnd: int | None = Field(default=None, description="The stated total, in đồng.")
    total_text: str | None = None
    period: TimeExpression | None = None
    prepared_by: list[Assignment] = Field(default_factory=list)


class Finding(Grounded):
    """A fault: found while reading a plan, or by checking it (``kehoach check``). ``span`` and
    ``page`` point into the plan checked; ``parent_span`` into its parent plan."""

    code: str
    severity: Severity
    message: str
    message_vi: str | None = None
    text: str | None = Field(default=None, description="The plan's words at span.")
    parent_span: Span | None = None
    parent_page: int | None = None
    parent_text: str | None = Field(default=None, description="The parent's words.")


class CheckedDocument(Model):
    path: str
    sha256: str
    number: str | None = None
    issuer: str | None = None
    locality: str | None = None


class CheckReport(Model):
    """What ``kehoach check`` found: a plan against its parent (if given) and on its own."""

    schema_version: str = SCHEMA_VERSION
    local: CheckedDocument
    parent: CheckedDocument | None = None
    findings: list[Finding] = Field(default_factory=list)


class Plan(Model):
    """Everything extracted from one issued plan."""

    schema_version: str = SCHEMA_VERSION
    source: Source
    document: Document = Field(default_factory=Document)
    citations: list[Citation] = Field(default_factory=list)
    parent: Citation | None = None
    sections: list[Section] = Field(default_factory=list)
    tables: list[Table] = Field(default_factory=list)
    targets: list[Target] = Field(default_factory=list)
    time_expressions: list[TimeExpression] = Field(default_factory=list)
    tasks: list[Task] = Field(default_factory=list)
    agencies: list[Agency] = Field(default_factory=list)
    reporting: list[ReportingDuty] = Field(default_factory=list)
    funding: list[FundingSource] = Field(default_factory=list)
    budget: Budget = Field(default_factory=Budget)
    findings: list[Finding] = Field(default_factory=list)
    text: str | None = Field(
        default=None, description="The normalised text that spans point into (with --with-text)."
    )
