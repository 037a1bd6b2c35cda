"""The contract's own sheets (CONTRACT.md: 党员名册, 党小组, 活动, 签到, 党费, 党费标准, 积分申报,
民主评议, 一票否决) read and checked for an import. Nothing here writes to the book; problems go
to the `Checker`, records to its plan."""

from __future__ import annotations

from collections import Counter
from datetime import date
from decimal import Decimal
from typing import Any

from desktop.book import roster_import
from desktop.book.errors import InputRefused
from desktop.book.interchange_plan import Checker, iso
from desktop.book.store import Book
from desktop.rules.member import (
    COLUMN_TO_KEY,
    EXTRA_FIELD_LABELS,
    FIELD_LABELS,
    normalize_ethnicity,
    validate_member,
)

# Roster columns the program adds after the contract's own (see desktop/sheets/columns.py).
EXTRA_COLUMNS = {
    **{label: key for key, label in EXTRA_FIELD_LABELS.items()},
    "流动范围": "mobile_scope",
}
ROSTER_LABELS = {**FIELD_LABELS, **EXTRA_FIELD_LABELS, "mobile_scope": "流动范围"}


def read_sheets(
    book: Book, data: Any, check: Checker, today: date
) -> tuple[Members, dict[str, dict[str, Any]]]:
    """Read the contract's sheets in order; returns who a 党员 cell can mean and the
    activities (by code) for the sheets read after these."""
    members = _read_roster(book, data, check, today)
    _read_groups(book, data, check, members)
    activities = _read_activities(book, data, check, today)
    _read_attendance(book, data, check, members, activities, today)
    _read_dues(book, data, check, members)
    _read_rates(book, data, check, members)
    _read_claims(data, check, members)
    _read_appraisals(book, data, check, members, "民主评议")
    # Ours, not the contract's: 自评 and 组织考评, one grade per member (no tally columns),
    # with who graded and when (columns added at the end; older workbooks have neither).
    _read_appraisals(book, data, check, members, "自评与组织考评", today)
    _read_vetoes(data, check, members)
    return members, activities


# -- members and groups -------------------------------------------------------------------


class Members:
    """Who a `党员` cell can mean: members already in the book plus those being imported."""

    def __init__(self, book: Book) -> None:
        self.by_code: dict[str, dict[str, Any]] = {}
        self.by_name: dict[str, list[dict[str, Any]]] = {}
        for m in book.roster.members(include_left=True):
            self._add(
                {
                    "code": m["code"],
                    "name": m["name"],
                    "id": m["id"],
                    "joined_date": m["joined_date"],
                    "transferred_in_date": m["transferred_in_date"],
                    "left_date": m["left_date"],
                    "status": m["status"],
                }
            )

    def _add(self, m: dict[str, Any]) -> None:
        self.by_code[m["code"]] = m
        self.by_name.setdefault(m["name"], []).append(m)

    def resolve(self, ref: str) -> tuple[dict[str, Any] | None, str | None]:
        if ref in self.by_code:
            return self.by_code[ref], None
        found = self.by_name.get(ref, [])
        if len(found) == 1:
            return found[0], None
        if len(found) > 1:
            codes = "、".join(m["code"] or "（无编号）" for m in found)
            return None, f"有 {len(found)} 名党员叫“{ref}”（编号 {codes}），请改填编号"
        return None, f"找不到党员“{ref}”，请先在“党员名册”中登记，或核对编号/姓名"


def working_year(book: Book, data: Any) -> int:
    """The book's working year once imported: a later 当前年度 in 支部信息 moves it forward
    (branch_sheets); an earlier one does not move it back."""
    held = book.setting("current_year")
    years = [int(held)] if held else []
    if (own := workbook_year(data)) is not None:
        years.append(own)
    return max(years) if years else book.current_year


def workbook_year(data: Any) -> int | None:
    """The year the workbook itself was written for (支部信息 当前年度), if it says."""
    for row in data.rows("支部信息")[:1]:
        year = row.values.get("当前年度")
        if isinstance(year, int) and 2000 <= year <= 2100:
            return year
    return None


