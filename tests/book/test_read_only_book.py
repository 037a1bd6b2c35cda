"""A book that can't be written is opened read-only and says 「只读」: never 「已损坏」, never a
traceback at the first write, never a 「损坏」 copy left by a restore that can't work."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.book.backup import backup_book, restore_book, verify_file
from desktop.book.errors import InputRefused, ReadOnlyBookError
from desktop.book.store import Book, inspect_file


def _mount(*args: str) -> bool:
    return subprocess.run(["mount", *args], capture_output=True).returncode == 0


@pytest.fixture
def read_only_folder(tmp_path: Path) -> Iterator[Path]:
    """A folder holding a healthy book (closed normally) that nobody can write: a read-only
    tmpfs where this machine lets us mount one (an administrator), else chmod 555."""
    if os.name != "posix":
        pytest.skip("the read-only folder is made with mount or chmod (POSIX)")
    folder = tmp_path / "stick"
    folder.mkdir()
    mounted = os.geteuid() == 0 and _mount("-t", "tmpfs", "-o", "size=8m", "tmpfs", str(folder))
    if os.geteuid() == 0 and not mounted:
        pytest.skip("an administrator can write anywhere and no tmpfs can be mounted here")
    with Book.create(folder / "B.db", branch="红星村党支部", year=2026) as book:
        book.roster.add_member({"name": "张三", "status": "正式党员"})
    assert sorted(p.name for p in folder.iterdir()) == ["B.db"]
    if mounted:
        assert _mount("-o", "remount,ro", str(folder))
    else:
        folder.chmod(0o555)
    try:
        yield folder
    finally:
        if mounted:
            subprocess.run(["umount", str(folder)], check=False)
        else:
            folder.chmod(0o755)


def test_a_healthy_book_in_a_read_only_folder_is_not_called_damaged(read_only_folder: Path):
    path = read_only_folder / "B.db"
    assert inspect_file(path)["branch"] == "红星村党支部"
    assert verify_file(path)["counts"]["党员"] == 1
    with Book.open(path) as book:
        assert book.read_only and "只读" in (book.read_only_reason or "")
        assert [m["name"] for m in book.roster.members()] == ["张三"]
        with pytest.raises(ReadOnlyBookError, match="只读"):
            book.roster.add_member({"name": "李四", "status": "正式党员"})
    assert sorted(p.name for p in read_only_folder.iterdir()) == ["B.db"]


def test_restore_into_a_read_only_folder_is_refused_leaving_nothing(
    read_only_folder: Path, tmp_path: Path
) -> None:
    from desktop.book.paths import backup_dir

    path = read_only_folder / "B.db"
    with Book.open(path) as book:
        backup = backup_book(book, dest_dir=tmp_path)
    before = path.read_bytes()
    with pytest.raises(InputRefused, match="只读") as err:
        restore_book(path, backup)
    assert "损坏" not in str(err.value)
    assert path.read_bytes() == before
    assert not any("损坏" in p.name for p in backup_dir().iterdir())


def test_open_read_only_on_purpose_writes_nothing(tmp_path: Path) -> None:
    """What the township desk does with a pack's copy: look, print, never change it."""
    path = tmp_path / "B.db"
    with Book.create(path, branch="红星村党支部", year=2026) as book:
        book.roster.add_member({"name": "张三", "status": "正式党员"})
    copy = tmp_path / "copy.db"
    shutil.copyfile(path, copy)
    before = copy.read_bytes()
    with Book.open(copy, read_only=True) as book:
        assert book.read_only and book.branch()["name"] == "红星村党支部"
        with pytest.raises(ReadOnlyBookError, match="只读方式打开") as err:
            book.roster.add_member({"name": "李四", "status": "正式党员"})
        assert "（" not in err.value.message  # asked for: no reason in brackets
    assert copy.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["B.db", "copy.db"]


def test_a_read_only_file_opens_read_only(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "B.db"
    Book.create(path, branch="红星村党支部", year=2026).close()
    path.chmod(0o444)
    if os.access(path, os.W_OK):  # an administrator: make the check see what a user would
        import desktop.book.store as store

        real = os.access
        monkeypatch.setattr(
            store.os, "access", lambda p, mode: False if Path(p) == path else real(p, mode)
        )
    with Book.open(path) as book:
        assert book.read_only_reason == "账本文件是只读的"
        with pytest.raises(ReadOnlyBookError, match="账本文件是只读的"):
            book.update_branch(name="别的名字")


def test_a_backup_to_a_read_only_folder_says_so(read_only_folder: Path, demo_book: Book):
    from desktop.book.errors import BackupFailed

    with pytest.raises(BackupFailed, match="只读") as err:
        backup_book(demo_book, dest_dir=read_only_folder)
    assert "Error" not in str(err.value)
    assert sorted(p.name for p in read_only_folder.iterdir()) == ["B.db"]
