"""What follows from meetings and attendance: pure rules, no Qt, no SQL.

- the reminder ladder of the rural 细则 (first unexcused absence → 提醒, second → 警戒书);
- leave over the scheme's allowance (the first tier of a tiered leave item);
- the minimum participation of 流动党员 (省内 ≥1 a quarter, 省外 ≥2 a year);
- 6 months without party life: detected by the scoring engine (`score`), only picked out here;
- the year's plan (行事历) generated from a template, with its due/done/overdue state.
"""

from __future__ import annotations

import calendar
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from desktop.rules.facts import ACTIVITY_TYPES, PRESENT_STATUSES
from desktop.rules.periods import add_days, make_period, period_of
from desktop.rules.scheme import Scheme, fmt_points
from desktop.rules.scoring import ScoreResult

# -- the reminder ladder -------------------------------------------------------------------

REMINDER = "提醒"
WARNING = "警戒书"
NOTICE_KINDS = (REMINDER, WARNING)
UNEXCUSED = "无故缺席"
LEAVE_STATUSES = ("因公请假", "因私请假")
# The meetings a member is expected at: 三会一课, 主题党日 and the yearly meetings.
PARTY_LIFE_TYPES = frozenset(
    {"支部党员大会", "支委会", "党小组会", "党课", "主题党日", "组织生活会", "民主评议"}
)


@dataclass(frozen=True, slots=True)
class Absence:
    """One unexcused absence of a member from a meeting."""

    member: str  # member code
    name: str
    activity: str  # activity code
    date: str
    label: str  # e.g. "主题党日《学习党章》"


@dataclass(frozen=True, slots=True)
class NoticeDue:
    """A notice the ladder calls for: the n-th unexcused absence of the year."""

    member: str
    name: str
    kind: str  # 提醒 / 警戒书
    nth: int
    absence: Absence
    issued: bool  # a notice of this kind for this absence is already on record

    @property
    def reason(self) -> str:
        a = self.absence
        return f"{a.date} {a.label}无故缺席（本年度第{self.nth}次）"


def ladder_kind(nth: int) -> str:
    """The notice for the n-th unexcused absence in a year: 1st → 提醒, 2nd and later → 警戒书."""
    if nth < 1:
        raise ValueError("nth counts from 1")
    return REMINDER if nth == 1 else WARNING


def notices_due(
    absences: Iterable[Absence], issued: Iterable[tuple[str, str, str]] = ()
) -> list[NoticeDue]:
    """The ladder over a year's unexcused absences.

    absences: every unexcused absence of the year (any order). issued: (member, kind,
    activity code) of notices already recorded. Returns one entry per absence, in date order
    per member, marked `issued` when the notice is on record.
    """
    done = set(issued)
    by_member: dict[str, list[Absence]] = defaultdict(list)
    for a in absences:
        by_member[a.member].append(a)
    out: list[NoticeDue] = []
    for code in sorted(by_member):
        for nth, a in enumerate(sorted(by_member[code], key=lambda x: (x.date, x.activity)), 1):
            kind = ladder_kind(nth)
            out.append(NoticeDue(code, a.name, kind, nth, a, (code, kind, a.activity) in done))
    return out


# -- leave over the scheme's allowance -------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Leave:
    member: str
    date: str
    status: str  # 因公请假 / 因私请假
    activity_type: str


@dataclass(frozen=True, slots=True)
class LeaveOver:
    """A member's leave of one kind beyond the allowance the scheme sets for a period."""

    member: str
    item: str  # the scheme item's name
    period: str  # e.g. "2026年"
    allowance: int
    count: int
    dates_over: tuple[str, ...]  # the leaves beyond the allowance
    points_each: str  # the deduction per leave beyond, as text

    @property
    def text(self) -> str:
        return (
            f"{self.period}{self.item}{self.count}次，超过方案允许的{self.allowance}次"
            f"（超出的{len(self.dates_over)}次每次{self.points_each}分：{'、'.join(self.dates_over)}）"
        )


def leave_allowances(scheme: Scheme) -> list[tuple[str, frozenset[str], frozenset[str], int, str]]:
    """(item name, statuses, activity types, allowance, period) for every tiered leave item.

    The allowance is where the first tier ends: 因公请假 "6次及以下不扣分" → 6,
    因私请假 "4次及以下每次扣1分，4次以上每次扣2分" → 4. Items with flat points have none.
    """
    out = []
    for section in scheme.sections:
        for item in section.items:
            if item.source != "attendance" or len(item.tiers) < 2:
                continue
            if not item.statuses or not item.statuses <= set(LEAVE_STATUSES):
                continue
            end = item.tiers[0].end
            if end is None:
                continue
            out.append((item.name, item.statuses, item.activity_types, end, item.per))
    return out