def _read_roster(book: Book, data: Any, check: Checker, today: date) -> Members:
    members = Members(book)
    sheet = "党员名册"
    rows = data.rows(sheet)
    next_code = int(book.roster.next_code())
    codes_in_file = Counter((r.values.get("编号") or "") for r in rows)
    ids_in_file = Counter((r.values.get("身份证号") or "") for r in rows)
    id_keepers = roster_import.id_keepers(rows)
    people_in_file = Counter(
        (r.values.get("姓名"), iso(r.values.get("出生日期")))
        for r in rows
        if r.values.get("出生日期")
    )
    book_ids = {
        m["id_card"].upper(): m for m in book.roster.members(include_left=True) if m["id_card"]
    }
    # A roster is judged as of the year it was written for (its 预备党员 may have been
    # confirmed since), even when the book it goes into is kept for a later year; without
    # 支部信息 (a township 花名册) it is taken to be the book's own year's.
    book_year = working_year(book, data)
    as_of = date(workbook_year(data) or book_year, 12, 31)
    later = date(book_year, 12, 31) if as_of.year < book_year else None
    overdue: list[str] = []
    filled_from_id: list[str] = []
    unchanged: list[str] = []  # rows of members already in the book, agreeing with it
    differ: list[str] = []  # … and saying something else (the book's record stays)
    standing: list[str] = []  # 备注 words (流动党员, 年老体弱 …) the flags do not say
    file_sheet = data.source_names.get(sheet, sheet)
    for row in rows:
        v = row.values
        fields: dict[str, Any] = {}
        for column, value in v.items():
            key = COLUMN_TO_KEY.get(column) or EXTRA_COLUMNS.get(column)
            if key:
                fields[key] = iso(value) if isinstance(value, date) else value
        fields = {
            k: ("" if val is None and k not in ("mobile", "exempt", "leader") else val)
            for k, val in fields.items()
        }
        for key in ("mobile", "exempt", "leader"):
            fields[key] = bool(fields.get(key))
        for key in (
            "birth_date",
            "joined_date",
            "confirmed_date",
            "left_date",
            "transferred_in_date",
            "exempt_approved_date",
        ):
            fields[key] = fields.get(key) or None
        code = fields.get("code") or ""
        # Whether the sheet gave the code: a problem workbook carries the others' (roster_import).
        fields["_code_given"] = bool(code)
        number = str(v.get("身份证号") or "").upper()
        # The book first, for every row (also one of two sharing a number: the kept one must
        # not slip in again on a second import).
        held = book_ids.get(number) if number else None
        if held is not None:
            keeper = id_keepers.get(v.get("身份证号") or "")
            if keeper is not None and keeper is not row and fields.get("name") == held["name"]:
                check.add(
                    sheet,
                    row.number,
                    "身份证号",
                    f"与第{keeper.number}行（{keeper.values.get('姓名') or ''}）的身份证号相同，"
                    "同一人不能登记两次：请删去这一行",
                )
                continue
            if fields.get("ethnicity"):
                fields["ethnicity"] = normalize_ethnicity(fields["ethnicity"])
            # The township's updated 花名册 lists everyone again: a member already in the book
            # is not imported twice, nor changed by it (changes go through 登记变动/修改).
            _roster_row_in_book(check, sheet, row.number, fields, held, unchanged, differ)
            note = roster_import.standing_note(
                fields.get("note"), held, f"{file_sheet} 第{row.number}行"
            )
            if note:
                standing.append(note)
            continue
        if not code:
            code = f"{next_code:03d}"
            while code in members.by_code or codes_in_file[code]:
                next_code += 1
                code = f"{next_code:03d}"
            next_code += 1
            fields["code"] = code
        unreadable = {
            COLUMN_TO_KEY.get(c) or EXTRA_COLUMNS.get(c, c)
            for c in check.unreadable(sheet, row.number)
        }
        keeper = id_keepers.get(v.get("身份证号") or "")
        if keeper is not None and keeper is not row:
            unreadable.add("id_card")  # another row's number: said once, below
        filled = roster_import.fill_from_id(fields)
        if filled:
            filled_from_id.append(f"{fields.get('name') or ''}（第{row.number}行）")
        if fields.get("ethnicity"):
            fields["ethnicity"] = normalize_ethnicity(fields["ethnicity"])
        problems = validate_member(fields, today, as_of=as_of, unreadable=unreadable)
        for key, message in problems.items():
            check.add(sheet, row.number, ROSTER_LABELS.get(key, key), message)
        if (
            later
            and not problems
            and fields.get("status") == "预备党员"
            and "joined_date" in validate_member(fields, today, as_of=later)
        ):
            overdue.append(f"第{row.number}行 {fields.get('name')}")
        if v.get("编号") and codes_in_file[v["编号"]] > 1:
            check.add(
                sheet,
                row.number,
                "编号",
                f"编号 {code} 在本表中出现了 {codes_in_file[code]} 次，编号不能重复",
            )
        elif code in members.by_code:
            who = members.by_code[code]["name"]
            check.add(
                sheet,
                row.number,
                "编号",
                f"编号 {code} 已是账本中的党员 {who}，同一党员不能重复导入",
            )
        id_card = (fields.get("id_card") or "").upper()
        duplicate = id_card and ids_in_file[v.get("身份证号")] > 1
        if duplicate and keeper is not None and keeper is not row:
            who = keeper.values.get("姓名") or ""
            check.add(
                sheet,
                row.number,
                "身份证号",
                f"与第{keeper.number}行（{who}）的身份证号相同，同一人不能登记两次："
                "请按本人身份证核对这一行",
            )
        person = (v.get("姓名"), iso(v.get("出生日期")))
        if person[1] and people_in_file[person] > 1 and not id_card:
            check.add(
                sheet, row.number, "姓名", f"{person[0]}（{person[1]} 出生）在本表中出现了不止一次"
            )
        if not problems and (
            note := roster_import.standing_note(
                fields.get("note"), fields, f"{file_sheet} 第{row.number}行"
            )
        ):
            standing.append(note)
        fields["group"] = fields.get("group") or ""
        fields["id"] = check.record_no(sheet, row)
        check.plan.members.append({**fields, "_row": row.number})
        members._add(
            {
                "code": code,
                "name": fields.get("name") or "",
                "id": None,
                "joined_date": fields.get("joined_date"),
                "transferred_in_date": fields.get("transferred_in_date"),
                "left_date": fields.get("left_date"),
                "status": fields.get("status"),
            }
        )
    check.plan.preview[sheet] = [
        {k: m.get(k) for k in ("code", "name", "gender", "status", "group", "joined_date")}
        for m in check.plan.members
    ]
    if filled_from_id:
        check.plan.read_notes.append(
            f"{file_sheet}：{roster_import.few(filled_from_id)}的出生日期（或性别）"
            "表中没有填，已按身份证号填上。"
        )
    if unchanged:
        check.plan.unchanged = unchanged
        check.plan.read_notes.append(roster_import.unchanged_note(file_sheet, unchanged))
    check.plan.read_notes += differ + standing
    if overdue:
        check.plan.read_notes.append(
            f"{data.source_names.get(sheet, sheet)}：{'、'.join(overdue)} 在工作簿 {as_of.year} 年"
            f"的名册中是预备党员，到 {later.year if later else ''} 年入党已超过两年，仍按预备党员导入；"
            "已转正的，请导入后在党员名册中登记转正（人员类别改为正式党员并填写转正时间）。"
        )
    return members


