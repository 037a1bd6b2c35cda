"""The one guard every output goes through: no PDF, workbook or copy may replace a book.

`pioneer export B.db`, `print roster --out B.db` or a save dialog pointed at the book would
otherwise overwrite the branch's whole record with a workbook. The command line's writers
(`printing.print_document`, `interchange.export_workbook`, `dues_sheets.export_register`) and
the window's save dialogs (`gui.roster_files.ask_save_path`, the export dialog) all call
`check_output_path` before they write; so do the township's 汇总表 and 审核回执, which must
never land inside a branch's pack (the pack would then read 「被改动」).
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


def _pack_folder(folder: Path) -> Path | None:
    """`folder` when it is a township pack (报送包: it holds 清单.json, or is named as packs
    are, also while being written), else None."""
    from desktop.book.pack import PACK_PREFIX
    from desktop.book.store import PACK_MANIFEST

    try:
        if (folder / PACK_MANIFEST).is_file() or folder.name.startswith(PACK_PREFIX):
            return folder
    except OSError:
        pass
    return None


def check_output_path(path: str | os.PathLike[str], book_path: Path | None = None) -> Path:
    """Refuse (InputRefused, nothing written) an output at `path` that would replace a book:
    the open book (`book_path`) or any book open in this program, their -wal/-shm/-journal
    side files, any file that is a book, a backup or another database, or any file inside a
    township pack (its files are checked against its manifest). Returns the path."""
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
    pack = _pack_folder(target.parent)
    if pack is not None:
        raise InputRefused(
            f"不能写到 {name}：文件夹“{pack.name}”是支部的报送包，放进或替换其中的文件会改动"
            "报送包，核对时它会显示“被改动”。",
            ["请保存在报送包文件夹之外，例如U盘的根目录或“文档”文件夹。"],
        )
    kind = file_kind(target)
    if kind == "book" or (target.exists() and _open_here(target)):
        raise InputRefused(
            f"不能写到 {name}：这是一个先锋指数账本或备份，写入会覆盖它。", refuse_hint
        )
    if kind == "database":
        raise InputRefused(f"不能写到 {name}：这是一个数据库文件，写入会覆盖它。", refuse_hint)
    return target
