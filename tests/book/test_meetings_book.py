"""desktop.book.meetings: activities, expected attendees, attendance as one action, refusals."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from desktop.book.errors import InputRefused
from desktop.book.meetings import Entry, Meetings
from desktop.book.scoring import score_book, set_year_scheme

TODAY = date(2026, 11, 24)


def journal_count(book) -> int:
    return book.db.execute("select count(*) from journal").fetchone()[0]


def attendance_count(book) -> int:
    return book.db.execute("select count(*) from attendance").fetchone()[0]


@pytest.fixture
def branch(book):
    """Five members in two groups; 赵六 left in June, 钱七 joined in September."""
    r = book.roster
    ids = {}
    for name, group, extra in (
        ("张三", "一组", {}),
        ("李四", "一组", {}),
        ("王五", "二组", {"exempt": True, "exempt_reason": "年老体弱"}),
        ("赵六", "二组", {}),
        ("钱七", "二组", {"status": "预备党员", "joined_date": "2026-09-01"}),
        ("孙八", "一组", {"mobile": True, "mobile_scope": "省外", "mobile_where": "深圳"}),
    ):
        fields = {"name": name, "status": "正式党员", "group": group, "joined_date": "2000-07-01"}
        fields.update(extra)
        ids[name] = r.add_member(fields, today=TODAY)
    r.record_event(ids["赵六"], "转出", "2026-06-15", "转至县医院支部")
    set_year_scheme(book, 2026, preset="dangyuan-ejia")
    return ids


def add(mt: Meetings, day: str = "2026-03-10", kind: str = "主题党日", **kw) -> int:
    return mt.add_activity(
        {"date": day, "type": kind, "topic": kw.pop("topic", "学习党章"), **kw}, today=TODAY
    )


def test_add_activity_gets_a_code_and_a_journal_line(book, branch):
    mt = Meetings(book)
    before = journal_count(book)
    a = add(mt, host="张三", minutes="学习了党章", decisions="下月开展志愿服务")
    act = mt.activity(a)
    assert act["code"] == "2026-001" and act["decisions"] == "下月开展志愿服务"
    assert journal_count(book) == before + 1
    assert add(mt, "2026-04-10") and mt.next_code(2026) == "2026-003"


@pytest.mark.parametrize(
    ("fields", "key", "words"),
    [
        ({"date": "2019-03-10", "type": "主题党日"}, "date", "年度范围"),
        ({"date": "2026-13-01", "type": "主题党日"}, "date", "不存在：没有13月"),
        ({"date": "2026-02-30", "type": "主题党日"}, "date", "2026年2月只有28天"),
        ({"date": "2026/3/1", "type": "主题党日"}, "date", "格式不对"),
        ({"date": "", "type": "主题党日"}, "date", "请填写"),
        ({"date": "2026-03-10", "type": "茶话会"}, "type", "不认识"),
        ({"date": "2026-03-10", "type": "主题党日", "code": "2026-001"}, "code", "已被"),
    ],
)
def test_bad_activity_is_refused_and_nothing_written(book, branch, fields, key, words):
    mt = Meetings(book)
    add(mt)
    before = (journal_count(book), book.db.execute("select count(*) from activities").fetchone()[0])
    with pytest.raises(InputRefused) as err:
        mt.add_activity(fields, today=TODAY)
    assert words in err.value.problems[key]
    after = (journal_count(book), book.db.execute("select count(*) from activities").fetchone()[0])
    assert after == before


def test_future_activity_may_be_planned_but_not_signed_in(book, branch):
    mt = Meetings(book)
    a = add(mt, "2026-12-10")
    with pytest.raises(InputRefused, match="还没到"):
        mt.record_attendance(a, today=TODAY)
    assert attendance_count(book) == 0


def test_held_activity_cannot_move_into_the_future(book, branch):
    mt = Meetings(book)
    a = add(mt)
    mt.record_attendance(a, today=TODAY)
    with pytest.raises(InputRefused) as err:
        mt.update_activity(a, {"date": "2026-12-20"}, today=TODAY)
    assert "已登记签到" in err.value.problems["date"]
    with pytest.raises(InputRefused, match="不能删除"):
        mt.delete_activity(a)


def test_moving_a_held_activity_keeps_its_sign_ins_valid(book, branch):
    mt = Meetings(book)
    a = add(mt, "2026-03-10")
    mt.record_attendance(a, today=TODAY)  # 赵六 signed in; he leaves in June
    with pytest.raises(InputRefused) as err:
        mt.update_activity(a, {"date": "2026-07-10"}, today=TODAY)
    assert "赵六" in err.value.problems["date"]
    assert mt.activity(a)["date"] == "2026-03-10"
    mt.update_activity(a, {"date": "2026-03-12", "minutes": "补记"}, today=TODAY)
    assert mt.activity(a)["minutes"] == "补记"


def test_expected_skips_left_not_yet_joined_and_lists_exempt_apart(book, branch):
    mt = Meetings(book)
    march = mt.expected(add(mt))
    names = {m["name"] for m in march["expected"]}
    assert names == {"张三", "李四", "赵六", "孙八"}
    assert [m["name"] for m in march["exempt"]] == ["王五"]
    october = {m["name"] for m in mt.expected(add(mt, "2026-10-10"))["expected"]}
    assert october == {"张三", "李四", "钱七", "孙八"}


def test_expected_is_in_stroke_order(book, branch):
    mt = Meetings(book)
    names = [m["name"] for m in mt.expected(add(mt))["expected"]]
    assert names == [
        "孙八",
        "李四",
        "张三",
        "赵六",
    ]  # 孙 6 strokes; 李 7 (横) before 张 7 (折); 赵 9


def test_committee_and_group_meetings(book, branch):
    mt = Meetings(book)
    mt.set_committee([(branch["张三"], "书记"), (branch["李四"], "组织委员")])
    committee = mt.expected(add(mt, kind="支委会"))
    assert {m["name"] for m in committee["expected"]} == {"张三", "李四"}
    assert committee["hint"] == ""
    group = mt.expected(add(mt, kind="党小组会", topic="一组学习会"))
    assert {m["name"] for m in group["expected"]} == {"张三", "李四", "孙八"}


def test_committee_not_set_is_said(book, branch):
    mt = Meetings(book)
    assert "尚未设置支委会成员" in mt.expected(add(mt, kind="支委会"))["hint"]


def test_everyone_present_with_exceptions_is_one_action(book, branch):
    mt = Meetings(book)
    a = add(mt)
    before = journal_count(book)
    counts = mt.record_attendance(
        a,
        {
            branch["李四"]: ("因私请假", "家中有事"),
            branch["孙八"]: Entry("出席", host_org="深圳市某党支部"),
        },
        today=TODAY,
    )
    assert counts["出席"] == 3 and counts["因私请假"] == 1
    assert journal_count(book) == before + 1
    rows = {r["name"]: r for r in mt.attendance(a)}
    assert rows["李四"]["note"] == "家中有事"
    assert rows["孙八"]["host_org"] == "深圳市某党支部"
    assert "王五" not in rows  # exempt members are not signed in automatically


def test_duplicate_sign_in_is_refused(book, branch):
    mt = Meetings(book)
    a = add(mt)
    mt.record_attendance(a, today=TODAY)
    n = attendance_count(book)
    with pytest.raises(InputRefused) as err:
        mt.sign_in(a, branch["张三"], "出席", today=TODAY)
    assert "不能重复签到" in err.value.lines()[0]
    assert attendance_count(book) == n


def test_amend_replaces_the_whole_sign_in(book, branch):
    mt = Meetings(book)
    a = add(mt)
    mt.record_attendance(a, today=TODAY)
    mt.record_attendance(a, {branch["张三"]: "无故缺席"}, amend=True, today=TODAY)
    assert {r["name"]: r["status"] for r in mt.attendance(a)}["张三"] == "无故缺席"
    assert book.journal(1)[0]["action"] == "修改签到"


@pytest.mark.parametrize(
    ("who", "day", "words"),
    [("赵六", "2026-07-10", "已于 2026-06-15 离开"), ("钱七", "2026-03-10", "尚未入党")],
)
def test_member_not_on_the_roll_that_day_is_refused(book, branch, who, day, words):
    mt = Meetings(book)
    a = add(mt, day)
    with pytest.raises(InputRefused) as err:
        mt.record_attendance(a, {branch[who]: "出席"}, today=TODAY)
    assert words in err.value.lines()[0]
    assert attendance_count(book) == 0


@pytest.mark.parametrize(
    ("witnesses", "words"),
    [
        ((), "两名本支部党员"),
        (("李四",), "现有 1 名"),
        (("李四", "李四"), "现有 1 名"),
        (("张三", "李四"), "本人不能"),
        (("李四", "路人甲"), "不是本支部党员"),
        (("李四", "赵六"), "不是本支部党员"),  # 赵六 had left by July
    ],
)
def test_late_registration_needs_two_member_witnesses(book, branch, witnesses, words):
    mt = Meetings(book)
    a = add(mt, "2026-07-10")
    with pytest.raises(InputRefused) as err:
        mt.sign_in(a, branch["张三"], "补录", witnesses=witnesses, today=TODAY)
    assert words in err.value.lines()[0]
    assert attendance_count(book) == 0


def test_late_registration_with_two_witnesses(book, branch):
    mt = Meetings(book)
    a = add(mt, "2026-07-10")
    mt.sign_in(a, branch["张三"], "补录", witnesses=["李四", "孙八"], note="会后补签", today=TODAY)
    (row,) = mt.attendance(a)
    assert row["witnesses"] == "李四、孙八"


def test_host_org_only_for_mobile_members(book, branch):
    mt = Meetings(book)
    a = add(mt)
    with pytest.raises(InputRefused) as err:
        mt.sign_in(a, branch["张三"], "出席", host_org="外地支部", today=TODAY)
    assert "不是流动党员" in err.value.lines()[0]


def test_attendance_changes_points(book, branch):
    mt = Meetings(book)
    a = add(mt)
    before = score_book(book, 2026, today=TODAY).member(book.roster.member(branch["李四"])["code"])
    mt.record_attendance(a, {branch["李四"]: ("因私请假", "看病")}, today=TODAY)
    after = mt.member_score(branch["李四"], 2026, today=TODAY)
    assert after.total == before.total - 1  # 党员e家: the first private leaves cost 1 each
    points = mt.activity_points(a, today=TODAY)
    assert points[book.roster.member(branch["李四"])["code"]] == [("因私请假", Decimal(-1))]


def test_history_and_follow_ups(book, branch):
    mt = Meetings(book)
    for month in (3, 4, 5):
        a = add(mt, f"2026-{month:02d}-10")
        mt.record_attendance(a, {branch["李四"]: "无故缺席"}, today=TODAY)
    history = mt.member_history(branch["李四"], 2026)
    assert [h["status"] for h in history] == ["无故缺席"] * 3
    ups = mt.follow_ups(2026, today=TODAY)
    kinds = [(n.name, n.kind) for n in ups["notices"]]
    assert kinds == [("李四", "提醒"), ("李四", "警戒书"), ("李四", "警戒书")]
    first = ups["notices"][0]
    mt.issue_notice(branch["李四"], first.kind, first.reason, ref=first.absence.activity)
    assert mt.follow_ups(2026, today=TODAY)["notices"][0].issued
    with pytest.raises(InputRefused, match="不必重复"):
        mt.issue_notice(branch["李四"], first.kind, first.reason, ref=first.absence.activity)
    # 孙八 (省外) took part 3 times: enough. Leave allowance: nobody is over.
    assert ups["leave_over"] == [] and ups["mobile"] == []


def test_follow_ups_judge_mobile_members_by_the_years_scheme(book, branch):
    """`followups` applies the scheme's [mobile], not a fixed minimum (issue 16 item 8)."""
    mt = Meetings(book)
    a = add(mt, "2026-03-10")
    mt.record_attendance(a, {branch["孙八"]: "出席"}, today=TODAY)  # once this year
    # 党员e家 sets no minimum for 流动党员: nothing to judge (was: 省外 2 a year, fixed).
    assert mt.follow_ups(2026, today=TODAY)["mobile"] == []
    # A plan that says 「流动地省外的，每年参加所在党支部组织生活不少于 2 次」 … or 3.
    from desktop.rules.presets import preset_text

    text = preset_text("dangyuan-ejia") + "\n[mobile]\nout_of_province_per_year = 3\n"
    set_year_scheme(book, 2026, text=text)
    (short,) = mt.follow_ups(2026, today=date(2026, 12, 31))["mobile"]
    assert (short.needed, short.got) == (3, 1)
    assert short.text == "2026年参加组织生活1次，省外流动党员每年至少参加3次"


