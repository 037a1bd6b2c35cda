"""积分申报 (claims: 申报 → 初评 → 审定, or 驳回) with their caps, and corrections (更正) of
facts in a confirmed period: a new dated entry with its reason."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from desktop.book.errors import InputRefused
from desktop.book.periods import _iso, _today, check_unlocked
from desktop.book.scoring import year_scheme
from desktop.book.store import Book, now_iso
from desktop.rules.facts import APPROVED
from desktop.rules.periods import make_period, period_index
from desktop.rules.scheme import PERIOD_WORDS, Item, Scheme, fmt_points

PENDING = ("申报", "初评")
ZERO = Decimal(0)


# ---------------------------------------------------------------- claims


def claim_items(scheme: Scheme) -> list[tuple[str, Item]]:
    """(section name, item) for every item that accepts claims."""
    return [(s.name, i) for s in scheme.sections for i in s.items if i.source == "claim"]


def _find_item(scheme: Scheme, ref: str) -> tuple[str, Item]:
    for section, item in claim_items(scheme):
        if ref in (item.id, item.name):
            return section, item
    item = scheme.item(ref)
    names = "、".join(f"{i.name}（{i.id}）" for _s, i in claim_items(scheme))
    if item is not None:
        raise InputRefused(
            f"“{item.name}”由系统按签到、党费等记录自动计分，不接受申报。",
            [f"可申报的项目：{names}。"],
        )
    raise InputRefused(f"本年度积分方案中没有“{ref}”这个申报项目。", [f"可申报的项目：{names}。"])


def find_claim_item(scheme: Scheme, ref: str) -> tuple[str, Item]:
    """(section, item) of the scheme's claimable item `ref` (id or name); InputRefused naming
    the claimable ones otherwise. The screens, the command line and the import use it."""
    return _find_item(scheme, ref)


def check_claim_points(it: Item, points: Any) -> Decimal:
    """The points claimed for `it` (its fixed points when none are given), refused
    (InputRefused) when they are not its fixed points or outside its range."""
    if points is None or str(points).strip() == "":
        if it.points is None:
            lo, hi = it.range  # type: ignore[misc]
            raise InputRefused(
                f"请填写分值：“{it.name}”每次可申报 {fmt_points(lo)} 至 {fmt_points(hi)} 分。"
            )
        return it.points
    value = _points(points)
    if it.points is not None and value != it.points:
        raise InputRefused(
            f"“{it.name}”每次固定 {fmt_points(it.points)} 分，不能申报 {fmt_points(value)} 分。"
        )
    if it.range is not None:
        lo, hi = it.range
        if not lo <= value <= hi:
            raise InputRefused(
                f"“{it.name}”每次可申报 {fmt_points(lo)} 至 {fmt_points(hi)} 分，"
                f"{fmt_points(value)} 分超出了范围。",
                ["请按方案的分值范围填写。"],
            )
    return value


def _points(value: Any) -> Decimal:
    try:
        number = Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        raise InputRefused(f"分值“{value}”不是数字。", ["请填写数字，例如 3 或 0.5。"]) from None
    if not number.is_finite() or number != number.quantize(Decimal("0.01")):
        raise InputRefused(f"分值“{value}”最多保留两位小数。")
    return number


@dataclass
class CapUse:
    """What a cap allows and what is used of it (claims not rejected count)."""

    label: str
    cap: Decimal
    used: Decimal
    period_start: str = ""  # the first day of the period the cap counts over

    @property
    def left(self) -> Decimal:
        return max(self.cap - self.used, ZERO)

    def text(self) -> str:
        return (
            f"{self.label}最多 {fmt_points(self.cap)} 分，已用 {fmt_points(self.used)} 分，"
            f"还可计 {fmt_points(self.left)} 分"
        )


def cap_uses(
    book: Book,
    member_id: int,
    item_id: str,
    iso: str,
    *,
    exclude_claim: int | None = None,
    scheme: Scheme | None = None,
) -> list[CapUse]:
    """The item's own cap and any pool cap around it, in the period of `iso` (by the year's
    scheme, or `scheme`: an import's own for that year)."""
    year = int(iso[:4])
    scheme = scheme or year_scheme(book, year)
    uses: list[CapUse] = []
    month = int(iso[5:7])

    def start(per: str) -> str:
        return make_period(per, year, period_index(per, month)).start

    def used(item_ids: tuple[str, ...], per: str) -> Decimal:
        p = make_period(per, year, period_index(per, month))
        marks = ",".join("?" for _ in item_ids)
        rows = book.execute(
            f"""select points from claims where member_id = ? and item in ({marks})
                and status != '驳回' and date between ? and ? and id != ?""",
            [member_id, *item_ids, p.start, p.end, exclude_claim or -1],
        ).fetchall()
        return sum((abs(Decimal(r[0])) for r in rows), ZERO)

    for section in scheme.sections:
        for item in section.items:
            if item.id != item_id:
                continue
            if item.cap is not None:
                label = f"“{item.name}”每{PERIOD_WORDS[item.per]}"
                uses.append(CapUse(label, item.cap, used((item.id,), item.per), start(item.per)))
            if section.mode == "accumulate" and section.capped:
                # A bonus section that stops at its full marks (e.g. 突出事迹 0–10).
                ids = tuple(i.id for i in section.items if i.source == "claim")
                label = f"“{section.name}”每{PERIOD_WORDS[section.period]}"
                uses.append(
                    CapUse(label, section.max, used(ids, section.period), start(section.period))
                )
            for pool in section.pools:
                if item_id in pool.items:
                    label = f"“{pool.name}”每{PERIOD_WORDS[pool.per]}"
                    uses.append(
                        CapUse(label, pool.cap, used(tuple(pool.items), pool.per), start(pool.per))
                    )
    return uses


