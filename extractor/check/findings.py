"""Building findings: codes, severities and messages come from ``codes.toml``."""

from __future__ import annotations

import tomllib
from collections import defaultdict
from functools import cache
from pathlib import Path

import regex

from extractor.model import Finding, Plan, Span


@cache
def codes() -> dict[str, dict[str, str]]:
    """code -> severity and messages (``codes.toml``)."""
    return _load("codes.toml")


@cache
def lexicon() -> dict:
    """The words the checks rely on (``checks.toml``)."""
    return _load("checks.toml")


def _load(name: str) -> dict:
    with Path(__file__).with_name(name).open("rb") as handle:
        return tomllib.load(handle)


def finding(code: str, plan: Plan | None = None, span: Span | None = None,
            parent_plan: Plan | None = None, parent_span: Span | None = None,
            **values: object) -> Finding:
    """A finding of ``code`` with its messages filled from ``values`` and the words at its
    spans; a value missing from ``values`` reads as empty."""
    entry = codes()[code]
    fill = defaultdict(str, {key: "" if value is None else str(value)
                             for key, value in values.items()})
    return Finding(
        code=code, severity=entry["severity"],  # type: ignore[arg-type]
        message=_message(entry["en"], fill),
        message_vi=_message(entry["vi"], defaultdict(str, {
            key: PERCENT_POINT.sub(r"\1,\2", value) for key, value in fill.items()})),
        span=span, page=_page(plan, span), text=_words(plan, span),
        parent_span=parent_span, parent_page=_page(parent_plan, parent_span),
        parent_text=_words(parent_plan, parent_span),
    )


# "98.85%" is written "98,85%" in Vietnamese.
PERCENT_POINT = regex.compile(r"(?<![\d.])(\d+)\.(\d+)(?=\s?%)")


def clip(text: str, limit: int) -> str:
    """``text`` cut to about ``limit`` characters at a word, with "…" where it was cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text.rstrip(" .;,:")
    return text[:limit].rsplit(" ", 1)[0].rstrip(" .;,:") + "…"


def _message(template: str, fill: dict[str, str]) -> str:
    return template.format_map(fill).replace("….", "…").replace("…”.", "…”")


def _words(plan: Plan | None, span: Span | None) -> str | None:
    if plan is None or span is None or plan.text is None:
        return None
    return plan.text[span[0]:span[1]]


def _page(plan: Plan | None, span: Span | None) -> int | None:
    if plan is None or span is None or not plan.source.pages:
        return None
    for item in (*plan.targets, *plan.tasks, *plan.sections, *plan.citations, *plan.reporting,
                 *plan.funding):
        if item.span and item.span[0] <= span[0] < item.span[1] and item.page:
            return item.page
    return None
