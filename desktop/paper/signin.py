"""签到表: the sign-in sheet printed before a meeting and signed by hand.

One rule for what it shows: printed before the sign-in is recorded it is blank (请假类型 and
实到/请假/缺席 filled in by hand); printed after, it shows every recorded status in 签到情况
(出席, 因公请假, 因私请假, 无故缺席, 补录) and the counts. The footnote says which.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from desktop.paper.layout import Blank, Column, Output, PaperDocument, cn_date

# Portrait A4 leaves 156 mm; 签名 takes what the others leave (~50 mm).
SIGNIN_COLUMNS = (
    Column("序号", 10),
    Column("姓名", 24),
    Column("党小组", 24),
    Column("签名", None),
    Column("请假类型", 20),
    Column("备注", 28),
)
# Two records per row: 78 mm a half, so 党小组 and 备注 give way.
SIGNIN_COLUMNS_TWO_UP = (
    Column("序号", 10),
    Column("姓名", None),
    Column("签名", 24),
    Column("请假类型", 18),
)
GUEST_COLUMNS = (
    Column("序号", 10),
    Column("姓名", 24),
    Column("单位及职务", None),
    Column("签名", 40),
    Column("备注", 24),
)
EXEMPT_COLUMNS = (
    Column("序号", 10),
    Column("姓名", 24),
    Column("党小组", 24),
    Column("原因", None, "left"),
)
ROW_HEIGHT_MM = 8.5  # room to sign by hand; ~24 rows on a continuation page
LEAVE_HEADER = "请假类型"  # before the meeting: filled in by hand
STATUS_HEADER = "签到情况"  # after: every recorded status
NOTE_BEFORE = "注：本表在签到登记前打印，签到情况留空，请假、缺席由记录人在“请假类型”栏注明。"
NOTE_AFTER = "注：本表在签到登记后打印，签到情况和人数按已登记的签到记录填印，各人状态均已列出。"


def _columns(columns: tuple[Column, ...], signed: bool) -> tuple[Column, ...]:
    if not signed:
        return columns
    return tuple(replace(c, title=STATUS_HEADER) if c.title == LEAVE_HEADER else c for c in columns)


def _text(d: Mapping[str, Any], key: str) -> str:
    value = d.get(key)
    return "" if value is None else str(value)


def write_signin_sheet(
    out: Output,
    branch: Mapping[str, Any],
    activity: Mapping[str, Any],
    members: Sequence[Mapping[str, Any]],
    *,
    guests_blank_rows: int = 5,
    two_columns: bool = False,
    exempt: Sequence[Mapping[str, Any]] = (),
    invariant: bool = False,
) -> int:
    """Write a sign-in sheet PDF to `out` (path or binary file); return the page count.

    branch: {"name": …}. activity: kind (类型, e.g. 主题党日), topic, date (ISO), time
    ("09:00"), place, host, recorder, optional title and expected (应到; default: the number
    of members). Empty fields print as blanks to fill by hand.
    members: in print order (the caller sorts, 姓氏笔画 by default); keys name, group, and
    optionally leave (请假类型 known in advance), status (the recorded 签到情况) and note (备注).
    activity["signed"]: once the sign-in is recorded, {"present", "leave", "absent"} counts:
    the sheet then prints each member's status and the counts (else blanks to fill by hand).
    exempt: members not expected to attend, listed separately: name, group, reason.
    """
    signed = activity.get("signed") or None
    kind = _text(activity, "kind") or _text(activity, "type")  # 类型, either key
    title = _text(activity, "title") or f"{kind}签到表"
    name = _text(branch, "name")
    date = cn_date(_text(activity, "date"))
    when = " ".join(p for p in (date, _text(activity, "time")) if p)
    doc = PaperDocument(
        out,
        title=title,
        subtitle=name,
        running_header=f"{title}　{date}" if date else title,
        author=name,
        invariant=invariant,
    )
    doc.fields([("主题", _text(activity, "topic"))], per_row=1)
    doc.fields(
        [
            ("时间", when),
            ("地点", _text(activity, "place")),
            ("主持人", _text(activity, "host")),
            ("记录人", _text(activity, "recorder")),
        ],
        per_row=2,
    )
    expected = activity.get("expected")
    expected_text = str(len(members) if expected is None else expected)
    gap = "　　"
    counts = {k: str(signed[k]) if signed else "" for k in ("present", "leave", "absent")}
    doc.fill_line(
        ("应到：", Blank(14, expected_text), "人", gap),
        ("实到：", Blank(14, counts["present"]), "人", gap),
        ("请假：", Blank(14, counts["leave"]), "人", gap),
        ("缺席：", Blank(14, counts["absent"]), "人"),
    )
    state = "status" if signed else "leave"
    doc.spacer(2)

    if two_columns:
        rows = [
            [str(i), _text(m, "name"), "", _text(m, state)] for i, m in enumerate(members, start=1)
        ]
        columns = _columns(SIGNIN_COLUMNS_TWO_UP, bool(signed))
        doc.two_up_table(columns, rows, size=10.5, min_row_height=ROW_HEIGHT_MM)
    else:
        rows = [
            [str(i), _text(m, "name"), _text(m, "group"), "", _text(m, state), _text(m, "note")]
            for i, m in enumerate(members, start=1)
        ]
        doc.table(
            _columns(SIGNIN_COLUMNS, bool(signed)), rows, size=11, min_row_height=ROW_HEIGHT_MM
        )

    # The exempt list follows the member table it belongs with; when it starts a page, its
    # heading repeats the sheet's title. Guests and the signatures stay on one page.
    if exempt:
        with doc.kept_together():
            doc.heading("不参加本次活动的党员（不计入应到人数）", size=12, repeat_title=True)
            rows = [
                [str(i), _text(m, "name"), _text(m, "group"), _text(m, "reason")]
                for i, m in enumerate(exempt, start=1)
            ]
            doc.table(EXEMPT_COLUMNS, rows, size=11)

    with doc.kept_together():
        if guests_blank_rows > 0:
            doc.heading("列席人员签到", size=12, repeat_title=True)
            blank = [[""] * len(GUEST_COLUMNS) for _ in range(guests_blank_rows)]
            doc.table(GUEST_COLUMNS, blank, size=11, min_row_height=ROW_HEIGHT_MM)
        doc.signature_lines(["主持人", "记录人"], date=False)
        doc.spacer(1)
        doc.paragraph(NOTE_AFTER if signed else NOTE_BEFORE, size=9)
    return doc.build()
