"""Approvals above the branch: results the year's scheme says a higher body must approve.

The scheme's [[approvals]] name which stars / grades need which approval (党员e家 第十八条:
「拟评定为四星级党员的须报上级党组织审批，拟评定为五星级党员的须报上级党（工）委审批」).
Until a decision is recorded the result reads 待审批; certificates and every honour wait for
it. Decisions are facts, recorded by hand (`pioneer approval record`, the 年度评定 screen) or
from the township's 审核回执 (source 「乡镇回执」); a recorded decision never changes — a
later decision for the same member and step supersedes it. A decision approves one result
(e.g. 四星级): if the member's result changes afterwards, it waits for approval again.

The API other parts use:

- `approvals(book, year)` → every result of the year that needs approval, with its state
  (`ApprovalItem`: code, name, result, step, body, state 待审批/已批准/未批准, decision).
- `awaiting(book, year)` → only those still 待审批 (what a township receipt may decide).
- `member_approvals(book, year, member)`, `is_approved(book, year, member)` — the latter True
  when nothing needs approval or every step is approved (certificates may be printed).
- `approved_by(book, year, member)` → the bodies that approved, in the scheme's order, for
  「经…审批」 on a certificate ([] when none needed or not yet approved).
- `record_decision(book, year, member, approved=…, by=…, on=ISO, …)` and `record_decisions(book, year,
  [Decision…])` (all or nothing, one journal line) — the township receipt uses the latter with
  source=「乡镇回执」 and ref = the receipt's name.
- `states_for(scheme, rating, decisions_of(book, year))` for callers that already rated the
  year (the 年度评定 overview: YearRow.approval_state / approval_texts / approved_by).

No Qt here; the CLI and the window call these same functions.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from desktop.book.errors import InputRefused
from desktop.book.store import Book, now_iso
from desktop.rules.dates import date_problem
from desktop.rules.scheme import Scheme
from desktop.rules.scoring import RatingResult

SOURCES = ("手工", "乡镇回执")
PENDING, APPROVED, REFUSED = "待审批", "已批准", "未批准"
# How a step the 党员大会 decides by vote (`vote`) reads while it waits: it is voted on, not
# approved. Shown only; the state kept (and compared, and in --json) stays PENDING.
VOTE_PENDING = "待表决"
YEAR = "year"  # the period of the annual rating (a quarterly rating would be 'Q1' …)


@dataclass(frozen=True, slots=True)
class Decision:
    """One decision to record: the member (code or name), approved or refused, by whom."""

    member: str
    approved: bool
    by: str
    on: str | None = None  # the decision's date, ISO; default today
    reason: str = ""  # required when refused
    step: str | None = None  # None: every step the member's result waits for
    source: str = "手工"
    ref: str = ""  # where it came from, e.g. the receipt file's name
    # The person who reviewed it above (a township receipt's 审核人): the decision is then the
    # step's body's (审批单位 = the scheme's `by`, e.g. 上级党（工）委), the name kept in its ref.
    reviewer: str = ""


@dataclass(frozen=True, slots=True)
class ApprovalItem:
    code: str
    name: str
    result: str  # the result waiting for approval, e.g. 「四星级」 or 「五星级、优秀」
    step: str  # the scheme's approval name, e.g. 「报上级党（工）委审批」
    body: str  # who approves, e.g. 「上级党（工）委」
    state: str  # 待审批 / 已批准 / 未批准
    decision: Mapping[str, Any] | None = None  # the deciding row (by, date, reason, source …)
    superseded: str = ""  # a decision on another result (the result changed since): its text
    vote: bool = False  # the step is decided by the 党员大会's vote

    @property
    def pending(self) -> bool:
        return self.state == PENDING

    @property
    def shown(self) -> str:
        """The state as people read it: 待表决 for a vote step still waiting."""
        return VOTE_PENDING if self.pending and self.vote else self.state

    @property
    def approved(self) -> bool:
        return self.state == APPROVED

    def text(self) -> str:
        """One line for people: 「拟评四星级，报上级党组织审批：待审批」."""
        head = f"拟评{self.result}，{self.step}"
        if self.decision is None:
            more = f"（{self.superseded}）" if self.superseded else ""
            return f"{head}：{self.shown}{more}"
        d = self.decision
        if _voted(d):  # 党员大会表决: its counts and what they gave
            return f"{head}：{self.state}（{d['decided_by']}，{d['date']}，{_vote_words(d)}）"
        why = f"，理由：{d['reason']}" if d.get("reason") else ""
        return f"{head}：{self.state}（{d['decided_by']}，{d['date']}，{_source_words(d)}{why}）"


def _voted(decision: Mapping[str, Any]) -> bool:
    """A decision recorded by a 党员大会表决 (desktop/book/votes.py): its ref has the counts."""
    return str(decision.get("ref") or "").startswith("党员大会表决：")


def decision_how(decision: Mapping[str, Any]) -> str:
    """How a decision was made, for a table cell: 「镇党委，2026-01-12，乡镇回执；理由：…」, or for
    a 党员大会表决 its counts and outcome."""
    d = decision
    if _voted(d):
        return f"{d['decided_by']}，{d['date']}，{_vote_words(d)}"
    why = f"；理由：{d['reason']}" if d.get("reason") else ""
    return f"{d['decided_by']}，{d['date']}，{_source_words(d)}{why}"


REVIEWER = "审核人："  # in a receipt decision's ref, before the reviewer's name


def _reviewer_words(decision: Mapping[str, Any]) -> str:
    """「（审核人：李审）」 when the decision's ref names its reviewer (with_reviewer), else ''."""
    ref = str(decision.get("ref") or "")
    if REVIEWER not in ref:
        return ""
    return f"（{REVIEWER}{ref.split(REVIEWER, 1)[1].rstrip('）')}）"


