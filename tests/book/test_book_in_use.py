"""A book is not replaced under another program that has it open (book/inuse.py), and a
program whose book was replaced anyway notices before its next write."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from desktop.book import inuse
from desktop.book.backup import backup_book, restore_book
from desktop.book.errors import BookReplacedError
from desktop.book.store import Book

ROOT = Path(__file__).resolve().parents[2]

# Another program: opens the book, says so, and keeps it open until its input closes.
HOLDER = textwrap.dedent(
    """
    import sys
    from desktop.book import inuse
    from desktop.book.store import Book
    inuse.set_program("先锋指数窗口")
    book = Book.open(sys.argv[1])
    print("open", flush=True)
    sys.stdin.read()
    book.close()
    """
)


def _other_program(path: Path) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "open"
    return proc


@pytest.fixture
def book_file(tmp_path: Path) -> Path:
    path = tmp_path / "B.db"
    with Book.create(path, branch="红星村党支部", year=2026) as book:
        book.roster.add_member({"name": "张三", "status": "正式党员"})
    return path


def test_holders_names_the_other_program_until_it_closes_or_dies(book_file: Path) -> None:
    assert inuse.holders(book_file) == []
    proc = _other_program(book_file)
    try:
        found = inuse.holders(book_file)
        assert [h.pid for h in found] == [proc.pid]
        assert found[0].program == "先锋指数窗口"
        assert f"进程 {proc.pid}" in inuse.describe(found)
        with Book.open(book_file):  # this program's own opening is not "another program"
            assert [h.pid for h in inuse.holders(book_file)] == [proc.pid]
    finally:
        proc.kill()  # a crash: the operating system drops its lock
        proc.wait()
    assert inuse.holders(book_file) == []


def test_restore_is_refused_while_another_program_has_the_book(
    book_file: Path, tmp_path: Path, capsys
) -> None:
    from desktop.cli import main

    with Book.open(book_file) as book:
        backup = backup_book(book, dest_dir=tmp_path)
    proc = _other_program(book_file)
    try:
        before = book_file.read_bytes()
        code = main(["--db", str(book_file), "restore", str(backup)])
        err = capsys.readouterr().err
        assert code == 1
        assert "正被另一个程序打开" in err and f"进程 {proc.pid}" in err and "先锋指数窗口" in err
        assert book_file.read_bytes() == before
        assert not list(tmp_path.glob("*.restoring"))
    finally:
        proc.stdin.close()  # type: ignore[union-attr]
        proc.wait()
    # Closed: the restore goes through.
    assert restore_book(book_file, backup)["restored"]


def test_restore_is_refused_while_this_program_has_the_book_open(
    book_file: Path, tmp_path: Path
) -> None:
    with Book.open(book_file) as book:
        backup = backup_book(book, dest_dir=tmp_path)
        with pytest.raises(inuse.BookInUseError, match="还打开着"):
            restore_book(book_file, backup)


@pytest.mark.skipif(
    sys.platform == "win32", reason="Windows refuses to replace a file another program has open"
)
def test_a_book_replaced_under_an_open_program_refuses_the_next_write(
    book_file: Path, tmp_path: Path
) -> None:
    """What a copy over the file (or an older program's restore) does: the window's next
    actions went to the old file and were lost, though they reported success."""
    book = Book.open(book_file)
    try:
        backup = backup_book(book, dest_dir=tmp_path)
        book.roster.add_member({"name": "李四", "status": "正式党员"})
        os.replace(backup, book_file)  # replaced behind the program's back
        with pytest.raises(BookReplacedError, match="已被另一个程序替换"):
            book.roster.add_member({"name": "王五", "status": "正式党员"})
    finally:
        book.close()
    with Book.open(book_file) as again:
        assert {m["name"] for m in again.roster.members()} == {"张三"}


def test_the_lock_file_goes_when_the_last_program_closes(book_file: Path) -> None:
    lock = inuse.lock_path(book_file)
    first = Book.open(book_file)
    second = Book.open(book_file)
    assert lock.exists()
    first.close()
    assert lock.exists()
    second.close()
    assert not lock.exists()
