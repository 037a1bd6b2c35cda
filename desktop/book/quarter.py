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

import json
import sqlite3
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from desktop.book.errors import InputRefused, RecordLocked
from desktop.book.points_start import before_start_text, period_before_start
from desktop.book.scoring import gather_facts, year_scheme, year_scheme_text
from desktop.book.store import Book, now_iso
from desktop.rules.appraisals import AppraisalGap, gap_summary
from desktop.rules.appraisals import appraisal_gaps as _gaps
from desktop.rules.collation import stroke_key
from desktop.rules.facts import APPROVED
from desktop.rules.periods import make_period, period_index
from desktop.rules.quarter import (
    GENESIS,
    ChainProblem,
    Link,
    canonical_json,
    facts_digest,
    link_hash,
    publicity_end,
    publicity_rule_text,
    results_fingerprint,
    verify_chain,
)
from desktop.rules.scheme import PERIOD_WORDS, Item, Scheme, fmt_points
from desktop.rules.scoring import Line, MemberResult, ScoreResult, q2, score

STATES = {"open": "未公示", "publicity": "公示中", "confirmed": "已确认"}
# Shown instead of 公示中 once the window has ended (the state stays 'publicity').
PUBLICITY_OVER_TEXT = "公示期满，待确认"
# A notice really posted earlier may be entered this many days late, with a reason; a start
# further back would let a notice "run" on paper that nobody saw.
MAX_LATE_ENTRY_DAYS = 14
PENDING = ("申报", "初评")
ZERO = Decimal(0)
DEFAULT_OBJECTION_CONTACT = "支部书记或本党小组组长（当面、电话或书面均可）"


def quarter_label(year: int, quarter: int) -> str:
    return f"{year}年第{quarter}季度"


def calendar_today() -> date:
    """The machine's date (one place, so the window's tests can set the day)."""
    return date.today()


def _today(today: date | None) -> date:
    return today or calendar_today()


def _iso(value: str | date | None, what: str, default: date | None = None) -> str:
    if value is None or value == "":
        if default is None:
            raise InputRefused(f"请填写{what}。")
        return default.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    from desktop.rules.dates import date_problem

    text = str(value).strip()
    problem = date_problem(text, what, "2026-04-03")
    if problem:  # name the part that is wrong: the shape, the month or the day
        raise InputRefused(f"{problem}。", ["日期请写成 年-月-日，例如 2026-04-03。"])
    return text


def _check_quarter(quarter: int | None) -> int:
    if quarter not in (1, 2, 3, 4):
        raise InputRefused(f"季度应为 1 到 4，不是 {quarter}。", ["请用 --quarter 1 到 4。"])
    return quarter  # type: ignore[return-value]


def publishable_from(year: int, quarter: int) -> str:
    """The first day a quarter may be published: the day after its last day."""
    end = date.fromisoformat(make_period("quarter", year, quarter).end)
    return (end + timedelta(days=1)).isoformat()


def quarter_ended(year: int, quarter: int, today: date | None = None) -> bool:
    return _today(today).isoformat() >= publishable_from(year, quarter)


def _check_ended(year: int, quarter: int, day: date, verb: str) -> None:
    """Refuse publicity or confirmation of a quarter that is still running: confirming it
    would lock the rest of the quarter's facts before they happen."""
    if quarter_ended(year, quarter, day):
        return
    q = make_period("quarter", year, quarter)
    raise InputRefused(
        f"{quarter_label(year, quarter)}还没有结束（到 {q.end} 为止），现在不能{verb}。",
        [
            f"季度结束后才能公示和确认：{publishable_from(year, quarter)} 起可以开始公示。",
            "季度里的签到、党费、申报等记录请照常登记。",
        ],
    )


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


