"""Add or edit one member: the 党员名册 fields, checked live by the book, problems shown by the field."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QLabel, QLayout, QLineEdit, QWidget

from desktop.book.errors import InputRefused
from desktop.gui.fields import mark_invalid, set_combo_text, show_error, tidy_date
from desktop.gui.forms.ui_member_dialog import Ui_MemberDialog

HINT = "带 * 的必须填写；日期可以留空。回车保存，Esc 取消。"

# Field key → widget attribute on the form.
TEXT_FIELDS = {
    "code": "codeEdit",
    "name": "nameEdit",
    "id_card": "idCardEdit",
    "birth_date": "birthDateEdit",
    "phone": "phoneEdit",
    "joined_date": "joinedDateEdit",
    "confirmed_date": "confirmedDateEdit",
    "transferred_in_date": "transferredInDateEdit",
    "mobile_where": "mobileWhereEdit",
    "exempt_approved_date": "exemptDateEdit",
    "exempt_reason": "exemptReasonEdit",
    "note": "noteEdit",
}
COMBO_FIELDS = {
    "gender": "genderCombo",
    "ethnicity": "ethnicityCombo",
    "education": "educationCombo",
    "status": "statusCombo",
    "group": "groupCombo",
    "mobile_scope": "mobileScopeCombo",
}
CHECK_FIELDS = {"mobile": "mobileCheck", "exempt": "exemptCheck", "leader": "leaderCheck"}
DATE_KEYS = (
    "birth_date",
    "joined_date",
    "confirmed_date",
    "transferred_in_date",
    "exempt_approved_date",
)
# Problems on these keys are shown under the row that holds their widget.
ERROR_ROW = {
    "mobile_where": "mobile",
    "mobile_scope": "mobile",
    "exempt_approved_date": "exempt",
    "exempt_reason": "exempt",
}
ERROR_ROWS = (
    "code",
    "name",
    "id_card",
    "gender",
    "birth_date",
    "ethnicity",
    "phone",
    "education",
    "status",
    "joined_date",
    "confirmed_date",
    "transferred_in_date",
    "group",
    "mobile",
    "exempt",
    "leader",
    "note",
)


class MemberDialog(QDialog):
    """`MemberDialog(book)` adds a member; `MemberDialog(book, member_id)` edits one.

    After `exec()` returns Accepted, `member_id` holds the saved member's id.
    """

    def __init__(
        self, book: Any, member_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.book = book
        self.member_id = member_id
        self.ui = Ui_MemberDialog()
        self.ui.setupUi(self)
        self._touched: set[str] = set()
        self._closing = False
        self._show_all = False
        self._problems: dict[str, str] = {}
        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(120)
        self._check_timer.timeout.connect(self.check)

        groups = [g["name"] for g in book.roster.groups()]
        self.ui.groupCombo.addItems(["", *groups])
        self.ui.groupCombo.lineEdit().setPlaceholderText("可选，或输入新的党小组名")
        for name in DATE_KEYS:
            self._line(name).setToolTip("可以留空。也可写作 2020.7.1、2020/7/1 或 20200701。")

        if member_id is None:
            self.setWindowTitle("添加党员")
            self.ui.codeEdit.setPlaceholderText(f"不填则自动编号（{book.roster.next_code()}）")
            self.ui.statusCombo.setCurrentIndex(0)
        else:
            member = book.roster.member(member_id)
            self.setWindowTitle(f"编辑党员信息 — {member['name']}")
            self._fill(member)
        self._update_enabled()

        for key, attr in TEXT_FIELDS.items():
            edit: QLineEdit = getattr(self.ui, attr)
            edit.textEdited.connect(lambda _t, k=key: self._edited(k))
            if key in DATE_KEYS:
                edit.editingFinished.connect(lambda k=key: self._tidy_date(k))
        for key, attr in COMBO_FIELDS.items():
            combo: QComboBox = getattr(self.ui, attr)
            combo.currentTextChanged.connect(lambda _t, k=key: self._edited(k))
        for key, attr in CHECK_FIELDS.items():
            check: QCheckBox = getattr(self.ui, attr)
            check.toggled.connect(lambda _on, k=key: self._edited(k))
        self.ui.idCardEdit.textEdited.connect(self._fill_from_id)
        self.ui.saveButton.clicked.connect(self.save)
        self.ui.cancelButton.clicked.connect(self.reject)
        self.ui.nameEdit.setFocus(Qt.FocusReason.OtherFocusReason)
        # The dialog grows when messages appear under the fields, rather than squeezing them.
        self.layout().setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        self.adjustSize()

    # -- reading and writing the form ------------------------------------------------------

    def _line(self, key: str) -> QLineEdit:
        return getattr(self.ui, TEXT_FIELDS[key])

    def _fill(self, member: dict[str, Any]) -> None:
        for key, attr in TEXT_FIELDS.items():
            getattr(self.ui, attr).setText(str(member.get(key) or ""))
        for key, attr in COMBO_FIELDS.items():
            set_combo_text(getattr(self.ui, attr), str(member.get(key) or ""))
        for key, attr in CHECK_FIELDS.items():
            getattr(self.ui, attr).setChecked(bool(member.get(key)))

    def fields(self) -> dict[str, Any]:
        """The form's values with the book's field keys."""
        out: dict[str, Any] = {}
        for key, attr in TEXT_FIELDS.items():
            text = getattr(self.ui, attr).text().strip()
            out[key] = tidy_date(text) if key in DATE_KEYS else text
        for key, attr in COMBO_FIELDS.items():
            out[key] = getattr(self.ui, attr).currentText().strip()
        for key, attr in CHECK_FIELDS.items():
            out[key] = getattr(self.ui, attr).isChecked()
        if not out["mobile"]:
            out["mobile_where"] = ""
            out["mobile_scope"] = ""
        if not out["exempt"]:
            out["exempt_approved_date"] = ""
            out["exempt_reason"] = ""
        return out

    def _update_enabled(self) -> None:
        mobile = self.ui.mobileCheck.isChecked()
        self.ui.mobileWhereEdit.setEnabled(mobile)
        self.ui.mobileScopeCombo.setEnabled(mobile)
        exempt = self.ui.exemptCheck.isChecked()
        self.ui.exemptDateEdit.setEnabled(exempt)
        self.ui.exemptReasonEdit.setEnabled(exempt)

    # -- live checking ---------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        self._closing = False
        super().showEvent(event)

    def _edited(self, key: str) -> None:
        self._touched.add(ERROR_ROW.get(key, key))
        if key in CHECK_FIELDS:
            self._update_enabled()
        self._check_timer.start()

    def done(self, result: int) -> None:
        self._check_timer.stop()
        super().done(result)

    def hideEvent(self, event: QHideEvent) -> None:
        # Closing moves the focus out of a field (editingFinished); no check after that.
        self._check_timer.stop()
        self._closing = True
        super().hideEvent(event)

    def _tidy_date(self, key: str) -> None:
        if self._closing:
            return
        edit = self._line(key)
        tidy = tidy_date(edit.text())
        if tidy != edit.text():
            edit.setText(tidy)
        self._touched.add(ERROR_ROW.get(key, key))
        self._check_timer.start()

    def _fill_from_id(self, text: str) -> None:
        """Fill 出生日期 and 性别 from a complete ID number when they are still empty."""
        from desktop.rules.idcard import birth_date_from_id, gender_from_id

        if len(text.strip()) != 18:
            return
        try:
            birth = birth_date_from_id(text)
            gender = gender_from_id(text)
        except ValueError:
            return
        if birth and not self.ui.birthDateEdit.text().strip():
            self.ui.birthDateEdit.setText(str(birth))
            self._touched.add("birth_date")
        if gender and not self.ui.genderCombo.currentText():
            set_combo_text(self.ui.genderCombo, gender)

    def check(self) -> dict[str, str]:
        """Ask the book what is wrong, and show it next to the fields the user has touched."""
        self._check_timer.stop()
        self._problems = dict(
            self.book.roster.check_member(self.fields(), member_id=self.member_id)
        )
        self._show_problems()
        return self._problems

    def problems(self) -> dict[str, str]:
        return dict(self._problems)

    def _show_problems(self) -> None:
        rows: dict[str, list[str]] = {}
        other: list[str] = []
        for key, message in self._problems.items():
            row = ERROR_ROW.get(key, key)
            if row in ERROR_ROWS:
                rows.setdefault(row, []).append(message)
            else:
                other.append(message)
        shown: set[str] = set()
        for row in ERROR_ROWS:
            visible = self._show_all or row in self._touched
            messages = rows.get(row) if visible else None
            label: QLabel = getattr(self.ui, f"{row}Error")
            field = self._widget_for(row)
            width = field.parentWidget().width() - field.x() - 12 if field is not None else None
            show_error(label, "；".join(messages) if messages else None, width)
            if messages:
                shown.update(k for k in self._problems if ERROR_ROW.get(k, k) == row)
        for key in (*TEXT_FIELDS, *COMBO_FIELDS):
            widget = self._widget_for(key)
            if widget is not None:
                mark_invalid(widget, key in shown)
        hint = self.ui.hintLabel
        if other and self._show_all:
            hint.setText("；".join(other))
            hint.setProperty("role", "error")
        else:
            hint.setText(HINT)
            hint.setProperty("role", "hint")
        hint.style().unpolish(hint)
        hint.style().polish(hint)

    def _widget_for(self, key: str) -> QWidget | None:
        attr = TEXT_FIELDS.get(key) or COMBO_FIELDS.get(key) or CHECK_FIELDS.get(key)
        return getattr(self.ui, attr) if attr else None

    # -- saving ----------------------------------------------------------------------------

    def save(self) -> None:
        """Save when the book finds nothing wrong; otherwise show every problem and stay."""
        for key in DATE_KEYS:
            edit = self._line(key)
            edit.setText(tidy_date(edit.text()))
        self._show_all = True
        if self.check():
            self._focus_first_problem()
            return
        fields = self.fields()
        try:
            if self.member_id is None:
                self.member_id = self.book.roster.add_member(fields)
            else:
                self.book.roster.update_member(self.member_id, fields)
        except InputRefused as refused:
            problems = refused.problems
            if isinstance(problems, dict) and problems:
                self._problems = dict(problems)
            else:
                self._problems = {"_": "；".join(refused.lines()) or str(refused)}
            self._show_problems()
            self._focus_first_problem()
            return
        self.accept()

    def _focus_first_problem(self) -> None:
        for row in ERROR_ROWS:
            keys = [k for k in self._problems if ERROR_ROW.get(k, k) == row]
            if keys:
                widget = self._widget_for(keys[0]) or self._widget_for(row)
                if widget is not None:
                    widget.setFocus(Qt.FocusReason.OtherFocusReason)
                    if isinstance(widget, QLineEdit):
                        widget.selectAll()
                return
