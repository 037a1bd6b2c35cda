"""Opening, creating and closing the branch book: one SQLite file per branch.

The file is checked read-only before anything is written to it: a file that is not ours,
damaged, or from a newer version is refused with a Chinese message and left untouched.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.book.errors import (
    BookMissingError,
    DamagedBookError,
    InputRefused,
    NewerBookError,
    NotABookError,
)
from desktop.book.verify import TABLE_WORDS
from desktop.book.version import SCHEMA_VERSION

if TYPE_CHECKING:
    import sqlite_utils

# "PION" — marks the file as ours for `file(1)` and for our own checks.
APPLICATION_ID = 0x50494F4E
SQLITE_HEADER = b"SQLite format 3\x00"

# The confirmed-quarter triggers name the table; people read what kind of record it was
# (in the words `verify` uses for the same tables).
_LOCKED_WORDS = {
    table: TABLE_WORDS[table]
    for table in (
        "activities",
        "attendance",
        "dues_payments",
        "claims",
        "vetoes",
        "corrections",
        "appraisals",
        "withdrawals",
        "dues_reversals",
    )
}

_WAY_OUT = "请打开另一个账本，或从备份恢复（菜单“文件 → 从备份恢复”）。"

# Book files this process has open, by (device, inode). On POSIX, closing any descriptor of a
# file drops every lock the process holds on it, SQLite's included (SQLite's own connections
# share their descriptors and are safe). The window opens its book again for every background
# job; if that read the header through a descriptor of ours, another program closing the book
# would then find no other user and fold and delete the WAL under the window.
_open_here: dict[tuple[int, int], int] = {}
_open_here_lock = threading.Lock()


def _file_key(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


def _open_in_this_process(path: Path) -> bool:
    if os.name != "posix":  # the lock problem is POSIX's; Windows may report inode 0
        return False
    key = _file_key(path)
    with _open_here_lock:
        return key is not None and _open_here.get(key, 0) > 0


def is_open_here(path: Path) -> bool:
    """Whether this program has a book open at `path` (any platform)."""
    key = _file_key(path)
    with _open_here_lock:
        return key is not None and _open_here.get(key, 0) > 0


def now_iso() -> str:
    return datetime.now().isoformat(timespec="seconds")


def default_actor() -> str:
    import getpass  # here, like json and uuid below: opening a book to read needs none of them

    try:
        return getpass.getuser()
    except Exception:  # getuser raises on some Windows setups without USERNAME
        return "管理员"


@contextmanager
def read_only(path: Path, *, tidy: bool = True) -> Iterator[sqlite3.Connection]:
    """A read-only connection to `path` that leaves nothing behind.

    Reading a WAL-mode file creates empty -wal/-shm side files; those we created are removed
    again, so looking at a refused file or a backup on a USB stick changes nothing there.
    `tidy=False` leaves that to the caller (Book.open, whose own connection follows at once
    and uses the same side files).
    """
    made = side_files_missing(path)
    conn = sqlite3.connect(read_only_uri(Path(path)), uri=True)
    try:
        yield conn
    finally:
        conn.close()
        if tidy:
            remove_side_files_if_unused(path, made)


def side_files_missing(path: Path) -> list[Path]:
    """`path`'s -wal and -shm files that do not exist (yet): what opening it will make."""
    return [p for p in (Path(f"{path}-wal"), Path(f"{path}-shm")) if not p.exists()]


def remove_side_files_if_unused(path: Path, made: list[Path]) -> None:
    """Remove the -wal/-shm files a read-only look made, unless another connection uses them.

    Deleting them by hand is never safe: another program may have opened the book during the
    look and be writing into that very -wal (its commits would go into a deleted file and be
    lost when it stops). SQLite itself deletes both when its last connection closes, and only
    then: so a read-write connection is opened and closed, and SQLite decides. Where it can't
    (a write-protected file), the two small files stay.
    """
    if not any(p.exists() for p in made):
        return
    try:
        conn = sqlite3.connect(str(path), timeout=0)
        try:
            conn.execute("select count(*) from sqlite_master").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        pass  # damaged or busy: leave the side files rather than guess


READ_ONLY_ASKED = "只读查看"  # read_only_reason of a book opened read-only on purpose


