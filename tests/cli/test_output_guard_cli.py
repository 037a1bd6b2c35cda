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


def test_nothing_is_saved_into_a_branchs_pack(capsys, tmp_path: Path) -> None:
    """The township's 汇总表 and 审核回执, or a print, saved into a pack folder would replace or
    add a file the manifest checks: the branch's pack would read 「被改动」. Refused, the pack
    stays intact; beside the pack (the stick's root) is fine."""
    from tests.cli.pack_testkit import make_pack

    book_path, pack = make_pack(tmp_path / "branch")
    before = sorted(p.name for p in pack.iterdir())
    cases = [
        ["township", "summary", str(pack.parent), "--out", str(pack / "01-党员花名册.pdf")],
        ["township", "summary", str(pack.parent), "--out", str(pack / "汇总表.xlsx")],
        ["township", "approve", str(pack), "--by", "李审", "--opinion", "同意",
         "--out", str(pack / "账本备份.db")],
        ["--db", str(book_path), "print", "roster", "--out", str(pack / "花名册.pdf")],
    ]  # fmt: skip
    for args in cases:
        code, _out, err = run(capsys, *args)
        assert code == 1, (args, err)
        assert "是支部的报送包" in err and "报送包文件夹之外" in err
    assert sorted(p.name for p in pack.iterdir()) == before
    code, out, err = run(capsys, "verify", str(pack))
    assert code == 0, out + err
    code, _out, err = run(
        capsys, "township", "summary", str(pack.parent), "--out", str(pack.parent / "汇总表.pdf")
    )
    assert code == 0, err
