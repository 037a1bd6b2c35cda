"""The quarter's records in the interchange workbook (issue 6): years' schemes, holidays,
corrections, the claims' approval steps, periods, publicity notices, objections and the
hash-chained snapshots of confirmed quarters.

`export_rows` gives their sheets; `read_sheets` checks them into the import plan (writes
nothing); `write_plan` inserts them after the facts, in the import's transaction, so a
confirmed period arrives last and its lock triggers cover the facts just written;
`check_written` recomputes the chain and each imported quarter's facts digest on the written
book — the import is refused when they differ from the workbook's.
"""

from __future__ import annotations

import json
import re
import sqlite3
from datetime import date
from typing import TYPE_CHECKING, Any

from desktop.book.errors import InputRefused
from desktop.book.periods import ORDER
from desktop.book.store import Book, now_iso
from desktop.rules.dates import optional_day
from desktop.rules.periods import make_period
from desktop.rules.quarter import Link, facts_digest, verify_chain

if TYPE_CHECKING:
    from desktop.book.interchange import ImportPlan

#: Below Excel's 32,767 characters a cell, with room to spare for WPS.
CHUNK = 30_000
SHEETS = ("积分方案", "节假日", "更正", "申报审核", "季度", "公示记录", "异议", "确认结果")
STATE_WORDS = {"open": "未公示", "publicity": "公示中", "confirmed": "已确认"}
STATE_OF_WORD = {v: k for k, v in STATE_WORDS.items()}
_HASH = re.compile(r"^[0-9a-f]{64}$")
# Claim columns (schema m004) of the approval steps, by the 申报审核 column that carries them.
STEP_COLUMNS = {
    "申报人": "submitted_by",
    "证明材料": "evidence",
    "初评人": "reviewed_by",
    "初评时间": "reviewed_at",
    "初评意见": "review_note",
    "审定人": "approved_by",
    "审定时间": "approved_at",
    "驳回人": "rejected_by",
    "驳回时间": "rejected_at",
    "驳回理由": "reject_reason",
}
_TIME_STEPS = ("reviewed_at", "approved_at", "rejected_at")


def _label(year: int, quarter: int, cycles: dict[int, str] | None = None) -> str:
    """「2026年第1季度」, or 「2026年3月」/「2026年上半年」 for a year reviewed by month or
    half-year (`cycles`: ImportPlan.cycles)."""
    from desktop.book.periods import period_label

    return period_label(year, quarter, (cycles or {}).get(year, "quarter"))


def _cycle(book: Book, check: Any, year: int) -> str:
    """The review cycle of `year` as the import will leave it: the workbook's scheme for that
    year, else the book's."""
    cycles = check.plan.cycles
    if year not in cycles:
        from desktop.book.periods import cycle

        try:
            cycles[year] = cycle(book, year)
        except InputRefused:  # the book's scheme for that year is broken: said elsewhere
            cycles[year] = "quarter"
    return cycles[year]


def _chunked(row: dict[str, Any], column: str, text: str | None) -> list[dict[str, Any]]:
    """A row whose long text is split over consecutive rows (分段 1, 2 …; empty when one)."""
    if not text or len(text) <= CHUNK:
        return [{**row, column: text}]
    parts = [text[i : i + CHUNK] for i in range(0, len(text), CHUNK)]
    return [{**row, "分段": n, column: part} for n, part in enumerate(parts, start=1)]


# ---------------------------------------------------------------------------- export


