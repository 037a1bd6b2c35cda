"""Properties that hold for any facts: bounds, caps, quotas, order independence, exact sums."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rules_testkit import lines_sum

from desktop.rules.facts import (
    ACTIVITY_TYPES,
    APPRAISAL_GRADES,
    APPRAISAL_KINDS,
    ATTENDANCE_STATUSES,
    Activity,
    Appraisal,
    Attendance,
    Claim,
    DuesMonth,
    MemberFacts,
    Veto,
    YearFacts,
)
from desktop.rules.presets import list_presets, load_preset
from desktop.rules.scheme import load_scheme
from desktop.rules.score_gather import classify_dues
from desktop.rules.scoring import rate, score, share_count

PRESETS = {pid: load_preset(pid) for pid, _ in list_presets()}
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

dates = st.builds(lambda m, d: f"2026-{m:02d}-{d:02d}", st.integers(1, 12), st.integers(1, 28))
halves = st.decimals(-20, 20, places=1, allow_nan=False, allow_infinity=False)


@st.composite
def branches(draw: st.DrawFn, scheme_id: str) -> YearFacts:
    scheme = PRESETS[scheme_id]
    claim_items = [i for s in scheme.sections for i in s.items if i.source == "claim"]
    n = draw(st.integers(1, 14))
    members = []
    for i in range(n):
        code = f"{i:03d}"
        members.append(
            MemberFacts(
                code,
                f"党员{i}",
                draw(st.sampled_from(["正式党员", "正式党员", "预备党员", "入党积极分子"])),
                leader=draw(st.booleans()) and draw(st.booleans()),
                transferred_in_date=draw(st.none() | dates) if draw(st.booleans()) else None,
            )
        )
    codes = [m.code for m in members]
    acts = [
        Activity(f"A{k:03d}", draw(dates), draw(st.sampled_from(ACTIVITY_TYPES)), "")
        for k in range(draw(st.integers(0, 12)))
    ]
    attendance = [
        Attendance(a.code, c, draw(st.sampled_from(ATTENDANCE_STATUSES)))
        for a in acts
        for c in codes
        if draw(st.booleans())
    ]
    dues = []
    for c in codes:
        for month in draw(st.sets(st.integers(1, 12), max_size=6)):
            due = draw(st.integers(0, 500))
            paid = draw(st.sampled_from([0, due // 2, due]))
            when = draw(dates) if paid else None
            dues.append(DuesMonth(c, f"2026-{month:02d}", due, paid, when))
    claims = []
    for _ in range(draw(st.integers(0, 3 * n))) if claim_items else ():
        item = draw(st.sampled_from(claim_items))
        points = draw(halves)
        claims.append(
            Claim(
                draw(st.sampled_from(codes)),
                draw(dates),
                item.id,
                points,
                "",
                draw(st.sampled_from(["审定", "审定", "初评"])),
            )
        )
    appraisals = [
        Appraisal(
            2026,
            draw(st.integers(1, 2)),
            draw(st.sampled_from(APPRAISAL_KINDS)),
            c,
            draw(st.sampled_from(APPRAISAL_GRADES)),
        )
        for c in codes
        if draw(st.booleans())
    ]
    vetoes = [
        Veto(c, draw(dates), "处分", draw(st.sampled_from(["支委会", ""])))
        for c in codes
        if draw(st.integers(0, 9)) == 0
    ]
    return YearFacts.of(members, acts, attendance, dues, claims, appraisals, vetoes)


preset_and_facts = st.sampled_from(sorted(PRESETS)).flatmap(
    lambda pid: st.tuples(st.just(pid), branches(pid))
)
windows = st.sampled_from([None, 1, 2, 3, 4])


@SETTINGS
@given(preset_and_facts, windows)
def test_sections_within_bounds_and_lines_sum_to_total(case, quarter) -> None:  # type: ignore[no-untyped-def]
    pid, facts = case
    scheme = PRESETS[pid]
    result = score(scheme, facts, 2026, quarter)
    for m in result.members:
        assert lines_sum(m) == m.total, (m.code, m.lines)
        assert sum(m.sections.values(), Decimal(0)) == m.total
        for section in scheme.sections:
            value = m.sections[section.name]
            if section.mode == "deduct" or (section.mode == "accumulate" and section.capped):
                assert Decimal(0) <= value <= section.max, (section.name, value)
            elif section.mode == "accumulate":
                assert value >= 0
        if scheme.total_floor is not None and m.scored:
            assert m.total >= scheme.total_floor


@SETTINGS
@given(preset_and_facts, windows, st.randoms(use_true_random=False))
def test_result_does_not_depend_on_fact_order(case, quarter, rnd: random.Random) -> None:  # type: ignore[no-untyped-def]
    pid, facts = case
    scheme = PRESETS[pid]

    def shuffled(items: tuple) -> list:  # type: ignore[type-arg]
        out = list(items)
        rnd.shuffle(out)
        return out

    other = YearFacts.of(
        *(
            shuffled(getattr(facts, f))
            for f in (
                "members",
                "activities",
                "attendance",
                "dues",
                "claims",
                "appraisals",
                "vetoes",
            )
        )
    )
    a = score(scheme, facts, 2026, quarter)
    b = score(scheme, other, 2026, quarter)
    assert [(m.code, m.total, m.sections, m.lines) for m in a.members] == [
        (m.code, m.total, m.sections, m.lines) for m in b.members
    ]
    assert [sorted(f.text for f in m.flags) for m in a.members] == [
        sorted(f.text for f in m.flags) for m in b.members
    ]
    ra, rb = rate(scheme, a), rate(scheme, b)
    assert [(m.code, m.stars, m.grade) for m in ra.members] == [
        (m.code, m.stars, m.grade) for m in rb.members
    ]


@SETTINGS
@given(preset_and_facts)
def test_explain_off_gives_the_same_numbers(case) -> None:  # type: ignore[no-untyped-def]
    pid, facts = case
    scheme = PRESETS[pid]
    a = score(scheme, facts, 2026)
    b = score(scheme, facts, 2026, explain=False)
    assert [(m.code, m.total, m.sections, m.rated) for m in a.members] == [
        (m.code, m.total, m.sections, m.rated) for m in b.members
    ]
    assert all(not m.lines for m in b.members)
    assert [sorted(f.text for f in m.flags) for m in a.members] == [
        sorted(f.text for f in m.flags) for m in b.members
    ]


@SETTINGS
@given(preset_and_facts, windows, st.data())
def test_explaining_some_members_gives_the_same_numbers_and_their_lines(  # type: ignore[no-untyped-def]
    case, quarter, data
) -> None:
    """The 积分明细 of a few: their lines are those of explaining everyone, and every
    member's numbers are those of explaining nobody (the others' plain items are counted)."""
    pid, facts = case
    scheme = PRESETS[pid]
    codes = [m.code for m in facts.members]
    chosen = (
        set(data.draw(st.lists(st.sampled_from(codes), min_size=1, max_size=3))) if codes else set()
    )
    every = score(scheme, facts, 2026, quarter, explain=True)
    none = score(scheme, facts, 2026, quarter, explain=False)
    some = score(scheme, facts, 2026, quarter, explain=chosen)
    assert [
        (m.code, m.total, m.sections, m.rated, sorted(f.text for f in m.flags))
        for m in some.members
    ] == [
        (m.code, m.total, m.sections, m.rated, sorted(f.text for f in m.flags))
        for m in none.members
    ]
    assert {m.code: m.lines for m in some.members if m.code in chosen} == {
        m.code: m.lines for m in every.members if m.code in chosen
    }
    assert all(not m.lines for m in some.members if m.code not in chosen)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.integers(0, 130), min_size=1, max_size=40),
    st.sampled_from(["floor", "round", "ceil"]),
)
def test_quotas_are_never_exceeded(totals: list[int], rounding: str) -> None:
    scheme = load_scheme(QUOTA_SCHEME.replace('rounding = "floor"', f'rounding = "{rounding}"'))
    claims = [
        Claim(f"{i:03d}", "2026-05-01", "adj", Decimal(t - 100)) for i, t in enumerate(totals)
    ]
    members = [MemberFacts(f"{i:03d}", f"党员{i}", "正式党员") for i in range(len(totals))]
    result = score(scheme, YearFacts.of(members, claims=claims), 2026)
    rating = rate(scheme, result)
    n = rating.rated_count
    assert n == len(totals)
    for level, share, small in ((5, "0.1", True), (4, "0.3", False), (3, "0.4", False)):
        limit = share_count(Decimal(share), n, rounding)
        if small and n < 10:
            limit = max(limit, 1)
        got = [m for m in rating.members if m.stars == level]
        assert len(got) <= limit
        # and each starred member reached the level's line
        assert all(m.total >= {5: 90, 4: 80, 3: 70}[level] for m in got)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(dates, st.sampled_from(["a", "b1", "b2"]), halves), max_size=30))
def test_item_and_pool_caps_hold_in_every_window(claims: list) -> None:  # type: ignore[type-arg]
    scheme = load_scheme(CAP_SCHEME)
    facts = YearFacts.of(
        [MemberFacts("001", "甲", "正式党员")],
        claims=[Claim("001", d, item, p) for d, item, p in claims],
    )
    year = score(scheme, facts, 2026).members[0]
    assert abs(year.sections["单项封顶"]) <= 5
    assert abs(year.sections["合并封顶"]) <= 7
    quarters = [score(scheme, facts, 2026, q).members[0] for q in (1, 2, 3, 4)]
    for name in ("单项封顶", "合并封顶"):
        # yearly caps are respected across quarters: the quarters add up to the year
        assert sum((q.sections[name] for q in quarters), Decimal(0)) == year.sections[name]


QUOTA_SCHEME = """
[scheme]
id = "quota"
title = "名额测试"
total = 100
[[sections]]
name = "基本分"
max = 100
mode = "deduct"
  [[sections.items]]
  id = "x"
  name = "扣分"
  source = "claim"
  range = [-100, 0]
