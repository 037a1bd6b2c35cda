"""Opening a book a second time in the same process keeps the first connection's locks.

On POSIX, closing any descriptor of a file drops every lock the process holds on it, SQLite's
too. The window opens the book again for every background job; if that read the file's header
through a descriptor of its own, another program closing the book afterwards would find no
other user, fold and delete the WAL under the window, and the window's latest actions would be
lost (“disk I/O error”).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from desktop.book.store import Book


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX advisory locks")
def test_second_open_in_process_then_another_program_loses_nothing(tmp_path: Path) -> None:
    path = tmp_path / "b.db"
    Book.create(path, branch="红星村党支部", year=2026).close()
    window = Book.open(path)
    try:
        window.roster.add_member({"name": "张三", "status": "正式党员"})
        with Book.open(path) as job:  # a background job's own connection
            assert job.roster.find("张三")
        # Another program reads the book and closes it.
        code = (
            "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
            "c.execute('select count(*) from members').fetchone(); c.close()"
        )
        subprocess.run([sys.executable, "-c", code, str(path)], check=True)
        assert Path(f"{path}-wal").exists(), "the WAL was deleted under an open book"
        window.roster.add_member({"name": "李四", "status": "正式党员"})
        names = {m["name"] for m in window.roster.members()}
        assert names == {"张三", "李四"}
    finally:
        window.close()
    with Book.open(path) as again:
        assert {m["name"] for m in again.roster.members()} == {"张三", "李四"}


def test_the_count_of_open_books_follows_open_and_close(tmp_path: Path) -> None:
    from desktop.book import store

    path = tmp_path / "b.db"
    Book.create(path, branch="红星村党支部", year=2026).close()
    before = dict(store._open_here)
    first = Book.open(path)
    second = Book.open(path)
    key = store._file_key(path)
    assert store._open_here[key] == 2
    second.close()
    second.close()  # twice is harmless
    assert store._open_here[key] == 1
    # A Book around another connection (an import's in-memory trial) is not counted.
    import sqlite3

    scratch = sqlite3.connect(":memory:")
    Book(path, scratch)
    assert store._open_here[key] == 1
    scratch.close()
    first.close()
    assert dict(store._open_here) == before
