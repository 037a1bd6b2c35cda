"""The quarter: point claims and their approval, the review, publicity with objections, and
confirmation that cannot be undone.

    open ──publish──▶ publicity ──(period over, no open objection, notice current)──▶ confirmed

Points are never stored until a quarter is confirmed; then its results become a snapshot,
hash-chained to the previous one (desktop/rules/quarter.py), the quarter's facts are locked
(the checks here say so first, in Chinese; the schema's triggers are the backstop) and the
year's scheme is frozen. A mistake found later is a correction: a new dated entry with its
reason in an open quarter.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from desktop.book.errors import InputRefused, RecordLocked
from desktop.book.scoring import gather_facts, year_scheme, year_scheme_text
from desktop.book.store import Book, now_iso
from desktop.rules.facts import APPROVED
from desktop.rules.periods import make_period, period_index
from desktop.rules.quarter import (
    GENESIS,
    ChainProblem,
    Link,
    canonical_json,
    link_hash,
    publicity_end,
    publicity_rule_text,
    results_fingerprint,
    verify_chain,
)
from desktop.rules.scheme import PERIOD_WORDS, Item, Scheme, fmt_points
from desktop.rules.scoring import Line, MemberResult, ScoreResult, q2, score

STATES = {"open": "未公示", "publicity": "公示中", "confirmed": "已确认"}
PENDING = ("申报", "初评")
ZERO = Decimal(0)
DEFAULT_OBJECTION_CONTACT = "支部书记或本党小组组长（当面、电话或书面均可）"


def quarter_label(year: int, quarter: int) -> str:
    return f"{year}年第{quarter}季度"


def _today(today: date | None) -> date:
    return today or date.today()


def _iso(value: str | date | None, what: str, default: date | None = None) -> str:
    if value is None or value == "":
        if default is None:
            raise InputRefused(f"请填写{what}。")
        return default.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    try:
        return date.fromisoformat(str(value).strip()).isoformat()
    except ValueError:
        raise InputRefused(
            f"{what}“{value}”不是有效日期。", ["日期请写成 年-月-日，例如 2026-04-03。"]
        ) from None


def _check_quarter(quarter: int | None) -> int:
    if quarter not in (1, 2, 3, 4):
        raise InputRefused(f"季度应为 1 到 4，不是 {quarter}。", ["请用 --quarter 1 到 4。"])
    return quarter  # type: ignore[return-value]


def quarter_of(iso: str) -> tuple[int, int]:
    return int(iso[:4]), period_index("quarter", int(iso[5:7]))


# ---------------------------------------------------------------- locking


def confirmed_period_at(book: Book, iso: str) -> dict[str, Any] | None:
    rows = book.query(
        "select * from periods where status = 'confirmed' and ? between start and end", [iso]
    )
    return rows[0] if rows else None


def check_unlocked(book: Book, iso: str, what: str = "这条记录") -> None:
    """Refuse (RecordLocked) a write of a fact dated inside a confirmed quarter.

    Other modules (meetings, dues) may call this before writing; the triggers refuse anyway.
    """
    period = confirmed_period_at(book, iso)
    if period:
        label = quarter_label(period["year"], period["quarter"])
        raise RecordLocked(
            f"{what}的日期 {iso} 在{label}内，该季度已于 {period['confirmed_at'][:10]} 确认，"
            "不能再录入、修改或删除。",
            "如确有错误，请在未确认的季度登记“更正”，写明原因。",
        )


def _period(book: Book, year: int, quarter: int) -> dict[str, Any]:
    """The period row, created (open) on first use."""
    rows = book.query("select * from periods where year = ? and quarter = ?", [year, quarter])
    if rows:
        return rows[0]
    p = make_period("quarter", year, quarter)
    book.db["periods"].insert(
        {"year": year, "quarter": quarter, "start": p.start, "end": p.end, "status": "open"}
    )
    return book.query("select * from periods where year = ? and quarter = ?", [year, quarter])[0]


def _existing_period(book: Book, year: int, quarter: int) -> dict[str, Any] | None:
    rows = book.query("select * from periods where year = ? and quarter = ?", [year, quarter])
    return rows[0] if rows else None


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

    @property
    def left(self) -> Decimal:
        return max(self.cap - self.used, ZERO)

    def text(self) -> str:
        return (
            f"{self.label}最多 {fmt_points(self.cap)} 分，已用 {fmt_points(self.used)} 分，"
            f"还可计 {fmt_points(self.left)} 分"
        )


def cap_uses(
    book: Book, member_id: int, item_id: str, iso: str, *, exclude_claim: int | None = None
) -> list[CapUse]:
    """The item's own cap and any pool cap around it, in the period of `iso`."""
    year = int(iso[:4])
    scheme = year_scheme(book, year)
    uses: list[CapUse] = []
    month = int(iso[5:7])

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
                uses.append(CapUse(label, item.cap, used((item.id,), item.per)))
            if section.mode == "accumulate" and section.capped:
                # A bonus section that stops at its full marks (e.g. 突出事迹 0–10).
                ids = tuple(i.id for i in section.items if i.source == "claim")
                label = f"“{section.name}”每{PERIOD_WORDS[section.period]}"
                uses.append(CapUse(label, section.max, used(ids, section.period)))
            for pool in section.pools:
                if item_id in pool.items:
                    label = f"“{pool.name}”每{PERIOD_WORDS[pool.per]}"
                    uses.append(CapUse(label, pool.cap, used(tuple(pool.items), pool.per)))
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
    _section, it = _find_item(scheme, item.strip())
    if points is None or str(points).strip() == "":
        if it.points is None:
            lo, hi = it.range  # type: ignore[misc]
            raise InputRefused(
                f"请填写分值：“{it.name}”每次可申报 {fmt_points(lo)} 至 {fmt_points(hi)} 分。"
            )
        value = it.points
    else:
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
                    "points": str(value),
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


