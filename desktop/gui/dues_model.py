"""Table model of a month's dues collection: everyone's due, and what is being paid now.

Holds the rows `desktop.book.dues.month_collection` returns plus the amount typed for each
person ("本次实收", in fen); it never touches the database. Values stay in Python lists (no
None goes through Qt and back).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from desktop.rules.dues import TariffError, parse_yuan, yuan

COLUMNS = ("姓名", "党小组", "应缴", "已缴", "本次实收", "说明", "此前欠缴", "收据号")
NAME, GROUP, DUE, PAID, NOW, NOTE, BEFORE, RECEIPT = range(len(COLUMNS))

_RED = QColor("#b3261e")
_GREEN = QColor("#1e6b2e")
_GREY = QColor("#7a7a7a")
_EDIT_BG = QColor("#fff8e1")

Index = QModelIndex | QPersistentModelIndex


class CollectionModel(QAbstractTableModel):
    """Rows = members owing the month; column 本次实收 is editable (yuan text)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[dict[str, Any]] = []
        self._now: list[int] = []
        self.last_error = ""

    # -- data in and out -------------------------------------------------------------------

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._now = [0] * len(rows)
        self.endResetModel()

    def row(self, r: int) -> dict[str, Any]:
        return self._rows[r]

    def rows(self) -> list[dict[str, Any]]:
        return list(self._rows)

    def now_fen(self, r: int) -> int:
        return self._now[r]

    def payments(self) -> dict[int, int]:
        """member id → fen paid now, for everyone with something typed."""
        return {self._rows[i]["member_id"]: f for i, f in enumerate(self._now) if f}

    def set_now(self, r: int, fen: int) -> None:
        self._now[r] = max(0, fen)
        self.dataChanged.emit(self.index(r, NOW), self.index(r, NOTE))

    def mark_all_paid(self) -> int:
        """Fill 本次实收 with what each person still owes for the month; returns how many."""
        n = 0
        for i, row in enumerate(self._rows):
            if row["due_fen"] is not None and row["remaining_fen"] > 0:
                self._now[i] = row["remaining_fen"]
                n += 1
        if self._rows:
            self.dataChanged.emit(self.index(0, NOW), self.index(len(self._rows) - 1, NOTE))
        return n

    def clear_all(self) -> None:
        self._now = [0] * len(self._rows)
        if self._rows:
            self.dataChanged.emit(self.index(0, NOW), self.index(len(self._rows) - 1, NOTE))

    def toggle(self, r: int) -> None:
        """Space: paid in full ↔ not paid."""
        row = self._rows[r]
        if row["due_fen"] is None:
            return
        self.set_now(r, 0 if self._now[r] else row["remaining_fen"])

    def note(self, r: int) -> str:
        row, now = self._rows[r], self._now[r]
        if row["due_fen"] is None:
            return "未设定党费标准（在“党员党费”页设定）"
        remaining = row["remaining_fen"]
        if now:
            if now == remaining:
                return "本次缴清"
            if now < remaining:
                return f"部分交纳，还欠 {yuan(remaining - now)}"
            return f"多交 {yuan(now - remaining)}（预交或自愿多交）"
        if remaining == 0:
            return "已缴清"
        if row["paid_fen"]:
            return f"已交一部分，还欠 {yuan(remaining)}"
        return "未缴"

    # -- Qt model --------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == NOW and self._rows[index.row()]["due_fen"] is not None:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r, c = index.row(), index.column()
        row = self._rows[r]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if c == NAME:
                return row["name"]
            if c == GROUP:
                return row["group"] or ""
            if c == DUE:
                return "—" if row["due_fen"] is None else yuan(row["due_fen"])
            if c == PAID:
                return yuan(row["paid_fen"]) if row["paid_fen"] else ""
            if c == NOW:
                now = self._now[r]
                if role == Qt.ItemDataRole.EditRole:
                    return yuan(now) if now else ""
                return yuan(now) if now else ""
            if c == NOTE:
                return self.note(r)
            if c == BEFORE:
                n = row["owed_before"]
                return f"{n} 个月 {yuan(row['owed_before_fen'])}" if n else ""
            if c == RECEIPT:
                return "、".join(row["receipts"])
            return ""
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if c in (DUE, PAID, NOW):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            if c == NOTE:
                text = self.note(r)
                if text.startswith(("未缴", "部分", "已交一部分")):
                    return QBrush(_RED)
                if text in ("本次缴清", "已缴清"):
                    return QBrush(_GREEN)
                return QBrush(_GREY)
            if c == BEFORE and row["owed_before"] >= 3:
                return QBrush(_RED)
            return None
        if role == Qt.ItemDataRole.BackgroundRole and c == NOW:
            return QBrush(_EDIT_BG)
        if role == Qt.ItemDataRole.ToolTipRole and c == NOW:
            return "输入本次实收金额（元），回车确认；空格键切换已缴/未缴"
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != NOW:
            return False
        text = str(value or "").strip()
        try:
            fen = parse_yuan(text) if text else 0
        except TariffError as exc:
            self.last_error = f"{self._rows[index.row()]['name']}：{exc}"
            return False
        if fen < 0:
            self.last_error = f"{self._rows[index.row()]['name']}：金额不能是负数。"
            return False
        self.last_error = ""
        self.set_now(index.row(), fen)
        return True
