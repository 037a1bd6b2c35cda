"""The 年度评定 screen: every member's year total, stars, grade, 民主评议 results, vetoes and
the reasons for each rating; quick keyboard entry of one 民主评议 round for a whole group;
一票否决 decisions with their reasons; the annual table and the certificates to print.

Reading and writing go through `desktop.book.year_end`; the year is scored off the UI thread
(each job opens its own Book, as sqlite3 wants). Questions to the user are small methods
(`ask_*`) so tests can answer them.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
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
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.book import year_end as Y
from desktop.book.errors import BookError
from desktop.book.periods import COUNT, REVIEW_TITLE, cycle, number_text, row_label
from desktop.book.scoring import years_scored
from desktop.book.store import Book
from desktop.gui.actions import allow
from desktop.gui.member_picker import MemberSearch, matches, order_key
from desktop.gui.tables import read_only_item, read_only_table
from desktop.gui.worker import run_in_background
from desktop.gui.year_end_approvals_tab import ApprovalsTab
from desktop.gui.year_end_dialogs import TallyDialog, VetoDialog
from desktop.rules.facts import APPRAISAL_KINDS, DEFAULT_ORG_GRADER, VOTED_KINDS
from desktop.rules.scheme import fmt_points

ALL_GROUPS = "全部党员"
HONOUR_COLOR = QColor("#b30000")
MUTED_COLOR = QColor("#777777")


def _load(path: Path, year: int) -> dict[str, Any]:
    """On a worker thread: the year's overview, its 民主评议 rows and its vetoes."""
    from desktop.book.approvals import claim_approvals
    from desktop.book.ballots import combined_grades, round_states
    from desktop.book.receipt import latest_receipt
    from desktop.book.votes import vote_setup, votes_of

    with Book.open(path) as book:
        return {
            "overview": Y.year_overview(book, year),
            "appraisals": Y.list_appraisals(book, year),
            "vetoes": Y.list_vetoes(book, year),
            "kinds": Y.veto_kinds(book, year),
            "township": latest_receipt(book, year),  # the township's 审核回执, if recorded
            "rounds": round_states(book, year),  # 评议会议 held, with their ballots
            "combined": combined_grades(book, year),  # [ballots.combine] 综合评定
            "claims_above": claim_approvals(book, year),  # claims the 党工委 … must approve
            "votes": votes_of(book, year),  # 党员大会表决 on [[approvals]] steps with vote
            "vote_setup": vote_setup(book, year),
        }


def _item(text: Any, *, data: Any = None, right: bool = False) -> QTableWidgetItem:
    return read_only_item(text, align_right=right, data=data)


def _table(headers: list[str]) -> QTableWidget:
    return read_only_table(headers, stretch_last=True)


