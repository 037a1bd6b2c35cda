"""The 季度评议 screen: the review table, the claims queue, publicity and objections, and the
confirmation that cannot be undone. It follows the year's review cycle ([publicity] cycle):
for a scheme reviewed by month or half-year it is the 月度评议 / 半年评议 screen, its period
picker lists months or halves, and every word says 本月 / 本半年.

Reading and writing go through `desktop.book.quarter`; scoring the year and printing run off
the UI thread (each job opens its own Book, as sqlite3 wants). Questions to the user are small
methods (`ask_*`) so tests can answer them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.book import periods as clock
from desktop.book import quarter as Q
from desktop.book.approvals import claim_approvals
from desktop.book.errors import BookError
from desktop.book.periods import (
    CONFIRM_ACTIONS,
    ORDER,
    REVIEW_TITLE,
    THIS,
    UNIT,
    cycle,
    number_text,
)
from desktop.book.store import Book
from desktop.gui.claim_dialogs import ClaimDialog, CorrectionDialog
from desktop.gui.publish_dialog import PublishDialog
from desktop.gui.quarter_claims_tab import ClaimsTab
from desktop.gui.tables import read_only_item, read_only_table
from desktop.gui.worker import run_in_background
from desktop.rules.quarter import check_code

FILTERS = (
    ("below_60", "低于60分"),
    ("veto", "一票否决提示"),
    ("unexcused", "有无故缺席"),
    ("pending", "有待审申报"),
)
# The review's column for the change from the period before, and the committee's sheet.
CHANGE_HEADER = {"quarter": "较上季", "month": "较上月", "half": "较上期"}
REVIEW_SHEET = {
    "quarter": "季度积分管理审核表",
    "month": "月度积分管理审核表",
    "half": "半年积分管理审核表",
}
STATE_COLORS = {
    "open": "#555555",
    "publicity": "#b36b00",
    # The period is over and waits for the committee: not the amber of a running notice.
    "publicity_over": "#1f5fa8",
    "confirmed": "#1b7f3b",
}


def _ask(dialog: QDialog) -> dict[str, Any] | None:
    """A dialog's values if accepted; the dialog is then deleted here, on the UI thread.
    Left to Python's garbage collector, a dialog caught in a reference cycle may be destroyed
    on whichever thread collects next — the screen's loader thread — and Qt crashes there
    (「QBasicTimer::stop: Failed … from a different thread」, then a segmentation fault)."""
    try:
        return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.setParent(None)
        shiboken6.delete(dialog)


def _load(path: Path, year: int, quarter: int) -> dict[str, Any]:
    """On a worker thread: everything the screen shows for one quarter."""
    with Book.open(path) as book:
        status = Q.period_status(book, year, quarter)
        try:
            rv = Q.review(book, year, quarter)
        except BookError as exc:
            rv, error = None, str(exc)
        else:
            error = ""
        claims = Q.list_claims(book, year, quarter)
        from desktop.book.receipt import latest_receipt

        # Claims the scheme sends above the branch: 待审批 / 未批准 until the body approves.
        above = {a.claim_id: a for a in claim_approvals(book, year)}

        township = latest_receipt(book, year)  # the township's 审核回执, if recorded
        return {
            "status": status,
            "review": rv,
            "claims": claims,
            "above": above,
            "error": error,
            "township": township["text"] if township else "",
        }


_item = read_only_item
_table = read_only_table


def _correction_tip(kind: str) -> str:
    """登记更正's tooltip in the cycle's word (a monthly scheme has no 季度)."""
    return f"记录所在的{ORDER[kind]}已确认、发现有错时，在今天登记一条带原因的更正"


class QuarterScreen(ClaimsTab, QWidget):
    """`QuarterScreen(book)`; `set_book(book)` when another book is opened."""

    changed = Signal()
    loaded = Signal()
    # 「季度评议」「月度评议」「半年评议」: the navigation shows the screen by this name.
    title_changed = Signal(str)

    def __init__(self, book: Book, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.book = book
        self.data: dict[str, Any] | None = None
        # The shown year's review cycle: quarter, month or half ([publicity] cycle).
        self.kind = "quarter"
        self._loading = False
        self._reload_again = False
        self._build()
        self.set_book(book)

    # -- layout -----------------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        top = QHBoxLayout()
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.quarter = QComboBox()
        self._fill_periods("quarter")
        self.state = QLabel()
        font = QFont(self.state.font())
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.state.setFont(font)
        self.publish_button = QPushButton("开始公示…")
        self.print_notice_button = QPushButton("打印公示表…")
        self.print_review_button = QPushButton("打印审核表…")
        self.confirm_button = QPushButton("确认本季度…")
        top.addWidget(QLabel("年度"))
        top.addWidget(self.year)
        top.addWidget(self.quarter)
        top.addStretch(1)
        for b in (
            self.publish_button,
            self.print_notice_button,
            self.print_review_button,
            self.confirm_button,
        ):
            top.addWidget(b)
        outer.addLayout(top)
        # The state on its own line: long publicity dates must not widen the window.
        self.state.setWordWrap(True)
        outer.addWidget(self.state)
        self.blockers = QLabel()
        self.blockers.setWordWrap(True)
        # Never squeezed by the tabs below: a warning about the notice must be read whole.
        self.blockers.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        outer.addWidget(self.blockers)

        self.tabs = QTabWidget()
        outer.addWidget(self.tabs, 1)
        # Review tab: filters, table, drill-down.
        review = QWidget()
        rl = QVBoxLayout(review)
        fl = QHBoxLayout()
        self.filters: dict[str, QCheckBox] = {}
        fl.addWidget(QLabel("只看："))
        for key, text in FILTERS:
            box = QCheckBox(text)
            box.toggled.connect(self._fill_review)
            self.filters[key] = box
            fl.addWidget(box)
        fl.addStretch(1)
        self.summary = QLabel()
        fl.addWidget(self.summary)
        rl.addLayout(fl)
        split = QSplitter(Qt.Orientation.Vertical)
        self.review_table = _table([])
        self.review_table.itemSelectionChanged.connect(self._show_lines)
        self.detail = QPlainTextEdit()
        self.detail.setReadOnly(True)
        self.detail.setPlaceholderText("选中一名党员，这里显示每一分来自哪条记录。")
        split.addWidget(self.review_table)
        split.addWidget(self.detail)
        # The table gets the height (a dozen members at 1366×768); the lines of the member
        # chosen below are a few, and the pane can be dragged taller.
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([520, 140])
        rl.addWidget(split, 1)
        self.tabs.addTab(review, "评议表")
        # Claims tab.
        claims = QWidget()
        cl = QVBoxLayout(claims)
        cb = QHBoxLayout()
        self.new_claim_button = QPushButton("新申报…")
        self.review_claim_button = QPushButton("初评")
        self.approve_claim_button = QPushButton("审定")
        # 初评 and 审定 at one sitting of the 支委会 (group leaders present): both names in one
        # dialog, both steps recorded as they are.
        self.review_approve_claim_button = QPushButton("初评并审定…")
        self.reject_claim_button = QPushButton("驳回…")
        for b in (
            self.new_claim_button,
            self.review_claim_button,
            self.approve_claim_button,
            self.review_approve_claim_button,
            self.reject_claim_button,
        ):
            cb.addWidget(b)
        cb.addStretch(1)
        self.correction_button = QPushButton("登记更正…")
        self.correction_button.setToolTip(_correction_tip(self.kind))
        cb.addWidget(self.correction_button)
        cl.addLayout(cb)
        self._fresh_claims: list[int] = []  # entered since the last step: kept selected
        self.claims_table = _table(
            ["编号", "日期", "姓名", "项目", "分值", "事由", "状态", "经办", "封顶余量"]
        )
        # What the last claim action did (which quarter a new claim went to …), said in
        # place rather than in a box to click away.
        self.claim_note = QLabel()
        self.claim_note.setWordWrap(True)
        self.claim_note.setProperty("role", "hint")
        cl.addWidget(self.claim_note)
        # Several claims can be given 初评 or 审定 at once (Ctrl/Shift-click).
        self.claims_table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.claims_table.itemSelectionChanged.connect(self._update_claim_buttons)
        cl.addWidget(self.claims_table, 1)
        self.tabs.addTab(claims, "积分申报")
        # Publicity and objections tab.
        pub = QWidget()
        pl = QVBoxLayout(pub)
        self.publicity_text = QLabel()
        self.publicity_text.setWordWrap(True)
        self.publicity_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        pl.addWidget(self.publicity_text)
        ob = QHBoxLayout()
        self.add_objection_button = QPushButton("登记异议…")
        self.answer_objection_button = QPushButton("答复异议…")
        self.correct_start_button = QPushButton("更正开始日期…")
        ob.addWidget(self.add_objection_button)
        ob.addWidget(self.answer_objection_button)
        ob.addWidget(self.correct_start_button)
        ob.addStretch(1)
        pl.addLayout(ob)
        self.objections_table = _table(
            [
                "编号",
                "提出人",
                "涉及党员",
                "日期",
                "内容",
                "状态",
                "核实结果",
                "是否更正",
                "告知日期",
            ]
        )
        pl.addWidget(self.objections_table, 1)
        self.tabs.addTab(pub, "公示与异议")

        self.year.valueChanged.connect(self._year_changed)
        self.quarter.currentIndexChanged.connect(self.reload)
        self.publish_button.clicked.connect(self.publish)
        self.correct_start_button.clicked.connect(self.correct_start)
        self.print_notice_button.clicked.connect(lambda: self.print_kind("publicity"))
        self.print_review_button.clicked.connect(lambda: self.print_kind("quarter-review"))
        self.confirm_button.clicked.connect(self.confirm)
        self.new_claim_button.clicked.connect(self.new_claim)
        self.review_claim_button.clicked.connect(self.review_selected_claim)
        self.approve_claim_button.clicked.connect(self.approve_selected_claim)
        self.review_approve_claim_button.clicked.connect(self.review_and_approve_selected)
        self.reject_claim_button.clicked.connect(self.reject_selected_claim)
        self.correction_button.clicked.connect(self.new_correction)
        self.add_objection_button.clicked.connect(self.add_objection)
        self.answer_objection_button.clicked.connect(self.answer_selected_objection)

    # -- data -------------------------------------------------------------------------------

    def set_book(self, book: Book) -> None:
        from desktop.book.years import quarter_to_open

        self.book = book
        # The first period not yet confirmed (cheap: no scoring on the UI thread).
        year, quarter = quarter_to_open(book)
        self.year.blockSignals(True)
        self.quarter.blockSignals(True)
        self.year.setValue(year)
        self._fill_periods(self._cycle(year))
        self.quarter.setCurrentIndex(quarter - 1)
        self.year.blockSignals(False)
        self.quarter.blockSignals(False)
        self.reload()

    def _cycle(self, year: int) -> str:
        try:
            return cycle(self.book, year)
        except BookError:  # the year's scheme is broken: the load says so
            return "quarter"

    def _fill_periods(self, kind: str) -> None:
        """The picker's periods for the year's review cycle: 第1季度…, 1月…12月, 上半年/下半年;
        the words on the buttons follow."""
        self.kind = kind
        shown = self.quarter.currentData()
        self.quarter.blockSignals(True)
        self.quarter.clear()
        for n in range(1, Q.COUNT[kind] + 1):
            self.quarter.addItem(number_text(n, kind), n)
        if isinstance(shown, int) and shown <= self.quarter.count():
            self.quarter.setCurrentIndex(shown - 1)
        self.quarter.blockSignals(False)
        self.quarter.setToolTip(f"按{UNIT[kind]}评议、公示和确认（积分方案的 [publicity] cycle）")
        if hasattr(self, "confirm_button"):
            self.confirm_button.setText(f"确认{THIS[kind]}…")
            self.correction_button.setToolTip(_correction_tip(kind))
        self.title_changed.emit(REVIEW_TITLE[kind])

    @property
    def title(self) -> str:
        """「季度评议」「月度评议」「半年评议」, by the shown year's review cycle."""
        return REVIEW_TITLE[self.kind]

    def _year_changed(self) -> None:
        kind = self._cycle(self.year.value())
        if kind != self.kind:
            self._fill_periods(kind)
            self.quarter.setCurrentIndex(0)
        self.reload()

    def showEvent(self, event: Any) -> None:  # noqa: N802 (Qt's name)
        # Facts may have changed on another screen: the review is always current with them.
        super().showEvent(event)
        if self.data is not None:
            self.reload()

    @property
    def year_quarter(self) -> tuple[int, int]:
        return self.year.value(), int(self.quarter.currentData())

    def reload(self) -> None:
        """Recompute off the UI thread; the table keeps showing the old data meanwhile."""
        if self._loading:
            self._reload_again = True
            return
        kind = self._cycle(self.year.value())
        if kind != self.kind:  # the year's scheme was changed (积分方案) since last shown
            self._fill_periods(kind)
        self._loading = True
        year, quarter = self.year_quarter
        path = self.book.path
        run_in_background(
            self,
            lambda: _load(path, year, quarter),
            on_done=self._loaded,
            on_error=self._load_failed,
            label=f"正在计算{Q.period_label(year, quarter, self.kind)}的积分…",
        )

    def _load_failed(self, exc: BaseException) -> None:
        if not shiboken6.isValid(self) or self.book.closed:
            return
        self._loading = False
        self.state.setText("无法计算")
        self.blockers.setText(str(exc))
        self.loaded.emit()

    def _loaded(self, data: dict[str, Any]) -> None:
        if not shiboken6.isValid(self) or self.book.closed:
            return  # the window or the book closed while the quarter was being computed
        self._loading = False
        if self._reload_again:
            self._reload_again = False
            self.reload()
            return
        self.data = data
        self._fill_status()
        self._fill_review()
        self._fill_claims()
        self._fill_objections()
        self.loaded.emit()

    def _fill_status(self) -> None:
        st = self.data["status"]  # type: ignore[index]
        state = st["state"]
        text = f"{st['label']}　{st['state_text']}"
        if st.get("publicity_start"):
            text += f"（公示 {st['publicity_start']} 至 {st['publicity_end']}）"
        self.state.setText(text)
        colour = "publicity_over" if st.get("publicity_over") else state
        self.state.setStyleSheet(f"color: {STATE_COLORS.get(colour, '#000')}")
        lines = [f"· {b}" for b in st["blockers"]]
        if st.get("next_step"):
            lines.insert(0, st["next_step"])
        if state == "confirmed":
            rv = self.data["review"]  # type: ignore[index]
            head = rv.confirmed["chain_head"] if rv is not None and rv.confirmed else None
            # The short code the paper prints and the township desk checks; the full values
            # stay one hover away for whoever must compare them digit by digit.
            lines = [
                f"已于 {st['confirmed_at'][:10]} 确认，不可更改；评议表为确认时保存的结果。"
                f"核验码：{check_code(st['hash'])}（与公示表、审核表和报送包上的一致）",
            ]
            self.blockers.setToolTip(
                f"{THIS[self.kind]}校验值：{st['hash']}" + (f"\n链头：{head}" if head else "")
            )
        else:
            self.blockers.setToolTip("")
        if st.get("warning"):
            # Results moved since the notice was posted: say who, before anything else.
            changed = [f"　　{c['text']}" for c in st["changed_members"]]
            lines = [f"！{st['warning']}", *changed, *lines]
        if self.data["error"]:  # type: ignore[index]
            lines.append(self.data["error"])  # type: ignore[index]
        if self.data.get("township"):  # type: ignore[union-attr]
            lines.append(self.data["township"] + "。")  # type: ignore[index]
        self.blockers.setText("\n".join(lines))
        self.blockers.setStyleSheet("color: #c00000" if st.get("warning") else "")
        self.publish_button.setText("重新公示…" if state == "publicity" else "开始公示…")
        editable = state != "confirmed"
        for b in (
            self.publish_button,
            self.confirm_button,
            self.new_claim_button,
            self.review_claim_button,
            self.approve_claim_button,
            self.review_approve_claim_button,
            self.reject_claim_button,
            self.add_objection_button,
            self.answer_objection_button,
        ):
            b.setEnabled(editable)
        self._update_claim_buttons()
        self.confirm_button.setEnabled(state == "publicity" and not st["blockers"])
        # A running quarter is not published: its facts are still being recorded. A notice
        # whose results have not moved has nothing to re-publish (the book refuses it).
        if st.get("not_scored"):
            why_not = st["next_step"]  # before the book kept points: nothing to publish
        elif not st.get("ended", True):
            why_not = f"{THIS[self.kind]}还没有结束，{st['publishable_from']} 起才能公示"
        elif state == "publicity" and not st.get("results_changed"):
            why_not = (
                "公示后积分结果没有变化，无需重新公示。改了签到、党费、申报等记录使结果与"
                "公示表不同后，才能重新公示。"
            )
        else:
            why_not = ""
        self.publish_button.setEnabled(editable and not why_not)
        self.publish_button.setToolTip(why_not)
        self.print_notice_button.setEnabled(state != "open")
        self.add_objection_button.setEnabled(state == "publicity")
        self.answer_objection_button.setEnabled(bool(st["open_objections"]))
        self.correct_start_button.setEnabled(bool(st.get("start_correctable")))
        self.correct_start_button.setVisible(state != "open")
        self._say_why_greyed(state, st)
        info = [f"公示要求：{st['publicity_rule']}。异议受理：{Q.objection_contact(self.book)}。"]
        for i, n in enumerate(st["notices"]):
            word = "首次公示" if i == 0 else "重新公示"
            if Q.is_start_correction(n):
                was = n["reason"][len(Q.START_CORRECTION) :]  # "（原为 …）：why"
                info.append(f"{n['issued_at'][:10]} 更正开始日期为 {n['start']} 至 {n['end']}{was}")
                continue
            reason = f"：{n['reason']}" if n["reason"] else ""
            late = f"（补登：{n['late_reason']}）" if n.get("late_reason") else ""
            info.append(f"{n['issued_at'][:10]} {word}（{n['start']} 至 {n['end']}）{reason}{late}")
        self.publicity_text.setText("\n".join(info))

    def _fill_review(self) -> None:
        if not self.data:
            return
        rv: Q.Review | None = self.data["review"]
        t = self.review_table
        t.setRowCount(0)
        if rv is None:
            return
        headers = [
            "排名",
            "编号",
            "姓名",
            "党小组",
            *rv.sections,
            "合计",
            CHANGE_HEADER[self.kind],
            "年度积分",
            "提示",
        ]
        t.setColumnCount(len(headers))
        t.setHorizontalHeaderLabels(headers)
        ytd = t.horizontalHeaderItem(len(headers) - 2)
        if ytd is not None:  # what the printed 公示表 calls 年度积分（截至本季）
            ytd.setToolTip(
                f"截至{THIS[self.kind]}的年度积分，按本年方案计算（取平均的部分按已过的期间取平均）。"
            )
        for s_i, name in enumerate(rv.sections):
            header = t.horizontalHeaderItem(4 + s_i)
            if header is not None and name in rv.yearly_sections:
                header.setToolTip(
                    f"{name}每年评一次，计入全年积分（见“年度积分”），不计入{UNIT[self.kind]}合计。"
                )
        chosen = {k: box.isChecked() for k, box in self.filters.items()}
        # Ranked order on screen (the printed notice keeps the roster's order).
        rows = sorted(rv.filtered(**chosen), key=lambda r: (r.rank, r.code))
        self.detail.clear()
        t.setRowCount(len(rows))
        for r_i, r in enumerate(rows):
            change = "" if r.change is None else (f"+{r.change}" if r.change > 0 else str(r.change))
            hints = []
            if r.veto:
                hints.append("一票否决待核")
            if r.unexcused:
                hints.append(f"无故缺席{r.unexcused}次")
            if r.pending_claims:
                hints.append(f"待审申报{r.pending_claims}条")
            cells = [
                (r.rank, True),
                (r.code, False),
                (r.name, False),
                (r.group, False),
                # A once-a-year section has no quarterly points: "—", not a misleading 0.00.
                *[("—" if s in rv.yearly_sections else r.sections[s], True) for s in rv.sections],
                (r.total, True),
                (change, True),
                (r.ytd_total, True),
                ("；".join(hints), False),
            ]
            for c_i, (value, right) in enumerate(cells):
                it = _item(value, align_right=right, data=r.code)
                if r.below_60 and c_i == len(cells) - 4:
                    it.setForeground(QColor("#c00000"))
                t.setItem(r_i, c_i, it)
        t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        t.horizontalHeader().setStretchLastSection(True)
        shown = f"显示 {len(rows)} / {len(rv.rows)} 人　统计截至 {rv.as_of}"
        if rv.confirmed:
            # The stored snapshot, not a recomputation: later roster changes do not move it.
            shown = f"已确认的结果（确认时保存）　{shown}"
        self.summary.setText(shown)

    def _show_lines(self) -> None:
        if not self.data or self.data["review"] is None:
            return
        items = self.review_table.selectedItems()
        if not items:
            return
        code = items[0].data(Qt.ItemDataRole.UserRole)
        from desktop.rules.scoring import explain_text

        rv = self.data["review"]
        m = rv.member(code)
        text = explain_text(m, rv.as_of) if m else ""
        if rv.confirmed:
            # The drill-down is recomputed from the records; the confirmed numbers stand.
            note = rv.live_note(code) or "以下明细按记录重新计算，与已确认的结果一致。"
            text = f"{note}\n\n{text}" if text else note
        self.detail.setPlainText(text)

    def _fill_objections(self) -> None:
        t = self.objections_table
        obs = self.data["status"]["objections"]  # type: ignore[index]
        t.setRowCount(len(obs))
        for r_i, o in enumerate(obs):
            answered = o["status"] == "answered"
            changed = (
                ("已更正：" + o["change_note"]) if o["changed"] else ("未更改" if answered else "")
            )
            for c_i, value in enumerate(
                [
                    o["id"],
                    o["raised_by"],
                    o["name"] or "",
                    o["date_text"],
                    o["content"],
                    "已答复" if answered else "未答复",
                    o["finding"],
                    changed,
                    o["told_on"] or "",
                ]
            ):
                t.setItem(r_i, c_i, _item(value, data=o["id"]))
        t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        t.horizontalHeader().setStretchLastSection(True)

    # -- questions (tests answer these) -------------------------------------------------------

    def ask_claims(self) -> None:
        """新申报: the dialog stays open, each 保存并继续 saving one claim (save_claim)."""
        year, number = self.year_quarter
        # Dated inside the period on screen (its last day once it is over), not today.
        day = Q.claim_default_day(self.book, year, number, today=clock.calendar_today())
        _ask(ClaimDialog(self.book, year, self, save=self.save_claim, day=day))

    def ask_correction(self) -> dict[str, Any] | None:
        return _ask(CorrectionDialog(self.book, self.year_quarter[0], self))

    def ask_text(self, title: str, label: str) -> str | None:
        text, ok = QInputDialog.getText(self, title, label)
        return text if ok else None

    def publish_dialog(self) -> PublishDialog:
        st = self.data["status"] if self.data else {}
        notices = st.get("notices") or []
        year, quarter = self.year_quarter
        return PublishDialog(
            self.book,
            year,
            quarter,
            today=clock.calendar_today(),
            kind=self.kind,
            reissue=st.get("state") == "publicity",
            not_before=notices[-1]["start"] if notices else "",
            parent=self,
        )

    def ask_publish(self) -> dict[str, Any] | None:
        """{"start", "late_reason", "reason"} from the 开始公示/重新公示 dialog, or None."""
        dialog = self.publish_dialog()
        return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def ask_objection(self) -> dict[str, Any] | None:
        """提出人, 涉及党员 (one of the quarter's members, optional), 收到日期, 内容."""
        from desktop.gui.objection_dialog import ObjectionDialog

        rv = self.data["review"] if self.data else None
        if rv is not None:
            members = [(r.code, r.name) for r in rv.rows]
        else:  # the quarter could not be scored: anyone on the roster
            members = [(m["code"], m["name"]) for m in self.book.roster.members()]
        st = self.data["status"] if self.data else {}
        starts = [n["start"] for n in st.get("notices", []) if n.get("start")]
        first = min(starts or [st.get("publicity_start") or ""]) or None
        dialog = ObjectionDialog(members, first, self)
        return dialog.values() if dialog.exec() else None

    def answer_dialog(self, objection_id: int) -> Any:
        """The 答复异议 dialog for one of the quarter's objections (one dialog, not three)."""
        from desktop.gui.objection_dialog import AnswerDialog

        st = self.data["status"] if self.data else {}
        row = next(o for o in st.get("objections", []) if o["id"] == objection_id)
        return AnswerDialog(row, st.get("publicity_rule", ""), self, today=clock.calendar_today())

    def ask_answer(self, objection_id: int) -> dict[str, Any] | None:
        """{"finding", "changed", "change_note", "told_on"} from the 答复异议 dialog, or None."""
        dialog = self.answer_dialog(objection_id)
        return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def ask_confirm(self, label: str) -> bool:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        this = THIS[self.kind]
        box.setWindowTitle(CONFIRM_ACTIONS[self.kind])
        box.setText(f"确认{label}的积分结果？")
        box.setInformativeText(
            f"确认后不可撤销：{this}的积分结果将被永久保存，{this}的签到、党费、申报等记录"
            "全部锁定，不能再修改或删除；以后发现错误只能登记“更正”。"
        )
        yes = box.addButton("确认，不可撤销", QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton("取消", QMessageBox.ButtonRole.RejectRole)
        # Enter must not confirm something that cannot be undone: 取消 is the default.
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        box.exec()
        return box.clickedButton() is yes

    def tell(self, text: str) -> None:
        QMessageBox.information(self, self.title, text)

    # -- actions ----------------------------------------------------------------------------

    def _act(self, fn: Any, done: str | Any = "") -> bool:
        """Run a book operation; `done` is what to tell afterwards, or a function of the
        operation's result that says it."""
        try:
            result = fn()
        except BookError as exc:
            QMessageBox.warning(self, "未能完成", str(exc) + "\n" + "\n".join(_lines(exc)))
            # The refusal may come from what another program did meanwhile (the command line
            # or a second copy confirmed the quarter): show the book as it now stands.
            self.reload()
            return False
        if callable(done):
            done = done(result)
        if done:
            self.tell(done)
        self.changed.emit()
        self.reload()
        return True

    def _say_why_greyed(self, state: str, st: dict[str, Any]) -> None:
        """A greyed button's tooltip says why (issue 14): confirmed, not yet published, …"""
        locked = f"{THIS[self.kind]}已确认，记录不能再修改；发现错误请在“积分申报”页登记更正。"
        whys = {
            self.confirm_button: locked
            if state == "confirmed"
            else "不能确认：" + "".join(st.get("blockers") or ["尚未公示：请先开始公示。"]),
            self.print_notice_button: "开始公示后才能打印公示表；审核表随时可以打印。",
            self.add_objection_button: locked
            if state == "confirmed"
            else "开始公示后才能登记异议。",
            self.answer_objection_button: "没有待答复的异议。",
            self.correct_start_button: locked
            if state == "confirmed"
            else "已登记异议或公示后积分结果有变化：公示开始日期不能再更正"
            "（结果有变化请重新公示）。",
        }
        if state == "confirmed":
            for b in (
                self.new_claim_button,
                self.review_claim_button,
                self.approve_claim_button,
                self.review_approve_claim_button,
                self.reject_claim_button,
            ):
                whys[b] = locked
            if not self.publish_button.toolTip():
                whys[self.publish_button] = locked
        for button, why in whys.items():
            button.setToolTip("" if button.isEnabled() else why)

    def _selected(self, table: QTableWidget) -> int | None:
        items = table.selectedItems()
        if not items:
            self.tell("请先在表格中选中一行。")
            return None
        return int(items[0].data(Qt.ItemDataRole.UserRole))

    def publish(self) -> None:
        year, quarter = self.year_quarter
        reissue = bool(self.data and self.data["status"]["state"] == "publicity")
        answer = self.ask_publish()
        if answer is None:
            return
        start: str | None = answer["start"]
        if reissue and start == clock.calendar_today().isoformat():
            start = None  # today's re-issue: the book refuses one that changes nothing
        self._act(
            lambda: Q.publish(
                self.book,
                year,
                quarter,
                start=start,
                reason=answer.get("reason", ""),
                late_reason=answer.get("late_reason", ""),
            ),
            lambda st: (
                (
                    "已重新发布公示，公示期重新计算。请打印新的公示表张贴。"
                    if reissue
                    else "公示已开始，请打印公示表张贴。"
                )
                # Not a refusal, but the notice lacks points (年终评议 not all entered): said as
                # `period publish` says it, from the same status field.
                + (f"\n\n！{st['publish_warning']}" if st.get("publish_warning") else "")
            ),
        )

    def correct_start_dialog(self) -> Any:
        from desktop.gui.publish_dialog import CorrectStartDialog

        year, quarter = self.year_quarter
        st = self.data["status"] if self.data else {}
        return CorrectStartDialog(
            self.book,
            year,
            quarter,
            today=clock.calendar_today(),
            current=st.get("publicity_start") or "",
            parent=self,
        )

    def ask_correct_start(self) -> dict[str, Any] | None:
        """{"start", "reason"} from the 更正开始日期 dialog, or None."""
        dialog = self.correct_start_dialog()
        return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def correct_start(self) -> None:
        year, quarter = self.year_quarter
        answer = self.ask_correct_start()
        if answer is None:
            return
        self._act(
            lambda: Q.correct_start(self.book, year, quarter, **answer),
            lambda st: (
                f"公示开始日期已更正：公示期 {st['publicity_start']} 至 {st['publicity_end']}。"
            ),
        )

    def add_objection(self) -> None:
        year, quarter = self.year_quarter
        values = self.ask_objection()
        if values:
            self._act(lambda: Q.raise_objection(self.book, year, quarter, **values))

    def answer_selected_objection(self) -> None:
        oid = self._selected(self.objections_table)
        if oid is None:
            return
        values = self.ask_answer(oid)
        if not values:
            return
        before = len(self.data["status"]["notices"]) if self.data else 0

        def said(status: dict[str, Any]) -> str:
            if len(status["notices"]) > before:
                # The book re-issued the notice because the results moved: say so plainly.
                return (
                    f"答复已登记。积分结果已按更正变化，已重新公示：公示期 "
                    f"{status['publicity_start']} 至 {status['publicity_end']}，期满后再确认。"
                    "请打印新的公示表张贴，并把答复告知提出人。"
                )
            if values["changed"]:
                # The book refuses 已更正 over unchanged results: here the corrected
                # results were re-published before the answer.
                return (
                    "答复已登记。更正后的积分结果已经重新公示过，无需再次公示。"
                    "请把答复告知提出人，并在下次党员大会上通报。"
                )
            return "答复已登记（维持原记录）。请把答复告知提出人，并在下次党员大会上通报。"

        self._act(lambda: Q.answer_objection(self.book, oid, **values), said)

    def confirm(self) -> None:
        year, quarter = self.year_quarter
        label = Q.period_label(year, quarter, self.kind)
        if not self.ask_confirm(label):
            return
        self._act(lambda: Q.confirm(self.book, year, quarter), f"{label}已确认。")

    def print_screen(self) -> Any:
        """文件 → 打印… (Ctrl+P): the 公示表 once the quarter is published, else the
        季度积分管理审核表 (the committee's sheet, printable any time)."""
        state = ((self.data or {}).get("status") or {}).get("state", "open")
        return self.print_kind("publicity" if state != "open" else "quarter-review")

    def print_kind(self, kind: str) -> Any:
        """The sheet in the print preview (打印, 另存为 PDF or Excel from there)."""
        from desktop.gui.print_preview import preview_document

        year, quarter = self.year_quarter
        names = {"publicity": "公示表", "quarter-review": REVIEW_SHEET[self.kind]}
        what = names.get(kind, kind)
        return preview_document(
            self,
            self.book.path,
            kind,
            title=f"打印{what}",
            file_name=f"{Q.period_label(year, quarter, self.kind)}{what}.pdf",
            label="正在生成 PDF…",
            year=year,
            **{self.kind: quarter},  # as the command line names it: --quarter/--month/--half
        )


def _lines(exc: BookError) -> list[str]:
    lines = getattr(exc, "lines", None)
    return lines() if callable(lines) else []
