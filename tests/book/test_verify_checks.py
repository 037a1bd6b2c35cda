"""`verify` reads every row, checks the protections, the journal's chain and every quarter the
book confirmed; `restore` refuses a source that fails it and gets past a damaged current book."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from desktop.book.backup import backup_book, restore_book, verify_file
from desktop.book.errors import AlteredBookError, DamagedBookError
from desktop.book.store import Book

MOBILE = "13912345678"


def _damage_member_row(path: Path) -> None:
    """Overwrite two bytes inside a member's row in the file (integrity_check doesn't read
    them): his mobile number, which is nowhere else in the book."""
    data = path.read_bytes()
    assert data.count(MOBILE.encode()) == 1
    at = data.index(MOBILE.encode())
    path.write_bytes(data[:at] + b"\xff\xfe" + data[at + 2 :])


@pytest.fixture
def member_book(tmp_path: Path) -> Path:
    path = tmp_path / "B.db"
    with Book.create(path, branch="红星村党支部", year=2026) as book:
        book.roster.add_member({"name": "张三丰", "status": "正式党员", "phone": MOBILE})
    return path


def test_verify_reads_every_row_and_names_a_damaged_one(member_book: Path, capsys) -> None:
    from desktop.cli import main

    verify_file(member_book)
    _damage_member_row(member_book)
    conn = sqlite3.connect(member_book)
    assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"  # SQLite sees nothing
    conn.close()
    with pytest.raises(DamagedBookError) as err:
        verify_file(member_book)
    assert "党员名册" in str(err.value) and "phone" in str(err.value)
    assert main(["verify", str(member_book)]) == 1
    assert "已损坏" in capsys.readouterr().err


def test_a_value_cut_inside_a_character_is_found_though_the_next_would_complete_it(
    tmp_path: Path,
) -> None:
    """check_rows reads a column's values joined by group_concat: one value ending in half of
    「中」 and the next starting with its other half must not read as one good character."""
    from desktop.book.verify import check_rows

    conn = sqlite3.connect(tmp_path / "x.db")
    conn.execute("create table notes (id integer primary key, text text)")
    half, rest = "中".encode()[:1], "中".encode()[1:]
    conn.executemany(
        "insert into notes (text) values (cast(? as text))", [(b"ab" + half,), (rest + b"cd",)]
    )
    conn.commit()
    assert "notes 表编号 1 的一行（“text”栏）内容已损坏" in (check_rows(conn) or "")


def test_restore_refuses_a_damaged_source(member_book: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.db"
    with Book.open(member_book) as book:
        bad = backup_book(book, dest_dir=tmp_path)
    _damage_member_row(bad)
    good = tmp_path / "good.db"
    with Book.create(good, branch="红星村党支部", year=2026) as book:
        book.roster.add_member({"name": "李四", "status": "正式党员"})
    before = good.read_bytes()
    with pytest.raises(DamagedBookError):
        restore_book(good, bad)
    assert good.read_bytes() == before


def _without_triggers(path: Path, sql: str, *names: str) -> None:
    """Change the file behind the program's back: drop the triggers, run `sql`, put them back."""
    conn = sqlite3.connect(path)
    saved = {
        n: conn.execute("select sql from sqlite_master where name = ?", [n]).fetchone()[0]
        for n in names
    }
    for n in names:
        conn.execute(f"drop trigger {n}")
    conn.executescript(sql)
    for text in saved.values():
        conn.execute(text)
    conn.commit()
    conn.close()


def test_a_deleted_latest_snapshot_is_found(confirmed_demo_book: Book) -> None:
    path = confirmed_demo_book.path
    confirmed_demo_book.close()
    verify_file(path)
    _without_triggers(
        path,
        "delete from snapshots where id = (select max(id) from snapshots);",
        "snapshots_no_delete",
    )
    with pytest.raises(AlteredBookError, match="2026年第3季度.*快照.*不见了"):
        verify_file(path)


def test_an_edited_or_deleted_journal_line_is_found(member_book: Path) -> None:
    with Book.open(member_book) as book:
        for name in ("李四", "王五"):
            book.roster.add_member({"name": name, "status": "正式党员"})
    verify_file(member_book)
    edited = member_book.with_name("edited.db")
    edited.write_bytes(member_book.read_bytes())
    _without_triggers(
        edited, "update journal set summary = '改过' where id = 2;", "journal_no_update"
    )
    with pytest.raises(AlteredBookError, match="操作记录第 2 条"):
        verify_file(edited)
    _without_triggers(member_book, "delete from journal where id >= 3;", "journal_no_delete")
    with pytest.raises(AlteredBookError, match="操作记录最后 2 条被删除"):
        verify_file(member_book)


def test_missing_protections_are_named(confirmed_demo_book: Book, capsys) -> None:
    from desktop.cli import main

    path = confirmed_demo_book.path
    confirmed_demo_book.close()
    conn = sqlite3.connect(path)
    names = [r[0] for r in conn.execute("select name from sqlite_master where type='trigger'")]
    assert "lock_claims_insert" in names and "journal_no_delete" in names
    for name in names:
        conn.execute(f"drop trigger {name}")
    conn.commit()
    conn.close()
    with pytest.raises(AlteredBookError) as err:
        verify_file(path)
    assert f"缺少 {len(names)} 项保护" in str(err.value)
    assert min(names) in str(err.value)  # the first eight are named, in order
    assert main(["verify", str(path)]) == 1
    assert "保护" in capsys.readouterr().err


def test_a_book_damaged_where_opening_does_not_look_is_moved_aside_and_restored(
    confirmed_demo_book: Book, tmp_path: Path
) -> None:
    good = backup_book(confirmed_demo_book, dest_dir=tmp_path)
    path = confirmed_demo_book.path
    confirmed_demo_book.close()
    _without_triggers(
        path,
        "update snapshots set payload = payload || ' ' where id = (select max(id) from snapshots);",
        "snapshots_no_update",
    )
    Book.open(path).close()  # opens (quick_check): the damage is in a snapshot's content
    result = restore_book(path, good)
    saved = Path(result["saved"])
    assert "损坏" in saved.name and saved.exists()
    with pytest.raises(AlteredBookError):
        verify_file(saved)  # kept as it was, for inspection
    verify_file(path)


def test_a_book_from_before_the_journal_chain_is_chained_when_upgraded(tmp_path: Path) -> None:
    import sqlite_utils

    from desktop.book.schema import MIGRATIONS
    from desktop.book.store import APPLICATION_ID

    path = tmp_path / "old.db"
    db = sqlite_utils.Database(path)
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    MIGRATIONS.apply(db, stop_before="m009_journal_chain")
    db["branch"].insert({"id": 1, "name": "老支部", "created_at": "2025-01-01T00:00:00"})
    for n in range(3):
        db["journal"].insert({"at": f"2025-01-0{n + 1}T00:00:00", "actor": "x", "action": "旧"})
    db.execute("PRAGMA user_version = 8")
    db.conn.commit()
    db.close()
    verify_file(path)  # an older format: checked by its own protections
    with Book.open(path) as book:
        book.roster.add_member({"name": "张三", "status": "正式党员"})
    report = verify_file(path)
    assert report["counts"]["操作记录"] == 4
