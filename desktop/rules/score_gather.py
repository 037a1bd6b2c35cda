"""Sorting a year's facts into per-member, per-section occurrences for the scoring engine.

Which items each kind of fact feeds (the index built once per scheme), how a month's dues
are classified, duplicate sign-ins, and the plain-words description of each fact.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping
from dataclasses import replace
from decimal import Decimal
from functools import lru_cache
from typing import Any

from desktop.rules.facts import (
    APPROVED,
    ATTENDANCE_STATUSES,
    PRESENT_STATUSES,
    Activity,
    Appraisal,
    Attendance,
    MemberFacts,
    YearFacts,
    graded_words,
)
from desktop.rules.periods import (
    PERIOD_MONTHS,
    Period,
    add_days,
    last_day,
    make_period,
    month_number,
    period_index,
)
from desktop.rules.scheme import DUES_KINDS, PERIOD_WORDS, Item, Scheme, fmt_points
from desktop.rules.score_model import ZERO, Flag


def activity_text(activity: Activity) -> str:
    title = f"《{activity.title}》" if activity.title else ""
    return f"{activity.type}{title}"


def in_branch(m: MemberFacts, period: Period) -> bool:
    if m.transferred_in_date and m.transferred_in_date > period.end:
        return False
    return not (m.left_date and m.left_date < period.start)


def classify_dues(
    due_fen: int, paid_fen: int, paid_date: str | None, month: str, grace_days: int, as_of: str
) -> str | None:
    """on_time / late / short / unpaid for one month as of `as_of`, or None if not (yet)
    judged. A payment after `as_of` is not known yet: judged on the day of a quarter's end, a
    month paid later is the 未缴纳 it was then (so a quarter scores the same before and after
    a later payment is entered — its confirmed snapshot stays true)."""
    if due_fen <= 0:
        return None
    deadline = _deadline(month[:7], grace_days)
    if paid_fen >= due_fen and paid_date and paid_date <= as_of:
        return "on_time" if paid_date <= deadline else "late"
    if deadline > as_of:
        return None  # still time to pay
    if paid_fen >= due_fen:
        return "unpaid"  # paid in full, but only after as_of
    return "short" if paid_fen > 0 else "unpaid"


def dues_fact_date(month: str, kind: str, grace_days: int) -> str:
    """The day a month's dues fact counts on. 按时足额 on the month's first day; 逾期、未足额、
    未缴纳 on the last day to pay (the month's end plus the grace days): the deduction is taken
    when the month was not paid in time — the same day whether the arrears are paid in the
    next quarter or never — so it falls in the quarter that judged it first, and the quarters
    add up to the year (issue 15 item 5)."""
    if kind == "on_time":
        return f"{month[:7]}-01"
    return _deadline(month[:7], grace_days)


@lru_cache(maxsize=1024)
def _deadline(month: str, grace_days: int) -> str:
    """Last day to pay a month's dues on time: the month's end plus the grace days."""
    deadline = last_day(int(month[:4]), int(month[5:7]))
    return add_days(deadline, grace_days) if grace_days else deadline


class ItemIndex:
    """Which items each kind of fact feeds; built once per scheme."""

    def __init__(self, scheme: Scheme) -> None:
        self.items: list[tuple[int, Item]] = []
        self.attendance: dict[tuple[str, str], list[int]] = defaultdict(list)
        self.dues: dict[str, list[int]] = defaultdict(list)
        self.claims: dict[str, int] = {}
        self.by_id: dict[str, int] = {}  # every item, for corrections
        self.auto_ids: set[str] = set()
        self.appraisal: dict[str, list[int]] = defaultdict(list)
        self.pool: dict[int, tuple[int, object]] = {}
        pool_no = 0
        # Items whose points do not depend on the order of facts (no tiers, cap or pool):
        # index → fixed points per occurrence (claims without fixed points use their own).
        self.plain: dict[int, Decimal] = {}
        for s_idx, section in enumerate(scheme.sections):
            by_id: dict[str, int] = {}
            for item in section.items:
                idx = len(self.items)
                self.items.append((s_idx, item))
                by_id[item.id] = idx
                self.by_id[item.id] = idx
                if item.source == "attendance":
                    for t in item.activity_types:
                        for st in item.statuses:
                            self.attendance[(t, st)].append(idx)
                elif item.source == "dues":
                    for kind in item.dues:
                        self.dues[kind].append(idx)
                elif item.source == "claim":
                    self.claims[item.id] = idx
                elif item.source == "appraisal" and item.kind:
                    self.appraisal[item.kind].append(idx)
                if item.source != "claim":
                    self.auto_ids.add(item.id)
            for pool in section.pools:
                for item_id in pool.items:
                    self.pool[by_id[item_id]] = (pool_no, pool)
                pool_no += 1
        for i, (_s, item) in enumerate(self.items):
            if not item.tiers and item.cap is None and i not in self.pool:
                self.plain[i] = item.points or ZERO


_INDEX_CACHE: dict[int, tuple[Scheme, ItemIndex]] = {}


def index_of(scheme: Scheme) -> ItemIndex:
    hit = _INDEX_CACHE.get(id(scheme))
    if hit is not None and hit[0] is scheme:
        return hit[1]
    idx = ItemIndex(scheme)
    if len(_INDEX_CACHE) > 32:
        _INDEX_CACHE.clear()
    _INDEX_CACHE[id(scheme)] = (scheme, idx)
    return idx


class _After:
    """A tiebreak that sorts after any other (a correction follows what it corrects), whatever
    shape the other facts' tiebreaks have."""

    def __lt__(self, other: object) -> bool:
        return False

    def __gt__(self, other: object) -> bool:
        return other is not self

    def __le__(self, other: object) -> bool:
        return other is self

    def __ge__(self, other: object) -> bool:
        return True


AFTER = _After()


# An occurrence: (date, item index, tiebreak, claimed points or None, fact for the text)
Occ = tuple[str, int, tuple, "Decimal | None", object]
# Per sign-in status: (section, the occurrence or None when counted, the count's key).
Hits = dict[str, list[tuple[int, Occ | None, tuple]]]


def gather(
    scheme: Scheme,
    idx: ItemIndex,
    facts: YearFacts,
    activities: dict[str, Activity],
    year: int,
    year_start: str,
    window: Period,
    as_of: str,
    occs: dict[str, dict[int, list[Occ]]],
    notices: dict[str, list[Flag]],
    attended: dict[str, set[int]],
    counts: dict[str, dict[tuple, int]] | None = None,
    explained: Collection[str] = frozenset(),
) -> None:
    """Sort every fact of the year up to the window's end into (member, section) buckets.

    Facts before the window but in the same year are kept: they count towards tiers and
    caps per year (the 5th private leave in Q2 is the 5th of the year).
    With `counts`, plain items are counted, except for the `explained` members: every fact
    of theirs becomes an occurrence, to be explained line by line.
    """
    end = as_of
    att_items = idx.attendance
    # Per activity of the year so far: which items each sign-in status feeds.
    # One pass over the sign-ins: occurrences for the items, the months each member took
    # part in (for veto detection, over every activity given), and a duplicate check.
    # The occurrence tuples do not depend on the member, so they are shared.
    # Without explanations, items whose points do not depend on order ("plain") are only
    # counted per (section, item, month); the others become occurrences walked in order.
    plain = idx.plain if counts is not None else {}
    # A plain count's key: (section, item, the section's period in the window that the month
    # falls in — 0 when the section's period is the window's or longer), as _score_member
    # adds them up; counting per period rather than per month leaves fewer keys to add.
    win_months = PERIOD_MONTHS[window.kind]
    period_key = [
        MONTH_KEYS[sec.period] if PERIOD_MONTHS[sec.period] < win_months else _WHOLE
        for sec in scheme.sections
    ]
    # Per activity: (its month, the hits per status, the same as occurrences for every item —
    # for the explained members — or None when nobody is explained).
    info: dict[str, tuple[int, Hits | None, Hits | None]] = {}
    for act in activities.values():
        hits = every = None
        if year_start <= act.date <= end:
            month = int(act.date[5:7])
            hits = {}
            every = {} if explained else None
            for st in ATTENDANCE_STATUSES:
                row: list[tuple[int, Occ | None, tuple]] = []
                all_occ: list[tuple[int, Occ | None, tuple]] = []
                for i in att_items.get((act.type, st), ()):
                    s_idx = idx.items[i][0]
                    occ = (act.date, i, (act.code,), None, ("att", act, st))
                    if i in plain:
                        if act.date >= window.start:
                            row.append((s_idx, None, (s_idx, i, period_key[s_idx][month])))
                    else:
                        row.append((s_idx, occ, ()))
                    all_occ.append((s_idx, occ, ()))
                hits[st] = row
                if every is not None:
                    every[st] = all_occ
        info[act.code] = (month_number(act.date), hits, every)
    seen: set[tuple[str, str]] = set()
    for a in facts.attendance:
        got = info.get(a.activity)
        if got is None:
            notices[a.member].append(
                Flag("notice", f"签到记录引用了不存在的活动「{a.activity}」，未计分")
            )
            continue
        size = len(seen)
        seen.add((a.activity, a.member))
        if len(seen) == size:
            break  # a duplicate sign-in: start again on the slow, careful path
        if a.status in PRESENT_STATUSES:
            attended[a.member].add(got[0])
        statuses = got[2] if a.member in explained else got[1]
        if statuses is None:
            continue
        hits = statuses.get(a.status)
        if hits:
            for s_idx, occ, key in hits:
                if occ is None:
                    counter = counts[a.member]  # type: ignore[index]
                    counter[key] = counter.get(key, 0) + 1
                else:
                    occs[a.member][s_idx].append(occ)
    else:
        seen.clear()
    if seen:
        occs.clear()
        attended.clear()
        if counts is not None:
            counts.clear()
        for member in list(notices):
            notices[member] = [f for f in notices[member] if "不存在的活动" not in f.text]
        for a in _dedupe_attendance(facts.attendance, activities, notices):
            got = info.get(a.activity)
            if got is None:
                notices[a.member].append(
                    Flag("notice", f"签到记录引用了不存在的活动「{a.activity}」，未计分")
                )
                continue
            if a.status in PRESENT_STATUSES:
                attended[a.member].add(got[0])
            statuses = got[2] if a.member in explained else got[1]
            if statuses is not None:
                for s_idx, occ, key in statuses.get(a.status, ()):
                    if occ is None:
                        counter = counts[a.member]  # type: ignore[index]
                        counter[key] = counter.get(key, 0) + 1
                    else:
                        occs[a.member][s_idx].append(occ)

    grace = scheme.dues_grace_days
    dues_items = {k: [(i, idx.items[i][0]) for i in v] for k, v in idx.dues.items()}
    prefix = f"{year:04d}"
    end_month = end[:7]
    # Per (month, kind): the fact's day and, for each item it feeds, the plain count's key or
    # None for an occurrence (a plain item's count before the window is left out). A year
    # has 12 months and 4 kinds: worked out once, not once per member and month.
    dues_hits: dict[tuple[str, str], tuple[str, list[tuple[int, int, tuple | None]]]] = {}
    deadlines: dict[str, str] = {}
    for d in facts.dues if dues_items else ():
        month = d.month
        if not month.startswith(prefix) or month > end_month:
            continue
        due, paid_fen, paid_date = d.due_fen, d.paid_fen, d.paid_date
        if d.payments:  # a reversal is known from its date, as a payment is
            paid_fen, paid_date = d.standing_as_of(as_of)
            d = replace(d, paid_fen=paid_fen, paid_date=paid_date)  # as explained
        deadline = deadlines.get(month)
        if deadline is None:
            deadline = deadlines[month] = _deadline(month[:7], grace)
        if due > 0 and paid_fen >= due and paid_date and paid_date <= as_of:
            # classify_dues' first case, inline: most months are paid in full
            kind = "on_time" if paid_date <= deadline else "late"
        else:
            kind = classify_dues(due, paid_fen, paid_date, month, grace, as_of)
            if kind is None:
                continue
        got = dues_hits.get((month, kind))
        if got is None:
            date = dues_fact_date(month, kind, grace)
            hits = []
            for i, s_idx in dues_items.get(kind, ()):
                key = None
                if i in plain:
                    key = (s_idx, i, period_key[s_idx][int(date[5:7])])
                    if date < window.start:
                        continue
                hits.append((i, s_idx, key))
            got = dues_hits[month, kind] = (date, hits)
        date, hits = got
        if d.member in explained:  # every item as an occurrence, to be explained
            for i, s_idx in dues_items.get(kind, ()):
                occs[d.member][s_idx].append((date, i, (month,), None, ("dues", d, kind)))
            continue
        for i, s_idx, key in hits:
            if key is not None:
                counter = counts[d.member]  # type: ignore[index]
                counter[key] = counter.get(key, 0) + 1
            else:
                occs[d.member][s_idx].append((date, i, (month,), None, ("dues", d, kind)))

    for c in facts.claims:
        if c.status != APPROVED or c.date < year_start or c.date > end:
            continue
        i = idx.claims.get(c.item)
        if i is None:
            if c.item in idx.auto_ids:
                text = (
                    f"{c.date} 积分申报「{c.item}」是系统按记录自动计分的项目，不接受申报，未计分"
                )
            else:
                text = f"{c.date} 积分申报的项目「{c.item}」不在本方案中，未计分"
            notices[c.member].append(Flag("notice", text))
            continue
        item = idx.items[i][1]
        step = scheme.claim_approval(c.item)
        if step is not None and c.above != "approved":
            # 街道「经党支部研究讨论认定，报党工委审定后确定加分分值」: counted once approved.
            state = "未获批准" if c.above == "refused" else f"待审批（{step.name}）"
            notices[c.member].append(
                Flag(
                    "notice",
                    f"{c.date} 积分申报「{item.name}」{fmt_points(c.points)}分须经{step.by}审定，"
                    f"{state}，未计分",
                )
            )
            continue
        pts = c.points
        if item.points is not None:
            pts = None  # the scheme fixes the value per occurrence
        elif item.range is not None:
            lo, hi = item.range
            if pts < lo or pts > hi:
                clipped = min(max(pts, lo), hi)
                notices[c.member].append(
                    Flag(
                        "notice",
                        f"{c.date} 积分申报「{item.name}」{fmt_points(c.points)}分超出"
                        f"{fmt_points(lo)}至{fmt_points(hi)}分的范围，按{fmt_points(clipped)}分计",
                    )
                )
                pts = clipped
        tb = (c.item, c.points, c.reason)
        occs[c.member][idx.items[i][0]].append((c.date, i, tb, pts, ("claim", c)))

    # Corrections of confirmed facts count like a claim of their own points, on their own date.
    for cr in facts.corrections:
        if cr.date < year_start or cr.date > end:
            continue
        i = idx.by_id.get(cr.item)
        if i is None:
            text = f"{cr.date} 更正的项目「{cr.item}」不在本方案中，未计分"
            notices[cr.member].append(Flag("notice", text))
            continue
        occs[cr.member][idx.items[i][0]].append((cr.date, i, AFTER, cr.points, ("corr", cr)))

    seen_appr: set[tuple[str, int, str, int]] = set()
    combine = scheme.ballots.combine
    combined = _combined(combine, facts.appraisals, year) if combine and combine.item else {}
    for ap in sorted(facts.appraisals, key=lambda a: (a.member, a.year, a.kind, a.round, a.grade)):
        if ap.year != year:
            continue
        for i in idx.appraisal.get(ap.kind, ()):
            s_idx, item = idx.items[i]
            used, why = ap, ""
            if combine is not None and item.id == combine.item:
                # [ballots.combine] item: scored by the 综合评定, not this kind's own grade.
                got = combined.get(ap.member)
                if isinstance(got, str) or got is None:
                    why = got or "没有综合评定"
                    notices[ap.member].append(Flag("notice", f"「{item.name}」{why}，未计分"))
                    continue
                used = replace(ap, kind="综合评定", grade=got.grade)
                why = got.text  # the sum of the parts: the explained grade says its sources
            rp = item.round_period
            count = 12 // PERIOD_MONTHS[rp]
            if not 1 <= ap.round <= count:
                notices[ap.member].append(
                    Flag(
                        "notice",
                        f"{year}年{ap.kind}第{ap.round}轮不在本方案的轮次内"
                        f"（每{PERIOD_WORDS[rp]}一轮，共{count}轮），未计分",
                    )
                )
                continue
            period = make_period(rp, year, ap.round)
            # Counted only when the window covers the whole round's period.
            if period.start < window.start or period.end > window.end or period.end > as_of:
                continue
            key = (ap.member, ap.round, ap.kind, i)
            if key in seen_appr:
                notices[ap.member].append(
                    Flag("notice", f"{year}年{ap.kind}第{ap.round}轮有多条记录，只按一条计分")
                )
                continue
            seen_appr.add(key)
            if used.grade not in (item.grades or {}):
                notices[ap.member].append(Flag("notice", f"未知的评议等次「{used.grade}」，未计分"))
                continue
            pts = (item.grades or {})[used.grade]
            fact = ("appr", used, why) if why else ("appr", used)
            occs[ap.member][s_idx].append((period.end, i, (ap.round,), pts, fact))


def _combined(combine: Any, appraisals: Iterable[Appraisal], year: int) -> dict[str, Any]:
    """Each member's 综合评定 (a Derived), or the text saying which parts still lack a result."""
    from desktop.rules.ballots import combine_grades, combine_missing

    grades: dict[str, dict[tuple[str, int], str]] = defaultdict(dict)
    graded: dict[str, dict[tuple[str, int], str]] = defaultdict(dict)
    for a in appraisals:
        if a.year == year:
            grades[a.member][(a.kind, a.round)] = a.grade
            graded[a.member][(a.kind, a.round)] = graded_words(a.kind, a.graded_by, a.date)
    out: dict[str, Any] = {}
    for member, got in grades.items():
        missing = combine_missing(combine, got)
        out[member] = (
            f"综合评定{'、'.join(missing)}还没有结果"
            if missing
            else combine_grades(combine, got, graded[member])
        )
    return out


# Period index of each calendar month (1-12) per period kind, to skip the arithmetic.
MONTH_KEYS = {kind: (0, *(period_index(kind, m) for m in range(1, 13))) for kind in PERIOD_MONTHS}
_WHOLE = (0,) * 13  # a section scored over the whole window: one period, key 0
_STATUS_RANK = {"出席": 0, "补录": 1, "因公请假": 2, "因私请假": 3, "无故缺席": 4}


def _dedupe_attendance(
    attendance: Iterable[Attendance],
    activities: Mapping[str, Activity],
    notices: dict[str, list[Flag]],
) -> list[Attendance]:
    """One sign-in per (activity, member): keep the best status, tell the user."""
    best: dict[tuple[str, str], Attendance] = {}
    for a in attendance:
        key = (a.activity, a.member)
        prev = best.get(key)
        if prev is None:
            best[key] = a
            continue
        act = activities.get(a.activity)
        when = f"{act.date} {activity_text(act)}" if act else a.activity
        notices[a.member].append(Flag("notice", f"{when} 有多条签到记录，只按一条计分"))
        if _STATUS_RANK.get(a.status, 9) < _STATUS_RANK.get(prev.status, 9):
            best[key] = a
    return list(best.values())


def describe_fact(fact: object) -> str:
    kind = fact[0]  # type: ignore[index]
    if kind == "att":
        _, act, status = fact  # type: ignore[misc]
        return f"{activity_text(act)} {status}"
    if kind == "dues":
        _, d, k = fact  # type: ignore[misc]
        due = f"应缴{d.due_fen / 100:.2f}元"
        paid = f"实缴{d.paid_fen / 100:.2f}元"
        if k == "unpaid" and d.paid_date and d.paid_fen >= d.due_fen:
            # Judged as of a day before the arrears were paid (a quarter's end).
            return f"{d.month}党费逾期未缴清：{due}（{d.paid_date}补交）"
        when = f"（{d.paid_date}缴纳）" if d.paid_date else ""
        return f"{d.month}党费{DUES_KINDS[k]}：{due}，{paid}{when}"
    if kind == "claim":
        _, c = fact  # type: ignore[misc]
        return f"积分申报（已审定）：{c.reason}" if c.reason else "积分申报（已审定）"
    if kind == "corr":
        _, cr = fact  # type: ignore[misc]
        about = f"（更正 {cr.refers_to}）" if cr.refers_to else ""
        return f"更正{about}：{cr.reason}"
    _, ap, *why = fact  # type: ignore[misc]
    if why:  # a 综合评定 ([ballots.combine] item): which grades, weighed how
        return (
            f"{ap.year}年第{ap.round}轮综合评定：{ap.grade}（{why[0].removeprefix('综合评定：')}）"
        )
    graded = graded_words(ap.kind, ap.graded_by, ap.date)  # 自评 / 组织考评: who, when
    return f"{ap.year}年第{ap.round}轮{ap.kind}：{ap.grade}" + (f"（{graded}）" if graded else "")
