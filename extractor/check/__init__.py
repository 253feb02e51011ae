"""Consistency checks: a plan against the parent plan it implements, and a plan on its own.

    from extractor.check import check
    report = check(local_plan, parent_plan)   # a CheckReport; parent_plan may be None

Plans must carry their text (``extract(path, with_text=True)``) so that findings can quote it.
"""

from __future__ import annotations

from extractor.check.parent import check_against_parent, foreign_bodies, foreign_localities
from extractor.check.within import check_plan
from extractor.model import CheckedDocument, CheckReport, Plan

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}

__all__ = ["check", "check_against_parent", "check_plan"]


def check(local: Plan, parent: Plan | None = None) -> CheckReport:
    """Every finding about ``local``: on its own, and against ``parent`` when given."""
    findings = check_plan(local)
    # Addressed to the right locality and level: with a parent, its name is recognised too.
    findings += foreign_localities(local, parent)
    findings += foreign_bodies(local)
    if parent is not None:
        findings += check_against_parent(local, parent)
    findings.sort(key=lambda f: (SEVERITY_ORDER[f.severity], f.span[0] if f.span else -1,
                                 f.code))
    return CheckReport(local=_document(local), parent=_document(parent) if parent else None,
                       findings=findings)


def _document(plan: Plan) -> CheckedDocument:
    document = plan.document
    return CheckedDocument(
        path=plan.source.path, sha256=plan.source.sha256,
        number=document.number or (document.enacted_by.number if document.enacted_by else None),
        issuer=document.issuer.name if document.issuer else None,
        locality=document.locality.name if document.locality else None)
