"""Backups are verified single files; restore replaces the book safely."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from desktop.book.backup import backup_book, list_backups, restore_book, rotate, verify_file
from desktop.book.errors import DamagedBookError, NotABookError
from desktop.book.store import Book

TABLES = ("branch", "party_groups", "members", "member_events", "settings")


def _dump(path: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(path)
    try:
        return {t: conn.execute(f"select * from {t} order by 1").fetchall() for t in TABLES}
    finally:
        conn.close()


def _usb(tmp_path: Path) -> Path:
    usb = tmp_path / "usb"
    usb.mkdir(exist_ok=True)
    return usb


def test_backup_to_a_missing_folder_is_refused(demo_book: Book, tmp_path: Path) -> None:
    """A mistyped or pulled-out USB path must not put the backup on the PC's own disk."""
    from desktop.book.errors import InputRefused

    missing = tmp_path / "nonexist" / "x"
    with pytest.raises(InputRefused) as err:
        backup_book(demo_book, reason="手动", dest_dir=missing)
    assert "文件夹不存在" in str(err.value) and str(missing) in str(err.value)
    assert "已有的文件夹" in str(err.value)
    assert not (tmp_path / "nonexist").exists()
    a_file = tmp_path / "a.txt"
    a_file.write_text("x", encoding="utf-8")
    with pytest.raises(InputRefused, match="不是文件夹"):
        backup_book(demo_book, reason="手动", dest_dir=a_file)
    # The automatic folder in the user data folder is the program's own: it may be created.
    assert backup_book(demo_book, reason="手动").exists()


def test_backup_is_a_verified_single_file(demo_book: Book, tmp_path: Path) -> None:
    usb = _usb(tmp_path)
    path = backup_book(demo_book, reason="手动", dest_dir=usb)
    assert path.parent == usb and path.suffix == ".db"
    assert "城关镇红星村党支部-备份-" in path.name
    assert not list(usb.glob("*.part")) and not list(usb.glob("*-wal"))
    report = verify_file(path)
    assert report["branch"] == "城关镇红星村党支部"
    assert report["counts"]["党员"] == 42
    conn = sqlite3.connect(path)
    assert conn.execute("pragma journal_mode").fetchone()[0] == "delete"
    conn.close()


def test_backup_restore_round_trip_is_equal(demo_book: Book, tmp_path: Path) -> None:
    backup = backup_book(demo_book, dest_dir=_usb(tmp_path))
    demo_book.close()
    original = _dump(demo_book.path)
    # Change the book after the backup, then restore it.
    with Book.open(demo_book.path) as book:
        book.roster.add_member({"name": "新来的", "status": "正式党员"})
    result = restore_book(demo_book.path, backup)
    assert result["saved"] and Path(result["saved"]).exists()
    assert _dump(demo_book.path) == original
    for suffix in ("-wal", "-shm"):
        assert not Path(str(demo_book.path) + suffix).exists()
    # The book saved before the restore holds the change.
    saved = sqlite3.connect(result["saved"])
    assert saved.execute("select count(*) from members where name='新来的'").fetchone()[0] == 1
    saved.close()
    with Book.open(demo_book.path) as book:
        assert book.integrity_ok()


def test_restore_over_damaged_book_moves_it_aside(demo_book: Book, tmp_path: Path) -> None:
    backup = backup_book(demo_book, dest_dir=_usb(tmp_path))
    demo_book.close()
    demo_book.path.write_bytes(b"garbage" * 100)
    result = restore_book(demo_book.path, backup)
    assert "损坏" in Path(result["saved"]).name
    assert Path(result["saved"]).read_bytes() == b"garbage" * 100
    with Book.open(demo_book.path) as book:
        assert len(book.roster.members()) == 42


def test_restore_refuses_a_bad_backup_and_keeps_the_book(demo_book: Book, tmp_path: Path) -> None:
    demo_book.close()
    before = _dump(demo_book.path)
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"not a database at all" * 10)
    with pytest.raises(NotABookError):
        restore_book(demo_book.path, bad)
    assert _dump(demo_book.path) == before


