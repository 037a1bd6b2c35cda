"""Starting the program: first run, and files that can't be opened (never written to)."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog

from desktop.book.backup import backup_book, list_backups
from desktop.book.errors import DamagedBookError, NotABookError
from desktop.book.store import Book
from desktop.gui import app as app_module
from desktop.gui.backup_screen import RestorePreviewDialog
from desktop.gui.opening import OpenFailedDialog, WayOut, open_with_way_out
from desktop.gui.wizard import BookWizard


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def damaged_copy(good: Path, target: Path) -> Path:
    data = bytearray(good.read_bytes())
    data[5000:9000] = b"\xff" * 4000  # flipped bytes in the middle of the tables
    target.write_bytes(bytes(data))
    return target


@pytest.fixture
def way_out(monkeypatch: pytest.MonkeyPatch):
    """Answer the way-out dialog with queued choices; record what it showed."""
    shown: list[OpenFailedDialog] = []
    answers: list[WayOut] = []

    def exec_(self):
        shown.append(self)
        return int(answers.pop(0)) if answers else int(WayOut.QUIT)

    monkeypatch.setattr(OpenFailedDialog, "exec", exec_)
    return shown, answers


@pytest.fixture
def no_event_loop(monkeypatch: pytest.MonkeyPatch):
    """main() would block in app.exec(); return at once instead, and keep the hooks."""
    monkeypatch.setattr(QApplication, "exec", lambda *args: 0)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    import threading

    monkeypatch.setattr(threading, "excepthook", threading.excepthook)


def test_not_a_book_is_refused_and_left_untouched(qtbot, tmp_path, way_out):
    shown, _answers = way_out
    path = tmp_path / "笔记.db"
    path.write_text("这不是账本", encoding="utf-8")
    before = digest(path)
    assert open_with_way_out(None, path) is None
    assert len(shown) == 1
    assert isinstance(shown[0].error, NotABookError)
    assert "不是先锋指数账本" in shown[0].ui.messageLabel.text()
    assert str(path) in shown[0].ui.pathLabel.text()
    assert digest(path) == before


def test_damaged_book_way_out_open_other(qtbot, tmp_path, way_out, monkeypatch, book):
    shown, answers = way_out
    book.close()
    bad = damaged_copy(book.path, tmp_path / "坏.db")
    before = digest(bad)
    answers.append(WayOut.OPEN_OTHER)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(book.path), ""))
    opened = open_with_way_out(None, bad)
    try:
        assert opened is not None and opened.path == book.path
        assert isinstance(shown[0].error, DamagedBookError)
        assert digest(bad) == before
    finally:
        opened.close()


def test_damaged_book_way_out_restore(qtbot, tmp_path, way_out, monkeypatch, messages, book):
    _shown, answers = way_out
    backup = backup_book(book, reason="手动")
    book.close()
    bad = damaged_copy(book.path, tmp_path / "坏.db")
    damaged_bytes = bad.read_bytes()
    answers.append(WayOut.RESTORE)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(backup), ""))
    monkeypatch.setattr(RestorePreviewDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    opened = open_with_way_out(None, bad)
    try:
        assert opened is not None
        assert opened.branch()["name"] == "测试支部"
    finally:
        opened.close()
    # The damaged file was moved aside intact, and the user was told where.
    kept = [p for p in list_backups() if "损坏" in p.name]
    assert len(kept) == 1 and kept[0].read_bytes() == damaged_bytes
    assert any(str(kept[0]) in text for text in messages.texts("information"))


def test_damaged_book_way_out_new_book(qtbot, tmp_path, way_out, monkeypatch):
    _shown, answers = way_out
    bad = tmp_path / "账本.db"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x01" * 40)
    answers.append(WayOut.NEW)
    seen: list[Path] = []

    def fake_exec(self):
        seen.append(self.default_path)
        self.book = Book.create(self.default_path, branch="新支部", year=2026)
        return 1

    monkeypatch.setattr(BookWizard, "exec", fake_exec)
    opened = open_with_way_out(None, bad)
    try:
        assert opened is not None and opened.branch()["name"] == "新支部"
        assert seen == [tmp_path / "账本-2.db"]  # never on top of the bad file
        assert bad.read_bytes() == b"SQLite format 3\x00" + b"\x01" * 40
    finally:
        opened.close()


def test_main_first_run_shows_wizard_and_quits_if_cancelled(
    qtbot, tmp_path, monkeypatch, no_event_loop
):
    started: list[Path] = []

    def fake_exec(self):
        started.append(self.default_path)
        return 0

    monkeypatch.setattr(BookWizard, "exec", fake_exec)
    missing = tmp_path / "新.db"
    assert app_module.main(str(missing)) == 0
    assert started == [missing]
    assert not missing.exists()


def test_main_opens_the_default_book_and_backs_up_on_close(
    qtbot, monkeypatch, no_event_loop, tmp_path
):
    from desktop.book.paths import default_book_path

    Book.create(default_book_path(), branch="默认支部", year=2026).close()
    windows = []
    from desktop.gui.main_window import MainWindow

    real_show = MainWindow.show

    def show(self):
        windows.append(self)
        real_show(self)

    monkeypatch.setattr(MainWindow, "show", show)
    assert app_module.main() == 0
    assert windows and windows[0].windowTitle() == "默认支部 — 先锋指数"
    assert [p for p in list_backups() if "关闭时" in p.name]


def test_main_refuses_a_newer_book(qtbot, tmp_path, way_out, no_event_loop):
    import sqlite3

    from desktop.book.schema import SCHEMA_VERSION

    shown, _answers = way_out
    path = tmp_path / "新版.db"
    Book.create(path, branch="测试支部", year=2026).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    before = digest(path)
    assert app_module.main(str(path)) == 0
    assert "更新版本" in shown[0].ui.messageLabel.text()
    assert shown[0].ui.quitButton.text() == "退出"
    assert digest(path) == before


def test_startup_path_rules(qtbot, tmp_path, monkeypatch):
    from desktop.book.paths import default_book_path
    from desktop.gui.settings import remember_book

    assert app_module.startup_book_path(str(tmp_path / "x.db")) == tmp_path / "x.db"
    assert app_module.startup_book_path(None) == default_book_path()  # first run
    demo = tmp_path / "示范支部.db"
    Book.create(demo, branch="示范", year=2026).close()
    remember_book(demo)
    # No default book yet, but the demo was used: open it rather than the wizard again.
    assert app_module.startup_book_path(None) == demo.resolve()
    Book.create(default_book_path(), branch="真实支部", year=2026).close()
    assert app_module.startup_book_path(None) == default_book_path()
    monkeypatch.setenv("PIONEER_DB", str(tmp_path / "env.db"))
    assert app_module.startup_book_path(None) == tmp_path / "env.db"


def test_a_book_as_the_only_argument_opens_the_window_on_it(
    qtbot, monkeypatch, no_event_loop, tmp_path
):
    """`pioneer FILE.db`: what double-click and 「打开方式」 send."""
    from desktop.cli import main as cli_main
    from desktop.gui.main_window import MainWindow

    path = tmp_path / "红星村 账本.db"
    Book.create(path, branch="红星村支部", year=2026).close()
    windows = []
    real_show = MainWindow.show

    def show(self):
        windows.append(self)
        real_show(self)

    monkeypatch.setattr(MainWindow, "show", show)
    assert cli_main([str(path)]) == 0
    assert windows and windows[0].book.path == path
    assert windows[0].windowTitle() == "红星村支部 — 先锋指数"  # the app's name once


def test_a_second_start_on_the_same_book_brings_the_first_window_forward(
    qtbot, monkeypatch, no_event_loop, tmp_path
):
    from desktop.book import inuse
    from desktop.gui import single_instance
    from desktop.gui.main_window import MainWindow

    monkeypatch.setattr(single_instance, "WAIT_MS", 300)
    # The first window is another program on a PC; here it is this one, which inuse leaves out.
    monkeypatch.setattr(inuse, "holders", lambda book: ["先锋指数窗口"])
    path = tmp_path / "b.db"
    Book.create(path, branch="测试支部", year=2026).close()
    first = MainWindow(Book.open(path))
    qtbot.addWidget(first)
    server = single_instance.BookServer(first, path)
    raised = []
    monkeypatch.setattr(single_instance, "bring_to_front", raised.append)
    opened = []
    monkeypatch.setattr(MainWindow, "show", lambda self: opened.append(self))
    try:
        # The same book written another way round: still the same book.
        assert app_module.main(str(tmp_path / "." / "b.db")) == 0
        qtbot.waitUntil(lambda: raised == [first], timeout=3000)
        assert opened == []  # no second window on the book
        # Another book is not kept out.
        other = tmp_path / "other.db"
        assert not single_instance.bring_forward_running(other)
        monkeypatch.undo()  # nobody else has the book: no knock at all
        assert not single_instance.bring_forward_running(path)
    finally:
        server.close()


def test_the_window_listens_under_the_book_it_switched_to(qtbot, tmp_path):
    from desktop.gui import single_instance
    from desktop.gui.main_window import MainWindow

    a, b = tmp_path / "a.db", tmp_path / "b.db"
    for path in (a, b):
        Book.create(path, branch="测试支部", year=2026).close()
    window = MainWindow(Book.open(a))
    qtbot.addWidget(window)
    server = single_instance.BookServer(window, a)
    try:
        assert server.name == single_instance.server_name(a)
        window._switch_to(Book.open(b))
        assert server.name == single_instance.server_name(b)
    finally:
        server.close()
