"""The rest of the book in the interchange workbook: branch info and settings (支部信息), the
committee (支委会), members' history (党员变动), the 行事历 template and the years' plans
(活动计划模板, 活动计划), notices issued (通知书), withdrawals (撤销) and dues reversals
(党费冲销: the 党费 sheet keeps every payment, reversed or not) — so an export
re-imported into an empty book loses nothing (CONTRACT.md).

`export_rows` gives their sheets; `read_sheets` checks them into the import plan (writes
nothing; problems as `工作表名 第N行 列名: 问题`); `write_plan` inserts them inside the
import's transaction, after the facts they refer to and before the quarters that lock them.
"""

from __future__ import annotations

import json
from datetime import date
from typing import TYPE_CHECKING, Any

from desktop.book.store import Book, now_iso
from desktop.rules.dates import is_month_only, optional_day
from desktop.rules.dues import unnumbered_id, unnumbered_ref
from desktop.rules.meetings import FREQUENCIES

if TYPE_CHECKING:
    from desktop.book.interchange import ImportPlan

SHEETS = (
    "支部信息",
    "支委会",
    "党员变动",
    "活动计划模板",
    "活动计划",
    "通知书",
    "撤销",
    "党费冲销",
)
FREQUENCY_WORDS = FREQUENCIES  # monthly → 每月 …
FREQUENCY_OF_WORD = {v: k for k, v in FREQUENCY_WORDS.items()}
# 撤销 rows name the sheet of the withdrawn record; the table is the book's.
TARGET_WORDS = {"vetoes": "一票否决", "appraisals": "民主评议"}
TARGET_OF_WORD = {v: k for k, v in TARGET_WORDS.items()}
# Settings carried in 支部信息, by column (book_id and the journal stay with each book).
SETTING_COLUMNS = {
    "经办人": "operator",
    "异议受理": "objection_contact",
    "默认积分方案": "default_scheme",
    "记分起始": "points_start",  # desktop.book.points_start.SETTING (issue 14)
}
BRANCH_COLUMNS = {"上级党组织": "parent_org", "支部类型": "kind"}


def _iso(value: Any) -> str | None:
    return value.isoformat() if isinstance(value, date) else value


# ---------------------------------------------------------------------------- export


def export_rows(book: Book, code_of: dict[int, str]) -> dict[str, list[dict[str, Any]]]:
    """These sheets ({sheet → rows of {column → value}}) for `export_data`."""
    from desktop.book.meetings import COMMITTEE_SETTING

    q = book.query
    info = book.branch()
    branch_row: dict[str, Any] = {
        "支部名称": info["name"] or None,
        "上级党组织": info["parent_org"] or None,
        "支部类型": info["kind"] or None,
    }
    for column, key in SETTING_COLUMNS.items():
        branch_row[column] = book.setting(key) or None
    year = book.setting("current_year")
    branch_row["当前年度"] = int(year) if year else None
    # The stored list as it is (its order too), members by code; entries whose member is gone
    # are skipped, as the committee screen skips them.
    committee = [
        {"党员": code_of[int(e["member_id"])], "职务": e.get("role") or "委员"}
        for e in json.loads(book.setting(COMMITTEE_SETTING) or "[]")
        if int(e["member_id"]) in code_of
    ]
    events = [
        {
            "党员": code_of[r["member_id"]],
            "日期": r["date"] if is_month_only(r["date"]) else optional_day(r["date"]),
            "事件": r["kind"],
            "说明": r["note"] or None,
            "登记时间": r["created_at"] or None,
            "记录号": r["id"],
        }
        for r in q("select * from member_events order by id")
    ]
    templates = [
        {
            "类型": r["type"],
            "频次": FREQUENCY_WORDS[r["frequency"]],
            "月份": r["month"],
            "日": r["day"],
            "主题": r["topic"] or None,
            "每个党小组": bool(r["per_group"]),
        }
        for r in q("select * from plan_templates order by sort, id")
    ]
    items = [
        {
            "年度": r["year"],
            "类型": r["type"],
            "计划日期": optional_day(r["due_date"]),
            "主题": r["topic"] or None,
            "党小组": r["group_name"] or None,
            "活动编号": r["code"],
            "登记时间": r["created_at"] or None,
            "记录号": r["id"],
        }
        for r in q(
            "select p.*, a.code from plan_items p left join activities a on a.id = p.activity_id "
            "order by p.id"
        )
    ]
    notices = [
        {
            "党员": code_of[r["member_id"]],
            "种类": r["kind"],
            "日期": optional_day(r["date"]),
            "原因": r["reason"],
            "依据": r["ref"] or None,
            "登记时间": r["created_at"] or None,
            "记录号": r["id"],
        }
        for r in q("select * from notices order by id")
    ]
    withdrawals = [
        {
            "撤销的表": TARGET_WORDS[r["target"]],
            "原记录号": r["target_id"],
            "日期": optional_day(r["date"]),
            "原因": r["reason"],
            "决定人": r["decided_by"] or None,
            "登记人": r["created_by"] or None,
            "登记时间": r["created_at"] or None,
            "记录号": r["id"],
        }
        for r in q("select * from withdrawals order by id")
    ]
    return {
        "支部信息": [branch_row],
        "支委会": committee,
        "党员变动": events,
        "活动计划模板": templates,
        "活动计划": items,
        "通知书": notices,
        "撤销": withdrawals,
        "党费冲销": [
            {
                "收据号": r["receipt_no"],
                "红字收据号": r["reversal_no"],
                "日期": optional_day(r["date"]),
                "原因": r["reason"],
                "决定人": r["decided_by"],
                "登记人": r["created_by"] or None,
                "登记时间": r["created_at"] or None,
                "记录号": r["id"],
            }
            for r in q("select * from dues_reversals order by id")
        ],
    }


