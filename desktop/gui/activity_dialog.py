"""The dialogs of the meetings screen: an activity (new or edit, with its minutes and
decisions), the branch committee, and the year's activity template. Reading and writing go through `desktop.book.meetings`."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QSpinBox,
    QTableWidgetItem,
    QWidget,
)

from desktop.book.errors import InputRefused
from desktop.book.meetings import COMMITTEE_ROLES, Meetings
from desktop.gui.forms.ui_activity_dialog import Ui_ActivityDialog
from desktop.gui.forms.ui_committee_dialog import Ui_CommitteeDialog
from desktop.gui.forms.ui_plan_template_dialog import Ui_PlanTemplateDialog
from desktop.gui.screen_fit import fit_within_screen
from desktop.rules.facts import ACTIVITY_TYPES
from desktop.rules.meetings import DEFAULT_TEMPLATES, PlanTemplate

GROUP_TYPE = "党小组会"


class ActivityDialog(QDialog):
    """`ActivityDialog(book, activity_id=None, preset={...})`; `saved_id` after accept."""

    def __init__(
        self,
        book: Any,
        activity_id: int | None = None,
        *,
        preset: dict[str, Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.book = book
        self.meetings = Meetings(book)
        self.activity_id = activity_id
        self.saved_id: int | None = None
        self.ui = Ui_ActivityDialog()
        self.ui.setupUi(self)
        fit_within_screen(self)  # drawn 620 px tall: more than 1366×768 at 125% leaves
        self.ui.typeCombo.addItems(list(ACTIVITY_TYPES))
        # Python-side list: this PySide6 build mishandles None item data (see roster_screen).
        self._groups = [""] + [g["name"] for g in book.roster.groups()]
        self.ui.groupCombo.addItems(["（不指定）", *self._groups[1:]])
        self.ui.typeCombo.currentTextChanged.connect(self._type_changed)
        self.ui.dateEdit.dateChanged.connect(self._date_changed)
        save = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)
        save.setText("保存")
        save.setProperty("role", "primary")
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        self.ui.buttonBox.accepted.connect(self.save)
        self.ui.buttonBox.rejected.connect(self.reject)

        if activity_id is not None:
            act = self.meetings.activity(activity_id)
            self.setWindowTitle(f"编辑活动 {act['code']}")
            values = dict(act)
        else:
            self.setWindowTitle("登记活动")
            values = self._defaults()
            values.update(preset or {})
        self._fill(values)
        for label in (self.ui.dateError, self.ui.typeError, self.ui.codeError, self.ui.errorLabel):
            label.setVisible(False)  # shown with a message only; no blank gaps meanwhile
        self.ui.groupCombo.setEnabled(activity_id is None and values.get("type") == GROUP_TYPE)
        self._date_changed()
        self.ui.topicEdit.setFocus()
        from desktop.gui.meetings_tables import repolish_roles

        repolish_roles(self)  # the 保存 button's role was set after it was polished

    def _defaults(self) -> dict[str, Any]:
        """Today, 主题党日, and the place/host/recorder of the latest activity (usually the same)."""
        latest = self.meetings.activities()
        last = latest[0] if latest else {}
        return {
            "date": date.today().isoformat(),
            "type": "主题党日",
            "place": last.get("place", ""),
            "host": last.get("host", ""),
            "recorder": last.get("recorder", ""),
        }

    def _fill(self, v: dict[str, Any]) -> None:
        ui = self.ui
        ui.dateEdit.setDate(
            QDate.fromString(v.get("date") or date.today().isoformat(), "yyyy-MM-dd")
        )
        ui.typeCombo.setCurrentText(v.get("type") or "主题党日")
        ui.codeEdit.setText(v.get("code") or "")
        group = v.get("group") or ""
        ui.groupCombo.setCurrentIndex(self._groups.index(group) if group in self._groups else 0)
        ui.topicEdit.setText(v.get("topic") or "")
        ui.placeEdit.setText(v.get("place") or "")
        ui.hostEdit.setText(v.get("host") or "")
        ui.recorderEdit.setText(v.get("recorder") or "")
        ui.minutesEdit.setPlainText(v.get("minutes") or "")
        ui.decisionsEdit.setPlainText(v.get("decisions") or "")

    def _date_changed(self, *_args: Any) -> None:
        """A date before the book's points start is accepted but counts for nothing: say so
        before saving, in the words `activity-add` prints (points_start.unscored_note)."""
        from desktop.book.points_start import unscored_note

        note = unscored_note(self.book, self.ui.dateEdit.date().toString("yyyy-MM-dd"))
        self.ui.dateNote.setText(note)
        self.ui.dateNote.setVisible(bool(note))

    def _type_changed(self, kind: str) -> None:
        self.ui.groupCombo.setEnabled(self.activity_id is None and kind == GROUP_TYPE)

    def values(self) -> dict[str, str]:
        ui = self.ui
        return {
            "date": ui.dateEdit.date().toString("yyyy-MM-dd"),
            "type": ui.typeCombo.currentText(),
            "code": ui.codeEdit.text().strip(),
            "topic": ui.topicEdit.text().strip(),
            "place": ui.placeEdit.text().strip(),
            "host": ui.hostEdit.text().strip(),
            "recorder": ui.recorderEdit.text().strip(),
            "minutes": ui.minutesEdit.toPlainText().strip(),
            "decisions": ui.decisionsEdit.toPlainText().strip(),
        }

    def save(self) -> None:
        for label in (self.ui.dateError, self.ui.typeError, self.ui.codeError, self.ui.errorLabel):
            label.setText("")
            label.setVisible(False)
        values = self.values()
        group = ""
        if values["type"] == GROUP_TYPE:
            group = self._groups[self.ui.groupCombo.currentIndex()]
        try:
            if self.activity_id is None:
                self.saved_id = self.meetings.add_activity(values, group=group)
            else:
                self.meetings.update_activity(self.activity_id, values)
                self.saved_id = self.activity_id
        except InputRefused as err:
            problems = err.problems if isinstance(err.problems, dict) else {}
            shown = {
                "date": self.ui.dateError,
                "type": self.ui.typeError,
                "code": self.ui.codeError,
            }
            for key, text in problems.items():
                if key in shown:
                    shown[key].setText(text)
                    shown[key].setVisible(True)
            rest = [t for k, t in problems.items() if k not in shown]
            self.ui.errorLabel.setText("\n".join([err.message, *rest]))
            self.ui.errorLabel.setVisible(True)
            return
        self.accept()


class CommitteeDialog(QDialog):
    """Tick the committee members and choose their roles; saved with `Meetings.set_committee`."""

    def __init__(self, book: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.book = book
        self.meetings = Meetings(book)
        self.ui = Ui_CommitteeDialog()
        self.ui.setupUi(self)
        fit_within_screen(self)  # no taller or wider than the screen's free area
        current = {m["id"]: m["role"] for m in self.meetings.committee()}
        from desktop.book.reports import sort_members

        self._members = sort_members(
            [
                m
                for m in book.roster.members(include_left=False)
                if m["status"] in ("正式党员", "预备党员")
            ]
        )
        table = self.ui.table
        table.setColumnCount(3)
        table.setHorizontalHeaderLabels(["支委", "党小组", "职务"])
        table.setRowCount(len(self._members))
        self._checks: list[QCheckBox] = []
        self._roles: list[QComboBox] = []
        for row, m in enumerate(self._members):
            check = QCheckBox(m["name"])
            check.setChecked(m["id"] in current)
            table.setCellWidget(row, 0, check)
            table.setItem(row, 1, QTableWidgetItem(m["group"]))
            role = QComboBox()
            role.addItems(list(COMMITTEE_ROLES))
            role.setCurrentText(current.get(m["id"], "委员"))
            table.setCellWidget(row, 2, role)
            self._checks.append(check)
            self._roles.append(role)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().setDefaultSectionSize(34)
        table.setEditTriggers(table.EditTrigger.NoEditTriggers)
        save = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)
        save.setText("保存")
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        self.ui.buttonBox.accepted.connect(self.save)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.ui.table.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def chosen(self) -> list[tuple[int, str]]:
        return [
            (m["id"], role.currentText())
            for m, check, role in zip(self._members, self._checks, self._roles, strict=True)
            if check.isChecked()
        ]

    def save(self) -> None:
        from desktop.gui.error_handler import show_book_error

        try:
            self.meetings.set_committee(self.chosen())
        except InputRefused as err:
            show_book_error(self, err, "支委会成员未保存")
            return
        self.accept()


FREQUENCY_TEXTS = {"monthly": "每月", "quarterly": "每季度", "yearly": "每年"}
TEMPLATE_COLUMNS = ("类型", "频次", "月份", "日", "主题", "各党小组分别召开")


class PlanTemplateDialog(QDialog):
    """Edit the branch's year template (行事历 rows); saved with `Meetings.set_templates`."""

    def __init__(self, book: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.meetings = Meetings(book)
        self.ui = Ui_PlanTemplateDialog()
        self.ui.setupUi(self)
        table = self.ui.table
        table.setColumnCount(len(TEMPLATE_COLUMNS))
        table.setHorizontalHeaderLabels(list(TEMPLATE_COLUMNS))
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().setDefaultSectionSize(36)
        self.ui.errorLabel.setVisible(False)
        self.ui.addButton.clicked.connect(
            lambda: self._add(PlanTemplate("主题党日", "monthly", 10))
        )
        self.ui.removeButton.clicked.connect(self._remove)
        self.ui.resetButton.clicked.connect(lambda: self._fill(list(DEFAULT_TEMPLATES)))
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).setText("保存")
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        self.ui.buttonBox.accepted.connect(self.save)
        self.ui.buttonBox.rejected.connect(self.reject)
        self._fill(self.meetings.templates())

    def _fill(self, templates: list[PlanTemplate]) -> None:
        self.ui.table.setRowCount(0)
        for t in templates:
            self._add(t)

    def _add(self, t: PlanTemplate) -> None:
        table = self.ui.table
        row = table.rowCount()
        table.insertRow(row)
        kind = QComboBox()
        kind.addItems(list(ACTIVITY_TYPES))
        kind.setCurrentText(t.type)
        freq = QComboBox()
        freq.addItems(list(FREQUENCY_TEXTS.values()))
        freq.setCurrentIndex(list(FREQUENCY_TEXTS).index(t.frequency))
        month = QSpinBox()
        month.setRange(0, 12)
        month.setSpecialValueText("—")
        month.setValue(t.month or 0)
        day = QSpinBox()
        day.setRange(1, 31)
        day.setValue(t.day)
        per_group = QCheckBox()
        per_group.setChecked(t.per_group)
        table.setCellWidget(row, 0, kind)
        table.setCellWidget(row, 1, freq)
        table.setCellWidget(row, 2, month)
        table.setCellWidget(row, 3, day)
        table.setItem(row, 4, QTableWidgetItem(t.topic))
        table.setCellWidget(row, 5, per_group)

    def _remove(self) -> None:
        rows = self.ui.table.selectionModel().selectedRows()
        if rows:
            self.ui.table.removeRow(rows[0].row())

    def templates(self) -> list[PlanTemplate]:
        table = self.ui.table
        out = []
        for row in range(table.rowCount()):
            month = table.cellWidget(row, 2).value()  # type: ignore[attr-defined]
            item = table.item(row, 4)
            out.append(
                PlanTemplate(
                    table.cellWidget(row, 0).currentText(),  # type: ignore[attr-defined]
                    list(FREQUENCY_TEXTS)[table.cellWidget(row, 1).currentIndex()],  # type: ignore[attr-defined]
                    table.cellWidget(row, 3).value(),  # type: ignore[attr-defined]
                    month or None,
                    item.text().strip() if item else "",
                    table.cellWidget(row, 5).isChecked(),  # type: ignore[attr-defined]
                )
            )
        return out

    def save(self) -> None:
        try:
            self.meetings.set_templates(self.templates())
        except InputRefused as err:
            self.ui.errorLabel.setText("\n".join([err.message, *err.lines()]))
            self.ui.errorLabel.setVisible(True)
            return
        self.accept()
