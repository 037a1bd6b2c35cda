"""An old branch ledger whose 党员名册 names three columns its own way (联系电话, 身份证号码,
党员类别), as secretaries' Excel files do; shared by the sheets, book and CLI tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desktop.rules.idcard import id_check_digit

NAMES = [
    "张一",
    "王二",
    "李三",
    "赵四",
    "钱五",
    "孙六",
    "周七",
    "吴八",
    "郑九",
    "冯十",
    "陈甲",
    "褚乙",
]


def id_number(i: int) -> str:
    first17 = f"11010119{80 + i:02d}0612{100 + i * 2:03d}"  # 17 digits, an even (female) 17th
    return first17 + id_check_digit(first17)


def ledger_rows(*, status_header: str = "党员类别", extra: bool = False) -> list[list[Any]]:
    header = ["序号", "姓名", "性别", "身份证号码", "联系电话", status_header, "入党时间"]
    if extra:
        header.append("籍贯")
    rows: list[list[Any]] = [header]
    for i, name in enumerate(NAMES):
        row = [i + 1, name, "女", id_number(i), f"1380000{i:04d}", "正式党员", "2010-07-01"]
        if extra:
            row.append("河北")
        rows.append(row)
    return rows


def write_ledger(path: Path, **kwargs: Any) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "党员名册"
    for row in ledger_rows(**kwargs):
        ws.append(row)
    for cell in ws["D"][1:]:
        cell.number_format = "@"  # ID numbers are text, as the contract asks
    wb.save(path)
    return path
