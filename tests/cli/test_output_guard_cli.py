"""`pioneer export B.db`, `print roster --out B.db`, `dues export-register --out B.db`: refused
(exit 1), and the book still opens with everything in it."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_testkit import run

from desktop.book.store import Book


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "B.db"
    Book.create(path, branch="红星村党支部", year=2026).close()
    return path


@pytest.mark.parametrize(
    "args",
    [
        ["export", "{db}"],
        ["print", "roster", "--out", "{db}"],
        ["dues", "export-register", "--year", "2026", "--out", "{db}"],
        ["export", "{db}-wal"],
        ["print", "roster", "--out", "{db}-shm"],
    ],
)
def test_outputs_never_replace_the_book(capsys, db: Path, args: list[str]) -> None:
    size = db.stat().st_size
    code, out, err = run(capsys, "--db", str(db), *[a.format(db=db) for a in args])
    assert code == 1, (out, err)
    assert "不能写到" in err and "已导出" not in out and "已生成" not in out
    assert db.stat().st_size == size
    with Book.open(db) as book:
        assert book.branch()["name"] == "红星村党支部"
