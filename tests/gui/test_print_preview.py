"""The print preview: PDFs from desktop.paper shown in Qt's QPrintPreviewDialog and printed.

A QPrinter writing a PDF stands in for a real printer; what it printed is read back with
pypdfium2 (page count, page size, and that the ink lands where the original's does).
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget

from desktop.gui import print_preview as pp

A4 = (595.28, 841.89)


def write_pdf(path: Path, pages: list[tuple[float, float]]) -> Path:
    """A small PDF with a black frame 20 mm inside each page (to find clipped margins)."""
    from reportlab.lib.units import mm
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path))
    for number, size in enumerate(pages, 1):
        c.setPageSize(size)
        c.setLineWidth(2)
        c.rect(20 * mm, 20 * mm, size[0] - 40 * mm, size[1] - 40 * mm)
        c.drawString(30 * mm, size[1] - 30 * mm, f"page {number}")
        c.showPage()
    c.save()
    return path


def pdf_pages(path: Path) -> list[tuple[float, float]]:
    doc = pdfium.PdfDocument(str(path))
    try:
        return [doc[i].get_size() for i in range(len(doc))]
    finally:
        doc.close()


def ink_box(image: QImage) -> tuple[float, float, float, float]:
    """Where the dark pixels are, as fractions of the width and height (left, top, right, bottom)."""
    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    w, h = gray.width(), gray.height()
    data = bytes(gray.constBits())[: gray.bytesPerLine() * h]
    stride = gray.bytesPerLine()
    rows = [y for y in range(h) if min(data[y * stride : y * stride + w]) < 128]
    cols = [
        x
        for x in range(w)
        if any(data[y * stride + x] < 128 for y in rows[:: max(1, len(rows) // 50)])
    ]
    return cols[0] / w, rows[0] / h, cols[-1] / w, rows[-1] / h


def print_to_pdf(dialog: pp.PdfPreviewDialog, out: Path, resolution: int = 150) -> None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    printer.setResolution(resolution)
    dialog.paintRequested.emit(printer)


@pytest.fixture
def parent(qtbot):
    w = QWidget()
    qtbot.addWidget(w)
    return w


@pytest.mark.parametrize(
    "pages",
    [[A4], [A4, A4, A4], [A4[::-1], A4[::-1]]],
    ids=["one-page", "three-pages", "landscape"],
)
def test_preview_shows_every_page_and_prints_them_one_to_one(qtbot, parent, tmp_path, pages):
    src = write_pdf(tmp_path / "src.pdf", pages)
    prepared = pp.prepare_pdf(src)
    assert len(prepared.pages) == len(pages)
    assert prepared.pages[0].landscape == (pages[0][0] > pages[0][1])

    dialog = pp.show_preview(parent, prepared, "打印测试", "测试.pdf")
    qtbot.waitUntil(lambda: dialog.page_count() == len(pages))
    assert dialog.isVisible() and f"共 {len(pages)} 页" in dialog.windowTitle()
    # Within the screen's free area (768-px screens are common), room left for the frame.
    available = dialog.screen().availableGeometry()
    assert dialog.height() <= available.height() - 40 and dialog.width() <= available.width()
    assert dialog.printer.pageLayout().orientation() == prepared.pages[0].layout().orientation()

    # "Print" to a PDF printer: the same number of pages, each the original's size, and the
    # frame where the original has it (no scaling, nothing clipped at the margins).
    out = tmp_path / "printed.pdf"
    print_to_pdf(dialog, out)
    printed = pdf_pages(out)
    assert len(printed) == len(pages)
    for (w, h), (pw, ph) in zip(pages, printed, strict=True):
        assert abs(w - pw) < 1.5 and abs(h - ph) < 1.5
    for i in range(len(pages)):
        original = ink_box(pp.render_page(src, i, 72))
        copy = ink_box(pp.render_page(out, i, 72))
        assert all(abs(a - b) < 0.01 for a, b in zip(original, copy, strict=True)), (
            original,
            copy,
        )
    dialog.close()
    assert prepared.temp_dir is None  # nothing to clean here; closing must not fail


def test_print_renders_at_the_printer_resolution_capped(qtbot, parent, tmp_path, monkeypatch):
    src = write_pdf(tmp_path / "src.pdf", [A4])
    dialog = pp.show_preview(parent, pp.prepare_pdf(src), "打印测试", "测试.pdf")
    asked: list[float] = []
    real = pp.render_page
    monkeypatch.setattr(pp, "render_page", lambda p, i, dpi: asked.append(dpi) or real(p, i, dpi))
    print_to_pdf(dialog, tmp_path / "a.pdf", resolution=150)
    print_to_pdf(dialog, tmp_path / "b.pdf", resolution=1200)
    assert asked == [150, pp.MAX_PRINT_DPI]
    dialog.close()


def test_save_as_pdf_copies_the_original(qtbot, parent, tmp_path, monkeypatch):
    import desktop.gui.roster_files as files

    folder = tmp_path / "tmp"
    folder.mkdir()
    src = write_pdf(folder / "src.pdf", [A4, A4])
    prepared = pp.prepare_pdf(src, temp_dir=folder)
    dialog = pp.show_preview(parent, prepared, "打印测试", "测试.pdf")
    target = tmp_path / "saved.pdf"
    opened: list[Path] = []
    monkeypatch.setattr(files, "ask_save_path", lambda *a, **k: target)
    monkeypatch.setattr(files, "offer_to_open", lambda _p, _t, _w, path: opened.append(path))
    dialog.save_action.trigger()
    assert target.read_bytes() == src.read_bytes() and opened == [target]

    # Cancelled: nothing written; a folder that cannot be written: told, not crashed.
    monkeypatch.setattr(files, "ask_save_path", lambda *a, **k: None)
    assert dialog.save_as_pdf() is None
    warned: list[str] = []
    monkeypatch.setattr(pp.QMessageBox, "warning", lambda _p, _t, text: warned.append(text))
    monkeypatch.setattr(files, "ask_save_path", lambda *a, **k: tmp_path / "无" / "x.pdf")
    assert dialog.save_as_pdf() is None
    assert warned and "没有保存成功" in warned[0]

    dialog.close()
    assert not folder.exists()  # the temporary PDF goes with the preview


def test_save_dialogs_never_replace_a_book(qtbot, parent, tmp_path, monkeypatch, demo_book):
    """另存为 PDF pointed at a book (here a backup saved under a .pdf name) is told why and
    asked again; the book is untouched. Every save dialog goes through ask_save_path."""
    import shutil

    import desktop.gui.roster_files as files
    from desktop.book.backup import backup_book, verify_file

    folder = tmp_path / "tmp"
    folder.mkdir()
    prepared = pp.prepare_pdf(write_pdf(folder / "src.pdf", [A4]), temp_dir=folder)
    dialog = pp.show_preview(parent, prepared, "打印测试", "测试.pdf")
    disguised = tmp_path / "花名册.pdf"
    shutil.copyfile(backup_book(demo_book, dest_dir=tmp_path), disguised)
    good = tmp_path / "花名册-新.pdf"
    answers = [(str(disguised), ""), (str(good), "")]
    monkeypatch.setattr(files.QFileDialog, "getSaveFileName", lambda *a, **k: answers.pop(0))
    warned: list[str] = []
    monkeypatch.setattr(files.QMessageBox, "warning", lambda _p, _t, text: warned.append(text))
    monkeypatch.setattr(files, "offer_to_open", lambda *a: None)
    assert dialog.save_as_pdf() == good
    assert warned and "先锋指数账本或备份" in warned[0] and "花名册.pdf" in warned[0]
    verify_file(disguised)
    assert good.read_bytes().startswith(b"%PDF")
    dialog.close()


def test_preview_document_writes_off_the_ui_thread_then_opens(
    qtbot, parent, demo_book, monkeypatch
):
    shown: list[pp.PdfPreviewDialog] = []
    real = pp.show_preview
    monkeypatch.setattr(pp, "show_preview", lambda *a: shown.append(real(*a)) or shown[-1])
    job = pp.preview_document(
        parent, demo_book.path, "roster", title="打印花名册", file_name="花名册.pdf"
    )
    qtbot.waitUntil(lambda: job.done, timeout=30000)
    [dialog] = shown
    assert dialog.page_count() == len(pdf_pages(dialog.prepared.path)) >= 1
    temp = dialog.prepared.temp_dir
    assert temp is not None and temp.exists()
    dialog.close()
    assert not temp.exists()


def test_refused_print_shows_the_reason_and_opens_nothing(qtbot, parent, demo_book, messages):
    job = pp.preview_document(
        parent, demo_book.path, "no-such-kind", title="打印", file_name="x.pdf"
    )
    qtbot.waitUntil(lambda: job.done, timeout=30000)
    assert not parent.findChildren(pp.PdfPreviewDialog)
    assert any("不认识的打印种类" in t for t in messages.texts())


def test_quarter_sheets_preview_and_save_as_excel(
    qtbot, confirmed_demo_book, previews, monkeypatch, tmp_path
):
    import desktop.gui.roster_files as files
    from desktop.gui.quarter_screen import QuarterScreen
    from desktop.gui.worker import jobs_running

    screen = QuarterScreen(confirmed_demo_book)
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitUntil(lambda: screen.data is not None and jobs_running() == 0, timeout=30000)
    qtbot.mouseClick(screen.print_review_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(previews), timeout=30000)
    [preview] = previews
    assert preview.page_count() == len(pdf_pages(preview.prepared.path)) >= 1
    assert preview.xlsx_action is not None  # the review sheet is also a workbook

    out = tmp_path / "审核表.xlsx"
    offered: list[Path] = []
    monkeypatch.setattr(files, "ask_save_path", lambda *a, **k: out)
    monkeypatch.setattr(files, "offer_to_open", lambda _p, _t, _w, path: offered.append(path))
    preview.xlsx_action.trigger()
    qtbot.waitUntil(lambda: bool(offered), timeout=30000)
    assert offered == [out] and out.read_bytes()[:2] == b"PK"
    qtbot.waitUntil(lambda: jobs_running() == 0, timeout=30000)


def test_pdf_only_kinds_offer_no_excel(qtbot, parent, demo_book, previews):
    job = pp.preview_document(
        parent, demo_book.path, "roster", title="打印花名册", file_name="花名册.pdf"
    )
    qtbot.waitUntil(lambda: job.done, timeout=30000)
    assert previews[0].xlsx_action is None


def test_long_documents_preview_coarser_within_the_memory_budget():
    a4 = (595.0, 842.0)
    assert pp.preview_dpi([a4] * 3) == pp.PREVIEW_DPI
    many = pp.preview_dpi([a4] * 100)
    assert pp.MIN_PREVIEW_DPI < many < pp.PREVIEW_DPI
    square_inches = 100 * a4[0] * a4[1] / 72**2
    assert square_inches * many**2 <= pp.PREVIEW_BUDGET * 1.001
    assert pp.preview_dpi([a4] * 5000) == pp.MIN_PREVIEW_DPI
    assert pp.preview_dpi([]) == pp.PREVIEW_DPI


def test_forms_print_from_the_file_menu(qtbot, window, monkeypatch) -> None:
    """文件 → 打印表格 → 民主评议测评票: the window prints the new forms through the preview."""
    from PySide6.QtGui import QAction

    from desktop.gui.forms_menu import MENU_KINDS

    shown: list[pp.PdfPreviewDialog] = []
    real = pp.show_preview
    monkeypatch.setattr(pp, "show_preview", lambda *a: shown.append(real(*a)) or shown[-1])
    from desktop.book.printing import KINDS

    actions = {a.objectName(): a for a in window.findChildren(QAction)}
    assert all(f"printForm_{k}" in actions for k in MENU_KINDS)
    # The menu spells the names itself (start-up): they are the printed kinds' own names.
    assert {k: KINDS[k][0] for k in MENU_KINDS} == MENU_KINDS
    window.book.roster.add_member({"name": "张三", "status": "正式党员"})
    actions["printForm_ballot"].trigger()
    qtbot.waitUntil(lambda: bool(shown), timeout=30000)
    [dialog] = shown
    assert dialog.page_count() >= 1 and "测评票" in dialog.windowTitle() + dialog.prepared.path.name
    dialog.close()
