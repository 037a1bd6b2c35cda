"""Print preview of the PDFs that desktop.paper writes, and printing them to a real printer.

PySide6-Essentials has no QtPdf, so pypdfium2 (PDFium) renders the pages. The flow:

1. a background job writes the PDF to a temporary folder (the book's own printing entry point)
   and renders every page at preview resolution (`prepare_pdf`);
2. `PdfPreviewDialog` (Qt's QPrintPreviewDialog) paints those images; when the secretary
   prints, the pages are rendered again at the printer's resolution (up to `MAX_PRINT_DPI`);
3. "另存为 PDF…" beside it copies the original PDF (vector, fonts embedded) to a chosen file.

Every page is drawn on the whole sheet (`setFullPage`) at its own size and orientation, so
the PDF's margins are the paper's margins: nothing is scaled or clipped.

    preview_document(self, book.path, "signin", title="打印签到表",
                     file_name="签到表.pdf", activity="A-001")
"""

from __future__ import annotations

import logging
import shutil
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QAction, QImage, QPageLayout, QPageSize, QPaintEngine, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import (
    QApplication,
    QMessageBox,
    QProgressDialog,
    QToolBar,
    QToolButton,
    QWidget,
)

from desktop.gui.screen_fit import resize_within_screen

log = logging.getLogger(__name__)

# Preview images are kept for every page while the dialog is open: ~1 MB a grey A4 page here.
PREVIEW_DPI = 110
# All preview pages together: about 64 MB of grey pixels; a long document previews coarser.
PREVIEW_BUDGET = 64_000_000
MIN_PREVIEW_DPI = 60
# 300 dpi is crisp for text on office printers; 600 would need ~35 MB a page (grey) to spool.
MAX_PRINT_DPI = 300
POINTS_PER_INCH = 72

# PDFium must not be entered from two threads at once (preparing one preview while printing
# another).
_pdfium_lock = threading.Lock()


@dataclass
class PdfPage:
    width_pt: float
    height_pt: float
    preview: QImage

    @property
    def landscape(self) -> bool:
        return self.width_pt > self.height_pt

    def layout(self) -> QPageLayout:
        """This page's paper (A4 when it is A4) and orientation, with no margins."""
        short, long = sorted((self.width_pt, self.height_pt))
        size = QPageSize(
            QSizeF(short, long), QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch
        )
        orientation = (
            QPageLayout.Orientation.Landscape
            if self.landscape
            else QPageLayout.Orientation.Portrait
        )
        return QPageLayout(size, orientation, QMarginsF(0, 0, 0, 0))


@dataclass
class PreparedPdf:
    """A written PDF and its pages rendered for the preview (made off the UI thread)."""

    path: Path
    pages: list[PdfPage] = field(default_factory=list)
    temp_dir: Path | None = None  # removed when the preview closes

    def cleanup(self) -> None:
        if self.temp_dir is not None:
            shutil.rmtree(self.temp_dir, ignore_errors=True)
            self.temp_dir = None


def _to_qimage(bitmap: Any) -> QImage:
    image = QImage(
        bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGB32
    )
    # Our paper is black on white: a grey image is a quarter of the memory and spool size.
    if image.allGray():
        return image.convertToFormat(QImage.Format.Format_Grayscale8)
    return image.copy()  # detach from PDFium's buffer, which is freed with the bitmap


def render_page(pdf: Path, index: int, dpi: float) -> QImage:
    """One page of `pdf` as an image at `dpi` (white background)."""
    import pypdfium2 as pdfium

    with _pdfium_lock:
        doc = pdfium.PdfDocument(str(pdf))
        try:
            page = doc[index]
            bitmap = page.render(scale=dpi / POINTS_PER_INCH, prefer_bgrx=True)
            image = _to_qimage(bitmap)
            bitmap.close()
            page.close()
        finally:
            doc.close()
    return image


def preview_dpi(sizes: list[tuple[float, float]], dpi: float = PREVIEW_DPI) -> float:
    """The preview resolution for pages of these sizes (points): `dpi`, lowered for long
    documents so all preview images together stay within PREVIEW_BUDGET pixels (an old PC
    with 4 GB must preview a 200-page register too); never below MIN_PREVIEW_DPI."""
    square_inches = sum(w * h for w, h in sizes) / POINTS_PER_INCH**2
    if not square_inches:
        return dpi
    fitting = (PREVIEW_BUDGET / square_inches) ** 0.5
    return max(MIN_PREVIEW_DPI, min(dpi, fitting))