def test_plan_generation_links_held_activities(book, branch):
    mt = Meetings(book)
    a = add(mt, "2026-03-12")
    assert mt.generate_plan(2026) > 40
    plan = mt.plan(2026, today=TODAY)
    march = [p for p in plan if p["type"] == "主题党日" and p["due_date"] == "2026-03-10"]
    assert march[0]["activity_id"] == a and march[0]["state"] == "done"
    assert {p["state"] for p in plan} >= {"done", "overdue"}
    groups = {p["group_name"] for p in plan if p["type"] == "党小组会"}
    assert groups == {"一组", "二组"}
    with pytest.raises(InputRefused, match="已经生成"):
        mt.generate_plan(2026)
    b = add(mt, "2026-04-09")  # added after the plan: linked at once
    assert any(p["activity_id"] == b for p in mt.plan(2026, today=TODAY))


def test_demo_branch_has_a_committee_and_a_plan(demo_book):
    mt = Meetings(demo_book)
    assert [m["role"] for m in mt.committee()][0] == "书记"
    assert mt.plan(demo_book.current_year)


def test_six_months_without_party_life_is_flagged_for_the_committee(book, branch):
    mt = Meetings(book)
    for month in range(1, 8):
        a = add(mt, f"2026-{month:02d}-10")
        mt.record_attendance(a, {branch["李四"]: "无故缺席"}, today=TODAY)
    ups = mt.follow_ups(2026, today=TODAY)
    flagged = {code: text for code, _name, text in ups["party_life"]}
    li = book.roster.member(branch["李四"])["code"]
    assert list(flagged) == [li]
    assert "连续" in flagged[li] and "支委会" in flagged[li]
    # Never applied silently: no veto record is written.
    assert book.db.execute("select count(*) from vetoes").fetchone()[0] == 0