def default_step_name(book: Book, step: str) -> str:
    """Who usually does a claim's step ("reviewed" 初评 / "approved" 审定): the name recorded
    last time, else the book's 经办人 ('' when neither is known)."""
    column = {"reviewed": "reviewed_by", "approved": "approved_by"}[step]
    row = book.execute(
        f"select {column} from claims where coalesce({column}, '') != '' "
        f"order by {step}_at desc, id desc limit 1"
    ).fetchone()
    return row[0] if row else book.operator


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
    # A confirmed quarter shows its stored snapshot: {"hash", "chain_head", "confirmed_at"}.
    confirmed: dict[str, Any] | None = None
    # Members whose live recomputation (the drill-down) disagrees with the snapshot.
    live_differs: list[dict[str, Any]] = field(default_factory=list)
    # Sections the scheme scores once a year (年终评议): a quarter shows none of their points.
    yearly_sections: list[str] = field(default_factory=list)

    def live_note(self, code: str) -> str:
        """Said above a confirmed quarter's drill-down when it disagrees with the snapshot."""
        if self.confirmed is None:
            return ""
        for d in self.live_differs:
            if d["code"] == code:
                now = f"合计 {d['now']} 分" if d["now"] else "现在不计分"
                then = f"{d['published']} 分" if d["published"] else "不计分"
                return (
                    f"注意：以下明细按现在的名册和记录重新计算，{now}，与已确认的结果（{then}）"
                    "不同；以已确认的结果为准（确认后发现错误请登记更正）。"
                )
        return ""

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


def review(
    book: Book, year: int, quarter: int, *, today: date | None = None, live: bool = False
) -> Review:
    """Members × sections for the quarter, year to date, rank, change, and what to look at.

    A confirmed quarter's rows are its stored snapshot (what was confirmed, whatever changed
    in the roster since); `live=True` recomputes anyway. Explanation lines are always live.
    """
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
    rv = Review(
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
        yearly_sections=yearly_only_sections(scheme),
    )
    if not live:
        _from_snapshot(book, rv)
    return rv


def _from_snapshot(book: Book, rv: Review) -> None:
    """Replace a confirmed quarter's live rows by its snapshot, noting who differs live."""
    snap = snapshot(book, rv.year, rv.quarter)
    if snap is None:
        return
    stored = json.loads(snap["payload"])
    live_rows = {r.code: r for r in rv.rows}
    prev = snapshot(book, rv.year, rv.quarter - 1) if rv.quarter > 1 else None
    prev_totals = (
        {m["code"]: Decimal(m["total"]) for m in json.loads(prev["payload"])["members"]}
        if prev
        else {}
    )
    rows = []
    for m in stored["members"]:
        now = live_rows.get(m["code"])
        total = Decimal(m["total"])
        before = prev_totals.get(m["code"])
        rows.append(
            ReviewRow(
                code=m["code"],
                name=m["name"],
                group=m["group"],
                status=now.status if now else "",
                sections={k: Decimal(v) for k, v in m["sections"].items()},
                total=total,
                ytd_total=Decimal(m["ytd_total"]),
                rank=m["rank"],
                change=None if before is None else total - before,
                rated=m["rated"],
                flags=list(m["flags"]),
                veto=any("一票否决" in f for f in m["flags"]),
                # Facts of a confirmed quarter are locked: these counts are as confirmed.
                unexcused=now.unexcused if now else 0,
                pending_claims=0,
            )
        )
    live_payload = results_payload(rv, stored["branch"])
    rv.live_differs = member_changes(stored, live_payload)
    rv.rows = rows
    rv.not_scored = stored["not_scored"]
    rv.sections = stored["sections"]
    rv.scheme_id = stored["scheme"]
    rv.as_of = stored["as_of"]
    period = _existing_period(book, rv.year, rv.quarter)
    rv.confirmed = {
        "hash": snap["hash"],
        "chain_head": chain_head(book),
        "confirmed_at": (period or {}).get("confirmed_at") or snap["created_at"],
    }