def prepare_pdf(pdf: Path, dpi: float = PREVIEW_DPI, temp_dir: Path | None = None) -> PreparedPdf:
    """Read the page sizes of `pdf` and render each page for the preview.

    Safe to call on a worker thread (QImage, unlike QPixmap, may be made there).
    """
    import pypdfium2 as pdfium

    prepared = PreparedPdf(Path(pdf), temp_dir=temp_dir)
    with _pdfium_lock:
        doc = pdfium.PdfDocument(str(pdf))
        try:
            dpi = preview_dpi([doc.get_page_size(i) for i in range(len(doc))], dpi)
            for index in range(len(doc)):
                page = doc[index]
                width, height = page.get_size()
                bitmap = page.render(scale=dpi / POINTS_PER_INCH, prefer_bgrx=True)
                prepared.pages.append(PdfPage(width, height, _to_qimage(bitmap)))
                bitmap.close()
                page.close()
        finally:
            doc.close()
    return prepared


def paint_pdf(
    printer: QPrinter, prepared: PreparedPdf, progress: Callable[[int], bool] | None = None
) -> bool:
    """Paint every page of `prepared` onto `printer`, one PDF page to one sheet.

    The preview (a picture engine) gets the preview images; a printer gets each page rendered
    at its resolution, capped at MAX_PRINT_DPI. `progress(i)` may return False to stop.
    """
    if not prepared.pages:
        return False
    printer.setFullPage(True)
    printer.setPageLayout(prepared.pages[0].layout())
    painter = QPainter()
    if not painter.begin(printer):
        return False
    try:
        engine = painter.paintEngine()
        is_preview = engine is not None and engine.type() == QPaintEngine.Type.Picture
        dpi = min(printer.resolution(), MAX_PRINT_DPI)
        current = prepared.pages[0].layout()
        for index, page in enumerate(prepared.pages):
            if progress is not None and not progress(index):
                return False
            if index:
                layout = page.layout()
                if not layout.isEquivalentTo(current):
                    printer.setPageLayout(layout)
                    current = layout
                printer.newPage()
            sheet = printer.paperRect(QPrinter.Unit.DevicePixel)
            target = QRectF(0, 0, sheet.width(), sheet.height())
            image = page.preview if is_preview else render_page(prepared.path, index, dpi)
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
            painter.drawImage(target, image)
    finally:
        painter.end()
    return True


class PdfPreviewDialog(QPrintPreviewDialog):
    """Qt's print preview of one prepared PDF, with 另存为 PDF… beside 打印."""

    def __init__(
        self,
        prepared: PreparedPdf,
        title: str,
        file_name: str,
        parent: QWidget | None = None,
        save_xlsx: Callable[[Path], Any] | None = None,
    ) -> None:
        self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self.printer.setDocName(Path(file_name).stem)
        if prepared.pages:
            self.printer.setPageLayout(prepared.pages[0].layout())
        super().__init__(self.printer, parent)
        self.prepared = prepared
        self.file_name = file_name
        self.saved: list[Path] = []
        self.setWindowTitle(f"{title} — 打印预览（共 {len(prepared.pages)} 页）")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        resize_within_screen(self, 980, 760)  # the preview is tall; 768-px screens are common
        self.paintRequested.connect(self._paint)
        self.finished.connect(lambda _result: prepared.cleanup())

        toolbar = self.findChild(QToolBar)
        for action in toolbar.actions() if toolbar else []:
            # Portrait/landscape belong to the PDF; a choice here would only mislead.
            if action.isCheckable() and not action.objectName():
                action.setVisible(False)
            if action.objectName() == "fitPageAction":
                action.trigger()
        self.save_action = QAction("另存为 PDF…", self)
        self.save_action.setToolTip("把这份文件保存为 PDF（可拷贝、发送或以后再打印）")
        self.save_action.triggered.connect(self.save_as_pdf)
        # Some sheets are also wanted as a workbook (the township files them in Excel).
        self._save_xlsx = save_xlsx
        self.xlsx_action: QAction | None = None
        if save_xlsx is not None:
            self.xlsx_action = QAction("另存为 Excel…", self)
            self.xlsx_action.setToolTip("把这张表保存为 Excel 工作簿（.xlsx）")
            self.xlsx_action.triggered.connect(self.save_as_xlsx)
        if toolbar is not None:
            # Qt's last action is 打印; it and 另存为 PDF are what the secretary came for, so
            # they carry words, the zoom and page buttons stay icons.
            print_action = toolbar.actions()[-1]
            toolbar.addSeparator()
            toolbar.addAction(self.save_action)
            if self.xlsx_action is not None:
                toolbar.addAction(self.xlsx_action)
            for action in (print_action, self.save_action, self.xlsx_action):
                if action is None:
                    continue
                button = toolbar.widgetForAction(action)
                if isinstance(button, QToolButton):
                    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)

    @property
    def preview_widget(self) -> QPrintPreviewWidget:
        widget = self.findChild(QPrintPreviewWidget)
        assert widget is not None
        return widget

    def page_count(self) -> int:
        return self.preview_widget.pageCount()

    def _paint(self, printer: QPrinter) -> None:
        pages = len(self.prepared.pages)
        painter_engine_is_printer = printer.outputFormat() == QPrinter.OutputFormat.NativeFormat
        dialog: QProgressDialog | None = None
        if painter_engine_is_printer and pages > 1:
            dialog = QProgressDialog("正在发送到打印机…", "取消", 0, pages, self)
            dialog.setWindowTitle("打印")
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.setMinimumDuration(300)

        def progress(index: int) -> bool:
            if dialog is None:
                return True
            dialog.setValue(index)
            QApplication.processEvents()
            return not dialog.wasCanceled()

        try:
            paint_pdf(printer, self.prepared, progress)
        finally:
            if dialog is not None:
                dialog.close()

    def save_as_pdf(self) -> Path | None:
        """Copy the PDF to a file the secretary chooses (the same file the preview shows)."""
        from desktop.gui import roster_files

        path = roster_files.ask_save_path(
            self, "另存为 PDF", self.file_name, "PDF 文件 (*.pdf)", ".pdf"
        )
        if path is None:
            return None
        try:
            shutil.copyfile(self.prepared.path, path)
        except OSError as exc:
            QMessageBox.warning(
                self,
                "另存为 PDF",
                f"文件没有保存成功：{exc.strerror or exc}。\n\n"
                "如果这个文件正在 WPS 或 PDF 阅读器中打开，请先关闭它，或换一个文件名再试。",
            )
            return None
        self.saved.append(path)
        roster_files.offer_to_open(self, "另存为 PDF", Path(self.file_name).stem, path)
        return path

    def save_as_xlsx(self) -> Path | None:
        """Write the same sheet as an Excel workbook (off the UI thread) to a chosen file."""
        from desktop.gui import roster_files

        if self._save_xlsx is None:
            return None
        path = roster_files.ask_save_path(
            self,
            "另存为 Excel",
            str(Path(self.file_name).with_suffix(".xlsx")),
            "Excel 工作簿 (*.xlsx)",
            ".xlsx",
        )
        if path is None:
            return None
        self.saved.append(path)
        self._save_xlsx(path)
        return path


