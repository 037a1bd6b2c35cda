"""Verified backups and restore, through SQLite's online backup API (never a file copy).

A backup is a single self-contained file (journal_mode=DELETE, no -wal beside it) that is
integrity-checked before it gets its final name, so a half-written backup never exists
under a name that looks finished.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import Any

from desktop.book.errors import (
    AlteredBookError,
    BackupFailed,
    BookError,
    DamagedBookError,
    InputRefused,
)
from desktop.book.paths import backup_dir
from desktop.book.store import (
    Book,
    check_file,
    inspect_file,
    read_only,
    read_only_uri,
    remove_side_files_if_unused,
    side_files_missing,
    sqlite_problem,
)

BACKUP_SUFFIX = ".db"
AUTO_KEEP = 30  # automatic backups kept in the user data folder; older ones rotate out

_COUNTED_TABLES = {
    "members": "党员",
    "party_groups": "党小组",
    "activities": "活动",
    "attendance": "签到记录",
    "dues_payments": "党费记录",
    "claims": "积分申报",
    "journal": "操作记录",
}


def _safe_name(text: str) -> str:
    return re.sub(r'[\\/:*?"<>|\s]+', "_", text).strip("_") or "账本"


def backup_book(
    book: Book,
    *,
    reason: str = "手动",
    dest_dir: Path | None = None,
    keep: int = AUTO_KEEP,
    only_if_changed: bool = False,
) -> Path:
    """Write a verified backup of `book`; return its path.

    With no `dest_dir` it goes to the user data folder's 备份 folder and old automatic backups
    are rotated out; a chosen folder (a USB stick) is never pruned. `only_if_changed` (used on
    closing the window) returns the newest automatic backup instead of writing a new one when
    nothing has happened since it, so opening and closing the program doesn't push real
    history out of the rotation.
    """
    automatic = dest_dir is None
    if automatic:
        target_dir = backup_dir()
        target_dir.mkdir(parents=True, exist_ok=True)
    else:
        target_dir = Path(dest_dir)  # type: ignore[arg-type]
        # Never create a chosen folder: a mistyped or pulled-out USB path would otherwise put
        # the "U盘" backup silently on the PC's own disk.
        if not target_dir.is_dir():
            if target_dir.exists():
                raise InputRefused(
                    f"“{target_dir}”不是文件夹。请选择一个已有的文件夹（如U盘）保存备份。"
                )
            raise InputRefused(
                f"文件夹不存在：{target_dir}。请选择一个已有的文件夹保存"
                "（U盘是否已插好？盘符或路径是否写对？）。"
            )
    if automatic and only_if_changed:
        newest = _newest_backup(target_dir)
        if newest is not None and _state(newest) == _book_state(book):
            return newest
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    base = f"{_safe_name(book.branch()['name'])}-备份-{stamp}-{_safe_name(reason)}"
    final = target_dir / f"{base}{BACKUP_SUFFIX}"
    n = 1
    while final.exists():
        n += 1
        final = target_dir / f"{base}-{n}{BACKUP_SUFFIX}"
    part = final.with_name(final.name + ".part")
    needed = _book_bytes(book)
    _check_room(target_dir, needed)
    try:
        _copy_database(book.conn, part)
        verify_file(part)
        os.replace(part, final)
    except BaseException as exc:
        # Nothing half-written stays: no .part (old backups were never touched).
        with contextlib.suppress(OSError):
            part.unlink(missing_ok=True)
        if isinstance(exc, (sqlite3.Error, OSError)):
            raise _backup_fault(exc, target_dir, needed) from exc
        raise
    if automatic:
        rotate(target_dir, keep)
    return final


def _mb(size: int) -> str:
    return f"{max(size, 0) / 1_000_000:.1f}".rstrip("0").rstrip(".") or "0"


def _book_bytes(book: Book) -> int:
    """About what a backup of `book` takes: its pages (a backup is the same pages)."""
    pages = book.execute("pragma page_count").fetchone()[0]
    return int(pages * book.execute("pragma page_size").fetchone()[0])


def _free_bytes(folder: Path) -> int | None:
    try:
        return shutil.disk_usage(folder).free
    except OSError:
        return None


def _check_room(folder: Path, needed: int) -> None:
    """Refuse before writing anything when the folder's disk can't hold the backup."""
    free = _free_bytes(folder)
    if free is not None and free < needed + 64 * 1024:
        raise BackupFailed(
            f"U盘空间不足：备份需要约 {_mb(needed)} MB，{folder} 只剩 {_mb(free)} MB。",
            "请删去U盘上不需要的文件，或换一个U盘/文件夹后再备份。没有写入任何文件，原有的备份都还在。",
        )


def _backup_fault(exc: BaseException, folder: Path, needed: int) -> BookError:
    """What went wrong writing a backup, in Chinese (the cause is in the exception chain)."""
    import errno

    text = str(exc).lower()
    code = getattr(exc, "errno", None)
    kept = "没有留下不完整的文件，原有的备份都还在。"
    if not folder.is_dir() or code in (errno.ENOENT, errno.ENODEV, errno.ENXIO):
        return BackupFailed(
            f"U盘被拔出或文件夹已不在：{folder}。备份没有完成。",
            f"请插好U盘（或选择一个存在的文件夹）后重新备份。{kept}",
        )
    if code == errno.ENOSPC or "disk is full" in text or "database or disk is full" in text:
        free = _free_bytes(folder)
        left = f"，只剩 {_mb(free)} MB" if free is not None else ""
        return BackupFailed(
            f"U盘空间不足：备份需要约 {_mb(needed)} MB{left}。备份没有完成。",
            f"请删去U盘上不需要的文件，或换一个U盘/文件夹后再备份。{kept}",
        )
    from desktop.book.store import folder_writable

    if (
        code in (errno.EROFS, errno.EACCES, errno.EPERM)
        or "readonly" in text
        or "unable to open" in text
        or not folder_writable(folder / "x")
    ):
        return BackupFailed(
            f"不能写入 {folder}：U盘或文件夹是只读的（或没有写入权限）。备份没有完成。",
            f"请打开U盘的写保护开关，或换一个文件夹后重新备份。{kept}",
        )
    return BackupFailed(
        f"写入备份时出错：{sqlite_problem(exc)}（{folder}）。备份没有完成。",
        f"U盘可能接触不良或已损坏：请换一个U盘或文件夹后重试。{kept}",
    )


def _copy_database(source: sqlite3.Connection, dest: Path) -> None:
    dest.unlink(missing_ok=True)
    target = sqlite3.connect(str(dest))
    try:
        source.backup(target)
        # A backup travels alone (USB stick, e-mail): no WAL side files.
        target.execute("PRAGMA journal_mode = DELETE")
        target.commit()
    finally:
        target.close()


def _backups(folder: Path) -> list[Path]:
    """Backups in `folder`, newest first."""
    return sorted(
        (p for p in folder.glob(f"*-备份-*{BACKUP_SUFFIX}") if p.is_file()),
        key=lambda p: p.stat().st_mtime,
        reverse=True,
    )


def _newest_backup(folder: Path) -> Path | None:
    backups = _backups(folder)
    return backups[0] if backups else None


def _book_state(book: Book) -> tuple[int, int]:
    """What identifies the book's content for `only_if_changed`: last journal line, format."""
    head = book.execute("select coalesce(max(id), 0) from journal").fetchone()[0]
    return head, book.execute("pragma user_version").fetchone()[0]


