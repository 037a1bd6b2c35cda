"""The review of a period (季度评议): members × sections, the year to date, rank, change from
the period before and what to look at; a confirmed period shows its stored snapshot. Also the
results' form that is fingerprinted, published and snapshotted."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from desktop.book.chain import chain_head, snapshot
from desktop.book.claims import PENDING
from desktop.book.errors import InputRefused
from desktop.book.periods import _check_quarter, _existing_period, _today, period_label
from desktop.book.publicity import member_changes
from desktop.book.scoring import gather_facts, year_scheme
from desktop.book.store import Book
from desktop.rules.periods import make_period
from desktop.rules.scheme import Scheme
from desktop.rules.scoring import Line, MemberResult, ScoreResult, q2, score


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
    change: Decimal | None  # from the period before; None for the first or not scored then
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
    # The review cycle ([publicity] cycle); `quarter` is the period's number in it.
    kind: str = "quarter"
    # A confirmed quarter shows its stored snapshot: {"hash", "chain_head", "confirmed_at"}.
    confirmed: dict[str, Any] | None = None
    # Members whose live recomputation (the drill-down) disagrees with the snapshot.
    live_differs: list[dict[str, Any]] = field(default_factory=list)
    # Sections the scheme scores once a year (年终评议): a quarter shows none of their points.
    yearly_sections: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        """「2026年第1季度」「2026年3月」「2026年上半年」."""
        return period_label(self.year, self.quarter, self.kind)

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


def window(kind: str, number: int) -> dict[str, int]:
    """The scoring engine's window argument for a period of the cycle."""
    return {kind: number}


def _as_of(year: int, quarter: int, today: date | None, kind: str = "quarter") -> str:
    """Results of a period count facts up to its last day (or today, while it runs), so a
    finished period's numbers do not drift with the calendar."""
    end = make_period(kind, year, quarter).end
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
    scheme = year_scheme(book, year)
    kind = scheme.review_cycle
    _check_quarter(quarter, kind)
    facts = gather_facts(book, year)
    as_of = _as_of(year, quarter, today, kind)
    q = make_period(kind, year, quarter)
    if as_of < q.start:
        raise InputRefused(f"{q.label}还没有开始（{q.start} 起）。")
    result = score(scheme, facts, year, **window(kind, quarter), as_of=as_of, explain=True)
    ytd = score(scheme, facts, year, None, as_of=as_of, explain=False)
    prev = (
        score(scheme, facts, year, **window(kind, quarter - 1), explain=False)
        if quarter > 1
        else None
    )
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
        kind=kind,
        yearly_sections=yearly_only_sections(scheme),
    )
    if not live:
        _from_snapshot(book, rv)
    return rv


def _from_snapshot(book: Book, rv: Review) -> None:
    """Replace a confirmed quarter's live rows by its snapshot, noting who differs live."""
    snap = snapshot(book, rv.year, rv.quarter, rv.kind)
    if snap is None:
        return
    stored = json.loads(snap["payload"])
    live_rows = {r.code: r for r in rv.rows}
    prev = snapshot(book, rv.year, rv.quarter - 1, rv.kind) if rv.quarter > 1 else None
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
    period = _existing_period(book, rv.year, rv.quarter, rv.kind)
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


def period_keys(kind: str, number: int) -> dict[str, Any]:
    """What names a period in results and snapshots: {"quarter": 2} as always for quarters
    (so quarters published before cycles existed fingerprint as they did); {"cycle": "month",
    "month": 3} or {"cycle": "half", "half": 1} otherwise."""
    if kind == "quarter":
        return {"quarter": number}
    return {"cycle": kind, kind: number}


def results_payload(rv: Review, branch: str) -> dict[str, Any]:
    """The quarter's results in the form that is fingerprinted, published and snapshotted."""
    return {
        "branch": branch,
        "year": rv.year,
        **period_keys(rv.kind, rv.quarter),
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
