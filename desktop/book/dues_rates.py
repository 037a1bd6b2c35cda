"""Party dues: each member's monthly amount (dues_rates), where the book's dues begin, and
the small helpers every part of the dues uses. Re-exported by desktop.book.dues."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from desktop.book.errors import InputRefused
from desktop.book.store import Book, now_iso
from desktop.rules.dates import month_problem
from desktop.rules.dues import (
    ABSURD_FEN,
    CATEGORIES,
    INCOME_CATEGORIES,
    TariffError,
    first_month_owed,
    is_month,
    month_cn,
    month_index,
    month_of,
    month_refusal,
    monthly_dues,
    months_between,
    months_text,
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
    earlier than January of `year`), else — the first standard of the book — the month the
    book keeps points from when it falls in `year` (the wizard's 「从7月起记分」: the branch
    keeps its records from July, so July's dues are owed here too; this month would leave
    July–November silently not owed), else `default_start_month`."""
    from desktop.book.points_start import points_start

    start = dues_start(book)
    if start:
        return max(start, f"{year:04d}-01")
    kept_from = points_start(book)
    if kept_from and kept_from[:4] == f"{year:04d}":
        return kept_from
    return default_start_month(year, today)


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