def _state(path: Path) -> tuple[int, int] | None:
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True)
        try:
            head = conn.execute("select coalesce(max(id), 0) from journal").fetchone()[0]
            return head, conn.execute("pragma user_version").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return None


def rotate(folder: Path, keep: int, *, monthly: int = 12) -> list[Path]:
    """Remove old automatic backups in `folder`; return what was removed.

    Kept: the newest `keep`, and also the newest backup of each of the last `monthly` months,
    so a mistake found weeks later can still be undone from a backup made before it.
    """
    backups = _backups(folder)
    kept = set(backups[:keep])
    months: dict[str, Path] = {}
    for path in backups:  # newest first: the first seen of a month is its newest
        month = datetime.fromtimestamp(path.stat().st_mtime).strftime("%Y-%m")
        if month not in months and len(months) < monthly:
            months[month] = path
    kept.update(months.values())
    removed = [p for p in backups if p not in kept]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def _integrity_problems(uri: str, out: list[str]) -> None:
    """SQLite's integrity_check of the file at `uri` into `out`, on a connection of its own
    (a thread): it checks every page and index while the other checks read the rows."""
    try:
        conn = sqlite3.connect(uri, uri=True)
        try:
            out.extend(r[0] for r in conn.execute("PRAGMA integrity_check").fetchall())
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        out.append(f"error: {sqlite_problem(exc)}")


def verify_file(path: Path) -> dict[str, Any]:
    """Check a backup or book thoroughly (read-only) and describe what it holds. What it
    checks, in order: docs/safety.md (book/verify.py holds the checks of our own).

    Raises a BookError subclass with a Chinese reason when the file is unusable. Leaves
    nothing behind: the -wal/-shm files its read-only connections made go again.
    """
    path = Path(path)
    made = side_files_missing(path)
    try:
        return _verify_file(path)
    finally:
        remove_side_files_if_unused(path, made)