def folder_writable(path: Path) -> bool:
    """Whether files can be made in `path`'s folder (a write-protected stick, a CD, a folder
    without permission: not). Tried for real: os.access can't see a write-protected volume on
    Windows, nor anything for an administrator."""
    folder = Path(path).parent
    probe = folder / f".pioneer-probe-{os.getpid()}-{threading.get_ident()}"
    try:
        fd = os.open(probe, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return True
    except OSError:
        return False
    os.close(fd)
    with contextlib.suppress(OSError):
        probe.unlink()
    return True


PACK_BACKUP_READ_ONLY = "报送包里的账本备份，只读打开，以免改动报送包"
#: A handover pack's manifest (book/pack.py writes it; named here, below pack, for
#: is_pack_backup, which every opening of a book asks).
PACK_MANIFEST = "清单.json"


def read_only_problem(path: Path) -> str | None:
    """Why the book at `path` can't be written here (Chinese), or None when it can."""
    path = Path(path)
    if not os.access(path, os.W_OK):
        return "账本文件是只读的"
    if not folder_writable(path):
        return "账本所在的文件夹是只读的（例如写保护的U盘、光盘，或没有写入权限）"
    if is_pack_backup(path):
        return PACK_BACKUP_READ_ONLY
    return None


def is_pack_backup(path: Path) -> bool:
    """Whether `path` is the 账本备份.db a handover pack's 清单.json lists. Opened for writing
    (even a look: the connection switches the file to WAL) its bytes change and the township
    finds the pack 「被改动：账本备份.db」 — a township reviewer double-clicking the .db on the
    stick made the branch look as if it had altered its pack."""
    manifest = Path(path).parent / PACK_MANIFEST
    if not manifest.is_file():  # one stat for every other book
        return False
    import json

    try:
        data = json.loads(manifest.read_text(encoding="utf-8"))
        files = data.get("files") or []
    except (OSError, ValueError, AttributeError):
        return False
    return any(
        isinstance(f, dict) and f.get("name") == Path(path).name and f.get("kind") == "backup"
        for f in files
    )


def read_only_uri(path: Path) -> str:
    """The URI that opens `path` read-only. In a folder nobody can write SQLite could not make
    the side files a WAL book needs to be read, and would call a healthy book unopenable: there
    the file is opened as immutable (nobody can change it there either), unless a -wal with
    content beside it holds the latest actions."""
    uri = f"{Path(path).resolve().as_uri()}?mode=ro"
    wal = Path(f"{path}-wal")
    has_wal = wal.exists() and wal.stat().st_size > 0
    if not has_wal and not folder_writable(path):
        uri += "&immutable=1"
    return uri


def check_file(path: Path) -> None:
    """Refuse, before SQLite opens it, a file that can't be a book: missing, a folder, not a
    database, cut short. Raises a BookError subclass."""
    path = Path(path)
    if not path.exists():
        raise BookMissingError(f"找不到账本文件：{path}。", "请检查路径，或新建一个账本。")
    if path.is_dir():
        raise NotABookError(f"{path} 是一个文件夹，不是账本文件。", _WAY_OUT)
    if not _open_in_this_process(path):  # open here already: it is a book (see _open_here)
        _check_header(path)


def inspect_file(
    path: Path,
    *,
    quick_check: bool = True,
    conn: sqlite3.Connection | None = None,
    tidy: bool = True,
) -> dict[str, Any]:
    """Check a file read-only and say what it is. Raises a BookError subclass if unusable.

    Returns application_id, user_version and the branch name when present. `quick_check=False`
    leaves SQLite's self-check to the caller (verify runs the full integrity_check anyway).
    `conn`: a read-only connection to `path` that the caller opened after `check_file(path)`
    (verify's own), looked through instead of opening and closing another. `tidy=False`
    leaves the side files the look made (see `read_only`).
    """
    path = Path(path)
    if conn is None:
        check_file(path)
    try:
        if conn is not None:
            return _inspect(conn, path, quick_check)
        with read_only(path, tidy=tidy) as own:
            return _inspect(own, path, quick_check)
    except sqlite3.DatabaseError as exc:
        raise DamagedBookError(
            f"账本 {path.name} 已损坏：{sqlite_problem(exc)}。", _WAY_OUT
        ) from exc


# SQLite's own words for what is wrong with a file, as a secretary would read them.
_SQLITE_PROBLEMS = (
    ("database disk image is malformed", "文件内容已损坏，数据库结构不完整"),
    ("file is not a database", "文件内容不是数据库，可能被截断或覆盖"),
    ("disk i/o error", "读写文件时出错，U 盘或硬盘可能有问题"),
    ("database is locked", "另一个程序正在使用此账本，请稍后再试或关闭它"),
    ("unable to open database file", "打不开文件，可能没有权限或路径不存在"),
    ("attempt to write a readonly database", "文件是只读的，不能写入"),
    ("could not decode to utf-8", "账本中有内容已损坏，读不出来"),
)


def sqlite_problem(exc: BaseException) -> str:
    """`exc`'s SQLite message in Chinese where it is a known one (the original kept after it
    for the log and for support), else SQLite's own words."""
    text = str(exc)
    for words, chinese in _SQLITE_PROBLEMS:
        if words in text.lower():
            return f"{chinese}（{text}）"
    return text


def _check_header(path: Path) -> None:
    with open(path, "rb") as fh:
        header = fh.read(100)
    if len(header) == 0:
        raise NotABookError(f"文件 {path.name} 是空的（0 字节），不是先锋指数账本。", _WAY_OUT)
    if not header.startswith(SQLITE_HEADER):
        raise NotABookError(f"文件 {path.name} 不是先锋指数账本（不是数据库文件）。", _WAY_OUT)
    if len(header) < 100:
        raise DamagedBookError(f"账本 {path.name} 已损坏：文件被截断。", _WAY_OUT)


def _inspect(conn: sqlite3.Connection, path: Path, quick_check: bool = True) -> dict[str, Any]:
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if app_id != APPLICATION_ID:
        raise NotABookError(f"文件 {path.name} 是一个数据库，但不是先锋指数账本。", _WAY_OUT)
    if version > SCHEMA_VERSION:
        raise NewerBookError(
            f"账本 {path.name} 由更新版本的先锋指数创建（格式第 {version} 版，"
            f"本程序只认识到第 {SCHEMA_VERSION} 版）。",
            "请安装最新版本的先锋指数后再打开；本程序不会改动这个文件。",
        )
    problems = ["ok"]
    if quick_check:
        problems = [row[0] for row in conn.execute("PRAGMA quick_check").fetchall()]
    if problems != ["ok"]:
        raise DamagedBookError(
            f"账本 {path.name} 已损坏（数据库自检发现 {len(problems)} 处问题）。", _WAY_OUT
        )
    branch = None
    if conn.execute("select 1 from sqlite_master where type='table' and name='branch'").fetchone():
        row = conn.execute("select name from branch where id = 1").fetchone()
        branch = row[0] if row else None
    return {"application_id": app_id, "user_version": version, "branch": branch}


class Book:
    """An open branch book. Use `Book.open` or `Book.create`; close when done.

    A Book belongs to the thread that opened it (sqlite3 rule); background work opens its own.
    """

    def __init__(self, path: Path, conn: sqlite3.Connection, actor: str | None = None) -> None:
        self.path = Path(path)
        self.conn = conn
        self._actor = actor  # given explicitly (tests, background jobs): wins over the book's
        self.closed = False  # screens drop late background results for a closed book
        self._file_key: tuple[int, int] | None = None  # set while `path` is open here
        self._held = False  # this program's mark in the book's in-use lock (book/inuse.py)
        # Why the book was opened read-only (Chinese), or None: writes are refused.
        self.read_only_reason: str | None = None

    def _track_file(self) -> None:
        """Count this connection to the file in `_open_here` and mark the book as in use by
        this program (Book.open and Book.create; a Book around another connection, such as an
        import's in-memory trial, is not)."""
        from desktop.book import inuse

        self._file_key = _file_key(self.path)
        if self._file_key is not None:
            with _open_here_lock:
                _open_here[self._file_key] = _open_here.get(self._file_key, 0) + 1
        try:
            self._held = inuse.hold(self.path)
        except BaseException:
            self.close()
            raise

    @property
    def read_only(self) -> bool:
        return self.read_only_reason is not None

    def check_writable(self) -> None:
        """Refuse a write to a book opened read-only, or whose file another program replaced
        since it was opened (a restore): the write would go to the old file and be lost."""
        from desktop.book.errors import BookReplacedError, ReadOnlyBookError

        if self.read_only_reason is not None:
            why = "" if self.read_only_reason == READ_ONLY_ASKED else f"（{self.read_only_reason}）"
            raise ReadOnlyBookError(
                f"账本 {self.path.name} 是以只读方式打开的{why}，不能修改。",
                "可以查看和打印；要修改，请把账本复制到电脑上（或取消只读）后再打开。",
            )
        if self._file_key is not None and _file_key(self.path) != self._file_key:
            raise BookReplacedError(
                f"账本文件 {self.path.name} 已被另一个程序替换（例如从备份恢复），"
                "刚才的操作没有保存。",
                "请重新打开账本（菜单“文件 → 打开账本”，或关闭后再启动程序），再做一次。",
            )

    @cached_property
    def db(self) -> sqlite_utils.Database:
        """sqlite-utils over the same connection, made on first use: importing it costs about
        a tenth of a second, which the window's start (reads only) does without."""
        import sqlite_utils

        return sqlite_utils.Database(self.conn)

    def execute(self, sql: str, params: Any = ()) -> sqlite3.Cursor:
        return self.conn.execute(sql, params)

    def query(self, sql: str, params: Any = ()) -> list[dict[str, Any]]:
        """Rows as dicts (column name → value)."""
        cursor = self.conn.execute(sql, params)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    # -- lifecycle -------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: str | os.PathLike[str],
        *,
        backup_dir: Path | None = None,
        read_only: bool = False,
    ) -> Book:
        """Open an existing book, migrating it (after a verified backup) if it is older.

        `read_only=True` opens it for reading only (a township desk looking at a pack's copy);
        a book whose file or folder can't be written (a write-protected stick) is opened
        read-only by itself. Either way `book.read_only_reason` says why, and writes are
        refused with ReadOnlyBookError.
        """
        path = Path(path)
        # The side files the first look makes stay for the connection that follows (saving a
        # connection that would only remove them, ~2 ms of every start); they go again if the
        # book is not opened after all, or on closing a book opened read-only.
        made = side_files_missing(path)
        try:
            book = cls._open(path, made, backup_dir=backup_dir, read_only=read_only)
        except BaseException:
            remove_side_files_if_unused(path, made)
            raise
        return book

    @classmethod
    def _open(
        cls, path: Path, made: list[Path], *, backup_dir: Path | None, read_only: bool
    ) -> Book:
        info = inspect_file(path, tidy=False)
        reason = READ_ONLY_ASKED if read_only else None
        if reason is None and path.exists():
            reason = read_only_problem(path)
        if reason is not None:
            if info["user_version"] < SCHEMA_VERSION:
                raise NewerBookError(
                    f"账本 {path.name} 是旧版本的格式，需要升级后才能打开，但它是只读的"
                    f"（{reason}）。",
                    "请把账本复制到电脑上（或取消只读）后再打开。",
                )
            book = cls(path, _connect_read_only(path))
            book.read_only_reason = reason
            # Side files a read-only look made go again on closing (nothing left behind).
            book._made_side_files = made
            book._track_file()
            return book
        book = cls(path, _connect(path))
        book._track_file()
        if info["user_version"] < SCHEMA_VERSION:
            try:
                if info["user_version"] > 0:
                    # Imported lazily: backup imports store for verification.
                    from desktop.book.backup import backup_book

                    backup_book(book, reason="升级前", dest_dir=backup_dir)
                book._migrate()
            except BaseException:
                book.close()
                raise
        return book

    @classmethod
    def create(
        cls,
        path: str | os.PathLike[str],
        *,
        branch: str,
        year: int,
        scheme_id: str | None = None,
        parent_org: str = "",
        kind: str = "",
        operator: str = "",
    ) -> Book:
        """Create a new, empty book. Refuses to overwrite an existing file."""
        path = Path(path)
        if not branch.strip():
            raise InputRefused(
                "支部名称不能为空。", {"branch": "请填写支部名称，例如“红星村党支部”。"}
            )
        if not 2000 <= year <= 2100:
            raise InputRefused(f"年度 {year} 不合理。", {"year": "请填写四位年份，例如 2026。"})
        if scheme_id:
            from desktop.rules.presets import list_presets

            known = [p for p, _ in list_presets()]
            if scheme_id not in known:
                raise InputRefused(
                    f"没有名为“{scheme_id}”的积分方案。", {"scheme": f"可选：{'、'.join(known)}。"}
                )
        if path.exists() and path.stat().st_size > 0:
            raise NotABookError(
                f"文件 {path} 已存在，不能在它上面新建账本。", "请换一个文件名或文件夹。"
            )
        import uuid

        path.parent.mkdir(parents=True, exist_ok=True)
        book = cls(path, _connect(path))
        book._track_file()
        book.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        book._migrate()
        with book.action("新建账本", f"{branch} {year} 年"):
            book.db["branch"].insert(
                {
                    "id": 1,
                    "name": branch.strip(),
                    "parent_org": parent_org.strip(),
                    "kind": kind.strip(),
                    "created_at": now_iso(),
                }
            )
            book.set_setting("current_year", str(year))
            # Identifies this book across renames (restore warns about another book's backup).
            book.set_setting("book_id", uuid.uuid4().hex)
            if operator.strip():
                book.set_setting("operator", operator.strip()[:20])
            if scheme_id:
                from desktop.rules.presets import preset_text

                book.set_setting("default_scheme", scheme_id)
                # The scheme chosen at set-up is the first year's own (its text kept, so a
                # later update of the preset does not change the year's points).
                book.db["schemes"].insert(
                    {"year": year, "scheme_id": scheme_id, "text": preset_text(scheme_id)}
                )
        return book

    def close(self) -> None:
        # Fold the WAL back so a copied or restored file is whole on its own.
        if self.read_only_reason is None:
            with contextlib.suppress(sqlite3.Error):
                self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self.conn.close()
        remove_side_files_if_unused(self.path, getattr(self, "_made_side_files", []))
        if self._held:
            from desktop.book import inuse

            self._held = False
            inuse.release(self.path)
        if not self.closed and self._file_key is not None:
            with _open_here_lock:
                left = _open_here.pop(self._file_key, 1) - 1
                if left > 0:
                    _open_here[self._file_key] = left
        self.closed = True

    def __enter__(self) -> Book:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _migrate(self) -> None:
        from desktop.book.schema import MIGRATIONS

        MIGRATIONS.apply(self.db)
        self.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    # -- transactions and the journal ------------------------------------------------------

    @contextmanager
    def action(self, action: str, summary: str = "", **detail: Any) -> Iterator[Book]:
        """One user action = one transaction + one journal line. Nested actions join the outer.

        A write refused by the confirmed-quarter triggers (schema m004) becomes RecordLocked, so
        every screen shows the Chinese reason instead of a database error.
        """
        try:
            with self.write():
                yield self
                self._journal_line(action, summary, detail)
        except sqlite3.IntegrityError as exc:
            if "已确认" in str(exc):
                from desktop.book.errors import RecordLocked

                text = str(exc)
                for table, label in _LOCKED_WORDS.items():
                    text = text.replace(f"（{table}）", f"（{label}）")
                raise RecordLocked(
                    text.rstrip("。") + "。",
                    "确认后的记录不能修改或删除；如有错误，请在未确认的季度登记“更正”，写明原因。",
                ) from exc
            raise

    @contextmanager
    def write(self) -> Iterator[Book]:
        """A write transaction that begins as a writer (BEGIN IMMEDIATE); nested ones are
        savepoints of the outer.

        A transaction that began by reading cannot wait for another program's write to finish
        (SQLite answers `database is locked` at once, whatever the busy timeout): beginning as
        a writer waits its turn for up to the busy timeout, and then says in Chinese that
        another program is using the book (BookBusyError).
        """
        db = self.db  # made first: sqlite-utils sets a PRAGMA when it is made
        if self.conn.in_transaction:
            with db.atomic():
                yield self
            return
        self.check_writable()
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise_if_busy(exc, self.path)
            raise
        try:
            yield self
        except BaseException:
            if self.conn.in_transaction:
                self.conn.rollback()
            raise
        try:
            self.conn.execute("COMMIT")
        except sqlite3.OperationalError as exc:
            if self.conn.in_transaction:
                self.conn.rollback()
            raise_if_busy(exc, self.path)
            raise

    def _journal_line(self, action: str, summary: str, detail: dict[str, Any]) -> None:
        """Append a journal line, chained to the one before (book/verify.py check_journal)."""
        import json

        from desktop.book.verify import GENESIS, JOURNAL_HEAD, journal_line_hash

        last = self.execute("select id, chain from journal order by id desc limit 1").fetchone()
        prev = (last[1] if last else None) or GENESIS
        row = (
            (last[0] if last else 0) + 1,
            now_iso(),
            self.actor,
            action,
            summary,
            json.dumps(detail, ensure_ascii=False, default=str) if detail else "",
        )
        chain = journal_line_hash(prev, row)
        self.execute(
            "insert into journal (id, at, actor, action, summary, detail, chain)"
            " values (?, ?, ?, ?, ?, ?, ?)",
            [*row, chain],
        )
        self.execute(
            "insert into settings(key, value) values (?, ?)"
            " on conflict(key) do update set value = excluded.value",
            [JOURNAL_HEAD, f"{row[0]}:{chain}"],
        )

    def journal(self, limit: int = 200) -> list[dict[str, Any]]:
        return self.query("select * from journal order by id desc limit ?", [limit])

    @property
    def roster(self):  # -> Roster; imported here because roster imports this module
        from desktop.book.roster import Roster

        return Roster(self)

    # -- settings and branch ---------------------------------------------------------------

    def setting(self, key: str, default: str | None = None) -> str | None:
        row = self.execute("select value from settings where key = ?", [key]).fetchone()
        return row[0] if row else default

    def set_setting(self, key: str, value: str) -> None:
        self.db["settings"].upsert({"key": key, "value": value}, pk="key")

    @property
    def current_year(self) -> int:
        value = self.setting("current_year")
        return int(value) if value else datetime.now().year

    def branch(self) -> dict[str, Any]:
        row = self.execute("select name, parent_org, kind from branch where id = 1").fetchone()
        if row is None:
            return {"name": "", "parent_org": "", "kind": ""}
        return {"name": row[0], "parent_org": row[1] or "", "kind": row[2] or ""}

    @property
    def actor(self) -> str:
        """Who is doing things (经办人): the name set for this book, else the computer's user.
        It goes into the journal and the 经办人/审定人 fields of claims, notices and
        confirmations, so a real name reads better there than a Windows login."""
        return self._actor or self.setting("operator") or default_actor()

    @property
    def operator(self) -> str:
        """The 经办人 name set for this book ('' when none is set)."""
        return self.setting("operator") or ""

    def update_branch(
        self, *, name: str, parent_org: str = "", kind: str = "", operator: str | None = None
    ) -> None:
        from desktop.book.errors import InputRefused

        if not name.strip():
            raise InputRefused("支部名称不能为空。", {"name": "请填写支部名称。"})
        if operator is not None and len(operator.strip()) > 20:
            raise InputRefused(
                "经办人姓名太长。", {"operator": "请只填写姓名，例如“张红梅”（20 字以内）。"}
            )
        with self.action("修改支部信息", name):
            self.db["branch"].update(
                1, {"name": name.strip(), "parent_org": parent_org.strip(), "kind": kind.strip()}
            )
            if operator is not None:
                self.set_setting("operator", operator.strip())

    def integrity_ok(self) -> bool:
        return self.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


