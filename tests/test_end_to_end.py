"""Whole documents: every plan in every format, against gold and against each other."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractor.errors import NoTextLayerError
from extractor.evaluation import below_floors, consistency, load_floors
from extractor.pipeline import extract

ROOT = Path(__file__).resolve().parent.parent
GOLD = sorted((ROOT / "gold").glob("*.json"))


def test_every_gold_plan_is_in_the_corpus_in_text_docx_and_pdf():
    """A plan written as text comes as DOCX and PDF too; one written in Word (merged cells a
    text file cannot carry) as its DOCX and that DOCX's PDF; a web page as itself."""
    for gold in GOLD:
        formats = {path.suffix for path in (ROOT / "corpus").glob(f"{gold.stem}.*")}
        assert formats & {".txt", ".html", ".docx"}, gold.stem
        if formats & {".txt", ".docx"}:
            assert {".docx", ".pdf"} <= formats, gold.stem


def test_every_format_gives_the_same_metadata_citations_and_parent(corpus_evaluation):
    table = consistency(corpus_evaluation)
    assert set(table) == {gold.stem for gold in GOLD}
    differing = {doc: row for doc, row in table.items() if not all(row.values())}
    assert differing == {}


def test_no_corpus_file_fails_except_the_scan(corpus_evaluation):
    failures = [d.path for d in corpus_evaluation.documents if d.failure]
    assert [Path(path).name for path in failures] == ["w02_moi_truong_huyen.scanned.pdf"]


def test_scores_stay_above_their_floors(corpus_evaluation):
    floors = load_floors(ROOT / "evaluation" / "floors.toml")
    assert floors, "evaluation/floors.toml is missing"
    assert below_floors(corpus_evaluation, floors) == []


def test_scanned_pdf_is_refused_with_advice():
    with pytest.raises(NoTextLayerError, match="OCR"):
        extract(ROOT / "corpus" / "w02_moi_truong_huyen.scanned.pdf")


@pytest.mark.parametrize("gold_path", GOLD, ids=lambda path: path.stem)
def test_pdf_spans_point_at_their_words_with_pages(gold_path):
    pdf = ROOT / "corpus" / f"{gold_path.stem}.pdf"
    if not pdf.exists():
        pytest.skip("no PDF rendering")
    plan = extract(pdf, with_text=True)
    assert plan.source.pages and plan.source.pages >= 1
    for citation in plan.citations:
        start, end = citation.span
        quoted = plan.text[start:end].replace(" ", "")
        assert citation.number is None or citation.number in quoted
        assert 1 <= citation.page <= plan.source.pages
    for field, evidence in plan.document.evidence.items():
        assert evidence.page is not None, field


def test_decision_wrapped_plan_takes_the_decisions_number_from_the_subtitle():
    plan = extract(ROOT / "corpus" / "000_62e0e90b2c418563.docx", with_text=True)
    document = plan.document
    assert (document.type, document.number, document.issue_date) == (
        "ke_hoach", "230/QĐ-UBND", "2022-02-23")
    assert document.enacted_by.type == "quyet_dinh"
    start, end = document.evidence["number"].span
    assert plan.text[start:end] == "230/QĐ-UBND"
    assert {f.code for f in plan.findings} == {"BLANK_NUMBER", "PARTIAL_DATE"}
    assert plan.parent.number == "13900/QĐ-UBND" and plan.parent.relation == "implements"


def test_web_page_chrome_is_not_the_document():
    for name in ("w05_van_ban_html.html", "w06_trang_web_van_ban.txt"):
        plan = extract(ROOT / "corpus" / name)
        numbers = {citation.number for citation in plan.citations}
        gold = json.loads((ROOT / "gold" / f"{Path(name).stem}.json").read_text("utf-8"))
        assert numbers == {citation["number"] for citation in gold["citations"]}
        assert plan.document.number == gold["document"]["number"]


def test_the_committed_report_describes_the_current_code():
    from extractor.evaluation import code_fingerprint

    report = (ROOT / "evaluation" / "report.md").read_text(encoding="utf-8")
    assert f"`{code_fingerprint()}`" in report, "run 'kehoach evaluate' and commit the report"