def export_rows(book: Book, code_of: dict[int, str]) -> dict[str, list[dict[str, Any]]]:
    """The quarter's sheets ({sheet → rows of {column → value}}) for `export_data`."""
    q = book.query
    schemes: list[dict[str, Any]] = []
    for r in q("select * from schemes order by year"):
        base = {"年度": r["year"], "方案编号": r["scheme_id"], "冻结时间": r["frozen_at"]}
        schemes += _chunked(base, "方案内容", r["text"])
    holidays = [
        {"日期": optional_day(r["date"]), "名称": r["name"] or None}
        for r in q("select * from holidays order by date")
    ]
    corrections = [
        {
            "党员": code_of[r["member_id"]],
            "日期": optional_day(r["date"]),
            "项目": r["item"],
            "分值": _decimal(r["points"]),
            "原因": r["reason"],
            "更正的记录": r["refers_to"] or None,
            "登记人": r["created_by"] or None,
            "登记时间": r["created_at"] or None,
            "记录号": r["id"],
        }
        for r in q("select * from corrections order by id")
    ]
    steps = []
    for r in q("select * from claims order by id"):
        row = {column: r[key] or None for column, key in STEP_COLUMNS.items()}
        if any(v is not None for v in row.values()):
            steps.append({"申报记录号": r["id"], **row})
    periods = [
        {
            "年度": r["year"],
            "季度": r["quarter"],
            "状态": STATE_WORDS[r["status"]],
            "公示开始": optional_day(r["publicity_start"]),
            "公示结束": optional_day(r["publicity_end"]),
            "确认时间": r["confirmed_at"],
            "确认人": r["confirmed_by"] or None,
        }
        for r in q("select * from periods order by year, quarter")
    ]
    notices: list[dict[str, Any]] = []
    for r in q(
        "select n.*, p.year, p.quarter from publicity_notices n "
        "join periods p on p.id = n.period_id order by n.id"
    ):
        base = {
            "年度": r["year"],
            "季度": r["quarter"],
            "发布时间": r["issued_at"],
            "发布人": r["issued_by"] or None,
            "公示开始": optional_day(r["start"]),
            "公示结束": optional_day(r["end"]),
            "结果校验值": r["results_hash"],
            "原因": r["reason"] or None,
            "补登原因": r.get("late_reason") or None,
            "异议编号": r["objection_id"],
        }
        notices += _chunked(base, "公示内容", r.get("payload"))
    objections = [
        {
            "编号": r["id"],
            "年度": r["year"],
            "季度": r["quarter"],
            "提出人": r["raised_by"],
            "党员": code_of.get(r["member_id"]) if r["member_id"] else None,
            "内容": r["content"],
            "提出日期": optional_day(r["raised_on"]),
            "状态": "已答复" if r["status"] == "answered" else "未答复",
            "核实结果": r["finding"] or None,
            "是否更正": bool(r["changed"]) if r["status"] == "answered" else None,
            "更正内容": r["change_note"] or None,
            "告知日期": optional_day(r["told_on"]),
            "答复人": r["answered_by"] or None,
            "答复时间": r["answered_at"],
            "登记时间": r["created_at"],
        }
        for r in q(
            "select o.*, p.year, p.quarter from objections o "
            "join periods p on p.id = o.period_id order by o.id"
        )
    ]
    snapshots: list[dict[str, Any]] = []
    for r in q("select * from snapshots order by id"):
        base = {
            "年度": r["year"],
            "季度": r["quarter"],
            "前一校验值": r["prev_hash"],
            "校验值": r["hash"],
            "记录校验值": r.get("facts_digest"),
            "确认时间": r["created_at"],
            "确认人": r["created_by"] or None,
        }
        snapshots += _chunked(base, "结果内容", r["payload"])
    return {
        "积分方案": schemes,
        "节假日": holidays,
        "更正": corrections,
        "申报审核": steps,
        "季度": periods,
        "公示记录": notices,
        "异议": objections,
        "确认结果": snapshots,
    }


def _decimal(text: str) -> Any:
    from decimal import Decimal

    return Decimal(text)


# ---------------------------------------------------------------------------- reading


def _joined(check: Any, sheet: str, column: str, key: tuple[str, ...]) -> list[Any]:
    """The sheet's rows with continuation rows (分段 2, 3 …) joined onto the row before.

    Returns (row, values) pairs; values[column] is the whole text. A continuation that does
    not follow its first part, or whose key columns differ, is a problem at that row.
    """
    out: list[tuple[Any, dict[str, Any]]] = []
    for row in check.data.rows(sheet):
        v = dict(row.values)
        part = v.get("分段") or 1
        if part == 1:
            out.append((row, v))
            continue
        prev = out[-1] if out else None
        prev_part = prev[1].get("_part", 1) if prev else 0
        if prev is None or part != prev_part + 1 or any(prev[1].get(k) != v.get(k) for k in key):
            check.add(
                sheet, row.number, "分段", f"第{part}段应紧接在同一条记录的第{part - 1}段之后"
            )
            continue
        prev[1][column] = (prev[1].get(column) or "") + (v.get(column) or "")
        prev[1]["_part"] = part
    return out


