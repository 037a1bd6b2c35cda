"""The dues register workbook: its totals equal the book's payments and the interchange export."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from desktop.book import dues
from desktop.book.dues_sheets import export_register
from desktop.book.interchange import export_data

TODAY = date(2026, 11, 24)


def test_register_workbook_reconciles(demo_book, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    path = export_register(demo_book, 2026, tmp_path / "台账.xlsx", today=TODAY)
    wb = load_workbook(path)
    ws = wb["台账"]
    headers = [c.value for c in ws[3]]
    paid_col = headers.index("实缴合计")
    rows = list(ws.iter_rows(min_row=4, values_only=True))
    total_row = rows[-1]
    member_rows = rows[:-1]
    assert total_row[2] == "合计"
    sheet_total = sum(Decimal(str(r[paid_col])) for r in member_rows)
    assert Decimal(str(total_row[paid_col])) == sheet_total
    month_cols = [headers.index(f"{i}月") for i in range(1, 13)]
    assert sum(Decimal(str(total_row[c] or 0)) for c in month_cols) == sheet_total
    # = the book's payments = the register = the interchange workbook's 党费 sheet.
    reg = dues.year_register(demo_book, 2026, today=TODAY)
    exported = sum(r["实缴"] for r in export_data(demo_book)["党费"] if r["月份"][:4] == "2026")
    assert sheet_total * 100 == reg["payments_total_fen"] == reg["totals"]["paid_fen"] == exported
    receipts = wb["收据明细"]
    last = list(receipts.iter_rows(values_only=True))[-1]
    assert last[4] == "合计" and Decimal(str(last[6])) == sheet_total
    # Unpaid months that have ended read 未缴; codes stay text.
    assert any(
        "未缴" in (r[c] or "") for r in member_rows for c in month_cols if isinstance(r[c], str)
    )
    assert all(isinstance(r[1], str) for r in member_rows)


def test_register_workbook_prints_on_a4_with_its_header_repeated(demo_book, tmp_path) -> None:
    from openpyxl import load_workbook

    wb = load_workbook(export_register(demo_book, 2026, tmp_path / "台账.xlsx", today=TODAY))
    for name, header in (("台账", "$3:$3"), ("收据明细", "$1:$1")):
        ws = wb[name]
        assert str(ws.page_setup.paperSize) == ws.PAPERSIZE_A4 and ws.page_setup.fitToWidth == 1
        assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.print_title_rows == header
