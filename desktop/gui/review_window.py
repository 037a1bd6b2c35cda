"""A branch's book from a pack, opened read-only for the township: the normal screens, every
editing action disabled, a banner 「只读：…的报送包，仅供审核」.

The book is a copy in a temporary folder (the stick is never opened for writing). The book
itself is held read-only by the store's read-only mode when it has one (issue #11 owns it);
until then the connection is put in SQLite's `query_only` mode, so a write that slipped past
the disabled controls is still refused by SQLite. The window never records the copy among
the recent books and never backs it up on closing; the temporary folder goes with it.
"""

from __future__ import annotations

import inspect
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
# Controls that choose what is shown (the year, the quarter, a filter), not what is stored.
VIEW_CONTROL_NAMES = ("year", "quarter", "group", "kind", "round", "filter", "search", "order")


def open_read_only(path: Path) -> Book:
    """The book at `path` opened read-only: the store's own mode if it has one."""
    if "read_only" in inspect.signature(Book.open).parameters:
        return Book.open(path, read_only=True)  # type: ignore[call-arg]
    book = Book.open(path)
    book.execute("PRAGMA query_only = ON")
    return book


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
        if button.isCheckable() and (
            _is_view_control(button) or isinstance(button, QCheckBox | QRadioButton)
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
        super().__init__(book)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.banner = QLabel(banner)
        self.banner.setObjectName("readOnlyBanner")
        self.banner.setStyleSheet(
            "background: #fff1c2; color: #7a4b00; padding: 8px 14px; font-weight: bold;"
        )
        self.banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMenuWidget(_stacked(self.menuWidget(), self.banner))
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


def _stacked(menu: QWidget | None, banner: QLabel) -> QWidget:
    """The menu bar with the banner under it, as the window's menu widget."""
    from PySide6.QtWidgets import QVBoxLayout

    holder = QWidget()
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    if menu is not None:
        layout.addWidget(menu)
    layout.addWidget(banner)
    return holder


def open_for_review(path: Path, what: str) -> ReviewWindow:
    """Open the copy at `path` in a read-only window with the banner 「只读：what，仅供审核」."""
    book = open_read_only(Path(path))
    window = ReviewWindow(book, BANNER.format(what=what), folder=Path(path).parent)
    window.show()
    return window
