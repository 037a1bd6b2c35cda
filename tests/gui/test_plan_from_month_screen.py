"""生成年度计划 later in the year asks from which month the plan applies (default: this
month), so a branch that only now starts does not see the months gone by as 已逾期."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog

from desktop.book.meetings import Meetings

YEAR = date.today().year


@pytest.fixture
def screen(qtbot, tmp_path: Path, messages):
    from desktop.book.store import Book
    from desktop.gui.meetings_screen import MeetingsScreen

    book = Book.create(tmp_path / "p.db", branch="测试村党支部", year=YEAR)
    for n, name in enumerate(("王一", "李二", "张三")):
        book.roster.add_member(
            {"name": name, "status": "正式党员", "group": "一组", "joined_date": "2000-07-01"}
        )
        del n
    s = MeetingsScreen(book)
    qtbot.addWidget(s)
    s.show()
    qtbot.waitExposed(s)
    yield s
    book.close()


def _late_in_the_year(monkeypatch, month: int) -> None:
    """As if today were in `month` of the book's year (the proposal reads the calendar)."""
    real = Meetings.plan_start_month
    monkeypatch.setattr(
        Meetings,
        "plan_start_month",
        lambda self, year, today=None: real(self, year, today=date(YEAR, month, 24)),
    )


def test_accepting_the_proposed_month_plans_from_it(qtbot, screen, monkeypatch) -> None:
    _late_in_the_year(monkeypatch, 11)
    asked = []

    def get_item(parent, title, label, items, current, editable):
        asked.append((label, items[current]))
        return items[current], True  # the secretary presses OK on the proposal

    monkeypatch.setattr(QInputDialog, "getItem", get_item)
    qtbot.mouseClick(screen.ui.generateButton, Qt.MouseButton.LeftButton)
    assert asked and asked[0][1] == "11 月"
    assert "已经过去了 10 个月" in asked[0][0] and "选 1 月" in asked[0][0]
    plan = Meetings(screen.book).plan(YEAR)
    assert plan and min(p["due_date"] for p in plan) >= f"{YEAR}-11-01"
    assert "（自 11 月起）" in screen.ui.planSummary.text()
    assert screen.ui.planTable.rowCount() == len(plan)


def test_choosing_january_plans_the_whole_year(qtbot, screen, monkeypatch) -> None:
    _late_in_the_year(monkeypatch, 11)
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a: ("1 月", True))
    qtbot.mouseClick(screen.ui.generateButton, Qt.MouseButton.LeftButton)
    plan = Meetings(screen.book).plan(YEAR)
    assert min(p["due_date"] for p in plan) < f"{YEAR}-02-01"
    assert "自" not in screen.ui.planSummary.text()


def test_cancel_generates_nothing(qtbot, screen, monkeypatch) -> None:
    _late_in_the_year(monkeypatch, 11)
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a: ("", False))
    qtbot.mouseClick(screen.ui.generateButton, Qt.MouseButton.LeftButton)
    assert Meetings(screen.book).plan(YEAR) == []
    assert "还没有活动计划" in screen.ui.planSummary.text()


def test_january_is_not_asked(qtbot, screen, monkeypatch) -> None:
    _late_in_the_year(monkeypatch, 1)
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a: pytest.fail("asked in January"))
    qtbot.mouseClick(screen.ui.generateButton, Qt.MouseButton.LeftButton)
    assert min(p["due_date"] for p in Meetings(screen.book).plan(YEAR)) < f"{YEAR}-02-01"
