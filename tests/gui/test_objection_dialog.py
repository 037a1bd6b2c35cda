"""登记异议 in the 季度评议 screen: 提出人, 涉及党员 (found by name or pinyin, optional),
收到日期 (today by default, not before the publicity began), 内容 — as the CLI's
``objection add --member --date``."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "book"))

from quarter_testkit import TODAY, YEAR, build_branch  # noqa: E402

from desktop.book import quarter as Q  # noqa: E402
from desktop.gui.objection_dialog import NOBODY, ObjectionDialog  # noqa: E402

MEMBERS = [("001", "王一"), ("002", "李二"), ("003", "张三"), ("004", "张珊珊")]


@pytest.fixture(autouse=True)
def _no_job_left_behind(qtbot):
    yield
    from desktop.gui.worker import jobs_running

    qtbot.waitUntil(lambda: jobs_running() == 0, timeout=20000)


def _dialog(qtbot) -> ObjectionDialog:
    found: list[ObjectionDialog] = []

    def seen() -> bool:
        found[:] = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, ObjectionDialog) and w.isVisible()
        ]
        return bool(found)

    qtbot.waitUntil(seen, timeout=5000)
    return found[0]


def test_member_found_by_pinyin_and_nobody_by_default(qtbot) -> None:
    d = ObjectionDialog(MEMBERS, "2026-07-01", today=date(2026, 7, 5))
    qtbot.addWidget(d)
    assert d.member.currentText() == NOBODY and d.member.currentData() is None
    assert d.member.count() == 5  # nobody + four, in 姓氏笔画 order
    assert [d.member.itemData(i) for i in range(1, 5)] == ["001", "002", "003", "004"]
    qtbot.keyClicks(d.member_search, "zshan")  # mixed pinyin: 张珊珊 only (三 is san)
    assert d.member.count() == 1 and d.member.currentData() == "004"
    d.member_search.clear()
    qtbot.keyClicks(d.member_search, "zs")
    assert [d.member.itemData(i) for i in range(d.member.count())] == ["003", "004"]
    d.member.setCurrentIndex(0)
    d.member_search.clear()
    assert d.member.currentData() is None  # cleared search: back to nobody


def test_date_defaults_to_today_and_not_before_publicity(qtbot) -> None:
    d = ObjectionDialog(MEMBERS, "2026-07-01", today=date(2026, 7, 5))
    qtbot.addWidget(d)
    assert d.raised_on.date() == QDate(2026, 7, 5)
    assert d.raised_on.minimumDate() == QDate(2026, 7, 1)
    assert d.raised_on.maximumDate() == QDate(2026, 7, 5)
    assert "2026-07-01" in d.date_hint.text()
    d.raised_on.setDate(QDate(2026, 6, 20))  # clamped by the widget
    assert d.raised_on.date() == QDate(2026, 7, 1)


def test_missing_fields_keep_the_dialog_open_and_say_what(qtbot) -> None:
    d = ObjectionDialog(MEMBERS, None, today=date(2026, 7, 5))
    qtbot.addWidget(d)
    d.show()
    d.accept()
    assert d.isVisible() and "提出人" in d.problem.text() and "异议内容" in d.problem.text()
    d.raised_by.setText("群众赵六")
    d.accept()
    assert d.isVisible() and "异议内容" in d.problem.text() and "提出人" not in d.problem.text()
    d.content.setPlainText("加分不实")
    qtbot.keyClicks(d.member_search, "xyz")  # finds nobody: refused, not silently dropped
    assert d.member.currentData() is None
    d.accept()
    assert d.isVisible() and "没有找到" in d.problem.text()
    d.member_search.clear()
    d.accept()
    assert not d.isVisible()
    assert d.values() == {
        "raised_by": "群众赵六",
        "content": "加分不实",
        "member": None,
        "raised_on": "2026-07-05",
    }


def test_objection_through_the_screen_keeps_member_and_date(qtbot, window, book, messages) -> None:
    build_branch(book)
    Q.publish(book, YEAR, 1, start=TODAY.isoformat(), today=TODAY)
    nav = window.ui.navList
    nav.setCurrentRow(next(i for i in range(nav.count()) if nav.item(i).text() == "季度评议"))
    screen = window.quarter_screen
    qtbot.waitUntil(lambda: screen.data is not None, timeout=20000)
    assert screen.quarter.currentIndex() == 0  # the first quarter not confirmed
    screen.tabs.setCurrentIndex(2)

    problems: list[BaseException] = []

    def fill() -> None:
        d = _dialog(qtbot)
        try:
            enter(d)
        except BaseException as exc:  # noqa: BLE001 - reported after the dialog is closed
            problems.append(exc)
            d.reject()

    def enter(d: ObjectionDialog) -> None:
        assert d.raised_on.minimumDate() == QDate(2026, 11, 24)
        assert d.raised_on.date() == QDate.currentDate()
        d.raised_by.setText("张三")
        qtbot.keyClicks(d.member_search, "ler")  # 李二
        assert d.member.currentData() == "002"
        d.raised_on.setDate(QDate(2026, 11, 24))
        d.content.setPlainText("李二5月的加分没有佐证")
        d.accept()

    QTimer.singleShot(0, fill)
    with qtbot.waitSignal(screen.loaded, timeout=20000):
        qtbot.mouseClick(screen.add_objection_button, Qt.MouseButton.LeftButton)
    assert not problems, problems
    [o] = Q.period_status(book, YEAR, 1)["objections"]
    assert (o["raised_by"], o["name"], o["raised_on"]) == ("张三", "李二", "2026-11-24")
    t = screen.objections_table
    headers = [t.horizontalHeaderItem(c).text() for c in range(t.columnCount())]
    row = {h: t.item(0, c).text() for c, h in enumerate(headers)}
    assert row["涉及党员"] == "李二" and row["日期"].startswith("2026-11-24")
    assert row["提出人"] == "张三" and "佐证" in row["内容"]
