"""desktop.rules.meetings: the reminder ladder, leave allowances, 流动党员 minimums, the plan."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rules_testkit import Branch, load_preset

from desktop.rules import meetings as m
from desktop.rules.presets import preset_text
from desktop.rules.scheme import load_scheme
from desktop.rules.scoring import score


def absence(code: str, day: str, act: str | None = None) -> m.Absence:
    return m.Absence(code, f"党员{code}", act or f"A{day}", day, "主题党日")


def test_ladder_first_reminder_then_warning():
    due = m.notices_due(
        [absence("1", "2026-03-10"), absence("1", "2026-01-10"), absence("2", "2026-02-10")]
    )
    assert [(d.member, d.kind, d.nth, d.absence.date) for d in due] == [
        ("1", "提醒", 1, "2026-01-10"),
        ("1", "警戒书", 2, "2026-03-10"),
        ("2", "提醒", 1, "2026-02-10"),
    ]
    assert "本年度第2次" in due[1].reason


def test_ladder_marks_issued_notices():
    due = m.notices_due([absence("1", "2026-01-10", "X")], [("1", "提醒", "X")])
    assert due[0].issued


@given(st.lists(st.dates().map(lambda d: d.isoformat()), max_size=12, unique=True))
def test_ladder_one_reminder_then_only_warnings(days):
    due = m.notices_due([absence("1", d) for d in days])
    kinds = [d.kind for d in due]
    assert kinds == (["提醒"] + ["警戒书"] * (len(days) - 1) if days else [])
    assert [d.absence.date for d in due] == sorted(days)


def leaves(status: str, n: int, month_step: int = 1) -> list[m.Leave]:
    return [
        m.Leave("1", f"2026-{1 + (i * month_step) % 12:02d}-{1 + i // 12:02d}", status, "主题党日")
        for i in range(n)
    ]


def test_ejia_public_leave_allowance_is_six():
    scheme = load_preset("dangyuan-ejia")
    assert m.leave_over_allowance(scheme, leaves("因公请假", 6)) == []
    over = m.leave_over_allowance(scheme, leaves("因公请假", 8))
    assert len(over) == 1
    assert (over[0].allowance, over[0].count, len(over[0].dates_over)) == (6, 8, 2)
    assert "超过方案允许的6次" in over[0].text and "-2" in over[0].text


def test_ejia_private_leave_allowance_is_four():
    scheme = load_preset("dangyuan-ejia")
    assert m.leave_over_allowance(scheme, leaves("因私请假", 4)) == []
    over = m.leave_over_allowance(scheme, leaves("因私请假", 5))
    assert [(o.item, o.allowance, o.count) for o in over] == [("因私请假", 4, 5)]


def test_leave_in_meetings_the_item_does_not_cover_is_not_counted():
    scheme = load_preset("dangyuan-ejia")
    volunteer = [m.Leave("1", f"2026-01-{d:02d}", "因私请假", "志愿服务") for d in range(1, 9)]
    assert m.leave_over_allowance(scheme, volunteer) == []


def test_flat_leave_schemes_have_no_allowance():
    # 街道农村: every leave −0.5, no free allowance; 机关/量化定级: leave is not itemised.
    for preset in ("jiedao-nongcun", "jiguan-60-40", "lianghua-dingji"):
        assert m.leave_allowances(load_preset(preset)) == []
        assert m.leave_over_allowance(load_preset(preset), leaves("因私请假", 12)) == []


def test_mobile_in_province_needs_one_a_quarter():
    short = m.mobile_shortfalls("1", "省内", ["2026-02-10", "2026-08-10"], 2026, "2026-12-31")
    assert [(s.period, s.got, s.final) for s in short] == [
        ("2026年第2季度", 0, True),
        ("2026年第4季度", 0, True),
    ]
    assert "每季度至少参加1次" in short[0].text


def test_mobile_in_province_warns_in_the_quarters_last_month_only():
    assert m.mobile_shortfalls("1", "省内", [], 2026, "2026-02-15") == []
    (warn,) = m.mobile_shortfalls("1", "省内", [], 2026, "2026-03-05")
    assert not warn.final and "未结束" in warn.text


def test_mobile_out_of_province_needs_two_a_year():
    assert m.mobile_shortfalls("1", "省外", ["2026-01-10", "2026-07-10"], 2026, "2026-12-31") == []
    (short,) = m.mobile_shortfalls("1", "省外", ["2026-01-10"], 2026, "2026-12-31")
    assert (short.needed, short.got) == (2, 1)
    assert m.mobile_shortfalls("1", None, [], 2026, "2026-12-31") == []


def test_mobile_minimum_comes_from_the_scheme():
    # 街道农村 plan: 「每月至少向党支部汇报一次」 — no attendance count, nothing judged.
    assert m.mobile_minimum(load_preset("jiedao-nongcun")) == {}
    text = preset_text("jiedao-nongcun").replace(
        "[mobile]\n", "[mobile]\nin_province_per_quarter = 2\n"
    )
    minimum = m.mobile_minimum(load_scheme(text))
    assert minimum == {"省内": ("quarter", 2)}
    short = m.mobile_shortfalls("1", "省内", ["2026-02-10"], 2026, "2026-03-31", minimum=minimum)
    assert [(s.needed, s.got) for s in short] == [(2, 1)]
    assert "省内流动党员每季度至少参加2次" in short[0].text
    assert m.mobile_shortfalls("1", "省外", [], 2026, "2026-12-31", minimum=minimum) == []


def test_mobile_periods_before_becoming_mobile_are_not_judged():
    short = m.mobile_shortfalls("1", "省内", [], 2026, "2026-12-31", since="2026-07-15")
    assert [s.period for s in short] == ["2026年第3季度", "2026年第4季度"]


def test_party_life_alerts_come_from_the_scoring_engine():
    b = Branch()
    b.member("1")
    b.member("2")
    for month in range(1, 8):
        b.attend("1", f"2026-{month:02d}-10", "无故缺席")
        b.attend("2", f"2026-{month:02d}-10", "出席")
    result = score(load_preset("dangyuan-ejia"), b.facts(), 2026)
    alerts = m.party_life_alerts(result)
    assert [a[0] for a in alerts] == ["1"]
    assert "连续" in alerts[0][2]


def test_default_plan_has_the_usual_rhythm():
    plan = m.generate_plan(m.DEFAULT_TEMPLATES, 2026, ["东片", "西片"])
    count = {t: sum(1 for e in plan if e.type == t) for t in {e.type for e in plan}}
    assert count == {
        "支委会": 12,
        "主题党日": 12,
        "集中学习": 12,
        "党课": 4,
        "党小组会": 8,
        "组织生活会": 1,
        "民主评议": 1,
    }
    assert [e.due_date for e in plan if e.type == "党课"] == [
        "2026-01-20",
        "2026-04-20",
        "2026-07-20",
        "2026-10-20",
    ]
    assert {e.group for e in plan if e.type == "党小组会"} == {"东片", "西片"}
    assert [e.due_date for e in plan] == sorted(e.due_date for e in plan)


def test_plan_day_31_falls_on_the_months_last_day():
    plan = m.generate_plan([m.PlanTemplate("主题党日", "monthly", 31)], 2026)
    assert plan[1].due_date == "2026-02-28"


def test_bad_template_is_explained():
    problems = m.check_template(m.PlanTemplate("茶话会", "weekly", 40))
    assert len(problems) == 3 and "茶话会" in problems[0]


def test_plan_state():
    assert m.plan_state("2026-03-10", True, "2026-05-01") == "done"
    assert m.plan_state("2026-03-10", False, "2026-05-01") == "overdue"
    assert m.plan_state("2026-05-10", False, "2026-05-01") == "due"
    assert m.plan_state("2026-07-10", False, "2026-05-01") == "planned"


def test_match_plan_item_quarterly_and_yearly():
    items = [
        {"id": 1, "type": "主题党日", "due_date": "2026-03-10", "activity_id": None},
        {"id": 2, "type": "主题党日", "due_date": "2026-04-10", "activity_id": None},
        {"id": 6, "type": "党课", "due_date": "2026-01-20", "activity_id": None},
        {"id": 3, "type": "党课", "due_date": "2026-04-20", "activity_id": None},
        {"id": 4, "type": "党课", "due_date": "2026-07-20", "activity_id": 8},
        {"id": 7, "type": "党课", "due_date": "2026-10-20", "activity_id": None},
        {"id": 5, "type": "组织生活会", "due_date": "2026-01-16", "activity_id": None},
    ]
    assert m.match_plan_item(items, "主题党日", "2026-04-02")["id"] == 2
    assert m.match_plan_item(items, "党课", "2026-05-30")["id"] == 3
    assert m.match_plan_item(items, "党课", "2026-08-30") is None  # Q3's is done already
    assert m.match_plan_item(items, "组织生活会", "2026-02-28")["id"] == 5  # yearly: any month


def test_monthly_item_is_only_fulfilled_within_its_month():
    items = [
        {"id": k, "type": "主题党日", "due_date": f"2026-{k:02d}-10", "activity_id": None}
        for k in range(1, 13)
    ]
    items[10]["activity_id"] = 99  # November's is done
    assert m.match_plan_item(items, "主题党日", "2026-11-20") is None  # not December's
    assert m.match_plan_item(items, "主题党日", "2026-12-01")["id"] == 12
    items[3]["activity_id"] = 9  # April's is done: an extra one in April fulfils nothing
    assert m.match_plan_item(items, "主题党日", "2026-04-20") is None


def test_match_plan_item_respects_the_group():
    items = [
        {
            "id": 1,
            "type": "党小组会",
            "due_date": "2026-01-24",
            "group_name": "东片",
            "activity_id": None,
        },
        {
            "id": 2,
            "type": "党小组会",
            "due_date": "2026-01-24",
            "group_name": "西片",
            "activity_id": None,
        },
    ]
    assert m.match_plan_item(items, "党小组会", "2026-01-20", "西片")["id"] == 2


def test_party_life_ignores_the_months_before_a_member_joined():
    b = Branch()
    b.member("1")
    b.member("2", status="预备党员", joined_date="2026-09-01")
    for month in range(1, 13):
        b.attend("1", f"2026-{month:02d}-10", "出席")
    b.attend("2", "2026-10-10", "出席")
    result = score(load_preset("dangyuan-ejia"), b.facts(), 2026)
    assert m.party_life_alerts(result) == []


# A plan generated part-way through the year starts from a month: nothing before it.


def test_rules_leave_out_months_before_the_start() -> None:
    whole = m.generate_plan(m.DEFAULT_TEMPLATES, 2026, ["一组"])
    late = m.generate_plan(m.DEFAULT_TEMPLATES, 2026, ["一组"], from_month=11)
    assert late == [e for e in whole if e.due_date >= "2026-11-01"]
    assert late and len(late) < len(whole)
