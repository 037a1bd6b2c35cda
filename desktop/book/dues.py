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

This module holds the year's register and the arrears ladder and re-exports the rest:
dues_rates.py (monthly amounts, where the dues begin) and dues_collection.py (a member's
months, the month's collection, payments, receipts). Callers use desktop.book.dues.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from typing import Any

from desktop.book.dues_collection import (  # re-exported: callers use desktop.book.dues
    RATE_HINT_CLI,
    RATE_HINT_WINDOW,
    UNSET_CLI_HINT,
    Receipt,
    _month_table,
    _months_for,
    _standard,
    _unset_months,
    far_above_standard,
    member_months,
    month_collection,
    next_receipt_no,
    owed_without_record,
    receipts,
    record_collection,
    record_payment,
    record_receipts,
    unset_warning,
)
from desktop.book.dues_rates import (  # re-exported
    PAYING_STATUSES,
    REMINDER_KIND,
    _all_rates,
    _member,
    _members,
    _owes,
    _rate_at,
    _today,
    book_default_start,
    calculate,
    default_rate_start,
    default_start_month,
    dues_start,
    judged_through,
    members_without_rate,
    rate_for,
    rates,
    set_rate,
    set_rates_for_unset,
    start_range,
    start_refusal,
    start_warnings,
)
from desktop.book.dues_reversal import (  # re-exported
    confirmed_note,
    confirmed_period_of,
    find_payment,
    reversal_of,
    reversals,
    reverse_receipt,
)
from desktop.book.errors import InputRefused
from desktop.book.store import Book, now_iso
from desktop.rules.dues import (
    Arrears,
    RegisterRow,
    arrears,
    register_totals,
    yuan,
)

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
    judged_rows: list[RegisterRow] = []
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
        # A month paid ahead (after `through`) is not owed yet: it counts in 实缴 only, so a
        # part payment of the running month is no 欠缴 (who paid nothing owes nothing yet).
        judged = RegisterRow(m["code"], m["name"], {k: v for k, v in md.items() if k <= through})
        judged_rows.append(judged)
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
                "due_fen": judged.due_fen,
                "paid_fen": reg.paid_fen,
                "owed_fen": judged.owed_fen,
                "arrears": ar,
                "unset_months": unset,
                "rate_missing": bool(unset),
            }
        )
    totals = register_totals(reg_rows, months)
    owed = register_totals(judged_rows, months)
    unset_names = [r["name"] for r in rows if r["rate_missing"]]
    payments_total = book.db.execute(
        "select coalesce(sum(paid_fen), 0) from dues_standing where month like ?",
        [f"{year:04d}-%"],
    ).fetchone()[0]
    return {
        "year": year,
        "branch": book.branch(),
        "through": through,
        "months": months,
        "rows": rows,
        "totals": {
            "due_fen": owed.due_fen,
            "paid_fen": totals.paid_fen,
            "owed_fen": owed.owed_fen,
            "by_month_paid": totals.by_month_paid,
            "by_month_due": owed.by_month_due,
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
    "PAYING_STATUSES",
    "RATE_HINT_CLI",
    "RATE_HINT_WINDOW",
    "REMINDER_KIND",
    "Receipt",
    "UNSET_CLI_HINT",
    "arrears_json",
    "arrears_overview",
    "book_default_start",
    "calculate",
    "confirmed_note",
    "confirmed_period_of",
    "default_rate_start",
    "default_receiver",
    "default_start_month",
    "far_above_standard",
    "find_payment",
    "dues_start",
    "issue_reminders",
    "judged_through",
    "member_months",
    "members_without_rate",
    "month_collection",
    "next_receipt_no",
    "notices",
    "owed_without_record",
    "rate_for",
    "rates",
    "receipts",
    "reversal_of",
    "reversals",
    "reverse_receipt",
    "record_collection",
    "record_payment",
    "record_receipts",
    "set_rate",
    "set_rates_for_unset",
    "start_range",
    "start_refusal",
    "start_warnings",
    "unset_warning",
    "year_register",
]
