"""Party dues: a member's months (owed, paid), the month's collection, recording payments
and receipts. Re-exported by desktop.book.dues."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from desktop.book.dues_rates import (
    PAYING_STATUSES,
    _all_rates,
    _before_book,
    _confirmed_quarter,
    _members,
    _owes,
    _rate_at,
    _today,
    dues_start,
    judged_through,
)
from desktop.book.errors import InputRefused
from desktop.book.store import Book, now_iso
from desktop.rules.dates import date_problem, month_problem
from desktop.rules.dues import (
    ABSURD_FEN,
    UNNUMBERED,
    MonthDues,
    is_month,
    month_cn,
    month_index,
    month_of,
    month_refusal,
    months_between,
    months_text,
    passed_up_whole,
    unnumbered_ref,
    yuan,
)

# A payment row's reference in SQL (alias d): its receipt number, or "#id" when it has none —
# how a reversal names it (the view dues_standing, m020, matches reversals the same way).
PAYMENT_REF = "(case when coalesce(d.receipt_no, '') = '' then '#' || d.id else d.receipt_no end)"

# -- member months ------------------------------------------------------------------------


def _paid_rows(book: Book, where: str = "", params: list[Any] | None = None) -> list[dict]:
    return [
        dict(r)
        for r in book.db.query(
            "select * from dues_standing " + (f"where {where} " if where else "") + "order by id",
            params or [],
        )
    ]


def month_sums_sql(where: str) -> str:
    """SQL for each member-month with a payment standing (`where` on dues_payments d):
    member_id, month, due, paid, last_date, n, receipts — what stands. The month's due is on
    its first row; when that row's receipt was reversed and a later part payment stands (due
    0), the due is the one last recorded for the month (not the sum of the reversed rows': a
    month paid, reversed, paid again and reversed again is owed once), so the month is not
    shown 免交."""
    standing_due = "sum(case when s.id is not null then d.due_fen else 0 end)"
    recorded_due = (
        "(select r.due_fen from dues_payments r where r.member_id = d.member_id"
        " and r.month = d.month and r.due_fen > 0 order by r.id desc limit 1)"
    )
    return f"""select d.member_id, d.month,
              case when {standing_due} > 0 then {standing_due}
                   else coalesce({recorded_due}, 0) end as due,
              sum(case when s.id is not null then d.paid_fen else 0 end) as paid,
              max(case when s.id is not null then d.paid_date end) as last_date,
              count(s.id) as n,
              group_concat(case when s.id is not null then coalesce(d.receipt_no, '') end, '、')
                  as receipts
           from dues_payments d left join dues_standing s on s.id = d.id
           where {where} group by d.member_id, d.month having count(s.id) > 0"""


def _month_table(book: Book, first: str, last: str) -> dict[tuple[int, str], dict[str, Any]]:
    """(member_id, month) → summed rows in the months first..last."""
    out: dict[tuple[int, str], dict[str, Any]] = {}
    for r in book.db.query(month_sums_sql("d.month between ? and ?"), [first, last]):
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

# How to set a missing standard, in a refused payment's message ({code}, {month}): the
# window's words by default; the CLI passes RATE_HINT_CLI (a window page means nothing there).
RATE_HINT_WINDOW = "在“党员党费”页用计算器设定每月金额"
RATE_HINT_CLI = "用命令设定：pioneer dues rate --member {code} --category 类别 --from {month}"


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
    """The next receipt number of the year: YYYY + a four-digit count (20260001 …). Red
    receipts (冲销, dues_reversals) take numbers from the same sequence."""
    prefix = f"{year:04d}"
    n = 0
    for (no,) in book.db.execute(
        "select receipt_no from dues_payments where receipt_no like ?"
        " union all select reversal_no from dues_reversals where reversal_no like ?",
        [prefix + "%", prefix + "%"],
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


# A payment this many times the months' standard is asked about before it is saved: 100 typed
# for 1.00 is the usual slip; voluntary extra (自愿多交) is allowed, so it is a question.
FAR_ABOVE = 3


def far_above_standard(book: Book, member_id: int, months: Mapping[str, int]) -> str:
    """What to ask before saving when the amount is more than FAR_ABOVE times the months'
    standard ("" when it is not, or no standard is known)."""
    history = _all_rates(book).get(member_id, [])
    standard = sum(_rate_at(history, m) or 0 for m in months if is_month(m))
    paid = sum(fen for fen in months.values() if isinstance(fen, int))
    if standard <= 0 or paid <= FAR_ABOVE * standard:
        return ""
    name = _member_name(book, member_id)
    return (
        f"{name} {months_text(sorted(months))}的党费标准共 {yuan(standard)} 元，"
        f"这次登记 {yuan(paid)} 元，是标准的 {paid / standard:.0f} 倍，请核对金额（单位是元）。"
    )


def _member_name(book: Book, member_id: int) -> str:
    row = book.db.execute("select name from members where id = ?", [member_id]).fetchone()
    return row[0] if row else str(member_id)


def record_payment(
    book: Book,
    member_id: int,
    months: Mapping[str, int],
    *,
    paid_date: str,
    receiver: str,
    receipt_no: str | None = None,
    today: date | None = None,
    rate_hint: str = RATE_HINT_WINDOW,
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
        rate_hint=rate_hint,
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
    rate_hint: str = RATE_HINT_WINDOW,
) -> list[str]:
    """Check every receipt, then write them all in one transaction (or nothing)."""
    # Checked inside the write transaction: two programs recording dues at once would
    # otherwise both number a receipt with the same next free number.
    with book.write():
        return _record_receipts(
            book,
            receipts,
            paid_date=paid_date,
            receiver=receiver,
            today=today,
            action=action,
            rate_hint=rate_hint,
        )


def _record_receipts(
    book: Book,
    receipts: list[Receipt],
    *,
    paid_date: str,
    receiver: str,
    today: date | None,
    action: str,
    rate_hint: str = RATE_HINT_WINDOW,
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
            "select member_id, month, sum(due_fen) as due from dues_standing group by 1, 2"
        )
    }
    used: dict[str, tuple[int, set[str]]] = {}
    for r in book.db.query(
        "select receipt_no, member_id, month from dues_payments where coalesce(receipt_no, '') != ''"
    ):
        used.setdefault(r["receipt_no"], (r["member_id"], set()))[1].add(r["month"])
    red = {
        r["reversal_no"]: r["receipt_no"]
        for r in book.db.query("select reversal_no, receipt_no from dues_reversals")
    }
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
            if no.startswith(UNNUMBERED):  # "#12" names a payment without a receipt number
                problems.append(
                    f"收据号 {no} 不能以“{UNNUMBERED}”开头（它用来指没有收据号的缴费记录）；"
                    "请改用收据上印的号码（留空则自动编号）。"
                )
            elif no in red:
                problems.append(
                    f"收据号 {no} 已用作红字收据（冲销收据 {red[no]}）；请换一个收据号"
                    "（留空则自动编号）。"
                )
            elif owner and owner[0] != receipt.member_id:
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
                how = rate_hint.format(code=m["code"], month=month)
                problems.append(f"{name} 还没有设定 {month_cn(month)} 的党费标准，请先{how}。")
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
    """Receipts as printed: one entry per receipt number (rows without a number stand alone,
    `ref` "#id": how a reversal names them; `receipt_no` is "" for them).

    Each red receipt (红字冲销) follows the receipt it reverses when both are of one month;
    a later one (a slip found after its period was confirmed) stands at its own date, where
    the ledger of that period has it. A year's list has the red receipts dated in it whose
    originals are of an earlier year (the red number is of this year's receipt book)."""
    where, params = [], []
    if member_id is not None:
        where.append("d.member_id = ?")
        params.append(member_id)
    if year is not None:
        # …or reversed by a red receipt of this year (listed for the red line alone)
        where.append(
            f"(d.month like ? or d.paid_date like ? or {PAYMENT_REF} in "
            "(select receipt_no from dues_reversals where date like ?))"
        )
        params += [f"{year:04d}-%", f"{year:04d}-%", f"{year:04d}-%"]
    wanted = list(numbers or [])
    asked = set(wanted)
    if wanted:  # a red receipt asked for by its number comes with the receipt it reverses
        for (orig,) in book.db.execute(
            f"select receipt_no from dues_reversals where reversal_no in ({', '.join('?' * len(wanted))})",
            wanted,
        ):
            wanted.append(orig)
        where.append(f"{PAYMENT_REF} in ({', '.join('?' * len(wanted))})")
        params += wanted
    sql = (
        "select d.*, m.name, m.code from dues_payments d join members m on m.id = d.member_id"
        + (" where " + " and ".join(where) if where else "")
        + " order by d.paid_date, d.receipt_no, d.month"
    )
    out: dict[str, dict[str, Any]] = {}
    for r in book.db.query(sql, params):
        key = r["receipt_no"] or unnumbered_ref(r["id"])
        rec = out.setdefault(
            key,
            {
                "receipt_no": r["receipt_no"] or "",
                "ref": key,
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
    red = {
        r["receipt_no"]: r
        for r in book.db.query("select * from dues_reversals order by id")
        if r["receipt_no"] in out
    }
    for rec in result:
        rec["months_text"] = months_text(rec["months"])
        extra = rec["amount_fen"] - rec["due_fen"]
        rec["passed_up_whole"] = passed_up_whole(extra)
        rec["reversed_by"] = red[rec["ref"]]["reversal_no"] if rec["ref"] in red else ""
        rec["reverses"] = ""
    # Each red receipt (红字冲销): negative, its own number and date, naming the original.
    prefix = f"{year:04d}-" if year is not None else ""
    with_red: list[dict[str, Any]] = []
    later: list[dict[str, Any]] = []
    for rec in result:
        # An original of an earlier year is here only for its red receipt of this year.
        own = (
            not prefix
            or rec["paid_date"].startswith(prefix)
            or any(m.startswith(prefix) for m in rec["months"])
        )
        if own:
            with_red.append(rec)
        r = red.get(rec["ref"])
        if r is None:
            continue
        rec["reversed_on"] = r["date"]
        if not r["date"].startswith(prefix):
            continue  # the red receipt is of a later year's receipt book
        line = rec | {
            "receipt_no": r["reversal_no"],
            "ref": r["reversal_no"],
            "paid_date": r["date"],
            "receiver": r["decided_by"],
            "months": list(rec["months"]),
            "amount_fen": -rec["amount_fen"],
            "due_fen": -rec["due_fen"],
            "passed_up_whole": False,
            "reversed_by": "",
            "reversed_on": "",
            "reverses": rec["ref"],
            "reverses_date": rec["paid_date"],
            "reason": r["reason"],
            "reverses_confirmed": "",
        }
        if own and r["date"][:7] == (rec["paid_date"] or rec["months"][0])[:7]:
            with_red.append(line)  # right under the receipt it reverses
        else:
            # Said on the line: the original's period was confirmed (its paper stands).
            line["reverses_confirmed"] = (
                _confirmed_quarter(book, rec["paid_date"] or f"{rec['months'][0]}-01") or ""
            )
            later.append(line)
    for line in later:  # after the last line dated on or before it (the list is by date)
        at = [i for i, x in enumerate(with_red) if x["paid_date"] <= line["paid_date"]]
        with_red.insert(at[-1] + 1 if at else 0, line)
    if asked:
        with_red = [rec for rec in with_red if rec["ref"] in asked]
    return with_red
