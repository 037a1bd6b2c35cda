"""read_for_import(guess_headers=True): an old ledger's own column names are read, said, and
a missing required column is one problem, not one more per row."""

from __future__ import annotations

from pathlib import Path

import pytest
from old_ledger_kit import NAMES, id_number, write_ledger
from sheet_helpers import make_xlsx

from desktop.book.interchange import WorkbookRefused, import_plan, read_for_import
from desktop.book.store import Book


def test_guessed_columns_are_imported_and_said(book: Book, tmp_path: Path) -> None:
    plan = read_for_import(
        book, write_ledger(tmp_path / "old.xlsx", extra=True), guess_headers=True
    )
    assert plan.problems == []
    assert plan.column_notes() == [
        "党员名册：列名与约定的不同，按列名推断读取：“身份证号码”作“身份证号”，"
        "“联系电话”作“手机号码”，“党员类别”作“人员类别”。",
        "党员名册：“籍贯” 不是本表的列，没有导入。要保留这些内容，请在 Excel/WPS 中"
        "把列名改成本表的列名（见 docs/interchange.md），或把内容写进“备注”列。",
    ]
    import_plan(book, plan)
    members = book.roster.members()
    assert len(members) == 12
    first = next(m for m in members if m["name"] == "张一")
    assert first["id_card"] == id_number(0)
    assert first["phone"] == "13800000000"


def test_without_guessing_the_ignored_columns_are_listed(book: Book, tmp_path: Path) -> None:
    path = write_ledger(tmp_path / "old.xlsx", status_header="人员类别")
    plan = read_for_import(book, path)
    assert plan.problems == []
    assert plan.guessed_columns == []
    assert plan.ignored_columns == [
        ("党员名册", "序号"),
        ("党员名册", "身份证号码"),
        ("党员名册", "联系电话"),
    ]
    assert "“身份证号码”、“联系电话” 不是本表的列" in plan.column_notes()[0]


def test_missing_required_column_is_one_problem(book: Book, tmp_path: Path) -> None:
    rows = [["姓名", "身份证号码", "政审情况"]] + [
        [name, id_number(i), "通过"] for i, name in enumerate(NAMES)
    ]
    path = make_xlsx(tmp_path / "a.xlsx", {"党员名册": rows})
    plan = read_for_import(book, path, guess_headers=True)
    assert len(plan.problems) == 1, plan.problems
    assert plan.problems[0].startswith("党员名册 第1行 人员类别: 缺少必填列“人员类别”。")
    with pytest.raises(WorkbookRefused) as info:
        import_plan(book, plan)
    assert info.value.lines() == plan.problems
    assert book.roster.members() == []


def test_problems_name_the_files_own_header(book: Book, tmp_path: Path) -> None:
    rows = [["姓名", "党员类别"], ["张三", "党员"]]
    path = make_xlsx(tmp_path / "a.xlsx", {"党员名册": rows})
    plan = read_for_import(book, path, guess_headers=True)
    assert len(plan.problems) == 1
    assert plan.problems[0].startswith("党员名册 第2行 党员类别: "), plan.problems