def yearly_only_sections(scheme: Scheme) -> list[str]:
    """Sections whose points come only from the year's 民主评议 (年终评议): a quarter has none
    of them, so its sheets show "—" rather than a 0.00 that reads as points lost. A yearly
    section fed by claims (突出事迹) does have a quarter's points and keeps them."""
    return [
        s.name
        for s in scheme.sections
        if s.period == "year" and s.items and all(i.source == "appraisal" for i in s.items)
    ]


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
    rows = book.query(
        """select o.*, m.code, m.name from objections o left join members m on m.id = o.member_id
           where o.period_id = ? order by o.id""",
        [period_id],
    )
    notices = _notices(book, period_id)
    for o in rows:
        o["after_publicity"] = after_publicity(o, notices)
        o["date_text"] = o["raised_on"] + ("，公示期满后提出" if o["after_publicity"] else "")
    return rows


def _stamp(text: str | None) -> str:
    return (text or "").replace(" ", "T")  # imported times may have a space


def after_publicity(o: dict[str, Any], notices: list[dict[str, Any]]) -> bool:
    """Was the objection raised after the publicity window in force when it was recorded?
    (Notices it caused, or issued after it was recorded, do not count: a late objection
    stays late though its answer re-issued the notice.)"""
    before = [
        n
        for n in notices
        if _stamp(n["issued_at"]) <= _stamp(o["created_at"]) and n["objection_id"] != o["id"]
    ] or notices[:1]
    return bool(before) and o["raised_on"] > before[-1]["end"]


def current_payload(
    book: Book, year: int, quarter: int, today: date | None = None
) -> dict[str, Any]:
    rv = review(book, year, quarter, today=today, live=True)
    return results_payload(rv, book.branch()["name"])


def current_fingerprint(book: Book, year: int, quarter: int, today: date | None = None) -> str:
    return results_fingerprint(current_payload(book, year, quarter, today))


def member_changes(published: dict[str, Any], now: dict[str, Any]) -> list[dict[str, Any]]:
    """Members whose published results differ from the results now: who, and what moved."""
    before = {m["code"]: m for m in json.loads(canonical_json(published))["members"]}
    after = {m["code"]: m for m in json.loads(canonical_json(now))["members"]}
    out = []
    for code in sorted(before.keys() | after.keys()):
        b, a = before.get(code), after.get(code)
        if (
            b
            and a
            and (b["total"], b["sections"], b["flags"]) == (a["total"], a["sections"], a["flags"])
        ):
            continue  # only the rank or the year's running total moved, as a consequence
        name = (a or b)["name"]  # type: ignore[index]
        if b is None:
            text = f"{name}：新增（现为 {a['total']} 分）"  # type: ignore[index]
        elif a is None:
            text = f"{name}：已不在计分名单中（公示时 {b['total']} 分）"
        elif a["total"] != b["total"]:
            text = f"{name}：公示 {b['total']} 分，现为 {a['total']} 分"
        else:
            moved = [k for k in a["sections"] if a["sections"][k] != b["sections"].get(k)]
            text = f"{name}：{'、'.join(moved) or '提示'}有变化"
        out.append(
            {
                "code": code,
                "name": name,
                "published": b["total"] if b else None,
                "now": a["total"] if a else None,
                "text": text,
            }
        )
    out.sort(key=lambda c: (stroke_key(c["name"]), c["code"]))  # names shown: 姓氏笔画
    return out


class LateStartRefused(InputRefused):
    """A publicity start before today without a reason, or too far back (the CLI adds how to
    give the reason there)."""


def earliest_publicity_start(year: int, quarter: int, today: date | None = None) -> str:
    """The earliest start a notice entered today may have: today − 14 days (a notice really
    posted then, entered late), never inside the quarter."""
    back = (_today(today) - timedelta(days=MAX_LATE_ENTRY_DAYS)).isoformat()
    return max(back, publishable_from(year, quarter))


