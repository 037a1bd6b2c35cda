"""The import window's mapping step proposes what `pioneer import` reads: 手机 rather than
电话 for 手机号码, and says so when two headers are equally likely (neither chosen)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from desktop.gui.import_dialog import PAGE_MAPPING, ImportDialog


def _open_mapping(qtbot, monkeypatch, book, tmp_path: Path, header: list[str]) -> ImportDialog:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "花名册"
    ws.append(header)
    ws.append(["张三", "0371-63212345", "13800138000", "正式党员"])
    path = tmp_path / "名册.xlsx"
    wb.save(path)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    dialog = ImportDialog(book)
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.ui.browseButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.ui.nextButton.isEnabled(), timeout=10000)
    qtbot.mouseClick(dialog.ui.nextButton, Qt.MouseButton.LeftButton)
    assert dialog.page() == PAGE_MAPPING
    return dialog


def test_mapping_step_chooses_the_mobile(qtbot, monkeypatch, book, tmp_path) -> None:
    dialog = _open_mapping(qtbot, monkeypatch, book, tmp_path, ["姓名", "电话", "手机", "类别"])
    assert dialog.mapping()["手机"] == "手机号码"
    assert dialog.mapping()["电话"] is None
    assert "都可作" not in dialog.ui.mappingStatus.text()


def test_mapping_step_flags_equal_columns(qtbot, monkeypatch, book, tmp_path) -> None:
    dialog = _open_mapping(qtbot, monkeypatch, book, tmp_path, ["姓名", "电话", "联系电话", "类别"])
    assert dialog.mapping()["电话"] is None and dialog.mapping()["联系电话"] is None
    note = "“电话”和“联系电话”都可作“手机号码”，请在下面选定其一，或都不导入"
    assert note in dialog.ui.mappingStatus.text()
    assert dialog.ui.nextButton.isEnabled()  # not blocking: neither may be wanted
    combo = dialog.mapping_combo("联系电话")
    assert combo is not None
    combo.setCurrentIndex(combo.findData("手机号码"))
    assert "都可作" not in dialog.ui.mappingStatus.text()