def _quarter_ok(
    check: Any, sheet: str, row: int, v: dict[str, Any], today: date, kind: str = "quarter"
) -> bool:
    from desktop.book.periods import COUNT, RANGE_TEXT, UNIT

    year, quarter = v.get("年度"), v.get("季度")
    if year is None or quarter is None:
        return False
    if not 2000 <= year <= today.year + 1:
        check.add(sheet, row, "年度", f"年度 {year} 不合理，请填四位年份")
        return False
    if not 1 <= quarter <= COUNT[kind]:
        unit = "月份" if kind == "month" else UNIT[kind]
        why = "" if kind == "quarter" else f"（{year} 年的积分方案按{UNIT[kind]}评议）"
        check.add(sheet, row, "季度", f"{unit}应为 {RANGE_TEXT[kind]}，不是 {quarter}{why}")
        return False
    return True


def read_sheets(book: Book, check: Any, members: Any, member_at: Any, today: date) -> None:
    """Check the quarter's sheets into `check.plan` (problems in `check`). Writes nothing."""
    plan = check.plan
    _read_schemes(book, check)
    _read_holidays(book, check)
    _read_corrections(book, check, member_at)
    _read_claim_steps(check)
    periods = _read_periods(book, check, today)
    objections = _read_objections(check, members, periods)
    _read_notices(check, periods, objections)
    _read_snapshots(book, check, periods)
    for sheet, rows in (
        ("积分方案", plan.schemes),
        ("更正", plan.corrections),
        ("季度", plan.periods),
        ("异议", plan.objections),
    ):
        check.plan.preview[sheet] = [{k: v for k, v in r.items() if k != "text"} for r in rows]


def _read_schemes(book: Book, check: Any) -> None:
    from desktop.rules.scheme import SchemeError, load_scheme

    sheet = "积分方案"
    seen: set[int] = set()
    for row, v in _joined(check, sheet, "方案内容", ("年度", "方案编号")):
        year, scheme_id, text = v.get("年度"), v.get("方案编号"), v.get("方案内容")
        if not (year and scheme_id and text):
            continue
        if year in seen:
            check.add(sheet, row.number, "年度", f"{year} 年的积分方案在本表中出现了不止一次")
            continue
        seen.add(year)
        try:
            scheme = load_scheme(text)
        except SchemeError as exc:
            check.add(sheet, row.number, "方案内容", "方案文件有错误：" + "；".join(exc.problems))
            continue
        if scheme.id != scheme_id:
            check.add(
                sheet, row.number, "方案编号", f"方案内容的编号是 {scheme.id}，不是 {scheme_id}"
            )
            continue
        stored = book.execute(
            "select scheme_id, text, frozen_at from schemes where year = ?", [year]
        ).fetchone()
        action = "insert"
        if stored and (stored[0], stored[1]) == (scheme_id, text):
            action = "same"
        elif stored and stored[2]:
            check.add(
                sheet,
                row.number,
                "方案内容",
                f"账本中 {year} 年的积分方案（{stored[0]}）已冻结，与工作簿中的不同，不能替换",
            )
            continue
        elif stored:
            action = "replace"
        check.plan.cycles[year] = scheme.review_cycle
        check.plan.schemes.append(
            {
                "year": year,
                "scheme_id": scheme_id,
                "title": scheme.title,
                "frozen_at": v.get("冻结时间"),
                "text": text,
                "action": action,
            }
        )


def _read_holidays(book: Book, check: Any) -> None:
    sheet = "节假日"
    known = {r[0] for r in book.execute("select date from holidays")}
    for row in check.data.rows(sheet):
        day = row.values.get("日期")
        if not day:
            continue
        iso = day.isoformat()
        if iso in known:
            check.add(sheet, row.number, "日期", f"{iso} 已登记为节假日，不能重复")
            continue
        known.add(iso)
        check.plan.holidays.append({"date": iso, "name": row.values.get("名称") or ""})


