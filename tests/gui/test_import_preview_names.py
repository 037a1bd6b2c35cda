"""The import window's preview of sheets other than the roster (the quarter's records, the
branch's history …) shows the workbook's Chinese column names and words, not field keys."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from desktop.gui.import_dialog import PAGE_PREVIEW, ImportDialog


def _workbook(path: Path) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "季度"
    ws.append(["年度", "季度", "状态", "公示开始", "公示结束", "确认时间", "确认人"])
    ws.append([2026, 1, "未公示"])
    ws.append([2026, 2, "未公示"])
    # A second sheet, present but empty, so the file is not taken for a one-sheet roster.
    wb.create_sheet("节假日").append(["日期", "名称"])
    wb.save(path)
    return path


def test_preview_of_the_quarter_sheet_reads_in_chinese(
    qtbot, monkeypatch, tmp_path, book, messages
):
    path = _workbook(tmp_path / "季度.xlsx")
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), "Excel 工作簿 (*.xlsx)")
    )
    dialog = ImportDialog(book)
    qtbot.addWidget(dialog)
    dialog.resize(1000, 640)
    dialog.show()
    qtbot.mouseClick(dialog.ui.browseButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.ui.nextButton.isEnabled(), timeout=10000)
    qtbot.mouseClick(dialog.ui.nextButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.page() == PAGE_PREVIEW, timeout=15000)
    assert dialog.problem_lines() == []
    table = dialog.ui.previewTable
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert headers[:5] == ["年度", "季度", "季度开始", "季度结束", "状态"]
    assert all(not h.isascii() for h in headers), headers
    assert dialog.preview_rows()[1][:5] == ["2026", "2", "2026-04-01", "2026-06-30", "未公示"]
    assert dialog.ui.previewLabel.text() == "将导入的“季度”："
    if os.environ.get("PIONEER_SHOTS"):  # a look at it by eye: PIONEER_SHOTS=folder
        dialog.grab().save(str(Path(os.environ["PIONEER_SHOTS"]) / "import-preview-quarter.png"))
    qtbot.mouseClick(dialog.ui.importButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=15000)
    assert [r[0] for r in book.execute("select quarter from periods order by quarter")] == [1, 2]
