"""A damaged book is described in Chinese, not only in SQLite's English."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.book.errors import DamagedBookError
from desktop.book.store import Book, sqlite_problem


def test_sqlite_words_are_put_in_chinese() -> None:
    text = sqlite_problem(Exception("database disk image is malformed"))
    assert text.startswith("文件内容已损坏") and "malformed" in text  # the original kept
    assert sqlite_problem(Exception("something new")) == "something new"


def test_a_book_with_a_damaged_schema_page_says_so_in_chinese(tmp_path: Path) -> None:
    path = tmp_path / "b.db"
    Book.create(path, branch="红星村党支部", year=2026).close()
    data = bytearray(path.read_bytes())
    data[100:1500] = b"\xff" * 1400  # the first page after the header: the schema
    path.write_bytes(bytes(data))
    with pytest.raises(DamagedBookError) as refused:
        Book.open(path)
    message = refused.value.message
    assert "已损坏" in message
    assert any("\u4e00" <= ch <= "\u9fff" for ch in message.split("已损坏", 1)[1]), message
