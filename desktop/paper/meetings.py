"""Meeting paper: 党员积分纪实管理记录表 of an activity, the attendance summary of a period,
and the notices of the reminder ladder (提醒通知书 / 警戒书). Plain data in, PDF out."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from desktop.paper.layout import (
    Blank,
    Column,
    Output,
    PaperDocument,
    SpanRow,
    cn_date,
    write_keeping_rows,
)

RECORD_COLUMNS = (
    Column("序号", 10),
    Column("姓名", 22),
    Column("党小组", 22),
    Column("参加情况", 19),
    Column("积分", 16),
    Column("说明", None, "left"),
)
SUMMARY_COLUMNS = (
    Column("序号", 11),
    Column("姓名", 24),
    Column("党小组", 26),
    Column("应参加", 15),
    Column("出席", 13),
    Column("补录", 13),
    Column("因公请假", 17),
    Column("因私请假", 17),
    Column("无故缺席", 17),
    Column("参加率", 16),
    Column("备注", None, "left"),
)


def _t(d: Mapping[str, Any], key: str) -> str:
    value = d.get(key)
    return "" if value is None else str(value)


def write_activity_record(
    out: Output,
    branch: Mapping[str, Any],
    activity: Mapping[str, Any],
    rows: Sequence[Mapping[str, Any]],
    *,
    exempt: Sequence[Mapping[str, Any]] = (),
    scheme_title: str = "",
    footnotes: Sequence[str] = (),
    printed_on: str = "",
    invariant: bool = False,
) -> int:
    """党员积分纪实管理记录表 of one activity; return the page count.

    footnotes: what the 积分 column means for this scheme (printed under the table; without
    them a one-line default).

    activity: type, topic, date, place, host, recorder, minutes, decisions.
    rows: in print order, each name, group, status (参加情况), points (text, e.g. "-1" or ""),
    note (说明: the reason, witnesses, host organisation).
    """
    kind = _t(activity, "type")
    name = _t(branch, "name")
    title = f"党员积分纪实管理记录表（{kind}）" if kind else "党员积分纪实管理记录表"
    doc = PaperDocument(
        out,
        title=title,
        subtitle=name,
        running_header=f"{title}　{cn_date(_t(activity, 'date'))}",
        author=name,
        invariant=invariant,
    )
    doc.fields([("主题", _t(activity, "topic"))], per_row=1)
    doc.fields(
        [
            ("时间", cn_date(_t(activity, "date"))),
            ("地点", _t(activity, "place")),
            ("主持人", _t(activity, "host")),
            ("记录人", _t(activity, "recorder")),
        ],
        per_row=2,
    )
    present = sum(1 for r in rows if r.get("status") in ("出席", "补录"))
    leave = sum(1 for r in rows if r.get("status") in ("因公请假", "因私请假"))
    absent = sum(1 for r in rows if r.get("status") == "无故缺席")
    gap = "　　"
    doc.fill_line(
        ("应到：", Blank(12, str(len(rows))), "人", gap),
        ("实到：", Blank(12, str(present)), "人", gap),
        ("请假：", Blank(12, str(leave)), "人", gap),
        ("缺席：", Blank(12, str(absent)), "人"),
    )
    doc.spacer(2)
    table: list[Any] = [
        [
            str(i),
            _t(r, "name"),
            _t(r, "group"),
            _t(r, "status") or "未登记",
            _t(r, "points"),
            _t(r, "note"),
        ]
        for i, r in enumerate(rows, start=1)
    ]
    if not rows:
        table.append(SpanRow("（尚未登记签到）", align="center", shaded=False))
    if exempt:
        table.append(SpanRow("不参加积分管理的党员（不计入应到人数）"))
        table.extend(
            [str(i), _t(m, "name"), _t(m, "group"), "免考", "", _t(m, "reason")]
            for i, m in enumerate(exempt, start=1)
        )
    doc.table(RECORD_COLUMNS, table, size=10.5)
    if scheme_title or footnotes:
        doc.spacer(1.5)
        notes = list(footnotes) or ["“积分”栏为本次活动按方案计入的分值。"]
        first = f"积分依据：{scheme_title}。" if scheme_title else ""
        for n, note in enumerate(notes):
            doc.paragraph((first if n == 0 else "") + note, size=9)
    for label, key in (("会议内容", "minutes"), ("决定事项", "decisions")):
        text = _t(activity, key)
        doc.heading(label, size=12, keep_mm=15)
        if text:
            doc.paragraph(text, size=11)
        else:  # not typed in the book: lines to write on at the meeting
            doc.ruled_lines(6 if key == "minutes" else 3)
    doc.signature_lines(["记录人", "支部书记"])
    if printed_on:
        doc.paragraph(f"打印日期：{cn_date(printed_on)}", size=9, align="right")
    return doc.build()


def attendance_rate(took_part: int, expected: int) -> str:
    """参加率 to one decimal, rounded half up (15 of 19 is 78.9%, not a truncated 78%)."""
    if not expected:
        return "—"
    rate = (Decimal(took_part * 100) / expected).quantize(Decimal("0.1"), ROUND_HALF_UP)
    return f"{rate}%"


def write_attendance_summary(
    out: Output,
    branch: Mapping[str, Any],
    period_label: str,
    rows: Sequence[Mapping[str, Any]],
    *,
    activity_count: int,
    printed_on: str,
    invariant: bool = False,
    notes: Sequence[str] = (),
) -> int:
    """参加组织生活情况统计表: one line per member for a period (landscape); page count.

    rows: name, group, expected, 出席, 补录, 因公请假, 因私请假, 无故缺席 (ints), note.
    """
    name = _t(branch, "name")
    title = "党员参加组织生活情况统计表"
    table: list[Any] = []
    for i, r in enumerate(rows, start=1):
        expected = int(r.get("expected") or 0)
        took_part = int(r.get("出席") or 0) + int(r.get("补录") or 0)
        rate = attendance_rate(took_part, expected)
        table.append(
            [
                str(i),
                _t(r, "name"),
                _t(r, "group"),
                str(expected),
                str(r.get("出席") or 0),
                str(r.get("补录") or 0),
                str(r.get("因公请假") or 0),
                str(r.get("因私请假") or 0),
                str(r.get("无故缺席") or 0),
                rate,
                _t(r, "note"),
            ]
        )
    if not activity_count:  # said so, not an empty table that reads as all present
        table = [
            SpanRow(
                f"本期（{period_label}）支部没有开展（登记）会议活动。",
                align="center",
                shaded=False,
            )
        ]
    elif not rows:
        table.append(SpanRow("（本期没有签到记录）", align="center", shaded=False))

    def layout(target: Output, keep: int, pages: dict[str, int]) -> int:
        doc = PaperDocument(
            target,
            title=title,
            subtitle=f"{name}　　{period_label}　　共开展活动 {activity_count} 次",
            landscape=True,
            running_header=f"{title}　{period_label}",
            author=name,
            invariant=invariant,
        )
        doc.table(SUMMARY_COLUMNS, table, size=10.5, zebra=True, keep_last=keep)
        # The note, signatures and issuer never stand on a page without rows.
        with doc.closing_block(pages):
            doc.spacer(1.5)
            doc.paragraph(
                "说明：“应参加”为本期该党员在册期间应参加的活动次数；"
                "参加率 =（出席 + 补录）÷ 应参加。",
                size=9,
            )
            for note in notes:
                doc.paragraph(note, size=9)
            doc.signature_lines(["制表人", "支部书记"])
            doc.issuer(name, printed_on, seal_room=10)
        return doc.build()

    return write_keeping_rows(out, layout)


NOTICE_TITLES = {"提醒": "党员参加组织生活提醒通知书", "警戒书": "警　戒　书"}


def write_notice(
    out: Output,
    branch: Mapping[str, Any],
    notice: Mapping[str, Any],
    *,
    invariant: bool = False,
) -> int:
    """A notice of the reminder ladder to one member, with a receipt stub; page count.

    notice: kind (提醒 / 警戒书), name, date (issued), reason, absences (list of text lines,
    the unexcused absences of the year so far).
    """
    kind = _t(notice, "kind")
    branch_name = _t(branch, "name")
    title = NOTICE_TITLES.get(kind, kind)
    doc = PaperDocument(
        out, title=title, running_header="", author=branch_name, invariant=invariant
    )
    if _t(notice, "doc_no"):  # the 文号, under the title (GB/T 9704)
        doc.paragraph(_t(notice, "doc_no"), size=14, font="fang", align="center", space_after=4)
    doc.paragraph(f"{_t(notice, 'name')}同志：", size=16, font="fang", space_after=2)
    absences = list(notice.get("absences") or [])
    if kind == "警戒书":
        body = (
            f"经查，你本年度已{len(absences) or 2}次无正当理由不参加党支部组织的组织生活"
            "（见下列记录）。根据《中国共产党章程》和本支部党员积分制管理的有关规定，"
            "党员无正当理由连续6个月不参加党的组织生活，或不交纳党费，或不做党所分配的工作，"
            "就被认为是自行脱党。现对你提出警戒，望你端正态度、认真反思，今后按时参加支部的"
            "各项组织生活；确有困难的，请事先向支部请假并说明理由。"
        )
    else:
        body = (
            f"你于{_t(notice, 'reason')}。参加党的组织生活是党员应尽的义务，现予以提醒，"
            "请你今后按时参加支部组织的“三会一课”、主题党日等活动；确有困难不能参加的，"
            "请事先向支部或党小组请假并说明理由。"
        )
    doc.paragraph(body, size=16, font="fang", indent=True, space_after=3)
    if absences:
        doc.paragraph("本年度无故缺席记录：", size=14, font="fang")
        for line in absences:
            doc.paragraph(f"　　{line}", size=14, font="fang")
    doc.issuer(branch_name, _t(notice, "date"), seal_room=18, size=16)
    doc.spacer(10)
    doc.paragraph("—" * 30 + "（沿此线剪开，回执交党支部存档）", size=9, align="center")
    doc.spacer(3)
    doc.paragraph(
        f"回　执：{title.replace('　', '')}（{cn_date(_t(notice, 'date'))}）已收到。", size=14
    )
    doc.fill_line(
        ("党员签收：", Blank(40), "　　"),
        ("日期：", Blank(16), "年", Blank(9), "月", Blank(9), "日"),
    )
    return doc.build()