# ---------------------------------------------------------------------------- reading


def read_sheets(
    book: Book, check: Any, members: Any, activities: dict[str, Any], today: date
) -> None:
    """Check these sheets into `check.plan` (problems in `check`). Writes nothing."""
    plan = check.plan
    plan.events_sheet = "党员变动" in check.data
    _read_branch(book, check)
    _read_committee(book, check, members)
    _read_events(book, check, members, today)
    _read_templates(book, check)
    _read_plan_items(book, check, activities)
    _read_notices(book, check, members, today)
    _read_withdrawals(book, check)
    _read_dues_reversals(book, check)
    _check_veto_kinds(book, check)


def _member(check: Any, sheet: str, row: int, members: Any, ref: Any) -> dict[str, Any] | None:
    if not ref:
        return None
    m, problem = members.resolve(str(ref))
    if problem:
        check.add(sheet, row, "党员", problem)
        return None
    return m


def _read_branch(book: Book, check: Any) -> None:
    from desktop.rules.presets import list_presets

    sheet = "支部信息"
    rows = [r for r in check.data.rows(sheet) if r.values.get("支部名称")]
    for extra in rows[1:]:
        check.add(sheet, extra.number, "支部名称", "支部信息只能有一行，请删去多余的行")
    if not rows:
        return
    row, v = rows[0], rows[0].values
    ok = True
    held = book.branch()
    if held["name"] and held["name"] != v["支部名称"]:
        check.add(
            sheet,
            row.number,
            "支部名称",
            f"账本的支部名称是“{held['name']}”，与工作簿的“{v['支部名称']}”不同，不会自动改名："
            "如果是同一个支部，请先在“支部信息”中把账本的名称改为一致；"
            "如果只想导入其中的党员和记录，请删去工作簿中的“支部信息”表后再导入",
        )
        ok = False
    operator = v.get("经办人") or ""
    if len(operator) > 20:
        check.add(sheet, row.number, "经办人", "经办人姓名太长，请只填写姓名（20 字以内）")
        ok = False
    scheme = v.get("默认积分方案")
    known = [p for p, _ in list_presets()]
    if scheme and scheme not in known:
        check.add(
            sheet,
            row.number,
            "默认积分方案",
            f"没有名为“{scheme}”的积分方案，可选：{'、'.join(known)}",
        )
        ok = False
    year = v.get("当前年度")
    if year is not None and not 2000 <= year <= 2100:
        check.add(sheet, row.number, "当前年度", f"年度 {year} 不合理，请填四位年份")
        ok = False
    if not ok:
        return
    # What init left empty is filled in; what the book already has is kept (and the year only
    # moves forward: a book opened on a later year keeps it).
    changes: dict[str, Any] = {}
    if not held["name"]:
        changes["name"] = v["支部名称"]
    for column, key in BRANCH_COLUMNS.items():
        if v.get(column) and not held[key]:
            changes[key] = v[column]
    settings: dict[str, str] = {}
    for column, key in SETTING_COLUMNS.items():
        if v.get(column) and not book.setting(key):
            settings[key] = v[column]
    current = book.setting("current_year")
    if year is not None and (not current or year > int(current)):
        settings["current_year"] = str(year)
    if changes or settings:
        check.plan.branch.append({"branch": changes, "settings": settings})