class YearEndScreen(ApprovalsTab, QWidget):
    """`YearEndScreen(book)`; `set_book(book)` when another book is opened."""

    changed = Signal()
    loaded = Signal()

    def __init__(self, book: Book, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.book = book
        self.data: dict[str, Any] | None = None
        self.pending: dict[str, str] = {}  # member code → grade typed, not yet saved
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
        self.print_rating_button = QPushButton("打印年度星级评定表…")
        self.print_certificates_button = QPushButton("打印荣誉证书…")
        top.addWidget(QLabel("年度"))
        top.addWidget(self.year)
        top.addStretch(1)
        top.addWidget(self.print_rating_button)
        top.addWidget(self.print_certificates_button)
        outer.addLayout(top)
        self.state = QLabel()
        self.state.setWordWrap(True)
        outer.addWidget(self.state)

        self.tabs = QTabWidget()
        outer.addWidget(self.tabs, 1)
        # 评定结果
        results = QWidget()
        rl = QVBoxLayout(results)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        rl.addWidget(self.summary)
        split = QSplitter(Qt.Orientation.Vertical)
        self.results_table = _table([])
        self.results_table.itemSelectionChanged.connect(self._show_detail)
        self.detail = QPlainTextEdit()
        self.detail.setReadOnly(True)
        self.detail.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)  # long reasons
        self.detail.setPlaceholderText("选中一名党员，这里显示评定依据、民主评议和一票否决。")
        split.addWidget(self.results_table)
        split.addWidget(self.detail)
        split.setSizes([420, 160])
        rl.addWidget(split, 1)
        self.tabs.addTab(results, "评定结果")
        # 民主评议
        appraise = QWidget()
        al = QVBoxLayout(appraise)
        bar = QHBoxLayout()
        self.kind = QComboBox()
        for k in APPRAISAL_KINDS:
            self.kind.addItem(k, k)
        self.round = QSpinBox()
        self.round.setRange(1, 4)
        self.round.setPrefix("第 ")
        self.round.setSuffix(" 次")
        self.group = QComboBox()
        self.all_good_button = QPushButton("其余都评合格 (F2)")
        self.save_button = QPushButton("保存 (Ctrl+S)")
        self.withdraw_appraisal_button = QPushButton("撤销所选结果…")
        self.tally_button = QPushButton("按票数登记所选…")
        # Find a member by name, pinyin initials or code; Enter goes to the row found.
        self.appraisal_search = MemberSearch()
        self.appraisal_search.setMaximumWidth(200)
        for w in (
            QLabel("类型"),
            self.kind,
            self.round,
            QLabel("范围"),
            self.group,
            QLabel("查找"),
            self.appraisal_search,
        ):
            bar.addWidget(w)
        bar.addStretch(1)
        for b in (
            self.all_good_button,
            self.save_button,
            self.tally_button,
            self.withdraw_appraisal_button,
        ):
            bar.addWidget(b)
        al.addLayout(bar)
        # A round held, its ballots one by one, and the count (desktop/gui/ballot_dialogs.py).
        ballots_bar = QHBoxLayout()
        self.round_state = QLabel()
        self.round_state.setWordWrap(True)
        self.round_button = QPushButton("登记评议会议…")
        self.ballots_button = QPushButton("逐张录入选票…")
        self.count_button = QPushButton("按选票计票")
        ballots_bar.addWidget(self.round_state, 1)
        # 自评 / 组织考评 keep who graded and when (公司 五、1); the voted kinds' come from
        # their round. A 自评 is the member's own; a 组织考评 the committee's unless named.
        self.grader_label = QLabel("评定人")
        self.grader = QComboBox()
        self.grader.setEditable(True)
        self.grader.addItems([DEFAULT_ORG_GRADER, "支部党员大会", "支部书记"])
        self.grader.setToolTip("组织考评由谁评定：支委会，或写明评定的人，如 支部书记张三")
        self.graded_on_label = QLabel("评定日期")
        self.graded_on = QDateEdit(QDate.currentDate())
        self.graded_on.setCalendarPopup(True)
        self.graded_on.setDisplayFormat("yyyy-MM-dd")
        for w in (self.grader_label, self.grader, self.graded_on_label, self.graded_on):
            ballots_bar.addWidget(w)
        for b in (self.round_button, self.ballots_button, self.count_button):
            ballots_bar.addWidget(b)
        al.addLayout(ballots_bar)
        hint = QLabel(
            "键盘录入：在“查找”中输入姓名拼音首字母、回车，或用 ↑↓ 选人，按 1 优秀、2 合格、3 基本合格、4 不合格（自动跳到下一人），"
            "0 或 Delete 清除；F2 把还没有等次的人都评为合格；Ctrl+S 一次保存。"
        )
        hint.setWordWrap(True)
        al.addWidget(hint)
        self.appraisal_table = _table(["姓名", "党小组", "已登记等次", "本次录入", "评定人和日期"])
        self.appraisal_table.installEventFilter(self)
        al.addWidget(self.appraisal_table, 1)
        self.appraisal_state = QLabel()
        self.appraisal_state.setWordWrap(True)
        al.addWidget(self.appraisal_state)
        self.tabs.addTab(appraise, "民主评议")
        # 一票否决
        veto = QWidget()
        vl = QVBoxLayout(veto)
        vb = QHBoxLayout()
        self.add_veto_button = QPushButton("登记一票否决…")
        self.withdraw_veto_button = QPushButton("撤销所选记录…")
        vb.addWidget(self.add_veto_button)
        vb.addWidget(self.withdraw_veto_button)
        self.veto_from_check_button = QPushButton("按所选提示登记…")
        vb.addWidget(self.veto_from_check_button)
        vb.addStretch(1)
        vl.addLayout(vb)
        self.veto_table = _table(["编号", "决定日期", "姓名", "情形", "原因", "决定人", "状态"])
        vl.addWidget(self.veto_table, 1)
        vl.addWidget(QLabel("系统提示（连续6个月未参加组织生活或未交党费，须支委会核实）："))
        self.checks_table = _table(["姓名", "提示"])
        self.checks_table.doubleClicked.connect(self.add_veto_from_check)
        vl.addWidget(self.checks_table, 1)
        self.tabs.addTab(veto, "一票否决")
        # 上级审批 ([[approvals]] of the year's scheme)
        approve = QWidget()
        pl = QVBoxLayout(approve)
        pb = QHBoxLayout()
        self.approve_button = QPushButton("登记批准…")
        self.refuse_button = QPushButton("登记不批准…")
        pb.addWidget(self.approve_button)
        pb.addWidget(self.refuse_button)
        self.vote_button = QPushButton("登记党员大会表决…")
        pb.addWidget(self.vote_button)
        pb.addStretch(1)
        pl.addLayout(pb)
        self.approval_state = QLabel()
        self.approval_state.setWordWrap(True)
        # Its lines (a vote's counts among them) stay whole; the tables give way.
        self.approval_state.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        pl.addWidget(self.approval_state)
        self.approval_table = _table(["编号", "姓名", "拟评结果", "审批环节", "状态", "审批情况"])
        self.approval_table.setSelectionMode(QTableWidget.SelectionMode.ExtendedSelection)
        pl.addWidget(self.approval_table, 1)
        # Claims the scheme sends above the branch ([[approvals]] items): count once approved.
        cb = QHBoxLayout()
        self.claims_above_state = QLabel()
        self.claims_above_state.setWordWrap(True)
        self.approve_claim_button = QPushButton("批准所选申报…")
        self.refuse_claim_button = QPushButton("不批准所选申报…")
        cb.addWidget(self.claims_above_state, 1)
        cb.addWidget(self.approve_claim_button)
        cb.addWidget(self.refuse_claim_button)
        pl.addLayout(cb)
        self.claims_above_table = _table(
            ["申报号", "姓名", "日期", "项目", "分值", "审定单位", "状态"]
        )
        pl.addWidget(self.claims_above_table, 1)
        self.approve_claim_button.clicked.connect(lambda: self.record_claim_approval(True))
        self.refuse_claim_button.clicked.connect(lambda: self.record_claim_approval(False))
        self.tabs.addTab(approve, "上级审批")
        self.approve_button.clicked.connect(lambda: self.record_approval(True))
        self.refuse_button.clicked.connect(lambda: self.record_approval(False))
        self.vote_button.clicked.connect(lambda: self.record_vote())

        self.year.valueChanged.connect(self.reload)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.round.valueChanged.connect(self._fill_appraisal)
        self.group.currentIndexChanged.connect(self._fill_appraisal)
        self.appraisal_search.textChanged.connect(lambda _text: self._find_appraisal_member())
        self.appraisal_search.moved.connect(self._find_appraisal_member)
        self.appraisal_search.chosen.connect(self._appraisal_member_chosen)
        self.all_good_button.clicked.connect(self.fill_rest_good)
        self.save_button.clicked.connect(self.save_appraisals)
        self.withdraw_appraisal_button.clicked.connect(self.withdraw_selected_appraisal)
        self.tally_button.clicked.connect(self.tally_selected)
        self.round_button.clicked.connect(self.record_round)
        self.ballots_button.clicked.connect(self.enter_ballots)
        self.count_button.clicked.connect(self.count_ballots)
        self.add_veto_button.clicked.connect(lambda: self.add_veto())
        self.withdraw_veto_button.clicked.connect(self.withdraw_selected_veto)
        self.veto_from_check_button.clicked.connect(self.add_veto_from_check)
        self.print_rating_button.clicked.connect(lambda: self.print_kind("rating"))
        self.print_certificates_button.clicked.connect(lambda: self.print_kind("certificates"))
        QShortcut(QKeySequence("Ctrl+S"), appraise, self.save_appraisals)
        QShortcut(QKeySequence("F2"), appraise, self.fill_rest_good)

    # -- data -------------------------------------------------------------------------------

    def set_book(self, book: Book) -> None:
        self.book = book
        self.pending.clear()
        # In January the year to rate is the one just ended (if the book holds it).
        year = book.current_year
        today = date.today()
        if today.year == year and today.month == 1 and years_scored(book)[0] <= year - 1:
            year -= 1
        self.year.blockSignals(True)
        self.year.setValue(year)
        self.year.blockSignals(False)
        self.reload()

    def showEvent(self, event: Any) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self.data is not None:
            self.reload()

    def reload(self) -> None:
        if self._loading:
            self._reload_again = True
            return
        self._loading = True
        year, path = self.year.value(), self.book.path
        run_in_background(
            self,
            lambda: _load(path, year),
            on_done=self._loaded,
            on_error=self._load_failed,
            label=f"正在计算{year}年度的评定结果…",
        )

    def _load_failed(self, exc: BaseException) -> None:
        if not shiboken6.isValid(self) or self.book.closed:
            return
        self._loading = False
        self.data = None
        self.state.setText(f"无法计算：{exc}")
        for t in (self.results_table, self.appraisal_table, self.veto_table, self.checks_table):
            t.setRowCount(0)
        self.loaded.emit()

    def _loaded(self, data: dict[str, Any]) -> None:
        if not shiboken6.isValid(self) or self.book.closed:
            return
        self._loading = False
        if self._reload_again:
            self._reload_again = False
            self.reload()
            return
        year_changed = self.data is None or self.data["overview"].year != data["overview"].year
        self.data = data
        if year_changed:
            self.pending.clear()
            self._fill_groups()
        self._fill_state()
        self._fill_results()
        self._kind_changed()
        self._fill_vetoes()
        self._fill_approvals()
        self._fill_claims_above()
        self.loaded.emit()

    @property
    def overview(self) -> Y.YearOverview:
        assert self.data is not None
        return self.data["overview"]

    def _fill_groups(self) -> None:
        current = self.group.currentText()
        self.group.blockSignals(True)
        self.group.clear()
        self.group.addItem(ALL_GROUPS)
        for g in dict.fromkeys(r.group for r in self.overview.rows if r.group):
            self.group.addItem(g)
        self.group.setCurrentIndex(max(0, self.group.findText(current)))
        self.group.blockSignals(False)

    def _fill_state(self) -> None:
        ov = self.overview
        when = "已结束" if ov.ended else f"尚未结束（统计截至 {ov.as_of}，结果还会变化）"
        first = f"{ov.year}年度{when}　" + "、".join(ov.quarters)
        scheme = f"方案：{ov.scheme_title}"
        if not ov.has_rating:
            scheme += "（本方案没有评星定级的规则）"
        # One fact a line: a single long line wraps inside words on a 1366-px screen.
        township = (self.data or {}).get("township")
        self.state.setText(f"{first}\n{scheme}" + (f"\n{township['text']}。" if township else ""))
        # Without 评星定级 the printout is a 积分表 (desktop/book/year_end_print.rating_title).
        self.print_rating_button.setText(
            "打印年度星级评定表…" if ov.has_rating else "打印年度积分表…"
        )
        waiting = [r.name for r in ov.honoured if r.awaiting_approval]
        self.print_certificates_button.setEnabled(
            ov.ended and ov.has_rating and ov.final and not waiting
        )
        if not ov.ended:
            tip = "年度结束后（一般在次年1月）才能打印荣誉证书"
        elif not ov.final:
            kind = cycle(self.book, ov.year)  # the year's last period: 第四季度, 12月 or 下半年
            last = "第四季度" if kind == "quarter" else number_text(COUNT[kind], kind)
            tip = (
                f"{last}确认后（在“{REVIEW_TITLE[kind]}”页面），年度积分最终确定，才能打印荣誉证书"
            )
        elif not ov.has_rating:
            tip = "本年度方案没有评星定级的规则，没有荣誉证书可打印"
        elif waiting:
            names = "、".join(waiting)
            # 待表决 waits for the branch's own 党员大会, 待审批 for the body above.
            voted = any(r.approval_state == "待表决" for r in ov.honoured)
            what = "待上级审批或党员大会表决" if voted else "待上级审批"
            tip = f"{names}的评定结果{what}，批准后（“上级审批”页）才能打印荣誉证书"
        else:
            tip = ""
        self.print_certificates_button.setToolTip(tip)

    def _fill_results(self) -> None:
        ov = self.overview
        labels = [Y.column_label(k, r, ov.columns) for k, r in ov.columns]
        # [ballots.combine]: the 综合评定 beside the grades it weighs (its sum in the detail).
        combined = (self.data or {}).get("combined", {})
        if combined:
            labels.append("综合评定")
        headers = ["姓名", "党小组", "年度积分", "星级", "等次", *labels, "一票否决", "评定依据"]
        t = self.results_table
        t.clear()
        t.setColumnCount(len(headers))
        t.setHorizontalHeaderLabels(headers)
        rows = [r for r in ov.rows if r.scored]
        t.setRowCount(len(rows))
        for i, r in enumerate(rows):
            # "不参评" marks a member the rating leaves out; with no rating rules at all (the
            # state line says so) nobody is left out.
            stars = (
                "★" * r.stars if r.stars else ("—" if r.rated or not ov.has_rating else "不参评")
            )
            if r.approval_state in ("待审批", "待表决", "未批准"):
                stars += f"（{r.approval_state}）"  # 党员e家 第十八条: above the branch decides
            cells = [
                _item(r.name, data=r.code),
                _item(r.group),
                _item(fmt_points(r.total), right=True),
                _item(stars),
                _item(r.grade or ""),
                *[_item(r.appraisals.get(c, "")) for c in ov.columns],
                *([_item((combined.get(r.code) or {}).get("grade") or "")] if combined else []),
                _item(f"{len(r.vetoes)} 条" if r.vetoes else ("须核实" if r.checks else "")),
                _item("；".join(r.reasons)),
            ]
            # The column is cut at the window's edge: the whole of it on hover, one reason
            # a line (the detail pane below wraps them too).
            cells[-1].setToolTip("\n".join(r.reasons))
            for j, it in enumerate(cells):
                if r.honoured:
                    it.setForeground(HONOUR_COLOR)
                elif not r.rated:
                    it.setForeground(MUTED_COLOR)
                t.setItem(i, j, it)
        header = t.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)  # a year's columns vary
        t.resizeColumnsToContents()
        # 评定依据 takes the width that is left rather than its text's (no sideways scrolling);
        # the whole text is in its tooltip and, wrapped, in the detail pane.
        header.setSectionResizeMode(len(headers) - 1, QHeaderView.ResizeMode.Stretch)
        n_hon = len(ov.honoured)
        waiting = sum(1 for r in ov.honoured if not r.certifiable)
        cert = "红色，可打印荣誉证书"
        if waiting:
            voted = any(r.approval_state == "待表决" for r in ov.honoured)
            what = "待上级审批、党员大会表决或未获批准" if voted else "待上级审批或未获批准"
            cert = f"红色；其中 {waiting} 人{what}，批准后才能打印荣誉证书"
        lines = [
            f"参加积分管理 {len(rows)} 人，参加评星定级 {ov.rated_count} 人；"
            f"评为五星级或优秀 {n_hon} 人（{cert}）。"
        ]
        lines += ov.quotas
        if ov.rating_note:
            lines.append(f"说明：{ov.rating_note}")
        self.summary.setText("\n".join(lines))
        self._show_detail()

    def _show_detail(self) -> None:
        if self.data is None:
            return
        items = self.results_table.selectedItems()
        if not items:
            self.detail.clear()
            return
        code = self.results_table.item(items[0].row(), 0).data(Qt.ItemDataRole.UserRole)
        r = self.overview.row(code)
        if r is None:
            return
        ov = self.overview
        out = [f"{r.name}（{r.code}）{r.group}　年度积分 {fmt_points(r.total)} 分"]
        if r.rating_text():
            out.append(f"评定：{r.rating_text()}")
        out += [f"· {x}" for x in r.reasons]
        # A grade from a ballot tally explains itself (book/ballots.explain_rows).
        why = {  # a tally's reasoning, or who graded a 自评 / 组织考评 and when
            (a["kind"], a["round"]): a.get("explain") or a.get("graded")
            for a in (self.data or {}).get("appraisals", [])
            if a["code"] == r.code and not a["withdrawn"]
        }
        for c in ov.columns:
            grade = r.appraisals.get(c)
            label = Y.column_label(*c, ov.columns)
            more = f"（{why[c]}）" if why.get(c) else ""
            out.append(f"{label}：{grade or '未登记'}{more}")
        combined = (self.data or {}).get("combined", {}).get(r.code)
        if combined:  # the scheme weighs separately tallied results into one grade
            out.append(combined["line"])  # its sum, and whether it counts for points
        out += [f"一票否决：{v}" for v in r.vetoes]
        out += [f"※ {x}" for x in r.checks + r.followups]
        self.detail.setPlainText("\n".join(out))

    # -- 民主评议 entry -----------------------------------------------------------------------

    def _kind_changed(self) -> None:
        if self.data is None:
            return
        kind = self.kind.currentData()
        rounds = max([r for k, r in self.overview.columns if k == kind] or [1])
        self.round.blockSignals(True)
        self.round.setMaximum(max(rounds, 1))
        self.round.blockSignals(False)
        self._fill_appraisal()

    def _recorded(self) -> dict[str, dict[str, Any]]:
        """code → the recorded (not withdrawn) row of the chosen kind and round."""
        kind, rnd = self.kind.currentData(), self.round.value()
        return {
            a["code"]: a
            for a in (self.data or {}).get("appraisals", [])
            if a["kind"] == kind and a["round"] == rnd and not a["withdrawn"]
        }

    def appraisal_members(self) -> list[Y.YearRow]:
        """Who takes part in the chosen round (not those who left before it, 免考 …)."""
        group = self.group.currentText()
        column = (self.kind.currentData(), self.round.value())
        chosen = [
            r
            for r in self.overview.rows
            if column in r.appraised and (group in ("", ALL_GROUPS) or r.group == group)
        ]
        return sorted(chosen, key=lambda r: order_key(r.name, r.code))  # 姓氏笔画

    def _find_appraisal_member(self, step: int = 0) -> None:
        """The search box's text (or ↑/↓ among those it finds) moves to a member's row."""
        t, text = self.appraisal_table, self.appraisal_search.text()
        rows = [
            i
            for i in range(t.rowCount())
            if matches(
                {"name": t.item(i, 0).text(), "code": t.item(i, 0).data(Qt.ItemDataRole.UserRole)},
                text,
            )
        ]
        self.appraisal_search.tell_found(len(rows))
        if not rows or not text.strip():
            return
        at = rows.index(t.currentRow()) if step and t.currentRow() in rows else -1
        t.setCurrentCell(rows[min(max(at + step, 0), len(rows) - 1)] if at >= 0 else rows[0], 3)

    def _appraisal_member_chosen(self) -> None:
        """Enter in the search box: to the table, where 1–4 give the member found a grade."""
        self.appraisal_search.clear()
        self.appraisal_table.setFocus()

    def _fill_appraisal(self) -> None:
        if self.data is None:
            return
        recorded = self._recorded()
        t = self.appraisal_table
        row = max(t.currentRow(), 0)
        members = self.appraisal_members()
        t.setRowCount(len(members))
        for i, r in enumerate(members):
            old = recorded.get(r.code)
            t.setItem(i, 0, _item(r.name, data=r.code))
            t.setItem(i, 1, _item(r.group))
            t.setItem(i, 2, _item(old["grade"] if old else "", data=old["id"] if old else None))
            new = _item(self.pending.get(r.code, ""))
            if old:
                new.setForeground(MUTED_COLOR)
            t.setItem(i, 3, new)
            t.setItem(i, 4, _item(old["graded"] if old else ""))
        t.setColumnHidden(4, self.kind.currentData() in VOTED_KINDS)
        if members:
            t.setCurrentCell(min(row, len(members) - 1), 3)
        t.resizeColumnsToContents()
        t.horizontalHeader().setStretchLastSection(True)
        self._update_appraisal_state()

    def _update_appraisal_state(self) -> None:
        members, recorded = self.appraisal_members(), self._recorded()
        locked = Y.year_locked(self.book, self.overview.year)
        done = sum(1 for r in members if r.code in recorded)
        text = (
            f"本范围 {len(members)} 人，已登记 {done} 人，待保存 {len(self._pending_here())} 人。"
        )
        why_locked = (
            f"{row_label(locked)}已确认，民主评议结果已锁定，只能撤销（写明原因）" if locked else ""
        )
        if locked:
            text += why_locked + "。"
        self.appraisal_state.setText(text)
        allow(self.save_button, not locked, why_locked)
        allow(self.all_good_button, not locked, why_locked)
        self._update_round_state(why_locked)

    def current_round(self) -> dict[str, Any] | None:
        """The recorded 评议会议 of the chosen kind and round, with its ballots so far."""
        key = (self.kind.currentData(), self.round.value())
        return (self.data or {}).get("rounds", {}).get(key)

    def _update_round_state(self, why_locked: str) -> None:
        """The round's buttons, greyed with the reason (why_locked: the year's lock, or "")."""
        held = self.current_round()
        kind = self.kind.currentData()
        graded = kind not in VOTED_KINDS
        for w in (self.grader_label, self.grader, self.graded_on_label, self.graded_on):
            w.setVisible(graded)
        self.grader.setEnabled(kind == "组织考评")
        if kind == "自评":  # her own: nothing to choose
            self.grader.setEditText("党员本人")
        elif self.grader.currentText() == "党员本人":
            self.grader.setEditText(DEFAULT_ORG_GRADER)
        if graded:  # 自评, 组织考评: one grade per member, no vote
            why = f"{kind}不投票：在表中给每名党员选等次"
            self.round_state.setText(why + "。")
            for button in (
                self.round_button,
                self.ballots_button,
                self.count_button,
                self.tally_button,
            ):
                allow(button, False, why)
            return
        allow(self.tally_button, not why_locked, why_locked)
        if held is None:
            text = "本次评议还没有登记评议会议：登记后可逐张录入选票，或按票数登记。"
        else:
            text = (
                f"评议会议 {held['date']}：党员 {held['member_voters']} 人，群众代表 "
                f"{held['mass_voters']} 人；已录入选票 {held['ballots']} 张"
                + (f"（废票 {held['spoiled']} 张）" if held["spoiled"] else "")
                + "。"
            )
        self.round_state.setText(text)
        first = "先登记本次评议的评议会议"
        allow(
            self.round_button,
            held is None and not why_locked,
            why_locked or f"本次评议的评议会议已登记（{held and held['date']}）",
        )
        allow(self.ballots_button, held is not None and not why_locked, why_locked or first)
        allow(
            self.count_button,
            bool(held and held["ballots"]) and not why_locked,
            why_locked or (first if held is None else "还没有录入选票"),
        )

    def _pending_here(self) -> dict[str, str]:
        codes = {r.code for r in self.appraisal_members()}
        return {c: g for c, g in self.pending.items() if c in codes}

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if obj is self.appraisal_table and event.type() == QEvent.Type.KeyPress:
            key = event.text()  # type: ignore[attr-defined]
            if key in Y.GRADE_KEYS:
                self.set_grade(Y.GRADE_KEYS[key])
                return True
            if key == "0" or event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):  # type: ignore[attr-defined]
                self.set_grade("")
                return True
        return super().eventFilter(obj, event)

    def set_grade(self, grade: str, *, advance: bool = True) -> None:
        """The current row's grade for this round ('' clears it), then the next row."""
        t = self.appraisal_table
        row = t.currentRow()
        if row < 0 or self.data is None:
            return
        code = t.item(row, 0).data(Qt.ItemDataRole.UserRole)
        if code in self._recorded():
            name = t.item(row, 0).text()
            self.appraisal_state.setText(
                f"{name}本次已有登记的结果；如有误，请先撤销（写明原因）。"
            )
            return
        if grade:
            self.pending[code] = grade
        else:
            self.pending.pop(code, None)
        t.item(row, 3).setText(grade)
        self._update_appraisal_state()
        if advance and row + 1 < t.rowCount():
            t.setCurrentCell(row + 1, 3)

    def fill_rest_good(self) -> None:
        """Everyone in the list without a grade yet (recorded or typed) gets 合格."""
        recorded = self._recorded()
        for r in self.appraisal_members():
            if r.code not in recorded and r.code not in self.pending:
                self.pending[r.code] = "合格"
        self._fill_appraisal()

    def save_appraisals(self) -> None:
        pending = self._pending_here()
        if not pending:
            self.tell("没有待保存的评议结果：请先用 1–4 键为党员选择等次。")
            return
        year, kind, rnd = self.overview.year, self.kind.currentData(), self.round.value()
        graded: dict[str, Any] = {}
        if kind not in VOTED_KINDS:  # who graded and when (a 自评 is the member's own)
            graded["on"] = self.graded_on.date().toString("yyyy-MM-dd")
            if kind == "组织考评":
                graded["graded_by"] = self.grader.currentText()
        if self._act(lambda: Y.add_appraisals(self.book, year, kind, pending, round=rnd, **graded)):
            for code in pending:
                self.pending.pop(code, None)
            label = Y.appraisal_label(self.book, year, kind, rnd)
            self.tell(f"已保存 {len(pending)} 人的{year}年{label}结果。")

    def ask_tally(self, name: str, label: str) -> dict[str, Any] | None:
        dialog = TallyDialog(name, label, self)
        return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def tally_selected(self) -> None:
        """Record the selected member's ballot tally; the grade follows by the scheme's rule."""
        if self.data is None:
            return
        row = self.appraisal_table.currentRow()
        if row < 0:
            self.tell("请先在表格中选中一名党员。")
            return
        code = self.appraisal_table.item(row, 0).data(Qt.ItemDataRole.UserRole)
        name = self.appraisal_table.item(row, 0).text()
        year, kind, rnd = self.overview.year, self.kind.currentData(), self.round.value()
        label = Y.appraisal_label(self.book, year, kind, rnd)
        values = self.ask_tally(name, label)
        if not values:
            return
        from desktop.book.ballots import record_tally

        done: dict[str, Any] = {}
        if self._act(
            lambda: done.update(
                record_tally(
                    self.book, year, kind, code, values["votes"], round=rnd,
                    voters=values["voters"],
                )
            )
        ):  # fmt: skip
            self.pending.pop(code, None)
            self.tell(f"{name}：{done['grade']}（{done['explain']}）")

    def ask_round(self, label: str, kind: str, members: int) -> dict[str, Any] | None:
        from desktop.gui.ballot_dialogs import RoundDialog

        dialog = RoundDialog(self.overview.year, label, kind, members, self)
        try:
            return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()

    def record_round(self) -> None:
        """登记评议会议 for the chosen kind and round: its date and who voted."""
        if self.data is None:
            return
        from desktop.book.ballots import record_round

        year, kind, rnd = self.overview.year, self.kind.currentData(), self.round.value()
        label = Y.appraisal_label(self.book, year, kind, rnd)
        members = len([r for r in self.overview.rows if (kind, rnd) in r.appraised])
        values = self.ask_round(label, kind, members)
        if not values:
            return
        done: dict[str, Any] = {}
        if self._act(lambda: done.update(record_round(self.book, year, kind, round=rnd, **values))):
            warned = "".join(f"\n注意：{w}。" for w in done["warnings"])
            self.tell(f"已登记{year}年{label}的评议会议。{warned}")

    def enter_ballots(self) -> None:
        """逐张录入选票: the round's ballots one by one (a modal dialog), then reread."""
        if self.data is None or self.current_round() is None:
            return
        from desktop.gui.ballot_dialogs import BallotDialog

        year, kind, rnd = self.overview.year, self.kind.currentData(), self.round.value()
        label = Y.appraisal_label(self.book, year, kind, rnd)
        members = [
            (r.code, r.name, r.group) for r in self.overview.rows if (kind, rnd) in r.appraised
        ]
        dialog = BallotDialog(self.book, year, kind, rnd, label, members, self)
        self.ballot_dialog = dialog
        try:
            dialog.exec()
        finally:
            self.ballot_dialog = None
            dialog.deleteLater()
        self.changed.emit()
        self.reload()

    def count_ballots(self) -> None:
        """按选票计票: every member's tally from the ballots, the grade by the scheme's rule."""
        if self.data is None:
            return
        from desktop.book.ballots import count_ballots

        year, kind, rnd = self.overview.year, self.kind.currentData(), self.round.value()
        done: list[dict[str, Any]] = []
        if self._act(lambda: done.extend(count_ballots(self.book, year, kind, round=rnd))):
            lines = [f"{d['name']}：{d['grade']}（{d['explain']}）" for d in done]
            self.tell(f"已按选票计票，登记 {len(done)} 人的结果：\n" + "\n".join(lines))

    def withdraw_selected_appraisal(self) -> None:
        t = self.appraisal_table
        row = t.currentRow()
        aid = t.item(row, 2).data(Qt.ItemDataRole.UserRole) if row >= 0 else None
        if aid is None:
            self.tell("请先选中一名已登记等次的党员。")
            return
        reason = self.ask_text("撤销民主评议结果", "撤销原因（错在哪里、依据是什么）：")
        if reason is None:
            return
        self._act(lambda: Y.withdraw_appraisal(self.book, int(aid), reason))

    # -- 一票否决 ---------------------------------------------------------------------------

    def _fill_vetoes(self) -> None:
        rows = (self.data or {}).get("vetoes", [])
        t = self.veto_table
        t.setRowCount(len(rows))
        for i, v in enumerate(rows):
            w = v["withdrawn"]
            state = f"已于 {w['date']} 撤销：{w['reason']}" if w else "有效"
            if not w and v["locked"]:
                state = "有效（所在季度已确认）"
            cells = [
                _item(v["id"], data=v["id"]),
                _item(v["date"]),
                _item(v["name"]),
                _item(v["kind"]),
                _item(v["reason"]),
                _item(v["decided_by"]),
                _item(state),
            ]
            for j, it in enumerate(cells):
                if w:
                    it.setForeground(MUTED_COLOR)
                t.setItem(i, j, it)
        t.resizeColumnsToContents()
        t.horizontalHeader().setStretchLastSection(True)
        checks = [(r, c) for r in self.overview.rows for c in r.checks]
        ct = self.checks_table
        ct.setRowCount(len(checks))
        for i, (r, c) in enumerate(checks):
            ct.setItem(i, 0, _item(r.name, data=r.code))
            ct.setItem(i, 1, _item(c))

    def _members_for_veto(self) -> list[tuple[str, str]]:
        return [(r.code, r.name) for r in self.overview.rows if r.status in Y.PARTY_STATUSES]

    def ask_veto(self, member: str = "", reason: str = "") -> dict[str, Any] | None:
        dialog = VetoDialog(
            self._members_for_veto(),
            self.data["kinds"],
            self,
            year=self.year.value(),
            member=member,
            reason=reason,
        )
        return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def add_veto(self, member: str = "", reason: str = "") -> None:
        if self.data is None:
            return
        values = self.ask_veto(member, reason)
        if values:
            self._act(
                lambda: Y.add_veto(
                    self.book,
                    values["member"],
                    values["when"],
                    values["reason"],
                    values["decided_by"],
                    kind=values["kind"],
                    year=values["year"],
                ),
                "一票否决已登记。",
            )

    def add_veto_from_check(self) -> None:
        row = self.checks_table.currentRow()
        if row < 0:
            self.tell("请先在下面的系统提示中选中一条。")
            return
        code = self.checks_table.item(row, 0).data(Qt.ItemDataRole.UserRole)
        text = self.checks_table.item(row, 1).text()
        self.add_veto(code, text.split("，可能属于")[0])

    def withdraw_selected_veto(self) -> None:
        items = self.veto_table.selectedItems()
        if not items:
            self.tell("请先在表格中选中一条一票否决记录。")
            return
        vid = int(self.veto_table.item(items[0].row(), 0).data(Qt.ItemDataRole.UserRole))
        reason = self.ask_text("撤销一票否决", "撤销原因（错在哪里、依据是什么）：")
        if reason is None:
            return
        by = self.ask_text("撤销一票否决", "决定人（如“支委会”）：")
        if by is None:
            return
        self._act(
            lambda: Y.withdraw_veto(self.book, vid, reason, decided_by=by),
        )

    # -- questions and actions ------------------------------------------------------------------

    def ask_text(self, title: str, label: str) -> str | None:
        text, ok = QInputDialog.getText(self, title, label)
        return text if ok else None

    def tell(self, text: str) -> None:
        QMessageBox.information(self, "年度评定", text)

    def _act(self, fn: Any, done: str = "") -> bool:
        try:
            fn()
        except BookError as exc:
            lines = getattr(exc, "lines", None)
            more = "\n".join(lines()) if callable(lines) else ""
            QMessageBox.warning(self, "未能完成", f"{exc}\n{more}".strip())
            return False
        if done:
            self.tell(done)
        self.changed.emit()
        self.reload()
        return True

    def print_screen(self) -> Any:
        """文件 → 打印… (Ctrl+P): the year's rating sheet (年度星级评定表 / 年度积分表)."""
        return self.print_kind("rating")

    def print_kind(self, kind: str) -> Any:
        """The annual table or the certificates in the print preview."""
        from desktop.gui.print_preview import preview_document

        year = self.year.value()
        what = {"rating": "年度星级评定表", "certificates": "荣誉证书"}[kind]
        return preview_document(
            self,
            self.book.path,
            kind,
            title=f"打印{what}",
            file_name=f"{year}{what if kind == 'rating' else '年度' + what}.pdf",
            label="正在生成 PDF…",
            year=year,
        )
