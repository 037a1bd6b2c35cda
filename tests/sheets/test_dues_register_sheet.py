"""The dues register workbook: its totals equal the book's payments and the interchange export."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from desktop.book import dues
from desktop.book.dues_sheets import export_register
from desktop.book.interchange import export_data
from desktop.book.store import Book
from desktop.rules.dues import UNSET_NOTE

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


# The register workbook marks a member without a 党费标准 as the PDF does: a short mark in the row
# (未设定, —, 未定标准 with the month it starts), one note under the table saying what the marks mean —
# not 未设定党费标准 written out in the row's cells.


NOV_30 = date(2026, 11, 30)


def _sheet(book: Book, tmp_path: Path):
    from openpyxl import load_workbook

    return load_workbook(export_register(book, 2026, tmp_path / "台账.xlsx", today=NOV_30))["台账"]


def _texts(ws) -> list[str]:
    return [str(c.value) for row in ws.iter_rows() for c in row if c.value is not None]


def test_a_member_without_a_standard_gets_short_marks_and_one_note(
    demo_book: Book, tmp_path: Path
) -> None:
    demo_book.roster.add_member(
        {"name": "曾强", "status": "预备党员", "joined_date": "2026-03-01", "group": ""}
    )
    ws = _sheet(demo_book, tmp_path)
    headers = [c.value for c in ws[3]]
    rows = list(ws.iter_rows(min_row=4, values_only=True))
    row = dict(zip(headers, next(r for r in rows if r[2] == "曾强"), strict=True))
    assert row["月缴标准"] == "未设定"
    assert (row["应缴合计"], row["实缴合计"], row["欠缴"]) == ("—", "—", "—")
    assert row["欠缴月份"] == "未定标准（自2026-03起）"
    assert all(row[f"{m}月"] is None for m in range(1, 13))
    # The mark fits its column (a Chinese character is two columns wide).
    assert 2 * len(row["月缴标准"]) <= ws.column_dimensions["E"].width
    # Written out only where the sheet warns (naming who and what to do), then explained once.
    texts = _texts(ws)
    spelled = [t for t in texts if "未设定党费标准" in t]
    assert len(spelled) == 2 and spelled[0].startswith("注意：曾强 未设定党费标准")
    assert spelled[1] == UNSET_NOTE and texts.count(UNSET_NOTE) == 1
    assert texts.index(UNSET_NOTE) > texts.index(spelled[0])
    # Both notes span the table; the totals still add up (Excel's SUM skips the marks).
    merged = {str(m) for m in ws.merged_cells.ranges}
    note_rows = [c.row for col in ws.iter_cols(max_col=1) for c in col if c.value in spelled]
    assert all(any(m.startswith(f"A{r}:") for m in merged) for r in note_rows)
    paid = headers.index("实缴合计")
    total = next(r for r in rows if r[2] == "合计")
    members = [r for r in rows if isinstance(r[0], int)]
    assert Decimal(str(total[paid])) == sum(
        Decimal(str(r[paid])) for r in members if not isinstance(r[paid], str)
    )
    reg = dues.year_register(demo_book, 2026, today=NOV_30)
    assert Decimal(str(total[paid])) * 100 == reg["totals"]["paid_fen"]


def test_months_before_a_late_first_standard_stay_marked(demo_book: Book, tmp_path: Path) -> None:
    # The book's dues start in January (the demo's standards); 曾强, admitted in March, gets
    # his first standard only from June: March–May stay 未定标准 (not silently dropped).
    mid = demo_book.roster.add_member(
        {"name": "曾强", "status": "预备党员", "joined_date": "2026-03-01", "group": ""}
    )
    dues.set_rate(demo_book, mid, from_month="2026-06", category="学生", fixed_fen=20)
    ws = _sheet(demo_book, tmp_path)
    headers = [c.value for c in ws[3]]
    values = next(r for r in ws.iter_rows(min_row=4, values_only=True) if r[2] == "曾强")
    row = dict(zip(headers, values, strict=True))
    assert row["月缴标准"] == 0.2
    # Judged through October (the register counts ended months): June–October owed.
    assert row["应缴合计"] == 1 and row["欠缴"] == 1
    assert row["欠缴月份"].endswith("未定标准（自2026-03起）")
    assert row["3月"] is None and row["6月"] == "未缴"
    assert UNSET_NOTE in _texts(ws)


def test_without_missing_standards_there_are_no_marks(demo_book: Book, tmp_path: Path) -> None:
    texts = _texts(_sheet(demo_book, tmp_path))
    assert UNSET_NOTE not in texts
    assert not any(t in ("未设定", "—") or "未定标准" in t or "未设定" in t for t in texts)


def test_print_dues_register_to_xlsx_writes_the_same_workbook(
    demo_book: Book, tmp_path: Path, capsys
) -> None:
    # `print dues-register --out F.xlsx` (and the preview's 另存为 Excel…) = `dues export-register`.
    from openpyxl import load_workbook

    from desktop.book.printing import XLSX_KINDS
    from desktop.cli import main

    assert "dues-register" in XLSX_KINDS
    demo_book.roster.add_member(
        {"name": "曾强", "status": "预备党员", "joined_date": "2026-03-01", "group": ""}
    )
    path = str(demo_book.path)
    demo_book.close()
    out = tmp_path / "台账.xlsx"
    args = ["--db", path, "print", "dues-register", "--year", "2026", "--out", str(out)]
    assert main(args) == 0, capsys.readouterr().err
    assert not (tmp_path / "台账.xlsx.part").exists()
    ref = tmp_path / "ref.xlsx"
    args = ["--db", path, "dues", "export-register", "--year", "2026", "--out", str(ref)]
    assert main(args) == 0

    def cells(p: Path) -> dict[str, list[tuple]]:
        wb = load_workbook(p)
        return {ws.title: list(ws.iter_rows(values_only=True)) for ws in wb}

    got = cells(out)
    assert list(got) == ["台账", "收据明细"] and got == cells(ref)
    assert UNSET_NOTE in [c for row in got["台账"] for c in row]
