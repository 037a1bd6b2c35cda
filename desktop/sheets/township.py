"""The township summary as a workbook: sheet 汇总 (one row per branch, then the totals) and
sheet 数据 (the figures as numbers, for the township's own sums)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

NUMBER_COLUMNS = (
    ("支部", "branch"),
    ("年度", "year"),
    ("报送包状态", "state"),
    ("正式党员", "members_formal"),
    ("预备党员", "members_probationary"),
    ("活动次数", "activities"),
    ("计划事项", "plan_items"),
    ("出席率", "attendance_rate"),
    ("党费应缴（元）", "dues_due_fen"),
    ("党费实缴（元）", "dues_paid_fen"),
    ("党费欠缴（元）", "dues_owed_fen"),
    ("未结异议", "open_objections"),
    ("一票否决", "vetoes"),
    ("需关注项数", "flags"),
)


def write_summary_workbook(
    out: Path,
    headers: Sequence[str],
    rows: Sequence[Mapping[str, Any]],
    summary: Any,
    totals: Mapping[str, Any],
) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    ws = wb.active
    ws.title = "汇总"
    ws.append(["序号", *(h.replace("\n", " ") for h in headers)])
    for i, r in enumerate(rows, start=1):
        ws.append([i, *r["cells"]])
    ws.append(["合计", f"{totals['branches']} 个支部"])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    for col, width in zip(
        "ABCDEFGHIJKLM", (6, 24, 8, 24, 12, 12, 10, 24, 12, 8, 16, 8, 50), strict=True
    ):
        ws.column_dimensions[col].width = width
    data = wb.create_sheet("数据")
    data.append([title for title, _k in NUMBER_COLUMNS])
    for row in summary.rows:
        fig = row.figures
        values: list[Any] = []
        for _title, key in NUMBER_COLUMNS:
            if key == "branch":
                values.append(row.branch)
            elif key == "year":
                values.append(row.year)
            elif key == "state":
                values.append(row.check.state)
            elif key == "flags":
                values.append(len(row.flags))
            elif key.endswith("_fen"):
                values.append(int(fig.get(key) or 0) / 100 if fig else None)
            else:
                values.append(fig.get(key) if fig else None)
        data.append(values)
    data.append(
        [
            "合计",
            None,
            f"完好 {totals['intact']}",
            totals["members_formal"],
            totals["members_probationary"],
            totals["activities"],
            None,
            None,
            totals["dues_due_fen"] / 100,
            totals["dues_paid_fen"] / 100,
            totals["dues_owed_fen"] / 100,
            None,
            None,
            totals["flags"],
        ]
    )
    wb.save(out)