def _source_words(decision: Mapping[str, Any]) -> str:
    """「乡镇回执（审核人：李审）」 when the receipt named its reviewer, else the source."""
    return f"{decision['source']}{_reviewer_words(decision)}"


def _vote_words(decision: Mapping[str, Any]) -> str:
    """「党员大会表决：应到会12人，到会10人；赞成8票、反对1票、弃权1票：表决通过」."""
    ref = str(decision["ref"])
    if decision["decision"] == "approved":
        return f"{ref}：表决通过"
    return f"{ref}：{str(decision.get('reason') or '未通过').rsplit('：', 1)[-1]}"


def shown_state(items: Iterable[ApprovalItem | ClaimApproval]) -> str:
    """The worst state of a result's steps as people read it: 未批准, then 待审批 (or 待表决
    when only 党员大会 votes wait), then 已批准; '' when there are none."""
    items = list(items)
    if any(a.state == REFUSED for a in items):
        return REFUSED
    waiting = [a for a in items if a.pending]
    if waiting:
        return VOTE_PENDING if all(a.vote for a in waiting) else PENDING
    return APPROVED if items else ""


def result_label(stars: int | None, grade: str | None) -> str:
    from desktop.rules.scheme import STAR_WORDS

    parts = []
    if stars:
        parts.append(f"{STAR_WORDS[stars]}星级")
    if grade:
        parts.append(grade)
    return "、".join(parts)


def decisions_of(book: Book, year: int) -> dict[tuple[str, str], list[dict[str, Any]]]:
    """(member code, step) → decisions of the year, newest last."""
    out: dict[tuple[str, str], list[dict[str, Any]]] = {}
    rows = book.query(
        "select a.*, m.code, m.name from approvals a join members m on m.id = a.member_id "
        "where a.year = ? and a.period = ? order by a.date, a.id",
        [year, YEAR],
    )
    for r in rows:
        out.setdefault((r["code"], r["step"]), []).append(r)
    return out


def states_for(
    scheme: Scheme,
    rating: RatingResult | None,
    decisions: Mapping[tuple[str, str], Sequence[Mapping[str, Any]]],
) -> list[ApprovalItem]:
    """Every rated result that the scheme's [[approvals]] cover, with its state (pure)."""
    if rating is None or not scheme.approvals:
        return []
    out: list[ApprovalItem] = []
    for m in rating.members:
        if not m.rated:
            continue
        label = result_label(m.stars, m.grade)
        for a in scheme.approvals_for(m.stars, m.grade):
            rows = decisions.get((m.code, a.name), ())
            current = [r for r in rows if r["result"] == label]
            if current:
                d = current[-1]
                state = APPROVED if d["decision"] == "approved" else REFUSED
                out.append(
                    ApprovalItem(m.code, m.name, label, a.name, a.by, state, d, vote=bool(a.vote))
                )
            else:
                old = ""
                if rows:
                    last = rows[-1]
                    verb = "批准" if last["decision"] == "approved" else "未批准"
                    old = f"{last['date']} {last['decided_by']}{verb}的是{last['result']}"
                out.append(
                    ApprovalItem(
                        m.code, m.name, label, a.name, a.by, PENDING, None, old, bool(a.vote)
                    )
                )
    return out


