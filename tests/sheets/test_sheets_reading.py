"""Reading rows: typed values, and each bad cell reported as `工作表名 第N行 列名: 问题`."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sheet_helpers import Fmt, header_row, make_xlsx

from desktop.sheets import Problem, read_workbook
from desktop.sheets.cells import CellError, read_cell
from desktop.sheets.columns import SHEETS

TEXT_HINT = "请把这一列设为“文本”格式后重新输入"


def roster(tmp_path: Path, *rows: dict[str, Any]) -> list[str]:
    """Problem lines for a 党员名册 sheet of the given rows (full header)."""
    header = header_row("党员名册")
    table = [header] + [[r.get(h) for h in header] for r in rows]
    data = read_workbook(make_xlsx(tmp_path / "名册.xlsx", {"党员名册": table}))
    return data.problem_lines()


def one(sheet: str, column: str, value: Any, number_format: str = "General") -> Any:
    return read_cell(SHEETS[sheet].column(column), value, number_format)


def one_error(sheet: str, column: str, value: Any, number_format: str = "General") -> str:
    with pytest.raises(CellError) as info:
        one(sheet, column, value, number_format)
    return info.value.message


MEMBER = {"姓名": "张三", "人员类别": "正式党员"}


# --- the problem line format --------------------------------------------------------------------


def test_problem_format() -> None:
    assert str(Problem("党员名册", 5, "出生日期", "日期不存在：2026-02-30")) == (
        "党员名册 第5行 出生日期: 日期不存在：2026-02-30"
    )
    assert str(Problem("党费", None, "应缴", "缺少必填列“应缴”")) == "党费: 缺少必填列“应缴”"
    assert str(Problem("党费", 3, None, "x")) == "党费 第3行: x"


# --- a good roster ----------------------------------------------------------------------------


def test_good_roster_values(tmp_path: Path) -> None:
    header = header_row("党员名册")
    row = {
        "编号": "007",
        "姓名": "  张三\u3000",
        "性别": "男",
        "民族": "汉族",
        "出生日期": dt.datetime(1990, 3, 7),  # a real date cell
        "身份证号": "11010119900307123x",
        "手机号码": 13800138000,  # a number: fine for a phone
        "学历": "大学本科",
        "人员类别": "预备党员",
        "入党时间": "2025/7/1",
        "转正时间": "2026年7月1日",
        "党小组": "第一党小组",
        "流动党员": "是",
        "免考": "否",
        "党员领导干部": True,
        "离开日期": None,
        "备注": "\u3000老党员\u3000",
    }
    p = make_xlsx(tmp_path / "a.xlsx", {"党员名册": [header, [row.get(h) for h in header]]})
    data = read_workbook(p)
    assert data.ok, data.problem_lines()
    assert list(data.sheets) == ["党员名册"]
    [r] = data.rows("党员名册")
    assert r.number == 2
    assert r.values == {
        "编号": "007",
        "姓名": "张三",
        "性别": "男",
        "民族": "汉族",
        "出生日期": dt.date(1990, 3, 7),
        "身份证号": "11010119900307123X",
        "手机号码": "13800138000",
        "学历": "大学本科",
        "人员类别": "预备党员",
        "入党时间": dt.date(2025, 7, 1),
        "转正时间": dt.date(2026, 7, 1),
        "党小组": "第一党小组",
        "流动党员": True,
        "免考": False,
        "党员领导干部": True,
        "离开日期": None,
        "离开原因": None,
        "备注": "老党员",
        "流动去向": None,
        "流动范围": None,
        "转入日期": None,
        "免考批准日期": None,
        "免考原因": None,
        "记录号": None,
    }
    assert data.source_names == {"党员名册": "党员名册"}
    assert data.ignored_columns == {"党员名册": []}


def test_blank_rows_skipped_and_numbers_kept(tmp_path: Path) -> None:
    p = make_xlsx(
        tmp_path / "a.xlsx",
        {
            "党员名册": [
                ["姓名", "人员类别", "说明"],
                ["张三", "正式党员"],
                [None, None],
                ["  ", "\u3000", "只有被忽略的列"],
                [],
                ["李四", "预备党员"],
            ]
        },
    )
    data = read_workbook(p)
    assert data.ok
    assert [(r.number, r["姓名"]) for r in data.rows("党员名册")] == [(2, "张三"), (6, "李四")]
    assert data.ignored_columns["党员名册"] == ["说明"]


def test_headers_with_spaces_and_asterisk(tmp_path: Path) -> None:
    p = make_xlsx(
        tmp_path / "a.xlsx",
        {
            "党员名册": [
                ["姓　名*", " 人员类别 ＊", "备 注\n(选填)", "民族（必填）"],
                ["张 三", "正式党员", "x", "汉族"],
            ]
        },
    )
    data = read_workbook(p)
    assert data.ok
    assert data.rows("党员名册")[0].values["姓名"] == "张三"  # spaces between Chinese removed
    assert data.rows("党员名册")[0].values["备注"] == "x"
    assert data.rows("党员名册")[0].values["民族"] == "汉族"


def test_title_row_above_headers(tmp_path: Path) -> None:
    p = make_xlsx(
        tmp_path / "a.xlsx",
        {
            "党员名册": [
                ["某某村党支部党员名册"],
                [None],
                ["姓名", "人员类别"],
                ["张三", "正式党员"],
                ["李四"],
            ]
        },
    )
    data = read_workbook(p)
    assert [r.number for r in data.rows("党员名册")] == [4, 5]
    assert data.problem_lines() == ["党员名册 第5行 人员类别: 必填，不能为空"]


def test_empty_known_sheet_is_fine(tmp_path: Path) -> None:
    p = make_xlsx(tmp_path / "a.xlsx", {"党员名册": [], "党费": [header_row("党费")]})
    data = read_workbook(p)
    assert data.ok
    assert data.sheets == {"党员名册": [], "党费": []}


def test_all_eight_sheets(tmp_path: Path) -> None:
    rows = {
        "党员名册": {"编号": "001", "姓名": "张三", "人员类别": "正式党员"},
        "党小组": {"名称": "第一党小组", "组长": "001"},
        "活动": {"编号": "A1", "日期": "2026-03-05", "类型": "主题党日"},
        "签到": {"活动编号": "A1", "党员": "001", "状态": "因公请假"},
        "党费": {"党员": "张三", "月份": "2026-03", "应缴": 12.5, "实缴": "12.50"},
        "党费标准": {"党员": "001", "起始月份": "2026-01", "类别": "农民", "每月金额": 1},
        "积分申报": {"党员": "001", "日期": "2026-03-05", "项目": "志愿服务", "分值": 0.5},
        "民主评议": {"年度": 2026, "轮次": 1, "类型": "党员评议", "党员": "001", "等次": "优秀"},
        "一票否决": {"党员": "001", "日期": "2026-03-05", "原因": "违反政治纪律"},
    }
    book = {s: [header_row(s), [r.get(h) for h in header_row(s)]] for s, r in rows.items()}
    data = read_workbook(make_xlsx(tmp_path / "a.xlsx", book))
    assert data.ok, data.problem_lines()
    assert list(data.sheets) == list(SHEETS)[:9]
    assert data.rows("党费")[0]["应缴"] == 1250
    assert data.rows("党费")[0]["实缴"] == 1250
    assert data.rows("积分申报")[0]["分值"] == Decimal("0.5")
    assert data.rows("活动")[0]["日期"] == dt.date(2026, 3, 5)
    assert data.rows("民主评议")[0]["年度"] == 2026
    assert data.rows("党费标准")[0]["每月金额"] == 100


def test_sheets_parameter_limits_reading(tmp_path: Path) -> None:
    book = {s: [header_row(s)] for s in ("党员名册", "党费")}
    data = read_workbook(make_xlsx(tmp_path / "a.xlsx", book), sheets=["党费"])
    assert list(data.sheets) == ["党费"]


def test_unknown_sheet_parameter_is_a_programming_error(tmp_path: Path) -> None:
    p = make_xlsx(tmp_path / "a.xlsx", {"党员名册": [["姓名"]]})
    with pytest.raises(ValueError):
        read_workbook(p, sheets=["名册"])


# --- sheet-level problems ---------------------------------------------------------------------


def test_wrong_headers(tmp_path: Path) -> None:
    p = make_xlsx(
        tmp_path / "a.xlsx",
        {
            "党员名册": [["名字", "类别", "联系电话"], ["张三", "正式党员", "138"]],
            "党费": [["党员", "月"]],
        },
    )
    data = read_workbook(p)
    assert data.problem_lines() == [
        # On the header row, in CONTRACT.md's line format, saying what to rename.
        "党员名册 第1行 姓名: 缺少必填列“姓名”。若表中有这一列但列名不同，"
        "请把第1行的列名改为“姓名”；没有就添上这一列",
        "党员名册 第1行 人员类别: 缺少必填列“人员类别”。若表中有这一列但列名不同，"
        "请把第1行的列名改为“人员类别”；没有就添上这一列（填 正式党员/预备党员/入党积极分子/入党申请人）",
        "党费 第1行 月份: 缺少必填列“月份”。若表中有这一列但列名不同，"
        "请把第1行的列名改为“月份”；没有就添上这一列",
        "党费 第1行 应缴: 缺少必填列“应缴”。若表中有这一列但列名不同，"
        "请把第1行的列名改为“应缴”；没有就添上这一列",
        "党费 第1行 实缴: 缺少必填列“实缴”。若表中有这一列但列名不同，"
        "请把第1行的列名改为“实缴”；没有就添上这一列",
    ]
    assert data.ignored_columns["党员名册"] == ["名字", "类别", "联系电话"]
    assert data.missing_columns == {
        "党员名册": ["姓名", "人员类别"],
        "党费": ["月份", "应缴", "实缴"],
    }


def test_duplicate_column(tmp_path: Path) -> None:
    p = make_xlsx(
        tmp_path / "a.xlsx",
        {"党员名册": [["姓名", "人员类别", "姓名"], ["张三", "正式党员", "李四"]]},
    )
    data = read_workbook(p)
    assert data.problem_lines() == [
        "党员名册 第1行 姓名: “姓名”列出现了不止一次（第 A、C 列），请只保留一列"
    ]
    assert data.rows("党员名册")[0]["姓名"] == "张三"


# --- cell problems, through a workbook --------------------------------------------------------


def test_id_stored_as_number(tmp_path: Path) -> None:
    lines = roster(tmp_path, {**MEMBER, "身份证号": 110101199003071000})
    assert lines == [
        "党员名册 第2行 身份证号: 身份证号被存成了数字（110101199003071000），后几位已经丢失，"
        f"无法还原；{TEXT_HINT}（按身份证逐位输入）"
    ]


def test_id_stored_as_an_intact_number_is_read(tmp_path: Path) -> None:
    # A number cell holding all 18 digits (a roster written by a program) whose check digit
    # agrees has lost nothing.
    p = make_xlsx(
        tmp_path / "n.xlsx",
        {"党员名册": [["姓名", "人员类别", "身份证号"], ["张三", "正式", 110101199003071233]]},
    )
    data = read_workbook(p)
    assert data.problem_lines() == []
    assert data.rows("党员名册")[0]["身份证号"] == "110101199003071233"
    assert data.rows("党员名册")[0]["人员类别"] == "正式党员"


def test_id_as_scientific_text(tmp_path: Path) -> None:
    lines = roster(tmp_path, {**MEMBER, "身份证号": "1.10101E+17"})
    assert lines == [
        f"党员名册 第2行 身份证号: 身份证号被存成了数字（1.10101E+17），后几位已经丢失；{TEXT_HINT}"
    ]


def test_id_wrong_length(tmp_path: Path) -> None:
    lines = roster(tmp_path, {**MEMBER, "身份证号": "1101011990030712"})
    assert lines == [
        "党员名册 第2行 身份证号: 身份证号应为 18 位（数字，最后一位可以是 X），实为“1101011990030712”"
    ]


def test_a_15_digit_old_id_asks_for_the_18_digit_one(tmp_path: Path) -> None:
    # A first-generation card's number, as text or as a number cell (15 digits fit whole).
    lines = roster(
        tmp_path, {**MEMBER, "身份证号": "110101900307123"}, {**MEMBER, "身份证号": 110101900307123}
    )
    assert lines == [
        f"党员名册 第{row}行 身份证号: “110101900307123”是15位的旧身份证号，"
        "请改填18位的身份证号（见本人现在使用的身份证）"
        for row in (2, 3)
    ]


def test_bad_dates(tmp_path: Path) -> None:
    lines = roster(
        tmp_path,
        {**MEMBER, "出生日期": "2026-02-30"},
        {**MEMBER, "出生日期": "2026/13/01"},
        {**MEMBER, "入党时间": "去年七月"},
        {**MEMBER, "入党时间": 45000},
        {**MEMBER, "入党时间": "0026-07-01"},
    )
    assert lines == [
        "党员名册 第2行 出生日期: 日期不存在：2026-02-30（2026年2月只有28天，没有30日）",
        "党员名册 第3行 出生日期: 日期不存在：2026/13/01（没有13月，月份应为 1 到 12）",
        "党员名册 第4行 入党时间: 日期格式不对：去年七月（应为 YYYY-MM-DD，如 1975-07-15；"
        "只知道年月的写 1975-07）",
        "党员名册 第5行 入党时间: 日期被存成了数字 45000；请填写 YYYY-MM-DD（如 2026-03-15）"
        "或把单元格设为日期格式",
        "党员名册 第6行 入党时间: 日期超出范围（1900—2100 年）：0026-07-01",
    ]


def test_yes_no_typos(tmp_path: Path) -> None:
    lines = roster(
        tmp_path,
        {**MEMBER, "流动党员": "事"},
        {**MEMBER, "免考": "Y"},
        {**MEMBER, "党员领导干部": "不是"},
        {**MEMBER, "免考": " 否 "},
    )
    assert lines == [
        "党员名册 第2行 流动党员: 应填“是”或“否”（也可打“√”，不是就空着），实为“事”",
        "党员名册 第3行 免考: 应填“是”或“否”（也可打“√”，不是就空着），实为“Y”",
        "党员名册 第4行 党员领导干部: 应填“是”或“否”（也可打“√”，不是就空着），实为“不是”",
    ]


def test_roster_short_forms(tmp_path: Path) -> None:
    p = make_xlsx(
        tmp_path / "s.xlsx",
        {
            "党员名册": [
                ["姓名", "人员类别", "性别", "流动党员", "免考", "入党时间", "出生日期"],
                ["张三", "正式", "男", "√", None, "1993.01", 1970.03],
                ["李四", "预备", "女性", "×", "是", "2025年7月", "197507"],
                ["王五", "积极分子", "女", "否", "✓", None, "1975/7"],
                ["赵六", "申请人", "男", None, None, None, "1975-07-15"],
            ]
        },
    )
    data = read_workbook(p)
    assert data.problem_lines() == []
    rows = [r.values for r in data.rows("党员名册")]
    assert [r["人员类别"] for r in rows] == ["正式党员", "预备党员", "入党积极分子", "入党申请人"]
    assert [r["性别"] for r in rows] == ["男", "女", "女", "男"]
    assert [r["流动党员"] for r in rows] == [True, False, False, None]
    assert [r["免考"] for r in rows] == [None, True, True, None]
    assert [r["入党时间"] for r in rows] == ["1993-01", "2025-07", None, None]
    assert [r["出生日期"] for r in rows] == ["1970-03", "1975-07", "1975-07", dt.date(1975, 7, 15)]


def test_a_year_month_typed_as_a_number_that_could_be_october_is_refused(tmp_path: Path) -> None:
    lines = roster(tmp_path, {**MEMBER, "入党时间": 1990.1})
    assert lines == [
        "党员名册 第2行 入党时间: “1990.1”被存成了数字，分不清是 1 月还是 10 月；请写成 1990-01 "
        "或 1990-10（或把这一列设为“文本”格式后重新输入）"
    ]


def test_a_date_cell_shown_without_its_day_is_a_month(tmp_path: Path) -> None:
    p = make_xlsx(
        tmp_path / "m.xlsx",
        {
            "党员名册": [
                ["姓名", "人员类别", "入党时间", "出生日期"],
                [
                    "张三",
                    "正式党员",
                    Fmt(dt.datetime(1993, 1, 1), "yyyy.mm"),
                    Fmt(dt.datetime(1970, 3, 9), "yyyy-mm-dd"),
                ],
                ["李四", "正式党员", Fmt(dt.datetime(1993, 2, 1), 'yyyy"年"m"月"'), None],
            ]
        },
    )
    data = read_workbook(p)
    assert data.problem_lines() == []
    first, second = (r.values for r in data.rows("党员名册"))
    assert first["入党时间"] == "1993-01" and first["出生日期"] == dt.date(1970, 3, 9)
    assert second["入党时间"] == "1993-02"


def test_unknown_status_and_required_empty(tmp_path: Path) -> None:
    lines = roster(
        tmp_path,
        {"姓名": "张三", "人员类别": "党员"},
        {"姓名": "李四"},
        {"人员类别": "正式党员", "性别": "男的"},
    )
    assert lines == [
        "党员名册 第2行 人员类别: 应为 正式党员/预备党员/入党积极分子/入党申请人 之一，实为“党员”",
        "党员名册 第3行 人员类别: 必填，不能为空",
        "党员名册 第4行 姓名: 必填，不能为空",
        "党员名册 第4行 性别: 应为 男/女 之一，实为“男的”",
    ]


def dues(tmp_path: Path, *rows: list[Any]) -> list[str]:
    table = [header_row("党费"), *rows]
    return read_workbook(make_xlsx(tmp_path / "d.xlsx", {"党费": table})).problem_lines()


def test_money(tmp_path: Path) -> None:
    lines = dues(
        tmp_path,
        ["001", "2026-01", 12.345, "12.345"],
        ["001", "2026-01", -5, "-5.00"],
        ["001", "2026-01", "十二元", "12,5"],
        ["001", "2026-01", "¥1,200.50", "12.50元"],
        ["001", "2026-01", 0.1 + 0.2, 12.5],
    )
    assert lines == [
        "党费 第2行 应缴: 金额最多两位小数（精确到分）：12.345",
        "党费 第2行 实缴: 金额最多两位小数（精确到分）：12.345",
        "党费 第3行 应缴: 金额不能为负数：-5",
        "党费 第3行 实缴: 金额不能为负数：-5.00",
        "党费 第4行 应缴: 不是金额：十二元（应为元，如 12.50）",
        "党费 第4行 实缴: 不是金额：12,5（应为元，如 12.50）",
    ]


def test_money_values(tmp_path: Path) -> None:
    table = [
        header_row("党费"),
        ["001", "2026-01", "¥1,200.50", "12.50元"],
        ["001", "2026-01", 0.1 + 0.2, 0],
    ]
    data = read_workbook(make_xlsx(tmp_path / "d.xlsx", {"党费": table}))
    assert data.ok
    assert [(r["应缴"], r["实缴"]) for r in data.rows("党费")] == [(120050, 1250), (30, 0)]


def test_months(tmp_path: Path) -> None:
    table = [
        header_row("党费"),
        ["001", "2026-1", 1, 1],
        ["001", dt.datetime(2026, 2, 15), 1, 1],
        ["001", "2026年3月", 1, 1],
        ["001", 202604, 1, 1],
        ["001", "2026-05-20", 1, 1],
        ["001", "２０２６－０６", 1, 1],
        ["001", "2026-13", 1, 1],
        ["001", 2026.1, 1, 1],
        ["001", "一月", 1, 1],
    ]
    data = read_workbook(make_xlsx(tmp_path / "d.xlsx", {"党费": table}))
    assert [r["月份"] for r in data.rows("党费")] == [
        "2026-01",
        "2026-02",
        "2026-03",
        "2026-04",
        "2026-05",
        "2026-06",
        None,
        None,
        None,
    ]
    assert data.problem_lines() == [
        "党费 第8行 月份: 月份不存在：2026-13（没有13月，月份应为 1 到 12）",
        "党费 第9行 月份: 月份被存成了数字 2026.1，分不清是几月；请填写 YYYY-MM（如 2026-03）",
        "党费 第10行 月份: 月份格式不对：一月（应为 YYYY-MM，如 2026-03）",
    ]


def test_points(tmp_path: Path) -> None:
    header = header_row("积分申报")
    table = [
        header,
        ["001", "2026-01-05", "志愿", 0.5],
        ["001", "2026-01-05", "志愿", 0.1 + 0.2],
        ["001", "2026-01-05", "扣分", -2],
        ["001", "2026-01-05", "志愿", "1.50"],
        ["001", "2026-01-05", "志愿", 0.125],
        ["001", "2026-01-05", "志愿", "两分"],
        ["001", "2026-01-05", "志愿", "1.005"],
    ]
    data = read_workbook(make_xlsx(tmp_path / "c.xlsx", {"积分申报": table}))
    values = [r["分值"] for r in data.rows("积分申报")]
    assert values[:4] == [Decimal("0.5"), Decimal("0.3"), Decimal("-2"), Decimal("1.5")]
    assert all(v is None or isinstance(v, Decimal) for v in values)
    assert str(values[1]) == "0.3"
    assert data.problem_lines() == [
        "积分申报 第6行 分值: 分值最多两位小数：0.125",
        "积分申报 第7行 分值: 不是数字：两分",
        "积分申报 第8行 分值: 分值最多两位小数：1.005",
    ]


def test_codes_stored_as_numbers(tmp_path: Path) -> None:
    lines = roster(
        tmp_path,
        {**MEMBER, "编号": Fmt(7, "000")},
        {**MEMBER, "编号": 12},
        {**MEMBER, "编号": 1.5},
        {**MEMBER, "编号": "Ａ００７"},
    )
    assert lines == [f"党员名册 第4行 编号: 被存成了带小数的数字 1.5；{TEXT_HINT}"]
    data = read_workbook(
        make_xlsx(
            tmp_path / "x.xlsx",
            {
                "党员名册": [
                    ["编号", "姓名", "人员类别"],
                    [Fmt(7, "000"), "甲", "正式党员"],
                    [12, "乙", "正式党员"],
                    ["Ａ００７", "丙", "正式党员"],
                ]
            },
        )
    )
    assert [r["编号"] for r in data.rows("党员名册")] == ["007", "12", "A007"]


def test_formula_error_cell(tmp_path: Path) -> None:
    lines = roster(tmp_path, {**MEMBER, "出生日期": "#N/A"})
    assert lines == ["党员名册 第2行 出生日期: 单元格是公式错误 #N/A，请改正后再导入"]


def test_member_references(tmp_path: Path) -> None:
    table = [
        header_row("签到"),
        ["A1", "张　三", "出席"],
        ["A1", 7, "出席"],
        ["A1", "００７", "出席"],
        ["A1", "阿卜杜·热合曼", "出席"],
        ["A1", "李四", "迟到"],
    ]
    data = read_workbook(make_xlsx(tmp_path / "s.xlsx", {"签到": table}))
    assert [r["党员"] for r in data.rows("签到")] == ["张三", "7", "007", "阿卜杜·热合曼", "李四"]
    assert data.problem_lines() == [
        "签到 第6行 状态: 应为 出席/因公请假/因私请假/无故缺席/补录 之一，实为“迟到”"
    ]


def test_integers(tmp_path: Path) -> None:
    table = [
        header_row("民主评议"),
        [2026, 1, "党员评议", "001", "优秀"],
        ["2026年", "2", "群众评议", "001", "合格"],
        [2026.0, None, "党员评议", "001", "基本合格"],
        ["二〇二六", 1.5, "党员评议", "001", "良好"],
    ]
    data = read_workbook(make_xlsx(tmp_path / "a.xlsx", {"民主评议": table}))
    assert [(r["年度"], r["轮次"]) for r in data.rows("民主评议")] == [
        (2026, 1),
        (2026, 2),
        (2026, None),
        (None, None),
    ]
    assert data.problem_lines() == [
        "民主评议 第5行 年度: 应为整数，实为“二〇二六”",
        "民主评议 第5行 轮次: 应为整数，实为 1.5",
        "民主评议 第5行 等次: 应为 优秀/合格/基本合格/不合格 之一，实为“良好”",
    ]


# --- single cells --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-03-05", dt.date(2026, 3, 5)),
        ("2026-3-5", dt.date(2026, 3, 5)),
        ("2026/03/05", dt.date(2026, 3, 5)),
        ("2026.3.5", dt.date(2026, 3, 5)),
        ("2026年3月5日", dt.date(2026, 3, 5)),
        ("20260305", dt.date(2026, 3, 5)),
        (20260305, dt.date(2026, 3, 5)),
        ("２０２６－０３－０５", dt.date(2026, 3, 5)),
        ("2026-03-05 14:30", dt.date(2026, 3, 5)),
        (dt.datetime(2026, 3, 5, 14, 30), dt.date(2026, 3, 5)),
        (dt.date(2026, 3, 5), dt.date(2026, 3, 5)),
        ("2024-02-29", dt.date(2024, 2, 29)),
    ],
)
def test_date_forms(text: Any, expected: dt.date) -> None:
    assert one("活动", "日期", text) == expected


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2025-02-29", "日期不存在：2025-02-29（2025年2月只有28天，没有29日）"),
        ("2026-04-31", "日期不存在：2026-04-31（2026年4月只有30天，没有31日）"),
        ("2026/13/01", "日期不存在：2026/13/01（没有13月，月份应为 1 到 12）"),
        ("2026-00-10", "日期不存在：2026-00-10（没有0月，月份应为 1 到 12）"),
        ("2026年1月32日", "日期不存在：2026年1月32日（2026年1月只有31天，没有32日）"),
        ("26-3-5", "日期格式不对：26-3-5（应为 YYYY-MM-DD，如 2026-03-15）"),
        (True, "不是日期：是（应为 YYYY-MM-DD，如 2026-03-15）"),
        (dt.time(9, 30), "不是日期：09:30（应为 YYYY-MM-DD，如 2026-03-15）"),
        (
            46000.5,
            "日期被存成了数字 46000.5；请填写 YYYY-MM-DD（如 2026-03-15）或把单元格设为日期格式",
        ),
    ],
)
def test_date_errors(value: Any, message: str) -> None:
    assert one_error("活动", "日期", value) == message


@pytest.mark.parametrize(
    ("value", "fen"),
    [
        (0, 0),
        (12, 1200),
        (12.5, 1250),
        ("0.01", 1),
        ("1,234.56", 123456),
        ("￥３.５", 350),
        (19.99, 1999),
        ("12.500", 1250),
    ],
)
def test_money_forms(value: Any, fen: int) -> None:
    assert one("党费", "应缴", value) == fen


def test_text_kinds() -> None:
    assert one("党员名册", "备注", 12.0) == "12"
    assert one("党员名册", "备注", 1.5) == "1.5"
    assert one("党员名册", "备注", dt.datetime(2026, 1, 2)) == "2026-01-02"
    assert one("党员名册", "备注", "  第一行\n第二行 ") == "第一行\n第二行"
    assert one("党员名册", "备注", "\u3000\u200b") is None
    assert one("党员名册", "姓名", "John  Smith") == "John  Smith"
    assert one("党员名册", "手机号码", "138 0013 8000") == "13800138000"
    assert one("活动", "类型", "主题 党日") == "主题党日"
    assert one_error("党员名册", "编号", 1.10101199003071e17).startswith("被存成了数字，位数太长")