def _check_late_start(
    year: int, quarter: int, pub_start: str, day: date, late_reason: str, rule: str
) -> str:
    """Publicity runs from the day the notice is posted, so its start may not be before
    today — except a notice really posted up to 14 days ago and entered late, with the reason.
    Returns the reason to store ('' when the start is not in the past)."""
    today = day.isoformat()
    if pub_start >= today:
        return ""
    earliest = earliest_publicity_start(year, quarter, day)
    example = f"公示表已于{int(pub_start[5:7])}月{int(pub_start[8:])}日张贴，今日补登"
    if pub_start < earliest:
        raise LateStartRefused(
            f"公示开始日期 {pub_start} 早于今天（{today}）{MAX_LATE_ENTRY_DAYS} 天以上，不能这样登记。",
            [
                f"公示须从张贴之日起满{rule}：请从今天起张贴公示表，公示开始日期填 {today}。",
                f"公示表确实已经张贴、只是今天才补登的，开始日期最早可填 {earliest}，并写明补登原因。",
            ],
        )
    if not late_reason.strip():
        raise LateStartRefused(
            f"公示开始日期 {pub_start} 早于今天（{today}），请写明补登原因。",
            [
                f"只有公示表确实已于 {pub_start} 张贴、今天才补登时才能这样填，"
                f"原因例如“{example}”；最早可补登到 {earliest}。",
                f"公示表还没有张贴的，请把公示开始日期改为今天（{today}）或以后。",
            ],
        )
    return late_reason.strip()


def publicity_window(book: Book, year: int, start: str | date) -> tuple[str, str]:
    """(start, end) of a publicity starting on `start` under the year's scheme."""
    scheme = year_scheme(book, year)
    pub_start = _iso(start, "公示开始日期")
    return pub_start, publicity_end(
        pub_start,
        scheme.publicity_days,
        working_days=scheme.publicity_working_days,
        holidays=holidays(book),
    )


def publish(
    book: Book,
    year: int,
    quarter: int,
    *,
    start: str | date | None = None,
    reason: str = "",
    late_reason: str = "",
    objection_id: int | None = None,
    today: date | None = None,
) -> dict[str, Any]:
    """Start the quarter's publicity (公示), or re-issue its notice after a correction.

    The period runs for the scheme's days (working days skip weekends and the book's
    holidays) from `start`, by default today. A start before today needs `late_reason` (the
    notice was really posted then and is entered late) and may be at most 14 days back. A
    re-issue starts a new full period (by default today: the corrected notice is posted
    now), so confirmation waits for it, and says why.
    """
    _check_quarter(quarter)
    day = _today(today)
    existing = _existing_period(book, year, quarter)
    if existing and existing["status"] == "confirmed":
        raise RecordLocked(f"{quarter_label(year, quarter)}已确认，不能再公示。")
    _refuse_before_start(book, year, quarter)
    q = make_period("quarter", year, quarter)
    _check_ended(year, quarter, day, "公示")
    scheme = year_scheme(book, year)
    payload = current_payload(book, year, quarter, today)
    fingerprint = results_fingerprint(payload)
    reissue = bool(existing and existing["status"] == "publicity")
    last = _notices(book, existing["id"])[-1] if reissue else None  # type: ignore[index]
    if last is not None and last["results_hash"] == fingerprint and start is None:
        raise InputRefused(
            f"{quarter_label(year, quarter)}正在公示，公示后结果没有变化，无需重新发布。"
        )
    pub_start = _iso(start, "公示开始日期", day)
    if pub_start <= q.end:
        # Publicity inside the quarter would publish (and later lock) a part of it.
        raise InputRefused(
            f"公示开始日期 {pub_start} 不在{quarter_label(year, quarter)}结束之后"
            f"（本季度到 {q.end} 为止）。",
            [f"公示开始日期请填 {publishable_from(year, quarter)} 或以后的日期。"],
        )
    if last is not None and pub_start < last["start"]:
        raise InputRefused(
            f"重新公示的开始日期 {pub_start} 早于上一次公示的开始日期 {last['start']}。",
            ["更正后的公示表从重新张贴之日起重新计算公示期，开始日期通常就是今天。"],
        )
    rule = publicity_rule_text(scheme.publicity_days, scheme.publicity_working_days)
    late = _check_late_start(year, quarter, pub_start, day, late_reason, rule)
    pub_start, pub_end = publicity_window(book, year, pub_start)
    if reissue:
        reason = reason.strip() or "积分结果更正后重新公示"
    label = quarter_label(year, quarter)
    with book.action(
        "重新发布公示" if reissue else "开始公示",
        f"{label}：{pub_start} 至 {pub_end}" + (f"（补登：{late}）" if late else ""),
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
                "payload": canonical_json(payload),
                "reason": reason.strip(),
                "late_reason": late,
                "objection_id": objection_id,
            }
        )
    status = period_status(book, year, quarter, today=today)
    if status.get("appraisals_missing"):
        # Not a refusal: the notice may go up, but its 年终评议 points are not all there yet.
        status["publish_warning"] = (
            f"{status['appraisals_missing']}，公示表上这些党员的民主评议得分为 0。"
            f"请在确认第4季度前到“年度评定”页面录入（命令行：pioneer appraisal add --year "
            f"{year}）；录入后积分有变化，需重新公示。"
        )
    return status


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
    day = _today(today).isoformat()
    iso = _iso(raised_on, "提出日期", _today(today))
    if iso > day:
        raise InputRefused(f"提出日期 {iso} 还没有到。", ["请填写异议实际提出的日期。"])
    notices = _notices(book, period["id"])
    first = min([n["start"] for n in notices] or [period["publicity_start"]])
    if first and iso < first:
        # Nothing was published yet that day: there was nothing to object to.
        raise InputRefused(
            f"提出日期 {iso} 早于{label}的公示开始日期 {first}，不能登记为对公示结果的异议。",
            [
                "请核对提出日期（应为公示开始之后）。",
                "公示之前收到的意见，请在审核申报或核对记录时处理。",
            ],
        )
    # Accepted after the period ended too (people complain late); the record says so.
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


