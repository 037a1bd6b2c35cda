"""Import refusals: problems listed by sheet (workbook order) then row; a file-level refusal
is said once."""

from __future__ import annotations

from pathlib import Path

import pytest
from sheet_helpers import header_row, make_xlsx

from desktop.book.interchange import WorkbookRefused, import_workbook, read_for_import
from desktop.book.store import Book
from desktop.cli import main

ROSTER = header_row("党员名册")
SIGNIN = header_row("签到")


def _row(header: list[str], **values: object) -> list[object]:
    return [values.get(col) for col in header]


def _member(**extra: object) -> list[object]:
    base = {"姓名": "张建国", "人员类别": "正式党员", "性别": "男", "入党时间": "1998-07-01"}
    return _row(ROSTER, **{**base, **extra})


def test_problems_follow_the_workbook_sheet_then_row(book: Book, tmp_path: Path) -> None:
    # 签到 comes first in this file; in 党员名册 row 2's problem is found by the book's checks,
    # row 3's by the reader, which used to put row 3 first.
    path = make_xlsx(
        tmp_path / "bad.xlsx",
        {
            "签到": [SIGNIN, _row(SIGNIN, 活动编号="X-1", 党员="张建国", 状态="出席")],
            "党员名册": [
                ROSTER,
                _member(编号="001", 手机号码="12"),
                _member(编号="002", 姓名="李四", 入党时间="2020-13-01"),
                _member(编号="003", 姓名="王五", 性别="乙"),
            ],
        },
    )
    plan = read_for_import(book, path)
    places = [line.split(":")[0] for line in plan.problems]
    assert places == [
        "签到 第2行 活动编号",
        "党员名册 第2行 手机号码",
        "党员名册 第3行 入党时间",
        "党员名册 第4行 性别",
    ], plan.problems
    with pytest.raises(WorkbookRefused) as info:
        import_workbook(book, path)
    assert info.value.lines() == plan.problems


def test_a_whole_sheet_problem_comes_before_its_rows(book: Book, tmp_path: Path) -> None:
    header = [c for c in ROSTER if c != "人员类别"]
    path = make_xlsx(
        tmp_path / "nocol.xlsx",
        {"党员名册": [header, [{"姓名": "张建国", "性别": "甲"}.get(c) for c in header]]},
    )
    problems = read_for_import(book, path).problems
    assert "缺少必填列" in problems[0], problems


def test_a_file_level_refusal_is_said_once(
    book: Book, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "notes.xlsx"
    path.write_text("姓名,电话\n张三,1\n", encoding="utf-8")
    with pytest.raises(WorkbookRefused) as info:
        import_workbook(book, path)
    assert info.value.lines() == []
    book.close()
    code = main(["--db", str(book.path), "import", str(path)])
    err = capsys.readouterr().err
    assert code == 1
    assert err.count(str(path)) == 1, err
    assert len(err.strip().splitlines()) == 1, err