def test_verify_reports_damage(demo_book: Book, tmp_path: Path) -> None:
    path = backup_book(demo_book, dest_dir=tmp_path)
    data = bytearray(path.read_bytes())
    for offset in range(4096 + 8, len(data), 89):
        data[offset] ^= 0x5A
    path.write_bytes(bytes(data))
    with pytest.raises(DamagedBookError):
        verify_file(path)


def test_automatic_backups_rotate(book: Book, _private_home: Path) -> None:
    for _ in range(5):
        backup_book(book, reason="关闭时", keep=3)
    assert len(list_backups()) == 3
    assert rotate(_private_home / "备份", 1) and len(list_backups()) == 1


def test_rotation_keeps_one_backup_per_month(book: Book, _private_home: Path) -> None:
    import os

    folder = _private_home / "备份"
    paths = [backup_book(book, reason="关闭时", keep=100) for _ in range(6)]
    # Date the first three into three earlier months (newest first in each month).
    for n, path in enumerate(paths[:3]):
        when = datetime(2026, 3 + n, 15).timestamp()
        os.utime(path, (when, when))
    removed = rotate(folder, 2)
    left = set(list_backups())
    assert set(paths[:3]) <= left  # the only backup of each month stays
    assert len(left) == 5 and len(removed) == 1


def test_backup_on_close_is_skipped_when_nothing_changed(book: Book) -> None:
    first = backup_book(book, reason="关闭时", only_if_changed=True)
    again = backup_book(book, reason="关闭时", only_if_changed=True)
    assert again == first and len(list_backups()) == 1
    book.roster.add_member({"name": "何一", "status": "正式党员"})
    third = backup_book(book, reason="关闭时", only_if_changed=True)
    assert third != first and len(list_backups()) == 2


def test_restore_of_another_branch_needs_saying_so(demo_book: Book, tmp_path: Path) -> None:
    from desktop.book.backup import restore_concerns
    from desktop.book.errors import InputRefused

    other = Book.create(tmp_path / "other.db", branch="青山社区党支部", year=2026)
    foreign = backup_book(other, reason="手动", dest_dir=_usb(tmp_path))
    other.close()
    path = demo_book.path
    demo_book.close()
    concerns = restore_concerns(path, verify_file(foreign))
    assert concerns["other_branch"] and "青山社区党支部" in concerns["warnings"][0]
    # Another book's journal says nothing about actions "since" the backup.
    assert concerns["later_actions"] == 0 and len(concerns["warnings"]) == 1
    with pytest.raises(InputRefused) as err:
        restore_book(path, foreign)
    assert "青山社区党支部" in str(err.value) and "--other-branch" in err.value.lines()[0]
    with Book.open(path) as book:  # refused: nothing replaced
        assert book.branch()["name"] == "城关镇红星村党支部"
    restore_book(path, foreign, other_branch=True)
    with Book.open(path) as book:
        assert book.branch()["name"] == "青山社区党支部"


def test_restore_concerns_count_later_actions_and_ignore_a_rename(
    demo_book: Book, tmp_path: Path
) -> None:
    from desktop.book.backup import restore_concerns

    own = backup_book(demo_book, reason="手动", dest_dir=_usb(tmp_path))
    demo_book.update_branch(name="城关镇红星村党总支")
    demo_book.update_branch(name="城关镇红星村党总支", parent_org="城关镇党委")
    concerns = restore_concerns(demo_book.path, verify_file(own))
    assert not concerns["other_branch"]  # the same book, renamed since
    assert concerns["later_actions"] == 2 and "2 项操作" in concerns["warnings"][0]


# -- backup-target faults: a clear Chinese message, nothing half-written, old backups intact --


def _stick_with_an_old_backup(book: Book, tmp_path: Path) -> tuple[Path, Path]:
    usb = _usb(tmp_path)
    return usb, backup_book(book, reason="手动", dest_dir=usb)


def _left_as_before(usb: Path, old: Path) -> None:
    assert sorted(p.name for p in usb.iterdir()) == [old.name]  # no .part, nothing new
    verify_file(old)