def appraisal_gaps(book: Book, year: int) -> list[AppraisalGap]:
    """The 民主评议 rounds the year's scheme scores that still lack a member's result
    (withdrawn results count as missing)."""
    facts = gather_facts(book, year)
    return _gaps(year_scheme(book, year), facts.members, facts.appraisals, year)


def appraisal_gap_text(book: Book, year: int) -> str:
    """The Q4 blocker's summary (who lacks a 民主评议 result), or "" when none is missing."""
    scheme = year_scheme(book, year)
    if not any(i.source == "appraisal" for s in scheme.sections for i in s.items):
        return ""  # cheap: most of the year's facts are not needed to know that
    return gap_summary(appraisal_gaps(book, year), year)


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
        "changed_members": [],
        "warning": "",
        "ended": quarter_ended(year, quarter, today),
        "publishable_from": publishable_from(year, quarter),
        "blockers": [],
    }
    out["not_scored"] = state == "open" and period_before_start(book, q.end)
    if out["not_scored"]:
        # Before the book kept points: nothing to publish or confirm (issue 14).
        out["state_text"] = "不记分"
        out["next_step"] = before_start_text(book, out["label"])
        out["open_objections"] = []
        out["publicity_over"] = False
        out["appraisals_missing"] = ""
        return out
    out["open_objections"] = [o for o in out["objections"] if o["status"] == "open"]
    # The window has run out but nobody confirmed: say so, not 公示中 for months.
    out["publicity_over"] = state == "publicity" and day > (out["publicity_end"] or "9999")
    out["next_step"] = ""
    if out["publicity_over"]:
        out["state_text"] = PUBLICITY_OVER_TEXT
    if state == "confirmed":
        snap = book.query("select hash from snapshots where period_id = ?", [p["id"]])  # type: ignore[index]
        out["hash"] = snap[0]["hash"] if snap else None
        return out
    blockers: list[str] = []
    if not out["ended"]:
        blockers.append(
            f"本季度还没有结束（到 {q.end} 为止）：{out['publishable_from']} 起才能公示，"
            "公示期满后才能确认。"
        )
    elif state == "open":
        blockers.append("尚未公示：请先开始公示。")
    if state == "publicity":
        if day <= out["publicity_end"]:
            blockers.append(
                f"公示期为 {out['publicity_start']} 至 {out['publicity_end']}，"
                f"公示期满（{out['publicity_end']} 之后）才能确认。"
            )
        for o in out["open_objections"]:
            blockers.append(f"第 {o['id']} 号异议（{o['raised_by']}）尚未答复。")
        if day >= q.start and out["notices"]:
            now = current_payload(book, year, quarter, today)
            last = out["notices"][-1]
            if last["results_hash"] != results_fingerprint(now):
                out["results_changed"] = True
                if last.get("payload"):
                    out["changed_members"] = member_changes(json.loads(last["payload"]), now)
                changed = out["changed_members"]
                names = "、".join(c["name"] for c in changed)
                who = f"（{names}）" if names else ""
                whose = f"{len(changed)} 名党员的" if changed else ""
                out["warning"] = (
                    f"公示后有记录改动，{whose}积分结果与公示表不同{who}："
                    "公示表已过时，请重新发布公示（说明更正的内容），打印新的公示表张贴。"
                )
                blockers.append(f"公示后积分结果有变化{who}：请重新发布公示，说明更正的内容。")
    for earlier in range(1, quarter):
        e = _existing_period(book, year, earlier)
        if period_before_start(book, make_period("quarter", year, earlier).end):
            continue  # before the book kept points: never confirmed, never needed
        if not e or e["status"] != "confirmed":
            blockers.append(f"{quarter_label(year, earlier)}还没有确认：请按季度顺序确认。")
    pending = book.execute(
        "select count(*) from claims where status in ('申报', '初评') and date between ? and ?",
        [q.start, q.end],
    ).fetchone()[0]
    if pending:
        blockers.append(f"本季度还有 {pending} 条积分申报没有审定或驳回。")
    out["appraisals_missing"] = ""
    if quarter == 4 and out["ended"]:
        # Confirming Q4 locks the year's 民主评议: a missing result would stay 0 for good.
        missing = appraisal_gap_text(book, year)
        if missing:
            out["appraisals_missing"] = missing
            blockers.append(
                f"{missing}。确认第4季度会锁定本年度的民主评议，缺的结果只能按 0 分计："
                "请先在“年度评定”页面录入（命令行：pioneer appraisal add）。"
            )
    out["blockers"] = blockers
    if out["publicity_over"]:
        end = out["publicity_end"]
        out["next_step"] = (
            f"公示期已于 {end} 期满：处理完下列事项后，由支委会确认本季度。"
            if blockers
            else f"公示期已于 {end} 期满，没有未答复的异议：请支委会核对后确认本季度"
            "（确认后不可撤销）。"
        )
    return out


