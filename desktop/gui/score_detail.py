"""积分明细: one member's points for a year or one of its periods (a quarter, or a month or a
half-year for a scheme that reviews so — its review_cycle), every point with the fact it came
from.

Other screens open it with `show_score_detail(parent, book, member_code, year, quarter)`.
Scoring runs off the UI thread on its own `Book` (an sqlite connection belongs to the thread
that opened it); the dialog shows 正在计算… meanwhile.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QDialog, QHeaderView, QMessageBox, QTreeWidgetItem, QWidget

from desktop.book.periods import THIS
from desktop.gui.forms.ui_score_detail import Ui_ScoreDetail
from desktop.gui.screen_fit import fit_within_screen
from desktop.rules.scheme import fmt_points

PERIODS = ("全年", "第一季度", "第二季度", "第三季度", "第四季度")
_STAR_WORDS = {0: "不评星", 1: "一星级", 2: "二星级", 3: "三星级", 4: "四星级", 5: "五星级"}
_GREEN = QColor("#1e6b34")
_RED = QColor("#b3261e")
_SHADE = QBrush(QColor("#f3ede7"))


@dataclass
class Detail:
    """What the dialog shows, gathered in one background job."""

    year: int
    quarter: int | None  # the period's number in the year's cycle (`kind`); None = 全年
    scheme_title: str
    as_of: str
    member: Any | None  # desktop.rules.scoring.MemberResult
    stars: int | None = None
    grade: str | None = None
    rating_reasons: list[str] = field(default_factory=list)
    has_rating: bool = False
    confirmed_total: str | None = None  # the period's confirmed snapshot, when it has one
    kind: str = "quarter"  # the year's review cycle: quarter / month / half


def gather_detail(
    book_path: Path, code: str, year: int, quarter: int | None, kind: str = "quarter"
) -> Detail:
    """Score the year (or one period of its cycle, as `explain --quarter/--month/--half`) on a
    freshly opened book; runs on a worker thread."""
    from desktop.book.chain import snapshot
    from desktop.book.errors import InputRefused
    from desktop.book.scoring import rate_book, score_book, year_scheme
    from desktop.book.store import Book

    with Book.open(book_path) as book:
        scheme = year_scheme(book, year)
        window = {kind: quarter} if quarter is not None and kind in ("half", "month") else {}
        result = score_book(book, year, None if window else quarter, **window)
        member = next((m for m in result.members if m.code == code), None)
        detail = Detail(year, quarter, scheme.title, result.as_of, member, kind=kind)
        if quarter is not None:
            snap = snapshot(book, year, quarter, kind)
            if snap is not None:
                stored = json.loads(snap["payload"])
                mine = next((m for m in stored["members"] if m["code"] == code), None)
                detail.confirmed_total = mine["total"] if mine else None
        if quarter is None and scheme.rating is not None and member is not None:
            detail.has_rating = True
            try:
                rating = rate_book(book, year)
            except InputRefused:
                detail.has_rating = False
            else:
                rated = next((r for r in rating.members if r.code == code), None)
                if rated is not None:
                    detail.stars, detail.grade = rated.stars, rated.grade
                    detail.rating_reasons = list(rated.reasons)
        return detail


def signed(value: Decimal) -> str:
    text = fmt_points(value)
    return f"+{text}" if value > 0 else text


def period_names(kind: str = "quarter") -> list[str]:
    """The period list: 全年, then the year's periods in its cycle (第一季度… / 1月… / 上半年…)."""
    from desktop.book.periods import COUNT, number_text

    if kind not in ("month", "half"):
        return list(PERIODS)
    return ["全年", *(number_text(n, kind) for n in range(1, COUNT[kind] + 1))]


def period_text(year: int, quarter: int | None, kind: str = "quarter") -> str:
    return f"{year} 年" + (period_names(kind)[quarter] if quarter else "全年")


def detail_text(detail: Detail) -> str:
    """The explanation as plain text (the 导出文本 file)."""
    m = detail.member
    out = [f"积分明细　{m.name}（编号 {m.code}）　{m.group or '未分组'}　{m.status}"]
    out.append(
        f"期间：{period_text(detail.year, detail.quarter, detail.kind)}　方案：{detail.scheme_title}"
    )
    out.append(f"数据截至：{detail.as_of}")
    out.append("")
    for name, points, lines in grouped_lines(m, detail.as_of):
        out.append(f"【{name}】小计 {fmt_points(points)} 分")
        for ln in lines:
            out.append(f"  {ln.date}　{ln.fact}　——{ln.rule}　{signed(ln.points)}")
        if not lines:
            out.append("  （没有计分记录）")
    out.append(f"合计 {fmt_points(m.total)} 分")
    out.append(rating_text(detail))
    for f in m.flags:
        out.append(f"※ {f.text}")
    return "\n".join(out) + "\n"