def year_rating(book: Book, year: int, *, today: date | None = None):  # -> (Scheme, Rating|None)
    """The year's scheme and rating as the 年度评定 screen computes it (as of today while the
    year runs)."""
    from desktop.book.scoring import check_year_scored, gather_facts, year_scheme
    from desktop.rules.scoring import rate, score

    check_year_scored(book, year)
    day = today or date.today()
    as_of = day.isoformat() if day.year == year else None
    scheme = year_scheme(book, year)
    if scheme.rating is None:
        return scheme, None
    result = score(scheme, gather_facts(book, year), year, None, as_of=as_of, explain=False)
    return scheme, rate(scheme, result)


def approvals(book: Book, year: int, *, today: date | None = None) -> list[ApprovalItem]:
    """Every result of `year` that needs approval above the branch, with its state."""
    scheme, rating = year_rating(book, year, today=today)
    if not scheme.approvals:
        return []
    return states_for(scheme, rating, decisions_of(book, year))


def awaiting(book: Book, year: int, *, today: date | None = None) -> list[ApprovalItem]:
    """The results still 待审批."""
    return [a for a in approvals(book, year, today=today) if a.pending]


def member_approvals(
    book: Book, year: int, member: str, *, today: date | None = None
) -> list[ApprovalItem]:
    code = book.roster.find(member)["code"]
    return [a for a in approvals(book, year, today=today) if a.code == code]


def is_approved(book: Book, year: int, member: str, *, today: date | None = None) -> bool:
    """True when the member's result needs no approval, or every step of it is approved."""
    return all(a.approved for a in member_approvals(book, year, member, today=today))


def approved_by(book: Book, year: int, member: str, *, today: date | None = None) -> list[str]:
    """The bodies that approved the member's result (「上级党（工）委」), for 经…审批; [] when
    nothing needed approval or it is not (all) approved yet."""
    items = member_approvals(book, year, member, today=today)
    if not items or not all(a.approved for a in items):
        return []
    return [a.body for a in items]


def _iso(value: str | None, today: date | None) -> str:
    if not value:
        return (today or date.today()).isoformat()
    text = str(value).strip()
    problem = date_problem(text, "审批日期", "2027-01-15")
    if problem:
        raise InputRefused(f"{problem}。", ["日期请写成 年-月-日，例如 2027-01-15。"])
    return text


def _vote_steps(book: Book, year: int) -> set[str]:
    """The year's steps decided by the 党员大会's recorded vote, not by an approver."""
    from desktop.book.scoring import year_scheme

    return {a.name for a in year_scheme(book, year).approvals if a.vote}


def _vote_only(step: str) -> str:
    return (
        f"“{step}”由支部党员大会表决决定，不能逐人登记批准：请登记表决（年度评定 → 上级审批 → "
        "登记党员大会表决…，或 pioneer approval vote）。"
    )


