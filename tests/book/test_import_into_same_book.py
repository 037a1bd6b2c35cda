"""A book's own export imported back into it: the refusal says so first, and rows that only
refer to refused rows (a quarter already in the book) are not reported as faults of the file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from desktop.book.interchange import WorkbookRefused, export_workbook, import_workbook
from desktop.book.store import Book


def test_reimport_into_the_same_book_says_plainly_why(
    confirmed_demo_book: Book, tmp_path: Path
) -> None:
    book = confirmed_demo_book
    path = export_workbook(book, tmp_path / "导出.xlsx")
    journal = book.execute("select count(*) from journal").fetchone()[0]
    with pytest.raises(WorkbookRefused) as err:
        import_workbook(book, path, today=date(2027, 1, 20))  # the demo's "today"
    first = str(err.value)
    assert first.startswith("未导入任何内容。这个工作簿的记录已在本账本中")
    assert "42 名党员" in first and "次活动" in first and "空账本" in first
    lines = err.value.lines()
    assert f"（{len(lines)} 处）" in first
    assert all("重复" in line for line in lines), [x for x in lines if "重复" not in x][:5]
    assert not any("本工作簿的“季度”表中没有" in line or "不是已确认" in line for line in lines)
    assert book.execute("select count(*) from journal").fetchone()[0] == journal


def test_a_missing_quarter_is_still_reported(
    confirmed_demo_book: Book, book: Book, tmp_path: Path
) -> None:
    """Into an empty book there is no headline, and a 公示记录 naming a quarter the file lacks
    is still a fault of the file."""
    from openpyxl import load_workbook

    path = export_workbook(confirmed_demo_book, tmp_path / "导出.xlsx")
    wb = load_workbook(path)
    wb["季度"].delete_rows(2, wb["季度"].max_row)
    wb.save(path)
    with pytest.raises(WorkbookRefused) as err:
        import_workbook(book, path, today=date(2027, 1, 20))
    assert str(err.value).startswith("工作簿有")
    assert any("本工作簿的“季度”表中没有2026年第1季度" in line for line in err.value.lines())