def add_claim(
    book: Book,
    member: str,
    when: str | date,
    item: str,
    points: Any = None,
    reason: str = "",
    *,
    evidence: str = "",
    submitted_by: str = "",
    today: date | None = None,
) -> int:
    """Record a claim (申报) against an item of the year's scheme; refused with reasons."""
    m = book.roster.find(member)
    iso = _iso(when, "申报日期")
    day = _today(today)
    if iso > day.isoformat():
        raise InputRefused(f"申报日期 {iso} 还没有到。", ["只能申报已经发生的事项。"])
    check_unlocked(book, iso, "这条积分申报")
    if m["left_date"] and iso > m["left_date"]:
        raise InputRefused(f"{m['name']} 已于 {m['left_date']} 离开本支部，不能再申报积分。")
    scheme = year_scheme(book, int(iso[:4]))
    _section, it = find_claim_item(scheme, item.strip())
    value = check_claim_points(it, points)
    for use in cap_uses(book, m["id"], it.id, iso):
        if abs(value) > use.left:
            raise InputRefused(
                f"{m['name']} 的“{it.name}”{fmt_points(value)} 分超出封顶：{use.text()}。",
                [f"本次最多还能申报 {fmt_points(use.left)} 分。"],
            )
    if not reason.strip():
        raise InputRefused("请填写申报事由（做了什么事、何时何地）。")
    with book.action("积分申报", f"{m['name']} {it.name} {fmt_points(value)} 分", date=iso):
        return int(
            book.db["claims"]
            .insert(
                {
                    "member_id": m["id"],
                    "date": iso,
                    "item": it.id,
                    "points": fmt_points(value),  # "2.50" and "2.5" are one value: one text
                    "reason": reason.strip(),
                    "status": "申报",
                    "evidence": evidence.strip(),
                    "submitted_by": (submitted_by or book.actor).strip(),
                    "created_at": now_iso(),
                }
            )
            .last_pk
        )


def claim(book: Book, claim_id: int) -> dict[str, Any]:
    rows = book.query(
        """select c.*, m.code, m.name from claims c join members m on m.id = c.member_id
           where c.id = ?""",
        [claim_id],
    )
    if not rows:
        raise InputRefused(f"找不到第 {claim_id} 号积分申报。")
    return rows[0]


