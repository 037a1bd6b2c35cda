"""导入党员名册: choose a workbook → map its columns if they differ → preview → import.

Reading and checking a workbook runs off the UI thread (a big ledger must not freeze the
window); each job opens its own `Book` from the book's path, since an sqlite connection
belongs to the thread that opened it. The import itself is all-or-nothing and the book layer
backs the book up first. Nothing here knows the rules: problems come from the book/sheets layers.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHeaderView,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QTableWidgetItem,
    QWidget,
)

from desktop.gui.fields import show_error
from desktop.gui.forms.ui_import_dialog import Ui_ImportDialog
from desktop.gui.screen_fit import fit_within_screen
from desktop.rules.dates import date_cn

ROSTER_SHEET = "党员名册"
IGNORE = "（不导入）"

PAGE_FILE, PAGE_MAPPING, PAGE_PREVIEW = 0, 1, 2
STEP_TITLES = {
    PAGE_FILE: "第 1 步：选择工作簿",
    PAGE_MAPPING: "第 2 步：核对列的对应关系",
    PAGE_PREVIEW: "第 3 步：预览并导入",
}
# Preview columns for member rows, in the roster's order (keys may be field keys or headers).
PREVIEW_HEADERS = {
    "code": "编号",
    "name": "姓名",
    "gender": "性别",
    "ethnicity": "民族",
    "birth_date": "出生日期",
    "id_card": "身份证号",
    "id_card_masked": "身份证号",
    "phone": "手机号码",
    "education": "学历",
    "status": "人员类别",
    "joined_date": "入党时间",
    "confirmed_date": "转正时间",
    "group": "党小组",
    "mobile": "流动党员",
    "exempt": "免考",
    "leader": "党员领导干部",
    "left_date": "离开日期",
    "left_reason": "离开原因",
    "note": "备注",
}
HIDDEN_PREVIEW_KEYS = {"id", "row", "active", "id_card_masked"}
#: The most a list of notices or problems takes (px) before it scrolls: with both lists full
#: the preview keeps its room on a 1366×768 screen at 125% (about 1093×560 free).
LIST_MOST = 150


def roster_columns() -> tuple[str, ...]:
    from desktop.sheets.columns import SHEETS

    return SHEETS[ROSTER_SHEET].names


def roster_required() -> tuple[str, ...]:
    from desktop.sheets.columns import SHEETS

    return SHEETS[ROSTER_SHEET].required


def needs_mapping(headers: list[str]) -> bool:
    """True when the roster sheet's headers are not all contract column names."""
    columns = set(roster_columns())
    return any(header not in columns for header in headers)


def _display(value: Any) -> str:
    if value is None:
        return ""
    if value is True:
        return "是"
    if value is False:
        return "否"
    return str(value)


