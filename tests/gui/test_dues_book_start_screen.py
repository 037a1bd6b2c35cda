"""The 党费 screen and the book's dues start: a forgotten member's first standard defaults to
the book's start; a later month is named in the screen before 保存标准 (and its months stay
未定标准); a change of standard starts this month without a warning; the bulk dialog warns
likewise and shows no amount for a fixed 0.20 category."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from desktop.book import dues

TODAY = date(2026, 11, 24)


@pytest.fixture
def branch(book):
    ids = {
        name: book.roster.add_member(
            {"name": name, "status": "正式党员", "joined_date": "1990-01-01"}
        )
        for name in ("王二", "丁漏")
    }
    dues.set_rate(book, ids["王二"], from_month="2026-01", category="农民")
    return ids


@pytest.fixture
def screen(qtbot, book, branch):
    from desktop.gui.dues_screen import DuesScreen

    w = DuesScreen(book, today=lambda: TODAY)
    qtbot.addWidget(w)
    w.resize(1200, 720)
    w.show()
    qtbot.waitExposed(w)
    w.set_month("2026-10")
    w.ui.tabs.setCurrentWidget(w.ui.memberTab)
    return w


def test_a_later_first_start_is_named_before_saving(qtbot, screen, book, branch, tmp_path):
    ui = screen.ui
    screen.select_member(branch["丁漏"])
    assert ui.fromMonthCombo.currentText() == "2026年1月"
    assert not screen.startWarning.isVisible()
    ui.fromMonthCombo.setCurrentIndex(10)  # 2026年11月
    assert screen.startWarning.isVisible()
    assert screen.startWarning.text().startswith("丁漏 自2026年1月至10月的 10 个月将不计应缴")
    screen.grab().save(str(tmp_path / "member_start_warning.png"))
    qtbot.mouseClick(ui.saveRateButton, Qt.MouseButton.LeftButton)
    assert dues.rates(book, branch["丁漏"])[0]["from_month"] == "2026-11"
    reg = dues.year_register(book, 2026, today=TODAY)
    assert reg["rates_missing"] == ["丁漏"]
    assert "未定标准" in screen.ui.summaryLabel.text() or "未设定" in reg["warning"]


def test_a_change_of_standard_starts_this_month_quietly(qtbot, screen, branch):
    ui = screen.ui
    screen.select_member(branch["王二"])
    assert ui.fromMonthCombo.currentText() == "2026年11月"
    assert not screen.startWarning.isVisible()


def test_bulk_dialog_defaults_to_the_books_start_and_warns(qtbot, book, branch, tmp_path):
    from desktop.gui.bulk_rate_dialog import BulkRateDialog

    dialog = BulkRateDialog(book, 2026, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.from_month == "2026-01" and not dialog.warning.isVisible()
    dialog.start.setCurrentIndex(10)
    assert dialog.warning.isVisible()
    assert dialog.warning.text().startswith("丁漏 自2026年1月至10月的 10 个月将不计应缴")
    # A fixed 0.20 category: no amount left in the box.
    dialog.category.setCurrentIndex(dialog.categories.index("学生"))
    assert dialog.amount.text() == "" and not dialog.amount.isVisible()
    assert dialog.amount_label.text() == "每月固定 0.20 元"
    dialog.grab().save(str(tmp_path / "bulk_start_warning.png"))
    dialog.category.setCurrentIndex(dialog.categories.index("农民"))
    assert dialog.amount.text() == "1.00" and dialog.amount.isVisible()
    dialog.start.setCurrentIndex(0)
    assert not dialog.warning.isVisible()
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    assert dues.rates(book, branch["丁漏"])[0]["from_month"] == "2026-01"
