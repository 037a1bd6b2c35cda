"""红字冲销: undoing a dues receipt recorded by mistake (100.00 typed for 1.00, the wrong one of
two members of the same name, the wrong month). Re-exported by desktop.book.dues.

Records are never deleted or edited: a reversal is a new dated entry (dues_reversals, schema
m019) naming the receipt it reverses — whole, every month on it — with the reason and who
decided. It takes the next number of the year's receipt sequence, so the receipt book has a
red receipt (红字收据) for it; the 台账 lists the original and the red line (negative)
beneath it, and every total, the 公示, the township pack and the score count what stands
(the view dues_standing). The payment can then be recorded again, correctly, on a new
receipt.

A receipt paid, or for a month, inside a confirmed period is reversed as a bookkeeper does:
the red entry is dated in the open period (today) and names the original; the confirmed
period keeps its rows, its snapshot (the scores it published) and its facts digest — the
reversal enters the open period's digest when that one is confirmed. Only a reversal dated
inside a confirmed period is refused. Money counts what stands from then on; the confirmed
period's points stay as published (a point correction, if one is due, goes through
`pioneer correction add` in the open period, as `confirmed_note` says).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from desktop.book.dues_collection import PAYMENT_REF, next_receipt_no, receipts
from desktop.book.dues_rates import _confirmed_quarter, _today
from desktop.book.errors import InputRefused
from desktop.book.store import Book, now_iso
from desktop.rules.dates import date_problem, month_problem
from desktop.rules.dues import (
    is_month,
    month_cn,
    months_text,
    receipt_ref_text,
    unnumbered_id,
    unnumbered_ref,
    yuan,
)

REVERSE_ACTION = "冲销党费收据"
NOT_WRITTEN = "党费收据没有冲销（什么也没有写入）："


def payment_rows(book: Book, ref: str) -> list[dict[str, Any]]:
    """The payment rows a reference names (a receipt's rows, or the one unnumbered row),
    with the member's name and code, by month."""
    record = unnumbered_id(ref)
    where = "d.receipt_no = ?" if record is None else "d.id = ? and coalesce(d.receipt_no, '') = ''"
    return book.query(
        "select d.*, m.name, m.code from dues_payments d join members m on m.id = d.member_id "
        f"where {where} order by d.month",
        [ref if record is None else record],
    )


def find_payment(
    book: Book,
    member_id: int,
    month: str,
    *,
    paid_date: str | None = None,
    record: int | None = None,
    cli: bool = False,
) -> str:
    """The reference of the member's payment of `month` still standing (paid on `paid_date`
    when given; the unnumbered one with 记录号 `record` when given): a receipt number, or "#id"
    for a payment without one. Refused (InputRefused) when none or more than one fits,
    listing the member's payments of that month and how to name one."""
    month = (month or "").strip()
    if not is_month(month):
        raise InputRefused(f"{month_problem(month)}。")
    name = book.roster.member(member_id)["name"]
    when = f"{name} {month_cn(month)}"
    mine = [r for r in receipts(book, member_id=member_id) if not r["reverses"]]
    of_month = [r for r in mine if month in r["months"]]
    fits = [r for r in of_month if not r["reversed_by"]]
    if paid_date:
        fits = [r for r in fits if r["paid_date"] == paid_date.strip()]
        when += f"（{paid_date.strip()} 缴纳）"
    if record is not None:
        fits = [r for r in fits if r["ref"] == unnumbered_ref(record)]
        when += f"（记录号 {record}）"

    def listed(rows: list[dict[str, Any]]) -> list[str]:
        return [
            f"{r['paid_date'] or '缴纳日期未记'} 缴纳 {yuan(r['amount_fen'])} 元，"
            f"{receipt_ref_text(r['ref'])}" + ("，已冲销" if r["reversed_by"] else "")
            for r in rows
        ]

    if len(fits) == 1:
        return fits[0]["ref"]
    gap = "" if when.endswith("）") else " "
    if not fits:
        if not of_month:
            raise InputRefused(
                f"找不到 {when}{gap}的党费记录，请核对姓名和月份（“党费”页或 pioneer dues register）。"
            )
        raise InputRefused(
            f"找不到 {when}{gap}还未冲销的党费记录；这个月的缴费有：", listed(of_month)
        )
    how = (
        "请加 --paid 缴纳日期 指明是哪一笔；缴纳日期也相同的，用 --record 记录号。"
        if cli
        else "请指明缴纳日期或记录号。"
    )
    raise InputRefused(f"{when}{gap}有 {len(fits)} 笔缴费，不知道要冲销哪一笔：{how}", listed(fits))


def reversal_of(book: Book, receipt_no: str) -> dict[str, Any] | None:
    """The reversal of receipt `receipt_no`, or None."""
    rows = book.query("select * from dues_reversals where receipt_no = ?", [receipt_no])
    return rows[0] if rows else None


def reversals(book: Book, *, year: int | None = None) -> list[dict[str, Any]]:
    """Every reversal (of the year, by its date or the reversed months), oldest first."""
    where, params = "", []
    if year is not None:
        where = (
            "where r.date like ? or exists (select 1 from dues_payments d "
            f"where {PAYMENT_REF} = r.receipt_no and d.month like ?)"
        )
        params = [f"{year:04d}-%", f"{year:04d}-%"]
    return book.query(f"select r.* from dues_reversals r {where} order by r.date, r.id", params)


def reverse_receipt(
    book: Book,
    receipt_no: str,
    *,
    reason: str,
    decided_by: str,
    on: str | None = None,
    today: date | None = None,
) -> str:
    """Reverse receipt `receipt_no` whole (红字冲销) on day `on` (default today); returns the
    red receipt's number. `receipt_no` may be "#id", a payment without a receipt number
    (`find_payment` names it). All checks pass or nothing is written."""
    as_of = _today(today)
    on = (on or as_of.isoformat()).strip()
    no = (receipt_no or "").strip()
    problems: list[str] = []
    if not (reason or "").strip():
        problems.append("请写明冲销原因（例如“金额录错，应为 1.00 元”）。")
    if not (decided_by or "").strip():
        problems.append("请写明谁决定冲销（经办人或支委会）。")
    wrong_date = date_problem(on, "冲销日期", "2026-12-05")
    if wrong_date:
        problems.append(f"{wrong_date}。")
    elif on > as_of.isoformat():
        problems.append(f"冲销日期 {on} 晚于今天（{as_of.isoformat()}），请核对。")
    with book.write():  # numbered inside the write: two programs must not take one number
        rows = payment_rows(book, no)
        red = book.query("select * from dues_reversals where reversal_no = ?", [no])
        what = receipt_ref_text(no)
        if not no:
            problems.append("请填写要冲销的收据号。")
        elif red:
            orig = receipt_ref_text(red[0]["receipt_no"])
            problems.append(
                f"{no} 是红字收据（冲销{orig}），不能再冲销；"
                f"如果那次冲销错了，请把{orig} 的缴费重新登记一次。"
            )
        elif not rows and unnumbered_id(no) is not None:
            problems.append(
                f"找不到记录号 {unnumbered_id(no)} 的无收据号缴费，请按党员、月份和缴纳日期指明"
                "（pioneer dues reverse --member 姓名 --months YYYY-MM --paid 缴纳日期）。"
            )
        elif not rows:
            problems.append(
                f"找不到收据号 {no} 的党费记录，请核对收据上印的号码；没有收据号的缴费，"
                "请按党员、月份和缴纳日期指明（pioneer dues reverse --member 姓名 --months "
                "YYYY-MM --paid 缴纳日期）。"
            )
        else:
            done = reversal_of(book, no)
            if done:
                problems.append(
                    f"{what} 已于 {done['date']} 冲销（红字收据 {done['reversal_no']}），"
                    "不能重复冲销。"
                )
            paid = rows[0]["paid_date"] or f"{rows[0]['month']}-01"
            if not wrong_date and on < paid:
                problems.append(f"冲销日期 {on} 早于{what} 的缴纳日期 {paid}。")
        if not wrong_date:
            locked = _confirmed_quarter(book, on)
            if locked:
                # The red entry belongs to the open period (the confirmed one keeps its digest).
                problems.append(
                    f"冲销日期 {on} 在已确认的{locked}内，已确认期间的记录不能再增加；"
                    f"请按今天的日期（{as_of.isoformat()}）冲销，冲销记在当前未确认的期间。"
                )
        if problems:
            if len(problems) == 1:
                raise InputRefused(NOT_WRITTEN + problems[0])
            raise InputRefused(NOT_WRITTEN, problems)
        red_no = next_receipt_no(book, int(on[:4]))
        amount = sum(r["paid_fen"] for r in rows)
        summary = (
            f"红字收据 {red_no} 冲销{what}（{rows[0]['name']} "
            f"{months_text([r['month'] for r in rows])} {yuan(amount)} 元）：{reason.strip()}"
        )
        with book.action(
            REVERSE_ACTION, summary, receipt=no, reversal=red_no, decided_by=decided_by.strip()
        ):
            book.db["dues_reversals"].insert(
                {
                    "receipt_no": no,
                    "reversal_no": red_no,
                    "date": on,
                    "reason": reason.strip(),
                    "decided_by": decided_by.strip(),
                    "created_by": book.operator,
                    "created_at": now_iso(),
                }
            )
    return red_no


def confirmed_period_of(book: Book, receipt_no: str) -> str | None:
    """The confirmed period a receipt lies in (its paid date, else its first month), e.g.
    "2026年第3季度"; None when it lies in no confirmed period."""
    rows = payment_rows(book, (receipt_no or "").strip())
    if not rows:
        return None
    # By the day its rows are locked by (the facts digest takes payments by paid date), as
    # the red line on paper says it: arrears of a confirmed month paid in the open period
    # belong to the open one.
    return _confirmed_quarter(book, rows[0]["paid_date"] or f"{rows[0]['month']}-01")


def confirmed_note(book: Book, receipt_no: str, *, cli: bool = False) -> str:
    """Said after reversing a receipt of a confirmed period: what stays, where the red entry
    is, and what to do if points are affected ("" for a receipt of an open period)."""
    period = confirmed_period_of(book, receipt_no)
    if period is None:
        return ""
    how = "pioneer correction add" if cli else "“季度评议”页的“登记更正”"
    # A reversal is known from its date (DuesMonth.standing_as_of): the confirmed period,
    # judged on its last day, keeps its points; the year's running total, judged today, counts
    # the months as unpaid. A correction on top of that would count twice.
    return (
        f"{receipt_ref_text(receipt_no)} 属于已确认的{period}：该期间已公示的积分和校验值不变，"
        "重新计算也不变（冲销从冲销日期起才算）；红字冲销记在冲销日期所在的未确认期间，台账和"
        "公示从现在起按冲销后的金额计，全年积分从现在起把冲销的月份算作未缴。"
        "重新登记正确的缴费时按实际收款的日期登记（已确认期间内的日期不能再登记，按今天登记的"
        f"月份算作逾期）；核对全年积分后，如仍与实际不符，再用{how}"
        "在未确认的期间登记更正，写明原因。"
    )
