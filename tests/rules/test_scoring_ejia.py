"""党员e家 preset against hand-computed cases from the plan's own numbers (第九条, 第十六条 …)."""

from __future__ import annotations

import pytest
from rules_testkit import Branch, D, lines_sum, load_preset

from desktop.rules.scoring import explain_text, rate, score

SCHEME = load_preset("dangyuan-ejia")


def leaves(status: str, times: int) -> Branch:
    b = Branch()
    b.member("001", "张三")
    for i in range(times):
        b.attend("001", f"2026-{i + 1:02d}-05", status)
    return b


@pytest.mark.parametrize(
    ("status", "times", "section"),
    [
        ("因公请假", 6, 35),  # 6次及以下不扣分
        ("因公请假", 7, 33),  # 6次以上每次扣2分
        ("因公请假", 9, 29),
        ("因私请假", 4, 31),  # 4次及以下每次扣1分
        ("因私请假", 5, 29),  # -4 -2 = -6
        ("因私请假", 7, 25),  # -4 -2×3 = -10
    ],
)
def test_leave_tiers(status: str, times: int, section: int) -> None:
    result = score(SCHEME, leaves(status, times).facts(), 2026)
    m = result.member("001")
    assert m is not None
    assert m.sections["过好组织生活"] == section
    assert m.total == section + 65
    assert lines_sum(m) == m.total


def test_leave_tiers_count_across_the_year_when_scoring_a_quarter() -> None:
    b = Branch()
    b.member("001")
    for month in (1, 2, 3, 3):
        b.attend("001", f"2026-{month:02d}-1{month}", "因私请假")
    b.attend("001", "2026-05-05", "因私请假")  # the 5th of the year, in Q2
    q2 = score(SCHEME, b.facts(), 2026, quarter=2).member("001")
    assert q2 is not None
    assert q2.sections["过好组织生活"] == 33
    leave_lines = [ln for ln in q2.lines if ln.rule == "因私请假"]
    assert [(ln.date, ln.points) for ln in leave_lines] == [("2026-05-05", D(-2))]
    assert "本年第5次" in leave_lines[0].fact


def test_explanation_names_each_fact() -> None:
    b = Branch()
    b.member("001", "张三")
    b.activities.append(
        __import__("desktop.rules.facts", fromlist=["Activity"]).Activity(
            "A1", "2026-03-05", "主题党日", "学习二十大精神"
        )
    )
    from desktop.rules.facts import Attendance

    b.attendance.append(Attendance("A1", "001", "因私请假"))
    m = score(SCHEME, b.facts(), 2026).member("001")
    assert m is not None
    line = next(ln for ln in m.lines if ln.rule == "因私请假")
    assert line.date == "2026-03-05"
    assert line.fact == "主题党日《学习二十大精神》 因私请假（本年第1次）"
    assert line.points == -1
    text = explain_text(m)
    assert "2026-03-05  主题党日《学习二十大精神》 因私请假（本年第1次）  ——因私请假  -1" in text
    assert "合计 99分" in text


def test_only_approved_claims_count_and_floor_is_explained() -> None:
    b = Branch()
    b.member("001")
    b.claim("001", "2026-04-01", "study", -20, "未完成学习任务")
    b.claim("001", "2026-06-01", "study", -10, "学习笔记缺失")
    b.claim("001", "2026-07-01", "study", -5, "未审定", status="初评")
    b.claim("001", "2026-07-01", "study", -5, "驳回", status="驳回")
    m = score(SCHEME, b.facts(), 2026).member("001")
    assert m is not None
    assert m.sections["参加学习教育"] == 0
    floor = [ln for ln in m.lines if ln.rule == "本部分扣完为止，不再扣分"]
    assert [ln.points for ln in floor] == [D(5)]
    assert m.total == 75
    assert lines_sum(m) == m.total


def test_claim_outside_range_is_clipped_with_a_notice() -> None:
    b = Branch()
    b.member("001")
    b.claim("001", "2026-04-01", "reward", 30, "市级表彰")
    m = score(SCHEME, b.facts(), 2026).member("001")
    assert m is not None
    assert m.sections["加减分"] == 20
    assert any("超出0至20分的范围，按20分计" in f.text for f in m.flags)


def test_unknown_claim_item_is_flagged_not_counted() -> None:
    b = Branch()
    b.member("001")
    b.claim("001", "2026-04-01", "nosuch", -3)
    b.claim("001", "2026-04-01", "leave-private", -3)
    m = score(SCHEME, b.facts(), 2026).member("001")
    assert m is not None
    assert m.total == 100
    texts = [f.text for f in m.flags]
    assert "2026-04-01 积分申报的项目「nosuch」不在本方案中，未计分" in texts
    assert any("不接受申报" in t for t in texts)


