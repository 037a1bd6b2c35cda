"""A plan generated part-way through the year starts from a month: nothing before it."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.book.errors import InputRefused
from desktop.book.meetings import Meetings
from desktop.rules import meetings as rules

NOV = date(2026, 11, 24)


def _groups(book) -> None:
    for name in ("王一", "李二"):
        book.roster.add_member(
            {"name": name, "status": "正式党员", "group": "一组", "joined_date": "2000-07-01"},
            today=NOV,
        )


def test_rules_leave_out_months_before_the_start() -> None:
    whole = rules.generate_plan(rules.DEFAULT_TEMPLATES, 2026, ["一组"])
    late = rules.generate_plan(rules.DEFAULT_TEMPLATES, 2026, ["一组"], from_month=11)
    assert late == [e for e in whole if e.due_date >= "2026-11-01"]
    assert late and len(late) < len(whole)


def test_proposed_start_is_this_month_for_this_year(book) -> None:
    mt = Meetings(book)
    assert mt.plan_start_month(2026, today=NOV) == 11
    assert mt.plan_start_month(2027, today=NOV) == 1
    assert mt.plan_start_month(2025, today=NOV) == 1


def test_a_late_plan_has_nothing_overdue_before_its_start(book) -> None:
    _groups(book)
    mt = Meetings(book)
    n = mt.generate_plan(2026, from_month=11)
    plan = mt.plan(2026, today=NOV)
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