def _step(book: Book, claim_id: int, allowed: tuple[str, ...], verb: str) -> dict[str, Any]:
    c = claim(book, claim_id)
    check_unlocked(book, c["date"], "这条积分申报")
    if c["status"] not in allowed:
        first = "请先由党小组长初评。" if c["status"] == "申报" and verb == "审定" else ""
        raise InputRefused(
            f"第 {claim_id} 号申报（{c['name']}）现在是“{c['status']}”状态，不能{verb}。{first}",
            [f"只有“{'”或“'.join(allowed)}”状态的申报可以{verb}。"],
        )
    return c


def _step_time(
    c: dict[str, Any], on: str | date | None, verb: str, after: str | None = None
) -> str:
    """When a step was taken: now, or the day `on` it was taken on paper (a branch entering
    its records late: the 附加积分明细表 then shows the 初评/审定 the township must see before
    the notice, not the day they were typed in). Not to come, not before the claim's date nor
    before the step it follows (`after`, a time)."""
    if on is None or on == "":
        return now_iso()
    day = _iso(on, f"{verb}日期")
    if day > _today(None).isoformat():
        raise InputRefused(f"{verb}日期 {day} 还没有到。", [f"请填写实际{verb}的日期。"])
    if day < c["date"]:
        raise InputRefused(
            f"{verb}日期 {day} 早于申报的日期 {c['date']}。", [f"请填写实际{verb}的日期。"]
        )
    if after and day < after[:10]:
        raise InputRefused(
            f"{verb}日期 {day} 早于初评的日期 {after[:10]}。", [f"请填写实际{verb}的日期。"]
        )
    return f"{day}T00:00:00"


def review_claim(
    book: Book, claim_id: int, by: str, note: str = "", *, on: str | date | None = None
) -> None:
    """初评 by the group leader: 申报 → 初评 (`on`: the day it was done, default now)."""
    if not by.strip():
        raise InputRefused("请填写初评人（党小组长）。")
    c = _step(book, claim_id, ("申报",), "初评")
    when = _step_time(c, on, "初评")
    with book.action("积分申报初评", f"{c['name']} 第{claim_id}号", by=by):
        book.db["claims"].update(
            claim_id,
            {
                "status": "初评",
                "reviewed_by": by.strip(),
                "reviewed_at": when,
                "review_note": note.strip(),
            },
        )


def approve_claim(book: Book, claim_id: int, by: str, *, on: str | date | None = None) -> None:
    """审定 by the branch committee: 初评 → 审定 (`on`: the day it was done, default now)."""
    if not by.strip():
        raise InputRefused("请填写审定人（支委会）。")
    c = _step(book, claim_id, ("初评",), "审定")
    when = _step_time(c, on, "审定", after=c.get("reviewed_at"))
    for use in cap_uses(book, c["member_id"], c["item"], c["date"], exclude_claim=claim_id):
        if abs(Decimal(c["points"])) > use.left:
            raise InputRefused(
                f"第 {claim_id} 号申报 {c['points']} 分超出封顶：{use.text()}。",
                ["请驳回，或与申报人商定后重新申报。"],
            )
    with book.action("积分申报审定", f"{c['name']} 第{claim_id}号", by=by):
        book.db["claims"].update(
            claim_id, {"status": APPROVED, "approved_by": by.strip(), "approved_at": when}
        )


def default_step_name(book: Book, step: str) -> str:
    """Who usually does a claim's step ("reviewed" 初评 / "approved" 审定): the name recorded
    last time, else the book's 经办人 ('' when neither is known)."""
    column = {"reviewed": "reviewed_by", "approved": "approved_by"}[step]
    row = book.execute(
        f"select {column} from claims where coalesce({column}, '') != '' "
        f"order by {step}_at desc, id desc limit 1"
    ).fetchone()
    return row[0] if row else book.operator


