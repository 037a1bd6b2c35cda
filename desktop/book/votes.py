"""党员大会表决: the general meeting's vote on an [[approvals]] step that has `vote`.

党员e家 第十八条: 「党支部委员会应根据党员年度积分排名情况，研究提出党员评星的意见，提请党员大会
表决通过，并进行公示」. The committee's proposal is every result (and every 审定 claim) still
waiting for that step; the meeting votes on it once. `record_vote` stores the counts (table
`votes`, never changed) and, in the same transaction, records the step's decision for each of
them through desktop/book/approvals.py: approved when the vote passed by the scheme's rule
(rules/votes.outcome), refused with the vote's reason when it did not. A later vote (after the
committee's proposal changed) supersedes as any later decision does.

`votes_of(book, year)` lists the year's votes with their outcome in words (the 年度评定 →
上级审批 tab, `approval list`, the printed annual table). No Qt here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from desktop.book.errors import InputRefused
from desktop.book.store import Book, now_iso
from desktop.rules.votes import VoteCount, count_problems, outcome

VOTE_REF = "党员大会表决"  # approvals.ref of the decisions a vote records starts with this


@dataclass(frozen=True, slots=True)
class VoteRecord:
    id: int
    year: int
    step: str
    date: str
    activity_id: int | None
    count: VoteCount
    rule: str
    quorum: bool
    proposal: str
    note: str
    passed: bool
    why: str  # 「应到会12人，到会10人；赞成8票…：赞成票超过到会人数10的半数，表决通过」

    def text(self) -> str:
        """One line for people: 「2026-01-10 党员大会表决（提请党员大会表决通过）：…」"""
        return f"{self.date} {VOTE_REF}（{self.step}）：{self.why}"


def vote_steps(book: Book, year: int) -> list[Any]:
    """The year's [[approvals]] steps decided by a 党员大会 vote."""
    from desktop.book.scoring import year_scheme

    return [a for a in year_scheme(book, year).approvals if a.vote]


def full_members(book: Book, on: str) -> int:
    """正式党员 on the roll on `on` (those with 表决权): in the party and the branch by then
    (入党, 转正 and 转入 not after it) and not left."""
    (n,) = book.execute(
        "select count(*) from members where status = '正式党员' "
        "and (left_date is null or left_date > ?) "
        "and coalesce(joined_date, '') <= ? and coalesce(confirmed_date, '') <= ? "
        "and coalesce(transferred_in_date, '') <= ?",
        [on, on, on, on],
    ).fetchone()
    return int(n)


def _signed_in(book: Book, activity_id: int) -> tuple[dict[str, Any], int]:
    rows = book.query("select * from activities where id = ?", [activity_id])
    if not rows:
        raise InputRefused(
            f"找不到编号为 {activity_id} 的活动。", ["请用 pioneer activity list 查看活动编号。"]
        )
    act = rows[0]
    if act["type"] != "支部党员大会":
        raise InputRefused(
            f"第 {activity_id} 号活动是“{act['type']}”，不是支部党员大会，不能在其上表决。"
        )
    (n,) = book.execute(
        "select count(*) from attendance t join members m on m.id = t.member_id "
        "where t.activity_id = ? and t.status in ('出席', '补录') and m.status = '正式党员' "
        "and coalesce(m.confirmed_date, '') <= ?",  # 转正 by then: a 预备党员 has no vote
        [activity_id, act["date"]],
    ).fetchone()
    return act, int(n)


def _pending(book: Book, year: int, step: str, today: date | None) -> tuple[list, list]:
    from desktop.book.approvals import approvals, claim_approvals

    # Waiting, or not passed by an earlier vote (the meeting may vote again on the proposal).
    results = [a for a in approvals(book, year, today=today) if a.step == step and not a.approved]
    claims = [c for c in claim_approvals(book, year) if c.step == step and c.state != "已批准"]
    return results, claims


