"""冲销党费收据: pick one of a member's receipts recorded by mistake, give the reason and who
decided; the book writes the red receipt (desktop.book.dues.reverse_receipt). The dialog stays
open with the refusal when the book says no."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTableWidgetItem, QWidget

from desktop.book import dues
from desktop.book.errors import BookError, InputRefused
from desktop.gui.forms.ui_reverse_dues_dialog import Ui_ReverseDuesDialog
from desktop.rules.dues import yuan

HEADERS = ("收据号", "缴纳日期", "所属月份", "金额（元）", "收款人", "所在期间")


class ReverseDuesDialog(QDialog):
    """`ReverseDuesDialog(book, member_id, year)`; after accept, `red_no` is the red receipt's
    number and `reversed_no` the receipt it reverses."""

    def __init__(
        self,
        book: Any,
        member_id: int,
        year: int,
        parent: QWidget | None = None,
        *,
        today: Callable[[], date] = date.today,
        month: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_ReverseDuesDialog()
        self.ui.setupUi(self)
        self.book = book
        self.today = today
        self.red_no = ""
        self.reversed_no = ""
        name = book.roster.member(member_id)["name"]
        self.setWindowTitle(f"冲销党费收据（红字）— {name}")
        # Receipts that can still be reversed: not red, not reversed already.
        self.receipts = [
            r
            for r in dues.receipts(book, year=year, member_id=member_id)
            if r["receipt_no"] and not r["reverses"] and not r["reversed_by"]
        ]
        table = self.ui.receiptsTable
        table.setColumnCount(len(HEADERS))
        table.setHorizontalHeaderLabels(list(HEADERS))
        table.setRowCount(len(self.receipts))
        for i, r in enumerate(self.receipts):
            cells = (
                r["receipt_no"],
                r["paid_date"],
                r["months_text"],
                yuan(r["amount_fen"]),
                r["receiver"],
                # A receipt of a confirmed period is reversed today, in the open period.
                f"已确认的{p}" if (p := dues.confirmed_period_of(book, r["receipt_no"])) else "",
            )
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if j == 3:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                table.setItem(i, j, item)
        table.resizeColumnsToContents()
        if self.receipts:
            # The latest receipt (of `month` when asked from the month's collection): the
            # usual slip is the one just saved.
            of_month = [i for i, r in enumerate(self.receipts) if month in r["months"]]
            table.selectRow(of_month[-1] if of_month else len(self.receipts) - 1)
        else:
            self.ui.problemLabel.setText(f"{name} {year}年没有可以冲销的收据。")
        self.ui.dateEdit.setDate(QDate(today()))
        self.ui.byEdit.setText(dues.default_receiver(book))
        ok = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("冲销")
        ok.setEnabled(bool(self.receipts))
        self.ui.buttonBox.accepted.connect(self.reverse)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.ui.reasonEdit.setFocus()

    def selected_receipt(self) -> str:
        rows = self.ui.receiptsTable.selectionModel().selectedRows()
        return self.receipts[rows[0].row()]["receipt_no"] if rows else ""

    def reverse(self) -> None:
        ui = self.ui
        try:
            self.red_no = dues.reverse_receipt(
                self.book,
                self.selected_receipt(),
                reason=ui.reasonEdit.text(),
                decided_by=ui.byEdit.text(),
                on=ui.dateEdit.date().toString("yyyy-MM-dd"),
                today=self.today(),
            )
        except BookError as exc:
            lines = exc.lines() if isinstance(exc, InputRefused) else []
            ui.problemLabel.setText("\n".join([str(exc), *lines]))
            return
        self.reversed_no = self.selected_receipt()
        self.accept()

    @property
    def done_text(self) -> str:
        """What the screen says after the reversal."""
        note = dues.confirmed_note(self.book, self.reversed_no)
        return f"已冲销收据 {self.reversed_no}，红字收据号 {self.red_no}。" + note
