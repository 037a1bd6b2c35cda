"""The 季度评议 screen's dialog that starts (or re-issues) a period's publicity: the start
day, the window it gives under the scheme, and the reason when the notice is entered late."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from desktop.book import quarter as Q
from desktop.book.errors import BookError
from desktop.book.periods import THIS
from desktop.book.store import Book


class PublishDialog(QDialog):
    """开始公示 / 重新公示: the day the notice is posted (today; at most 14 days back for a
    notice really posted earlier, with the reason), the period it gives, and for a re-issue
    what was corrected."""

    def __init__(
        self,
        book: Book,
        year: int,
        quarter: int,
        *,
        today: date,
        kind: str = "quarter",
        reissue: bool = False,
        not_before: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.book, self.year, self.today, self.reissue = book, year, today, reissue
        self.setWindowTitle("重新公示" if reissue else "开始公示")
        self.setMinimumWidth(520)
        form = QFormLayout(self)
        self.form = form
        intro = QLabel(
            "积分结果有更正：更正后的公示表从重新张贴之日起重新计算完整的公示期，"
            f"期满后才能确认{THIS[kind]}。请打印新的公示表张贴。"
            if reissue
            else "公示期从公示表张贴之日算起。请在张贴当天登记，开始日期就是今天。"
        )
        intro.setWordWrap(True)
        form.addRow(intro)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText("如：张三5月10日主题党日改为出席")
        if reissue:
            form.addRow("更正的内容", self.reason)
        earliest = max(Q.earliest_publicity_start(year, quarter, today, kind), not_before)
        self.start = QDateEdit(QDate(today.year, today.month, today.day))
        self.start.setCalendarPopup(True)
        self.start.setDisplayFormat("yyyy-MM-dd")
        self.start.setMinimumDate(QDate.fromString(earliest, "yyyy-MM-dd"))
        form.addRow("公示开始日期", self.start)
        self.period = QLabel()
        self.period.setWordWrap(True)
        form.addRow("", self.period)
        self.late_note = QLabel(
            f"开始日期早于今天：只有公示表确实已于那天张贴、今天才补登时才这样填"
            f"（最多补登 {Q.MAX_LATE_ENTRY_DAYS} 天），并写明补登原因；"
            "还没有张贴的，请把开始日期改回今天。"
        )
        self.late_note.setWordWrap(True)
        self.late_note.setStyleSheet("color: #b36b00")
        form.addRow(self.late_note)
        self.late_reason = QLineEdit()
        form.addRow("补登原因", self.late_reason)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.start.dateChanged.connect(self._update)
        self.late_reason.textChanged.connect(self._update)
        self._update()

    @property
    def start_iso(self) -> str:
        return self.start.date().toString("yyyy-MM-dd")

    @property
    def is_late(self) -> bool:
        return self.start_iso < self.today.isoformat()

    def _update(self) -> None:
        iso, late = self.start_iso, self.is_late
        self.form.setRowVisible(self.late_note, late)
        self.form.setRowVisible(self.late_reason, late)
        self.late_reason.setPlaceholderText(
            f"如：公示表已于{int(iso[5:7])}月{int(iso[8:])}日张贴，今日补登"
        )
        try:
            start, end = Q.publicity_window(self.book, self.year, iso)
            scheme = Q.year_scheme(self.book, self.year)
            rule = Q.publicity_rule_text(scheme.publicity_days, scheme.publicity_working_days)
            self.period.setText(f"公示期 {start} 至 {end}（{rule}），期满后才能确认。")
        except BookError as exc:
            self.period.setText(str(exc))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(not late or bool(self.late_reason.text().strip()))
        ok.setToolTip("" if ok.isEnabled() else "请写明补登原因")
        if late != getattr(self, "_shown_late", None):
            # Rows appeared or went: grow (or shrink) to fit them instead of overlapping.
            self._shown_late = late
            self.layout().activate()
            self.resize(self.width(), self.layout().heightForWidth(self.width()))

    def values(self) -> dict[str, Any]:
        return {
            "start": self.start_iso,
            "late_reason": self.late_reason.text().strip() if self.is_late else "",
            "reason": self.reason.text().strip(),
        }


class CorrectStartDialog(QDialog):
    """更正开始日期: the day the notice was really posted (a 开始公示 entered that day by
    mistake), and why; the book keeps the mistaken notice and journals the correction."""

    def __init__(
        self,
        book: Book,
        year: int,
        quarter: int,
        *,
        today: date,
        current: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.book, self.year = book, year
        self.setWindowTitle("更正公示开始日期")
        self.setMinimumWidth(520)
        form = QFormLayout(self)
        self.form = form
        intro = QLabel(
            f"现登记的公示开始日期是 {current}。公示表实际是哪天张贴的，就更正为那天；"
            "原来的登记和这次更正都会留在操作记录里。登记异议或积分结果变化后不能再更正。"
        )
        intro.setWordWrap(True)
        form.addRow(intro)
        kind = Q.cycle(book, year)
        self.start = QDateEdit(QDate.fromString(current, "yyyy-MM-dd"))
        self.start.setCalendarPopup(True)
        self.start.setDisplayFormat("yyyy-MM-dd")
        self.start.setMinimumDate(
            QDate.fromString(Q.publishable_from(year, quarter, kind), "yyyy-MM-dd")
        )
        self.start.setMaximumDate(QDate(today.year, today.month, today.day))
        form.addRow("实际张贴日期", self.start)
        self.period = QLabel()
        self.period.setWordWrap(True)
        form.addRow("", self.period)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText("如：公示表已于10月10日张贴，登记时误填为今天")
        form.addRow("更正原因", self.reason)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.current = current
        self.start.dateChanged.connect(self._update)
        self.reason.textChanged.connect(self._update)
        self._update()

    @property
    def start_iso(self) -> str:
        return self.start.date().toString("yyyy-MM-dd")

    def _update(self) -> None:
        try:
            start, end = Q.publicity_window(self.book, self.year, self.start_iso)
            self.period.setText(f"更正后公示期 {start} 至 {end}。")
        except BookError as exc:
            self.period.setText(str(exc))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        same = self.start_iso == self.current
        ok.setEnabled(not same and bool(self.reason.text().strip()))
        ok.setToolTip(
            "" if ok.isEnabled() else ("请选择实际张贴的日期" if same else "请写明更正原因")
        )

    def values(self) -> dict[str, Any]:
        return {"start": self.start_iso, "reason": self.reason.text().strip()}
