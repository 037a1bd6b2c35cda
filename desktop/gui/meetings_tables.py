"""Tables of the meetings screen: column titles, colours and cells, shared by its tabs and
the activity dialog."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem, QWidget

STATE_COLORS = {"done": "#1b6e20", "overdue": "#b3261e", "due": "#8a5a00", "planned": "#505050"}
ACTIVITY_COLUMNS = ("日期", "类型", "主题", "签到")
ATTENDANCE_COLUMNS = ("序号", "姓名", "党小组", "状态", "事由/说明")
PLAN_COLUMNS = ("日期", "类型", "党小组", "主题", "状态", "对应活动")
FOLLOW_COLUMNS = ("类别", "党员", "内容", "状态")


def points_text(value: Decimal) -> str:
    text = f"{value.quantize(Decimal('0.01')).normalize():f}"
    return text


def table_item(text: str, *, color: str | None = None, center: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if color:
        item.setForeground(QBrush(QColor(color)))
    if center:
        item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
    return item


def repolish_roles(root: QWidget) -> None:
    """Apply the style sheet's `role` rules again to `root`'s labelled widgets.

    A widget created inside a parent that is already shown (a screen built lazily, the first
    time it is opened) is polished before setupUi sets its `role` property; dynamic property
    rules are only re-evaluated on a new polish.
    """
    for w in [root, *root.findChildren(QWidget)]:
        if w.property("role"):
            w.style().unpolish(w)
            w.style().polish(w)


def setup_table(table: QTableWidget, columns: tuple[str, ...], stretch: str) -> None:
    """Columns sized to their contents, except `stretch`, which takes the rest (no sideways
    scrolling on a 1366-pixel screen)."""
    table.setColumnCount(len(columns))
    table.setHorizontalHeaderLabels(list(columns))
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(columns.index(stretch), QHeaderView.ResizeMode.Stretch)
    header.setStretchLastSection(False)
    table.verticalHeader().setDefaultSectionSize(32)
