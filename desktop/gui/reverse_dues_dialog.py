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
from desktop.rules.dues import receipt_ref_text, unnumbered_id, yuan

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
        self.member_id = member_id
        self.year = year
        self.month = month
        self.name = book.roster.member(member_id)["name"]
        self.setWindowTitle(f"冲销党费收据（红字）— {self.name}")
        self.receipts: list[dict[str, Any]] = []
        table = self.ui.receiptsTable
        table.setColumnCount(len(HEADERS))
        table.setHorizontalHeaderLabels(list(HEADERS))
        # The screen's year first; another year's receipt (last December's, found in January)
        # on asking, or at once when this year has none to reverse.
        self.ui.allYearsCheck.toggled.connect(self._load)
        self._load(False)
        if not self.receipts and self._reversible(None):
            self.ui.allYearsCheck.setChecked(True)
        self.ui.dateEdit.setDate(QDate(today()))
        self.ui.byEdit.setText(dues.default_receiver(book))
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText("冲销")
        self._enable()
        self.ui.buttonBox.accepted.connect(self.reverse)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.ui.reasonEdit.setFocus()

    def _reversible(self, year: int | None) -> list[dict[str, Any]]:
        """The member's receipts (of `year`, or every year) that can still be reversed: not
        red, not reversed already; a payment without a receipt number too (by its 记录号)."""
        return [
            r
            for r in dues.receipts(self.book, year=year, member_id=self.member_id)
            if not r["reverses"] and not r["reversed_by"]
        ]

    def _load(self, all_years: bool) -> None:
        self.receipts = self._reversible(None if all_years else self.year)
        table = self.ui.receiptsTable
        table.clearContents()
        table.setRowCount(len(self.receipts))
        for i, r in enumerate(self.receipts):
            period = dues.confirmed_period_of(self.book, r["ref"])
            cells = (
                r["receipt_no"] or f"（无收据号，记录号 {unnumbered_id(r['ref'])}）",
                r["paid_date"],
                r["months_text"],
                yuan(r["amount_fen"]),
                r["receiver"],
                # A receipt of a confirmed period is reversed today, in the open period.
                f"已确认的{period}" if period else "",
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
            of_month = [i for i, r in enumerate(self.receipts) if self.month in r["months"]]
            table.selectRow(of_month[-1] if of_month else len(self.receipts) - 1)
            self.ui.problemLabel.setText("")
        elif all_years:
            self.ui.problemLabel.setText(f"{self.name} 没有可以冲销的收据。")
        else:
            self.ui.problemLabel.setText(
                f"{self.name} {self.year}年没有可以冲销的收据"
                "（要找其他年度的，请勾选“也列出其他年度的收据”）。"
            )
        self._enable()

    def _enable(self) -> None:
        ok = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.receipts))

    def selected_receipt(self) -> str:
        rows = self.ui.receiptsTable.selectionModel().selectedRows()
        return self.receipts[rows[0].row()]["ref"] if rows else ""

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
        return f"已冲销{receipt_ref_text(self.reversed_no)}，红字收据号 {self.red_no}。" + note
