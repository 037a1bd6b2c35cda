"""The recent-books list: newest first, at most RECENT_MAX, not rewritten when unchanged."""

from __future__ import annotations

from desktop.book.paths import data_dir
from desktop.gui.settings import RECENT_MAX, forget_book, recent_books, remember_book


def test_recent_books_order_limit_and_no_needless_write(tmp_path):
    a, b = tmp_path / "a.db", tmp_path / "b.db"
    remember_book(a)
    remember_book(b)
    assert recent_books() == [b.resolve(), a.resolve()]
    assert remember_book(a) == [a.resolve(), b.resolve()]
    ini = data_dir() / "settings.ini"
    stamp = ini.stat().st_mtime_ns
    assert remember_book(a) == [a.resolve(), b.resolve()]  # reopening the last book
    assert ini.stat().st_mtime_ns == stamp
    for n in range(RECENT_MAX + 2):
        remember_book(tmp_path / f"{n}.db")
    assert len(recent_books()) == RECENT_MAX
    assert recent_books()[0] == (tmp_path / f"{RECENT_MAX + 1}.db").resolve()
    forget_book((tmp_path / f"{RECENT_MAX + 1}.db").resolve())
    assert recent_books()[0] == (tmp_path / f"{RECENT_MAX}.db").resolve()
