"""The figures and flags a township looks at for one branch's year, computed from the book.

`pack_figures` is what `handover` writes into a pack's manifest and what `verify PACKDIR`
recomputes from the pack's backup to see that the manifest still tells the truth. The
numbers come from the same operations as `pioneer score`/`rate`/`members`, so the township
desk shows exactly what the branch's own book says.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from decimal import Decimal
from typing import Any

from desktop.book.errors import InputRefused
from desktop.book.store import Book

# The way the figures are counted, written into the manifest: `verify` recomputes them with
# its own code, so a figure whose counting was corrected since a pack was made would call that
# pack 「清单已被改动」. FIGURES_CHANGED names, per version, the figures counted differently
# from then on; a pack of an older version is compared on the others only (and says so).
FIGURES_VERSION = 2
FIGURES_CHANGED: dict[int, tuple[str, ...]] = {
    # 2: a month paid ahead is neither 应缴 nor 欠缴 until it has ended (review 7).
    2: ("dues_due_fen", "dues_owed_fen"),
}


def figures_not_comparable(version: int) -> tuple[str, ...]:
    """The figures a pack made with figures `version` counts otherwise than this program."""
    return tuple(
        key
        for v, keys in sorted(FIGURES_CHANGED.items())
        if version < v <= FIGURES_VERSION
        for key in keys
    )


# 三会一课 as the plans state it: 支部党员大会 and 党课 each quarter, 支委会 each month.
THREE_MEETINGS = (("支部党员大会", "quarter"), ("党课", "quarter"), ("支委会", "month"))
STAR_WORDS = {5: "五星", 4: "四星", 3: "三星", 2: "二星", 1: "一星"}


def _today(today: date | None) -> date:
    return today or date.today()


def _elapsed(year: int, day: date) -> tuple[int, int]:
    """(months, quarters) of `year` that have ended by `day`."""
    if day.year > year:
        return 12, 4
    if day.year < year:
        return 0, 0
    months = day.month - 1
    return months, months // 3


def pack_figures(book: Book, year: int, *, today: date | None = None) -> dict[str, Any]:
    """The year's figures (plain JSON) and the township's flags (Chinese sentences)."""
    from desktop.book.dues import arrears_overview, year_register
    from desktop.book.meetings import Meetings
    from desktop.book.meetings_print import summary_data
    from desktop.book.quarter import appraisal_gap_text, year_status
    from desktop.book.scoring import rate_book, score_book, year_scheme
    from desktop.book.year_end import list_vetoes
    from desktop.rules.facts import PRESENT_STATUSES
    from desktop.rules.meetings import party_life_alerts
    from desktop.rules.scoring import rate_json, score_json

    day = _today(today)
    counts = book.roster.count()
    formal, probationary = counts.get("正式党员", 0), counts.get("预备党员", 0)
    scheme = year_scheme(book, year)
    result = score_book(book, year, today=today, explain=False)
    scores = score_json(result)
    scored = [m for m in scores["members"] if m["scored"]]
    total_points = sum((Decimal(m["total"]) for m in scored), Decimal(0))

    stars: Counter[str] = Counter()
    grades: Counter[str] = Counter()
    quotas: list[dict[str, Any]] = []
    high_stars: list[dict[str, Any]] = []
    if scheme.rating is not None:
        rating = rate_book(book, year, today=today)
        for m in rate_json(rating)["members"]:
            if m["stars"]:
                stars[str(m["stars"])] += 1
                if m["stars"] >= 4:
                    high_stars.append({"code": m["code"], "name": m["name"], "stars": m["stars"]})
            if m["grade"]:
                grades[m["grade"]] += 1
        quotas = [
            {"level": q.level, "limit": q.limit, "used": q.used, "rule": q.rule}
            for q in rating.quotas
        ]

    followups: Counter[str] = Counter()
    for m in result.members:
        for f in m.flags:
            if f.kind == "followup":
                followups[f.text] += 1
    party_life = party_life_alerts(result)

    mt = Meetings(book)
    acts = mt.activities(year)
    by_type = Counter(a["type"] for a in acts)
    plan = mt.plan(year, today=day)
    att = summary_data(book, year)
    expected = sum(r["expected"] for r in att["rows"])
    present = sum(r[s] for r in att["rows"] for s in PRESENT_STATUSES)

    reg = year_register(book, year, today=today)
    states = year_status(book, year, today=today)
    quarters = [
        {
            "quarter": st["quarter"],
            "label": st["number_text"],
            "state": st["state"],
            "state_text": st["state_text"],
            "publicity_start": st.get("publicity_start"),
            "publicity_end": st.get("publicity_end"),
            "confirmed_at": st.get("confirmed_at"),
            "open_objections": len(st.get("open_objections") or []),
        }
        for st in states
    ]
    vetoes = sum(1 for v in list_vetoes(book, year) if not v["withdrawn"])

    figures: dict[str, Any] = {
        "members": formal + probationary,
        "members_formal": formal,
        "members_probationary": probationary,
        "activists": counts.get("入党积极分子", 0),
        "scheme": scores["scheme"],
        "scored": len(scored),
        "points_total": f"{total_points:.2f}",
        "activities": len(acts),
        "activities_by_type": dict(by_type),
        "plan_items": len(plan),
        "plan_done": sum(1 for p in plan if p["state"] == "done"),
        "plan_overdue": sum(1 for p in plan if p["state"] == "overdue"),
        "attendance_expected": expected,
        "attendance_present": present,
        "attendance_rate": f"{Decimal(present * 100) / expected:.1f}%" if expected else None,
        "dues_due_fen": reg["totals"]["due_fen"],
        "dues_paid_fen": reg["totals"]["paid_fen"],
        "dues_owed_fen": reg["totals"]["owed_fen"],
        "quarters": quarters,
        # The review cycle the numbers below count in (季度 1–4, 月 1–12, 半年 1–2).
        "cycle": states[0].get("kind", "quarter") if states else "quarter",
        "published": [q["quarter"] for q in quarters if q["state"] in ("publicity", "confirmed")],
        "confirmed": [q["quarter"] for q in quarters if q["state"] == "confirmed"],
        "open_objections": sum(q["open_objections"] for q in quarters),
        "stars": dict(sorted(stars.items(), reverse=True)),
        "grades": dict(grades),
        "quotas": quotas,
        "high_stars": high_stars,
        # False while a year rated once a year is still running: the stars and grades above
        # are as the year stands, not yet proposed (not compared by verify; absent in older
        # packs).
        "rating_final": _rating_final(scheme, year, day),
        # Results the scheme's [[approvals]] send above the branch, still 待审批 (what a
        # township 审核回执 decides on; desktop/book/approvals.py).
        "awaiting": _awaiting(book, year, today, scheme),
        # Claims (积分申报) the scheme sends above the branch, still 待审批: a receipt may
        # decide on them too (by 申报记录号).
        "awaiting_claims": _awaiting_claims(book, year),
        "vetoes": vetoes,
        "followups": dict(followups),
        "party_life_alerts": len(party_life),
    }
    figures["flags"] = _flags(book, year, day, figures, scheme, party_life, arrears_overview)
    figures["appraisal_gaps"] = appraisal_gap_text(book, year) if day.year > year else ""
    if figures["appraisal_gaps"]:
        figures["flags"].append(f"民主评议结果不全：{figures['appraisal_gaps']}")
    return figures


def _rating_final(scheme: Any, year: int, day: date) -> bool:
    """Is the rating final? A year rated once a year (党员e家: 评星于每年1月) only once it ended."""
    rating = getattr(scheme, "rating", None)
    return not (rating is not None and rating.per == "year" and day.year <= year)


def _awaiting(book: Book, year: int, today: date | None, scheme: Any) -> list[dict[str, Any]]:
    """Results waiting for a body above the branch. A rating made once a year (党员e家: 「评星
    一般于每年1月进行」) is final only when the year has ended: before, a star reckoned from the
    months so far is not for the township to approve (the pack leaves out the rating table
    then too)."""
    from desktop.book.approvals import awaiting

    if not _rating_final(scheme, year, _today(today)):
        return []
    seen: dict[str, dict[str, Any]] = {}
    for a in awaiting(book, year, today=today):
        if a.vote:  # the branch's own 党员大会 decides it: nothing for the township
            continue
        item = seen.setdefault(
            a.code, {"code": a.code, "name": a.name, "result": a.result, "steps": []}
        )
        item["steps"].append({"step": a.step, "body": a.body})
    return list(seen.values())


def _awaiting_claims(book: Book, year: int) -> list[dict[str, Any]]:
    from desktop.book.approvals import claim_approvals

    return [
        {"claim_id": a.claim_id, "code": a.code, "name": a.name, "item": a.item,
         "points": a.points, "step": a.step, "body": a.body, "date": a.date,
         "reason": a.reason}
        for a in claim_approvals(book, year)
        if a.pending and not a.vote  # a 党员大会 vote is the branch's own
    ]  # fmt: skip


def _flags(
    book: Book,
    year: int,
    day: date,
    fig: dict[str, Any],
    scheme: Any,
    party_life: list[tuple[str, str, str]],
    arrears_overview: Any,
) -> list[str]:
    from desktop.book.quarter import publicity_window

    flags: list[str] = []
    for q in fig["quarters"]:
        start, end = q["publicity_start"], q["publicity_end"]
        label = q.get("label") or f"第{q['quarter']}季度"
        if start and end:
            try:
                _s, required = publicity_window(book, year, start)
            except InputRefused:
                required = end
            if end < required:
                flags.append(f"{label}公示期短于方案要求（{start} 至 {end}，应至 {required}）")
            if q["confirmed_at"] and q["confirmed_at"][:10] <= end:
                flags.append(f"{label}在公示期满（{end}）前就确认了（{q['confirmed_at'][:10]}）")
    for quota in fig["quotas"]:
        if quota["limit"] is not None and quota["used"] > quota["limit"]:
            flags.append(f"{quota['level']}超过名额：{quota['used']} 名，限 {quota['limit']} 名")
    waiting = fig["awaiting"]
    if waiting:
        names = "、".join(f"{m['name']}（{m['result']}）" for m in waiting)
        flags.append(f"{len(waiting)} 名党员的评定结果待上级审批：{names}")
    claims = fig.get("awaiting_claims") or []
    if claims:
        names = "、".join(f"{c['name']}（{c['item']}{c['points']}分）" for c in claims)
        flags.append(f"{len(claims)} 条积分申报待上级审定：{names}")
    if party_life:
        names = "、".join(name for _c, name, _t in party_life)
        flags.append(f"连续6个月不参加组织生活：{names}")
    # Dues owed in the pack's year: a year that has ended is judged through its December, not
    # up to the day the pack was made (a book still working in 2025 owes nothing of 2026).
    as_of = day if day.year <= year else date(year + 1, 1, 1)
    try:
        owing = [
            r
            for r in arrears_overview(book, today=as_of)
            if r["arrears"].run_length >= 6 and not r["notices"]
        ]
    except InputRefused:
        owing = []
    if owing:
        names = "、".join(r["name"] for r in owing)
        flags.append(f"连续6个月未交党费且未处理：{names}")
    months, quarters = _elapsed(year, day)
    # A book kept from mid-year asks 三会一课 only of the months and whole quarters since its
    # start (the branch's earlier meetings were kept on paper).
    from desktop.book.points_start import points_start, start_words

    start = points_start(book)
    since = ""
    if start and int(start[:4]) == year:
        first = int(start[5:7])
        months = max(0, months - (first - 1))
        quarters = max(0, quarters - (first + 1) // 3)  # quarters begun before the start
        since = f"（{start_words(book)}）"
    held = fig["activities_by_type"]
    for kind, per in THREE_MEETINGS:
        need = quarters if per == "quarter" else months
        if held.get(kind, 0) < need:
            flags.append(f"{kind} {held.get(kind, 0)} 次，少于三会一课要求的 {need} 次{since}")
    return flags