def _year_item_ids(book: Book, check: Any, year: int) -> set[str] | None:
    from desktop.book.errors import InputRefused
    from desktop.book.scoring import year_scheme
    from desktop.rules.scheme import SchemeError, load_scheme

    try:
        for s in check.plan.schemes:
            if s["year"] == year:
                scheme = load_scheme(s["text"])
                break
        else:
            scheme = year_scheme(book, year)
    except (SchemeError, InputRefused):
        return None
    return {i.id for section in scheme.sections for i in section.items}


def _read_corrections(book: Book, check: Any, member_at: Any) -> None:
    sheet = "更正"
    ids: set[int] = set()
    for row in check.data.rows(sheet):
        v = row.values
        when = v.get("日期").isoformat() if v.get("日期") else None
        m = member_at(check, sheet, row.number, "党员", v.get("党员"), when)
        if not (m and when and v.get("项目") and v.get("分值") is not None and v.get("原因")):
            continue
        items = _year_item_ids(book, check, int(when[:4]))
        if items is not None and v["项目"] not in items:
            check.add(
                sheet, row.number, "项目", f"{when[:4]} 年的积分方案中没有编号为“{v['项目']}”的项目"
            )
            continue
        if not _unique_id(check, sheet, row.number, "记录号", v.get("记录号"), ids):
            continue
        check.plan.corrections.append(
            {
                "id": v.get("记录号"),
                "member": m["code"],
                "date": when,
                "item": v["项目"],
                "points": str(v["分值"]),
                "reason": v["原因"],
                "refers_to": v.get("更正的记录") or "",
                "created_by": v.get("登记人") or "",
                "created_at": v.get("登记时间") or now_iso(),
            }
        )


def _unique_id(check: Any, sheet: str, row: int, column: str, value: Any, seen: set) -> bool:
    if value is None:
        return True
    if value in seen:
        check.add(sheet, row, column, f"{column} {value} 在本表中重复")
        return False
    if value < 1:
        check.add(sheet, row, column, f"{column}应为正整数，不是 {value}")
        return False
    seen.add(value)
    return True


def _read_claim_steps(check: Any) -> None:
    sheet = "申报审核"
    claims = {c["id"]: c for c in check.plan.claims if c.get("id") is not None}
    seen: set[int] = set()
    for row in check.data.rows(sheet):
        v = row.values
        ref = v.get("申报记录号")
        if ref is None:
            continue
        claim = claims.get(ref)
        if claim is None:
            check.add(
                sheet,
                row.number,
                "申报记录号",
                f"本工作簿的“积分申报”表中没有记录号为 {ref} 的申报",
            )
            continue
        if ref in seen:
            check.add(sheet, row.number, "申报记录号", f"申报 {ref} 的审核经过在本表中重复")
            continue
        seen.add(ref)
        steps = {key: v.get(column) for column, key in STEP_COLUMNS.items()}
        status = claim["status"]
        wrong = None
        if (steps["approved_by"] or steps["approved_at"]) and status != "审定":
            wrong = "审定人"
        elif (steps["rejected_by"] or steps["rejected_at"]) and status != "驳回":
            wrong = "驳回人"
        elif (steps["reviewed_by"] or steps["reviewed_at"]) and status == "申报":
            wrong = "初评人"
        if wrong:
            check.add(
                sheet,
                row.number,
                wrong,
                f"申报 {ref} 在“积分申报”表中的状态是“{status}”，与审核经过不符",
            )
            continue
        for key, value in steps.items():
            claim[key] = value if value is not None or key in _TIME_STEPS else ""
        check.plan.claim_steps.append({"claim": ref, **steps})