def record_decisions(
    book: Book,
    year: int,
    decisions: Iterable[Decision],
    *,
    today: date | None = None,
    by_vote: bool = False,
) -> list[int]:
    """Record several decisions at once, all or nothing (one journal line).

    Refused, with one Chinese line per problem: a member whose result needs no approval (or
    not the named step), a refusal without a reason, an empty 审批单位/审批人, an unknown
    source, a date that is not a date or is in the future."""
    decisions = list(decisions)
    # A step the scheme has decided by the general meeting's vote (`vote`) takes only the
    # vote's decision (by_vote, from book.votes): a receipt or a hand decision that names no
    # step decides the other steps, and one that names it is refused.
    voted = set() if by_vote else _vote_steps(book, year)
    if not decisions:
        raise InputRefused("没有要登记的审批决定。")
    day = today or date.today()
    items = approvals(book, year, today=today)
    by_code: dict[str, list[ApprovalItem]] = {}
    for a in items:
        by_code.setdefault(a.code, []).append(a)
    problems: list[str] = []
    rows: list[dict[str, Any]] = []
    for d in decisions:
        try:
            m = book.roster.find(d.member)
        except InputRefused as exc:
            problems.append(f"{d.member}：{exc.message}")
            continue
        who = m["name"]
        if d.source not in SOURCES:
            problems.append(f"{who}：来源“{d.source}”不对，应为{'或'.join(SOURCES)}。")
            continue
        if not (d.by or "").strip():
            problems.append(f"{who}：请写明审批单位或审批人（如“镇党委”）。")
            continue
        if not d.approved and not (d.reason or "").strip():
            problems.append(f"{who}：不批准须写明理由。")
            continue
        try:
            iso = _iso(d.on, today)
        except InputRefused as exc:
            problems.append(f"{who}：{exc.message}")
            continue
        if iso > day.isoformat():
            problems.append(f"{who}：审批日期 {iso} 还没有到。")
            continue
        mine = by_code.get(m["code"], [])
        if not mine:
            problems.append(
                f"{who}：{year} 年的评定结果不需要上级审批"
                "（本年度方案只对列明的星级、等次报上级审批）。"
            )
            continue
        if d.step is not None and d.step in voted:
            problems.append(f"{who}：{_vote_only(d.step)}")
            continue
        steps = [a for a in mine if (d.step is None and a.step not in voted) or a.step == d.step]
        if not steps and d.step is None:
            problems.append(
                f"{who}：{'、'.join(a.step for a in mine)}由支部党员大会表决决定，"
                "没有别的审批环节可登记。"
            )
            continue
        if not steps:
            known = "、".join(a.step for a in mine)
            problems.append(f"{who}：没有“{d.step}”这一审批环节，其评定结果的审批是：{known}。")
            continue
        for a in steps:
            rows.append(
                {
                    "year": year,
                    "period": YEAR,
                    "member_id": m["id"],
                    "step": a.step,
                    "result": a.result,
                    "decision": "approved" if d.approved else "refused",
                    # A reviewer decides for the body the scheme names; the name goes in ref.
                    "decided_by": a.body if d.reviewer.strip() else d.by.strip(),
                    "date": iso,
                    "reason": (d.reason or "").strip(),
                    "source": d.source,
                    "ref": with_reviewer(d.ref, d.reviewer),
                    "created_by": book.actor,
                    "created_at": now_iso(),
                    "_name": who,
                }
            )
    if problems:
        raise InputRefused(f"{year} 年的审批决定未登记，请改正以下问题：", problems)
    summary = "、".join(
        f"{r['_name']}{r['result']}{'批准' if r['decision'] == 'approved' else '不批准'}"
        for r in rows[:6]
    )
    more = f"等 {len(rows)} 项" if len(rows) > 6 else ""
    sources = {r["source"] for r in rows}
    ids: list[int] = []
    with book.action("登记审批决定", f"{year}年（{'、'.join(sorted(sources))}）：{summary}{more}"):
        for r in rows:
            r.pop("_name")
            ids.append(int(book.db["approvals"].insert(r).last_pk))
    return ids


def with_reviewer(ref: str, reviewer: str) -> str:
    """A decision's ref with the reviewer's name: 「审核回执.json（审核人：李审）」."""
    return f"{ref}（{REVIEWER}{reviewer.strip()}）" if reviewer.strip() else ref


def record_decision(
    book: Book,
    year: int,
    member: str,
    *,
    approved: bool,
    by: str,
    on: str | None = None,
    reason: str = "",
    step: str | None = None,
    source: str = "手工",
    ref: str = "",
    today: date | None = None,
) -> list[int]:
    """Record one member's decision (every pending step unless `step` names one)."""
    return record_decisions(
        book,
        year,
        [Decision(member, approved, by, on, reason, step, source, ref)],
        today=today,
    )


def history(book: Book, year: int) -> list[dict[str, Any]]:
    """Every decision recorded for `year`, oldest first (superseded ones too)."""
    return book.query(
        "select a.id, m.code, m.name, a.step, a.result, a.decision, a.decided_by, a.date, "
        "a.reason, a.source, a.ref from approvals a join members m on m.id = a.member_id "
        "where a.year = ? order by a.date, a.id",
        [year],
    )


# -- claims sent above the branch ([[approvals]] items) ---------------------------------------

CLAIM = "claim"  # the period of a claim's decision; approvals.claim_id names the claim


@dataclass(frozen=True, slots=True)
class ClaimApproval:
    claim_id: int
    code: str
    name: str
    date: str
    item: str  # the item's name
    points: str
    step: str  # the scheme's approval name, e.g. 「报党工委审定」
    body: str  # who approves, e.g. 「街道党工委」
    state: str  # 待审批 / 已批准 / 未批准
    decision: Mapping[str, Any] | None = None
    reason: str = ""  # the claim's 事由, for whoever decides above the branch
    vote: bool = False  # the step is decided by the 党员大会's vote

    @property
    def pending(self) -> bool:
        return self.state == PENDING

    @property
    def shown(self) -> str:
        """The state as people read it: 待表决 for a vote step still waiting."""
        return VOTE_PENDING if self.pending and self.vote else self.state

    def text(self) -> str:
        if self.state == PENDING and self.vote:
            return f"{VOTE_PENDING}：须{self.body}表决（{self.step}）"
        if self.state == PENDING:
            return f"待审批：须{self.body}审定（{self.step}）"
        d = self.decision or {}
        if _voted(d):  # 党员大会表决: the counts say why
            return f"{d['decided_by']}于{d['date']}表决：{_vote_words(d)}"
        why = f"，理由：{d['reason']}" if d.get("reason") else ""
        verb = "批准" if self.state == APPROVED else "未批准"  # not state[1:]: 未批准 → 批准
        who = _reviewer_words(d)
        return f"{d.get('decided_by', self.body)}于{d.get('date', '')}{verb}{why}{who}"