def _roster_row_in_book(
    check: Checker,
    sheet: str,
    row: int,
    fields: dict[str, Any],
    held: dict[str, Any],
    unchanged: list[str],
    differ: list[str],
) -> None:
    """A roster row whose ID number the book holds: skipped when it agrees; another name is a
    problem (which of the two is it?); other differences are said, the book's record kept."""
    name = str(fields.get("name") or "").strip()
    if name and name != held["name"]:
        check.add(
            sheet,
            row,
            "姓名",
            f"这个身份证号已登记在 {held['name']}（编号 {held['code']}）名下，"
            f"本表写的是 {name}：同一身份证号不能是两个人。是同一人改了名的，请在名册中修改"
            f"{held['name']}的姓名，再把这一行的姓名改成一致；是另一个人的，请按本人身份证核对"
            "这一行的身份证号",
        )
        return
    unchanged.append(held["name"])
    found = roster_import.differences(fields, held)
    if not found:
        return
    where = f"{check.data.source_names.get(sheet, sheet)} 第{row}行"
    said = "；".join(
        f"{ROSTER_LABELS.get(key, key)} 本表为“{theirs}”，账本中为“{ours}”"
        for key, theirs, ours in found
    )
    differ.append(
        f"{where} {held['name']}（编号 {held['code']}）已在名册中，本表与账本不同：{said}。"
        "这一行没有导入，账本中的记录未改动；账本有误的，请在党员名册中选中这名党员，"
        "用“修改”更正登记项，人员类别、转正、离开等变动用“登记变动…”登记。"
    )