def _verify_file(path: Path) -> dict[str, Any]:
    import threading

    check_file(path)
    uri = read_only_uri(path)  # once: it resolves the path and tries the folder for writing
    conn = sqlite3.connect(uri, uri=True)
    try:
        # What the file is, through this connection (the integrity_check below is fuller
        # than inspect's quick_check).
        info = inspect_file(path, quick_check=False, conn=conn)
    except BaseException:
        conn.close()
        raise
    integrity: list[str] = []
    # integrity_check and reading every row at once, on two cores.
    checker = threading.Thread(target=_integrity_problems, args=(uri, integrity), daemon=True)
    checker.start()
    try:
        try:
            from desktop.book import verify as checks

            # Every row of every table read (integrity_check doesn't decode a text), then the
            # chain, the protections, the journal and the confirmations; reported after
            # SQLite's own verdict, which comes first when it finds damage.
            damage = checks.check_rows(conn)
            tables = {
                r[0] for r in conn.execute("select name from sqlite_master where type='table'")
            }
            chain = problem = None
            if "snapshots" in tables:
                # Confirmed quarters are hash-chained: name the first one whose result
                # changed. Then the facts each confirmed quarter locked: the first one edited.
                from desktop.book.quarter import chain_links, check_facts
                from desktop.rules.quarter import verify_chain

                links = chain_links(conn)
                problem = verify_chain(links) or check_facts(conn)
                chain = {
                    "confirmed": [link.label for link in links],
                    "head": links[-1].hash if links else None,
                }
            altered = (
                checks.check_protections(conn, info["user_version"])
                or checks.check_journal(conn)
                or checks.check_confirmations(conn)
            )
        finally:
            checker.join()
        if integrity != ["ok"]:
            if integrity and integrity[0].startswith("error: "):
                raise DamagedBookError(
                    f"文件 {path.name} 已损坏：{integrity[0][7:]}。", "请换用另一个备份。"
                )
            raise DamagedBookError(
                f"文件 {path.name} 已损坏（完整性检查发现 {len(integrity)} 处问题）。",
                "请换用另一个备份。",
            )
        if damage is not None:
            raise DamagedBookError(f"文件 {path.name} 已损坏：{damage}。", "请换用另一个备份。")
        if problem is not None:
            raise AlteredBookError(
                f"文件 {path.name} 中已确认的{problem}。",
                "这份账本不可信：请用确认时打印的校验值核对，或换用更早的备份。",
                period=problem.label,
            )
        if altered is not None:
            raise AlteredBookError(
                f"文件 {path.name} 不完好：{altered}。",
                "这份账本不可信：请换用更早的备份，或请技术人员核对。",
            )
        counts = {
            label: conn.execute(f"select count(*) from {table}").fetchone()[0]
            for table, label in _COUNTED_TABLES.items()
            if table in tables
        }
        last = None
        if "journal" in tables:
            row = conn.execute("select at, action, summary from journal order by id desc limit 1")
            last = row.fetchone()
        year = None
        if "settings" in tables:
            row = conn.execute("select value from settings where key='current_year'").fetchone()
            year = int(row[0]) if row else None
    except sqlite3.DatabaseError as exc:
        raise DamagedBookError(
            f"文件 {path.name} 已损坏：{sqlite_problem(exc)}。", "请换用另一个备份。"
        ) from exc
    finally:
        conn.close()
    return {
        "path": str(path),
        "branch": info["branch"],
        "year": year,
        "schema_version": info["user_version"],
        "counts": counts,
        "last_action": ({"at": last[0], "action": last[1], "summary": last[2]} if last else None),
        "size": path.stat().st_size,
        "chain": chain,
    }


def restore_concerns(book_path: Path, report: dict[str, Any]) -> dict[str, Any]:
    """What restoring the backup described by `report` over the book at `book_path` would
    replace: another branch's book, and the actions done since the backup was made.

    {"current_branch", "other_branch" (bool), "later_actions" (count), "warnings" [Chinese]}.
    A missing or unreadable current book has nothing to lose (it is moved aside, not lost).
    """
    out: dict[str, Any] = {
        "current_branch": None, "other_branch": False, "later_actions": 0, "warnings": []
    }  # fmt: skip
    try:
        current = inspect_file(Path(book_path))
        with read_only(Path(report["path"])) as conn:
            backup_id, backup_last = _identity(conn)
        with read_only(Path(book_path)) as conn:
            book_id, _ = _identity(conn)
            same_book = book_id == backup_id
            later = conn.execute(
                "select count(*) from journal where id > ?", [backup_last]
            ).fetchone()[0]
    except (BookError, sqlite3.Error, OSError, KeyError):
        return out
    mine, theirs = current.get("branch") or "", report.get("branch") or ""
    out["current_branch"] = mine
    # The book's identity, not its name, decides: a renamed branch's own backups aren't foreign.
    out["other_branch"] = bool(mine and theirs and mine != theirs and not same_book)
    out["later_actions"] = later if same_book else 0
    if out["other_branch"]:
        out["warnings"].append(
            f"这份备份是“{theirs}”的账本，而当前账本是“{mine}”。恢复后当前账本将变成“{theirs}”。"
        )
    if out["later_actions"]:
        out["warnings"].append(
            f"当前账本在这份备份之后还有 {out['later_actions']} 项操作，恢复后这些操作会消失"
            "（恢复前会自动另存当前账本，必要时可再恢复回来）。"
        )
    return out


