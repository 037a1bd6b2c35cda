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
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from desktop.rules.facts import MemberFacts, YearFacts
from desktop.rules.followups import flag_followups
from desktop.rules.periods import PERIOD_MONTHS, Period, period_index, periods_in, window_of
from desktop.rules.rating import rate, share_count, take_with_ties
from desktop.rules.scheme import PERIOD_WORDS, Item, Scheme, Section, fmt_points
from desktop.rules.scheme_model import RESULT_WHEN
from desktop.rules.score_gather import (
    MONTH_KEYS,
    ItemIndex,
    Occ,
    classify_dues,
    describe_fact,
    gather,
    in_branch,
    index_of,
)
from desktop.rules.score_model import (
    CENT,
    FINE,
    ZERO,
    Flag,
    Line,
    MemberResult,
    QuotaUse,
    RatedMember,
    RatingResult,
    ScoreResult,
    q2,
)
from desktop.rules.score_output import (
    explain_text,
    points_json,
    rate_json,
    score_json,
    shown_lines,
)
from desktop.rules.veto_checks import apply_vetoes, detect_vetoes, mobile_checks


def _tier_points(item: Item, n: int) -> Decimal:
    for tier in item.tiers:
        if tier.end is None or n <= tier.end:
            return tier.points
    return item.tiers[-1].points


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
    look_back: bool = True,
) -> ScoreResult:
    window = window_of(year, quarter, half, month)
    as_of = min(as_of or window.end, window.end) if as_of else window.end
    idx = index_of(scheme)
    year_start = f"{year:04d}-01-01"
    activities = {a.code: a for a in facts.activities}
    members = sorted(facts.members, key=lambda m: m.code)

    occs: dict[str, dict[int, list[Occ]]] = defaultdict(lambda: defaultdict(list))
    notices: dict[str, list[Flag]] = defaultdict(list)
    attended: dict[str, set[int]] = defaultdict(set)
    # Plain items are counted, not walked one by one, for every member not explained.
    counts: dict[str, dict[tuple, int]] | None = None if explain is True else defaultdict(dict)
    explained = frozenset(explain) if not isinstance(explain, bool) else frozenset()
    gather(
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
        explained,
    )

    results: list[MemberResult] = []
    start = facts.start if facts.start and facts.start > window.start else None
    plans = _plans(scheme, window, as_of)
    for m in members:
        listed, scored, rated, reasons = _who(scheme, m, window)
        if not listed:
            continue
        if start and start > window.end and scored:
            # The whole period is before the book kept points: no points, not rated.
            scored = rated = False
            reasons = [*reasons, f"本账本自{int(start[:4])}年{int(start[5:7])}月起记分，此前不记分"]
        mr = MemberResult(
            m.code, m.name, m.group, m.status, scored, rated, reasons, {}, ZERO, [], []
        )
        mr.flags.extend(notices.get(m.code, ()))
        if scored:
            plain_counts = counts.get(m.code) if counts is not None else None
            lines_for = explain is True or (not isinstance(explain, bool) and m.code in explain)
            _score_member(
                scheme,
                idx,
                m,
                occs.get(m.code, {}),
                window,
                as_of,
                lines_for,
                mr,
                plain_counts,
                start,
                plans,
            )
            apply_vetoes(scheme, facts, m, window, as_of, lines_for, mr)
        else:
            mr.sections = {s.name: ZERO for s in scheme.sections}
        results.append(mr)

    detect_vetoes(scheme, facts, activities, members, results, as_of, attended)
    mobile_checks(scheme, facts, activities, members, results, window, as_of)
    out = ScoreResult(scheme.id, year, window, as_of, results, quarter, half, month)
    if as_of >= window.end:
        # Follow-ups (警示, 谈话教育 …) judge a finished period, never a running one.
        kind = "month" if month else "half" if half else "quarter" if quarter else "year"
        rated = None
        if (
            scheme.rating is not None
            and scheme.rating.per == kind
            and any(f.when in RESULT_WHEN for f in scheme.followups)
        ):
            rated = {m.code: (m.stars, m.grade) for m in rate(scheme, out).members if m.rated}
        earlier = _earlier_hits(scheme, facts, year, quarter, half, month) if look_back else None
        flag_followups(scheme, results, previous_flags or {}, kind, rated, earlier)
    return out


def _earlier_hits(
    scheme: Scheme,
    facts: YearFacts,
    year: int,
    quarter: int | None,
    half: int | None,
    month: int | None,
) -> list[dict[str, set[str]]] | None:
    """For follow-ups that must hold several periods running (「连续两个季度」): which codes each
    follow-up hit in the preceding windows of the same kind in the year, nearest first."""
    index = quarter or half or month
    need = max((f.periods for f in scheme.followups), default=1) - 1
    if not index or need < 1:
        return None
    out: list[dict[str, set[str]]] = []
    for back in range(1, need + 1):
        p = index - back
        if p < 1:
            break
        prev = _score(
            scheme,
            facts,
            year,
            p if quarter else None,
            p if half else None,
            p if month else None,
            None,
            False,
            None,
            look_back=False,
        )
        hits: dict[str, set[str]] = {}
        for m in prev.members:
            for f in m.flags:
                if f.kind == "followup":
                    hits.setdefault(f.name, set()).add(m.code)
        out.append(hits)
    return out