[[sections]]
name = "加减分"
mode = "adjust"
  [[sections.items]]
  id = "adj"
  name = "加减分"
  source = "claim"
  range = [-100, 100]
[rating]
rounding = "floor"
  [[rating.levels]]
  min = 90
  stars = 5
  quota = 0.1
  small_branch_below = 10
  small_branch_count = 1
  [[rating.levels]]
  min = 80
  stars = 4
  quota = 0.3
  [[rating.levels]]
  min = 70
  stars = 3
  quota = 0.4
"""

CAP_SCHEME = """
[scheme]
id = "caps"
title = "封顶测试"
total = 100
[[sections]]
name = "基本分"
max = 100
mode = "deduct"
  [[sections.items]]
  id = "x"
  name = "扣分"
  source = "claim"
  range = [-100, 0]
[[sections]]
name = "单项封顶"
mode = "adjust"
  [[sections.items]]
  id = "a"
  name = "单项"
  source = "claim"
  range = [-20, 20]
  cap = 5
  per = "year"
[[sections]]
name = "合并封顶"
mode = "adjust"
  [[sections.items]]
  id = "b1"
  name = "合并一"
  source = "claim"
  range = [-20, 20]
  [[sections.items]]
  id = "b2"
  name = "合并二"
  source = "claim"
  range = [-20, 20]
  [[sections.pools]]
  name = "合并"
  cap = 7
  items = ["b1", "b2"]
  per = "year"