def _read_periods(book: Book, check: Any, today: date) -> dict[tuple[int, int], dict[str, Any]]:
    """The file's periods by (year, quarter), and the book's for reference."""
    from desktop.book.quarter import publishable_from

    sheet = "季度"
    in_book = {
        (r["year"], r["quarter"]): r["status"]
        for r in book.query("select year, kind, quarter, status from periods")
        if r["kind"] == _cycle(book, check, r["year"])
    }
    found: dict[tuple[int, int], dict[str, Any]] = {}
    refused_in_book: set[tuple[int, int]] = set()
    check.refused_periods = refused_in_book
    for row in check.data.rows(sheet):
        v = row.values
        year = v.get("年度")
        kind = _cycle(book, check, year) if isinstance(year, int) else "quarter"
        if not (_quarter_ok(check, sheet, row.number, v, today, kind) and v.get("状态")):
            continue
        key = (v["年度"], v["季度"])
        label = _label(*key, check.plan.cycles)
        status = STATE_OF_WORD[v["状态"]]
        if key in found:
            check.add(sheet, row.number, "季度", f"{label}在本表中出现了不止一次")
            continue
        if key in in_book:
            check.add(
                sheet,
                row.number,
                "季度",
                f"账本中已有{label}（{STATE_WORDS[in_book[key]]}），不能重复导入",
            )
            # Rows of other sheets naming this quarter are not wrong in themselves: say
            # nothing more about them (see _period_for).
            refused_in_book.add(key)
            continue
        q = make_period(kind, *key)
        record = {
            "year": key[0],
            "quarter": key[1],
            "start": q.start,
            "end": q.end,
            "status": status,
            "publicity_start": v["公示开始"].isoformat() if v.get("公示开始") else None,
            "publicity_end": v["公示结束"].isoformat() if v.get("公示结束") else None,
            "confirmed_at": v.get("确认时间"),
            "confirmed_by": v.get("确认人") or "",
            "_row": row.number,
        }
        found[key] = record
        if status != "open":
            if not record["publicity_start"] or not record["publicity_end"]:
                column = "公示结束" if record["publicity_start"] else "公示开始"
                check.add(sheet, row.number, column, f"{v['状态']}的季度须填写公示开始和结束日期")
                continue
            if publishable_from(*key, kind) > today.isoformat():
                check.add(sheet, row.number, "状态", f"{label}到 {q.end} 才结束，还不能{v['状态']}")
                continue
            if record["publicity_start"] <= q.end:
                check.add(
                    sheet,
                    row.number,
                    "公示开始",
                    f"公示开始日期应在{label}结束（{q.end}）之后",
                )
                continue
            if record["publicity_end"] < record["publicity_start"]:
                check.add(sheet, row.number, "公示结束", "公示结束日期早于开始日期")
                continue
        if status == "confirmed" and not record["confirmed_at"]:
            check.add(sheet, row.number, "确认时间", "已确认的季度须填写确认时间")
            continue
        if status != "confirmed" and record["confirmed_at"]:
            check.add(sheet, row.number, "确认时间", f"{v['状态']}的季度不应有确认时间")
            continue
        check.plan.periods.append(record)
    for key, record in found.items():
        if record["status"] != "confirmed":
            continue
        for earlier in range(1, key[1]):
            e = (key[0], earlier)
            state = found[e]["status"] if e in found else in_book.get(e)
            if state != "confirmed":
                check.add(
                    sheet,
                    record["_row"],
                    "状态",
                    f"{_label(*e, check.plan.cycles)}没有确认，"
                    f"{_label(*key, check.plan.cycles)}不能是已确认（{ORDER[check.plan.cycles.get(key[0], 'quarter')]}按顺序确认）",
                )
                break
    return found


def _period_for(
    check: Any, sheet: str, row: int, v: dict[str, Any], periods: dict, today: date | None = None
) -> dict[str, Any] | None:
    key = (v.get("年度"), v.get("季度"))
    if None in key:
        return None
    period = periods.get(key)
    if period is None and key in getattr(check, "refused_periods", ()):
        return None  # the 季度 row was refused (already in the book): reported there
    if period is None:
        check.add(sheet, row, "季度", f"本工作簿的“季度”表中没有{_label(*key, check.plan.cycles)}")  # type: ignore[arg-type]
        return None
    if period["status"] == "open":
        check.add(sheet, row, "季度", f"{_label(*key, check.plan.cycles)}在“季度”表中是未公示")  # type: ignore[arg-type]
        return None
    return period


