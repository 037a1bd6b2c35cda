"""Forms the plans call for beyond the registers: filled in from the book where it has the
facts, blank to fill by hand where it has not (plain data in, PDF out).

- 积分申报表 (a member's claim, with applicant, 党小组长 and 支委会 signatures);
- 年度活动计划（行事历）;
- 民主评议测评票 (党员 / 群众代表) and the blank 计票汇总表;
- 异议登记答复表 (one per objection, or blank);
- 一票否决决定书 (one per decision);
- 党费上缴登记表 (each month's collection, what was passed up, when, to whom).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from desktop.paper.layout import (
    Blank,
    Column,
    Output,
    PaperDocument,
    Row,
    SpanRow,
    cn_date,
    write_keeping_rows,
)

GRADES = ("优秀", "合格", "基本合格", "不合格")


def _t(d: Mapping[str, Any], key: str) -> str:
    value = d.get(key)
    return "" if value is None else str(value)


def write_claim_form(
    out: Output, branch: Mapping[str, Any], claim: Mapping[str, Any], *, invariant: bool = False
) -> int:
    """积分申报表: filled with what `claim` holds (name, group, date, item, points, reason,
    evidence), blank lines where it holds nothing; the signatures are always by hand."""
    name = _t(branch, "name")
    doc = PaperDocument(
        out, title="党员积分申报表", subtitle=name, author=name, invariant=invariant
    )
    doc.fields(
        [
            ("姓名", _t(claim, "name")),
            ("党小组", _t(claim, "group")),
            ("申报日期", cn_date(_t(claim, "date"))),
            ("申报分值", _t(claim, "points")),
        ],
        per_row=2,
    )
    doc.fields([("申报项目", _t(claim, "item"))], per_row=1)
    doc.heading("事由及佐证材料", size=13, keep_mm=40)
    text = "；".join(p for p in (_t(claim, "reason"), _t(claim, "evidence")) if p)
    if text:
        doc.paragraph(text, size=12, indent=True, space_after=2)
    doc.ruled_lines(3 if text else 6)
    doc.signature_lines(["申报人"], size=12)
    for title, signer in (
        ("党小组初评意见", "党小组长"),
        ("支部委员会审定意见", "支部书记"),
    ):
        with doc.kept_together():
            doc.heading(title, size=13, keep_mm=30)
            doc.ruled_lines(2)
            doc.signature_lines([signer], size=12, space_before=3)
    doc.spacer(3)
    doc.paragraph(
        "说明：申报人填写事由并附佐证材料，党小组长初评，支部委员会审定后计入积分；"
        "审定结果在季度积分公示中公开。",
        size=10,
    )
    return doc.build()


PLAN_COLUMNS = (
    Column("月份", 14),
    Column("计划日期", 24),
    Column("活动类型", 26),
    Column("党小组", 26),
    Column("主题", None, "left"),
    Column("完成情况", 34, "left"),
)


def write_plan(
    out: Output,
    branch: Mapping[str, Any],
    year: int,
    items: Sequence[Mapping[str, Any]],
    *,
    printed_on: str,
    invariant: bool = False,
) -> int:
    """年度活动计划（行事历）: each planned item by month, with what was done (the activity
    that fulfilled it, or its state)."""
    name = _t(branch, "name")
    title = f"{year}年度党支部活动计划（行事历）"
    rows: list[Row] = []
    month = ""
    for it in items:
        m = f"{int(_t(it, 'due_date')[5:7])}月"
        done = _t(it, "activity_date")
        state = f"已开展（{cn_date(done)[5:]}）" if done else _t(it, "state_text")
        rows.append(
            [
                m if m != month else "",
                cn_date(_t(it, "due_date"))[5:] if _t(it, "due_date") else "",
                _t(it, "type"),
                _t(it, "group_name"),
                _t(it, "topic") or _t(it, "activity_topic"),
                state,
            ]
        )
        month = m
    if not rows:
        rows.append(SpanRow("（本年度还没有生成活动计划）", align="center", shaded=False))

    def layout(target: Output, keep: int, pages: dict[str, Any]) -> int:
        doc = PaperDocument(
            target,
            title=title,
            subtitle=f"党组织：{name}" if name else "",
            landscape=True,
            author=name,
            invariant=invariant,
        )
        doc.table(PLAN_COLUMNS, rows, size=10.5, zebra=True, keep_last=keep)
        with doc.closing_block(pages):
            doc.spacer(2)
            doc.paragraph(f"共 {len(items)} 项。", size=10.5)
            doc.signature_lines(["制表人", "支部书记"], size=11)
            doc.issuer(name, printed_on, seal_room=8, size=12)
        return doc.build()

    return write_keeping_rows(out, layout)


def write_ballot(
    out: Output,
    branch: Mapping[str, Any],
    year: int,
    members: Sequence[Mapping[str, Any]],
    *,
    public: bool = False,
    invariant: bool = False,
) -> int:
    """民主评议测评票 (blank): every member to be appraised with a box per grade, for the
    branch's members (党员评议) or for 群众代表 (群众评议). Ballots are not signed."""
    name = _t(branch, "name")
    who = "群众代表" if public else "党员"
    doc = PaperDocument(
        out,
        title=f"{year}年度民主评议党员测评票（{who}用）",
        subtitle=name,
        author=name,
        invariant=invariant,
    )
    doc.paragraph(
        "请在每名党员对应的等次栏内划“√”，每人只能选一个等次；多选或不选视为弃权。"
        "本票不记名，填好后投入票箱。",
        size=11,
        indent=True,
        space_after=2,
    )
    cols = [Column("序号", 12), Column("姓名", 28), Column("党小组", 34)]
    cols += [Column(g, None) for g in GRADES]
    rows: list[Row] = [
        [str(i), _t(m, "name"), _t(m, "group"), *([""] * len(GRADES))]
        for i, m in enumerate(members, start=1)
    ]
    if not rows:
        rows.append(SpanRow("（没有参加评议的党员）", align="center", shaded=False))
    doc.table(cols, rows, size=11, min_row_height=8)
    doc.spacer(4)
    doc.fill_line(("评议日期：", Blank(16), "年", Blank(9), "月", Blank(9), "日"))
    return doc.build()


