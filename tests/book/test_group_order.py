"""党小组 in their natural order wherever the book lists by group (the roster's groups, the
month's dues collection, the year's plan, the year-end overview), names in 姓氏笔画 order.

An imported or hand-entered roster creates a group when its first member comes: entering
members in stroke order made the book's order 第一、第三、第二 (丁 of 第一, 王 of 第三, 黄 of
第二); and sorting by the name's code points gives the same (三 U+4E09 < 二 U+4E8C)."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.book import dues
from desktop.book.meetings import Meetings
from desktop.book.store import Book

TODAY = date(2026, 11, 30)
ORDER = ["第一党小组", "第二党小组", "第三党小组", "老年党小组"]


@pytest.fixture
def branch(book: Book) -> dict[str, int]:
    book.roster.add_group("老年党小组")  # set up first: unnumbered groups keep their place
    ids = {}
    for name, group in [
        ("丁一", "第一党小组"),
        ("王二", "第三党小组"),
        ("石三", "老年党小组"),
        ("黄敏", "第二党小组"),
        ("曾强", "第一党小组"),
        ("孔六", "第三党小组"),
    ]:
        ids[name] = book.roster.add_member(
            {"name": name, "status": "正式党员", "joined_date": "1990-01-01", "group": group}
        )
    return ids


def test_groups_are_in_natural_order(book: Book, branch: dict[str, int]) -> None:
    stored = [r[0] for r in book.db.execute("select name from party_groups order by sort")]
    assert stored == ["老年党小组", "第一党小组", "第三党小组", "第二党小组"]  # as created
    assert [g["name"] for g in book.roster.groups()] == ORDER
    assert book.roster.group_ranks() == {g: i for i, g in enumerate(ORDER)}


def test_dues_collection_goes_group_by_group(book: Book, branch: dict[str, int]) -> None:
    dues.set_rates_for_unset(book, 2026, category="农民", from_month="2026-01", today=TODAY)
    book.roster.add_member({"name": "丁二", "status": "正式党员", "joined_date": "1990-01-01"})
    rows = dues.month_collection(book, "2026-10", today=TODAY)
    assert [(r["group"], r["name"]) for r in rows] == [
        ("第一党小组", "丁一"),
        ("第一党小组", "曾强"),
        ("第二党小组", "黄敏"),
        ("第三党小组", "王二"),  # 王 4 strokes
        ("第三党小组", "孔六"),  # 孔 4 strokes, 乛 first: after 王 (横)
        ("老年党小组", "石三"),
        ("", "丁二"),  # no group: last
    ]


def _plan_groups(rows: list[dict]) -> list[str]:
    """The groups of the first day's per-group items."""
    first = next(r for r in rows if r["group_name"])
    return [
        r["group_name"]
        for r in rows
        if r["due_date"] == first["due_date"] and r["type"] == first["type"]
    ]


def test_the_year_plan_lists_groups_in_order(book: Book, branch: dict[str, int]) -> None:
    mt = Meetings(book)
    mt.generate_plan(2026, from_month=1)
    assert _plan_groups(mt.plan(2026, today=TODAY)) == ORDER
    # A plan generated before (ids in code point order) is shown in order too.
    first = next(r for r in mt.plan(2026, today=TODAY) if r["group_name"])
    same_day = [
        r["id"]
        for r in mt.plan(2026, today=TODAY)
        if r["due_date"] == first["due_date"] and r["type"] == first["type"]
    ]
    names = ["第一党小组", "第三党小组", "第二党小组", "老年党小组"]
    with book.db.conn:
        for item_id, name in zip(sorted(same_day), names, strict=True):
            book.db.execute("update plan_items set group_name = ? where id = ?", [name, item_id])
    assert _plan_groups(mt.plan(2026, today=TODAY)) == ORDER


def test_year_overview_rows_group_by_group(demo_book: Book) -> None:
    from desktop.book.year_end import year_overview

    roster = demo_book.roster
    ids = [m["id"] for m in roster.members()]
    for i, mid in enumerate(ids):
        m = roster.member(mid)
        fields = {k: m[k] for k in ("name", "status", "joined_date")}
        roster.update_member(
            mid, {**fields, "group": ["第三党小组", "第一党小组", "第二党小组"][i % 3]}
        )
    ov = year_overview(demo_book, 2026, today=TODAY)
    groups = [r.group for r in ov.rows]
    seen = [g for i, g in enumerate(groups) if g not in groups[:i]]
    assert seen == ["第一党小组", "第二党小组", "第三党小组"]
