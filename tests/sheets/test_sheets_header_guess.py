"""read_workbook(guess=True): headers named otherwise are read as the mapping step proposes;
a missing required column is one problem on the header row, not one per row."""

from __future__ import annotations

from pathlib import Path

from old_ledger_kit import id_number, write_ledger
from sheet_helpers import make_xlsx

from desktop.sheets import read_workbook


def test_guess_reads_the_ledgers_own_names(tmp_path: Path) -> None:
    data = read_workbook(write_ledger(tmp_path / "old.xlsx", extra=True), guess=True)
    assert data.ok, data.problem_lines()
    assert data.guessed_columns["党员名册"] == {
        "身份证号码": "身份证号",
        "联系电话": "手机号码",
        "党员类别": "人员类别",
    }
    first = data.rows("党员名册")[0].values
    assert first["身份证号"] == id_number(0)
    assert first["手机号码"] == "13800000000"
    assert first["人员类别"] == "正式党员"
    assert data.ignored_columns["党员名册"] == ["序号", "籍贯"]


def test_without_guess_nothing_is_read_under_another_name(tmp_path: Path) -> None:
    data = read_workbook(write_ledger(tmp_path / "old.xlsx", status_header="人员类别"))
    assert data.ok
    assert data.guessed_columns == {}
    assert data.rows("党员名册")[0].values["身份证号"] is None
    assert data.ignored_columns["党员名册"] == ["序号", "身份证号码", "联系电话"]


def test_a_contract_name_beats_a_synonym(tmp_path: Path) -> None:
    # Both 手机号码 and 联系电话: the exact one is read, the other left for the caller to name.
    p = make_xlsx(
        tmp_path / "a.xlsx",
        {
            "党员名册": [
                ["姓名", "人员类别", "手机号码", "联系电话"],
                ["张三", "正式党员", "1", "2"],
            ]
        },
    )
    data = read_workbook(p, guess=True)
    assert data.ok
    assert data.guessed_columns == {}
    assert data.rows("党员名册")[0].values["手机号码"] == "1"
    assert data.ignored_columns["党员名册"] == ["联系电话"]


def test_an_explicit_mapping_wins_over_a_guess(tmp_path: Path) -> None:
    path = write_ledger(tmp_path / "old.xlsx")
    data = read_workbook(path, guess=True, mappings={"党员名册": {"联系电话": None}})
    assert "联系电话" not in data.guessed_columns["党员名册"]
    assert data.rows("党员名册")[0].values["手机号码"] is None
    assert "联系电话" in data.ignored_columns["党员名册"]


def test_missing_required_column_is_one_problem_on_the_header_row(tmp_path: Path) -> None:
    # A title row above the headers: the header row is row 2, and the problem says so.
    rows = [["某某支部党员花名册"], ["姓名", "身份"], ["张三", "正式党员"], ["李四", "预备党员"]]
    rows[1][1] = "政审情况"  # a column no synonym maps to 人员类别
    data = read_workbook(make_xlsx(tmp_path / "a.xlsx", {"党员名册": rows}), guess=True)
    assert data.problem_lines() == [
        "党员名册 第2行 人员类别: 缺少必填列“人员类别”。若表中有这一列但列名不同，"
        "请把第2行的列名改为“人员类别”；没有就添上这一列"
        "（填 正式党员/预备党员/入党积极分子/入党申请人）"
    ]
    assert data.missing_columns == {"党员名册": ["人员类别"]}


def test_applicant_status_reads(tmp_path: Path) -> None:
    # 入党申请人: the member dialog offers it and the export writes it, so it must read back.
    p = make_xlsx(tmp_path / "a.xlsx", {"党员名册": [["姓名", "人员类别"], ["张三", "入党申请人"]]})
    data = read_workbook(p)
    assert data.ok
    assert data.rows("党员名册")[0].values["人员类别"] == "入党申请人"
