"""The dues register as an .xlsx workbook: gathers the book's data for desktop.sheets."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from desktop.book import dues
from desktop.book.errors import InputRefused
from desktop.book.store import Book


def export_register(book: Book, year: int, path: Path, *, today: date | None = None) -> Path:
    """Write the year's 党费收缴台账 workbook to `path`; returns the path."""
    from desktop.book.outputs import check_output_path
    from desktop.sheets.dues_register import write_dues_register
    from desktop.sheets.errors import WorkbookError

    path = check_output_path(path, book.path)
    try:
        write_dues_register(path, dues.year_register(book, year, today=today))
    except WorkbookError as exc:
        raise InputRefused(str(exc)) from exc
    return path
