"""The 党费 screen: a month's collection in one table, each member's dues page with the
calculator, arrears with the reminder ladder, and the year's register with print/export.

All reading and writing goes through `desktop.book.dues`; this module only arranges the window.
PDFs and the workbook are written off the UI thread on the worker's own Book.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from desktop.book import dues
from desktop.book.errors import BookError, InputRefused
from desktop.gui.bulk_rate_dialog import BulkRateDialog
from desktop.gui.dues_model import NOW, CollectionModel
from desktop.gui.forms.ui_dues_screen import Ui_DuesScreen
from desktop.rules.collation import sorted_by_strokes
from desktop.rules.dues import (
    CATEGORIES,
    FARMER,
    INCOME_CATEGORIES,
    INCOME_LABELS,
    LEVEL_TEXT,
    VETO_MONTHS,
    TariffError,
    month_cn,
    months_text,
    parse_yuan,
    yuan,
)

_RED = QColor("#b3261e")
_AMBER = QColor("#8a5a00")
LADDER_TEXT = (
    "欠缴阶梯：欠缴 1–2 个月，提醒本人；累计欠缴 3 个月，发催缴通知；"
    f"连续 {VETO_MONTHS} 个月未交纳，列出提请支委会核实（可能按自行脱党处理，属一票否决情形）"
    "——程序只提示，不会自动作出任何处理。"
)


#: The member's 起始月份: when this standard applies (a first one, or a change for new pay).
MEMBER_START_HINT = (
    "这个标准从哪个月起适用。调整标准（如工资变了）选新收入开始领取的月份，"
    "之前的月份仍按原标准；第一次设定默认从本账本党费起记的月份（或入党、转入的月份）起。"
)


def _item(text: str, align_right: bool = False, colour: QColor | None = None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if align_right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    if colour is not None:
        item.setForeground(QBrush(colour))
    return item


def _problem_text(exc: BookError) -> str:
    lines = exc.lines() if isinstance(exc, InputRefused) else []
    return "\n".join([exc.message, *lines]) if lines else str(exc)


class DuesScreen(QWidget):
    """`DuesScreen(book)`; `set_book(book)` when another book is opened."""

    dues_changed = Signal()

    def __init__(
        self,
        book: Any,
        parent: QWidget | None = None,
        *,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self.book = book
        self.today = today
        self.ui = Ui_DuesScreen()
        self.ui.setupUi(self)
        self._months: list[str] = []
        self._member_ids: list[int] = []
        self._members: list[dict] = []
        self._arrears_ids: list[int] = []
        self._member_rate: int | None = None
        self._pay_months: list[str] = []
        self._rate_months: list[str] = []
        self.last_receipts: list[str] = []
        self.jobs: list[Any] = []
        self._loaded = ""

        ui = self.ui
        # -- the month's collection ---------------------------------------------------------
        self.model = CollectionModel(self)
        view = ui.collectionView
        view.setModel(self.model)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
        )
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        view.verticalHeader().setDefaultSectionSize(32)
        for col, width in enumerate((110, 110, 80, 80, 100, 260, 130)):
            view.setColumnWidth(col, width)
        view.selectionModel().currentChanged.connect(self._current_changed)
        view.itemDelegate().closeEditor.connect(self._editor_closed)
        view.installEventFilter(self)
        self.model.dataChanged.connect(self._update_totals)
        self.model.modelReset.connect(self._update_totals)
        ui.payDateEdit.setDate(QDate(self.today()))
        ui.allPaidButton.clicked.connect(self.mark_all_paid)
        ui.clearButton.clicked.connect(self.model.clear_all)
        ui.saveCollectionButton.clicked.connect(self.save_collection)
        ui.printMonthReceiptsButton.clicked.connect(self.print_month_receipts)
        ui.reverseMonthButton.clicked.connect(self.reverse_month_receipt)
        save = QShortcut(QKeySequence("Ctrl+S"), self)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.activated.connect(self.save_collection)
        ui.monthCombo.currentIndexChanged.connect(self._month_changed)

        # -- the member's page --------------------------------------------------------------
        ui.categoryCombo.addItems(list(CATEGORIES))
        ui.categoryCombo.currentIndexChanged.connect(self._calculate)
        ui.incomeEdit.textChanged.connect(self._calculate)
        ui.overrideCheck.toggled.connect(self._override_toggled)
        ui.monthlyEdit.textChanged.connect(self._calculate)
        ui.saveRateButton.clicked.connect(self.save_rate)
        ui.payButton.clicked.connect(self.record_member_payment)
        ui.reverseButton.clicked.connect(self.reverse_receipt)
        ui.printMemberReceiptsButton.clicked.connect(self.print_member_receipts)
        ui.memberList.currentRowChanged.connect(self._member_selected)
        ui.memberSearch.textChanged.connect(self._filter_members)
        ui.memberSearch.chosen.connect(ui.memberList.setFocus)  # the member found: on to it
        ui.memberSearch.moved.connect(self._step_member)
        ui.bulkRateButton.clicked.connect(self.set_rates_for_unset)
        ui.fromMonthCombo.setToolTip(MEMBER_START_HINT)
        # What a later first start leaves 未定标准, said before 保存标准 (book.start_warnings).
        self.startWarning = QLabel()
        self.startWarning.setObjectName("startWarning")
        self.startWarning.setWordWrap(True)
        self.startWarning.setStyleSheet("color: #8a5a00;")
        self.startWarning.hide()
        ui.calcGrid.addWidget(self.startWarning, 4, 0, 1, 6)
        ui.fromMonthCombo.currentIndexChanged.connect(self._start_changed)
        self._override_toggled(False)

        # -- arrears and the register -------------------------------------------------------
        ui.ladderLabel.setText(LADDER_TEXT)
        for table in (ui.arrearsView, ui.registerView, ui.memberMonthsView):
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            table.verticalHeader().setDefaultSectionSize(30)
        ui.arrearsView.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        ui.remindButton.clicked.connect(self.issue_reminders)
        ui.printRemindersButton.clicked.connect(self.print_reminders)
        ui.printRegisterButton.clicked.connect(self.print_register)
        ui.exportRegisterButton.clicked.connect(self.export_register)
        ui.printPublicityButton.clicked.connect(self.print_publicity)
        ui.printReceiptsButton.clicked.connect(self.print_year_receipts)
        ui.tabs.currentChanged.connect(lambda _i: self._refresh_tab())

        self.set_book(book)

    # -- book and month --------------------------------------------------------------------

    def set_book(self, book: Any) -> None:
        self.book = book
        self._loaded = ""  # another book: nothing typed carries over
        today = self.today()
        year = book.current_year
        current = today.isoformat()[:7] if today.year == year else f"{year}-12"
        self._months = [f"{y}-{m:02d}" for y in (year - 1, year) for m in range(1, 13)]
        if today.year > year:
            self._months += [f"{year + 1}-{m:02d}" for m in range(1, today.month + 1)]
        combo = self.ui.monthCombo
        combo.blockSignals(True)
        combo.clear()
        combo.addItems([month_cn(m) for m in self._months])
        combo.setCurrentIndex(self._months.index(current) if current in self._months else 0)
        combo.blockSignals(False)
        self.ui.receiverEdit.setText(dues.default_receiver(book))
        self.refresh()

    @property
    def month(self) -> str:
        return self._months[self.ui.monthCombo.currentIndex()]

    @property
    def year(self) -> int:
        return int(self.month[:4])

    def set_month(self, month: str) -> None:
        self.ui.monthCombo.setCurrentIndex(self._months.index(month))

    def _month_changed(self, *_args: Any) -> None:
        self.refresh()

    def refresh(self) -> None:
        """Reload the collection (always: it is the first tab) and the tab shown."""
        self._load_collection()
        self._refresh_tab()

    def _refresh_tab(self) -> None:
        tab = self.ui.tabs.currentWidget()
        if tab is self.ui.memberTab:
            self._load_members()
        elif tab is self.ui.arrearsTab:
            self._load_arrears()
        elif tab is self.ui.registerTab:
            self._load_register()

    def _changed(self) -> None:
        self.refresh()
        self.dues_changed.emit()

    # -- the month's collection ------------------------------------------------------------

    def _load_collection(self, *, keep_typed: bool = True) -> None:
        # Amounts typed but not saved survive a refresh of the same month (switching screens
        # and back must not lose a half-done collection).
        typed = self.model.payments() if keep_typed and self._loaded == self.month else {}
        rows = dues.month_collection(self.book, self.month, today=self.today())
        self.model.set_rows(rows)
        self._loaded = self.month
        for r, row in enumerate(rows):
            if typed.get(row["member_id"]):
                self.model.set_now(r, typed[row["member_id"]])
        if rows:
            self.ui.collectionView.setCurrentIndex(self.model.index(0, NOW))
        # Named in 姓氏笔画 order (the rows go group by group).
        unset = sorted_by_strokes(r["name"] for r in rows if r["due_fen"] is None)
        owing = sum(1 for r in rows if r["remaining_fen"] > 0)
        text = f"{month_cn(self.month)}：应交党费 {len(rows)} 人，尚未缴清 {owing} 人"
        if unset:
            # Named, as in the register's warning: they are missing from its totals.
            text += (
                f"；{'、'.join(unset)} 未设定党费标准（{len(unset)} 人），台账合计不完整"
                "（在“党员党费”页用计算器设定，或点“统一设定标准…”）"
            )
        self.ui.summaryLabel.setText(text + "。")

    def _update_totals(self, *_args: Any) -> None:
        m = self.model
        now = sum(m.now_fen(r) for r in range(m.rowCount()))
        payers = sum(1 for r in range(m.rowCount()) if m.now_fen(r))
        due = sum(m.row(r)["due_fen"] or 0 for r in range(m.rowCount()))
        paid = sum(m.row(r)["paid_fen"] for r in range(m.rowCount()))
        text = (
            f"本月应缴合计 {yuan(due)} 元，已登记 {yuan(paid)} 元；"
            f"本次实收 {payers} 人，共 {yuan(now)} 元。"
        )
        if m.last_error:
            text = m.last_error + "　" + text
        self.ui.collectionTotals.setText(text)

    def mark_all_paid(self) -> None:
        self.model.mark_all_paid()
        self.ui.collectionView.setFocus(Qt.FocusReason.OtherFocusReason)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        # Keep the cursor on 本次实收, so typing a number edits the amount of that row.
        if current.isValid() and current.column() != NOW:
            self.ui.collectionView.setCurrentIndex(self.model.index(current.row(), NOW))

    def _editor_closed(self, _editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        self._update_totals()
        if hint == QAbstractItemDelegate.EndEditHint.RevertModelCache:
            return
        view = self.ui.collectionView
        row = view.currentIndex().row()
        if self.model.last_error:
            return
        if 0 <= row < self.model.rowCount() - 1:
            view.setCurrentIndex(self.model.index(row + 1, NOW))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.ui.collectionView and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            view = self.ui.collectionView
            row = view.currentIndex().row()
            key = event.key()
            if view.state() != QAbstractItemView.State.EditingState and row >= 0:
                if key == Qt.Key.Key_Space:
                    self.model.toggle(row)
                    return True
                if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                    self.model.set_now(row, 0)
                    return True
                if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                    if row < self.model.rowCount() - 1:
                        view.setCurrentIndex(self.model.index(row + 1, NOW))
                    return True
        return super().eventFilter(watched, event)

    def save_collection(self) -> None:
        view = self.ui.collectionView
        if view.state() == QAbstractItemView.State.EditingState:
            # Commit the amount being typed before saving.
            editor = view.indexWidget(view.currentIndex()) or view.focusWidget()
            if editor is not None and editor is not view:
                view.commitData(editor)
                view.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        payments = self.model.payments()
        if not payments:
            QMessageBox.information(
                self,
                "保存本月收缴",
                "本次实收都是 0，没有要登记的缴费。\n请先点“全部已缴”或输入金额。",
            )
            return
        far = [
            text
            for mid, fen in payments.items()
            if (text := dues.far_above_standard(self.book, mid, {self.month: fen}))
        ]
        if far and not self._confirm_far_above(far):
            return
        try:
            numbers = dues.record_collection(
                self.book,
                self.month,
                payments,
                paid_date=self.ui.payDateEdit.date().toString("yyyy-MM-dd"),
                receiver=self.ui.receiverEdit.text(),
                today=self.today(),
            )
        except BookError as exc:
            QMessageBox.warning(self, "党费没有登记", _problem_text(exc))
            return
        self.last_receipts = numbers
        total = sum(payments.values())
        self.model.clear_all()
        self._changed()
        span = numbers[0] if len(numbers) == 1 else f"{numbers[0]}–{numbers[-1]}"
        self.ui.collectionTotals.setText(
            f"已登记 {len(numbers)} 人，共 {yuan(total)} 元，收据号 {span}。"
            "可点“打印本月收据…”打印收据。"
        )

    # -- the member's page -----------------------------------------------------------------

    def _load_members(self) -> None:
        current = self.current_member_id()
        members = [
            m
            for m in self.book.roster.members(include_left=False)
            if m["status"] in dues.PAYING_STATUSES
        ]
        from desktop.book.reports import sort_members

        members = sort_members(members)
        self._member_ids = [m["id"] for m in members]
        self._members = members
        lst = self.ui.memberList
        lst.blockSignals(True)
        lst.clear()
        lst.addItems([f"{m['name']}（{m['group'] or '未分组'}）" for m in members])
        lst.blockSignals(False)
        self._filter_members(self.ui.memberSearch.text())
        if current in self._member_ids:
            lst.setCurrentRow(self._member_ids.index(current))
        elif members:
            lst.setCurrentRow(0)
        else:
            self._member_selected(-1)

    def _filter_members(self, text: str) -> None:
        """The members' picker: only those the search box fits (name, pinyin initials, code),
        the first of them chosen."""
        from desktop.gui.member_picker import matches

        lst = self.ui.memberList
        shown = []
        for row in range(lst.count()):
            fits = matches(self._members[row], text)
            lst.item(row).setHidden(not fits)
            shown += [row] * fits
        self.ui.memberSearch.tell_found(len(shown))
        if text.strip() and shown:
            lst.setCurrentRow(shown[0])

    def _step_member(self, by: int) -> None:
        """↑/↓ in the search box: the previous / next member shown."""
        lst = self.ui.memberList
        shown = [r for r in range(lst.count()) if not lst.item(r).isHidden()]
        if shown:
            at = shown.index(lst.currentRow()) if lst.currentRow() in shown else -1
            lst.setCurrentRow(shown[min(max(at + by, 0), len(shown) - 1)])

    def current_member_id(self) -> int | None:
        row = self.ui.memberList.currentRow()
        return self._member_ids[row] if 0 <= row < len(self._member_ids) else None

    def select_member(self, member_id: int) -> None:
        self.ui.tabs.setCurrentWidget(self.ui.memberTab)
        self.ui.memberList.setCurrentRow(self._member_ids.index(member_id))

    def _member_selected(self, row: int) -> None:
        ui = self.ui
        member_id = self.current_member_id()
        for box in (ui.calcBox, ui.payBox):
            box.setEnabled(member_id is not None)
        ui.rateError.clear()
        ui.payError.clear()
        if member_id is None:
            self.startWarning.hide()
            ui.memberTitle.setText("（没有需要交党费的党员）")
            ui.memberInfo.clear()
            ui.memberMonthsView.clear()
            return
        m = self.book.roster.member(member_id)
        history = dues.rates(self.book, member_id)
        ui.memberTitle.setText(m["name"])
        from desktop.rules.dates import date_words

        joined = date_words(m["joined_date"]) or "未填"  # 1987年1月 when known to the month
        info = f"{m['status']}，{m['group'] or '未分组'}，入党时间 {joined}。"
        if history:
            parts = []
            for r in history:
                text = (
                    f"{month_cn(r['from_month'])}起 {yuan(r['monthly_fen'])} 元/月（{r['category']}"
                )
                if r["override_reason"]:
                    text += f"，手动调整：{r['override_reason']}"
                if r["approved_by"]:
                    text += f"，批准：{r['approved_by']}"
                parts.append(text + "）")
            info += "党费标准：" + "；".join(parts) + "。"
        else:
            info += "还没有设定党费标准：请用下面的计算器设定。"
        ui.memberInfo.setText(info)
        # Calculator starts from the latest rate.
        self._rate_months = [f"{self.year}-{i:02d}" for i in range(1, 13)]
        ui.fromMonthCombo.clear()
        ui.fromMonthCombo.addItems([month_cn(x) for x in self._rate_months])
        # A first standard from the book's dues start (or when the member joined), so no month
        # owed is skipped; a change (a pay rise) from this month.
        start = dues.default_rate_start(self.book, member_id, self.year, self.today())
        ui.fromMonthCombo.setCurrentIndex(
            self._rate_months.index(start) if start in self._rate_months else 0
        )
        self._start_changed()
        latest = history[-1] if history else None
        ui.categoryCombo.blockSignals(True)
        ui.categoryCombo.setCurrentIndex(
            CATEGORIES.index(latest["category"]) if latest else CATEGORIES.index(FARMER)
        )
        ui.categoryCombo.blockSignals(False)
        ui.incomeEdit.setText(yuan(latest["income_fen"]) if latest and latest["income_fen"] else "")
        ui.overrideCheck.setChecked(bool(latest and latest["override_reason"]))
        ui.monthlyEdit.setText(yuan(latest["monthly_fen"]) if latest else "")
        ui.reasonEdit.setText(latest["override_reason"] if latest else "")
        ui.approvedEdit.setText(latest["approved_by"] if latest else "")
        self._calculate()
        # Payment: months of the year, from the first owed-and-unpaid month.
        self._member_rate = dues.rate_for(self.book, member_id, self.month)
        self._pay_months = [f"{self.year}-{i:02d}" for i in range(1, 13)]
        labels = [month_cn(x) for x in self._pay_months]
        for combo in (ui.payFromCombo, ui.payToCombo):
            combo.clear()
            combo.addItems(labels)
        index = self._pay_months.index(self.month) if self.month in self._pay_months else 0
        # A member in arrears most likely pays them: start from the first month owed.
        through = dues.judged_through(self.today())
        owed = [
            k
            for k, v in dues.member_months(
                self.book, m, self._pay_months[0], self._pay_months[-1], through=through
            ).items()
            if v.owed_fen > 0 and k <= through
        ]
        first = self._pay_months.index(owed[0]) if owed else index
        ui.payFromCombo.setCurrentIndex(min(first, index))
        ui.payToCombo.setCurrentIndex(index)
        ui.payAmountEdit.setText(yuan(self._member_rate) if self._member_rate is not None else "")
        ui.receiptEdit.clear()
        self._load_member_months(m)

    def _load_member_months(self, m: dict[str, Any]) -> None:
        table: QTableWidget = self.ui.memberMonthsView
        year = self.year
        months = [f"{year}-{i:02d}" for i in range(1, 13)]
        through = min(dues.judged_through(self.today()), f"{year}-12")
        # Months not yet ended are shown too (待缴), so the page shows the whole year's due.
        md = dues.member_months(self.book, m, months[0], months[-1], through=months[-1])
        table.clear()
        table.setColumnCount(len(months))
        table.setRowCount(3)
        table.setHorizontalHeaderLabels([f"{i}月" for i in range(1, 13)])
        table.setVerticalHeaderLabels(["应缴", "实缴", "情况"])
        table.verticalHeader().setVisible(True)
        for c, month in enumerate(months):
            cell = md.get(month)
            if cell is None:
                for r in range(3):
                    table.setItem(r, c, _item(""))
                continue
            state = cell.state
            if state == "未缴" and month > through:
                state = "待缴"
            colour = _RED if state in ("未缴", "部分") else None
            paid = _item(yuan(cell.paid_fen) if cell.paid_fen else "", True)
            if cell.paid_date:
                paid.setToolTip(f"{cell.paid_date} 交纳")
            table.setItem(0, c, _item(yuan(cell.due_fen), True))
            table.setItem(1, c, paid)
            table.setItem(2, c, _item(state, colour=colour))
        table.setMinimumHeight(3 * 30 + 40)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)

    def _start_changed(self, *_args: Any) -> None:
        member_id = self.current_member_id()
        index = self.ui.fromMonthCombo.currentIndex()
        lines = (
            dues.start_warnings(
                self.book,
                self._rate_months[index],
                self.year,
                member_ids=[member_id],
                today=self.today(),
            )
            if member_id is not None and 0 <= index < len(self._rate_months)
            else []
        )
        self.startWarning.setText("\n".join(lines))
        self.startWarning.setVisible(bool(lines))

    def _override_toggled(self, on: bool) -> None:
        ui = self.ui
        for widget in (ui.monthlyEdit, ui.reasonEdit, ui.approvedEdit):
            widget.setEnabled(on)
        self._calculate()

    def _category(self) -> str:
        return CATEGORIES[self.ui.categoryCombo.currentIndex()]

    def _calc_inputs(self) -> tuple[int | None, int | None]:
        """(income fen, farmer's fixed fen) from the form; raises TariffError."""
        category = self._category()
        text = self.ui.incomeEdit.text().strip()
        if category in INCOME_CATEGORIES:
            return (parse_yuan(text) if text else None), None
        if category == FARMER and text:
            return None, parse_yuan(text)
        return None, None

    def _calculate(self, *_args: Any) -> None:
        ui = self.ui
        category = self._category()
        if category in INCOME_CATEGORIES:
            ui.incomeLabel.setText(f"{INCOME_LABELS[category]}（元）")
            ui.incomeEdit.setEnabled(True)
            ui.incomeEdit.setPlaceholderText("如 4500.00")
        elif category == FARMER:
            ui.incomeLabel.setText("每月金额（0.20–1.00 元）")
            ui.incomeEdit.setEnabled(True)
            ui.incomeEdit.setPlaceholderText("留空为 1.00")
        else:
            ui.incomeLabel.setText("每月固定 0.20 元")
            ui.incomeEdit.setEnabled(False)
        try:
            income, fixed = self._calc_inputs()
            tariff = dues.calculate(category, income, fixed)
        except (TariffError, InputRefused) as exc:
            ui.resultLabel.setText("")
            ui.rateError.setText(str(exc) if ui.incomeEdit.text().strip() else "")
            return
        ui.rateError.clear()
        text = tariff["explain"]
        if ui.overrideCheck.isChecked() and ui.monthlyEdit.text().strip():
            text += "；手动调整后以下面的金额为准"
        ui.resultLabel.setText(text)

    def save_rate(self) -> None:
        ui = self.ui
        member_id = self.current_member_id()
        if member_id is None:
            return
        try:
            income, fixed = self._calc_inputs()
            monthly = None
            if ui.overrideCheck.isChecked():
                monthly = parse_yuan(ui.monthlyEdit.text())
        except TariffError as exc:
            ui.rateError.setText(str(exc))
            return
        try:
            row = dues.set_rate(
                self.book,
                member_id,
                from_month=self._rate_months[ui.fromMonthCombo.currentIndex()],
                category=self._category(),
                income_fen=income,
                fixed_fen=fixed,
                monthly_fen=monthly,
                override_reason=ui.reasonEdit.text(),
                approved_by=ui.approvedEdit.text(),
                year=self.year,
                today=self.today(),
            )
        except BookError as exc:
            ui.rateError.setText(_problem_text(exc))
            return
        self._changed()
        self.select_member(member_id)
        ui.rateError.setText("")
        ui.resultLabel.setText(
            f"已保存：{month_cn(row['from_month'])}起每月 {yuan(row['monthly_fen'])} 元。"
        )

    def set_rates_for_unset(self) -> None:
        """One fixed amount for every member without a rate, from a start month (a new
        book's first step)."""
        dialog = BulkRateDialog(self.book, self.year, self, today=self.today())
        if dialog.exec() != BulkRateDialog.DialogCode.Accepted:
            return
        self._changed()
        QMessageBox.information(
            self,
            dialog.windowTitle(),
            f"已为 {len(dialog.names)} 名党员设定党费标准，自{month_cn(dialog.from_month)}起："
            f"{'、'.join(dialog.names)}。",
        )

    def record_member_payment(self) -> None:
        ui = self.ui
        member_id = self.current_member_id()
        if member_id is None:
            return
        first = ui.payFromCombo.currentIndex()
        last = ui.payToCombo.currentIndex()
        if last < first:
            ui.payError.setText("“到”的月份不能早于“从”的月份。")
            return
        try:
            amount = parse_yuan(ui.payAmountEdit.text())
        except TariffError as exc:
            ui.payError.setText(str(exc))
            return
        months = self._pay_months[first : last + 1]
        # Months already paid in full are left out (paying them again would be a mistake more
        # often than voluntary extra); a part-paid month takes what it still owes when the
        # amount is the member's usual one.
        m = self.book.roster.member(member_id)
        recorded = dues.member_months(self.book, m, months[0], months[-1], through=months[0])
        plan: dict[str, int] = {}
        skipped: list[str] = []
        for month in months:
            cell = recorded.get(month)
            if cell is not None and cell.paid_fen > 0 and cell.owed_fen == 0:
                skipped.append(month)
            elif cell is not None and cell.paid_fen > 0 and amount == self._member_rate:
                plan[month] = cell.owed_fen
            else:
                plan[month] = amount
        if not plan:
            ui.payError.setText(f"{months_text(months)}都已缴清，不用再登记。")
            return
        far = dues.far_above_standard(self.book, member_id, plan)
        if far and not self._confirm_far_above([far]):
            return
        try:
            number = dues.record_payment(
                self.book,
                member_id,
                plan,
                paid_date=ui.payDateEdit.date().toString("yyyy-MM-dd"),
                receiver=ui.receiverEdit.text(),
                receipt_no=ui.receiptEdit.text().strip() or None,
                today=self.today(),
            )
        except BookError as exc:
            ui.payError.setText(_problem_text(exc))
            return
        self.last_receipts = [number]
        self._changed()
        self.select_member(member_id)
        text = (
            f"已登记：{months_text(list(plan))}，共 {yuan(sum(plan.values()))} 元，"
            f"收据号 {number}。"
        )
        if skipped:
            text += f"{months_text(skipped)}已缴清，未重复登记。"
        ui.payError.setText(text)

    def _confirm_far_above(self, lines: list[str]) -> bool:
        """Asked before saving an amount far above the standard (100 typed for 1.00)."""
        answer = QMessageBox.question(
            self,
            "金额远高于党费标准",
            "\n".join(lines) + "\n\n确是预交或自愿多交的吗？选“否”回去改金额。",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _reverse_dialog(self, member_id: int, month: str | None = None) -> Any:
        """The reversal dialog for a member (its receipt of `month` selected); the dialog
        when a receipt was reversed, else None."""
        from desktop.gui.reverse_dues_dialog import ReverseDuesDialog

        dialog = ReverseDuesDialog(
            self.book, member_id, self.year, self, today=self.today, month=month
        )
        if dialog.exec() != ReverseDuesDialog.DialogCode.Accepted:
            return None
        self.last_receipts = [dialog.red_no]
        return dialog

    def reverse_receipt(self) -> None:
        """冲销收据… on the member's page: one of this member's receipts recorded by mistake,
        reversed by a red receipt with its reason (the dialog); then the payment can be
        recorded again."""
        member_id = self.current_member_id()
        if member_id is None:
            return
        dialog = self._reverse_dialog(member_id)
        if dialog is None:
            return
        self._changed()
        self.select_member(member_id)
        self.ui.payError.setText(dialog.done_text + "请按正确的金额和月份重新登记。")

    def reverse_month_receipt(self) -> None:
        """冲销收据… under the month's collection: the selected member's receipt of this month
        (the one just saved wrong, usually), through the same dialog; the month shows the
        member owing again, to be recorded right in the same table."""
        view = self.ui.collectionView
        row = view.currentIndex().row()
        if not 0 <= row < self.model.rowCount():
            QMessageBox.information(self, "冲销收据", "请先在表中选中要冲销收据的党员。")
            return
        member_id = self.model.row(row)["member_id"]
        dialog = self._reverse_dialog(member_id, self.month)
        if dialog is None:
            return
        self._changed()
        again = next(
            (
                r
                for r in range(self.model.rowCount())
                if self.model.row(r)["member_id"] == member_id
            ),
            None,
        )
        if again is not None:
            view.setCurrentIndex(self.model.index(again, NOW))
        self.ui.collectionTotals.setText(
            dialog.done_text + "如需重新登记，在本表“本次实收”填正确的金额后保存。"
        )

    # -- arrears ---------------------------------------------------------------------------

    def _load_arrears(self) -> None:
        rows = dues.arrears_overview(self.book, today=self.today())
        self._arrears_ids = [r["member_id"] for r in rows]
        table: QTableWidget = self.ui.arrearsView
        headers = ["姓名", "党小组", "欠缴月数", "欠缴金额", "欠缴月份", "处理阶梯", "已发催缴通知"]
        table.clear()
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            colour = _RED if r["level"] >= 3 else (_AMBER if r["level"] == 2 else None)
            notices = "、".join(n["date"] for n in r["notices"]) or "未发"
            values = [
                (r["name"], False),
                (r["group"] or "", False),
                (f"{len(r['months'])} 个月", True),
                (yuan(r["owed_fen"]), True),
                (months_text(r["months"]), False),
                (LEVEL_TEXT[r["level"]], False),
                (notices, False),
            ]
            for c, (text, right) in enumerate(values):
                table.setItem(i, c, _item(text, right, colour if c in (0, 5) else None))
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        veto = sum(1 for r in rows if r["level"] >= 3)
        remind = sum(1 for r in rows if r["level"] == 2)
        through = month_cn(dues.judged_through(self.today()))
        text = f"统计至{through}：欠缴 {len(rows)} 人"
        if remind:
            text += f"，应发催缴通知 {remind} 人"
        if veto:
            text += f"，连续 {VETO_MONTHS} 个月未交、须支委会核实 {veto} 人"
        self.ui.arrearsCount.setText(text + "。" if rows else f"统计至{through}：没有欠缴。")

    def selected_arrears_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.ui.arrearsView.selectedIndexes()})
        return [self._arrears_ids[r] for r in rows if r < len(self._arrears_ids)]

    def issue_reminders(self) -> None:
        ids = self.selected_arrears_ids()
        if not ids:
            QMessageBox.information(self, "登记催缴通知", "请先在表中选中要催缴的党员。")
            return
        try:
            rows = dues.issue_reminders(self.book, ids, today=self.today())
        except BookError as exc:
            QMessageBox.warning(self, "催缴通知没有登记", _problem_text(exc))
            return
        self._changed()
        self.ui.arrearsCount.setText(f"已登记催缴通知 {len(rows)} 份。可点“打印催缴通知…”打印。")

    # -- files -----------------------------------------------------------------------------

    def _write(self, kind: str, title: str, what: str, suggested: str, **opts: Any) -> Any:
        """Write the paper off the UI thread, then show it in the print preview (打印 or
        另存为 PDF from there)."""
        from desktop.gui.print_preview import preview_document

        job = preview_document(
            self,
            self.book.path,
            kind,
            title=title,
            file_name=suggested,
            label=f"正在生成{what}…",
            today=self.today(),
            **opts,
        )
        self.jobs.append(job)
        return job

    def _branch(self) -> str:
        return self.book.branch().get("name") or "支部"

    def print_register(self) -> Any:
        return self._write(
            "dues-register",
            "打印党费台账",
            "党费收缴台账",
            f"{self._branch()}{self.year}年度党费收缴台账.pdf",
            year=self.year,
        )

    def print_publicity(self) -> Any:
        return self._write(
            "dues-publicity",
            "打印党费公示",
            "党费收缴公示",
            f"{self._branch()}{self.year}年度党费收缴公示.pdf",
            year=self.year,
        )

    def print_year_receipts(self) -> Any:
        return self._write(
            "receipts", "打印收据", "党费收据", f"{self.year}年党费收据.pdf", year=self.year
        )

    def print_month_receipts(self) -> Any:
        found = {n for r in self.model.rows() for n in r["receipts"]}
        # …and the red receipts (冲销) of this month's receipts: the receipt book has them too.
        found |= {
            r["receipt_no"]
            for r in dues.receipts(self.book, year=self.year)
            if r["reverses"] and self.month in r["months"]
        }
        numbers = sorted(found)
        if not numbers:
            QMessageBox.information(self, "打印收据", f"{month_cn(self.month)}还没有开具收据。")
            return None
        return self._write(
            "receipts",
            "打印收据",
            "党费收据",
            f"{month_cn(self.month)}党费收据.pdf",
            numbers=numbers,
        )

    def print_member_receipts(self) -> Any:
        """The receipt just registered for this member (a single receipt), else all of the
        member's receipts of the year."""
        member_id = self.current_member_id()
        if member_id is None:
            return None
        name = self.book.roster.member(member_id)["name"]
        mine = {r["receipt_no"] for r in dues.receipts(self.book, member_id=member_id)}
        numbers = [n for n in self.last_receipts if n in mine]
        if not numbers:
            numbers = [
                r["receipt_no"]
                for r in dues.receipts(self.book, year=self.year, member_id=member_id)
                if r["receipt_no"]
            ]
        if not numbers:
            QMessageBox.information(self, "打印收据", f"{name} {self.year} 年还没有党费收据。")
            return None
        return self._write(
            "receipts", "打印收据", "党费收据", f"{name}党费收据.pdf", numbers=numbers
        )

    def print_reminders(self) -> Any:
        ids = self.selected_arrears_ids()
        return self._write(
            "dues-reminders",
            "打印催缴通知",
            "党费催缴通知",
            f"党费催缴通知{self.today().isoformat()}.pdf",
            member_ids=ids or None,
        )

    def export_register(self) -> Any:
        from desktop.gui.roster_files import ask_save_path, offer_to_open, run_on_own_book

        path = ask_save_path(
            self,
            "台账保存为 Excel 工作簿",
            f"{self._branch()}{self.year}年度党费收缴台账.xlsx",
            "Excel 工作簿 (*.xlsx)",
            ".xlsx",
        )
        if path is None:
            return None
        year, today = self.year, self.today()

        def work(own: Any) -> Path:
            from desktop.book.dues_sheets import export_register

            return export_register(own, year, path, today=today)

        job = run_on_own_book(
            self,
            self.book.path,
            work,
            lambda written: offer_to_open(self, "导出党费台账", "党费台账工作簿", Path(written)),
            "导出党费台账",
            "正在导出党费台账…",
        )
        self.jobs.append(job)
        return job

    # The main window's 文件 → 打印… / 导出 call these while this screen is shown.
    def print_screen(self) -> None:
        self.print_register()

    # -- the year's register ---------------------------------------------------------------

    def _load_register(self) -> None:
        reg = dues.year_register(self.book, self.year, today=self.today())
        months = reg["months"]
        through = reg["through"]
        table: QTableWidget = self.ui.registerView
        headers = ["姓名", "月标准", *[f"{int(m[5:])}月" for m in months], "应缴", "实缴", "欠缴"]
        table.clear()
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setRowCount(len(reg["rows"]) + 1)
        for i, r in enumerate(reg["rows"]):
            table.setItem(i, 0, _item(r["name"] + ("（转出）" if r["left_date"] else "")))
            rate = r["rate_fen"]
            table.setItem(i, 1, _item("" if rate is None else yuan(rate), True))
            for j, m in enumerate(months):
                cell = r["months"].get(m)
                text, colour = "", None
                if cell:
                    if cell["paid_fen"] > 0:
                        text = yuan(cell["paid_fen"])
                        if cell["paid_fen"] < cell["due_fen"] and m <= through:
                            colour = _RED
                    elif cell["due_fen"] > 0 and m <= through:
                        text, colour = "未缴", _RED
                item = _item(text, True, colour)
                if cell and cell["paid_date"]:
                    item.setToolTip(f"{cell['paid_date']} 交纳")
                table.setItem(i, 2 + j, item)
            table.setItem(i, 14, _item(yuan(r["due_fen"]), True))
            table.setItem(i, 15, _item(yuan(r["paid_fen"]), True))
            owed = r["owed_fen"]
            table.setItem(i, 16, _item(yuan(owed) if owed else "", True, _RED if owed else None))
        t = reg["totals"]
        last = len(reg["rows"])
        bold = table.font()
        bold.setBold(True)
        cells = ["合计", "", *[yuan(t["by_month_paid"][m]) for m in months]]
        cells += [yuan(t["due_fen"]), yuan(t["paid_fen"]), yuan(t["owed_fen"])]
        for j, text in enumerate(cells):
            item = _item(text, j > 0)
            item.setFont(bold)
            table.setItem(last, j, item)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        ok = "收据合计与台账相符。" if reg["reconciled"] else "收据合计与台账不符，请检查！"
        reds = sum(1 for r in reg["receipts"] if r.get("reverses"))
        red = f"（含红字冲销 {reds} 张）" if reds else ""
        self.ui.registerTotals.setText(
            f"{self.year}年（统计至{month_cn(through)}）：应缴 {yuan(t['due_fen'])} 元，"
            f"实缴 {yuan(t['paid_fen'])} 元，欠缴 {yuan(t['owed_fen'])} 元；收据 "
            f"{len(reg['receipts'])} 张{red}，合计 {yuan(reg['payments_total_fen'])} 元。{ok}"
        )
