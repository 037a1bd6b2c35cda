"""The one guard every output goes through: no PDF, workbook or copy may replace a book.

`pioneer export B.db`, `print roster --out B.db` or a save dialog pointed at the book would
otherwise overwrite the branch's whole record with a workbook. The command line's writers
(`printing.print_document`, `interchange.export_workbook`, `dues_sheets.export_register`) and
the window's save dialogs (`gui.roster_files.ask_save_path`, the export dialog) all call
`check_output_path` before they write.
"""

from __future__ import annotations

import os
from pathlib import Path

from desktop.book.errors import InputRefused

# Files SQLite (and the in-use lock, book/inuse.py) keep beside a book while it is open.
SIDE_SUFFIXES = ("-wal", "-shm", "-journal", "-inuse")

_SQLITE_HEADER = b"SQLite format 3\x00"
_APPLICATION_ID = (0x50494F4E).to_bytes(4, "big")  # store.APPLICATION_ID, at header offset 68


def file_kind(path: Path) -> str | None:
    """'book' for a Pioneer Index book or backup, 'database' for another SQLite file, else
    None (also for a missing or unreadable file). Reads only the 100-byte header."""
    try:
        with open(path, "rb") as fh:
            header = fh.read(100)
    except OSError:
        return None
    if not header.startswith(_SQLITE_HEADER):
        return None
    return "book" if header[68:72] == _APPLICATION_ID else "database"


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.normcase(os.path.abspath(a)) == os.path.normcase(os.path.abspath(b))


def _open_here(path: Path) -> bool:
    from desktop.book.store import is_open_here

    return is_open_here(path)


def check_output_path(path: str | os.PathLike[str], book_path: Path | None = None) -> Path:
    """Refuse (InputRefused, nothing written) an output at `path` that would replace a book:
    the open book (`book_path`) or any book open in this program, their -wal/-shm/-journal
    side files, or any file that is a book, a backup or another database. Returns the path."""
    target = Path(path)
    name = target.name
    refuse_hint = [
        "请换一个文件名或文件夹，例如“花名册.pdf”“导出.xlsx”。"
        "如确实要替换那个文件，请先在文件夹中把它移走或改名。"
    ]
    for suffix in SIDE_SUFFIXES:
        if name.lower().endswith(suffix) and len(name) > len(suffix):
            base = target.with_name(name[: -len(suffix)])
            if (
                (book_path is not None and _same_file(base, book_path))
                or file_kind(base) == "book"
                or _open_here(base)
            ):
                raise InputRefused(
                    f"不能写到 {name}：这是账本 {base.name} 的附属文件，覆盖它会损坏账本。",
                    refuse_hint,
                )
    if book_path is not None and _same_file(target, book_path):
        raise InputRefused(
            f"不能写到 {name}：这就是当前打开的账本，写入会用输出的文件覆盖整个账本。",
            refuse_hint,
        )
    kind = file_kind(target)
    if kind == "book" or (target.exists() and _open_here(target)):
        raise InputRefused(
            f"不能写到 {name}：这是一个先锋指数账本或备份，写入会覆盖它。", refuse_hint
        )
    if kind == "database":
        raise InputRefused(f"不能写到 {name}：这是一个数据库文件，写入会覆盖它。", refuse_hint)
    return target
