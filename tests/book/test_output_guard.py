"""No output (PDF, workbook, copy) may replace a book, its side files, or a backup."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from desktop.book.backup import backup_book, verify_file
from desktop.book.dues_sheets import export_register
from desktop.book.errors import InputRefused
from desktop.book.interchange import export_workbook
from desktop.book.outputs import check_output_path, file_kind
from desktop.book.printing import print_document
from desktop.book.store import Book


def _writers(book: Book):
    return {
        "export": lambda out: export_workbook(book, out),
        "print roster": lambda out: print_document(book, "roster", out),
        "dues export-register": lambda out: export_register(book, 2026, out),
    }


@pytest.mark.parametrize("writer", ["export", "print roster", "dues export-register"])
def test_no_writer_replaces_the_open_book_or_its_side_files(demo_book: Book, writer) -> None:
    write = _writers(demo_book)[writer]
    demo_book.roster.add_member({"name": "新来的", "status": "正式党员"})  # the WAL has content
    for target in (demo_book.path, Path(f"{demo_book.path}-wal"), Path(f"{demo_book.path}-shm")):
        assert target.exists()
        before = target.stat().st_size
        with pytest.raises(InputRefused, match="不能写到") as err:
            write(target)
        assert target.name in str(err.value)
        assert target.stat().st_size == before
    assert demo_book.roster.find("新来的")
    assert demo_book.integrity_ok()


def test_no_writer_replaces_a_backup_or_another_book(demo_book: Book, tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    backup = backup_book(demo_book, dest_dir=usb)
    # Even under a name that looks like an output, a backup is recognised by its content.
    disguised = usb / "花名册.xlsx"
    shutil.copyfile(backup, disguised)
    other = Book.create(tmp_path / "other.db", branch="另一个支部", year=2026)
    other.close()
    for target in (backup, disguised, other.path):
        with pytest.raises(InputRefused, match="先锋指数账本或备份"):
            _writers(demo_book)["export"](target)
        verify_file(target)


def test_other_databases_are_refused_and_ordinary_files_replaced(tmp_path: Path) -> None:
    db = tmp_path / "other.sqlite"
    sqlite3.connect(db).execute("create table t(x)").connection.close()
    assert file_kind(db) == "database"
    with pytest.raises(InputRefused, match="数据库文件"):
        check_output_path(db)
    old_pdf = tmp_path / "old.pdf"
    old_pdf.write_bytes(b"%PDF-1.4 old")
    assert check_output_path(old_pdf) == old_pdf
    assert check_output_path(tmp_path / "new.pdf") == tmp_path / "new.pdf"
    # A side-file name of something that is not a book is just a name.
    assert check_output_path(tmp_path / "notes.txt-wal")
