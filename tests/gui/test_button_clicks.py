"""Buttons clicked as a user clicks them (qtbot.mouseClick), not their handlers called.

`clicked(bool)`, `triggered(bool)` and `toggled(bool)` hand the checked flag to a slot that
accepts an argument: a handler `backup_to_folder(folder=None)` connected directly got
`folder=False`, skipped asking for a folder and crashed. These tests click the real buttons,
sweep every screen's buttons with every modal dialog answered "cancel", and guard the
pattern in the source.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QInputDialog,
    QMessageBox,
    QPushButton,
    QTabWidget,
)

import desktop.gui
from desktop.book.backup import list_backups

GUI = Path(desktop.gui.__file__).parent
CHECKED_SIGNALS = {"clicked", "triggered", "toggled"}


def _click(qtbot, button: QPushButton) -> None:
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _wait_for_jobs(qtbot) -> None:
    from desktop.gui.worker import jobs_running

    qtbot.waitUntil(lambda: jobs_running() == 0, timeout=30000)


# -- the buttons fixed ---------------------------------------------------------------------


def test_backup_to_folder_button_asks_for_the_folder_and_writes_there(
    qtbot, window, messages, monkeypatch, tmp_path
):
    usb = tmp_path / "U盘"
    usb.mkdir()
    asked: list[str] = []

    def choose(parent, title, *args, **kwargs):
        asked.append(title)
        return str(usb)

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", choose)
    window.show_screen("备份与恢复")
    screen = window.backup_screen
    with qtbot.waitSignal(screen.backup_finished, timeout=10000) as blocker:
        _click(qtbot, screen.ui.backupToFolderButton)
    assert asked == ["选择U盘或文件夹"]
    written = Path(blocker.args[0])
    assert written.parent == usb and written.exists()
    assert list(usb.glob("*.db")) == [written]
    assert not messages.texts("critical") and not messages.texts("warning")
    assert str(written) in messages.texts("information")[-1]
    # A folder on a USB stick is not one of the rotated automatic backups.
    assert list_backups() == []


def test_backup_to_folder_button_cancelled_writes_nothing(
    qtbot, window, messages, monkeypatch, tmp_path
):
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: "")
    window.show_screen("备份与恢复")
    _click(qtbot, window.backup_screen.ui.backupToFolderButton)
    _wait_for_jobs(qtbot)
    assert len(messages) == 0 and list_backups() == []


def test_roster_buttons_open_the_selected_member(qtbot, window, book, monkeypatch):
    from desktop.gui import score_detail
    from desktop.gui.member_detail import EventDialog, MemberDetail
    from desktop.gui.member_dialog import MemberDialog

    member_id = book.roster.add_member({"name": "王建国", "status": "正式党员"})
    window.roster_screen.refresh()
    assert window.roster_screen.select_member(member_id)
    opened: list[tuple[str, object]] = []

    def exec_dialog(self):
        opened.append((type(self).__name__, getattr(self, "member_id", None)))
        return QDialog.DialogCode.Rejected

    for cls in (MemberDialog, MemberDetail, EventDialog):
        monkeypatch.setattr(cls, "exec", exec_dialog)
    monkeypatch.setattr(
        score_detail,
        "show_score_detail",
        lambda parent, b, code, year: opened.append(("score", code)),
    )
    ui = window.roster_screen.ui
    for button in (ui.editButton, ui.detailButton, ui.eventButton, ui.scoreButton):
        _click(qtbot, button)
    code = book.roster.member(member_id)["code"]
    names = [name for name, _ in opened]
    assert names == ["MemberDialog", "MemberDetail", "EventDialog", "score"]
    assert opened[-1] == ("score", code)


def test_add_veto_button_opens_the_dialog_with_no_member_chosen(
    qtbot, demo_book, monkeypatch, messages
):
    from desktop.gui.main_window import MainWindow
    from desktop.gui.year_end_screen import VetoDialog

    w = MainWindow(demo_book)
    qtbot.addWidget(w)
    w.show()
    w.show_screen("年度评定")
    screen = w.year_end_screen
    qtbot.waitUntil(lambda: screen.data is not None and not screen._loading, timeout=30000)
    seen: list[tuple[int, str]] = []

    def exec_dialog(self):
        seen.append((self.member.currentIndex(), self.reason.text()))
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(VetoDialog, "exec", exec_dialog)
    screen.tabs.setCurrentIndex(2)
    _click(qtbot, screen.add_veto_button)
    assert seen == [(0, "")]
    assert not messages.texts("critical")
    _wait_for_jobs(qtbot)
    w.close()


# -- every screen's buttons ----------------------------------------------------------------


class Modal:
    """Answers every modal question with "cancel" and records what was asked."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        from desktop.gui import print_preview

        self.asked: list[str] = []

        def exec_dialog(dialog):
            self.asked.append(type(dialog).__name__)
            return QDialog.DialogCode.Rejected

        def cancel(answer):
            def ask(parent, title, *args, **kwargs):
                self.asked.append(title)
                return answer

            return staticmethod(ask)

        monkeypatch.setattr(QDialog, "exec", exec_dialog)
        monkeypatch.setattr(QFileDialog, "getExistingDirectory", cancel(""))
        monkeypatch.setattr(QFileDialog, "getOpenFileName", cancel(("", "")))
        monkeypatch.setattr(QFileDialog, "getSaveFileName", cancel(("", "")))
        monkeypatch.setattr(QInputDialog, "getText", cancel(("", False)))
        monkeypatch.setattr(QInputDialog, "getItem", cancel(("", False)))
        monkeypatch.setattr(
            print_preview,
            "show_preview",
            lambda parent, prepared, title, *a, **k: self.asked.append(title),
        )
        # 打开备份文件夹 would start the desktop's file manager.
        from PySide6.QtGui import QDesktopServices

        monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: self.asked.append("openUrl"))


