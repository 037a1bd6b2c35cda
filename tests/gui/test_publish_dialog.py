"""The 开始公示/重新公示 dialog: today by default, at most 14 days back, and a start before
today asks for the reason of the late entry (required) and says why; a re-issue asks what
was corrected and starts no earlier than the notice it replaces."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "book"))

from quarter_testkit import YEAR, build_branch  # noqa: E402

from desktop.book import periods as clock  # noqa: E402
from desktop.book import quarter as Q  # noqa: E402
from desktop.gui.quarter_screen import PublishDialog  # noqa: E402

NOV_30 = date(2026, 11, 30)


@pytest.fixture(autouse=True)
def _no_job_left_behind(qtbot):
    yield
    from desktop.gui.worker import jobs_running

    qtbot.waitUntil(lambda: jobs_running() == 0, timeout=20000)


def _ok(dialog: PublishDialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def test_a_start_before_today_needs_the_late_entry_reason(qtbot, book, typist) -> None:
    build_branch(book)
    dialog = PublishDialog(book, YEAR, 3, today=NOV_30)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.start.date() == QDate(2026, 11, 30)
    assert dialog.start.minimumDate() == QDate(2026, 11, 16)  # today − 14 days
    assert not dialog.late_reason.isVisible() and _ok(dialog).isEnabled()
    assert "公示期 2026-11-30 至 2026-12-04" in dialog.period.text()
    # Typing a date further back stops at the minimum.
    dialog.start.setDate(QDate(2026, 4, 1))
    assert dialog.start.date() == QDate(2026, 11, 16)
    dialog.start.setDate(QDate(2026, 11, 25))
    assert dialog.late_reason.isVisible() and dialog.late_note.isVisible()
    assert "只有公示表确实已于那天张贴" in dialog.late_note.text()
    assert "11月25日张贴" in dialog.late_reason.placeholderText()
    assert not _ok(dialog).isEnabled()
    typist(dialog.late_reason, "公示表已于11月25日张贴，今日补登")
    assert _ok(dialog).isEnabled()
    assert "公示期 2026-11-25 至 2026-12-01" in dialog.period.text()
    qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)
    assert dialog.result() == PublishDialog.DialogCode.Accepted
    assert dialog.values() == {
        "start": "2026-11-25",
        "late_reason": "公示表已于11月25日张贴，今日补登",
        "reason": "",
    }
    # Back to today: the reason is neither needed nor kept.
    dialog.start.setDate(QDate(2026, 11, 30))
    assert not dialog.late_reason.isVisible() and dialog.values()["late_reason"] == ""


def test_the_screen_publishes_a_late_entry_through_the_dialog(
    qtbot, window, book, messages, monkeypatch, typist
) -> None:
    build_branch(book)
    Q.publish(book, YEAR, 1, start="2026-04-01", today=date(2026, 4, 1))
    Q.confirm(book, YEAR, 1, today=NOV_30)
    Q.publish(book, YEAR, 2, start="2026-07-01", today=date(2026, 7, 1))
    Q.confirm(book, YEAR, 2, today=NOV_30)
    monkeypatch.setattr(clock, "calendar_today", lambda: NOV_30)
    nav = window.ui.navList
    nav.setCurrentRow(next(i for i in range(nav.count()) if nav.item(i).text() == "季度评议"))
    screen = window.quarter_screen
    qtbot.waitUntil(lambda: screen.data is not None, timeout=20000)
    qtbot.waitUntil(lambda: "第3季度" in screen.state.text(), timeout=20000)

    def fill(dialog: PublishDialog) -> int:
        assert dialog.windowTitle() == "开始公示"
        dialog.start.setDate(QDate(2026, 11, 25))
        typist(dialog.late_reason, "公示表已于11月25日张贴，今日补登")
        qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(PublishDialog, "exec", fill)
    with qtbot.waitSignal(screen.loaded, timeout=20000):
        qtbot.mouseClick(screen.publish_button, Qt.MouseButton.LeftButton)
    assert "公示中" in screen.state.text() and "2026-11-25 至 2026-12-01" in screen.state.text()
    assert "补登：公示表已于11月25日张贴，今日补登" in screen.publicity_text.text()
    assert not screen.confirm_button.isEnabled()
    assert screen.publish_button.text() == "重新公示…"
    # The re-issue dialog asks what was corrected and cannot start before this notice.
    dialog = screen.publish_dialog()
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "重新公示" and dialog.reason.isVisibleTo(dialog)
    assert dialog.start.minimumDate() == QDate(2026, 11, 25)
    # Nothing changed since the notice: re-issuing today is refused, the dates stand.
    monkeypatch.setattr(
        screen, "ask_publish", lambda: {"start": "2026-11-30", "late_reason": "", "reason": "x"}
    )
    screen.publish()
    assert "无需重新发布" in messages.texts("warning")[-1]
    assert Q.period_status(book, YEAR, 3, today=NOV_30)["publicity_start"] == "2026-11-25"


def test_an_ended_period_is_shown_as_waiting_for_confirmation(
    qtbot, window, book, monkeypatch
) -> None:
    build_branch(book)
    Q.publish(book, YEAR, 1, start="2026-04-01", today=date(2026, 4, 1))
    monkeypatch.setattr(clock, "calendar_today", lambda: NOV_30)
    nav = window.ui.navList
    nav.setCurrentRow(next(i for i in range(nav.count()) if nav.item(i).text() == "季度评议"))
    screen = window.quarter_screen
    qtbot.waitUntil(lambda: screen.data is not None, timeout=20000)
    qtbot.waitUntil(lambda: "第1季度" in screen.state.text(), timeout=20000)
    assert "公示期满，待确认" in screen.state.text()
    assert "#1f5fa8" in screen.state.styleSheet()
    assert screen.blockers.text().startswith("公示期已于 2026-04-07 期满")
    assert screen.confirm_button.isEnabled()
