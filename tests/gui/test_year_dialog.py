"""进入新年度 from the window: the dialog previews, refuses, and moves every screen on."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from desktop.book.store import Book
from desktop.gui.main_window import MainWindow
from desktop.gui.year_dialog import YearDialog


@pytest.fixture
def old_book(tmp_path):
    b = Book.create(tmp_path / "old.db", branch="测试支部", year=2024, scheme_id="jiedao-nongcun")
    yield b
    b.close()


def test_dialog_previews_and_starts_the_year(qtbot, old_book):
    dialog = YearDialog(old_book, today=date(2025, 1, 4))
    qtbot.addWidget(dialog)
    ui = dialog.ui
    ok = ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
    assert ui.yearSpin.value() == 2025 and ui.yearSpin.maximum() == 2025
    assert ok.text() == "进入 2025 年度" and ok.isEnabled()
    assert "沿用" in ui.schemeNote.text()
    assert ui.unfinishedList.count() == 4
    ui.schemeCombo.setCurrentIndex(ui.schemeCombo.findData("xingji-60-40"))
    assert "改用" in ui.schemeNote.text() and "星级评定" in ui.schemeNote.text()
    ok.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert old_book.current_year == 2025


def test_dialog_refuses_a_year_not_yet_begun(qtbot, old_book):
    dialog = YearDialog(old_book, today=date(2024, 6, 1))
    qtbot.addWidget(dialog)
    ok = dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    assert "还不能进入 2025 年度" in dialog.ui.problemLabel.text()
    assert old_book.current_year == 2024


def test_window_offers_the_new_year_and_moves_its_screens(qtbot, old_book, monkeypatch):
    window = MainWindow(old_book)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    button = window._new_year_button
    assert button.isVisible() and "进入新年度" in button.text()
    assert "进入新年度…" in [a.text() for a in window.ui.menuBar.actions()[0].menu().actions()]

    def run_dialog(self):  # the dialog as if OK were pressed at once
        self.start()
        return self.result()

    monkeypatch.setattr(YearDialog, "exec", run_dialog)
    button.click()
    year = date.today().year  # the dialog proposes the calendar year (2024 → now)
    assert old_book.current_year == year
    assert f"{year} 年度" in window._status.text()
    window.show_screen("季度评议")
    assert window.screen("季度评议").year.value() == year
    window.close()