def test_attendance_summary_counts_only_held_activities(book, branch):
    """An activity registered ahead of its day (to print its sign-in sheet) is not counted as
    held: it neither adds to 共开展活动 nor lowers anyone's 参加率; the sheet names it."""
    from desktop.book.meetings_print import summary_data

    mt = Meetings(book)
    held = add(mt, "2026-03-10")
    mt.record_attendance(held, {}, today=TODAY)
    add(mt, "2026-04-10", topic="四月主题党日")  # past, no sign-in recorded yet
    add(mt, "2026-12-10", topic="十二月主题党日")  # registered ahead of its day
    data = summary_data(book, 2026, today=TODAY)
    assert data["activity_count"] == 1
    assert {r["expected"] for r in data["rows"] if r["name"] == "张三"} == {1}
    notes = "".join(data["notes"])
    assert "尚未举行的活动 1 次（2026年12月10日主题党日）" in notes
    assert "尚未登记签到的活动 1 次（2026年4月10日主题党日）" in notes


def test_group_meeting_without_a_plan_keeps_its_group(book, branch):
    """`activity-add --type 党小组会 --group 二组` with no plan item: the sign-in lists the
    group only and recording everyone present marks only them (it listed the whole branch)."""
    mt = Meetings(book)
    a = mt.add_activity(
        {"date": "2026-05-12", "type": "党小组会", "topic": "学习党章"}, group="二组", today=TODAY
    )
    expected = mt.expected(a)["expected"]
    assert {m["name"] for m in expected} == {"赵六"} or {m["group"] for m in expected} == {"二组"}
    mt.record_attendance(a, {}, today=TODAY)
    assert {r["group"] for r in mt.attendance(a)} == {"二组"}
    assert mt.activity(a)["group"] == "二组"


