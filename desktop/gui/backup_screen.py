"""备份与恢复: the list of automatic backups, backup now / to a USB stick, restore with a preview.

Backups and restores run off the UI thread; a job opens its own Book (an sqlite connection
belongs to the thread that opened it).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QMessageBox,
    QTableWidgetItem,
    QWidget,
)

from desktop.book.errors import BookError
from desktop.book.store import Book
from desktop.gui.error_handler import report_exception, show_book_error
from desktop.gui.forms.ui_backup_screen import Ui_BackupScreen
from desktop.gui.forms.ui_restore_preview import Ui_RestorePreviewDialog
from desktop.gui.worker import call_in_background, run_in_background

log = logging.getLogger(__name__)

BACKUP_FILTER = "账本备份 (*.db);;所有文件 (*)"
_DAMAGED_RE = re.compile(r"-损坏-(\d{8})-(\d{6})")
_NAME_RE = re.compile(r"-备份-(\d{8})-(\d{6})-(.+?)(?:-\d+)?\.db$")


def human_size(size: int) -> str:
    if size < 1024:
        return f"{size} 字节"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / 1024 / 1024:.1f} MB"


def describe_backup_name(path: Path) -> tuple[str, str]:
    """(when, reason) read from a backup's file name; falls back to the file's time."""
    match = _NAME_RE.search(path.name)
    damaged = _DAMAGED_RE.search(path.name)
    if match is None and damaged:
        stamp = datetime.strptime(damaged.group(1) + damaged.group(2), "%Y%m%d%H%M%S")
        return stamp.strftime("%Y-%m-%d %H:%M"), "打不开的原账本（留存）"
    if match:
        stamp = datetime.strptime(match.group(1) + match.group(2), "%Y%m%d%H%M%S")
        return stamp.strftime("%Y-%m-%d %H:%M"), match.group(3)
    return _mtime_text(path), ""


def _mtime_text(path: Path) -> str:
    try:
        return datetime.fromtimestamp(path.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
    except OSError:
        return ""


# -- jobs (run on a worker thread; they open their own Book) ---------------------------------


def _backup_job(book_path: Path, reason: str, dest_dir: Path | None) -> Path:
    from desktop.book.backup import backup_book

    with Book.open(book_path) as book:
        return backup_book(book, reason=reason, dest_dir=dest_dir)


def start_backup(
    parent: QWidget | None,
    book_path: Path,
    *,
    reason: str = "手动",
    dest_dir: Path | None = None,
    on_done: Callable[[Path], None] | None = None,
) -> Any:
    """Back up the book at `book_path` in the background; tell the user where it went."""

    def done(path: Path) -> None:
        where = "U盘或所选文件夹" if dest_dir else "本机的备份文件夹"
        QMessageBox.information(
            parent, "备份完成", f"账本已备份并检查完好，保存在{where}：\n\n{path}"
        )
        if on_done is not None:
            on_done(path)

    def failed(exc: BaseException) -> None:
        if isinstance(exc, OSError):
            QMessageBox.warning(
                parent,
                "备份没有完成",
                f"无法写入备份文件：{exc.strerror or exc}。\n请检查U盘是否插好、是否有足够空间。",
            )
        elif isinstance(exc, BookError):
            # e.g. the chosen folder vanished (USB stick pulled out) before the backup ran
            show_book_error(parent, exc, "备份没有完成")
        else:
            report_exception(exc, parent=parent)

    return run_in_background(
        parent,
        lambda: _backup_job(Path(book_path), reason, dest_dir),
        on_done=done,
        on_error=failed,
        label="正在备份账本，请稍候…",
    )


# -- restore ------------------------------------------------------------------------------------


def choose_backup_file(parent: QWidget | None) -> Path | None:
    from desktop.book.paths import backup_dir

    chosen, _filter = QFileDialog.getOpenFileName(
        parent, "选择要恢复的备份文件", str(backup_dir()), BACKUP_FILTER
    )
    return Path(chosen) if chosen else None


class RestorePreviewDialog(QDialog):
    """What a backup holds, and a last confirmation before restoring it."""

    def __init__(
        self,
        report: dict[str, Any],
        parent: QWidget | None = None,
        concerns: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_RestorePreviewDialog()
        self.ui.setupUi(self)
        concerns = concerns or {}
        warnings = concerns.get("warnings") or []
        self.ui.concernsLabel.setText("\n".join(warnings))
        self.ui.concernsLabel.setVisible(bool(warnings))
        # Another branch's backup needs a deliberate tick: an easy slip on a shared USB stick.
        self.ui.otherBranchCheck.setVisible(bool(concerns.get("other_branch")))
        self.ui.branchValue.setText(report.get("branch") or "（未填写支部名称）")
        year = report.get("year")
        self.ui.yearValue.setText(f"{year} 年" if year else "（未设置）")
        counts = report.get("counts") or {}
        parts = [f"{label} {n}" for label, n in counts.items() if n]
        self.ui.countsValue.setText("，".join(parts) if parts else "（空账本）")
        last = report.get("last_action")
        if last:
            at = str(last.get("at", "")).replace("T", " ")[:16]
            summary = f"：{last['summary']}" if last.get("summary") else ""
            self.ui.lastActionValue.setText(f"{at}  {last.get('action', '')}{summary}")
        else:
            self.ui.lastActionValue.setText("（无记录）")
        size = report.get("size")
        size_text = f"（{human_size(size)}）" if isinstance(size, int) else ""
        self.ui.fileValue.setText(f"{report.get('path', '')} {size_text}")
        ok = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("恢复这份备份")
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setDefault(True)
        if concerns.get("other_branch"):
            ok.setEnabled(False)
            self.ui.otherBranchCheck.toggled.connect(ok.setEnabled)
        self.setMinimumWidth(560)
        self.adjustSize()


def confirm_restore(
    parent: QWidget | None, backup_path: Path, book_path: Path | None = None
) -> bool:
    """Check the backup (off the UI thread), show what it holds and what restoring it over
    `book_path` would replace (another branch, later actions), ask to go ahead."""
    from desktop.book.backup import restore_concerns, verify_file

    def check() -> tuple[dict[str, Any], dict[str, Any]]:
        report = verify_file(Path(backup_path))
        return report, restore_concerns(Path(book_path), report) if book_path else {}

    try:
        report, concerns = call_in_background(parent, check, "正在检查备份文件…")
    except BookError as err:
        show_book_error(parent, err, "这份备份不能用")
        return False
    dialog = RestorePreviewDialog(report, parent, concerns)
    return dialog.exec() == QDialog.DialogCode.Accepted


def run_restore(parent: QWidget | None, book_path: Path, backup_path: Path) -> dict | None:
    """Replace the (closed) book at `book_path` by the backup; returns restore_book's result.

    Tells the user where the previous book was kept. On failure shows why and returns None.
    """
    from desktop.book.backup import restore_book

    try:
        result = call_in_background(
            parent,
            # confirm_restore has shown any other-branch warning and had it ticked.
            lambda: restore_book(Path(book_path), Path(backup_path), other_branch=True),
            "正在从备份恢复账本，请稍候…",
        )
    except BookError as err:
        show_book_error(parent, err, "恢复没有完成")
        return None
    except OSError as err:
        QMessageBox.warning(
            parent, "恢复没有完成", f"无法写入账本文件：{err.strerror or err}。原账本没有改动。"
        )
        return None
    saved = result.get("saved")
    text = "已从备份恢复账本。"
    if saved:
        text += f"\n\n恢复前的账本已另存为：\n{saved}\n如需找回，可再用它恢复。"
    QMessageBox.information(parent, "恢复完成", text)
    return result


# -- the screen ---------------------------------------------------------------------------------


class BackupScreen(QWidget):
    """The 备份与恢复 screen. Restoring needs the window (it closes and reopens the book), so
    the screen asks for it with `restore_requested(path or None)`."""

    restore_requested = Signal(object)
    backup_finished = Signal(object)

    def __init__(self, book: Book | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_BackupScreen()
        self.ui.setupUi(self)
        self.book = book
        table = self.ui.backupsTable
        table.setColumnCount(4)
        table.setHorizontalHeaderLabels(["备份时间", "原因", "大小", "文件名"])
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        table.verticalHeader().setDefaultSectionSize(34)
        self.ui.backupNowButton.clicked.connect(self.backup_now)
        # Through a lambda: clicked(bool) would arrive as `folder=False` (no folder asked).
        self.ui.backupToFolderButton.clicked.connect(lambda: self.backup_to_folder())
        self.ui.handoverButton.clicked.connect(lambda: self.handover())
        self.ui.receiptButton.clicked.connect(lambda: self.import_receipt())
        self.ui.restoreFileButton.clicked.connect(lambda: self.restore_requested.emit(None))
        self.ui.restoreSelectedButton.clicked.connect(self._restore_selected)
        self.ui.openFolderButton.clicked.connect(self._open_folder)
        table.itemSelectionChanged.connect(self._update_buttons)
        table.doubleClicked.connect(lambda _index: self._restore_selected())
        # Filled when shown (MainWindow calls refresh()) or given a book.

    def set_book(self, book: Book) -> None:
        self.book = book
        self.refresh()

    def refresh(self) -> None:
        from desktop.book.backup import list_backups
        from desktop.book.paths import backup_dir

        folder = backup_dir()
        backups = list_backups(folder)
        table = self.ui.backupsTable
        table.setRowCount(len(backups))
        for row, path in enumerate(backups):
            when, reason = describe_backup_name(path)
            try:
                size = human_size(path.stat().st_size)
            except OSError:
                size = ""
            cells = [when, reason, size, path.name]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, str(path))
                item.setToolTip(str(path))
                table.setItem(row, col, item)
        has_rows = bool(backups)
        table.setVisible(has_rows)
        self.ui.emptyLabel.setVisible(not has_rows)
        if has_rows:
            when, _reason = describe_backup_name(backups[0])
            self.ui.lastBackupLabel.setText(
                f"最近一次备份：{when}，本机共有 {len(backups)} 份备份。"
            )
        else:
            self.ui.lastBackupLabel.setText("最近一次备份：还没有。")
        self.ui.folderLabel.setText(f"备份文件夹：{folder}")
        self._update_buttons()

    def selected_backup(self) -> Path | None:
        items = self.ui.backupsTable.selectedItems()
        return Path(items[0].data(Qt.ItemDataRole.UserRole)) if items else None

    def _update_buttons(self) -> None:
        has_book = self.book is not None
        self.ui.backupNowButton.setEnabled(has_book)
        self.ui.backupToFolderButton.setEnabled(has_book)
        self.ui.handoverButton.setEnabled(has_book)
        self.ui.receiptButton.setEnabled(has_book)
        self.ui.restoreSelectedButton.setEnabled(self.selected_backup() is not None)

    def _restore_selected(self) -> None:
        path = self.selected_backup()
        if path is not None:
            self.restore_requested.emit(path)

    def _open_folder(self) -> None:
        from desktop.book.paths import backup_dir

        QDesktopServices.openUrl(QUrl.fromLocalFile(str(backup_dir())))

    def _finished(self, path: Path) -> None:
        self.refresh()
        self.backup_finished.emit(path)

    def backup_now(self) -> Any:
        """立即备份 into the user data folder's backup folder."""
        if self.book is None:
            return None
        return start_backup(self, self.book.path, reason="手动", on_done=self._finished)

    def handover(self) -> Any:
        """报送乡镇…: the township pack (desktop/gui/handover_dialog.py)."""
        if self.book is None:
            return None
        from desktop.gui.handover_dialog import open_handover

        return open_handover(self, self.book)

    def import_receipt(self, path: Path | None = None) -> Any:
        """导入乡镇审核回执…: record the township's decision (desktop/gui/handover_dialog.py)."""
        if self.book is None:
            return None
        from desktop.gui.handover_dialog import import_receipt

        return import_receipt(self, self.book, path)

    def backup_to_folder(self, folder: Path | None = None) -> Any:
        """备份到U盘/文件夹: ask for a folder, write a verified backup there."""
        if self.book is None:
            return None
        if folder is None:
            chosen = QFileDialog.getExistingDirectory(self, "选择U盘或文件夹", "")
            if not chosen:
                return None
            folder = Path(chosen)
        return start_backup(
            self, self.book.path, reason="手动", dest_dir=folder, on_done=self._finished
        )
