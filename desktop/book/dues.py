"""Party dues in the book: each member's monthly amount, the month's collection, receipts,
the year's register and the arrears ladder.

Facts stored:
  dues_rates     the monthly amount set for a member from a month on (the calculator's result
                 or a manual override with its reason; reductions also say who approved them);
  dues_payments  one row per member, month and receipt. The first row of a member-month
                 carries the month's due (from the rate); further rows for the same month (the
                 rest of a part payment) carry due 0, so summing a member-month's rows — as the
                 rules engine's facts do — gives what was due and what was paid;
  notices        reminder notices (催缴通知) given to a member.
What is owed is derived: a month the member spent in the branch, with a rate, less what was
paid. Nothing here applies a veto; the ladder only flags.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from desktop.book.errors import InputRefused
from desktop.book.store import Book, now_iso
from desktop.rules.dates import date_problem, month_problem
from desktop.rules.dues import (
    ABSURD_FEN,
    CATEGORIES,
    FARMER,
    INCOME_CATEGORIES,
    Arrears,
    MonthDues,
    RegisterRow,
    TariffError,
    arrears,
    first_month_owed,
    is_month,
    month_cn,
    month_index,
    month_of,
    month_refusal,
    monthly_dues,
    months_between,
    months_text,
    passed_up_whole,
    register_totals,
    yuan,
)

#: Member statuses that pay dues (activists and applicants are not yet members).
PAYING_STATUSES = ("正式党员", "预备党员")
REMINDER_KIND = "催缴通知"


# -- small helpers ------------------------------------------------------------------------


def _today(today: date | None) -> date:
    return today or date.today()


def judged_through(as_of: date) -> str:
    """The last month whose dues are judged on `as_of`: the month before (a month is owed
    once it has ended)."""
    return month_of(month_index(as_of.isoformat()) - 1)


def _confirmed_quarter(book: Book, iso: str) -> str | None:
    """ "2026年第2季度" when `iso` falls in a confirmed quarter (facts dated there are locked;
    the book's triggers refuse them too), else None. Books without quarters have no locks."""
    if not book.db["periods"].exists():
        return None
    row = book.db.execute(
        "select year, quarter, kind from periods where status = 'confirmed' "
        "and ? between start and end",
        [iso],
    ).fetchone()
    from desktop.book.periods import period_label

    return period_label(*row) if row else None


def _members(book: Book) -> list[dict[str, Any]]:
    return book.roster.members(include_left=True)


def _member(book: Book, member_id: int) -> dict[str, Any]:
    try:
        return book.roster.member(member_id)
    except Exception as exc:  # roster raises its own refusal for an unknown id
        raise InputRefused(f"找不到编号为 {member_id} 的党员。") from exc


def _owes(m: Mapping[str, Any], month: str) -> bool:
    """The member spends `month` in the branch as a party member (dues are due by the rule)."""
    return (
        m["status"] in PAYING_STATUSES
        and month_refusal(
            month,
            m["name"],
            joined_date=m.get("joined_date"),
            transferred_in_date=m.get("transferred_in_date"),
            left_date=m.get("left_date"),
        )
        is None
    )


# -- rates (the member's monthly amount) --------------------------------------------------


def rates(book: Book, member_id: int) -> list[dict[str, Any]]:
    """A member's rate history, oldest first."""
    return [
        dict(r)
        for r in book.db["dues_rates"].rows_where(
            "member_id = ?", [member_id], order_by="from_month"
        )
    ]


def _all_rates(book: Book) -> dict[int, list[tuple[str, int]]]:
    out: dict[int, list[tuple[str, int]]] = defaultdict(list)
    for r in book.db.query(
        "select member_id, from_month, monthly_fen from dues_rates order by member_id, from_month"
    ):
        out[r["member_id"]].append((r["from_month"], r["monthly_fen"]))
    return out


def dues_start(book: Book) -> str | None:
    """The month the book's dues begin: the earliest start month of any 党费标准 in the book
    (set by 统一设定标准… or the first rate entered — when the branch began keeping dues in the
    program). One fact for the whole book, not per member: a member forgotten when the others
    were set still owes from here, shown as 未定标准 until his own standard covers it.
    None while no standard is set at all."""
    return book.db.execute("select min(from_month) from dues_rates").fetchone()[0]


def _before_book(start: str | None, month: str) -> bool:
    """`month` comes before the book's dues start: collected outside the book, so neither
    owed (欠缴) nor 未定标准 here. With no start yet every owed month is 未定标准."""
    return start is not None and month < start


def _rate_at(history: list[tuple[str, int]], month: str) -> int | None:
    found = None
    for from_month, fen in history:
        if from_month <= month:
            found = fen
        else:
            break
    return found


def rate_for(book: Book, member_id: int, month: str) -> int | None:
    """The monthly amount in force for `month`, or None when none has been set."""
    return _rate_at(_all_rates(book).get(member_id, []), month)


def calculate(
    category: str, income_fen: int | None = None, fixed_fen: int | None = None
) -> dict[str, Any]:
    """The calculator, for the window: {"monthly_fen", "explain"}; refusals as InputRefused."""
    try:
        tariff = monthly_dues(category, income_fen, fixed_fen=fixed_fen)
    except TariffError as exc:
        raise InputRefused(str(exc), {"income": str(exc)}) from exc
    return {"monthly_fen": tariff.monthly_fen, "explain": tariff.explain()}


def set_rate(
    book: Book,
    member_id: int,
    *,
    from_month: str,
    category: str,
    income_fen: int | None = None,
    fixed_fen: int | None = None,
    monthly_fen: int | None = None,
    override_reason: str = "",
    approved_by: str = "",
    year: int | None = None,
    today: date | None = None,
) -> dict[str, Any]:
    """Set a member's monthly amount from `from_month` on, by the tariff or by hand.

    `monthly_fen` differing from the tariff's amount is a manual override and needs
    `override_reason`; a reduction below the tariff (困难减免) also needs `approved_by`
    (decided by the branch and approved by the higher committee). Setting the same month
    again replaces that month's entry (one action in the journal). `from_month` must lie in
    the book's year `year` (default the working year; see `start_refusal`).
    """
    m = _member(book, member_id)
    problems: dict[str, str] = {}
    if not is_month(from_month):
        problems["from_month"] = f"{month_problem(from_month, '起始月份', '2026-01')}。"
    else:
        outside = start_refusal(from_month, year or book.current_year, today)
        if outside:
            problems["from_month"] = outside
    if category not in CATEGORIES:
        problems["category"] = f"请选择党费类别（{'、'.join(CATEGORIES)}）。"
    calculated: int | None = None
    explain = ""
    if not problems:
        try:
            tariff = monthly_dues(category, income_fen, fixed_fen=fixed_fen)
            calculated, explain = tariff.monthly_fen, tariff.explain()
        except TariffError as exc:
            if monthly_fen is None:
                problems["income"] = str(exc)
    reason = (override_reason or "").strip()
    approver = (approved_by or "").strip()
    amount = calculated if monthly_fen is None else monthly_fen
    if amount is not None and monthly_fen is not None:
        if monthly_fen < 0:
            problems["monthly"] = "每月党费不能是负数。"
        elif monthly_fen > ABSURD_FEN:
            problems["monthly"] = f"每月党费 {yuan(monthly_fen)} 元不合常理，请核对（单位是元）。"
        elif monthly_fen != calculated:
            if not reason:
                problems["reason"] = (
                    f"手动调整的金额（{yuan(monthly_fen)} 元）与按标准计算的"
                    f"{'（' + yuan(calculated) + ' 元）' if calculated is not None else ''}"
                    "不同，请写明调整原因。"
                )
            if (calculated is None or monthly_fen < calculated) and not approver:
                problems["approved_by"] = (
                    "少交或免交党费须经支部研究、报上级党委批准，请填写批准的组织和日期。"
                )
    if amount is None and "income" not in problems:
        problems["monthly"] = "请填写收入或每月金额。"
    if m["status"] not in PAYING_STATUSES:
        problems["member"] = f"{m['name']} 是{m['status']}，还不是党员，不交党费。"
    elif is_month(from_month):
        first = first_month_owed(m.get("joined_date"), m.get("transferred_in_date"))
        if m.get("left_date") and from_month > m["left_date"][:7]:
            problems["from_month"] = f"{m['name']} 已于 {m['left_date']} 离开本支部。"
        elif first and from_month < first:
            from_month = first  # nothing was owed before; start where dues start
    if problems:
        raise InputRefused(f"{m['name']} 的党费标准没有保存：", problems)
    assert amount is not None
    row = {
        "member_id": member_id,
        "from_month": from_month,
        "category": category,
        "income_fen": income_fen if category in INCOME_CATEGORIES else None,
        "monthly_fen": amount,
        "override_reason": reason if monthly_fen is not None and amount != calculated else "",
        "approved_by": approver,
        "created_at": now_iso(),
    }
    summary = f"{m['name']} 自{month_cn(from_month)}起每月 {yuan(amount)} 元（{category}）"
    with book.action("设定党费标准", summary, explain=explain, reason=row["override_reason"]):
        book.db.execute(
            "delete from dues_rates where member_id = ? and from_month = ?",
            [member_id, from_month],
        )
        book.db["dues_rates"].insert(row)
    return row


def default_start_month(year: int, today: date | None = None) -> str:
    """Where a new 党费标准 starts unless the secretary says otherwise: this month when the
    book's year is the calendar year (a book begun in November must not put everyone ten
    months in arrears), else January (a past year entered after the fact, or next year's
    book prepared ahead)."""
    as_of = _today(today)
    return f"{year:04d}-{as_of.month:02d}" if as_of.year == year else f"{year:04d}-01"


def start_range(year: int, today: date | None = None) -> tuple[str, str]:
    """First and last month a 党费标准 of the book's year `year` may start: that year, and
    next year too once the book may move there (from December; `years.latest_allowed`), so
    next year's standards can be prepared. A month far off (2062) would silently start the
    book's dues there and leave the year owing nothing."""
    from desktop.book.years import latest_allowed

    last = year + 1 if latest_allowed(_today(today)) > year else year
    return f"{year:04d}-01", f"{last:04d}-12"


def start_refusal(from_month: str, year: int, today: date | None = None) -> str | None:
    """Why `from_month` cannot start a standard in the book's year `year`, or None."""
    first, last = start_range(year, today)
    if first <= from_month <= last:
        return None
    return (
        f"起始月份 {month_cn(from_month)} 不在本账本的 {year} 年度内："
        f"只能选 {month_cn(first)} 至 {month_cn(last)}。"
    )


def book_default_start(book: Book, year: int, today: date | None = None) -> str:
    """Where a first 党费标准 starts by default: the book's dues start (`dues_start`, no
    earlier than January of `year`), else — the first standard of the book —
    `default_start_month`."""
    start = dues_start(book)
    return max(start, f"{year:04d}-01") if start else default_start_month(year, today)


def _first_rate_default(book: Book, m: Mapping[str, Any], year: int, today: date | None) -> str:
    base = book_default_start(book, year, today)
    first = first_month_owed(m.get("joined_date"), m.get("transferred_in_date"))
    return max(base, first) if first else base


def default_rate_start(book: Book, member_id: int, year: int, today: date | None = None) -> str:
    """The start month offered for a member's new 党费标准: for the first one, the later of
    the book's dues start and the member's first month owed (DOMAIN: admission or transfer
    in), so nothing owed is skipped; for a change (a pay rise), `default_start_month`."""
    if rates(book, member_id):
        return default_start_month(year, today)
    return _first_rate_default(book, _member(book, member_id), year, today)


def start_warnings(
    book: Book,
    from_month: str,
    year: int,
    *,
    member_ids: Iterable[int] | None = None,
    today: date | None = None,
) -> list[str]:
    """What choosing `from_month` for the first standard of these members (default: everyone
    `set_rates_for_unset` would set) leaves out, to say before saving:
    months the book owes that will stay 未定标准 because the start is later than the default
    (「丁漏 自2026年1月至10月的 10 个月将不计应缴…」), and an earlier start than the book's dues
    start, which moves it for every member. Members who already have a standard are not
    concerned (their earlier standard covers the months). Empty before the book's first
    standard: that one sets where the book's dues start."""
    start = dues_start(book)
    if start is None or not is_month(from_month):
        return []
    if member_ids is None:
        members = members_without_rate(book)
    else:
        members = [_member(book, mid) for mid in member_ids]
        have = {r[0] for r in book.db.execute("select distinct member_id from dues_rates")}
        members = [m for m in members if m["id"] not in have]
    lost: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for m in members:
        if m["status"] not in PAYING_STATUSES:
            continue
        default = _first_rate_default(book, m, year, today)
        gap = months_between(default, month_of(month_index(from_month) - 1))
        owed = tuple(mo for mo in gap if _owes(m, mo))
        if owed:
            lost[owed].append(m["name"])
    out = [
        f"{'、'.join(names)} 自{months_text(list(months))}的 {len(months)} 个月将不计应缴"
        f"（仍列为未定标准；要计入，起始月份请选{month_cn(months[0])}）。"
        for months, names in lost.items()
    ]
    if from_month < start:
        out.append(
            f"本账本的党费自{month_cn(start)}起记；此标准自{month_cn(from_month)}起，"
            f"其他党员{months_text(months_between(from_month, month_of(month_index(start) - 1)))}"
            "也将计应缴，没有标准的列为未定标准。"
        )
    return out


def members_without_rate(book: Book) -> list[dict[str, Any]]:
    """Current paying members who have no 党费标准 at all, in 姓氏笔画 order: whom
    `set_rates_for_unset` would set."""
    from desktop.book.reports import sort_members

    have = {r[0] for r in book.db.execute("select distinct member_id from dues_rates")}
    return sort_members(
        [
            m
            for m in _members(book)
            if not m["left_date"] and m["status"] in PAYING_STATUSES and m["id"] not in have
        ]
    )


def set_rates_for_unset(
    book: Book,
    year: int,
    *,
    category: str,
    fixed_fen: int | None = None,
    from_month: str | None = None,
    today: date | None = None,
) -> list[str]:
    """Give every current paying member who has no rate yet the same fixed-amount rate
    (e.g. every farmer 1 yuan) from `from_month` (default: `book_default_start`), or from
    the month they start to owe when that is later. The first standards of a book set where
    its dues start (`dues_start`); `start_warnings` says beforehand what a later start
    leaves 未定标准. `from_month` must lie in `start_range`.

    For a new book, so the first month's collection does not wait on forty calculator visits.
    Income categories need each member's income and are refused here. Returns the names set,
    in 姓氏笔画 order.
    """
    if category in INCOME_CATEGORIES:
        raise InputRefused(
            f"“{category}”按每人的收入计算，不能统一设定；请在“党员党费”页逐人用计算器设定。"
        )
    start_month = from_month if from_month is not None else book_default_start(book, year, today)
    if not is_month(start_month):
        raise InputRefused(f"党费标准没有设定：{month_problem(start_month, '起始月份')}。")
    outside = start_refusal(start_month, year, today)
    if outside:
        raise InputRefused(f"党费标准没有设定：{outside}")
    try:
        tariff = monthly_dues(category, fixed_fen=fixed_fen)
    except TariffError as exc:
        raise InputRefused(str(exc)) from exc
    rows = []
    names = []
    for m in members_without_rate(book):
        first = first_month_owed(m.get("joined_date"), m.get("transferred_in_date"))
        start = max(start_month, first) if first else start_month
        rows.append(
            {
                "member_id": m["id"],
                "from_month": start,
                "category": category,
                "income_fen": None,
                "monthly_fen": tariff.monthly_fen,
                "override_reason": "",
                "approved_by": "",
                "created_at": now_iso(),
            }
        )
        names.append(m["name"])
    if not rows:
        raise InputRefused("每名党员都已设定了党费标准，没有需要统一设定的。")
    summary = (
        f"{len(rows)} 人自{month_cn(start_month)}起每月 {yuan(tariff.monthly_fen)} 元（{category}）"
    )
    with book.action("统一设定党费标准", summary, members=names, from_month=start_month):
        book.db["dues_rates"].insert_all(rows)
    return names


# -- member months ------------------------------------------------------------------------


def _paid_rows(book: Book, where: str = "", params: list[Any] | None = None) -> list[dict]:
    return [
        dict(r)
        for r in book.db.query(
            "select * from dues_payments " + (f"where {where} " if where else "") + "order by id",
            params or [],
        )
    ]


def _month_table(book: Book, first: str, last: str) -> dict[tuple[int, str], dict[str, Any]]:
    """(member_id, month) → summed rows in the months first..last."""
    out: dict[tuple[int, str], dict[str, Any]] = {}
    for r in book.db.query(
        """select member_id, month, sum(due_fen) as due, sum(paid_fen) as paid,
                  max(paid_date) as last_date, count(*) as n,
                  group_concat(coalesce(receipt_no, ''), '、') as receipts
           from dues_payments where month between ? and ? group by member_id, month""",
        [first, last],
    ):
        out[(r["member_id"], r["month"])] = dict(r)
    return out


def member_months(
    book: Book, member: Mapping[str, Any], first: str, last: str, *, through: str
) -> dict[str, MonthDues]:
    """A member's months first..last: what was due (recorded, else the rate for months up to
    `through`) and what was paid. Months not owed to this branch are left out."""
    table = _month_table(book, first, last)
    history = _all_rates(book).get(member["id"], [])
    return _months_for(member, first, last, through, table, history)


def _months_for(
    member: Mapping[str, Any],
    first: str,
    last: str,
    through: str,
    table: Mapping[tuple[int, str], Mapping[str, Any]],
    history: list[tuple[str, int]],
) -> dict[str, MonthDues]:
    out: dict[str, MonthDues] = {}
    for month in months_between(first, last):
        rec = table.get((member["id"], month))
        if rec is not None:
            out[month] = MonthDues(month, rec["due"], rec["paid"], rec["last_date"])
            continue
        if month > through or not _owes(member, month):
            continue
        rate = _rate_at(history, month)
        if rate is not None:
            out[month] = MonthDues(month, rate, 0, None)
    return out


def _standard(history: list[tuple[str, int]], month: str, owing: list[str]) -> int | None:
    """The 月标准 a register shows: the standard in force in `month` (the last judged), else
    the first one in force in a month `owing` (set from a month not judged yet)."""
    rate = _rate_at(history, month)
    if rate is None and owing:
        rate = _rate_at(history, owing[0])
    return rate


def _unset_months(
    member: Mapping[str, Any],
    first: str,
    through: str,
    table: Mapping[tuple[int, str], Mapping[str, Any]],
    history: list[tuple[str, int]],
    start: str | None,
) -> list[str]:
    """Months owed to the branch up to `through` with no record and no 党费标准 in force,
    from the book's dues start (`dues_start`): what is due cannot be known, so registers must
    say so rather than leave the member out."""
    return [
        month
        for month in months_between(first, through)
        if (member["id"], month) not in table
        and _owes(member, month)
        and not _before_book(start, month)
        and _rate_at(history, month) is None
    ]


def unset_warning(names: list[str]) -> str:
    """The line registers and screens show while anyone's 党费标准 is missing."""
    if not names:
        return ""
    return (
        f"{'、'.join(names)} 未设定党费标准（{len(names)} 人），应缴金额没有计入台账，"
        "合计不完整。请在“党费”页设定党费标准后再核对。"
    )


# The command-line way to the same fix: the CLI adds it; paper and screens never show it.
UNSET_CLI_HINT = "（命令行：pioneer dues rate --member 姓名 …）"


def owed_without_record(book: Book, first: str, last: str, *, through: str) -> list[tuple]:
    """(member code, month, due fen) for months owed with a rate but no payment row — the
    unpaid months the rules engine must see (a month without a record would break the
    six-month run)."""
    table = _month_table(book, first, last)
    all_rates = _all_rates(book)
    out = []
    for m in _members(book):
        history = all_rates.get(m["id"])
        if not history:
            continue
        for month, md in _months_for(m, first, min(last, through), through, table, history).items():
            if (m["id"], month) not in table and md.due_fen > 0:
                out.append((m["code"], month, md.due_fen))
    return out


# -- the month's collection ---------------------------------------------------------------


def month_collection(book: Book, month: str, *, today: date | None = None) -> list[dict[str, Any]]:
    """Everyone who owes dues for `month`: due, already paid, what remains, earlier arrears.

    Sorted by 党小组 then 姓氏笔画, as a collector walks the groups.
    """
    from desktop.book.reports import sort_members
    from desktop.book.roster import group_rank

    if not is_month(month):
        raise InputRefused(f"{month_problem(month)}。")
    as_of = _today(today)
    through = judged_through(as_of)
    year_first = f"{month[:4]}-01"
    table = _month_table(book, year_first, month)
    all_rates = _all_rates(book)
    start = dues_start(book)
    receipts = defaultdict(list)
    for r in _paid_rows(book, "month = ?", [month]):
        receipts[r["member_id"]].append(r)
    rows = []
    for m in sort_members([m for m in _members(book) if _owes(m, month)]):
        history = all_rates.get(m["id"], [])
        rec = table.get((m["id"], month))
        if rec is None and _before_book(start, month):
            continue  # before the book's dues start: not owed here
        rate = _rate_at(history, month)
        due = rec["due"] if rec and rec["due"] else rate
        paid = rec["paid"] if rec else 0
        before = _months_for(
            m, year_first, month_of(month_index(month) - 1), through, table, history
        )
        owed_before = [md for md in before.values() if md.owed_fen > 0]
        rs = receipts.get(m["id"], [])
        state = "未定" if due is None else MonthDues(month, due or 0, paid).state
        rows.append(
            {
                "member_id": m["id"],
                "code": m["code"],
                "name": m["name"],
                "group": m["group"],
                "status": m["status"],
                "due_fen": due,
                "paid_fen": paid,
                "remaining_fen": max(0, (due or 0) - paid),
                "paid_date": rec["last_date"] if rec else None,
                "receipts": [r["receipt_no"] for r in rs if r["receipt_no"]],
                "receiver": rs[-1]["receiver"] if rs else "",
                "state": state,
                "owed_before": len(owed_before),
                "owed_before_fen": sum(md.owed_fen for md in owed_before),
            }
        )
    ranks = book.roster.group_ranks()
    rows.sort(key=lambda r: group_rank(ranks, r["group"]))  # stable: 笔画 inside groups
    return rows


def next_receipt_no(book: Book, year: int) -> str:
    """The next receipt number of the year: YYYY + a four-digit count (20260001 …)."""
    prefix = f"{year:04d}"
    n = 0
    for (no,) in book.db.execute(
        "select receipt_no from dues_payments where receipt_no like ?", [prefix + "%"]
    ):
        tail = no[len(prefix) :]
        if tail.isdigit():
            n = max(n, int(tail))
    return f"{prefix}{n + 1:04d}"


@dataclass
class Receipt:
    """One receipt to record: one member, one or more months, the amount for each month."""

    member_id: int
    months: dict[str, int]
    receipt_no: str | None = None


def record_payment(
    book: Book,
    member_id: int,
    months: Mapping[str, int],
    *,
    paid_date: str,
    receiver: str,
    receipt_no: str | None = None,
    today: date | None = None,
) -> str:
    """Record one receipt: a member pays for one or several months (ahead, or arrears late).

    `months` maps "YYYY-MM" → amount paid for that month in fen. Returns the receipt number
    (the next free one when none is given). All checks pass or nothing is written.
    """
    nos = record_receipts(
        book,
        [Receipt(member_id, dict(months), receipt_no)],
        paid_date=paid_date,
        receiver=receiver,
        today=today,
        action="登记党费收据",
    )
    return nos[0]


def record_collection(
    book: Book,
    month: str,
    payments: Mapping[int, int],
    *,
    paid_date: str,
    receiver: str,
    today: date | None = None,
) -> list[str]:
    """The month's collection in one action: member id → amount paid now for `month`.

    One numbered receipt per member who paid; members with 0 are left as owing.
    """
    receipts = [Receipt(mid, {month: fen}) for mid, fen in payments.items() if fen]
    if not receipts:
        raise InputRefused(f"{month_cn(month)}：没有要登记的缴费（每人实收都是 0）。")
    return record_receipts(
        book, receipts, paid_date=paid_date, receiver=receiver, today=today, action="登记本月党费"
    )


def record_receipts(
    book: Book,
    receipts: list[Receipt],
    *,
    paid_date: str,
    receiver: str,
    today: date | None = None,
    action: str = "登记党费",
) -> list[str]:
    """Check every receipt, then write them all in one transaction (or nothing)."""
    # Checked inside the write transaction: two programs recording dues at once would
    # otherwise both number a receipt with the same next free number.
    with book.write():
        return _record_receipts(
            book, receipts, paid_date=paid_date, receiver=receiver, today=today, action=action
        )


def _record_receipts(
    book: Book,
    receipts: list[Receipt],
    *,
    paid_date: str,
    receiver: str,
    today: date | None,
    action: str,
) -> list[str]:
    as_of = _today(today)
    problems: list[str] = []
    receiver = (receiver or "").strip()
    if not receiver:
        problems.append("请填写收款人。")
    wrong_date = date_problem(paid_date or "", "缴纳日期", "2026-03-25")
    when = None if wrong_date else date.fromisoformat(str(paid_date).strip())
    if wrong_date:
        problems.append(f"{wrong_date}。")
    if when and when > as_of:
        problems.append(f"缴纳日期 {paid_date} 晚于今天（{as_of.isoformat()}），请核对。")
    if when:
        locked = _confirmed_quarter(book, when.isoformat())
        if locked:
            problems.append(
                f"缴纳日期 {paid_date} 在已确认的{locked}内，不能再补登这一天的缴费；"
                "补交的欠费请按实际收款的日期登记。"
            )
    members = {m["id"]: m for m in _members(book)}
    all_rates = _all_rates(book)
    existing_due = {
        (r["member_id"], r["month"]): r["due"]
        for r in book.db.query(
            "select member_id, month, sum(due_fen) as due from dues_payments group by 1, 2"
        )
    }
    used: dict[str, tuple[int, set[str]]] = {}
    for r in book.db.query(
        "select receipt_no, member_id, month from dues_payments where coalesce(receipt_no, '') != ''"
    ):
        used.setdefault(r["receipt_no"], (r["member_id"], set()))[1].add(r["month"])
    rows: list[dict[str, Any]] = []
    next_no = next_receipt_no(book, when.year if when else as_of.year)
    prefix, counter = next_no[:4], int(next_no[4:])
    numbers: list[str] = []
    for receipt in receipts:
        m = members.get(receipt.member_id)
        if m is None:
            problems.append(f"找不到编号为 {receipt.member_id} 的党员。")
            continue
        name = m["name"]
        if m["status"] not in PAYING_STATUSES:
            problems.append(f"{name} 是{m['status']}，还不是党员，不交党费。")
            continue
        if not receipt.months:
            problems.append(f"{name}：请选择缴纳的月份。")
            continue
        no = (receipt.receipt_no or "").strip()
        if no:
            owner = used.get(no)
            if owner and owner[0] != receipt.member_id:
                other = members.get(owner[0], {}).get("name", "另一名党员")
                problems.append(
                    f"收据号 {no} 已用于{other}，一张收据只能是一名党员的；请换一个收据号"
                    "（留空则自动编号）。"
                )
            elif owner and owner[1] & set(receipt.months):
                dup = "、".join(month_cn(x) for x in sorted(owner[1] & set(receipt.months)))
                problems.append(f"收据号 {no} 已登记过{name} {dup} 的党费，不能重复登记。")
        else:
            no = f"{prefix}{counter:04d}"
            counter += 1
        used.setdefault(no, (receipt.member_id, set()))
        numbers.append(no)
        for month, fen in sorted(receipt.months.items()):
            where = f"{name} {month_cn(month) if is_month(month) else month}"
            if not is_month(month):
                problems.append(f"{name}：{month_problem(month)}。")
                continue
            if not isinstance(fen, int) or isinstance(fen, bool):
                problems.append(f"{where}：金额应以分为单位的整数。")
                continue
            if fen < 0:
                problems.append(f"{where}：金额不能是负数（{yuan(fen)} 元）。")
                continue
            if fen == 0:
                problems.append(f"{where}：实收金额是 0，不用登记；未交的月份会自动算作欠缴。")
                continue
            if fen > ABSURD_FEN:
                problems.append(
                    f"{where}：金额 {yuan(fen)} 元不合常理，请核对（单位是元，不是分）。"
                )
                continue
            refusal = month_refusal(
                month,
                name,
                joined_date=m.get("joined_date"),
                transferred_in_date=m.get("transferred_in_date"),
                left_date=m.get("left_date"),
            )
            if refusal:
                problems.append(refusal)
                continue
            rate = _rate_at(all_rates.get(m["id"], []), month)
            key = (m["id"], month)
            if key in existing_due:
                due = 0  # the month's due is on its first row already
            elif rate is None:
                problems.append(
                    f"{name} 还没有设定 {month_cn(month)} 的党费标准，请先在“党员党费”页"
                    "用计算器设定每月金额。"
                )
                continue
            else:
                due = rate
                existing_due[key] = rate
            rows.append(
                {
                    "member_id": m["id"],
                    "month": month,
                    "due_fen": due,
                    "paid_fen": fen,
                    "paid_date": paid_date,
                    "receiver": receiver,
                    "receipt_no": no,
                    "created_at": now_iso(),
                }
            )
            used[no][1].add(month)  # the same receipt twice in one batch is caught too
    if problems:
        raise InputRefused("党费没有登记（一条也没有写入），请改正以下问题后再保存：", problems)
    total = sum(r["paid_fen"] for r in rows)
    summary = f"收据 {len(numbers)} 张，共 {yuan(total)} 元"
    with book.action(action, summary, receipts=numbers, paid_date=paid_date, receiver=receiver):
        book.db["dues_payments"].insert_all(rows)
    return numbers


# -- receipts -----------------------------------------------------------------------------


def receipts(
    book: Book,
    *,
    year: int | None = None,
    numbers: Iterable[str] | None = None,
    member_id: int | None = None,
) -> list[dict[str, Any]]:
    """Receipts as printed: one entry per receipt number (rows without a number stand alone)."""
    where, params = [], []
    if member_id is not None:
        where.append("d.member_id = ?")
        params.append(member_id)
    if year is not None:
        where.append("(d.month like ? or d.paid_date like ?)")
        params += [f"{year:04d}-%", f"{year:04d}-%"]
    wanted = list(numbers or [])
    if wanted:
        where.append(f"d.receipt_no in ({', '.join('?' * len(wanted))})")
        params += wanted
    sql = (
        "select d.*, m.name, m.code from dues_payments d join members m on m.id = d.member_id"
        + (" where " + " and ".join(where) if where else "")
        + " order by d.paid_date, d.receipt_no, d.month"
    )
    out: dict[str, dict[str, Any]] = {}
    for r in book.db.query(sql, params):
        key = r["receipt_no"] or f"#{r['id']}"
        rec = out.setdefault(
            key,
            {
                "receipt_no": r["receipt_no"] or "",
                "member": r["name"],
                "code": r["code"],
                "paid_date": r["paid_date"] or "",
                "receiver": r["receiver"],
                "months": [],
                "amount_fen": 0,
                "due_fen": 0,
            },
        )
        rec["months"].append(r["month"])
        rec["amount_fen"] += r["paid_fen"]
        rec["due_fen"] += r["due_fen"]
    result = list(out.values())
    for rec in result:
        rec["months_text"] = months_text(rec["months"])
        extra = rec["amount_fen"] - rec["due_fen"]
        rec["passed_up_whole"] = passed_up_whole(extra)
    return result


# -- the year's register ------------------------------------------------------------------


def year_register(book: Book, year: int, *, today: date | None = None) -> dict[str, Any]:
    """The year's dues register (台账): member × month, totals that reconcile with payments.

    Months owed are counted up to the last month that has ended; later months appear only
    when something was paid for them (in advance).
    """
    from desktop.book.reports import sort_members

    as_of = _today(today)
    through = min(judged_through(as_of), f"{year:04d}-12")
    months = [f"{year:04d}-{i:02d}" for i in range(1, 13)]
    table = _month_table(book, months[0], months[-1])
    all_rates = _all_rates(book)
    start = dues_start(book)
    paid_ids = {mid for (mid, _m) in table}
    rows = []
    reg_rows: list[RegisterRow] = []
    for m in sort_members(_members(book)):
        history = all_rates.get(m["id"], [])
        md = _months_for(m, months[0], months[-1], through, table, history)
        unset = _unset_months(m, months[0], through, table, history, start)
        # Whoever owes dues this year is listed, also before his first month is judged (a
        # standard set from this month, nothing paid yet): he was left out while those who
        # had paid ahead were listed (38 rows for 40).
        owing = [k for k in months if _owes(m, k) and _rate_at(history, k) is not None]
        if not md and m["id"] not in paid_ids and not unset and not owing:
            continue
        reg = RegisterRow(m["code"], m["name"], md)
        reg_rows.append(reg)
        ar = arrears(md.values(), through=through)
        rows.append(
            {
                "member_id": m["id"],
                "code": m["code"],
                "name": m["name"],
                "group": m["group"],
                "status": m["status"],
                "left_date": m.get("left_date"),
                # The standard of the last month judged, else (a standard set from a month
                # not judged yet) the first one in force this year: never blank when set.
                "rate_fen": _standard(history, max(months[0], through), owing),
                "months": {
                    k: {
                        "due_fen": v.due_fen,
                        "paid_fen": v.paid_fen,
                        "paid_date": v.paid_date,
                        "state": v.state,
                    }
                    for k, v in md.items()
                },
                "due_fen": reg.due_fen,
                "paid_fen": reg.paid_fen,
                "owed_fen": reg.owed_fen,
                "arrears": ar,
                "unset_months": unset,
                "rate_missing": bool(unset),
            }
        )
    totals = register_totals(reg_rows, months)
    unset_names = [r["name"] for r in rows if r["rate_missing"]]
    payments_total = book.db.execute(
        "select coalesce(sum(paid_fen), 0) from dues_payments where month like ?",
        [f"{year:04d}-%"],
    ).fetchone()[0]
    return {
        "year": year,
        "branch": book.branch(),
        "through": through,
        "months": months,
        "rows": rows,
        "totals": {
            "due_fen": totals.due_fen,
            "paid_fen": totals.paid_fen,
            "owed_fen": totals.owed_fen,
            "by_month_paid": totals.by_month_paid,
            "by_month_due": totals.by_month_due,
        },
        "payments_total_fen": payments_total,
        "receipts": receipts(book, year=year),
        # Payments agree with the register; not the whole truth while a standard is missing.
        "reconciled": payments_total == totals.paid_fen,
        "rates_missing": unset_names,
        "warning": unset_warning(unset_names),
    }


# -- arrears and notices ------------------------------------------------------------------


def arrears_overview(
    book: Book,
    *,
    today: date | None = None,
    through: str | None = None,
    include_clear: bool = False,
    include_unset: bool = False,
) -> list[dict[str, Any]]:
    """Every current member's arrears up to the last ended month (or `through`), worst
    first, with the reminder notices already given. The veto level is a flag for the
    committee only.
    `include_unset` adds members owing months for which no 党费标准 is set (what they owe
    cannot be known; `rate_missing`)."""
    from desktop.book.reports import sort_members

    as_of = _today(today)
    through = min(through, judged_through(as_of)) if through else judged_through(as_of)
    first_rows = book.db.execute(
        "select min(m) from (select min(month) as m from dues_payments "
        "union all select min(from_month) from dues_rates)"
    ).fetchone()[0]
    if not first_rows:
        return []
    table = _month_table(book, first_rows, through)
    all_rates = _all_rates(book)
    start = dues_start(book)
    notices_by = defaultdict(list)
    for n in book.db["notices"].rows_where("kind = ?", [REMINDER_KIND], order_by="date"):
        notices_by[n["member_id"]].append(dict(n))
    out = []
    for m in sort_members([m for m in _members(book) if not m["left_date"]]):
        history = all_rates.get(m["id"], [])
        md = _months_for(m, first_rows, through, through, table, history)
        ar: Arrears = arrears(md.values(), through=through)
        unset = _unset_months(m, first_rows, through, table, history, start)
        if not ar.months and not (include_unset and unset) and not include_clear:
            continue
        out.append(
            {
                "member_id": m["id"],
                "code": m["code"],
                "name": m["name"],
                "group": m["group"],
                "phone": m.get("phone") or "",
                "rate_fen": _rate_at(history, through),
                "arrears": ar,
                "months": list(ar.months),
                "owed_fen": ar.owed_fen,
                "level": ar.level,
                "describe": ar.describe(),
                "notices": notices_by.get(m["id"], []),
                "through": through,
                "unset_months": unset,
                "rate_missing": bool(unset),
            }
        )
    out.sort(key=lambda r: (-r["level"], -len(r["months"])))
    return out


def issue_reminders(
    book: Book,
    member_ids: Iterable[int],
    *,
    on: str | None = None,
    today: date | None = None,
) -> list[dict[str, Any]]:
    """Record a reminder notice (催缴通知) for each member who owes; returns the notices.

    Members who owe nothing are refused by name (a notice to them would be a mistake).
    """
    as_of = _today(today)
    on = on or as_of.isoformat()
    by_id = {r["member_id"]: r for r in arrears_overview(book, today=as_of)}
    problems, rows = [], []
    for mid in member_ids:
        r = by_id.get(mid)
        if r is None:
            name = _member(book, mid)["name"]
            problems.append(f"{name} 没有欠缴党费，不需要催缴通知。")
            continue
        rows.append(
            {
                "member_id": mid,
                "kind": REMINDER_KIND,
                "date": on,
                "reason": r["describe"],
                "ref": ",".join(r["months"]),
                "created_at": now_iso(),
            }
        )
    if problems:
        raise InputRefused("催缴通知没有登记：" + "".join(problems[:1]), problems)
    if not rows:
        raise InputRefused("请先选择要发催缴通知的党员。")
    with book.action(REMINDER_KIND, f"{len(rows)} 人", date=on):
        book.db["notices"].insert_all(rows)
    return rows


def notices(book: Book, member_id: int | None = None) -> list[dict[str, Any]]:
    where = "n.kind = ?" + (" and n.member_id = ?" if member_id is not None else "")
    params: list[Any] = [REMINDER_KIND] + ([member_id] if member_id is not None else [])
    return [
        dict(r)
        for r in book.db.query(
            "select n.*, m.name from notices n join members m on m.id = n.member_id where "
            + where
            + " order by n.date, n.id",
            params,
        )
    ]


def arrears_json(book: Book, *, today: date | None = None) -> list[dict[str, Any]]:
    """Plain JSON for `pioneer dues arrears --json`."""
    out = []
    for r in arrears_overview(book, today=today, include_unset=True):
        ar: Arrears = r["arrears"]
        out.append(
            {
                "code": r["code"],
                "name": r["name"],
                "group": r["group"],
                "months": r["months"],
                "owed": yuan(r["owed_fen"]),
                "owed_fen": r["owed_fen"],
                "consecutive_unpaid": ar.run_length,
                "reminder_due": ar.level >= 2,
                "veto_check": ar.level >= 3,
                "notices": [n["date"] for n in r["notices"]],
                "rate_missing": r["rate_missing"],
                "unset_months": r["unset_months"],
            }
        )
    return out


def default_receiver(book: Book) -> str:
    """Who usually receives the dues: the last receiver recorded, else the book's user."""
    row = book.db.execute(
        "select receiver from dues_payments where receiver != '' order by id desc limit 1"
    ).fetchone()
    return row[0] if row else book.operator


__all__ = [
    "FARMER",
    "PAYING_STATUSES",
    "Receipt",
    "arrears_overview",
    "calculate",
    "book_default_start",
    "default_rate_start",
    "default_start_month",
    "dues_start",
    "issue_reminders",
    "members_without_rate",
    "month_collection",
    "next_receipt_no",
    "rate_for",
    "rates",
    "receipts",
    "record_collection",
    "record_payment",
    "record_receipts",
    "set_rate",
    "start_range",
    "start_refusal",
    "start_warnings",
    "year_register",
]
