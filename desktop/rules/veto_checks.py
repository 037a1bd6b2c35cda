"""Vetoes: confirmed ones applied to a member's result; suspected ones (six months without
party life or dues) and 流动党员 attendance minimums flagged for a person to judge.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from desktop.rules.facts import PRESENT_STATUSES, Activity, MemberFacts, YearFacts
from desktop.rules.periods import (
    Period,
    last_day,
    month_number,
    month_text,
    period_index,
    periods_in,
)
from desktop.rules.scheme import VETO_EFFECTS, Scheme
from desktop.rules.score_gather import in_branch
from desktop.rules.score_model import ZERO, Flag, Line, MemberResult


def apply_vetoes(
    scheme: Scheme,
    facts: YearFacts,
    m: MemberFacts,
    window: Period,
    as_of: str,
    explain: bool,
    mr: MemberResult,
) -> None:
    for v in sorted(facts.vetoes, key=lambda v: (v.date, v.reason)):
        if v.member != m.code or not (window.start <= v.date <= min(window.end, as_of)):
            continue
        if not v.confirmed_by.strip():
            mr.flags.append(
                Flag("notice", f"{v.date} 一票否决记录（{v.reason}）尚未经人确认，未生效")
            )
            continue
        effect = scheme.veto.effect_of(v.kind)
        mr.vetoes.append(v)
        mr.flags.append(
            Flag(
                "veto",
                f"{v.date} 一票否决（{v.reason}，{v.confirmed_by}确认）：{VETO_EFFECTS[effect]}",
                effect,
            )
        )
    if any(f.kind == "veto" and f.name == "clear_period" for f in mr.flags):
        for name, value in list(mr.sections.items()):
            if value and explain:
                text = "一票否决：取消期间所有积分"
                mr.lines.append(Line(name, text, window.end, text, -value, ""))
            mr.sections[name] = ZERO
        mr.total = ZERO


# ---------------------------------------------------------------- veto detection


def detect_vetoes(
    scheme: Scheme,
    facts: YearFacts,
    activities: Mapping[str, Activity],
    members: list[MemberFacts],
    results: list[MemberResult],
    as_of: str,
    attended: Mapping[str, set[int]],
) -> None:
    """Flag 6 consecutive months with no party life / no dues, for a person to confirm.

    Uses every fact given (also from before the year), up to the last month that ended
    by `as_of`. A month in which the branch held no activity at all neither counts nor
    breaks the run (the member had nothing to miss). A month without a dues record breaks
    the run: the book supplies one record for every month owed.
    """
    need_life = scheme.veto.no_party_life_months
    need_dues = scheme.veto.no_dues_months
    if not need_life and not need_dues:
        return
    by_code = {m.code: m for m in members}
    last_month = month_number(as_of) - (
        0 if as_of == last_day(int(as_of[:4]), int(as_of[5:7])) else 1
    )
    held = {month_number(a.date) for a in activities.values()}
    unpaid: dict[str, set[int]] = defaultdict(set)
    recorded: dict[str, set[int]] = defaultdict(set)
    month_cache: dict[str, int] = {}
    for d in facts.dues:
        mn = month_cache.get(d.month)
        if mn is None:
            mn = month_cache[d.month] = month_number(d.month)
        if mn > last_month or d.due_fen <= 0:
            continue
        recorded[d.member].add(mn)
        if d.paid_fen <= 0:
            unpaid[d.member].add(mn)
    first_held = min(held) if held else None
    for mr in results:
        if not mr.scored:
            continue
        m = by_code[mr.code]
        # Months before the member was here (transferred in, or admitted this year) are not
        # months without party life: count from the month after they arrived.
        arrived = max((d for d in (m.transferred_in_date, m.joined_date) if d), default=None)
        start = month_number(arrived) + 1 if arrived else None
        end = last_month
        if m.left_date:
            end = min(end, month_number(m.left_date) - 1)
        if need_life and first_held is not None:
            lo = max(first_held, start) if start is not None else first_held
            run = _longest_run(
                lo,
                end,
                lambda mn, code=m.code: None if mn not in held else mn not in attended[code],
            )
            if run and run[1] - run[0] + 1 >= need_life:
                mr.flags.append(
                    Flag(
                        "veto_check",
                        f"{month_text(run[0])}至{month_text(run[1])}连续{run[1] - run[0] + 1}个月"
                        "未参加党的组织生活，可能属于一票否决情形（连续"
                        f"{need_life}个月不参加组织生活），请支委会核实：确有正当理由的不作处理，"
                        "否则录入一票否决记录并写明原因",
                        "no_party_life",
                    )
                )
        if need_dues and recorded[m.code]:
            lo = min(recorded[m.code])
            if start is not None:
                lo = max(lo, start)
            run = _longest_run(
                lo,
                end,
                lambda mn, code=m.code: False if mn not in recorded[code] else mn in unpaid[code],
            )
            if run and run[1] - run[0] + 1 >= need_dues:
                mr.flags.append(
                    Flag(
                        "veto_check",
                        f"{month_text(run[0])}至{month_text(run[1])}连续{run[1] - run[0] + 1}个月"
                        f"未交纳党费，可能属于一票否决情形（连续{need_dues}个月不交纳党费），"
                        "请支委会核实：确有困难并经批准减免的不作处理，否则录入一票否决记录并写明原因",
                        "no_dues",
                    )
                )


def _longest_run(lo: int, hi: int, missed) -> tuple[int, int] | None:  # type: ignore[no-untyped-def]
    """Longest run of months where missed(m) is True; None-valued months are skipped."""
    best: tuple[int, int] | None = None
    run_start: int | None = None
    run_end: int | None = None
    for mn in range(lo, hi + 1):
        state = missed(mn)
        if state is None:
            continue
        if state:
            if run_start is None:
                run_start = mn
            run_end = mn
            if best is None or (run_end - run_start) > (best[1] - best[0]):
                best = (run_start, run_end)
        else:
            run_start = run_end = None
    return best


def mobile_checks(
    scheme: Scheme,
    facts: YearFacts,
    activities: Mapping[str, Activity],
    members: list[MemberFacts],
    results: list[MemberResult],
    window: Period,
    as_of: str,
) -> None:
    """流动党员: in-province ≥ N a quarter, out-of-province ≥ M a year (ended periods only).

    Activity reported by the host organisation is recorded as 出席 or 补录."""
    per_q = scheme.mobile_in_province_per_quarter
    per_y = scheme.mobile_out_of_province_per_year
    if not per_q and not per_y:
        return
    mobile = {m.code: m for m in members if m.mobile}
    if not mobile:
        return
    counts: dict[tuple[str, int], int] = defaultdict(int)
    for a in facts.attendance:
        if a.member not in mobile or a.status not in PRESENT_STATUSES:
            continue
        act = activities.get(a.activity)
        if act is None or not (window.start <= act.date <= as_of):
            continue
        counts[(a.member, period_index("quarter", int(act.date[5:7])))] += 1
    for mr in results:
        m = mobile.get(mr.code)
        if m is None or not mr.scored:
            continue
        if m.mobile_scope == "省外" and per_y:
            if window.kind == "year" and as_of >= window.end:
                done = sum(counts[(m.code, q)] for q in range(1, 5))
                if done < per_y:
                    mr.flags.append(
                        Flag(
                            "notice",
                            f"流动党员（省外）{window.year}年参加组织生活{done}次，"
                            f"少于每年{per_y}次的要求，请核实流入地党组织的证明材料",
                            "mobile",
                        )
                    )
        elif m.mobile_scope == "省内" and per_q:
            for p in periods_in("quarter", window):
                if p.end > as_of or not in_branch(m, p):
                    continue
                done = counts[(m.code, p.index)]
                if done < per_q:
                    mr.flags.append(
                        Flag(
                            "notice",
                            f"流动党员（省内）{p.label}参加组织生活{done}次，"
                            f"少于每季度{per_q}次的要求",
                            "mobile",
                        )
                    )