def test_who_is_scored_and_rated() -> None:
    b = Branch()
    b.member("001", "正式")
    b.member("002", "领导", leader=True)
    b.member("003", "新党员", "预备党员", joined_date="2026-03-01")
    b.member("004", "转入", transferred_in_date="2026-05-10")
    b.member("005", "免考", exempt=True)
    b.member("006", "积极分子", "入党积极分子")
    b.member("007", "已转出", left_date="2025-11-30")
    b.member("008", "年中转出", left_date="2026-08-31")
    result = score(SCHEME, b.facts(), 2026)
    by = {m.code: m for m in result.members}
    assert "007" not in by
    assert by["001"].scored and by["001"].rated
    assert by["002"].scored and not by["002"].rated
    assert by["002"].reasons == ["党员领导干部纳入积分管理，不参与评星定级"]
    assert by["003"].scored and not by["003"].rated
    assert by["003"].reasons == ["当年新发展党员纳入积分管理，不参加评定"]
    assert by["004"].scored and not by["004"].rated
    assert not by["005"].scored and not by["005"].rated
    assert not by["006"].scored
    assert by["006"].reasons == ["入党积极分子不参加本方案的积分管理"]
    assert by["008"].scored and not by["008"].rated


def _branch_with_totals(totals: list[int]) -> Branch:
    """Members 001… whose totals are exactly `totals` (100 minus 惩处减分, plus 奖励加分)."""
    b = Branch()
    for i, t in enumerate(totals, start=1):
        code = f"{i:03d}"
        b.member(code)
        if t < 100:
            b.claim(code, "2026-06-01", "punish", t - 100)
        elif t > 100:
            b.claim(code, "2026-06-01", "reward", t - 100)
    return b


def test_star_quotas_10_30_40_percent() -> None:
    # 20 rated members all ≥ 90: 5★ 2 (10%), 4★ 6 (30%), 3★ 8 (40%), 4 left without a star.
    totals = list(range(100, 80, -1))  # 100 … 81, all distinct
    rating = rate(SCHEME, score(SCHEME, _branch_with_totals(totals).facts(), 2026))
    stars = [m.stars for m in sorted(rating.members, key=lambda m: m.code)]
    assert stars == [5] * 2 + [4] * 6 + [3] * 8 + [None] * 4
    assert [(q.level, q.limit, q.used) for q in rating.quotas] == [
        ("五星级", 2, 2),
        ("四星级", 6, 6),
        ("三星级", 8, 8),
    ]
    assert "三星级名额8名已满" in rating.members[-1].reasons


def test_small_branch_may_have_one_five_star() -> None:
    rating = rate(SCHEME, score(SCHEME, _branch_with_totals([95, 92, 85, 75, 60]).facts(), 2026))
    by = {m.code: m for m in rating.members}
    assert by["001"].stars == 5  # 5 × 10% = 0, but fewer than 10 rated → one 5★
    assert by["002"].stars == 4  # 5 × 30% = 1
    assert by["003"].stars == 3  # 5 × 40% = 2
    assert by["004"].stars == 3
    assert by["005"].stars is None
    assert rating.quotas[0].rule == "5人×10%，向下取整得0名；参评不足10人，可评1名"


def test_base_sections_below_70_cap_at_three_stars() -> None:
    b = Branch()
    b.member("001")
    b.claim("001", "2026-03-01", "study", -15)  # base 35+10+20 = 65 < 70
    b.claim("001", "2026-03-01", "reward", 10)  # total 95
    for i in range(2, 12):
        b.member(f"{i:03d}")
        b.claim(f"{i:03d}", "2026-03-01", "pioneer", -20 - i)  # totals 78 … 69
    result = score(SCHEME, b.facts(), 2026)
    assert result.member("001").total == 95  # type: ignore[union-attr]
    rated = {m.code: m for m in rate(SCHEME, result).members}
    assert rated["001"].stars == 3
    assert (
        "过好组织生活、参加学习教育、执行管理制度等基础得分低于70分，不得参评四星级、五星级党员（第十七条）"
        in rated["001"].reasons
    )


def test_tie_at_quota_boundary_excludes_the_whole_tied_group() -> None:
    # 10 rated: 5★ quota 1, but two members tie on 100 → neither is 5★ (documented rule);
    # both go on to 4★ (quota 3), where they fit.
    totals = [100, 100, 95, 94, 93, 92, 91, 90, 89, 88]
    rating = rate(SCHEME, score(SCHEME, _branch_with_totals(totals).facts(), 2026))
    by = {m.code: m for m in rating.members}
    assert by["001"].stars == 4 and by["002"].stars == 4
    assert by["003"].stars == 4
    # The reason says in plain words who tied, why neither is 五星级, and what happens next.
    assert (
        "与党员002并列（同为100分，并列第1名），五星级名额只有1名，名额不足，"
        "按方案规定（同分规则）均不评五星级，参加下一档评定"
    ) in by["001"].reasons
    assert any("与党员001并列" in r for r in by["002"].reasons)
    # The next one is not told the quota is full (nobody has it): the tie left it open.
    assert "五星级名额1名，排在同分并列的100分者之后，不评五星级" in by["003"].reasons
    assert rating.quotas[0].used == 0


