"""支部信息: edit the branch's name, parent organisation and type."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from desktop.book.errors import InputRefused
from desktop.book.store import Book
from desktop.gui.forms.ui_branch_dialog import Ui_BranchDialog


class BranchDialog(QDialog):
    """Saves through `book.update_branch`; a refusal is shown next to the field."""

    def __init__(self, book: Book, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_BranchDialog()
        self.ui.setupUi(self)
        self.book = book
        branch = book.branch()
        self.ui.nameEdit.setText(branch["name"])
        self.ui.parentOrgEdit.setText(branch["parent_org"])
        kind = branch["kind"] or "其他"
        if self.ui.kindCombo.findText(kind) < 0:
            self.ui.kindCombo.addItem(kind)
        self.ui.kindCombo.setCurrentText(kind)
        self.ui.operatorEdit.setText(book.operator)
        self.ui.nameProblem.hide()
        self.ui.nameEdit.textChanged.connect(lambda _t: self.ui.nameProblem.hide())
        buttons = self.ui.buttonBox
        buttons.button(QDialogButtonBox.StandardButton.Save).setText("保存")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        buttons.accepted.connect(self.save)
        self.setMinimumWidth(520)

    def save(self) -> None:
        try:
            self.book.update_branch(
                name=self.ui.nameEdit.text(),
                parent_org=self.ui.parentOrgEdit.text(),
                kind=self.ui.kindCombo.currentText(),
                operator=self.ui.operatorEdit.text(),
            )
        except InputRefused as err:
            problems = err.problems if isinstance(err.problems, dict) else {}
            self.ui.nameProblem.setText(
                problems.get("name") or problems.get("operator") or str(err)
            )
            self.ui.nameProblem.show()
            (self.ui.operatorEdit if "operator" in problems else self.ui.nameEdit).setFocus()
            return
        self.accept()
