"""The 季度评议 screen's dialogs for a new 积分申报 (with what the item's caps still allow)
and a 更正 of a fact in a confirmed period.

新申报 stays open for the next claim when the screen gives it `save` (保存并继续); the book
(`desktop.book.quarter.add_claim` / `add_correction`) checks the values again and has the
last word — these dialogs only make them quick to enter.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QEvent, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.book import periods as clock
from desktop.book import quarter as Q
from desktop.book.store import Book
from desktop.gui.fields import add_dialog_buttons
from desktop.gui.member_picker import MemberPicker
from desktop.gui.screen_fit import resize_within_screen


class ClaimDialog(QDialog):
    """新申报: member, date, item (chosen from the scheme's claimable items, listed beside
    the form with their points), 分值 (the item's own when it has fixed points), 事由.

    With `save` (the screen's), the dialog stays open: 保存并继续 (Enter) saves one claim and
    clears only the member, so the next claim keeps the date, item, points and 事由 (a
    committee usually hands over several alike: two members honoured together); 关闭 (Esc)
    ends. Without it the dialog is an ordinary one whose `values()` are read after 确定."""

    def __init__(
        self,
        book: Book,
        year: int,
        parent: QWidget | None = None,
        *,
        save: Callable[[dict[str, Any]], bool] | None = None,
        day: date | None = None,
    ) -> None:
        """`day`: the date to start from (the screen's period, Q.claim_default_day);
        today when not given."""
        super().__init__(parent)
        self.setWindowTitle("新积分申报")
        self.book, self.save = book, save
        self.saved: list[str] = []  # what this dialog saved, as told in it
        self._auto_points = ""  # the points last filled in from an item
        outer = QHBoxLayout(self)
        form = QFormLayout()
        outer.addLayout(form, 3)
        # A member found by typing (name or pinyin initials, Enter) moves on.
        self.picker = MemberPicker(
            book.roster.members(include_left=False), on_chosen=self._next_field
        )
        self.member = self.picker.combo
        self.picker.clear()  # nobody until a name is typed: no claim for the wrong member
        day = day or clock.calendar_today()
        self.date = QDateEdit(QDate(day.year, day.month, day.day))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.items = self._item_list(Q.year_scheme(book, year))
        self.item_name = QLabel("（在右边的列表中点选）")
        self.item_name.setWordWrap(True)
        self.points = QLineEdit()
        self.points.setPlaceholderText("分值，如 3 或 -1")
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText("做了什么事、何时何地（必填）")
        self.evidence = QLineEdit()
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020;")
        self.entered = QLabel()
        self.entered.setWordWrap(True)
        self.entered.setProperty("role", "hint")
        self.points.installEventFilter(self)
        self.items.installEventFilter(self)
        form.addRow("党员", self.picker)
        form.addRow("日期", self.date)
        form.addRow("申报项目", self.item_name)
        form.addRow("分值", self.points)
        form.addRow("", self.hint)
        form.addRow("事由", self.reason)
        form.addRow("佐证材料", self.evidence)
        form.addRow("", self.problem)
        form.addRow("", self.entered)
        ok = add_dialog_buttons(self, form, "保存并继续" if save else None)
        if save:
            ok.parent().button(QDialogButtonBox.StandardButton.Cancel).setText("关闭")
            ok.setToolTip("保存这一条，留在本窗口登记下一条（项目、分值、事由沿用）；Esc 关闭")
        right = QVBoxLayout()
        right.addWidget(QLabel("申报项目（点选）"))
        right.addWidget(self.items, 1)
        outer.addLayout(right, 2)
        self.member.currentIndexChanged.connect(self._update_hint)
        self.items.currentItemChanged.connect(lambda *_: self._item_changed())
        self.items.itemClicked.connect(lambda *_: self._next_field())
        self.date.dateChanged.connect(self._update_hint)
        resize_within_screen(self, 860, 520)

    def _item_list(self, scheme: Any) -> QTreeWidget:
        """The claimable items under their sections, each with its points or range."""
        tree = QTreeWidget()
        tree.setHeaderLabels(["项目", "分值"])
        tree.setRootIsDecorated(False)
        sections: dict[str, QTreeWidgetItem] = {}
        for section, it in Q.claim_items(scheme):
            if section not in sections:
                head = QTreeWidgetItem(tree, [section])
                head.setFlags(Qt.ItemFlag.ItemIsEnabled)  # a heading, not a choice
                head.setFirstColumnSpanned(True)
                font = head.font(0)
                font.setBold(True)
                head.setFont(0, font)
                sections[section] = head
            points = f"{it.range[0]} 至 {it.range[1]}" if it.range is not None else f"{it.points}"
            row = QTreeWidgetItem(sections[section], [it.name, points])
            row.setData(0, Qt.ItemDataRole.UserRole, it.id)
            row.setToolTip(0, f"{section} — {it.name}")
        tree.expandAll()
        tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        tree.header().setStretchLastSection(False)
        return tree

    def item_id(self) -> str | None:
        current = self.items.currentItem()
        return current.data(0, Qt.ItemDataRole.UserRole) if current is not None else None

    def choose_item(self, item_id: str) -> None:
        for i in range(self.items.topLevelItemCount()):
            head = self.items.topLevelItem(i)
            for k in range(head.childCount()):
                if head.child(k).data(0, Qt.ItemDataRole.UserRole) == item_id:
                    self.items.setCurrentItem(head.child(k))
                    return

    def showEvent(self, event: Any) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self.picker.search.setFocus()  # the hands start on the member's name

    def _next_field(self) -> None:
        """After the member or the item: the first of 项目, 分值 and 事由 still to fill (事由
        always: it is the claim's own words, offered as last time, selected to type over)."""
        if self.item_id() is None:
            self.items.setFocus()
        elif not self.points.text().strip():
            self.points.setFocus()
        else:
            self.reason.setFocus()
            self.reason.selectAll()

    def eventFilter(self, watched: Any, event: Any) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.KeyPress and event.key() in (
            Qt.Key.Key_Return,
            Qt.Key.Key_Enter,
        ):
            # Enter on an item takes it; Enter in 分值 goes on to 事由 while that is empty.
            if watched is self.items and self.item_id() is not None:
                self._next_field()
                return True
            if watched is self.points and not self.reason.text().strip():
                self.reason.setFocus()
                return True
        return super().eventFilter(watched, event)

    def _item_changed(self) -> None:
        """An item with fixed points fills them in; one with a range leaves them to type."""
        it = Q.year_scheme(self.book, self.date.date().year()).item(self.item_id() or "")
        if it is None:
            return
        current = self.items.currentItem()
        self.item_name.setText(current.toolTip(0))
        if it.points is not None:
            self._auto_points = str(it.points)
            self.points.setText(self._auto_points)
        elif self.points.text() == self._auto_points:
            self.points.clear()  # not the last item's fixed points
        self._update_hint()

    def _update_hint(self) -> None:
        code, item_id = self.member.currentData(), self.item_id()
        if not code or not item_id:
            self.hint.clear()
            return
        iso = self.date.date().toString("yyyy-MM-dd")
        scheme = Q.year_scheme(self.book, int(iso[:4]))
        it = scheme.item(item_id)
        parts = []
        if it is not None and it.range is not None:
            parts.append(f"每次可申报 {it.range[0]} 至 {it.range[1]} 分")
        elif it is not None and it.points is not None:
            parts.append(f"每次固定 {it.points} 分")
        m = self.book.roster.find(code)
        parts += [u.text() for u in Q.cap_uses(self.book, m["id"], item_id, iso)]
        self.hint.setText("；".join(parts))

    def _missing(self) -> tuple[str, QWidget] | None:
        """What must still be filled in (said in the dialog, where the cursor goes)."""
        if self.member.currentData() is None:
            return "请选择党员：输入姓名或拼音首字母。", self.picker.search
        if self.item_id() is None:
            return "请在右边的列表中选择申报项目。", self.items
        if not self.points.text().strip():
            return "请填写分值。", self.points
        if not self.reason.text().strip():
            return "请填写事由。", self.reason
        return None

    def accept(self) -> None:
        missing = self._missing()
        if missing:
            self.problem.setText(missing[0])
            missing[1].setFocus()
            return
        self.problem.clear()
        if self.save is None:
            super().accept()
            return
        values = self.values()
        name = self.member.currentText().split("（")[0]
        if self.save(values):
            where = Q.quarter_label(*Q.quarter_of(str(values["when"])))
            it = self.items.currentItem().text(0)
            self.saved.append(f"{name} {it} {values['points']} 分（{where}）")
            self.entered.setText(f"已登记 {len(self.saved)} 条：" + "；".join(self.saved))
            self.picker.clear()  # the next member; the rest stays for a claim alike
            self.picker.search.setFocus()

    def values(self) -> dict[str, Any]:
        return {
            "member": self.member.currentData(),
            "when": self.date.date().toString("yyyy-MM-dd"),
            "item": self.item_id(),
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
        from desktop.book.errors import BookError
        from desktop.book.periods import ORDER, cycle

        try:
            unit = ORDER[cycle(book, year)]  # 季度, or 月份/半年 where the scheme reviews so
        except BookError:
            unit = "季度"
        note = QLabel(
            f"已确认{unit}的记录不能修改。发现错误时，在这里登记一条更正：写明更正的是哪条记录、"
            f"原因和应加减的分值。更正记在今天（未确认的{unit}），积分明细中注明“更正”。"
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
