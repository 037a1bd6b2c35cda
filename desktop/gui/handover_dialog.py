"""报送乡镇…: write the township pack onto a USB stick, with a progress bar; and
导入乡镇审核回执…: record the township's decision in the book."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QMessageBox, QWidget

from desktop.book.errors import BookError
from desktop.book.store import Book
from desktop.gui.forms.ui_handover_dialog import Ui_HandoverDialog
from desktop.gui.worker import run_in_background
from desktop.rules.periods import kinds_word


class Progress(QObject):
    """Progress reported from a worker thread, delivered on the UI thread (queued signal)."""

    changed = Signal(int, str)

    def report(self, percent: int, text: str) -> None:
        self.changed.emit(percent, text)


def _handover_job(
    book_path: Path,
    folder: Path,
    year: int,
    password: str | None,
    report: Callable,
    operator: str | None = None,
) -> dict[str, Any]:
    import json

    from desktop.book.handover import make_handover
    from desktop.book.pack import MANIFEST

    with Book.open(book_path) as book:
        pack = make_handover(
            book, folder, year=year, password=password, progress=report, operator=operator
        )
    manifest = json.loads((pack / MANIFEST).read_text(encoding="utf-8"))
    return {"path": pack, "manifest": manifest}


class HandoverDialog(QDialog):
    """Choose the stick, the year, the 经办人 and an optional password; write the pack in the
    background."""

    finished_pack = Signal(object)  # the pack folder

    def __init__(self, book: Book, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_HandoverDialog()
        self.ui.setupUi(self)
        self.book = book
        self.result_path: Path | None = None
        self.job: Any = None
        self.ui.yearSpin.setValue(book.current_year)
        # The 经办人 printed on the pack's 请先阅读: the book's, changeable for this hand-over
        # only (as `handover --operator`); left empty, the paper has a blank to sign.
        self.ui.operatorEdit.setText(book.operator)
        self.ui.progressBar.setVisible(False)
        self.ui.problemLabel.setVisible(False)
        self.ui.statusLabel.setVisible(False)
        ok = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("写入报送包")
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText("关闭")
        self.ui.buttonBox.accepted.connect(self.start)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.ui.browseButton.clicked.connect(self._browse)
        self.ui.encryptCheck.toggled.connect(self._encrypt_toggled)
        self._encrypt_toggled(False)
        self.progress = Progress(self)
        self.progress.changed.connect(self._progress, Qt.ConnectionType.QueuedConnection)
        self.setMinimumWidth(620)

    def _encrypt_toggled(self, on: bool) -> None:
        for w in (
            self.ui.passwordEdit,
            self.ui.password2Edit,
            self.ui.passwordLabel,
            self.ui.password2Label,
        ):
            w.setEnabled(on)

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, "选择U盘或文件夹", self.ui.folderEdit.text()
        )
        if chosen:
            self.ui.folderEdit.setText(chosen)

    def _problem(self, text: str) -> None:
        self.ui.problemLabel.setText(text)
        self.ui.problemLabel.setVisible(bool(text))

    def _progress(self, percent: int, text: str) -> None:
        self.ui.progressBar.setValue(percent)
        self.ui.statusLabel.setText(text)

    def operator(self) -> str:
        """The 经办人 for this pack ("" leaves a blank to sign, as `--operator ""` does)."""
        return self.ui.operatorEdit.text().strip()

    def password(self) -> str | None:
        if not self.ui.encryptCheck.isChecked():
            return None
        return self.ui.passwordEdit.text()

    def start(self) -> Any:
        folder = self.ui.folderEdit.text().strip()
        if not folder:
            self._problem("请先选择U盘或文件夹。")
            return None
        password = self.password()
        if password is not None:
            if not password:
                self._problem("请填写密码，或不勾选加密。")
                return None
            if password != self.ui.password2Edit.text():
                self._problem("两次输入的密码不一样，请重新输入。")
                return None
        self._problem("")
        self._busy(True)
        self.job = run_in_background(
            self,
            lambda: _handover_job(
                self.book.path,
                Path(folder),
                self.ui.yearSpin.value(),
                password,
                self.progress.report,
                self.operator(),
            ),
            on_done=self._done,
            on_error=self._failed,
            label="正在写报送包，请稍候…",
        )
        return self.job

    def _busy(self, busy: bool) -> None:
        self.ui.progressBar.setVisible(True)
        self.ui.statusLabel.setVisible(True)
        for w in (
            self.ui.buttonBox,
            self.ui.browseButton,
            self.ui.folderEdit,
            self.ui.yearSpin,
            self.ui.operatorEdit,
        ):
            w.setEnabled(not busy)

    def _done(self, result: dict[str, Any]) -> None:
        self._busy(False)
        self.result_path = result["path"]
        m = result["manifest"]
        codes = "\n".join(f"{q['label']}：{q['check_code']}" for q in m.get("quarters", []))
        text = f"报送包已写好并核对无误：\n\n{result['path']}\n\n共 {len(m['files'])} 个文件。"
        who = m.get("operator") or "未填写（“请先阅读”上留空，请经办人手签）"
        text += f"\n经办人：{who}"
        if codes:
            word = kinds_word([q.get("cycle", "quarter") for q in m["quarters"]])
            text += f"\n\n已确认{word}的核验码（与审核表上的一致）：\n{codes}"
        if m.get("notes"):
            text += "\n\n" + "\n".join(m["notes"])
        self.finished_pack.emit(result["path"])
        QMessageBox.information(self, "报送包已写好", text)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._busy(False)
        self.ui.progressBar.setValue(0)
        if isinstance(exc, BookError):
            lines = getattr(exc, "lines", None)
            extra = lines() if lines else []
            self._problem("\n".join([str(exc), *extra]))
        elif isinstance(exc, OSError):
            self._problem(f"写入U盘时出错：{exc.strerror or exc}。请检查U盘后重试。")
        else:
            from desktop.gui.error_handler import report_exception

            report_exception(exc, parent=self)


def open_handover(parent: QWidget | None, book: Book) -> HandoverDialog:
    dialog = HandoverDialog(book, parent)
    dialog.open()
    return dialog


RECEIPT_FILTER = "审核回执 (*.json);;所有文件 (*)"


def _receipt_job(book_path: Path, path: Path) -> str:
    from desktop.book.receipt import receipt_text, record_receipt

    with Book.open(book_path) as book:
        return receipt_text(record_receipt(book, path))


def import_receipt(parent: QWidget | None, book: Book, path: Path | None = None) -> Any:
    """Ask for the 审核回执 file (unless given) and record it in the background."""
    if path is None:
        chosen, _f = QFileDialog.getOpenFileName(parent, "选择乡镇审核回执", "", RECEIPT_FILTER)
        if not chosen:
            return None
        path = Path(chosen)

    def done(text: str) -> None:
        QMessageBox.information(parent, "审核回执已导入", f"{text}。\n\n已记入操作记录。")

    def failed(exc: BaseException) -> None:
        if isinstance(exc, BookError):
            from desktop.gui.error_handler import show_book_error

            show_book_error(parent, exc, "审核回执没有导入")
        else:
            from desktop.gui.error_handler import report_exception

            report_exception(exc, parent=parent)

    return run_in_background(
        parent,
        lambda: _receipt_job(book.path, Path(path)),
        on_done=done,
        on_error=failed,
        label="正在核对审核回执…",
    )
