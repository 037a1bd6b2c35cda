"""帮助 → 使用说明: the shipped guide opens with F1, renders, and can be searched."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.gui.help_dialog import HelpDialog, guide_text


def test_guide_names_the_screens_and_menus_that_exist(window):
    text = guide_text()
    for title, _screen in window.screens():
        if title not in ("操作记录",):
            assert title in text, title
    menu_texts = [a.text() for m in window.ui.menuBar.actions() for a in m.menu().actions()]
    for mentioned in (
        "进入新年度…",
        "支部信息…",
        "导入工作簿…",
        "导出工作簿…",
        "备份到U盘或文件夹…",
    ):
        assert mentioned in menu_texts and mentioned.rstrip("…") in text


def test_f1_opens_the_guide_once_and_find_works(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_F1)
    guide = window._guide
    assert isinstance(guide, HelpDialog) and guide.isVisible()
    assert "先锋指数 使用说明" in guide.browser.toPlainText()
    window.show_guide()
    assert window._guide is guide  # raised, not opened twice
    guide.find_edit.setText("进入新年度")
    assert guide.find_next()
    assert guide.browser.textCursor().selectedText() == "进入新年度"
    guide.find_edit.setText("没有这段文字")
    assert not guide.find_next()
    guide.close()


def test_enter_in_the_find_box_finds_the_next_match(qtbot):
    from desktop.gui.help_dialog import HelpDialog

    guide = HelpDialog()
    qtbot.addWidget(guide)
    guide.show()
    guide.find_edit.setText("党费")  # (keyClicks types ASCII only)
    qtbot.keyClick(guide.find_edit, Qt.Key.Key_Return)
    assert guide.isVisible()
    first = guide.browser.textCursor().position()
    assert guide.browser.textCursor().selectedText() == "党费"
    qtbot.keyClick(guide.find_edit, Qt.Key.Key_Return)
    assert guide.isVisible() and guide.browser.textCursor().position() > first