"""


_days = st.dates(min_value=date(2026, 1, 1), max_value=date(2026, 12, 31)).map(date.isoformat)


@given(
    st.lists(st.tuples(st.integers(1, 20000), _days, st.none() | _days), min_size=1, max_size=5),
    st.integers(0, 20000),
    _days,
)
def test_a_month_is_judged_as_its_payments_stood_that_day(payments, due, as_of) -> None:  # type: ignore[no-untyped-def]
    # A reversal after the day judged changes nothing that day (a confirmed quarter keeps its
    # points); one on or before it, as if that payment had never been made.
    month = DuesMonth("001", "2026-03", due, 0, None, tuple(payments))
    kept = [(fen, day, None) for fen, day, gone in payments if gone is None or gone > as_of]
    assert month.standing_as_of(as_of) == replace(month, payments=tuple(kept)).standing_as_of(as_of)
    if not kept:
        assert month.standing_as_of(as_of) == (0, None)
    grace = 10
    judged = classify_dues(due, *month.standing_as_of(as_of), "2026-03", grace, as_of)
    never = [p for p in payments if not (p[2] and p[2] <= as_of)]
    alone = DuesMonth("001", "2026-03", due, 0, None, tuple((f, d, None) for f, d, _g in never))
    assert judged == classify_dues(due, *alone.standing_as_of(as_of), "2026-03", grace, as_of)
