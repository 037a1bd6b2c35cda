"""Scoring: facts + scheme → per-member points that explain themselves.

`score` computes section points and totals for a window (a year, or a quarter /
half / month of it), with explanation lines that sum exactly to the total, veto
and follow-up flags, and automatic *suspected* veto detection (never applied: a
person confirms a veto, and only confirmed `Veto` facts have effects).
`rate` turns a score result into stars/grades after thresholds, eligibility and
quotas. Pure Python: no Qt, no SQL.
"""

from __future__ import annotations

import gc
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal
from functools import lru_cache

from desktop.rules.facts import (
    APPROVED,
    ATTENDANCE_STATUSES,
    PRESENT_STATUSES,
    Activity,
    Attendance,
    MemberFacts,
    Veto,
    YearFacts,
)
from desktop.rules.periods import (
    PERIOD_KINDS,
    PERIOD_MONTHS,
    Period,
    add_days,
    last_day,
    make_period,
    month_number,
    month_text,
    period_index,
    periods_in,
    window_of,
)
from desktop.rules.scheme import (
    DUES_KINDS,
    PERIOD_WORDS,
    ROUNDINGS,
    VETO_EFFECTS,
    Item,
    Level,
    Scheme,
    Section,
    fmt_points,
)

ZERO = Decimal(0)
CENT = Decimal("0.01")
FINE = Decimal("0.0001")


# ---------------------------------------------------------------- results


@dataclass(frozen=True, slots=True)
class Line:
    """One explained point: the fact, the rule it fell under, and what it was worth."""

    section: str
    rule: str
    date: str
    fact: str
    points: Decimal
    period: str = ""


@dataclass(frozen=True, slots=True)
class Flag:
    """Something for a person to look at. kind: veto / veto_check / followup / notice."""

    kind: str
    text: str
    name: str = ""


@dataclass(slots=True)
class MemberResult:
    code: str
    name: str
    group: str
    status: str
    scored: bool
    rated: bool
    reasons: list[str]
    sections: dict[str, Decimal]
    total: Decimal
    lines: list[Line]
    flags: list[Flag]
    vetoes: list[Veto] = field(default_factory=list)  # confirmed, dated in the window
    deducted: set[str] = field(default_factory=set)  # sections with any deduction in the window

    @property
    def veto_effects(self) -> set[str]:
        return {f.name for f in self.flags if f.kind == "veto"}


@dataclass(slots=True)
class ScoreResult:
    scheme_id: str
    year: int
    window: Period
    as_of: str
    members: list[MemberResult]
    quarter: int | None = None
    half: int | None = None
    month: int | None = None

    def member(self, code_or_name: str) -> MemberResult | None:
        """By code, else by name if exactly one member has it."""
        for m in self.members:
            if m.code == code_or_name:
                return m
        named = [m for m in self.members if m.name == code_or_name]
        return named[0] if len(named) == 1 else None


@dataclass(slots=True)
class RatedMember:
    code: str
    name: str
    total: Decimal
    rated: bool
    stars: int | None
    grade: str | None
    reasons: list[str]


@dataclass(frozen=True, slots=True)
class QuotaUse:
    level: str
    limit: int | None  # None = no limit
    used: int
    rule: str  # how the limit was computed, in Chinese


@dataclass(slots=True)
class RatingResult:
    scheme_id: str
    year: int
    window: Period
    rated_count: int
    members: list[RatedMember]
    quotas: list[QuotaUse]


# ---------------------------------------------------------------- helpers