def test_a_full_stick_is_refused_before_writing_with_the_sizes(
    demo_book: Book, tmp_path: Path, monkeypatch
) -> None:
    import shutil

    from desktop.book import backup as backup_module
    from desktop.book.errors import BackupFailed

    usb, old = _stick_with_an_old_backup(demo_book, tmp_path)
    real = shutil.disk_usage
    monkeypatch.setattr(
        backup_module.shutil,
        "disk_usage",
        lambda p: real(p)._replace(free=300_000) if Path(p) == usb else real(p),
    )
    with pytest.raises(BackupFailed) as err:
        backup_book(demo_book, dest_dir=usb)
    text = str(err.value)
    assert text.startswith("U盘空间不足：备份需要约 ") and "只剩 0.3 MB" in text
    _left_as_before(usb, old)


@pytest.mark.parametrize(
    ("fault", "words"),
    [
        ("full", "U盘空间不足"),
        ("pulled", "U盘被拔出或文件夹已不在"),
        ("io", "写入备份时出错"),
    ],
)
def test_a_stick_failing_mid_way_leaves_no_part_file(
    demo_book: Book, tmp_path: Path, monkeypatch, fault: str, words: str
) -> None:
    import shutil

    from desktop.book import backup as backup_module
    from desktop.book.errors import BackupFailed

    usb, old = _stick_with_an_old_backup(demo_book, tmp_path)
    keep = tmp_path / "kept-old.db"
    shutil.copyfile(old, keep)
    real_copy = backup_module._copy_database

    def failing_copy(source, dest: Path) -> None:
        real_copy(source, dest)  # the .part exists, half-way as far as anyone knows
        if fault == "full":
            raise sqlite3.OperationalError("database or disk is full")
        if fault == "pulled":
            shutil.rmtree(usb)
            raise sqlite3.OperationalError("disk I/O error")
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(backup_module, "_copy_database", failing_copy)
    with pytest.raises(BackupFailed) as err:
        backup_book(demo_book, dest_dir=usb)
    assert words in str(err.value) and "原有的备份都还在" in str(err.value)
    if fault == "pulled":
        assert not usb.exists()
    else:
        _left_as_before(usb, old)


def test_backup_to_a_read_only_folder_says_so(demo_book: Book, tmp_path: Path, monkeypatch):
    from desktop.book import backup as backup_module
    from desktop.book import store
    from desktop.book.errors import BackupFailed

    usb, old = _stick_with_an_old_backup(demo_book, tmp_path)

    def read_only_copy(source, dest: Path) -> None:  # what SQLite says on a write-protected stick
        raise sqlite3.OperationalError("unable to open database file")

    monkeypatch.setattr(backup_module, "_copy_database", read_only_copy)
    monkeypatch.setattr(store, "folder_writable", lambda p: Path(p).parent != usb)
    with pytest.raises(BackupFailed, match="只读") as err:
        backup_book(demo_book, dest_dir=usb)
    assert "不能写入" in str(err.value)
    _left_as_before(usb, old)


def test_cli_backup_to_a_full_stick_exits_1_with_the_message(
    demo_book: Book, tmp_path: Path, monkeypatch, capsys
) -> None:
    import shutil

    from desktop.book import backup as backup_module
    from desktop.cli import main

    usb = _usb(tmp_path)
    real = shutil.disk_usage
    monkeypatch.setattr(backup_module.shutil, "disk_usage", lambda p: real(p)._replace(free=0))
    demo_book.close()
    assert main(["--db", str(demo_book.path), "backup", "--to", str(usb)]) == 1
    err = capsys.readouterr().err
    assert "U盘空间不足" in err and "Traceback" not in err
    assert list(usb.iterdir()) == []


def test_verifying_a_closed_book_leaves_nothing_beside_it(tmp_path: Path) -> None:
    """A book or backup looked at (verify, the backup screen's check) is left as it was: no
    -wal/-shm beside it, also when it is refused as damaged."""
    from datetime import date

    from desktop.book.demo import create_demo

    folder = tmp_path / "stick"
    folder.mkdir()
    path = folder / "book.db"
    create_demo(path, year=2026, today=date(2026, 11, 30)).close()
    assert verify_file(path)["branch"]
    assert sorted(p.name for p in folder.iterdir()) == ["book.db"]
    data = bytearray(path.read_bytes())
    data[len(data) // 2 : len(data) // 2 + 4096] = b"\xff" * 4096
    path.write_bytes(bytes(data))
    with pytest.raises(DamagedBookError):
        verify_file(path)
    assert sorted(p.name for p in folder.iterdir()) == ["book.db"]