def review_claim(book: Book, claim_id: int, by: str, note: str = "") -> None:
    """初评 by the group leader: 申报 → 初评."""
    if not by.strip():
        raise InputRefused("请填写初评人（党小组长）。")
    c = _step(book, claim_id, ("申报",), "初评")
    with book.action("积分申报初评", f"{c['name']} 第{claim_id}号", by=by):
        book.db["claims"].update(
            claim_id,
            {
                "status": "初评",
                "reviewed_by": by.strip(),
                "reviewed_at": now_iso(),
                "review_note": note.strip(),
            },
        )


def approve_claim(book: Book, claim_id: int, by: str) -> None:
    """审定 by the branch committee: 初评 → 审定."""
    if not by.strip():
        raise InputRefused("请填写审定人（支委会）。")
    c = _step(book, claim_id, ("初评",), "审定")
    for use in cap_uses(book, c["member_id"], c["item"], c["date"], exclude_claim=claim_id):
        if abs(Decimal(c["points"])) > use.left:
            raise InputRefused(
                f"第 {claim_id} 号申报 {c['points']} 分超出封顶：{use.text()}。",
                ["请驳回，或与申报人商定后重新申报。"],
            )
    with book.action("积分申报审定", f"{c['name']} 第{claim_id}号", by=by):
        book.db["claims"].update(
            claim_id, {"status": APPROVED, "approved_by": by.strip(), "approved_at": now_iso()}
        )


def reject_claim(book: Book, claim_id: int, by: str, reason: str) -> None:
    """驳回 with a reason, from 申报 or 初评."""
    if not reason.strip():
        raise InputRefused("驳回必须写明理由，以便告知申报人。")
    if not by.strip():
        raise InputRefused("请填写驳回人。")
    c = _step(book, claim_id, PENDING, "驳回")
    with book.action("积分申报驳回", f"{c['name']} 第{claim_id}号：{reason}", by=by):
        book.db["claims"].update(
            claim_id,
            {
                "status": "驳回",
                "rejected_by": by.strip(),
                "rejected_at": now_iso(),
                "reject_reason": reason.strip(),
            },
        )