BUSY_TIMEOUT = 10  # seconds a write waits for another program's write to finish


def raise_if_busy(exc: sqlite3.OperationalError, path: Path) -> None:
    """Raise BookBusyError for SQLite's `database is locked` (the busy timeout ran out)."""
    if "locked" in str(exc).lower() or "busy" in str(exc).lower():
        from desktop.book.errors import BookBusyError

        raise BookBusyError(
            f"另一个程序正在使用此账本（{path.name}），等待 {BUSY_TIMEOUT} 秒后仍未轮到，"
            "刚才的操作没有保存。",
            "请稍后再试；如果另一个先锋指数窗口或命令正在运行，请等它完成或关闭它。",
        ) from exc


def _connect_read_only(path: Path) -> sqlite3.Connection:
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True, timeout=BUSY_TIMEOUT)
        conn.execute("PRAGMA query_only = ON")
    except sqlite3.DatabaseError as exc:
        raise DamagedBookError(
            f"账本 {path.name} 无法打开：{sqlite_problem(exc)}。", _WAY_OUT
        ) from exc
    return conn


def _connect(path: Path) -> sqlite3.Connection:
    try:
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT)
        # Writes outside `Book.write` (sqlite-utils helpers, migrations) also begin as writers.
        conn.isolation_level = "IMMEDIATE"
        conn.execute("PRAGMA journal_mode = WAL")
        # FULL: an acknowledged action survives a power cut, which an office PC will see.
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA recursive_triggers = ON")  # as sqlite-utils sets it
    except sqlite3.DatabaseError as exc:
        raise DamagedBookError(
            f"账本 {path.name} 无法打开：{sqlite_problem(exc)}。", _WAY_OUT
        ) from exc
    return conn