def confirm(book: Book, year: int, quarter: int, *, today: date | None = None) -> dict[str, Any]:
    """Confirm the quarter: snapshot its results (hash-chained), lock its facts, freeze the
    year's scheme. Cannot be undone. Refused (InputRefused) while anything blocks it."""
    _refuse_before_start(book, year, quarter)
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
    scheme_id, text = year_scheme_text(book, year)
    # The facts as they will be locked (the scheme as it will be frozen): verify recomputes
    # this, so facts edited behind the program's back name their quarter.
    facts = facts_digest(facts_canonical(book.conn, year, quarter, scheme=(scheme_id, text)))
    digest = link_hash(prev, payload, facts)
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
                "facts_digest": facts,
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


def _refuse_before_start(book: Book, year: int, quarter: int) -> None:
    if period_before_start(book, make_period("quarter", year, quarter).end):
        raise InputRefused(before_start_text(book, quarter_label(year, quarter)))


def settled_quarters(book: Book, year: int) -> list[int]:
    """The year's quarters that need nothing more: confirmed, or before the book kept points."""
    done = set(confirmed_quarters(book, year))
    return [
        q
        for q in range(1, 5)
        if q in done or period_before_start(book, make_period("quarter", year, q).end)
    ]


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


def confirmed_score_json(book: Book, year: int, quarter: int) -> dict[str, Any] | None:
    """`pioneer score --quarter Q --json` for a confirmed quarter: its stored snapshot (the
    same keys as a live score, plus what identifies the snapshot); None if not confirmed."""
    snap = snapshot(book, year, quarter)
    if snap is None:
        return None
    stored = json.loads(snap["payload"])
    zero = {s: "0.00" for s in stored["sections"]}
    members = [
        {
            "code": m["code"],
            "name": m["name"],
            "total": m["total"],
            "sections": m["sections"],
            "scored": True,
            "rated": m["rated"],
            "reasons": [],
            "flags": m["flags"],
        }
        for m in stored["members"]
    ] + [
        {
            "code": m["code"],
            "name": m["name"],
            "total": "0.00",
            "sections": dict(zero),
            "scored": False,
            "rated": False,
            "reasons": m["reasons"],
            "flags": [],
        }
        for m in stored["not_scored"]
    ]
    members.sort(key=lambda m: m["code"])
    period = _existing_period(book, year, quarter) or {}
    return {
        "year": year,
        "quarter": quarter,
        "scheme": stored["scheme"],
        "members": members,
        "confirmed": True,
        "state_text": "已确认",
        "confirmed_at": period.get("confirmed_at") or snap["created_at"],
        "as_of": stored["as_of"],
        "hash": snap["hash"],
        "chain_head": chain_head(book),
    }


