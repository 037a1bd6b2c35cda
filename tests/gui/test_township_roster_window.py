"""The import window takes a township 花名册 as it is (issue 14): the messy roster of 40 goes in
with no editing; with 5 bad rows the window lists them (copy, save, print) and offers to import
the 35 that are right, writing the 5 to a problem workbook; a mapping chosen is remembered."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from township_roster_kit import BAD, COUNT, excel_row, member_row, name, write_roster

from desktop.gui.import_dialog import PAGE_MAPPING, PAGE_PREVIEW, ImportDialog


def _check(qtbot, monkeypatch, book, path: Path) -> ImportDialog:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    dialog = ImportDialog(book)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.ui.browseButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.ui.nextButton.isEnabled(), timeout=10000)
    assert "将从“花名册”读取党员" in dialog.ui.fileStatus.text()
    qtbot.mouseClick(dialog.ui.nextButton, Qt.MouseButton.LeftButton)
    assert dialog.page() == PAGE_MAPPING
    assert dialog.mapping()["党员类型"] == "人员类别"
    assert dialog.mapping()["出生年月"] == "出生日期"
    qtbot.mouseClick(dialog.ui.nextButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: dialog.page() == PAGE_PREVIEW and dialog.plan is not None, timeout=20000
    )
    return dialog


@pytest.fixture
def infos(monkeypatch) -> list[str]:
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a, **k: said.append(text))
    return said


def test_the_messy_roster_imports_with_no_editing(qtbot, monkeypatch, book, tmp_path, infos):
    dialog = _check(qtbot, monkeypatch, book, write_roster(tmp_path / "花名册.xlsx"))
    assert dialog.problem_lines() == []
    assert len(dialog.preview_rows()) == COUNT
    notes = "\n".join(dialog.note_lines())
    assert "第45行（表尾（合计…））" in notes and "第24行（空行）" in notes
    assert "第45行" not in dialog.ui.summaryLabel.text()  # the summary stays one sentence
    assert not dialog.ui.goodRowsButton.isVisible()
    qtbot.mouseClick(dialog.ui.importButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(infos), timeout=20000)
    assert len(book.roster.members()) == COUNT


def test_five_bad_rows_listed_then_the_right_rows_imported(
    qtbot, monkeypatch, book, tmp_path, infos
):
    dialog = _check(qtbot, monkeypatch, book, write_roster(tmp_path / "花名册.xlsx", bad_rows=True))
    lines = dialog.problem_lines()
    assert len(lines) == 5
    assert [int(line.split("第")[1].split("行")[0]) for line in lines] == [
        excel_row(i) for i in sorted(BAD)
    ]
    assert "只导入无误的行" in dialog.ui.problemsLabel.text()
    assert not dialog.ui.importButton.isEnabled()  # all or nothing stays the default

    # The list can be copied, saved and printed.
    qtbot.mouseClick(dialog.ui.copyProblemsButton, Qt.MouseButton.LeftButton)
    assert lines[0] in QApplication.clipboard().text()
    saved = tmp_path / "问题.txt"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(saved), ""))
    qtbot.mouseClick(dialog.ui.saveProblemsButton, Qt.MouseButton.LeftButton)
    assert lines[-1] in saved.read_text(encoding="utf-8-sig")
    qtbot.mouseClick(dialog.ui.printProblemsButton, Qt.MouseButton.LeftButton)
    assert dialog._preview.isVisible()
    dialog._preview.close()

    problems = tmp_path / "问题行.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(problems), ""))
    assert dialog.ui.goodRowsButton.isEnabled()
    qtbot.mouseClick(dialog.ui.goodRowsButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(infos), timeout=20000)
    assert f"已导入：党员 {COUNT - 5} 条" in infos[0]
    assert len(book.roster.members()) == COUNT - 5
    assert problems.exists()


def test_the_updated_roster_imports_only_the_newcomers(qtbot, monkeypatch, book, tmp_path, infos):
    # Review 7 E: the township's updated 花名册 listed all 40 as 「同一人不能重复导入」.
    from desktop.book.interchange import import_workbook

    import_workbook(book, write_roster(tmp_path / "r.xlsx"), guess_headers=True)

    def updated(rows: list[list]) -> None:
        rows += [member_row(COUNT), member_row(COUNT + 1)]
        rows[5][8] = "1982年9月"

    dialog = _check(qtbot, monkeypatch, book, write_roster(tmp_path / "新.xlsx", edit=updated))
    assert dialog.problem_lines() == []
    summary = dialog.ui.summaryLabel.text()
    assert f"将导入：党员 2（另有 {COUNT} 人已在名册中，不再导入）" in summary
    notes = "\n".join(dialog.note_lines())
    assert f"{name(5)}（编号 006）已在名册中，本表与账本不同：入党时间 本表为“1982年9月”" in notes
    rows = dialog.preview_rows()
    assert [row[1] for row in rows] == [name(COUNT), name(COUNT + 1)]
    # Review 7 I: a whole date and one known to the month in one form (not 2015-07-15).
    assert [row[-1] for row in rows] == ["2015年7月15日", "2016年8月"]
    qtbot.mouseClick(dialog.ui.importButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(infos), timeout=20000)
    assert len(book.roster.members()) == COUNT + 2

    # The same roster once more: nothing to import, said so, the button off.
    dialog = _check(qtbot, monkeypatch, book, tmp_path / "新.xlsx")
    assert dialog.problem_lines() == []
    assert (
        f"名册中的 {COUNT + 2} 人都已在账本中，没有新的党员要导入" in dialog.ui.summaryLabel.text()
    )
    assert not dialog.ui.importButton.isEnabled()


def test_a_chosen_mapping_is_remembered_for_the_same_headers(qtbot, monkeypatch, book, tmp_path):
    path = write_roster(tmp_path / "花名册.xlsx")
    dialog = _check(qtbot, monkeypatch, book, path)
    qtbot.mouseClick(dialog.ui.backButton, Qt.MouseButton.LeftButton)
    combo = dialog.mapping_combo("文化程度")
    assert combo is not None and combo.currentData() == "学历"
    combo.setCurrentIndex(0)  # （不导入）
    qtbot.mouseClick(dialog.ui.nextButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=20000)
    dialog.close()

    again = _check(qtbot, monkeypatch, book, write_roster(tmp_path / "另一份.xlsx"))
    assert again.mapping()["文化程度"] is None  # the choice made last time


def test_twenty_differing_rows_scroll_in_a_list_and_the_dialog_fits_the_screen(
    qtbot, monkeypatch, book, tmp_path
):
    """Session 7 left the notices in one label: 20 differing rows pushed the preview off a
    768-px screen. They are a list that scrolls, the dialog fits 1366×768 at 125% (about
    1093×560 free) and the newcomers' preview keeps its room."""
    from desktop.book.interchange import import_workbook

    import_workbook(book, write_roster(tmp_path / "r.xlsx"), guess_headers=True)

    def updated(rows: list[list]) -> None:
        rows += [member_row(COUNT), member_row(COUNT + 1)]
        for i in range(2, 22):
            rows[i][10] = "第9党小组"

    dialog = _check(qtbot, monkeypatch, book, write_roster(tmp_path / "新.xlsx", edit=updated))
    notes = dialog.note_lines()
    differing = [n for n in notes if "本表与账本不同" in n]
    assert len(differing) == 20 and all("党小组" in n for n in differing)
    assert dialog.ui.notesList.isVisible()
    assert "本表与账本不同" not in dialog.ui.summaryLabel.text()
    hint = dialog.minimumSizeHint()
    assert hint.width() <= 1093 and hint.height() <= 560, hint
    dialog.resize(1093, 560)
    qtbot.waitUntil(lambda: dialog.height() <= 560)
    QApplication.processEvents()
    ui = dialog.ui
    assert ui.notesList.height() <= 150  # the rest scrolls
    assert ui.notesList.verticalScrollBar().maximum() > 0
    # The two newcomers' rows are on screen below the notices.
    table = ui.previewTable
    assert table.isVisible() and table.rowCount() == 2
    bottom = table.mapTo(dialog, table.rect().bottomLeft()).y()
    assert bottom <= dialog.height()
    assert table.viewport().height() >= 2 * table.rowHeight(0)
    assert ui.importButton.isVisible() and ui.importButton.isEnabled()