def list_claims(
    book: Book,
    year: int,
    quarter: int | None = None,
    *,
    status: str | tuple[str, ...] | None = None,
) -> list[dict[str, Any]]:
    """Claims of a year or quarter with member, item name and what is left under the caps."""
    p = make_period("quarter", year, quarter) if quarter else make_period("year", year, 1)
    rows = book.query(
        """select c.*, m.code, m.name, g.name as "group" from claims c
           join members m on m.id = c.member_id left join party_groups g on g.id = m.group_id
           where c.date between ? and ? order by c.date, c.id""",
        [p.start, p.end],
    )
    statuses = (status,) if isinstance(status, str) else status
    scheme = year_scheme(book, year)
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
                    "points": str(value),
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


# ---------------------------------------------------------------- the review


@dataclass
class ReviewRow:
    code: str
    name: str
    group: str
    status: str
    sections: dict[str, Decimal]
    total: Decimal
    ytd_total: Decimal
    rank: int
    change: Decimal | None  # from last quarter; None for Q1 or not scored then
    rated: bool
    flags: list[str]
    veto: bool
    unexcused: int
    pending_claims: int

    @property
    def below_60(self) -> bool:
        return self.total < 60


@dataclass
class Review:
    year: int
    quarter: int
    scheme_id: str
    scheme_title: str
    sections: list[str]
    as_of: str
    rows: list[ReviewRow]
    not_scored: list[dict[str, Any]]
    result: ScoreResult = field(repr=False)
    ytd: ScoreResult = field(repr=False)

    def member(self, code: str) -> MemberResult | None:
        return self.result.member(code)

    def lines(self, code: str) -> list[Line]:
        m = self.result.member(code)
        return list(m.lines) if m else []

    def filtered(
        self,
        *,
        below_60: bool = False,
        veto: bool = False,
        unexcused: bool = False,
        pending: bool = False,
    ) -> list[ReviewRow]:
        rows = self.rows
        if below_60:
            rows = [r for r in rows if r.below_60]
        if veto:
            rows = [r for r in rows if r.veto]
        if unexcused:
            rows = [r for r in rows if r.unexcused]
        if pending:
            rows = [r for r in rows if r.pending_claims]
        return rows


def _as_of(year: int, quarter: int, today: date | None) -> str:
    """Results of a quarter count facts up to its last day (or today, while it runs), so a
    finished quarter's numbers do not drift with the calendar."""
    end = make_period("quarter", year, quarter).end
    return min(end, _today(today).isoformat())


def _ranks(totals: list[Decimal]) -> list[int]:
    """Competition ranking: equal totals share a rank (1, 2, 2, 4)."""
    order = sorted(totals, reverse=True)
    return [order.index(t) + 1 for t in totals]