def leave_over_allowance(scheme: Scheme, leaves: Iterable[Leave]) -> list[LeaveOver]:
    """Members whose leave of a kind went past the scheme's allowance in one of its periods."""
    rules = leave_allowances(scheme)
    if not rules:
        return []
    items = {}
    for section in scheme.sections:
        for item in section.items:
            items[item.name] = item
    out: list[LeaveOver] = []
    ordered = sorted(leaves, key=lambda lv: (lv.member, lv.date))
    for name, statuses, types, allowance, per in rules:
        counts: dict[tuple[str, str], list[str]] = defaultdict(list)
        for lv in ordered:
            if lv.status in statuses and (not types or lv.activity_type in types):
                counts[(lv.member, period_of(per, lv.date).label)].append(lv.date)
        beyond = items[name].tiers[1].points
        for (member, label), dates in sorted(counts.items()):
            if len(dates) > allowance:
                out.append(
                    LeaveOver(
                        member,
                        name,
                        label,
                        allowance,
                        len(dates),
                        tuple(dates[allowance:]),
                        fmt_points(beyond) if beyond else "不扣",
                    )
                )
    return out


# -- 流动党员 minimum participation -----------------------------------------------------------

MOBILE_MINIMUM = {"省内": ("quarter", 1), "省外": ("year", 2)}


def mobile_minimum(scheme: Scheme) -> dict[str, tuple[str, int]]:
    """The year scheme's [mobile] minimums (0 or absent = the plan sets none, nothing judged)."""
    out: dict[str, tuple[str, int]] = {}
    if scheme.mobile_in_province_per_quarter:
        out["省内"] = ("quarter", scheme.mobile_in_province_per_quarter)
    if scheme.mobile_out_of_province_per_year:
        out["省外"] = ("year", scheme.mobile_out_of_province_per_year)
    return out


@dataclass(frozen=True, slots=True)
class MobileShortfall:
    member: str
    scope: str
    period: str  # e.g. "2026年第1季度"
    needed: int
    got: int
    final: bool  # the period has ended (False: still running, a warning in advance)

    @property
    def text(self) -> str:
        rule = (
            f"省内流动党员每季度至少参加{self.needed}次"
            if self.scope == "省内"
            else f"省外流动党员每年至少参加{self.needed}次"
        )
        state = "" if self.final else "（期间未结束，请提醒）"
        return f"{self.period}参加组织生活{self.got}次，{rule}{state}"


def mobile_shortfalls(
    member: str,
    scope: str | None,
    present_dates: Iterable[str],
    year: int,
    as_of: str,
    *,
    since: str | None = None,
    minimum: Mapping[str, tuple[str, int]] | None = None,
) -> list[MobileShortfall]:
    """Periods of `year` up to `as_of` in which a 流动党员 took part less than required.

    present_dates: dates of the member's 出席/补录 (at this branch or reported by the host
    organisation). A period still running is reported only in its last month (as a warning).
    since: the day the member became mobile (periods ending before it are not judged).
    minimum: scope → (period kind, times), the year scheme's [mobile] (mobile_minimum);
    default MOBILE_MINIMUM.
    """
    minimum = MOBILE_MINIMUM if minimum is None else minimum
    if scope not in minimum:
        return []
    kind, needed = minimum[scope]
    dates = [d for d in present_dates if d[:4] == str(year)]
    out = []
    count = 4 if kind == "quarter" else 1
    for index in range(1, count + 1):
        period = make_period(kind, year, index)
        if period.start > as_of or (since and period.end < since):
            continue
        got = sum(1 for d in dates if period.start <= d <= period.end)
        final = period.end <= as_of
        last_month_started = as_of >= period.end[:8] + "01"
        if got < needed and (final or last_month_started):
            out.append(MobileShortfall(member, scope, period.label, needed, got, final))
    return out


# -- 6 months without party life -----------------------------------------------------------


def party_life_alerts(result: ScoreResult) -> list[tuple[str, str, str]]:
    """(code, name, text) of members the scoring engine flagged for 6 months without party life.

    The detection lives in `desktop.rules.scoring` (veto checks); this only picks it out.
    """
    return [
        (m.code, m.name, f.text)
        for m in result.members
        for f in m.flags
        if f.kind == "veto_check" and f.name == "no_party_life"
    ]


def is_present(status: str) -> bool:
    return status in PRESENT_STATUSES


# -- the year's plan ----------------------------------------------------------------------

FREQUENCIES = {"monthly": "每月", "quarterly": "每季度", "yearly": "每年"}
PLAN_STATES = {"done": "已完成", "overdue": "已逾期", "due": "近期待办", "planned": "计划中"}
DUE_SOON_DAYS = 14


@dataclass(frozen=True, slots=True)
class PlanTemplate:
    """One recurring activity of the branch's year.

    month: yearly → the month (1-12); quarterly → the month within the quarter (1-3);
    monthly → unused. per_group: one item per 党小组 (党小组会).
    """

    type: str
    frequency: str
    day: int = 10
    month: int | None = None
    topic: str = ""
    per_group: bool = False


@dataclass(frozen=True, slots=True)
class PlanEntry:
    type: str
    due_date: str
    topic: str = ""
    group: str = ""