def q2(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def _signed(value: Decimal) -> str:
    text = fmt_points(value)
    return text if value < 0 else f"+{text}"


def _activity_text(activity: Activity) -> str:
    title = f"《{activity.title}》" if activity.title else ""
    return f"{activity.type}{title}"


def _tier_points(item: Item, n: int) -> Decimal:
    for tier in item.tiers:
        if tier.end is None or n <= tier.end:
            return tier.points
    return item.tiers[-1].points


def _in_branch(m: MemberFacts, period: Period) -> bool:
    if m.transferred_in_date and m.transferred_in_date > period.end:
        return False
    return not (m.left_date and m.left_date < period.start)


def classify_dues(
    due_fen: int, paid_fen: int, paid_date: str | None, month: str, grace_days: int, as_of: str
) -> str | None:
    """on_time / late / short / unpaid for one month, or None if not (yet) judged."""
    if due_fen <= 0:
        return None
    deadline = _deadline(month[:7], grace_days)
    if paid_fen >= due_fen and paid_date:
        if paid_date > as_of:
            return None
        return "on_time" if paid_date <= deadline else "late"
    if deadline > as_of:
        return None  # still time to pay
    return "short" if paid_fen > 0 else "unpaid"


@lru_cache(maxsize=1024)
def _deadline(month: str, grace_days: int) -> str:
    """Last day to pay a month's dues on time: the month's end plus the grace days."""
    deadline = last_day(int(month[:4]), int(month[5:7]))
    return add_days(deadline, grace_days) if grace_days else deadline


class _Index:
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


_INDEX_CACHE: dict[int, tuple[Scheme, _Index]] = {}


def _index(scheme: Scheme) -> _Index:
    hit = _INDEX_CACHE.get(id(scheme))
    if hit is not None and hit[0] is scheme:
        return hit[1]
    idx = _Index(scheme)
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


_AFTER = _After()


# An occurrence: (date, item index, tiebreak, claimed points or None, fact for the text)
_Occ = tuple[str, int, tuple, "Decimal | None", object]


# ---------------------------------------------------------------- score


def score(
    scheme: Scheme,
    facts: YearFacts,
    year: int,
    quarter: int | None = None,
    *,
    half: int | None = None,
    month: int | None = None,
    as_of: str | None = None,
    explain: bool | Collection[str] = True,
    previous_flags: Mapping[str, Iterable[str]] | None = None,
) -> ScoreResult:
    """Score every member of the branch for a year (or one quarter / half / month).

    as_of: facts dated after it are ignored and dues whose deadline has not passed are
    not judged (default: the end of the window, i.e. the period is over).
    explain=False skips building explanation lines (numbers are identical); a collection of
    member codes builds them only for those members (the 积分明细 of one person).
    previous_flags: last year's follow-up names per member code (for "two years running").
    """
    # Scoring allocates hundreds of thousands of small tuples and no reference cycles;
    # the cyclic garbage collector would rescan them again and again (a third of the time).
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _score(scheme, facts, year, quarter, half, month, as_of, explain, previous_flags)
    finally:
        if enabled:
            gc.enable()


def _score(
    scheme: Scheme,
    facts: YearFacts,
    year: int,
    quarter: int | None,
    half: int | None,
    month: int | None,
    as_of: str | None,
    explain: bool | Collection[str],
    previous_flags: Mapping[str, Iterable[str]] | None,
) -> ScoreResult:
    window = window_of(year, quarter, half, month)
    as_of = min(as_of or window.end, window.end) if as_of else window.end
    idx = _index(scheme)
    year_start = f"{year:04d}-01-01"
    activities = {a.code: a for a in facts.activities}
    members = sorted(facts.members, key=lambda m: m.code)

    occs: dict[str, dict[int, list[_Occ]]] = defaultdict(lambda: defaultdict(list))
    notices: dict[str, list[Flag]] = defaultdict(list)
    attended: dict[str, set[int]] = defaultdict(set)
    counts: dict[str, dict[tuple, int]] | None = (
        None
        if explain is True or (explain and not isinstance(explain, bool))
        else defaultdict(dict)
    )
    _gather(
        scheme,
        idx,
        facts,
        activities,
        year,
        year_start,
        window,
        as_of,
        occs,
        notices,
        attended,
        counts,
    )

    results: list[MemberResult] = []
    for m in members:
        listed, scored, rated, reasons = _who(scheme, m, window)
        if not listed:
            continue
        mr = MemberResult(
            m.code, m.name, m.group, m.status, scored, rated, reasons, {}, ZERO, [], []
        )
        mr.flags.extend(notices.get(m.code, ()))
        if scored:
            plain_counts = counts.get(m.code) if counts is not None else None
            lines_for = explain is True or (not isinstance(explain, bool) and m.code in explain)
            _score_member(
                scheme, idx, m, occs.get(m.code, {}), window, as_of, lines_for, mr, plain_counts
            )
            _apply_vetoes(scheme, facts, m, window, as_of, lines_for, mr)
        else:
            mr.sections = {s.name: ZERO for s in scheme.sections}
        results.append(mr)

    _detect_vetoes(scheme, facts, activities, members, results, as_of, attended)
    _mobile_checks(scheme, facts, activities, members, results, window, as_of)
    if as_of >= window.end:
        # Follow-ups (警示, 谈话教育 …) judge a finished period, never a running one.
        kind = "month" if month else "half" if half else "quarter" if quarter else "year"
        _followups(scheme, results, previous_flags or {}, kind)
    return ScoreResult(scheme.id, year, window, as_of, results, quarter, half, month)


def _who(scheme: Scheme, m: MemberFacts, window: Period) -> tuple[bool, bool, bool, list[str]]:
    listed = _in_branch(m, window)
    who = scheme.who
    reasons: list[str] = []
    if m.status not in who.scored:
        reasons.append(f"{m.status}不参加本方案的积分管理")
        return listed, False, False, reasons
    if m.exempt and not who.score_exempt:
        reasons.append("经本人申请、支部同意并报备，不参加积分管理（年老体弱、患病等）")
        return listed, False, False, reasons
    rated = True
    year = str(window.year)
    if m.status not in who.rated:
        reasons.append(f"{m.status}纳入积分管理，不参加评定")
        rated = False
    if m.leader and not who.rate_leaders:
        reasons.append("党员领导干部纳入积分管理，不参与评星定级")
        rated = False
    if m.joined_date and m.joined_date[:4] == year and not who.rate_joined_this_year:
        reasons.append("当年新发展党员纳入积分管理，不参加评定")
        rated = False
    if (
        m.transferred_in_date
        and m.transferred_in_date[:4] == year
        and not who.rate_transferred_in_this_year
    ):
        reasons.append("当年新转入党员纳入积分管理，不参加评定")
        rated = False
    if m.left_date and m.left_date <= window.end:
        reasons.append(f"已于{m.left_date}离开本支部，不参加评定")
        rated = False
    return listed, True, rated, reasons


def _gather(
    scheme: Scheme,
    idx: _Index,
    facts: YearFacts,
    activities: dict[str, Activity],
    year: int,
    year_start: str,
    window: Period,
    as_of: str,
    occs: dict[str, dict[int, list[_Occ]]],
    notices: dict[str, list[Flag]],
    attended: dict[str, set[int]],
    counts: dict[str, dict[tuple, int]] | None = None,
) -> None:
    """Sort every fact of the year up to the window's end into (member, section) buckets.

    Facts before the window but in the same year are kept: they count towards tiers and
    caps per year (the 5th private leave in Q2 is the 5th of the year).
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
    info: dict[str, tuple[int, dict[str, list[tuple[int, _Occ | None, tuple]]] | None]] = {}
    for act in activities.values():
        hits = None
        if year_start <= act.date <= end:
            month = int(act.date[5:7])
            hits = {}
            for st in ATTENDANCE_STATUSES:
                row: list[tuple[int, _Occ | None, tuple]] = []
                for i in att_items.get((act.type, st), ()):
                    s_idx = idx.items[i][0]
                    if i in plain:
                        if act.date >= window.start:
                            row.append((s_idx, None, (s_idx, i, month)))
                    else:
                        occ = (act.date, i, (act.code,), None, ("att", act, st))
                        row.append((s_idx, occ, ()))
                hits[st] = row
        info[act.code] = (month_number(act.date), hits)
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
        statuses = got[1]
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
            if got[1] is not None:
                for s_idx, occ, key in got[1].get(a.status, ()):
                    if occ is None:
                        counter = counts[a.member]  # type: ignore[index]
                        counter[key] = counter.get(key, 0) + 1
                    else:
                        occs[a.member][s_idx].append(occ)

    grace = scheme.dues_grace_days
    dues_items = {k: [(i, idx.items[i][0]) for i in v] for k, v in idx.dues.items()}
    prefix = f"{year:04d}"
    end_month = end[:7]
    first_days: dict[str, str] = {}
    for d in facts.dues if dues_items else ():
        month = d.month
        if not month.startswith(prefix) or month > end_month:
            continue
        kind = classify_dues(d.due_fen, d.paid_fen, d.paid_date, month, grace, as_of)
        hits = dues_items.get(kind) if kind else None
        if not hits:
            continue
        date = first_days.get(month)
        if date is None:
            date = first_days[month] = f"{month}-01"
        for i, s_idx in hits:
            if i in plain:
                if date >= window.start:
                    counter = counts[d.member]  # type: ignore[index]
                    key = (s_idx, i, int(month[5:7]))
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
        occs[cr.member][idx.items[i][0]].append((cr.date, i, _AFTER, cr.points, ("corr", cr)))

    seen_appr: set[tuple[str, int, str, int]] = set()
    for ap in sorted(facts.appraisals, key=lambda a: (a.member, a.year, a.kind, a.round, a.grade)):
        if ap.year != year:
            continue
        for i in idx.appraisal.get(ap.kind, ()):
            s_idx, item = idx.items[i]
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
            if ap.grade not in (item.grades or {}):
                notices[ap.member].append(Flag("notice", f"未知的评议等次「{ap.grade}」，未计分"))
                continue
            pts = (item.grades or {})[ap.grade]
            occs[ap.member][s_idx].append((period.end, i, (ap.round,), pts, ("appr", ap)))


# Period index of each calendar month (1-12) per period kind, to skip the arithmetic.
_MONTH_KEYS = {kind: (0, *(period_index(kind, m) for m in range(1, 13))) for kind in PERIOD_MONTHS}
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
        when = f"{act.date} {_activity_text(act)}" if act else a.activity
        notices[a.member].append(Flag("notice", f"{when} 有多条签到记录，只按一条计分"))
        if _STATUS_RANK.get(a.status, 9) < _STATUS_RANK.get(prev.status, 9):
            best[key] = a
    return list(best.values())


def _describe(fact: object) -> str:
    kind = fact[0]  # type: ignore[index]
    if kind == "att":
        _, act, status = fact  # type: ignore[misc]
        return f"{_activity_text(act)} {status}"
    if kind == "dues":
        _, d, k = fact  # type: ignore[misc]
        due = f"应缴{d.due_fen / 100:.2f}元"
        paid = f"实缴{d.paid_fen / 100:.2f}元"
        when = f"（{d.paid_date}缴纳）" if d.paid_date else ""
        return f"{d.month}党费{DUES_KINDS[k]}：{due}，{paid}{when}"
    if kind == "claim":
        _, c = fact  # type: ignore[misc]
        return f"积分申报（已审定）：{c.reason}" if c.reason else "积分申报（已审定）"
    if kind == "corr":
        _, cr = fact  # type: ignore[misc]
        about = f"（更正 {cr.refers_to}）" if cr.refers_to else ""
        return f"更正{about}：{cr.reason}"
    _, ap = fact  # type: ignore[misc]
    return f"{ap.year}年第{ap.round}轮{ap.kind}：{ap.grade}"


def _clamp(value: Decimal, lo: Decimal | None, hi: Decimal | None) -> Decimal:
    if lo is not None and value < lo:
        return lo
    if hi is not None and value > hi:
        return hi
    return value


@lru_cache(maxsize=256)
def _active_periods(kind: str, window: Period, as_of: str, finer: bool) -> dict[int, Period]:
    """The section's periods in the window that have begun by as_of (read-only, cached)."""
    return {(p.index if finer else 0): p for p in periods_in(kind, window) if p.start <= as_of}


def _score_member(
    scheme: Scheme,
    idx: _Index,
    m: MemberFacts,
    buckets: Mapping[int, list[_Occ]],
    window: Period,
    as_of: str,
    explain: bool,
    mr: MemberResult,
    plain_counts: Mapping[tuple, int] | None = None,
) -> None:
    win_months = PERIOD_MONTHS[window.kind]
    by_section: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
    for (s_idx, i, month), n in (plain_counts or {}).items():
        by_section[s_idx].append((i, month, n))
    total = ZERO
    last_adjust: str | None = None
    always_in = not m.transferred_in_date and not m.left_date
    for s_idx, section in enumerate(scheme.sections):
        finer = PERIOD_MONTHS[section.period] < win_months
        active = _active_periods(section.period, window, as_of, finer)
        if not always_in:
            active = {k: p for k, p in active.items() if _in_branch(m, p)}
        occ = buckets.get(s_idx)
        counted = by_section.get(s_idx)
        if not occ and not counted and not explain:
            # Nothing happened in this section: every period is at its starting value.
            start = section.max if section.mode == "deduct" else ZERO
            n = len(active)
            if n and section.combine == "sum" and finer:
                value = q2(start * n)
            else:
                value = q2(start) if n else ZERO
            mr.sections[section.name] = value
            total += value
            if section.mode == "adjust":
                last_adjust = section.name
            continue
        sums = dict.fromkeys(active, ZERO)
        lines: dict[int, list[Line]] | None = {k: [] for k in active} if explain else None
        if occ and _run_section(section, idx, occ, window, finer, sums, lines, active):
            mr.deducted.add(section.name)
        if counted:
            keymap = _MONTH_KEYS[section.period]
            for i, month, n in counted:
                key_p = keymap[month] if finer else 0
                if key_p in sums:
                    p = idx.plain[i] * n
                    sums[key_p] += p
                    if p < 0:
                        mr.deducted.add(section.name)
        # Per period: start value, then clip to the section's bounds.
        values: list[Decimal] = []
        for key, period in active.items():
            start = section.max if section.mode == "deduct" else ZERO
            raw = start + sums[key]
            lo: Decimal | None = ZERO
            hi: Decimal | None = section.max
            if section.mode == "adjust":
                lo = hi = None
            elif section.mode == "accumulate" and not section.capped:
                hi = None
            value = _clamp(raw, lo, hi)
            values.append(value)
            if lines is not None:
                plist = lines[key]
                label = period.label
                if section.mode == "deduct":
                    plist.insert(
                        0,
                        Line(
                            section.name,
                            "满分",
                            period.start,
                            f"{label}「{section.name}」满分{fmt_points(section.max)}分，从满分扣减",
                            section.max,
                            label,
                        ),
                    )
                if value != raw:
                    if raw < ZERO and section.mode == "deduct":
                        text = "本部分扣完为止，不再扣分"
                    elif raw < ZERO:
                        text = "本部分最低0分，不再扣分"
                    else:
                        text = f"本部分最高{fmt_points(section.max)}分，超出部分不计"
                    plist.append(Line(section.name, text, period.end, text, value - raw, label))
        n = len(values)
        summed = sum(values, ZERO)
        if n == 0:
            value = ZERO
        elif section.combine == "average" and finer:
            value = q2(summed / n)
        else:
            value = q2(summed)
        if lines is not None:
            flat = [ln for k in active for ln in lines[k]]
            if section.combine == "average" and finer and n > 1:
                unit = PERIOD_WORDS[section.period]
                flat = [
                    Line(
                        ln.section,
                        ln.rule,
                        ln.date,
                        f"{ln.fact}（{fmt_points(ln.points)}分÷{n}个{unit}）",
                        (ln.points / n).quantize(FINE, rounding=ROUND_HALF_UP),
                        ln.period,
                    )
                    for ln in flat
                ]
                rule = f"{n}个{unit}取平均"
            else:
                rule = "保留两位小数"
            diff = value - sum((ln.points for ln in flat), ZERO)
            if diff:
                flat.append(
                    Line(section.name, rule, window.end, f"{rule}，四舍五入到0.01分", diff, "")
                )
            mr.lines.extend(flat)
        mr.sections[section.name] = value
        total += value
        if section.mode == "adjust":
            last_adjust = section.name
    # Whole-score floor / cap (e.g. 机关: 扣分扣完为止 — the total never goes below 0).
    bounded = _clamp(total, scheme.total_floor, scheme.total_cap)
    if bounded != total:
        target = last_adjust or scheme.sections[-1].name
        diff = bounded - total
        mr.sections[target] += diff
        if explain:
            if diff > 0:
                text = f"扣完为止：总分不低于{fmt_points(scheme.total_floor or ZERO)}分"
            else:
                text = f"总分最高{fmt_points(scheme.total_cap or ZERO)}分，超出部分不计"
            mr.lines.append(Line(target, text, window.end, text, diff, ""))
        total = bounded
    mr.total = total


def _run_section(
    section: Section,
    idx: _Index,
    occ: list[_Occ],
    window: Period,
    finer: bool,
    sums: dict[int, Decimal],
    lines: dict[int, list[Line]] | None,
    active: Mapping[int, Period],
) -> bool:
    """Walk the section's facts in date order: tiers, item caps, pool caps.

    Returns whether any deduction fell in the window."""
    deducted = False
    items = idx.items
    win_start = window.start
    sec_period = section.period
    if lines is None:
        # Numbers only: items without tiers/caps/pools do not depend on order, so they
        # are simply added up; only the others are walked in date order below.
        plain = idx.plain
        keymap = _MONTH_KEYS[sec_period]
        rest: list[_Occ] = []
        for o in occ:
            date, i, _tb, claimed, _fact = o
            if i not in plain:
                rest.append(o)
                continue
            if date < win_start:
                continue
            key_p = keymap[int(date[5:7])] if finer else 0
            if key_p in sums:
                p = claimed if claimed is not None else plain[i]
                sums[key_p] += p
                if p < 0:
                    deducted = True
        occ = rest
    occ.sort(key=lambda o: (o[0], o[1], o[2]))
    counts: dict[tuple[int, int], int] = {}
    item_run: dict[tuple[int, int], Decimal] = {}
    pool_run: dict[tuple[int, int], Decimal] = {}
    pools = idx.pool
    for date, i, _tb, claimed, fact in occ:
        item = items[i][1]
        month = int(date[5:7])
        n = 0
        if item.tiers and fact[0] != "corr":  # type: ignore[index]
            # A correction is worth its own points and is not another occurrence.
            key = (i, period_index(item.per, month))
            n = counts.get(key, 0) + 1
            counts[key] = n
            p = _tier_points(item, n)
        elif claimed is not None:
            p = claimed
        else:
            p = item.points or ZERO
        e = p
        clips: list[tuple[str, Decimal]] = []
        if item.cap is not None:
            key = (i, period_index(item.per, month))
            run = item_run.get(key, ZERO)
            new = _clamp(run + e, -item.cap, item.cap)
            item_run[key] = new
            if new != run + e:
                clips.append(
                    (
                        f"「{item.name}」每{PERIOD_WORDS[item.per]}最多计{fmt_points(item.cap)}分，超出部分不计",
                        new - run - e,
                    )
                )
            e = new - run
        pool_hit = pools.get(i)
        if pool_hit is not None:
            pool_no, pool = pool_hit
            key = (pool_no, period_index(pool.per, month))  # type: ignore[attr-defined]
            run = pool_run.get(key, ZERO)
            cap = pool.cap  # type: ignore[attr-defined]
            new = _clamp(run + e, -cap, cap)
            pool_run[key] = new
            if new != run + e:
                clips.append(
                    (
                        f"「{pool.name}」每{PERIOD_WORDS[pool.per]}最多计{fmt_points(cap)}分，"  # type: ignore[attr-defined]
                        "扣完（加满）为止",
                        new - run - e,
                    )
                )
            e = new - run
        if date < win_start:
            continue  # before the window: only feeds counts and caps
        key_p = period_index(sec_period, month) if finer else 0
        if key_p not in sums:
            continue  # a period the member was not in the branch
        sums[key_p] += e
        if e < 0:
            deducted = True
        if lines is not None:
            label = active[key_p].label
            fact_text = _describe(fact)
            if n:
                fact_text += f"（本{PERIOD_WORDS[item.per]}第{n}次）"
            lines[key_p].append(Line(section.name, item.name, date, fact_text, p, label))
            for text, diff in clips:
                lines[key_p].append(Line(section.name, text, date, text, diff, label))
    return deducted


def _apply_vetoes(
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


def _detect_vetoes(
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


def _mobile_checks(
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
                if p.end > as_of or not _in_branch(m, p):
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


# ---------------------------------------------------------------- follow-ups and quotas


def share_count(share: Decimal, n: int, rounding: str) -> int:
    mode = {"floor": ROUND_FLOOR, "round": ROUND_HALF_UP, "ceil": ROUND_CEILING}[rounding]
    return int((share * n).quantize(Decimal(1), rounding=mode))


def take_with_ties(ranked: list, limit: int, key) -> list:  # type: ignore[no-untyped-def]
    """The first `limit` of `ranked` (best first); if members tied on `key` straddle the
    boundary, none of the tied group is taken (the quota is never exceeded and never
    decided arbitrarily). See docs/schemes.md "同分规则"."""
    if limit <= 0:
        return []
    if len(ranked) <= limit:
        return list(ranked)
    boundary = key(ranked[limit - 1])
    if key(ranked[limit]) != boundary:
        return ranked[:limit]
    return [r for r in ranked[:limit] if key(r) != boundary]


def _tie_note(
    member: MemberResult,
    pool: list[MemberResult],
    rank: int,
    label: str,
    limit: int,
    taken: int,
    next_level: bool,
) -> str:
    """Why a member tied at the quota boundary gets no place at this level, in plain words:
    "与李四、王五并列（同为95分，并列第3名），四星级名额3名只剩2名，名额不足，按方案规定
    （同分规则）均不评四星级，参加下一档评定"."""
    others = [p.name or p.code for p in pool if p.total == member.total and p is not member]
    room = f"{limit}名只剩{limit - taken}名" if taken else f"只有{limit}名"
    note = (
        f"与{'、'.join(others)}并列（同为{fmt_points(member.total)}分，并列第{rank}名），"
        f"{label}名额{room}，名额不足，按方案规定（同分规则）均不评{label}"
    )
    return note + ("，参加下一档评定" if next_level else "")


def _compare(a: Decimal, op: str, b: Decimal) -> bool:
    return {">": a > b, ">=": a >= b, "<": a < b, "<=": a <= b}[op]


def _followups(
    scheme: Scheme,
    results: list[MemberResult],
    previous: Mapping[str, Iterable[str]],
    window_kind: str = "year",
) -> None:
    rounding = scheme.rating.rounding if scheme.rating else "floor"
    ranked_pool = [r for r in results if r.scored and r.rated and "exclude" not in r.veto_effects]
    # A score line (“70 分以下谈话教育”) judges only a period that holds the parts it reads:
    # a quarter of a scheme with yearly parts (年终评议) can reach 70 of 100 at most.
    span = PERIOD_KINDS.index(window_kind)
    whole = all(PERIOD_KINDS.index(s.period) <= span for s in scheme.sections)
    for f in scheme.followups:
        text = f"{f.name}：{f.note}" if f.note else f.name
        hits: list[MemberResult] = []
        if f.when == "section" and f.section:
            section = next((s for s in scheme.sections if s.name == f.section), None)
            if section is not None and PERIOD_KINDS.index(section.period) > span:
                continue
        elif f.when in ("total", "cleared") and not whole:
            continue
        if f.when in ("total", "section", "cleared"):
            for r in results:
                if not r.scored:
                    continue
                if f.when == "total" and f.value is not None:
                    ok = _compare(r.total, f.op, f.value)
                elif f.when == "section" and f.value is not None and f.section:
                    ok = _compare(r.sections.get(f.section, ZERO), f.op, f.value)
                else:
                    ok = r.total == 0
                if ok:
                    hits.append(r)
        elif f.when in ("top_share", "bottom_share") and f.share is not None:
            n = share_count(f.share, len(ranked_pool), rounding)
            ordered = sorted(
                ranked_pool,
                key=lambda r: (-r.total, r.code) if f.when == "top_share" else (r.total, r.code),
            )
            hits = take_with_ties(ordered, n, lambda r: r.total)
            if f.requires_clean_section:
                hits = [r for r in hits if f.requires_clean_section not in r.deducted]
        elif f.when == "repeated" and f.of:
            for r in results:
                if any(x.kind == "followup" and x.name == f.of for x in r.flags) and f.of in set(
                    previous.get(r.code, ())
                ):
                    hits.append(r)
        for r in hits:
            r.flags.append(Flag("followup", text, f.name))


def _level_allowed(level: Level, max_stars: int | None, denied: set[str]) -> bool:
    if max_stars is not None and level.stars is not None and level.stars > max_stars:
        return False
    return not (level.grade and level.grade in denied)


def rate(scheme: Scheme, result: ScoreResult) -> RatingResult:
    """Stars / grades for the scored window after thresholds, eligibility and quotas.

    Quotas are shares of the rated members (those scored, rated and not excluded by a
    veto), rounded by the scheme's rule; ties at a quota boundary: see take_with_ties.
    """
    rating = scheme.rating
    out: dict[str, RatedMember] = {}
    candidates: list[MemberResult] = []
    for r in result.members:
        rm = RatedMember(r.code, r.name, r.total, False, None, None, list(r.reasons))
        out[r.code] = rm
        if not r.scored or not r.rated:
            continue
        effects = r.veto_effects
        if "exclude" in effects:
            rm.reasons.append("一票否决：不参与评星定级和评定等次")
            continue
        if rating is None:
            rm.rated = True
            rm.reasons.append("本方案不评星级、等次")
            continue
        if "force_1_star" in effects:
            rm.rated = True
            rm.stars = 1
            rm.grade = next((lv.grade for lv in rating.levels if lv.stars == 1), "不合格")
            rm.reasons.append("一票否决：直接评为一星级")
            continue
        rm.rated = True
        candidates.append(r)
    quotas: list[QuotaUse] = []
    n = len(candidates)
    if rating is not None and rating.levels:
        potential: dict[str, tuple[int | None, set[str]]] = {}
        caps: dict[str, tuple[int | None, set[str]]] = {}
        for r in candidates:
            max_stars: int | None = None
            denied: set[str] = set()
            rm = out[r.code]
            for e in rating.eligibility:
                sub = sum((r.sections.get(s, ZERO) for s in e.sections), ZERO)
                if sub < e.below:
                    if e.max_stars is not None:
                        max_stars = (
                            e.max_stars if max_stars is None else min(max_stars, e.max_stars)
                        )
                    denied |= e.deny_grades
                    rm.reasons.append(
                        e.reason
                        or f"{'、'.join(e.sections)}合计{fmt_points(sub)}分，低于{fmt_points(e.below)}分"
                    )
            caps[r.code] = (max_stars, denied)
            first = next((i for i, lv in enumerate(rating.levels) if r.total >= lv.min), None)
            potential[r.code] = (first, denied)
        assigned: dict[str, int] = {}
        for i, level in enumerate(rating.levels):
            pool = [
                r
                for r in candidates
                if r.code not in assigned
                and potential[r.code][0] is not None
                and potential[r.code][0] <= i  # type: ignore[operator]
                and _level_allowed(level, *caps[r.code])
            ]
            pool.sort(key=lambda r: (-r.total, r.code))
            limit: int | None = None
            rule = "不限名额"
            if level.quota is not None:
                limit = share_count(level.quota, n, rating.rounding)
                rule = f"{n}人×{fmt_points(level.quota * 100)}%，{ROUNDINGS[rating.rounding]}得{limit}名"
                if (
                    level.small_branch_below is not None
                    and n < level.small_branch_below
                    and limit < level.small_branch_count
                ):
                    limit = level.small_branch_count
                    rule += f"；参评不足{level.small_branch_below}人，可评{limit}名"
            chosen = pool if limit is None else take_with_ties(pool, limit, lambda r: r.total)
            chosen_codes = {r.code for r in chosen}
            for r in chosen:
                assigned[r.code] = i
            if limit is not None and len(pool) > len(chosen):
                tied = len(chosen) < limit and len(pool) > limit
                for r in pool:
                    if r.code in chosen_codes:
                        continue
                    boundary = pool[limit - 1].total
                    if tied and r.total == boundary:
                        rank = 1 + sum(1 for c in candidates if c.total > r.total)
                        more = i + 1 < len(rating.levels)
                        note = _tie_note(r, pool, rank, level.label, limit, len(chosen), more)
                    elif tied:  # places left open by the tie are not passed further down
                        note = (
                            f"{level.label}名额{limit}名，排在同分并列的"
                            f"{fmt_points(boundary)}分者之后，不评{level.label}"
                        )
                    elif limit == 0:
                        note = f"{level.label}没有名额（{rule}）"
                    else:
                        note = f"{level.label}名额{limit}名已满"
                    out[r.code].reasons.append(note)
            quotas.append(QuotaUse(level.label, limit, len(chosen), rule))
        for r in candidates:
            rm = out[r.code]
            if r.code in assigned:
                lv = rating.levels[assigned[r.code]]
                rm.stars, rm.grade = lv.stars, lv.grade
                rm.reasons.append(
                    f"总分{fmt_points(r.total)}分，达到{lv.label}分数线{fmt_points(lv.min)}分"
                )
            else:
                lowest = rating.levels[-1]
                if r.total < lowest.min:
                    rm.reasons.append(
                        f"总分{fmt_points(r.total)}分，未达到最低分数线{fmt_points(lowest.min)}分"
                    )
                else:
                    rm.reasons.append("不符合任何一档的条件或名额")
    return RatingResult(scheme.id, result.year, result.window, n, list(out.values()), quotas)


# ---------------------------------------------------------------- output helpers


def explain_text(member: MemberResult) -> str:
    """The member's explanation, one line per point, for `pioneer explain`."""
    out = [f"{member.name}（{member.code}）"]
    if not member.scored:
        out.extend(f"  {r}" for r in member.reasons)
        return "\n".join(out)
    current = None
    for ln in member.lines:
        if ln.section != current:
            current = ln.section
            out.append(f"【{current}】{fmt_points(member.sections.get(current, ZERO))}分")
        out.append(f"  {ln.date}  {ln.fact}  ——{ln.rule}  {_signed(ln.points)}")
    out.append(f"合计 {fmt_points(member.total)}分")
    for f in member.flags:
        out.append(f"※ {f.text}")
    for r in member.reasons:
        out.append(f"※ {r}")
    return "\n".join(out)


def points_json(value: Decimal) -> str:
    """Points in JSON: a decimal string exact to 0.01 (e.g. "92.50")."""
    return str(q2(value))


def score_json(result: ScoreResult) -> dict[str, object]:
    """The `pioneer score --json` document (CONTRACT.md)."""
    return {
        "year": result.year,
        "quarter": result.quarter,
        "scheme": result.scheme_id,
        "members": [
            {
                "code": m.code,
                "name": m.name,
                "total": points_json(m.total),
                "sections": {k: points_json(v) for k, v in m.sections.items()},
                "scored": m.scored,
                "rated": m.rated,
                "reasons": list(m.reasons),
                "flags": [f.text for f in m.flags],
            }
            for m in result.members
        ],
    }


def rate_json(rating: RatingResult) -> dict[str, object]:
    """The `pioneer rate --json` document (CONTRACT.md)."""
    return {
        "year": rating.year,
        "members": [
            {
                "code": m.code,
                "name": m.name,
                "total": points_json(m.total),
                "stars": m.stars,
                "grade": m.grade,
                "reasons": list(m.reasons),
            }
            for m in rating.members
        ],
    }