def _tab_pages(screen) -> list[tuple[QTabWidget | None, int]]:
    tabs = screen.findChildren(QTabWidget)
    pages: list[tuple[QTabWidget | None, int]] = [(None, 0)]
    for tab in tabs:
        pages += [(tab, i) for i in range(tab.count())]
    return pages


def test_every_enabled_button_of_every_screen_survives_a_click(
    qtbot, demo_book, monkeypatch, messages
):
    """With every dialog cancelled and every question answered "no", no click may raise
    (pytest-qt fails the test on an exception in a slot) or show 程序遇到意外错误."""
    from desktop.gui.main_window import MainWindow

    def no(parent, title, text, *args, **kwargs):
        messages.calls.append(("question", title, text))
        return QMessageBox.StandardButton.No  # nothing destructive happens

    monkeypatch.setattr(QMessageBox, "question", no)
    modal = Modal(monkeypatch)
    w = MainWindow(demo_book)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    clicked: list[str] = []
    for title, _widget in w.screens():
        w.show_screen(title)
        screen = w.current_screen()
        _wait_for_jobs(qtbot)
        for tab, index in _tab_pages(screen):
            if tab is not None:
                if not tab.isVisible():
                    continue
                tab.setCurrentIndex(index)
            for button in screen.findChildren(QPushButton):
                if not shiboken6.isValid(button):  # a dialog's, deleted after its use
                    continue
                key = f"{title}/{button.text()}"
                if key in clicked or not (button.isVisible() and button.isEnabled()):
                    continue
                clicked.append(key)
                qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
                _wait_for_jobs(qtbot)
                assert w.current_screen() is screen, key
    crashes = [text for kind, _t, text in messages.calls if "意外错误" in text]
    assert not crashes, crashes
    # The sweep reached the screens and their dialogs (a sweep that clicked nothing passes).
    for key in ("备份与恢复/备份到U盘或文件夹…", "会议活动/打印签到表…", "年度评定/登记一票否决…"):
        assert key in clicked, (key, clicked)
    assert "选择U盘或文件夹" in modal.asked
    assert len(clicked) > 30
    w.close()


# -- the pattern in the source -------------------------------------------------------------


def _direct_checked_connections() -> list[str]:
    """`x.clicked.connect(self.method)` where the method's first parameter (after self) is
    not the checked flag (annotated `bool`)."""
    found: list[str] = []
    for path in sorted(GUI.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for cls in (n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)):
            methods = {f.name: f for f in cls.body if isinstance(f, ast.FunctionDef)}
            for node in ast.walk(cls):
                if not (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Attribute)
                    and node.func.attr == "connect"
                    and isinstance(node.func.value, ast.Attribute)
                    and node.func.value.attr in CHECKED_SIGNALS
                    and node.args
                ):
                    continue
                slot = node.args[0]
                if not (isinstance(slot, ast.Attribute) and isinstance(slot.value, ast.Name)):
                    continue
                method = methods.get(slot.attr) if slot.value.id == "self" else None
                if method is None:
                    continue
                params = method.args.args[1:]
                if params and not (
                    params[0].annotation is not None and ast.unparse(params[0].annotation) == "bool"
                ):
                    found.append(f"{path.name}:{node.lineno} {ast.unparse(node)}")
    return found


def test_no_checked_signal_feeds_an_optional_parameter():
    assert _direct_checked_connections() == []


def test_the_guard_sees_the_pattern(tmp_path, monkeypatch):
    """The scan finds the connection that crashed (so the guard is not vacuous)."""
    source = (
        "class S:\n"
        "    def __init__(self):\n"
        "        self.ui.b.clicked.connect(self.go)\n"
        "        self.ui.c.toggled.connect(self.flag)\n"
        "    def go(self, folder=None): ...\n"
        "    def flag(self, on: bool): ...\n"
    )
    (tmp_path / "s.py").write_text(source, encoding="utf-8")
    monkeypatch.setattr(f"{__name__}.GUI", tmp_path)
    assert _direct_checked_connections() == ["s.py:3 self.ui.b.clicked.connect(self.go)"]