DEFAULT_TEMPLATES: tuple[PlanTemplate, ...] = (
    PlanTemplate("支委会", "monthly", 3, topic="研究当月党建工作"),
    PlanTemplate("主题党日", "monthly", 10, topic="主题党日活动"),
    PlanTemplate("集中学习", "monthly", 15, topic="集中学习"),
    PlanTemplate("党课", "quarterly", 20, month=1, topic="书记讲党课"),
    PlanTemplate("党小组会", "quarterly", 24, month=1, topic="党小组学习会", per_group=True),
    PlanTemplate("组织生活会", "yearly", 16, month=1, topic="上年度组织生活会"),
    PlanTemplate("民主评议", "yearly", 17, month=1, topic="上年度民主评议党员"),
)


def check_template(t: PlanTemplate) -> list[str]:
    """Problems with one template row, in Chinese (empty when fine)."""
    problems = []
    if t.type not in ACTIVITY_TYPES:
        problems.append(f"活动类型“{t.type}”不认识，应为：{'、'.join(ACTIVITY_TYPES)}。")
    if t.frequency not in FREQUENCIES:
        problems.append(f"频次“{t.frequency}”不认识，应为每月、每季度或每年。")
    if not 1 <= t.day <= 31:
        problems.append(f"日期应为 1 到 31 日，不是 {t.day}。")
    if t.frequency == "yearly" and not (t.month and 1 <= t.month <= 12):
        problems.append("每年一次的活动须指定月份（1 到 12）。")
    if t.frequency == "quarterly" and not (t.month and 1 <= t.month <= 3):
        problems.append("每季度一次的活动须指定是季度中的第几个月（1 到 3）。")
    return problems


def _day(year: int, month: int, day: int) -> str:
    # A template's 31st falls on the month's last day in shorter months.
    return f"{year:04d}-{month:02d}-{min(day, calendar.monthrange(year, month)[1]):02d}"


def generate_plan(
    templates: Sequence[PlanTemplate], year: int, groups: Sequence[str] = (), from_month: int = 1
) -> list[PlanEntry]:
    """The year's plan from the template, in date order. Per-group items need `groups`.
    Items due before `from_month` are left out (a branch that starts keeping its plan in
    November has no plan for January to October: nothing there is "overdue")."""
    out: list[PlanEntry] = []
    for t in templates:
        problems = check_template(t)
        if problems:
            raise ValueError("；".join(problems))
        if t.frequency == "monthly":
            months = list(range(1, 13))
        elif t.frequency == "quarterly":
            months = [q * 3 + (t.month or 1) for q in range(4)]
        else:
            months = [t.month or 1]
        for month in months:
            if month < from_month:
                continue
            when = _day(year, month, t.day)
            if t.per_group:
                out.extend(PlanEntry(t.type, when, t.topic, g) for g in groups)
            else:
                out.append(PlanEntry(t.type, when, t.topic))
    # Groups in the order given (the book's 党小组 order), not by code point (一 < 三 < 二).
    rank = {g: i for i, g in enumerate(groups)}
    out.sort(key=lambda e: (e.due_date, ACTIVITY_TYPES.index(e.type), rank.get(e.group, -1)))
    return out


def plan_state(due_date: str, done: bool, today: str) -> str:
    """done / overdue (past due, not done) / due (within two weeks) / planned."""
    if done:
        return "done"
    if due_date < today:
        return "overdue"
    if due_date <= add_days(today, DUE_SOON_DAYS):
        return "due"
    return "planned"


def match_plan_item(
    items: Sequence[Mapping[str, object]], activity_type: str, activity_date: str, group: str = ""
) -> Mapping[str, object] | None:
    """The open plan item an activity fulfils: same type (and group), nearest due date in the
    same month; a quarterly item also within its quarter, a yearly one within its year.

    items: the year's plan rows (done ones too) with type, due_date, group_name and
    activity_id (None when open).
    """
    same = [
        i
        for i in items
        if i["type"] == activity_type
        and (not group or i.get("group_name", "") in ("", group))
        and str(i["due_date"])[:4] == activity_date[:4]
    ]
    open_items = [i for i in same if not i.get("activity_id")]
    if not open_items:
        return None
    # How far an activity may stray from the due date depends on how often the item recurs:
    # a monthly item only within its month, a quarterly one its quarter, a yearly one its year.
    per_group = [i for i in same if i.get("group_name", "") == (group or i.get("group_name", ""))]
    n = len(per_group) if group else len(same)
    kinds = (
        ["month"] if n >= 12 else ["month", "quarter"] if n >= 4 else ["month", "quarter", "year"]
    )
    for kind in kinds:
        p = period_of(kind, activity_date)
        inside = [i for i in open_items if p.start <= str(i["due_date"]) <= p.end]
        if inside:
            return min(
                inside, key=lambda i: abs(_ordinal(str(i["due_date"])) - _ordinal(activity_date))
            )
    return None


def _ordinal(iso: str) -> int:
    y, m, d = int(iso[:4]), int(iso[5:7]), int(iso[8:10])
    return y * 372 + m * 31 + d