def review(book: Book, year: int, quarter: int, *, today: date | None = None) -> Review:
    """Members × sections for the quarter, year to date, rank, change, and what to look at."""
    _check_quarter(quarter)
    scheme = year_scheme(book, year)
    facts = gather_facts(book, year)
    as_of = _as_of(year, quarter, today)
    q = make_period("quarter", year, quarter)
    if as_of < q.start:
        raise InputRefused(f"{quarter_label(year, quarter)}还没有开始（{q.start} 起）。")
    result = score(scheme, facts, year, quarter, as_of=as_of, explain=True)
    ytd = score(scheme, facts, year, None, as_of=as_of, explain=False)
    prev = score(scheme, facts, year, quarter - 1, explain=False) if quarter > 1 else None
    acts = {a.code: a for a in facts.activities if q.start <= a.date <= as_of}
    unexcused: dict[str, int] = {}
    for a in facts.attendance:
        if a.activity in acts and a.status == "无故缺席":
            unexcused[a.member] = unexcused.get(a.member, 0) + 1
    pending: dict[str, int] = {}
    for c in facts.claims:
        if c.status in PENDING and q.start <= c.date <= q.end:
            pending[c.member] = pending.get(c.member, 0) + 1
    scored = [m for m in result.members if m.scored]
    ranks = _ranks([m.total for m in scored])
    rows = []
    for m, rank in zip(scored, ranks, strict=True):
        before = prev.member(m.code) if prev else None
        y = ytd.member(m.code)
        rows.append(
            ReviewRow(
                code=m.code,
                name=m.name,
                group=m.group,
                status=m.status,
                sections=dict(m.sections),
                total=m.total,
                ytd_total=y.total if y else m.total,
                rank=rank,
                change=(m.total - before.total) if before and before.scored else None,
                rated=m.rated,
                flags=[f.text for f in m.flags],
                veto=any(f.kind in ("veto", "veto_check") for f in m.flags),
                unexcused=unexcused.get(m.code, 0),
                pending_claims=pending.get(m.code, 0),
            )
        )
    not_scored = [
        {"code": m.code, "name": m.name, "reasons": list(m.reasons)}
        for m in result.members
        if not m.scored
    ]
    return Review(
        year=year,
        quarter=quarter,
        scheme_id=scheme.id,
        scheme_title=scheme.title,
        sections=[s.name for s in scheme.sections],
        as_of=as_of,
        rows=rows,
        not_scored=not_scored,
        result=result,
        ytd=ytd,
    )


def results_payload(rv: Review, branch: str) -> dict[str, Any]:
    """The quarter's results in the form that is fingerprinted, published and snapshotted."""
    return {
        "branch": branch,
        "year": rv.year,
        "quarter": rv.quarter,
        "scheme": rv.scheme_id,
        "as_of": rv.as_of,
        "sections": rv.sections,
        "members": [
            {
                "code": r.code,
                "name": r.name,
                "group": r.group,
                "sections": {k: q2(v) for k, v in r.sections.items()},
                "total": q2(r.total),
                "ytd_total": q2(r.ytd_total),
                "rank": r.rank,
                "rated": r.rated,
                "flags": r.flags,
            }
            for r in rv.rows
        ],
        "not_scored": rv.not_scored,
    }


# ---------------------------------------------------------------- publicity and objections


def holidays(book: Book) -> list[str]:
    return [r[0] for r in book.execute("select date from holidays order by date").fetchall()]


def objection_contact(book: Book) -> str:
    return book.setting("objection_contact") or DEFAULT_OBJECTION_CONTACT


def _notices(book: Book, period_id: int) -> list[dict[str, Any]]:
    return book.query(
        "select * from publicity_notices where period_id = ? order by id", [period_id]
    )


def _objections(book: Book, period_id: int) -> list[dict[str, Any]]:
    return book.query(
        """select o.*, m.code, m.name from objections o left join members m on m.id = o.member_id
           where o.period_id = ? order by o.id""",
        [period_id],
    )


def current_fingerprint(book: Book, year: int, quarter: int, today: date | None = None) -> str:
    rv = review(book, year, quarter, today=today)
    return results_fingerprint(results_payload(rv, book.branch()["name"]))


