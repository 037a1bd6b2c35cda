"""A member's 积分明细 on A4: each section with its subtotal, every line with its fact."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from desktop.paper.layout import Column, Output, PaperDocument, Row, SpanRow

COLUMNS = (
    Column("日期", 23),
    Column("事实", None, "left"),
    Column("规则", 30, "left"),
    Column("分值", 15, "right"),
)


def write_score_detail(
    out: Output,
    branch: Mapping[str, Any],
    detail: Mapping[str, Any],
    *,
    printed_on: str | None = None,
    invariant: bool = False,
) -> int:
    """Write the PDF; `detail` is plain strings (see desktop.gui.score_detail.detail_rows)."""
    name = str(branch.get("name") or "")
    title = f"{detail['name']}积分明细"
    doc = PaperDocument(
        out,
        title=title,
        subtitle=[f"{name}　{detail['period']}" if name else str(detail["period"])],
        running_header=f"{name}{title}" if name else title,
        author=name,
        invariant=invariant,
    )
    doc.paragraph(
        f"编号：{detail['code']}　党小组：{detail['group']}　类别：{detail['status']}", size=12
    )
    doc.paragraph(f"积分方案：{detail['scheme']}", size=12)
    doc.paragraph(f"数据截至：{detail['as_of']}", size=12, space_after=4)
    rows: list[Row] = []
    for section in detail["sections"]:
        rows.append(SpanRow(f"{section['name']}　小计 {section['subtotal']} 分"))
        rows.extend(section["lines"])
        if not section["lines"]:
            rows.append(["", "（没有计分记录）", "", ""])
    rows.append(SpanRow(f"合计　{detail['total']} 分", align="right", shaded=False))
    doc.table(COLUMNS, rows, size=10.5)
    doc.paragraph(str(detail["rating"]), size=12, space_after=2)
    for flag in detail["flags"]:
        doc.paragraph(f"※ {flag}", size=12)
    doc.signature_lines(["积分管理员", "支部书记"])
    doc.issuer(name, printed_on or date.today().isoformat())
    return doc.build()
