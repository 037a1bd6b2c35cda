"""Locks (desktop/book/locks.py): writes into a confirmed quarter are refused with the record,
the quarter and what to do instead — not the triggers' anonymous 「这条记录所在的季度已经确认」."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.book.errors import RecordLocked
from desktop.book.locks import check_unlocked, confirmed_quarter_at
from desktop.book.meetings import Entry, Meetings
from desktop.book.store import Book

TODAY = date(2027, 1, 20)


def _journal_size(book: Book) -> int:
    return book.execute("select count(*) from journal").fetchone()[0]


def test_amending_a_confirmed_sign_in_names_activity_and_quarter(
    confirmed_demo_book: Book,
) -> None:
    m = Meetings(confirmed_demo_book)
    act = m.find_activity("2026-002")
    member = confirmed_demo_book.roster.find("史秀")
    before = _journal_size(confirmed_demo_book)
    with pytest.raises(RecordLocked) as err:
        m.record_attendance(act["id"], {member["id"]: Entry("无故缺席")}, amend=True, today=TODAY)
    text = str(err.value)
    assert f"活动 2026-002（{act['date']} {act['type']}" in text
    assert "2026年第1季度" in text and "不能再修改签到" in text
    assert "登记更正" in text and "pioneer correction add" in text
    assert "这条记录所在的季度" not in text
    assert _journal_size(confirmed_demo_book) == before
    with pytest.raises(RecordLocked, match="不能再登记签到"):
        m.sign_in(act["id"], member["id"], "补录", witnesses=["a", "b"], today=TODAY)


def test_activity_in_a_confirmed_quarter_add_edit_delete(confirmed_demo_book: Book) -> None:
    m = Meetings(confirmed_demo_book)
    with pytest.raises(RecordLocked) as err:
        m.add_activity({"date": "2026-03-03", "type": "支部党员大会", "topic": "补登"}, today=TODAY)
    text = str(err.value)
    assert "2026-03-03 支部党员大会《补登》" in text and "2026年第1季度" in text
    assert "不能再登记这一天的活动" in text and "登记更正" in text and "改正日期" in text
    act = m.find_activity("2026-002")
    with pytest.raises(RecordLocked, match="活动 2026-002（.*2026年第1季度.*不能再修改"):
        m.update_activity(act["id"], {"place": "村委会二楼"}, today=TODAY)
    # Moving an open-quarter activity into a confirmed quarter names the new date.
    open_id = m.add_activity(
        {"date": "2026-12-15", "type": "党课", "topic": "岁末党课"}, today=TODAY
    )
    with pytest.raises(RecordLocked) as err:
        m.update_activity(open_id, {"date": "2026-05-08"}, today=TODAY)
    assert "新日期 2026-05-08" in str(err.value) and "2026年第2季度" in str(err.value)
    planned = m.add_activity({"date": "2026-12-20", "type": "党课", "topic": "x"}, today=TODAY)
    m.delete_activity(planned)  # Q4 is only in publicity: not locked


def test_unlocked_days_and_books_without_quarters_pass(book: Book) -> None:
    assert confirmed_quarter_at(book, "2026-03-03") is None
    check_unlocked(book, "2026-03-03", "活动", "修改")
