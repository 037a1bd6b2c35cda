"""The quarter's paper: 党员积分公示 (publicity notice), 季度积分管理审核表, 附加积分明细表 and
each member's 党员积分考核管理登记表. Plain data in (see desktop/book/quarter_print.py), PDF out.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from desktop.paper.layout import (
    Column,
    Output,
    PaperDocument,
    Row,
    SpanRow,
    cn_date,
    write_keeping_rows,
)


def _subtitle(data: Mapping[str, Any], extra: str = "") -> str:
    parts = [f"党组织：{data['branch']}", data["period"]]
    if extra:
        parts.append(extra)
    return "　　".join(p for p in parts if p)


def _check_lines(doc: PaperDocument, data: Mapping[str, Any], *, reprint: bool = False) -> None:
    """A confirmed period's confirmation and its check code (the township desk checks it)."""
    this = data.get("this", "本季度")  # 本月 / 本半年 for a scheme reviewed so
    if data.get("confirmed_at"):
        confirmed = cn_date(data["confirmed_at"][:10])
        if reprint and data.get("reprinted_on"):
            doc.paragraph(
                f"本表为原公示表于{cn_date(data['reprinted_on'])}重印；{this}积分已于{confirmed}"
                "经支部委员会确认，确认后不可更改。",
                size=10.5,
            )
        else:
            doc.paragraph(f"{this}积分已于{confirmed}经支部委员会确认，确认后不可更改。", size=10.5)
    if data.get("check_code"):
        doc.paragraph(f"核验码：{data['check_code']}", size=10.5)


def _score_columns(
    data: Mapping[str, Any], total: str, between: Sequence[Column], after: Sequence[Column]
) -> list[Column]:
    """序号 姓名 党小组 | quarter sections | 本季度合计 … | year-only sections | 年度积分 …"""
    cols = [Column("序号", 10), Column("姓名", 20), Column("党小组", 24)]
    cols += [Column(name, None) for name in data["sections"]]
    cols.append(Column(total, 20))
    cols += list(between)
    cols += [Column(name, 18) for name in data.get("yearly_sections", [])]
    cols.append(Column(data.get("ytd_title", "年度积分"), 25))
    return cols + list(after)


def write_publicity(out: Output, data: Mapping[str, Any], *, invariant: bool = False) -> int:
    """党员积分公示: each member's section scores and total, the dates, where to object."""
    cols = _score_columns(data, data.get("total_title", "本季度合计"), [], [])
    rows: list[Row] = [
        [
            str(i),
            m["name"],
            m["group"],
            *m["sections"],
            m["total"],
            *m.get("yearly", []),
            m["ytd_total"],
        ]
        for i, m in enumerate(data["members"], start=1)
    ]
    if not rows:
        rows.append(SpanRow("（无参加积分的党员）", align="center", shaded=False))

    def layout(target: Output, keep: int, pages: dict[str, int]) -> int:
        doc = PaperDocument(
            target,
            title=f"{data['branch']}{data['period']}党员积分公示",
            subtitle=_subtitle(data),
            landscape=True,
            author=data["branch"],
            invariant=invariant,
        )
        doc.paragraph(
            f"按照{data['scheme_title']}，经党小组初评、支部委员会审定，现将{data['period']}"
            f"党员积分情况予以公示。公示期为{cn_date(data['publicity_start'])}至"
            f"{cn_date(data['publicity_end'])}（{data['publicity_rule']}）。"
            f"公示期间，党员和群众如有异议，请向{data['contact']}反映。",
            size=12,
            font="fang",  # the notice's body: 仿宋 where the machine has it
            indent=True,
            space_after=2,
        )
        for note in data.get("reissues", []):
            doc.paragraph(f"【重新公示】{note}", size=12, font="hei", space_after=1)
        doc.table(cols, rows, size=10.5, zebra=True, keep_last=keep)
        # The count, check values and issuer never stand on a page without rows.
        with doc.closing_block(pages):
            doc.spacer(2)
            doc.paragraph(
                f"统计截至{cn_date(data['as_of'])}。共 {len(data['members'])} 人。", size=10.5
            )
            if data.get("ytd_note"):
                doc.paragraph(data["ytd_note"], size=10.5)
            if data.get("no_meetings"):
                doc.paragraph(data["no_meetings"], size=10.5)
            if data.get("late_entry"):
                doc.paragraph(data["late_entry"], size=10.5)
            _check_lines(doc, data, reprint=True)
            doc.issuer(data["branch"], data["issued_on"], seal_room=12)
        return doc.build()

    return write_keeping_rows(out, layout)


def write_quarter_review(out: Output, data: Mapping[str, Any], *, invariant: bool = False) -> int:
    """季度积分管理审核表: the committee's sheet, with rank, change and signatures."""
    cols = _score_columns(
        data,
        data.get("total_title", "本季度合计"),
        [Column("排名", 11), Column(data.get("change_title", "较上季"), 14)],
        [Column("备注", 40, "left")],
    )
    rows: list[Row] = [
        [
            str(i),
            m["name"],
            m["group"],
            *m["sections"],
            m["total"],
            str(m["rank"]),
            m["change"],
            *m.get("yearly", []),
            m["ytd_total"],
            m["note"],
        ]
        for i, m in enumerate(data["members"], start=1)
    ]
    if not rows:
        rows.append(SpanRow("（无参加积分的党员）", align="center", shaded=False))

    def layout(target: Output, keep: int, pages: dict[str, int]) -> int:
        doc = PaperDocument(
            target,
            title=data.get("sheet_title", "季度积分管理审核表"),
            subtitle=_subtitle(data),
            landscape=True,
            author=data["branch"],
            invariant=invariant,
        )
        doc.table(cols, rows, size=9.5, zebra=True, keep_last=keep)
        # The summary, check code and signatures never stand on a page without rows.
        with doc.closing_block(pages):
            doc.spacer(2)
            for line in data["summary"]:
                doc.paragraph(line, size=10.5)
            if data.get("no_meetings"):
                doc.paragraph(data["no_meetings"], size=10.5)
            if data.get("ytd_note"):
                doc.paragraph(data["ytd_note"], size=10.5)
            _check_lines(doc, data)
            # No issuer block: the branch is in the subtitle, and the signatures date it.
            doc.signature_lines(["制表人", "党小组长", "支部书记"], size=11, space_before=3)
            # The sheet goes up for review: the township writes its opinion on it.
            doc.opinion_box("乡镇（街道）党委审核意见：")
        return doc.build()

    return write_keeping_rows(out, layout)