def publish(
    book: Book,
    year: int,
    quarter: int,
    *,
    start: str | date | None = None,
    reason: str = "",
    objection_id: int | None = None,
    today: date | None = None,
) -> dict[str, Any]:
    """Start the quarter's publicity (公示), or re-issue its notice after a correction.

    The period runs for the scheme's days (working days skip weekends and the book's
    holidays). A re-issue keeps the dates unless a new `start` is given, and says why.
    """
    _check_quarter(quarter)
    day = _today(today)
    existing = _existing_period(book, year, quarter)
    if existing and existing["status"] == "confirmed":
        raise RecordLocked(f"{quarter_label(year, quarter)}已确认，不能再公示。")
    q = make_period("quarter", year, quarter)
    if day.isoformat() < q.start:
        raise InputRefused(f"{quarter_label(year, quarter)}还没有开始（{q.start} 起），不能公示。")
    scheme = year_scheme(book, year)
    fingerprint = current_fingerprint(book, year, quarter, today)
    reissue = bool(existing and existing["status"] == "publicity")
    if reissue and start is None:
        pub_start, pub_end = existing["publicity_start"], existing["publicity_end"]  # type: ignore[index]
    else:
        pub_start = _iso(start, "公示开始日期", day)
        if pub_start < q.start:
            raise InputRefused(
                f"公示开始日期 {pub_start} 早于{quarter_label(year, quarter)}的开始（{q.start}）。"
            )
        pub_end = publicity_end(
            pub_start,
            scheme.publicity_days,
            working_days=scheme.publicity_working_days,
            holidays=holidays(book),
        )
    if reissue:
        last = _notices(book, existing["id"])[-1]  # type: ignore[index]
        if last["results_hash"] == fingerprint and start is None:
            raise InputRefused(
                f"{quarter_label(year, quarter)}正在公示，公示后结果没有变化，无需重新发布。"
            )
        reason = reason.strip() or "积分结果更正后重新公示"
    label = quarter_label(year, quarter)
    with book.action(
        "重新发布公示" if reissue else "开始公示",
        f"{label}：{pub_start} 至 {pub_end}",
        reason=reason,
    ):
        period = _period(book, year, quarter)
        book.db["periods"].update(
            period["id"],
            {"status": "publicity", "publicity_start": pub_start, "publicity_end": pub_end},
        )
        book.db["publicity_notices"].insert(
            {
                "period_id": period["id"],
                "issued_at": now_iso(),
                "issued_by": book.actor,
                "start": pub_start,
                "end": pub_end,
                "results_hash": fingerprint,
                "reason": reason.strip(),
                "objection_id": objection_id,
            }
        )
    return period_status(book, year, quarter, today=today)


def raise_objection(
    book: Book,
    year: int,
    quarter: int,
    *,
    raised_by: str,
    content: str,
    member: str | None = None,
    raised_on: str | date | None = None,
    today: date | None = None,
) -> int:
    """Record an objection (异议) to the quarter's published results."""
    _check_quarter(quarter)
    period = _existing_period(book, year, quarter)
    label = quarter_label(year, quarter)
    if period and period["status"] == "confirmed":
        raise RecordLocked(f"{label}已确认，不能再登记异议。", "如确有错误，请登记“更正”。")
    if not period or period["status"] != "publicity":
        raise InputRefused(f"{label}还没有公示，不能登记异议。", ["请先开始公示。"])
    if not raised_by.strip():
        raise InputRefused("请填写提出异议的人。")
    if not content.strip():
        raise InputRefused("请填写异议的内容（对谁的哪一项积分有什么意见）。")
    m = book.roster.find(member) if member else None
    iso = _iso(raised_on, "提出日期", _today(today))
    with book.action("登记异议", f"{label}：{raised_by} — {content[:30]}"):
        return int(
            book.db["objections"]
            .insert(
                {
                    "period_id": period["id"],
                    "raised_by": raised_by.strip(),
                    "member_id": m["id"] if m else None,
                    "content": content.strip(),
                    "raised_on": iso,
                    "status": "open",
                    "created_at": now_iso(),
                }
            )
            .last_pk
        )


def objection(book: Book, objection_id: int) -> dict[str, Any]:
    rows = book.query(
        """select o.*, p.year, p.quarter, p.status as period_status, m.name from objections o
           join periods p on p.id = o.period_id left join members m on m.id = o.member_id
           where o.id = ?""",
        [objection_id],
    )
    if not rows:
        raise InputRefused(f"找不到第 {objection_id} 号异议。")
    return rows[0]


