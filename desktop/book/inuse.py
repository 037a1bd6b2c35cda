"""Who has a book open: a small lock file beside the book, held by every program using it.

`B.db-inuse` holds up to SLOTS descriptions (program, process, user, computer, since when).
A program that opens the book (`Book.open`/`Book.create` call `hold`) locks one slot's byte
and writes its description there; the lock goes when the program closes the book or dies
(the operating system drops it, so a crash leaves no stale "in use"). Byte-range locks work
the same on Windows (msvcrt.locking) and Linux/macOS (fcntl.lockf); the locked bytes lie far
past the text, because Windows forbids reading a locked range.

The API, for restore and for the window's one-instance-per-book check:
- `holders(path)`: the *other* programs that have the book open now (empty: nobody else);
- `describe(holders)`: them in one Chinese phrase, for a message;
- `exclusive(path)`: a context in which no other program can start using the book, refused
  with BookInUseError naming the holders if one has it open (restore replaces the file inside);
- `hold(path)` / `release(path)`: what Book does (counted: the window's background jobs open
  the book again in the same process); `set_program(name)` names this program ("窗口",
  "命令行 restore") in what others are told.

A folder nobody can write (a write-protected stick) gets no lock file: nothing can replace the
book there either.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import NamedTuple

from desktop.book.errors import BookError

SUFFIX = "-inuse"
SLOTS = 64
SLOT_SIZE = 256  # bytes of description per slot, at slot * SLOT_SIZE
_LOCK_BASE = 1 << 20  # the lock bytes: gate at _LOCK_BASE, slot i at _LOCK_BASE + 1 + i
_GATE_WAIT = 10.0  # seconds an opener waits while another program replaces the book

_program = "先锋指数"


class BookInUseError(BookError):
    """Another program has the book open (or is replacing it)."""

    def __init__(self, message: str, hint: str = "", *, holders: list[Holder] | None = None):
        super().__init__(message, hint)
        self.holders = holders or []


class Holder(NamedTuple):
    pid: int
    program: str
    user: str
    host: str
    since: str  # ISO time the program opened the book

    def text(self) -> str:
        when = self.since[11:16] if len(self.since) >= 16 else self.since
        who = f"{self.user}@{self.host}" if self.host else self.user
        return f"{self.program}（进程 {self.pid}，{who}，{when} 起）"


def set_program(name: str) -> None:
    """How this program is named to others ("先锋指数窗口", "命令行 pioneer restore")."""
    global _program
    _program = name


def lock_path(book: Path) -> Path:
    book = Path(book)
    return book.with_name(book.name + SUFFIX)


def describe(holders: list[Holder]) -> str:
    return "、".join(h.text() for h in holders) or "另一个程序"


# -- the platform's byte-range locks -------------------------------------------------------

if os.name == "nt":  # pragma: no cover - exercised on Windows
    import msvcrt

    def _try_lock(fd: int, offset: int) -> bool:
        os.lseek(fd, offset, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int, offset: int) -> None:
        os.lseek(fd, offset, os.SEEK_SET)
        with contextlib.suppress(OSError):
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int, offset: int) -> bool:
        try:
            fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, offset, os.SEEK_SET)
        except OSError:
            return False
        return True

    def _unlock(fd: int, offset: int) -> None:
        with contextlib.suppress(OSError):
            fcntl.lockf(fd, fcntl.LOCK_UN, 1, offset, os.SEEK_SET)


def _slot_byte(slot: int) -> int:
    return _LOCK_BASE + 1 + slot


# -- this process's hold on each book ------------------------------------------------------


class _Hold:
    def __init__(self, fd: int, slot: int) -> None:
        self.fd = fd
        self.slot = slot
        self.count = 1


# On POSIX, closing any descriptor of a file drops every lock this process holds on it: all
# looks at a lock file this process holds go through the held descriptor (under _mutex).
_holds: dict[str, _Hold] = {}
_mutex = threading.RLock()


def _key(path: Path) -> str:
    return os.path.normcase(os.path.abspath(path))


def _open_flags() -> int:
    return os.O_RDWR | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOINHERIT", 0)


def _wait_gate(fd: int, path: Path) -> None:
    deadline = time.monotonic() + _GATE_WAIT
    while not _try_lock(fd, _LOCK_BASE):
        if time.monotonic() > deadline:
            raise BookInUseError(
                f"账本 {path.name} 正被另一个程序替换（例如从备份恢复），暂时不能打开。",
                "请等它完成后再试。",
            )
        time.sleep(0.05)


def _read_slot(fd: int, slot: int) -> Holder:
    import json

    os.lseek(fd, slot * SLOT_SIZE, os.SEEK_SET)
    raw = os.read(fd, SLOT_SIZE)
    try:
        data = json.loads(raw.rstrip(b"\0 ").decode("utf-8"))
        return Holder(
            int(data["pid"]), str(data["program"]), str(data["user"]), str(data["host"]),
            str(data["since"]),
        )  # fmt: skip
    except (ValueError, KeyError, TypeError):
        return Holder(0, "另一个程序", "", "", "")


def _write_slot(fd: int, slot: int, text: bytes) -> None:
    os.lseek(fd, slot * SLOT_SIZE, os.SEEK_SET)
    os.write(fd, text[:SLOT_SIZE].ljust(SLOT_SIZE, b"\0"))


def _me() -> bytes:
    import json  # here: the window's start-up opens a book and needs no more than this

    env = os.environ
    user = env.get("USERNAME") or env.get("USER") or env.get("LOGNAME") or ""
    host = env.get("COMPUTERNAME") or (os.uname().nodename if hasattr(os, "uname") else "")
    me = {
        "pid": os.getpid(),
        "program": _program,
        "user": user,
        "host": host,
        "since": datetime.now().isoformat(timespec="seconds"),
    }
    return json.dumps(me, ensure_ascii=False).encode("utf-8")


def _same_file(fd: int, path: Path) -> bool:
    if os.name == "nt":  # an open file can't be deleted on Windows
        return True
    try:
        a, b = os.fstat(fd), os.stat(path)
    except OSError:
        return False
    return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)


def hold(book: Path) -> bool:
    """Mark `book` as open by this program (counted). False when no lock file can be made
    there (a read-only folder). Raises BookInUseError while another program replaces it."""
    path = lock_path(book)
    key = _key(path)
    with _mutex:
        held = _holds.get(key)
        if held is not None:
            held.count += 1
            return True
        for _attempt in range(5):
            try:
                fd = os.open(path, _open_flags() | os.O_CREAT, 0o666)
            except OSError:
                return False
            try:
                _wait_gate(fd, Path(book))
                try:
                    slot = next((i for i in range(SLOTS) if _try_lock(fd, _slot_byte(i))), None)
                    if slot is not None:
                        _write_slot(fd, slot, _me())
                finally:
                    _unlock(fd, _LOCK_BASE)
            except BaseException:
                os.close(fd)
                raise
            if slot is None:  # 64 programs on one book: go on without a mark
                os.close(fd)
                return False
            if _same_file(fd, path):
                _holds[key] = _Hold(fd, slot)
                return True
            os.close(fd)  # the file was removed by the last closer meanwhile: again
        return False


def release(book: Path) -> None:
    """Undo one `hold`; the last one clears this program's mark (and the file, if unused)."""
    path = lock_path(book)
    key = _key(path)
    with _mutex:
        held = _holds.get(key)
        if held is None:
            return
        held.count -= 1
        if held.count > 0:
            return
        del _holds[key]
        fd = held.fd
        with contextlib.suppress(OSError):
            _write_slot(fd, held.slot, b"")
        _unlock(fd, _slot_byte(held.slot))
        remove = False
        if _try_lock(fd, _LOCK_BASE):
            remove = not _busy_slots(fd, skip=None)
            if remove and os.name != "nt":
                with contextlib.suppress(OSError):
                    path.unlink()  # under the gate: an opener waiting on it notices and retries
            _unlock(fd, _LOCK_BASE)
        os.close(fd)
        if remove and os.name == "nt":
            with contextlib.suppress(OSError):  # refused if another program has it open
                path.unlink()


