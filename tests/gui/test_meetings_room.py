"""会议活动 at 1366×768: the sign-in list gets the room (about 12 members), the 补录证明人 row
shows only for a 补录, and the print buttons sit under the activity they print."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication


def _screen(qtbot, demo_book, height: int):
    from desktop.gui.main_window import MainWindow

    w = MainWindow(demo_book)
    qtbot.addWidget(w)
    w.resize(1366, height)  # tools/screenshots.py's window on a 1366×768 screen
    w.show()
    qtbot.waitExposed(w)
    w.show_screen("会议活动")
    screen = w.meetings_screen
    qtbot.waitUntil(lambda: screen.ui.attendanceTable.rowCount() > 12)
    return w, screen


def _rows_visible(table) -> float:
    return table.viewport().height() / table.verticalHeader().defaultSectionSize()


def test_a_dozen_members_show_at_1366_by_768(qtbot, demo_book) -> None:
    w, screen = _screen(qtbot, demo_book, 740)
    ui = screen.ui
    assert _rows_visible(ui.attendanceTable) >= 11.9
    # The rest stays usable: the activity list still shows a dozen activities, the title
    # and the activity's details one line each, every button in view.
    assert _rows_visible(ui.activityTable) >= 12
    assert ui.activityTitle.height() < 2 * ui.activityInfo.height() + 10
    for button in (ui.signinButton, ui.recordButton, ui.saveButton, ui.allPresentButton):
        assert button.isVisible() and not button.visibleRegion().isEmpty(), button.text()
        assert button.width() >= button.sizeHint().width()
    # A window on a screen with a taskbar (about 700 high) still shows ten.
    w.resize(1366, 700)
    qtbot.waitUntil(lambda: _rows_visible(ui.attendanceTable) < 11.9)
    assert _rows_visible(ui.attendanceTable) >= 10


def test_witness_row_shows_only_for_a_late_entry(qtbot, demo_book) -> None:
    _w, screen = _screen(qtbot, demo_book, 740)
    ui = screen.ui
    table = ui.attendanceTable
    assert not ui.witness1Combo.isVisible() and not ui.witnessLabel.isVisible()
    table.selectRow(0)
    member = screen._current_member_id()
    assert not ui.witness1Combo.isVisible()
    QApplication.processEvents()  # the layout settles around the member's points line
    tall = table.height()
    screen.set_status(member, "补录")
    qtbot.waitUntil(lambda: ui.witness1Combo.isVisible() and table.height() < tall)
    assert ui.witnessLabel.isVisible() and ui.witness2Combo.isVisible()
    assert ui.witness1Combo.isEnabled()
    screen.set_status(member, "出席")  # the row goes again
    qtbot.waitUntil(lambda: not ui.witness1Combo.isVisible() and table.height() == tall)
    # Another member selected: hidden unless that one is a 补录.
    screen.set_status(member, "补录")
    table.selectRow(1)
    qtbot.waitUntil(lambda: not ui.witness1Combo.isVisible())
