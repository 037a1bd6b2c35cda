"""Opening a book, and the way out when a file can't be opened.

A file that is not ours, damaged, or from a newer version is never written to: the dialog
offers to open another book, restore from a backup (the bad file is moved aside, kept), start
a new book elsewhere, or quit.
"""

from __future__ import annotations

import enum
from pathlib import Path

from PySide6.QtWidgets import QDialog, QWidget

from desktop.book.errors import BookError
from desktop.book.store import Book

BOOK_FILTER = "先锋指数账本 (*.db);;所有文件 (*)"


class WayOut(enum.IntEnum):
    QUIT = 0  # QDialog.Rejected, so Esc / closing the dialog means "quit" (or "cancel")
    OPEN_OTHER = 10
    RESTORE = 11
    NEW = 12


class OpenFailedDialog(QDialog):
    """Explains why a book can't be opened and offers the ways out."""

    def __init__(
        self,
        error: BookError,
        path: Path,
        parent: QWidget | None = None,
        *,
        quit_text: str = "退出",
    ) -> None:
        super().__init__(parent)
        # Imported when needed: the form uses the Qt namespace (see qt_constants.py).
        from desktop.gui.forms.ui_open_failed import Ui_OpenFailedDialog

        self.ui = Ui_OpenFailedDialog()
        self.ui.setupUi(self)
        self.error = error
        from PySide6.QtWidgets import QStyle  # only here: its enums cost ~5 ms at start-up

        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        self.ui.iconLabel.setPixmap(icon.pixmap(48, 48))
        self.ui.messageLabel.setText(error.message)
        self.ui.pathLabel.setText(f"文件位置：{path}")
        if error.hint and "请" in error.hint and "备份" not in error.hint:
            self.ui.reassureLabel.setText(f"{error.hint}\n程序没有改动这个文件。您可以：")
        self.ui.quitButton.setText(quit_text)
        self.ui.openOtherButton.clicked.connect(lambda: self.done(WayOut.OPEN_OTHER))
        self.ui.restoreButton.clicked.connect(lambda: self.done(WayOut.RESTORE))
        self.ui.newButton.clicked.connect(lambda: self.done(WayOut.NEW))
        self.ui.quitButton.clicked.connect(lambda: self.done(WayOut.QUIT))
        self.ui.openOtherButton.setDefault(True)
        self.setMinimumWidth(560)

    def choice(self) -> WayOut:
        return WayOut(self.exec())


def choose_book_file(parent: QWidget | None, start: Path | None = None) -> Path | None:
    from PySide6.QtWidgets import QFileDialog

    chosen, _filter = QFileDialog.getOpenFileName(parent, "打开账本", str(start or ""), BOOK_FILTER)
    return Path(chosen) if chosen else None


def open_with_way_out(
    parent: QWidget | None,
    path: Path,
    *,
    quit_text: str = "退出",
    wizard_if_missing: bool = False,
) -> Book | None:
    """Open `path`; on failure, let the user choose a way out until a book is open or they give up.

    Returns the open Book, or None if the user chose quit/cancel.
    """
    # The wizard and the restore dialogs are imported only when needed (startup time).
    path = Path(path)
    while True:
        if wizard_if_missing and not path.exists():
            from desktop.gui.wizard import run_wizard

            return run_wizard(path, parent, first_run=True)
        try:
            return Book.open(path)
        except BookError as err:
            choice = OpenFailedDialog(err, path, parent, quit_text=quit_text).choice()
        if choice == WayOut.OPEN_OTHER:
            other = choose_book_file(parent, path.parent)
            if other is not None:
                path = other
                wizard_if_missing = False
        elif choice == WayOut.RESTORE:
            from desktop.gui.backup_screen import choose_backup_file, confirm_restore, run_restore

            backup = choose_backup_file(parent)
            if backup is not None and confirm_restore(parent, backup):
                run_restore(parent, path, backup)  # on success the loop opens the restored book
        elif choice == WayOut.NEW:
            from desktop.gui.wizard import run_wizard, unused_path

            book = run_wizard(unused_path(path), parent, first_run=False)
            if book is not None:
                return book
        else:
            return None