def _who(scheme: Scheme, m: MemberFacts, window: Period) -> tuple[bool, bool, bool, list[str]]:
    listed = in_branch(m, window)
    who = scheme.who
    reasons: list[str] = []
    if m.status not in who.scored:
        reasons.append(f"{m.status}不参加本方案的积分管理")
        return listed, False, False, reasons
    if m.exempt and not who.score_exempt:
        reasons.append("经本人申请、支部同意并报备，不参加积分管理（年老体弱、患病等）")
        return listed, False, False, reasons
    if who.employment and m.employment is not None and m.employment not in who.employment:
        kinds = "、".join(sorted(who.employment))
        reasons.append(f"党费类别为“{m.employment}”，本方案只对{kinds}党员实行积分管理")
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


class _Plan:
    """What scoring a section needs that is the same for every member of one run."""

    __slots__ = (
        "section",
        "finer",
        "active",
        "divisor",
        "start",
        "lo",
        "hi",
        "idle",
        "labels",
        "full_lines",
        "full_averaged",
    )

    def __init__(self, section: Section, window: Period, as_of: str, partial_all: bool) -> None:
        self.section = section
        self.finer = PERIOD_MONTHS[section.period] < PERIOD_MONTHS[window.kind]
        self.active = _active_periods(section.period, window, as_of, self.finer)
        # 「季度积分之和÷4」 literally (partial_year = "all"): a period the member was not
        # here counts as 0 and still divides; else only the periods he was here divide.
        self.divisor = len(self.active) if partial_all else None
        self.start = section.max if section.mode == "deduct" else ZERO
        # Each period's value is clipped to these (None: no bound).
        self.lo: Decimal | None = ZERO
        self.hi: Decimal | None = section.max
        if section.mode == "adjust":
            self.lo = self.hi = None
        elif section.mode == "accumulate" and not section.capped:
            self.hi = None
        # The section's value when nothing happened in it, for a member here all along.
        self.idle = self.value_without_facts(len(self.active))
        # For explanations: each period's label, and a deducted-from-full section's 满分 line
        # (the same for every member; lines are frozen, so one each is shared).
        self.labels = {k: p.label for k, p in self.active.items()}
        self.full_lines = (
            {
                k: Line(
                    section.name,
                    "满分",
                    p.start,
                    f"{self.labels[k]}「{section.name}」满分{fmt_points(section.max)}分，从满分扣减",
                    section.max,
                    self.labels[k],
                )
                for k, p in self.active.items()
            }
            if section.mode == "deduct"
            else {}
        )
        self.full_averaged: dict[tuple[int, int], Line] = {}  # (period, n) → its share

    def value_without_facts(self, n: int) -> Decimal:
        """Every one of the member's `n` periods at its starting value."""
        section = self.section
        if n and section.combine == "sum" and self.finer:
            return q2(self.start * n)
        if n and self.divisor and self.finer:
            return q2(self.start * n / self.divisor)
        return q2(self.start) if n else ZERO


# Explaining a large branch formats and divides the same few point values again and again.
_fmt = lru_cache(maxsize=4096)(fmt_points)


@lru_cache(maxsize=4096)
def _share(points: Decimal, n: int) -> Decimal:
    """A line's part of an average over `n` periods."""
    return (points / n).quantize(FINE, rounding=ROUND_HALF_UP)


def _averaged(ln: Line, n: int, unit: str) -> Line:
    """A line as it counts in an average over `n` periods (`unit`: 月, 季度 …)."""
    fact = f"{ln.fact}（{_fmt(ln.points)}分÷{n}个{unit}）"
    return Line(ln.section, ln.rule, ln.date, fact, _share(ln.points, n), ln.period)


def _plans(scheme: Scheme, window: Period, as_of: str) -> list[_Plan]:
    partial_all = scheme.partial_year == "all"
    return [_Plan(section, window, as_of, partial_all) for section in scheme.sections]