def _read_committee(book: Book, check: Any, members: Any) -> None:
    from desktop.book.meetings import COMMITTEE_SETTING

    sheet = "支委会"
    entries: list[dict[str, Any]] = []
    first: int | None = None
    seen: set[str] = set()
    for row in check.data.rows(sheet):
        v = row.values
        m = _member(check, sheet, row.number, members, v.get("党员"))
        if not (m and v.get("职务")):
            continue
        first = first or row.number
        if m["code"] in seen:
            check.add(sheet, row.number, "党员", f"{m['name']} 在本表中出现了不止一次")
            continue
        seen.add(m["code"])
        if m.get("left_date"):
            check.add(
                sheet,
                row.number,
                "党员",
                f"{m['name']} 已于 {m['left_date']} 离开本支部，不能担任支委",
            )
            continue
        entries.append({"member": m["code"], "role": v["职务"]})
    if not entries or first is None:
        return
    held = json.loads(book.setting(COMMITTEE_SETTING) or "[]")
    if held:
        code_of = {m["id"]: m["code"] for m in book.roster.members(include_left=True)}
        same = [(code_of.get(int(e["member_id"])), e.get("role")) for e in held] == [
            (e["member"], e["role"]) for e in entries
        ]
        if not same:
            check.add(
                sheet,
                first,
                "党员",
                f"账本已设置支委会成员（{len(held)} 人），与工作簿的不同，不会合并；"
                "请在“会议活动”中核对支委会成员，或删去这张表后再导入",
            )
        return
    check.plan.committee.extend(entries)


def _read_events(book: Book, check: Any, members: Any, today: date) -> None:
    sheet = "党员变动"
    held = {
        (r[0], r[1], r[2])
        for r in book.execute(
            "select m.code, e.kind, e.date from member_events e join members m on m.id = e.member_id"
        )
    }
    for row in check.data.rows(sheet):
        v = row.values
        # Not checked against the member's dates in the branch: 发展 and 转入 come before it.
        m = _member(check, sheet, row.number, members, v.get("党员"))
        when = _iso(v.get("日期"))
        if not (m and when and v.get("事件")):
            continue
        if when > today.isoformat():
            check.add(sheet, row.number, "日期", f"日期 {when} 还没到：变动办理后再登记")
            continue
        if (m["code"], v["事件"], when) in held:
            check.add(
                sheet,
                row.number,
                "事件",
                f"账本中已有 {m['name']} {when} 的“{v['事件']}”记录，不能重复",
            )
            continue
        check.plan.events.append(
            {
                "member": m["code"],
                "kind": v["事件"],
                "date": when,
                "note": v.get("说明") or "",
                "created_at": v.get("登记时间") or now_iso(),
                "id": check.record_no(sheet, row),
            }
        )


