"""A 预备党员's probation is judged as of the end of the book's working year (never later
than today): a past year's roster, exported and imported back, is not refused."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sheet_helpers import header_row, make_xlsx

from desktop.book.errors import InputRefused
from desktop.book.interchange import read_for_import
from desktop.book.store import Book

ROSTER = header_row("党员名册")
BRANCH = header_row("支部信息")
TODAY = date(2026, 11, 30)
PROBATIONER = {"姓名": "王小红", "人员类别": "预备党员", "性别": "女", "入党时间": "2024-08-20"}


def _workbook(path: Path, year_in_file: int | None = None) -> Path:
    sheets = {"党员名册": [ROSTER, [PROBATIONER.get(col) for col in ROSTER]]}
    if year_in_file is not None:
        branch = {"支部名称": "测试村党支部", "当前年度": year_in_file}
        sheets["支部信息"] = [BRANCH, [branch.get(col) for col in BRANCH]]
    return make_xlsx(path, sheets)


def _problems(book: Book, path: Path) -> list[str]:
    return read_for_import(book, path, today=TODAY).problems


def test_past_year_book_takes_its_probationers(tmp_path: Path) -> None:
    book = Book.create(tmp_path / "b.db", branch="测试村党支部", year=2025)
    assert _problems(book, _workbook(tmp_path / "a.xlsx")) == []
    book.close()


def test_current_year_book_still_refuses_an_overlong_probation(tmp_path: Path) -> None:
    book = Book.create(tmp_path / "b.db", branch="测试村党支部", year=2026)
    problems = _problems(book, _workbook(tmp_path / "a.xlsx"))
    assert len(problems) == 1 and "党员名册 第2行 入党时间" in problems[0]
    assert "预备期（最长两年）早已结束" in problems[0]
    book.close()


def test_a_later_year_in_the_workbook_is_the_year_judged(tmp_path: Path) -> None:
    # Importing moves the book forward to the workbook's 当前年度, so that year counts.
    book = Book.create(tmp_path / "b.db", branch="测试村党支部", year=2025)
    problems = _problems(book, _workbook(tmp_path / "a.xlsx", year_in_file=2026))
    assert any("预备期（最长两年）早已结束" in p for p in problems)
    book.close()


def test_a_future_year_is_judged_no_later_than_today(tmp_path: Path) -> None:
    book = Book.create(tmp_path / "b.db", branch="测试村党支部", year=2025)
    late = {**PROBATIONER, "入党时间": "2022-10-01"}
    path = make_xlsx(tmp_path / "a.xlsx", {"党员名册": [ROSTER, [late.get(c) for c in ROSTER]]})
    assert any("早已结束" in p for p in _problems(book, path))
    book.close()


def test_roster_form_judges_by_the_book_year(tmp_path: Path) -> None:
    fields = {"name": "王小红", "status": "预备党员", "gender": "女", "joined_date": "2024-08-20"}
    past = Book.create(tmp_path / "p.db", branch="测试村党支部", year=2025)
    assert past.roster.check_member(fields, today=TODAY) == {}
    past.roster.add_member(fields, today=TODAY)
    past.close()
    now = Book.create(tmp_path / "n.db", branch="测试村党支部", year=2026)
    with pytest.raises(InputRefused) as refused:
        now.roster.add_member(fields, today=TODAY)
    assert "预备期" in refused.value.problems["joined_date"]
    now.close()