def write_tally_sheet(
    out: Output,
    branch: Mapping[str, Any],
    year: int,
    members: Sequence[Mapping[str, Any]],
    *,
    invariant: bool = False,
) -> int:
    """民主评议计票汇总表 (blank): votes per grade for each member, 党员 and 群众代表 apart,
    with 计票人/监票人 signatures. The tallies are entered in the book afterwards."""
    name = _t(branch, "name")
    cols = [Column("序号", 10), Column("姓名", 20)]
    cols += [Column(f"党员\n{g}", None) for g in GRADES]
    cols += [Column(f"群众\n{g}", None) for g in GRADES]
    cols += [Column("评议等次", 20)]
    rows: list[Row] = [
        [str(i), _t(m, "name"), *([""] * (2 * len(GRADES) + 1))]
        for i, m in enumerate(members, start=1)
    ]

    def layout(target: Output, keep: int, pages: dict[str, Any]) -> int:
        doc = PaperDocument(
            target,
            title=f"{year}年度民主评议党员计票汇总表",
            subtitle=name,
            landscape=True,
            author=name,
            invariant=invariant,
        )
        doc.fill_line(
            ("发出票数：党员", Blank(14), "张　群众代表", Blank(14), "张　　"),
            ("收回票数：党员", Blank(14), "张　群众代表", Blank(14), "张　　"),
            ("有效票：", Blank(14), "张"),
        )
        doc.table(cols, rows, size=10.5, min_row_height=7.5, keep_last=keep)
        with doc.closing_block(pages):
            doc.signature_lines(["计票人", "监票人", "支部书记"], size=11)
        return doc.build()

    return write_keeping_rows(out, layout)


