"""党员花名册: the branch roster on landscape A4."""

from __future__ import annotations

import io
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from desktop.paper.layout import (
    Column,
    Output,
    PaperDocument,
    Row,
    SpanRow,
    break_lines,
    cn_date,
    write_keeping_rows,
)
from desktop.rules.dates import date_cn

#: Statuses in the order the totals line names them; others follow in order of appearance.
STATUS_ORDER = ("正式党员", "预备党员", "入党积极分子", "入党申请人")

# Widths in mm for landscape A4 at 10.5 pt (259 mm of text width). Columns fit their
# content (at most the width given), so a branch of short group names doesn't leave 党小组
# wrapping while 备注 stays empty, and one with long names gets them on one or two lines.
# Phone and ID numbers always fit on one line, dates (1958年12月31日) when the page has room,
# else as 1958年12月 / 31日 (min); 备注 takes what is left (at least the
# ~25 mm its longest single flag, 党员领导干部, needs): a flag is never split, several wrap
# at their 、.
ROSTER_COLUMNS: tuple[tuple[Column, str], ...] = (
    (Column("序号", 12, fit=True), ""),
    (Column("姓名", 24, fit=True, min=15), "name"),  # three characters on a line at least
    (Column("性别", 11, fit=True), "gender"),
    (Column("民族", 18, fit=True, min=13), "ethnicity"),  # 土家族 whole, 维吾尔族 may wrap
    (Column("出生日期", 31, fit=True, min=23.5), "birth_date"),
    (Column("身份证号", 40, fit=True), "id_card_masked"),
    (Column("手机号码", 26, fit=True), "phone"),
    (Column("学历", 20, fit=True, min=17.5), "education"),  # 大学本科 whole
    (Column("人员类别", 26, fit=True, min=17), "status"),  # 入党积极分子 may wrap as 入党/积极分子
    (Column("入党时间", 31, fit=True, min=23.5), "joined_date"),
    (Column("转正时间", 31, fit=True, min=23.5), "confirmed_date"),
    (Column("党小组", 36, fit=True, min=19), "group"),  # four characters on a line at least
    (Column("备注", None, "left"), "flags"),
)
#: The date columns (one line each when the page has room: see `_dates_wrap`).
DATE_TITLES = frozenset({"出生日期", "入党时间", "转正时间"})
#: The 入党积极分子名册: no 入党/转正 dates (they have none); the rest as the roster.
ACTIVIST_COLUMNS: tuple[tuple[Column, str], ...] = tuple(
    (c, k) for c, k in ROSTER_COLUMNS if k not in ("joined_date", "confirmed_date")
)


#: Inserted after 序号 with show_code=True (the book's 编号 is rarely wanted on paper).
CODE_COLUMN = (Column("编号", 16, fit=True), "code")


def _text(member: Mapping[str, Any], key: str) -> str:
    value = member.get(key)
    if key.endswith("_date"):
        # One form in a column: 2023年5月1日 beside 1975年7月 (known only to the month, never
        # an invented day), not ISO beside Chinese.
        return date_cn(value)
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


#: 备注 needs the ~25 mm of its longest single flag (党员领导干部, 22.2 mm + padding).
NOTES_MIN_MM = 26
MM = 72 / 25.4  # points per millimetre


BODY_SIZE = 10.5  # 五号
SMALL_SIZE = 9.0  # 小五, when a long 党小组 name would otherwise take more lines than this
MAX_GROUP_LINES = 3