def _read_groups(book: Book, data: Any, check: Checker, members: Members) -> None:
    sheet = "党小组"
    existing = {g["name"] for g in book.roster.groups()}
    seen: set[str] = set()
    for row in data.rows(sheet):
        name = row.values.get("名称") or ""
        if not name:
            continue
        if name in seen:
            check.add(sheet, row.number, "名称", f"党小组“{name}”在本表中重复出现")
            continue
        seen.add(name)
        leader_ref = row.values.get("组长") or ""
        leader_code = None
        if leader_ref:
            m, problem = members.resolve(leader_ref)
            if problem:
                check.add(sheet, row.number, "组长", problem)
            else:
                leader_code = m["code"]
        check.plan.groups.append(
            {
                "name": name,
                "leader_code": leader_code,
                "note": row.values.get("备注") or "",
                "exists": name in existing,
            }
        )


# -- facts ----------------------------------------------------------------------------------


def member_at(
    check: Checker,
    sheet: str,
    row: int,
    column: str,
    members: Members,
    ref: Any,
    when: str | None,
) -> dict[str, Any] | None:
    if not ref:
        return None
    m, problem = members.resolve(str(ref))
    if problem:
        check.add(sheet, row, column, problem)
        return None
    if when and m.get("left_date") and when > m["left_date"]:
        check.add(
            sheet, row, column, f"{m['name']} 已于 {m['left_date']} 离开本支部，{when} 不能再有记录"
        )
        return None
    start = m.get("transferred_in_date")
    if when and start and when < start:
        check.add(sheet, row, column, f"{m['name']} 于 {start} 转入本支部，{when} 还不在本支部")
        return None
    return m


def _read_activities(
    book: Book, data: Any, check: Checker, today: date
) -> dict[str, dict[str, Any]]:
    sheet = "活动"
    known = {
        r["code"]: {"code": r["code"], "date": r["date"], "type": r["type"]}
        for r in book.db.query("select code, date, type from activities")
    }
    for row in data.rows(sheet):
        v = row.values
        code = v.get("编号")
        if not code:
            continue
        if code in known:
            check.add(
                sheet,
                row.number,
                "编号",
                f"活动编号 {code} 已存在（{known[code]['date']}），不能重复",
            )
            continue
        record = {
            "code": code,
            "date": iso(v.get("日期")),
            "type": v.get("类型") or "",
            "topic": v.get("主题") or "",
            "place": v.get("地点") or "",
            "host": v.get("主持人") or "",
            "recorder": v.get("记录人") or "",
            "minutes": v.get("会议记录") or "",
            "decisions": v.get("决定事项") or "",
            "id": check.record_no(sheet, row),
        }
        # A future activity is allowed (its sign-in sheet is printed first), as in the book;
        # a sign-in for it is not (see _read_attendance).
        known[code] = record
        check.plan.activities.append(record)
    check.plan.preview[sheet] = check.plan.activities
    return known


