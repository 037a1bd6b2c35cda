"""The 一票否决 dialog keeps the decision date inside the year on screen."""

from __future__ import annotations

from PySide6.QtCore import QDate

from desktop.gui.year_end_screen import VetoDialog

MEMBERS = [("001", "王一（001）一组")]


def test_past_year_defaults_to_its_last_day_and_stays_in_it(qtbot) -> None:
    d = VetoDialog(MEMBERS, [], year=2025, today=QDate(2026, 11, 30))
    qtbot.addWidget(d)
    assert d.date.date() == QDate(2025, 12, 31)
    assert d.date.minimumDate() == QDate(2025, 1, 1)
    assert d.date.maximumDate() == QDate(2025, 12, 31)
    d.date.setDate(QDate(2026, 3, 1))  # clamped by the box
    assert d.date.date() == QDate(2025, 12, 31)
    assert d.values()["year"] == 2025 and "2025" in d.windowTitle()


def test_current_year_defaults_to_today_and_not_later(qtbot) -> None:
    d = VetoDialog(MEMBERS, [], year=2026, today=QDate(2026, 11, 30))
    qtbot.addWidget(d)
    assert d.date.date() == QDate(2026, 11, 30)
    assert d.date.maximumDate() == QDate(2026, 11, 30)
    assert d.values()["when"] == "2026-11-30"
