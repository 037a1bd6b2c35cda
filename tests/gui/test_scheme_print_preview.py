"""积分方案 screen: 打印… and 文件 → 打印… (Ctrl+P) open the print preview of kind `scheme`
for the year shown; no file name is asked first."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from desktop.book.scoring import scheme_stored, set_year_scheme, year_scheme


def pdf_text(path: Path) -> str:
    exe = shutil.which("pdftotext")
    if not exe:
        pytest.skip("pdftotext (poppler-utils) not installed")
    out = subprocess.run([exe, str(path), "-"], capture_output=True, check=True)
    return "".join(out.stdout.decode("utf-8").split())


@pytest.fixture
def no_file_dialog(monkeypatch):
    def refuse(*_a, **_k):
        raise AssertionError("printing must not ask for a file name")

    monkeypatch.setattr(QFileDialog, "getSaveFileName", refuse)


@pytest.fixture
def screen(qtbot, book):
    from desktop.gui.scheme_screen import SchemeScreen

    set_year_scheme(book, 2026, preset="xingji-60-40")
    widget = SchemeScreen(book)
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_print_button_opens_the_preview_of_the_year(
    qtbot, screen, book, previews, no_file_dialog
) -> None:
    qtbot.mouseClick(screen.ui.printButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(previews), timeout=30000)
    [preview] = previews
    assert preview.windowTitle().startswith("打印积分方案")
    assert preview.xlsx_action is None  # a PDF-only kind
    assert preview.page_count() >= 2
    text = pdf_text(preview.prepared.path)
    assert "2026年度党员积分管理办法" in text
    # The plan it follows is cited; the preset's internal title is program jargon, not paper.
    scheme = year_scheme(book, 2026)
    assert scheme.source.replace(" ", "") in text
    assert scheme.title.replace(" ", "") not in text
    assert "测试支部" in text and "还没有保存积分方案" not in text


def test_ctrl_p_in_the_window_prints_the_year_shown(qtbot, window, book, monkeypatch) -> None:
    import desktop.gui.print_preview as pp

    set_year_scheme(book, 2025, preset="jiedao-nongcun")
    calls: list[tuple[str, dict]] = []
    monkeypatch.setattr(pp, "preview_document", lambda *a, **k: calls.append((a[2], k)))
    window.show_screen("积分方案")
    screen = window.current_screen()
    screen.set_year(2025)
    assert window.actions["print"].isEnabled()
    view = screen.ui.schemeView  # where the secretary has been reading
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert [(kind, k["year"], k["file_name"]) for kind, k in calls] == [
        ("scheme", 2025, "2025年度积分方案.pdf")
    ]


def test_a_year_without_its_own_scheme_prints_the_default_and_says_so(
    qtbot, book, previews, no_file_dialog
) -> None:
    """What the page shows is what is printed: the default, with the page's notice."""
    from desktop.gui.scheme_screen import SchemeScreen

    assert not scheme_stored(book, 2026)
    screen = SchemeScreen(book)
    qtbot.addWidget(screen)
    screen.show()
    assert screen.ui.noticeLabel.isVisible()
    screen.print_screen()
    qtbot.waitUntil(lambda: bool(previews), timeout=30000)
    text = pdf_text(previews[0].prepared.path)
    assert "2026年还没有保存积分方案，以下是计分时将会使用的账本默认方案" in text
    assert "依据：" in text and year_scheme(book, 2026).title.replace(" ", "") not in text


def test_a_scheme_with_errors_is_refused_before_any_job(
    qtbot, book, messages, previews, monkeypatch
) -> None:
    import desktop.gui.print_preview as pp
    from desktop.gui.scheme_screen import SchemeScreen

    set_year_scheme(book, 2026, preset="xingji-60-40")
    # A damaged stored text (the program never stores one; an old or hand-edited book may).
    book.execute("update schemes set text = 'total = ' where year = 2026")
    started: list = []
    monkeypatch.setattr(pp, "preview_document", lambda *a, **k: started.append(a))
    screen = SchemeScreen(book)
    qtbot.addWidget(screen)
    screen.show()
    assert screen.print_screen() is None
    assert started == [] and previews == []
    [text] = messages.texts("warning")
    assert "2026 年的积分方案有错误，不能打印" in text and "更换方案" in text


def test_a_year_the_book_does_not_hold_is_refused_with_the_reason(
    qtbot, screen, messages, previews
) -> None:
    screen.set_year(2019)
    job = screen.print_screen()
    qtbot.waitUntil(lambda: job.done, timeout=30000)
    assert previews == []
    assert any("本账本没有 2019 年的记录" in t for t in messages.texts())