def _read_attendance(
    book: Book,
    data: Any,
    check: Checker,
    members: Members,
    activities: dict[str, dict],
    today: date,
) -> None:
    from desktop.book.meetings import Meetings

    sheet = "签到"
    seen = {
        (r["a"], r["m"])
        for r in book.db.query(
            "select a.code as a, m.code as m from attendance t join activities a on a.id = t.activity_id "
            "join members m on m.id = t.member_id"
        )
    }
    for row in data.rows(sheet):
        v = row.values
        activity = activities.get(v.get("活动编号") or "")
        if v.get("活动编号") and activity is None:
            check.add(
                sheet, row.number, "活动编号", f"找不到活动“{v['活动编号']}”，请先在“活动”表中登记"
            )
        when = activity["date"] if activity else None
        if when and when > today.isoformat():
            check.add(
                sheet,
                row.number,
                "活动编号",
                f"活动 {activity['code']} 的日期 {when} 还没到，不能有签到记录",
            )
            continue
        m = member_at(check, sheet, row.number, "党员", members, v.get("党员"), when)
        if not (activity and m and v.get("状态")):
            continue
        # As the sign-in screen: nobody signs in before he joined the party (or the branch).
        problem = Meetings(book).on_roll_problem(m, when) if when else None
        if problem:
            check.add(sheet, row.number, "党员", problem.rstrip("。"))
            continue
        key = (activity["code"], m["code"])
        if key in seen:
            check.add(
                sheet,
                row.number,
                "党员",
                f"{m['name']} 在活动 {activity['code']} 已有签到记录，不能重复签到",
            )
            continue
        seen.add(key)
        witnesses = [
            w
            for w in (v.get("证明人") or "").replace("，", "、").replace(",", "、").split("、")
            if w.strip()
        ]
        if v["状态"] == "补录" and len(witnesses) < 2:
            check.add(sheet, row.number, "证明人", "补录须有两名党员证明人（用“、”分隔），请补齐")
        check.plan.attendance.append(
            {
                "activity": activity["code"],
                "member": m["code"],
                "status": v["状态"],
                "witnesses": "、".join(w.strip() for w in witnesses),
                "note": v.get("备注") or "",
                "host_org": v.get("参加单位") or "",
                "id": check.record_no(sheet, row),
            }
        )
    check.plan.preview[sheet] = check.plan.attendance


def _read_dues(book: Book, data: Any, check: Checker, members: Members) -> None:
    sheet = "党费"
    # A receipt may cover several months of one member (paid ahead, or arrears paid late).
    receipts: dict[str, tuple[str, set[str]]] = {}
    for no, code, month in book.db.execute(
        "select d.receipt_no, m.code, d.month from dues_payments d "
        "join members m on m.id = d.member_id where coalesce(d.receipt_no, '') != ''"
    ):
        receipts.setdefault(no, (code, set()))[1].add(month)
    for row in data.rows(sheet):
        v = row.values
        month = v.get("月份")
        m = member_at(check, sheet, row.number, "党员", members, v.get("党员"), None)
        if not (m and month and v.get("应缴") is not None and v.get("实缴") is not None):
            continue
        # Dues are owed for every month the member spent any part of in the branch.
        if m.get("left_date") and month > m["left_date"][:7]:
            check.add(
                sheet,
                row.number,
                "月份",
                f"{m['name']} 已于 {m['left_date']} 离开本支部，不应再有 {month} 的党费",
            )
            continue
        if m.get("transferred_in_date") and month < m["transferred_in_date"][:7]:
            check.add(
                sheet,
                row.number,
                "月份",
                f"{m['name']} 于 {m['transferred_in_date']} 转入本支部，{month} 的党费在原支部交纳",
            )
            continue
        if m.get("joined_date") and month < m["joined_date"][:7]:
            check.add(
                sheet,
                row.number,
                "月份",
                f"{m['name']} {m['joined_date']} 入党，{month} 还不用交党费",
            )
            continue
        # A single month above 1,000 yuan is possible (voluntary), above 100,000 is a typo.
        for column in ("应缴", "实缴"):
            if v[column] > 10_000_000:
                check.add(
                    sheet, row.number, column, f"金额 {v[column] / 100:.2f} 元不合常理，请核对"
                )
        receipt = v.get("收据号") or ""
        if str(receipt).startswith("#"):  # "#12" names a payment without a receipt number
            check.add(
                sheet,
                row.number,
                "收据号",
                f"收据号 {receipt} 不能以“#”开头（它用来指没有收据号的缴费的记录号），"
                "请写收据上印的号码",
            )
        elif receipt:
            owner, months = receipts.setdefault(receipt, (m["code"], set()))
            if owner != m["code"]:
                check.add(
                    sheet,
                    row.number,
                    "收据号",
                    f"收据号 {receipt} 已用于另一名党员，一张收据只能是一名党员的，请核对",
                )
            elif month in months:
                check.add(
                    sheet,
                    row.number,
                    "收据号",
                    f"收据号 {receipt} 已登记过 {month} 的党费，不能重复",
                )
            months.add(month)
        paid_date = iso(v.get("缴纳日期"))
        if v["实缴"] > 0 and not paid_date:
            check.add(sheet, row.number, "缴纳日期", "有实缴金额时请填写缴纳日期")
        check.plan.dues.append(
            {
                "member": m["code"],
                "month": month,
                "due_fen": v["应缴"],
                "paid_fen": v["实缴"],
                "paid_date": paid_date,
                "receiver": v.get("收款人") or "",
                "receipt_no": receipt or None,
                "id": check.record_no(sheet, row),
            }
        )
    check.plan.preview[sheet] = check.plan.dues


