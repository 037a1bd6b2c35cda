"""The fault tests, repeated so the data-loss paths found once stay fixed (issue 11).

- kill -9 rounds: another program writing (members, activities, sign-ins, claims) is killed at
  a random moment; every acknowledged action is in the book, it verifies (journal chain
  included) and it takes new writes;
- two programs writing one book at once: each write takes its turn, none is lost, no
  `database is locked`;
- damaged files: many kinds of damage to a good backup; `verify` refuses each with a Chinese
  reason (exit 1, never a traceback), and `restore` never copies one over a good book;
- backup-target faults: a full stick (a fake full file system, and a real 1 MB tmpfs where
  this machine lets us mount one), a stick pulled out mid-way, a read-only folder: a Chinese
  message, no `.part`, the old backups intact.

Marked slow (about half a minute); CI runs it (`pytest` selects slow tests too).
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from desktop.book.backup import backup_book, restore_book, verify_file
from desktop.book.errors import BookError
from desktop.book.store import Book

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
ROUNDS = 6

# Another program's writes, each acknowledged on stdout only after its transaction committed.
WRITER = textwrap.dedent(
    """
    import sys
    from desktop.book.store import Book
    from desktop.book.meetings import Meetings
    book = Book.open(sys.argv[1])
    tag = sys.argv[2]
    n = 0
    while True:
        n += 1
        code = f"{tag}{n:05d}"
        book.roster.add_member({"name": "张" + "一二三四五六七八九十"[n % 10] + "华",
                                "status": "正式党员", "code": code, "joined_date": "2000-01-01"})
        print("member", code, flush=True)
        if n % 3 == 0:
            act = Meetings(book).add_activity({"date": "2026-03-0%d" % (1 + n % 9),
                                              "type": "主题党日", "topic": code})
            print("activity", code, flush=True)
    """
)


def _env() -> dict[str, str]:
    return dict(os.environ, PYTHONPATH=str(ROOT))


def _writer(path: Path, tag: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), tag],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_env(),
    )


def _read_acks(proc: subprocess.Popen, until: int, deadline: float) -> list[tuple[str, str]]:
    acks: list[tuple[str, str]] = []
    assert proc.stdout is not None
    while len(acks) < until and time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        kind, code = line.split()
        acks.append((kind, code))
    return acks


def _check_holds(path: Path, acks: list[tuple[str, str]]) -> None:
    verify_file(path)  # integrity, every row, protections, journal chain
    with Book.open(path) as book:
        codes = {m["code"] for m in book.roster.members()}
        topics = {r[0] for r in book.execute("select topic from activities")}
        for kind, code in acks:
            assert code in (codes if kind == "member" else topics), (kind, code)
        book.roster.add_member({"name": "王五", "status": "正式党员"})  # still takes writes
    verify_file(path)


def test_kill9_rounds_lose_nothing_acknowledged(tmp_path: Path) -> None:
    path = tmp_path / "k.db"
    Book.create(path, branch="测试支部", year=2026).close()
    rnd = random.Random(11)
    total: list[tuple[str, str]] = []
    for round_no in range(ROUNDS):
        proc = _writer(path, f"R{round_no}")
        acks = _read_acks(proc, rnd.randint(3, 25), time.monotonic() + 60)
        if os.name == "nt":
            proc.kill()
        else:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        assert acks, proc.stderr.read() if proc.stderr else ""
        total += acks
        _check_holds(path, total)


def test_two_programs_writing_at_once_both_get_their_turn(tmp_path: Path) -> None:
    path = tmp_path / "two.db"
    Book.create(path, branch="测试支部", year=2026).close()
    procs = [_writer(path, tag) for tag in ("A", "B")]
    acks: list[tuple[str, str]] = []
    deadline = time.monotonic() + 60
    try:
        for proc in procs:
            acks += _read_acks(proc, 30, deadline)
    finally:
        for proc in procs:
            proc.kill()
            proc.wait()
    errors = "".join(p.stderr.read() for p in procs if p.stderr)
    assert "database is locked" not in errors and "Traceback" not in errors, errors
    assert len([a for a in acks if a[0] == "member"]) >= 40
    _check_holds(path, acks)


# -- damaged files --------------------------------------------------------------------------


def _damage(kind: str, good: Path, bad: Path) -> None:
    data = bytearray(good.read_bytes())
    page = int.from_bytes(data[16:18], "big") or 65536
    if kind == "empty":
        data = bytearray()
    elif kind == "truncated-header":
        data = data[:50]
    elif kind == "truncated-half":
        data = data[: len(data) // 2]
    elif kind == "truncated-one-page":
        data = data[:-page]
    elif kind == "not-sqlite":
        data[:16] = b"PK\x03\x04 workbook"
    elif kind == "other-database":
        data[68:72] = b"\0\0\0\0"  # application id: someone else's SQLite file
    elif kind == "newer-format":
        data[60:64] = (999).to_bytes(4, "big")  # user_version
    elif kind == "zeroed-page-1-tail":
        data[200:page] = bytes(page - 200)
    elif kind.startswith("random-page-"):
        n = int(kind.rsplit("-", 1)[1])
        rnd = random.Random(n)
        start = page * n
        data[start : start + page] = bytes(rnd.randrange(256) for _ in range(page))
    elif kind == "text-bytes":
        at = data.index("红星村".encode())  # the branch name inside its row
        data[at : at + 2] = b"\xff\xfe"
    elif kind == "page-count-lies":
        data[28:32] = (len(data) // page + 50).to_bytes(4, "big")
    bad.write_bytes(bytes(data))


DAMAGE = [
    "empty",
    "truncated-header",
    "truncated-half",
    "truncated-one-page",
    "not-sqlite",
    "other-database",
    "newer-format",
    "zeroed-page-1-tail",
    "random-page-1",
    "random-page-2",
    "random-page-5",
    "random-page-9",
    "text-bytes",
    "page-count-lies",
]


@pytest.fixture(scope="module")
def good_backup(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("faults")
    with Book.create(folder / "good.db", branch="红星村党支部", year=2026) as book:
        for n in range(60):
            name = "张" + "一二三四五六七八九十"[n % 10] + "甲乙丙丁戊己庚辛壬癸"[n // 10]
            book.roster.add_member({"name": name, "status": "正式党员"})
        return backup_book(book, dest_dir=folder)


@pytest.mark.parametrize("kind", DAMAGE)
def test_a_damaged_file_is_refused_by_verify_and_restore(
    kind: str, good_backup: Path, tmp_path: Path, capsys
) -> None:
    from desktop.cli import main

    bad = tmp_path / f"{kind}.db"
    _damage(kind, good_backup, bad)
    with pytest.raises(BookError):
        verify_file(bad)
    assert main(["verify", str(bad)]) == 1
    err = capsys.readouterr().err
    assert err.strip() and "Traceback" not in err
    book = tmp_path / "book.db"
    shutil.copyfile(good_backup, book)
    before = book.read_bytes()
    with pytest.raises(BookError):
        restore_book(book, bad)
    assert book.read_bytes() == before


# -- backup-target faults -------------------------------------------------------------------


@pytest.fixture
def stick(tmp_path: Path, good_backup: Path) -> tuple[Path, Path]:
    usb = tmp_path / "usb"
    usb.mkdir()
    old = usb / "红星村党支部-备份-20260101-000000-手动.db"
    shutil.copyfile(good_backup, old)
    return usb, old


def _intact(usb: Path, old: Path) -> None:
    if usb.exists():
        assert not list(usb.glob("*.part")), list(usb.iterdir())
        verify_file(old)


@pytest.mark.parametrize("fault", ["full", "full-mid-way", "pulled", "read-only"] * 2)
def test_backup_target_faults(
    fault: str, stick: tuple[Path, Path], good_backup: Path, tmp_path: Path, monkeypatch
) -> None:
    from desktop.book import backup as backup_module
    from desktop.book import store
    from desktop.book.errors import BackupFailed

    usb, old = stick
    book = Book.open(_copy(good_backup, tmp_path))
    real_copy = backup_module._copy_database
    words = {
        "full": "U盘空间不足",
        "full-mid-way": "U盘空间不足",
        "pulled": "U盘被拔出或文件夹已不在",
        "read-only": "只读",
    }[fault]
    if fault == "full":
        real = shutil.disk_usage
        monkeypatch.setattr(
            backup_module.shutil, "disk_usage", lambda p: real(p)._replace(free=4096)
        )
    else:

        def failing(source: sqlite3.Connection, dest: Path) -> None:
            if fault == "read-only":
                raise sqlite3.OperationalError("unable to open database file")
            real_copy(source, dest)
            if fault == "pulled":
                shutil.rmtree(usb)
                raise sqlite3.OperationalError("disk I/O error")
            raise sqlite3.OperationalError("database or disk is full")

        monkeypatch.setattr(backup_module, "_copy_database", failing)
        if fault == "read-only":
            monkeypatch.setattr(store, "folder_writable", lambda p: Path(p).parent != usb)
    try:
        with pytest.raises(BackupFailed, match=words):
            backup_book(book, dest_dir=usb)
    finally:
        book.close()
    _intact(usb, old)


def _copy(source: Path, folder: Path) -> Path:
    path = folder / "book.db"
    shutil.copyfile(source, path)
    return path


def test_a_real_full_tmpfs_stick(tmp_path: Path, good_backup: Path, monkeypatch) -> None:
    """A 1 MB tmpfs that really fills up half-way (the room check is bypassed to get there)."""
    from desktop.book import backup as backup_module
    from desktop.book.errors import BackupFailed

    usb = tmp_path / "tiny"
    usb.mkdir()
    if os.name == "nt" or os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs an administrator on Linux")
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(usb)], capture_output=True
    )
    if mounted.returncode != 0:
        pytest.skip("no tmpfs can be mounted here")
    try:
        path = _copy(good_backup, tmp_path)
        with Book.open(path) as book:
            blob = "党员档案" * 150_000  # a book bigger than the stick
            with book.write():
                book.execute("insert into settings(key, value) values ('padding', ?)", [blob])
            old = backup_book(book, dest_dir=tmp_path)
            (usb / old.name).write_bytes(b"")  # something on the stick already
            monkeypatch.setattr(backup_module, "_check_room", lambda folder, needed: None)
            with pytest.raises(BackupFailed, match="U盘空间不足"):
                backup_book(book, dest_dir=usb)
        assert not list(usb.glob("*.part"))
    finally:
        subprocess.run(["umount", str(usb)], check=False)
