"""A branch's book from a pack, opened read-only for the township: the normal screens, every
editing action disabled, the banner 「只读：…的报送包，仅供审核」.

The book is a copy in a temporary folder (the stick is never opened for writing), opened with
the store's read-only mode (`Book.open(read_only=True)`, issue #11: writes refused) and shown
in the window's own read-only banner (MainWindow._show_read_only_banner) with the pack named.
On top of that every control that would change the book is disabled — a refusal after a
click is no way to review — the copy is never added to the recent books nor backed up, and
the temporary folder goes when the window closes.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QTextEdit,
    QWidget,
)

from desktop.book.store import Book
from desktop.gui.main_window import MainWindow

log = logging.getLogger(__name__)

BANNER = "只读：{what}，仅供审核"

# Window actions that change the book (or replace it).
EDIT_ACTIONS = (
    "new_book",  # this window stays on the reviewed copy: no other book is opened in it
    "open_book",
    "township_desk",
    "branch_info",
    "new_year",
    "backup_now",
    "backup_to_folder",
    "restore",
    "import_workbook",
)

# Buttons that only look, print or save a copy elsewhere stay usable.
VIEW_WORDS = ("打印", "导出", "预览", "查看", "明细", "刷新", "另存", "关闭", "打开文件夹", "说明")
# …except check boxes that switch an entry mode on (党费: 手动调整金额).
EDIT_TOGGLE_WORDS = ("调整", "修改", "登记", "录入", "编辑")
# Controls that choose what is shown (the year, the quarter, a filter), not what is stored.
VIEW_CONTROL_NAMES = (
    "year",
    "quarter",
    "monthcombo",
    "group",
    "status",
    "flag",
    "kind",
    "round",
    "filter",
    "search",
    "order",
    "style",
)


def open_read_only(path: Path) -> Book:
    """The copy at `path` in the store's read-only mode, migrated first if it is older (the
    read-only mode refuses to migrate; the copy is ours to change)."""
    from desktop.book.store import inspect_file
    from desktop.book.version import SCHEMA_VERSION

    path = Path(path)
    if inspect_file(path)["user_version"] < SCHEMA_VERSION:
        Book.open(path, backup_dir=path.parent).close()
    return Book.open(path, read_only=True)


def is_view_button(button: QAbstractButton) -> bool:
    text = button.text().replace("&", "")
    return any(word in text for word in VIEW_WORDS)


def _is_view_control(widget: QWidget) -> bool:
    name = widget.objectName().lower()
    attr = ""
    parent = widget.parent()
    # Screens built in code keep their controls as attributes (self.year = QSpinBox()).
    for key, value in vars(parent).items() if parent is not None else ():
        if value is widget:
            attr = key.lower()
            break
    return any(word in name or word in attr for word in VIEW_CONTROL_NAMES)


class _KeepDisabled(QObject):
    """Screens enable their buttons again as the selection changes: this undoes it."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.EnabledChange
            and isinstance(watched, QWidget)
            and watched.isEnabled()
        ):
            watched.setEnabled(False)
        return False


def lock_widget(root: QWidget, keeper: _KeepDisabled) -> None:
    """Disable every control under `root` that could change the book."""
    for button in root.findChildren(QAbstractButton):
        if button.property("reviewLocked") or is_view_button(button):
            continue
        if (
            button.isCheckable()
            and (_is_view_control(button) or isinstance(button, QCheckBox | QRadioButton))
            and not any(word in button.text() for word in EDIT_TOGGLE_WORDS)
        ):
            continue  # on a screen, a check box filters what is shown (只看: 低于60分 …)
        button.setProperty("reviewLocked", True)
        button.setEnabled(False)
        button.installEventFilter(keeper)
    for view in root.findChildren(QAbstractItemView):
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    for edit in root.findChildren(QLineEdit):
        if not _is_view_control(edit):
            edit.setReadOnly(True)
    for edit in root.findChildren(QPlainTextEdit) + root.findChildren(QTextEdit):
        edit.setReadOnly(True)
    for box in root.findChildren(QAbstractSpinBox):
        if not _is_view_control(box):
            box.setReadOnly(True)
    for combo in root.findChildren(QComboBox):
        if not _is_view_control(combo) and not combo.property("reviewLocked"):
            combo.setProperty("reviewLocked", True)
            combo.setEnabled(False)
            combo.installEventFilter(keeper)


class ReviewWindow(MainWindow):
    """MainWindow on a read-only copy of a branch's book."""

    def __init__(self, book: Book, banner: str, folder: Path | None = None) -> None:
        self._review_folder = folder
        self._keeper = _KeepDisabled()
        self._banner_text = banner
        super().__init__(book)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.banner: QLabel = self.read_only_banner
        self.setWindowTitle(f"{banner} — 先锋指数")
        for name in EDIT_ACTIONS:
            action = self.actions.get(name)
            if action is not None:
                action.setEnabled(False)
                action.setVisible(False)
        self.recent_menu.setEnabled(False)
        # Every screen is built now and locked (lazy ones would otherwise come up editable).
        for title, _screen in self.screens():
            lock_widget(self.screen(title), self._keeper)

    def _show_read_only_banner(self) -> None:
        super()._show_read_only_banner()  # the store's read-only book: the window's banner
        banner = getattr(self, "read_only_banner", None)
        if banner is not None and getattr(self, "_banner_text", ""):
            banner.setText(self._banner_text)

    def _book_shown(self) -> None:
        # Not among the recent books: it is a temporary copy of someone else's book.
        from desktop.gui import main_window

        saved = main_window.remember_book
        main_window.remember_book = lambda _path: None  # type: ignore[assignment]
        try:
            super()._book_shown()
        finally:
            main_window.remember_book = saved  # type: ignore[assignment]

    def _update_actions(self) -> None:
        super()._update_actions()
        for name in EDIT_ACTIONS:
            action = self.actions.get(name)
            if action is not None:
                action.setEnabled(False)

    def close_book(self, *, backup: bool = True) -> None:
        super().close_book(backup=False)  # a reviewed copy is never backed up

    def closeEvent(self, event: Any) -> None:
        super().closeEvent(event)
        if self._review_folder is not None:
            shutil.rmtree(self._review_folder, ignore_errors=True)


def open_for_review(path: Path, what: str) -> ReviewWindow:
    """Open the copy at `path` in a read-only window with the banner 「只读：what，仅供审核」."""
    book = open_read_only(Path(path))
    window = ReviewWindow(book, BANNER.format(what=what), folder=Path(path).parent)
    window.show()
    return window