def _read_rates(book: Book, data: Any, check: Checker, members: Members) -> None:
    """党费标准: a member's monthly amount from a month on, checked against the 2008 tariff."""
    from desktop.rules.dues import ABSURD_FEN, INCOME_CATEGORIES, TariffError, monthly_dues, yuan

    sheet = "党费标准"
    seen = {
        (code, month)
        for code, month in book.db.execute(
            "select m.code, r.from_month from dues_rates r join members m on m.id = r.member_id"
        )
    }
    for row in data.rows(sheet):
        v = row.values
        m = member_at(check, sheet, row.number, "党员", members, v.get("党员"), None)
        month, category, amount = v.get("起始月份"), v.get("类别"), v.get("每月金额")
        if not (m and month and category and amount is not None):
            continue
        if m.get("status") not in ("正式党员", "预备党员"):
            check.add(sheet, row.number, "党员", f"{m['name']} 是{m.get('status')}，不交党费")
            continue
        if (m["code"], month) in seen:
            check.add(
                sheet, row.number, "起始月份", f"{m['name']} {month} 起的党费标准已经有了，不能重复"
            )
            continue
        seen.add((m["code"], month))
        if amount > ABSURD_FEN:
            check.add(sheet, row.number, "每月金额", f"金额 {yuan(amount)} 元不合常理，请核对")
            continue
        income = v.get("月收入") if category in INCOME_CATEGORIES else None
        calculated = None
        try:
            if category in INCOME_CATEGORIES and income is not None:
                calculated = monthly_dues(category, income).monthly_fen
            elif category not in INCOME_CATEGORIES and category != "农民":
                calculated = monthly_dues(category).monthly_fen
        except TariffError as exc:
            check.add(sheet, row.number, "月收入", str(exc).rstrip("。"))
            continue
        reason, approver = v.get("调整原因") or "", v.get("批准") or ""
        if calculated is not None and amount != calculated and not reason:
            check.add(
                sheet,
                row.number,
                "调整原因",
                f"每月金额 {yuan(amount)} 元与按规定计算的 {yuan(calculated)} 元不同，请写明调整原因",
            )
        if calculated is not None and amount < calculated and not approver:
            check.add(sheet, row.number, "批准", "少交或免交党费须填写批准的党组织和日期")
        check.plan.rates.append(
            {
                "member": m["code"],
                "from_month": month,
                "category": category,
                "income_fen": income,
                "monthly_fen": amount,
                "override_reason": reason,
                "approved_by": approver,
                "id": check.record_no(sheet, row),
            }
        )
    check.plan.preview[sheet] = check.plan.rates


def _read_claims(data: Any, check: Checker, members: Members) -> None:
    sheet = "积分申报"
    check.claim_rows = []  # (row number, member, record): checked by _check_claims
    for row in data.rows(sheet):
        v = row.values
        when = iso(v.get("日期"))
        m = member_at(check, sheet, row.number, "党员", members, v.get("党员"), when)
        if not (m and when and v.get("项目") and v.get("分值") is not None):
            continue
        check.claim_rows.append((row.number, m, v))
        check.plan.claims.append(
            {
                "member": m["code"],
                "date": when,
                "item": v["项目"],
                "points": str(Decimal(v["分值"])),
                "reason": v.get("事由") or "",
                "status": v.get("状态") or "申报",
                "id": check.record_no(sheet, row),
            }
        )
    check.plan.preview[sheet] = check.plan.claims