def claim_approvals(book: Book, year: int) -> list[ClaimApproval]:
    """The year's 审定 claims whose item the scheme sends above the branch, each with its state
    (街道「经党支部研究讨论认定，报党工委审定后确定加分分值」): they count once approved."""
    from desktop.book.scoring import year_scheme

    scheme = year_scheme(book, year)
    if not any(a.items for a in scheme.approvals):
        return []
    latest: dict[int, dict[str, Any]] = {}
    for d in book.query(
        "select * from approvals where period = ? and year = ? order by date, id", [CLAIM, year]
    ):
        latest[d["claim_id"]] = d
    out = []
    for c in book.query(
        "select c.*, m.code, m.name from claims c join members m on m.id = c.member_id "
        "where c.status = '审定' and c.date between ? and ? order by c.date, c.id",
        [f"{year:04d}-01-01", f"{year:04d}-12-31"],
    ):
        step = scheme.claim_approval(c["item"])
        if step is None:
            continue
        d = latest.get(c["id"])
        state = PENDING if d is None else APPROVED if d["decision"] == "approved" else REFUSED
        item = scheme.item(c["item"])
        out.append(
            ClaimApproval(
                c["id"], c["code"], c["name"], c["date"], item.name if item else c["item"],
                c["points"], step.name, step.by, state, d, c["reason"] or "", bool(step.vote),
            )
        )  # fmt: skip
    return out


def record_claim_decision(
    book: Book,
    claim_id: int,
    *,
    approved: bool,
    by: str,
    on: str | None = None,
    reason: str = "",
    source: str = "手工",
    ref: str = "",
    today: date | None = None,
    by_vote: bool = False,
) -> int:
    """Record the decision above the branch on one 审定 claim the scheme sends there. A later
    decision supersedes an earlier one; nothing recorded changes. Refused: a claim not 审定
    or not sent above by the scheme, no 审批单位, a refusal without its reason, a date not a
    date or to come, a claim in a confirmed quarter (its points are settled)."""
    from desktop.book.claims import claim
    from desktop.book.periods import check_unlocked

    c = claim(book, claim_id)
    year = int(c["date"][:4])
    mine = [a for a in claim_approvals(book, year) if a.claim_id == claim_id]
    if not mine:
        raise InputRefused(
            f"第 {claim_id} 号申报（{c['name']}）不需要上级审定"
            "（本年度方案只对列明的申报项目报上级审定，且须支委会先审定）。"
        )
    problems = []
    if not by_vote and {a.step for a in mine} & _vote_steps(book, year):
        problems.append(_vote_only(mine[0].step))
    if source not in SOURCES:
        problems.append(f"来源“{source}”不对，应为{'或'.join(SOURCES)}。")
    if not (by or "").strip():
        problems.append("请写明审批单位或审批人（如“街道党工委”）。")
    if not approved and not (reason or "").strip():
        problems.append("不批准须写明理由。")
    try:
        iso = _iso(on, today)
        if iso > (today or date.today()).isoformat():
            problems.append(f"审批日期 {iso} 还没有到。")
    except InputRefused as exc:
        problems.append(exc.message)
    if problems:
        raise InputRefused(f"第 {claim_id} 号申报（{c['name']}）的审批决定未登记：", problems)
    check_unlocked(book, c["date"], "这条积分申报")
    a = mine[0]
    verb = "批准" if approved else "不批准"
    with book.action("登记申报审批", f"{c['name']} 第{claim_id}号 {a.item} {a.points}分：{verb}"):
        return int(
            book.db["approvals"]
            .insert(
                {
                    "year": year,
                    "period": CLAIM,
                    "claim_id": claim_id,
                    "member_id": c["member_id"],
                    "step": a.step,
                    "result": f"第{claim_id}号申报 {a.item} {a.points}分",
                    "decision": "approved" if approved else "refused",
                    "decided_by": by.strip(),
                    "date": iso,
                    "reason": (reason or "").strip(),
                    "source": source,
                    "ref": ref,
                    "created_by": book.actor,
                    "created_at": now_iso(),
                }
            )
            .last_pk
        )
