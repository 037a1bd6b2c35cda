"""统一设定党费标准: one fixed-amount 党费标准 for every member who has none, from a start month.

Built in code (a few fields, like the screen's other small dialogs). All rules and writing are
`desktop.book.dues.set_rates_for_unset`; the CLI's `pioneer dues rate-unset` is the same.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.book import dues
from desktop.book.errors import BookError, InputRefused
from desktop.rules.dues import (
    CATEGORIES,
    FARMER,
    INCOME_CATEGORIES,
    TariffError,
    month_cn,
    parse_yuan,
)

#: The one line under the start month: what choosing it means for the months before.
START_HINT = (
    "本账本的党费从第一次设定的起始月份起记，此前的月份不计应缴；要补登本年已收的党费，请选1月。"
)
#: Names shown before the rest are summed up (a branch may have eighty members).
NAMES_SHOWN = 30


class BulkRateDialog(QDialog):
    """`BulkRateDialog(book, year, today=...)`; after exec() accepted, `names` holds who was set
    (姓氏笔画 order) and `from_month` the start month chosen."""

    def __init__(
        self, book: Any, year: int, parent: QWidget | None = None, *, today: date | None = None
    ) -> None:
        super().__init__(parent)
        self.book = book
        self.year = year
        self.names: list[str] = []
        self.setWindowTitle("统一设定党费标准")
        self.setModal(True)
        self.setMinimumWidth(620)

        waiting = [m["name"] for m in dues.members_without_rate(book)]
        shown = "、".join(waiting[:NAMES_SHOWN])
        if len(waiting) > NAMES_SHOWN:
            shown += " 等"
        self.who = QLabel(
            f"给还没有设定党费标准的 {len(waiting)} 名党员统一设定：{shown}。"
            "在职、离退休等按收入计算的，请在“党员党费”页逐人用计算器设定。"
            if waiting
            else "每名党员都已设定了党费标准，没有需要统一设定的。"
        )
        self.who.setWordWrap(True)

        self.categories = [c for c in CATEGORIES if c not in INCOME_CATEGORIES]
        self.category = QComboBox()
        self.category.addItems(self.categories)
        self.amount = QLineEdit("1.00")
        self.farmer_amount = "1.00"  # what was typed, back when 农民 is chosen again
        self.amount_label = QLabel()
        self.months = [f"{year:04d}-{i:02d}" for i in range(1, 13)]
        self.start = QComboBox()
        self.start.addItems([month_cn(m) for m in self.months])
        self.today = today
        default = dues.book_default_start(book, year, today)
        self.start.setCurrentIndex(self.months.index(default) if default in self.months else 0)
        hint = QLabel(START_HINT)
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        # What a start later than the book's dues start leaves 未定标准, said before 设定.
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #8a5a00;")
        self.warning.hide()
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e;")

        form = QFormLayout()
        form.addRow("党费类别", self.category)
        form.addRow(self.amount_label, self.amount)
        form.addRow("起始月份", self.start)
        form.addRow("", hint)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("设定")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(waiting))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.who)
        layout.addLayout(form)
        layout.addWidget(self.warning)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.category.currentIndexChanged.connect(self._category_changed)
        self._category_changed()
        self.start.currentIndexChanged.connect(self._start_changed)
        self._start_changed()

    @property
    def from_month(self) -> str:
        return self.months[self.start.currentIndex()]

    def _category_changed(self, *_args: Any) -> None:
        farmer = self.categories[self.category.currentIndex()] == FARMER
        # A fixed 0.20 leaves no amount to type: an empty box, not a greyed-out 1.00.
        if farmer and not self.amount.isEnabled():
            self.amount.setText(self.farmer_amount)
        elif not farmer and self.amount.isEnabled():
            self.farmer_amount = self.amount.text()
            self.amount.clear()
        self.amount.setEnabled(farmer)
        self.amount.setVisible(farmer)
        self.amount_label.setText("每月金额（0.20–1.00 元）" if farmer else "每月固定 0.20 元")
        self.error.clear()

    def _start_changed(self, *_args: Any) -> None:
        lines = dues.start_warnings(self.book, self.from_month, self.year, today=self.today)
        self.warning.setText("\n".join(lines))
        self.warning.setVisible(bool(lines))
        self.adjustSize()

    def accept(self) -> None:
        """Save, or say what is wrong and stay open (nothing written)."""
        category = self.categories[self.category.currentIndex()]
        try:
            fixed = parse_yuan(self.amount.text()) if category == FARMER else None
        except TariffError as exc:
            self.error.setText(f"每月金额：{exc}")
            self.adjustSize()
            return
        try:
            self.names = dues.set_rates_for_unset(
                self.book,
                self.year,
                category=category,
                fixed_fen=fixed,
                from_month=self.from_month,
                today=self.today,
            )
        except BookError as exc:
            lines = exc.lines() if isinstance(exc, InputRefused) else []
            self.error.setText("\n".join([exc.message, *lines]) if lines else str(exc))
            self.adjustSize()
            return
        super().accept()
