"""A check report for people: the terminal (grouped by severity), Markdown, and one
self-contained HTML page that shows the plan's and the parent's sentences side by side."""

from __future__ import annotations

import html

import regex
from rich.console import Console
from rich.table import Table

from extractor.model import CheckReport, Plan

SEVERITIES = ("error", "warning", "info")
HEADINGS = {"error": "Lỗi / Errors", "warning": "Cảnh báo / Warnings", "info": "Ghi chú / Notes"}
STYLES = {"error": "bold red", "warning": "yellow", "info": "dim"}
NUMBER = regex.compile(r"\d+(?:[.,]\d+)?\s?%?|\d{1,2}/\d{1,2}(?:/\d{4})?")


def _title(report: CheckReport) -> str:
    local = report.local
    title = f"{local.number or '(no number)'} · {local.issuer or ''} ({local.path})"
    if report.parent:
        parent = report.parent
        title += f"  against  {parent.number or '(no number)'} · {parent.issuer or ''}"
    return title


def _counts(report: CheckReport) -> str:
    counts = {s: sum(f.severity == s for f in report.findings) for s in SEVERITIES}
    return f"{counts['error']} errors, {counts['warning']} warnings, {counts['info']} notes"


def print_report(report: CheckReport, console: Console) -> None:
    console.print(f"[bold]{_title(report)}[/bold]", highlight=False)
    console.print(_counts(report), highlight=False)
    for severity in SEVERITIES:
        findings = [f for f in report.findings if f.severity == severity]
        if not findings:
            continue
        table = Table(title=HEADINGS[severity], title_justify="left", show_lines=False,
                      title_style=STYLES[severity])
        for column in ("Code", "Finding", "Plan", "Parent"):
            table.add_column(column, overflow="fold")
        for item in findings:
            table.add_row(item.code, f"{item.message_vi}\n[dim]{item.message}[/dim]",
                          _where(item.text, item.page), _where(item.parent_text,
                                                               item.parent_page))
        console.print(table)


def _where(text: str | None, page: int | None) -> str:
    if not text:
        return ""
    clipped = text if len(text) <= 120 else text[:117] + "..."
    return f"{clipped} (p. {page})" if page else clipped


def to_markdown(report: CheckReport) -> str:
    lines = ["# Kiểm tra kế hoạch / Plan check", "", f"**{_title(report)}**", "",
             _counts(report), ""]
    for severity in SEVERITIES:
        findings = [f for f in report.findings if f.severity == severity]
        if not findings:
            continue
        lines += [f"## {HEADINGS[severity]}", "", "| Code | Finding | Plan | Parent |",
                  "|---|---|---|---|"]
        for item in findings:
            lines.append(f"| {item.code} | {_cell(item.message_vi)}<br>*{_cell(item.message)}* "
                         f"| {_cell(_where(item.text, item.page))} "
                         f"| {_cell(_where(item.parent_text, item.parent_page))} |")
        lines.append("")
    return "\n".join(lines)


def _cell(text: str | None) -> str:
    return (text or "").replace("|", "\\|").replace("\n", " ")


def _sentence(plan: Plan | None, span) -> tuple[str, int, int] | None:
    """The line around a span (at most 300 characters either side), and where the span sits
    in it."""
    if plan is None or plan.text is None or span is None:
        return None
    text = plan.text
    start = max(text.rfind("\n", 0, span[0]) + 1, span[0] - 300)
    end = text.find("\n", span[1])
    end = min(len(text) if end == -1 else end, span[1] + 300)
    return text[start:end], span[0] - start, span[1] - start


def _highlight(sentence: tuple[str, int, int] | None, other: str | None) -> str:
    """The sentence with the finding's words marked and, inside them, the numbers that differ
    from the other document's words."""
    if sentence is None:
        return '<p class="none">—</p>'
    text, start, end = sentence
    start, end = max(0, start), max(0, min(len(text), end))
    other_numbers = set(NUMBER.findall(other or ""))
    inner = html.escape(text[start:end])
    inner = NUMBER.sub(lambda m: f'<b class="diff">{m.group(0)}</b>'
                       if other is not None and m.group(0) not in other_numbers else m.group(0),
                       inner)
    return (f"<p>{html.escape(text[:start])}<mark>{inner}</mark>"
            f"{html.escape(text[end:])}</p>")


def to_html(report: CheckReport, local: Plan, parent: Plan | None) -> str:
    """One page, no external files: a reader needs only a browser."""
    rows = []
    for item in report.findings:
        mine = _sentence(local, item.span)
        theirs = _sentence(parent, item.parent_span)
        rows.append(
            f'<section class="finding {item.severity}">'
            f'<header><span class="badge">{html.escape(item.severity)}</span> '
            f'<code>{html.escape(item.code)}</code></header>'
            f'<p class="vi">{html.escape(item.message_vi or "")}</p>'
            f'<p class="en">{html.escape(item.message)}</p>'
            f'<div class="pair"><div><h4>Kế hoạch này{_page(item.page)}</h4>'
            f'{_highlight(mine, item.parent_text)}</div>'
            f'<div><h4>Kế hoạch cấp trên{_page(item.parent_page)}</h4>'
            f'{_highlight(theirs, item.text)}</div></div></section>')
    summary = html.escape(_counts(report))
    return f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Kiểm tra kế hoạch — {html.escape(report.local.number or report.local.path)}</title>
<style>
body {{ font-family: system-ui, "Segoe UI", Arial, sans-serif; margin: 2rem auto;
       max-width: 72rem; padding: 0 1rem; color: #222; line-height: 1.45; }}
h1 {{ font-size: 1.4rem; }} h4 {{ margin: .2rem 0; font-size: .85rem; color: #555; }}
.finding {{ border-left: .4rem solid #999; padding: .5rem 1rem; margin: 1rem 0;
           background: #fafafa; }}
.error {{ border-color: #c62828; }} .warning {{ border-color: #f9a825; }}
.info {{ border-color: #90a4ae; }}
.badge {{ text-transform: uppercase; font-size: .75rem; font-weight: bold; }}
.error .badge {{ color: #c62828; }} .warning .badge {{ color: #a66f00; }}
.vi {{ font-weight: 600; margin: .3rem 0 0; }} .en {{ color: #555; margin: 0 0 .5rem; }}
.pair {{ display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; }}
.pair p {{ background: #fff; border: 1px solid #ddd; padding: .5rem; margin: 0; }}
mark {{ background: #fff3bf; }} .diff {{ background: #ffc9c9; }} .none {{ color: #999; }}
</style></head><body>
<h1>Kiểm tra kế hoạch / Plan check</h1>
<p><strong>{html.escape(_title(report))}</strong></p>
<p>{summary}. Mỗi phát hiện nêu câu văn của kế hoạch này và, nếu có, của kế hoạch cấp trên;
phần được đánh dấu là chỗ phát hiện, số khác nhau được tô đỏ. / Each finding shows the sentence
of this plan and, where relevant, of the parent plan; the marked words are the finding, and
numbers that differ are in red.</p>
{"".join(rows) or "<p>Không có phát hiện nào. / Nothing found.</p>"}
</body></html>
"""


def _page(page: int | None) -> str:
    return f" (trang {page})" if page else ""

