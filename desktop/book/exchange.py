"""积分兑换: a ledger of a member's points redeemed for goods or services (社区: 「党员可凭个人
积分兑换实物或服务，享受优惠折扣或以个人名义捐赠他人。党员个人积分兑换献爱心情况登记备案」).

The ledger never changes the score: the year total, the rating and the follow-ups are what
the scheme gives whatever was redeemed. What may be redeemed is the year's points not yet
redeemed (「党员个人积分在记分周期内有效，实行年度清零」), as the year stands on the day.
Only a year whose scheme has [exchange] keeps a ledger. Entries are never edited or deleted;
a mistake is answered by a return (negative points) with its reason.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from desktop.book.errors import InputRefused
from desktop.book.store import Book, now_iso
from desktop.rules.dates import date_problem
from desktop.rules.scheme import fmt_points


def _points(value: Any) -> Decimal:
    try:
        number = Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        raise InputRefused(f"兑换分值“{value}”不是数字。") from None
    if number != number.quantize(Decimal("0.01")):
        raise InputRefused(f"兑换分值“{value}”最多两位小数。")
    return number


def redeemed(book: Book, year: int, member_id: int) -> Decimal:
    rows = book.execute(
        "select points from exchanges where year = ? and member_id = ?", [year, member_id]
    ).fetchall()
    return sum((Decimal(r[0]) for r in rows), Decimal(0))


def balance(book: Book, year: int, member: str, *, today: date | None = None) -> dict[str, Any]:
    """{"total" (the year's points as of today), "redeemed", "left"} for one member."""
    from desktop.book.scoring import score_book

    m = book.roster.find(member)
    result = score_book(book, year, today=today, explain=False)
    mr = result.member(m["code"])
    total = mr.total if mr is not None and mr.scored else Decimal(0)
    used = redeemed(book, year, m["id"])
    return {"total": total, "redeemed": used, "left": total - used}


def keeps_ledger(book: Book, year: int) -> bool:
    """Whether `year`'s scheme has [exchange] (a scheme with errors keeps none)."""
    from desktop.book.scoring import year_scheme

    try:
        return year_scheme(book, year).exchange_note is not None
    except InputRefused:
        return False


def balances(book: Book, year: int, *, today: date | None = None) -> list[dict[str, Any]]:
    """Every member scored in `year` (roster order) with "code", "name", "total" (the year's
    points as of today), "redeemed" and "left" — the year scored once for all of them."""
    from desktop.book.scoring import score_book

    result = score_book(book, year, today=today, explain=False)
    used: dict[int, Decimal] = {}
    for member_id, points in book.execute(
        "select member_id, points from exchanges where year = ?", [year]
    ).fetchall():
        used[member_id] = used.get(member_id, Decimal(0)) + Decimal(points)
    out = []
    for m in book.roster.members(include_left=True):
        mr = result.member(m["code"])
        if (mr is None or not mr.scored) and m["id"] not in used:
            continue
        total = mr.total if mr is not None and mr.scored else Decimal(0)
        spent = used.get(m["id"], Decimal(0))
        row = {"code": m["code"], "name": m["name"], "total": total, "redeemed": spent}
        out.append({**row, "left": total - spent})
    return out


def record_exchange(
    book: Book,
    member: str,
    on: str,
    what: str,
    points: Any,
    handled_by: str,
    *,
    note: str = "",
    today: date | None = None,
) -> int:
    """Record one redemption (points > 0) or a return (points < 0, `note` saying why).

    Refused (nothing written): a year whose scheme has no [exchange], a member not scored that
    year, a date not a date or still to come, no 兑换内容 or 经办人, more points than the year
    has left, a return without its reason or larger than what was redeemed."""
    from desktop.book.scoring import year_scheme

    day = today or date.today()
    text = (on or "").strip() or day.isoformat()
    problem = date_problem(text, "兑换日期", "2026-06-01")
    if problem:
        raise InputRefused(f"{problem}。")
    if text > day.isoformat():
        raise InputRefused(f"兑换日期 {text} 还没有到。")
    year = int(text[:4])
    scheme = year_scheme(book, year)
    if scheme.exchange_note is None:
        raise InputRefused(
            f"{year} 年的积分方案“{scheme.title}”没有积分兑换（[exchange]），不记兑换台账。"
        )
    m = book.roster.find(member)
    problems = []
    if not (what or "").strip():
        problems.append("请写明兑换的实物或服务（兑换内容）。")
    if not (handled_by or "").strip():
        problems.append("请写明经办人。")
    value = _points(points)
    if value == 0:
        problems.append("兑换分值不能为0。")
    if value < 0 and not (note or "").strip():
        problems.append("退回（负分值）须在备注中写明原因。")
    if problems:
        raise InputRefused(f"{m['name']} 的积分兑换未登记：", problems)
    state = balance(book, year, m["code"], today=min(day, date(year, 12, 31)))
    if value > 0 and value > state["left"]:
        raise InputRefused(
            f"{m['name']} {year} 年可兑换的积分只剩 {fmt_points(state['left'])} 分"
            f"（年度积分 {fmt_points(state['total'])} 分，已兑换 {fmt_points(state['redeemed'])} 分），"
            f"不够兑换 {fmt_points(value)} 分。",
            ["积分在记分周期内有效，实行年度清零。"],
        )
    if value < 0 and -value > state["redeemed"]:
        raise InputRefused(
            f"{m['name']} {year} 年只兑换过 {fmt_points(state['redeemed'])} 分，"
            f"退回 {fmt_points(-value)} 分超过了已兑换的分数。"
        )
    verb = "积分兑换" if value > 0 else "积分兑换退回"
    with book.action(verb, f"{m['name']} {text} {what.strip()} {fmt_points(value)}分"):
        return int(
            book.db["exchanges"]
            .insert(
                {
                    "year": year,
                    "member_id": m["id"],
                    "date": text,
                    "what": what.strip(),
                    "points": str(value),
                    "handled_by": handled_by.strip(),
                    "note": (note or "").strip(),
                    "created_by": book.actor,
                    "created_at": now_iso(),
                }
            )
            .last_pk
        )


def ledger(book: Book, year: int, member: str | None = None) -> list[dict[str, Any]]:
    """The year's entries (oldest first), each with the member's running total redeemed."""
    where, params = "e.year = ?", [year]
    if member:
        where += " and e.member_id = ?"
        params.append(book.roster.find(member)["id"])
    rows = book.query(
        "select e.id, m.code, m.name, e.date, e.what, e.points, e.handled_by, e.note "
        f"from exchanges e join members m on m.id = e.member_id where {where} "
        "order by e.date, e.id",
        params,
    )
    running: dict[str, Decimal] = {}
    for r in rows:
        running[r["code"]] = running.get(r["code"], Decimal(0)) + Decimal(r["points"])
        r["redeemed_so_far"] = running[r["code"]]
    return rows
