"""上级审批, 积分兑换 and 评议会议 travel in the interchange workbook (issue 16): an export
re-imported into an empty book loses none of them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from year_end_testkit import TODAY, YEAR, make_year_book

from desktop.book.approvals import record_decision
from desktop.book.ballots import record_round
from desktop.book.exchange import record_exchange
from desktop.book.interchange import export_workbook, import_workbook
from desktop.book.scoring import set_year_scheme
from desktop.book.store import Book
from desktop.rules.presets import preset_text

TABLES = ("approvals", "exchanges", "appraisal_rounds")


def _rows(book: Book, table: str) -> list[dict]:
    rows = book.query(f"select * from {table} order by id")
    codes = dict(book.execute("select id, code from members").fetchall())
    for r in rows:
        if "member_id" in r:
            r["member_id"] = codes[r["member_id"]]
    return rows


def test_rulings_round_trip(tmp_path: Path) -> None:
    book = make_year_book(tmp_path / "a.db")
    set_year_scheme(book, YEAR, text=preset_text("dangyuan-ejia") + '\n[exchange]\nnote = "兑换"\n')
    record_decision(book, YEAR, "王一", approved=False, by="测试镇党委", on="2026-01-10",
                    reason="待补材料", source="乡镇回执", ref="回执.json", today=TODAY)  # fmt: skip
    record_decision(book, YEAR, "王一", approved=True, by="测试镇党委", on="2026-01-12",
                    today=TODAY)  # fmt: skip
    record_exchange(book, "李二", "2025-12-01", "购物券", 10, "王会计",
                    today=date(2025, 12, 20))  # fmt: skip
    record_round(book, YEAR, "党员评议", on="2025-12-20", member_voters=4, mass_voters=1)
    path = export_workbook(book, tmp_path / "a.xlsx")
    other = Book.create(tmp_path / "b.db", branch="测试村党支部", year=YEAR)
    import_workbook(other, path, today=TODAY)
    for table in TABLES:
        assert _rows(other, table) == _rows(book, table), table
    assert len(_rows(other, "approvals")) == 2
    book.close()
    other.close()