def chain_head(book: Book) -> str | None:
    row = book.execute("select hash from snapshots order by id desc limit 1").fetchone()
    return row[0] if row else None


def _has_digests(conn: sqlite3.Connection) -> bool:
    return any(r[1] == "facts_digest" for r in conn.execute("pragma table_info(snapshots)"))


def chain_links(conn: sqlite3.Connection) -> list[Link]:
    if not conn.execute(
        "select 1 from sqlite_master where type = 'table' and name = 'snapshots'"
    ).fetchone():
        return []
    digest = "facts_digest" if _has_digests(conn) else "null"  # a backup from before m005
    return [
        Link(quarter_label(y, q), payload, prev, h, facts)
        for y, q, payload, prev, h, facts in conn.execute(
            f"select year, quarter, payload, prev_hash, hash, {digest} from snapshots order by id"
        )
    ]


# The locked facts of a quarter, digested at confirmation. Columns are listed (not `*`) so a
# column added by a later migration does not make every old quarter look altered; the date
# expressions are the lock triggers' (desktop/book/schema.py).
FACT_TABLES: dict[str, tuple[str, tuple[str, ...]]] = {
    "activities": ("t.date", ("id", "code", "date", "type", "topic", "place", "host")),
    "attendance": (
        "(select date from activities a where a.id = t.activity_id)",
        ("id", "activity_id", "member_id", "status", "witnesses", "note", "host_org"),
    ),
    "dues_payments": (
        "coalesce(t.paid_date, t.month || '-01')",
        ("id", "member_id", "month", "due_fen", "paid_fen", "paid_date", "receiver", "receipt_no"),
    ),
    "claims": ("t.date", ("id", "member_id", "date", "item", "points", "reason", "status")),
    "vetoes": ("t.date", ("id", "member_id", "date", "reason", "decided_by")),
    "corrections": ("t.date", ("id", "member_id", "date", "item", "points", "reason")),
}


def _columns(conn: sqlite3.Connection, table: str) -> set[str]:
    return {r[1] for r in conn.execute(f"pragma table_info({table})")}


def _canonical_points(value: Any) -> str:
    """Points as one text however they were typed ("2.50", "2.5", 2.5 → "2.5")."""
    try:
        return fmt_points(Decimal(str(value)))
    except (InvalidOperation, ValueError):
        return str(value)