def _fit_columns(
    doc: PaperDocument,
    spec: Sequence[tuple[Column, str]],
    raw: Sequence[Sequence[str]],
    members: Sequence[Mapping[str, Any]],
    size: float,
) -> tuple[list[Column], float]:
    """Columns fitted to the content at `size`, and the room (pt) inside 备注."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    # 备注 keeps room for its longest single flag (党员领导干部 where anyone has it), no more:
    # what it does not need goes to a long 党小组 name.
    flags = [f for m in members for f in _text(m, "flags").split("、") if f]
    longest = max((stringWidth(f, doc.fonts.song, size) for f in flags), default=0.0)
    cap = NOTES_MIN_MM * size / BODY_SIZE
    notes_min = min(cap, max(12.0, (longest + 2 * CELL_PAD_PT + 1.5) / MM))
    cols = list(doc.fit_columns([c for c, _key in spec], raw, size, size, flex_min=notes_min))
    return cols, doc.widths(cols, header_size=size)[-1] - 2 * CELL_PAD_PT


def _dates_wrap(
    doc: PaperDocument, cols: Sequence[Column], raw: Sequence[Sequence[str]], size: float
) -> bool:
    """Whether a date (1958年12月31日) would break over two lines in its fitted column."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    widths = doc.widths(cols, header_size=size)
    for i, c in enumerate(cols):
        if c.title not in DATE_TITLES:
            continue
        room = widths[i] - 2 * CELL_PAD_PT
        texts = {row[i] for row in raw if i < len(row) and row[i]}
        if any(stringWidth(t, doc.fonts.song, size) > room for t in texts):
            return True
    return False


def _group_lines(
    doc: PaperDocument, cols: Sequence[Column], members: Sequence[Mapping[str, Any]], size: float
) -> int:
    """How many lines the longest 党小组 name takes in its fitted column."""
    titles = [c.title for c in cols]
    if "党小组" not in titles:
        return 1
    room = doc.widths(cols, header_size=size)[titles.index("党小组")] - 2 * CELL_PAD_PT
    names = {_text(m, "group") for m in members} - {""}
    return max((len(break_lines(g, room, doc.fonts.song, size)) for g in names), default=1)


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
    columns: Sequence[tuple[Column, str]] = ROSTER_COLUMNS,
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
    doc = PaperDocument(io.BytesIO(), title=title, landscape=True)  # for measuring only
    spec = list(columns)
    if show_code:
        spec.insert(1, CODE_COLUMN)
    keys = [key for _c, key in spec[1:]]  # 序号 is counted, not looked up
    raw = [[str(len(members))] + [_text(m, k) for k in keys] for m in members]
    size = BODY_SIZE
    cols, notes_room = _fit_columns(doc, spec, raw, members, size)
    if _group_lines(doc, cols, members, size) > MAX_GROUP_LINES or _dates_wrap(
        doc, cols, raw, size
    ):
        # 小五 (9 pt) instead of 五号 for the whole table rather than a 党小组 name on four
        # or five lines of a narrow column (a 20-character name took five), or a date
        # broken as 1958年3月 / 12日 (three whole dates and the rest do not fit at 五号).
        size = SMALL_SIZE
        # At 小五 a date gives up less room: it breaks (1958年12月 / 31日) only where a long
        # 党小组 name would otherwise take a fourth line.
        spec = [
            (Column(c.title, c.width, c.align, fit=True, min=20.5), k)
            if c.title in DATE_TITLES
            else (c, k)
            for c, k in spec
        ]
        cols, notes_room = _fit_columns(doc, spec, raw, members, size)

    def cell(m: Mapping[str, Any], key: str) -> str:
        text = _text(m, key)
        return _pack_flags(text, notes_room, doc.fonts.song, size) if key == "flags" else text

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

    def layout(target: Output, keep: int, pages: dict[str, int]) -> int:
        doc = PaperDocument(
            target,
            title=title,
            subtitle=subtitle,
            landscape=True,
            running_header=f"{name}{title}" if name else title,
            author=name,
            invariant=invariant,
        )
        doc.table(cols, rows, size=size, zebra=True, keep_last=keep)
        # The count, signatures and issuer never stand on a page without rows.
        with doc.closing_block(pages):
            doc.spacer(3)
            doc.paragraph(totals_line(members), size=12)
            doc.signature_lines(list(signers))
            doc.issuer(name, printed_on, seal_room=10)
        return doc.build()

    return write_keeping_rows(out, layout)