def _score_member(
    scheme: Scheme,
    idx: ItemIndex,
    m: MemberFacts,
    buckets: Mapping[int, list[Occ]],
    window: Period,
    as_of: str,
    explain: bool,
    mr: MemberResult,
    plain_counts: Mapping[tuple, int] | None = None,
    points_from: str | None = None,
    plans: list[_Plan] | None = None,
) -> None:
    by_section: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
    for (s_idx, i, key_p), n in (plain_counts or {}).items():
        by_section[s_idx].append((i, key_p, n))
    total = ZERO
    last_adjust: str | None = None
    always_in = not m.transferred_in_date and not m.left_date
    for s_idx, plan in enumerate(plans or _plans(scheme, window, as_of)):
        section = plan.section
        finer = plan.finer
        active = plan.active
        divisor = plan.divisor
        if not always_in:
            active = {k: p for k, p in active.items() if in_branch(m, p)}
        if points_from:
            # A book started mid-year: periods wholly before it are left out, so a sum
            # counts the periods kept and an average averages them (docs/schemes.md).
            active = {k: p for k, p in active.items() if p.end >= points_from}
        occ = buckets.get(s_idx)
        counted = by_section.get(s_idx)
        if not occ and not counted and not explain:
            # Nothing happened in this section: every period is at its starting value.
            same = active is plan.active  # here all along: the run's value
            value = plan.idle if same else plan.value_without_facts(len(active))
            mr.sections[section.name] = value
            total += value
            if section.mode == "adjust":
                last_adjust = section.name
            continue
        sums = dict.fromkeys(active, ZERO)
        lines: dict[int, list[Line]] | None = {k: [] for k in active} if explain else None
        if occ:
            hit = _run_section(section, idx, occ, window, finer, sums, lines, plan.labels)
            if hit:
                mr.deducted.add(section.name)
                mr.deducted_items |= hit
        if counted:
            # Counted by gather per (item, the section's period): key_p as below.
            for i, key_p, n in counted:
                if key_p in sums:
                    p = idx.plain[i] * n
                    sums[key_p] += p
                    if p < 0:
                        mr.deducted.add(section.name)
                        mr.deducted_items.add(idx.items[i][1].id)
        # Per period: start value, then clip to the section's bounds.
        values: list[Decimal] = []
        start, lo, hi = plan.start, plan.lo, plan.hi
        for key, period in active.items():
            raw = start + sums[key]
            value = _clamp(raw, lo, hi)
            values.append(value)
            if lines is not None:
                plist = lines[key]
                label = plan.labels[key]
                if section.mode == "deduct":
                    plist.insert(0, plan.full_lines[key])
                if value != raw:
                    if raw < ZERO and section.mode == "deduct":
                        text = "本部分扣完为止，不再扣分"
                    elif raw < ZERO:
                        text = "本部分最低0分，不再扣分"
                    else:
                        text = f"本部分最高{fmt_points(section.max)}分，超出部分不计"
                    plist.append(Line(section.name, text, period.end, text, value - raw, label))
        n = len(values)
        if divisor and n and section.combine == "average" and finer:
            n = divisor
        summed = sum(values, ZERO)
        if n == 0:
            value = ZERO
        elif section.combine == "average" and finer:
            value = q2(summed / n)
        else:
            value = q2(summed)
        if lines is not None:
            if section.combine == "average" and finer and n > 1:
                unit = PERIOD_WORDS[section.period]
                full, shared = plan.full_lines, plan.full_averaged
                flat = []
                for k in active:
                    for ln in lines[k]:
                        if ln is full.get(k):  # the 满分 line: its share is everyone's
                            got = shared.get((k, n))
                            if got is None:
                                got = shared[k, n] = _averaged(ln, n, unit)
                            flat.append(got)
                        else:
                            flat.append(_averaged(ln, n, unit))
                rule = f"{n}个{unit}取平均"
                if divisor and len(values) < divisor:
                    rule = f"各{unit}之和÷{divisor}（在本支部{len(values)}个{unit}）"
            else:
                flat = [ln for k in active for ln in lines[k]]
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
    idx: ItemIndex,
    occ: list[Occ],
    window: Period,
    finer: bool,
    sums: dict[int, Decimal],
    lines: dict[int, list[Line]] | None,
    labels: Mapping[int, str],
) -> set[str]:
    """Walk the section's facts in date order: tiers, item caps, pool caps.

    Returns the ids of the items with a deduction in the window (empty: none)."""
    deducted: set[str] = set()
    items = idx.items
    win_start = window.start
    sec_period = section.period
    if lines is None:
        # Numbers only: items without tiers/caps/pools do not depend on order, so they
        # are simply added up; only the others are walked in date order below.
        plain = idx.plain
        keymap = MONTH_KEYS[sec_period]
        rest: list[Occ] = []
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
                    deducted.add(items[i][1].id)
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
            deducted.add(item.id)
        if lines is not None:
            label = labels[key_p]
            fact_text = describe_fact(fact)
            if n:
                fact_text += f"（本{PERIOD_WORDS[item.per]}第{n}次）"
            lines[key_p].append(Line(section.name, item.name, date, fact_text, p, label))
            for text, diff in clips:
                lines[key_p].append(Line(section.name, text, date, text, diff, label))
    return deducted


__all__ = [
    "CENT",
    "FINE",
    "ZERO",
    "Flag",
    "Line",
    "MemberResult",
    "QuotaUse",
    "RatedMember",
    "RatingResult",
    "ScoreResult",
    "classify_dues",
    "explain_text",
    "points_json",
    "q2",
    "rate",
    "rate_json",
    "score",
    "score_json",
    "shown_lines",
    "share_count",
    "take_with_ties",
]