def _read_templates(book: Book, check: Any) -> None:
    from desktop.book.meetings import template_row
    from desktop.rules import meetings as rules

    sheet = "活动计划模板"
    rows: list[dict[str, Any]] = []
    first: int | None = None
    for row in check.data.rows(sheet):
        v = row.values
        if not (v.get("类型") and v.get("频次") and v.get("日") is not None):
            continue
        first = first or row.number
        t = rules.PlanTemplate(
            v["类型"],
            FREQUENCY_OF_WORD[v["频次"]],
            v["日"],
            v.get("月份"),
            v.get("主题") or "",
            bool(v.get("每个党小组")),
        )
        problems = rules.check_template(t)
        if problems:
            first_problem = problems[0]
            column = (
                "日"
                if first_problem.startswith("日期")
                else "频次"
                if first_problem.startswith("频次")
                else "月份"
                if "月" in first_problem
                else "类型"
            )
            check.add(sheet, row.number, column, "".join(problems).rstrip("。"))
            continue
        rows.append(template_row(t))
    if not rows or first is None:
        return
    held = [
        {k: r[k] for k in ("type", "frequency", "month", "day", "topic", "per_group")}
        for r in book.query("select * from plan_templates order by sort, id")
    ]
    if held and held != rows:
        check.add(
            sheet,
            first,
            "类型",
            f"账本已有自己的活动计划模板（{len(held)} 项），与工作簿的不同，不会合并；"
            "请在“会议活动”的计划模板中核对，或删去这张表后再导入",
        )
        return
    if not held:
        check.plan.templates.extend({**r, "sort": n} for n, r in enumerate(rows))


def _read_plan_items(book: Book, check: Any, activities: dict[str, Any]) -> None:
    sheet = "活动计划"
    held = {r[0] for r in book.execute("select distinct year from plan_items")}
    refused: set[int] = set()
    for row in check.data.rows(sheet):
        v = row.values
        year, due = v.get("年度"), _iso(v.get("计划日期"))
        if not (year and due and v.get("类型")):
            continue
        if year in refused:
            continue
        if year in held:
            check.add(
                sheet, row.number, "年度", f"账本中已有 {year} 年的活动计划，不能重复导入（不合并）"
            )
            refused.add(year)
            continue
        if due[:4] != f"{year:04d}":
            check.add(sheet, row.number, "计划日期", f"计划日期 {due} 不在 {year} 年内")
            continue
        code = v.get("活动编号")
        if code and code not in activities:
            check.add(sheet, row.number, "活动编号", f"找不到活动“{code}”，请先在“活动”表中登记")
            continue
        check.plan.plan_items.append(
            {
                "year": year,
                "type": v["类型"],
                "due_date": due,
                "topic": v.get("主题") or "",
                "group_name": v.get("党小组") or "",
                "activity": code,
                "created_at": v.get("登记时间") or now_iso(),
                "id": check.record_no(sheet, row),
            }
        )


def _read_notices(book: Book, check: Any, members: Any, today: date) -> None:
    sheet = "通知书"
    held = {
        (r[0], r[1], r[2])
        for r in book.execute(
            "select m.code, n.kind, n.ref from notices n join members m on m.id = n.member_id "
            "where n.ref != ''"
        )
    }
    for row in check.data.rows(sheet):
        v = row.values
        m = _member(check, sheet, row.number, members, v.get("党员"))
        when = _iso(v.get("日期"))
        if not (m and when and v.get("种类") and v.get("原因")):
            continue
        if when > today.isoformat():
            check.add(sheet, row.number, "日期", f"日期 {when} 还没到，不能登记已出具的通知书")
            continue
        ref = v.get("依据") or ""
        if ref and (m["code"], v["种类"], ref) in held:
            check.add(
                sheet, row.number, "依据", f"已就“{ref}”向 {m['name']} 出具过{v['种类']}，不能重复"
            )
            continue
        held.add((m["code"], v["种类"], ref))
        check.plan.member_notices.append(
            {
                "member": m["code"],
                "kind": v["种类"],
                "date": when,
                "reason": v["原因"],
                "ref": ref,
                "created_at": v.get("登记时间") or now_iso(),
                "id": check.record_no(sheet, row),
            }
        )