def _read_objections(check: Any, members: Any, periods: dict) -> dict[int, dict[str, Any]]:
    sheet = "异议"
    out: dict[int, dict[str, Any]] = {}
    for row in check.data.rows(sheet):
        v = row.values
        number = v.get("编号")
        period = _period_for(check, sheet, row.number, v, periods)
        if period is None or number is None or not v.get("状态"):
            continue
        if not _unique_id(check, sheet, row.number, "编号", number, set(out)):
            continue
        member_code = None
        if v.get("党员"):
            m, problem = members.resolve(v["党员"])
            if problem:
                check.add(sheet, row.number, "党员", problem)
                continue
            member_code = m["code"]
        answered = v["状态"] == "已答复"
        missing = [c for c in ("核实结果", "告知日期") if answered and not v.get(c)]
        if missing:
            check.add(sheet, row.number, missing[0], "已答复的异议须填写核实结果和告知日期")
            continue
        if answered and v.get("是否更正") and not v.get("更正内容"):
            check.add(sheet, row.number, "更正内容", "已作更正的，请写明更正了什么")
            continue
        if not answered and period["status"] == "confirmed":
            check.add(
                sheet,
                row.number,
                "状态",
                f"{_label(period['year'], period['quarter'], check.plan.cycles)}已确认，不能有未答复的异议",
            )
            continue
        record = {
            "number": number,
            "period": (period["year"], period["quarter"]),
            "raised_by": v.get("提出人") or "",
            "member": member_code,
            "content": v.get("内容") or "",
            "raised_on": v["提出日期"].isoformat() if v.get("提出日期") else None,
            "status": "answered" if answered else "open",
            "finding": v.get("核实结果") or "",
            "changed": int(bool(v.get("是否更正"))),
            "change_note": v.get("更正内容") or "",
            "told_on": v["告知日期"].isoformat() if v.get("告知日期") else None,
            "answered_by": v.get("答复人") or "",
            "answered_at": v.get("答复时间"),
            "created_at": v.get("登记时间") or now_iso(),
        }
        if not (record["raised_by"] and record["content"] and record["raised_on"]):
            continue
        out[number] = record
        check.plan.objections.append(record)
    return out


def _hash_ok(check: Any, sheet: str, row: int, column: str, value: str | None) -> bool:
    if value is None or _HASH.match(value):
        return True
    check.add(sheet, row, column, "应为 64 位十六进制的校验值（0-9、a-f），请不要改动")
    return False


def _payload_ok(check: Any, sheet: str, row: int, column: str, text: str | None, key) -> bool:
    if text is None:
        return True
    try:
        payload = json.loads(text)
        kind = payload.get("cycle") or "quarter"
        ok = (payload.get("year"), payload.get(kind)) == key
    except (ValueError, AttributeError):
        ok = False
    if not ok:
        check.add(
            sheet, row, column, f"不是{_label(*key, check.plan.cycles)}的积分结果，请不要改动这一列"
        )
    return ok


def _read_notices(check: Any, periods: dict, objections: dict[int, dict[str, Any]]) -> None:
    sheet = "公示记录"
    for row, v in _joined(check, sheet, "公示内容", ("年度", "季度", "发布时间")):
        period = _period_for(check, sheet, row.number, v, periods)
        needed = ("发布时间", "公示开始", "公示结束", "结果校验值")
        if period is None or any(v.get(c) is None for c in needed):
            continue
        key = (period["year"], period["quarter"])
        if not _hash_ok(check, sheet, row.number, "结果校验值", v["结果校验值"]):
            continue
        if not _payload_ok(check, sheet, row.number, "公示内容", v.get("公示内容"), key):
            continue
        ref = v.get("异议编号")
        if ref is not None and (ref not in objections or objections[ref]["period"] != key):
            check.add(
                sheet,
                row.number,
                "异议编号",
                f"“异议”表中没有{_label(*key, check.plan.cycles)}的第 {ref} 号异议",
            )
            continue
        if v["公示结束"] < v["公示开始"]:
            check.add(sheet, row.number, "公示结束", "公示结束日期早于开始日期")
            continue
        check.plan.notices.append(
            {
                "period": key,
                "issued_at": v["发布时间"],
                "issued_by": v.get("发布人") or "",
                "start": v["公示开始"].isoformat(),
                "end": v["公示结束"].isoformat(),
                "results_hash": v["结果校验值"],
                "reason": v.get("原因") or "",
                # Restored as recorded: the late-entry rule is for notices entered now.
                "late_reason": v.get("补登原因") or "",
                "objection": ref,
                "payload": v.get("公示内容"),
            }
        )