def test_tie_note_names_every_tied_member_and_the_places_left() -> None:
    # 5★: 100 alone. 4★ quota 3 of 10: 99 takes one place, three tie on 95 for the two left.
    totals = [100, 99, 95, 95, 95, 80, 80, 80, 79, 70]
    rating = rate(SCHEME, score(SCHEME, _branch_with_totals(totals).facts(), 2026))
    by = {m.code: m for m in rating.members}
    assert by["001"].stars == 5 and by["002"].stars == 4 and by["003"].stars == 3
    note = next(r for r in by["003"].reasons if "并列" in r)
    assert note == (
        "与党员004、党员005并列（同为95分，并列第3名），四星级名额3名只剩2名，名额不足，"
        "按方案规定（同分规则）均不评四星级，参加下一档评定"
    )
    # The last level: nothing below to go on to.
    last = rate(SCHEME, score(SCHEME, _branch_with_totals([80] * 10).facts(), 2026))
    note = next(r for r in last.members[0].reasons if "三星级" in r and "并列" in r)
    assert note.endswith("均不评三星级") and "党员010" in note


def test_tie_below_boundary_does_not_matter() -> None:
    totals = [100, 99, 99, 80, 80, 80, 80, 80, 80, 80]
    rating = rate(SCHEME, score(SCHEME, _branch_with_totals(totals).facts(), 2026))
    stars = [m.stars for m in sorted(rating.members, key=lambda m: m.code)]
    assert stars[:3] == [5, 4, 4]
    # 4★ quota 3: 99, 99, then seven tied on 80 straddle the boundary → none of the 80s;
    # 3★ quota 4: the same seven tie across the boundary again → none: a committee decides.
    assert stars[3:] == [None] * 7
    assert rating.quotas[1].used == 2 and rating.quotas[2].used == 0


def test_followups_warning_and_two_years_running() -> None:
    b = _branch_with_totals([100, 55])
    result = score(SCHEME, b.facts(), 2026, previous_flags={"002": ["警示"]})
    m = result.member("002")
    assert m is not None
    names = [f.name for f in m.flags if f.kind == "followup"]
    assert names == ["警示", "一般评定为不合格党员"]
    first = [f.name for f in result.member("001").flags if f.kind == "followup"]  # type: ignore[union-attr]
    assert "警示" not in first and "一般评定为不合格党员" not in first


def test_cleared_score_is_flagged() -> None:
    b = Branch()
    b.member("001")
    b.claim("001", "2026-03-01", "punish", -100, "严重违纪")
    b.claim("001", "2026-03-02", "punish", -10, "另一处分")
    m = score(SCHEME, b.facts(), 2026).member("001")
    assert m is not None
    assert m.total == 0
    assert [f.name for f in m.flags if f.kind == "followup"] == ["警示", "直接评定为不合格党员"]
    assert lines_sum(m) == 0
    assert any(ln.rule == "扣完为止：总分不低于0分" for ln in m.lines)


def test_duplicate_sign_in_counts_once_with_the_best_status() -> None:
    from desktop.rules.facts import Activity, Attendance

    b = Branch()
    b.member("001")
    b.member("002")
    b.activities.append(Activity("A1", "2026-03-05", "党课", "党章"))
    b.attendance += [
        Attendance("A1", "001", "因私请假"),
        Attendance("A1", "001", "出席"),
        Attendance("A1", "002", "因私请假"),
        Attendance("NOPE", "002", "出席"),
    ]
    result = score(SCHEME, b.facts(), 2026)
    one, two = result.member("001"), result.member("002")
    assert one is not None and two is not None
    assert one.total == 100 and two.total == 99
    notices = [[f.text for f in m.flags if f.kind == "notice"] for m in (one, two)]
    assert notices == [
        ["2026-03-05 党课《党章》 有多条签到记录，只按一条计分"],
        ["签到记录引用了不存在的活动「NOPE」，未计分"],
    ]


def test_explain_only_selected_members() -> None:
    b = leaves("因私请假", 5)
    b.member("002")
    b.attend("002", "2026-03-01", "因私请假")
    result = score(SCHEME, b.facts(), 2026, explain={"002"})
    one, two = result.member("001"), result.member("002")
    assert one is not None and two is not None
    assert one.lines == [] and one.total == 94
    assert lines_sum(two) == two.total == 99


def test_correction_of_a_tiered_item_is_worth_its_own_points() -> None:
    from desktop.rules.facts import Correction

    b = leaves("因私请假", 5)  # -6
    facts = b.facts()
    fixed = Correction(
        "001",
        "2026-06-01",
        "leave-private",
        D(2),
        "第5次实为因公请假",
        "2026-05-05 主题党日 因私请假",
    )
    facts = facts.__class__.of(
        facts.members, facts.activities, facts.attendance, corrections=[fixed]
    )
    for explain in (True, False):
        m = score(SCHEME, facts, 2026, explain=explain).member("001")
        assert m is not None
        assert m.sections["过好组织生活"] == 31
        if explain:
            assert lines_sum(m) == m.total