def scheme_of_year(book: Book, check: Checker, year: int) -> Any:
    """The year's scheme as the import will leave it: the workbook's own for that year (its
    积分方案 sheet), else the book's. Read once per year (raises what loading raises)."""
    from desktop.book.scoring import year_scheme
    from desktop.rules.scheme import load_scheme

    if year not in check.year_schemes:
        text = next((s["text"] for s in check.plan.schemes if s["year"] == year), None)
        check.year_schemes[year] = load_scheme(text) if text else year_scheme(book, year)
    return check.year_schemes[year]


def check_claims(book: Book, check: Checker) -> None:
    """The 积分申报 rows, checked as the screens check a claim (quarter.add_claim): the item
    must be one the year's scheme (the workbook's own for that year, else the book's) takes
    claims for, the points its fixed points or within its range, and the caps (the item's,
    its pool's, its section's) not exceeded, counting the book's claims and the rows above."""
    from desktop.book.quarter import cap_uses, check_claim_points, find_claim_item
    from desktop.rules.scheme import fmt_points

    sheet = "积分申报"
    counted: dict[tuple[str, str, str], Decimal] = {}  # (member, cap, period) → these rows
    for number, m, v in getattr(check, "claim_rows", []):
        when = iso(v.get("日期"))
        year = int(when[:4])
        try:
            _section, it = find_claim_item(
                scheme_of_year(book, check, year), str(v["项目"]).strip()
            )
        except InputRefused as exc:
            hint = "".join(exc.lines()).rstrip("。")
            check.add(
                sheet, number, "项目", exc.message.rstrip("。") + (f"（{hint}）" if hint else "")
            )
            continue
        try:
            value = check_claim_points(it, v["分值"])
        except InputRefused as exc:
            check.add(sheet, number, "分值", exc.message.rstrip("。"))
            continue
        if (v.get("状态") or "申报") == "驳回":
            continue
        member_id = m["id"] if m.get("id") is not None else -1
        uses = cap_uses(book, member_id, it.id, when, scheme=check.year_schemes[year])
        over = None
        for use in uses:
            used = use.used + counted.get((m["code"], use.label, use.period_start), Decimal(0))
            if abs(value) > use.cap - used:
                over = (
                    f"{m['name']} 的“{it.name}”{fmt_points(value)} 分超出封顶：{use.label}最多 "
                    f"{fmt_points(use.cap)} 分，已有 {fmt_points(used)} 分"
                )
                break
        if over:
            check.add(sheet, number, "分值", over)
            continue
        for use in uses:
            key = (m["code"], use.label, use.period_start)
            counted[key] = counted.get(key, Decimal(0)) + abs(value)


def _read_appraisals(
    book: Book,
    data: Any,
    check: Checker,
    members: Members,
    sheet: str,
    today: date | None = None,
) -> None:
    """民主评议 (党员评议/群众评议, with their tallies) or 自评与组织考评: the same records
    (the book's appraisals), each sheet's 类型 limited to its own kinds by the reader."""
    seen = {
        (r["year"], r["round"], r["kind"], r["code"])
        for r in book.db.query(
            "select a.year, a.round, a.kind, m.code from appraisals a join members m on m.id = a.member_id"
        )
    }
    working = working_year(book, data)
    for row in data.rows(sheet):
        v = row.values
        year = v.get("年度")
        m = member_at(check, sheet, row.number, "党员", members, v.get("党员"), None)
        if not (m and year and v.get("类型") and v.get("等次")):
            continue
        if not 2000 <= year <= date.today().year + 1:
            check.add(sheet, row.number, "年度", f"年度 {year} 不合理，请填四位年份")
            continue
        if year > working:  # as appraisal add: 「还没有开始（账本的当前年度是…）」
            check.add(
                sheet,
                row.number,
                "年度",
                f"{year} 年还没有开始（导入后账本的当前年度是 {working} 年），"
                "不能有这一年的评议结果：请核对年度",
            )
            continue
        key = (year, v.get("轮次") or 1, v["类型"], m["code"])
        if key in seen:
            check.add(
                sheet,
                row.number,
                "党员",
                f"{m['name']} {year} 年第{key[1]}轮{v['类型']}已有结果，不能重复",
            )
            continue
        seen.add(key)
        from desktop.book.ballots import votes_from_row
        from desktop.rules.ballots import check_votes

        votes = votes_from_row(v)
        if votes is not None:
            bad = check_votes(votes, v.get("参加人数"))
            if bad:
                check.add(sheet, row.number, "优秀票", "；".join(bad))
                continue
        graded = _graded(check, sheet, row.number, v, m, year, today or date.today())
        if graded is None:
            continue
        check.plan.appraisals.append(
            {
                "year": year,
                "round": key[1],
                "kind": v["类型"],
                "member": m["code"],
                "grade": v["等次"],
                "id": check.record_no(sheet, row),
                "_votes": votes,
                "_voters": v.get("参加人数"),
                "_where": (sheet, row.number),
                **graded,
            }
        )