def facts_canonical(
    conn: sqlite3.Connection,
    year: int,
    quarter: int,
    *,
    scheme: tuple[str, str] | None = None,
) -> str:
    """The quarter's locked facts as one canonical text: every fact row dated in the quarter
    (the columns that score), the year's appraisals with the fourth quarter (they lock then),
    and the year's scheme. `scheme` = (id, text) when it is not yet stored frozen."""
    q = make_period("quarter", year, quarter)
    tables = {r[0] for r in conn.execute("select name from sqlite_master where type = 'table'")}
    facts: dict[str, Any] = {"year": year, "quarter": quarter}
    for table, (date_sql, columns) in FACT_TABLES.items():
        if table not in tables:
            continue
        cols = list(columns)
        if table == "vetoes" and "kind" in _columns(conn, table):
            cols.append("kind")  # added by m006; only a set kind enters the digest (below)
        rows = []
        where = f"{date_sql} between ? and ?"
        if table == "attendance":  # the same rows, found through the activities' date index
            where = "t.activity_id in (select id from activities where date between ? and ?)"
        for row in conn.execute(
            f"select {', '.join('t.' + c for c in cols)} from {table} t "
            f"where {where} order by t.id",
            [q.start, q.end],
        ):
            values = dict(zip(cols, row, strict=True))
            if "points" in values and values["points"] is not None:
                values["points"] = _canonical_points(values["points"])
            if values.get("kind", "") is None:
                del values["kind"]  # rows from before m006 digest exactly as they did
            rows.append(list(values.values()))
        facts[table] = rows
    if "withdrawals" in tables:
        withdrawn = [
            list(row)
            for row in conn.execute(
                "select id, target, target_id, date, reason, decided_by from withdrawals "
                "where date between ? and ? order by id",
                [q.start, q.end],
            )
        ]
        if withdrawn:  # absent when empty, so quarters confirmed before m006 still verify
            facts["withdrawals"] = withdrawn
    if quarter == 4 and "appraisals" in tables:
        facts["appraisals"] = [
            list(row)
            for row in conn.execute(
                "select id, year, round, kind, member_id, grade from appraisals "
                "where year = ? order by id",
                [year],
            )
        ]
    if scheme is None:
        row = conn.execute("select scheme_id, text from schemes where year = ?", [year]).fetchone()
        scheme = (row[0], row[1]) if row else ("", "")
    facts["scheme"] = list(scheme)
    return canonical_json(facts)


def check_facts(conn: sqlite3.Connection) -> ChainProblem | None:
    """The first confirmed quarter whose locked facts no longer give their stored digest."""
    if not conn.execute(
        "select 1 from sqlite_master where type = 'table' and name = 'snapshots'"
    ).fetchone() or not _has_digests(conn):
        return None
    rows = conn.execute(
        "select year, quarter, facts_digest from snapshots where facts_digest is not null "
        "order by id"
    ).fetchall()
    for i, (year, quarter, stored) in enumerate(rows):
        if facts_digest(facts_canonical(conn, year, quarter)) != stored:
            return ChainProblem(
                i,
                quarter_label(year, quarter),
                "确认后本季度的签到、党费、积分申报等记录被改动过（与确认时的校验值不符）",
            )
    return None


def check_chain(conn: sqlite3.Connection) -> ChainProblem | None:
    """The first broken link of the book's confirmed quarters, then the first quarter whose
    locked facts were altered; None when both hold."""
    return verify_chain(chain_links(conn)) or check_facts(conn)


# ---------------------------------------------------------------- the demo branch's quarters


def last_ended_quarter(year: int, today: date | None = None) -> int:
    """The year's last quarter that has ended by `today` (0 when none has)."""
    day = _today(today)
    if day.year != year:
        return 4 if day.year > year else 0
    return (day.month - 1) // 3


def demo_quarters(book: Book, year: int, *, today: date | None = None) -> None:
    """Take the demo branch through its quarters as a real branch would: claims decided,
    each ended quarter published a few days after it ends, an objection answered, then
    confirmed; the last ended quarter is left in publicity (with one open objection when a
    claim still waits). A quarter that is still running is never published."""
    day = _today(today)
    last = last_ended_quarter(year, day)
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
        # Entered the day the notice is posted, as the publicity rule wants.
        publish(book, year, q, start=start, today=start)
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
                raised_on=min(start + timedelta(days=1), day),
                today=day,
            )
            answer_objection(
                book,
                oid,
                finding="经核对签到表和请假条，当天请假事由为家中有事，属因私请假，维持原记录。",
                changed=False,
                told_on=min(start + timedelta(days=2), day),
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