def write_objection_forms(
    out: Output,
    branch: Mapping[str, Any],
    period: str,
    objections: Sequence[Mapping[str, Any]],
    *,
    invariant: bool = False,
) -> int:
    """异议登记答复表: one page per objection (filled from the book), or one blank form."""
    name = _t(branch, "name")
    doc = PaperDocument(
        out,
        title="积分公示异议登记答复表",
        subtitle=name,
        running_header="",
        author=name,
        invariant=invariant,
    )
    forms = list(objections) or [{}]
    for n, o in enumerate(forms):
        if n:
            doc.new_section()
            doc.paragraph("积分公示异议登记答复表", size=22, align="center", font="hei")
            doc.paragraph(name, size=12, align="center", space_after=4)
        doc.fields(
            [
                ("公示期次", period),
                ("登记编号", _t(o, "id")),
                ("提出人", _t(o, "raised_by")),
                ("提出日期", cn_date(_t(o, "raised_on"))),
                ("涉及党员", _t(o, "name")),
                ("登记人", ""),
            ],
            per_row=2,
        )
        for title, key, lines in (
            ("异议内容", "content", 4),
            ("核实情况", "finding", 3),
            ("处理结果", "result", 2),
        ):
            doc.heading(title, size=13, keep_mm=25)
            text = _t(o, key)
            if text:
                doc.paragraph(text, size=12, indent=True)
            else:
                doc.ruled_lines(lines)
        doc.fields(
            [("告知本人日期", cn_date(_t(o, "told_on"))), ("答复人", _t(o, "answered_by"))],
            per_row=2,
        )
        doc.signature_lines(["异议人", "支部书记"], size=12)
    return doc.build()


def write_veto_decisions(
    out: Output,
    branch: Mapping[str, Any],
    decisions: Sequence[Mapping[str, Any]],
    *,
    effect: str,
    invariant: bool = False,
) -> int:
    """一票否决决定书: one page per decision (member, date, reason, decided by, effect)."""
    name = _t(branch, "name")
    doc = PaperDocument(
        out,
        title="一票否决决定书",
        subtitle=name,
        running_header="",
        author=name,
        invariant=invariant,
    )
    for n, d in enumerate(decisions):
        if n:
            doc.new_section()
            doc.paragraph("一票否决决定书", size=22, align="center", font="hei")
            doc.paragraph(name, size=12, align="center", space_after=4)
        doc.paragraph(f"{_t(d, 'name')}同志：", size=16, font="fang", space_after=2)
        doc.paragraph(
            f"经查，你于{cn_date(_t(d, 'date'))}{_t(d, 'reason')}。根据本支部党员积分管理办法"
            f"关于一票否决的规定，经{_t(d, 'decided_by') or '支部委员会'}研究决定，"
            f"对你{d.get('year') or _t(d, 'date')[:4]}年度积分评定实行一票否决：{effect}。",
            size=16,
            font="fang",
            indent=True,
            space_after=2,
        )
        doc.paragraph(
            "如对本决定有异议，可在收到本决定书之日起十日内向党支部提出，或向上级党组织反映。",
            size=16,
            font="fang",
            indent=True,
        )
        doc.issuer(name, _t(d, "date"), seal_room=16, size=16)
        doc.spacer(8)
        doc.fill_line(
            ("本人签收：", Blank(40), "　　"),
            ("日期：", Blank(16), "年", Blank(9), "月", Blank(9), "日"),
        )
    if not decisions:
        doc.paragraph("本年度没有一票否决的决定。", size=14, font="fang")
    return doc.build()


REMITTANCE_COLUMNS = (
    Column("月份", 16),
    Column("应收（元）", 24, "right"),
    Column("实收（元）", 24, "right"),
    Column("上缴金额（元）", 28, "right"),
    Column("上缴日期", 28),
    Column("经手人", 24),
    Column("接收单位签收", None),
)


