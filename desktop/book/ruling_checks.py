"""What the ruling sheets (党员大会表决, 上级审批) need the imported book to check: the import
writes its plan into a scratch copy of the book (interchange._trial) and these checks ask the
copy what `approval vote` and `approval record` ask the book when the same records are entered
by hand — with the same book functions (votes.full_members, the meeting's sign-in, the year's
scheme, claim_approvals), so the workbook cannot hold a vote or a decision the screens would
refuse:

- a vote's 应到会 no more than the 正式党员 on the roll that day, its 到会 no more than the
  正式党员 signed in 出席 at the 支部党员大会 it names;
- a vote decides something: the 上级审批 rows it recorded (same year, step and day, 依据
  「党员大会表决：<its counts>」) exist, each 批准 when it passed and 不批准 when not, and none
  of them decides a result or claim already approved before the vote (a vote is taken only on
  what waits);
- a decision on a step the scheme leaves to the 党员大会's vote comes from a vote;
- a 民主评议 / 自评与组织考评 row is for a member the year's scheme appraises in that round
  (not 免考, on the roll), by year_end's reasons (`check_appraisals`);
- a decision on a claim names a claim of that member, 审定, sent above the branch by the
  year's scheme to that step (one the book or the workbook holds at all: ruling_sheets, since
  the copy cannot be written without it).

Problems are (sheet, row, column, message) for the Checker. No Qt here.
"""

from __future__ import annotations

from typing import Any

from desktop.book.store import Book

Problem = tuple[str, int, str, str]
CLAIM_NOT_FOUND = "找不到第{cid}号积分申报（申报记录号是它在“积分申报”表的记录号），请核对申报记录号，或删去这一行"


def needed(plan: Any) -> bool:
    """Whether the plan holds records these checks are about."""
    rulings = getattr(plan, "rulings", None) or {}
    return bool(rulings.get("votes") or rulings.get("approvals") or plan.appraisals)


def check_appraisals(book: Book, plan: Any) -> list[Problem]:
    """民主评议 and 自评与组织考评 rows as `appraisal add` judges a member for the round: a party
    member in the branch that year, and one the year's scheme appraises in that round (not
    免考, not left before it, not arrived or joined after it) — by year_end's own reasons. An
    exemption approved after the round's period (免考批准日期) does not refuse an appraisal
    recorded before it, so a book's own export still imports."""
    from dataclasses import replace

    from desktop.book.scoring import member_facts, year_scheme
    from desktop.book.year_end import _year_problem, not_appraised_reason, round_period

    facts: dict[int, dict[str, Any]] = {}
    schemes: dict[int, Any] = {}
    rows = {r["code"]: r for r in book.query("select * from members")}
    problems: list[Problem] = []
    for a in plan.appraisals:
        year, kind, rnd = a["year"], a["kind"], a["round"]
        if year not in facts:
            facts[year] = {mf.code: mf for mf in member_facts(book, year)}
            schemes[year] = year_scheme(book, year)
        m = rows[a["member"]]
        reason = _year_problem(m, year)
        mf = facts[year].get(a["member"])
        if reason is None and mf is not None:
            period = round_period(schemes[year], year, kind, rnd)
            approved = m.get("exempt_approved_date") or ""
            if mf.exempt and approved > period.end:
                mf = replace(mf, exempt=False)  # exempt since, not then
            reason = not_appraised_reason(schemes[year], mf, year, kind, rnd)
        if reason:
            sheet, number = a["_where"]
            problems.append(
                (
                    sheet,
                    number,
                    "党员",
                    f"{reason.rstrip('。')}，不能有 {year} 年的{kind}结果："
                    "请删去这一行，或核对党员名册",
                )
            )
    return problems


def check_written(book: Book, plan: Any) -> list[Problem]:
    """Check the plan's votes and decisions against `book`, a copy the plan was written into."""
    from desktop.book.approvals import CLAIM
    from desktop.book.votes import VOTE_REF
    from desktop.rules.votes import VoteCount, outcome

    rulings = getattr(plan, "rulings", None) or {}
    votes = rulings.get("votes", [])
    decisions = rulings.get("approvals", [])
    problems: list[Problem] = []
    voted_days: set[tuple[int, str, str]] = set()  # (year, step, date) of the votes
    for v in votes:
        count = VoteCount(v["expected"], v["present"], v["yes"], v["no"], v["abstain"])
        ref = f"{VOTE_REF}：{count.text()}"
        day = (v["year"], v["step"], v["date"])
        voted_days.add(day)
        bad_counts = _count_problems(book, v, count)
        if bad_counts:  # the decisions' problems would only repeat these
            problems += bad_counts
            continue
        made = [d for d in decisions if (d["year"], d["step"], d["date"], d["ref"]) == (*day, ref)]
        if not made:
            # Decisions of that day by a vote with other counts: the counts were changed on
            # one sheet only.
            other = [
                d
                for d in decisions
                if (d["year"], d["step"], d["date"]) == day
                and str(d["ref"]).startswith(f"{VOTE_REF}：")
            ]
            for d in other:
                problems.append(
                    (
                        "上级审批",
                        d["_row"],
                        "依据",
                        f"依据“{d['ref']}”与同一天的党员大会表决（“党员大会表决”表第{v['_row']}行）"
                        f"的票数“{count.text()}”不同：请按表决时的实际票数改正其中一处",
                    )
                )
            if other:
                continue
            problems.append(
                (
                    "党员大会表决",
                    v["_row"],
                    "审批环节",
                    f"“上级审批”表中没有这次表决登记的审批决定（审批环节“{v['step']}”、日期 "
                    f"{v['date']}、依据“{ref}”）：表决总是决定当时待表决的评定结果或申报，"
                    "请补上这些行，或删去这次表决",
                )
            )
            continue
        passed, _why = outcome(v["rule"], count, quorum=bool(v["quorum"]))
        for d in made:
            if (d["decision"] == "approved") != passed:
                want = "批准" if passed else "不批准"
                problems.append(
                    (
                        "上级审批",
                        d["_row"],
                        "决定",
                        f"这一行依据的党员大会表决（“党员大会表决”表第{v['_row']}行，{v['date']}）"
                        f"{'表决通过' if passed else '未通过'}，决定应为“{want}”",
                    )
                )
                continue
            earlier = _approved_before(book, d, v["date"])
            if earlier:
                problems.append(("上级审批", d["_row"], "依据", earlier))
    vote_steps = _vote_steps(book, {d["year"] for d in decisions})
    claims = _claims(book, {d["year"] for d in decisions if d["period"] == CLAIM})
    for d in decisions:
        day = (d["year"], d["step"], d["date"])
        from_vote = day in voted_days and str(d["ref"]).startswith(f"{VOTE_REF}：")
        if d["step"] in vote_steps.get(d["year"], ()) and not from_vote:
            problems.append(
                (
                    "上级审批",
                    d["_row"],
                    "依据",
                    f"“{d['step']}”由支部党员大会表决决定，这一行却没有对应的“党员大会表决”行"
                    f"（同一天、依据为“{VOTE_REF}：应到会…”）：请在“党员大会表决”表补上这次"
                    "表决，或删去这一行",
                )
            )
            continue
        if d["period"] == CLAIM:
            problem = _claim_problem(book, claims, d)
            if problem:
                problems.append(("上级审批", d["_row"], "申报记录号", problem))
    return problems


