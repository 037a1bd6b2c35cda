"""The 党费 screen and the 年度计划 tab list 党小组 in natural order (第一、第二、第三, not
第一、第三、第二), and name lists in 姓氏笔画 order."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from desktop.book import dues
from desktop.gui.dues_model import NOW

TODAY = date(2026, 11, 24)
ORDER = ["第一党小组", "第二党小组", "第三党小组"]


@pytest.fixture
def grouped(book):
    # Entered in stroke order, as an imported roster is: the groups come 第一、第三、第二.
    for name, group in [("丁一", "第一党小组"), ("王二", "第三党小组"), ("黄敏", "第二党小组")]:
        book.roster.add_member(
            {"name": name, "status": "正式党员", "joined_date": "1990-01-01", "group": group}
        )
    return book


def test_dues_collection_groups_in_order_and_unset_names_by_strokes(qtbot, grouped):
    from desktop.gui.dues_screen import DuesScreen

    # 曾 (12 strokes) of 第一 comes after 黄 (11) of 第二 when the names are listed.
    grouped.roster.add_member(
        {"name": "曾强", "status": "正式党员", "joined_date": "1990-01-01", "group": "第一党小组"}
    )
    w = DuesScreen(grouped, today=lambda: TODAY)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    groups = [w.model.row(r)["group"] for r in range(w.model.rowCount())]
    assert groups == ["第一党小组", "第一党小组", "第二党小组", "第三党小组"]
    assert "丁一、王二、黄敏、曾强 未设定党费标准（4 人）" in w.ui.summaryLabel.text()
    dues.set_rates_for_unset(grouped, 2026, category="农民", from_month="2026-01", today=TODAY)
    w.refresh()
    assert w.ui.collectionView.currentIndex().column() == NOW
    w.ui.tabs.setCurrentWidget(w.ui.memberTab)
    names = [w.ui.memberList.item(i).text() for i in range(w.ui.memberList.count())]
    assert names[0] == "丁一（第一党小组）" and names[-1] == "曾强（第一党小组）"


def test_plan_tab_lists_groups_in_order(qtbot, grouped, messages, monkeypatch):
    from desktop.gui.meetings_screen import MeetingsScreen

    s = MeetingsScreen(grouped)
    qtbot.addWidget(s)
    s.show()
    qtbot.waitExposed(s)
    monkeypatch.setattr(s, "ask_start_month", lambda proposed: 1)
    qtbot.mouseClick(s.ui.generateButton, Qt.MouseButton.LeftButton)
    table = s.ui.planTable
    rows = [
        (table.item(r, 0).text(), table.item(r, 1).text(), table.item(r, 2).text())
        for r in range(table.rowCount())
    ]
    first = next(r for r in rows if r[2])
    assert [g for d, t, g in rows if (d, t) == first[:2]] == ORDER
