"""Roster operations: validation, groups, history, the journal."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.book.errors import InputRefused
from desktop.book.store import Book


def test_add_member_assigns_code_and_group(book: Book) -> None:
    member_id = book.roster.add_member(
        {"name": "李四", "status": "预备党员", "group": "第一党小组", "joined_date": "2026-03-01"}
    )
    m = book.roster.member(member_id)
    assert m["code"] == "001" and m["group"] == "第一党小组"
    assert [g["name"] for g in book.roster.groups()] == ["第一党小组"]
    assert [e["kind"] for e in book.roster.events(member_id)] == ["发展"]


def test_refuses_duplicate_code_and_id_card(book: Book) -> None:
    book.roster.add_member(
        {"code": "007", "name": "王五", "status": "正式党员", "id_card": "11010519491231002X"}
    )
    with pytest.raises(InputRefused) as info:
        book.roster.add_member(
            {"code": "007", "name": "赵六", "status": "正式党员", "id_card": "11010519491231002x"}
        )
    assert "已被 王五 使用" in info.value.problems["code"]
    assert "王五" in info.value.problems["id_card"]
    assert len(book.roster.members()) == 1


def test_refuses_bad_id_card_and_writes_nothing(book: Book) -> None:
    with pytest.raises(InputRefused) as info:
        book.roster.add_member(
            {"name": "钱七", "status": "正式党员", "id_card": "110105194912310021"}
        )
    assert "校验" in info.value.problems["id_card"]
    assert book.roster.members() == []
    assert [j["action"] for j in book.journal()] == ["新建账本"]


def test_update_member_is_journalled(book: Book) -> None:
    member_id = book.roster.add_member({"name": "孙八", "status": "正式党员"})
    book.roster.update_member(member_id, {"phone": "13800138000", "group": "第二党小组"})
    m = book.roster.member(member_id)
    assert m["phone"] == "13800138000" and m["group"] == "第二党小组"
    assert book.journal()[0]["action"] == "修改党员信息"


def test_leaving_keeps_the_member(book: Book) -> None:
    member_id = book.roster.add_member({"name": "周九", "status": "正式党员"})
    book.roster.record_event(member_id, "转出", "2026-05-01", "转至县医院党支部")
    assert book.roster.members(include_left=False) == []
    m = book.roster.member(member_id)
    assert m["left_date"] == "2026-05-01" and "转出" in m["left_reason"]
    with pytest.raises(InputRefused) as info:
        book.roster.record_event(member_id, "死亡", "2026-06-01", "病故")
    assert "已于 2026-05-01 离开" in info.value.problems["kind"]


def test_probation_ends(book: Book) -> None:
    member_id = book.roster.add_member(
        {"name": "吴十", "status": "预备党员", "joined_date": "2025-03-01"}
    )
    book.roster.record_event(member_id, "转正", "2026-03-02", "支部大会通过")
    m = book.roster.member(member_id)
    assert m["status"] == "正式党员" and m["confirmed_date"] == "2026-03-02"


def test_find_by_code_or_unique_name(book: Book) -> None:
    book.roster.add_member({"code": "A1", "name": "郑一", "status": "正式党员"})
    book.roster.add_member({"code": "A2", "name": "郑一", "status": "正式党员"})
    assert book.roster.find("A2")["code"] == "A2"
    with pytest.raises(InputRefused, match="有 2 名党员叫“郑一”"):
        book.roster.find("郑一")


def test_demo_branch_is_realistic(demo_book: Book) -> None:
    members = demo_book.roster.members()
    assert len(members) == 42
    assert len(demo_book.roster.groups()) == 3
    statuses = {m["status"] for m in members}
    assert {"正式党员", "预备党员", "入党积极分子"} <= statuses
    assert sum(m["mobile"] for m in members) == 2
    assert sum(m["exempt"] for m in members) == 1
    assert sum(m["leader"] for m in members) == 2
    assert sum(1 for m in members if m["left_date"]) == 1
    assert all(g["leader_name"] for g in demo_book.roster.groups())


def test_event_in_the_future_is_refused(book: Book) -> None:
    member_id = book.roster.add_member({"name": "冯十一", "status": "正式党员"})
    with pytest.raises(InputRefused) as info:
        book.roster.record_event(
            member_id, "转出", "2026-12-01", "转至县医院", today=date(2026, 6, 1)
        )
    assert "还没到" in info.value.problems["date"]
    assert book.roster.member(member_id)["left_date"] is None


def test_demo_group_leaders_belong_to_their_group(demo_book: Book) -> None:
    members = {m["id"]: m for m in demo_book.roster.members()}
    for group in demo_book.roster.groups():
        assert members[group["leader_id"]]["group"] == group["name"]