class ImportDialog(QDialog):
    """Runs the three steps. `exec()` returns Accepted once the import has been written."""

    def __init__(self, book: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.book = book
        self.ui = Ui_ImportDialog()
        self.ui.setupUi(self)
        fit_within_screen(self)  # no taller or wider than the screen's free area
        self.path: Path | None = None
        self.headers: dict[str, list[str]] = {}
        self.roster_sheet: str | None = None  # the roster sheet's name in the file
        self.mapping_shown = False
        self._conflicts: dict[str, list[str]] = {}
        self.plan: Any = None
        self.imported: Any = None
        self._busy = False
        self._job: Any = None

        mapping_header = self.ui.mappingTable.horizontalHeader()
        mapping_header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        mapping_header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.ui.mappingTable.verticalHeader().setDefaultSectionSize(36)
        self.ui.previewTable.verticalHeader().setDefaultSectionSize(30)
        self.ui.previewTable.horizontalHeader().setStretchLastSection(True)
        self.ui.problemsList.setMaximumHeight(LIST_MOST)
        # A problem line says sheet, row, column and what to do: wrap it rather than cut it.
        self.ui.problemsList.setWordWrap(True)
        self.ui.problemsList.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self.ui.copyProblemsButton.clicked.connect(self.copy_problems)
        self.ui.saveProblemsButton.clicked.connect(self.save_problems)
        self.ui.printProblemsButton.clicked.connect(self.print_problems)
        self.ui.goodRowsButton.clicked.connect(self.import_good_rows)
        self.good: Any = None  # the rows that are right, once split off (GoodRows)
        self.ui.browseButton.clicked.connect(self.choose_file)
        self.ui.backButton.clicked.connect(self.back)
        self.ui.nextButton.clicked.connect(self.next)
        self.ui.importButton.clicked.connect(self.do_import)
        self.ui.cancelButton.clicked.connect(self.reject)
        self._go(PAGE_FILE)

    # -- navigation ------------------------------------------------------------------------

    def page(self) -> int:
        return self.ui.stack.currentIndex()

    def _go(self, page: int) -> None:
        self.ui.stack.setCurrentIndex(page)
        self.ui.stepLabel.setText(STEP_TITLES[page])
        self._update_buttons()

    def _update_buttons(self) -> None:
        page = self.page()
        busy = self._busy
        self.ui.browseButton.setEnabled(not busy)
        self.ui.backButton.setVisible(page != PAGE_FILE)
        self.ui.backButton.setEnabled(not busy)
        self.ui.nextButton.setVisible(page != PAGE_PREVIEW)
        self.ui.importButton.setVisible(page == PAGE_PREVIEW)
        if page == PAGE_FILE:
            self.ui.nextButton.setEnabled(not busy and bool(self.headers))
        elif page == PAGE_MAPPING:
            self.ui.nextButton.setEnabled(not busy and not self._mapping_problems())
        ready = self.plan is not None and not self.plan.problems and self._rows_to_add() > 0
        self.ui.importButton.setEnabled(not busy and ready)
        self.ui.importButton.setDefault(page == PAGE_PREVIEW)
        self.ui.nextButton.setDefault(page != PAGE_PREVIEW)
        self.ui.cancelButton.setEnabled(not busy)

    def _set_busy(self, busy: bool, text: str = "") -> None:
        self._busy = busy
        self.ui.progressBar.setVisible(busy)
        self.ui.busyLabel.setText(text if busy else "")
        self._update_buttons()

    def back(self) -> None:
        if self.page() == PAGE_PREVIEW and self.mapping_shown:
            self._go(PAGE_MAPPING)
        else:
            self._go(PAGE_FILE)

    def next(self) -> None:
        if self.page() == PAGE_FILE:
            if self.roster_sheet and needs_mapping(self.headers[self.roster_sheet]):
                self._fill_mapping()
                self.mapping_shown = True
                self._go(PAGE_MAPPING)
            else:
                self.mapping_shown = False
                self.check_workbook()
        elif self.page() == PAGE_MAPPING:
            self.check_workbook()

    def reject(self) -> None:
        if self._busy:
            return  # the worker is writing or reading; closing now would hide its result
        super().reject()

    # -- step 1: the file ------------------------------------------------------------------

    def choose_file(self) -> None:
        start = str(self.path.parent) if self.path else ""
        chosen, _ = QFileDialog.getOpenFileName(
            self, "选择要导入的工作簿", start, "Excel 工作簿 (*.xlsx);;所有文件 (*)"
        )
        if chosen:
            self.load_file(Path(chosen))

    def load_file(self, path: Path) -> None:
        """Read the workbook's sheet headers in the background, then offer the next step."""
        from desktop.gui.worker import run_in_background

        self.path = Path(path)
        self.headers = {}
        self.roster_sheet = None
        self.plan = None
        self.ui.fileEdit.setText(str(self.path))
        show_error(self.ui.fileStatus, None)
        self._set_busy(True, "正在读取工作簿…")

        def job() -> dict[str, list[str]]:
            from desktop.sheets.reader import sheet_headers

            return sheet_headers(self.path)

        self._job = run_in_background(
            self, job, self._headers_read, self._file_refused, label="正在读取工作簿…"
        )

    def _headers_read(self, headers: dict[str, list[str]]) -> None:
        from desktop.sheets.reader import roster_sheet_of

        self._set_busy(False)
        self.headers = headers
        # A township 花名册 is called whatever its maker called it: take the sheet whose
        # headers fit the roster (the reader does the same for the CLI).
        self.roster_sheet = roster_sheet_of(headers)
        if self.roster_sheet is None and len(headers) == 1:
            self.roster_sheet = next(iter(headers))
        self.ui.fileStatus.setProperty("role", "hint")
        self.ui.fileStatus.style().polish(self.ui.fileStatus)
        names = "、".join(f"“{name}”" for name in headers) or "（无）"
        if self.roster_sheet:
            columns = len(headers[self.roster_sheet])
            text = f"工作簿中的工作表：{names}。将从“{self.roster_sheet}”读取党员（{columns} 列）。"
        else:
            text = f"工作簿中的工作表：{names}。"
        self.ui.fileStatus.setText(text)
        self.ui.fileStatus.setVisible(True)
        self._update_buttons()
        self.ui.nextButton.setFocus()

    def _file_refused(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.headers = {}
        if not _is_expected_error(exc):
            from desktop.gui.error_handler import report_exception

            report_exception(exc, parent=self)
            return
        self.ui.fileStatus.setProperty("role", "error")
        self.ui.fileStatus.style().polish(self.ui.fileStatus)
        show_error(self.ui.fileStatus, f"不能导入这个文件：{exc}")
        self._update_buttons()

    # -- step 2: column mapping ------------------------------------------------------------

    def _fill_mapping(self) -> None:
        from desktop.sheets.reader import mapping_conflicts, suggest_mapping

        assert self.roster_sheet is not None
        headers = self.headers[self.roster_sheet]
        suggested = suggest_mapping(headers, ROSTER_SHEET)
        # A mapping chosen before for a file with the same headers is taken again.
        remembered = remembered_mapping(headers) or {}
        remembered = {h: (IGNORE if t is None else t) for h, t in remembered.items()}
        # Equally likely headers are left for the user to choose, and said so.
        self._conflicts = mapping_conflicts(headers, ROSTER_SHEET)
        table = self.ui.mappingTable
        table.setRowCount(len(headers))
        choices = [IGNORE, *roster_columns()]
        required = set(roster_required())
        for row, header in enumerate(headers):
            item = QTableWidgetItem(header)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            table.setItem(row, 0, item)
            combo = QComboBox(table)
            for choice in choices:
                combo.addItem(f"{choice} *" if choice in required else choice, choice)
            target = remembered.get(header, suggested.get(header))
            combo.setCurrentIndex(max(combo.findData(target), 0) if target else 0)
            combo.currentIndexChanged.connect(self._mapping_changed)
            table.setCellWidget(row, 1, combo)
        self._mapping_changed()

    def mapping_combo(self, header: str) -> QComboBox | None:
        table = self.ui.mappingTable
        for row in range(table.rowCount()):
            if table.item(row, 0).text() == header:
                widget = table.cellWidget(row, 1)
                return widget if isinstance(widget, QComboBox) else None
        return None

    def mapping(self) -> dict[str, str | None]:
        """{header in the file → contract column, or None to leave the column out}."""
        result: dict[str, str | None] = {}
        table = self.ui.mappingTable
        for row in range(table.rowCount()):
            combo = table.cellWidget(row, 1)
            assert isinstance(combo, QComboBox)
            target = combo.currentData()
            result[table.item(row, 0).text()] = None if target == IGNORE else target
        return result

    def _mapping_problems(self) -> list[str]:
        if self.ui.mappingTable.rowCount() == 0:
            return []
        targets = [t for t in self.mapping().values() if t]
        problems = []
        doubled = sorted({t for t in targets if targets.count(t) > 1}, key=targets.index)
        for target in doubled:
            problems.append(f"“{target}”被选了不止一次，每个名册字段只能对应一列。")
        for required in roster_required():
            if required not in targets:
                problems.append(f"还没有哪一列对应“{required}”（必填）。")
        return problems

    def _mapping_notes(self) -> list[str]:
        """Columns several headers could be, while none of them is chosen (not blocking: the
        user may want neither)."""
        from desktop.sheets.reader import conflict_message

        if self.ui.mappingTable.rowCount() == 0:
            return []
        targets = set(self.mapping().values())
        return [
            conflict_message(t, hs).replace("请删去或改名其一", "请在下面选定其一，或都不导入")
            for t, hs in self._conflicts.items()
            if t not in targets
        ]

    def _mapping_changed(self, *_args: Any) -> None:
        problems = self._mapping_problems() + self._mapping_notes()
        show_error(self.ui.mappingStatus, "\n".join(problems) if problems else None)
        self._update_buttons()

    # -- step 3: check and preview ---------------------------------------------------------

    def check_workbook(self) -> None:
        """Read and check the whole workbook against the book, in the background."""
        from desktop.gui.worker import run_in_background

        assert self.path is not None
        mappings = {ROSTER_SHEET: self.mapping()} if self.mapping_shown else None
        if mappings and self.roster_sheet:
            remember_mapping(self.headers[self.roster_sheet], mappings[ROSTER_SHEET])
        aliases = (
            {self.roster_sheet: ROSTER_SHEET}
            if self.roster_sheet and self.roster_sheet != ROSTER_SHEET
            else None
        )
        book_path = Path(self.book.path)
        path = self.path
        self.plan = None
        self.good = None
        self._set_busy(True, "正在检查工作簿…")

        def job() -> Any:
            from desktop.book.interchange import read_for_import
            from desktop.book.store import Book

            with Book.open(book_path) as own:
                return read_for_import(own, path, mappings=mappings, sheet_aliases=aliases)

        self._job = run_in_background(
            self, job, self._show_plan, self._check_failed, label="正在检查工作簿…"
        )

    def _check_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if not _is_expected_error(exc):
            from desktop.gui.error_handler import report_exception

            report_exception(exc, parent=self)
            return
        # A file that cannot be read at all: back to step 1 with the reason beside the file.
        self._go(PAGE_FILE)
        self._file_refused(exc)

    def _rows_to_add(self) -> int:
        if self.plan is None:
            return 0
        return sum(int(n) for n in (self.plan.counts or {}).values())

    def _show_plan(self, plan: Any) -> None:
        self._set_busy(False)
        self.plan = plan
        ui = self.ui
        counts = plan.counts or {}
        if counts:
            summary = "，".join(f"{label} {n}" for label, n in counts.items())
        else:
            summary = "没有可导入的内容"
        unchanged = list(getattr(plan, "unchanged", []) or [])
        if unchanged:
            summary += f"（另有 {len(unchanged)} 人已在名册中，不再导入）"
        problems = list(plan.problems or [])
        # Notices (rows skipped, differing records, 备注 words…) go in a list that scrolls:
        # 20 differing rows in the label pushed the preview off a 768-px screen.
        # Columns left out of the other sheets are said as `import` says them (the roster's
        # were chosen on the mapping page, so none is said twice).
        columns = plan.column_notes() if hasattr(plan, "column_notes") else []
        self._fill_notes([str(n) for n in [*columns, *(getattr(plan, "read_notes", []) or [])]])
        ui.problemsList.clear()
        self.good = self._good_rows(plan) if problems else None
        if problems:
            ui.summaryLabel.setText(f"工作簿中：{summary}。")
            offer = ""
            if self.good is not None:
                n = len(self.good.plan.members)
                offer = (
                    f"也可以先导入无误的 {n} 人：点“只导入无误的行…”，有问题的 "
                    f"{len(self.good.refused)} 行连同“问题”列另存为一个工作簿，改正后再导入。"
                )
            ui.problemsLabel.setText(
                f"发现 {len(problems)} 个问题，请在 Excel/WPS 中改正后重新选择文件；"
                "改正之前不会导入任何内容，账本保持不变。" + offer
            )
            for line in problems:
                item = QListWidgetItem(str(line))
                item.setToolTip(str(line))
                ui.problemsList.addItem(item)
        elif not counts and unchanged:
            ui.summaryLabel.setText(
                f"检查通过。名册中的 {len(unchanged)} 人都已在账本中，没有新的党员要导入，"
                "账本不变。"
            )
        else:
            ui.summaryLabel.setText(f"检查通过。将导入：{summary}。导入前会自动备份账本。")
            ui.problemsLabel.setText("")
        ui.summaryLabel.setWordWrap(True)
        ui.problemsLabel.setWordWrap(True)
        ui.problemsLabel.setVisible(bool(problems))
        ui.problemsList.setVisible(bool(problems))
        for button in (ui.copyProblemsButton, ui.saveProblemsButton, ui.printProblemsButton):
            button.setVisible(bool(problems))
        ui.goodRowsButton.setVisible(bool(problems))
        ui.goodRowsButton.setEnabled(self.good is not None and bool(self.good.plan.members))
        if problems and self.good is None:
            ui.goodRowsButton.setToolTip(self._good_rows_refusal)
        sheet = self._fill_preview(plan)
        what = "党员" if sheet == ROSTER_SHEET else f"“{sheet}”"
        ui.previewLabel.setText(f"工作簿中的{what}：" if problems else f"将导入的{what}：")
        self._go(PAGE_PREVIEW)
        if not problems:
            ui.importButton.setFocus()

    def _fill_notes(self, notes: list[str]) -> None:
        view = self.ui.notesList
        view.clear()
        for line in notes:
            item = QListWidgetItem(line)
            item.setToolTip(line)
            view.addItem(item)
        view.setVisible(bool(notes))
        _fit_height(view, LIST_MOST, self.width())

    def _fill_preview(self, plan: Any) -> str:
        """Show the roster's rows, else the first sheet that has some; returns that sheet.
        Rows of other sheets come keyed by their Chinese column names from the book layer."""
        preview = plan.preview or {}
        sheet = ROSTER_SHEET
        rows: list[dict[str, Any]] = list(preview.get(ROSTER_SHEET) or [])
        if not rows:
            sheet, rows = next(((s, list(r)) for s, r in preview.items() if r), (sheet, []))
        table = self.ui.previewTable
        keys: list[str] = []
        for row in rows:
            for key in row:
                if key not in keys and key not in HIDDEN_PREVIEW_KEYS:
                    keys.append(key)
        table.clear()
        table.setColumnCount(len(keys))
        table.setHorizontalHeaderLabels([PREVIEW_HEADERS.get(k, k) for k in keys])
        table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, key in enumerate(keys):
                value = row.get(key)
                if isinstance(key, str) and key.endswith(("_date", "日期", "时间")):
                    # 2023年5月1日 and 1975年7月 alike (a month-only date never gets a day)
                    value = date_cn(value)
                table.setItem(r, c, QTableWidgetItem(_display(value)))
        table.resizeColumnsToContents()
        header = table.horizontalHeader()
        for column in range(max(len(keys) - 1, 0)):
            header.resizeSection(column, header.sectionSize(column) + 16)
        self.ui.previewLabel.setVisible(bool(rows))
        table.setVisible(bool(rows))
        return sheet

    def preview_rows(self) -> list[list[str]]:
        """The preview table's text, row by row (for tests and checks)."""
        table = self.ui.previewTable
        return [
            [
                table.item(r, c).text() if table.item(r, c) else ""
                for c in range(table.columnCount())
            ]
            for r in range(table.rowCount())
        ]

    def note_lines(self) -> list[str]:
        return [self.ui.notesList.item(i).text() for i in range(self.ui.notesList.count())]

    def problem_lines(self) -> list[str]:
        return [self.ui.problemsList.item(i).text() for i in range(self.ui.problemsList.count())]

    # -- the problem list: copy, save, print; importing only the right rows ----------------

    def _good_rows(self, plan: Any) -> Any:
        """The right rows split off (GoodRows), or None with the reason kept for the tooltip."""
        from desktop.book.errors import InputRefused
        from desktop.book.roster_import import split_good_rows

        self._good_rows_refusal = ""
        try:
            return split_good_rows(plan)
        except InputRefused as exc:
            self._good_rows_refusal = str(exc)
            return None

    def _problems_text(self) -> str:
        name = self.path.name if self.path else ""
        return f"导入 {name} 发现的问题：\n" + "\n".join(self.problem_lines()) + "\n"

    def copy_problems(self) -> None:
        from PySide6.QtWidgets import QApplication

        QApplication.clipboard().setText(self._problems_text())
        self.ui.busyLabel.setText(
            f"已复制 {len(self.problem_lines())} 个问题，可粘贴到微信或文档中。"
        )

    def save_problems(self) -> Path | None:
        from PySide6.QtCore import QSaveFile

        start = self.path.with_name(f"{self.path.stem}-问题.txt") if self.path else Path("问题.txt")
        chosen, _ = QFileDialog.getSaveFileName(
            self, "保存问题清单", str(start), "文本文件 (*.txt)"
        )
        if not chosen:
            return None
        out = QSaveFile(chosen)
        if not out.open(QSaveFile.OpenModeFlag.WriteOnly) or (
            out.write(self._problems_text().replace("\n", "\r\n").encode("utf-8-sig")) < 0
            or not out.commit()
        ):
            QMessageBox.warning(self, "没有保存", f"无法写入 {chosen}：{out.errorString()}")
            return None
        self.ui.busyLabel.setText(f"问题清单已保存：{chosen}")
        return Path(chosen)

    def print_problems(self) -> None:
        from PySide6.QtGui import QTextDocument
        from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

        document = QTextDocument(self)
        document.setPlainText(self._problems_text())
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        preview = QPrintPreviewDialog(printer, self)
        preview.setWindowTitle("打印问题清单")
        preview.paintRequested.connect(document.print_)
        self._preview = preview
        preview.open()

    def import_good_rows(self) -> None:
        """Import the right rows and write the refused ones to a workbook the user names."""
        from desktop.gui.worker import run_in_background

        if self.good is None or self.path is None or not self.good.plan.members:
            return
        start = self.path.with_name(f"{self.path.stem}-问题行.xlsx")
        chosen, _ = QFileDialog.getSaveFileName(
            self, "有问题的行另存为（改正后再导入）", str(start), "Excel 工作簿 (*.xlsx)"
        )
        if not chosen:
            return
        good, source, out = self.good, self.path, Path(chosen)
        book_path = Path(self.book.path)
        self._set_busy(True, "正在导入无误的行…")

        def job() -> Any:
            from desktop.book.interchange import apply_import
            from desktop.book.roster_import import write_problem_rows
            from desktop.book.store import Book

            written = write_problem_rows(source, good, out, book_path)
            with Book.open(book_path) as own:
                apply_import(own, good.plan)
            return written

        self._job = run_in_background(
            self, job, self._good_rows_imported, self._import_failed, label="正在导入，请稍候…"
        )

    def _good_rows_imported(self, written: Path) -> None:
        self._set_busy(False)
        self.imported = self.good.plan
        QMessageBox.information(
            self,
            "导入完成",
            f"已导入：{self.good.plan.summary()}。\n有问题的 {len(self.good.refused)} 行没有导入，"
            f"已连同“问题”列保存到：\n{written}\n在 Excel/WPS 中改正后，再用“导入”导入这个工作簿。"
            "\n导入前的账本已自动备份。",
        )
        self.accept()

    # -- import ----------------------------------------------------------------------------

    def do_import(self) -> None:
        from desktop.gui.worker import run_in_background

        if self.plan is None or self.plan.problems:
            return
        plan = self.plan
        book_path = Path(self.book.path)
        self._set_busy(True, "正在导入…")

        def job() -> Any:
            from desktop.book.interchange import apply_import
            from desktop.book.store import Book

            with Book.open(book_path) as own:
                return apply_import(own, plan)

        self._job = run_in_background(
            self, job, self._imported, self._import_failed, label="正在导入，请稍候…"
        )

    def _imported(self, result: Any) -> None:
        self._set_busy(False)
        self.imported = result
        counts = self.plan.counts or {}
        summary = "，".join(f"{label} {n}" for label, n in counts.items())
        QMessageBox.information(self, "导入完成", f"已导入：{summary}。\n导入前的账本已自动备份。")
        self.accept()

    def _import_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if _is_expected_error(exc):
            lines = getattr(exc, "lines", None)
            detail = "\n".join(lines()) if callable(lines) else ""
            QMessageBox.warning(
                self,
                "没有导入",
                f"导入没有完成，账本保持原样。\n\n{exc}" + (f"\n\n{detail}" if detail else ""),
            )
            return
        from desktop.gui.error_handler import report_exception

        report_exception(exc, parent=self)


def _fit_height(view: QListWidget, most: int, width: int) -> None:
    """As tall as the view's wrapped lines, up to `most` px (then it scrolls): one notice
    gets one line of room, not an empty box."""
    inner = view.viewport().width() if view.isVisible() else width - 80
    metrics = view.fontMetrics()
    lines = sum(
        max(1, -(-metrics.horizontalAdvance(view.item(i).text()) // max(inner - 12, 100)))
        for i in range(view.count())
    )
    height = lines * metrics.lineSpacing() + view.count() * 6 + 2 * view.frameWidth() + 4
    view.setMaximumHeight(min(most, height))


MAPPINGS_KEY = "import_mappings"


def _headers_key(headers: list[str]) -> str:
    import hashlib

    return hashlib.sha1("\x1f".join(headers).encode("utf-8")).hexdigest()[:16]


def remembered_mapping(headers: list[str]) -> dict[str, str | None] | None:
    """The column mapping last chosen for a file with exactly these headers, if any."""
    import json

    from desktop.gui.settings import settings

    text = settings().value(f"{MAPPINGS_KEY}/{_headers_key(headers)}", "")
    try:
        value = json.loads(text) if text else None
    except (TypeError, ValueError):
        return None
    return value if isinstance(value, dict) else None


def remember_mapping(headers: list[str], mapping: dict[str, str | None]) -> None:
    import json

    from desktop.gui.settings import settings

    s = settings()
    s.setValue(f"{MAPPINGS_KEY}/{_headers_key(headers)}", json.dumps(mapping, ensure_ascii=False))
    s.sync()


def _is_expected_error(exc: BaseException) -> bool:
    """A refusal with a Chinese message for the user (not a bug)."""
    from desktop.book.errors import BookError
    from desktop.sheets.errors import WorkbookError

    return isinstance(exc, BookError | WorkbookError | OSError)
