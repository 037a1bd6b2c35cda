"""操作记录: a read-only view of the book's journal (who did what, when)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHeaderView, QWidget

from desktop.book.store import Book
from desktop.gui.forms.ui_journal_screen import Ui_JournalScreen

JOURNAL_LIMIT = 500
_Index = QModelIndex | QPersistentModelIndex


class JournalModel(QAbstractTableModel):
    """Rows of `readable_journal()`: dicts with at, actor, action, summary, tooltip."""

    COLUMNS = (("at", "时间"), ("actor", "操作人"), ("action", "操作"), ("summary", "内容"))

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[dict[str, Any]] = []

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        key = self.COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.ToolTipRole and key == "summary" and row.get("tooltip"):
            return f"{row.get('summary') or ''}\n{row['tooltip']}"
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = row.get(key) or ""
            if key == "at":
                value = str(value).replace("T", " ")
            return str(value)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.COLUMNS[section][1]
        return None


class JournalScreen(QWidget):
    def __init__(self, book: Book | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_JournalScreen()
        self.ui.setupUi(self)
        self.book = book
        self.model = JournalModel(self)
        view = self.ui.journalView
        view.setModel(self.model)
        view.verticalHeader().setDefaultSectionSize(34)
        header = view.horizontalHeader()
        for col in range(3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.ui.refreshButton.clicked.connect(self.refresh)
        QShortcut(QKeySequence.StandardKey.Refresh, self, self.refresh)
        # Filled when shown (MainWindow calls refresh()) or given a book.

    def set_book(self, book: Book) -> None:
        self.book = book
        self.refresh()

    def refresh(self) -> None:
        from desktop.book.journal import readable_journal

        rows = readable_journal(self.book, JOURNAL_LIMIT) if self.book is not None else []
        self.model.set_rows(rows)
        if len(rows) >= JOURNAL_LIMIT:
            self.ui.countLabel.setText(f"显示最近 {JOURNAL_LIMIT} 条记录。")
        else:
            self.ui.countLabel.setText(f"共 {len(rows)} 条记录。")