def write_dues_remittance(
    out: Output,
    branch: Mapping[str, Any],
    year: int,
    months: Sequence[Mapping[str, Any]],
    *,
    printed_on: str,
    invariant: bool = False,
) -> int:
    """党费上缴登记表: each month's collection from the register; what was passed up, when
    and to whom are written in by hand (the book does not keep remittances)."""
    name = _t(branch, "name")
    rows: list[Row] = [
        [_t(m, "label"), _t(m, "due"), _t(m, "paid"), "", "", "", ""] for m in months
    ]

    def layout(target: Output, keep: int, pages: dict[str, Any]) -> int:
        doc = PaperDocument(
            target,
            title=f"{year}年度党费上缴登记表",
            subtitle=f"党组织：{name}" if name else "",
            landscape=True,
            author=name,
            invariant=invariant,
        )
        doc.table(REMITTANCE_COLUMNS, rows, size=10.5, min_row_height=7, keep_last=keep)
        with doc.closing_block(pages):
            doc.spacer(2)
            doc.paragraph(
                "说明：应收、实收取自党费收缴台账；党费按规定及时足额上缴，"
                "一次性自愿多交1000元以上的全额上缴。",
                size=10,
            )
            doc.signature_lines(["收款人", "组织委员", "支部书记"], size=11)
            doc.issuer(name, printed_on, seal_room=8, size=12)
        return doc.build()

    return write_keeping_rows(out, layout)


OATH = (
    "我志愿加入中国共产党，拥护党的纲领，遵守党的章程，履行党员义务，执行党的决定，"
    "严守党的纪律，保守党的秘密，对党忠诚，积极工作，为共产主义奋斗终身，"
    "随时准备为党和人民牺牲一切，永不叛党。"
)


def write_handbooks(
    out: Output,
    branch: Mapping[str, Any],
    year: int,
    books: Sequence[Mapping[str, Any]],
    *,
    invariant: bool = False,
) -> int:
    """党员积分手册: per member a cover, the 入党誓词, a personal page, the year's points with
    the facts they came from, and a quarter table to sign — one member or the whole branch
    in one PDF, each member's pages numbered on their own.

    books: {"member": {name, code, group, status, gender, joined_date, confirmed_date},
    "register": member_register_data(...)} per member.
    """
    name = _t(branch, "name")
    doc = PaperDocument(
        out,
        title=f"党员积分手册（{year}年度）",
        subtitle=name,
        running_header="",
        author=name,
        invariant=invariant,
    )
    entry_cols = [
        Column("日期", 22),
        Column("积分项目", 28),
        Column("事由", None, "left"),
        Column("分值", 14),
    ]
    sign_cols = [
        Column("季度", 22),
        Column("积分", 18),
        Column("状态", 30),
        Column("本人签字", None),
        Column("党小组长签字", None),
        Column("支部书记签字", None),
    ]
    for n, b in enumerate(books):
        m, reg = b["member"], b["register"]
        if n:
            doc.new_section()
            doc.paragraph(f"党员积分手册（{year}年度）", size=22, align="center", font="hei")
            doc.paragraph(name, size=12, align="center", space_after=4)
        doc.spacer(30)
        doc.paragraph(_t(m, "name"), size=26, align="center", font="hei", space_after=6)
        doc.paragraph(f"{_t(m, 'group')}　　{_t(m, 'status')}", size=14, align="center")
        doc.spacer(60)
        doc.paragraph(name, size=16, align="center")
        doc.paragraph(f"{year}年", size=16, align="center")
        doc.page_break()
        doc.paragraph("入党誓词", size=18, align="center", font="hei", space_after=6)
        doc.paragraph(OATH, size=16, font="fang", indent=True, space_after=10)
        doc.heading("个人信息", size=14, keep_mm=40)
        doc.fields(
            [
                ("姓名", _t(m, "name")),
                ("性别", _t(m, "gender")),
                ("党小组", _t(m, "group")),
                ("人员类别", _t(m, "status")),
                ("入党时间", cn_date(_t(m, "joined_date"))),
                ("转正时间", cn_date(_t(m, "confirmed_date"))),
            ],
            per_row=2,
        )
        doc.page_break()
        doc.heading(f"{year}年度积分记录", size=14, keep_mm=40)
        rows: list[Row] = []
        for section in reg["sections"]:
            rows.append(SpanRow(f"{section['name']}　{section['points']} 分"))
            rows += [[e["date"], e["rule"], e["fact"], e["points"]] for e in section["entries"]]
        if not rows:
            rows.append(SpanRow("（本年度暂无积分记录）", align="center", shaded=False))
        doc.table(entry_cols, rows, size=10)
        doc.paragraph(
            f"年度积分（截至{cn_date(reg['as_of'])}）：{reg['total']} 分", size=12, space_after=2
        )
        with doc.kept_together():
            doc.heading("各季度积分确认", size=14, keep_mm=40)
            doc.table(
                sign_cols,
                [[q["label"], q["total"], q["state"], "", "", ""] for q in reg["quarters"]],
                size=10.5,
                min_row_height=10,
            )
    if not books:
        doc.paragraph("没有参加积分管理的党员。", size=14)
    return doc.build()