def record_vote(
    book: Book,
    year: int,
    *,
    yes: int,
    no: int,
    abstain: int,
    present: int,
    expected: int | None = None,
    on: str | None = None,
    step: str | None = None,
    activity: int | None = None,
    note: str = "",
    today: date | None = None,
) -> VoteRecord:
    """Record the 党员大会's vote on `step` (the year's only vote step when None) and the
    decisions it makes. Refused, nothing written: a scheme without such a step, nothing
    waiting for it, a meeting that is not a 支部党员大会, a date to come, counts that cannot be
    and a meeting without its quorum, which decides nothing (rules/votes.count_problems, in
    Chinese)."""
    from desktop.book.approvals import Decision, _iso, record_claim_decision, record_decisions

    steps = vote_steps(book, year)
    if not steps:
        raise InputRefused(
            f"{year} 年的积分方案没有须党员大会表决的环节。",
            ['在方案的 [[approvals]] 中写 vote（如 vote = "present"）后才能登记表决。'],
        )
    if step is None:
        if len(steps) > 1:
            names = "、".join(a.name for a in steps)
            raise InputRefused(f"须表决的环节有几个（{names}），请指明是哪一个（--step）。")
        a = steps[0]
    else:
        found = [s for s in steps if s.name == step]
        if not found:
            names = "、".join(s.name for s in steps)
            raise InputRefused(f"没有“{step}”这一表决环节，本年度须党员大会表决的是：{names}。")
        a = found[0]
    act = None
    signed_in = None
    if activity is not None:
        act, signed_in = _signed_in(book, activity)
    day = today or date.today()
    iso = _iso(on or (act["date"] if act else None), today)
    if iso > day.isoformat():
        raise InputRefused(f"表决日期 {iso} 还没有到。")
    if act is not None and act["date"] != iso:
        raise InputRefused(f"表决日期 {iso} 与第 {activity} 号党员大会的日期 {act['date']} 不同。")
    members = full_members(book, iso)
    count = VoteCount(members if expected is None else expected, present, yes, no, abstain)
    problems = count_problems(count, members=members, signed_in=signed_in, quorum=a.quorum)
    if problems:
        raise InputRefused(f"{year} 年的党员大会表决没有登记：", problems)
    results, claims = _pending(book, year, a.name, today)
    if not results and not claims:
        raise InputRefused(
            f"{year} 年没有待“{a.name}”的评定结果或申报，不需要表决"
            "（已表决过的结果不变时不用再表决）。"
        )
    passed, why = outcome(a.vote, count, quorum=a.quorum)
    proposal = "、".join(
        [f"{r.name}{r.result}" for r in results]
        + [f"{c.name}第{c.claim_id}号申报（{c.item}{c.points}分）" for c in claims]
    )
    ref = f"{VOTE_REF}：{count.text()}"
    verb = "通过" if passed else "未通过"
    with book.action(VOTE_REF, f"{year}年 {a.name}：{verb}（{count.text()}）：{proposal}"):
        vid = int(
            book.db["votes"]
            .insert(
                {
                    "year": year,
                    "step": a.name,
                    "date": iso,
                    "activity_id": activity,
                    "expected": count.expected,
                    "present": count.present,
                    "yes": count.yes,
                    "no": count.no,
                    "abstain": count.abstain,
                    "rule": a.vote,
                    "quorum": int(a.quorum),
                    "proposal": proposal,
                    "note": note.strip(),
                    "created_by": book.actor,
                    "created_at": now_iso(),
                }
            )
            .last_pk
        )
        reason = "" if passed else why
        if results:
            record_decisions(
                book,
                year,
                [Decision(r.code, passed, a.by, iso, reason, a.name, "手工", ref) for r in results],
                today=today,
                by_vote=True,
            )
        for c in claims:
            record_claim_decision(
                book, c.claim_id, approved=passed, by=a.by, on=iso, reason=reason, ref=ref,
                today=today, by_vote=True,
            )  # fmt: skip
    return next(v for v in votes_of(book, year) if v.id == vid)


def votes_of(book: Book, year: int) -> list[VoteRecord]:
    """The year's recorded votes, oldest first, each with its outcome."""
    out = []
    for r in book.query("select * from votes where year = ? order by date, id", [year]):
        count = VoteCount(r["expected"], r["present"], r["yes"], r["no"], r["abstain"])
        passed, why = outcome(r["rule"], count, quorum=bool(r["quorum"]))
        out.append(
            VoteRecord(
                r["id"], r["year"], r["step"], r["date"], r["activity_id"], count, r["rule"],
                bool(r["quorum"]), r["proposal"], r["note"], passed, why,
            )
        )  # fmt: skip
    return out


def vote_setup(book: Book, year: int, *, today: date | None = None) -> dict[str, Any]:
    """What the window's 登记党员大会表决 needs: the steps decided by vote (name, rule,
    quorum), the 正式党员 on the roll today, and the 支部党员大会 of the year and the next
    January (where the rating is voted on) with how many 正式党员 signed in 出席."""
    day = (today or date.today()).isoformat()
    meetings = book.query(
        "select a.id, a.date, coalesce(a.topic, '') as topic, "
        "(select count(*) from attendance t join members m on m.id = t.member_id "
        " where t.activity_id = a.id and t.status in ('出席', '补录') "
        " and m.status = '正式党员' and coalesce(m.confirmed_date, '') <= a.date) as signed_in "
        "from activities a where a.type = '支部党员大会' and a.date between ? and ? "
        "and a.date <= ? order by a.date",
        [f"{year}-01-01", f"{year + 1}-01-31", day],
    )
    return {
        "steps": [(a.name, a.vote, a.quorum) for a in vote_steps(book, year)],
        "members": full_members(book, day),
        "meetings": meetings,
    }