def _identity(conn: sqlite3.Connection) -> tuple[str | None, int]:
    """(the book's id — set at creation, or its creation time for older books — and its last
    journal line's id)."""
    row = conn.execute("select value from settings where key = 'book_id'").fetchone()
    if row is None:
        row = conn.execute("select created_at from branch where id = 1").fetchone()
    last = conn.execute("select coalesce(max(id), 0) from journal").fetchone()[0]
    return (row[0] if row else None), last


def restore_book(
    book_path: Path, backup_path: Path, *, other_branch: bool = False
) -> dict[str, Any]:
    """Replace the book at `book_path` by a verified backup.

    The current book is backed up first (or, if it is damaged, moved aside untouched).
    A backup of another branch is refused unless `other_branch` says the user meant it.
    The caller must have closed the book. Returns {"restored": report, "saved": path or None}.
    """
    from desktop.book import inuse
    from desktop.book.store import is_open_here, read_only_problem

    book_path = Path(book_path)
    report = verify_file(backup_path)
    if book_path.exists() and (problem := read_only_problem(book_path)) is not None:
        raise InputRefused(
            f"不能恢复到 {book_path}：{problem}，账本没有改动。",
            ["请把备份恢复到一个可以写入的位置（例如先把账本复制到电脑上再打开）。"],
        )
    if is_open_here(book_path):
        raise inuse.BookInUseError(
            f"账本 {book_path.name} 在本程序中还打开着，不能恢复。", "请先关闭它。"
        )
    if others := inuse.holders(book_path):
        raise inuse.BookInUseError(
            f"账本 {book_path.name} 正被另一个程序打开：{inuse.describe(others)}，没有恢复。",
            "请先关闭那个程序（或等它完成），再恢复。",
            holders=others,
        )
    concerns = restore_concerns(book_path, report)
    if concerns["other_branch"] and not other_branch:
        raise InputRefused(
            f"这份备份是“{report['branch']}”的账本，当前账本是“{concerns['current_branch']}”，"
            "没有恢复。",
            [
                "请确认选对了备份文件；如确实要用另一个支部的备份替换当前账本，"
                "命令行请加 --other-branch，窗口中请勾选确认。"
            ],
        )
    saved: Path | None = None
    if book_path.exists():
        try:
            current = Book.open(book_path)
        except BookError:
            # Keep the damaged file for inspection; never overwrite evidence.
            saved = _move_aside(book_path)
        else:
            try:
                saved = backup_book(current, reason="恢复前")
            except (DamagedBookError, AlteredBookError):
                # Damage that opening doesn't see (a snapshot, a row): the way out must not be
                # blocked by it. The book is kept as it is, moved aside like one that won't open.
                current.close()
                saved = _move_aside(book_path)
            finally:
                current.close()
    part = book_path.with_name(book_path.name + ".restoring")
    source = sqlite3.connect(read_only_uri(Path(backup_path)), uri=True)
    try:
        _copy_database(source, part)
    finally:
        source.close()
    try:
        verify_file(part)
        # Nobody may open the book between the check and the replacement (book/inuse.py).
        with inuse.exclusive(book_path):
            # Stale WAL side files would be replayed onto the restored file: remove them first.
            for suffix in ("-wal", "-shm"):
                Path(str(book_path) + suffix).unlink(missing_ok=True)
            os.replace(part, book_path)
    finally:
        part.unlink(missing_ok=True)
    return {"restored": report, "saved": str(saved) if saved else None}


def _move_aside(book_path: Path) -> Path:
    """Move a damaged book (with its side files) into the backup folder as it is."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    saved = backup_dir() / f"{book_path.stem}-损坏-{stamp}{book_path.suffix}"
    shutil.move(str(book_path), saved)
    for suffix in ("-wal", "-shm"):
        side = Path(f"{book_path}{suffix}")
        if side.exists():
            shutil.move(str(side), f"{saved}{suffix}")
    return saved


def list_backups(folder: Path | None = None) -> list[Path]:
    folder = Path(folder) if folder else backup_dir()
    return sorted(folder.glob(f"*{BACKUP_SUFFIX}"), key=lambda p: p.stat().st_mtime, reverse=True)