def _read_dues_reversals(book: Book, check: Any) -> None:
    """党费冲销: each names a receipt of the 党费 sheet (or of the book), once; its red
    number is no receipt's; its date lies in no period the book has confirmed."""
    from desktop.book.periods import row_label
    from desktop.book.quarter import confirmed_period_at

    sheet = "党费冲销"
    plan = check.plan
    receipts = {d["receipt_no"] for d in plan.dues if d.get("receipt_no")}
    receipts |= {r[0] for r in book.execute("select distinct receipt_no from dues_payments")}
    # A payment without 收据号 is named by its 记录号: "#12" — the sheet's row, else the book's.
    sheet_refs = {
        unnumbered_ref(d["id"]) for d in plan.dues if not d.get("receipt_no") and d.get("id")
    }
    book_refs = {
        unnumbered_ref(r[0])
        for r in book.execute("select id from dues_payments where coalesce(receipt_no, '') = ''")
    }
    receipts |= sheet_refs | book_refs
    reversed_ = {r[0] for r in book.execute("select receipt_no from dues_reversals")}
    red_numbers = {r[0] for r in book.execute("select reversal_no from dues_reversals")}
    for row in check.data.rows(sheet):
        v = row.values
        no, red, when = v.get("收据号"), v.get("红字收据号"), _iso(v.get("日期"))
        if not (no and red and when and v.get("原因") and v.get("决定人")):
            continue
        no, red = str(no).strip(), str(red).strip()
        if no not in receipts:
            check.add(
                sheet,
                row.number,
                "收据号",
                f"“党费”表和账本中都没有收据号 {no}"
                if unnumbered_id(no) is None
                else f"“党费”表和账本中都没有记录号为 {unnumbered_id(no)} 的无收据号缴费",
            )
            continue
        if no in sheet_refs and no in book_refs:
            # Imported into a book that has payments already, "#12" may be either: the
            # import would take the sheet's, and might reverse a payment nobody meant.
            check.add(
                sheet,
                row.number,
                "收据号",
                f"记录号 {unnumbered_id(no)} 既是“党费”表中一笔无收据号的缴费，也是账本中已有的"
                "一笔，分不清冲销的是哪一笔：请删去这一行再导入，导入后在“党费”页用"
                "“冲销收据…”选中要冲销的那一笔",
            )
            continue
        if no in reversed_:
            check.add(sheet, row.number, "收据号", f"收据 {no} 冲销了不止一次")
            continue
        if red in receipts or red in red_numbers:
            check.add(sheet, row.number, "红字收据号", f"{red} 已是另一张收据的号码")
            continue
        period = confirmed_period_at(book, when)
        if period is not None:
            check.add(
                sheet,
                row.number,
                "日期",
                f"账本中{row_label(period)}已确认，不能再登记 {when} 的冲销",
            )
            continue
        reversed_.add(no)
        red_numbers.add(red)
        plan.dues_reversals.append(
            {
                "receipt_no": no,
                "reversal_no": red,
                "date": when,
                "reason": v["原因"],
                "decided_by": v["决定人"],
                "created_by": v.get("登记人") or "",
                "created_at": v.get("登记时间") or now_iso(),
                "id": check.record_no(sheet, row),
            }
        )


def _read_withdrawals(book: Book, check: Any) -> None:
    from desktop.book.periods import row_label
    from desktop.book.quarter import confirmed_period_at

    sheet = "撤销"
    plan = check.plan
    targets = {
        "vetoes": {r["id"]: r["date"] for r in plan.vetoes if r.get("id") is not None},
        "appraisals": {
            r["id"]: f"{r['year']:04d}-01-01" for r in plan.appraisals if r.get("id") is not None
        },
    }
    seen: set[tuple[str, int]] = set()
    for row in check.data.rows(sheet):
        v = row.values
        word, ref, when = v.get("撤销的表"), v.get("原记录号"), _iso(v.get("日期"))
        if not (word and ref is not None and when and v.get("原因")):
            continue
        target = TARGET_OF_WORD[word]
        since = targets[target].get(ref)
        if since is None:
            check.add(
                sheet, row.number, "原记录号", f"本工作簿的“{word}”表中没有记录号为 {ref} 的记录"
            )
            continue
        if (target, ref) in seen:
            check.add(
                sheet, row.number, "原记录号", f"“{word}”第 {ref} 号记录在本表中撤销了不止一次"
            )
            continue
        seen.add((target, ref))
        if when < since:
            check.add(sheet, row.number, "日期", f"撤销日期 {when} 早于被撤销记录的日期 {since}")
            continue
        period = confirmed_period_at(book, when)
        if period is not None:
            check.add(
                sheet,
                row.number,
                "日期",
                f"账本中{row_label(period)}已确认，不能再登记 {when} 的撤销",
            )
            continue
        plan.withdrawals.append(
            {
                "target": target,
                "target_id": ref,
                "date": when,
                "reason": v["原因"],
                "decided_by": v.get("决定人") or "",
                "created_by": v.get("登记人") or "",
                "created_at": v.get("登记时间") or now_iso(),
                "id": check.record_no(sheet, row),
            }
        )


