"""The contract in code matches CONTRACT.md's names, and docs/interchange.md matches the code."""

from __future__ import annotations

import re
from pathlib import Path

from desktop.sheets.columns import SHEET_NAMES, SHEETS, Kind, markdown_tables

DOC = Path(__file__).resolve().parents[2] / "docs" / "interchange.md"

# Copied from CONTRACT.md ("The interchange workbook"); `*` = required. The 党小组 sheet is
# ours (the contract is silent), so is every column marked `extension`.
CONTRACT = {
    "党员名册": "编号, 姓名*, 性别, 民族, 出生日期, 身份证号, 手机号码, 学历, 人员类别*, 入党时间, "
    "转正时间, 党小组, 流动党员, 免考, 党员领导干部, 离开日期, 离开原因, 备注",
    "活动": "编号*, 日期*, 类型*, 主题, 地点, 主持人, 记录人",
    "签到": "活动编号*, 党员*, 状态*, 证明人, 备注",
    "党费": "党员*, 月份*, 应缴*, 实缴*, 缴纳日期, 收款人, 收据号",
    "积分申报": "党员*, 日期*, 项目*, 分值*, 事由, 状态",
    "民主评议": "年度*, 轮次, 类型*, 党员*, 等次*",
    "一票否决": "党员*, 日期*, 原因*, 决定人",
}


def test_sheet_order() -> None:
    assert SHEET_NAMES == (
        "党员名册",
        "党小组",
        "活动",
        "签到",
        "党费",
        "党费标准",
        "积分申报",
        "民主评议",
        "一票否决",
        # The quarter's records (issue 6), after the contract's own sheets.
        "积分方案",
        "节假日",
        "更正",
        "申报审核",
        "季度",
        "公示记录",
        "异议",
        "确认结果",
        # The rest of the book: branch, committee, history, plan, notices, withdrawals.
        "支部信息",
        "支委会",
        "党员变动",
        "活动计划模板",
        "活动计划",
        "通知书",
        "撤销",
        "党费冲销",
        "上级审批",
        "积分兑换",
        "评议会议",
        "评议选票",
        "自评与组织考评",
        "党员大会表决",
    )


def test_columns_follow_the_contract() -> None:
    for sheet, listed in CONTRACT.items():
        spec = SHEETS[sheet]
        ours = [c.name + ("*" if c.required else "") for c in spec.columns if not c.extension]
        assert ours == listed.split(", "), sheet
        assert not any(c.required for c in spec.columns if c.extension)


def test_contract_choices() -> None:
    # The contract's three, then 入党申请人 (ours: the member dialog and the rules have it).
    assert SHEETS["党员名册"].column("人员类别").choices == (
        "正式党员",
        "预备党员",
        "入党积极分子",
        "入党申请人",
    )
    assert SHEETS["签到"].column("状态").choices == (
        "出席",
        "因公请假",
        "因私请假",
        "无故缺席",
        "补录",
    )
    assert SHEETS["积分申报"].column("状态").choices == ("申报", "初评", "审定", "驳回")
    assert SHEETS["民主评议"].column("等次").choices == ("优秀", "合格", "基本合格", "不合格")
    assert SHEETS["民主评议"].column("类型").choices == ("党员评议", "群众评议")
    # 自评 and 组织考评 are graded, not voted: their own extension sheet, not 民主评议's 类型.
    assert SHEETS["自评与组织考评"].column("类型").choices == ("自评", "组织考评")
    assert len(SHEETS["活动"].column("类型").choices) == 10


def test_dues_categories_match_the_rules() -> None:
    from desktop.rules.dues import CATEGORIES

    assert SHEETS["党费标准"].column("类别").choices == CATEGORIES


def test_groups_sheet() -> None:
    spec = SHEETS["党小组"]
    assert [c.name for c in spec.columns] == ["名称", "组长", "备注"]
    assert spec.required == ("名称",)


def test_kinds() -> None:
    kinds = {(s.name, c.name): c.kind for s in SHEETS.values() for c in s.columns}
    assert kinds[("党员名册", "身份证号")] is Kind.IDCARD
    assert kinds[("党员名册", "编号")] is Kind.CODE
    assert kinds[("党员名册", "手机号码")] is Kind.CODE
    assert kinds[("党费", "应缴")] is Kind.MONEY
    assert kinds[("党费", "月份")] is Kind.MONTH
    assert kinds[("积分申报", "分值")] is Kind.POINTS
    assert kinds[("民主评议", "年度")] is Kind.INTEGER
    assert kinds[("党员名册", "流动党员")] is Kind.YESNO


def _doc_table(text: str, sheet: str) -> list[tuple[str, bool, str]]:
    section = text.split(f"### `{sheet}`", 1)[1].split("\n## ", 1)[0].split("\n### ", 1)[0]
    rows = []
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) < 3 or cells[0].startswith(("列", "---")):
            continue
        kind = re.search(r"`(\w+)`", cells[2])
        rows.append((cells[0], cells[1].startswith("是"), kind.group(1) if kind else ""))
    return rows


def test_doc_documents_every_column() -> None:
    text = DOC.read_text(encoding="utf-8")
    for spec in SHEETS.values():
        expected = [(c.name, c.required, c.kind.value) for c in spec.columns]
        assert _doc_table(text, spec.name) == expected, spec.name
    for kind in Kind:
        assert f"`{kind.value}`" in text
    block = text.split("<!-- columns:", 1)[1].split("-->\n", 1)[1].split("<!-- /columns -->")[0]
    assert block == markdown_tables(), (
        "docs/interchange.md is out of date: paste the output of "
        'python -c "from desktop.sheets.columns import markdown_tables as m; print(m())"'
    )
    assert "工作表名 第N行 列名: 问题" in text


def test_importing_the_package_does_not_load_openpyxl() -> None:
    import subprocess
    import sys

    code = (
        "import sys, desktop.sheets, desktop.sheets.columns, desktop.sheets.reader, "
        "desktop.sheets.writer; from desktop.sheets import read_workbook, write_workbook; "
        "assert 'openpyxl' not in sys.modules, 'openpyxl imported at start'; "
        "assert not any(m.startswith(('desktop.book', 'desktop.gui', 'desktop.paper', "
        "'desktop.rules')) for m in sys.modules), 'sheets imports an upper layer'"
    )
    root = Path(__file__).resolve().parents[2]
    subprocess.run([sys.executable, "-c", code], check=True, cwd=root)
