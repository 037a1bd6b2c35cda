"""GUI fixtures: the styled application, a fresh book per test, and a main window on it.

PIONEER_HOME is already a fresh folder per test (tests/conftest.py), so backups, logs and
window settings land there.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox


@pytest.fixture(autouse=True)
def _styled_app(qapp):
    """The application as the program configures it (names, Chinese Qt strings, font)."""
    from desktop.gui.app import create_application

    create_application()
    return qapp


@pytest.fixture
def book(tmp_path: Path):
    from desktop.book.store import Book

    b = Book.create(tmp_path / "b.db", branch="测试支部", year=2026)
    yield b
    b.close()  # harmless if the window closed it already


@pytest.fixture
def window(qtbot, book):
    from desktop.gui.main_window import MainWindow

    w = MainWindow(book)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()


class MessageLog:
    """Records QMessageBox calls instead of showing them (a modal box would block a test)."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, str, str]] = []

    def texts(self, kind: str | None = None) -> list[str]:
        return [text for k, _title, text in self.calls if kind is None or k == kind]

    def __len__(self) -> int:
        return len(self.calls)


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> MessageLog:
    log = MessageLog()

    def fake(kind: str, answer=QMessageBox.StandardButton.Ok):
        def show(parent, title, text, *args, **kwargs):
            log.calls.append((kind, title, text))
            return answer

        return show

    monkeypatch.setattr(QMessageBox, "information", fake("information"))
    monkeypatch.setattr(QMessageBox, "warning", fake("warning"))
    monkeypatch.setattr(QMessageBox, "critical", fake("critical"))
    monkeypatch.setattr(QMessageBox, "question", fake("question", QMessageBox.StandardButton.Yes))

    def exec_box(self):
        log.calls.append(("exec", self.windowTitle(), self.text()))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "exec", exec_box)
    return log


def type_text(qtbot, widget, text: str) -> None:
    """Type `text` into `widget` as a user would: Latin keys as key presses, Chinese as the
    commit of an input method (QTest.keyClicks aborts on characters outside ASCII)."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QInputMethodEvent

    widget.setFocus()
    chunk = ""
    for ch in text + "\0":
        if ch != "\0" and not ch.isascii():
            chunk += ch
            continue
        if chunk:
            event = QInputMethodEvent()
            event.setCommitString(chunk)
            QCoreApplication.sendEvent(widget, event)
            chunk = ""
        if ch != "\0":
            qtbot.keyClicks(widget, ch)


@pytest.fixture
def typist(qtbot):
    """`typist(widget, "中共红旗村支部")` types into a widget, Chinese included."""
    return lambda widget, text: type_text(qtbot, widget, text)


@pytest.fixture
def previews(monkeypatch: pytest.MonkeyPatch):
    """Print previews opened during the test, newest last (they open without blocking)."""
    from shiboken6 import isValid

    from desktop.gui import print_preview

    opened: list = []
    real = print_preview.show_preview

    def show(*args, **kwargs):
        dialog = real(*args, **kwargs)
        opened.append(dialog)
        return dialog

    monkeypatch.setattr(print_preview, "show_preview", show)
    yield opened
    for dialog in opened:
        if isValid(dialog):
            dialog.close()
