"""The 季度评议 screen and the quarter's timing and truth: a running quarter cannot be
published from the window; a confirmed quarter shows its snapshot (and the drill-down says
when a live recomputation disagrees); a change during publicity is shown with the members."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "book"))

from quarter_testkit import TODAY, YEAR, build_branch  # noqa: E402

from desktop.book import periods as clock  # noqa: E402
from desktop.book import quarter as Q  # noqa: E402
from desktop.book.meetings import Meetings  # noqa: E402


@pytest.fixture(autouse=True)
def _no_job_left_behind(qtbot):
    yield
    from desktop.gui.worker import jobs_running

    qtbot.waitUntil(lambda: jobs_running() == 0, timeout=20000)


@pytest.fixture(autouse=True)
def _today(monkeypatch):
    """The screen judges timing by the book's clock: fixed at 24 November 2026."""
    monkeypatch.setattr(clock, "calendar_today", lambda: TODAY)


def _open_screen(qtbot, window):
    nav = window.ui.navList
    row = next(i for i in range(nav.count()) if nav.item(i).text() == "季度评议")
    nav.setCurrentRow(row)
    screen = window.quarter_screen
    qtbot.waitUntil(lambda: screen.data is not None, timeout=20000)
    return screen


def _show_quarter(qtbot, screen, quarter: int) -> None:
    if screen.quarter.currentIndex() == quarter - 1:
        return
    with qtbot.waitSignal(screen.loaded, timeout=20000):
        screen.quarter.setCurrentIndex(quarter - 1)


def _start(day: str) -> dict[str, str]:
    """What the 开始公示 dialog gives back for a start on `day`."""
    return {"start": day, "late_reason": "", "reason": ""}


def _row(table, column: int, value: str) -> int:
    for r in range(table.rowCount()):
        if table.item(r, column).text() == value:
            return r
    raise AssertionError(f"{value} not in table")


def test_a_running_quarter_cannot_be_published_from_the_window(
    qtbot, window, book, messages, monkeypatch
) -> None:
    build_branch(book)
    screen = _open_screen(qtbot, window)
    _show_quarter(qtbot, screen, 4)
    assert not screen.publish_button.isEnabled()
    assert "2027-01-01 起才能公示" in screen.blockers.text()
    assert "2027-01-01" in screen.publish_button.toolTip()
    # Even if asked (a keyboard shortcut, a stale window), the book refuses and says when.
    monkeypatch.setattr(clock, "calendar_today", lambda: TODAY)
    monkeypatch.setattr(screen, "ask_publish", lambda: _start("2026-11-24"))
    screen.publish()
    assert "还没有结束" in messages.texts("warning")[-1]
    assert "2027-01-01 起可以开始公示" in messages.texts("warning")[-1]
    # An ended quarter can be published, but not from a day inside it.
    _show_quarter(qtbot, screen, 3)
    assert screen.publish_button.isEnabled()
    monkeypatch.setattr(screen, "ask_publish", lambda: _start("2026-09-20"))
    screen.publish()
    assert "2026-10-01 或以后" in messages.texts("warning")[-1]
    assert Q.period_status(book, YEAR, 3, today=TODAY)["state"] == "open"
    monkeypatch.setattr(screen, "ask_publish", lambda: _start("2026-11-24"))
    with qtbot.waitSignal(screen.loaded, timeout=20000):
        qtbot.mouseClick(screen.publish_button, Qt.MouseButton.LeftButton)
    assert "公示中" in screen.state.text()


def test_a_confirmed_quarter_shows_its_snapshot(qtbot, window, book, messages) -> None:
    ids = build_branch(book)
    for q, start in ((1, "2026-04-01"), (2, "2026-07-01")):
        Q.publish(book, YEAR, q, start=start, today=date.fromisoformat(start))
        Q.confirm(book, YEAR, q, today=TODAY)
    # After confirmation 张三 is exempted: a recomputation would drop him from Q2.
    book.roster.update_member(ids["张三"], {"exempt": True, "exempt_reason": "患病"})
    screen = _open_screen(qtbot, window)
    _show_quarter(qtbot, screen, 2)
    t = screen.review_table
    r = _row(t, 2, "张三")
    total_col = next(
        c for c in range(t.columnCount()) if t.horizontalHeaderItem(c).text() == "合计"
    )
    assert t.item(r, total_col).text() == "68.00"
    assert "已确认的结果" in screen.summary.text()
    assert Q.chain_head(book) in screen.blockers.toolTip()
    t.selectRow(r)
    assert "与已确认的结果（68.00 分）不同" in screen.detail.toPlainText()
    t.selectRow(_row(t, 2, "王一"))
    assert screen.detail.toPlainText().startswith("以下明细按记录重新计算，与已确认的结果一致")


def test_a_change_during_publicity_is_shown_with_the_members(qtbot, window, book, messages) -> None:
    ids = build_branch(book)
    Q.publish(book, YEAR, 1, start="2026-04-01", today=date(2026, 4, 1))
    Q.confirm(book, YEAR, 1, today=TODAY)
    Q.publish(book, YEAR, 2, start="2026-07-01", today=date(2026, 7, 1))
    screen = _open_screen(qtbot, window)
    assert "！" not in screen.blockers.text()
    # The sign-in is amended on the meetings screen during publicity: 张三 was there.
    Meetings(book).record_attendance(ids["activity"], {}, amend=True, today=TODAY)
    with qtbot.waitSignal(screen.loaded, timeout=20000):
        screen.reload()
    text = screen.blockers.text()
    assert "1 名党员的积分结果与公示表不同（张三）" in text
    assert "张三：公示 68.00 分，现为 70.00 分" in text
    assert "重新发布公示" in text and screen.publish_button.text() == "重新公示…"
    assert not screen.confirm_button.isEnabled()