def answer_objection(
    book: Book,
    objection_id: int,
    *,
    finding: str,
    changed: bool,
    change_note: str = "",
    told_on: str | date | None = None,
    today: date | None = None,
) -> dict[str, Any]:
    """Answer an objection: the finding, whether a fact was changed, when the member was told.

    If a fact was changed and the results now differ from the notice, the notice is re-issued
    at once, saying which objection caused it. Returns the period status.
    """
    o = objection(book, objection_id)
    if o["period_status"] == "confirmed":
        raise RecordLocked(f"{quarter_label(o['year'], o['quarter'])}已确认，异议不能再修改。")
    if o["status"] != "open":
        raise InputRefused(f"第 {objection_id} 号异议已经答复过了。")
    if not finding.strip():
        raise InputRefused("请填写调查核实的结果。")
    if changed and not change_note.strip():
        raise InputRefused("已作更正的，请写明更正了什么。")
    iso = _iso(told_on, "告知日期", _today(today))
    with book.action("答复异议", f"第{objection_id}号：{finding[:30]}", changed=changed):
        book.db["objections"].update(
            objection_id,
            {
                "status": "answered",
                "finding": finding.strip(),
                "changed": int(changed),
                "change_note": change_note.strip(),
                "told_on": iso,
                "answered_by": book.actor,
                "answered_at": now_iso(),
            },
        )
    status = period_status(book, o["year"], o["quarter"], today=today)
    if changed and status["results_changed"]:
        status = publish(
            book,
            o["year"],
            o["quarter"],
            reason=f"根据第{objection_id}号异议更正：{change_note.strip()}",
            objection_id=objection_id,
            today=today,
        )
    return status


# ---------------------------------------------------------------- status and confirmation


def period_status(
    book: Book, year: int, quarter: int, *, today: date | None = None
) -> dict[str, Any]:
    """Where a quarter stands, and why it can or cannot be confirmed yet."""
    _check_quarter(quarter)
    day = _today(today).isoformat()
    p = _existing_period(book, year, quarter)
    q = make_period("quarter", year, quarter)
    state = p["status"] if p else "open"
    scheme = year_scheme(book, year)
    out: dict[str, Any] = {
        "year": year,
        "quarter": quarter,
        "label": quarter_label(year, quarter),
        "start": q.start,
        "end": q.end,
        "state": state,
        "state_text": STATES[state],
        "publicity_rule": publicity_rule_text(scheme.publicity_days, scheme.publicity_working_days),
        "publicity_start": p["publicity_start"] if p else None,
        "publicity_end": p["publicity_end"] if p else None,
        "confirmed_at": p["confirmed_at"] if p else None,
        "notices": _notices(book, p["id"]) if p else [],
        "objections": _objections(book, p["id"]) if p else [],
        "hash": None,
        "results_changed": False,
        "blockers": [],
    }
    out["open_objections"] = [o for o in out["objections"] if o["status"] == "open"]
    if state == "confirmed":
        snap = book.query("select hash from snapshots where period_id = ?", [p["id"]])  # type: ignore[index]
        out["hash"] = snap[0]["hash"] if snap else None
        return out
    blockers: list[str] = []
    if state == "open":
        blockers.append("尚未公示：请先开始公示。")
    else:
        if day <= out["publicity_end"]:
            blockers.append(
                f"公示期为 {out['publicity_start']} 至 {out['publicity_end']}，"
                f"公示期满（{out['publicity_end']} 之后）才能确认。"
            )
        for o in out["open_objections"]:
            blockers.append(f"第 {o['id']} 号异议（{o['raised_by']}）尚未答复。")
        if day >= q.start:
            fingerprint = current_fingerprint(book, year, quarter, today)
            if out["notices"] and out["notices"][-1]["results_hash"] != fingerprint:
                out["results_changed"] = True
                blockers.append("公示后积分结果有变化：请重新发布公示，说明更正的内容。")
    for earlier in range(1, quarter):
        e = _existing_period(book, year, earlier)
        if not e or e["status"] != "confirmed":
            blockers.append(f"{quarter_label(year, earlier)}还没有确认：请按季度顺序确认。")
    pending = book.execute(
        "select count(*) from claims where status in ('申报', '初评') and date between ? and ?",
        [q.start, q.end],
    ).fetchone()[0]
    if pending:
        blockers.append(f"本季度还有 {pending} 条积分申报没有审定或驳回。")
    out["blockers"] = blockers
    return out


