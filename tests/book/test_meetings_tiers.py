"""Each preset's leave and absence tiers, through the book: sign-ins recorded by
`Meetings.record_attendance`, points read from the scoring engine's explanation."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from desktop.book.meetings import Meetings
from desktop.book.scoring import set_year_scheme

TODAY = date(2026, 11, 24)
D = Decimal


def setup(book, preset: str) -> tuple[Meetings, int, int]:
    set_year_scheme(book, 2026, preset=preset)
    r = book.roster
    a = r.add_member(
        {"name": "张三", "status": "正式党员", "joined_date": "2000-07-01"}, today=TODAY
    )
    b = r.add_member(
        {"name": "李四", "status": "正式党员", "joined_date": "2000-07-01"}, today=TODAY
    )
    return Meetings(book), a, b


def meetings_with(
    mt: Meetings, member: int, statuses: list[str], kind: str = "主题党日"
) -> list[int]:
    ids = []
    for n, status in enumerate(statuses):
        when = f"2026-{1 + n % 11:02d}-{5 + n // 11:02d}"
        a = mt.add_activity({"date": when, "type": kind, "topic": f"第{n + 1}次"}, today=TODAY)
        mt.record_attendance(a, {member: status}, today=TODAY)
        ids.append(a)
    return ids


def points_of(mt: Meetings, activity_id: int, member_id: int) -> Decimal:
    code = mt.book.roster.member(member_id)["code"]
    return sum((p for _rule, p in mt.activity_points(activity_id, today=TODAY).get(code, [])), D(0))


def test_ejia_public_leave_six_free_then_minus_two(book):
    mt, a, _b = setup(book, "dangyuan-ejia")
    ids = meetings_with(mt, a, ["因公请假"] * 8)
    assert [points_of(mt, i, a) for i in ids] == [D(0)] * 6 + [D(-2)] * 2
    assert mt.member_score(a, 2026, today=TODAY).total == 96
    (over,) = mt.follow_ups(2026, today=TODAY)["leave_over"]
    assert over.allowance == 6 and len(over.dates_over) == 2


def test_ejia_private_leave_four_at_one_then_two(book):
    mt, a, _b = setup(book, "dangyuan-ejia")
    ids = meetings_with(mt, a, ["因私请假"] * 5)
    assert [points_of(mt, i, a) for i in ids] == [D(-1)] * 4 + [D(-2)]
    assert mt.member_score(a, 2026, today=TODAY).total == 94
    (over,) = mt.follow_ups(2026, today=TODAY)["leave_over"]
    assert (over.item, over.count) == ("因私请假", 5)


def test_ejia_mixed_leave_counts_each_kind_apart(book):
    mt, a, _b = setup(book, "dangyuan-ejia")
    meetings_with(mt, a, ["因公请假", "因私请假"] * 4)
    assert mt.member_score(a, 2026, today=TODAY).total == 96  # 4 private at −1, public free
    assert mt.follow_ups(2026, today=TODAY)["leave_over"] == []


def test_jiedao_leave_half_a_point_absence_two(book):
    mt, a, _b = setup(book, "jiedao-nongcun")
    ids = meetings_with(mt, a, ["因公请假", "因私请假", "无故缺席", "出席"])
    assert [points_of(mt, i, a) for i in ids] == [D("-0.5"), D("-0.5"), D(-2), D(0)]
    assert mt.follow_ups(2026, today=TODAY)["leave_over"] == []  # no free allowance to exceed


def test_jiguan_attendance_earns_three_absence_costs_five(book):
    mt, a, b = setup(book, "jiguan-60-40")
    book.roster.add_member(
        {"name": "王五", "status": "正式党员", "joined_date": "2000-07-01"}, today=TODAY
    )
    ids = meetings_with(mt, a, ["出席", "因公请假", "无故缺席"], kind="党课")
    assert [points_of(mt, i, a) for i in ids] == [D(3), D(0), D(-5)]
    late = mt.add_activity({"date": "2026-06-20", "type": "党课", "topic": "补录"}, today=TODAY)
    mt.sign_in(late, a, "补录", witnesses=["李四", "王五"], today=TODAY)
    assert points_of(mt, late, a) == D(3)  # a late registration with two witnesses counts


def test_lianghua_has_no_attendance_items(book):
    mt, a, _b = setup(book, "lianghua-dingji")
    ids = meetings_with(mt, a, ["无故缺席", "因私请假"])
    assert [points_of(mt, i, a) for i in ids] == [D(0), D(0)]
