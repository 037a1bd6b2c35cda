"""积分兑换: the year's ledger of points redeemed for goods or services (社区 plan), each
member's points left to redeem, and the two ways to add to the ledger — 登记兑换… and
登记退回… (a return, with its reason). Nothing recorded is ever edited.

The main window lists this screen only while the year's scheme has [exchange]. Reading and
writing go through `desktop.book.exchange`; the balances need the year scored, which runs
off the UI thread (each job opens its own Book). Ctrl+P prints the chosen member's
登记表 (`member-register`), which lists the year's redemptions.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from desktop.book import exchange as X
from desktop.book.errors import BookError
from desktop.book.store import Book
from desktop.gui.actions import allow
from desktop.gui.fields import add_dialog_buttons, mark_invalid, show_error, year_date_edit
from desktop.gui.forms.ui_exchange_screen import Ui_ExchangeScreen
from desktop.gui.member_picker import MemberPicker
from desktop.gui.tables import read_only_item
from desktop.gui.worker import run_in_background
from desktop.rules.scheme import fmt_points

LEDGER_HEADERS = ["编号", "日期", "姓名", "兑换内容", "分值", "经办人", "备注", "累计已兑换"]
BALANCE_HEADERS = ["姓名", "年度积分", "已兑换", "可兑换"]


def _load(path: Path, year: int, today: date) -> dict[str, Any]:
    """On a worker thread: whether the year keeps a ledger, its entries and the balances."""
    with Book.open(path) as book:
        if not X.keeps_ledger(book, year):
            return {"year": year, "keeps": False, "ledger": [], "balances": []}
        from desktop.book.scoring import year_scheme

        return {
            "year": year,
            "keeps": True,
            "note": year_scheme(book, year).exchange_note or "",
            "ledger": X.ledger(book, year),
            "balances": X.balances(book, year, today=min(today, date(year, 12, 31))),
        }


class ExchangeDialog(QDialog):
    """登记兑换 / 登记退回: member (searched by name or pinyin), date, what, points, who
    handled it, and a note — the reason, required for a return."""

    def __init__(
        self,
        balances: list[dict[str, Any]],
        year: int,
        parent: QWidget | None = None,
        *,
        returning: bool = False,
        member: str = "",
        what: str = "",
        handled_by: str = "",
        today: QDate | None = None,
    ) -> None:
        super().__init__(parent)
        self.returning = returning
        self.balances = {b["code"]: b for b in balances}
        self.setWindowTitle(f"登记退回（{year} 年）" if returning else f"登记积分兑换（{year} 年）")
        self.setMinimumWidth(480)
        form = QFormLayout(self)
        members = [b for b in balances if b["redeemed"] > 0] if returning else balances
        self.picker = MemberPicker(members, on_chosen=lambda: self.what.setFocus())
        self.member = self.picker.combo
        if member:
            self.picker.set_current(member)
        self.date = year_date_edit(year, today)
        self.left = QLabel()
        self.left.setWordWrap(True)
        self.what = QLineEdit(what)
        self.what.setPlaceholderText(
            "退回的是哪一笔兑换" if returning else "兑换的实物或服务（必填）"
        )
        self.points = QLineEdit()
        self.points.setPlaceholderText("退回的分值，如 5" if returning else "兑换的分值，如 10")
        self.handled_by = QLineEdit(handled_by)
        self.handled_by.setPlaceholderText("经办人姓名（必填）")
        self.note = QLineEdit()
        self.note.setPlaceholderText("退回原因（必填）" if returning else "（可不填）")
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e;")
        self.error.hide()
        form.addRow("党员", self.picker)
        form.addRow("", self.left)
        form.addRow("退回日期" if returning else "兑换日期", self.date)
        form.addRow("兑换内容", self.what)
        form.addRow("退回分值" if returning else "兑换分值", self.points)
        form.addRow("经办人", self.handled_by)
        form.addRow("退回原因" if returning else "备注", self.note)
        form.addRow(self.error)
        note = QLabel(
            "登记后不能修改或删除；兑换不改变积分和评定结果。"
            if not returning
            else "退回作为一笔新记录登记（负分值），原兑换记录保留不改。"
        )
        note.setWordWrap(True)
        note.setProperty("role", "hint")
        form.addRow(note)
        add_dialog_buttons(self, form, "登记退回" if returning else "登记兑换")
        self.member.currentIndexChanged.connect(self._show_left)
        self._show_left()

    def showEvent(self, event: Any) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        (self.what if self.member.currentData() and self.what.text() else self.picker).setFocus()

    def _show_left(self) -> None:
        b = self.balances.get(self.member.currentData())
        if b is None:
            self.left.setText("")
            return
        self.left.setText(
            f"年度积分 {fmt_points(b['total'])} 分，已兑换 {fmt_points(b['redeemed'])} 分，"
            f"可兑换 {fmt_points(b['left'])} 分"
        )

    def accept(self) -> None:
        # The reason of a return is required: said here, before the book refuses it.
        missing = self.returning and not self.note.text().strip()
        mark_invalid(self.note, missing)
        show_error(self.error, "请写明退回原因。" if missing else None, self.note.width())
        if missing:
            self.note.setFocus()
            return
        super().accept()

    def values(self) -> dict[str, Any]:
        points = self.points.text().strip()
        if self.returning and points and not points.startswith("-"):
            points = f"-{points}"
        return {
            "member": self.member.currentData(),
            "on": self.date.date().toString("yyyy-MM-dd"),
            "what": self.what.text(),
            "points": points,
            "handled_by": self.handled_by.text(),
            "note": self.note.text(),
        }


class ExchangeScreen(QWidget):
    """`ExchangeScreen(book)`; `set_book(book)` when another book is opened."""

    changed = Signal()
    loaded = Signal()
    claimed_shortcuts = ("Ctrl+N",)

    def __init__(self, book: Book, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ExchangeScreen()
        self.ui.setupUi(self)
        self.book = book
        self.data: dict[str, Any] | None = None
        self._loading = False
        self._reload_again = False
        for table, headers in (
            (self.ui.ledgerTable, LEDGER_HEADERS),
            (self.ui.balanceTable, BALANCE_HEADERS),
        ):
            table.setColumnCount(len(headers))
            table.setHorizontalHeaderLabels(headers)
        self.ui.splitter.setSizes([620, 300])
        self.ui.addButton.clicked.connect(lambda: self.add_exchange())
        self.ui.returnButton.clicked.connect(lambda: self.add_return())
        self.ui.printButton.clicked.connect(self.print_screen)
        self.ui.yearSpin.valueChanged.connect(self.reload)
        QShortcut(QKeySequence("Ctrl+N"), self, lambda: self.add_exchange())
        self.set_book(book)

    # -- data -------------------------------------------------------------------------------

    def set_book(self, book: Book) -> None:
        self.book = book
        self.ui.yearSpin.blockSignals(True)
        self.ui.yearSpin.setValue(book.current_year)
        self.ui.yearSpin.blockSignals(False)
        self.reload()

    def refresh(self) -> None:
        self.reload()

    @property
    def year(self) -> int:
        return self.ui.yearSpin.value()

    def reload(self) -> None:
        if self._loading:
            self._reload_again = True
            return
        self._loading = True
        year, path = self.year, self.book.path
        run_in_background(
            self,
            lambda: _load(path, year, date.today()),
            on_done=self._loaded,
            on_error=self._load_failed,
            label=f"正在计算{year}年度的可兑换积分…",
        )

    def _load_failed(self, exc: BaseException) -> None:
        if not shiboken6.isValid(self) or self.book.closed:
            return
        self._loading = False
        self.data = None
        self.ui.stateLabel.setText(f"无法读取积分兑换台账：{exc}")
        self.ui.ledgerTable.setRowCount(0)
        self.ui.balanceTable.setRowCount(0)
        self._enable(False)
        self.loaded.emit()

    def _loaded(self, data: dict[str, Any]) -> None:
        if not shiboken6.isValid(self) or self.book.closed:
            return
        self._loading = False
        if self._reload_again:
            self._reload_again = False
            self.reload()
            return
        self.data = data
        self._fill()
        self.loaded.emit()

    def _enable(self, keeps: bool) -> None:
        read_only = self.book.read_only
        why = (
            "本年度方案没有积分兑换"
            if not keeps
            else "账本以只读方式打开，不能登记"
            if read_only
            else ""
        )
        allow(self.ui.addButton, not why, why)
        redeemed = any(b["redeemed"] > 0 for b in self.balances())
        allow(self.ui.returnButton, not why and redeemed, why or "本年度还没有兑换记录可以退回")
        allow(self.ui.printButton, keeps, "本年度方案没有积分兑换")

    def balances(self) -> list[dict[str, Any]]:
        return (self.data or {}).get("balances", [])

    def _fill(self) -> None:
        data = self.data or {}
        year = data.get("year", self.year)
        if not data.get("keeps"):
            self.ui.stateLabel.setText(
                f"{year} 年的积分方案没有积分兑换（[exchange]），不记兑换台账。"
            )
        else:
            note = data.get("note") or ""
            self.ui.stateLabel.setText(f"{year} 年度方案：" + (note or "党员可凭积分兑换。"))
        self._fill_ledger(data.get("ledger", []))
        self._fill_balances(self.balances())
        self._enable(bool(data.get("keeps")))

    def _fill_ledger(self, rows: list[dict[str, Any]]) -> None:
        t = self.ui.ledgerTable
        t.setRowCount(len(rows))
        for i, r in enumerate(rows):
            points = Decimal(r["points"])
            cells = [
                read_only_item(r["id"], data=r["code"]),
                read_only_item(r["date"]),
                read_only_item(r["name"]),
                read_only_item(r["what"]),
                read_only_item(fmt_points(points), align_right=True),
                read_only_item(r["handled_by"]),
                read_only_item(("退回：" if points < 0 else "") + (r["note"] or "")),
                read_only_item(fmt_points(r["redeemed_so_far"]), align_right=True),
            ]
            for j, it in enumerate(cells):
                t.setItem(i, j, it)
        t.resizeColumnsToContents()
        t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        t.horizontalHeader().setStretchLastSection(True)
        spent = sum((Decimal(r["points"]) for r in rows), Decimal(0))
        self.ui.countLabel.setText(
            f"共 {len(rows)} 条记录，合计兑换 {fmt_points(spent)} 分。"
            if rows
            else "本年度还没有积分兑换记录。"
        )

    def _fill_balances(self, rows: list[dict[str, Any]]) -> None:
        t = self.ui.balanceTable
        t.setRowCount(len(rows))
        for i, b in enumerate(rows):
            cells = [
                read_only_item(b["name"], data=b["code"]),
                read_only_item(fmt_points(b["total"]), align_right=True),
                read_only_item(fmt_points(b["redeemed"]), align_right=True),
                read_only_item(fmt_points(b["left"]), align_right=True),
            ]
            for j, it in enumerate(cells):
                t.setItem(i, j, it)
        t.resizeColumnsToContents()
        t.horizontalHeader().setStretchLastSection(True)

    # -- selection ----------------------------------------------------------------------------

    def selected_member(self) -> str:
        """The member of the row chosen in either table (the one with focus first)."""
        tables = [self.ui.ledgerTable, self.ui.balanceTable]
        if self.ui.balanceTable.hasFocus():
            tables.reverse()
        for t in tables:
            row = t.currentRow()
            if row >= 0 and t.selectedItems():
                return str(t.item(row, 0).data(Qt.ItemDataRole.UserRole))
        return ""

    # -- actions ------------------------------------------------------------------------------

    def ask_entry(self, returning: bool, **preset: Any) -> dict[str, Any] | None:
        dialog = ExchangeDialog(
            self.balances(),
            self.year,
            self,
            returning=returning,
            handled_by=self.book.operator,
            **preset,
        )
        try:
            return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()

    def add_exchange(self, member: str = "") -> bool:
        if not (self.data or {}).get("keeps") or not self.ui.addButton.isEnabled():
            return False
        values = self.ask_entry(False, member=member or self.selected_member())
        return bool(values) and self._record(values, "已登记积分兑换。积分不变。")

    def add_return(self) -> bool:
        """A return of the chosen ledger row's redemption (or any, chosen in the dialog)."""
        if not self.ui.returnButton.isEnabled():
            return False
        preset: dict[str, Any] = {"member": self.selected_member()}
        t = self.ui.ledgerTable
        row = t.currentRow()
        if row >= 0 and t.selectedItems() and not t.item(row, 4).text().startswith("-"):
            preset["what"] = f"{t.item(row, 3).text()}（退回）"
        values = self.ask_entry(True, **preset)
        return bool(values) and self._record(values, "已登记退回。原兑换记录保留不改。")

    def _record(self, values: dict[str, Any], done: str) -> bool:
        try:
            X.record_exchange(
                self.book,
                values["member"] or "",
                values["on"],
                values["what"],
                values["points"],
                values["handled_by"],
                note=values["note"],
            )
        except BookError as exc:
            lines = getattr(exc, "lines", None)
            more = "\n".join(lines()) if callable(lines) else ""
            QMessageBox.warning(self, "未能登记", f"{exc}\n{more}".strip())
            return False
        QMessageBox.information(self, "积分兑换", done)
        self.changed.emit()
        self.reload()
        return True

    def print_screen(self) -> Any:
        """文件 → 打印… (Ctrl+P): the chosen member's 登记表, which lists the redemptions."""
        code = self.selected_member()
        if not code:
            QMessageBox.information(
                self, "积分兑换", "请先在兑换记录或可兑换积分表中选中一名党员，再打印其登记表。"
            )
            return None
        from desktop.gui.print_preview import preview_document

        name = next((b["name"] for b in self.balances() if b["code"] == code), code)
        return preview_document(
            self,
            self.book.path,
            "member-register",
            title="打印党员积分考核管理登记表",
            file_name=f"{self.year}年度登记表-{name}.pdf",
            label="正在生成 PDF…",
            member=code,
            year=self.year,
        )
