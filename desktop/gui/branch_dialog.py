"""支部信息: edit the branch's name, parent organisation, type, 经办人 and the month the book
keeps points from."""

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
        self._fill_start()
        self.ui.nameProblem.hide()
        self.ui.nameEdit.textChanged.connect(lambda _t: self.ui.nameProblem.hide())
        buttons = self.ui.buttonBox
        buttons.button(QDialogButtonBox.StandardButton.Save).setText("保存")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        buttons.accepted.connect(self.save)
        self.setMinimumWidth(520)

    def _fill_start(self) -> None:
        """The working year's months, as the first-run wizard offers them; fixed (disabled,
        the reason in the tooltip) once a period has been published or confirmed."""
        from desktop.book.points_start import points_start, start_fixed

        year = self.book.current_year
        combo = self.ui.startCombo
        combo.addItem("从年初（1月）起", None)
        for month in range(2, 13):
            combo.addItem(f"从{month}月起（此前不记分）", f"{year:04d}-{month:02d}")
        start = points_start(self.book)
        index = combo.findData(start) if start else 0
        if index < 0:  # a start in another year (kept from an earlier working year)
            combo.addItem(f"从{int(start[:4])}年{int(start[5:7])}月起", start)
            index = combo.count() - 1
        combo.setCurrentIndex(index)
        self._start = combo.itemData(index)
        fixed = start_fixed(self.book)
        if fixed:
            combo.setEnabled(False)
            combo.setToolTip(fixed)

    def save(self) -> None:
        from desktop.book.points_start import set_points_start

        start = self.ui.startCombo.currentData()
        try:
            self.book.update_branch(
                name=self.ui.nameEdit.text(),
                parent_org=self.ui.parentOrgEdit.text(),
                kind=self.ui.kindCombo.currentText(),
                operator=self.ui.operatorEdit.text(),
            )
            if start != self._start:
                set_points_start(self.book, start)
                self._start = start
        except InputRefused as err:
            problems = err.problems if isinstance(err.problems, dict) else {}
            self.ui.nameProblem.setText(
                problems.get("name") or problems.get("operator") or str(err)
            )
            self.ui.nameProblem.show()
            (self.ui.operatorEdit if "operator" in problems else self.ui.nameEdit).setFocus()
            return
        self.accept()
