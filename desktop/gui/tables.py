"""Read-only table cells and tables shared by the screens that list records."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QTableWidget, QTableWidgetItem


def read_only_item(text: Any, *, align_right: bool = False, data: Any = None) -> QTableWidgetItem:
    """A selectable, not editable cell; `data` (e.g. a member code) under UserRole."""
    it = QTableWidgetItem("" if text is None else str(text))
    it.setFlags(Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled)
    if align_right:
        it.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    if data is not None:
        it.setData(Qt.ItemDataRole.UserRole, data)
    return it


def read_only_table(headers: list[str], *, stretch_last: bool = False) -> QTableWidget:
    """A table of whole-row, single selection that is not edited in place."""
    t = QTableWidget(0, len(headers))
    t.setHorizontalHeaderLabels(headers)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.verticalHeader().setVisible(False)
    t.setAlternatingRowColors(True)
    if stretch_last:
        t.horizontalHeader().setStretchLastSection(True)
    return t