def _count_problems(book: Book, v: dict[str, Any], count: Any) -> list[Problem]:
    """应到会 against the roll that day and 到会 against the meeting's sign-in, by the checks
    `approval vote` makes."""
    from desktop.book.votes import _signed_in, full_members
    from desktop.rules.votes import count_problems

    out: list[Problem] = []
    for line in count_problems(count, members=full_members(book, v["date"])):
        out.append(("党员大会表决", v["_row"], "应到会人数", line.rstrip("。")))
    if v.get("activity_code"):
        found = book.execute(
            "select id from activities where code = ?", [v["activity_code"]]
        ).fetchone()
        if found:
            _act, signed_in = _signed_in(book, found[0])
            for line in count_problems(count, signed_in=signed_in):
                out.append(("党员大会表决", v["_row"], "到会人数", line.rstrip("。")))
    return out


def _approved_before(book: Book, d: dict[str, Any], day: str) -> str:
    """Why a vote's decision `d` cannot be: the result or claim was approved before the vote
    ('' when it was not), since a vote is taken only on what still waits."""
    from desktop.book.approvals import CLAIM

    if d["period"] == CLAIM:
        rows = book.query(
            "select date, decided_by from approvals where period = ? and claim_id = ? "
            "and decision = 'approved' and date < ? order by date limit 1",
            [CLAIM, d["claim_id"], day],
        )
        what = f"第{d['claim_id']}号申报"
    else:
        rows = book.query(
            "select a.date, a.decided_by, m.name from approvals a "
            "join members m on m.id = a.member_id "
            "where a.period = ? and a.year = ? and m.code = ? and a.step = ? and a.result = ? "
            "and a.decision = 'approved' and a.date < ? order by a.date limit 1",
            [d["period"], d["year"], d["member"], d["step"], d["result"], day],
        )
        what = f"{rows[0]['name']}（{d['member']}）的{d['result']}" if rows else ""
    if not rows:
        return ""
    return (
        f"{what}在 {rows[0]['date']} 已由{rows[0]['decided_by']}批准，{day} 的表决时已不再待表决，"
        "表决不会再决定它：请核对日期，或删去这一行"
    )


def _vote_steps(book: Book, years: set[int]) -> dict[int, set[str]]:
    from desktop.book.votes import vote_steps

    return {y: {a.name for a in vote_steps(book, y)} for y in years}


def _claims(book: Book, years: set[int]) -> dict[int, Any]:
    """claim id → its ClaimApproval (审定 claims the years' schemes send above the branch)."""
    from desktop.book.approvals import claim_approvals

    return {c.claim_id: c for y in years for c in claim_approvals(book, y)}


def _claim_problem(book: Book, claims: dict[int, Any], d: dict[str, Any]) -> str:
    """Why the decision `d` cannot be on its claim ('' when it can), as
    `approvals.record_claim_decision` refuses it by hand."""
    cid = d["claim_id"]
    row = book.query(
        "select c.id, c.status, c.item, m.code, m.name from claims c "
        "join members m on m.id = c.member_id where c.id = ?",
        [cid],
    )
    if not row:  # ruling_sheets refused it before anything was written
        return CLAIM_NOT_FOUND.format(cid=cid)
    c = row[0]
    if c["code"] != d["member"]:
        return f"第{cid}号申报是 {c['name']}（{c['code']}）的，与这一行的党员不符"
    found = claims.get(cid)
    if found is None:
        return (
            f"第{cid}号申报（{c['name']}）不需要上级审定（{d['year']} 年的积分方案只对列明的"
            f"申报项目报上级审定，且须支委会先审定；这条申报现在是“{c['status']}”）"
        )
    if found.step != d["step"]:
        return f"第{cid}号申报（{c['name']}）的审批环节是“{found.step}”，不是“{d['step']}”"
    return ""
