"""The year's dues register (党费收缴台账) as an .xlsx workbook, for the township or Excel/WPS.

Plain data in (the same dict the paper register takes, money in integer fen); amounts are
written as numbers in yuan with two decimals, so sums in Excel give the printed totals.
Sheets: 台账 (member × month and totals) and 收据明细 (one row per receipt).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

from desktop.rules.dues import (
    UNKNOWN_TOTAL,
    UNSET_MARK,
    UNSET_NOTE,
    UNSET_RATE,
    red_line_note,
    reversed_line_note,
)
from desktop.sheets.writer import _save_atomically

MONEY = "0.00"


def _yuan(fen: int | None) -> Decimal | None:
    return None if fen is None else Decimal(fen) / 100


def _total(fen: int, rate_missing: bool | None) -> Decimal | str | None:
    """A member's 应缴/实缴/欠缴; "—" (as on paper) when no standard is set and nothing is
    known: 0.00 would read as "owes nothing". Excel's SUM skips the text."""
    return UNKNOWN_TOTAL if rate_missing and not fen else _yuan(fen)


def write_dues_register(path: str | os.PathLike[str], register: Mapping[str, Any]) -> None:
    """Write the register workbook atomically (a failure leaves no half file)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = "台账"
    wb.properties.creator = "先锋指数"
    branch = register["branch"].get("name") or ""
    year = register["year"]
    months: list[str] = register["months"]
    through: str = register["through"]
    bold = Font(bold=True)
    head_fill = PatternFill("solid", fgColor="DDEBF7")
    centre = Alignment(horizontal="center", vertical="center", wrap_text=True)
    thin = Side(style="thin", color="999999")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)

    headers = ["序号", "编号", "姓名", "党小组", "月缴标准"]
    headers += [f"{int(m[5:])}月" for m in months]
    headers += ["应缴合计", "实缴合计", "欠缴", "欠缴月份"]
    ncol = len(headers)
    ws.cell(row=1, column=1, value=f"{branch}{year}年度党费收缴台账").font = Font(
        bold=True, size=14
    )
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=ncol)
    ws.cell(row=1, column=1).alignment = Alignment(horizontal="center")
    ws.cell(row=2, column=1, value=f"单位：元；统计至{int(through[:4])}年{int(through[5:])}月")
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=ncol)
    for j, h in enumerate(headers, start=1):
        c = ws.cell(row=3, column=j, value=h)
        c.font, c.fill, c.alignment, c.border = bold, head_fill, centre, box

    r = 4
    for i, row in enumerate(register["rows"], start=1):
        missing = row.get("rate_missing") and row.get("rate_fen") is None
        rate = UNSET_RATE if missing else _yuan(row.get("rate_fen"))
        values: list[Any] = [i, row["code"], row["name"], row["group"], rate]
        for m in months:
            cell = row["months"].get(m)
            if not cell:
                values.append(None)
            elif cell["paid_fen"] > 0:
                values.append(_yuan(cell["paid_fen"]))
            elif cell["due_fen"] > 0 and m <= through:
                values.append("未缴")
            else:
                values.append(None)
        ar = row.get("arrears")
        owed_months = "、".join(ar.months) if ar is not None else ""
        if row.get("rate_missing"):
            # Short, as on paper; the note under the table explains it once.
            unset = row.get("unset_months") or []
            since = f"（自{unset[0]}起）" if unset else ""
            owed_months = "；".join(x for x in (owed_months, f"{UNSET_MARK}{since}") if x)
        values += [
            _total(row["due_fen"], row.get("rate_missing")),
            _total(row["paid_fen"], row.get("rate_missing")),
            _total(row["owed_fen"], row.get("rate_missing")),
            owed_months,
        ]
        for j, v in enumerate(values, start=1):
            c = ws.cell(row=r, column=j, value=v)
            c.border = box
            if isinstance(v, Decimal):
                c.number_format = MONEY
            elif v in (UNSET_RATE, UNKNOWN_TOTAL):  # a mark in a money column
                c.alignment = Alignment(horizontal="center")
            if j in (2,):
                c.data_type = "s"
        r += 1
    t = register["totals"]
    total_row: list[Any] = ["", "", "合计", "", None]
    total_row += [_yuan(t["by_month_paid"][m]) for m in months]
    total_row += [_yuan(t["due_fen"]), _yuan(t["paid_fen"]), _yuan(t["owed_fen"]), ""]
    for j, v in enumerate(total_row, start=1):
        c = ws.cell(row=r, column=j, value=v)
        c.font, c.border = bold, box
        if isinstance(v, Decimal):
            c.number_format = MONEY
    r += 1  # a blank row under the totals, then the notes
    if register.get("warning"):  # a missing standard: the totals above are not complete
        r += 1
        ws.cell(row=r, column=1, value=f"注意：{register['warning']}").font = Font(
            bold=True, color="C00000"
        )
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=ncol)
    if any(row.get("rate_missing") for row in register["rows"]):
        r += 1
        ws.cell(row=r, column=1, value=UNSET_NOTE)
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=ncol)
    widths = [6, 8, 10, 12, 9] + [8] * len(months) + [10, 10, 9, 30]
    for j, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(j)].width = w
    ws.freeze_panes = "D4"
    from desktop.sheets.tables import page_setup

    page_setup(ws, header_row=3)  # A4 landscape, fit to width, header row on every page

    rs = wb.create_sheet("收据明细")
    rheaders = ["序号", "收据号", "缴纳日期", "编号", "姓名", "所属月份", "金额", "收款人", "备注"]
    for j, h in enumerate(rheaders, start=1):
        c = rs.cell(row=1, column=j, value=h)
        c.font, c.fill, c.alignment = bold, head_fill, centre
    receipts = register.get("receipts") or []
    for i, rec in enumerate(receipts, start=2):
        note = "自愿多交，全额上缴" if rec.get("passed_up_whole") else ""
        if rec.get("reverses"):  # 红字冲销: negative, naming the receipt it reverses
            note = red_line_note(rec)
        elif rec.get("reversed_by"):
            note = reversed_line_note(rec)
        vals = [
            i - 1,
            rec["receipt_no"],
            rec["paid_date"],
            rec["code"],
            rec["member"],
            rec["months_text"],
            _yuan(rec["amount_fen"]),
            rec["receiver"],
            note,
        ]
        for j, v in enumerate(vals, start=1):
            c = rs.cell(row=i, column=j, value=v)
            if isinstance(v, str):
                c.data_type = "s"
            if isinstance(v, Decimal):
                c.number_format = MONEY
    last = len(receipts) + 2
    rs.cell(row=last, column=5, value="合计").font = bold
    c = rs.cell(row=last, column=7, value=_yuan(sum(x["amount_fen"] for x in receipts)))
    c.font, c.number_format = bold, MONEY
    for j, w in enumerate([6, 12, 12, 8, 10, 28, 10, 10, 20], start=1):
        rs.column_dimensions[get_column_letter(j)].width = w
    rs.freeze_panes = "A2"
    page_setup(rs, header_row=1, landscape=False)
    _save_atomically(wb, Path(path))