def grouped_lines(member: Any, as_of: str | None = None) -> list[tuple[str, Decimal, list[Any]]]:
    """(section, subtotal, lines) in the scheme's order; sections without lines included.
    Lines as the paper shows them: to 0.01, none after `as_of` (rules.shown_lines)."""
    from desktop.rules.scoring import shown_lines

    groups: dict[str, list[Any]] = {name: [] for name in member.sections}
    for ln in shown_lines(member, as_of):
        groups.setdefault(ln.section, []).append(ln)
    return [
        (name, member.sections.get(name, sum((ln.points for ln in lines), Decimal(0))), lines)
        for name, lines in groups.items()
    ]


def rating_text(detail: Detail) -> str:
    m = detail.member
    if not m.scored:
        return "不参加积分管理：" + "；".join(m.reasons)
    if not m.rated:
        return "不参加评定：" + ("；".join(m.reasons) or "方案规定")
    if detail.quarter is not None:
        return "参加评定（评定按全年积分进行）"
    if not detail.has_rating:
        return "参加评定（本方案不评星定级）"
    level = []
    if detail.stars is not None:
        level.append(_STAR_WORDS.get(detail.stars, f"{detail.stars}星"))
    if detail.grade:
        level.append(detail.grade)
    text = "按现有记录拟评：" + ("、".join(level) if level else "未达到任何档次")
    if detail.rating_reasons:
        text += "（" + "；".join(detail.rating_reasons) + "）"
    return text


