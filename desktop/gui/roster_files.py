"""Writing the roster to files from the window: the printable A4 roster (PDF) and the workbook.

The work runs off the UI thread on its own `Book` (an sqlite connection belongs to the
thread that opened it); the window shows a busy indicator and then offers to open the file.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from desktop.book.errors import BookError


def documents_dir() -> Path:
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(location) if location else Path.home()


def ask_save_path(
    parent: QWidget, title: str, suggested_name: str, file_filter: str, suffix: str
) -> Path | None:
    """Ask where to save (a suggested name in 文档); None when the user cancels."""
    suggested = str(documents_dir() / suggested_name)
    while True:
        chosen, _ = QFileDialog.getSaveFileName(parent, title, suggested, file_filter)
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != suffix:
            path = path.with_name(path.name + suffix)
        if refuse_book_target(parent, title, path):
            suggested = str(path.with_name(Path(suggested_name).name))
            continue
        return path


def refuse_book_target(parent: QWidget | None, title: str, path: Path) -> bool:
    """Say so and return True when `path` is a book, a backup or a book's side file (the
    guard every output goes through, book.outputs); the dialog then asks again."""
    from desktop.book.errors import InputRefused
    from desktop.book.outputs import check_output_path

    try:
        check_output_path(path)
    except InputRefused as exc:
        QMessageBox.warning(parent, title, f"{exc.message}\n\n{''.join(exc.lines())}")
        return True
    return False


def open_file(path: Path) -> None:
    """Open a written file with the system's program for it (PDF reader, Excel/WPS)."""
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def offer_to_open(parent: QWidget, title: str, what: str, path: Path) -> None:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(title)
    box.setText(f"{what}已保存到：\n{path}")
    open_button = box.addButton("打开文件", QMessageBox.ButtonRole.AcceptRole)
    close_button = box.addButton("关闭", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(open_button)
    box.setEscapeButton(close_button)
    box.exec()
    if box.clickedButton() is open_button:
        open_file(path)


def _show_failure(parent: QWidget, title: str, exc: BaseException) -> None:
    if isinstance(exc, BookError):
        from desktop.gui.error_handler import show_book_error

        show_book_error(parent, exc, title)
    elif isinstance(exc, OSError):
        QMessageBox.warning(
            parent,
            title,
            f"文件没有保存成功：{exc.strerror or exc}。\n\n"
            "如果这个文件正在 Excel、WPS 或 PDF 阅读器中打开，请先关闭它，或换一个文件名再试。",
        )
    else:
        from desktop.gui.error_handler import report_exception

        report_exception(exc, parent=parent)


def run_on_own_book(
    parent: QWidget,
    book_path: Path,
    work: Callable[[Any], Any],
    on_done: Callable[[Any], None],
    title: str,
    label: str,
) -> Any:
    """Run `work(book)` on a worker thread with a freshly opened copy of the book."""
    from desktop.gui.worker import run_in_background

    def job() -> Any:
        from desktop.book.store import Book

        with Book.open(book_path) as own:
            return work(own)

    return run_in_background(
        parent, job, on_done, lambda exc: _show_failure(parent, title, exc), label=label
    )


def print_roster(parent: QWidget, book: Any, *, order: str = "strokes") -> Any:
    """Write the A4 花名册 off the UI thread and show it in the print preview (打印 or
    另存为 PDF from there)."""
    from desktop.gui.print_preview import preview_document

    branch = book.branch().get("name") or "支部"
    return preview_document(
        parent,
        book.path,
        "roster",
        title="打印花名册",
        file_name=f"{branch}党员花名册.pdf",
        label="正在生成花名册…",
        order=order,
    )


def export_roster(parent: QWidget, book: Any) -> Any:
    """Ask for an .xlsx file name and write the interchange workbook there."""
    title = "导出名册"
    branch = book.branch().get("name") or "支部"
    stamp = date.today().strftime("%Y%m%d")
    path = ask_save_path(
        parent,
        "导出名册为 Excel 工作簿",
        f"{branch}党员名册{stamp}.xlsx",
        "Excel 工作簿 (*.xlsx)",
        ".xlsx",
    )
    if path is None:
        return None

    def work(own: Any) -> Path:
        from desktop.book.interchange import export_workbook

        export_workbook(own, path)
        return path

    return run_on_own_book(
        parent,
        book.path,
        work,
        lambda written: offer_to_open(parent, title, "名册工作簿", Path(written)),
        title,
        "正在导出名册…",
    )