def _check_veto_kinds(book: Book, check: Any) -> None:
    """A veto's 情形 must be one of its year's scheme (the workbook's scheme if it has one)."""
    from desktop.book.errors import InputRefused
    from desktop.book.scoring import year_scheme
    from desktop.rules.scheme import SchemeError, load_scheme

    kinds: dict[int, set[str] | None] = {}
    for number, year, kind in check.veto_kinds:
        if year not in kinds:
            try:
                text = next((s["text"] for s in check.plan.schemes if s["year"] == year), None)
                scheme = load_scheme(text) if text else year_scheme(book, year)
                kinds[year] = {k.name for k in scheme.veto.kinds}
            except (SchemeError, InputRefused):
                kinds[year] = None  # the scheme's own problem is reported where it is
        known = kinds[year]
        if known is not None and kind not in known:
            listed = (
                f"可选：{'；'.join(sorted(known))}"
                if known
                else "该年度方案没有列出具体情形，请留空"
            )
            check.add(
                "一票否决",
                number,
                "情形",
                f"“{kind}”不是{year}年积分方案中的一票否决情形；{listed}",
            )


# ---------------------------------------------------------------------------- writing


def write_plan(
    book: Book,
    plan: ImportPlan,
    code_to_id: dict[str, int],
    record_ids: dict[str, dict[int, int]],
) -> None:
    """Insert these records; the caller holds the import's transaction and has written the
    members, activities, vetoes and appraisals (`record_ids`: table → workbook 记录号 → id),
    and writes the quarters (which lock by date) after this."""
    from desktop.book.meetings import COMMITTEE_SETTING
    from desktop.book.quarter_sheets import _insert_keeping_ids

    db = book.db
    for b in plan.branch:
        if b["branch"]:
            if book.execute("select 1 from branch where id = 1").fetchone():
                db["branch"].update(1, b["branch"])
            else:
                db["branch"].insert({"id": 1, "created_at": now_iso(), **b["branch"]})
        for key, value in b["settings"].items():
            book.set_setting(key, value)
    if plan.committee:
        rows = [{"member_id": code_to_id[e["member"]], "role": e["role"]} for e in plan.committee]
        book.set_setting(COMMITTEE_SETTING, json.dumps(rows, ensure_ascii=False))
    _insert_keeping_ids(
        book,
        "member_events",
        [{**_without(e, "member"), "member_id": code_to_id[e["member"]]} for e in plan.events],
    )
    if plan.templates:
        db["plan_templates"].insert_all(plan.templates)
    activity_ids = dict(book.execute("select code, id from activities").fetchall())
    _insert_keeping_ids(
        book,
        "plan_items",
        [
            {**_without(p, "activity"), "activity_id": activity_ids.get(p["activity"])}
            for p in plan.plan_items
        ],
    )
    _insert_keeping_ids(
        book,
        "notices",
        [
            {**_without(n, "member"), "member_id": code_to_id[n["member"]]}
            for n in plan.member_notices
        ],
    )
    # A payment without 收据号 is named "#记录号": by its id in this book now.
    moved = record_ids.get("dues_payments", {})
    _insert_keeping_ids(
        book,
        "dues_reversals",
        [
            {**r, "receipt_no": unnumbered_ref(moved.get(n, n))}
            if (n := unnumbered_id(r["receipt_no"])) is not None
            else r
            for r in plan.dues_reversals
        ],
    )
    _insert_keeping_ids(
        book,
        "withdrawals",
        [
            {**w, "target_id": record_ids[w["target"]].get(w["target_id"], w["target_id"])}
            for w in plan.withdrawals
        ],
    )


def _without(d: dict[str, Any], key: str) -> dict[str, Any]:
    return {k: v for k, v in d.items() if k != key}