def _graded(
    check: Checker,
    sheet: str,
    number: int,
    v: dict[str, Any],
    m: dict[str, Any],
    year: int,
    today: date,
) -> dict[str, Any] | None:
    """A 自评 / 组织考评 row's 评定人 and 评定日期 as `appraisal add` stores them (empty for
    the 民主评议 sheet, which has neither), or None when refused (the problem is added)."""
    from desktop.book.year_end import GRADER_MAX

    if sheet == "民主评议":
        return {"graded_by": "", "date": None}
    who, on = (v.get("评定人") or "").strip(), iso(v.get("评定日期"))
    problem = column = None
    if on and on > today.isoformat():
        column, problem = "评定日期", f"评定日期 {on} 还没到，请填评定当天的日期"
    elif on and on < f"{year:04d}-01-01":
        column, problem = "评定日期", f"评定日期 {on} 早于 {year} 年，请核对日期或年度"
    elif len(who) > GRADER_MAX:
        column, problem = "评定人", f"评定人最多 {GRADER_MAX} 个字，现在有 {len(who)} 个字"
    elif v.get("类型") == "自评" and who not in ("", "本人", m["name"], m["code"]):
        column = "评定人"
        problem = f"自评是党员本人的评定，{m['name']}的自评评定人不能是“{who}”：请清空或写本人"
    if problem:
        check.add(sheet, number, column, problem)
        return None
    if v.get("类型") == "自评" and (who or on):
        who = m["name"]  # her own, as `appraisal add` keeps it
    return {"graded_by": who, "date": on}


def _read_vetoes(data: Any, check: Checker, members: Members) -> None:
    sheet = "一票否决"
    for row in data.rows(sheet):
        v = row.values
        when = iso(v.get("日期"))
        m = member_at(check, sheet, row.number, "党员", members, v.get("党员"), None)
        if not (m and when and v.get("原因")):
            continue
        kind = v.get("情形") or ""
        if kind:
            check.veto_kinds.append((row.number, int(when[:4]), kind))
        check.plan.vetoes.append(
            {
                "member": m["code"],
                "date": when,
                "reason": v["原因"],
                "decided_by": v.get("决定人") or "",
                "kind": kind,
                "id": check.record_no(sheet, row),
            }
        )
    check.plan.preview[sheet] = check.plan.vetoes


def check_appraisal_rounds(book: Book, check: Checker) -> None:
    """Each 民主评议 / 自评与组织考评 row's 轮次 within the rounds the year's scheme holds (the
    workbook's own scheme for that year, else the book's), as `appraisal add` refuses
    「只有 2 次…没有第 9 次」. Run after the workbook's schemes are read."""
    from desktop.book.year_end import appraisal_rounds
    from desktop.rules.scheme import SchemeError

    kept = []
    for a in check.plan.appraisals:
        year, kind, rnd = a["year"], a["kind"], a["round"]
        try:
            scheme = scheme_of_year(book, check, year)
        except (InputRefused, SchemeError):
            scheme = None  # the scheme's own problem is reported where it is read
        rounds = appraisal_rounds(scheme, kind) if scheme is not None else None
        if rounds is not None and not 1 <= rnd <= rounds:
            sheet, number = a["_where"]
            check.add(
                sheet,
                number,
                "轮次",
                f"{year} 年的{kind}只有 {rounds} 次（轮次 1 到 {rounds}），没有第 {rnd} 次",
            )
            continue
        kept.append(a)
    check.plan.appraisals[:] = kept