def write_bonus_details(out: Output, data: Mapping[str, Any], *, invariant: bool = False) -> int:
    """附加积分明细表: every claim of the period with its steps."""
    cols = [
        Column("序号", 10),
        Column("姓名", 20),
        Column("日期", 22),
        Column("项目", 30),
        Column("分值", 13),
        Column("事由及佐证", None, "left"),
        Column("初评", 30, "left"),
        Column("审定", 30, "left"),
        Column("状态", 14),
    ]
    rows: list[Row] = [
        [
            str(i),
            c["name"],
            c["date"],
            c["item_name"],
            c["points"],
            c["reason_text"],
            c["review_text"],
            c["approve_text"],
            c["status"],
        ]
        for i, c in enumerate(data["claims"], start=1)
    ]
    if not rows:
        rows.append(SpanRow("（本期没有积分申报）", align="center", shaded=False))

    def layout(target: Output, keep: int, pages: dict[str, int]) -> int:
        doc = PaperDocument(
            target,
            title="附加积分明细表",
            subtitle=_subtitle(data),
            landscape=True,
            author=data["branch"],
            invariant=invariant,
        )
        doc.table(cols, rows, size=10, zebra=True, keep_last=keep)
        # The totals, signatures and issuer never stand on a page without rows.
        with doc.closing_block(pages):
            doc.spacer(2)
            doc.paragraph(data["totals"], size=10.5)
            doc.signature_lines(["积分管理员", "支部书记"], size=11)
            doc.issuer(data["branch"], data["printed_on"], seal_room=8, size=12)
        return doc.build()

    return write_keeping_rows(out, layout)


def write_member_register(out: Output, data: Mapping[str, Any], *, invariant: bool = False) -> int:
    """党员积分考核管理登记表: one member's dated entries, with signature columns."""
    m = data["member"]
    cols = [
        Column("登记日期", 22),
        Column("积分项目", 26),
        Column("事由", None, "left"),
        Column("分值", 13),
        Column("管理员签字", 19),
        Column("书记签字", 17),
    ]
    rows: list[Row] = []
    for section in data["sections"]:
        rows.append(SpanRow(f"{section['name']}　{section['points']} 分"))
        for e in section["entries"]:
            rows.append([e["date"], e["rule"], e["fact"], e["points"], "", ""])
    if not rows:
        rows.append(SpanRow("（本年度暂无积分记录）", align="center", shaded=False))
    q_cols = [
        Column("季度", 30),
        Column("积分", 25),
        Column("状态", 25),
        Column("说明", None, "left"),
    ]

    def layout(target: Output, keep: int, pages: dict[str, Any]) -> int:
        doc = PaperDocument(
            target,
            title="党员积分考核管理登记表",
            subtitle=_subtitle(data),
            author=data["branch"],
            invariant=invariant,
        )
        doc.fields(
            [
                ("姓名", m["name"]),
                ("编号", m["code"]),
                ("党小组", m["group"]),
                ("人员类别", m["status"]),
            ],
            per_row=2,
        )
        doc.table(cols, rows, size=10, min_row_height=7, keep_last=keep)
        # The quarters, the year's points and the signatures never stand on a page
        # without entry rows.
        with doc.closing_block(pages):
            doc.heading("各季度积分", size=13, keep_mm=30)
            doc.table(
                q_cols,
                [[q["label"], q["total"], q["state"], q["note"]] for q in data["quarters"]],
                size=10.5,
            )
            doc.spacer(2)
            doc.paragraph(f"年度积分（截至{cn_date(data['as_of'])}）：{data['total']} 分", size=12)
            for flag in data["flags"]:
                doc.paragraph(f"※ {flag}", size=10.5)
            ex = data.get("exchanges")
            if ex:  # 积分兑换 (社区): beside the points, never changing them
                doc.heading("积分兑换（兑换不改变积分）", size=13, keep_mm=30)
                if ex["rows"]:
                    doc.table(
                        [
                            Column("日期", 24),
                            Column("兑换内容", None, "left"),
                            Column("分值", 15),
                            Column("经办人", 22),
                            Column("备注", 30, "left"),
                        ],
                        ex["rows"],
                        size=10,
                    )
                doc.paragraph(
                    f"已兑换 {ex['redeemed']} 分，可兑换 {ex['left']} 分（积分在记分周期内有效，"
                    "实行年度清零）。",
                    size=10.5,
                )
            if data.get("check_code"):
                doc.paragraph(f"核验码：{data['check_code']}", size=10.5)
            doc.signature_lines(["积分管理员", "支部书记"], size=11)
        return doc.build()

    return write_keeping_rows(out, layout)
