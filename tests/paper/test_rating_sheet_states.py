"""The 年度评定表 says what it is: a year not yet final is marked 仅供参考 under the title, and
a scheme without 评星定级 prints a 年度党员积分表 without star or 等次 columns."""

from __future__ import annotations

import sys
from pathlib import Path

from paper_helpers import pdftotext

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "book"))
from year_end_testkit import TODAY, YEAR, confirm_year, make_year_book  # noqa: E402

from desktop.book.printing import print_document  # noqa: E402
from desktop.book.year_end_print import rating_data  # noqa: E402


def _text(book, tmp_path: Path, name: str) -> str:
    out = print_document(book, "rating", tmp_path / name, year=YEAR, today=TODAY)
    return pdftotext(out).replace("\n", "")


def test_ended_year_before_q4_is_confirmed_is_marked_provisional(tmp_path: Path) -> None:
    book = make_year_book(tmp_path / "y.db")
    text = _text(book, tmp_path, "open.pdf")
    assert "第四季度尚未确认，年度积分和评定结果还可能变化，仅供参考" in text
    assert "尚未结束" not in text
    confirm_year(book)
    text = _text(book, tmp_path, "final.pdf")
    assert "仅供参考" not in text and "尚未确认" not in text
    assert "2025年度党员星级评定表" in text
    book.close()


def test_scheme_without_rating_prints_a_points_table(tmp_path: Path) -> None:
    book = make_year_book(tmp_path / "jd.db", scheme="jiedao-nongcun")
    data = rating_data(book, YEAR, today=TODAY)
    assert data["title"] == f"{YEAR}年度党员积分表"
    assert not data["has_stars"] and not data["has_grades"] and not data["has_rating"]
    assert all("不评星级" not in m["reasons"] for m in data["members"])
    text = _text(book, tmp_path, "jd.pdf")
    assert f"{YEAR}年度党员积分表" in text
    assert "星级评定表" not in text and "等次" not in text.split("参加积分管理")[0]
    assert text.count("不评星级、等次") == 1  # one note line, not one per row
    assert "年度积分和还" not in text and "年度积分还可能变化" in text
    book.close()


def test_points_table_as_a_workbook_has_no_rating_columns(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    book = make_year_book(tmp_path / "jd.db", scheme="jiedao-nongcun")
    out = print_document(book, "rating", tmp_path / "jd.xlsx", year=YEAR, today=TODAY)
    cells = [c for row in load_workbook(out).active.iter_rows(values_only=True) for c in row]
    assert "星级" not in cells and "等次" not in cells and "备注" in cells
    book.close()