def _read_snapshots(book: Book, check: Any, periods: dict) -> None:
    from desktop.book.quarter import chain_links

    sheet = "确认结果"
    seen: set[tuple[int, int]] = set()
    links: list[Link] = []
    rows: list[int] = []
    for row, v in _joined(check, sheet, "结果内容", ("年度", "季度")):
        needed = ("年度", "季度", "前一校验值", "校验值", "确认时间", "结果内容")
        if any(v.get(c) is None for c in needed):
            continue
        key = (v["年度"], v["季度"])
        period = periods.get(key)
        if period is None and key in getattr(check, "refused_periods", ()):
            continue  # the 季度 row was refused (already in the book): reported there
        if period is None or period["status"] != "confirmed":
            check.add(
                sheet, row.number, "季度", f"“季度”表中{_label(*key, check.plan.cycles)}不是已确认"
            )
            continue
        if key in seen:
            check.add(
                sheet,
                row.number,
                "季度",
                f"{_label(*key, check.plan.cycles)}的确认结果在本表中重复",
            )
            continue
        seen.add(key)
        if not all(
            _hash_ok(check, sheet, row.number, c, v.get(c))
            for c in ("前一校验值", "校验值", "记录校验值")
        ):
            continue
        if not _payload_ok(check, sheet, row.number, "结果内容", v["结果内容"], key):
            continue
        record = {
            "period": key,
            "payload": v["结果内容"],
            "prev_hash": v["前一校验值"],
            "hash": v["校验值"],
            "facts_digest": v.get("记录校验值"),
            "created_at": v["确认时间"],
            "created_by": v.get("确认人") or "",
            "_row": row.number,
        }
        check.plan.snapshots.append(record)
        links.append(
            Link(
                _label(*key, check.plan.cycles),
                record["payload"],
                record["prev_hash"],
                record["hash"],
                record["facts_digest"],
            )
        )
        rows.append(row.number)
    for key, period in periods.items():
        if period["status"] == "confirmed" and key not in seen:
            check.add(
                "季度",
                period["_row"],
                "状态",
                f"{_label(*key, check.plan.cycles)}已确认，但“确认结果”表中没有它的结果",
            )
    # The imported links continue the book's chain (GENESIS in an empty book).
    held = chain_links(book.conn)
    problem = verify_chain([*held, *links])
    if problem is not None and problem.index >= len(held):
        i = problem.index - len(held)
        if "对不上" in problem.reason:
            if i == 0 and held:
                text = (
                    f"与账本中最后一个已确认季度（{held[-1].label}）的校验值对不上，"
                    f"应为 {held[-1].hash}"
                )
            elif i == 0:
                text = (
                    "这是第一个已确认季度，前一校验值应为 64 个 0（前面的确认结果被删除或改动过）"
                )
            else:
                text = "与上一行的校验值对不上（确认结果被删除、插入、调换或改动过）"
            check.add(sheet, rows[i], "前一校验值", text)
        else:
            check.add(sheet, rows[i], "校验值", "与结果内容不符：确认后的结果被改动过，不能导入")


# ---------------------------------------------------------------------------- writing


