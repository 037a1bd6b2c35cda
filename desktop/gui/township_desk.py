"""乡镇审核台: the township reviews its branches' packs without touching them.

Choose a folder or drive; the scan (desktop.book.township.scan) runs on a worker thread with
a progress bar; one row per branch with the figures, flags and the pack's state. Double-click
opens a branch's book read-only from a copy in a temporary folder. The summary prints and
exports as PDF or xlsx; 记录审核意见… writes the 审核回执 beside the pack (the only file the
desk ever writes there, and only when asked).
"""

from __future__ import annotations

import shutil
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QTableWidgetItem,
    QWidget,
)

from desktop.book.errors import BookError
from desktop.book.township import STATE_COLUMN, SUMMARY_HEADERS, PackRow, Summary, row_cells
from desktop.gui.forms.ui_decision_dialog import Ui_DecisionDialog
from desktop.gui.forms.ui_township_desk import Ui_TownshipDesk
from desktop.gui.handover_dialog import Progress
from desktop.gui.screen_fit import fit_within_screen
from desktop.gui.worker import run_in_background

ATTENTION_COLUMN = len(SUMMARY_HEADERS) - 1
ALTERED_COLOR = QColor("#c00000")
UNREADABLE_COLOR = QColor("#a05a00")
FLAG_COLOR = QColor("#fff4d6")
_Index = QModelIndex | QPersistentModelIndex


class PackTableModel(QAbstractTableModel):
    """One row per branch: `township.row_cells`, coloured by the pack's state."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[PackRow] = []
        self._cells: list[list[str]] = []

    def set_rows(self, rows: list[PackRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self._cells = [row_cells(r) for r in self.rows]
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(SUMMARY_HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return SUMMARY_HEADERS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        text = self._cells[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == ATTENTION_COLUMN and text != "—":
                # The count only: each item in the tooltip and in the pane below.
                return f"{len(text.split('；'))} 项"
            return text
        if role == Qt.ItemDataRole.ToolTipRole:
            if index.column() == STATE_COLUMN and row.check.problem:
                return row.check.problem
            return text.replace("；", "\n")
        if role == Qt.ItemDataRole.ForegroundRole and not row.check.ok:
            return ALTERED_COLOR if row.check.state.startswith("被改动") else UNREADABLE_COLOR
        if role == Qt.ItemDataRole.BackgroundRole and row.flags:
            return FLAG_COLOR if index.column() == ATTENTION_COLUMN else None
        return None


def detail_text(row: PackRow) -> str:
    """What the pane under the table says about one branch's pack."""
    m, fig = row.manifest, row.figures
    lines = [f"{row.branch}　{row.year or ''}年度　报送包：{row.check.path}"]
    lines.append(f"状态：{row.check.state}")
    if row.check.problem:
        lines.append(f"问题：{row.check.problem}")
    if m:
        made = str(m.get("made_at", "")).replace("T", " ")
        lines.append(
            f"经办人：{m.get('operator') or '未填写'}　制作于 {made}　程序版本 {m.get('program_version', '')}"
            + ("　账本和工作簿已加密" if m.get("encrypted") else "")
        )
        for q in m.get("quarters", []):
            lines.append(f"{q['label']}　校验码 {q['check_code']}")
    if fig:
        for q in fig.get("quarters", []):
            pub = (
                f"，公示 {q['publicity_start']} 至 {q['publicity_end']}"
                if q.get("publicity_start")
                else ""
            )
            label = q.get("label") or f"第{q['quarter']}季度"  # packs made before cycles
            lines.append(f"{label}：{q['state_text']}{pub}")
        if fig.get("quotas"):
            lines.append(
                "名额：" + "；".join(f"{q['level']} {q['used']} 名" for q in fig["quotas"])
            )
        if fig.get("high_stars"):
            stars = "、".join(f"{s['name']}（{s['stars']}星）" for s in fig["high_stars"])
            lines.append(f"四星、五星党员：{stars}")
        if fig.get("awaiting"):
            waiting = "、".join(f"{s['name']}（拟评{s['result']}）" for s in fig["awaiting"])
            lines.append(f"待上级审批：{waiting}")
        if fig.get("awaiting_claims"):
            lines.append("待上级审定的积分申报：" + claims_text(fig["awaiting_claims"]))
        for k, n in (fig.get("followups") or {}).items():
            lines.append(f"结果运用：{k}　{n} 人")
    if row.flags:
        lines.append("需关注：")
        lines += [f"　· {f}" for f in row.flags]
    lines += row.notes
    return "\n".join(lines)


