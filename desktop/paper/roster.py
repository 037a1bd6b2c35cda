"""党员花名册: the branch roster on landscape A4."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from desktop.paper.layout import Column, Output, PaperDocument, Row, SpanRow, cn_date

#: Statuses in the order the totals line names them; others follow in order of appearance.
STATUS_ORDER = ("正式党员", "预备党员", "入党积极分子", "入党申请人")

# Widths in mm for landscape A4 at 10.5 pt (259 mm of text width): dates, phone numbers
# and the masked ID number fit on one line; 姓名, 民族, 党小组 and 备注 wrap when they must.
# 备注 gets the ~25 mm its longest single flag, 党员领导干部, needs (22.2 mm + padding): a
# flag is never split over two lines; several flags wrap at their 、.
ROSTER_COLUMNS: tuple[tuple[Column, str], ...] = (
    (Column("序号", 10), ""),  # four digits and the header still fit
    (Column("姓名", 20), "name"),  # four characters on a line
    (Column("性别", 10), "gender"),
    (Column("民族", 12), "ethnicity"),
    (Column("出生日期", 21), "birth_date"),
    (Column("身份证号", 39), "id_card_masked"),
    (Column("手机号码", 25), "phone"),
    (Column("学历", 15), "education"),
    (Column("人员类别", 19), "status"),
    (Column("入党时间", 21), "joined_date"),
    (Column("转正时间", 21), "confirmed_date"),
    (Column("党小组", 21), "group"),
    (Column("备注", None, "left"), "flags"),
)
#: Inserted after 序号 with show_code=True (the book's 编号 is rarely wanted on paper).
CODE_COLUMN = (Column("编号", 14), "code")


def _text(member: Mapping[str, Any], key: str) -> str:
    value = member.get(key)
    return "" if value is None else str(value)


def totals_line(members: Sequence[Mapping[str, Any]]) -> str:
    """ "共 40 人：正式党员 35 人，预备党员 3 人，入党积极分子 2 人；其中流动党员 2 人，免考 1 人。"""
    statuses = Counter(_text(m, "status") or "未填类别" for m in members)
    order = [s for s in STATUS_ORDER if statuses[s]] + [
        s for s in statuses if s not in STATUS_ORDER
    ]
    text = f"共 {len(members)} 人"
    if order:
        text += "：" + "，".join(f"{s} {statuses[s]} 人" for s in order)
    flags: Counter[str] = Counter()
    for m in members:
        for flag in dict.fromkeys(_split_flags(_text(m, "flags"))):
            flags[flag] += 1
    if flags:
        text += "；其中" + "，".join(f"{f} {n} 人" for f, n in flags.items())
    return text + "。"


def _split_flags(text: str) -> list[str]:
    """ "流动党员（外出务工，杭州）、免考" → ["流动党员", "免考"]: details in brackets dropped."""
    text = re.sub(r"[（(][^（）()]*[）)]", "", text)
    for sep in ("，", ",", "；", ";", " ", "　"):
        text = text.replace(sep, "、")
    return [f for f in text.split("、") if f]


CELL_PAD_PT = 3.0  # the grid's cell padding on each side (layout.PaperDocument._grid)


def _pack_flags(text: str, room: float, font: str, size: float = 10.5) -> str:
    """Flags that do not fit on one line wrap between flags (after 、), never inside one:
    "流动党员、免考、\n党员领导干部", not "流动党员、免\n考、党员领导\n干部"."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    if "、" not in text or stringWidth(text, font, size) <= room:
        return text
    lines: list[str] = []
    for flag in text.split("、"):
        if lines and stringWidth(f"{lines[-1]}、{flag}", font, size) <= room:
            lines[-1] += f"、{flag}"
        else:
            lines.append(flag)
    return "、\n".join(lines)


def write_roster(
    out: Output,
    branch: Mapping[str, Any],
    members: Sequence[Mapping[str, Any]],
    *,
    title: str = "党员花名册",
    printed_on: str,
    group_subtotals: bool = False,
    show_code: bool = False,
    signers: Sequence[str] = ("制表人", "支部书记"),
    invariant: bool = False,
) -> int:
    """Write the roster PDF to `out` (path or binary file); return the page count.

    `members` are printed in the order given (the caller sorts, by 姓氏笔画 by default).
    `show_code` adds the book's 编号 column (it takes room from 备注).
    With `group_subtotals` members are gathered under a heading per 党小组, in order of each
    group's first member, with a subtotal line after each group.
    `printed_on`: ISO date or ready text, shown as 制表日期 and under the issuer.
    """
    name = _text(branch, "name")
    parent = _text(branch, "parent_org")
    subtitle = "　　".join(
        part
        for part in (
            f"党组织：{name}" if name else "",
            f"上级党组织：{parent}" if parent else "",
            f"制表日期：{cn_date(printed_on)}" if printed_on else "",
        )
        if part
    )
    doc = PaperDocument(
        out,
        title=title,
        subtitle=subtitle,
        landscape=True,
        running_header=f"{name}{title}" if name else title,
        author=name,
        invariant=invariant,
    )
    spec = list(ROSTER_COLUMNS)
    if show_code:
        # Take the 编号 column's room from the columns that wrap gracefully.
        narrower = {"name": 18, "status": 18, "education": 14}
        spec = [(Column(c.title, narrower.get(k, c.width), c.align), k) for c, k in spec]
        spec.insert(1, CODE_COLUMN)
    columns = [c for c, _key in spec]
    keys = [key for _c, key in spec[1:]]  # 序号 is counted, not looked up
    notes_room = doc.widths(columns)[-1] - 2 * CELL_PAD_PT

    def cell(m: Mapping[str, Any], key: str) -> str:
        text = _text(m, key)
        return _pack_flags(text, notes_room, doc.fonts.song) if key == "flags" else text

    def row(number: int, m: Mapping[str, Any]) -> list[str]:
        return [str(number)] + [cell(m, k) for k in keys]

    rows: list[Row] = []
    if group_subtotals:
        groups: dict[str, list[Mapping[str, Any]]] = {}
        for m in members:
            groups.setdefault(_text(m, "group") or "未分组", []).append(m)
        number = 0
        for group, people in groups.items():
            rows.append(SpanRow(f"{group}（{len(people)} 人）"))
            for m in people:
                number += 1
                rows.append(row(number, m))
            rows.append(SpanRow(f"小计　{totals_line(people)}", align="right", shaded=False))
    else:
        rows = [row(i, m) for i, m in enumerate(members, start=1)]
    if not members:
        rows.append(SpanRow("（无党员记录）", align="center", shaded=False))
    doc.table(columns, rows, size=10.5, zebra=True)
    doc.spacer(3)
    doc.paragraph(totals_line(members), size=12)
    doc.signature_lines(list(signers))
    doc.issuer(name, printed_on, seal_room=10)
    return doc.build()
