"""Opening, creating and refusing books."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from desktop.book.errors import (
    BookMissingError,
    DamagedBookError,
    NewerBookError,
    NotABookError,
)
from desktop.book.schema import MIGRATIONS, SCHEMA_VERSION
from desktop.book.scoring import scheme_stored, year_scheme, year_scheme_text
from desktop.book.store import APPLICATION_ID, Book, sqlite_problem
from desktop.rules.presets import preset_text


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_create_sets_pragmas_and_identity(book: Book) -> None:
    db = book.db
    assert db.execute("pragma application_id").fetchone()[0] == APPLICATION_ID
    assert db.execute("pragma user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("pragma journal_mode").fetchone()[0] == "wal"
    assert db.execute("pragma synchronous").fetchone()[0] == 2  # FULL
    assert db.execute("pragma foreign_keys").fetchone()[0] == 1
    assert book.branch()["name"] == "测试村党支部"
    assert book.current_year == 2026


def test_schema_version_counts_the_migrations(tmp_path: Path) -> None:
    import sqlite_utils

    fresh = sqlite_utils.Database(tmp_path / "x.db")
    assert len(MIGRATIONS.pending(fresh)) == SCHEMA_VERSION


def test_reopen_keeps_data_and_journal(book: Book, book_path: Path) -> None:
    book.roster.add_member({"name": "张三", "status": "正式党员", "joined_date": "2000-07-01"})
    book.close()
    with Book.open(book_path) as again:
        assert [m["name"] for m in again.roster.members()] == ["张三"]
        actions = [j["action"] for j in again.journal()]
        assert actions[:2] == ["添加党员", "新建账本"]


def test_create_refuses_existing_file(book_path: Path, book: Book) -> None:
    with pytest.raises(NotABookError, match="已存在"):
        Book.create(book_path, branch="x", year=2026)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(BookMissingError, match="找不到账本文件"):
        Book.open(tmp_path / "nope.db")


@pytest.mark.parametrize(
    ("content", "error", "message"),
    [
        (b"", NotABookError, "空的"),
        ("name,phone\n张三,123\n".encode(), NotABookError, "不是先锋指数账本"),
        (b"%PDF-1.4 " + b"x" * 200, NotABookError, "不是先锋指数账本"),
    ],
)
def test_refuses_files_that_are_not_books(
    tmp_path: Path, content: bytes, error: type, message: str
) -> None:
    path = tmp_path / "bad.db"
    path.write_bytes(content)
    before = _digest(path)
    with pytest.raises(error, match=message) as info:
        Book.open(path)
    assert "从备份恢复" in str(info.value)  # the way out is named
    assert _digest(path) == before


def test_refuses_someone_elses_sqlite(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("create table t (x)")
    conn.commit()
    conn.close()
    before = _digest(path)
    with pytest.raises(NotABookError, match="是一个数据库，但不是先锋指数账本"):
        Book.open(path)
    assert _digest(path) == before


def _closed_demo(tmp_path: Path) -> Path:
    from desktop.book.demo import create_demo

    path = tmp_path / "demo.db"
    create_demo(path, year=2026, today=date(2026, 11, 30)).close()
    return path


def test_refuses_newer_version(tmp_path: Path) -> None:
    path = _closed_demo(tmp_path)
    conn = sqlite3.connect(path)
    conn.execute(f"pragma user_version = {SCHEMA_VERSION + 5}")
    conn.commit()
    conn.close()
    before = _digest(path)
    with pytest.raises(NewerBookError, match="更新版本") as info:
        Book.open(path)
    assert "不会改动" in str(info.value)
    assert _digest(path) == before


def test_refuses_truncated_book(tmp_path: Path) -> None:
    path = _closed_demo(tmp_path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    before = _digest(path)
    with pytest.raises(DamagedBookError, match="损坏"):
        Book.open(path)
    assert _digest(path) == before


def test_refuses_book_with_flipped_bytes(tmp_path: Path) -> None:
    path = _closed_demo(tmp_path)
    data = bytearray(path.read_bytes())
    page = 4096
    # Scribble over the b-tree pages after the first (the header page stays valid).
    for offset in range(page + 8, len(data), 97):
        data[offset] ^= 0xFF
    path.write_bytes(bytes(data))
    before = _digest(path)
    with pytest.raises(DamagedBookError, match="损坏"):
        Book.open(path)
    assert _digest(path) == before


def test_older_book_is_backed_up_then_migrated(tmp_path: Path, _private_home: Path) -> None:
    import sqlite_utils

    # A book written by the previous version: every migration but the last.
    path = tmp_path / "old.db"
    db = sqlite_utils.Database(path)
    db.execute(f"pragma application_id = {APPLICATION_ID}")
    last = MIGRATIONS.pending(db)[-1].name
    MIGRATIONS.apply(db, stop_before=last)
    db.execute(f"pragma user_version = {SCHEMA_VERSION - 1}")
    db["branch"].insert({"id": 1, "name": "老支部", "created_at": "2025-01-01T00:00:00"})
    db.conn.commit()
    db.close()
    with Book.open(path) as book:
        assert book.db.execute("pragma user_version").fetchone()[0] == SCHEMA_VERSION
        assert not MIGRATIONS.pending(book.db)
    backups = list((_private_home / "备份").glob("*升级前*.db"))
    assert len(backups) == 1
    assert sqlite3.connect(backups[0]).execute("pragma user_version").fetchone()[0] == (
        SCHEMA_VERSION - 1
    )


def test_action_rolls_back_as_a_whole(book: Book) -> None:
    with pytest.raises(RuntimeError), book.action("测试", "一半"):
        book.db["party_groups"].insert({"name": "第一党小组", "sort": 1})
        raise RuntimeError("boom")
    assert book.db["party_groups"].count == 0
    assert [j["action"] for j in book.journal()] == ["新建账本"]


def test_inspecting_a_refused_file_leaves_no_side_files(tmp_path: Path) -> None:
    path = _closed_demo(tmp_path)
    conn = sqlite3.connect(path)
    conn.execute(f"pragma user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    with pytest.raises(NewerBookError):
        Book.open(path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo.db"]


def test_opening_and_closing_a_book_leaves_no_side_files(tmp_path: Path) -> None:
    """The first look's -wal/-shm are used by the book's own connection, which removes them
    on closing; a book refused after the look (held by a restore) removes them too."""
    from unittest import mock

    from desktop.book.inuse import BookInUseError

    path = _closed_demo(tmp_path)
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    with Book.open(path) as book:
        assert book.roster.members()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo.db"]
    refused = BookInUseError("账本正在被另一个程序恢复。", "请稍后再打开。")
    with mock.patch("desktop.book.inuse.hold", side_effect=refused), pytest.raises(BookInUseError):
        Book.open(path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo.db"]


def test_a_read_only_look_never_removes_side_files_another_program_uses(tmp_path: Path) -> None:
    """A second start of the program looks at the book read-only while the first opens it:
    the look must not delete the -wal the first is about to write into (every write the first
    program acknowledged afterwards went into a deleted file and was lost)."""
    import subprocess
    import sys

    from desktop.book.store import read_only

    path = _closed_demo(tmp_path)
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    with read_only(path) as conn:
        conn.execute("select count(*) from members").fetchone()
        window = Book.open(path)  # the other program opens the book during the look
    try:
        window.roster.add_member({"name": "王新", "status": "正式党员"})
        code = (
            "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]);"
            " print(c.execute(\"select count(*) from members where name = '王新'\").fetchone()[0])"
        )
        seen = subprocess.run(
            [sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True
        )
        assert seen.stdout.strip() == "1", "another program does not see an acknowledged write"
    finally:
        window.close()
    with Book.open(path) as again:
        assert again.roster.find("王新")
    # Once nobody uses the book, a look leaves nothing behind.
    with read_only(path) as conn:
        conn.execute("select 1").fetchone()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo.db"]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"branch": " ", "year": 2026}, "支部名称不能为空"),
        ({"branch": "x", "year": 20266}, "年度 20266 不合理"),
        ({"branch": "x", "year": 2026, "scheme_id": "nosuch"}, "没有名为“nosuch”的积分方案"),
    ],
)
def test_create_refuses_bad_input_and_writes_nothing(
    tmp_path: Path, kwargs: dict, message: str
) -> None:
    from desktop.book.errors import InputRefused

    with pytest.raises(InputRefused, match=message):
        Book.create(tmp_path / "n.db", **kwargs)
    assert not (tmp_path / "n.db").exists()


def test_a_write_waits_for_another_programs_write_instead_of_failing(book_path: Path) -> None:
    """A transaction that began by reading could not wait (`database is locked` at once);
    writes begin as writers (BEGIN IMMEDIATE) and take their turn."""
    import threading

    Book.create(book_path, branch="测试支部", year=2026).close()
    window = Book.open(book_path)
    try:
        errors: list[BaseException] = []

        def other_program() -> None:
            try:
                with Book.open(book_path) as other:
                    other.roster.add_member({"name": "李四", "status": "正式党员"})
            except BaseException as exc:  # noqa: BLE001 — reported by the assertion below
                errors.append(exc)

        with window.action("测试", "先读后写"):
            window.roster.members()  # the action reads first …
            thread = threading.Thread(target=other_program)
            thread.start()
            thread.join(0.5)  # … another program writes meanwhile (it waits for us now)
            window.roster.add_member({"name": "张三", "status": "正式党员"})  # … then writes
        thread.join(15)
        assert not errors
        names = {m["name"] for m in window.roster.members()}
        assert names == {"张三", "李四"}
    finally:
        window.close()


def test_a_write_kept_waiting_too_long_says_another_program_uses_the_book(book_path: Path) -> None:
    from desktop.book.errors import BookBusyError

    Book.create(book_path, branch="测试支部", year=2026).close()
    holder = sqlite3.connect(book_path)
    holder.execute("BEGIN IMMEDIATE")  # another program in the middle of a long write
    book = Book.open(book_path)
    try:
        book.execute("PRAGMA busy_timeout = 200")
        with pytest.raises(BookBusyError, match="另一个程序正在使用此账本"):
            book.roster.add_member({"name": "张三", "status": "正式党员"})
        holder.rollback()
        book.roster.add_member({"name": "张三", "status": "正式党员"})
        assert book.roster.find("张三")
    finally:
        holder.close()
        book.close()


# The scheme chosen when a book is set up is that year's own scheme, not only a default.


def test_chosen_preset_is_stored_for_the_first_year(tmp_path: Path) -> None:
    with Book.create(
        tmp_path / "b.db", branch="红星村党支部", year=2026, scheme_id="xingji-60-40"
    ) as book:
        assert scheme_stored(book, 2026)
        assert year_scheme_text(book, 2026) == ("xingji-60-40", preset_text("xingji-60-40"))
        assert year_scheme(book, 2026).id == "xingji-60-40"
        # Later years the secretary has not settled yet still fall back to the default.
        assert not scheme_stored(book, 2027)
        assert year_scheme_text(book, 2027)[0] == "xingji-60-40"
        assert [r["action"] for r in book.query("select action from journal")] == ["新建账本"]


def test_without_a_choice_nothing_is_stored(tmp_path: Path) -> None:
    with Book.create(tmp_path / "b.db", branch="红星村党支部", year=2026) as book:
        assert not scheme_stored(book, 2026)


# A damaged book is described in Chinese, not only in SQLite's English.


def test_sqlite_words_are_put_in_chinese() -> None:
    text = sqlite_problem(Exception("database disk image is malformed"))
    assert text.startswith("文件内容已损坏") and "malformed" in text  # the original kept
    assert sqlite_problem(Exception("something new")) == "something new"


def test_a_book_with_a_damaged_schema_page_says_so_in_chinese(tmp_path: Path) -> None:
    path = tmp_path / "b.db"
    Book.create(path, branch="红星村党支部", year=2026).close()
    data = bytearray(path.read_bytes())
    data[100:1500] = b"\xff" * 1400  # the first page after the header: the schema
    path.write_bytes(bytes(data))
    with pytest.raises(DamagedBookError) as refused:
        Book.open(path)
    message = refused.value.message
    assert "已损坏" in message
    assert any("\u4e00" <= ch <= "\u9fff" for ch in message.split("已损坏", 1)[1]), message


# Opening a book a second time in the same process keeps the first connection's locks.
#
# On POSIX, closing any descriptor of a file drops every lock the process holds on it, SQLite's
# too. The window opens the book again for every background job; if that read the file's header
# through a descriptor of its own, another program closing the book afterwards would find no other
# user, fold and delete the WAL under the window, and the window's latest actions would be lost
# (“disk I/O error”).


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
