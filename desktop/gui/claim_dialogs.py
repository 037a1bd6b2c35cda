"""The 季度评议 screen's dialogs for a new 积分申报 (with what the item's caps still allow)
and a 更正 of a fact in a confirmed period."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, QEvent, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from desktop.book import quarter as Q
from desktop.book.store import Book
from desktop.gui.fields import add_dialog_buttons
from desktop.gui.member_picker import MemberPicker


class ClaimDialog(QDialog):
    """新申报: member, date, item (showing the range and what is left under the caps)."""

    def __init__(self, book: Book, year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("新积分申报")
        self.book = book
        form = QFormLayout(self)
        # A member found by typing (name or pinyin initials, Enter) moves on to 分值.
        self.picker = MemberPicker(
            book.roster.members(include_left=False), on_chosen=self._member_chosen
        )
        self.member = self.picker.combo
        self.date = QDateEdit(QDate.currentDate())
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.item = QComboBox()
        for section, it in Q.claim_items(Q.year_scheme(book, year)):
            self.item.addItem(f"{section} — {it.name}", it.id)
        self.points = QLineEdit()
        self.points.setPlaceholderText("分值，如 3 或 -1")
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText("做了什么事、何时何地（必填）")
        self.evidence = QLineEdit()
        self.points.installEventFilter(self)
        form.addRow("党员", self.picker)
        form.addRow("日期", self.date)
        form.addRow("申报项目", self.item)
        form.addRow("分值", self.points)
        form.addRow("", self.hint)
        form.addRow("事由", self.reason)
        form.addRow("佐证材料", self.evidence)
        add_dialog_buttons(self, form)
        for w in (self.member, self.item):
            w.currentIndexChanged.connect(self._update_hint)
        self.date.dateChanged.connect(self._update_hint)
        self._update_hint()

    def showEvent(self, event: Any) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self.picker.search.setFocus()  # the hands start on the member's name

    def _member_chosen(self) -> None:
        """After the member: 分值 if it is still to be typed, else 事由."""
        (self.points if not self.points.text().strip() else self.reason).setFocus()

    def eventFilter(self, watched: Any, event: Any) -> bool:  # noqa: N802 (Qt's name)
        # Enter in 分值 goes on to 事由 while it is empty (it is required), else saves.
        if (
            watched is self.points
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not self.reason.text().strip()
        ):
            self.reason.setFocus()
            return True
        return super().eventFilter(watched, event)

    def _update_hint(self) -> None:
        code, item_id = self.member.currentData(), self.item.currentData()
        if not code or not item_id:
            return
        iso = self.date.date().toString("yyyy-MM-dd")
        scheme = Q.year_scheme(self.book, int(iso[:4]))
        it = scheme.item(item_id)
        parts = []
        if it is not None and it.range is not None:
            parts.append(f"每次可申报 {it.range[0]} 至 {it.range[1]} 分")
        elif it is not None and it.points is not None:
            parts.append(f"每次固定 {it.points} 分")
            self.points.setText(str(it.points))
        m = self.book.roster.find(code)
        parts += [u.text() for u in Q.cap_uses(self.book, m["id"], item_id, iso)]
        self.hint.setText("；".join(parts))

    def values(self) -> dict[str, Any]:
        return {
            "member": self.member.currentData(),
            "when": self.date.date().toString("yyyy-MM-dd"),
            "item": self.item.currentData(),
            "points": self.points.text().strip() or None,
            "reason": self.reason.text(),
            "evidence": self.evidence.text(),
        }


class CorrectionDialog(QDialog):
    """登记更正: a new dated entry, with its reason, for a fact in a confirmed quarter."""

    def __init__(self, book: Book, year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("登记更正")
        form = QFormLayout(self)
        note = QLabel(
            "已确认季度的记录不能修改。发现错误时，在这里登记一条更正：写明更正的是哪条记录、"
            "原因和应加减的分值。更正记在今天（未确认的季度），积分明细中注明“更正”。"
        )
        note.setWordWrap(True)
        form.addRow(note)
        self.picker = MemberPicker(book.roster.members(include_left=False))
        self.member = self.picker.combo
        self.item = QComboBox()
        for section in Q.year_scheme(book, year).sections:
            for it in section.items:
                if not it.tiers:
                    self.item.addItem(f"{section.name} — {it.name}", it.id)
        self.points = QLineEdit()
        self.points.setPlaceholderText("加为正，减为负，如 2 或 -1")
        self.refers_to = QLineEdit()
        self.refers_to.setPlaceholderText("如：2026-03-10 主题党日 记为无故缺席")
        self.reason = QLineEdit()
        form.addRow("党员", self.picker)
        form.addRow("项目", self.item)
        form.addRow("分值", self.points)
        form.addRow("原记录", self.refers_to)
        form.addRow("更正原因", self.reason)
        add_dialog_buttons(self, form)

    def values(self) -> dict[str, Any]:
        return {
            "member": self.member.currentData(),
            "item": self.item.currentData(),
            "points": self.points.text().strip() or "0",
            "reason": self.reason.text(),
            "refers_to": self.refers_to.text(),
        }