# A plan generated part-way through the year starts from a month: nothing before it.


def _groups(book) -> None:
    for name in ("王一", "李二"):
        book.roster.add_member(
            {"name": name, "status": "正式党员", "group": "一组", "joined_date": "2000-07-01"},
            today=TODAY,
        )


def test_proposed_start_is_this_month_for_this_year(book) -> None:
    mt = Meetings(book)
    assert mt.plan_start_month(2026, today=TODAY) == 11
    assert mt.plan_start_month(2027, today=TODAY) == 1
    assert mt.plan_start_month(2025, today=TODAY) == 1


def test_a_late_plan_has_nothing_overdue_before_its_start(book) -> None:
    _groups(book)
    mt = Meetings(book)
    n = mt.generate_plan(2026, from_month=11)
    plan = mt.plan(2026, today=TODAY)
    assert n == len(plan) and plan
    assert all(p["due_date"] >= "2026-11-01" for p in plan)
    assert not [p for p in plan if p["state"] == "overdue" and p["due_date"] < "2026-11-01"]
    # Regenerating keeps the month the plan started from.
    assert mt.plan_start_month(2026, today=date(2026, 12, 5)) == 11
    assert mt.generate_plan(2026, replace=True) == n
    assert min(p["due_date"] for p in mt.plan(2026)) >= "2026-11-01"
    entry = book.execute("select summary from journal order by id desc").fetchone()[0]
    assert "自 11 月起" in entry


def test_whole_year_by_default_in_the_book(book) -> None:
    _groups(book)
    mt = Meetings(book)
    mt.generate_plan(2026)
    assert min(p["due_date"] for p in mt.plan(2026)) < "2026-02-01"


@pytest.mark.parametrize("month", [0, 13])
def test_a_start_month_outside_the_year_is_refused(book, month: int) -> None:
    with pytest.raises(InputRefused, match="1 到 12"):
        Meetings(book).generate_plan(2026, from_month=month)
    assert Meetings(book).plan(2026) == []