def show_preview(
    parent: QWidget | None,
    prepared: PreparedPdf,
    title: str,
    file_name: str,
    save_xlsx: Callable[[Path], Any] | None = None,
) -> PdfPreviewDialog:
    """Open the preview window (window-modal, does not block the caller)."""
    dialog = PdfPreviewDialog(prepared, title, file_name, parent, save_xlsx)
    dialog.open()
    return dialog


def preview_pdf(
    parent: QWidget,
    book_path: Path,
    write: Callable[[Any, Path], Path],
    *,
    title: str,
    file_name: str,
    label: str = "正在生成打印文件…",
    save_xlsx: Callable[[Path], Any] | None = None,
    notices: list[str] | None = None,
) -> Any:
    """Write a PDF with `write(book, path)` off the UI thread, then show its print preview.

    `notices`, filled by `write`, are shown over the preview (names the fonts can't print).

    The job opens its own Book (an sqlite connection belongs to its thread). Returns the
    background job; its `done` turns true once the preview is open (or the failure shown).
    """
    from desktop.gui.roster_files import run_on_own_book

    def work(own: Any) -> PreparedPdf:
        folder = Path(tempfile.mkdtemp(prefix="pioneer-print-"))
        try:
            written = write(own, folder / Path(file_name).name)
            return prepare_pdf(written, temp_dir=folder)
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise

    def done(prepared: PreparedPdf) -> None:
        if parent is not None and not _alive(parent):
            prepared.cleanup()  # the screen went away while the job ran
            return
        dialog = show_preview(parent, prepared, title, file_name, save_xlsx)
        if notices:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(dialog, title, "\n".join(notices))

    return run_on_own_book(parent, book_path, work, done, title, label)


def preview_document(
    parent: QWidget,
    book_path: Path,
    kind: str,
    *,
    title: str,
    file_name: str,
    label: str = "正在生成打印文件…",
    **opts: Any,
) -> Any:
    """Print preview of one of the book's printed kinds (desktop.book.printing.KINDS)."""

    from desktop.book.printing import XLSX_KINDS

    notices: list[str] = []

    def write(own: Any, path: Path) -> Path:
        from desktop.book.printing import print_document, unprintable_names

        notices[:] = unprintable_names(own)
        return Path(print_document(own, kind, path, **opts))

    def save_xlsx(path: Path) -> Any:
        from desktop.gui.roster_files import offer_to_open, run_on_own_book

        return run_on_own_book(
            parent,
            book_path,
            lambda own: write(own, path),
            lambda written: offer_to_open(parent, title, Path(file_name).stem, Path(written)),
            title,
            "正在生成 Excel 工作簿…",
        )

    return preview_pdf(
        parent,
        book_path,
        write,
        title=title,
        file_name=file_name,
        label=label,
        save_xlsx=save_xlsx if kind in XLSX_KINDS else None,
        notices=notices,
    )


def _alive(widget: QWidget) -> bool:
    try:
        from shiboken6 import isValid

        return bool(isValid(widget))
    except ImportError:  # pragma: no cover - shiboken6 ships with PySide6
        return True