def confirm(book: Book, year: int, quarter: int, *, today: date | None = None) -> dict[str, Any]:
    """Confirm the quarter: snapshot its results (hash-chained), lock its facts, freeze the
    year's scheme. Cannot be undone. Refused (InputRefused) while anything blocks it."""
    status = period_status(book, year, quarter, today=today)
    label = status["label"]
    if status["state"] == "confirmed":
        raise InputRefused(f"{label}已经确认过了（{status['confirmed_at'][:10]}）。")
    if status["blockers"]:
        raise InputRefused(f"{label}现在不能确认：", status["blockers"])
    rv = review(book, year, quarter, today=today)
    payload = canonical_json(results_payload(rv, book.branch()["name"]))
    head = book.execute("select hash from snapshots order by id desc limit 1").fetchone()
    prev = head[0] if head else GENESIS
    digest = link_hash(prev, payload)
    scheme_id, text = year_scheme_text(book, year)
    with book.action("确认季度积分", f"{label}：{digest[:16]}", hash=digest):
        period = _period(book, year, quarter)
        book.db["snapshots"].insert(
            {
                "period_id": period["id"],
                "year": year,
                "quarter": quarter,
                "payload": payload,
                "prev_hash": prev,
                "hash": digest,
                "created_at": now_iso(),
                "created_by": book.actor,
            }
        )
        book.db["periods"].update(
            period["id"],
            {"status": "confirmed", "confirmed_at": now_iso(), "confirmed_by": book.actor},
        )
        row = book.execute("select frozen_at from schemes where year = ?", [year]).fetchone()
        if row is None:
            book.db["schemes"].insert(
                {"year": year, "scheme_id": scheme_id, "text": text, "frozen_at": now_iso()}
            )
        elif row[0] is None:
            book.db["schemes"].update(year, {"frozen_at": now_iso()})
    return period_status(book, year, quarter, today=today)


def confirmed_quarters(book: Book, year: int) -> list[int]:
    """Cheap (no scoring): the year's confirmed quarters."""
    return [
        r[0]
        for r in book.execute(
            "select quarter from periods where year = ? and status = 'confirmed' order by quarter",
            [year],
        )
    ]


def set_holiday(book: Book, day: str | date, name: str = "") -> None:
    """A day that is not a working day (publicity periods skip it)."""
    iso = _iso(day, "节假日日期")
    with book.action("登记节假日", f"{iso} {name}".strip()):
        book.db["holidays"].upsert({"date": iso, "name": name.strip()}, pk="date")


def remove_holiday(book: Book, day: str | date) -> None:
    iso = _iso(day, "节假日日期")
    if not book.execute("select 1 from holidays where date = ?", [iso]).fetchone():
        raise InputRefused(f"{iso} 不是已登记的节假日。")
    with book.action("删除节假日", iso):
        book.execute("delete from holidays where date = ?", [iso])


def list_holidays(book: Book, year: int | None = None) -> list[dict[str, Any]]:
    if year is None:
        return book.query("select date, name from holidays order by date")
    return book.query(
        "select date, name from holidays where date like ? order by date", [f"{year:04d}-%"]
    )


