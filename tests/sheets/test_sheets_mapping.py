"""The column-mapping step: headers of a foreign workbook, suggestions, mapped reading."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from old_ledger_kit import id_number, write_ledger
from sheet_helpers import make_xlsx

from desktop.sheets import WorkbookError, read_workbook, sheet_headers, suggest_mapping
from desktop.sheets.columns import SYNONYM_TIERS, SYNONYMS
from desktop.sheets.reader import mapping_conflicts, mapping_outranked

OLD_LEDGER = [
    [
        "序号",
        "姓 名",
        "性别",
        "出生年月",
        "公民身份号码",
        "联系电话",
        "党员类别",
        "所在党小组",
        "入党日期",
        "转正日期",
    ],
    [
        1,
        "张三",
        "男",
        "1980-05",
        "110101198005071235",
        "13800138000",
        "正式党员",
        "一组",
        "2001-07-01",
        "2002-07-01",
    ],
    [2, "李四", "女", dt.datetime(1990, 1, 1), None, None, "预备党员", "二组", "2026-01-01", None],
]

LEDGER_MAPPING = {
    "姓名": "姓名",
    "性别": "性别",
    "出生年月": "出生日期",
    "公民身份号码": "身份证号",
    "联系电话": "手机号码",
    "党员类别": "人员类别",
    "所在党小组": "党小组",
    "入党日期": "入党时间",
    "转正日期": "转正时间",
}


def test_sheet_headers(tmp_path: Path) -> None:
    p = make_xlsx(tmp_path / "a.xlsx", {"花名册": OLD_LEDGER, "说明": []})
    assert sheet_headers(p) == {
        "花名册": [
            "序号",
            "姓名",
            "性别",
            "出生年月",
            "公民身份号码",
            "联系电话",
            "党员类别",
            "所在党小组",
            "入党日期",
            "转正日期",
        ],
        "说明": [],
    }


def test_suggest_mapping_for_an_old_ledger() -> None:
    headers = OLD_LEDGER[0]
    assert suggest_mapping(headers, "党员名册") == {
        "姓 名": "姓名",
        **{k: v for k, v in LEDGER_MAPPING.items() if k != "姓名"},
    }


@pytest.mark.parametrize(
    ("header", "sheet", "target"),
    [
        ("电话", "党员名册", "手机号码"),
        ("手机", "党员名册", "手机号码"),
        ("类别", "党员名册", "人员类别"),
        ("人员身份", "党员名册", "人员类别"),
        ("身份证", "党员名册", "身份证号"),
        ("姓名", "签到", "党员"),
        ("时间", "活动", "日期"),
        ("活动编号", "活动", "编号"),
        ("缴费月份", "党费", "月份"),
        ("应缴金额", "党费", "应缴"),
        ("党小组", "党小组", "名称"),
        ("党小组长", "党小组", "组长"),
        ("评议结果", "民主评议", "等次"),
        ("事由", "一票否决", "原因"),
    ],
)
def test_synonyms(header: str, sheet: str, target: str) -> None:
    assert suggest_mapping([header], sheet) == {header: target}


def test_exact_header_wins_over_a_synonym() -> None:
    # both 电话 and 手机号码 present: the exact one keeps 手机号码, 电话 is not proposed
    assert suggest_mapping(["电话", "手机号码"], "党员名册") == {"手机号码": "手机号码"}
    # 姓名 on 签到 maps to 党员 unless 党员 is there already
    assert suggest_mapping(["党员", "姓名"], "签到") == {"党员": "党员"}


def test_unknown_headers_are_left_out() -> None:
    assert suggest_mapping(["序号", "爱好"], "党员名册") == {}


def test_read_with_mapping_and_sheet_alias(tmp_path: Path) -> None:
    p = make_xlsx(tmp_path / "a.xlsx", {"花名册": OLD_LEDGER, "统计": [["x", "y"]]})
    # Two unknown sheets: the one whose headers fit the roster is read, the other named.
    guessed = read_workbook(p, guess=True)
    assert guessed.source_names == {"党员名册": "花名册"}
    assert guessed.sheet_notes == ["从工作表“花名册”读取党员名册；“统计”没有读取。"]
    data = read_workbook(
        p, sheet_aliases={"花名册": "党员名册"}, mappings={"党员名册": LEDGER_MAPPING}
    )
    assert data.source_names == {"党员名册": "花名册"}
    assert data.ignored_columns == {"党员名册": ["序号"]}
    assert data.problem_lines() == []
    first, second = data.rows("党员名册")
    assert first["出生日期"] == "1980-05"  # a year-month stays one: no invented day
    assert first["手机号码"] == "13800138000"
    assert first["身份证号"] == "110101198005071235"
    assert first["人员类别"] == "正式党员"
    assert first["党小组"] == "一组"
    assert second["出生日期"] == dt.date(1990, 1, 1)


def test_mapping_can_ignore_a_column(tmp_path: Path) -> None:
    p = make_xlsx(
        tmp_path / "a.xlsx", {"党员名册": [["姓名", "人员类别", "备注"], ["张三", "正式党员", "x"]]}
    )
    data = read_workbook(p, mappings={"党员名册": {"备注": None}})
    assert data.rows("党员名册")[0]["备注"] is None
    assert data.ignored_columns["党员名册"] == ["备注"]


def test_mapping_onto_an_existing_column_is_a_duplicate(tmp_path: Path) -> None:
    p = make_xlsx(
        tmp_path / "a.xlsx",
        {"党员名册": [["姓名", "人员类别", "电话", "手机号码"], ["张三", "正式党员", "1", "2"]]},
    )
    data = read_workbook(p, mappings={"党员名册": {"电话": "手机号码"}})
    assert data.problem_lines() == [
        "党员名册 第1行 手机号码: “手机号码”列出现了不止一次（第 C、D 列），请只保留一列"
    ]


def test_bad_mapping_is_a_programming_error(tmp_path: Path) -> None:
    p = make_xlsx(tmp_path / "a.xlsx", {"党员名册": [["姓名"]]})
    with pytest.raises(ValueError):
        read_workbook(p, mappings={"党员名册": {"电话": "电话号码"}})
    with pytest.raises(ValueError):
        read_workbook(p, mappings={"名册": {}})
    with pytest.raises(ValueError):
        read_workbook(p, sheet_aliases={"Sheet1": "名册"})


def test_single_oddly_named_sheet_is_guessed(tmp_path: Path) -> None:
    p = make_xlsx(tmp_path / "a.xlsx", {"Sheet1": [["姓名", "人员类别"], ["张三", "正式党员"]]})
    data = read_workbook(p)
    assert data.source_names == {"党员名册": "Sheet1"}
    assert data.rows("党员名册")[0]["姓名"] == "张三"


def test_single_oddly_named_sheet_guessed_by_synonyms(tmp_path: Path) -> None:
    # a dues ledger: 党员, 缴费月份, 应缴金额, 实缴金额 fit 党费 best
    p = make_xlsx(
        tmp_path / "a.xlsx", {"2026年党费": [["党员", "缴费月份", "应缴金额", "实缴金额"]]}
    )
    data = read_workbook(p)
    assert data.source_names == {"党费": "2026年党费"}
    # without the mapping the required columns are reported, so the window can ask for it
    assert data.problem_lines()[0].startswith("2026年党费 第1行 月份: 缺少必填列“月份”。")


def test_single_sheet_with_one_requested_sheet(tmp_path: Path) -> None:
    p = make_xlsx(tmp_path / "a.xlsx", {"Sheet1": [["名字", "类别"], ["张三", "正式党员"]]})
    data = read_workbook(
        p, sheets=["党员名册"], mappings={"党员名册": {"名字": "姓名", "类别": "人员类别"}}
    )
    assert data.ok
    assert data.rows("党员名册")[0].values["人员类别"] == "正式党员"


def test_single_sheet_that_fits_nothing(tmp_path: Path) -> None:
    p = make_xlsx(tmp_path / "a.xlsx", {"Sheet1": [["甲", "乙"]]})
    with pytest.raises(WorkbookError) as info:
        read_workbook(p)
    assert info.value.kind == "no_sheets"


def test_two_sheets_for_one_contract_sheet(tmp_path: Path) -> None:
    p = make_xlsx(
        tmp_path / "a.xlsx",
        {"党员名册": [["姓名", "人员类别"]], "花名册": [["姓名", "人员类别"]]},
    )
    data = read_workbook(p, sheet_aliases={"花名册": "党员名册"})
    assert data.problem_lines() == [
        "花名册: 与工作表“党员名册”都对应“党员名册”，只能有一个；请删除或改名其中一个"
    ]


def test_single_sheet_of_another_kind_is_not_guessed(tmp_path: Path) -> None:
    p = make_xlsx(tmp_path / "a.xlsx", {"党费": [["党员", "月份", "应缴", "实缴"]]})
    with pytest.raises(WorkbookError) as info:
        read_workbook(p, sheets=["党员名册"])
    assert info.value.kind == "no_sheets"


# Two headers that could both be one column: the closer synonym wins (手机 before 电话, a landline as
# often as not); equally close ones are refused in one line, never one picked.


ROSTER = "党员名册"


@pytest.mark.parametrize("order", [("电话", "手机"), ("手机", "电话")])
def test_mobile_beats_phone_whichever_comes_first(order: tuple[str, str]) -> None:
    headers = ["姓名", *order, "人员类别"]
    assert suggest_mapping(headers, ROSTER)["手机"] == "手机号码"
    assert "电话" not in suggest_mapping(headers, ROSTER)
    assert mapping_conflicts(headers, ROSTER) == {}
    assert mapping_outranked(headers, ROSTER) == {"电话": "手机"}


def test_exact_name_beats_every_synonym() -> None:
    headers = ["姓名", "手机", "电话", "手机号码"]
    assert suggest_mapping(headers, ROSTER) == {"姓名": "姓名", "手机号码": "手机号码"}
    assert mapping_conflicts(headers, ROSTER) == {}


def test_equally_close_synonyms_are_not_guessed() -> None:
    headers = ["姓名", "联系电话", "电话"]
    assert suggest_mapping(headers, ROSTER) == {"姓名": "姓名"}
    assert mapping_conflicts(headers, ROSTER) == {"手机号码": ["联系电话", "电话"]}


def test_member_code_beats_name_on_signin() -> None:
    assert suggest_mapping(["活动编号", "姓名", "党员编号", "状态"], "签到")["党员编号"] == "党员"


def test_tiers_name_only_known_synonyms() -> None:
    for target, tiers in SYNONYM_TIERS.items():
        names = [n for tier in tiers for n in tier]
        assert len(names) == len(set(names)), target
        assert set(names) <= set(SYNONYMS[target]), target


def _roster(tmp_path: Path, header: list[str], phones: list[str]) -> Path:
    rows = [header, ["张三", *phones, "正式党员"], ["李四", *phones, "预备党员"]]
    return make_xlsx(tmp_path / "名册.xlsx", {ROSTER: rows})


def test_landline_and_mobile_read_the_mobile(tmp_path: Path) -> None:
    path = _roster(tmp_path, ["姓名", "电话", "手机", "人员类别"], ["0371-6321234", "13800138000"])
    data = read_workbook(path, guess=True)
    assert data.ok, data.problem_lines()
    assert {r.values["手机号码"] for r in data.rows(ROSTER)} == {"13800138000"}
    assert data.guessed_columns[ROSTER] == {"手机": "手机号码"}
    assert data.outranked_columns[ROSTER] == {"电话": "手机"}


def test_two_equal_phone_columns_are_refused_in_one_line(tmp_path: Path) -> None:
    path = _roster(tmp_path, ["姓名", "联系电话", "电话", "人员类别"], ["13800138000", "0371-1"])
    data = read_workbook(path, guess=True)
    assert data.problem_lines() == [
        "党员名册 第1行 手机号码: “联系电话”和“电话”都可作“手机号码”，请删去或改名其一"
    ]


def test_tied_required_column_is_said_once(tmp_path: Path) -> None:
    rows = [["活动编号", "姓名", "党员姓名", "状态"], ["A1", "张三", "张三", "出席"]]
    path = make_xlsx(tmp_path / "签到.xlsx", {"签到": rows})
    data = read_workbook(path, guess=True)
    assert data.problem_lines() == [
        "签到 第1行 党员: “姓名”和“党员姓名”都可作“党员”，请删去或改名其一"
    ]


# read_workbook(guess=True): headers named otherwise are read as the mapping step proposes; a
# missing required column is one problem on the header row, not one per row.


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
