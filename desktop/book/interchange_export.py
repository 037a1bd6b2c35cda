"""Writing the interchange workbook: the book as sheets of rows (`export_data`), written so an
empty book can be made again from it (`export_workbook`)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from desktop.book.contract_sheets import ROSTER_LABELS
from desktop.book.errors import InputRefused
from desktop.book.store import Book
from desktop.rules.dates import is_month_only
from desktop.rules.facts import VOTED_KINDS

# -- export ----------------------------------------------------------------------------------


def export_data(book: Book) -> dict[str, list[dict[str, Any]]]:
    """The book as interchange sheets ({sheet → rows of {column → value}})."""
    from desktop.book import branch_sheets, quarter_sheets

    members = book.roster.members(include_left=True)
    code_of = {m["id"]: m["code"] for m in members}

    def d(value: str | None) -> date | None:
        return date.fromisoformat(value) if value else None

    roster_rows = []
    for m in members:
        row: dict[str, Any] = {}
        for key, label in ROSTER_LABELS.items():
            value = m.get(key)
            if key.endswith("_date"):
                # A date known only to the month stays "YYYY-MM" (no invented day).
                value = value if is_month_only(value) else d(value)
            elif key in ("mobile", "exempt", "leader"):
                value = bool(value)
            row[label] = value if value != "" else None
        row["记录号"] = m["id"]
        roster_rows.append(row)
    groups = [
        {"名称": g["name"], "组长": code_of.get(g["leader_id"]), "备注": g["note"] or None}
        for g in book.roster.groups()
    ]
    activities = [
        {
            "编号": r["code"],
            "日期": d(r["date"]),
            "类型": r["type"],
            "主题": r["topic"] or None,
            "地点": r["place"] or None,
            "主持人": r["host"] or None,
            "记录人": r["recorder"] or None,
            "记录号": r["id"],
            "会议记录": r["minutes"] or None,
            "决定事项": r["decisions"] or None,
        }
        for r in book.db.query("select * from activities order by date, id")
    ]
    attendance = [
        {
            "活动编号": r["code"],
            "党员": code_of[r["member_id"]],
            "状态": r["status"],
            "证明人": r["witnesses"] or None,
            "备注": r["note"] or None,
            "参加单位": r["host_org"] or None,
            "记录号": r["id"],
        }
        for r in book.db.query(
            "select a.code, t.* from attendance t join activities a on a.id = t.activity_id "
            "order by a.date, a.id, t.id"
        )
    ]
    dues = [
        {
            "党员": code_of[r["member_id"]],
            "月份": r["month"],
            "应缴": r["due_fen"],
            "实缴": r["paid_fen"],
            "缴纳日期": d(r["paid_date"]),
            "收款人": r["receiver"] or None,
            "收据号": r["receipt_no"] or None,
            "记录号": r["id"],
        }
        for r in book.db.query("select * from dues_payments order by month, id")
    ]
    rates = [
        {
            "党员": code_of[r["member_id"]],
            "起始月份": r["from_month"],
            "类别": r["category"],
            "月收入": r["income_fen"],
            "每月金额": r["monthly_fen"],
            "调整原因": r["override_reason"] or None,
            "批准": r["approved_by"] or None,
            "记录号": r["id"],
        }
        for r in book.db.query("select * from dues_rates order by member_id, from_month")
    ]
    claims = [
        {
            "党员": code_of[r["member_id"]],
            "日期": d(r["date"]),
            "项目": r["item"],
            "分值": Decimal(r["points"]),
            "事由": r["reason"] or None,
            "状态": r["status"],
            "记录号": r["id"],
        }
        for r in book.db.query("select * from claims order by date, id")
    ]
    from desktop.book.ballots import TALLY_COLUMNS

    appraisals = [
        {
            "年度": r["year"],
            "轮次": r["round"],
            "类型": r["kind"],
            "党员": code_of[r["member_id"]],
            "等次": r["grade"],
            "记录号": r["id"],
            # 自评 / 组织考评: who graded and when (empty for results recorded before).
            "评定人": r["graded_by"] or None,
            "评定日期": d(r["date"]),
            # The ballot tally the grade came from (empty when it was typed by hand).
            **{f"{g}票": r[c] for g, c in TALLY_COLUMNS.items()},
            "参加人数": r["voters"],
        }
        for r in book.db.query(
            "select a.*, t.excellent, t.good, t.basic, t.poor, t.voters from appraisals a "
            "left join appraisal_tallies t on t.appraisal_id = a.id "
            "order by a.year, a.round, a.kind, a.id"
        )
    ]
    vetoes = [
        {
            "党员": code_of[r["member_id"]],
            "日期": d(r["date"]),
            "原因": r["reason"],
            "决定人": r["decided_by"] or None,
            "记录号": r["id"],
            "情形": r["kind"] or None,
        }
        for r in book.db.query("select * from vetoes order by date, id")
    ]
    return {
        "党员名册": roster_rows,
        "党小组": groups,
        "活动": activities,
        "签到": attendance,
        "党费": dues,
        "党费标准": rates,
        "积分申报": claims,
        "民主评议": [
            {k: v for k, v in a.items() if k not in ("评定人", "评定日期")}
            for a in appraisals
            if a["类型"] in VOTED_KINDS
        ],
        # 自评 and 组织考评 (graded, not voted): their own sheet, without the tally columns.
        "自评与组织考评": [
            {
                k: a[k]
                for k in ("年度", "轮次", "类型", "党员", "等次", "记录号", "评定人", "评定日期")
            }
            for a in appraisals
            if a["类型"] not in VOTED_KINDS
        ],
        "一票否决": vetoes,
        **quarter_sheets.export_rows(book, code_of),
        **branch_sheets.export_rows(book, code_of),
        **ruling_sheets_rows(book, code_of),
    }


def ruling_sheets_rows(book: Book, code_of: dict[int, str]) -> dict[str, list[dict[str, Any]]]:
    from desktop.book import ruling_sheets

    return ruling_sheets.export_rows(book, code_of)


def export_workbook(book: Book, path: Path) -> Path:
    from desktop.book.outputs import check_output_path
    from desktop.sheets.errors import WorkbookError
    from desktop.sheets.writer import write_workbook

    path = check_output_path(path, book.path)
    try:
        write_workbook(path, export_data(book))
    except WorkbookError as exc:
        raise InputRefused(str(exc)) from exc
    return path