def year_status(book: Book, year: int, *, today: date | None = None) -> list[dict[str, Any]]:
    day = _today(today).isoformat()
    out = []
    for q in range(1, 5):
        if make_period("quarter", year, q).start > day and not _existing_period(book, year, q):
            out.append(
                {
                    "year": year,
                    "quarter": q,
                    "label": quarter_label(year, q),
                    "state": "future",
                    "state_text": "未开始",
                    "blockers": [],
                }
            )
            continue
        out.append(period_status(book, year, q, today=today))
    return out


# ---------------------------------------------------------------- snapshots and the chain


def snapshot(book: Book, year: int, quarter: int) -> dict[str, Any] | None:
    rows = book.query("select * from snapshots where year = ? and quarter = ?", [year, quarter])
    return rows[0] if rows else None


def chain_head(book: Book) -> str | None:
    row = book.execute("select hash from snapshots order by id desc limit 1").fetchone()
    return row[0] if row else None


def chain_links(conn: sqlite3.Connection) -> list[Link]:
    if not conn.execute(
        "select 1 from sqlite_master where type = 'table' and name = 'snapshots'"
    ).fetchone():
        return []
    return [
        Link(quarter_label(y, q), payload, prev, h)
        for y, q, payload, prev, h in conn.execute(
            "select year, quarter, payload, prev_hash, hash from snapshots order by id"
        )
    ]


def check_chain(conn: sqlite3.Connection) -> ChainProblem | None:
    """The first broken link of the book's confirmed quarters, or None."""
    return verify_chain(chain_links(conn))


# ---------------------------------------------------------------- the demo branch's quarters


def demo_quarters(book: Book, year: int, until: date, *, today: date | None = None) -> None:
    """Take the demo branch through its quarters as a real branch would: claims decided,
    each finished quarter published a few days after it ends, an objection answered, then
    confirmed; the quarter of `until` is left in publicity with one open objection."""
    from datetime import timedelta

    day = _today(today)
    last = quarter_of(until.isoformat())[1] if until.year == year else 4
    leader = "东片党小组组长"
    for q in range(1, last + 1):
        period = make_period("quarter", year, q)
        # Claims still pending in a quarter that is to be confirmed are decided first.
        if q < last:
            for c in list_claims(book, year, q, status=PENDING):
                if c["status"] == "申报":
                    review_claim(book, c["id"], leader, "情况属实")
                approve_claim(book, c["id"], "支部委员会")
        start = min(date.fromisoformat(period.end) + timedelta(days=3), day)
        if start.isoformat() < period.start:
            return
        publish(book, year, q, start=start, today=day)
        leave = book.query(
            """select m.code, m.name, a.date, a.type from attendance t
               join activities a on a.id = t.activity_id join members m on m.id = t.member_id
               where t.status = '因私请假' and a.date between ? and ? order by a.date limit 1""",
            [period.start, period.end],
        )
        if q == 2 and leave:
            who = leave[0]
            oid = raise_objection(
                book,
                year,
                q,
                raised_by=who["name"],
                member=who["code"],
                content=f"{who['date']}的{who['type']}我是因公外出，签到表记成了因私请假。",
                raised_on=start + timedelta(days=1),
                today=day,
            )
            answer_objection(
                book,
                oid,
                finding="经核对签到表和请假条，当天请假事由为家中有事，属因私请假，维持原记录。",
                changed=False,
                told_on=start + timedelta(days=2),
                today=day,
            )
        if q == last:
            waiting = list_claims(book, year, q, status=PENDING)
            if waiting:
                c = waiting[0]
                raise_objection(
                    book,
                    year,
                    q,
                    raised_by=c["name"],
                    member=c["code"],
                    content=f"我{c['date']}申报的“{c['reason']}”还没有审定，希望计入积分。",
                    raised_on=min(start + timedelta(days=1), day),
                    today=day,
                )
            return
        status = period_status(book, year, q, today=day)
        if status["blockers"]:
            return  # publicity still running (the demo made early in a quarter)
        confirm(book, year, q, today=day)