def _busy_slots(fd: int, skip: int | None) -> list[int]:
    busy = []
    for i in range(SLOTS):
        if i == skip:
            continue
        if _try_lock(fd, _slot_byte(i)):
            _unlock(fd, _slot_byte(i))
        else:
            busy.append(i)
    return busy


@contextlib.contextmanager
def _descriptor(book: Path) -> Iterator[tuple[int, int | None] | None]:
    """(descriptor, own slot) of the book's lock file; None when there is no lock file."""
    path = lock_path(book)
    with _mutex:
        held = _holds.get(_key(path))
        if held is not None:
            yield held.fd, held.slot
            return
        try:
            fd = os.open(path, _open_flags())
        except OSError:
            yield None
            return
        try:
            yield fd, None
        finally:
            os.close(fd)


def holders(book: Path) -> list[Holder]:
    """The other programs that have `book` open now (this program is not listed)."""
    with _descriptor(Path(book)) as found:
        if found is None:
            return []
        fd, own = found
        return [_read_slot(fd, i) for i in _busy_slots(fd, skip=own)]


@contextlib.contextmanager
def exclusive(book: Path) -> Iterator[None]:
    """No other program has `book` open, and none can open it, inside this block. Raises
    BookInUseError naming who has it open. (This program's own Books must be closed first.)"""
    book = Path(book)
    path = lock_path(book)
    with _mutex:
        held = _holds.get(_key(path))
        own_fd = None
        if held is not None:
            fd, own = held.fd, held.slot
        else:
            try:
                fd = own_fd = os.open(path, _open_flags() | os.O_CREAT, 0o666)
            except OSError:
                yield  # a folder nobody can write: nobody can have marked it either
                return
            own = None
        try:
            if not _try_lock(fd, _LOCK_BASE):
                raise BookInUseError(
                    f"账本 {book.name} 正被另一个程序替换（例如从备份恢复）。",
                    "请等它完成后再试。",
                )
            try:
                others = [_read_slot(fd, i) for i in _busy_slots(fd, skip=own)]
                if others:
                    raise BookInUseError(
                        f"账本 {book.name} 正被另一个程序打开：{describe(others)}。",
                        "请先关闭那个程序（或等它完成），再恢复或替换账本。",
                        holders=others,
                    )
                yield
            finally:
                # A lock file made only for this block goes again (under the gate, unused).
                if own_fd is not None and os.name != "nt" and not _busy_slots(fd, skip=None):
                    with contextlib.suppress(OSError):
                        path.unlink()
                _unlock(fd, _LOCK_BASE)
        finally:
            if own_fd is not None:
                os.close(own_fd)
                if os.name == "nt":
                    with contextlib.suppress(OSError):  # refused while another has it open
                        path.unlink()
