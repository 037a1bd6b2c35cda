"""管理党小组: list the branch's groups; add, rename, set the leader, delete."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox, QTableWidgetItem, QWidget

from desktop.book.errors import InputRefused
from desktop.gui.fields import mark_invalid, show_error
from desktop.gui.forms.ui_group_edit_dialog import Ui_GroupEditDialog
from desktop.gui.forms.ui_groups_dialog import Ui_GroupsDialog

NO_LEADER = "（暂不设组长）"


class GroupsDialog(QDialog):
    """The groups table with 新建 / 修改 / 删除. `changed` is True after any write."""

    def __init__(self, book: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.book = book
        self.changed = False
        self.ui = Ui_GroupsDialog()
        self.ui.setupUi(self)
        table = self.ui.groupsTable
        table.verticalHeader().setDefaultSectionSize(32)
        table.doubleClicked.connect(lambda _index: self.edit_group())
        table.itemSelectionChanged.connect(self._update_buttons)
        self.ui.addButton.clicked.connect(self.add_group)
        self.ui.editButton.clicked.connect(self.edit_group)
        self.ui.deleteButton.clicked.connect(self.delete_group)
        self.ui.closeButton.clicked.connect(self.accept)
        self.load()

    def load(self, select_id: int | None = None) -> None:
        self.groups = self.book.roster.groups()
        table = self.ui.groupsTable
        table.setRowCount(len(self.groups))
        for row, group in enumerate(self.groups):
            values = (
                group["name"],
                group.get("leader_name") or "",
                str(group.get("member_count") or 0),
                group.get("note") or "",
            )
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column == 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                table.setItem(row, column, item)
            if group["id"] == select_id:
                table.selectRow(row)
        table.resizeColumnsToContents()
        header = table.horizontalHeader()
        for column in range(3):
            header.resizeSection(column, max(header.sectionSize(column) + 24, 90))
        if table.currentRow() < 0 and self.groups:
            table.selectRow(0)
        self._update_buttons()

    def current_group(self) -> dict[str, Any] | None:
        rows = self.ui.groupsTable.selectionModel().selectedRows()
        if not rows:
            return None
        return self.groups[rows[0].row()]

    def _update_buttons(self) -> None:
        has = self.current_group() is not None
        self.ui.editButton.setEnabled(has)
        self.ui.deleteButton.setEnabled(has)

    def add_group(self) -> None:
        dialog = GroupEditDialog(self.book, None, parent=self)
        if dialog.exec():
            self.changed = True
            self.load(dialog.group_id)

    def edit_group(self) -> None:
        group = self.current_group()
        if group is None:
            return
        dialog = GroupEditDialog(self.book, group, parent=self)
        if dialog.exec():
            self.changed = True
            self.load(group["id"])

    def delete_group(self) -> None:
        group = self.current_group()
        if group is None:
            return
        answer = QMessageBox.question(
            self,
            "删除党小组",
            f"确定删除“{group['name']}”吗？",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.book.roster.delete_group(group["id"])
        except InputRefused as refused:
            from desktop.gui.error_handler import show_book_error

            show_book_error(self, refused, "不能删除")
            return
        self.changed = True
        self.load()


class GroupEditDialog(QDialog):
    """Name, leader and note of one group; `group=None` creates a new one."""

    def __init__(
        self, book: Any, group: dict[str, Any] | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.book = book
        self.group = group
        self.group_id: int | None = group["id"] if group else None
        self.ui = Ui_GroupEditDialog()
        self.ui.setupUi(self)
        self.setMinimumWidth(480)
        self.setWindowTitle("修改党小组" if group else "新建党小组")
        self._fill_leaders()
        if group:
            self.ui.nameEdit.setText(group["name"])
            self.ui.noteEdit.setText(group.get("note") or "")
            leader = group.get("leader_id")
            if leader in self._leader_ids:
                self.ui.leaderCombo.setCurrentIndex(self._leader_ids.index(leader))
        self.ui.saveButton.clicked.connect(self.save)
        self.ui.cancelButton.clicked.connect(self.reject)
        self.ui.nameEdit.setFocus()

    def _fill_leaders(self) -> None:
        from desktop.rules.collation import stroke_key

        combo = self.ui.leaderCombo
        combo.addItem(NO_LEADER)
        # Member ids by item position (kept in Python: no None round trip through Qt).
        self._leader_ids: list[int | None] = [None]
        members = self.book.roster.members(include_left=False)
        own = self.group["name"] if self.group else None
        # Members of this group first, then everyone else, each in 姓氏笔画 order.
        members.sort(key=lambda m: (m.get("group") != own, stroke_key(m["name"]), m["code"]))
        for member in members:
            where = member.get("group") or "未分组"
            combo.addItem(f"{member['name']}（{member['code']}，{where}）")
            self._leader_ids.append(member["id"])

    def save(self) -> None:
        name = self.ui.nameEdit.text().strip()
        index = self.ui.leaderCombo.currentIndex()
        leader_id = self._leader_ids[index] if 0 <= index < len(self._leader_ids) else None
        note = self.ui.noteEdit.text().strip()
        try:
            if self.group_id is None:
                self.group_id = self.book.roster.add_group(name, leader_id=leader_id, note=note)
            else:
                self.book.roster.update_group(
                    self.group_id, name=name, leader_id=leader_id, note=note
                )
        except InputRefused as refused:
            problems = refused.problems if isinstance(refused.problems, dict) else {}
            message = problems.get("name") or "；".join(refused.lines()) or str(refused)
            show_error(self.ui.nameError, message)
            mark_invalid(self.ui.nameEdit, True)
            self.ui.nameEdit.setFocus()
            return
        self.accept()