RESULT_COLUMNS = (
    Column("序号", 10),
    Column("姓名", 20),
    Column("评议类型", 22),
    Column("轮次", 12),
    Column("优秀", 13),
    Column("合格", 13),
    Column("基本合格", 16),
    Column("不合格", 14),
    Column("参评人数", 16),
    Column("评议等次", 18),
    Column("说明", None, "left"),
)


def write_appraisal_results(
    out: Output,
    branch: Mapping[str, Any],
    year: int,
    results: Sequence[Mapping[str, Any]],
    *,
    printed_on: str,
    formula: str = "",
    invariant: bool = False,
) -> int:
    """民主评议结果登记表: each recorded result (党员评议 / 群众评议 / 自评 / 组织考评, by round)
    with its votes where a tally was entered, who graded it and when (`graded`: 自评 / 组织考评), the
    grade and how it follows; then each member's 综合评定 (rows with `combined`) with its sum,
    and `formula`, how the 综合评定 is formed, under the table."""
    name = _t(branch, "name")
    rows: list[Row] = []
    for i, r in enumerate(results, start=1):
        votes = r.get("votes") or {}
        rows.append(
            [
                str(i),
                _t(r, "name"),
                _t(r, "kind"),
                "" if r.get("combined") else f"第{_t(r, 'round') or 1}轮",
                *[str(votes[g]) if g in votes else "" for g in GRADES],
                _t(r, "voters"),
                _t(r, "grade"),
                _t(r, "explain") or _t(r, "graded") or ("" if votes else "直接登记等次"),
            ]
        )
    if not rows:
        rows.append(SpanRow("（本年度还没有登记民主评议结果）", align="center", shaded=False))

    def layout(target: Output, keep: int, pages: dict[str, Any]) -> int:
        doc = PaperDocument(
            target,
            title=f"{year}年度民主评议党员结果登记表",
            subtitle=f"党组织：{name}" if name else "",
            landscape=True,
            author=name,
            invariant=invariant,
        )
        doc.table(RESULT_COLUMNS, rows, size=10, zebra=True, keep_last=keep)
        with doc.closing_block(pages):
            doc.spacer(2)
            recorded = sum(1 for r in results if not r.get("combined"))
            doc.paragraph(f"共 {recorded} 条评议结果。", size=10.5)
            if formula:
                doc.paragraph(f"{formula}。", size=10.5)
            doc.signature_lines(["计票人", "监票人", "支部书记"], size=11)
            doc.issuer(name, printed_on, seal_room=8, size=12)
        return doc.build()

    return write_keeping_rows(out, layout)
