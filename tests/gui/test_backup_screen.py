"""Backups from the window: now, to a folder (USB stick), and a restore round trip."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog

from desktop.book.backup import backup_book, list_backups
from desktop.book.store import Book
from desktop.gui.backup_screen import RestorePreviewDialog


def test_backup_now_writes_a_verified_file(qtbot, window, messages):
    window.show_screen("备份与恢复")
    screen = window.backup_screen
    assert screen.ui.emptyLabel.isVisible() and not screen.ui.backupsTable.isVisible()
    with qtbot.waitSignal(screen.backup_finished, timeout=10000) as blocker:
        qtbot.mouseClick(screen.ui.backupNowButton, Qt.MouseButton.LeftButton)
    written = Path(blocker.args[0])
    assert written.exists() and list_backups() == [written]
    assert screen.ui.backupsTable.rowCount() == 1
    assert screen.ui.backupsTable.item(0, 1).text() == "手动"
    assert screen.ui.backupsTable.isVisible() and not screen.ui.emptyLabel.isVisible()
    assert any(str(written) in text for text in messages.texts("information"))


def test_backup_shortcut_and_usb_folder(qtbot, window, messages, monkeypatch, tmp_path):
    usb = tmp_path / "U盘"
    usb.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(usb))
    with qtbot.waitSignal(window.backup_screen.backup_finished, timeout=10000):
        window.actions["backup_to_folder"].trigger()
    files = list(usb.glob("*.db"))
    assert len(files) == 1 and "U盘" in messages.texts("information")[0]
    with qtbot.waitSignal(window.backup_screen.backup_finished, timeout=10000):
        qtbot.keyClick(window, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert len(list_backups()) == 1


def test_backup_to_a_vanished_folder_says_so(qtbot, window, messages, monkeypatch, tmp_path):
    """The folder was chosen, then the USB stick was pulled out before the backup ran."""
    usb = tmp_path / "U盘"
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(usb))
    worker = window.backup_screen.backup_to_folder()
    qtbot.waitUntil(
        lambda: bool(messages.texts("warning") + messages.texts("critical")), timeout=10000
    )
    del worker
    shown = "\n".join(messages.texts("warning") + messages.texts("critical"))
    assert "文件夹不存在" in shown and str(usb) in shown
    assert not usb.exists() and not messages.texts("information")


def test_restore_round_trip(qtbot, window, book, messages, monkeypatch):
    backup = backup_book(book, reason="手动")
    book.update_branch(name="改过的名字", parent_org="")
    window.set_book(book)
    assert window.windowTitle() == "改过的名字 — 先锋指数"
    previews: list[RestorePreviewDialog] = []

    def accept(self):
        previews.append(self)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(RestorePreviewDialog, "exec", accept)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(backup), ""))
    window.actions["restore"].trigger()

    assert previews[0].ui.branchValue.text() == "测试支部"
    assert previews[0].ui.yearValue.text() == "2026 年"
    assert "新建账本" in previews[0].ui.lastActionValue.text()
    restored = window.book
    assert restored is not book
    assert restored.branch()["name"] == "测试支部"
    assert window.windowTitle() == "测试支部 — 先锋指数"
    # The book as it was before the restore was kept, and the user was told where.
    saved = [p for p in list_backups() if "恢复前" in p.name]
    assert len(saved) == 1
    assert any(str(saved[0]) in text for text in messages.texts("information"))
    with Book.open(saved[0]) as before:
        assert before.branch()["name"] == "改过的名字"
    # The screens see the reopened book.
    assert window.journal_screen.book is restored
    assert window.backup_screen.book is restored


def test_restore_cancelled_changes_nothing(qtbot, window, book, monkeypatch):
    backup = backup_book(book, reason="手动")
    monkeypatch.setattr(RestorePreviewDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert window.restore_from_backup(backup) is False
    assert window.book is book
    assert book.branch()["name"] == "测试支部"


def test_restore_refuses_a_bad_backup(qtbot, window, book, messages, tmp_path):
    bad = tmp_path / "坏备份.db"
    bad.write_bytes(b"not a database at all")
    assert window.restore_from_backup(bad) is False
    assert window.book is book
    assert "不是先锋指数账本" in messages.texts("warning")[0]


def test_restore_selected_row(qtbot, window, book, monkeypatch, messages):
    backup_book(book, reason="手动")
    window.show_screen("备份与恢复")
    table = window.backup_screen.ui.backupsTable
    assert table.rowCount() == 1
    asked: list[Path] = []
    monkeypatch.setattr(window, "restore_from_backup", lambda path=None: asked.append(path))
    window.backup_screen.restore_requested.disconnect()
    window.backup_screen.restore_requested.connect(window.restore_from_backup)
    table.selectRow(0)
    qtbot.mouseClick(window.backup_screen.ui.restoreSelectedButton, Qt.MouseButton.LeftButton)
    assert asked == list_backups()


def test_backup_names_are_read_for_the_list():
    from desktop.gui.backup_screen import describe_backup_name, human_size

    assert describe_backup_name(Path("测试支部-备份-20260105-083000-关闭时.db")) == (
        "2026-01-05 08:30",
        "关闭时",
    )
    assert describe_backup_name(Path("测试支部-备份-20260105-083000-手动-2.db"))[1] == "手动"
    assert describe_backup_name(Path("b-损坏-20260105-083000.db")) == (
        "2026-01-05 08:30",
        "打不开的原账本（留存）",
    )
    assert human_size(512) == "512 字节" and human_size(300 * 1024) == "300 KB"
    assert human_size(3 * 1024 * 1024) == "3.0 MB"


def test_restore_of_another_branch_must_be_ticked(
    qtbot, window, book, monkeypatch, tmp_path, messages
):
    from PySide6.QtWidgets import QDialogButtonBox

    other = Book.create(tmp_path / "other.db", branch="青山社区党支部", year=2026)
    (tmp_path / "usb").mkdir()
    foreign = backup_book(other, reason="手动", dest_dir=tmp_path / "usb")
    other.close()
    seen: list[tuple[bool, bool, str]] = []

    def look_then_tick(self):
        ui = self.ui
        ok = ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        seen.append(
            (ok.isEnabled(), ui.otherBranchCheck.isVisibleTo(self), ui.concernsLabel.text())
        )
        ui.otherBranchCheck.setChecked(True)
        assert ok.isEnabled()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(RestorePreviewDialog, "exec", look_then_tick)
    assert window.restore_from_backup(foreign)
    enabled, check_shown, warning = seen[0]
    assert not enabled and check_shown and "青山社区党支部" in warning and "测试支部" in warning
    assert window.book.branch()["name"] == "青山社区党支部"


def test_restore_of_own_backup_warns_about_later_actions(
    qtbot, window, book, monkeypatch, messages
):
    own = backup_book(book, reason="手动")
    book.update_branch(name="测试支部", parent_org="测试镇党委")
    seen: list[RestorePreviewDialog] = []

    def look(self):
        seen.append(self)
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(RestorePreviewDialog, "exec", look)
    assert window.restore_from_backup(own) is False
    ui = seen[0].ui
    assert not ui.otherBranchCheck.isVisibleTo(seen[0])
    assert "1 项操作" in ui.concernsLabel.text()
