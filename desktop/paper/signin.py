"""签到表: the sign-in sheet printed before a meeting and signed by hand.

One rule for what it shows: printed before the sign-in is recorded it is blank (请假类型 and
实到/请假/缺席 filled in by hand); printed after, it shows every recorded status in 签到情况
(出席, 因公请假, 因私请假, 无故缺席, 补录) and the counts. The footnote says which.
"""

from __future__ import annotations

import io
import math
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from reportlab.lib.units import mm

from desktop.paper.layout import (
    KEEP_ROWS,
    MEASURE,
    REPEATED_TITLE_HEIGHT,
    ROOM,
    SECTION_SPACE_BEFORE,
    Blank,
    Column,
    Margins,
    Output,
    PageMark,
    PaperDocument,
    cn_date,
    write_bytes,
)

# A form filled in at the meeting, not an official letter: narrower margins than GB/T 9704's
# 37/35/28/26 mm give it 253 mm of rows, so a branch of a dozen fits one page with its
# 列席 rows and signatures. The binding side stays the widest; the page number and the
# running header still sit in the margins, ~10 mm from the edge.
SIGNIN_MARGINS = Margins(top=22, bottom=22, left=28, right=20)
# 162 mm across; 签名 takes what the others leave (~50 mm).
SIGNIN_COLUMNS = (
    Column("序号", 10),
    Column("姓名", 24),
    Column("党小组", 30),
    Column("签名", None),
    Column("请假类型", 20),
    Column("备注", 28),
)
# Two records per row: 81 mm a half, so 党小组 and 备注 give way.
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
    Column("党小组", 30),
    Column("原因", None, "left"),
)
ROW_HEIGHT_MM = 8.5  # room to sign by hand; 28 rows on a continuation page
MIN_GUEST_ROWS = 2  # 列席 rows give way to this before the signatures take a page alone
LEAVE_HEADER = "请假类型"  # before the meeting: filled in by hand
STATUS_HEADER = "签到情况"  # after: every recorded status
# What the note under the sheet tells the people signing it, in their words (it said when the
# program printed it: 「本表在签到登记前打印」, program talk, issue 15 item 24).
NOTE_BEFORE = "注：请假的党员由记录人在“请假类型”栏注明因公或因私请假；未到且未请假的注明缺席。"
NOTE_AFTER = "注：“签到情况”和人数按支部登记的签到记录填写。"


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

    The 列席 rows and the signatures never start a page without member rows: first the
    blank 列席 rows give way (down to MIN_GUEST_ROWS), and when that does not bring them back
    the last KEEP_ROWS member rows go to the next page with them.
    """

    def attempt(target: Output, guests: int, keep: int) -> tuple[int, dict[str, Any]]:
        pages: dict[str, Any] = {}
        count = _layout(
            target, branch, activity, members, guests, two_columns, exempt, invariant, keep, pages
        )
        return count, pages

    def alone(pages: dict[str, Any]) -> bool:
        return pages["signatures"] > pages["members"]

    # One measuring pass (no drawing, no PDF) decides; the sheet is then built once. It says
    # where the members end, the room left there and how tall the 列席 rows and signatures
    # are (measured at the top of a page, where their heading repeats the title, which it
    # does not mid-page); each blank 列席 row is one ROW_HEIGHT_MM, so the rows that must
    # give way follow. The build reuses the measured document: only the closing block is
    # composed again when 列席 rows give way. Only if the built sheet still leaves the
    # signatures alone (an estimate off by a rounding) is it built again, with member rows
    # moved over.
    pages: dict[str, Any] = {}
    doc = _compose(MEASURE, branch, activity, members, two_columns, exempt, invariant, 0, pages)
    body = len(doc.story)
    _compose_end(doc, activity, guests_blank_rows, pages)
    doc.build()
    guests, keep = guests_blank_rows, 0
    if alone(pages):
        keep = KEEP_ROWS
        if pages["guests"] == pages["members"]:  # else the 免考 list moved over as well
            block = (
                pages["signatures" + ROOM]
                - pages["end" + ROOM]
                - REPEATED_TITLE_HEIGHT
                + SECTION_SPACE_BEFORE
            )
            short = block - pages["guests" + ROOM]
            fewer = max(1, math.ceil(short / (ROW_HEIGHT_MM * mm) - 1e-6))
            if guests_blank_rows - fewer >= min(guests_blank_rows, MIN_GUEST_ROWS):
                guests, keep = guests_blank_rows - fewer, 0
    buffer = io.BytesIO()
    if keep:
        count, pages = attempt(buffer, guests, keep)
    else:
        if guests != guests_blank_rows:
            del doc.story[body:]
            _compose_end(doc, activity, guests, pages)
        count = doc.rebuild(buffer)
    if alone(pages) and not keep:
        buffer = io.BytesIO()
        count, pages = attempt(buffer, guests_blank_rows, KEEP_ROWS)
    write_bytes(out, buffer.getvalue())
    return count


def _layout(
    out: Output,
    branch: Mapping[str, Any],
    activity: Mapping[str, Any],
    members: Sequence[Mapping[str, Any]],
    guests_blank_rows: int,
    two_columns: bool,
    exempt: Sequence[Mapping[str, Any]],
    invariant: bool,
    keep: int,
    pages: dict[str, int],
) -> int:
    """One layout; `keep` member rows (printed rows) start a new page with the signatures.
    `pages` gets the page of the last member row and of the signatures."""
    doc = _compose(out, branch, activity, members, two_columns, exempt, invariant, keep, pages)
    _compose_end(doc, activity, guests_blank_rows, pages)
    return doc.build()


def _compose(
    out: Output,
    branch: Mapping[str, Any],
    activity: Mapping[str, Any],
    members: Sequence[Mapping[str, Any]],
    two_columns: bool,
    exempt: Sequence[Mapping[str, Any]],
    invariant: bool,
    keep: int,
    pages: dict[str, int],
) -> PaperDocument:
    """Everything before the 列席 rows: heading fields, the members, the 免考 list."""
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
        margins=SIGNIN_MARGINS,
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
        two_up = _columns(SIGNIN_COLUMNS_TWO_UP, bool(signed))
        # Two records a printed row: the rows kept back are whole pairs.
        split = 2 * ((len(rows) + 1) // 2 - keep)
        parts = [rows[:split], rows[split:]] if keep and split > 0 else [rows]
        for i, part in enumerate(parts):
            if i:
                doc.page_break()
            doc.two_up_table(two_up, part, size=10.5, min_row_height=ROW_HEIGHT_MM)
    else:
        rows = [
            [str(i), _text(m, "name"), _text(m, "group"), "", _text(m, state), _text(m, "note")]
            for i, m in enumerate(members, start=1)
        ]
        columns = _columns(SIGNIN_COLUMNS, bool(signed))
        split = len(rows) - keep
        parts = [rows[:split], rows[split:]] if keep and split > 0 else [rows]
        for i, part in enumerate(parts):
            if i:
                doc.page_break()
            doc.table(columns, part, size=11, min_row_height=ROW_HEIGHT_MM)
    doc.story.append(PageMark("members", pages))

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

    doc.story.append(PageMark("guests", pages))
    return doc


def _compose_end(
    doc: PaperDocument, activity: Mapping[str, Any], guests_blank_rows: int, pages: dict[str, int]
) -> None:
    """The 列席 rows, the signatures and the note, kept on one page."""
    signed = activity.get("signed") or None
    with doc.kept_together():
        doc.story.append(PageMark("signatures", pages))
        if guests_blank_rows > 0:
            doc.heading("列席人员签到", size=12, repeat_title=True)
            blank = [[""] * len(GUEST_COLUMNS) for _ in range(guests_blank_rows)]
            doc.table(GUEST_COLUMNS, blank, size=11, min_row_height=ROW_HEIGHT_MM)
        doc.signature_lines(["主持人", "记录人"], date=False, space_before=6)
        doc.spacer(1)
        doc.paragraph(NOTE_AFTER if signed else NOTE_BEFORE, size=9)
        if activity.get("guessed"):
            doc.paragraph(str(activity["guessed"]), size=9)
        doc.story.append(PageMark("end", pages))
