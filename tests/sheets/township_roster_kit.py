"""A township 花名册 of 40 as the township keeps it in Excel, for the book, CLI and window tests.

Sheet 花名册 beside a 说明 sheet; a merged title row and a 填报单位 line above the header; the
header says 党员类型 (not 人员类别), 公民身份号码, 出生年月, 所在党小组, 文化程度, 联系电话;
dates in every form a roster has (1970.03 typed as a number, 1975-07, 1975/7, 1975年7月, 197507,
real date cells, whole dates as text); IDs as text and as intact numbers; 正式/预备 short forms,
汉/汉族, √ for 流动党员; a blank row in the middle and a footer (填表人/审核人/填表日期, 合计).
`bad_rows=True` spoils five rows, one per bad-input case of issue 14.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop.rules.idcard import id_check_digit

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余"
GIVEN = "建国志强秀英丽华桂兰明军海燕玉梅红霞德福春生永平淑珍"
HEADER = [
    "序号",
    "姓名",
    "性别",
    "民族",
    "出生年月",
    "公民身份号码",
    "文化程度",
    "党员类型",
    "入党时间",
    "转正时间",
    "所在党小组",
    "联系电话",
    "流动党员",
    "备注",
]
COUNT = 40
#: The five rows `bad_rows=True` spoils (0-based member index) and what is wrong with each.
BAD = {
    3: "ID digits lost as a number",
    11: "duplicate ID (same as member 10)",
    17: "预备党员 joined more than two years back",
    25: "积极分子 with 入党时间",
    33: "date in a wrong form",
}


def name(i: int) -> str:
    return (
        SURNAMES[i % len(SURNAMES)] + GIVEN[(i * 3) % len(GIVEN)] + GIVEN[(i * 7 + 1) % len(GIVEN)]
    )


def birth(i: int) -> dt.date:
    return dt.date(1950 + i, 1 + i % 12, 1 + (i * 5) % 27)


def id_number(i: int, *, float_safe: bool = False) -> str:
    """A valid ID for member i; with `float_safe`, one whose 18 digits a number cell holds."""
    b = birth(i)
    for seq in range(100 + i, 999):
        first17 = f"130102{b:%Y%m%d}{seq:03d}"
        if (int(first17[16]) % 2 == 1) != (i % 3 != 2):  # 男 for i % 3 != 2
            continue
        check = id_check_digit(first17)
        if check == "X":
            continue
        number = int(first17 + check)
        if not float_safe or float(number) == number:
            if str(number).endswith("000"):
                continue
            return first17 + check
    raise AssertionError(i)


def _year_month(i: int, year: int, month: int) -> Any:
    """A year and month written one of the ways rosters write them."""
    forms = [
        float(f"{year}.{month:02d}") if month not in (1, 10) else f"{year}.{month:02d}",
        f"{year}-{month:02d}",
        f"{year}/{month}",
        f"{year}年{month}月",
        int(f"{year}{month:02d}"),
        dt.datetime(year, month, 1 + i % 27),  # a real date cell
        f"{year}-{month:02d}-{1 + i % 27:02d}",  # a whole date as text
    ]
    return forms[i % len(forms)]


def member_row(i: int) -> list[Any]:
    status = "预备" if i % 10 == 9 else "正式"
    b = birth(i)
    joined_year = 2025 if status == "预备" else 1975 + i
    joined_month = 3 + i % 9
    confirmed = None
    if status == "正式" and i % 4 == 0:
        confirmed = f"{joined_year + 1}.{joined_month:02d}"
    id_cell: Any = id_number(i)
    if i % 5 == 1:
        id_cell = int(id_number(i))  # an intact number (all 18 digits in a number cell)
    birth_cell: Any = _year_month(i, b.year, b.month) if i % 6 else None  # none: from the ID
    if isinstance(birth_cell, dt.datetime):
        birth_cell = dt.datetime(b.year, b.month, b.day)
    if isinstance(birth_cell, str) and birth_cell.count("-") == 2:
        birth_cell = b.isoformat()
    return [
        i + 1,
        name(i),
        "男" if i % 3 != 2 else "女",
        "汉" if i % 2 else "汉族",
        birth_cell,
        id_cell,
        "高中" if i % 2 else "大专",
        status,
        _year_month(i + 1, joined_year, joined_month),
        confirmed,
        f"第{1 + i % 4}党小组",
        f"139{i:08d}",
        "√" if i % 13 == 0 else None,
        None,
    ]


def spoil(rows: list[list[Any]]) -> None:
    """Make the five BAD rows wrong (rows[i] is member i's row)."""
    rows[3][5] = float(int(id_number(3)) // 1000 * 1000)  # Excel kept 15 digits
    rows[11][5] = rows[10][5] if isinstance(rows[10][5], str) else id_number(10)
    rows[17][7], rows[17][8], rows[17][9] = "预备", "2019.05", None
    rows[25][7], rows[25][8], rows[25][9] = "积极分子", "2024-05", None
    rows[33][8], rows[33][9] = "去年五月", "2021.06"  # the bad 入党时间 only, not 转正 too


def write_roster(
    path: Path,
    *,
    bad_rows: bool = False,
    sheet: str = "花名册",
    edit: Callable[[list[list[Any]]], None] | None = None,
) -> Path:
    """`edit` changes the member rows before they are written (an updated roster: members
    added with `member_row(40)` …, a cell changed)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    members = [member_row(i) for i in range(COUNT)]
    if bad_rows:
        spoil(members)
    if edit is not None:
        edit(members)
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    ws.append(["XX镇XX村党支部党员花名册"])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADER))
    ws["A1"].font = Font(bold=True, size=16)
    ws["A1"].alignment = Alignment(horizontal="center")
    ws.append(["填报单位：XX村党支部", None, None, None, None, None, None, None, "2025年12月"])
    ws.append(HEADER)
    for i, row in enumerate(members):
        if i == 20:
            ws.append([])  # a blank row in the middle
        ws.append(row)
        r = ws.max_row
        for col, value in enumerate(row, start=1):
            if isinstance(value, str):
                ws.cell(row=r, column=col).number_format = "@"
            elif isinstance(value, dt.datetime):
                ws.cell(row=r, column=col).number_format = "yyyy-mm-dd"
            elif isinstance(value, float) and col in (5, 9, 10):
                ws.cell(row=r, column=col).number_format = "0.00"  # shows 1970.03
    ws.append([f"合计：{len(members)}人"])
    ws.append(["填表人：张三", None, None, "审核人：李四", None, None, "填表日期：2025年12月5日"])
    notes = wb.create_sheet("说明")
    notes.append(["本表由镇党委组织办统一下发，请各支部如实填写。"])
    wb.save(path)
    _keep_whole_numbers(
        path, [v for row in members for v in row if isinstance(v, int) and v > 10**16]
    )
    return path


def _keep_whole_numbers(path: Path, numbers: list[int]) -> None:
    """openpyxl writes numbers with 16 significant digits; a roster written by another program
    keeps an 18-digit number whole (<v>130102…</v>). Put the digits back."""
    import zipfile

    with zipfile.ZipFile(path) as zf:
        parts = {n: zf.read(n) for n in zf.namelist()}
    for part, data in parts.items():
        if part.startswith("xl/worksheets/"):
            for n in numbers:
                data = data.replace(f"<v>{n:.16g}</v>".encode(), f"<v>{n}</v>".encode())
            parts[part] = data
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for part, data in parts.items():
            zf.writestr(part, data)


def excel_row(i: int) -> int:
    """The Excel row number of member i (3 rows above the data, a blank row after 20)."""
    return 4 + i + (1 if i >= 20 else 0)
