"""积分方案: the year's scheme in readable Chinese; choose a preset, edit values, import/export.

Reading and storing go through `desktop.book.scoring`; checking a scheme file through
`desktop.rules.scheme.check_scheme`. The screen only arranges the window.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QListWidgetItem, QMessageBox, QWidget

from desktop.gui.forms.ui_scheme_preset_dialog import Ui_SchemePresetDialog
from desktop.gui.forms.ui_scheme_problems_dialog import Ui_SchemeProblemsDialog
from desktop.gui.forms.ui_scheme_screen import Ui_SchemeScreen
from desktop.gui.screen_fit import fit_within_screen

# The book's scoring and the rules load on first use: the screen is built at start-up, but
# shown (and its scheme read) only when the user opens it.

FROZEN_TEXT = (
    "{year} 年已有确认的积分结果，这一年的积分方案已经冻结，不能再更换或修改。"
    "如方案确有不妥，请在下一年度使用新的方案。"
)


class ProblemsDialog(QDialog):
    """Every problem of a scheme file, one per line, each naming where it is."""

    def __init__(self, message: str, problems: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_SchemeProblemsDialog()
        self.ui.setupUi(self)
        self.ui.messageLabel.setText(message)
        for problem in problems:
            self.ui.problemList.addItem(problem)
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Close).setText("关闭")
        self.ui.buttonBox.rejected.connect(self.reject)

    def problems(self) -> list[str]:
        return [self.ui.problemList.item(i).text() for i in range(self.ui.problemList.count())]


class PresetDialog(QDialog):
    """Pick one of the shipped presets, with its content shown beside the list."""

    def __init__(self, current: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_SchemePresetDialog()
        self.ui.setupUi(self)
        fit_within_screen(self)  # no taller or wider than the screen's free area
        ok = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("使用此方案")
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        self.ui.buttonBox.accepted.connect(self.accept)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.ui.splitter.setSizes([320, 700])
        from desktop.book.scoring import presets

        self._ids: list[str] = []
        for preset_id, title in presets():
            item = QListWidgetItem(title)
            item.setToolTip(f"{title}\n（{preset_id}）")
            self.ui.presetList.addItem(item)
            self._ids.append(preset_id)
        self.ui.presetList.currentRowChanged.connect(self._show)
        self.ui.presetList.itemDoubleClicked.connect(lambda _item: self.accept())
        row = self._ids.index(current) if current in self._ids else 0
        self.ui.presetList.setCurrentRow(row)

    def chosen(self) -> str | None:
        row = self.ui.presetList.currentRow()
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def select(self, preset_id: str) -> None:
        self.ui.presetList.setCurrentRow(self._ids.index(preset_id))

    def _show(self, row: int) -> None:
        from desktop.gui.scheme_view import scheme_html
        from desktop.rules.presets import load_preset

        if not 0 <= row < len(self._ids):
            self.ui.previewView.clear()
            return
        self.ui.previewView.setHtml(scheme_html(load_preset(self._ids[row])))


NOT_STORED_TEXT = (
    "{year} 年还没有保存积分方案。下面是该年计分时将会使用的账本默认方案{title}（{id}）；"
    "用“更换方案…”“修改分值…”或“导入方案文件…”可以为 {year} 年确定方案。"
)


class SchemeScreen(QWidget):
    """`SchemeScreen(book)`; `set_book(book)` when another book is opened."""

    def __init__(self, book: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_SchemeScreen()
        self.ui.setupUi(self)
        self.book = book
        self.scheme_id = ""
        self.text = ""
        self._stale = True
        self.scheme: Any = None
        self._tips: dict[str, str] = {}  # the buttons' own tooltips (a frozen year replaces them)
        self.ui.schemeView.document().setDocumentMargin(14)
        self.ui.yearSpin.valueChanged.connect(lambda _year: self.refresh())
        self.ui.presetButton.clicked.connect(self.choose_preset)
        self.ui.editButton.clicked.connect(self.edit_values)
        self.ui.importButton.clicked.connect(self.import_file)
        self.ui.exportButton.clicked.connect(self.export_file)
        self.ui.printButton.clicked.connect(self.print_screen)
        self.set_book(book)

    # -- the book --------------------------------------------------------------------------

    @property
    def year(self) -> int:
        return self.ui.yearSpin.value()

    def set_year(self, year: int) -> None:
        self.ui.yearSpin.setValue(year)

    def set_book(self, book: Any) -> None:
        self.book = book
        self.ui.yearSpin.blockSignals(True)
        self.ui.yearSpin.setValue(book.current_year)
        self.ui.yearSpin.blockSignals(False)
        self._stale = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self.refresh()
        super().showEvent(event)

    def frozen(self) -> bool:
        from desktop.book.scoring import scheme_frozen

        return scheme_frozen(self.book, self.year)

    def refresh(self) -> None:
        """Show the scheme in force for the chosen year."""
        from desktop.book.scoring import scheme_stored, year_scheme_text
        from desktop.gui.scheme_view import scheme_html
        from desktop.rules.scheme import SchemeError, load_scheme

        self._stale = False
        year = self.year
        self.scheme_id, self.text = year_scheme_text(self.book, year)
        notices = []
        frozen = self.frozen()
        if frozen:
            notices.append(FROZEN_TEXT.format(year=year))
        # The changing buttons are greyed with the reason while the year is frozen.
        for button in (self.ui.presetButton, self.ui.editButton, self.ui.importButton):
            tip = self._tips.setdefault(button.objectName(), button.toolTip())
            button.setEnabled(not frozen)
            button.setToolTip(f"{year} 年的方案已冻结（已有确认的积分结果）" if frozen else tip)
        stored = scheme_stored(self.book, year)
        try:
            scheme = load_scheme(self.text)
        except SchemeError as exc:
            notices.append(f"{year} 年的积分方案有错误，无法计分：" + "；".join(exc.problems))
            self.ui.schemeView.setPlainText(self.text)
            self.scheme = None
        else:
            view = self.ui.schemeView
            bar = view.verticalScrollBar()
            position = bar.value()
            view.setHtml(scheme_html(scheme))
            self.scheme = scheme
            bar.setValue(position)
        if not stored:  # say so: the page would otherwise look like the year's own scheme
            title = f"“{self.scheme.title}”" if self.scheme is not None else ""
            notices.insert(0, NOT_STORED_TEXT.format(year=year, title=title, id=self.scheme_id))
        self.ui.noticeLabel.setText("\n".join(notices))
        self.ui.noticeLabel.setVisible(bool(notices))

    def shown_text(self) -> str:
        """The page as plain text (for tests and checks)."""
        if self._stale:
            self.refresh()
        return self.ui.schemeView.toPlainText()

    # -- actions ---------------------------------------------------------------------------

    def _refuse_if_frozen(self) -> bool:
        if self._stale:
            self.refresh()
        if self.frozen():
            QMessageBox.warning(self, "方案已冻结", FROZEN_TEXT.format(year=self.year))
            return True
        return False

    def _store(self, *, preset: str | None = None, text: str | None = None) -> bool:
        from desktop.book.errors import InputRefused
        from desktop.book.scoring import set_year_scheme

        try:
            set_year_scheme(self.book, self.year, preset=preset, text=text)
        except InputRefused as exc:
            lines = exc.lines()
            if lines and text is not None and "未保存" in exc.message:
                ProblemsDialog(exc.message, lines, self).exec()
            else:
                QMessageBox.warning(self, "没有保存", "\n".join([exc.message, *lines]))
            return False
        self.refresh()
        return True

    def choose_preset(self) -> None:
        if self._refuse_if_frozen():
            return
        dialog = PresetDialog(self.scheme_id, self)
        if not dialog.exec():
            return
        from desktop.book.scoring import presets

        preset = dialog.chosen()
        if preset is None:
            return
        answer = QMessageBox.question(
            self,
            "更换方案",
            f"用“{dict(presets()).get(preset, preset)}”作为 {self.year} 年的积分方案？\n"
            "本年度原来的方案（包括修改过的分值）将被替换。",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        if self._store(preset=preset):
            QMessageBox.information(self, "已更换", f"{self.year} 年的积分方案已更换。")

    def edit_values(self) -> None:
        if self._refuse_if_frozen():
            return
        from desktop.gui.scheme_edit import SchemeEditDialog

        if self.scheme is None:
            QMessageBox.warning(
                self,
                "无法修改",
                f"{self.year} 年的积分方案有错误，不能在表格中修改。"
                "请用“更换方案…”选一个自带方案，或导入一个正确的方案文件。",
            )
            return

        dialog = SchemeEditDialog(self.book, self.year, self.text, self)
        if dialog.exec():
            self.refresh()

    def import_file(self) -> None:
        if self._refuse_if_frozen():
            return
        from PySide6.QtWidgets import QFileDialog

        from desktop.gui.roster_files import documents_dir

        chosen, _filter = QFileDialog.getOpenFileName(
            self, "导入方案文件", str(documents_dir()), "积分方案文件 (*.toml);;所有文件 (*)"
        )
        if chosen:
            self.import_path(Path(chosen))

    def import_path(self, path: Path) -> bool:
        """Check the file; store it as the year's scheme only when it has no problem."""
        try:
            raw = path.read_bytes()
        except OSError as exc:
            QMessageBox.warning(self, "无法读取", f"读不出文件 {path}：{exc.strerror or exc}")
            return False
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            try:
                text = raw.decode("gb18030")
            except UnicodeDecodeError:
                ProblemsDialog(
                    f"“{path.name}”不是文本文件，未导入。",
                    ["文件: 方案文件应是用记事本等编辑的文本文件（UTF-8 编码）"],
                    self,
                ).exec()
                return False
        from desktop.rules.scheme import SchemeError, load_scheme

        try:
            scheme = load_scheme(text)
        except SchemeError as exc:
            ProblemsDialog(
                f"“{path.name}”有 {len(exc.problems)} 处错误，未导入。", exc.problems, self
            ).exec()
            return False
        answer = QMessageBox.question(
            self,
            "导入方案",
            f"用文件中的方案“{scheme.title}”作为 {self.year} 年的积分方案？\n"
            "本年度原来的方案将被替换。",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        if self._store(text=text):
            QMessageBox.information(
                self, "已导入", f"{self.year} 年的积分方案已换成“{scheme.title}”。"
            )
            return True
        return False

    def export_file(self) -> None:
        from desktop.gui.roster_files import ask_save_path

        path = ask_save_path(
            self,
            "导出方案文件",
            f"{self.year}年积分方案-{self.scheme_id}.toml",
            "积分方案文件 (*.toml)",
            ".toml",
        )
        if path is not None:
            self.export_path(path)

    def export_path(self, path: Path) -> bool:
        if self._stale:
            self.refresh()
        try:
            path.write_text(self.text, encoding="utf-8", newline="\n")
        except OSError as exc:
            QMessageBox.warning(self, "没有保存", f"写不进文件 {path}：{exc.strerror or exc}")
            return False
        QMessageBox.information(self, "已导出", f"{self.year} 年的积分方案已保存到：\n{path}")
        return True

    # 文件 → 打印… (Ctrl+P) calls this while the screen is shown, as does 打印….
    def print_screen(self) -> Any:
        """The chosen year's scheme in the print preview (打印, or 另存为 PDF from there).

        The paper is the scheme stored for the year — what this page shows: edits are saved
        by their dialog before the page changes, so there is nothing unsaved to leave out.
        A year without a scheme of its own prints the book's default with the page's notice.
        """
        if self._stale:
            self.refresh()
        if self.scheme is None:  # refused here rather than by a background job's error box
            QMessageBox.warning(
                self,
                "无法打印",
                f"{self.year} 年的积分方案有错误，不能打印。"
                "请用“更换方案…”选一个自带方案，或导入一个正确的方案文件。",
            )
            return None
        from desktop.gui.print_preview import preview_document

        year = self.year
        return preview_document(
            self,
            self.book.path,
            "scheme",
            title="打印积分方案",
            file_name=f"{year}年度积分方案.pdf",
            label="正在生成 PDF…",
            year=year,
        )