def write_plan(book: Book, plan: ImportPlan, code_to_id: dict[str, int]) -> None:
    """Insert the quarter's records; the caller holds the import's transaction and has
    written the facts (confirmed periods, inserted here, then lock them)."""
    db = book.db
    for s in plan.schemes:
        if s["action"] == "same":
            if s["frozen_at"]:
                book.execute(
                    "update schemes set frozen_at = coalesce(frozen_at, ?) where year = ?",
                    [s["frozen_at"], s["year"]],
                )
            continue
        db["schemes"].upsert(
            {
                "year": s["year"],
                "scheme_id": s["scheme_id"],
                "text": s["text"],
                "frozen_at": s["frozen_at"],
            },
            pk="year",
        )
    db["holidays"].insert_all(plan.holidays, pk="date")
    _insert_keeping_ids(
        book,
        "corrections",
        [
            {**{k: v for k, v in c.items() if k != "member"}, "member_id": code_to_id[c["member"]]}
            for c in plan.corrections
        ],
    )
    period_ids: dict[tuple[int, int], int] = {}
    for p in sorted(plan.periods, key=lambda p: (p["year"], p["quarter"])):
        row = {k: v for k, v in p.items() if not k.startswith("_")}
        # The cycle is the year's scheme's, not a column of the sheet.
        row["kind"] = plan.cycles.get(p["year"], "quarter")
        period_ids[(p["year"], p["quarter"])] = int(db["periods"].insert(row).last_pk)
    objection_ids: dict[int, int] = {}
    taken = {r[0] for r in book.execute("select id from objections")}
    for o in plan.objections:
        row = {k: v for k, v in o.items() if k not in ("number", "period", "member")}
        row["period_id"] = period_ids[o["period"]]
        row["member_id"] = code_to_id[o["member"]] if o["member"] else None
        if o["number"] not in taken:
            row["id"] = o["number"]
        objection_ids[o["number"]] = int(db["objections"].insert(row).last_pk)
    for n in plan.notices:
        row = {k: v for k, v in n.items() if k not in ("period", "objection")}
        row["period_id"] = period_ids[n["period"]]
        row["objection_id"] = objection_ids[n["objection"]] if n["objection"] else None
        db["publicity_notices"].insert(row)
    for s in plan.snapshots:
        year, quarter = s["period"]
        row = {k: v for k, v in s.items() if k not in ("period", "_row")}
        kind = plan.cycles.get(year, "quarter")
        db["snapshots"].insert(
            {
                **row,
                "period_id": period_ids[s["period"]],
                "year": year,
                "kind": kind,
                "quarter": quarter,
            }
        )
    # Confirmation freezes the year's scheme; so does importing a confirmed quarter.
    for year in sorted({p["year"] for p in plan.periods if p["status"] == "confirmed"}):
        from desktop.book.scoring import year_scheme_text

        if book.execute("select 1 from schemes where year = ?", [year]).fetchone() is None:
            scheme_id, text = year_scheme_text(book, year)
            db["schemes"].insert({"year": year, "scheme_id": scheme_id, "text": text})
        book.execute(
            "update schemes set frozen_at = ? where year = ? and frozen_at is null",
            [now_iso(), year],
        )


def _insert_keeping_ids(book: Book, table: str, rows: list[dict[str, Any]]) -> dict[int, int]:
    """Insert rows, each with its workbook 记录号 as id where that id is free in the book:
    the rows with ids first, so an id SQLite picks for the others never takes one of theirs.
    Returns workbook 记录号 → id in the book (rows that refer to these, e.g. 撤销, need it).
    """
    taken = {r[0] for r in book.execute(f"select id from {table}")}
    keep, moved, rest = [], [], []
    for r in rows:
        if r.get("id") is not None and r["id"] not in taken:
            keep.append(r)
        elif r.get("id") is not None:
            moved.append(r)
        else:
            rest.append(r)
    ids = {r["id"]: r["id"] for r in keep}
    if keep:
        book.db[table].insert_all(keep)
    for r in moved:  # its id is another row's here: SQLite picks one, remembered for referrers
        ids[r["id"]] = int(book.db[table].insert({k: v for k, v in r.items() if k != "id"}).last_pk)
    if rest:
        book.db[table].insert_all({k: v for k, v in r.items() if k != "id"} for r in rest)
    return ids


def check_written(conn: sqlite3.Connection, plan: ImportPlan) -> list[str]:
    """Problems of the written book against the workbook's snapshots: the chain must hold
    and each imported confirmed quarter's facts must give its recorded digest."""
    from desktop.book.quarter import chain_links, facts_canonical

    problems: list[str] = []
    problem = verify_chain(chain_links(conn))
    if problem is not None:
        problems.append(f"确认结果: {problem}")
    for s in plan.snapshots:
        if s["facts_digest"] is None:
            continue
        year, quarter = s["period"]
        kind = plan.cycles.get(year, "quarter")
        if facts_digest(facts_canonical(conn, year, quarter, kind=kind)) != s["facts_digest"]:
            problems.append(
                f"确认结果 第{s['_row']}行 记录校验值: 与本工作簿中{_label(year, quarter, plan.cycles)}的"
                "签到、党费、积分申报等记录不符（确认后这些记录被改动过，或账本中原有这个季度"
                "的记录、记录号与原账本不同）；请导入到新建的空账本，或用原账本的导出文件"
            )
    return problems