class ScoreDetail(QDialog):
    """`ScoreDetail(book, member_code, year, quarter)`; computes in the background on show."""

    def __init__(
        self,
        book: Any,
        member_code: str,
        year: int,
        quarter: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_ScoreDetail()
        self.ui.setupUi(self)
        fit_within_screen(self)  # no taller or wider than the screen's free area
        self.book = book
        self.code = member_code
        self.detail: Detail | None = None
        self._job: Any = None
        self._pending = False
        ui = self.ui
        from desktop.book.years import years_held

        # Earlier years stay reachable (a January look back at last year's points).
        self._years = sorted({year, *years_held(book)}, reverse=True)
        ui.yearCombo.addItems([f"{y} 年" for y in self._years])
        ui.yearCombo.setCurrentIndex(self._years.index(year))
        ui.yearCombo.setVisible(len(self._years) > 1)
        self.kind = ""
        self._fill_periods(quarter or 0)
        ui.periodCombo.currentIndexChanged.connect(lambda _i: self.reload())
        ui.yearCombo.currentIndexChanged.connect(lambda _i: self._year_changed())
        big = QFont(ui.totalLabel.font())
        big.setPointSize(big.pointSize() + 4)
        big.setBold(True)
        ui.totalLabel.setFont(big)
        tree = ui.linesTree
        header = tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        tree.setStyleSheet("QTreeWidget::item { padding: 3px 4px; }")
        ui.closeButton.clicked.connect(self.accept)
        ui.exportButton.clicked.connect(self.export_text)
        ui.printButton.clicked.connect(self.print_pdf)
        member = _member_row(book, member_code)
        ui.nameLabel.setText(member.get("name") or member_code)
        self.setWindowTitle(f"积分明细 — {member.get('name') or member_code}")
        self.reload()

    @property
    def year(self) -> int:
        return self._years[max(self.ui.yearCombo.currentIndex(), 0)]

    @property
    def quarter(self) -> int | None:
        """The chosen period's number in the year's cycle (`kind`); None for 全年."""
        return self.ui.periodCombo.currentIndex() or None

    def _fill_periods(self, index: int) -> None:
        """The period list in the year's review cycle (月度评议 → 1月…12月, 半年 → 上/下半年)."""
        from desktop.book.errors import BookError
        from desktop.book.periods import cycle

        try:
            kind = cycle(self.book, self.year)
        except BookError:  # a year without its scheme: the quarters, as before
            kind = "quarter"
        if kind == self.kind:
            return
        self.kind = kind
        combo = self.ui.periodCombo
        combo.blockSignals(True)
        combo.clear()
        combo.addItems(period_names(kind))
        combo.setCurrentIndex(index if index < combo.count() else 0)
        combo.blockSignals(False)

    def _year_changed(self) -> None:
        self._fill_periods(0)
        self.reload()

    # -- computing -------------------------------------------------------------------------

    def reload(self) -> None:
        """Score again (after a change of period, or of the facts)."""
        from desktop.gui.worker import run_in_background

        if self._job is not None and not self._job.done:
            self._pending = True
            return
        self._pending = False
        self.ui.statusLabel.setText("正在计算积分…")
        self._set_busy(True)
        path, code, year, quarter = self.book.path, self.code, self.year, self.quarter
        kind = self.kind
        self._job = run_in_background(
            self,
            lambda: gather_detail(path, code, year, quarter, kind),
            on_done=self._show,
            on_error=self._failed,
            label="正在计算积分，请稍候…",
        )

    def busy(self) -> bool:
        return self._job is not None and not self._job.done

    def _set_busy(self, busy: bool) -> None:
        for button in (self.ui.exportButton, self.ui.printButton):
            button.setEnabled(not busy and self.detail is not None)
        if busy:
            self.setCursor(Qt.CursorShape.BusyCursor)
        else:
            self.unsetCursor()

    def _after_job(self) -> bool:
        if self._pending:
            self._job = None
            self.reload()
            return False
        return True

    def _failed(self, exc: BaseException) -> None:
        from desktop.book.errors import BookError

        self.detail = None
        self._set_busy(False)
        if not self._after_job():
            return
        if isinstance(exc, BookError):
            lines = exc.lines() if hasattr(exc, "lines") else []
            self.ui.statusLabel.setText("")
            self.ui.totalLabel.setText("无法计算积分")
            self.ui.ratingLabel.setText("\n".join([str(exc), *lines[:5]]))
            self.ui.linesTree.clear()
            return
        from desktop.gui.error_handler import report_exception

        self.ui.statusLabel.setText("计算出错")
        report_exception(exc, parent=self)

    def _show(self, detail: Detail) -> None:
        if not self._after_job():
            return
        self.detail = detail
        self._set_busy(False)
        ui = self.ui
        m = detail.member
        ui.linesTree.clear()
        if m is None:
            ui.totalLabel.setText("没有积分")
            ui.ratingLabel.setText(
                f"{period_text(detail.year, detail.quarter, detail.kind)}此人不在本支部的积分名单中。"
            )
            ui.flagsLabel.hide()
            ui.statusLabel.setText("")
            ui.infoLabel.setText("")
            self._set_busy(False)
            ui.exportButton.setEnabled(False)
            ui.printButton.setEnabled(False)
            return
        ui.nameLabel.setText(m.name)
        ui.infoLabel.setText(f"编号 {m.code}　{m.group or '未分组'}　{m.status}")
        when = period_text(detail.year, detail.quarter, detail.kind)
        if m.scored:
            ui.totalLabel.setText(f"{when}积分：{fmt_points(m.total)} 分")
        else:
            ui.totalLabel.setText(f"{when}：不计分")
        ui.ratingLabel.setText(rating_text(detail))
        flags = [f"※ {f.text}" for f in m.flags]
        ui.flagsLabel.setText("\n".join(flags))
        ui.flagsLabel.setVisible(bool(flags))
        ui.statusLabel.setText(f"方案：{detail.scheme_title}　数据截至 {detail.as_of}")
        ui.statusLabel.setToolTip(detail.scheme_title)
        if detail.confirmed_total is not None:
            confirmed = Decimal(detail.confirmed_total)
            if m.scored and m.total == confirmed:
                flags.insert(0, f"{THIS[detail.kind]}已确认，确认结果 {fmt_points(confirmed)} 分。")
            else:
                # A later roster change can move the live figure; the confirmed one stands.
                flags.insert(
                    0,
                    f"{THIS[detail.kind]}已确认，确认结果为 {fmt_points(confirmed)} 分，"
                    "以确认结果为准；"
                    "下面的明细是按现在的记录重算的，与确认时不同。",
                )
            ui.flagsLabel.setText("\n".join(flags))
            ui.flagsLabel.show()
        if m.scored:
            self._fill_tree(m, detail.as_of)

    def _fill_tree(self, m: Any, as_of: str) -> None:
        tree = self.ui.linesTree
        bold = QFont(tree.font())
        bold.setBold(True)
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for name, subtotal, lines in grouped_lines(m, as_of):
            top = QTreeWidgetItem(
                [
                    name,
                    f"{len(lines)} 条记录" if lines else "没有计分记录",
                    "小计",
                    fmt_points(subtotal),
                ]
            )
            for column in range(4):
                top.setFont(column, bold)
            top.setTextAlignment(3, right)
            for column in range(4):
                top.setBackground(column, _SHADE)
            tree.addTopLevelItem(top)
            for ln in lines:
                child = QTreeWidgetItem([ln.date, ln.fact, ln.rule, signed(ln.points)])
                child.setTextAlignment(3, right)
                child.setToolTip(1, ln.fact)
                if ln.points < 0:
                    child.setForeground(3, QBrush(_RED))
                elif ln.points > 0:
                    child.setForeground(3, QBrush(_GREEN))
                top.addChild(child)
            top.setExpanded(True)
        total = QTreeWidgetItem(["合计", "", "", fmt_points(m.total)])
        for column in range(4):
            total.setFont(column, bold)
        total.setTextAlignment(3, right)
        for column in range(4):
            total.setBackground(column, _SHADE)
        tree.addTopLevelItem(total)

    # -- reading the result (tests, other screens) --------------------------------------------

    def line_points(self) -> list[Decimal]:
        """Every explanation line's points, as shown."""
        tree = self.ui.linesTree
        out = []
        for i in range(tree.topLevelItemCount()):
            top = tree.topLevelItem(i)
            for k in range(top.childCount()):
                out.append(Decimal(top.child(k).text(3)))
        return out

    def shown_total(self) -> Decimal | None:
        tree = self.ui.linesTree
        count = tree.topLevelItemCount()
        if not count:
            return None
        return Decimal(tree.topLevelItem(count - 1).text(3))

    # -- export ------------------------------------------------------------------------------

    def _file_name(self, suffix: str) -> str:
        d = self.detail
        assert d is not None and d.member is not None
        return f"{d.member.name}-{period_text(d.year, d.quarter, d.kind).replace(' ', '')}积分明细{suffix}"

    def export_text(self) -> None:
        from desktop.gui.roster_files import ask_save_path

        if self.detail is None or self.detail.member is None:
            return
        path = ask_save_path(
            self, "导出积分明细", self._file_name(".txt"), "文本文件 (*.txt)", ".txt"
        )
        if path is None:
            return
        try:
            # utf-8-sig: Windows Notepad and WPS open it as Chinese without asking.
            path.write_text(detail_text(self.detail), encoding="utf-8-sig")
        except OSError as exc:
            QMessageBox.warning(self, "没有保存", f"写不进文件 {path}：{exc.strerror or exc}")
            return
        QMessageBox.information(self, "已导出", f"积分明细已保存到：\n{path}")

    def print_pdf(self) -> Any:
        """The A4 积分明细 in the print preview (打印, or 另存为 PDF from there)."""
        from desktop.gui.print_preview import preview_pdf

        detail = self.detail
        if detail is None or detail.member is None:
            return None
        rows = detail_rows(detail)

        def write(own: Any, path: Path) -> Path:
            from desktop.paper.score_detail import write_score_detail

            write_score_detail(path, own.branch(), rows)
            return path

        return preview_pdf(
            self,
            self.book.path,
            write,
            title="打印积分明细",
            file_name=self._file_name(".pdf"),
            label="正在生成积分明细…",
        )


def detail_rows(detail: Detail) -> dict[str, Any]:
    """Plain data for the printed 积分明细 (desktop.paper takes strings only)."""
    m = detail.member
    sections = []
    for name, subtotal, lines in grouped_lines(m, detail.as_of):
        sections.append(
            {
                "name": name,
                "subtotal": fmt_points(subtotal),
                "lines": [[ln.date, ln.fact, ln.rule, signed(ln.points)] for ln in lines],
            }
        )
    return {
        "name": m.name,
        "code": m.code,
        "group": m.group or "未分组",
        "status": m.status,
        "period": period_text(detail.year, detail.quarter, detail.kind),
        "scheme": detail.scheme_title,
        "as_of": detail.as_of,
        "total": fmt_points(m.total),
        "rating": rating_text(detail),
        "flags": [f.text for f in m.flags],
        "sections": sections,
    }


def _member_row(book: Any, code: str) -> dict[str, Any]:
    from desktop.book.errors import BookError

    try:
        return dict(book.roster.find(code))
    except BookError:  # an unknown code shows as itself; the scoring says why there are no points
        return {"code": code}


def show_score_detail(
    parent: QWidget | None, book: Any, member_code: str, year: int, quarter: int | None = None
) -> ScoreDetail:
    """Open a member's 积分明细 (modal) and return the dialog after it closes."""
    dialog = ScoreDetail(book, member_code, year, quarter, parent)
    dialog.exec()
    return dialog