def reject_claim(
    book: Book, claim_id: int, by: str, reason: str, *, on: str | date | None = None
) -> None:
    """驳回 with a reason, from 申报 or 初评 (`on`: the day it was done, default now)."""
    if not reason.strip():
        raise InputRefused("驳回必须写明理由，以便告知申报人。")
    if not by.strip():
        raise InputRefused("请填写驳回人。")
    c = _step(book, claim_id, PENDING, "驳回")
    when = _step_time(c, on, "驳回", after=c.get("reviewed_at"))
    with book.action("积分申报驳回", f"{c['name']} 第{claim_id}号：{reason}", by=by):
        book.db["claims"].update(
            claim_id,
            {
                "status": "驳回",
                "rejected_by": by.strip(),
                "rejected_at": when,
                "reject_reason": reason.strip(),
            },
        )


def list_claims(
    book: Book,
    year: int,
    quarter: int | None = None,
    *,
    status: str | tuple[str, ...] | None = None,
    kind: str | None = None,
) -> list[dict[str, Any]]:
    """Claims of a year or of one period (`quarter` = its number in `kind`, by default the
    year's review cycle) with member, item name and what is left under the caps."""
    scheme = year_scheme(book, year)
    kind = kind or scheme.review_cycle
    p = make_period(kind, year, quarter) if quarter else make_period("year", year, 1)
    rows = book.query(
        """select c.*, m.code, m.name, g.name as "group" from claims c
           join members m on m.id = c.member_id left join party_groups g on g.id = m.group_id
           where c.date between ? and ? order by c.date, c.id""",
        [p.start, p.end],
    )
    statuses = (status,) if isinstance(status, str) else status
    out = []
    for r in rows:
        if statuses and r["status"] not in statuses:
            continue
        item = scheme.item(r["item"])
        r["item_name"] = item.name if item else r["item"]
        r["group"] = r["group"] or ""
        r["caps"] = [u.text() for u in cap_uses(book, r["member_id"], r["item"], r["date"])]
        out.append(r)
    return out


# ---------------------------------------------------------------- corrections


def add_correction(
    book: Book,
    member: str,
    item: str,
    points: Any,
    reason: str,
    *,
    refers_to: str = "",
    when: str | date | None = None,
    today: date | None = None,
) -> int:
    """A correction of a confirmed fact: a new entry dated in an open quarter, with a reason."""
    m = book.roster.find(member)
    iso = _iso(when, "更正日期", _today(today))
    check_unlocked(book, iso, "更正")
    if not reason.strip():
        raise InputRefused("更正必须写明原因（更正了什么、依据是什么）。")
    scheme = year_scheme(book, int(iso[:4]))
    it = scheme.item(item) or next(
        (i for s in scheme.sections for i in s.items if i.name == item), None
    )
    if it is None:
        raise InputRefused(f"本年度积分方案中没有“{item}”这个项目。")
    if it.tiers:
        raise InputRefused(
            f"“{it.name}”按次数分档计分，不能直接更正分值。",
            ["请更正对应的签到或记录（如在未确认的季度补录），或改用其他项目。"],
        )
    value = _points(points)
    with book.action("登记更正", f"{m['name']} {it.name} {fmt_points(value)} 分：{reason}"):
        return int(
            book.db["corrections"]
            .insert(
                {
                    "member_id": m["id"],
                    "date": iso,
                    "item": it.id,
                    "points": fmt_points(value),  # "2.50" and "2.5" are one value: one text
                    "reason": reason.strip(),
                    "refers_to": refers_to.strip(),
                    "created_by": book.actor,
                    "created_at": now_iso(),
                }
            )
            .last_pk
        )


def list_corrections(book: Book, year: int) -> list[dict[str, Any]]:
    return book.query(
        """select c.*, m.code, m.name from corrections c join members m on m.id = c.member_id
           where c.date between ? and ? order by c.date, c.id""",
        [f"{year:04d}-01-01", f"{year:04d}-12-31"],
    )