def claims_text(claims: list[dict[str, Any]]) -> str:
    """「第12号 王一 重点工作…3分」、…"""
    return "、".join(f"第{c['claim_id']}号 {c['name']} {c['item']}{c['points']}分" for c in claims)


class TownshipDesk(QDialog):
    """The township desk window (a dialog so the first-run wizard can run it modally)."""

    scanned = Signal(object)  # the Summary

    def __init__(self, parent: QWidget | None = None, folder: Path | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_TownshipDesk()
        self.ui.setupUi(self)
        fit_within_screen(self)  # no taller or wider than the screen's free area
        self.setWindowFlags(
            Qt.WindowType.Window
            | Qt.WindowType.WindowMinMaxButtonsHint
            | Qt.WindowType.WindowCloseButtonHint
        )
        self.folder: Path | None = None
        self.summary: Summary | None = None
        self.job: Any = None
        self.opened: list[Any] = []  # read-only book windows (kept alive here)
        self.model = PackTableModel(self)
        table = self.ui.packTable
        table.setModel(self.model)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # 需关注 (last on paper, where it has room) stands next to the state on screen.
        header.moveSection(ATTENTION_COLUMN, STATE_COLUMN + 1)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.doubleClicked.connect(lambda _i: self.open_selected())
        table.selectionModel().selectionChanged.connect(lambda *_a: self._selected())
        self.ui.splitter.setSizes([480, 160])
        self.progress = Progress(self)
        self.progress.changed.connect(self._progress, Qt.ConnectionType.QueuedConnection)
        self.ui.chooseButton.clicked.connect(lambda: self.choose())
        self.ui.rescanButton.clicked.connect(lambda: self.scan())
        self.ui.passwordEdit.returnPressed.connect(lambda: self.scan())
        self.ui.openButton.clicked.connect(lambda: self.open_selected())
        self.ui.decisionButton.clicked.connect(lambda: self.record_decision())
        self.ui.printButton.clicked.connect(lambda: self.print_summary())
        self.ui.exportButton.clicked.connect(lambda: self.export_summary())
        self.ui.closeButton.clicked.connect(self.close)
        self.ui.progressBar.setVisible(False)
        self.ui.folderLabel.setText("还没有选择文件夹。")
        self._update_buttons()
        if folder is not None:
            self.scan(folder)

    # -- scanning ---------------------------------------------------------------------------

    def choose(self) -> Any:
        chosen = QFileDialog.getExistingDirectory(self, "选择装有报送包的U盘或文件夹", "")
        if not chosen:
            return None
        return self.scan(Path(chosen))

    def scan(self, folder: Path | None = None) -> Any:
        from desktop.book.township import scan

        if folder is not None:
            self.folder = Path(folder)
        if self.folder is None:
            return self.choose()
        where = self.folder
        self.ui.folderLabel.setText(f"文件夹：{where}")
        password = self.ui.passwordEdit.text()
        self.ui.progressBar.setVisible(True)
        self.ui.progressBar.setValue(0)
        self._busy(True)
        self.job = run_in_background(
            self,
            lambda: scan(
                [where], passwords=[password] if password else [], progress=self.progress.report
            ),
            on_done=self._scanned,
            on_error=self._failed,
            label="正在核对报送包…",
        )
        return self.job

    def _progress(self, percent: int, text: str) -> None:
        self.ui.progressBar.setValue(percent)
        self.ui.statusLabel.setText(text)

    def _busy(self, busy: bool) -> None:
        for w in (self.ui.chooseButton, self.ui.rescanButton, self.ui.passwordEdit):
            w.setEnabled(not busy)

    def _scanned(self, summary: Summary) -> None:
        from desktop.book.township import totals, totals_text

        self._busy(False)
        self.summary = summary
        self.model.set_rows(summary.rows)
        self.ui.packTable.resizeColumnsToContents()
        for col, width in ((0, 170), (STATE_COLUMN, 200)):
            self.ui.packTable.setColumnWidth(col, width)
        if summary.problem:
            self.ui.statusLabel.setText(summary.problem)
        else:
            self.ui.statusLabel.setText("合计：" + totals_text(totals(summary)) + "。")
        if summary.rows:
            self.ui.packTable.selectRow(0)
        else:
            self.ui.detailText.setPlainText("")
        self._update_buttons()
        self.scanned.emit(summary)

    def _failed(self, exc: BaseException) -> None:
        self._busy(False)
        if isinstance(exc, BookError | OSError):
            self.ui.statusLabel.setText(f"核对没有完成：{exc}")
        else:
            from desktop.gui.error_handler import report_exception

            report_exception(exc, parent=self)

    # -- the selected branch ----------------------------------------------------------------

    def selected_row(self) -> PackRow | None:
        rows = self.ui.packTable.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def _selected(self) -> None:
        row = self.selected_row()
        self.ui.detailText.setPlainText(detail_text(row) if row else "")
        self._update_buttons()

    def _update_buttons(self) -> None:
        row = self.selected_row()
        self.ui.openButton.setEnabled(row is not None and row.check.ok)
        self.ui.decisionButton.setEnabled(row is not None and row.check.ok)
        has = bool(self.summary and self.summary.rows)
        self.ui.printButton.setEnabled(has)
        self.ui.exportButton.setEnabled(has)
        self.ui.rescanButton.setEnabled(self.folder is not None)

    def open_selected(self) -> Any:
        """Open the selected branch's book read-only from a copy (never from the stick)."""
        row = self.selected_row()
        if row is None:
            return None
        if not row.check.ok:
            QMessageBox.warning(
                self, "不能打开", f"这个报送包{row.check.state}，不能打开其中的账本。"
            )
            return None
        password = self.ui.passwordEdit.text() or None
        return run_in_background(
            self,
            lambda: copy_for_review(row.check.path, row.manifest, password),
            on_done=lambda path: self._show_book(path, row),
            on_error=self._open_failed,
            label="正在打开账本副本…",
        )

    def _open_failed(self, exc: BaseException) -> None:
        if isinstance(exc, BookError):
            from desktop.gui.error_handler import show_book_error

            show_book_error(self, exc, "不能打开账本")
        else:
            from desktop.gui.error_handler import report_exception

            report_exception(exc, parent=self)

    def _show_book(self, path: Path, row: PackRow) -> None:
        from desktop.gui.review_window import open_for_review

        window = open_for_review(path, f"{row.branch}的报送包（{row.check.path.name}）")
        self.opened.append(window)

    # -- decision, print, export ------------------------------------------------------------

    def record_decision(self) -> Any:
        row = self.selected_row()
        if row is None:
            return None
        dialog = DecisionDialog(row, self.ui.passwordEdit.text() or None, self)
        dialog.open()
        return dialog

    def _summary_file(self, out: Path) -> Path:
        from desktop.book.township import write_summary_file

        assert self.summary is not None
        return write_summary_file(self.summary, out, printed_on=date.today().isoformat())

    def print_summary(self) -> Any:
        """Print preview of the 汇总表 (PDF written to a temporary folder)."""
        from desktop.gui.print_preview import prepare_pdf, show_preview

        if self.summary is None:
            return None
        summary = self.summary

        def work() -> Any:
            from desktop.book.township import write_summary_file

            folder = Path(tempfile.mkdtemp(prefix="pioneer-township-"))
            out = write_summary_file(
                summary, folder / "乡镇审核汇总表.pdf", printed_on=date.today().isoformat()
            )
            return prepare_pdf(out, temp_dir=folder)

        return run_in_background(
            self,
            work,
            on_done=lambda prepared: show_preview(
                self, prepared, "打印汇总表", "乡镇审核汇总表.pdf", self._export_xlsx
            ),
            label="正在生成汇总表…",
        )

    def _export_xlsx(self, path: Path) -> Path:
        return self._summary_file(Path(path))

    def export_summary(self, out: Path | None = None) -> Path | None:
        """导出汇总表…: PDF or xlsx, where the user chooses."""
        if self.summary is None:
            return None
        if out is None:
            chosen, _f = QFileDialog.getSaveFileName(
                self,
                "导出汇总表",
                f"乡镇审核汇总表-{date.today():%Y%m%d}.xlsx",
                "Excel 工作簿 (*.xlsx);;PDF 文件 (*.pdf)",
            )
            if not chosen:
                return None
            out = Path(chosen)
        try:
            written = self._summary_file(out)
        except (BookError, OSError) as exc:
            QMessageBox.warning(self, "没有导出", str(exc))
            return None
        QMessageBox.information(self, "已导出", f"汇总表已保存：\n{written}")
        return written

    def closeEvent(self, event: Any) -> None:
        from shiboken6 import isValid

        for window in self.opened:
            if isValid(window):  # a review window deletes itself when closed
                window.close()
        self.opened.clear()
        super().closeEvent(event)


def copy_for_review(pack: Path, manifest: dict[str, Any], password: str | None) -> Path:
    """On a worker thread: the pack's backup as a plain book in a new temporary folder."""
    from desktop.book.pack import plain_backup

    folder = Path(tempfile.mkdtemp(prefix="pioneer-review-"))
    try:
        plain = plain_backup(pack, manifest, password, folder)
        target = folder / "报送账本（只读副本）.db"
        if plain.parent == folder:
            plain.replace(target)
        else:
            shutil.copyfile(plain, target)
        return target
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise


class DecisionDialog(QDialog):
    """记录审核意见: 通过/退回修改, the opinion, the reviewer, each four/five-star member and
    each claim sent above the branch approved or not (with a reason); writes the 审核回执
    beside the pack (the same receipt as `township approve`)."""

    written = Signal(object)  # the receipt's path

    def __init__(self, row: PackRow, password: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_DecisionDialog()
        self.ui.setupUi(self)
        fit_within_screen(self)  # no taller or wider than the screen's free area
        self.row = row
        self.password = password
        self.path: Path | None = None
        from desktop.book.receipt import earlier_receipts, receipt_text

        # Decided already in a receipt beside this pack: said, and left 暂不审批 by default.
        self.earlier = earlier_receipts(row.check.path)
        head = f"{row.branch}　{row.year}年度　报送包 {row.check.path.name}（{row.check.state}）"
        for d in self.earlier:
            head += f"\n此前已为这份报送包写过审核回执 {d['file']}：{receipt_text(d)}。"
        self.ui.packLabel.setText(head)
        decided_stars = {s["code"] for d in self.earlier for s in d.get("stars", [])}
        self.decided_claims = {
            int(c["claim_id"]): f"此前回执已{c['decision']}"
            + (f"（{c['reason']}）" if c["reason"] else "")
            for d in self.earlier
            for c in d.get("claims", [])
        }
        stars = row.figures.get("awaiting") or []
        t = self.ui.starsTable
        t.setColumnCount(4)
        # Short header: 「理由（不批准时必填）」 was cut at the dialog's size; the field says it.
        t.setHorizontalHeaderLabels(["姓名", "拟评结果", "审批", "不批准的理由"])
        t.setRowCount(len(stars))
        self.choices: list[tuple[str, QComboBox, QLineEdit]] = []
        for i, s in enumerate(stars):
            t.setItem(i, 0, QTableWidgetItem(s["name"]))
            t.setItem(i, 1, QTableWidgetItem(s["result"]))
            combo = QComboBox()
            combo.addItems(["批准", "不批准", "暂不审批"])
            reason = QLineEdit()
            reason.setPlaceholderText("不批准时必填")
            if s["code"] in decided_stars:
                combo.setCurrentText("暂不审批")
                reason.setPlaceholderText("此前回执已有决定")
            t.setCellWidget(i, 2, combo)
            t.setCellWidget(i, 3, reason)
            self.choices.append((s["code"], combo, reason))
        t.setVisible(bool(stars))
        self.ui.noStarsLabel.setVisible(not stars)
        self.claim_choices = self._fill_claims(row.figures.get("awaiting_claims") or [])
        self.ui.problemLabel.setVisible(False)
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText("保存审核回执")
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        self.ui.buttonBox.accepted.connect(self.save)
        self.ui.buttonBox.rejected.connect(self.reject)

    def _fill_claims(self, claims: list[dict[str, Any]]) -> list[tuple[int, QComboBox, QLineEdit]]:
        """积分申报 the pack reports as 待审批 above the branch (街道 突出事迹 …), each
        approved or refused (with a reason) or left for later, by 申报记录号."""
        t = self.ui.claimsTable
        headers = ["记录号", "姓名", "日期", "申报项目", "分值", "事由", "审批", "不批准的理由"]
        t.setColumnCount(len(headers))
        t.setHorizontalHeaderLabels(headers)
        t.setRowCount(len(claims))
        out: list[tuple[int, QComboBox, QLineEdit]] = []
        for i, c in enumerate(claims):
            cells = [str(c["claim_id"]), c["name"], c.get("date", ""), c["item"],
                     str(c["points"]), c.get("reason", "")]  # fmt: skip
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(f"{text}\n须{c['body']}审定（{c['step']}）")
                t.setItem(i, col, item)
            combo = QComboBox()
            combo.addItems(["批准", "不批准", "暂不审批"])
            reason = QLineEdit()
            reason.setPlaceholderText("不批准的理由")
            earlier = self.decided_claims.get(int(c["claim_id"]))
            if earlier:
                combo.setCurrentText("暂不审批")
                reason.setPlaceholderText(earlier)
                combo.setToolTip(earlier)
            t.setCellWidget(i, 6, combo)
            t.setCellWidget(i, 7, reason)
            out.append((int(c["claim_id"]), combo, reason))
        # Fixed widths so the reason (last, stretched) stays in view at the dialog's size;
        # the long item names and 事由 are whole in their tooltips.
        for col, width in enumerate((52, 64, 92, 170, 46, 150, 100)):
            t.setColumnWidth(col, width)
        self.ui.claimsLabel.setVisible(bool(claims))
        t.setVisible(bool(claims))
        return out

    def receipt_path(self) -> Path:
        pack = self.row.check.path
        return (
            pack.parent / f"审核回执-{self.row.branch}-{self.row.year}-{date.today():%Y%m%d}.json"
        )

    def save(self) -> Path | None:
        from desktop.book.receipt import approve_pack, write_receipt

        approve = [code for code, combo, _r in self.choices if combo.currentText() == "批准"]
        refuse = {
            code: reason.text()
            for code, combo, reason in self.choices
            if combo.currentText() == "不批准"
        }
        approve_claims = [n for n, combo, _r in self.claim_choices if combo.currentText() == "批准"]
        refuse_claims = {
            n: reason.text()
            for n, combo, reason in self.claim_choices
            if combo.currentText() == "不批准"
        }
        try:
            data = approve_pack(
                self.row.check.path,
                by=self.ui.reviewerEdit.text(),
                opinion=self.ui.opinionEdit.toPlainText(),
                approve=approve,
                refuse=refuse,
                returned=self.ui.returnRadio.isChecked(),
                password=self.password,
                approve_claims=approve_claims,
                refuse_claims=refuse_claims,
            )
            base = out = self.receipt_path()
            n = 1
            while out.exists():  # a second decision on the same day keeps the first
                n += 1
                out = base.with_name(f"{base.stem}-{n}.json")
            self.path = write_receipt(data, out)
        except BookError as exc:
            lines = getattr(exc, "lines", None)
            self.ui.problemLabel.setText("\n".join([str(exc), *(lines() if lines else [])]))
            self.ui.problemLabel.setVisible(True)
            return None
        except OSError as exc:
            self.ui.problemLabel.setText(
                f"回执没有写成：{exc.strerror or exc}。U盘是只读的或已拔出？请换一个位置保存。"
            )
            self.ui.problemLabel.setVisible(True)
            return None
        self.written.emit(self.path)
        QMessageBox.information(
            self,
            "审核回执已保存",
            f"审核回执已保存在报送包旁边：\n{self.path}\n\n请把它交回支部，在“备份与恢复 → 导入乡镇审核回执…”中导入。",
        )
        self.accept()
        return self.path


def open_township_desk(parent: QWidget | None = None, folder: Path | None = None) -> TownshipDesk:
    desk = TownshipDesk(parent, folder)
    desk.show()
    return desk


def run_township_desk() -> None:
    """The desk on its own (the first-run wizard's 乡镇（街道）审核): until it is closed."""
    desk = TownshipDesk(None)
    desk.exec()
