"""Party dues on paper: the year's register (党费收缴台账), the year-end public list
(党费收缴公示), reminder notices (党费催缴通知) and receipts (党费收据).

Plain data in (what `desktop.book.dues` returns, money in integer fen); never sees the book.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

from desktop.paper.layout import (
    Column,
    Margins,
    Output,
    PaperDocument,
    SpanRow,
    cn_date,
    para_text,
    write_keeping_rows,
)
from desktop.rules.dues import (
    UNKNOWN_TOTAL,
    UNSET_MARK,
    UNSET_NOTE,
    UNSET_RATE,
    capital_yuan,
    month_cn,
    months_text,
    receipt_ref_text,
    red_line_note,
    red_no_text,
    reversed_line_note,
    yuan,
)

MONTH_WIDTH = 13.5  # mm: "150.00" and a second line "欠15.00" fit at 9 pt


def _money(fen: int | None) -> str:
    return "" if fen is None else yuan(fen)


def _sum_cell(fen: int, rate_missing: bool | None) -> str:
    """A member's 应缴/实缴合计; "—" rather than 0.00 when no standard is set and nothing is
    known (0.00 would read as "owes nothing")."""
    return UNKNOWN_TOTAL if rate_missing and not fen else yuan(fen)


def paid_over_due(register: Mapping[str, Any]) -> str:
    """Why 实缴 exceeds 应缴, said under the register: months paid in advance (after the
    month the register counts to) and voluntary extra. "" when neither."""
    through = register["through"]
    ahead: dict[str, int] = {}
    extra: dict[str, int] = {}
    for r in register["rows"]:
        for month, c in r["months"].items():
            if month > through and c["paid_fen"] > 0:
                ahead[r["name"]] = ahead.get(r["name"], 0) + c["paid_fen"]
            elif c["paid_fen"] > c["due_fen"] > 0 or (c["paid_fen"] and not c["due_fen"]):
                extra[r["name"]] = extra.get(r["name"], 0) + c["paid_fen"] - c["due_fen"]
    parts = []
    if ahead:
        parts.append(
            f"预交{month_cn(through)}以后的党费 {yuan(sum(ahead.values()))} 元"
            f"（{len(ahead)} 人，已计入实缴，不计入应缴）"
        )
    if extra:
        names = "、".join(f"{n} {yuan(v)} 元" for n, v in list(extra.items())[:5])
        more = "等" if len(extra) > 5 else ""
        parts.append(f"自愿多交 {yuan(sum(extra.values()))} 元（{names}{more}）")
    if not parts:
        return ""
    return "实缴多于应缴的部分：" + "；".join(parts) + "。"


def register_cell(cell: Mapping[str, Any] | None, month: str, through: str) -> str:
    """One member-month of the register: the amount paid, "未缴" for an owed month with
    nothing paid, the shortfall on a second line for a part payment, blank when not owed."""
    if not cell:
        return ""
    due, paid = cell["due_fen"], cell["paid_fen"]
    if paid <= 0:
        return "未缴" if due > 0 and month <= through else ""
    if paid < due and month <= through:
        return f"{yuan(paid)}\n欠{yuan(due - paid)}"
    return yuan(paid)


def write_dues_register(
    out: Output,
    register: Mapping[str, Any],
    *,
    printed_on: str,
    invariant: bool = False,
) -> int:
    """The year's 党费收缴台账 (landscape): member × month, totals, the receipts, signatures.

    `register` is `desktop.book.dues.year_register(...)`.
    """
    branch = register["branch"]
    name = branch.get("name") or ""
    year = register["year"]
    months: list[str] = register["months"]
    through: str = register["through"]
    title = f"{year}年度党费收缴台账"
    judged = f"（统计至{month_cn(through)}）" if through < months[-1] else ""
    subtitle = "　　".join(
        p
        for p in (
            f"党组织：{name}" if name else "",
            f"上级党组织：{branch.get('parent_org')}" if branch.get("parent_org") else "",
            "单位：元" + judged,
            f"制表日期：{cn_date(printed_on)}",
        )
        if p
    )
    columns = [Column("序号", 9), Column("姓名", 18), Column("月标准", 14)]
    columns += [Column(f"{int(m[5:])}月", MONTH_WIDTH) for m in months]
    columns += [Column("应缴合计", 17), Column("实缴合计", 17), Column("欠缴", None)]
    rows: list[Any] = []
    for i, r in enumerate(register["rows"], start=1):
        label = r["name"] + ("（转出）" if r.get("left_date") else "")
        cells = [register_cell(r["months"].get(m), m, through) for m in months]
        rows.append(
            [
                str(i),
                label,
                UNSET_RATE
                if r.get("rate_missing") and r.get("rate_fen") is None
                else _money(r.get("rate_fen")),
                *cells,
                _sum_cell(r["due_fen"], r.get("rate_missing")),
                _sum_cell(r["paid_fen"], r.get("rate_missing")),
                "；".join(
                    part
                    for part in (
                        yuan(r["owed_fen"]) if r["owed_fen"] else "",
                        # Short, so the narrow column doesn't wrap; the note below explains.
                        UNSET_MARK if r.get("rate_missing") else "",
                    )
                    if part
                ),
            ]
        )
    totals = register["totals"]
    if rows:
        rows.append(
            [
                "",
                "合计",
                "",
                *[yuan(totals["by_month_paid"][m]) for m in months],
                yuan(totals["due_fen"]),
                yuan(totals["paid_fen"]),
                yuan(totals["owed_fen"]),
            ]
        )
    else:
        rows.append(SpanRow("（本年度没有党费记录）", align="center", shaded=False))
    receipts = register.get("receipts") or []
    owing = [r for r in register["rows"] if r["owed_fen"]]
    rcols = [
        Column("序号", 10),
        Column("收据号", 24),
        Column("缴纳日期", 24),
        Column("姓名", 20),
        Column("所属月份", 60, "left"),
        Column("金额", 22, "right"),
        Column("收款人", 20),
        Column("备注", None, "left"),
    ]
    rrows = []
    for i, rec in enumerate(receipts, start=1):
        note = []
        extra = rec["amount_fen"] - rec["due_fen"]
        if rec.get("reverses"):  # 红字: the negative line naming the receipt it reverses
            note.append(red_line_note(rec))
        elif extra > 0 and not rec.get("reversed_by"):
            note.append(f"自愿多交 {yuan(extra)} 元")
        if rec.get("passed_up_whole"):
            note.append("全额上缴")
        if rec.get("reversed_by"):
            note.append(reversed_line_note(rec))
        rrows.append(
            [
                str(i),
                rec["receipt_no"],
                rec["paid_date"],
                rec["member"],
                rec["months_text"],
                yuan(rec["amount_fen"]),
                rec["receiver"],
                "，".join(note),
            ]
        )
    if receipts:
        rrows.append(["", "", "", "合计", "", yuan(sum(r["amount_fen"] for r in receipts)), "", ""])

    def notes(doc: PaperDocument) -> None:
        doc.spacer(2)
        doc.paragraph(
            f"本年度应缴 {yuan(totals['due_fen'])} 元，实缴 {yuan(totals['paid_fen'])} 元，"
            f"欠缴 {yuan(totals['owed_fen'])} 元（{len(owing)} 人）；"
            f"开具收据 {len(receipts)} 张{_red_words(receipts)}，"
            f"收据合计 {yuan(sum(r['amount_fen'] for r in receipts))} 元。"
            "表中金额为该月实缴；“未缴”为该月应缴未缴，第二行“欠”为部分交纳后的欠缴数。",
            size=10.5,
        )
        why = paid_over_due(register)
        if why:
            doc.paragraph(why, size=10.5)
        if register.get("warning"):  # a missing standard: the totals above are not complete
            doc.paragraph(f"注意：{register['warning']}", size=10.5)
        if any(r.get("rate_missing") for r in register["rows"]):
            doc.paragraph(UNSET_NOTE, size=10.5)

    def layout(target: Output, keep: int, pages: dict[str, int]) -> int:
        doc = PaperDocument(
            target,
            title=title,
            subtitle=subtitle,
            landscape=True,
            running_header=f"{name}{title}",
            author=name,
            invariant=invariant,
        )
        # The signatures never start a page without rows of the table they close.
        if receipts:
            doc.table(columns, rows, size=9, zebra=True)
            notes(doc)
            doc.heading("收缴明细（按收据）", size=13)
            doc.table(rcols, rrows, size=9.5, zebra=True, keep_last=keep)
            with doc.closing_block(pages):
                doc.signature_lines(["收款人", "组织委员", "支部书记"])
        else:
            doc.table(columns, rows, size=9, zebra=True, keep_last=keep)
            with doc.closing_block(pages):
                notes(doc)
                doc.signature_lines(["收款人", "组织委员", "支部书记"])
        return doc.build()

    return write_keeping_rows(out, layout)


def _red_words(receipts: Sequence[Mapping[str, Any]]) -> str:
    red = [r for r in receipts if r.get("reverses")]
    if not red:
        return ""
    listed = {r.get("ref") or r["receipt_no"] for r in receipts}
    earlier = sum(1 for r in red if r["reverses"] not in listed)
    of_earlier = f"，{earlier} 张冲销的是以前年度的收据" if earlier else ""
    return f"（其中红字冲销收据 {len(red)} 张，金额为负{of_earlier}）"


def reversal_note(receipts: Sequence[Mapping[str, Any]]) -> str:
    """Under the 公示: the receipts reversed (红字冲销) this year, which its amounts leave out."""
    red = [r for r in receipts if r.get("reverses")]
    if not red:
        return ""
    items = "；".join(
        f"红字收据 {r['receipt_no']} 冲销{receipt_ref_text(r['reverses'])}（{r['member']} "
        f"{r.get('months_text') or months_text(list(r['months']))} {yuan(-r['amount_fen'])} 元，"
        f"{r.get('reason') or ''}）"
        for r in red
    )
    return f"本年度冲销登记有误的收据 {len(red)} 张：{items}。表中金额不含已冲销的收据。"


def write_dues_publicity(
    out: Output,
    register: Mapping[str, Any],
    *,
    printed_on: str,
    start: str,
    end: str,
    contact: str = "",
    invariant: bool = False,
) -> int:
    """The year-end public list 党费收缴公示 (portrait), with its period and where to object."""
    branch = register["branch"]
    name = branch.get("name") or ""
    year = register["year"]
    through = register["through"]
    doc = PaperDocument(
        out,
        title=f"{year}年度党费收缴情况公示",
        subtitle=name,
        running_header=f"{name}{year}年度党费收缴情况公示",
        author=name,
        invariant=invariant,
    )
    span = f"1月至{int(through[5:])}月" if through.startswith(str(year)) else "全年"
    doc.paragraph(
        "根据《中国共产党章程》和《关于中国共产党党费收缴、使用和管理的规定》，现将本支部"
        f"{year}年度（{span}）党员交纳党费情况公示如下：",
        size=14,
        font="fang",
        indent=True,
        space_after=2,
    )
    columns = [
        Column("序号", 10),
        Column("姓名", 22),
        Column("月缴标准", 18, "right"),
        Column("应缴", 19, "right"),
        Column("实缴", 19, "right"),
        Column("欠缴", 16, "right"),
        Column("备注", None, "left"),
    ]
    this_year = f"{year}年"
    rows: list[Any] = []
    for i, r in enumerate(register["rows"], start=1):
        note = []
        if r.get("left_date"):
            note.append(f"{r['left_date']} 转出")
        ar = r.get("arrears")
        if ar is not None and ar.months:
            note.append(f"欠{months_text(list(ar.months)).replace(this_year, '')}")
        ahead = [m for m, c in r["months"].items() if m > through and c["paid_fen"] > 0]
        if ahead:
            note.append(f"预交{months_text(ahead).replace(this_year, '')}")
        extra = sum(max(0, c["paid_fen"] - c["due_fen"]) for c in r["months"].values())
        if extra:
            note.append(f"自愿多交{yuan(extra)}元")
        missing = r.get("rate_missing")
        if missing:  # 0.00 due / 0.00 paid would read as "owes nothing": say why instead
            note.insert(0, "未定党费标准，应缴待定")
        rows.append(
            [
                str(i),
                r["name"],
                UNSET_RATE if missing and r.get("rate_fen") is None else _money(r.get("rate_fen")),
                _sum_cell(r["due_fen"], missing),
                _sum_cell(r["paid_fen"], missing),
                yuan(r["owed_fen"]) if r["owed_fen"] else "",
                "；".join(note),
            ]
        )
    t = register["totals"]
    rows.append(["", "合计", "", yuan(t["due_fen"]), yuan(t["paid_fen"]), yuan(t["owed_fen"]), ""])
    doc.table(columns, rows, size=10.5, zebra=True)
    doc.spacer(3)
    if any(r.get("rate_missing") for r in register["rows"]):
        doc.paragraph(UNSET_NOTE, size=10.5)
    red = reversal_note(register.get("receipts") or [])
    if red:
        doc.paragraph(red, size=10.5)
    where = f"（联系人：{contact}）" if contact else ""
    doc.paragraph(
        f"公示期：{cn_date(start)}至{cn_date(end)}。如对公示内容有异议，请在公示期内"
        f"向党支部{where}反映。单位：元。",
        size=14,
        font="fang",
        indent=True,
    )
    doc.issuer(name, printed_on)
    return doc.build()


def write_dues_reminders(
    out: Output,
    branch: Mapping[str, Any],
    reminders: Sequence[Mapping[str, Any]],
    *,
    printed_on: str,
    pay_by: str,
    receiver: str = "",
    invariant: bool = False,
) -> int:
    """党费催缴通知: one notice per member (one a page, with a tear-off 回执).

    Each reminder: name, months (list of "YYYY-MM"), owed_fen, and optionally run_length
    (consecutive unpaid months) for the six-month warning.
    """
    name = branch.get("name") or ""
    doc = PaperDocument(
        out,
        title="党费催缴通知",
        subtitle=name,
        running_header="",
        author=name,
        invariant=invariant,
    )
    if not reminders:
        doc.paragraph("目前没有欠缴党费的党员，不需要催缴通知。", size=14, font="fang")
    for n, r in enumerate(reminders):
        if n:
            doc.new_section()  # each member's notice numbered on its own
            doc.paragraph("党费催缴通知", size=22, align="center", font="hei", space_after=2)
            doc.paragraph(name, size=12, align="center", space_after=4)
        months = list(r["months"])
        if r.get("doc_no"):  # the 文号 of the recorded reminder, under the title
            doc.paragraph(r["doc_no"], size=14, font="fang", align="center", space_after=3)
        to = f"向{receiver}" if receiver else "向党支部"
        doc.paragraph(f"{r['name']}同志：", size=16, font="fang", space_after=1)
        doc.paragraph(
            "按照《中国共产党章程》和《关于中国共产党党费收缴、使用和管理的规定》，每名党员都应"
            "按月交纳党费，这是党员的义务，也是党员党性观念的体现。",
            size=16,
            font="fang",
            indent=True,
        )
        doc.paragraph(
            f"经核对，截至{month_cn(max(months))}，你有 {len(months)} 个月的党费未按规定交纳"
            f"（{months_text(months)}），共计 {yuan(r['owed_fen'])} 元。"
            f"请于{cn_date(pay_by)}前{to}补交。",
            size=16,
            font="fang",
            indent=True,
        )
        warn = (
            "党章规定：党员没有正当理由，连续六个月不交纳党费，就被认为是自行脱党。"
            "如确有困难，可向党支部提出减免申请，经支部研究并报上级党组织批准。"
        )
        if r.get("run_length", 0) >= 6:
            warn = (
                f"你已连续 {r['run_length']} 个月未交纳党费，支部委员会将依照党章规定研究处理；"
                "如有正当理由，请尽快向党支部说明。" + warn
            )
        doc.paragraph(warn, size=16, font="fang", indent=True, space_after=2)
        doc.paragraph("特此通知。", size=16, font="fang", indent=True)
        doc.issuer(name, printed_on, seal_room=8, size=16)
        doc.spacer(10)
        doc.paragraph(
            "- - - - - - - - - - - - - - - 沿此线剪开 - - - - - - - - - - - - - - -",
            size=10,
            align="center",
        )
        doc.spacer(3)
        doc.paragraph("回　执", size=16, align="center", font="hei", space_after=2)
        doc.paragraph(
            f"{r['name']}同志已于　　　年　　月　　日收到党支部{cn_date(printed_on)}的党费催缴通知"
            f"（欠缴 {len(months)} 个月，共 {yuan(r['owed_fen'])} 元）。",
            size=14,
            font="fang",
            indent=True,
        )
        doc.signature_lines(["本人"], size=14)
    return doc.build()


def _ink(markup: str, colour: str | None) -> str:
    return f'<font color="{colour}">{markup}</font>' if colour else markup


def write_receipts(
    out: Output,
    branch: Mapping[str, Any],
    receipts: Sequence[Mapping[str, Any]],
    *,
    printed_on: str,
    invariant: bool = False,
) -> int:
    """党费收据: each receipt a boxed form, four to a portrait page (three under the
    title on the first), cut lines between.

    Each receipt: receipt_no, member, months (list) or months_text, amount_fen, paid_date,
    receiver; passed_up_whole marks a voluntary payment of 1,000 yuan or more.
    """
    name = branch.get("name") or ""
    doc = PaperDocument(
        out,
        title="党费收据",
        subtitle=f"{name}　　共 {len(receipts)} 张　　打印日期：{cn_date(printed_on)}",
        running_header="党费收据",
        author=name,
        invariant=invariant,
        # Receipts are cut apart, not bound: narrow margins fit four to a page.
        margins=Margins(top=14, bottom=20, left=20, right=20),
    )
    fonts = doc.fonts
    width = doc.frame_width
    label = doc.style(font=fonts.hei, size=11, align="center")
    text = doc.style(size=11)
    big = doc.style(font=fonts.hei, size=16, align="center", leading=22)
    small = doc.style(size=10.5, align="right")
    if not receipts:
        doc.paragraph("没有要打印的收据。", size=14)
    for n, r in enumerate(receipts):
        months = r.get("months_text") or months_text(list(r.get("months") or []))
        note = "自愿多交，全额上缴" if r.get("passed_up_whole") else ""
        # A red receipt (红字冲销) says so in its title, in red ink, with a negative amount;
        # the receipt it reverses names it in 备注.
        red = bool(r.get("reverses"))
        if red:  # the reason goes beside the months: the 备注 cell is small
            note = f"冲销 {red_no_text(r['reverses'])}"
            months_row = f"{months}　冲销原因：{r.get('reason') or ''}"
        elif r.get("reversed_by"):
            note = reversed_line_note(r)
        if not red:
            months_row = months
        ink = "#c00000" if red else None
        head = Paragraph(
            _ink(para_text(f"{name} 党费收据" + ("（红字冲销）" if red else "")), ink), big
        )
        number = Paragraph(_ink(para_text(f"No. {r['receipt_no']}"), ink), small)
        amount = abs(r["amount_fen"])
        capital = ("冲销 " if red else "") + f"人民币{capital_yuan(amount)}"

        def p(s: str, style: Any = text, ink: str | None = ink) -> Paragraph:
            return Paragraph(_ink(para_text(s), ink), style)

        # The receipt (收据联) to the right of its 存根联 (kept by the branch), a dashed
        # cut line between them.
        stub_w, gap = width * 0.22, 6 * mm
        rwidth = width - stub_w - gap
        w = [rwidth * f for f in (0.17, 0.38, 0.16, 0.29)]
        data = [
            [head, "", "", ""],
            ["", "", "", number],
            [
                p("交款人", label),
                p(r["member"]),
                p("冲销日期" if red else "缴纳日期", label),
                p(cn_date(r["paid_date"])),
            ],
            [p("所属月份", label), p(months_row), "", ""],
            [
                p("金额大写", label),
                p(capital),
                p("小写", label),
                p(f"¥ {yuan(r['amount_fen'])}"),
            ],
            [
                p("决定人" if red else "收款人", label),
                p(r.get("receiver") or ""),
                p("备注", label),
                p(note, doc.style(size=8.5, leading=10)),
            ],
            [p("收款单位（盖章）：" + name, text), "", "", ""],
        ]
        table = Table(data, colWidths=w, rowHeights=[8 * mm, 5 * mm] + [7.5 * mm] * 4 + [9 * mm])
        table.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), fonts.song),  # else Helvetica is referenced
                    ("SPAN", (0, 0), (-1, 0)),
                    ("SPAN", (0, 1), (2, 1)),
                    ("SPAN", (1, 3), (-1, 3)),
                    ("SPAN", (0, 6), (-1, 6)),
                    ("GRID", (0, 2), (-1, 5), 0.6, colors.black),
                    ("BOX", (0, 0), (-1, -1), 1.2, colors.black),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("BACKGROUND", (0, 2), (0, 5), colors.Color(0.94, 0.94, 0.94)),
                    ("BACKGROUND", (2, 2), (2, 2), colors.Color(0.94, 0.94, 0.94)),
                    ("BACKGROUND", (2, 4), (2, 5), colors.Color(0.94, 0.94, 0.94)),
                ]
            )
        )
        small_l = doc.style(size=9, leading=10.5)
        stub_rows = [
            [
                p(
                    "存 根 联" + ("（红字）" if red else ""),
                    doc.style(font=fonts.hei, size=13, align="center"),
                )
            ],
            [p(f"No. {r['receipt_no']}", doc.style(size=9.5, align="center"))],
            [p(f"交款人：{r['member']}", small_l)],
            [p(f"月份：{months}", small_l)],
            [p(f"金额：¥ {yuan(r['amount_fen'])}", small_l)],
            [p(f"日期：{cn_date(r['paid_date'])}", small_l)],
            [p(f"{'决定人' if red else '收款人'}：{r.get('receiver') or ''}", small_l)],
        ]
        stub = Table(
            stub_rows, colWidths=[stub_w], rowHeights=[8 * mm, 5 * mm] + [7.5 * mm] * 4 + [9 * mm]
        )
        stub.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), fonts.song),  # else Helvetica is referenced
                    ("BOX", (0, 0), (-1, -1), 1.0, colors.black),
                    ("LINEBELOW", (0, 1), (-1, 5), 0.4, colors.Color(0.6, 0.6, 0.6)),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ]
            )
        )
        pair = Table([[stub, "", "", table]], colWidths=[stub_w, gap / 2, gap / 2, rwidth])
        pair.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), fonts.song),  # else Helvetica is referenced
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                    ("LINEAFTER", (1, 0), (1, 0), 0.8, colors.black, None, (3, 3)),  # 骑缝
                ]
            )
        )
        block: list[Any] = [pair]
        if n < len(receipts) - 1:
            block += [
                Spacer(1, 2.5 * mm),
                Paragraph(
                    para_text("- - - - - - - - - - - - - 沿此线剪开 - - - - - - - - - - - - -"),
                    doc.style(size=9, align="center"),
                ),
                Spacer(1, 2.5 * mm),
            ]
        doc.add(KeepTogether(block))
    return doc.build()
