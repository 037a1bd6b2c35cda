"""A member owing dues with no 党费标准 set is not left out: the register lists and flags
them, its totals don't claim 账实相符, and arrears list them apart."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from desktop.book import dues
from desktop.book.store import Book
from desktop.cli import main

TODAY = date(2026, 11, 30)


def _newcomer(book: Book) -> int:
    return book.roster.add_member(
        {"name": "曾强", "status": "预备党员", "joined_date": "2026-03-01", "group": ""}
    )


def test_register_and_arrears_list_a_member_without_a_standard(demo_book: Book) -> None:
    mid = _newcomer(demo_book)
    reg = dues.year_register(demo_book, 2026, today=TODAY)
    row = next(r for r in reg["rows"] if r["member_id"] == mid)
    assert row["rate_missing"] and row["unset_months"][0] == "2026-03"
    assert reg["rates_missing"] == ["曾强"]
    assert "曾强 未设定党费标准" in reg["warning"] and "“党费”页" in reg["warning"]
    assert "pioneer" not in reg["warning"]  # paper and screens show it: no command line
    listed = {r["code"]: r for r in dues.arrears_json(demo_book, today=TODAY)}
    assert listed[row["code"]]["rate_missing"] and not listed[row["code"]]["months"]
    # Reminders are for known arrears only.
    assert all(r["member_id"] != mid for r in dues.arrears_overview(demo_book, today=TODAY))
    dues.set_rate(demo_book, mid, from_month="2026-03", category="学生", fixed_fen=20)
    reg = dues.year_register(demo_book, 2026, today=TODAY)
    assert not reg["rates_missing"] and not reg["warning"]


def test_cli_register_and_arrears_say_so(demo_book: Book, capsys, tmp_path: Path) -> None:
    _newcomer(demo_book)
    path = str(demo_book.path)
    demo_book.close()
    assert main(["--db", path, "dues", "register", "--year", "2026", "--today", "2026-11-30"]) == 0
    out = capsys.readouterr().out
    assert "账实相符" not in out and "合计不完整" in out
    assert "曾强\t未设定党费标准" in out and "pioneer dues rate" in out
    assert main(["--db", path, "dues", "arrears", "--today", "2026-11-30"]) == 0
    out = capsys.readouterr().out
    assert "未设定标准" in out and "曾强" in out.split("未设定标准")[1]
    xlsx = tmp_path / "台账.xlsx"
    args = ["--db", path, "dues", "export-register", "--year", "2026", "--today", "2026-11-30"]
    assert main([*args, "--out", str(xlsx)]) == 0
    from openpyxl import load_workbook

    texts = [
        str(c.value) for row in load_workbook(xlsx)["台账"].iter_rows() for c in row if c.value
    ]
    # The workbook marks the rate short, as the PDF does (tests/sheets/test_dues_register_sheet.py).
    assert "未设定" in texts and any(t.startswith("注意：曾强") for t in texts)
    pdf = tmp_path / "台账.pdf"
    assert main(["--db", path, "print", "dues-register", "--year", "2026", "--out", str(pdf)]) == 0
    assert pdf.read_bytes().startswith(b"%PDF")
